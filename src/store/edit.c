/*
 * Editing one stored record: update and delete, each all or nothing.
 *
 * The rows are written by program.c's generic record writer
 * (store_record_write), the same binding that inserts them, so an edited
 * record is stored exactly as an imported one. What this file adds is the
 * transaction, the replacement of a record's child lists, and the checks
 * that keep a delete from taking other records' references with it.
 *
 * How references are kept (migration 1): references between records are
 * foreign keys without an ON DELETE action, so the database itself refuses to
 * delete an organization a decision names or a grant with ledger entries.
 * Some references are not such keys, and are checked here before deleting:
 * a survey names its instrument by code (text), a learning note's
 * initiatives (note_initiative) cascade on delete, and a note's evidence
 * names a decision or check-in by its initiative and id (text).
 */
#include <stdlib.h>
#include <string.h>

#include "../model/fields.h"
#include "store_impl.h"
#include "../util/strbuf.h"
#include "../util/vec.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* A rowid saved before an update changes it, restored if the update fails. */
struct saved_rowid {
	int64_t *at;
	int64_t was;
};

typedef VEC(struct saved_rowid) saved_rowids;

/*
 * Whether the list of kind sub under a record of table parent is
 * append-only: it has no del_of (a ledger entry's approvals).
 */
static int
append_only(int parent, const struct kind *sub)
{
	for (int t = 0; t < T__MAX; t++)
		if (store_tables[t].parent == parent && store_tables[t].k == sub)
			return store_tables[t].del_of == ST_BEGIN;
	return 0;
}

/*
 * Saves, then zeroes, the rowids of every record in the lists beneath rec
 * (of table t), but for an append-only list's: those rows stay.
 */
static void
forget_children(int t, const struct kind *k, void *rec, saved_rowids *saved)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		struct anyvec *list;

		if (f->type != FT_LIST || append_only(t, f->sub))
			continue;
		list = FIELD_VEC(rec, f);
		for (size_t j = 0; j < list->n; j++) {
			struct rec_head *child = (void *)((char *)list->v + j * f->sub->size);
			struct saved_rowid *sr = VEC_PUSH(saved);

			sr->at = &child->rowid;
			sr->was = child->rowid;
			child->rowid = 0;
			forget_children(store_table_of(f->sub), f->sub, child, saved);
		}
	}
}

/* Returns 1 when rec lies inside one of the record lists of initiative in. */
static int
holds(const struct initiative *in, const void *rec)
{
	for (int i = 0; i < kind_initiative.nfields; i++) {
		const struct field *f = &kind_initiative.fields[i];
		const struct anyvec *list;
		const char *lo, *hi;

		if (f->type != FT_LIST)
			continue;
		list = FIELD_VEC(in, f);
		lo = list->v;
		hi = lo + list->n * f->sub->size;
		if (list->n && (const char *)rec >= lo && (const char *)rec < hi)
			return 1;
	}
	return 0;
}

/* The initiative of p whose lists hold rec, or NULL. */
static struct initiative *
initiative_of(struct program *p, const void *rec)
{
	for (size_t i = 0; i < p->initiatives.n; i++)
		if (holds(&p->initiatives.v[i], rec))
			return &p->initiatives.v[i];
	return NULL;
}

/* Runs a statement taking one rowid; returns 0 or -1 with err set. */
static int
run_with_rowid(struct store *s, enum stmt id, int64_t rowid, struct strbuf *err,
    const char *what)
{
	struct db_stmt *st = store_stmt(s, id, err);
	int ret = -1;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, rowid);
	if (db_step(st) != DB_DONE)
		store_sqlerr(s, err, what);
	else
		ret = 0;
	store_stmt_done(st);
	return ret;
}

/*
 * Replaces the child lists of rec (table t) in the database: deletes the
 * stored children, then inserts the ones rec holds now as new rows. Only
 * for lists nothing references (see store_table.del_of). An append-only
 * list keeps its stored rows; only its new ones (rowid 0) are inserted.
 */
static int
replace_children(struct store_save *sv, int t, void *rec, saved_rowids *saved)
{
	int64_t rowid = ((struct rec_head *)rec)->rowid;

	for (int c = 0; c < T__MAX; c++)
		if (store_tables[c].parent == t && store_tables[c].del_of != ST_BEGIN &&
		    run_with_rowid(sv->s, store_tables[c].del_of, rowid, sv->err,
		    "cannot replace a record's children") == -1)
			return -1;
	forget_children(t, store_tables[t].k, rec, saved);
	return store_children_save(sv, t, rec);
}

int
store_record_update(struct store *s, struct program *p, const struct kind *k,
    void *rec, const struct store_audit_entry *audit, struct strbuf *err)
{
	struct store_save sv = { s, p, NULL, { NULL, 0, 0 }, err };
	saved_rowids saved = { NULL, 0, 0 };
	int t = store_table_of(k), ret = -1;

	if (t == -2 || ((struct rec_head *)rec)->rowid == 0) {
		strbuf_reset(err);
		strbuf_addf(err, "internal error: %s record to update is %s", k->name,
		    t == -2 ? "of no stored kind" : "not stored");
		return -1;
	}
	sv.ini = initiative_of(p, rec);
	if (store_begin(s, err) == -1)
		return -1;
	if (store_record_write(&sv, t, rec, 0) == -1)
		goto out;
	/* an initiative's and the program's lists are records of their own */
	if (t != T_PROGRAM && t != T_INITIATIVE &&
	    replace_children(&sv, t, rec, &saved) == -1)
		goto out;
	if (store_write_commit(s, audit, err) == -1)
		goto out;
	ret = 0;
out:
	if (ret == -1) {
		store_rollback(s);
		for (size_t i = 0; i < sv.assigned.n; i++)
			*sv.assigned.v[i] = 0;
		for (size_t i = 0; i < saved.n; i++)
			*saved.v[i].at = saved.v[i].was;
	}
	VEC_FREE(&saved);
	VEC_FREE(&sv.assigned);
	return ret;
}

/*
 * References the schema does not guard, asked before a delete: the
 * statement counts the rows that still name the record ?1.
 */
static const struct {
	int table;
	enum stmt count;
	const char *named_by;
} unguarded[] = {
	{ T_INSTRUMENT, ST_INSTRUMENT_USED, N_("surveys use it") },
	{ T_INITIATIVE, ST_INITIATIVE_NOTED, N_("learning notes name it") },
	/* a learning note's evidence names them by their initiative and id (text) */
	{ T_DECISION, ST_DECISION_EVIDENCED, N_("a learning note names it as evidence") },
	{ T_CHECKIN, ST_CHECKIN_EVIDENCED, N_("a learning note names it as evidence") },
};

/* What may still name a record of each table, for the refusal's message. */
static const char *
named_by(int t)
{
	switch (t) {
	case T_ORG:
		return _("people, initiatives, candidacies or records still name it");
	case T_PERSON:
		return _("an initiative's director or a check-in still names them");
	case T_GRANT:
		return _("ledger entries still name it");
	default:
		return _("other records still name it");
	}
}

/*
 * Sets *n to the count the statement id gives for rowid, and appends to
 * which what it names beside it (a learning question), when it does.
 */
static int
count_rows(struct store *s, enum stmt id, int64_t rowid, int64_t *n, struct strbuf *which,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, id, err);
	int ret = -1;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, rowid);
	if (db_step(st) == DB_ROW) {
		*n = db_column_int64(st, 0);
		if (db_column_count(st) > 1 && !db_column_null(st, 1))
			strbuf_addstr(which, db_column_text(st, 1));
		ret = 0;
	} else
		store_sqlerr(s, err, "cannot check a record's references");
	store_stmt_done(st);
	return ret;
}

int
store_record_named(struct store *s, const struct kind *k, int64_t rowid, struct strbuf *what,
    struct strbuf *err)
{
	int t = store_table_of(k);
	struct strbuf which = STRBUF_INIT;
	int ret = 0;

	for (size_t i = 0; ret == 0 && i < sizeof(unguarded) / sizeof(unguarded[0]); i++) {
		int64_t n = 0;

		if (unguarded[i].table != t)
			continue;
		strbuf_reset(&which);
		if (count_rows(s, unguarded[i].count, rowid, &n, &which, err) == -1)
			ret = -1;
		else if (n > 0) {
			strbuf_addstr(what, _(unguarded[i].named_by));
			if (which.len)
				/* TRANSLATORS: after "learning notes name it": the question they are under */
				strbuf_addf(what, _(" (under the question “%s”)"), which.buf);
			ret = 1;
		}
	}
	strbuf_release(&which);
	return ret;
}

int
store_record_delete(struct store *s, const struct kind *k, int64_t rowid,
    const struct store_audit_entry *audit, struct strbuf *err)
{
	int t = store_table_of(k), ret = -1, rc;
	struct db_stmt *st = NULL;
	struct strbuf what = STRBUF_INIT;
	const char *name;

	strbuf_reset(err);
	if (t < 0) {
		strbuf_addf(err, _("a %s record cannot be deleted"), k->name);
		return -1;
	}
	name = k->name;
	if (store_begin(s, err) == -1)
		return -1;
	strbuf_addf(&what, "cannot delete from %s: ", name);
	if ((rc = store_record_named(s, k, rowid, &what, err)) != 0) {
		if (rc == 1) {
			strbuf_reset(err);
			strbuf_add(err, what.buf, what.len);
		}
		goto out;
	}
	if ((st = store_stmt(s, store_tables[t].del, err)) == NULL)
		goto out;
	db_bind_int64(st, 1, rowid);
	rc = db_step(st);
	if (rc != DB_DONE) {
		if (db_error_kind(s->db) == DB_ERR_FOREIGN_KEY) {
			strbuf_reset(err);
			/* TRANSLATORS: a table's name (a code), then why */
			strbuf_addf(err, _("cannot delete from %s: %s"), name, named_by(t));
		} else
			store_sqlerr(s, err, "cannot delete a record");
		goto out;
	}
	if (db_changes(s->db) != 1) {
		strbuf_reset(err);
		strbuf_addf(err, _("no such %s record (row %lld)"), name, (long long)rowid);
		goto out;
	}
	store_stmt_done(st);
	st = NULL;
	if (store_write_commit(s, audit, err) == -1)
		goto out;
	ret = 0;
out:
	store_stmt_done(st);
	strbuf_release(&what);
	if (ret == -1)
		store_rollback(s);
	return ret;
}

int
store_evidence_dangling(struct store *s, const char *program, struct strbuf *out,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_EVIDENCE_DANGLING, err);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, program);
	rc = db_step(st);
	if (rc == DB_ROW) {
		int decision = strcmp(db_column_text(st, 0), "decision") == 0;

		strbuf_addf(out, "a learning note's evidence names %s '%s', which initiative '%s' "
		    "does not have", decision ? "decision" : "check-in",
		    db_column_text(st, 2), db_column_text(st, 1));
	} else if (rc != DB_DONE)
		store_sqlerr(s, err, "cannot check the learning notes' evidence");
	store_stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}
