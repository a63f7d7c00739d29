#ifndef TRELLIS_DEMO_H
#define TRELLIS_DEMO_H
/*
 * The demo program (DESIGN §10): a fictional Working Communities Challenge
 * round with six invented cities, three years of records, and a deliberate
 * pattern of pitfalls and strengths (docs/demo.md tells each initiative's
 * story; tests/data/demo-expected.txt lists what the report must find for
 * as-of 2016-12-31, 12 months).
 */
#include <stdint.h>

struct program;

/* The seed `trellis demo` uses unless told otherwise. */
#define DEMO_DEFAULT_SEED 1

/* The demo program's slug. */
#define DEMO_PROGRAM_SLUG "wcc-demo"

/*
 * Fills p, which must be empty (program_init), with the whole demo program.
 * The same seed gives the same data, field for field; the seed changes
 * names, dates within their month, amounts and texts, never the pattern of
 * pitfalls and strengths. References are left unresolved (idx
 * REF_UNRESOLVED); model_resolve fills them. The caller releases p with
 * program_release.
 */
void demo_build(struct program *p, uint64_t seed);

#endif
