/*
 * The request and the response: the per-request arena (h2o's pool), the
 * decoding of queries, forms and cookies (strict: a bad encoding is a 400,
 * never a guess), and the helpers every handler uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mhd.h"

#include "web.h"
#include "../util/i18n.h"
#include "../util/url.h"
#include "../util/xalloc.h"
#include "../view/html.h"
#include "../util/banned.h"

/* ---------------------------------------------------------------- arena */

#define ARENA_BLOCK	4096

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	/* max_align_t keeps every allocation aligned for any type */
	_Alignas(max_align_t) unsigned char data[];
};

struct arena_cleanup {
	struct arena_cleanup *next;
	void (*fn)(void *);
	void *arg;
};

struct web_arena {
	struct arena_block *blocks;
	struct arena_cleanup *cleanups;
};

struct web_request *
web_request_new(void)
{
	struct web_request *req = xcalloc(1, sizeof(*req));

	req->arena = xcalloc(1, sizeof(*req->arena));
	strbuf_init(&req->body, 0);
	strbuf_init(&req->upload.data, 0);
	return req;
}

void
web_request_free(struct web_request *req)
{
	struct arena_block *b, *bn;
	struct arena_cleanup *c, *cn;

	if (req == NULL)
		return;
	for (c = req->arena->cleanups; c; c = cn) {
		cn = c->next;
		c->fn(c->arg);
		free(c);
	}
	for (b = req->arena->blocks; b; b = bn) {
		bn = b->next;
		free(b);
	}
	VEC_FREE(&req->query);
	VEC_FREE(&req->form);
	VEC_FREE(&req->cookies);
	strbuf_release(&req->body);
	strbuf_release(&req->upload.data);
	free(req->arena);
	free(req);
}

void *
web_alloc(struct web_request *req, size_t n)
{
	struct web_arena *a = req->arena;
	struct arena_block *b = a->blocks;
	size_t align = _Alignof(max_align_t);
	void *p;

	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK / 2 ? n : ARENA_BLOCK;

		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		/* a block made for one big allocation goes behind the current one */
		if (size == n && a->blocks) {
			b->next = a->blocks->next;
			a->blocks->next = b;
		} else {
			b->next = a->blocks;
			a->blocks = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
web_strndup(struct web_request *req, const char *s, size_t n)
{
	char *d = web_alloc(req, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
web_strdup(struct web_request *req, const char *s)
{
	return s ? web_strndup(req, s, strlen(s)) : NULL;
}

void
web_cleanup(struct web_request *req, void (*fn)(void *), void *arg)
{
	struct arena_cleanup *c = xmalloc(sizeof(*c));

	c->fn = fn;
	c->arg = arg;
	c->next = req->arena->cleanups;
	req->arena->cleanups = c;
}

/* ---------------------------------------------------------------- names */

static const struct {
	int bit;
	const char *name;
} web_roles[] = {
	{ WEB_ADMIN, "admin" },
	{ WEB_MEMBER, "member" },
	{ WEB_VIEWER, "viewer" },
	{ WEB_EVALUATOR, "evaluator" },
};

const char *
web_role_name(int role)
{
	for (size_t i = 0; i < sizeof(web_roles) / sizeof(web_roles[0]); i++)
		if (web_roles[i].bit == role)
			return web_roles[i].name;
	return NULL;
}

int
web_role_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(web_roles) / sizeof(web_roles[0]); i++)
		if (strcmp(web_roles[i].name, name) == 0)
			return web_roles[i].bit;
	return 0;
}

int
web_method_parse(const char *name)
{
	static const struct {
		int bit;
		const char *name;
	} methods[] = {
		{ WEB_GET, "GET" }, { WEB_HEAD, "HEAD" }, { WEB_POST, "POST" },
		{ WEB_PUT, "PUT" }, { WEB_PATCH, "PATCH" }, { WEB_DELETE, "DELETE" },
		{ WEB_OPTIONS, "OPTIONS" },
	};

	/* methods are case-sensitive (RFC 9110 §9.1) */
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(methods[i].name, name) == 0)
			return methods[i].bit;
	return 0;
}

/* ---------------------------------------------------------------- decoding */

int
web_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + len;

	while (s < end) {
		unsigned c = *s;
		size_t n;
		unsigned cp;

		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		if ((size_t)(end - s) <= n)
			return 0;
		for (size_t i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		/* overlong forms, surrogates, beyond U+10FFFF */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
		s += n + 1;
	}
	return 1;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
web_urldecode(char *s, int plus)
{
	char *r = s, *w = s;

	while (*r) {
		if (*r == '%') {
			int hi = hexval((unsigned char)r[1]), lo;

			if (hi < 0 || (lo = hexval((unsigned char)r[2])) < 0)
				return -1;
			if (hi == 0 && lo == 0)
				return -1;
			*w++ = (char)(hi << 4 | lo);
			r += 3;
		} else if (plus && *r == '+') {
			*w++ = ' ';
			r++;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	return web_utf8_valid(s, (size_t)(w - s)) ? 0 : -1;
}

int
web_parse_urlencoded(struct web_request *req, const char *s, size_t len, web_pairs *out)
{
	const char *end = s + len;

	while (s < end) {
		const char *amp = memchr(s, '&', (size_t)(end - s));
		const char *stop = amp ? amp : end, *eq;
		char *name, *value;

		eq = memchr(s, '=', (size_t)(stop - s));
		if (stop > s && eq != s) {
			struct web_pair *pr;

			if (out->n >= WEB_PARAMS_MAX)
				return -1;
			name = web_strndup(req, s, (size_t)((eq ? eq : stop) - s));
			value = eq ? web_strndup(req, eq + 1, (size_t)(stop - eq - 1)) :
			    web_strdup(req, "");
			if (memchr(s, '\0', (size_t)(stop - s)) ||
			    web_urldecode(name, 1) || web_urldecode(value, 1))
				return -1;
			pr = VEC_PUSH(out);
			pr->name = name;
			pr->value = value;
		} else if (stop > s && eq == s) {
			/* "=x": a value without a name is ignored, but still checked */
			char *v = web_strndup(req, s, (size_t)(stop - s));

			if (web_urldecode(v, 1))
				return -1;
		}
		s = amp ? amp + 1 : end;
	}
	return 0;
}

int
web_parse_cookies(struct web_request *req, const char *h, web_pairs *out)
{
	/* RFC 6265 §5.2: split on ';', trim spaces, name=value; values are not decoded */
	while (*h) {
		const char *semi = strchr(h, ';'), *stop, *eq;
		const char *ns, *ne, *vs, *ve;

		stop = semi ? semi : h + strlen(h);
		eq = memchr(h, '=', (size_t)(stop - h));
		if (eq) {
			for (ns = h; ns < eq && (*ns == ' ' || *ns == '\t'); ns++)
				;
			for (ne = eq; ne > ns && (ne[-1] == ' ' || ne[-1] == '\t'); ne--)
				;
			for (vs = eq + 1; vs < stop && (*vs == ' ' || *vs == '\t'); vs++)
				;
			for (ve = stop; ve > vs && (ve[-1] == ' ' || ve[-1] == '\t'); ve--)
				;
			if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"')
				vs++, ve--;
			if (ne > ns) {
				struct web_pair *pr;

				if (out->n >= WEB_PARAMS_MAX)
					return -1;
				pr = VEC_PUSH(out);
				pr->name = web_strndup(req, ns, (size_t)(ne - ns));
				pr->value = web_strndup(req, vs, (size_t)(ve - vs));
			}
		}
		h = semi ? semi + 1 : stop;
	}
	return 0;
}

/* ---------------------------------------------------------------- parameters */

static const char *
pairs_get(const web_pairs *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].name, name) == 0)
			return v->v[i].value;
	return NULL;
}

const char *
web_query(const struct web_request *req, const char *name)
{
	return pairs_get(&req->query, name);
}

const char *
web_form(const struct web_request *req, const char *name)
{
	return pairs_get(&req->form, name);
}

const char *
web_cookie(const struct web_request *req, const char *name)
{
	return pairs_get(&req->cookies, name);
}

const char *
web_param(const struct web_request *req, const char *name)
{
	if (req->method == WEB_GET || req->method == WEB_HEAD)
		return web_query(req, name);
	return web_form(req, name);
}

/* ---------------------------------------------------------------- response */

int
web_header_add(struct web_response *res, const char *name, const char *value)
{
	struct web_header *hd;

	/* header injection: no CR, LF or other control character in a value */
	for (const unsigned char *p = (const unsigned char *)value; *p; p++)
		if (*p < 0x20 && *p != '\t')
			return -1;
	hd = VEC_PUSH(&res->headers);
	hd->name = name;
	hd->value = web_strdup(res->req, value);
	return 0;
}

const char *
web_url(struct web_request *req, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	/* the program this thread's pages are written in (the server sets it per request) */
	url_in_program(&sb, html_program(), path);
	out = web_strdup(req, sb.buf);
	strbuf_release(&sb);
	return out;
}

void
web_redirect(struct web_response *res, const char *url)
{
	int local = url[0] == '/' && url[1] != '/' && url[1] != '\\';

	for (const unsigned char *p = (const unsigned char *)url; local && *p; p++)
		if (*p < 0x21 || *p == 0x7f)
			local = 0;
	res->status = 303;
	res->location = web_url(res->req, local ? url : "/");
	strbuf_reset(&res->body);
}

const char *
web_status_text(int status)
{
	/* marked: an error page shows its title translated (page.c); the status line does not */
	switch (status) {
	case 200: return N_("OK");
	case 303: return N_("See Other");
	case 400: return N_("Bad request");
	case 401: return N_("Not signed in");
	case 403: return N_("Not allowed");
	case 404: return N_("Not found");
	case 405: return N_("Method not allowed");
	case 411: return N_("Length required");
	case 413: return N_("Too large");
	case 414: return N_("Address too long");
	case 421: return N_("Wrong host");
	case 429: return N_("Too many requests");
	case 431: return N_("Request headers too large");
	case 500: return N_("Something went wrong");
	case 503: return N_("Unavailable");
	default: return N_("Error");
	}
}

/* --dev-cookie: set once by the server before it answers anything */
static int dev_cookie;

void
web_dev_cookie_set(int on)
{
	dev_cookie = on;
}

int
web_dev_cookie(void)
{
	return dev_cookie;
}

const char *
web_header(const struct web_request *req, const char *name)
{
	return req->conn ? mhd.lookup_connection_value(req->conn, MHD_HEADER_KIND, name) : NULL;
}
