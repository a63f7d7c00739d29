#ifndef TRELLIS_ROUTER_H
#define TRELLIS_ROUTER_H
/*
 * The route table and the router (kcgi's page enum and const tables).
 *
 * Every URL Trellis answers is one row of web_routes[] in routes.c: a
 * method, a path pattern, the roles that may use it, the handler. Access is
 * denied by default: a path matching no row answers 404, a row whose
 * pattern matches but not its method 405 (with Allow), and a role missing
 * from the row's mask is refused (see web_access). A pattern captures
 * whole segments: "/i/{slug}/{kind}/{id}" (only these three names).
 *
 * To add a page: add its NAME to enum web_page, its row to web_routes[] at
 * the same place (with a comment naming it), its handler's prototype
 * below, and the handler in h_AREA.c.
 */
#include "web.h"

/* Route flags. */
#define WEB_R_IMPORT	(1u << 0)	/* body up to WEB_IMPORT_BODY_MAX instead of WEB_BODY_MAX */
#define WEB_R_SECRET	(1u << 1)	/* the path holds a secret (a survey link): logged as the pattern */
#define WEB_R_SITE	(1u << 2)	/* the site's, not one program's: answers without /p/{program}/ too */

struct web_route {
	int method;		/* one enum web_method bit; WEB_GET answers HEAD too */
	const char *pattern;	/* "/i/{slug}"; literal segments match exactly */
	int roles;		/* enum web_role bits allowed; WEB_ANON opens it to all */
	web_handler handler;
	unsigned flags;		/* WEB_R_* */
};

enum web_page {
	PAGE_STATIC_CSS,	/* GET /static/trellis.css */
	PAGE_PROGRAM,		/* GET / */
	PAGE_DASHBOARD,		/* GET /i/{slug} */
	/* import and export: literal paths, so before any /i/{slug}/{kind} row (first match wins) */
	PAGE_TRANSFER,		/* GET /i/{slug}/import */
	PAGE_IMPORT_POST,	/* POST /i/{slug}/import */
	PAGE_EXPORT,		/* GET /i/{slug}/export */
	PAGE_PROGRAM_TRANSFER,	/* GET /import */
	PAGE_PROGRAM_IMPORT_POST, /* POST /import */
	PAGE_PROGRAM_EXPORT,	/* GET /export */
	PAGE_LOGIN,		/* GET /login */
	PAGE_LOGIN_POST,	/* POST /login */
	PAGE_LOGOUT,		/* POST /logout */
	PAGE_ADMIN_USERS,	/* GET /admin/users */
	PAGE_ADMIN_USERS_POST,	/* POST /admin/users */
	PAGE_ADMIN_AUDIT,	/* GET /admin/audit */
	/* the JSON API (h_api.c, docs/api.md); report before {kind} (first match wins) */
	PAGE_API_PROGRAM,	/* GET /api/v1/program */
	PAGE_API_EXPORT,	/* GET /api/v1/export */
	PAGE_API_INITIATIVES,	/* GET /api/v1/initiatives */
	PAGE_API_INITIATIVE,	/* GET /api/v1/initiatives/{slug} */
	PAGE_API_REPORT,	/* GET /api/v1/initiatives/{slug}/report */
	PAGE_API_LIST,		/* GET /api/v1/initiatives/{slug}/{kind} */
	PAGE_API_CREATE,	/* POST /api/v1/initiatives/{slug}/{kind} */
	PAGE_API_RECORD,	/* GET /api/v1/initiatives/{slug}/{kind}/{id} */
	PAGE_API_PUT,		/* PUT /api/v1/initiatives/{slug}/{kind}/{id} */
	PAGE_API_PATCH,		/* PATCH /api/v1/initiatives/{slug}/{kind}/{id} */
	PAGE_API_DELETE,	/* DELETE /api/v1/initiatives/{slug}/{kind}/{id} */
	/* the record pages (h_records.c, h_team.c); literal rows win over {kind} and {id} (router.c) */
	PAGE_TEAM_INITIATIVE,	/* POST /i/{slug}/team/initiative */
	PAGE_TEAM_RACI,		/* POST /i/{slug}/team/raci */
	PAGE_RECORDS,		/* GET /i/{slug}/{kind} */
	PAGE_RECORD_CREATE,	/* POST /i/{slug}/{kind} */
	PAGE_RECORD_NEW,	/* GET /i/{slug}/{kind}/new */
	PAGE_RECORD,		/* GET /i/{slug}/{kind}/{id} */
	PAGE_RECORD_UPDATE,	/* POST /i/{slug}/{kind}/{id} (action=delete deletes) */
	/* the Network tab (h_network.c): literal rows, so they win over {kind} and {id} */
	PAGE_NETWORK,		/* GET /i/{slug}/network */
	PAGE_NETWORK_RATE,	/* POST /i/{slug}/network */
	PAGE_NETWORK_MAP,	/* GET /i/{slug}/network/map */
	/* survey rounds (h_survey.c); literal rows win over {kind}/{id} and /s/{id} */
	PAGE_SURVEY_ROUNDS,	/* GET /i/{slug}/surveys/rounds */
	PAGE_SURVEY_ROUNDS_POST, /* POST /i/{slug}/surveys/rounds */
	PAGE_SURVEY_RESULTS,	/* GET /i/{slug}/surveys/{id}/results */
	PAGE_SURVEY_FORM,	/* GET /s/{id}: the answer form, anonymous */
	PAGE_SURVEY_ANSWER,	/* POST /s/{id} */
	PAGE_SURVEY_THANKS,	/* GET /s/thanks */
	/* the program-level records (h_records.c, h_api.c): organizations, people, instruments, learning */
	PAGE_PROGRAM_RECORDS,	/* GET /program/{kind} */
	PAGE_PROGRAM_RECORD_CREATE, /* POST /program/{kind} */
	PAGE_PROGRAM_RECORD_NEW, /* GET /program/{kind}/new */
	PAGE_PROGRAM_RECORD,	/* GET /program/{kind}/{id} */
	PAGE_PROGRAM_RECORD_UPDATE, /* POST /program/{kind}/{id} (action=delete deletes) */
	PAGE_API_PROGRAM_LIST,	/* GET /api/v1/program/{kind} */
	PAGE_API_PROGRAM_CREATE, /* POST /api/v1/program/{kind} */
	PAGE_API_PROGRAM_RECORD, /* GET /api/v1/program/{kind}/{id} */
	PAGE_API_PROGRAM_PUT,	/* PUT /api/v1/program/{kind}/{id} */
	PAGE_API_PROGRAM_PATCH,	/* PATCH /api/v1/program/{kind}/{id} */
	PAGE_API_PROGRAM_DELETE, /* DELETE /api/v1/program/{kind}/{id} */
	PAGE_API_DOCS,		/* GET /api: the API's documentation */
	PAGE_API_ROOT,		/* GET /api/v1: the same */
	PAGE_UNSUBSCRIBE,	/* GET /unsubscribe/{id}: stop mail to the link's address */
	PAGE_UNSUBSCRIBE_POST,	/* POST /unsubscribe/{id}: the button, or RFC 8058 one-click */
	PAGE_ACCOUNT,		/* GET /account: your settings (the mail digest) */
	PAGE_ACCOUNT_POST,	/* POST /account: saves them */
	/* proposals (h_proposals.c): literal rows, so they win over {kind} and {id} */
	PAGE_PROPOSALS,		/* GET /i/{slug}/proposals */
	PAGE_PROPOSAL_CREATE,	/* POST /i/{slug}/proposals */
	PAGE_PROPOSAL_NEW,	/* GET /i/{slug}/proposals/new */
	PAGE_PROPOSAL,		/* GET /i/{slug}/proposals/{id} */
	PAGE_PROPOSAL_ANSWER,	/* POST /i/{slug}/proposals/{id}/answers */
	PAGE_PROPOSAL_CLOSE,	/* POST /i/{slug}/proposals/{id}/close */
	PAGE_API_PROPOSALS,	/* GET /api/v1/initiatives/{slug}/proposals */
	PAGE_API_PROPOSAL_OPEN,	/* POST /api/v1/initiatives/{slug}/proposals */
	PAGE_API_PROPOSAL,	/* GET /api/v1/initiatives/{slug}/proposals/{id} */
	PAGE_API_PROPOSAL_ANSWER, /* POST /api/v1/initiatives/{slug}/proposals/{id}/answers */
	PAGE_API_PROPOSAL_CLOSE, /* POST /api/v1/initiatives/{slug}/proposals/{id}/close */
	PAGE_ANSWER,		/* GET /i/{slug}/alerts/{id}: the team's answer to an alert */
	PAGE_ANSWER_POST,	/* POST /i/{slug}/alerts/{id}: op=answer | action | status */
	PAGE_PROGRAM_ACTIONS,	/* GET /program/actions: the open actions of every initiative */
	/* setting up on the web (h_setup.c): literal rows, so they win over /program/{kind} */
	PAGE_INITIATIVE_NEW,	/* GET /program/initiatives/new */
	PAGE_INITIATIVE_CREATE,	/* POST /program/initiatives */
	PAGE_INITIATIVE_EDIT,	/* GET /program/initiatives/{slug} */
	PAGE_INITIATIVE_SAVE,	/* POST /program/initiatives/{slug} */
	PAGE_PROGRAM_EDIT,	/* GET /program/edit */
	PAGE_PROGRAM_SAVE,	/* POST /program/edit */
	PAGE_SETTINGS,		/* GET /program/settings */
	PAGE_SETTINGS_POST,	/* POST /program/settings */
	PAGE_API_SETTINGS,	/* GET /api/v1/program/settings */
	PAGE_API_SETTINGS_PUT,	/* PUT /api/v1/program/settings */
	PAGE_API_INITIATIVE_CREATE, /* POST /api/v1/initiatives */
	PAGE_API_INITIATIVE_PUT, /* PUT /api/v1/initiatives/{slug} */
	PAGE_API_INITIATIVE_PATCH, /* PATCH /api/v1/initiatives/{slug} */
	/* the program team's pages of issue 13 (h_funder.c): literal rows, so they win over /program/{kind} */
	PAGE_PROGRAM_CHECKINS,	/* GET /program/checkins: the check-in calendar */
	PAGE_API_PROGRAM_CHECKINS, /* GET /api/v1/program/checkins: the same as JSON */
	PAGE_FOLLOWUP_DONE,	/* POST /i/{slug}/checkins/{id}/done: a follow-up done */
	PAGE_PROGRAM_ASSISTANCE, /* GET /program/assistance: technical assistance, hours per initiative */
	PAGE_API_PROGRAM_ASSISTANCE, /* GET /api/v1/program/assistance: the same as JSON */
	PAGE_PROGRAM_LEARNING,	/* GET /program/learning: the learning agenda (a team: its own notes) */
	PAGE_PROGRAM_LEARNING_POST, /* POST /program/learning/notes: a note under a question */
	PAGE_PORTFOLIO_TIME,	/* GET /program/portfolio: the portfolio over time */
	PAGE_PORTFOLIO_TIME_CSV, /* GET /program/portfolio.csv: the same as CSV */
	PAGE_API_PORTFOLIO,	/* GET /api/v1/program/portfolio: the same as JSON */
	PAGE_CANDIDATES,	/* GET /program/candidates: candidate backbones, assessed */
	PAGE_CANDIDATES_COMPARE, /* GET /program/candidates/compare?c=…: side by side */
	PAGE_API_CANDIDATES_COMPARE, /* GET /api/v1/program/candidates/compare?c=…: the same as JSON */
	PAGE_PROGRAM_APPROVALS,	/* GET /program/approvals: ledger entries awaiting approval */
	PAGE_APPROVAL_POST,	/* POST /i/{slug}/ledger/{id}/approvals: approve or reject (form) */
	PAGE_API_PROGRAM_APPROVALS, /* GET /api/v1/program/approvals: the same as JSON */
	PAGE_API_APPROVAL,	/* POST /api/v1/initiatives/{slug}/ledger/{id}/approvals {org, verdict, reason} */
	PAGE_API_PROGRAMS,	/* GET /api/v1/programs: the programs the caller may see */
	PAGE__MAX
};

extern const struct web_route web_routes[PAGE__MAX];

/* What web_route_match found. */
enum web_match_result {
	WEB_MATCH_OK,		/* m->route set, captures filled in */
	WEB_MATCH_NONE,		/* no pattern matches: 404 */
	WEB_MATCH_METHOD	/* a pattern matches, not with this method: 405, m->allow set */
};

#define WEB_SEGMENT_MAX	255	/* a captured segment longer than this does not match */

struct web_match {
	const struct web_route *route;
	int allow;		/* methods the matching patterns answer (for Allow) */
	/* captures: pointers into the caller's buffer, NUL-terminated, decoded */
	char *slug, *kind, *id;
	/* a matching WEB_R_SECRET row's pattern, whatever the method: what the log writes */
	const char *secret;
};

/*
 * Matches path (percent-decoded is NOT assumed: path is the raw path as
 * sent, without the query) and method against the n routes of table.
 * Segments are split on '/' first and then percent-decoded, so "%2F"
 * inside a capture never makes a new segment. buf (at least strlen(path)+1
 * bytes) receives the decoded captures. Returns an enum web_match_result,
 * or -1 when a segment's percent-encoding is bad or decodes to a NUL or a
 * control character (400).
 */
int web_route_match(const struct web_route *table, size_t n, const char *path,
    int method, char *buf, struct web_match *m);

/* What web_access decided. */
enum web_access_result {
	WEB_ALLOW,
	WEB_DENY_LOGIN,		/* not signed in: 303 to /login (401 for /api/) */
	WEB_DENY_FORBIDDEN,	/* signed in, but the role may not: 403 */
	WEB_DENY_HIDDEN		/* another initiative's page: 404, as if it did not exist */
};

/*
 * Whether user (NULL when anonymous) may use route r with the captured
 * initiative slug (NULL when the route has none). A member or viewer is
 * confined to their own initiative: any other slug is hidden (404).
 */
int web_access(const struct web_route *r, const struct web_user *user, const char *slug);

/* ---------------------------------------------------------------- handlers */

int h_static_css(struct web_request *req, struct web_response *res);	/* h_static.c */
int h_api_docs(struct web_request *req, struct web_response *res);	/* h_static.c */
int h_unsubscribe(struct web_request *req, struct web_response *res);	/* h_mail.c */
int h_unsubscribe_post(struct web_request *req, struct web_response *res);
int h_account(struct web_request *req, struct web_response *res);	/* h_account.c */
int h_account_post(struct web_request *req, struct web_response *res);
int h_program(struct web_request *req, struct web_response *res);	/* h_program.c */
int h_portfolio_time(struct web_request *req, struct web_response *res);	/* h_portfolio_time.c */
int h_portfolio_time_csv(struct web_request *req, struct web_response *res);
int h_api_portfolio(struct web_request *req, struct web_response *res);
int h_candidates(struct web_request *req, struct web_response *res);	/* h_candidates.c */
int h_candidates_compare(struct web_request *req, struct web_response *res);
int h_api_candidates_compare(struct web_request *req, struct web_response *res);
int h_dashboard(struct web_request *req, struct web_response *res);	/* h_dashboard.c */

int h_transfer(struct web_request *req, struct web_response *res);	/* h_transfer.c */
int h_import_post(struct web_request *req, struct web_response *res);	/* h_transfer.c */
int h_export(struct web_request *req, struct web_response *res);	/* h_transfer.c */
int h_api_program(struct web_request *req, struct web_response *res);	/* h_api.c */
int h_api_programs(struct web_request *req, struct web_response *res);	/* h_api.c */
int h_api_export(struct web_request *req, struct web_response *res);	/* h_api.c */
int h_api_initiatives(struct web_request *req, struct web_response *res); /* h_api.c */
int h_api_initiative(struct web_request *req, struct web_response *res); /* h_api.c */
int h_api_report(struct web_request *req, struct web_response *res);	/* h_api.c */
int h_api_list(struct web_request *req, struct web_response *res);	/* h_api.c */
int h_api_create(struct web_request *req, struct web_response *res);	/* h_api.c */
int h_api_record(struct web_request *req, struct web_response *res);	/* h_api.c */
int h_api_update(struct web_request *req, struct web_response *res);	/* h_api.c: PUT and PATCH */
int h_api_delete(struct web_request *req, struct web_response *res);	/* h_api.c */
/* h_api.c: starts a JSON answer with status; the body to write to. */
struct strbuf *api_begin(struct web_response *res, int status);
struct model_error;
/* h_api.c: a refused record (422, 409): {"status", "message", "field"}. */
int api_refused(struct web_response *res, int status, const struct model_error *e);

int h_login(struct web_request *req, struct web_response *res);	/* h_login.c */
int h_login_post(struct web_request *req, struct web_response *res);	/* h_login.c */
int h_logout(struct web_request *req, struct web_response *res);	/* h_login.c */
int h_admin_users(struct web_request *req, struct web_response *res);	/* h_admin.c */
int h_admin_users_post(struct web_request *req, struct web_response *res);	/* h_admin.c */
int h_admin_audit(struct web_request *req, struct web_response *res);	/* h_admin.c */
int h_records(struct web_request *req, struct web_response *res);	/* h_records.c */
int h_record_create(struct web_request *req, struct web_response *res);	/* h_records.c */
int h_record_new(struct web_request *req, struct web_response *res);	/* h_records.c */
int h_record(struct web_request *req, struct web_response *res);	/* h_records.c */
int h_record_update(struct web_request *req, struct web_response *res);	/* h_records.c */
int h_team_initiative(struct web_request *req, struct web_response *res);	/* h_team.c */
int h_team_raci(struct web_request *req, struct web_response *res);	/* h_team.c */
int h_answer(struct web_request *req, struct web_response *res);	/* h_answer.c */
int h_answer_post(struct web_request *req, struct web_response *res);	/* h_answer.c */
int h_program_actions(struct web_request *req, struct web_response *res);	/* h_actions.c */
int h_network(struct web_request *req, struct web_response *res);	/* h_network.c */
int h_network_rate(struct web_request *req, struct web_response *res);	/* h_network.c */
int h_network_map(struct web_request *req, struct web_response *res);	/* h_network.c */

int h_initiative_new(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_initiative_create(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_initiative_edit(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_initiative_save(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_program_edit(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_program_save(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_settings(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_settings_post(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_api_settings(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_api_settings_put(struct web_request *req, struct web_response *res);	/* h_setup.c */
int h_api_initiative_create(struct web_request *req, struct web_response *res); /* h_api.c */
int h_api_initiative_update(struct web_request *req, struct web_response *res); /* h_api.c: PUT, PATCH */

int h_survey_rounds(struct web_request *req, struct web_response *res);	/* h_survey.c */
int h_survey_rounds_post(struct web_request *req, struct web_response *res);	/* h_survey.c */
int h_survey_results(struct web_request *req, struct web_response *res);	/* h_survey.c */
int h_survey_form(struct web_request *req, struct web_response *res);	/* h_survey.c */
int h_survey_answer(struct web_request *req, struct web_response *res);	/* h_survey.c */
int h_survey_thanks(struct web_request *req, struct web_response *res);	/* h_survey.c */

int h_proposals(struct web_request *req, struct web_response *res);	/* h_proposals.c */
int h_proposal_create(struct web_request *req, struct web_response *res);
int h_proposal_new(struct web_request *req, struct web_response *res);
int h_proposal(struct web_request *req, struct web_response *res);
int h_proposal_answer_post(struct web_request *req, struct web_response *res);
int h_proposal_close_post(struct web_request *req, struct web_response *res);
int h_api_proposals(struct web_request *req, struct web_response *res);
int h_api_proposal_open(struct web_request *req, struct web_response *res);
int h_api_proposal(struct web_request *req, struct web_response *res);
int h_api_proposal_answer(struct web_request *req, struct web_response *res);
int h_api_proposal_close(struct web_request *req, struct web_response *res);
/* h_proposals.c: a JSON request body's object (NULL: 415 / 400 answered), its string members, unknown ones refused */
struct json_t;
struct json_t *api_body(struct web_request *req, struct web_response *res);
int api_string(struct json_t *o, const char *name, const char **v, struct model_error *e);
int api_known(struct json_t *o, const char *const *names, struct model_error *e);
int h_program_approvals(struct web_request *req, struct web_response *res);	/* h_approvals.c */
int h_approval_post(struct web_request *req, struct web_response *res);
int h_api_program_approvals(struct web_request *req, struct web_response *res);
int h_api_approval(struct web_request *req, struct web_response *res);
int h_program_checkins(struct web_request *req, struct web_response *res);	/* h_funder.c */
int h_api_program_checkins(struct web_request *req, struct web_response *res);	/* h_funder.c */
int h_followup_done(struct web_request *req, struct web_response *res);	/* h_funder.c */
int h_program_assistance(struct web_request *req, struct web_response *res);	/* h_funder.c */
int h_api_program_assistance(struct web_request *req, struct web_response *res);	/* h_funder.c */
int h_program_learning(struct web_request *req, struct web_response *res);	/* h_funder.c */
int h_program_learning_post(struct web_request *req, struct web_response *res);	/* h_funder.c */

#endif
