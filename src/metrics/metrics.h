#ifndef TRELLIS_METRICS_H
#define TRELLIS_METRICS_H
/*
 * The balance report (DESIGN §3, §4's survey.director_support) and backbone
 * capacity (DESIGN §5): pure functions over a resolved struct program (every
 * struct ref.idx filled in by model_resolve) → figures. No SQL, no I/O.
 *
 * Memory: a struct report / struct capacity owns its own arrays and texts
 * (freed by metrics_report_release / metrics_capacity_release) but BORROWS
 * strings from the program (initiative slug, record ids, org slugs): the
 * program must outlive the report. docs/metrics.md gives every definition
 * and every reading chosen where DESIGN is ambiguous.
 */
#include <stddef.h>
#include <stdint.h>

#include "../model/model.h"
#include "survey.h"
#include "../util/date.h"
#include "../util/vec.h"

/* ---------------------------------------------------------------- settings */

/*
 * Thresholds of the alerts, strengths and capacity (program settings; the
 * defaults are DESIGN §3 and §5). Shares are 0..1; money in cents.
 */
struct metrics_settings {
	double dominance_backbone_alone;	/* alert 1 when backbone_alone_share > this */
	double dominance_hhi;			/* ... or decisions.hhi > this */
	double dominance_rushed;		/* ... or rushed_share > this */
	int64_t dominance_min_decisions;	/* ... and only with |D| >= this */
	int64_t rushed_days;			/* rushed: decided - proposed < this */
	double rushed_breadth;			/* ... and breadth < this */
	double blurred_backbone_own;		/* alert 3 when backbone_own_share > this */
	int64_t blurred_min_entries;		/* ... and only with |L| >= this */
	double loop_closure;			/* alert 4 when loop_closure < this */
	int64_t loop_min_decisions;		/* ... and only with |D_pf| >= this */
	double contrary_share;			/* alert 5 when contrary_share < this */
	int64_t contrary_min_decisions;		/* ... and only with |D_key| >= this */
	int64_t leadership_committee;		/* strength 1: committee of >= this many orgs */
	double leadership_shared_share;		/* ... and shared_share >= this */
	double credit_partner_share;		/* strength 2 */
	double capacity_reach;			/* strength 3 */
	double director_survey_mean;		/* strength 4: survey mean >= this */
	double joint_share;			/* strength 5 */
	double partners_paid;			/* strength 6 */
	double unspent_tolerance;		/* unspent_closed: spent < (1 - this) x amount */
	int64_t capacity_staff;			/* high capacity: staff >= this */
	int64_t capacity_revenue;		/* ... revenue >= this (cents) */
	int64_t capacity_traits;		/* ... traits_met >= this */
	int64_t capacity_expertise_areas;	/* expertise trait met with >= this areas */
	int64_t lang;				/* not a threshold: the pages' default language (enum lang) */
	int64_t approval_threshold;		/* ledger entries >= this (cents) need approval; INT_NONE: none */
};

/* Fills s with the defaults of DESIGN §3 and §5. */
void metrics_settings_default(struct metrics_settings *s);

/*
 * Sets the setting called name ("dominance.backbone_alone_share") from its
 * text value ("0.5"; money settings in dollars). Returns 0, or -1 when the
 * name is unknown or the value is not a number in the setting's range
 * (s is then unchanged).
 */
int metrics_settings_set(struct metrics_settings *s, const char *name,
    const char *value);

/* The number of settings; settings are numbered 0 .. count-1 in a stable order. */
size_t metrics_settings_count(void);
/* The name of setting i (static text), or NULL when i is out of range. */
const char *metrics_settings_name(size_t i);
/* What a sentence calls setting i ("the dominance threshold (...)"; static text), or NULL. */
const char *metrics_settings_label(size_t i);
/* The number of the setting called name, or -1. */
long metrics_settings_find(const char *name);
/* A one-line description of setting i (static text), or NULL. */
const char *metrics_settings_help(size_t i);
/*
 * The values setting i accepts, in words for an error message ("a number
 * from 0 up to but not including 1"), into buf (NUM_BUFSZ * 4 bytes);
 * returns buf, or NULL when i is out of range.
 */
#define METRICS_RANGE_BUFSZ (NUM_BUFSZ * 4)
char *metrics_settings_range(size_t i, char *buf);
/*
 * Writes setting i's value as text ("0.5", "20", money in dollars "3000000")
 * into buf (NUM_BUFSZ bytes from util/num.h) and returns buf; NULL when i is
 * out of range.
 */
char *metrics_settings_value(const struct metrics_settings *s, size_t i,
    char *buf);

/* ---------------------------------------------------------------- figures */

/* Every figure of the report, in the order of DESIGN §3, then §4's network.* figures. */
enum metrics_fig {
	FIG_TEAM_SIZE,
	FIG_TEAM_SECTORS,
	FIG_DEC_BACKBONE_ALONE,
	FIG_DEC_HHI,
	FIG_DEC_BREADTH,
	FIG_DEC_MEDIAN_DAYS,
	FIG_DEC_RUSHED,
	FIG_DEC_LOOP,
	FIG_DEC_CONTRARY,
	FIG_DEC_SHARED,
	FIG_FUNDS_SPENT,
	FIG_FUNDS_PARTNER_SHARE,
	FIG_FUNDS_PARTNERS_PAID,
	FIG_FUNDS_HHI,
	FIG_FUNDS_BACKBONE_OWN,
	FIG_GRANTS_OVERSPENT,
	FIG_GRANTS_UNSPENT_CLOSED,
	FIG_GRANTS_LINES_OVER,
	FIG_GRANTS_NONCATALYTIC,
	FIG_APPS_JOINT,
	FIG_APPS_PARTNER_LED,
	FIG_CREDIT_PARTNER_SHARE,
	FIG_CREDIT_BREADTH,
	FIG_VALUEADD_HOURS,
	FIG_VALUEADD_REACH,
	FIG_CHECKINS_COVERAGE,
	FIG_ENGAGEMENT_RATE,
	FIG_RACI_COMPLETE,
	FIG_RACI_BACKBONE_ACC,
	FIG_DIRECTOR_SHARED,
	FIG_RESULT_PROGRESS,
	FIG_RESULT_ON_TRACK,
	FIG_SURVEY_DIRECTOR_SUPPORT,
	/* DESIGN §4's partner network (src/metrics/network.c) */
	FIG_NET_DENSITY,
	FIG_NET_CENTRALIZATION,
	FIG_NET_BACKBONE_DEGREE,
	FIG_NET_BACKBONE_BETWEENNESS,
	FIG_NET_TRUST,
	FIG_NET_VALUE,
	FIG_NET_RESILIENCE,
	FIG__MAX
};

/* The report names of the figures ("decisions.hhi"), indexed by enum metrics_fig. */
extern const char *const metrics_fig_names[FIG__MAX];

enum metrics_vtype {
	MV_NULL,	/* nothing to count: shown "—", JSON null */
	MV_NUMBER,	/* value */
	MV_BOOL		/* value is 0 or 1 */
};

struct metrics_figure {
	int type;	/* enum metrics_vtype */
	double value;
	int64_t n;	/* the count N it was computed over */
};

/*
 * The smallest N figure f is firm from (docs/metrics.md); a figure that is
 * not null with a smaller N is provisional: shown, marked so.
 */
int64_t metrics_fig_min_n(enum metrics_fig f);
/* 1 when figure fg (figure f of a report) is provisional. */
int metrics_fig_provisional(const struct metrics_figure *fg, enum metrics_fig f);

/* A budget line of a grant of the initiative (indexes into in->grants). */
struct metrics_line_ref {
	int grant, line;
};

/* engagement.rate per organization: Σ attended / Σ expected over events. */
struct metrics_org_rate {
	int org;		/* index into p->orgs */
	int64_t attended, expected;
};

#define METRICS_MAX_PARTS 8

struct metrics_part {
	const char *name;	/* static: the figure name, or "grants.in_order" */
	double value;		/* 0..100, oriented so that higher is better */
	int64_t n;		/* the N of its figure */
	int provisional;	/* its N is under the figure's minimum (metrics_fig_min_n) */
};

/*
 * The static name of a score's part called name (a figure's, or
 * "grants.in_order"), for a part read back from text; NULL for no part.
 */
const char *metrics_part_name(const char *name);

struct metrics_score {
	int type;		/* MV_NULL when every part is null, else MV_NUMBER */
	double value;		/* 0..100: mean of the parts */
	size_t nparts;		/* the score's N: the parts it is the mean of */
	size_t firm;		/* parts that are not provisional */
	int provisional;	/* fewer than half its parts are firm */
	struct metrics_part parts[METRICS_MAX_PARTS];	/* the non-null parts */
};

enum metrics_pitfall {
	PITFALL_DOMINANCE = 1,
	PITFALL_DIRECTOR_AS_EMPLOYEE,
	PITFALL_BLURRED_BOUNDARIES,
	PITFALL_OUT_OF_THE_LOOP,
	PITFALL_NO_CONTRARY_VIEWS
};
/* Codes of pitfalls 1..5 (index 0 unused). */
extern const char *const metrics_pitfall_codes[6];

enum metrics_practice {
	PRACTICE_SHARED_LEADERSHIP = 1,
	PRACTICE_CREDIT_GIVEN,
	PRACTICE_CAPACITY_SHARED,
	PRACTICE_DIRECTOR_SUPPORTED,
	PRACTICE_JOINT_GRANT_SEEKING,
	PRACTICE_PARTNERS_COMPENSATED
};
/* Codes of practices 1..6 (index 0 unused). */
extern const char *const metrics_practice_codes[7];

/*
 * The team's answer to one alert or strength as raised for the report's
 * period (the month of its as-of date, model.h struct alert_response):
 * borrowed from the initiative.
 */
struct metrics_answer {
	const struct alert_response *response;	/* this period's, or NULL */
	VEC(const struct action *) actions;	/* this period's, in document order */
};

struct metrics_alert {
	int pitfall;			/* enum metrics_pitfall */
	const char *code;		/* static */
	VEC(const char *) evidence;	/* borrowed record ids (or the director's slug) */
	/* owned, in the language the report was computed in (docs/i18n.md) */
	char *observation;		/* "9 of the 12 decisions ..." */
	char *question;			/* "Is that how the team wants to decide?" */
	struct metrics_answer answer;
};

struct metrics_strength {
	int practice;			/* enum metrics_practice */
	const char *code;		/* static */
	char *text;			/* owned: what the team did well, in the report's language */
	VEC(const char *) evidence;	/* borrowed ids of the records that show it (or the director's slug) */
	struct metrics_answer answer;
};

/* ---------------------------------------------------------------- network */

/* An undirected tie of the partner network between nodes a < b. */
struct metrics_net_tie {
	int a, b;		/* node indexes (positions in the network's org[]) */
	int frequency;		/* the higher of the two sides' latest ratings, 2..4 */
	int rated_by;		/* 1: a rated b, 2: b rated a, 3: both */
};

/*
 * The partner network of DESIGN §4 over a window: the nodes are the team T,
 * the ratings are those dated in the window between two organizations of T
 * (the latest of each ordered pair standing), and a tie joins two nodes
 * when either side rates frequency >= 2.
 */
struct metrics_network {
	int n;				/* nodes = |T| */
	int *org;			/* node → p->orgs index (owned; n entries) */
	int backbone;			/* node of b, or -1 when b is not in T */
	int64_t ratings;		/* ratings counted (latest per ordered pair) */
	VEC(struct metrics_net_tie) ties;	/* sorted by (a, b) */
	double trust_item[3];		/* mean of reliability, mission, openness */
	int64_t trust_n[3];		/* ratings giving each of them */
	double value_item[3];		/* mean of influence, involvement, resources */
	int64_t value_n[3];
	int64_t trust_ratings, value_ratings;	/* ratings giving at least one item */
};

void metrics_network_init(struct metrics_network *net);
/* Frees what net owns; net is left empty. */
void metrics_network_release(struct metrics_network *net);

/*
 * Builds the network of initiative in over [start, end] with the nodes
 * team[0..n) (p->orgs indexes, in that order) into out (initialized or
 * released). Pure; no igraph. Returns 0, or -1 on a bad argument.
 */
int metrics_network_build(const struct program *p, const struct initiative *in,
    const int *team, int n, tdate start, tdate end, struct metrics_network *out);

/*
 * Computes the seven network.* figures of net (igraph, serialized) into
 * fig[FIG_NET_DENSITY .. FIG_NET_RESILIENCE]. Returns 0, or -1 when igraph
 * failed (the figures are then null).
 */
int metrics_network_figures(const struct metrics_network *net,
    struct metrics_figure *fig);

/*
 * The network without the backbone, node by node: group[i] (n entries) is
 * the number of organizations in node i's connected group once the
 * backbone's ties are gone (1: left alone; 0 for the backbone itself).
 * Returns the largest group of two or more (0 when everyone stands alone):
 * the numerator of network.resilience. Pure; no igraph.
 */
int metrics_network_groups(const struct metrics_network *net, int *group);

/*
 * A reproducible layout of net: xy[2i], xy[2i+1] are node i's coordinates,
 * scaled into 0..1 (Kamada–Kawai from a circle, deterministic: the same
 * network gives the same coordinates). xy holds 2·n doubles. Returns 0, or
 * -1 when igraph failed (xy then holds the circle layout).
 */
int metrics_network_layout(const struct metrics_network *net, double *xy);

/* ---------------------------------------------------------------- report */

struct report {
	const struct program *program;		/* borrowed */
	const struct initiative *initiative;	/* borrowed */
	tdate as_of, start, end;		/* the window, both ends inclusive */
	int months;
	int team;				/* n = |T| */
	struct metrics_figure fig[FIG__MAX];

	/* Extras of some figures. */
	int64_t partners_paid_count;		/* funds.partners_paid "count" */
	VEC(int) overspent;			/* grants.overspent: in->grants indexes */
	VEC(int) unspent_closed;		/* grants.unspent_closed */
	VEC(struct metrics_line_ref) lines_over;	/* grants.lines_over */
	double hours_by_type[CONTRIB__MAX];	/* valueadd.hours per type */
	int64_t count_by_type[CONTRIB__MAX];	/* contributions of C per type (0: type absent) */
	VEC(struct metrics_org_rate) engagement_by_org;	/* sorted by org index */
	double grants_in_order;			/* stepping-up part; valid when fig[FIG_GRANTS_OVERSPENT] is not null */

	struct metrics_network network;		/* the partner network of the window */
	VEC(struct survey_report) surveys;	/* per instrument answered in the window */

	struct metrics_score stepping_back, stepping_up;
	VEC(struct metrics_alert) alerts;	/* in pitfall order */
	VEC(struct metrics_strength) strengths;	/* in practice order */
	/*
	 * The team's answers: the period (the last day of as-of's month) and
	 * what became of the actions agreed in earlier periods of the window
	 * (period from the window's start to before this one), oldest period
	 * first, whatever their alert (it may no longer be raised).
	 */
	tdate period;
	VEC(const struct action *) earlier;
};

/* The enum signal of a pitfall (1..5) or a practice (1..6). */
int metrics_signal_of_pitfall(int pitfall);
int metrics_signal_of_practice(int practice);

/* Initializes r to an empty report (no allocation). */
void metrics_report_init(struct report *r);
/* Frees everything r owns; r is left empty (metrics_report_init). */
void metrics_report_release(struct report *r);

/*
 * Computes the balance report of initiative in (an element of p->initiatives)
 * for the window of `months` calendar months ending at as_of, with the
 * thresholds of s (NULL: the defaults), into out, which must be initialized
 * or released; out borrows from p. Returns 0, or -1 when months < 1 or
 * as_of is DATE_NONE (out is then empty). The alerts' and strengths' texts
 * are in the calling thread's language (util/i18n.h); the JSON report
 * carries only their codes, so it is the same in every language.
 */
int metrics_report(const struct program *p, const struct initiative *in,
    tdate as_of, int months, const struct metrics_settings *s,
    struct report *out);

/*
 * Where the shared result of in stands at as_of (DESIGN §3 result.*): the
 * latest observation dated up to as_of and how many there are; progress =
 * (latest − baseline) / (target − baseline) when target ≠ baseline; the
 * straight line from baseline to target at the latest's date (held at its
 * ends) and whether the latest is on or beyond it toward the target.
 * Returns 0, or -1 when in has no shared result or no observation up to
 * as_of (out is then zeroed but for n).
 */
struct metrics_result_progress {
	const struct observation *latest;	/* borrowed from in */
	int64_t n;			/* observations up to as_of */
	int has_progress;		/* 0 when target = baseline */
	double progress;
	double line;			/* the straight line at latest->date */
	int on_track;
};
int metrics_result_progress(const struct initiative *in, tdate as_of,
    struct metrics_result_progress *out);

/* The first day of the window of `months` months ending at as_of. */
tdate metrics_window_start(tdate as_of, int months);

/* ---------------------------------------------------------------- capacity */

enum metrics_trait {
	TRAIT_FLEXIBLE_GRANTS,
	TRAIT_EXPERTISE,
	TRAIT_IN_KIND_STAFFING,
	TRAIT_EXPERIMENT,
	TRAIT_CONVENER,
	TRAIT__MAX
};
/* trellis/1 names of the traits ("flexible_grants"), indexed by enum metrics_trait. */
extern const char *const metrics_trait_names[TRAIT__MAX];
/* The same in words for people ("Flexible grants"): pages and printed reports. */
extern const char *const metrics_trait_labels[TRAIT__MAX];

struct metrics_gap {
	int trait;			/* enum metrics_trait the org lacks */
	VEC(int) offered_by;		/* p->orgs indexes, ascending */
};

struct capacity {
	const struct program *program;	/* borrowed */
	int org;			/* index into p->orgs */
	int64_t staff;			/* INT_NONE when unknown */
	int64_t revenue;		/* cents; INT_NONE when unknown */
	int traits[TRAIT__MAX];		/* 0/1 */
	int traits_met;
	int high_capacity;
	int has_gaps;			/* 1 when computed against an initiative */
	VEC(struct metrics_gap) gaps;	/* one per trait lacking, in trait order */
};

void metrics_capacity_init(struct capacity *c);
/* Frees everything c owns; c is left empty. */
void metrics_capacity_release(struct capacity *c);

/*
 * Assesses organization org (index into p->orgs) as a backbone. With an
 * initiative in (may be NULL), also lists for each trait the org lacks the
 * organizations of in's team on as_of that offer it, from the contributions
 * they gave (dated <= as_of) and the responsibilities where they hold R or A
 * (docs/metrics.md gives the mapping). s NULL: the defaults. out must be
 * initialized or released; it borrows from p. Returns 0, or -1 when org is
 * out of range.
 */
int metrics_capacity(const struct program *p, int org,
    const struct initiative *in, tdate as_of,
    const struct metrics_settings *s, struct capacity *out);

#endif
