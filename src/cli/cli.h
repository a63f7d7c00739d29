#ifndef TRELLIS_CLI_H
#define TRELLIS_CLI_H
/*
 * The `trellis` command line: what every subcommand shares. Each subcommand
 * lives in its own cmd_NAME.c and is registered in main.c's table (git.c's
 * commands[]). A subcommand returns an exit status: CLI_OK, CLI_FAIL for a
 * failure (the message already printed to stderr), CLI_USAGE for a bad
 * command line.
 */
#include <stdio.h>

#include "../model/model.h"


struct store_audit_entry;
struct strbuf;
#define CLI_OK		0
#define CLI_FAIL	1
#define CLI_USAGE	2

#define CLI_DEFAULT_DB	"trellis.db"

/* What the global options and the environment say. */
struct cli {
	const char *db;		/* --db, else $TRELLIS_DB, else CLI_DEFAULT_DB */
	const char *program;	/* --program SLUG, or NULL */
};

/* One option a subcommand accepts. */
struct cli_opt {
	const char *name;	/* "seed" for --seed */
	const char *arg;	/* the value's name in help ("N"), NULL for a flag */
	const char **value;	/* where the value (or "1" for a flag) is stored */
	const char *help;	/* one line for --help */
};

/* A subcommand's description, for its --help. */
struct cli_cmd {
	const char *name;
	const char *usage;	/* after "trellis NAME": "[--seed N]" */
	const char *summary;	/* one line */
	const char *details;	/* paragraphs after the options, or NULL */
};

/*
 * Parses argv[1..argc) against opts (NULL-terminated by name) and the
 * global options --db and --program, which every subcommand accepts. The
 * remaining arguments are moved to the front of argv and counted in *nargs.
 * Returns -1 when the subcommand should go on; CLI_OK after `--help` printed
 * cmd's help to stdout; CLI_USAGE after a bad option was reported on stderr.
 */
int cli_parse(const struct cli_cmd *cmd, const struct cli_opt *opts,
    struct cli *c, int argc, char **argv, int *nargs);

/*
 * The language of messages and reports (docs/cli.md, docs/i18n.md): the
 * environment's, read the way gettext reads it — LANGUAGE's first entry
 * Trellis speaks, unless the locale of LC_ALL, LC_MESSAGES or LANG (the
 * first set) is C or POSIX; else that locale's language ("es_US.UTF-8").
 * Only the messages' language changes: numbers and JSON/CSV never do.
 */
int cli_lang_from_env(void);
/*
 * Makes lang (enum lang) the language of what follows, binding the
 * catalogs first (once: every command but serve calls it at start, so that
 * a mail can be written in its recipient's language). Returns 0, or -1 when
 * lang's catalog or locale is missing (a note on stderr; English then).
 */
int cli_lang_use(int lang);

/* Prints "trellis NAME: message" and the usage line to stderr; returns CLI_USAGE. */
int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Characters on screen of UTF-8 s: continuation bytes take no column. */
size_t cli_width(const char *s);
/* Prints s to stdout padded to w characters on screen, then a gap of two: a table's cell. */
void cli_pad(const char *s, size_t w);

/* Prints "trellis: message" (one line) to stderr; returns CLI_FAIL. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Reads the whole file at path into *data (NUL-terminated, caller frees)
 * and *len; "-" is standard input. Anything but a regular file (a
 * directory, a FIFO, a device such as /dev/zero) is refused at once, and no
 * more than 2 GiB is read. On failure prints "PATH: cannot read: REASON"
 * and returns -1.
 */
int cli_read_file(const char *path, char **data, size_t *len);

/*
 * Writes data[0..len) to path through a temporary file in the same
 * directory renamed into place, so a reader never sees half a file.
 * On failure prints one line naming path and returns -1.
 */
int cli_write_file(const char *path, const char *data, size_t len);

/* A piece of what cli_write_pieces writes: all of file, or (file NULL) len bytes at data. */
struct cli_piece {
	const char *data;
	size_t len;
	FILE *file;
};

/*
 * Writes the pieces one after another to path, as cli_write_file does, or
 * to standard output when path is NULL. A file piece is read from its
 * start, a block at a time. On failure prints one line and returns -1.
 */
int cli_write_pieces(const char *path, const struct cli_piece *pieces, size_t n);

/*
 * Progress of long work (imports, exports), shown on a terminal only. Once
 * the work has run for a second, a timer rewrites one line of stderr with
 * \r every second: the current stage and the seconds so far. Quick work
 * prints nothing. cli_progress_done stops the timer and clears the line;
 * call it before printing anything else. One progress at a time.
 */
struct cli_progress {
	int active;		/* a terminal, and the timer is set */
};
void cli_progress_begin(struct cli_progress *pg, const char *what);
void cli_progress_stage(struct cli_progress *pg, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_progress_done(struct cli_progress *pg);
/* Clears the progress line, if one is shown, so a message can be printed. */
void cli_progress_clear(void);

/* ---------------------------------------------------------------- the store (cli_store.c) */

struct store;
struct model_error;

/*
 * Opens the database c->db. Without create, a missing file is an error
 * ("no database here") rather than a new empty one. Prints one line and
 * returns -1 on failure; *s is closed with store_close.
 */
int cli_store_open(const struct cli *c, int create, struct store **s);
/*
 * Whether the database c names is there: its file exists, or it is a
 * PostgreSQL URL (whose database exists or fails to connect).
 */
int cli_db_exists(const struct cli *c);
/* Removes the database file path (and its journals) that a failed command created. */
void cli_remove_new_db(const char *path);

/*
 * Chooses the program to act on: --program, else the only one in the
 * database. Returns 0 with *slug set (caller frees), or CLI_FAIL / CLI_USAGE
 * with the reason printed (no program; several and no --program).
 */
int cli_store_pick(const struct cli *c, struct store *s, char **slug);

/* Returns 1 when the database holds a program slug, 0 when not, -1 on error (printed). */
int cli_store_has(struct store *s, const char *slug);

/*
 * The audit log's actor for the command line's changes: "cli:" and the
 * Unix user running it (its name, else its uid). Every command that
 * changes a program records its changes as this actor, in the change's own
 * transaction (app/edit.h and app_import_save do it themselves; other
 * writes take the entry cli_audit makes and write it with the change).
 */
const char *cli_actor(void);
/* The audit log entry of a change by cli_actor, now (store.h; the strings are the caller's). */
struct store_audit_entry cli_audit(const char *action, const char *kind,
    const char *initiative, const char *record, const char *before, const char *after);

/*
 * Loads the chosen program into p (program_init'd). Returns 0, or CLI_FAIL
 * / CLI_USAGE with the reason printed.
 */
int cli_store_load(const struct cli *c, struct store *s, struct program *p);
/*
 * Loads program slug (the whole of it), or with initiative set only its
 * catalog and that initiative (store_initiative_load), references
 * resolved. Returns 0, or CLI_FAIL with the reason printed.
 */
int cli_store_load_slug(const struct cli *c, struct store *s, const char *slug,
    const char *initiative, struct program *p);
/*
 * Loads, resolved, what a balance report of one initiative over the window
 * from..to reads (store_report_load), and puts the reason of a failure in
 * *why (one line, without "trellis: ") instead of printing it: report's
 * worker threads, whose first failure in initiative order is printed.
 */
int cli_store_load_report(const struct cli *c, struct store *s, const char *slug,
    const char *initiative, tdate from, tdate to, struct program *p, struct strbuf *why);
/* Loads program slug's catalog (store_catalog_load: no initiative's records), resolved. */
int cli_store_load_catalog(const struct cli *c, struct store *s, const char *slug,
    struct program *p);
/*
 * Adds to p, a partial program, the organizations orgs[0..n) it does not
 * hold yet (store_catalog_org; one the store has not either stays
 * missing) and resolves p again. Returns 0, or CLI_FAIL with the reason
 * printed.
 */
int cli_store_add_orgs(const struct cli *c, struct store *s, struct program *p,
    const char *const *orgs, size_t n);

/*
 * Reads the program's report thresholds (trellis settings) over the
 * defaults into *set. Prints one line and returns -1 on failure.
 */
struct metrics_settings;
int cli_store_settings(const struct cli *c, struct store *s, const char *program,
    struct metrics_settings *set);

/*
 * Opens the database (never creating it), chooses the program (*slug, the
 * caller frees it) and reads its settings. Returns 0, or CLI_FAIL /
 * CLI_USAGE with the reason printed; *s is then NULL or to be closed.
 */
int cli_open_program(const struct cli *c, struct store **s, char **slug,
    struct metrics_settings *set);

/* Prints "trellis: PATH: msg", or "trellis: msg" when msg names path already. */
void cli_path_error(const char *path, const char *msg);

/* Prints e as its one line "FILE:LINE: FIELD: message" to stderr. */
void cli_model_error(const struct model_error *e);

/* The subcommands. argv[0] is the subcommand's name. */
int cmd_init(int argc, char **argv, struct cli *c);
int cmd_import(int argc, char **argv, struct cli *c);
int cmd_copy(int argc, char **argv, struct cli *c);
int cmd_export(int argc, char **argv, struct cli *c);
int cmd_demo(int argc, char **argv, struct cli *c);
int cmd_check(int argc, char **argv, struct cli *c);
int cmd_backup(int argc, char **argv, struct cli *c);
int cmd_stats(int argc, char **argv, struct cli *c);
int cmd_report(int argc, char **argv, struct cli *c);
int cmd_settings(int argc, char **argv, struct cli *c);
int cmd_capacity(int argc, char **argv, struct cli *c);
int cmd_serve(int argc, char **argv, struct cli *c);
int cmd_user(int argc, char **argv, struct cli *c);
int cmd_token(int argc, char **argv, struct cli *c);
int cmd_survey(int argc, char **argv, struct cli *c);
int cmd_mail(int argc, char **argv, struct cli *c);

struct mail_config;
/*
 * The mail options --smtp, --mail-from, --smtp-auth-file, --url of cmd (NULL
 * when not given: then $TRELLIS_SMTP, $TRELLIS_MAIL_FROM, $TRELLIS_URL) into out. Returns
 * CLI_OK, or CLI_USAGE / CLI_FAIL with the reason printed
 * (cmd_mail.c; release out with mail_config_release).
 */
int cli_mail_config(const struct cli_cmd *cmd, const char *smtp, const char *from,
    const char *authfile, const char *url, struct mail_config *out);

#endif
