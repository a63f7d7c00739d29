/*
 * Unit tests for src/view/checkins_page.c and src/metrics/checkins.c (issue
 * 13, item 3): the program's check-in calendar. A month with a check-in is
 * "held" and links to it; a month over without one is "missing", one not
 * over yet "upcoming", both linking to the add form for the program team
 * (to the list for an evaluator); a month outside the initiative's
 * start–end is blank. The JSON says the same. The program page's open
 * follow-ups: overdue marked, a Mark done form each for the program team.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/checkins.h"
#include "util/strbuf.h"
#include "view/checkins_page.h"
#include "tagcheck.h"

#define D(s) date_of(s)

static tdate
date_of(const char *s)
{
	tdate t;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

/* An initiative from 2016-02-10 to 2016-05-31 with check-ins on 2016-02-20 and 2016-02-03. */
static void
initiative_fill(struct initiative *in, struct checkin *ck)
{
	memset(in, 0, sizeof(*in));
	in->slug = "harlow-mills";
	in->start = D("2016-02-10");
	in->end = D("2016-05-31");
	memset(ck, 0, 2 * sizeof(*ck));
	ck[0].id = "c-2";
	ck[0].date = D("2016-02-20");
	ck[1].id = "c-1";
	ck[1].date = D("2016-02-03");
	in->checkins.v = ck;
	in->checkins.n = 2;
}

static void
test_calendar_states(void **state)
{
	struct initiative in;
	struct checkin ck[2];
	struct checkin_month m[6];

	(void)state;
	initiative_fill(&in, ck);
	/* Jan … Jun 2016, "today" 15 April: Jan outside, Feb held (two, the first c-1),
	 * Mar missing, Apr (not over) and May upcoming, Jun outside */
	metrics_checkin_calendar(&in, D("2016-01-17"), 6, D("2016-04-15"), m);
	assert_int_equal(m[0].month, D("2016-01-01"));
	assert_int_equal(m[0].state, CAL_OUTSIDE);
	assert_int_equal(m[1].state, CAL_HELD);
	assert_int_equal(m[1].count, 2);
	assert_string_equal(m[1].first_id, "c-1");
	assert_int_equal(m[2].state, CAL_MISSING);
	assert_null(m[2].first_id);
	assert_int_equal(m[3].state, CAL_UPCOMING);
	assert_int_equal(m[4].state, CAL_UPCOMING);
	assert_int_equal(m[5].state, CAL_OUTSIDE);
	assert_int_equal(m[5].month, D("2016-06-01"));
	/* once April is over it is missing */
	metrics_checkin_calendar(&in, D("2016-04-01"), 1, D("2016-05-01"), m);
	assert_int_equal(m[0].state, CAL_MISSING);
}

static void
page_render(int can_add, struct strbuf *sb)
{
	static struct initiative in;
	static struct checkin ck[2];
	static struct checkin_month m[6];
	struct frame f = { .title = "Check-ins", .user = "a@x.org", .role = "admin", .tab = TAB_NONE };
	struct checkins_row row = { .slug = "harlow-mills", .name = "Harlow Mills Initiative",
	    .city = "Harlow Mills", .months = m };
	struct checkins_page pg = { .frame = &f, .nmonths = 6, .rows = &row, .nrows = 1,
	    .can_add = can_add, .period_form = "<form class=\"period\"></form>" };
	struct html h;

	initiative_fill(&in, ck);
	metrics_checkin_calendar(&in, D("2016-01-01"), 6, D("2016-04-15"), m);
	html_init(&h, sb);
	checkins_page_write(&h, &pg);
}

static void
test_page(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	page_render(1, &sb);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<h1>Check-ins</h1>"));
	assert_non_null(strstr(sb.buf, "Jan 2016 – Jun 2016: 1 held, 1 missing, 2 upcoming."));
	assert_non_null(strstr(sb.buf, "<form class=\"period\"></form>"));
	/* months across, named in words */
	assert_non_null(strstr(sb.buf, "<th scope=\"col\">Initiative</th><th scope=\"col\">Jan 2016</th>"
	    "<th scope=\"col\">Feb 2016</th>"));
	/* the initiative's row: its name links to its check-ins */
	assert_non_null(strstr(sb.buf, "<th scope=\"row\"><a href=\"/i/harlow-mills/checkins\">"
	    "Harlow Mills Initiative</a><div class=\"note\">Harlow Mills</div></th>"
	    "<td class=\"month-out\"></td>"));
	/* held: the month's first check-in */
	assert_non_null(strstr(sb.buf, "<td class=\"month-yes\"><a href=\"/i/harlow-mills/checkins/c-1\" "
	    "title=\"Harlow Mills Initiative, Feb 2016: held (2 check-ins)\">✓ held</a></td>"));
	assert_non_null(strstr(sb.buf, "<td class=\"month-no\"><a href=\"/i/harlow-mills/checkins/new\" "
	    "title=\"Harlow Mills Initiative, Mar 2016: missing\">✗ missing</a></td>"));
	assert_non_null(strstr(sb.buf, "<td class=\"month-due\"><a href=\"/i/harlow-mills/checkins/new\" "
	    "title=\"Harlow Mills Initiative, Apr 2016: upcoming\">○ upcoming</a></td>"));
	strbuf_release(&sb);

	/* an evaluator may not add one: the cell links to the list */
	page_render(0, &sb);
	assert_null(strstr(sb.buf, "/checkins/new"));
	assert_non_null(strstr(sb.buf, "<td class=\"month-no\"><a href=\"/i/harlow-mills/checkins\" "));
	strbuf_release(&sb);
}

static void
test_json(void **state)
{
	struct initiative in;
	struct checkin ck[2];
	struct checkin_month m[3];
	struct checkins_row row = { .slug = "harlow-mills", .name = "H", .months = m };
	struct checkins_page pg = { .nmonths = 3, .rows = &row, .nrows = 1 };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	initiative_fill(&in, ck);
	metrics_checkin_calendar(&in, D("2016-01-01"), 3, D("2016-04-15"), m);
	checkins_calendar_json(&sb, &pg);
	assert_string_equal(sb.buf, "{\"months\": [\"2016-01\", \"2016-02\", \"2016-03\"],\n"
	    " \"initiatives\": [\n"
	    "  {\"slug\": \"harlow-mills\", \"months\": ["
	    "{\"month\": \"2016-01\", \"state\": \"outside\", \"checkins\": 0, \"first\": null}, "
	    "{\"month\": \"2016-02\", \"state\": \"held\", \"checkins\": 2, \"first\": \"c-1\"}, "
	    "{\"month\": \"2016-03\", \"state\": \"missing\", \"checkins\": 0, \"first\": null}]}]}\n");
	strbuf_release(&sb);
}

static void
test_followups(void **state)
{
	const struct followup_item items[] = {
		{ .slug = "harlow-mills", .initiative = "Harlow Mills Initiative", .checkin_id = "c-9",
		  .checkin_date = D("2016-12-05"), .n = 2, .text = "Send <the> budget",
		  .owner = "Dee Rector", .due = D("2016-12-20") },
		{ .slug = "port-ashby", .initiative = "Port Ashby", .checkin_id = "c-3",
		  .checkin_date = D("2016-12-01"), .n = 1, .text = "Book a room", .owner = "Al",
		  .due = D("2017-01-10") },
	};
	struct followups_list l = { .items = items, .nitems = 2, .today = D("2017-01-01"),
	    .can_mark = 1, .csrf = "C1", .back = "/" };
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	followups_list_write(&h, &l);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "2 follow-ups agreed at check-ins and not done yet, 1 past its due date."));
	assert_non_null(strstr(sb.buf, "<tr class=\"overdue\"><td class=\"when\" data-label=\"Due\">"
	    "<span>20 Dec 2016<span class=\"late\"> overdue</span></span></td><th scope=\"row\" data-label=\"Follow-up\">"
	    "Send &lt;the&gt; budget</th><td data-label=\"Owner\">Dee Rector</td>"));
	assert_non_null(strstr(sb.buf, "<tr><td class=\"when\" data-label=\"Due\"><span>10 Jan 2017</span></td>"));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills/checkins/c-9\">5 Dec 2016</a>"));
	assert_non_null(strstr(sb.buf, "<form method=\"post\" action=\"/i/harlow-mills/checkins/c-9/done\" "
	    "class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"C1\"/><input type=\"hidden\" "
	    "name=\"n\" value=\"2\"/><input type=\"hidden\" name=\"back\" value=\"/\"/><button "
	    "type=\"submit\" aria-label=\"Mark “Send &lt;the&gt; budget” done\">Mark done</button></form>"));
	strbuf_release(&sb);

	/* an evaluator: the list without the buttons; none open: a sentence */
	l.can_mark = 0;
	html_init(&h, &sb);
	followups_list_write(&h, &l);
	assert_null(strstr(sb.buf, "<form"));
	assert_null(strstr(sb.buf, "Done?"));
	strbuf_release(&sb);
	l.nitems = 0;
	html_init(&h, &sb);
	followups_list_write(&h, &l);
	assert_non_null(strstr(sb.buf, "No follow-up of a check-in is open."));
	assert_null(strstr(sb.buf, "<table"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_followups),
		cmocka_unit_test(test_calendar_states),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
