/*
 * The account forms' pieces (account_form.h): error summary, labelled
 * fields with their hint and message.
 */
#include <stdio.h>
#include <string.h>

#include "account_form.h"
#include "../util/i18n.h"
#include "../util/banned.h"

void
acct_error_summary(struct html *h, const struct acct_error *errs, size_t n)
{
	char href[64];

	if (n == 0)
		return;
	html_open(h, "div", "class", "error-summary", "role", "alert", NULL);
	html_elem(h, "h2", _("There is a problem"));
	html_open(h, "ul", NULL);
	for (size_t i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		if (errs[i].id && *errs[i].id) {
			snprintf(href, sizeof(href), "#%s", errs[i].id);
			html_open(h, "a", "href", href, NULL);
			html_text(h, errs[i].msg);
			html_close(h);
		} else
			html_text(h, errs[i].msg);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

const char *
acct_error_for(const struct acct_error *errs, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (errs[i].id && strcmp(errs[i].id, id) == 0)
			return errs[i].msg;
	return NULL;
}

void
acct_field_open(struct html *h, const char *id, const char *label, const char *hint,
    const char *error)
{
	char sub[64];

	html_open(h, "div", "class", error ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", id, NULL);
	html_text(h, label);
	html_close(h);
	if (hint) {
		snprintf(sub, sizeof(sub), "%s-hint", id);
		html_open(h, "p", "class", "hint", "id", sub, NULL);
		html_text(h, hint);
		html_close(h);
	}
	if (error) {
		snprintf(sub, sizeof(sub), "%s-error", id);
		html_open(h, "p", "class", "field-error", "id", sub, NULL);
		html_text(h, error);
		html_close(h);
	}
}

void
acct_input(struct html *h, const char *id, const char *name, const char *label,
    const char *type, const char *autocomplete, const char *value, const char *hint,
    const char *error)
{
	char desc[64];

	snprintf(desc, sizeof(desc), "%s-%s", id, error ? "error" : "hint");
	acct_field_open(h, id, label, hint, error);
	html_void(h, "input", "type", type, "id", id, "name", name, "autocomplete", autocomplete,
	    "value", value && *value ? value : NULL, "required", "", "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error || hint ? desc : NULL, NULL);
	html_close(h);
}
