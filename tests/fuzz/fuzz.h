#ifndef TRELLIS_FUZZ_H
#define TRELLIS_FUZZ_H
/*
 * The fuzz harnesses of R3 (RELIABILITY.md), one per tests/fuzz/fuzz_*.c.
 * Each is built twice: with clang's libFuzzer (`make fuzz`) and with
 * replay.c's main (`make test`, which feeds it every file of
 * tests/fuzz/corpus/<target>/ and tests/fuzz/crashes/<target>/). A broken
 * property calls fuzz_fail, which aborts: a crash for both.
 */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints "fuzz: property broken: what" and aborts. */
void fuzz_fail(const char *what) __attribute__((noreturn));

/* Returns a NUL-terminated copy of data[0..size) (caller frees). */
char *fuzz_cstr(const uint8_t *data, size_t size);

#endif
