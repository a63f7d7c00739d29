/*
 * R3: trellis/1 CSV import, every file kind. The input is a set of CSV
 * files: sections separated by NUL bytes, each starting with one byte that
 * names its kind (the byte modulo CSV__MAX: 0 program.csv … 18 ties.csv),
 * read in order into one program like `trellis import a.csv b.csv …`, then
 * model_validate. A set that passes must survive the round trip: its CSV
 * export read back validates and exports to the same bytes.
 */
#include "fuzz_common.h"
#include "io/csv.h"
#include "io/json.h"
#include "model/model.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "util/banned.h"

static void
export_all(const struct program *p, struct strbuf out[CSV__MAX])
{
	for (int i = 0; i < CSV__MAX; i++)
		csv_write((enum csv_file)i, p, &out[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct program p, q;
	struct model_error e;
	struct strbuf once[CSV__MAX], twice[CSV__MAX];
	const uint8_t *end = data + size;
	int ok = 1;

	program_init(&p);
	program_init(&q);
	for (int i = 0; i < CSV__MAX; i++) {
		strbuf_init(&once[i], 0);
		strbuf_init(&twice[i], 0);
	}
	while (data < end && ok) {
		/* the kind byte itself may be 0: the separator is searched after it */
		const uint8_t *nul = memchr(data + 1, '\0', (size_t)(end - data - 1));
		const uint8_t *stop = nul ? nul : end;
		int which = data[0] % CSV__MAX;

		/* the file's bytes on their own, so that a read past them is caught */
		char *file = fuzz_cstr(data + 1, (size_t)(stop - data - 1));

		ok = csv_read((enum csv_file)which, csv_file_names[which], file,
		    (size_t)(stop - data - 1), &p, &e) == 0;
		free(file);
		data = nul ? nul + 1 : end;
	}
	if (!ok || p.slug == NULL || model_validate(&p, &e) == -1)
		goto out;
	export_all(&p, once);
	for (int i = 0; i < CSV__MAX; i++)
		if (csv_read((enum csv_file)i, csv_file_names[i], once[i].buf, once[i].len,
		    &q, &e) == -1) {
			fprintf(stderr, "%s\n%s:%u: %s: %s\n", once[i].buf, e.file, e.line,
			    e.field, e.msg);
			fuzz_fail("a CSV export does not import");
		}
	if (model_validate(&q, &e) == -1) {
		fprintf(stderr, "%s:%u: %s: %s\n", e.file, e.line, e.field, e.msg);
		fuzz_fail("a CSV export does not validate");
	}
	export_all(&q, twice);
	for (int i = 0; i < CSV__MAX; i++)
		if (once[i].len != twice[i].len ||
		    memcmp(once[i].buf, twice[i].buf, once[i].len) != 0) {
			fprintf(stderr, "first:\n%s\nsecond:\n%s\n", once[i].buf, twice[i].buf);
			fuzz_fail("CSV export → import → export changed the bytes");
		}
out:
	program_release(&p);
	program_release(&q);
	for (int i = 0; i < CSV__MAX; i++) {
		strbuf_release(&once[i]);
		strbuf_release(&twice[i]);
	}
	return 0;
}
