#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures.h"
#include "../metrics/survey.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/*
 * Each label says what its figure measures, in the words of
 * docs/metrics.md (a share reads as a percentage beside it).
 */
const char *const figure_labels[FIG__MAX] = {
	[FIG_TEAM_SIZE] = N_("Organizations on the team"),
	[FIG_TEAM_SECTORS] = N_("Sectors on the team"),
	[FIG_DEC_BACKBONE_ALONE] = N_("Decisions made by the backbone alone"),
	[FIG_DEC_HHI] = N_("Concentration of decisions (0 even, 1 one organization)"),
	[FIG_DEC_BREADTH] = N_("Share of the team consulted or deciding, on average"),
	[FIG_DEC_MEDIAN_DAYS] = N_("Median days from proposal to decision"),
	[FIG_DEC_RUSHED] = N_("Decisions rushed with few consulted"),
	[FIG_DEC_LOOP] = N_("Personnel and money decisions with the whole team in the loop"),
	[FIG_DEC_CONTRARY] = N_("Key decisions where contrary views were recorded"),
	[FIG_DEC_SHARED] = N_("Decisions made jointly (committee, team or co-lead)"),
	[FIG_FUNDS_SPENT] = N_("Money spent"),
	[FIG_FUNDS_PARTNER_SHARE] = N_("Share of the money spent that partners received"),
	[FIG_FUNDS_PARTNERS_PAID] = N_("Partners who received money"),
	[FIG_FUNDS_HHI] = N_("Concentration of money received (0 even, 1 one organization)"),
	[FIG_FUNDS_BACKBONE_OWN] = N_("Money spent on the backbone's own programs or overhead"),
	[FIG_GRANTS_OVERSPENT] = N_("Grants overspent"),
	[FIG_GRANTS_UNSPENT_CLOSED] = N_("Closed grants left unspent"),
	[FIG_GRANTS_LINES_OVER] = N_("Budget lines overspent"),
	[FIG_GRANTS_NONCATALYTIC] = N_("Funding that outlasts the program's grant"),
	[FIG_APPS_JOINT] = N_("Grant applications made jointly"),
	[FIG_APPS_PARTNER_LED] = N_("Grant applications led by a partner"),
	[FIG_CREDIT_PARTNER_SHARE] = N_("Public credit going to partners"),
	[FIG_CREDIT_BREADTH] = N_("Partners credited publicly"),
	[FIG_VALUEADD_HOURS] = N_("Hours of help the backbone gave partners"),
	[FIG_VALUEADD_REACH] = N_("Partners the backbone helped"),
	[FIG_CHECKINS_COVERAGE] = N_("Months with a funder check-in"),
	[FIG_ENGAGEMENT_RATE] = N_("Attendance at learning and evaluation events"),
	[FIG_RACI_COMPLETE] = N_("Responsibilities with exactly one accountable organization"),
	[FIG_RACI_BACKBONE_ACC] = N_("Responsibilities where the backbone is accountable"),
	[FIG_DIRECTOR_SHARED] = N_("Director overseen by more than the employer"),
	[FIG_RESULT_PROGRESS] = N_("Progress toward the shared result"),
	[FIG_RESULT_ON_TRACK] = N_("Shared result on track"),
	[FIG_SURVEY_DIRECTOR_SUPPORT] = N_("Director support (survey mean, 1 to 5)"),
	[FIG_NET_DENSITY] = N_("Pairs of organizations working together (density)"),
	[FIG_NET_CENTRALIZATION] = N_("Ties concentrated on one organization (0 spread, 1 a star)"),
	[FIG_NET_BACKBONE_DEGREE] = N_("The backbone's share of all organizations' ties"),
	[FIG_NET_BACKBONE_BETWEENNESS] =
	    N_("Shortest paths between other organizations that pass through the backbone "
	    "(0 none, 1 all)"),
	[FIG_NET_TRUST] = N_("Trust between organizations (1 to 4)"),
	[FIG_NET_VALUE] = N_("Value organizations see in each other (1 to 4)"),
	[FIG_NET_RESILIENCE] =
	    N_("Largest group still connected without the backbone, share of the other organizations"),
};

/* each group's name marked once (N_): the same msgid */
const char *const figure_groups[FIG__MAX] = {
	N_("Team"), "Team",
	N_("Decisions"), "Decisions", "Decisions", "Decisions", "Decisions", "Decisions",
	"Decisions", "Decisions",
	N_("Money"), "Money", "Money", "Money", "Money", "Money", "Money", "Money", "Money",
	"Money", "Money",
	N_("Credit and help"), "Credit and help", "Credit and help", "Credit and help",
	N_("Oversight"), "Oversight", "Oversight", "Oversight", "Oversight", "Oversight",
	"Oversight", "Oversight",
	N_("Network"), "Network", "Network", "Network", "Network", "Network", "Network",
};

static const char *
null_note(enum metrics_fig f)
{
	switch (figure_groups[f][0]) {
	case 'D':
		return f == FIG_DEC_LOOP ? N_("no personnel or money decisions in this period") :
		    f == FIG_DEC_CONTRARY ? N_("no strategy, money or personnel decisions in this period") :
		    f == FIG_DEC_HHI ? N_("no decisions, or a team of one") :
		    N_("no decisions recorded in this period");
	case 'M':
		return f >= FIG_GRANTS_OVERSPENT && f <= FIG_GRANTS_NONCATALYTIC ?
		    N_("no grants started by this date") :
		    f >= FIG_APPS_JOINT ? N_("no grant applications in this period") :
		    f == FIG_FUNDS_PARTNERS_PAID ? N_("no partners on the team") :
		    N_("no spending recorded in this period");
	case 'C':
		return f == FIG_VALUEADD_HOURS ? N_("no help recorded in this period") :
		    f == FIG_CREDIT_PARTNER_SHARE ? N_("no public credit recorded in this period") :
		    N_("no partners on the team");
	case 'O':
		switch (f) {
		case FIG_CHECKINS_COVERAGE: return N_("the initiative was not running in this period");
		case FIG_ENGAGEMENT_RATE: return N_("no events with expected organizations in this period");
		case FIG_RACI_COMPLETE:
		case FIG_RACI_BACKBONE_ACC: return N_("no responsibilities assigned");
		case FIG_DIRECTOR_SHARED: return N_("no initiative director recorded");
		case FIG_SURVEY_DIRECTOR_SUPPORT: return N_("fewer than 3 survey responses");
		default: return N_("no observations of the shared result yet");
		}
	case 'N':
		switch (f) {
		case FIG_NET_CENTRALIZATION:
		case FIG_NET_BACKBONE_BETWEENNESS:
			return N_("no network survey in this period, or a team of fewer than 3");
		case FIG_NET_BACKBONE_DEGREE:
			return N_("no ties in this period's network survey, or the backbone is not on the team");
		case FIG_NET_TRUST:
			return N_("no trust ratings in this period");
		case FIG_NET_VALUE:
			return N_("no value ratings in this period");
		case FIG_NET_RESILIENCE:
			return N_("no network survey in this period, or the backbone is not on the team");
		default:
			return N_("no network survey in this period");
		}
	default:
		return N_("no organizations on the team in this period");
	}
}

const char *
figure_null_note(enum metrics_fig f)
{
	return _(null_note(f));
}

static int
is_share(enum metrics_fig f)
{
	switch (f) {
	case FIG_TEAM_SIZE: case FIG_TEAM_SECTORS: case FIG_DEC_HHI: case FIG_DEC_MEDIAN_DAYS:
	case FIG_FUNDS_SPENT: case FIG_FUNDS_HHI: case FIG_GRANTS_OVERSPENT:
	case FIG_GRANTS_UNSPENT_CLOSED: case FIG_GRANTS_LINES_OVER: case FIG_VALUEADD_HOURS:
	case FIG_DIRECTOR_SHARED: case FIG_RESULT_ON_TRACK: case FIG_SURVEY_DIRECTOR_SUPPORT:
	case FIG_NET_CENTRALIZATION: case FIG_NET_BACKBONE_BETWEENNESS:
	case FIG_NET_TRUST: case FIG_NET_VALUE:
		return 0;
	default:
		return 1;
	}
}

void
figure_format(const struct report *r, enum metrics_fig f, struct strbuf *out)
{
	const struct metrics_figure *g = &r->fig[f];
	char buf[NUM_BUFSZ];

	if (g->type == MV_NULL) {
		strbuf_addstr(out, "—");
		return;
	}
	if (g->type == MV_BOOL) {
		strbuf_addstr(out, g->value ? _("yes") : _("no"));
		return;
	}
	switch (f) {
	case FIG_FUNDS_SPENT:
		strbuf_addstr(out, money_display(llround(g->value * 100), buf));
		return;
	case FIG_TEAM_SIZE: case FIG_TEAM_SECTORS: case FIG_GRANTS_OVERSPENT:
	case FIG_GRANTS_UNSPENT_CLOSED: case FIG_GRANTS_LINES_OVER:
		strbuf_addf(out, "%.0f", g->value);
		return;
	case FIG_DEC_MEDIAN_DAYS: case FIG_VALUEADD_HOURS:
		strbuf_addf(out, g->value == floor(g->value) ? "%.0f" : "%.1f", g->value);
		return;
	case FIG_FUNDS_PARTNERS_PAID:
		strbuf_addf(out, "%.0f%% (%lld)", g->value * 100, (long long)r->partners_paid_count);
		return;
	case FIG_NET_TRUST: case FIG_NET_VALUE:
		/* DESIGN §4: also as a percentage of 4 */
		strbuf_addf(out, "%.2f (%.0f%%)", g->value, g->value / 4 * 100);
		return;
	default:
		if (is_share(f))
			strbuf_addf(out, "%.0f%%", g->value * 100);
		else
			strbuf_addf(out, "%.2f", g->value);
	}
}

void
figure_date(tdate d, struct strbuf *out)
{
	char buf[DATE_WORDS_BUFSZ];

	/* in the calling thread's language: "31 Dec 2016", "31 dic 2016" (docs/i18n.md) */
	strbuf_addstr(out, date_format_words_lang(d, lang_code(i18n_current()), buf));
}

static const struct {
	const char *part, *label;
} part_labels[] = {
	{ "decisions.hhi", N_("Decisions spread across the team") },
	{ "decisions.backbone_alone_share", N_("Decisions not made by the backbone alone") },
	{ "decisions.consultation_breadth", N_("Team consulted on decisions") },
	{ "decisions.loop_closure", N_("Team in the loop on personnel and money") },
	{ "decisions.contrary_share", N_("Contrary views recorded on key decisions") },
	{ "funds.hhi", N_("Money spread across the team") },
	{ "credit.partner_share", N_("Public credit going to partners") },
	{ "applications.joint_share", N_("Grant applications made jointly") },
	{ "checkins.coverage", N_("Months with a funder check-in") },
	{ "engagement.rate", N_("Attendance at learning and evaluation") },
	{ "raci.complete", N_("Responsibilities with one accountable") },
	{ "director.shared_oversight", N_("Director overseen by more than the employer") },
	{ "grants.in_order", N_("Grants neither overspent nor left unspent") },
	{ "result.on_track", N_("Shared result on track") },
};

const char *
figure_part_label(const char *part)
{
	for (size_t i = 0; i < sizeof(part_labels) / sizeof(part_labels[0]); i++)
		if (strcmp(part_labels[i].part, part) == 0)
			return _(part_labels[i].label);
	return part;
}

void
figure_survey_responses(const struct survey_results *r, struct strbuf *out)
{
	static const struct { int col; const char *from; } groups[] = {
		{ SURVEY_COL_BACKBONE, N_("%lld from the backbone") },
		{ SURVEY_COL_DIRECTOR, N_("%lld from the director") },
		{ SURVEY_COL_PARTNER, N_("%lld from partners") },
	};
	int k = 0;

	if (r->shown[SURVEY_COL_ALL]) {
		/* "responses" whatever the number, as it always read: msgid and plural alike */
		strbuf_addf(out, P_("%lld responses", "%lld responses", r->responses[SURVEY_COL_ALL]),
		    (long long)r->responses[SURVEY_COL_ALL]);
		return;
	}
	if (!metrics_survey_any_shown(r)) {
		strbuf_addf(out, _("fewer than %d responses: nothing can be shown"), SURVEY_MIN_GROUP);
		return;
	}
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (r->shown[groups[i].col]) {
			if (k++)
				strbuf_addstr(out, ", ");
			strbuf_addf(out, _(groups[i].from), (long long)r->responses[groups[i].col]);
		}
	strbuf_addstr(out, _("; everyone's mean is not shown, so that no smaller group's "
	    "answers can be worked out from it"));
}

/* The six activities of the backbone-activities instrument in short (model.c has their wording). */
static const struct {
	const char *code, *label;
} activity_labels[] = {
	{ "guide_vision", N_("Guide vision and strategy") },
	{ "support_aligned", N_("Support aligned activities") },
	{ "shared_measurement", N_("Establish shared measurement") },
	{ "public_will", N_("Build public will") },
	{ "advance_policy", N_("Advance policy") },
	{ "mobilize_funding", N_("Mobilize funding") },
};

const char *
figure_activity_label(const char *code)
{
	for (size_t i = 0; i < sizeof(activity_labels) / sizeof(activity_labels[0]); i++)
		if (strcmp(activity_labels[i].code, code) == 0)
			return _(activity_labels[i].label);
	return code;
}

const char *
figure_survey_category(const char *category)
{
	static const char *const builtin[] = {
		N_("practice"), N_("pitfall"), N_("director"), N_("backbone activity"),
	};

	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (strcmp(builtin[i], category) == 0)
			return _(builtin[i]);
	return category;
}

void
figure_survey_mean(const struct survey_agg *a, struct strbuf *out)
{
	if (a->shown)
		strbuf_addf(out, "%.1f", a->mean);
	else
		strbuf_addstr(out, "—");
}
