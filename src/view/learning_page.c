/*
 * The learning agenda (learning_page.h).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "assistance_page.h"
#include "figures.h"
#include "learning_page.h"
#include "../metrics/metrics.h"
#include "../model/fields.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

int
learning_note_shown(const struct learning_note *note, const char *filter)
{
	if (filter == NULL)
		return 1;
	for (size_t i = 0; i < note->initiatives.n; i++)
		if (strcmp(note->initiatives.v[i].slug, filter) == 0)
			return 1;
	return 0;
}

static const char *
initiative_name(const struct program *p, const char *slug)
{
	const struct initiative *in = program_initiative(p, slug);

	return in ? in->name : slug;
}

/* One piece of evidence as a link: what it is, where, and as of when. */
static void
evidence_write(struct html *h, const struct program *p, const struct evidence *ev)
{
	struct strbuf href = STRBUF_INIT, text = STRBUF_INIT;
	const char *where = initiative_name(p, ev->initiative.slug), *words, *colon;
	char d[DATE_BUFSZ], w[DATE_WORDS_BUFSZ];
	int a;

	switch (ev->kind) {
	case EVK_ALERT:
		a = enum_lookup(assist_answer_names, ANSWER__MAX, ev->ref);
		/* the alert's words, without "Alert: " (in any language: what follows the colon) */
		words = a >= ANSWER_FIRST_ALERT ? _(assist_answer_words[a]) : ev->ref;
		if (a >= ANSWER_FIRST_ALERT && (colon = strchr(words, ':')) != NULL)
			words = colon + 1 + (colon[1] == ' ');
		/* TRANSLATORS: evidence of a note: an alert's name; followed by " in INITIATIVE" */
		strbuf_addf(&text, _("Alert “%s”"), words);
		strbuf_addf(&href, "/i/%s?as_of=%s#to-discuss", ev->initiative.slug,
		    date_format(ev->as_of, d));
		break;
	case EVK_FIGURE: {
		const char *label = ev->ref;

		for (int f = 0; f < FIG__MAX; f++)
			if (strcmp(metrics_fig_names[f], ev->ref) == 0)
				label = _(figure_labels[f]);
		/* TRANSLATORS: evidence of a note: a figure of the report; followed by " in INITIATIVE" */
		strbuf_addf(&text, _("Figure “%s”"), label);
		strbuf_addf(&href, "/i/%s?as_of=%s", ev->initiative.slug, date_format(ev->as_of, d));
		break;
	}
	case EVK_DECISION:
		/* TRANSLATORS: evidence of a note: a decision's id; followed by " in INITIATIVE" */
		strbuf_addf(&text, _("Decision %s"), ev->ref);
		strbuf_addf(&href, "/i/%s/decisions/%s", ev->initiative.slug, ev->ref);
		break;
	default:
		assert(ev->kind == EVK_CHECKIN);
		/* TRANSLATORS: evidence of a note: a check-in's id; followed by " in INITIATIVE" */
		strbuf_addf(&text, _("Check-in %s"), ev->ref);
		strbuf_addf(&href, "/i/%s/checkins/%s", ev->initiative.slug, ev->ref);
		break;
	}
	strbuf_addf(&text, _(" in %s"), where);
	if (ev->as_of != DATE_NONE)
		strbuf_addf(&text, _(", as of %s"),
		    date_format_words_lang(ev->as_of, lang_code(i18n_current()), w));
	html_open(h, "li", NULL);
	html_open(h, "a", "href", href.buf, NULL);
	html_text(h, text.buf);
	html_close(h);
	html_close(h);
	strbuf_release(&href);
	strbuf_release(&text);
}

static void
note_write(struct html *h, const struct learning_page *pg, const struct learning_note *n)
{
	char w[DATE_WORDS_BUFSZ];
	size_t shown = 0;

	html_open(h, "li", "class", "entry", NULL);
	html_open(h, "p", "class", "meta", NULL);
	html_open(h, "time", NULL);
	html_text(h, date_format_words_lang(n->date, lang_code(i18n_current()), w));
	html_close(h);
	for (size_t i = 0; i < n->initiatives.n; i++) {
		const char *slug = n->initiatives.v[i].slug;

		if (pg->own && strcmp(slug, pg->filter) != 0)
			continue;
		html_text(h, shown++ ? ", " : " · ");
		html_text(h, initiative_name(pg->p, slug));
	}
	html_close(h);
	html_open(h, "p", "class", "text", NULL);
	html_text(h, n->text);
	html_close(h);
	shown = 0;
	for (size_t i = 0; i < n->evidence.n; i++) {
		const struct evidence *ev = &n->evidence.v[i];

		/* a team reads no other initiative's evidence */
		if (pg->own && strcmp(ev->initiative.slug, pg->filter) != 0)
			continue;
		if (shown++ == 0) {
			html_open(h, "div", "class", "evidence", NULL);
			html_elem(h, "p", _("Evidence:"));
			html_open(h, "ul", NULL);
		}
		evidence_write(h, pg->p, ev);
	}
	if (shown) {
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

static void
filter_write(struct html *h, const struct learning_page *pg)
{
	if (pg->own) {
		html_open(h, "p", "class", "note noprint", NULL);
		html_textf(h, _("You read the questions of the whole program and the notes on %s."),
		    initiative_name(pg->p, pg->filter));
		html_close(h);
		return;
	}
	html_open(h, "form", "method", "get", "action", "/program/learning", "class", "filters", NULL);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "initiative", NULL);
	html_text(h, _("Notes on"));
	html_close(h);
	html_open(h, "select", "id", "initiative", "name", "initiative", NULL);
	html_open(h, "option", "value", "", NULL);
	html_text(h, _("every initiative"));
	html_close(h);
	for (size_t i = 0; i < pg->p->initiatives.n; i++) {
		const struct initiative *in = &pg->p->initiatives.v[i];
		int cur = pg->filter && strcmp(pg->filter, in->slug) == 0;

		html_open(h, "option", "value", in->slug, cur ? "selected" : NULL, "", NULL);
		html_text(h, in->name);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Show"));
	html_close(h);
	html_close(h);
}

static void
add_form_write(struct html *h, const struct learning_page *pg)
{
	struct form_ctx c = { pg->p, NULL };
	const char *q = pg->typed ? form_get(pg->typed, "question") : NULL;
	const struct initiative *own = pg->own ? program_initiative(pg->p, pg->filter) : NULL;
	struct program one;

	/*
	 * A team's pickers offer its own initiative only: a view of the
	 * program holding that one initiative (read here, never changed; its
	 * index left empty, so nothing is looked up in it by position)
	 */
	if (own) {
		one = *pg->p;
		one.initiatives.v = (struct initiative *)own;
		one.initiatives.n = one.initiatives.alloc = 1;
		memset(&one.initiative_index, 0, sizeof(one.initiative_index));
		c.p = &one;
	}

	html_open(h, "section", "class", "add-note noprint", "aria-labelledby", "add-h", NULL);
	html_open(h, "h2", "id", "add-h", NULL);
	html_text(h, _("Add a note"));
	html_close(h);
	if (pg->errs)
		form_error_summary(h, pg->errs);
	html_open(h, "form", "method", "post", "action", "/program/learning/notes", "class", "record", NULL);
	frame_csrf_field(h, pg->frame->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "question", NULL);
	html_text(h, _("Question"));
	html_close(h);
	html_open(h, "select", "id", "question", "name", "question", NULL);
	for (size_t i = 0; i < pg->p->learning.n; i++) {
		char v[24];

		snprintf(v, sizeof(v), "%zu", i + 1);
		html_open(h, "option", "value", v, q && strcmp(q, v) == 0 ? "selected" : NULL, "", NULL);
		html_text(h, pg->p->learning.v[i].question);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	for (int i = 0; i < kind_learning_note.nfields; i++) {
		const struct field *f = &kind_learning_note.fields[i];

		/* a team's notes are on its own initiative */
		if (pg->own && strcmp(f->name, "initiatives") == 0)
			continue;
		form_field(h, &c, f, NULL, pg->typed, pg->errs, f->name);
	}
	html_open(h, "p", "class", "note", NULL);
	html_text(h, _("Evidence: for an alert, Ref is its code (dominance, director_as_employee, "
	    "blurred_boundaries, out_of_the_loop, no_contrary_views) and As of the date of the report; "
	    "for a figure, its name in the report (decisions.loop_closure, checkins.coverage, …) and "
	    "As of; for a decision or a check-in, its id."));
	html_close(h);
	if (pg->own) {
		html_open(h, "p", "class", "note", NULL);
		html_textf(h, _("The note is on %s; its evidence is of %s too."),
		    initiative_name(pg->p, pg->filter), initiative_name(pg->p, pg->filter));
		html_close(h);
	}
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Add the note"));
	html_close(h);
	html_close(h);
	html_close(h);
}

void
learning_page_write(struct html *h, const struct learning_page *pg)
{
	const struct program *p = pg->p;
	size_t nnotes = 0;

	frame_begin(h, pg->frame);
	for (size_t q = 0; q < p->learning.n; q++)
		for (size_t i = 0; i < p->learning.v[q].notes.n; i++)
			nnotes += learning_note_shown(&p->learning.v[q].notes.v[i], pg->filter);
	html_open(h, "p", "class", "meta", NULL);
	/* TRANSLATORS: followed by "N notes." or "N notes on INITIATIVE." */
	html_textf(h, P_("The program's learning agenda: %zu question, ",
	    "The program's learning agenda: %zu questions, ", p->learning.n), p->learning.n);
	if (pg->filter)
		html_textf(h, P_("%zu note on %s.", "%zu notes on %s.", nnotes), nnotes,
		    initiative_name(p, pg->filter));
	else
		html_textf(h, P_("%zu note.", "%zu notes.", nnotes), nnotes);
	html_text(h, _(" Printed, this page is the agenda as one document."));
	html_close(h);
	filter_write(h, pg);
	if (pg->can_edit) {
		html_open(h, "p", "class", "actions noprint", NULL);
		html_open(h, "a", "href", "/program/learning/new", NULL);
		html_text(h, _("Add a question"));
		html_close(h);
		html_close(h);
	}
	if (p->learning.n == 0)
		html_elem(h, "p", _("The agenda has no questions yet."));
	for (size_t q = 0; q < p->learning.n; q++) {
		const struct learning *l = &p->learning.v[q];
		size_t shown = 0;
		char id[24];

		snprintf(id, sizeof(id), "q%zu", q + 1);
		html_open(h, "section", "class", "question", "aria-labelledby", id, NULL);
		html_open(h, "h2", "id", id, NULL);
		html_text(h, l->question);
		html_close(h);
		if (pg->can_edit) {
			struct strbuf href = STRBUF_INIT;

			/* the question's own page, by its key (app_record_key: the question) */
			strbuf_addstr(&href, "/program/learning/");
			for (const char *s = l->question; *s; s++) {
				if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
				    (*s >= '0' && *s <= '9') || strchr("-._~", *s))
					strbuf_addch(&href, *s);
				else
					strbuf_addf(&href, "%%%02X", (unsigned char)*s);
			}
			html_open(h, "p", "class", "actions noprint", NULL);
			html_open(h, "a", "href", href.buf, NULL);
			html_text(h, _("Edit the question and its notes"));
			html_close(h);
			html_close(h);
			strbuf_release(&href);
		}
		for (size_t i = 0; i < l->notes.n; i++) {
			if (!learning_note_shown(&l->notes.v[i], pg->filter))
				continue;
			if (shown++ == 0)
				html_open(h, "ol", "class", "notes", NULL);
			note_write(h, pg, &l->notes.v[i]);
		}
		if (shown)
			html_close(h);
		else
			html_elem(h, "p", pg->filter ? _("No notes on this initiative yet.") :
			    _("No notes yet."));
		html_close(h);
	}
	if (pg->can_add && p->learning.n > 0)
		add_form_write(h, pg);
	frame_end(h);
}
