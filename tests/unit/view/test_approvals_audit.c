/*
 * The audit log says an approval in words (src/view/admin_pages.c,
 * docs/approvals.md): an update of a ledger entry that added an approval
 * is "X approved ledger entry L-12 for <the organization's name>" (its
 * slug when the page has no program to name it), a rejection with its
 * reason; any other update of an entry reads as before.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "util/xalloc.h"
#include "view/admin_pages.h"

static void
sentence_is(const struct audit_row *a, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	audit_sentence(a, &sb);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

#define ONE "{\"id\": \"L-12\", \"amount\": 12500, \"status\": \"pending\", \"approvals\": " \
	"[{\"org\": \"harlow-cf\", \"by\": \"root@x.org\", \"on_behalf\": true, \"date\": " \
	"\"2026-12-02\", \"verdict\": \"approve\", \"reason\": null}]}"
#define TWO "{\"id\": \"L-12\", \"amount\": 12500, \"approvals\": " \
	"[{\"org\": \"harlow-cf\", \"by\": \"root@x.org\", \"on_behalf\": true, \"date\": " \
	"\"2026-12-02\", \"verdict\": \"approve\", \"reason\": null}, {\"org\": \"schools\", " \
	"\"by\": \"m@x.org\", \"on_behalf\": false, \"date\": \"2026-12-03\", \"verdict\": " \
	"\"reject\", \"reason\": \"No invoice\"}]}"

static void
test_sentences(void **state)
{
	struct program p;
	struct organization *o;

	(void)state;
	program_init(&p);
	o = VEC_PUSH(&p.orgs);
	memset(o, 0, sizeof(*o));
	o->slug = xstrdup("harlow-cf");
	o->name = xstrdup("Harlow Community Foundation");
	sentence_is(&(struct audit_row){ .actor = "root@x.org", .action = "update", .kind = "ledger",
	    .record = "L-12", .initiative_name = "Harlow Mills", .p = &p,
	    .before = "{\"id\": \"L-12\", \"amount\": 12500, \"status\": \"pending\"}", .after = ONE },
	    "root@x.org approved ledger entry L-12 for Harlow Community Foundation in Harlow Mills.");
	/* no program at hand: the organization's slug */
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "update", .kind = "ledger",
	    .record = "L-12", .before = ONE, .after = TWO },
	    "m@x.org rejected ledger entry L-12 for schools (“No invoice”).");
	/* an update that adds no approval: as any record's */
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "update", .kind = "ledger",
	    .record = "L-12", .before = TWO, .after = TWO },
	    "m@x.org changed ledger entry L-12.");
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
