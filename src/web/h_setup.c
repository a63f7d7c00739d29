/*
 * Setting up on the web (issue 13, items 1 and 8): a new initiative
 * (GET /program/initiatives/new, POST /program/initiatives), an
 * initiative's own fields (GET and POST /program/initiatives/{slug}), the
 * program's (GET and POST /program/edit), and the program's settings
 * (GET and POST /program/settings; GET and PUT /api/v1/program/settings).
 *
 * Each is fetch → compute → render (src/view/setup_page.c,
 * settings_page.c); every change goes through the one write path (records
 * through app/edit.h, settings through app_settings_save), audited there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "records.h"
#include "router.h"
#include "../app/settings.h"
#include "../io/json.h"
#include "../metrics/metrics.h"
#include "../util/num.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../view/settings_page.h"
#include "../view/setup_page.h"
#include "../util/banned.h"

/* ---------------------------------------------------------------- the set-up forms */

/* Renders the form of pg (its frame filled here) with status. */
static int
setup_page(struct web_request *req, struct web_response *res, const struct program *p,
    struct setup_page *pg, const char *title, int status)
{
	struct frame fr;
	struct html h;

	page_frame(&fr, req, p, title, NULL, TAB_NONE);
	pg->frame = &fr;
	pg->c.p = p;
	pg->csrf = req->csrf_token;
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	setup_page_write(&h, pg);
	page_send(res, status);
	return 0;
}

/* The edit form's page of initiative in (typed and errs: a form that came back). */
static int
initiative_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct form_input *typed, const form_errors *errs)
{
	struct strbuf action = STRBUF_INIT, title = STRBUF_INIT;
	const char *saved = web_query(req, "saved");
	struct setup_page pg = { .form = SETUP_INITIATIVE, .c = { .in = in }, .rec = in,
	    .slug = in->slug, .typed = typed, .errs = errs };
	int ret;

	strbuf_addf(&action, "/program/initiatives/%s", in->slug);
	/* TRANSLATORS: the page's title: the initiative's name */
	strbuf_addf(&title, _("%s: details"), in->name);
	pg.action = action.buf;
	if ((errs == NULL || errs->n == 0) && saved)
		pg.flash = strcmp(saved, "new") == 0 ?
		    _("The initiative is created, with its backbone as its first member and the twelve "
		    "usual responsibilities.") : _("The initiative's details are saved.");
	ret = setup_page(req, res, p, &pg, title.buf, errs && errs->n ? 422 : 200);
	strbuf_release(&action);
	strbuf_release(&title);
	return ret;
}

int
h_initiative_new(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct setup_page pg = { .form = SETUP_NEW, .action = "/program/initiatives" };

	if (wp == NULL)
		return -1;
	return setup_page(req, res, &wp->program, &pg, _("New initiative"), 200);
}

/*
 * A new initiative, an initiative's own fields, or the program's, as a
 * write's change (records_write_run): what the form parsed is copied for
 * each run (app/edit.h takes it), its slug the stored one.
 */
enum setup_op { SETUP_ADD, SETUP_UPDATE_INITIATIVE, SETUP_UPDATE_PROGRAM };
struct setup_write {
	enum setup_op op;
	const void *rec;	/* a struct initiative, or a struct program for SETUP_UPDATE_PROGRAM */
	const char *actor;
	enum app_result r;
	struct app_change *c;
	struct model_error *e;
};

static int
setup_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct setup_write *a = arg;
	const struct kind *k = a->op == SETUP_UPDATE_PROGRAM ? &kind_program : &kind_initiative;
	void *copy = xcalloc(1, k->size);

	memset(a->e, 0, sizeof(*a->e));
	if (a->op == SETUP_UPDATE_PROGRAM) {
		program_init(copy);
		kind_copy(k, copy, a->rec);
		/* the slug stays: it is the program's address in the database */
		free(((struct program *)copy)->slug);
		((struct program *)copy)->slug = xstrdup(w->p.slug);
		a->r = app_update(w->s, &w->p, NULL, k, 0, copy, a->actor, a->c, a->e, err);
	} else if (a->op == SETUP_UPDATE_INITIATIVE) {
		kind_copy(k, copy, a->rec);
		/* the one own field the form does not edit: the slug, its address (its records stay: app_update) */
		free(((struct initiative *)copy)->slug);
		((struct initiative *)copy)->slug = xstrdup(w->in->slug);
		a->r = app_update(w->s, &w->p, NULL, k, (size_t)(w->in - w->p.initiatives.v), copy,
		    a->actor, a->c, a->e, err);
	} else {
		kind_copy(k, copy, a->rec);
		/* the backbone a member and the 12 responsibilities: app_add gives a new initiative both */
		a->r = app_add(w->s, &w->p, NULL, k, copy, a->actor, a->c, a->e, err);
	}
	kind_release(k, copy);
	free(copy);
	return records_change_result(a->r);
}

/*
 * records_write_run of a: the enum app_result to answer by, or -2 when
 * the initiative is gone, -3 when the database gave up (web_busy).
 */
static int
setup_run(struct web_request *req, struct records_write *w, struct setup_write *a,
    struct strbuf *err)
{
	int run = records_write_run(req, w, setup_change, a, err);

	if (run == 1 && a->op != SETUP_UPDATE_PROGRAM && a->op != SETUP_ADD && w->aw.in == NULL)
		return -2;
	if (run == -1 && w->aw.gave_up)
		return -3;
	return records_run_result(run, a->r);
}

int
h_initiative_create(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct setup_page pg = { .form = SETUP_NEW, .action = "/program/initiatives" };
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	struct field fields[SETUP_MAX_FIELDS];
	struct kind k;
	struct initiative *rec = xcalloc(1, sizeof(*rec));
	struct setup_write sw;
	int r, ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	setup_form_kind(SETUP_NEW, &k, fields);
	records_input(req, &typed);
	pg.typed = &typed;
	pg.errs = &errs;
	if (form_parse(&k, rec, &typed, &errs)) {
		ret = setup_page(req, res, &wp->program, &pg, _("New initiative"), 422);
		goto out;
	}
	sw = (struct setup_write){ .op = SETUP_ADD, .rec = rec, .actor = web_actor(req),
	    .c = &c, .e = &e };
	switch ((r = setup_run(req, &w, &sw, &err))) {
	case -3:
		ret = web_busy(res);
		break;
	case APP_OK:
		strbuf_addf(&url, "/program/initiatives/%s?saved=new", c.key.buf);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		form_error_model(&errs, &k, &typed, &e);
		ret = setup_page(req, res, &wp->program, &pg, _("New initiative"), 422);
		break;
	default:
		fprintf(stderr, "trellis serve: add initiative: %s\n", err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : _("The initiative could not be saved."));
		ret = setup_page(req, res, &wp->program, &pg, _("New initiative"), 422);
		break;
	}
out:
	records_write_end(&w);
	kind_release(&kind_initiative, rec);
	free(rec);
	VEC_FREE(&errs);
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}

int
h_initiative_edit(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("There is no initiative at this address."));
	return initiative_page(req, res, &wp->program, in, NULL, NULL);
}

int
h_initiative_save(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	struct field fields[SETUP_MAX_FIELDS];
	struct kind k;
	struct initiative *rec = xcalloc(1, sizeof(*rec));
	struct setup_write sw;
	int r, ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL) {
		web_error(res, 404, N_("There is no initiative at this address."));
		goto out;
	}
	setup_form_kind(SETUP_INITIATIVE, &k, fields);
	records_input(req, &typed);
	if (form_parse(&k, rec, &typed, &errs)) {
		ret = initiative_page(req, res, &wp->program, in, &typed, &errs);
		goto out;
	}
	sw = (struct setup_write){ .op = SETUP_UPDATE_INITIATIVE, .rec = rec,
	    .actor = web_actor(req), .c = &c, .e = &e };
	switch ((r = setup_run(req, &w, &sw, &err))) {
	case -2:
		ret = -1;	/* the initiative is gone */
		break;
	case -3:
		ret = web_busy(res);
		break;
	case APP_OK:
		strbuf_addf(&url, "/program/initiatives/%s?saved=1", in->slug);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		form_error_model(&errs, &k, &typed, &e);
		ret = initiative_page(req, res, &wp->program, in, &typed, &errs);
		break;
	default:
		fprintf(stderr, "trellis serve: update initiative: %s\n", err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : _("The change could not be saved."));
		ret = initiative_page(req, res, &wp->program, in, &typed, &errs);
		break;
	}
out:
	records_write_end(&w);
	kind_release(&kind_initiative, rec);
	free(rec);
	VEC_FREE(&errs);
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}

/* The program's form (typed and errs: a form that came back). */
static int
program_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct form_input *typed, const form_errors *errs)
{
	struct setup_page pg = { .form = SETUP_PROGRAM, .rec = p, .action = "/program/edit",
	    .typed = typed, .errs = errs };

	if ((errs == NULL || errs->n == 0) && web_query(req, "saved"))
		pg.flash = _("The program's details are saved.");
	return setup_page(req, res, p, &pg, _("The program's details"), errs && errs->n ? 422 : 200);
}

int
h_program_edit(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);

	if (wp == NULL)
		return -1;
	return program_page(req, res, &wp->program, NULL, NULL);
}

int
h_program_save(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct strbuf err = STRBUF_INIT;
	struct field fields[SETUP_MAX_FIELDS];
	struct kind k;
	struct program *rec = xcalloc(1, sizeof(*rec));
	struct setup_write sw;
	int r, ret = -1;

	program_init(&w.aw.p);
	program_init(rec);
	if (wp == NULL)
		goto out;
	ret = 0;
	setup_form_kind(SETUP_PROGRAM, &k, fields);
	records_input(req, &typed);
	if (form_parse(&k, rec, &typed, &errs)) {
		ret = program_page(req, res, &wp->program, &typed, &errs);
		goto out;
	}
	sw = (struct setup_write){ .op = SETUP_UPDATE_PROGRAM, .rec = rec,
	    .actor = web_actor(req), .c = &c, .e = &e };
	switch ((r = setup_run(req, &w, &sw, &err))) {
	case -3:
		ret = web_busy(res);
		break;
	case APP_OK:
		web_redirect(res, "/program/edit?saved=1");
		break;
	case APP_INVALID:
		form_error_model(&errs, &k, &typed, &e);
		ret = program_page(req, res, &wp->program, &typed, &errs);
		break;
	default:
		fprintf(stderr, "trellis serve: update program: %s\n", err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : _("The change could not be saved."));
		ret = program_page(req, res, &wp->program, &typed, &errs);
		break;
	}
out:
	records_write_end(&w);
	kind_release(&kind_program, rec);
	free(rec);
	VEC_FREE(&errs);
	app_change_release(&c);
	strbuf_release(&err);
	return ret;
}

/* ---------------------------------------------------------------- the settings */

typedef VEC(struct app_setting) setting_changes;

static int
settings_page(struct web_request *req, struct web_response *res, const struct web_program *wp,
    const struct form_input *typed, const form_errors *errs)
{
	const char *saved = web_query(req, "saved");
	struct frame fr;
	struct html h;
	struct settings_page pg = { .frame = &fr, .set = &wp->settings,
	    .can_edit = req->authenticated && req->user.role == WEB_ADMIN,
	    .csrf = req->csrf_token, .typed = typed, .errs = errs };

	page_frame(&fr, req, &wp->program, _("Program settings"), NULL, TAB_NONE);
	if ((errs == NULL || errs->n == 0) && saved)
		fr.flash = strcmp(saved, "0") == 0 ? _("Nothing changed: every value was as it was.") :
		    _("The settings are saved; every report uses them from now on.");
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	settings_page_write(&h, &pg);
	page_send(res, errs && errs->n ? 422 : 200);
	return 0;
}

int
h_settings(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);

	if (wp == NULL)
		return -1;
	return settings_page(req, res, wp, NULL, NULL);
}

/*
 * The settings whose value in values (NULL: reset) differs from what is in
 * force (cur), added to out; each value checked by the rules of `trellis
 * settings`, each problem into errs by the setting's name: in the page's
 * language for the form (page), in English for the API.
 */
static void
settings_changes(const struct metrics_settings *cur, const char *const *values, const int *given,
    setting_changes *out, form_errors *errs, int page)
{
	const char *bad = N_("‘%s’ is not a valid value: give %s."), *none = N_("Give a value: %s.");

	struct metrics_settings dflt, scratch;
	char now[NUM_BUFSZ], want[NUM_BUFSZ], range[METRICS_RANGE_BUFSZ];
	char msg[sizeof(((struct form_error *)0)->msg)];

	metrics_settings_default(&dflt);
	for (size_t i = 0; i < metrics_settings_count(); i++) {
		const char *name = metrics_settings_name(i);
		const char *v = values[i];

		if (!given[i])
			continue;
		metrics_settings_value(cur, i, now);
		if (v == NULL) {
			metrics_settings_value(&dflt, i, want);
		} else {
			scratch = dflt;
			if (metrics_settings_set(&scratch, name, v)) {
				if (*v)
					snprintf(msg, sizeof(msg), page ? _(bad) : bad, v,
					    metrics_settings_range(i, range));
				else
					snprintf(msg, sizeof(msg), page ? _(none) : none,
					    metrics_settings_range(i, range));
				form_error_add(errs, name, msg);
				continue;
			}
			metrics_settings_value(&scratch, i, want);
		}
		if (strcmp(now, want) != 0)
			*VEC_PUSH(out) = (struct app_setting){ name, v ? v : NULL };
	}
}

/* Saves changes through app_settings_save; -1 when the store failed, -2 when it gave up (web_busy). */
static int
settings_store(struct web_request *req, const char *program, const struct app_setting *ch,
    size_t n, size_t *changed, struct strbuf *err)
{
	struct store *st;
	size_t bad;
	int r;

	*changed = 0;
	if (n == 0)
		return 0;
	if ((st = web_store(req, err)) == NULL)
		return -1;
	r = app_settings_save(st, program, ch, n, web_actor(req), &bad, changed, err);
	return r == -2 ? -2 : r ? -1 : 0;
}

int
h_settings_post(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	size_t n = metrics_settings_count(), changed;
	const char **values = web_alloc(req, n * sizeof(*values));
	int *given = web_alloc(req, n * sizeof(*given));
	setting_changes ch = { NULL, 0, 0 };
	form_errors errs = { NULL, 0, 0 };
	struct form_input typed;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	int r, ret = -1;

	if (wp == NULL)
		goto out;
	ret = 0;
	records_input(req, &typed);
	for (size_t i = 0; i < n; i++) {
		values[i] = web_form(req, metrics_settings_name(i));
		given[i] = values[i] != NULL;
	}
	settings_changes(&wp->settings, values, given, &ch, &errs, 1);
	if (errs.n) {
		ret = settings_page(req, res, wp, &typed, &errs);
		goto out;
	}
	if ((r = settings_store(req, wp->program.slug, ch.v, ch.n, &changed, &err)) == -2) {
		fprintf(stderr, "trellis serve: settings: %s\n", err.buf);
		ret = web_busy(res);
		goto out;
	}
	if (r) {
		fprintf(stderr, "trellis serve: settings: %s\n", err.buf);
		form_error_add(&errs, NULL, _("The settings could not be saved; nothing was changed."));
		ret = settings_page(req, res, wp, &typed, &errs);
		goto out;
	}
	strbuf_addf(&url, "/program/settings?saved=%zu", changed);
	web_redirect(res, url.buf);
out:
	VEC_FREE(&ch);
	VEC_FREE(&errs);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}

/*
 * A setting's value as JSON: a number bare, none (an unset approval
 * threshold, "") null, anything else (a language's code) a string.
 */
static void
setting_json_value(struct strbuf *out, const char *v)
{
	char *end;

	if (*v == '\0')
		strbuf_addstr(out, "null");
	else if ((void)strtod(v, &end), *end == '\0')
		strbuf_addstr(out, v);
	else
		json_write_string(out, v);
}

/* The settings as the API gives them: {"settings": [{name, value, default, description, accepts}]}. */
static void
settings_json(struct strbuf *out, const struct metrics_settings *set)
{
	struct metrics_settings dflt;
	char v[NUM_BUFSZ], d[NUM_BUFSZ], range[METRICS_RANGE_BUFSZ];

	metrics_settings_default(&dflt);
	strbuf_addstr(out, "{\"settings\": [");
	for (size_t i = 0; i < metrics_settings_count(); i++) {
		strbuf_addstr(out, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
		json_write_string(out, metrics_settings_name(i));
		strbuf_addstr(out, ", \"value\": ");
		setting_json_value(out, metrics_settings_value(set, i, v));
		strbuf_addstr(out, ", \"default\": ");
		setting_json_value(out, metrics_settings_value(&dflt, i, d));
		strbuf_addstr(out, ", \"description\": ");
		json_write_string(out, metrics_settings_help(i));
		strbuf_addstr(out, ", \"accepts\": ");
		json_write_string(out, metrics_settings_range(i, range));
		strbuf_addch(out, '}');
	}
	strbuf_addstr(out, "\n]}\n");
}

static void
json_answer(struct web_response *res, int status)
{
	res->status = status;
	res->content_type = "application/json";
}

int
h_api_settings(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);

	if (wp == NULL)
		return -1;
	strbuf_reset(&res->body);
	settings_json(&res->body, &wp->settings);
	json_answer(res, 200);
	return 0;
}

/*
 * PUT /api/v1/program/settings: {"NAME": value, ...}, a number (or its
 * text), or null to set it back to its default; the settings not named
 * stay. All or nothing: a bad name or value is 422 naming it.
 */
int
h_api_settings_put(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	size_t n = metrics_settings_count(), changed;
	const char **values = web_alloc(req, n * sizeof(*values));
	int *given = web_alloc(req, n * sizeof(*given));
	setting_changes ch = { NULL, 0, 0 };
	form_errors errs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	json_error_t jerr;
	json_t *body = NULL, *v;
	const char *key;
	int r, ret = -1;

	memset(given, 0, n * sizeof(*given));
	if (wp == NULL)
		goto out;
	ret = 0;
	if (req->content_type && strncasecmp(req->content_type, "application/json", 16) != 0) {
		web_error(res, 415, "The body must be application/json: {\"NAME\": value, ...}.");
		goto out;
	}
	body = json_loadb(req->body.buf ? req->body.buf : "", req->body.len, JSON_REJECT_DUPLICATES,
	    &jerr);
	if (body == NULL || !json_is_object(body)) {
		web_error(res, 400, "The body must be one JSON object: {\"NAME\": value, ...}.");
		goto out;
	}
	json_object_foreach(body, key, v) {
		long i = metrics_settings_find(key);
		char num[64];

		if (i < 0) {
			strbuf_addf(&err, "there is no setting '%s' (GET /api/v1/program/settings lists them)", key);
			form_error_add(&errs, key, err.buf);
			break;
		}
		given[i] = 1;
		if (json_is_null(v))
			values[i] = NULL;
		else if (json_is_string(v))
			values[i] = web_strdup(req, json_string_value(v));
		else if (json_is_integer(v)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
			values[i] = web_strdup(req, num);
		} else if (json_is_real(v)) {
			snprintf(num, sizeof(num), "%.15g", json_real_value(v));
			values[i] = web_strdup(req, num);
		} else {
			form_error_add(&errs, key, "give a number, or null for the default");
			break;
		}
	}
	if (errs.n == 0)
		settings_changes(&wp->settings, values, given, &ch, &errs, 0);
	if (errs.n) {
		struct strbuf *out = &res->body;

		strbuf_reset(out);
		strbuf_addstr(out, "{\"status\": 422, \"message\": ");
		json_write_string(out, errs.v[0].msg);
		strbuf_addstr(out, ", \"field\": ");
		json_write_string(out, errs.v[0].path);
		strbuf_addstr(out, "}\n");
		json_answer(res, 422);
		goto out;
	}
	strbuf_reset(&err);
	if ((r = settings_store(req, wp->program.slug, ch.v, ch.n, &changed, &err))) {
		fprintf(stderr, "trellis serve: api: settings: %s\n", err.buf);
		if (r == -2)
			web_busy(res);
		else
			web_error(res, 409, "The settings could not be saved; nothing was changed.");
		goto out;
	}
	/* what is in force now: the stored settings, read again */
	{
		struct metrics_settings now;
		struct store *st = web_store(req, &err);

		if (st == NULL || app_settings_load(st, wp->program.slug, &now, &err)) {
			fprintf(stderr, "trellis serve: api: settings: %s\n", err.buf);
			ret = -1;
			goto out;
		}
		strbuf_reset(&res->body);
		settings_json(&res->body, &now);
		json_answer(res, 200);
	}
out:
	if (body)
		json_decref(body);
	VEC_FREE(&ch);
	VEC_FREE(&errs);
	strbuf_release(&err);
	return ret;
}
