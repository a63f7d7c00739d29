#ifndef TRELLIS_UTIL_FILE_H
#define TRELLIS_UTIL_FILE_H
/*
 * Opening an input file (RELIABILITY R16): a regular file only. Opened
 * with O_NONBLOCK so that a FIFO does not wait for a writer; fstat then
 * refuses it, a device and a directory at once; the descriptor is then
 * back to blocking reads. Returns the descriptor with *st filled, or -1
 * with why set to "PATH: cannot read: …" ("not a regular file (a FIFO)").
 */
#include <sys/stat.h>

struct strbuf;

int file_open_regular(const char *path, struct stat *st, struct strbuf *why);

#endif
