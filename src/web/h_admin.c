/*
 * The admin pages: /admin/users and /admin/audit (being written).
 */
#include "router.h"
#include "../util/banned.h"

int
h_admin_users(struct web_request *req, struct web_response *res)
{
	(void)req;
	return web_error(res, 404, "Not yet.");
}

int
h_admin_users_post(struct web_request *req, struct web_response *res)
{
	(void)req;
	return web_error(res, 404, "Not yet.");
}

int
h_admin_audit(struct web_request *req, struct web_response *res)
{
	(void)req;
	return web_error(res, 404, "Not yet.");
}
