/*
 * trellis copy --from DB --to DB [--program SLUG]: copies programs from one
 * database to another, SQLite or PostgreSQL either side (docs/cli.md,
 * docs/postgresql.md). Each program is read whole from the source as
 * `export` reads it (cli_store_load_slug), written as its trellis/1
 * document and read back as `import` reads one (app_import_read), then
 * saved as `import` saves it (app_import_save, with its audit log entry);
 * every program in one write transaction on the target, all or nothing.
 * Accounts, sessions and tokens are not copied.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/import.h"
#include "../app/write.h"
#include "../io/json.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd copy_cmd = {
	"copy", "--from DB --to DB [--program SLUG]",
	N_("Copies a program (every program when --program names none) from one\n"
	"database to another: a SQLite file or a postgresql:// URL on either\n"
	"side. The target is created when it is a missing file."),
	N_("The copy is one transaction on the target, all or nothing: a program\n"
	"whose slug the target holds already is refused, and nothing is written.\n"
	"What is copied is what `export` writes; web accounts, sessions and\n"
	"tokens are not copied (add them on the target with `trellis user`).\n\n"
	"examples:\n"
	"  trellis copy --from trellis.db --to postgresql:///trellis\n"
	"  trellis copy --from postgresql:///trellis --to copy.db --program wcc-demo"),
};

static const char *opt_from, *opt_to;

static const struct cli_opt copy_opts[] = {
	{ "from", "DB", &opt_from, N_("the database to copy from (a file or a URL)") },
	{ "to", "DB", &opt_to, N_("the database to copy into (a file or a URL)") },
	{ NULL, NULL, NULL, NULL },
};

/* What was copied, for the lines printed once the copy committed. */
struct copied {
	char *slug;
	size_t initiatives, records;
};

/*
 * Copies program slug of src into dst, inside dst's open write
 * transaction. Returns 0 with *out filled, CLI_FAIL with the reason
 * printed, or -1 with err set when dst's store failed (the write may be
 * run again: copy_all).
 */
static int
copy_one(const struct cli *from, struct store *src, const struct cli *to, struct store *dst,
    const char *slug, struct copied *out, struct strbuf *err)
{
	struct program p, q;
	struct strbuf doc = STRBUF_INIT;
	struct app_import_file f;
	struct model_error e;
	int r, ret = CLI_FAIL;

	program_init(&p);
	program_init(&q);
	if ((r = cli_store_has(dst, slug)) == -1)
		goto out;
	if (r == 1) {
		cli_error(_("%s: a program '%s' already exists there; nothing copied"), to->db, slug);
		goto out;
	}
	if (cli_store_load_slug(from, src, slug, NULL, &p) != 0)
		goto out;
	json_write_program(&p, &doc);
	program_release(&p);
	f.name = from->db;
	f.which = APP_IMPORT_JSON;
	f.data = doc.buf;
	f.len = doc.len;
	if (app_import_read(&q, &f, 1, &e) == -1) {
		/* what export wrote, import refuses: a defect, said as it is */
		cli_model_error(&e);
		goto out;
	}
	if (app_import_save(dst, &q, cli_actor(), NULL, &f, 1, err) == -1) {
		ret = -1;
		goto out;
	}
	out->slug = strdup(slug);
	out->initiatives = q.initiatives.n;
	out->records = app_import_count(&q, 0);
	ret = out->slug ? 0 : CLI_FAIL;
out:
	program_release(&p);
	program_release(&q);
	strbuf_release(&doc);
	return ret;
}

/* Every program copied, in dst's one write (app_txn_fn): run again whole on a conflict. */
struct copy_all {
	const struct cli *from, *to;
	struct store *src;
	const struct store_slugs *slugs;
	struct copied *done;
	size_t n;		/* copied */
};

static int
copy_all(struct store *dst, void *arg, struct strbuf *err)
{
	struct copy_all *a = arg;
	int r;

	for (size_t i = 0; i < a->n; i++)
		free(a->done[i].slug);
	memset(a->done, 0, a->slugs->n * sizeof(*a->done));
	for (a->n = 0; a->n < a->slugs->n; a->n++)
		if ((r = copy_one(a->from, a->src, a->to, dst, a->slugs->v[a->n], &a->done[a->n],
		    err)) != 0)
			return r == -1 ? -1 : 1;
	return 0;
}

int
cmd_copy(int argc, char **argv, struct cli *c)
{
	struct cli from, to;
	struct store *src = NULL, *dst = NULL;
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	struct copied *done = NULL;
	size_t n = 0;
	struct copy_all a;
	int ret, r, nargs, gave_up = 0, created = 0;

	opt_from = opt_to = NULL;
	if ((ret = cli_parse(&copy_cmd, copy_opts, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs > 0)
		return cli_usage_error(&copy_cmd, _("unexpected argument '%s'"), argv[0]);
	if (opt_from == NULL || *opt_from == '\0')
		return cli_usage_error(&copy_cmd, _("--from DB is required"));
	if (opt_to == NULL || *opt_to == '\0')
		return cli_usage_error(&copy_cmd, _("--to DB is required"));
	if (strcmp(opt_from, opt_to) == 0)
		return cli_usage_error(&copy_cmd, _("--from and --to name the same database '%s'"),
		    opt_from);
	from = *c;
	from.db = opt_from;
	to = *c;
	to.db = opt_to;

	ret = CLI_FAIL;
	if (cli_store_open(&from, 0, &src) == -1)
		goto out;
	if (c->program) {
		if ((ret = cli_store_has(src, c->program)) != 1) {
			if (ret == 0)
				cli_error(_("%s: no program '%s' there"), from.db, c->program);
			ret = CLI_FAIL;
			goto out;
		}
		ret = CLI_FAIL;
		if ((slugs.v = malloc(sizeof(*slugs.v))) == NULL ||
		    (slugs.v[0] = strdup(c->program)) == NULL) {
			cli_error(_("out of memory"));
			goto out;
		}
		slugs.n = slugs.alloc = 1;
	} else if (store_program_slugs(src, &slugs, &err) == -1) {
		cli_error("%s: %s", from.db, err.buf);
		goto out;
	} else if (slugs.n == 0) {
		cli_error(_("%s: no program to copy"), from.db);
		goto out;
	}
	created = !cli_db_exists(&to);
	if (cli_store_open(&to, 1, &dst) == -1)
		goto out;
	if ((done = calloc(slugs.n, sizeof(*done))) == NULL) {
		cli_error(_("out of memory"));
		goto out;
	}
	a = (struct copy_all){ &from, &to, src, &slugs, done, 0 };
	r = app_txn_run(dst, copy_all, &a, &gave_up, &err);
	n = a.n;
	if (r == -1)
		/* after the last conflict: the command named */
		cli_error("%s%s: %s", gave_up ? "copy: " : "", to.db, err.buf);
	if (r != 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		printf(P_("Copied program %s (%zu initiative, %zu records) from %s to %s\n",
		    "Copied program %s (%zu initiatives, %zu records) from %s to %s\n",
		    done[i].initiatives), done[i].slug, done[i].initiatives, done[i].records,
		    from.db, to.db);
	ret = CLI_OK;
out:
	for (size_t i = 0; done && i < n; i++)
		free(done[i].slug);
	free(done);
	store_slugs_release(&slugs);
	strbuf_release(&err);
	if (dst)
		store_close(dst);
	if (src)
		store_close(src);
	/* a file this copy created holds nothing when the copy failed */
	if (ret != CLI_OK && created && !store_is_url(to.db))
		cli_remove_new_db(to.db);
	return ret;
}
