#ifndef TRELLIS_MAIL_H
#define TRELLIS_MAIL_H
/*
 * Mail (docs/mail.md): queued in the transaction of the change that causes
 * it (store/outbox.h), sent later through an SMTP server with libcurl by
 * mail_send_due, which both `trellis mail --send-due` and the server's
 * background sender run. Each mail is multipart text and HTML, with Date,
 * Message-ID (fixed when queued, so a mail sent again after a crash is the
 * same mail) and List-Unsubscribe (RFC 8058, a link signed with the mail
 * key).
 *
 * The mail key is a file beside the database (DB.mailkey, mode 0600, made
 * on first need; for a PostgreSQL database the file TRELLIS_MAIL_KEY names,
 * docs/postgresql.md): one part seals a one-time link queued with a mail, so
 * that the database never holds it in clear; the other signs unsubscribe
 * links.
 */
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <sodium.h>

#include "../util/date.h"

struct store;
struct store_mail;
struct strbuf;

/* In a mail's text and HTML, stands for its sealed one-time link. */
#define MAIL_SECRET	"\x1a" "link" "\x1a"
/*
 * In a mail's text and HTML, stands for its unsubscribe link: mail_queue
 * writes the footer that carries it in the language of the calling thread
 * (the mail's). A mail queued without one gets the English footer when sent.
 */
#define MAIL_UNSUB	"\x1a" "unsubscribe" "\x1a"

struct mail_keys {
	unsigned char seal[crypto_secretbox_KEYBYTES];
	unsigned char sign[crypto_auth_KEYBYTES];
};

/*
 * Reads the mail key of database db (the file db + ".mailkey", or
 * $TRELLIS_MAIL_KEY when db is a postgresql:// URL), making it
 * first when create is set and it does not exist. Returns 0, or -1 with
 * err saying which file and why.
 */
int mail_keys_open(const char *db, int create, struct mail_keys *k, struct strbuf *err);

/* A mail to queue. text and html may hold MAIL_SECRET where secret goes. */
struct mail {
	const char *kind;	/* what it is about, e.g. "survey-invitation" */
	const char *topic;	/* which one (a reminder's initiative), or NULL */
	const char *to, *to_name;	/* the address; the name (or NULL) */
	const char *subject;
	const char *text, *html;	/* the two parts; html is a fragment */
	const char *secret;	/* the one-time link, sealed; or NULL */
	const char *base_url;	/* the server's address, for List-Unsubscribe */
};

/*
 * Links in mail (docs/mail.md): *in is program when the database holds
 * several programs (a link then goes under /p/{program}/, where the
 * server serves it), NULL when it holds one (links as they always were).
 * mail_link appends base_url and path (a path on the site, "/i/x") as
 * seen in program in (util/url.h's url_in_program).
 */
int mail_link_program(struct store *s, const char *program, const char **in, struct strbuf *err);
void mail_link(struct strbuf *out, const char *base_url, const char *in, const char *path);

/*
 * The language (enum lang) of a mail to address to: its account's own
 * (users.lang), else the program's default (the setting lang; program NULL:
 * the database's only program), else English — English too when these
 * cannot be read (a mail is never held back for its language).
 */
int mail_lang(struct store *s, const char *program, const char *to);

/*
 * 1 when s looks like a mail address one can send to: one @, something on
 * both sides, no spaces, control characters, quotes or angle brackets.
 */
int mail_address_ok(const char *s);

/*
 * Queues m at now (in the open write transaction, or one of its own), with
 * the unsubscribe footer in the calling thread's language: a caller writing
 * a mail in its recipient's language queues it in that language too.
 * Refuses (1, with err saying so) an address that asked for no mail, and
 * (-1) a bad address or a store failure.
 */
int mail_queue(struct store *s, const struct mail_keys *k, const struct mail *m, time_t now,
    struct strbuf *err);

struct program;
struct survey_links;
/*
 * Queues, in the open write, a mail to each person of links with their
 * one-time link of survey id (url[0..ulen) + "/s/" + token, sealed), for
 * the one initiative of p, in lang: the links' language ("es"; NULL: each
 * person's, mail_lang). Marks each link mailed. Returns 0, or -1 with
 * err naming the person (one without a mail address: nothing is queued,
 * and the caller rolls the write back).
 */
int mail_survey_links(struct store *s, const char *db, const struct program *p, const char *id,
    struct survey_links *links, const char *url, size_t ulen, const char *lang,
    struct strbuf *err);

/*
 * The links of survey round id of initiative made (store_survey_invite) and, with email, their mails queued (mail_survey_links), as
 * one write (app_txn_run): run again from the start on a conflict, links
 * made afresh each run. Returns 0 with r 0 and links filled; 1 with r
 * store_survey_invite's refusal (1..4), or -3 when a mail could not be
 * queued (err names the person), nothing made; -1 with err set, nothing
 * made (*gave_up after the last conflict).
 */
struct store_audit_entry;
struct mail_invite {
	const char *db;
	const struct program *p;
	const char *initiative, *id, *lang;
	const char *const *people;	/* NULL: everyone of the team without a link */
	size_t n;
	const struct store_audit_entry *audit;
	int email;
	const char *url;		/* with email: url[0..ulen) */
	size_t ulen;
	struct survey_links *links;
	int r;
};
int mail_survey_invite(struct store *s, struct mail_invite *mi, int *gave_up,
    struct strbuf *err);

/*
 * A proposal's mail (mail/proposals.c, docs/mail.md) to the accounts of
 * its asked organizations that may read its initiative: opened, closing
 * within two days (once, from the due-mail scan), closed (with the
 * outcome and a link to the decision record).
 */
enum mail_proposal_event {
	MAIL_PROPOSAL_OPENED, MAIL_PROPOSAL_CLOSING, MAIL_PROPOSAL_CLOSED, MAIL_PROPOSAL__MAX
};
struct mail_proposal {
	enum mail_proposal_event event;
	int64_t rowid;			/* the proposal's row */
	const char *program;		/* its initiative's program's slug */
	const char *slug, *initiative;	/* its initiative's slug and name */
	const char *id, *title;
	const char *body;		/* Markdown, or NULL */
	tdate closes, decided;
	const char *outcome, *decision;	/* closed: the outcome, the decision's id */
};
/*
 * Queues mp's mail in the open write (the one that made the event), with
 * links to base_url; nothing when base_url is NULL (the server was not
 * told where people reach it). *queued says how many.
 */
int mail_proposal_queue(struct store *s, const char *db, const char *base_url,
    const struct mail_proposal *mp, time_t now, size_t *queued, struct strbuf *err);
/*
 * A ledger entry awaiting approval (mail/approvals.c, docs/approvals.md):
 * to the accounts that act for one of the organizations that may approve
 * it now (orgs) and may approve in its initiative (admins, its members).
 */
struct mail_approval {
	int64_t initiative;		/* the initiative's row */
	const char *program;		/* the initiative's program's slug */
	const char *slug, *initiative_name;
	const char *id;			/* the entry's */
	const char *amount;		/* in words: "$8,000.00" */
	const char *purpose;		/* or NULL */
	int second;			/* 1: one organization approved it already */
	const char *const *orgs;	/* slugs */
	size_t norgs;
};
/* Queues ma's mail in the open write, as mail_proposal_queue. */
int mail_approval_queue(struct store *s, const char *db, const char *base_url,
    const struct mail_approval *ma, time_t now, size_t *queued, struct strbuf *err);
/* Queues the "closes soon" mail of each open proposal closing within two days, once. */
int mail_queue_proposals_closing(struct store *s, const struct mail_keys *k, const char *base_url,
    time_t now, size_t *queued, struct strbuf *err);

/*
 * The digest's part of the open proposals that ask the organization of
 * account email, which has not answered them yet (in the initiatives it
 * may read), appended to text and html; returns how many, or -1 with err.
 */
int mail_digest_awaiting(struct store *s, const char *base_url, const char *email,
    struct strbuf *text, struct strbuf *html, struct strbuf *err);

/* Where and how to send: the SMTP server and the sender. */
struct mail_config {
	const char *url;	/* smtp://HOST[:PORT] (STARTTLS when offered) or smtps:// */
	const char *from;	/* the envelope and From: address */
	char *user, *password;	/* from --smtp-auth-file, or NULL */
	const char *base_url;	/* where people reach the server (--url), or NULL */
};

/*
 * Reads an SMTP auth file: the user name on its first line, the password
 * on its second. A regular file only, readable by its owner only.
 */
int mail_config_auth_file(struct mail_config *c, const char *path, struct strbuf *err);
void mail_config_release(struct mail_config *c);
/* Checks c's url and from; -1 with err naming the option. */
int mail_config_check(const struct mail_config *c, struct strbuf *err);

/*
 * Writes m as an RFC 5322 message (CRLF lines, quoted-printable parts) to
 * out, from c->from, with secret (or NULL) put where MAIL_SECRET stands,
 * dated now.
 */
void mail_compose(const struct store_mail *m, const char *from, const char *secret,
    time_t now, struct strbuf *out);

/* What one mail_send_due did. */
struct mail_sent {
	size_t sent, failed;
};

/*
 * Sends every mail due at now, a few at a time: a mail the server takes is
 * marked sent; one it refuses or cannot be reached for is tried again
 * later (after 1, 2, 4 ... minutes, at most an hour apart). Returns 0, or
 * -1 with err set when the outbox cannot be read or written.
 */
int mail_send_due(struct store *s, const struct mail_keys *k, const struct mail_config *c,
    time_t now, struct mail_sent *out, struct strbuf *err);

/*
 * The check-in reminder: an initiative running today whose last check-in
 * (or, with none, its start) is MAIL_REMIND_DAYS days old or more gets one
 * mail to its director and to each admin, again every MAIL_REMIND_DAYS
 * days while no check-in comes, linking to base_url's new check-in form.
 * Queues them in one transaction; *queued says how many.
 */
#define MAIL_REMIND_DAYS	30
int mail_queue_reminders(struct store *s, const struct mail_keys *k, const char *base_url,
    time_t now, size_t *queued, struct strbuf *err);

/*
 * Queues the digests due at now (each account's choice: daily or weekly;
 * docs/mail.md): per account, what changed in the initiatives it may read
 * since its last digest, and the alerts new since then, with links to
 * base_url. An account with nothing new gets no mail. *queued says how
 * many were queued.
 */
int mail_queue_digests(struct store *s, const struct mail_keys *k, const char *base_url,
    time_t now, size_t *queued, struct strbuf *err);

/*
 * Queues what is due at now besides what the changes queued themselves:
 * the check-in reminders, the proposals closing within two days, then the
 * digests. Says on stderr what it queued
 * ("trellis: mail: 2 check-in reminders queued") or what went wrong (-1).
 */
int mail_queue_due(struct store *s, const struct mail_keys *k, const char *base_url, time_t now);

/* The seconds before the next try after attempts failed tries. */
int64_t mail_backoff(int attempts);

/* The signed token of address for an unsubscribe link. */
void mail_unsubscribe_token(const struct mail_keys *k, const char *address, struct strbuf *out);
/* Checks token; on success its address is in address and 0 is returned. */
int mail_unsubscribe_check(const struct mail_keys *k, const char *token, struct strbuf *address);
/*
 * Records that address asked for no more mail, as of now: one write of
 * the one loop (app_txn_run), run again on a conflict. 0, or -1 with err
 * set, *gave_up set when the last run failed on a conflict too.
 */
int mail_optout(struct store *s, const char *address, int64_t now, int *gave_up,
    struct strbuf *err);

/*
 * The server's sender: a thread with its own connection to db that sends
 * what is due every few seconds until mail_sender_stop.
 */
struct mail_sender;
int mail_sender_start(const char *db, const struct mail_config *c, struct mail_sender **out,
    struct strbuf *err);
void mail_sender_stop(struct mail_sender *ms);

#endif
