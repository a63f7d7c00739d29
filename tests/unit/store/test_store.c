/*
 * Unit tests for src/store/: a program of every record kind saved and
 * loaded back field for field, appends, refusals that leave the database as
 * it was, migrations, connection settings, backup and check.
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
#include <sqlite3.h>	/* the cases about SQLite itself */

#include "store/store_impl.h"
#include "model/fields.h"
#include "model/validate.h"
#include "io/json.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "../io/fixture_small.h"
#include "../fixture_db.h"

/* ---------------------------------------------------------------- fixtures */

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/trellis-store-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/*
 * The database a case opens as name: the file in tmpdir, or on PostgreSQL
 * TRELLIS_TEST_PG's database, emptied (the name is not used there).
 */
static const char *
db_path(const char *name, char buf[128])
{
	if (fixture_db_target(tmpdir, name, buf, 128) == NULL)
		fail_msg("cannot empty TRELLIS_TEST_PG's database");
	return buf;
}

/* A file in tmpdir, on either backend. */
static const char *
file_path(const char *name, char buf[128])
{
	snprintf(buf, 128, "%s/%s", tmpdir, name);
	return buf;
}

static tdate
D(const char *s)
{
	tdate t;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

static struct ref
R(const char *slug, int idx)
{
	struct ref r = { xstrdup(slug), idx };

	return r;
}

static void
add_refs(struct refs *r, const char *a, int ai, const char *b, int bi)
{
	if (a)
		*VEC_PUSH(r) = R(a, ai);
	if (b)
		*VEC_PUSH(r) = R(b, bi);
}

/*
 * A program with every record kind, every optional value both present and
 * absent. References carry their idx (as model_resolve would set), except a
 * few left REF_UNRESOLVED on purpose: the store must find those by slug.
 */
static void
build_program(struct program *p, const char *slug)
{
	struct organization *o;
	struct person *pe;
	struct instrument *in;
	struct instrument_item *it;
	struct learning *l;
	struct learning_note *n;
	struct initiative *i;
	struct responsibility *r;
	struct assignment *as;
	struct decision *d;
	struct grant *g;
	struct budget_line *bl;
	struct ledger_entry *le;
	struct application *ap;
	struct credit *cr;
	struct contribution *co;
	struct checkin *ch;
	struct event *ev;
	struct survey *sv;
	struct response *rs;
	struct answer *an;
	struct tie *ti;
	struct member *m;
	struct observation *ob;

	program_init(p);
	p->slug = xstrdup(slug);
	p->name = xstrdup("Working Cities, round 1");
	p->funder = xstrdup("Fed");
	p->start = D("2014-01-01");
	p->end = D("2017-12-31");

	o = VEC_PUSH(&p->orgs);		/* 0: everything given */
	o->slug = xstrdup("alpha");
	o->name = xstrdup("Alpha Community Action");
	o->sector = SECTOR_NONPROFIT;
	o->city = xstrdup("Lowell");
	o->staff = 30;
	o->revenue = 600000000;
	o->flexible_grants = 1;
	*VEC_PUSH(&o->expertise) = EXPERTISE_POLICY_ADVOCACY;
	*VEC_PUSH(&o->expertise) = EXPERTISE_COMMUNITY_ENGAGEMENT;
	o->in_kind_staffing = 1;
	o->convener = 1;
	o = VEC_PUSH(&p->orgs);		/* 1: nothing optional */
	o->slug = xstrdup("beta");
	o->name = xstrdup("Beta City Hall");
	o->sector = SECTOR_PUBLIC;
	o->staff = INT_NONE;
	o->revenue = INT_NONE;
	o->experiment = 1;
	o = VEC_PUSH(&p->orgs);		/* 2 */
	o->slug = xstrdup("gamma");
	o->name = xstrdup("Gamma \"Quoted\" Health; O'Neil");
	o->sector = SECTOR_OTHER;
	o->staff = 0;
	o->revenue = 1;

	pe = VEC_PUSH(&p->people);
	pe->slug = xstrdup("dana");
	pe->name = xstrdup("Dana Director");
	pe->email = xstrdup("dana@example.org");
	pe->org = R("alpha", 0);
	pe = VEC_PUSH(&p->people);
	pe->slug = xstrdup("eli");
	pe->name = xstrdup("Eli");
	pe->org.idx = REF_UNRESOLVED;

	in = VEC_PUSH(&p->instruments);
	in->code = xstrdup("pulse");
	in->title = xstrdup("Pulse check");
	it = VEC_PUSH(&in->items);
	it->code = xstrdup("p1");
	it->text = xstrdup("We meet often enough.");
	it->category = xstrdup("process");
	it = VEC_PUSH(&in->items);
	it->code = xstrdup("p2");
	it->text = xstrdup("Ünïcødé text ✓");
	it->category = xstrdup("process");
	program_add_builtin_instruments(p);	/* never stored */

	l = VEC_PUSH(&p->learning);
	l->question = xstrdup("How do partners supply missing capacity?");
	n = VEC_PUSH(&l->notes);
	n->date = D("2015-05-01");
	n->text = xstrdup("First note\nwith a second line");
	add_refs(&n->initiatives, "lowell", 0, "fitch", REF_UNRESOLVED);
	n = VEC_PUSH(&l->notes);
	n->date = D("2015-06-01");
	n->text = xstrdup("No initiative named");
	l = VEC_PUSH(&p->learning);
	l->question = xstrdup("An open question with no notes");

	/* initiative 0: everything */
	i = VEC_PUSH(&p->initiatives);
	i->slug = xstrdup("lowell");
	i->name = xstrdup("Lowell Works");
	i->city = xstrdup("Lowell");
	i->start = D("2014-07-01");
	i->end = D("2017-06-30");
	i->backbone = R("alpha", 0);
	i->fiscal_agent = R("beta", 1);
	add_refs(&i->committee, "alpha", 0, "gamma", 2);
	i->has_director = 1;
	i->director.person = R("dana", 0);
	i->director.employer = R("alpha", 0);
	add_refs(&i->director.reports_to, "alpha", 0, NULL, 0);
	add_refs(&i->director.evaluated_by, "beta", 1, "alpha", 0);
	i->has_result = 1;
	i->result.statement = xstrdup("Raise parents' income 15%");
	i->result.indicator = xstrdup("median income");
	i->result.unit = xstrdup("USD");
	i->result.direction = DIR_UP;
	i->result.baseline_date = D("2014-01-01");
	i->result.baseline_value = 31000.5;
	i->result.target_date = D("2024-01-01");
	i->result.target_value = 0.1 + 0.2;	/* not representable in short decimal */

	ob = VEC_PUSH(&i->observations);
	ob->date = D("2015-01-01");
	ob->value = -1.25e-7;
	ob = VEC_PUSH(&i->observations);
	ob->date = D("2016-01-01");
	ob->value = 33000;

	m = VEC_PUSH(&i->members);
	m->org = R("alpha", 0);
	m->role = ROLE_BACKBONE;
	m->joined = D("2014-07-01");
	m->left = DATE_NONE;
	m = VEC_PUSH(&i->members);
	m->org = R("beta", REF_UNRESOLVED);
	m->role = ROLE_COLEAD;
	m->joined = D("2014-07-01");
	m->left = D("2016-02-29");
	m = VEC_PUSH(&i->members);
	m->org = R("gamma", 2);
	m->role = ROLE_PARTNER;
	m->joined = D("2015-01-01");
	m->left = DATE_NONE;

	r = VEC_PUSH(&i->responsibilities);
	r->name = xstrdup("approve budget");
	as = VEC_PUSH(&r->assignments);
	as->org = R("beta", 1);
	as->letter = RACI_A;
	as = VEC_PUSH(&r->assignments);
	as->org = R("alpha", 0);
	as->letter = RACI_R;
	as = VEC_PUSH(&r->assignments);
	as->org = R("gamma", 2);
	as->letter = RACI_I;
	r = VEC_PUSH(&i->responsibilities);
	r->name = xstrdup("grant writing");

	d = VEC_PUSH(&i->decisions);
	d->id = xstrdup("d1");
	d->title = xstrdup("Hire the director");
	d->category = CAT_PERSONNEL;
	d->proposed = D("2014-08-01");
	d->decided = D("2014-08-03");
	d->decider = R("alpha", 0);
	add_refs(&d->consulted, "gamma", 2, "beta", 1);
	add_refs(&d->informed, "gamma", 2, NULL, 0);
	d = VEC_PUSH(&i->decisions);
	d->id = xstrdup("d2");
	d->title = xstrdup("Adopt the budget");
	d->category = CAT_FINANCIAL;
	d->proposed = D("2014-09-01");
	d->decided = D("2014-09-30");
	d->decider = R("committee", REF_COMMITTEE);
	d->contrary_views = xstrdup("Beta wanted a smaller reserve.");
	d = VEC_PUSH(&i->decisions);
	d->id = xstrdup("42");
	d->title = xstrdup("Name the initiative");
	d->category = CAT_OTHER;
	d->proposed = D("2014-10-01");
	d->decided = D("2014-10-01");
	d->decider = R("team", REF_UNRESOLVED);	/* found by its name */

	g = VEC_PUSH(&i->grants);
	g->id = xstrdup("g1");
	g->funder = xstrdup("Fed");
	g->amount = 70000000;
	g->start = D("2014-07-01");
	g->end = D("2017-06-30");
	g->catalytic = 1;
	bl = VEC_PUSH(&g->lines);
	bl->name = xstrdup("staff");
	bl->amount = 40000050;
	bl = VEC_PUSH(&g->lines);
	bl->name = xstrdup("evaluation");
	bl->amount = 5000000;
	g = VEC_PUSH(&i->grants);
	g->id = xstrdup("g2");
	g->funder = xstrdup("Local Foundation");
	g->amount = 10000000;
	g->start = D("2015-01-01");
	g->end = D("2015-12-31");

	le = VEC_PUSH(&i->ledger);
	le->id = xstrdup("l1");
	le->date = D("2014-09-15");
	le->grant = R("g1", 0);
	le->amount = 2500025;
	le->kind = LEDGER_DISBURSEMENT;
	le->recipient = R("gamma", 2);
	le->line = xstrdup("staff");
	le->purpose = xstrdup("outreach worker");
	le = VEC_PUSH(&i->ledger);
	le->id = xstrdup("l2");
	le->date = D("2015-03-01");
	le->grant = R("g2", REF_UNRESOLVED);
	le->amount = 1;
	le->kind = LEDGER_EXPENSE;
	le->recipient.idx = REF_UNRESOLVED;	/* outside vendor */
	le->backbone_own = 1;

	ap = VEC_PUSH(&i->applications);
	ap->id = xstrdup("a1");
	ap->date = D("2015-04-01");
	ap->funder = xstrdup("State");
	ap->amount = 25000000;
	ap->lead = R("beta", 1);
	add_refs(&ap->co_applicants, "alpha", 0, "gamma", 2);
	ap->status = APP_AWARDED;
	ap = VEC_PUSH(&i->applications);
	ap->id = xstrdup("a2");
	ap->date = D("2015-05-01");
	ap->funder = xstrdup("Bank");
	ap->amount = 100;
	ap->lead = R("alpha", 0);
	ap->status = APP_DRAFT;

	cr = VEC_PUSH(&i->credits);
	cr->id = xstrdup("c1");
	cr->date = D("2015-06-01");
	cr->channel = CHANNEL_PRESS;
	cr->title = xstrdup("Lowell Sun story");
	add_refs(&cr->credited, "beta", 1, "alpha", 0);

	co = VEC_PUSH(&i->contributions);
	co->id = xstrdup("k1");
	co->date = D("2015-06-02");
	co->from = R("alpha", 0);
	co->to = R("gamma", 2);
	co->type = CONTRIB_DATA;
	co->hours = 12.75;

	ch = VEC_PUSH(&i->checkins);
	ch->id = xstrdup("ci1");
	ch->date = D("2015-07-01");
	add_refs(&ch->attendees, "eli", 1, "dana", REF_UNRESOLVED);
	ch->progress = xstrdup("**Good** progress <script>x</script>");
	ch = VEC_PUSH(&i->checkins);
	ch->id = xstrdup("ci2");
	ch->date = D("2015-08-01");
	ch->challenges = xstrdup("Only challenges");

	ev = VEC_PUSH(&i->events);
	ev->id = xstrdup("e1");
	ev->date = D("2015-09-01");
	ev->kind = EVENT_PEER_EXCHANGE;
	ev->title = xstrdup("Peer exchange");
	add_refs(&ev->expected, "alpha", 0, "beta", 1);
	add_refs(&ev->attended, "beta", 1, NULL, 0);

	sv = VEC_PUSH(&i->surveys);
	sv->id = xstrdup("s1");
	sv->instrument = R("balance", 3);
	sv->opened = D("2015-10-01");
	sv->closed = DATE_NONE;
	rs = VEC_PUSH(&sv->responses);
	rs->group = GROUP_PARTNER;
	an = VEC_PUSH(&rs->answers);
	an->item = xstrdup("dominance");
	an->value = 2;
	an = VEC_PUSH(&rs->answers);
	an->item = xstrdup("credit_given");
	an->value = 5;
	rs = VEC_PUSH(&sv->responses);
	rs->group = GROUP_BACKBONE;
	an = VEC_PUSH(&rs->answers);
	an->item = xstrdup("dominance");
	an->value = 1;
	sv = VEC_PUSH(&i->surveys);
	sv->id = xstrdup("s2");
	sv->instrument = R("pulse", 0);
	sv->opened = D("2016-01-01");
	sv->closed = D("2016-01-31");

	ti = VEC_PUSH(&i->ties);
	ti->date = D("2016-02-01");
	ti->from = R("beta", 1);
	ti->to = R("alpha", 0);
	ti->frequency = 4;
	ti->reliability = 4;
	ti->mission = 3;
	ti->openness = 2;
	ti->influence = 1;
	ti->involvement = 2;
	ti->resources = 3;
	ti = VEC_PUSH(&i->ties);
	ti->date = D("2016-02-01");
	ti->from = R("gamma", 2);
	ti->to = R("beta", 1);
	ti->frequency = 0;

	/* initiative 1: nothing optional, no records */
	i = VEC_PUSH(&p->initiatives);
	i->slug = xstrdup("fitch");
	i->name = xstrdup("Fitchburg");
	i->city = xstrdup("Fitchburg");
	i->start = D("2014-07-01");
	i->end = D("2017-06-30");
	i->backbone = R("gamma", 2);
	i->fiscal_agent = R("gamma", 2);
}

/* ---------------------------------------------------------------- comparing */

static int cmp_kind(const struct kind *k, const void *a, const void *b, struct strbuf *path);

static int
streq(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static int
cmp_list(const struct field *f, const void *a, const void *b, struct strbuf *path)
{
	const struct anyvec *va = FIELD_VEC(a, f), *vb = FIELD_VEC(b, f);
	size_t ia = 0, ib = 0, len = path->len;
	size_t sz = f->sub->size;

	for (;;) {
		const void *ea, *eb;

		/* built-in instruments are not stored: skip them on both sides */
		while (f->sub == &kind_instrument && ia < va->n &&
		    ((const struct instrument *)((const char *)va->v + ia * sz))->builtin)
			ia++;
		while (f->sub == &kind_instrument && ib < vb->n &&
		    ((const struct instrument *)((const char *)vb->v + ib * sz))->builtin)
			ib++;
		if (ia == va->n || ib == vb->n)
			break;
		ea = (const char *)va->v + ia * sz;
		eb = (const char *)vb->v + ib * sz;
		strbuf_addf(path, "[%zu].", ia);
		if (((const struct rec_head *)ea)->rowid != ((const struct rec_head *)eb)->rowid) {
			strbuf_addstr(path, "rowid");
			return -1;
		}
		if (cmp_kind(f->sub, ea, eb, path) == -1)
			return -1;
		strbuf_setlen(path, len);
		ia++;
		ib++;
	}
	if (ia != va->n || ib != vb->n) {
		strbuf_addstr(path, " (count)");
		return -1;
	}
	return 0;
}

/* Compares every field of a and b (kind k); on a difference sets path and returns -1. */
static int
cmp_kind(const struct kind *k, const void *a, const void *b, struct strbuf *path)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const void *pa = FIELD_PTR(a, f), *pb = FIELD_PTR(b, f);
		size_t len = path->len;
		int same = 1;

		strbuf_addstr(path, f->name);
		switch (f->type) {
		case FT_STR:
		case FT_SLUG:
		case FT_ID:
			same = streq(*(char *const *)pa, *(char *const *)pb);
			break;
		case FT_DATE:
			same = *(const tdate *)pa == *(const tdate *)pb;
			break;
		case FT_MONEY:
		case FT_INT:
			same = *(const int64_t *)pa == *(const int64_t *)pb;
			break;
		case FT_SMALL:
		case FT_BOOL:
		case FT_ENUM:
			same = *(const int *)pa == *(const int *)pb;
			break;
		case FT_REAL:
			same = memcmp(pa, pb, sizeof(double)) == 0;
			break;
		case FT_REF:
			same = streq(((const struct ref *)pa)->slug, ((const struct ref *)pb)->slug);
			break;
		case FT_REFS: {
			const struct refs *ra = pa, *rb = pb;

			same = ra->n == rb->n;
			for (size_t j = 0; same && j < ra->n; j++)
				same = streq(ra->v[j].slug, rb->v[j].slug);
			break;
		}
		case FT_ENUMS: {
			const struct anyvec *ea = pa, *eb = pb;

			/* memcmp of two empty (NULL) vectors is undefined: UBSan */
			same = ea->n == eb->n &&
			    (ea->n == 0 || memcmp(ea->v, eb->v, ea->n * sizeof(int)) == 0);
			break;
		}
		case FT_RACI: {
			const VEC(struct assignment) *ra = pa, *rb = pb;

			same = ra->n == rb->n;
			for (size_t j = 0; same && j < ra->n; j++)
				same = streq(ra->v[j].org.slug, rb->v[j].org.slug) &&
				    ra->v[j].letter == rb->v[j].letter;
			break;
		}
		case FT_ANSWERS: {
			const VEC(struct answer) *ra = pa, *rb = pb;

			same = ra->n == rb->n;
			for (size_t j = 0; same && j < ra->n; j++)
				same = streq(ra->v[j].item, rb->v[j].item) &&
				    ra->v[j].value == rb->v[j].value;
			break;
		}
		case FT_OBJECT:
			if (f->has_off) {
				int ha = *(const int *)((const char *)a + f->has_off);
				int hb = *(const int *)((const char *)b + f->has_off);

				same = ha == hb;
				if (!same || !ha)
					break;
			}
			strbuf_addch(path, '.');
			if (cmp_kind(f->sub, a, b, path) == -1)
				return -1;
			break;
		case FT_LIST:
			if (cmp_list(f, a, b, path) == -1)
				return -1;
			break;
		}
		if (!same)
			return -1;
		strbuf_setlen(path, len);
	}
	return 0;
}

static void
assert_programs_equal(const struct program *a, const struct program *b)
{
	struct strbuf path = STRBUF_INIT;
	int r = cmp_kind(&kind_document, a, b, &path);

	if (r == 0 && a->rowid != b->rowid) {
		strbuf_addstr(&path, "program rowid");
		r = -1;
	}
	if (r != 0)
		fail_msg("programs differ at %s", path.buf);
	strbuf_release(&path);
}

/* Calls fn on the rowid of every record beneath rec (kind k), rec's own included. */
static void
each_rowid(const struct kind *k, const void *rec, void (*fn)(int64_t, const void *), const void *arg)
{
	fn(((const struct rec_head *)rec)->rowid, arg);
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type == FT_LIST) {
			const struct anyvec *v = FIELD_VEC(rec, f);

			for (size_t j = 0; j < v->n; j++) {
				const void *e = (const char *)v->v + j * f->sub->size;

				if (f->sub == &kind_instrument && ((const struct instrument *)e)->builtin)
					continue;
				each_rowid(f->sub, e, fn, arg);
			}
		}
	}
}

static void
expect_zero(int64_t rowid, const void *arg)
{
	(void)arg;
	assert_int_equal(rowid, 0);
}

static void
expect_set(int64_t rowid, const void *arg)
{
	(void)arg;
	assert_true(rowid > 0);
}

static struct store *
open_ok(const char *path)
{
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;

	if (store_open(path, 1, &s, &err) != 0)
		fail_msg("store_open: %s", err.buf);
	strbuf_release(&err);
	return s;
}

static void
save_ok(struct store *s, struct program *p)
{
	struct strbuf err = STRBUF_INIT;

	if (store_program_save(s, p, NULL, &err) != 0)
		fail_msg("store_program_save: %s", err.buf);
	strbuf_release(&err);
}

static void
load_ok(struct store *s, const char *slug, struct program *p)
{
	struct strbuf err = STRBUF_INIT;
	int r;

	program_init(p);
	r = store_program_load(s, slug, p, &err);
	if (r != 0)
		fail_msg("store_program_load %s: %d %s", slug, r, err.buf);
	strbuf_release(&err);
}

/* The integer sql (its ?1 bound to param, when not NULL) gives, on the store's connection. */
static int64_t
sql_int(struct store *s, const char *sql, const char *param)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st;
	int64_t n;

	if ((st = db_prepare(s->db, sql, &err)) == NULL)
		fail_msg("%s: %s", sql, err.buf);
	if (param)
		db_bind_text(st, 1, param);
	assert_int_equal(db_step(st), DB_ROW);
	n = db_column_int64(st, 0);
	db_finalize(st);
	strbuf_release(&err);
	return n;
}

static int64_t
count_rows(struct store *s, const char *table)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	return sql_int(s, sql, NULL);
}

/* The columns of table (the schema's catalog of either backend). */
static int64_t
count_columns(struct store *s, const char *table)
{
	return sql_int(s, fixture_on_pg() ?
	    "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
	    " AND table_name = ?1" : "SELECT count(*) FROM pragma_table_info(?1)", table);
}

/* ---------------------------------------------------------------- tests */

static void
test_round_trip_every_kind(void **state)
{
	struct program p, q;
	struct store *s;
	char path[128];

	(void)state;
	s = open_ok(db_path("rt.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	each_rowid(&kind_document, &p, expect_set, NULL);
	assert_int_equal(p.instruments.v[1].rowid, 0);	/* built-in: not stored */
	load_ok(s, "wcc", &q);
	assert_programs_equal(&p, &q);
	/* spot checks on the optional values, beyond the generic comparison */
	assert_null(q.orgs.v[1].city);
	assert_true(q.orgs.v[1].staff == INT_NONE);
	assert_true(q.orgs.v[1].revenue == INT_NONE);
	assert_int_equal(q.orgs.v[2].staff, 0);
	assert_int_equal(q.initiatives.v[0].members.v[0].left, DATE_NONE);
	assert_null(q.initiatives.v[0].ledger.v[1].recipient.slug);
	assert_string_equal(q.initiatives.v[0].decisions.v[1].decider.slug, "committee");
	assert_string_equal(q.initiatives.v[0].decisions.v[2].decider.slug, "team");
	assert_int_equal(q.initiatives.v[0].ties.v[1].reliability, 0);
	assert_int_equal(q.initiatives.v[0].surveys.v[0].closed, DATE_NONE);
	assert_string_equal(q.initiatives.v[0].surveys.v[0].instrument.slug, "balance");
	assert_int_equal(q.initiatives.v[1].has_director, 0);
	assert_int_equal(q.initiatives.v[1].has_result, 0);
	assert_true(q.initiatives.v[0].result.target_value == 0.1 + 0.2);
	assert_int_equal(q.instruments.n, 1);
	assert_int_equal(q.initiatives.v[0].decisions.v[0].decider.idx, REF_UNRESOLVED);
	/* anonymous answers: the answer table has no column naming anyone */
	assert_int_equal(count_rows(s, "answer"), 3);
	assert_int_equal(count_columns(s, "response"), 3);
	assert_int_equal(count_columns(s, "answer"), 4);
	program_release(&p);
	program_release(&q);
	store_close(s);
}

/*
 * Link rows go in up to STORE_ROWS_MAX to a statement: lists of 64, 65 and
 * 131 (64 + 64 + 2 + 1) come back whole and in order (shorter ones: above).
 */
static void
test_long_link_lists(void **state)
{
	static const char *const slugs[] = { "alpha", "beta", "gamma" };
	static const size_t lens[] = { STORE_ROWS_MAX, STORE_ROWS_MAX + 1, 2 * STORE_ROWS_MAX + 3 };
	struct program p, q;
	struct store *s;
	char path[128];
	int64_t rows = 0;

	(void)state;
	s = open_ok(db_path("links.db", path));
	build_program(&p, "wcc");
	assert_int_equal(p.initiatives.v[0].decisions.n, 3);
	for (size_t d = 0; d < 3; d++) {
		struct refs *c = &p.initiatives.v[0].decisions.v[d].consulted;

		for (size_t i = 0; i < c->n; i++)
			free(c->v[i].slug);
		c->n = 0;
		for (size_t i = 0; i < lens[d]; i++)
			*VEC_PUSH(c) = R(slugs[(i * 7 + d) % 3], (int)((i * 7 + d) % 3));
		rows += (int64_t)lens[d];
	}
	save_ok(s, &p);
	assert_int_equal(count_rows(s, "decision_consulted"), rows);
	load_ok(s, "wcc", &q);
	assert_programs_equal(&p, &q);
	for (size_t d = 0; d < 3; d++) {
		const struct refs *c = &q.initiatives.v[0].decisions.v[d].consulted;

		assert_int_equal(c->n, lens[d]);
		for (size_t i = 0; i < c->n; i++)
			assert_string_equal(c->v[i].slug, slugs[(i * 7 + d) % 3]);
	}
	program_release(&p);
	program_release(&q);
	store_close(s);
}

/*
 * Sets initiative 0's decisions of p to n copies of its first, numbered
 * "b0", "b1", ..., each read from decisions.csv line 2 + i.
 */
static void
n_decisions(struct program *p, size_t n)
{
	struct initiative *in = &p->initiatives.v[0];
	struct decision first;

	kind_copy(&kind_decision, &first, &in->decisions.v[0]);
	for (size_t i = 0; i < in->decisions.n; i++)
		kind_release(&kind_decision, &in->decisions.v[i]);
	in->decisions.n = 0;
	for (size_t i = 0; i < n; i++) {
		struct decision *d = VEC_PUSH(&in->decisions);
		char id[32];

		kind_copy(&kind_decision, d, &first);
		snprintf(id, sizeof(id), "b%zu", i);
		free(d->id);
		d->id = xstrdup(id);
		d->loc.file = "decisions.csv";
		d->loc.line = 2 + (unsigned)i;
	}
	kind_release(&kind_decision, &first);
}

/*
 * New records go in up to STORE_ROWS_MAX to a statement (SQLite), their
 * rowids taken from the last: 1, STORE_ROWS_MAX and STORE_ROWS_MAX + 1
 * decisions come back whole, in order, their link rows with them, and the
 * rowids run on in list order. A duplicate on the last row of a full
 * statement is named as it would be alone, and the save leaves nothing.
 */
static void
test_record_batches(void **state)
{
	static const size_t counts[] = { 1, STORE_ROWS_MAX, STORE_ROWS_MAX + 1 };
	struct strbuf err = STRBUF_INIT;
	struct program p, q;
	struct store *s;
	char path[128], name[32];

	(void)state;
	for (size_t c = 0; c < 3; c++) {
		snprintf(name, sizeof(name), "batch%zu.db", c);
		s = open_ok(db_path(name, path));
		build_program(&p, "wcc");
		n_decisions(&p, counts[c]);
		save_ok(s, &p);
		assert_int_equal(count_rows(s, "decision"), (int64_t)counts[c]);
		assert_int_equal(count_rows(s, "decision_consulted"),
		    (int64_t)(counts[c] * p.initiatives.v[0].decisions.v[0].consulted.n));
		for (size_t i = 1; i < counts[c]; i++)
			assert_int_equal(p.initiatives.v[0].decisions.v[i].rowid,
			    p.initiatives.v[0].decisions.v[i - 1].rowid + 1);
		load_ok(s, "wcc", &q);
		assert_programs_equal(&p, &q);
		program_release(&p);
		program_release(&q);
		store_close(s);
	}

	s = open_ok(db_path("batchfail.db", path));
	build_program(&p, "wcc");
	n_decisions(&p, STORE_ROWS_MAX);
	free(p.initiatives.v[0].decisions.v[STORE_ROWS_MAX - 1].id);
	p.initiatives.v[0].decisions.v[STORE_ROWS_MAX - 1].id = xstrdup("b0");
	assert_int_equal(store_program_save(s, &p, NULL, &err), -1);
	snprintf(name, sizeof(name), "decisions.csv:%d: ", STORE_ROWS_MAX + 1);
	assert_true(strncmp(err.buf, name, strlen(name)) == 0);
	assert_string_equal(err.buf + strlen(name), "decisions 'b0' already exists");
	each_rowid(&kind_document, &p, expect_zero, NULL);
	assert_int_equal(count_rows(s, "decision"), 0);
	assert_int_equal(count_rows(s, "program"), 0);
	program_release(&p);
	strbuf_release(&err);
	store_close(s);
}

static void
test_missing_program_returns_1(void **state)
{
	struct program p;
	struct store *s;
	struct strbuf err = STRBUF_INIT;
	char path[128];

	(void)state;
	s = open_ok(db_path("missing.db", path));
	program_init(&p);
	assert_int_equal(store_program_load(s, "nope", &p, &err), 1);
	assert_null(p.slug);
	program_release(&p);
	strbuf_release(&err);
	store_close(s);
}

static void
test_second_save_writes_nothing(void **state)
{
	struct program p, q;
	struct store *s;
	char path[128];
	int64_t before;

	(void)state;
	s = open_ok(db_path("twice.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	load_ok(s, "wcc", &q);
	before = db_total_changes(s->db);
	save_ok(s, &q);
	save_ok(s, &p);
	assert_int_equal(db_total_changes(s->db), before);
	assert_int_equal(count_rows(s, "decision"), 3);
	assert_int_equal(count_rows(s, "program"), 1);
	program_release(&p);
	program_release(&q);
	store_close(s);
}

static void
test_append_to_loaded_program(void **state)
{
	struct program p, q, r;
	struct store *s;
	struct initiative *i;
	struct decision *d;
	struct budget_line *bl;
	struct organization *o;
	struct ledger_entry *le;
	char path[128];

	(void)state;
	s = open_ok(db_path("append.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	load_ok(s, "wcc", &q);	/* refs unresolved, as a CSV append would find them */
	o = VEC_PUSH(&q.orgs);
	o->slug = xstrdup("delta");
	o->name = xstrdup("Delta");
	o->sector = SECTOR_FAITH;
	o->staff = o->revenue = INT_NONE;
	i = &q.initiatives.v[0];
	d = VEC_PUSH(&i->decisions);
	d->id = xstrdup("d-new");
	d->title = xstrdup("Appended");
	d->category = CAT_STRATEGY;
	d->proposed = D("2016-01-01");
	d->decided = D("2016-01-08");
	d->decider = R("delta", REF_UNRESOLVED);	/* an org new in this same save */
	add_refs(&d->consulted, "alpha", REF_UNRESOLVED, "delta", REF_UNRESOLVED);
	bl = VEC_PUSH(&i->grants.v[1].lines);		/* a child of a stored record */
	bl->name = xstrdup("new line");
	bl->amount = 99;
	le = VEC_PUSH(&i->ledger);
	le->id = xstrdup("l3");
	le->date = D("2016-02-01");
	le->grant = R("g2", REF_UNRESOLVED);
	le->amount = 5;
	le->kind = LEDGER_EXPENSE;
	le->recipient = R("delta", REF_UNRESOLVED);
	save_ok(s, &q);
	assert_true(d->rowid > 0);
	assert_true(bl->rowid > 0);
	assert_true(q.orgs.v[3].rowid > 0);
	assert_int_equal(count_rows(s, "decision"), 4);
	load_ok(s, "wcc", &r);
	assert_programs_equal(&q, &r);
	assert_string_equal(r.initiatives.v[0].decisions.v[3].id, "d-new");
	assert_string_equal(r.initiatives.v[0].decisions.v[3].decider.slug, "delta");
	program_release(&p);
	program_release(&q);
	program_release(&r);
	store_close(s);
}

static void
test_duplicate_program_refused(void **state)
{
	struct program p, p2, q;
	struct store *s;
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	char path[128];

	(void)state;
	s = open_ok(db_path("dup.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	build_program(&p2, "wcc");
	assert_int_equal(store_program_save(s, &p2, NULL, &err), -1);
	assert_string_equal(err.buf, "program 'wcc' already exists");
	each_rowid(&kind_document, &p2, expect_zero, NULL);
	assert_int_equal(store_program_slugs(s, &slugs, &err), 0);
	assert_int_equal(slugs.n, 1);
	assert_string_equal(slugs.v[0], "wcc");
	assert_int_equal(count_rows(s, "organization"), 3);
	load_ok(s, "wcc", &q);
	assert_programs_equal(&p, &q);
	store_slugs_release(&slugs);
	program_release(&p);
	program_release(&p2);
	program_release(&q);
	strbuf_release(&err);
	store_close(s);
}

/* A failure deep in the tree, after many rows were written, leaves nothing. */
static void
test_failed_save_leaves_nothing(void **state)
{
	struct program p, p2;
	struct store *s;
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	struct ledger_entry *le;
	struct decision *d;
	char path[128];

	(void)state;
	s = open_ok(db_path("fail.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);

	/* a reference the store cannot resolve */
	build_program(&p2, "other");
	free(p2.initiatives.v[1].slug);
	p2.initiatives.v[1].slug = xstrdup("fitch2");
	free(p2.initiatives.v[0].slug);
	p2.initiatives.v[0].slug = xstrdup("lowell2");
	free(p2.learning.v[0].notes.v[0].initiatives.v[0].slug);
	p2.learning.v[0].notes.v[0].initiatives.v[0].slug = xstrdup("lowell2");
	free(p2.learning.v[0].notes.v[0].initiatives.v[1].slug);
	p2.learning.v[0].notes.v[0].initiatives.v[1].slug = xstrdup("fitch2");
	le = &p2.initiatives.v[0].ledger.v[1];
	le->loc.file = "ledger.csv";
	le->loc.line = 3;
	free(le->grant.slug);
	le->grant = R("nope", REF_UNRESOLVED);
	assert_int_equal(store_program_save(s, &p2, NULL, &err), -1);
	assert_string_equal(err.buf, "ledger.csv:3: grant: grant 'nope' does not exist");
	each_rowid(&kind_document, &p2, expect_zero, NULL);

	/* a constraint SQLite enforces: a decision id twice in one initiative */
	free(le->grant.slug);
	le->grant = R("g2", 1);
	d = &p2.initiatives.v[0].decisions.v[2];
	free(d->id);
	d->id = xstrdup("d1");
	d->loc.file = "decisions.csv";
	d->loc.line = 4;
	assert_int_equal(store_program_save(s, &p2, NULL, &err), -1);
	assert_string_equal(err.buf, "decisions.csv:4: decisions 'd1' already exists");
	each_rowid(&kind_document, &p2, expect_zero, NULL);

	/* initiative slugs are unique in the whole database */
	free(d->id);
	d->id = xstrdup("d3");
	free(p2.initiatives.v[1].slug);
	p2.initiatives.v[1].slug = xstrdup("fitch");
	assert_int_equal(store_program_save(s, &p2, NULL, &err), -1);
	assert_string_equal(err.buf, "initiatives 'fitch' already exists");

	assert_int_equal(store_program_slugs(s, &slugs, &err), 0);
	assert_int_equal(slugs.n, 1);
	assert_int_equal(count_rows(s, "decision"), 3);
	assert_int_equal(count_rows(s, "organization"), 3);
	assert_int_equal(count_rows(s, "initiative"), 2);

	/* and once fixed, the same program saves */
	free(p2.initiatives.v[1].slug);
	p2.initiatives.v[1].slug = xstrdup("fitch2");
	save_ok(s, &p2);
	store_slugs_release(&slugs);
	assert_int_equal(store_program_slugs(s, &slugs, &err), 0);
	assert_int_equal(slugs.n, 2);
	assert_string_equal(slugs.v[0], "other");
	assert_string_equal(slugs.v[1], "wcc");
	store_slugs_release(&slugs);

	/*
	 * Interleave the programs' rows: wcc's new decision comes after all of
	 * other's, so other's link rows lie inside wcc's owner range when wcc
	 * loads, and must be skipped.
	 */
	d = VEC_PUSH(&p.initiatives.v[0].decisions);
	d->id = xstrdup("late");
	d->title = xstrdup("Late");
	d->category = CAT_PROGRAM;
	d->proposed = d->decided = D("2017-01-01");
	d->decider = R("beta", 1);
	add_refs(&d->consulted, "gamma", 2, NULL, 0);
	add_refs(&d->informed, "alpha", 0, "beta", 1);
	save_ok(s, &p);
	{
		struct program q;

		load_ok(s, "wcc", &q);
		assert_programs_equal(&p, &q);
		program_release(&q);
		load_ok(s, "other", &q);
		assert_programs_equal(&p2, &q);
		program_release(&q);
	}
	program_release(&p);
	program_release(&p2);
	strbuf_release(&err);
	store_close(s);
}

static void
test_migrations_idempotent(void **state)
{
	struct program p, q;
	struct store *s;
	struct strbuf err = STRBUF_INIT;
	char path[128];

	(void)state;
	s = open_ok(db_path("mig.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	store_close(s);
	for (int round = 0; round < 2; round++) {
		assert_int_equal(store_open(path, 0, &s, &err), 0);
		/* PostgreSQL: SELECT version FROM trellis_schema (db_sql_to_pg) */
		assert_int_equal(sql_int(s, "PRAGMA user_version", NULL), store_migrations_count);
		load_ok(s, "wcc", &q);
		assert_programs_equal(&p, &q);
		program_release(&q);
		store_close(s);
	}
	program_release(&p);
	strbuf_release(&err);
}

static int64_t
pragma_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite_handle(s->db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
test_pragmas_in_force(void **state)
{
	struct store *s;
	sqlite3_stmt *st;
	char path[128];
	int on = -1;

	(void)state;
	fixture_sqlite_only("SQLite's PRAGMAs and connection limits (PostgreSQL's session: test_db)");
	s = open_ok(db_path("pragma.db", path));
	assert_int_equal(sqlite3_prepare_v2(db_sqlite_handle(s->db), "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(pragma_int(s, "PRAGMA synchronous"), 2);	/* FULL */
	assert_int_equal(pragma_int(s, "PRAGMA busy_timeout"), 5000);
	assert_int_equal(pragma_int(s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(pragma_int(s, "PRAGMA trusted_schema"), 0);
	assert_int_equal(sqlite3_db_config(db_sqlite_handle(s->db), SQLITE_DBCONFIG_DEFENSIVE, -1, &on), SQLITE_OK);
	assert_int_equal(on, 1);
	assert_int_equal(sqlite3_limit(db_sqlite_handle(s->db), SQLITE_LIMIT_LENGTH, -1), 64 * 1024 * 1024);
	/* defensive: the schema cannot be written behind SQLite's back */
	assert_int_not_equal(sqlite3_exec(db_sqlite_handle(s->db), "PRAGMA writable_schema = ON;"
	    "UPDATE sqlite_schema SET sql = '' WHERE name = 'tie'", NULL, NULL, NULL), SQLITE_OK);
	/* an import's page cache (store_bulk), then the one it had; twice is once */
	assert_int_equal(pragma_int(s, "PRAGMA cache_size"), -2000);
	store_bulk(s, 1);
	store_bulk(s, 1);
	assert_int_equal(pragma_int(s, "PRAGMA cache_size"), -STORE_BULK_CACHE_KIB);
	assert_int_equal(pragma_int(s, "PRAGMA synchronous"), 2);
	store_bulk(s, 0);
	store_bulk(s, 0);
	assert_int_equal(pragma_int(s, "PRAGMA cache_size"), -2000);
	store_close(s);
}

static void
test_open_errors(void **state)
{
	struct store *s = (struct store *)1;
	struct strbuf err = STRBUF_INIT;
	char path[128];
	FILE *f;

	(void)state;
	if (fixture_on_pg()) {
		/* a database that does not exist is refused, even with create = 1 */
		const char *url = getenv("TRELLIS_TEST_PG");
		const char *slash = strrchr(url, '/');
		struct strbuf missing = STRBUF_INIT;

		assert_non_null(slash);
		strbuf_addf(&missing, "%.*s/trellis_no_such_db", (int)(slash - url), url);
		assert_int_equal(store_open(missing.buf, 1, &s, &err), -1);
		assert_null(s);
		assert_non_null(strstr(err.buf, "cannot open database "));
		assert_non_null(strstr(err.buf, "\"trellis_no_such_db\" does not exist"));
		assert_null(strstr(err.buf, "trellis@"));	/* the URL without its user part */
		assert_null(strchr(err.buf, '\n'));
		/* a password in the URL: refused before connecting */
		s = (struct store *)1;
		assert_int_equal(store_open("postgresql://trellis:secret@127.0.0.1:1/x", 1, &s, &err), -1);
		assert_null(s);
		assert_non_null(strstr(err.buf, "a password in the URL is refused"));
		assert_null(strstr(err.buf, "secret"));
		strbuf_release(&missing);
		strbuf_release(&err);
		return;
	}
	assert_int_equal(store_open("/nonexistent-dir/x/y.db", 1, &s, &err), -1);
	assert_null(s);
	assert_string_equal(err.buf,
	    "cannot open database /nonexistent-dir/x/y.db: unable to open database file");
	assert_int_equal(store_open(file_path("absent.db", path), 0, &s, &err), -1);
	assert_non_null(strstr(err.buf, "cannot open database "));
	assert_int_equal(access(path, F_OK), -1);	/* create = 0 made nothing */
	f = fopen(file_path("junk.db", path), "w");
	assert_non_null(f);
	fputs("this is not a database, but it is long enough to have a header ....."
	    "..................................................................\n", f);
	fclose(f);
	assert_int_equal(store_open(path, 0, &s, &err), -1);
	assert_non_null(strstr(err.buf, "not a database"));
	assert_null(strchr(err.buf, '\n'));
	strbuf_release(&err);
}

static void
test_backup_loads_equal(void **state)
{
	struct program p, q;
	struct store *s, *b;
	struct strbuf err = STRBUF_INIT, report = STRBUF_INIT;
	char path[128], dest[128];

	(void)state;
	fixture_sqlite_only("trellis backup is SQLite's online backup (PostgreSQL: pg_dump)");
	s = open_ok(db_path("live.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	if (store_backup(s, db_path("backup.db", dest), &err) != 0)
		fail_msg("store_backup: %s", err.buf);
	/* the live database goes on changing; the backup does not */
	store_close(s);
	b = open_ok(dest);
	load_ok(b, "wcc", &q);
	assert_programs_equal(&p, &q);
	assert_int_equal(store_check(b, &report, &err), 0);
	assert_int_equal(report.len, 0);
	program_release(&q);
	/* never over an existing file, never a partial file left behind */
	assert_int_equal(store_backup(b, dest, &err), -1);
	assert_non_null(strstr(err.buf, "already exists"));
	assert_int_equal(store_backup(b, "/nonexistent-dir/b.db", &err), -1);
	assert_non_null(strstr(err.buf, "cannot create backup /nonexistent-dir/b.db"));
	assert_int_equal(access("/nonexistent-dir/b.db", F_OK), -1);
	store_close(b);
	b = open_ok(dest);	/* still the good backup */
	load_ok(b, "wcc", &q);
	assert_programs_equal(&p, &q);
	program_release(&q);
	store_close(b);
	program_release(&p);
	strbuf_release(&err);
	strbuf_release(&report);
}

static void
test_check_clean_and_dirty(void **state)
{
	struct program p;
	struct store *s;
	struct strbuf err = STRBUF_INIT, report = STRBUF_INIT;
	char path[128];

	(void)state;
	s = open_ok(db_path("check.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	assert_int_equal(store_check(s, &report, &err), 0);
	assert_int_equal(report.len, 0);
	/*
	 * break a foreign key behind the store's back (PostgreSQL: without the
	 * triggers that enforce it, which the test server's superuser may)
	 */
	if (fixture_on_pg()) {
		if (db_exec(s->db, "SET session_replication_role = replica;"
		    "UPDATE person SET org_id = 9999 WHERE slug = 'dana';"
		    "SET session_replication_role = DEFAULT", "break a key", &err) != 0)
			fail_msg("%s", err.buf);
	} else
		assert_int_equal(sqlite3_exec(db_sqlite_handle(s->db), "PRAGMA foreign_keys = OFF;"
		    "UPDATE person SET org_id = 9999 WHERE slug = 'dana';"
		    "PRAGMA foreign_keys = ON;", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_check(s, &report, &err), -1);
	assert_string_equal(report.buf, fixture_on_pg() ?
	    "foreign key: 1 person row refers to a missing organization row (person_org_id_fkey)\n" :
	    "foreign key: person row 1 refers to a missing organization row\n");
	assert_string_equal(err.buf, "the check found 1 problem");
	program_release(&p);
	strbuf_release(&err);
	strbuf_release(&report);
	store_close(s);
}

static void
test_settings(void **state)
{
	struct program p;
	struct store *s;
	struct strbuf err = STRBUF_INIT;
	char path[128], *v;

	(void)state;
	s = open_ok(db_path("set.db", path));
	build_program(&p, "wcc");
	save_ok(s, &p);
	assert_int_equal(store_setting_get(s, "wcc", "dominance.share", &v, &err), 1);
	assert_null(v);
	assert_int_equal(store_setting_set(s, "wcc", "dominance.share", "0.6", NULL, &err), 0);
	assert_int_equal(store_setting_set(s, "wcc", "dominance.share", "0.7", NULL, &err), 0);
	assert_int_equal(store_setting_get(s, "wcc", "dominance.share", &v, &err), 0);
	assert_string_equal(v, "0.7");
	free(v);
	assert_int_equal(store_setting_set(s, "nope", "x", "1", NULL, &err), -1);
	assert_string_equal(err.buf, "no program 'nope'");
	assert_int_equal(store_setting_set(s, "wcc", "dominance.share", NULL, NULL, &err), 0);
	assert_int_equal(store_setting_get(s, "wcc", "dominance.share", &v, &err), 1);
	program_release(&p);
	strbuf_release(&err);
	store_close(s);
}

/* The JSON fixture through the store and back out: the same bytes. */
static void
test_json_fixture_through_store(void **state)
{
	struct program p, q;
	struct model_error e;
	struct store *s;
	struct strbuf out = STRBUF_INIT, msg = STRBUF_INIT;
	char path[128];

	(void)state;
	program_init(&p);
	if (json_read_program("t.json", fixture_small, strlen(fixture_small), &p, &e) != 0 ||
	    model_validate(&p, &e) != 0) {
		model_error_format(&e, &msg);
		fail_msg("fixture: %s", msg.buf);
	}
	s = open_ok(db_path("json.db", path));
	save_ok(s, &p);
	load_ok(s, "p1", &q);
	assert_programs_equal(&p, &q);
	if (model_validate(&q, &e) != 0) {
		model_error_format(&e, &msg);
		fail_msg("loaded program: %s", msg.buf);
	}
	json_write_program(&q, &out);
	assert_string_equal(out.buf, fixture_small);
	program_release(&p);
	program_release(&q);
	strbuf_release(&out);
	strbuf_release(&msg);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_every_kind),
		cmocka_unit_test(test_long_link_lists),
		cmocka_unit_test(test_record_batches),
		cmocka_unit_test(test_missing_program_returns_1),
		cmocka_unit_test(test_second_save_writes_nothing),
		cmocka_unit_test(test_append_to_loaded_program),
		cmocka_unit_test(test_duplicate_program_refused),
		cmocka_unit_test(test_failed_save_leaves_nothing),
		cmocka_unit_test(test_migrations_idempotent),
		cmocka_unit_test(test_pragmas_in_force),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_backup_loads_equal),
		cmocka_unit_test(test_check_clean_and_dirty),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_json_fixture_through_store),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
