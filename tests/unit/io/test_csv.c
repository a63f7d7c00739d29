/* Unit tests for src/io/csv.c: layout, round trips, quoting and every bad-input message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/csv.h"
#include "io/json.h"
#include "model/demo.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture_small.h"

/* Loads fixture_small (every record kind, one initiative i1) into p, validated. */
static void
load_fixture(struct program *p)
{
	struct model_error e;

	program_init(p);
	assert_int_equal(json_read_program("t.json", fixture_small, strlen(fixture_small), p, &e), 0);
	assert_int_equal(model_validate(p, &e), 0);
}

static struct ref
mkref(const char *slug)
{
	struct ref r = { xstrdup(slug), REF_UNRESOLVED };

	return r;
}

/*
 * Adds what fixture_small lacks: an instrument with items, texts that need
 * quoting, records without children (a grant without lines, a survey
 * without responses, a response without answers, a responsibility without
 * assignments, a learning question without notes), and a second initiative
 * without director or shared result.
 */
static void
enrich(struct program *p)
{
	struct instrument *ins = VEC_PUSH(&p->instruments);
	struct instrument_item *it;
	struct learning *lq;
	struct initiative *i2, *i1;
	struct grant *g;
	struct survey *s;
	struct response *rs;
	struct responsibility *rb;
	struct decision *d;

	ins->code = xstrdup("custom");
	ins->title = xstrdup("Custom, \"ours\"");
	it = VEC_PUSH(&ins->items);
	it->code = xstrdup("q1");
	it->text = xstrdup(" Leading and trailing ");
	it->category = xstrdup("cat");
	it = VEC_PUSH(&ins->items);
	it->code = xstrdup("q2");
	it->text = xstrdup("Plain");
	it->category = xstrdup("cat");

	lq = VEC_PUSH(&p->learning);
	lq->question = xstrdup("Nothing noted yet?");

	i2 = VEC_PUSH(&p->initiatives);
	i2->slug = xstrdup("i2");
	i2->name = xstrdup("Second");
	i2->city = xstrdup("Y");
	i2->start = date_from_ymd(2015, 1, 1);
	i2->end = date_from_ymd(2017, 12, 31);
	i2->backbone = mkref("pa");
	i2->fiscal_agent = mkref("pa");
	{
		struct member *m = VEC_PUSH(&i2->members);

		m->org = mkref("pa");
		m->role = ROLE_BACKBONE;
		m->joined = date_from_ymd(2015, 1, 1);
		m->left = DATE_NONE;
	}
	g = VEC_PUSH(&i2->grants);
	g->id = xstrdup("g2");
	g->funder = xstrdup("Other");
	g->amount = 100;
	g->start = date_from_ymd(2015, 1, 1);
	g->end = date_from_ymd(2015, 12, 31);
	s = VEC_PUSH(&i2->surveys);
	s->id = xstrdup("s2");
	s->instrument = mkref("balance");
	s->opened = date_from_ymd(2015, 6, 1);
	s->closed = DATE_NONE;
	rb = VEC_PUSH(&i2->responsibilities);
	rb->name = xstrdup("grant writing");

	i1 = &p->initiatives.v[0];
	rs = VEC_PUSH(&i1->surveys.v[0].responses);
	rs->group = GROUP_BACKBONE;
	rs = VEC_PUSH(&i1->surveys.v[0].responses);
	rs->group = GROUP_DIRECTOR;
	{
		struct answer *a = VEC_PUSH(&rs->answers);

		a->item = xstrdup("trusted");
		a->value = 2;
	}
	d = VEC_PUSH(&i1->decisions);
	d->id = xstrdup("d3");
	d->title = xstrdup("Commas, \"quotes\"");
	d->category = CAT_OTHER;
	d->proposed = d->decided = date_from_ymd(2016, 2, 29);
	d->decider = mkref("team");
	d->contrary_views = xstrdup("line one\nline \"two\",\r\nthree ");
}

/* Writes every file of p into files[]. */
static void
write_all(const struct program *p, struct strbuf files[CSV__MAX])
{
	for (int i = 0; i < CSV__MAX; i++) {
		strbuf_init(&files[i], 0);
		csv_write((enum csv_file)i, p, &files[i]);
	}
}

/* Reads every file in order into the empty program q; fails the test on error. */
static void
read_all(struct strbuf files[CSV__MAX], struct program *q)
{
	struct model_error e;
	struct strbuf msg = STRBUF_INIT;

	program_init(q);
	for (int i = 0; i < CSV__MAX; i++)
		if (csv_read((enum csv_file)i, csv_file_names[i], files[i].buf, files[i].len, q, &e)) {
			model_error_format(&e, &msg);
			fail_msg("%s", msg.buf);
		}
}

static void
release_all(struct strbuf files[CSV__MAX])
{
	for (int i = 0; i < CSV__MAX; i++)
		strbuf_release(&files[i]);
}

/* p written, read back and written again: same records (as JSON) and same bytes. */
static void
check_round_trip(struct program *p)
{
	struct strbuf a[CSV__MAX], b[CSV__MAX];
	struct strbuf ja = STRBUF_INIT, jb = STRBUF_INIT;
	struct program q;

	write_all(p, a);
	read_all(a, &q);
	json_write_program(p, &ja);
	json_write_program(&q, &jb);
	assert_string_equal(jb.buf, ja.buf);
	write_all(&q, b);
	for (int i = 0; i < CSV__MAX; i++) {
		assert_int_equal(b[i].len, a[i].len);
		assert_memory_equal(b[i].buf, a[i].buf, a[i].len);
	}
	program_release(&q);
	release_all(a);
	release_all(b);
	strbuf_release(&ja);
	strbuf_release(&jb);
}

static void
test_round_trip_fixture(void **state)
{
	struct program p;

	(void)state;
	load_fixture(&p);
	check_round_trip(&p);
	program_release(&p);
}

/* The demo program: every kind in bulk, with the texts and amounts a generator makes. */
static void
test_round_trip_demo(void **state)
{
	struct program p, q;
	struct strbuf a[CSV__MAX];
	struct model_error e;

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	if (model_validate(&p, &e))
		fail_msg("demo: %s: %s", e.field, e.msg);
	check_round_trip(&p);
	write_all(&p, a);
	for (int i = 0; i < CSV__MAX; i++)
		assert_true(a[i].len > strlen(csv_file_names[i]));	/* header and rows */
	read_all(a, &q);
	if (model_validate(&q, &e))
		fail_msg("%s:%u: %s: %s", e.file, e.line, e.field, e.msg);
	assert_int_equal(q.initiatives.n, p.initiatives.n);
	program_release(&q);
	release_all(a);
	program_release(&p);
}

static void
test_round_trip_children_and_quoting(void **state)
{
	struct program p, q;
	struct strbuf a[CSV__MAX];
	struct model_error e;
	struct initiative *i1;

	(void)state;
	load_fixture(&p);
	enrich(&p);
	check_round_trip(&p);

	/* the read-back program is valid, its records located, its refs unresolved */
	write_all(&p, a);
	read_all(a, &q);
	i1 = &q.initiatives.v[0];
	assert_int_equal(i1->loc.line, 2);
	assert_string_equal(i1->loc.file, "initiatives.csv");
	assert_int_equal(i1->decisions.v[2].loc.line, 4);
	assert_int_equal(i1->decisions.v[0].decider.idx, REF_UNRESOLVED);
	assert_int_equal(i1->surveys.v[0].responses.n, 3);
	assert_int_equal(i1->surveys.v[0].responses.v[0].answers.n, 2);
	assert_int_equal(i1->surveys.v[0].responses.v[1].answers.n, 0);
	assert_int_equal(i1->surveys.v[0].responses.v[2].answers.n, 1);
	assert_int_equal(i1->surveys.v[0].responses.v[2].loc.line, 5);
	assert_int_equal(q.initiatives.v[1].has_director, 0);
	assert_int_equal(q.initiatives.v[1].has_result, 0);
	assert_int_equal(q.initiatives.v[1].grants.v[0].lines.n, 0);
	assert_int_equal(q.initiatives.v[1].surveys.v[0].responses.n, 0);
	assert_int_equal(q.initiatives.v[1].responsibilities.v[0].assignments.n, 0);
	assert_string_equal(i1->decisions.v[2].contrary_views, "line one\nline \"two\",\r\nthree ");
	/* validate names the CSV line of a child record */
	assert_int_equal(model_validate(&q, &e), -1);
	assert_string_equal(e.file, "surveys.csv");
	assert_int_equal(e.line, 4);
	assert_string_equal(e.msg, "a response with no answers");
	{
		struct answer *an = VEC_PUSH(&i1->surveys.v[0].responses.v[1].answers);

		an->item = xstrdup("supported");
		an->value = 3;
	}
	if (model_validate(&q, &e))
		fail_msg("%s:%u: %s: %s", e.file, e.line, e.field, e.msg);
	program_release(&q);
	release_all(a);
	program_release(&p);
}

static void
test_layout_exact(void **state)
{
	struct program p;
	struct strbuf a[CSV__MAX];

	(void)state;
	load_fixture(&p);
	enrich(&p);
	write_all(&p, a);
	assert_string_equal(a[CSV_PROGRAM].buf,
	    "slug,name,funder,start,end\n"
	    "p1,Prog,Fed,2014-01-01,2016-12-31\n");
	/* built-in instruments are not written */
	assert_string_equal(a[CSV_INSTRUMENTS].buf,
	    "code,title,items_code,items_text,items_category\n"
	    "custom,\"Custom, \"\"ours\"\"\",q1,\" Leading and trailing \",cat\n"
	    "custom,\"Custom, \"\"ours\"\"\",q2,Plain,cat\n");
	assert_string_equal(a[CSV_LEARNING].buf,
	    "question,notes_date,notes_text,notes_initiatives\n"
	    "Q?,2015-01-01,\"note\nline2\",i1\n"
	    "Nothing noted yet?,,,\n");
	assert_string_equal(a[CSV_INITIATIVES].buf,
	    "slug,name,city,start,end,backbone,fiscal_agent,committee,"
	    "director_person,director_employer,director_reports_to,director_evaluated_by,"
	    "shared_result_statement,shared_result_indicator,shared_result_unit,"
	    "shared_result_direction,shared_result_baseline_date,shared_result_baseline_value,"
	    "shared_result_target_date,shared_result_target_value\n"
	    "i1,Init,X,2014-01-01,2016-12-31,bb,bb,bb;pa,dir,bb,bb,bb;pa,s,i,%,down,"
	    "2014-01-01,30.5,2024-01-01,20\n"
	    "i2,Second,Y,2015-01-01,2017-12-31,pa,pa,,,,,,,,,,,,,\n");
	assert_string_equal(a[CSV_ORGANIZATIONS].buf,
	    "slug,name,sector,city,staff,revenue,traits_flexible_grants,traits_expertise,"
	    "traits_in_kind_staffing,traits_experiment,traits_convener\n"
	    "bb,Backbone Org,nonprofit,X,30,6000000,true,fundraising;policy-advocacy,true,false,true\n"
	    "pa,Partner A,public,,,12.50,false,,false,false,false\n"
	    "pb,Partner B,health,,,,false,,false,false,false\n");
	assert_string_equal(a[CSV_RESPONSIBILITIES].buf,
	    "initiative,name,org,letter\n"
	    "i1,approve budget,bb,A\n"
	    "i1,approve budget,pa,C\n"
	    "i2,grant writing,,\n");
	assert_string_equal(a[CSV_GRANTS].buf,
	    "initiative,id,funder,amount,start,end,catalytic,lines_name,lines_amount\n"
	    "i1,g1,Fed,400000,2014-01-01,2016-12-31,true,staff,300000.50\n"
	    "i2,g2,Other,1,2015-01-01,2015-12-31,false,,\n");
	assert_string_equal(a[CSV_SURVEYS].buf,
	    "initiative,id,instrument,opened,closed,response,group,item,answer\n"
	    "i1,s1,director-support,2015-01-01,2015-02-01,1,partner,trusted,4\n"
	    "i1,s1,director-support,2015-01-01,2015-02-01,1,partner,supported,5\n"
	    "i1,s1,director-support,2015-01-01,2015-02-01,2,backbone,,\n"
	    "i1,s1,director-support,2015-01-01,2015-02-01,3,director,trusted,2\n"
	    "i2,s2,balance,2015-06-01,,,,,\n");
	assert_string_equal(a[CSV_DECISIONS].buf,
	    "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views\n"
	    "i1,d1,T,financial,2015-01-01,2015-01-10,committee,pa,,some\n"
	    "i1,7,T2,strategy,2015-01-01,2015-01-01,bb,,pb,\n"
	    "i1,d3,\"Commas, \"\"quotes\"\"\",other,2016-02-29,2016-02-29,team,,,"
	    "\"line one\nline \"\"two\"\",\r\nthree \"\n");
	assert_string_equal(a[CSV_TIES].buf,
	    "initiative,date,from,to,frequency,reliability,mission,openness,influence,involvement,resources\n"
	    "i1,2015-01-01,bb,pa,3,4,,2,1,3,4\n");
	assert_int_equal(csv_file_for_path("/tmp/x/grants.csv"), CSV_GRANTS);
	assert_int_equal(csv_file_for_path("program.csv"), CSV_PROGRAM);
	assert_int_equal(csv_file_for_path("/tmp/grants.csv.bak"), -1);
	release_all(a);
	program_release(&p);
}

/*
 * Reads text (len bytes) as file which into a copy of the fixture and
 * returns the formatted error, or "" when it was read. The caller frees it.
 */
static char *
read_msg(enum csv_file which, const char *text, size_t len)
{
	struct program p;
	struct model_error e;
	struct strbuf msg = STRBUF_INIT;

	load_fixture(&p);
	if (csv_read(which, csv_file_names[which], text, len, &p, &e))
		model_error_format(&e, &msg);
	program_release(&p);
	return strbuf_detach(&msg, NULL);
}

static void
expect(enum csv_file which, const char *text, const char *want)
{
	char *got = read_msg(which, text, strlen(text));

	assert_string_equal(got, want);
	free(got);
}

#define DEC_HEAD "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views\n"
#define DEC_ROW "i1,d9,T,other,2015-01-01,2015-01-02,team,,,\n"

static void
test_syntax_errors(void **state)
{
	(void)state;
	expect(CSV_DECISIONS, DEC_HEAD DEC_ROW, "");
	expect(CSV_DECISIONS, DEC_HEAD DEC_ROW "i1,d10,\"open,other,2015-01-01\n\nmore\n",
	    "decisions.csv:3: title: unterminated quoted field");
	expect(CSV_DECISIONS, DEC_HEAD DEC_ROW "i1,d10,T,other\n",
	    "decisions.csv:3: proposed: 4 columns, the header has 10");
	expect(CSV_DECISIONS, DEC_HEAD "i1,d10,T\"x\",other,2015-01-01,2015-01-02,team,,,\n",
	    "decisions.csv:2: title: a quote inside an unquoted field, or text after a closing quote");
	expect(CSV_DECISIONS, DEC_HEAD "i1,d10,\"T\"x,other,2015-01-01,2015-01-02,team,,,\n",
	    "decisions.csv:2: title: a quote inside an unquoted field, or text after a closing quote");
	/* a row after a cell spanning three lines names its own line */
	expect(CSV_DECISIONS, DEC_HEAD
	    "i1,d8,T,other,2015-01-01,2015-01-02,team,,,\"one\ntwo\nthree\"\n"
	    "i1,d9,T,other,2015-02-30,2015-01-02,team,,,\n",
	    "decisions.csv:5: proposed: '2015-02-30' is not a real date (YYYY-MM-DD)");
	expect(CSV_DECISIONS, DEC_HEAD
	    "i1,d8,T,other,2015-01-01,2015-01-02,team,,,\"one\r\ntwo\"\r\n"
	    "\r\n"
	    "i1,d9,T,other,2015-01-01,2015-01-02,team,,,\"x\"\"\r\n",
	    "decisions.csv:5: contrary_views: unterminated quoted field");
	expect(CSV_LEDGER,
	    "initiative,id,date,grant,amount,kind,recipient,line,purpose,backbone_own\n"
	    "i1,l9,2015-02-01,g1,1.234,expense,,,,false\n",
	    "ledger.csv:2: amount: '1.234' has more than two decimals");
	expect(CSV_GRANTS,
	    "initiative,id,funder,amount,start,end,catalytic,lines_name,lines_amount\n"
	    "i1,g9,F,10,2015-01-01,2015-12-31,true,a,0.001\n",
	    "grants.csv:2: lines_amount: '0.001' has more than two decimals");
	expect(CSV_INITIATIVES,
	    "slug,name,city,start,end,backbone,fiscal_agent,committee,"
	    "director_person,director_employer,director_reports_to,director_evaluated_by,"
	    "shared_result_statement,shared_result_indicator,shared_result_unit,"
	    "shared_result_direction,shared_result_baseline_date,shared_result_baseline_value,"
	    "shared_result_target_date,shared_result_target_value\n"
	    "i9,N,C,2015-01-01,2015-12-31,bb,bb,,,,,,s,,,,,,,\n",
	    "initiatives.csv:2: shared_result_indicator: is required");
	expect(CSV_TIES,
	    "initiative,date,from,to,frequency,reliability,mission,openness,influence,involvement,resources\n"
	    "i1,2015-01-01,bb,pa,5,,,,,,\n",
	    "ties.csv:2: frequency: 5 is out of range 0 to 4");
}

static void
test_header_errors(void **state)
{
	char *got;

	(void)state;
	got = read_msg(CSV_DECISIONS, "initiative,id,colour\n", 21);
	assert_string_equal(got, "decisions.csv:1: colour: unknown column (expected: "
	    "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views)");
	free(got);
	expect(CSV_DECISIONS,
	    "initiative,id,title,category,proposed,decided,decider,consulted,informed\n" DEC_ROW,
	    "decisions.csv:1: contrary_views: missing column");
	expect(CSV_DECISIONS,
	    "initiative,id,id,title,category,proposed,decided,decider,consulted,informed,contrary_views\n",
	    "decisions.csv:1: id: column given twice");
	expect(CSV_DECISIONS, "", "decisions.csv:1: csv: empty file: expected a header line");
	/* any order; a BOM, CRLF and blank trailing lines are fine */
	expect(CSV_DECISIONS, "\xEF\xBB\xBF"
	    "contrary_views,informed,consulted,decider,decided,proposed,category,title,id,initiative\r\n"
	    ",,,team,2015-01-02,2015-01-01,other,T,d9,i1\r\n\r\n\n", "");
}

static void
test_structure_errors(void **state)
{
	(void)state;
	expect(CSV_DECISIONS, DEC_HEAD "zz,d9,T,other,2015-01-01,2015-01-02,team,,,\n",
	    "decisions.csv:2: initiative: no initiative 'zz'");
	expect(CSV_DECISIONS, DEC_HEAD ",d9,T,other,2015-01-01,2015-01-02,team,,,\n",
	    "decisions.csv:2: initiative: is required");
	expect(CSV_PROGRAM, "slug,name,funder,start,end\np2,P,F,2014-01-01,2015-01-01\n",
	    "program.csv:2: slug: program 'p1' already exists");
	expect(CSV_GRANTS,
	    "initiative,id,funder,amount,start,end,catalytic,lines_name,lines_amount\n"
	    "i1,g9,F,10,2015-01-01,2015-12-31,true,a,5\n"
	    "i1,g9,G,10,2015-01-01,2015-12-31,true,b,5\n",
	    "grants.csv:3: funder: differs from line 2, the first row of the same record");
	expect(CSV_SURVEYS,
	    "initiative,id,instrument,opened,closed,response,group,item,answer\n"
	    "i1,s9,balance,2015-01-01,,1,partner,dominance,4\n"
	    "i1,s9,balance,2015-01-01,,1,backbone,credit_given,4\n",
	    "surveys.csv:3: group: differs from line 2, the first row of the same record");
	expect(CSV_SURVEYS,
	    "initiative,id,instrument,opened,closed,response,group,item,answer\n"
	    "i1,s9,balance,2015-01-01,,1,partner,dominance,4\n"
	    "i1,s9,balance,2015-01-01,,3,partner,dominance,4\n",
	    "surveys.csv:3: response: expected 1 or 2");
	expect(CSV_SURVEYS,
	    "initiative,id,instrument,opened,closed,response,group,item,answer\n"
	    "i1,s9,balance,2015-01-01,,2,partner,dominance,4\n",
	    "surveys.csv:2: response: expected 1");
	expect(CSV_SURVEYS,
	    "initiative,id,instrument,opened,closed,response,group,item,answer\n"
	    "i1,s9,balance,2015-01-01,,1,partner,dominance,6\n",
	    "surveys.csv:2: answer: 6 is out of range 1 to 5");
	expect(CSV_RESPONSIBILITIES, "initiative,name,org,letter\ni1,x,bb,Q\n",
	    "responsibilities.csv:2: letter: 'Q' is not one of: R, A, C, I");
}

static void
test_grouping(void **state)
{
	struct program p;
	struct model_error e;
	const char *text =
	    "initiative,id,instrument,opened,closed,response,group,item,answer\n"
	    "i1,s9,balance,2015-01-01,,1,partner,dominance,4\n"
	    "i1,s9,balance,2015-01-01,,1,partner,credit_given,3\n"
	    "i1,s9,balance,2015-01-01,,2,backbone,dominance,1\n"
	    "i1,s10,balance,2015-01-01,,1,partner,dominance,2\n";
	struct survey *s;

	(void)state;
	load_fixture(&p);
	assert_int_equal(csv_read(CSV_SURVEYS, "surveys.csv", text, strlen(text), &p, &e), 0);
	assert_int_equal(p.initiatives.v[0].surveys.n, 3);
	s = &p.initiatives.v[0].surveys.v[1];
	assert_string_equal(s->id, "s9");
	assert_int_equal(s->loc.line, 2);
	assert_true(s->closed == DATE_NONE);
	assert_int_equal(s->responses.n, 2);
	assert_int_equal(s->responses.v[0].group, GROUP_PARTNER);
	assert_int_equal(s->responses.v[0].answers.n, 2);
	assert_string_equal(s->responses.v[0].answers.v[1].item, "credit_given");
	assert_int_equal(s->responses.v[0].answers.v[1].value, 3);
	assert_int_equal(s->responses.v[1].loc.line, 4);
	assert_int_equal(p.initiatives.v[0].surveys.v[2].responses.n, 1);
	assert_int_equal(model_validate(&p, &e), 0);
	program_release(&p);
}

/*
 * Reads text as decisions.csv into a copy of the fixture, from a file, so
 * that the reader takes it a chunk at a time.
 */
static void
read_decisions(const char *text, size_t len, struct program *p)
{
	struct model_error e;
	char dir[] = "/tmp/trellis-csv-XXXXXX", path[64], cmd[96];
	FILE *fp;
	int rc;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/decisions.csv", dir);
	assert_non_null(fp = fopen(path, "w"));
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	load_fixture(p);
	rc = csv_read_path(CSV_DECISIONS, path, p, &e);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	if (rc != 0) {
		struct strbuf msg = STRBUF_INIT;

		model_error_format(&e, &msg);
		fail_msg("%s", msg.buf);
	}
}

/* The decision of i1 whose id is id. */
static const struct decision *
decision_of(const struct program *p, const char *id)
{
	const struct initiative *in = &p->initiatives.v[0];

	for (size_t i = 0; i < in->decisions.n; i++)
		if (strcmp(in->decisions.v[i].id, id) == 0)
			return &in->decisions.v[i];
	fail_msg("no decision %s", id);
	return NULL;
}

/*
 * Plain lines (no quote, CR or NUL: split without libcsv) read as libcsv
 * reads the same cells on a line it parses: spaces and tabs around a cell
 * dropped, inside it kept; a line of blanks is no row but counts as a
 * line; a file of many chunks whose rows the chunks cut.
 */
static void
test_plain_lines(void **state)
{
	struct program p;
	struct strbuf sb = STRBUF_INIT;
	char *got;
	int n = 0;

	size_t before;

	(void)state;
	load_fixture(&p);
	before = p.initiatives.v[0].decisions.n;
	program_release(&p);
	strbuf_addstr(&sb, DEC_HEAD
	    " i1 ,\td8 , T  t ,other, 2015-01-01,2015-01-02 ,team,,,\n"
	    " i1 ,\td9 , T  t ,other, 2015-01-01,2015-01-02 ,team,,, \"x\" \n"
	    " \t \n");
	read_decisions(sb.buf, sb.len, &p);
	assert_string_equal(decision_of(&p, "d8")->title, "T  t");
	assert_string_equal(decision_of(&p, "d9")->title, "T  t");
	assert_null(decision_of(&p, "d8")->contrary_views);
	assert_string_equal(decision_of(&p, "d9")->contrary_views, "x");
	assert_int_equal(decision_of(&p, "d8")->loc.line, 2);
	assert_int_equal(decision_of(&p, "d9")->loc.line, 3);
	program_release(&p);
	expect(CSV_DECISIONS, DEC_HEAD DEC_ROW " \t \n\n"
	    "i1,d10,T,other,2015-02-30,2015-01-02,team,,,\n",
	    "decisions.csv:5: proposed: '2015-02-30' is not a real date (YYYY-MM-DD)");
	/* about 190 KiB: three chunks, rows cut at each end, some with a quoted cell of two lines */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, DEC_HEAD);
	for (n = 0; sb.len < 3 * 65536 - 100; n++)
		strbuf_addf(&sb, n % 7 ? "i1,e%d,Title %d,other,2015-01-01,2015-01-02,team,,,\n" :
		    "i1,e%d,Title %d,other,2015-01-01,2015-01-02,team,,,\"Note\n%d\"\n", n, n, n);
	read_decisions(sb.buf, sb.len, &p);
	assert_true(n > 3003);
	assert_int_equal(p.initiatives.v[0].decisions.n, before + (size_t)n);
	assert_string_equal(decision_of(&p, "e2999")->title, "Title 2999");
	assert_string_equal(decision_of(&p, "e3003")->contrary_views, "Note\n3003");
	/* a line per row, one more per quoted title */
	assert_int_equal(decision_of(&p, "e2999")->loc.line, 2 + 2999 + (2999 + 6) / 7);
	assert_int_equal(decision_of(&p, "e3003")->loc.line, 2 + 3003 + (3003 + 6) / 7);
	program_release(&p);
	strbuf_addstr(&sb, "i1,e-last,T,other,2015-02-30,2015-01-02,team,,,\n");
	got = read_msg(CSV_DECISIONS, sb.buf, sb.len);
	{
		char want[128];

		snprintf(want, sizeof(want), "decisions.csv:%d: proposed: '2015-02-30' is not a "
		    "real date (YYYY-MM-DD)", 2 + n + (n + 6) / 7);
		assert_string_equal(got, want);
	}
	free(got);
	/*
	 * rows ended by CR alone up to a row the first chunk's end cuts, which
	 * ends with LF: its rest is no row of its own
	 */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, DEC_HEAD);
	for (n = 0; sb.len < 65536 - 200; n++)
		strbuf_addf(&sb, "i1,f%d,T,other,2015-01-01,2015-01-02,team,,,\r", n);
	strbuf_addstr(&sb, "i1,fpad,");
	while (sb.len < 65536 - 20 - strlen(",other,2015-01-01,2015-01-02,team,,,\r"))
		strbuf_addch(&sb, 'x');
	strbuf_addstr(&sb, ",other,2015-01-01,2015-01-02,team,,,\r");
	strbuf_addstr(&sb, "i1,g1,T,other,2015-01-01,2015-01-02,team,,,\n"
	    "i1,g2,T,other,2015-01-01,2015-01-02,team,,,\n");
	read_decisions(sb.buf, sb.len, &p);
	assert_int_equal(p.initiatives.v[0].decisions.n, before + (size_t)n + 3);
	assert_string_equal(decision_of(&p, "g1")->title, "T");
	/* a line is what ends with LF (CR alone ends a row, not a line) */
	assert_int_equal(decision_of(&p, "g2")->loc.line, 3);
	program_release(&p);
	strbuf_release(&sb);
}

/* A cell of exactly 64 KiB is read; one byte more is refused, quoted or not. */
static void
test_cell_limit(void **state)
{
	const char *head = "initiative,id,date,attendees,progress,challenges\n"
	    "i1,c8,2015-03-01,dir,ok,\n";
	struct strbuf sb = STRBUF_INIT;
	char *got;

	(void)state;
	for (size_t extra = 0; extra <= 5; extra++) {
		for (int quoted = 0; quoted < 2; quoted++) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%si1,c9,2015-03-01,dir,%s", head, quoted ? "\"" : "");
			for (size_t i = 0; i < 65536 + extra; i++)
				strbuf_addch(&sb, 'x');
			strbuf_addstr(&sb, quoted ? "\",\n" : ",\n");
			got = read_msg(CSV_CHECKINS, sb.buf, sb.len);
			assert_string_equal(got, extra == 0 ? "" :
			    "checkins.csv:3: progress: a cell is longer than 65536 bytes");
			free(got);
		}
	}
	strbuf_release(&sb);
}

static void
test_nul_byte(void **state)
{
	static const char text[] = DEC_HEAD "i1,d9,T\0x,other,2015-01-01,2015-01-02,team,,,\n";
	char *got;

	(void)state;
	got = read_msg(CSV_DECISIONS, text, sizeof(text) - 1);
	assert_string_equal(got, "decisions.csv:2: title: contains a NUL byte");
	free(got);
}

/* An initiative read earlier in the same import is found by later files. */
static void
test_into_empty_program(void **state)
{
	struct program p;
	struct model_error e;
	const char *prog = "\xEF\xBB\xBFslug,name,funder,start,end\np9,P,F,2014-01-01,2015-01-01\n";
	const char *obs = "initiative,date,value\ni1,2015-01-01,1.5\n";
	const char *ini =
	    "slug,name,city,start,end,backbone,fiscal_agent,committee,"
	    "director_person,director_employer,director_reports_to,director_evaluated_by,"
	    "shared_result_statement,shared_result_indicator,shared_result_unit,"
	    "shared_result_direction,shared_result_baseline_date,shared_result_baseline_value,"
	    "shared_result_target_date,shared_result_target_value\n"
	    "i1,N,C,2015-01-01,2015-12-31,bb,bb,,,,,,,,,,,,,\n";

	(void)state;
	program_init(&p);
	assert_int_equal(csv_read(CSV_OBSERVATIONS, "observations.csv", obs, strlen(obs), &p, &e), -1);
	assert_string_equal(e.msg, "no initiative 'i1'");
	assert_int_equal(csv_read(CSV_PROGRAM, "program.csv", prog, strlen(prog), &p, &e), 0);
	assert_string_equal(p.slug, "p9");
	assert_int_equal(p.loc.line, 2);
	assert_int_equal(csv_read(CSV_INITIATIVES, "initiatives.csv", ini, strlen(ini), &p, &e), 0);
	assert_int_equal(csv_read(CSV_OBSERVATIONS, "observations.csv", obs, strlen(obs), &p, &e), 0);
	assert_int_equal(p.initiatives.v[0].observations.n, 1);
	assert_true(p.initiatives.v[0].observations.v[0].value == 1.5);
	assert_string_equal(p.initiatives.v[0].observations.v[0].loc.file, "observations.csv");
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_fixture),
		cmocka_unit_test(test_round_trip_demo),
		cmocka_unit_test(test_round_trip_children_and_quoting),
		cmocka_unit_test(test_layout_exact),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_header_errors),
		cmocka_unit_test(test_structure_errors),
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_cell_limit),
		cmocka_unit_test(test_plain_lines),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_into_empty_program),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
