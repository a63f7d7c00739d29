/*
 * The HTTP server on libmicrohttpd 0.9.75 (STYLE.md's library notes):
 * epoll with an internal pool of one thread per core, every limit of
 * RELIABILITY.md set explicitly, the request's life from its first byte
 * to the access log line, the program cache and the per-thread store.
 *
 * A request's life, in the callbacks MHD calls on one worker thread:
 *  1. uri_log: the request line is in. A struct conn is made and becomes
 *     MHD's per-request pointer; it holds the struct web_request.
 *  2. access, first call: headers are in. Limits are checked (header size,
 *     Content-Length once and within the route's limit, no chunked body),
 *     the query and cookies parsed, the route matched. A refusal here (400,
 *     411, 413, 431) is queued at once with Connection: close, before any
 *     of the body is read.
 *  3. access, calls with data: the body is fed to the form parser or kept.
 *     A problem found now is remembered and the rest drained: no response
 *     is queued while a body is still arriving.
 *  4. access, the call with no more data: authenticate, check access, run
 *     the handler, queue the response with the security headers.
 *  5. completed: the access log line; the request and its arena are freed.
 */
#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "mhd.h"

#include "router.h"
#include "cache.h"
#include "web.h"
#include "../model/validate.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/url.h"
#include "../view/html.h"
#include "../util/banned.h"

#define CONN_TIMEOUT	30		/* seconds idle before MHD closes a connection */
#define HEADER_DEADLINE	10		/* seconds in all for a request's headers (slow clients) */
#define REAP_MS		100		/* how often the reaper looks at the connections */
#define IDLE_GRACE_MS	2000		/* a kept-alive connection's next request, just arrived */
/*
 * A request's body has BODY_DEADLINE seconds, plus a second for every
 * BODY_MIN_RATE bytes it announced, from the end of its headers: a 1 MiB
 * form 26 s, a 16 MiB import 266 s (64 KiB/s, a slow mobile link). A client
 * trickling its body (slow POST) is cut then; the idle timeout alone would
 * let it hold its slot for ever.
 */
#define BODY_DEADLINE	10
#define BODY_MIN_RATE	(64 * 1024)
#define CONN_MEMORY	(32 * 1024)	/* MHD's per-connection pool: headers must fit */
#define SHUTDOWN_WAIT	30		/* seconds to let requests in flight finish */
#define POST_BUFFER	(64 * 1024)	/* MHD post processor's buffer */

static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/* ---------------------------------------------------------------- state */

static struct {
	const struct web_config *cfg;
	struct store_slugs slugs;	/* the programs served at start (--program: that one) */
	atomic_int inflight;		/* requests begun and not yet completed */
	atomic_int stopping;		/* SIGTERM seen: answer with Connection: close */
	struct web_user dev_user;	/* --dev-insecure-role, role 0 when off */
} srv;

enum body_kind { BODY_NONE, BODY_URLENCODED, BODY_MULTIPART, BODY_RAW };

/* MHD's per-request pointer. */
struct conn {
	struct web_request *req;
	struct web_response res;
	int started;			/* the first access call has run */
	int queued;			/* a response was queued */
	struct timespec t0;
	char *uri;			/* as sent, for parsing */
	int match;			/* enum web_match_result, -1 for a bad path */
	int no_program;			/* a program's route asked without one (several served) */
	const char *prefix;		/* the program the path names (/p/{program}/), or NULL */
	int multi;			/* several programs served: each under /p/{program}/ */
	struct web_match m;
	char *capbuf;
	size_t limit, received;
	enum body_kind body;
	struct MHD_PostProcessor *pp;
	int fail;			/* a status found while reading the body, answered at the end */
	const char *fail_msg;
	int cur_field;			/* index in req->form of the field being received, -1 none */
	int raw;			/* answered on the socket by uri_log (query_refuse) */
	int authorized;			/* authorize() has run and allowed the request */
	size_t reserved;		/* bytes of the body memory budget held (body_admit) */
	int upload;			/* counted in its address's uploads in flight */
	int tmp_fd;			/* an import's file goes here (upload_spool), -1: none */
	void *map;			/* that file mapped once received, map_len bytes */
	size_t map_len;
	unsigned status;		/* what was sent, for the log */
	size_t bytes;
};

/* ---------------------------------------------------------------- authentication */

/*
 * The default hook recognises no one. It is weak so that the accounts code
 * replaces it by defining web_authenticate itself (web.h).
 */
__attribute__((weak)) int
web_authenticate(struct web_request *req)
{
	(void)req;
	return 0;
}

/* ---------------------------------------------------------------- responses */

/* Queues c->res on connection; the body is handed over to MHD. */
static enum MHD_Result
queue(struct conn *c, struct MHD_Connection *connection, int close)
{
	struct web_response *res = &c->res;
	struct MHD_Response *r;
	size_t len;
	char *body;
	enum MHD_Result ret;

	if (res->status == 0)
		res->status = 200;
	if (res->content_type == NULL)
		res->content_type = "text/html; charset=utf-8";
	body = strbuf_detach(&res->body, &len);
	r = mhd.create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(body);
		return MHD_NO;
	}
	mhd.add_response_header(r, "Content-Type", res->content_type);
	/* RELIABILITY.md's headers, on every response, not only HTML */
	mhd.add_response_header(r, "Content-Security-Policy", csp);
	mhd.add_response_header(r, "X-Content-Type-Options", "nosniff");
	mhd.add_response_header(r, "Referrer-Policy",
	    res->referrer_policy ? res->referrer_policy : "no-referrer");
	if (!res->cache_public)
		mhd.add_response_header(r, "Cache-Control", "no-store");
	if (res->location)
		mhd.add_response_header(r, "Location", res->location);
	for (size_t i = 0; i < res->headers.n; i++)
		mhd.add_response_header(r, res->headers.v[i].name, res->headers.v[i].value);
	if (close || atomic_load(&srv.stopping))
		mhd.add_response_header(r, "Connection", "close");
	c->status = (unsigned)res->status;
	c->bytes = len;
	ret = mhd.queue_response(connection, (unsigned)res->status, r);
	mhd.destroy_response(r);
	c->queued = ret == MHD_YES;
	return ret;
}

/* Refuses the request now, before its body is read, and closes the connection. */
static enum MHD_Result
refuse(struct conn *c, struct MHD_Connection *connection, int status, const char *msg)
{
	web_error(&c->res, status, msg);
	return queue(c, connection, 1);
}

/*
 * refuse, the page in the request's language (web_lang_choose_early: ?lang=, the
 * cookie, Accept-Language; the API's JSON English): msg is marked N_() and
 * translated on the page. The thread goes back to English after, as after
 * a dispatch, since it answers other connections next.
 */
static enum MHD_Result
refuse_lang(struct conn *c, struct MHD_Connection *connection, int status, const char *msg)
{
	web_lang_choose_early(c->req, &c->res);
	web_error(&c->res, status, msg);
	i18n_use(LANG_EN);
	return queue(c, connection, 1);
}

/* ---------------------------------------------------------------- slow clients */

/*
 * MHD_OPTION_CONNECTION_TIMEOUT is an idle timeout: a client that trickles
 * a header byte a second resets it for ever (slowloris). So every
 * connection is known from accept to close (MHD's socket context, struct
 * sock) with the time it began waiting for a request's headers: at accept,
 * and again when a keep-alive request has been answered. The first access
 * call (the headers are all in) stops that clock. A reaper thread shuts
 * down a connection still waiting after HEADER_DEADLINE seconds.
 *
 * The reaper must not close MHD's socket, so it shuts it down: epoll wakes
 * MHD, whose next read sees the end and closes the connection itself,
 * giving back its per-address slot. The descriptor stays open (and so
 * names this connection) until MHD_CONNECTION_NOTIFY_CLOSED, which unlinks
 * the entry under the lock the reaper holds while it looks.
 *
 * The reaper also finds clients that went away mid-headers unnoticed: when
 * the last bytes and the FIN arrive together, MHD 0.9.75 with epoll reads
 * the bytes, takes the short read for "drained" and never reads the end, so
 * the connection kept its per-address slot until the idle timeout. A peek
 * that reads the end of the stream (nothing left for MHD) in two rounds in
 * a row means gone: a client that sent a whole request and then shut down
 * its side is answered, as MHD reaches the access handler in between.
 */
struct sock {
	struct sock *prev, *next;
	MHD_socket fd;
	int64_t since;		/* ms (monotonic) it began waiting for headers; 0: a request runs */
	int64_t body_until;	/* ms (monotonic) the body must be in by; 0: none awaited */
	int line;		/* the request line of the request awaited is in */
	unsigned served;	/* requests answered on this connection */
	int cut;		/* shut down by the reaper */
	int graced;		/* the idle deadline was put off once for this request */
	int ended;		/* reaper rounds that found the client's end of the stream */
	struct conn *conn;	/* the request begun (uri_log) and not completed, or NULL */
	char addr[INET6_ADDRSTRLEN];
};

enum sock_event { SOCK_LINE, SOCK_HEADERS, SOCK_BODY, SOCK_BODY_DONE, SOCK_DONE };

static struct {
	pthread_mutex_t lock;	/* guards the list and every struct sock's fields */
	pthread_cond_t wake;
	struct sock *head;
	int stop;
	unsigned deadline_cut, gone_cut, body_cut, crowd_cut;	/* counts, printed at shutdown */
	unsigned limit;		/* the total connection limit (--max-connections) */
	int64_t crowd_logged;	/* ms (monotonic) of the last line about it */
} reap = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0, 0, 0, 0, 0, 0, 0 };

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The client's address of connection as text into buf, "-" when unknown. */
static void
client_addr(struct MHD_Connection *connection, char *buf, size_t size)
{
	const union MHD_ConnectionInfo *ci;

	snprintf(buf, size, "-");
	ci = mhd.get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		if (ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr,
			    buf, (socklen_t)size);
		else if (ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)ci->client_addr)->sin6_addr,
			    buf, (socklen_t)size);
	}
}

struct conn;
static void conn_finish(struct conn *c, enum MHD_RequestTerminationCode toe);

/* MHD_OPTION_NOTIFY_CONNECTION: links a struct sock at accept, unlinks it at close. */
static void
notify_connection(void *cls, struct MHD_Connection *connection, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	const union MHD_ConnectionInfo *ci;
	struct sock *s = *socket_context;

	(void)cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = mhd.get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci == NULL)
			return;
		s = xcalloc(1, sizeof(*s));
		s->fd = ci->connect_fd;
		s->since = mono_ms();
		client_addr(connection, s->addr, sizeof(s->addr));
		pthread_mutex_lock(&reap.lock);
		s->next = reap.head;
		if (reap.head)
			reap.head->prev = s;
		reap.head = s;
		pthread_mutex_unlock(&reap.lock);
		*socket_context = s;
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED && s) {
		struct conn *orphan;

		pthread_mutex_lock(&reap.lock);
		if (s->prev)
			s->prev->next = s->next;
		else
			reap.head = s->next;
		if (s->next)
			s->next->prev = s->prev;
		orphan = s->conn;
		pthread_mutex_unlock(&reap.lock);
		free(s);
		*socket_context = NULL;
		/*
		 * A request MHD refused before the access handler (a header too big
		 * for its pool, query_refuse) never gets MHD's completion call: it
		 * is logged and freed here, and no longer counts as in flight.
		 */
		if (orphan)
			conn_finish(orphan, MHD_REQUEST_TERMINATED_WITH_ERROR);
	}
}

/*
 * Moves connection's header and body clocks: called from MHD's callbacks on
 * its worker thread. bytes: the body announced, for SOCK_BODY.
 */
static void
sock_event(struct MHD_Connection *connection, enum sock_event ev, uint64_t bytes)
{
	const union MHD_ConnectionInfo *ci;
	struct sock *s;

	ci = mhd.get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	if (ci == NULL || (s = ci->socket_context) == NULL)
		return;
	pthread_mutex_lock(&reap.lock);
	switch (ev) {
	case SOCK_LINE:
		/*
		 * A kept-alive connection's idle time ends with its next
		 * request's line: the headers have HEADER_DEADLINE from there,
		 * as a new connection's have from accept.
		 */
		s->line = 1;
		if (s->served > 0)
			s->since = mono_ms();
		break;
	case SOCK_HEADERS:
		s->since = 0;
		break;
	case SOCK_BODY:
		s->body_until = mono_ms() + (BODY_DEADLINE + (int64_t)(bytes / BODY_MIN_RATE)) * 1000;
		break;
	case SOCK_BODY_DONE:
		s->body_until = 0;
		break;
	case SOCK_DONE:
		s->conn = NULL;
		s->since = mono_ms();
		s->body_until = 0;
		s->line = 0;
		s->graced = 0;
		s->served++;
		break;
	}
	pthread_mutex_unlock(&reap.lock);
}

/* Records c as the request connection has begun (freed at close if MHD never completes it). */
static void
sock_conn(struct MHD_Connection *connection, struct conn *c)
{
	const union MHD_ConnectionInfo *ci;
	struct sock *s;

	ci = mhd.get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	if (ci == NULL || (s = ci->socket_context) == NULL)
		return;
	pthread_mutex_lock(&reap.lock);
	s->conn = c;
	pthread_mutex_unlock(&reap.lock);
}

/*
 * Near the connection limit (R13). Header-less connections from many
 * addresses — each address within its own limit — can fill the total
 * (17 × 64 > 1024), and MHD then stops accepting: a new client waited in
 * the listen queue until the header deadline freed slots, 10 s. So when
 * fewer than CROWD_MARGIN slots are left, the reaper closes the connections
 * that have waited longest for their request's headers (none of them is
 * running a request; an idle keep-alive connection counts), but none that
 * has waited less than CROWD_MIN_AGE ms (a client just connected), until
 * CROWD_MARGIN slots are free again. A new client is then accepted at once
 * and served; an attacker who reconnects loses its oldest connections.
 */
#define CROWD_MARGIN(limit)	((limit) / 16 > 8 ? (limit) / 16 : 8)
#define CROWD_MIN_AGE		500

static int
since_cmp(const void *a, const void *b)
{
	const struct sock *x = *(struct sock *const *)a, *y = *(struct sock *const *)b;

	return x->since < y->since ? -1 : x->since > y->since;
}

/* With reap.lock held: shuts down the oldest waiting connections when near the limit. */
static void
crowd_reap(int64_t now)
{
	struct sock *s, **old;
	size_t n = 0, nold = 0, want, cut, free_slots;
	unsigned margin = CROWD_MARGIN(reap.limit);

	for (s = reap.head; s; s = s->next)
		if (!s->cut)
			n++;
	if (reap.limit == 0 || n + margin <= reap.limit)
		return;
	want = n + margin - reap.limit;
	old = xcalloc(n, sizeof(*old));
	for (s = reap.head; s; s = s->next)
		if (!s->cut && s->since != 0 && now - s->since >= CROWD_MIN_AGE)
			old[nold++] = s;
	qsort(old, nold, sizeof(*old), since_cmp);
	for (size_t i = 0; i < nold && i < want; i++) {
		old[i]->cut = 1;
		shutdown(old[i]->fd, SHUT_RDWR);
		reap.crowd_cut++;
	}
	cut = nold < want ? nold : want;
	free_slots = reap.limit > n ? reap.limit - n + cut : cut;
	/* one line a second at most: an attack would fill the log otherwise */
	if (cut > 0 && now - reap.crowd_logged >= 1000) {
		reap.crowd_logged = now;
		fprintf(stderr, "trellis serve: %zu of %u connections open: closed the %zu that "
		    "waited longest for a request (%zu slots free)\n", n, reap.limit, cut, free_slots);
	}
	free(old);
}

/* The reaper thread: every REAP_MS, the connections past the deadline or gone. */
static void *
reaper(void *arg)
{
	struct timespec until;
	struct sock *s;
	int64_t now;
	ssize_t n;
	char ch;

	(void)arg;
	pthread_mutex_lock(&reap.lock);
	while (!reap.stop) {
		now = mono_ms();
		for (s = reap.head; s; s = s->next) {
			if (s->cut)
				continue;
			if (s->body_until && now >= s->body_until) {
				fprintf(stderr, "trellis serve: %s: connection closed: the request's "
				    "body did not arrive in time\n", s->addr);
				reap.body_cut++;
				s->cut = 1;
				shutdown(s->fd, SHUT_RDWR);
				continue;
			}
			if (s->since == 0)
				continue;
			if (now - s->since >= HEADER_DEADLINE * 1000) {
				/*
				 * A kept-alive connection whose next request began to
				 * arrive just now (bytes waiting that MHD has not read
				 * yet, no request line seen) is not cut under it: the
				 * client would see a reset for a request it had sent. It
				 * gets IDLE_GRACE_MS more, once per request.
				 */
				if (s->served > 0 && !s->line && !s->graced &&
				    recv(s->fd, &ch, 1, MSG_PEEK | MSG_DONTWAIT) > 0) {
					s->graced = 1;
					s->since = now - HEADER_DEADLINE * 1000 + IDLE_GRACE_MS;
					continue;
				}
				/* an idle keep-alive connection is closed quietly; a slow request is logged */
				if (s->served == 0 || s->line)
					fprintf(stderr, "trellis serve: %s: connection closed: no complete "
					    "request headers within %d s\n", s->addr, HEADER_DEADLINE);
				reap.deadline_cut++;
			} else {
				n = recv(s->fd, &ch, 1, MSG_PEEK | MSG_DONTWAIT);
				if (n > 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)))
					continue;
				/* the end of the stream, or a reset */
				if (++s->ended < 2)
					continue;
				reap.gone_cut++;
			}
			s->cut = 1;
			shutdown(s->fd, SHUT_RDWR);
		}
		crowd_reap(now);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += REAP_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&reap.wake, &reap.lock, &until);
	}
	pthread_mutex_unlock(&reap.lock);
	return NULL;
}

/* ---------------------------------------------------------------- request start */

/*
 * A query libmicrohttpd cannot hold. MHD 0.9.75 parses every query
 * parameter of the request line into a record in the connection's 32 KiB
 * pool (MHD_OPTION_CONNECTION_MEMORY_LIMIT) right after uri_log; when the
 * pool runs out (about 480 short parameters) it means to answer 431 but has
 * no room left to write it, and the client hears nothing until the header
 * deadline (10 s). So uri_log, which sees the request line first, counts:
 * a request line whose length plus QUERY_PARAM_COST per parameter passes
 * three quarters of the pool (the rest is for the headers) is answered here, on
 * the socket, with 414 and "Connection: close", before MHD parses it; the
 * write side is then shut down, so nothing MHD writes after can follow.
 */
#define QUERY_PARAM_COST	64	/* bytes of MHD's pool per parameter (its record, rounded up) */
#define QUERY_BUDGET		(CONN_MEMORY * 3 / 4)

static int
query_too_big(const char *uri)
{
	const char *q = strchr(uri, '?');
	size_t params = 1;

	if (q == NULL)
		return 0;
	for (q++; *q; q++)
		if (*q == '&' || *q == ';')
			params++;
	return strlen(uri) + params * QUERY_PARAM_COST > QUERY_BUDGET;
}

/* Writes a complete 414 response to connection's socket and shuts its write side. */
static void
query_refuse(struct conn *c, struct MHD_Connection *connection)
{
	static const char msg[] = "The address has too many parameters or is too long for this "
	    "server: ask for fewer at a time.\n";
	const union MHD_ConnectionInfo *ci;
	char head[512];
	int n;

	ci = mhd.get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci == NULL)
		return;
	n = snprintf(head, sizeof(head), "HTTP/1.1 414 URI Too Long\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\n"
	    "Content-Security-Policy: %s\r\nX-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: no-referrer\r\nCache-Control: no-store\r\n"
	    "Connection: close\r\n\r\n", sizeof(msg) - 1, csp);
	assert(n > 0 && (size_t)n < sizeof(head));
	/* the socket is MHD's and non-blocking: a few hundred bytes fit its empty buffer */
	if (send(ci->connect_fd, head, (size_t)n, MSG_NOSIGNAL) == n &&
	    send(ci->connect_fd, msg, sizeof(msg) - 1, MSG_NOSIGNAL) == (ssize_t)(sizeof(msg) - 1)) {
		c->status = 414;
		c->bytes = sizeof(msg) - 1;
	}
	shutdown(ci->connect_fd, SHUT_WR);
	c->raw = 1;
}

static void *
uri_log(void *cls, const char *uri, struct MHD_Connection *connection)
{
	struct conn *c = xcalloc(1, sizeof(*c));
	char addr[INET6_ADDRSTRLEN];

	(void)cls;
	sock_event(connection, SOCK_LINE, 0);
	atomic_fetch_add(&srv.inflight, 1);
	clock_gettime(CLOCK_MONOTONIC, &c->t0);
	c->req = web_request_new();
	c->req->conn = connection;
	c->res.req = c->req;
	strbuf_init(&c->res.body, 0);
	c->uri = web_strdup(c->req, uri);
	c->cur_field = -1;
	c->tmp_fd = -1;
	sock_conn(connection, c);
	client_addr(connection, addr, sizeof(addr));
	c->req->addr = web_strdup(c->req, addr);
	if (query_too_big(uri))
		query_refuse(c, connection);
	return c;
}

struct header_scan {
	size_t bytes;
	int content_length, transfer_encoding;
	int bad_name;		/* a header name with a blank in it ("Transfer-Encoding :") */
};

static enum MHD_Result
scan_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct header_scan *hs = cls;

	(void)kind;
	/*
	 * RFC 9112 §5.1: no whitespace between a field name and its colon, and
	 * a server must reject such a message with 400. libmicrohttpd 0.9.75
	 * keeps the blank in the name, so "Transfer-Encoding :" would not be
	 * seen as Transfer-Encoding, and Content-Length would frame the body
	 * (request smuggling behind a proxy that reads it the other way).
	 */
	if (strpbrk(key, " \t") != NULL)
		hs->bad_name++;
	hs->bytes += strlen(key) + strlen(value ? value : "") + 4;
	if (strcasecmp(key, "Content-Length") == 0)
		hs->content_length++;
	if (strcasecmp(key, "Transfer-Encoding") == 0)
		hs->transfer_encoding++;
	return MHD_YES;
}

/* Parses "123" strictly; returns -1 for anything else. */
static int
parse_length(const char *s, uint64_t *out)
{
	uint64_t v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > UINT64_MAX / 10 - 10)
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return 0;
}

static enum MHD_Result post_iter(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *content_type, const char *transfer_encoding,
    const char *data, uint64_t off, size_t size);

int
web_mail_on(void)
{
	return srv.cfg && srv.cfg->mail_on;
}

const char *
web_mail_base_url(void)
{
	return srv.cfg && srv.cfg->mail_on ? srv.cfg->base_url : NULL;
}

/*
 * Behind a reverse proxy (--trusted-proxy ADDR, docs/deploy.md) every
 * connection comes from the proxy, which names the client in
 * X-Forwarded-For. Only a request from the trusted address is believed,
 * and only the right-most entry of the header, the one that proxy added
 * (the ones before it are whatever the client sent). The rate limits and
 * the access log then see the client. An entry that is not an address is
 * ignored: the request keeps the proxy's.
 */
static void
forwarded_for(struct web_request *req, struct MHD_Connection *connection)
{
	const char *trusted = srv.cfg->trusted_proxy, *xff, *last;
	unsigned char bin[sizeof(struct in6_addr)];
	char buf[INET6_ADDRSTRLEN], norm[INET6_ADDRSTRLEN];
	size_t n;
	int af;

	if (trusted == NULL || req->addr == NULL || strcmp(req->addr, trusted) != 0)
		return;
	xff = mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "X-Forwarded-For");
	if (xff == NULL)
		return;
	last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	last += strspn(last, " \t");
	n = strcspn(last, " \t");
	if (n == 0 || n >= sizeof(buf))
		return;
	memcpy(buf, last, n);
	buf[n] = '\0';
	af = strchr(buf, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(af, buf, bin) == 1 && inet_ntop(af, bin, norm, sizeof(norm)))
		req->addr = web_strdup(req, norm);
}

/*
 * --dev-insecure-role acts as a role for every request, so a page on another
 * site that reaches the port through DNS rebinding (its own name resolving
 * to 127.0.0.1) would act as it too: in that mode only a loopback Host is
 * answered — localhost, 127.0.0.1 or [::1], with or without a port.
 */
static int
dev_host_ok(const char *host)
{
	static const char *const names[] = { "localhost", "127.0.0.1", "[::1]" };

	if (host == NULL)
		return 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t n = strlen(names[i]);
		const char *p = host + n;

		if (strncasecmp(host, names[i], n) != 0)
			continue;
		if (*p == '\0')
			return 1;
		if (*p++ != ':' || *p == '\0')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
		return *p == '\0';
	}
	return 0;
}

/* ---------------------------------------------------------------- bodies before sign-in */

/*
 * R13 (RELIABILITY.md). Anyone could make the server hold gigabytes: the
 * import routes read a whole 16 MiB body before they looked at the
 * session, and 128 anonymous connections held 2.14 GB. Now:
 *
 *  - authorize() decides who is asking and whether the route is theirs. A
 *    request that announces a body runs it on the first access call, from
 *    the headers alone, and a refusal (303 to /login for a page, 401 for
 *    the API, 403 for a role, 404 for another initiative) is queued before
 *    a byte of the body is read, closing the connection. Without a body it
 *    runs in dispatch as before; either way once.
 *  - body_admit(): every body being received holds its announced length
 *    of one budget (--max-body-memory, default 64 MiB) until its request
 *    ends; a body that does not fit gets 503 with Retry-After. A body of
 *    UPLOAD_MIN or more is an upload: one address has at most
 *    UPLOADS_PER_ADDR in flight, then 429 with Retry-After (forms are
 *    smaller and do not count). Both before the body is read.
 */
#define BODY_MEMORY_DEFAULT	((size_t)64 << 20)
#define UPLOAD_MIN		(64 * 1024)
#define UPLOADS_PER_ADDR	4

struct upload_addr {
	char addr[INET6_ADDRSTRLEN];
	unsigned n;
};

static struct {
	pthread_mutex_t lock;
	size_t used;			/* bytes of bodies in flight, as announced */
	VEC(struct upload_addr) addrs;	/* addresses with uploads in flight */
} bodies = { PTHREAD_MUTEX_INITIALIZER, 0, { NULL, 0, 0 } };

/*
 * Who is asking (web_authenticate, or the development role aid); -1 when
 * that cannot be told. Also run before a 404 or 405 of no route, so that
 * page keeps a signed-in person's frame (page_error).
 */
static int
identify(struct web_request *req)
{
	if (web_authenticate(req) < 0)
		return -1;
	if (!req->authenticated && srv.dev_user.role) {
		req->user = srv.dev_user;
		req->authenticated = 1;
	}
	return 0;
}

/* Who is asking, and may they? Fills c->res and returns 1 when not. */
static int
authorize(struct conn *c)
{
	struct web_request *req = c->req;
	struct web_response *res = &c->res;

	req->route = c->m.route;
	req->slug = c->m.slug;
	req->kind = c->m.kind;
	req->id = c->m.id;
	if (identify(req) < 0) {
		if (req->busy)
			web_busy(res);
		else
			web_error(res, 500, "Signing in is not possible right now; please try again.");
		return 1;
	}
	switch (web_access(c->m.route, req->authenticated ? &req->user : NULL, req->slug)) {
	case WEB_ALLOW:
		c->authorized = 1;
		return 0;
	case WEB_DENY_LOGIN:
		/* someone of another program: this one's pages are not there for them */
		if (req->elsewhere)
			goto hidden;
		if (req->api) {
			web_error(res, 401, "A valid bearer token is needed.");
			web_header_add(res, "WWW-Authenticate", "Bearer");
		} else
			web_redirect(res, "/login");
		return 1;
	case WEB_DENY_FORBIDDEN:
		/* the error page in the person's language (page.c translates it) */
		web_lang_choose(req, res);
		web_error(res, 403, N_("Your role does not allow this."));
		return 1;
	default:
	hidden:
		web_lang_choose(req, res);
		web_error(res, 404, N_("There is no page at this address."));
		return 1;
	}
}

/* The uploads in flight from addr (created at 0 when add), under bodies.lock. */
static struct upload_addr *
upload_addr(const char *addr, int add)
{
	struct upload_addr *u;

	for (size_t i = 0; i < bodies.addrs.n; i++)
		if (strcmp(bodies.addrs.v[i].addr, addr) == 0)
			return &bodies.addrs.v[i];
	if (!add)
		return NULL;
	u = VEC_PUSH(&bodies.addrs);
	snprintf(u->addr, sizeof(u->addr), "%s", addr);
	u->n = 0;
	return u;
}

/* Takes length bytes of the budget for c's body. Fills c->res and returns 1 when it may not. */
static int
body_admit(struct conn *c, uint64_t length)
{
	size_t limit = srv.cfg->max_body_memory ? srv.cfg->max_body_memory : BODY_MEMORY_DEFAULT;
	const char *addr = c->req->addr ? c->req->addr : "-";
	const char *msg = NULL;
	struct upload_addr *u;
	int ret = 0;

	pthread_mutex_lock(&bodies.lock);
	if (length > limit || bodies.used > limit - length) {
		ret = 503;
		msg = N_("The server is receiving as much as it can hold; send this again in a "
		    "little while.");
	} else if (length >= UPLOAD_MIN && (u = upload_addr(addr, 0)) != NULL &&
	    u->n >= UPLOADS_PER_ADDR) {
		ret = 429;
		msg = N_("Too many uploads from your address at once; wait for one to finish.");
	} else {
		bodies.used += (size_t)length;
		c->reserved = (size_t)length;
		if (length >= UPLOAD_MIN) {
			upload_addr(addr, 1)->n++;
			c->upload = 1;
		}
	}
	pthread_mutex_unlock(&bodies.lock);
	if (ret == 0)
		return 0;
	/* the page in the request's language, chosen outside the lock */
	web_lang_choose_early(c->req, &c->res);
	web_error(&c->res, ret, msg);
	web_header_add(&c->res, "Retry-After", "10");
	return 1;
}

/* Gives back what body_admit took: when the request ends. */
static void
body_release(struct conn *c)
{
	struct upload_addr *u;

	if (c->reserved == 0 && !c->upload)
		return;
	pthread_mutex_lock(&bodies.lock);
	assert(bodies.used >= c->reserved);
	bodies.used -= c->reserved;
	c->reserved = 0;
	if (c->upload && (u = upload_addr(c->req->addr ? c->req->addr : "-", 0)) != NULL &&
	    --u->n == 0) {
		*u = bodies.addrs.v[bodies.addrs.n - 1];
		bodies.addrs.n--;
	}
	c->upload = 0;
	pthread_mutex_unlock(&bodies.lock);
}

/*
 * An import's file (routes flagged WEB_R_IMPORT) is written to a temporary
 * file as it arrives, unlinked at once, instead of growing in memory; when
 * the body is in, the file (and a NUL after it) is mapped read-only and
 * handed to the handler as req->upload.bytes. Other forms' files (none
 * today) stay in req->upload.data.
 */
static int
upload_spool(struct conn *c, const char *data, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];

	if (c->tmp_fd < 0) {
		snprintf(path, sizeof(path), "%s/trellis-upload-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if ((c->tmp_fd = mkstemp(path)) < 0) {
			fprintf(stderr, "trellis serve: upload: cannot make a temporary file in %s: %s\n",
			    tmp && *tmp ? tmp : "/tmp", strerror(errno));
			return -1;
		}
		unlink(path);
	}
	while (size > 0) {
		ssize_t w = write(c->tmp_fd, data, size);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fprintf(stderr, "trellis serve: upload: cannot write a temporary file: %s\n",
			    strerror(errno));
			return -1;
		}
		data += w;
		size -= (size_t)w;
	}
	return 0;
}

/* Sets req->upload.bytes and .len: the spooled file mapped, or upload.data. */
static int
upload_map(struct conn *c)
{
	struct web_upload *up = &c->req->upload;
	off_t end;

	up->bytes = up->data.buf;
	up->len = up->data.len;
	if (c->tmp_fd < 0)
		return 0;
	/* a NUL after the bytes, as a strbuf has: readers may rely on it */
	if ((end = lseek(c->tmp_fd, 0, SEEK_END)) < 0 || write(c->tmp_fd, "", 1) != 1)
		return -1;
	c->map = mmap(NULL, (size_t)end + 1, PROT_READ, MAP_PRIVATE, c->tmp_fd, 0);
	if (c->map == MAP_FAILED) {
		c->map = NULL;
		return -1;
	}
	c->map_len = (size_t)end + 1;
	up->bytes = c->map;
	up->len = (size_t)end;
	return 0;
}

static void
upload_drop(struct conn *c)
{
	if (c->map)
		munmap(c->map, c->map_len);
	if (c->tmp_fd >= 0)
		close(c->tmp_fd);
	c->map = NULL;
	c->tmp_fd = -1;
}

/* Whether path is the API's (its errors are JSON). */
static int
is_api(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

/*
 * The program c's path names (/p/{program}/, /api/v1/programs/{program}/;
 * docs/web.md): c->prefix set and req->raw_path made the path inside it.
 * -1 for a bad encoding. Which program the request is in is told once the
 * route is known (program_in).
 */
static int
program_of(struct conn *c)
{
	struct web_request *req = c->req;
	struct strbuf name = STRBUF_INIT, rest = STRBUF_INIT;
	int r, ret = 0;

	c->prefix = NULL;
	if ((r = url_program_split(req->raw_path, &name, &rest)) != 1)
		goto out;
	if (web_urldecode(name.buf, 0)) {
		ret = -1;
		goto out;
	}
	c->prefix = web_strdup(req, name.buf);
	req->raw_path = web_strdup(req, rest.buf);
out:
	strbuf_release(&name);
	strbuf_release(&rest);
	return ret;
}

/*
 * The program c's request is in (req->program), from the programs the
 * database holds now (web_programs_follow, on the request's own read of
 * the data's versions): the one its path names, else the server's only
 * one, or none when it serves several. A program not served is no page:
 * the path as sent matches nothing (404).
 */
static void
program_in(struct conn *c)
{
	struct web_request *req = c->req;

	if (c->match == WEB_MATCH_OK)
		req->slug = c->m.slug;
	web_programs_follow(req);
	/* a change reads the versions again when it needs them, after its body */
	if (!(req->method & (WEB_GET | WEB_HEAD)))
		req->pre_read = 0;
	req->program = web_program_served(c->prefix, &c->multi);
	if (c->prefix && req->program == NULL) {
		req->raw_path = req->sent_path;
		req->slug = NULL;
		c->match = WEB_MATCH_NONE;
		memset(&c->m, 0, sizeof(c->m));
	} else if (c->prefix == NULL && c->multi)
		req->program = NULL;
	html_program_use(c->multi ? req->program : NULL);
}

/*
 * Whether route r may answer in req's program: on a server of several
 * programs, a path that names none reaches only the site's own pages
 * (WEB_R_SITE: sign-in, a survey link, the list of programs...).
 */
static int
program_ok(const struct web_request *req, const struct web_route *r)
{
	return req->program != NULL || (r->flags & WEB_R_SITE);
}

/* The first access call: every check that needs no body. */
static enum MHD_Result
start(struct conn *c, struct MHD_Connection *connection, const char *method)
{
	struct web_request *req = c->req;
	struct header_scan hs = { 0, 0, 0, 0 };
	const char *q, *cl, *ct, *cookie;
	uint64_t length = 0;

	req->method_name = web_strdup(req, method);
	req->method = web_method_parse(method);
	q = strchr(c->uri, '?');
	req->raw_path = q ? web_strndup(req, c->uri, (size_t)(q - c->uri)) : c->uri;
	req->raw_query = q ? q + 1 : NULL;
	req->api = is_api(req->raw_path);

	mhd.get_connection_values(connection, MHD_HEADER_KIND, scan_header, &hs);
	if (hs.bytes > WEB_HEADER_MAX)
		return refuse(c, connection, 431, "The request's headers are larger than 16 KiB.");
	if (hs.bad_name)
		return refuse(c, connection, 400, "A header has whitespace before its colon.");
	if (hs.content_length > 1)
		return refuse(c, connection, 400, "The request has more than one Content-Length.");
	if (hs.transfer_encoding && hs.content_length)
		return refuse(c, connection, 400, "The request has both Content-Length and Transfer-Encoding.");
	if (hs.transfer_encoding)
		return refuse(c, connection, 411, "A request body needs a Content-Length.");

	/* the program it is in, then the path inside it, decoded per segment, against the route table */
	req->sent_path = req->raw_path;
	if (program_of(c) == -1)
		return refuse(c, connection, 400, "The address is not properly encoded.");
	c->capbuf = web_alloc(req, strlen(req->raw_path) + 1);
	c->match = web_route_match(web_routes, PAGE__MAX, req->raw_path, req->method,
	    c->capbuf, &c->m);
	if (c->match == -1)
		return refuse(c, connection, 400, "The address is not properly encoded.");
	program_in(c);
	req->api = is_api(req->raw_path);
	if (c->match == WEB_MATCH_OK && !program_ok(req, c->m.route)) {
		c->match = WEB_MATCH_NONE;
		c->no_program = 1;
	}
	{
		char *path = web_strdup(req, req->raw_path);

		/* the whole path decoded, for handlers and messages; split already checked it */
		if (web_urldecode(path, 0))
			path = web_strdup(req, req->raw_path);
		req->path = path;
	}
	if (q && web_parse_urlencoded(req, q + 1, strlen(q + 1), &req->query))
		return refuse(c, connection, 400, "The query string is not properly encoded.");

	c->limit = c->m.route && (c->m.route->flags & WEB_R_IMPORT) ? WEB_IMPORT_BODY_MAX : WEB_BODY_MAX;
	cl = mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length");
	if (cl && parse_length(cl, &length))
		return refuse(c, connection, 400, "The Content-Length is not a number.");

	req->content_type = web_strdup(req, mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Type"));
	req->authorization = web_strdup(req, mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Authorization"));
	req->origin = web_strdup(req, mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Origin"));
	req->sec_fetch_site = web_strdup(req, mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Sec-Fetch-Site"));
	req->host = web_strdup(req, mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Host"));
	forwarded_for(req, connection);
	if (srv.dev_user.role && !dev_host_ok(req->host))
		return refuse(c, connection, 421, "With --dev-insecure-role this server answers only "
		    "Host: localhost, 127.0.0.1 or [::1] (with the port).");
	cookie = mhd.lookup_connection_value(connection, MHD_HEADER_KIND, "Cookie");
	if (cookie && web_parse_cookies(req, cookie, &req->cookies))
		return refuse(c, connection, 400, "Too many cookies.");
	/* after the cookies: the page's language may be the lang cookie's */
	if (length > c->limit)
		return refuse_lang(c, connection, 413, c->limit == WEB_BODY_MAX ?
		    N_("The request is larger than 1 MiB.") : N_("The upload is larger than 16 MiB."));

	if (length > 0 && c->match == WEB_MATCH_OK) {
		if (authorize(c) || body_admit(c, length)) {
			i18n_use(LANG_EN);	/* as after a dispatch */
			return queue(c, connection, 1);
		}
	}
	if (length > 0) {
		sock_event(connection, SOCK_BODY, length);
		ct = req->content_type ? req->content_type : "";
		if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
			c->body = BODY_URLENCODED;
		else if (strncasecmp(ct, "multipart/form-data", 19) == 0) {
			c->body = BODY_MULTIPART;
			c->pp = mhd.create_post_processor(connection, POST_BUFFER, post_iter, c);
			if (c->pp == NULL)
				return refuse(c, connection, 400, "The form's multipart boundary is missing or bad.");
		} else
			c->body = BODY_RAW;
	}
	return MHD_YES;
}

/* ---------------------------------------------------------------- the body */

static void
fail(struct conn *c, int status, const char *msg)
{
	if (c->fail == 0) {
		c->fail = status;
		c->fail_msg = msg;
	}
}

static enum MHD_Result
post_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
    const char *content_type, const char *transfer_encoding, const char *data,
    uint64_t off, size_t size)
{
	struct conn *c = cls;
	struct web_request *req = c->req;

	(void)kind;
	(void)transfer_encoding;
	if (c->fail)
		return MHD_YES;
	if (key == NULL)
		key = "";
	if (filename != NULL) {
		if (!req->upload.present) {
			req->upload.present = 1;
			req->upload.field = web_strdup(req, key);
			req->upload.filename = web_strdup(req, filename);
			req->upload.content_type = web_strdup(req, content_type);
		} else if (off == 0 || strcmp(req->upload.field, key) != 0) {
			fail(c, 400, N_("A form may carry one file only."));
			return MHD_YES;
		}
		if (c->m.route && (c->m.route->flags & WEB_R_IMPORT)) {
			if (upload_spool(c, data, size))
				fail(c, 500, N_("The upload could not be stored on the server."));
		} else
			strbuf_add(&req->upload.data, data, size);
		return MHD_YES;
	}
	if (off == 0 || c->cur_field < 0 || strcmp(req->form.v[c->cur_field].name, key) != 0) {
		struct web_pair *p;

		if (req->form.n >= WEB_PARAMS_MAX) {
			fail(c, 400, N_("The form has too many fields."));
			return MHD_YES;
		}
		p = VEC_PUSH(&req->form);
		p->name = web_strdup(req, key);
		p->value = web_strndup(req, data ? data : "", size);
		c->cur_field = (int)(req->form.n - 1);
	} else {
		/* the rest of a long value: values are at most the body limit */
		struct web_pair *p = &req->form.v[c->cur_field];
		size_t have = strlen(p->value);
		char *v = web_alloc(req, have + size + 1);

		memcpy(v, p->value, have);
		memcpy(v + have, data, size);
		v[have + size] = '\0';
		p->value = v;
	}
	return MHD_YES;
}

static void
feed(struct conn *c, const char *data, size_t size)
{
	c->received += size;
	if (c->received > c->limit) {
		fail(c, 413, N_("The request is larger than its Content-Length said."));
		return;
	}
	if (c->fail)
		return;		/* drain: read and drop */
	switch (c->body) {
	case BODY_MULTIPART:
		if (mhd.post_process(c->pp, data, size) != MHD_YES)
			fail(c, 400, N_("The form data is malformed."));
		break;
	case BODY_URLENCODED:
	case BODY_RAW:
		strbuf_add(&c->req->body, data, size);
		break;
	case BODY_NONE:
		break;
	}
}

/* The body is all in: parse what was buffered. */
static void
finish_body(struct conn *c)
{
	struct web_request *req = c->req;

	if (c->pp) {
		mhd.destroy_post_processor(c->pp);
		c->pp = NULL;
	}
	if (c->fail)
		return;
	if (c->body == BODY_URLENCODED) {
		if (memchr(req->body.buf, '\0', req->body.len) ||
		    web_parse_urlencoded(req, req->body.buf, req->body.len, &req->form))
			fail(c, 400, N_("The form data is not properly encoded."));
		strbuf_reset(&req->body);
	} else if (c->body == BODY_MULTIPART) {
		if (upload_map(c))
			fail(c, 500, N_("The upload could not be read back on the server."));
		for (size_t i = 0; i < req->form.n; i++)
			if (!web_utf8_valid(req->form.v[i].name, strlen(req->form.v[i].name)) ||
			    !web_utf8_valid(req->form.v[i].value, strlen(req->form.v[i].value)))
				fail(c, 400, N_("A form field is not valid UTF-8."));
	}
}

/* ---------------------------------------------------------------- dispatch */

/*
 * A program's page asked without its program, on a server of several (an
 * address of the days of one program, a link in a mail): a GET by someone
 * signed in goes to the same page in their program, or for an admin in the
 * program that holds the initiative the path names; anyone not signed in
 * signs in first. Returns 1 when it has answered c->res, 0 for a 404.
 */
static int
program_elsewhere(struct conn *c)
{
	struct web_request *req = c->req;
	struct strbuf url = STRBUF_INIT, path = STRBUF_INIT;
	const char *target = NULL;

	if (req->api || !(req->method & (WEB_GET | WEB_HEAD)) || identify(req) < 0)
		return 0;
	if (!req->authenticated) {
		web_redirect(&c->res, "/login");
		return 1;
	}
	if (req->user.program)
		target = req->user.program;
	else if (c->m.slug && web_program_of(req, c->m.slug) != NULL)
		target = req->program;
	if (target == NULL)
		return 0;
	strbuf_addstr(&path, req->raw_path);
	if (req->raw_query)
		strbuf_addf(&path, "?%s", req->raw_query);
	url_in_program(&url, target, path.buf);
	web_redirect(&c->res, url.buf);
	strbuf_release(&url);
	strbuf_release(&path);
	return 1;
}

static void
dispatch(struct conn *c)
{
	struct web_request *req = c->req;
	struct web_response *res = &c->res;
	const struct web_route *r;
	char allow[80];

	if (c->fail) {
		/* in the request's language: the messages a page shows are marked N_() */
		web_lang_choose_early(req, res);
		web_error(res, c->fail, c->fail_msg);
		return;
	}
	if (c->match == WEB_MATCH_NONE && c->no_program && program_elsewhere(c))
		return;
	if (c->match == WEB_MATCH_NONE) {
		identify(req);
		web_lang_choose(req, res);
		web_error(res, 404, N_("There is no page at this address."));
		return;
	}
	if (c->match == WEB_MATCH_METHOD) {
		identify(req);
		web_lang_choose(req, res);
		static const char *const names[] = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" };

		allow[0] = '\0';
		for (int i = 0; i < 7; i++)
			if (c->m.allow & (1 << i)) {
				size_t l = strlen(allow);

				snprintf(allow + l, sizeof(allow) - l, "%s%s", l ? ", " : "", names[i]);
			}
		web_error(res, 405, N_("This address does not answer that method."));
		web_header_add(res, "Allow", allow);
		return;
	}
	r = c->m.route;
	if (!c->authorized && authorize(c))
		return;
	/* CSRF and origin: the one check before every handler (auth.c, web.h) */
	if (web_csrf_guard(req, res))
		return;
	web_lang_choose(req, res);
	if (r->handler(req, res) == -1 && res->status < 400)
		web_error(res, 500, N_("Something went wrong on the server; it has been logged."));
}

static enum MHD_Result
access_cb(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
    const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	struct conn *c = *con_cls;

	(void)cls;
	(void)url;
	(void)version;
	if (c == NULL) {
		/* MHD always calls uri_log first; this is a guard, not a path */
		*con_cls = c = uri_log(NULL, url, connection);
	}
	if (c->raw)
		return MHD_NO;	/* answered already (query_refuse): close */
	if (!c->started) {
		c->started = 1;
		sock_event(connection, SOCK_HEADERS, 0);
		return start(c, connection, method);
	}
	if (c->queued)
		return MHD_YES;
	if (*upload_data_size) {
		feed(c, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	sock_event(connection, SOCK_BODY_DONE, 0);
	finish_body(c);
	html_program_use(c->multi ? c->req->program : NULL);
	dispatch(c);
	i18n_use(LANG_EN);	/* the thread's next request chooses its own */
	html_program_use(NULL);
	return queue(c, connection, 0);
}

/* ---------------------------------------------------------------- request end */

/* Appends s with control characters, spaces and non-ASCII as %XX, so one log line stays one line. */
static void
log_safe(struct strbuf *sb, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == '"')
			strbuf_addf(sb, "%%%02X", *p);
		else
			strbuf_addch(sb, (char)*p);
}

/*
 * The request's path for the access log: as sent, except that a survey
 * link's token, with the address beside it, would say who answered (R12),
 * so a path that a WEB_R_SECRET row matches, with any method, is written as
 * its pattern — also when MHD refused the request before the router ran.
 */
static const char *
secret_pattern(const struct web_match *m)
{
	/* the row that answers decides ("/s/thanks" is no secret); with none, any row */
	if (m->route)
		return m->route->flags & WEB_R_SECRET ? m->route->pattern : NULL;
	return m->secret;
}

static void
log_path(struct strbuf *line, struct conn *c)
{
	const char *path = c->req->sent_path ? c->req->sent_path : c->req->raw_path, *secret;
	struct web_match m;

	if (path && c->capbuf && c->match != -1) {	/* the router ran */
		secret = secret_pattern(&c->m);
		log_safe(line, secret ? secret : path);
		return;
	}
	if (path == NULL) {
		const char *q = strchr(c->uri, '?');

		path = q ? web_strndup(c->req, c->uri, (size_t)(q - c->uri)) : c->uri;
	}
	if (web_route_match(web_routes, PAGE__MAX, path, WEB_GET,
	    web_alloc(c->req, strlen(path) + 1), &m) != -1 && (secret = secret_pattern(&m)))
		log_safe(line, secret);
	else
		log_safe(line, path);
}

/* The access log line of c, then c freed: the request has ended (toe says how). */
static void
conn_finish(struct conn *c, enum MHD_RequestTerminationCode toe)
{
	struct strbuf line = STRBUF_INIT;
	struct timespec t1;
	struct tm tm;
	time_t now = time(NULL);
	char ts[32];
	double ms;
	long long tenths;

	body_release(c);
	upload_drop(c);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - c->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - c->t0.tv_nsec) / 1e6;
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	/* no printf: glibc's is slow in this process (docs/benchmarks.md, P3) */
	strbuf_addstr(&line, ts);
	strbuf_addch(&line, ' ');
	strbuf_addstr(&line, c->req->addr ? c->req->addr : "-");
	strbuf_addch(&line, ' ');
	log_safe(&line, c->req->method_name ? c->req->method_name : "-");
	strbuf_addch(&line, ' ');
	log_path(&line, c);
	if (c->queued || (c->raw && c->status)) {
		strbuf_addch(&line, ' ');
		strbuf_addint(&line, c->status);
		strbuf_addch(&line, ' ');
		strbuf_addint(&line, (long long)c->bytes);
	} else
		strbuf_addstr(&line, " - 0");
	/* the time in ms to a tenth, as %.1f */
	tenths = llround(ms * 10);
	strbuf_addch(&line, ' ');
	strbuf_addint(&line, tenths / 10);
	strbuf_addch(&line, '.');
	strbuf_addint(&line, tenths % 10);
	strbuf_addstr(&line, "ms");
	if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
		strbuf_addstr(&line, toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? " timeout" : " aborted");
	strbuf_addch(&line, '\n');
	fputs(line.buf, stderr);
	strbuf_release(&line);
	if (c->pp)
		mhd.destroy_post_processor(c->pp);
	strbuf_release(&c->res.body);
	VEC_FREE(&c->res.headers);
	web_request_free(c->req);
	free(c);
	atomic_fetch_sub(&srv.inflight, 1);
}

static void
completed(void *cls, struct MHD_Connection *connection, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct conn *c = *con_cls;

	(void)cls;
	/* the next request's headers are awaited from now (keep-alive) */
	sock_event(connection, SOCK_DONE, 0);
	if (c == NULL)
		return;
	*con_cls = NULL;
	conn_finish(c, toe);
}

static void
mhd_log(void *cls, const char *fmt, va_list ap)
{
	char buf[512];

	(void)cls;
	vsnprintf(buf, sizeof(buf), fmt, ap);
	buf[strcspn(buf, "\n")] = '\0';
	fprintf(stderr, "trellis serve: libmicrohttpd: %s\n", buf);
}

/* ---------------------------------------------------------------- serving */

/* Parses "HOST:PORT" or "[V6]:PORT" into ss. Returns 0 or -1. */
static int
parse_listen(const char *s, struct sockaddr_storage *ss, int *v6)
{
	const char *colon = strrchr(s, ':');
	char host[INET6_ADDRSTRLEN + 2];
	uint64_t port;
	size_t hl;

	if (colon == NULL || parse_length(colon + 1, &port) || port > 65535)
		return -1;
	hl = (size_t)(colon - s);
	if (hl >= sizeof(host))
		return -1;
	memcpy(host, s, hl);
	host[hl] = '\0';
	memset(ss, 0, sizeof(*ss));
	if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;

		host[hl - 1] = '\0';
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)port);
		*v6 = 1;
		return inet_pton(AF_INET6, host + 1, &a->sin6_addr) == 1 ? 0 : -1;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;

		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)port);
		*v6 = 0;
		return inet_pton(AF_INET, hl ? host : "0.0.0.0", &a->sin_addr) == 1 ? 0 : -1;
	}
}

static int
is_loopback(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)(const void *)ss)->sin_addr.s_addr) >> 24) == 127;
	return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)(const void *)ss)->sin6_addr);
}

/* Sets srv.dev_user from TRELLIS_DEV_ROLE ("admin", "member:SLUG"). Returns 0 or -1. */
static int
dev_role(const char *spec)
{
	const char *colon = strchr(spec, ':');
	char name[32];
	size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
	int role;

	if (n >= sizeof(name))
		return -1;
	memcpy(name, spec, n);
	name[n] = '\0';
	if ((role = web_role_parse(name)) == 0)
		return -1;
	if ((role == WEB_MEMBER || role == WEB_VIEWER) != (colon != NULL && colon[1] != '\0'))
		return -1;
	srv.dev_user.id = 0;
	srv.dev_user.email = xstrdup("dev@localhost");
	srv.dev_user.role = role;
	srv.dev_user.initiative = colon ? xstrdup(colon + 1) : NULL;
	return 0;
}

static int
pick_program(struct store *st, const char *want, struct strbuf *err)
{
	struct store_slugs slugs = { NULL, 0, 0 };
	int ret = -1;

	if (store_program_slugs(st, &slugs, err) == -1)
		goto out;
	if (want) {
		for (size_t i = 0; i < slugs.n && srv.slugs.n == 0; i++)
			if (strcmp(slugs.v[i], want) == 0)
				*VEC_PUSH(&srv.slugs) = xstrdup(want);
		if (srv.slugs.n == 0)
			strbuf_addf(err, _("no program '%s' in this database"), want);
	} else if (slugs.n == 0)
		strbuf_addstr(err, _("the database holds no program yet (`trellis import` or `trellis demo`)"));
	else if (slugs.n > CACHE_PROGRAMS_MAX)
		strbuf_addf(err, _("the database holds %zu programs; one server serves at most %d: "
		    "choose one with --program SLUG"), slugs.n, CACHE_PROGRAMS_MAX);
	else {
		/* every program, each under /p/{program}/ when there are several (docs/web.md) */
		srv.slugs = slugs;
		memset(&slugs, 0, sizeof(slugs));
	}
	ret = srv.slugs.n ? 0 : -1;
out:
	store_slugs_release(&slugs);
	return ret;
}

int
web_serve(const struct web_config *cfg)
{
	struct strbuf err = STRBUF_INIT;
	struct store *st = NULL;
	struct sockaddr_storage ss;
	struct MHD_Daemon *d = NULL;
	const union MHD_DaemonInfo *di;
	sigset_t sigs;
	char host[INET6_ADDRSTRLEN];
	unsigned threads = cfg->threads;
	int v6 = 0, sig, ret = -1, reaping = 0;
	pthread_t reaper_thread;
	long cores;

	memset(&srv, 0, sizeof(srv));
	srv.cfg = cfg;
	web_dev_cookie_set(cfg->dev_cookie);
	atomic_init(&srv.inflight, 0);
	atomic_init(&srv.stopping, 0);

	if (parse_listen(cfg->listen, &ss, &v6)) {
		fprintf(stderr, _("trellis serve: --listen '%s' is not HOST:PORT (127.0.0.1:8080, [::1]:8080)\n"),
		    cfg->listen);
		goto out;
	}
	if (cfg->dev_role) {
		if (dev_role(cfg->dev_role)) {
			fprintf(stderr, _("trellis serve: TRELLIS_DEV_ROLE '%s' is not admin, evaluator, "
			    "member:SLUG or viewer:SLUG\n"), cfg->dev_role);
			goto out;
		}
		if (!is_loopback(&ss)) {
			fprintf(stderr, _("trellis serve: --dev-insecure-role serves on a loopback address only\n"));
			goto out;
		}
		fprintf(stderr, _("trellis serve: WARNING: --dev-insecure-role: every request acts as %s "
		    "without signing in. For development only.\n"), cfg->dev_role);
	}
	/* before any thread: gettext's catalogs and a locale per language (util/i18n.h) */
	if (i18n_init(&err) == -1) {
		fprintf(stderr, "trellis serve: WARNING: %s\n", err.buf);
		strbuf_reset(&err);
	}
	/* the cookie without Secure travels in clear: only where nothing leaves the machine */
	if (cfg->dev_cookie && !is_loopback(&ss)) {
		fprintf(stderr, _("trellis serve: --dev-cookie serves on a loopback address only\n"));
		goto out;
	}
	if (mhd_load(&err) == -1) {
		fprintf(stderr, "trellis serve: %s\n", err.buf);
		goto out;
	}
	if (store_open(cfg->db, 0, &st, &err) == -1 || pick_program(st, cfg->program, &err) == -1 ||
	    cache_start(st, cfg->db, (const char *const *)srv.slugs.v, srv.slugs.n,
	    cfg->program == NULL, cfg->cache_mb * 1024 * 1024, &err) == -1) {
		fprintf(stderr, "trellis serve: %s: %s\n", cfg->db, err.buf);
		goto out;
	}
	store_close(st);
	st = NULL;

	if (threads == 0) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cores > 0 ? (unsigned)cores : 1;
	}
	/* workers inherit this mask: only the main thread takes SIGTERM and SIGINT */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	d = mhd.start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
	    (v6 ? MHD_USE_IPv6 : 0), 0, NULL, NULL, access_cb, NULL,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, threads,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONN_TIMEOUT,
	    MHD_OPTION_CONNECTION_LIMIT, cfg->max_connections,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_per_ip,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
	    MHD_OPTION_STRICT_FOR_CLIENT, 1,
	    MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, notify_connection, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, _("trellis serve: cannot listen on %s: %s\n"), cfg->listen,
		    errno ? strerror(errno) : "libmicrohttpd refused to start");
		goto out;
	}
	reap.stop = 0;
	reap.limit = cfg->max_connections;
	if ((errno = pthread_create(&reaper_thread, NULL, reaper, NULL)) != 0) {
		fprintf(stderr, _("trellis serve: cannot start the reaper thread: %s\n"), strerror(errno));
		mhd.stop_daemon(d);
		goto out;
	}
	reaping = 1;
	di = mhd.get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (v6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof(host));
	else
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof(host));
	printf("listening on http://%s%s%s:%u/\n", v6 ? "[" : "", host, v6 ? "]" : "",
	    di ? (unsigned)di->port : 0u);
	fflush(stdout);
	if (srv.slugs.n > 1)
		fprintf(stderr, _("trellis serve: %zu programs (under /p/PROGRAM/), %u threads, database %s\n"),
		    srv.slugs.n, threads, cfg->db);
	else
		fprintf(stderr, _("trellis serve: program %s, %u threads, database %s\n"), srv.slugs.v[0],
		    threads, cfg->db);

	do {
		if (sigwait(&sigs, &sig) != 0)
			sig = 0;
	} while (sig != SIGTERM && sig != SIGINT);

	/* stop accepting, let what is in flight finish, then stop */
	atomic_store(&srv.stopping, 1);
	{
		MHD_socket ls = mhd.quiesce_daemon(d);
		struct timespec nap = { 0, 10 * 1000 * 1000 };

		if (ls != MHD_INVALID_SOCKET)
			close(ls);
		for (int i = 0; i < SHUTDOWN_WAIT * 100 && atomic_load(&srv.inflight) > 0; i++)
			nanosleep(&nap, NULL);
	}
	mhd.stop_daemon(d);
	fprintf(stderr, _("trellis serve: stopped (signal %d)\n"), sig);
	ret = 0;
out:
	if (reaping) {
		pthread_mutex_lock(&reap.lock);
		reap.stop = 1;
		pthread_cond_signal(&reap.wake);
		pthread_mutex_unlock(&reap.lock);
		pthread_join(reaper_thread, NULL);
		VEC_FREE(&bodies.addrs);
		fprintf(stderr, "trellis serve: connections closed by the reaper: %u past the %d s "
		    "header deadline, %u gone mid-headers, %u past their body's deadline, "
		    "%u to make room near the connection limit\n",
		    reap.deadline_cut, HEADER_DEADLINE, reap.gone_cut, reap.body_cut, reap.crowd_cut);
	}
	if (st)
		store_close(st);
	cache_stop();
	store_slugs_release(&srv.slugs);
	free(srv.dev_user.email);
	free(srv.dev_user.initiative);
	strbuf_release(&err);
	return ret;
}
