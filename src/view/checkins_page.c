/*
 * The check-in calendar (checkins_page.h).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "checkins_page.h"
#include "../io/json.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

/* Each state's cell: its class, its mark and word, and what the link's title says. */
static const struct {
	const char *cls, *text, *title;
} cell_of[CAL__MAX] = {
	[CAL_OUTSIDE] = { "month-out", "", N_("not running") },
	[CAL_HELD] = { "month-yes", N_("✓ held"), N_("held") },
	[CAL_MISSING] = { "month-no", N_("✗ missing"), N_("missing") },
	[CAL_UPCOMING] = { "month-due", N_("○ upcoming"), N_("upcoming") },
};

/* "Mar 2016" ("mar 2016"): the month's words without the day, in the page's language. */
static void
month_words(tdate month, struct strbuf *out)
{
	char w[DATE_WORDS_BUFSZ];
	const char *s = date_format_words_lang(month, lang_code(i18n_current()), w);

	strbuf_addstr(out, strchr(s, ' ') ? strchr(s, ' ') + 1 : s);
}

static void
cell_write(struct html *h, const struct checkins_page *pg, const struct checkins_row *r,
    const struct checkin_month *c)
{
	struct strbuf href = STRBUF_INIT, title = STRBUF_INIT;

	assert(c->state >= 0 && c->state < CAL__MAX);
	html_open(h, "td", "class", cell_of[c->state].cls, NULL);
	if (c->state == CAL_OUTSIDE) {
		html_close(h);
		return;
	}
	strbuf_addf(&title, "%s, ", r->name);
	month_words(c->month, &title);
	strbuf_addf(&title, ": %s", _(cell_of[c->state].title));
	if (c->state == CAL_HELD) {
		strbuf_addf(&href, "/i/%s/checkins/%s", r->slug, c->first_id);
		if (c->count > 1)
			strbuf_addf(&title, P_(" (%zu check-in)", " (%zu check-ins)", c->count), c->count);
	} else
		strbuf_addf(&href, "/i/%s/checkins%s", r->slug, pg->can_add ? "/new" : "");
	html_open(h, "a", "href", href.buf, "title", title.buf, NULL);
	html_text(h, _(cell_of[c->state].text));
	html_close(h);
	html_close(h);
	strbuf_release(&href);
	strbuf_release(&title);
}

void
checkins_page_write(struct html *h, const struct checkins_page *pg)
{
	size_t count[CAL__MAX] = { 0 };
	struct strbuf sb = STRBUF_INIT;

	frame_begin(h, pg->frame);
	for (size_t r = 0; r < pg->nrows; r++)
		for (size_t m = 0; m < pg->nmonths; m++)
			count[pg->rows[r].months[m].state]++;
	html_open(h, "p", "class", "meta", NULL);
	if (pg->nrows > 0 && pg->nmonths > 0) {
		month_words(pg->rows[0].months[0].month, &sb);
		strbuf_addstr(&sb, " – ");
		month_words(pg->rows[0].months[pg->nmonths - 1].month, &sb);
		/* TRANSLATORS: the months ("Mar 2016 – Feb 2017"), then three counts */
		html_textf(h, _("Each initiative's monthly check-in with the program team, %s: "
		    "%zu held, %zu missing, %zu upcoming."), sb.buf, count[CAL_HELD],
		    count[CAL_MISSING], count[CAL_UPCOMING]);
	} else
		html_text(h, _("Each initiative's monthly check-in with the program team."));
	html_close(h);
	if (pg->period_form)
		html_raw(h, pg->period_form);
	if (pg->nrows == 0) {
		html_elem(h, "p", _("This program has no initiatives yet."));
		goto out;
	}
	html_open(h, "ul", "class", "legend", "aria-label", _("What the cells mean"), NULL);
	for (int s = CAL_HELD; s < CAL__MAX; s++) {
		html_open(h, "li", "class", cell_of[s].cls, NULL);
		html_text(h, _(cell_of[s].text));
		html_close(h);
	}
	html_elem(h, "li", _("blank: the initiative was not running that month"));
	html_close(h);
	/* scrolls in its own box on a phone: focusable, so a keyboard can scroll it */
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label",
	    _("Check-ins by month"), NULL);
	html_open(h, "table", "class", "months calendar", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Initiative"));
	html_close(h);
	for (size_t m = 0; m < pg->nmonths; m++) {
		strbuf_reset(&sb);
		month_words(pg->rows[0].months[m].month, &sb);
		html_open(h, "th", "scope", "col", NULL);
		html_text(h, sb.buf);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t r = 0; r < pg->nrows; r++) {
		const struct checkins_row *row = &pg->rows[r];

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/checkins", row->slug);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, row->name);
		html_close(h);
		if (row->city) {
			html_open(h, "div", "class", "note", NULL);
			html_text(h, row->city);
			html_close(h);
		}
		html_close(h);
		for (size_t m = 0; m < pg->nmonths; m++)
			cell_write(h, pg, row, &row->months[m]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
out:
	strbuf_release(&sb);
	frame_end(h);
}

void
followups_list_write(struct html *h, const struct followups_list *l)
{
	struct strbuf sb = STRBUF_INIT;
	char w[DATE_WORDS_BUFSZ];
	const char *lang = lang_code(i18n_current());
	size_t overdue = 0;

	for (size_t i = 0; i < l->nitems; i++)
		overdue += l->items[i].due < l->today;
	html_open(h, "section", "class", "followups", "aria-labelledby", "followups-h", NULL);
	html_open(h, "h2", "id", "followups-h", NULL);
	html_text(h, _("Open follow-ups"));
	html_close(h);
	html_open(h, "p", "class", "meta", NULL);
	if (l->nitems == 0)
		html_text(h, _("No follow-up of a check-in is open."));
	else if (!overdue)
		html_textf(h, P_("%zu follow-up agreed at check-ins and not done yet.",
		    "%zu follow-ups agreed at check-ins and not done yet.", l->nitems), l->nitems);
	else {
		/* TRANSLATORS: followed by "N past their due date." */
		html_textf(h, P_("%zu follow-up agreed at check-ins and not done yet, ",
		    "%zu follow-ups agreed at check-ins and not done yet, ", l->nitems), l->nitems);
		html_textf(h, P_("%zu past its due date.", "%zu past their due date.", overdue),
		    overdue);
	}
	html_close(h);
	if (l->nitems == 0)
		goto out;
	html_open(h, "table", "class", "cards followups", NULL);
	html_thead(h, _("Due"), _("Follow-up"), _("Owner"), _("Initiative"), _("Check-in"),
	    l->can_mark ? _("Done?") : NULL, NULL);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < l->nitems; i++) {
		const struct followup_item *it = &l->items[i];
		int late = it->due < l->today;

		html_open(h, "tr", late ? "class" : NULL, "overdue", NULL);
		html_open(h, "td", "class", "when", "data-label", _("Due"), NULL);
		/* one piece, so that a phone's card keeps "overdue" beside its date */
		html_open(h, "span", NULL);
		html_text(h, date_format_words_lang(it->due, lang, w));
		if (late) {
			html_open(h, "span", "class", "late", NULL);
			html_text(h, _(" overdue"));
			html_close(h);
		}
		html_close(h);
		html_close(h);
		html_open(h, "th", "scope", "row", "data-label", _("Follow-up"), NULL);
		html_text(h, it->text);
		html_close(h);
		html_open(h, "td", "data-label", _("Owner"), NULL);
		html_text(h, it->owner);
		html_close(h);
		html_open(h, "td", "data-label", _("Initiative"), NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/checkins", it->slug);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, it->initiative);
		html_close(h);
		html_close(h);
		html_open(h, "td", "data-label", _("Check-in"), NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/checkins/%s", it->slug, it->checkin_id);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, date_format_words_lang(it->checkin_date, lang, w));
		html_close(h);
		html_close(h);
		if (l->can_mark) {
			char n[24];

			html_open(h, "td", "data-label", _("Done?"), NULL);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "/i/%s/checkins/%s/done", it->slug, it->checkin_id);
			html_open(h, "form", "method", "post", "action", sb.buf, "class", "inline", NULL);
			frame_csrf_field(h, l->csrf);
			snprintf(n, sizeof(n), "%zu", it->n);
			html_void(h, "input", "type", "hidden", "name", "n", "value", n, NULL);
			html_void(h, "input", "type", "hidden", "name", "back", "value",
			    l->back ? l->back : "/", NULL);
			strbuf_reset(&sb);
			strbuf_addf(&sb, _("Mark “%s” done"), it->text);
			html_open(h, "button", "type", "submit", "aria-label", sb.buf, NULL);
			html_text(h, _("Mark done"));
			html_close(h);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
out:
	html_close(h);
	strbuf_release(&sb);
}

/* "2016-03" */
static void
month_code(tdate month, struct strbuf *out)
{
	char d[DATE_BUFSZ];

	strbuf_add(out, date_format(month, d), 7);
}

void
checkins_calendar_json(struct strbuf *out, const struct checkins_page *pg)
{
	strbuf_addstr(out, "{\"months\": [");
	for (size_t m = 0; pg->nrows && m < pg->nmonths; m++) {
		strbuf_addstr(out, m ? ", \"" : "\"");
		month_code(pg->rows[0].months[m].month, out);
		strbuf_addch(out, '"');
	}
	strbuf_addstr(out, "],\n \"initiatives\": [");
	for (size_t r = 0; r < pg->nrows; r++) {
		const struct checkins_row *row = &pg->rows[r];

		strbuf_addstr(out, r ? ",\n  {\"slug\": " : "\n  {\"slug\": ");
		json_write_string(out, row->slug);
		strbuf_addstr(out, ", \"months\": [");
		for (size_t m = 0; m < pg->nmonths; m++) {
			const struct checkin_month *c = &row->months[m];

			strbuf_addstr(out, m ? ", {\"month\": \"" : "{\"month\": \"");
			month_code(c->month, out);
			strbuf_addf(out, "\", \"state\": \"%s\", \"checkins\": %zu, \"first\": ",
			    checkin_state_names[c->state], c->count);
			if (c->first_id)
				json_write_string(out, c->first_id);
			else
				strbuf_addstr(out, "null");
			strbuf_addch(out, '}');
		}
		strbuf_addstr(out, "]}");
	}
	strbuf_addstr(out, "]}\n");
}
