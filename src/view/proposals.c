/*
 * The proposal pages (proposals.h): the list, the open form, one proposal
 * with its tally, answers, history and forms.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "markdown.h"
#include "../model/fields.h"
#include "../util/date.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* How each answer reads in a sentence (the date, then the organization) and in the tally. */
static const char *const stance_sentences[STANCE__MAX] = {
	[STANCE_AGREE] = N_("%s: %s agrees"),
	[STANCE_CONCERNS] = N_("%s: %s agrees with concerns"),
	[STANCE_OBJECT] = N_("%s: %s objects"),
};
static const char *const tally_words[STANCE__MAX] = {
	[STANCE_AGREE] = N_("%zu agree"),
	[STANCE_CONCERNS] = N_("%zu with concerns"),
	[STANCE_OBJECT] = N_("%zu object"),
};
static const char *const stance_labels[STANCE__MAX] = {
	[STANCE_AGREE] = N_("Agree"),
	[STANCE_CONCERNS] = N_("Agree, with concerns"),
	[STANCE_OBJECT] = N_("Object"),
};

static const char *
org_name(const struct program *p, const char *slug)
{
	const struct organization *o = slug ? program_org(p, slug) : NULL;

	return o ? o->name : slug ? slug : "";
}

static void
day_text(tdate d, struct strbuf *out)
{
	char buf[DATE_WORDS_BUFSZ];

	if (d != DATE_NONE)
		strbuf_addstr(out, date_format_words_lang(d, lang_code(i18n_current()), buf));
}

void
proposal_tally_text(const struct proposal *pr, struct strbuf *out)
{
	struct proposal_tally t;

	proposal_tally(pr, &t);
	for (int s = 0; s < STANCE__MAX; s++) {
		if (s)
			strbuf_addstr(out, ", ");
		strbuf_addf(out, _(tally_words[s]), t.n[s]);
	}
	strbuf_addstr(out, ", ");
	strbuf_addf(out, _("%zu not answered"), t.waiting);
}

/* "Open until 15 Mar 2016" or "Closed 12 Mar 2016". */
static void
state_text(const struct proposal *pr, struct strbuf *out)
{
	struct strbuf d = STRBUF_INIT;

	day_text(pr->decided != DATE_NONE ? pr->decided : pr->closes, &d);
	strbuf_addf(out, pr->decided != DATE_NONE ? _("Closed %s") : _("Open until %s"), d.buf);
	strbuf_release(&d);
}

/* ---------------------------------------------------------------- the list */

void
proposals_list_write(struct html *h, const struct proposals_page *pp)
{
	const struct initiative *in = pp->in;
	struct strbuf sb = STRBUF_INIT;

	frame_begin(h, pp->frame);
	/* the Decisions tab's sub-navigation, as its record list draws it */
	strbuf_addf(&sb, "/i/%s/decisions", in->slug);
	html_open(h, "nav", "class", "subtabs", "aria-label", _("Decisions"), NULL);
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, _("Decisions"));
	html_close(h);
	html_close(h);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/proposals", in->slug);
	html_open(h, "li", NULL);
	html_open(h, "a", "href", sb.buf, "aria-current", "page", NULL);
	html_text(h, _("Proposals"));
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
	strbuf_reset(&sb);
	html_open(h, "p", NULL);
	html_text(h, _("A proposal asks organizations of the team to agree, agree with concerns or "
	    "object before a date. Closing it records the decision, with whom it consulted and "
	    "the contrary views it heard."));
	html_close(h);
	if (pp->can_edit) {
		strbuf_addf(&sb, "/i/%s/proposals/new", in->slug);
		html_open(h, "p", "class", "actions", NULL);
		html_open(h, "a", "class", "button", "href", sb.buf, NULL);
		html_text(h, _("Open a proposal"));
		html_close(h);
		html_close(h);
	}
	if (in->proposals.n == 0) {
		html_open(h, "p", "class", "empty", NULL);
		html_text(h, _("No proposals yet."));
		html_close(h);
		goto out;
	}
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "records", NULL);
	html_thead(h, _("Proposal"), _("State"), _("Answers"), _("Decision"), NULL);
	html_open(h, "tbody", NULL);
	/* open ones first, newest first within each */
	for (int closed = 0; closed < 2; closed++)
		for (size_t k = in->proposals.n; k-- > 0;) {
			const struct proposal *pr = &in->proposals.v[k];

			if ((pr->decided != DATE_NONE) != closed)
				continue;
			html_open(h, "tr", NULL);
			html_open(h, "td", NULL);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "/i/%s/proposals/%s", in->slug, pr->id);
			html_open(h, "a", "href", sb.buf, NULL);
			html_text(h, pr->title);
			html_close(h);
			html_close(h);
			strbuf_reset(&sb);
			state_text(pr, &sb);
			html_elem(h, "td", sb.buf);
			strbuf_reset(&sb);
			proposal_tally_text(pr, &sb);
			html_elem(h, "td", sb.buf);
			html_open(h, "td", NULL);
			if (pr->decision) {
				strbuf_reset(&sb);
				strbuf_addf(&sb, "/i/%s/decisions/%s", in->slug, pr->decision);
				html_open(h, "a", "href", sb.buf, NULL);
				html_text(h, pr->decision);
				html_close(h);
			}
			html_close(h);
			html_close(h);
		}
	html_close(h);
	html_close(h);
	html_close(h);
out:
	frame_end(h);
	strbuf_release(&sb);
}

/* ---------------------------------------------------------------- the open form */

void
proposal_open_kind(struct kind *k, struct field f[PROPOSAL_OPEN_FIELDS])
{
	static const char *const names[PROPOSAL_OPEN_FIELDS] = {
		"title", "body", "category", "closes", "asked", "decider",
	};

	for (int i = 0; i < PROPOSAL_OPEN_FIELDS; i++) {
		const struct field *src = kind_field(&kind_proposal, names[i]);

		assert(src != NULL);
		f[i] = *src;
	}
	k->name = "proposal";
	k->size = sizeof(struct proposal);
	k->fields = f;
	k->nfields = PROPOSAL_OPEN_FIELDS;
}

void
proposal_new_write(struct html *h, const struct proposal_new_page *pp)
{
	struct form_ctx ctx = { pp->p, pp->in };
	struct strbuf action = STRBUF_INIT;
	struct field f[PROPOSAL_OPEN_FIELDS];
	struct kind k;

	proposal_open_kind(&k, f);
	frame_begin(h, pp->frame);
	html_open(h, "p", NULL);
	html_text(h, _("When this server sends mail, the people of the organizations you ask "
	    "hear of the proposal when it opens, two days before it closes and when it closes. "
	    "The body is Markdown."));
	html_close(h);
	if (pp->errs)
		form_error_summary(h, pp->errs);
	strbuf_addf(&action, "/i/%s/proposals", pp->in->slug);
	html_open(h, "form", "class", "record", "method", "post", "action", action.buf, NULL);
	frame_csrf_field(h, pp->frame->csrf);
	form_fields(h, &ctx, &k, NULL, pp->typed, pp->errs);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Open the proposal"));
	html_close(h);
	html_close(h);
	frame_end(h);
	strbuf_release(&action);
}

/* ---------------------------------------------------------------- one proposal */

/* A field's problem beside it, when the form came back with one. */
static const char *
problem(const struct proposal_page *pp, enum proposal_form which, const char *path)
{
	if (pp->which != which || pp->errs == NULL)
		return NULL;
	return form_error_for(pp->errs, path);
}

static void
problem_write(struct html *h, const char *id, const char *msg)
{
	if (msg == NULL)
		return;
	html_open(h, "p", "class", "error", "id", id, NULL);
	html_elem(h, "span", _("Error: "));
	html_text(h, msg);
	html_close(h);
}

static const char *
typed(const struct proposal_page *pp, enum proposal_form which, const char *name)
{
	if (pp->which != which || pp->typed == NULL)
		return NULL;
	return form_get(pp->typed, name);
}

/* The tally and each asked organization's standing answer. */
static void
standing_write(struct html *h, const struct proposal_page *pp, const long *standing)
{
	const struct proposal *pr = pp->pr;
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "section", "aria-labelledby", "answers-h", NULL);
	html_open(h, "h2", "id", "answers-h", NULL);
	html_text(h, _("Where each organization stands"));
	html_close(h);
	proposal_tally_text(pr, &sb);
	html_open(h, "p", NULL);
	html_elem(h, "strong", sb.buf);
	html_close(h);
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "records", NULL);
	html_thead(h, _("Organization"), _("Answer"), _("Reason"), _("Given"), NULL);
	html_open(h, "tbody", NULL);
	for (size_t k = 0; k < pr->asked.n; k++) {
		const struct proposal_answer *a = standing[k] >= 0 ? &pr->answers.v[standing[k]] : NULL;

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, org_name(pp->p, pr->asked.v[k].slug));
		html_close(h);
		html_elem(h, "td", a ? _(stance_labels[a->answer]) : _("Not answered yet"));
		html_elem(h, "td", a && a->reason ? a->reason : "");
		strbuf_reset(&sb);
		if (a)
			day_text(a->date, &sb);
		html_elem(h, "td", sb.buf);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
}

/* Every answer given, oldest first: the latest of each organization stands. */
static void
history_write(struct html *h, const struct proposal_page *pp)
{
	const struct proposal *pr = pp->pr;
	struct strbuf sb = STRBUF_INIT, day = STRBUF_INIT;

	if (pr->answers.n == 0)
		return;
	html_open(h, "section", "aria-labelledby", "history-h", NULL);
	html_open(h, "h2", "id", "history-h", NULL);
	html_text(h, _("Every answer, in order"));
	html_close(h);
	html_open(h, "p", "class", "hint", NULL);
	html_text(h, pr->decided == DATE_NONE ?
	    _("An organization may answer again; its latest answer stands.") :
	    _("The latest answer of each organization is the one that stood when it closed."));
	html_close(h);
	html_open(h, "ol", NULL);
	for (size_t i = 0; i < pr->answers.n; i++) {
		const struct proposal_answer *a = &pr->answers.v[i];

		strbuf_reset(&sb);
		strbuf_reset(&day);
		day_text(a->date, &day);
		strbuf_addf(&sb, _(stance_sentences[a->answer]), day.buf, org_name(pp->p, a->org.slug));
		if (a->reason)
			strbuf_addf(&sb, _(" — “%s”"), a->reason);
		if (a->recorded_by)
			strbuf_addf(&sb, _(" (recorded by %s on behalf of %s)"), a->recorded_by,
			    org_name(pp->p, a->org.slug));
		html_elem(h, "li", sb.buf);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
	strbuf_release(&day);
}

static void
answer_form(struct html *h, const struct proposal_page *pp)
{
	const struct proposal *pr = pp->pr;
	const char *org = typed(pp, PROPOSAL_FORM_ANSWER, "org");
	const char *ans = typed(pp, PROPOSAL_FORM_ANSWER, "answer");
	const char *reason = typed(pp, PROPOSAL_FORM_ANSWER, "reason");
	const char *msg;
	struct strbuf action = STRBUF_INIT;

	if (org == NULL)
		org = pp->own_org;
	html_open(h, "section", "aria-labelledby", "answer-h", NULL);
	html_open(h, "h2", "id", "answer-h", NULL);
	html_text(h, _("Answer"));
	html_close(h);
	html_open(h, "p", "class", "hint", NULL);
	html_text(h, _("Answer for your organization, or record the answer an organization gave "
	    "you: an answer for another organization than yours is shown as recorded by you "
	    "on its behalf."));
	html_close(h);
	if (pp->which == PROPOSAL_FORM_ANSWER && pp->errs)
		form_error_summary(h, pp->errs);
	strbuf_addf(&action, "/i/%s/proposals/%s/answers", pp->in->slug, pr->id);
	html_open(h, "form", "class", "record", "method", "post", "action", action.buf, NULL);
	frame_csrf_field(h, pp->frame->csrf);

	msg = problem(pp, PROPOSAL_FORM_ANSWER, "org");
	html_open(h, "div", "class", msg ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", "org", NULL);
	html_text(h, _("Organization"));
	html_close(h);
	problem_write(h, "org-error", msg);
	html_open(h, "select", "id", "org", "name", "org", msg ? "aria-describedby" : NULL,
	    "org-error", NULL);
	for (size_t k = 0; k < pr->asked.n; k++) {
		const char *slug = pr->asked.v[k].slug;

		html_open(h, "option", "value", slug,
		    org && strcmp(org, slug) == 0 ? "selected" : NULL, "", NULL);
		html_text(h, org_name(pp->p, slug));
		html_close(h);
	}
	html_close(h);
	html_close(h);

	msg = problem(pp, PROPOSAL_FORM_ANSWER, "answer");
	html_open(h, "fieldset", "id", "answer", "class", msg ? "field invalid" : "field", NULL);
	html_elem(h, "legend", _("Answer"));
	problem_write(h, "answer-error", msg);
	for (int s = 0; s < STANCE__MAX; s++) {
		char id[32];

		snprintf(id, sizeof(id), "answer-%s", stance_names[s]);
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "radio", "id", id, "name", "answer",
		    "value", stance_names[s], "required", "",
		    ans && strcmp(ans, stance_names[s]) == 0 ? "checked" : NULL, "", NULL);
		html_open(h, "label", "for", id, NULL);
		html_text(h, _(stance_labels[s]));
		html_close(h);
		html_close(h);
	}
	html_close(h);

	msg = problem(pp, PROPOSAL_FORM_ANSWER, "reason");
	html_open(h, "div", "class", msg ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", "reason", NULL);
	html_text(h, _("Reason"));
	html_elem(h, "span", _(" (required with concerns or an objection)"));
	html_close(h);
	problem_write(h, "reason-error", msg);
	html_open(h, "textarea", "id", "reason", "name", "reason", "rows", "3",
	    msg ? "aria-describedby" : NULL, "reason-error", NULL);
	html_text(h, reason ? reason : "");
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Save the answer"));
	html_close(h);
	html_close(h);
	html_close(h);
	strbuf_release(&action);
}

static void
close_form(struct html *h, const struct proposal_page *pp)
{
	const struct proposal *pr = pp->pr;
	const char *outcome = typed(pp, PROPOSAL_FORM_CLOSE, "outcome");
	const char *decided = typed(pp, PROPOSAL_FORM_CLOSE, "decided");
	const char *msg;
	char today[DATE_BUFSZ];
	struct strbuf action = STRBUF_INIT;

	html_open(h, "section", "aria-labelledby", "close-h", NULL);
	html_open(h, "h2", "id", "close-h", NULL);
	html_text(h, _("Close and record the decision"));
	html_close(h);
	html_open(h, "p", "class", "hint", NULL);
	html_text(h, _("Closing makes the decision record: consulted are the organizations that "
	    "answered, its contrary views the concerns and objections standing now. A closed "
	    "proposal takes no more answers."));
	html_close(h);
	if (pp->which == PROPOSAL_FORM_CLOSE && pp->errs)
		form_error_summary(h, pp->errs);
	strbuf_addf(&action, "/i/%s/proposals/%s/close", pp->in->slug, pr->id);
	html_open(h, "form", "class", "record", "method", "post", "action", action.buf, NULL);
	frame_csrf_field(h, pp->frame->csrf);
	msg = problem(pp, PROPOSAL_FORM_CLOSE, "outcome");
	html_open(h, "div", "class", msg ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", "outcome", NULL);
	html_text(h, _("Outcome"));
	html_close(h);
	problem_write(h, "outcome-error", msg);
	html_open(h, "textarea", "id", "outcome", "name", "outcome", "rows", "3", "required", "",
	    msg ? "aria-describedby" : NULL, "outcome-error", NULL);
	html_text(h, outcome ? outcome : "");
	html_close(h);
	html_close(h);
	msg = problem(pp, PROPOSAL_FORM_CLOSE, "decided");
	html_open(h, "div", "class", msg ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", "decided", NULL);
	html_text(h, _("Decided on"));
	html_close(h);
	problem_write(h, "decided-error", msg);
	date_format(pp->today, today);
	html_void(h, "input", "type", "date", "id", "decided", "name", "decided", "required", "",
	    "value", decided ? decided : today, msg ? "aria-describedby" : NULL, "decided-error",
	    NULL);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Close the proposal"));
	html_close(h);
	html_close(h);
	html_close(h);
	strbuf_release(&action);
}

/* No field to name: the summary of a page without the form says what, unlinked. */
static void
no_label(const void *ctx, const char *path, struct strbuf *out)
{
	(void)ctx;
	(void)path;
	(void)out;
}

void
proposal_page_write(struct html *h, const struct proposal_page *pp)
{
	const struct proposal *pr = pp->pr;
	struct form_ctx ctx = { pp->p, pp->in };
	struct strbuf sb = STRBUF_INIT;
	long *standing = xcalloc(pr->asked.n + 1, sizeof(long));

	proposal_standing(pr, standing);
	frame_begin(h, pp->frame);
	html_open(h, "dl", "class", "record", NULL);
	html_elem(h, "dt", _("State"));
	strbuf_reset(&sb);
	state_text(pr, &sb);
	html_elem(h, "dd", sb.buf);
	html_elem(h, "dt", _("Opened"));
	strbuf_reset(&sb);
	day_text(pr->opened, &sb);
	html_elem(h, "dd", sb.buf);
	html_elem(h, "dt", _("Category"));
	strbuf_reset(&sb);
	form_value_text(&ctx, kind_field(&kind_proposal, "category"), pr, &sb);
	html_elem(h, "dd", sb.buf);
	html_elem(h, "dt", _("Decider"));
	strbuf_reset(&sb);
	form_value_text(&ctx, kind_field(&kind_proposal, "decider"), pr, &sb);
	html_elem(h, "dd", sb.buf);
	html_elem(h, "dt", _("Asked"));
	strbuf_reset(&sb);
	form_value_text(&ctx, kind_field(&kind_proposal, "asked"), pr, &sb);
	html_elem(h, "dd", sb.buf);
	if (pr->decided != DATE_NONE) {
		html_elem(h, "dt", _("Outcome"));
		html_elem(h, "dd", pr->outcome ? pr->outcome : "");
		if (pr->decision) {
			html_elem(h, "dt", _("Decision"));
			html_open(h, "dd", NULL);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "/i/%s/decisions/%s", pp->in->slug, pr->decision);
			html_open(h, "a", "href", sb.buf, NULL);
			html_textf(h, _("Decision %s"), pr->decision);
			html_close(h);
			html_close(h);
		}
	}
	html_close(h);
	if (pr->body) {
		html_open(h, "section", "class", "doc", "aria-label", "The proposal", NULL);
		html_markdown(h, pr->body);
		html_close(h);
	}
	/* a change refused where no form is shown (closed meanwhile): why, in words */
	if (!(pp->can_edit && pr->decided == DATE_NONE))
		form_error_summary_named(h, pp->errs, no_label, NULL);
	standing_write(h, pp, standing);
	history_write(h, pp);
	if (pp->can_edit && pr->decided == DATE_NONE) {
		answer_form(h, pp);
		close_form(h, pp);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/proposals", pp->in->slug);
	html_open(h, "p", NULL);
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, _("All proposals"));
	html_close(h);
	html_close(h);
	frame_end(h);
	free(standing);
	strbuf_release(&sb);
}
