/*
 * The mail of a survey link to its person (mail.h, docs/mail.md): what it
 * says, in text and HTML; the link itself goes in sealed.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "../app/write.h"
#include "../model/model.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../view/figures.h"
#include "../view/html.h"
#include "mail.h"
#include "../util/banned.h"

/* Puts "NAME (SLUG): " before the message in err. */
static void
name_first(struct strbuf *err, const struct survey_link *l)
{
	struct strbuf t = STRBUF_INIT;

	strbuf_addf(&t, "%s (%s): %s", l->member.name, l->member.person, err->buf);
	strbuf_reset(err);
	strbuf_add(err, t.buf, t.len);
	strbuf_release(&t);
}

/* mail.h */
int
mail_survey_links(struct store *s, const char *db, const struct program *p, const char *id,
    struct survey_links *links, const char *url, size_t ulen, const char *lang,
    struct strbuf *err)
{
	const struct initiative *in = &p->initiatives.v[0];
	const struct survey *sv = NULL;
	const struct instrument *ins;
	struct strbuf text = STRBUF_INIT, html = STRBUF_INIT, subject = STRBUF_INIT;
	struct strbuf link = STRBUF_INIT, base = STRBUF_INIT;
	struct strbuf opened = STRBUF_INIT, line = STRBUF_INIT;
	struct mail_keys keys;
	time_t now = time(NULL);
	int ret = -1, was = i18n_current();

	for (size_t i = 0; i < in->surveys.n && sv == NULL; i++)
		if (in->surveys.v[i].id && strcmp(in->surveys.v[i].id, id) == 0)
			sv = &in->surveys.v[i];
	for (size_t i = 0; i < links->n; i++)
		if (!mail_address_ok(links->v[i].member.email)) {
			strbuf_reset(err);
			/* TRANSLATORS: a person's name and slug, then ": ADDRESS" or nothing */
			strbuf_addf(err, _("%s (%s) has no mail address%s%s (add one, or make "
			    "their link without mail and hand it to them)"),
			    links->v[i].member.name, links->v[i].member.person,
			    links->v[i].member.email ? ": " : "",
			    links->v[i].member.email ? links->v[i].member.email : "");
			goto out;
		}
	if (mail_keys_open(db, 1, &keys, err))
		goto out;
	ins = sv ? program_instrument(p, sv->instrument.slug) : NULL;
	strbuf_add(&base, url, ulen);
	for (size_t i = 0; i < links->n; i++) {
		struct survey_link *l = &links->v[i];
		struct mail m = {
			.kind = "survey-invitation", .to = l->member.email, .to_name = l->member.name,
			.base_url = base.buf,
		};
		/* the link's language; a link without one: its person's (mail_lang) */
		int lg = i18n_use(lang ? lang_parse(lang) : mail_lang(s, p->slug, l->member.email));
		const char *title = ins && ins->title ? instrument_title(ins, lang_code(lg)) : NULL;
		int r;

		strbuf_reset(&subject);
		strbuf_reset(&opened);
		strbuf_reset(&text);
		strbuf_reset(&html);
		strbuf_reset(&link);
		strbuf_addf(&subject, _("%s: a short survey for the team"), in->name);
		m.subject = subject.buf;
		if (sv)
			figure_date(sv->opened, &opened);
		strbuf_addf(&link, "%s/s/%s", base.buf, l->token);
		strbuf_addf(&text, _("Hello %s,"), l->member.name);
		strbuf_addstr(&text, "\n\n");
		if (opened.len)
			strbuf_addf(&text, _("%s asks everyone on its team to answer a short survey, "
			    "\"%s\", open since %s. It takes a few minutes."), in->name,
			    title ? title : _("survey"), opened.buf);
		else
			strbuf_addf(&text, _("%s asks everyone on its team to answer a short survey, "
			    "\"%s\". It takes a few minutes."), in->name, title ? title : _("survey"));
		strbuf_addf(&text, "\n\n%s\n\n%s\n" MAIL_SECRET "\n",
		    _("Your answers are anonymous: they keep no trace of this link or of you, and "
		    "results are shown only for groups of three or more."),
		    _("Answer here (the link works once, for you alone):"));
		/* the HTML part: the same sentences, cut where the title's <b> is */
		strbuf_reset(&line);
		strbuf_addf(&line, _("Hello %s,"), l->member.name);
		strbuf_addstr(&html, "<p>");
		html_escape(&html, line.buf);
		strbuf_addstr(&html, "</p>\n<p>");
		strbuf_reset(&line);
		/* TRANSLATORS: the survey's title follows, in bold */
		strbuf_addf(&line, _("%s asks everyone on its team to answer a short survey, "),
		    in->name);
		html_escape(&html, line.buf);
		strbuf_addstr(&html, "<b>");
		html_escape(&html, title ? title : _("survey"));
		strbuf_addstr(&html, "</b>");
		strbuf_reset(&line);
		/* TRANSLATORS: after the survey's title */
		if (opened.len)
			strbuf_addf(&line, _(", open since %s. It takes a few minutes."), opened.buf);
		else
			strbuf_addstr(&line, _(". It takes a few minutes."));
		html_escape(&html, line.buf);
		strbuf_addstr(&html, "</p>\n<p>");
		html_escape(&html, _("Your answers are anonymous: they keep no trace of this link or "
		    "of you, and results are shown only for groups of three or more."));
		strbuf_addstr(&html, "</p>\n<p><a href=\"" MAIL_SECRET "\">");
		html_escape(&html, _("Answer the survey"));
		strbuf_addstr(&html, "</a> ");
		html_escape(&html, _("(the link works once, for you alone):"));
		strbuf_addstr(&html, "<br>" MAIL_SECRET "</p>\n");
		m.text = text.buf;
		m.html = html.buf;
		m.secret = link.buf;
		r = mail_queue(s, &keys, &m, now, err);
		i18n_use(was);
		if (r != 0) {
			name_first(err, l);
			goto wipe;
		}
		l->mailed = 1;
	}
	ret = 0;
wipe:
	sodium_memzero(&keys, sizeof(keys));
	if (link.buf)
		sodium_memzero(link.buf, link.len);
out:
	strbuf_release(&text);
	strbuf_release(&html);
	strbuf_release(&subject);
	strbuf_release(&link);
	strbuf_release(&base);
	strbuf_release(&opened);
	strbuf_release(&line);
	i18n_use(was);
	return ret;
}

/* mail_survey_invite's change (app_txn_fn). */
static int
invite_change(struct store *s, void *arg, struct strbuf *err)
{
	struct mail_invite *mi = arg;

	survey_links_release(mi->links);
	memset(mi->links, 0, sizeof(*mi->links));
	mi->r = store_survey_invite(s, mi->initiative, mi->id, mi->people, mi->n,
	    mi->lang, mi->links, mi->audit, err);
	if (mi->r == 0 && mi->email && mail_survey_links(s, mi->db, mi->p, mi->id, mi->links,
	    mi->url, mi->ulen, mi->lang, err))
		mi->r = -3;
	return mi->r == 0 ? 0 : mi->r == -1 ? -1 : 1;
}

int
mail_survey_invite(struct store *s, struct mail_invite *mi, int *gave_up, struct strbuf *err)
{
	return app_txn_run(s, invite_change, mi, gave_up, err);
}
