/*
 * A trellis/1 JSON file of tests/data/ read into a program and validated,
 * for the unit tests that start from one (include after cmocka.h).
 */
#ifndef TRELLIS_TEST_FIXTURE_JSON_H
#define TRELLIS_TEST_FIXTURE_JSON_H

#include <stdio.h>

#include "io/json.h"
#include "model/validate.h"
#include "util/strbuf.h"

/* Reads tests/data/NAME into p (program_init first) or fails the test. */
static void
fixture_json_load(const char *name, struct program *p)
{
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	struct model_error e;
	char buf[4096];
	size_t n;
	FILE *f;

	strbuf_addf(&path, "tests/data/%s", name);
	f = fopen(path.buf, "r");
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	program_init(p);
	if (json_read_program(name, sb.buf, sb.len, p, &e) || model_validate(p, &e))
		fail_msg("%s", e.msg);
	strbuf_release(&sb);
	strbuf_release(&path);
}

#endif
