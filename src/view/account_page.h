#ifndef TRELLIS_VIEW_ACCOUNT_PAGE_H
#define TRELLIS_VIEW_ACCOUNT_PAGE_H
/*
 * "Your settings" (/account): the signed-in person's own account, their
 * choice of a mail digest (docs/mail.md) and of a language (docs/i18n.md). Plain data in, HTML out.
 */
struct html;

struct account_page {
	const char *email;	/* the account */
	const char *role;	/* in words: "admin", "member of Harlow Mills …" */
	const char *digest;	/* "none", "daily" or "weekly" */
	const char *lang;	/* the account's own language ("es"), or NULL: none chosen */
	const char *csrf;	/* the session's token for the form */
	int saved;		/* the choice was just saved */
	int mail_on;		/* this server sends mail (--smtp) */
};

/* Writes the page's content (inside the frame's <main>) into h. */
void account_page(struct html *h, const struct account_page *pg);

#endif
