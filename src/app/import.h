#ifndef TRELLIS_APP_IMPORT_H
#define TRELLIS_APP_IMPORT_H
/*
 * Reading an import (DESIGN §2.2), shared by `trellis import` and the web's
 * import page: trellis/1 JSON documents and CSV files read into a program
 * held in memory, then the whole program validated. The caller saves p
 * with app_import_save (all or nothing, with its audit log entry) only
 * when reading succeeded, so a bad file leaves the database exactly as it
 * was.
 */
#include <stddef.h>

#include "../model/model.h"
#include "../model/validate.h"

struct store;
struct strbuf;

/* An input already in memory. */
struct app_import_file {
	const char *name;	/* for errors ("FILE:LINE: FIELD: message"): a path or an upload's name */
	int which;		/* enum csv_file, or APP_IMPORT_JSON */
	const char *data;
	size_t len;
};
#define APP_IMPORT_JSON	(-1)

/*
 * Reads files[0..n) into p in order, then runs model_validate. p is either
 * empty (program_init'd: a JSON document becomes the program; CSV files
 * must then start with program.csv) or a program loaded from the store,
 * whose records the files add to: CSV rows are appended, and a JSON
 * document of the same program has its records added (its organizations,
 * people, instruments, learning questions and initiatives; the records of
 * an initiative p already holds are added to that initiative, whose own
 * fields stay as they are). New records have rowid 0. Returns 0, or -1
 * with e set ("name:line: field: message"); p then holds part of the input
 * and is only good for program_release.
 */
int app_import_read(struct program *p, const struct app_import_file *files, size_t n,
    struct model_error *e);

/*
 * The number of records of p (every record kind, built-in instruments not
 * counted), and of those not yet stored (rowid 0): what an import adds.
 */
size_t app_import_count(const struct program *p, int only_new);

/*
 * Saves what app_import_read added to p (store_program_save: the new
 * program, or the new records of a stored one) with the import's audit
 * log entry in the same transaction: actor, action "import", the kind of
 * the file (its table, "decisions.csv", or "trellis/1"; "csv" for several
 * files), initiative (the web's initiative import page; NULL for the
 * program), no record and no before, after {"file": NAME, "records": N}
 * ("files": [NAMES] for several), names without their directories.
 * Returns 0, or -1 with err set and nothing written.
 */
int app_import_save(struct store *s, struct program *p, const char *actor,
    const char *initiative, const struct app_import_file *files, size_t n,
    struct strbuf *err);

/*
 * On initiative slug's import page: refuses (-1, e at its line) a new
 * record (rowid 0) of p that is not an organization, a person or a record
 * of that initiative. With in set, looks at in's records only.
 */
int app_import_scope_check(const struct program *p, const struct initiative *in,
    const char *slug, struct model_error *e);

/*
 * The CSV import, streamed (docs/formats.md): files[0..n) sorted by
 * kind (enum csv_file), read from their paths, or from their data when
 * set (the web's upload, read in place). With program
 * NULL they make a new program (program.csv among them), else they add to
 * the stored program of that slug; with scope set (the web's initiative
 * page) only organizations, people and records of initiative scope
 * (app_import_scope_check), and the audit entry names scope. One write transaction: the catalog
 * (the stored one and the program-level files) is read and checked whole
 * and stored first; then each initiative in turn gets its rows of the
 * initiative-level files (streamed a chunk at a time when grouped by
 * initiative in the initiatives' order, else read whole first), its stored
 * records when it has new ones, is checked against the catalog
 * (model_resolve_initiative), stored and released. Memory: the catalog
 * plus one initiative. The audit log entry is app_import_save's. All or
 * nothing; one write (app_txn_run), run again from the files on a
 * conflict. Returns 0 with res filled (res->slug to free; res->progress,
 * set by the caller, is kept), -1 with e set
 * (the input: "FILE:LINE: FIELD: message"), -2 with err set (the store;
 * res->gave_up after the last conflict).
 */
struct app_import_result {
	char *slug;
	size_t records, initiatives;
	int gave_up;		/* -2: the database reported a conflict every time it ran (app_txn_run) */
	/* when set, told each stage ("validating", "saving initiative 3 of 100") */
	void (*progress)(void *arg, const char *stage);
	void *progress_arg;
};
int app_import_csv(struct store *s, const char *program, const char *scope,
    const struct app_import_file *files, size_t n, const char *actor,
    struct app_import_result *res, struct model_error *e, struct strbuf *err);

/*
 * The CLI's JSON import, streamed: file (a path; data unused) read a chunk
 * at a time. A first pass finds the byte range of each initiative
 * (json_scan_initiatives); the document without them (the program,
 * organizations, people, instruments) is read, checked and stored; then
 * each initiative is read from its range (json_read_record_at, with the
 * file's line numbers), checked against the catalog, stored and released;
 * last the learning questions, which name initiatives. One write
 * transaction, the audit entry of app_import_save. Returns as
 * app_import_csv, or 1 (nothing done) when the document's initiatives
 * cannot be found that way: read it whole (app_import_read) to learn why.
 */
int app_import_json(struct store *s, const struct app_import_file *file, const char *actor,
    struct app_import_result *res, struct model_error *e, struct strbuf *err);

#endif
