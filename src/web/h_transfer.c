/*
 * Import and export (PAGES.md's Import/Export tab; DESIGN §2.2, §6, §7):
 *
 *	GET  /i/{slug}/import, /import	the export links and, for editors, the upload form
 *	POST /i/{slug}/import, /import	one trellis/1 document or one CSV file
 *	GET  /i/{slug}/export, /export	?format=csv&kind=TABLE | json | xlsx
 *
 * An import goes the CLI's way: a CSV file streams (app_import_csv, read
 * from the upload in place: the catalog, then one initiative at a time); a
 * trellis/1 document, which adds to the stored program, is read into the
 * whole program (app_import_read, app_import_save) inside the one write
 * path. All or nothing: the first problem is shown as the CLI prints it
 * (FILE:LINE: FIELD: message) and nothing is written. On an initiative's
 * page a file may add organizations, people and records of that
 * initiative only (app_import_scope_check).
 *
 * Exports are written from the program snapshot. Only the whole program's
 * export for an admin carries survey responses (it is the program's
 * backup); every other export leaves them out, and an initiative's export
 * holds the program's organizations, people and instruments and that one
 * initiative.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "page.h"
#include "router.h"
#include "../app/edit.h"
#include "../app/import.h"
#include "../app/write.h"
#include "../io/csv.h"
#include "../io/json.h"
#include "../io/xlsx.h"
#include "../store/store.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* ---------------------------------------------------------------- export */

/*
 * A shallow view of a program for writing only (never released as a
 * program): its initiatives copied by value, narrowed to one and with
 * survey responses left out as asked. The arrays made here are in own.
 */
struct view {
	struct program p;
	VEC(void *) own;
};

static void
view_make(struct view *v, const struct program *src, const struct initiative *only,
    int responses)
{
	size_t n = only ? 1 : src->initiatives.n;
	struct initiative *ins = xcalloc(n ? n : 1, sizeof(*ins));

	memset(v, 0, sizeof(*v));
	v->p = *src;
	*VEC_PUSH(&v->own) = ins;
	memcpy(ins, only ? only : src->initiatives.v, n * sizeof(*ins));
	v->p.initiatives.v = ins;
	v->p.initiatives.n = v->p.initiatives.alloc = n;
	if (only)
		v->p.learning.n = 0;	/* learning notes are the program team's, across initiatives */
	for (size_t i = 0; i < n && !responses; i++) {
		struct initiative *in = &ins[i];
		struct survey *s = xcalloc(in->surveys.n ? in->surveys.n : 1, sizeof(*s));

		*VEC_PUSH(&v->own) = s;
		memcpy(s, in->surveys.v, in->surveys.n * sizeof(*s));
		for (size_t j = 0; j < in->surveys.n; j++)
			s[j].responses.n = 0;
		in->surveys.v = s;
	}
}

static void
view_release(struct view *v)
{
	for (size_t i = 0; i < v->own.n; i++)
		free(v->own.v[i]);
	VEC_FREE(&v->own);
}

/* The table named name ("decisions" or "decisions.csv"), or -1. */
static int
csv_table(const char *name)
{
	char file[64];

	if (name == NULL || strlen(name) > 40)
		return -1;
	snprintf(file, sizeof(file), "%s%s", name, strstr(name, ".csv") ? "" : ".csv");
	return csv_file_for_path(file);
}

/* Reads the whole file at path into out. Returns 0 or -1. */
static int
slurp(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	int ret;

	if (f == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	ret = ferror(f) ? -1 : 0;
	fclose(f);
	return ret;
}

/* The workbook of p into res's body, through a temporary file (libxlsxwriter writes files). */
static int
xlsx_body(const struct program *p, struct web_response *res)
{
	struct strbuf err = STRBUF_INIT;
	const char *tmp = getenv("TMPDIR");
	char path[512];
	int fd, ret = -1;

	snprintf(path, sizeof(path), "%s/trellis-export-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1) {
		fprintf(stderr, "trellis serve: export: cannot make a temporary file in %s\n",
		    tmp && *tmp ? tmp : "/tmp");
		return -1;
	}
	close(fd);
	if (xlsx_write(p, path, &err) == -1)
		fprintf(stderr, "trellis serve: export: %s\n", err.buf);
	else if (slurp(path, &res->body) == -1)
		fprintf(stderr, "trellis serve: export: cannot read back %s\n", path);
	else
		ret = 0;
	unlink(path);
	strbuf_release(&err);
	return ret;
}

int
h_export(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in = NULL;
	const char *format = web_query(req, "format"), *kind = web_query(req, "kind");
	struct strbuf name = STRBUF_INIT, disp = STRBUF_INIT;
	struct view v;
	int table = -1, ret = -1;

	if (wp == NULL)
		return -1;
	if (req->slug && (in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("There is no initiative at this address."));
	if (format == NULL || *format == '\0')
		format = "json";
	if (strcmp(format, "csv") && strcmp(format, "json") && strcmp(format, "xlsx"))
		return web_error(res, 400, N_("The format must be csv, json or xlsx."));
	if (strcmp(format, "csv") == 0 && (table = csv_table(kind)) < 0)
		return web_error(res, 400, N_("Choose the table to download as CSV (kind=decisions, ledger, ...)."));

	/* the program's download is of every initiative's records: read whole, for it alone */
	if (in == NULL && (wp = web_program_whole(req)) == NULL)
		return -1;
	/* DESIGN §7: single survey answers only in the program's own backup, for admins */
	view_make(&v, &wp->program, in, in == NULL && req->user.role == WEB_ADMIN);
	strbuf_addstr(&name, wp->program.slug);
	if (in)
		strbuf_addf(&name, "-%s", in->slug);
	strbuf_reset(&res->body);
	if (table >= 0) {
		strbuf_addf(&name, "-%s", csv_file_names[table]);
		res->content_type = "text/csv; charset=utf-8";
		csv_write((enum csv_file)table, &v.p, &res->body);
	} else if (strcmp(format, "json") == 0) {
		strbuf_addstr(&name, ".json");
		res->content_type = "application/json";
		json_write_program(&v.p, &res->body);
	} else {
		strbuf_addstr(&name, ".xlsx");
		res->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		if (xlsx_body(&v.p, res) == -1)
			goto out;
	}
	res->status = 200;
	strbuf_addf(&disp, "attachment; filename=\"%s\"", name.buf);
	web_header_add(res, "Content-Disposition", disp.buf);
	ret = 0;
out:
	view_release(&v);
	strbuf_release(&name);
	strbuf_release(&disp);
	return ret;
}

/* ---------------------------------------------------------------- the page */

/* Where this page lives: "/i/SLUG" or "" for the program. */
static void
base_path(const struct web_request *req, struct strbuf *out)
{
	if (req->slug)
		strbuf_addf(out, "/i/%s", req->slug);
}

static void
export_section(struct html *h, const struct web_request *req, const struct initiative *in)
{
	struct strbuf href = STRBUF_INIT;
	int answers = in == NULL && req->user.role == WEB_ADMIN;

	html_open(h, "section", "class", "transfer", "aria-labelledby", "export-h", NULL);
	html_open(h, "h2", "id", "export-h", NULL);
	html_text(h, _("Export"));
	html_close(h);
	html_open(h, "p", NULL);
	html_text(h, in ? _("Everything of this initiative, with the program's organizations, people "
	    "and survey instruments. ") : _("Everything of the program. "));
	html_text(h, answers ? _("This export is the program's backup: it carries each survey "
	    "response's group and answers (never a name).") : _("Survey responses are left out: "
	    "surveys are shown only as results over at least 3 answers."));
	html_close(h);
	html_open(h, "ul", "class", "downloads", NULL);
	base_path(req, &href);
	strbuf_addstr(&href, "/export?format=json");
	html_open(h, "li", NULL);
	html_open(h, "a", "href", href.buf, "download", "", NULL);
	html_text(h, _("trellis/1 JSON document"));
	html_close(h);
	html_close(h);
	strbuf_reset(&href);
	base_path(req, &href);
	strbuf_addstr(&href, "/export?format=xlsx");
	html_open(h, "li", NULL);
	html_open(h, "a", "href", href.buf, "download", "", NULL);
	html_text(h, _("Excel workbook (one sheet per table)"));
	html_close(h);
	html_close(h);
	html_close(h);

	/* one table as CSV: a GET form, so it works without JavaScript */
	strbuf_reset(&href);
	base_path(req, &href);
	strbuf_addstr(&href, "/export");
	html_open(h, "form", "method", "get", "action", href.buf, NULL);
	html_void(h, "input", "type", "hidden", "name", "format", "value", "csv", NULL);
	html_open(h, "div", NULL);
	html_open(h, "label", "for", "csv-kind", NULL);
	html_text(h, _("One table as CSV"));
	html_close(h);
	html_open(h, "select", "id", "csv-kind", "name", "kind", NULL);
	for (int i = 0; i < CSV__MAX; i++) {
		char table[32];

		snprintf(table, sizeof(table), "%.*s", (int)(strlen(csv_file_names[i]) - 4),
		    csv_file_names[i]);
		html_open(h, "option", "value", table, i == CSV_DECISIONS ? "selected" : NULL, "", NULL);
		html_text(h, csv_file_names[i]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Download CSV"));
	html_close(h);
	html_close(h);
	html_close(h);	/* section */
	strbuf_release(&href);
}

static void
import_section(struct html *h, const struct web_request *req, const struct initiative *in,
    const char *error)
{
	struct strbuf action = STRBUF_INIT;

	html_open(h, "section", "class", "transfer", "aria-labelledby", "import-h", NULL);
	html_open(h, "h2", "id", "import-h", NULL);
	html_text(h, _("Import"));
	html_close(h);
	html_open(h, "p", NULL);
	html_text(h, in ? _("Add records to this initiative from a trellis/1 JSON document or from "
	    "one CSV file named after its table (decisions.csv, ledger.csv, …). The file may also add "
	    "organizations and people. ") : _("Add records to the program from a trellis/1 JSON "
	    "document of this program or from one CSV file named after its table. "));
	html_text(h, _("Import is all or nothing: the first problem is shown with its line and "
	    "field, and nothing is saved."));
	html_close(h);
	base_path(req, &action);
	strbuf_addstr(&action, "/import");
	html_open(h, "form", "method", "post", "action", action.buf, "enctype", "multipart/form-data",
	    NULL);
	page_csrf_field(h, req);
	html_open(h, "div", NULL);
	html_open(h, "label", "for", "file", NULL);
	html_text(h, _("File (.json or .csv, up to 16 MiB)"));
	html_close(h);
	if (error) {
		html_open(h, "p", "class", "field-error", "id", "file-error", NULL);
		html_text(h, error);
		html_close(h);
	}
	html_void(h, "input", "type", "file", "id", "file", "name", "file", "required", "",
	    "accept", ".json,.csv,application/json,text/csv",
	    error ? "aria-describedby" : NULL, "file-error", NULL);
	html_close(h);
	html_open(h, "div", NULL);
	html_open(h, "label", "for", "kind", NULL);
	html_text(h, _("What the file holds"));
	html_close(h);
	html_open(h, "select", "id", "kind", "name", "kind", NULL);
	html_open(h, "option", "value", "", NULL);
	html_text(h, _("Tell from the file's name"));
	html_close(h);
	html_open(h, "option", "value", "json", NULL);
	html_text(h, _("a trellis/1 JSON document"));
	html_close(h);
	for (int i = 0; i < CSV__MAX; i++) {
		char table[32];

		snprintf(table, sizeof(table), "%.*s", (int)(strlen(csv_file_names[i]) - 4),
		    csv_file_names[i]);
		html_open(h, "option", "value", table, NULL);
		html_text(h, csv_file_names[i]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Import"));
	html_close(h);
	html_close(h);
	html_close(h);
	strbuf_release(&action);
}

/* The whole page; error (the import's problem) shown at the top and beside the file field. */
static int
transfer_page(struct web_request *req, struct web_response *res, const char *error)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in = NULL;
	const char *imported = web_query(req, "imported");
	struct page pg;
	struct html *h;

	if (wp == NULL)
		return -1;
	if (req->slug && (in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("There is no initiative at this address."));
	page_begin(&pg, res, &wp->program, in ? _("Import & export") : _("Import & export: the program"),
	    in, in ? TAB_TRANSFER : TAB_NONE);
	h = &pg.h;
	if (error) {
		html_open(h, "div", "class", "error-summary", "role", "alert", "tabindex", "-1", NULL);
		html_open(h, "h2", NULL);
		html_text(h, _("Nothing was imported"));
		html_close(h);
		html_open(h, "ul", NULL);
		html_open(h, "li", NULL);
		html_open(h, "a", "href", "#file", NULL);
		html_text(h, error);
		html_close(h);
		html_close(h);
		html_close(h);
		html_close(h);
	} else if (imported && req->method != WEB_POST) {
		html_open(h, "p", "class", "notice", "role", "status", NULL);
		html_textf(h, P_("Imported: %s record added.", "Imported: %s records added.",
		    strtoul(imported, NULL, 10)), imported);
		html_close(h);
	}
	if (req->user.role == WEB_ADMIN || (in && req->user.role == WEB_MEMBER))
		import_section(h, req, in, error);
	export_section(h, req, in);
	page_end(&pg);
	return 0;
}

int
h_transfer(struct web_request *req, struct web_response *res)
{
	return transfer_page(req, res, NULL);
}

/* ---------------------------------------------------------------- import */

/*
 * A CSV file, streamed (app_import_csv): the catalog and then one
 * initiative at a time, read from the upload in place; one write, run
 * again on a conflict. Returns 0 with *added set, -1 with e set (the
 * file's problem), -2 with err set, -3 after the last conflict (web_busy).
 */
static int
import_csv(struct web_request *req, struct store *st, const char *program,
    const struct app_import_file *f, size_t *added, struct model_error *e, struct strbuf *err)
{
	struct app_import_result r;
	int ret;

	memset(&r, 0, sizeof(r));
	ret = app_import_csv(st, program, req->slug, f, 1, web_actor(req), &r, e, err);
	*added = r.records;
	free(r.slug);
	return ret == -2 && r.gave_up ? -3 : ret;
}

/* import_json's change (app_write_fn): the document read into w->p, checked, saved. */
struct json_import {
	struct web_request *req;
	const struct app_import_file *f;
	struct model_error *e;
	size_t added;
	int invalid;		/* the file's problem, in e */
};

static int
json_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct json_import *ji = arg;

	ji->invalid = 0;
	if (app_import_read(&w->p, ji->f, 1, ji->e) == -1 ||
	    (ji->req->slug && app_import_scope_check(&w->p, NULL, ji->req->slug, ji->e) == -1)) {
		ji->invalid = 1;
		return 1;
	}
	ji->added = app_import_count(&w->p, 1);
	return app_import_save(w->s, &w->p, web_actor(ji->req), ji->req->slug, ji->f, 1,
	    err) == -1 ? -1 : 0;
}

/*
 * A trellis/1 document adds to the stored program, which the streaming
 * JSON import does not do (it makes new programs): read whole into the
 * program, checked, saved, in the one write path. Returns as import_csv.
 */
static int
import_json(struct web_request *req, struct store *st, const char *program,
    const struct app_import_file *f, size_t *added, struct model_error *e, struct strbuf *err)
{
	struct json_import ji = { .req = req, .f = f, .e = e };
	struct app_write w;
	int r;

	/* app_write_run: run again on PostgreSQL's serialization failure */
	r = app_write_run(&w, st, program, NULL, json_change, &ji, err);
	app_write_end(&w);
	*added = ji.added;
	return r == 0 ? 0 : ji.invalid ? -1 : w.gave_up ? -3 : -2;
}

int
h_import_post(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct web_upload *up = &req->upload;
	const char *kind = web_form(req, "kind");
	struct strbuf err = STRBUF_INIT, msg = STRBUF_INIT, loc = STRBUF_INIT;
	struct app_import_file f;
	struct model_error e;
	struct store *st;
	const char *base;
	size_t added = 0;
	int ret = -1, r;

	if (wp == NULL)
		goto out;
	if (req->slug && program_initiative(&wp->program, req->slug) == NULL) {
		ret = web_error(res, 404, N_("There is no initiative at this address."));
		goto out;
	}
	if (!up->present || up->filename == NULL || *up->filename == '\0') {
		res->status = 422;
		ret = transfer_page(req, res, _("Choose a file to import."));
		goto out;
	}
	/* a name only: whatever path the browser sent is never used */
	base = strrchr(up->filename, '/');
	base = base ? base + 1 : up->filename;
	f.name = base;
	f.data = up->bytes;
	f.len = up->len;
	if (kind && strcmp(kind, "json") == 0)
		f.which = APP_IMPORT_JSON;
	else if (kind && *kind)
		f.which = csv_table(kind);
	else if (strlen(base) > 5 && strcmp(base + strlen(base) - 5, ".json") == 0)
		f.which = APP_IMPORT_JSON;
	else
		f.which = csv_file_for_path(base);
	if (f.which == -1 && !(kind && strcmp(kind, "json") == 0) &&
	    !(strlen(base) > 5 && strcmp(base + strlen(base) - 5, ".json") == 0)) {
		res->status = 422;
		strbuf_addf(&msg, _("%s: not a trellis/1 file: name it after its table (decisions.csv) "
		    "or choose what it holds."), base);
		ret = transfer_page(req, res, msg.buf);
		goto out;
	}

	/* all or nothing, in one write transaction, with its audit entry */
	if ((st = web_store(req, &err)) == NULL) {
		fprintf(stderr, "trellis serve: import: %s\n", err.buf);
		goto out;
	}
	r = f.which == APP_IMPORT_JSON ?
	    import_json(req, st, wp->program.slug, &f, &added, &e, &err) :
	    import_csv(req, st, wp->program.slug, &f, &added, &e, &err);
	if (r == -1) {
		model_error_format(&e, &msg);
		res->status = 422;
		ret = transfer_page(req, res, msg.buf);
		goto out;
	}
	if (r == -3) {
		fprintf(stderr, "trellis serve: import: %s\n", err.buf);
		ret = web_busy(res);
		goto out;
	}
	if (r != 0) {
		fprintf(stderr, "trellis serve: import: %s\n", err.buf);
		res->status = 500;
		ret = transfer_page(req, res, _("The import could not be saved; nothing was written."));
		goto out;
	}
	base_path(req, &loc);
	strbuf_addf(&loc, "/import?imported=%zu", added);
	web_redirect(res, loc.buf);
	ret = 0;
out:
	strbuf_release(&err);
	strbuf_release(&msg);
	strbuf_release(&loc);
	return ret;
}
