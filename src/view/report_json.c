/*
 * Report and capacity JSON (DESIGN §3 "JSON shape", §5). The keys and their
 * order are a contract with other tools; docs/metrics.md lists the extra
 * keys some figures carry beside "value" and "n".
 */
#include <stdio.h>
#include <string.h>

#include "report_json.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

static void
str(struct strbuf *out, const char *s)
{
	if (s == NULL)
		strbuf_addstr(out, "null");
	else
		json_write_string(out, s);
}

static void
num(struct strbuf *out, double v)
{
	char buf[NUM_BUFSZ];

	strbuf_addstr(out, real_format(v, buf));
}

static void
date(struct strbuf *out, tdate d)
{
	char buf[DATE_BUFSZ];

	if (d == DATE_NONE)
		strbuf_addstr(out, "null");
	else
		strbuf_addf(out, "\"%s\"", date_format(d, buf));
}

static void
figure_value(struct strbuf *out, const struct metrics_figure *f)
{
	switch (f->type) {
	case MV_NUMBER:
		num(out, f->value);
		break;
	case MV_BOOL:
		strbuf_addstr(out, f->value != 0 ? "true" : "false");
		break;
	default:
		strbuf_addstr(out, "null");
	}
}

static void
grant_ids(struct strbuf *out, const struct initiative *in, const int *g, size_t n)
{
	strbuf_addf(out, ",\"count\":%zu,\"ids\":[", n);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addch(out, ',');
		str(out, in->grants.v[g[i]].id);
	}
	strbuf_addch(out, ']');
}

/* The keys some figures carry beside "value" and "n". */
static void
figure_extras(struct strbuf *out, const struct report *r, int f)
{
	const struct initiative *in = r->initiative;
	const struct program *p = r->program;
	struct strbuf id = STRBUF_INIT;
	int first = 1;

	switch (f) {
	case FIG_FUNDS_PARTNERS_PAID:
		strbuf_addf(out, ",\"count\":%lld", (long long)r->partners_paid_count);
		break;
	case FIG_GRANTS_OVERSPENT:
		grant_ids(out, in, r->overspent.v, r->overspent.n);
		break;
	case FIG_GRANTS_UNSPENT_CLOSED:
		grant_ids(out, in, r->unspent_closed.v, r->unspent_closed.n);
		break;
	case FIG_GRANTS_LINES_OVER:
		strbuf_addf(out, ",\"count\":%zu,\"ids\":[", r->lines_over.n);
		for (size_t i = 0; i < r->lines_over.n; i++) {
			const struct grant *g = &in->grants.v[r->lines_over.v[i].grant];

			strbuf_reset(&id);
			strbuf_addf(&id, "%s/%s", g->id ? g->id : "",
			    g->lines.v[r->lines_over.v[i].line].name ?
			    g->lines.v[r->lines_over.v[i].line].name : "");
			if (i)
				strbuf_addch(out, ',');
			str(out, id.buf);
		}
		strbuf_addch(out, ']');
		break;
	case FIG_VALUEADD_HOURS:
		strbuf_addstr(out, ",\"by_type\":{");
		for (int t = 0; t < CONTRIB__MAX; t++) {
			if (r->count_by_type[t] == 0)
				continue;
			if (!first)
				strbuf_addch(out, ',');
			first = 0;
			str(out, contrib_type_names[t]);
			strbuf_addch(out, ':');
			num(out, r->hours_by_type[t]);
		}
		strbuf_addch(out, '}');
		break;
	case FIG_ENGAGEMENT_RATE:
		strbuf_addstr(out, ",\"by_org\":{");
		for (size_t i = 0; i < r->engagement_by_org.n; i++) {
			const struct metrics_org_rate *o = &r->engagement_by_org.v[i];

			if (i)
				strbuf_addch(out, ',');
			str(out, p->orgs.v[o->org].slug);
			strbuf_addch(out, ':');
			num(out, (double)o->attended / (double)o->expected);
		}
		strbuf_addch(out, '}');
		break;
	default:
		break;
	}
	strbuf_release(&id);
}

void
report_json_score(struct strbuf *out, const struct metrics_score *sc)
{
	strbuf_addstr(out, "{\"value\":");
	if (sc->type == MV_NUMBER)
		num(out, sc->value);
	else
		strbuf_addstr(out, "null");
	strbuf_addstr(out, ",\"parts\":{");
	for (size_t i = 0; i < sc->nparts; i++) {
		if (i)
			strbuf_addch(out, ',');
		str(out, sc->parts[i].name);
		strbuf_addch(out, ':');
		num(out, sc->parts[i].value);
	}
	strbuf_addstr(out, "}}");
}

/* n actions as "KEY":[records of trellis/1], nothing when n is 0. */
static void
actions_json(struct strbuf *out, const char *key, const struct action *const *v, size_t n)
{
	if (n == 0)
		return;
	strbuf_addf(out, ",\"%s\":[", key);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addch(out, ',');
		json_write_record(out, &kind_action, v[i]);
	}
	strbuf_addch(out, ']');
}

/*
 * The team's answer to an alert or strength, only when there is one: its
 * response and its actions as trellis/1 records (so a report without
 * answers keeps DESIGN §3's shape byte for byte).
 */
static void
answer_json(struct strbuf *out, const struct metrics_answer *a)
{
	if (a->response) {
		strbuf_addstr(out, ",\"response\":");
		json_write_record(out, &kind_alert_response, a->response);
	}
	actions_json(out, "actions", a->actions.v, a->actions.n);
}

void
report_json_write(const struct report *r, struct strbuf *out)
{
	strbuf_addstr(out, "{\"initiative\":");
	str(out, r->initiative ? r->initiative->slug : NULL);
	strbuf_addstr(out, ",\"as_of\":");
	date(out, r->as_of);
	strbuf_addstr(out, ",\"window\":{\"start\":");
	date(out, r->start);
	strbuf_addstr(out, ",\"end\":");
	date(out, r->end);
	strbuf_addf(out, "},\"team\":%d,\"figures\":{", r->team);
	for (int f = 0; f < FIG__MAX; f++) {
		if (f)
			strbuf_addch(out, ',');
		str(out, metrics_fig_names[f]);
		strbuf_addstr(out, ":{\"value\":");
		figure_value(out, &r->fig[f]);
		strbuf_addf(out, ",\"n\":%lld", (long long)r->fig[f].n);
		if (r->initiative)
			figure_extras(out, r, f);
		strbuf_addch(out, '}');
	}
	strbuf_addstr(out, "},\"scores\":{\"stepping_back\":");
	report_json_score(out, &r->stepping_back);
	strbuf_addstr(out, ",\"stepping_up\":");
	report_json_score(out, &r->stepping_up);
	strbuf_addstr(out, "},\"alerts\":[");
	for (size_t i = 0; i < r->alerts.n; i++) {
		const struct metrics_alert *a = &r->alerts.v[i];

		if (i)
			strbuf_addch(out, ',');
		strbuf_addf(out, "{\"pitfall\":%d,\"code\":", a->pitfall);
		str(out, a->code);
		strbuf_addstr(out, ",\"evidence\":[");
		for (size_t j = 0; j < a->evidence.n; j++) {
			if (j)
				strbuf_addch(out, ',');
			str(out, a->evidence.v[j]);
		}
		strbuf_addch(out, ']');
		answer_json(out, &a->answer);
		strbuf_addch(out, '}');
	}
	strbuf_addstr(out, "],\"strengths\":[");
	for (size_t i = 0; i < r->strengths.n; i++) {
		if (i)
			strbuf_addch(out, ',');
		strbuf_addf(out, "{\"practice\":%d,\"code\":", r->strengths.v[i].practice);
		str(out, r->strengths.v[i].code);
		answer_json(out, &r->strengths.v[i].answer);
		strbuf_addch(out, '}');
	}
	strbuf_addch(out, ']');
	actions_json(out, "earlier_actions", r->earlier.v, r->earlier.n);
	strbuf_addch(out, '}');
}

void
report_json_write_array(const struct report *rs, size_t n, struct strbuf *out)
{
	strbuf_addch(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addch(out, ',');
		report_json_write(&rs[i], out);
	}
	strbuf_addch(out, ']');
}

void
capacity_json_write(const struct capacity *c, struct strbuf *out)
{
	const struct program *p = c->program;
	char buf[NUM_BUFSZ];

	strbuf_addstr(out, "{\"org\":");
	str(out, p && c->org >= 0 ? p->orgs.v[c->org].slug : NULL);
	strbuf_addstr(out, ",\"staff\":");
	if (c->staff == INT_NONE)
		strbuf_addstr(out, "null");
	else
		strbuf_addf(out, "%lld", (long long)c->staff);
	strbuf_addstr(out, ",\"revenue\":");
	strbuf_addstr(out, c->revenue == INT_NONE ? "null" :
	    money_format(c->revenue, buf));
	strbuf_addstr(out, ",\"traits\":{");
	for (int t = 0; t < TRAIT__MAX; t++) {
		if (t)
			strbuf_addch(out, ',');
		str(out, metrics_trait_names[t]);
		strbuf_addstr(out, c->traits[t] ? ":true" : ":false");
	}
	strbuf_addf(out, "},\"traits_met\":%d,\"high_capacity\":%s",
	    c->traits_met, c->high_capacity ? "true" : "false");
	if (c->has_gaps) {
		strbuf_addstr(out, ",\"gaps\":[");
		for (size_t i = 0; i < c->gaps.n; i++) {
			const struct metrics_gap *g = &c->gaps.v[i];

			if (i)
				strbuf_addch(out, ',');
			strbuf_addstr(out, "{\"trait\":");
			str(out, metrics_trait_names[g->trait]);
			strbuf_addstr(out, ",\"offered_by\":[");
			for (size_t j = 0; j < g->offered_by.n; j++) {
				if (j)
					strbuf_addch(out, ',');
				str(out, p->orgs.v[g->offered_by.v[j]].slug);
			}
			strbuf_addstr(out, "]}");
		}
		strbuf_addch(out, ']');
	}
	strbuf_addch(out, '}');
}
