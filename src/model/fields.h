#ifndef TRELLIS_FIELDS_H
#define TRELLIS_FIELDS_H
/*
 * Field tables: for every record kind, its trellis/1 fields in document
 * order, with the type, the offset in the struct, and the constraints. The
 * JSON and CSV readers and writers, the store, and model_release all walk
 * these tables, so a field is declared once, here.
 */
#include <stddef.h>
#include <stdint.h>

enum ftype {
	FT_STR,		/* char *: text */
	FT_SLUG,	/* char *: [a-z0-9-]+, 1..64 bytes */
	FT_ID,		/* char *: a record id, [A-Za-z0-9._-]+, 1..64 bytes (a JSON integer is taken as its text) */
	FT_DATE,	/* tdate */
	FT_MONEY,	/* int64_t cents; JSON number of dollars, at most two decimals */
	FT_INT,		/* int64_t, min..max; INT_NONE when optional and absent */
	FT_SMALL,	/* int, min..max; 0 when optional and absent (ratings) */
	FT_REAL,	/* double */
	FT_BOOL,	/* int 0/1 */
	FT_ENUM,	/* int: index into names[] */
	FT_ENUMS,	/* VEC(int): list of names[] indexes, each at most once */
	FT_REF,		/* struct ref to .ref */
	FT_REFS,	/* struct refs to .ref, each at most once */
	FT_OBJECT,	/* nested JSON object; its fields (.sub) are stored in this same record, offsets relative to it (.off unused) */
	FT_LIST,	/* VEC of child records of kind .sub */
	FT_RACI,	/* VEC(struct assignment): JSON object {org: "R"|"A"|"C"|"I"} */
	FT_ANSWERS	/* VEC(struct answer): JSON object {item_code: 1..5} */
};

enum reftype {
	RT_ORG,		/* an organization of the program */
	RT_DECIDER,	/* an organization, "committee" or "team" */
	RT_PERSON,	/* a person of the program */
	RT_INSTRUMENT,	/* an instrument code (built-ins included) */
	RT_GRANT,	/* a grant id of the same initiative */
	RT_INITIATIVE	/* an initiative slug of the program */
};

/* Field flags. */
#define FL_OPTIONAL	0x01	/* may be absent or null; an FT_LIST so is written only when not empty */
#define FL_POSITIVE	0x02	/* FT_MONEY / FT_REAL: must be > 0 */
#define FL_LINES	0x04	/* FT_LIST: written one element per line */
#define FL_KEY		0x08	/* the record's identity within its parent (unique) */
#define FL_LONG		0x10	/* FT_STR: long text (Markdown, notes), up to 64 KiB */
#define FL_MARKDOWN	0x20	/* FT_STR: Markdown, shown rendered (safely) on pages */
/*
 * Added to trellis/1 after its first release (issue 13): optional, and
 * written only when present and not empty — JSON leaves the key out, a CSV
 * column is written only when some row of the file has a value, a CSV
 * file (xlsx sheet) of such a record kind only when it has rows — so that
 * every document without them is written byte for byte as before; a
 * reader takes one that is absent as empty.
 * (Lists of later kinds; fields such as the instruments' Spanish texts,
 * docs/i18n.md.) An FT_ENUM so flagged holds its first name by default
 * (a ledger entry's status "approved") and is written only when not.
 */
#define FL_SPARSE	0x40
/*
 * Set by its own workflow, never by a form or a record's create or update
 * (a ledger entry's status and approvals, src/app/approvals.c): the
 * generic forms leave it out and app_add / app_update keep what the
 * workflow says.
 */
#define FL_WORKFLOW	0x80

struct kind;

struct field {
	const char *name;		/* trellis/1 name */
	enum ftype type;
	size_t off;			/* offset in the record struct */
	unsigned flags;			/* FL_* */
	const char *const *names;	/* FT_ENUM, FT_ENUMS: the names */
	int nnames;
	int64_t min, max;		/* FT_INT, FT_SMALL */
	enum reftype ref;		/* FT_REF, FT_REFS */
	const struct kind *sub;		/* FT_OBJECT, FT_LIST */
	size_t has_off;			/* FT_OBJECT with FL_OPTIONAL: int set when present;
					 * FT_LIST: int set when the list was read (even empty) */
};

struct kind {
	const char *name;		/* record array name in trellis/1 ("decisions"), or the object's name */
	size_t size;			/* sizeof the record struct (FT_LIST children) */
	const struct field *fields;
	int nfields;
};

/* Program-level kinds. */
extern const struct kind kind_program;		/* the "program" object, stored in struct program */
extern const struct kind kind_organization;
extern const struct kind kind_person;
extern const struct kind kind_instrument;
extern const struct kind kind_instrument_item;
extern const struct kind kind_learning;
extern const struct kind kind_learning_note;
extern const struct kind kind_evidence;
extern const struct kind kind_candidate;
extern const struct kind kind_initiative;
/* Initiative-level kinds, in trellis/1 order. */
extern const struct kind kind_observation;
extern const struct kind kind_member;
extern const struct kind kind_responsibility;
extern const struct kind kind_decision;
extern const struct kind kind_grant;
extern const struct kind kind_budget_line;
extern const struct kind kind_ledger_entry;
extern const struct kind kind_approval;		/* a ledger entry's approvals (issue 13) */
extern const struct kind kind_application;
extern const struct kind kind_credit;
extern const struct kind kind_contribution;
extern const struct kind kind_checkin;
extern const struct kind kind_followup;
extern const struct kind kind_event;
extern const struct kind kind_survey;
extern const struct kind kind_response;
extern const struct kind kind_tie;
extern const struct kind kind_proposal;
extern const struct kind kind_proposal_answer;
extern const struct kind kind_alert_response;	/* "responses": the team's answer to an alert */
extern const struct kind kind_action;		/* "actions" agreed in answer to an alert */
extern const struct kind kind_assistance;

/* 1 when field f of rec holds nothing (what FL_SPARSE leaves out). */
int field_empty(const struct field *f, const void *rec);
/*
 * The whole document: "program" (FT_OBJECT of kind_program), then
 * "organizations", "people", "instruments", "learning", "candidates"
 * (optional: written only when there is one), "initiatives" (FT_LIST). "format" is checked by the readers and written first.
 */
extern const struct kind kind_document;

/* Returns the field of k named name, or NULL. */
const struct field *kind_field(const struct kind *k, const char *name);

/* Generic access to a VEC field of any element type. */
struct anyvec {
	void *v;
	size_t n, alloc;
};
#define FIELD_PTR(rec, f) ((void *)((char *)(rec) + (f)->off))
#define FIELD_VEC(rec, f) ((struct anyvec *)FIELD_PTR(rec, f))
/* Appends a zeroed element of kind k to the vector and returns it. */
void *anyvec_push(struct anyvec *v, const struct kind *k);

/* The bytes field f takes in its record (0 for FT_OBJECT: its fields are the record's). */
size_t field_size(const struct field *f);
/*
 * Swaps field f of records a and b (of its kind): an FT_OBJECT's fields and
 * whether it is present alike. Swapping twice restores both.
 */
void field_swap(const struct field *f, void *a, void *b);
/* Frees what rec (of kind k) holds, recursively; rec itself is not freed. */
void kind_release(const struct kind *k, void *rec);
/*
 * kind_release of a record of a program whose strings and link lists are
 * all in its arena (program_use_arena), freed with it: only the lists of
 * records are freed here.
 */
void kind_release_lists(const struct kind *k, void *rec);
/*
 * Makes dst (k->size bytes) a deep copy of src: every string, list and
 * reference its own (release with kind_release). References keep their
 * resolved index (valid against a program of the same arrays); where the
 * record was read from (loc) is not copied.
 */
void kind_copy(const struct kind *k, void *dst, const void *src);

/* Limits on input sizes, checked before allocation. */
#define LIMIT_SLUG	64
#define LIMIT_ID	64
#define LIMIT_STR	1024
#define LIMIT_LONG	65536

#endif
