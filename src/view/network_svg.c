/*
 * The partner network map. Every number written is formatted with one
 * decimal from a deterministic layout, so the same network gives the same
 * bytes (the tests compare two drawings).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network_svg.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

#define C_INK	"#1f2933"
#define C_TIE	"#7b8794"
#define C_RING	"#1f2933"

/* Map area, in SVG units. */
#define MAP_X0	180.0
#define MAP_Y0	40.0
#define MAP_W	280.0
#define MAP_H	280.0
#define SVG_W	640
/* Node labels longer than this many characters are cut (the <title> has the full name). */
#define LABEL_MAX 26

/* Okabe–Ito colours (distinguishable with common colour blindness), by enum sector. */
static const char *const sector_colours[SECTOR__MAX] = {
	"#0072b2",	/* nonprofit */
	"#e69f00",	/* public */
	"#cc79a7",	/* private */
	"#009e73",	/* philanthropy */
	"#56b4e9",	/* education */
	"#d55e00",	/* health */
	"#f0e442",	/* faith */
	"#882255",	/* resident */
	"#999999",	/* other */
};

static const char *const frequency_names[5] = {
	"none", "aware", "cooperate", "coordinate", "integrate",
};

const char *
network_frequency_name(int frequency)
{
	return frequency >= 0 && frequency <= 4 ? frequency_names[frequency] : "unknown";
}

static const char *
num(char buf[NUM_BUFSZ], double v)
{
	snprintf(buf, NUM_BUFSZ, "%.1f", v);
	return buf;
}

static int
sector_of(const struct program *p, int org)
{
	int s = p->orgs.v[org].sector;

	return s >= 0 && s < SECTOR__MAX ? s : SECTOR_OTHER;
}

static const char *
org_name(const struct program *p, int org)
{
	const struct organization *o = &p->orgs.v[org];

	return o->name ? o->name : o->slug;
}

/* Appends name cut to LABEL_MAX characters (code points), with "…" when cut. */
static void
short_label(struct strbuf *out, const char *name)
{
	size_t chars = 0;
	const char *s;

	for (s = name; *s; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80 && chars++ == LABEL_MAX - 1) {
			strbuf_addstr(out, "…");
			return;
		}
		strbuf_addch(out, *s);
	}
}

static void
text_at(struct html *h, double x, double y, const char *anchor, const char *size,
    const char *text)
{
	char bx[NUM_BUFSZ], by[NUM_BUFSZ];

	html_open(h, "text", "x", num(bx, x), "y", num(by, y), "text-anchor", anchor,
	    "font-size", size, "fill", C_INK, NULL);
	html_text(h, text);
	html_close(h);
}

/* The map in words: every organization, every tie, who stands alone. */
static void
describe(struct strbuf *d, const struct program *p, const struct metrics_network *net,
    const int *degree)
{
	int alone = 0;

	strbuf_addf(d, "The partner network: %d organization%s, %zu tie%s.", net->n,
	    net->n == 1 ? "" : "s", net->ties.n, net->ties.n == 1 ? "" : "s");
	if (net->backbone >= 0)
		strbuf_addf(d, " The backbone, %s, is ringed.",
		    org_name(p, net->org[net->backbone]));
	for (size_t i = 0; i < net->ties.n; i++) {
		const struct metrics_net_tie *t = &net->ties.v[i];

		strbuf_addf(d, " %s and %s: %s", org_name(p, net->org[t->a]),
		    org_name(p, net->org[t->b]), network_frequency_name(t->frequency));
		if (t->rated_by == 3)
			strbuf_addstr(d, ", named by both.");
		else
			strbuf_addf(d, ", named by %s only.",
			    org_name(p, net->org[t->rated_by == 1 ? t->a : t->b]));
	}
	for (int i = 0; i < net->n; i++)
		if (degree[i] == 0) {
			strbuf_addstr(d, alone++ ? ", " : " With no tie: ");
			strbuf_addstr(d, org_name(p, net->org[i]));
		}
	if (alone)
		strbuf_addch(d, '.');
}

void
network_svg(struct html *h, const struct program *p, const struct metrics_network *net,
    const char *id)
{
	struct strbuf tid = STRBUF_INIT, did = STRBUF_INIT, desc = STRBUF_INIT,
	    lab = STRBUF_INIT, vb = STRBUF_INIT;
	char b1[NUM_BUFSZ], b2[NUM_BUFSZ], b3[NUM_BUFSZ], b4[NUM_BUFSZ];
	int sectors_seen[SECTOR__MAX] = { 0 }, nsectors = 0, depth, height;
	int *degree;
	double *xy;

	if (net->ratings == 0 || net->n == 0) {
		html_elem(h, "p", "No partner network survey was answered in this period.");
		return;
	}
	xy = xcalloc(2 * (size_t)net->n, sizeof(double));
	degree = xcalloc((size_t)net->n, sizeof(int));
	metrics_network_layout(net, xy);
	for (size_t i = 0; i < net->ties.n; i++) {
		degree[net->ties.v[i].a]++;
		degree[net->ties.v[i].b]++;
	}
	for (int i = 0; i < net->n; i++)
		if (!sectors_seen[sector_of(p, net->org[i])]++)
			nsectors++;
	/* legend: three fixed lines, then the sectors three to a row */
	height = (int)(MAP_Y0 + MAP_H) + 30 + 18 * 3 + 18 * ((nsectors + 2) / 3) + 10;

	strbuf_addf(&tid, "%s-title", id);
	strbuf_addf(&did, "%s-desc", id);
	strbuf_addf(&vb, "0 0 %d %d", SVG_W, height);
	describe(&desc, p, net, degree);
	strbuf_addf(&lab, "%d", height);

	depth = h->depth;
	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", vb.buf,
	    "width", "100%", "role", "img", "class", "chart network",
	    "aria-labelledby", tid.buf, "aria-describedby", did.buf, NULL);
	html_open(h, "title", "id", tid.buf, NULL);
	html_text(h, "Who works with whom: the partner network");
	html_close(h);
	html_open(h, "desc", "id", did.buf, NULL);
	html_text(h, desc.buf);
	html_close(h);
	html_void(h, "rect", "x", "0", "y", "0", "width", "640", "height", lab.buf,
	    "fill", "#ffffff", NULL);

	/* Ties first, under the nodes. */
	for (size_t i = 0; i < net->ties.n; i++) {
		const struct metrics_net_tie *t = &net->ties.v[i];
		double x1 = MAP_X0 + MAP_W * xy[2 * t->a], y1 = MAP_Y0 + MAP_H * xy[2 * t->a + 1];
		double x2 = MAP_X0 + MAP_W * xy[2 * t->b], y2 = MAP_Y0 + MAP_H * xy[2 * t->b + 1];
		char w[NUM_BUFSZ];

		strbuf_reset(&lab);
		strbuf_addf(&lab, "%s and %s: %s", org_name(p, net->org[t->a]),
		    org_name(p, net->org[t->b]), network_frequency_name(t->frequency));
		html_open(h, "line", "x1", num(b1, x1), "y1", num(b2, y1), "x2", num(b3, x2),
		    "y2", num(b4, y2), "stroke", C_TIE,
		    "stroke-width", num(w, 1.5 * (t->frequency - 1)),
		    "stroke-dasharray", t->rated_by == 3 ? NULL : "5 3", NULL);
		html_elem(h, "title", lab.buf);
		html_close(h);
	}

	for (int i = 0; i < net->n; i++) {
		double x = MAP_X0 + MAP_W * xy[2 * i], y = MAP_Y0 + MAP_H * xy[2 * i + 1];
		int org = net->org[i], sec = sector_of(p, org), right = xy[2 * i] < 0.5;

		strbuf_reset(&lab);
		strbuf_addf(&lab, "%s%s (%s): %d tie%s", org_name(p, org),
		    i == net->backbone ? ", the backbone" : "", sector_names[sec],
		    degree[i], degree[i] == 1 ? "" : "s");
		html_open(h, "g", NULL);
		html_elem(h, "title", lab.buf);
		if (i == net->backbone)
			html_void(h, "circle", "cx", num(b1, x), "cy", num(b2, y), "r", "14",
			    "fill", "none", "stroke", C_RING, "stroke-width", "2.5", NULL);
		html_void(h, "circle", "cx", num(b1, x), "cy", num(b2, y), "r", "8",
		    "fill", sector_colours[sec], "stroke", C_INK, "stroke-width", "1", NULL);
		strbuf_reset(&lab);
		short_label(&lab, org_name(p, org));
		text_at(h, right ? x - 17 : x + 17, y + 4, right ? "end" : "start", "11", lab.buf);
		if (i == net->backbone)
			text_at(h, x, y + 27, "middle", "11", "backbone");
		html_close(h);
	}

	/* Legend: the ring, the widths, the dashes, then each sector by name. */
	{
		double y = MAP_Y0 + MAP_H + 30;
		int k = 0;

		html_open(h, "g", NULL);
		html_void(h, "circle", "cx", "30", "cy", num(b1, y - 4), "r", "8", "fill", "none",
		    "stroke", C_RING, "stroke-width", "2.5", NULL);
		text_at(h, 48, y, "start", "11", "ring: the backbone");
		y += 18;
		for (int f = 2; f <= 4; f++) {
			char w[NUM_BUFSZ];

			html_void(h, "line", "x1", num(b1, 20 + (f - 2) * 150.0), "y1", num(b2, y - 4),
			    "x2", num(b3, 44 + (f - 2) * 150.0), "y2", num(b4, y - 4),
			    "stroke", C_TIE, "stroke-width", num(w, 1.5 * (f - 1)), NULL);
			text_at(h, 50 + (f - 2) * 150.0, y, "start", "11", network_frequency_name(f));
		}
		y += 18;
		html_void(h, "line", "x1", "20", "y1", num(b1, y - 4), "x2", "44", "y2",
		    num(b2, y - 4), "stroke", C_TIE, "stroke-width", "1.5",
		    "stroke-dasharray", "5 3", NULL);
		text_at(h, 50, y, "start", "11", "dashed: named by one side only");
		y += 18;
		for (int s = 0; s < SECTOR__MAX; s++) {
			double x = 30 + (k % 3) * 150.0, yy = y + (k / 3) * 18.0;

			if (!sectors_seen[s])
				continue;
			html_void(h, "circle", "cx", num(b1, x), "cy", num(b2, yy - 4), "r", "6",
			    "fill", sector_colours[s], "stroke", C_INK, "stroke-width", "1", NULL);
			text_at(h, x + 12, yy, "start", "11", sector_names[s]);
			k++;
		}
		html_close(h);
	}
	html_close_to(h, depth);
	free(xy);
	free(degree);
	strbuf_release(&tid);
	strbuf_release(&did);
	strbuf_release(&desc);
	strbuf_release(&lab);
	strbuf_release(&vb);
}
