/*
 * The one route table (RELIABILITY.md: deny by default; every route is
 * declared here with the roles that may use it). Rows are indexed by enum
 * web_page in router.h, with designated initializers so that the order of
 * rows cannot drift from the enum's.
 */
#include "router.h"
#include "../util/banned.h"

const struct web_route web_routes[PAGE__MAX] = {
	/* STATIC_CSS: the one stylesheet; public, so the sign-in page has it */
	[PAGE_STATIC_CSS] = { WEB_GET, "/static/trellis.css", WEB_ANYONE, h_static_css, 0 },
	/* PROGRAM: the program portfolio (a member or viewer is sent to their initiative) */
	[PAGE_PROGRAM] = { WEB_GET, "/", WEB_READERS, h_program, 0 },
	/* DASHBOARD: an initiative's overview */
	[PAGE_DASHBOARD] = { WEB_GET, "/i/{slug}", WEB_READERS, h_dashboard, 0 },
};
