#ifndef TRELLIS_I18N_H
#define TRELLIS_I18N_H
/*
 * Languages (docs/i18n.md): GNU gettext, the domain "trellis", catalogs
 * under LOCALEDIR/LANG/LC_MESSAGES/trellis.mo built from po/LANG.po.
 *
 *	html_text(h, _("Sign in"));				// marked and translated
 *	static const char *const words[] = { N_("Agree") };	// marked; _() where shown
 *	html_textf(h, P_("%zu new link", "%zu new links", n), n);	// plurals: ngettext
 *
 * The language is the calling thread's: i18n_use() installs a locale with
 * uselocale(3) whose LC_MESSAGES is the language's (the other categories
 * stay "C", so numbers in JSON and CSV never change), and glibc's gettext
 * reads the thread's LC_MESSAGES. The web server calls i18n_use() per
 * request on the thread that answers it; the CLI installs the environment's
 * (cli.h: cli_lang_from_env) and a mail its recipient's (mail.h: mail_lang).
 */
#include <libintl.h>

#define TRELLIS_DOMAIN "trellis"
#define _(s) dgettext(TRELLIS_DOMAIN, s)
#define N_(s) (s)
#define P_(s, pl, n) dngettext(TRELLIS_DOMAIN, s, pl, (unsigned long)(n))
/* A plural pair marked in a table ({ NP_("grant", "grants") }); P_() where shown. */
#define NP_(s, pl) (s), (pl)
/*
 * A word whose translation depends on where it is read (msgctxt): the
 * budget's "Left" (what remains) is not a member's "Left" (the date).
 */
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)
static inline const char *
i18n_pgettext(const char *key, const char *s)
{
	const char *t = dgettext(TRELLIS_DOMAIN, key);

	return t == key ? s : t;
}

enum lang {
	LANG_EN,
	LANG_ES,
	LANG__MAX
};

/* The language's code ("en", "es"): <html lang>, ?lang=, cookies, settings. */
extern const char *const lang_codes[LANG__MAX];
/* Each language's name in itself ("English", "Español"): the switch. */
extern const char *const lang_names[LANG__MAX];

/*
 * The language of a code: "es", "ES", "es-MX", "es_US" → LANG_ES (the
 * primary subtag decides); -1 for anything else, NULL included.
 */
int lang_parse(const char *code);
/* The code of lang, or "en" for a value out of range. */
const char *lang_code(int lang);

/*
 * The language an Accept-Language header asks for: the available language
 * with the highest q-value (RFC 9110 §12.5.4; ties in the header's order,
 * q=0 never), or -1 when none is asked for. Reads at most the first
 * I18N_ACCEPT_MAX bytes and I18N_ACCEPT_RANGES ranges: a hostile header
 * costs nothing more, and a malformed range is skipped.
 */
#define I18N_ACCEPT_MAX 1024
#define I18N_ACCEPT_RANGES 32
int lang_from_accept(const char *header);

/*
 * Binds the "trellis" domain (UTF-8 out) to the catalogs' directory and
 * makes one locale per language. Call once, before any thread starts (it
 * also unsets LANGUAGE, which would override every thread's choice).
 * The directory: $TRELLIS_LOCALEDIR, else the nearest of the binary's
 * directory and its parents holding locale/, BUILD/locale/ or share/locale/
 * with the Spanish catalog. Returns 0; -1 with err set when a language
 * cannot be served (its catalog or its locale is missing): the others still
 * work, and i18n_available() says which.
 */
struct strbuf;
int i18n_init(struct strbuf *err);
/* Whether lang can be shown (English always). */
int i18n_available(int lang);
/*
 * Makes lang the calling thread's language (English when it is not
 * available). Returns the language now in use.
 */
int i18n_use(int lang);
/* The calling thread's language. */
int i18n_current(void);

#endif
