#ifndef TRELLIS_WEB_FUNDER_H
#define TRELLIS_WEB_FUNDER_H
/*
 * What the program page shows of the program team's workspace (h_funder.c):
 * the open follow-ups of every initiative's check-ins.
 */
#include "../view/html.h"
#include "web.h"

/* Writes the open follow-ups of the catalog p's initiatives. Returns 0, or -1 (logged). */
int funder_followups(struct web_request *req, const struct program *p, struct html *h);

#endif
