#ifndef TRELLIS_VIEW_REPORT_JSON_H
#define TRELLIS_VIEW_REPORT_JSON_H
/*
 * The balance report and the capacity assessment as JSON, exactly in the
 * shapes of DESIGN §3 ("JSON shape") and §5: other tools parse them. Numbers
 * use real_format (shortest text that reads back to the same double), money
 * money_format (dollars). Output is one line, no trailing newline.
 */
#include <stddef.h>

#include "../metrics/metrics.h"

struct strbuf;

/* Appends report r as a JSON object to out (the caller owns out). */
void report_json_write(const struct report *r, struct strbuf *out);

/* Appends the reports rs[0..n) as a JSON array (`report --all`) to out. */
void report_json_write_array(const struct report *rs, size_t n,
    struct strbuf *out);

/* Appends a score as the report writes it: {"value": V|null, "parts": {NAME: V, ...}}. */
void report_json_score(struct strbuf *out, const struct metrics_score *sc);

/* Appends capacity c as a JSON object to out; "gaps" only when c->has_gaps. */
void capacity_json_write(const struct capacity *c, struct strbuf *out);

#endif
