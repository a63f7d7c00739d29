/* "Your settings" (account_page.h). */
#include <stdio.h>
#include <string.h>

#include "account_page.h"
#include "html.h"
#include "../util/banned.h"

static const struct {
	const char *value, *label, *hint;
} choices[] = {
	{ "none", "No digest", "Only the mail that is for you: survey links, reminders." },
	{ "daily", "Daily", "Each day something changed: what changed in your initiatives "
	    "and any new alert." },
	{ "weekly", "Weekly", "The same, once a week." },
};

void
account_page(struct html *h, const struct account_page *pg)
{
	html_open(h, "p", NULL);
	html_text(h, "Signed in as ");
	html_elem(h, "strong", pg->email);
	html_textf(h, " (%s).", pg->role);
	html_close(h);
	if (pg->saved) {
		html_open(h, "p", "class", "saved", "role", "status", NULL);
		html_text(h, "Your choice is saved.");
		html_close(h);
	}
	html_open(h, "form", "method", "post", "action", "/account", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf", "value", pg->csrf, NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", "A digest by mail");
	if (!pg->mail_on) {
		html_open(h, "p", "class", "hint", NULL);
		html_text(h, "This server sends no mail yet; your choice counts once it does.");
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
		html_elem(h, "strong", choices[i].label);
		html_textf(h, " — %s", choices[i].hint);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Save");
	html_close(h);
	html_close(h);
}
