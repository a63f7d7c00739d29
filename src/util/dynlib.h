#ifndef TRELLIS_DYNLIB_H
#define TRELLIS_DYNLIB_H
/*
 * Shared libraries opened when a command first needs them instead of at the
 * program's start. libmicrohttpd (serve), libcurl (sending mail),
 * libxlsxwriter (the xlsx export) and libpq (a postgresql:// database,
 * store/db_pg.c) bring 50 of the 61 libraries (before libpq) the binary
 * would otherwise map, relocate and initialise on every run — about 10 ms of
 * a 35 ms `trellis report --initiative X` (docs/benchmarks.md, P8). The
 * module that uses one declares a table of its functions (each slot typed
 * with __typeof__ of the library's own declaration, so the header still
 * checks every call) and calls dynlib_need before the first call.
 */
#include <stddef.h>

#include "strbuf.h"

struct dynlib_sym {
	const char *name;	/* the symbol, as the library exports it */
	void **fn;		/* where its address goes */
};

struct dynlib {
	const char *soname;	/* "libcurl.so.4": the ABI the headers describe */
	const struct dynlib_sym *syms;
	size_t nsyms;
	/* filled by dynlib_need */
	int tried, ok;
	char why[256];
};

/* One slot of a table: DYNLIB_SYM(curl, easy_init, "curl_easy_init"). */
#define DYNLIB_SYM(table, field, name) { name, (void **)&(table).field }

/*
 * Opens d's library and fills every slot, once per process (thread-safe);
 * 0, or -1 with "cannot load SONAME: why" added to err, every time it is asked
 * after a failure.
 */
int dynlib_need(struct dynlib *d, struct strbuf *err);

#endif
