#ifndef TRELLIS_AUTHWEB_H
#define TRELLIS_AUTHWEB_H
/*
 * What the sign-in pages share with auth.c (web.h has the server's side:
 * web_authenticate, web_csrf_guard, web_audit).
 */
#include <stddef.h>

#include "../view/account_form.h"
#include "../view/html.h"
#include "web.h"

/* The session cookie's value (its name follows --dev-cookie), or NULL. */
const char *web_session_cookie(const struct web_request *req);

/*
 * Whether req may change things as far as its origin tells: no
 * Sec-Fetch-Site of cross-site, and an Origin (when sent) naming this
 * server. 1 yes, 0 no.
 */
int web_origin_ok(const struct web_request *req);

#endif
