#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "markdown.h"
#include "../util/banned.h"

void
html_markdown(struct html *h, const char *text)
{
	char *out;

	html_open(h, "div", "class", "md", NULL);
	/* CMARK_OPT_SAFE is the default since 0.29; say it for the reader, never UNSAFE */
	out = cmark_markdown_to_html(text, strlen(text), CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS);
	if (out) {
		html_raw(h, out);
		free(out);
	}
	html_close(h);
}
