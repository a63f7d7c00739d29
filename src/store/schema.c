/*
 * The schema, as a list of migrations. Migration i (0-based) brings a
 * database from PRAGMA user_version i to i + 1; each text ends by setting
 * user_version itself, so the whole step runs inside the one transaction
 * store_open wraps it in. Never edit a migration that has shipped: add one.
 *
 * Conventions of the schema:
 * - Every record table has `id INTEGER PRIMARY KEY` (the model's rowid) and
 *   a NOT NULL foreign key to its parent (program, initiative, grant, ...),
 *   ON DELETE CASCADE.
 * - References to organizations, people, initiatives and grants are INTEGER
 *   foreign keys to their rows, never slugs. A decision's decider is
 *   decider_kind ('org' | 'committee' | 'team') plus decider_id, set only for
 *   'org'. A survey's instrument is its code as text, because the built-in
 *   instruments (`balance`, `director-support`) are not rows.
 * - A record's own id as written in trellis/1 ("D-12") is the column
 *   `ident`, unique within its initiative.
 * - Lists of references (and of expertise areas, RACI assignments, survey
 *   answers) live in link tables keyed (owner, position) WITHOUT ROWID, so
 *   their order is kept and an owner's rows are read in one ordered scan.
 * - Dates are ISO 'YYYY-MM-DD' TEXT: readable with the sqlite3 shell, and
 *   they sort and compare as dates. Absent dates are NULL.
 * - Money is INTEGER cents; hours and observation values REAL.
 * - Enumerations are stored as their trellis/1 names, checked.
 * - Optional values are NULL: strings, dates, staff/revenue, tie ratings.
 * - Survey answers carry no name and no organization: a response is only
 *   its survey and respondent group.
 * - Initiative slugs are unique in the whole database (not only in their
 *   program), because web routes name an initiative by slug alone.
 * Column names follow the trellis/1 field names; `start`, `end`, `left` and
 * `group` are SQL keywords and become start_date, end_date, left_date and
 * respondent_group.
 */
#include <assert.h>
#include <string.h>
#include <strings.h>

#include "store_impl.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

#define SECTORS "('nonprofit','public','private','philanthropy','education'," \
	"'health','faith','resident','other')"

static const char migration_1[] =
	"CREATE TABLE program ("
	" id INTEGER PRIMARY KEY,"
	" slug TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" funder TEXT NOT NULL,"
	" start_date TEXT NOT NULL,"
	" end_date TEXT NOT NULL);\n"

	"CREATE TABLE setting ("
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (program_id, name)) WITHOUT ROWID;\n"

	"CREATE TABLE organization ("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" slug TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" sector TEXT NOT NULL CHECK (sector IN " SECTORS "),"
	" city TEXT,"
	" staff INTEGER,"
	" revenue INTEGER,"
	" flexible_grants INTEGER NOT NULL CHECK (flexible_grants IN (0, 1)),"
	" in_kind_staffing INTEGER NOT NULL CHECK (in_kind_staffing IN (0, 1)),"
	" experiment INTEGER NOT NULL CHECK (experiment IN (0, 1)),"
	" convener INTEGER NOT NULL CHECK (convener IN (0, 1)),"
	" UNIQUE (program_id, slug));\n"

	"CREATE TABLE org_expertise ("
	" org_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" area TEXT NOT NULL CHECK (area IN ('community-engagement','fundraising',"
	"'learning-evaluation','policy-advocacy')),"
	" PRIMARY KEY (org_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE person ("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" slug TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" email TEXT,"
	" org_id INTEGER REFERENCES organization(id),"
	" UNIQUE (program_id, slug));\n"

	"CREATE TABLE instrument ("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" UNIQUE (program_id, code));\n"

	"CREATE TABLE instrument_item ("
	" id INTEGER PRIMARY KEY,"
	" instrument_id INTEGER NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" category TEXT NOT NULL,"
	" UNIQUE (instrument_id, code));\n"

	"CREATE TABLE initiative ("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" slug TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" city TEXT NOT NULL,"
	" start_date TEXT NOT NULL,"
	" end_date TEXT NOT NULL,"
	" backbone_id INTEGER NOT NULL REFERENCES organization(id),"
	" fiscal_agent_id INTEGER NOT NULL REFERENCES organization(id),"
	" has_director INTEGER NOT NULL CHECK (has_director IN (0, 1)),"
	" director_person_id INTEGER REFERENCES person(id),"
	" director_employer_id INTEGER REFERENCES organization(id),"
	" has_result INTEGER NOT NULL CHECK (has_result IN (0, 1)),"
	" result_statement TEXT,"
	" result_indicator TEXT,"
	" result_unit TEXT,"
	" result_direction TEXT CHECK (result_direction IN ('up','down')),"
	" result_baseline_date TEXT,"
	" result_baseline_value REAL,"
	" result_target_date TEXT,"
	" result_target_value REAL,"
	" CHECK (has_director = 0 OR (director_person_id IS NOT NULL"
	"  AND director_employer_id IS NOT NULL)),"
	" CHECK (has_result = 0 OR (result_statement IS NOT NULL"
	"  AND result_direction IS NOT NULL AND result_baseline_date IS NOT NULL"
	"  AND result_target_date IS NOT NULL)));\n"
	"CREATE INDEX initiative_program ON initiative(program_id);\n"

	"CREATE TABLE initiative_committee ("
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (initiative_id, position)) WITHOUT ROWID;\n"
	"CREATE TABLE director_reports_to ("
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (initiative_id, position)) WITHOUT ROWID;\n"
	"CREATE TABLE director_evaluated_by ("
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (initiative_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE learning ("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" question TEXT NOT NULL,"
	" UNIQUE (program_id, question));\n"
	"CREATE TABLE learning_note ("
	" id INTEGER PRIMARY KEY,"
	" learning_id INTEGER NOT NULL REFERENCES learning(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" text TEXT NOT NULL);\n"
	"CREATE INDEX learning_note_learning ON learning_note(learning_id);\n"
	"CREATE TABLE note_initiative ("
	" note_id INTEGER NOT NULL REFERENCES learning_note(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" PRIMARY KEY (note_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE observation ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" value REAL NOT NULL);\n"
	"CREATE INDEX observation_initiative ON observation(initiative_id);\n"

	"CREATE TABLE member ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" role TEXT NOT NULL CHECK (role IN ('backbone','co-lead','partner')),"
	" joined TEXT NOT NULL,"
	" left_date TEXT,"
	" UNIQUE (initiative_id, org_id));\n"

	"CREATE TABLE responsibility ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL,"
	" UNIQUE (initiative_id, name));\n"
	"CREATE TABLE assignment ("
	" responsibility_id INTEGER NOT NULL REFERENCES responsibility(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" letter TEXT NOT NULL CHECK (letter IN ('R','A','C','I')),"
	" PRIMARY KEY (responsibility_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE decision ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" category TEXT NOT NULL CHECK (category IN ('strategy','financial',"
	"'personnel','program','communications','evaluation','other')),"
	" proposed TEXT NOT NULL,"
	" decided TEXT NOT NULL,"
	" decider_kind TEXT NOT NULL CHECK (decider_kind IN ('org','committee','team')),"
	" decider_id INTEGER REFERENCES organization(id),"
	" contrary_views TEXT,"
	" CHECK ((decider_kind = 'org') = (decider_id IS NOT NULL)),"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE decision_consulted ("
	" decision_id INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (decision_id, position)) WITHOUT ROWID;\n"
	"CREATE TABLE decision_informed ("
	" decision_id INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (decision_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE grant ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" funder TEXT NOT NULL,"
	" amount INTEGER NOT NULL,"
	" start_date TEXT NOT NULL,"
	" end_date TEXT NOT NULL,"
	" catalytic INTEGER NOT NULL CHECK (catalytic IN (0, 1)),"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE budget_line ("
	" id INTEGER PRIMARY KEY,"
	" grant_id INTEGER NOT NULL REFERENCES grant(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL,"
	" amount INTEGER NOT NULL,"
	" UNIQUE (grant_id, name));\n"

	"CREATE TABLE ledger_entry ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" grant_id INTEGER NOT NULL REFERENCES grant(id),"
	" amount INTEGER NOT NULL CHECK (amount > 0),"
	" kind TEXT NOT NULL CHECK (kind IN ('disbursement','expense')),"
	" recipient_id INTEGER REFERENCES organization(id),"
	" line TEXT,"
	" purpose TEXT,"
	" backbone_own INTEGER NOT NULL CHECK (backbone_own IN (0, 1)),"
	" UNIQUE (initiative_id, ident));\n"

	"CREATE TABLE application ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" funder TEXT NOT NULL,"
	" amount INTEGER NOT NULL,"
	" lead_id INTEGER NOT NULL REFERENCES organization(id),"
	" status TEXT NOT NULL CHECK (status IN ('draft','submitted','awarded','declined')),"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE application_co_applicant ("
	" application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (application_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE credit ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" channel TEXT NOT NULL CHECK (channel IN ('press','report','presentation',"
	"'award','social','other')),"
	" title TEXT NOT NULL,"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE credit_credited ("
	" credit_id INTEGER NOT NULL REFERENCES credit(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (credit_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE contribution ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" from_id INTEGER NOT NULL REFERENCES organization(id),"
	" to_id INTEGER NOT NULL REFERENCES organization(id),"
	" type TEXT NOT NULL CHECK (type IN ('data','fundraising','communications',"
	"'staffing','facilitation','other')),"
	" hours REAL NOT NULL,"
	" UNIQUE (initiative_id, ident));\n"

	"CREATE TABLE checkin ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" progress TEXT,"
	" challenges TEXT,"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE checkin_attendee ("
	" checkin_id INTEGER NOT NULL REFERENCES checkin(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" person_id INTEGER NOT NULL REFERENCES person(id),"
	" PRIMARY KEY (checkin_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE event ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('convening','training','peer-exchange',"
	"'evaluation','team-meeting')),"
	" title TEXT NOT NULL,"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE event_expected ("
	" event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (event_id, position)) WITHOUT ROWID;\n"
	"CREATE TABLE event_attended ("
	" event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (event_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE survey ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" instrument TEXT NOT NULL,"
	" opened TEXT NOT NULL,"
	" closed TEXT,"
	" UNIQUE (initiative_id, ident));\n"
	/* anonymous by construction: no person, no organization */
	"CREATE TABLE response ("
	" id INTEGER PRIMARY KEY,"
	" survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,"
	" respondent_group TEXT NOT NULL CHECK (respondent_group IN ('backbone',"
	"'director','partner')));\n"
	"CREATE INDEX response_survey ON response(survey_id);\n"
	"CREATE TABLE answer ("
	" response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" item TEXT NOT NULL,"
	" value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),"
	" PRIMARY KEY (response_id, position)) WITHOUT ROWID;\n"

	"CREATE TABLE tie ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" from_id INTEGER NOT NULL REFERENCES organization(id),"
	" to_id INTEGER NOT NULL REFERENCES organization(id),"
	" frequency INTEGER NOT NULL CHECK (frequency BETWEEN 0 AND 4),"
	" reliability INTEGER CHECK (reliability BETWEEN 1 AND 4),"
	" mission INTEGER CHECK (mission BETWEEN 1 AND 4),"
	" openness INTEGER CHECK (openness BETWEEN 1 AND 4),"
	" influence INTEGER CHECK (influence BETWEEN 1 AND 4),"
	" involvement INTEGER CHECK (involvement BETWEEN 1 AND 4),"
	" resources INTEGER CHECK (resources BETWEEN 1 AND 4));\n"
	"CREATE INDEX tie_initiative ON tie(initiative_id);\n"

	"PRAGMA user_version = 1;\n";

/*
 * Migration 2: accounts (DESIGN §7, RELIABILITY.md). Times are INTEGER Unix
 * seconds, passed in by the caller so tests can use a fake clock. Secrets are
 * never stored: a session or API token is kept only as its SHA-256 (BLOB of
 * 32 bytes), a password only as its argon2id string. The audit log names its
 * actor, initiative and record as text, not foreign keys, so that it outlives
 * the user or the record it tells about.
 */
static const char migration_2[] =
	"CREATE TABLE users ("
	" id INTEGER PRIMARY KEY,"
	" email TEXT NOT NULL UNIQUE CHECK (email = lower(email)),"
	" role TEXT NOT NULL CHECK (role IN ('admin','member','viewer','evaluator')),"
	" initiative_id INTEGER REFERENCES initiative(id) ON DELETE CASCADE,"
	" program_id INTEGER REFERENCES program(id) ON DELETE CASCADE,"
	" password_hash TEXT NOT NULL,"
	" created INTEGER NOT NULL,"
	" disabled INTEGER,"
	" CHECK ((role IN ('member','viewer')) = (initiative_id IS NOT NULL)),"
	" CHECK ((role = 'evaluator') = (program_id IS NOT NULL)));\n"

	"CREATE TABLE sessions ("
	" id INTEGER PRIMARY KEY,"
	" token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),"
	" user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	" csrf TEXT NOT NULL,"
	" created INTEGER NOT NULL,"
	" last_seen INTEGER NOT NULL);\n"
	"CREATE INDEX sessions_user ON sessions(user_id);\n"

	"CREATE TABLE api_tokens ("
	" id INTEGER PRIMARY KEY,"
	" token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),"
	" user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	" name TEXT,"
	" created INTEGER NOT NULL,"
	" last_used INTEGER);\n"
	"CREATE INDEX api_tokens_user ON api_tokens(user_id);\n"

	"CREATE TABLE audit_log ("
	" id INTEGER PRIMARY KEY,"
	" at INTEGER NOT NULL,"
	" actor TEXT NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('create','update','delete','import')),"
	" kind TEXT NOT NULL,"
	" initiative TEXT,"
	" record TEXT,"
	" before TEXT,"
	" after TEXT);\n"
	"CREATE INDEX audit_log_initiative ON audit_log(initiative, id);\n"

	/*
	 * Failed sign-ins by key ("email:" and the address, or "addr:" and
	 * the client's IP): failures in the window that began at
	 * window_start, and the lockouts they earned.
	 */
	"CREATE TABLE login_attempts ("
	" key TEXT PRIMARY KEY,"
	" failures INTEGER NOT NULL,"
	" window_start INTEGER NOT NULL,"
	" locked_until INTEGER NOT NULL,"
	" lockouts INTEGER NOT NULL) WITHOUT ROWID;\n"

	"PRAGMA user_version = 2;\n";

/*
 * Migration 3: survey rounds' one-time invitations (survey_rounds.c). An
 * invitation is the hash of its token, its survey and the respondent
 * group, and whether it was used: no person, no email, no time. Nothing
 * joins it to the response it gave: a response has no invitation column,
 * and its id is drawn at random (survey_rounds.c), so neither the ids nor
 * the order of the rows tell which invitation answered.
 */
static const char migration_3[] =
	"CREATE TABLE survey_invitation ("
	" id INTEGER PRIMARY KEY,"
	" survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,"
	" token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),"
	" respondent_group TEXT NOT NULL CHECK (respondent_group IN ('backbone',"
	"'director','partner')),"
	" used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)));\n"
	"CREATE INDEX survey_invitation_survey ON survey_invitation(survey_id);\n"
	"PRAGMA user_version = 3;\n";

/*
 * The data's versions, for readers that keep copies (the web server's
 * caches): n, a counter every write transaction that changes a row moves
 * (store_commit), anonymous survey answers included, which write no audit
 * entry; catalog, the n of the last change to anything beyond a single
 * initiative's records (the program, its settings, organizations, people,
 * instruments, learning, an initiative's own fields, or a change the store
 * cannot place); and per initiative the n of the last change to its
 * records. A copy of an initiative made at version V is current while
 * neither catalog nor its own version is above V.
 */
static const char migration_4[] =
	"CREATE TABLE data_version ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" n INTEGER NOT NULL,"
	" catalog INTEGER NOT NULL);\n"
	"INSERT INTO data_version (id, n, catalog) VALUES (1, 0, 0);\n"
	"CREATE TABLE initiative_version ("
	" initiative_id INTEGER PRIMARY KEY REFERENCES initiative(id) ON DELETE CASCADE,"
	" v INTEGER NOT NULL);\n"
	"PRAGMA user_version = 4;\n";

/*
 * Migration 5: anonymity against whoever makes the links (DESIGN §4). An
 * invitation names the person of the team it was made for, so that a
 * person gets at most one link per round (the unique index) and its group
 * follows from them; the response still has nothing that joins it to the
 * invitation. survey_tally keeps per round the number of responses as of
 * the start of its day: while a round is open only that total is shown,
 * so an answer given today is counted tomorrow (survey_rounds.c).
 */
static const char migration_5[] =
	"ALTER TABLE survey_invitation ADD COLUMN person_id INTEGER"
	" REFERENCES person(id) ON DELETE SET NULL;\n"
	"CREATE UNIQUE INDEX survey_invitation_person ON survey_invitation(survey_id, person_id);\n"
	"CREATE TABLE survey_tally ("
	" survey_id INTEGER PRIMARY KEY REFERENCES survey(id) ON DELETE CASCADE,"
	" day TEXT NOT NULL,"
	" n INTEGER NOT NULL);\n"
	"PRAGMA user_version = 5;\n";

/*
 * Migration 6: mail (src/mail/, docs/mail.md). A mail is queued in the
 * transaction of the change that causes it and sent later; message_id is
 * fixed when it is queued, so a mail sent again after a crash between the
 * SMTP server's answer and `sent` is the same mail. sealed holds a
 * one-time link sealed with the key kept beside the database (never the
 * link in clear), and is wiped once the mail is sent. lease_until keeps
 * two senders from sending one mail at once; topic says what a mail is
 * about (a reminder's initiative), so it is not sent again too soon. mail_optout: addresses that
 * asked for no more mail (List-Unsubscribe, RFC 8058). An account's digest
 * is its choice of a summary by mail (none, daily, weekly), digest_sent
 * when the last one was made.
 */
static const char migration_6[] =
	"CREATE TABLE mail_outbox ("
	" id INTEGER PRIMARY KEY,"
	" message_id TEXT NOT NULL UNIQUE,"
	" kind TEXT NOT NULL,"
	" topic TEXT,"
	" queued INTEGER NOT NULL,"
	" to_addr TEXT NOT NULL,"
	" to_name TEXT,"
	" subject TEXT NOT NULL,"
	" text_body TEXT NOT NULL,"
	" html_body TEXT NOT NULL,"
	" unsubscribe TEXT,"
	" sealed BLOB,"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" next_try INTEGER NOT NULL,"
	" lease_until INTEGER NOT NULL DEFAULT 0,"
	" sent INTEGER,"
	" last_error TEXT);\n"
	"CREATE INDEX mail_outbox_due ON mail_outbox(next_try) WHERE sent IS NULL;\n"
	"CREATE INDEX mail_outbox_topic ON mail_outbox(kind, topic);\n"
	"CREATE TABLE mail_optout ("
	" address TEXT PRIMARY KEY COLLATE NOCASE,"
	" since INTEGER NOT NULL);\n"
	"ALTER TABLE users ADD COLUMN digest TEXT NOT NULL DEFAULT 'none'"
	" CHECK (digest IN ('none','daily','weekly'));\n"
	"ALTER TABLE users ADD COLUMN digest_sent INTEGER;\n"
	"PRAGMA user_version = 6;\n";

/*
 * Migration 7: proposals (DESIGN §9), put to some organizations until they
 * close, and the answers they get (kept in the order given: an
 * organization's latest stands, its earlier ones are its history). A
 * proposal's decider is a decision's (decider_kind, decider_id); decision
 * is the ident of the decision its closing made, in the same initiative.
 * An account's organization (an organization's slug in the program of the
 * account's initiative) says for whom its holder answers.
 */
static const char migration_7[] =
	"CREATE TABLE proposal ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" body TEXT,"
	" category TEXT NOT NULL CHECK (category IN ('strategy','financial',"
	"'personnel','program','communications','evaluation','other')),"
	" opened TEXT NOT NULL,"
	" closes TEXT NOT NULL,"
	" decider_kind TEXT NOT NULL CHECK (decider_kind IN ('org','committee','team')),"
	" decider_id INTEGER REFERENCES organization(id),"
	" outcome TEXT,"
	" decided TEXT,"
	" decision TEXT,"
	" CHECK ((decider_kind = 'org') = (decider_id IS NOT NULL)),"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE proposal_asked ("
	" proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (proposal_id, position)) WITHOUT ROWID;\n"
	"CREATE TABLE proposal_answer ("
	" id INTEGER PRIMARY KEY,"
	" proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" answer TEXT NOT NULL CHECK (answer IN ('agree','concerns','object')),"
	" reason TEXT,"
	" date TEXT NOT NULL,"
	" recorded_by TEXT);\n"
	"CREATE INDEX proposal_answer_proposal ON proposal_answer(proposal_id);\n"
	"ALTER TABLE users ADD COLUMN organization TEXT;\n"
	"PRAGMA user_version = 7;\n";

/*
 * Migration 8 (issue 12): the team's answer to each alert or strength
 * (alert_response, one per signal and period) and the actions it agreed,
 * each owned by an organization or a person (exactly one), with a due date
 * and a status. period is the last day of the month the alert was raised
 * for (docs/metrics.md).
 */
#define SIGNALS "('dominance','director_as_employee','blurred_boundaries'," \
	"'out_of_the_loop','no_contrary_views','shared_leadership','credit_given'," \
	"'capacity_shared','director_supported','joint_grant_seeking','partners_compensated')"
static const char migration_8[] =
	"CREATE TABLE alert_response ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" alert TEXT NOT NULL CHECK (alert IN " SIGNALS "),"
	" period TEXT NOT NULL,"
	" body TEXT NOT NULL,"
	" UNIQUE (initiative_id, ident),"
	" UNIQUE (initiative_id, alert, period));\n"
	"CREATE TABLE action_item ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" alert TEXT NOT NULL CHECK (alert IN " SIGNALS "),"
	" period TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" owner_org_id INTEGER REFERENCES organization(id),"
	" owner_person_id INTEGER REFERENCES person(id),"
	" due TEXT NOT NULL,"
	" status TEXT NOT NULL CHECK (status IN ('open','done','dropped')),"
	" CHECK ((owner_org_id IS NULL) <> (owner_person_id IS NULL)),"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE INDEX action_item_due ON action_item(status, due);\n"
	"PRAGMA user_version = 8;\n";
#undef SIGNALS

/*
 * Migration 9: the program team's workspace (issue 13, items 3–5). A
 * check-in's organizations present and its follow-ups (each with its
 * owner, due date and whether it is done); the evidence a learning note
 * rests on (an alert or figure of an initiative's report as of a date, or
 * one of its decisions or check-ins, by id: ident holds the code, the
 * figure's name or the record's id, as in trellis/1); and technical
 * assistance given to an initiative, with the capacity traits and alerts
 * it answers.
 */
static const char migration_9[] =
	"CREATE TABLE checkin_org ("
	" checkin_id INTEGER NOT NULL REFERENCES checkin(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" PRIMARY KEY (checkin_id, position));\n"
	"CREATE TABLE checkin_followup ("
	" id INTEGER PRIMARY KEY,"
	" checkin_id INTEGER NOT NULL REFERENCES checkin(id) ON DELETE CASCADE,"
	" text TEXT NOT NULL,"
	" owner_id INTEGER NOT NULL REFERENCES person(id),"
	" due TEXT NOT NULL,"
	" done INTEGER NOT NULL CHECK (done IN (0, 1)));\n"
	"CREATE INDEX checkin_followup_checkin ON checkin_followup(checkin_id);\n"
	"CREATE TABLE learning_evidence ("
	" id INTEGER PRIMARY KEY,"
	" note_id INTEGER NOT NULL REFERENCES learning_note(id) ON DELETE CASCADE,"
	" kind TEXT NOT NULL CHECK (kind IN ('alert','figure','decision','checkin')),"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" as_of TEXT);\n"
	"CREATE INDEX learning_evidence_note ON learning_evidence(note_id);\n"
	"CREATE TABLE assistance ("
	" id INTEGER PRIMARY KEY,"
	" initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,"
	" ident TEXT NOT NULL,"
	" date TEXT NOT NULL,"
	" provider_id INTEGER NOT NULL REFERENCES organization(id),"
	" topic TEXT NOT NULL,"
	" hours REAL NOT NULL CHECK (hours > 0),"
	" UNIQUE (initiative_id, ident));\n"
	"CREATE TABLE assistance_answer ("
	" assistance_id INTEGER NOT NULL REFERENCES assistance(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" answer TEXT NOT NULL CHECK (answer IN ('flexible_grants','expertise',"
	"'in_kind_staffing','experiment','convener','dominance','director_as_employee',"
	"'blurred_boundaries','out_of_the_loop','no_contrary_views')),"
	" PRIMARY KEY (assistance_id, position));\n"
	"PRAGMA user_version = 9;\n";

/*
 * Migration 10 (issue 13): the candidate backbones of a new round
 * (trellis/1 "candidates"), one per organization of the program, with a
 * note of the evidence of each trait of DESIGN §5.
 */
static const char migration_10[] =
	"CREATE TABLE candidate ("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" round TEXT,"
	" flexible_grants_evidence TEXT,"
	" expertise_evidence TEXT,"
	" in_kind_staffing_evidence TEXT,"
	" experiment_evidence TEXT,"
	" convener_evidence TEXT,"
	" note TEXT,"
	" UNIQUE (program_id, org_id));\n"
	"CREATE INDEX candidate_org ON candidate(org_id);\n"
	"PRAGMA user_version = 10;\n";

/*
 * Migration 11 (issue 15): languages (docs/i18n.md). An account's own
 * choice of language (NULL: none made, the request's Accept-Language or the
 * program's default decides);
 * the language a survey link was made in, which its answer page follows
 * (NULL: as for anyone else); a program's own instrument's title and
 * statements in Spanish (trellis/1's optional title_es and text_es; NULL:
 * the English shown). Codes as util/i18n.h's lang_codes.
 */
static const char migration_11[] =
	"ALTER TABLE users ADD COLUMN lang TEXT CHECK (lang IS NULL OR lang IN ('en','es'));\n"
	"ALTER TABLE survey_invitation ADD COLUMN lang TEXT"
	" CHECK (lang IS NULL OR lang IN ('en','es'));\n"
	"ALTER TABLE instrument ADD COLUMN title_es TEXT;\n"
	"ALTER TABLE instrument_item ADD COLUMN text_es TEXT;\n"
	"PRAGMA user_version = 11;\n";

/*
 * Migration 12 (issue 13, item 7): disbursement approval
 * (docs/approvals.md). A ledger entry's status (approved unless it awaits
 * its approvals or was rejected), and its approvals, one row per
 * organization's approval or rejection in the order given: rows are only
 * ever added (an entry with approvals is never deleted by the app, and an
 * update of the entry leaves its approvals as they are).
 */
static const char migration_12[] =
	"ALTER TABLE ledger_entry ADD COLUMN status TEXT NOT NULL DEFAULT 'approved'"
	" CHECK (status IN ('approved','pending','rejected'));\n"
	"CREATE TABLE ledger_approval ("
	" id INTEGER PRIMARY KEY,"
	" entry_id INTEGER NOT NULL REFERENCES ledger_entry(id) ON DELETE CASCADE,"
	" org_id INTEGER NOT NULL REFERENCES organization(id),"
	" acted_by TEXT NOT NULL,"
	" on_behalf INTEGER NOT NULL CHECK (on_behalf IN (0, 1)),"
	" date TEXT NOT NULL,"
	" verdict TEXT NOT NULL CHECK (verdict IN ('approve','reject')),"
	" reason TEXT);\n"
	"CREATE INDEX ledger_approval_entry ON ledger_approval(entry_id);\n"
	"CREATE INDEX ledger_approval_org ON ledger_approval(org_id);\n"
	"PRAGMA user_version = 12;\n";

/*
 * Migration 13 (issue 14, item 2: several servers share the sign-in
 * throttle's table): login_attempts by window_start, so that counting a
 * failure also deletes, cheaply, the rows that count for nothing any more
 * (store_throttle_fail: a window begun longer ago than the policy's
 * forget and longest lockout together).
 */
static const char migration_13[] =
	"CREATE INDEX login_attempts_window ON login_attempts(window_start);\n"
	"PRAGMA user_version = 13;\n";

/*
 * Migration 14 (issue 14, item 3): accounts per program (docs/web.md,
 * "Accounts per program"). An account's role in a program other than its
 * own (users.role, .initiative_id, .program_id stay what they were: its
 * role in its own program, or 'admin', the admin of every program), or a
 * role that replaces its own there: one row per account and program. A
 * program's admin alone is role 'admin' here. The audit log names the
 * program of each entry: an existing entry gets the only program's slug,
 * or with several the program whose initiative its initiative names when
 * only one program has an initiative of that slug, else none (an entry
 * of no program is shown to the admins of every program only).
 */
static const char migration_14[] =
	"CREATE TABLE account_role ("
	" user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" role TEXT NOT NULL CHECK (role IN ('admin','member','viewer','evaluator')),"
	" initiative_id INTEGER REFERENCES initiative(id) ON DELETE CASCADE,"
	" CHECK ((role IN ('member','viewer')) = (initiative_id IS NOT NULL)),"
	" PRIMARY KEY (user_id, program_id));\n"
	"CREATE INDEX account_role_program ON account_role(program_id);\n"
	"ALTER TABLE audit_log ADD COLUMN program TEXT;\n"
	"UPDATE audit_log SET program = CASE WHEN (SELECT count(*) FROM program) = 1"
	" THEN (SELECT slug FROM program)"
	" ELSE (SELECT CASE WHEN count(*) = 1 THEN min(p.slug) END FROM initiative i"
	" JOIN program p ON p.id = i.program_id WHERE i.slug = audit_log.initiative) END;\n"
	"CREATE INDEX audit_log_program ON audit_log(program, id);\n"
	"PRAGMA user_version = 14;\n";

/*
 * Migration 15 (P1, docs/benchmarks.md): SQLite 3.40 codes `x IN (a, b,
 * c, ...)` of more than two constants as a temporary index, and inside a
 * CHECK constraint it builds that index again for every row written: a
 * fifth of a CSV import's work. On SQLite every such CHECK becomes `x = a
 * OR x = b OR ...`, which SQLite evaluates in place, refusing exactly the
 * values the list refused (a NULL passes both, and both compare with the
 * column's affinity and collation). A CHECK cannot be altered, and
 * changing it for an equivalent one changes neither a stored row nor the
 * file's format, so the tables' texts are edited in place
 * (db_sqlite_schema_rewrite, which migrate in store.c runs before this
 * text, sqlite.org/lang_altertable.html) rather than each table copied
 * into a new one: that would take minutes and twice the disk on a
 * national database, and needs foreign keys off, which SQLite cannot
 * change inside the migration's transaction. PostgreSQL evaluates
 * an IN list in place: its schema stays as it is, and this text only
 * moves the version.
 */
static const char migration_15[] =
	"PRAGMA user_version = 15;\n";

/* Whether c can be part of an SQL name. */
static int
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '_';
}

static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t')
		p++;
	return p;
}

/* The end of the SQL string literal that starts at p ('...', '' inside). */
static const char *
literal_end(const char *p)
{
	for (p++; *p; p++)
		if (*p == '\'' && *++p != '\'')
			return p;
	return p;
}

/*
 * The constants of the list that opens at p ("(a, b, ...)": string
 * literals or integers) into c[] (each its text's start and end), at most
 * max. Returns how many, with *end after the ')', or -1 when the list is
 * anything else.
 */
static int
constant_list(const char *p, const char *c[][2], int max, const char **end)
{
	int n = 0;

	assert(*p == '(');
	for (p++;; p++) {
		const char *q;

		p = skip_space(p);
		if (*p == '\'')
			q = literal_end(p);
		else {
			q = p + (*p == '-');
			if (!(*q >= '0' && *q <= '9'))
				return -1;
			while (*q >= '0' && *q <= '9')
				q++;
		}
		if (n == max)
			return -1;
		c[n][0] = p;
		c[n][1] = q;
		n++;
		p = skip_space(q);
		if (*p == ')') {
			*end = p + 1;
			return n;
		}
		if (*p != ',')
			return -1;
	}
}

int
store_check_in_lists(const char *sql, struct strbuf *out)
{
	const char *p = sql, *c[32][2];
	int changes = 0;

	while (*p) {
		const char *w = p, *we, *in, *end;
		int n, whole;

		if (*p == '\'') {
			p = literal_end(p);
			strbuf_add(out, w, (size_t)(p - w));
			continue;
		}
		if (!name_char(*p) || (p > sql && name_char(p[-1]))) {
			strbuf_addch(out, *p++);
			continue;
		}
		for (we = p; name_char(*we); we++)
			;
		in = skip_space(we);
		p = we;
		if (strncasecmp(in, "IN", 2) != 0 || name_char(in[2]) ||
		    *(in = skip_space(in + 2)) != '(' ||
		    (we - w == 3 && strncasecmp(w, "NOT", 3) == 0) ||
		    (n = constant_list(in, c, 32, &end)) <= 2) {
			strbuf_add(out, w, (size_t)(we - w));
			continue;
		}
		/* a CHECK's whole expression needs no parentheses of its own */
		whole = out->len >= 7 && strncmp(out->buf + out->len - 7, "CHECK (", 7) == 0 &&
		    *skip_space(end) == ')';
		if (!whole)
			strbuf_addch(out, '(');
		for (int i = 0; i < n; i++)
			strbuf_addf(out, "%s%.*s = %.*s", i ? " OR " : "", (int)(we - w), w,
			    (int)(c[i][1] - c[i][0]), c[i][0]);
		if (!whole)
			strbuf_addch(out, ')');
		p = end;
		changes++;
	}
	return changes;
}

const char *const store_migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
	migration_6,
	migration_7,
	migration_8,
	migration_9,
	migration_10,
	migration_11,
	migration_12,
	migration_13,
	migration_14,
	migration_15,
};
const int store_migrations_count =
    (int)(sizeof(store_migrations) / sizeof(store_migrations[0]));
