#ifndef TRELLIS_APP_APPROVALS_H
#define TRELLIS_APP_APPROVALS_H
/*
 * Disbursement approval (issue 13, item 7; docs/approvals.md). A ledger
 * entry entered on the web or the API at or above the program's
 * approval_threshold is pending until two organizations approve it: first
 * one holding A for "approve budget" in the initiative's RACI, then any
 * other current member organization of the initiative. One rejection
 * (with its reason) rejects it. Only approved entries count in the
 * figures (ledger_counts, model.h). The approvals are append-only: each
 * is added by app_ledger_approve through the one write path, audited as
 * an update of the entry.
 */
#include <stddef.h>

#include "../model/model.h"
#include "../model/validate.h"
#include "edit.h"

struct app_write;
struct store;
struct strbuf;

/* The name of the responsibility whose A-holders give the first approval. */
#define APPROVAL_RESPONSIBILITY "approve budget"

/* Returns the index of ledger entry id in in, or -1. */
long app_ledger_find(const struct initiative *in, const char *id);

/* Whether organization org holds A for "approve budget" in in's RACI. */
int app_approval_holds_a(const struct initiative *in, const char *org);

/*
 * Whether organization org may approve or reject entry e of in now: e is
 * pending, org has not acted on it, and org holds A for "approve budget",
 * or another organization approved it first and org is a current member.
 * When not, why (when not NULL) gets the reason in words.
 */
int app_approval_may(const struct program *p, const struct initiative *in, const struct ledger_entry *e,
    const char *org, struct strbuf *why);

/* Organizations' slugs (borrowed). */
struct app_slugs {
	const char **v;
	size_t n, alloc;
};

/*
 * Appends to out every organization of in that may approve or reject e
 * now (app_approval_may), once each: the A-holders of "approve budget"
 * first, then the other members, in the initiative's order. The slugs are
 * in's. Empty when e is not pending.
 */
void app_approval_next(const struct program *p, const struct initiative *in,
    const struct ledger_entry *e, struct app_slugs *out);

/*
 * Adds organization org's verdict (VERDICT_APPROVE or VERDICT_REJECT) on
 * ledger entry i of w->in, dated today, by actor (an account's email),
 * on_behalf when own_org (the account's organization, NULL when none) is
 * not org. A rejection needs a reason (APP_INVALID, field "reason"); an
 * organization that may not act is APP_INVALID on "org"; an entry not
 * pending, or an organization that acted already, is APP_CONFLICT. The
 * second approval makes it approved, a rejection rejected.
 */
enum app_result app_ledger_approve(struct app_write *w, size_t i, const char *org,
    int verdict, const char *reason, tdate today, const char *actor, const char *own_org,
    struct app_change *c, struct model_error *e, struct strbuf *err);

#endif
