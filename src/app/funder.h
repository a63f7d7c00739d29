#ifndef TRELLIS_APP_FUNDER_H
#define TRELLIS_APP_FUNDER_H
/*
 * The program team's changes of issue 13 that are not a whole record from
 * a form: a check-in's follow-up marked done (from the program page's
 * list), and a learning note added under a question (by the program team,
 * or by a team on its own initiative). Each is an app_update of the one
 * record it changes, on an open write (app/write.h), so it is validated and
 * audited like any other change.
 */
#include <stddef.h>

#include "edit.h"
#include "write.h"

/*
 * Marks follow-up n (from 1) of check-in checkin_id of w's initiative done.
 * APP_INVALID with e set when there is no such check-in or follow-up, or it
 * is done already.
 */
enum app_result app_followup_done(struct app_write *w, const char *checkin_id, size_t n,
    const char *actor, struct app_change *c, struct model_error *e, struct strbuf *err);

/*
 * Adds note (its date, text and initiatives filled in; moved into the
 * program, or released) under question number q (from 0) of w's program
 * (a write of the whole program). APP_INVALID with e set when there is no
 * such question or the note is not valid (the field named as the form's).
 */
enum app_result app_learning_note_add(struct app_write *w, size_t q, struct learning_note *note,
    const char *actor, struct app_change *c, struct model_error *e, struct strbuf *err);

#endif
