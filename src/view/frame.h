#ifndef TRELLIS_FRAME_H
#define TRELLIS_FRAME_H
/*
 * The page frame every HTML page shares (PAGES.md "Navigation"): doctype,
 * head with the one stylesheet, a skip link, the top bar (program · the
 * places the person may go · account and sign-out), inside an initiative
 * its row of tabs with the current one marked, a notice after a change,
 * and <main> with the page's one <h1>.
 *
 * It takes a plain struct frame, filled by whoever knows the request
 * (src/web/page.c), so a page's frame can be tested without a server:
 *
 *	struct frame f = { .title = "Decisions", .brand = p->name, ... };
 *	frame_begin(&h, &f);
 *	html_elem(&h, "p", "...");	// everything through the escaping writer
 *	frame_end(&h);
 */
#include <stddef.h>

#include "html.h"

/* The initiative tabs of PAGES.md, in order. */
enum page_tab {
	TAB_NONE = -1,
	TAB_OVERVIEW,		/* /i/{slug} */
	TAB_TEAM,		/* /i/{slug}/members: members, committee, director, RACI */
	TAB_DECISIONS,		/* /i/{slug}/decisions */
	TAB_MONEY,		/* /i/{slug}/grants: grants, ledger, applications */
	TAB_CREDIT,		/* /i/{slug}/credits: credits and contributions */
	TAB_CHECKINS,		/* /i/{slug}/checkins */
	TAB_ENGAGEMENT,		/* /i/{slug}/events */
	TAB_SURVEYS,		/* /i/{slug}/surveys */
	TAB_NETWORK,		/* /i/{slug}/network (h_network.c); /i/{slug}/ties lists the ratings */
	TAB_RESULT,		/* /i/{slug}/observations: the shared result */
	TAB_TRANSFER,		/* /i/{slug}/import: import and export */
	TAB__MAX
};
/*
 * Each tab's label (English, marked for translation: show it through _())
 * and the path after /i/{slug} ("" for the overview, "/decisions").
 */
extern const char *const page_tab_labels[TAB__MAX];
extern const char *const page_tab_paths[TAB__MAX];

/* One link of the top bar: an initiative (its city), the program, the accounts. */
struct frame_place {
	const char *href;
	const char *label;
	const char *title;	/* may be NULL: the initiative's full name on hover */
	const char *cls;	/* may be NULL: "program" for the program's own links */
	int current;		/* 1: aria-current */
};

struct frame {
	const char *title;	/* the <title> ("… · Trellis") and the one <h1> */
	const char *lang;	/* NULL: "en" */
	const char *brand;	/* the program's name; NULL: "Trellis" */
	const char *user;	/* the signed-in person's email; NULL: nobody (no places, no account) */
	const char *role;	/* their role in words ("member"); may be NULL */
	const char *csrf;	/* the session's CSRF token for the sign-out form; may be NULL */
	const struct frame_place *places;	/* the top bar's links */
	size_t nplaces;
	const char *slug;	/* the initiative whose tabs are drawn; NULL: no tabs */
	const char *tabs_label;	/* the tab row's accessible name (the initiative's name) */
	int tab;		/* enum page_tab marked aria-current="page", or TAB_NONE */
	const char *flash;	/* a notice after a change ("Saved."), or NULL */
	/*
	 * The language switch (docs/i18n.md): self is this page's address
	 * (path and query, without any lang=) its links add ?lang=CODE to;
	 * NULL: no switch. The page's own words follow the thread's language
	 * (util/i18n.h), which the caller has set to lang's.
	 */
	const char *self;
};

/* Starts the page f in h (html_init'ed by the caller) through the <h1>. */
void frame_begin(struct html *h, const struct frame *f);
/* Closes <main>, <body> and <html>. */
void frame_end(struct html *h);

/* The href of the switch's link to lang under self: "/login?lang=es", "/x?a=1&lang=es". */
struct strbuf;
void frame_lang_href(struct strbuf *out, const char *self, int lang);

/* Writes the hidden CSRF field ("csrf") into a form when csrf is not NULL. */
void frame_csrf_field(struct html *h, const char *csrf);

#endif
