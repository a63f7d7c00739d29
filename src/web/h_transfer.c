/* Import and export pages. */
#include "router.h"
#include "../util/banned.h"

int
h_transfer(struct web_request *req, struct web_response *res)
{
	(void)req;
	return web_error(res, 501, "Not yet.");
}

int
h_import_post(struct web_request *req, struct web_response *res)
{
	(void)req;
	return web_error(res, 501, "Not yet.");
}

int
h_export(struct web_request *req, struct web_response *res)
{
	(void)req;
	return web_error(res, 501, "Not yet.");
}
