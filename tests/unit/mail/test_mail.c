/*
 * Unit tests for src/mail/ and src/store/outbox.c: the message as RFC 5322
 * and MIME have it (CRLF lines no longer than 78, quoted-printable parts
 * that decode to the text, encoded words for a non-ASCII subject, no
 * header a subject or name could inject), the one-time link put back only
 * when sending and sealed in the outbox, unsubscribe tokens that a changed
 * byte or another key breaks, the backoff, the key file, and the outbox:
 * queue, lease, sent, retry, opt-out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "mail/mail.h"
#include "model/model.h"
#include "store/outbox.h"
#include "store/store.h"
#include "util/date.h"
#include "util/strbuf.h"

#include "../fixture_db.h"

#define LINK "https://trellis.example.org/s/AbC-123_xyz"

/* Decodes quoted-printable in[0..n) (CRLF lines, soft breaks) into out, lines ending in \n. */
static void
qp_decode(const char *in, size_t n, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (in[i] == '=' && i + 2 < n && in[i + 1] == '\r' && in[i + 2] == '\n') {
			i += 2;
		} else if (in[i] == '=' && i + 2 < n) {
			char hex[3] = { in[i + 1], in[i + 2], 0 };

			strbuf_addch(out, (char)strtol(hex, NULL, 16));
			i += 2;
		} else if (in[i] == '\r' && i + 1 < n && in[i + 1] == '\n') {
			strbuf_addch(out, '\n');
			i++;
		} else {
			strbuf_addch(out, in[i]);
		}
	}
}

/* The body of the MIME part of type (e.g. "text/plain") in msg, decoded. */
static void
part(const char *msg, const char *type, struct strbuf *out)
{
	const char *at = strstr(msg, type), *body, *end;

	assert_non_null(at);
	body = strstr(at, "\r\n\r\n");
	assert_non_null(body);
	body += 4;
	end = strstr(body, "\r\n--=_trellis_");
	assert_non_null(end);
	qp_decode(body, (size_t)(end - body) + 2, out);
}

static struct store_mail
sample(char *subject, char *name)
{
	struct store_mail m;

	memset(&m, 0, sizeof(m));
	m.message_id = "<abc.1@trellis.example.org>";
	m.kind = "survey-invitation";
	m.to_addr = "ana@example.org";
	m.to_name = name;
	m.subject = subject;
	m.text_body = "Hello Ana,\nAnswer here:\n" MAIL_SECRET "\nA line that is far longer than "
	    "seventy-six characters, so that it has to be broken softly = twice over.\n";
	m.html_body = "<p>Hello <b>Ana</b> & co: <a href=\"" MAIL_SECRET "\">answer</a></p>";
	m.unsubscribe = "https://trellis.example.org/unsubscribe/tok";
	return m;
}

static void
test_compose_is_rfc5322(void **state)
{
	struct store_mail m = sample("Harlow Mills: a short survey", "Ana Mensah");
	struct strbuf msg = STRBUF_INIT, text = STRBUF_INIT, html = STRBUF_INIT;
	const char *p;

	(void)state;
	mail_compose(&m, "trellis@example.org", LINK, 1796275162, &msg);
	/* every line ends in CRLF and fits in 78 characters */
	for (p = msg.buf; *p; ) {
		const char *nl = strchr(p, '\n');

		assert_non_null(nl);
		assert_true(nl > msg.buf && nl[-1] == '\r');
		assert_true(nl - p - 1 <= 78);
		p = nl + 1;
	}
	assert_non_null(strstr(msg.buf, "Date: Thu, 03 Dec 2026 05:19:22 +0000\r\n"));
	assert_non_null(strstr(msg.buf, "From: \"Trellis\" <trellis@example.org>\r\n"));
	assert_non_null(strstr(msg.buf, "To: \"Ana Mensah\" <ana@example.org>\r\n"));
	assert_non_null(strstr(msg.buf, "Message-ID: <abc.1@trellis.example.org>\r\n"));
	assert_non_null(strstr(msg.buf,
	    "List-Unsubscribe: <https://trellis.example.org/unsubscribe/tok>\r\n"));
	assert_non_null(strstr(msg.buf, "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	assert_non_null(strstr(msg.buf, "Content-Type: multipart/alternative; boundary="));
	/* the parts decode to the text, with the link put back (escaped in HTML) */
	part(msg.buf, "Content-Type: text/plain", &text);
	assert_non_null(strstr(text.buf, "Answer here:\n" LINK "\n"));
	assert_non_null(strstr(text.buf, "broken softly = twice over."));
	assert_non_null(strstr(text.buf, "To get no more mail from Trellis: "
	    "https://trellis.example.org/unsubscribe/tok"));
	assert_null(strstr(text.buf, MAIL_SECRET));
	part(msg.buf, "Content-Type: text/html", &html);
	assert_non_null(strstr(html.buf, "<a href=\"" LINK "\">answer</a>"));
	assert_non_null(strstr(html.buf, "<title>Harlow Mills: a short survey</title>"));
	strbuf_release(&msg);
	strbuf_release(&text);
	strbuf_release(&html);
}

static void
test_compose_headers_safe(void **state)
{
	struct store_mail m = sample("Hi\r\nBcc: all@example.org", "Eve \"x\"\nCc: y@example.org");
	struct store_mail u = sample("Encuesta breve: ¿cómo va la colaboración?", "José Núñez");
	struct strbuf msg = STRBUF_INIT;

	(void)state;
	mail_compose(&m, "trellis@example.org", LINK, 0, &msg);
	/* no header line was added by a subject or a name */
	*strstr(msg.buf, "\r\n\r\n") = '\0';
	assert_null(strstr(msg.buf, "\r\nBcc:"));
	assert_null(strstr(msg.buf, "\r\nCc:"));
	assert_non_null(strstr(msg.buf, "Subject: Hi  Bcc: all@example.org\r\n"));
	strbuf_reset(&msg);
	mail_compose(&u, "trellis@example.org", LINK, 0, &msg);
	/* non-ASCII goes as UTF-8 encoded words, never raw in a header */
	assert_non_null(strstr(msg.buf, "Subject: =?UTF-8?B?"));
	assert_non_null(strstr(msg.buf, "To: =?UTF-8?B?"));
	for (const char *p = msg.buf; *p && strncmp(p, "\r\n\r\n", 4) != 0; p++)
		assert_true((unsigned char)*p < 0x80);
	/* a mail whose sealed link cannot be opened says so instead of the link */
	strbuf_reset(&msg);
	mail_compose(&m, "trellis@example.org", NULL, 0, &msg);
	assert_null(strstr(msg.buf, LINK));
	strbuf_release(&msg);
}

static void
test_unsubscribe_token(void **state)
{
	struct mail_keys k, other;
	struct strbuf tok = STRBUF_INIT, addr = STRBUF_INIT;

	(void)state;
	randombytes_buf(&k, sizeof(k));
	randombytes_buf(&other, sizeof(other));
	mail_unsubscribe_token(&k, "ana@example.org", &tok);
	assert_int_equal(mail_unsubscribe_check(&k, tok.buf, &addr), 0);
	assert_string_equal(addr.buf, "ana@example.org");
	strbuf_reset(&addr);
	assert_int_equal(mail_unsubscribe_check(&other, tok.buf, &addr), -1);
	tok.buf[2] = tok.buf[2] == 'A' ? 'B' : 'A';	/* another address, same signature */
	assert_int_equal(mail_unsubscribe_check(&k, tok.buf, &addr), -1);
	assert_int_equal(mail_unsubscribe_check(&k, "no-dot-here", &addr), -1);
	assert_int_equal(mail_unsubscribe_check(&k, "", &addr), -1);
	strbuf_release(&tok);
	strbuf_release(&addr);
}

static void
test_backoff_and_addresses(void **state)
{
	(void)state;
	assert_int_equal(mail_backoff(1), 60);
	assert_int_equal(mail_backoff(2), 120);
	assert_int_equal(mail_backoff(3), 240);
	assert_int_equal(mail_backoff(7), 3600);
	assert_int_equal(mail_backoff(100), 3600);
	assert_true(mail_address_ok("ana.mensah@example.org"));
	assert_false(mail_address_ok("ana mensah@example.org"));
	assert_false(mail_address_ok("ana@example.org>\r\nRCPT TO:<x@y"));
	assert_false(mail_address_ok("@example.org"));
	assert_false(mail_address_ok("ana@"));
	assert_false(mail_address_ok("a@b@c"));
	assert_false(mail_address_ok(NULL));
}

/* The integer the query sql gives on the test's database (-1 on error). */
static long long
scalar(const char *sql)
{
	int64_t v = -1;

	if (fixture_db_int64(sql, &v) != 0)
		return -1;
	return (long long)v;
}

/* A database with an empty program. */
static int
setup(void **state)
{
	struct program p;
	struct store *s;

	program_init(&p);
	p.slug = "wcc";
	p.name = "WCC";
	p.funder = "Reserve Bank";
	p.start = date_from_ymd(2014, 1, 1);
	p.end = date_from_ymd(2016, 12, 31);
	if (fixture_db_create(&p, &s) != 0)
		return -1;
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	store_close(*state);
	return fixture_db_remove();
}

static void
test_outbox(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT, keyfile = STRBUF_INIT;
	struct store_mails due = { NULL, 0, 0 };
	struct mail_keys k, k2;
	struct stat st;
	struct mail m = {
		.kind = "survey-invitation", .to = "ana@example.org", .to_name = "Ana",
		.subject = "A survey", .text = "Answer: " MAIL_SECRET, .html = "<p>" MAIL_SECRET "</p>",
		.secret = LINK, .base_url = "https://trellis.example.org",
	};

	(void)state;
	if (fixture_on_pg()) {
		/* no file beside a PostgreSQL database: TRELLIS_MAIL_KEY names it */
		assert_int_equal(unsetenv("TRELLIS_MAIL_KEY"), 0);
		assert_int_equal(mail_keys_open(fixture_db, 1, &k, &err), -1);
		assert_non_null(strstr(err.buf, "mail on PostgreSQL: set TRELLIS_MAIL_KEY"));
		strbuf_addf(&keyfile, "%s/mail.key", fixture_dir);
		assert_int_equal(setenv("TRELLIS_MAIL_KEY", keyfile.buf, 1), 0);
	} else
		strbuf_addf(&keyfile, "%s.mailkey", fixture_db);
	assert_int_equal(mail_keys_open(fixture_db, 0, &k, &err), -1);	/* none yet */
	assert_int_equal(mail_keys_open(fixture_db, 1, &k, &err), 0);
	assert_int_equal(mail_keys_open(fixture_db, 1, &k2, &err), 0);	/* the same key again */
	assert_memory_equal(&k, &k2, sizeof(k));
	assert_int_equal(stat(keyfile.buf, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	chmod(keyfile.buf, 0644);
	assert_int_equal(mail_keys_open(fixture_db, 0, &k2, &err), -1);
	assert_non_null(strstr(err.buf, "chmod 600"));
	chmod(keyfile.buf, 0600);

	assert_int_equal(mail_queue(s, &k, &m, 1000, &err), 0);
	/* the link is nowhere in clear */
	assert_int_equal(scalar(fixture_on_pg() ?
	    "SELECT count(*) FROM mail_outbox WHERE text_body LIKE '%/s/AbC%'"
	    " OR html_body LIKE '%/s/AbC%' OR position(convert_to('/s/AbC', 'UTF8') IN sealed) > 0" :
	    "SELECT count(*) FROM mail_outbox WHERE text_body LIKE '%/s/AbC%'"
	    " OR html_body LIKE '%/s/AbC%' OR instr(sealed, CAST('/s/AbC' AS BLOB)) > 0"), 0);
	assert_int_equal(scalar("SELECT count(*) FROM mail_outbox WHERE sealed IS NOT NULL"), 1);
	assert_int_equal(store_mail_claim(s, 999, 300, 10, &due, &err), 0);
	assert_int_equal(due.n, 0);			/* not due before it was queued */
	assert_int_equal(store_mail_claim(s, 1000, 300, 10, &due, &err), 0);
	assert_int_equal(due.n, 1);
	assert_non_null(due.v[0].sealed);
	assert_non_null(strstr(due.v[0].message_id, "@trellis.example.org>"));
	assert_non_null(strstr(due.v[0].unsubscribe, "https://trellis.example.org/unsubscribe/"));
	store_mails_release(&due);
	/* leased: another sender does not take it until the lease runs out */
	assert_int_equal(store_mail_claim(s, 1100, 300, 10, &due, &err), 0);
	assert_int_equal(due.n, 0);
	assert_int_equal(store_mail_claim(s, 1300, 300, 10, &due, &err), 0);
	assert_int_equal(due.n, 1);
	assert_int_equal(store_mail_retry(s, due.v[0].id, 2000, "refused", &err), 0);
	store_mails_release(&due);
	assert_int_equal(store_mail_claim(s, 1999, 300, 10, &due, &err), 0);
	assert_int_equal(due.n, 0);
	assert_int_equal(store_mail_claim(s, 2000, 300, 10, &due, &err), 0);
	assert_int_equal(due.n, 1);
	assert_int_equal(due.v[0].attempts, 1);
	assert_int_equal(store_mail_sent(s, due.v[0].id, 2001, &err), 0);
	store_mails_release(&due);
	assert_int_equal(store_mail_claim(s, 99999, 300, 10, &due, &err), 0);
	assert_int_equal(due.n, 0);			/* sent: never again */
	/* sent: the sealed link is wiped */
	assert_int_equal(scalar("SELECT count(*) FROM mail_outbox WHERE sealed IS NOT NULL"), 0);
	assert_int_equal(store_mail_list(s, &due, &err), 0);
	assert_int_equal(due.n, 1);
	assert_int_equal(due.v[0].sent, 2001);
	assert_int_equal(due.v[0].attempts, 2);
	store_mails_release(&due);

	/* an address that asked for no mail gets none queued */
	assert_int_equal(store_mail_optout(s, "Ana@Example.org", 3000, &err), 0);
	assert_int_equal(store_mail_optout(s, "ana@example.org", 3001, &err), 0);
	assert_int_equal(mail_queue(s, &k, &m, 3002, &err), 1);
	assert_non_null(strstr(err.buf, "asked for no more mail"));
	m.to = "not an address";
	assert_int_equal(mail_queue(s, &k, &m, 3002, &err), -1);
	strbuf_release(&err);
	strbuf_release(&keyfile);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compose_is_rfc5322),
		cmocka_unit_test(test_compose_headers_safe),
		cmocka_unit_test(test_unsubscribe_token),
		cmocka_unit_test(test_backoff_and_addresses),
		cmocka_unit_test_setup_teardown(test_outbox, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
