#ifndef TRELLIS_URL_H
#define TRELLIS_URL_H
/*
 * A program's addresses (docs/web.md, "Several programs on one server"):
 * with several programs on one server each is its own namespace of
 * slugs, its pages under /p/{program}/ and its API under
 * /api/v1/programs/{program}/. The one place where a site path is put into
 * a program: the HTML writer (view/html.c) for every link and form, the
 * server for redirects and the API's Location.
 */
struct strbuf;

/*
 * Appends path ("/i/x?as_of=…", a path on this site) as seen in program
 * (NULL: the server's only program, path unchanged): "/" → "/p/P/",
 * "/i/x" → "/p/P/i/x", "/api/v1/…" → "/api/v1/programs/P/…" (but the
 * API's root, its documentation, "/api/v1" → "/p/P/api/v1"); the
 * stylesheet (/static/…) and anything that is not a local path (an empty
 * string, "//host", "#top", "https:…") are appended unchanged.
 */
void url_in_program(struct strbuf *out, const char *program, const char *path);

/*
 * The program a path names and the path inside it: "/p/P/i/x" → P and
 * "/i/x", "/p/P" and "/p/P/" → P and "/", "/api/v1/programs/P/initiatives"
 * → P and "/api/v1/initiatives", "/api/v1/programs/P" → P and
 * "/api/v1/program". program and rest are appended to (both still
 * percent-encoded, as path was). Returns 1 when path names a program, 0
 * when it does not (nothing appended), -1 when it names an empty one
 * ("/p//i/x": no such page).
 */
int url_program_split(const char *path, struct strbuf *program, struct strbuf *rest);

#endif
