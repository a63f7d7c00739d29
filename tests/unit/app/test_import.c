/*
 * Unit tests for src/app/import.c (app_import_read, app_import_count) and
 * the one-record JSON reader it sits beside (json_read_record, the API's
 * bodies): CSV rows and whole documents added to a stored program, the
 * round trip of a document into a program holding nothing yet, and the
 * errors with their file, line and field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "app/import.h"
#include "io/csv.h"
#include "io/json.h"
#include "model/fields.h"
#include "model/validate.h"
#include "store/accounts.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "../fixture_db.h"

#include "../io/fixture_small.h"


/* A text and its length, for json_read_record. */
#define T(s) (s), strlen(s)

/* The program p1 with no records, stored: what `trellis import program.csv` makes. */
static const char empty_program[] =
	"{\"format\": \"trellis/1\",\n"
	" \"program\": {\"slug\": \"p1\", \"name\": \"Prog\", \"funder\": \"Fed\", \"start\": \"2014-01-01\", \"end\": \"2016-12-31\"}}\n";

static struct app_import_file
json_file(const char *name, const char *data)
{
	struct app_import_file f = { name, APP_IMPORT_JSON, data, strlen(data) };

	return f;
}

/* Reads doc into p (empty), validates and stores it in a new database; returns the store. */
static struct store *
stored_program(struct program *p, const char *doc)
{
	struct app_import_file f = json_file("base.json", doc);
	struct model_error e;
	struct store *s = NULL;

	program_init(p);
	assert_int_equal(app_import_read(p, &f, 1, &e), 0);
	assert_int_equal(fixture_db_create(p, &s), 0);
	return s;
}

static void
cleanup(struct store *s, struct program *p)
{
	store_close(s);
	program_release(p);
	assert_int_equal(fixture_db_remove(), 0);
}

static void
test_record_read(void **state)
{
	static const char good[] = "{\"id\": \"d9\", \"title\": \"New\", \"category\": \"program\",\n"
	    " \"proposed\": \"2015-02-01\", \"decided\": \"2015-02-03\", \"decider\": \"team\",\n"
	    " \"consulted\": [\"pa\", \"pb\"]}";
	struct program p;
	struct decision d;
	struct model_error e;

	(void)state;
	program_init(&p);
	memset(&d, 0, sizeof(d));
	assert_int_equal(json_read_record("req", good, sizeof(good) - 1, &kind_decision, &d, &p, &e), 0);
	assert_string_equal(d.id, "d9");
	assert_int_equal(d.category, CAT_PROGRAM);
	assert_int_equal(d.consulted.n, 2);
	assert_string_equal(d.consulted.v[1].slug, "pb");
	assert_int_equal(d.informed.n, 0);
	assert_null(d.contrary_views);
	assert_string_equal(d.loc.file, "req");
	kind_release(&kind_decision, &d);

	/* a bad value names its field and line */
	memset(&d, 0, sizeof(d));
	assert_int_equal(json_read_record("req", T("{\"id\": \"d9\",\n \"proposed\": \"2015-02-30\"}"),
	    &kind_decision, &d, &p, &e), -1);
	assert_string_equal(e.field, "proposed");
	assert_int_equal(e.line, 2);
	kind_release(&kind_decision, &d);

	/* unknown fields, missing ones, and what is not an object */
	memset(&d, 0, sizeof(d));
	assert_int_equal(json_read_record("req", T("{\"id\": \"d9\", \"colour\": 1}"),
	    &kind_decision, &d, &p, &e), -1);
	assert_string_equal(e.field, "colour");
	assert_string_equal(e.msg, "unknown field");
	kind_release(&kind_decision, &d);
	memset(&d, 0, sizeof(d));
	assert_int_equal(json_read_record("req", T("{\"id\": \"d9\"}"), &kind_decision, &d, &p, &e), -1);
	assert_string_equal(e.field, "title");
	kind_release(&kind_decision, &d);
	memset(&d, 0, sizeof(d));
	assert_int_equal(json_read_record("req", T("[1]"), &kind_decision, &d, &p, &e), -1);
	assert_string_equal(e.field, "json");
	kind_release(&kind_decision, &d);
	program_release(&p);
}

static void
test_csv_added(void **state)
{
	static const char rows[] =
	    "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views\n"
	    "i1,d7,Added,program,2015-03-01,2015-03-02,team,pa;pb,,\n";
	static const char bad[] =
	    "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views\n"
	    "i1,d8,Fine,program,2015-03-01,2015-03-02,team,,,\n"
	    "i1,d9,Backwards,program,2015-03-05,2015-03-02,team,,,\n";
	struct app_import_file f = { "decisions.csv", CSV_DECISIONS, rows, sizeof(rows) - 1 };
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct program p, q;
	struct store *s;
	size_t all;

	(void)state;
	s = stored_program(&p, fixture_small);
	all = app_import_count(&p, 0);
	assert_true(all > 10);
	assert_int_equal(app_import_count(&p, 1), 0);
	assert_int_equal(app_import_read(&p, &f, 1, &e), 0);
	assert_int_equal(app_import_count(&p, 1), 1);
	assert_int_equal(app_import_count(&p, 0), all + 1);
	assert_int_equal(store_program_save(s, &p, NULL, &err), 0);
	assert_int_equal(app_import_count(&p, 1), 0);

	/* a bad row: its file, line and field; the program in the store as it was */
	program_init(&q);
	assert_int_equal(store_program_load(s, "p1", &q, &err), 0);
	f.data = bad;
	f.len = sizeof(bad) - 1;
	assert_int_equal(app_import_read(&q, &f, 1, &e), -1);
	strbuf_reset(&err);
	model_error_format(&e, &err);
	assert_string_equal(err.buf, "decisions.csv:3: decided: 2015-03-02 is before proposed 2015-03-05");
	program_release(&q);
	strbuf_release(&err);
	cleanup(s, &p);
}

static void
test_document_round_trip(void **state)
{
	struct app_import_file f = json_file("small.json", fixture_small);
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct model_error e;
	struct program p, q;
	struct store *s;

	(void)state;
	s = stored_program(&p, empty_program);
	assert_int_equal(app_import_count(&p, 0), 0);
	assert_int_equal(app_import_read(&p, &f, 1, &e), 0);
	assert_true(app_import_count(&p, 1) > 10);
	assert_int_equal(app_import_count(&p, 1), app_import_count(&p, 0));
	assert_int_equal(store_program_save(s, &p, NULL, &err), 0);

	/* what the store holds now is the document, byte for byte */
	program_init(&q);
	assert_int_equal(store_program_load(s, "p1", &q, &err), 0);
	json_write_program(&q, &out);
	assert_string_equal(out.buf, fixture_small);

	/* the same document again: every record is there already */
	assert_int_equal(app_import_read(&q, &f, 1, &e), -1);
	assert_string_equal(e.file, "small.json");
	assert_true(e.line > 1);
	program_release(&q);
	strbuf_release(&out);
	strbuf_release(&err);
	cleanup(s, &p);
}

static void
test_document_other_program(void **state)
{
	struct strbuf doc = STRBUF_INIT;
	struct app_import_file f;
	struct model_error e;
	struct program p;
	struct store *s;
	char *at;

	(void)state;
	s = stored_program(&p, empty_program);
	strbuf_addstr(&doc, fixture_small);
	at = strstr(doc.buf, "\"slug\": \"p1\"");
	assert_non_null(at);
	memcpy(at + 9, "p2", 2);
	f = json_file("other.json", doc.buf);
	assert_int_equal(app_import_read(&p, &f, 1, &e), -1);
	assert_string_equal(e.field, "program.slug");
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "'p2'"));
	strbuf_release(&doc);
	cleanup(s, &p);
}

/*
 * app_import_save: the records and the import's one audit entry in one
 * transaction; when the entry cannot be written, nothing is.
 */
static void
test_import_audited(void **state)
{
	static const char rows[] =
	    "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views\n"
	    "i1,d7,Added,program,2015-03-01,2015-03-02,team,pa;pb,,\n";
	struct app_import_file f = { "up/loads/decisions.csv", CSV_DECISIONS, rows, sizeof(rows) - 1 };
	struct store_audits log = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct program p, q;
	struct store *s;
	size_t n;
	int more;

	(void)state;
	s = stored_program(&p, fixture_small);
	n = p.initiatives.v[0].decisions.n;
	assert_int_equal(app_import_read(&p, &f, 1, &e), 0);

	assert_int_equal(fixture_refuse_inserts("audit_log", 1), 0);
	assert_int_equal(app_import_save(s, &p, "a@x.org", "i1", &f, 1, &err), -1);
	assert_non_null(strstr(err.buf, "the audit_log refuses (the test's trigger)"));
	assert_int_equal(app_import_count(&p, 1), 1);		/* rowids as they were */
	program_init(&q);
	assert_int_equal(store_program_load(s, "p1", &q, &err), 0);
	assert_int_equal(q.initiatives.v[0].decisions.n, n);	/* nothing written */
	program_release(&q);
	assert_int_equal(store_audit_list(s, NULL, 0, 10, &log, &more, &err), 0);
	assert_int_equal(log.n, 0);

	assert_int_equal(fixture_refuse_inserts("audit_log", 0), 0);
	assert_int_equal(app_import_save(s, &p, "a@x.org", "i1", &f, 1, &err), 0);
	assert_int_equal(app_import_count(&p, 1), 0);
	assert_int_equal(store_audit_list(s, NULL, 0, 10, &log, &more, &err), 0);
	assert_int_equal(log.n, 1);
	assert_string_equal(log.v[0].actor, "a@x.org");
	assert_string_equal(log.v[0].action, "import");
	assert_string_equal(log.v[0].kind, "decisions.csv");
	assert_string_equal(log.v[0].initiative, "i1");
	assert_null(log.v[0].record);
	assert_null(log.v[0].before);
	assert_string_equal(log.v[0].after, "{\"file\": \"decisions.csv\", \"records\": 1}");
	store_audits_release(&log);
	strbuf_release(&err);
	cleanup(s, &p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record_read),
		cmocka_unit_test(test_csv_added),
		cmocka_unit_test(test_document_round_trip),
		cmocka_unit_test(test_document_other_program),
		cmocka_unit_test(test_import_audited),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
