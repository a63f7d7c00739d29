/*
 * R3: the HTML escaper. Property: whatever the input, html_escape's output
 * holds no raw < > " ' (and every & starts one of the five entities), and
 * input without those characters comes out unchanged; the element writer's
 * text and attribute values obey the same.
 */
#include "fuzz_common.h"
#include "util/strbuf.h"
#include "view/html.h"
#include "util/banned.h"

static void
check_escaped(const char *out, size_t len, const char *what)
{
	static const char *const entities[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };

	for (size_t i = 0; i < len; i++) {
		int ok = 0;

		switch (out[i]) {
		case '<': case '>': case '"': case '\'':
			fprintf(stderr, "%s: raw %c at %zu\n", what, out[i], i);
			fuzz_fail("a raw < > \" ' left the escaper");
		case '&':
			for (size_t e = 0; e < 5; e++)
				ok |= strncmp(out + i, entities[e], strlen(entities[e])) == 0;
			if (!ok)
				fuzz_fail("an & that starts no entity left the escaper");
			break;
		default:
			break;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf out = STRBUF_INIT, page = STRBUF_INIT;
	struct html h;
	char *s = fuzz_cstr(data, size);
	const char *body, *end;

	html_escape(&out, s);
	check_escaped(out.buf, out.len, "html_escape");
	if (strpbrk(s, "&<>\"'") == NULL && strcmp(out.buf, s) != 0)
		fuzz_fail("text without special characters was changed");

	/* The writer: the input as text and as an attribute value. */
	html_init(&h, &page);
	html_open(&h, "p", "title", s, NULL);
	html_text(&h, s);
	html_close(&h);
	body = strchr(page.buf, '>');
	end = page.buf + page.len - strlen("</p>");
	if (body == NULL || end < body || strcmp(end, "</p>") != 0)
		fuzz_fail("the element writer lost its tags");
	check_escaped(body + 1, (size_t)(end - body - 1), "html_text");
	if (strncmp(page.buf, "<p title=\"", 10) == 0)
		check_escaped(page.buf + 10, (size_t)(body - 1 - (page.buf + 10)), "attribute");
	free(s);
	strbuf_release(&out);
	strbuf_release(&page);
	return 0;
}
