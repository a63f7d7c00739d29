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
 * survey, its respondent group and the person of the team it was made for
 * (so that a person gets at most one link per round, and the group follows
 * from who they are, never from a choice of whoever makes the links). An
 * answer stores a response (survey, group, answers) and marks the
 * invitation used in one transaction, with nothing that joins the two: the
 * response has no invitation column and a random id, no time is kept on
 * either. While a round is open only its number of responses as of the
 * start of the day is read (store_survey_invitation_counts).
 *
 * Every function returns 0 on success or -1 with a message in err, unless
 * it says otherwise.
 */
#include <stdint.h>

#include "../model/model.h"
#include "../util/date.h"

struct store;
struct store_audit_entry;
struct strbuf;

#define SURVEY_TOKEN_CHARS	43	/* base64url of 32 random bytes, no padding */
#define SURVEY_INVITE_MAX	1000	/* links made at once */

/* A token as text: SURVEY_TOKEN_CHARS characters and a NUL. */
typedef char survey_token[SURVEY_TOKEN_CHARS + 1];

/*
 * A person of a round's team: the initiative's director, and every person
 * of the program whose organization is its backbone or a member. Their
 * group follows from who they are: the director; the backbone's people;
 * everyone else a partner.
 */
struct survey_member {
	int64_t id;		/* the person's row */
	char *person, *name;	/* slug and name */
	char *email;		/* or NULL */
	int group;		/* enum group */
	int has_link;		/* a link of this round was made for them */
};
struct survey_team {
	struct survey_member *v;
	size_t n, alloc;
};
void survey_team_release(struct survey_team *t);

/*
 * The team of survey ident of initiative slug, by slug. Returns 1 when
 * there is no such survey (team left empty).
 */
int store_survey_team(struct store *s, const char *initiative, const char *ident,
    struct survey_team *team, struct strbuf *err);

/*
 * One link made: the person it is for and its token, the only copy. A
 * link goes to its person alone: `survey invite --email` queues it, sealed,
 * in a mail to member.email and sets mailed (docs/mail.md), and then it is
 * never shown to the one who made it; otherwise it is shown once to its
 * maker, beside the person's name.
 */
struct survey_link {
	struct survey_member member;
	survey_token token;
	int mailed;
};
struct survey_links {
	struct survey_link *v;
	size_t n, alloc;
};
/* Frees the links and wipes their tokens. */
void survey_links_release(struct survey_links *l);

/*
 * Makes one invitation to survey ident of initiative slug for each person
 * (slugs) people[0..n), in one transaction, each of the group that person
 * has in the team, and appends the links to out. With people NULL, one for
 * every person of the team who has no link of the round yet (none may be
 * left: out stays empty). Returns 1 when there is no such survey, 2 when
 * it is closed, 3 when a person is not of the team, 4 when a person has a
 * link of this round already (given twice, or made before): err names the
 * person then, and nothing is made. audit (NULL: none) is the change's
 * audit log entry (store.h), written with the links or not at all; so for
 * store_survey_close. lang (NULL: none) is the language the links were made
 * in ("es"), which their answer page follows (docs/i18n.md).
 */
int store_survey_invite(struct store *s, const char *initiative, const char *ident,
    const char *const *people, size_t n, const char *lang, struct survey_links *out,
    const struct store_audit_entry *audit, struct strbuf *err);

/*
 * Closes survey ident of initiative slug on date closed. Returns 1 when
 * there is no such survey, 2 when it was closed already, 3 when closed is
 * before the day it opened (nothing changed then).
 */
int store_survey_close(struct store *s, const char *initiative, const char *ident,
    tdate closed, const struct store_audit_entry *audit, struct strbuf *err);

/* What an invitation token finds (strings owned: store_invitation_release). */
struct store_invitation {
	char *initiative;	/* the initiative's slug */
	char *survey;		/* the survey's ident */
	char *instrument;	/* the code of the survey's instrument */
	int group;		/* enum group */
	int used;		/* 1: it has answered */
	int closed;		/* 1: its survey is closed */
	char *lang;		/* the language it was made in ("es"), or NULL */
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

/*
 * Several invitations' answers in one transaction, so one commit (one
 * fsync) makes them all durable: each job as store_invitation_answer
 * would, its result in job->result. A job refused (NONE, USED, CLOSED:
 * nothing of it written) leaves the others; a failure of the store fails
 * every job (ERROR, nothing written) and returns -1 with err set.
 */
struct store_answer_job {
	const char *token;
	const struct answer *answers;
	size_t n;
	enum store_answer_result result;
};
int store_invitation_answer_all(struct store *s, struct store_answer_job *jobs, size_t n,
    struct strbuf *err);

/*
 * A round's links made per group (enum group), and its responses as of the
 * start of day today: an answer given today is counted from tomorrow on, so
 * that watching the count says nothing of who answered when (DESIGN §4).
 */
struct store_invitation_counts {
	int64_t issued[GROUP__MAX];
	int64_t answers;
};
/* Counts the invitations of survey ident of initiative slug (zeros when none). */
int store_survey_invitation_counts(struct store *s, const char *initiative,
    const char *ident, tdate today, struct store_invitation_counts *c, struct strbuf *err);

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
