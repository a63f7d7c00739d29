#ifndef TRELLIS_APP_PROPOSALS_H
#define TRELLIS_APP_PROPOSALS_H
/*
 * Proposals (DESIGN §9, docs/proposals.md): opened, answered by the asked
 * organizations, closed into a decision record. Each is a change made
 * through an open write (app/write.h) on w->in, audited like any record
 * (app_add / app_update); the caller commits, after queueing the mail of
 * the event in the same transaction (mail/proposals.c).
 *
 * Each returns an enum app_result: APP_INVALID with e naming the field
 * (the JSON field or form field: "title", "answers.3.reason", ...), or
 * APP_CONFLICT when the proposal is closed.
 */
#include "../model/model.h"
#include "../model/validate.h"
#include "edit.h"

struct app_write;
struct strbuf;

/* Returns the index of proposal id in in, or -1. */
long app_proposal_find(const struct initiative *in, const char *id);

/*
 * Opens pr (title, body, category, closes, asked, decider filled in by the
 * caller) in w->in: it gets the next free id ("P-1", "P-2", ...), opened
 * today, no answers, no outcome. pr is left empty either way. On APP_OK
 * *index is the proposal's index in w->in->proposals.
 */
enum app_result app_proposal_open(struct app_write *w, struct proposal *pr, tdate today,
    const char *actor, size_t *index, struct app_change *c, struct model_error *e,
    struct strbuf *err);

/*
 * Adds the answer of organization org to proposal i: stance, reason
 * (required for concerns and object), dated today, recorded_by the
 * actor's email when the actor answers for another organization than its
 * own (own_org, NULL when the account has none). An organization the
 * proposal did not ask is refused (APP_INVALID, field "org"). The
 * organization's earlier answers stay as its history; the latest stands.
 */
enum app_result app_proposal_answer(struct app_write *w, size_t i, const char *org,
    int stance, const char *reason, tdate today, const char *actor, const char *own_org,
    struct app_change *c, struct model_error *e, struct strbuf *err);

/*
 * Closes proposal i with outcome on decided, and adds the decision record
 * it makes (docs/proposals.md): title, category and decider the
 * proposal's, proposed its opening date, consulted the organizations that
 * answered, informed the initiative's members (the team, DESIGN §2),
 * contrary views each organization's standing concerns or objection with
 * its reason. The decision's id (the proposal's when free) is appended to
 * decision_id. Both changes are audited.
 */
enum app_result app_proposal_close(struct app_write *w, size_t i, const char *outcome,
    tdate decided, const char *actor, struct strbuf *decision_id, struct model_error *e,
    struct strbuf *err);

#endif
