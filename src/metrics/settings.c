#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "metrics.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/banned.h"

/*
 * The settings by name, so that `trellis settings` can list and change
 * them without knowing the struct. One row per field of struct
 * metrics_settings.
 */
enum stype {
	ST_SHARE,	/* double 0..1 */
	ST_REAL,	/* double, min..max */
	ST_FRACTION,	/* double, 0 <= x < 1 */
	ST_COUNT,	/* int64_t, min..max */
	ST_MONEY,	/* int64_t cents, written and read as dollars, >= 0 */
	ST_MONEY_OPT,	/* the same, or INT_NONE: none, written and read as "" */
	ST_LANG		/* int64_t enum lang, written and read as its code ("es") */
};

struct setting {
	const char *name;
	const char *label;	/* what a sentence calls it: "the dominance threshold (...)" */
	enum stype type;
	size_t off;
	double dflt;		/* in the stored unit (cents for money) */
	double min, max;	/* ST_REAL, ST_COUNT */
	const char *help;
};

#define OFF(f) offsetof(struct metrics_settings, f)

static const struct setting settings[] = {
	{ "dominance.backbone_alone_share", N_("the dominance threshold (decisions by the backbone alone)"),
	  ST_SHARE, OFF(dominance_backbone_alone), 0.5, 0, 1,
	  N_("dominance alert when more than this share of decisions is made by the backbone alone") },
	{ "dominance.hhi", N_("the dominance threshold (concentration of decisions)"),
	  ST_SHARE, OFF(dominance_hhi), 0.5, 0, 1,
	  N_("dominance alert when the decisions' normalized HHI is above this") },
	{ "dominance.rushed_share", N_("the dominance threshold (rushed decisions)"),
	  ST_SHARE, OFF(dominance_rushed), 0.25, 0, 1,
	  N_("dominance alert when more than this share of decisions is rushed") },
	{ "dominance.min_decisions", N_("the fewest decisions for the dominance alert"),
	  ST_COUNT, OFF(dominance_min_decisions), 5, 0, 1e9,
	  N_("dominance alert only with at least this many decisions in the window") },
	{ "rushed.days", N_("the days under which a decision is rushed"),
	  ST_COUNT, OFF(rushed_days), 7, 0, 3650,
	  N_("a decision is rushed when decided fewer than this many days after proposed ...") },
	{ "rushed.breadth", N_("the consultation breadth under which a decision is rushed"),
	  ST_SHARE, OFF(rushed_breadth), 0.5, 0, 1,
	  N_("... and its consultation breadth is below this") },
	{ "blurred_boundaries.backbone_own_share", N_("the blurred-boundaries threshold (the backbone's own spending)"),
	  ST_SHARE, OFF(blurred_backbone_own), 0.10, 0, 1,
	  N_("blurred-boundaries alert when more than this share of spending is the backbone's own") },
	{ "blurred_boundaries.min_entries", N_("the fewest ledger entries for the blurred-boundaries alert"),
	  ST_COUNT, OFF(blurred_min_entries), 5, 0, 1e9,
	  N_("blurred-boundaries alert only with at least this many ledger entries in the window") },
	{ "out_of_the_loop.loop_closure", N_("the out-of-the-loop threshold (loop closure)"),
	  ST_SHARE, OFF(loop_closure), 0.8, 0, 1,
	  N_("out-of-the-loop alert when loop closure is below this") },
	{ "out_of_the_loop.min_decisions", N_("the fewest decisions for the out-of-the-loop alert"),
	  ST_COUNT, OFF(loop_min_decisions), 1, 0, 1e9,
	  N_("out-of-the-loop alert only with at least this many personnel or financial decisions") },
	{ "no_contrary_views.contrary_share", N_("the no-contrary-views threshold"),
	  ST_SHARE, OFF(contrary_share), 0.2, 0, 1,
	  N_("no-contrary-views alert when the share of key decisions recording contrary views is below this") },
	{ "no_contrary_views.min_decisions", N_("the fewest key decisions for the no-contrary-views alert"),
	  ST_COUNT, OFF(contrary_min_decisions), 5, 0, 1e9,
	  N_("no-contrary-views alert only with at least this many key decisions") },
	{ "shared_leadership.committee_size", N_("the committee size for shared leadership"),
	  ST_COUNT, OFF(leadership_committee), 3, 0, 1e9,
	  N_("shared leadership: a committee of at least this many organizations (or a co-lead) ...") },
	{ "shared_leadership.shared_share", N_("the shared-leadership threshold (shared decisions)"),
	  ST_SHARE, OFF(leadership_shared_share), 0.3, 0, 1,
	  N_("... and at least this share of decisions made by the committee, the team or a co-lead") },
	{ "credit_given.partner_share", N_("the credit-given threshold"),
	  ST_SHARE, OFF(credit_partner_share), 0.5, 0, 1,
	  N_("credit given: partners' share of credit at least this") },
	{ "capacity_shared.reach", N_("the capacity-shared threshold"),
	  ST_SHARE, OFF(capacity_reach), 0.5, 0, 1,
	  N_("capacity shared: share of partners helped by the backbone at least this") },
	{ "director_supported.survey_mean", N_("the director-supported survey mean"),
	  ST_REAL, OFF(director_survey_mean), 4, 1, 5,
	  N_("director supported: director-support survey mean at least this, where asked") },
	{ "joint_grant_seeking.joint_share", N_("the joint-grant-seeking threshold"),
	  ST_SHARE, OFF(joint_share), 0.5, 0, 1,
	  N_("joint grant seeking: share of applications made jointly at least this") },
	{ "partners_compensated.partners_paid", N_("the partners-compensated threshold"),
	  ST_SHARE, OFF(partners_paid), 0.5, 0, 1,
	  N_("partners compensated: share of partners paid at least this") },
	{ "grants.unspent_tolerance", N_("the unspent-grant tolerance"),
	  ST_FRACTION, OFF(unspent_tolerance), 0.05, 0, 1,
	  N_("a grant ended before as-of is unspent when its entries sum below (1 - this) x its amount") },
	{ "capacity.staff", N_("the staff of a high-capacity backbone"),
	  ST_COUNT, OFF(capacity_staff), 20, 0, 1e9,
	  N_("high capacity: at least this many staff") },
	{ "capacity.revenue", N_("the revenue of a high-capacity backbone"),
	  ST_MONEY, OFF(capacity_revenue), 300000000.0, 0, 1e15,
	  N_("high capacity: annual revenue at least this many dollars") },
	{ "capacity.traits", N_("the traits of a high-capacity backbone"),
	  ST_COUNT, OFF(capacity_traits), 4, 0, 5,
	  N_("high capacity: at least this many of the five traits") },
	{ "capacity.expertise_areas", N_("the expertise areas that meet the expertise trait"),
	  ST_COUNT, OFF(capacity_expertise_areas), 2, 1, 4,
	  N_("the expertise trait is met with at least this many areas") },
	{ "approval_threshold", N_("the approval threshold"),
	  ST_MONEY_OPT, OFF(approval_threshold), (double)INT_NONE, 0, 1e15,
	  N_("ledger entries of at least this many dollars need two organizations' approval "
	  "(docs/approvals.md); empty: none do") },
	{ "lang", N_("the pages' default language"),
	  ST_LANG, OFF(lang), LANG_EN, 0, LANG__MAX - 1,
	  N_("the pages' language for someone who chose none and whose browser asks for none we have") },
};

#define NSETTINGS (sizeof(settings) / sizeof(settings[0]))

void
metrics_settings_default(struct metrics_settings *s)
{
	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < NSETTINGS; i++) {
		char *f = (char *)s + settings[i].off;

		if (settings[i].type == ST_SHARE || settings[i].type == ST_REAL ||
		    settings[i].type == ST_FRACTION)
			*(double *)(void *)f = settings[i].dflt;
		else
			*(int64_t *)(void *)f = (int64_t)settings[i].dflt;
	}
}

int
metrics_settings_set(struct metrics_settings *s, const char *name,
    const char *value)
{
	const struct setting *st = NULL;
	char *f;
	double d;
	int64_t i64;

	if (name == NULL || value == NULL)
		return -1;
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0)
			st = &settings[i];
	if (st == NULL)
		return -1;
	f = (char *)s + st->off;
	switch (st->type) {
	case ST_SHARE:
	case ST_REAL:
		if (real_parse(value, &d) == -1 || d < st->min || d > st->max)
			return -1;
		*(double *)(void *)f = d;
		break;
	case ST_FRACTION:
		if (real_parse(value, &d) == -1 || !(d >= st->min && d < st->max))
			return -1;
		*(double *)(void *)f = d;
		break;
	case ST_COUNT:
		if (int_parse(value, &i64) == -1 || i64 < (int64_t)st->min ||
		    i64 > (int64_t)st->max)
			return -1;
		*(int64_t *)(void *)f = i64;
		break;
	case ST_MONEY_OPT:
		if (*value == '\0') {
			*(int64_t *)(void *)f = INT_NONE;
			break;
		}
		/* FALLTHROUGH */
	case ST_MONEY:
		if (money_parse(value, &i64) != 0 || i64 < 0)
			return -1;
		*(int64_t *)(void *)f = i64;
		break;
	case ST_LANG:
		/* the code exactly: "es", never "es-MX" or "ES" */
		if ((i64 = lang_parse(value)) < 0 || strcmp(value, lang_codes[i64]) != 0)
			return -1;
		*(int64_t *)(void *)f = i64;
		break;
	}
	return 0;
}

size_t
metrics_settings_count(void)
{
	return NSETTINGS;
}

const char *
metrics_settings_name(size_t i)
{
	return i < NSETTINGS ? settings[i].name : NULL;
}

const char *
metrics_settings_label(size_t i)
{
	return i < NSETTINGS ? settings[i].label : NULL;
}

long
metrics_settings_find(const char *name)
{
	for (size_t i = 0; name && i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* English (the API's "description"): a person's page or terminal shows it through _() */
const char *
metrics_settings_help(size_t i)
{
	return i < NSETTINGS ? settings[i].help : NULL;
}

char *
metrics_settings_range(size_t i, char *buf)
{
	char lo[NUM_BUFSZ], hi[NUM_BUFSZ];

	if (i >= NSETTINGS)
		return NULL;
	real_format(settings[i].min, lo);
	real_format(settings[i].max, hi);
	switch (settings[i].type) {
	case ST_SHARE:
		snprintf(buf, METRICS_RANGE_BUFSZ, "a share from 0 to 1");
		break;
	case ST_REAL:
		snprintf(buf, METRICS_RANGE_BUFSZ, "a number from %s to %s", lo, hi);
		break;
	case ST_FRACTION:
		snprintf(buf, METRICS_RANGE_BUFSZ,
		    "a number from %s up to but not including %s", lo, hi);
		break;
	case ST_COUNT:
		snprintf(buf, METRICS_RANGE_BUFSZ, "a whole number from %s to %s", lo, hi);
		break;
	case ST_MONEY:
		snprintf(buf, METRICS_RANGE_BUFSZ, "dollars, 0 or more, at most two decimals");
		break;
	case ST_MONEY_OPT:
		snprintf(buf, METRICS_RANGE_BUFSZ,
		    "dollars, 0 or more, at most two decimals, or nothing for none");
		break;
	case ST_LANG:
		snprintf(buf, METRICS_RANGE_BUFSZ, "a language: en or es");
		break;
	}
	return buf;
}

char *
metrics_settings_value(const struct metrics_settings *s, size_t i, char *buf)
{
	const char *f;

	if (i >= NSETTINGS)
		return NULL;
	f = (const char *)s + settings[i].off;
	switch (settings[i].type) {
	case ST_SHARE:
	case ST_REAL:
	case ST_FRACTION:
		return real_format(*(const double *)(const void *)f, buf);
	case ST_COUNT:
		snprintf(buf, NUM_BUFSZ, "%lld",
		    (long long)*(const int64_t *)(const void *)f);
		return buf;
	case ST_MONEY_OPT:
		if (*(const int64_t *)(const void *)f == INT_NONE) {
			buf[0] = '\0';
			return buf;
		}
		/* FALLTHROUGH */
	case ST_MONEY:
		return money_format(*(const int64_t *)(const void *)f, buf);
	case ST_LANG:
		snprintf(buf, NUM_BUFSZ, "%s", lang_code((int)*(const int64_t *)(const void *)f));
		return buf;
	}
	return NULL;
}
