/*
 * A small checker for the markup the view writes, used by the view tests:
 * every element that is opened is closed, in order; text between tags and
 * attribute values hold no raw < > " ' and no & that does not start one of
 * the writer's five entities. The content of <style> is raw text (CSS) and
 * is skipped. Not an HTML parser: it knows just enough for our own output.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define TC static __attribute__((unused))

#define TAGCHECK_DEPTH 256

/* Elements that never have an end tag in HTML. */
static const char *const tagcheck_void[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
	"source", "track", "wbr", NULL
};

static int
tagcheck_is_void(const char *name, size_t len)
{
	for (size_t i = 0; tagcheck_void[i]; i++)
		if (strlen(tagcheck_void[i]) == len && strncmp(tagcheck_void[i], name, len) == 0)
			return 1;
	return 0;
}

/* Checks that the & at s starts one of the entities the writer produces. */
static int
tagcheck_entity_ok(const char *s)
{
	static const char *const ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", NULL };

	for (size_t i = 0; ents[i]; i++)
		if (strncmp(s, ents[i], strlen(ents[i])) == 0)
			return 1;
	return 0;
}

/*
 * Returns 0 when html is balanced and clean; -1 with a message in err
 * (errsz bytes) naming the byte offset of the first problem. *nelems, when
 * not NULL, gets the number of elements opened.
 */
TC int
tagcheck(const char *html, char *err, size_t errsz, size_t *nelems)
{
	const char *stack[TAGCHECK_DEPTH];
	size_t lens[TAGCHECK_DEPTH];
	int depth = 0;
	size_t count = 0;
	const char *p = html;

	while (*p) {
		const char *name, *q;
		size_t len;
		int closing = 0;

		if (*p != '<') {
			if (*p == '>' || *p == '"' || *p == '\'') {
				snprintf(err, errsz, "offset %zu: raw '%c' in text", (size_t)(p - html), *p);
				return -1;
			}
			if (*p == '&' && !tagcheck_entity_ok(p)) {
				snprintf(err, errsz, "offset %zu: bare & in text: %.20s", (size_t)(p - html), p);
				return -1;
			}
			p++;
			continue;
		}
		if (p[1] == '!') {	/* doctype */
			q = strchr(p, '>');
			if (q == NULL) {
				snprintf(err, errsz, "offset %zu: unterminated <!", (size_t)(p - html));
				return -1;
			}
			p = q + 1;
			continue;
		}
		q = p + 1;
		if (*q == '/') {
			closing = 1;
			q++;
		}
		name = q;
		while (isalnum((unsigned char)*q) || *q == '-' || *q == ':')
			q++;
		len = (size_t)(q - name);
		if (len == 0) {
			snprintf(err, errsz, "offset %zu: '<' that starts no tag: %.20s", (size_t)(p - html), p);
			return -1;
		}
		if (closing) {
			if (*q != '>') {
				snprintf(err, errsz, "offset %zu: malformed end tag", (size_t)(p - html));
				return -1;
			}
			if (depth == 0 || lens[depth - 1] != len || strncmp(stack[depth - 1], name, len) != 0) {
				snprintf(err, errsz, "offset %zu: </%.*s> closes %s%.*s", (size_t)(p - html),
				    (int)len, name, depth ? "<" : "nothing",
				    depth ? (int)lens[depth - 1] : 0, depth ? stack[depth - 1] : "");
				return -1;
			}
			depth--;
			p = q + 1;
			continue;
		}
		/* attributes: name="value" pairs or bare names, up to > or /> */
		for (;;) {
			while (*q == ' ')
				q++;
			if (*q == '>' || (q[0] == '/' && q[1] == '>'))
				break;
			if (!isalpha((unsigned char)*q)) {
				snprintf(err, errsz, "offset %zu: bad attribute in <%.*s>: %.20s",
				    (size_t)(q - html), (int)len, name, q);
				return -1;
			}
			while (isalnum((unsigned char)*q) || *q == '-' || *q == ':' || *q == '_')
				q++;
			if (*q != '=')
				continue;
			if (q[1] != '"') {
				snprintf(err, errsz, "offset %zu: unquoted attribute value", (size_t)(q - html));
				return -1;
			}
			for (q += 2; *q && *q != '"'; q++)
				if (*q == '<' || *q == '>' || *q == '\'' ||
				    (*q == '&' && !tagcheck_entity_ok(q))) {
					snprintf(err, errsz, "offset %zu: raw '%c' in an attribute value",
					    (size_t)(q - html), *q);
					return -1;
				}
			if (*q != '"') {
				snprintf(err, errsz, "unterminated attribute value in <%.*s>", (int)len, name);
				return -1;
			}
			q++;
		}
		count++;
		if (*q == '/') {	/* self-closed (SVG) */
			p = q + 2;
			continue;
		}
		p = q + 1;
		if (tagcheck_is_void(name, len))
			continue;
		if (len == 5 && strncmp(name, "style", 5) == 0) {
			/* raw text up to its end tag */
			const char *end = strstr(p, "</style>");

			if (end == NULL) {
				snprintf(err, errsz, "unterminated <style>");
				return -1;
			}
			p = end + strlen("</style>");
			continue;
		}
		if (depth == TAGCHECK_DEPTH) {
			snprintf(err, errsz, "nested too deep");
			return -1;
		}
		stack[depth] = name;
		lens[depth] = len;
		depth++;
	}
	if (depth) {
		snprintf(err, errsz, "<%.*s> (and %d more) never closed", (int)lens[depth - 1],
		    stack[depth - 1], depth - 1);
		return -1;
	}
	if (nelems)
		*nelems = count;
	return 0;
}

/* Fails the test with the checker's message when html is not balanced and clean. */
#define assert_balanced(html) do { \
	char tc_err_[256]; \
	if (tagcheck((html), tc_err_, sizeof(tc_err_), NULL) != 0) \
		fail_msg("markup: %s", tc_err_); \
} while (0)

/* Counts the occurrences of needle in hay. */
TC size_t
count_of(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);

	for (const char *s = hay; (s = strstr(s, needle)) != NULL; s += len)
		n++;
	return n;
}
