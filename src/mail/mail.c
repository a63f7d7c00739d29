/*
 * Mail: the key, queueing, composing and sending (mail.h, docs/mail.md).
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "../app/write.h"
#include "../store/accounts.h"
#include "../store/outbox.h"
#include "../store/store.h"
#include "../util/date.h"
#include "../util/dynlib.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/url.h"
#include "../util/xalloc.h"
#include "../view/figures.h"
#include "../view/html.h"
#include "mail.h"
#include "../util/banned.h"

#define KEY_LEN		(crypto_secretbox_KEYBYTES + crypto_auth_KEYBYTES)
#define SEND_BATCH	20	/* mails leased at once */
#define SEND_LEASE	300	/* seconds a leased mail waits for its sender */
#define BACKOFF_FIRST	60
#define BACKOFF_MOST	3600

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static int global_ok;

/* libsodium's global set-up, once per process. */
static void
global_init(void)
{
	global_ok = sodium_init() >= 0;
}

static int
ready(struct strbuf *err)
{
	pthread_once(&global_once, global_init);
	if (!global_ok) {
		strbuf_reset(err);
		strbuf_addstr(err, "cannot start libsodium");
		return -1;
	}
	return 0;
}

/* libcurl, opened only to send (util/dynlib.h says why) */
static struct {
	__typeof__(curl_global_init) *global_init;
	__typeof__(curl_easy_init) *easy_init;
	__typeof__(curl_easy_setopt) *easy_setopt;
	__typeof__(curl_easy_perform) *easy_perform;
	__typeof__(curl_easy_strerror) *easy_strerror;
	__typeof__(curl_easy_cleanup) *easy_cleanup;
	__typeof__(curl_slist_append) *slist_append;
	__typeof__(curl_slist_free_all) *slist_free_all;
} curl_fn;

static const struct dynlib_sym curl_syms[] = {
	DYNLIB_SYM(curl_fn, global_init, "curl_global_init"),
	DYNLIB_SYM(curl_fn, easy_init, "curl_easy_init"),
	DYNLIB_SYM(curl_fn, easy_setopt, "curl_easy_setopt"),
	DYNLIB_SYM(curl_fn, easy_perform, "curl_easy_perform"),
	DYNLIB_SYM(curl_fn, easy_strerror, "curl_easy_strerror"),
	DYNLIB_SYM(curl_fn, easy_cleanup, "curl_easy_cleanup"),
	DYNLIB_SYM(curl_fn, slist_append, "curl_slist_append"),
	DYNLIB_SYM(curl_fn, slist_free_all, "curl_slist_free_all"),
};

_Static_assert(sizeof(TRELLIS_SONAME_CURL) > 1, "the Makefile passes the SONAME");
static struct dynlib curl_lib = {
	TRELLIS_SONAME_CURL, curl_syms, sizeof(curl_syms) / sizeof(curl_syms[0]), 0, 0, ""
};
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static int curl_ok;

static void
curl_start(void)
{
	curl_ok = curl_fn.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

/* libsodium, then libcurl opened and set up, once per process. */
static int
curl_ready(struct strbuf *err)
{
	if (ready(err) || dynlib_need(&curl_lib, err))
		return -1;
	pthread_once(&curl_once, curl_start);
	if (!curl_ok) {
		strbuf_reset(err);
		strbuf_addstr(err, "cannot start libcurl");
		return -1;
	}
	return 0;
}

/* Makes the key file path, exclusively, with fresh random keys. */
static int
key_make(const char *path, struct strbuf *err)
{
	unsigned char raw[KEY_LEN];
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	int ok;

	if (fd == -1)
		return errno == EEXIST ? 0 : -1;
	randombytes_buf(raw, sizeof(raw));
	ok = write(fd, raw, sizeof(raw)) == (ssize_t)sizeof(raw) && fsync(fd) == 0;
	sodium_memzero(raw, sizeof(raw));
	if (close(fd) != 0 || !ok) {
		strbuf_addf(err, "%s: cannot write the mail key: %s", path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

int
mail_keys_open(const char *db, int create, struct mail_keys *k, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	unsigned char raw[KEY_LEN + 1];
	struct stat st;
	int fd = -1, ret = -1;
	ssize_t n;

	strbuf_reset(err);
	if (ready(err))
		return -1;
	if (store_is_url(db)) {
		/* no file beside a PostgreSQL database: one named, which every server shares */
		const char *file = getenv("TRELLIS_MAIL_KEY");

		if (file == NULL || *file == '\0') {
			strbuf_addstr(err, "mail on PostgreSQL: set TRELLIS_MAIL_KEY to the mail key's"
			    " file (made on first need; every server of the database must share it)");
			return -1;
		}
		strbuf_addstr(&path, file);
	} else
		strbuf_addf(&path, "%s.mailkey", db);
	if (create && key_make(path.buf, err) == -1) {
		if (err->len == 0)
			strbuf_addf(err, "%s: cannot make the mail key: %s", path.buf, strerror(errno));
		goto out;
	}
	if ((fd = open(path.buf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)) == -1) {
		strbuf_addf(err, "%s: cannot read the mail key: %s", path.buf, strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		strbuf_addf(err, "%s: the mail key is not a regular file", path.buf);
		goto out;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		strbuf_addf(err, "%s: the mail key is open to others (chmod 600 it)", path.buf);
		goto out;
	}
	n = read(fd, raw, sizeof(raw));
	if (n != KEY_LEN) {
		strbuf_addf(err, "%s: not a mail key (%d bytes, not %d)", path.buf,
		    n < 0 ? 0 : (int)n, KEY_LEN);
		goto out;
	}
	memcpy(k->seal, raw, sizeof(k->seal));
	memcpy(k->sign, raw + sizeof(k->seal), sizeof(k->sign));
	ret = 0;
out:
	sodium_memzero(raw, sizeof(raw));
	if (fd != -1)
		close(fd);
	strbuf_release(&path);
	return ret;
}

int
mail_address_ok(const char *s)
{
	const char *at = s ? strchr(s, '@') : NULL;

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@') || strlen(s) > 254)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("\"<>()[]\\,;:", *p))
			return 0;
	return 1;
}

/* The host of url ("https://h:8080/x" -> "h"), or a stand-in. */
static void
url_host(const char *url, struct strbuf *out)
{
	const char *p = url ? strstr(url, "://") : NULL;
	size_t n;

	if (p == NULL || p[3] == '\0' || p[3] == '[') {
		strbuf_addstr(out, "trellis.invalid");
		return;
	}
	p += 3;
	n = strcspn(p, ":/?#");
	for (size_t i = 0; i < n; i++)
		if (p[i] == '@' || (unsigned char)p[i] <= ' ') {
			strbuf_addstr(out, "trellis.invalid");
			return;
		}
	strbuf_add(out, p, n);
}

/* Appends n bytes as URL-safe base64. */
static void
b64url(struct strbuf *out, const unsigned char *p, size_t n)
{
	size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *b = xmalloc(len);

	sodium_bin2base64(b, len, p, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	strbuf_addstr(out, b);
	free(b);
}

void
mail_unsubscribe_token(const struct mail_keys *k, const char *address, struct strbuf *out)
{
	unsigned char mac[crypto_auth_BYTES];

	crypto_auth(mac, (const unsigned char *)address, strlen(address), k->sign);
	b64url(out, (const unsigned char *)address, strlen(address));
	strbuf_addch(out, '.');
	b64url(out, mac, sizeof(mac));
}

int
mail_unsubscribe_check(const struct mail_keys *k, const char *token, struct strbuf *address)
{
	const char *dot = strchr(token, '.');
	unsigned char addr[256], mac[crypto_auth_BYTES];
	size_t alen, mlen;

	if (dot == NULL ||
	    sodium_base642bin(addr, sizeof(addr) - 1, token, (size_t)(dot - token), NULL, &alen,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    sodium_base642bin(mac, sizeof(mac), dot + 1, strlen(dot + 1), NULL, &mlen, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    mlen != sizeof(mac) || crypto_auth_verify(mac, addr, alen, k->sign) != 0)
		return -1;
	addr[alen] = '\0';
	if (strlen((char *)addr) != alen || !mail_address_ok((char *)addr))
		return -1;
	strbuf_addstr(address, (char *)addr);
	return 0;
}

int
mail_queue(struct store *s, const struct mail_keys *k, const struct mail *m, time_t now,
    struct strbuf *err)
{
	struct strbuf mid = STRBUF_INIT, unsub = STRBUF_INIT, text = STRBUF_INIT, html = STRBUF_INIT;
	struct store_mail sm;
	unsigned char rnd[16], *sealed = NULL;
	size_t slen = 0;
	int optout, ret = -1;

	strbuf_reset(err);
	if (ready(err))
		return -1;
	if (!mail_address_ok(m->to)) {
		strbuf_addf(err, "'%s' is not a mail address", m->to ? m->to : "");
		return -1;
	}
	if (store_mail_opted_out(s, m->to, &optout, err))
		return -1;
	if (optout) {
		strbuf_addf(err, "%s asked for no more mail", m->to);
		return 1;
	}
	randombytes_buf(rnd, sizeof(rnd));
	strbuf_addch(&mid, '<');
	b64url(&mid, rnd, sizeof(rnd));
	strbuf_addf(&mid, ".%lld@", (long long)now);
	url_host(m->base_url, &mid);
	strbuf_addch(&mid, '>');
	if (m->base_url) {
		strbuf_addf(&unsub, "%s/unsubscribe/", m->base_url);
		mail_unsubscribe_token(k, m->to, &unsub);
	}
	if (m->secret) {
		size_t n = strlen(m->secret);

		slen = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n;
		sealed = xmalloc(slen);
		randombytes_buf(sealed, crypto_secretbox_NONCEBYTES);
		crypto_secretbox_easy(sealed + crypto_secretbox_NONCEBYTES,
		    (const unsigned char *)m->secret, n, sealed, k->seal);
	}
	memset(&sm, 0, sizeof(sm));
	sm.message_id = mid.buf;
	sm.kind = (char *)m->kind;
	sm.topic = (char *)m->topic;
	sm.to_addr = (char *)m->to;
	sm.to_name = (char *)m->to_name;
	sm.subject = (char *)m->subject;
	/* the footer in the mail's language, the link standing as MAIL_UNSUB */
	strbuf_addstr(&text, m->text);
	strbuf_addstr(&html, m->html);
	if (m->base_url) {
		strbuf_addstr(&text, "\n\n--\n");
		strbuf_addf(&text, _("To get no more mail from Trellis: %s"), MAIL_UNSUB);
		strbuf_addch(&text, '\n');
		strbuf_addstr(&html, "\n<hr>\n<p style=\"font-size:small;color:#555\"><a href=\""
		    MAIL_UNSUB "\">");
		html_escape(&html, _("Get no more mail from Trellis"));
		strbuf_addstr(&html, "</a></p>");
	}
	sm.text_body = text.buf;
	sm.html_body = html.buf;
	sm.unsubscribe = m->base_url ? unsub.buf : NULL;
	sm.sealed = sealed;
	sm.sealed_len = slen;
	sm.queued = now;
	sm.next_try = now;
	ret = store_mail_add(s, &sm, err);
	free(sealed);
	strbuf_release(&mid);
	strbuf_release(&unsub);
	strbuf_release(&text);
	strbuf_release(&html);
	return ret;
}

/* mail.h */
int
mail_lang(struct store *s, const char *program, const char *to)
{
	struct store_slugs programs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	struct store_user u;
	char *value = NULL;
	int lang = -1;

	/* a mail is still sent in English when its language cannot be read */
	store_user_init(&u);
	if (to && store_user_get(s, to, &u, &err) == 0 && u.lang)
		lang = lang_parse(u.lang);
	if (lang < 0 && program == NULL && store_program_slugs(s, &programs, &err) == 0 &&
	    programs.n == 1)
		program = programs.v[0];
	if (lang < 0 && program && store_setting_get(s, program, "lang", &value, &err) == 0)
		lang = lang_parse(value);
	free(value);
	store_user_release(&u);
	store_slugs_release(&programs);
	strbuf_release(&err);
	return lang < 0 ? LANG_EN : lang;
}

/* ---- links ---- */

/* mail.h */
int
mail_link_program(struct store *s, const char *program, const char **in, struct strbuf *err)
{
	struct store_slugs programs = { NULL, 0, 0 };

	*in = NULL;
	if (store_program_slugs(s, &programs, err))
		return -1;
	if (programs.n > 1)
		*in = program;
	store_slugs_release(&programs);
	return 0;
}

/* mail.h */
void
mail_link(struct strbuf *out, const char *base_url, const char *in, const char *path)
{
	strbuf_addstr(out, base_url);
	url_in_program(out, in, path);
}

/* ---- the check-in reminder ---- */

/*
 * Queues the reminder of one silent initiative x to address to (name or
 * NULL). Returns 0, 1 when to asked for no mail (none queued), or -1.
 */
static int
remind_one(struct store *s, const struct mail_keys *k, const char *base_url,
    const struct store_silence *x, tdate since, int days, const char *to, const char *name,
    time_t now, struct strbuf *err)
{
	struct strbuf subject = STRBUF_INIT, text = STRBUF_INIT, html = STRBUF_INIT;
	struct strbuf when = STRBUF_INIT, link = STRBUF_INIT, para = STRBUF_INIT;
	struct strbuf hello = STRBUF_INIT, path = STRBUF_INIT;
	struct mail m = {
		.kind = "checkin-reminder", .topic = x->slug, .to = to, .to_name = name,
		.base_url = base_url,
	};
	const char *in;
	int r = -1, was = i18n_current();

	/* in the recipient's language (mail_lang); the thread's own again after */
	i18n_use(mail_lang(s, x->program, to));
	if (mail_link_program(s, x->program, &in, err))
		goto out;
	figure_date(since, &when);
	strbuf_addf(&path, "/i/%s/checkins/new", x->slug);
	mail_link(&link, base_url, in, path.buf);
	strbuf_addf(&subject, P_("%s: no check-in for %d day", "%s: no check-in for %d days", days),
	    x->name, days);
	if (x->last_checkin)
		strbuf_addf(&para, P_("The last check-in of %s was on %s, %d day ago.",
		    "The last check-in of %s was on %s, %d days ago.", days), x->name, when.buf, days);
	else
		strbuf_addf(&para, P_("%s has had no check-in since it started on %s, %d day ago.",
		    "%s has had no check-in since it started on %s, %d days ago.", days),
		    x->name, when.buf, days);
	if (name)
		strbuf_addf(&hello, _("Hello %s,"), name);
	else
		strbuf_addstr(&hello, _("Hello,"));
	strbuf_addf(&text, "%s\n\n%s\n\n", hello.buf, para.buf);
	strbuf_addf(&text, _("A monthly check-in keeps the funder and the team on the same page: "
	    "what moved, what is stuck, what comes next. Record the next one here:\n%s\n\nThis "
	    "reminder comes once a month while no check-in is recorded.\n"), link.buf);
	strbuf_addstr(&html, "<p>");
	html_escape(&html, hello.buf);
	strbuf_addstr(&html, "</p>\n<p>");
	html_escape(&html, para.buf);
	strbuf_addstr(&html, "</p>\n<p>");
	/* TRANSLATORS: a link to the check-in form follows */
	html_escape(&html, _("A monthly check-in keeps the funder and the team on the same page: "
	    "what moved, what is stuck, what comes next."));
	strbuf_addstr(&html, " <a href=\"");
	html_escape(&html, link.buf);
	strbuf_addstr(&html, "\">");
	html_escape(&html, _("Record the next one"));
	strbuf_addstr(&html, "</a>.</p>\n<p>");
	html_escape(&html, _("This reminder comes once a month while no check-in is recorded."));
	strbuf_addstr(&html, "</p>\n");
	m.subject = subject.buf;
	m.text = text.buf;
	m.html = html.buf;
	r = mail_queue(s, k, &m, now, err);
out:
	i18n_use(was);
	strbuf_release(&subject);
	strbuf_release(&text);
	strbuf_release(&html);
	strbuf_release(&when);
	strbuf_release(&link);
	strbuf_release(&para);
	strbuf_release(&hello);
	strbuf_release(&path);
	return r;		/* 1: an address that asked for no mail is left out */
}

/* 1 when x is due a reminder at now: *since its last check-in (or start), *days ago. */
static int
remind_due(const struct store_silence *x, time_t now, tdate *since, int *days)
{
	if (date_parse(x->last_checkin ? x->last_checkin : x->start, since) != 0)
		return 0;
	*days = (int)((tdate)(now / 86400) - *since);
	return *days >= MAIL_REMIND_DAYS &&
	    (x->last_reminder < 0 || now - x->last_reminder >= MAIL_REMIND_DAYS * 86400);
}

/*
 * Reads the initiatives running at now into v; *due says how many are due a
 * reminder. A plain read: the write transaction is begun only when one is.
 */
static int
remind_read(struct store *s, time_t now, struct store_silences *v, size_t *due,
    struct strbuf *err)
{
	char day[DATE_BUFSZ];
	tdate since;
	int days;

	store_silences_release(v);
	date_format((tdate)(now / 86400), day);
	if (store_mail_silent(s, day, v, err))
		return -1;
	*due = 0;
	for (size_t i = 0; i < v->n; i++)
		*due += (size_t)remind_due(&v->v[i], now, &since, &days);
	return 0;
}

/* mail_queue_reminders' write (app_txn_fn): read again inside it, so that two senders never remind twice. */
struct remind_write {
	const struct mail_keys *k;
	const char *base_url;
	time_t now;
	size_t queued;
};

static int
remind_change(struct store *s, void *arg, struct strbuf *err)
{
	struct remind_write *w = arg;
	struct store_silences v = { NULL, 0, 0 };
	struct store_slugs admins = { NULL, 0, 0 };
	size_t due = 0;
	tdate since;
	int days, r, ret = -1;

	w->queued = 0;
	if (remind_read(s, w->now, &v, &due, err))
		goto out;
	for (size_t i = 0; i < v.n; i++) {
		const struct store_silence *x = &v.v[i];

		if (!remind_due(x, w->now, &since, &days))
			continue;
		store_slugs_release(&admins);
		if (store_mail_admins(s, x->slug, &admins, err))
			goto out;
		if (x->director_email && mail_address_ok(x->director_email)) {
			if ((r = remind_one(s, w->k, w->base_url, x, since, days, x->director_email,
			    x->director, w->now, err)) < 0)
				goto out;
			w->queued += r == 0;
		}
		for (size_t j = 0; j < admins.n; j++) {
			if (x->director_email && strcasecmp(admins.v[j], x->director_email) == 0)
				continue;
			if ((r = remind_one(s, w->k, w->base_url, x, since, days, admins.v[j], NULL,
			    w->now, err)) < 0)
				goto out;
			w->queued += r == 0;
		}
	}
	ret = w->queued == 0 ? 1 : 0;	/* 1: another sender was first */
out:
	store_silences_release(&v);
	store_slugs_release(&admins);
	return ret;
}

int
mail_queue_reminders(struct store *s, const struct mail_keys *k, const char *base_url,
    time_t now, size_t *queued, struct strbuf *err)
{
	struct store_silences v = { NULL, 0, 0 };
	struct remind_write w = { k, base_url, now, 0 };
	size_t due = 0;
	int ret = -1;

	*queued = 0;
	if (remind_read(s, now, &v, &due, err))
		goto done;
	ret = 0;
	if (due > 0 && (ret = app_txn_run(s, remind_change, &w, NULL, err)) != -1) {
		*queued = ret == 0 ? w.queued : 0;
		ret = 0;
	}
done:
	store_silences_release(&v);
	return ret;
}

/* ---- composing ---- */

/* 1 when s has a byte that a header cannot carry as it is. */
static int
needs_encoding(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < ' ' || *p >= 0x7f)
			return 1;
	return 0;
}

/* Appends s, with control characters (CR, LF ...) as spaces. */
static void
add_clean(struct strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addch(out, (unsigned char)s[i] < ' ' ? ' ' : s[i]);
}

/*
 * Appends s as header text: as it is when plain ASCII, else as RFC 2047
 * encoded words (UTF-8, base64) of at most 45 bytes each, never cutting
 * a character.
 */
static void
header_text(struct strbuf *out, const char *s)
{
	struct strbuf clean = STRBUF_INIT;
	size_t i = 0, n;

	add_clean(&clean, s, strlen(s));
	if (!needs_encoding(clean.buf)) {
		strbuf_add(out, clean.buf, clean.len);
		strbuf_release(&clean);
		return;
	}
	while (i < clean.len) {
		size_t len = clean.len - i < 45 ? clean.len - i : 45;
		char b[64];

		while (i + len < clean.len && ((unsigned char)clean.buf[i + len] & 0xc0) == 0x80)
			len--;
		n = len;
		sodium_bin2base64(b, sizeof(b), (const unsigned char *)clean.buf + i, n,
		    sodium_base64_VARIANT_ORIGINAL);
		strbuf_addf(out, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", b);
		i += n;
	}
	strbuf_release(&clean);
}

/* Appends a display name as a quoted string (or encoded words) and <addr>. */
static void
header_address(struct strbuf *out, const char *name, const char *addr)
{
	if (name && *name) {
		if (needs_encoding(name)) {
			header_text(out, name);
		} else {
			strbuf_addch(out, '"');
			for (const char *p = name; *p; p++) {
				if (*p == '"' || *p == '\\')
					strbuf_addch(out, '\\');
				strbuf_addch(out, *p);
			}
			strbuf_addch(out, '"');
		}
		strbuf_addch(out, ' ');
	}
	strbuf_addf(out, "<%s>", addr);
}

/*
 * Appends text as quoted-printable (RFC 2045): lines end in CRLF, none
 * longer than 76, bytes outside printable ASCII as =XX.
 */
static void
quoted_printable(struct strbuf *out, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		char enc[4];
		size_t n;

		if (*p == '\n') {
			strbuf_addstr(out, "\r\n");
			col = 0;
			continue;
		}
		if (*p == '\r')
			continue;
		if ((*p >= 33 && *p <= 126 && *p != '=') ||
		    ((*p == ' ' || *p == '\t') && p[1] != '\n' && p[1] != '\0')) {
			enc[0] = (char)*p;
			n = 1;
		} else {
			enc[0] = '=';
			enc[1] = hex[*p >> 4];
			enc[2] = hex[*p & 15];
			n = 3;
		}
		if (col + n > 75) {
			strbuf_addstr(out, "=\r\n");
			col = 0;
		}
		strbuf_add(out, enc, n);
		col += n;
	}
	strbuf_addstr(out, "\r\n");
}

/*
 * Appends body with secret where MAIL_SECRET stands and unsub where
 * MAIL_UNSUB does (html: escaped).
 */
static void
fill(struct strbuf *out, const char *body, const char *secret, const char *unsub, int html)
{
	const char *p = body, *q, *u;

	for (;;) {
		q = strstr(p, MAIL_SECRET);
		u = strstr(p, MAIL_UNSUB);
		if (q == NULL && u == NULL)
			break;
		if (u && (q == NULL || u < q)) {
			strbuf_add(out, p, (size_t)(u - p));
			if (html)
				html_escape(out, unsub ? unsub : "");
			else
				strbuf_addstr(out, unsub ? unsub : "");
			p = u + strlen(MAIL_UNSUB);
			continue;
		}
		strbuf_add(out, p, (size_t)(q - p));
		if (secret && html)
			html_escape(out, secret);
		else if (secret)
			strbuf_addstr(out, secret);
		else
			strbuf_addstr(out, "(the link could not be opened)");
		p = q + strlen(MAIL_SECRET);
	}
	strbuf_addstr(out, p);
}

/* Appends now as an RFC 5322 date, in UTC, in English whatever the locale. */
static void
rfc5322_date(struct strbuf *out, time_t now)
{
	static const char *const day[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;

	gmtime_r(&now, &tm);
	strbuf_addf(out, "%s, %02d %s %d %02d:%02d:%02d +0000", day[tm.tm_wday], tm.tm_mday,
	    mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void
mail_compose(const struct store_mail *m, const char *from, const char *secret,
    time_t now, struct strbuf *out)
{
	struct strbuf body = STRBUF_INIT, boundary = STRBUF_INIT;
	unsigned char rnd[12];

	randombytes_buf(rnd, sizeof(rnd));
	strbuf_addstr(&boundary, "=_trellis_");
	b64url(&boundary, rnd, sizeof(rnd));

	strbuf_addstr(out, "Date: ");
	rfc5322_date(out, now);
	strbuf_addstr(out, "\r\nFrom: ");
	header_address(out, "Trellis", from);
	strbuf_addstr(out, "\r\nTo: ");
	header_address(out, m->to_name, m->to_addr);
	strbuf_addstr(out, "\r\nSubject: ");
	header_text(out, m->subject);
	strbuf_addf(out, "\r\nMessage-ID: %s\r\n", m->message_id);
	if (m->unsubscribe) {
		strbuf_addf(out, "List-Unsubscribe: <%s>\r\n", m->unsubscribe);
		strbuf_addstr(out, "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
	}
	strbuf_addstr(out, "Auto-Submitted: auto-generated\r\n");
	strbuf_addstr(out, "MIME-Version: 1.0\r\n");
	strbuf_addf(out, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n",
	    boundary.buf);

	strbuf_addf(out, "--%s\r\n", boundary.buf);
	strbuf_addstr(out, "Content-Type: text/plain; charset=utf-8\r\n");
	strbuf_addstr(out, "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	fill(&body, m->text_body, secret, m->unsubscribe, 0);
	/* a mail queued before its footer was written with it: the English one */
	if (m->unsubscribe && strstr(m->text_body, MAIL_UNSUB) == NULL)
		strbuf_addf(&body, "\n\n--\nTo get no more mail from Trellis: %s\n", m->unsubscribe);
	quoted_printable(out, body.buf);

	strbuf_reset(&body);
	strbuf_addf(out, "--%s\r\n", boundary.buf);
	strbuf_addstr(out, "Content-Type: text/html; charset=utf-8\r\n");
	strbuf_addstr(out, "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	strbuf_addstr(&body, "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>");
	html_escape(&body, m->subject);
	strbuf_addstr(&body, "</title></head>\n<body style=\"font-family:sans-serif;"
	    "line-height:1.5;max-width:40em\">\n");
	fill(&body, m->html_body, secret, m->unsubscribe, 1);
	if (m->unsubscribe && strstr(m->html_body, MAIL_UNSUB) == NULL) {
		strbuf_addstr(&body, "\n<hr>\n<p style=\"font-size:small;color:#555\">"
		    "<a href=\"");
		html_escape(&body, m->unsubscribe);
		strbuf_addstr(&body, "\">Get no more mail from Trellis</a></p>");
	}
	strbuf_addstr(&body, "\n</body></html>\n");
	quoted_printable(out, body.buf);
	strbuf_addf(out, "--%s--\r\n", boundary.buf);

	strbuf_release(&body);
	strbuf_release(&boundary);
}

/* ---- sending ---- */

int
mail_config_check(const struct mail_config *c, struct strbuf *err)
{
	strbuf_reset(err);
	if (c->url == NULL || (strncmp(c->url, "smtp://", 7) != 0 &&
	    strncmp(c->url, "smtps://", 8) != 0)) {
		strbuf_addf(err, "--smtp: '%s' is not an smtp:// or smtps:// address",
		    c->url ? c->url : "");
		return -1;
	}
	if (!mail_address_ok(c->from)) {
		strbuf_addf(err, "--mail-from: '%s' is not a mail address (give one, like "
		    "trellis@example.org)", c->from ? c->from : "");
		return -1;
	}
	return 0;
}

int
mail_config_auth_file(struct mail_config *c, const char *path, struct strbuf *err)
{
	char buf[1024];
	struct stat st;
	ssize_t n;
	int fd, ret = -1;
	char *nl, *pw;

	strbuf_reset(err);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1) {
		strbuf_addf(err, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		strbuf_addf(err, "%s: not a regular file", path);
		goto out;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		strbuf_addf(err, "%s: open to others (chmod 600 it)", path);
		goto out;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n <= 0) {
		strbuf_addf(err, "%s: empty", path);
		goto out;
	}
	buf[n] = '\0';
	if ((nl = strchr(buf, '\n')) == NULL || nl == buf) {
		strbuf_addf(err, "%s:1: the user name, then the password on line 2", path);
		goto out;
	}
	*nl = '\0';
	pw = nl + 1;
	pw[strcspn(pw, "\r\n")] = '\0';
	if (*pw == '\0') {
		strbuf_addf(err, "%s:2: no password", path);
		goto out;
	}
	c->user = xstrdup(buf);
	c->password = xstrdup(pw);
	ret = 0;
out:
	sodium_memzero(buf, sizeof(buf));
	close(fd);
	return ret;
}

void
mail_config_release(struct mail_config *c)
{
	if (c->password)
		sodium_memzero(c->password, strlen(c->password));
	free(c->user);
	free(c->password);
	c->user = c->password = NULL;
}

int64_t
mail_backoff(int attempts)
{
	int64_t t = BACKOFF_FIRST;

	for (int i = 1; i < attempts && t < BACKOFF_MOST; i++)
		t *= 2;
	return t < BACKOFF_MOST ? t : BACKOFF_MOST;
}

struct upload {
	const char *p;
	size_t left;
};

static size_t
upload_read(char *buf, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t len = size * n < u->left ? size * n : u->left;

	memcpy(buf, u->p, len);
	u->p += len;
	u->left -= len;
	return len;
}

/* Opens the sealed link of m into out; -1 when it cannot be opened. */
static int
unseal(const struct mail_keys *k, const struct store_mail *m, struct strbuf *out)
{
	size_t n;
	unsigned char *plain;

	if (m->sealed_len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
		return -1;
	n = m->sealed_len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	plain = xmalloc(n + 1);
	if (crypto_secretbox_open_easy(plain, m->sealed + crypto_secretbox_NONCEBYTES,
	    m->sealed_len - crypto_secretbox_NONCEBYTES, m->sealed, k->seal) != 0) {
		free(plain);
		return -1;
	}
	strbuf_add(out, (const char *)plain, n);
	sodium_memzero(plain, n);
	free(plain);
	return 0;
}

/* Sends one mail on cu; 0, or -1 with why set. */
static int
send_one(CURL *cu, const struct mail_keys *k, const struct mail_config *c,
    const struct store_mail *m, time_t now, struct strbuf *why)
{
	struct strbuf msg = STRBUF_INIT, secret = STRBUF_INIT, from = STRBUF_INIT, to = STRBUF_INIT;
	char errbuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *rcpt = NULL;
	struct upload u;
	CURLcode rc;
	int ret = -1;

	if (m->sealed && unseal(k, m, &secret) != 0) {
		strbuf_addstr(why, "its link cannot be opened with this mail key");
		goto out;
	}
	mail_compose(m, c->from, m->sealed ? secret.buf : NULL, now, &msg);
	strbuf_addf(&from, "<%s>", c->from);
	strbuf_addf(&to, "<%s>", m->to_addr);
	rcpt = curl_fn.slist_append(NULL, to.buf);
	u.p = msg.buf;
	u.left = msg.len;
	curl_fn.easy_setopt(cu, CURLOPT_URL, c->url);
	curl_fn.easy_setopt(cu, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_fn.easy_setopt(cu, CURLOPT_MAIL_FROM, from.buf);
	curl_fn.easy_setopt(cu, CURLOPT_MAIL_RCPT, rcpt);
	curl_fn.easy_setopt(cu, CURLOPT_READFUNCTION, upload_read);
	curl_fn.easy_setopt(cu, CURLOPT_READDATA, &u);
	curl_fn.easy_setopt(cu, CURLOPT_UPLOAD, 1L);
	/* credentials only ever over TLS; without any, STARTTLS when offered */
	curl_fn.easy_setopt(cu, CURLOPT_USE_SSL, c->user ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	if (c->user) {
		curl_fn.easy_setopt(cu, CURLOPT_USERNAME, c->user);
		curl_fn.easy_setopt(cu, CURLOPT_PASSWORD, c->password);
	}
	curl_fn.easy_setopt(cu, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_fn.easy_setopt(cu, CURLOPT_TIMEOUT, 60L);
	curl_fn.easy_setopt(cu, CURLOPT_NOSIGNAL, 1L);
	curl_fn.easy_setopt(cu, CURLOPT_ERRORBUFFER, errbuf);
	rc = curl_fn.easy_perform(cu);
	if (rc != CURLE_OK) {
		strbuf_addf(why, "%s", errbuf[0] ? errbuf : curl_fn.easy_strerror(rc));
		goto out;
	}
	ret = 0;
out:
	curl_fn.slist_free_all(rcpt);
	if (secret.buf)
		sodium_memzero(secret.buf, secret.len);
	if (msg.buf)
		sodium_memzero(msg.buf, msg.len);
	strbuf_release(&secret);
	strbuf_release(&msg);
	strbuf_release(&from);
	strbuf_release(&to);
	return ret;
}

/*
 * The outbox's small writes (the sender's bookkeeping, an opt-out), each
 * one write of the one loop (app_txn_run; docs/postgresql.md), run again
 * on a conflict. One kind a case, each a single store call.
 */
enum outbox_write_kind { OW_CLAIM, OW_SENT, OW_RETRY, OW_OPTOUT };

struct outbox_write {
	enum outbox_write_kind kind;
	int64_t id, now;		/* a mail's id; the time (a retry's next try) */
	const char *text;		/* a failure's reason, an address */
	struct store_mails *due;	/* a claim's mail, filled afresh by each run */
};

static int
outbox_write_change(struct store *s, void *arg, struct strbuf *err)
{
	const struct outbox_write *w = arg;

	switch (w->kind) {
	case OW_CLAIM:
		store_mails_release(w->due);
		return store_mail_claim(s, w->now, SEND_LEASE, SEND_BATCH, w->due, err);
	case OW_SENT:
		return store_mail_sent(s, w->id, w->now, err);
	case OW_RETRY:
		return store_mail_retry(s, w->id, w->now, w->text, err);
	case OW_OPTOUT:
		return store_mail_optout(s, w->text, w->now, err);
	}
	assert(!"an outbox write of no known kind");
	return -1;
}

static int
outbox_write(struct store *s, struct outbox_write w, int *gave_up, struct strbuf *err)
{
	return app_txn_run(s, outbox_write_change, &w, gave_up, err);
}

int
mail_optout(struct store *s, const char *address, int64_t now, int *gave_up,
    struct strbuf *err)
{
	return outbox_write(s, (struct outbox_write){ .kind = OW_OPTOUT, .now = now,
	    .text = address }, gave_up, err);
}

int
mail_send_due(struct store *s, const struct mail_keys *k, const struct mail_config *c,
    time_t now, struct mail_sent *out, struct strbuf *err)
{
	struct store_mails due = { NULL, 0, 0 };
	struct strbuf why = STRBUF_INIT;
	CURL *cu = NULL;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	if (curl_ready(err) || mail_config_check(c, err))
		return -1;
	if ((cu = curl_fn.easy_init()) == NULL) {
		strbuf_addstr(err, "cannot start libcurl");
		return -1;
	}
	for (;;) {
		if (outbox_write(s, (struct outbox_write){ .kind = OW_CLAIM, .now = now,
		    .due = &due }, NULL, err))
			goto out;
		if (due.n == 0)
			break;
		for (size_t i = 0; i < due.n; i++) {
			const struct store_mail *m = &due.v[i];

			strbuf_reset(&why);
			if (send_one(cu, k, c, m, now, &why) == 0) {
				if (outbox_write(s, (struct outbox_write){ .kind = OW_SENT,
				    .id = m->id, .now = (int64_t)time(NULL) }, NULL, err))
					goto out;
				out->sent++;
			} else {
				if (outbox_write(s, (struct outbox_write){ .kind = OW_RETRY,
				    .id = m->id, .now = now + mail_backoff(m->attempts + 1),
				    .text = why.buf }, NULL, err))
					goto out;
				out->failed++;
			}
		}
		store_mails_release(&due);
	}
	ret = 0;
out:
	store_mails_release(&due);
	strbuf_release(&why);
	curl_fn.easy_cleanup(cu);
	return ret;
}
