#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "figures.h"
#include "quantity.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define C_INK	"#1f2933"
#define C_GRID	"#9aa5b1"
#define C_FAINT	"#cbd2d9"
#define C_ACCENT "#1d4ed8"
#define C_GOOD	"#166534"
#define C_AMBER	"#b45309"
#define C_RED	"#9f1239"

/* Formats a coordinate with one decimal into buf. */
static const char *
num(char buf[NUM_BUFSZ], double v)
{
	snprintf(buf, NUM_BUFSZ, "%.1f", v);
	return buf;
}

static void
svg_text(struct html *h, double x, double y, const char *anchor, const char *size,
    const char *fill, const char *text)
{
	char bx[NUM_BUFSZ], by[NUM_BUFSZ];

	html_open(h, "text", "x", num(bx, x), "y", num(by, y), "text-anchor", anchor,
	    "font-size", size, "fill", fill, NULL);
	html_text(h, text);
	html_close(h);
}

static void
svg_line(struct html *h, double x1, double y1, double x2, double y2,
    const char *stroke, const char *width, const char *dash)
{
	char a[NUM_BUFSZ], b[NUM_BUFSZ], c[NUM_BUFSZ], d[NUM_BUFSZ];

	html_void(h, "line", "x1", num(a, x1), "y1", num(b, y1), "x2", num(c, x2),
	    "y2", num(d, y2), "stroke", stroke, "stroke-width", width,
	    "stroke-dasharray", dash, NULL);
}

const char *const chart_mark_words[MARK__MAX] = {
	[MARK_PLAIN] = N_("this initiative"),
	[MARK_CLEAR] = N_("nothing raised"),
	[MARK_ONE] = N_("one alert to discuss"),
	[MARK_SEVERAL] = N_("two or more alerts to discuss"),
};

/* the quadrant's plot area: 60..420 across, 20..380 down, 0..100 on both axes */
#define Q_X0 60.0
#define Q_Y0 20.0
#define Q_SIDE 360.0
#define QX(v) (Q_X0 + Q_SIDE * (v) / 100.0)
#define QY(v) (Q_Y0 + Q_SIDE - Q_SIDE * (v) / 100.0)
/* a label's size: font-size 12, a generous width per character so real text fits */
#define LABEL_CHAR 7.4
#define LABEL_H 15.0
#define MARK_R 7.0

static int
boxes_meet(double ax0, double ay0, double ax1, double ay1, double bx0, double by0, double bx1,
    double by1)
{
	return ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1;
}

/* Characters of a UTF-8 text (its bytes less its continuation bytes). */
static size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* 1 when box b is inside the chart, clear of the corner notes, the labels placed and the points. */
static int
label_fits(const struct chart_point *pts, size_t n, const struct chart_label *out, size_t upto,
    const struct chart_label *b)
{
	/* the notes in the lower corners of the plot (chart_quadrant) */
	static const double notes[2][4] = { { 66, 360, 200, 377 }, { 236, 360, 414, 377 } };

	if (b->x0 < 2 || b->x1 > 438 || b->y0 < Q_Y0 || b->y1 > 392)
		return 0;
	for (size_t k = 0; k < 2; k++)
		if (boxes_meet(b->x0, b->y0, b->x1, b->y1, notes[k][0], notes[k][1], notes[k][2],
		    notes[k][3]))
			return 0;
	for (size_t j = 0; j < upto; j++)
		if (out[j].shown && boxes_meet(b->x0, b->y0, b->x1, b->y1, out[j].x0, out[j].y0,
		    out[j].x1, out[j].y1))
			return 0;
	for (size_t j = 0; j < n; j++) {
		double px, py;

		if (!pts[j].has_value)
			continue;
		px = QX(pts[j].x);
		py = QY(pts[j].y);
		if (boxes_meet(b->x0, b->y0, b->x1, b->y1, px - MARK_R, py - MARK_R, px + MARK_R,
		    py + MARK_R))
			return 0;
	}
	return 1;
}

void
chart_quadrant_labels(const struct chart_point *pts, size_t n, struct chart_label *out)
{
	/* directions tried at each distance: right, left, up-right, up-left, down-right, down-left, up, down */
	static const double dir[8][2] = {
		{ 1, 0 }, { -1, 0 }, { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 }, { 0, -1 }, { 0, 1 },
	};

	for (size_t i = 0; i < n; i++) {
		const struct chart_point *p = &pts[i];
		double px, py, w;
		int done = 0;

		memset(&out[i], 0, sizeof(out[i]));
		if (!p->has_value || !p->label || n < 2)
			continue;
		px = QX(p->x);
		py = QY(p->y);
		w = LABEL_CHAR * (double)text_chars(p->label) + 4;
		/* beside the point first, then further out, ring by ring */
		for (double r = 9; r < 440 && !done; r += r < 30 ? 7 : 14) {
			for (size_t d = 0; d < 8 && !done; d++) {
				struct chart_label b;
				double cx = px + dir[d][0] * r, cy = py + dir[d][1] * r;

				/* the box's edge nearest the point sits at the ring */
				b.x0 = dir[d][0] > 0 ? cx : dir[d][0] < 0 ? cx - w : cx - w / 2;
				b.y0 = dir[d][1] > 0 ? cy : dir[d][1] < 0 ? cy - LABEL_H :
				    cy - LABEL_H / 2;
				b.x1 = b.x0 + w;
				b.y1 = b.y0 + LABEL_H;
				b.shown = 1;
				b.leader = r > 9;
				if (label_fits(pts, n, out, i, &b)) {
					out[i] = b;
					done = 1;
				}
			}
		}
		/* no room anywhere (hundreds of points): the label is left to the table */
	}
}

void
chart_quadrant(struct html *h, const struct chart_point *pts, size_t n, const char *id)
{
	const double x0 = Q_X0, y0 = Q_Y0, side = Q_SIDE;
	struct strbuf desc = STRBUF_INIT, tid = STRBUF_INIT, did = STRBUF_INIT, lab = STRBUF_INIT;
	char bx[NUM_BUFSZ], by[NUM_BUFSZ], b3[NUM_BUFSZ], b4[NUM_BUFSZ];
	struct chart_label *labels;
	int depth, linked = 0;

	strbuf_addf(&tid, "%s-title", id);
	strbuf_addf(&did, "%s-desc", id);
	strbuf_addstr(&desc, _("Each initiative is a point: stepping back across, stepping up upward, "
	    "both 0 to 100."));
	for (size_t i = 0; i < n; i++) {
		strbuf_addch(&desc, ' ');
		if (pts[i].has_value && pts[i].ntrail > 0)
			strbuf_addf(&desc, P_("%s: stepping back %.0f, stepping up %.0f; its trail (the "
			    "faint line) runs through the %zu quarter before, from stepping back %.0f, "
			    "stepping up %.0f.", "%s: stepping back %.0f, stepping up %.0f; its trail (the "
			    "faint line) runs through the %zu quarters before, from stepping back %.0f, "
			    "stepping up %.0f.", pts[i].ntrail), pts[i].label, pts[i].x, pts[i].y,
			    pts[i].ntrail, pts[i].trail[0], pts[i].trail[1]);
		else if (pts[i].has_value && pts[i].has_before)
			strbuf_addf(&desc, _("%s: stepping back %.0f, stepping up %.0f. A year earlier "
			    "(the faint open circle): stepping back %.0f, stepping up %.0f."),
			    pts[i].label, pts[i].x, pts[i].y, pts[i].bx, pts[i].by);
		else if (pts[i].has_value)
			strbuf_addf(&desc, _("%s: stepping back %.0f, stepping up %.0f."),
			    pts[i].label, pts[i].x, pts[i].y);
		else
			strbuf_addf(&desc, _("%s: not enough records to place."), pts[i].label);
		if (pts[i].has_value && pts[i].mark != MARK_PLAIN)
			strbuf_addf(&desc, _(" Marked: %s."), _(chart_mark_words[pts[i].mark]));
	}
	labels = xcalloc(n ? n : 1, sizeof(*labels));
	chart_quadrant_labels(pts, n, labels);
	/* an image cannot hold links (axe: nested-interactive): linked points make it a group */
	for (size_t i = 0; i < n; i++)
		linked |= pts[i].href != NULL && pts[i].has_value;
	depth = h->depth;
	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 -14 440 444",
	    "width", "100%", "role", linked ? "group" : "img", "class", "chart quadrant",
	    "aria-labelledby", tid.buf, "aria-describedby", did.buf, NULL);
	html_open(h, "title", "id", tid.buf, NULL);
	html_text(h, _("The balance: stepping back against stepping up"));
	html_close(h);
	html_open(h, "desc", "id", did.buf, NULL);
	html_text(h, desc.buf);
	html_close(h);

	html_void(h, "rect", "x", "60", "y", "20", "width", "360", "height", "360",
	    "fill", "#ffffff", "stroke", C_GRID, "stroke-width", "1", NULL);
	/* the upper right quadrant is where the balance holds; its words short in every language */
	html_void(h, "rect", "x", "240", "y", "20", "width", "180", "height", "180",
	    "fill", "#ecfdf5", NULL);
	svg_line(h, x0 + side / 2, y0, x0 + side / 2, y0 + side, C_GRID, "1", "4 4");
	svg_line(h, x0, y0 + side / 2, x0 + side, y0 + side / 2, C_GRID, "1", "4 4");
	svg_text(h, 420, 12, "end", "11", C_GOOD, _("✓ steps up and steps back"));
	svg_text(h, 60, 12, "start", "11", C_INK, _("steps up, holds on"));
	svg_text(h, 410, 372, "end", "11", C_INK, _("steps back, little oversight"));
	svg_text(h, 70, 372, "start", "11", C_INK, _("room to grow on both"));
	for (int t = 0; t <= 100; t += 25) {
		char s[8];

		snprintf(s, sizeof(s), "%d", t);
		svg_text(h, x0 + side * t / 100.0, y0 + side + 16, "middle", "11", C_INK, s);
		svg_text(h, x0 - 6, y0 + side - side * t / 100.0 + 4, "end", "11", C_INK, s);
	}
	svg_text(h, x0 + side / 2, 420, "middle", "12", C_INK,
	    _("Stepping back (shares decisions, money, credit) →"));
	html_open(h, "text", "x", "16", "y", num(by, y0 + side / 2), "text-anchor", "middle",
	    "font-size", "12", "fill", C_INK, "transform", "rotate(-90 16 200)", NULL);
	html_text(h, _("Stepping up (oversight, follow-through) →"));
	html_close(h);

	/* the trails first, under every point and label */
	for (size_t i = 0; i < n; i++) {
		const struct chart_point *p = &pts[i];
		double qx, qy;

		if (p->has_value && p->ntrail > 0) {
			/* the quarters before, oldest first, joined up to the point */
			strbuf_reset(&lab);
			for (size_t k = 0; k < p->ntrail; k++)
				strbuf_addf(&lab, "%s%.1f,%.1f", k ? " " : "", QX(p->trail[2 * k]),
				    QY(p->trail[2 * k + 1]));
			strbuf_addf(&lab, " %.1f,%.1f", QX(p->x), QY(p->y));
			html_open(h, "g", "class", "trail quarters", NULL);
			html_void(h, "polyline", "points", lab.buf, "fill", "none", "stroke", C_GRID,
			    "stroke-width", "1.5", NULL);
			for (size_t k = 0; k < p->ntrail; k++)
				html_void(h, "circle", "cx", num(bx, QX(p->trail[2 * k])), "cy",
				    num(by, QY(p->trail[2 * k + 1])), "r", k == 0 ? "3.5" : "2.5",
				    "fill", "#ffffff", "stroke", C_GRID, "stroke-width", "1.2", NULL);
			html_close(h);
			continue;
		}
		if (!p->has_value || !p->has_before)
			continue;
		qx = x0 + side * p->bx / 100.0;
		qy = y0 + side - side * p->by / 100.0;
		html_open(h, "g", "class", "trail", NULL);
		svg_line(h, qx, qy, QX(p->x), QY(p->y), C_GRID, "1.5", "3 2");
		html_void(h, "circle", "cx", num(bx, qx), "cy", num(by, qy), "r", "4",
		    "fill", "#ffffff", "stroke", C_GRID, "stroke-width", "1.5", "class", "before", NULL);
		html_close(h);
	}
	for (size_t i = 0; i < n; i++) {
		const struct chart_point *p = &pts[i];
		const struct chart_label *l = &labels[i];
		double px = QX(p->x), py = QY(p->y);

		if (!p->has_value)
			continue;
		strbuf_reset(&lab);
		strbuf_addf(&lab, _("%s: stepping back %.0f, stepping up %.0f"), p->label, p->x, p->y);
		/* a link whose label is not drawn (a lone point: no labels) is named all the same */
		if (p->href)
			html_open(h, "a", "href", p->href, "aria-label", l->shown ? NULL : lab.buf, NULL);
		html_open(h, "g", NULL);
		if (l->shown && l->leader) {
			/* from the point to the nearest corner of its label's box */
			double ex = px < l->x0 ? l->x0 : px > l->x1 ? l->x1 : px;
			double ey = py < l->y0 ? l->y0 : py > l->y1 ? l->y1 : py;

			svg_line(h, px, py, ex, ey, C_GRID, "1", NULL);
		}
		switch (p->mark) {
		case MARK_ONE:
			strbuf_reset(&desc);
			strbuf_addf(&desc, "M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ", px, py - 8, px + 8,
			    py, px, py + 8, px - 8, py);
			html_void(h, "path", "class", "pt mark-one", "d", desc.buf, "fill", C_AMBER,
			    "stroke", "#ffffff", "stroke-width", "1.5", NULL);
			break;
		case MARK_SEVERAL:
			html_void(h, "rect", "class", "pt mark-several", "x", num(bx, px - 6), "y",
			    num(by, py - 6), "width", "12", "height", "12", "fill", C_RED,
			    "stroke", "#ffffff", "stroke-width", "1.5", NULL);
			break;
		default:
			html_void(h, "circle", "cx", num(bx, px), "cy", num(by, py), "r", "6",
			    "fill", p->mark == MARK_CLEAR ? C_GOOD : C_ACCENT,
			    "stroke", "#ffffff", "stroke-width", "1.5",
			    "class", p->mark == MARK_CLEAR ? "pt mark-clear" : "pt", NULL);
			break;
		}
		if (l->shown) {
			html_open(h, "text", "class", "label", "x", num(b3, l->x0 + 2),
			    "y", num(b4, l->y1 - 3.5), "text-anchor", "start", "font-size", "12",
			    "fill", C_INK, NULL);
			html_text(h, p->label);
			html_close(h);
		}
		html_close(h);
		if (p->href)
			html_close(h);
	}
	html_close_to(h, depth);
	free(labels);
	strbuf_release(&desc);
	strbuf_release(&tid);
	strbuf_release(&did);
	strbuf_release(&lab);
}

/* the small chart of two scores over time: its plot area in SVG units */
#define S_X0 24.0
#define S_X1 172.0
#define S_Y0 6.0
#define S_Y1 60.0
#define SX(i, n) ((n) > 1 ? S_X0 + (S_X1 - S_X0) * (double)(i) / (double)((n) - 1) : (S_X0 + S_X1) / 2)
#define SY(v) (S_Y1 - (S_Y1 - S_Y0) * (v) / 100.0)

/* One score's line and marks over pts: which 0 stepping back, 1 stepping up. */
static void
score_line(struct html *h, const struct chart_score_point *pts, size_t n, int which)
{
	struct strbuf path = STRBUF_INIT;
	char bx[NUM_BUFSZ], by[NUM_BUFSZ];
	int pen = 0;

	for (size_t i = 0; i < n; i++) {
		int has = which ? pts[i].has_up : pts[i].has_back;
		double v = which ? pts[i].up : pts[i].back;

		if (!has) {
			pen = 0;	/* a null quarter breaks the line */
			continue;
		}
		strbuf_addf(&path, "%s%.1f %.1f", pen ? "L" : "M", SX(i, n), SY(v));
		pen = 1;
	}
	if (path.len)
		html_void(h, "path", "d", path.buf, "fill", "none", "stroke",
		    which ? C_GOOD : C_ACCENT, "stroke-width", "2",
		    "stroke-dasharray", which ? "5 3" : NULL, "class", which ? "up" : "back", NULL);
	for (size_t i = 0; i < n; i++) {
		int has = which ? pts[i].has_up : pts[i].has_back;
		double v = which ? pts[i].up : pts[i].back;

		if (!has)
			continue;
		if (which)
			html_void(h, "rect", "x", num(bx, SX(i, n) - 2.5), "y", num(by, SY(v) - 2.5),
			    "width", "5", "height", "5", "fill", C_GOOD, NULL);
		else
			html_void(h, "circle", "cx", num(bx, SX(i, n)), "cy", num(by, SY(v)), "r", "2.8",
			    "fill", C_ACCENT, NULL);
	}
	strbuf_release(&path);
}

void
chart_scores(struct html *h, const struct chart_score_point *pts, size_t n,
    const char *label, const char *id)
{
	struct strbuf tid = STRBUF_INIT, did = STRBUF_INIT, desc = STRBUF_INIT, d = STRBUF_INIT;
	int depth = h->depth;

	strbuf_addf(&tid, "%s-title", id);
	strbuf_addf(&did, "%s-desc", id);
	strbuf_addstr(&desc, _("Stepping back (solid line, round marks) and stepping up (dashed line, "
	    "square marks), 0 to 100, at the end of each quarter:"));
	for (size_t i = 0; i < n; i++) {
		char back[16] = "—", up[16] = "—";

		strbuf_reset(&d);
		figure_date(pts[i].date, &d);
		if (pts[i].has_back)
			snprintf(back, sizeof(back), "%.0f", pts[i].back);
		if (pts[i].has_up)
			snprintf(up, sizeof(up), "%.0f", pts[i].up);
		/* TRANSLATORS: one quarter's end and its two scores ("—" when there is none) */
		strbuf_addf(&desc, _(" %s back %s, up %s;"), d.buf, back, up);
	}
	strbuf_reset(&d);
	if (n == 0)
		strbuf_addstr(&desc, _(" no quarter has ended yet."));
	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 180 80",
	    "width", "100%", "role", "img", "class", "chart score-trend",
	    "aria-labelledby", tid.buf, "aria-describedby", did.buf, NULL);
	html_open(h, "title", "id", tid.buf, NULL);
	html_textf(h, _("%s: the two scores by quarter"), label);
	html_close(h);
	html_open(h, "desc", "id", did.buf, NULL);
	html_text(h, desc.buf);
	html_close(h);
	for (int t = 0; t <= 100; t += 50) {
		char s[8];

		snprintf(s, sizeof(s), "%d", t);
		svg_line(h, S_X0, SY(t), S_X1, SY(t), t == 50 ? C_FAINT : C_GRID, "1",
		    t == 50 ? "3 3" : NULL);
		svg_text(h, S_X0 - 3, SY(t) + 3.5, "end", "10", C_INK, s);
	}
	score_line(h, pts, n, 0);
	score_line(h, pts, n, 1);
	if (n) {
		figure_date(pts[0].date, &d);
		svg_text(h, n > 1 ? S_X0 : SX(0, n), 76, n > 1 ? "start" : "middle", "10", C_INK, d.buf);
		if (n > 1) {
			strbuf_reset(&d);
			figure_date(pts[n - 1].date, &d);
			svg_text(h, S_X1, 76, "end", "10", C_INK, d.buf);
		}
	}
	html_close_to(h, depth);
	strbuf_release(&tid);
	strbuf_release(&did);
	strbuf_release(&desc);
	strbuf_release(&d);
}

/* A round step of 1, 2 or 5 × 10^k near raw (> 0), for axis ticks. */
static double
nice_step(double raw)
{
	double mag = pow(10, floor(log10(raw))), f = raw / mag;

	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/* Appends "VALUE on DATE" of a shared-result point to sb. */
static void
result_point_words(struct strbuf *sb, const char *unit, double v, tdate d, int by)
{
	struct strbuf q = STRBUF_INIT, dt = STRBUF_INIT;

	quantity_format(v, unit, -1, &q);
	figure_date(d, &dt);
	/* the same words as the shared result page's (shared_result.c) */
	strbuf_addf(sb, by ? C_("value and date", "%s by %s") : C_("value and date", "%s on %s"), q.buf, dt.buf);
	strbuf_release(&q);
	strbuf_release(&dt);
}

void
chart_result(struct html *h, const struct initiative *in, tdate as_of, const char *id)
{
	const struct shared_result *r = &in->result;
	const double right = 620, y0 = 40, hgt = 210;
	struct strbuf tid = STRBUF_INIT, did = STRBUF_INIT, desc = STRBUF_INIT, pts = STRBUF_INIT,
	    lab = STRBUF_INIT, tmp = STRBUF_INIT;
	char ba[NUM_BUFSZ], bb[NUM_BUFSZ], bc[NUM_BUFSZ];
	double lo, hi, step, x0, w;
	tdate t0, t1;
	int depth, nobs = 0, decimals, ylast, yfirst, yevery;
	size_t widest = 0;

	if (!in->has_result) {
		html_elem(h, "p", _("No shared result has been recorded for this initiative."));
		return;
	}
	t0 = r->baseline_date;
	t1 = r->target_date;
	lo = fmin(r->baseline_value, r->target_value);
	hi = fmax(r->baseline_value, r->target_value);
	for (size_t i = 0; i < in->observations.n; i++) {
		const struct observation *o = &in->observations.v[i];

		if (o->date > as_of)
			continue;
		lo = fmin(lo, o->value);
		hi = fmax(hi, o->value);
		if (o->date < t0)
			t0 = o->date;
		if (o->date > t1)
			t1 = o->date;
	}
	/* round ticks, 3 to 6 of them, covering every value */
	step = nice_step(hi > lo ? (hi - lo) / 4 : (fabs(hi) > 0 ? fabs(hi) / 4 : 1));
	lo = floor(lo / step) * step;
	hi = ceil(hi / step) * step;
	if (hi <= lo)
		hi = lo + step;
	/*
	 * Room for the names of the path's ends: the one at the lower end
	 * goes under its point, the other above it; a round step more where
	 * either would run over the frame.
	 */
	{
		double low_end = fmin(r->baseline_value, r->target_value);
		double high_end = fmax(r->baseline_value, r->target_value);

		if (hgt * (low_end - lo) / (hi - lo) < 24)
			lo -= step;
		if (hgt * (hi - high_end) / (hi - lo) < 18)
			hi += step;
	}
	decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	/* the plot starts right of the widest tick label */
	for (double v = lo; v <= hi + step / 2; v += step) {
		strbuf_reset(&lab);
		quantity_format_tight(v, r->unit, decimals, &lab);
		if (lab.len > widest)
			widest = lab.len;
	}
	x0 = 16 + 7.0 * (double)widest;
	if (x0 < 56)
		x0 = 56;
	w = right - x0;
	if (t1 <= t0)
		t1 = t0 + 1;
#define XS(t) (x0 + w * (double)((t) - t0) / (double)(t1 - t0))
#define YS(v) (y0 + hgt - hgt * ((v) - lo) / (hi - lo))

	strbuf_addf(&tid, "%s-title", id);
	strbuf_addf(&did, "%s-desc", id);
	{
		struct strbuf unit = STRBUF_INIT, base = STRBUF_INIT, target = STRBUF_INIT;

		quantity_unit_words(r->unit, &unit);
		result_point_words(&base, r->unit, r->baseline_value, r->baseline_date, 0);
		result_point_words(&target, r->unit, r->target_value, r->target_date, 1);
		/* TRANSLATORS: the indicator, its unit, the baseline ("40 on 1 Jan 2015"), the target */
		strbuf_addf(&desc, r->direction == DIR_UP ?
		    _("%s, in %s; good direction up. Baseline %s, target %s.") :
		    _("%s, in %s; good direction down. Baseline %s, target %s."),
		    r->indicator, unit.buf, base.buf, target.buf);
		strbuf_release(&unit);
		strbuf_release(&base);
		strbuf_release(&target);
	}
	depth = h->depth;
	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 640 300",
	    "width", "100%", "role", "img", "class", "chart result",
	    "aria-labelledby", tid.buf, "aria-describedby", did.buf, NULL);
	html_open(h, "title", "id", tid.buf, NULL);
	html_textf(h, _("Shared result: %s"), r->indicator);
	html_close(h);
	for (size_t i = 0; i < in->observations.n; i++) {
		const struct observation *o = &in->observations.v[i];

		if (o->date > as_of)
			continue;
		strbuf_addch(&desc, ' ');
		result_point_words(&desc, r->unit, o->value, o->date, 0);
		strbuf_addch(&desc, '.');
	}
	html_open(h, "desc", "id", did.buf, NULL);
	html_text(h, desc.buf);
	html_close(h);
	html_void(h, "rect", "x", num(ba, x0), "y", num(bb, y0), "width", num(bc, w),
	    "height", "210", "fill", "#ffffff", "stroke", C_GRID, "stroke-width", "1", NULL);
	/* the y axis's title above it, in words: what is measured and in what */
	strbuf_reset(&lab);
	strbuf_addf(&lab, "%s (", r->indicator);
	quantity_unit_words(r->unit, &lab);
	strbuf_addch(&lab, ')');
	svg_text(h, 8, 20, "start", "13", C_INK, lab.buf);
	/* y axis: the round ticks, with the unit */
	for (double v = lo; v <= hi + step / 2; v += step) {
		strbuf_reset(&lab);
		quantity_format_tight(v, r->unit, decimals, &lab);
		svg_line(h, x0, YS(v), x0 + w, YS(v), C_FAINT, "1", NULL);
		svg_text(h, x0 - 6, YS(v) + 4, "end", "12", C_INK, lab.buf);
	}
	/* x axis: the years, at their first day (every second one when there are many) */
	{
		int y, m, d;
		char s[16];

		date_to_ymd(t0, &yfirst, &m, &d);
		if (m > 1 || d > 1)
			yfirst++;
		date_to_ymd(t1, &ylast, &m, &d);
		yevery = ylast - yfirst > 12 ? 2 : 1;
		for (y = yfirst; y <= ylast; y += yevery) {
			double x = XS(date_from_ymd(y, 1, 1));

			svg_line(h, x, y0 + hgt, x, y0 + hgt + 4, C_GRID, "1", NULL);
			snprintf(s, sizeof(s), "%d", y);
			svg_text(h, x, y0 + hgt + 18, "middle", "12", C_INK, s);
		}
	}
	/* the straight path from baseline to target, its ends marked and named */
	svg_line(h, XS(r->baseline_date), YS(r->baseline_value), XS(r->target_date),
	    YS(r->target_value), C_GRID, "2", "6 4");
	html_void(h, "rect", "x", num(ba, XS(r->target_date) - 5), "y",
	    num(bb, YS(r->target_value) - 5), "width", "10", "height", "10", "fill", "#ffffff",
	    "stroke", C_INK, "stroke-width", "1.5", NULL);
	strbuf_reset(&lab);
	quantity_format_tight(r->target_value, r->unit, -1, &tmp);
	strbuf_addf(&lab, _("target %s"), tmp.buf);
	svg_text(h, XS(r->target_date) - 4, YS(r->target_value) +
	    (r->target_value >= r->baseline_value ? -10 : 20), "end", "12", C_INK, lab.buf);
	html_void(h, "rect", "x", num(ba, XS(r->baseline_date) - 5), "y",
	    num(bb, YS(r->baseline_value) - 5), "width", "10", "height", "10", "fill", "#ffffff",
	    "stroke", C_INK, "stroke-width", "1.5", NULL);
	strbuf_reset(&lab);
	strbuf_reset(&tmp);
	quantity_format_tight(r->baseline_value, r->unit, -1, &tmp);
	strbuf_addf(&lab, _("baseline %s"), tmp.buf);
	svg_text(h, XS(r->baseline_date) + 4, YS(r->baseline_value) +
	    (r->target_value >= r->baseline_value ? 20 : -10), "start", "12", C_INK, lab.buf);
	for (size_t i = 0; i < in->observations.n; i++) {
		const struct observation *o = &in->observations.v[i];

		if (o->date > as_of)
			continue;
		strbuf_addf(&pts, "%s%.1f,%.1f", nobs++ ? " " : "", XS(o->date), YS(o->value));
	}
	if (nobs > 1)
		html_void(h, "polyline", "points", pts.buf, "fill", "none", "stroke", C_ACCENT,
		    "stroke-width", "2", NULL);
	for (size_t i = 0; i < in->observations.n; i++) {
		const struct observation *o = &in->observations.v[i];

		if (o->date > as_of)
			continue;
		html_void(h, "circle", "cx", num(ba, XS(o->date)), "cy", num(bb, YS(o->value)),
		    "r", "3.5", "fill", C_ACCENT, NULL);
	}
	if (nobs == 0)
		svg_text(h, x0 + w / 2, y0 + hgt / 2, "middle", "12", C_INK,
		    _("no observations recorded yet"));
	/* the key: what the line and the dashes are */
	svg_line(h, x0, 288, x0 + 24, 288, C_ACCENT, "2", NULL);
	html_void(h, "circle", "cx", num(ba, x0 + 12), "cy", "288", "r", "3", "fill", C_ACCENT, NULL);
	svg_text(h, x0 + 30, 292, "start", "12", C_INK, _("measured"));
	svg_line(h, x0 + 110, 288, x0 + 134, 288, C_GRID, "2", "6 4");
	svg_text(h, x0 + 140, 292, "start", "12", C_INK, _("straight path from baseline to target"));
#undef XS
#undef YS
	html_close_to(h, depth);
	strbuf_release(&tid);
	strbuf_release(&did);
	strbuf_release(&desc);
	strbuf_release(&pts);
	strbuf_release(&lab);
	strbuf_release(&tmp);
}
