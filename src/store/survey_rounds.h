#ifndef TRELLIS_SURVEY_ROUNDS_H
#define TRELLIS_SURVEY_ROUNDS_H
/*
 * Survey rounds in the store (DESIGN §4, §7; docs/surveys.md): one-time
 * invitations to answer a survey, the answers they bring, and closing a
 * round. A round itself is a survey record (opened, no responses), added
 * like any record (app/edit.h).
 *
 * An invitation is a random token (32 bytes, base64url: 43 characters)
 * handed to a respondent as a link; the store keeps only its SHA-256, its
 * survey and its respondent group — never a person or an email. An answer
 * stores a response (survey, group, answers) and marks the invitation used
 * in one transaction, with nothing that joins the two: the response has
 * no invitation column and a random id, no time is kept on either.
 *
 * Every function returns 0 on success or -1 with a message in err, unless
 * it says otherwise.
 */
#include <stdint.h>

#include "../model/model.h"
#include "../util/date.h"

struct store;
struct strbuf;

#define SURVEY_TOKEN_CHARS	43	/* base64url of 32 random bytes, no padding */
#define SURVEY_INVITE_MAX	1000	/* links made at once */

/* A token as text: SURVEY_TOKEN_CHARS characters and a NUL. */
typedef char survey_token[SURVEY_TOKEN_CHARS + 1];

/*
 * Makes count (1..SURVEY_INVITE_MAX) invitations of respondent group
 * (enum group) to survey ident of initiative slug, in one transaction,
 * and writes their tokens to tokens[0..count) (the only copy: print them
 * now). Returns 1 when there is no such survey, 2 when it is closed.
 */
int store_survey_invite(struct store *s, const char *initiative, const char *ident,
    int group, int count, survey_token *tokens, struct strbuf *err);

/*
 * Closes survey ident of initiative slug on date closed. Returns 1 when
 * there is no such survey, 2 when it was closed already, 3 when closed is
 * before the day it opened (nothing changed then).
 */
int store_survey_close(struct store *s, const char *initiative, const char *ident,
    tdate closed, struct strbuf *err);

/* What an invitation token finds (strings owned: store_invitation_release). */
struct store_invitation {
	char *initiative;	/* the initiative's slug */
	char *survey;		/* the survey's ident */
	int group;		/* enum group */
	int used;		/* 1: it has answered */
	int closed;		/* 1: its survey is closed */
};
void store_invitation_release(struct store_invitation *inv);

/*
 * Looks up the invitation of token (text as received; anything not of the
 * token's form finds nothing). Returns 0 with inv filled in, 1 when there
 * is none (inv left empty).
 */
int store_invitation_find(struct store *s, const char *token,
    struct store_invitation *inv, struct strbuf *err);

/* What store_invitation_answer did. */
enum store_answer_result {
	STORE_ANSWER_ERROR = -1,	/* err says why; nothing stored */
	STORE_ANSWER_OK = 0,		/* the response stored, the invitation used */
	STORE_ANSWER_NONE,		/* no such invitation */
	STORE_ANSWER_USED,		/* it has answered already */
	STORE_ANSWER_CLOSED		/* its survey is closed */
};

/*
 * Stores the response of token's invitation: its survey, its group and
 * the n answers (items and values 1..5, checked by the caller against the
 * instrument), and marks the invitation used — in one BEGIN IMMEDIATE
 * transaction, all or nothing. The response's id is random, so the rows'
 * order says nothing of when, or by which invitation, it was given.
 */
enum store_answer_result store_invitation_answer(struct store *s, const char *token,
    const struct answer *answers, size_t n, struct strbuf *err);

/* Invitations of a survey per group (enum group): made, and used. */
struct store_invitation_counts {
	int64_t issued[GROUP__MAX];
	int64_t used[GROUP__MAX];
};
/* Counts the invitations of survey ident of initiative slug (zeros when none). */
int store_survey_invitation_counts(struct store *s, const char *initiative,
    const char *ident, struct store_invitation_counts *c, struct strbuf *err);

/*
 * Where an instrument is used, across the initiatives of a program: one
 * row per survey that uses it (its initiative's slug and name, its id,
 * opened, and how many responses it has), in stored order; and the codes
 * of its items that any answer uses. Read by query, not from a loaded
 * program: the instrument's page names every initiative's surveys.
 */
struct store_instrument_use {
	char *initiative, *initiative_name, *survey;
	tdate opened;
	int64_t responses;
};
struct store_instrument_uses {
	struct store_instrument_use *v;
	size_t n, alloc;
};
int store_instrument_usage(struct store *s, const char *program, const char *code,
    struct store_instrument_uses *uses, struct store_slugs *answered, struct strbuf *err);
void store_instrument_uses_release(struct store_instrument_uses *uses);

/*
 * The id a new round of in gets when none is given: "s-" and the first
 * number from 1 up that no survey of in has. Appends it to out.
 */
void store_survey_default_id(const struct initiative *in, struct strbuf *out);

#endif
