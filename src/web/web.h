#ifndef TRELLIS_WEB_H
#define TRELLIS_WEB_H
/*
 * The web core: what every page handler and the JSON API stand on.
 *
 * A request arrives (server.c), is parsed into a struct web_request
 * (request.c), matched against the one route table (routes.c, router.c),
 * checked against the route's roles, and handed to the route's handler
 * with an empty struct web_response to fill in. The server then adds the
 * security headers, sends the response and writes the access log line.
 *
 * Memory: everything hanging off a request (parameters, captures, the
 * user, texts made with web_strdup/web_alloc) lives in the request's arena
 * and is freed in one place when the response has been sent (h2o's pool).
 * Handlers never free what they got from the request; what they allocate
 * themselves they either free or hand to web_alloc/web_cleanup.
 *
 * Threads: handlers run on the server's worker threads, several at once.
 * A handler may touch only its request, its response, the program snapshot
 * (read-only) and its thread's store connection (web_store).
 */
#include <stddef.h>
#include <stdint.h>

#include "../app/write.h"
#include "../metrics/metrics.h"
#include "../model/model.h"
#include "../util/strbuf.h"
#include "../util/vec.h"

struct store;
struct store_audit_entry;
struct web_response;

/* ---------------------------------------------------------------- roles */

/*
 * Roles, as bits so that a route can allow several (DESIGN §7). WEB_ANON is
 * the absence of a signed-in user: a route allowing WEB_ANON is open to all.
 */
enum web_role {
	WEB_ANON	= 1 << 0,
	WEB_ADMIN	= 1 << 1,	/* the program team: everything */
	WEB_MEMBER	= 1 << 2,	/* one initiative: read and edit its records */
	WEB_VIEWER	= 1 << 3,	/* one initiative: read */
	WEB_EVALUATOR	= 1 << 4	/* the whole program: read, never single survey answers */
};
#define WEB_SIGNED_IN	(WEB_ADMIN | WEB_MEMBER | WEB_VIEWER | WEB_EVALUATOR)
#define WEB_ANYONE	(WEB_ANON | WEB_SIGNED_IN)
#define WEB_READERS	WEB_SIGNED_IN			/* may read an initiative */
#define WEB_EDITORS	(WEB_ADMIN | WEB_MEMBER)	/* may change an initiative's records */

/* The role's name ("admin"), or NULL for a value that is not one role. */
const char *web_role_name(int role);
/* The role named name, or 0 when there is none. */
int web_role_parse(const char *name);

/*
 * The signed-in person. Filled in by web_authenticate; all strings in the
 * request's arena. role is one enum web_role bit (never WEB_ANON);
 * initiative is the slug of the one initiative of a member or viewer, NULL
 * for admin and evaluator.
 */
struct web_user {
	int64_t id;
	char *email;
	int role;
	char *initiative;
	char *organization;	/* the organization it answers proposals for, or NULL */
	char *program;		/* the program of an evaluator, member or viewer; NULL: admin */
	const char *lang;	/* the account's own language's code ("es"), NULL: none chosen */
};

/* ---------------------------------------------------------------- request */

/* HTTP methods as bits, so that a route row can name the one it answers. */
enum web_method {
	WEB_GET		= 1 << 0,	/* a GET row answers HEAD too */
	WEB_HEAD	= 1 << 1,
	WEB_POST	= 1 << 2,
	WEB_PUT		= 1 << 3,
	WEB_PATCH	= 1 << 4,
	WEB_DELETE	= 1 << 5,
	WEB_OPTIONS	= 1 << 6
};
/* The method bit of name ("GET"), or 0 for a method Trellis does not know. */
int web_method_parse(const char *name);

/* A name and its value, both NUL-terminated and percent-decoded. */
struct web_pair {
	const char *name;
	const char *value;
};
typedef VEC(struct web_pair) web_pairs;

/*
 * The one file of a multipart/form-data body, kept in memory (the body
 * limit bounds it). present is 0 when the form carried no file.
 */
struct web_upload {
	int present;
	const char *field;		/* the form field's name */
	const char *filename;		/* as the browser sent it; never a path to use */
	const char *content_type;	/* NULL when not given */
	struct strbuf data;		/* the bytes as received (forms that are not imports) */
	const char *bytes;		/* the file, len bytes (may hold NULs) and a NUL: data's, or an */
	size_t len;			/* import's temporary file mapped read-only (server.c) */
};

struct web_request {
	struct web_arena *arena;	/* private to request.c */

	int method;			/* enum web_method bit */
	const char *method_name;	/* as sent */
	const char *path;		/* percent-decoded, never with the query */
	const char *raw_path;		/* as sent, without the query (the access log uses it) */
	const char *raw_query;		/* as sent, after the '?', or NULL */
	const char *addr;		/* the client's address, "127.0.0.1" */
	int api;			/* the path is under /api/: errors are JSON */

	web_pairs query;		/* ?a=1&b=2, in order, decoded */
	web_pairs form;			/* application/x-www-form-urlencoded or multipart fields */
	web_pairs cookies;		/* Cookie: a=1; b=2 */
	struct web_upload upload;	/* multipart/form-data's file */
	struct strbuf body;		/* any other body (application/json): raw bytes */

	/* Headers the core and the auth code look at; NULL when absent. */
	const char *content_type;
	const char *authorization;
	const char *origin;
	const char *sec_fetch_site;
	const char *host;

	/*
	 * The program the request is in (docs/web.md): the one /p/{program}/ or
	 * /api/v1/programs/{program}/ names, else the server's only one, else
	 * NULL (a page of the site, on a server of several programs: the
	 * sign-in, the list of programs). sent_path: the path as sent, the
	 * program's prefix included (raw_path is the path inside the program).
	 */
	const char *program;
	const char *sent_path;
	/* signed in, in another program than this one: its pages answer 404 (auth.c) */
	int elsewhere;
	int busy;		/* who is asking could not be told: the database kept refusing a write as a conflict */

	/* The route's captures ("/i/{slug}/{kind}/{id}"); NULL when the pattern has none. */
	const struct web_route *route;
	const char *slug;
	const char *kind;
	const char *id;

	/* Set by web_authenticate: authenticated is 1 with user filled in. */
	int authenticated;
	struct web_user user;
	/* The session's CSRF token, for forms to carry (set by the auth code), or NULL. */
	const char *csrf_token;
	/*
	 * The page's language (enum lang, util/i18n.h; lang.c chooses it before
	 * the handler runs and installs it on the thread); lang_explicit: the
	 * request asked for it with ?lang= (the switch).
	 */
	int lang;
	int lang_explicit;

	/* private to server.c: the program snapshot this request holds, and the connection */
	const struct web_program *snapshot;
	int64_t data_version;		/* the data's version when the snapshot was taken */
	/* the data's versions read for the session check (web_data_version), for the snapshot */
	int64_t pre_data, pre_catalog, pre_initiative;
	int pre_read;
	void *conn;
};

/*
 * The value of request header name (case-insensitive), or NULL. Valid
 * while the handler runs.
 */
const char *web_header(const struct web_request *req, const char *name);

/*
 * The language of req's page (lang.c, docs/i18n.md): ?lang=CODE (the
 * switch: remembered in a cookie, and as a signed-in person's own setting
 * when the link came from this site), else the person's own setting, else
 * the cookie, else Accept-Language, else the program's default. Sets
 * req->lang and makes it the thread's language (i18n_use).
 */
struct web_response;
void web_lang_choose(struct web_request *req, struct web_response *res);
/*
 * The same for a refusal made before the request is read (413, 429, 503,
 * the CSRF check's 403): ?lang= (not remembered), the person's own setting
 * when already known, the cookie, Accept-Language; no program default, so
 * that a refusal reads nothing more.
 */
void web_lang_choose_early(struct web_request *req, struct web_response *res);
/*
 * A page with a language of its own (a survey link's, made in Spanish):
 * lang (-1: none) becomes the page's unless the request asked with ?lang=.
 */
void web_lang_prefer(struct web_request *req, int lang);

/*
 * Arena allocation: memory freed when the response has been sent. Never
 * returns NULL (aborts on out-of-memory like xmalloc).
 */
void *web_alloc(struct web_request *req, size_t n);
char *web_strdup(struct web_request *req, const char *s);
char *web_strndup(struct web_request *req, const char *s, size_t n);
/* Runs fn(arg) when the request ends, after the response was sent (last added runs first). */
void web_cleanup(struct web_request *req, void (*fn)(void *), void *arg);

/*
 * web_param: for GET and HEAD the query parameter name, for other methods
 * the form field name (the query is ignored, so a CSRF token or a change
 * never travels in a URL). web_query and web_form look in one place only.
 * Each returns the first value, or NULL when absent. The value is the
 * request's; do not free it.
 */
const char *web_param(const struct web_request *req, const char *name);
const char *web_query(const struct web_request *req, const char *name);
const char *web_form(const struct web_request *req, const char *name);
const char *web_cookie(const struct web_request *req, const char *name);

/*
 * The hook the accounts code fills in: looks at req's cookies or
 * Authorization header, and when they name a valid session or token sets
 * req->user (arena strings), req->authenticated = 1 and req->csrf_token,
 * and returns 1. Returns 0 for an anonymous request, -1 when it could not
 * tell (the store failed: the server answers 500). The default (a weak
 * symbol in server.c) recognises no one; src/web/auth.c replaces it by
 * defining the same function.
 */
int web_authenticate(struct web_request *req);

/*
 * The CSRF and origin check (RELIABILITY.md), src/web/auth.c: the server
 * runs it once, after access is granted and before the route's handler.
 * For a state-changing method (POST, PUT, PATCH, DELETE) it refuses with
 * 403 a request whose Origin is present and not this server's, or whose
 * Sec-Fetch-Site is cross-site, and a request signed in with a session
 * cookie that does not carry the session's CSRF token (form field "csrf"
 * or header X-CSRF-Token). Bearer-token requests need no token. Returns 0
 * to go on, 1 when it has answered res.
 */
int web_csrf_guard(struct web_request *req, struct web_response *res);

/*
 * The audit log (src/web/auth.c). web_actor is who req's changes are by:
 * the signed-in user's email ("anonymous" when none); app/edit.h and
 * app_import_save take it and audit their writes themselves.
 *
 * Any other change is audited in its own transaction: web_audit makes its
 * entry, as web_actor, now, and the handler passes it to the store write
 * that makes the change (store.h: written in that write's transaction, so
 * the change and its entry are kept together or neither is). action
 * "create", "update", "delete" or "import"; kind the record array
 * ("decisions", "users"); initiative, record, before and after (JSON
 * texts, the caller's) may be NULL.
 */
const char *web_actor(const struct web_request *req);
struct store_audit_entry web_audit(const struct web_request *req, const char *action,
    const char *kind, const char *initiative, const char *record, const char *before,
    const char *after);

/* ---------------------------------------------------------------- response */

struct web_header {
	const char *name;	/* a constant */
	const char *value;	/* in the request's arena */
};

struct web_response {
	int status;			/* 0 until set: 200 is assumed for a body */
	const char *content_type;	/* a constant; default "text/html; charset=utf-8" */
	struct strbuf body;
	VEC(struct web_header) headers;	/* extra headers (Set-Cookie, Content-Disposition) */
	const char *location;		/* set by web_redirect */
	int cache_public;		/* 1: static file, cacheable; else Cache-Control: no-store */
	const char *referrer_policy;	/* a constant; NULL: no-referrer (the sign-in page: same-origin) */
	struct web_request *req;	/* the request answered (for its arena and user) */
};

/*
 * Adds header name (a constant) with value (copied). A value holding a
 * control character (CR, LF...) is refused: returns -1 and adds nothing.
 */
int web_header_add(struct web_response *res, const char *name, const char *value);

/*
 * path, a path on this site ("/i/x", "/api/v1/…"), as an address in req's
 * program (util/url.h: under /p/{program}/ when the server serves several),
 * in req's arena. web_redirect and the API's Location headers use it.
 */
const char *web_url(struct web_request *req, const char *path);

/*
 * Answers 303 See Other to url, a path on this site ("/i/x"): the answer to
 * every successful POST. A url that is not a local path ("//evil", "http:")
 * is replaced by "/".
 */
void web_redirect(struct web_response *res, const char *url);

/*
 * Answers status with message: an HTML error page in the page frame, or
 * for a request under /api/ the JSON {"status": N, "message": "..."}.
 * Replaces any body written so far. Returns 0 so a handler can
 * `return web_error(res, 404, "No such decision.");`.
 */
int web_error(struct web_response *res, int status, const char *message);

/* A short text for status ("Not found"). */
const char *web_status_text(int status);

/*
 * A handler fills in res and returns 0; -1 means an internal failure that
 * it has logged (the server answers 500 unless res already holds an error).
 */
typedef int (*web_handler)(struct web_request *req, struct web_response *res);

/* ---------------------------------------------------------------- data */

/*
 * The program as pages see it, from the server's cache (cache.c), shared
 * read-only by every thread. A snapshot stays valid as long as a request
 * holds it, even when the cache has replaced it meanwhile (reference
 * counted).
 */
struct web_program {
	struct program program;
	struct metrics_settings settings;
};

/*
 * The program for this request (taken on first use, released when the
 * request ends): for a request that names an initiative (req->slug), the
 * program with that initiative's records and every other initiative's own
 * fields; else the catalog, every initiative's own fields and no records.
 * Returns NULL only when nothing could be loaded (logged; answer 500).
 */
const struct web_program *web_program(struct web_request *req);

/*
 * The data's version (store_versions' n) for req's session check, read
 * once; the first web_program of the request then takes its snapshot by
 * the versions read here instead of reading them again, so a signed-in
 * GET reads SQLite once before its page. -1 when they cannot be read.
 */
int64_t web_data_version(struct web_request *req);
/*
 * After a write committed through w (app/write.h) that changed one
 * initiative's records and nothing of the catalog: keeps w's initiative,
 * as written, as the cache's snapshot of it at the write's data version,
 * so the next request reads nothing again (the write's own read, inside
 * its transaction, is the last one). Takes the initiative out of w->p.
 * Does nothing for any other write. Call it once the write's answer no
 * longer needs w->p, before app_write_end.
 */
void web_publish(struct web_request *req, struct app_write *w);
/*
 * A whole write (app_write_run) of initiative slug's records (NULL: of
 * the whole program) on this thread's store, its first run from the
 * cache's snapshot of that initiative when that is still current inside
 * the transaction (app_write_run_from), so that a write reads nothing the
 * cache already holds. Same returns as app_write_run; end with
 * app_write_end (after web_publish).
 */
int web_write_run(struct web_request *req, struct app_write *w, const char *slug,
    app_write_fn *change, void *arg, struct strbuf *err);
/*
 * The answer to a write that app_write_run gave up on (w->gave_up: the
 * database kept reporting conflicts): 503 with Retry-After, saying that
 * nothing was saved and to try again.
 */
int web_busy(struct web_response *res);

/*
 * The program of req (req->program; web_program's catalog) or, for a page
 * of the site on a server of several programs (a survey link's), the
 * program that holds initiative: req->program is set to it. NULL when
 * none does or it cannot be loaded.
 */
const struct web_program *web_program_of(struct web_request *req, const char *initiative);
/*
 * The programs served follow the database's (docs/web.md, "Programs
 * added or gone while the server runs"): when the catalog's version req
 * reads (web_data_version, the request's own read) is past the one the
 * set was read at, the set is read again: a program new in the database
 * is served (its catalog loaded), one gone is not. Nothing with serve
 * --program. 0, or -1 when the versions or the programs cannot be read
 * (logged; the set stays as it was).
 */
int web_programs_follow(struct web_request *req);
/*
 * The slug of program slug if the server serves it (NULL: its only one
 * when it serves one), as the server keeps it (good while it runs), else
 * NULL; *several: whether it serves more than one.
 */
const char *web_program_served(const char *slug, int *several);
/*
 * The programs the server serves (docs/web.md): their number, with
 * (*slugs)[i] and (*names)[i] in req's arena; 0 when they cannot be read.
 */
size_t web_program_list(struct web_request *req, const char ***slugs, const char ***names);

/*
 * The same for initiative slug, whatever the request names (a survey
 * link's initiative, the portfolio's each in turn); held until the request
 * ends. NULL when it cannot be loaded (logged).
 */
const struct web_program *web_initiative_program(struct web_request *req, const char *slug);

/*
 * The same again, held by the caller alone: give it back with
 * web_program_put as soon as it is done with it (one initiative after
 * another, each held only while used).
 */
const struct web_program *web_initiative_get(struct web_request *req, const char *slug);
void web_program_put(const struct web_program *wp);

/*
 * The whole program, every initiative's records, read from the store for
 * this request alone (a download of the whole program); held until the
 * request ends. NULL when it cannot be read (logged).
 */
const struct web_program *web_program_whole(struct web_request *req);

/*
 * Rendered fragments kept with the program snapshot, so a page whose
 * costly part depends only on the program (an initiative's balance, for
 * one period, on one day) renders it once per snapshot: a write replaces
 * the snapshot and with it every fragment. key must name everything the
 * fragment depends on besides the program, and a fragment must never hold
 * anything of the signed-in user (their name, role or CSRF token).
 * web_fragment_get appends the fragment of key to out and returns 1, or
 * returns 0 when there is none; web_fragment_put keeps a copy (the oldest
 * goes when WEB_FRAGMENTS are held).
 */
#define WEB_FRAGMENTS 64
int web_fragment_get(struct web_request *req, const char *key, struct strbuf *out);
void web_fragment_put(struct web_request *req, const char *key, const char *s, size_t len);
/*
 * web_fragment_put for a fragment that a newer one replaces: one whose key
 * begins with the same first `same` bytes as key takes its place (the
 * recent changes of one version of the data, replaced by the next one's,
 * without pushing the costly fragments out).
 */
void web_fragment_replace(struct web_request *req, const char *key, size_t same,
    const char *s, size_t len);
/* The same with the fragments of snapshot wp (web_initiative_get's). */
int web_fragment_get_in(const struct web_program *wp, const char *key, struct strbuf *out);
void web_fragment_put_in(const struct web_program *wp, const char *key, const char *s,
    size_t len);

/*
 * This worker thread's store connection, opened on first use and closed
 * when the thread ends; never shared between threads. Returns NULL with a
 * message in err when the database cannot be opened.
 */
struct store *web_store(struct web_request *req, struct strbuf *err);
/* The database's path (beside it: its mail key, mail.h). */
const char *web_db_path(void);

/* ---------------------------------------------------------------- limits */

#define WEB_HEADER_MAX		(16 * 1024)		/* all request headers: 431 above */
#define WEB_BODY_MAX		(1024 * 1024)		/* forms and the API: 413 above */
#define WEB_IMPORT_BODY_MAX	(16 * 1024 * 1024)	/* routes flagged WEB_R_IMPORT */
#define WEB_PARAMS_MAX		1000			/* query + form fields + cookies */

/* ---------------------------------------------------------------- parsing */

/*
 * Pure functions over untrusted text, kept apart so they can be fuzzed
 * (RELIABILITY R3) and unit-tested. Each returns 0, or -1 for input that
 * must be refused with 400.
 */

/*
 * Percent-decodes s in place (and '+' as a space when plus is set). Fails
 * on a '%' not followed by two hex digits, on a decoded NUL, and on bytes
 * that are not valid UTF-8.
 */
int web_urldecode(char *s, int plus);
/* Whether s[0..len) is valid UTF-8 (no overlong forms, no surrogates). */
int web_utf8_valid(const char *s, size_t len);
/*
 * Parses "a=1&b=2" (a query or an urlencoded body) into out, copying into
 * req's arena. An empty name is skipped; a name without '=' has value "".
 * Fails on a bad encoding, or when out would pass WEB_PARAMS_MAX.
 */
int web_parse_urlencoded(struct web_request *req, const char *s, size_t len, web_pairs *out);
/* Parses a Cookie header ("a=1; b=2") into out; a malformed pair is skipped. */
int web_parse_cookies(struct web_request *req, const char *header, web_pairs *out);

/* The request's life (server.c): web_request_new zeroes and makes the arena; web_request_free frees all. */
struct web_request *web_request_new(void);
void web_request_free(struct web_request *req);

/* ---------------------------------------------------------------- serving */

struct web_config {
	const char *db;			/* the database path */
	const char *program;		/* the program's slug, or NULL for the only one */
	const char *listen;		/* "127.0.0.1:8080"; port 0 picks a free one */
	unsigned threads;		/* worker threads; 0: one per core */
	unsigned max_connections;	/* total */
	unsigned max_per_ip;		/* from one address */
	const char *dev_role;		/* --dev-insecure-role: TRELLIS_DEV_ROLE, else NULL */
	int dev_cookie;			/* --dev-cookie: "sid" without Secure, for plain HTTP on loopback */
	size_t cache_mb;		/* --cache-mb: initiative snapshots kept, in MiB */
	size_t max_body_memory;		/* --max-body-memory: bodies in flight, in all (0: 64 MiB) */
	const char *trusted_proxy;	/* --trusted-proxy: its address as inet_ntop writes it, or NULL */
	int mail_on;			/* a mail sender runs beside the server (--smtp) */
	const char *base_url;		/* --url with --smtp: links in the mail a page queues, or NULL */
};

/* Whether the server runs with --dev-cookie (auth.c asks when it reads and sets the cookie). */
int web_dev_cookie(void);
/* Set by the server as it starts. */
void web_dev_cookie_set(int on);
/* Whether mail is sent (--smtp; the /account page says so when not). */
int web_mail_on(void);
/* Where people reach the server (--url) when it sends mail, else NULL: no mail is queued. */
const char *web_mail_base_url(void);

/*
 * Serves until SIGTERM or SIGINT, then stops accepting, lets the requests
 * in flight finish (up to 30 s) and returns 0. Prints "listening on
 * http://ADDR:PORT/" to stdout once ready. Returns -1 (printed) when it
 * cannot start: no database, no program, the address is taken.
 */
int web_serve(const struct web_config *cfg);

#endif
