/*
 * trellis export: a program written back as trellis/1 — one JSON document,
 * or a directory of CSV files, one per record kind.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../io/csv.h"
#include "../io/json.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const char *opt_format, *opt_out;

static const struct cli_opt export_opts[] = {
	{ "format", "json|csv", &opt_format, "json (the default) or csv" },
	{ "out", "PATH", &opt_out, N_("json: the file to write (default: standard output);"
	    " csv: the directory") },
	{ NULL, NULL, NULL, NULL },
};

static const struct cli_cmd export_cmd = {
	"export", "[--db PATH] [--program SLUG] [--format json|csv] [--out PATH]",
	N_("Writes the program as a trellis/1 JSON document, or as CSV files (one per\n"
	"record kind, program.csv to ties.csv) in the directory --out, created when\n"
	"missing. Importing an export and exporting again gives identical bytes."),
	N_("examples:\n"
	"  trellis export > program.json\n"
	"  trellis export --format csv --out program-csv/"),
};

static int
export_csv(const struct program *p, const char *dir, struct cli_progress *pg)
{
	struct strbuf data = STRBUF_INIT, path = STRBUF_INIT;
	struct stat st;
	int ret = -1;

	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		cli_error(_("%s: cannot create directory: %s"), dir, strerror(errno));
		goto out;
	}
	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode)) {
		cli_error(_("%s: not a directory"), dir);
		goto out;
	}
	for (int i = 0; i < CSV__MAX; i++) {
		if (csv_file_omitted((enum csv_file)i, p))
			continue;
		cli_progress_stage(pg, _("writing %s"), csv_file_names[i]);
		strbuf_reset(&data);
		strbuf_reset(&path);
		csv_write((enum csv_file)i, p, &data);
		strbuf_addf(&path, "%s/%s", dir, csv_file_names[i]);
		if (cli_write_file(path.buf, data.buf, data.len) == -1)
			goto out;
	}
	ret = 0;
out:
	strbuf_release(&data);
	strbuf_release(&path);
	return ret;
}

static int
export_json(const struct program *p, const char *path, struct cli_progress *pg)
{
	struct strbuf data = STRBUF_INIT;
	int ret = -1;

	cli_progress_stage(pg, _("writing JSON"));
	json_write_program(p, &data);
	if (path && strcmp(path, "-") != 0) {
		if (cli_write_file(path, data.buf, data.len) == -1)
			goto out;
	} else if (fwrite(data.buf, 1, data.len, stdout) != data.len ||
	    fflush(stdout) != 0) {
		cli_error(_("standard output: cannot write: %s"), strerror(errno));
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&data);
	return ret;
}

int
cmd_export(int argc, char **argv, struct cli *c)
{
	struct program p;
	struct cli_progress pg;
	struct store *s = NULL;
	int ret, nargs, csv;

	opt_format = opt_out = NULL;
	if ((ret = cli_parse(&export_cmd, export_opts, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs > 0)
		return cli_usage_error(&export_cmd, _("unexpected argument '%s'"), argv[0]);
	if (opt_format && strcmp(opt_format, "json") != 0 && strcmp(opt_format, "csv") != 0)
		return cli_usage_error(&export_cmd, _("unknown format '%s' (json or csv)"),
		    opt_format);
	csv = opt_format && strcmp(opt_format, "csv") == 0;
	if (csv && opt_out == NULL)
		return cli_usage_error(&export_cmd, _("--format csv needs --out DIRECTORY"));

	program_init(&p);
	cli_progress_begin(&pg, "export");
	ret = CLI_FAIL;
	if (cli_store_open(c, 0, &s) == -1)
		goto out;
	cli_progress_stage(&pg, _("loading"));
	if ((ret = cli_store_load(c, s, &p)) != 0)
		goto out;
	ret = CLI_FAIL;
	if ((csv ? export_csv(&p, opt_out, &pg) : export_json(&p, opt_out, &pg)) == -1)
		goto out;
	ret = CLI_OK;
out:
	cli_progress_done(&pg);
	if (s)
		store_close(s);
	program_release(&p);
	return ret;
}
