/*
 * The page frame (PAGES.md "Navigation"): landmarks, skip link, top bar,
 * initiative tabs, one <h1>. See frame.h.
 */
#include <assert.h>
#include <stdio.h>

#include <string.h>

#include "frame.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

const char *const page_tab_labels[TAB__MAX] = {
	[TAB_OVERVIEW] = N_("Overview"),
	[TAB_TEAM] = N_("Team & roles"),
	[TAB_DECISIONS] = N_("Decisions"),
	[TAB_MONEY] = N_("Money"),
	[TAB_CREDIT] = N_("Credit & help"),
	[TAB_CHECKINS] = N_("Check-ins"),
	[TAB_ENGAGEMENT] = N_("Engagement"),
	[TAB_SURVEYS] = N_("Surveys"),
	[TAB_NETWORK] = N_("Network"),
	[TAB_RESULT] = N_("Shared result"),
	[TAB_TRANSFER] = N_("Import & export"),
};

const char *const page_tab_paths[TAB__MAX] = {
	[TAB_OVERVIEW] = "",
	[TAB_TEAM] = "/members",
	[TAB_DECISIONS] = "/decisions",
	[TAB_MONEY] = "/grants",
	[TAB_CREDIT] = "/credits",
	[TAB_CHECKINS] = "/checkins",
	[TAB_ENGAGEMENT] = "/events",
	[TAB_SURVEYS] = "/surveys",
	[TAB_NETWORK] = "/network",
	[TAB_RESULT] = "/observations",
	[TAB_TRANSFER] = "/import",
};

void
frame_csrf_field(struct html *h, const char *csrf)
{
	if (csrf)
		html_void(h, "input", "type", "hidden", "name", "csrf", "value", csrf, NULL);
}

void
frame_lang_href(struct strbuf *out, const char *self, int lang)
{
	/* addstr, not addf: every page's frame writes these (docs/benchmarks.md, P3) */
	strbuf_addstr(out, self);
	strbuf_addstr(out, strchr(self, '?') ? "&lang=" : "?lang=");
	strbuf_addstr(out, lang_code(lang));
}

/*
 * The language switch: a link per language this server can show, in its
 * own name, the current one marked; plain links, so it works without
 * JavaScript (the server remembers the choice, docs/i18n.md).
 */
static void
lang_switch(struct html *h, const struct frame *f)
{
	struct strbuf href = STRBUF_INIT;
	int cur = lang_parse(f->lang), n = 0;

	/* only the languages this server can show (util/i18n.h): none to choose, no switch */
	for (int l = 0; l < LANG__MAX; l++)
		n += i18n_available(l);
	if (n < 2)
		return;
	html_open(h, "nav", "class", "langs", "aria-label", _("Language"), NULL);
	html_open(h, "ul", NULL);
	for (int l = 0; l < LANG__MAX; l++) {
		if (!i18n_available(l))
			continue;
		strbuf_reset(&href);
		frame_lang_href(&href, f->self, l);
		html_open(h, "li", NULL);
		html_open(h, "a", "href", href.buf, "lang", lang_codes[l], "hreflang", lang_codes[l],
		    "aria-current", l == cur ? "true" : NULL, NULL);
		html_text(h, lang_names[l]);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&href);
}

static void
top_bar(struct html *h, const struct frame *f)
{
	html_open(h, "div", "class", "bar", NULL);
	html_open(h, "a", "class", "brand", "href", "/", NULL);
	html_text(h, f->brand ? f->brand : "Trellis");
	html_close(h);
	if (f->user && f->nplaces) {
		html_open(h, "nav", "class", "places", "aria-label", _("Initiatives"), NULL);
		html_open(h, "ul", NULL);
		for (size_t i = 0; i < f->nplaces; i++) {
			const struct frame_place *pl = &f->places[i];

			html_open(h, "li", "class", pl->cls, NULL);
			html_open(h, "a", "href", pl->href, "title", pl->title,
			    "aria-current", pl->current ? "true" : NULL, NULL);
			html_text(h, pl->label);
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	if (f->self)
		lang_switch(h, f);
	if (f->user) {
		html_open(h, "div", "class", "account", NULL);
		html_open(h, "span", NULL);
		html_open(h, "a", "href", "/account", "title", _("Your settings"), NULL);
		html_text(h, f->user);
		html_close(h);
		if (f->role)
			html_textf(h, " (%s)", f->role);
		html_close(h);
		html_open(h, "form", "method", "post", "action", "/logout", NULL);
		frame_csrf_field(h, f->csrf);
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, _("Sign out"));
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

static void
tabs(struct html *h, const struct frame *f)
{
	struct strbuf href = STRBUF_INIT;

	html_open(h, "nav", "class", "tabs", "aria-label", f->tabs_label ? f->tabs_label : f->slug,
	    NULL);
	html_open(h, "ul", NULL);
	for (int t = 0; t < TAB__MAX; t++) {
		strbuf_reset(&href);
		strbuf_addstr(&href, "/i/");
		strbuf_addstr(&href, f->slug);
		strbuf_addstr(&href, page_tab_paths[t]);
		html_open(h, "li", NULL);
		html_open(h, "a", "href", href.buf, "aria-current", t == f->tab ? "page" : NULL, NULL);
		html_text(h, _(page_tab_labels[t]));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&href);
}

void
frame_begin(struct html *h, const struct frame *f)
{
	assert(f->title != NULL);
	assert(f->tab >= TAB_NONE && f->tab < TAB__MAX);
	html_raw(h, "<!DOCTYPE html>\n");
	html_open(h, "html", "lang", f->lang ? f->lang : "en", NULL);
	html_open(h, "head", NULL);
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_void(h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1", NULL);
	html_open(h, "title", NULL);
	/* TRANSLATORS: the page's <title>: the page's own title, then the product's name */
	html_textf(h, _("%s · Trellis"), f->title);
	html_close(h);
	html_void(h, "link", "rel", "stylesheet", "href", "/static/trellis.css", NULL);
	html_close(h);
	html_open(h, "body", NULL);
	html_open(h, "a", "class", "skip", "href", "#main", NULL);
	html_text(h, _("Skip to content"));
	html_close(h);
	html_open(h, "header", "class", "top", NULL);
	top_bar(h, f);
	if (f->slug)
		tabs(h, f);
	html_close(h);
	html_open(h, "main", "id", "main", NULL);
	html_open(h, "h1", NULL);
	html_text(h, f->title);
	html_close(h);
	if (f->flash) {
		html_open(h, "p", "class", "notice", "role", "status", NULL);
		html_text(h, f->flash);
		html_close(h);
	}
}

void
frame_end(struct html *h)
{
	html_close_to(h, 0);
	strbuf_addch(h->out, '\n');
}
