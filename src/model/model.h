#ifndef TRELLIS_MODEL_H
#define TRELLIS_MODEL_H
/*
 * The Trellis model (DESIGN.md §2): plain structs, one per record kind, and
 * their release functions. A struct program holds one whole program — the
 * contents of one trellis/1 document — with every record kind beneath it.
 *
 * Conventions:
 * - Every record struct starts with REC_HEAD: the store's row id (0 for a
 *   record not yet stored) and where the record was read from, for errors.
 * - Strings are owned by their record; NULL is an absent optional string.
 *   Readers turn an empty optional string into NULL.
 * - Dates are tdate, DATE_NONE when absent. Money is int64_t cents.
 *   Optional integers use INT_NONE; optional ratings use 0.
 * - References to organizations, people, instruments, grants and
 *   initiatives are struct ref: the slug (or id) as written, and its index
 *   in the owning array, filled in by model_resolve() (-1 until then).
 */
#include <stddef.h>
#include <stdint.h>

#include "../util/date.h"
#include "../util/strmap.h"
#include "../util/vec.h"

#define INT_NONE INT64_MIN

/* Where a record was read from: file name (borrowed) and 1-based line. */
struct srcloc {
	const char *file;
	unsigned line;
};

#define REC_HEAD \
	int64_t rowid;		/* store row id; 0 until stored */ \
	struct srcloc loc	/* source of the record, for errors */

struct rec_head {
	REC_HEAD;
};

/* Special values of ref.idx for a decision's decider. */
#define REF_UNRESOLVED	(-1)
#define REF_COMMITTEE	(-2)
#define REF_TEAM	(-3)

struct ref {
	char *slug;	/* as written; NULL when an optional ref is absent */
	int idx;	/* index in the owning array, or REF_* */
};

struct refs {
	struct ref *v;
	size_t n, alloc;
};

/*
 * Enumerations: each has a parallel table of its trellis/1 names
 * (kcgi's `enum … __MAX` indexing const tables).
 */
enum sector {
	SECTOR_NONPROFIT, SECTOR_PUBLIC, SECTOR_PRIVATE, SECTOR_PHILANTHROPY,
	SECTOR_EDUCATION, SECTOR_HEALTH, SECTOR_FAITH, SECTOR_RESIDENT,
	SECTOR_OTHER, SECTOR__MAX
};
enum expertise {
	EXPERTISE_COMMUNITY_ENGAGEMENT, EXPERTISE_FUNDRAISING,
	EXPERTISE_LEARNING_EVALUATION, EXPERTISE_POLICY_ADVOCACY,
	EXPERTISE__MAX
};
enum role { ROLE_BACKBONE, ROLE_COLEAD, ROLE_PARTNER, ROLE__MAX };
enum category {
	CAT_STRATEGY, CAT_FINANCIAL, CAT_PERSONNEL, CAT_PROGRAM,
	CAT_COMMUNICATIONS, CAT_EVALUATION, CAT_OTHER, CAT__MAX
};
enum ledger_kind { LEDGER_DISBURSEMENT, LEDGER_EXPENSE, LEDGER__MAX };
/*
 * A ledger entry's approval (issue 13, item 7; docs/approvals.md): approved
 * is the default (absent in trellis/1), pending while it awaits its
 * approvals, rejected once an organization rejected it.
 */
enum ledger_status { LSTATUS_APPROVED, LSTATUS_PENDING, LSTATUS_REJECTED, LSTATUS__MAX };
enum verdict { VERDICT_APPROVE, VERDICT_REJECT, VERDICT__MAX };
enum app_status { APP_DRAFT, APP_SUBMITTED, APP_AWARDED, APP_DECLINED, APP__MAX };
enum channel {
	CHANNEL_PRESS, CHANNEL_REPORT, CHANNEL_PRESENTATION, CHANNEL_AWARD,
	CHANNEL_SOCIAL, CHANNEL_OTHER, CHANNEL__MAX
};
enum contrib_type {
	CONTRIB_DATA, CONTRIB_FUNDRAISING, CONTRIB_COMMUNICATIONS,
	CONTRIB_STAFFING, CONTRIB_FACILITATION, CONTRIB_OTHER, CONTRIB__MAX
};
enum event_kind {
	EVENT_CONVENING, EVENT_TRAINING, EVENT_PEER_EXCHANGE, EVENT_EVALUATION,
	EVENT_TEAM_MEETING, EVENT__MAX
};
enum group { GROUP_BACKBONE, GROUP_DIRECTOR, GROUP_PARTNER, GROUP__MAX };
enum raci { RACI_R, RACI_A, RACI_C, RACI_I, RACI__MAX };
enum direction { DIR_UP, DIR_DOWN, DIR__MAX };
/* A proposal's answer (DESIGN §9): consent, concerns, or an objection. */
enum stance { STANCE_AGREE, STANCE_CONCERNS, STANCE_OBJECT, STANCE__MAX };
/*
 * What the team answers (responses, actions): the five pitfall alerts and
 * the six practice strengths of DESIGN §3, by their report codes.
 */
enum signal {
	SIGNAL_DOMINANCE, SIGNAL_DIRECTOR_AS_EMPLOYEE, SIGNAL_BLURRED_BOUNDARIES,
	SIGNAL_OUT_OF_THE_LOOP, SIGNAL_NO_CONTRARY_VIEWS,
	SIGNAL_SHARED_LEADERSHIP, SIGNAL_CREDIT_GIVEN, SIGNAL_CAPACITY_SHARED,
	SIGNAL_DIRECTOR_SUPPORTED, SIGNAL_JOINT_GRANT_SEEKING, SIGNAL_PARTNERS_COMPENSATED,
	SIGNAL__MAX
};
enum action_status { ACTION_OPEN, ACTION_DONE, ACTION_DROPPED, ACTION__MAX };
/* What a learning note's evidence is (issue 13, item 4). */
enum evidence_kind { EVK_ALERT, EVK_FIGURE, EVK_DECISION, EVK_CHECKIN, EVK__MAX };
/*
 * What technical assistance answers: a capacity trait the backbone lacks
 * (DESIGN §5) or a pitfall alert (DESIGN §3), by their codes.
 */
enum assist_answer {
	ANSWER_FLEXIBLE_GRANTS, ANSWER_EXPERTISE, ANSWER_IN_KIND_STAFFING,
	ANSWER_EXPERIMENT, ANSWER_CONVENER,
	ANSWER_DOMINANCE, ANSWER_DIRECTOR_AS_EMPLOYEE, ANSWER_BLURRED_BOUNDARIES,
	ANSWER_OUT_OF_THE_LOOP, ANSWER_NO_CONTRARY_VIEWS, ANSWER__MAX
};
#define ANSWER_FIRST_ALERT ANSWER_DOMINANCE

extern const char *const sector_names[SECTOR__MAX];
extern const char *const expertise_names[EXPERTISE__MAX];
extern const char *const role_names[ROLE__MAX];
extern const char *const category_names[CAT__MAX];
extern const char *const ledger_kind_names[LEDGER__MAX];
extern const char *const ledger_status_names[LSTATUS__MAX];
extern const char *const verdict_names[VERDICT__MAX];
extern const char *const app_status_names[APP__MAX];
extern const char *const channel_names[CHANNEL__MAX];
extern const char *const contrib_type_names[CONTRIB__MAX];
extern const char *const event_kind_names[EVENT__MAX];
extern const char *const group_names[GROUP__MAX];
extern const char *const raci_names[RACI__MAX];
extern const char *const direction_names[DIR__MAX];
extern const char *const stance_names[STANCE__MAX];
extern const char *const signal_names[SIGNAL__MAX];
extern const char *const action_status_names[ACTION__MAX];
extern const char *const evidence_kind_names[EVK__MAX];
extern const char *const assist_answer_names[ANSWER__MAX];

/* Returns the index of name in names[0..n), or -1. */
int enum_lookup(const char *const *names, int n, const char *name);

/* ---------------------------------------------------------------- program-level kinds */

struct organization {
	REC_HEAD;
	char *slug, *name;
	int sector;			/* enum sector */
	char *city;			/* optional */
	int64_t staff;			/* optional: INT_NONE */
	int64_t revenue;		/* cents per year; optional: INT_NONE */
	/* traits (DESIGN §5); absent traits are false */
	int flexible_grants;
	VEC(int) expertise;		/* enum expertise, each at most once */
	int in_kind_staffing;
	int experiment;
	int convener;
};

struct person {
	REC_HEAD;
	char *slug, *name;
	char *email;			/* optional */
	struct ref org;			/* optional organization */
};

struct instrument_item {
	REC_HEAD;
	char *code, *text, *category;
	char *text_es;			/* optional: the statement in Spanish (docs/i18n.md) */
};

/* The most items an instrument may have (model_validate). */
#define INSTRUMENT_ITEMS_MAX	100

struct instrument {
	REC_HEAD;
	char *code, *title;
	char *title_es;			/* optional: the title in Spanish (docs/i18n.md) */
	VEC(struct instrument_item) items;
	int builtin;			/* one of the built-in instruments: never exported or stored */
};

/*
 * What a learning note rests on: an alert or a figure of an initiative's
 * report as of a date, or one of its decisions or check-ins (by id).
 */
struct evidence {
	REC_HEAD;
	int kind;			/* enum evidence_kind */
	struct ref initiative;		/* an initiative of the program */
	char *ref;			/* the alert's code, the figure's name, the record's id */
	tdate as_of;			/* the report's date (alerts, figures); optional */
};

struct learning_note {
	REC_HEAD;
	tdate date;
	char *text;
	struct refs initiatives;	/* initiative slugs */
	VEC(struct evidence) evidence;	/* optional (trellis/1: absent when empty) */
};

struct learning {
	REC_HEAD;
	char *question;
	VEC(struct learning_note) notes;
};

/* The evidence notes of a candidate, one per trait of DESIGN §5, in metrics_trait order. */
#define CANDIDATE_TRAITS 5

/*
 * A candidate backbone for a new round (issue 13, item 6): an organization
 * of the program, assessed by its own profile (staff, revenue, traits: the
 * same as `trellis capacity`), with a note of the evidence for each trait.
 */
struct candidate {
	REC_HEAD;
	struct ref org;			/* the organization; its key */
	char *round;			/* optional: the round it is considered for */
	char *evidence[CANDIDATE_TRAITS];	/* optional each: flexible grants … convener */
	char *note;			/* optional, Markdown */
};

/* ---------------------------------------------------------------- initiative-level kinds */

struct observation {
	REC_HEAD;
	tdate date;
	double value;
};

struct member {
	REC_HEAD;
	struct ref org;
	int role;			/* enum role */
	tdate joined;
	tdate left;			/* optional: DATE_NONE = still in */
};

struct assignment {
	struct ref org;
	int letter;			/* enum raci */
};

struct responsibility {
	REC_HEAD;
	char *name;
	VEC(struct assignment) assignments;
};

struct decision {
	REC_HEAD;
	char *id, *title;
	int category;			/* enum category */
	tdate proposed, decided;
	struct ref decider;		/* idx REF_COMMITTEE / REF_TEAM for those */
	struct refs consulted, informed;
	char *contrary_views;		/* optional */
};

/*
 * carried (a grant's and a budget line's, in no format): the cents of the
 * counting ledger entries (ledger_counts) on it dated before a report's
 * window, which a report's load (store_report_load) sums in the store in
 * place of reading them; 0 in every other program. The report's grants.*
 * figures start their sums from it.
 */
struct budget_line {
	REC_HEAD;
	char *name;
	int64_t amount;			/* cents */
	int64_t carried;		/* cents */
};

struct grant {
	REC_HEAD;
	char *id, *funder;
	int64_t amount;			/* cents */
	tdate start, end;
	int catalytic;
	VEC(struct budget_line) lines;
	int64_t carried;		/* cents */
};

/*
 * One organization's approval or rejection of a ledger entry, in the order
 * given (append-only). by is the email of the account that acted;
 * on_behalf is 1 when that account acted for another organization than
 * its own (or has none).
 */
struct approval {
	REC_HEAD;
	struct ref org;
	char *by;
	int on_behalf;
	tdate date;
	int verdict;			/* enum verdict */
	char *reason;			/* required for reject */
};

struct ledger_entry {
	REC_HEAD;
	char *id;
	tdate date;
	struct ref grant;		/* idx into the initiative's grants */
	int64_t amount;			/* cents, > 0 */
	int kind;			/* enum ledger_kind */
	struct ref recipient;		/* optional: NULL slug = outside vendor */
	char *line;			/* optional budget line name of the grant */
	char *purpose;			/* optional */
	int backbone_own;
	int status;			/* enum ledger_status; optional, absent = approved */
	VEC(struct approval) approvals;	/* optional (absent when empty) */
};

/*
 * Whether ledger entry e counts in the figures (DESIGN §3: every money
 * figure, the grant burn, the budget lines' spending): approved entries
 * only, never pending or rejected ones (docs/approvals.md).
 */
int ledger_counts(const struct ledger_entry *e);
/* The index of grant g's budget line called name, or -1 (none, or name NULL). */
int grant_line(const struct grant *g, const char *name);

struct application {
	REC_HEAD;
	char *id;
	tdate date;
	char *funder;
	int64_t amount;			/* cents */
	struct ref lead;
	struct refs co_applicants;
	int status;			/* enum app_status */
};

struct credit {
	REC_HEAD;
	char *id;
	tdate date;
	int channel;			/* enum channel */
	char *title;
	struct refs credited;
};

struct contribution {
	REC_HEAD;
	char *id;
	tdate date;
	struct ref from, to;
	int type;			/* enum contrib_type */
	double hours;			/* > 0 */
};

/* A check-in's agreed next step: who does it by when, and whether it is done. */
struct followup {
	REC_HEAD;
	char *text;
	struct ref owner;		/* a person */
	tdate due;
	int done;
};

struct checkin {
	REC_HEAD;
	char *id;
	tdate date;
	struct refs attendees;		/* people */
	char *progress, *challenges;	/* Markdown, optional */
	struct refs organizations;	/* organizations present; optional (absent when empty) */
	VEC(struct followup) follow_ups;	/* optional (absent when empty) */
};

/* Technical assistance given to an initiative (issue 13, item 5). */
struct assistance {
	REC_HEAD;
	char *id;
	tdate date;
	struct ref provider;		/* an organization */
	char *topic;
	double hours;			/* > 0 */
	VEC(int) answers;		/* enum assist_answer: the gaps and alerts it answers */
};

struct event {
	REC_HEAD;
	char *id;
	tdate date;
	int kind;			/* enum event_kind */
	char *title;
	struct refs expected, attended;
};

struct answer {
	char *item;			/* item code of the survey's instrument */
	int value;			/* 1..5 */
};

struct response {
	REC_HEAD;
	int group;			/* enum group */
	VEC(struct answer) answers;
};

struct survey {
	REC_HEAD;
	char *id;
	struct ref instrument;		/* idx into the program's instruments */
	tdate opened;
	tdate closed;			/* optional: DATE_NONE while open */
	VEC(struct response) responses;
};

struct tie {
	REC_HEAD;
	tdate date;
	struct ref from, to;
	int frequency;			/* 0..4 */
	/* ratings 1..4, 0 when not given */
	int reliability, mission, openness;	/* trust */
	int influence, involvement, resources;	/* value */
};

/*
 * The team's answer to an alert or strength as raised for one period: the
 * calendar month of the report's as-of date, written as that month's last
 * day (docs/metrics.md, "The team's answer"). At most one per signal and
 * period.
 */
struct alert_response {
	REC_HEAD;
	char *id;
	int signal;			/* enum signal */
	tdate period;			/* the last day of a month */
	char *text;			/* Markdown */
};

/* An action the team agreed in answer to an alert or strength. */
struct action {
	REC_HEAD;
	char *id;
	int signal;			/* enum signal */
	tdate period;			/* as alert_response.period */
	char *title;
	struct ref owner_org;		/* exactly one of the two owners */
	struct ref owner_person;
	tdate due;
	int status;			/* enum action_status */
};

struct director {
	struct ref person, employer;
	struct refs reports_to, evaluated_by;
};

struct shared_result {
	char *statement, *indicator, *unit;
	int direction;			/* enum direction */
	tdate baseline_date;
	double baseline_value;
	tdate target_date;
	double target_value;
};

/*
 * One organization's answer to a proposal. The answers are kept in the
 * order given: the latest of an organization stands, the earlier ones are
 * its history. recorded_by is set (an account's email) when someone
 * recorded the answer on the organization's behalf.
 */
struct proposal_answer {
	REC_HEAD;
	struct ref org;
	int answer;			/* enum stance */
	char *reason;			/* optional for agree; required for concerns and object */
	tdate date;
	char *recorded_by;		/* optional */
};

/*
 * A proposal (DESIGN §9): put to the asked organizations until it closes;
 * closing it (outcome, decided) makes the decision record named by decision.
 */
struct proposal {
	REC_HEAD;
	char *id, *title;
	char *body;			/* Markdown, optional */
	int category;			/* enum category */
	tdate opened, closes;
	struct refs asked;		/* organizations */
	struct ref decider;		/* as a decision's */
	char *outcome;			/* optional: set when closed */
	tdate decided;			/* optional: DATE_NONE while open */
	char *decision;			/* optional: the id of the decision closing it made */
	VEC(struct proposal_answer) answers;
};

struct initiative {
	REC_HEAD;
	char *slug, *name, *city;
	tdate start, end;
	struct ref backbone, fiscal_agent;
	struct refs committee;
	int has_director;
	struct director director;
	int has_result;
	struct shared_result result;
	VEC(struct observation) observations;
	VEC(struct member) members;
	VEC(struct responsibility) responsibilities;
	int responsibilities_given;	/* read with a responsibilities list, even an empty one */
	VEC(struct decision) decisions;
	VEC(struct grant) grants;
	VEC(struct ledger_entry) ledger;
	VEC(struct application) applications;
	VEC(struct credit) credits;
	VEC(struct contribution) contributions;
	VEC(struct checkin) checkins;
	VEC(struct event) events;
	VEC(struct survey) surveys;
	VEC(struct tie) ties;
	VEC(struct proposal) proposals;
	VEC(struct alert_response) responses;	/* optional in trellis/1: written when any */
	VEC(struct action) actions;		/* likewise */
	VEC(struct assistance) assistance;	/* optional (absent when empty) */
};

/* One program: everything a trellis/1 document holds. */
struct program {
	REC_HEAD;
	char *slug, *name, *funder;
	tdate start, end;
	VEC(struct organization) orgs;
	VEC(struct person) people;
	VEC(struct instrument) instruments;	/* built-ins included, flagged */
	VEC(struct learning) learning;
	VEC(struct candidate) candidates;	/* optional in trellis/1: written only when any */
	VEC(struct initiative) initiatives;
	/* slug → index maps, built by model_resolve() */
	struct strmap org_index, person_index, instrument_index, initiative_index;
	/* file names that srclocs point at, owned here */
	VEC(char *) files;
	/*
	 * What of the stored program this holds (enum program_part): all of
	 * it; a slice (store_initiative_load: the catalog and one initiative,
	 * with only the organizations and people it names: good for that
	 * initiative's reports, pages and changes); or the catalog
	 * (store_catalog_load: everything but the initiatives' records). Only
	 * a whole program is exported or saved whole.
	 */
	int partial;
	/*
	 * NULL, or the arena that holds the strings the store loads into this
	 * program (program_use_arena): a program only read, never changed.
	 */
	struct arena *strings;
};
enum program_part { PROGRAM_WHOLE, PROGRAM_SLICE, PROGRAM_CATALOG };

/*
 * The standing answer of each asked organization of pr (standing[k] for
 * pr->asked.v[k]): the index in pr->answers of its latest answer, or -1.
 */
void proposal_standing(const struct proposal *pr, long *standing);

/* The tally of the standing answers: counts per enum stance, and the asked not answering. */
struct proposal_tally {
	size_t n[STANCE__MAX];
	size_t waiting;
};
void proposal_tally(const struct proposal *pr, struct proposal_tally *t);

/* Initializes p to an empty program (no allocation). */
void program_init(struct program *p);
/*
 * Has the store load p's strings into an arena of p's own, freed at once
 * by program_release: for a program that is loaded to be read and never
 * changed (an edit frees and replaces strings one by one). Every string
 * and link list p then holds is the arena's (the store's, and the
 * built-in instruments' that model_resolve adds): program_release frees
 * only its lists of records (kind_release_lists), not each string. p is
 * empty.
 */
void program_use_arena(struct program *p);
/* Frees everything p holds; p is left empty. */
void program_release(struct program *p);
/* Points r at slug (a copy), to be resolved by model_validate. */
void ref_set(struct ref *r, const char *slug);
/*
 * Makes out (not initialized) what store_initiative_load reads of
 * initiative ini of from, and nothing more (no learning, no candidates, no
 * list a later kind adds): the program's fields and instruments, a copy of
 * that initiative, and of the people and organizations it names (and
 * those people's organizations), in from's order; partial PROGRAM_SLICE,
 * references to be resolved (model_resolve). from is a catalog with that
 * initiative's records in place, or a whole program. Release with
 * program_release.
 */
void program_slice_copy(const struct program *from, size_t ini, struct program *out);
/* Returns a copy of name kept for the program's lifetime, for srclocs. */
const char *program_intern_file(struct program *p, const char *name);

/* The twelve responsibilities every new initiative starts with (DESIGN §2). */
extern const char *const default_responsibilities[];
extern const size_t default_responsibilities_count;
/*
 * Gives in the twelve default responsibilities (no letters yet) unless it
 * was given a responsibilities list (responsibilities_given: a trellis/1
 * "responsibilities" key, even [], or a responsibilities.csv in the same
 * import), which it keeps exactly, so that a database's export imports back
 * as it was. The one place a new initiative gets them: made on the web or
 * through the API (app_add), imported (program_default_responsibilities),
 * the demo.
 */
void initiative_default_responsibilities(struct initiative *in);
/* The same for every initiative of p not stored yet (row id 0): an import's new ones. */
void program_default_responsibilities(struct program *p);
/*
 * Makes a new initiative's backbone a member by itself: when in names a
 * backbone and no member of in is that organization, adds it with role
 * backbone, joined at in's start. Returns 1 when it added it, else 0
 * (a members list that names the backbone is kept exactly as given).
 */
int initiative_backbone_member(struct initiative *in);

/*
 * Adds the built-in instruments (`balance`, `director-support`,
 * `backbone-activities`) to p unless p already has an instrument with that
 * code.
 */
#define BACKBONE_ACTIVITIES_CODE "backbone-activities"
void program_add_builtin_instruments(struct program *p);
/*
 * An item's statement and an instrument's title as a person reads them in
 * language lang ("es"; docs/i18n.md): the built-in instruments' through
 * the translations of po/ (for the calling thread's language, which the
 * caller has made lang's), a program's own as written.
 */
const char *instrument_item_text(const struct instrument *ins, const struct instrument_item *it,
    const char *lang);
const char *instrument_title(const struct instrument *ins, const char *lang);

/* Returns the organization, person, initiative or instrument with that slug, or NULL. */
struct organization *program_org(const struct program *p, const char *slug);
struct person *program_person(const struct program *p, const char *slug);
struct initiative *program_initiative(const struct program *p, const char *slug);
struct instrument *program_instrument(const struct program *p, const char *code);

#endif
