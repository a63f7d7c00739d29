#ifndef TRELLIS_VALIDATE_H
#define TRELLIS_VALIDATE_H
/*
 * Checking a whole program against DESIGN §2: references that exist,
 * committee ⊆ members, the backbone a member with role backbone, decided ≥
 * proposed, unique ids, survey answers that match their instrument, and so
 * on. The readers check each field's syntax (dates, amounts, enums) as they
 * read; model_validate checks everything that needs the whole program.
 */
#include "model.h"
#include "../util/vec.h"

struct strbuf;
struct kind;

/* The first thing found wrong: "FILE:LINE: FIELD: message". */
struct model_error {
	char file[256];
	unsigned line;
	char field[128];	/* trellis/1 field name, dotted when nested: "director.employer" */
	char msg[512];
	/*
	 * field within the record being checked, with the row of a child list
	 * when the problem is in one ("items.2.code"; else as field): a form
	 * shows the message beside that row's input.
	 */
	char path[160];
};

typedef VEC(struct model_error) model_errors;

/* Fills e; loc may be NULL (no file and line). */
void model_error_set(struct model_error *e, const struct srcloc *loc,
    const char *field, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Appends "FILE:LINE: FIELD: message" (parts that are empty left out). */
void model_error_format(const struct model_error *e, struct strbuf *out);

/*
 * Resolves every reference of p to its index (struct ref.idx) and rebuilds
 * the slug indexes. Adds the built-in instruments first. Returns 0, or -1
 * with e filled when a reference names nothing.
 */
int model_resolve(struct program *p, struct model_error *e);

/*
 * Resolves and checks all of p. Returns 0 when p is valid, or -1 with e
 * describing the first problem in document order.
 */
int model_validate(struct program *p, struct model_error *e);

/*
 * Resolves and checks the one initiative in against p's indexes as they
 * are (p resolved; p is only read, so other threads may read it too): for
 * an initiative read on its own (a store slice) to be put beside the
 * program's catalog, whose organizations and people its references then
 * index. Returns 0, or -1 with e set.
 */
int model_resolve_initiative(const struct program *p, struct initiative *in,
    struct model_error *e);

/*
 * For a form: checks the one record rec of kind k (an initiative-level
 * kind with its initiative in, or a program-level one with in NULL)
 * against p as it is, resolving its references, and adds every problem
 * found to errs instead of stopping at the first (dates in words). What
 * needs the other records (a key used twice, committee ⊆ members) is left
 * to model_validate. p and in are only read. Returns the number added.
 */
int model_check_record(const struct program *p, const struct initiative *in, const struct kind *k,
    void *rec, model_errors *errs);

#endif
