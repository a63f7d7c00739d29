#ifndef TRELLIS_NETWORK_SVG_H
#define TRELLIS_NETWORK_SVG_H
/*
 * The partner network map (DESIGN §4): the team as nodes coloured by sector
 * (with a legend naming each sector, and a <title> per node, so colour is
 * never the only carrier), the backbone ringed and labelled, ties as lines
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
 * title/desc ids unique on a page. With no rating in the window, writes a
 * sentence saying so instead.
 */
void network_svg(struct html *h, const struct program *p,
    const struct metrics_network *net, const char *id);

/* The words for a tie frequency 0..4 ("none", "aware", "cooperate", ...). */
const char *network_frequency_name(int frequency);

#endif
