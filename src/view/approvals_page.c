/* The approvals page (approvals_page.h). */
#include <stdio.h>
#include <string.h>

#include "approvals_page.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

/* "Approved by Harlow Public Schools (root on its behalf), 3 Dec 2026" */
static void
approval_line(struct html *h, const struct approval *a, const char *org)
{
	char d[DATE_WORDS_BUFSZ];

	html_open(h, "li", NULL);
	html_textf(h, a->verdict == VERDICT_APPROVE ? _("Approved by %s") : _("Rejected by %s"), org);
	if (a->on_behalf)
		html_textf(h, _(" (%s on its behalf)"), a->by);
	else
		html_textf(h, _(" (%s)"), a->by);
	html_textf(h, ", %s", date_format_words_lang(a->date, lang_code(i18n_current()), d));
	if (a->reason) {
		html_text(h, ": ");
		html_text(h, a->reason);
	}
	html_close(h);
}

/* The approve / reject form of it, its organization among those the account may act for. */
static void
act_form(struct html *h, const struct approvals_page *pg, const struct approval_item *it,
    struct strbuf *sb)
{
	char oid[160], rid[160];

	snprintf(oid, sizeof(oid), "org-%s-%s", it->slug, it->e->id);
	snprintf(rid, sizeof(rid), "reason-%s-%s", it->slug, it->e->id);
	strbuf_reset(sb);
	strbuf_addf(sb, "/i/%s/ledger/%s/approvals", it->slug, it->e->id);
	html_open(h, "form", "method", "post", "action", sb->buf, "class", "record approve", NULL);
	frame_csrf_field(h, pg->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", oid, NULL);
	html_text(h, _("For"));
	html_close(h);
	if (it->nmay == 1) {
		/* the one organization the account may act for: said, and sent */
		html_void(h, "input", "type", "hidden", "name", "org", "value", it->may[0].slug, NULL);
		html_open(h, "output", "id", oid, NULL);
		html_text(h, it->may[0].name);
		html_close(h);
	} else {
		html_open(h, "select", "id", oid, "name", "org", NULL);
		for (size_t k = 0; k < it->nmay; k++) {
			html_open(h, "option", "value", it->may[k].slug, NULL);
			html_text(h, it->may[k].name);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", rid, NULL);
	html_text(h, _("Reason"));
	html_open(h, "span", "class", "hint", NULL);
	html_text(h, _(" (required to reject)"));
	html_close(h);
	html_close(h);
	html_void(h, "input", "type", "text", "id", rid, "name", "reason", "maxlength", "1024",
	    "class", "wide", NULL);
	html_close(h);
	html_open(h, "div", "class", "actions", NULL);
	html_open(h, "button", "type", "submit", "name", "verdict", "value", "approve", NULL);
	html_text(h, _("Approve"));
	html_close(h);
	html_open(h, "button", "type", "submit", "name", "verdict", "value", "reject",
	    "class", "danger", NULL);
	html_text(h, _("Reject"));
	html_close(h);
	html_close(h);
	html_close(h);
}

static void
item_write(struct html *h, const struct approvals_page *pg, const struct approval_item *it,
    struct strbuf *sb)
{
	const struct ledger_entry *e = it->e;
	char d[DATE_WORDS_BUFSZ], m[NUM_BUFSZ], hid[160];

	snprintf(hid, sizeof(hid), "entry-%s-%s", it->slug, e->id);
	html_open(h, "article", "class", "approval", "id", hid, NULL);
	html_open(h, "h2", NULL);
	strbuf_reset(sb);
	strbuf_addf(sb, "/i/%s/ledger/%s", it->slug, e->id);
	html_open(h, "a", "href", sb->buf, NULL);
	html_textf(h, "%s · %s", e->id, money_display(e->amount, m));
	html_close(h);
	html_close(h);
	html_open(h, "dl", "class", "record", NULL);
	html_elem(h, "dt", _("Initiative"));
	html_open(h, "dd", NULL);
	strbuf_reset(sb);
	strbuf_addf(sb, "/i/%s/ledger", it->slug);
	html_open(h, "a", "href", sb->buf, NULL);
	html_text(h, it->initiative);
	html_close(h);
	html_close(h);
	html_elem(h, "dt", _("Grant"));
	html_open(h, "dd", NULL);
	strbuf_reset(sb);
	strbuf_addf(sb, "/i/%s/grants/%s", it->slug, e->grant.slug);
	html_open(h, "a", "href", sb->buf, NULL);
	html_text(h, e->grant.slug);
	html_close(h);
	if (it->funder)
		html_textf(h, " — %s", it->funder);
	html_close(h);
	html_elem(h, "dt", _("Date"));
	html_elem(h, "dd", date_format_words_lang(e->date, lang_code(i18n_current()), d));
	html_elem(h, "dt", _("Paid to"));
	html_elem(h, "dd", it->recipient ? it->recipient : _("Outside vendor"));
	if (e->purpose) {
		html_elem(h, "dt", _("Purpose"));
		html_elem(h, "dd", e->purpose);
	}
	html_elem(h, "dt", _("Entered by"));
	html_elem(h, "dd", it->entered_by ? it->entered_by : _("not recorded (imported)"));
	html_elem(h, "dt", _("Approvals so far"));
	html_open(h, "dd", NULL);
	if (e->approvals.n == 0)
		html_text(h, _("None yet: the first comes from an organization holding A for "
		    "“approve budget”."));
	else {
		html_open(h, "ul", "class", "approvals", NULL);
		for (size_t k = 0; k < e->approvals.n; k++)
			approval_line(h, &e->approvals.v[k], it->acted[k].name);
		html_close(h);
		html_text(h, _("The second comes from another member organization."));
	}
	html_close(h);
	html_close(h);
	if (it->error) {
		html_open(h, "p", "class", "error", "role", "alert", NULL);
		html_elem(h, "span", _("Error: "));
		html_text(h, it->error);
		html_close(h);
	}
	if (pg->can_act && it->nmay > 0)
		act_form(h, pg, it, sb);
	else if (pg->can_act) {
		html_open(h, "p", "class", "meta", NULL);
		html_text(h, _("No organization you may act for can approve it now."));
		html_close(h);
	}
	html_close(h);
}

void
approvals_page_write(struct html *h, const struct approvals_page *pg)
{
	struct strbuf sb = STRBUF_INIT;

	frame_begin(h, pg->frame);
	if (pg->error) {
		html_open(h, "p", "class", "error", "role", "alert", NULL);
		html_elem(h, "span", _("Error: "));
		html_text(h, pg->error);
		html_close(h);
	}
	html_open(h, "p", "class", "meta", NULL);
	if (pg->threshold)
		html_textf(h, _("Ledger entries of %s or more entered since the threshold was set "
		    "need two organizations' approval before they count in the figures."),
		    pg->threshold);
	else
		html_text(h, _("No approval threshold is set: new ledger entries count in the "
		    "figures as they are entered."));
	html_close(h);
	if (pg->nitems == 0) {
		html_open(h, "p", NULL);
		html_text(h, _("No ledger entry awaits approval."));
		html_close(h);
	} else {
		html_open(h, "p", NULL);
		html_textf(h, P_("%zu ledger entry awaits approval.",
		    "%zu ledger entries await approval.", pg->nitems), pg->nitems);
		html_close(h);
	}
	for (size_t i = 0; i < pg->nitems; i++)
		item_write(h, pg, &pg->items[i], &sb);
	strbuf_release(&sb);
	frame_end(h);
}

void
approvals_json(struct strbuf *out, const struct approvals_page *pg)
{
	strbuf_addstr(out, "{\"threshold\": ");
	strbuf_addstr(out, pg->threshold ? pg->threshold : "null");
	strbuf_addstr(out, ",\n \"pending\": [");
	for (size_t i = 0; i < pg->nitems; i++) {
		struct strbuf rec = STRBUF_INIT;

		json_write_record(&rec, &kind_ledger_entry, pg->items[i].e);
		strbuf_addstr(out, i ? ",\n  {\"initiative\": " : "\n  {\"initiative\": ");
		json_write_string(out, pg->items[i].slug);
		strbuf_addstr(out, ", \"entered_by\": ");
		if (pg->items[i].entered_by)
			json_write_string(out, pg->items[i].entered_by);
		else
			strbuf_addstr(out, "null");
		/* the record's own fields after these: its '{' dropped */
		strbuf_addstr(out, ", ");
		strbuf_add(out, rec.buf + 1, rec.len - 1);
		strbuf_release(&rec);
	}
	strbuf_addstr(out, "]}\n");
}
