/*
 * R3: the text parsers shared by every reader and the web forms: dates
 * (util/date.h), money and numbers (util/num.h), and a field's value from
 * text (model/fieldtext.h) for every scalar field of every record kind.
 * The first byte picks the parser (and, for fields, the next two pick the
 * kind and the field); the rest is the text. Properties: what parses,
 * formats and parses back to the same value (a date to the very same text).
 */
#include "fuzz_common.h"
#include <math.h>

#include "model/fields.h"
#include "model/fieldtext.h"
#include "model/model.h"
#include "util/date.h"
#include "util/num.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const struct kind *const kinds[] = {
	&kind_program, &kind_organization, &kind_person, &kind_instrument_item,
	&kind_instrument, &kind_learning_note, &kind_learning, &kind_observation,
	&kind_member, &kind_responsibility, &kind_decision, &kind_budget_line,
	&kind_grant, &kind_ledger_entry, &kind_application, &kind_credit,
	&kind_contribution, &kind_checkin, &kind_event, &kind_response,
	&kind_survey, &kind_tie, &kind_initiative,
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static void
check_date(const char *s)
{
	char buf[DATE_BUFSZ];
	tdate t, u;
	int y, m, d;

	if (date_parse(s, &t) == -1)
		return;
	if (strcmp(date_format(t, buf), s) != 0)
		fuzz_fail("date_parse → date_format is not the same text");
	date_to_ymd(t, &y, &m, &d);
	if (date_from_ymd(y, m, d) != t || d > date_days_in_month(y, m))
		fuzz_fail("date_to_ymd → date_from_ymd differs");
	u = date_add_months(t, (int)(strlen(s) % 25) - 12);
	if (date_parse(date_format(u, buf), &t) == -1 && u >= date_from_ymd(1000, 1, 1) &&
	    u <= date_from_ymd(9999, 12, 31))
		fuzz_fail("date_add_months made a date that does not parse");
}

static void
check_money(const char *s)
{
	char buf[NUM_BUFSZ], disp[NUM_BUFSZ];
	int64_t c, c2;

	if (money_parse(s, &c) != 0)
		return;
	if (money_parse(money_format(c, buf), &c2) != 0 || c2 != c)
		fuzz_fail("money_parse → money_format → money_parse differs");
	money_display(c, disp);
	if (strlen(disp) >= NUM_BUFSZ)
		fuzz_fail("money_display overflowed");
}

static void
check_real(const char *s)
{
	char buf[NUM_BUFSZ];
	double v, w;
	int64_t i;

	(void)int_parse(s, &i);
	if (real_parse(s, &v) != 0)
		return;
	if (!isfinite(v))
		fuzz_fail("real_parse accepted a value that is not finite");
	if (real_parse(real_format(v, buf), &w) != 0 || w != v)
		fuzz_fail("real_parse → real_format → real_parse differs");
}

static int
scalar(const struct field *f)
{
	return f->type != FT_OBJECT && f->type != FT_LIST && f->type != FT_RACI &&
	    f->type != FT_ANSWERS;
}

static void
check_field(unsigned kb, unsigned fb, const char *s)
{
	const struct kind *k = kinds[kb % NKINDS];
	const struct field *f = &k->fields[fb % (unsigned)k->nfields];
	struct srcloc loc = { "fuzz", 1 };
	struct model_error e;
	struct strbuf t1 = STRBUF_INIT, t2 = STRBUF_INIT;
	void *r1, *r2;

	if (!scalar(f))
		return;
	r1 = calloc(1, k->size);
	r2 = calloc(1, k->size);
	if (r1 == NULL || r2 == NULL)
		abort();
	field_set_null(f, r1);
	field_set_null(f, r2);
	if (field_from_text(f, r1, s, f->name, &loc, &e) == 0) {
		field_to_text(f, r1, &t1);
		if (field_from_text(f, r2, t1.buf, f->name, &loc, &e) == -1) {
			fprintf(stderr, "%s.%s: '%s' → '%s': %s\n", k->name, f->name, s,
			    t1.buf, e.msg);
			fuzz_fail("a field's text form does not parse back");
		}
		field_to_text(f, r2, &t2);
		if (strcmp(t1.buf, t2.buf) != 0)
			fuzz_fail("a field's text form changed on the round trip");
	}
	kind_release(k, r1);
	kind_release(k, r2);
	free(r1);
	free(r2);
	strbuf_release(&t1);
	strbuf_release(&t2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (size < 3)
		return 0;
	s = fuzz_cstr(data + 3, size - 3);
	switch (data[0] % 5) {
	case 0:
		check_date(s);
		break;
	case 1:
		check_money(s);
		break;
	case 2:
		check_real(s);
		break;
	case 3:
		check_field(data[1], data[2], s);
		break;
	default:
		(void)slug_valid(s);
		(void)text_valid(s, 0);
		(void)text_valid(s, 1);
		break;
	}
	free(s);
	return 0;
}
