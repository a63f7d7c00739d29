/*
 * The balance report as one self-contained HTML page (report_html_page) and
 * as a section (report_html_section), on the demo program: no script, no
 * external file, no style attribute; one <h1>; every figure; the alerts'
 * evidence; balanced, escaped markup even with hostile names.
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
#include "util/xalloc.h"
#include "view/html.h"
#include "view/report_html.h"
#include "tagcheck.h"

#define SVG_NS "xmlns=\"http://www.w3.org/2000/svg\""

struct fixture {
	struct program p;
	tdate as_of;
	size_t n;
	struct report *rs;
	struct capacity *caps;
};

static void
compute(struct fixture *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct initiative *in = &f->p.initiatives.v[i];

		metrics_report_release(&f->rs[i]);
		metrics_capacity_release(&f->caps[i]);
		assert_int_equal(metrics_report(&f->p, in, f->as_of, 12, NULL, &f->rs[i]), 0);
		assert_int_equal(metrics_capacity(&f->p, in->backbone.idx, in, f->as_of, NULL,
		    &f->caps[i]), 0);
	}
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct model_error e;

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
	f->n = f->p.initiatives.n;
	f->rs = xcalloc(f->n, sizeof(*f->rs));
	f->caps = xcalloc(f->n, sizeof(*f->caps));
	for (size_t i = 0; i < f->n; i++) {
		metrics_report_init(&f->rs[i]);
		metrics_capacity_init(&f->caps[i]);
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < f->n; i++) {
		metrics_report_release(&f->rs[i]);
		metrics_capacity_release(&f->caps[i]);
	}
	free(f->rs);
	free(f->caps);
	program_release(&f->p);
	free(f);
	return 0;
}

/*
 * The page needs nothing from outside: no script, no external file or link,
 * no address but the SVG namespace, no style attribute (a strict CSP), and
 * its markup is balanced with exactly one <h1>.
 */
/*
 * Whether markup has an attribute whose name starts with prefix: the writer
 * always quotes values and escapes " in text, so NAME=" is an attribute.
 */
static int
has_attribute(const char *page, const char *prefix)
{
	size_t len = strlen(prefix);

	for (const char *s = page; (s = strstr(s, prefix)) != NULL; s += len) {
		const char *q = s + len;

		if (s == page || (s[-1] != ' ' && s[-1] != '<'))
			continue;
		while ((*q >= 'a' && *q <= 'z') || *q == '-')
			q++;
		if (q[0] == '=' && q[1] == '"')
			return 1;
	}
	return 0;
}

/* hostile: the page shows untrusted text, which may read "src=" once escaped. */
static void
assert_self_contained_text(const char *page, int hostile)
{
	assert_true(strncmp(page, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0);
	assert_null(strstr(page, "<script"));
	assert_null(strstr(page, "<SCRIPT"));
	if (!hostile)
		assert_null(strstr(page, "src="));
	assert_false(has_attribute(page, "src"));
	/* links stay on the page */
	for (const char *h = page; (h = strstr(h, " href=\"")) != NULL; h++)
		assert_int_equal(h[strlen(" href=\"")], '#');
	assert_null(strstr(page, "<link"));
	assert_null(strstr(page, "<iframe"));
	assert_null(strstr(page, "<img"));
	assert_null(strstr(page, "https://"));
	assert_null(strstr(page, "style="));
	assert_null(strstr(page, "url("));
	assert_null(strstr(page, "@import"));
	assert_false(has_attribute(page, "on"));	/* no event handler (onclick=…) either */
	assert_int_equal(count_of(page, "http://"), count_of(page, SVG_NS));
	assert_int_equal(count_of(page, "<h1"), 1);
	assert_int_equal(count_of(page, "<style>"), 1);
	assert_int_equal(count_of(page, "<main>"), 1);
	assert_balanced(page);
}

#define assert_self_contained(page) assert_self_contained_text((page), 0)

static void
assert_has_report(const char *page, const struct report *r)
{
	struct strbuf want = STRBUF_INIT;
	const char *sec;

	strbuf_addf(&want, "<section class=\"initiative\" id=\"%s\">", r->initiative->slug);
	sec = strstr(page, want.buf);
	assert_non_null(sec);
	for (int i = 0; i < FIG__MAX; i++) {
		strbuf_reset(&want);
		strbuf_addf(&want, "<tr data-figure=\"%s\">", metrics_fig_names[i]);
		if (strstr(sec, want.buf) == NULL)
			fail_msg("%s: no figure %s", r->initiative->slug, metrics_fig_names[i]);
	}
	for (size_t i = 0; i < r->alerts.n; i++) {
		const struct metrics_alert *a = &r->alerts.v[i];
		/* each record a line; on paper, unlinked, with its id */
		assert_non_null(strstr(sec, " behind this:</p>"));
		for (size_t j = 0; j < a->evidence.n; j++) {
			strbuf_reset(&want);
			strbuf_addf(&want, "(%s)", a->evidence.v[j]);
			if (strstr(sec, want.buf) == NULL)
				fail_msg("%s: %s: evidence %s missing", r->initiative->slug, a->code,
				    a->evidence.v[j]);
		}
	}
	/* the strengths show their records the same way (issue 11, point 1) */
	for (size_t i = 0; i < r->strengths.n; i++) {
		const struct metrics_strength *st = &r->strengths.v[i];

		assert_true(st->evidence.n > 0);
		for (size_t j = 0; j < st->evidence.n; j++) {
			strbuf_reset(&want);
			strbuf_addf(&want, "(%s)", st->evidence.v[j]);
			if (strstr(sec, want.buf) == NULL)
				fail_msg("%s: %s: evidence %s missing", r->initiative->slug, st->code,
				    st->evidence.v[j]);
		}
	}
	/* the quadrant and the shared-result chart of the initiative */
	strbuf_reset(&want);
	strbuf_addf(&want, "<title id=\"q-%s-title\">", r->initiative->slug);
	assert_non_null(strstr(sec, want.buf));
	strbuf_reset(&want);
	strbuf_addf(&want, "<title id=\"r-%s-title\">", r->initiative->slug);
	assert_non_null(strstr(sec, want.buf));
	strbuf_release(&want);
}

/* Every id="…" is used once: the charts' aria-labelledby must find their own title. */
static void
assert_ids_unique(const char *page)
{
	struct strbuf want = STRBUF_INIT;
	size_t nids = 0;

	for (const char *s = page; (s = strstr(s, " id=\"")) != NULL; s++) {
		const char *v = s + 5, *end = strchr(v, '"');

		assert_non_null(end);
		strbuf_reset(&want);
		strbuf_addf(&want, " id=\"%.*s\"", (int)(end - v), v);
		if (count_of(page, want.buf) != 1)
			fail_msg("%s used %zu times", want.buf, count_of(page, want.buf));
		nids++;
	}
	assert_true(nids > 6);
	strbuf_release(&want);
}

static void
test_page_all(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	size_t nalerts = 0;

	compute(f);
	report_html_page(f->rs, f->caps, f->n, f->as_of, &sb);
	assert_self_contained(sb.buf);
	assert_int_equal(count_of(sb.buf, "<section class=\"initiative\""), 6);
	/* the program's quadrant first, one labelled point per initiative */
	assert_non_null(strstr(sb.buf, "<title id=\"q-program-title\">"));
	assert_true(strstr(sb.buf, "q-program-title") < strstr(sb.buf, "<section"));
	for (size_t i = 0; i < f->n; i++) {
		struct strbuf href = STRBUF_INIT;

		assert_has_report(sb.buf, &f->rs[i]);
		strbuf_addf(&href, "<a href=\"#%s\">", f->rs[i].initiative->slug);
		assert_int_equal(count_of(sb.buf, href.buf), 2);	/* quadrant and table */
		strbuf_release(&href);
		nalerts += f->rs[i].alerts.n;
	}
	/* every alert has its "To discuss" item, every section its capacity */
	assert_int_equal(count_of(sb.buf, "<span class=\"tag\">To discuss: </span>"), nalerts);
	assert_int_equal(count_of(sb.buf, "<h3>Backbone capacity</h3>"), 6);
	assert_non_null(strstr(sb.buf, "Printed 31 Dec 2016."));
	assert_ids_unique(sb.buf);
	strbuf_release(&sb);
}

static void
test_page_one(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	const struct report *r;

	compute(f);
	r = &f->rs[2];
	assert_string_equal(r->initiative->slug, "quarry-bend");
	assert_int_equal(r->alerts.n, 4);
	report_html_page(r, NULL, 1, f->as_of, &sb);
	assert_self_contained(sb.buf);
	assert_has_report(sb.buf, r);
	assert_non_null(strstr(sb.buf, "<title>Balance report: Safe Flats Quarry Bend</title>"));
	assert_non_null(strstr(sb.buf, "<h1>Stepping up and stepping back: Safe Flats Quarry Bend</h1>"));
	assert_null(strstr(sb.buf, "q-program"));
	assert_null(strstr(sb.buf, "Backbone capacity"));
	/* alerts come before strengths */
	assert_true(strstr(sb.buf, "<h3>To discuss</h3>") < strstr(sb.buf, "<h3>Going well</h3>"));
	assert_non_null(strstr(sb.buf, "Is that how the team wants to decide?"));
	/* plain ids without an evidence base */
	assert_null(strstr(sb.buf, "/decisions/"));
	strbuf_release(&sb);
}

static void
test_page_empty(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	report_html_page(NULL, NULL, 0, 0, &sb);
	assert_self_contained(sb.buf);
	assert_non_null(strstr(sb.buf, "There are no initiatives to report on."));
	strbuf_release(&sb);
}

/* The web reuses the section: evidence ids become links under evidence_base. */
static void
test_section_links(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	const struct report *r;
	struct html h;

	compute(f);
	r = &f->rs[5];
	assert_string_equal(r->initiative->slug, "calder-springs");
	html_init(&h, &sb);
	html_open(&h, "main", NULL);
	report_html_section(&h, r, &f->caps[5], "/i/calder-springs");
	assert_int_equal(h.depth, 1);
	html_close(&h);
	assert_balanced(sb.buf);
	for (size_t i = 0; i < r->alerts.n; i++) {
		const struct metrics_alert *a = &r->alerts.v[i];
		const char *kind = a->pitfall == PITFALL_BLURRED_BOUNDARIES ? "ledger" : "decisions";

		for (size_t j = 0; j < a->evidence.n; j++) {
			strbuf_reset(&want);
			strbuf_addf(&want, "<li><a href=\"/i/calder-springs/%s/%s\">", kind,
			    a->evidence.v[j]);
			if (strstr(sb.buf, want.buf) == NULL)
				fail_msg("no link %s", want.buf);
		}
	}
	/* strengths: joint applications link to the applications, dated, with the fact */
	for (size_t i = 0; i < r->strengths.n; i++) {
		const struct metrics_strength *st = &r->strengths.v[i];

		if (st->practice != PRACTICE_JOINT_GRANT_SEEKING)
			continue;
		assert_true(st->evidence.n > 0);
		for (size_t j = 0; j < st->evidence.n; j++) {
			strbuf_reset(&want);
			strbuf_addf(&want, "<li><a href=\"/i/calder-springs/applications/%s\">",
			    st->evidence.v[j]);
			if (strstr(sb.buf, want.buf) == NULL)
				fail_msg("no link %s", want.buf);
		}
		assert_non_null(strstr(sb.buf, " — led by "));
	}
	assert_null(strstr(sb.buf, "<h1"));
	strbuf_release(&sb);
	strbuf_release(&want);
}

static void
replace(char **field, const char *text)
{
	free(*field);
	*field = xstrdup(text);
}

/* Hostile names and texts are escaped wherever they appear. */
static void
test_page_hostile(void **state)
{
	static const char evil[] = "<script>alert(\"x&y\")</script><img src=x onerror='1'>";
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	struct initiative *in = &f->p.initiatives.v[2];
	struct organization *bb = &f->p.orgs.v[in->backbone.idx];
	char *old_name = xstrdup(in->name), *old_city = xstrdup(in->city);
	char *old_bb = xstrdup(bb->name), *old_stmt = xstrdup(in->result.statement);
	char *old_ind = xstrdup(in->result.indicator);

	replace(&in->name, evil);
	replace(&in->city, evil);
	replace(&bb->name, evil);
	replace(&in->result.statement, evil);
	replace(&in->result.indicator, evil);
	compute(f);
	report_html_page(f->rs, f->caps, f->n, f->as_of, &sb);
	assert_self_contained_text(sb.buf, 1);
	assert_non_null(strstr(sb.buf, "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;"
	    "&lt;img src=x onerror=&#39;1&#39;&gt;"));
	strbuf_reset(&sb);
	report_html_page(&f->rs[2], &f->caps[2], 1, f->as_of, &sb);
	assert_self_contained_text(sb.buf, 1);

	replace(&in->name, old_name);
	replace(&in->city, old_city);
	replace(&bb->name, old_bb);
	replace(&in->result.statement, old_stmt);
	replace(&in->result.indicator, old_ind);
	free(old_name);
	free(old_city);
	free(old_bb);
	free(old_stmt);
	free(old_ind);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_all),
		cmocka_unit_test(test_page_one),
		cmocka_unit_test(test_page_empty),
		cmocka_unit_test(test_section_links),
		cmocka_unit_test(test_page_hostile),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
