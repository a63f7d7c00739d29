#ifndef TRELLIS_STORE_OUTBOX_H
#define TRELLIS_STORE_OUTBOX_H
/*
 * The mail outbox (migration 6, docs/mail.md): mails queued in the
 * transaction of the change that causes them, and the addresses that asked
 * for no mail. src/mail/ composes and sends; this file only stores.
 */
#include <stddef.h>
#include <stdint.h>

#include "../util/vec.h"

struct store;
struct strbuf;

/* One queued mail. The strings are owned (store_mails_release). */
struct store_mail {
	int64_t id;
	char *message_id;	/* "<...@...>", fixed when queued */
	char *kind;		/* e.g. "survey-invitation" */
	char *topic;		/* what it is about (a reminder's initiative), or NULL */
	char *to_addr, *to_name;	/* to_name may be NULL */
	char *subject, *text_body, *html_body;
	char *unsubscribe;	/* the List-Unsubscribe URL, or NULL */
	unsigned char *sealed;	/* the sealed one-time link, or NULL */
	size_t sealed_len;
	int attempts;
	int64_t queued, next_try, sent;	/* unix seconds; sent 0 while unsent */
	char *last_error;	/* the last failure, or NULL */
};
struct store_mails { struct store_mail *v; size_t n, alloc; };

/*
 * Queues m (its message_id, kind, to_addr, subject and bodies set; queued
 * and next_try its times) in the open write transaction, or in one of its
 * own. Returns 0, or -1 with err set.
 */
int store_mail_add(struct store *s, const struct store_mail *m, struct strbuf *err);
/*
 * Leases up to max unsent mails due at now for lease seconds (so that no
 * other sender takes them meanwhile) and appends them to out, oldest
 * first. Its own write transaction; changes no data a page shows.
 */
int store_mail_claim(struct store *s, int64_t now, int64_t lease, size_t max,
    struct store_mails *out, struct strbuf *err);
/* Marks mail id sent at now and wipes its sealed link. */
int store_mail_sent(struct store *s, int64_t id, int64_t now, struct strbuf *err);
/* Counts a failed try of mail id: the next is at next_try; error says why. */
int store_mail_retry(struct store *s, int64_t id, int64_t next_try, const char *error,
    struct strbuf *err);
/* Appends every mail (without bodies or sealed link) to out, oldest first. */
int store_mail_list(struct store *s, struct store_mails *out, struct strbuf *err);
/* Records that address asked for no more mail (idempotent). */
int store_mail_optout(struct store *s, const char *address, int64_t now, struct strbuf *err);
/* *yes = 1 when address asked for no more mail (case does not matter). */
int store_mail_opted_out(struct store *s, const char *address, int *yes, struct strbuf *err);
void store_mails_release(struct store_mails *v);

/* An initiative running today, for the check-in reminder (mail.h). */
struct store_silence {
	char *slug, *name, *start;	/* start: YYYY-MM-DD */
	char *last_checkin;		/* YYYY-MM-DD, or NULL when none */
	char *director, *director_email;	/* NULL without a director or address */
	int64_t last_reminder;		/* unix time the last one was queued, -1 never */
	char *program;			/* the initiative's program's slug */
};
struct store_silences { struct store_silence *v; size_t n, alloc; };
/* Appends every initiative running on day (YYYY-MM-DD), by slug. */
int store_mail_silent(struct store *s, const char *day, struct store_silences *out,
    struct strbuf *err);
void store_silences_release(struct store_silences *v);
struct store_slugs;
/*
 * Proposals' mail (mail/proposals.c). Each appends the columns of its rows
 * one after another to out (the caller frees each): the addresses of the
 * accounts of proposal rowid's asked organizations that may read it; for
 * each open proposal closing from day from to day to (YYYY-MM-DD) that no
 * "proposal-closing" mail (topic "SLUG/ID") was queued for yet: initiative
 * slug, initiative name, id, title, closes, rowid, program slug; for each
 * open proposal that asks the organization of account email, which has
 * not answered it, in an initiative the account may read: initiative
 * slug, id, title, closes, program slug.
 */
#define STORE_CLOSING_COLS	7
#define STORE_AWAITING_COLS	5
int store_proposal_recipients(struct store *s, int64_t rowid, struct store_slugs *out,
    struct strbuf *err);
/*
 * Appends the addresses of the accounts (not disabled) that act for
 * organization org and may approve a ledger entry of initiative rowid:
 * admins, and that initiative's members (docs/approvals.md).
 */
int store_approval_recipients(struct store *s, int64_t initiative, const char *org,
    struct store_slugs *out, struct strbuf *err);
int store_proposals_closing(struct store *s, const char *from, const char *to,
    struct store_slugs *out, struct strbuf *err);
int store_proposals_awaiting(struct store *s, const char *email, struct store_slugs *out,
    struct strbuf *err);
/*
 * Appends the addresses of the accounts (not disabled) that are admins of
 * initiative's program: its admins there by account_role, and the site
 * admins without a row there. The caller frees each.
 */
int store_mail_admins(struct store *s, const char *initiative, struct store_slugs *out,
    struct strbuf *err);
/* Frees one mail's strings (and wipes its sealed link). */
void store_mails_release_one(struct store_mail *m);

/*
 * Digests (docs/mail.md): an account's choice, "none", "daily" or
 * "weekly". store_digest_get sets *digest (static text) and returns 0, or
 * 1 when there is no such account. store_digest_set changes it; 1 when
 * there is no such account.
 */
int store_digest_get(struct store *s, const char *email, const char **digest,
    struct strbuf *err);
int store_digest_set(struct store *s, const char *email, const char *digest,
    struct strbuf *err);
/*
 * The account's own language (util/i18n.h's code, or NULL: none chosen, so
 * the request's Accept-Language or the program's default decides; /account
 * and the frame's switch). 0, 1 when there is no such account, -1 error.
 */
int store_user_lang_set(struct store *s, const char *email, const char *lang,
    struct strbuf *err);
/* An account whose digest is due. */
struct store_digest {
	char *email, *role, *digest;
	int64_t sent;			/* the last one, -1 never */
};
struct store_digests { struct store_digest *v; size_t n, alloc; };
/* Appends the accounts (not disabled) whose digest is due at now. */
int store_digest_due(struct store *s, int64_t now, struct store_digests *out,
    struct strbuf *err);
void store_digests_release(struct store_digests *v);
/*
 * Records that email's digest was made at now, if its last one is still
 * prev (-1: none); 1 when it is not (another sender made it meanwhile).
 * In the open write, or one of its own.
 */
int store_digest_mark(struct store *s, const char *email, int64_t prev, int64_t now,
    struct strbuf *err);
/*
 * *n = the open actions of initiative slug due by the date by ("YYYY-MM-DD"):
 * whether a digest needs to read the initiative for its actions due.
 */
int store_actions_due_count(struct store *s, const char *slug, const char *by, int64_t *n,
    struct strbuf *err);
/*
 * Appends the slug and the organization's slug ("" for none) of each person
 * of program whose address is email (any case): who an account is among
 * the program's people, for its actions due.
 */
int store_people_by_email(struct store *s, const char *program, const char *email,
    struct store_slugs *out, struct strbuf *err);
/* Appends slug, name and program slug of each initiative email's account may read (by slug). */
int store_digest_scope(struct store *s, const char *email, struct store_slugs *out,
    struct strbuf *err);
/* One count of the audit log: so many (n) changes of action to records of kind. */
struct store_change {
	char *kind, *action;
	int64_t n;
};
struct store_changes { struct store_change *v; size_t n, alloc; };
/* Appends initiative's changes since since (unix time), by kind and action. */
int store_audit_counts(struct store *s, const char *initiative, int64_t since,
    struct store_changes *out, struct strbuf *err);
void store_changes_release(struct store_changes *v);

#endif
