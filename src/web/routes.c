/*
 * The one route table (RELIABILITY.md: deny by default; every route is
 * declared here with the roles that may use it). Rows are indexed by enum
 * web_page in router.h, with designated initializers so that the order of
 * rows cannot drift from the enum's.
 */
#include "router.h"
#include "../util/banned.h"

const struct web_route web_routes[PAGE__MAX] = {
	/* STATIC_CSS: the one stylesheet; public, so the sign-in page has it */
	[PAGE_STATIC_CSS] = { WEB_GET, "/static/trellis.css", WEB_ANYONE, h_static_css, WEB_R_SITE },
	/* PROGRAM: the program portfolio (a member or viewer is sent to their initiative) */
	[PAGE_PROGRAM] = { WEB_GET, "/", WEB_READERS, h_program, WEB_R_SITE },
	/* DASHBOARD: an initiative's overview */
	[PAGE_DASHBOARD] = { WEB_GET, "/i/{slug}", WEB_READERS, h_dashboard, 0 },
	/* TRANSFER: the import form (editors) and the export links of an initiative */
	[PAGE_TRANSFER] = { WEB_GET, "/i/{slug}/import", WEB_READERS, h_transfer, 0 },
	/* IMPORT_POST: a trellis/1 document or one CSV file into the initiative (up to 16 MiB) */
	[PAGE_IMPORT_POST] = { WEB_POST, "/i/{slug}/import", WEB_EDITORS, h_import_post, WEB_R_IMPORT },
	/* EXPORT: ?format=csv&kind=K | json | xlsx of the initiative, without survey answers */
	[PAGE_EXPORT] = { WEB_GET, "/i/{slug}/export", WEB_READERS, h_export, 0 },
	/* PROGRAM_TRANSFER: the program's import form (admin) and export links */
	[PAGE_PROGRAM_TRANSFER] = { WEB_GET, "/import", WEB_ADMIN | WEB_EVALUATOR, h_transfer, 0 },
	/* PROGRAM_IMPORT_POST: a trellis/1 document or one CSV file into the program */
	[PAGE_PROGRAM_IMPORT_POST] = { WEB_POST, "/import", WEB_ADMIN, h_import_post, WEB_R_IMPORT },
	/* PROGRAM_EXPORT: the whole program; survey answers for admins only (DESIGN §7) */
	[PAGE_PROGRAM_EXPORT] = { WEB_GET, "/export", WEB_ADMIN | WEB_EVALUATOR, h_export, 0 },
	/* LOGIN: the sign-in form; public */
	[PAGE_LOGIN] = { WEB_GET, "/login", WEB_ANYONE, h_login, WEB_R_SITE },
	/* LOGIN_POST: signs in (no session yet: only the origin check guards it) */
	[PAGE_LOGIN_POST] = { WEB_POST, "/login", WEB_ANYONE, h_login_post, WEB_R_SITE },
	/* LOGOUT: ends the session (with its CSRF token); anyone, so a stale cookie still clears */
	[PAGE_LOGOUT] = { WEB_POST, "/logout", WEB_ANYONE, h_logout, WEB_R_SITE },
	/* ADMIN_USERS: the accounts, and the forms that change them */
	[PAGE_ADMIN_USERS] = { WEB_GET, "/admin/users", WEB_ADMIN, h_admin_users, 0 },
	/* ADMIN_USERS_POST: add a user, change a role, disable, enable, remove */
	[PAGE_ADMIN_USERS_POST] = { WEB_POST, "/admin/users", WEB_ADMIN, h_admin_users_post, 0 },
	/* ADMIN_AUDIT: the audit log, newest first, paged, by initiative */
	[PAGE_ADMIN_AUDIT] = { WEB_GET, "/admin/audit", WEB_ADMIN, h_admin_audit, 0 },
	/* API_PROGRAM: the program's own fields and the initiatives the caller may read */
	[PAGE_API_PROGRAM] = { WEB_GET, "/api/v1/program", WEB_READERS, h_api_program, 0 },
	/* API_EXPORT: the whole trellis/1 document, survey answers included (admin) */
	[PAGE_API_EXPORT] = { WEB_GET, "/api/v1/export", WEB_ADMIN, h_api_export, 0 },
	/* API_INITIATIVES: the initiatives the caller may read, their own fields */
	[PAGE_API_INITIATIVES] = { WEB_GET, "/api/v1/initiatives", WEB_READERS, h_api_initiatives, 0 },
	/* API_INITIATIVE: one initiative's own fields */
	[PAGE_API_INITIATIVE] = { WEB_GET, "/api/v1/initiatives/{slug}", WEB_READERS, h_api_initiative, 0 },
	/* API_REPORT: the balance report JSON (?as_of=&months=) */
	[PAGE_API_REPORT] = { WEB_GET, "/api/v1/initiatives/{slug}/report", WEB_READERS, h_api_report, 0 },
	/* API_LIST: every record of one kind (surveys as aggregates) */
	[PAGE_API_LIST] = { WEB_GET, "/api/v1/initiatives/{slug}/{kind}", WEB_READERS, h_api_list, 0 },
	/* API_CREATE: a new record, the body one trellis/1 record */
	[PAGE_API_CREATE] = { WEB_POST, "/api/v1/initiatives/{slug}/{kind}", WEB_EDITORS, h_api_create, 0 },
	/* API_RECORD: one record by its key (rowid for observations and ties) */
	[PAGE_API_RECORD] = { WEB_GET, "/api/v1/initiatives/{slug}/{kind}/{id}", WEB_READERS, h_api_record, 0 },
	/* API_PUT: replaces a record with the body */
	[PAGE_API_PUT] = { WEB_PUT, "/api/v1/initiatives/{slug}/{kind}/{id}", WEB_EDITORS, h_api_update, 0 },
	/* API_PATCH: changes the fields the body names */
	[PAGE_API_PATCH] = { WEB_PATCH, "/api/v1/initiatives/{slug}/{kind}/{id}", WEB_EDITORS, h_api_update, 0 },
	/* API_DELETE: deletes a record */
	[PAGE_API_DELETE] = { WEB_DELETE, "/api/v1/initiatives/{slug}/{kind}/{id}", WEB_EDITORS, h_api_delete, 0 },
	/* TEAM_INITIATIVE: the committee and director form of Team & roles */
	[PAGE_TEAM_INITIATIVE] = { WEB_POST, "/i/{slug}/team/initiative", WEB_EDITORS, h_team_initiative, 0 },
	/* TEAM_RACI: the responsibilities matrix form of Team & roles */
	[PAGE_TEAM_RACI] = { WEB_POST, "/i/{slug}/team/raci", WEB_EDITORS, h_team_raci, 0 },
	/* RECORDS: the list of one record kind (members: Team & roles) */
	[PAGE_RECORDS] = { WEB_GET, "/i/{slug}/{kind}", WEB_READERS, h_records, 0 },
	/* RECORD_CREATE: the add form's POST */
	[PAGE_RECORD_CREATE] = { WEB_POST, "/i/{slug}/{kind}", WEB_EDITORS, h_record_create, 0 },
	/* RECORD_NEW: the add form */
	[PAGE_RECORD_NEW] = { WEB_GET, "/i/{slug}/{kind}/new", WEB_EDITORS, h_record_new, 0 },
	/* RECORD: one record, with its edit form for editors */
	[PAGE_RECORD] = { WEB_GET, "/i/{slug}/{kind}/{id}", WEB_READERS, h_record, 0 },
	/* RECORD_UPDATE: the edit form's POST; action=delete deletes */
	[PAGE_RECORD_UPDATE] = { WEB_POST, "/i/{slug}/{kind}/{id}", WEB_EDITORS, h_record_update, 0 },
	/* NETWORK: the map, the network.* figures and (editors) the rating form */
	[PAGE_NETWORK] = { WEB_GET, "/i/{slug}/network", WEB_READERS, h_network, 0 },
	/* NETWORK_RATE: one organization's ratings of the others, one tie each, all or none */
	[PAGE_NETWORK_RATE] = { WEB_POST, "/i/{slug}/network", WEB_EDITORS, h_network_rate, 0 },
	/* NETWORK_MAP: the map as an SVG file (Content-Disposition: attachment) */
	[PAGE_NETWORK_MAP] = { WEB_GET, "/i/{slug}/network/map", WEB_READERS, h_network_map, 0 },
	/* SURVEY_ROUNDS: a survey round's links and state; forms for editors */
	[PAGE_SURVEY_ROUNDS] = { WEB_GET, "/i/{slug}/surveys/rounds", WEB_READERS, h_survey_rounds, 0 },
	/* SURVEY_ROUNDS_POST: action=open | invite (answers the links once, 200) | close */
	[PAGE_SURVEY_ROUNDS_POST] = { WEB_POST, "/i/{slug}/surveys/rounds", WEB_EDITORS, h_survey_rounds_post, 0 },
	/* SURVEY_RESULTS: one round's aggregates (groups of n < 3 never shown), evaluators too */
	[PAGE_SURVEY_RESULTS] = { WEB_GET, "/i/{slug}/surveys/{id}/results", WEB_READERS, h_survey_results, 0 },
	/* SURVEY_FORM: the answer form of a one-time link; public (the token is the key) */
	[PAGE_SURVEY_FORM] = { WEB_GET, "/s/{id}", WEB_ANYONE, h_survey_form, WEB_R_SECRET | WEB_R_SITE },
	/* SURVEY_ANSWER: stores one response; public, guarded by the origin check and the token */
	[PAGE_SURVEY_ANSWER] = { WEB_POST, "/s/{id}", WEB_ANYONE, h_survey_answer, WEB_R_SECRET | WEB_R_SITE },
	/* SURVEY_THANKS: after answering; public */
	[PAGE_SURVEY_THANKS] = { WEB_GET, "/s/thanks", WEB_ANYONE, h_survey_thanks, WEB_R_SITE },
	/* PROGRAM_RECORDS: the program's organizations, people, instruments or learning notes */
	[PAGE_PROGRAM_RECORDS] = { WEB_GET, "/program/{kind}", WEB_ADMIN | WEB_EVALUATOR, h_records, 0 },
	/* PROGRAM_RECORD_CREATE: the add form's POST (admin) */
	[PAGE_PROGRAM_RECORD_CREATE] = { WEB_POST, "/program/{kind}", WEB_ADMIN, h_record_create, 0 },
	/* PROGRAM_RECORD_NEW: the add form (admin) */
	[PAGE_PROGRAM_RECORD_NEW] = { WEB_GET, "/program/{kind}/new", WEB_ADMIN, h_record_new, 0 },
	/* PROGRAM_RECORD: one program-level record, with its edit form for admins */
	[PAGE_PROGRAM_RECORD] = { WEB_GET, "/program/{kind}/{id}", WEB_ADMIN | WEB_EVALUATOR, h_record, 0 },
	/* PROGRAM_RECORD_UPDATE: the edit form's POST; action=delete deletes (admin) */
	[PAGE_PROGRAM_RECORD_UPDATE] = { WEB_POST, "/program/{kind}/{id}", WEB_ADMIN, h_record_update, 0 },
	/* API_PROGRAM_LIST: every program-level record of one kind */
	[PAGE_API_PROGRAM_LIST] = { WEB_GET, "/api/v1/program/{kind}", WEB_ADMIN | WEB_EVALUATOR, h_api_list, 0 },
	/* API_PROGRAM_CREATE: a new program-level record (admin) */
	[PAGE_API_PROGRAM_CREATE] = { WEB_POST, "/api/v1/program/{kind}", WEB_ADMIN, h_api_create, 0 },
	/* API_PROGRAM_RECORD: one program-level record by its key */
	[PAGE_API_PROGRAM_RECORD] = { WEB_GET, "/api/v1/program/{kind}/{id}", WEB_ADMIN | WEB_EVALUATOR, h_api_record, 0 },
	/* API_PROGRAM_PUT: replaces a program-level record (admin) */
	[PAGE_API_PROGRAM_PUT] = { WEB_PUT, "/api/v1/program/{kind}/{id}", WEB_ADMIN, h_api_update, 0 },
	/* API_PROGRAM_PATCH: changes the fields the body names (admin) */
	[PAGE_API_PROGRAM_PATCH] = { WEB_PATCH, "/api/v1/program/{kind}/{id}", WEB_ADMIN, h_api_update, 0 },
	/* API_PROGRAM_DELETE: deletes a program-level record (admin) */
	[PAGE_API_PROGRAM_DELETE] = { WEB_DELETE, "/api/v1/program/{kind}/{id}", WEB_ADMIN, h_api_delete, 0 },
	/* API_DOCS: docs/api.md as the binary was built with it; public, like the docs */
	[PAGE_API_DOCS] = { WEB_GET, "/api", WEB_ANYONE, h_api_docs, WEB_R_SITE },
	/* API_ROOT: the same documentation at the API's own root */
	[PAGE_API_ROOT] = { WEB_GET, "/api/v1", WEB_ANYONE, h_api_docs, WEB_R_SITE },
	/* UNSUBSCRIBE: a mail's List-Unsubscribe link (the address, signed); public */
	[PAGE_UNSUBSCRIBE] = { WEB_GET, "/unsubscribe/{id}", WEB_ANYONE, h_unsubscribe, WEB_R_SECRET | WEB_R_SITE },
	/* UNSUBSCRIBE_POST: no more mail to it; public, a mail provider posts it (RFC 8058) */
	[PAGE_UNSUBSCRIBE_POST] = { WEB_POST, "/unsubscribe/{id}", WEB_ANYONE, h_unsubscribe_post, WEB_R_SECRET | WEB_R_SITE },
	/* ACCOUNT: your settings, any signed-in person (the mail digest) */
	[PAGE_ACCOUNT] = { WEB_GET, "/account", WEB_SIGNED_IN, h_account, WEB_R_SITE },
	/* ACCOUNT_POST: saves them */
	[PAGE_ACCOUNT_POST] = { WEB_POST, "/account", WEB_SIGNED_IN, h_account_post, WEB_R_SITE },
	/* PROPOSALS: an initiative's proposals, open ones first, with their tallies */
	[PAGE_PROPOSALS] = { WEB_GET, "/i/{slug}/proposals", WEB_READERS, h_proposals, 0 },
	/* PROPOSAL_CREATE: the open form's POST */
	[PAGE_PROPOSAL_CREATE] = { WEB_POST, "/i/{slug}/proposals", WEB_EDITORS, h_proposal_create, 0 },
	/* PROPOSAL_NEW: the form that opens a proposal */
	[PAGE_PROPOSAL_NEW] = { WEB_GET, "/i/{slug}/proposals/new", WEB_EDITORS, h_proposal_new, 0 },
	/* PROPOSAL: one proposal, every answer, the tally; answer and close forms for editors */
	[PAGE_PROPOSAL] = { WEB_GET, "/i/{slug}/proposals/{id}", WEB_READERS, h_proposal, 0 },
	/* PROPOSAL_ANSWER: an organization's answer (the latest stands) */
	[PAGE_PROPOSAL_ANSWER] = { WEB_POST, "/i/{slug}/proposals/{id}/answers", WEB_EDITORS,
	    h_proposal_answer_post, 0 },
	/* PROPOSAL_CLOSE: closes it and records its decision */
	[PAGE_PROPOSAL_CLOSE] = { WEB_POST, "/i/{slug}/proposals/{id}/close", WEB_EDITORS,
	    h_proposal_close_post, 0 },
	/* API_PROPOSALS: every proposal of the initiative with its answers and tally */
	[PAGE_API_PROPOSALS] = { WEB_GET, "/api/v1/initiatives/{slug}/proposals", WEB_READERS,
	    h_api_proposals, 0 },
	/* API_PROPOSAL_OPEN: opens one: {title, body, category, closes, asked, decider} */
	[PAGE_API_PROPOSAL_OPEN] = { WEB_POST, "/api/v1/initiatives/{slug}/proposals", WEB_EDITORS,
	    h_api_proposal_open, 0 },
	/* API_PROPOSAL: one proposal with its answers and tally */
	[PAGE_API_PROPOSAL] = { WEB_GET, "/api/v1/initiatives/{slug}/proposals/{id}", WEB_READERS,
	    h_api_proposal, 0 },
	/* API_PROPOSAL_ANSWER: {org, answer, reason} */
	[PAGE_API_PROPOSAL_ANSWER] = { WEB_POST, "/api/v1/initiatives/{slug}/proposals/{id}/answers",
	    WEB_EDITORS, h_api_proposal_answer, 0 },
	/* API_PROPOSAL_CLOSE: {outcome, decided}; makes the decision record */
	[PAGE_API_PROPOSAL_CLOSE] = { WEB_POST, "/api/v1/initiatives/{slug}/proposals/{id}/close",
	    WEB_EDITORS, h_api_proposal_close, 0 },
	/* ANSWER: an alert's or strength's answer and actions in a period (?as_of=&months=) */
	[PAGE_ANSWER] = { WEB_GET, "/i/{slug}/alerts/{id}", WEB_READERS, h_answer, 0 },
	/* ANSWER_POST: op=answer (the text), op=action (a new one), op=status (id, status-ID) */
	[PAGE_ANSWER_POST] = { WEB_POST, "/i/{slug}/alerts/{id}", WEB_EDITORS, h_answer_post, 0 },
	/* PROGRAM_ACTIONS: the open actions across the portfolio, overdue marked (the funder) */
	[PAGE_PROGRAM_ACTIONS] = { WEB_GET, "/program/actions", WEB_ADMIN | WEB_EVALUATOR, h_program_actions, 0 },
	/* INITIATIVE_NEW: the form that creates an initiative (admin) */
	[PAGE_INITIATIVE_NEW] = { WEB_GET, "/program/initiatives/new", WEB_ADMIN, h_initiative_new, 0 },
	/* INITIATIVE_CREATE: creates it: its backbone a member, the 12 responsibilities */
	[PAGE_INITIATIVE_CREATE] = { WEB_POST, "/program/initiatives", WEB_ADMIN, h_initiative_create, 0 },
	/* INITIATIVE_EDIT: an initiative's own fields, with the next steps of setting it up */
	[PAGE_INITIATIVE_EDIT] = { WEB_GET, "/program/initiatives/{slug}", WEB_ADMIN, h_initiative_edit, 0 },
	/* INITIATIVE_SAVE: saves them */
	[PAGE_INITIATIVE_SAVE] = { WEB_POST, "/program/initiatives/{slug}", WEB_ADMIN, h_initiative_save, 0 },
	/* PROGRAM_EDIT: the program's name, funder and dates (admin) */
	[PAGE_PROGRAM_EDIT] = { WEB_GET, "/program/edit", WEB_ADMIN, h_program_edit, 0 },
	/* PROGRAM_SAVE: saves them */
	[PAGE_PROGRAM_SAVE] = { WEB_POST, "/program/edit", WEB_ADMIN, h_program_save, 0 },
	/* SETTINGS: every threshold of DESIGN §3 and §5; admins change them, evaluators read */
	[PAGE_SETTINGS] = { WEB_GET, "/program/settings", WEB_ADMIN | WEB_EVALUATOR, h_settings, 0 },
	/* SETTINGS_POST: saves the changed ones, each audited */
	[PAGE_SETTINGS_POST] = { WEB_POST, "/program/settings", WEB_ADMIN, h_settings_post, 0 },
	/* API_SETTINGS: the settings as JSON */
	[PAGE_API_SETTINGS] = { WEB_GET, "/api/v1/program/settings", WEB_ADMIN | WEB_EVALUATOR, h_api_settings, 0 },
	/* API_SETTINGS_PUT: {"NAME": value | null, ...}, all or nothing (admin) */
	[PAGE_API_SETTINGS_PUT] = { WEB_PUT, "/api/v1/program/settings", WEB_ADMIN, h_api_settings_put, 0 },
	/* API_INITIATIVE_CREATE: {slug, name, city, start, end, backbone, fiscal_agent, ...} → 201 (admin) */
	[PAGE_API_INITIATIVE_CREATE] = { WEB_POST, "/api/v1/initiatives", WEB_ADMIN, h_api_initiative_create, 0 },
	/* API_INITIATIVE_PUT: replaces an initiative's own fields (admin) */
	[PAGE_API_INITIATIVE_PUT] = { WEB_PUT, "/api/v1/initiatives/{slug}", WEB_ADMIN, h_api_initiative_update, 0 },
	/* API_INITIATIVE_PATCH: changes the own fields the body names (admin) */
	[PAGE_API_INITIATIVE_PATCH] = { WEB_PATCH, "/api/v1/initiatives/{slug}", WEB_ADMIN, h_api_initiative_update, 0 },
	/* PROGRAM_CHECKINS: months × initiatives, each check-in held, missing or upcoming */
	[PAGE_PROGRAM_CHECKINS] = { WEB_GET, "/program/checkins", WEB_ADMIN | WEB_EVALUATOR, h_program_checkins, 0 },
	/* API_PROGRAM_CHECKINS: the same calendar as JSON (?as_of=&months=) */
	[PAGE_API_PROGRAM_CHECKINS] = { WEB_GET, "/api/v1/program/checkins", WEB_ADMIN | WEB_EVALUATOR, h_api_program_checkins, 0 },
	/* FOLLOWUP_DONE: marks follow-up n of a check-in done (the program page's list, the check-in's page) */
	[PAGE_FOLLOWUP_DONE] = { WEB_POST, "/i/{slug}/checkins/{id}/done", WEB_EDITORS, h_followup_done, 0 },
	/* PROGRAM_ASSISTANCE: technical assistance across the program, hours per initiative */
	[PAGE_PROGRAM_ASSISTANCE] = { WEB_GET, "/program/assistance", WEB_ADMIN | WEB_EVALUATOR, h_program_assistance, 0 },
	/* API_PROGRAM_ASSISTANCE: the same as JSON */
	[PAGE_API_PROGRAM_ASSISTANCE] = { WEB_GET, "/api/v1/program/assistance", WEB_ADMIN | WEB_EVALUATOR, h_api_program_assistance, 0 },
	/* PROGRAM_LEARNING: the learning agenda; a member or viewer reads its own initiative's notes only */
	[PAGE_PROGRAM_LEARNING] = { WEB_GET, "/program/learning", WEB_READERS, h_program_learning, 0 },
	/* PROGRAM_LEARNING_POST: a note (a member's on its own initiative) */
	[PAGE_PROGRAM_LEARNING_POST] = { WEB_POST, "/program/learning/notes", WEB_ADMIN | WEB_MEMBER, h_program_learning_post, 0 },
	/* PORTFOLIO_TIME: each initiative's scores by quarter, grant burn, result, alerts */
	[PAGE_PORTFOLIO_TIME] = { WEB_GET, "/program/portfolio", WEB_ADMIN | WEB_EVALUATOR, h_portfolio_time, 0 },
	/* PORTFOLIO_TIME_CSV: the same, one line per initiative and quarter */
	[PAGE_PORTFOLIO_TIME_CSV] = { WEB_GET, "/program/portfolio.csv", WEB_ADMIN | WEB_EVALUATOR, h_portfolio_time_csv, 0 },
	/* API_PORTFOLIO: the same as JSON */
	[PAGE_API_PORTFOLIO] = { WEB_GET, "/api/v1/program/portfolio", WEB_ADMIN | WEB_EVALUATOR, h_api_portfolio, 0 },
	/* CANDIDATES: candidate backbones of a new round with their assessment (the records: PROGRAM_RECORD*) */
	[PAGE_CANDIDATES] = { WEB_GET, "/program/candidates", WEB_ADMIN | WEB_EVALUATOR, h_candidates, 0 },
	/* CANDIDATES_COMPARE: ?c=SLUG&c=SLUG side by side (DESIGN §5), printable */
	[PAGE_CANDIDATES_COMPARE] = { WEB_GET, "/program/candidates/compare", WEB_ADMIN | WEB_EVALUATOR, h_candidates_compare, 0 },
	/* API_CANDIDATES_COMPARE: the same as JSON, each capacity as `trellis capacity --format json` */
	[PAGE_API_CANDIDATES_COMPARE] = { WEB_GET, "/api/v1/program/candidates/compare", WEB_ADMIN | WEB_EVALUATOR, h_api_candidates_compare, 0 },
	/* PROGRAM_APPROVALS: ledger entries awaiting approval (members and viewers: their initiative's) */
	[PAGE_PROGRAM_APPROVALS] = { WEB_GET, "/program/approvals", WEB_READERS, h_program_approvals, 0 },
	/* APPROVAL_POST: an organization approves or rejects a ledger entry (docs/approvals.md) */
	[PAGE_APPROVAL_POST] = { WEB_POST, "/i/{slug}/ledger/{id}/approvals", WEB_EDITORS, h_approval_post, 0 },
	/* API_PROGRAM_APPROVALS: the pending entries as JSON */
	[PAGE_API_PROGRAM_APPROVALS] = { WEB_GET, "/api/v1/program/approvals", WEB_READERS, h_api_program_approvals, 0 },
	/* API_APPROVAL: {org, verdict, reason}; 201 with the entry */
	[PAGE_API_APPROVAL] = { WEB_POST, "/api/v1/initiatives/{slug}/ledger/{id}/approvals", WEB_EDITORS, h_api_approval, 0 },
	/* API_PROGRAMS: the programs served that the caller may see (a site admin: all), with their addresses */
	[PAGE_API_PROGRAMS] = { WEB_GET, "/api/v1/programs", WEB_READERS, h_api_programs, WEB_R_SITE },
};
