/*
 * R3: trellis/1 JSON import. json_read_program on any bytes, then
 * model_validate; a document that passes both must survive the round trip
 * of json.h: export → import → export gives identical bytes.
 */
#include "fuzz_common.h"
#include "io/json.h"
#include "model/model.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "util/banned.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct program p, q;
	struct model_error e;
	struct strbuf once = STRBUF_INIT, twice = STRBUF_INIT;

	program_init(&p);
	program_init(&q);
	if (json_read_program("fuzz.json", (const char *)data, size, &p, &e) == -1 ||
	    model_validate(&p, &e) == -1)
		goto out;
	json_write_program(&p, &once);
	if (json_read_program("again.json", once.buf, once.len, &q, &e) == -1) {
		fprintf(stderr, "%s\n%s:%u: %s: %s\n", once.buf, e.file, e.line, e.field, e.msg);
		fuzz_fail("an export does not import");
	}
	if (model_validate(&q, &e) == -1) {
		fprintf(stderr, "%s\n%s:%u: %s: %s\n", once.buf, e.file, e.line, e.field, e.msg);
		fuzz_fail("an export does not validate");
	}
	json_write_program(&q, &twice);
	if (once.len != twice.len || memcmp(once.buf, twice.buf, once.len) != 0) {
		fprintf(stderr, "first:\n%s\nsecond:\n%s\n", once.buf, twice.buf);
		fuzz_fail("export → import → export changed the bytes");
	}
out:
	program_release(&p);
	program_release(&q);
	strbuf_release(&once);
	strbuf_release(&twice);
	return 0;
}
