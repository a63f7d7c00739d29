#ifndef TRELLIS_APP_ANSWERS_H
#define TRELLIS_APP_ANSWERS_H
/*
 * Survey answers through a group commit (docs/architecture.md, "Writing").
 * An answer is a small write whose cost is its commit's fsync (R1: it is
 * durable before it is acknowledged). Answers given at the same moment,
 * from several threads of one process, share one transaction: the first
 * caller that finds no commit running takes every answer waiting (its
 * own among them) and writes them with store_invitation_answer_all on its
 * own connection; the others wait, and whichever finds its answer not yet
 * taken when that commit ends leads the next one. No thread of its own,
 * nothing acknowledged before its commit.
 */
#include <stddef.h>

#include "../store/store.h"
#include "../store/survey_rounds.h"

struct store;
struct strbuf;

/*
 * Stores the answers of token's invitation as store_invitation_answer
 * does (same results), in a transaction shared with the answers other
 * threads give at the same moment. s is the calling thread's connection.
 * The group's transaction is one write (app_txn_run): run again whole on
 * a conflict; STORE_ANSWER_ERROR with *gave_up (may be NULL) set when
 * every run of it conflicted.
 */
enum store_answer_result app_survey_answer(struct store *s, const char *token,
    const struct answer *answers, size_t n, int *gave_up, struct strbuf *err);

/*
 * store_survey_close as one write (app_txn_run): run again on a conflict.
 * Same returns; -1 with *gave_up (may be NULL) set after the last conflict.
 */
struct store_audit_entry;
int app_survey_close(struct store *s, const char *initiative, const char *ident, tdate closed,
    const struct store_audit_entry *audit, int *gave_up, struct strbuf *err);

#endif
