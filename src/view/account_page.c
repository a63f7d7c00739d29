/* "Your settings" (account_page.h). */
#include <stdio.h>
#include <string.h>

#include "account_page.h"
#include "html.h"
#include "../util/i18n.h"
#include "../util/banned.h"

static const struct {
	const char *value, *label, *hint;
} choices[] = {
	{ "none", N_("No digest"), N_("Only the mail that is for you: survey links, reminders.") },
	{ "daily", N_("Daily"), N_("Each day something changed: what changed in your initiatives "
	    "and any new alert.") },
	{ "weekly", N_("Weekly"), N_("The same, once a week.") },
};

/* One radio of a fieldset: name=value, id, checked or not, its label's words. */
static void
radio(struct html *h, const char *name, const char *value, int checked, const char *label,
    const char *label_lang)
{
	char id[32];

	snprintf(id, sizeof(id), "%s-%s", name, *value ? value : "none");
	html_open(h, "div", "class", "choice", NULL);
	html_void(h, "input", "type", "radio", "name", name, "id", id, "value", value,
	    "checked", checked ? "checked" : NULL, NULL);
	html_open(h, "label", "for", id, "lang", label_lang, NULL);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

/* The person's own language, or none (the browser's, else the program's). */
static void
lang_choice(struct html *h, const char *lang)
{
	int cur = lang_parse(lang);

	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Language"));
	radio(h, "lang", "", cur < 0, _("The one my browser asks for"), NULL);
	for (int l = 0; l < LANG__MAX; l++)
		radio(h, "lang", lang_codes[l], cur == l, lang_names[l], lang_codes[l]);
	html_close(h);
}

void
account_page(struct html *h, const struct account_page *pg)
{
	html_open(h, "p", NULL);
	/* TRANSLATORS: "Signed in as EMAIL (ROLE)." around the email in bold */
	html_text(h, _("Signed in as "));
	html_elem(h, "strong", pg->email);
	html_textf(h, _(" (%s)."), pg->role);
	html_close(h);
	if (pg->saved) {
		html_open(h, "p", "class", "saved", "role", "status", NULL);
		html_text(h, _("Your choice is saved."));
		html_close(h);
	}
	html_open(h, "form", "method", "post", "action", "/account", "class", "settings", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf", "value", pg->csrf, NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("A digest by mail"));
	if (!pg->mail_on) {
		html_open(h, "p", "class", "hint", NULL);
		html_text(h, _("This server sends no mail yet; your choice counts once it does."));
		html_close(h);
	}
	for (size_t i = 0; i < sizeof(choices) / sizeof(choices[0]); i++) {
		char id[32];

		snprintf(id, sizeof(id), "digest-%s", choices[i].value);
		html_open(h, "div", "class", "choice", NULL);
		if (strcmp(pg->digest, choices[i].value) == 0)
			html_void(h, "input", "type", "radio", "name", "digest", "id", id, "value",
			    choices[i].value, "checked", "checked", NULL);
		else
			html_void(h, "input", "type", "radio", "name", "digest", "id", id, "value",
			    choices[i].value, NULL);
		html_open(h, "label", "for", id, NULL);
		html_elem(h, "strong", _(choices[i].label));
		html_textf(h, " — %s", _(choices[i].hint));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	lang_choice(h, pg->lang);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Save"));
	html_close(h);
	html_close(h);
}
