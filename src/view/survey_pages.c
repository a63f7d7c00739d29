/*
 * The survey pages (survey_pages.h): the answer form, the rounds, the
 * results. Everything they show comes in their structs; the handler
 * (src/web/h_survey.c) reads the store and computes the results.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "survey_pages.h"
#include "figures.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

/* The five answers, in words (DESIGN §4: 1..5). */
static const char *const answer_words[5] = {
	N_("Strongly disagree"), N_("Disagree"), N_("Neither agree nor disagree"), N_("Agree"),
	N_("Strongly agree")
};

static void
date_words(struct html *h, tdate d)
{
	char buf[DATE_WORDS_BUFSZ];

	html_text(h, date_format_words_lang(d, lang_code(i18n_current()), buf));
}

/* ---------------------------------------------------------------- the answer form */

void
survey_message_write(struct html *h, const struct frame *f, const char *text)
{
	frame_begin(h, f);
	html_elem(h, "p", text);
	frame_end(h);
}

/* "Question 3" for an item's code. */
static void
question_label(const void *ctx, const char *path, struct strbuf *out)
{
	const struct instrument *ins = ctx;

	for (size_t i = 0; i < ins->items.n; i++)
		if (strcmp(ins->items.v[i].code, path) == 0)
			strbuf_addf(out, _("Question %zu"), i + 1);
}

/* The sentence after the initiative's name: who the link was made for. */
static const char *
invited_as(int group)
{
	switch (group) {
	case GROUP_BACKBONE:
		return _(" work together. You were invited as the backbone organization's staff. "
		    "For each statement, choose how much you agree. There are no right or wrong "
		    "answers.");
	case GROUP_DIRECTOR:
		return _(" work together. You were invited as the initiative's director. For each "
		    "statement, choose how much you agree. There are no right or wrong answers.");
	default:
		return _(" work together. You were invited as a partner. For each statement, choose "
		    "how much you agree. There are no right or wrong answers.");
	}
}

void
survey_answer_write(struct html *h, const struct survey_answer_page *pg)
{
	const struct instrument *ins = pg->ins;
	struct strbuf id = STRBUF_INIT, eid = STRBUF_INIT;

	assert(pg->frame && ins && pg->action);
	frame_begin(h, pg->frame);
	html_open(h, "div", "class", "survey-intro", NULL);
	html_open(h, "p", NULL);
	/* TRANSLATORS: followed by the initiative's name in bold, then " work together. You were invited as ..." */
	html_text(h, _("This short survey is about how the partners of "));
	html_elem(h, "strong", pg->initiative);
	html_text(h, invited_as(pg->group));
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	html_text(h, _("Your answers are anonymous: they are stored without your name, your email "
	    "or this link, and results are shown only for groups of at least 3 people. The "
	    "program's full backup keeps each set of answers with the group it came from "
	    "(backbone, director or partner), still without any name."));
	html_close(h);
	html_close(h);
	form_error_summary_named(h, pg->errs, question_label, ins);
	html_open(h, "form", "method", "post", "action", pg->action, "class", "survey", NULL);
	frame_csrf_field(h, pg->frame->csrf);
	for (size_t i = 0; i < ins->items.n; i++) {
		const struct instrument_item *it = &ins->items.v[i];
		const char *typed = pg->typed ? pg->typed[i] : NULL;
		const char *msg = form_error_for(pg->errs, it->code);

		strbuf_reset(&eid);
		strbuf_addf(&eid, "%s-error", it->code);
		html_open(h, "fieldset", "id", it->code, "class", msg ? "field question invalid" :
		    "field question", "aria-describedby", msg ? eid.buf : NULL, NULL);
		html_open(h, "legend", NULL);
		html_textf(h, "%zu. ", i + 1);
		html_text(h, instrument_item_text(ins, it, pg->frame->lang));
		html_close(h);
		if (msg) {
			html_open(h, "p", "class", "error", "id", eid.buf, NULL);
			html_elem(h, "span", _("Error: "));
			html_text(h, msg);
			html_close(h);
		}
		html_open(h, "div", "class", "scale", NULL);
		for (int v = 1; v <= 5; v++) {
			char val[2] = { (char)('0' + v), '\0' };

			strbuf_reset(&id);
			strbuf_addf(&id, "%s-%d", it->code, v);
			html_open(h, "label", "for", id.buf, NULL);
			html_void(h, "input", "type", "radio", "id", id.buf, "name", it->code,
			    "value", val, "required", "",
			    "checked", typed && strcmp(typed, val) == 0 ? "" : NULL, NULL);
			html_text(h, _(answer_words[v - 1]));
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Send my answers"));
	html_close(h);
	html_close(h);
	frame_end(h);
	strbuf_release(&id);
	strbuf_release(&eid);
}

/* ---------------------------------------------------------------- the rounds page */

/* The path of a round's closing date field, its id and its errors' key: "closed-s-1". */
static void
close_field(const struct survey *sv, struct strbuf *out)
{
	strbuf_addf(out, "closed-%s", sv->id);
}

/* A respondent's group as people read it (group_names are its codes). */
static const char *
group_label(int group)
{
	static const char *const words[GROUP__MAX] = {
		[GROUP_BACKBONE] = N_("backbone"), [GROUP_DIRECTOR] = N_("director"),
		[GROUP_PARTNER] = N_("partner"),
	};

	assert(group >= 0 && group < GROUP__MAX);
	return _(words[group]);
}

/* The rounds page's fields in words: "Opened on", "Closed on (round s-1)". */
static void
rounds_label(const void *ctx, const char *path, struct strbuf *out)
{
	(void)ctx;
	if (strcmp(path, "opened") == 0)
		strbuf_addstr(out, _("Opened on"));
	else if (strcmp(path, "instrument") == 0)
		strbuf_addstr(out, _("Questionnaire"));
	else if (strcmp(path, "id") == 0)
		strbuf_addstr(out, _("Round id"));
	else if (strncmp(path, "closed-", 7) == 0)
		strbuf_addf(out, _("Closed on (round %s)"), path + 7);
}

/*
 * The forms of one open round: make links for people of its team (a
 * checkbox each; who has a link already is shown, disabled), close (on a
 * date, today by default; a problem with the date shown beside it).
 */
static void
round_forms(struct html *h, const struct survey_rounds_page *pg, const struct survey_round_row *r)
{
	const struct survey *sv = r->sv;
	struct strbuf id = STRBUF_INIT, eid = STRBUF_INIT;
	const char *msg, *csrf = pg->frame->csrf;

	html_open(h, "form", "method", "post", "action", pg->action, "class", "inline", NULL);
	frame_csrf_field(h, csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "invite", NULL);
	html_void(h, "input", "type", "hidden", "name", "survey", "value", sv->id, NULL);
	/* one link per person of the team, its group theirs (DESIGN §4) */
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Make links for"));
	for (size_t i = 0; i < r->nteam; i++) {
		const struct survey_person *m = &r->team[i];

		strbuf_reset(&id);
		strbuf_addf(&id, "person-%s-%s", sv->id, m->person);
		html_open(h, "div", NULL);
		html_void(h, "input", "type", "checkbox", "id", id.buf, "name", "person",
		    "value", m->person, "disabled", m->has_link ? "" : NULL, NULL);
		html_open(h, "label", "for", id.buf, NULL);
		/* TRANSLATORS: a person, their group; ": has a link" after when they have one */
		html_textf(h, m->has_link ? _("%s (%s): has a link") : "%s (%s)", m->name,
		    group_label(m->group));
		html_close(h);
		html_close(h);
	}
	if (r->nteam == 0)
		html_elem(h, "p", _("Nobody is on the team yet: the team is the director and the "
		    "people of the backbone and of the member organizations."));
	html_close(h);
	if (pg->can_mail) {
		strbuf_reset(&id);
		strbuf_addf(&id, "email-%s", sv->id);
		html_open(h, "div", NULL);
		html_void(h, "input", "type", "checkbox", "id", id.buf, "name", "email", "value", "1",
		    NULL);
		html_open(h, "label", "for", id.buf, NULL);
		html_text(h, _("Mail each link to its person (it is then only in their mail, never "
		    "shown here)"));
		html_close(h);
		html_close(h);
	}
	/* the language of the links' answer page (docs/i18n.md) */
	strbuf_reset(&id);
	strbuf_addf(&id, "lang-%s", sv->id);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", id.buf, NULL);
	html_text(h, _("Language of the answer page"));
	html_close(h);
	html_open(h, "select", "id", id.buf, "name", "lang", NULL);
	html_open(h, "option", "value", "", NULL);
	html_text(h, _("The respondent's own (their browser's)"));
	html_close(h);
	for (int l = 0; l < LANG__MAX; l++) {
		html_open(h, "option", "value", lang_codes[l], "lang", lang_codes[l], NULL);
		html_text(h, lang_names[l]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_elem(h, "button", _("Make links"));
	html_close(h);
	html_open(h, "form", "method", "post", "action", pg->action, "class", "inline", NULL);
	frame_csrf_field(h, csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "close", NULL);
	html_void(h, "input", "type", "hidden", "name", "survey", "value", sv->id, NULL);
	strbuf_reset(&id);
	close_field(sv, &id);
	strbuf_addf(&eid, "%s-error", id.buf);
	msg = form_error_for(pg->errs, id.buf);
	html_open(h, "label", "for", id.buf, NULL);
	html_text(h, _("Closed on"));
	html_close(h);
	html_void(h, "input", "type", "date", "id", id.buf, "name", "closed",
	    "value", msg && pg->typed_closed ? pg->typed_closed : pg->today,
	    "aria-invalid", msg ? "true" : NULL, "aria-describedby", msg ? eid.buf : NULL, NULL);
	if (msg) {
		html_open(h, "p", "class", "error", "id", eid.buf, NULL);
		html_elem(h, "span", _("Error: "));
		html_text(h, msg);
		html_close(h);
	}
	html_open(h, "button", "class", "secondary", NULL);
	html_text(h, _("Close this round"));
	html_close(h);
	html_close(h);
	strbuf_release(&id);
	strbuf_release(&eid);
}

/* The form that opens a round (editors). */
static void
open_form(struct html *h, const struct survey_rounds_page *pg)
{
	const struct program *p = pg->p;

	html_elem(h, "h2", _("Open a round"));
	html_open(h, "form", "method", "post", "action", pg->action, "class", "stack", NULL);
	frame_csrf_field(h, pg->frame->csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "open", NULL);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "instrument", NULL);
	html_text(h, _("Questionnaire"));
	html_close(h);
	html_open(h, "select", "id", "instrument", "name", "instrument", NULL);
	for (size_t i = 0; i < p->instruments.n; i++) {
		const struct instrument *ins = &p->instruments.v[i];

		html_open(h, "option", "value", ins->code, "selected",
		    pg->typed_instrument && strcmp(pg->typed_instrument, ins->code) == 0 ? "" : NULL,
		    NULL);
		html_text(h, instrument_title(ins, lang_code(i18n_current())));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "id", NULL);
	html_text(h, _("Round id"));
	html_close(h);
	html_void(h, "input", "type", "text", "id", "id", "name", "id",
	    "value", pg->typed_id && *pg->typed_id ? pg->typed_id : pg->default_id, NULL);
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "opened", NULL);
	html_text(h, _("Opened on"));
	html_close(h);
	html_void(h, "input", "type", "date", "id", "opened", "name", "opened",
	    "value", pg->typed_opened && *pg->typed_opened ? pg->typed_opened : pg->today, NULL);
	html_close(h);
	html_elem(h, "button", _("Open the round"));
	html_close(h);
}

void
survey_rounds_write(struct html *h, const struct survey_rounds_page *pg)
{
	struct strbuf sb = STRBUF_INIT;
	int edit = pg->can_edit;

	assert(pg->frame && pg->p && pg->action && pg->today);
	frame_begin(h, pg->frame);
	/* how to invite is for those who can (issue 11, point 14): readers see what a round is */
	html_open(h, "p", NULL);
	html_text(h, _("Each round asks one questionnaire of the team. "));
	if (edit)
		html_text(h, _("Make one link for each person of the team: their group follows from "
		    "who they are, and a person gets one link per round. Give each link to its "
		    "person alone. An answer keeps no name. "));
	html_text(h, _("While a round is open it shows only how many answers came before today; "
	    "results and the answers per group appear when it closes, with groups of at least "
	    "3 people."));
	html_close(h);
	if (pg->nlinks) {
		html_open(h, "section", "class", "notice", "aria-labelledby", "links", NULL);
		html_open(h, "h2", "id", "links", NULL);
		html_textf(h, P_("%zu new link for round %s", "%zu new links for round %s", pg->nlinks),
		    pg->nlinks, pg->links_survey);
		html_close(h);
		html_elem(h, "p", _("Give each link to its person alone, now: they are shown only "
		    "this once. Each answers the survey once."));
		html_open(h, "ul", "class", "plain links", NULL);
		for (size_t i = 0; i < pg->nlinks; i++) {
			html_open(h, "li", NULL);
			html_textf(h, "%s (%s): ", pg->links[i].name, group_label(pg->links[i].group));
			html_elem(h, "code", pg->links[i].url);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	if (pg->nmailed) {
		html_open(h, "section", "class", "notice", "aria-labelledby", "mailed", NULL);
		html_open(h, "h2", "id", "mailed", NULL);
		html_textf(h, P_("%zu link of round %s mailed", "%zu links of round %s mailed",
		    pg->nmailed), pg->nmailed, pg->links_survey);
		html_close(h);
		html_elem(h, "p", _("Each link is only in its person's mail; it is sent within a "
		    "minute."));
		html_open(h, "ul", "class", "plain", NULL);
		for (size_t i = 0; i < pg->nmailed; i++)
			html_elem(h, "li", pg->mailed[i]);
		html_close(h);
		html_close(h);
	}
	form_error_summary_named(h, pg->errs, rounds_label, pg);
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("Survey rounds"),
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "rounds cards", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Round"));
	html_elem(h, "th", _("Questionnaire"));
	html_elem(h, "th", _("Opened"));
	html_elem(h, "th", _("Closed"));
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Links made")); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Responses")); html_close(h);
	html_elem(h, "th", _("Results"));
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->nrounds; i++) {
		const struct survey_round_row *r = &pg->rounds[i];
		const struct survey *sv = r->sv;

		html_open(h, "tr", NULL);
		html_open(h, "td", "data-label", _("Round"), NULL);
		html_text(h, sv->id);
		html_close(h);
		html_open(h, "td", "data-label", _("Questionnaire"), NULL);
		html_text(h, r->questionnaire);
		html_close(h);
		html_open(h, "td", "data-label", _("Opened"), NULL);
		date_words(h, sv->opened);
		html_close(h);
		html_open(h, "td", "data-label", _("Closed"), NULL);
		if (sv->closed == DATE_NONE)
			html_text(h, _("open"));
		else
			date_words(h, sv->closed);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Links made"), NULL);
		html_textf(h, "%lld", (long long)r->links_made);
		html_close(h);
		/* open: only the count as of the start of today (DESIGN §4) */
		html_open(h, "td", "class", "num", "data-label", _("Responses"), NULL);
		if (sv->closed != DATE_NONE)
			html_textf(h, "%zu", sv->responses.n);
		else
			html_textf(h, _("%lld before today"), (long long)r->answers_before_today);
		html_close(h);
		html_open(h, "td", "data-label", _("Results"), NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/surveys/%s/results", pg->slug, sv->id);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, _("Results"));
		html_close(h);
		html_close(h);
		html_close(h);
	}
	if (pg->nrounds == 0) {
		html_open(h, "tr", NULL);
		html_open(h, "td", "colspan", "7", NULL);
		html_text(h, _("No survey rounds yet."));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	for (size_t i = 0; edit && i < pg->nrounds; i++) {
		const struct survey_round_row *r = &pg->rounds[i];

		if (r->sv->closed != DATE_NONE)
			continue;
		html_open(h, "section", "class", "round-open", NULL);
		html_open(h, "h2", NULL);
		html_textf(h, _("Round %s is open"), r->sv->id);
		html_close(h);
		round_forms(h, pg, r);
		html_close(h);
	}
	if (edit)
		open_form(h, pg);
	frame_end(h);
	strbuf_release(&sb);
}

/* ---------------------------------------------------------------- results */

/* A statement of ins as the page's language reads it (its own text_es, a built-in's translation). */
static const char *
statement(const struct instrument *ins, const struct survey_row *r)
{
	for (size_t i = 0; ins && r->code && i < ins->items.n; i++)
		if (ins->items.v[i].code && strcmp(ins->items.v[i].code, r->code) == 0)
			return instrument_item_text(ins, &ins->items.v[i], lang_code(i18n_current()));
	return r->text;
}

/* One aggregate in a cell: mean, band and n, or that it is not shown. */
static void
agg_cell(struct html *h, const struct survey_agg *a)
{
	if (!a->shown) {
		html_open(h, "td", "class", "suppressed", NULL);
		html_text(h, _("not shown"));
		html_close(h);
		return;
	}
	html_open(h, "td", "class", "num", NULL);
	html_textf(h, "%.2f", a->mean);
	html_open(h, "span", "class", a->band == SURVEY_BAND_STRENGTH ? "band strength" :
	    a->band == SURVEY_BAND_DISCUSS ? "band discuss" : "band concern", NULL);
	html_textf(h, " %s", _(survey_band_names[a->band]));
	html_close(h);
	html_open(h, "span", "class", "n", NULL);
	html_textf(h, " n = %lld", (long long)a->n);
	html_close(h);
	html_close(h);
}

/* A table of rows (items or categories) with each group, the gap and the change. */
static void
results_table(struct html *h, const char *label, const struct instrument *ins,
    const struct survey_row *rows, size_t n, const struct survey_results *before, int items,
    int change_col)
{
	static const int cols[] = { SURVEY_COL_ALL, SURVEY_COL_BACKBONE,
	    SURVEY_COL_DIRECTOR, SURVEY_COL_PARTNER };

	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", label,
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "results", NULL);
	html_open(h, "caption", NULL);
	html_text(h, label);
	html_close(h);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", items ? _("Statement") : _("Category"));
	html_elem(h, "th", _("Everyone"));
	html_elem(h, "th", _("Backbone"));
	html_elem(h, "th", _("Director"));
	html_elem(h, "th", _("Partners"));
	html_open(h, "th", "class", "num", NULL); html_text(h, _("Gap")); html_close(h);
	html_open(h, "th", "class", "num", NULL);
	html_text(h, change_col == SURVEY_COL_ALL ? _("Change") : _("Change (partners)"));
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct survey_row *r = &rows[i];
		const struct survey_row *b = before ?
		    metrics_survey_row(before, r->code, r->code ? NULL : r->category) : NULL;
		double delta;

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, items ? statement(ins, r) : (*r->category ? r->category : _("(none)")));
		html_close(h);
		for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
			agg_cell(h, &r->col[cols[c]]);
		html_open(h, "td", "class", "num", NULL);
		if (r->has_gap)
			html_textf(h, "%+.2f", r->gap);
		else
			html_text(h, "—");
		html_close(h);
		html_open(h, "td", "class", "num", NULL);
		if (b && metrics_survey_change(b, r, change_col, &delta) == 0)
			html_textf(h, "%+.2f", delta);
		else
			html_text(h, "—");
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* How everyone's answers spread over the five choices, per statement shown. */
static void
distribution_table(struct html *h, const struct survey_results *r)
{
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("How the answers spread"),
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "results", NULL);
	html_open(h, "caption", NULL);
	html_text(h, _("How the answers spread (everyone)"));
	html_close(h);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Statement"));
	for (int v = 0; v < 5; v++) {
		html_open(h, "th", "class", "num", NULL);
		html_text(h, _(answer_words[v]));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < r->items.n; i++) {
		const struct survey_agg *a = &r->items.v[i].col[SURVEY_COL_ALL];

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, statement(r->instrument, &r->items.v[i]));
		html_close(h);
		if (!a->shown) {
			html_open(h, "td", "colspan", "5", "class", "suppressed", NULL);
			html_text(h, _("not shown"));
			html_close(h);
		} else
			for (int v = 0; v < 5; v++) {
				html_open(h, "td", "class", "num", NULL);
				html_textf(h, "%lld", (long long)a->dist[v]);
				html_close(h);
			}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

void
survey_results_write(struct html *h, const struct survey_results_page *pg)
{
	const struct survey_results *now = pg->now;
	const struct survey *sv = pg->sv;
	const char *lang = lang_code(i18n_current()), *title;
	struct strbuf sb = STRBUF_INIT;
	char d1[DATE_WORDS_BUFSZ], d2[DATE_WORDS_BUFSZ];

	assert(pg->frame && sv && now);
	frame_begin(h, pg->frame);
	html_open(h, "p", NULL);
	title = now->instrument ? instrument_title(now->instrument, lang) : "";
	date_format_words_lang(sv->opened, lang, d1);
	if (sv->closed != DATE_NONE)
		/* TRANSLATORS: the questionnaire, the day it opened, the day it closed; followed by ". Responses: …" */
		html_textf(h, _("%s. Opened %s, closed %s"), title, d1,
		    date_format_words_lang(sv->closed, lang, d2));
	else
		html_textf(h, _("%s. Opened %s, still open"), title, d1);
	if (now->open)
		html_text(h, _(". Results and the answers per group appear when the round closes; "
		    "until then the rounds page counts the answers given before today."));
	else {
		figure_survey_responses(now, &sb);
		html_textf(h, _(". Responses: %s."), sb.buf);
	}
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	html_textf(h, _("Answers run from 1 (strongly disagree) to 5 (strongly agree). A mean of 4 or "
	    "more is a strength, 3 to 3.99 worth discussing, under 3 a concern. A group with fewer "
	    "than %d answers is never shown (\"not shown\"), nor a group whose answers could be "
	    "worked out from the others' (everyone's minus the rest), so no one's answers can be "
	    "picked out."), SURVEY_MIN_GROUP);
	html_text(h, _(" Gap: the backbone's mean minus the partners' (shown when both groups are)."));
	if (pg->prev)
		html_textf(h, _(" Change: against round %s."), pg->prev->id);
	html_close(h);
	results_table(h, _("By statement"), now->instrument, now->items.v, now->items.n, pg->before, 1,
	    metrics_survey_change_col(now));
	results_table(h, _("By category"), now->instrument, now->categories.v, now->categories.n, pg->before, 0,
	    metrics_survey_change_col(now));
	distribution_table(h, now);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/surveys/rounds", pg->slug);
	html_open(h, "p", NULL);
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, _("All survey rounds"));
	html_close(h);
	html_close(h);
	frame_end(h);
	strbuf_release(&sb);
}
