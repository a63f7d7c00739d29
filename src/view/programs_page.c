/* The list of programs (programs_page.h). */
#include <stddef.h>

#include "html.h"
#include "programs_page.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/url.h"
#include "../util/banned.h"

void
programs_page(struct html *h, const struct programs_page *pg)
{
	struct strbuf href = STRBUF_INIT;

	if (pg->n == 0) {
		html_elem(h, "p", _("Your account has no role in any program of this server."));
		return;
	}
	html_elem(h, "p", _("This server holds several programs. Choose one to see its initiatives."));
	html_open(h, "ul", "class", "programs", NULL);
	for (size_t i = 0; i < pg->n; i++) {
		strbuf_reset(&href);
		url_in_program(&href, pg->items[i].slug, "/");
		html_open(h, "li", NULL);
		html_open(h, "a", "href", href.buf, NULL);
		html_text(h, pg->items[i].name);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&href);
}
