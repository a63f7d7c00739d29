/*
 * Unit tests for src/store/edit.c: every stored kind updated and loaded
 * back equal, lists replaced in order, deletes, deletes refused while the
 * record is still named (database unchanged), and an update failing half
 * way through leaving the database and the record's rowids as they were.
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

#include "store/store_impl.h"
#include "model/fields.h"
#include "model/validate.h"
#include "io/json.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "../io/fixture_small.h"
#include "../fixture_db.h"


struct fx {
	struct store *s;
	struct program p;
};

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	struct model_error e;

	program_init(&fx->p);
	if (json_read_program("small.json", fixture_small, sizeof(fixture_small) - 1,
	    &fx->p, &e) != 0 || model_validate(&fx->p, &e) != 0)
		return -1;
	if (fixture_db_create(&fx->p, &fx->s) != 0)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	store_close(fx->s);
	program_release(&fx->p);
	free(fx);
	return fixture_db_remove();
}

/* The stored program "p1" as a trellis/1 document (caller frees). */
static char *
stored(struct store *s)
{
	struct program q;
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;

	program_init(&q);
	if (store_program_load(s, "p1", &q, &err) != 0)
		fail_msg("load: %s", err.buf);
	json_write_program(&q, &out);
	program_release(&q);
	strbuf_release(&err);
	return strbuf_detach(&out, NULL);
}

static char *
in_memory(const struct program *p)
{
	struct strbuf out = STRBUF_INIT;

	json_write_program(p, &out);
	return strbuf_detach(&out, NULL);
}

static void
assert_stored_is(struct fx *fx)
{
	char *a = in_memory(&fx->p), *b = stored(fx->s);

	assert_string_equal(b, a);
	free(a);
	free(b);
}

static void
update_ok(struct fx *fx, const struct kind *k, void *rec)
{
	struct strbuf err = STRBUF_INIT;

	if (store_record_update(fx->s, &fx->p, k, rec, NULL, &err) != 0)
		fail_msg("update %s: %s", k->name, err.buf);
	strbuf_release(&err);
}

/* Updates every record of every record array beneath rec (kind k). */
static int
update_all(struct fx *fx, const struct kind *k, void *rec)
{
	int n = 0;

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		struct anyvec *v;

		if (f->type != FT_LIST || !(f->flags & FL_LINES))
			continue;
		v = FIELD_VEC(rec, f);
		for (size_t j = 0; j < v->n; j++) {
			void *child = (char *)v->v + j * f->sub->size;

			if (f->sub == &kind_instrument && ((struct instrument *)child)->builtin)
				continue;
			update_ok(fx, f->sub, child);
			n++;
			n += update_all(fx, f->sub, child);
		}
	}
	return n;
}

/*
 * Every record rewritten as it is: a column bound to the wrong place, or
 * a list not put back, changes what loads.
 */
static void
test_update_every_kind_unchanged(void **state)
{
	struct fx *fx = *state;

	update_ok(fx, &kind_program, &fx->p);
	/* 3 orgs, 1 person, 1 learning, 1 initiative, 13 initiative records and more */
	assert_true(update_all(fx, &kind_document, &fx->p) >= 19);
	assert_stored_is(fx);
}

static void
set_str(char **s, const char *v)
{
	free(*s);
	*s = v ? xstrdup(v) : NULL;
}

static void
set_refs(struct refs *r, const char *a, const char *b)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].slug);
	r->n = 0;
	if (a)
		VEC_PUSH(r)->slug = xstrdup(a);
	if (b)
		VEC_PUSH(r)->slug = xstrdup(b);
	for (size_t i = 0; i < r->n; i++)
		r->v[i].idx = REF_UNRESOLVED;
}

/* Fields of each kind changed, lists replaced in their new order. */
static void
test_update_changes_load_back(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct decision *d = &in->decisions.v[0];
	struct grant *g = &in->grants.v[0];
	struct organization *o = &fx->p.orgs.v[1];
	struct budget_line *bl;

	set_str(&fx->p.name, "Renamed program");
	update_ok(fx, &kind_program, &fx->p);

	set_str(&d->title, "New title");
	d->category = CAT_STRATEGY;
	set_refs(&d->consulted, "pb", "bb");	/* was [pa] */
	set_refs(&d->informed, "pa", NULL);	/* was [] */
	set_str(&d->contrary_views, NULL);
	update_ok(fx, &kind_decision, d);

	*VEC_PUSH(&o->expertise) = EXPERTISE_FUNDRAISING;
	set_str(&o->city, "Springfield");
	update_ok(fx, &kind_organization, o);

	set_str(&in->name, "Init renamed");
	set_refs(&in->committee, "pa", "pb");
	in->has_director = 0;
	update_ok(fx, &kind_initiative, in);

	/* budget lines replaced: the stored ones go, the new ones get rowids */
	bl = VEC_PUSH(&g->lines);
	bl->name = xstrdup("travel");
	bl->amount = 5000;
	g->amount = 500000;
	update_ok(fx, &kind_grant, g);
	assert_true(g->lines.v[0].rowid > 0);
	assert_true(g->lines.v[1].rowid > 0);
	assert_int_not_equal(g->lines.v[0].rowid, g->lines.v[1].rowid);

	in->ledger.v[0].amount = 777;
	set_str(&in->ledger.v[0].line, NULL);
	update_ok(fx, &kind_ledger_entry, &in->ledger.v[0]);

	in->surveys.v[0].responses.v[0].group = GROUP_BACKBONE;
	update_ok(fx, &kind_survey, &in->surveys.v[0]);

	assert_stored_is(fx);
	/* the initiative's records were not touched by its update */
	{
		char *b = stored(fx->s);

		assert_non_null(strstr(b, "\"New title\""));
		assert_non_null(strstr(b, "\"consulted\": [\"pb\", \"bb\"]"));
		assert_non_null(strstr(b, "\"committee\": [\"pa\", \"pb\"]"));
		assert_non_null(strstr(b, "\"director\": null"));
		assert_non_null(strstr(b, "\"travel\""));
		free(b);
	}
}

static void
test_delete(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct strbuf err = STRBUF_INIT;
	int64_t rowid = in->credits.v[0].rowid;

	assert_int_equal(store_record_delete(fx->s, &kind_credit, rowid, NULL, &err), 0);
	kind_release(&kind_credit, &in->credits.v[0]);
	in->credits.n = 0;
	/* the ledger entry, then its grant, which nothing names any more */
	assert_int_equal(store_record_delete(fx->s, &kind_ledger_entry,
	    in->ledger.v[0].rowid, NULL, &err), 0);
	kind_release(&kind_ledger_entry, &in->ledger.v[0]);
	in->ledger.n = 0;
	assert_int_equal(store_record_delete(fx->s, &kind_grant, in->grants.v[0].rowid, NULL,
	    &err), 0);
	kind_release(&kind_grant, &in->grants.v[0]);
	in->grants.n = 0;
	assert_stored_is(fx);
	/* a second time: no such row */
	assert_int_equal(store_record_delete(fx->s, &kind_credit, rowid, NULL, &err), -1);
	assert_non_null(strstr(err.buf, "no such"));
	strbuf_release(&err);
}

static void
refused(struct fx *fx, const struct kind *k, int64_t rowid, const char *why)
{
	struct strbuf err = STRBUF_INIT;
	char *before = stored(fx->s), *after;

	assert_int_equal(store_record_delete(fx->s, k, rowid, NULL, &err), -1);
	if (strstr(err.buf, why) == NULL)
		fail_msg("deleting %s: '%s' does not say '%s'", k->name, err.buf, why);
	after = stored(fx->s);
	assert_string_equal(after, before);
	free(before);
	free(after);
	strbuf_release(&err);
}

static void
test_delete_refused_while_named(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];

	refused(fx, &kind_grant, in->grants.v[0].rowid, "ledger entries still name it");
	refused(fx, &kind_organization, fx->p.orgs.v[2].rowid, "still name it");	/* pb: informed */
	refused(fx, &kind_person, fx->p.people.v[0].rowid, "names them");
	/* note_initiative would cascade: checked in code */
	refused(fx, &kind_initiative, in->rowid, "learning notes name it");
	refused(fx, &kind_program, fx->p.rowid, "cannot be deleted");
}

/*
 * An update that fails after it has written rows (a budget line named
 * twice, refused by UNIQUE after the grant row and the old lines are
 * gone) rolls everything back and puts the lines' rowids back.
 */
static void
test_update_fails_midway(void **state)
{
	struct fx *fx = *state;
	struct initiative *in = &fx->p.initiatives.v[0];
	struct grant *g = &in->grants.v[0];
	struct strbuf err = STRBUF_INIT;
	char *before = stored(fx->s), *after;
	int64_t line_rowid = g->lines.v[0].rowid;
	struct budget_line *bl;

	g->amount = 1;
	bl = VEC_PUSH(&g->lines);
	bl->name = xstrdup("staff");	/* the first line's name again */
	bl->amount = 10;
	assert_int_equal(store_record_update(fx->s, &fx->p, &kind_grant, g, NULL, &err), -1);
	assert_non_null(strstr(err.buf, "already exists"));
	assert_int_equal(g->lines.v[0].rowid, line_rowid);
	assert_int_equal(g->lines.v[1].rowid, 0);
	after = stored(fx->s);
	assert_string_equal(after, before);
	free(after);

	/* a decision's id changed to another's: UNIQUE, nothing written */
	set_str(&in->decisions.v[1].id, "d1");
	set_str(&in->decisions.v[1].title, "changed");
	assert_int_equal(store_record_update(fx->s, &fx->p, &kind_decision,
	    &in->decisions.v[1], NULL, &err), -1);
	assert_non_null(strstr(err.buf, "decisions 'd1' already exists"));
	after = stored(fx->s);
	assert_string_equal(after, before);
	free(after);
	free(before);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_update_every_kind_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_changes_load_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_refused_while_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_fails_midway, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
