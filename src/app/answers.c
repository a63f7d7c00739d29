/*
 * Survey answers through a group commit: see answers.h.
 */
#include <pthread.h>
#include <stdlib.h>

#include "answers.h"
#include "write.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* At most this many answers in one transaction; the rest wait for the next. */
#define GROUP_MAX 256

/* One waiting answer: on its caller's stack until done. */
struct waiting {
	struct store_answer_job job;
	struct strbuf *err;		/* the caller's: set when the group failed */
	int done;
	int gave_up;			/* the group failed on a conflict every time it ran */
	struct waiting *next;
};

static struct {
	pthread_mutex_t lock;		/* guards everything below */
	pthread_cond_t done;		/* a group's commit ended */
	struct waiting *head, **tail;	/* answers not yet taken, in arrival order */
	int leading;			/* a group's commit is running */
} group = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, &group.head, 0 };

/* A group's answers as one write (app_txn_fn), run again whole after a conflict. */
struct group_write {
	struct store_answer_job *jobs;
	size_t n;
};

static int
group_change(struct store *s, void *arg, struct strbuf *err)
{
	struct group_write *g = arg;

	/* each run sets every job's result afresh */
	return store_invitation_answer_all(s, g->jobs, g->n, err) == -1 ? -1 : 0;
}

/* Writes the answers of taken[0..n) on s and marks them done (group.lock not held). */
static void
commit_group(struct store *s, struct waiting **taken, size_t n)
{
	struct store_answer_job *jobs = xcalloc(n, sizeof(*jobs));
	struct group_write g = { jobs, n };
	struct strbuf err = STRBUF_INIT;
	int gave_up = 0;

	for (size_t i = 0; i < n; i++)
		jobs[i] = taken[i]->job;
	if (app_txn_run(s, group_change, &g, &gave_up, &err) == -1)
		for (size_t i = 0; i < n; i++) {
			jobs[i].result = STORE_ANSWER_ERROR;
			strbuf_reset(taken[i]->err);
			strbuf_addstr(taken[i]->err, err.buf);
		}
	pthread_mutex_lock(&group.lock);
	for (size_t i = 0; i < n; i++) {
		taken[i]->job.result = jobs[i].result;
		taken[i]->gave_up = gave_up;
		taken[i]->done = 1;
	}
	group.leading = 0;
	pthread_cond_broadcast(&group.done);
	pthread_mutex_unlock(&group.lock);
	strbuf_release(&err);
	free(jobs);
}

enum store_answer_result
app_survey_answer(struct store *s, const char *token, const struct answer *answers,
    size_t n, int *gave_up, struct strbuf *err)
{
	struct waiting me = { { token, answers, n, STORE_ANSWER_ERROR }, err, 0, 0, NULL };
	struct waiting *taken[GROUP_MAX];
	size_t k;

	pthread_mutex_lock(&group.lock);
	*group.tail = &me;
	group.tail = &me.next;
	while (!me.done) {
		if (group.leading) {
			pthread_cond_wait(&group.done, &group.lock);
			continue;
		}
		/* lead: take every answer waiting (this one among them, first come first) */
		group.leading = 1;
		for (k = 0; group.head && k < GROUP_MAX; k++) {
			taken[k] = group.head;
			group.head = group.head->next;
		}
		if (group.head == NULL)
			group.tail = &group.head;
		pthread_mutex_unlock(&group.lock);
		commit_group(s, taken, k);
		pthread_mutex_lock(&group.lock);
	}
	pthread_mutex_unlock(&group.lock);
	if (gave_up)
		*gave_up = me.gave_up;
	return me.job.result;
}

/* app_survey_close's change (app_txn_fn); its result kept in r. */
struct close_write {
	const char *initiative, *ident;
	tdate closed;
	const struct store_audit_entry *audit;
	int r;
};

static int
close_change(struct store *s, void *arg, struct strbuf *err)
{
	struct close_write *w = arg;

	w->r = store_survey_close(s, w->initiative, w->ident, w->closed, w->audit, err);
	return w->r == -1 ? -1 : w->r ? 1 : 0;
}

int
app_survey_close(struct store *s, const char *initiative, const char *ident, tdate closed,
    const struct store_audit_entry *audit, int *gave_up, struct strbuf *err)
{
	struct close_write w = { initiative, ident, closed, audit, -1 };

	return app_txn_run(s, close_change, &w, gave_up, err) == -1 ? -1 : w.r;
}
