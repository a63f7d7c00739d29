/*
 * trellis import FILE…: a trellis/1 JSON document (a new program), or a set
 * of CSV files (appended to the program in the database, or a new one when
 * program.csv is among them). All or nothing: everything is read and
 * validated before the database is written, in one transaction, which
 * also writes the import's audit log entry (actor cli:<unix user>).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app/import.h"
#include "../app/write.h"
#include "../io/csv.h"
#include "../io/json.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

/* "Imported program SLUG (N initiatives, M records) into DB" */
static void
imported(const char *slug, size_t initiatives, size_t records, const char *db)
{
	/* TRANSLATORS: the program, its initiatives (the plural's number), records, the database */
	printf(P_("Imported program %s (%zu initiative, %zu records) into %s\n",
	    "Imported program %s (%zu initiatives, %zu records) into %s\n", initiatives),
	    slug, initiatives, records, db);
}

static const struct cli_cmd import_cmd = {
	"import", "[--db PATH] [--program SLUG] FILE…",
	N_("Imports a trellis/1 JSON document as a new program (- reads it from\n"
	"standard input), or a set of CSV files\n"
	"(one per record kind, named after it: organizations.csv, decisions.csv, …).\n"
	"CSV records are added to the program in the database; with program.csv\n"
	"among the files they make a new program. The database is created when\n"
	"missing."),
	N_("Import is all or nothing: the first problem is printed as\n"
	"FILE:LINE: FIELD: what is wrong, the exit status is 1, and the database\n"
	"is left exactly as it was.\n\n"
	"examples:\n"
	"  trellis import program.json\n"
	"  trellis import - <program.json\n"
	"  trellis import export/*.csv\n"
	"  trellis --program wcc-ma-1 import decisions.csv ledger.csv"),
};

struct csv_input {
	const char *path;
	int which;		/* enum csv_file */
};

static int
csv_input_cmp(const void *a, const void *b)
{
	const struct csv_input *x = a, *y = b;

	return x->which - y->which;
}

/* Refuses a new program whose slug the database already holds. */
static int
refuse_existing(struct store *s, const struct program *p)
{
	struct model_error e;
	int r;

	if ((r = cli_store_has(s, p->slug)) == -1)
		return -1;
	if (r == 0)
		return 0;
	model_error_set(&e, &p->loc, "program.slug",
	    _("a program '%s' already exists in the database"), p->slug);
	cli_model_error(&e);
	return -1;
}

/*
 * The document read whole, checked against the database and saved with
 * the import's audit log entry, as one write (app_txn_fn): run again on a
 * conflict from the document, read into p afresh (app_import_save gives
 * p's records their ids). 1: refused, said.
 */
struct whole_write {
	struct program *p;
	const struct app_import_file *files;
	size_t n;
};

static int
whole_change(struct store *s, void *arg, struct strbuf *err)
{
	struct whole_write *w = arg;
	struct model_error e;

	program_release(w->p);
	program_init(w->p);
	if (app_import_read(w->p, w->files, w->n, &e) == -1) {
		cli_model_error(&e);
		return 1;
	}
	if (refuse_existing(s, w->p) == -1)
		return 1;
	return app_import_save(s, w->p, cli_actor(), NULL, w->files, w->n, err) == -1 ? -1 : 0;
}

/* Saves p (read from files) as whole_change does; -1 when it could not (said). */
static int
save(const struct cli *c, struct store *s, struct program *p,
    const struct app_import_file *files, size_t n, struct cli_progress *pg)
{
	struct strbuf err = STRBUF_INIT;
	struct whole_write w = { p, files, n };
	int gave_up = 0, ret = -1;

	cli_progress_stage(pg, _("saving %zu records"), app_import_count(p, 0));
	if ((ret = app_txn_run(s, whole_change, &w, &gave_up, &err)) == -1) {
		cli_progress_done(pg);
		/* after the last conflict: the command named */
		cli_error("%s%s: %s", gave_up ? "import: " : "", c->db, err.buf);
	}
	strbuf_release(&err);
	return ret == 0 ? 0 : -1;
}

/* app_import_result's progress: the stage on the progress line. */
static void
show_stage(void *arg, const char *stage)
{
	cli_progress_stage(arg, "%s", stage);
}

/* The document read whole (standard input, or one whose initiatives app_import_json cannot find). */
static int
import_json_whole(const struct cli *c, const char *path)
{
	struct app_import_file f;
	struct program p;
	struct model_error e;
	struct cli_progress pg;
	struct store *s = NULL;
	char *data = NULL;
	size_t len;
	int ret = CLI_FAIL;

	program_init(&p);
	cli_progress_begin(&pg, "import");
	cli_progress_stage(&pg, _("reading %s"), path);
	if (cli_read_file(path, &data, &len) == -1)
		goto out;
	f.name = strcmp(path, "-") == 0 ? "stdin" : path;
	f.which = APP_IMPORT_JSON;
	f.data = data;
	f.len = len;
	cli_progress_stage(&pg, _("validating"));
	if (app_import_read(&p, &f, 1, &e) == -1) {
		cli_progress_done(&pg);
		cli_model_error(&e);
		goto out;
	}
	if (cli_store_open(c, 1, &s) == -1 || save(c, s, &p, &f, 1, &pg) == -1)
		goto out;
	cli_progress_done(&pg);
	imported(p.slug, p.initiatives.n, app_import_count(&p, 0), c->db);
	ret = CLI_OK;
out:
	cli_progress_done(&pg);
	if (s)
		store_close(s);
	free(data);
	program_release(&p);
	return ret;
}

/*
 * An import into a database it has just created (created): written with
 * SQLite's rollback journal rather than through the WAL, and WAL mode put
 * back after it (store_new_file). *r is the import's result; a success
 * becomes a failure of the store (-2, the message in err) when WAL mode
 * cannot be set again.
 */
static void
new_file(struct store *s, int created, int on, int *r, struct app_import_result *res,
    struct strbuf *err)
{
	struct strbuf werr = STRBUF_INIT;

	if (!created)
		return;
	if (store_new_file(s, on, &werr) == -1 && !on && *r == 0) {
		free(res->slug);
		res->slug = NULL;
		res->gave_up = 0;
		*r = -2;
		strbuf_reset(err);
		strbuf_add(err, werr.buf, werr.len);
	}
	strbuf_release(&werr);
}

/*
 * A JSON document: streamed initiative by initiative (app_import_json),
 * unless it comes on standard input or its initiatives cannot be found
 * without reading it whole. A database this import creates is removed
 * again when it fails.
 */
static int
import_json(const struct cli *c, const char *path)
{
	struct app_import_result res;
	struct app_import_file f = { path, APP_IMPORT_JSON, NULL, 0 };
	struct model_error e;
	struct cli_progress pg;
	struct strbuf err = STRBUF_INIT;
	struct store *s = NULL;
	int ret = CLI_FAIL, created, r = -2;

	if (strcmp(path, "-") == 0)
		return import_json_whole(c, path);
	cli_progress_begin(&pg, "import");
	created = !cli_db_exists(c);
	if (cli_store_open(c, 1, &s) == -1)
		goto out;
	cli_progress_stage(&pg, _("reading %s"), path);
	res.progress = show_stage;
	res.progress_arg = &pg;
	new_file(s, created, 1, &r, &res, &err);
	r = app_import_json(s, &f, cli_actor(), &res, &e, &err);
	new_file(s, created, 0, &r, &res, &err);
	cli_progress_done(&pg);
	if (r == -1)
		cli_model_error(&e);
	else if (r == -2)
		cli_error("%s%s: %s", res.gave_up ? "import: " : "", c->db, err.buf);
	else if (r == 0) {
		imported(res.slug, res.initiatives, res.records, c->db);
		free(res.slug);
		ret = CLI_OK;
	}
out:
	cli_progress_done(&pg);
	if (s)
		store_close(s);
	if (r != 0 && created)
		cli_remove_new_db(c->db);
	strbuf_release(&err);
	return r == 1 ? import_json_whole(c, path) : ret;
}

/*
 * The CSV files, streamed initiative by initiative (app_import_csv): into
 * the program in the database, or a new one with program.csv. A database
 * this import creates is removed again when it fails.
 */
static int
import_csv(const struct cli *c, struct csv_input *in, size_t n)
{
	struct app_import_result res;
	struct app_import_file *files;
	struct model_error e;
	struct cli_progress pg;
	struct strbuf err = STRBUF_INIT;
	struct store *s = NULL;
	char *slug = NULL;
	int ret = CLI_FAIL, fresh = in[0].which == CSV_PROGRAM, created = 0, r = -2;

	cli_progress_begin(&pg, "import");
	files = xcalloc(n, sizeof(*files));
	for (size_t i = 0; i < n; i++) {
		files[i].name = in[i].path;
		files[i].which = in[i].which;
	}
	if (!fresh) {
		if (!cli_db_exists(c)) {
			cli_error(_("%s: no database here, and program.csv is not among the files to make a new program"),
			    c->db);
			goto out;
		}
		if (cli_store_open(c, 0, &s) == -1 || (ret = cli_store_pick(c, s, &slug)) != 0)
			goto out;
		ret = CLI_FAIL;
	} else {
		created = !cli_db_exists(c);
		if (cli_store_open(c, 1, &s) == -1)
			goto out;
	}
	cli_progress_stage(&pg, P_("reading %zu CSV file", "reading %zu CSV files", n), n);
	res.progress = show_stage;
	res.progress_arg = &pg;
	new_file(s, created, 1, &r, &res, &err);
	r = app_import_csv(s, slug, NULL, files, n, cli_actor(), &res, &e, &err);
	new_file(s, created, 0, &r, &res, &err);
	cli_progress_done(&pg);
	if (r == -1) {
		cli_model_error(&e);
		goto out;
	}
	if (r == -2) {
		cli_error("%s%s: %s", res.gave_up ? "import: " : "", c->db, err.buf);
		goto out;
	}
	/* TRANSLATORS: records, CSV files (the plural's number), the program, the database */
	printf(P_("Imported %zu records from %zu CSV file into program %s in %s\n",
	    "Imported %zu records from %zu CSV files into program %s in %s\n", n),
	    res.records, n, res.slug, c->db);
	free(res.slug);
	ret = CLI_OK;
out:
	cli_progress_done(&pg);
	if (s)
		store_close(s);
	if (ret != CLI_OK && created)
		cli_remove_new_db(c->db);
	free(slug);
	free(files);
	strbuf_release(&err);
	return ret;
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

int
cmd_import(int argc, char **argv, struct cli *c)
{
	struct csv_input *in;
	int ret, nargs;

	if ((ret = cli_parse(&import_cmd, NULL, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs == 0)
		return cli_usage_error(&import_cmd, _("no file to import"));
	/* "-": a trellis/1 document on standard input (a CSV file needs its name) */
	if (strcmp(argv[0], "-") == 0 || has_suffix(argv[0], ".json")) {
		if (nargs > 1)
			return cli_usage_error(&import_cmd,
			    _("one JSON document at a time (a document holds a whole program)"));
		return import_json(c, argv[0]);
	}
	in = xcalloc((size_t)nargs, sizeof(*in));
	for (int i = 0; i < nargs; i++) {
		in[i].path = argv[i];
		in[i].which = csv_file_for_path(argv[i]);
		if (in[i].which < 0) {
			ret = cli_usage_error(&import_cmd,
			    _("%s: not a trellis/1 file (a .json document, or a CSV file named after its kind, such as decisions.csv)"),
			    argv[i]);
			goto out;
		}
		for (int k = 0; k < i; k++)
			if (in[k].which == in[i].which) {
				ret = cli_usage_error(&import_cmd, _("%s and %s are both %s"),
				    in[k].path, in[i].path, csv_file_names[in[i].which]);
				goto out;
			}
	}
	/* Programs before organizations before initiatives before their records. */
	qsort(in, (size_t)nargs, sizeof(*in), csv_input_cmp);
	ret = import_csv(c, in, (size_t)nargs);
out:
	free(in);
	return ret;
}
