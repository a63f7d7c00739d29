/*
 * The balance report (DESIGN §3): every figure of one initiative over a
 * window, the two scores, the pitfall alerts with their evidence and the
 * practice strengths. docs/metrics.md is the companion: each reading chosen
 * where DESIGN leaves room is written there.
 *
 * Everything works on resolved indexes (struct ref.idx), never on slugs, so
 * that a report over 1,000 decisions costs a few passes over arrays.
 */
#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "metrics.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

const char *const metrics_fig_names[FIG__MAX] = {
	[FIG_TEAM_SIZE] = "team.size",
	[FIG_TEAM_SECTORS] = "team.sectors",
	[FIG_DEC_BACKBONE_ALONE] = "decisions.backbone_alone_share",
	[FIG_DEC_HHI] = "decisions.hhi",
	[FIG_DEC_BREADTH] = "decisions.consultation_breadth",
	[FIG_DEC_MEDIAN_DAYS] = "decisions.median_days",
	[FIG_DEC_RUSHED] = "decisions.rushed_share",
	[FIG_DEC_LOOP] = "decisions.loop_closure",
	[FIG_DEC_CONTRARY] = "decisions.contrary_share",
	[FIG_DEC_SHARED] = "decisions.shared_share",
	[FIG_FUNDS_SPENT] = "funds.spent",
	[FIG_FUNDS_PARTNER_SHARE] = "funds.partner_share",
	[FIG_FUNDS_PARTNERS_PAID] = "funds.partners_paid",
	[FIG_FUNDS_HHI] = "funds.hhi",
	[FIG_FUNDS_BACKBONE_OWN] = "funds.backbone_own_share",
	[FIG_GRANTS_OVERSPENT] = "grants.overspent",
	[FIG_GRANTS_UNSPENT_CLOSED] = "grants.unspent_closed",
	[FIG_GRANTS_LINES_OVER] = "grants.lines_over",
	[FIG_GRANTS_NONCATALYTIC] = "grants.noncatalytic_share",
	[FIG_APPS_JOINT] = "applications.joint_share",
	[FIG_APPS_PARTNER_LED] = "applications.partner_led_share",
	[FIG_CREDIT_PARTNER_SHARE] = "credit.partner_share",
	[FIG_CREDIT_BREADTH] = "credit.breadth",
	[FIG_VALUEADD_HOURS] = "valueadd.hours",
	[FIG_VALUEADD_REACH] = "valueadd.reach",
	[FIG_CHECKINS_COVERAGE] = "checkins.coverage",
	[FIG_ENGAGEMENT_RATE] = "engagement.rate",
	[FIG_RACI_COMPLETE] = "raci.complete",
	[FIG_RACI_BACKBONE_ACC] = "raci.backbone_accountable_share",
	[FIG_DIRECTOR_SHARED] = "director.shared_oversight",
	[FIG_RESULT_PROGRESS] = "result.progress",
	[FIG_RESULT_ON_TRACK] = "result.on_track",
	[FIG_SURVEY_DIRECTOR_SUPPORT] = "survey.director_support",
	[FIG_NET_DENSITY] = "network.density",
	[FIG_NET_CENTRALIZATION] = "network.centralization",
	[FIG_NET_BACKBONE_DEGREE] = "network.backbone_degree_share",
	[FIG_NET_BACKBONE_BETWEENNESS] = "network.backbone_betweenness",
	[FIG_NET_TRUST] = "network.trust",
	[FIG_NET_VALUE] = "network.value",
	[FIG_NET_RESILIENCE] = "network.resilience",
};

const char *const metrics_pitfall_codes[6] = {
	NULL, "dominance", "director_as_employee", "blurred_boundaries",
	"out_of_the_loop", "no_contrary_views",
};

const char *const metrics_practice_codes[7] = {
	NULL, "shared_leadership", "credit_given", "capacity_shared",
	"director_supported", "joint_grant_seeking", "partners_compensated",
};

/* The one part of a score that is no figure of its own. */
static const char grants_in_order[] = "grants.in_order";

const char *
metrics_part_name(const char *name)
{
	for (int f = 0; f < FIG__MAX; f++)
		if (strcmp(metrics_fig_names[f], name) == 0)
			return metrics_fig_names[f];
	return strcmp(name, grants_in_order) == 0 ? grants_in_order : NULL;
}

/* The built-in instrument behind survey.director_support (DESIGN §4). */
#define DIRECTOR_SUPPORT_CODE "director-support"
/* Fewer responses than this and a survey mean is never shown (anonymity). */
#define SURVEY_MIN_RESPONSES 3

/*
 * Working state of one report: the team as index maps, and the counts the
 * alert and strength sentences quote.
 */
struct ctx {
	const struct program *p;
	const struct initiative *in;
	const struct metrics_settings *s;
	struct report *r;
	tdate ws, we;
	int norgs;
	int *tpos;		/* org → position in T, or -1 */
	int *team;		/* position in T → org */
	int n;			/* |T| */
	int b;			/* the backbone's org index, or -1 */
	int *stamp;		/* org → last mark, for distinct counts */
	int stampv;
	unsigned char *colead;	/* org → has a co-lead membership overlapping the window */
	int has_colead_in_t;

	/* decisions */
	int64_t nd, nalone, nrushed, nshared, npf, nloop_open, nkey, nblank;
	int top;		/* org of the largest decision weight, or -1 */
	VEC(int) dec;		/* in->decisions indexes of D, in order */
	unsigned char *rushed;	/* per D position */
	/* money */
	int64_t nl, spent_cents, own_cents, npaid, no;
	VEC(int) own;		/* ledger indexes flagged backbone_own */
	VEC(int) open_loop;	/* decision indexes of D_pf not closing the loop */
	VEC(int) blank;		/* decision indexes of D_key with blank contrary views */
	int64_t napps, njoint, nreach;
	/* the records behind the strengths (indexes into their arrays) */
	VEC(int) shared;	/* decisions of D decided by the committee, the team or a co-lead */
	VEC(int) paid;		/* ledger entries of L paid to a partner (O) */
	VEC(int) credited;	/* credits of K naming a partner */
	VEC(int) lent;		/* contributions of C */
	VEC(int) joint;		/* joint applications */
};

/* ---------------------------------------------------------------- helpers */

static int
in_window(const struct ctx *c, tdate d)
{
	return d != DATE_NONE && d >= c->ws && d <= c->we;
}

static int
in_t(const struct ctx *c, int org)
{
	return org >= 0 && org < c->norgs && c->tpos[org] >= 0;
}

static int
in_o(const struct ctx *c, int org)
{
	return in_t(c, org) && org != c->b;
}

/* Starts a new distinct-count pass over c->stamp; returns the mark. */
static int
stamp_next(struct ctx *c)
{
	return ++c->stampv;
}

/* Marks org; returns 1 when it was not marked in this pass yet. */
static int
stamp_mark(struct ctx *c, int org, int mark)
{
	if (org < 0 || org >= c->norgs || c->stamp[org] == mark)
		return 0;
	c->stamp[org] = mark;
	return 1;
}

static void
fig_num(struct report *r, int f, double v, int64_t n)
{
	r->fig[f].type = MV_NUMBER;
	r->fig[f].value = v;
	r->fig[f].n = n;
}

static void
fig_bool(struct report *r, int f, int v, int64_t n)
{
	r->fig[f].type = MV_BOOL;
	r->fig[f].value = v ? 1 : 0;
	r->fig[f].n = n;
}

static void
fig_null(struct report *r, int f, int64_t n)
{
	r->fig[f].type = MV_NULL;
	r->fig[f].value = 0;
	r->fig[f].n = n;
}

/* Sets f to num/den, or null when den is 0. */
static void
fig_share(struct report *r, int f, double num, double den, int64_t n)
{
	if (den > 0)
		fig_num(r, f, num / den, n);
	else
		fig_null(r, f, n);
}

/*
 * Normalized HHI of the amounts w[0..n) (DESIGN §3). Returns 0 with *out
 * set, or -1 (null) when n < 2 or nothing was given to anyone.
 */
static int
hhi(const double *w, int n, double *out)
{
	double total = 0, sum = 0;

	if (n < 2)
		return -1;
	for (int i = 0; i < n; i++)
		total += w[i];
	if (!(total > 0))
		return -1;
	for (int i = 0; i < n; i++)
		sum += (w[i] / total) * (w[i] / total);
	*out = (sum - 1.0 / n) / (1.0 - 1.0 / n);
	/* Rounding can leave -1e-17 for a perfectly even split. */
	if (*out < 0)
		*out = 0;
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
is_blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' &&
		    *s != '\f' && *s != '\v')
			return 0;
	return 1;
}

tdate
metrics_window_start(tdate as_of, int months)
{
	return date_add_months(as_of, -months) + 1;
}

/* ---------------------------------------------------------------- team */

static void
team_build(struct ctx *c)
{
	const struct initiative *in = c->in;
	unsigned char *sector_seen;
	int nsectors = 0;

	for (size_t i = 0; i < in->members.n; i++) {
		const struct member *m = &in->members.v[i];
		int org = m->org.idx;

		if (org < 0 || org >= c->norgs)
			continue;
		if (m->joined != DATE_NONE && m->joined > c->we)
			continue;
		if (m->left != DATE_NONE && m->left < c->ws)
			continue;
		if (m->role == ROLE_COLEAD)
			c->colead[org] = 1;
		if (c->tpos[org] >= 0)
			continue;
		c->tpos[org] = c->n;
		c->team[c->n++] = org;
	}
	for (int i = 0; i < c->n; i++)
		if (c->colead[c->team[i]])
			c->has_colead_in_t = 1;
	c->no = c->n - (in_t(c, c->b) ? 1 : 0);
	c->r->team = c->n;

	fig_num(c->r, FIG_TEAM_SIZE, c->n, c->n);
	sector_seen = xcalloc(SECTOR__MAX + 1, 1);
	for (int i = 0; i < c->n; i++) {
		int sec = c->p->orgs.v[c->team[i]].sector;

		if (sec < 0 || sec >= SECTOR__MAX)
			sec = SECTOR__MAX;
		if (!sector_seen[sec]++)
			nsectors++;
	}
	free(sector_seen);
	if (c->n > 0)
		fig_num(c->r, FIG_TEAM_SECTORS, nsectors, c->n);
	else
		fig_null(c->r, FIG_TEAM_SECTORS, 0);
}

/* ---------------------------------------------------------------- decisions */

/*
 * Calls the deciders of d that are in T: fills out[] (capacity n) and
 * returns how many. A `team` decision has all of T.
 */
static int
deciders_in_t(const struct ctx *c, const struct decision *d, int *out)
{
	int k = 0;

	if (d->decider.idx == REF_TEAM) {
		for (int i = 0; i < c->n; i++)
			out[k++] = c->team[i];
	} else if (d->decider.idx == REF_COMMITTEE) {
		for (size_t i = 0; i < c->in->committee.n; i++) {
			int org = c->in->committee.v[i].idx;
			int dup = 0;

			if (!in_t(c, org))
				continue;
			for (int j = 0; j < k; j++)
				dup |= out[j] == org;
			if (!dup)
				out[k++] = org;
		}
	} else if (in_t(c, d->decider.idx))
		out[k++] = d->decider.idx;
	return k;
}

static void
decisions(struct ctx *c)
{
	const struct initiative *in = c->in;
	struct report *r = c->r;
	double *weight = xcalloc((size_t)c->n + 1, sizeof(double));
	int *dec_t = xmalloc(((size_t)c->n + 1) * sizeof(int));
	int *days = xmalloc((in->decisions.n + 1) * sizeof(int));
	int ndays = 0;
	double breadth_sum = 0, v, topw = -1;

	c->rushed = xcalloc(in->decisions.n + 1, 1);
	for (size_t i = 0; i < in->decisions.n; i++) {
		const struct decision *d = &in->decisions.v[i];
		int k, covered, mark, cat = d->category;
		double breadth;

		if (!in_window(c, d->decided))
			continue;
		*VEC_PUSH(&c->dec) = (int)i;
		c->nd++;

		k = deciders_in_t(c, d, dec_t);
		for (int j = 0; j < k; j++)
			weight[c->tpos[dec_t[j]]] += 1.0 / k;
		if (d->decider.idx >= 0 && d->decider.idx == c->b)
			c->nalone++;
		if (d->decider.idx == REF_COMMITTEE || d->decider.idx == REF_TEAM ||
		    (d->decider.idx >= 0 && d->decider.idx < c->norgs &&
		    c->colead[d->decider.idx])) {
			c->nshared++;
			*VEC_PUSH(&c->shared) = (int)i;
		}

		/* |(consulted ∪ deciders) ∩ T|, then ∪ informed for the loop. */
		mark = stamp_next(c);
		covered = 0;
		for (int j = 0; j < k; j++)
			covered += stamp_mark(c, dec_t[j], mark);
		for (size_t j = 0; j < d->consulted.n; j++)
			if (in_t(c, d->consulted.v[j].idx))
				covered += stamp_mark(c, d->consulted.v[j].idx, mark);
		breadth = c->n > 0 ? (double)covered / c->n : 0;
		breadth_sum += breadth;

		if (d->proposed != DATE_NONE) {
			days[ndays++] = d->decided - d->proposed;
			if (d->decided - d->proposed < c->s->rushed_days &&
			    breadth < c->s->rushed_breadth) {
				c->rushed[c->dec.n - 1] = 1;
				c->nrushed++;
			}
		}

		if (cat == CAT_PERSONNEL || cat == CAT_FINANCIAL) {
			c->npf++;
			for (size_t j = 0; j < d->informed.n; j++)
				if (in_t(c, d->informed.v[j].idx))
					covered += stamp_mark(c, d->informed.v[j].idx, mark);
			if (covered < c->n) {
				c->nloop_open++;
				*VEC_PUSH(&c->open_loop) = (int)i;
			}
		}
		if (cat == CAT_STRATEGY || cat == CAT_FINANCIAL || cat == CAT_PERSONNEL) {
			c->nkey++;
			if (is_blank(d->contrary_views)) {
				c->nblank++;
				*VEC_PUSH(&c->blank) = (int)i;
			}
		}
	}

	fig_share(r, FIG_DEC_BACKBONE_ALONE, (double)c->nalone, (double)c->nd, c->nd);
	if (c->nd > 0 && hhi(weight, c->n, &v) == 0)
		fig_num(r, FIG_DEC_HHI, v, c->nd);
	else
		fig_null(r, FIG_DEC_HHI, c->nd);
	c->top = -1;
	for (int i = 0; i < c->n; i++)
		if (weight[i] > topw) {
			topw = weight[i];
			c->top = c->team[i];
		}
	if (c->n > 0)
		fig_share(r, FIG_DEC_BREADTH, breadth_sum, (double)c->nd, c->nd);
	else
		fig_null(r, FIG_DEC_BREADTH, c->nd);
	if (ndays > 0) {
		qsort(days, (size_t)ndays, sizeof(int), cmp_int);
		if (ndays % 2)
			v = days[ndays / 2];
		else
			v = (days[ndays / 2 - 1] + (double)days[ndays / 2]) / 2;
		fig_num(r, FIG_DEC_MEDIAN_DAYS, v, ndays);
	} else
		fig_null(r, FIG_DEC_MEDIAN_DAYS, 0);
	fig_share(r, FIG_DEC_RUSHED, (double)c->nrushed, (double)c->nd, c->nd);
	fig_share(r, FIG_DEC_LOOP, (double)(c->npf - c->nloop_open), (double)c->npf, c->npf);
	fig_share(r, FIG_DEC_CONTRARY, (double)(c->nkey - c->nblank), (double)c->nkey, c->nkey);
	fig_share(r, FIG_DEC_SHARED, (double)c->nshared, (double)c->nd, c->nd);
	free(weight);
	free(dec_t);
	free(days);
}

/* ---------------------------------------------------------------- money */

/*
 * The entry's recipient organization, or -1 when it has none: an outside
 * vendor paid by the fiscal agent (DESIGN §3). Such money counts in
 * funds.spent and in no organization's received amount.
 */
static int
ledger_recipient(const struct ledger_entry *e)
{
	if (e->recipient.slug == NULL)
		return -1;
	return e->recipient.idx;
}

static void
funds(struct ctx *c)
{
	const struct initiative *in = c->in;
	struct report *r = c->r;
	double *received = xcalloc((size_t)c->n + 1, sizeof(double));
	int64_t partner_cents = 0;
	int mark = stamp_next(c);
	double v;

	for (size_t i = 0; i < in->ledger.n; i++) {
		const struct ledger_entry *e = &in->ledger.v[i];
		int rec;

		if (!in_window(c, e->date) || !ledger_counts(e))
			continue;
		c->nl++;
		c->spent_cents += e->amount;
		rec = ledger_recipient(e);
		if (in_t(c, rec))
			received[c->tpos[rec]] += (double)e->amount;
		if (in_o(c, rec)) {
			partner_cents += e->amount;
			c->npaid += stamp_mark(c, rec, mark);
			*VEC_PUSH(&c->paid) = (int)i;
		}
		if (e->backbone_own) {
			c->own_cents += e->amount;
			*VEC_PUSH(&c->own) = (int)i;
		}
	}
	if (c->nl > 0)
		fig_num(r, FIG_FUNDS_SPENT, (double)c->spent_cents / 100.0, c->nl);
	else
		fig_null(r, FIG_FUNDS_SPENT, 0);
	fig_share(r, FIG_FUNDS_PARTNER_SHARE, (double)partner_cents,
	    (double)c->spent_cents, c->nl);
	r->partners_paid_count = c->npaid;
	fig_share(r, FIG_FUNDS_PARTNERS_PAID, (double)c->npaid, (double)c->no, c->no);
	if (c->nl > 0 && hhi(received, c->n, &v) == 0)
		fig_num(r, FIG_FUNDS_HHI, v, c->nl);
	else
		fig_null(r, FIG_FUNDS_HHI, c->nl);
	fig_share(r, FIG_FUNDS_BACKBONE_OWN, (double)c->own_cents,
	    (double)c->spent_cents, c->nl);
	free(received);
}

/*
 * A closed grant is unspent when its entries sum below (1 - t) x its
 * amount (DESIGN §3, t = grants.unspent_tolerance). Sums are whole cents;
 * a millionth of a cent keeps 95% of $1,000 from reading as below 95%
 * through rounding of 0.95.
 */
static int
unspent(int64_t spent, int64_t amount, double t)
{
	return (1.0 - t) * (double)amount - (double)spent > 1e-6;
}

static void
grants(struct ctx *c)
{
	const struct initiative *in = c->in;
	struct report *r = c->r;
	size_t ng = in->grants.n, nlines = 0;
	int64_t *gsum = xcalloc(ng + 1, sizeof(int64_t));
	size_t *lineoff = xcalloc(ng + 1, sizeof(size_t));
	int64_t *lsum, ngs = 0, nls = 0, all = 0, noncat = 0;

	for (size_t g = 0; g < ng; g++) {
		lineoff[g] = nlines;
		nlines += in->grants.v[g].lines.n;
	}
	lsum = xcalloc(nlines + 1, sizeof(int64_t));
	/* the entries before the window that a report's load summed in the store */
	for (size_t g = 0; g < ng; g++) {
		const struct grant *gr = &in->grants.v[g];

		gsum[g] = gr->carried;
		for (size_t l = 0; l < gr->lines.n; l++)
			lsum[lineoff[g] + l] = gr->lines.v[l].carried;
	}
	for (size_t i = 0; i < in->ledger.n; i++) {
		const struct ledger_entry *e = &in->ledger.v[i];
		int g = e->grant.idx, l;

		if (g < 0 || (size_t)g >= ng || e->date == DATE_NONE || e->date > c->we ||
		    !ledger_counts(e))
			continue;
		gsum[g] += e->amount;
		if ((l = grant_line(&in->grants.v[g], e->line)) >= 0)
			lsum[lineoff[g] + (size_t)l] += e->amount;
	}
	for (size_t g = 0; g < ng; g++) {
		const struct grant *gr = &in->grants.v[g];

		if (gr->start == DATE_NONE || gr->start > c->we)
			continue;
		ngs++;
		all += gr->amount;
		if (!gr->catalytic)
			noncat += gr->amount;
		if (gsum[g] > gr->amount)
			*VEC_PUSH(&r->overspent) = (int)g;
		else if (gr->end != DATE_NONE && gr->end < c->we &&
		    unspent(gsum[g], gr->amount, c->s->unspent_tolerance))
			*VEC_PUSH(&r->unspent_closed) = (int)g;
		for (size_t l = 0; l < gr->lines.n; l++) {
			nls++;
			if (lsum[lineoff[g] + l] > gr->lines.v[l].amount) {
				struct metrics_line_ref *lr = VEC_PUSH(&r->lines_over);

				lr->grant = (int)g;
				lr->line = (int)l;
			}
		}
	}
	if (ngs > 0) {
		fig_num(r, FIG_GRANTS_OVERSPENT, (double)r->overspent.n, ngs);
		fig_num(r, FIG_GRANTS_UNSPENT_CLOSED, (double)r->unspent_closed.n, ngs);
		r->grants_in_order = (double)(ngs - (int64_t)r->overspent.n -
		    (int64_t)r->unspent_closed.n) / (double)ngs;
	} else {
		fig_null(r, FIG_GRANTS_OVERSPENT, 0);
		fig_null(r, FIG_GRANTS_UNSPENT_CLOSED, 0);
	}
	if (nls > 0)
		fig_num(r, FIG_GRANTS_LINES_OVER, (double)r->lines_over.n, nls);
	else
		fig_null(r, FIG_GRANTS_LINES_OVER, 0);
	fig_share(r, FIG_GRANTS_NONCATALYTIC, (double)noncat, (double)all, ngs);
	free(gsum);
	free(lineoff);
	free(lsum);
}

static void
applications(struct ctx *c)
{
	const struct initiative *in = c->in;
	int64_t led = 0;

	for (size_t i = 0; i < in->applications.n; i++) {
		const struct application *a = &in->applications.v[i];
		int k = 0, mark;

		if (!in_window(c, a->date))
			continue;
		c->napps++;
		mark = stamp_next(c);
		if (in_t(c, a->lead.idx))
			k += stamp_mark(c, a->lead.idx, mark);
		for (size_t j = 0; j < a->co_applicants.n; j++)
			if (in_t(c, a->co_applicants.v[j].idx))
				k += stamp_mark(c, a->co_applicants.v[j].idx, mark);
		if (k >= 2) {
			c->njoint++;
			*VEC_PUSH(&c->joint) = (int)i;
		}
		if (in_o(c, a->lead.idx))
			led++;
	}
	fig_share(c->r, FIG_APPS_JOINT, (double)c->njoint, (double)c->napps, c->napps);
	fig_share(c->r, FIG_APPS_PARTNER_LED, (double)led, (double)c->napps, c->napps);
}

/* ---------------------------------------------------------------- credit, value-add */

static void
credit(struct ctx *c)
{
	const struct initiative *in = c->in;
	int64_t in_o_sum = 0, in_t_sum = 0, distinct = 0;
	int mark = stamp_next(c);

	for (size_t i = 0; i < in->credits.n; i++) {
		const struct credit *k = &in->credits.v[i];
		int partner = 0;

		if (!in_window(c, k->date))
			continue;
		for (size_t j = 0; j < k->credited.n; j++) {
			int org = k->credited.v[j].idx;

			if (in_t(c, org))
				in_t_sum++;
			if (in_o(c, org)) {
				in_o_sum++;
				distinct += stamp_mark(c, org, mark);
				partner = 1;
			}
		}
		if (partner)
			*VEC_PUSH(&c->credited) = (int)i;
	}
	fig_share(c->r, FIG_CREDIT_PARTNER_SHARE, (double)in_o_sum,
	    (double)in_t_sum, in_t_sum);
	fig_share(c->r, FIG_CREDIT_BREADTH, (double)distinct, (double)c->no, c->no);
}

static void
valueadd(struct ctx *c)
{
	const struct initiative *in = c->in;
	struct report *r = c->r;
	int64_t nc = 0;
	double hours = 0;
	int mark = stamp_next(c);

	for (size_t i = 0; i < in->contributions.n; i++) {
		const struct contribution *k = &in->contributions.v[i];

		if (!in_window(c, k->date) || c->b < 0 || k->from.idx != c->b ||
		    !in_o(c, k->to.idx))
			continue;
		nc++;
		hours += k->hours;
		if (k->type >= 0 && k->type < CONTRIB__MAX) {
			r->hours_by_type[k->type] += k->hours;
			r->count_by_type[k->type]++;
		}
		c->nreach += stamp_mark(c, k->to.idx, mark);
		*VEC_PUSH(&c->lent) = (int)i;
	}
	if (nc > 0)
		fig_num(r, FIG_VALUEADD_HOURS, hours, nc);
	else
		fig_null(r, FIG_VALUEADD_HOURS, 0);
	fig_share(r, FIG_VALUEADD_REACH, (double)c->nreach, (double)c->no, c->no);
}

/* ---------------------------------------------------------------- oversight */

static int
month_index(tdate t)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	return y * 12 + (m - 1);
}

static tdate
month_first(int mi)
{
	return date_from_ymd(mi / 12, mi % 12 + 1, 1);
}

static tdate
month_last(int mi)
{
	return date_from_ymd(mi / 12, mi % 12 + 1,
	    date_days_in_month(mi / 12, mi % 12 + 1));
}

static void
checkins(struct ctx *c)
{
	const struct initiative *in = c->in;
	int m0 = month_index(c->ws), m1 = month_index(c->we);
	int nm = m1 - m0 + 1, months = 0, covered = 0;
	unsigned char *has = xcalloc((size_t)nm + 1, 1);

	/* A check-in counts for its whole calendar month, up to as-of. */
	for (size_t i = 0; i < in->checkins.n; i++) {
		tdate d = in->checkins.v[i].date;
		int mi;

		if (d == DATE_NONE || d > c->we)
			continue;
		mi = month_index(d);
		if (mi >= m0 && mi <= m1)
			has[mi - m0] = 1;
	}
	for (int mi = m0; mi <= m1; mi++) {
		if (in->start != DATE_NONE && month_last(mi) < in->start)
			continue;
		if (in->end != DATE_NONE && month_first(mi) > in->end)
			continue;
		months++;
		covered += has[mi - m0];
	}
	fig_share(c->r, FIG_CHECKINS_COVERAGE, covered, months, months);
	free(has);
}

static int
cmp_org_rate(const void *a, const void *b)
{
	const struct metrics_org_rate *x = a, *y = b;

	return (x->org > y->org) - (x->org < y->org);
}

static void
engagement(struct ctx *c)
{
	const struct initiative *in = c->in;
	struct report *r = c->r;
	int64_t nev = 0, att = 0, exp = 0;
	int *slot = xmalloc(((size_t)c->norgs + 1) * sizeof(int));

	for (int i = 0; i < c->norgs; i++)
		slot[i] = -1;
	for (size_t i = 0; i < in->events.n; i++) {
		const struct event *e = &in->events.v[i];
		int mark;

		if (!in_window(c, e->date))
			continue;
		nev++;
		mark = stamp_next(c);
		for (size_t j = 0; j < e->expected.n; j++) {
			int org = e->expected.v[j].idx;

			if (org < 0 || org >= c->norgs || !stamp_mark(c, org, mark))
				continue;
			exp++;
			if (slot[org] < 0) {
				struct metrics_org_rate *o = VEC_PUSH(&r->engagement_by_org);

				o->org = org;
				slot[org] = (int)r->engagement_by_org.n - 1;
			}
			r->engagement_by_org.v[slot[org]].expected++;
		}
		/* attended ∩ expected: attended orgs carrying this event's mark. */
		for (size_t j = 0; j < e->attended.n; j++) {
			int org = e->attended.v[j].idx;

			if (org < 0 || org >= c->norgs || c->stamp[org] != mark)
				continue;
			c->stamp[org] = 0;	/* count each org once */
			att++;
			r->engagement_by_org.v[slot[org]].attended++;
		}
	}
	if (r->engagement_by_org.n > 1)
		qsort(r->engagement_by_org.v, r->engagement_by_org.n,
		    sizeof(struct metrics_org_rate), cmp_org_rate);
	fig_share(r, FIG_ENGAGEMENT_RATE, (double)att, (double)exp, nev);
	free(slot);
}

static void
raci(struct ctx *c)
{
	const struct initiative *in = c->in;
	int64_t complete = 0, with_a = 0, b_a = 0;

	for (size_t i = 0; i < in->responsibilities.n; i++) {
		const struct responsibility *res = &in->responsibilities.v[i];
		int na = 0, bhas = 0;

		for (size_t j = 0; j < res->assignments.n; j++)
			if (res->assignments.v[j].letter == RACI_A) {
				na++;
				if (c->b >= 0 && res->assignments.v[j].org.idx == c->b)
					bhas = 1;
			}
		complete += na == 1;
		if (na > 0) {
			with_a++;
			b_a += bhas;
		}
	}
	fig_share(c->r, FIG_RACI_COMPLETE, (double)complete,
	    (double)in->responsibilities.n, (int64_t)in->responsibilities.n);
	fig_share(c->r, FIG_RACI_BACKBONE_ACC, (double)b_a, (double)with_a, with_a);
}

static void
director(struct ctx *c)
{
	const struct initiative *in = c->in;
	const struct director *d = &in->director;
	int shared = 0;

	if (!in->has_director) {
		fig_null(c->r, FIG_DIRECTOR_SHARED, 0);
		return;
	}
	for (size_t i = 0; i < d->reports_to.n; i++)
		if (d->reports_to.v[i].idx != d->employer.idx)
			shared = 1;
	for (size_t i = 0; i < d->evaluated_by.n; i++)
		if (d->evaluated_by.v[i].idx != d->employer.idx)
			shared = 1;
	fig_bool(c->r, FIG_DIRECTOR_SHARED, shared, 1);
}

int
metrics_result_progress(const struct initiative *in, tdate as_of,
    struct metrics_result_progress *out)
{
	const struct shared_result *sr = &in->result;
	double span, toward;

	memset(out, 0, sizeof(*out));
	if (!in->has_result)
		return -1;
	for (size_t i = 0; i < in->observations.n; i++) {
		const struct observation *o = &in->observations.v[i];

		if (o->date == DATE_NONE || o->date > as_of)
			continue;
		out->n++;
		if (out->latest == NULL || o->date >= out->latest->date)
			out->latest = o;
	}
	if (out->latest == NULL)
		return -1;
	span = sr->target_value - sr->baseline_value;
	if (span != 0) {
		out->has_progress = 1;
		out->progress = (out->latest->value - sr->baseline_value) / span;
	}

	/* The straight line, held at its ends outside baseline..target. */
	if (out->latest->date <= sr->baseline_date)
		out->line = sr->baseline_value;
	else if (out->latest->date >= sr->target_date ||
	    sr->target_date <= sr->baseline_date)
		out->line = sr->target_value;
	else
		out->line = sr->baseline_value + span *
		    (double)(out->latest->date - sr->baseline_date) /
		    (double)(sr->target_date - sr->baseline_date);
	/* "Beyond" is toward the target; the good direction when target = baseline. */
	if (span > 0)
		toward = 1;
	else if (span < 0)
		toward = -1;
	else
		toward = sr->direction == DIR_DOWN ? -1 : 1;
	out->on_track = toward * (out->latest->value - out->line) >= 0;
	return 0;
}

static void
result(struct ctx *c)
{
	struct metrics_result_progress rp;

	if (metrics_result_progress(c->in, c->we, &rp)) {
		fig_null(c->r, FIG_RESULT_PROGRESS, 0);
		fig_null(c->r, FIG_RESULT_ON_TRACK, 0);
		return;
	}
	if (rp.has_progress)
		fig_num(c->r, FIG_RESULT_PROGRESS, rp.progress, rp.n);
	else
		fig_null(c->r, FIG_RESULT_PROGRESS, rp.n);
	fig_bool(c->r, FIG_RESULT_ON_TRACK, rp.on_track, rp.n);
}

/*
 * survey.director_support: the mean of the director-support answers of the
 * window. When the survey results hide everyone's mean so that a small
 * group (the director) cannot be worked out from the groups shown (DESIGN
 * §4), this figure is such an everyone mean too: it then counts only the
 * groups shown, and the director's answers count only where no one can
 * subtract them out.
 */
static void
survey(struct ctx *c)
{
	const struct program *p = c->p;
	const struct initiative *in = c->in;
	struct survey_results res;
	int inst = -1, only_shown = 0;
	int64_t nresp = 0, nans = 0;
	double sum = 0;

	for (size_t i = 0; i < p->instruments.n; i++)
		if (p->instruments.v[i].code &&
		    strcmp(p->instruments.v[i].code, DIRECTOR_SUPPORT_CODE) == 0)
			inst = (int)i;
	metrics_survey_results_init(&res);
	if (inst >= 0 && metrics_survey_results(p, in, inst, NULL, c->ws, c->we, &res) == 0)
		only_shown = !res.shown[SURVEY_COL_ALL] && metrics_survey_any_shown(&res);
	for (size_t i = 0; inst >= 0 && i < in->surveys.n; i++) {
		const struct survey *sv = &in->surveys.v[i];
		const struct instrument *ins = &p->instruments.v[inst];
		tdate when = sv->closed;	/* an open round counts when it closes */

		if (sv->instrument.idx != inst || when == DATE_NONE || !in_window(c, when))
			continue;
		for (size_t j = 0; j < sv->responses.n; j++) {
			const struct response *resp = &sv->responses.v[j];

			if (only_shown && (resp->group < 0 || resp->group >= GROUP__MAX ||
			    !res.shown[resp->group]))
				continue;
			nresp++;
			for (size_t k = 0; k < resp->answers.n; k++) {
				const struct answer *a = &resp->answers.v[k];
				int item = 0;

				for (size_t t = 0; t < ins->items.n && !item; t++)
					item = a->item && ins->items.v[t].code &&
					    strcmp(a->item, ins->items.v[t].code) == 0;
				if (!item)
					continue;
				nans++;
				sum += a->value;
			}
		}
	}
	metrics_survey_results_release(&res);
	if (nresp >= SURVEY_MIN_RESPONSES && nans > 0)
		fig_num(c->r, FIG_SURVEY_DIRECTOR_SUPPORT, sum / (double)nans, nresp);
	else
		fig_null(c->r, FIG_SURVEY_DIRECTOR_SUPPORT, nresp);
}

/* The partner network and the survey results of the window (network.c, survey.c). */
static void
network_and_surveys(struct ctx *c)
{
	struct report *r = c->r;

	metrics_network_build(c->p, c->in, c->team, c->n, c->ws, c->we, &r->network);
	metrics_network_figures(&r->network, r->fig);
	metrics_survey_reports(c->p, c->in, c->ws, c->we, &r->surveys.v,
	    &r->surveys.n, &r->surveys.alloc);
}

/* ---------------------------------------------------------------- provisional */

/*
 * The smallest N a figure is firm from (issue 11, point 13; docs/metrics.md).
 * Shares and means of decisions and ledger entries need the count the
 * dominance and blurred-boundaries alerts need (5); other shares and means
 * 3 (as a survey group); 0 for figures that are not estimates: sizes,
 * sums, counts of grants, facts (the director).
 */
static const int64_t fig_min_n[FIG__MAX] = {
	[FIG_TEAM_SIZE] = 0,
	[FIG_TEAM_SECTORS] = 0,
	[FIG_DEC_BACKBONE_ALONE] = 5,
	[FIG_DEC_HHI] = 5,
	[FIG_DEC_BREADTH] = 5,
	[FIG_DEC_MEDIAN_DAYS] = 5,
	[FIG_DEC_RUSHED] = 5,
	[FIG_DEC_LOOP] = 3,
	[FIG_DEC_CONTRARY] = 5,
	[FIG_DEC_SHARED] = 5,
	[FIG_FUNDS_SPENT] = 0,
	[FIG_FUNDS_PARTNER_SHARE] = 5,
	[FIG_FUNDS_PARTNERS_PAID] = 3,
	[FIG_FUNDS_HHI] = 5,
	[FIG_FUNDS_BACKBONE_OWN] = 5,
	[FIG_GRANTS_OVERSPENT] = 0,
	[FIG_GRANTS_UNSPENT_CLOSED] = 0,
	[FIG_GRANTS_LINES_OVER] = 0,
	[FIG_GRANTS_NONCATALYTIC] = 0,
	[FIG_APPS_JOINT] = 3,
	[FIG_APPS_PARTNER_LED] = 3,
	[FIG_CREDIT_PARTNER_SHARE] = 3,
	[FIG_CREDIT_BREADTH] = 3,
	[FIG_VALUEADD_HOURS] = 0,
	[FIG_VALUEADD_REACH] = 3,
	[FIG_CHECKINS_COVERAGE] = 3,
	[FIG_ENGAGEMENT_RATE] = 3,
	[FIG_RACI_COMPLETE] = 3,
	[FIG_RACI_BACKBONE_ACC] = 3,
	[FIG_DIRECTOR_SHARED] = 0,
	[FIG_RESULT_PROGRESS] = 0,
	[FIG_RESULT_ON_TRACK] = 0,
	[FIG_SURVEY_DIRECTOR_SUPPORT] = 0,	/* null below 3 responses already */
	[FIG_NET_DENSITY] = 0,
	[FIG_NET_CENTRALIZATION] = 0,
	[FIG_NET_BACKBONE_DEGREE] = 0,
	[FIG_NET_BACKBONE_BETWEENNESS] = 0,
	[FIG_NET_TRUST] = 3,
	[FIG_NET_VALUE] = 3,
	[FIG_NET_RESILIENCE] = 0,
};

int64_t
metrics_fig_min_n(enum metrics_fig f)
{
	assert(f >= 0 && f < FIG__MAX);
	return fig_min_n[f];
}

int
metrics_fig_provisional(const struct metrics_figure *fg, enum metrics_fig f)
{
	return fg->type != MV_NULL && fg->n < metrics_fig_min_n(f);
}

/* ---------------------------------------------------------------- scores */

static void
part_add(struct metrics_score *sc, const char *name, double v, int64_t n, int provisional)
{
	struct metrics_part *pt;

	assert(sc->nparts < METRICS_MAX_PARTS);
	pt = &sc->parts[sc->nparts++];
	pt->name = name;
	pt->value = v * 100;
	pt->n = n;
	pt->provisional = provisional;
}

static void
part(const struct report *r, struct metrics_score *sc, int f, int invert)
{
	const struct metrics_figure *fg = &r->fig[f];

	if (fg->type == MV_NULL)
		return;
	part_add(sc, metrics_fig_names[f], invert ? 1 - fg->value : fg->value, fg->n,
	    metrics_fig_provisional(fg, (enum metrics_fig)f));
}

/* The mean of the parts; provisional when fewer than half the parts are firm. */
static void
score_finish(struct metrics_score *sc)
{
	double sum = 0;
	size_t firm = 0;

	if (sc->nparts == 0) {
		sc->type = MV_NULL;
		return;
	}
	for (size_t i = 0; i < sc->nparts; i++) {
		sum += sc->parts[i].value;
		firm += !sc->parts[i].provisional;
	}
	sc->type = MV_NUMBER;
	sc->value = sum / (double)sc->nparts;
	sc->firm = firm;
	sc->provisional = firm * 2 < sc->nparts;
}

static void
scores(struct report *r)
{
	struct metrics_score *bk = &r->stepping_back, *up = &r->stepping_up;

	part(r, bk, FIG_DEC_HHI, 1);
	part(r, bk, FIG_DEC_BACKBONE_ALONE, 1);
	part(r, bk, FIG_DEC_BREADTH, 0);
	part(r, bk, FIG_DEC_LOOP, 0);
	part(r, bk, FIG_DEC_CONTRARY, 0);
	part(r, bk, FIG_FUNDS_HHI, 1);
	part(r, bk, FIG_CREDIT_PARTNER_SHARE, 0);
	part(r, bk, FIG_APPS_JOINT, 0);
	score_finish(bk);

	part(r, up, FIG_CHECKINS_COVERAGE, 0);
	part(r, up, FIG_ENGAGEMENT_RATE, 0);
	part(r, up, FIG_RACI_COMPLETE, 0);
	part(r, up, FIG_DIRECTOR_SHARED, 0);
	if (r->fig[FIG_GRANTS_OVERSPENT].type != MV_NULL)
		part_add(up, grants_in_order, r->grants_in_order, r->fig[FIG_GRANTS_OVERSPENT].n, 0);
	part(r, up, FIG_RESULT_ON_TRACK, 0);
	score_finish(up);
}

/* ---------------------------------------------------------------- alerts, strengths */

/* "in the 12 months to 31 Dec 2016": a sentence people read (issue 11, point 9) */
static void
add_window(struct strbuf *sb, const struct ctx *c)
{
	const struct report *r = c->r;
	char d[DATE_WORDS_BUFSZ];

	date_format_words_lang(r->as_of, lang_code(i18n_current()), d);
	if (r->months == 1)
		strbuf_addf(sb, _("in the month to %s"), d);
	else
		strbuf_addf(sb, P_("in the %d months to %s", "in the %d months to %s", r->months),
		    r->months, d);
}

static char *
pct(double share, char buf[NUM_BUFSZ])
{
	return real_format(round(share * 100), buf);
}

static struct metrics_alert *
alert_new(struct report *r, int pitfall)
{
	struct metrics_alert *a = VEC_PUSH(&r->alerts);

	a->pitfall = pitfall;
	a->code = metrics_pitfall_codes[pitfall];
	return a;
}

/* The alert's observation (sb's text; sb is emptied) and question. */
static void
alert_text(struct metrics_alert *a, struct strbuf *sb, const char *question)
{
	a->observation = strbuf_detach(sb, NULL);
	a->question = xstrdup(question);
}

static void
alerts(struct ctx *c)
{
	const struct metrics_settings *s = c->s;
	const struct initiative *in = c->in;
	struct report *r = c->r;
	const struct metrics_figure *f = r->fig;
	struct strbuf sb = STRBUF_INIT, win = STRBUF_INIT;
	struct metrics_alert *a;
	char b1[NUM_BUFSZ], b2[NUM_BUFSZ], b3[NUM_BUFSZ];

	/* 1 dominance */
	if (c->nd >= s->dominance_min_decisions && c->nd > 0) {
		int alone = f[FIG_DEC_BACKBONE_ALONE].type == MV_NUMBER &&
		    f[FIG_DEC_BACKBONE_ALONE].value > s->dominance_backbone_alone;
		int conc = f[FIG_DEC_HHI].type == MV_NUMBER &&
		    f[FIG_DEC_HHI].value > s->dominance_hhi;
		int rush = f[FIG_DEC_RUSHED].type == MV_NUMBER &&
		    f[FIG_DEC_RUSHED].value > s->dominance_rushed;

		if (alone || conc || rush) {
			a = alert_new(r, PITFALL_DOMINANCE);
			strbuf_reset(&win);
			add_window(&win, c);
			if (alone)
				strbuf_addf(&sb, P_("%lld of the %lld decisions %s were made "
				    "by the backbone alone.", "%lld of the %lld decisions %s "
				    "were made by the backbone alone.", c->nd),
				    (long long)c->nalone, (long long)c->nd, win.buf);
			if (conc && !(alone && c->top == c->b)) {
				if (sb.len)
					strbuf_addch(&sb, ' ');
				strbuf_addf(&sb, _("Decision-making is concentrated in "
				    "few hands: %s decided the most, and the "
				    "concentration index is %.2f (0 is even, 1 is "
				    "one organization)."),
				    c->top >= 0 ? c->p->orgs.v[c->top].name :
				    _("one organization"), f[FIG_DEC_HHI].value);
			}
			if (rush) {
				if (sb.len)
					strbuf_addch(&sb, ' ');
				strbuf_addf(&sb, P_("%lld of the %lld decisions were "
				    "settled less than %lld days after they were "
				    "proposed, with less than %s%% of the team "
				    "taking part.", "%lld of the %lld decisions were "
				    "settled less than %lld days after they were "
				    "proposed, with less than %s%% of the team "
				    "taking part.", c->nd), (long long)c->nrushed,
				    (long long)c->nd, (long long)s->rushed_days,
				    pct(s->rushed_breadth, b1));
			}
			alert_text(a, &sb, _("Is that how the team wants to decide?"));
			for (size_t i = 0; i < c->dec.n; i++) {
				const struct decision *d = &in->decisions.v[c->dec.v[i]];

				if ((alone && d->decider.idx == c->b) ||
				    (conc && d->decider.idx == c->top) ||
				    (rush && c->rushed[i]))
					*VEC_PUSH(&a->evidence) = d->id;
			}
		}
	}

	/* 2 director_as_employee */
	if (f[FIG_DIRECTOR_SHARED].type == MV_BOOL && f[FIG_DIRECTOR_SHARED].value == 0) {
		const struct director *d = &in->director;
		const char *who = d->person.slug, *emp = d->employer.slug;

		if (d->person.idx >= 0 && (size_t)d->person.idx < c->p->people.n &&
		    c->p->people.v[d->person.idx].name)
			who = c->p->people.v[d->person.idx].name;
		if (d->employer.idx >= 0 && d->employer.idx < c->norgs &&
		    c->p->orgs.v[d->employer.idx].name)
			emp = c->p->orgs.v[d->employer.idx].name;
		a = alert_new(r, PITFALL_DIRECTOR_AS_EMPLOYEE);
		strbuf_addf(&sb, _("The initiative director, %s, reports to and is "
		    "evaluated only by their employer, %s."),
		    who ? who : _("unnamed"), emp ? emp : _("unnamed"));
		alert_text(a, &sb, _("How could the rest of the team take part in "
		    "guiding and reviewing the director's work?"));
		if (d->person.slug)
			*VEC_PUSH(&a->evidence) = d->person.slug;
	}

	/* 3 blurred_boundaries */
	if (c->nl >= s->blurred_min_entries && c->nl > 0 &&
	    f[FIG_FUNDS_BACKBONE_OWN].type == MV_NUMBER &&
	    f[FIG_FUNDS_BACKBONE_OWN].value > s->blurred_backbone_own) {
		a = alert_new(r, PITFALL_BLURRED_BOUNDARIES);
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, P_("%s%% of the money spent %s (%s of %s, %zu entry) "
		    "went to the backbone's own programs or overhead.",
		    "%s%% of the money spent %s (%s of %s, %zu entries) went to the "
		    "backbone's own programs or overhead.", c->own.n),
		    pct(f[FIG_FUNDS_BACKBONE_OWN].value, b1), win.buf,
		    money_display(c->own_cents, b2),
		    money_display(c->spent_cents, b3), c->own.n);
		alert_text(a, &sb, _("Is the line between the backbone's own work "
		    "and the initiative's work clear to everyone on the team?"));
		for (size_t i = 0; i < c->own.n; i++)
			*VEC_PUSH(&a->evidence) = in->ledger.v[c->own.v[i]].id;
	}

	/* 4 out_of_the_loop */
	if (c->npf >= s->loop_min_decisions && c->npf > 0 &&
	    f[FIG_DEC_LOOP].type == MV_NUMBER &&
	    f[FIG_DEC_LOOP].value < s->loop_closure) {
		a = alert_new(r, PITFALL_OUT_OF_THE_LOOP);
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, P_("%lld of the %lld personnel and financial decisions "
		    "%s left some team members neither consulted nor informed.",
		    "%lld of the %lld personnel and financial decisions %s left some "
		    "team members neither consulted nor informed.", c->npf),
		    (long long)c->nloop_open, (long long)c->npf, win.buf);
		alert_text(a, &sb, _("How can every team member hear about personnel "
		    "and money matters before they are settled?"));
		for (size_t i = 0; i < c->open_loop.n; i++)
			*VEC_PUSH(&a->evidence) = in->decisions.v[c->open_loop.v[i]].id;
	}

	/* 5 no_contrary_views */
	if (c->nkey >= s->contrary_min_decisions && c->nkey > 0 &&
	    f[FIG_DEC_CONTRARY].type == MV_NUMBER &&
	    f[FIG_DEC_CONTRARY].value < s->contrary_share) {
		a = alert_new(r, PITFALL_NO_CONTRARY_VIEWS);
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, P_("%lld of the %lld strategy, financial and personnel "
		    "decisions %s record no contrary views or alternatives weighed.",
		    "%lld of the %lld strategy, financial and personnel decisions %s "
		    "record no contrary views or alternatives weighed.", c->nkey),
		    (long long)c->nblank, (long long)c->nkey, win.buf);
		alert_text(a, &sb, _("Are different views being invited, and written "
		    "down when they are voiced?"));
		for (size_t i = 0; i < c->blank.n; i++)
			*VEC_PUSH(&a->evidence) = in->decisions.v[c->blank.v[i]].id;
	}
	strbuf_release(&sb);
	strbuf_release(&win);
}

/*
 * A new strength with, as evidence, the ids of the records idx[0..n) of a
 * record array: the records at base, each size bytes, with their id (a
 * char *) at offset id_at. Its text: strength_text, once per language.
 */
static struct metrics_strength *
strength_new(struct report *r, int practice, const void *base, size_t size, size_t id_at,
    const int *idx, size_t n)
{
	struct metrics_strength *st = VEC_PUSH(&r->strengths);

	st->practice = practice;
	st->code = metrics_practice_codes[practice];
	for (size_t i = 0; i < n; i++) {
		const char *rec = (const char *)base + (size_t)idx[i] * size;
		char *id;

		memcpy(&id, rec + id_at, sizeof(id));
		*VEC_PUSH(&st->evidence) = id;
	}
	return st;
}

/* strength_new's record array arguments for the records idx of the array arr of in. */
#define STRENGTH_RECORDS(in, arr, type, idx) \
	(in)->arr.v, sizeof(struct type), offsetof(struct type, id), (idx).v, (idx).n

/* True when figure f is a number at or above min. */
static int
at_least(const struct report *r, int f, double min)
{
	return r->fig[f].type == MV_NUMBER && r->fig[f].value >= min;
}

static void
strengths(struct ctx *c)
{
	const struct metrics_settings *s = c->s;
	struct report *r = c->r;
	const struct metrics_figure *f = r->fig;
	struct strbuf sb = STRBUF_INIT, win = STRBUF_INIT;
	struct metrics_strength *st;
	char b1[NUM_BUFSZ];

	/* 1 shared_leadership */
	if ((c->has_colead_in_t ||
	    (int64_t)c->in->committee.n >= s->leadership_committee) &&
	    at_least(r, FIG_DEC_SHARED, s->leadership_shared_share)) {
		st = strength_new(r, PRACTICE_SHARED_LEADERSHIP,
		    STRENGTH_RECORDS(c->in, decisions, decision, c->shared));
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, P_("%lld of the %lld decisions %s were made by the "
		    "committee, the whole team or a co-lead: leadership is shared.",
		    "%lld of the %lld decisions %s were made by the committee, the "
		    "whole team or a co-lead: leadership is shared.", c->nd),
		    (long long)c->nshared, (long long)c->nd, win.buf);
		st->text = strbuf_detach(&sb, NULL);
	}
	/* 2 credit_given */
	if (at_least(r, FIG_CREDIT_PARTNER_SHARE, s->credit_partner_share)) {
		st = strength_new(r, PRACTICE_CREDIT_GIVEN,
		    STRENGTH_RECORDS(c->in, credits, credit, c->credited));
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, _("Partners received %s%% of the public credit given to "
		    "team organizations %s: the backbone shares the credit."),
		    pct(f[FIG_CREDIT_PARTNER_SHARE].value, b1), win.buf);
		st->text = strbuf_detach(&sb, NULL);
	}
	/* 3 capacity_shared */
	if (at_least(r, FIG_VALUEADD_REACH, s->capacity_reach)) {
		st = strength_new(r, PRACTICE_CAPACITY_SHARED,
		    STRENGTH_RECORDS(c->in, contributions, contribution, c->lent));
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, P_("The backbone lent its staff and skills to %lld of "
		    "the %lld partner organizations (%s hours) %s.", "The backbone lent "
		    "its staff and skills to %lld of the %lld partner organizations "
		    "(%s hours) %s.", c->no), (long long)c->nreach, (long long)c->no,
		    real_format(f[FIG_VALUEADD_HOURS].value, b1), win.buf);
		st->text = strbuf_detach(&sb, NULL);
	}
	/* 4 director_supported */
	if (f[FIG_DIRECTOR_SHARED].type == MV_BOOL && f[FIG_DIRECTOR_SHARED].value == 1 &&
	    (f[FIG_SURVEY_DIRECTOR_SUPPORT].type == MV_NULL ||
	    f[FIG_SURVEY_DIRECTOR_SUPPORT].value >= s->director_survey_mean)) {
		st = strength_new(r, PRACTICE_DIRECTOR_SUPPORTED, NULL, 0, 0, NULL, 0);
		if (f[FIG_SURVEY_DIRECTOR_SUPPORT].type == MV_NUMBER)
			strbuf_addf(&sb, _("The director is guided and reviewed by more "
			    "than the employing organization, and the team rates its "
			    "support of the director %.1f of 5."),
			    f[FIG_SURVEY_DIRECTOR_SUPPORT].value);
		else
			strbuf_addstr(&sb, _("The director is guided and reviewed by more "
			    "than the employing organization."));
		st->text = strbuf_detach(&sb, NULL);
		if (c->in->director.person.slug)
			*VEC_PUSH(&st->evidence) = c->in->director.person.slug;
	}
	/* 5 joint_grant_seeking */
	if (at_least(r, FIG_APPS_JOINT, s->joint_share)) {
		st = strength_new(r, PRACTICE_JOINT_GRANT_SEEKING,
		    STRENGTH_RECORDS(c->in, applications, application, c->joint));
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, P_("%lld of the %lld grant applications %s were made "
		    "jointly by two or more team organizations.", "%lld of the %lld "
		    "grant applications %s were made jointly by two or more team "
		    "organizations.", c->napps), (long long)c->njoint,
		    (long long)c->napps, win.buf);
		st->text = strbuf_detach(&sb, NULL);
	}
	/* 6 partners_compensated */
	if (at_least(r, FIG_FUNDS_PARTNERS_PAID, s->partners_paid)) {
		st = strength_new(r, PRACTICE_PARTNERS_COMPENSATED,
		    STRENGTH_RECORDS(c->in, ledger, ledger_entry, c->paid));
		strbuf_reset(&win);
		add_window(&win, c);
		strbuf_addf(&sb, P_("%lld of the %lld partner organizations were paid "
		    "from the initiative's funds %s.", "%lld of the %lld partner "
		    "organizations were paid from the initiative's funds %s.", c->no),
		    (long long)c->npaid, (long long)c->no, win.buf);
		st->text = strbuf_detach(&sb, NULL);
	}
	strbuf_release(&sb);
	strbuf_release(&win);
}

/* ---------------------------------------------------------------- entry points */

void
metrics_report_init(struct report *r)
{
	memset(r, 0, sizeof(*r));
	r->as_of = r->start = r->end = DATE_NONE;
	metrics_network_init(&r->network);
}

void
metrics_report_release(struct report *r)
{
	for (size_t i = 0; i < r->alerts.n; i++) {
		VEC_FREE(&r->alerts.v[i].evidence);
		free(r->alerts.v[i].observation);
		free(r->alerts.v[i].question);
	}
	for (size_t i = 0; i < r->alerts.n; i++)
		VEC_FREE(&r->alerts.v[i].answer.actions);
	VEC_FREE(&r->alerts);
	for (size_t i = 0; i < r->strengths.n; i++) {
		VEC_FREE(&r->strengths.v[i].evidence);
		free(r->strengths.v[i].text);
		VEC_FREE(&r->strengths.v[i].answer.actions);
	}
	VEC_FREE(&r->earlier);
	VEC_FREE(&r->strengths);
	VEC_FREE(&r->overspent);
	VEC_FREE(&r->unspent_closed);
	VEC_FREE(&r->lines_over);
	VEC_FREE(&r->engagement_by_org);
	metrics_network_release(&r->network);
	metrics_survey_reports_release(r->surveys.v, r->surveys.n);
	VEC_FREE(&r->surveys);
	metrics_report_init(r);
}

int
metrics_signal_of_pitfall(int pitfall)
{
	assert(pitfall >= 1 && pitfall <= 5);
	assert(strcmp(signal_names[pitfall - 1], metrics_pitfall_codes[pitfall]) == 0);
	return pitfall - 1;
}

int
metrics_signal_of_practice(int practice)
{
	assert(practice >= 1 && practice <= 6);
	assert(strcmp(signal_names[SIGNAL_SHARED_LEADERSHIP + practice - 1],
	    metrics_practice_codes[practice]) == 0);
	return SIGNAL_SHARED_LEADERSHIP + practice - 1;
}

/* The team's answer to one signal in this period. */
static void
answer_of(const struct initiative *in, int signal, tdate period, struct metrics_answer *a)
{
	for (size_t i = 0; i < in->responses.n; i++)
		if (in->responses.v[i].signal == signal && in->responses.v[i].period == period)
			a->response = &in->responses.v[i];
	for (size_t i = 0; i < in->actions.n; i++)
		if (in->actions.v[i].signal == signal && in->actions.v[i].period == period)
			*VEC_PUSH(&a->actions) = &in->actions.v[i];
}

static int
cmp_action_period(const void *a, const void *b)
{
	const struct action *x = *(const struct action *const *)a;
	const struct action *y = *(const struct action *const *)b;

	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	return x < y ? -1 : x > y;	/* document order */
}

/*
 * The team's answers and actions for the period (the month of as-of), and
 * the actions of earlier periods within the window, and those still open
 * from before it: what became of them.
 */
static void
answers(struct ctx *c)
{
	struct report *r = c->r;

	r->period = date_month_end(c->we);
	for (size_t i = 0; i < r->alerts.n; i++)
		answer_of(c->in, metrics_signal_of_pitfall(r->alerts.v[i].pitfall), r->period,
		    &r->alerts.v[i].answer);
	for (size_t i = 0; i < r->strengths.n; i++)
		answer_of(c->in, metrics_signal_of_practice(r->strengths.v[i].practice), r->period,
		    &r->strengths.v[i].answer);
	for (size_t i = 0; i < c->in->actions.n; i++) {
		const struct action *a = &c->in->actions.v[i];

		if (a->period < r->period && (a->period >= c->ws || a->status == ACTION_OPEN))
			*VEC_PUSH(&r->earlier) = a;
	}
	if (r->earlier.n > 1)
		qsort(r->earlier.v, r->earlier.n, sizeof(r->earlier.v[0]), cmp_action_period);
}

int
metrics_report(const struct program *p, const struct initiative *in,
    tdate as_of, int months, const struct metrics_settings *s,
    struct report *out)
{
	struct metrics_settings dflt;
	struct ctx c;

	metrics_report_release(out);
	if (p == NULL || in == NULL || as_of == DATE_NONE || months < 1)
		return -1;
	if (s == NULL) {
		metrics_settings_default(&dflt);
		s = &dflt;
	}
	memset(&c, 0, sizeof(c));
	c.p = p;
	c.in = in;
	c.s = s;
	c.r = out;
	c.we = as_of;
	c.ws = metrics_window_start(as_of, months);
	c.norgs = (int)p->orgs.n;
	c.b = in->backbone.idx >= 0 && in->backbone.idx < c.norgs ? in->backbone.idx : -1;
	c.tpos = xmalloc(((size_t)c.norgs + 1) * sizeof(int));
	c.team = xmalloc(((size_t)c.norgs + 1) * sizeof(int));
	c.stamp = xcalloc((size_t)c.norgs + 1, sizeof(int));
	c.colead = xcalloc((size_t)c.norgs + 1, 1);
	for (int i = 0; i < c.norgs; i++)
		c.tpos[i] = -1;

	out->program = p;
	out->initiative = in;
	out->as_of = as_of;
	out->start = c.ws;
	out->end = c.we;
	out->months = months;

	team_build(&c);
	decisions(&c);
	funds(&c);
	grants(&c);
	applications(&c);
	credit(&c);
	valueadd(&c);
	checkins(&c);
	engagement(&c);
	raci(&c);
	director(&c);
	result(&c);
	survey(&c);
	network_and_surveys(&c);
	scores(out);
	alerts(&c);
	strengths(&c);
	answers(&c);

	free(c.tpos);
	free(c.team);
	free(c.stamp);
	free(c.colead);
	free(c.rushed);
	VEC_FREE(&c.dec);
	VEC_FREE(&c.own);
	VEC_FREE(&c.open_loop);
	VEC_FREE(&c.blank);
	VEC_FREE(&c.shared);
	VEC_FREE(&c.paid);
	VEC_FREE(&c.credited);
	VEC_FREE(&c.lent);
	VEC_FREE(&c.joint);
	return 0;
}
