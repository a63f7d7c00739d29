#ifndef TRELLIS_PAGE_H
#define TRELLIS_PAGE_H
/*
 * The page frame every HTML page shares (PAGES.md): doctype, head with the
 * one stylesheet, a skip link, the top bar (program · the initiatives the
 * person may see · Program · account and sign-out), inside an initiative
 * its row of tabs, and <main> with the page's one <h1>.
 *
 *	struct page pg;
 *	page_begin(&pg, res, &wp->program, "Decisions", in, TAB_DECISIONS);
 *	html_elem(&pg.h, "p", "...");	// everything through the escaping writer
 *	page_end(&pg);
 *
 * The frame writes into res->body and sets the content type; the server
 * adds the security headers. No inline style or script, ever.
 */
#include "../view/frame.h"
#include "../view/html.h"
#include "web.h"

struct page {
	struct html h;			/* write the page's content with this */
	struct web_response *res;
};

/*
 * Starts the page titled title (the <title> and the one <h1>) in res. p
 * (may be NULL: error pages) gives the top bar's program and initiatives,
 * filtered by what res->req's user may see; in (may be NULL) draws its
 * tabs with tab marked as the current one.
 */
void page_begin(struct page *pg, struct web_response *res, const struct program *p,
    const char *title, const struct initiative *in, int tab);
/*
 * Fills f (src/view/frame.h) for a page of req: the program's name, the
 * signed-in person, the places they may go, in's tabs with tab current.
 * What page_begin draws; pages rendered by src/view take f instead.
 */
void page_frame(struct frame *f, struct web_request *req, const struct program *p,
    const char *title, const struct initiative *in, int tab);
/* Marks res as an HTML page with status, once a view has written res->body. */
void page_send(struct web_response *res, int status);

/* Closes <main>, <body> and <html>. */
void page_end(struct page *pg);

/* Writes a whole error page: status, a heading and message. */
void page_error(struct web_response *res, int status, const char *title, const char *message);

/*
 * The report period of a page from its query (as_of=YYYY-MM-DD, months=N).
 * The default as-of is today, or the program's end when the program ended
 * before today (docs/web.md); the default months 12. Returns 0, or -1 with
 * a message for the person in *msg (static text) for a bad value.
 */
int page_period(const struct web_request *req, const struct program *p,
    tdate *as_of, int *months, const char **msg);

/*
 * Answers a request whose period page_period refused: 400 with the page
 * titled title in the frame (in, tab as page_begin), an error summary, and
 * the period form (GET action) with what was typed and the message beside
 * the field at fault, so the person corrects it there. Returns 1 when it
 * answered, 0 when the period is good (nothing written).
 */
int page_period_refused(struct web_response *res, const struct program *p, const char *title,
    const struct initiative *in, int tab, const char *action);

/*
 * Writes the small GET form that changes the period (works without
 * JavaScript): an as-of date input and a months number input.
 */
void page_period_form(struct html *h, const char *action, tdate as_of, int months);

/*
 * Writes the hidden CSRF field ("csrf") of the request's session into a
 * form being written with h, when there is a session; every POST form
 * calls it.
 */
void page_csrf_field(struct html *h, const struct web_request *req);

#endif
