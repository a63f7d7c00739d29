/*
 * Libraries opened on first use; see dynlib.h.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "dynlib.h"
#include "banned.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int
open_all(struct dynlib *d)
{
	void *h;
	const char *e;

	if ((h = dlopen(d->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		e = dlerror();
		snprintf(d->why, sizeof(d->why), "%s", e ? e : "dlopen failed");
		return -1;
	}
	for (size_t i = 0; i < d->nsyms; i++) {
		dlerror();
		*d->syms[i].fn = dlsym(h, d->syms[i].name);
		if (*d->syms[i].fn == NULL) {
			e = dlerror();
			snprintf(d->why, sizeof(d->why), "no symbol %s (%s)", d->syms[i].name,
			    e ? e : "null");
			return -1;	/* h stays open: a failed library is never retried */
		}
	}
	return 0;
}

int
dynlib_need(struct dynlib *d, struct strbuf *err)
{
	int ok;

	pthread_mutex_lock(&lock);
	if (!d->tried) {
		d->tried = 1;
		d->ok = open_all(d) == 0;
	}
	ok = d->ok;
	pthread_mutex_unlock(&lock);
	if (ok)
		return 0;
	strbuf_addf(err, "cannot load %s: %s", d->soname, d->why);
	return -1;
}
