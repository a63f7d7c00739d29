/*
 * trellis mail: the outbox (docs/mail.md). --send-due sends what is due now
 * through the SMTP server, with the code the server's sender runs; --list
 * shows what is queued, sent and waiting for another try.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../mail/mail.h"
#include "../store/outbox.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd mail_cmd = {
	"mail", "--send-due [--smtp URL] [--mail-from ADDR] [--smtp-auth-file FILE] [--url BASE] | --list",
	N_("Sends the mail that is due (--send-due), for cron or a systemd timer when\n"
	"the server does not send it itself, or lists the outbox (--list)."),
	N_("--smtp is the SMTP server, smtp://HOST[:PORT] (STARTTLS when the server\n"
	"offers it, and always when there are credentials) or smtps://HOST[:PORT];\n"
	"default $TRELLIS_SMTP. --mail-from is the sender's address (default\n"
	"$TRELLIS_MAIL_FROM). --smtp-auth-file names a file, readable by its owner\n"
	"only, with the user name on its first line and the password on its\n"
	"second: credentials never go on the command line. A mail the server\n"
	"does not take is tried again after 1, 2, 4 ... minutes, at most an hour\n"
	"apart; nothing is dropped. With --url (default $TRELLIS_URL), the address\n"
	"people reach the server at, --send-due first queues the check-in\n"
	"reminders that are due: an initiative running today without a check-in\n"
	"for 30 days reminds its director and the admins, once a month.\n"
	"docs/mail.md."),
};

int
cli_mail_config(const struct cli_cmd *cmd, const char *smtp, const char *from,
    const char *authfile, const char *url, struct mail_config *out)
{
	struct strbuf err = STRBUF_INIT;
	int rc = CLI_OK;

	memset(out, 0, sizeof(*out));
	out->url = smtp ? smtp : getenv("TRELLIS_SMTP");
	out->from = from ? from : getenv("TRELLIS_MAIL_FROM");
	out->base_url = url ? url : getenv("TRELLIS_URL");
	if (out->base_url && *out->base_url == '\0')
		out->base_url = NULL;
	if (out->base_url && strncmp(out->base_url, "http://", 7) != 0 &&
	    strncmp(out->base_url, "https://", 8) != 0)
		return cli_usage_error(cmd, _("--url: '%s' is not an http:// or https:// address"),
		    out->base_url);
	if (out->url == NULL || *out->url == '\0')
		return cli_usage_error(cmd, "%s", _("give the SMTP server: --smtp smtp://HOST:PORT "
		    "(or $TRELLIS_SMTP)"));
	if (out->from == NULL || *out->from == '\0')
		return cli_usage_error(cmd, "%s", _("give the sender's address: --mail-from ADDR "
		    "(or $TRELLIS_MAIL_FROM)"));
	if (mail_config_check(out, &err))
		rc = cli_usage_error(cmd, "%s", err.buf);
	else if (authfile && mail_config_auth_file(out, authfile, &err))
		rc = cli_error(_("--smtp-auth-file %s"), err.buf);
	strbuf_release(&err);
	return rc;
}

/* Prints the outbox, one mail a line. */
static int
mail_list(struct store *s)
{
	struct store_mails v = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	int rc = CLI_FAIL;

	if (store_mail_list(s, &v, &err)) {
		cli_error("%s", err.buf);
		goto out;
	}
	for (size_t i = 0; i < v.n; i++) {
		const struct store_mail *m = &v.v[i];
		char when[32];
		time_t t = (time_t)(m->sent ? m->sent : m->next_try);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
		/* TRANSLATORS: a mail's state and when: sent, retried or due at that time */
		printf("%lld\t%s\t%s\t%s %s", (long long)m->id, m->kind, m->to_addr,
		    m->sent ? C_("mail", "sent") : m->attempts ? C_("mail", "retry at") :
		    C_("mail", "due"), when);
		if (!m->sent && m->attempts)
			printf(P_(" (%d try: %s)", " (%d tries: %s)", m->attempts), m->attempts,
			    m->last_error ? m->last_error : "");
		putchar('\n');
	}
	if (v.n == 0)
		fprintf(stderr, "%s\n", _("the outbox is empty"));
	rc = CLI_OK;
out:
	store_mails_release(&v);
	strbuf_release(&err);
	return rc;
}

int
cmd_mail(int argc, char **argv, struct cli *c)
{
	const char *send = NULL, *list = NULL, *smtp = NULL, *from = NULL, *authfile = NULL;
	const char *url = NULL;
	const struct cli_opt opts[] = {
		{ "send-due", NULL, &send, N_("send the mail that is due now") },
		{ "list", NULL, &list, N_("list the outbox") },
		{ "smtp", "URL", &smtp, N_("the SMTP server (default $TRELLIS_SMTP)") },
		{ "mail-from", "ADDR", &from, N_("the sender's address (default $TRELLIS_MAIL_FROM)") },
		{ "smtp-auth-file", "FILE", &authfile, N_("user name and password, one a line") },
		{ "url", "BASE", &url, N_("the server's address, for links (default $TRELLIS_URL)") },
		{ NULL, NULL, NULL, NULL },
	};
	struct strbuf err = STRBUF_INIT;
	struct mail_config cfg = { NULL, NULL, NULL, NULL, NULL };
	struct mail_keys keys;
	struct mail_sent sent;
	struct store *s = NULL;
	int nargs, rc;

	if ((rc = cli_parse(&mail_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (nargs > 0)
		return cli_usage_error(&mail_cmd, _("unexpected argument '%s'"), argv[0]);
	if ((send == NULL) == (list == NULL))
		return cli_usage_error(&mail_cmd, "%s", _("give --send-due or --list"));
	if (send && (rc = cli_mail_config(&mail_cmd, smtp, from, authfile, url, &cfg)) != CLI_OK)
		return rc;
	rc = CLI_FAIL;
	if (cli_store_open(c, 0, &s))
		goto out;
	if (list) {
		rc = mail_list(s);
		goto out;
	}
	if (mail_keys_open(c->db, 1, &keys, &err)) {
		cli_error("%s", err.buf);
		goto out;
	}
	if (cfg.base_url && mail_queue_due(s, &keys, cfg.base_url, time(NULL)))
		goto out;
	if (mail_send_due(s, &keys, &cfg, time(NULL), &sent, &err)) {
		cli_error("%s", err.buf);
		goto out;
	}
	printf(_("%zu sent, %zu to try again later"), sent.sent, sent.failed);
	putchar('\n');
	rc = sent.failed ? CLI_FAIL : CLI_OK;
out:
	sodium_memzero(&keys, sizeof(keys));
	if (s)
		store_close(s);
	mail_config_release(&cfg);
	strbuf_release(&err);
	return rc;
}
