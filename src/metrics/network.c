/*
 * The partner network (DESIGN §4, after the PARTNER Tool): who works with
 * whom on the team, how much they trust and value each other, and whether
 * the network holds together without the backbone.
 *
 * Building the network is plain C; the graph figures and the layout go
 * through igraph 0.10. The Debian build of igraph is not thread-safe and
 * its default error handler aborts, so every igraph call here runs under
 * one mutex, with an error handler that returns, and every return code is
 * checked (STYLE.md, library notes).
 */
#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "metrics.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

/* Frees igraph's own cleanup stack and returns: the caller sees the error code. */
static void
net_error_handler(const char *reason, const char *file, int line,
    igraph_error_t err)
{
	(void)reason;
	(void)file;
	(void)line;
	(void)err;
	IGRAPH_FINALLY_FREE();
}

/* Layout warnings (a disconnected graph) are expected; they are not errors. */
static void
net_warning_handler(const char *reason, const char *file, int line)
{
	(void)reason;
	(void)file;
	(void)line;
}

/* Takes the igraph lock and installs the handlers (they are per thread in some builds). */
static void
net_lock(void)
{
	pthread_mutex_lock(&igraph_lock);
	igraph_set_error_handler(net_error_handler);
	igraph_set_warning_handler(net_warning_handler);
}

static void
net_unlock(void)
{
	pthread_mutex_unlock(&igraph_lock);
}

/* ---------------------------------------------------------------- building */

void
metrics_network_init(struct metrics_network *net)
{
	memset(net, 0, sizeof(*net));
	net->backbone = -1;
}

void
metrics_network_release(struct metrics_network *net)
{
	free(net->org);
	VEC_FREE(&net->ties);
	metrics_network_init(net);
}

int
metrics_network_build(const struct program *p, const struct initiative *in,
    const int *team, int n, tdate start, tdate end, struct metrics_network *out)
{
	int norgs, *node = NULL;
	int *latest = NULL;	/* [from * n + to] → in->ties index, or -1 */
	int *freq = NULL;	/* [from * n + to] → frequency of the latest rating */
	double tsum[3] = { 0 }, vsum[3] = { 0 };

	metrics_network_release(out);
	if (p == NULL || in == NULL || n < 0 || (n > 0 && team == NULL))
		return -1;
	norgs = (int)p->orgs.n;
	node = xmalloc(((size_t)norgs + 1) * sizeof(int));
	for (int i = 0; i < norgs; i++)
		node[i] = -1;
	out->n = n;
	out->org = xmalloc(((size_t)n + 1) * sizeof(int));
	for (int i = 0; i < n; i++) {
		out->org[i] = team[i];
		if (team[i] >= 0 && team[i] < norgs)
			node[team[i]] = i;
		if (team[i] == in->backbone.idx)
			out->backbone = i;
	}

	latest = xmalloc(((size_t)n * (size_t)n + 1) * sizeof(int));
	freq = xcalloc((size_t)n * (size_t)n + 1, sizeof(int));
	for (size_t i = 0; i < (size_t)n * (size_t)n; i++)
		latest[i] = -1;
	for (size_t i = 0; i < in->ties.n; i++) {
		const struct tie *t = &in->ties.v[i];
		int a, b, *slot;

		if (t->date == DATE_NONE || t->date < start || t->date > end)
			continue;
		if (t->from.idx < 0 || t->from.idx >= norgs ||
		    t->to.idx < 0 || t->to.idx >= norgs)
			continue;
		a = node[t->from.idx];
		b = node[t->to.idx];
		if (a < 0 || b < 0 || a == b)
			continue;
		/* The latest stands; on the same date, the later in the list. */
		slot = &latest[(size_t)a * (size_t)n + (size_t)b];
		if (*slot < 0 || t->date >= in->ties.v[*slot].date)
			*slot = (int)i;
	}

	for (int a = 0; a < n; a++)
		for (int b = 0; b < n; b++) {
			int k = latest[(size_t)a * (size_t)n + (size_t)b];
			const struct tie *t;
			const int *tr, *va;
			int any_t = 0, any_v = 0;

			if (k < 0)
				continue;
			t = &in->ties.v[k];
			out->ratings++;
			freq[(size_t)a * (size_t)n + (size_t)b] = t->frequency;
			tr = (const int[3]){ t->reliability, t->mission, t->openness };
			va = (const int[3]){ t->influence, t->involvement, t->resources };
			for (int j = 0; j < 3; j++) {
				if (tr[j] >= 1 && tr[j] <= 4) {
					tsum[j] += tr[j];
					out->trust_n[j]++;
					any_t = 1;
				}
				if (va[j] >= 1 && va[j] <= 4) {
					vsum[j] += va[j];
					out->value_n[j]++;
					any_v = 1;
				}
			}
			out->trust_ratings += any_t;
			out->value_ratings += any_v;
		}
	for (int j = 0; j < 3; j++) {
		out->trust_item[j] = out->trust_n[j] ? tsum[j] / (double)out->trust_n[j] : 0;
		out->value_item[j] = out->value_n[j] ? vsum[j] / (double)out->value_n[j] : 0;
	}

	/* An undirected tie when either side rates frequency >= 2. */
	for (int a = 0; a < n; a++)
		for (int b = a + 1; b < n; b++) {
			int fab = freq[(size_t)a * (size_t)n + (size_t)b];
			int fba = freq[(size_t)b * (size_t)n + (size_t)a];
			struct metrics_net_tie *e;

			if (fab < 2 && fba < 2)
				continue;
			e = VEC_PUSH(&out->ties);
			e->a = a;
			e->b = b;
			e->frequency = fab > fba ? fab : fba;
			e->rated_by = (fab >= 2 ? 1 : 0) | (fba >= 2 ? 2 : 0);
		}
	free(node);
	free(latest);
	free(freq);
	return 0;
}

/* ---------------------------------------------------------------- figures */

static void
set_num(struct metrics_figure *f, double v, int64_t n)
{
	f->type = MV_NUMBER;
	f->value = v;
	f->n = n;
}

static void
set_null(struct metrics_figure *f, int64_t n)
{
	f->type = MV_NULL;
	f->value = 0;
	f->n = n;
}

/* Mean of the item means that have any rating; -1 when none has. */
static double
mean_of_means(const double *item, const int64_t *n)
{
	double sum = 0;
	int k = 0;

	for (int j = 0; j < 3; j++)
		if (n[j] > 0) {
			sum += item[j];
			k++;
		}
	return k ? sum / k : -1;
}

/* Builds net as an igraph graph into g. Caller holds the lock. */
static igraph_error_t
net_graph(const struct metrics_network *net, igraph_t *g)
{
	igraph_vector_int_t edges;
	igraph_error_t rc;

	rc = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * net->ties.n));
	if (rc != IGRAPH_SUCCESS)
		return rc;
	for (size_t i = 0; i < net->ties.n; i++) {
		VECTOR(edges)[2 * i] = net->ties.v[i].a;
		VECTOR(edges)[2 * i + 1] = net->ties.v[i].b;
	}
	rc = igraph_create(g, &edges, (igraph_integer_t)net->n, IGRAPH_UNDIRECTED);
	igraph_vector_int_destroy(&edges);
	return rc;
}

/*
 * Largest component with at least one tie, in nodes, of g without vertex
 * drop: 0 when every remaining organization stands alone. Caller holds the lock.
 */
static igraph_error_t
largest_without(const igraph_t *g, int drop, igraph_integer_t *out)
{
	igraph_t h;
	igraph_vector_int_t membership, csize;
	igraph_integer_t ncomp = 0;
	igraph_error_t rc;

	*out = 0;
	if ((rc = igraph_copy(&h, g)) != IGRAPH_SUCCESS)
		return rc;
	if ((rc = igraph_vector_int_init(&membership, 0)) != IGRAPH_SUCCESS) {
		igraph_destroy(&h);
		return rc;
	}
	if ((rc = igraph_vector_int_init(&csize, 0)) != IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&membership);
		igraph_destroy(&h);
		return rc;
	}
	rc = igraph_delete_vertices(&h, igraph_vss_1(drop));
	if (rc == IGRAPH_SUCCESS)
		rc = igraph_connected_components(&h, &membership, &csize, &ncomp,
		    IGRAPH_WEAK);
	if (rc == IGRAPH_SUCCESS)
		for (igraph_integer_t i = 0; i < ncomp; i++)
			if (VECTOR(csize)[i] >= 2 && VECTOR(csize)[i] > *out)
				*out = VECTOR(csize)[i];
	igraph_vector_int_destroy(&csize);
	igraph_vector_int_destroy(&membership);
	igraph_destroy(&h);
	return rc;
}

int
metrics_network_figures(const struct metrics_network *net,
    struct metrics_figure *fig)
{
	igraph_t g;
	igraph_vector_int_t deg;
	igraph_vector_t btw;
	int n = net->n, b = net->backbone, have_g = 0, have_deg = 0, have_btw = 0;
	int64_t r = net->ratings, m = (int64_t)net->ties.n, dsum = 0, dmax = 0;
	igraph_integer_t largest = 0;
	double v;
	int ret = -1;

	for (int f = FIG_NET_DENSITY; f <= FIG_NET_RESILIENCE; f++)
		set_null(&fig[f], r);

	/* Trust and value need no graph. */
	if ((v = mean_of_means(net->trust_item, net->trust_n)) >= 0)
		set_num(&fig[FIG_NET_TRUST], v, net->trust_ratings);
	else
		set_null(&fig[FIG_NET_TRUST], net->trust_ratings);
	if ((v = mean_of_means(net->value_item, net->value_n)) >= 0)
		set_num(&fig[FIG_NET_VALUE], v, net->value_ratings);
	else
		set_null(&fig[FIG_NET_VALUE], net->value_ratings);

	/* Without a single rating in the window there is no network to read. */
	if (r == 0 || n == 0)
		return 0;

	net_lock();
	if (net_graph(net, &g) != IGRAPH_SUCCESS)
		goto out;
	have_g = 1;
	if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS)
		goto out;
	have_deg = 1;
	if (igraph_degree(&g, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS) !=
	    IGRAPH_SUCCESS)
		goto out;
	for (int i = 0; i < n; i++) {
		dsum += VECTOR(deg)[i];
		if (VECTOR(deg)[i] > dmax)
			dmax = VECTOR(deg)[i];
	}
	if (igraph_vector_init(&btw, 0) != IGRAPH_SUCCESS)
		goto out;
	have_btw = 1;
	if (b >= 0 && n >= 3 && igraph_betweenness(&g, &btw, igraph_vss_1(b),
	    IGRAPH_UNDIRECTED, NULL) != IGRAPH_SUCCESS)
		goto out;
	if (b >= 0 && n >= 2 && largest_without(&g, b, &largest) != IGRAPH_SUCCESS)
		goto out;

	if (n >= 2)
		set_num(&fig[FIG_NET_DENSITY], 2.0 * (double)m / ((double)n * (n - 1)), r);
	if (n >= 3) {
		double sum = 0;

		for (int i = 0; i < n; i++)
			sum += (double)(dmax - VECTOR(deg)[i]);
		set_num(&fig[FIG_NET_CENTRALIZATION], sum / ((double)(n - 1) * (n - 2)), r);
	}
	if (b >= 0 && dsum > 0)
		set_num(&fig[FIG_NET_BACKBONE_DEGREE],
		    (double)VECTOR(deg)[b] / (double)dsum, r);
	if (b >= 0 && n >= 3)
		set_num(&fig[FIG_NET_BACKBONE_BETWEENNESS],
		    VECTOR(btw)[0] / ((double)(n - 1) * (n - 2) / 2.0), r);
	if (b >= 0 && n >= 2)
		set_num(&fig[FIG_NET_RESILIENCE], (double)largest / (double)(n - 1), r);
	ret = 0;
out:
	if (have_btw)
		igraph_vector_destroy(&btw);
	if (have_deg)
		igraph_vector_int_destroy(&deg);
	if (have_g)
		igraph_destroy(&g);
	net_unlock();
	if (ret != 0)
		for (int f = FIG_NET_DENSITY; f <= FIG_NET_RESILIENCE; f++)
			if (f != FIG_NET_TRUST && f != FIG_NET_VALUE)
				set_null(&fig[f], r);
	return ret;
}

static int
uf_find(int *parent, int i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

int
metrics_network_groups(const struct metrics_network *net, int *group)
{
	int *parent, *size, largest = 0;

	if (net->n <= 0)
		return 0;
	parent = xcalloc((size_t)net->n, sizeof(int));
	size = xcalloc((size_t)net->n, sizeof(int));
	for (int i = 0; i < net->n; i++)
		parent[i] = i;
	for (size_t k = 0; k < net->ties.n; k++) {
		int a = net->ties.v[k].a, b = net->ties.v[k].b;

		assert(a >= 0 && a < net->n && b >= 0 && b < net->n);
		if (a == net->backbone || b == net->backbone)
			continue;
		parent[uf_find(parent, a)] = uf_find(parent, b);
	}
	for (int i = 0; i < net->n; i++)
		if (i != net->backbone)
			size[uf_find(parent, i)]++;
	for (int i = 0; i < net->n; i++) {
		group[i] = i == net->backbone ? 0 : size[uf_find(parent, i)];
		/* a component is two or more organizations (docs/metrics.md) */
		if (group[i] >= 2 && group[i] > largest)
			largest = group[i];
	}
	free(parent);
	free(size);
	return largest;
}

/* ---------------------------------------------------------------- layout */

/* Node i on a circle, starting at the top and going clockwise. */
static void
circle(int n, double *xy)
{
	for (int i = 0; i < n; i++) {
		double a = 2 * M_PI * i / (n > 0 ? n : 1) - M_PI / 2;

		xy[2 * i] = n > 1 ? 0.5 + 0.5 * cos(a) : 0.5;
		xy[2 * i + 1] = n > 1 ? 0.5 + 0.5 * sin(a) : 0.5;
	}
}

/* Scales xy into 0..1 on both axes, keeping the aspect ratio. */
static void
normalize(int n, double *xy)
{
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY, s;

	for (int i = 0; i < n; i++) {
		x0 = fmin(x0, xy[2 * i]);
		x1 = fmax(x1, xy[2 * i]);
		y0 = fmin(y0, xy[2 * i + 1]);
		y1 = fmax(y1, xy[2 * i + 1]);
	}
	s = fmax(x1 - x0, y1 - y0);
	for (int i = 0; i < n; i++) {
		xy[2 * i] = s > 0 ? (xy[2 * i] - x0) / s + (1 - (x1 - x0) / s) / 2 : 0.5;
		xy[2 * i + 1] = s > 0 ? (xy[2 * i + 1] - y0) / s + (1 - (y1 - y0) / s) / 2 : 0.5;
	}
}

int
metrics_network_layout(const struct metrics_network *net, double *xy)
{
	igraph_t g;
	igraph_matrix_t res;
	int n = net->n, ret = -1, have_g = 0, have_res = 0;

	circle(n, xy);
	if (n < 3 || net->ties.n == 0)
		return 0;
	net_lock();
	/*
	 * Kamada–Kawai started from the circle is deterministic (it draws no
	 * random numbers), so the same network always gives the same map. The
	 * RNG is seeded anyway, in case a build of igraph draws from it.
	 */
	igraph_rng_seed(igraph_rng_default(), 20140601);
	if (net_graph(net, &g) != IGRAPH_SUCCESS)
		goto out;
	have_g = 1;
	if (igraph_matrix_init(&res, n, 2) != IGRAPH_SUCCESS)
		goto out;
	have_res = 1;
	for (int i = 0; i < n; i++) {
		MATRIX(res, i, 0) = xy[2 * i];
		MATRIX(res, i, 1) = xy[2 * i + 1];
	}
	if (igraph_layout_kamada_kawai(&g, &res, 1, 50 * n, 0, n, NULL,
	    NULL, NULL, NULL, NULL) != IGRAPH_SUCCESS)
		goto out;
	for (int i = 0; i < n; i++) {
		if (!isfinite(MATRIX(res, i, 0)) || !isfinite(MATRIX(res, i, 1)))
			goto out;
	}
	for (int i = 0; i < n; i++) {
		xy[2 * i] = MATRIX(res, i, 0);
		xy[2 * i + 1] = MATRIX(res, i, 1);
	}
	normalize(n, xy);
	ret = 0;
out:
	if (have_res)
		igraph_matrix_destroy(&res);
	if (have_g)
		igraph_destroy(&g);
	net_unlock();
	if (ret != 0)
		circle(n, xy);
	return ret;
}
