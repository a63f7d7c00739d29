/*
 * trellis/1 JSON reader and writer (DESIGN §2.2).
 *
 * jansson parses and checks the syntax, but keeps neither the line of a
 * value nor the text of a number, and both matter here: errors must name
 * the line, and money must be exact ("12.345" is refused, not rounded). So
 * a light scan of the same bytes lists every value's line and text in
 * document order, and a pre-order walk of jansson's tree (object keys keep
 * their document order) pairs each json_t with its scanned token.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json.h"
#include "../model/fields.h"
#include "../model/fieldtext.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* ---------------------------------------------------------------- scanning */

struct token {
	unsigned line;
	unsigned len;		/* numbers: length of the text at off */
	size_t off;
};

struct scan {
	VEC(struct token) toks;
	/* json_t * → token index, open addressing; literals are shared singletons and left out */
	const json_t **keys;
	unsigned *vals;
	size_t cap;
	const char *data;
};

/*
 * Lists the values (not keys) of data in document order with their lines.
 * Returns the deepest nesting seen; stops quietly at anything malformed,
 * which jansson then reports.
 */
static int
scan_tokens(struct scan *s, const char *data, size_t len, unsigned line)
{
	int depth = 0, maxdepth = 0;
	size_t i = 0;

	while (i < len) {
		char ch = data[i];
		struct token *t;

		switch (ch) {
		case '\n':
			line++;
			/* FALLTHROUGH */
		case ' ': case '\t': case '\r': case ',': case ':':
			i++;
			continue;
		case '}': case ']':
			depth--;
			i++;
			continue;
		case '"': {
			size_t j = i + 1, k;

			while (j < len && data[j] != '"') {
				if (data[j] == '\\')
					j++;
				else if (data[j] == '\n')
					return maxdepth;
				j++;
			}
			if (j >= len)
				return maxdepth;
			for (k = j + 1; k < len && strchr(" \t\r\n", data[k]); k++)
				;
			if (k >= len || data[k] != ':') {
				t = VEC_PUSH(&s->toks);
				t->line = line;
				t->off = i;
			}
			i = j + 1;
			continue;
		}
		case '{': case '[':
			t = VEC_PUSH(&s->toks);
			t->line = line;
			t->off = i;
			if (++depth > maxdepth)
				maxdepth = depth;
			i++;
			continue;
		default:
			if (ch == '-' || (ch >= '0' && ch <= '9')) {
				size_t j = i;

				while (j < len && strchr("0123456789+-.eE", data[j]))
					j++;
				t = VEC_PUSH(&s->toks);
				t->line = line;
				t->off = i;
				t->len = (unsigned)(j - i);
				i = j;
			} else if (ch >= 'a' && ch <= 'z') {
				t = VEC_PUSH(&s->toks);
				t->line = line;
				t->off = i;
				while (i < len && data[i] >= 'a' && data[i] <= 'z')
					i++;
			} else
				return maxdepth;
		}
	}
	return maxdepth;
}

static size_t
slot_of(const struct scan *s, const json_t *v)
{
	size_t h = ((uintptr_t)v >> 4) * 0x9E3779B97F4A7C15ULL;
	size_t i = h & (s->cap - 1);

	while (s->keys[i] && s->keys[i] != v)
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Pairs each json_t of the tree with its token, in pre-order. */
static void
scan_pair(struct scan *s, const json_t *v, size_t *next)
{
	size_t idx = (*next)++;

	if (idx >= s->toks.n)
		return;
	if (!json_is_true(v) && !json_is_false(v) && !json_is_null(v)) {
		size_t slot = slot_of(s, v);

		s->keys[slot] = v;
		s->vals[slot] = (unsigned)idx;
	}
	if (json_is_object(v)) {
		const char *key;
		json_t *child;

		json_object_foreach((json_t *)v, key, child)
			scan_pair(s, child, next);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *child;

		json_array_foreach(v, i, child)
			scan_pair(s, child, next);
	}
}

static const struct token *
token_of(const struct scan *s, const json_t *v)
{
	size_t slot;

	if (s->cap == 0)
		return NULL;
	slot = slot_of(s, v);
	return s->keys[slot] ? &s->toks.v[s->vals[slot]] : NULL;
}

static void
scan_release(struct scan *s)
{
	VEC_FREE(&s->toks);
	free(s->keys);
	free(s->vals);
}

/* ---------------------------------------------------------------- reading */

struct reader {
	struct scan scan;
	struct program *p;
	const char *file;	/* interned in p */
	struct model_error *e;
};

/* The srcloc of v, or fallback when v has no token (literals). */
static struct srcloc
loc_of(const struct reader *r, const json_t *v, const struct srcloc *fallback)
{
	const struct token *t = v ? token_of(&r->scan, v) : NULL;
	struct srcloc loc = { r->file, t ? t->line : fallback->line };

	return loc;
}

static const char *
type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return _("an object");
	case JSON_ARRAY: return _("an array");
	case JSON_STRING: return _("a string");
	case JSON_INTEGER: case JSON_REAL: return _("a number");
	case JSON_TRUE: case JSON_FALSE: return _("true or false");
	default: return "null";
	}
}

static int
expected(struct reader *r, const json_t *v, const char *path,
    const struct srcloc *loc, const char *what)
{
	model_error_set(r->e, loc, path, _("expected %s, found %s"), _(what), type_name(v));
	return -1;
}

/* The raw text of a number value, NUL-terminated into buf. */
static const char *
number_text(const struct reader *r, const json_t *v, char buf[64])
{
	const struct token *t = token_of(&r->scan, v);

	if (t && t->len > 0 && t->len < 64) {
		memcpy(buf, r->scan.data + t->off, t->len);
		buf[t->len] = '\0';
	} else if (json_is_integer(v))
		snprintf(buf, 64, "%lld", (long long)json_integer_value(v));
	else
		snprintf(buf, 64, "%.17g", json_real_value(v));
	return buf;
}

static int read_object(struct reader *r, const struct kind *k, void *rec,
    json_t *obj, const char *prefix, const struct srcloc *loc);

static int
read_list(struct reader *r, const struct field *f, void *rec, json_t *arr,
    const char *path, const struct srcloc *loc)
{
	struct anyvec *vec = FIELD_VEC(rec, f);
	size_t i;
	json_t *el;

	if (!json_is_array(arr))
		return expected(r, arr, path, loc, N_("an array"));
	json_array_foreach(arr, i, el) {
		struct srcloc eloc = loc_of(r, el, loc);
		struct rec_head *child;

		if (!json_is_object(el))
			return expected(r, el, path, &eloc, N_("an object"));
		child = anyvec_push(vec, f->sub);
		child->loc = eloc;
		for (int j = 0; j < f->sub->nfields; j++)
			field_set_null(&f->sub->fields[j], child);
		if (read_object(r, f->sub, child, el, "", &eloc))
			return -1;
	}
	return 0;
}

static int
read_map(struct reader *r, const struct field *f, void *rec, json_t *obj,
    const char *path, const struct srcloc *loc)
{
	const char *key;
	json_t *val;
	char sub[160];

	if (!json_is_object(obj))
		return expected(r, obj, path, loc, N_("an object"));
	json_object_foreach(obj, key, val) {
		struct srcloc vloc = loc_of(r, val, loc);

		snprintf(sub, sizeof(sub), "%s.%s", path, key);
		if (f->type == FT_RACI) {
			VEC(struct assignment) *v = FIELD_PTR(rec, f);
			struct assignment *a;
			int letter;

			if (!slug_valid(key)) {
				model_error_set(r->e, &vloc, sub, _("'%s' is not an organization slug"), key);
				return -1;
			}
			if (!json_is_string(val))
				return expected(r, val, sub, &vloc, N_("a string"));
			letter = enum_lookup(raci_names, RACI__MAX, json_string_value(val));
			if (letter < 0) {
				model_error_set(r->e, &vloc, sub, _("'%s' is not one of: R, A, C, I"),
				    json_string_value(val));
				return -1;
			}
			a = VEC_PUSH(v);
			a->org.slug = xstrdup(key);
			a->org.idx = REF_UNRESOLVED;
			a->letter = letter;
		} else {
			VEC(struct answer) *v = FIELD_PTR(rec, f);
			struct answer *a;
			char buf[64];
			int64_t iv;

			if (!slug_valid(key) && strlen(key) > LIMIT_SLUG) {
				model_error_set(r->e, &vloc, sub, _("not an item code"));
				return -1;
			}
			if (!json_is_integer(val) || int_parse(number_text(r, val, buf), &iv))
				return expected(r, val, sub, &vloc, N_("a whole number 1 to 5"));
			if (iv < f->min || iv > f->max) {
				model_error_set(r->e, &vloc, sub, _("%lld is out of range %lld to %lld"),
				    (long long)iv, (long long)f->min, (long long)f->max);
				return -1;
			}
			a = VEC_PUSH(v);
			a->item = xstrdup(key);
			a->value = (int)iv;
		}
	}
	return 0;
}

static int
read_field(struct reader *r, const struct field *f, void *rec, json_t *val,
    const char *prefix, const struct srcloc *objloc)
{
	struct srcloc loc = loc_of(r, val, objloc);
	char path[160], buf[64];
	const char *text;

	snprintf(path, sizeof(path), "%s%s", prefix, f->name);
	if (json_is_null(val)) {
		if (f->flags & FL_OPTIONAL) {
			if (f->type == FT_OBJECT && f->has_off)
				*(int *)((char *)rec + f->has_off) = 0;
			else if (f->type != FT_OBJECT)
				field_set_null(f, rec);
			return 0;
		}
		model_error_set(r->e, &loc, path, _("is required, found null"));
		return -1;
	}
	switch (f->type) {
	case FT_OBJECT: {
		char sub[160];

		if (!json_is_object(val))
			return expected(r, val, path, &loc, N_("an object"));
		if (f->has_off)
			*(int *)((char *)rec + f->has_off) = 1;
		snprintf(sub, sizeof(sub), "%s.", path);
		return read_object(r, f->sub, rec, val, sub, &loc);
	}
	case FT_LIST:
		if (f->has_off)
			*(int *)((char *)rec + f->has_off) = 1;
		return read_list(r, f, rec, val, path, &loc);
	case FT_RACI:
	case FT_ANSWERS:
		return read_map(r, f, rec, val, path, &loc);
	case FT_REFS:
	case FT_ENUMS: {
		size_t i;
		json_t *el;

		if (!json_is_array(val))
			return expected(r, val, path, &loc, N_("an array of strings"));
		json_array_foreach(val, i, el) {
			if (!json_is_string(el))
				return expected(r, el, path, &loc, N_("a string"));
			if (field_list_add(f, rec, json_string_value(el), path, &loc, r->e))
				return -1;
		}
		return 0;
	}
	case FT_BOOL:
		if (!json_is_boolean(val))
			return expected(r, val, path, &loc, N_("true or false"));
		*(int *)FIELD_PTR(rec, f) = json_is_true(val);
		return 0;
	case FT_MONEY:
	case FT_INT:
	case FT_SMALL:
	case FT_REAL:
		if (!json_is_number(val))
			return expected(r, val, path, &loc, N_("a number"));
		text = number_text(r, val, buf);
		if ((f->type == FT_INT || f->type == FT_SMALL) && !json_is_integer(val)) {
			model_error_set(r->e, &loc, path, _("'%s' is not a whole number"), text);
			return -1;
		}
		return field_from_text(f, rec, text, path, &loc, r->e);
	case FT_ID:
		if (json_is_integer(val) && json_integer_value(val) >= 0)
			return field_from_text(f, rec, number_text(r, val, buf), path, &loc, r->e);
		/* FALLTHROUGH */
	default:
		if (!json_is_string(val))
			return expected(r, val, path, &loc, N_("a string"));
		text = json_string_value(val);
		if (*text == '\0' && !(f->flags & FL_OPTIONAL)) {
			model_error_set(r->e, &loc, path, _("is required, found an empty string"));
			return -1;
		}
		return field_from_text(f, rec, text, path, &loc, r->e);
	}
}

static int
read_object(struct reader *r, const struct kind *k, void *rec, json_t *obj,
    const char *prefix, const struct srcloc *loc)
{
	const char *key;
	json_t *val;
	char path[160];

	json_object_foreach(obj, key, val) {
		const struct field *f = kind_field(k, key);

		if (f == NULL) {
			struct srcloc vloc = loc_of(r, val, loc);

			snprintf(path, sizeof(path), "%s%s", prefix, key);
			model_error_set(r->e, &vloc, path, _("unknown field"));
			return -1;
		}
		if (read_field(r, f, rec, val, prefix, loc))
			return -1;
	}
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (json_object_get(obj, f->name) || (f->flags & FL_OPTIONAL) ||
		    f->type == FT_LIST || f->type == FT_REFS || f->type == FT_ENUMS)
			continue;
		snprintf(path, sizeof(path), "%s%s", prefix, f->name);
		model_error_set(r->e, loc, path, _("is required"));
		return -1;
	}
	return 0;
}

/*
 * Parses data[0..len) named name into *root and pairs every value with its
 * line (r must be zeroed but for p and e). A BOM is skipped. Returns 0, or
 * -1 with the error set and *root NULL. *top is the document's location.
 */
static int
reader_open(struct reader *r, const char *name, const char *data, size_t len,
    unsigned line, json_t **root, struct srcloc *top)
{
	json_error_t jerr;
	size_t next = 0;

	r->file = program_intern_file(r->p, name);
	top->file = r->file;
	top->line = line;
	*root = NULL;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	r->scan.data = data;
	if (scan_tokens(&r->scan, data, len, line) > JSON_MAX_DEPTH) {
		model_error_set(r->e, top, "json", _("nested deeper than %d levels"), JSON_MAX_DEPTH);
		return -1;
	}
	*root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (*root == NULL) {
		struct srcloc at = { r->file, (jerr.line > 0 ? (unsigned)jerr.line : 1) + line - 1 };

		model_error_set(r->e, &at, "json", _("malformed JSON: %s"), jerr.text);
		return -1;
	}
	r->scan.cap = 16;
	while (r->scan.cap < r->scan.toks.n * 2)
		r->scan.cap *= 2;
	r->scan.keys = xcalloc(r->scan.cap, sizeof(*r->scan.keys));
	r->scan.vals = xcalloc(r->scan.cap, sizeof(*r->scan.vals));
	scan_pair(&r->scan, *root, &next);
	return 0;
}

int
json_read_program(const char *name, const char *data, size_t len,
    struct program *p, struct model_error *e)
{
	struct reader r = { .p = p, .e = e };
	struct srcloc top;
	json_t *root = NULL, *fmt;
	int ret = -1;

	if (reader_open(&r, name, data, len, 1, &root, &top))
		goto out;
	if (!json_is_object(root)) {
		expected(&r, root, "json", &top, "an object (a trellis/1 document)");
		goto out;
	}
	fmt = json_object_get(root, "format");
	if (fmt == NULL) {
		model_error_set(e, &top, "format", _("is required (\"trellis/1\")"));
		goto out;
	}
	if (!json_is_string(fmt) || strcmp(json_string_value(fmt), "trellis/1") != 0) {
		struct srcloc at = loc_of(&r, fmt, &top);

		if (json_is_string(fmt))
			model_error_set(e, &at, "format", _("'%s' is not supported; expected \"trellis/1\""),
			    json_string_value(fmt));
		else
			expected(&r, fmt, "format", &at, "the string \"trellis/1\"");
		goto out;
	}
	json_object_del(root, "format");
	p->loc = top;
	{
		json_t *prog = json_object_get(root, "program");

		if (prog && json_is_object(prog))
			p->loc = loc_of(&r, prog, &top);
	}
	ret = read_object(&r, &kind_document, p, root, "", &top);
out:
	json_decref(root);
	scan_release(&r.scan);
	return ret;
}

int
json_read_record(const char *name, const char *data, size_t len, const struct kind *k,
    void *rec, struct program *p, struct model_error *e)
{
	return json_read_record_at(name, data, len, 1, k, rec, p, e);
}

int
json_read_record_at(const char *name, const char *data, size_t len, unsigned line,
    const struct kind *k, void *rec, struct program *p, struct model_error *e)
{
	struct reader r = { .p = p, .e = e };
	struct srcloc top = { NULL, line };
	json_t *root = NULL;
	int ret = -1;

	for (int j = 0; j < k->nfields; j++)
		field_set_null(&k->fields[j], rec);
	if (reader_open(&r, name, data, len, line, &root, &top) == 0 && !json_is_object(root))
		expected(&r, root, "json", &top, "an object (one record)");
	else if (root)
		ret = read_object(&r, k, rec, root, "", &top);
	((struct rec_head *)rec)->loc = top;
	json_decref(root);
	scan_release(&r.scan);
	return ret;
}

/* ---------------------------------------------------------------- the initiatives' slices */

#define SLICE_CHUNK	65536

int
json_scan_initiatives(FILE *fp, struct json_slices *out)
{
	char *buf = xmalloc(SLICE_CHUNK), key[16];
	size_t n, pos = 0, keylen = 0;
	unsigned line = 1;
	int depth = 0, in_str = 0, esc = 0, in_arr = 0, found = 0, ret = 0;
	struct json_slice *cur = NULL;

	memset(out, 0, sizeof(*out));
	key[0] = '\0';
	while ((n = fread(buf, 1, SLICE_CHUNK, fp)) > 0) {
		for (size_t i = 0; i < n; i++, pos++) {
			char ch = buf[i];

			if (ch == '\n')
				line++;
			if (in_str) {
				if (esc)
					esc = 0;
				else if (ch == '\\')
					esc = 1;
				else if (ch == '"')
					in_str = 0;
				else if (depth == 1 && keylen + 1 < sizeof(key))
					key[keylen++] = ch;
				else if (depth == 1)
					keylen = sizeof(key);	/* too long to be "initiatives" */
				continue;
			}
			switch (ch) {
			case '"':
				if (in_arr && depth == 2)
					goto out;	/* an initiative that is not an object */
				in_str = 1;
				if (depth == 1)
					keylen = 0;
				break;
			case '{': case '[':
				if (depth == 1 && ch == '[') {
					key[keylen < sizeof(key) ? keylen : 0] = '\0';
					if (strcmp(key, "initiatives") == 0) {
						if (found)
							goto out;	/* twice: the whole read reports it */
						in_arr = found = 1;
						out->open = pos;
						out->open_line = line;
					}
				} else if (in_arr && depth == 2) {
					if (ch != '{')
						goto out;
					cur = VEC_PUSH(&out->v);
					cur->off = pos;
					cur->line = line;
				}
				depth++;
				break;
			case '}': case ']':
				if (depth == 0)
					goto out;
				depth--;
				if (in_arr && depth == 2 && ch == '}')
					cur->len = pos + 1 - cur->off;
				else if (in_arr && depth == 1) {
					in_arr = 0;
					out->close = pos;
					out->close_line = line;
				}
				break;
			case ' ': case '\t': case '\r': case '\n': case ',': case ':':
				break;
			default:
				if (in_arr && depth == 2)
					goto out;
				break;
			}
		}
	}
	ret = !ferror(fp) && found && depth == 0 && !in_str;
out:
	free(buf);
	if (!ret)
		VEC_FREE(&out->v);
	return ret;
}

/* ---------------------------------------------------------------- writing */

void
json_write_string(struct strbuf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	strbuf_addch(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"': strbuf_addstr(out, "\\\""); break;
		case '\\': strbuf_addstr(out, "\\\\"); break;
		case '\n': strbuf_addstr(out, "\\n"); break;
		case '\r': strbuf_addstr(out, "\\r"); break;
		case '\t': strbuf_addstr(out, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				strbuf_addstr(out, "\\u00");
				strbuf_addch(out, hex[c >> 4]);
				strbuf_addch(out, hex[c & 15]);
			} else
				strbuf_addch(out, c);
		}
	}
	strbuf_addch(out, '"');
}

static void write_object(struct strbuf *out, const struct kind *k, const void *rec, int indent);

static void
write_indent(struct strbuf *out, int indent)
{
	strbuf_addch(out, '\n');
	for (int i = 0; i < indent; i++)
		strbuf_addch(out, ' ');
}

static void
write_value(struct strbuf *out, const struct field *f, const void *rec, int indent)
{
	const void *p = (const char *)rec + f->off;
	struct strbuf tmp = STRBUF_INIT;

	switch (f->type) {
	case FT_OBJECT:
		if ((f->flags & FL_OPTIONAL) && f->has_off && !*(const int *)((const char *)rec + f->has_off))
			strbuf_addstr(out, "null");
		else
			write_object(out, f->sub, rec, indent);
		return;
	case FT_LIST: {
		const struct anyvec *v = p;

		if (v->n == 0) {
			strbuf_addstr(out, "[]");
			return;
		}
		strbuf_addch(out, '[');
		for (size_t i = 0; i < v->n; i++) {
			const void *child = (const char *)v->v + i * f->sub->size;

			if (f->sub == &kind_instrument && ((const struct instrument *)child)->builtin)
				continue;
			if (f->flags & FL_LINES) {
				if (out->buf[out->len - 1] != '[')
					strbuf_addch(out, ',');
				write_indent(out, indent + 1);
				write_object(out, f->sub, child, indent + 1);
			} else {
				if (i)
					strbuf_addstr(out, ", ");
				write_object(out, f->sub, child, indent);
			}
		}
		if ((f->flags & FL_LINES) && out->buf[out->len - 1] != '[')
			write_indent(out, indent);
		strbuf_addch(out, ']');
		return;
	}
	case FT_RACI: {
		const VEC(struct assignment) *v = p;

		strbuf_addch(out, '{');
		for (size_t i = 0; i < v->n; i++) {
			strbuf_addstr(out, i ? ", " : "");
			json_write_string(out, v->v[i].org.slug);
			strbuf_addf(out, ": \"%s\"", raci_names[v->v[i].letter]);
		}
		strbuf_addch(out, '}');
		return;
	}
	case FT_ANSWERS: {
		const VEC(struct answer) *v = p;

		strbuf_addch(out, '{');
		for (size_t i = 0; i < v->n; i++) {
			strbuf_addstr(out, i ? ", " : "");
			json_write_string(out, v->v[i].item);
			strbuf_addf(out, ": %d", v->v[i].value);
		}
		strbuf_addch(out, '}');
		return;
	}
	case FT_REFS: {
		const struct refs *v = p;

		strbuf_addch(out, '[');
		for (size_t i = 0; i < v->n; i++) {
			strbuf_addstr(out, i ? ", " : "");
			json_write_string(out, v->v[i].slug);
		}
		strbuf_addch(out, ']');
		return;
	}
	case FT_ENUMS: {
		const struct anyvec *v = p;

		strbuf_addch(out, '[');
		for (size_t i = 0; i < v->n; i++) {
			strbuf_addstr(out, i ? ", " : "");
			json_write_string(out, f->names[((const int *)v->v)[i]]);
		}
		strbuf_addch(out, ']');
		return;
	}
	default:
		break;
	}
	if (!field_to_text(f, rec, &tmp))
		strbuf_addstr(out, "null");
	else if (f->type == FT_MONEY || f->type == FT_INT || f->type == FT_SMALL ||
	    f->type == FT_REAL || f->type == FT_BOOL)
		strbuf_addstr(out, tmp.buf);
	else
		json_write_string(out, tmp.buf);
	strbuf_release(&tmp);
}

/*
 * One record as a JSON object. Scalars and small nested values stay on the
 * object's line; record arrays (FL_LINES) put one element per line.
 */
static void
write_fields(struct strbuf *out, const struct kind *k, const void *rec, int indent,
    int with_records)
{
	int broke = 0, first = 1;

	strbuf_addch(out, '{');
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		int lines = f->type == FT_LIST && (f->flags & FL_LINES);

		if (lines && !with_records)
			continue;
		if ((f->flags & FL_SPARSE) && field_empty(f, rec))
			continue;
		if (!first) {
			strbuf_addch(out, ',');
			if (lines || broke)
				write_indent(out, indent + 1);
			else
				strbuf_addch(out, ' ');
		}
		first = 0;
		broke |= lines;
		json_write_string(out, f->name);
		strbuf_addstr(out, ": ");
		write_value(out, f, rec, indent + 1);
	}
	strbuf_addch(out, '}');
}

static void
write_object(struct strbuf *out, const struct kind *k, const void *rec, int indent)
{
	write_fields(out, k, rec, indent, 1);
}

void
json_write_record_own(struct strbuf *out, const struct kind *k, const void *rec)
{
	write_fields(out, k, rec, 0, 0);
}

void
json_write_record(struct strbuf *out, const struct kind *k, const void *rec)
{
	write_object(out, k, rec, 0);
}

void
json_write_program(const struct program *p, struct strbuf *out)
{
	strbuf_addstr(out, "{\"format\": \"trellis/1\",\n \"program\": ");
	write_object(out, &kind_program, p, 1);
	for (int i = 1; i < kind_document.nfields; i++) {
		const struct field *f = &kind_document.fields[i];

		/* a list added later (candidates) is written only when it holds something */
		if ((f->flags & FL_SPARSE) && field_empty(f, p))
			continue;
		strbuf_addstr(out, ",\n ");
		json_write_string(out, f->name);
		strbuf_addstr(out, ": ");
		write_value(out, f, p, 1);
	}
	strbuf_addstr(out, "}\n");
}
