/*
 * Unit tests for src/store/survey_rounds.c: invitations made for an open
 * round and stored only as the hashes of their tokens (the token's text is
 * nowhere in the database's files), an answer that uses its invitation up
 * and stores a response with nothing joining the two, refusals of a used,
 * unknown, malformed or closed round's token, closing a round, an answer
 * failing half way leaving nothing behind, the counts of links made and
 * used, and the default id of a new round.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <sodium.h>

#include "store/store_impl.h"
#include "store/survey_rounds.h"
#include "model/fields.h"
#include "model/validate.h"
#include "io/json.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "../io/fixture_small.h"
#include "../fixture_db.h"

struct fx {
	struct store *s;
	struct program p;
};

/*
 * The small fixture with two open rounds of director-support added to i1
 * beside its closed s1: "open1" and "open2", no responses.
 */
static char *
fixture_rounds(void)
{
	static const char anchor[] = "   \"surveys\": [\n";
	static const char added[] =
	    "    {\"id\": \"open1\", \"instrument\": \"director-support\", \"opened\": \"2016-01-04\", \"closed\": null, \"responses\": []},\n"
	    "    {\"id\": \"open2\", \"instrument\": \"director-support\", \"opened\": \"2016-02-01\", \"closed\": null, \"responses\": []},\n";
	/* the team beside the director: b1, b2 of the backbone, p1..p5 of member pa; x1 of pb, no member */
	static const char person_anchor[] = "\"org\": \"bb\"}\n";
	static const char people[] =
	    ",\n  {\"slug\": \"b1\", \"name\": \"Bea One\", \"email\": null, \"org\": \"bb\"}"
	    ",\n  {\"slug\": \"b2\", \"name\": \"Bo Two\", \"email\": null, \"org\": \"bb\"}"
	    ",\n  {\"slug\": \"p1\", \"name\": \"Pat One\", \"email\": null, \"org\": \"pa\"}"
	    ",\n  {\"slug\": \"p2\", \"name\": \"Pat Two\", \"email\": null, \"org\": \"pa\"}"
	    ",\n  {\"slug\": \"p3\", \"name\": \"Pat Three\", \"email\": null, \"org\": \"pa\"}"
	    ",\n  {\"slug\": \"p4\", \"name\": \"Pat Four\", \"email\": null, \"org\": \"pa\"}"
	    ",\n  {\"slug\": \"p5\", \"name\": \"Pat Five\", \"email\": null, \"org\": \"pa\"}"
	    ",\n  {\"slug\": \"x1\", \"name\": \"Ex One\", \"email\": null, \"org\": \"pb\"}\n";
	const char *at = strstr(fixture_small, anchor);
	const char *pat = strstr(fixture_small, person_anchor);
	struct strbuf sb = STRBUF_INIT;

	if (at == NULL || pat == NULL || pat > at)
		return NULL;
	pat += strlen(person_anchor) - 1;	/* before the newline */
	at += strlen(anchor);
	strbuf_add(&sb, fixture_small, (size_t)(pat - fixture_small));
	strbuf_addstr(&sb, people);
	strbuf_add(&sb, pat + 1, (size_t)(at - pat - 1));
	strbuf_addstr(&sb, added);
	strbuf_addstr(&sb, at);
	return strbuf_detach(&sb, NULL);
}

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	struct model_error e;
	char *doc = fixture_rounds();

	if (doc == NULL || sodium_init() < 0)
		return -1;
	program_init(&fx->p);
	if (json_read_program("rounds.json", doc, strlen(doc), &fx->p, &e) != 0 ||
	    model_validate(&fx->p, &e) != 0) {
		fprintf(stderr, "fixture: %s\n", e.msg);
		return -1;
	}
	free(doc);
	if (fixture_db_create(&fx->p, &fx->s) != 0)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	if (fx->s)
		store_close(fx->s);
	program_release(&fx->p);
	free(fx);
	return fixture_db_remove();
}

/* One integer from a query with an optional text parameter (the store's connection). */
static int64_t
sql_int(struct store *s, const char *sql, const char *param)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st;
	int64_t v;

	if ((st = db_prepare(s->db, sql, &err)) == NULL)
		fail_msg("%s: %s", sql, err.buf);
	if (param)
		db_bind_text(st, 1, param);
	assert_int_equal(db_step(st), DB_ROW);
	v = db_column_int64(st, 0);
	db_finalize(st);
	strbuf_release(&err);
	return v;
}

/* Responses stored for survey ident of i1. */
static int64_t
responses_of(struct store *s, const char *ident)
{
	return sql_int(s, "SELECT count(*) FROM response r JOIN survey v ON v.id = r.survey_id"
	    " WHERE v.ident = ?1", ident);
}

/* The texts of column 0 of sql (its ?1 is param), comma-separated in order, into out. */
static void
sql_list(struct store *s, const char *sql, const char *param, struct strbuf *out)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st;
	int rc;

	strbuf_reset(out);
	if ((st = db_prepare(s->db, sql, &err)) == NULL)
		fail_msg("%s: %s", sql, err.buf);
	db_bind_text(st, 1, param);
	while ((rc = db_step(st)) == DB_ROW)
		strbuf_addf(out, "%s%s", out->len ? "," : "", db_column_text(st, 0));
	assert_int_equal(rc, DB_DONE);
	db_finalize(st);
	strbuf_release(&err);
}

/* Columns of table, comma-separated in order, into out. */
static void
columns_of(struct store *s, const char *table, struct strbuf *out)
{
	sql_list(s, fixture_on_pg() ?
	    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
	    " AND table_name = ?1 ORDER BY ordinal_position" :
	    "SELECT name FROM pragma_table_info(?1) ORDER BY cid", table, out);
}

/* The tables table's foreign keys point to, comma-separated, into out. */
static void
references_of(struct store *s, const char *table, struct strbuf *out)
{
	sql_list(s, fixture_on_pg() ?
	    "SELECT t.relname FROM pg_constraint c JOIN pg_class f ON f.oid = c.conrelid"
	    " JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace n ON n.oid = f.relnamespace"
	    " WHERE n.nspname = current_schema() AND f.relname = ?1 AND c.contype = 'f'"
	    " ORDER BY t.relname" :
	    "SELECT \"table\" FROM pragma_foreign_key_list(?1) ORDER BY id", table, out);
}

/* 1 when needle's bytes occur in the file at path (0 when there is no such file). */
static int
file_contains(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n, len = strlen(needle);
	int found = 0;

	if (f == NULL)
		return 0;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	for (size_t i = 0; !found && sb.len >= len && i <= sb.len - len; i++)
		found = memcmp(sb.buf + i, needle, len) == 0;
	strbuf_release(&sb);
	return found;
}

/*
 * 1 when needle is in the database file, its WAL or its shared memory; on
 * PostgreSQL (whose files are the server's) in the text of any row of any
 * table of the schema, through a connection of its own.
 */
static int
db_contains(const char *needle)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char path[sizeof(fixture_db) + 16];

	if (fixture_on_pg()) {
		struct strbuf err = STRBUF_INIT;
		struct db *d = NULL;
		struct db_stmt *st = NULL;
		int64_t n = -1;

		if (db_open(fixture_db, 0, &d, &err) != 0 || (st = db_prepare(d,
		    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
		    " AND table_type = 'BASE TABLE' AND strpos(CAST(query_to_xml('SELECT * FROM '"
		    " || quote_ident(table_name), true, false, '') AS TEXT), ?1) > 0", &err)) == NULL)
			fail_msg("db_contains: %s", err.buf);
		db_bind_text(st, 1, needle);
		if (db_step(st) == DB_ROW)
			n = db_column_int64(st, 0);
		db_finalize(st);
		db_close(d);
		strbuf_release(&err);
		assert_true(n >= 0);
		return n > 0;
	}
	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", fixture_db, suffix[i]);
		if (file_contains(path, needle))
			return 1;
	}
	return 0;
}

/*
 * libsodium's random bytes (the system's), with a replay for the response
 * id: while forced_ids > 0, a draw of 8 bytes (random_id's) gives
 * forced_id. Installed in main, before sodium_init.
 */
static int64_t forced_id;
static int forced_ids;

static void
test_random_buf(void *buf, size_t size)
{
	if (size == sizeof(forced_id) && forced_ids > 0) {
		forced_ids--;
		memcpy(buf, &forced_id, size);
		return;
	}
	randombytes_sysrandom_implementation.buf(buf, size);
}

static uint32_t
test_random(void)
{
	uint32_t v;

	test_random_buf(&v, sizeof(v));
	return v;
}

static const char *
test_random_name(void)
{
	return "test";
}

static randombytes_implementation test_rng = {
	.implementation_name = test_random_name,
	.random = test_random,
	.buf = test_random_buf,
};

static int
token_is_base64url(const char *t)
{
	if (strlen(t) != SURVEY_TOKEN_CHARS)
		return 0;
	for (; *t; t++)
		if (!((*t >= 'A' && *t <= 'Z') || (*t >= 'a' && *t <= 'z') ||
		    (*t >= '0' && *t <= '9') || *t == '-' || *t == '_'))
			return 0;
	return 1;
}

/*
 * Makes the links of the people in the space-separated list who (NULL: all
 * of the team without one) for round ident of i1; copies the tokens to
 * tok[0..) in order. Returns the store's result.
 */
static int
invite(struct store *s, const char *ini, const char *ident, const char *who, survey_token *tok,
    struct strbuf *err)
{
	struct survey_links links = { NULL, 0, 0 };
	const char *people[16];
	char buf[256], *save = NULL;
	size_t n = 0;
	int r;

	if (who) {
		snprintf(buf, sizeof(buf), "%s", who);
		for (char *w = strtok_r(buf, " ", &save); w && n < 16; w = strtok_r(NULL, " ", &save))
			people[n++] = w;
	}
	r = store_survey_invite(s, ini, ident, who ? people : NULL, n, NULL, &links, NULL, err);
	for (size_t i = 0; tok && i < links.n; i++)
		memcpy(tok[i], links.v[i].token, sizeof(survey_token));
	if (r != 0)
		assert_int_equal(links.n, 0);
	survey_links_release(&links);
	return r;
}

/* One answer of 1..5 to each of director-support's four items. */
static const struct answer four[] = {
	{ (char *)"trusted", 4 }, { (char *)"supported", 2 },
	{ (char *)"works_for_initiative", 5 }, { (char *)"shared_oversight", 1 },
};

static void
test_invite_stores_hashes_only(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_invitation_counts c;
	survey_token tok[3];
	unsigned char hash[crypto_hash_sha256_BYTES];
	struct db_stmt *st;

	assert_int_equal(invite(fx->s, "i1", "open1", "p1 p2 p3", tok, &err), 0);
	for (int i = 0; i < 3; i++) {
		assert_true(token_is_base64url(tok[i]));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(tok[i], tok[j]);
	}
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation", NULL), 3);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation"
	    " WHERE respondent_group = 'partner' AND used = 0", NULL), 3);

	/* what is stored is the SHA-256 of the token's text */
	crypto_hash_sha256(hash, (const unsigned char *)tok[1], strlen(tok[1]));
	st = db_prepare(fx->s->db, "SELECT count(*) FROM survey_invitation WHERE token_hash = ?1", &err);
	assert_non_null(st);
	db_bind_blob(st, 1, hash, sizeof(hash));
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_column_int64(st, 0), 1);
	db_finalize(st);

	/* and the token itself is in none of the database's files */
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "open1", date_today(), &c, &err), 0);
	for (int i = 0; i < 3; i++)
		assert_false(db_contains(tok[i]));
	store_close(fx->s);
	fx->s = NULL;
	for (int i = 0; i < 3; i++)
		assert_false(db_contains(tok[i]));
	/* the check can see text in the file: the survey's ident is there */
	assert_true(db_contains("open1"));

	assert_int_equal(c.issued[GROUP_PARTNER], 3);
	assert_int_equal(c.answers, 0);
	assert_int_equal(c.issued[GROUP_BACKBONE], 0);
	assert_int_equal(c.issued[GROUP_DIRECTOR], 0);
	strbuf_release(&err);
}

static void
test_invite_refusals(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	survey_token tok[2];

	const char *none[1] = { "p1" };
	struct survey_links links = { NULL, 0, 0 };

	assert_int_equal(store_survey_invite(fx->s, "i1", "open1", none, 0, NULL, &links, NULL, &err), -1);
	assert_non_null(strstr(err.buf, "between 1 and 1000"));
	assert_int_equal(store_survey_invite(fx->s, "i1", "open1", none,
	    SURVEY_INVITE_MAX + 1, NULL, &links, NULL, &err), -1);
	/* no such survey, no such initiative */
	assert_int_equal(invite(fx->s, "i1", "nope", "p1", tok, &err), 1);
	assert_int_equal(invite(fx->s, "i9", "open1", "p1", tok, &err), 1);
	/* a closed round makes no links */
	assert_int_equal(invite(fx->s, "i1", "s1", "p1 p2", tok, &err), 2);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation", NULL), 0);
	/* not of the team: someone of an organization that is no member, or no one */
	assert_int_equal(invite(fx->s, "i1", "open1", "p1 x1", tok, &err), 3);
	assert_non_null(strstr(err.buf, "'x1' is not a person of the team"));
	assert_int_equal(invite(fx->s, "i1", "open1", "nobody", tok, &err), 3);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation", NULL), 0);
	/* one link per person per round: a second is refused, given twice or later */
	assert_int_equal(invite(fx->s, "i1", "open1", "p1 p1", tok, &err), 4);
	assert_non_null(strstr(err.buf, "Pat One (p1) has a link of survey open1 already"));
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation", NULL), 0);
	assert_int_equal(invite(fx->s, "i1", "open1", "p1", tok, &err), 0);
	assert_int_equal(invite(fx->s, "i1", "open1", "p2 p1", tok, &err), 4);
	assert_int_equal(invite(fx->s, "i1", "open1", "dir", tok, &err), 0);
	assert_int_equal(invite(fx->s, "i1", "open1", "dir", tok, &err), 4);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation", NULL), 2);
	/* another round is another link */
	assert_int_equal(invite(fx->s, "i1", "open2", "p1", tok, &err), 0);
	/* --all: everyone of the team without a link of the round, each once */
	assert_int_equal(invite(fx->s, "i1", "open1", NULL, NULL, &err), 0);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation v JOIN survey s"
	    " ON s.id = v.survey_id WHERE s.ident = ?1", "open1"), 8);
	assert_int_equal(invite(fx->s, "i1", "open1", NULL, NULL, &err), 0);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation v JOIN survey s"
	    " ON s.id = v.survey_id WHERE s.ident = ?1", "open1"), 8);
	/* the group follows from the person, never chosen */
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation v JOIN person p"
	    " ON p.id = v.person_id WHERE v.respondent_group = 'director'", NULL), 1);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM survey_invitation v JOIN person p"
	    " ON p.id = v.person_id JOIN survey s ON s.id = v.survey_id WHERE s.ident = 'open1'"
	    " AND v.respondent_group = 'backbone' AND p.slug IN ('b1', 'b2')", NULL), 2);
	strbuf_release(&err);
}

static void
test_find(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_invitation inv;
	survey_token tok[1];
	char unknown[SURVEY_TOKEN_CHARS + 1], longer[SURVEY_TOKEN_CHARS + 2];

	assert_int_equal(invite(fx->s, "i1", "open2", "b1", tok, &err), 0);
	assert_int_equal(store_invitation_find(fx->s, tok[0], &inv, &err), 0);
	assert_string_equal(inv.initiative, "i1");
	assert_string_equal(inv.survey, "open2");
	assert_int_equal(inv.group, GROUP_BACKBONE);
	assert_int_equal(inv.used, 0);
	assert_int_equal(inv.closed, 0);
	store_invitation_release(&inv);
	assert_null(inv.survey);

	/* well-formed but unknown: one character changed */
	memcpy(unknown, tok[0], sizeof(unknown));
	unknown[5] = unknown[5] == 'A' ? 'B' : 'A';
	assert_int_equal(store_invitation_find(fx->s, unknown, &inv, &err), 1);
	assert_null(inv.survey);
	/* not of the token's form: short, long, a character outside base64url, none */
	assert_int_equal(store_invitation_find(fx->s, "abc", &inv, &err), 1);
	snprintf(longer, sizeof(longer), "%sx", tok[0]);
	assert_int_equal(store_invitation_find(fx->s, longer, &inv, &err), 1);
	memcpy(unknown, tok[0], sizeof(unknown));
	unknown[0] = '+';
	assert_int_equal(store_invitation_find(fx->s, unknown, &inv, &err), 1);
	assert_int_equal(store_invitation_find(fx->s, "", &inv, &err), 1);
	assert_int_equal(store_invitation_find(fx->s, NULL, &inv, &err), 1);
	strbuf_release(&err);
}

static void
test_answer_once_and_unlinked(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT, cols = STRBUF_INIT;
	struct store_invitation inv;
	struct store_invitation_counts c;
	struct program q;
	const struct survey *sv = NULL;
	const struct initiative *in;
	survey_token tok[2];
	int64_t rid, vid;

	assert_int_equal(invite(fx->s, "i1", "open1", "p1 p2", tok, &err), 0);
	assert_int_equal(store_invitation_answer(fx->s, tok[0], four, 4, &err), STORE_ANSWER_OK);

	/* the invitation is used; the other one is not */
	assert_int_equal(store_invitation_find(fx->s, tok[0], &inv, &err), 0);
	assert_int_equal(inv.used, 1);
	store_invitation_release(&inv);
	assert_int_equal(store_invitation_find(fx->s, tok[1], &inv, &err), 0);
	assert_int_equal(inv.used, 0);
	store_invitation_release(&inv);
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "open1", date_today(), &c, &err), 0);
	assert_int_equal(c.issued[GROUP_PARTNER], 2);
	/* answered today: counted from tomorrow on (DESIGN §4) */
	assert_int_equal(c.answers, 0);
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "open1", date_today() + 1,
	    &c, &err), 0);
	assert_int_equal(c.answers, 1);

	/* one response of the invitation's group, its answers in order */
	assert_int_equal(responses_of(fx->s, "open1"), 1);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM response r JOIN survey v"
	    " ON v.id = r.survey_id WHERE v.ident = ?1 AND r.respondent_group = 'partner'",
	    "open1"), 1);
	assert_int_equal(sql_int(fx->s, fixture_on_pg() ?
	    "SELECT CAST(string_agg(CAST(a.value AS TEXT), '' ORDER BY a.position) AS BIGINT)"
	    " FROM answer a JOIN response r ON r.id = a.response_id JOIN survey v"
	    " ON v.id = r.survey_id WHERE v.ident = ?1" :
	    "SELECT group_concat(value, '') FROM (SELECT a.value"
	    " FROM answer a JOIN response r ON r.id = a.response_id JOIN survey v"
	    " ON v.id = r.survey_id WHERE v.ident = ?1 ORDER BY a.position)", "open1"), 4251);

	/* the program loads it back as a response of open1 */
	program_init(&q);
	assert_int_equal(store_program_load(fx->s, "p1", &q, &err), 0);
	in = program_initiative(&q, "i1");
	assert_non_null(in);
	for (size_t i = 0; i < in->surveys.n; i++)
		if (strcmp(in->surveys.v[i].id, "open1") == 0)
			sv = &in->surveys.v[i];
	assert_non_null(sv);
	assert_int_equal(sv->responses.n, 1);
	assert_int_equal(sv->responses.v[0].group, GROUP_PARTNER);
	assert_int_equal(sv->responses.v[0].answers.n, 4);
	assert_string_equal(sv->responses.v[0].answers.v[1].item, "supported");
	assert_int_equal(sv->responses.v[0].answers.v[1].value, 2);
	program_release(&q);

	/*
	 * Nothing joins a response to an invitation: no column of either names
	 * the other, no foreign key, no time, and the response's id is random
	 * (below 2^32 once in 2^31 draws), not the invitation's.
	 */
	columns_of(fx->s, "response", &cols);
	assert_string_equal(cols.buf, "id,survey_id,respondent_group");
	columns_of(fx->s, "answer", &cols);
	assert_string_equal(cols.buf, "response_id,position,item,value");
	columns_of(fx->s, "survey_invitation", &cols);
	assert_string_equal(cols.buf, "id,survey_id,token_hash,respondent_group,used,person_id,lang");
	references_of(fx->s, "response", &cols);
	assert_string_equal(cols.buf, "survey");
	references_of(fx->s, "answer", &cols);
	assert_string_equal(cols.buf, "response");
	references_of(fx->s, "survey_invitation", &cols);
	assert_string_equal(cols.buf, "person,survey");
	columns_of(fx->s, "survey_tally", &cols);
	assert_string_equal(cols.buf, "survey_id,day,n");
	rid = sql_int(fx->s, "SELECT r.id FROM response r JOIN survey v ON v.id = r.survey_id"
	    " WHERE v.ident = ?1", "open1");
	vid = sql_int(fx->s, "SELECT id FROM survey_invitation WHERE used = 1", NULL);
	assert_true(rid != vid);
	assert_true(rid > (int64_t)UINT32_MAX);

	/* answered once: the same token again is refused, nothing more stored */
	assert_int_equal(store_invitation_answer(fx->s, tok[0], four, 4, &err), STORE_ANSWER_USED);
	assert_int_equal(responses_of(fx->s, "open1"), 1);
	/* the other link still answers */
	assert_int_equal(store_invitation_answer(fx->s, tok[1], four, 2, &err), STORE_ANSWER_OK);
	assert_int_equal(responses_of(fx->s, "open1"), 2);
	assert_int_equal(store_invitation_answer(fx->s, tok[1], four, 2, &err), STORE_ANSWER_USED);
	assert_int_equal(responses_of(fx->s, "open1"), 2);
	strbuf_release(&cols);
	strbuf_release(&err);
}

static void
test_answer_unknown(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	survey_token tok[1];
	char unknown[SURVEY_TOKEN_CHARS + 1];

	assert_int_equal(invite(fx->s, "i1", "open1", "p1", tok, &err), 0);
	memcpy(unknown, tok[0], sizeof(unknown));
	unknown[SURVEY_TOKEN_CHARS - 1] = unknown[SURVEY_TOKEN_CHARS - 1] == 'z' ? 'y' : 'z';
	assert_int_equal(store_invitation_answer(fx->s, unknown, four, 4, &err), STORE_ANSWER_NONE);
	assert_int_equal(store_invitation_answer(fx->s, "not-a-token", four, 4, &err),
	    STORE_ANSWER_NONE);
	assert_int_equal(store_invitation_answer(fx->s, NULL, four, 4, &err), STORE_ANSWER_NONE);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM response", NULL), 1);	/* s1's */
	assert_int_equal(sql_int(fx->s, "SELECT sum(used) FROM survey_invitation", NULL), 0);
	strbuf_release(&err);
}

static void
test_close(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_invitation inv;
	struct program q;
	const struct initiative *in;
	survey_token tok[2], more[1];
	int found = 0;

	assert_int_equal(invite(fx->s, "i1", "open2", "dir p1", tok, &err), 0);
	assert_int_equal(store_invitation_answer(fx->s, tok[0], four, 4, &err), STORE_ANSWER_OK);
	assert_int_equal(store_survey_close(fx->s, "i1", "open2", date_from_ymd(2016, 3, 15),
	    NULL, &err), 0);

	/* closed: on the next load, on the invitation, and twice is refused */
	program_init(&q);
	assert_int_equal(store_program_load(fx->s, "p1", &q, &err), 0);
	in = program_initiative(&q, "i1");
	for (size_t i = 0; in && i < in->surveys.n; i++) {
		const struct survey *sv = &in->surveys.v[i];

		if (strcmp(sv->id, "open2") == 0) {
			assert_int_equal(sv->closed, date_from_ymd(2016, 3, 15));
			assert_int_equal(sv->responses.n, 1);
			found = 1;
		} else if (strcmp(sv->id, "open1") == 0)
			assert_int_equal(sv->closed, DATE_NONE);
	}
	assert_true(found);
	program_release(&q);
	assert_int_equal(store_survey_close(fx->s, "i1", "open2", date_from_ymd(2016, 4, 1),
	    NULL, &err), 2);
	assert_int_equal(store_survey_close(fx->s, "i1", "s1", date_from_ymd(2016, 4, 1),
	    NULL, &err), 2);
	assert_int_equal(store_survey_close(fx->s, "i1", "nope", date_from_ymd(2016, 4, 1),
	    NULL, &err), 1);
	assert_int_equal(store_survey_close(fx->s, "i9", "open2", date_from_ymd(2016, 4, 1),
	    NULL, &err), 1);
	assert_int_equal(store_invitation_find(fx->s, tok[1], &inv, &err), 0);
	assert_int_equal(inv.closed, 1);
	assert_int_equal(inv.used, 0);
	store_invitation_release(&inv);

	/* a closed round takes no answers and makes no links */
	assert_int_equal(store_invitation_answer(fx->s, tok[1], four, 4, &err), STORE_ANSWER_CLOSED);
	assert_int_equal(responses_of(fx->s, "open2"), 1);
	assert_int_equal(store_invitation_find(fx->s, tok[1], &inv, &err), 0);
	assert_int_equal(inv.used, 0);
	store_invitation_release(&inv);
	more[0][0] = '\0';
	assert_int_equal(invite(fx->s, "i1", "open2", "p2", more, &err), 2);
	assert_int_equal(more[0][0], '\0');
	/* a used link of a closed round says used first */
	assert_int_equal(store_invitation_answer(fx->s, tok[0], four, 4, &err), STORE_ANSWER_USED);
	strbuf_release(&err);
}

static void
test_answer_all_or_nothing(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_invitation inv;
	survey_token tok[1];
	/* the third answer breaks the schema's check (1..5) after two are written */
	const struct answer bad[] = {
		{ (char *)"trusted", 4 }, { (char *)"supported", 3 },
		{ (char *)"works_for_initiative", 9 },
	};

	assert_int_equal(invite(fx->s, "i1", "open1", "p1", tok, &err), 0);
	assert_int_equal(store_invitation_answer(fx->s, tok[0], bad, 3, &err), STORE_ANSWER_ERROR);
	assert_true(err.len > 0);
	assert_int_equal(responses_of(fx->s, "open1"), 0);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM answer a LEFT JOIN response r"
	    " ON r.id = a.response_id WHERE r.id IS NULL", NULL), 0);
	assert_int_equal(store_invitation_find(fx->s, tok[0], &inv, &err), 0);
	assert_int_equal(inv.used, 0);
	store_invitation_release(&inv);
	/* and the link still answers properly */
	assert_int_equal(store_invitation_answer(fx->s, tok[0], four, 4, &err), STORE_ANSWER_OK);
	assert_int_equal(responses_of(fx->s, "open1"), 1);
	strbuf_release(&err);
}

/*
 * A response's random id that clashes with a stored one is drawn again, in
 * the same transaction (on PostgreSQL a failed INSERT would abort it); one
 * that clashes on every try is an error that stores nothing.
 */
static void
test_response_id_clash(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_invitation inv;
	survey_token tok[2];
	int64_t rid, answers;

	assert_int_equal(invite(fx->s, "i1", "open1", "p1 p2", tok, &err), 0);
	assert_int_equal(store_invitation_answer(fx->s, tok[0], four, 4, &err), STORE_ANSWER_OK);
	rid = sql_int(fx->s, "SELECT r.id FROM response r JOIN survey v ON v.id = r.survey_id"
	    " WHERE v.ident = ?1", "open1");
	answers = sql_int(fx->s, "SELECT count(*) FROM answer", NULL);

	/* every draw the stored id: refused, nothing stored, the link unused */
	forced_id = rid;
	forced_ids = 4;
	assert_int_equal(store_invitation_answer(fx->s, tok[1], four, 4, &err), STORE_ANSWER_ERROR);
	assert_int_equal(forced_ids, 0);
	assert_non_null(strstr(err.buf, "cannot store the response"));
	assert_int_equal(responses_of(fx->s, "open1"), 1);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM answer", NULL), answers);
	assert_int_equal(store_invitation_find(fx->s, tok[1], &inv, &err), 0);
	assert_int_equal(inv.used, 0);
	store_invitation_release(&inv);

	/* the first draw clashes, the second does not: answered */
	forced_ids = 1;
	if (store_invitation_answer(fx->s, tok[1], four, 4, &err) != STORE_ANSWER_OK)
		fail_msg("a clash drawn again: %s", err.buf);
	assert_int_equal(forced_ids, 0);
	assert_int_equal(responses_of(fx->s, "open1"), 2);
	assert_int_equal(sql_int(fx->s, "SELECT count(*) FROM answer", NULL), answers + 4);
	assert_int_equal(store_invitation_find(fx->s, tok[1], &inv, &err), 0);
	assert_int_equal(inv.used, 1);
	store_invitation_release(&inv);
	strbuf_release(&err);
}

static void
test_counts(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_invitation_counts c;
	survey_token tok[5];

	assert_int_equal(invite(fx->s, "i1", "open1", "p1 p2 p3 p4 p5", tok, &err), 0);
	assert_int_equal(invite(fx->s, "i1", "open1", "b1 b2 dir", tok, &err), 0);
	assert_int_equal(store_invitation_answer(fx->s, tok[2], four, 4, &err), STORE_ANSWER_OK);
	assert_int_equal(invite(fx->s, "i1", "open2", "dir", tok, &err), 0);
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "open1", date_today(), &c, &err), 0);
	assert_int_equal(c.issued[GROUP_PARTNER], 5);
	assert_int_equal(c.issued[GROUP_BACKBONE], 2);
	assert_int_equal(c.issued[GROUP_DIRECTOR], 1);
	assert_int_equal(c.answers, 0);		/* today's answer counts tomorrow */
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "open1", date_today() + 1,
	    &c, &err), 0);
	assert_int_equal(c.answers, 1);
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "open2", date_today(), &c, &err), 0);
	assert_int_equal(c.issued[GROUP_DIRECTOR], 1);
	assert_int_equal(c.issued[GROUP_PARTNER], 0);
	/* no invitations, or no such round: zeros */
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "s1", date_today(), &c, &err), 0);
	for (int g = 0; g < GROUP__MAX; g++)
		assert_int_equal(c.issued[g], 0);
	assert_int_equal(c.answers, 1);		/* s1's imported response */
	c.issued[0] = 7;
	assert_int_equal(store_survey_invitation_counts(fx->s, "i1", "nope", date_today(), &c, &err), 0);
	assert_int_equal(c.issued[0], 0);
	strbuf_release(&err);
}

/*
 * The backup's order (issue 16): eight people answer one after another,
 * each with answers that name them; the program loads (and so exports and
 * backs up) the responses in an order unrelated to answering — the rows'
 * random ids — and no column holds a time.
 */
static void
test_backup_order(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT, cols = STRBUF_INIT;
	struct program q;
	const struct initiative *in;
	const struct survey *sv = NULL;
	survey_token tok[8];
	int same = 1;

	assert_int_equal(invite(fx->s, "i1", "open1", "p1 p2 p3 p4 p5 b1 b2 dir", tok, &err), 0);
	for (int i = 0; i < 8; i++) {
		/* answer i: "trusted" carries 1 + i % 5, "supported" 1 + i / 5 */
		struct answer a[2] = { { (char *)"trusted", 1 + i % 5 },
		    { (char *)"supported", 1 + i / 5 } };

		assert_int_equal(store_invitation_answer(fx->s, tok[i], a, 2, &err), STORE_ANSWER_OK);
	}
	program_init(&q);
	assert_int_equal(store_program_load(fx->s, "p1", &q, &err), 0);
	in = program_initiative(&q, "i1");
	for (size_t i = 0; in && i < in->surveys.n; i++)
		if (strcmp(in->surveys.v[i].id, "open1") == 0)
			sv = &in->surveys.v[i];
	assert_non_null(sv);
	assert_int_equal(sv->responses.n, 8);
	for (size_t i = 0; i < 8; i++) {
		const struct response *r = &sv->responses.v[i];
		int k = (r->answers.v[0].value - 1) + 5 * (r->answers.v[1].value - 1);

		if (k != (int)i)
			same = 0;
	}
	assert_false(same);	/* in answering order once in 8! = 40320 */
	program_release(&q);
	columns_of(fx->s, "response", &cols);
	assert_string_equal(cols.buf, "id,survey_id,respondent_group");
	columns_of(fx->s, "survey_tally", &cols);
	assert_string_equal(cols.buf, "survey_id,day,n");	/* a day, never a time */
	strbuf_release(&cols);
	strbuf_release(&err);
}

static void
test_default_id(void **state)
{
	struct fx *fx = *state;
	struct strbuf out = STRBUF_INIT;
	struct initiative *in = program_initiative(&fx->p, "i1");

	assert_non_null(in);
	assert_int_equal(in->surveys.n, 3);
	store_survey_default_id(in, &out);
	assert_string_equal(out.buf, "s-1");
	/* taken ids are skipped, gaps are filled from the bottom */
	free(in->surveys.v[0].id);
	in->surveys.v[0].id = xstrdup("s-1");
	free(in->surveys.v[1].id);
	in->surveys.v[1].id = xstrdup("s-3");
	strbuf_reset(&out);
	store_survey_default_id(in, &out);
	assert_string_equal(out.buf, "s-2");
	free(in->surveys.v[2].id);
	in->surveys.v[2].id = xstrdup("s-2");
	strbuf_reset(&out);
	store_survey_default_id(in, &out);
	assert_string_equal(out.buf, "s-4");
	strbuf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_invite_stores_hashes_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invite_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_once_and_unlinked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_response_id_clash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_id, setup, teardown),
	};

	/* before sodium_init (setup): the response id's replay */
	if (randombytes_set_implementation(&test_rng) != 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
