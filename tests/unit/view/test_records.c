/*
 * Unit tests for src/view/records.c (the record pages from plain structs)
 * on the demo program: the list links each record on its title, marks a
 * decision's contrary views, shows a check-in's progress, names the
 * ledger's funder and vendor and totals the listed amounts; filters offer
 * only what the records name; the record page is titled by the record's
 * name, asks before a delete and shows a saved message; a form shows every
 * problem at once in words with the value as typed; pickers offer the
 * team's people and the chosen grant's budget lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tagcheck.h"
#include "model/demo.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "util/num.h"
#include "view/records.h"

static struct program P;
static const struct initiative *IN;

static const struct records_kind decisions_rk = { "decisions", "Decisions", "decision", "Decisions taken." };
static const struct records_kind ledger_rk = { "ledger", "Ledger", "ledger entry", "Money paid." };
static const struct records_kind checkins_rk = { "checkins", "Check-ins", "check-in", "Check-ins." };

static int
setup(void **state)
{
	struct model_error e;

	(void)state;
	program_init(&P);
	demo_build(&P, 1);
	assert_int_equal(model_validate(&P, &e), 0);
	IN = &P.initiatives.v[0];
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	program_release(&P);
	return 0;
}

/* The markup is well formed; returns it (free it). */
static char *
checked(struct strbuf *out)
{
	char err[256];
	size_t n;

	if (tagcheck(out->buf, err, sizeof(err), &n) != 0)
		fail_msg("bad markup: %s", err);
	return strbuf_detach(out, NULL);
}

/* The list of the first initiative's records of kind k, every record on one page. */
static char *
list(const struct kind *k, const struct records_kind *rk, const struct anyvec *v)
{
	struct strbuf out = STRBUF_INIT;
	struct html h;
	const void **recs = calloc(v->n + 1, sizeof(*recs));
	const char **hrefs = calloc(v->n + 1, sizeof(*hrefs));

	for (size_t i = 0; i < v->n; i++) {
		recs[i] = (const char *)v->v + i * k->size;
		hrefs[i] = "/x";
	}
	html_init(&h, &out);
	records_list(&h, &(struct records_list_page){
		.c = { &P, IN }, .k = k, .rk = rk, .all = recs, .nall = v->n, .recs = recs,
		.hrefs = hrefs, .n = v->n, .first = 0, .last = v->n, .page_size = v->n + 1,
		.pageno = 1, .base = "/i/x/k", .query = "/i/x/k?", .export_base = "/i/x/export",
		.today = date_from_ymd(2017, 1, 1),
	});
	html_close_to(&h, 0);
	free(recs);
	free(hrefs);
	return checked(&out);
}

static void
test_decisions_list_links_titles_and_marks_contrary_views(void **state)
{
	const struct decision *d = NULL;
	char *s, want[512];
	size_t marked = 0;

	(void)state;
	s = list(&kind_decision, &decisions_rk, (const struct anyvec *)&IN->decisions);
	/* the link sits on the title, not on the id */
	snprintf(want, sizeof(want), "<a href=\"/x\">%s</a>", IN->decisions.v[0].title);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof(want), "<a href=\"/x\">%s</a>", IN->decisions.v[0].id);
	assert_null(strstr(s, want));
	/* one mark per decision with contrary views */
	for (size_t i = 0; i < IN->decisions.n; i++)
		if (IN->decisions.v[i].contrary_views && *IN->decisions.v[i].contrary_views)
			marked++, d = &IN->decisions.v[i];
	assert_non_null(d);
	{
		size_t n = 0;

		for (const char *p = s; (p = strstr(p, "<td data-label=\"Contrary views\">⚑ yes</td>")) != NULL; p++)
			n++;
		assert_int_equal(n, marked);
	}
	assert_non_null(strstr(s, "<th scope=\"col\">Contrary views</th>"));
	free(s);
}

static void
test_decisions_filter_offers_only_the_deciders_named(void **state)
{
	char *s, *sel, *end;
	size_t options = 0, deciders = 0;
	const char *seen[256];

	(void)state;
	s = list(&kind_decision, &decisions_rk, (const struct anyvec *)&IN->decisions);
	sel = strstr(s, "<select id=\"decider\" name=\"decider\">");
	assert_non_null(sel);
	end = strstr(sel, "</select>");
	for (const char *p = sel; (p = strstr(p, "<option")) != NULL && p < end; p++)
		options++;
	for (size_t i = 0; i < IN->decisions.n; i++) {
		size_t j;

		for (j = 0; j < deciders && strcmp(seen[j], IN->decisions.v[i].decider.slug) != 0; j++)
			;
		if (j == deciders)
			seen[deciders++] = IN->decisions.v[i].decider.slug;
	}
	/* "any" and each decider the decisions name: not the program's organizations */
	assert_int_equal(options, deciders + 1);
	assert_true(options < P.orgs.n);
	free(s);
}

static void
test_ledger_list_names_funder_vendor_and_totals(void **state)
{
	char *s, want[256], money[NUM_BUFSZ];
	int64_t sum = 0;
	int vendor = 0;

	(void)state;
	s = list(&kind_ledger_entry, &ledger_rk, (const struct anyvec *)&IN->ledger);
	for (size_t i = 0; i < IN->ledger.n; i++) {
		sum += IN->ledger.v[i].amount;
		vendor |= IN->ledger.v[i].recipient.slug == NULL;
	}
	/* the grant by its funder, not its id */
	snprintf(want, sizeof(want), "<td data-label=\"Grant\">%s</td>", IN->grants.v[0].funder);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof(want), "<td data-label=\"Grant\">%s</td>", IN->grants.v[0].id);
	assert_null(strstr(s, want));
	if (vendor)
		assert_non_null(strstr(s, "<td data-label=\"Recipient\">Outside vendor</td>"));
	snprintf(want, sizeof(want), "Total of the %zu listed: %s", IN->ledger.n, money_display(sum, money));
	assert_non_null(strstr(s, want));
	free(s);
}

/* The sub-navigation of a tab with several kinds: the current one marked. */
static void
test_list_tab_links(void **state)
{
	static const struct records_link links[] = {
		{ "/i/x/grants", "Grants", 0 }, { "/i/x/ledger", "Ledger", 1 },
	};
	struct strbuf out = STRBUF_INIT;
	struct html h;
	char *s;

	(void)state;
	html_init(&h, &out);
	records_list(&h, &(struct records_list_page){
		.tabs = links, .ntabs = 2, .tabs_label = "Money",
		.c = { &P, IN }, .k = &kind_ledger_entry, .rk = &ledger_rk, .page_size = 50,
		.pageno = 1, .base = "/i/x/ledger", .query = "/i/x/ledger?", .export_base = "/i/x/export",
		.can_edit = 1,
	});
	html_close_to(&h, 0);
	s = checked(&out);
	assert_non_null(strstr(s, "<nav class=\"subtabs\" aria-label=\"Money\"><ul><li><a href=\"/i/x/grants\">Grants</a></li>"
	    "<li><a href=\"/i/x/ledger\" aria-current=\"page\">Ledger</a></li></ul></nav>"));
	/* an empty list says what belongs there and links to the add form */
	assert_non_null(strstr(s, "No Ledger recorded yet. <a href=\"/i/x/ledger/new\">Add the first ledger entry</a>."));
	assert_null(strstr(s, "class=\"total\""));
	free(s);
}

static void
test_checkins_list_shows_progress(void **state)
{
	char *s;
	const struct checkin *ck = NULL;
	char word[32];

	(void)state;
	s = list(&kind_checkin, &checkins_rk, (const struct anyvec *)&IN->checkins);
	for (size_t i = 0; i < IN->checkins.n && ck == NULL; i++)
		if (IN->checkins.v[i].progress && *IN->checkins.v[i].progress)
			ck = &IN->checkins.v[i];
	assert_non_null(ck);
	assert_non_null(strstr(s, "<th scope=\"col\">Progress</th>"));
	snprintf(word, sizeof(word), "%.*s", (int)strcspn(ck->progress, " *_#"), ck->progress);
	assert_non_null(strstr(s, "<td data-label=\"Progress\">"));
	assert_non_null(strstr(s, word));
	free(s);
}

static void
test_record_page_named_and_delete_asks(void **state)
{
	const struct decision *d = &IN->decisions.v[0];
	struct strbuf out = STRBUF_INIT, name = STRBUF_INIT;
	struct form_ctx c = { &P, IN };
	struct html h;
	char *s;

	(void)state;
	/* a check-in has no title: its page is "Check-in: DATE", its messages say the date */
	{
		struct strbuf ck = STRBUF_INIT, want = STRBUF_INIT, date = STRBUF_INIT;

		form_value_text(&c, kind_field(&kind_checkin, "date"), &IN->checkins.v[0], &date);
		records_name(&c, &kind_checkin, &checkins_rk, &IN->checkins.v[0], &ck);
		strbuf_addf(&want, "Check-in: %s", date.buf);
		assert_string_equal(ck.buf, want.buf);
		strbuf_reset(&ck);
		records_label(&c, &kind_checkin, &IN->checkins.v[0], &ck);
		assert_string_equal(ck.buf, date.buf);
		assert_non_null(strstr(date.buf, " 20"));	/* "5 Jul 2016", not ISO */
		strbuf_release(&ck);
		strbuf_release(&want);
		strbuf_release(&date);
	}
	records_name(&c, &kind_decision, &decisions_rk, d, &name);
	assert_string_equal(name.buf, d->title);
	html_init(&h, &out);
	records_record(&h, &(struct records_record_page){
		.c = c, .k = &kind_decision, .rk = &decisions_rk, .rec = d, .action = "/i/x/decisions/d",
		.back = "/i/x/decisions", .back_label = "All Decisions", .csrf = "TOKEN", .can_edit = 1,
		.flash = "Decision ‘X’ saved.",
	});
	html_close_to(&h, 0);
	s = checked(&out);
	assert_non_null(strstr(s, "<p class=\"flash\" role=\"status\">Decision ‘X’ saved.</p>"));
	/* the delete button posts action=delete without confirm: the server asks first */
	assert_non_null(strstr(s, "value=\"delete\""));
	assert_null(strstr(s, "name=\"confirm\""));
	assert_non_null(strstr(s, "Delete this decision…"));
	assert_non_null(strstr(s, "name=\"csrf\" value=\"TOKEN\""));
	free(s);

	html_init(&h, &out);
	records_confirm_delete(&h, &(struct records_delete_page){
		.rk = &decisions_rk, .name = name.buf, .action = "/i/x/decisions/d", .csrf = "TOKEN",
	});
	html_close_to(&h, 0);
	s = checked(&out);
	{
		char want[512];

		snprintf(want, sizeof(want), "Delete the decision ‘%s’? This cannot be undone.", d->title);
		assert_non_null(strstr(s, want));
	}
	assert_non_null(strstr(s, "name=\"confirm\" value=\"yes\""));
	assert_non_null(strstr(s, "<a class=\"button secondary\" href=\"/i/x/decisions/d\">Cancel</a>"));
	free(s);
	strbuf_release(&name);
}

/* Every problem of a submitted form at once, in words, beside its field, as typed. */
static void
test_form_every_problem_in_words(void **state)
{
	static const struct form_pair typed[] = {
		{ "id", "l-999" }, { "date", "2016-02-30" }, { "grant", "" }, { "amount", "-12,5x" },
		{ "kind", "" },
	};
	static const struct form_pair dec[] = {
		{ "id", "d-999" }, { "title", "" }, { "category", "strategy" },
		{ "proposed", "2016-05-01" }, { "decided", "2016-04-01" }, { "decider", "no-such-org" },
	};
	struct form_input in = { typed, sizeof(typed) / sizeof(typed[0]) };
	struct form_input din = { dec, sizeof(dec) / sizeof(dec[0]) };
	form_errors errs = { NULL, 0, 0 };
	model_errors me = { NULL, 0, 0 };
	struct ledger_entry le;
	struct decision d;
	struct strbuf out = STRBUF_INIT;
	struct html h;
	char *s;

	(void)state;
	memset(&le, 0, sizeof(le));
	assert_int_equal(form_parse(&kind_ledger_entry, &le, &in, &errs), 4);
	html_init(&h, &out);
	records_new(&h, &(struct records_form_page){
		.c = { &P, IN }, .k = &kind_ledger_entry, .rk = &ledger_rk, .action = "/i/x/ledger",
		.typed = &in, .errs = &errs,
	});
	html_close_to(&h, 0);
	s = checked(&out);
	assert_non_null(strstr(s, "There are 4 problems"));
	/* the value as typed, in the message and in the box */
	assert_non_null(strstr(s, "“-12,5x” is not an amount in dollars"));
	assert_null(strstr(s, "-125x"));
	assert_non_null(strstr(s, "value=\"-12,5x\""));
	/* labels, not codes; no date format beside a date box */
	assert_non_null(strstr(s, ">Amount: "));
	assert_non_null(strstr(s, ">Grant: Choose one"));
	assert_null(strstr(s, "YYYY"));
	assert_non_null(strstr(s, "<p class=\"error\" id=\"date-error\">"));
	free(s);
	kind_release(&kind_ledger_entry, &le);
	VEC_FREE(&errs);

	/* a missing title, an unknown decider and dates out of order: all three */
	memset(&d, 0, sizeof(d));
	assert_int_equal(form_parse(&kind_decision, &d, &din, &errs), 1);
	assert_int_equal(model_check_record(&P, IN, &kind_decision, &d, &me), 2);
	assert_string_equal(me.v[0].path, "decider");
	assert_string_equal(me.v[1].path, "decided");
	assert_string_equal(me.v[1].msg, "must not be before Proposed (1 May 2016)");
	kind_release(&kind_decision, &d);
	VEC_FREE(&errs);
	VEC_FREE(&me);
}

/* Check-in attendees: the team's people first, everyone else folded away. */
static void
test_pickers_scoped_to_the_team(void **state)
{
	struct strbuf out = STRBUF_INIT;
	struct html h;
	char *s, *other;
	const struct person *outsider = NULL, *insider = NULL;

	(void)state;
	for (size_t i = 0; i < P.people.n; i++) {
		const struct person *pe = &P.people.v[i];
		int team = 0;

		for (size_t m = 0; pe->org.slug && m < IN->members.n; m++)
			team |= strcmp(IN->members.v[m].org.slug, pe->org.slug) == 0;
		if (team && insider == NULL)
			insider = pe;
		if (!team && outsider == NULL)
			outsider = pe;
	}
	assert_non_null(insider);
	assert_non_null(outsider);
	html_init(&h, &out);
	form_fields(&h, &(struct form_ctx){ &P, IN }, &kind_checkin, NULL, NULL, NULL);
	form_fields(&h, &(struct form_ctx){ &P, IN }, &kind_ledger_entry, NULL, NULL, NULL);
	html_close_to(&h, 0);
	s = checked(&out);
	other = strstr(s, "<details class=\"pickgroup\"><summary>Someone else…</summary>");
	assert_non_null(other);
	{
		char want[256];

		snprintf(want, sizeof(want), "value=\"%s\"", insider->slug);
		assert_true(strstr(s, want) < other);
		snprintf(want, sizeof(want), "value=\"%s\"", outsider->slug);
		assert_true(strstr(s, want) > other);
	}
	/* the budget line: a select of the grants' lines */
	assert_non_null(strstr(s, "<select id=\"line\" name=\"line\">"));
	if (IN->grants.v[0].lines.n) {
		char want[256];

		snprintf(want, sizeof(want), "<option value=\"%s\">", IN->grants.v[0].lines.v[0].name);
		assert_non_null(strstr(s, want));
	}
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decisions_list_links_titles_and_marks_contrary_views),
		cmocka_unit_test(test_decisions_filter_offers_only_the_deciders_named),
		cmocka_unit_test(test_ledger_list_names_funder_vendor_and_totals),
		cmocka_unit_test(test_checkins_list_shows_progress),
		cmocka_unit_test(test_list_tab_links),
		cmocka_unit_test(test_record_page_named_and_delete_asks),
		cmocka_unit_test(test_form_every_problem_in_words),
		cmocka_unit_test(test_pickers_scoped_to_the_team),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
