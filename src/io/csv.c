/*
 * trellis/1 CSV import and export (DESIGN §2.2, docs/formats.md).
 *
 * Every file is described by a layout built from the field tables: its
 * columns in order, each tied to a field (or to the initiative's slug, or to
 * a response number), grouped in levels. Level 0 is the file's own record;
 * level 1 the records of its child list (a grant's budget lines, a
 * survey's responses, a responsibility's assignments); level 2 the
 * children of those (a response's answers). A record with children takes
 * one row per child, its own columns repeated. Reading and writing both
 * walk the layout, so no file has code of its own.
 *
 * Reading uses libcsv in strict mode. libcsv calls back per cell and per
 * row end before it knows whether the input is well formed, so a row is
 * buffered and acted upon only once it is complete. A plain line (no
 * quote, CR or NUL) at a row's start is split here instead, as libcsv
 * would split it (plain_line).
 */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * libcsv declares a csv_write of its own (quoting into a buffer), which
 * Trellis never calls; renamed here so that this file can see ours.
 */
#define csv_write libcsv_csv_write
#include <csv.h>
#undef csv_write

#include "csv.h"
#include "../model/fields.h"
#include "../model/fieldtext.h"
#include "../util/file.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define CSV_MAXCOLS	32		/* more than any file has (initiatives.csv: 20) */
#define CSV_LEVELS	3		/* survey → response → answer */
#define CSV_CELL_MAX	LIMIT_LONG	/* RELIABILITY.md: CSV field ≤ 64 KiB */
#define CSV_CHUNK	65536		/* bytes read at a time */

const char *const csv_file_names[CSV__MAX] = {
	"program.csv",			/* CSV_PROGRAM */
	"organizations.csv",		/* CSV_ORGANIZATIONS */
	"people.csv",			/* CSV_PEOPLE */
	"instruments.csv",		/* CSV_INSTRUMENTS */
	"learning.csv",			/* CSV_LEARNING */
	"candidates.csv",		/* CSV_CANDIDATES */
	"initiatives.csv",		/* CSV_INITIATIVES */
	"observations.csv",		/* CSV_OBSERVATIONS */
	"members.csv",			/* CSV_MEMBERS */
	"responsibilities.csv",		/* CSV_RESPONSIBILITIES */
	"decisions.csv",		/* CSV_DECISIONS */
	"grants.csv",			/* CSV_GRANTS */
	"ledger.csv",			/* CSV_LEDGER */
	"applications.csv",		/* CSV_APPLICATIONS */
	"credits.csv",			/* CSV_CREDITS */
	"contributions.csv",		/* CSV_CONTRIBUTIONS */
	"checkins.csv",			/* CSV_CHECKINS */
	"events.csv",			/* CSV_EVENTS */
	"surveys.csv",			/* CSV_SURVEYS */
	"ties.csv",			/* CSV_TIES */
	"proposals.csv",		/* CSV_PROPOSALS */
	"responses.csv",		/* CSV_RESPONSES */
	"actions.csv",			/* CSV_ACTIONS */
	"assistance.csv",		/* CSV_ASSISTANCE */
};

int
csv_file_for_path(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	for (int i = 0; i < CSV__MAX; i++)
		if (strcmp(base, csv_file_names[i]) == 0)
			return i;
	return -1;
}

/*
 * A responsibility's assignments and a response's answers are maps in
 * JSON; in CSV each entry is a row, so they are described here as child
 * records with two fields. Their element structs have no REC_HEAD.
 */
static const struct field assignment_fields[] = {
	{ "org", FT_REF, offsetof(struct assignment, org), 0, NULL, 0, 0, 0, RT_ORG, NULL, 0 },
	{ "letter", FT_ENUM, offsetof(struct assignment, letter), 0, raci_names, RACI__MAX,
	  0, 0, 0, NULL, 0 },
};
static const struct kind kind_assignment = {
	"assignments", sizeof(struct assignment), assignment_fields, 2
};

/* Item codes are ids: the built-in instruments' codes have '_'. */
static const struct field answer_fields[] = {
	{ "item", FT_ID, offsetof(struct answer, item), 0, NULL, 0, 0, 0, 0, NULL, 0 },
	{ "answer", FT_SMALL, offsetof(struct answer, value), 0, NULL, 0, 1, 5, 0, NULL, 0 },
};
static const struct kind kind_answer = {
	"answers", sizeof(struct answer), answer_fields, 2
};

/* ---------------------------------------------------------------- layouts */

enum colkind {
	COL_FIELD,		/* a field of the level's record */
	COL_INITIATIVE,		/* the initiative's slug (initiative-level files) */
	COL_NUMBER		/* the 1-based number of the record in its list */
};

struct column {
	char name[64];			/* header name: the field's path joined by '_' */
	enum colkind kind;
	const struct field *f;		/* COL_FIELD */
	const struct field *opt;	/* the optional object (has_off) holding f, or NULL */
	int level;
	int sparse;			/* FL_SPARSE, its own or its list's: written only when used */
};

struct level {
	const struct kind *kind;	/* the kind of the records at this level */
	const struct field *list;	/* the field of the level above holding them; NULL at 0 */
	int has_head;			/* records start with REC_HEAD (loc to set) */
	int first, end;			/* its columns: cols[first..end) */
};

struct layout {
	const struct field *top;	/* field of kind_document or kind_initiative: the file's records */
	int initiative_level;		/* records live in an initiative; first column is its slug */
	struct column cols[CSV_MAXCOLS];
	int ncols;
	struct level lv[CSV_LEVELS];
	int nlevels;
};

static void
layout_col(struct layout *lay, const char *prefix, const char *name,
    enum colkind kind, const struct field *f, const struct field *opt, int level)
{
	struct column *c;

	if (lay->ncols == CSV_MAXCOLS)
		abort();	/* the field tables grew past CSV_MAXCOLS: raise it */
	c = &lay->cols[lay->ncols++];
	snprintf(c->name, sizeof(c->name), "%s%s", prefix, name);
	c->kind = kind;
	c->f = f;
	c->opt = opt;
	c->level = level;
}

/*
 * Adds the scalar fields of k as columns, nested objects flattened with
 * their path. Returns k's list field (its children), or NULL.
 */
static const struct field *
layout_fields(struct layout *lay, const struct kind *k, const char *prefix,
    int level, const struct field *opt)
{
	const struct field *child = NULL;
	char sub[64];

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		switch (f->type) {
		case FT_OBJECT:
			snprintf(sub, sizeof(sub), "%s%s_", prefix, f->name);
			/* an optional object without a has flag (traits) is just optional fields */
			layout_fields(lay, f->sub, sub, level,
			    opt ? opt : (f->has_off ? f : NULL));
			break;
		case FT_LIST:
		case FT_RACI:
		case FT_ANSWERS:
			if (child == NULL)
				child = f;
			break;
		default:
			layout_col(lay, prefix, f->name, COL_FIELD, f, opt, level);
			break;
		}
	}
	return child;
}

/*
 * Builds the layout of file which. The file's base name is its trellis/1
 * array name ("grants") under the document or under an initiative.
 */
static void
layout_build(struct layout *lay, enum csv_file which)
{
	char name[32];
	const struct kind *k;
	const struct field *list = NULL;
	const char *prefix = "";
	int sparse = 0;

	memset(lay, 0, sizeof(*lay));
	snprintf(name, sizeof(name), "%.*s", (int)(strlen(csv_file_names[which]) - 4),
	    csv_file_names[which]);
	lay->initiative_level = which >= CSV_OBSERVATIONS;
	lay->top = kind_field(lay->initiative_level ? &kind_initiative : &kind_document, name);
	if (lay->top == NULL)
		abort();	/* csv_file_names and the field tables disagree */
	k = lay->top->sub;
	for (int l = 0; l < CSV_LEVELS; l++) {
		struct level *lv = &lay->lv[l];
		const struct field *child;

		lv->kind = k;
		lv->list = list;
		lv->has_head = list == NULL || list->type == FT_LIST;
		lv->first = lay->ncols;
		if (l == 0 && lay->initiative_level)
			layout_col(lay, "", "initiative", COL_INITIATIVE, NULL, NULL, 0);
		/* responses have no key of their own: they are numbered */
		if (k == &kind_response)
			layout_col(lay, "", "response", COL_NUMBER, NULL, NULL, l);
		/*
		 * nor do learning notes: numbered too, but only in a file that has
		 * their evidence (FL_SPARSE), so that learning.csv stays as it was
		 */
		if (k == &kind_learning_note)
			layout_col(lay, "", "note", COL_NUMBER, NULL, NULL, l);
		child = layout_fields(lay, k, prefix, l, NULL);
		lv->end = lay->ncols;
		lay->nlevels = l + 1;
		/* a sparse list's columns are sparse, and its children's */
		sparse |= list != NULL && (list->flags & FL_SPARSE);
		for (int c = lv->first; c < lv->end; c++)
			lay->cols[c].sparse = sparse || (k == &kind_learning_note &&
			    lay->cols[c].kind == COL_NUMBER) ||
			    (lay->cols[c].f && (lay->cols[c].f->flags & FL_SPARSE));
		/* an initiative's lists are files of their own */
		if (child == NULL || k == &kind_initiative)
			break;
		list = child;
		switch (child->type) {
		case FT_RACI:
			k = &kind_assignment;
			prefix = "";
			break;
		case FT_ANSWERS:
			k = &kind_answer;
			prefix = "";
			break;
		default:
			k = child->sub;
			if (k == &kind_response)
				prefix = "";
			else {
				snprintf(name, sizeof(name), "%s_", child->name);
				prefix = name;
			}
			break;
		}
	}
}

/* Returns 1 when the optional object holding column c is present in rec. */
static int
col_present(const struct column *c, const void *rec)
{
	return c->opt == NULL || *(const int *)((const char *)rec + c->opt->has_off);
}

/* ------------------------------------------------------------- formulas */

/*
 * DESIGN §2.2: a text cell that begins with one of these is written with
 * one leading '\'' so that no spreadsheet runs it as a formula (the OWASP
 * rule; '\'' itself too, so that the reader can take exactly one off).
 */
#define CSV_FORMULA_STARTS	"=+-@\t\r'"

/*
 * Whether column c holds text, decided by its field's type, never by its
 * value: numbers, money, dates and yes/no are written as they are (a
 * negative amount is a number), everything else (text, slugs, ids, enums,
 * references, lists of them, the initiative column) is text.
 */
static int
col_is_text(const struct column *c)
{
	if (c->kind == COL_NUMBER)
		return 0;
	if (c->kind == COL_INITIATIVE)
		return 1;
	switch (c->f->type) {
	case FT_DATE:
	case FT_MONEY:
	case FT_INT:
	case FT_SMALL:
	case FT_REAL:
	case FT_BOOL:
		return 0;
	default:
		return 1;
	}
}

/* 1 when the text cell s[0..n) must be written with a leading '\''. */
static int
cell_needs_quote_mark(const char *s, size_t n)
{
	return n > 0 && strchr(CSV_FORMULA_STARTS, s[0]) != NULL;
}

/* ---------------------------------------------------------------- writing */

/*
 * Quotes only where a reader needs it: separators, quotes, line ends, and
 * the leading or trailing blanks that libcsv (like most readers) trims. A
 * text cell (text: col_is_text) that could start a formula gets its mark.
 */
static void
cell_write(struct strbuf *out, const char *s, size_t n, int text)
{
	int mark = text && cell_needs_quote_mark(s, n);
	int quote = n > 0 && ((!mark && (s[0] == ' ' || s[0] == '\t')) ||
	    s[n - 1] == ' ' || s[n - 1] == '\t');

	for (size_t i = 0; i < n && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (quote)
		strbuf_addch(out, '"');
	if (mark)
		strbuf_addch(out, '\'');
	for (size_t i = 0; i < n; i++) {
		if (quote && s[i] == '"')
			strbuf_addch(out, '"');
		strbuf_addch(out, s[i]);
	}
	if (quote)
		strbuf_addch(out, '"');
}

void
csv_cell(struct strbuf *out, const char *s, int text)
{
	cell_write(out, s, strlen(s), text);
}

/*
 * Where rows go: CSV text in out, or (csv_walk) each cell to fn with the
 * field behind it.
 */
struct sink {
	struct strbuf *out;
	csv_cell_fn fn;
	void *arg;
	unsigned row;
	int *used;		/* a first pass: marks the columns some row has a value in */
	const int *keep;	/* the columns written (FL_SPARSE ones only when used) */
};

static void
row_write(const struct layout *lay, struct strbuf *cells, struct sink *out)
{
	unsigned j = 0;

	if (out->used) {
		for (int c = 0; c < lay->ncols; c++)
			out->used[c] |= cells[c].len > 0;
		return;
	}
	if (out->fn) {
		out->row++;
		for (int c = 0; c < lay->ncols; c++)
			if (out->keep[c])
				out->fn(out->arg, out->row, j++, lay->cols[c].kind == COL_FIELD ?
				    lay->cols[c].f : NULL, cells[c].buf);
		return;
	}
	for (int c = 0; c < lay->ncols; c++) {
		if (!out->keep[c])
			continue;
		if (j++)
			strbuf_addch(out->out, ',');
		cell_write(out->out, cells[c].buf, cells[c].len, col_is_text(&lay->cols[c]));
	}
	strbuf_addch(out->out, '\n');
}

/*
 * Writes the rows of rec, a record at level l (number: its 1-based place in
 * its list): its own cells, then one row per child, or one row with the
 * child cells empty when it has none.
 */
static void
rec_write(const struct layout *lay, int l, const void *rec, size_t number,
    const char *initiative, struct strbuf *cells, struct sink *out)
{
	const struct level *lv = &lay->lv[l];

	for (int c = lv->first; c < lv->end; c++) {
		const struct column *col = &lay->cols[c];

		strbuf_reset(&cells[c]);
		if (col->kind == COL_INITIATIVE)
			strbuf_addstr(&cells[c], initiative);
		else if (col->kind == COL_NUMBER)
			strbuf_addf(&cells[c], "%zu", number);
		else if (col_present(col, rec))
			field_to_text(col->f, rec, &cells[c]);
	}
	if (l + 1 < lay->nlevels) {
		const struct level *sub = &lay->lv[l + 1];
		const struct anyvec *v = FIELD_VEC(rec, sub->list);

		if (v->n == 0) {
			for (int c = sub->first; c < lay->ncols; c++)
				strbuf_reset(&cells[c]);
			row_write(lay, cells, out);
		}
		for (size_t i = 0; i < v->n; i++)
			rec_write(lay, l + 1, (const char *)v->v + i * sub->kind->size,
			    i + 1, initiative, cells, out);
		return;
	}
	row_write(lay, cells, out);
}

static void
list_write(const struct layout *lay, const struct anyvec *v, const char *initiative,
    struct strbuf *cells, struct sink *out)
{
	const struct kind *k = lay->lv[0].kind;

	for (size_t i = 0; i < v->n; i++) {
		const void *rec = (const char *)v->v + i * k->size;

		/* built-in instruments come with every program: never exported */
		if (k == &kind_instrument && ((const struct instrument *)rec)->builtin)
			continue;
		rec_write(lay, 0, rec, i + 1, initiative, cells, out);
	}
}

/* The rows of the file (table_write's), to out. */
static void
rows_write(const struct layout *lay, enum csv_file which, const struct program *p,
    struct strbuf *cells, struct sink *out)
{
	if (which == CSV_PROGRAM) {
		if (p->slug != NULL)
			rec_write(lay, 0, p, 1, NULL, cells, out);
	} else if (!lay->initiative_level)
		list_write(lay, FIELD_VEC(p, lay->top), NULL, cells, out);
	else
		for (size_t i = 0; i < p->initiatives.n; i++) {
			const struct initiative *in = &p->initiatives.v[i];

			list_write(lay, FIELD_VEC(in, lay->top), in->slug, cells, out);
		}
}

static void
table_write(enum csv_file which, const struct program *p, struct sink *out)
{
	struct layout lay;
	struct strbuf cells[CSV_MAXCOLS];
	int used[CSV_MAXCOLS] = { 0 }, keep[CSV_MAXCOLS], sparse = 0;
	unsigned j = 0;

	if ((int)which < 0 || which >= CSV__MAX)
		return;
	layout_build(&lay, which);
	for (int c = 0; c < lay.ncols; c++) {
		strbuf_init(&cells[c], 0);
		sparse |= lay.cols[c].sparse;
	}
	/* FL_SPARSE columns: only those some row has a value in (a first pass finds them) */
	if (sparse) {
		struct sink mark = { NULL, NULL, NULL, 0, used, NULL };

		rows_write(&lay, which, p, cells, &mark);
	}
	for (int c = 0; c < lay.ncols; c++) {
		keep[c] = !lay.cols[c].sparse || used[c];
		/* a sparse number (a note's) only when its children's columns are written */
		if (lay.cols[c].sparse && lay.cols[c].kind == COL_NUMBER) {
			keep[c] = 0;
			for (int d = c + 1; d < lay.ncols; d++)
				keep[c] |= lay.cols[d].level > lay.cols[c].level && used[d];
		}
	}
	out->keep = keep;
	for (int c = 0; c < lay.ncols; c++) {
		if (!keep[c])
			continue;
		if (out->fn)
			out->fn(out->arg, 0, j, NULL, lay.cols[c].name);
		else {
			strbuf_addstr(out->out, j ? "," : "");
			strbuf_addstr(out->out, lay.cols[c].name);
		}
		j++;
	}
	if (!out->fn)
		strbuf_addch(out->out, '\n');
	rows_write(&lay, which, p, cells, out);
	out->keep = NULL;
	for (int c = 0; c < lay.ncols; c++)
		strbuf_release(&cells[c]);
}

int
csv_file_sparse(enum csv_file which)
{
	struct layout lay;

	if ((int)which < 0 || which >= CSV__MAX)
		return 0;
	layout_build(&lay, which);
	return (lay.top->flags & FL_SPARSE) != 0;
}

int
csv_file_omitted(enum csv_file which, const struct program *p)
{
	struct layout lay;

	if (!csv_file_sparse(which))
		return 0;
	layout_build(&lay, which);
	if (!lay.initiative_level)
		return FIELD_VEC(p, lay.top)->n == 0;
	for (size_t i = 0; i < p->initiatives.n; i++)
		if (FIELD_VEC(&p->initiatives.v[i], lay.top)->n)
			return 0;
	return 1;
}

void
csv_write(enum csv_file which, const struct program *p, struct strbuf *out)
{
	struct sink sk = { out, NULL, NULL, 0, NULL, NULL };

	table_write(which, p, &sk);
}

void
csv_walk(enum csv_file which, const struct program *p, csv_cell_fn fn, void *arg)
{
	struct sink sk = { NULL, fn, arg, 0, NULL, NULL };

	table_write(which, p, &sk);
}

/* ---------------------------------------------------------------- reading */

struct reader {
	const struct layout *lay;
	enum csv_file which;
	struct program *p;
	struct model_error *e;
	const char *file;		/* interned in p, for srclocs */
	unsigned line;			/* physical line at the parse point (LFs seen + 1) */
	int failed;			/* e is set; ignore further callbacks */

	/* the row being read: its cells, each NUL-terminated, in text */
	struct strbuf text;
	size_t off[CSV_MAXCOLS];
	size_t ncells;			/* cells seen (only the first CSV_MAXCOLS are kept) */
	unsigned row_line;		/* the line the row starts on */

	/* the header: header position → column */
	int have_header;
	int map[CSV_MAXCOLS];
	size_t nheader;

	/* per level, the record the last row added to or continued */
	void *cur[CSV_LEVELS];
	size_t number[CSV_LEVELS];	/* its number, for numbered levels */
	struct strbuf first[CSV_LEVELS];	/* its first row's cells of that level */
	size_t firstoff[CSV_MAXCOLS];
	unsigned first_line[CSV_LEVELS];

	/* streaming (struct csv_stream): rows go to p only while they are target's */
	struct csv_stream *stream;
	const char *target;		/* the initiative whose rows are taken now */
	struct initiative *target_in;	/* that initiative in p */
	int slug_pos;			/* header position of the initiative column, or -1 */
	int at_row_start;		/* libcsv has ended a row with LF and holds nothing */
};

/* The line errors name: where the row being read started. */
static unsigned
reader_row_line(const struct reader *r)
{
	return r->ncells > 0 ? r->row_line : r->line;
}

/* The header name of the cell being read, or "" before the header is known. */
static const char *
reader_cell_name(const struct reader *r)
{
	if (!r->have_header || r->ncells >= r->nheader || r->ncells >= CSV_MAXCOLS)
		return "";
	return r->lay->cols[r->map[r->ncells]].name;
}

/* The column being read, or "csv" when there is none to name (syntax errors). */
static const char *
cell_or_csv(const struct reader *r)
{
	const char *name = reader_cell_name(r);

	return *name ? name : "csv";
}

static void
cb_cell(void *s, size_t n, void *data)
{
	struct reader *r = data;
	struct srcloc loc;

	if (r->failed)
		return;
	if (r->ncells == 0)
		r->row_line = r->line;
	loc.file = r->file;
	loc.line = r->row_line;
	if (n > CSV_CELL_MAX) {
		model_error_set(r->e, &loc, reader_cell_name(r),
		    _("a cell is longer than %d bytes"), CSV_CELL_MAX);
		r->failed = 1;
		return;
	}
	if (memchr(s, '\0', n) != NULL) {
		model_error_set(r->e, &loc, reader_cell_name(r), _("contains a NUL byte"));
		r->failed = 1;
		return;
	}
	/* a quoted cell's line breaks (memchr: most cells have none) */
	for (const char *q = s, *end = q + n; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
		r->line++;
	if (r->ncells < CSV_MAXCOLS) {
		r->off[r->ncells] = r->text.len;
		strbuf_grow(&r->text, n + 1);
		strbuf_add(&r->text, s, n);
		strbuf_setlen(&r->text, r->text.len + 1);	/* after its NUL, room made above */
	}
	r->ncells++;
}

static int
reader_header(struct reader *r, const struct srcloc *loc)
{
	const struct layout *lay = r->lay;
	int seen[CSV_MAXCOLS] = { 0 };
	struct strbuf names = STRBUF_INIT;

	for (int c = 0; c < lay->ncols; c++)
		strbuf_addf(&names, "%s%s", c ? "," : "", lay->cols[c].name);
	if (r->ncells > CSV_MAXCOLS) {
		model_error_set(r->e, loc, "", _("%zu columns, expected %d: %s"),
		    r->ncells, lay->ncols, names.buf);
		goto fail;
	}
	for (size_t i = 0; i < r->ncells; i++) {
		const char *name = r->text.buf + r->off[i];
		int c;

		for (c = 0; c < lay->ncols; c++)
			if (strcmp(lay->cols[c].name, name) == 0)
				break;
		if (c == lay->ncols) {
			model_error_set(r->e, loc, name, _("unknown column (expected: %s)"), names.buf);
			goto fail;
		}
		if (seen[c]) {
			model_error_set(r->e, loc, name, _("column given twice"));
			goto fail;
		}
		seen[c] = 1;
		r->map[i] = c;
	}
	for (int c = 0; c < lay->ncols; c++)
		if (!seen[c] && !lay->cols[c].sparse) {
			model_error_set(r->e, loc, lay->cols[c].name, _("missing column"));
			goto fail;
		}
	r->nheader = r->ncells;
	r->have_header = 1;
	r->slug_pos = -1;
	for (size_t i = 0; lay->initiative_level && i < r->ncells; i++)
		if (lay->cols[r->map[i]].kind == COL_INITIATIVE)
			r->slug_pos = (int)i;
	strbuf_release(&names);
	return 0;
fail:
	strbuf_release(&names);
	return -1;
}

static int
all_empty(const char *const *val, int from, int to)
{
	for (int c = from; c < to; c++)
		if (val[c][0] != '\0')
			return 0;
	return 1;
}

/*
 * Does the row continue cur[l] (the same record, one row per child)? At
 * level 0 the initiative and key columns match; at a numbered level the
 * number is the same. A numbered level also checks the number is the
 * current one or the next. Returns 1, 0, or -1 with e set.
 */
static int
reader_same(struct reader *r, int l, const char *const *val, const struct srcloc *loc)
{
	const struct layout *lay = r->lay;
	const struct level *lv = &lay->lv[l];
	int keyed = 0;

	for (int c = lv->first; c < lv->end; c++) {
		const struct column *col = &lay->cols[c];
		int64_t n;

		if (col->kind == COL_NUMBER) {
			/* a sparse number left out: every row is a record of its own */
			if (col->sparse && val[c][0] == '\0')
				return 0;
			if (int_parse(val[c], &n) || n < 1) {
				model_error_set(r->e, loc, col->name,
				    _("'%s' is not a number (1, 2, …)"), val[c]);
				return -1;
			}
			if (r->cur[l] != NULL && (size_t)n == r->number[l])
				return 1;
			if ((size_t)n != r->number[l] + 1) {
				if (r->cur[l] == NULL)
					model_error_set(r->e, loc, col->name, _("expected 1"));
				else
					model_error_set(r->e, loc, col->name, _("expected %zu or %zu"),
					    r->number[l], r->number[l] + 1);
				return -1;
			}
			r->number[l] = (size_t)n;
			return 0;
		}
		if (col->kind == COL_INITIATIVE || (col->f->flags & FL_KEY)) {
			keyed = 1;
			if (r->cur[l] == NULL ||
			    strcmp(val[c], r->first[l].buf + r->firstoff[c]) != 0)
				return 0;
		}
	}
	return keyed && r->cur[l] != NULL;
}

/* Parses the cells of level l into rec, which is new. */
static int
reader_fields(struct reader *r, int l, void *rec, const char *const *val,
    const struct srcloc *loc)
{
	const struct layout *lay = r->lay;
	const struct level *lv = &lay->lv[l];
	int present = 1;

	for (int c = lv->first; c < lv->end; c++) {
		const struct column *col = &lay->cols[c];

		if (col->kind != COL_FIELD)
			continue;
		/* an optional object is absent when all its cells are empty */
		if (col->opt && (c == lv->first || lay->cols[c - 1].opt != col->opt)) {
			int end = c;

			while (end < lv->end && lay->cols[end].opt == col->opt)
				end++;
			present = !all_empty(val, c, end);
			*(int *)((char *)rec + col->opt->has_off) = present;
		}
		if (col->opt && !present) {
			field_set_null(col->f, rec);
			continue;
		}
		if (field_from_text(col->f, rec, val[c], col->name, loc, r->e))
			return -1;
	}
	return 0;
}

/* Returns the new record of level 0 for a row: p itself, or a new list element. */
static void *
reader_new_top(struct reader *r, const char *const *val, const struct srcloc *loc)
{
	const struct layout *lay = r->lay;
	struct initiative *in;

	if (r->which == CSV_PROGRAM) {
		if (r->p->slug != NULL) {
			model_error_set(r->e, loc, "slug", _("program '%s' already exists"), r->p->slug);
			return NULL;
		}
		return r->p;
	}
	if (!lay->initiative_level)
		return anyvec_push(FIELD_VEC(r->p, lay->top), lay->lv[0].kind);
	if (val[0][0] == '\0') {
		model_error_set(r->e, loc, "initiative", _("is required"));
		return NULL;
	}
	in = r->target_in && strcmp(val[0], r->target) == 0 ? r->target_in :
	    program_initiative(r->p, val[0]);
	if (in == NULL) {
		model_error_set(r->e, loc, "initiative", _("no initiative '%s'"), val[0]);
		return NULL;
	}
	return anyvec_push(FIELD_VEC(in, lay->top), lay->lv[0].kind);
}

static int
reader_record(struct reader *r, const char *const *val, const struct srcloc *loc)
{
	const struct layout *lay = r->lay;
	int continued = 1;	/* the row continues the record of the level above */

	for (int l = 0; l < lay->nlevels; l++) {
		const struct level *lv = &lay->lv[l];
		int last = l + 1 == lay->nlevels;
		void *rec;

		/* no child here: a record without children */
		if (l > 0 && all_empty(val, lv->first, lay->ncols))
			break;
		if (!last) {
			/* below a new record, cur[l] is NULL: same is 0 (a numbered level checks for 1) */
			int same = reader_same(r, l, val, loc);

			if (same < 0)
				return -1;
			if (same && continued) {
				for (int c = lv->first; c < lv->end; c++)
					if (strcmp(val[c], r->first[l].buf + r->firstoff[c]) != 0) {
						model_error_set(r->e, loc, lay->cols[c].name,
						    _("differs from line %u, the first row of "
						    "the same record"), r->first_line[l]);
						return -1;
					}
				continue;
			}
		}
		continued = 0;
		if (l == 0)
			rec = reader_new_top(r, val, loc);
		else
			rec = anyvec_push(FIELD_VEC(r->cur[l - 1], lv->list), lv->kind);
		if (rec == NULL)
			return -1;
		if (lv->has_head)
			((struct rec_head *)rec)->loc = *loc;
		if (reader_fields(r, l, rec, val, loc))
			return -1;
		if (!last) {
			r->cur[l] = rec;
			r->first_line[l] = loc->line;
			strbuf_reset(&r->first[l]);
			for (int c = lv->first; c < lv->end; c++) {
				r->firstoff[c] = r->first[l].len;
				strbuf_addstr(&r->first[l], val[c]);
				strbuf_addch(&r->first[l], '\0');
			}
			for (int k = l + 1; k < lay->nlevels; k++) {
				r->cur[k] = NULL;
				r->number[k] = 0;
			}
		}
	}
	return 0;
}

static int
reader_row(struct reader *r)
{
	struct srcloc loc = { r->file, r->row_line };
	const char *val[CSV_MAXCOLS];

	if (!r->have_header)
		return reader_header(r, &loc);
	if (r->ncells != r->nheader) {
		/* name the first column the row lacks; an overlong row has none to name */
		model_error_set(r->e, &loc, r->ncells < r->nheader ?
		    r->lay->cols[r->map[r->ncells]].name : "csv",
		    _("%zu columns, the header has %zu"), r->ncells, r->nheader);
		return -1;
	}
	for (int c = 0; c < r->lay->ncols; c++)
		val[c] = "";	/* an FL_SPARSE column the header may leave out */
	for (size_t i = 0; i < r->nheader; i++) {
		const char *v = r->text.buf + r->off[i];

		/* the one mark csv_write puts before a text cell (DESIGN §2.2) */
		if (col_is_text(&r->lay->cols[r->map[i]]) && v[0] == '\'')
			v++;
		val[r->map[i]] = v;
	}
	return reader_record(r, val, &loc);
}

static int stream_row(struct reader *r);

static void
cb_row(int c, void *data)
{
	struct reader *r = data;

	if (!r->failed && r->ncells > 0 && (r->stream && r->have_header ? stream_row(r) : reader_row(r)))
		r->failed = 1;
	/* CSV_REPALL_NL reports every unquoted CR and LF, blank lines too */
	if (c == '\n')
		r->line++;
	r->at_row_start = c == '\n';
	r->ncells = 0;
	strbuf_reset(&r->text);
}

/*
 * libcsv grows a cell's buffer through this: refusing to grow it past the
 * cell limit stops an oversized cell before it is held in memory.
 */
static void *
cell_realloc(void *ptr, size_t n)
{
	if (n > CSV_CELL_MAX + 2)
		return NULL;
	return realloc(ptr, n);
}

/*
 * A file of the records of an initiative list with a "given" flag
 * (responsibilities.csv) gives that list for every initiative, also one
 * with no row in it: the flag is set on them all.
 */
static void
lists_given(const struct layout *lay, struct program *p)
{
	if (!lay->initiative_level || lay->top->type != FT_LIST || lay->top->has_off == 0)
		return;
	for (size_t j = 0; j < p->initiatives.n; j++)
		*(int *)((char *)&p->initiatives.v[j] + lay->top->has_off) = 1;
}

/* Starts reading file which, named name, into p. Returns 0, or -1 with e set. */
static int
reader_open(struct reader *r, struct csv_parser *parser, struct layout *lay,
    enum csv_file which, const char *name, struct program *p, struct model_error *e)
{
	memset(r, 0, sizeof(*r));
	if ((int)which < 0 || which >= CSV__MAX) {
		model_error_set(e, NULL, "", _("%s: not a trellis/1 CSV file"), name);
		return -1;
	}
	r->file = program_intern_file(p, name);
	layout_build(lay, which);
	r->lay = lay;
	r->which = which;
	r->p = p;
	r->e = e;
	r->line = 1;
	r->slug_pos = -1;
	r->at_row_start = 1;
	strbuf_init(&r->text, 0);
	for (int l = 0; l < CSV_LEVELS; l++)
		strbuf_init(&r->first[l], 0);
	if (csv_init(parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
		model_error_set(e, NULL, "", _("out of memory"));
		for (int l = 0; l < CSV_LEVELS; l++)
			strbuf_release(&r->first[l]);
		return -1;
	}
	csv_set_realloc_func(parser, cell_realloc);
	return 0;
}

static void
reader_close(struct reader *r, struct csv_parser *parser)
{
	csv_free(parser);
	strbuf_release(&r->text);
	for (int l = 0; l < CSV_LEVELS; l++)
		strbuf_release(&r->first[l]);
}

/* Hands data[0..len) to libcsv. Returns 0, or -1 with e set. */
static int
libcsv_feed(struct reader *r, struct csv_parser *parser, const char *data, size_t len)
{
	struct srcloc loc;

	if (csv_parse(parser, data, len, cb_cell, cb_row, r) == len || r->failed)
		return r->failed ? -1 : 0;
	loc.file = r->file;
	loc.line = reader_row_line(r);
	if (csv_error(parser) == CSV_EPARSE)
		model_error_set(r->e, &loc, cell_or_csv(r), _("a quote inside an unquoted field, "
		    "or text after a closing quote"));
	else
		model_error_set(r->e, &loc, reader_cell_name(r),
		    _("a cell is longer than %d bytes"), CSV_CELL_MAX);
	r->failed = 1;
	return -1;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * A plain line s[0..n) (its LF after it) at the start of a row: no quote,
 * CR or NUL, not longer than a cell may be. libcsv would make of it what
 * this does, at a tenth of the work (P1, docs/benchmarks.md): the cells
 * between its commas, each without the spaces and tabs that begin or end
 * it, then the row's end; a line of nothing but spaces and tabs is an
 * empty row. Returns 1 when it was read so (r->failed tells how), 0 when
 * the line is not plain and libcsv must read it.
 */
static int
plain_line(struct reader *r, const char *s, size_t n)
{
	const char *end = s + n, *c;

	if (n > CSV_CELL_MAX || memchr(s, '"', n) || memchr(s, '\r', n) || memchr(s, '\0', n))
		return 0;
	for (c = s; c < end && blank(*c); c++)
		;
	if (c < end)
		for (const char *a = s;; a++) {
			const char *b = memchr(a, ',', (size_t)(end - a));
			const char *z = b ? b : end;

			while (a < z && blank(*a))
				a++;
			while (z > a && blank(z[-1]))
				z--;
			cb_cell((void *)(uintptr_t)a, (size_t)(z - a), r);
			if (b == NULL)
				break;
			a = b;
		}
	cb_row('\n', r);
	return 1;
}

/*
 * Hands data[0..len) to the parser (first: the file's first bytes, where a
 * UTF-8 BOM is skipped), a line at a time: a plain line at the start of a
 * row is read here (plain_line), any other (a quoted cell, which may hold
 * line breaks, a CR, the part of a line the chunk cuts) by libcsv up to
 * and including the line's LF, after which libcsv is at a row's start
 * again unless that LF was inside quotes. Returns 0, or -1 with e set.
 */
static int
reader_feed(struct reader *r, struct csv_parser *parser, const char *data, size_t len,
    int first)
{
	const char *p = data, *end = data + len;

	if (first && len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && !r->failed) {
		/*
		 * A line is looked for no further than a cell may be long: the
		 * data may be a whole upload mapped from its file, and a search
		 * to its end would bring every page of it into memory (t0903).
		 */
		size_t look = (size_t)(end - p) < CSV_CELL_MAX + 1 ? (size_t)(end - p) : CSV_CELL_MAX + 1;
		const char *nl = memchr(p, '\n', look);
		const char *next = nl ? nl + 1 : p + look;

		if (!(nl && r->at_row_start && plain_line(r, p, (size_t)(nl - p)))) {
			r->at_row_start = 0;	/* cb_row sets it at the LF that ends a row */
			if (libcsv_feed(r, parser, p, (size_t)(next - p)) == -1)
				return -1;
		}
		p = next;
	}
	return r->failed ? -1 : 0;
}

/* The end of the file. Returns 0, or -1 with e set. */
static int
reader_finish(struct reader *r, struct csv_parser *parser)
{
	struct srcloc loc;

	if (csv_fini(parser, cb_cell, cb_row, r) != 0) {
		loc.file = r->file;
		loc.line = reader_row_line(r);
		model_error_set(r->e, &loc, cell_or_csv(r), _("unterminated quoted field"));
		return -1;
	}
	if (r->failed)
		return -1;
	if (!r->have_header) {
		loc.file = r->file;
		loc.line = 1;
		model_error_set(r->e, &loc, "csv", _("empty file: expected a header line"));
		return -1;
	}
	return 0;
}

int
csv_read(enum csv_file which, const char *name, const char *data, size_t len,
    struct program *p, struct model_error *e)
{
	struct csv_parser parser;
	struct layout lay;
	struct reader r;
	int ret = -1;

	if (reader_open(&r, &parser, &lay, which, name, p, e) == -1)
		return -1;
	if (reader_feed(&r, &parser, data, len, 1) == 0 && reader_finish(&r, &parser) == 0) {
		lists_given(&lay, p);
		ret = 0;
	}
	reader_close(&r, &parser);
	return ret;
}

/* Opens path, a regular file only (RELIABILITY R16). */
static FILE *
open_input(const char *path, struct model_error *e)
{
	struct strbuf why = STRBUF_INIT;
	struct stat st;
	FILE *fp = NULL;
	int fd = file_open_regular(path, &st, &why);

	if (fd != -1 && (fp = fdopen(fd, "rb")) == NULL) {
		strbuf_addf(&why, "%s: cannot read: %s", path, strerror(errno));
		close(fd);
	}
	if (fp == NULL)
		model_error_set(e, NULL, "", "%s", why.buf);
	strbuf_release(&why);
	return fp;
}

/* The input of a stream: data[0..len) when data is set (read in place), else the file at path. */
static FILE *
open_source(const char *path, const char *data, size_t len, struct model_error *e)
{
	FILE *fp;

	if (data == NULL)
		return open_input(path, e);
	/* fmemopen may refuse a size of 0: an empty input opens one byte and starts past it */
	if ((fp = fmemopen((void *)(uintptr_t)data, len ? len : 1, "r")) == NULL) {
		model_error_set(e, NULL, "", _("%s: cannot read: %s"), path, strerror(errno));
		return NULL;
	}
	if (len == 0)
		(void)fseek(fp, 0, SEEK_END);
	return fp;
}

static int
read_chunk(FILE *fp, const char *path, char *buf, size_t *n, struct model_error *e)
{
	*n = fread(buf, 1, CSV_CHUNK, fp);
	if (*n == 0 && ferror(fp)) {
		model_error_set(e, NULL, "", _("%s: cannot read: %s"), path, strerror(errno));
		return -1;
	}
	return 0;
}

int
csv_read_path(enum csv_file which, const char *path, struct program *p, struct model_error *e)
{
	struct csv_parser parser;
	struct layout lay;
	struct reader r;
	FILE *fp;
	char *buf;
	size_t n;
	int first = 1, ret = -1;

	if ((fp = open_input(path, e)) == NULL)
		return -1;
	if (reader_open(&r, &parser, &lay, which, path, p, e) == -1) {
		fclose(fp);
		return -1;
	}
	buf = xmalloc(CSV_CHUNK);
	for (;;) {
		if (read_chunk(fp, path, buf, &n, e) == -1)
			goto out;
		if (n == 0)
			break;
		if (reader_feed(&r, &parser, buf, n, first) == -1)
			goto out;
		first = 0;
	}
	if (reader_finish(&r, &parser) == -1)
		goto out;
	lists_given(&lay, p);
	ret = 0;
out:
	free(buf);
	reader_close(&r, &parser);
	fclose(fp);
	return ret;
}

/* ---------------------------------------------------------------- streaming */

/* A row parsed but not yet taken: it belongs to a later initiative. */
struct pending {
	struct strbuf text;
	size_t off[CSV_MAXCOLS];
	size_t ncells;
	unsigned line;
};

struct csv_stream {
	struct layout lay;
	struct reader r;
	struct csv_parser parser;
	FILE *fp;
	const char *path;
	int started, eof;
	char *buf;
	VEC(struct pending) q;
	size_t qhead;
	/* csv_file_grouped: the initiative index of the last row, and the verdict */
	const struct program *scan;
	int last, grouped;
};

/* The initiative slug of a row whose cells are text[off[..]] (its mark taken off). */
static const char *
row_slug(const struct reader *r, const char *text, const size_t *off)
{
	const char *v = text + off[r->slug_pos];

	return v[0] == '\'' ? v + 1 : v;
}

/*
 * A complete row while streaming: read into p when it is the target
 * initiative's and no row is waiting before it; else kept for later. A
 * row whose columns do not match the header is read at once (it is an
 * error, reported where it is).
 */
static int
stream_row(struct reader *r)
{
	struct csv_stream *cs = r->stream;
	struct pending *pd;
	const char *slug;

	if (r->ncells != r->nheader || r->slug_pos < 0)
		return cs->scan ? (cs->grouped = 0, -1) : reader_row(r);
	slug = row_slug(r, r->text.buf, r->off);
	if (cs->scan) {
		int idx = strmap_get(&cs->scan->initiative_index, slug, -1);

		/* an unknown initiative, or one whose rows came before: not grouped */
		if (idx < 0 || idx < cs->last) {
			cs->grouped = 0;
			return -1;
		}
		cs->last = idx;
		return 0;
	}
	if (cs->qhead == cs->q.n && r->target && strcmp(slug, r->target) == 0)
		return reader_row(r);
	pd = VEC_PUSH(&cs->q);
	memset(pd, 0, sizeof(*pd));
	strbuf_init(&pd->text, 0);
	strbuf_add(&pd->text, r->text.buf, r->text.len);
	memcpy(pd->off, r->off, sizeof(pd->off));
	pd->ncells = r->ncells;
	pd->line = r->row_line;
	return 0;
}

/* Reads a waiting row as if the parser had just completed it. */
static int
replay(struct reader *r, struct pending *pd)
{
	struct strbuf text = r->text;
	size_t off[CSV_MAXCOLS], ncells = r->ncells;
	unsigned row_line = r->row_line;
	int ret;

	/* the parser may be inside a row of its own: keep it */
	memcpy(off, r->off, sizeof(off));
	r->text = pd->text;
	memcpy(r->off, pd->off, sizeof(off));
	r->ncells = pd->ncells;
	r->row_line = pd->line;
	ret = reader_row(r);
	pd->text = r->text;
	r->text = text;
	memcpy(r->off, off, sizeof(off));
	r->ncells = ncells;
	r->row_line = row_line;
	return ret;
}

/* Reads the next chunk into the parser; at the end, finishes the file. */
static int
stream_more(struct csv_stream *cs)
{
	size_t n;

	if (read_chunk(cs->fp, cs->path, cs->buf, &n, cs->r.e) == -1)
		return -1;
	if (n == 0) {
		cs->eof = 1;
		return reader_finish(&cs->r, &cs->parser);
	}
	if (reader_feed(&cs->r, &cs->parser, cs->buf, n, !cs->started) == -1)
		return -1;
	cs->started = 1;
	return 0;
}

static struct csv_stream *
stream_open(enum csv_file which, const char *path, const char *data, size_t len,
    struct program *p, struct model_error *e)
{
	struct csv_stream *cs = xcalloc(1, sizeof(*cs));

	assert(which >= CSV_OBSERVATIONS && which < CSV__MAX);
	if ((cs->fp = open_source(path, data, len, e)) == NULL) {
		free(cs);
		return NULL;
	}
	if (reader_open(&cs->r, &cs->parser, &cs->lay, which, path, p, e) == -1) {
		fclose(cs->fp);
		free(cs);
		return NULL;
	}
	cs->path = cs->r.file;
	cs->r.stream = cs;
	cs->buf = xmalloc(CSV_CHUNK);
	return cs;
}

struct csv_stream *
csv_stream_open(enum csv_file which, const char *path, const char *data, size_t len,
    struct program *p, struct model_error *e)
{
	return stream_open(which, path, data, len, p, e);
}

void
csv_lists_given(enum csv_file which, struct program *p)
{
	struct layout lay;

	layout_build(&lay, which);
	lists_given(&lay, p);
}

int
csv_stream_read(struct csv_stream *cs, struct program *p, const char *slug,
    struct model_error *e)
{
	struct reader *r = &cs->r;

	r->p = p;
	r->e = e;
	r->target = slug;
	r->target_in = slug ? program_initiative(p, slug) : NULL;
	/* a new initiative: no record continues */
	for (int l = 0; l < CSV_LEVELS; l++) {
		r->cur[l] = NULL;
		r->number[l] = 0;
	}
	for (; cs->qhead < cs->q.n; cs->qhead++) {
		struct pending *pd = &cs->q.v[cs->qhead];

		if (slug == NULL || strcmp(row_slug(r, pd->text.buf, pd->off), slug) != 0)
			return 0;
		if (replay(r, pd) == -1)
			return -1;
		strbuf_release(&pd->text);
	}
	cs->q.n = cs->qhead = 0;
	while (!cs->eof) {
		if (stream_more(cs) == -1)
			return -1;
		if (cs->q.n > 0)
			return 0;
	}
	return 0;
}

int
csv_stream_end(struct csv_stream *cs, struct model_error *e)
{
	struct srcloc loc;

	if (csv_stream_read(cs, cs->r.p, NULL, e) == -1)
		return -1;
	if (cs->qhead == cs->q.n)
		return 0;
	loc.file = cs->r.file;
	loc.line = cs->q.v[cs->qhead].line;
	model_error_set(e, &loc, "initiative", _("rows of initiative '%s' come after those of "
	    "a later initiative"), row_slug(&cs->r, cs->q.v[cs->qhead].text.buf, cs->q.v[cs->qhead].off));
	return -1;
}

void
csv_stream_close(struct csv_stream *cs)
{
	if (cs == NULL)
		return;
	for (size_t i = cs->qhead; i < cs->q.n; i++)
		strbuf_release(&cs->q.v[i].text);
	VEC_FREE(&cs->q);
	reader_close(&cs->r, &cs->parser);
	fclose(cs->fp);
	free(cs->buf);
	free(cs);
}

int
csv_file_grouped(enum csv_file which, const char *path, const char *data, size_t len,
    struct program *p, struct model_error *e)
{
	struct csv_stream *cs;
	struct model_error scratch;	/* a problem found here is reported by the whole read */
	int ok = 1, ret;

	if ((cs = stream_open(which, path, data, len, p, e)) == NULL)
		return -1;
	cs->r.e = &scratch;
	cs->scan = p;
	cs->grouped = 1;
	while (ok && !cs->eof)
		ok = stream_more(cs) == 0;
	/* a file with a problem is read whole, which reports it where it is */
	ret = ok && cs->grouped;
	csv_stream_close(cs);
	return ret;
}
