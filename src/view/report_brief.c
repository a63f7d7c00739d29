#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "report_brief.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

void
report_brief_take(struct report_brief *b, const struct report *r)
{
	struct strbuf sb = STRBUF_INIT;

	assert(r->initiative);
	b->name = xstrdup(r->initiative->name);
	b->slug = xstrdup(r->initiative->slug);
	b->city = xstrdup(r->initiative->city);
	b->back_type = r->stepping_back.type;
	b->back = r->stepping_back.value;
	b->up_type = r->stepping_up.type;
	b->up = r->stepping_up.value;
	for (size_t j = 0; j < r->alerts.n; j++)
		strbuf_addf(&sb, "%s%s", j ? ", " : "", r->alerts.v[j].code);
	b->alerts = xstrdup(sb.len ? sb.buf : "");
	strbuf_reset(&sb);
	for (size_t j = 0; j < r->strengths.n; j++)
		strbuf_addf(&sb, "%s%s", j ? ", " : "", r->strengths.v[j].code);
	b->strengths = xstrdup(sb.len ? sb.buf : "");
	b->start = r->start;
	b->end = r->end;
	strbuf_release(&sb);
}

void
report_brief_release(struct report_brief *b)
{
	free(b->name);
	free(b->slug);
	free(b->city);
	free(b->alerts);
	free(b->strengths);
	memset(b, 0, sizeof(*b));
}
