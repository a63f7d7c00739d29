#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "../util/strbuf.h"
#include "../util/url.h"
#include "../util/banned.h"

/* The program whose pages this thread writes (html_program_use), NULL: the only one. */
static _Thread_local const char *program_here;

void
html_program_use(const char *program)
{
	program_here = program;
}

const char *
html_program(void)
{
	return program_here;
}

/* Whether attribute name holds an address on this site that a program's page puts in the program. */
static int
is_link(const char *name)
{
	return strcmp(name, "href") == 0 || strcmp(name, "action") == 0 ||
	    strcmp(name, "formaction") == 0 || strcmp(name, "src") == 0;
}

void
html_init(struct html *h, struct strbuf *out)
{
	h->out = out;
	h->depth = 0;
	h->overflow = 0;
}

void
html_escape(struct strbuf *out, const char *s)
{
	for (;;) {
		size_t run = strcspn(s, "&<>\"'");	/* what needs no escape, in one copy */

		strbuf_add(out, s, run);
		s += run;
		switch (*s) {
		case '\0': return;
		case '&': strbuf_addstr(out, "&amp;"); break;
		case '<': strbuf_addstr(out, "&lt;"); break;
		case '>': strbuf_addstr(out, "&gt;"); break;
		case '"': strbuf_addstr(out, "&quot;"); break;
		default: strbuf_addstr(out, "&#39;"); break;
		}
		s++;
	}
}

static void
start_tag(struct html *h, const char *tag, va_list ap, int selfclose)
{
	const char *name, *value;

	strbuf_addch(h->out, '<');
	strbuf_addstr(h->out, tag);
	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		if (value == NULL)
			continue;
		strbuf_addch(h->out, ' ');
		strbuf_addstr(h->out, name);
		if (*value) {
			strbuf_addstr(h->out, "=\"");
			if (program_here && value[0] == '/' && is_link(name)) {
				struct strbuf url = STRBUF_INIT;

				url_in_program(&url, program_here, value);
				html_escape(h->out, url.buf);
				strbuf_release(&url);
			} else
				html_escape(h->out, value);
			strbuf_addch(h->out, '"');
		}
	}
	strbuf_addstr(h->out, selfclose ? "/>" : ">");
}

void
html_open(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	start_tag(h, tag, ap, 0);
	va_end(ap);
	if (h->depth < HTML_DEPTH)
		h->stack[h->depth++] = tag;
	else
		h->overflow = 1;
}

void
html_void(struct html *h, const char *tag, ...)
{
	va_list ap;
	/* SVG elements need the self-closing form; HTML void elements accept it */
	va_start(ap, tag);
	start_tag(h, tag, ap, 1);
	va_end(ap);
}

void
html_close(struct html *h)
{
	if (h->depth == 0)
		return;
	h->depth--;
	strbuf_addstr(h->out, "</");
	strbuf_addstr(h->out, h->stack[h->depth]);
	strbuf_addch(h->out, '>');
}

void
html_close_to(struct html *h, int depth)
{
	while (h->depth > depth && h->depth > 0)
		html_close(h);
}

void
html_text(struct html *h, const char *s)
{
	if (s)
		html_escape(h->out, s);
}

void
html_textf(struct html *h, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	html_escape(h->out, sb.buf);
	strbuf_release(&sb);
}

void
html_elem(struct html *h, const char *tag, const char *text)
{
	html_open(h, tag, NULL);
	html_text(h, text);
	html_close(h);
}

void
html_thead(struct html *h, ...)
{
	va_list ap;
	const char *th;

	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	va_start(ap, h);
	while ((th = va_arg(ap, const char *)) != NULL)
		html_elem(h, "th", th);
	va_end(ap);
	html_close(h);
	html_close(h);
}

void
html_raw(struct html *h, const char *markup)
{
	strbuf_addstr(h->out, markup);
}
