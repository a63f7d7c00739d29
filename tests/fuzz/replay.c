/*
 * A main for the fuzz harnesses without libFuzzer: runs every file named
 * on the command line, and every file in each directory named, through
 * LLVMFuzzerTestOneInput once. `make test` replays the seed corpus and every
 * kept crash input this way, so a regression fails the suite (under
 * `make check-asan` with the sanitizers too).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, alloc = 0, n;

	if (f == NULL) {
		fprintf(stderr, "replay: cannot open %s\n", path);
		return -1;
	}
	do {
		if (alloc - len < 65536) {
			alloc = alloc * 2 + 65536;
			if ((buf = realloc(buf, alloc)) == NULL)
				abort();
		}
		n = fread(buf + len, 1, alloc - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	/* An exact-size copy, so that reading past the end is caught (valgrind, ASan). */
	{
		uint8_t *exact = malloc(len ? len : 1);

		if (exact == NULL)
			abort();
		if (len)
			memcpy(exact, buf, len);
		free(buf);
		fprintf(stderr, "replay: %s\n", path);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	int count = 0, bad = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *de;
		char **names = NULL;
		size_t n = 0;

		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "replay: no %s\n", argv[i]);
			bad++;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			bad += run_file(argv[i]) == -1;
			count++;
			continue;
		}
		if ((d = opendir(argv[i])) == NULL) {
			bad++;
			continue;
		}
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if ((names = realloc(names, (n + 1) * sizeof(*names))) == NULL)
				abort();
			names[n] = malloc(strlen(argv[i]) + strlen(de->d_name) + 2);
			if (names[n] == NULL)
				abort();
			snprintf(names[n], strlen(argv[i]) + strlen(de->d_name) + 2, "%s/%s",
			    argv[i], de->d_name);
			n++;
		}
		closedir(d);
		if (n > 0)	/* qsort(NULL, 0, …) is undefined (UBSan) */
			qsort(names, n, sizeof(*names), cmp);
		for (size_t j = 0; j < n; j++) {
			bad += run_file(names[j]) == -1;
			count++;
			free(names[j]);
		}
		free(names);
	}
	printf("replayed %d inputs, %d unreadable\n", count, bad);
	return bad ? 1 : 0;
}
