/* A program's report settings as stored (settings.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../io/json.h"
#include "../metrics/metrics.h"
#include "../store/store.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "settings.h"
#include "write.h"
#include "../util/i18n.h"
#include "../util/banned.h"

int
app_settings_load(struct store *s, const char *program, struct metrics_settings *set,
    struct strbuf *err)
{
	struct store_slugs all = { NULL, 0, 0 };	/* names and values in turn */
	int ret = -1;

	metrics_settings_default(set);
	if (store_settings_get(s, program, &all, err) == -1)
		return -1;
	for (size_t i = 0; i < metrics_settings_count(); i++) {
		const char *name = metrics_settings_name(i), *value = NULL;

		for (size_t j = 0; j + 1 < all.n; j += 2)
			if (strcmp(all.v[j], name) == 0)
				value = all.v[j + 1];
		if (value && metrics_settings_set(set, name, value)) {
			strbuf_reset(err);
			strbuf_addf(err, _("setting %s: stored value '%s' is not valid; reset it "
			    "with `trellis settings --reset %s`"), name, value, name);
			goto out;
		}
	}
	ret = 0;
out:
	store_slugs_release(&all);
	return ret;
}

/* The audit log's form of a setting: {"NAME": "VALUE"}, or nothing when it is not set. */
static void
setting_json(const char *name, const char *value, struct strbuf *out)
{
	strbuf_reset(out);
	if (value == NULL)
		return;
	strbuf_addch(out, '{');
	json_write_string(out, name);
	strbuf_addstr(out, ": ");
	json_write_string(out, value);
	strbuf_addch(out, '}');
}

/*
 * Checks set[i] and puts its canonical text in buf (NUL for a reset).
 * Returns 0, or 1 with err saying what the setting accepts.
 */
static int
setting_check(const struct app_setting *set, char *buf, struct strbuf *err)
{
	struct metrics_settings m;
	long i = metrics_settings_find(set->name);
	char range[METRICS_RANGE_BUFSZ];

	buf[0] = '\0';
	strbuf_reset(err);
	if (i < 0) {
		strbuf_addf(err, _("no setting '%s' (run `trellis settings` for the list)"),
		    set->name ? set->name : "");
		return 1;
	}
	if (set->value == NULL)
		return 0;
	metrics_settings_default(&m);
	if (metrics_settings_set(&m, set->name, set->value)) {
		/* TRANSLATORS: a setting's name, the value given, what it accepts (stays English) */
		strbuf_addf(err, _("%s: '%s' is not a valid value (give %s)"), set->name, set->value,
		    metrics_settings_range((size_t)i, range));
		return 1;
	}
	metrics_settings_value(&m, (size_t)i, buf);
	return 0;
}

/* app_settings_save's change (app_txn_fn), run again from the start after a conflict. */
struct settings_write {
	const char *program, *actor;
	const struct app_setting *set;
	size_t n, changed;
};

static int
settings_change(struct store *s, void *arg, struct strbuf *err)
{
	struct settings_write *w = arg;
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	char buf[NUM_BUFSZ];
	int ret = -1;

	w->changed = 0;
	for (size_t i = 0; i < w->n; i++) {
		const struct app_setting *set = &w->set[i];
		struct store_audit_entry a;
		char *old = NULL;
		const char *value;
		int r;

		setting_check(set, buf, err);
		value = set->value ? buf : NULL;
		if ((r = store_setting_get(s, w->program, set->name, &old, err)) == -1)
			goto out;
		if ((old == NULL && value == NULL) || (old && value && strcmp(old, value) == 0)) {
			free(old);
			continue;
		}
		setting_json(set->name, old, &before);
		setting_json(set->name, value, &after);
		a = (struct store_audit_entry){ .actor = w->actor, .program = w->program,
		    .action = old == NULL ? "create" : value ? "update" : "delete",
		    .kind = "settings", .record = set->name,
		    .before = before.len ? before.buf : NULL, .after = after.len ? after.buf : NULL,
		    .at = (int64_t)time(NULL) };
		r = store_setting_set(s, w->program, set->name, value, &a, err);
		free(old);
		if (r)
			goto out;
		w->changed++;
	}
	ret = 0;
out:
	strbuf_release(&before);
	strbuf_release(&after);
	return ret;
}

int
app_settings_save(struct store *s, const char *program, const struct app_setting *set,
    size_t n, const char *actor, size_t *bad, size_t *changed, struct strbuf *err)
{
	struct settings_write w = { .program = program, .actor = actor, .set = set, .n = n };
	char buf[NUM_BUFSZ];
	int gave_up = 0;

	*changed = 0;
	for (size_t i = 0; i < n; i++)
		if (setting_check(&set[i], buf, err)) {
			*bad = i;
			return 1;
		}
	if (app_txn_run(s, settings_change, &w, &gave_up, err) == -1)
		return gave_up ? -2 : -1;
	*changed = w.changed;
	return 0;
}
