/*
 * The program cache of `trellis serve` (docs/architecture.md, "The web
 * server's data"): what pages are made from, kept in memory and shared
 * read-only by the worker threads. Cost follows the work: one catalog,
 * and one snapshot per initiative that was asked for, not the whole
 * program.
 *
 * - The catalog (store_catalog_load): the program, its settings,
 *   organizations, people, instruments, learning questions, and every
 *   initiative's own fields, without any initiative's records. Requests
 *   that name no initiative are made from it.
 * - An initiative's snapshot: the catalog's program, shallow (its arrays
 *   are the catalog's: the snapshot holds a reference to it), with that
 *   one initiative's records in its place, read on its own
 *   (store_initiative_load) and resolved against the catalog's indexes
 *   (model_resolve_initiative). A request for /i/{slug}/... is made from
 *   it; a page sees the program it always saw.
 *
 * Initiative snapshots are kept in a list, most recently used first, and
 * the least recently used go when their total passes the limit (serve
 * --cache-mb). A request holds its snapshot by reference until it ends,
 * so one that goes meanwhile stays whole for it.
 *
 * Freshness: each request reads the data's versions once (store_versions:
 * one row). A catalog older than the catalog's version is loaded again
 * (and with it every initiative snapshot goes, as they share its arrays);
 * an initiative snapshot older than its initiative's version is loaded
 * again, alone: a write in one initiative leaves every other initiative's
 * snapshot, and its rendered fragments, in place. While one thread loads,
 * others that hold an older copy answer from it instead of waiting.
 *
 * Several servers on one PostgreSQL database (docs/postgresql.md): the
 * versions above stay the rule, read on each request, so a write through
 * any server shows on the next request to any other. A listener thread
 * (its own connection, store_listen) also hears each write as it commits
 * and drops at once the copies it made old: the changed initiative's
 * snapshot and its fragments, or for a change to the catalog every
 * initiative snapshot and the catalog's fragments. A lost connection is
 * opened again, after a wait that grows to 30 s; meanwhile, and always,
 * the versions keep every answer current.
 */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "web.h"
#include "../app/write.h"
#include "../app/settings.h"
#include "../metrics/metrics.h"
#include "../model/fields.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

struct fragment {
	char *key;
	char *text;
	size_t len;
};

struct snapshot {
	struct web_program wp;		/* first: a request's snapshot points here */
	atomic_int refs;		/* the cache holds one; each request holding it one */
	pthread_mutex_t frag_lock;	/* guards frags and frag_next */
	struct fragment frags[WEB_FRAGMENTS];
	size_t frag_next;		/* the slot the next put takes, round robin */
	int64_t version;		/* the data's version when it was loaded */
	/* an initiative's snapshot only: */
	struct snapshot *catalog;	/* the catalog whose arrays it shares (a reference) */
	size_t ini;			/* its initiative's index in the program's initiatives */
	size_t bytes;			/* about what its initiative's records take */
	struct snapshot *prev, *next;	/* on the list, most recently used first */
	int listed;
};

/*
 * One program's cache: a server with several programs keeps one each
 * (docs/web.md), so a write in one program drops nothing of another's.
 */
struct pcache {
	char *slug;			/* the program; never freed while the server runs */
	struct pcache *gone_next;	/* on cache.gone: no longer served */
	struct snapshot *catalog;
	struct snapshot *head, *tail;	/* initiative snapshots, most recently used first */
	size_t bytes, count;
};

static struct {
	pthread_mutex_t lock;		/* guards the programs' catalogs and lists */
	pthread_mutex_t load_lock;	/* one load at a time */
	struct pcache *progs[CACHE_PROGRAMS_MAX];	/* the programs served, by slug */
	size_t nprogs;
	struct pcache *gone;		/* programs served once and no longer: kept till stop */
	int follow;			/* the set follows the database's programs (no --program) */
	int64_t set_version;		/* the catalog's version the set was read at */
	pthread_mutex_t set_lock;	/* one reading of the set at a time */
	size_t limit;			/* bytes of initiative snapshots, per program */
	char *db;			/* the database's path */
	pthread_key_t store_key;	/* each worker thread's struct store */
} cache = { .lock = PTHREAD_MUTEX_INITIALIZER, .load_lock = PTHREAD_MUTEX_INITIALIZER,
	.set_lock = PTHREAD_MUTEX_INITIALIZER };

/* ---------------------------------------------------------------- each thread's store */

static void
store_destroy(void *arg)
{
	store_close(arg);
}

struct store *
web_store(struct web_request *req, struct strbuf *err)
{
	struct store *st = pthread_getspecific(cache.store_key);

	(void)req;
	if (st == NULL) {
		if (store_open(cache.db, 0, &st, err) == -1)
			return NULL;
		pthread_setspecific(cache.store_key, st);
	}
	return st;
}

const char *
web_db_path(void)
{
	return cache.db;
}

/* ---------------------------------------------------------------- snapshots */

static void
snapshot_put(void *arg)
{
	struct snapshot *s = arg;

	if (s == NULL || atomic_fetch_sub(&s->refs, 1) != 1)
		return;
	for (size_t i = 0; i < WEB_FRAGMENTS; i++) {
		free(s->frags[i].key);
		free(s->frags[i].text);
	}
	pthread_mutex_destroy(&s->frag_lock);
	if (s->catalog) {
		/* only the initiative and the array are its own; the rest is the catalog's */
		kind_release(&kind_initiative, &s->wp.program.initiatives.v[s->ini]);
		free(s->wp.program.initiatives.v);
		snapshot_put(s->catalog);
	} else
		program_release(&s->wp.program);
	free(s);
}

static struct snapshot *
snapshot_new(void)
{
	struct snapshot *s = xcalloc(1, sizeof(*s));

	program_init(&s->wp.program);
	atomic_init(&s->refs, 1);
	pthread_mutex_init(&s->frag_lock, NULL);
	return s;
}

/* Loads the catalog into a new snapshot (refs 1). Returns NULL with err set. */
static struct snapshot *
catalog_load(struct store *st, const struct pcache *pc, struct strbuf *err)
{
	struct snapshot *s = snapshot_new();
	struct model_error e;
	int rc;

	/* before the load: a change that commits meanwhile makes it look old, never new */
	if (store_data_version(st, &s->version, err))
		goto fail;
	if ((rc = store_catalog_load(st, pc->slug, &s->wp.program, err)) != 0) {
		if (rc == 1)
			strbuf_addf(err, "no program '%s' in the database", pc->slug);
		goto fail;
	}
	if (model_resolve(&s->wp.program, &e)) {
		strbuf_addstr(err, "the stored program does not check out: ");
		model_error_format(&e, err);
		goto fail;
	}
	if (app_settings_load(st, pc->slug, &s->wp.settings, err))
		goto fail;
	return s;
fail:
	snapshot_put(s);
	return NULL;
}

/* About how many bytes record rec of kind k holds, its lists and strings included. */
static size_t
record_bytes(const struct kind *k, const void *rec)
{
	size_t n = 0;

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const void *v = FIELD_PTR(rec, f);

		switch (f->type) {
		case FT_STR:
		case FT_SLUG:
		case FT_ID:
			if (*(char *const *)v)
				n += strlen(*(char *const *)v) + 17;
			break;
		case FT_REF:
			if (((const struct ref *)v)->slug)
				n += strlen(((const struct ref *)v)->slug) + 17;
			break;
		case FT_REFS: {
			const struct refs *r = v;

			n += r->alloc * sizeof(struct ref);
			for (size_t j = 0; j < r->n; j++)
				n += strlen(r->v[j].slug) + 17;
			break;
		}
		case FT_ENUMS:
		case FT_RACI:
		case FT_ANSWERS:
			n += ((const struct anyvec *)v)->alloc * 16 + 16;
			break;
		case FT_OBJECT:
			n += record_bytes(f->sub, rec);
			break;
		case FT_LIST: {
			const struct anyvec *list = v;

			n += list->alloc * f->sub->size;
			for (size_t j = 0; j < list->n; j++)
				n += record_bytes(f->sub, (const char *)list->v + j * f->sub->size);
			break;
		}
		default:
			break;
		}
	}
	return n;
}

/*
 * A new snapshot (refs 1) of initiative ini of catalog cat at data version
 * version, the catalog's arrays shared, with *in (its records, moved in:
 * *in is left empty) in the initiative's place. Returns NULL with err set
 * (in's records then freed).
 */
static struct snapshot *
snapshot_of(struct snapshot *cat, size_t ini, struct initiative *in, int64_t version,
    struct strbuf *err)
{
	const struct program *cp = &cat->wp.program;
	struct snapshot *s = xcalloc(1, sizeof(*s));
	struct initiative *ins;
	struct model_error e;

	ins = xmalloc(cp->initiatives.n * sizeof(*ins));
	memcpy(ins, cp->initiatives.v, cp->initiatives.n * sizeof(*ins));
	ins[ini] = *in;
	memset(in, 0, sizeof(*in));
	s->version = version;
	s->wp = cat->wp;
	s->wp.program.initiatives.v = ins;
	s->wp.program.initiatives.alloc = cp->initiatives.n;
	memset(&s->wp.program.files, 0, sizeof(s->wp.program.files));
	atomic_init(&s->refs, 1);
	pthread_mutex_init(&s->frag_lock, NULL);
	s->catalog = cat;
	atomic_fetch_add(&cat->refs, 1);
	s->ini = ini;
	if (model_resolve_initiative(&s->wp.program, &ins[ini], &e)) {
		strbuf_addstr(err, "the stored initiative does not check out: ");
		model_error_format(&e, err);
		snapshot_put(s);
		return NULL;
	}
	s->bytes = sizeof(*s) + cp->initiatives.n * sizeof(*ins) +
	    record_bytes(&kind_initiative, &ins[ini]);
	return s;
}

/*
 * Loads initiative ini of catalog cat into a new snapshot (refs 1), the
 * catalog's arrays shared. Returns NULL with err set.
 */
static struct snapshot *
initiative_load(struct store *st, const struct pcache *pc, struct snapshot *cat, size_t ini,
    struct strbuf *err)
{
	const struct program *cp = &cat->wp.program;
	struct snapshot *s = NULL;
	struct program slice;
	int64_t version;
	int rc;

	program_init(&slice);
	/* before the load: a change that commits meanwhile makes it look old, never new */
	if (store_data_version(st, &version, err))
		goto out;
	if ((rc = store_initiative_load(st, pc->slug, cp->initiatives.v[ini].slug, &slice,
	    err)) != 0) {
		if (rc == 1)
			strbuf_addf(err, "no initiative '%s'", cp->initiatives.v[ini].slug);
		goto out;
	}
	/* the initiative as read, moved out of the slice; its catalog goes with the slice */
	s = snapshot_of(cat, ini, &slice.initiatives.v[0], version, err);
out:
	program_release(&slice);
	return s;
}

/* ---------------------------------------------------------------- the list (cache.lock held) */

static void
unlist(struct pcache *pc, struct snapshot *s)
{
	if (!s->listed)
		return;
	if (s->prev)
		s->prev->next = s->next;
	else
		pc->head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	else
		pc->tail = s->prev;
	s->prev = s->next = NULL;
	s->listed = 0;
	pc->bytes -= s->bytes;
	pc->count--;
	snapshot_put(s);	/* the list's reference */
}

static void
list_front(struct pcache *pc, struct snapshot *s)
{
	s->prev = NULL;
	s->next = pc->head;
	if (pc->head)
		pc->head->prev = s;
	pc->head = s;
	if (pc->tail == NULL)
		pc->tail = s;
	s->listed = 1;
	pc->bytes += s->bytes;
	pc->count++;
	atomic_fetch_add(&s->refs, 1);	/* the list's reference */
}

/* The listed snapshot of initiative ini of the current catalog, a reference taken; or NULL. */
static struct snapshot *
list_find(struct pcache *pc, size_t ini)
{
	for (struct snapshot *s = pc->head; s; s = s->next)
		if (s->catalog == pc->catalog && s->ini == ini) {
			if (s != pc->head) {
				/* most recently used first */
				s->prev->next = s->next;
				if (s->next)
					s->next->prev = s->prev;
				else
					pc->tail = s->prev;
				s->prev = NULL;
				s->next = pc->head;
				pc->head->prev = s;
				pc->head = s;
			}
			atomic_fetch_add(&s->refs, 1);
			return s;
		}
	return NULL;
}

/* Keeps s, in place of any older snapshot of its initiative; the least recent go past the limit. */
static void
list_install(struct pcache *pc, struct snapshot *s)
{
	for (struct snapshot *o = pc->head; o; o = o->next)
		if (o->catalog == s->catalog && o->ini == s->ini) {
			if (o->version > s->version)
				return;		/* a slower load must not put back older data */
			unlist(pc, o);
			break;
		}
	list_front(pc, s);
	/* the one just used stays, whatever its size */
	while (pc->bytes > cache.limit && pc->tail && pc->tail != s)
		unlist(pc, pc->tail);
}

/* ---------------------------------------------------------------- freshness */

/* The current catalog, a reference taken, loaded again first when versions say it is old. */
static struct snapshot *
catalog_current(struct pcache *pc, struct store *st, const struct store_versions *v)
{
	struct strbuf err = STRBUF_INIT;
	struct snapshot *cat, *ns;

	pthread_mutex_lock(&cache.lock);
	cat = pc->catalog;
	atomic_fetch_add(&cat->refs, 1);
	pthread_mutex_unlock(&cache.lock);
	if (v->catalog <= cat->version)
		return cat;
	/* another thread loading already: answer from the copy at hand rather than wait */
	if (pthread_mutex_trylock(&cache.load_lock) != 0)
		return cat;
	if (pc->catalog->version < v->catalog) {
		if ((ns = catalog_load(st, pc, &err)) == NULL)
			fprintf(stderr, "trellis serve: loading the catalog again: %s\n", err.buf);
		else {
			pthread_mutex_lock(&cache.lock);
			/* every initiative snapshot shares the old catalog's arrays: they go too */
			while (pc->head)
				unlist(pc, pc->head);
			snapshot_put(pc->catalog);
			pc->catalog = ns;
			pthread_mutex_unlock(&cache.lock);
		}
	}
	pthread_mutex_unlock(&cache.load_lock);
	snapshot_put(cat);
	pthread_mutex_lock(&cache.lock);
	cat = pc->catalog;
	atomic_fetch_add(&cat->refs, 1);
	pthread_mutex_unlock(&cache.lock);
	strbuf_release(&err);
	return cat;
}

/*
 * The current snapshot of initiative ini of catalog cat (whose reference
 * the caller keeps), a reference taken, loaded when there is none or the
 * versions say it is old; NULL when it cannot be loaded (logged).
 */
static struct snapshot *
initiative_current(struct pcache *pc, struct store *st, struct snapshot *cat, size_t ini,
    int64_t version)
{
	struct strbuf err = STRBUF_INIT;
	struct snapshot *s, *ns;

	pthread_mutex_lock(&cache.lock);
	s = cat == pc->catalog ? list_find(pc, ini) : NULL;
	pthread_mutex_unlock(&cache.lock);
	if (s && version <= s->version)
		return s;
	/* an older copy and another thread loading: answer from the copy */
	if (s && pthread_mutex_trylock(&cache.load_lock) != 0)
		return s;
	if (s == NULL)
		pthread_mutex_lock(&cache.load_lock);
	/* loaded by another thread while this one waited? */
	pthread_mutex_lock(&cache.lock);
	ns = cat == pc->catalog ? list_find(pc, ini) : NULL;
	pthread_mutex_unlock(&cache.lock);
	if (ns && version <= ns->version) {
		snapshot_put(s);
		pthread_mutex_unlock(&cache.load_lock);
		return ns;
	}
	snapshot_put(ns);
	if ((ns = initiative_load(st, pc, cat, ini, &err)) == NULL) {
		fprintf(stderr, "trellis serve: loading initiative '%s': %s\n",
		    cat->wp.program.initiatives.v[ini].slug, err.buf);
		pthread_mutex_unlock(&cache.load_lock);
		strbuf_release(&err);
		return s;	/* the older copy, if any */
	}
	pthread_mutex_lock(&cache.lock);
	if (cat == pc->catalog)
		list_install(pc, ns);
	/* for whoever sizes --cache-mb: what each load costs and what is kept */
	fprintf(stderr, "trellis serve: loaded initiative %s (%zu KiB); %zu kept, %zu KiB of %zu\n",
	    cat->wp.program.initiatives.v[ini].slug, ns->bytes / 1024, pc->count,
	    pc->bytes / 1024, cache.limit / 1024);
	pthread_mutex_unlock(&cache.lock);
	pthread_mutex_unlock(&cache.load_lock);
	snapshot_put(s);
	strbuf_release(&err);
	return ns;
}

/* The cache of program slug (NULL: the only one served), or NULL; cache.lock held. */
static struct pcache *
pcache_find(const char *slug)
{
	if (slug == NULL)
		return cache.nprogs == 1 ? cache.progs[0] : NULL;
	for (size_t i = 0; i < cache.nprogs; i++)
		if (strcmp(cache.progs[i]->slug, slug) == 0)
			return cache.progs[i];
	return NULL;
}

/*
 * The cache of program slug (NULL: the only one served), or NULL when it
 * is not served. A pcache is never freed while the server runs (one no
 * longer served goes to cache.gone), so the pointer stays good.
 */
static struct pcache *
pcache_named(const char *slug)
{
	struct pcache *pc;

	pthread_mutex_lock(&cache.lock);
	pc = pcache_find(slug);
	pthread_mutex_unlock(&cache.lock);
	return pc;
}

/* The programs served now, copied into *out (at most CACHE_PROGRAMS_MAX). */
static size_t
pcache_all(struct pcache **out)
{
	size_t n;

	pthread_mutex_lock(&cache.lock);
	n = cache.nprogs;
	memcpy(out, cache.progs, n * sizeof(*out));
	pthread_mutex_unlock(&cache.lock);
	return n;
}

/*
 * The data's versions for slug (req's initiative, or another one's) and
 * req's store; the ones web_data_version read for req's own, once. 0, or
 * -1 (logged).
 */
static int
versions_read(struct web_request *req, const char *slug, struct store_versions *v,
    struct store **st)
{
	struct strbuf err = STRBUF_INIT;
	int ret = 0;

	memset(v, 0, sizeof(*v));
	if ((*st = web_store(req, &err)) == NULL)
		ret = -1;
	else if (req->pre_read && slug == req->slug) {
		v->data = req->pre_data;
		v->catalog = req->pre_catalog;
		v->initiative = req->pre_initiative;
		req->pre_read = 0;
	} else
		ret = store_versions(*st, slug, v, &err);
	if (ret)
		fprintf(stderr, "trellis serve: data version: %s\n", err.buf);
	strbuf_release(&err);
	return ret;
}

/*
 * The snapshot for a request: of initiative slug (NULL: the catalog), a
 * reference taken and dropped when the request ends. One read of the
 * data's versions per call (none for the one web_data_version read).
 */
static const struct web_program *
snapshot_for(struct web_request *req, const char *slug, int hold)
{
	struct pcache *pc = pcache_named(req->program);
	struct store_versions v;
	struct snapshot *cat, *s = NULL;
	struct store *st;
	int ini;

	/* a server of several programs, a site page that names none (docs/web.md) */
	if (pc == NULL)
		return NULL;
	if (versions_read(req, slug, &v, &st))
		return NULL;
	req->data_version = v.data;
	cat = catalog_current(pc, st, &v);
	ini = slug ? strmap_get(&cat->wp.program.initiative_index, slug, -1) : -1;
	if (ini >= 0) {
		s = initiative_current(pc, st, cat, (size_t)ini, v.initiative);
		snapshot_put(cat);
		if (s == NULL)
			return NULL;
	} else
		s = cat;
	if (!hold)
		web_cleanup(req, snapshot_put, s);
	return &s->wp;
}

void
web_publish(struct web_request *req, struct app_write *w)
{
	struct strbuf err = STRBUF_INIT;
	struct pcache *pc = pcache_named(req->program);
	struct store_versions v;
	struct snapshot *cat, *s;
	struct store *st;
	int ini;

	req->pre_read = 0;	/* the versions read before the write are old now */
	/* a change beyond one initiative's records: the next request reads it */
	if (pc == NULL || w->version == 0 || w->catalog || w->in == NULL ||
	    w->p.initiatives.n != 1 || (st = web_store(req, &err)) == NULL)
		goto out;
	pthread_mutex_lock(&cache.lock);
	cat = pc->catalog;
	atomic_fetch_add(&cat->refs, 1);
	pthread_mutex_unlock(&cache.lock);
	/* a catalog older than the data's is read again, and every snapshot with it */
	memset(&v, 0, sizeof(v));
	if (store_versions(st, NULL, &v, &err) == 0 && v.catalog <= cat->version &&
	    (ini = strmap_get(&cat->wp.program.initiative_index, w->in->slug, -1)) >= 0) {
		/* the written initiative moves into the snapshot: w->p keeps its catalog only */
		s = snapshot_of(cat, (size_t)ini, &w->p.initiatives.v[0], w->version, &err);
		w->p.initiatives.n = 0;
		w->in = NULL;
	} else
		s = NULL;
	if (s) {
		pthread_mutex_lock(&cache.lock);
		if (cat == pc->catalog)
			list_install(pc, s);
		pthread_mutex_unlock(&cache.lock);
		snapshot_put(s);
	}
	if (err.len)
		fprintf(stderr, "trellis serve: keeping a change: %s\n", err.buf);
	snapshot_put(cat);
out:
	strbuf_release(&err);
}

int
web_write_run(struct web_request *req, struct app_write *w, const char *slug,
    app_write_fn *change, void *arg, struct strbuf *err)
{
	const struct pcache *pc = pcache_named(req->program);
	const struct snapshot *s = NULL;
	struct store *st = NULL;

	if (pc == NULL)
		strbuf_addstr(err, "this address names no program");
	if (pc == NULL || (st = web_store(req, err)) == NULL) {
		memset(w, 0, sizeof(*w));
		program_init(&w->p);
		return -1;
	}
	if (slug)
		s = (const struct snapshot *)(const void *)web_initiative_program(req, slug);
	if (s == NULL || s->catalog == NULL)
		return app_write_run(w, st, pc->slug, slug, change, arg, err);
	return app_write_run_from(w, st, pc->slug, slug, &s->wp.program, s->ini,
	    s->version, change, arg, err);
}

const struct web_program *
web_program(struct web_request *req)
{
	if (req->snapshot == NULL)
		req->snapshot = snapshot_for(req, req->slug, 0);
	return req->snapshot;
}

int64_t
web_data_version(struct web_request *req)
{
	struct store_versions v;
	struct store *st;

	if (!req->pre_read) {
		if (versions_read(req, req->slug, &v, &st))
			return -1;
		req->pre_data = v.data;
		req->pre_catalog = v.catalog;
		req->pre_initiative = v.initiative;
		req->pre_read = 1;
	}
	return req->pre_data;
}

const struct web_program *
web_program_of(struct web_request *req, const char *initiative)
{
	struct store_versions v;
	struct store *st;

	struct pcache *progs[CACHE_PROGRAMS_MAX];
	size_t n;

	/* a site page of a server of several programs: the program that holds the initiative */
	if (req->program == NULL && (n = pcache_all(progs)) > 1) {
		if (versions_read(req, NULL, &v, &st))
			return NULL;
		for (size_t i = 0; i < n && req->program == NULL; i++) {
			struct snapshot *cat = catalog_current(progs[i], st, &v);

			if (strmap_get(&cat->wp.program.initiative_index, initiative, -1) >= 0)
				req->program = progs[i]->slug;
			snapshot_put(cat);
		}
	}
	return web_program(req);
}

size_t
web_program_list(struct web_request *req, const char ***slugs, const char ***names)
{
	struct pcache *progs[CACHE_PROGRAMS_MAX];
	struct store_versions v;
	struct store *st;
	size_t n = pcache_all(progs);

	*slugs = web_alloc(req, (n + 1) * sizeof(**slugs));
	*names = web_alloc(req, (n + 1) * sizeof(**names));
	if (versions_read(req, NULL, &v, &st))
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct snapshot *cat = catalog_current(progs[i], st, &v);

		(*slugs)[i] = progs[i]->slug;
		(*names)[i] = web_strdup(req, cat->wp.program.name ? cat->wp.program.name :
		    progs[i]->slug);
		snapshot_put(cat);
	}
	return n;
}

const struct web_program *
web_initiative_program(struct web_request *req, const char *slug)
{
	if (req->snapshot && req->slug && slug && strcmp(req->slug, slug) == 0)
		return req->snapshot;
	return snapshot_for(req, slug, 0);
}

const struct web_program *
web_initiative_get(struct web_request *req, const char *slug)
{
	return snapshot_for(req, slug, 1);
}

void
web_program_put(const struct web_program *wp)
{
	snapshot_put((struct snapshot *)(void *)wp);	/* wp is its first member */
}

const struct web_program *
web_program_whole(struct web_request *req)
{
	struct strbuf err = STRBUF_INIT;
	struct snapshot *s = snapshot_new();
	const struct web_program *wp = web_program(req);
	struct store *st;

	if (wp == NULL || (st = web_store(req, &err)) == NULL ||
	    app_program_read(st, wp->program.slug, &s->wp.program, &err) != 0) {
		fprintf(stderr, "trellis serve: reading the whole program: %s\n", err.buf);
		snapshot_put(s);
		strbuf_release(&err);
		return NULL;
	}
	s->wp.settings = wp->settings;
	web_cleanup(req, snapshot_put, s);
	strbuf_release(&err);
	return &s->wp;
}

/* ---------------------------------------------------------------- fragments */

int
web_fragment_get_in(const struct web_program *wp, const char *key, struct strbuf *out)
{
	struct snapshot *s = (struct snapshot *)(void *)wp;	/* wp is its first member */
	int found = 0;

	pthread_mutex_lock(&s->frag_lock);
	for (size_t i = 0; i < WEB_FRAGMENTS && !found; i++)
		if (s->frags[i].key && strcmp(s->frags[i].key, key) == 0) {
			strbuf_add(out, s->frags[i].text, s->frags[i].len);
			found = 1;
		}
	pthread_mutex_unlock(&s->frag_lock);
	return found;
}

/* Keeps key's fragment in wp's snapshot, over one whose key has key's first same bytes (same > 0). */
static void
fragment_put(const struct web_program *wp, const char *key, size_t same, const char *text,
    size_t len)
{
	struct snapshot *s = (struct snapshot *)(void *)wp;
	struct fragment *f = NULL;

	pthread_mutex_lock(&s->frag_lock);
	for (size_t i = 0; i < WEB_FRAGMENTS; i++)
		if (s->frags[i].key && strcmp(s->frags[i].key, key) == 0)
			goto out;	/* another thread rendered it meanwhile */
	for (size_t i = 0; same > 0 && f == NULL && i < WEB_FRAGMENTS; i++)
		if (s->frags[i].key && strncmp(s->frags[i].key, key, same) == 0)
			f = &s->frags[i];
	if (f == NULL) {
		f = &s->frags[s->frag_next];
		s->frag_next = (s->frag_next + 1) % WEB_FRAGMENTS;
	}
	free(f->key);
	free(f->text);
	f->key = xstrdup(key);
	f->text = xmalloc(len + 1);
	memcpy(f->text, text, len);
	f->text[len] = '\0';
	f->len = len;
out:
	pthread_mutex_unlock(&s->frag_lock);
}

void
web_fragment_put_in(const struct web_program *wp, const char *key, const char *text,
    size_t len)
{
	fragment_put(wp, key, 0, text, len);
}

int
web_fragment_get(struct web_request *req, const char *key, struct strbuf *out)
{
	const struct web_program *wp = web_program(req);

	return wp ? web_fragment_get_in(wp, key, out) : 0;
}

void
web_fragment_put(struct web_request *req, const char *key, const char *text, size_t len)
{
	const struct web_program *wp = web_program(req);

	if (wp)
		web_fragment_put_in(wp, key, text, len);
}

void
web_fragment_replace(struct web_request *req, const char *key, size_t same, const char *text,
    size_t len)
{
	const struct web_program *wp = web_program(req);

	assert(same > 0 && same <= strlen(key));
	if (wp)
		fragment_put(wp, key, same, text, len);
}

/* ---------------------------------------------------------------- other servers' changes */

#define LISTEN_WAIT_MS	200		/* how long a wait for news lasts (and so a stop) */
#define LISTEN_PING_MS	30000		/* quiet this long: ping the server, to notice a dead link */
#define LISTEN_RETRY_MS	30000		/* the longest wait before opening the connection again */

static struct {
	pthread_t thread;
	int running;
	atomic_int stop;
	struct store *st;		/* the listening connection; NULL while lost */
} listener;

/* Frees the fragments of s (its text made from data now old). */
static void
fragments_drop(struct snapshot *s)
{
	pthread_mutex_lock(&s->frag_lock);
	for (size_t i = 0; i < WEB_FRAGMENTS; i++) {
		free(s->frags[i].key);
		free(s->frags[i].text);
		s->frags[i].key = s->frags[i].text = NULL;
	}
	pthread_mutex_unlock(&s->frag_lock);
}

/*
 * Drops every copy older than data version n: in each program whose
 * catalog is older, every initiative snapshot and the catalog's fragments.
 * (The catalog stays, for requests to answer from until the next one loads
 * it again.) Returns how many snapshots went. Called with cache.lock held.
 */
static size_t
drop_older(int64_t n)
{
	size_t dropped = 0;

	for (size_t i = 0; i < cache.nprogs; i++) {
		struct pcache *pc = cache.progs[i];

		if (pc->catalog == NULL || pc->catalog->version >= n)
			continue;
		while (pc->head) {
			unlist(pc, pc->head);
			dropped++;
		}
		fragments_drop(pc->catalog);
	}
	return dropped;
}

/* Drops every initiative snapshot of every program. Called with cache.lock held. */
static void
drop_all(void)
{
	for (size_t i = 0; i < cache.nprogs; i++)
		while (cache.progs[i]->head)
			unlist(cache.progs[i], cache.progs[i]->head);
}

/* A change told by a commit (store.h: "catalog N", "initiative N PROGRAM SLUG"). */
static void
change_heard(void *arg, const char *what)
{
	const char *p = what, *prog, *slug;
	char *end;
	long long n;
	size_t plen, dropped = 0;
	int ini;

	(void)arg;
	if (strncmp(p, "catalog ", 8) == 0 || strncmp(p, "initiative ", 11) == 0)
		p = strchr(p, ' ') + 1;
	else
		goto junk;
	n = strtoll(p, &end, 10);
	if (end == p || n <= 0 || (*end != '\0' && *end != ' '))
		goto junk;
	pthread_mutex_lock(&cache.lock);
	if (what[0] == 'c') {
		dropped = drop_older(n);
		pthread_mutex_unlock(&cache.lock);
		if (dropped)
			fprintf(stderr, "trellis serve: the catalog changed (data version %lld):"
			    " %zu initiative cop%s dropped\n", n, dropped, dropped == 1 ? "y" : "ies");
		return;
	}
	prog = end + (*end == ' ');
	slug = strchr(prog, ' ');
	if (slug == NULL) {
		pthread_mutex_unlock(&cache.lock);
		goto junk;
	}
	plen = (size_t)(slug - prog);
	slug++;
	/* a program this server does not serve is none of its business */
	for (size_t i = 0; i < cache.nprogs; i++) {
		struct pcache *pc = cache.progs[i];

		if (pc->catalog == NULL || strlen(pc->slug) != plen || strncmp(pc->slug, prog, plen) != 0 ||
		    (ini = strmap_get(&pc->catalog->wp.program.initiative_index, slug, -1)) < 0)
			continue;
		for (struct snapshot *o = pc->head; o; o = o->next)
			if (o->catalog == pc->catalog && o->ini == (size_t)ini) {
				if (o->version < n) {
					unlist(pc, o);
					dropped = 1;
				}
				break;
			}
	}
	pthread_mutex_unlock(&cache.lock);
	if (dropped)
		fprintf(stderr, "trellis serve: initiative %s changed (data version %lld):"
		    " its copy dropped\n", slug, n);
	return;
junk:
	fprintf(stderr, "trellis serve: a change told in a form not known: '%s'\n", what);
}

/* Opens the listening connection. 0, 1 when the backend tells nothing (SQLite), -1 (err set). */
static int
listener_open(struct strbuf *err)
{
	int rc;

	if (store_open(cache.db, 0, &listener.st, err) == -1)
		return -1;
	if ((rc = store_listen(listener.st, err)) != 0) {
		store_close(listener.st);
		listener.st = NULL;
	}
	return rc;
}

static void *
listener_run(void *arg)
{
	struct strbuf err = STRBUF_INIT;
	int retry_ms = 0, quiet_ms = 0, rc;

	(void)arg;
	while (!atomic_load(&listener.stop)) {
		if (listener.st == NULL) {
			for (int w = 0; w < retry_ms && !atomic_load(&listener.stop); w += 100)
				usleep(100 * 1000);
			if (atomic_load(&listener.stop))
				break;
			strbuf_reset(&err);
			if (listener_open(&err) != 0) {
				retry_ms = retry_ms ? retry_ms * 2 : 1000;
				if (retry_ms > LISTEN_RETRY_MS)
					retry_ms = LISTEN_RETRY_MS;
				fprintf(stderr, "trellis serve: cannot listen for other servers' changes:"
				    " %s; trying again in %d s (each request still checks the data's"
				    " version)\n", err.buf, retry_ms / 1000);
				continue;
			}
			/* what was told while no one listened is lost: start afresh */
			pthread_mutex_lock(&cache.lock);
			drop_all();
			pthread_mutex_unlock(&cache.lock);
			fprintf(stderr, "trellis serve: listening for other servers' changes again\n");
			retry_ms = quiet_ms = 0;
		}
		strbuf_reset(&err);
		rc = store_changes_wait(listener.st, LISTEN_WAIT_MS, change_heard, NULL, &err);
		if (rc > 0)
			quiet_ms = 0;
		else if (rc == 0 && (quiet_ms += LISTEN_WAIT_MS) >= LISTEN_PING_MS) {
			/* asked, not waited for: unanswered by the next quiet spell, the link is lost */
			quiet_ms = 0;
			if (store_changes_ping(listener.st, &err) != 0)
				rc = -1;
		}
		if (rc == -1) {
			fprintf(stderr, "trellis serve: %s; opening it again (each request still"
			    " checks the data's version)\n", err.buf);
			store_close(listener.st);
			listener.st = NULL;
			retry_ms = 1000;
		}
	}
	strbuf_release(&err);
	return NULL;
}

/* Starts the listener thread, when the backend tells of changes. 0, or -1 with err set. */
static int
listener_start(struct strbuf *err)
{
	int rc;

	atomic_store(&listener.stop, 0);
	/* subscribed before the server answers anything: no change goes unheard */
	if ((rc = listener_open(err)) == 1)
		return 0;
	if (rc == -1) {
		fprintf(stderr, "trellis serve: cannot listen for other servers' changes: %s;"
		    " trying again (each request still checks the data's version)\n", err->buf);
		strbuf_reset(err);
	}
	if (pthread_create(&listener.thread, NULL, listener_run, NULL) != 0) {
		strbuf_addstr(err, "cannot start the thread that listens for other servers' changes");
		store_close(listener.st);
		listener.st = NULL;
		return -1;
	}
	listener.running = 1;
	return 0;
}

static void
listener_stop(void)
{
	if (listener.running) {
		atomic_store(&listener.stop, 1);
		pthread_join(listener.thread, NULL);
		listener.running = 0;
	}
	store_close(listener.st);
	listener.st = NULL;
}

/* ---------------------------------------------------------------- start and stop */

/* Frees pc, no longer used by anyone (cache_stop). */
static void
pcache_free(struct pcache *pc)
{
	while (pc->head)
		unlist(pc, pc->head);
	snapshot_put(pc->catalog);
	free(pc->slug);
	free(pc);
}

/* A new cache of program slug, its catalog loaded from st; NULL with err set. */
static struct pcache *
pcache_new(struct store *st, const char *slug, struct strbuf *err)
{
	struct pcache *pc = xcalloc(1, sizeof(*pc));

	pc->slug = xstrdup(slug);
	if ((pc->catalog = catalog_load(st, pc, err)) == NULL) {
		free(pc->slug);
		free(pc);
		return NULL;
	}
	return pc;
}

/*
 * The cache of program slug for the set being made: the one served now,
 * or one served before (taken off cache.gone, its catalog loaded again),
 * or a new one. NULL when its catalog cannot be loaded (err set). Called
 * with cache.set_lock held.
 */
static struct pcache *
pcache_take(struct store *st, const char *slug, int *added, struct strbuf *err)
{
	struct pcache *pc, **g;
	struct snapshot *cat;

	*added = 0;
	if ((pc = pcache_named(slug)) != NULL)
		return pc;
	*added = 1;
	pthread_mutex_lock(&cache.lock);
	for (g = &cache.gone; *g && strcmp((*g)->slug, slug) != 0; g = &(*g)->gone_next)
		;
	pc = *g;
	pthread_mutex_unlock(&cache.lock);
	if (pc == NULL)
		return pcache_new(st, slug, err);
	/* served before: what it held then is old (its snapshots went when it went) */
	if ((cat = catalog_load(st, pc, err)) == NULL)
		return NULL;
	pthread_mutex_lock(&cache.lock);
	*g = pc->gone_next;
	pc->gone_next = NULL;
	snapshot_put(pc->catalog);
	pc->catalog = cat;
	pthread_mutex_unlock(&cache.lock);
	return pc;
}

int
web_programs_follow(struct web_request *req)
{
	struct strbuf err = STRBUF_INIT;
	struct store_slugs slugs = { NULL, 0, 0 };
	struct pcache *next[CACHE_PROGRAMS_MAX], *was[CACHE_PROGRAMS_MAX];
	size_t n = 0, nwas;
	struct store *st;
	int64_t at;
	int stale, added, ret = -1;

	if (!cache.follow)
		return 0;
	/* the versions read here are the request's own (web_data_version): no read more */
	if (web_data_version(req) < 0)
		return -1;
	at = req->pre_catalog;
	pthread_mutex_lock(&cache.lock);
	stale = at > cache.set_version;
	pthread_mutex_unlock(&cache.lock);
	if (!stale)
		return 0;
	pthread_mutex_lock(&cache.set_lock);
	pthread_mutex_lock(&cache.lock);
	stale = at > cache.set_version;
	pthread_mutex_unlock(&cache.lock);
	if (!stale) {
		ret = 0;
		goto out;
	}
	if ((st = web_store(req, &err)) == NULL || store_program_slugs(st, &slugs, &err) == -1)
		goto out;
	if (slugs.n > CACHE_PROGRAMS_MAX)
		fprintf(stderr, "trellis serve: the database holds %zu programs; serving the first"
		    " %d\n", slugs.n, CACHE_PROGRAMS_MAX);
	for (size_t i = 0; i < slugs.n && n < CACHE_PROGRAMS_MAX; i++) {
		strbuf_reset(&err);
		if ((next[n] = pcache_take(st, slugs.v[i], &added, &err)) == NULL) {
			fprintf(stderr, "trellis serve: program %s: %s; not served\n", slugs.v[i],
			    err.buf);
			continue;
		}
		if (added)
			fprintf(stderr, "trellis serve: program %s is in the database now: served"
			    " under /p/%s/\n", slugs.v[i], slugs.v[i]);
		n++;
	}
	strbuf_reset(&err);
	pthread_mutex_lock(&cache.lock);
	nwas = cache.nprogs;
	memcpy(was, cache.progs, nwas * sizeof(*was));
	memcpy(cache.progs, next, n * sizeof(*next));
	cache.nprogs = n;
	if (at > cache.set_version)
		cache.set_version = at;
	/* a program the database no longer holds: its copies go, its pcache waits on cache.gone */
	for (size_t i = 0; i < nwas; i++) {
		size_t j = 0;

		while (j < n && next[j] != was[i])
			j++;
		if (j < n)
			continue;
		while (was[i]->head)
			unlist(was[i], was[i]->head);
		fragments_drop(was[i]->catalog);
		was[i]->gone_next = cache.gone;
		cache.gone = was[i];
		fprintf(stderr, "trellis serve: program %s is no longer in the database: not"
		    " served\n", was[i]->slug);
	}
	pthread_mutex_unlock(&cache.lock);
	ret = 0;
out:
	pthread_mutex_unlock(&cache.set_lock);
	if (ret)
		fprintf(stderr, "trellis serve: reading the database's programs: %s\n", err.buf);
	store_slugs_release(&slugs);
	strbuf_release(&err);
	return ret;
}

const char *
web_program_served(const char *slug, int *several)
{
	struct pcache *pc;

	pthread_mutex_lock(&cache.lock);
	pc = pcache_find(slug);
	*several = cache.nprogs > 1;
	pthread_mutex_unlock(&cache.lock);
	return pc ? pc->slug : NULL;
}

int
cache_start(struct store *st, const char *db, const char *const *slugs, size_t n, int follow,
    size_t limit, struct strbuf *err)
{
	assert(n > 0 && n <= CACHE_PROGRAMS_MAX);
	/* a connection per worker thread, opened on first use, closed as the thread ends */
	pthread_key_create(&cache.store_key, store_destroy);
	cache.db = xstrdup(db);
	cache.limit = limit;
	cache.follow = follow;
	/* the set was read before any version: the first request reads it again */
	cache.set_version = -1;
	for (size_t i = 0; i < n; i++)
		if ((cache.progs[cache.nprogs] = pcache_new(st, slugs[i], err)) == NULL) {
			cache_stop();
			return -1;
		} else
			cache.nprogs++;
	if (listener_start(err) == -1) {
		cache_stop();
		return -1;
	}
	return 0;
}

void
cache_stop(void)
{
	listener_stop();
	pthread_mutex_lock(&cache.lock);
	for (size_t i = 0; i < cache.nprogs; i++)
		pcache_free(cache.progs[i]);
	cache.nprogs = 0;
	while (cache.gone) {
		struct pcache *pc = cache.gone;

		cache.gone = pc->gone_next;
		pcache_free(pc);
	}
	pthread_mutex_unlock(&cache.lock);
	free(cache.db);
	cache.db = NULL;
}

void
cache_stats(size_t *count, size_t *bytes)
{
	*count = *bytes = 0;
	pthread_mutex_lock(&cache.lock);
	for (size_t i = 0; i < cache.nprogs; i++) {
		*count += cache.progs[i]->count;
		*bytes += cache.progs[i]->bytes;
	}
	pthread_mutex_unlock(&cache.lock);
}
