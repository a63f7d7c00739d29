/*
 * Unit tests for src/app/edit.c: adding, updating and deleting one record
 * of a program in memory and in the store together. Every refusal is
 * checked to leave both the program in memory and the database exactly as
 * they were (their trellis/1 exports compared byte for byte).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "app/edit.h"
#include "io/json.h"
#include "metrics/metrics.h"
#include "model/fields.h"
#include "model/validate.h"
#include "store/accounts.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "../fixture_db.h"

#include "../io/fixture_small.h"


/* Who the tests' changes are by, in the audit log. */
#define ACTOR "a@x.org"

struct fx {
	struct store *s;
	struct program p;
	char *mem0, *db0;	/* the exports before the test's changes */
};

static char *
in_memory(const struct program *p)
{
	struct strbuf out = STRBUF_INIT;

	json_write_program(p, &out);
	return strbuf_detach(&out, NULL);
}

static char *
stored(struct store *s)
{
	struct program q;
	struct strbuf err = STRBUF_INIT;
	char *out;

	program_init(&q);
	if (store_program_load(s, "p1", &q, &err) != 0)
		fail_msg("load: %s", err.buf);
	out = in_memory(&q);
	program_release(&q);
	strbuf_release(&err);
	return out;
}

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	struct strbuf err = STRBUF_INIT;
	struct model_error e;

	program_init(&fx->p);
	if (json_read_program("small.json", fixture_small, sizeof(fixture_small) - 1,
	    &fx->p, &e) != 0 || model_validate(&fx->p, &e) != 0)
		return -1;
	if (fixture_db_create(&fx->p, &fx->s) != 0)
		return -1;
	fx->mem0 = in_memory(&fx->p);
	fx->db0 = stored(fx->s);
	strbuf_release(&err);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	store_close(fx->s);
	program_release(&fx->p);
	free(fx->mem0);
	free(fx->db0);
	free(fx);
	return fixture_db_remove();
}

/* Both the program in memory and the database are as setup left them. */
static void
assert_unchanged(struct fx *fx)
{
	char *m = in_memory(&fx->p), *d = stored(fx->s);

	assert_string_equal(m, fx->mem0);
	assert_string_equal(d, fx->db0);
	free(m);
	free(d);
}

/* The database holds what memory holds. */
static void
assert_in_step(struct fx *fx)
{
	char *m = in_memory(&fx->p), *d = stored(fx->s);

	assert_string_equal(d, m);
	free(m);
	free(d);
}

static tdate
D(const char *s)
{
	tdate t;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

/* A decision as a form would build it: decided by the team, consulting consulted. */
static void
make_decision(struct decision *d, const char *id, const char *proposed,
    const char *decided, const char *consulted)
{
	memset(d, 0, sizeof(*d));
	d->id = xstrdup(id);
	d->title = xstrdup("From the form");
	d->category = CAT_PROGRAM;
	d->proposed = D(proposed);
	d->decided = D(decided);
	d->decider.slug = xstrdup("bb");
	d->decider.idx = REF_UNRESOLVED;
	if (consulted) {
		struct ref *r = VEC_PUSH(&d->consulted);

		r->slug = xstrdup(consulted);
		r->idx = REF_UNRESOLVED;
	}
}

static double
breadth(struct fx *fx)
{
	struct metrics_settings ms;
	struct report r;
	double v;

	metrics_settings_default(&ms);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&fx->p, &fx->p.initiatives.v[0], D("2015-12-31"), 12,
	    &ms, &r), 0);
	assert_int_equal(r.fig[FIG_DEC_BREADTH].type, MV_NUMBER);
	v = r.fig[FIG_DEC_BREADTH].value;
	metrics_report_release(&r);
	return v;
}

static void
test_kinds(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	const struct app_kind *ak = app_kind_find("decisions");
	size_t n;

	assert_non_null(ak);
	assert_ptr_equal(ak->k, &kind_decision);
	assert_true(ak->in_initiative);
	assert_int_equal(ak->off, offsetof(struct initiative, decisions));
	assert_ptr_equal(app_kind_find("organizations")->k, &kind_organization);
	assert_null(app_kind_find("lines"));
	assert_int_equal((app_kinds(&n), n), 23);	/* with proposals, responses, actions (issue 12), assistance and candidates (issue 13) */
	assert_ptr_equal(app_kind_find("proposals")->k, &kind_proposal);
	assert_int_equal(app_record_find(&fx->p, in, &kind_decision, "7"), 1);
	assert_int_equal(app_record_find(&fx->p, in, &kind_decision, "nope"), -1);
	assert_int_equal(app_record_find(&fx->p, in, &kind_member, "pa"), 1);
	assert_int_equal(app_record_find(&fx->p, NULL, &kind_organization, "pb"), 2);
	assert_int_equal(app_record_find(&fx->p, NULL, &kind_learning, "Q?"), 0);
	/* no key: by rowid */
	{
		char id[32];

		snprintf(id, sizeof(id), "%lld", (long long)in->ties.v[0].rowid);
		assert_int_equal(app_record_find(&fx->p, in, &kind_tie, id), 0);
	}
	assert_int_equal(app_record_find(&fx->p, NULL, &kind_decision, "7"), -1);
}

static void
test_add_valid(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct decision d;

	make_decision(&d, "d9", "2015-05-01", "2015-05-20", "pa");
	assert_int_equal(app_add(fx->s, &fx->p, in, &kind_decision, &d, ACTOR, &c, &e, &err), APP_OK);
	assert_null(d.id);	/* moved in */
	assert_int_equal(in->decisions.n, 3);
	assert_true(in->decisions.v[2].rowid > 0);
	assert_string_equal(c.key.buf, "d9");
	assert_int_equal(c.before.len, 0);
	assert_string_equal(c.after.buf, "{\"id\": \"d9\", \"title\": \"From the form\", "
	    "\"category\": \"program\", \"proposed\": \"2015-05-01\", \"decided\": \"2015-05-20\", "
	    "\"decider\": \"bb\", \"consulted\": [\"pa\"], \"informed\": [], \"contrary_views\": null}");
	assert_in_step(fx);
	app_change_release(&c);
	strbuf_release(&err);
}

static void
test_add_invalid(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct decision d;

	make_decision(&d, "d9", "2015-05-20", "2015-05-01", NULL);
	assert_int_equal(app_add(fx->s, &fx->p, in, &kind_decision, &d, ACTOR, &c, &e, &err),
	    APP_INVALID);
	assert_string_equal(e.field, "decided");
	assert_null(d.id);
	assert_unchanged(fx);

	/* an unknown organization, and an id already taken */
	make_decision(&d, "d9", "2015-05-01", "2015-05-02", "nobody");
	assert_int_equal(app_add(fx->s, &fx->p, in, &kind_decision, &d, ACTOR, &c, &e, &err),
	    APP_INVALID);
	assert_string_equal(e.field, "consulted");
	make_decision(&d, "d1", "2015-05-01", "2015-05-02", NULL);
	assert_int_equal(app_add(fx->s, &fx->p, in, &kind_decision, &d, ACTOR, &c, &e, &err),
	    APP_INVALID);
	assert_unchanged(fx);
	assert_int_equal(c.after.len, 0);
	app_change_release(&c);
	strbuf_release(&err);
}

/* Consulting pa on decision 7 (decided by bb alone) widens consultation. */
static void
test_update_moves_the_report(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct decision d;
	long i = app_record_find(&fx->p, in, &kind_decision, "7");
	int64_t rowid = in->decisions.v[i].rowid;

	assert_true(breadth(fx) > 0.74 && breadth(fx) < 0.76);	/* (1 + 1/2) / 2 */
	make_decision(&d, "7", "2015-01-01", "2015-01-01", "pa");
	assert_int_equal(app_update(fx->s, &fx->p, in, &kind_decision, (size_t)i, &d, ACTOR, &c, &e,
	    &err), APP_OK);
	assert_null(d.id);	/* the old fields, released */
	assert_int_equal(in->decisions.v[i].rowid, rowid);
	assert_true(breadth(fx) > 0.99);
	assert_string_equal(c.key.buf, "7");
	assert_non_null(strstr(c.before.buf, "\"title\": \"T2\""));
	assert_non_null(strstr(c.before.buf, "\"consulted\": []"));
	assert_non_null(strstr(c.after.buf, "\"title\": \"From the form\""));
	assert_non_null(strstr(c.after.buf, "\"consulted\": [\"pa\"]"));
	assert_in_step(fx);
	app_change_release(&c);
	strbuf_release(&err);
}

static void
test_update_invalid(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct decision d;
	struct organization o;

	make_decision(&d, "d1", "2015-02-01", "2015-01-10", "pa");
	assert_int_equal(app_update(fx->s, &fx->p, in, &kind_decision, 0, &d, ACTOR, &c, &e, &err),
	    APP_INVALID);
	assert_string_equal(e.field, "decided");
	assert_null(d.id);
	assert_int_equal(c.before.len, 0);
	assert_unchanged(fx);

	/* an organization's slug, named by records, cannot change */
	memset(&o, 0, sizeof(o));
	o.slug = xstrdup("px");
	o.name = xstrdup("Partner A");
	o.sector = SECTOR_PUBLIC;
	o.staff = INT_NONE;
	o.revenue = INT_NONE;
	assert_int_equal(app_update(fx->s, &fx->p, NULL, &kind_organization, 1, &o, ACTOR, &c, &e,
	    &err), APP_INVALID);
	assert_string_equal(e.field, "slug");
	assert_non_null(strstr(e.msg, "other records name it"));
	assert_unchanged(fx);
	app_change_release(&c);
	strbuf_release(&err);
}

/* The program's and the initiative's own fields; the initiative's records stay. */
static void
test_update_program_and_initiative(void **state)
{
	struct fx *fx = *state;
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct program np;
	struct initiative ni;
	struct initiative *in = &fx->p.initiatives.v[0];

	program_init(&np);
	np.slug = xstrdup("p1");
	np.name = xstrdup("New name");
	np.funder = xstrdup("Fed");
	np.start = D("2014-01-01");
	np.end = D("2017-12-31");
	assert_int_equal(app_update(fx->s, &fx->p, NULL, &kind_program, 0, &np, ACTOR, &c, &e, &err),
	    APP_OK);
	assert_string_equal(fx->p.name, "New name");
	assert_non_null(strstr(c.before.buf, "\"name\": \"Prog\""));
	assert_non_null(strstr(c.after.buf, "\"name\": \"New name\""));
	program_release(&np);
	app_change_release(&c);

	memset(&ni, 0, sizeof(ni));
	ni.slug = xstrdup("i1");
	ni.name = xstrdup("Init 2");
	ni.city = xstrdup("Y");
	ni.start = in->start;
	ni.end = in->end;
	ni.backbone.slug = xstrdup("bb");
	ni.fiscal_agent.slug = xstrdup("pa");
	/* decision d1 is the committee's: an initiative without one is refused */
	assert_int_equal(app_update(fx->s, &fx->p, NULL, &kind_initiative, 0, &ni, ACTOR, &c, &e, &err),
	    APP_INVALID);
	assert_string_equal(e.field, "decider");
	assert_null(ni.slug);
	assert_string_equal(in->name, "Init");
	assert_int_equal(in->committee.n, 2);
	assert_in_step(fx);
	memset(&ni, 0, sizeof(ni));
	ni.slug = xstrdup("i1");
	ni.name = xstrdup("Init 2");
	ni.city = xstrdup("Y");
	ni.start = in->start;
	ni.end = in->end;
	ni.backbone.slug = xstrdup("bb");
	ni.fiscal_agent.slug = xstrdup("pa");
	VEC_PUSH(&ni.committee)->slug = xstrdup("pa");
	if (app_update(fx->s, &fx->p, NULL, &kind_initiative, 0, &ni, ACTOR, &c, &e, &err) != APP_OK)
		fail_msg("%s: %s %s", e.field, e.msg, err.buf);
	assert_string_equal(in->fiscal_agent.slug, "pa");
	assert_int_equal(in->decisions.n, 2);
	assert_null(strstr(c.after.buf, "decisions"));
	assert_non_null(strstr(c.before.buf, "\"director\": {"));
	assert_non_null(strstr(c.after.buf, "\"director\": null"));
	assert_in_step(fx);
	app_change_release(&c);
	strbuf_release(&err);
}

static void
test_delete(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT;
	struct model_error e;

	/* a grant the ledger names: refused by validation, nothing changed */
	assert_int_equal(app_delete(fx->s, &fx->p, in, &kind_grant, 0, ACTOR, &c, &e, &err),
	    APP_INVALID);
	assert_string_equal(e.field, "grant");
	assert_non_null(strstr(e.msg, "g1"));
	assert_int_equal(c.before.len, 0);
	assert_unchanged(fx);
	/* an organization still a member */
	assert_int_equal(app_delete(fx->s, &fx->p, NULL, &kind_organization, 2, ACTOR, &c, &e, &err),
	    APP_INVALID);
	assert_unchanged(fx);

	/* the first decision goes; the second moves up */
	assert_int_equal(app_delete(fx->s, &fx->p, in, &kind_decision, 0, ACTOR, &c, &e, &err), APP_OK);
	assert_int_equal(in->decisions.n, 1);
	assert_string_equal(in->decisions.v[0].id, "7");
	assert_string_equal(c.key.buf, "d1");
	assert_non_null(strstr(c.before.buf, "{\"id\": \"d1\", \"title\": \"T\""));
	assert_int_equal(c.after.len, 0);
	assert_in_step(fx);
	app_change_release(&c);
	strbuf_release(&err);
}

/* ---------------------------------------------------------------- the audit log */

/* The audit log, newest first. */
static void
audit_log(struct fx *fx, struct store_audits *out)
{
	struct strbuf err = STRBUF_INIT;
	int more;

	assert_int_equal(store_audit_list(fx->s, NULL, 0, 100, out, &more, &err), 0);
	assert_int_equal(more, 0);
	strbuf_release(&err);
}

static void
assert_entry(const struct store_audit *a, const char *action, const char *kind,
    const char *initiative, const char *record, const char *before, const char *after)
{
	assert_string_equal(a->actor, ACTOR);
	assert_string_equal(a->action, action);
	assert_string_equal(a->kind, kind);
	if (initiative)
		assert_string_equal(a->initiative, initiative);
	else
		assert_null(a->initiative);
	assert_string_equal(a->record, record);
	if (before)
		assert_string_equal(a->before, before);
	else
		assert_null(a->before);
	if (after)
		assert_string_equal(a->after, after);
	else
		assert_null(a->after);
	assert_true(a->at > 1700000000);
}

/* Each change leaves exactly one entry: who, when, the record before and after. */
static void
test_audit_each_change(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT, added = STRBUF_INIT, before = STRBUF_INIT,
	    after = STRBUF_INIT, gone = STRBUF_INIT, tie = STRBUF_INIT, rowid = STRBUF_INIT;
	struct store_audits log = { NULL, 0, 0 };
	struct model_error e;
	struct decision d;
	struct tie t;

	make_decision(&d, "d9", "2015-05-01", "2015-05-20", "pa");
	assert_int_equal(app_add(fx->s, &fx->p, in, &kind_decision, &d, ACTOR, &c, &e, &err), APP_OK);
	strbuf_addstr(&added, c.after.buf);
	app_change_release(&c);
	make_decision(&d, "d9", "2015-05-01", "2015-05-21", "pa");
	assert_int_equal(app_update(fx->s, &fx->p, in, &kind_decision, 2, &d, ACTOR, &c, &e, &err),
	    APP_OK);
	strbuf_addstr(&before, c.before.buf);
	strbuf_addstr(&after, c.after.buf);
	assert_string_equal(before.buf, added.buf);
	app_change_release(&c);
	assert_int_equal(app_delete(fx->s, &fx->p, in, &kind_decision, 2, ACTOR, &c, &e, &err), APP_OK);
	strbuf_addstr(&gone, c.before.buf);
	app_change_release(&c);
	/* a record without a key is logged by the rowid its insert gave it */
	memset(&t, 0, sizeof(t));
	t.date = D("2015-06-01");
	t.from.slug = xstrdup("pa");
	t.from.idx = REF_UNRESOLVED;
	t.to.slug = xstrdup("bb");
	t.to.idx = REF_UNRESOLVED;
	t.frequency = 2;
	t.reliability = 3;
	t.openness = 2;
	t.influence = 2;
	t.involvement = 2;
	t.resources = 2;
	t.mission = 0;
	if (app_add(fx->s, &fx->p, in, &kind_tie, &t, ACTOR, &c, &e, &err) != APP_OK)
		fail_msg("tie: %s %s", e.msg, err.buf);
	strbuf_addstr(&tie, c.after.buf);
	strbuf_addf(&rowid, "%lld", (long long)in->ties.v[in->ties.n - 1].rowid);
	assert_string_equal(c.key.buf, rowid.buf);
	app_change_release(&c);

	audit_log(fx, &log);
	assert_int_equal(log.n, 4);
	assert_entry(&log.v[3], "create", "decisions", in->slug, "d9", NULL, added.buf);
	assert_entry(&log.v[2], "update", "decisions", in->slug, "d9", before.buf, after.buf);
	assert_non_null(strstr(after.buf, "\"decided\": \"2015-05-21\""));
	assert_entry(&log.v[1], "delete", "decisions", in->slug, "d9", gone.buf, NULL);
	assert_entry(&log.v[0], "create", "ties", in->slug, rowid.buf, NULL, tie.buf);
	assert_in_step(fx);
	store_audits_release(&log);
	strbuf_release(&err);
	strbuf_release(&added);
	strbuf_release(&before);
	strbuf_release(&after);
	strbuf_release(&gone);
	strbuf_release(&tie);
	strbuf_release(&rowid);
}

/*
 * The entry is part of the change's transaction: when it cannot be written
 * (a trigger refuses every insert into the log) the change is rolled back,
 * in the database and in memory, and nothing is left attached for the next
 * write to carry.
 */
static void
test_audit_failure_undoes_the_change(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT;
	struct store_audits log = { NULL, 0, 0 };
	struct model_error e;
	struct decision d;

	assert_int_equal(fixture_refuse_inserts("audit_log", 1), 0);
	make_decision(&d, "d9", "2015-05-01", "2015-05-20", "pa");
	assert_int_equal(app_add(fx->s, &fx->p, in, &kind_decision, &d, ACTOR, &c, &e, &err),
	    APP_ERROR);
	assert_non_null(strstr(err.buf, "the audit_log refuses"));
	assert_int_equal(c.after.len, 0);
	assert_int_equal(c.key.len, 0);
	assert_unchanged(fx);

	strbuf_reset(&err);
	make_decision(&d, "d1", "2015-05-01", "2015-05-21", "pa");
	assert_int_equal(app_update(fx->s, &fx->p, in, &kind_decision, 0, &d, ACTOR, &c, &e, &err),
	    APP_ERROR);
	assert_non_null(strstr(err.buf, "the audit_log refuses"));
	assert_int_equal(c.before.len, 0);
	assert_unchanged(fx);

	strbuf_reset(&err);
	assert_int_equal(app_delete(fx->s, &fx->p, in, &kind_decision, 0, ACTOR, &c, &e, &err),
	    APP_ERROR);
	assert_non_null(strstr(err.buf, "the audit_log refuses"));
	assert_int_equal(c.before.len, 0);
	assert_unchanged(fx);

	audit_log(fx, &log);
	assert_int_equal(log.n, 0);

	/* the log takes entries again: the next change leaves its own, and only it */
	assert_int_equal(fixture_refuse_inserts("audit_log", 0), 0);
	assert_int_equal(app_delete(fx->s, &fx->p, in, &kind_decision, 0, ACTOR, &c, &e, &err), APP_OK);
	audit_log(fx, &log);
	assert_int_equal(log.n, 1);
	assert_entry(&log.v[0], "delete", "decisions", in->slug, "d1", c.before.buf, NULL);
	assert_in_step(fx);
	app_change_release(&c);
	store_audits_release(&log);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_valid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_moves_the_report, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_program_and_initiative, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_each_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_failure_undoes_the_change, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
