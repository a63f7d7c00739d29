/*
 * Follow-ups done and learning notes added (funder.h): each builds the new
 * version of its record from the stored one (through its trellis/1 JSON,
 * as the API's PATCH does) and hands it to app_update.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "funder.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* A new record of kind k (rec, zeroed, k->size bytes) with what old holds. Returns 0 or -1 (e). */
static int
record_copy(struct program *p, const struct kind *k, const void *old, void *rec,
    struct model_error *e)
{
	struct strbuf sb = STRBUF_INIT;
	int ret;

	json_write_record(&sb, k, old);
	ret = json_read_record("record", sb.buf, sb.len, k, rec, p, e);
	strbuf_release(&sb);
	return ret;
}

enum app_result
app_followup_done(struct app_write *w, const char *checkin_id, size_t n, const char *actor,
    struct app_change *c, struct model_error *e, struct strbuf *err)
{
	struct checkin rec;
	long i;

	assert(w->in != NULL);
	memset(&rec, 0, sizeof(rec));
	if ((i = app_record_find(&w->p, w->in, &kind_checkin, checkin_id)) < 0) {
		model_error_set(e, NULL, "checkin", _("Initiative '%s' has no check-in '%s'."),
		    w->in->slug, checkin_id);
		return APP_INVALID;
	}
	if (n < 1 || n > w->in->checkins.v[i].follow_ups.n) {
		model_error_set(e, NULL, "n", _("Check-in '%s' has no follow-up %zu."), checkin_id, n);
		return APP_INVALID;
	}
	if (w->in->checkins.v[i].follow_ups.v[n - 1].done) {
		model_error_set(e, NULL, "n", _("Follow-up %zu of check-in '%s' is done already."), n,
		    checkin_id);
		return APP_INVALID;
	}
	if (record_copy(&w->p, &kind_checkin, &w->in->checkins.v[i], &rec, e) == -1) {
		kind_release(&kind_checkin, &rec);
		return APP_INVALID;
	}
	rec.follow_ups.v[n - 1].done = 1;
	return app_update(w->s, &w->p, w->in, &kind_checkin, (size_t)i, &rec, actor, c, e, err);
}

enum app_result
app_learning_note_add(struct app_write *w, size_t q, struct learning_note *note,
    const char *actor, struct app_change *c, struct model_error *e, struct strbuf *err)
{
	struct learning rec;
	struct learning_note *nn;

	assert(w->in == NULL);
	memset(&rec, 0, sizeof(rec));
	if (q >= w->p.learning.n) {
		model_error_set(e, NULL, "question", _("There is no question %zu on the agenda."), q + 1);
		kind_release(&kind_learning_note, note);
		return APP_INVALID;
	}
	if (record_copy(&w->p, &kind_learning, &w->p.learning.v[q], &rec, e) == -1) {
		kind_release(&kind_learning, &rec);
		kind_release(&kind_learning_note, note);
		return APP_INVALID;
	}
	nn = anyvec_push((struct anyvec *)&rec.notes, &kind_learning_note);
	*nn = *note;
	memset(note, 0, sizeof(*note));
	return app_update(w->s, &w->p, NULL, &kind_learning, q, &rec, actor, c, e, err);
}
