/*
 * GET /static/trellis.css: the one stylesheet (src/view/style.c), served
 * as a file so that pages carry no inline style (CSP style-src 'self').
 * Cacheable, with an ETag so that a browser revalidates cheaply.
 *
 * GET /api and /api/v1: the JSON API's documentation, docs/api.md as the
 * binary was built with it (the Makefile makes it a C string), rendered
 * safely (cmark, no raw HTML) in the page frame. Public, like the docs.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../view/markdown.h"
#include "../view/style.h"
#include "../util/banned.h"

static char css_etag[24];
static pthread_once_t css_etag_once = PTHREAD_ONCE_INIT;

/* The stylesheet's ETag, FNV-1a of its bytes: it changes only with the binary, so once. */
static void
css_etag_make(void)
{
	uint64_t hash = 14695981039346656037ull;

	for (const unsigned char *p = (const unsigned char *)view_css; *p; p++)
		hash = (hash ^ *p) * 1099511628211ull;
	snprintf(css_etag, sizeof(css_etag), "\"%016llx\"", (unsigned long long)hash);
}

int
h_static_css(struct web_request *req, struct web_response *res)
{
	const char *inm = web_header(req, "If-None-Match");
	const char *etag;

	pthread_once(&css_etag_once, css_etag_make);
	etag = css_etag;
	res->cache_public = 1;
	res->content_type = "text/css; charset=utf-8";
	web_header_add(res, "Cache-Control", "public, max-age=3600");
	web_header_add(res, "ETag", etag);
	if (inm && strcmp(inm, etag) == 0) {
		res->status = 304;
		return 0;
	}
	res->status = 200;
	strbuf_addstr(&res->body, view_css);
	return 0;
}

/* docs/api.md (build/gen/api_doc.c) */
extern const char web_api_doc[];

int
h_api_docs(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = req->authenticated ? web_program(req) : NULL;
	const char *doc = web_api_doc, *nl;
	struct page pg;

	page_begin(&pg, res, wp ? &wp->program : NULL, "The JSON API", NULL, TAB_NONE);
	html_open(&pg.h, "p", "class", "meta", NULL);
	html_text(&pg.h, "Every route, its JSON and its errors, as this server answers them. "
	    "Use the API with a bearer token (trellis token add).");
	html_close(&pg.h);
	html_open(&pg.h, "div", "class", "doc", NULL);
	/* the page's own heading stands for the document's first line, its title */
	if (strncmp(doc, "# ", 2) == 0 && (nl = strchr(doc, '\n')) != NULL)
		doc = nl + 1;
	html_markdown(&pg.h, doc);
	html_close(&pg.h);
	page_end(&pg);
	return 0;
}
