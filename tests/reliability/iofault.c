/*
 * R2 (RELIABILITY.md): I/O error injection. A save of a program (a
 * trellis/1 document already stored, plus a few hundred new decisions in
 * one transaction) runs through the fault VFS of src/store/vfs_fault.h,
 * which fails the k-th write or the k-th sync, once or from then on, for
 * every k from 1 to one past the number of writes or syncs the save makes.
 * Each time:
 *   - the caller gets a clean error: store_program_save returns -1 with a
 *     message, and the new records' rowids are still 0;
 *   - after a single fault, saving again on the same connection succeeds;
 *   - reopened with the normal VFS, `PRAGMA integrity_check` and the
 *     foreign key check are clean, and the program exported is exactly the
 *     one before the save or exactly the one after it (never a part);
 *     a failed save with a failed write before its commit record leaves it
 *     exactly as before.
 *
 *	iofault DIR DOC.json	(DIR: an empty scratch directory)
 *
 * Prints one line per fault kind and a total:
 *	R2 io faults: T trials, F failed
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/json.h"
#include "model/model.h"
#include "model/validate.h"
#include "store/store.h"
#include "store/vfs_fault.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define NEW_DECISIONS 300

static const char *dir;
static char base_db[4096], trial_db[4096];
static struct strbuf before_json = STRBUF_INIT, after_json = STRBUF_INIT;
static int failures;

static void
die(const char *what, const char *msg)
{
	fprintf(stderr, "iofault: %s: %s\n", what, msg);
	exit(1);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;

	if (f == NULL)
		die(path, "cannot open");
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return strbuf_detach(&sb, NULL);
}

static void
copy_file(const char *from, const char *to)
{
	size_t len;
	char *data = slurp(from, &len);
	FILE *f = fopen(to, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die(to, "cannot write");
	free(data);
}

/* Removes db and its WAL and shared-memory files. */
static void
remove_db(const char *db)
{
	char p[4200];

	unlink(db);
	snprintf(p, sizeof(p), "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db);
	unlink(p);
}

/* Loads the only program of s into p and validates it (resolves its refs). */
static void
load(struct store *s, struct program *p)
{
	struct strbuf err = STRBUF_INIT;
	struct store_slugs slugs = { 0 };
	struct model_error e;

	program_init(p);
	if (store_program_slugs(s, &slugs, &err) == -1 || slugs.n != 1)
		die("load", slugs.n != 1 ? "not one program" : err.buf);
	if (store_program_load(s, slugs.v[0], p, &err) != 0)
		die("load", err.buf);
	if (model_validate(p, &e) == -1)
		die("load", e.msg);
	store_slugs_release(&slugs);
	strbuf_release(&err);
}

/* The transaction under test: NEW_DECISIONS decisions with long titles (many pages). */
static void
add_records(struct program *p)
{
	struct initiative *in = &p->initiatives.v[0];
	struct model_error e;
	char title[600];

	memset(title, 'x', sizeof(title) - 1);
	title[sizeof(title) - 1] = '\0';
	for (int i = 0; i < NEW_DECISIONS; i++) {
		struct decision *d = VEC_PUSH(&in->decisions);
		char id[32];

		memset(d, 0, sizeof(*d));
		snprintf(id, sizeof(id), "fault-%d", i);
		d->id = xstrdup(id);
		d->title = xstrdup(title);
		d->category = CAT_STRATEGY;
		d->proposed = d->decided = date_from_ymd(2015, 6, 1);
		d->decider.slug = xstrdup("team");
	}
	if (model_validate(p, &e) == -1)
		die("add_records", e.msg);
}

/* Exports the program of db (opened with whatever VFS is the default) into out. */
static int
export_db(const char *db, struct strbuf *out, struct strbuf *check)
{
	struct strbuf err = STRBUF_INIT;
	struct store *s;
	struct program p;
	int ret = -1;

	if (store_open(db, 0, &s, &err) == -1) {
		strbuf_addf(check, "reopen: %s", err.buf);
		strbuf_release(&err);
		return -1;
	}
	if (store_check(s, check, &err) == -1)
		strbuf_addf(check, "check: %s", err.buf);
	else {
		load(s, &p);
		strbuf_reset(out);
		json_write_program(&p, out);
		program_release(&p);
		ret = 0;
	}
	store_close(s);
	strbuf_release(&err);
	return ret;
}

static int
new_rowids_zero(const struct program *p)
{
	const struct initiative *in = &p->initiatives.v[0];

	for (size_t i = in->decisions.n - NEW_DECISIONS; i < in->decisions.n; i++)
		if (in->decisions.v[i].rowid != 0)
			return 0;
	return 1;
}

/*
 * One trial: the save with the k-th op failing (k = 0: none, just counting).
 * Returns the number of op calls the save made.
 */
static long
trial(enum vfs_fault_op op, long k, int forever, int *outcome, struct strbuf *msg)
{
	struct strbuf err = STRBUF_INIT, got = STRBUF_INIT, check = STRBUF_INIT;
	struct store *s;
	struct program p;
	long calls, fired;
	int rc, ok = 1;

	remove_db(trial_db);
	copy_file(base_db, trial_db);
	if (vfs_fault_install() == -1)
		die("vfs", "cannot install the fault VFS");
	vfs_fault_arm(op, 0, 0);
	if (store_open(trial_db, 0, &s, &err) == -1)
		die(trial_db, err.buf);
	load(s, &p);
	add_records(&p);
	vfs_fault_arm(op, k, forever);
	rc = store_program_save(s, &p, NULL, &err);
	calls = vfs_fault_count(op);
	fired = vfs_fault_fired();
	vfs_fault_arm(op, 0, 0);
	*outcome = rc == 0 ? 1 : 0;
	if (fired > 0 && rc == 0) {
		/*
		 * SQLite may not see a failure: a failed write of the padding
		 * after a commit record, say. Then the save must be whole.
		 */
		*outcome = 2;
	}
	if (fired == 0 && rc != 0) {
		printf("  %s k=%ld: the save failed with no fault: %s\n",
		    op == VFS_FAULT_WRITE ? "write" : "sync", k, err.buf);
		ok = 0;
	}
	if (rc == -1) {
		if (err.len == 0 || strchr(err.buf, '\n')) {
			printf("  k=%ld: no one-line message (\"%s\")\n", k, err.buf);
			ok = 0;
		}
		if (msg->len == 0)
			strbuf_addstr(msg, err.buf);
		if (!new_rowids_zero(&p)) {
			printf("  k=%ld: the failed save left rowids set\n", k);
			ok = 0;
		}
		/* The fault is gone (once, or disarmed): a retry on the same connection succeeds. */
		if (!forever && store_program_save(s, &p, NULL, &err) == -1) {
			printf("  k=%ld: the retry after one fault failed: %s\n", k, err.buf);
			ok = 0;
		} else if (!forever)
			*outcome = 3;
	}
	store_close(s);
	program_release(&p);
	vfs_fault_uninstall();

	/* Reopened with the normal VFS: clean, and all or nothing. */
	if (export_db(trial_db, &got, &check) == -1 || check.len) {
		printf("  k=%ld: after the fault: %s\n", k, check.buf);
		ok = 0;
	} else if (strcmp(got.buf, after_json.buf) == 0) {
		if (*outcome == 0)
			*outcome = 4;	/* failed, yet whole after recovery */
	} else if (strcmp(got.buf, before_json.buf) != 0) {
		printf("  %s k=%ld: the data is neither before nor after the save\n",
		    op == VFS_FAULT_WRITE ? "write" : "sync", k);
		ok = 0;
	} else if (*outcome != 0) {
		printf("  %s k=%ld: the save returned 0 yet its records are gone\n",
		    op == VFS_FAULT_WRITE ? "write" : "sync", k);
		ok = 0;
	}
	if (!ok)
		failures++;
	strbuf_release(&err);
	strbuf_release(&got);
	strbuf_release(&check);
	return calls;
}

int
main(int argc, char **argv)
{
	struct strbuf err = STRBUF_INIT, check = STRBUF_INIT;
	struct store *s;
	struct program p;
	struct model_error e;
	size_t len;
	char *doc;
	int outcome, trials = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: iofault DIR DOC.json\n");
		return 2;
	}
	dir = argv[1];
	snprintf(base_db, sizeof(base_db), "%s/base.db", dir);
	snprintf(trial_db, sizeof(trial_db), "%s/trial.db", dir);

	/* The database before: the document, stored with the normal VFS. */
	remove_db(base_db);
	doc = slurp(argv[2], &len);
	program_init(&p);
	if (json_read_program(argv[2], doc, len, &p, &e) == -1 || model_validate(&p, &e) == -1)
		die(argv[2], e.msg);
	if (store_open(base_db, 1, &s, &err) == -1 || store_program_save(s, &p, NULL, &err) == -1)
		die(base_db, err.buf);
	store_close(s);
	program_release(&p);
	free(doc);
	if (export_db(base_db, &before_json, &check) == -1 || check.len)
		die(base_db, check.buf);

	/* The database after: the same save with no fault; it counts the calls. */
	copy_file(base_db, trial_db);
	if (store_open(trial_db, 0, &s, &err) == -1)
		die(trial_db, err.buf);
	load(s, &p);
	add_records(&p);
	if (store_program_save(s, &p, NULL, &err) == -1)
		die(trial_db, err.buf);
	store_close(s);
	program_release(&p);
	if (export_db(trial_db, &after_json, &check) == -1 || check.len)
		die(trial_db, check.buf);

	for (int op = 0; op < VFS_FAULT__MAX; op++)
		for (int forever = 0; forever < 2; forever++) {
			struct strbuf msg = STRBUF_INIT;
			long n = trial((enum vfs_fault_op)op, 0, 0, &outcome, &msg);
			int count[5] = { 0 };
			int before = failures;

			if (n == 0) {
				printf("  the save made no %s call: is the fault VFS in use?\n",
				    op == VFS_FAULT_WRITE ? "write" : "sync");
				failures++;
			}
			for (long k = 1; k <= n + 1; k++) {
				trial((enum vfs_fault_op)op, k, forever, &outcome, &msg);
				count[outcome]++;
				trials++;
				/* k <= n: the fault must have fired and the save seen it */
				if (k <= n && outcome == 1) {
					printf("  k=%ld: no fault fired\n", k);
					failures++;
				}
			}
			printf("R2 %s fault %s, k = 1..%ld: %d clean errors (%d retried ok),"
			    " %d failed but whole after recovery, %d unnoticed, %d no fault; %s\n",
			    op == VFS_FAULT_WRITE ? "write" : "sync", forever ? "forever" : "once",
			    n + 1, count[0] + count[3] + count[4], count[3], count[4],
			    count[2], count[1], failures == before ? "ok" : "FAILED");
			if (msg.len)
				printf("  message: %s\n", msg.buf);
			strbuf_release(&msg);
		}
	printf("R2 io faults: %d trials, %d failed\n", trials, failures);
	remove_db(base_db);
	remove_db(trial_db);
	strbuf_release(&before_json);
	strbuf_release(&after_json);
	strbuf_release(&err);
	strbuf_release(&check);
	return failures ? 1 : 0;
}
