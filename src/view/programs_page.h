#ifndef TRELLIS_VIEW_PROGRAMS_PAGE_H
#define TRELLIS_VIEW_PROGRAMS_PAGE_H
/*
 * The start page of a server of several programs (/, docs/web.md): the
 * programs the signed-in person may see, each a link to its own pages
 * under /p/{program}/. Plain data in, HTML out.
 */
#include <stddef.h>

struct html;

struct programs_page_item {
	const char *slug;	/* the program's slug: its pages are under /p/SLUG/ */
	const char *name;	/* its name */
};

struct programs_page {
	const struct programs_page_item *items;
	size_t n;
};

/* Writes the page's content (inside the frame's <main>) into h. */
void programs_page(struct html *h, const struct programs_page *pg);

#endif
