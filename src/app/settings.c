/* A program's report settings as stored (settings.h). */
#include <stdlib.h>

#include "../metrics/metrics.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "settings.h"
#include "../util/banned.h"

int
app_settings_load(struct store *s, const char *program, struct metrics_settings *set,
    struct strbuf *err)
{
	metrics_settings_default(set);
	for (size_t i = 0; i < metrics_settings_count(); i++) {
		const char *name = metrics_settings_name(i);
		char *value = NULL;
		int rc = store_setting_get(s, program, name, &value, err);

		if (rc < 0)
			return -1;
		if (rc == 0 && metrics_settings_set(set, name, value)) {
			strbuf_reset(err);
			strbuf_addf(err, "setting %s: stored value '%s' is not valid; reset it "
			    "with `trellis settings --reset %s`", name, value, name);
			free(value);
			return -1;
		}
		free(value);
	}
	return 0;
}
