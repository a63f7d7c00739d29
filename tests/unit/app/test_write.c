/*
 * app/write: the one write path. Two writers that each check their change
 * against what they read could together break a rule that only the model
 * checks (committee ⊆ members). The write path loads inside BEGIN
 * IMMEDIATE, so the second writer waits for the first to commit and then
 * checks against its result: forced here by holding the first write open
 * (the fault point between read and commit) while the second begins.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "../fixture_db.h"
#include "app/edit.h"
#include "app/write.h"
#include "io/json.h"
#include "model/demo.h"
#include "model/fields.h"
#include "model/validate.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

static const char *program_slug, *initiative_slug, *member_slug;

/* The second writer: adds member_slug to the committee, checked against what it reads. */
struct second {
	enum app_result r;
	int began;		/* app_write_begin's result */
	int waited;		/* it began only after the first writer committed */
	volatile int *first_done;
};

static void *
second_writer(void *arg)
{
	struct second *sw = arg;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT, js = STRBUF_INIT;
	struct app_write w;
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct initiative *rec = calloc(1, sizeof(*rec));

	sw->r = APP_ERROR;
	if (store_open(fixture_db, 0, &s, &err) != 0)
		goto out;
	sw->began = app_write_begin(&w, s, program_slug, initiative_slug, &err);
	sw->waited = *sw->first_done;
	if (sw->began == 0) {
		/* the initiative as read, with one more organization on its committee */
		json_write_record_own(&js, &kind_initiative, w.in);
		memset(&e, 0, sizeof(e));
		if (json_read_record("test", js.buf, js.len, &kind_initiative, rec, &w.p, &e) == 0) {
			ref_set(VEC_PUSH(&rec->committee), member_slug);
			sw->r = app_update(s, &w.p, NULL, &kind_initiative, 0, rec, "test", &c, &e, &err);
			if (sw->r == APP_OK && app_write_commit(&w, &err) == -1)
				sw->r = APP_ERROR;
		}
	}
	app_write_end(&w);
out:
	kind_release(&kind_initiative, rec);
	free(rec);
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&js);
	if (s)
		store_close(s);
	return NULL;
}

/* Whether org is on the stored committee of the initiative. */
static int
on_committee(const char *org)
{
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct program p;
	int found = 0;

	program_init(&p);
	assert_int_equal(store_open(fixture_db, 0, &s, &err), 0);
	assert_int_equal(store_initiative_load(s, program_slug, initiative_slug, &p, &err), 0);
	for (size_t i = 0; i < p.initiatives.v[0].committee.n; i++)
		found |= strcmp(p.initiatives.v[0].committee.v[i].slug, org) == 0;
	program_release(&p);
	strbuf_release(&err);
	store_close(s);
	return found;
}

static void
test_concurrent_writes_serialized(void **state)
{
	struct program p;
	struct model_error e;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	struct app_change c = APP_CHANGE_INIT;
	struct second sw;
	volatile int first_done = 0;
	pthread_t t;
	struct timespec pause = { 0, 300 * 1000 * 1000 };
	const struct initiative *in;
	long mi = -1;

	(void)state;
	program_init(&p);
	demo_build(&p, 1);
	assert_int_equal(model_validate(&p, &e), 0);
	assert_int_equal(fixture_db_create(&p, &s), 0);
	/* a partner of the first initiative, not on its committee */
	in = &p.initiatives.v[0];
	for (size_t i = 0; i < in->members.n && mi < 0; i++) {
		const struct member *m = &in->members.v[i];
		int on = 0;

		for (size_t j = 0; j < in->committee.n; j++)
			on |= in->committee.v[j].idx == m->org.idx;
		if (m->role == ROLE_PARTNER && !on && m->left == DATE_NONE)
			mi = (long)i;
	}
	assert_true(mi >= 0);
	program_slug = p.slug;
	initiative_slug = in->slug;
	member_slug = in->members.v[mi].org.slug;
	assert_false(on_committee(member_slug));

	/* the first writer reads, and holds its write open ... */
	assert_int_equal(app_write_begin(&w, s, program_slug, initiative_slug, &err), 0);
	mi = app_record_find(&w.p, w.in, &kind_member, member_slug);
	assert_true(mi >= 0);
	/* ... while the second begins: it must wait, not read the same data */
	memset(&sw, 0, sizeof(sw));
	sw.first_done = &first_done;
	assert_int_equal(pthread_create(&t, NULL, second_writer, &sw), 0);
	nanosleep(&pause, NULL);
	memset(&e, 0, sizeof(e));
	assert_int_equal(app_delete(s, &w.p, w.in, &kind_member, (size_t)mi, "test", &c, &e, &err),
	    APP_OK);
	first_done = 1;
	assert_int_equal(app_write_commit(&w, &err), 0);
	app_write_end(&w);
	assert_int_equal(pthread_join(t, NULL), 0);

	assert_int_equal(sw.began, 0);
	assert_true(sw.waited);
	/* it checked against the first writer's result: not a member any more */
	assert_int_equal(sw.r, APP_INVALID);
	assert_false(on_committee(member_slug));

	app_change_release(&c);
	strbuf_release(&err);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

/*
 * The demo in a new test database (*s); the first initiative is the one
 * written. Returns its number of decisions.
 */
static size_t
demo_db(struct program *p, struct store **s)
{
	struct model_error e;

	program_init(p);
	demo_build(p, 1);
	assert_int_equal(model_validate(p, &e), 0);
	assert_int_equal(fixture_db_create(p, s), 0);
	program_slug = p->slug;
	initiative_slug = p->initiatives.v[0].slug;
	return p->initiatives.v[0].decisions.n;
}

/* A write given up (no commit) leaves nothing; an unknown initiative is 1. */
static void
test_rollback_and_unknown(void **state)
{
	struct program p;
	struct model_error e;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	struct app_change c = APP_CHANGE_INIT;
	size_t before;

	(void)state;
	before = demo_db(&p, &s);
	assert_true(before > 0);

	assert_int_equal(app_write_begin(&w, s, program_slug, initiative_slug, &err), 0);
	memset(&e, 0, sizeof(e));
	assert_int_equal(app_delete(s, &w.p, w.in, &kind_decision, 0, "test", &c, &e, &err), APP_OK);
	app_write_end(&w);	/* no commit */
	assert_int_equal(app_write_begin(&w, s, program_slug, initiative_slug, &err), 0);
	assert_int_equal(w.in->decisions.n, before);
	app_write_end(&w);

	assert_int_equal(app_write_begin(&w, s, program_slug, "no-such-initiative", &err), 1);
	app_write_end(&w);

	app_change_release(&c);
	strbuf_release(&err);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

/*
 * A write begun from a copy (app_write_begin_from, the server's cached
 * snapshot) starts from that copy while nothing changed since it was
 * made, and reads the store again when another write came in between: a
 * copy one write old never stands for the data.
 */
static void
test_begin_from_copy(void **state)
{
	struct program p, copy;
	struct model_error e;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	struct app_change c = APP_CHANGE_INIT;
	struct store_versions v;
	size_t before;

	(void)state;
	before = demo_db(&p, &s);
	assert_true(before > 1);

	/* the copy, read at version v.data, marked so that a write made from it shows it */
	program_init(&copy);
	assert_int_equal(store_versions(s, NULL, &v, &err), 0);
	assert_int_equal(store_initiative_load(s, program_slug, initiative_slug, &copy, &err), 0);
	assert_int_equal(model_resolve(&copy, &e), 0);
	free(copy.initiatives.v[0].city);
	copy.initiatives.v[0].city = xstrdup("Copied City");

	/* current: the write starts from the copy (and deleting through it works) */
	assert_int_equal(app_write_begin_from(&w, s, program_slug, initiative_slug, &copy, 0,
	    v.data, &err), 0);
	assert_string_equal(w.in->city, "Copied City");
	assert_true(w.in != &copy.initiatives.v[0]);
	memset(&e, 0, sizeof(e));
	assert_int_equal(app_delete(s, &w.p, w.in, &kind_decision, 0, "test", &c, &e, &err), APP_OK);
	assert_int_equal(app_write_commit(&w, &err), 0);
	app_write_end(&w);
	/* the copy itself is untouched */
	assert_int_equal(copy.initiatives.v[0].decisions.n, before);

	/* one write later the copy is old: the write reads the store, the deletion in it */
	assert_int_equal(app_write_begin_from(&w, s, program_slug, initiative_slug, &copy, 0,
	    v.data, &err), 0);
	assert_string_not_equal(w.in->city, "Copied City");
	assert_int_equal(w.in->decisions.n, before - 1);
	app_write_end(&w);

	program_release(&copy);
	app_change_release(&c);
	strbuf_release(&err);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

/*
 * A whole write run again (app_write_run) when PostgreSQL fails it with a
 * serialization failure: forced by another connection moving the data's
 * version (data_version's row) after the write read and before it commits,
 * so that its own move of that row conflicts (40001). Runs the change again
 * from app_write_begin, once applied in the end, never half; bounded; and
 * only for a retryable failure. On SQLite (one writer, waited for by its
 * busy timeout) nothing is run twice.
 */
struct retry_arg {
	int runs;		/* times the change ran */
	int interfere;		/* runs during which another connection moves the data version */
	int fail;		/* the change fails (not retryable) */
	size_t seen;		/* decisions the last run read */
};

/* Another connection's write, committed while w's transaction is open. */
static void
interfere(void)
{
	struct strbuf err = STRBUF_INIT;
	struct db *d = NULL;

	assert_int_equal(db_open(fixture_db, 0, &d, &err), 0);
	assert_int_equal(db_exec(d, "UPDATE data_version SET n = n + 1 WHERE id = 1",
	    "interfere", &err), 0);
	db_close(d);
	strbuf_release(&err);
}

/* app_write_fn: deletes the initiative's first decision. */
static int
delete_first(struct app_write *w, void *arg, struct strbuf *err)
{
	struct retry_arg *a = arg;
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	enum app_result r;

	a->runs++;
	a->seen = w->in->decisions.n;
	if (a->fail) {
		strbuf_reset(err);
		strbuf_addstr(err, "refused by the change");
		return -1;
	}
	memset(&e, 0, sizeof(e));
	r = app_delete(w->s, &w->p, w->in, &kind_decision, 0, "test", &c, &e, err);
	app_change_release(&c);
	if (r != APP_OK)
		return -1;
	if (a->runs <= a->interfere)
		interfere();
	return 0;
}

/* The stored number of decisions of the initiative. */
static size_t
stored_decisions(struct store *s)
{
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	size_t n;

	assert_int_equal(app_write_begin(&w, s, program_slug, initiative_slug, &err), 0);
	n = w.in->decisions.n;
	app_write_end(&w);
	strbuf_release(&err);
	return n;
}

static void
test_retry_whole_write(void **state)
{
	struct program p;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	struct retry_arg a;
	int pg = store_is_url(fixture_db);
	size_t before;

	(void)state;
	before = demo_db(&p, &s);
	assert_true(before > 2);

	/* one conflict: run again, applied once */
	memset(&a, 0, sizeof(a));
	a.interfere = pg ? 1 : 0;
	assert_int_equal(app_write_run(&w, s, program_slug, initiative_slug, delete_first, &a,
	    &err), 0);
	assert_true(w.version > 0);
	app_write_end(&w);
	assert_int_equal(a.runs, pg ? 2 : 1);
	assert_int_equal(a.seen, before);	/* the second run read the data afresh, not half */
	assert_int_equal(stored_decisions(s), before - 1);

	/* a conflict every time: given up after APP_WRITE_TRIES runs, nothing written */
	if (pg) {
		memset(&a, 0, sizeof(a));
		a.interfere = 100;
		assert_int_equal(app_write_run(&w, s, program_slug, initiative_slug, delete_first,
		    &a, &err), -1);
		app_write_end(&w);
		assert_int_equal(a.runs, APP_WRITE_TRIES);
		assert_non_null(strstr(err.buf, "serialize"));
		assert_int_equal(stored_decisions(s), before - 1);
	}

	/* a failure the database did not call retryable: run once */
	memset(&a, 0, sizeof(a));
	a.fail = 1;
	assert_int_equal(app_write_run(&w, s, program_slug, initiative_slug, delete_first, &a,
	    &err), -1);
	app_write_end(&w);
	assert_int_equal(a.runs, 1);
	assert_string_equal(err.buf, "refused by the change");

	/* no such initiative: 1, the change never runs */
	memset(&a, 0, sizeof(a));
	assert_int_equal(app_write_run(&w, s, program_slug, "no-such-initiative", delete_first,
	    &a, &err), 1);
	app_write_end(&w);
	assert_int_equal(a.runs, 0);
	assert_int_equal(stored_decisions(s), before - 1);

	strbuf_release(&err);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

/*
 * The same loop around a plain write transaction (app_txn_run: accounts,
 * settings, imports, answers ...): a setting stored once after a conflict,
 * given up after APP_WRITE_TRIES with nothing stored and err saying so,
 * a refusal (1) and another failure run once.
 */
struct txn_arg {
	int runs, interfere, result;
	const char *value;
};

/* app_txn_fn: stores capacity.staff = value (audited), then returns result. */
static int
set_staff(struct store *s, void *arg, struct strbuf *err)
{
	struct txn_arg *a = arg;
	struct store_audit_entry e = { .actor = "test", .action = "update", .kind = "settings",
	    .record = "capacity.staff", .at = 1 };

	a->runs++;
	if (store_setting_set(s, program_slug, "capacity.staff", a->value, &e, err))
		return -1;
	if (a->runs <= a->interfere)
		interfere();
	if (a->result == -1) {
		strbuf_reset(err);
		strbuf_addstr(err, "refused by the change");
	}
	return a->result;
}

/* The stored value of capacity.staff, "" when none. */
static void
stored_staff(struct store *s, char *out, size_t size)
{
	struct strbuf err = STRBUF_INIT;
	char *v = NULL;

	assert_true(store_setting_get(s, program_slug, "capacity.staff", &v, &err) >= 0);
	snprintf(out, size, "%s", v ? v : "");
	free(v);
	strbuf_release(&err);
}

static void
test_txn_run(void **state)
{
	struct program p;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct txn_arg a;
	int pg = store_is_url(fixture_db), gave_up;
	char now[32];

	(void)state;
	demo_db(&p, &s);

	/* one conflict: run again, stored */
	a = (struct txn_arg){ .interfere = pg ? 1 : 0, .value = "25" };
	gave_up = -1;
	assert_int_equal(app_txn_run(s, set_staff, &a, &gave_up, &err), 0);
	assert_int_equal(a.runs, pg ? 2 : 1);
	assert_int_equal(gave_up, 0);
	stored_staff(s, now, sizeof(now));
	assert_string_equal(now, "25");

	/* a conflict every time: given up, nothing stored, err says so */
	if (pg) {
		a = (struct txn_arg){ .interfere = 100, .value = "30" };
		assert_int_equal(app_txn_run(s, set_staff, &a, &gave_up, &err), -1);
		assert_int_equal(a.runs, APP_WRITE_TRIES);
		assert_int_equal(gave_up, 1);
		assert_non_null(strstr(err.buf, "the database is busy with other changes (tried 4 "
		    "times); nothing was written: "));
		stored_staff(s, now, sizeof(now));
		assert_string_equal(now, "25");
	}

	/* refused (1): rolled back, run once */
	a = (struct txn_arg){ .value = "31", .result = 1 };
	assert_int_equal(app_txn_run(s, set_staff, &a, &gave_up, &err), 1);
	assert_int_equal(a.runs, 1);
	stored_staff(s, now, sizeof(now));
	assert_string_equal(now, "25");

	/* a failure the database did not call retryable: run once, rolled back */
	a = (struct txn_arg){ .value = "32", .result = -1 };
	assert_int_equal(app_txn_run(s, set_staff, &a, &gave_up, &err), -1);
	assert_int_equal(a.runs, 1);
	assert_int_equal(gave_up, 0);
	assert_string_equal(err.buf, "refused by the change");
	stored_staff(s, now, sizeof(now));
	assert_string_equal(now, "25");

	strbuf_release(&err);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_writes_serialized),
		cmocka_unit_test(test_rollback_and_unknown),
		cmocka_unit_test(test_begin_from_copy),
		cmocka_unit_test(test_retry_whole_write),
		cmocka_unit_test(test_txn_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
