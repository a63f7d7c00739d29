/*
 * The driver (db.h) on PostgreSQL, through libpq. Every statement is the
 * store's SQLite-dialect text translated once (db_sql_to_pg), prepared on
 * the server under a name of its own, and run with its parameters bound
 * as text (blobs as binary): values never enter the SQL. A statement's
 * result is read whole on its first step.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db_impl.h"
#include "../util/dynlib.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/*
 * libpq, opened by the first postgresql:// target (util/dynlib.h says why:
 * it brings gssapi, krb5, ldap, ssl ... into every command's start when
 * linked). Each slot has the type of libpq's own declaration.
 */
static struct {
	__typeof__(PQclear) *clear;
	__typeof__(PQcmdStatus) *cmd_status;
	__typeof__(PQcmdTuples) *cmd_tuples;
	__typeof__(PQconnectdb) *connectdb;
	__typeof__(PQconsumeInput) *consume_input;
	__typeof__(PQenterPipelineMode) *enter_pipeline_mode;
	__typeof__(PQerrorMessage) *error_message;
	__typeof__(PQexec) *exec;
	__typeof__(PQexecParams) *exec_params;
	__typeof__(PQexecPrepared) *exec_prepared;
	__typeof__(PQexitPipelineMode) *exit_pipeline_mode;
	__typeof__(PQfinish) *finish;
	__typeof__(PQfreemem) *freemem;
	__typeof__(PQftype) *ftype;
	__typeof__(PQgetResult) *get_result;
	__typeof__(PQgetisnull) *getisnull;
	__typeof__(PQgetlength) *getlength;
	__typeof__(PQgetvalue) *getvalue;
	__typeof__(PQisBusy) *is_busy;
	__typeof__(PQnfields) *nfields;
	__typeof__(PQnotifies) *notifies;
	__typeof__(PQntuples) *ntuples;
	__typeof__(PQpipelineSync) *pipeline_sync;
	__typeof__(PQresultErrorField) *result_error_field;
	__typeof__(PQresultStatus) *result_status;
	__typeof__(PQsendQuery) *send_query;
	__typeof__(PQsendDescribePrepared) *send_describe_prepared;
	__typeof__(PQsendPrepare) *send_prepare;
	__typeof__(PQsendQueryPrepared) *send_query_prepared;
	__typeof__(PQsetNoticeProcessor) *set_notice_processor;
	__typeof__(PQsocket) *socket;
	__typeof__(PQstatus) *status;
	__typeof__(PQtransactionStatus) *transaction_status;
	__typeof__(PQunescapeBytea) *unescape_bytea;
} pq;

static const struct dynlib_sym pq_syms[] = {
	DYNLIB_SYM(pq, clear, "PQclear"),
	DYNLIB_SYM(pq, cmd_status, "PQcmdStatus"),
	DYNLIB_SYM(pq, cmd_tuples, "PQcmdTuples"),
	DYNLIB_SYM(pq, connectdb, "PQconnectdb"),
	DYNLIB_SYM(pq, consume_input, "PQconsumeInput"),
	DYNLIB_SYM(pq, enter_pipeline_mode, "PQenterPipelineMode"),
	DYNLIB_SYM(pq, error_message, "PQerrorMessage"),
	DYNLIB_SYM(pq, exec, "PQexec"),
	DYNLIB_SYM(pq, exec_params, "PQexecParams"),
	DYNLIB_SYM(pq, exec_prepared, "PQexecPrepared"),
	DYNLIB_SYM(pq, exit_pipeline_mode, "PQexitPipelineMode"),
	DYNLIB_SYM(pq, finish, "PQfinish"),
	DYNLIB_SYM(pq, freemem, "PQfreemem"),
	DYNLIB_SYM(pq, ftype, "PQftype"),
	DYNLIB_SYM(pq, get_result, "PQgetResult"),
	DYNLIB_SYM(pq, getisnull, "PQgetisnull"),
	DYNLIB_SYM(pq, getlength, "PQgetlength"),
	DYNLIB_SYM(pq, getvalue, "PQgetvalue"),
	DYNLIB_SYM(pq, is_busy, "PQisBusy"),
	DYNLIB_SYM(pq, nfields, "PQnfields"),
	DYNLIB_SYM(pq, notifies, "PQnotifies"),
	DYNLIB_SYM(pq, ntuples, "PQntuples"),
	DYNLIB_SYM(pq, pipeline_sync, "PQpipelineSync"),
	DYNLIB_SYM(pq, result_error_field, "PQresultErrorField"),
	DYNLIB_SYM(pq, result_status, "PQresultStatus"),
	DYNLIB_SYM(pq, send_query, "PQsendQuery"),
	DYNLIB_SYM(pq, send_describe_prepared, "PQsendDescribePrepared"),
	DYNLIB_SYM(pq, send_prepare, "PQsendPrepare"),
	DYNLIB_SYM(pq, send_query_prepared, "PQsendQueryPrepared"),
	DYNLIB_SYM(pq, set_notice_processor, "PQsetNoticeProcessor"),
	DYNLIB_SYM(pq, socket, "PQsocket"),
	DYNLIB_SYM(pq, status, "PQstatus"),
	DYNLIB_SYM(pq, transaction_status, "PQtransactionStatus"),
	DYNLIB_SYM(pq, unescape_bytea, "PQunescapeBytea"),
};

_Static_assert(sizeof(TRELLIS_SONAME_PQ) > 1, "the Makefile passes the SONAME");
static struct dynlib pq_lib = {
	TRELLIS_SONAME_PQ, pq_syms, sizeof(pq_syms) / sizeof(pq_syms[0]), 0, 0, ""
};

#define BYTEA_OID	17	/* pg_type.h's BYTEAOID */
#define TEXT_OID	25	/* TEXTOID */

/*
 * What every database needs before the first migration (docs/postgresql.md):
 * the schema's version, which SQLite keeps in PRAGMA user_version, and the
 * case-blind collation SQLite calls NOCASE. The advisory lock keeps two
 * processes opening one new database at once from creating them twice.
 */
static const char pg_setup[] =
	"BEGIN;"
	"SELECT pg_advisory_xact_lock(7369657);"
	"CREATE TABLE IF NOT EXISTS trellis_schema (version BIGINT NOT NULL);"
	"INSERT INTO trellis_schema (version) SELECT 0"
	" WHERE NOT EXISTS (SELECT 1 FROM trellis_schema);"
	"CREATE COLLATION IF NOT EXISTS nocase"
	" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);"
	"COMMIT;";

/*
 * Writers take turns, as SQLite's BEGIN IMMEDIATE makes them: a write
 * transaction begins by taking this session-level advisory lock, and
 * begins its snapshot (SERIALIZABLE) only once it holds it, so it reads
 * what the writer before it committed; the lock goes at COMMIT or ROLLBACK.
 * A wait longer than lock_timeout (the 5 s of SQLite's busy timeout)
 * fails as DB_ERR_BUSY. docs/postgresql.md.
 */
#define PG_WRITER_LOCK	"7369658"

/*
 * The most statements db_step_later leaves unanswered: their answers (a
 * few dozen bytes each) wait in the socket's buffer until read, and a
 * server whose answers nobody reads stops reading what it is sent.
 */
#define PG_PIPELINE_MAX	256

struct pg_db {
	struct db head;
	PGconn *conn;
	int writer_lock;		/* this session holds PG_WRITER_LOCK */
	struct strbuf msg;		/* the last error, one line */
	char sqlstate[6];		/* the last error's SQLSTATE, "" if none */
	int64_t changes, total_changes;
	unsigned next_name;		/* prepared statements are named s1, s2, ... */
	int ping_pending;		/* a listening connection's ping sent, not yet answered */
	/*
	 * db_step_later: the connection is in pipeline mode with sent
	 * statements whose answers are not read yet; once one of them failed
	 * (read by a call other than db_settle), its error is kept here until
	 * db_settle, a commit or a rollback reports or drops it.
	 */
	int pipeline, sent;
	/* per answer awaited (sent): the statement whose preparation it answers, or NULL */
	struct pg_stmt *parsing[PG_PIPELINE_MAX + 2];
	int last_nfields;		/* the columns of the last answer pg_collect read */
	int closing;			/* db_closing: statements go with the connection */
	int later_failed;
	struct strbuf later_msg;
	char later_state[6];
};


struct pg_stmt {
	struct db_stmt head;
	char name[16];
	int nparams, ncols;
	const char **values;		/* per parameter: its text, or NULL */
	int *lengths, *formats;
	char (*num)[32];		/* the text of numbers bound */
	char **copies;			/* texts bound with db_bind_text_copy */
	PGresult *res;			/* after the first step */
	int row, nrows;
	unsigned char *blob;		/* the last bytea column read, unescaped */
	/*
	 * db_prepare_later: whether the server holds it (PARSED), its
	 * preparation is sent and unanswered (PARSING), or neither (the
	 * preparation failed or was skipped after an earlier failure: sent
	 * again by its next run); and what to send then.
	 */
	enum { PARSED, PARSING, UNPARSED } parse;
	char *text;
	Oid *types;
};

#define PGDB(d) ((struct pg_db *)(d))
#define PGST(s) ((struct pg_stmt *)(s))

/* ------------------------------------------------------------ translation */

static int
word_is(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && strncasecmp(w, lit, n) == 0;
}

/* The next word of sql at or after p (skipping blanks): its start in *w, its length returned. */
static size_t
next_word(const char *p, const char **w)
{
	size_t n = 0;

	while (isspace((unsigned char)*p))
		p++;
	*w = p;
	while (isalnum((unsigned char)p[n]) || p[n] == '_')
		n++;
	return n;
}

/*
 * Whether the column definition that goes on at p (up to its ',' or the
 * table's closing ')') names a COLLATE of its own.
 */
static int
column_collated(const char *p)
{
	int depth = 0;

	for (; *p && *p != ';'; p++) {
		if (*p == '\'') {
			while (*++p && *p != '\'')
				;
			if (*p == '\0')
				break;
		} else if (*p == '(')
			depth++;
		else if (*p == ')' && depth-- == 0)
			break;
		else if (*p == ',' && depth == 0)
			break;
		else if (strncasecmp(p, "COLLATE", 7) == 0 && !isalnum((unsigned char)p[7]) &&
		    p[7] != '_')
			return 1;
	}
	return 0;
}

/* Whether out ends with a name (and blanks): a word that follows is a column's type. */
static int
after_name(const struct strbuf *out)
{
	size_t i = out->len;

	while (i > 0 && isspace((unsigned char)out->buf[i - 1]))
		i--;
	return i > 0 && (isalnum((unsigned char)out->buf[i - 1]) || out->buf[i - 1] == '_' ||
	    out->buf[i - 1] == '"');
}

int
db_sql_to_pg(const char *sql, struct strbuf *out, int *nparams, struct strbuf *used,
    struct strbuf *err)
{
	const char *p = sql, *prev = NULL;
	size_t prevn = 0;
	int maxp = 0, stmt_start = 1, ddl = 0;

	while (*p) {
		if (*p == ';') {
			stmt_start = 1;
			ddl = 0;
			strbuf_addch(out, *p++);
		} else if (*p == '\'' || *p == '"') {
			/* a literal or quoted name, copied whole ('' and "" included) */
			char q = *p;
			const char *e = p + 1;

			while (*e && *e != q)
				e++;
			if (*e)
				e++;
			strbuf_add(out, p, (size_t)(e - p));
			p = e;
		} else if (p[0] == '-' && p[1] == '-') {
			const char *e = strchr(p, '\n');

			e = e ? e : p + strlen(p);
			strbuf_add(out, p, (size_t)(e - p));
			p = e;
		} else if (*p == '?') {
			int n;

			p++;
			if (isdigit((unsigned char)*p)) {
				n = (int)strtol(p, NULL, 10);
				while (isdigit((unsigned char)*p))
					p++;
			} else
				n = maxp + 1;	/* SQLite: one past the largest so far */
			if (n > maxp)
				maxp = n;
			if (used) {
				while (used->len < (size_t)n)
					strbuf_addch(used, 0);
				used->buf[n - 1] = 1;
			}
			strbuf_addf(out, "$%d", n);
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			const char *w = p, *nx;
			size_t n = 0, nn;

			while (isalnum((unsigned char)p[n]) || p[n] == '_')
				n++;
			p += n;
			if (stmt_start) {
				/* a table's columns are typed here: CREATE TABLE, ALTER TABLE */
				ddl = word_is(w, n, "CREATE") || word_is(w, n, "ALTER");
				stmt_start = 0;
			}
			if (ddl && word_is(w, n, "TEXT") && after_name(out) && !column_collated(p)) {
				/*
				 * text compares and sorts by its bytes, as in
				 * SQLite, whatever the database's locale
				 */
				strbuf_addstr(out, "TEXT COLLATE \"C\"");
			} else if (word_is(w, n, "INTEGER")) {
				/* the rowid alias `id INTEGER PRIMARY KEY` numbers its rows */
				nn = next_word(p, &nx);
				if (prev && word_is(prev, prevn, "id") && word_is(nx, nn, "PRIMARY"))
					strbuf_addstr(out, "BIGINT GENERATED BY DEFAULT AS IDENTITY");
				else
					strbuf_addstr(out, "BIGINT");
			} else if (word_is(w, n, "REAL")) {
				strbuf_addstr(out, "DOUBLE PRECISION");
			} else if (word_is(w, n, "BLOB")) {
				strbuf_addstr(out, "BYTEA");
			} else if (word_is(w, n, "CROSS") &&
			    (nn = next_word(p, &nx)) && word_is(nx, nn, "JOIN")) {
				/*
				 * SQLite's CROSS JOIN ... ON fixes the loops' order
				 * (sql.c); to PostgreSQL it is an inner JOIN
				 */
				strbuf_addstr(out, "JOIN");
				p = nx + nn;
				w = nx;
				n = nn;
			} else if (word_is(w, n, "grant")) {
				/* a table's name, and a keyword PostgreSQL reserves */
				strbuf_addstr(out, "\"grant\"");
			} else if (word_is(w, n, "WITHOUT") &&
			    (nn = next_word(p, &nx)) && word_is(nx, nn, "ROWID")) {
				p = nx + nn;	/* every PostgreSQL table is what it asks */
				while (out->len && out->buf[out->len - 1] == ' ')
					strbuf_setlen(out, out->len - 1);
			} else if (word_is(w, n, "PRAGMA")) {
				nn = next_word(p, &nx);
				if (!word_is(nx, nn, "user_version")) {
					strbuf_reset(err);
					strbuf_addf(err, "PRAGMA %.*s has no PostgreSQL translation",
					    (int)nn, nx);
					return -1;
				}
				p = nx + nn;
				while (isspace((unsigned char)*p))
					p++;
				if (*p == '=') {
					p++;
					while (isspace((unsigned char)*p))
						p++;
					strbuf_addstr(out, "UPDATE trellis_schema SET version = ");
				} else
					strbuf_addstr(out, "SELECT version FROM trellis_schema");
			} else
				strbuf_add(out, w, n);
			prev = w;
			prevn = n;
			continue;
		} else
			strbuf_addch(out, *p++);
	}
	*nparams = maxp;
	return 0;
}

/* ------------------------------------------------------------ errors */

static enum db_errkind pg_error_kind(const struct db *db);
static int pg_collect(struct pg_db *d);

/* Keeps res's error (or the connection's) as db's last, on one line. */
static void
pg_fail(struct pg_db *d, const PGresult *res)
{
	const char *m = res ? pq.result_error_field(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? pq.result_error_field(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *state = res ? pq.result_error_field(res, PG_DIAG_SQLSTATE) : NULL;

	strbuf_reset(&d->msg);
	strbuf_addstr(&d->msg, m ? m : pq.error_message(d->conn));
	if (detail)
		strbuf_addf(&d->msg, " (%s)", detail);
	while (d->msg.len && (d->msg.buf[d->msg.len - 1] == '\n' || d->msg.buf[d->msg.len - 1] == ' '))
		strbuf_setlen(&d->msg, d->msg.len - 1);
	/* one line: libpq's "...\n\tIs the server running..." too */
	for (size_t i = 0, j = 0; i <= d->msg.len; i++) {
		char ch = d->msg.buf[i] == '\n' || d->msg.buf[i] == '\t' ? ' ' : d->msg.buf[i];

		if (ch == ' ' && j > 0 && d->msg.buf[j - 1] == ' ')
			continue;
		d->msg.buf[j++] = ch;
		if (ch == '\0')
			d->msg.len = j - 1;
	}
	snprintf(d->sqlstate, sizeof(d->sqlstate), "%s", state ? state : "");
	if (pg_error_kind(&d->head) == DB_ERR_BUSY)
		d->head.txn_retryable = 1;
}

/* Runs sql (no parameters); 0 when it ended as ok, else -1 with the error kept. */
static int
pg_run(struct pg_db *d, const char *sql)
{
	PGresult *res;
	ExecStatusType rc;
	int ret = 0;

	(void)pg_collect(d);	/* its error, if any, is db_settle's to tell */
	res = pq.exec(d->conn, sql);
	rc = pq.result_status(res);

	if (rc != PGRES_COMMAND_OK && rc != PGRES_TUPLES_OK) {
		pg_fail(d, res);
		ret = -1;
	}
	pq.clear(res);
	return ret;
}

/* Keeps d's last error as the failure of a statement sent by db_step_later. */
static void
later_fail(struct pg_db *d)
{
	if (d->later_failed)
		return;
	d->later_failed = 1;
	strbuf_reset(&d->later_msg);
	strbuf_add(&d->later_msg, d->msg.buf, d->msg.len);
	memcpy(d->later_state, d->sqlstate, sizeof(d->later_state));
}

/*
 * Reads the answers of the statements db_step_later sent (after a sync
 * point), and leaves pipeline mode, so that d runs one statement at a
 * time again. Returns 0, or -1 when one of them (or the connection)
 * failed, now or before: that error is kept (later_fail).
 */
static int
pg_collect(struct pg_db *d)
{
	int nulls = 0, k = 0;

	if (!d->pipeline)
		return d->later_failed ? -1 : 0;
	if (!pq.pipeline_sync(d->conn)) {
		pg_fail(d, NULL);
		later_fail(d);
	} else {
		for (;;) {
			PGresult *res = pq.get_result(d->conn);
			ExecStatusType rc;

			if (res == NULL) {
				/* one ends each statement's answers; two: nothing more is coming */
				if (++nulls > 1 || pq.status(d->conn) != CONNECTION_OK) {
					pg_fail(d, NULL);
					later_fail(d);
					break;
				}
				k++;	/* the next statement's answer */
				continue;
			}
			nulls = 0;
			rc = pq.result_status(res);
			if (rc == PGRES_PIPELINE_SYNC) {
				pq.clear(res);
				break;
			}
			if (k < d->sent && d->parsing[k])	/* db_prepare_later's */
				d->parsing[k]->parse = rc == PGRES_COMMAND_OK ? PARSED : UNPARSED;
			if (rc == PGRES_COMMAND_OK) {
				const char *n = pq.cmd_tuples(res);

				if (*n) {	/* an INSERT's; a prepare's or describe's has none */
					d->changes = strtoll(n, NULL, 10);
					d->total_changes += d->changes;
				}
				d->last_nfields = pq.nfields(res);
			} else if (rc != PGRES_PIPELINE_ABORTED && !d->later_failed) {
				/* the first failure; the server skipped the rest (ABORTED) */
				pg_fail(d, res);
				later_fail(d);
			}
			pq.clear(res);
		}
	}
	for (int i = 0; i < d->sent; i++) {
		/* unanswered (the connection failed): not on the server */
		if (d->parsing[i] && d->parsing[i]->parse == PARSING)
			d->parsing[i]->parse = UNPARSED;
		d->parsing[i] = NULL;
	}
	d->sent = 0;
	d->pipeline = 0;
	if (!pq.exit_pipeline_mode(d->conn) && !d->later_failed) {
		pg_fail(d, NULL);
		later_fail(d);
	}
	return d->later_failed ? -1 : 0;
}

static void
pg_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;	/* notices (IF NOT EXISTS ...) are not errors */
}

/* ------------------------------------------------------------ connection */

static void pg_close(struct db *db);

/*
 * Appends target to out without its user part (scheme://user@host... ->
 * scheme://host...), so that no message repeats what came before '@'.
 */
static void
url_shown(struct strbuf *out, const char *target)
{
	const char *host = strstr(target, "://");
	const char *end, *at;

	host = host ? host + 3 : target;
	end = host + strcspn(host, "/?");
	at = memchr(host, '@', (size_t)(end - host));
	while (at && memchr(at + 1, '@', (size_t)(end - at - 1)))
		at = memchr(at + 1, '@', (size_t)(end - at - 1));
	strbuf_add(out, target, (size_t)(host - target));
	strbuf_addstr(out, at ? at + 1 : host);
}

/* Whether target carries a password (user:password@ or ?password=). */
static int
url_has_password(const char *target)
{
	const char *host = strstr(target, "://");
	const char *end, *at, *colon;

	host = host ? host + 3 : target;
	end = host + strcspn(host, "/?");
	at = memchr(host, '@', (size_t)(end - host));
	colon = at ? memchr(host, ':', (size_t)(at - host)) : NULL;
	return colon != NULL || strstr(target, "password=") != NULL;
}

/*
 * The session's settings, and whether pg_setup has been run on the
 * database already (its table and collation there), in one round trip:
 * then a connection opens without its DDL, which takes locks and ~20 ms.
 * Returns 1 or 0, or -1 with the error kept.
 */
static int
pg_ready(struct pg_db *d)
{
	PGresult *res = pq.exec(d->conn, "SET client_min_messages = warning;"
	    " SET lock_timeout = '5s';"
	    " SELECT to_regclass('trellis_schema') IS NOT NULL"
	    " AND to_regcollation('nocase') IS NOT NULL");
	int ret = -1;

	if (pq.result_status(res) == PGRES_TUPLES_OK && pq.ntuples(res) == 1)
		ret = strcmp(pq.getvalue(res, 0, 0), "t") == 0;
	else
		pg_fail(d, res);
	pq.clear(res);
	return ret;
}

static int
pg_open(const char *target, int create, struct db **out, struct strbuf *err)
{
	struct pg_db *d;
	struct strbuf why = STRBUF_INIT;
	int ready;

	(void)create;	/* the database must exist; its tables are made by the migrations */
	strbuf_reset(err);
	if (url_has_password(target)) {
		/* a command line is seen by every user of the machine (ps) */
		strbuf_addstr(err, "cannot open database ");
		url_shown(err, target);
		strbuf_addstr(err, ": a password in the URL is refused; give it in ~/.pgpass,"
		    " PGPASSFILE or PGPASSWORD (docs/postgresql.md)");
		return -1;
	}
	if (dynlib_need(&pq_lib, &why) == -1) {
		strbuf_addstr(err, "cannot open database ");
		url_shown(err, target);
		strbuf_addf(err, ": %s", why.buf);
		strbuf_release(&why);
		return -1;
	}
	strbuf_release(&why);
	d = xcalloc(1, sizeof(*d));
	d->head.ops = &db_pg_ops;
	strbuf_init(&d->msg, 0);
	strbuf_init(&d->later_msg, 0);
	d->conn = pq.connectdb(target);
	if (d->conn == NULL || pq.status(d->conn) != CONNECTION_OK) {
		pg_fail(d, NULL);
		strbuf_addstr(err, "cannot open database ");
		url_shown(err, target);
		strbuf_addf(err, ": %s", d->msg.buf);
		pg_close(&d->head);
		return -1;
	}
	pq.set_notice_processor(d->conn, pg_quiet, NULL);
	if ((ready = pg_ready(d)) == -1 || (ready == 0 && pg_run(d, pg_setup) == -1)) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot prepare database: %s", d->msg.buf);
		(void)pg_run(d, "ROLLBACK");
		pg_close(&d->head);
		return -1;
	}
	*out = &d->head;
	return 0;
}

static void
pg_close(struct db *db)
{
	struct pg_db *d = PGDB(db);

	pq.finish(d->conn);
	strbuf_release(&d->msg);
	strbuf_release(&d->later_msg);
	free(d);
}

static const char *
pg_errmsg(const struct db *db)
{
	return PGDB(db)->msg.buf;
}

static enum db_errkind
pg_error_kind(const struct db *db)
{
	const char *s = PGDB(db)->sqlstate;

	if (strcmp(s, "23505") == 0)
		return DB_ERR_UNIQUE;
	if (strcmp(s, "23503") == 0)
		return DB_ERR_FOREIGN_KEY;
	if (strncmp(s, "23", 2) == 0)
		return DB_ERR_CONSTRAINT;
	/* serialization failure, deadlock, lock_timeout */
	if (strcmp(s, "40001") == 0 || strcmp(s, "40P01") == 0 || strcmp(s, "55P03") == 0)
		return DB_ERR_BUSY;
	return DB_ERR_OTHER;
}

static int
pg_exec(struct db *db, const char *sql)
{
	struct pg_db *d = PGDB(db);
	struct strbuf t = STRBUF_INIT;
	int n, ret;

	if (db_sql_to_pg(sql, &t, &n, NULL, &d->msg) == -1) {
		strbuf_release(&t);
		return -1;
	}
	ret = pg_run(d, t.buf);
	strbuf_release(&t);
	return ret;
}

static void
pg_stmt_free(struct pg_stmt *st)
{
	free(st->values);
	free(st->lengths);
	free(st->formats);
	free(st->num);
	free(st->copies);
	free(st->text);
	free(st->types);
	free(st);
}

/*
 * Sends st's preparation into the pipeline (PARSING), without waiting: its
 * answer is read with those of the statements after it (pg_collect). 0, or
 * -1 with the error kept.
 */
static int
pg_parse_later(struct pg_db *d, struct pg_stmt *st)
{
	if (d->sent >= PG_PIPELINE_MAX)
		(void)pg_collect(d);
	if (!d->pipeline) {
		if (!pq.enter_pipeline_mode(d->conn)) {
			pg_fail(d, NULL);
			return -1;
		}
		d->pipeline = 1;
	}
	if (!pq.send_prepare(d->conn, st->name, st->text, st->nparams, st->types)) {
		pg_fail(d, NULL);
		later_fail(d);
		return -1;
	}
	st->parse = PARSING;
	d->parsing[d->sent++] = st;
	return 0;
}

static struct db_stmt *
pg_prepare_as(struct db *db, const char *sql, int later)
{
	struct pg_db *d = PGDB(db);
	struct strbuf t = STRBUF_INIT, used = STRBUF_INIT;
	struct pg_stmt *st = NULL;
	Oid *types = NULL;
	int n, pending;

	if (db_sql_to_pg(sql, &t, &n, &used, &d->msg) == -1)
		goto out;
	/*
	 * A parameter the text skips (store_sql[]'s "?3, ?5" where ?4 is
	 * there for another statement of the same shape) has no type to
	 * infer: declare it text. The others' types come from the text.
	 */
	types = xcalloc((size_t)n + 1, sizeof(*types));
	for (int i = 0; i < n; i++)
		types[i] = (size_t)i < used.len && used.buf[i] ? 0 : TEXT_OID;
	st = xcalloc(1, sizeof(*st));
	st->head.db = db;
	snprintf(st->name, sizeof(st->name), "s%u", ++d->next_name);
	if (later) {
		/* sent with what follows; db_step_later sends it again if it fails */
		st->text = strbuf_detach(&t, NULL);
		st->types = types;
		st->nparams = n;
		types = NULL;
		if (pg_parse_later(d, st) == -1) {
			pg_stmt_free(st);
			st = NULL;
			goto out;
		}
		goto made;
	}
	/*
	 * Prepared, and the columns it returns asked for (known before it
	 * runs, as SQLite tells them), in one round trip, after whatever
	 * db_step_later sent: a pipeline.
	 */
	pending = d->sent > 0 || d->later_failed;
	if ((!d->pipeline && !pq.enter_pipeline_mode(d->conn)) ||
	    (d->pipeline = 1, !pq.send_prepare(d->conn, st->name, t.buf, n, types)) ||
	    !pq.send_describe_prepared(d->conn, st->name)) {
		pg_fail(d, NULL);
		later_fail(d);
	}
	d->sent += 2;
	if (pg_collect(d) == -1) {
		/* the error is this statement's when nothing else was pending */
		if (!pending)
			d->later_failed = 0;
		free(st);
		st = NULL;
		goto out;
	}
	st->ncols = d->last_nfields;
made:
	st->nparams = n;
	st->values = xcalloc((size_t)n + 1, sizeof(*st->values));
	st->lengths = xcalloc((size_t)n + 1, sizeof(*st->lengths));
	st->formats = xcalloc((size_t)n + 1, sizeof(*st->formats));
	st->num = xcalloc((size_t)n + 1, sizeof(*st->num));
	st->copies = xcalloc((size_t)n + 1, sizeof(*st->copies));
out:
	free(types);
	strbuf_release(&used);
	strbuf_release(&t);
	return st ? &st->head : NULL;
}

static struct db_stmt *
pg_prepare(struct db *db, const char *sql)
{
	return pg_prepare_as(db, sql, 0);
}

static struct db_stmt *
pg_prepare_later(struct db *db, const char *sql)
{
	return pg_prepare_as(db, sql, 1);
}

static void
pg_reset(struct db_stmt *s)
{
	struct pg_stmt *st = PGST(s);

	pq.clear(st->res);
	st->res = NULL;
	pq.freemem(st->blob);
	st->blob = NULL;
	st->row = st->nrows = 0;
	for (int i = 0; i < st->nparams; i++) {
		st->values[i] = NULL;
		st->lengths[i] = st->formats[i] = 0;
		free(st->copies[i]);
		st->copies[i] = NULL;
	}
}

static void
pg_finalize(struct db_stmt *s)
{
	struct pg_stmt *st = PGST(s);
	struct pg_db *d = PGDB(s->db);
	char sql[40];

	pg_reset(s);
	(void)pg_collect(d);
	/*
	 * outside a failed transaction; inside one, or when the connection is
	 * closing, the server drops it with the connection
	 */
	if (!d->closing && st->parse == PARSED &&
	    pq.transaction_status(d->conn) != PQTRANS_INERROR) {
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", st->name);
		pq.clear(pq.exec(d->conn, sql));
	}
	pg_stmt_free(st);
}

static int
pg_param_count(const struct db_stmt *s)
{
	return PGST(s)->nparams;
}

static void
pg_bind_int64(struct db_stmt *s, int i, int64_t v)
{
	struct pg_stmt *st = PGST(s);

	snprintf(st->num[i - 1], sizeof(st->num[0]), "%" PRId64, v);
	st->values[i - 1] = st->num[i - 1];
	st->formats[i - 1] = 0;
}

static void
pg_bind_double(struct db_stmt *s, int i, double v)
{
	struct pg_stmt *st = PGST(s);

	/* 17 significant digits: the same double back */
	snprintf(st->num[i - 1], sizeof(st->num[0]), "%.17g", v);
	st->values[i - 1] = st->num[i - 1];
	st->formats[i - 1] = 0;
}

static void
pg_bind_text(struct db_stmt *s, int i, const char *v)
{
	struct pg_stmt *st = PGST(s);

	st->values[i - 1] = v;
	st->formats[i - 1] = 0;
}

static void
pg_bind_text_copy(struct db_stmt *s, int i, const char *v)
{
	struct pg_stmt *st = PGST(s);

	free(st->copies[i - 1]);
	st->copies[i - 1] = xstrdup(v);
	st->values[i - 1] = st->copies[i - 1];
	st->formats[i - 1] = 0;
}

static void
pg_bind_blob(struct db_stmt *s, int i, const void *v, size_t len)
{
	struct pg_stmt *st = PGST(s);

	st->values[i - 1] = v ? v : "";
	st->lengths[i - 1] = (int)len;
	st->formats[i - 1] = 1;
}

static void
pg_bind_null(struct db_stmt *s, int i)
{
	PGST(s)->values[i - 1] = NULL;
}

static int
pg_step(struct db_stmt *s)
{
	struct pg_stmt *st = PGST(s);
	struct pg_db *d = PGDB(s->db);

	pq.freemem(st->blob);
	st->blob = NULL;
	if (st->res == NULL) {
		ExecStatusType rc;

		(void)pg_collect(d);
		if (st->parse == UNPARSED && (pg_parse_later(d, st) == -1 || pg_collect(d) == -1 ||
		    st->parse != PARSED)) {
			if (st->parse == UNPARSED && !d->later_failed) {
				strbuf_reset(&d->msg);
				strbuf_addstr(&d->msg, "the statement could not be prepared");
			}
			return DB_ERROR;
		}
		st->res = pq.exec_prepared(d->conn, st->name, st->nparams, st->values,
		    st->lengths, st->formats, 0);
		rc = pq.result_status(st->res);
		if (rc == PGRES_COMMAND_OK) {
			const char *n = pq.cmd_tuples(st->res);

			d->changes = *n ? strtoll(n, NULL, 10) : 0;
			d->total_changes += d->changes;
			st->nrows = 0;
		} else if (rc == PGRES_TUPLES_OK) {
			const char *n = pq.cmd_tuples(st->res);

			/* INSERT ... RETURNING counts its rows too */
			if (*n && strncmp(pq.cmd_status(st->res), "SELECT", 6) != 0) {
				d->changes = strtoll(n, NULL, 10);
				d->total_changes += d->changes;
			}
			st->nrows = pq.ntuples(st->res);
		} else {
			pg_fail(d, st->res);
			return DB_ERROR;
		}
		st->row = -1;
	}
	if (st->row + 1 < st->nrows) {
		st->row++;
		return DB_ROW;
	}
	st->row = st->nrows;
	return DB_DONE;
}

static int
pg_step_later(struct db_stmt *s)
{
	struct pg_stmt *st = PGST(s);
	struct pg_db *d = PGDB(s->db);

	assert(st->ncols == 0 && st->res == NULL);
	if (d->sent >= PG_PIPELINE_MAX)
		(void)pg_collect(d);
	if (st->parse == UNPARSED && !d->later_failed && pg_parse_later(d, st) == -1)
		return -1;
	if (d->later_failed) {
		/* the server skips everything until the sync: nothing more to send */
		strbuf_reset(&d->msg);
		strbuf_add(&d->msg, d->later_msg.buf, d->later_msg.len);
		memcpy(d->sqlstate, d->later_state, sizeof(d->sqlstate));
		return -1;
	}
	if (!d->pipeline) {
		if (!pq.enter_pipeline_mode(d->conn)) {
			pg_fail(d, NULL);
			return -1;
		}
		d->pipeline = 1;
	}
	if (!pq.send_query_prepared(d->conn, st->name, st->nparams, st->values, st->lengths,
	    st->formats, 0)) {
		pg_fail(d, NULL);
		later_fail(d);
		return -1;
	}
	d->sent++;
	return 0;
}

static void
pg_closing(struct db *db)
{
	PGDB(db)->closing = 1;
}

static int
pg_settle(struct db *db)
{
	struct pg_db *d = PGDB(db);

	if (pg_collect(d) == 0)
		return 0;
	/* the first failure, whatever ran after it */
	strbuf_reset(&d->msg);
	strbuf_add(&d->msg, d->later_msg.buf, d->later_msg.len);
	memcpy(d->sqlstate, d->later_state, sizeof(d->sqlstate));
	d->later_failed = 0;
	return -1;
}

static int
pg_column_count(const struct db_stmt *s)
{
	return PGST(s)->ncols;
}

static int
pg_column_null(const struct db_stmt *s, int i)
{
	const struct pg_stmt *st = PGST(s);

	return st->res == NULL || st->row < 0 || st->row >= st->nrows ||
	    pq.getisnull(st->res, st->row, i);
}

static int64_t
pg_column_int64(const struct db_stmt *s, int i)
{
	const char *v;

	if (pg_column_null(s, i))
		return 0;
	v = pq.getvalue(PGST(s)->res, PGST(s)->row, i);
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	if (v[0] == 'f' && v[1] == '\0')
		return 0;
	return strtoll(v, NULL, 10);
}

static double
pg_column_double(const struct db_stmt *s, int i)
{
	if (pg_column_null(s, i))
		return 0;
	return strtod(pq.getvalue(PGST(s)->res, PGST(s)->row, i), NULL);
}

static const char *
pg_column_text(const struct db_stmt *s, int i)
{
	if (pg_column_null(s, i))
		return NULL;
	return pq.getvalue(PGST(s)->res, PGST(s)->row, i);
}

static const void *
pg_column_blob(struct db_stmt *s, int i, size_t *len)
{
	struct pg_stmt *st = PGST(s);
	const char *v;

	*len = 0;
	if (pg_column_null(s, i))
		return NULL;
	v = pq.getvalue(st->res, st->row, i);
	if (pq.ftype(st->res, i) != BYTEA_OID) {
		*len = (size_t)pq.getlength(st->res, st->row, i);
		return v;
	}
	pq.freemem(st->blob);
	st->blob = pq.unescape_bytea((const unsigned char *)v, len);
	return st->blob;
}

static int64_t
pg_changes(const struct db *db)
{
	return PGDB(db)->changes;
}

static int64_t
pg_total_changes(const struct db *db)
{
	return PGDB(db)->total_changes;
}

static int
pg_last_id(struct db *db, int64_t *id)
{
	struct pg_db *d = PGDB(db);
	PGresult *res;
	int ret = -1;

	(void)pg_collect(d);
	res = pq.exec(d->conn, "SELECT lastval()");

	if (pq.result_status(res) == PGRES_TUPLES_OK && pq.ntuples(res) == 1) {
		*id = strtoll(pq.getvalue(res, 0, 0), NULL, 10);
		ret = 0;
	} else
		pg_fail(d, res);
	pq.clear(res);
	return ret;
}

/*
 * db_new_ids: for each table named (with its count), that many values of
 * its identity's sequence, in one statement; its rows come in no promised
 * order, so they are sorted by table (ord) here, and by value.
 */
static const char pg_new_ids_sql[] =
	"SELECT n.ord, nextval(pg_get_serial_sequence(n.tab, 'id'))"
	" FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS n(tab, k, ord),"
	" generate_series(1, n.k)";

static int
int64_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static int
pg_new_ids(struct db *db, const char *const *tables, const size_t *n, size_t ntables,
    int64_t *const *ids)
{
	struct pg_db *d = PGDB(db);
	struct strbuf names = STRBUF_INIT, counts = STRBUF_INIT;
	size_t *got = xcalloc(ntables + 1, sizeof(*got));
	const char *values[2];
	PGresult *res;
	int ret = -1;

	(void)pg_collect(d);
	/* array literals: the names are plain words (db_new_ids checked them) */
	strbuf_addch(&names, '{');
	strbuf_addch(&counts, '{');
	for (size_t i = 0; i < ntables; i++) {
		strbuf_addf(&names, "%s%s", i ? "," : "", tables[i]);
		strbuf_addf(&counts, "%s%zu", i ? "," : "", n[i]);
	}
	strbuf_addch(&names, '}');
	strbuf_addch(&counts, '}');
	values[0] = names.buf;
	values[1] = counts.buf;
	res = pq.exec_params(d->conn, pg_new_ids_sql, 2, NULL, values, NULL, NULL, 0);
	if (pq.result_status(res) != PGRES_TUPLES_OK) {
		pg_fail(d, res);
		goto out;
	}
	for (int r = 0; r < pq.ntuples(res); r++) {
		long long k = strtoll(pq.getvalue(res, r, 0), NULL, 10) - 1;

		if (k < 0 || (size_t)k >= ntables || got[k] == n[k])
			goto bad;
		ids[k][got[k]++] = strtoll(pq.getvalue(res, r, 1), NULL, 10);
	}
	for (size_t i = 0; i < ntables; i++) {
		if (got[i] != n[i])
			goto bad;
		qsort(ids[i], n[i], sizeof(ids[i][0]), int64_cmp);
	}
	ret = 0;
	goto out;
bad:
	strbuf_reset(&d->msg);
	strbuf_addstr(&d->msg, "the ids drawn are not the ones asked for");
	d->sqlstate[0] = '\0';
out:
	pq.clear(res);
	free(got);
	strbuf_release(&names);
	strbuf_release(&counts);
	return ret;
}

/* Gives back the writers' lock, if this session holds it. */
static void
writer_unlock(struct pg_db *d)
{
	if (!d->writer_lock)
		return;
	d->writer_lock = 0;
	pq.clear(pq.exec(d->conn, "SELECT pg_advisory_unlock(" PG_WRITER_LOCK ")"));
}

static int
pg_begin(struct db *db, enum db_txn kind)
{
	struct pg_db *d = PGDB(db);

	(void)pg_collect(d);
	d->later_failed = 0;	/* an earlier transaction's */
	if (kind == DB_TXN_READ)
		return pg_run(d, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
	if (pg_run(d, "SELECT pg_advisory_lock(" PG_WRITER_LOCK ")") == -1)
		return -1;
	d->writer_lock = 1;
	if (pg_run(d, "BEGIN ISOLATION LEVEL SERIALIZABLE") == -1) {
		writer_unlock(d);
		return -1;
	}
	return 0;
}

static int
pg_commit(struct db *db)
{
	struct pg_db *d = PGDB(db);
	int later = pg_collect(d) == -1;
	int failed = pq.transaction_status(d->conn) == PQTRANS_INERROR;
	PGresult *res = pq.exec(d->conn, "COMMIT");
	int ret = 0;

	d->later_failed = 0;

	if (pq.result_status(res) != PGRES_COMMAND_OK) {
		pg_fail(d, res);
		ret = -1;
	} else if (failed || strcmp(pq.cmd_status(res), "ROLLBACK") == 0) {
		/* COMMIT of a failed transaction answers ROLLBACK, not an error */
		strbuf_reset(&d->msg);
		if (later) {	/* what failed: a statement sent by db_step_later */
			strbuf_add(&d->msg, d->later_msg.buf, d->later_msg.len);
			memcpy(d->sqlstate, d->later_state, sizeof(d->sqlstate));
		} else
			strbuf_addstr(&d->msg,
			    "a statement of the transaction failed: it was rolled back");
		ret = -1;
	}
	pq.clear(res);
	writer_unlock(d);
	return ret;
}

static void
pg_rollback(struct db *db)
{
	struct pg_db *d = PGDB(db);

	(void)pg_collect(d);
	d->later_failed = 0;
	if (pq.transaction_status(d->conn) != PQTRANS_IDLE)
		pq.clear(pq.exec(d->conn, "ROLLBACK"));
	writer_unlock(d);
}

static int
pg_in_txn(const struct db *db)
{
	return pq.transaction_status(PGDB(db)->conn) != PQTRANS_IDLE;
}

/* ------------------------------------------------------------ notifications */

static int
pg_listen(struct db *db, const char *channel)
{
	struct strbuf sql = STRBUF_INIT;
	int ret;

	/* channel is the store's constant, a plain name (db_listen checked it) */
	strbuf_addf(&sql, "LISTEN %s", channel);
	ret = pg_run(PGDB(db), sql.buf);
	strbuf_release(&sql);
	return ret;
}

/* Hands every notification libpq has read to fn; returns how many. */
static int
pg_drain(struct pg_db *d, void (*fn)(void *arg, const char *payload), void *arg)
{
	PGnotify *n;
	int count = 0;

	while ((n = pq.notifies(d->conn)) != NULL) {
		fn(arg, n->extra);
		pq.freemem(n);
		count++;
	}
	return count;
}

static int
pg_wait_notify(struct db *db, int timeout_ms, void (*fn)(void *arg, const char *payload),
    void *arg)
{
	struct pg_db *d = PGDB(db);
	struct pollfd p = { .fd = pq.socket(d->conn), .events = POLLIN };
	int rc;

	/* some may have come with the answer to an earlier statement */
	if ((rc = pg_drain(d, fn, arg)) > 0)
		return rc;
	if (p.fd < 0 || pq.status(d->conn) != CONNECTION_OK) {
		pg_fail(d, NULL);
		return -1;
	}
	rc = poll(&p, 1, timeout_ms);
	if (rc < 0 && errno != EINTR) {
		strbuf_reset(&d->msg);
		strbuf_addf(&d->msg, "poll: %s", strerror(errno));
		return -1;
	}
	/* a closed connection reads as ready, and consuming it fails */
	if (rc > 0 && (!pq.consume_input(d->conn) || pq.status(d->conn) != CONNECTION_OK)) {
		pg_fail(d, NULL);
		return -1;
	}
	/* the ping's answer, read without waiting for it */
	while (d->ping_pending && !pq.is_busy(d->conn)) {
		PGresult *res = pq.get_result(d->conn);

		if (res == NULL)
			d->ping_pending = 0;
		pq.clear(res);
	}
	return pg_drain(d, fn, arg);
}

static int
pg_ping(struct db *db)
{
	struct pg_db *d = PGDB(db);

	if (d->ping_pending)
		return 1;
	if (!pq.send_query(d->conn, "SELECT 1")) {
		pg_fail(d, NULL);
		return -1;
	}
	d->ping_pending = 1;
	return 0;
}

const struct db_ops db_pg_ops = {
	.backend = DB_POSTGRESQL,
	.open = pg_open,
	.close = pg_close,
	.errmsg = pg_errmsg,
	.error_kind = pg_error_kind,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.prepare_later = pg_prepare_later,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.param_count = pg_param_count,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_text_copy = pg_bind_text_copy,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.step_later = pg_step_later,
	.settle = pg_settle,
	.closing = pg_closing,
	.column_count = pg_column_count,
	.column_null = pg_column_null,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.column_blob = pg_column_blob,
	.changes = pg_changes,
	.total_changes = pg_total_changes,
	.last_id = pg_last_id,
	.new_ids = pg_new_ids,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_txn = pg_in_txn,
	.listen = pg_listen,
	.wait_notify = pg_wait_notify,
	.ping = pg_ping,
};
