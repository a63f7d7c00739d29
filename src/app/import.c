/*
 * Reading an import into a program in memory (import.h). Records move by
 * value from the document read into the program they join, driven by the
 * editable-array table of edit.c, so no record kind has code of its own.
 */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "edit.h"
#include "import.h"
#include "write.h"
#include "../io/csv.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/file.h"
#include "../util/strbuf.h"
#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

static struct anyvec *
vec_in(const void *owner, const struct app_kind *ak)
{
	return (struct anyvec *)((char *)(uintptr_t)owner + ak->off);
}

/* Moves every record of from to the end of to (both of kind k); from is left empty. */
static void
move_records(struct anyvec *to, struct anyvec *from, const struct kind *k)
{
	for (size_t i = 0; i < from->n; i++)
		memcpy(anyvec_push(to, k), (char *)from->v + i * k->size, k->size);
	from->n = 0;
}

static struct initiative *
find_initiative(struct program *p, const char *slug)
{
	for (size_t i = 0; i < p->initiatives.n; i++)
		if (strcmp(p->initiatives.v[i].slug, slug) == 0)
			return &p->initiatives.v[i];
	return NULL;
}

/* Adds the records of document q to p (see import.h); q keeps only what it still owns. */
static int
merge(struct program *p, struct program *q, struct model_error *e)
{
	const struct app_kind *ks;
	size_t nk;

	if (strcmp(q->slug, p->slug) != 0) {
		model_error_set(e, &q->loc, "program.slug",
		    _("the document is program '%s'; records can be added only to '%s'"), q->slug, p->slug);
		return -1;
	}
	/* the file names q's records point at now belong to p */
	for (size_t i = 0; i < q->files.n; i++)
		*VEC_PUSH(&p->files) = q->files.v[i];
	q->files.n = 0;
	ks = app_kinds(&nk);
	for (size_t j = 0; j < nk; j++)
		if (!ks[j].in_initiative && ks[j].k != &kind_initiative)
			move_records(vec_in(p, &ks[j]), vec_in(q, &ks[j]), ks[j].k);
	for (size_t i = 0; i < q->initiatives.n; i++) {
		struct initiative *qi = &q->initiatives.v[i], *pi = find_initiative(p, qi->slug);

		if (pi == NULL) {
			memcpy(anyvec_push((struct anyvec *)&p->initiatives, &kind_initiative), qi,
			    sizeof(*qi));
			memset(qi, 0, sizeof(*qi));
			continue;
		}
		for (size_t j = 0; j < nk; j++)
			if (ks[j].in_initiative)
				move_records(vec_in(pi, &ks[j]), vec_in(qi, &ks[j]), ks[j].k);
	}
	return 0;
}

int
app_import_read(struct program *p, const struct app_import_file *files, size_t n,
    struct model_error *e)
{
	for (size_t i = 0; i < n; i++) {
		const struct app_import_file *f = &files[i];

		if (f->which != APP_IMPORT_JSON) {
			if (csv_read((enum csv_file)f->which, f->name, f->data, f->len, p, e))
				return -1;
		} else if (p->slug == NULL) {
			if (json_read_program(f->name, f->data, f->len, p, e))
				return -1;
		} else {
			struct program q;
			int r;

			program_init(&q);
			r = json_read_program(f->name, f->data, f->len, &q, e) || merge(p, &q, e);
			program_release(&q);
			if (r)
				return -1;
		}
	}
	program_default_responsibilities(p);
	return model_validate(p, e);
}

static size_t
count_vec(const struct anyvec *v, const struct kind *k, int only_new)
{
	size_t n = 0;

	for (size_t i = 0; i < v->n; i++) {
		const void *rec = (const char *)v->v + i * k->size;

		/* the built-in instruments come with every program: not records of its own */
		if (k == &kind_instrument && ((const struct instrument *)rec)->builtin)
			continue;
		n += !only_new || ((const struct rec_head *)rec)->rowid == 0;
	}
	return n;
}

size_t
app_import_count(const struct program *p, int only_new)
{
	const struct app_kind *ks;
	size_t nk, n = 0;

	ks = app_kinds(&nk);
	for (size_t j = 0; j < nk; j++) {
		if (!ks[j].in_initiative) {
			n += count_vec(vec_in(p, &ks[j]), ks[j].k, only_new);
			continue;
		}
		for (size_t i = 0; i < p->initiatives.n; i++)
			n += count_vec(vec_in(&p->initiatives.v[i], &ks[j]), ks[j].k, only_new);
	}
	return n;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Fills *a with the import's audit log entry (see app_import_save), its
 * after JSON in after: records is the number of records the import adds.
 */
static void
import_entry(const char *actor, const char *initiative, const struct app_import_file *files,
    size_t n, size_t records, struct strbuf *after, struct store_audit_entry *a)
{
	strbuf_addch(after, '{');
	if (n == 1) {
		strbuf_addstr(after, "\"file\": ");
		json_write_string(after, base_name(files[0].name));
	} else {
		strbuf_addstr(after, "\"files\": [");
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_addstr(after, ", ");
			json_write_string(after, base_name(files[i].name));
		}
		strbuf_addch(after, ']');
	}
	strbuf_addf(after, ", \"records\": %zu}", records);
	memset(a, 0, sizeof(*a));
	a->actor = actor;
	a->action = "import";
	if (n != 1)
		a->kind = "csv";
	else
		a->kind = files[0].which == APP_IMPORT_JSON ? "trellis/1" :
		    csv_file_names[files[0].which];
	a->initiative = initiative;
	a->after = after->buf;
	a->at = (int64_t)time(NULL);
}

/*
 * A streaming import holds no initiative's records once stored: the store
 * checks, in the import's transaction, that every decision and check-in a
 * learning note names as evidence is there. Returns 0, -1 with e set (named
 * after file), or -2 with err set.
 */
static int
evidence_check(struct store *s, const char *program, const char *file, struct model_error *e,
    struct strbuf *err)
{
	struct strbuf what = STRBUF_INIT;
	int r = store_evidence_dangling(s, program, &what, err);

	if (r == 1)
		model_error_set(e, NULL, file, "%s", what.buf);
	strbuf_release(&what);
	return r == 1 ? -1 : r == 0 ? 0 : -2;
}

/* Commits the streaming import's write transaction on s with its audit log entry. */
static int
audit_commit(struct store *s, const char *program, const char *actor, const char *initiative,
    const struct app_import_file *files, size_t n, size_t records, struct strbuf *err)
{
	struct strbuf after = STRBUF_INIT;
	struct store_audit_entry a;
	int ret;

	import_entry(actor, initiative, files, n, records, &after, &a);
	a.program = program;
	ret = store_write_commit(s, &a, err);
	strbuf_release(&after);
	return ret;
}

int
app_import_save(struct store *s, struct program *p, const char *actor,
    const char *initiative, const struct app_import_file *files, size_t n,
    struct strbuf *err)
{
	struct strbuf after = STRBUF_INIT;
	struct store_audit_entry a;
	int ret;

	import_entry(actor, initiative, files, n, app_import_count(p, 1), &after, &a);
	a.program = p->slug;
	ret = store_program_save(s, p, &a, err);
	strbuf_release(&after);
	return ret;
}

/* ---------------------------------------------------------------- streaming CSV */

/* The records of initiative in's lists (not the initiative itself); only_new: rowid 0. */
static size_t
initiative_count(const struct initiative *in, int only_new)
{
	const struct app_kind *ks;
	size_t nk, n = 0;

	ks = app_kinds(&nk);
	for (size_t j = 0; j < nk; j++)
		if (ks[j].in_initiative)
			n += count_vec(vec_in(in, &ks[j]), ks[j].k, only_new);
	return n;
}

/* The first new record (rowid 0) of in's lists, or NULL; *ak gets its kind. */
static const struct rec_head *
first_new(const struct initiative *in, const struct app_kind **ak)
{
	const struct app_kind *ks;
	size_t nk;

	ks = app_kinds(&nk);
	for (size_t j = 0; j < nk; j++) {
		const struct anyvec *v;

		if (!ks[j].in_initiative)
			continue;
		v = vec_in((struct initiative *)(uintptr_t)in, &ks[j]);
		for (size_t i = 0; i < v->n; i++) {
			const struct rec_head *r = (const void *)((const char *)v->v + i * ks[j].k->size);

			if (r->rowid == 0) {
				*ak = &ks[j];
				return r;
			}
		}
	}
	return NULL;
}

int
app_import_scope_check(const struct program *p, const struct initiative *in,
    const char *slug, struct model_error *e)
{
	const struct app_kind *ks, *ak;
	const struct rec_head *r;
	size_t nk;

	if (in == NULL) {
		ks = app_kinds(&nk);
		for (size_t j = 0; j < nk; j++) {
			const struct anyvec *v = (const struct anyvec *)((const char *)p + ks[j].off);

			if (ks[j].in_initiative || ks[j].k == &kind_organization ||
			    ks[j].k == &kind_person)
				continue;
			for (size_t i = 0; i < v->n; i++) {
				r = (const void *)((const char *)v->v + i * ks[j].k->size);
				if (r->rowid == 0 && !(ks[j].k == &kind_instrument &&
				    ((const struct instrument *)r)->builtin)) {
					model_error_set(e, &r->loc, ks[j].name,
					    _("this page adds records to initiative %s only; the program's "
					    "%s are imported on the program's page"), slug, ks[j].name);
					return -1;
				}
			}
		}
		for (size_t i = 0; i < p->initiatives.n; i++)
			if (app_import_scope_check(p, &p->initiatives.v[i], slug, e) == -1)
				return -1;
		return 0;
	}
	if (strcmp(in->slug, slug) == 0 || (r = first_new(in, &ak)) == NULL)
		return 0;
	model_error_set(e, &r->loc, "initiative",
	    _("'%s' is another initiative; this page adds records to %s only"), in->slug, slug);
	return -1;
}

/* Frees the records of in's lists; its own fields stay. */
static void
initiative_release_records(struct initiative *in)
{
	const struct app_kind *ks;
	size_t nk;

	ks = app_kinds(&nk);
	for (size_t j = 0; j < nk; j++) {
		struct anyvec *v;

		if (!ks[j].in_initiative)
			continue;
		v = vec_in(in, &ks[j]);
		for (size_t i = 0; i < v->n; i++)
			kind_release(ks[j].k, (char *)v->v + i * ks[j].k->size);
		free(v->v);
		v->v = NULL;
		v->n = v->alloc = 0;
	}
}

/* Puts the stored records of stored (a slice's initiative) before in's new ones. */
static void
take_stored(struct initiative *in, struct initiative *stored)
{
	const struct app_kind *ks;
	size_t nk;

	ks = app_kinds(&nk);
	for (size_t j = 0; j < nk; j++) {
		struct anyvec *a, *b, t;

		if (!ks[j].in_initiative)
			continue;
		a = vec_in(in, &ks[j]);
		b = vec_in(stored, &ks[j]);
		move_records(b, a, ks[j].k);
		t = *a;
		*a = *b;
		*b = t;
	}
}

/* Tells res's progress function the stage, when there is one. */
static void
progress(const struct app_import_result *res, const char *fmt, size_t i, size_t n)
{
	char stage[64];

	if (res->progress == NULL)
		return;
	snprintf(stage, sizeof(stage), fmt, i, n);
	res->progress(res->progress_arg, stage);
}

static int
program_stored(struct store *s, const char *slug, struct strbuf *err)
{
	struct store_slugs slugs = { NULL, 0, 0 };
	int ret = 0;

	if (store_program_slugs(s, &slugs, err) == -1)
		return -1;
	for (size_t i = 0; i < slugs.n; i++)
		if (strcmp(slugs.v[i], slug) == 0)
			ret = 1;
	store_slugs_release(&slugs);
	return ret;
}

/*
 * The reading half of a streaming CSV import, which needs no store: each
 * initiative's rows read from the streamed files and from whole (the
 * files read whole: its initiative i is p's i), checked against the
 * scope, and, for a new initiative, resolved against p's catalog. A
 * thread of its own reads initiative i + 1 while the caller's thread
 * stores initiative i (issue 10, P1 in docs/benchmarks.md); the store is
 * used by the caller's thread only. The reader writes only the
 * initiative it reads and reads p's catalog, which stays as it is once
 * stored; it frees the records of the initiatives already stored. At
 * most FEED_AHEAD initiatives are read ahead of the one being stored, so
 * memory stays that of a few initiatives. Without a thread (see
 * feed_start) the caller reads each initiative itself when it needs it,
 * as before. t0034 compares the two.
 */
#define FEED_AHEAD 2
#define FEED_STACK (1024 * 1024)

struct feed {
	struct program *p, *whole;
	size_t nstored;		/* how many of p's initiatives were stored before */
	const char *scope;
	struct csv_stream **streams;
	size_t nstreams;
	int threaded;
	pthread_t thread;
	int lang;		/* the caller's language: the reader's messages too */
	pthread_mutex_t mu;	/* guards what follows */
	pthread_cond_t cv;
	size_t ready;		/* initiatives [0, ready) are read */
	int ended;		/* ... and the files' ends checked (after the last) */
	int failed;		/* reading initiative ready (n: the ends) failed: e */
	size_t done;		/* the caller is done storing [0, done) */
	int stop;		/* the caller gives up: the reader stops */
	struct model_error e;
};

/* Reads initiative i of f->p (see struct feed); -1 with e set. */
static int
feed_read(struct feed *f, size_t i, struct model_error *e)
{
	struct initiative *in = &f->p->initiatives.v[i];
	const struct app_kind *ks;
	size_t nk;

	for (size_t k = 0; k < f->nstreams; k++)
		if (f->streams[k] && csv_stream_read(f->streams[k], f->p, in->slug, e) == -1)
			return -1;
	ks = app_kinds(&nk);
	for (size_t j = 0; j < nk; j++)
		if (ks[j].in_initiative)
			move_records(vec_in(in, &ks[j]), vec_in(&f->whole->initiatives.v[i], &ks[j]),
			    ks[j].k);
	if (f->scope && app_import_scope_check(f->p, in, f->scope, e) == -1)
		return -1;
	if (i < f->nstored)
		return 0;	/* resolved with its stored records (import_initiative) */
	/* a new initiative: its backbone a member by itself (issue 13) */
	initiative_backbone_member(in);
	return model_resolve_initiative(f->p, in, e);
}

/* Checks that every streamed file has no row left over; -1 with e set. */
static int
feed_end(struct feed *f, struct model_error *e)
{
	for (size_t k = 0; k < f->nstreams; k++)
		if (f->streams[k] && csv_stream_end(f->streams[k], e) == -1)
			return -1;
	return 0;
}

static void *
feed_thread(void *arg)
{
	struct feed *f = arg;
	size_t n = f->p->initiatives.n, freed = 0, done;
	int r, stop;

	(void)i18n_use(f->lang);
	for (size_t i = 0; i <= n; i++) {
		pthread_mutex_lock(&f->mu);
		while (!f->stop && i >= f->done + FEED_AHEAD)
			pthread_cond_wait(&f->cv, &f->mu);
		stop = f->stop;
		done = f->done;
		pthread_mutex_unlock(&f->mu);
		if (stop)
			break;
		for (; freed < done; freed++)
			initiative_release_records(&f->p->initiatives.v[freed]);
		r = i < n ? feed_read(f, i, &f->e) : feed_end(f, &f->e);
		pthread_mutex_lock(&f->mu);
		if (r == -1)
			f->failed = 1;
		else if (i < n)
			f->ready = i + 1;
		else
			f->ended = 1;
		pthread_cond_broadcast(&f->cv);
		pthread_mutex_unlock(&f->mu);
		if (r == -1)
			break;
	}
	return NULL;
}

/*
 * Starts f's reader; without a thread, the caller reads (feed_wait). Not
 * under a limit on the address space (ulimit -v, as t0032 sets): the
 * reader's malloc arena alone reserves 64 MiB of it (glibc), so a process
 * kept to little memory that way reads and stores by turns, as before.
 */
static void
feed_start(struct feed *f)
{
	struct rlimit as;
	pthread_attr_t attr;

	f->lang = i18n_current();
	if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
		return;
	if (pthread_attr_init(&attr) != 0)
		return;
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->cv, NULL);
	/* a small stack: the reader recurses no deeper than a record's kinds */
	f->threaded = pthread_attr_setstacksize(&attr, FEED_STACK) == 0 &&
	    pthread_create(&f->thread, &attr, feed_thread, f) == 0;
	pthread_attr_destroy(&attr);
	if (!f->threaded) {
		pthread_cond_destroy(&f->cv);
		pthread_mutex_destroy(&f->mu);
	}
}

/*
 * Returns 0 once initiative i is read (i == n: once the files' ends are
 * checked), -1 with e set when reading it failed: in file order, as every
 * initiative before it was read without a problem.
 */
static int
feed_wait(struct feed *f, size_t i, struct model_error *e)
{
	size_t n = f->p->initiatives.n;
	int ok;

	if (!f->threaded)
		return i < n ? feed_read(f, i, e) : feed_end(f, e);
	pthread_mutex_lock(&f->mu);
	while (!(ok = i < n ? f->ready > i : f->ended) && !f->failed)
		pthread_cond_wait(&f->cv, &f->mu);
	pthread_mutex_unlock(&f->mu);
	if (!ok)
		*e = f->e;
	return ok ? 0 : -1;
}

/* The caller is done storing initiative i: its records may go. */
static void
feed_done(struct feed *f, size_t i)
{
	if (!f->threaded) {
		initiative_release_records(&f->p->initiatives.v[i]);
		return;
	}
	pthread_mutex_lock(&f->mu);
	assert(f->done == i);
	f->done = i + 1;
	pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
}

/* Stops f's reader (when it still reads) and waits for it. */
static void
feed_stop(struct feed *f)
{
	if (!f->threaded)
		return;
	pthread_mutex_lock(&f->mu);
	f->stop = 1;
	pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
	pthread_join(f->thread, NULL);
	pthread_cond_destroy(&f->cv);
	pthread_mutex_destroy(&f->mu);
	f->threaded = 0;
}

/*
 * One initiative of a streaming import, read by f (feed_read), its
 * stored records put before its new ones when it was stored before the
 * import (then resolved here), stored. Returns 0, -1 with e set, -2 with
 * err set.
 */
static int
import_initiative(struct store *s, struct feed *f, size_t i, struct app_import_result *res,
    size_t *records, struct model_error *e, struct strbuf *err)
{
	struct program *p = f->p;
	struct initiative *in = &p->initiatives.v[i];
	struct program w;
	int r;

	progress(res, "saving initiative %zu of %zu", i + 1, p->initiatives.n);
	if (feed_wait(f, i, e) == -1)
		return -1;
	/* a stored initiative the files add nothing to is as it was */
	if (i < f->nstored && initiative_count(in, 1) == 0)
		return 0;
	if (i < f->nstored) {
		program_init(&w);
		if ((r = store_initiative_load(s, p->slug, in->slug, &w, err)) != 0) {
			if (r == 1)
				strbuf_addf(err, _("initiative '%s' is gone from the database"), in->slug);
			return -2;
		}
		take_stored(in, &w.initiatives.v[0]);
		program_release(&w);
		if (model_resolve_initiative(p, in, e) == -1)
			return -1;
	}
	*records += initiative_count(in, 1);
	if (store_initiative_save(s, p, in, err) == -1)
		return -2;
	return 0;
}

/* Reads f, a file of kind which, whole into p: from f->data when set, else from its path. */
static int
read_whole(enum csv_file which, const struct app_import_file *f, struct program *p,
    struct model_error *e)
{
	return f->data ? csv_read(which, f->name, f->data, f->len, p, e) :
	    csv_read_path(which, f->name, p, e);
}

/*
 * The CSV import, once: with scan, each initiatives' file is first parsed
 * to see whether its rows are grouped by initiative in the catalog's order
 * (csv_file_grouped), and streamed only then, else read whole; without
 * scan, every one is streamed as if it were (see app_import_csv). One run
 * of a write (app_txn_run): its transaction nests in the run's.
 */
static int
import_csv(struct store *s, const char *program, const char *scope,
    const struct app_import_file *files, size_t n, const char *actor, int scan,
    struct app_import_result *res, struct model_error *e, struct strbuf *err)
{
	struct program p, whole;
	struct csv_stream **streams = xcalloc(n ? n : 1, sizeof(*streams));
	struct feed feed;
	size_t nstored = 0, k, records;
	int ret = -2, r;

	memset(&feed, 0, sizeof(feed));
	program_init(&p);
	program_init(&whole);
	free(res->slug);	/* an earlier run's, rolled back */
	res->slug = NULL;
	res->records = res->initiatives = 0;
	/* the catalog: what is stored, then the program-level files, checked whole */
	if (store_write_begin(s, err) == -1)
		goto fail;
	if (program) {
		if ((r = store_catalog_load(s, program, &p, err)) != 0) {
			if (r == 1)
				strbuf_addf(err, _("no program '%s' in this database"), program);
			goto out;
		}
		nstored = p.initiatives.n;
	}
	ret = -1;
	for (k = 0; k < n && files[k].which < CSV_OBSERVATIONS; k++) {
		assert(k == 0 || files[k].which > files[k - 1].which);
		if (read_whole((enum csv_file)files[k].which, &files[k], &p, e) == -1)
			goto out;
	}
	for (size_t j = k; j < n; j++)
		csv_lists_given((enum csv_file)files[j].which, &p);
	program_default_responsibilities(&p);
	p.partial = PROGRAM_CATALOG;
	progress(res, "validating", 0, 0);
	if (model_validate(&p, e) == -1 ||
	    (scope && app_import_scope_check(&p, NULL, scope, e) == -1))
		goto out;
	if (program == NULL) {
		if ((r = program_stored(s, p.slug, err)) == -1) {
			ret = -2;
			goto out;
		}
		if (r == 1) {
			model_error_set(e, &p.loc, "program.slug",
			    _("a program '%s' already exists in the database"), p.slug);
			goto out;
		}
	}
	/*
	 * The initiatives' files: streamed when their rows are grouped by
	 * initiative in p's order, else read whole now into whole, a program
	 * of p's initiatives by slug only (so is a file with a problem the
	 * scan stops at: reading it reports the problem, before anything is
	 * written).
	 */
	for (size_t i = 0; i < p.initiatives.n; i++)
		VEC_PUSH(&whole.initiatives)->slug = xstrdup(p.initiatives.v[i].slug);
	for (size_t j = k; j < n; j++) {
		enum csv_file which = (enum csv_file)files[j].which;

		if (!scan)
			r = 1;
		else if ((r = csv_file_grouped(which, files[j].name, files[j].data, files[j].len,
		    &p, e)) == -1)
			goto out;
		if (r == 1)
			streams[j] = csv_stream_open(which, files[j].name, files[j].data, files[j].len,
			    &p, e);
		if (r == 1 ? streams[j] == NULL : read_whole(which, &files[j], &whole, e) == -1)
			goto out;
	}
	records = app_import_count(&p, 1);
	if (store_program_save(s, &p, NULL, err) == -1) {
		ret = -2;
		goto out;
	}
	feed.p = &p;
	feed.whole = &whole;
	feed.nstored = nstored;
	feed.scope = scope;
	feed.streams = streams;
	feed.nstreams = n;
	feed_start(&feed);
	for (size_t i = 0; i < p.initiatives.n; i++) {
		if ((ret = import_initiative(s, &feed, i, res, &records, e, err)) != 0)
			goto out;
		feed_done(&feed, i);
	}
	ret = -1;
	if (feed_wait(&feed, p.initiatives.n, e) == -1)
		goto out;
	if ((ret = evidence_check(s, p.slug, "learning.csv", e, err)) != 0)
		goto out;
	ret = -2;
	if (audit_commit(s, p.slug, actor, scope, files, n, records, err) == -1)
		goto out;
	res->slug = xstrdup(p.slug);
	res->records = records;
	res->initiatives = p.initiatives.n;
	ret = 0;
out:
	if (ret != 0)
		store_write_rollback(s);
fail:
	feed_stop(&feed);	/* before the streams and p it reads go */
	for (size_t j = 0; j < n; j++)
		csv_stream_close(streams[j]);
	free(streams);
	program_release(&whole);
	program_release(&p);
	return ret;
}

/* ---------------------------------------------------------------- streaming JSON */

/* Reads bytes [off, off + len) of fp into buf (grown as needed). */
static int
read_range(FILE *fp, const char *name, size_t off, size_t len, struct strbuf *buf,
    struct model_error *e)
{
	strbuf_reset(buf);
	strbuf_grow(buf, len);
	if (fseeko(fp, (off_t)off, SEEK_SET) == -1 || fread(buf->buf, 1, len, fp) != len) {
		model_error_set(e, NULL, "", _("%s: cannot read: %s"), name,
		    ferror(fp) ? strerror(errno) : "the file changed while it was read");
		return -1;
	}
	buf->len = len;
	buf->buf[len] = '\0';
	return 0;
}

/*
 * The document without its initiatives: bytes before the "initiatives"
 * array's '[' and from its ']' on, the lines between kept as empty lines so
 * that every line number stays the file's.
 */
static int
read_catalog(FILE *fp, const char *name, const struct json_slices *sl, struct strbuf *doc,
    struct model_error *e)
{
	struct strbuf part = STRBUF_INIT;
	off_t end;
	int ret = -1;

	if (fseeko(fp, 0, SEEK_END) == -1 || (end = ftello(fp)) == -1) {
		model_error_set(e, NULL, "", _("%s: cannot read: %s"), name, strerror(errno));
		goto out;
	}
	if (read_range(fp, name, 0, sl->open + 1, &part, e) == -1)
		goto out;
	strbuf_add(doc, part.buf, part.len);
	for (unsigned l = sl->open_line; l < sl->close_line; l++)
		strbuf_addch(doc, '\n');
	if (read_range(fp, name, sl->close, (size_t)end - sl->close, &part, e) == -1)
		goto out;
	strbuf_add(doc, part.buf, part.len);
	ret = 0;
out:
	strbuf_release(&part);
	return ret;
}

/* One run of app_import_json, as import_csv. */
static int
import_json_once(struct store *s, const struct app_import_file *file, const char *actor,
    struct app_import_result *res, struct model_error *e, struct strbuf *err)
{
	struct json_slices sl;
	struct program p;
	struct strbuf buf = STRBUF_INIT;
	struct anyvec learning = { NULL, 0, 0 };
	struct stat st;
	FILE *fp = NULL;
	size_t records;
	int fd, ret = -1, r;

	program_init(&p);
	free(res->slug);	/* an earlier run's, rolled back */
	res->slug = NULL;
	res->records = res->initiatives = 0;
	memset(&sl, 0, sizeof(sl));
	if ((fd = file_open_regular(file->name, &st, &buf)) == -1 ||
	    (fp = fdopen(fd, "rb")) == NULL) {
		if (fd != -1) {
			strbuf_addf(&buf, "%s: cannot read: %s", file->name, strerror(errno));
			close(fd);
		}
		model_error_set(e, NULL, "", "%s", buf.buf);
		goto fail;
	}
	if (json_scan_initiatives(fp, &sl) == 0) {
		ret = 1;	/* not one the slices can be found in: read it whole */
		goto fail;
	}
	strbuf_reset(&buf);
	if (read_catalog(fp, file->name, &sl, &buf, e) == -1 ||
	    json_read_program(file->name, buf.buf, buf.len, &p, e) == -1)
		goto fail;
	/* the learning questions name initiatives: checked and stored after them */
	assert(sizeof(learning) == sizeof(p.learning));
	memcpy(&learning, &p.learning, sizeof(learning));
	memset(&p.learning, 0, sizeof(p.learning));
	p.partial = PROGRAM_CATALOG;
	progress(res, "validating", 0, 0);
	if (model_validate(&p, e) == -1)
		goto fail;
	ret = -2;
	store_bulk(s, 1);
	if (store_write_begin(s, err) == -1)
		goto fail;
	if ((r = program_stored(s, p.slug, err)) == -1)
		goto out;
	ret = -1;
	if (r == 1) {
		model_error_set(e, &p.loc, "program.slug",
		    _("a program '%s' already exists in the database"), p.slug);
		goto out;
	}
	ret = -2;
	records = app_import_count(&p, 1);
	if (store_program_save(s, &p, NULL, err) == -1)
		goto out;
	for (size_t i = 0; i < sl.v.n; i++) {
		const struct json_slice *js = &sl.v.v[i];
		struct initiative *in;

		progress(res, "saving initiative %zu of %zu", i + 1, sl.v.n);
		ret = -1;
		if (read_range(fp, file->name, js->off, js->len, &buf, e) == -1)
			goto out;
		in = VEC_PUSH(&p.initiatives);
		memset(in, 0, sizeof(*in));
		if (json_read_record_at(file->name, buf.buf, buf.len, js->line, &kind_initiative,
		    in, &p, e) == -1)
			goto out;
		if (!strmap_put(&p.initiative_index, in->slug, (int)i)) {
			model_error_set(e, &in->loc, "slug", _("initiative '%s' is used twice"), in->slug);
			goto out;
		}
		initiative_default_responsibilities(in);
		if (model_resolve_initiative(&p, in, e) == -1)
			goto out;
		records += 1 + initiative_count(in, 1);
		ret = -2;
		if (store_initiative_save(s, &p, in, err) == -1)
			goto out;
		initiative_release_records(in);
	}
	ret = -1;
	memcpy(&p.learning, &learning, sizeof(learning));
	learning.v = NULL;
	learning.n = 0;
	if (model_validate(&p, e) == -1)
		goto out;
	ret = -2;
	records += app_import_count(&p, 1);
	if (store_program_save(s, &p, NULL, err) == -1)
		goto out;
	if ((ret = evidence_check(s, p.slug, file->name, e, err)) != 0)
		goto out;
	ret = -2;
	if (audit_commit(s, p.slug, actor, NULL, file, 1, records, err) == -1)
		goto out;
	res->slug = xstrdup(p.slug);
	res->records = records;
	res->initiatives = p.initiatives.n;
	ret = 0;
out:
	if (ret != 0)
		store_write_rollback(s);
fail:
	store_bulk(s, 0);
	for (size_t i = 0; i < learning.n; i++)
		kind_release(&kind_learning, (char *)learning.v + i * kind_learning.size);
	free(learning.v);
	VEC_FREE(&sl.v);
	if (fp)
		fclose(fp);
	strbuf_release(&buf);
	program_release(&p);
	return ret;
}

/* ---------------------------------------------------------------- the write */

/*
 * A streamed import is one write (app_txn_run): run again from its files
 * when the database reports a conflict. import_csv and
 * import_json_once read everything afresh each run (the files from their
 * paths or data, the stored catalog), so nothing of a failed run stays.
 */
struct import_run {
	const char *program, *scope;
	const struct app_import_file *files;
	size_t n;
	int json;
	int scan;		/* CSV: the careful way (import_csv) */
	const char *actor;
	struct app_import_result *res;
	struct model_error *e;
	int ret;		/* the run's own return, as app_import_csv's */
};

/* app_txn_fn: 0 to commit, 1 the input refused (or JSON to be read whole), -1 the store. */
static int
import_change(struct store *s, void *arg, struct strbuf *err)
{
	struct import_run *a = arg;

	a->ret = a->json ? import_json_once(s, a->files, a->actor, a->res, a->e, err) :
	    import_csv(s, a->program, a->scope, a->files, a->n, a->actor, a->scan, a->res, a->e,
	    err);
	return a->ret == 0 ? 0 : a->ret == -2 ? -1 : 1;
}

static int
import_run(struct store *s, struct import_run *a, struct strbuf *err)
{
	a->res->slug = NULL;
	a->res->gave_up = 0;
	a->ret = -2;
	if (app_txn_run(s, import_change, a, &a->res->gave_up, err) == -1) {
		free(a->res->slug);
		a->res->slug = NULL;
		return -2;
	}
	return a->ret;
}

/*
 * The files of the national workload, as bench/gen and the export write
 * them, have their rows grouped by initiative in the catalog's order; the
 * parse that checks it costs a seventh of the import (P1,
 * docs/benchmarks.md). So the import first streams every file as if it
 * were grouped. A file that is not leaves a row it cannot take (one of an
 * initiative whose turn has passed, or of none) and fails the import, as
 * does any other problem; then the transaction is rolled back and the
 * import runs again the careful way, a write of its own, which reads such
 * a file whole and reports the first problem exactly as it always has. An
 * import that succeeds the first time stored what the careful way would
 * have. A run given up after the last conflict is not run again.
 */
int
app_import_csv(struct store *s, const char *program, const char *scope,
    const struct app_import_file *files, size_t n, const char *actor,
    struct app_import_result *res, struct model_error *e, struct strbuf *err)
{
	struct import_run a = { .program = program, .scope = scope, .files = files, .n = n,
	    .actor = actor, .res = res, .e = e };
	int ret;

	store_bulk(s, 1);
	if ((ret = import_run(s, &a, err)) != 0 && !res->gave_up) {
		strbuf_reset(err);
		a.scan = 1;
		ret = import_run(s, &a, err);
	}
	store_bulk(s, 0);
	return ret;
}

int
app_import_json(struct store *s, const struct app_import_file *file, const char *actor,
    struct app_import_result *res, struct model_error *e, struct strbuf *err)
{
	struct import_run a = { .files = file, .n = 1, .json = 1, .actor = actor, .res = res,
	    .e = e };

	return import_run(s, &a, err);
}
