/*
 * Unit tests for src/view/admin_pages.c: the users page lists each account
 * with its role, the role pickers say what each role may do, one's own
 * account has no buttons, dates read "3 Dec 2026 05:22 UTC"; the audit log
 * reads in sentences (issue 11, point 9): "root (command line) opened
 * survey round s-5 in Harlow Mills", never "cli:root" or
 * "survey-invitations" where a person reads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/admin_pages.h"
#include "tagcheck.h"

static const char *const roles[] = { "admin", "member", "viewer", "evaluator" };
static const struct admin_choice inits[] = {
	{ "harlow-mills", "Harlow Mills Initiative (Harlow Mills)" },
	{ "port-ashby", "Port Ashby Together (Port Ashby)" },
};

/* 2016-12-31 14:05 UTC */
#define T_2016 ((int64_t)17166 * 86400 + 14 * 3600 + 5 * 60)

static void
test_users_page(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Users", .user = "a@x.org", .role = "admin", .csrf = "C1",
	    .tab = TAB_NONE };
	const struct admin_user users[] = {
		{ .email = "a@x.org", .role = "admin", .created = T_2016, .self = 1 },
		{ .email = "m@x.org", .role = "member", .initiative = "harlow-mills",
		  .initiative_name = "Harlow Mills Initiative", .created = T_2016 },
		{ .email = "e@x.org", .role = "evaluator", .created = T_2016, .disabled = T_2016 },
	};
	const struct acct_error errs[] = { { "new-email", "Enter the person's email address." } };
	const struct admin_add_form add = { .role = "viewer", .initiative = "port-ashby",
	    .errs = errs, .nerrs = 1 };
	struct admin_users_page pg = { .frame = &f, .users = users, .nusers = 3, .roles = roles,
	    .nroles = 4, .initiatives = inits, .ninitiatives = 2, .add = &add,
	    .notice = "Added the account m@x.org.", .password_min = 12, .password_max = 128 };
	struct html h;

	(void)state;
	html_init(&h, &sb);
	admin_users_write(&h, &pg);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<p class=\"meta\">3 accounts."));
	/* each account's row: email, role, initiative, created */
	assert_non_null(strstr(sb.buf, "<th scope=\"row\" data-label=\"Email\">m@x.org</th>"
	    "<td data-label=\"Role\">member</td><td data-label=\"Initiative\">Harlow Mills Initiative"
	    "</td><td data-label=\"Created\">31 Dec 2016 14:05 UTC</td><td data-label=\"Status\">"
	    "✓ active</td>"));
	assert_non_null(strstr(sb.buf, "<th scope=\"row\" data-label=\"Email\">e@x.org</th><td "
	    "data-label=\"Role\">evaluator</td><td data-label=\"Initiative\"><span "
	    "class=\"note\">the whole program</span></td>"));
	assert_non_null(strstr(sb.buf, "✗ disabled 31 Dec 2016 14:05 UTC"));
	assert_non_null(strstr(sb.buf, "<th scope=\"row\" data-label=\"Email\">a@x.org</th><td "
	    "data-label=\"Role\">admin</td>"));
	/* the role pickers say what each role may do */
	assert_non_null(strstr(sb.buf, "<option value=\"viewer\" selected>Viewer — reads one "
	    "initiative</option>"));
	assert_non_null(strstr(sb.buf, "Evaluator — reads the whole program, never single survey answers"));
	/* 2 other accounts: a role form, enable/disable and remove each; not one's own */
	assert_int_equal(count_of(sb.buf, "<summary>Change role</summary>"), 2);
	assert_int_equal(count_of(sb.buf, "name=\"email\" value=\"a@x.org\""), 0);
	assert_non_null(strstr(sb.buf, "your own account"));
	assert_non_null(strstr(sb.buf, "name=\"action\" value=\"enable\"/><input type=\"hidden\" "
	    "name=\"email\" value=\"e@x.org\""));
	/* every form carries the CSRF token: 2 × (role, organization, en/disable, remove) + add + sign-out */
	assert_int_equal(count_of(sb.buf, "name=\"csrf\" value=\"C1\""), 10);
	assert_int_equal(count_of(sb.buf, "<summary>Change organization</summary>"), 2);
	/* the add form as typed, its problem linked and beside the field */
	assert_non_null(strstr(sb.buf, "<a href=\"#new-email\">Enter the person&#39;s email address.</a>"));
	assert_non_null(strstr(sb.buf, "<option value=\"port-ashby\" selected>"));
	assert_non_null(strstr(sb.buf, "From 12 to 128 characters"));
	assert_non_null(strstr(sb.buf, "<p class=\"notice\" role=\"status\">Added the account m@x.org.</p>"));
	strbuf_release(&sb);
}

/* An admin of one program alone: the accounts with their role there, no form. */
static void
test_users_page_read_only(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Users", .user = "p@x.org", .role = "admin", .csrf = "C1",
	    .tab = TAB_NONE };
	const struct admin_user users[] = {
		{ .email = "m@x.org", .role = "member", .initiative = "harlow-mills",
		  .initiative_name = "Harlow Mills Initiative", .created = T_2016 },
		{ .email = "p@x.org", .role = "admin", .created = T_2016, .self = 1 },
	};
	struct admin_users_page pg = { .frame = &f, .users = users, .nusers = 2, .roles = roles,
	    .nroles = 4, .initiatives = inits, .ninitiatives = 2, .password_min = 12,
	    .password_max = 128, .read_only = 1 };
	struct html h;

	(void)state;
	html_init(&h, &sb);
	admin_users_write(&h, &pg);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<p class=\"meta\">2 accounts with a role in this program, "
	    "each with its role here. Accounts are changed by an admin of every program"));
	assert_non_null(strstr(sb.buf, "<th scope=\"row\" data-label=\"Email\">m@x.org</th>"
	    "<td data-label=\"Role\">member</td><td data-label=\"Initiative\">Harlow Mills Initiative"
	    "</td><td data-label=\"Created\">31 Dec 2016 14:05 UTC</td><td data-label=\"Status\">"
	    "✓ active</td></tr>"));
	/* no form but the sign-out's: no change, no add */
	assert_null(strstr(sb.buf, "data-label=\"Change\""));
	assert_null(strstr(sb.buf, "<summary>Change role</summary>"));
	assert_null(strstr(sb.buf, "name=\"action\" value=\"add\""));
	assert_int_equal(count_of(sb.buf, "name=\"csrf\" value=\"C1\""), 1);
	strbuf_release(&sb);
}

/* The sentence of one entry. */
static void
sentence_is(const struct audit_row *a, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	audit_sentence(a, &sb);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

static void
test_audit_sentences(void **state)
{
	(void)state;
	sentence_is(&(struct audit_row){ .actor = "cli:root", .action = "create", .kind = "surveys",
	    .record = "s-5", .initiative_name = "Harlow Mills",
	    .after = "{\"id\": \"s-5\", \"instrument\": \"balance\", \"opened\": \"2016-03-01\"}" },
	    "root (command line) opened survey round s-5 in Harlow Mills.");
	sentence_is(&(struct audit_row){ .actor = "cli:root", .action = "create",
	    .kind = "survey-invitations", .record = "s-5", .initiative_name = "Harlow Mills",
	    .after = "{\"links\":3}" },
	    "root (command line) made 3 survey links for round s-5 in Harlow Mills.");
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "update", .kind = "surveys",
	    .record = "s-5", .before = "{\"closed\":null}", .after = "{\"closed\":\"2016-12-31\"}" },
	    "m@x.org closed survey round s-5 on 31 Dec 2016.");
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "update", .kind = "decisions",
	    .record = "d-9", .initiative_name = "Port Ashby",
	    .before = "{\"id\": \"d-9\", \"title\": \"Old\"}",
	    .after = "{\"id\": \"d-9\", \"title\": \"Hire a director\"}" },
	    "m@x.org changed decision d-9 “Hire a director” in Port Ashby.");
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "delete",
	    .kind = "organizations", .record = "ansgar-hill",
	    .before = "{\"slug\": \"ansgar-hill\", \"name\": \"Ansgar Hill Outreach\"}" },
	    "m@x.org removed organization ansgar-hill “Ansgar Hill Outreach”.");
	sentence_is(&(struct audit_row){ .actor = "cli", .action = "import", .kind = "decisions.csv",
	    .after = "{\"file\": \"decisions.csv\", \"records\": 2}" },
	    "Someone at the command line imported 2 records from decisions.csv.");
	sentence_is(&(struct audit_row){ .actor = "a@x.org", .action = "update", .kind = "users",
	    .record = "v@x.org",
	    .before = "{\"email\": \"v@x.org\", \"role\": \"viewer\", \"initiative\": null, \"disabled\": false}",
	    .after = "{\"email\": \"v@x.org\", \"role\": \"viewer\", \"initiative\": null, \"disabled\": true}" },
	    "a@x.org disabled the account v@x.org.");
	sentence_is(&(struct audit_row){ .actor = "a@x.org", .action = "create", .kind = "users",
	    .record = "e@x.org", .after = "{\"email\": \"e@x.org\", \"role\": \"evaluator\"}" },
	    "a@x.org added the account e@x.org as an evaluator.");
	/* a proposal: opened, answered, closed */
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "create", .kind = "proposals",
	    .record = "P-1", .initiative_name = "Harlow Mills",
	    .after = "{\"id\": \"P-1\", \"title\": \"Share one evaluator\", \"decided\": null}" },
	    "m@x.org opened proposal P-1 “Share one evaluator” in Harlow Mills.");
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "update", .kind = "proposals",
	    .record = "P-1", .before = "{\"id\": \"P-1\", \"title\": \"Share one evaluator\"}",
	    .after = "{\"id\": \"P-1\", \"title\": \"Share one evaluator\", \"decided\": null}" },
	    "m@x.org recorded an answer to proposal P-1 “Share one evaluator”.");
	sentence_is(&(struct audit_row){ .actor = "m@x.org", .action = "update", .kind = "proposals",
	    .record = "P-1", .before = "{\"decided\": null}", .after = "{\"decided\": \"2016-07-02\"}" },
	    "m@x.org closed proposal P-1 on 2 Jul 2016.");
	/* a kind the page does not know still reads as words */
	sentence_is(&(struct audit_row){ .actor = "cli:ops", .action = "create", .kind = "grant_lines",
	    .record = "g-1" }, "ops (command line) added grant lines g-1.");
}

static void
test_audit_page(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Audit log", .user = "a@x.org", .role = "admin", .tab = TAB_NONE };
	const struct audit_row rows[] = {
		{ .at = T_2016, .actor = "cli:root", .action = "create", .kind = "survey-invitations",
		  .record = "s-5", .initiative_name = "Harlow Mills", .after = "{\"links\":1}" },
		{ .at = T_2016, .actor = "m@x.org", .action = "create", .kind = "decisions",
		  .record = "d-1", .after = "{\"id\": \"d-1\", \"title\": \"T\"}" },
	};
	struct audit_page pg = { .frame = &f, .rows = rows, .nrows = 2, .initiatives = inits,
	    .ninitiatives = 2, .filter = "harlow-mills", .filter_name = "Harlow Mills", .page = 2,
	    .more = 1 };
	struct html h;
	const char *details;

	(void)state;
	html_init(&h, &sb);
	admin_audit_write(&h, &pg);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<td class=\"when\" data-label=\"When\">31 Dec 2016 14:05 UTC"
	    "</td><td class=\"what\" data-label=\"What happened\">root (command line) made 1 survey link for round s-5 in Harlow Mills.</td>"));
	assert_non_null(strstr(sb.buf, "<summary>The new record</summary>"));
	/* the codes stay inside the record's JSON, never in what is read first */
	details = strstr(sb.buf, "<details>");
	assert_non_null(details);
	assert_null(strstr(sb.buf, "cli:root"));
	assert_true(strstr(sb.buf, "survey-invitations") == NULL ||
	    strstr(sb.buf, "survey-invitations") > details);
	assert_non_null(strstr(sb.buf, "<option value=\"harlow-mills\" selected>"));
	assert_non_null(strstr(sb.buf, "href=\"/admin/audit?page=1&amp;initiative=harlow-mills\" "
	    "rel=\"prev\""));
	assert_non_null(strstr(sb.buf, "href=\"/admin/audit?page=3&amp;initiative=harlow-mills\" "
	    "rel=\"next\""));
	/* an empty page names the initiative filtered by */
	pg.nrows = 0;
	pg.page = 1;
	pg.more = 0;
	strbuf_reset(&sb);
	html_init(&h, &sb);
	admin_audit_write(&h, &pg);
	assert_non_null(strstr(sb.buf, "No changes to Harlow Mills have been recorded yet."));
	assert_null(strstr(sb.buf, "rel=\"next\""));
	strbuf_release(&sb);
}

static void
test_recent_changes(void **state)
{
	const struct audit_row rows[] = {
		{ .at = 1480550400, .actor = "cli:root", .action = "create", .kind = "surveys",
		  .record = "s-5" },
		{ .at = 1480464000, .actor = "ana@x.org", .action = "update", .kind = "decisions",
		  .record = "d-960", .after = "{\"title\":\"Share the agenda\"}" },
	};
	const char *const links[] = { NULL, "/i/h/decisions/d-960" };
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	char err[128];

	(void)state;
	html_init(&h, &sb);
	audit_recent_write(&h, rows, links, 0, 0);
	assert_non_null(strstr(sb.buf, "No changes have been recorded yet."));
	strbuf_reset(&sb);
	html_init(&h, &sb);
	audit_recent_write(&h, rows, links, 2, 10);
	assert_int_equal(tagcheck(sb.buf, err, sizeof(err), NULL), 0);
	assert_non_null(strstr(sb.buf, "<td>1 Dec 2016 00:00 UTC</td>"));
	assert_non_null(strstr(sb.buf, "root (command line) opened survey round s-5."));
	assert_non_null(strstr(sb.buf, "ana@x.org changed decision d-960 “Share the agenda”. "
	    "<a href=\"/i/h/decisions/d-960\">Open it</a>"));
	assert_null(strstr(sb.buf, "cli:root"));
	assert_non_null(strstr(sb.buf, "The 10 latest changes"));
	strbuf_release(&sb);
}

/* The digest's counts: a number of records of a kind, one or many (ngettext); an unknown kind. */
static void
test_kind_count(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_int_equal(audit_kind_count("decisions", 3, &sb), 0);
	assert_string_equal(sb.buf, "3 decisions");
	strbuf_reset(&sb);
	assert_int_equal(audit_kind_count("ledger", 1, &sb), 0);
	assert_string_equal(sb.buf, "1 ledger entry");
	strbuf_reset(&sb);
	assert_int_equal(audit_kind_count("people", 2, &sb), 0);
	assert_string_equal(sb.buf, "2 people");
	assert_int_equal(audit_kind_count("surveys", 1, NULL), 0);
	strbuf_reset(&sb);
	assert_int_equal(audit_kind_count("sessions", 2, &sb), -1);
	assert_int_equal(audit_kind_count(NULL, 2, &sb), -1);
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_users_page),
		cmocka_unit_test(test_users_page_read_only),
		cmocka_unit_test(test_audit_sentences),
		cmocka_unit_test(test_audit_page),
		cmocka_unit_test(test_recent_changes),
		cmocka_unit_test(test_kind_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
