/*
 * The store as the subcommands use it: opening the database named on the
 * command line and choosing the program to act on.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <pwd.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../model/validate.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "../util/banned.h"

void
cli_path_error(const char *path, const char *msg)
{
	/*
	 * The store's messages mostly name the file already: say it once. A
	 * PostgreSQL URL is named by the store only, without its user part.
	 */
	if (strstr(msg, path) != NULL || store_is_url(path))
		cli_error("%s", msg);
	else
		cli_error("%s: %s", path, msg);
}

int
cli_db_exists(const struct cli *c)
{
	struct stat st;

	return store_is_url(c->db) || stat(c->db, &st) == 0;
}

int
cli_store_open(const struct cli *c, int create, struct store **s)
{
	struct strbuf err = STRBUF_INIT;
	struct stat st;
	int ret = -1;

	if (!create && !store_is_url(c->db) && stat(c->db, &st) == -1) {
		if (errno == ENOENT)
			cli_error(_("%s: no database here (create one with `trellis init`)"),
			    c->db);
		else
			cli_error(_("%s: cannot open database: %s"), c->db, strerror(errno));
		goto out;
	}
	if (store_open(c->db, create, s, &err) == -1) {
		cli_path_error(c->db, err.len ? err.buf : _("cannot open database"));
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&err);
	return ret;
}

void
cli_remove_new_db(const char *path)
{
	static const char *const tails[] = { "", "-wal", "-shm", "-journal" };
	struct strbuf name = STRBUF_INIT;

	for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		strbuf_reset(&name);
		strbuf_addf(&name, "%s%s", path, tails[i]);
		unlink(name.buf);
	}
	strbuf_release(&name);
}

int
cli_store_has(struct store *s, const char *slug)
{
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	int ret = -1;

	if (store_program_slugs(s, &slugs, &err) == -1) {
		cli_error("%s", err.buf);
		goto out;
	}
	ret = 0;
	for (size_t i = 0; i < slugs.n; i++)
		if (strcmp(slugs.v[i], slug) == 0)
			ret = 1;
out:
	store_slugs_release(&slugs);
	strbuf_release(&err);
	return ret;
}

int
cli_store_pick(const struct cli *c, struct store *s, char **slug)
{
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT, list = STRBUF_INIT;
	int ret = CLI_FAIL;

	if (store_program_slugs(s, &slugs, &err) == -1) {
		cli_error("%s", err.buf);
		goto out;
	}
	if (c->program) {
		for (size_t i = 0; i < slugs.n; i++)
			if (strcmp(slugs.v[i], c->program) == 0) {
				*slug = xstrdup(c->program);
				ret = 0;
				goto out;
			}
		cli_error(_("%s: no program '%s' in this database"), c->db, c->program);
		goto out;
	}
	if (slugs.n == 0) {
		cli_error(_("%s: the database holds no program yet (`trellis import` or `trellis "
		    "demo`)"), c->db);
		goto out;
	}
	if (slugs.n > 1) {
		for (size_t i = 0; i < slugs.n; i++)
			strbuf_addf(&list, "%s%s", i ? ", " : "", slugs.v[i]);
		cli_error(_("%s holds several programs (%s): choose one with --program SLUG"),
		    c->db, list.buf);
		ret = CLI_USAGE;
		goto out;
	}
	*slug = xstrdup(slugs.v[0]);
	ret = 0;
out:
	store_slugs_release(&slugs);
	strbuf_release(&err);
	strbuf_release(&list);
	return ret;
}

/*
 * Says msg's line: printed (cli_error) when to is NULL, else put in *to
 * (report --all's workers keep theirs until the writer reaches them).
 */
static void __attribute__((format(printf, 2, 3)))
say(struct strbuf *to, const char *fmt, ...)
{
	struct strbuf line = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(to ? to : &line, fmt, ap);
	va_end(ap);
	if (to == NULL)
		cli_error("%s", line.buf);
	strbuf_release(&line);
}

/* Resolves the references of p, just loaded from c's database (stored as row ids). */
static int
resolve_loaded(const struct cli *c, struct program *p, struct strbuf *why)
{
	struct model_error e;
	struct strbuf msg = STRBUF_INIT;

	if (model_resolve(p, &e) == 0)
		return 0;
	model_error_format(&e, &msg);
	say(why, _("%s: the stored program does not check out: %s"), c->db, msg.buf);
	strbuf_release(&msg);
	return -1;
}

/* What load reads of a program. */
enum load_what { LOAD_WHOLE, LOAD_INITIATIVE, LOAD_CATALOG };

/* window: NULL, or of LOAD_INITIATIVE, a report's first and last day (store_report_load) */
static int
load(const struct cli *c, struct store *s, const char *slug, enum load_what what,
    const char *initiative, const tdate *window, struct program *p, struct strbuf *why)
{
	struct strbuf err = STRBUF_INIT;
	int ret = CLI_FAIL, r;

	assert(window == NULL || what == LOAD_INITIATIVE);
	r = window ? store_report_load(s, slug, initiative, window[0], window[1], p, &err) :
	    what == LOAD_INITIATIVE ? store_initiative_load(s, slug, initiative, p, &err) :
	    what == LOAD_CATALOG ? store_catalog_load(s, slug, p, &err) :
	    store_program_load(s, slug, p, &err);
	if (r == -1)
		say(why, "%s: %s", c->db, err.buf);
	else if (r == 1 && initiative)
		say(why, _("no initiative '%s' in program '%s'"), initiative, slug);
	else if (r == 1)
		say(why, _("%s: no program '%s' in this database"), c->db, slug);
	else if (resolve_loaded(c, p, why) == 0)
		ret = 0;
	strbuf_release(&err);
	return ret;
}

int
cli_store_load_slug(const struct cli *c, struct store *s, const char *slug,
    const char *initiative, struct program *p)
{
	return load(c, s, slug, initiative ? LOAD_INITIATIVE : LOAD_WHOLE, initiative, NULL, p, NULL);
}

int
cli_store_load_report(const struct cli *c, struct store *s, const char *slug,
    const char *initiative, tdate from, tdate to, struct program *p, struct strbuf *why)
{
	const tdate window[2] = { from, to };

	assert(initiative != NULL && why != NULL);
	return load(c, s, slug, LOAD_INITIATIVE, initiative, window, p, why);
}

int
cli_store_load_catalog(const struct cli *c, struct store *s, const char *slug,
    struct program *p)
{
	return load(c, s, slug, LOAD_CATALOG, NULL, NULL, p, NULL);
}

int
cli_store_add_orgs(const struct cli *c, struct store *s, struct program *p,
    const char *const *orgs, size_t n)
{
	struct strbuf err = STRBUF_INIT;
	int ret = CLI_FAIL;

	for (size_t i = 0; i < n; i++)
		if (store_catalog_org(s, p, orgs[i], &err) == -1) {
			cli_error("%s: %s", c->db, err.buf);
			goto out;
		}
	if (resolve_loaded(c, p, NULL) == 0)
		ret = 0;
out:
	strbuf_release(&err);
	return ret;
}

int
cli_store_load(const struct cli *c, struct store *s, struct program *p)
{
	char *slug = NULL;
	int ret;

	if ((ret = cli_store_pick(c, s, &slug)) == 0)
		ret = cli_store_load_slug(c, s, slug, NULL, p);
	free(slug);
	return ret;
}

void
cli_model_error(const struct model_error *e)
{
	struct strbuf sb = STRBUF_INIT;

	model_error_format(e, &sb);
	cli_progress_clear();
	fprintf(stderr, "%s\n", sb.buf);
	strbuf_release(&sb);
}

const char *
cli_actor(void)
{
	static char actor[64];
	struct passwd pw, *found = NULL;
	char buf[1024];
	uid_t uid = geteuid();

	if (actor[0] == '\0') {
		if (getpwuid_r(uid, &pw, buf, sizeof(buf), &found) == 0 && found &&
		    found->pw_name && *found->pw_name)
			snprintf(actor, sizeof(actor), "cli:%s", found->pw_name);
		else
			snprintf(actor, sizeof(actor), "cli:%lu", (unsigned long)uid);
	}
	return actor;
}

struct store_audit_entry
cli_audit(const char *action, const char *kind, const char *initiative, const char *record,
    const char *before, const char *after)
{
	const struct store_audit_entry a = { .actor = cli_actor(), .action = action,
	    .kind = kind, .initiative = initiative, .record = record, .before = before,
	    .after = after, .at = (int64_t)time(NULL) };

	return a;
}
