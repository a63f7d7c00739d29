/*
 * Unit tests for src/view/survey_pages.c on the demo program: the results
 * page never shows a suppressed group (each hidden cell reads "not shown",
 * no n under 3 anywhere, a suppressed everyone hides its spread too); dates
 * read "4 May 2015"; the answer form names a missing answer by its
 * question ("Question 3"), never by the item's code; the rounds page shows
 * editors how to make links and the forms, and a viewer neither.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/demo.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "view/survey_pages.h"
#include "tagcheck.h"

struct fixture {
	struct program p;
	struct initiative *in;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct model_error e;

	program_init(&f->p);
	demo_build(&f->p, DEMO_DEFAULT_SEED);
	if (model_validate(&f->p, &e) != 0)
		return -1;
	f->in = program_initiative(&f->p, "harlow-mills");
	if (f->in == NULL || f->in->surveys.n == 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	program_release(&f->p);
	free(f);
	return 0;
}

static const struct frame frame = { .title = "T", .user = "m@x.org", .role = "member",
	.csrf = "C9", .slug = "harlow-mills", .tab = TAB_SURVEYS };

/* Counts the aggregates of rows that are not shown. */
static size_t
hidden(const struct survey_row *rows, size_t n)
{
	static const int cols[] = { SURVEY_COL_ALL, SURVEY_COL_BACKBONE, SURVEY_COL_DIRECTOR,
	    SURVEY_COL_PARTNER };
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < 4; c++)
			k += !rows[i].col[cols[c]].shown;
	return k;
}

static void
test_results_never_show_a_suppressed_group(void **state)
{
	struct fixture *f = *state;
	const struct survey *sv = &f->in->surveys.v[0];
	struct survey_results now;
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	size_t want, spread = 0;

	metrics_survey_results_init(&now);
	assert_int_equal(metrics_survey_results(&f->p, f->in, sv->instrument.idx, sv->id, DATE_NONE,
	    DATE_NONE, &now), 0);
	/* the demo's director answers alone: their column is suppressed in every row */
	for (size_t i = 0; i < now.items.n; i++)
		assert_false(now.items.v[i].col[SURVEY_COL_DIRECTOR].shown);
	for (size_t i = 0; i < now.items.n; i++)
		spread += !now.items.v[i].col[SURVEY_COL_ALL].shown;
	want = hidden(now.items.v, now.items.n) + hidden(now.categories.v, now.categories.n) + spread;
	assert_true(want >= now.items.n);
	html_init(&h, &sb);
	survey_results_write(&h, &(struct survey_results_page){ .frame = &frame,
	    .slug = "harlow-mills", .sv = sv, .now = &now });
	assert_balanced(sb.buf);
	assert_int_equal(count_of(sb.buf, ">not shown<"), want);
	assert_null(strstr(sb.buf, "n = 1<"));
	assert_null(strstr(sb.buf, "n = 2<"));
	/* every shown aggregate with its n */
	for (size_t i = 0; i < now.items.n; i++) {
		const struct survey_agg *b = &now.items.v[i].col[SURVEY_COL_BACKBONE];

		if (b->shown) {
			char want_n[32];

			snprintf(want_n, sizeof(want_n), " n = %lld", (long long)b->n);
			assert_non_null(strstr(sb.buf, want_n));
			assert_true(b->n >= SURVEY_MIN_GROUP);
		}
	}
	/* dates in words, no ISO date in the text */
	assert_non_null(strstr(sb.buf, ". Opened "));
	assert_null(strstr(sb.buf, "Opened 20"));
	assert_null(strstr(sb.buf, "closed 20"));
	metrics_survey_results_release(&now);
	strbuf_release(&sb);
}

static void
test_answer_form_names_the_question(void **state)
{
	struct fixture *f = *state;
	const struct instrument *ins = program_instrument(&f->p, "director-support");
	form_errors errs = { NULL, 0, 0 };
	const char *typed[16] = { "4", "5" };
	struct strbuf sb = STRBUF_INIT;
	struct frame fr = { .title = "Support", .tab = TAB_NONE };
	struct html h;

	assert_non_null(ins);
	assert_true(ins->items.n >= 3 && ins->items.n < 16);
	form_error_add(&errs, ins->items.v[2].code, "Choose one answer.");
	html_init(&h, &sb);
	survey_answer_write(&h, &(struct survey_answer_page){ .frame = &fr,
	    .initiative = f->in->name, .ins = ins, .group = GROUP_PARTNER, .action = "/s/TOKEN",
	    .errs = &errs, .typed = typed });
	assert_balanced(sb.buf);
	{
		char want[160];

		snprintf(want, sizeof(want), "<a href=\"#%s\">Question 3: Choose one answer.</a>",
		    ins->items.v[2].code);
		assert_non_null(strstr(sb.buf, want));
		/* the code is an id and a name, never text people read */
		snprintf(want, sizeof(want), ">%s", ins->items.v[2].code);
		assert_null(strstr(sb.buf, want));
		snprintf(want, sizeof(want), "%s:", ins->items.v[2].code);
		assert_null(strstr(sb.buf, want));
		snprintf(want, sizeof(want), "name=\"%s\" value=\"4\" required checked",
		    ins->items.v[0].code);
		assert_non_null(strstr(sb.buf, want));
	}
	assert_non_null(strstr(sb.buf, "You were invited as a partner."));
	assert_non_null(strstr(sb.buf, "<form method=\"post\" action=\"/s/TOKEN\""));
	assert_int_equal(count_of(sb.buf, "type=\"radio\""), ins->items.n * 5);
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

static void
rounds(const struct fixture *f, int edit, const form_errors *errs, struct strbuf *sb)
{
	struct survey_round_row rows[16];
	struct survey_person team[] = { { "ana", "Ana Mensah", GROUP_BACKBONE, 0 },
	    { "carmen", "Carmen Brennan", GROUP_PARTNER, 1 } };
	struct survey_new_link link = { "Ana Mensah", GROUP_BACKBONE, "https://x/s/TOK" };
	struct survey open = f->in->surveys.v[0];
	struct html h;
	size_t n = f->in->surveys.n < 15 ? f->in->surveys.n : 15;

	open.id = "s-9";
	open.closed = DATE_NONE;
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct survey_round_row){ .sv = &f->in->surveys.v[i],
		    .questionnaire = "Q", .links_made = 2 };
	rows[n++] = (struct survey_round_row){ .sv = &open, .questionnaire = "Q",
	    .answers_before_today = 4, .team = team, .nteam = 2 };
	strbuf_reset(sb);
	html_init(&h, sb);
	survey_rounds_write(&h, &(struct survey_rounds_page){ .frame = &frame, .p = &f->p,
	    .action = "/i/harlow-mills/surveys/rounds", .slug = "harlow-mills", .rounds = rows,
	    .nrounds = n, .can_edit = edit, .links = edit ? &link : NULL, .nlinks = edit,
	    .links_survey = "s-9", .errs = errs, .today = "2016-12-31", .default_id = "s-10",
	    .typed_closed = "2016-13-40" });
	assert_balanced(sb->buf);
}

static void
test_rounds_editor_and_viewer(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	form_errors errs = { NULL, 0, 0 };
	char opened[DATE_WORDS_BUFSZ], iso[DATE_BUFSZ], want[64];

	form_error_add(&errs, "closed-s-9", "Give the day the round closed as a date.");
	rounds(f, 1, &errs, &sb);
	assert_non_null(strstr(sb.buf, "Make one link for each person of the team"));
	assert_non_null(strstr(sb.buf, "<h2>Round s-9 is open</h2>"));
	assert_non_null(strstr(sb.buf, "Carmen Brennan (partner): has a link"));
	assert_non_null(strstr(sb.buf, "value=\"carmen\" disabled"));
	assert_non_null(strstr(sb.buf, "1 new link for round s-9"));
	assert_non_null(strstr(sb.buf, "Ana Mensah (backbone): <code>https://x/s/TOK</code>"));
	assert_non_null(strstr(sb.buf, "<td class=\"num\" data-label=\"Responses\">4 before today</td>"));
	/* the problem named by its label, the date as typed kept in its box */
	assert_non_null(strstr(sb.buf, "<a href=\"#closed-s-9\">Closed on (round s-9): Give the day"));
	assert_non_null(strstr(sb.buf, "name=\"closed\" value=\"2016-13-40\" aria-invalid=\"true\""));
	assert_non_null(strstr(sb.buf, "<h2>Open a round</h2>"));
	assert_non_null(strstr(sb.buf, "value=\"s-10\""));
	assert_int_equal(count_of(sb.buf, "name=\"csrf\" value=\"C9\""), 4);
	/* the opening date in words in the table; ISO only in the date inputs */
	snprintf(want, sizeof(want), "<td data-label=\"Opened\">%s</td>", date_format_words(f->in->surveys.v[0].opened,
	    opened));
	assert_non_null(strstr(sb.buf, want));
	snprintf(want, sizeof(want), ">%s", date_format(f->in->surveys.v[0].opened, iso));
	assert_null(strstr(sb.buf, want));

	rounds(f, 0, NULL, &sb);
	assert_null(strstr(sb.buf, "Make one link"));
	assert_null(strstr(sb.buf, "Open a round"));
	assert_null(strstr(sb.buf, "Close this round"));
	assert_null(strstr(sb.buf, "<form method=\"post\" action=\"/i/"));
	assert_non_null(strstr(sb.buf, "Each round asks one questionnaire of the team."));
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_results_never_show_a_suppressed_group),
		cmocka_unit_test(test_answer_form_names_the_question),
		cmocka_unit_test(test_rounds_editor_and_viewer),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
