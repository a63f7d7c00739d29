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
	/* LOGIN: the sign-in form; public */
	[PAGE_LOGIN] = { WEB_GET, "/login", WEB_ANYONE, h_login, 0 },
	/* LOGIN_POST: signs in (no session yet: only the origin check guards it) */
	[PAGE_LOGIN_POST] = { WEB_POST, "/login", WEB_ANYONE, h_login_post, 0 },
	/* LOGOUT: ends the session (with its CSRF token); anyone, so a stale cookie still clears */
	[PAGE_LOGOUT] = { WEB_POST, "/logout", WEB_ANYONE, h_logout, 0 },
	/* ADMIN_USERS: the accounts, and the forms that change them */
	[PAGE_ADMIN_USERS] = { WEB_GET, "/admin/users", WEB_ADMIN, h_admin_users, 0 },
	/* ADMIN_USERS_POST: add a user, change a role, disable, enable, remove */
	[PAGE_ADMIN_USERS_POST] = { WEB_POST, "/admin/users", WEB_ADMIN, h_admin_users_post, 0 },
	/* ADMIN_AUDIT: the audit log, newest first, paged, by initiative */
	[PAGE_ADMIN_AUDIT] = { WEB_GET, "/admin/audit", WEB_ADMIN, h_admin_audit, 0 },
};
