/*
 * trellis demo: the demo program (DESIGN §10) built, validated like any
 * import, and saved.
 */
#include <stdio.h>

#include "../model/demo.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const char *opt_seed;

static const struct cli_opt demo_opts[] = {
	{ "seed", "N", &opt_seed, N_("the generator's seed (default 1): the same seed gives the same data") },
	{ NULL, NULL, NULL, NULL },
};

static const struct cli_cmd demo_cmd = {
	"demo", "[--db PATH] [--seed N]",
	N_("Creates the demo program in the database (created when missing): six\n"
	"fictional initiatives of a Working Cities-style round, 2014-2017, with\n"
	"three years of decisions, money, credits, check-ins, events, surveys and\n"
	"network ties, among which every pitfall and every practice of the balance\n"
	"report appears."),
	N_("example:\n  rm -f demo.db && trellis --db demo.db demo && trellis --db demo.db stats"),
};

int
cmd_demo(int argc, char **argv, struct cli *c)
{
	struct strbuf err = STRBUF_INIT;
	struct program p;
	struct model_error e;
	struct store *s = NULL;
	int64_t seed = DEMO_DEFAULT_SEED;
	int ret, nargs, r;

	opt_seed = NULL;
	if ((ret = cli_parse(&demo_cmd, demo_opts, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs > 0)
		return cli_usage_error(&demo_cmd, _("unexpected argument '%s'"), argv[0]);
	if (opt_seed && (int_parse(opt_seed, &seed) == -1 || seed < 0))
		return cli_usage_error(&demo_cmd, _("--seed wants a whole number ≥ 0, not '%s'"),
		    opt_seed);

	program_init(&p);
	ret = CLI_FAIL;
	demo_build(&p, (uint64_t)seed);
	/* The generator is held to the same rules as any import. */
	if (model_validate(&p, &e) == -1) {
		fputs(_("trellis: the demo program is not valid (a bug): "), stderr);
		cli_model_error(&e);
		goto out;
	}
	if (cli_store_open(c, 1, &s) == -1)
		goto out;
	if ((r = cli_store_has(s, p.slug)) != 0) {
		if (r == 1)
			cli_error(_("%s: the demo program '%s' is already there (remove the file, or use another --db)"),
			    c->db, p.slug);
		goto out;
	}
	if (store_program_save(s, &p, NULL, &err) == -1) {
		cli_error("%s: %s", c->db, err.buf);
		goto out;
	}
	printf(P_("Created the demo program %s (%zu initiative) in %s\n",
	    "Created the demo program %s (%zu initiatives) in %s\n", p.initiatives.n), p.slug,
	    p.initiatives.n, c->db);
	ret = CLI_OK;
out:
	if (s)
		store_close(s);
	program_release(&p);
	strbuf_release(&err);
	return ret;
}
