/*
 * The load client of R10 (RELIABILITY.md) and of P3/P5 (PERFORMANCE.md):
 * keep-alive HTTP/1.1 GETs over many loopback connections, and slow-header
 * clients. wrk is not installed; this is the load generator.
 *
 *	load [-c THREADS] [-k CONNS] [-n REQS] [-d SECONDS] [-b ADDR,...]
 *	     [-H HEADER] [-P PID] [-T LIMIT] PORT PATH...
 *
 * THREADS threads (default 1) each open CONNS connections (default 1) one
 * after the other, and send REQS requests (default 1) on each, cycling
 * through the PATHs; with -d every thread keeps one connection and sends
 * requests until SECONDS have passed. Each connection binds to the next of
 * the comma-separated ADDRs before connecting (default 127.0.0.1), so that
 * load can come from several loopback addresses. -H adds a header (a
 * session cookie). -P samples VmRSS of process PID every 50 ms.
 *
 * A response counts as good only when its status is 200, it carries a
 * Content-Length, every byte of the body arrived and the connection stayed
 * open (no "Connection: close"). Anything else is an error; the first few
 * are described on standard error. Prints one line:
 *
 *	connections=N requests=N errors=N seconds=S rps=R p50_ms=.. p99_ms=.. max_ms=.. rss_max_kib=K
 *
 * and exits 1 when errors > 0.
 *
 *	load -S N [-b ADDR] [-i INTERVAL] [-w SECONDS] [-f] PORT
 *
 * N slow-header clients from ADDR: each sends the start of a request and
 * then one more header byte every INTERVAL seconds (default 1; 0: never
 * another byte), never ending the headers, for SECONDS (default 5) or until
 * the server has closed them all. -f: at the end, finish the requests that
 * are still open and read the first byte of each answer before closing
 * (else they are just closed). Prints "slow-ready open=M" once the
 * connections are open (so a script can probe the server meanwhile), then
 *
 *	slow opened=N closed=C closed_within_2s=E open_at_end=O first_close_s=.. last_close_s=..
 *
 * -y: slow-body clients instead: each sends a whole POST's headers
 * (Content-Length 1000) and then its body one byte every INTERVAL seconds.
 *
 * Everything is bounded: socket timeouts of 10 s, and -T LIMIT (default
 * 120 s) ends the process with status 2 whatever it is doing.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "util/banned.h"

#define MAX_ADDRS	16
#define MAX_ERRMSG	5

static int port;
static struct in_addr addrs[MAX_ADDRS];
static int naddrs;
static char **paths;
static int npaths;
static const char *header;
static int conns_per_thread = 1, reqs_per_conn = 1;
static double duration;
static double t_start;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total_conns, total_reqs, total_errors;
static int errmsgs;
static volatile int done;
static long rss_max;

struct worker {
	pthread_t tid;
	int index;
	uint32_t *lat;		/* microseconds per good request */
	size_t nlat, alloc;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
on_alarm(int sig)
{
	static const char msg[] = "load: time limit reached\n";

	(void)sig;
	(void)!write(2, msg, sizeof(msg) - 1);
	_exit(2);
}

static void
error(const char *what, int conn, long req)
{
	pthread_mutex_lock(&lock);
	total_errors++;
	if (errmsgs++ < MAX_ERRMSG)
		fprintf(stderr, "load: connection %d request %ld: %s\n", conn, req, what);
	pthread_mutex_unlock(&lock);
}

/* A TCP socket bound to addr (port 0) and connected to the server, or -1. */
static int
dial(struct in_addr addr)
{
	struct sockaddr_in sa;
	struct timeval tv = { 10, 0 };
	int fd, one = 1;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr = addr;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		goto fail;
	sa.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr) != 1)
		goto fail;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		goto fail;
	return fd;
fail:
	close(fd);
	return -1;
}

static int
send_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = send(fd, p, n, MSG_NOSIGNAL)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The value of header name in the header block h (lines ending in \r\n), or NULL. */
static const char *
find_header(const char *h, const char *name)
{
	size_t len = strlen(name);
	const char *line;

	for (line = strstr(h, "\r\n"); line && line[2] != '\r'; line = strstr(line + 2, "\r\n"))
		if (strncasecmp(line + 2, name, len) == 0 && line[2 + len] == ':')
			return line + 3 + len;
	return NULL;
}

/*
 * Sends one GET and reads its response to the end. Returns 0 for a good
 * response, -1 with *why set otherwise. buf is the connection's buffer.
 */
static int
one_request(int fd, const char *path, char **buf, size_t *alloc, const char **why)
{
	char req[2048];
	size_t have = 0, hlen = 0;
	long clen = -1;
	ssize_t r;
	const char *v, *end;
	int n;

	n = snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n%s%s"
	    "Accept: text/html,text/css\r\n\r\n", path, port, header ? header : "", header ? "\r\n" : "");
	if (n < 0 || (size_t)n >= sizeof(req))
		return *why = "request too long", -1;
	if (send_all(fd, req, (size_t)n) < 0)
		return *why = "send failed", -1;
	for (;;) {
		if (have + 1 >= *alloc)
			xgrow((void **)buf, alloc, have + 65536, 1);
		r = recv(fd, *buf + have, *alloc - have - 1, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return *why = errno == EAGAIN ? "timed out (10 s)" :
			    errno == ECONNRESET ? "connection reset" : "recv failed", -1;
		if (r == 0)
			return *why = "connection closed by the server", -1;
		have += (size_t)r;
		(*buf)[have] = '\0';
		if (clen < 0) {
			if ((end = strstr(*buf, "\r\n\r\n")) == NULL)
				continue;
			hlen = (size_t)(end - *buf) + 4;
			if (strncmp(*buf, "HTTP/1.1 200 ", 13) != 0)
				return *why = "status is not 200", -1;
			if ((v = find_header(*buf, "Content-Length")) == NULL)
				return *why = "no Content-Length", -1;
			clen = strtol(v, NULL, 10);
			if ((v = find_header(*buf, "Connection")) != NULL &&
			    strncasecmp(v + strspn(v, " "), "close", 5) == 0)
				return *why = "Connection: close", -1;
		}
		if (have > hlen + (size_t)clen)
			return *why = "more bytes than Content-Length", -1;
		if (have == hlen + (size_t)clen)
			return 0;
	}
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	char *buf = NULL;
	size_t alloc = 0;
	const char *why;
	double t0;
	long r;
	int k, fd, id;

	for (k = 0; k < conns_per_thread && !done; k++) {
		id = w->index * conns_per_thread + k;
		pthread_mutex_lock(&lock);
		total_conns++;
		pthread_mutex_unlock(&lock);
		if ((fd = dial(addrs[id % naddrs])) < 0) {
			error("cannot connect", id, 0);
			continue;
		}
		for (r = 0; duration > 0 ? now() - t_start < duration : r < reqs_per_conn; r++) {
			t0 = now();
			if (one_request(fd, paths[(w->index + r) % npaths], &buf, &alloc, &why) < 0) {
				error(why, id, r);
				break;
			}
			xgrow((void **)&w->lat, &w->alloc, w->nlat + 1, sizeof(*w->lat));
			w->lat[w->nlat++] = (uint32_t)((now() - t0) * 1e6);
		}
		pthread_mutex_lock(&lock);
		total_reqs += r;
		pthread_mutex_unlock(&lock);
		close(fd);
	}
	free(buf);
	return NULL;
}

static long
read_rss(long pid)
{
	char path[64], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	fclose(f);
	return kib;
}

static void *
sample_rss(void *arg)
{
	long pid = *(long *)arg, kib;

	while (!done) {
		if ((kib = read_rss(pid)) > rss_max)
			rss_max = kib;
		usleep(50000);
	}
	return NULL;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int
run_load(int nthreads, long pid)
{
	struct worker *w = xcalloc((size_t)nthreads, sizeof(*w));
	uint32_t *all;
	size_t n = 0, i;
	pthread_t sampler;
	double secs;
	int t, started = 0;

	t_start = now();
	if (pid > 0) {
		rss_max = read_rss(pid);
		pthread_create(&sampler, NULL, sample_rss, &pid);
	}
	for (t = 0; t < nthreads; t++) {
		w[t].index = t;
		if (pthread_create(&w[t].tid, NULL, work, &w[t]) != 0) {
			fprintf(stderr, "load: cannot start thread %d\n", t);
			break;
		}
		started++;
	}
	for (t = 0; t < started; t++)
		pthread_join(w[t].tid, NULL);
	secs = now() - t_start;
	done = 1;
	if (pid > 0) {
		pthread_join(sampler, NULL);
		if (read_rss(pid) > rss_max)
			rss_max = read_rss(pid);
	}
	for (t = 0; t < started; t++)
		n += w[t].nlat;
	all = xmalloc((n + 1) * sizeof(*all));
	for (n = 0, t = 0; t < started; t++) {
		for (i = 0; i < w[t].nlat; i++)
			all[n++] = w[t].lat[i];
		free(w[t].lat);
	}
	qsort(all, n, sizeof(*all), cmp_u32);
	printf("connections=%ld requests=%ld errors=%ld seconds=%.2f rps=%.0f "
	    "p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rss_max_kib=%ld\n",
	    total_conns, total_reqs, total_errors + (started < nthreads), secs, n / secs,
	    n ? all[n / 2] / 1e3 : 0.0, n ? all[n * 99 / 100] / 1e3 : 0.0,
	    n ? all[n - 1] / 1e3 : 0.0, pid > 0 ? rss_max : -1L);
	free(all);
	free(w);
	return total_errors == 0 && started == nthreads && total_reqs > 0 ? 0 : 1;
}

static int
run_slow(int n, double interval, double wait, int finish, int body)
{
	static const char head[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
	static const char post[] = "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n";
	const char *start = body ? post : head;
	size_t len = body ? sizeof(post) - 1 : sizeof(head) - 1;
	int *fd = xcalloc((size_t)n, sizeof(*fd));
	double *closed_at = xcalloc((size_t)n, sizeof(*closed_at));
	struct pollfd *pfd = xcalloc((size_t)n, sizeof(*pfd));
	double t0 = now(), next, first = -1, last = -1;
	int i, opened = 0, open, closed = 0, early = 0, np;
	char c;

	for (i = 0; i < n; i++) {
		closed_at[i] = -1;
		if ((fd[i] = dial(addrs[0])) < 0 ||
		    send_all(fd[i], start, len) < 0) {
			if (fd[i] >= 0)
				close(fd[i]);
			fd[i] = -1;
			closed_at[i] = now() - t0;
			closed++;
			continue;
		}
		opened++;
	}
	printf("slow-ready open=%d\n", opened);
	fflush(stdout);
	next = t0 + (interval > 0 ? interval : wait + 1);
	while (now() - t0 < wait) {
		for (np = 0, i = 0; i < n; i++)
			if (fd[i] >= 0) {
				pfd[np].fd = fd[i];
				pfd[np].events = POLLIN;
				pfd[np++].revents = 0;
			}
		if (np == 0)
			break;
		poll(pfd, (nfds_t)np, 100);
		for (i = 0; i < n; i++) {
			int gone = 0, j;

			if (fd[i] < 0)
				continue;
			for (j = 0; j < np; j++)
				if (pfd[j].fd == fd[i] && pfd[j].revents) {
					/* EOF, a reset, or any answer to an unfinished request */
					(void)!recv(fd[i], &c, 1, MSG_DONTWAIT);
					gone = 1;
				}
			if (!gone && now() >= next)
				gone = send(fd[i], "a", 1, MSG_NOSIGNAL) < 0;
			if (gone) {
				close(fd[i]);
				fd[i] = -1;
				closed_at[i] = now() - t0;
				closed++;
			}
		}
		if (now() >= next)
			next += interval;
	}
	for (open = 0, i = 0; i < n; i++) {
		if (fd[i] >= 0) {
			open++;
			if (finish) {
				/*
				 * End the request and read the answer: the
				 * server then knows the connection is over
				 * (a close mid-headers may hold its slot of
				 * the per-address limit until the timeout).
				 */
				struct timeval tv = { 1, 0 };

				setsockopt(fd[i], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
				if (send_all(fd[i], "a\r\n\r\n", 5) == 0)
					(void)!recv(fd[i], &c, 1, 0);
			}
			close(fd[i]);
		} else {
			if (closed_at[i] <= 2)
				early++;
			if (first < 0 || closed_at[i] < first)
				first = closed_at[i];
			if (closed_at[i] > last)
				last = closed_at[i];
		}
	}
	printf("slow opened=%d closed=%d closed_within_2s=%d open_at_end=%d "
	    "first_close_s=%.1f last_close_s=%.1f seconds=%.1f\n",
	    opened, closed, early, open, first, last, now() - t0);
	free(fd);
	free(closed_at);
	free(pfd);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: load [-c THREADS] [-k CONNS] [-n REQS] [-d SECONDS] [-b ADDR,...]\n"
	    "            [-H HEADER] [-P PID] [-T LIMIT] PORT PATH...\n"
	    "       load -S N [-b ADDR] [-i INTERVAL] [-w SECONDS] [-f] [-y] [-T LIMIT] PORT\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *bind_list = "127.0.0.1";
	char *list, *a, *save = NULL;
	int opt, nthreads = 1, slow = 0, finish = 0, body = 0;
	double interval = 1, wait = 5;
	long pid = 0, limit = 120;

	while ((opt = getopt(argc, argv, "b:c:d:fH:i:k:n:P:S:T:w:y")) != -1) {
		switch (opt) {
		case 'b': bind_list = optarg; break;
		case 'c': nthreads = atoi(optarg); break;
		case 'd': duration = atof(optarg); break;
		case 'f': finish = 1; break;
		case 'H': header = optarg; break;
		case 'i': interval = atof(optarg); break;
		case 'k': conns_per_thread = atoi(optarg); break;
		case 'n': reqs_per_conn = atoi(optarg); break;
		case 'P': pid = atol(optarg); break;
		case 'S': slow = atoi(optarg); break;
		case 'T': limit = atol(optarg); break;
		case 'w': wait = atof(optarg); break;
		case 'y': body = 1; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || (port = atoi(argv[0])) <= 0 || port > 65535 || nthreads < 1 ||
	    nthreads > 4096 || conns_per_thread < 1 || reqs_per_conn < 1 || limit < 1 ||
	    slow < 0 || slow > 4096 || (!slow && argc < 2))
		usage();
	list = xstrdup(bind_list);
	for (a = strtok_r(list, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
		if (naddrs == MAX_ADDRS || inet_pton(AF_INET, a, &addrs[naddrs]) != 1)
			usage();
		naddrs++;
	}
	free(list);
	if (naddrs == 0)
		usage();
	signal(SIGALRM, on_alarm);
	alarm((unsigned)limit);
	if (slow)
		return run_slow(slow, interval, wait, finish, body);
	paths = argv + 1;
	npaths = argc - 1;
	return run_load(nthreads, pid);
}
