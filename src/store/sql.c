/*
 * Every statement of the store, as constant text indexed by enum stmt.
 *
 * Record tables have an insert (?1 = the parent's rowid, then one parameter
 * per stored field in field-table order, see program.c) and a select of one
 * program's rows (?1 = the program's rowid) that returns id, parent id, then
 * one column per field in the same order, references as slugs, in rowid
 * order. Link tables have an insert (owner, position, value...) and a select
 * of (owner, value...) ordered by owner and position. program.c checks the
 * parameter and column counts against the field tables when it prepares.
 */
#include "store_impl.h"
#include "../util/banned.h"

/*
 * The joins that restrict a table to one program. CROSS JOIN keeps the
 * record (or link) table as the outer loop, so SQLite reads it in rowid (or
 * primary key) order and the ORDER BY needs no sort: loading a million
 * decisions streams them instead of sorting them in a temporary b-tree. The
 * cost is a scan of other programs' rows too, which a database of a few
 * programs can afford.
 */
#define IN_INITIATIVE " CROSS JOIN initiative i ON i.id = t.initiative_id"
#define OF_PROGRAM " WHERE i.program_id = ?1 ORDER BY t.id"
/*
 * Link rows of the owners with rowids ?1..?2 (the program's owners, maybe
 * with other programs' among them, which the loader skips), in primary key
 * order; targets come back as rowids, which the loader maps to the records
 * it has already read.
 */
#define LINK_SEL(table, owner, cols) \
	"SELECT " owner ", " cols " FROM " table \
	" WHERE " owner " BETWEEN ?1 AND ?2 ORDER BY " owner ", position"
/*
 * The link rows of one initiative's records (?1 = the initiative), by the
 * owners' initiative_id index rather than a rowid range: records added
 * after an import take rowids past every other initiative's, and a range
 * from an initiative's first record to its last would then read most of
 * the table. The rows come in the order of the owners' (initiative_id,
 * key) index, unique, so that no sort is needed: each owner's rows
 * together, in position order; the loader finds each owner by rowid.
 */
#define LINK_SEL_ONE(table, owner, cols, owners, key) \
	"SELECT l." owner ", " cols " FROM " owners " o JOIN " table " l ON l." owner " = o.id" \
	" WHERE o.initiative_id = ?1 ORDER BY o." key ", l.position"
/*
 * A report's load (store_report_load) of the tables the balance report
 * reads only in its window (DESIGN §3: a record is in the window by its
 * own date): one initiative's rows (?1) dated from ?2 to ?3, both
 * inclusive, as YYYY-MM-DD text, which orders as the dates do; and the
 * link rows of those owners alone, as LINK_SEL_ONE.
 */
#define IN_WINDOW(col) " AND t." col " BETWEEN ?2 AND ?3"
#define LINK_SEL_WIN(table, owner, cols, owners, key, col) \
	"SELECT l." owner ", " cols " FROM " owners " o JOIN " table " l ON l." owner " = o.id" \
	" WHERE o.initiative_id = ?1 AND o." col " BETWEEN ?2 AND ?3" \
	" ORDER BY o." key ", l.position"
#define ORG_LINK_INS(table, owner) \
	"INSERT INTO " table " (" owner ", position, org_id) VALUES (?, ?, ?)"

/* A user with its initiative's and program's slugs (see accounts.c). */
/*
 * Whom mail about initiative i goes to (docs/web.md, "Accounts per
 * program"): account u's role in i's program (account_role) when it has
 * one there, else its own role. READS_INITIATIVE: an admin, an evaluator
 * of the program, a member or viewer of i; ACTS_IN_INITIATIVE: an admin or
 * a member of i (who may approve a payment).
 */
#define ROLE_THERE "(SELECT r.role FROM account_role r WHERE r.user_id = u.id" \
	" AND r.program_id = i.program_id)"
#define READS_INITIATIVE \
	"(CASE WHEN " ROLE_THERE " IS NULL THEN u.role = 'admin'" \
	" OR (u.role = 'evaluator' AND u.program_id = i.program_id) OR u.initiative_id = i.id" \
	" ELSE " ROLE_THERE " IN ('admin', 'evaluator') OR EXISTS (SELECT 1 FROM account_role r" \
	" WHERE r.user_id = u.id AND r.program_id = i.program_id AND r.initiative_id = i.id) END)"
/* ADMIN_OF_INITIATIVE: an admin of i's program (there, else a site admin). */
#define ADMIN_OF_INITIATIVE \
	"(CASE WHEN " ROLE_THERE " IS NULL THEN u.role = 'admin' ELSE " ROLE_THERE " = 'admin' END)"
#define ACTS_IN_INITIATIVE \
	"(CASE WHEN " ROLE_THERE " IS NULL THEN u.role = 'admin'" \
	" OR (u.role = 'member' AND u.initiative_id = i.id)" \
	" ELSE " ROLE_THERE " = 'admin' OR EXISTS (SELECT 1 FROM account_role r" \
	" WHERE r.user_id = u.id AND r.program_id = i.program_id AND r.role = 'member'" \
	" AND r.initiative_id = i.id) END)"

#define USER_COLS "u.id, u.email, u.role, ui.slug, coalesce(up.slug, uip.slug)," \
	" u.password_hash, u.created, u.disabled, u.organization, u.lang"
#define USER_JOINS " LEFT JOIN initiative ui ON ui.id = u.initiative_id" \
	" LEFT JOIN program uip ON uip.id = ui.program_id" \
	" LEFT JOIN program up ON up.id = u.program_id"
#define USER_SEL "SELECT " USER_COLS " FROM users u" USER_JOINS
#define AUDIT_COLS "id, at, actor, action, kind, initiative, record, before, after"

/* Editing (edit.c): an update's parameters are the fields, then the row's id. */
#define UPD(table, cols, params) \
	"UPDATE " table " SET (" cols ") = (" params ") WHERE id = ?"
#define UPD1(table, col) "UPDATE " table " SET " col " = ? WHERE id = ?"
#define ROW_DEL(table) "DELETE FROM " table " WHERE id = ?1"
#define OWNER_DEL(table, owner) "DELETE FROM " table " WHERE " owner " = ?1"


/*
 * The selects of one initiative's rows (?1 = the initiative's rowid, for a
 * per-initiative load: store_initiative_load) share their columns and joins
 * with the whole program's selects above: each table's SELECT and JOINS
 * macros, with the program's restriction (IN_INITIATIVE ... OF_PROGRAM) or
 * the initiative's (OF_ONE, by the table's initiative_id index). OF_ONE's
 * rows come in that index's order, which for most tables is the unique
 * (initiative_id, ident) one: the loader puts them in rowid order itself,
 * a sort of one initiative's rows in memory, where ORDER BY t.id cost a
 * temporary B-tree of every row per query.
 */
#define OF_ONE " WHERE t.initiative_id = ?1"
/*
 * The per-initiative selects of the largest tables with references give
 * the rowids of the organizations and grants they name, not their slugs
 * by a join: the loader has those rows already and finds each by rowid
 * (program.c, sel_ids), where a join cost a B-tree search per reference
 * (a third of the ledger's read). Same columns otherwise.
 */
/* a decider that is an organization as its rowid in text, else committee or team */
#define DECISION_SEL_IDS \
	"SELECT t.id, t.initiative_id, t.ident, t.title, t.category, t.proposed,"\
	" t.decided, CASE t.decider_kind WHEN 'org' THEN CAST(t.decider_id AS TEXT)"\
	" ELSE t.decider_kind END, t.contrary_views FROM decision t"
#define APPLICATION_SEL_IDS \
	"SELECT t.id, t.initiative_id, t.ident, t.date, t.funder, t.amount, t.lead_id,"\
	" t.status FROM application t"
#define LEDGER_SEL_IDS \
	"SELECT t.id, t.initiative_id, t.ident, t.date, t.grant_id, t.amount, t.kind,"\
	" t.recipient_id, t.line, t.purpose, t.backbone_own, t.status FROM ledger_entry t"
#define CONTRIBUTION_SEL_IDS \
	"SELECT t.id, t.initiative_id, t.ident, t.date, t.from_id, t.to_id, t.type, t.hours"\
	" FROM contribution t"
#define TIE_SEL_IDS \
	"SELECT t.id, t.initiative_id, t.date, t.from_id, t.to_id, t.frequency,"\
	" t.reliability, t.mission, t.openness, t.influence, t.involvement,"\
	" t.resources FROM tie t"
#define OBSERVATION_SELECT \
	"SELECT t.id, t.initiative_id, t.date, t.value FROM observation t"
#define OBSERVATION_JOINS ""

#define MEMBER_SELECT \
	"SELECT t.id, t.initiative_id, o.slug, t.role, t.joined, t.left_date FROM member t"
#define MEMBER_JOINS \
	" JOIN organization o ON o.id = t.org_id"

#define RESPONSIBILITY_SELECT \
	"SELECT t.id, t.initiative_id, t.name FROM responsibility t"
#define RESPONSIBILITY_JOINS ""

#define DECISION_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.title, t.category, t.proposed,"\
	" t.decided, CASE t.decider_kind WHEN 'org' THEN o.slug ELSE t.decider_kind END,"\
	" t.contrary_views FROM decision t"
#define DECISION_JOINS \
	" LEFT JOIN organization o ON o.id = t.decider_id"

#define GRANT_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.funder, t.amount, t.start_date,"\
	" t.end_date, t.catalytic FROM grant t"
#define GRANT_JOINS ""

#define LEDGER_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.date, g.ident, t.amount, t.kind,"\
	" o.slug, t.line, t.purpose, t.backbone_own, t.status FROM ledger_entry t"
#define LEDGER_JOINS \
	" JOIN grant g ON g.id = t.grant_id"\
	" LEFT JOIN organization o ON o.id = t.recipient_id"

#define APPLICATION_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.date, t.funder, t.amount, o.slug,"\
	" t.status FROM application t"
#define APPLICATION_JOINS \
	" JOIN organization o ON o.id = t.lead_id"

#define CREDIT_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.date, t.channel, t.title FROM credit t"
#define CREDIT_JOINS ""

#define CONTRIBUTION_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.date, a.slug, b.slug, t.type, t.hours"\
	" FROM contribution t"
#define CONTRIBUTION_JOINS \
	" JOIN organization a ON a.id = t.from_id"\
	" JOIN organization b ON b.id = t.to_id"

#define CHECKIN_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.date, t.progress, t.challenges"\
	" FROM checkin t"
#define CHECKIN_JOINS ""

#define FOLLOWUP_SELECT \
	"SELECT t.id, t.checkin_id, t.text, p.slug, t.due, t.done FROM checkin_followup t"
#define ASSIST_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.date, o.slug, t.topic, t.hours"\
	" FROM assistance t"
#define ASSIST_JOINS \
	" JOIN organization o ON o.id = t.provider_id"

#define EVENT_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.date, t.kind, t.title FROM event t"
#define EVENT_JOINS ""

#define SURVEY_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.instrument, t.opened, t.closed"\
	" FROM survey t"
#define SURVEY_JOINS ""

#define TIE_SELECT \
	"SELECT t.id, t.initiative_id, t.date, a.slug, b.slug, t.frequency,"\
	" t.reliability, t.mission, t.openness, t.influence, t.involvement,"\
	" t.resources FROM tie t"
#define TIE_JOINS \
	" JOIN organization a ON a.id = t.from_id"\
	" JOIN organization b ON b.id = t.to_id"

#define ARESPONSE_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.alert, t.period, t.body FROM alert_response t"
#define ARESPONSE_JOINS ""

#define ACTION_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.alert, t.period, t.title, o.slug, p.slug,"\
	" t.due, t.status FROM action_item t"
#define ACTION_JOINS \
	" LEFT JOIN organization o ON o.id = t.owner_org_id"\
	" LEFT JOIN person p ON p.id = t.owner_person_id"

#define INITIATIVE_SELECT \
	"SELECT t.id, t.program_id, t.slug, t.name, t.city, t.start_date, t.end_date,"\
	" b.slug, f.slug, t.has_director, dp.slug, de.slug, t.has_result,"\
	" t.result_statement, t.result_indicator, t.result_unit, t.result_direction,"\
	" t.result_baseline_date, t.result_baseline_value, t.result_target_date,"\
	" t.result_target_value FROM initiative t"\
	" JOIN organization b ON b.id = t.backbone_id"\
	" JOIN organization f ON f.id = t.fiscal_agent_id"\
	" LEFT JOIN person dp ON dp.id = t.director_person_id"\
	" LEFT JOIN organization de ON de.id = t.director_employer_id"

#define PROPOSAL_SELECT \
	"SELECT t.id, t.initiative_id, t.ident, t.title, t.body, t.category, t.opened,"\
	" t.closes, CASE t.decider_kind WHEN 'org' THEN o.slug ELSE t.decider_kind END,"\
	" t.outcome, t.decided, t.decision FROM proposal t"
#define PROPOSAL_JOINS \
	" LEFT JOIN organization o ON o.id = t.decider_id"
#define PROPOSAL_ANSWER_SELECT \
	"SELECT t.id, t.proposal_id, o.slug, t.answer, t.reason, t.date, t.recorded_by"

#define APPROVAL_SELECT \
	"SELECT t.id, t.entry_id, o.slug, t.acted_by, t.on_behalf, t.date, t.verdict, t.reason"

#define ORG_SELECT \
	"SELECT id, program_id, slug, name, sector, city, staff, revenue,"\
	" flexible_grants, in_kind_staffing, experiment, convener FROM organization"

#define PERSON_SELECT \
	"SELECT t.id, t.program_id, t.slug, t.name, t.email, o.slug FROM person t"\
	" LEFT JOIN organization o ON o.id = t.org_id"

#define INI_PEOPLE \
	"SELECT director_person_id FROM initiative WHERE id = ?1"\
	" UNION SELECT owner_person_id FROM action_item WHERE initiative_id = ?1"\
	" UNION SELECT a.person_id FROM checkin c JOIN checkin_attendee a"\
	" ON a.checkin_id = c.id WHERE c.initiative_id = ?1"\
	" UNION SELECT f.owner_id FROM checkin c JOIN checkin_followup f"\
	" ON f.checkin_id = c.id WHERE c.initiative_id = ?1"
/*
 * ?1 = the initiative; each part by an index on its owner. The
 * organizations that only link rows name (a decision's consulted, an
 * event's attendees ...) are not here: reading every link table twice
 * cost a fifth of a per-initiative load, and the loader reads such an
 * organization by its rowid when a link row names it (program.c,
 * fetch_org), into the same set. Nor are those of the decisions'
 * deciders, the applications' leads, the ledger's recipients and
 * approvals, the proposals' answers and the contributions' and ties'
 * ends: those tables' per-initiative selects give the organizations'
 * rowids (*_SEL_IDS above; ST_PANSWER_SEL_ONE, ST_APPROVAL_SEL_ONE),
 * which the loader looks up the same way; the ledger read twice, once
 * here by its index and once for its rows, was a sixth of the load.
 */
#define INI_ORGS \
	"SELECT backbone_id FROM initiative WHERE id = ?1"\
	" UNION SELECT fiscal_agent_id FROM initiative WHERE id = ?1"\
	" UNION SELECT director_employer_id FROM initiative WHERE id = ?1"\
	" UNION SELECT org_id FROM initiative_committee WHERE initiative_id = ?1"\
	" UNION SELECT org_id FROM director_reports_to WHERE initiative_id = ?1"\
	" UNION SELECT org_id FROM director_evaluated_by WHERE initiative_id = ?1"\
	" UNION SELECT org_id FROM member WHERE initiative_id = ?1"\
	" UNION SELECT decider_id FROM proposal WHERE initiative_id = ?1"\
	" UNION SELECT owner_org_id FROM action_item WHERE initiative_id = ?1"\
	" UNION SELECT provider_id FROM assistance WHERE initiative_id = ?1"\
	" UNION SELECT org_id FROM person WHERE id IN (" INI_PEOPLE ")"

const char *const store_sql[ST__MAX] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_BEGIN_READ] = "BEGIN",
	[ST_WAL] = "PRAGMA journal_mode = WAL",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_USER_VERSION] = "PRAGMA user_version",
	[ST_INTEGRITY] = "PRAGMA integrity_check",
	[ST_FK_CHECK] = "PRAGMA foreign_key_check",
	[ST_PROGRAM_SLUGS] = "SELECT slug FROM program ORDER BY slug",
	[ST_PROGRAM_FIND] =
	"SELECT id, slug, name, funder, start_date, end_date FROM program WHERE slug = ?",
	[ST_PROGRAM_INS] =
	"INSERT INTO program (slug, name, funder, start_date, end_date) VALUES (?, ?, ?, ?, ?)",
	[ST_SETTING_GET] =
	"SELECT s.value FROM setting s JOIN program p ON p.id = s.program_id"
	" WHERE p.slug = ?1 AND s.name = ?2",
	[ST_SETTING_SET] =
	"INSERT INTO setting (program_id, name, value)"
	" SELECT id, ?2, ?3 FROM program WHERE slug = ?1"
	" ON CONFLICT (program_id, name) DO UPDATE SET value = excluded.value",
	[ST_SETTING_ALL] =
	"SELECT s.name, s.value FROM setting s JOIN program p ON p.id = s.program_id"
	" WHERE p.slug = ?1 ORDER BY s.name",
	[ST_SETTING_DEL] =
	"DELETE FROM setting WHERE name = ?2"
	" AND program_id = (SELECT id FROM program WHERE slug = ?1)",

	[ST_ORG_INS] =
	"INSERT INTO organization (program_id, slug, name, sector, city, staff, revenue,"
	" flexible_grants, in_kind_staffing, experiment, convener)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_ORG_SEL] =
	ORG_SELECT " WHERE program_id = ?1 ORDER BY id",
	[ST_ORG_EXPERTISE_INS] =
	"INSERT INTO org_expertise (org_id, position, area) VALUES (?, ?, ?)",
	[ST_ORG_EXPERTISE_SEL] =
	LINK_SEL("org_expertise", "org_id", "area"),
	[ST_PERSON_INS] =
	"INSERT INTO person (program_id, slug, name, email, org_id) VALUES (?, ?, ?, ?, ?)",
	[ST_PERSON_SEL] =
	PERSON_SELECT " WHERE t.program_id = ?1 ORDER BY t.id",
	[ST_INSTRUMENT_INS] =
	"INSERT INTO instrument (program_id, code, title, title_es) VALUES (?, ?, ?, ?)",
	[ST_INSTRUMENT_SEL] =
	"SELECT id, program_id, code, title, title_es FROM instrument"
	" WHERE program_id = ?1 ORDER BY id",
	[ST_ITEM_INS] =
	"INSERT INTO instrument_item (instrument_id, code, text, category, text_es)"
	" VALUES (?, ?, ?, ?, ?)",
	[ST_ITEM_SEL] =
	"SELECT t.id, t.instrument_id, t.code, t.text, t.category, t.text_es FROM instrument_item t"
	" CROSS JOIN instrument i ON i.id = t.instrument_id" OF_PROGRAM,

	[ST_INITIATIVE_INS] =
	"INSERT INTO initiative (program_id, slug, name, city, start_date, end_date,"
	" backbone_id, fiscal_agent_id, has_director, director_person_id,"
	" director_employer_id, has_result, result_statement, result_indicator,"
	" result_unit, result_direction, result_baseline_date, result_baseline_value,"
	" result_target_date, result_target_value)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_INITIATIVE_SEL] =
	INITIATIVE_SELECT " WHERE t.program_id = ?1 ORDER BY t.id",
	[ST_COMMITTEE_INS] = ORG_LINK_INS("initiative_committee", "initiative_id"),
	[ST_COMMITTEE_SEL] =
	LINK_SEL("initiative_committee", "initiative_id", "org_id"),
	[ST_REPORTS_TO_INS] = ORG_LINK_INS("director_reports_to", "initiative_id"),
	[ST_REPORTS_TO_SEL] =
	LINK_SEL("director_reports_to", "initiative_id", "org_id"),
	[ST_EVALUATED_BY_INS] = ORG_LINK_INS("director_evaluated_by", "initiative_id"),
	[ST_EVALUATED_BY_SEL] =
	LINK_SEL("director_evaluated_by", "initiative_id", "org_id"),
	[ST_OBSERVATION_INS] =
	"INSERT INTO observation (initiative_id, date, value) VALUES (?, ?, ?)",
	[ST_OBSERVATION_SEL] =
	OBSERVATION_SELECT IN_INITIATIVE OBSERVATION_JOINS OF_PROGRAM,
	[ST_MEMBER_INS] =
	"INSERT INTO member (initiative_id, org_id, role, joined, left_date)"
	" VALUES (?, ?, ?, ?, ?)",
	[ST_MEMBER_SEL] =
	MEMBER_SELECT IN_INITIATIVE MEMBER_JOINS OF_PROGRAM,
	[ST_RESPONSIBILITY_INS] =
	"INSERT INTO responsibility (initiative_id, name) VALUES (?, ?)",
	[ST_RESPONSIBILITY_SEL] =
	RESPONSIBILITY_SELECT IN_INITIATIVE RESPONSIBILITY_JOINS OF_PROGRAM,
	[ST_ASSIGNMENT_INS] =
	"INSERT INTO assignment (responsibility_id, position, org_id, letter)"
	" VALUES (?, ?, ?, ?)",
	[ST_ASSIGNMENT_SEL] =
	LINK_SEL("assignment", "responsibility_id", "org_id, letter"),
	[ST_DECISION_INS] =
	"INSERT INTO decision (initiative_id, ident, title, category, proposed, decided,"
	" decider_kind, decider_id, contrary_views) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_DECISION_SEL] =
	DECISION_SELECT IN_INITIATIVE DECISION_JOINS OF_PROGRAM,
	[ST_CONSULTED_INS] = ORG_LINK_INS("decision_consulted", "decision_id"),
	[ST_CONSULTED_SEL] =
	LINK_SEL("decision_consulted", "decision_id", "org_id"),
	[ST_INFORMED_INS] = ORG_LINK_INS("decision_informed", "decision_id"),
	[ST_INFORMED_SEL] =
	LINK_SEL("decision_informed", "decision_id", "org_id"),
	[ST_GRANT_INS] =
	"INSERT INTO grant (initiative_id, ident, funder, amount, start_date, end_date,"
	" catalytic) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_GRANT_SEL] =
	GRANT_SELECT IN_INITIATIVE GRANT_JOINS OF_PROGRAM,
	[ST_LINE_INS] =
	"INSERT INTO budget_line (grant_id, name, amount) VALUES (?, ?, ?)",
	[ST_LINE_SEL] =
	"SELECT t.id, t.grant_id, t.name, t.amount FROM budget_line t"
	" CROSS JOIN grant g ON g.id = t.grant_id"
	" CROSS JOIN initiative i ON i.id = g.initiative_id" OF_PROGRAM,
	[ST_PROPOSAL_INS] =
	"INSERT INTO proposal (initiative_id, ident, title, body, category, opened, closes,"
	" decider_kind, decider_id, outcome, decided, decision)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_PROPOSAL_SEL] =
	PROPOSAL_SELECT IN_INITIATIVE PROPOSAL_JOINS OF_PROGRAM,
	[ST_ASKED_INS] = ORG_LINK_INS("proposal_asked", "proposal_id"),
	[ST_ASKED_SEL] =
	LINK_SEL("proposal_asked", "proposal_id", "org_id"),
	[ST_PANSWER_INS] =
	"INSERT INTO proposal_answer (proposal_id, org_id, answer, reason, date, recorded_by)"
	" VALUES (?, ?, ?, ?, ?, ?)",
	[ST_PANSWER_SEL] =
	PROPOSAL_ANSWER_SELECT " FROM proposal_answer t"
	" CROSS JOIN proposal x ON x.id = t.proposal_id"
	" CROSS JOIN initiative i ON i.id = x.initiative_id"
	" JOIN organization o ON o.id = t.org_id" OF_PROGRAM,
	[ST_LEDGER_INS] =
	"INSERT INTO ledger_entry (initiative_id, ident, date, grant_id, amount, kind,"
	" recipient_id, line, purpose, backbone_own, status)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_LEDGER_SEL] =
	LEDGER_SELECT IN_INITIATIVE LEDGER_JOINS OF_PROGRAM,
	[ST_APPLICATION_INS] =
	"INSERT INTO application (initiative_id, ident, date, funder, amount, lead_id,"
	" status) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_APPLICATION_SEL] =
	APPLICATION_SELECT IN_INITIATIVE APPLICATION_JOINS OF_PROGRAM,
	[ST_CO_APPLICANT_INS] = ORG_LINK_INS("application_co_applicant", "application_id"),
	[ST_CO_APPLICANT_SEL] =
	LINK_SEL("application_co_applicant", "application_id", "org_id"),
	[ST_CREDIT_INS] =
	"INSERT INTO credit (initiative_id, ident, date, channel, title) VALUES (?, ?, ?, ?, ?)",
	[ST_CREDIT_SEL] =
	CREDIT_SELECT IN_INITIATIVE CREDIT_JOINS OF_PROGRAM,
	[ST_CREDITED_INS] = ORG_LINK_INS("credit_credited", "credit_id"),
	[ST_CREDITED_SEL] =
	LINK_SEL("credit_credited", "credit_id", "org_id"),
	[ST_CONTRIBUTION_INS] =
	"INSERT INTO contribution (initiative_id, ident, date, from_id, to_id, type, hours)"
	" VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_CONTRIBUTION_SEL] =
	CONTRIBUTION_SELECT IN_INITIATIVE CONTRIBUTION_JOINS OF_PROGRAM,
	[ST_CHECKIN_INS] =
	"INSERT INTO checkin (initiative_id, ident, date, progress, challenges)"
	" VALUES (?, ?, ?, ?, ?)",
	[ST_CHECKIN_SEL] =
	CHECKIN_SELECT IN_INITIATIVE CHECKIN_JOINS OF_PROGRAM,
	[ST_ATTENDEE_INS] =
	"INSERT INTO checkin_attendee (checkin_id, position, person_id) VALUES (?, ?, ?)",
	[ST_ATTENDEE_SEL] =
	LINK_SEL("checkin_attendee", "checkin_id", "person_id"),
	[ST_EVENT_INS] =
	"INSERT INTO event (initiative_id, ident, date, kind, title) VALUES (?, ?, ?, ?, ?)",
	[ST_EVENT_SEL] =
	EVENT_SELECT IN_INITIATIVE EVENT_JOINS OF_PROGRAM,
	[ST_EXPECTED_INS] = ORG_LINK_INS("event_expected", "event_id"),
	[ST_EXPECTED_SEL] =
	LINK_SEL("event_expected", "event_id", "org_id"),
	[ST_ATTENDED_INS] = ORG_LINK_INS("event_attended", "event_id"),
	[ST_ATTENDED_SEL] =
	LINK_SEL("event_attended", "event_id", "org_id"),
	[ST_SURVEY_INS] =
	"INSERT INTO survey (initiative_id, ident, instrument, opened, closed)"
	" VALUES (?, ?, ?, ?, ?)",
	[ST_SURVEY_SEL] =
	SURVEY_SELECT IN_INITIATIVE SURVEY_JOINS OF_PROGRAM,
	[ST_RESPONSE_INS] =
	"INSERT INTO response (survey_id, respondent_group) VALUES (?, ?)",
	[ST_RESPONSE_SEL] =
	"SELECT t.id, t.survey_id, t.respondent_group FROM response t"
	" CROSS JOIN survey s ON s.id = t.survey_id"
	" CROSS JOIN initiative i ON i.id = s.initiative_id" OF_PROGRAM,
	[ST_ANSWER_INS] =
	"INSERT INTO answer (response_id, position, item, value) VALUES (?, ?, ?, ?)",
	[ST_ANSWER_SEL] =
	LINK_SEL("answer", "response_id", "item, value"),
	[ST_TIE_INS] =
	"INSERT INTO tie (initiative_id, date, from_id, to_id, frequency, reliability,"
	" mission, openness, influence, involvement, resources)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_TIE_SEL] =
	TIE_SELECT IN_INITIATIVE TIE_JOINS OF_PROGRAM,
	[ST_ARESPONSE_INS] =
	"INSERT INTO alert_response (initiative_id, ident, alert, period, body)"
	" VALUES (?, ?, ?, ?, ?)",
	[ST_ARESPONSE_SEL] =
	ARESPONSE_SELECT IN_INITIATIVE ARESPONSE_JOINS OF_PROGRAM,
	[ST_ACTION_INS] =
	"INSERT INTO action_item (initiative_id, ident, alert, period, title, owner_org_id,"
	" owner_person_id, due, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_ACTION_SEL] =
	ACTION_SELECT IN_INITIATIVE ACTION_JOINS OF_PROGRAM,

	[ST_CANDIDATE_INS] =
	"INSERT INTO candidate (program_id, org_id, round, flexible_grants_evidence,"
	" expertise_evidence, in_kind_staffing_evidence, experiment_evidence, convener_evidence,"
	" note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_CANDIDATE_SEL] =
	"SELECT t.id, t.program_id, o.slug, t.round, t.flexible_grants_evidence,"
	" t.expertise_evidence, t.in_kind_staffing_evidence, t.experiment_evidence,"
	" t.convener_evidence, t.note FROM candidate t JOIN organization o ON o.id = t.org_id"
	" WHERE t.program_id = ?1 ORDER BY t.id",
	[ST_LEARNING_INS] =
	"INSERT INTO learning (program_id, question) VALUES (?, ?)",
	[ST_LEARNING_SEL] =
	"SELECT id, program_id, question FROM learning WHERE program_id = ?1 ORDER BY id",
	[ST_NOTE_INS] =
	"INSERT INTO learning_note (learning_id, date, text) VALUES (?, ?, ?)",
	[ST_NOTE_SEL] =
	"SELECT t.id, t.learning_id, t.date, t.text FROM learning_note t"
	" CROSS JOIN learning i ON i.id = t.learning_id" OF_PROGRAM,
	[ST_NOTE_INITIATIVE_INS] =
	"INSERT INTO note_initiative (note_id, position, initiative_id) VALUES (?, ?, ?)",
	[ST_NOTE_INITIATIVE_SEL] =
	LINK_SEL("note_initiative", "note_id", "initiative_id"),

	/*
	 * Accounts (accounts.c). A user row is read as USER_COLS: id, email,
	 * role, initiative slug, program slug (the evaluator's, or the
	 * initiative's program), password hash, created, disabled.
	 */
	[ST_USER_INS] =
	"INSERT INTO users (email, role, initiative_id, program_id, password_hash, created)"
	" VALUES (?, ?, ?, ?, ?, ?)",
	[ST_USER_BY_EMAIL] =
	USER_SEL " WHERE u.email = ?1",
	[ST_USER_BY_ID] =
	USER_SEL " WHERE u.id = ?1",
	[ST_USER_LIST] =
	USER_SEL " ORDER BY u.email",
	[ST_USER_DEL] =
	"DELETE FROM users WHERE email = ?1",
	[ST_USER_SET_HASH] =
	"UPDATE users SET password_hash = ?2 WHERE id = ?1",
	[ST_USER_SET_ROLE] =
	"UPDATE users SET role = ?2, initiative_id = ?3, program_id = ?4 WHERE id = ?1",
	/*
	 * Accounts per program (migration 14): account ?1's role in program
	 * ?2 and its initiative's slug; a role in program ?2 (its initiative
	 * ?4 one of that program's), set or replaced; every role, by account
	 * and program: email, program, role, initiative.
	 */
	[ST_ROLE_GET] =
	"SELECT r.role, i.slug FROM account_role r JOIN program p ON p.id = r.program_id"
	" LEFT JOIN initiative i ON i.id = r.initiative_id WHERE r.user_id = ?1 AND p.slug = ?2",
	[ST_ROLE_SET] =
	"INSERT INTO account_role (user_id, program_id, role, initiative_id)"
	" SELECT ?1, p.id, ?3, (SELECT i.id FROM initiative i WHERE i.program_id = p.id"
	" AND i.slug = ?4) FROM program p WHERE p.slug = ?2"
	" ON CONFLICT (user_id, program_id) DO UPDATE SET role = excluded.role,"
	" initiative_id = excluded.initiative_id",
	[ST_ROLE_LIST] =
	"SELECT u.email, p.slug, r.role, i.slug FROM account_role r"
	" JOIN users u ON u.id = r.user_id JOIN program p ON p.id = r.program_id"
	" LEFT JOIN initiative i ON i.id = r.initiative_id ORDER BY u.email, p.slug",
	/*
	 * The programs where account ?1 holds a role, by slug, and the role:
	 * its rows of account_role, and its own program (an evaluator's, a
	 * member's or viewer's initiative's) where no row replaces it.
	 */
	[ST_USER_PROGRAMS] =
	"SELECT p.slug, r.role FROM account_role r JOIN program p ON p.id = r.program_id"
	" WHERE r.user_id = ?1 UNION SELECT p.slug, u.role FROM users u"
	" LEFT JOIN initiative i ON i.id = u.initiative_id"
	" JOIN program p ON p.id = coalesce(u.program_id, i.program_id) WHERE u.id = ?1"
	" AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.user_id = u.id"
	" AND r.program_id = p.id) ORDER BY 1",
	[ST_USER_SET_ORG] =
	"UPDATE users SET organization = ?2 WHERE id = ?1",
	[ST_USER_SET_DISABLED] =
	"UPDATE users SET disabled = ?2 WHERE id = ?1",
	[ST_INITIATIVE_ID] =
	"SELECT i.id, p.slug FROM initiative i JOIN program p ON p.id = i.program_id"
	" WHERE i.slug = ?1",
	[ST_PROGRAM_ID] =
	"SELECT id FROM program WHERE slug = ?1",
	[ST_SESSION_INS] =
	"INSERT INTO sessions (token_hash, user_id, csrf, created, last_seen)"
	" VALUES (?, ?, ?, ?5, ?5)",
	[ST_SESSION_GET] =
	"SELECT s.id, s.csrf, s.created, s.last_seen, " USER_COLS
	" FROM sessions s JOIN users u ON u.id = s.user_id" USER_JOINS
	" WHERE s.token_hash = ?1",
	[ST_SESSION_TOUCH] =
	"UPDATE sessions SET last_seen = ?2 WHERE id = ?1",
	[ST_SESSION_DEL] =
	"DELETE FROM sessions WHERE id = ?1",
	[ST_SESSION_DEL_HASH] =
	"DELETE FROM sessions WHERE token_hash = ?1",
	[ST_SESSION_DEL_USER] =
	"DELETE FROM sessions WHERE user_id = ?1",
	/* idle since ?1 or created before ?2 */
	[ST_SESSION_PURGE] =
	"DELETE FROM sessions WHERE last_seen < ?1 OR created < ?2",
	[ST_TOKEN_INS] =
	"INSERT INTO api_tokens (token_hash, user_id, name, created) VALUES (?, ?, ?, ?)",
	[ST_TOKEN_GET] =
	"SELECT t.id, " USER_COLS " FROM api_tokens t JOIN users u ON u.id = t.user_id"
	USER_JOINS " WHERE t.token_hash = ?1",
	[ST_TOKEN_TOUCH] =
	"UPDATE api_tokens SET last_used = ?2 WHERE id = ?1",
	/* ?1 an email, or NULL for every user's */
	[ST_TOKEN_LIST] =
	"SELECT t.id, u.email, t.name, t.created, t.last_used FROM api_tokens t"
	" JOIN users u ON u.id = t.user_id WHERE CAST(?1 AS TEXT) IS NULL OR u.email = ?1 ORDER BY t.id",
	[ST_TOKEN_DEL] =
	"DELETE FROM api_tokens WHERE id = ?1",
	[ST_TOKEN_DEL_USER] =
	"DELETE FROM api_tokens WHERE user_id = ?1",
	[ST_AUDIT_INS] =
	/*
	 * its program (migration 14): ?9 when given, else its initiative's
	 * (initiative slugs are unique), else the database's only program's
	 */
	"INSERT INTO audit_log (at, actor, action, kind, initiative, record, before, after,"
	" program) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9,"
	" (SELECT p.slug FROM initiative i JOIN program p ON p.id = i.program_id"
	" WHERE i.slug = ?5), (SELECT slug FROM program"
	" WHERE (SELECT count(*) FROM program) = 1)))",
	/* newest first, ?1 rows after skipping ?2 */
	[ST_AUDIT_LIST] =
	"SELECT " AUDIT_COLS " FROM audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2",
	[ST_AUDIT_LIST_INI] =
	"SELECT " AUDIT_COLS " FROM audit_log WHERE initiative = ?3"
	" ORDER BY id DESC LIMIT ?1 OFFSET ?2",
	/* the same, of program ?3 (migration 14), of its initiative ?4 */
	[ST_AUDIT_LIST_PROG] =
	"SELECT " AUDIT_COLS " FROM audit_log WHERE program = ?3"
	" ORDER BY id DESC LIMIT ?1 OFFSET ?2",
	[ST_AUDIT_LIST_PROG_INI] =
	"SELECT " AUDIT_COLS " FROM audit_log WHERE program = ?3 AND initiative = ?4"
	" ORDER BY id DESC LIMIT ?1 OFFSET ?2",
	[ST_AUDIT_LAST] =
	"SELECT coalesce(max(id), 0) FROM audit_log",
	[ST_THROTTLE_GET] =
	"SELECT failures, window_start, locked_until, lockouts FROM login_attempts"
	" WHERE key = ?1",
	[ST_THROTTLE_PUT] =
	"INSERT INTO login_attempts (key, failures, window_start, locked_until, lockouts)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET"
	" failures = ?2, window_start = ?3, locked_until = ?4, lockouts = ?5",
	[ST_THROTTLE_DEL] =
	"DELETE FROM login_attempts WHERE key = ?1",
	[ST_THROTTLE_EXPIRE] =
	"DELETE FROM login_attempts WHERE window_start < ?1",
	/*
	 * Editing one record (edit.c). An update binds the fields as the
	 * insert does, then the row's id; deletes take the id as ?1.
	 */
	[ST_PROGRAM_UPD] =
	UPD("program", "slug, name, funder, start_date, end_date", "?, ?, ?, ?, ?"),
	[ST_ORG_UPD] =
	UPD("organization", "slug, name, sector, city, staff, revenue, flexible_grants,"
	    " in_kind_staffing, experiment, convener", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_ORG_DEL] = ROW_DEL("organization"),
	[ST_ORG_EXPERTISE_DEL] = OWNER_DEL("org_expertise", "org_id"),
	[ST_PERSON_UPD] =
	UPD("person", "slug, name, email, org_id", "?, ?, ?, ?"),
	[ST_PERSON_DEL] = ROW_DEL("person"),
	[ST_INSTRUMENT_UPD] = UPD("instrument", "code, title, title_es", "?, ?, ?"),
	[ST_INSTRUMENT_DEL] = ROW_DEL("instrument"),
	/* surveys name their instrument by code, not by a key */
	[ST_INSTRUMENT_USED] =
	"SELECT count(*) FROM instrument n CROSS JOIN initiative i ON i.program_id = n.program_id"
	" CROSS JOIN survey s ON s.initiative_id = i.id AND s.instrument = n.code"
	" WHERE n.id = ?1",
	[ST_ITEM_UPD] = UPD("instrument_item", "code, text, category, text_es", "?, ?, ?, ?"),
	[ST_ITEM_DEL] = ROW_DEL("instrument_item"),
	[ST_ITEM_DEL_OF] = OWNER_DEL("instrument_item", "instrument_id"),
	[ST_INITIATIVE_UPD] =
	UPD("initiative", "slug, name, city, start_date, end_date, backbone_id,"
	    " fiscal_agent_id, has_director, director_person_id, director_employer_id,"
	    " has_result, result_statement, result_indicator, result_unit, result_direction,"
	    " result_baseline_date, result_baseline_value, result_target_date,"
	    " result_target_value",
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_INITIATIVE_DEL] = ROW_DEL("initiative"),
	/* note_initiative cascades, so edit.c asks first */
	[ST_INITIATIVE_NOTED] =
	"SELECT count(*) FROM note_initiative WHERE initiative_id = ?1",
	[ST_COMMITTEE_DEL] = OWNER_DEL("initiative_committee", "initiative_id"),
	[ST_REPORTS_TO_DEL] = OWNER_DEL("director_reports_to", "initiative_id"),
	[ST_EVALUATED_BY_DEL] = OWNER_DEL("director_evaluated_by", "initiative_id"),
	[ST_OBSERVATION_UPD] = UPD("observation", "date, value", "?, ?"),
	[ST_OBSERVATION_DEL] = ROW_DEL("observation"),
	[ST_MEMBER_UPD] = UPD("member", "org_id, role, joined, left_date", "?, ?, ?, ?"),
	[ST_MEMBER_DEL] = ROW_DEL("member"),
	[ST_RESPONSIBILITY_UPD] = UPD1("responsibility", "name"),
	[ST_RESPONSIBILITY_DEL] = ROW_DEL("responsibility"),
	[ST_ASSIGNMENT_DEL] = OWNER_DEL("assignment", "responsibility_id"),
	[ST_DECISION_UPD] =
	UPD("decision", "ident, title, category, proposed, decided, decider_kind,"
	    " decider_id, contrary_views", "?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_DECISION_DEL] = ROW_DEL("decision"),
	[ST_CONSULTED_DEL] = OWNER_DEL("decision_consulted", "decision_id"),
	[ST_INFORMED_DEL] = OWNER_DEL("decision_informed", "decision_id"),
	[ST_GRANT_UPD] =
	UPD("grant", "ident, funder, amount, start_date, end_date, catalytic",
	    "?, ?, ?, ?, ?, ?"),
	[ST_GRANT_DEL] = ROW_DEL("grant"),
	[ST_LINE_UPD] = UPD("budget_line", "name, amount", "?, ?"),
	[ST_LINE_DEL] = ROW_DEL("budget_line"),
	[ST_LINE_DEL_OF] = OWNER_DEL("budget_line", "grant_id"),
	[ST_LEDGER_UPD] =
	UPD("ledger_entry", "ident, date, grant_id, amount, kind, recipient_id, line,"
	    " purpose, backbone_own, status", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_LEDGER_DEL] = ROW_DEL("ledger_entry"),
	[ST_APPLICATION_UPD] =
	UPD("application", "ident, date, funder, amount, lead_id, status",
	    "?, ?, ?, ?, ?, ?"),
	[ST_APPLICATION_DEL] = ROW_DEL("application"),
	[ST_CO_APPLICANT_DEL] = OWNER_DEL("application_co_applicant", "application_id"),
	[ST_CREDIT_UPD] = UPD("credit", "ident, date, channel, title", "?, ?, ?, ?"),
	[ST_CREDIT_DEL] = ROW_DEL("credit"),
	[ST_CREDITED_DEL] = OWNER_DEL("credit_credited", "credit_id"),
	[ST_CONTRIBUTION_UPD] =
	UPD("contribution", "ident, date, from_id, to_id, type, hours", "?, ?, ?, ?, ?, ?"),
	[ST_CONTRIBUTION_DEL] = ROW_DEL("contribution"),
	[ST_CHECKIN_UPD] =
	UPD("checkin", "ident, date, progress, challenges", "?, ?, ?, ?"),
	[ST_CHECKIN_DEL] = ROW_DEL("checkin"),
	[ST_ATTENDEE_DEL] = OWNER_DEL("checkin_attendee", "checkin_id"),
	[ST_EVENT_UPD] = UPD("event", "ident, date, kind, title", "?, ?, ?, ?"),
	[ST_EVENT_DEL] = ROW_DEL("event"),
	[ST_EXPECTED_DEL] = OWNER_DEL("event_expected", "event_id"),
	[ST_ATTENDED_DEL] = OWNER_DEL("event_attended", "event_id"),
	[ST_SURVEY_UPD] =
	UPD("survey", "ident, instrument, opened, closed", "?, ?, ?, ?"),
	[ST_SURVEY_DEL] = ROW_DEL("survey"),
	[ST_RESPONSE_UPD] = UPD1("response", "respondent_group"),
	[ST_RESPONSE_DEL] = ROW_DEL("response"),
	[ST_RESPONSE_DEL_OF] = OWNER_DEL("response", "survey_id"),
	[ST_ANSWER_DEL] = OWNER_DEL("answer", "response_id"),
	[ST_TIE_UPD] =
	UPD("tie", "date, from_id, to_id, frequency, reliability, mission, openness,"
	    " influence, involvement, resources", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_TIE_DEL] = ROW_DEL("tie"),
	[ST_PROPOSAL_UPD] =
	UPD("proposal", "ident, title, body, category, opened, closes, decider_kind,"
	" decider_id, outcome, decided, decision", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_PROPOSAL_DEL] = ROW_DEL("proposal"),
	[ST_ASKED_DEL] = OWNER_DEL("proposal_asked", "proposal_id"),
	[ST_PANSWER_UPD] =
	UPD("proposal_answer", "org_id, answer, reason, date, recorded_by", "?, ?, ?, ?, ?"),
	[ST_PANSWER_DEL] = ROW_DEL("proposal_answer"),
	[ST_PANSWER_DEL_OF] = OWNER_DEL("proposal_answer", "proposal_id"),
	[ST_ARESPONSE_UPD] = UPD("alert_response", "ident, alert, period, body", "?, ?, ?, ?"),
	[ST_ARESPONSE_DEL] = ROW_DEL("alert_response"),
	[ST_ACTION_UPD] =
	UPD("action_item", "ident, alert, period, title, owner_org_id, owner_person_id, due, status",
	    "?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_ACTION_DEL] = ROW_DEL("action_item"),
	[ST_CANDIDATE_UPD] =
	UPD("candidate", "org_id, round, flexible_grants_evidence, expertise_evidence,"
	    " in_kind_staffing_evidence, experiment_evidence, convener_evidence, note",
	    "?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_CANDIDATE_DEL] = ROW_DEL("candidate"),
	[ST_LEARNING_UPD] = UPD1("learning", "question"),
	[ST_LEARNING_DEL] = ROW_DEL("learning"),
	[ST_NOTE_UPD] = UPD("learning_note", "date, text", "?, ?"),
	[ST_NOTE_DEL] = ROW_DEL("learning_note"),
	[ST_NOTE_DEL_OF] = OWNER_DEL("learning_note", "learning_id"),
	[ST_NOTE_INITIATIVE_DEL] = OWNER_DEL("note_initiative", "note_id"),
	[ST_ROUND_FIND] =
	"SELECT s.id, s.closed FROM survey s JOIN initiative i ON i.id = s.initiative_id"
	" WHERE i.slug = ?1 AND s.ident = ?2",
	[ST_ROUND_CLOSE] =
	"UPDATE survey SET closed = ?2 WHERE id = ?1 AND closed IS NULL AND opened <= ?2",
	[ST_INVITATION_INS] =
	"INSERT INTO survey_invitation (survey_id, token_hash, respondent_group, person_id, lang)"
	" VALUES (?, ?, ?, ?, ?)",
	/*
	 * The team of a round: the initiative's director, and every person of
	 * the program whose organization is the backbone or a member; the
	 * group follows from the person; and whether they have a link of
	 * survey ?2 already.
	 */
	[ST_ROUND_TEAM] =
	"SELECT p.id, p.slug, p.name, p.email,"
	" CASE WHEN i.has_director = 1 AND p.id = i.director_person_id THEN 'director'"
	" WHEN p.org_id = i.backbone_id THEN 'backbone' ELSE 'partner' END,"
	" EXISTS (SELECT 1 FROM survey_invitation v JOIN survey s ON s.id = v.survey_id"
	"  WHERE s.initiative_id = i.id AND s.ident = ?2 AND v.person_id = p.id)"
	" FROM initiative i JOIN person p ON p.program_id = i.program_id"
	" WHERE i.slug = ?1 AND ((i.has_director = 1 AND p.id = i.director_person_id)"
	" OR p.org_id = i.backbone_id"
	" OR p.org_id IN (SELECT m.org_id FROM member m WHERE m.initiative_id = i.id))"
	" ORDER BY p.slug",
	/* before an answer: the responses of survey ?1 as of the start of day ?2 */
	[ST_TALLY_MARK] =
	"INSERT INTO survey_tally (survey_id, day, n)"
	" VALUES (?1, ?2, (SELECT count(*) FROM response WHERE survey_id = ?1))"
	" ON CONFLICT (survey_id) DO UPDATE SET day = excluded.day, n = excluded.n"
	" WHERE survey_tally.day <> excluded.day",
	/* the responses of survey ?1 as of the start of day ?2 */
	[ST_TALLY_GET] =
	"SELECT coalesce((SELECT n FROM survey_tally WHERE survey_id = ?1 AND day = ?2),"
	" (SELECT count(*) FROM response WHERE survey_id = ?1))",
	[ST_INVITATION_GET] =
	"SELECT v.id, v.survey_id, v.respondent_group, v.used, s.closed, s.ident, i.slug,"
	" s.instrument, v.lang FROM survey_invitation v JOIN survey s ON s.id = v.survey_id"
	" JOIN initiative i ON i.id = s.initiative_id WHERE v.token_hash = ?1",
	[ST_INVITATION_USE] =
	"UPDATE survey_invitation SET used = 1 WHERE id = ?1 AND used = 0",
	[ST_INVITATION_COUNTS] =
	"SELECT respondent_group, count(*) FROM survey_invitation"
	" WHERE survey_id = ?1 GROUP BY respondent_group",
	/* a clash of the random id inserts nothing, and leaves the transaction usable */
	[ST_RESPONSE_INS_ID] =
	"INSERT INTO response (id, survey_id, respondent_group) VALUES (?, ?, ?)"
	" ON CONFLICT (id) DO NOTHING",
	[ST_MAIL_INS] =
	"INSERT INTO mail_outbox (message_id, kind, queued, to_addr, to_name, subject,"
	" text_body, html_body, unsubscribe, sealed, next_try, topic)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_MAIL_DUE] =
	"SELECT id, message_id, kind, to_addr, to_name, subject, text_body, html_body,"
	" unsubscribe, sealed, attempts FROM mail_outbox"
	" WHERE sent IS NULL AND next_try <= ?1 AND lease_until <= ?1"
	" ORDER BY next_try, id LIMIT ?2",
	[ST_MAIL_LEASE] =
	"UPDATE mail_outbox SET lease_until = ?2 WHERE id = ?1",
	[ST_MAIL_SENT] =
	"UPDATE mail_outbox SET sent = ?2, sealed = NULL, lease_until = 0,"
	" attempts = attempts + 1, last_error = NULL WHERE id = ?1 AND sent IS NULL",
	[ST_MAIL_RETRY] =
	"UPDATE mail_outbox SET attempts = attempts + 1, next_try = ?2, lease_until = 0,"
	" last_error = ?3 WHERE id = ?1 AND sent IS NULL",
	[ST_MAIL_LIST] =
	"SELECT id, kind, to_addr, queued, attempts, next_try, sent, last_error"
	" FROM mail_outbox ORDER BY id",
	/*
	 * Initiatives running on day ?1: their last check-in (or NULL), the
	 * director's name and address, and when a check-in reminder of theirs
	 * was last queued (or NULL).
	 */
	[ST_MAIL_SILENT] =
	"SELECT i.slug, i.name, i.start_date, (SELECT max(c.date) FROM checkin c"
	" WHERE c.initiative_id = i.id), p.name, p.email,"
	" (SELECT max(o.queued) FROM mail_outbox o WHERE o.kind = 'checkin-reminder'"
	" AND o.topic = i.slug), pr.slug"
	" FROM initiative i JOIN program pr ON pr.id = i.program_id"
	" LEFT JOIN person p ON i.has_director = 1 AND p.id = i.director_person_id"
	" WHERE i.start_date <= ?1 AND i.end_date >= ?1 ORDER BY i.slug",
	/* the addresses of the accounts not disabled that are admins of initiative ?1's program */
	[ST_MAIL_ADMINS] =
	"SELECT u.email FROM users u JOIN initiative i ON i.slug = ?1"
	" WHERE u.disabled IS NULL AND " ADMIN_OF_INITIATIVE " ORDER BY u.email",
	/* account ?3's own language becomes ?4 (NULL: none chosen) */
	[ST_USER_LANG_SET] =
	"UPDATE users SET lang = ?4 WHERE email = lower(?3)",
	[ST_DIGEST_GET] =
	"SELECT digest FROM users WHERE email = lower(?1)",
	/* account ?3 chooses digest ?4 (the binds of outbox.c's one_write) */
	[ST_DIGEST_SET] =
	"UPDATE users SET digest = ?4 WHERE email = lower(?3)",
	/*
	 * Accounts whose digest is due at ?1 (daily: a day after the last,
	 * weekly: a week), not disabled: email, role, digest, the last (or
	 * NULL).
	 */
	[ST_DIGEST_DUE] =
	"SELECT email, role, digest, digest_sent FROM users WHERE disabled IS NULL"
	" AND digest <> 'none' AND (digest_sent IS NULL OR digest_sent <= ?1 -"
	" CASE digest WHEN 'daily' THEN 86400 ELSE 604800 END) ORDER BY email",
	/* account ?3's digest made at ?2, if its last was still ?1 (-1: none) */
	[ST_DIGEST_SENT] =
	"UPDATE users SET digest_sent = ?2 WHERE email = ?3"
	" AND coalesce(digest_sent, -1) = ?1",
	/* the initiatives account ?1 may read, by slug: slug, name, program slug */
	[ST_DIGEST_SCOPE] =
	"SELECT i.slug, i.name, pr.slug FROM initiative i JOIN program pr ON pr.id = i.program_id"
	" JOIN users u ON u.email = ?1"
	" WHERE " READS_INITIATIVE " ORDER BY i.slug",
	/* changes to initiative ?1's records since ?2, by kind and action */
	[ST_AUDIT_COUNTS] =
	"SELECT kind, action, count(*) FROM audit_log WHERE initiative = ?1 AND at > ?2"
	" GROUP BY kind, action ORDER BY kind, action",
	/*
	 * Proposals' mail (mail/proposals.c): who of an asked organization may
	 * read the proposal's initiative (an admin, an evaluator of its
	 * program, a member or viewer of it), by the organization their
	 * account names; an account disabled gets nothing.
	 */
	[ST_PROPOSAL_RECIPIENTS] =
	"SELECT DISTINCT u.email FROM proposal x JOIN initiative i ON i.id = x.initiative_id"
	" JOIN proposal_asked a ON a.proposal_id = x.id"
	" JOIN organization o ON o.id = a.org_id"
	" JOIN users u ON u.organization = o.slug"
	" WHERE x.id = ?1 AND u.disabled IS NULL AND " READS_INITIATIVE
	" ORDER BY u.email",
	[ST_PROPOSALS_CLOSING] =
	"SELECT i.slug, i.name, x.ident, x.title, x.closes, x.id, pr.slug FROM proposal x"
	" JOIN initiative i ON i.id = x.initiative_id JOIN program pr ON pr.id = i.program_id"
	" WHERE x.decided IS NULL AND x.closes BETWEEN ?1 AND ?2 AND NOT EXISTS"
	" (SELECT 1 FROM mail_outbox m WHERE m.kind = 'proposal-closing'"
	" AND m.topic = i.slug || '/' || x.ident) ORDER BY x.id",
	[ST_PROPOSALS_AWAITING] =
	"SELECT i.slug, x.ident, x.title, x.closes, pr.slug FROM users u"
	" JOIN organization o ON o.slug = u.organization"
	" JOIN proposal_asked a ON a.org_id = o.id"
	" JOIN proposal x ON x.id = a.proposal_id"
	" JOIN initiative i ON i.id = x.initiative_id JOIN program pr ON pr.id = i.program_id"
	" WHERE u.email = ?1 AND x.decided IS NULL AND " READS_INITIATIVE
	" AND NOT EXISTS (SELECT 1 FROM proposal_answer pa WHERE pa.proposal_id = x.id"
	" AND pa.org_id = o.id) ORDER BY x.closes, x.id",
	[ST_OPTOUT_INS] =
	"INSERT INTO mail_optout (address, since) VALUES (?3, ?2) ON CONFLICT DO NOTHING",
	[ST_OPTOUT_GET] =
	"SELECT count(*) FROM mail_optout WHERE address = ?1",
	[ST_ACTIONS_DUE_ANY] =
	"SELECT count(*) FROM action_item a JOIN initiative i ON i.id = a.initiative_id"
	" WHERE i.slug = ?1 AND a.status = 'open' AND a.due <= ?2",
	[ST_PERSON_BY_EMAIL] =
	"SELECT p.slug, coalesce(o.slug, '') FROM person p JOIN program pr ON pr.id = p.program_id"
	" LEFT JOIN organization o ON o.id = p.org_id"
	" WHERE pr.slug = ?1 AND lower(p.email) = lower(?2) ORDER BY p.id",
	[ST_OBSERVATION_SEL_ONE] = OBSERVATION_SELECT OBSERVATION_JOINS OF_ONE,
	[ST_MEMBER_SEL_ONE] = MEMBER_SELECT MEMBER_JOINS OF_ONE,
	[ST_RESPONSIBILITY_SEL_ONE] = RESPONSIBILITY_SELECT RESPONSIBILITY_JOINS OF_ONE,
	[ST_DECISION_SEL_ONE] = DECISION_SEL_IDS OF_ONE,
	[ST_GRANT_SEL_ONE] = GRANT_SELECT GRANT_JOINS OF_ONE,
	[ST_LEDGER_SEL_ONE] = LEDGER_SEL_IDS OF_ONE,
	[ST_APPLICATION_SEL_ONE] = APPLICATION_SEL_IDS OF_ONE,
	[ST_CREDIT_SEL_ONE] = CREDIT_SELECT CREDIT_JOINS OF_ONE,
	[ST_CONTRIBUTION_SEL_ONE] = CONTRIBUTION_SEL_IDS OF_ONE,
	[ST_CHECKIN_SEL_ONE] = CHECKIN_SELECT CHECKIN_JOINS OF_ONE,
	[ST_EVENT_SEL_ONE] = EVENT_SELECT EVENT_JOINS OF_ONE,
	[ST_SURVEY_SEL_ONE] = SURVEY_SELECT SURVEY_JOINS OF_ONE,
	[ST_TIE_SEL_ONE] = TIE_SEL_IDS OF_ONE,
	[ST_PROPOSAL_SEL_ONE] = PROPOSAL_SELECT PROPOSAL_JOINS OF_ONE,
	[ST_PANSWER_SEL_ONE] =
	"SELECT t.id, t.proposal_id, t.org_id, t.answer, t.reason, t.date, t.recorded_by"
	" FROM proposal x JOIN proposal_answer t ON t.proposal_id = x.id"
	" WHERE x.initiative_id = ?1 ORDER BY t.id",
	[ST_ARESPONSE_SEL_ONE] = ARESPONSE_SELECT ARESPONSE_JOINS OF_ONE,
	[ST_ACTION_SEL_ONE] = ACTION_SELECT ACTION_JOINS OF_ONE,
	[ST_INITIATIVE_SEL_ONE] = INITIATIVE_SELECT " WHERE t.id = ?1",
	[ST_LINE_SEL_ONE] =
	"SELECT t.id, t.grant_id, t.name, t.amount FROM grant g"
	" JOIN budget_line t ON t.grant_id = g.id WHERE g.initiative_id = ?1 ORDER BY t.id",
	[ST_RESPONSE_SEL_ONE] =
	"SELECT t.id, t.survey_id, t.respondent_group FROM survey s"
	" JOIN response t ON t.survey_id = s.id WHERE s.initiative_id = ?1 ORDER BY t.id",
	/*
	 * The organizations and people one initiative names, anywhere in its
	 * records (and the organizations of those people): a per-initiative
	 * load reads these instead of the program's thousands.
	 */
	[ST_ORG_SEL_ONE] =
	ORG_SELECT " WHERE id IN (" INI_ORGS ") ORDER BY id",
	[ST_ORG_SEL_ID] = ORG_SELECT " WHERE id = ?1",
	[ST_PERSON_SEL_ONE] =
	PERSON_SELECT " WHERE t.id IN (" INI_PEOPLE ") ORDER BY t.id",
	[ST_INITIATIVE_SLUGS] =
	"SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id"
	" WHERE p.slug = ?1 ORDER BY i.id",
	[ST_INITIATIVE_FIND] =
	"SELECT p.id, i.id FROM initiative i JOIN program p ON p.id = i.program_id"
	" WHERE p.slug = ?1 AND i.slug = ?2",
	[ST_ORG_BY_SLUG] = ORG_SELECT " WHERE program_id = ?1 AND slug = ?2",
	[ST_PERSON_BY_SLUG] = PERSON_SELECT " WHERE t.program_id = ?1 AND t.slug = ?2",
	[ST_DATA_VERSION] = "SELECT n FROM data_version",
	[ST_DATA_VERSION_BUMP] =
	"UPDATE data_version SET n = n + 1, catalog = CASE WHEN ?1 THEN n + 1 ELSE catalog END"
	" RETURNING n",
	[ST_INITIATIVE_VERSION_SET] =
	"INSERT INTO initiative_version (initiative_id, v) VALUES (?1, ?2)"
	" ON CONFLICT (initiative_id) DO UPDATE SET v = excluded.v",
	[ST_VERSIONS] =
	"SELECT d.n, d.catalog, coalesce((SELECT v FROM initiative_version"
	" WHERE initiative_id = (SELECT id FROM initiative WHERE slug = ?1)), 0)"
	" FROM data_version d",
	[ST_SURVEY_INITIATIVE] = "SELECT initiative_id FROM survey WHERE id = ?1",
	[ST_INSTRUMENT_SURVEYS] =
	"SELECT i.slug, i.name, s.ident, s.opened,"
	" (SELECT count(*) FROM response r WHERE r.survey_id = s.id)"
	" FROM survey s JOIN initiative i ON i.id = s.initiative_id"
	" JOIN program p ON p.id = i.program_id"
	" WHERE p.slug = ?1 AND s.instrument = ?2 ORDER BY i.id, s.id",
	[ST_INSTRUMENT_ANSWERED] =
	"SELECT DISTINCT a.item FROM survey s JOIN initiative i ON i.id = s.initiative_id"
	" JOIN program p ON p.id = i.program_id JOIN response r ON r.survey_id = s.id"
	" JOIN answer a ON a.response_id = r.id"
	" WHERE p.slug = ?1 AND s.instrument = ?2 ORDER BY a.item",
	[ST_ASSIGNMENT_SEL_ONE] =
	LINK_SEL_ONE("assignment", "responsibility_id", "l.org_id, l.letter", "responsibility", "name"),
	[ST_CONSULTED_SEL_ONE] =
	LINK_SEL_ONE("decision_consulted", "decision_id", "l.org_id", "decision", "ident"),
	[ST_INFORMED_SEL_ONE] =
	LINK_SEL_ONE("decision_informed", "decision_id", "l.org_id", "decision", "ident"),
	[ST_CO_APPLICANT_SEL_ONE] =
	LINK_SEL_ONE("application_co_applicant", "application_id", "l.org_id", "application", "ident"),
	[ST_CREDITED_SEL_ONE] =
	LINK_SEL_ONE("credit_credited", "credit_id", "l.org_id", "credit", "ident"),
	[ST_ATTENDEE_SEL_ONE] =
	LINK_SEL_ONE("checkin_attendee", "checkin_id", "l.person_id", "checkin", "ident"),
	[ST_EXPECTED_SEL_ONE] =
	LINK_SEL_ONE("event_expected", "event_id", "l.org_id", "event", "ident"),
	[ST_ATTENDED_SEL_ONE] =
	LINK_SEL_ONE("event_attended", "event_id", "l.org_id", "event", "ident"),
	[ST_ASKED_SEL_ONE] =
	LINK_SEL_ONE("proposal_asked", "proposal_id", "l.org_id", "proposal", "ident"),
	/* migration 9 (issue 13) */
	[ST_CHECKIN_ORG_INS] = ORG_LINK_INS("checkin_org", "checkin_id"),
	[ST_CHECKIN_ORG_SEL] = LINK_SEL("checkin_org", "checkin_id", "org_id"),
	[ST_CHECKIN_ORG_DEL] = OWNER_DEL("checkin_org", "checkin_id"),
	[ST_CHECKIN_ORG_SEL_ONE] =
	LINK_SEL_ONE("checkin_org", "checkin_id", "l.org_id", "checkin", "ident"),
	[ST_FOLLOWUP_INS] =
	"INSERT INTO checkin_followup (checkin_id, text, owner_id, due, done) VALUES (?, ?, ?, ?, ?)",
	[ST_FOLLOWUP_SEL] =
	FOLLOWUP_SELECT " CROSS JOIN checkin c ON c.id = t.checkin_id"
	" CROSS JOIN initiative i ON i.id = c.initiative_id"
	" JOIN person p ON p.id = t.owner_id" OF_PROGRAM,
	[ST_FOLLOWUP_UPD] = UPD("checkin_followup", "text, owner_id, due, done", "?, ?, ?, ?"),
	[ST_FOLLOWUP_DEL] = ROW_DEL("checkin_followup"),
	[ST_FOLLOWUP_DEL_OF] = OWNER_DEL("checkin_followup", "checkin_id"),
	[ST_FOLLOWUP_SEL_ONE] =
	FOLLOWUP_SELECT " JOIN checkin c ON c.id = t.checkin_id JOIN person p ON p.id = t.owner_id"
	" WHERE c.initiative_id = ?1 ORDER BY t.id",
	[ST_EVIDENCE_INS] =
	"INSERT INTO learning_evidence (note_id, kind, initiative_id, ident, as_of)"
	" VALUES (?, ?, ?, ?, ?)",
	[ST_EVIDENCE_SEL] =
	"SELECT t.id, t.note_id, t.kind, e.slug, t.ident, t.as_of FROM learning_evidence t"
	" CROSS JOIN learning_note n ON n.id = t.note_id"
	" CROSS JOIN learning i ON i.id = n.learning_id"
	" JOIN initiative e ON e.id = t.initiative_id" OF_PROGRAM,
	[ST_EVIDENCE_UPD] = UPD("learning_evidence", "kind, initiative_id, ident, as_of", "?, ?, ?, ?"),
	[ST_EVIDENCE_DEL] = ROW_DEL("learning_evidence"),
	[ST_EVIDENCE_DEL_OF] = OWNER_DEL("learning_evidence", "note_id"),
	[ST_ASSIST_INS] =
	"INSERT INTO assistance (initiative_id, ident, date, provider_id, topic, hours)"
	" VALUES (?, ?, ?, ?, ?, ?)",
	[ST_ASSIST_SEL] = ASSIST_SELECT IN_INITIATIVE ASSIST_JOINS OF_PROGRAM,
	[ST_ASSIST_UPD] =
	UPD("assistance", "ident, date, provider_id, topic, hours", "?, ?, ?, ?, ?"),
	[ST_ASSIST_DEL] = ROW_DEL("assistance"),
	[ST_ASSIST_SEL_ONE] = ASSIST_SELECT ASSIST_JOINS OF_ONE,
	[ST_ASSIST_ANSWER_INS] =
	"INSERT INTO assistance_answer (assistance_id, position, answer) VALUES (?, ?, ?)",
	[ST_ASSIST_ANSWER_SEL] = LINK_SEL("assistance_answer", "assistance_id", "answer"),
	[ST_ASSIST_ANSWER_DEL] = OWNER_DEL("assistance_answer", "assistance_id"),
	[ST_ASSIST_ANSWER_SEL_ONE] =
	LINK_SEL_ONE("assistance_answer", "assistance_id", "l.answer", "assistance", "ident"),
	[ST_DECISION_EVIDENCED] =
	"SELECT count(*), min(q.question) FROM decision d JOIN learning_evidence e"
	" ON e.initiative_id = d.initiative_id AND e.ident = d.ident AND e.kind = 'decision'"
	" JOIN learning_note n ON n.id = e.note_id JOIN learning q ON q.id = n.learning_id"
	" WHERE d.id = ?1",
	[ST_EVIDENCE_DANGLING] =
	"SELECT e.kind, i.slug, e.ident FROM learning_evidence e"
	" JOIN initiative i ON i.id = e.initiative_id JOIN program p ON p.id = i.program_id"
	" WHERE p.slug = ?1 AND ((e.kind = 'decision' AND NOT EXISTS (SELECT 1 FROM decision d"
	" WHERE d.initiative_id = e.initiative_id AND d.ident = e.ident)) OR (e.kind = 'checkin'"
	" AND NOT EXISTS (SELECT 1 FROM checkin c WHERE c.initiative_id = e.initiative_id"
	" AND c.ident = e.ident))) ORDER BY e.id LIMIT 1",
	[ST_CHECKIN_EVIDENCED] =
	"SELECT count(*), min(q.question) FROM checkin c JOIN learning_evidence e"
	" ON e.initiative_id = c.initiative_id AND e.ident = c.ident AND e.kind = 'checkin'"
	" JOIN learning_note n ON n.id = e.note_id JOIN learning q ON q.id = n.learning_id"
	" WHERE c.id = ?1",
	[ST_APPROVAL_RECIPIENTS] =
	"SELECT DISTINCT u.email FROM users u JOIN initiative i ON i.id = ?1"
	" WHERE u.organization = ?2 AND u.disabled IS NULL"
	" AND " ACTS_IN_INITIATIVE
	" ORDER BY u.email",
	[ST_AUDIT_CREATOR] =
	"SELECT actor FROM audit_log WHERE initiative = ?1 AND kind = ?2 AND record = ?3"
	" AND action = 'create' ORDER BY id DESC LIMIT 1",
	[ST_APPROVAL_INS] =
	"INSERT INTO ledger_approval (entry_id, org_id, acted_by, on_behalf, date, verdict, reason)"
	" VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_APPROVAL_SEL] =
	APPROVAL_SELECT " FROM ledger_approval t"
	" CROSS JOIN ledger_entry x ON x.id = t.entry_id"
	" CROSS JOIN initiative i ON i.id = x.initiative_id"
	" JOIN organization o ON o.id = t.org_id" OF_PROGRAM,
	[ST_APPROVAL_UPD] =
	UPD("ledger_approval", "org_id, acted_by, on_behalf, date, verdict, reason",
	    "?, ?, ?, ?, ?, ?"),
	[ST_APPROVAL_DEL] = ROW_DEL("ledger_approval"),
	[ST_APPROVAL_SEL_ONE] =
	"SELECT t.id, t.entry_id, t.org_id, t.acted_by, t.on_behalf, t.date, t.verdict, t.reason"
	" FROM ledger_entry x JOIN ledger_approval t ON t.entry_id = x.id"
	" WHERE x.initiative_id = ?1 ORDER BY t.id",
	[ST_ANSWER_SEL_ONE] =
	"SELECT l.response_id, l.item, l.value FROM survey s JOIN response o ON o.survey_id = s.id"
	" JOIN answer l ON l.response_id = o.id WHERE s.initiative_id = ?1"
	" ORDER BY l.response_id, l.position",
	[ST_DECISION_SEL_WIN] = DECISION_SEL_IDS OF_ONE IN_WINDOW("decided"),
	[ST_APPLICATION_SEL_WIN] = APPLICATION_SEL_IDS OF_ONE IN_WINDOW("date"),
	[ST_CREDIT_SEL_WIN] = CREDIT_SELECT CREDIT_JOINS OF_ONE IN_WINDOW("date"),
	[ST_EVENT_SEL_WIN] = EVENT_SELECT EVENT_JOINS OF_ONE IN_WINDOW("date"),
	[ST_CONSULTED_SEL_WIN] =
	LINK_SEL_WIN("decision_consulted", "decision_id", "l.org_id", "decision", "ident", "decided"),
	[ST_INFORMED_SEL_WIN] =
	LINK_SEL_WIN("decision_informed", "decision_id", "l.org_id", "decision", "ident", "decided"),
	[ST_CO_APPLICANT_SEL_WIN] =
	LINK_SEL_WIN("application_co_applicant", "application_id", "l.org_id", "application",
	    "ident", "date"),
	[ST_CREDITED_SEL_WIN] =
	LINK_SEL_WIN("credit_credited", "credit_id", "l.org_id", "credit", "ident", "date"),
	[ST_EXPECTED_SEL_WIN] =
	LINK_SEL_WIN("event_expected", "event_id", "l.org_id", "event", "ident", "date"),
	[ST_ATTENDED_SEL_WIN] =
	LINK_SEL_WIN("event_attended", "event_id", "l.org_id", "event", "ident", "date"),
	[ST_TIE_SEL_WIN] = TIE_SEL_IDS OF_ONE IN_WINDOW("date"),
	/* check-ins from the first day of the window's first month (program.c, win_from) */
	[ST_CHECKIN_SEL_WIN] = CHECKIN_SELECT CHECKIN_JOINS OF_ONE IN_WINDOW("date"),
	[ST_ATTENDEE_SEL_WIN] =
	LINK_SEL_WIN("checkin_attendee", "checkin_id", "l.person_id", "checkin", "ident", "date"),
	[ST_CHECKIN_ORG_SEL_WIN] =
	LINK_SEL_WIN("checkin_org", "checkin_id", "l.org_id", "checkin", "ident", "date"),
	/*
	 * the ledger in the window; before it, only what grants.* sum (the
	 * approved entries: ledger_counts), by grant and budget line: the
	 * rows, not their sums by GROUP BY, whose sort of every row cost more
	 * than the adding
	 */
	[ST_LEDGER_SEL_WIN] = LEDGER_SEL_IDS OF_ONE IN_WINDOW("date"),
	[ST_LEDGER_CARRY] =
	"SELECT grant_id, line, amount FROM ledger_entry"
	" WHERE initiative_id = ?1 AND date < ?2 AND status = 'approved'",
};
