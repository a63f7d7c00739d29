/*
 * The hostile clients of R13 (RELIABILITY.md): clients without an account
 * that hold connections and send large bodies.
 *
 *	hostile crowd PORT N ADDRS NEWADDR PATH
 *
 * Opens N connections that never send a byte, bound round-robin to the
 * comma-separated loopback ADDRS (127.0.0.1,127.0.0.2,...), waits 1.5 s,
 * then from NEWADDR sends "GET PATH" on a new connection and times its
 * answer. Prints
 *
 *	crowd opened=N held=H new_status=S new_ms=T
 *
 * (held: the idle connections still open when the new client was answered).
 * Exits 1 when the new client got no answer within 15 s.
 *
 *	hostile raw PORT
 *
 * Sends standard input as it is on one connection, shuts down the sending
 * side, and copies everything the server answers to standard output (10 s
 * at most): for requests no HTTP client library would send (whitespace
 * before a colon, a request smuggled behind a body).
 *
 *	hostile upload PORT N ADDRS PID SIZE PATH...
 *
 * N clients at once (round-robin over ADDRS and the PATHs), each a POST
 * announcing a body of SIZE bytes (multipart/form-data): it sends the
 * headers, waits up to 2 s for an answer before sending any of the body,
 * then sends the body 64 KiB at a time (as fast as the server takes it)
 * while it waits for the answer. VmRSS of process PID, and its anonymous
 * part RssAnon (without the pages of mapped files), are sampled every
 * 20 ms. Prints
 *
 *	upload clients=N answered=A before_body=B status_303=.. status_401=.. status_403=..
 *	    status_413=.. status_429=.. status_503=.. other=.. body_sent_max=BYTES
 *	    rss_start_kib=.. rss_max_kib=.. rss_growth_kib=.. anon_growth_kib=.. hwm_kib=..
 *
 * before_body: answers that came before the client sent a byte of its body.
 * HOSTILE_HEADER, when set, is one more header line for every request (a
 * bearer token: a client that is allowed to upload).
 * Everything is bounded: the whole run ends after 60 s.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "util/banned.h"

#define MAX_ADDRS	64
#define CHUNK		(64 * 1024)
#define RUN_LIMIT	60.0

static int port;
static struct in_addr addrs[MAX_ADDRS];
static int naddrs;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Connects from addr to 127.0.0.1:port; nonblock: the socket is non-blocking. */
static int
dial(struct in_addr addr, int nonblock)
{
	struct sockaddr_in sa;
	int fd, one = 1;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
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
	if (nonblock)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
fail:
	close(fd);
	return -1;
}

static void
parse_addrs(const char *list)
{
	char *copy = xstrdup(list), *a, *save = NULL;

	for (a = strtok_r(copy, ",", &save); a && naddrs < MAX_ADDRS; a = strtok_r(NULL, ",", &save))
		if (inet_pton(AF_INET, a, &addrs[naddrs++]) != 1) {
			fprintf(stderr, "hostile: bad address %s\n", a);
			exit(2);
		}
	free(copy);
	if (naddrs == 0)
		exit(2);
}

/* The status of an HTTP response starting in buf, or 0. */
static int
status_of(const char *buf, size_t n)
{
	int st = 0;

	if (n >= 12 && memcmp(buf, "HTTP/1.", 7) == 0)
		st = atoi(buf + 9);
	return st;
}

static int
crowd(int n, const char *newaddr, const char *path)
{
	struct in_addr na;
	struct pollfd *pfd = xcalloc((size_t)n, sizeof(*pfd));
	int *fd = xcalloc((size_t)n, sizeof(*fd));
	int opened = 0, held = 0, nf, st = 0;
	double t0, t1 = 0;
	char req[512], buf[256];
	size_t got = 0;
	ssize_t r;

	if (inet_pton(AF_INET, newaddr, &na) != 1)
		return 2;
	for (int i = 0; i < n; i++)
		if ((fd[i] = dial(addrs[i % naddrs], 1)) >= 0)
			opened++;
	usleep(1500 * 1000);
	snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
	t0 = now();
	if ((nf = dial(na, 0)) < 0 || write(nf, req, strlen(req)) != (ssize_t)strlen(req)) {
		fprintf(stderr, "hostile: the new client cannot connect\n");
		return 1;
	}
	{
		struct timeval tv = { 15, 0 };

		setsockopt(nf, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	}
	while (got < sizeof(buf) - 1 && (r = read(nf, buf + got, sizeof(buf) - 1 - got)) > 0) {
		got += (size_t)r;
		if (got >= 12) {
			t1 = now();
			break;
		}
	}
	st = status_of(buf, got);
	close(nf);
	/* which idle connections does the server still hold? */
	for (int i = 0; i < n; i++) {
		pfd[i].fd = fd[i];
		pfd[i].events = POLLIN;
	}
	poll(pfd, (nfds_t)n, 0);
	for (int i = 0; i < n; i++) {
		if (fd[i] >= 0 && !(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
			held++;
		if (fd[i] >= 0)
			close(fd[i]);
	}
	printf("crowd opened=%d held=%d new_status=%d new_ms=%.0f\n", opened, held, st,
	    st ? (t1 - t0) * 1e3 : -1.0);
	free(pfd);
	free(fd);
	return st ? 0 : 1;
}

static long
rss_kib(long pid, const char *field)
{
	char path[64], line[256];
	long v = -1;
	size_t fl = strlen(field);
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, field, fl) == 0 && line[fl] == ':')
			v = atol(line + fl + 1);
	fclose(f);
	return v;
}

struct client {
	int fd;
	double start;
	uint64_t sent;		/* body bytes sent */
	int status;		/* 0: no answer yet; -1: closed without one */
	int before_body;
	char head[512];
	size_t head_len, head_sent;
	char buf[64];
	size_t got;
};

static int
upload(int n, long pid, uint64_t size, char **paths, int npaths)
{
	struct client *cl = xcalloc((size_t)n, sizeof(*cl));
	struct pollfd *pfd = xcalloc((size_t)n, sizeof(*pfd));
	static char chunk[CHUNK], first[CHUNK];
	static const char preamble[] = "--hostile\r\nContent-Disposition: form-data; name=\"file\"; "
	    "filename=\"decisions.csv\"\r\nContent-Type: text/csv\r\n\r\n";
	long rss0 = rss_kib(pid, "VmRSS"), rss_max = rss0, v;
	long anon0 = rss_kib(pid, "RssAnon"), anon_max = anon0;
	int open = 0, answered = 0, before = 0, counts[6] = { 0 }, other = 0;
	static const int codes[6] = { 303, 401, 403, 413, 429, 503 };
	uint64_t sent_max = 0;
	double t0 = now(), next_sample = 0;
	const char *extra = getenv("HOSTILE_HEADER");

	memset(chunk, 'x', sizeof(chunk));
	/* the body is a file upload, which the server would keep: a part with a filename */
	memset(first, 'x', sizeof(first));
	memcpy(first, preamble, sizeof(preamble) - 1);
	for (int i = 0; i < n; i++) {
		struct client *c = &cl[i];

		c->fd = dial(addrs[i % naddrs], 1);
		c->start = now();
		c->head_len = (size_t)snprintf(c->head, sizeof(c->head),
		    "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%s"
		    "Content-Type: multipart/form-data; boundary=hostile\r\n"
		    "Content-Length: %llu\r\n\r\n", paths[i % npaths], extra ? extra : "",
		    extra ? "\r\n" : "", (unsigned long long)size);
		if (c->fd < 0)
			c->status = -1;
		else
			open++;
	}
	while (open > 0 && now() - t0 < RUN_LIMIT) {
		int np = 0;

		for (int i = 0; i < n; i++) {
			struct client *c = &cl[i];

			if (c->fd < 0)
				continue;
			pfd[np].fd = c->fd;
			pfd[np].events = POLLIN;
			/* the headers at once; the body only after 2 s without an answer */
			if (c->head_sent < c->head_len ||
			    (c->sent < size && now() - c->start >= 2.0))
				pfd[np].events |= POLLOUT;
			pfd[np++].revents = 0;
		}
		poll(pfd, (nfds_t)np, 20);
		if (now() >= next_sample) {
			if ((v = rss_kib(pid, "VmRSS")) > rss_max)
				rss_max = v;
			if ((v = rss_kib(pid, "RssAnon")) > anon_max)
				anon_max = v;
			next_sample = now() + 0.02;
		}
		for (int j = 0; j < np; j++) {
			struct client *c = NULL;
			ssize_t r;

			for (int i = 0; i < n; i++)
				if (cl[i].fd == pfd[j].fd)
					c = &cl[i];
			if (c == NULL)
				continue;
			if (pfd[j].revents & (POLLIN | POLLHUP | POLLERR)) {
				r = recv(c->fd, c->buf + c->got, sizeof(c->buf) - 1 - c->got, 0);
				if (r > 0)
					c->got += (size_t)r;
				if (r > 0 && c->got < 12 && c->got < sizeof(c->buf) - 1)
					continue;
				c->status = status_of(c->buf, c->got);
				if (c->status == 0)
					c->status = -1;
				else {
					answered++;
					before += c->sent == 0;
				}
				if (c->sent > sent_max)
					sent_max = c->sent;
				close(c->fd);
				c->fd = -1;
				open--;
				continue;
			}
			if (!(pfd[j].revents & POLLOUT))
				continue;
			if (c->head_sent < c->head_len) {
				r = send(c->fd, c->head + c->head_sent, c->head_len - c->head_sent, MSG_NOSIGNAL);
				if (r > 0)
					c->head_sent += (size_t)r;
			} else {
				size_t want = size - c->sent < CHUNK ? (size_t)(size - c->sent) : CHUNK;

				r = send(c->fd, c->sent < CHUNK ? first + c->sent : chunk,
				    c->sent < CHUNK && want > CHUNK - c->sent ? CHUNK - c->sent : want,
				    MSG_NOSIGNAL);
				if (r > 0)
					c->sent += (uint64_t)r;
			}
			if (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
				/* the server closed: read what it answered, if anything */
				pfd[j].revents = POLLIN;
				j--;
			}
		}
	}
	for (int i = 0; i < n; i++) {
		if (cl[i].fd >= 0)
			close(cl[i].fd);
		if (cl[i].status > 0) {
			int k;

			for (k = 0; k < 6 && codes[k] != cl[i].status; k++)
				;
			if (k < 6)
				counts[k]++;
			else
				other++;
		}
	}
	printf("upload clients=%d answered=%d before_body=%d status_303=%d status_401=%d "
	    "status_403=%d status_413=%d status_429=%d status_503=%d other=%d body_sent_max=%llu "
	    "rss_start_kib=%ld rss_max_kib=%ld rss_growth_kib=%ld anon_growth_kib=%ld hwm_kib=%ld\n",
	    n, answered, before, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
	    other, (unsigned long long)sent_max, rss0, rss_max, rss_max - rss0, anon_max - anon0,
	    rss_kib(pid, "VmHWM"));
	free(cl);
	free(pfd);
	return answered == n ? 0 : 1;
}

static int
raw(void)
{
	struct in_addr lo;
	struct timeval tv = { 10, 0 };
	char buf[65536];
	ssize_t r;
	int fd;

	inet_pton(AF_INET, "127.0.0.1", &lo);
	if ((fd = dial(lo, 0)) < 0)
		return 1;
	while ((r = read(0, buf, sizeof(buf))) > 0)
		if (send(fd, buf, (size_t)r, MSG_NOSIGNAL) != r)
			break;
	shutdown(fd, SHUT_WR);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	while ((r = read(fd, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, (size_t)r, stdout);
	close(fd);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "raw") == 0) {
		port = atoi(argv[2]);
		return raw();
	}
	if (argc >= 7 && strcmp(argv[1], "crowd") == 0) {
		port = atoi(argv[2]);
		parse_addrs(argv[4]);
		return crowd(atoi(argv[3]), argv[5], argv[6]);
	}
	if (argc >= 8 && strcmp(argv[1], "upload") == 0) {
		port = atoi(argv[2]);
		parse_addrs(argv[4]);
		return upload(atoi(argv[3]), atol(argv[5]), strtoull(argv[6], NULL, 10),
		    argv + 7, argc - 7);
	}
	fprintf(stderr, "usage: hostile raw PORT <REQUEST\n"
	    "       hostile crowd PORT N ADDRS NEWADDR PATH\n"
	    "       hostile upload PORT N ADDRS PID SIZE PATH...\n");
	return 2;
}
