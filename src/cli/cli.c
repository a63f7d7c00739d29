/*
 * What the subcommands share: option parsing, messages, whole-file reads and
 * atomic writes, and the progress line.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "../util/file.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "../util/banned.h"

/* Files larger than this are refused before anything is allocated. */
#define CLI_MAX_FILE	((size_t)1 << 31)

static volatile sig_atomic_t progress_shown;

static const struct cli_opt global_opts[] = {
	/* ./trellis.db: CLI_DEFAULT_DB, written out so that the sentence is one msgid */
	{ "db", "PATH", NULL, N_("the database file, or postgresql://... (default $TRELLIS_DB, else ./trellis.db)") },
	{ "program", "SLUG", NULL, N_("the program to act on, when the database holds several") },
	{ NULL, NULL, NULL, NULL },
};

static void
print_opt(FILE *f, const struct cli_opt *o)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "--%s", o->name);
	if (o->arg)
		strbuf_addf(&sb, " %s", o->arg);
	fprintf(f, "  %-18s %s\n", sb.buf, _(o->help));
	strbuf_release(&sb);
}

static void
print_help(const struct cli_cmd *cmd, const struct cli_opt *opts)
{
	/* the usage line's options and names stay as typed: they are the command's */
	printf(_("usage: trellis %s %s"), cmd->name, cmd->usage);
	printf("\n\n%s\n\n%s\n", _(cmd->summary), _("options:"));
	for (const struct cli_opt *o = opts; o && o->name; o++)
		print_opt(stdout, o);
	for (const struct cli_opt *o = global_opts; o->name; o++)
		print_opt(stdout, o);
	printf("  %-18s %s\n", "--help", _("show this help"));
	if (cmd->details)
		printf("\n%s\n", _(cmd->details));
	printf("\n%s\n", _("exit status: 0 success, 1 failure, 2 usage error"));
}

int
cli_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *loc = NULL, *list = getenv("LANGUAGE");
	int lang;

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]) && loc == NULL; i++)
		if ((loc = getenv(vars[i])) != NULL && *loc == '\0')
			loc = NULL;
	/* gettext ignores LANGUAGE under the C locale, and so do we */
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		return LANG_EN;
	while (list && *list) {
		size_t n = strcspn(list, ":");
		char code[16];

		if (n > 0 && n < sizeof(code)) {
			memcpy(code, list, n);
			code[n] = '\0';
			if ((lang = lang_parse(code)) >= 0)
				return lang;
		}
		list += n + (list[n] == ':');
	}
	return (lang = lang_parse(loc)) >= 0 ? lang : LANG_EN;
}

int
cli_lang_use(int lang)
{
	static int inited;
	struct strbuf err = STRBUF_INIT;

	assert(lang >= 0 && lang < LANG__MAX);
	/* once, the command being single-threaded: mails may switch languages later */
	if (!inited) {
		inited = 1;
		i18n_init(&err);
	}
	if (i18n_use(lang) != lang) {
		fprintf(stderr, "trellis: %s is not available (%s); messages stay in English\n",
		    lang_names[lang], err.len ? err.buf : "no catalog");
		strbuf_release(&err);
		return -1;
	}
	strbuf_release(&err);
	return 0;
}

int
cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	cli_progress_clear();
	fprintf(stderr, "trellis %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("usage: trellis %s %s"), cmd->name, cmd->usage);
	fputc('\n', stderr);
	return CLI_USAGE;
}

size_t
cli_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void
cli_pad(const char *s, size_t w)
{
	size_t sw = cli_width(s);

	printf("%s%*s", s, (int)(w > sw ? w - sw : 0) + 2, "");
}

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	cli_progress_clear();
	fputs("trellis: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

/* Prints one line about a file to stderr, below any progress line. */
static void __attribute__((format(printf, 1, 2)))
file_error(const char *fmt, ...)
{
	va_list ap;

	cli_progress_clear();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
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
			return cli_usage_error(cmd, _("unknown option '%s'"), a);
		eq = strchr(a + 2, '=');
		len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
		if ((o = find_opt(opts, a + 2, len)) != NULL)
			dest = o->value;
		else if ((o = find_opt(global_opts, a + 2, len)) != NULL)
			dest = o == &global_opts[0] ? &c->db : &c->program;
		else
			return cli_usage_error(cmd, _("unknown option '%s'"), a);
		if (o->arg == NULL) {
			if (eq)
				return cli_usage_error(cmd, _("option '--%s' takes no value"), o->name);
			*dest = "1";
			continue;
		}
		if (eq)
			value = eq + 1;
		else if (i + 1 < argc)
			value = argv[++i];
		else
			return cli_usage_error(cmd, _("option '--%s' needs a value (%s)"),
			    o->name, o->arg);
		if (*value == '\0')
			return cli_usage_error(cmd, _("option '--%s' needs a value (%s)"),
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
	int fd, std = strcmp(path, "-") == 0, ret = -1;

	/* R16: only a regular file (file_open_regular), or "-" (standard input, with the same limit) */
	if (std)
		fd = STDIN_FILENO;
	else if ((fd = file_open_regular(path, &st, &sb)) == -1) {
		file_error("%s\n", sb.buf);
		strbuf_release(&sb);
		return -1;
	}
	if (!std && (size_t)st.st_size > CLI_MAX_FILE) {
		file_error(_("%s: cannot read: larger than %zu bytes\n"), path,
		    CLI_MAX_FILE);
		goto out;
	}
	if (!std)
		strbuf_grow(&sb, (size_t)st.st_size);
	for (;;) {
		r = read(fd, chunk, sizeof(chunk));
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			file_error(_("%s: cannot read: %s\n"), path, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		if (sb.len + (size_t)r > CLI_MAX_FILE) {
			file_error(_("%s: cannot read: larger than %zu bytes\n"),
			    path, CLI_MAX_FILE);
			goto out;
		}
		strbuf_add(&sb, chunk, (size_t)r);
	}
	*data = strbuf_detach(&sb, len);
	ret = 0;
out:
	if (!std)
		close(fd);
	strbuf_release(&sb);
	return ret;
}

/* Writes data[0..len) to fd. Returns 0, or -1 with errno set. */
static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Writes the pieces to fd. Returns 0, or -1 with errno set. */
static int
write_pieces(int fd, const struct cli_piece *pieces, size_t n)
{
	char block[65536];

	for (size_t i = 0; i < n; i++) {
		const struct cli_piece *pc = &pieces[i];
		size_t r;

		if (pc->file == NULL) {
			if (write_all(fd, pc->data, pc->len) == -1)
				return -1;
			continue;
		}
		if (fflush(pc->file) == EOF || fseek(pc->file, 0, SEEK_SET) == -1)
			return -1;
		while ((r = fread(block, 1, sizeof(block), pc->file)) > 0)
			if (write_all(fd, block, r) == -1)
				return -1;
		if (ferror(pc->file)) {
			errno = EIO;
			return -1;
		}
	}
	return 0;
}

int
cli_write_pieces(const char *path, const struct cli_piece *pieces, size_t n)
{
	struct strbuf tmp = STRBUF_INIT;
	int fd, ret = -1;

	if (path == NULL) {
		if (fflush(stdout) == EOF || write_pieces(STDOUT_FILENO, pieces, n) == -1) {
			file_error(_("standard output: cannot write: %s\n"), strerror(errno));
			return -1;
		}
		return 0;
	}
	strbuf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1) {
		file_error(_("%s: cannot write: %s\n"), path, strerror(errno));
		goto out;
	}
	if (write_pieces(fd, pieces, n) == -1 || fsync(fd) == -1) {
		file_error(_("%s: cannot write: %s\n"), path, strerror(errno));
		close(fd);
		unlink(tmp.buf);
		goto out;
	}
	if (close(fd) == -1) {
		file_error(_("%s: cannot write: %s\n"), path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	if (rename(tmp.buf, path) == -1) {
		file_error(_("%s: cannot write: %s\n"), path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&tmp);
	return ret;
}

int
cli_write_file(const char *path, const char *data, size_t len)
{
	const struct cli_piece piece = { data, len, NULL };

	return cli_write_pieces(path, &piece, 1);
}

/*
 * The progress line. The stage text is formatted here, with SIGALRM
 * blocked, into progress_line; the signal handler only writes it out with
 * write(2), which is safe in a handler.
 */
static char progress_what[32];
static char progress_line[256];
static volatile sig_atomic_t progress_len;
static volatile sig_atomic_t progress_seconds;
static struct sigaction progress_old_action;

/* Appends the decimal n to buf at *o (async-signal-safe). */
static void
put_uint(char *buf, size_t size, size_t *o, unsigned n)
{
	char digits[12];
	int k = 0;

	do {
		digits[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n && k < (int)sizeof(digits));
	while (k > 0 && *o < size)
		buf[(*o)++] = digits[--k];
}

static void
progress_draw(void)
{
	char buf[sizeof(progress_line) + 32];
	size_t o = 0, len = (size_t)progress_len;
	ssize_t w;

	memcpy(buf, "\r\033[K", 4);
	o = 4;
	memcpy(buf + o, progress_line, len);
	o += len;
	memcpy(buf + o, " (", 2);
	o += 2;
	put_uint(buf, sizeof(buf) - 2, &o, (unsigned)progress_seconds);
	memcpy(buf + o, "s)", 2);
	o += 2;
	w = write(STDERR_FILENO, buf, o);
	(void)w;
	progress_shown = 1;
}

static void
progress_tick(int sig)
{
	int saved = errno;

	(void)sig;
	progress_seconds++;
	progress_draw();
	errno = saved;
}

static void
progress_timer(long seconds)
{
	struct itimerval it;

	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = seconds;
	it.it_interval.tv_sec = seconds;
	setitimer(ITIMER_REAL, &it, NULL);
}

void
cli_progress_begin(struct cli_progress *pg, const char *what)
{
	struct sigaction sa;
	const char *env;

	pg->active = isatty(STDERR_FILENO);
	if (!pg->active)
		return;
	snprintf(progress_what, sizeof(progress_what), "%s", what);
	progress_len = 0;
	progress_seconds = 0;
	progress_shown = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = progress_tick;
	sa.sa_flags = SA_RESTART;	/* the work's system calls go on undisturbed */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &progress_old_action);
	/* TRELLIS_PROGRESS_DELAY=0 shows every stage at once (git's GIT_PROGRESS_DELAY). */
	if ((env = getenv("TRELLIS_PROGRESS_DELAY")) != NULL && strcmp(env, "0") == 0)
		progress_shown = 1;
	progress_timer(1);
}

void
cli_progress_stage(struct cli_progress *pg, const char *fmt, ...)
{
	sigset_t block, old;
	va_list ap;
	int n, m;

	if (!pg->active)
		return;
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, &old);
	n = snprintf(progress_line, sizeof(progress_line), "%s: ", progress_what);
	va_start(ap, fmt);
	m = vsnprintf(progress_line + n, sizeof(progress_line) - (size_t)n, fmt, ap);
	va_end(ap);
	n += m;
	progress_len = n < (int)sizeof(progress_line) ? n : (int)sizeof(progress_line) - 1;
	/* Once the line is up, a new stage shows at once. */
	if (progress_shown)
		progress_draw();
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void
cli_progress_clear(void)
{
	sigset_t block, old;

	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (progress_shown) {
		ssize_t w = write(STDERR_FILENO, "\r\033[K", 4);

		(void)w;
		progress_shown = 0;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void
cli_progress_done(struct cli_progress *pg)
{
	if (!pg->active)
		return;
	progress_timer(0);
	sigaction(SIGALRM, &progress_old_action, NULL);
	cli_progress_clear();
	pg->active = 0;
}
