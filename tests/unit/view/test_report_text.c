/*
 * The balance report for a terminal (report_text_write, _summary) and the
 * capacity texts, on the demo program: alerts before strengths, every
 * figure of metrics_fig_names with its N, "—" for what is null.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "model/demo.h"
#include "model/model.h"
#include "model/validate.h"
#include "util/date.h"
#include "util/strbuf.h"
#include "view/report_text.h"

struct fixture {
	struct program p;
	tdate as_of;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct model_error e;

	if (f == NULL)
		return -1;
	program_init(&f->p);
	demo_build(&f->p, DEMO_DEFAULT_SEED);
	if (model_validate(&f->p, &e) != 0) {
		struct strbuf sb = STRBUF_INIT;

		model_error_format(&e, &sb);
		fprintf(stderr, "demo does not validate: %s\n", sb.buf);
		strbuf_release(&sb);
		return -1;
	}
	date_parse("2016-12-31", &f->as_of);
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

static const struct initiative *
initiative(const struct fixture *f, const char *slug)
{
	const struct initiative *in = program_initiative(&f->p, slug);

	assert_non_null(in);
	return in;
}

/* Returns the line of text that starts with prefix (a copy in line), or fails. */
static void
line_of(const char *text, const char *prefix, struct strbuf *line)
{
	const char *s = text;
	size_t len = strlen(prefix);

	for (;;) {
		const char *nl = strchr(s, '\n');

		if (strncmp(s, prefix, len) == 0) {
			strbuf_reset(line);
			strbuf_add(line, s, nl ? (size_t)(nl - s) : strlen(s));
			return;
		}
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	fail_msg("no line starts with '%s' in:\n%s", prefix, text);
}

/*
 * Checks the figures table: for every figure, a line "  NAME  VALUE  N"
 * whose last field is the figure's N, and whose value is "—" exactly when
 * the figure is null.
 */
static void
check_figures(const struct report *r, const char *text)
{
	struct strbuf prefix = STRBUF_INIT, line = STRBUF_INIT;
	const char *figs = strstr(text, "\nFIGURES");

	assert_non_null(figs);
	for (int i = 0; i < FIG__MAX; i++) {
		const char *sp;
		long long n;

		strbuf_reset(&prefix);
		strbuf_addf(&prefix, "  %s ", metrics_fig_names[i]);
		line_of(figs + 1, prefix.buf, &line);
		sp = strrchr(line.buf, ' ');
		assert_non_null(sp);
		n = strtoll(sp + 1, NULL, 10);
		if (n != r->fig[i].n)
			fail_msg("%s: N %lld in the text, %lld in the report", metrics_fig_names[i],
			    n, (long long)r->fig[i].n);
		if ((r->fig[i].type == MV_NULL) != (strstr(line.buf, "—") != NULL))
			fail_msg("%s: null %d but the line reads '%s'", metrics_fig_names[i],
			    r->fig[i].type == MV_NULL, line.buf);
	}
	strbuf_release(&prefix);
	strbuf_release(&line);
}

static void
test_alerts_first(void **state)
{
	struct fixture *f = *state;
	struct report r;
	struct capacity c;
	struct strbuf sb = STRBUF_INIT;
	const struct initiative *in = initiative(f, "quarry-bend");
	const char *discuss, *well, *balance, *cap, *figs;

	metrics_report_init(&r);
	metrics_capacity_init(&c);
	assert_int_equal(metrics_report(&f->p, in, f->as_of, 12, NULL, &r), 0);
	assert_int_equal(metrics_capacity(&f->p, in->backbone.idx, in, f->as_of, NULL, &c), 0);
	report_text_write(&r, &c, &sb);

	assert_true(strncmp(sb.buf, "Safe Flats Quarry Bend — ", strlen("Safe Flats Quarry Bend — ")) == 0);
	assert_non_null(strstr(sb.buf, "Period: 1 Jan 2016 – 31 Dec 2016 (12 months to 31 Dec 2016)"));
	discuss = strstr(sb.buf, "\nTO DISCUSS\n");
	well = strstr(sb.buf, "\nGOING WELL\n");
	balance = strstr(sb.buf, "\nBALANCE\n");
	cap = strstr(sb.buf, "\nBACKBONE CAPACITY\n");
	figs = strstr(sb.buf, "\nFIGURES");
	assert_non_null(discuss);
	assert_non_null(well);
	assert_non_null(balance);
	assert_non_null(cap);
	assert_non_null(figs);
	assert_true(discuss < well && well < balance && balance < cap && cap < figs);

	/* each alert between TO DISCUSS and GOING WELL, in pitfall order, with its evidence */
	assert_int_equal(r.alerts.n, 4);
	{
		const char *prev = discuss;

		for (size_t i = 0; i < r.alerts.n; i++) {
			struct strbuf want = STRBUF_INIT;
			const char *at;

			strbuf_addf(&want, "\n  ! %s\n", r.alerts.v[i].code);
			at = strstr(sb.buf, want.buf);
			assert_non_null(at);
			assert_true(at > prev && at < well);
			prev = at;
			for (size_t j = 0; j < r.alerts.v[i].evidence.n; j++) {
				const char *id = strstr(at, r.alerts.v[i].evidence.v[j]);

				assert_non_null(id);
				assert_true(id < well);
			}
			strbuf_release(&want);
		}
	}
	assert_non_null(strstr(discuss, "Evidence: d-"));
	assert_non_null(strstr(discuss, "Is that how the team wants to decide?"));
	/* each strength between GOING WELL and BALANCE */
	assert_int_equal(r.strengths.n, 1);
	{
		const char *at = strstr(sb.buf, "\n  + partners_compensated\n");

		assert_non_null(at);
		assert_true(at > well && at < balance);
	}
	/* the scores with their parts */
	assert_non_null(strstr(balance, "  Stepping back "));
	assert_non_null(strstr(balance, "  Stepping up "));
	assert_non_null(strstr(balance, "      decisions.backbone_alone_share "));
	/* each score with its N (its parts), each part with its figure's N (issue 11, point 13) */
	{
		struct strbuf want = STRBUF_INIT;

		strbuf_addf(&want, "  N = %zu parts%s\n", r.stepping_back.nparts,
		    r.stepping_back.provisional ? ", provisional" : "");
		assert_non_null(strstr(balance, want.buf));
		strbuf_reset(&want);
		strbuf_addf(&want, "   N = %lld%s\n", (long long)r.fig[FIG_DEC_BACKBONE_ALONE].n,
		    metrics_fig_provisional(&r.fig[FIG_DEC_BACKBONE_ALONE], FIG_DEC_BACKBONE_ALONE) ?
		    ", provisional" : "");
		assert_non_null(strstr(strstr(balance, "      decisions.backbone_alone_share "), want.buf));
		strbuf_release(&want);
	}
	/* capacity: not high, with its gaps */
	assert_non_null(strstr(cap, "1 of 5 traits — not high capacity"));
	assert_non_null(strstr(cap, "lacks In-kind staffing; offered by: no one on the team yet"));
	check_figures(&r, sb.buf);

	metrics_capacity_release(&c);
	metrics_report_release(&r);
	strbuf_release(&sb);
}

/* An initiative with nothing to discuss says so, and still lists its strengths. */
static void
test_nothing_to_discuss(void **state)
{
	struct fixture *f = *state;
	struct report r;
	struct strbuf sb = STRBUF_INIT;
	const char *well;

	metrics_report_init(&r);
	assert_int_equal(metrics_report(&f->p, initiative(f, "harlow-mills"), f->as_of, 12, NULL, &r), 0);
	report_text_write(&r, NULL, &sb);
	assert_int_equal(r.alerts.n, 0);
	assert_non_null(strstr(sb.buf, "TO DISCUSS\n  Nothing raised in this period.\n"));
	well = strstr(sb.buf, "\nGOING WELL\n");
	assert_non_null(well);
	for (size_t i = 0; i < r.strengths.n; i++) {
		struct strbuf want = STRBUF_INIT;

		strbuf_addf(&want, "\n  + %s\n", r.strengths.v[i].code);
		assert_true(strstr(sb.buf, want.buf) > well);
		strbuf_release(&want);
	}
	assert_int_equal(r.strengths.n, 6);
	/* no capacity given, no capacity section */
	assert_null(strstr(sb.buf, "BACKBONE CAPACITY"));
	check_figures(&r, sb.buf);
	metrics_report_release(&r);
	strbuf_release(&sb);
}

/* A window before the initiative began: nulls shown as "—", never as 0. */
static void
test_nulls_dashed(void **state)
{
	struct fixture *f = *state;
	struct report r;
	struct strbuf sb = STRBUF_INIT, line = STRBUF_INIT;
	tdate early;
	int nulls = 0;

	date_parse("2012-06-30", &early);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&f->p, initiative(f, "port-ashby"), early, 3, NULL, &r), 0);
	report_text_write(&r, NULL, &sb);
	for (int i = 0; i < FIG__MAX; i++)
		nulls += r.fig[i].type == MV_NULL;
	assert_true(nulls >= 10);
	assert_int_equal(r.fig[FIG_DEC_HHI].type, MV_NULL);
	check_figures(&r, sb.buf);
	line_of(strstr(sb.buf, "\nFIGURES") + 1, "  decisions.hhi ", &line);
	assert_non_null(strstr(line.buf, "—"));
	assert_null(strstr(line.buf, "0%"));
	/* no decisions, no money: both scores may be null; a null score reads "—" */
	if (r.stepping_back.type == MV_NULL)
		assert_non_null(strstr(sb.buf, "  Stepping back    —   not enough records to score\n"));
	assert_non_null(strstr(sb.buf, "Nothing raised in this period."));
	/* director.shared_oversight has no window: that strength still shows */
	assert_int_equal(r.strengths.n, 1);
	assert_non_null(strstr(sb.buf, "GOING WELL\n  + director_supported\n"));
	assert_non_null(strstr(sb.buf, "(3 months to 30 Jun 2012)"));
	metrics_report_release(&r);

	/* without a director, nothing at all is going well yet */
	{
		struct initiative *in = program_initiative(&f->p, "port-ashby");

		in->has_director = 0;
		strbuf_reset(&sb);
		assert_int_equal(metrics_report(&f->p, in, early, 3, NULL, &r), 0);
		in->has_director = 1;
		report_text_write(&r, NULL, &sb);
		assert_int_equal(r.strengths.n, 0);
		assert_non_null(strstr(sb.buf, "GOING WELL\n  None of the six practices is showing"));
		line_of(strstr(sb.buf, "\nFIGURES") + 1, "  director.shared_oversight ", &line);
		assert_non_null(strstr(line.buf, "—"));
		check_figures(&r, sb.buf);
		metrics_report_release(&r);
	}
	strbuf_release(&sb);
	strbuf_release(&line);
}

/*
 * Copies text up to the end of its "going well" list into out, lines
 * continued under a list (16 spaces) joined back with one space.
 */
static void
unwrap(const char *text, struct strbuf *out)
{
	const char *well = strstr(text, "\n    going well: ");
	const char *end;

	assert_non_null(well);
	end = strchr(well + 1, '\n');
	while (end && strncmp(end, "\n                ", 17) == 0 && end[17] != ' ')
		end = strchr(end + 1, '\n');
	strbuf_reset(out);
	for (const char *s = text; s < (end ? end + 1 : text + strlen(text)); s++) {
		if (s[0] == '\n' && strncmp(s, "\n                ", 17) == 0 && s[17] != ' ') {
			strbuf_addch(out, ' ');
			s += 16;
			continue;
		}
		strbuf_addch(out, *s);
	}
}

static void
test_summary(void **state)
{
	struct fixture *f = *state;
	size_t n = f->p.initiatives.n;
	struct report *rs = calloc(n, sizeof(*rs));
	struct strbuf sb = STRBUF_INIT, line = STRBUF_INIT;

	assert_non_null(rs);
	assert_int_equal(n, 6);
	for (size_t i = 0; i < n; i++) {
		metrics_report_init(&rs[i]);
		assert_int_equal(metrics_report(&f->p, &f->p.initiatives.v[i], f->as_of, 12, NULL, &rs[i]), 0);
	}
	report_text_summary(rs, n, &sb);
	assert_true(strncmp(sb.buf, "Period: 1 Jan 2016 – 31 Dec 2016\n", strlen("Period: 1 Jan 2016 – 31 Dec 2016\n")) == 0);
	for (size_t i = 0; i < n; i++) {
		const struct report *r = &rs[i];
		const char *name = strstr(sb.buf, r->initiative->name);
		const char *discuss, *well;
		struct strbuf want = STRBUF_INIT;

		assert_non_null(name);
		/* the initiatives in order */
		if (i > 0)
			assert_true(name > strstr(sb.buf, rs[i - 1].initiative->name));
		discuss = strstr(name, "\n    to discuss: ");
		well = strstr(name, "\n    going well: ");
		assert_non_null(discuss);
		assert_non_null(well);
		assert_true(discuss < well);
		/* the scores on the name's line */
		line_of(name, r->initiative->name, &line);
		strbuf_addf(&want, " %.0f", r->stepping_back.value);
		assert_non_null(strstr(line.buf, want.buf));
		strbuf_reset(&want);
		strbuf_addf(&want, " %.0f", r->stepping_up.value);
		assert_non_null(strstr(line.buf, want.buf));
		/* alerts and strengths in order, "—" when there are none */
		strbuf_reset(&want);
		strbuf_addstr(&want, "\n    to discuss: ");
		if (r->alerts.n == 0)
			strbuf_addstr(&want, "—");
		for (size_t j = 0; j < r->alerts.n; j++)
			strbuf_addf(&want, "%s%s", j ? ", " : "", r->alerts.v[j].code);
		strbuf_addstr(&want, "\n    going well: ");
		if (r->strengths.n == 0)
			strbuf_addstr(&want, "—");
		for (size_t j = 0; j < r->strengths.n; j++)
			strbuf_addf(&want, "%s%s", j ? ", " : "", r->strengths.v[j].code);
		strbuf_addch(&want, '\n');
		/* long lists wrap under their first code: join them back */
		unwrap(discuss, &line);
		assert_true(strncmp(line.buf, want.buf, want.len) == 0);
		strbuf_release(&want);
	}
	assert_non_null(strstr(sb.buf, "    to discuss: —\n"));	/* harlow-mills */
	/* fits a terminal: no line wider than 78 columns */
	for (const char *s = sb.buf; *s; ) {
		const char *nl = strchr(s, '\n');
		size_t cols = 0;

		for (const char *c = s; c < nl; c++)
			cols += ((unsigned char)*c & 0xc0) != 0x80;
		if (cols > 78)
			fail_msg("line of %zu columns: %.*s", cols, (int)(nl - s), s);
		s = nl + 1;
	}
	for (size_t i = 0; i < n; i++)
		metrics_report_release(&rs[i]);
	free(rs);

	strbuf_reset(&sb);
	report_text_summary(NULL, 0, &sb);
	assert_string_equal(sb.buf, "No initiatives yet.\n");
	strbuf_release(&sb);
	strbuf_release(&line);
}

static void
test_capacity_compare(void **state)
{
	struct fixture *f = *state;
	const char *slugs[] = { "harlow-neighborhood-builders", "ashby-neighborhood-developers",
	    "quarry-bend-renewal" };
	struct capacity cs[3];
	struct strbuf sb = STRBUF_INIT, line = STRBUF_INIT;

	for (int i = 0; i < 3; i++) {
		const struct organization *o = program_org(&f->p, slugs[i]);

		assert_non_null(o);
		metrics_capacity_init(&cs[i]);
		assert_int_equal(metrics_capacity(&f->p, (int)(o - f->p.orgs.v), NULL, f->as_of,
		    NULL, &cs[i]), 0);
	}
	capacity_text_compare(cs, 3, &sb);
	/* a header with one column per organization, in order */
	line_of(sb.buf, " ", &line);
	assert_true(strstr(line.buf, slugs[0]) < strstr(line.buf, slugs[1]));
	assert_true(strstr(line.buf, slugs[1]) < strstr(line.buf, slugs[2]));
	line_of(sb.buf, "staff ", &line);
	assert_non_null(strstr(line.buf, " 30 "));
	assert_non_null(strstr(line.buf, " 25 "));
	line_of(sb.buf, "revenue ", &line);
	assert_non_null(strstr(line.buf, "$6,000,000.00"));
	line_of(sb.buf, "high capacity ", &line);
	assert_true(strstr(line.buf, "YES") < strrchr(line.buf, 'n'));
	assert_int_equal(cs[0].high_capacity, 1);
	assert_int_equal(cs[1].high_capacity, 1);
	assert_int_equal(cs[2].high_capacity, 0);
	line_of(sb.buf, "traits met ", &line);
	assert_non_null(strstr(line.buf, "5 of 5"));
	assert_non_null(strstr(line.buf, "1 of 5"));

	strbuf_reset(&sb);
	capacity_text_write(&cs[0], &sb);
	assert_non_null(strstr(sb.buf, "30 staff, $6,000,000.00 a year, 5 of 5 traits — high capacity\n"));
	assert_null(strstr(sb.buf, "lacks"));	/* assessed without a team: no gaps */
	for (int i = 0; i < 3; i++)
		metrics_capacity_release(&cs[i]);
	strbuf_release(&sb);
	strbuf_release(&line);
}

/* The fields of line split at runs of spaces, in out (at most max); returns how many. */
static int
fields_of(char *line, char **out, int max)
{
	char *save = NULL;
	int n = 0;

	for (char *t = strtok_r(line, " ", &save); t && n < max; t = strtok_r(NULL, " ", &save))
		out[n++] = t;
	return n;
}

/*
 * Checks one row of the SURVEYS block against its row of the results: the
 * mean, n and band of everyone, backbone and partners as "mean (n)" or "—",
 * the gap, the change. Fields from the end, as a band has spaces in it.
 */
static void
check_survey_row(const char *text, const struct survey_row *row, const struct survey_row *bef,
    int change_col)
{
	struct strbuf prefix = STRBUF_INIT, line = STRBUF_INIT, want = STRBUF_INIT;
	char *f[16];
	int n;
	double d;

	strbuf_addf(&prefix, row->code ? "    %s " : "  %s ", row->code ? row->code : row->category);
	line_of(text, prefix.buf, &line);
	n = fields_of(line.buf, f, 16);
	assert_true(n >= 6);
	/* change, gap */
	strbuf_reset(&want);
	if (metrics_survey_change(bef, row, change_col, &d) == 0)
		strbuf_addf(&want, (d > -0.05 && d < 0.05) ? "0.0" : "%+.1f", d);
	else
		strbuf_addstr(&want, "—");
	assert_string_equal(f[n - 1], want.buf);
	strbuf_reset(&want);
	if (row->has_gap)
		strbuf_addf(&want, (row->gap > -0.05 && row->gap < 0.05) ? "0.0" : "%+.1f", row->gap);
	else
		strbuf_addstr(&want, "—");
	assert_string_equal(f[n - 2], want.buf);
	/* everyone: mean, n, band; or "—" when hidden */
	strbuf_reset(&want);
	if (row->col[SURVEY_COL_ALL].shown) {
		strbuf_addf(&want, "%.1f", row->col[SURVEY_COL_ALL].mean);
		assert_string_equal(f[1], want.buf);
		assert_int_equal(strtoll(f[2], NULL, 10), row->col[SURVEY_COL_ALL].n);
		assert_true(row->col[SURVEY_COL_ALL].n >= SURVEY_MIN_GROUP);
	} else
		assert_string_equal(f[1], "—");
	assert_non_null(strstr(prefix.buf, f[0]));
	strbuf_release(&prefix);
	strbuf_release(&line);
	strbuf_release(&want);
}

/* The text of the SURVEYS block: from "SURVEYS" up to FIGURES, in out. */
static void
surveys_of(const char *text, struct strbuf *out)
{
	const char *s = strstr(text, "\nSURVEYS\n"), *e = strstr(text, "\nFIGURES");

	assert_non_null(s);
	assert_non_null(e);
	assert_true(s < e);
	strbuf_reset(out);
	strbuf_add(out, s + 1, (size_t)(e - s));
}

/*
 * The SURVEYS block: a table per instrument of the window, its rows the
 * results' rows; on the demo the director's single answer is never shown,
 * nor everyone's mean that would give it away; the backbone's 3 answers
 * and the partners' are, with the gap (DESIGN §4). With the director's
 * answers counted as a partner's, everyone's mean shows too. No line is
 * wider than 79 characters.
 */
static void
test_surveys_block(void **state)
{
	struct fixture *f = *state;
	struct initiative *in = program_initiative(&f->p, "harlow-mills");
	struct strbuf sb = STRBUF_INIT, block = STRBUF_INIT;
	struct report r;
	int gaps = 0;

	assert_non_null(in);
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			for (size_t i = 0; i < in->surveys.n; i++)
				for (size_t k = 0; k < in->surveys.v[i].responses.n; k++)
					if (in->surveys.v[i].responses.v[k].group == GROUP_DIRECTOR)
						in->surveys.v[i].responses.v[k].group = GROUP_PARTNER;
		metrics_report_init(&r);
		strbuf_reset(&sb);
		assert_int_equal(metrics_report(&f->p, in, f->as_of, 12, NULL, &r), 0);
		report_text_write(&r, NULL, &sb);
		surveys_of(sb.buf, &block);
		assert_int_equal(r.surveys.n, 2);
		for (size_t i = 0; i < r.surveys.n; i++) {
			const struct survey_results *now = &r.surveys.v[i].now;
			const struct survey_results *bef = r.surveys.v[i].has_before ?
			    &r.surveys.v[i].before : NULL;
			struct strbuf title = STRBUF_INIT;

			assert_non_null(bef);
			strbuf_addf(&title, "\n  %s\n", now->instrument->title);
			assert_non_null(strstr(block.buf, title.buf));
			strbuf_release(&title);
			/* the demo's 3 backbone answers are shown in every round; with
			 * the director's answer among them everyone's mean is hidden */
			assert_true(now->shown[SURVEY_COL_BACKBONE]);
			assert_int_equal(now->shown[SURVEY_COL_ALL], pass == 1);
			assert_false(now->shown[SURVEY_COL_DIRECTOR]);
			for (size_t c = 0; c < now->categories.n; c++)
				check_survey_row(block.buf, &now->categories.v[c],
				    metrics_survey_row(bef, NULL, now->categories.v[c].category),
				    metrics_survey_change_col(now));
			for (size_t k = 0; k < now->items.n; k++) {
				check_survey_row(block.buf, &now->items.v[k],
				    metrics_survey_row(bef, now->items.v[k].code, NULL),
				    metrics_survey_change_col(now));
				gaps += now->items.v[k].has_gap;
			}
		}
		/* no group of 1 or 2 shown, as "(1)" or "(2)" */
		assert_null(strstr(block.buf, "(1)"));
		assert_null(strstr(block.buf, "(2)"));
		/* at most 79 characters (code points) a line */
		for (const char *l = block.buf; *l;) {
			size_t w = 0;

			for (; *l && *l != '\n'; l++)
				w += ((unsigned char)*l & 0xc0) != 0x80;
			assert_true(w <= 79);
			if (*l)
				l++;
		}
		/* the backbone's 3 answers, and a gap on every item, in both passes */
		assert_int_equal(gaps, pass == 0 ? 15 : 30);
		assert_non_null(strstr(block.buf, " (3)"));
		if (pass == 0)
			assert_non_null(strstr(block.buf, "everyone's mean is not"));
		else
			assert_null(strstr(block.buf, "everyone's mean is not"));
		metrics_report_release(&r);
	}
	strbuf_release(&block);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alerts_first),
		cmocka_unit_test(test_nothing_to_discuss),
		cmocka_unit_test(test_nulls_dashed),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_capacity_compare),
		cmocka_unit_test(test_surveys_block),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
