/*
 * trellis serve: the web application (src/web/). Serves the program of the
 * database until SIGTERM or SIGINT.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../auth/auth.h"
#include "../mail/mail.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../web/web.h"
#include "cli.h"
#include "../util/i18n.h"
#include "../util/banned.h"


static const struct cli_cmd serve_cmd = {
	"serve", "[--listen HOST:PORT] [--threads N] [--max-connections N] [--max-per-ip N] "
	    "[--session-idle SECONDS] [--session-max SECONDS] [--cache-mb N] [--max-body-memory MIB] "
	    "[--trusted-proxy ADDR] [--smtp URL --mail-from ADDR [--smtp-auth-file FILE] [--url BASE]] "
	    "[--dev-cookie] [--dev-insecure-role]",
	N_("Serves the program as a web application: the program portfolio, each\n"
	"initiative's dashboard and (as they are built) its records, on\n"
	"libmicrohttpd. Prints the address it listens on; one access log line\n"
	"per request goes to standard error. SIGTERM or SIGINT stops it after\n"
	"the requests in flight have finished."),
	N_("--listen takes HOST:PORT or [IPV6]:PORT; port 0 picks a free port (the\n"
	"printed address names it). A session ends after --session-idle seconds\n"
	"without a request (default 1800) and --session-max seconds after\n"
	"sign-in however busy (default 43200). --cache-mb bounds the memory of\n"
	"the initiatives kept ready to serve (default 64 MiB; the least recently\n"
	"asked for go first). Request bodies being received share --max-body-memory\n"
	"MiB (default 64); past it a request gets 503.\n"
	"Behind a reverse proxy, --trusted-proxy names its address: requests from\n"
	"it are taken to come from the last address of their X-Forwarded-For, for\n"
	"the rate limits and the access log (docs/deploy.md).\n"
	"With --smtp (or $TRELLIS_SMTP) a background sender mails what is queued\n"
	"(survey links, ...) through that SMTP server, as `trellis mail --send-due`\n"
	"does, and with --url BASE (default $TRELLIS_URL), the address people reach\n"
	"the server at, the monthly check-in reminders; `trellis mail --help` and\n"
	"docs/mail.md.\n"
	"--dev-cookie names the session cookie sid\n"
	"without Secure (instead of __Host-sid; Secure), for plain HTTP on\n"
	"loopback only. --dev-insecure-role is a development aid\n"
	"only: every request then acts as the role in $TRELLIS_DEV_ROLE (admin,\n"
	"evaluator, member:SLUG or viewer:SLUG) without signing in, and the\n"
	"server refuses to listen anywhere but on loopback. docs/web.md."),
};

/* --cache-mb: the default, and the most. */
#define SERVE_CACHE_MB		64
#define SERVE_CACHE_MB_MAX	65536

/*
 * The defaults `serve --help` states in words (its text is a msgid, so the
 * numbers are written in it): a change here must change the help too.
 */
_Static_assert(AUTH_SESSION_IDLE == 1800, "serve --help says --session-idle 1800");
_Static_assert(AUTH_SESSION_ABSOLUTE == 43200, "serve --help says --session-max 43200");
_Static_assert(SERVE_CACHE_MB == 64, "serve --help says --cache-mb 64");

/* --session-idle and --session-max: at most 30 days. */
#define SESSION_LIMIT_MAX	(30L * 24 * 60 * 60)

/* Parses a count from 1 to max; returns -1 for anything else. */
static long
count_arg(const char *s, long max)
{
	char *end;
	long v = strtol(s, &end, 10);

	return *s && *end == '\0' && v >= 1 && v <= max ? v : -1;
}

int
cmd_serve(int argc, char **argv, struct cli *c)
{
	const char *listen = "127.0.0.1:8080", *threads = NULL, *maxconn = NULL;
	const char *maxip = NULL, *dev = NULL, *devcookie = NULL, *idle = NULL, *smax = NULL;
	const char *cachemb = NULL;
	const char *bodymem = NULL, *proxy = NULL, *smtp = NULL, *url = NULL, *mailfrom = NULL, *authfile = NULL;
	const struct cli_opt opts[] = {
		{ "listen", "HOST:PORT", &listen, N_("the address to listen on (default 127.0.0.1:8080)") },
		{ "threads", "N", &threads, N_("worker threads (default: one per core)") },
		{ "max-connections", "N", &maxconn, N_("connections at once, in all (default 1024)") },
		{ "max-per-ip", "N", &maxip, N_("connections at once from one address (default 64)") },
		{ "session-idle", "SECONDS", &idle, N_("a session ends unused this long (default 1800)") },
		{ "session-max", "SECONDS", &smax, N_("a session ends this long after sign-in (default 43200)") },
		{ "cache-mb", "N", &cachemb, N_("MiB of initiatives kept ready (default 64)") },
		{ "max-body-memory", "MIB", &bodymem, N_("request bodies in flight, in all (default 64)") },
		{ "trusted-proxy", "ADDR", &proxy, N_("the reverse proxy whose X-Forwarded-For is believed") },
		{ "smtp", "URL", &smtp, N_("send mail through this SMTP server (default $TRELLIS_SMTP)") },
		{ "mail-from", "ADDR", &mailfrom, N_("the mail's sender (default $TRELLIS_MAIL_FROM)") },
		{ "smtp-auth-file", "FILE", &authfile, N_("SMTP user name and password, one a line") },
		{ "url", "BASE", &url, N_("where people reach the server, for links in mail") },
		{ "dev-cookie", NULL, &devcookie, N_("session cookie without Secure, for plain HTTP on loopback") },
		{ "dev-insecure-role", NULL, &dev, N_("DEVELOPMENT ONLY: act as $TRELLIS_DEV_ROLE, no sign-in") },
		{ NULL, NULL, NULL, NULL },
	};
	struct mail_config mail = { NULL, NULL, NULL, NULL, NULL };
	struct mail_sender *sender = NULL;
	struct strbuf err = STRBUF_INIT;
	struct web_config cfg;
	unsigned char bin[sizeof(struct in6_addr)];
	char proxy_addr[INET6_ADDRSTRLEN];
	struct store *st;
	int nargs, rc;
	long v = 0, v2 = 0;

	if ((rc = cli_parse(&serve_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (nargs > 0)
		return cli_usage_error(&serve_cmd, _("unexpected argument '%s'"), argv[0]);
	memset(&cfg, 0, sizeof(cfg));
	cfg.db = c->db;
	cfg.program = c->program;
	cfg.listen = listen;
	cfg.max_connections = 1024;
	cfg.max_per_ip = 64;
	cfg.cache_mb = SERVE_CACHE_MB;
	if (cachemb) {
		if ((v = count_arg(cachemb, SERVE_CACHE_MB_MAX)) < 0)
			return cli_usage_error(&serve_cmd, _("--cache-mb: '%s' is not a number from 1 to %d"),
			    cachemb, SERVE_CACHE_MB_MAX);
		cfg.cache_mb = (size_t)v;
	}
	if (threads) {
		if ((v = count_arg(threads, 256)) < 0)
			return cli_usage_error(&serve_cmd, _("--threads: '%s' is not a number from 1 to 256"), threads);
		cfg.threads = (unsigned)v;
	}
	if (maxconn) {
		if ((v = count_arg(maxconn, 65536)) < 0)
			return cli_usage_error(&serve_cmd, _("--max-connections: '%s' is not a number from 1 to 65536"), maxconn);
		cfg.max_connections = (unsigned)v;
	}
	if (maxip) {
		if ((v = count_arg(maxip, 65536)) < 0)
			return cli_usage_error(&serve_cmd, _("--max-per-ip: '%s' is not a number from 1 to 65536"), maxip);
		cfg.max_per_ip = (unsigned)v;
	}
	if (bodymem) {
		if ((v = count_arg(bodymem, 65536)) < 0)
			return cli_usage_error(&serve_cmd, _("--max-body-memory: '%s' is not a number of MiB "
			    "from 1 to 65536"), bodymem);
		cfg.max_body_memory = (size_t)v << 20;
	}
	if (proxy) {
		int af = strchr(proxy, ':') ? AF_INET6 : AF_INET;

		if (inet_pton(af, proxy, bin) != 1 || !inet_ntop(af, bin, proxy_addr, sizeof(proxy_addr)))
			return cli_usage_error(&serve_cmd, _("--trusted-proxy: '%s' is not an IP address "
			    "(the proxy's, like 127.0.0.1)"), proxy);
		cfg.trusted_proxy = proxy_addr;
	}
	/* the session limits are auth's (auth.h holds the defaults); set before any request */
	if (idle && (v = count_arg(idle, SESSION_LIMIT_MAX)) < 0)
		return cli_usage_error(&serve_cmd, _("--session-idle: '%s' is not a number of seconds "
		    "from 1 to %ld"), idle, SESSION_LIMIT_MAX);
	if (smax && (v2 = count_arg(smax, SESSION_LIMIT_MAX)) < 0)
		return cli_usage_error(&serve_cmd, _("--session-max: '%s' is not a number of seconds "
		    "from 1 to %ld"), smax, SESSION_LIMIT_MAX);
	auth_set_session_limits(idle ? v : 0, smax ? v2 : 0);
	cfg.dev_cookie = devcookie != NULL;
	if (dev) {
		const char *role = getenv("TRELLIS_DEV_ROLE");

		if (role == NULL || *role == '\0')
			return cli_usage_error(&serve_cmd, _("--dev-insecure-role needs TRELLIS_DEV_ROLE "
			    "(admin, evaluator, member:SLUG or viewer:SLUG)"));
		cfg.dev_role = role;
	}
	/* the friendly "no database here" of the other commands, before serving */
	if (cli_store_open(c, 0, &st) == -1)
		return CLI_FAIL;
	store_close(st);
	if ((smtp || getenv("TRELLIS_SMTP")) &&
	    (rc = cli_mail_config(&serve_cmd, smtp, mailfrom, authfile, url, &mail)) != CLI_OK)
		return rc;
	if (mail.url && mail_sender_start(c->db, &mail, &sender, &err) != 0) {
		rc = cli_error(_("mail: %s"), err.buf);
		goto out;
	}
	cfg.mail_on = sender != NULL;
	cfg.base_url = mail.base_url;
	rc = web_serve(&cfg) == 0 ? CLI_OK : CLI_FAIL;
out:
	mail_sender_stop(sender);
	mail_config_release(&mail);
	strbuf_release(&err);
	return rc;
}
