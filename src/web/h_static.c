/*
 * GET /static/trellis.css: the one stylesheet (src/view/style.c), served
 * as a file so that pages carry no inline style (CSP style-src 'self').
 * Cacheable, with an ETag so that a browser revalidates cheaply.
 */
#include <stdio.h>
#include <string.h>

#include "router.h"
#include "../view/style.h"
#include "../util/banned.h"

int
h_static_css(struct web_request *req, struct web_response *res)
{
	const char *inm = web_header(req, "If-None-Match");
	uint64_t hash = 14695981039346656037ull;
	char etag[24];

	/* FNV-1a of the stylesheet: it changes only with the binary */
	for (const unsigned char *p = (const unsigned char *)view_css; *p; p++)
		hash = (hash ^ *p) * 1099511628211ull;
	snprintf(etag, sizeof(etag), "\"%016llx\"", (unsigned long long)hash);
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
