/*
 * Languages: gettext bound once, a locale per language, the thread's choice
 * by uselocale(3). See i18n.h and docs/i18n.md.
 */
#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "strbuf.h"
#include "banned.h"

#ifndef I18N_BUILD_DIR
#define I18N_BUILD_DIR "build"
#endif

const char *const lang_codes[LANG__MAX] = {
	[LANG_EN] = "en",
	[LANG_ES] = "es",
};

const char *const lang_names[LANG__MAX] = {
	[LANG_EN] = "English",
	[LANG_ES] = "Español",
};

/*
 * The locales gettext is asked under, per language, the first that exists
 * wins. es_US first: the Spanish of the initiatives' residents, whose
 * numbers are written as in en_US (docs/i18n.md). Only LC_MESSAGES is
 * taken from it.
 */
static const char *const lang_locales[LANG__MAX][4] = {
	[LANG_EN] = { "C", NULL },
	[LANG_ES] = { "es_US.UTF-8", "es_ES.UTF-8", "es_MX.UTF-8", NULL },
};

static locale_t locales[LANG__MAX];
static _Thread_local int current = LANG_EN;

int
lang_parse(const char *code)
{
	size_t n;

	if (code == NULL)
		return -1;
	n = strcspn(code, "-_");
	for (int l = 0; l < LANG__MAX; l++)
		if (strlen(lang_codes[l]) == n && strncasecmp(code, lang_codes[l], n) == 0)
			return l;
	return -1;
}

const char *
lang_code(int lang)
{
	return lang >= 0 && lang < LANG__MAX ? lang_codes[lang] : lang_codes[LANG_EN];
}

/*
 * One q-value: "q=0.8" after a range's ';'. 0..1000 (thousandths), or -1
 * when malformed (RFC 9110: "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")]).
 */
static int
qvalue(const char *s, size_t n)
{
	int v = 0, digits = 0;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (n < 3 || (s[0] != 'q' && s[0] != 'Q') || s[1] != '=')
		return -1;
	s += 2, n -= 2;
	if (*s != '0' && *s != '1')
		return -1;
	v = (*s - '0') * 1000;
	s++, n--;
	if (n && *s == '.') {
		int scale = 100;

		s++, n--;
		while (n && isdigit((unsigned char)*s) && digits < 3) {
			v += (*s - '0') * scale;
			scale /= 10;
			s++, n--, digits++;
		}
	}
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	return n == 0 && v <= 1000 ? v : -1;
}

int
lang_from_accept(const char *header)
{
	size_t len, ranges = 0;
	const char *p, *end;
	int best = -1, bestq = 0;

	if (header == NULL)
		return -1;
	len = strnlen(header, I18N_ACCEPT_MAX);
	p = header;
	end = header + len;
	while (p < end && ranges < I18N_ACCEPT_RANGES) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma ? comma : end, *semi, *tag;
		char code[16];
		size_t tn;
		int q = 1000, l;

		ranges++;
		while (p < stop && (*p == ' ' || *p == '\t'))
			p++;
		tag = p;
		semi = memchr(p, ';', (size_t)(stop - p));
		tn = (size_t)((semi ? semi : stop) - tag);
		while (tn && (tag[tn - 1] == ' ' || tag[tn - 1] == '\t'))
			tn--;
		if (semi && (q = qvalue(semi + 1, (size_t)(stop - semi - 1))) < 0)
			q = 0;		/* a malformed weight: the range is skipped */
		if (tn > 0 && tn < sizeof(code)) {
			memcpy(code, tag, tn);
			code[tn] = '\0';
			l = lang_parse(code);
			if (l >= 0 && q > bestq && i18n_available(l)) {
				best = l;
				bestq = q;
			}
		}
		p = comma ? comma + 1 : end;
	}
	return best;
}

/* Whether dir holds the Spanish catalog (the marker that dir is a locale directory). */
static int
has_catalog(const char *dir)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat s;
	int ok;

	strbuf_addf(&sb, "%s/%s/LC_MESSAGES/%s.mo", dir, lang_codes[LANG_ES], TRELLIS_DOMAIN);
	ok = stat(sb.buf, &s) == 0 && S_ISREG(s.st_mode);
	strbuf_release(&sb);
	return ok;
}

/* The catalogs' directory into out (see i18n.h); 0, or -1 when none is found. */
static int
locale_dir(struct strbuf *out)
{
	static const char *const under[] = { "locale", I18N_BUILD_DIR "/locale", "share/locale" };
	const char *env = getenv("TRELLIS_LOCALEDIR");
	char exe[PATH_MAX];
	ssize_t n;

	if (env && *env) {
		strbuf_addstr(out, env);
		return has_catalog(env) ? 0 : -1;
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return -1;
	exe[n] = '\0';
	for (int depth = 0; depth < 6; depth++) {
		char *slash = strrchr(exe, '/');

		if (slash == NULL)
			break;
		*slash = '\0';
		for (size_t i = 0; i < sizeof(under) / sizeof(under[0]); i++) {
			strbuf_reset(out);
			strbuf_addf(out, "%s/%s", *exe ? exe : "", under[i]);
			if (has_catalog(out->buf))
				return 0;
		}
	}
	strbuf_reset(out);
	return -1;
}

int
i18n_init(struct strbuf *err)
{
	struct strbuf dir = STRBUF_INIT;
	int ret = 0, found;

	/* LANGUAGE overrides LC_MESSAGES in gettext, for every thread alike */
	unsetenv("LANGUAGE");
	textdomain(TRELLIS_DOMAIN);
	bind_textdomain_codeset(TRELLIS_DOMAIN, "UTF-8");
	if (!(found = locale_dir(&dir) == 0)) {
		strbuf_addf(err, "no translations found (%s): pages are in English only; "
		    "build them with `make` or set TRELLIS_LOCALEDIR",
		    dir.len ? dir.buf : "looked beside the binary");
		ret = -1;
	} else
		bindtextdomain(TRELLIS_DOMAIN, dir.buf);
	for (int l = 0; l < LANG__MAX; l++) {
		if (locales[l] != (locale_t)0)
			continue;
		for (int i = 0; lang_locales[l][i] && locales[l] == (locale_t)0; i++)
			locales[l] = newlocale(LC_MESSAGES_MASK, lang_locales[l][i], (locale_t)0);
		if (locales[l] == (locale_t)0 && ret == 0) {
			strbuf_addf(err, "the %s locale is not installed: %s pages fall back to "
			    "English; run scripts/deps.sh (it generates it)", lang_locales[l][0],
			    lang_names[l]);
			ret = -1;
		}
	}
	/* without a catalog a language would only show English under its name */
	for (int l = LANG_EN + 1; !found && l < LANG__MAX; l++)
		if (locales[l] != (locale_t)0) {
			freelocale(locales[l]);
			locales[l] = (locale_t)0;
		}
	strbuf_release(&dir);
	return ret;
}

int
i18n_available(int lang)
{
	return lang == LANG_EN || (lang > LANG_EN && lang < LANG__MAX &&
	    locales[lang] != (locale_t)0);
}

int
i18n_use(int lang)
{
	if (!i18n_available(lang))
		lang = LANG_EN;
	if (locales[lang] != (locale_t)0)
		uselocale(locales[lang]);
	else
		uselocale(LC_GLOBAL_LOCALE);
	current = lang;
	return lang;
}

int
i18n_current(void)
{
	return current;
}
