/*
 * Reading an import into a program in memory (import.h). Records move by
 * value from the document read into the program they join, driven by the
 * editable-array table of edit.c, so no record kind has code of its own.
 */
#include <string.h>
#include <time.h>

#include "edit.h"
#include "import.h"
#include "../io/csv.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/strbuf.h"
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
		    "the document is program '%s'; records can be added only to '%s'", q->slug, p->slug);
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

int
app_import_save(struct store *s, struct program *p, const char *actor,
    const char *initiative, const struct app_import_file *files, size_t n,
    struct strbuf *err)
{
	struct strbuf after = STRBUF_INIT;
	struct store_audit_entry a;
	int ret = -1;

	strbuf_addch(&after, '{');
	if (n == 1) {
		strbuf_addstr(&after, "\"file\": ");
		json_write_string(&after, base_name(files[0].name));
	} else {
		strbuf_addstr(&after, "\"files\": [");
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_addstr(&after, ", ");
			json_write_string(&after, base_name(files[i].name));
		}
		strbuf_addch(&after, ']');
	}
	strbuf_addf(&after, ", \"records\": %zu}", app_import_count(p, 1));
	memset(&a, 0, sizeof(a));
	a.actor = actor;
	a.action = "import";
	if (n != 1)
		a.kind = "csv";
	else
		a.kind = files[0].which == APP_IMPORT_JSON ? "trellis/1" :
		    csv_file_names[files[0].which];
	a.initiative = initiative;
	a.after = after.buf;
	a.at = (int64_t)time(NULL);
	if (store_audit_attach(s, &a, err) == 0 && store_program_save(s, p, err) == 0)
		ret = 0;
	store_audit_detach(s);
	strbuf_release(&after);
	return ret;
}
