/*
 * What the subcommands share: option parsing, messages, whole-file reads and
 * atomic writes, and the progress line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "../util/banned.h"

/* Files larger than this are refused before anything is allocated. */
#define CLI_MAX_FILE	((size_t)1 << 31)

static const struct cli_opt global_opts[] = {
	{ "db", "PATH", NULL, "the database file (default $TRELLIS_DB, else ./" CLI_DEFAULT_DB ")" },
	{ "program", "SLUG", NULL, "the program to act on, when the database holds several" },
	{ NULL, NULL, NULL, NULL },
};

static void
print_opt(FILE *f, const struct cli_opt *o)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "--%s", o->name);
	if (o->arg)
		strbuf_addf(&sb, " %s", o->arg);
	fprintf(f, "  %-18s %s\n", sb.buf, o->help);
	strbuf_release(&sb);
}

static void
print_help(const struct cli_cmd *cmd, const struct cli_opt *opts)
{
	printf("usage: trellis %s %s\n\n%s\n\noptions:\n", cmd->name, cmd->usage,
	    cmd->summary);
	for (const struct cli_opt *o = opts; o && o->name; o++)
		print_opt(stdout, o);
	for (const struct cli_opt *o = global_opts; o->name; o++)
		print_opt(stdout, o);
	printf("  %-18s %s\n", "--help", "show this help");
	if (cmd->details)
		printf("\n%s\n", cmd->details);
	printf("\nexit status: 0 success, 1 failure, 2 usage error\n");
}

int
cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "trellis %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: trellis %s %s\n", cmd->name, cmd->usage);
	return CLI_USAGE;
}

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("trellis: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

/* Finds the option named by arg ("--name" or "--name=value") in opts. */
static const struct cli_opt *
find_opt(const struct cli_opt *opts, const char *name, size_t len)
{
	for (const struct cli_opt *o = opts; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

int
cli_parse(const struct cli_cmd *cmd, const struct cli_opt *opts,
    struct cli *c, int argc, char **argv, int *nargs)
{
	int n = 0, only_args = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *eq, *value = NULL;
		const struct cli_opt *o;
		const char **dest;
		size_t len;

		if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
			argv[n++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = 1;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_help(cmd, opts);
			return CLI_OK;
		}
		if (a[1] != '-')
			return cli_usage_error(cmd, "unknown option '%s'", a);
		eq = strchr(a + 2, '=');
		len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
		if ((o = find_opt(opts, a + 2, len)) != NULL)
			dest = o->value;
		else if ((o = find_opt(global_opts, a + 2, len)) != NULL)
			dest = o == &global_opts[0] ? &c->db : &c->program;
		else
			return cli_usage_error(cmd, "unknown option '%s'", a);
		if (o->arg == NULL) {
			if (eq)
				return cli_usage_error(cmd, "option '--%s' takes no value", o->name);
			*dest = "1";
			continue;
		}
		if (eq)
			value = eq + 1;
		else if (i + 1 < argc)
			value = argv[++i];
		else
			return cli_usage_error(cmd, "option '--%s' needs a value (%s)",
			    o->name, o->arg);
		if (*value == '\0')
			return cli_usage_error(cmd, "option '--%s' needs a value (%s)",
			    o->name, o->arg);
		*dest = value;
	}
	argv[n] = NULL;
	*nargs = n;
	return -1;
}

int
cli_read_file(const char *path, char **data, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	char chunk[65536];
	ssize_t r;
	int fd, ret = -1;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: cannot read: %s\n", path, strerror(EISDIR));
		goto out;
	}
	if ((size_t)st.st_size > CLI_MAX_FILE) {
		fprintf(stderr, "%s: cannot read: larger than %zu bytes\n", path,
		    CLI_MAX_FILE);
		goto out;
	}
	strbuf_grow(&sb, (size_t)st.st_size);
	for (;;) {
		r = read(fd, chunk, sizeof(chunk));
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		if (sb.len + (size_t)r > CLI_MAX_FILE) {
			fprintf(stderr, "%s: cannot read: larger than %zu bytes\n",
			    path, CLI_MAX_FILE);
			goto out;
		}
		strbuf_add(&sb, chunk, (size_t)r);
	}
	*data = strbuf_detach(&sb, len);
	ret = 0;
out:
	close(fd);
	strbuf_release(&sb);
	return ret;
}

int
cli_write_file(const char *path, const char *data, size_t len)
{
	struct strbuf tmp = STRBUF_INIT;
	size_t off = 0;
	int fd, ret = -1;

	strbuf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1) {
		fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
		goto out;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1) {
			fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
			close(fd);
			unlink(tmp.buf);
			goto out;
		}
		off += (size_t)w;
	}
	if (fsync(fd) == -1 || close(fd) == -1) {
		fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	if (rename(tmp.buf, path) == -1) {
		fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&tmp);
	return ret;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
cli_progress_begin(struct cli_progress *pg, const char *what)
{
	pg->what = what;
	pg->start = now();
	pg->shown = 0;
	pg->tty = isatty(STDERR_FILENO);
}

void
cli_progress_stage(struct cli_progress *pg, const char *fmt, ...)
{
	va_list ap;
	double t;

	if (!pg->tty)
		return;
	t = now() - pg->start;
	/* Quick work stays quiet: only work past a second earns a line. */
	if (t < 1.0)
		return;
	fprintf(stderr, "\r\033[K%s: ", pg->what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (%.0fs)", t);
	fflush(stderr);
	pg->shown = 1;
}

void
cli_progress_done(struct cli_progress *pg)
{
	if (pg->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pg->shown = 0;
}
