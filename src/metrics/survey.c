/*
 * Survey results (DESIGN §4), with the anonymity floor of 3 enforced here,
 * in the data, rather than in each view: a suppressed aggregate is zeroed
 * before anyone can read it.
 */
#include <stdlib.h>
#include <string.h>

#include "survey.h"
#include "../util/i18n.h"
#include "../util/banned.h"

const char *const survey_col_names[SURVEY_COL__MAX] = {
	"backbone",	/* SURVEY_COL_BACKBONE */
	"director",	/* SURVEY_COL_DIRECTOR */
	"partner",	/* SURVEY_COL_PARTNER */
	"all",		/* SURVEY_COL_ALL */
};

const char *const survey_band_names[SURVEY_BAND__MAX] = {
	N_("a concern"),		/* SURVEY_BAND_CONCERN */
	N_("worth discussing"),	/* SURVEY_BAND_DISCUSS */
	N_("a strength"),		/* SURVEY_BAND_STRENGTH */
};

int
survey_band(double mean)
{
	if (mean >= 4.0)
		return SURVEY_BAND_STRENGTH;
	if (mean >= 3.0)
		return SURVEY_BAND_DISCUSS;
	return SURVEY_BAND_CONCERN;
}

void
metrics_survey_results_init(struct survey_results *r)
{
	memset(r, 0, sizeof(*r));
}

void
metrics_survey_results_release(struct survey_results *r)
{
	VEC_FREE(&r->items);
	VEC_FREE(&r->categories);
	metrics_survey_results_init(r);
}

/* The date a survey counts on: the day it closed; DATE_NONE while it is open. */
static tdate
survey_date(const struct survey *sv)
{
	return sv->closed;
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/*
 * Decides which columns of counts n[] may be shown, into shown[]. A group
 * needs SURVEY_MIN_GROUP answers. When the overall column is shown and the
 * groups left out together hold some but fewer than SURVEY_MIN_GROUP
 * answers, "all minus the groups shown" would give away their aggregate
 * (the director's answers, say): then the overall column is the one
 * hidden, never a group, so that the backbone and partner columns — and
 * their perception gap — stay (DESIGN §4). `allowed` (may be NULL) forbids
 * columns already suppressed at a wider level.
 */
static void
decide_shown(const int64_t *n, const int *allowed, int *shown)
{
	int64_t hidden = 0, hidden_others = 0;

	for (int g = 0; g < SURVEY_COL__MAX; g++)
		shown[g] = n[g] >= SURVEY_MIN_GROUP && (allowed == NULL || allowed[g]);
	/*
	 * The director is one person: never a group of their own, however many
	 * answers carry the group (links made for it before links were made
	 * for people, DESIGN §4), and never the only group left out of the
	 * overall column.
	 */
	shown[SURVEY_COL_DIRECTOR] = 0;
	for (int g = 0; g < SURVEY_COL_ALL; g++)
		if (!shown[g]) {
			hidden += n[g];
			if (g != SURVEY_COL_DIRECTOR)
				hidden_others += n[g];
		}
	if (hidden > 0 && (hidden < SURVEY_MIN_GROUP || hidden_others == 0))
		shown[SURVEY_COL_ALL] = 0;
}

/* Turns the raw sums of row into means, bands and gaps, zeroing what is not shown. */
static void
row_finish(struct survey_row *row, const double *sum, const int *allowed)
{
	int64_t n[SURVEY_COL__MAX];
	int shown[SURVEY_COL__MAX];

	for (int g = 0; g < SURVEY_COL__MAX; g++)
		n[g] = row->col[g].n;
	decide_shown(n, allowed, shown);
	for (int g = 0; g < SURVEY_COL__MAX; g++) {
		struct survey_agg *a = &row->col[g];

		if (!shown[g]) {
			memset(a, 0, sizeof(*a));
			continue;
		}
		a->shown = 1;
		a->mean = sum[g] / (double)a->n;
		a->band = survey_band(a->mean);
	}
	row->has_gap = row->col[SURVEY_COL_BACKBONE].shown &&
	    row->col[SURVEY_COL_PARTNER].shown;
	row->gap = row->has_gap ? row->col[SURVEY_COL_BACKBONE].mean -
	    row->col[SURVEY_COL_PARTNER].mean : 0;
}

static void
agg_add(struct survey_agg *col, double *sum, int group, int value)
{
	int cols[2] = { group, SURVEY_COL_ALL };

	for (int k = 0; k < 2; k++) {
		col[cols[k]].n++;
		col[cols[k]].dist[value - 1]++;
		sum[cols[k]] += value;
	}
}

int
metrics_survey_results(const struct program *p, const struct initiative *in,
    int inst, const char *survey_id, tdate start, tdate end,
    struct survey_results *out)
{
	const struct instrument *ins;
	double *isum = NULL, *csum = NULL;	/* [row * SURVEY_COL__MAX + col] */
	int *item_cat = NULL;			/* item → category row */
	int64_t resp[SURVEY_COL__MAX] = { 0 };
	int found = 0, ret = -1;

	metrics_survey_results_release(out);
	if (p == NULL || in == NULL || inst < 0 || (size_t)inst >= p->instruments.n)
		return -1;
	ins = &p->instruments.v[inst];
	out->instrument = ins;

	item_cat = xcalloc(ins->items.n + 1, sizeof(int));
	for (size_t i = 0; i < ins->items.n; i++) {
		const struct instrument_item *it = &ins->items.v[i];
		const char *cat = it->category ? it->category : "";
		struct survey_row *row = VEC_PUSH(&out->items);
		size_t c;

		row->code = it->code;
		row->text = it->text;
		row->category = cat;
		for (c = 0; c < out->categories.n; c++)
			if (strcmp(out->categories.v[c].category, cat) == 0)
				break;
		if (c == out->categories.n)
			VEC_PUSH(&out->categories)->category = cat;
		item_cat[i] = (int)c;
	}
	isum = xcalloc((ins->items.n + 1) * SURVEY_COL__MAX, sizeof(double));
	csum = xcalloc((out->categories.n + 1) * SURVEY_COL__MAX, sizeof(double));

	for (size_t s = 0; s < in->surveys.n; s++) {
		const struct survey *sv = &in->surveys.v[s];

		if (sv->instrument.idx != inst)
			continue;
		if (survey_id != NULL ? !same(sv->id, survey_id) :
		    survey_date(sv) == DATE_NONE || survey_date(sv) < start ||
		    survey_date(sv) > end)
			continue;
		found = 1;
		/* an open round shows nothing until it closes (DESIGN §4) */
		if (sv->closed == DATE_NONE) {
			out->open = 1;
			continue;
		}
		out->surveys++;
		for (size_t j = 0; j < sv->responses.n; j++) {
			const struct response *r = &sv->responses.v[j];

			if (r->group < 0 || r->group >= GROUP__MAX)
				continue;
			resp[r->group]++;
			resp[SURVEY_COL_ALL]++;
			for (size_t k = 0; k < r->answers.n; k++) {
				const struct answer *a = &r->answers.v[k];
				size_t i;

				if (a->value < 1 || a->value > 5)
					continue;
				for (i = 0; i < ins->items.n; i++)
					if (same(a->item, ins->items.v[i].code))
						break;
				if (i == ins->items.n)
					continue;
				agg_add(out->items.v[i].col, &isum[i * SURVEY_COL__MAX],
				    r->group, a->value);
				agg_add(out->categories.v[item_cat[i]].col,
				    &csum[(size_t)item_cat[i] * SURVEY_COL__MAX],
				    r->group, a->value);
			}
		}
	}
	if (survey_id != NULL && !found)
		goto out;

	/* Groups are decided on their responses first, then each row on its answers. */
	decide_shown(resp, NULL, out->shown);
	for (int g = 0; g < SURVEY_COL__MAX; g++)
		out->responses[g] = out->shown[g] ? resp[g] : 0;
	for (size_t i = 0; i < out->items.n; i++)
		row_finish(&out->items.v[i], &isum[i * SURVEY_COL__MAX], out->shown);
	for (size_t c = 0; c < out->categories.n; c++)
		row_finish(&out->categories.v[c], &csum[c * SURVEY_COL__MAX], out->shown);
	ret = 0;
out:
	if (ret != 0)
		metrics_survey_results_release(out);
	free(isum);
	free(csum);
	free(item_cat);
	return ret;
}

int
metrics_survey_change_col(const struct survey_results *now)
{
	return now->shown[SURVEY_COL_ALL] ? SURVEY_COL_ALL : SURVEY_COL_PARTNER;
}

int
metrics_survey_any_shown(const struct survey_results *r)
{
	for (int g = 0; g < SURVEY_COL__MAX; g++)
		if (r->shown[g])
			return 1;
	return 0;
}

const struct survey_row *
metrics_survey_row(const struct survey_results *r, const char *code,
    const char *category)
{
	if (code != NULL) {
		for (size_t i = 0; i < r->items.n; i++)
			if (same(r->items.v[i].code, code))
				return &r->items.v[i];
		return NULL;
	}
	for (size_t i = 0; i < r->categories.n; i++)
		if (same(r->categories.v[i].category, category))
			return &r->categories.v[i];
	return NULL;
}

int
metrics_survey_change(const struct survey_row *before,
    const struct survey_row *after, int col, double *delta)
{
	if (before == NULL || after == NULL || col < 0 || col >= SURVEY_COL__MAX)
		return -1;
	if (!before->col[col].shown || !after->col[col].shown)
		return -1;
	*delta = after->col[col].mean - before->col[col].mean;
	return 0;
}

void
metrics_survey_reports(const struct program *p, const struct initiative *in,
    tdate start, tdate end, struct survey_report **v, size_t *n, size_t *alloc)
{
	for (size_t i = 0; i < p->instruments.n; i++) {
		const struct survey *prev = NULL;
		struct survey_report *sr;
		int any = 0;

		for (size_t s = 0; s < in->surveys.n; s++) {
			const struct survey *sv = &in->surveys.v[s];
			tdate d = survey_date(sv);

			if (sv->instrument.idx != (int)i || d == DATE_NONE)
				continue;
			if (d >= start && d <= end)
				any = 1;
			else if (d < start && (prev == NULL || d >= survey_date(prev)))
				prev = sv;
		}
		if (!any)
			continue;
		xgrow((void **)v, alloc, *n + 1, sizeof(**v));
		sr = &(*v)[(*n)++];
		metrics_survey_results_init(&sr->now);
		metrics_survey_results_init(&sr->before);
		sr->has_before = 0;
		metrics_survey_results(p, in, (int)i, NULL, start, end, &sr->now);
		if (prev != NULL && prev->id != NULL &&
		    metrics_survey_results(p, in, (int)i, prev->id, 0, 0, &sr->before) == 0)
			sr->has_before = 1;
	}
}

void
metrics_survey_reports_release(struct survey_report *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		metrics_survey_results_release(&v[i].now);
		metrics_survey_results_release(&v[i].before);
	}
}

const struct survey_results *
metrics_survey_find(const struct survey_report *v, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].now.instrument && strcmp(v[i].now.instrument->code, code) == 0)
			return &v[i].now;
	return NULL;
}
