/*
 * Unit tests for the survey answers' group commit (app/answers.h): answers
 * given at the same moment from several threads are written in one
 * transaction each group, every one stored and acknowledged only once
 * committed; a refused answer in a group leaves the others.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include <sodium.h>

#include "../fixture_db.h"
#include "app/answers.h"
#include "model/demo.h"
#include "model/validate.h"
#include "store/store.h"
#include "store/survey_rounds.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define LINKS_MAX 16

struct fx {
	struct store *s;
	struct program p;
	struct survey_links links;
};

/* The demo, a round of the balance instrument opened in its first initiative, a link for everyone of its team. */
static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct survey *sv;

	if (sodium_init() < 0)
		return -1;
	program_init(&fx->p);
	demo_build(&fx->p, 1);
	sv = VEC_PUSH(&fx->p.initiatives.v[0].surveys);
	sv->id = xstrdup("open1");
	sv->instrument.slug = xstrdup("balance");
	sv->instrument.idx = REF_UNRESOLVED;
	if (date_parse("2016-12-01", &sv->opened) != 0)
		return -1;
	sv->closed = DATE_NONE;
	if (model_validate(&fx->p, &e) != 0 || fixture_db_create(&fx->p, &fx->s) != 0)
		return -1;
	if (store_survey_invite(fx->s, fx->p.initiatives.v[0].slug, "open1", NULL, 0, NULL, &fx->links,
	    NULL, &err) != 0) {
		fprintf(stderr, "fixture: %s\n", err.buf);
		return -1;
	}
	strbuf_release(&err);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	survey_links_release(&fx->links);
	store_close(fx->s);
	program_release(&fx->p);
	free(fx);
	return fixture_db_remove();
}

/* Answers to two of the items of the built-in balance instrument. */
static const struct answer two[2] = { { "shared_leadership", 4 }, { "credit_given", 5 } };

struct answerer {
	pthread_t t;
	const char *token;
	enum store_answer_result r;
	char err[256];
};

/* One thread's answer, on a connection of its own (as a server's worker thread has). */
static void *
answer_thread(void *arg)
{
	struct answerer *a = arg;
	struct strbuf err = STRBUF_INIT;
	struct store *s;

	a->r = STORE_ANSWER_ERROR;
	if (store_open(fixture_db, 0, &s, &err) == 0) {
		a->r = app_survey_answer(s, a->token, two, 2, NULL, &err);
		store_close(s);
	}
	snprintf(a->err, sizeof(a->err), "%s", err.len ? err.buf : "");
	strbuf_release(&err);
	return NULL;
}

/* The one number sql gives, read through a connection of its own (either backend). */
static int64_t
count(const char *sql)
{
	int64_t n = -1;

	assert_int_equal(fixture_db_int64(sql, &n), 0);
	return n;
}

/*
 * Answers from as many threads as there are links, while another writer
 * holds the write lock: the first to lead waits for it with its own answer,
 * the others queue behind and go together. Every answer is stored, and the
 * data's version (one step per committed write) moves by fewer steps than
 * there were answers.
 */
static void
test_answers_grouped(void **state)
{
	struct fx *fx = *state;
	struct answerer a[LINKS_MAX];
	struct strbuf err = STRBUF_INIT;
	struct store *blocker;
	struct timespec pause = { 0, 300 * 1000 * 1000 };
	size_t n = fx->links.n < LINKS_MAX ? fx->links.n - 1 : LINKS_MAX;
	int64_t v0, v1;

	assert_true(n >= 3);
	assert_int_equal(store_data_version(fx->s, &v0, &err), 0);
	assert_int_equal(store_open(fixture_db, 0, &blocker, &err), 0);
	assert_int_equal(store_write_begin(blocker, &err), 0);
	for (size_t i = 0; i < n; i++) {
		a[i].token = fx->links.v[i].token;
		assert_int_equal(pthread_create(&a[i].t, NULL, answer_thread, &a[i]), 0);
	}
	nanosleep(&pause, NULL);	/* the answers queue meanwhile: what is measured is their number */
	store_write_rollback(blocker);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(pthread_join(a[i].t, NULL), 0);
		if (a[i].r != STORE_ANSWER_OK)
			fail_msg("answer %zu: %d %s", i, a[i].r, a[i].err);
	}
	assert_int_equal(count("SELECT count(*) FROM response r JOIN survey s "
	    "ON s.id = r.survey_id WHERE s.ident = 'open1'"), (int64_t)n);
	assert_int_equal(count("SELECT count(*) FROM survey_invitation WHERE used = 1"),
	    (int64_t)n);
	assert_int_equal(store_data_version(fx->s, &v1, &err), 0);
	assert_true(v1 - v0 >= 1);
	assert_true(v1 - v0 < (int64_t)n);
	store_close(blocker);
	strbuf_release(&err);
}

/* In one group: a used link, a new one and no link at all: each its own result. */
static void
test_refused_answer_leaves_the_group(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	size_t last = fx->links.n - 1;
	struct store_answer_job jobs[3] = {
		{ fx->links.v[0].token, two, 2, STORE_ANSWER_ERROR },
		{ fx->links.v[last].token, two, 2, STORE_ANSWER_ERROR },
		{ "not-a-token", two, 2, STORE_ANSWER_ERROR },
	};

	assert_int_equal(app_survey_answer(fx->s, fx->links.v[0].token, two, 2, NULL, &err),
	    STORE_ANSWER_OK);
	assert_int_equal(store_invitation_answer_all(fx->s, jobs, 3, &err), 0);
	assert_int_equal(jobs[0].result, STORE_ANSWER_USED);
	assert_int_equal(jobs[1].result, STORE_ANSWER_OK);
	assert_int_equal(jobs[2].result, STORE_ANSWER_NONE);
	assert_int_equal(count("SELECT count(*) FROM response r JOIN survey s "
	    "ON s.id = r.survey_id WHERE s.ident = 'open1'"), 2);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_answers_grouped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_answer_leaves_the_group, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
