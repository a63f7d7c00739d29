#ifndef TRELLIS_APP_WRITE_H
#define TRELLIS_APP_WRITE_H
/*
 * The one write path (docs/architecture.md, "Writing"). Every change of a
 * program's records — a web form, the API, an import of an initiative's
 * records, network ratings, survey rounds, the command line — is a change
 * callback run by app_write_run (below), which goes:
 *
 *   app_write_begin   BEGIN IMMEDIATE (one writer at a time, any process),
 *                     then load, inside that transaction, what the change
 *                     is checked against: the catalog and the one
 *                     initiative (store_initiative_load) for a change of
 *                     an initiative's records, else the whole program
 *   app_add / app_update / app_delete (app/edit.h) on w->p: each change
 *                     made, validated, written and audited, joining the
 *                     transaction; an invalid one is undone in memory
 *   app_write_commit  COMMIT (each change wrote its own audit entry
 *                     into the transaction as it was made); or
 *   app_write_end     without a commit: ROLLBACK, nothing written
 *
 * Because the load happens after BEGIN IMMEDIATE, two writers can never
 * both check against the same old data and together break a rule that
 * only the model checks (the backbone a member, committee ⊆ members): the
 * second one's load sees the first one's commit. Readers (the web's pages)
 * learn of the change by the store's data version on their next request.
 */
#include "../model/model.h"

struct store;
struct strbuf;

struct app_write {
	struct store *s;
	struct program p;	/* what the change is made to */
	struct initiative *in;	/* the initiative in p (NULL for a program-level change) */
	int open;		/* a transaction is open */
	int changes;		/* app_write_changed: changes made and kept */
	/* once committed: the data version it set (0: nothing changed), and whether it moved the catalog's */
	int64_t version;
	int catalog;
	/* app_write_run gave up: the last of APP_WRITE_TRIES runs failed retryably too */
	int gave_up;
};

/*
 * Begins a write of program's records on s: of initiative's (its catalog
 * and records loaded) when initiative is set, else of the whole program.
 * Returns 0; 1 when there is no such program or initiative (nothing open);
 * -1 with err set. In every case end with app_write_end.
 */
int app_write_begin(struct app_write *w, struct store *s, const char *program,
    const char *initiative, struct strbuf *err);

/*
 * app_write_begin of initiative (never NULL) from a copy the caller holds:
 * from, a program with that initiative's records as initiatives.v[ini],
 * read at data version at (the server's cached snapshot). When nothing of
 * the initiative or the catalog changed since at — checked inside the
 * transaction — w->p is made from it (program_slice_copy) instead of read
 * from the store: the same slice, without the read. Otherwise, as
 * app_write_begin. Same returns.
 */
int app_write_begin_from(struct app_write *w, struct store *s, const char *program,
    const char *initiative, const struct program *from, size_t ini, int64_t at,
    struct strbuf *err);
/* Counts a change made through w (so that app_write_commit has something to commit). */
void app_write_changed(struct app_write *w);

/*
 * Commits the changes made through w. Returns 0 with w->version and
 * w->catalog set (store_committed_version: w->p is then what the data is
 * at that version, for a reader to keep), or -1 with err set and nothing
 * written (the data as before app_write_begin).
 */
int app_write_commit(struct app_write *w, struct strbuf *err);

/* Rolls back what is not committed and releases w->p. */
void app_write_end(struct app_write *w);

/*
 * A whole write, run again when the database asks for it: app_write_begin
 * (of initiative when set, else of the whole program), then change(w, arg,
 * err), which makes the change through w and returns 0 to commit, 1 to end
 * without a commit (nothing to do, or refused: the caller's arg says why),
 * or -1 with err set; then app_write_commit. When the begin, the change or
 * the commit fails and store_write_retryable says the write may succeed
 * when run again (PostgreSQL: serialization failure, deadlock, lock
 * timeout), w is rolled back and released and the whole runs again from
 * app_write_begin, at most APP_WRITE_TRIES times in all; never on SQLite.
 * So change may run more than once: each run must start from w alone and
 * from what the caller prepared before the write (what it keeps in arg is
 * overwritten, not added to; a record it hands to app/edit.h is a fresh
 * copy each run, since app_add and app_update take it), and nothing is
 * answered to anyone before this returns. Returns 0 committed (w->version
 * set); 1 no such program or initiative, or the change's 1; -1 with err
 * set and nothing written, w->gave_up set when every run failed
 * retryably (err then says "the database is busy with other changes
 * (tried 4 times); nothing was written: " and the database's message).
 * In every case end with app_write_end. This is the only place that
 * decides to run a write again.
 */
#define APP_WRITE_TRIES	4
typedef int app_write_fn(struct app_write *w, void *arg, struct strbuf *err);
int app_write_run(struct app_write *w, struct store *s, const char *program,
    const char *initiative, app_write_fn *change, void *arg, struct strbuf *err);

/*
 * app_write_run whose first run begins from a copy the caller holds
 * (app_write_begin_from; from NULL: as app_write_run). A run after a
 * conflict reads the store (app_write_begin): the copy is then likely old.
 */
int app_write_run_from(struct app_write *w, struct store *s, const char *program,
    const char *initiative, const struct program *from, size_t ini, int64_t at,
    app_write_fn *change, void *arg, struct strbuf *err);

/*
 * A whole write of what is not a program's records (accounts, settings,
 * survey answers and links, streamed imports, queued mail), run again as
 * app_write_run runs one:
 * store_write_begin, change(s, arg, err) (0 commit, 1 roll back and
 * return 1, -1 with err set), store_write_commit (the store's own
 * store_write_begin/commit pairs inside change join this transaction).
 * Same rule for change: it may run more than once. Returns 0, 1, or -1
 * with err set and nothing written, *gave_up (may be NULL) set as
 * w->gave_up above.
 */
typedef int app_txn_fn(struct store *s, void *arg, struct strbuf *err);
int app_txn_run(struct store *s, app_txn_fn *change, void *arg, int *gave_up,
    struct strbuf *err);

/*
 * Reads the whole of program slug into p (program_init'd), references
 * resolved: for what needs every initiative's records at once (a download
 * of the whole program). Everything else reads one initiative at a time.
 * Returns 0, 1 when there is no such program, or -1 with err set.
 */
int app_program_read(struct store *s, const char *slug, struct program *p,
    struct strbuf *err);

#endif
