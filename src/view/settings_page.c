/* The program's settings page (settings_page.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "settings_page.h"
#include "../metrics/metrics.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

/* The page's sections: the settings whose names begin with one of prefixes. */
static const struct {
	const char *title, *intro;
	const char *prefixes[7];
} groups[] = {
	{ N_("Pitfall alerts"), N_("When the balance report raises each of the five alerts."),
	  { "dominance.", "rushed.", "blurred_boundaries.", "out_of_the_loop.",
	    "no_contrary_views.", NULL } },
	{ N_("Practice strengths"), N_("When the report shows each of the six strengths."),
	  { "shared_leadership.", "credit_given.", "capacity_shared.", "director_supported.",
	    "joint_grant_seeking.", "partners_compensated.", NULL } },
	{ N_("Grants"), N_("When a closed grant counts as unspent."), { "grants.", NULL } },
	{ N_("Backbone capacity"), N_("What makes a backbone high-capacity."), { "capacity.", NULL } },
	{ N_("Disbursement approval"), N_("Which ledger entries entered from now on need the approval of "
	  "two organizations before they count in the figures."), { "approval_threshold", NULL } },
	{ N_("Language"), N_("The pages' language for someone who chose none and whose browser "
	  "asks for none Trellis has (en or es)."), { "lang", NULL } },
};

static int
in_group(size_t g, const char *name)
{
	for (size_t j = 0; groups[g].prefixes[j]; j++)
		if (strncmp(name, groups[g].prefixes[j], strlen(groups[g].prefixes[j])) == 0)
			return 1;
	return 0;
}

/* "The dominance threshold (...)" from "the dominance threshold (...)". */
static void
capitalized(const char *s, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addstr(out, s);
	if (out->len)
		out->buf[0] = (char)toupper((unsigned char)out->buf[0]);
}

static void
one_setting(struct html *h, const struct settings_page *pg, size_t i,
    const struct metrics_settings *dflt, struct strbuf *sb)
{
	const char *name = metrics_settings_name(i);
	const char *msg = pg->errs ? form_error_for(pg->errs, name) : NULL;
	const char *typed = pg->typed ? form_get(pg->typed, name) : NULL;
	char v[NUM_BUFSZ], d[NUM_BUFSZ], range[METRICS_RANGE_BUFSZ];
	char hint[160], eid[160];
	const char *help;
	int changed;

	metrics_settings_value(pg->set, i, v);
	metrics_settings_value(dflt, i, d);
	changed = strcmp(v, d) != 0;
	snprintf(hint, sizeof(hint), "%s-hint", name);
	snprintf(eid, sizeof(eid), "%s-error", name);
	capitalized(_(metrics_settings_label(i)), sb);
	html_open(h, "div", "class", msg ? "field setting invalid" : "field setting", NULL);
	if (pg->can_edit) {
		html_open(h, "label", "for", name, NULL);
		html_text(h, sb->buf);
		html_close(h);
	} else
		html_elem(h, "h4", sb->buf);
	html_open(h, "p", "class", "hint", "id", hint, NULL);
	help = _(metrics_settings_help(i));
	html_textf(h, "%c%s.", toupper((unsigned char)help[0]), help + 1);
	/* what to type only for those who can type it (issue 11, point 14) */
	if (pg->can_edit)
		/* TRANSLATORS: the range ("a share from 0 to 1"), then the default value */
		html_textf(h, _(" Give %s; the default is %s."), metrics_settings_range(i, range), d);
	else
		html_textf(h, _(" The default is %s."), d);
	html_close(h);
	if (msg) {
		html_open(h, "p", "class", "error", "id", eid, NULL);
		html_elem(h, "span", _("Error: "));
		html_text(h, msg);
		html_close(h);
	}
	if (pg->can_edit) {
		strbuf_reset(sb);
		strbuf_addf(sb, msg ? "%s %s" : "%s", hint, eid);
		html_void(h, "input", "type", "text", "inputmode", "decimal", "class", "number",
		    "id", name, "name", name, "value", typed ? typed : v,
		    "aria-invalid", msg ? "true" : NULL, "aria-describedby", sb->buf, NULL);
		if (changed) {
			html_open(h, "p", "class", "meta", NULL);
			html_textf(h, _("Changed from the default (%s)."), d);
			html_close(h);
		}
	} else {
		html_open(h, "p", "class", "value", NULL);
		html_elem(h, "strong", v);
		if (changed)
			html_textf(h, _(" (changed from the default, %s)"), d);
		html_close(h);
	}
	html_close(h);
}

/* The error summary's name of a setting: its label. */
static void
setting_label(const void *ctx, const char *path, struct strbuf *out)
{
	long i = metrics_settings_find(path);

	(void)ctx;
	if (i >= 0)
		capitalized(_(metrics_settings_label((size_t)i)), out);
}

void
settings_page_write(struct html *h, const struct settings_page *pg)
{
	struct metrics_settings dflt;
	struct strbuf sb = STRBUF_INIT;

	metrics_settings_default(&dflt);
	frame_begin(h, pg->frame);
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, _("The thresholds the balance report and the capacity assessment use for "
	    "every initiative of the program. Shares are written from 0 to 1 (0.5 is half); "
	    "money in dollars."));
	if (pg->can_edit)
		html_text(h, _(" A change is recorded in the audit log, and every report uses it at once."));
	html_close(h);
	if (pg->can_edit) {
		form_error_summary_named(h, pg->errs, setting_label, NULL);
		html_open(h, "form", "method", "post", "action", "/program/settings", "class",
		    "record settings", "novalidate", "novalidate", NULL);
		frame_csrf_field(h, pg->csrf);
	}
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		char id[32];

		snprintf(id, sizeof(id), "settings-%zu", g);
		html_open(h, pg->can_edit ? "fieldset" : "section", "aria-labelledby", id, NULL);
		html_open(h, pg->can_edit ? "legend" : "h2", "id", id, NULL);
		html_text(h, _(groups[g].title));
		html_close(h);
		html_open(h, "p", "class", "meta", NULL);
		html_text(h, _(groups[g].intro));
		html_close(h);
		for (size_t i = 0; i < metrics_settings_count(); i++)
			if (in_group(g, metrics_settings_name(i)))
				one_setting(h, pg, i, &dflt, &sb);
		html_close(h);
	}
	if (pg->can_edit) {
		html_open(h, "p", "class", "actions", NULL);
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, _("Save the settings"));
		html_close(h);
		html_close(h);
		html_close(h);
	}
	frame_end(h);
	strbuf_release(&sb);
}
