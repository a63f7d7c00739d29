#ifndef TRELLIS_STRBUF_H
#define TRELLIS_STRBUF_H
/*
 * A growable string (git's strbuf): buf is never NULL and always
 * NUL-terminated, so it can be handed to any function taking a C string.
 */
#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	size_t alloc;	/* bytes allocated for buf, 0 while buf is the shared "" */
	size_t len;	/* bytes used, not counting the NUL */
	char *buf;
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT { 0, 0, strbuf_slopbuf }

void strbuf_init(struct strbuf *sb, size_t hint);
/* Frees the contents; sb is left empty and ready for reuse. */
void strbuf_release(struct strbuf *sb);
/* Returns the string and leaves sb empty; the caller frees the string. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_setlen(struct strbuf *sb, size_t len);
#define strbuf_reset(sb) strbuf_setlen(sb, 0)
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Appends n in decimal, as "%lld" would, without printf (hot paths: cache keys). */
void strbuf_addint(struct strbuf *sb, long long n);

#endif
