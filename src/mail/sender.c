/*
 * The server's mail sender (mail.h): a thread with its own connection that
 * queues what is due (reminders, digests) and sends what is due, every few
 * seconds; mail_queue_due is also what `trellis mail --send-due` runs.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "../store/store.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "mail.h"
#include "../util/banned.h"

#define SENDER_PERIOD	3	/* seconds between looks at the outbox */

struct mail_sender {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stop;
	struct store *store;
	struct mail_keys keys;
	struct mail_config config;
};

int
mail_queue_due(struct store *s, const struct mail_keys *k, const char *base_url, time_t now)
{
	struct strbuf err = STRBUF_INIT;
	size_t reminded = 0, digests = 0, closing = 0;
	int ret = 0;

	if (mail_queue_reminders(s, k, base_url, now, &reminded, &err)) {
		fprintf(stderr, _("trellis: mail: check-in reminders: %s\n"), err.buf);
		ret = -1;
	} else if (reminded)
		fprintf(stderr, P_("trellis: mail: %zu check-in reminder queued\n",
		    "trellis: mail: %zu check-in reminders queued\n", reminded), reminded);
	strbuf_reset(&err);
	if (mail_queue_proposals_closing(s, k, base_url, now, &closing, &err)) {
		fprintf(stderr, _("trellis: mail: proposals closing: %s\n"), err.buf);
		ret = -1;
	} else if (closing)
		fprintf(stderr, P_("trellis: mail: %zu proposal closing soon queued\n",
		    "trellis: mail: %zu proposals closing soon queued\n", closing), closing);
	strbuf_reset(&err);
	if (mail_queue_digests(s, k, base_url, now, &digests, &err)) {
		fprintf(stderr, _("trellis: mail: digests: %s\n"), err.buf);
		ret = -1;
	} else if (digests)
		fprintf(stderr, P_("trellis: mail: %zu digest queued\n",
		    "trellis: mail: %zu digests queued\n", digests), digests);
	strbuf_release(&err);
	return ret;
}

static void *
sender_main(void *arg)
{
	struct mail_sender *ms = arg;
	struct strbuf err = STRBUF_INIT;
	time_t last_queue = 0;

	pthread_mutex_lock(&ms->lock);
	while (!ms->stop) {
		struct mail_sent sent;
		struct timespec until;

		pthread_mutex_unlock(&ms->lock);
		if (ms->config.base_url && time(NULL) - last_queue >= 60) {
			last_queue = time(NULL);
			mail_queue_due(ms->store, &ms->keys, ms->config.base_url, last_queue);
		}
		if (mail_send_due(ms->store, &ms->keys, &ms->config, time(NULL), &sent, &err))
			fprintf(stderr, "trellis: mail: %s\n", err.buf);
		else if (sent.sent || sent.failed)
			fprintf(stderr, _("trellis: mail: %zu sent, %zu to try again later\n"),
			    sent.sent, sent.failed);
		pthread_mutex_lock(&ms->lock);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += SENDER_PERIOD;
		while (!ms->stop && pthread_cond_timedwait(&ms->wake, &ms->lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&ms->lock);
	strbuf_release(&err);
	return NULL;
}

int
mail_sender_start(const char *db, const struct mail_config *c, struct mail_sender **out,
    struct strbuf *err)
{
	struct mail_sender *ms = xcalloc(1, sizeof(*ms));

	if (mail_config_check(c, err) || mail_keys_open(db, 1, &ms->keys, err) ||
	    store_open(db, 0, &ms->store, err))
		goto fail;
	ms->config.url = c->url;
	ms->config.from = c->from;
	ms->config.base_url = c->base_url;
	ms->config.user = c->user ? xstrdup(c->user) : NULL;
	ms->config.password = c->password ? xstrdup(c->password) : NULL;
	pthread_mutex_init(&ms->lock, NULL);
	pthread_cond_init(&ms->wake, NULL);
	if (pthread_create(&ms->thread, NULL, sender_main, ms) != 0) {
		strbuf_addstr(err, "cannot start the mail sender");
		mail_config_release(&ms->config);
		goto fail;
	}
	*out = ms;
	return 0;
fail:
	if (ms->store)
		store_close(ms->store);
	sodium_memzero(&ms->keys, sizeof(ms->keys));
	free(ms);
	return -1;
}

void
mail_sender_stop(struct mail_sender *ms)
{
	if (ms == NULL)
		return;
	pthread_mutex_lock(&ms->lock);
	ms->stop = 1;
	pthread_cond_signal(&ms->wake);
	pthread_mutex_unlock(&ms->lock);
	pthread_join(ms->thread, NULL);
	store_close(ms->store);
	mail_config_release(&ms->config);
	sodium_memzero(&ms->keys, sizeof(ms->keys));
	pthread_mutex_destroy(&ms->lock);
	pthread_cond_destroy(&ms->wake);
	free(ms);
}
