#ifndef TRELLIS_HTML_H
#define TRELLIS_HTML_H
/*
 * The escaping HTML writer (kcgi's kcgihtml): every byte of text and every
 * attribute value passes through html_text / the attribute list, which
 * escape & < > " '. Elements are pushed on a stack so that they always
 * close, in order. Tag and attribute names are the caller's constants,
 * never input. SVG is written with the same writer.
 */
#include <stdarg.h>

struct strbuf;

#define HTML_DEPTH 64

struct html {
	struct strbuf *out;		/* borrowed */
	const char *stack[HTML_DEPTH];	/* open elements */
	int depth;
	int overflow;			/* sticky: more than HTML_DEPTH elements were opened */
};

void html_init(struct html *h, struct strbuf *out);

/*
 * The program whose pages the calling thread writes, when a server holds
 * several (docs/web.md): every href, action, formaction and src that is a
 * path on this site ("/i/x") is then written inside it ("/p/P/i/x",
 * util/url.h), so a program's links stay in it. NULL (the default): paths
 * are written as given. The web server sets it per request, like the
 * thread's language; html_program() returns it.
 */
void html_program_use(const char *program);
const char *html_program(void);

/*
 * Opens element tag with attributes given as name, value pairs ending in
 * NULL; a NULL value leaves that attribute out, "" writes it bare (for
 * booleans like "checked").
 */
void html_open(struct html *h, const char *tag, ...);
/* Writes an element with no content and no end tag (meta, input, br, circle). */
void html_void(struct html *h, const char *tag, ...);
/* Closes the innermost open element. */
void html_close(struct html *h);
/* Closes open elements until depth elements remain. */
void html_close_to(struct html *h, int depth);
/* Writes text, escaped. */
void html_text(struct html *h, const char *s);
void html_textf(struct html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Opens tag, writes text, closes tag. */
void html_elem(struct html *h, const char *tag, const char *text);
/* Writes <thead> with one row of plain <th> headings, the texts up to NULL. */
void html_thead(struct html *h, ...) __attribute__((sentinel));
/* Writes markup the program itself produced (a doctype, cmark's safe HTML). Never input. */
void html_raw(struct html *h, const char *markup);

/* Appends s to out with & < > " ' escaped. */
void html_escape(struct strbuf *out, const char *s);

#endif
