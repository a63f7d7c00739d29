/*
 * The partner network map. Every number written is formatted with one
 * decimal from a deterministic layout, so the same network gives the same
 * bytes (the tests compare two drawings).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network_svg.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define C_INK	"#1f2933"
#define C_TIE	"#7b8794"
#define C_RING	"#1f2933"
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/*
 * Map area, in SVG units: the nodes sit in the middle 470 of 900, so a
 * name of LABEL_MAX characters at 15 units fits beside a node on either
 * edge. The page scales the map to its width (viewBox, width 100%).
 */
#define MAP_X0	215.0
#define MAP_Y0	50.0
#define MAP_W	470.0
#define MAP_H	370.0
#define SVG_W	900
#define MAP_BOTTOM 460
/* Node labels longer than this many characters are cut (focus and hover show the full name). */
#define LABEL_MAX 22
#define NODE_R	10.0

/*
 * Okabe–Ito colours (distinguishable with common colour blindness), by
 * enum sector, and a shape of its own for each sector, so that neither
 * colour nor shape carries the sector alone (the legend and the table
 * name it).
 */
static const char *const sector_colours[SECTOR__MAX] = {
	[SECTOR_NONPROFIT] = "#0072b2",
	[SECTOR_PUBLIC] = "#e69f00",
	[SECTOR_PRIVATE] = "#cc79a7",
	[SECTOR_PHILANTHROPY] = "#009e73",
	[SECTOR_EDUCATION] = "#56b4e9",
	[SECTOR_HEALTH] = "#d55e00",
	[SECTOR_FAITH] = "#f0e442",
	[SECTOR_RESIDENT] = "#882255",
	[SECTOR_OTHER] = "#999999",
};

enum shape { SH_CIRCLE, SH_SQUARE, SH_DIAMOND, SH_TRIANGLE, SH_TRIANGLE_DOWN, SH_PENTAGON,
	SH_HEXAGON, SH_STAR, SH_CROSS };

static const enum shape sector_shapes[SECTOR__MAX] = {
	[SECTOR_NONPROFIT] = SH_CIRCLE,
	[SECTOR_PUBLIC] = SH_SQUARE,
	[SECTOR_PRIVATE] = SH_DIAMOND,
	[SECTOR_PHILANTHROPY] = SH_TRIANGLE,
	[SECTOR_EDUCATION] = SH_TRIANGLE_DOWN,
	[SECTOR_HEALTH] = SH_CROSS,
	[SECTOR_FAITH] = SH_PENTAGON,
	[SECTOR_RESIDENT] = SH_HEXAGON,
	[SECTOR_OTHER] = SH_STAR,
};

static const char *const sector_shape_names[] = {
	[SH_CIRCLE] = N_("circle"), [SH_SQUARE] = N_("square"), [SH_DIAMOND] = N_("diamond"),
	[SH_TRIANGLE] = N_("triangle"), [SH_TRIANGLE_DOWN] = N_("triangle pointing down"),
	[SH_PENTAGON] = N_("pentagon"), [SH_HEXAGON] = N_("hexagon"), [SH_STAR] = N_("star"),
	[SH_CROSS] = N_("cross"),
};

static const char *const frequency_names[5] = {
	N_("none"), N_("aware"), N_("cooperate"), N_("coordinate"), N_("integrate"),
};

const char *
network_frequency_name(int frequency)
{
	return frequency >= 0 && frequency <= 4 ? _(frequency_names[frequency]) : _("unknown");
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

/* The characters (code points) of UTF-8 s. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
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
	struct strbuf ties = STRBUF_INIT;
	int alone = 0;

	/* TRANSLATORS: the second %s: "3 ties" (its own plural) */
	strbuf_addf(&ties, P_("%zu tie", "%zu ties", net->ties.n), net->ties.n);
	strbuf_addf(d, P_("The partner network: %d organization, %s.",
	    "The partner network: %d organizations, %s.", net->n), net->n, ties.buf);
	strbuf_release(&ties);
	if (net->backbone >= 0)
		strbuf_addf(d, _(" The backbone, %s, is ringed."),
		    org_name(p, net->org[net->backbone]));
	for (size_t i = 0; i < net->ties.n; i++) {
		const struct metrics_net_tie *t = &net->ties.v[i];

		strbuf_addf(d, _(" %s and %s: %s"), org_name(p, net->org[t->a]),
		    org_name(p, net->org[t->b]), network_frequency_name(t->frequency));
		if (t->rated_by == 3)
			strbuf_addstr(d, _(", named by both."));
		else
			strbuf_addf(d, _(", named by %s only."),
			    org_name(p, net->org[t->rated_by == 1 ? t->a : t->b]));
	}
	for (int i = 0; i < net->n; i++)
		if (degree[i] == 0) {
			strbuf_addstr(d, alone++ ? ", " : _(" With no tie: "));
			strbuf_addstr(d, org_name(p, net->org[i]));
		}
	if (alone)
		strbuf_addch(d, '.');
}

/* Writes the marker of sector sec centred at (x, y), r across its half, with the given class. */
static void
marker(struct html *h, int sec, double x, double y, double r, const char *cls)
{
	static const int corners[] = {
		[SH_TRIANGLE] = 3, [SH_TRIANGLE_DOWN] = 3, [SH_PENTAGON] = 5, [SH_HEXAGON] = 6,
		[SH_STAR] = 10,
	};
	enum shape sh = sector_shapes[sec];
	struct strbuf d = STRBUF_INIT;
	char b1[NUM_BUFSZ], b2[NUM_BUFSZ], b3[NUM_BUFSZ];
	double t = r * 0.38;

	switch (sh) {
	case SH_CIRCLE:
		html_void(h, "circle", "class", cls, "cx", num(b1, x), "cy", num(b2, y),
		    "r", num(b3, r), "fill", sector_colours[sec], "stroke", C_INK,
		    "stroke-width", "1.5", NULL);
		return;
	case SH_SQUARE:
		r *= 0.9;
		strbuf_addf(&d, "M%.1f %.1fh%.1fv%.1fh%.1fz", x - r, y - r, 2 * r, 2 * r, -2 * r);
		break;
	case SH_DIAMOND:
		r *= 1.2;
		strbuf_addf(&d, "M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fz", x, y - r, x + r, y,
		    x, y + r, x - r, y);
		break;
	case SH_CROSS:
		strbuf_addf(&d, "M%.1f %.1fh%.1fv%.1fh%.1fv%.1fh%.1fv%.1fh%.1fv%.1fh%.1fv%.1fh%.1fz",
		    x - t, y - r, 2 * t, r - t, r - t, 2 * t, -(r - t), r - t, -2 * t, -(r - t),
		    -(r - t), -2 * t, r - t);
		break;
	default: {
		/* regular polygons and the star: corners on a circle, the first at the top */
		int n = corners[sh], down = sh == SH_TRIANGLE_DOWN;
		double rr = sh == SH_TRIANGLE || down ? r * 1.25 : r * 1.05;

		for (int k = 0; k < n; k++) {
			double a = 2 * M_PI * k / n + (down ? M_PI : 0);
			double rk = sh == SH_STAR && (k & 1) ? rr * 0.45 : rr;

			strbuf_addf(&d, "%c%.1f %.1f", k ? 'L' : 'M', x + rk * sin(a), y - rk * cos(a));
		}
		strbuf_addch(&d, 'z');
		break;
	}
	}
	html_void(h, "path", "class", cls, "d", d.buf, "fill", sector_colours[sec], "stroke", C_INK,
	    "stroke-width", "1.5", NULL);
	strbuf_release(&d);
}

void
network_swatch(struct html *h, const struct program *p, int org, int backbone)
{
	int sec = sector_of(p, org);

	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "class", "swatch",
	    "viewBox", "0 0 36 36", "width", "22", "height", "22", "aria-hidden", "true",
	    "focusable", "false", NULL);
	if (backbone)
		html_void(h, "circle", "cx", "18", "cy", "18", "r", "16", "fill", "none",
		    "stroke", C_RING, "stroke-width", "2.5", NULL);
	marker(h, sec, 18, 18, backbone ? 9 : 11, NULL);
	html_close(h);
}

/* Draws the legend's swatch of one tie style: a line as wide as frequency f, dashed or not. */
static void
tie_swatch(struct html *h, int f, int dashed)
{
	char w[NUM_BUFSZ];

	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "class", "swatch",
	    "viewBox", "0 0 36 36", "width", "22", "height", "22", "aria-hidden", "true",
	    "focusable", "false", NULL);
	html_void(h, "line", "x1", "2", "y1", "18", "x2", "34", "y2", "18", "stroke", C_TIE,
	    "stroke-width", num(w, 1.5 * (f - 1)), "stroke-dasharray", dashed ? "5 3" : NULL, NULL);
	html_close(h);
}

void
network_legend(struct html *h, const struct program *p, const struct metrics_network *net)
{
	int seen[SECTOR__MAX] = { 0 };

	if (net->ratings == 0 || net->n == 0)
		return;
	for (int i = 0; i < net->n; i++)
		seen[sector_of(p, net->org[i])]++;
	html_open(h, "ul", "class", "legend network-legend", "aria-label", "Key to the map", NULL);
	for (int s = 0; s < SECTOR__MAX; s++) {
		if (!seen[s])
			continue;
		html_open(h, "li", NULL);
		html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "class", "swatch",
		    "viewBox", "0 0 36 36", "width", "22", "height", "22", "aria-hidden", "true",
		    "focusable", "false", NULL);
		marker(h, s, 18, 18, 11, NULL);
		html_close(h);
		html_textf(h, "%s (%s)", sector_names[s], sector_shape_names[sector_shapes[s]]);
		html_close(h);
	}
	if (net->backbone >= 0) {
		html_open(h, "li", NULL);
		network_swatch(h, p, net->org[net->backbone], 1);
		html_text(h, "ringed: the backbone");
		html_close(h);
	}
	for (int f = 2; f <= 4; f++) {
		html_open(h, "li", NULL);
		tie_swatch(h, f, 0);
		html_textf(h, "line: %s", network_frequency_name(f));
		html_close(h);
	}
	html_open(h, "li", NULL);
	tie_swatch(h, 2, 1);
	html_text(h, "dashed: named by one side only");
	html_close(h);
	html_close(h);
}

void
network_svg(struct html *h, const struct program *p, const struct metrics_network *net,
    const char *id)
{
	network_svg_map(h, p, net, id, 1);
}

/* A box on the map, in SVG units. */
struct box {
	double x0, y0, x1, y1;
};

static int
box_hits(const struct box *a, const struct box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The box of node i's marker (its ring and "backbone" under it too). */
static struct box
node_box(const struct metrics_network *net, int i, double x, double y)
{
	struct box b = { x - 13, y - 13, x + 13, y + 13 };

	if (i == net->backbone)
		b = (struct box){ x - 35, y - 19, x + 35, y + 40 };
	return b;
}

/*
 * Places each node's name (LABEL_MAX characters at 15 units, about 8 units
 * a character): beside the node on the outer side, else a little above or
 * below, else on the inner side, wherever it covers no marker and no name
 * placed before it and stays inside the drawing; when nothing is free, the
 * outer side. pos[3i..3i+2]: the text's x, its baseline y, 1 when it ends
 * at x (left of the node). Deterministic, as the layout.
 */
static void
place_names(const struct program *p, const struct metrics_network *net, const double *xy,
    double *pos)
{
	static const double dy[] = { 0, -18, 18, -34, 34 };
	struct box *names = xcalloc((size_t)net->n + 1, sizeof(*names));

	for (int i = 0; i < net->n; i++) {
		double x = MAP_X0 + MAP_W * xy[2 * i], y = MAP_Y0 + MAP_H * xy[2 * i + 1];
		double off = i == net->backbone ? 22 : NODE_R + 8;
		size_t len = utf8_chars(org_name(p, net->org[i]));
		double w = 8.0 * (double)(len < LABEL_MAX ? len : LABEL_MAX);
		int outer = xy[2 * i] < 0.5, found = 0;

		pos[3 * i] = outer ? x - off : x + off;
		pos[3 * i + 1] = y + 5;
		pos[3 * i + 2] = outer;
		for (int side = 0; side < 2 && !found; side++) {
			int left = side == 0 ? outer : !outer;

			for (size_t k = 0; k < sizeof(dy) / sizeof(dy[0]) && !found; k++) {
				double lx = left ? x - off : x + off, ly = y + 5 + dy[k];
				struct box b = { left ? lx - w : lx, ly - 13, left ? lx : lx + w, ly + 4 };
				int ok = b.x0 >= 0 && b.x1 <= SVG_W && b.y0 >= 0 && b.y1 <= MAP_BOTTOM;

				for (int j = 0; j < net->n && ok; j++) {
					struct box nb = node_box(net, j, MAP_X0 + MAP_W * xy[2 * j],
					    MAP_Y0 + MAP_H * xy[2 * j + 1]);

					ok = !box_hits(&b, &nb) && (j >= i || !box_hits(&b, &names[j]));
				}
				if (ok) {
					pos[3 * i] = lx;
					pos[3 * i + 1] = ly;
					pos[3 * i + 2] = left;
					names[i] = b;
					found = 1;
				}
			}
		}
		if (!found) {
			double lx = pos[3 * i];

			names[i] = (struct box){ outer ? lx - w : lx, y - 8, outer ? lx : lx + w, y + 9 };
		}
	}
	free(names);
}

void
network_svg_map(struct html *h, const struct program *p, const struct metrics_network *net,
    const char *id, int legend)
{
	struct strbuf tid = STRBUF_INIT, did = STRBUF_INIT, desc = STRBUF_INIT,
	    lab = STRBUF_INIT, vb = STRBUF_INIT, nid = STRBUF_INIT;
	char b1[NUM_BUFSZ], b2[NUM_BUFSZ], b3[NUM_BUFSZ], b4[NUM_BUFSZ];
	int sectors_seen[SECTOR__MAX] = { 0 }, nsectors = 0, depth, height;
	int *degree;
	double *xy, *pos;

	if (net->ratings == 0 || net->n == 0) {
		html_elem(h, "p", _("No partner network survey was answered in this period."));
		return;
	}
	xy = xcalloc(2 * (size_t)net->n, sizeof(double));
	degree = xcalloc((size_t)net->n, sizeof(int));
	metrics_network_layout(net, xy);
	pos = xcalloc(3 * (size_t)net->n, sizeof(double));
	place_names(p, net, xy, pos);
	for (size_t i = 0; i < net->ties.n; i++) {
		degree[net->ties.v[i].a]++;
		degree[net->ties.v[i].b]++;
	}
	for (int i = 0; i < net->n; i++)
		if (!sectors_seen[sector_of(p, net->org[i])]++)
			nsectors++;
	/* the legend (a file has no page around it): three lines, then the sectors two to a row */
	height = MAP_BOTTOM + (legend ? 24 * 3 + 24 * ((nsectors + 1) / 2) + 10 : 0);

	strbuf_addf(&tid, "%s-title", id);
	strbuf_addf(&did, "%s-desc", id);
	strbuf_addf(&vb, "0 0 %d %d", SVG_W, height);
	describe(&desc, p, net, degree);
	strbuf_addf(&lab, "%d", height);

	depth = h->depth;
	/* a group, not an image: its nodes take the keyboard focus one by one */
	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", vb.buf,
	    "width", "100%", "role", "group", "class", "chart network",
	    "aria-labelledby", tid.buf, "aria-describedby", did.buf, NULL);
	html_open(h, "title", "id", tid.buf, NULL);
	html_text(h, _("Who works with whom: the partner network"));
	html_close(h);
	html_open(h, "desc", "id", did.buf, NULL);
	html_text(h, desc.buf);
	html_close(h);
	html_void(h, "rect", "x", "0", "y", "0", "width", "900", "height", lab.buf,
	    "fill", "#ffffff", NULL);

	/* Ties first, under the nodes. */
	for (size_t i = 0; i < net->ties.n; i++) {
		const struct metrics_net_tie *t = &net->ties.v[i];
		double x1 = MAP_X0 + MAP_W * xy[2 * t->a], y1 = MAP_Y0 + MAP_H * xy[2 * t->a + 1];
		double x2 = MAP_X0 + MAP_W * xy[2 * t->b], y2 = MAP_Y0 + MAP_H * xy[2 * t->b + 1];
		char w[NUM_BUFSZ];

		strbuf_reset(&lab);
		strbuf_addf(&lab, _("%s and %s: %s"), org_name(p, net->org[t->a]),
		    org_name(p, net->org[t->b]), network_frequency_name(t->frequency));
		html_open(h, "line", "x1", num(b1, x1), "y1", num(b2, y1), "x2", num(b3, x2),
		    "y2", num(b4, y2), "stroke", C_TIE,
		    "stroke-width", num(w, 1.5 * (t->frequency - 1)),
		    "stroke-dasharray", t->rated_by == 3 ? NULL : "5 3", NULL);
		html_elem(h, "title", lab.buf);
		html_close(h);
	}

	/*
	 * Each node a focusable group: its marker, a short name (a number on
	 * a phone: the stylesheet swaps them) and the full name, hidden until
	 * the node is hovered or has the keyboard focus.
	 */
	for (int i = 0; i < net->n; i++) {
		double x = MAP_X0 + MAP_W * xy[2 * i], y = MAP_Y0 + MAP_H * xy[2 * i + 1];
		int org = net->org[i], sec = sector_of(p, org), left = pos[3 * i + 2] != 0;
		const char *anchor = left ? "end" : "start";
		double lx = pos[3 * i], ly = pos[3 * i + 1], fx;

		strbuf_reset(&lab);
		if (i == net->backbone)
			strbuf_addf(&lab, P_("%d. %s, the backbone (%s): %d tie",
			    "%d. %s, the backbone (%s): %d ties", degree[i]), i + 1, org_name(p, org),
			    _(sector_names[sec]), degree[i]);
		else
			strbuf_addf(&lab, P_("%d. %s (%s): %d tie", "%d. %s (%s): %d ties", degree[i]),
			    i + 1, org_name(p, org), _(sector_names[sec]), degree[i]);
		strbuf_reset(&nid);
		strbuf_addf(&nid, "%s-node-%d", id, i + 1);
		html_open(h, "g", "class", i == net->backbone ? "node backbone" : "node", "id", nid.buf,
		    "tabindex", "0", "role", "img", "aria-label", lab.buf, NULL);
		html_elem(h, "title", lab.buf);
		if (i == net->backbone)
			html_void(h, "circle", "cx", num(b1, x), "cy", num(b2, y), "r", "17",
			    "fill", "none", "stroke", C_RING, "stroke-width", "3", NULL);
		/* the focus ring, shown by the stylesheet */
		html_void(h, "circle", "class", "n-focus", "cx", num(b1, x), "cy", num(b2, y),
		    "r", "24", "fill", "none", "stroke", C_INK, "stroke-width", "3",
		    "stroke-dasharray", "4 3", "display", "none", NULL);
		marker(h, sec, x, y, NODE_R, "n-mark");
		strbuf_reset(&lab);
		short_label(&lab, org_name(p, org));
		html_open(h, "text", "class", "n-name", "x", num(b1, lx), "y", num(b2, ly),
		    "text-anchor", anchor, "font-size", "15", "fill", C_INK, NULL);
		html_text(h, lab.buf);
		html_close(h);
		strbuf_reset(&lab);
		strbuf_addf(&lab, "%d", i + 1);
		html_open(h, "text", "class", "n-num", "x", num(b1, lx), "y", num(b2, ly),
		    "text-anchor", anchor, "font-size", "15", "font-weight", "bold", "fill", C_INK,
		    "display", "none", NULL);
		html_text(h, lab.buf);
		html_close(h);
		if (i == net->backbone) {
			html_open(h, "text", "class", "n-tag", "x", num(b1, x), "y", num(b2, y + 36),
			    "text-anchor", "middle", "font-size", "13", "fill", C_INK, NULL);
			html_text(h, _("backbone"));
			html_close(h);
		}
		/*
		 * The full name above the node, with a white halo over what lies
		 * beneath; centred on the node but kept inside the map at the
		 * phone's larger type (26 units, ~0.6 of that a character).
		 */
		{
			double half = 0.3 * 26 * (double)utf8_chars(org_name(p, org));

			fx = half >= SVG_W / 2 ? SVG_W / 2 : x < half ? half : x > SVG_W - half ?
			    SVG_W - half : x;
		}
		html_open(h, "text", "class", "n-full", "x", num(b1, fx),
		    "y", num(b2, y - 30), "text-anchor", "middle",
		    "font-size", "16", "font-weight", "bold", "fill", C_INK, "stroke", "#ffffff",
		    "stroke-width", "5", "paint-order", "stroke", "display", "none", NULL);
		html_text(h, org_name(p, org));
		html_close(h);
		html_close(h);
	}

	/* Legend of a file: the ring, the widths, the dashes, then each sector by name. */
	if (legend) {
		double y = MAP_BOTTOM + 20;
		int k = 0;

		html_open(h, "g", "class", "legend", NULL);
		html_void(h, "circle", "cx", "34", "cy", num(b1, y - 5), "r", "10", "fill", "none",
		    "stroke", C_RING, "stroke-width", "3", NULL);
		text_at(h, 56, y, "start", "15", _("ring: the backbone"));
		y += 24;
		for (int f = 2; f <= 4; f++) {
			char w[NUM_BUFSZ];

			html_void(h, "line", "x1", num(b1, 20 + (f - 2) * 200.0), "y1", num(b2, y - 5),
			    "x2", num(b3, 50 + (f - 2) * 200.0), "y2", num(b4, y - 5),
			    "stroke", C_TIE, "stroke-width", num(w, 1.5 * (f - 1)), NULL);
			text_at(h, 58 + (f - 2) * 200.0, y, "start", "15", network_frequency_name(f));
		}
		y += 24;
		html_void(h, "line", "x1", "20", "y1", num(b1, y - 5), "x2", "50", "y2",
		    num(b2, y - 5), "stroke", C_TIE, "stroke-width", "1.5",
		    "stroke-dasharray", "5 3", NULL);
		text_at(h, 58, y, "start", "15", _("dashed: named by one side only"));
		y += 24;
		for (int s = 0; s < SECTOR__MAX; s++) {
			double x = 34 + (k % 2) * 430.0, yy = y + (k / 2) * 24.0;

			if (!sectors_seen[s])
				continue;
			marker(h, s, x, yy - 5, 8, NULL);
			strbuf_reset(&lab);
			strbuf_addf(&lab, "%s (%s)", _(sector_names[s]),
			    _(sector_shape_names[sector_shapes[s]]));
			text_at(h, x + 16, yy, "start", "15", lab.buf);
			k++;
		}
		html_close(h);
	}
	html_close_to(h, depth);
	free(xy);
	free(pos);
	free(degree);
	strbuf_release(&tid);
	strbuf_release(&did);
	strbuf_release(&desc);
	strbuf_release(&lab);
	strbuf_release(&vb);
	strbuf_release(&nid);
}
