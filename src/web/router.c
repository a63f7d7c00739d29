/*
 * The router: a path and a method against the route table, and the access
 * rule of RELIABILITY.md (deny by default; another initiative's pages
 * answer 404, the same as pages that do not exist).
 */
#include <string.h>

#include "router.h"
#include "../util/banned.h"

/*
 * Splits the raw path into decoded segments in buf. Returns the count, or
 * -1 for a bad encoding, a control character, or more than max segments
 * (which cannot match anything: 0 is returned as "no match" via max + 1).
 */
static int
split(const char *path, char *buf, char **seg, int max)
{
	int n = 0;
	char *w = buf;

	if (path[0] != '/')
		return -1;
	path++;
	if (*path == '\0')
		return 0;	/* "/" has no segments */
	for (;;) {
		const char *slash = strchr(path, '/');
		size_t len = slash ? (size_t)(slash - path) : strlen(path);

		if (n == max)
			return max + 1;
		memcpy(w, path, len);
		w[len] = '\0';
		if (web_urldecode(w, 0))
			return -1;
		for (const unsigned char *p = (const unsigned char *)w; *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				return -1;
		seg[n++] = w;
		w += strlen(w) + 1;
		if (slash == NULL)
			break;
		path = slash + 1;
	}
	return n;
}

#define MAX_SEGMENTS 16

/* Whether pattern matches the n segments seg; fills the captures of m. */
static int
match_pattern(const char *pattern, char **seg, int n, struct web_match *m)
{
	char *slug = NULL, *kind = NULL, *id = NULL;
	const char *p = pattern + 1;
	int i = 0;

	if (*p == '\0')
		return n == 0;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);

		if (i == n)
			return 0;
		if (len > 2 && p[0] == '{' && p[len - 1] == '}') {
			/* a capture never matches an empty or over-long segment */
			if (seg[i][0] == '\0' || strlen(seg[i]) > WEB_SEGMENT_MAX)
				return 0;
			if (strncmp(p, "{slug}", len) == 0)
				slug = seg[i];
			else if (strncmp(p, "{kind}", len) == 0)
				kind = seg[i];
			else if (strncmp(p, "{id}", len) == 0)
				id = seg[i];
			else
				return 0;
		} else if (strlen(seg[i]) != len || strncmp(p, seg[i], len) != 0)
			return 0;
		i++;
		if (slash == NULL)
			break;
		p = slash + 1;
	}
	if (i != n)
		return 0;
	m->slug = slug;
	m->kind = kind;
	m->id = id;
	return 1;
}

static int
captures(const struct web_match *t)
{
	return (t->slug != NULL) + (t->kind != NULL) + (t->id != NULL);
}

int
web_route_match(const struct web_route *table, size_t n, const char *path,
    int method, char *buf, struct web_match *m)
{
	char *seg[MAX_SEGMENTS];
	int nseg, best = 0;

	memset(m, 0, sizeof(*m));
	if ((nseg = split(path, buf, seg, MAX_SEGMENTS)) < 0)
		return -1;
	if (nseg > MAX_SEGMENTS)
		return WEB_MATCH_NONE;
	for (size_t i = 0; i < n; i++) {
		const struct web_route *r = &table[i];
		int answers = r->method | (r->method & WEB_GET ? WEB_HEAD : 0);
		struct web_match t;

		memset(&t, 0, sizeof(t));
		/* a page declared in the enum without its row is no route: deny by default */
		if (r->pattern == NULL || r->handler == NULL)
			continue;
		if (!match_pattern(r->pattern, seg, nseg, &t))
			continue;
		m->allow |= answers;
		if (r->flags & WEB_R_SECRET)
			m->secret = r->pattern;
		/*
		 * The most literal row wins ("/i/{slug}/import" over
		 * "/i/{slug}/{kind}", ".../new" over ".../{id}"), then the
		 * first: rows may be added in any order.
		 */
		if ((answers & method) && (m->route == NULL || captures(&t) < best)) {
			best = captures(&t);
			m->route = r;
			m->slug = t.slug;
			m->kind = t.kind;
			m->id = t.id;
		}
	}
	if (m->route)
		return WEB_MATCH_OK;
	return m->allow ? WEB_MATCH_METHOD : WEB_MATCH_NONE;
}

int
web_access(const struct web_route *r, const struct web_user *user, const char *slug)
{
	if (r->roles & WEB_ANON)
		return WEB_ALLOW;
	if (user == NULL || web_role_name(user->role) == NULL)
		return WEB_DENY_LOGIN;
	/* confinement first: another initiative is not there at all, whatever the route */
	if (slug && (user->role == WEB_MEMBER || user->role == WEB_VIEWER) &&
	    (user->initiative == NULL || strcmp(user->initiative, slug) != 0))
		return WEB_DENY_HIDDEN;
	if ((r->roles & user->role) == 0)
		return WEB_DENY_FORBIDDEN;
	return WEB_ALLOW;
}
