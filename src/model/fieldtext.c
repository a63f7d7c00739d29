#include <stdlib.h>
#include <string.h>

#include "fieldtext.h"
#include "model.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "../util/banned.h"

void
field_set_null(const struct field *f, void *rec)
{
	void *p = FIELD_PTR(rec, f);

	switch (f->type) {
	case FT_STR:
	case FT_SLUG:
	case FT_ID:
		free(*(char **)p);
		*(char **)p = NULL;
		break;
	case FT_DATE:
		*(tdate *)p = DATE_NONE;
		break;
	case FT_MONEY:
	case FT_INT:
		*(int64_t *)p = INT_NONE;
		break;
	case FT_SMALL:
	case FT_BOOL:
		*(int *)p = 0;
		break;
	case FT_ENUM:
		*(int *)p = 0;
		break;
	case FT_REAL:
		*(double *)p = 0;
		break;
	case FT_REF:
		free(((struct ref *)p)->slug);
		((struct ref *)p)->slug = NULL;
		((struct ref *)p)->idx = REF_UNRESOLVED;
		break;
	default:
		break;
	}
}

/* The bytes of a slug: a table, as an import checks a slug in every reference (P1). */
static const unsigned char slug_bytes[256] = {
	['-'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1,
	['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
	['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1,
	['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1
};

int
slug_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (slug_bytes[p[n]])	/* the NUL is not a slug's byte */
		n++;
	return n > 0 && n <= LIMIT_SLUG && p[n] == '\0';
}

static int
id_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > LIMIT_ID)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

int
text_valid(const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p;
		int extra;

		if (c < 0x20 || c == 0x7f) {
			if (!(c == '\n' || c == '\t' || c == '\r') || !multiline)
				return 0;
			p++;
			continue;
		}
		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			extra = 1;
		else if (c >= 0xe0 && c <= 0xef)
			extra = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			extra = 3;
		else
			return 0;
		for (int i = 1; i <= extra; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		/* overlong, surrogate and out-of-range forms */
		if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) ||
		    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
			return 0;
		p += extra + 1;
	}
	return 1;
}

unsigned
text_bidi_control(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	/* U+202A..U+202E are E2 80 AA..AE, U+2066..U+2069 are E2 81 A6..A9 */
	for (; (p = (const unsigned char *)strchr((const char *)p, 0xe2)) != NULL; p++) {
		unsigned cp;

		if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			continue;	/* p[2] is read only when p[1] is not the end */
		cp = 0x2000u | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
		if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			return cp;
	}
	return 0;
}

static const char *
show(const char *text, char buf[48])
{
	size_t n = strlen(text);

	if (n <= 40)
		return text;
	memcpy(buf, text, 40);
	memcpy(buf + 40, "…", sizeof("…"));
	return buf;
}

int
field_check_string(const struct field *f, const char *text,
    const char *path, const struct srcloc *loc, struct model_error *e)
{
	size_t limit = (f->flags & FL_LONG) ? LIMIT_LONG : LIMIT_STR;
	unsigned bidi;
	char b[48];

	switch (f->type) {
	case FT_SLUG:
		if (!slug_valid(text)) {
			model_error_set(e, loc, path, _("'%s' is not a slug "
			    "(lowercase letters, digits and '-', at most %d)"), show(text, b), LIMIT_SLUG);
			return -1;
		}
		return 0;
	case FT_ID:
		if (!id_valid(text)) {
			model_error_set(e, loc, path, _("'%s' is not an id "
			    "(letters, digits, '.', '_' and '-', at most %d)"), show(text, b), LIMIT_ID);
			return -1;
		}
		return 0;
	default:
		if (strlen(text) > limit) {
			model_error_set(e, loc, path, _("longer than %zu bytes"), limit);
			return -1;
		}
		if (!text_valid(text, (f->flags & FL_LONG) != 0)) {
			model_error_set(e, loc, path, (f->flags & FL_LONG) ?
			    _("not valid UTF-8 text") : _("not valid UTF-8 text on one line"));
			return -1;
		}
		if (!(f->flags & FL_LONG) && (bidi = text_bidi_control(text)) != 0) {
			model_error_set(e, loc, path, _("contains the bidirectional control "
			    "character U+%04X, which reorders what a reader sees; "
			    "one-line text cannot hold it"), bidi);
			return -1;
		}
		return 0;
	}
}

static int
enum_error(const struct field *f, const char *text, const char *path,
    const struct srcloc *loc, struct model_error *e)
{
	struct strbuf sb = STRBUF_INIT;
	char b[48];

	for (int i = 0; i < f->nnames; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", f->names[i]);
	model_error_set(e, loc, path, _("'%s' is not one of: %s"), show(text, b), sb.buf);
	strbuf_release(&sb);
	return -1;
}

static int
ref_check(const struct field *f, const char *text, const char *path,
    const struct srcloc *loc, struct model_error *e)
{
	char b[48];

	switch (f->ref) {
	case RT_GRANT:
	case RT_INSTRUMENT:
		if (f->ref == RT_INSTRUMENT ? !slug_valid(text) : !id_valid(text)) {
			model_error_set(e, loc, path, f->ref == RT_GRANT ?
			    _("'%s' is not a valid grant id") : _("'%s' is not a valid instrument code"),
			    show(text, b));
			return -1;
		}
		return 0;
	default:
		if (!slug_valid(text)) {
			model_error_set(e, loc, path, _("'%s' is not a slug "
			    "(lowercase letters, digits and '-')"), show(text, b));
			return -1;
		}
		return 0;
	}
}

int
field_list_add(const struct field *f, void *rec, const char *item,
    const char *path, const struct srcloc *loc, struct model_error *e)
{
	void *p = FIELD_PTR(rec, f);

	if (f->type == FT_ENUMS) {
		VEC(int) *v = p;
		int k = enum_lookup(f->names, f->nnames, item);

		if (k < 0)
			return enum_error(f, item, path, loc, e);
		for (size_t i = 0; i < v->n; i++)
			if (v->v[i] == k) {
				model_error_set(e, loc, path, _("'%s' is listed twice"), item);
				return -1;
			}
		*VEC_PUSH(v) = k;
		return 0;
	} else {
		struct refs *v = p;
		struct ref *r;

		if (ref_check(f, item, path, loc, e))
			return -1;
		for (size_t i = 0; i < v->n; i++)
			if (strcmp(v->v[i].slug, item) == 0) {
				model_error_set(e, loc, path, _("'%s' is listed twice"), item);
				return -1;
			}
		r = VEC_PUSH(v);
		r->slug = xstrdup(item);
		r->idx = REF_UNRESOLVED;
		return 0;
	}
}

int
field_from_text(const struct field *f, void *rec, const char *text,
    const char *path, const struct srcloc *loc, struct model_error *e)
{
	void *p = FIELD_PTR(rec, f);
	char b[48];
	int64_t iv;
	double dv;

	if (text == NULL || *text == '\0') {
		if ((f->flags & FL_OPTIONAL) || f->type == FT_REFS || f->type == FT_ENUMS) {
			field_set_null(f, rec);
			return 0;
		}
		model_error_set(e, loc, path, _("is required"));
		return -1;
	}
	switch (f->type) {
	case FT_STR:
	case FT_SLUG:
	case FT_ID:
		if (field_check_string(f, text, path, loc, e))
			return -1;
		free(*(char **)p);
		*(char **)p = xstrdup(text);
		return 0;
	case FT_DATE:
		if (date_parse(text, (tdate *)p)) {
			model_error_set(e, loc, path, _("'%s' is not a real date (YYYY-MM-DD)"), show(text, b));
			return -1;
		}
		return 0;
	case FT_MONEY:
		switch (money_parse(text, &iv)) {
		case 0:
			break;
		case -2:
			model_error_set(e, loc, path, _("'%s' has more than two decimals"), show(text, b));
			return -1;
		case -3:
			model_error_set(e, loc, path, _("'%s' is too large"), show(text, b));
			return -1;
		default:
			model_error_set(e, loc, path, _("'%s' is not an amount in dollars"), show(text, b));
			return -1;
		}
		if (iv < 0 || ((f->flags & FL_POSITIVE) && iv == 0)) {
			model_error_set(e, loc, path, (f->flags & FL_POSITIVE) ?
			    _("'%s' must be greater than 0") : _("'%s' must be at least 0"), text);
			return -1;
		}
		*(int64_t *)p = iv;
		return 0;
	case FT_INT:
	case FT_SMALL:
		if (int_parse(text, &iv)) {
			model_error_set(e, loc, path, _("'%s' is not a whole number"), show(text, b));
			return -1;
		}
		if (iv < f->min || iv > f->max) {
			model_error_set(e, loc, path, _("%lld is out of range %lld to %lld"),
			    (long long)iv, (long long)f->min, (long long)f->max);
			return -1;
		}
		if (f->type == FT_INT)
			*(int64_t *)p = iv;
		else
			*(int *)p = (int)iv;
		return 0;
	case FT_REAL:
		if (real_parse(text, &dv)) {
			model_error_set(e, loc, path, _("'%s' is not a number"), show(text, b));
			return -1;
		}
		if ((f->flags & FL_POSITIVE) && dv <= 0) {
			model_error_set(e, loc, path, _("'%s' must be greater than 0"), text);
			return -1;
		}
		*(double *)p = dv;
		return 0;
	case FT_BOOL:
		if (strcmp(text, "true") == 0)
			*(int *)p = 1;
		else if (strcmp(text, "false") == 0)
			*(int *)p = 0;
		else {
			model_error_set(e, loc, path, _("'%s' is not true or false"), show(text, b));
			return -1;
		}
		return 0;
	case FT_ENUM: {
		int k = enum_lookup(f->names, f->nnames, text);

		if (k < 0)
			return enum_error(f, text, path, loc, e);
		*(int *)p = k;
		return 0;
	}
	case FT_REF: {
		struct ref *r = p;

		if (ref_check(f, text, path, loc, e))
			return -1;
		free(r->slug);
		r->slug = xstrdup(text);
		r->idx = REF_UNRESOLVED;
		return 0;
	}
	case FT_REFS:
	case FT_ENUMS: {
		const char *s = text;

		for (;;) {
			const char *semi = strchr(s, ';');
			size_t n = semi ? (size_t)(semi - s) : strlen(s);
			char *item = xstrndup(s, n);
			int rc = field_list_add(f, rec, item, path, loc, e);

			free(item);
			if (rc)
				return -1;
			if (!semi)
				return 0;
			s = semi + 1;
		}
	}
	default:
		model_error_set(e, loc, path, _("cannot be given as text"));
		return -1;
	}
}

int
field_to_text(const struct field *f, const void *rec, struct strbuf *out)
{
	const void *p = (const char *)rec + f->off;
	char buf[NUM_BUFSZ];

	switch (f->type) {
	case FT_STR:
	case FT_SLUG:
	case FT_ID:
		if (*(char *const *)p == NULL)
			return 0;
		strbuf_addstr(out, *(char *const *)p);
		return 1;
	case FT_DATE:
		if (*(const tdate *)p == DATE_NONE)
			return 0;
		strbuf_addstr(out, date_format(*(const tdate *)p, buf));
		return 1;
	case FT_MONEY:
		if (*(const int64_t *)p == INT_NONE)
			return 0;
		strbuf_addstr(out, money_format(*(const int64_t *)p, buf));
		return 1;
	case FT_INT:
		if (*(const int64_t *)p == INT_NONE)
			return 0;
		strbuf_addf(out, "%lld", (long long)*(const int64_t *)p);
		return 1;
	case FT_SMALL:
		if ((f->flags & FL_OPTIONAL) && *(const int *)p == 0)
			return 0;
		strbuf_addf(out, "%d", *(const int *)p);
		return 1;
	case FT_REAL:
		strbuf_addstr(out, real_format(*(const double *)p, buf));
		return 1;
	case FT_BOOL:
		strbuf_addstr(out, *(const int *)p ? "true" : "false");
		return 1;
	case FT_ENUM:
		if (field_empty(f, rec))
			return 0;	/* a sparse enum at its default */
		strbuf_addstr(out, f->names[*(const int *)p]);
		return 1;
	case FT_REF:
		if (((const struct ref *)p)->slug == NULL)
			return 0;
		strbuf_addstr(out, ((const struct ref *)p)->slug);
		return 1;
	case FT_REFS: {
		const struct refs *v = p;

		for (size_t i = 0; i < v->n; i++) {
			if (i)
				strbuf_addch(out, ';');
			strbuf_addstr(out, v->v[i].slug);
		}
		return v->n > 0;
	}
	case FT_ENUMS: {
		const struct anyvec *v = p;
		const int *iv = v->v;

		for (size_t i = 0; i < v->n; i++) {
			if (i)
				strbuf_addch(out, ';');
			strbuf_addstr(out, f->names[iv[i]]);
		}
		return v->n > 0;
	}
	default:
		return 0;
	}
}

/*
 * The English words a person reads for the field tables (docs/i18n.md):
 * form_label() derives a field's label from its name ("as_of" → "As of")
 * and an enum value's text from its code ("out_of_the_loop" → "out of the
 * loop"), and shows them through _(). These lists only mark those words
 * for the translators; tests/unit/view/test_i18n_team.c checks that every
 * field and every enum value of the field tables has its entry.
 */
const char *const field_label_texts[] = {
	N_("Actions"), N_("Alert"), N_("Amount"), N_("Answer"), N_("Answers"),
	N_("Applications"), N_("Approvals"), N_("As of"), N_("Asked"), N_("Assignments"), N_("Assistance"),
	N_("Attended"), N_("Attendees"), N_("Backbone"), N_("Backbone own"),
	N_("Baseline"), N_("Body"), N_("By"), N_("Candidates"), N_("Catalytic"), N_("Category"),
	N_("Challenges"), N_("Channel"), N_("Checkins"), N_("City"), N_("Closed"),
	N_("Closes"), N_("Co applicants"), N_("Code"), N_("Committee"), N_("Consulted"),
	N_("Contrary views"), N_("Contributions"), N_("Convener"), N_("Convener evidence"),
	N_("Credited"), N_("Credits"), N_("Date"), N_("Decided"), N_("Decider"),
	N_("Decision"), N_("Decisions"), N_("Direction"), N_("Director"), N_("Done"),
	N_("Due"), N_("Email"), N_("Employer"), N_("End"), N_("Evaluated by"),
	N_("Events"), N_("Evidence"), N_("Expected"), N_("Experiment"),
	N_("Experiment evidence"), N_("Expertise"), N_("Expertise evidence"),
	N_("Fiscal agent"), N_("Flexible grants"), N_("Flexible grants evidence"),
	N_("Follow ups"), N_("Frequency"), N_("From"), N_("Funder"), N_("Grant"),
	N_("Grants"), N_("Group"), N_("Hours"), N_("Id"), N_("In kind staffing"),
	N_("In kind staffing evidence"), N_("Indicator"), N_("Influence"), N_("Informed"),
	N_("Initiative"), N_("Initiatives"), N_("Instrument"), N_("Instruments"),
	N_("Involvement"), N_("Items"), N_("Joined"), N_("Kind"), N_("Lead"),
	N_("Learning"), N_("Ledger"), N_("Left"), N_("Line"), N_("Lines"), N_("Members"),
	N_("Mission"), N_("Name"), N_("Note"), N_("Notes"), N_("Observations"),
	N_("On behalf"), N_("Opened"), N_("Openness"), N_("Org"), N_("Organizations"), N_("Outcome"),
	N_("Owner"), N_("Owner org"), N_("Owner person"), N_("People"), N_("Period"),
	N_("Person"), N_("Program"), N_("Progress"), N_("Proposals"), N_("Proposed"),
	N_("Provider"), N_("Purpose"), N_("Question"), N_("Reason"), N_("Recipient"),
	N_("Recorded by"), N_("Ref"), N_("Reliability"), N_("Reports to"), N_("Resources"),
	N_("Responses"), N_("Responsibilities"), N_("Revenue"), N_("Role"), N_("Round"),
	N_("Sector"), N_("Shared result"), N_("Slug"), N_("Staff"), N_("Start"),
	N_("Statement"), N_("Status"), N_("Surveys"), N_("Target"), N_("Text"), N_("Ties"),
	N_("Title"), N_("To"), N_("Topic"), N_("Traits"), N_("Type"), N_("Unit"),
	N_("Value"), N_("Verdict"),
};
const size_t nfield_label_texts = sizeof(field_label_texts) / sizeof(field_label_texts[0]);

const char *const enum_value_texts[] = {
	N_("agree"), N_("alert"), N_("approve"), N_("approved"), N_("award"), N_("awarded"), N_("backbone"),
	N_("blurred boundaries"), N_("capacity shared"), N_("checkin"), N_("co-lead"),
	N_("communications"), N_("community-engagement"), N_("concerns"), N_("convener"),
	N_("convening"), N_("credit given"), N_("data"), N_("decision"), N_("declined"),
	N_("director"), N_("director as employee"), N_("director supported"),
	N_("disbursement"), N_("dominance"), N_("done"), N_("down"), N_("draft"),
	N_("dropped"), N_("education"), N_("evaluation"), N_("expense"), N_("experiment"),
	N_("expertise"), N_("facilitation"), N_("faith"), N_("figure"), N_("financial"),
	N_("flexible grants"), N_("fundraising"), N_("health"), N_("in kind staffing"),
	N_("joint grant seeking"), N_("learning-evaluation"), N_("no contrary views"),
	N_("nonprofit"), N_("object"), N_("open"), N_("other"), N_("out of the loop"),
	N_("partner"), N_("partners compensated"), N_("peer-exchange"), N_("pending"), N_("personnel"),
	N_("philanthropy"), N_("policy-advocacy"), N_("presentation"), N_("press"),
	N_("private"), N_("program"), N_("public"), N_("reject"), N_("rejected"), N_("report"), N_("resident"),
	N_("shared leadership"), N_("social"), N_("staffing"), N_("strategy"),
	N_("submitted"), N_("team-meeting"), N_("training"), N_("up"),
};
const size_t nenum_value_texts = sizeof(enum_value_texts) / sizeof(enum_value_texts[0]);
