/*
 * The writer of the reliability tests (R1 crash loop, R11 backup under
 * load): appends decisions to one program through the real store API, one
 * decision per transaction (store_program_save of a loaded program with one
 * new record), and prints each decision's number on stdout only after the
 * commit has returned. Whatever it printed is acknowledged: it must survive
 * a kill -9 at any moment.
 *
 *	writer [-n COUNT] DB	append COUNT decisions (default: until killed)
 *	writer -l DB		list the numbers of the stored decisions
 *	writer -e …		unsafe: acknowledge before the commit (shows the
 *				crash loop can fail)
 *
 * The program ("crash", one organization and one initiative) is created on
 * the first run. Numbers go on from the largest stored one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/json.h"
#include "model/model.h"
#include "model/validate.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define SLUG "crash"

static const char seed_doc[] =
	"{\"format\": \"trellis/1\",\n"
	" \"program\": {\"slug\": \"" SLUG "\", \"name\": \"Crash loop\", \"funder\": \"F\","
	" \"start\": \"2014-01-01\", \"end\": \"2016-12-31\"},\n"
	" \"organizations\": [{\"slug\": \"bb\", \"name\": \"Backbone\", \"sector\": \"nonprofit\","
	" \"city\": null, \"staff\": null, \"revenue\": null, \"traits\": {\"flexible_grants\": false,"
	" \"expertise\": [], \"in_kind_staffing\": false, \"experiment\": false, \"convener\": false}}],\n"
	" \"people\": [], \"instruments\": [], \"learning\": [],\n"
	" \"initiatives\": [{\"slug\": \"i1\", \"name\": \"Init\", \"city\": \"X\","
	" \"start\": \"2014-01-01\", \"end\": \"2016-12-31\", \"backbone\": \"bb\","
	" \"fiscal_agent\": \"bb\", \"committee\": [], \"director\": null, \"shared_result\": null,"
	" \"observations\": [], \"members\": [{\"org\": \"bb\", \"role\": \"backbone\","
	" \"joined\": \"2014-01-01\", \"left\": null}], \"responsibilities\": [],"
	" \"decisions\": [], \"grants\": [], \"ledger\": [], \"applications\": [],"
	" \"credits\": [], \"contributions\": [], \"checkins\": [], \"events\": [],"
	" \"surveys\": [], \"ties\": []}]}\n";

static void
die(const char *what, const char *msg)
{
	fprintf(stderr, "writer: %s: %s\n", what, msg);
	exit(1);
}

/* Opens db and loads the program, creating it on the first run. */
static void
load(const char *db, struct store **s, struct program *p)
{
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	int r;

	if (store_open(db, 1, s, &err) == -1)
		die(db, err.buf);
	program_init(p);
	if ((r = store_program_load(*s, SLUG, p, &err)) == -1)
		die(db, err.buf);
	if (r == 1) {
		program_release(p);
		program_init(p);
		if (json_read_program("seed", seed_doc, sizeof(seed_doc) - 1, p, &e) == -1 ||
		    model_validate(p, &e) == -1)
			die("seed", e.msg);
		if (store_program_save(*s, p, NULL, &err) == -1)
			die(db, err.buf);
	}
	if (model_validate(p, &e) == -1)
		die(db, e.msg);
	strbuf_release(&err);
}

int
main(int argc, char **argv)
{
	struct strbuf err = STRBUF_INIT;
	struct program p;
	struct store *s;
	struct initiative *in;
	long count = -1, next = 0;
	int c, list = 0, early = 0;

	while ((c = getopt(argc, argv, "eln:")) != -1)
		switch (c) {
		case 'e':
			early = 1;
			break;
		case 'l':
			list = 1;
			break;
		case 'n':
			count = atol(optarg);
			break;
		default:
			goto usage;
		}
	if (optind != argc - 1)
		goto usage;
	load(argv[optind], &s, &p);
	in = &p.initiatives.v[0];
	for (size_t i = 0; i < in->decisions.n; i++) {
		long n = atol(in->decisions.v[i].id + 1);

		if (list)
			printf("%ld\n", n);
		if (n >= next)
			next = n + 1;
	}
	if (list)
		goto out;
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (long done = 0; count < 0 || done < count; done++, next++) {
		struct decision *d = VEC_PUSH(&in->decisions);
		char id[32];

		memset(d, 0, sizeof(*d));
		snprintf(id, sizeof(id), "r%ld", next);
		d->id = xstrdup(id);
		d->title = xstrdup("appended by the reliability writer");
		d->category = CAT_OTHER;
		d->proposed = d->decided = date_from_ymd(2015, 1, 1);
		/* resolved as model_validate would: the writer does not revalidate per record */
		d->decider.slug = xstrdup("team");
		d->decider.idx = REF_TEAM;
		if (early)
			printf("%ld\n", next);
		if (store_program_save(s, &p, NULL, &err) == -1)
			die(argv[optind], err.buf);
		/* acknowledged: the commit has returned */
		if (!early)
			printf("%ld\n", next);
	}
out:
	fflush(stdout);
	store_close(s);
	program_release(&p);
	strbuf_release(&err);
	return 0;
usage:
	fprintf(stderr, "usage: writer [-e] [-n COUNT] DB | writer -l DB\n");
	return 2;
}
