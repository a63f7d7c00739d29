#ifndef TRELLIS_STORE_H
#define TRELLIS_STORE_H
/*
 * The store: where programs live. This API is all the rest of Trellis sees;
 * only src/store/ includes sqlite3.h and libpq-fe.h: the same functions run
 * on SQLite or PostgreSQL (store/db.h, docs/postgresql.md).
 *
 * Every function returns 0 on success or -1 on failure, with a one-line
 * message in *err (a strbuf the caller owns) saying what went wrong.
 *
 * A struct store is one database connection with its prepared statements:
 * use it from one thread at a time (open one per thread), and never across
 * a fork().
 */
#include "../model/model.h"

struct kind;
struct strbuf;
struct store;
struct store_audit_entry;

/*
 * Opens the database at path, creating it when create is set, applies the
 * settings of RELIABILITY.md and any pending schema migrations. A path of
 * the form postgresql://... (libpq's URL) opens that PostgreSQL database,
 * which must exist (create has no effect there).
 * *out is freed with store_close.
 */
int store_open(const char *path, int create, struct store **out, struct strbuf *err);
/* Whether the database had no schema yet when store_open opened it (init's "Created"). */
int store_schema_was_empty(const struct store *s);
/* Whether path names a PostgreSQL database (postgresql:// or postgres://) rather than a file. */
int store_is_url(const char *path);
void store_close(struct store *s);

/* Appends the slugs of every program, in slug order, to *slugs (caller frees each). */
struct store_slugs {
	char **v;
	size_t n, alloc;
};
int store_program_slugs(struct store *s, struct store_slugs *slugs, struct strbuf *err);
void store_slugs_release(struct store_slugs *slugs);

/*
 * Loads the program slug into p (program_init'd by the caller), every record
 * in its stored order, rowids set. Returns 0, -1 on error, or 1 when there is
 * no such program.
 */
int store_program_load(struct store *s, const char *slug, struct program *p, struct strbuf *err);

/*
 * Loads the catalog of program and one initiative of it into p
 * (program_init'd by the caller): the program's own fields, its
 * instruments, the organizations and people that initiative names anywhere
 * in its records (not the program's others), and the initiative with every
 * record, each in stored order, rowids set. p->partial is set: p is good
 * for reports, pages and changes of that initiative, never for a whole
 * export or save. Learning questions are left out (the program's agenda).
 * Cost follows the initiative: each table is read by its initiative_id
 * index. Inside a write transaction (store_write_begin) the write is
 * taken to change that initiative's records (store_versions). Returns 0, -1 on error, or 1 when there is no such program or no
 * such initiative in it.
 */
int store_initiative_load(struct store *s, const char *program, const char *initiative,
    struct program *p, struct strbuf *err);

/*
 * As store_initiative_load, for a balance report of the window from..to
 * (both inclusive) and nothing else: of the initiative's decisions,
 * applications, credits, events and network ratings, which the report
 * reads only in its window (DESIGN §3: a record is in the window by its
 * own date, a decision by its decided date), only those dated in it are
 * read, with their link rows; of its ledger, the entries in the window,
 * and of those before it the approved cents by grant and budget line
 * (struct grant's carried); no approval, proposal, follow-up or
 * assistance. The report of that window (metrics_report, with
 * metrics_window_start(to, months) as from) is the same, byte for byte, as
 * of store_initiative_load's program; the program is good for that report
 * and its capacity only, never for a page, a change or another window. A
 * window of no real dates (DATE_NONE, reversed, a year outside 1..9999) reads
 * those records whole.
 */
int store_report_load(struct store *s, const char *program, const char *initiative,
    tdate from, tdate to, struct program *p, struct strbuf *err);

/*
 * For a change to a partial program (store_initiative_load): adds to p the
 * organizations and people that rec, a record of kind k, names and p does
 * not hold yet (and a person's organization), read from the store, so that
 * checking the change finds them. A name the store does not hold either is
 * left for model_validate to report. Does nothing for a whole program.
 * Pointers into p's organizations and people may move.
 */
int store_catalog_complete(struct store *s, struct program *p, const struct kind *k,
    const void *rec, struct strbuf *err);

/*
 * For a partial program: adds to p the organization slug, read from the
 * store, when p does not hold it yet (nothing when the store has none
 * either). Does nothing for a whole program. Resolve p again after.
 */
int store_catalog_org(struct store *s, struct program *p, const char *slug,
    struct strbuf *err);

/*
 * Loads the catalog of program slug into p (program_init'd): the program,
 * its organizations, people, instruments, learning questions and every
 * initiative's own fields (backbone, committee, director, shared result),
 * without any initiative's records. p->partial is PROGRAM_CATALOG.
 * Returns 0, -1 on error, or 1 when there is no such program.
 */
int store_catalog_load(struct store *s, const char *slug, struct program *p,
    struct strbuf *err);

/* Appends the slugs of program's initiatives, in stored order, to *slugs (caller frees each). */
int store_initiative_slugs(struct store *s, const char *program, struct store_slugs *slugs,
    struct strbuf *err);

/*
 * One write transaction around several store calls (BEGIN IMMEDIATE: one
 * writer at a time, so what is read inside is what the change is checked
 * against). Loads and writes made through s until the commit join it; an
 * inner failure dooms it, and the commit then fails and writes nothing.
 * store_write_commit writes audit, the change's audit log entry (NULL:
 * none), and commits; or rolls back, writing neither, and returns -1.
 * Inside an outer write transaction it writes the entry there and leaves
 * the commit to the outer one, so the entry goes with the change either
 * way. store_write_rollback gives it up.
 */
int store_write_begin(struct store *s, struct strbuf *err);
/*
 * The data's version in *v: a counter every write transaction moves, from
 * any process (anonymous survey answers too). Larger than the one a copy
 * was read at means the copy is old.
 */
int store_data_version(struct store *s, int64_t *v, struct strbuf *err);

/*
 * Changes committed by other processes, as they commit (several servers on
 * one PostgreSQL database: docs/postgresql.md). Every write that moves the
 * catalog's version or an initiative's tells, on STORE_CHANNEL, "catalog
 * N" or "initiative N PROGRAM SLUG" (N the data version it set).
 * store_listen subscribes s (a connection kept for this alone): 0, 1 when
 * the backend tells nothing (SQLite: the data's versions are the only
 * way), -1 with err set. store_changes_wait waits at most timeout_ms and
 * calls fn with each change's text; returns how many came, or -1 with err
 * set when the connection is lost (s is then good only for store_close).
 * Only a hint: a reader must still check the data's versions (a change may
 * commit before its notification is read).
 */
#define STORE_CHANNEL "trellis_changes"
int store_listen(struct store *s, struct strbuf *err);
int store_changes_wait(struct store *s, int timeout_ms, void (*fn)(void *arg, const char *what),
    void *arg, struct strbuf *err);
/* Asks the listening s for an answer (db_ping): 0 asked, 1 the last one unanswered, -1. */
int store_changes_ping(struct store *s, struct strbuf *err);

/*
 * The data's versions (schema.c, migration 4): data, moved by every
 * write; catalog, the data version of the last change beyond one
 * initiative's records; initiative, that of the last change to the
 * records of initiative slug (0 when none, or slug NULL). A copy of an
 * initiative made at data version V is current while catalog and
 * initiative are both at most V.
 */
struct store_versions {
	int64_t data, catalog, initiative;
};
int store_versions(struct store *s, const char *initiative, struct store_versions *v,
    struct strbuf *err);
/*
 * Inside a write (store_write_begin): whether a copy of initiative slug
 * (row id rowid) made at data version at is still what the store holds
 * (store_versions, read inside the write, so no other writer can move it
 * before the commit). When it is, the write is taken to change that
 * initiative, as store_initiative_load inside a write takes it, and the
 * copy may stand for that read. Returns 1 current, 0 not, -1 with err set.
 */
int store_write_current(struct store *s, const char *slug, int64_t rowid, int64_t at,
    struct strbuf *err);
int store_write_commit(struct store *s, const struct store_audit_entry *audit,
    struct strbuf *err);
/*
 * The data version the last write committed through s set (its
 * initiatives' versions too), or 0 when it changed nothing; *catalog (may
 * be NULL) says whether it moved the catalog's version. A copy of what
 * that write left, made inside it, is current at that version.
 */
int64_t store_committed_version(const struct store *s, int *catalog);
void store_write_rollback(struct store *s);
/*
 * A bulk write (the CSV and JSON imports) between store_bulk(s, 1) and
 * store_bulk(s, 0): SQLite's page cache is STORE_BULK_CACHE_KIB for its
 * duration, so the pages of the B-trees being filled stay in memory rather
 * than going to the WAL and back before the commit (P1, docs/benchmarks.md);
 * and temp_store is MEMORY, so each statement's journal (the pages it
 * changed, kept until it ends, to undo it alone) stays in memory instead of
 * going to a temporary file once a statement has needed more than 64 KiB
 * (2.4 million pwrite64 calls at national scale). Then both are put back as
 * they were. Nothing on PostgreSQL. A failure changes nothing but the
 * speed, and is not reported.
 */
#define STORE_BULK_CACHE_KIB	32768
void store_bulk(struct store *s, int on);
/*
 * The first write into a database this process has just created (store_open
 * found no schema in it): store_new_file(s, 1) before it, outside any
 * transaction, puts the file in SQLite's rollback-journal mode, so the
 * pages the write adds go once into the database file instead of into the
 * WAL and then again into the file at the checkpoint (P1,
 * docs/benchmarks.md "P1 (ninth session)"). The write stays all or nothing:
 * a page past the file's size at its begin needs no journal, and the few
 * pages the schema already had are journaled, so a rollback, a failed
 * commit or a kill leaves (after SQLite's recovery at the next open) the
 * database as the migrations left it, with no row. store_new_file(s, 0),
 * after the write's commit or rollback, puts WAL mode back. Refused
 * (nothing changed, 0 returned) for a database that had a schema at open
 * or is not SQLite, and when SQLite will not leave WAL mode (another
 * connection has the file open): the write then goes through the WAL as
 * every other. -1 with err when WAL mode cannot be set again.
 */
int store_new_file(struct store *s, int on, struct strbuf *err);
/*
 * Whether the last write transaction begun on s failed (at its begin, a
 * statement or its commit) in a way that may succeed when the whole write
 * runs again: on PostgreSQL a serialization failure, a deadlock or a lock
 * timeout (SQLSTATE 40001, 40P01, 55P03). Always 0 on SQLite, where a busy
 * database has waited its timeout already. (app_write_run retries by it.)
 */
int store_write_retryable(const struct store *s);

/*
 * Stores every record of p whose rowid is 0 — the program itself when new,
 * and each new record beneath it — with audit, the change's audit log
 * entry (NULL: none), in one BEGIN IMMEDIATE transaction, and sets their
 * rowids. p must have passed model_validate. All or nothing: on failure
 * nothing is written and the rowids are left as they were.
 */
int store_program_save(struct store *s, struct program *p, const struct store_audit_entry *audit,
    struct strbuf *err);

/*
 * store_program_save for one initiative in of p (the import's streaming,
 * app/import.c): stores in itself when new (rowid 0), its new records and
 * their children, nothing else of p. p must be stored, and so must the
 * records of p that in's references index.
 */
int store_initiative_save(struct store *s, struct program *p, struct initiative *in,
    struct strbuf *err);

/*
 * Runs the integrity and foreign key checks and appends each finding, one
 * per line, to report. Returns 0 when clean; -1 with findings (err then says
 * how many) or when the checks could not run (report then empty).
 */
int store_check(struct store *s, struct strbuf *report, struct strbuf *err);

/*
 * Program settings (report thresholds and the like), as text by name.
 * store_setting_get sets *value to a copy the caller frees and returns 0, or
 * returns 1 (value NULL) when the setting or program does not exist.
 * store_setting_set stores value, or deletes the setting when value is NULL;
 * it fails when there is no such program. audit (NULL: none) is the
 * change's audit log entry, written in its transaction.
 */
int store_setting_get(struct store *s, const char *program, const char *name,
    char **value, struct strbuf *err);
/*
 * Every setting of program in one read (one round trip on PostgreSQL),
 * into pairs (store_slugs_release frees it): v[2i] a name, v[2i + 1] its
 * value, by name. 0, or -1 with err set.
 */
int store_settings_get(struct store *s, const char *program, struct store_slugs *pairs,
    struct strbuf *err);
int store_setting_set(struct store *s, const char *program, const char *name,
    const char *value, const struct store_audit_entry *audit, struct strbuf *err);

/*
 * Copies the live database to dest with the online backup API: a
 * consistent snapshot, taken while writers go on. dest must not exist (a
 * backup never overwrites a file); on failure nothing is left at dest.
 */
int store_backup(struct store *s, const char *dest, struct strbuf *err);

/*
 * Editing one record (edit.c), each in one BEGIN IMMEDIATE transaction,
 * rolled back on any error. New records are added with store_program_save.
 *
 * store_record_update writes the stored record rec, of kind k, held in p
 * (p is where references are looked up; a ledger entry's grant in the
 * initiative that holds rec): every field, its lists of references
 * replaced in order, and its child lists that nothing references (a
 * grant's budget lines, an instrument's items, a survey's responses, a
 * learning question's notes) replaced, their new rowids set in rec. An
 * initiative's or the program's record lists are never touched: they are
 * records of their own. kind_program updates the program's own fields.
 * On failure the database and rec's rowids are as they were. Both write
 * audit, the change's audit log entry (NULL: none), in their transaction.
 */
int store_record_update(struct store *s, struct program *p, const struct kind *k,
    void *rec, const struct store_audit_entry *audit, struct strbuf *err);

/*
 * Whether a row the schema does not guard still names record rowid of
 * kind k (surveys an instrument, learning notes an initiative, a learning
 * note's evidence a decision or check-in, by text): 1 with what it is
 * appended to what ("a learning note names it as evidence (under the
 * question “…”)"), 0 when none does, -1 with err set.
 */
int store_record_named(struct store *s, const struct kind *k, int64_t rowid, struct strbuf *what,
    struct strbuf *err);

/*
 * Deletes the record of kind k with that rowid, its lists and children.
 * Refuses, leaving the database unchanged, when other records still name
 * it (an organization a decision names, a grant with ledger entries, an
 * instrument a survey uses, an initiative a learning note names, a
 * decision or check-in a note names as evidence). The program itself
 * cannot be deleted here.
 */
int store_record_delete(struct store *s, const struct kind *k, int64_t rowid,
    const struct store_audit_entry *audit, struct strbuf *err);

/*
 * Whether a learning note of program names as evidence a decision or
 * check-in its initiative does not have (a streaming import checks its
 * result, inside its transaction, with this): 1 with what in out, 0 when
 * none does, -1 with err set.
 */
int store_evidence_dangling(struct store *s, const char *program, struct strbuf *out,
    struct strbuf *err);

/* ---------------------------------------------------------------- the audit log's writing */

/*
 * The audit log entry of a change, written in the change's own transaction
 * (DESIGN §7: every change recorded with who, when, before and after): the
 * caller passes it to the write that makes the change (store_write_commit,
 * store_setting_set, store_user_add, store_survey_invite, ...), which
 * inserts it just before its COMMIT, so the change and its entry are kept
 * together or neither is: when the insert fails the change is rolled back
 * and the write fails. A write refused or failed writes no entry. Nothing
 * is ever left on the connection for a later write; an anonymous survey
 * answer takes no entry at all (survey_rounds.h: nothing may tie an answer
 * to anyone).
 *
 * record NULL with rowid set names the record by *rowid in decimal, read
 * when the entry is written: an added record without a key (an
 * observation, a tie) has its rowid only once inserted. A write given an
 * entry whose action is not one of the four fails, writing nothing.
 */
struct store_audit_entry {
	const char *actor;		/* an account's email, "cli:<unix user>" */
	const char *action;		/* "create", "update", "delete", "import" */
	const char *kind;
	const char *initiative;		/* or NULL */
	const char *record;		/* or NULL */
	const char *before, *after;	/* JSON text, or NULL */
	int64_t at;			/* Unix seconds */
	const int64_t *rowid;		/* see above; NULL unless record is NULL */
	/* the program's slug; NULL: the only program's, or none when there are several */
	const char *program;
};

/*
 * Records one change. Runs in the caller's open transaction when there is
 * one, else on its own: for changes, pass the entry to the change's own
 * write instead, which puts it in the change's transaction. initiative, record, before,
 * after may be NULL. Returns 1 when action is not one of the four.
 */
int store_audit_add(struct store *s, const char *actor, const char *action,
    const char *kind, const char *initiative, const char *record,
    const char *before, const char *after, int64_t at, struct strbuf *err);
/* The same, of program (NULL: as entry->program above). */
int store_audit_add_in(struct store *s, const char *program, const char *actor,
    const char *action, const char *kind, const char *initiative, const char *record,
    const char *before, const char *after, int64_t at, struct strbuf *err);

#endif
