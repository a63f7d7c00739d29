/*
 * The record pages (see records.h): lists built from the field tables by
 * form.c, with what each kind adds (the check-in month grid, event
 * attendance, a grant's budget against actual, survey response counts,
 * a decision's contrary-views mark, a check-in's progress, the ledger's
 * total), a record's page and its forms, the delete confirmation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "figures.h"
#include "../metrics/survey.h"
#include "../model/fieldtext.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* Whether English writes "an" before the kind's name: "an organization". */
static int
an(const struct records_kind *rk)
{
	return strchr("aeiou", rk->one[0]) != NULL;
}

void
records_add_title(const struct records_kind *rk, struct strbuf *out)
{
	/* TRANSLATORS: %s is one record's kind, lower case: "decision", "ledger entry" */
	strbuf_addf(out, an(rk) ? _("Add an %s") : _("Add a %s"), _(rk->one));
}

void
records_delete_title(const struct records_kind *rk, struct strbuf *out)
{
	/* TRANSLATORS: %s is one record's kind, lower case: "decision", "ledger entry" */
	strbuf_addf(out, an(rk) ? _("Delete an %s?") : _("Delete a %s?"), _(rk->one));
}

/* "Decision" from "decision", in the page's language. */
static void
one_title(const struct records_kind *rk, struct strbuf *out)
{
	const char *one = _(rk->one);

	strbuf_addch(out, one[0] >= 'a' && one[0] <= 'z' ? one[0] - 'a' + 'A' : one[0]);
	strbuf_addstr(out, one + 1);
}

void
records_saved_text(const struct records_kind *rk, const char *name, struct strbuf *out)
{
	struct strbuf kind = STRBUF_INIT;

	one_title(rk, &kind);
	/* TRANSLATORS: "Decision ‘Hire a coordinator’ saved.": the kind, then the record's name */
	strbuf_addf(out, _("%s ‘%s’ saved."), kind.buf, name);
	strbuf_release(&kind);
}

void
records_deleted_text(const struct records_kind *rk, struct strbuf *out)
{
	/* TRANSLATORS: %s is one record's kind, lower case: "decision" */
	strbuf_addf(out, _("The %s was deleted."), _(rk->one));
}

/* Appends rec's title or name and returns 1, or returns 0 (it has none). */
static int
titled(const struct form_ctx *c, const struct kind *k, const void *rec, struct strbuf *out)
{
	const struct field *tf = kind_field(k, "title");
	const char *t;

	if (tf == NULL || tf->type != FT_STR)
		tf = kind_field(k, "name");
	if (tf && tf->type == FT_STR && (t = form_text_shown(c, tf, rec)) != NULL && *t) {
		strbuf_addstr(out, t);
		return 1;
	}
	return 0;
}

void
records_name(const struct form_ctx *c, const struct kind *k, const struct records_kind *rk,
    const void *rec, struct strbuf *out)
{
	if (titled(c, k, rec, out))
		return;
	one_title(rk, out);
	strbuf_addstr(out, ": ");
	records_label(c, k, rec, out);
}

void
records_label(const struct form_ctx *c, const struct kind *k, const void *rec, struct strbuf *out)
{
	if (titled(c, k, rec, out))
		return;
	/* a member is its organization, a check-in its date, a tie its organizations */
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		size_t len = out->len;

		if (f->type == FT_ID || !form_field_is_column(f))
			continue;
		form_value_text(c, f, rec, out);
		if (out->len > len)
			break;
	}
}

/* ---------------------------------------------------------------- what some kinds add */

/* Months from the initiative's start to its end (or today), with and without a check-in. */
static void
checkin_grid(struct html *h, const struct initiative *in, tdate today)
{
	/* TRANSLATORS: the months' abbreviations (CLDR: ene feb mar abr may jun jul ago sept oct nov dic) */
	static const char *const mon[] = { N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"),
	    N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec") };
	tdate end = in->end != DATE_NONE && in->end < today ? in->end : today;
	int y, m, d, ey, em, missing = 0, row = -1;

	if (in->start == DATE_NONE || end < in->start)
		return;
	date_to_ymd(in->start, &y, &m, &d);
	date_to_ymd(end, &ey, &em, &d);
	html_elem(h, "h2", _("Months with a check-in"));
	/* scrolls in its own box on a phone: focusable, so a keyboard can scroll it */
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label",
	    _("Months with a check-in"), NULL);
	html_open(h, "table", "class", "months", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Year"));
	for (int i = 0; i < 12; i++)
		html_elem(h, "th", _(mon[i]));
	html_close(h);
	for (; y < ey || (y == ey && m <= em); m = m == 12 ? 1 : m + 1, y += m == 1) {
		int found = 0;

		if (row != y) {
			if (row != -1)
				html_close(h);
			row = y;
			html_open(h, "tr", NULL);
			html_open(h, "th", "scope", "row", NULL);
			html_textf(h, "%d", y);
			html_close(h);
			for (int i = 1; i < m; i++)
				html_elem(h, "td", "");
		}
		for (size_t i = 0; i < in->checkins.n; i++) {
			int cy, cm, cd;

			date_to_ymd(in->checkins.v[i].date, &cy, &cm, &cd);
			found += cy == y && cm == m;
		}
		missing += !found;
		html_open(h, "td", "class", found ? "month-yes" : "month-no", NULL);
		html_text(h, found ? _("✓ held") : _("✗ missing"));
		html_close(h);
	}
	if (row != -1)
		html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	if (missing)
		html_textf(h, P_("%d month without a check-in, marked “missing”.",
		    "%d months without a check-in, marked “missing”.", missing), missing);
	else
		html_text(h, _("A check-in every month."));
	html_close(h);
}

static void
event_attendance(struct html *h, const struct form_ctx *c, const struct initiative *in)
{
	struct strbuf sb = STRBUF_INIT;

	if (in->events.n == 0)
		return;
	html_elem(h, "h2", _("Attendance"));
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label",
	    _("Attendance"), NULL);
	html_open(h, "table", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Event"));
	html_elem(h, "th", _("Date"));
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Expected")); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Attended")); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Share")); html_close(h);
	html_elem(h, "th", _("Expected but absent"));
	html_close(h);
	for (size_t i = 0; i < in->events.n; i++) {
		const struct event *ev = &in->events.v[i];
		size_t came = 0;

		strbuf_reset(&sb);
		for (size_t j = 0; j < ev->expected.n; j++) {
			int there = 0;

			for (size_t k = 0; k < ev->attended.n; k++)
				there |= strcmp(ev->expected.v[j].slug, ev->attended.v[k].slug) == 0;
			came += there;
			if (!there) {
				const struct organization *o = program_org(c->p, ev->expected.v[j].slug);

				if (sb.len)
					strbuf_addstr(&sb, ", ");
				strbuf_addstr(&sb, o ? o->name : ev->expected.v[j].slug);
			}
		}
		html_open(h, "tr", NULL);
		html_elem(h, "td", ev->title);
		html_open(h, "td", NULL);
		{
			struct strbuf dt = STRBUF_INIT;

			figure_date(ev->date, &dt);
			html_text(h, dt.buf);
			strbuf_release(&dt);
		}
		html_close(h);
		html_open(h, "td", "class", "num", NULL); html_textf(h, "%zu", ev->expected.n); html_close(h);
		html_open(h, "td", "class", "num", NULL); html_textf(h, "%zu", ev->attended.n); html_close(h);
		html_open(h, "td", "class", "num", NULL);
		if (ev->expected.n)
			html_textf(h, "%.0f%%", 100.0 * (double)came / (double)ev->expected.n);
		else
			html_text(h, "—");
		html_close(h);
		html_elem(h, "td", sb.len ? sb.buf : "—");
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
}

static void
money_cell(struct html *h, int64_t cents)
{
	char buf[NUM_BUFSZ];

	html_open(h, "td", "class", "num", NULL);
	html_text(h, money_display(cents, buf));
	html_close(h);
}

/* A grant's budget lines with what the ledger spent on each. */
static void
grant_budget(struct html *h, const struct initiative *in, const struct grant *g)
{
	int64_t total = 0, unlined = 0;

	html_elem(h, "h2", _("Budget against actual"));
	/* four columns of money: on a phone the table scrolls in its own box */
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label",
	    _("Budget against actual"), NULL);
	html_open(h, "table", "class", "budget", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Budget line"));
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Budget")); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Actual")); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, C_("budget", "Left")); html_close(h);
	html_close(h);
	for (size_t i = 0; i < in->ledger.n; i++) {
		const struct ledger_entry *le = &in->ledger.v[i];

		/* approved entries only, as in the figures (docs/approvals.md) */
		if (le->grant.slug && strcmp(le->grant.slug, g->id) == 0 && ledger_counts(le)) {
			total += le->amount;
			if (le->line == NULL)
				unlined += le->amount;
		}
	}
	for (size_t l = 0; l < g->lines.n; l++) {
		const struct budget_line *bl = &g->lines.v[l];
		int64_t spent = 0;

		for (size_t i = 0; i < in->ledger.n; i++) {
			const struct ledger_entry *le = &in->ledger.v[i];

			if (le->grant.slug && strcmp(le->grant.slug, g->id) == 0 && le->line &&
			    strcmp(le->line, bl->name) == 0 && ledger_counts(le))
				spent += le->amount;
		}
		html_open(h, "tr", "class", spent > bl->amount ? "over" : NULL, NULL);
		html_open(h, "td", NULL);
		html_text(h, bl->name);
		if (spent > bl->amount)
			html_elem(h, "strong", _(" — over budget"));
		html_close(h);
		money_cell(h, bl->amount);
		money_cell(h, spent);
		money_cell(h, bl->amount - spent);
		html_close(h);
	}
	if (unlined) {
		html_open(h, "tr", NULL);
		html_elem(h, "td", _("Not on a budget line"));
		html_elem(h, "td", "");
		money_cell(h, unlined);
		html_elem(h, "td", "");
		html_close(h);
	}
	html_open(h, "tr", "class", "total", NULL);
	html_elem(h, "th", _("The grant"));
	money_cell(h, g->amount);
	money_cell(h, total);
	money_cell(h, g->amount - total);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* Responses per group; fewer than SURVEY_MIN_GROUP are not counted out (anonymity). */
static void
survey_counts(struct html *h, const struct survey *s)
{
	int64_t n[GROUP__MAX] = { 0 };

	if (s->closed == DATE_NONE) {
		/* open: no count per group, nor a live total (DESIGN §4) */
		html_elem(h, "h2", _("Responses"));
		html_elem(h, "p", _("The round is open: its results and the answers per group appear "
		    "when it closes. The rounds page counts the answers given before today."));
		return;
	}
	for (size_t i = 0; i < s->responses.n; i++)
		if (s->responses.v[i].group >= 0 && s->responses.v[i].group < GROUP__MAX)
			n[s->responses.v[i].group]++;
	html_elem(h, "h2", _("Responses"));
	html_open(h, "table", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Group"));
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Responses")); html_close(h);
	html_close(h);
	for (int g = 0; g < GROUP__MAX; g++) {
		html_open(h, "tr", NULL);
		html_elem(h, "td", group_names[g]);
		html_open(h, "td", "class", "num", NULL);
		if (g == GROUP_DIRECTOR)
			html_text(h, _("counted only with everyone"));	/* one person */
		else if (n[g] == 0 || n[g] >= SURVEY_MIN_GROUP)
			html_textf(h, "%lld", (long long)n[g]);
		else
			html_textf(h, _("fewer than %d"), SURVEY_MIN_GROUP);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "p", _("Single answers are never shown; the survey's results, with groups of "
	    "fewer than three left out, are in the report on the Overview tab."));
}

/*
 * What the instrument forms say about the answers' scale and what cannot
 * change; the way to add one only to those who may (editor).
 */
static void
instrument_note(struct html *h, const struct instrument *ins, int editor)
{
	html_open(h, "p", "class", "note", NULL);
	if (ins && ins->builtin) {
		html_text(h, _("This is one of the two built-in instruments (the practices-and-pitfalls "
		    "self-assessment and director support): every program has them, and they cannot "
		    "be changed or deleted."));
		if (editor)
			html_text(h, _(" To ask other questions, add an instrument of your own."));
	} else {
		html_text(h, _("Each item is one statement that people answer from 1 (strongly "
		    "disagree) to 5 (strongly agree). Its code names it in answers and exports "
		    "(lowercase letters, digits and '-'); its category groups items in the results."));
		html_close(h);
		html_open(h, "p", "class", "note", NULL);
		html_text(h, _("Once survey answers use an item, it stays as it was answered: it cannot "
		    "be removed, and its code, text and category cannot change. Add a new item instead."));
	}
	html_close(h);
}

/* The surveys that use an instrument, and its items that answers use (locked). */
static void
instrument_usage(struct html *h, const struct records_record_page *pg)
{
	const struct instrument *ins = pg->rec;
	struct strbuf sb = STRBUF_INIT;

	html_elem(h, "h2", _("Surveys that use it"));
	if (pg->uses_unknown) {
		html_elem(h, "p", _("Where this instrument is used could not be read just now."));
		return;
	}
	for (size_t i = 0; i < pg->nuses; i++) {
		const struct records_use *u = &pg->uses[i];

		if (i == 0) {
			html_open(h, "table", NULL);
			html_open(h, "tr", NULL);
			html_elem(h, "th", _("Initiative"));
			html_elem(h, "th", _("Survey"));
			html_elem(h, "th", _("Opened"));
			html_open(h, "th", "class", "num", NULL);
			html_text(h, _("Responses"));
			html_close(h);
			html_close(h);
		}
		html_open(h, "tr", NULL);
		html_elem(h, "td", u->initiative_name);
		html_open(h, "td", NULL);
		html_open(h, "a", "href", u->href, NULL);
		html_text(h, u->survey);
		html_close(h);
		html_close(h);
		strbuf_reset(&sb);
		figure_date(u->opened, &sb);
		html_elem(h, "td", sb.buf);
		html_open(h, "td", "class", "num", NULL);
		html_textf(h, "%lld", u->responses);
		html_close(h);
		html_close(h);
	}
	if (pg->nuses)
		html_close(h);
	else
		html_elem(h, "p", _("No survey uses it yet."));
	strbuf_reset(&sb);
	for (size_t i = 0; !ins->builtin && i < pg->nanswered; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", pg->answered[i]);
	if (sb.len) {
		html_open(h, "p", NULL);
		html_textf(h, _("Items that survey answers use, which stay as they are: %s."), sb.buf);
		html_close(h);
	}
	strbuf_release(&sb);
}

/* "Decision 'Hire a coordinator' saved.": what a page says after a change (role=status). */
static void
flash(struct html *h, const char *msg)
{
	if (msg == NULL)
		return;
	html_open(h, "p", "class", "flash", "role", "status", NULL);
	html_text(h, msg);
	html_close(h);
}

static void
csrf_field(struct html *h, const char *csrf)
{
	if (csrf)
		html_void(h, "input", "type", "hidden", "name", "csrf", "value", csrf, NULL);
}

/* ---------------------------------------------------------------- the list */

/* A decision's contrary views: a mark in the list, the views on its page. */
static void
contrary_cell(const struct form_ctx *c, const void *rec, struct strbuf *out)
{
	const struct decision *d = rec;

	(void)c;
	if (d->contrary_views && *d->contrary_views)
		strbuf_addstr(out, _("⚑ yes"));
}

/* A check-in's progress: its first words (about 80 characters), Markdown marks left out. */
static void
progress_cell(const struct form_ctx *c, const void *rec, struct strbuf *out)
{
	const struct checkin *ck = rec;
	const char *s;

	(void)c;
	if (ck->progress == NULL)
		return;
	for (s = ck->progress; *s; s++) {
		if (strchr("*_#`>[]", *s))
			continue;
		if (*s == ' ' || *s == '\n' || *s == '\t') {
			if (out->len >= 80)
				break;
			if (out->len && out->buf[out->len - 1] != ' ')
				strbuf_addch(out, ' ');
			continue;
		}
		strbuf_addch(out, *s);
	}
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	if (*s)
		strbuf_addstr(out, " …");
}

static const struct form_column contrary_col = { N_("Contrary views"), contrary_cell };
static const struct form_column progress_col = { N_("Progress"), progress_cell };

/*
 * A filter's select for an enum or reference field f: an enum offers its
 * values; a reference only the organizations, people or grants that the
 * kind's records name (not every organization of the program).
 */
static void
filter_select(struct html *h, const struct records_list_page *pg, const struct field *f,
    const char *cur)
{
	struct strbuf label = STRBUF_INIT, val = STRBUF_INIT, name = STRBUF_INIT;
	const char **seen = xcalloc(pg->nall + 1, sizeof(*seen));
	size_t nseen = 0;

	if (f->type == FT_ENUM) {
		form_filter(h, &pg->c, f, cur);
		goto out;
	}
	form_label(f, &label);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", f->name, NULL);
	html_text(h, label.buf);
	html_close(h);
	html_open(h, "select", "id", f->name, "name", f->name, NULL);
	html_open(h, "option", "value", "", "selected", cur == NULL || *cur == '\0' ? "" : NULL, NULL);
	html_text(h, _("any"));
	html_close(h);
	for (size_t i = 0; i < pg->nall; i++) {
		const char *slug = ((const struct ref *)FIELD_PTR(pg->all[i], f))->slug;
		size_t j;

		if (slug == NULL)
			continue;
		for (j = 0; j < nseen && strcmp(seen[j], slug) != 0; j++)
			;
		if (j < nseen)
			continue;
		seen[nseen++] = slug;
		strbuf_reset(&name);
		form_value_text(&pg->c, f, pg->all[i], &name);
		html_open(h, "option", "value", slug, "selected", cur && strcmp(cur, slug) == 0 ? "" : NULL, NULL);
		html_text(h, name.buf);
		html_close(h);
	}
	html_close(h);
	html_close(h);
out:
	free(seen);
	strbuf_release(&label);
	strbuf_release(&val);
	strbuf_release(&name);
}

static void
filter_form(struct html *h, const struct records_list_page *pg)
{
	int any = 0;

	for (int i = 0; i < pg->k->nfields; i++)
		any += pg->k->fields[i].type == FT_ENUM || pg->k->fields[i].type == FT_REF;
	if (!any && !pg->searchable)
		return;
	html_open(h, "form", "class", "filters", "method", "get", "action", pg->base, NULL);
	if (pg->searchable) {
		html_open(h, "div", "class", "field", NULL);
		html_open(h, "label", "for", "q", NULL);
		html_text(h, _("Search"));
		html_close(h);
		html_void(h, "input", "type", "search", "id", "q", "name", "q", "value", pg->search,
		    NULL);
		html_close(h);
	}
	for (int i = 0; i < pg->k->nfields; i++) {
		const struct field *f = &pg->k->fields[i];

		if (f->type == FT_ENUM || f->type == FT_REF)
			filter_select(h, pg, f, pg->filter ? pg->filter[i] : NULL);
	}
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Filter"));
	html_close(h);
	html_close(h);
}

/* The sum of each money column over every record listed (all pages), as a line below. */
static void
list_totals(struct html *h, const struct records_list_page *pg)
{
	struct strbuf sb = STRBUF_INIT, label = STRBUF_INIT;
	char buf[NUM_BUFSZ];
	int cols = 0;

	for (int i = 0; i < pg->k->nfields; i++)
		cols += pg->k->fields[i].type == FT_MONEY && form_field_is_column(&pg->k->fields[i]);
	for (int i = 0; i < pg->k->nfields; i++) {
		const struct field *f = &pg->k->fields[i];
		int64_t sum = 0;

		if (f->type != FT_MONEY || !form_field_is_column(f))
			continue;
		for (size_t r = 0; r < pg->n; r++) {
			int64_t v = *(const int64_t *)FIELD_PTR(pg->recs[r], f);

			if (v != INT_NONE)
				sum += v;
		}
		strbuf_reset(&label);
		form_label(f, &label);
		label.buf[0] = (char)(label.buf[0] >= 'A' && label.buf[0] <= 'Z' ? label.buf[0] - 'A' + 'a' : label.buf[0]);
		if (sb.len)
			strbuf_addstr(&sb, "; ");
		if (cols > 1)
			strbuf_addf(&sb, "%s ", label.buf);
		strbuf_addstr(&sb, money_display(sum, buf));
	}
	if (sb.len) {
		html_open(h, "p", "class", "total", NULL);
		html_textf(h, P_("Total of the %zu listed: %s", "Total of the %zu listed: %s", pg->n),
		    pg->n, sb.buf);
		html_close(h);
	}
	strbuf_release(&sb);
	strbuf_release(&label);
}

static void
page_link(struct html *h, const struct records_list_page *pg, long pageno, const char *rel,
    const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%ssort=%s&dir=%s&page=%ld", pg->query, pg->sort ? pg->sort : "",
	    pg->desc ? "desc" : "asc", pageno);
	html_open(h, "a", "href", sb.buf, "rel", rel, NULL);
	html_text(h, text);
	html_close(h);
	strbuf_release(&sb);
}

void
records_list(struct html *h, const struct records_list_page *pg)
{
	const struct records_kind *rk = pg->rk;
	const struct initiative *in = pg->c.in;
	struct strbuf sb = STRBUF_INIT;
	const struct form_column *extra = NULL;

	if (pg->ntabs) {
		html_open(h, "nav", "class", "subtabs", "aria-label", pg->tabs_label, NULL);
		html_open(h, "ul", NULL);
		for (size_t i = 0; i < pg->ntabs; i++) {
			html_open(h, "li", NULL);
			html_open(h, "a", "href", pg->tabs[i].href, "aria-current",
			    pg->tabs[i].current ? "page" : NULL, NULL);
			html_text(h, pg->tabs[i].text);
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	flash(h, pg->flash);
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, _(rk->empty));
	html_close(h);

	html_open(h, "div", "class", "actions", NULL);
	if (pg->can_edit) {
		strbuf_addf(&sb, "%s/new", pg->base);
		html_open(h, "a", "class", "button", "href", sb.buf, NULL);
		{
			struct strbuf add = STRBUF_INIT;

			records_add_title(rk, &add);
			html_text(h, add.buf);
			strbuf_release(&add);
		}
		html_close(h);
	}
	if (pg->rounds_href) {
		/* rounds: invitation links, the anonymous answer form, results (h_survey.c) */
		html_open(h, "a", "href", pg->rounds_href, NULL);
		html_text(h, _("Survey rounds, answer links and results"));
		html_close(h);
	}
	if (pg->approvals_href && pg->npending) {
		/* a member reads here that payments wait, and where they are approved */
		html_open(h, "a", "href", pg->approvals_href, NULL);
		html_textf(h, P_("%zu payment awaits approval", "%zu payments await approval",
		    pg->npending), pg->npending);
		html_close(h);
	}
	for (int f = 0; f < 2; f++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s?kind=%s&format=%s", pg->export_base, rk->name, f ? "xlsx" : "csv");
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, f ? _("Download Excel") : _("Download CSV"));
		html_close(h);
	}
	html_close(h);

	if (in && strcmp(rk->name, "checkins") == 0)
		checkin_grid(h, in, pg->today);
	else if (in && strcmp(rk->name, "events") == 0)
		event_attendance(h, &pg->c, in);

	if (pg->nall == 0) {
		html_open(h, "p", "class", "empty", NULL);
		html_textf(h, _("No %s recorded yet. "), _(rk->title));
		if (pg->can_edit) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s/new", pg->base);
			html_open(h, "a", "href", sb.buf, NULL);
			html_textf(h, _("Add the first %s"), _(rk->one));
			html_close(h);
			html_text(h, ".");
		}
		html_close(h);
		goto done;
	}
	if (strcmp(rk->name, "checkins") == 0 || strcmp(rk->name, "events") == 0)
		html_elem(h, "h2", _("All records"));
	filter_form(h, pg);
	html_open(h, "p", "class", "count", NULL);
	if (pg->n == 0)
		html_text(h, _("Nothing matches these filters."));
	else
		html_textf(h, _("%zu–%zu of %zu"), pg->first + 1, pg->last, pg->n);
	html_close(h);
	if (strcmp(rk->name, "decisions") == 0)
		extra = &contrary_col;
	else if (strcmp(rk->name, "checkins") == 0)
		extra = &progress_col;
	if (pg->n) {
		form_list_cols(h, &pg->c, pg->k, pg->recs + pg->first, pg->hrefs + pg->first,
		    pg->last - pg->first, pg->query, pg->sort, pg->desc, extra, extra != NULL);
		list_totals(h, pg);
	}
	if (pg->first > 0 || pg->last < pg->n) {
		html_open(h, "nav", "class", "pages", "aria-label", _("Pages"), NULL);
		if (pg->first > 0)
			page_link(h, pg, pg->pageno - 1, "prev", _("← Previous"));
		html_open(h, "span", NULL);
		html_textf(h, _(" Page %ld of %zu "), pg->pageno, (pg->n + pg->page_size - 1) / pg->page_size);
		html_close(h);
		if (pg->last < pg->n)
			page_link(h, pg, pg->pageno + 1, "next", _("Next →"));
		html_close(h);
	}
done:
	strbuf_release(&sb);
}

/* ---------------------------------------------------------------- forms */

/*
 * The add form (rec NULL) or the edit form of a record: values from typed
 * where it has them, else from rec; every problem beside its field.
 */
static void
record_form(struct html *h, const struct form_ctx *c, const struct kind *k,
    const struct records_kind *rk, const char *action, const char *csrf, const void *rec,
    const struct form_input *typed, const form_errors *errs)
{
	form_error_summary(h, errs);
	html_open(h, "form", "class", "record", "method", "post", "action", action, "novalidate", "", NULL);
	csrf_field(h, csrf);
	if (strcmp(rk->name, "instruments") == 0)
		instrument_note(h, rec, 1);
	form_fields(h, c, k, rec, typed, errs);
	/* the save button first: Enter in a field submits with it, not with "more rows" */
	html_open(h, "div", "class", "actions", NULL);
	html_open(h, "button", "type", "submit", NULL);
	if (rec)
		html_text(h, _("Save changes"));
	else
		html_textf(h, _("Add the %s"), _(rk->one));
	html_close(h);
	form_more_buttons(h, k, action);
	html_close(h);
	html_close(h);
}

void
records_new(struct html *h, const struct records_form_page *pg)
{
	record_form(h, &pg->c, pg->k, pg->rk, pg->action, pg->csrf, NULL, pg->typed, pg->errs);
}

void
records_record(struct html *h, const struct records_record_page *pg)
{
	const struct records_kind *rk = pg->rk;

	flash(h, pg->flash);
	html_open(h, "p", "class", "meta", NULL);
	html_open(h, "a", "href", pg->back, NULL);
	html_textf(h, "← %s", pg->back_label);
	html_close(h);
	html_close(h);
	/* a built-in instrument is read only, for admins too: say so first */
	if (pg->readonly && strcmp(rk->name, "instruments") == 0)
		instrument_note(h, pg->rec, pg->can_edit);
	form_record(h, &pg->c, pg->k, pg->rec);
	if (strcmp(rk->name, "grants") == 0 && pg->c.in)
		grant_budget(h, pg->c.in, pg->rec);
	else if (strcmp(rk->name, "surveys") == 0)
		survey_counts(h, pg->rec);
	else if (strcmp(rk->name, "instruments") == 0)
		instrument_usage(h, pg);
	if (pg->readonly || !pg->can_edit)
		return;
	html_open(h, "section", "class", "edit", "aria-labelledby", "edit", NULL);
	html_open(h, "h2", "id", "edit", NULL);
	html_textf(h, _("Change this %s"), _(rk->one));
	html_close(h);
	record_form(h, &pg->c, pg->k, rk, pg->action, pg->csrf, pg->rec, pg->typed, pg->errs);
	/* the button asks first (records_confirm_delete): nothing is deleted by this one */
	html_open(h, "form", "class", "delete", "method", "post", "action", pg->action, NULL);
	csrf_field(h, pg->csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "delete", NULL);
	html_open(h, "button", "type", "submit", "class", "danger", NULL);
	html_textf(h, _("Delete this %s…"), _(rk->one));
	html_close(h);
	html_close(h);
	html_close(h);
}

void
records_confirm_delete(struct html *h, const struct records_delete_page *pg)
{
	html_open(h, "div", "class", "confirm", "role", "alertdialog", "aria-labelledby", "confirm",
	    NULL);
	html_open(h, "p", "id", "confirm", "class", "lead", NULL);
	/* TRANSLATORS: the record's kind ("decision"), then its name */
	html_textf(h, _("Delete the %s ‘%s’? This cannot be undone."), _(pg->rk->one), pg->name);
	html_close(h);
	html_elem(h, "p", _("The audit log keeps the record as it was before the delete."));
	html_open(h, "form", "class", "delete", "method", "post", "action", pg->action, NULL);
	csrf_field(h, pg->csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "delete", NULL);
	html_void(h, "input", "type", "hidden", "name", "confirm", "value", RECORDS_CONFIRM, NULL);
	html_open(h, "div", "class", "actions", NULL);
	html_open(h, "button", "type", "submit", "class", "danger", NULL);
	html_textf(h, _("Delete the %s"), _(pg->rk->one));
	html_close(h);
	html_open(h, "a", "class", "button secondary", "href", pg->action, NULL);
	html_text(h, _("Cancel"));
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
}
