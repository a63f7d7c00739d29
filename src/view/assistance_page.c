/*
 * The program's technical assistance (assistance_page.h).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "assistance_page.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

const char *const assist_answer_words[ANSWER__MAX] = {
	[ANSWER_FLEXIBLE_GRANTS] = N_("Gap: flexible grants"),
	[ANSWER_EXPERTISE] = N_("Gap: expertise"),
	[ANSWER_IN_KIND_STAFFING] = N_("Gap: in-kind staffing"),
	[ANSWER_EXPERIMENT] = N_("Gap: bandwidth to experiment"),
	[ANSWER_CONVENER] = N_("Gap: credibility as a convener"),
	[ANSWER_DOMINANCE] = N_("Alert: backbone dominance"),
	[ANSWER_DIRECTOR_AS_EMPLOYEE] = N_("Alert: director as employee"),
	[ANSWER_BLURRED_BOUNDARIES] = N_("Alert: blurred boundaries"),
	[ANSWER_OUT_OF_THE_LOOP] = N_("Alert: out of the loop"),
	[ANSWER_NO_CONTRARY_VIEWS] = N_("Alert: no contrary views"),
};

/* "6.5 h" */
static void
hours_text(double h, struct strbuf *out)
{
	char b[NUM_BUFSZ];

	/* TRANSLATORS: a number of hours, "6.5 h" */
	strbuf_addf(out, _("%s h"), real_format(h, b));
}

static void
totals_write(struct html *h, const struct assistance_page *pg)
{
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "h2", "id", "hours-h", NULL);
	html_text(h, _("Hours per initiative"));
	html_close(h);
	html_open(h, "table", "class", "cards totals", "aria-labelledby", "hours-h", NULL);
	html_thead(h, _("Initiative"), _("Records"), _("Hours"), pg->can_add ? _("Record more") : NULL,
	    NULL);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->ntotals; i++) {
		const struct assistance_total *t = &pg->totals[i];

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", "data-label", _("Initiative"), NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/assistance", t->slug);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, t->name);
		html_close(h);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Records"), NULL);
		html_textf(h, "%zu", t->n);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Hours"), NULL);
		strbuf_reset(&sb);
		hours_text(t->hours, &sb);
		html_text(h, t->n ? sb.buf : "—");
		html_close(h);
		if (pg->can_add) {
			html_open(h, "td", "data-label", _("Record more"), NULL);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "/i/%s/assistance/new", t->slug);
			html_open(h, "a", "href", sb.buf, NULL);
			html_textf(h, _("Record assistance for %s"), t->city ? t->city : t->name);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
}

static void
items_write(struct html *h, const struct assistance_page *pg)
{
	struct strbuf sb = STRBUF_INIT;
	char w[DATE_WORDS_BUFSZ];

	html_open(h, "h2", "id", "given-h", NULL);
	html_text(h, _("Assistance given"));
	html_close(h);
	if (pg->nitems == 0) {
		html_elem(h, "p", _("No technical assistance is recorded yet."));
		goto out;
	}
	html_open(h, "table", "class", "cards assistance", "aria-labelledby", "given-h", NULL);
	html_thead(h, _("Date"), _("Topic"), _("Initiative"), _("Provider"), _("Hours"), _("Answers"),
	    NULL);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->nitems; i++) {
		const struct assistance_item *it = &pg->items[i];
		const struct assistance *a = it->a;

		html_open(h, "tr", NULL);
		html_open(h, "td", "class", "when", "data-label", _("Date"), NULL);
		html_text(h, date_format_words_lang(a->date, lang_code(i18n_current()), w));
		html_close(h);
		html_open(h, "th", "scope", "row", "data-label", _("Topic"), NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/assistance/%s", it->slug, a->id);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, a->topic);
		html_close(h);
		html_close(h);
		html_open(h, "td", "data-label", _("Initiative"), NULL);
		html_text(h, it->initiative);
		html_close(h);
		html_open(h, "td", "data-label", _("Provider"), NULL);
		html_text(h, it->provider);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Hours"), NULL);
		strbuf_reset(&sb);
		hours_text(a->hours, &sb);
		html_text(h, sb.buf);
		html_close(h);
		html_open(h, "td", "data-label", _("Answers"), NULL);
		if (a->answers.n == 0)
			html_text(h, "—");
		else {
			html_open(h, "ul", "class", "plain tags", NULL);
			for (size_t j = 0; j < a->answers.n; j++) {
				assert(a->answers.v[j] >= 0 && a->answers.v[j] < ANSWER__MAX);
				html_elem(h, "li", _(assist_answer_words[a->answers.v[j]]));
			}
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
out:
	strbuf_release(&sb);
}

void
assistance_page_write(struct html *h, const struct assistance_page *pg)
{
	struct strbuf sb = STRBUF_INIT;
	double hours = 0;
	size_t with = 0;

	frame_begin(h, pg->frame);
	for (size_t i = 0; i < pg->ntotals; i++) {
		hours += pg->totals[i].hours;
		with += pg->totals[i].n > 0;
	}
	hours_text(hours, &sb);
	html_open(h, "p", "class", "meta", NULL);
	/* TRANSLATORS: the number of records, then the hours ("6.5 h"); followed by "for N of M initiatives. …" */
	html_textf(h, P_("Technical assistance the program arranged for its initiatives: %zu record, %s, ",
	    "Technical assistance the program arranged for its initiatives: %zu records, %s, ",
	    pg->nitems), pg->nitems, sb.buf);
	html_textf(h, P_("for %zu of %zu initiative. Each answers a capacity gap of the backbone or "
	    "an alert of the balance report, where it says so.", "for %zu of %zu initiatives. Each "
	    "answers a capacity gap of the backbone or an alert of the balance report, where it says so.",
	    pg->ntotals), with, pg->ntotals);
	html_close(h);
	totals_write(h, pg);
	items_write(h, pg);
	strbuf_release(&sb);
	frame_end(h);
}

void
assistance_json(struct strbuf *out, const struct assistance_page *pg)
{
	char b[NUM_BUFSZ];

	strbuf_addstr(out, "{\"initiatives\": [");
	for (size_t i = 0; i < pg->ntotals; i++) {
		strbuf_addstr(out, i ? ",\n  {\"slug\": " : "\n  {\"slug\": ");
		json_write_string(out, pg->totals[i].slug);
		strbuf_addf(out, ", \"records\": %zu, \"hours\": %s}", pg->totals[i].n,
		    real_format(pg->totals[i].hours, b));
	}
	strbuf_addstr(out, "],\n \"assistance\": [");
	for (size_t i = 0; i < pg->nitems; i++) {
		struct strbuf rec = STRBUF_INIT;

		json_write_record(&rec, &kind_assistance, pg->items[i].a);
		strbuf_addstr(out, i ? ",\n  {\"initiative\": " : "\n  {\"initiative\": ");
		json_write_string(out, pg->items[i].slug);
		/* the record's own fields after its initiative: its '{' dropped */
		strbuf_addstr(out, ", ");
		strbuf_add(out, rec.buf + 1, rec.len - 1);
		strbuf_release(&rec);
	}
	strbuf_addstr(out, "]}\n");
}
