#ifndef TRELLIS_APP_EDIT_H
#define TRELLIS_APP_EDIT_H
/*
 * The write path for one record of a program held in memory, shared by the
 * web forms and the JSON API (no HTTP, no SQL here): add, update or delete
 * one record so that the program in memory and the database change
 * together or not at all.
 *
 * Each change runs model_validate over the whole program with the change
 * made; an invalid change is undone in memory (p exactly as before) and
 * reported in the model_error, whose field names the bad field for the
 * form. A valid one is then written in one store transaction; if that
 * fails it is undone in memory too.
 *
 * Each change is audited in its own transaction: the audit log entry (who,
 * when, the record before and after) is passed to the store with the
 * change and written in the same transaction, so there is never a change without its
 * entry nor an entry without its change. actor names who makes it: an
 * account's email, or "cli:<unix user>"; the time is the clock's.
 *
 * The caller holds whatever lock guards p (the web's write lock); nothing
 * here locks. Pointers into p's arrays (other than p and in themselves)
 * may move with an add.
 */
#include <stddef.h>

#include "../model/fields.h"
#include "../model/validate.h"
#include "../util/strbuf.h"

struct store;

/* What app_add, app_update and app_delete return. */
enum app_result {
	APP_ERROR = -1,		/* the store failed: err says why; nothing changed */
	APP_OK = 0,
	APP_INVALID = 1,	/* the change would make p invalid: e says why; nothing changed */
	APP_CONFLICT = 2	/* the record's state refuses it (a closed proposal): e says why */
};

/*
 * The record before and after a change, as JSON (json_write_record_own),
 * and its key, as the audit log recorded them. before is empty for an add,
 * after for a delete. Initialize with APP_CHANGE_INIT; free with
 * app_change_release.
 */
struct app_change {
	struct strbuf before, after;
	struct strbuf key;		/* the record's key as text (id, slug, name, org), or its rowid */
};
#define APP_CHANGE_INIT { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT }
void app_change_release(struct app_change *c);

/* An editable record array of trellis/1. */
struct app_kind {
	const char *name;		/* its trellis/1 array name: "decisions" */
	const struct kind *k;
	int in_initiative;		/* 1: a VEC of struct initiative; 0: of struct program */
	size_t off;			/* offset of that VEC */
};

/* The editable arrays, program-level first; *n is set to their count. */
const struct app_kind *app_kinds(size_t *n);
/* Returns the editable array named name ("decisions", "organizations"), or NULL. */
const struct app_kind *app_kind_find(const char *name);

/*
 * Returns the index of the record of kind k whose key is id, in the array
 * of in (initiative-level kinds) or of p, or -1. The key is the record's
 * FL_KEY field (id, slug, code, name, question, or a member's org); kinds
 * without one (observations, ties) are found by their rowid as decimal
 * text, which stays stable as records come and go.
 */
long app_record_find(const struct program *p, const struct initiative *in,
    const struct kind *k, const char *id);

/* Appends the key of record rec of kind k, as app_record_find takes it, to out. */
void app_record_key(const struct kind *k, const void *rec, struct strbuf *out);

/*
 * Whether record rec of kind k cannot be changed or deleted at all: the
 * built-in instruments (DESIGN §4), which are part of the program, not of
 * its data. app_update and app_delete refuse them.
 */
int app_record_readonly(const struct kind *k, const void *rec);

/*
 * The number of survey answers, in every initiative of p, to item code
 * item of instrument code instrument. app_update refuses to remove an
 * answered item or change its text or category (what the answers meant).
 */
size_t app_item_answers(const struct program *p, const char *instrument, const char *item);

/*
 * Adds rec, a new record of kind k (rowid 0), to the array of in (NULL for
 * a program-level kind). rec's contents are moved into p or, on failure,
 * released: either way rec is left empty. c gets the after JSON and key.
 */
enum app_result app_add(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, void *rec, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err);

/*
 * Replaces the fields of record i of kind k with those of rec (a new
 * version, built like a new record; its rowid is ignored). For
 * kind_initiative only the initiative's own fields change, never its
 * record arrays; kind_program (i = 0, in NULL) changes the program's own
 * fields. A record's key cannot change while other records name it by
 * that key (an organization's slug, a grant's id, ...). rec is left empty
 * either way; on failure record i is exactly as before. c gets both JSONs.
 */
enum app_result app_update(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, size_t i, void *rec, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err);

/*
 * As app_update, but rec's FL_WORKFLOW fields (a ledger entry's status and
 * approvals) are written as given: for the workflow that owns them
 * (src/app/approvals.c). app_update keeps the stored ones, and app_add
 * starts them empty (a ledger entry's status from the approval threshold).
 */
enum app_result app_update_workflow(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, size_t i, void *rec, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err);

/*
 * Deletes record i of kind k: refused (APP_INVALID) when the program would
 * be invalid without it (a grant that ledger entries name, an organization
 * that is a member), (APP_CONFLICT) a ledger entry with approvals, or
 * (APP_ERROR) when the store finds it still named.
 * c gets the before JSON and key.
 */
enum app_result app_delete(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, size_t i, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err);

#endif
