#ifndef TRELLIS_NETWORK_SVG_H
#define TRELLIS_NETWORK_SVG_H
/*
 * The partner network map (DESIGN §4): the team as nodes coloured (Okabe–Ito)
 * and shaped by sector (with a legend naming each sector and its shape, and
 * a <title> per node, so colour is never the only carrier), numbered 1..n
 * in node order, each node focusable with its full name shown on hover and
 * focus, the backbone ringed and labelled, ties as lines
 * whose width grows with how closely the two work together, dashed when
 * only one side named the tie. The layout comes from
 * metrics_network_layout, which is deterministic: the same network gives
 * the same bytes. <title> and <desc> say the whole map in words.
 * Presentation attributes only, as in chart.c.
 */
#include "html.h"
#include "../metrics/metrics.h"

/*
 * Writes the map of net (p gives the names and sectors); id makes the
 * title/desc ids unique on a page (node i is "{id}-node-{i+1}"). The
 * legend is drawn inside the SVG when legend is 1 (a file, the printed
 * report); a page writes network_legend beside it instead. With no rating
 * in the window, writes a sentence saying so instead.
 */
void network_svg_map(struct html *h, const struct program *p,
    const struct metrics_network *net, const char *id, int legend);
/* network_svg_map with the legend inside. */
void network_svg(struct html *h, const struct program *p,
    const struct metrics_network *net, const char *id);

/* The map's key as an HTML list: each sector's colour and shape, the ring, the ties. */
void network_legend(struct html *h, const struct program *p, const struct metrics_network *net);

/* A small marker of org's sector (ringed for the backbone), hidden from screen readers. */
void network_swatch(struct html *h, const struct program *p, int org, int backbone);

/* The words for a tie frequency 0..4 ("none", "aware", "cooperate", ...). */
const char *network_frequency_name(int frequency);
/* A sector's name as people read it, in the language in use ("nonprofit"). */
const char *network_sector_label(int sector);

#endif
