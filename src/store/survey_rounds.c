/*
 * Survey rounds: one-time invitations, the anonymous answers they bring,
 * and closing a round (survey_rounds.h). The anonymity rules are in the
 * header and in docs/surveys.md; this file keeps them by what it does not
 * write: no person, no time, no invitation id on a response.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "accounts.h"
#include "store_impl.h"
#include "survey_rounds.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define HASH_LEN crypto_hash_sha256_BYTES

_Static_assert(HASH_LEN == 32, "the schema checks token hashes of 32 bytes");

/* Returns 1 when token has the form of an invitation token (43 base64url characters). */
static int
token_wellformed(const char *token)
{
	size_t i;

	if (token == NULL)
		return 0;
	for (i = 0; token[i] && i <= SURVEY_TOKEN_CHARS; i++) {
		char c = token[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return i == SURVEY_TOKEN_CHARS;
}

static void
token_hash(const char *token, unsigned char out[HASH_LEN])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

static int
sodium_ready(struct strbuf *err)
{
	if (sodium_init() < 0) {
		strbuf_reset(err);
		strbuf_addstr(err, _("cannot start libsodium"));
		return -1;
	}
	return 0;
}

/*
 * Finds survey ident of initiative slug: sets *id and *closed, returns 0;
 * 1 when there is none.
 */
static int
round_find(struct store *s, const char *initiative, const char *ident, int64_t *id,
    int *closed, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_ROUND_FIND, err);
	int rc, ret = -1;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, initiative);
	db_bind_text(st, 2, ident);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_column_int64(st, 0);
		*closed = !db_column_null(st, 1);
		ret = 0;
	} else if (rc == DB_DONE)
		ret = 1;
	else
		store_sqlerr(s, err, "cannot find the survey");
	store_stmt_done(st);
	return ret;
}

void
survey_team_release(struct survey_team *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].person);
		free(t->v[i].name);
		free(t->v[i].email);
	}
	VEC_FREE(t);
}

void
survey_links_release(struct survey_links *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].member.person);
		free(l->v[i].member.name);
		free(l->v[i].member.email);
		sodium_memzero(l->v[i].token, sizeof(l->v[i].token));
	}
	VEC_FREE(l);
}

/* Reads the team of survey ident of initiative slug into team (inside the caller's transaction). */
static int
team_read(struct store *s, const char *initiative, const char *ident,
    struct survey_team *team, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_ROUND_TEAM, err);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, initiative);
	db_bind_text(st, 2, ident);
	while ((rc = db_step(st)) == DB_ROW) {
		struct survey_member *m = VEC_PUSH(team);
		const char *email = db_column_text(st, 3);
		int g = enum_lookup(group_names, GROUP__MAX,
		    db_column_text(st, 4));

		assert(g >= 0);
		m->id = db_column_int64(st, 0);
		m->person = xstrdup(db_column_text(st, 1));
		m->name = xstrdup(db_column_text(st, 2));
		m->email = email ? xstrdup(email) : NULL;
		m->group = g;
		m->has_link = (int)db_column_int64(st, 5) != 0;
	}
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot read the team of the survey");
		return -1;
	}
	return 0;
}

int
store_survey_team(struct store *s, const char *initiative, const char *ident,
    struct survey_team *team, struct strbuf *err)
{
	int64_t sid;
	int closed, r;

	if (store_begin_read(s, err))
		return -1;
	r = round_find(s, initiative, ident, &sid, &closed, err);
	if (r == 0)
		r = team_read(s, initiative, ident, team, err);
	if (r == 0)
		return store_commit(s, err);
	store_rollback(s);
	return r;
}

/* Makes the invitation of one person of the team, appending its link to out. */
static int
invite_one(struct store *s, int64_t sid, const struct survey_member *m, const char *lang,
    struct survey_links *out, struct strbuf *err)
{
	struct survey_link *l = VEC_PUSH(out);
	unsigned char raw[32], hash[HASH_LEN];
	struct db_stmt *st;
	int r;

	memset(l, 0, sizeof(*l));
	l->member = *m;
	l->member.person = xstrdup(m->person);
	l->member.name = xstrdup(m->name);
	l->member.email = m->email ? xstrdup(m->email) : NULL;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(l->token, sizeof(l->token), raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	token_hash(l->token, hash);
	if ((st = store_stmt(s, ST_INVITATION_INS, err)) == NULL)
		return -1;
	db_bind_int64(st, 1, sid);
	db_bind_blob(st, 2, hash, HASH_LEN);
	db_bind_text(st, 3, group_names[m->group]);
	db_bind_int64(st, 4, m->id);
	db_bind_text(st, 5, lang);
	r = db_step(st);
	store_stmt_done(st);
	if (r != DB_DONE) {
		store_sqlerr(s, err, "cannot store an invitation");
		return -1;
	}
	return 0;
}

int
store_survey_invite(struct store *s, const char *initiative, const char *ident,
    const char *const *people, size_t n, const char *lang, struct survey_links *out,
    const struct store_audit_entry *audit, struct strbuf *err)
{
	struct survey_team team = { NULL, 0, 0 };
	size_t first = out->n;
	int64_t sid;
	int closed, r, ret = -1;

	if (people != NULL && (n < 1 || n > SURVEY_INVITE_MAX)) {
		strbuf_reset(err);
		strbuf_addf(err, _("give between 1 and %d people"), SURVEY_INVITE_MAX);
		return -1;
	}
	if (sodium_ready(err) || store_begin(s, err))
		return -1;
	if ((r = round_find(s, initiative, ident, &sid, &closed, err)) != 0) {
		ret = r;
		goto out;
	}
	if (store_touch_survey(s, sid, err))
		goto out;
	if (closed) {
		ret = 2;
		goto out;
	}
	if (team_read(s, initiative, ident, &team, err))
		goto out;
	for (size_t i = 0; people == NULL && i < team.n; i++)
		if (!team.v[i].has_link && invite_one(s, sid, &team.v[i], lang, out, err))
			goto out;
	for (size_t i = 0; people != NULL && i < n; i++) {
		struct survey_member *m = NULL;

		for (size_t k = 0; k < team.n && m == NULL; k++)
			if (people[i] && strcmp(team.v[k].person, people[i]) == 0)
				m = &team.v[k];
		strbuf_reset(err);
		if (m == NULL) {
			strbuf_addf(err, _("'%s' is not a person of the team of %s (its director, "
			    "or a person of its backbone or of a member organization)"),
			    people[i] ? people[i] : "", initiative);
			ret = 3;
			goto out;
		}
		if (m->has_link) {
			strbuf_addf(err, _("%s (%s) has a link of survey %s already: one link "
			    "per person per round"), m->name, m->person, ident);
			ret = 4;
			goto out;
		}
		if (invite_one(s, sid, m, lang, out, err))
			goto out;
		m->has_link = 1;
	}
	survey_team_release(&team);
	if (store_write_commit(s, audit, err))
		goto wipe;
	return 0;
out:
	store_rollback(s);
	survey_team_release(&team);
wipe:
	/* nothing was made: no token of this call survives */
	while (out->n > first) {
		struct survey_link *l = &out->v[--out->n];

		free(l->member.person);
		free(l->member.name);
		free(l->member.email);
		sodium_memzero(l->token, sizeof(l->token));
	}
	return ret;
}

int
store_survey_close(struct store *s, const char *initiative, const char *ident,
    tdate closed, const struct store_audit_entry *audit, struct strbuf *err)
{
	char date[DATE_BUFSZ];
	struct db_stmt *st;
	int64_t sid;
	int was_closed, r, ret = -1;

	if (store_begin(s, err))
		return -1;
	if ((r = round_find(s, initiative, ident, &sid, &was_closed, err)) != 0) {
		ret = r;
		goto out;
	}
	if (store_touch_survey(s, sid, err))
		goto out;
	if (was_closed) {
		ret = 2;
		goto out;
	}
	if ((st = store_stmt(s, ST_ROUND_CLOSE, err)) == NULL)
		goto out;
	date_format(closed, date);
	db_bind_int64(st, 1, sid);
	db_bind_text_copy(st, 2, date);
	r = db_step(st);
	store_stmt_done(st);
	if (r != DB_DONE) {
		store_sqlerr(s, err, "cannot close the survey");
		goto out;
	}
	if (db_changes(s->db) != 1) {
		ret = 3;	/* open, so the date is before it opened */
		goto out;
	}
	return store_write_commit(s, audit, err);
out:
	store_rollback(s);
	return ret;
}

void
store_invitation_release(struct store_invitation *inv)
{
	free(inv->initiative);
	free(inv->survey);
	free(inv->instrument);
	free(inv->lang);
	memset(inv, 0, sizeof(*inv));
}

/*
 * Reads the invitation of token inside the caller's transaction (or none):
 * fills inv and *id, *sid; returns 0, 1 when there is none.
 */
static int
invitation_get(struct store *s, const char *token, struct store_invitation *inv,
    int64_t *id, int64_t *sid, struct strbuf *err)
{
	unsigned char hash[HASH_LEN];
	struct db_stmt *st;
	int rc, ret = -1;

	memset(inv, 0, sizeof(*inv));
	if (!token_wellformed(token))
		return 1;
	token_hash(token, hash);
	if ((st = store_stmt(s, ST_INVITATION_GET, err)) == NULL)
		return -1;
	db_bind_blob(st, 1, hash, HASH_LEN);
	rc = db_step(st);
	if (rc == DB_ROW) {
		const char *g = db_column_text(st, 2);

		*id = db_column_int64(st, 0);
		*sid = db_column_int64(st, 1);
		inv->group = 0;
		for (int i = 0; i < GROUP__MAX; i++)
			if (g && strcmp(g, group_names[i]) == 0)
				inv->group = i;
		inv->used = (int)db_column_int64(st, 3) != 0;
		inv->closed = !db_column_null(st, 4);
		inv->survey = xstrdup(db_column_text(st, 5));
		inv->initiative = xstrdup(db_column_text(st, 6));
		inv->instrument = xstrdup(db_column_text(st, 7));
		inv->lang = db_column_null(st, 8) ? NULL :
		    xstrdup(db_column_text(st, 8));
		ret = 0;
	} else if (rc == DB_DONE)
		ret = 1;
	else
		store_sqlerr(s, err, "cannot read the invitation");
	store_stmt_done(st);
	return ret;
}

int
store_invitation_find(struct store *s, const char *token,
    struct store_invitation *inv, struct strbuf *err)
{
	int64_t id, sid;

	return invitation_get(s, token, inv, &id, &sid, err);
}

/* Runs a statement that writes and returns no row; 0 or -1 with err set. */
static int
step_done(struct store *s, struct db_stmt *st, const char *what, struct strbuf *err)
{
	int rc = db_step(st);

	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, what);
		return -1;
	}
	return 0;
}

/* A random positive 63-bit id, so a response's row says nothing of its order. */
static int64_t
random_id(void)
{
	uint64_t v;

	do {
		randombytes_buf(&v, sizeof(v));
		v &= INT64_MAX;
	} while (v == 0);
	return (int64_t)v;
}

/*
 * One job of store_invitation_answer_all, in its open transaction: the
 * job's result, or -1 with err set on a failure of the store (the whole
 * transaction must then go).
 */
static int
answer_one(struct store *s, struct store_answer_job *job, struct strbuf *err)
{
	struct store_invitation inv;
	char today[DATE_BUFSZ];
	struct db_stmt *st;
	int64_t id, sid, rid = 0;
	int r, ret = -1;

	job->result = STORE_ANSWER_ERROR;
	if ((r = invitation_get(s, job->token, &inv, &id, &sid, err)) != 0) {
		if (r == 1) {
			job->result = STORE_ANSWER_NONE;
			ret = 0;
		}
		return ret;
	}
	if (store_touch_survey(s, sid, err))
		goto out;
	ret = 0;
	if (inv.used || inv.closed) {
		job->result = inv.used ? STORE_ANSWER_USED : STORE_ANSWER_CLOSED;
		goto out;
	}
	ret = -1;
	/* the count as of the start of today, before this answer joins it */
	if ((st = store_stmt(s, ST_TALLY_MARK, err)) == NULL)
		goto out;
	date_format(date_today(), today);
	db_bind_int64(st, 1, sid);
	db_bind_text_copy(st, 2, today);
	if (step_done(s, st, "cannot keep the day's count", err))
		goto out;
	/*
	 * A random id; on the rare clash with a stored one (the INSERT does
	 * nothing: a failed statement would abort a PostgreSQL transaction),
	 * draw again.
	 */
	for (int tries = 0;; tries++) {
		if ((st = store_stmt(s, ST_RESPONSE_INS_ID, err)) == NULL)
			goto out;
		rid = random_id();
		db_bind_int64(st, 1, rid);
		db_bind_int64(st, 2, sid);
		db_bind_text(st, 3, group_names[inv.group]);
		r = db_step(st);
		store_stmt_done(st);
		if (r != DB_DONE) {
			store_sqlerr(s, err, "cannot store the response");
			goto out;
		}
		if (db_changes(s->db) == 1)
			break;
		if (tries == 3) {
			strbuf_reset(err);
			strbuf_addstr(err, "cannot store the response: its random id was taken 4 times");
			goto out;
		}
	}
	for (size_t i = 0; i < job->n; i++) {
		if ((st = store_stmt(s, ST_ANSWER_INS, err)) == NULL)
			goto out;
		db_bind_int64(st, 1, rid);
		db_bind_int64(st, 2, (int64_t)i);
		db_bind_text(st, 3, job->answers[i].item);
		db_bind_int64(st, 4, job->answers[i].value);
		if (step_done(s, st, "cannot store an answer", err))
			goto out;
	}
	if ((st = store_stmt(s, ST_INVITATION_USE, err)) == NULL)
		goto out;
	db_bind_int64(st, 1, id);
	if (step_done(s, st, "cannot mark the invitation used", err))
		goto out;
	/* read unused in this same transaction: one row, or the store is not what it said */
	if (db_changes(s->db) != 1) {
		strbuf_reset(err);
		strbuf_addstr(err, "internal error: an invitation read unused could not be used");
		goto out;
	}
	job->result = STORE_ANSWER_OK;
	ret = 0;
out:
	store_invitation_release(&inv);
	return ret;
}

int
store_invitation_answer_all(struct store *s, struct store_answer_job *jobs, size_t n,
    struct strbuf *err)
{
	/*
	 * Never an audit log entry: who answered, or when, is what an
	 * anonymous answer must not leave behind (R12); it takes none.
	 */
	if (sodium_ready(err) || store_begin(s, err))
		goto fail;
	for (size_t i = 0; i < n; i++)
		if (answer_one(s, &jobs[i], err) == -1) {
			store_rollback(s);
			goto fail;
		}
	if (store_commit(s, err) == 0)
		return 0;
fail:
	for (size_t i = 0; i < n; i++)
		jobs[i].result = STORE_ANSWER_ERROR;
	return -1;
}

enum store_answer_result
store_invitation_answer(struct store *s, const char *token,
    const struct answer *answers, size_t n, struct strbuf *err)
{
	struct store_answer_job job = { token, answers, n, STORE_ANSWER_ERROR };

	(void)store_invitation_answer_all(s, &job, 1, err);
	return job.result;
}

int
store_survey_invitation_counts(struct store *s, const char *initiative,
    const char *ident, tdate today, struct store_invitation_counts *c, struct strbuf *err)
{
	char day[DATE_BUFSZ];
	struct db_stmt *st;
	int64_t sid;
	int closed, rc;

	memset(c, 0, sizeof(*c));
	if ((rc = round_find(s, initiative, ident, &sid, &closed, err)) != 0)
		return rc == 1 ? 0 : -1;
	if ((st = store_stmt(s, ST_INVITATION_COUNTS, err)) == NULL)
		return -1;
	db_bind_int64(st, 1, sid);
	while ((rc = db_step(st)) == DB_ROW) {
		int g = enum_lookup(group_names, GROUP__MAX, db_column_text(st, 0));

		if (g >= 0)
			c->issued[g] = db_column_int64(st, 1);
	}
	store_stmt_done(st);
	if (rc != DB_DONE)
		goto fail;
	if ((st = store_stmt(s, ST_TALLY_GET, err)) == NULL)
		return -1;
	date_format(today, day);
	db_bind_int64(st, 1, sid);
	db_bind_text_copy(st, 2, day);
	if ((rc = db_step(st)) == DB_ROW)
		c->answers = db_column_int64(st, 0);
	store_stmt_done(st);
	if (rc == DB_ROW)
		return 0;
fail:
	store_sqlerr(s, err, "cannot count the invitations");
	return -1;
}

void
store_survey_default_id(const struct initiative *in, struct strbuf *out)
{
	char id[32];

	for (unsigned k = 1;; k++) {
		size_t i;

		snprintf(id, sizeof(id), "s-%u", k);
		for (i = 0; i < in->surveys.n; i++)
			if (in->surveys.v[i].id && strcmp(in->surveys.v[i].id, id) == 0)
				break;
		if (i == in->surveys.n)
			break;
	}
	strbuf_addstr(out, id);
}

int
store_instrument_usage(struct store *s, const char *program, const char *code,
    struct store_instrument_uses *uses, struct store_slugs *answered, struct strbuf *err)
{
	struct db_stmt *st;
	int rc, ret = -1;

	if (store_begin_read(s, err))
		return -1;
	if ((st = store_stmt(s, ST_INSTRUMENT_SURVEYS, err)) == NULL)
		goto out;
	db_bind_text(st, 1, program);
	db_bind_text(st, 2, code);
	while ((rc = db_step(st)) == DB_ROW) {
		struct store_instrument_use *u = VEC_PUSH(uses);

		memset(u, 0, sizeof(*u));
		u->initiative = xstrdup(db_column_text(st, 0));
		u->initiative_name = xstrdup(db_column_text(st, 1));
		u->survey = xstrdup(db_column_text(st, 2));
		if (date_parse(db_column_text(st, 3), &u->opened))
			u->opened = DATE_NONE;
		u->responses = db_column_int64(st, 4);
	}
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot list the surveys of an instrument");
		goto out;
	}
	if ((st = store_stmt(s, ST_INSTRUMENT_ANSWERED, err)) == NULL)
		goto out;
	db_bind_text(st, 1, program);
	db_bind_text(st, 2, code);
	while ((rc = db_step(st)) == DB_ROW)
		*VEC_PUSH(answered) = xstrdup(db_column_text(st, 0));
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot list the answered items of an instrument");
		goto out;
	}
	ret = 0;
out:
	if (ret == 0)
		return store_commit(s, err);
	store_rollback(s);
	return -1;
}

void
store_instrument_uses_release(struct store_instrument_uses *uses)
{
	for (size_t i = 0; i < uses->n; i++) {
		free(uses->v[i].initiative);
		free(uses->v[i].initiative_name);
		free(uses->v[i].survey);
	}
	VEC_FREE(uses);
}
