/*
 * A program's addresses: see url.h and docs/web.md.
 */
#include <string.h>

#include "strbuf.h"
#include "url.h"
#include "banned.h"

#define API	"/api/v1"
#define API_IN	"/api/v1/programs/"

/* Whether s begins with the path segment(s) seg: "/api/v1" matches "/api/v1" and "/api/v1/x". */
static int
under(const char *s, const char *seg)
{
	size_t n = strlen(seg);

	return strncmp(s, seg, n) == 0 && (s[n] == '\0' || s[n] == '/' || s[n] == '?' ||
	    s[n] == '#');
}

void
url_in_program(struct strbuf *out, const char *program, const char *path)
{
	if (program == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
	    under(path, "/static")) {
		strbuf_addstr(out, path);
		return;
	}
	if (strncmp(path, API "/", strlen(API) + 1) == 0) {
		strbuf_addstr(out, API_IN);
		strbuf_addstr(out, program);
		strbuf_addstr(out, path + strlen(API));
		return;
	}
	strbuf_addstr(out, "/p/");
	strbuf_addstr(out, program);
	strbuf_addstr(out, path);
}

int
url_program_split(const char *path, struct strbuf *program, struct strbuf *rest)
{
	const char *p, *end;
	int api;

	if (strncmp(path, "/p/", 3) == 0)
		api = 0, p = path + 3;
	else if (strncmp(path, API_IN, strlen(API_IN)) == 0)
		api = 1, p = path + strlen(API_IN);
	else
		return 0;
	end = p + strcspn(p, "/");
	if (end == p)
		return -1;
	strbuf_add(program, p, (size_t)(end - p));
	if (api) {
		/* the program itself is /api/v1/program, as with one program */
		strbuf_addstr(rest, API);
		strbuf_addstr(rest, *end ? end : "/program");
	} else
		strbuf_addstr(rest, *end && end[1] ? end : "/");
	return 1;
}
