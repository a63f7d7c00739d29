/*
 * Saving and loading a whole program, driven by the field tables of
 * src/model/fields.h rather than by twenty hand-written copies: each record
 * kind is a row of store_tables[] naming its parent table and its statements, and
 * its columns are its fields in field-table order (see sql.c).
 *
 * Field type → column(s), for both insert parameters and select columns:
 *   FT_STR, FT_SLUG, FT_ID	TEXT, NULL when absent
 *   FT_DATE			TEXT 'YYYY-MM-DD', NULL for DATE_NONE
 *   FT_MONEY, FT_INT		INTEGER, NULL for INT_NONE
 *   FT_SMALL			INTEGER, NULL for an optional 0 (no rating)
 *   FT_REAL			REAL
 *   FT_BOOL			INTEGER 0/1
 *   FT_ENUM			TEXT, the trellis/1 name
 *   FT_REF			INTEGER rowid of the target (insert), its slug (select);
 *				RT_DECIDER inserts two: kind, org rowid;
 *				RT_INSTRUMENT is the code as text both ways
 *   FT_OBJECT			its fields in place, after a has_ column when optional
 *   FT_REFS, FT_ENUMS,
 *   FT_RACI, FT_ANSWERS	a link table (owner, position, value...)
 *   FT_LIST			a child table
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/fields.h"
#include "store_impl.h"
#include "../util/arena.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define LINKS_MAX STORE_LINKS_MAX

/*
 * One row per stored record kind (struct store_table in store_impl.h). The
 * order is the order of saving and loading: a parent before its children,
 * and everything a record refers to before it (learning last: its notes
 * name initiatives). del_of is set only for the lists that an update of
 * their parent replaces; elsewhere it is unused.
 */
#define NONE ST_BEGIN
const struct store_table store_tables[T__MAX] = {
	[T_ORG] = { &kind_organization, T_PROGRAM, ST_ORG_INS, ST_ORG_SEL,
	    ST_ORG_UPD, ST_ORG_DEL, NONE,
	    1, { ST_ORG_EXPERTISE_INS }, { ST_ORG_EXPERTISE_SEL }, { ST_ORG_EXPERTISE_DEL } },
	[T_PERSON] = { &kind_person, T_PROGRAM, ST_PERSON_INS, ST_PERSON_SEL,
	    ST_PERSON_UPD, ST_PERSON_DEL, NONE, 0, {0}, {0}, {0} },
	[T_INSTRUMENT] = { &kind_instrument, T_PROGRAM, ST_INSTRUMENT_INS,
	    ST_INSTRUMENT_SEL, ST_INSTRUMENT_UPD, ST_INSTRUMENT_DEL, NONE, 0, {0}, {0}, {0} },
	[T_ITEM] = { &kind_instrument_item, T_INSTRUMENT, ST_ITEM_INS, ST_ITEM_SEL,
	    ST_ITEM_UPD, ST_ITEM_DEL, ST_ITEM_DEL_OF, 0, {0}, {0}, {0} },
	[T_INITIATIVE] = { &kind_initiative, T_PROGRAM, ST_INITIATIVE_INS, ST_INITIATIVE_SEL,
	    ST_INITIATIVE_UPD, ST_INITIATIVE_DEL, NONE,
	    3, { ST_COMMITTEE_INS, ST_REPORTS_TO_INS, ST_EVALUATED_BY_INS },
	    { ST_COMMITTEE_SEL, ST_REPORTS_TO_SEL, ST_EVALUATED_BY_SEL },
	    { ST_COMMITTEE_DEL, ST_REPORTS_TO_DEL, ST_EVALUATED_BY_DEL } },
	[T_OBSERVATION] = { &kind_observation, T_INITIATIVE, ST_OBSERVATION_INS,
	    ST_OBSERVATION_SEL, ST_OBSERVATION_UPD, ST_OBSERVATION_DEL, NONE, 0, {0}, {0}, {0} },
	[T_MEMBER] = { &kind_member, T_INITIATIVE, ST_MEMBER_INS, ST_MEMBER_SEL,
	    ST_MEMBER_UPD, ST_MEMBER_DEL, NONE, 0, {0}, {0}, {0} },
	[T_RESPONSIBILITY] = { &kind_responsibility, T_INITIATIVE, ST_RESPONSIBILITY_INS,
	    ST_RESPONSIBILITY_SEL, ST_RESPONSIBILITY_UPD, ST_RESPONSIBILITY_DEL, NONE,
	    1, { ST_ASSIGNMENT_INS }, { ST_ASSIGNMENT_SEL }, { ST_ASSIGNMENT_DEL } },
	[T_DECISION] = { &kind_decision, T_INITIATIVE, ST_DECISION_INS, ST_DECISION_SEL,
	    ST_DECISION_UPD, ST_DECISION_DEL, NONE,
	    2, { ST_CONSULTED_INS, ST_INFORMED_INS }, { ST_CONSULTED_SEL, ST_INFORMED_SEL },
	    { ST_CONSULTED_DEL, ST_INFORMED_DEL } },
	[T_GRANT] = { &kind_grant, T_INITIATIVE, ST_GRANT_INS, ST_GRANT_SEL,
	    ST_GRANT_UPD, ST_GRANT_DEL, NONE, 0, {0}, {0}, {0} },
	[T_LINE] = { &kind_budget_line, T_GRANT, ST_LINE_INS, ST_LINE_SEL,
	    ST_LINE_UPD, ST_LINE_DEL, ST_LINE_DEL_OF, 0, {0}, {0}, {0} },
	[T_LEDGER] = { &kind_ledger_entry, T_INITIATIVE, ST_LEDGER_INS, ST_LEDGER_SEL,
	    ST_LEDGER_UPD, ST_LEDGER_DEL, NONE, 0, {0}, {0}, {0} },
	[T_APPLICATION] = { &kind_application, T_INITIATIVE, ST_APPLICATION_INS,
	    ST_APPLICATION_SEL, ST_APPLICATION_UPD, ST_APPLICATION_DEL, NONE,
	    1, { ST_CO_APPLICANT_INS }, { ST_CO_APPLICANT_SEL }, { ST_CO_APPLICANT_DEL } },
	[T_CREDIT] = { &kind_credit, T_INITIATIVE, ST_CREDIT_INS, ST_CREDIT_SEL,
	    ST_CREDIT_UPD, ST_CREDIT_DEL, NONE,
	    1, { ST_CREDITED_INS }, { ST_CREDITED_SEL }, { ST_CREDITED_DEL } },
	[T_CONTRIBUTION] = { &kind_contribution, T_INITIATIVE, ST_CONTRIBUTION_INS,
	    ST_CONTRIBUTION_SEL, ST_CONTRIBUTION_UPD, ST_CONTRIBUTION_DEL, NONE,
	    0, {0}, {0}, {0} },
	[T_CHECKIN] = { &kind_checkin, T_INITIATIVE, ST_CHECKIN_INS, ST_CHECKIN_SEL,
	    ST_CHECKIN_UPD, ST_CHECKIN_DEL, NONE,
	    2, { ST_ATTENDEE_INS, ST_CHECKIN_ORG_INS }, { ST_ATTENDEE_SEL, ST_CHECKIN_ORG_SEL },
	    { ST_ATTENDEE_DEL, ST_CHECKIN_ORG_DEL } },
	[T_EVENT] = { &kind_event, T_INITIATIVE, ST_EVENT_INS, ST_EVENT_SEL,
	    ST_EVENT_UPD, ST_EVENT_DEL, NONE,
	    2, { ST_EXPECTED_INS, ST_ATTENDED_INS }, { ST_EXPECTED_SEL, ST_ATTENDED_SEL },
	    { ST_EXPECTED_DEL, ST_ATTENDED_DEL } },
	[T_SURVEY] = { &kind_survey, T_INITIATIVE, ST_SURVEY_INS, ST_SURVEY_SEL,
	    ST_SURVEY_UPD, ST_SURVEY_DEL, NONE, 0, {0}, {0}, {0} },
	[T_RESPONSE] = { &kind_response, T_SURVEY, ST_RESPONSE_INS, ST_RESPONSE_SEL,
	    ST_RESPONSE_UPD, ST_RESPONSE_DEL, ST_RESPONSE_DEL_OF,
	    1, { ST_ANSWER_INS }, { ST_ANSWER_SEL }, { ST_ANSWER_DEL } },
	[T_TIE] = { &kind_tie, T_INITIATIVE, ST_TIE_INS, ST_TIE_SEL,
	    ST_TIE_UPD, ST_TIE_DEL, NONE, 0, {0}, {0}, {0} },
	[T_PROPOSAL] = { &kind_proposal, T_INITIATIVE, ST_PROPOSAL_INS, ST_PROPOSAL_SEL,
	    ST_PROPOSAL_UPD, ST_PROPOSAL_DEL, NONE,
	    1, { ST_ASKED_INS }, { ST_ASKED_SEL }, { ST_ASKED_DEL } },
	[T_PANSWER] = { &kind_proposal_answer, T_PROPOSAL, ST_PANSWER_INS, ST_PANSWER_SEL,
	    ST_PANSWER_UPD, ST_PANSWER_DEL, ST_PANSWER_DEL_OF, 0, {0}, {0}, {0} },
	[T_ARESPONSE] = { &kind_alert_response, T_INITIATIVE, ST_ARESPONSE_INS, ST_ARESPONSE_SEL,
	    ST_ARESPONSE_UPD, ST_ARESPONSE_DEL, NONE, 0, {0}, {0}, {0} },
	[T_ACTION] = { &kind_action, T_INITIATIVE, ST_ACTION_INS, ST_ACTION_SEL,
	    ST_ACTION_UPD, ST_ACTION_DEL, NONE, 0, {0}, {0}, {0} },
	[T_CANDIDATE] = { &kind_candidate, T_PROGRAM, ST_CANDIDATE_INS, ST_CANDIDATE_SEL,
	    ST_CANDIDATE_UPD, ST_CANDIDATE_DEL, NONE, 0, {0}, {0}, {0} },
	[T_LEARNING] = { &kind_learning, T_PROGRAM, ST_LEARNING_INS, ST_LEARNING_SEL,
	    ST_LEARNING_UPD, ST_LEARNING_DEL, NONE, 0, {0}, {0}, {0} },
	[T_NOTE] = { &kind_learning_note, T_LEARNING, ST_NOTE_INS, ST_NOTE_SEL,
	    ST_NOTE_UPD, ST_NOTE_DEL, ST_NOTE_DEL_OF,
	    1, { ST_NOTE_INITIATIVE_INS }, { ST_NOTE_INITIATIVE_SEL }, { ST_NOTE_INITIATIVE_DEL } },
	[T_FOLLOWUP] = { &kind_followup, T_CHECKIN, ST_FOLLOWUP_INS, ST_FOLLOWUP_SEL,
	    ST_FOLLOWUP_UPD, ST_FOLLOWUP_DEL, ST_FOLLOWUP_DEL_OF, 0, {0}, {0}, {0} },
	[T_EVIDENCE] = { &kind_evidence, T_NOTE, ST_EVIDENCE_INS, ST_EVIDENCE_SEL,
	    ST_EVIDENCE_UPD, ST_EVIDENCE_DEL, ST_EVIDENCE_DEL_OF, 0, {0}, {0}, {0} },
	[T_ASSISTANCE] = { &kind_assistance, T_INITIATIVE, ST_ASSIST_INS, ST_ASSIST_SEL,
	    ST_ASSIST_UPD, ST_ASSIST_DEL, NONE,
	    1, { ST_ASSIST_ANSWER_INS }, { ST_ASSIST_ANSWER_SEL }, { ST_ASSIST_ANSWER_DEL } },
	/* append-only: no del_of (edit.c) */
	[T_APPROVAL] = { &kind_approval, T_LEDGER, ST_APPROVAL_INS, ST_APPROVAL_SEL,
	    ST_APPROVAL_UPD, ST_APPROVAL_DEL, NONE, 0, {0}, {0}, {0} },
};
#undef NONE

/*
 * A per-initiative load (store_initiative_load) reads each table with its
 * statement here, ?1 bound to the initiative's rowid: the initiative's own
 * rows by their initiative_id index, and of the program-level tables only
 * the organizations and people the initiative names. The instruments are
 * the program's (?1 = its rowid: ONE_BY_PROGRAM). Learning questions are
 * the program's agenda, not part of any initiative: not read (ST_BEGIN).
 */
static const enum stmt sel_one[T__MAX] = {
	[T_ORG] = ST_ORG_SEL_ONE,
	[T_PERSON] = ST_PERSON_SEL_ONE,
	[T_INSTRUMENT] = ST_INSTRUMENT_SEL,
	[T_ITEM] = ST_ITEM_SEL,
	[T_INITIATIVE] = ST_INITIATIVE_SEL_ONE,
	[T_OBSERVATION] = ST_OBSERVATION_SEL_ONE,
	[T_MEMBER] = ST_MEMBER_SEL_ONE,
	[T_RESPONSIBILITY] = ST_RESPONSIBILITY_SEL_ONE,
	[T_DECISION] = ST_DECISION_SEL_ONE,
	[T_GRANT] = ST_GRANT_SEL_ONE,
	[T_LINE] = ST_LINE_SEL_ONE,
	[T_LEDGER] = ST_LEDGER_SEL_ONE,
	[T_APPLICATION] = ST_APPLICATION_SEL_ONE,
	[T_CREDIT] = ST_CREDIT_SEL_ONE,
	[T_CONTRIBUTION] = ST_CONTRIBUTION_SEL_ONE,
	[T_CHECKIN] = ST_CHECKIN_SEL_ONE,
	[T_EVENT] = ST_EVENT_SEL_ONE,
	[T_SURVEY] = ST_SURVEY_SEL_ONE,
	[T_RESPONSE] = ST_RESPONSE_SEL_ONE,
	[T_TIE] = ST_TIE_SEL_ONE,
	[T_PROPOSAL] = ST_PROPOSAL_SEL_ONE,
	[T_PANSWER] = ST_PANSWER_SEL_ONE,
	[T_ARESPONSE] = ST_ARESPONSE_SEL_ONE,
	[T_ACTION] = ST_ACTION_SEL_ONE,
	[T_CANDIDATE] = ST_BEGIN,
	[T_LEARNING] = ST_BEGIN,
	[T_NOTE] = ST_BEGIN,
	[T_FOLLOWUP] = ST_FOLLOWUP_SEL_ONE,
	[T_EVIDENCE] = ST_BEGIN,
	[T_ASSISTANCE] = ST_ASSIST_SEL_ONE,
	[T_APPROVAL] = ST_APPROVAL_SEL_ONE,
};
#define ONE_BY_PROGRAM(t) ((t) == T_INSTRUMENT || (t) == T_ITEM)

/*
 * The tables whose per-initiative select gives the rowids of the
 * organizations and grants its records name, in place of their slugs
 * (sql.c, *_SEL_IDS): read_fields finds each among the rows already
 * loaded (an organization not yet read is read by its rowid: fetch_org).
 */
static const unsigned char sel_ids[T__MAX] = {
	[T_DECISION] = 1,
	[T_APPLICATION] = 1,
	[T_LEDGER] = 1,
	[T_CONTRIBUTION] = 1,
	[T_TIE] = 1,
	[T_PANSWER] = 1,
	[T_APPROVAL] = 1,
};

/*
 * And the link rows of an initiative's records, by their owners'
 * initiative (sql.c, LINK_SEL_ONE); the initiative's own lists (committee,
 * reports_to, evaluated_by) and the organizations' and people's keep the
 * rowid range of store_tables, which for them is as narrow as can be.
 */
static const enum stmt link_sel_one[T__MAX][LINKS_MAX] = {
	[T_RESPONSIBILITY] = { ST_ASSIGNMENT_SEL_ONE },
	[T_DECISION] = { ST_CONSULTED_SEL_ONE, ST_INFORMED_SEL_ONE },
	[T_APPLICATION] = { ST_CO_APPLICANT_SEL_ONE },
	[T_CREDIT] = { ST_CREDITED_SEL_ONE },
	[T_CHECKIN] = { ST_ATTENDEE_SEL_ONE, ST_CHECKIN_ORG_SEL_ONE },
	[T_EVENT] = { ST_EXPECTED_SEL_ONE, ST_ATTENDED_SEL_ONE },
	[T_RESPONSE] = { ST_ANSWER_SEL_ONE },
	[T_PROPOSAL] = { ST_ASKED_SEL_ONE },
	[T_ASSISTANCE] = { ST_ASSIST_ANSWER_SEL_ONE },
};

/*
 * A report's load (store_report_load): the tables the balance report reads
 * only in its window, by the window's select and link selects (sql.c,
 * IN_WINDOW, LINK_SEL_WIN); their records dated outside it are not read.
 */
static const enum stmt sel_win[T__MAX] = {
	[T_DECISION] = ST_DECISION_SEL_WIN,
	[T_APPLICATION] = ST_APPLICATION_SEL_WIN,
	[T_CREDIT] = ST_CREDIT_SEL_WIN,
	[T_EVENT] = ST_EVENT_SEL_WIN,
	[T_TIE] = ST_TIE_SEL_WIN,	/* the network of the ratings in the window */
	[T_CHECKIN] = ST_CHECKIN_SEL_WIN,	/* from the window's first month: win_from */
	/* the ledger's entries before it: summed instead (load_carried) */
	[T_LEDGER] = ST_LEDGER_SEL_WIN,
};
/*
 * And the tables of an initiative that a report reads nothing of (nor
 * its capacity): a report's load leaves them out.
 */
static const unsigned char report_skips[T__MAX] = {
	[T_APPROVAL] = 1,
	[T_PROPOSAL] = 1,
	[T_PANSWER] = 1,
	[T_FOLLOWUP] = 1,
	[T_ASSISTANCE] = 1,
};
static const enum stmt link_sel_win[T__MAX][LINKS_MAX] = {
	[T_DECISION] = { ST_CONSULTED_SEL_WIN, ST_INFORMED_SEL_WIN },
	[T_APPLICATION] = { ST_CO_APPLICANT_SEL_WIN },
	[T_CREDIT] = { ST_CREDITED_SEL_WIN },
	[T_EVENT] = { ST_EXPECTED_SEL_WIN, ST_ATTENDED_SEL_WIN },
	[T_CHECKIN] = { ST_ATTENDEE_SEL_WIN, ST_CHECKIN_ORG_SEL_WIN },
};

int
store_table_of(const struct kind *k)
{
	if (k == &kind_program)
		return T_PROGRAM;
	for (int t = 0; t < T__MAX; t++)
		if (store_tables[t].k == k)
			return t;
	return -2;
}

int
store_table_in_initiative(int t)
{
	if (t < 0 || t == T_INITIATIVE)
		return 0;
	for (int p = store_tables[t].parent; p >= 0; p = store_tables[p].parent)
		if (p == T_INITIATIVE)
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- field walking */

static int
is_link(const struct field *f)
{
	return f->type == FT_REFS || f->type == FT_ENUMS || f->type == FT_RACI ||
	    f->type == FT_ANSWERS;
}

/* Returns the number of columns k takes in an insert (or a select). */
static int
ncols(const struct kind *k, int insert)
{
	int n = 0;

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type == FT_OBJECT)
			n += (f->has_off != 0) + ncols(f->sub, insert);
		else if (f->type == FT_REF && f->ref == RT_DECIDER)
			n += insert ? 2 : 1;
		else if (f->type != FT_LIST && !is_link(f))
			n++;
	}
	return n;
}

/* Appends k's link fields, nested objects included, to out[*n]; returns *n. */
static int
link_fields(const struct kind *k, const struct field **out, int *n)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type == FT_OBJECT)
			link_fields(f->sub, out, n);
		else if (is_link(f) && *n < LINKS_MAX)
			out[(*n)++] = f;
		else if (is_link(f))
			(*n)++;		/* counted, so that the check below fails */
	}
	return *n;
}

/* The FT_LIST field of t's parent that holds t's records. */
static const struct field *
list_field(const struct store_table *t)
{
	const struct kind *pk = t->parent == T_PROGRAM ? &kind_document : store_tables[t->parent].k;

	for (int i = 0; i < pk->nfields; i++)
		if (pk->fields[i].type == FT_LIST && pk->fields[i].sub == t->k)
			return &pk->fields[i];
	return NULL;
}

/*
 * Checks that a statement takes the parameters (or returns the columns) the
 * field table says, so that a column added to one and not the other is
 * caught at once rather than storing values in the wrong place (an insert
 * of rows rows: that many times one row's).
 */
static int
check_shape_rows(struct db_stmt *st, const struct kind *k, int insert, int extra, int rows,
    struct strbuf *err)
{
	int want = (ncols(k, insert) + extra) * rows;
	int have = insert ? db_param_count(st) : db_column_count(st);

	if (have == want)
		return 0;
	strbuf_reset(err);
	strbuf_addf(err, "internal error: %s statement for %s has %d %s, expected %d",
	    insert ? "insert" : "select", k->name, have,
	    insert ? "parameters" : "columns", want);
	return -1;
}

static int
check_shape(struct db_stmt *st, const struct kind *k, int insert, int extra,
    struct strbuf *err)
{
	return check_shape_rows(st, k, insert, extra, 1, err);
}

/* Starts err with "FILE:LINE: " when rec knows where it came from. */
static void
rec_error(struct strbuf *err, const void *rec, const char *field)
{
	const struct rec_head *h = rec;

	strbuf_reset(err);
	if (h->loc.file)
		strbuf_addf(err, "%s:%u: ", h->loc.file, h->loc.line);
	if (field)
		strbuf_addf(err, "%s: ", field);
}

const char *
store_rec_key(const struct kind *k, const void *rec)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (!(f->flags & FL_KEY))
			continue;
		if (f->type == FT_REF)
			return ((const struct ref *)FIELD_PTR(rec, f))->slug;
		if (f->type == FT_STR || f->type == FT_SLUG || f->type == FT_ID)
			return *(char **)FIELD_PTR(rec, f);
	}
	return NULL;
}

/* ---------------------------------------------------------------- saving */

/*
 * Finds the record a reference points at among n records of size sz at
 * base, whose key string is at key_off: by ref.idx when that agrees with
 * the slug, else by slug (a program not yet through model_resolve).
 */
static const struct rec_head *
find_target(const void *base, size_t n, size_t sz, size_t key_off, const struct ref *r)
{
	const char *b = base;

	if (r->slug == NULL)
		return NULL;
	if (r->idx >= 0 && (size_t)r->idx < n) {
		const char *rec = b + (size_t)r->idx * sz;

		if (strcmp(*(char *const *)(rec + key_off), r->slug) == 0)
			return (const struct rec_head *)rec;
	}
	for (size_t i = 0; i < n; i++) {
		const char *rec = b + i * sz;

		if (strcmp(*(char *const *)(rec + key_off), r->slug) == 0)
			return (const struct rec_head *)rec;
	}
	return NULL;
}

#define FIND_IN(vec, type, key, r) \
	find_target((vec).v, (vec).n, sizeof(type), offsetof(type, key), r)

/*
 * Returns the rowid of the stored record r (of type rt) refers to, or 0
 * with err set (rec and f for the message) when there is none.
 */
static int64_t
ref_rowid(struct store_save *sv, const void *rec, const struct field *f, enum reftype rt,
    const struct ref *r)
{
	const struct rec_head *h = NULL;
	const char *what = "organization";

	switch (rt) {
	case RT_ORG:
	case RT_DECIDER:
		h = FIND_IN(sv->p->orgs, struct organization, slug, r);
		break;
	case RT_PERSON:
		what = "person";
		h = FIND_IN(sv->p->people, struct person, slug, r);
		break;
	case RT_INITIATIVE:
		what = "initiative";
		h = FIND_IN(sv->p->initiatives, struct initiative, slug, r);
		break;
	case RT_GRANT:
		what = "grant";
		if (sv->ini)
			h = FIND_IN(sv->ini->grants, struct grant, id, r);
		break;
	case RT_INSTRUMENT:
		break;
	}
	if (h && h->rowid > 0)
		return h->rowid;
	rec_error(sv->err, rec, f->name);
	strbuf_addf(sv->err, "%s '%s' %s", what, r->slug, h ? "is not stored" : "does not exist");
	return 0;
}

static void
bind_text(struct db_stmt *st, int col, const char *s)
{
	if (s)
		db_bind_text(st, col, s);
}

static int
bind_ref(struct store_save *sv, struct db_stmt *st, int *col, const void *rec, const struct field *f)
{
	const struct ref *r = FIELD_PTR(rec, f);
	int64_t id;

	if (f->ref == RT_DECIDER) {
		int committee = r->idx == REF_COMMITTEE ||
		    (r->idx < 0 && r->slug && strcmp(r->slug, "committee") == 0);
		int team = r->idx == REF_TEAM ||
		    (r->idx < 0 && r->slug && strcmp(r->slug, "team") == 0);

		db_bind_text(st, (*col)++, committee ? "committee" : team ? "team" : "org");
		if (committee || team) {
			(*col)++;	/* decider_id stays NULL */
			return 0;
		}
	}
	if (r->slug == NULL) {
		(*col)++;
		return 0;
	}
	if (f->ref == RT_INSTRUMENT) {
		bind_text(st, (*col)++, r->slug);
		return 0;
	}
	if ((id = ref_rowid(sv, rec, f, f->ref, r)) == 0)
		return -1;
	db_bind_int64(st, (*col)++, id);
	return 0;
}

/* Binds rec's fields (of kind k) from parameter *col on; see the table atop. */
static int
bind_fields(struct store_save *sv, struct db_stmt *st, int *col, const struct kind *k, const void *rec)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const void *v = FIELD_PTR(rec, f);
		char buf[DATE_BUFSZ];

		switch (f->type) {
		case FT_STR:
		case FT_SLUG:
		case FT_ID:
			bind_text(st, (*col)++, *(char *const *)v);
			break;
		case FT_DATE:
			if (*(const tdate *)v != DATE_NONE)
				db_bind_text_copy(st, *col, date_format(*(const tdate *)v, buf));
			(*col)++;
			break;
		case FT_MONEY:
		case FT_INT:
			if (*(const int64_t *)v != INT_NONE)
				db_bind_int64(st, *col, *(const int64_t *)v);
			(*col)++;
			break;
		case FT_SMALL:
			if (!(f->flags & FL_OPTIONAL) || *(const int *)v != 0)
				db_bind_int64(st, *col, *(const int *)v);
			(*col)++;
			break;
		case FT_REAL:
			db_bind_double(st, (*col)++, *(const double *)v);
			break;
		case FT_BOOL:
			db_bind_int64(st, (*col)++, *(const int *)v != 0);
			break;
		case FT_ENUM: {
			int e = *(const int *)v;

			if (e < 0 || e >= f->nnames) {
				rec_error(sv->err, rec, f->name);
				strbuf_addf(sv->err, "value %d out of range", e);
				return -1;
			}
			db_bind_text(st, (*col)++, f->names[e]);
			break;
		}
		case FT_REF:
			if (bind_ref(sv, st, col, rec, f) == -1)
				return -1;
			break;
		case FT_OBJECT:
			if (f->has_off) {
				int has = *(const int *)((const char *)rec + f->has_off) != 0;

				db_bind_int64(st, (*col)++, has);
				if (!has) {
					*col += ncols(f->sub, 1);	/* left NULL */
					break;
				}
			}
			if (bind_fields(sv, st, col, f->sub, rec) == -1)
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* Steps an insert or update; on failure explains it in err, naming rec. */
static int
step_insert(struct store_save *sv, struct db_stmt *st, const struct kind *k, const void *rec)
{
	int rc = db_step(st);
	enum db_errkind why = db_error_kind(sv->s->db);
	const char *key;

	if (rc == DB_DONE)
		return 0;
	key = store_rec_key(k, rec);
	rec_error(sv->err, rec, NULL);
	if (why == DB_ERR_UNIQUE && key)
		strbuf_addf(sv->err, "%s '%s' already exists", k->name, key);
	else
		strbuf_addf(sv->err, "cannot store %s%s%s%s: %s", k->name,
		    key ? " '" : "", key ? key : "", key ? "'" : "",
		    db_errmsg(sv->s->db));
	return -1;
}

/*
 * Binds link row i of field f of rec (whose rowid is owner) from parameter
 * base + 1 on.
 */
static int
bind_link(struct store_save *sv, struct db_stmt *st, int base, const struct field *f,
    const void *rec, size_t i, int64_t owner)
{
	const struct anyvec *list = FIELD_VEC(rec, f);
	int64_t target;

	db_bind_int64(st, base + 1, owner);
	db_bind_int64(st, base + 2, (int64_t)i);
	switch (f->type) {
	case FT_REFS: {
		const struct ref *r = &((const struct ref *)list->v)[i];

		if ((target = ref_rowid(sv, rec, f, f->ref, r)) == 0)
			return -1;
		db_bind_int64(st, base + 3, target);
		break;
	}
	case FT_ENUMS: {
		int e = ((const int *)list->v)[i];

		if (e < 0 || e >= f->nnames) {
			rec_error(sv->err, rec, f->name);
			strbuf_addf(sv->err, "value %d out of range", e);
			return -1;
		}
		db_bind_text(st, base + 3, f->names[e]);
		break;
	}
	case FT_RACI: {
		const struct assignment *a = &((const struct assignment *)list->v)[i];

		if ((target = ref_rowid(sv, rec, f, RT_ORG, &a->org)) == 0)
			return -1;
		if (a->letter < 0 || a->letter >= RACI__MAX) {
			rec_error(sv->err, rec, f->name);
			strbuf_addf(sv->err, "letter %d out of range", a->letter);
			return -1;
		}
		db_bind_int64(st, base + 3, target);
		db_bind_text(st, base + 4, raci_names[a->letter]);
		break;
	}
	case FT_ANSWERS: {
		const struct answer *a = &((const struct answer *)list->v)[i];

		db_bind_text(st, base + 3, a->item);
		db_bind_int64(st, base + 4, a->value);
		break;
	}
	default:
		break;
	}
	return 0;
}

/*
 * Inserts the link rows of field f of the n records recs (their rowids
 * set), in order, up to STORE_ROWS_MAX to a statement whatever record
 * they belong to: a decision consults seven organizations on average, and
 * a statement's start and end cost SQLite more than a row (P1,
 * docs/benchmarks.md).
 */
static int
insert_links(struct store_save *sv, enum stmt id, const struct field *f, void *const *recs,
    size_t n)
{
	size_t total = 0, r = 0, i = 0;		/* the next row: element i of recs[r] */
	struct db_stmt *st = NULL;
	int ret = -1;

	for (size_t j = 0; j < n; j++)
		total += FIELD_VEC(recs[j], f)->n;
	while (total > 0) {
		int rows = store_rows_chunk(total), width;
		const void *first = NULL;

		if ((st = store_stmt_rows(sv->s, id, rows, sv->err)) == NULL)
			return -1;
		width = db_param_count(st) / rows;
		assert(width * rows == db_param_count(st));
		for (int k = 0; k < rows; k++, i++) {
			while (i == FIELD_VEC(recs[r], f)->n) {
				r++;
				i = 0;
				assert(r < n);
			}
			if (first == NULL)
				first = recs[r];
			if (bind_link(sv, st, k * width, f, recs[r], i,
			    ((const struct rec_head *)recs[r])->rowid) == -1)
				goto out;
		}
		if (sv->given_ids ? db_step_later(st) == -1 : db_step(st) != DB_DONE) {
			rec_error(sv->err, first, f->name);
			strbuf_addf(sv->err, "cannot store: %s", db_errmsg(sv->s->db));
			goto out;
		}
		store_stmt_done(st);
		st = NULL;
		total -= (size_t)rows;
	}
	ret = 0;
out:
	store_stmt_done(st);
	return ret;
}

/* Replaces err's message for an update that found no row to change. */
static int
not_stored(struct store_save *sv, const struct kind *k, const void *rec)
{
	const char *key = store_rec_key(k, rec);

	rec_error(sv->err, rec, NULL);
	strbuf_addf(sv->err, "%s%s%s%s is not stored", k->name, key ? " '" : "",
	    key ? key : "", key ? "'" : "");
	return -1;
}

/*
 * Writes one record rec of kind k and its link rows: with statement ins
 * under the parent row parent (none when parent is 0), setting its rowid,
 * when rec is new (rowid 0); else with statement upd, whose last parameter
 * is the rowid, deleting its link rows with link_del first. The same
 * binding serves both, so an insert and an update cannot disagree.
 */
static int
write_record(struct store_save *sv, const struct kind *k, enum stmt ins, enum stmt upd,
    const enum stmt *link_ins, const enum stmt *link_del, int nlinks, void *rec,
    int64_t parent)
{
	struct rec_head *h = rec;
	const struct field *links[LINKS_MAX];
	int update = h->rowid != 0;
	struct db_stmt *st = store_stmt(sv->s, update ? upd : ins, sv->err);
	int col = 1, n = 0, ret = -1;

	if (st == NULL || check_shape(st, k, 1, update || parent != 0, sv->err) == -1)
		return -1;
	if (link_fields(k, links, &n) != nlinks) {
		strbuf_reset(sv->err);
		strbuf_addf(sv->err, "internal error: %s has %d link fields, the store %d",
		    k->name, n, nlinks);
		return -1;
	}
	if (!update && parent)
		db_bind_int64(st, col++, parent);
	if (bind_fields(sv, st, &col, k, rec) == -1)
		goto out;
	if (update)
		db_bind_int64(st, col, h->rowid);
	if (step_insert(sv, st, k, rec) == -1)
		goto out;
	if (update && db_changes(sv->s->db) != 1) {
		not_stored(sv, k, rec);
		goto out;
	}
	if (!update) {
		if (db_last_id(sv->s->db, &h->rowid, sv->err) == -1)
			goto out;
		*VEC_PUSH(&sv->assigned) = &h->rowid;
	}
	/* what readers' copies this makes old (store_versions) */
	if (k == &kind_program || !store_table_in_initiative(store_table_of(k)))
		store_touch_all(sv->s);
	else if (sv->ini && sv->ini->rowid)
		store_touch(sv->s, sv->ini->rowid);
	store_stmt_done(st);
	st = NULL;
	for (int i = 0; i < nlinks; i++) {
		if (update) {
			if ((st = store_stmt(sv->s, link_del[i], sv->err)) == NULL)
				goto out;
			db_bind_int64(st, 1, h->rowid);
			if (db_step(st) != DB_DONE) {
				store_sqlerr(sv->s, sv->err, "cannot replace a record's lists");
				goto out;
			}
			store_stmt_done(st);
			st = NULL;
		}
		if (insert_links(sv, link_ins[i], links[i], &rec, 1) == -1)
			goto out;
	}
	ret = 0;
out:
	store_stmt_done(st);
	return ret;
}

int
store_record_write(struct store_save *sv, int t, void *rec, int64_t parent)
{
	const struct store_table *tab;

	if (t == T_PROGRAM)
		return write_record(sv, &kind_program, ST_PROGRAM_INS, ST_PROGRAM_UPD,
		    NULL, NULL, 0, rec, 0);
	tab = &store_tables[t];
	return write_record(sv, tab->k, tab->ins, tab->upd, tab->link_ins, tab->link_del,
	    tab->nlinks, rec, parent);
}

/* Binds the next id drawn for table t (save_tree_pg) at parameter col, as rec's rowid. */
static int
bind_given_id(struct store_save *sv, int t, struct db_stmt *st, int col, void *rec)
{
	struct rec_head *h = rec;

	if (sv->ids[t].next == sv->ids[t].n) {
		strbuf_reset(sv->err);
		strbuf_addf(sv->err, "internal error: %s: no id drawn for a new row",
		    store_tables[t].k->name);
		return -1;
	}
	h->rowid = sv->ids[t].v[sv->ids[t].next++];
	*VEC_PUSH(&sv->assigned) = &h->rowid;
	db_bind_int64(st, col, h->rowid);
	return 0;
}

/*
 * Inserts the n new records recs of table t under the row parent (0:
 * none), up to STORE_ROWS_MAX to a statement, sets their rowids, then
 * inserts their link rows. SQLite gives each row of an INSERT without a
 * rowid one more than the largest in its table (sqlite.org/autoinc.html),
 * so the rows of one statement are the last insert's rowid and the ones
 * just before it. When a statement of several rows fails, its rows are
 * inserted again one by one (SQLite undid the statement), so the message
 * names the record as it would alone. PostgreSQL's sequence is shared
 * with other writers: there each row is given an id drawn beforehand
 * (sv->given_ids, save_tree_pg), and the statements are sent without
 * waiting for their answers (db_step_later), so a failure is found later,
 * by save_tree_pg, which then runs the save again one record a statement.
 */
static int
insert_records(struct store_save *sv, int t, void *const *recs, size_t n, int64_t parent)
{
	const struct store_table *tab = &store_tables[t];
	const struct field *links[LINKS_MAX];
	struct db_stmt *st = NULL;
	int nl = 0, ret = -1, given = sv->given_ids;

	if (n == 1 && !given)
		return store_record_write(sv, t, recs[0], parent);
	if (link_fields(tab->k, links, &nl) != tab->nlinks) {
		strbuf_reset(sv->err);
		strbuf_addf(sv->err, "internal error: %s has %d link fields, the store %d",
		    tab->k->name, nl, tab->nlinks);
		return -1;
	}
	for (size_t i = 0; i < n;) {
		int rows = store_rows_chunk(n - i), width;
		int64_t last;

		st = given ? store_stmt_rows_id(sv->s, tab->ins, rows, sv->err) :
		    store_stmt_rows(sv->s, tab->ins, rows, sv->err);
		if (st == NULL ||
		    check_shape_rows(st, tab->k, 1, (parent != 0) + given, rows, sv->err) == -1)
			goto out;
		width = db_param_count(st) / rows;
		for (int r = 0; r < rows; r++) {
			int col = r * width + 1;

			if (parent)
				db_bind_int64(st, col++, parent);
			if (bind_fields(sv, st, &col, tab->k, recs[i + (size_t)r]) == -1 ||
			    (given && bind_given_id(sv, t, st, col, recs[i + (size_t)r]) == -1))
				goto out;
		}
		if (given) {	/* sent; its answer is read later */
			if (db_step_later(st) == -1) {
				rec_error(sv->err, recs[i], NULL);
				strbuf_addf(sv->err, "cannot store %s: %s", tab->k->name,
				    db_errmsg(sv->s->db));
				goto out;
			}
			store_stmt_done(st);
			st = NULL;
			i += (size_t)rows;
			continue;
		}
		if (db_step(st) != DB_DONE) {
			store_stmt_done(st);
			st = NULL;
			for (int r = 0; r < rows; r++)
				if (store_record_write(sv, t, recs[i + (size_t)r], parent) == -1)
					goto out;
			strbuf_reset(sv->err);
			strbuf_addf(sv->err, "internal error: %s: %d rows failed together, "
			    "not one by one", tab->k->name, rows);
			goto out;
		}
		if (db_changes(sv->s->db) != rows) {
			strbuf_reset(sv->err);
			strbuf_addf(sv->err, "internal error: %s: %d rows inserted of %d",
			    tab->k->name, (int)db_changes(sv->s->db), rows);
			goto out;
		}
		if (db_last_id(sv->s->db, &last, sv->err) == -1)
			goto out;
		for (int r = 0; r < rows; r++) {
			struct rec_head *h = recs[i + (size_t)r];

			h->rowid = last - rows + 1 + r;
			*VEC_PUSH(&sv->assigned) = &h->rowid;
		}
		store_stmt_done(st);
		st = NULL;
		i += (size_t)rows;
	}
	/* what readers' copies this makes old (store_versions), as write_record */
	if (!store_table_in_initiative(t))
		store_touch_all(sv->s);
	else if (sv->ini && sv->ini->rowid)
		store_touch(sv->s, sv->ini->rowid);
	for (int j = 0; j < nl; j++)
		if (insert_links(sv, tab->link_ins[j], links[j], recs, n) == -1)
			goto out;
	ret = 0;
out:
	store_stmt_done(st);
	return ret;
}

int
store_children_save(struct store_save *sv, int parent_id, void *parent)
{
	int64_t parent_rowid = ((struct rec_head *)parent)->rowid;
	/*
	 * one record a statement but on SQLite and with ids given
	 * (insert_records); initiatives set sv->ini
	 */
	int many = db_backend(sv->s->db) == DB_SQLITE || sv->given_ids;

	for (int t = 0; t < T__MAX; t++) {
		const struct store_table *tab = &store_tables[t];
		const struct field *lf;
		struct anyvec *list;
		void *batch[STORE_ROWS_MAX];

		if (tab->parent != parent_id)
			continue;
		lf = list_field(tab);
		list = FIELD_VEC(parent, lf);
		for (size_t i = 0; i < list->n;) {
			size_t nb = 0, max = many && t != T_INITIATIVE ? STORE_ROWS_MAX : 1;

			/* the new records from i on, but the built-in instruments (in the code) */
			for (; i < list->n && nb < max; i++) {
				void *rec = (char *)list->v + i * tab->k->size;
				int stored = ((struct rec_head *)rec)->rowid != 0;

				if (t == T_INSTRUMENT && ((struct instrument *)rec)->builtin)
					continue;
				if (stored && nb > 0)
					break;
				batch[nb++] = rec;
				if (stored) {	/* only its children may be new */
					i++;
					break;
				}
			}
			if (nb == 0)
				continue;
			if (t == T_INITIATIVE)
				sv->ini = batch[0];
			if (((struct rec_head *)batch[0])->rowid == 0 &&
			    insert_records(sv, t, batch, nb, parent_rowid) == -1)
				return -1;
			for (size_t b = 0; b < nb; b++)
				if (store_children_save(sv, t, batch[b]) == -1)
					return -1;
		}
	}
	return 0;
}

/* Writes rec (of table t) when new, and every new record beneath it. */
static int
write_tree(struct store_save *sv, int t, void *rec, int64_t parent)
{
	if (((struct rec_head *)rec)->rowid == 0 && store_record_write(sv, t, rec, parent) == -1)
		return -1;
	return store_children_save(sv, t, rec);
}

/* Adds to n[] the new records beneath parent (of table t), as store_children_save takes them. */
static void
count_new(int t, void *parent, size_t *n)
{
	for (int c = 0; c < T__MAX; c++) {
		const struct store_table *tab = &store_tables[c];
		struct anyvec *list;

		if (tab->parent != t)
			continue;
		list = FIELD_VEC(parent, list_field(tab));
		for (size_t i = 0; i < list->n; i++) {
			void *rec = (char *)list->v + i * tab->k->size;

			if (c == T_INSTRUMENT && ((struct instrument *)rec)->builtin)
				continue;
			if (((struct rec_head *)rec)->rowid == 0)
				n[c]++;
			count_new(c, rec, n);
		}
	}
}

/*
 * Draws the ids of the new records beneath rec (of table t) into sv->ids,
 * every table's in one round trip (db_new_ids).
 */
static int
draw_ids(struct store_save *sv, int t, void *rec)
{
	size_t n[T__MAX] = { 0 }, counts[T__MAX], k = 0;
	const char *names[T__MAX];
	char name[T__MAX][32];
	int64_t *ids[T__MAX];

	count_new(t, rec, n);
	for (int c = 0; c < T__MAX; c++) {
		/* the table's name, as its insert says: "INSERT INTO name (" */
		const char *p = store_sql[store_tables[c].ins] + strlen("INSERT INTO ");

		if (n[c] == 0)
			continue;
		assert(strncmp(store_sql[store_tables[c].ins], "INSERT INTO ", 12) == 0);
		snprintf(name[c], sizeof(name[c]), "%.*s", (int)strcspn(p, " "), p);
		sv->ids[c].v = xcalloc(n[c], sizeof(*sv->ids[c].v));
		sv->ids[c].n = n[c];
		sv->ids[c].next = 0;
		names[k] = name[c];
		counts[k] = n[c];
		ids[k++] = sv->ids[c].v;
	}
	return k == 0 ? 0 : db_new_ids(sv->s->db, names, counts, k, ids, sv->err);
}

/*
 * write_tree on PostgreSQL: the new records go in up to STORE_ROWS_MAX to
 * a statement, with ids drawn first, and without waiting for each
 * statement's answer (sv->given_ids, insert_records). Which record a
 * failed statement stopped at is not known then: the save runs again from
 * a savepoint one record a statement, as before batches, and fails where
 * that record fails, naming it. A failure the whole write may succeed
 * after (a serialization failure: db_txn_retryable) is not run again here:
 * the transaction is the caller's to run again (app_txn_run).
 */
static int
save_tree_pg(struct store_save *sv, int t, void *rec, int64_t parent)
{
	struct db *db = sv->s->db;
	struct strbuf first = STRBUF_INIT;
	int r;

	if (db_exec(db, "SAVEPOINT trellis_save", "cannot begin the save", sv->err) == -1)
		return -1;
	sv->given_ids = 1;
	r = draw_ids(sv, t, rec) == -1 ? -1 : write_tree(sv, t, rec, parent);
	/* a statement sent and failed is what went wrong, whatever failed after it */
	if (db_settle(db, &first) == -1) {
		strbuf_reset(sv->err);
		strbuf_addstr(sv->err, first.buf);
		r = -1;
	}
	sv->given_ids = 0;
	for (int c = 0; c < T__MAX; c++) {
		free(sv->ids[c].v);
		memset(&sv->ids[c], 0, sizeof(sv->ids[c]));
	}
	if (r == 0)
		r = db_exec(db, "RELEASE SAVEPOINT trellis_save", "cannot end the save", sv->err);
	else if (!db_txn_retryable(db) &&
	    db_exec(db, "ROLLBACK TO SAVEPOINT trellis_save", "cannot undo the save", &first) == 0) {
		strbuf_reset(&first);
		strbuf_addstr(&first, sv->err->buf);
		for (size_t i = 0; i < sv->assigned.n; i++)
			*sv->assigned.v[i] = 0;
		sv->assigned.n = 0;
		if (write_tree(sv, t, rec, parent) == 0) {
			strbuf_reset(sv->err);
			strbuf_addf(sv->err, "internal error: the save failed with its records several "
			    "to a statement, not one by one: %s", first.buf);
		}
		r = -1;
	}
	strbuf_release(&first);
	return r;
}

/*
 * Writes rec (table t: the program, or an initiative under the program)
 * when new, and every new record beneath it, with audit (NULL: none), in
 * one transaction (or the caller's); on failure the rowids it set are reset.
 */
static int
save_tree(struct store *s, struct program *p, struct initiative *in, int t, void *rec,
    int64_t parent, const struct store_audit_entry *audit, struct strbuf *err)
{
	struct store_save sv = { s, p, in, { NULL, 0, 0 }, err };
	int ret = -1;

	if (store_begin(s, err) == -1)
		return -1;
	if (db_backend(s->db) == DB_POSTGRESQL ? save_tree_pg(&sv, t, rec, parent) == -1 :
	    write_tree(&sv, t, rec, parent) == -1)
		goto out;
	if (store_write_commit(s, audit, err) == -1)
		goto out;
	ret = 0;
out:
	if (ret == -1) {
		store_rollback(s);
		for (size_t i = 0; i < sv.assigned.n; i++)
			*sv.assigned.v[i] = 0;
	}
	VEC_FREE(&sv.assigned);
	return ret;
}

int
store_program_save(struct store *s, struct program *p, const struct store_audit_entry *audit,
    struct strbuf *err)
{
	return save_tree(s, p, NULL, T_PROGRAM, p, 0, audit, err);
}

int
store_initiative_save(struct store *s, struct program *p, struct initiative *in,
    struct strbuf *err)
{
	return save_tree(s, p, in, T_INITIATIVE, in, p->rowid, NULL, err);
}

/* ---------------------------------------------------------------- loading */

/* A loaded record by rowid; each table's list is in rowid order. */
struct owner {
	int64_t rowid;
	void *rec;
};

struct load {
	struct store *s;
	struct program *p;
	struct strbuf *err;
	int64_t ini_rowid;		/* a per-initiative load: that initiative; else 0 */
	int catalog;			/* a catalog load: no initiative's records */
	/*
	 * a report's load (store_report_load, always of one initiative): the
	 * window's first and last day, YYYY-MM-DD, for the tables of sel_win;
	 * else empty
	 */
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	char from_month[DATE_BUFSZ];	/* the first day of from's month (win_from) */
	int ids;			/* read_fields: references to organizations and
					 * grants come as rowids (sel_ids) */
	VEC(struct owner) own[T__MAX];
	/*
	 * own[t] by rowid, when its rowids run close together (as an import
	 * leaves one initiative's): at[rowid - base] is the index in own[t],
	 * or -1; built for the n owners at v, anew when they change.
	 */
	struct rowid_map {
		int32_t *at;
		int64_t base;
		size_t span, n;
		const void *v;
	} map[T__MAX];
};

/*
 * The first day of table t's window in a report's load: a check-in counts
 * for its whole calendar month (checkins.coverage), so check-ins are read
 * from the first day of the window's first month.
 */
static const char *
win_from(const struct load *ld, int t)
{
	return t == T_CHECKIN ? ld->from_month : ld->from;
}

/* The rowid map of own[t] (rowid_map): at NULL when its rowids spread too far. */
static const struct rowid_map *
rowid_map(struct load *ld, int t)
{
	struct rowid_map *m = &ld->map[t];
	const struct owner *own = ld->own[t].v;
	size_t n = ld->own[t].n;

	if (m->n == n && m->v == own)
		return m;
	free(m->at);
	m->at = NULL;
	m->n = n;
	m->v = own;
	if (n == 0 || (uint64_t)(own[n - 1].rowid - own[0].rowid) >= 4 * (uint64_t)n + 64)
		return m;
	m->base = own[0].rowid;
	m->span = (size_t)(own[n - 1].rowid - own[0].rowid) + 1;
	m->at = xmalloc(m->span * sizeof(*m->at));
	memset(m->at, 0xff, m->span * sizeof(*m->at));	/* -1 */
	for (size_t i = 0; i < n; i++)
		m->at[own[i].rowid - m->base] = (int32_t)i;
	return m;
}

/* The index of rowid in own[0..n) (in rowid order), or n. */
static size_t
owner_index(const struct owner *own, size_t n, int64_t rowid)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (own[mid].rowid < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && own[lo].rowid == rowid ? lo : n;
}

static void *
find_owner(struct load *ld, int t, int64_t rowid)
{
	const struct rowid_map *m;
	size_t i;

	if (t == T_PROGRAM)
		return rowid == ld->p->rowid ? ld->p : NULL;
	m = rowid_map(ld, t);
	if (m->at) {
		if (rowid < m->base || (uint64_t)(rowid - m->base) >= m->span ||
		    m->at[rowid - m->base] < 0)
			return NULL;
		return ld->own[t].v[m->at[rowid - m->base]].rec;
	}
	i = owner_index(ld->own[t].v, ld->own[t].n, rowid);
	return i < ld->own[t].n ? ld->own[t].v[i].rec : NULL;
}

static void
bad_value(struct strbuf *err, const struct kind *k, const struct field *f, const char *v)
{
	strbuf_reset(err);
	strbuf_addf(err, _("database holds a bad %s.%s: '%s'"), k->name, f->name, v ? v : "NULL");
}

static const char *target_slug(struct load *ld, enum reftype rt, int64_t rowid, int *idx);
static int fetch_org(struct load *ld, int64_t rowid);

/*
 * The index of rec in the list base[0..n) of records of size bytes, or
 * REF_UNRESOLVED when it is not there. A reference loaded by rowid takes
 * it as its index: model_validate keeps an index whose record's own
 * string is the reference's slug (the load's arena shares them) and
 * looks up any other (an organization fetched later moves those after it).
 */
static int
index_in(const void *base, size_t n, size_t size, const void *rec)
{
	uintptr_t b = (uintptr_t)base, r = (uintptr_t)rec;

	if (base == NULL || rec == NULL || r < b || r >= b + n * size)
		return REF_UNRESOLVED;
	return (int)((r - b) / size);
}

/*
 * The slug of the organization or the id of the grant of this
 * initiative that rowid names, for a reference of field f (ld->ids), and
 * its index in *idx; NULL, with the message in ld->err, when there is none.
 */
static const char *
ref_by_rowid(struct load *ld, const struct kind *k, const struct field *f, int64_t rowid,
    int *idx)
{
	const char *slug = NULL;

	*idx = REF_UNRESOLVED;
	if (f->ref == RT_GRANT) {
		const struct grant *g = find_owner(ld, T_GRANT, rowid);

		slug = g ? g->id : NULL;
		if (g && ld->p->initiatives.n == 1)
			*idx = index_in(ld->p->initiatives.v[0].grants.v,
			    ld->p->initiatives.v[0].grants.n, sizeof(*g), g);
	} else {
		assert(f->ref == RT_ORG || f->ref == RT_DECIDER);
		slug = target_slug(ld, RT_ORG, rowid, idx);
		if (slug == NULL) {
			int rc = fetch_org(ld, rowid);

			if (rc == -1)
				return NULL;
			if (rc == 0)
				slug = target_slug(ld, RT_ORG, rowid, idx);
		}
	}
	if (slug == NULL) {
		strbuf_reset(ld->err);
		strbuf_addf(ld->err, _("database holds a bad %s.%s: '%lld'"), k->name, f->name,
		    (long long)rowid);
	}
	return slug;
}

/* A copy of s for the program being loaded: in its arena when it has one. */
static char *
load_strdup(const struct load *ld, const char *s)
{
	return ld->p->strings ? arena_strdup(ld->p->strings, s) : xstrdup(s);
}

/*
 * A reference's copy of the slug (or grant id) of a loaded record: with an
 * arena, that record's own string, which lives as long as the program.
 */
static char *
load_slug(const struct load *ld, const char *slug)
{
	if (arena_owns(ld->p->strings, slug))
		return (char *)(uintptr_t)slug;
	return load_strdup(ld, slug);
}

/* Reads rec's fields (of kind k) from column *col on; the inverse of bind_fields. */
static int
read_fields(struct load *ld, struct db_stmt *st, int *col, const struct kind *k, void *rec)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		void *v = FIELD_PTR(rec, f);
		int c = *col, null;
		const char *text;

		/*
		 * Once a column: whether it is NULL, for the types that may be; a
		 * text column's NULL is its text's (db_column_text gives NULL).
		 */
		text = NULL;
		if (f->type == FT_STR || f->type == FT_SLUG || f->type == FT_ID ||
		    f->type == FT_DATE || f->type == FT_ENUM) {
			text = db_column_text(st, c);
			null = text == NULL;
		} else
			null = (f->type == FT_MONEY || f->type == FT_INT || f->type == FT_REF) &&
			    db_column_null(st, c);
		switch (f->type) {
		case FT_STR:
		case FT_SLUG:
		case FT_ID:
			*(char **)v = null ? NULL : load_strdup(ld, text);
			break;
		case FT_DATE:
			*(tdate *)v = DATE_NONE;
			if (!null && date_parse(text, v) == -1) {
				bad_value(ld->err, k, f, text);
				return -1;
			}
			break;
		case FT_MONEY:
		case FT_INT:
			*(int64_t *)v = null ? INT_NONE : db_column_int64(st, c);
			break;
		case FT_SMALL:
		case FT_BOOL:
			*(int *)v = (int)db_column_int64(st, c);
			break;
		case FT_REAL:
			*(double *)v = db_column_double(st, c);
			break;
		case FT_ENUM:
			if (null || (*(int *)v = enum_lookup(f->names, f->nnames, text)) < 0) {
				bad_value(ld->err, k, f, text);
				return -1;
			}
			break;
		case FT_REF:
			((struct ref *)v)->idx = REF_UNRESOLVED;
			text = ld->ids && !null && f->ref == RT_DECIDER ? db_column_text(st, c) : NULL;
			if (text && (*text < '0' || *text > '9'))
				((struct ref *)v)->slug = load_strdup(ld, text);	/* committee, team */
			else if (ld->ids && !null && (f->ref == RT_ORG || f->ref == RT_GRANT ||
			    f->ref == RT_DECIDER)) {
				int idx;
				const char *slug = ref_by_rowid(ld, k, f,
				    text ? strtoll(text, NULL, 10) : db_column_int64(st, c), &idx);

				if (slug == NULL) {
					((struct ref *)v)->slug = NULL;
					return -1;
				}
				((struct ref *)v)->slug = load_slug(ld, slug);
				((struct ref *)v)->idx = idx;
			} else
				((struct ref *)v)->slug = null ? NULL : load_strdup(ld, db_column_text(st, c));
			break;
		case FT_OBJECT:
			if (f->has_off) {
				int has = (int)db_column_int64(st, (*col)++);

				*(int *)((char *)rec + f->has_off) = has;
				if (!has) {
					*col += ncols(f->sub, 0);
					continue;
				}
			}
			if (read_fields(ld, st, col, f->sub, rec) == -1)
				return -1;
			continue;
		default:
			continue;
		}
		(*col)++;
	}
	return 0;
}

/*
 * The slug of the loaded record that a link row's target rowid names (an
 * organization, person or initiative of this program), or NULL; its
 * index in the program's list in *idx.
 */
static const char *
target_slug(struct load *ld, enum reftype rt, int64_t rowid, int *idx)
{
	const struct program *p = ld->p;
	const void *rec;

	switch (rt) {
	case RT_PERSON:
		rec = find_owner(ld, T_PERSON, rowid);
		*idx = index_in(p->people.v, p->people.n, sizeof(*p->people.v), rec);
		return rec ? ((const struct person *)rec)->slug : NULL;
	case RT_INITIATIVE:
		rec = find_owner(ld, T_INITIATIVE, rowid);
		*idx = index_in(p->initiatives.v, p->initiatives.n, sizeof(*p->initiatives.v), rec);
		return rec ? ((const struct initiative *)rec)->slug : NULL;
	default:
		rec = find_owner(ld, T_ORG, rowid);
		*idx = index_in(p->orgs.v, p->orgs.n, sizeof(*p->orgs.v), rec);
		return rec ? ((const struct organization *)rec)->slug : NULL;
	}
}

/* Appends one link row (columns 1.. of st) to list, of field f of a record of kind k. */
static int
read_link(struct load *ld, struct db_stmt *st, const struct kind *k,
    const struct field *f, struct anyvec *list)
{
	const char *text = NULL, *slug = NULL;
	int v = 0, idx = REF_UNRESOLVED;

	if (f->type == FT_REFS || f->type == FT_RACI) {
		enum reftype rt = f->type == FT_RACI ? RT_ORG : f->ref;
		int64_t to = db_column_int64(st, 1);

		slug = target_slug(ld, rt, to, &idx);
		if (slug == NULL && ld->ini_rowid && rt != RT_PERSON && rt != RT_INITIATIVE) {
			int rc = fetch_org(ld, to);

			if (rc == -1)
				return -1;
			if (rc == 0)
				slug = target_slug(ld, rt, to, &idx);
		}
		if (slug == NULL) {
			bad_value(ld->err, k, f, db_column_text(st, 1));
			return -1;
		}
	} else
		text = db_column_text(st, 1);
	switch (f->type) {
	case FT_REFS: {
		struct ref *x = VEC_PUSH((struct refs *)list);

		x->slug = load_slug(ld, slug);
		x->idx = idx;
		break;
	}
	case FT_ENUMS:
		if ((v = enum_lookup(f->names, f->nnames, text)) < 0) {
			bad_value(ld->err, k, f, text);
			return -1;
		}
		*VEC_PUSH((VEC(int) *)(void *)list) = v;
		break;
	case FT_RACI: {
		struct assignment *x;

		text = db_column_text(st, 2);
		if ((v = enum_lookup(raci_names, RACI__MAX, text)) < 0) {
			bad_value(ld->err, k, f, text);
			return -1;
		}
		x = VEC_PUSH((VEC(struct assignment) *)(void *)list);
		x->org.slug = load_slug(ld, slug);
		x->org.idx = idx;
		x->letter = v;
		break;
	}
	case FT_ANSWERS: {
		struct answer *x = VEC_PUSH((VEC(struct answer) *)(void *)list);

		x->item = load_strdup(ld, text);
		x->value = (int)db_column_int64(st, 2);
		break;
	}
	default:
		break;
	}
	return 0;
}

/* The size of an element of a link field's list (read_link). */
static size_t
link_size(const struct field *f)
{
	switch (f->type) {
	case FT_REFS:
		return sizeof(struct ref);
	case FT_ENUMS:
		return sizeof(int);
	case FT_RACI:
		return sizeof(struct assignment);
	case FT_ANSWERS:
		return sizeof(struct answer);
	default:
		assert(!"not a link field");
		return 0;
	}
}

/*
 * Puts the link rows gathered in rows at the end of rec's list of field
 * f, in the load's arena, exactly as long as it is: a list of a program
 * only read never grows (program_release leaves it to the arena). rows is
 * emptied.
 */
static void
links_to_arena(struct load *ld, const struct field *f, void *rec, struct anyvec *rows)
{
	struct anyvec *list = FIELD_VEC(rec, f);
	size_t size = link_size(f), n = list->n + rows->n;
	char *v = arena_alloc(ld->p->strings, n * size);

	assert(ld->p->strings && n > 0);
	if (list->n)
		memcpy(v, list->v, list->n * size);
	memcpy(v + list->n * size, rows->v, rows->n * size);
	if (!arena_owns(ld->p->strings, list->v))
		free(list->v);
	list->v = v;
	list->n = list->alloc = n;
	memset(rows->v, 0, rows->n * size);	/* as VEC_PUSH gives them */
	rows->n = 0;
}

/* How load_links finds link rows: the owners' rowid range, their initiative, its window. */
enum link_by { BY_RANGE, BY_INITIATIVE, BY_WINDOW };

/*
 * Reads the link rows of field f of the records own[0..n) of table t (in
 * rowid order): one query over the owners' rowid range, or the
 * initiative's (BY_INITIATIVE), or its window's (BY_WINDOW). Each owner's
 * rows come together in position order (the owners in any order:
 * LINK_SEL_ONE's are in their key's); rows of owners not loaded (outside
 * this program, or its window) are skipped.
 */
static int
load_links(struct load *ld, int t, enum stmt id, enum link_by by, const struct field *f,
    const struct owner *own, size_t n)
{
	size_t cur = 0;
	struct db_stmt *st;
	/* with an arena, each owner's rows gather in rows, then go to the arena */
	struct arena *arena = ld->p->strings;
	struct anyvec rows = { NULL, 0, 0 };
	void *at = NULL;
	int rc, ret = -1;

	if (n == 0)
		return 0;
	if ((st = store_stmt(ld->s, id, ld->err)) == NULL)
		return -1;
	if (by != BY_RANGE) {
		db_bind_int64(st, 1, ld->ini_rowid);
		if (by == BY_WINDOW) {
			db_bind_text(st, 2, win_from(ld, t));
			db_bind_text(st, 3, ld->to);
		}
	} else {
		db_bind_int64(st, 1, own[0].rowid);
		db_bind_int64(st, 2, own[n - 1].rowid);
	}
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t owner = db_column_int64(st, 0);

		if (cur == n || own[cur].rowid != owner)
			cur = owner_index(own, n, owner);
		if (cur == n)
			continue;
		if (arena && own[cur].rec != at) {
			if (at)
				links_to_arena(ld, f, at, &rows);
			at = own[cur].rec;
		}
		if (read_link(ld, st, store_tables[t].k, f,
		    arena ? &rows : FIELD_VEC(own[cur].rec, f)) == -1)
			goto out;
	}
	if (rc != DB_DONE && rc != DB_ROW) {
		store_sqlerr(ld->s, ld->err, "cannot load a program");
		goto out;
	}
	if (at)
		links_to_arena(ld, f, at, &rows);
	ret = 0;
out:
	store_stmt_done(st);
	free(rows.v);
	return ret;
}

/* qsort: records (their struct rec_head) by rowid. */
static int
cmp_rowid(const void *a, const void *b)
{
	int64_t x = ((const struct rec_head *)a)->rowid, y = ((const struct rec_head *)b)->rowid;

	return (x > y) - (x < y);
}

/* Where a loaded row went: its parent and its index in the parent's list. */
struct placed {
	int64_t rowid;
	void *parent;
	size_t idx;
};

/* Loads every row of table t in one query, appending each to its parent's list. */
static int
load_table(struct load *ld, int t)
{
	const struct store_table *tab = &store_tables[t];
	const struct field *lf = list_field(tab);
	const struct field *links[LINKS_MAX];
	VEC(struct placed) placed = { NULL, 0, 0 };
	/* the window's select, for a report's load of one of its tables */
	int win = ld->from[0] && sel_win[t] != ST_BEGIN;
	enum stmt sel = win ? sel_win[t] : ld->ini_rowid ? sel_one[t] : tab->sel;
	struct db_stmt *st;
	int rc, n = 0, dense, ret = -1;

	if (sel == ST_BEGIN || (ld->catalog && store_table_in_initiative(t)) ||
	    (ld->from[0] && report_skips[t]))
		return 0;
	st = store_stmt(ld->s, sel, ld->err);
	if (st == NULL || check_shape(st, tab->k, 0, 2, ld->err) == -1)
		return -1;
	db_bind_int64(st, 1, ld->ini_rowid && !ONE_BY_PROGRAM(t) ? ld->ini_rowid : ld->p->rowid);
	if (win) {
		db_bind_text(st, 2, win_from(ld, t));
		db_bind_text(st, 3, ld->to);
	}
	ld->ids = ld->ini_rowid && sel_ids[t];
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t rowid = db_column_int64(st, 0);
		void *parent = find_owner(ld, tab->parent, db_column_int64(st, 1));
		struct anyvec *list;
		struct placed *pl;
		struct rec_head *rec;
		int col = 2;

		if (parent == NULL) {
			strbuf_reset(ld->err);
			strbuf_addf(ld->err, "database holds %s row %lld without its parent",
			    tab->k->name, (long long)rowid);
			goto out;
		}
		list = FIELD_VEC(parent, lf);
		rec = anyvec_push(list, tab->k);
		rec->rowid = rowid;
		pl = VEC_PUSH(&placed);
		pl->rowid = rowid;
		pl->parent = parent;
		pl->idx = list->n - 1;
		if (read_fields(ld, st, &col, tab->k, rec) == -1)
			goto out;
	}
	if (rc != DB_DONE) {
		store_sqlerr(ld->s, ld->err, "cannot load a program");
		goto out;
	}
	ld->ids = 0;
	store_stmt_done(st);
	st = NULL;
	/*
	 * A per-initiative statement without ORDER BY (sql.c, OF_ONE) gives
	 * one initiative's rows in index order: its list into rowid order,
	 * then placed anew from it.
	 */
	for (size_t i = 1; i < placed.n; i++)
		if (placed.v[i - 1].rowid > placed.v[i].rowid) {
			struct anyvec *list = FIELD_VEC(placed.v[0].parent, lf);

			assert(ld->ini_rowid && tab->parent == T_INITIATIVE && list->n == placed.n);
			qsort(list->v, list->n, tab->k->size, cmp_rowid);
			for (size_t j = 0; j < placed.n; j++) {
				placed.v[j].rowid = ((struct rec_head *)((char *)list->v +
				    j * tab->k->size))->rowid;
				placed.v[j].idx = j;
			}
			break;
		}
	/* the lists are complete: their elements no longer move */
	for (size_t i = 0; i < placed.n; i++) {
		struct owner *o = VEC_PUSH(&ld->own[t]);
		struct anyvec *list = FIELD_VEC(placed.v[i].parent, lf);

		o->rowid = placed.v[i].rowid;
		o->rec = (char *)list->v + placed.v[i].idx * tab->k->size;
	}
	link_fields(tab->k, links, &n);
	/*
	 * An initiative whose records' rowids run close together (as an
	 * import leaves them) has its link rows read by that rowid range, in
	 * the link table's own key order, rather than through its owners'
	 * index by a join (sql.c, LINK_SEL_ONE): a third less of SQLite's work
	 * a row. The range holds at most as many rowids again as the records
	 * (others' rows in it are skipped: load_links), so the cost still
	 * follows the initiative.
	 */
	dense = ld->own[t].n > 0 &&
	    (uint64_t)(ld->own[t].v[ld->own[t].n - 1].rowid - ld->own[t].v[0].rowid) <
	    2 * (uint64_t)ld->own[t].n;
	for (int i = 0; i < tab->nlinks && i < n; i++) {
		enum stmt one = !ld->ini_rowid || dense ? ST_BEGIN :
		    win ? link_sel_win[t][i] : link_sel_one[t][i];
		enum link_by by = one == ST_BEGIN ? BY_RANGE : win ? BY_WINDOW : BY_INITIATIVE;

		if (load_links(ld, t, one != ST_BEGIN ? one : tab->link_sel[i], by,
		    links[i], ld->own[t].v, ld->own[t].n) == -1)
			goto out;
	}
	ret = 0;
out:
	ld->ids = 0;
	store_stmt_done(st);
	VEC_FREE(&placed);
	return ret;
}

/*
 * A report's load, its ledger read in the window only (sel_win): adds to
 * each grant of the initiative, and to the budget line an entry names,
 * the cents of its counting entries dated before the window
 * (ST_LEDGER_CARRY: three columns of each, not its record), which is all
 * that the report reads of those (grants.*: every counting entry up to
 * as-of).
 */
static int
load_carried(struct load *ld)
{
	struct db_stmt *st = store_stmt(ld->s, ST_LEDGER_CARRY, ld->err);
	int rc, ret = -1;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, ld->ini_rowid);
	db_bind_text(st, 2, ld->from);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t rowid = db_column_int64(st, 0);
		struct grant *g = find_owner(ld, T_GRANT, rowid);
		int64_t cents = db_column_int64(st, 2);
		int l;

		if (g == NULL) {
			strbuf_reset(ld->err);
			strbuf_addf(ld->err, "database holds ledger entries of grant row %lld,"
			    " not of their initiative", (long long)rowid);
			goto out;
		}
		g->carried += cents;
		if ((l = grant_line(g, db_column_text(st, 1))) >= 0)
			g->lines.v[l].carried += cents;
	}
	if (rc != DB_DONE) {
		store_sqlerr(ld->s, ld->err, "cannot load a program");
		goto out;
	}
	ret = 0;
out:
	store_stmt_done(st);
	return ret;
}

/*
 * A per-initiative load reads the organizations that the initiative's
 * records name (ST_ORG_SEL_ONE), but not those that only its link rows
 * name, which read_link finds missing: this reads organization rowid of
 * the program, with its own link rows, into its place in the program's
 * list (rowid order, as ST_ORG_SEL_ONE reads them), so that the load
 * holds the same organizations as if the query had named it. 1 when the
 * program has no such organization.
 */
static int
fetch_org(struct load *ld, int64_t rowid)
{
	const struct store_table *tab = &store_tables[T_ORG];
	const struct field *links[LINKS_MAX];
	struct anyvec *list = FIELD_VEC(ld->p, list_field(tab));
	size_t size = tab->k->size, at;
	struct db_stmt *st;
	struct rec_head *rec;
	struct owner *o;
	int rc, col = 2, n = 0, ids, ret = -1;

	if ((st = store_stmt(ld->s, ST_ORG_SEL_ID, ld->err)) == NULL ||
	    check_shape(st, tab->k, 0, 2, ld->err) == -1)
		return -1;
	db_bind_int64(st, 1, rowid);
	rc = db_step(st);
	if (rc == DB_DONE || (rc == DB_ROW && db_column_int64(st, 1) != ld->p->rowid)) {
		ret = 1;
		goto out;
	}
	if (rc != DB_ROW) {
		store_sqlerr(ld->s, ld->err, "cannot load a program");
		goto out;
	}
	rec = anyvec_push(list, tab->k);
	rec->rowid = rowid;
	ids = ld->ids;
	ld->ids = 0;
	rc = read_fields(ld, st, &col, tab->k, rec);
	ld->ids = ids;
	if (rc == -1)
		goto out;
	store_stmt_done(st);
	st = NULL;
	/* into rowid order: rotate the new last record down to its place */
	assert(owner_index(ld->own[T_ORG].v, ld->own[T_ORG].n, rowid) == ld->own[T_ORG].n);
	for (at = 0; at < ld->own[T_ORG].n && ld->own[T_ORG].v[at].rowid < rowid; at++)
		;
	if (at + 1 < list->n) {
		char *base = list->v, *tmp = xmalloc(size);

		memcpy(tmp, base + (list->n - 1) * size, size);
		memmove(base + (at + 1) * size, base + at * size, (list->n - 1 - at) * size);
		memcpy(base + at * size, tmp, size);
		free(tmp);
	}
	/* the list may have moved: every owner's record anew */
	ld->own[T_ORG].n = 0;
	for (size_t i = 0; i < list->n; i++) {
		o = VEC_PUSH(&ld->own[T_ORG]);
		o->rec = (char *)list->v + i * size;
		o->rowid = ((struct rec_head *)o->rec)->rowid;
	}
	link_fields(tab->k, links, &n);
	for (int i = 0; i < tab->nlinks && i < n; i++)
		if (load_links(ld, T_ORG, tab->link_sel[i], BY_RANGE, links[i],
		    &ld->own[T_ORG].v[at], 1) == -1)
			goto out;
	ret = 0;
out:
	store_stmt_done(st);
	return ret;
}

/*
 * Loads program slug into p: every record, or, with initiative set, the
 * program's catalog and that one initiative (store_initiative_load). One
 * read transaction: every table from the same snapshot (or the caller's
 * transaction, which this joins).
 */
static int
load_program(struct store *s, const char *slug, const char *initiative, int catalog,
    const tdate *window, struct program *p, struct strbuf *err)
{
	struct load ld;
	struct db_stmt *st;
	int rc, col = 1, ret = -1;

	memset(&ld, 0, sizeof(ld));
	ld.s = s;
	ld.p = p;
	ld.err = err;
	ld.catalog = catalog;
	if (window) {
		int y, m, d;

		assert(initiative != NULL);
		date_format(window[0], ld.from);
		date_format(window[1], ld.to);
		date_to_ymd(window[0], &y, &m, &d);
		date_format(date_from_ymd(y, m, 1), ld.from_month);
	}
	if (store_begin_read(s, err) == -1)
		return -1;
	if (initiative) {
		if ((st = store_stmt(s, ST_INITIATIVE_FIND, err)) == NULL)
			goto out;
		db_bind_text(st, 1, slug);
		db_bind_text(st, 2, initiative);
		rc = db_step(st);
		if (rc == DB_DONE) {
			ret = 1;
			goto out;
		}
		if (rc != DB_ROW) {
			store_sqlerr(s, err, "cannot load an initiative");
			goto out;
		}
		ld.ini_rowid = db_column_int64(st, 1);
		store_stmt_done(st);
		/* read to be changed: the write changes that initiative (store_versions) */
		if (s->writing)
			store_touch(s, ld.ini_rowid);
	}
	if ((st = store_stmt(s, ST_PROGRAM_FIND, err)) == NULL ||
	    check_shape(st, &kind_program, 0, 1, err) == -1)
		goto out;
	db_bind_text(st, 1, slug);
	rc = db_step(st);
	if (rc == DB_DONE) {
		ret = 1;
		goto out;
	}
	if (rc != DB_ROW) {
		store_sqlerr(s, err, "cannot load a program");
		goto out;
	}
	p->rowid = db_column_int64(st, 0);
	if (read_fields(&ld, st, &col, &kind_program, p) == -1)
		goto out;
	store_stmt_done(st);
	st = NULL;
	for (int t = 0; t < T__MAX; t++)
		if (load_table(&ld, t) == -1)
			goto out;
	if (ld.from[0] && load_carried(&ld) == -1)
		goto out;
	p->partial = catalog ? PROGRAM_CATALOG : initiative ? PROGRAM_SLICE : PROGRAM_WHOLE;
	ret = 0;
out:
	store_stmt_done(st);
	if (ret == 1 || ret == 0)
		ret = store_commit(s, err) == -1 ? -1 : ret;
	else
		store_rollback(s);
	for (int t = 0; t < T__MAX; t++) {
		VEC_FREE(&ld.own[t]);
		free(ld.map[t].at);
	}
	if (ret != 0)
		program_release(p);
	return ret;
}

int
store_program_load(struct store *s, const char *slug, struct program *p, struct strbuf *err)
{
	return load_program(s, slug, NULL, 0, NULL, p, err);
}

int
store_catalog_load(struct store *s, const char *slug, struct program *p, struct strbuf *err)
{
	return load_program(s, slug, NULL, 1, NULL, p, err);
}

int
store_initiative_load(struct store *s, const char *program, const char *initiative,
    struct program *p, struct strbuf *err)
{
	assert(initiative != NULL);
	return load_program(s, program, initiative, 0, NULL, p, err);
}

/* Whether from..to can be a load's window: real days of years 1 to 9999, in order. */
static int
window_stored(tdate from, tdate to)
{
	int y0, y1, m, d;

	if (from == DATE_NONE || to == DATE_NONE || from > to)
		return 0;
	date_to_ymd(from, &y0, &m, &d);
	date_to_ymd(to, &y1, &m, &d);
	return y0 >= 1 && y1 <= 9999;
}

int
store_report_load(struct store *s, const char *program, const char *initiative,
    tdate from, tdate to, struct program *p, struct strbuf *err)
{
	const tdate window[2] = { from, to };

	assert(initiative != NULL);
	return load_program(s, program, initiative, 0, window_stored(from, to) ? window : NULL,
	    p, err);
}

int
store_initiative_slugs(struct store *s, const char *program, struct store_slugs *slugs,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_INITIATIVE_SLUGS, err);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, program);
	while ((rc = db_step(st)) == DB_ROW)
		*VEC_PUSH(slugs) = xstrdup(db_column_text(st, 0));
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot list the initiatives");
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- completing a slice */

/* Returns whether p holds an organization (t T_ORG) or person with that slug. */
static int
holds(const struct program *p, int t, const char *slug)
{
	if (t == T_ORG) {
		for (size_t i = 0; i < p->orgs.n; i++)
			if (strcmp(p->orgs.v[i].slug, slug) == 0)
				return 1;
	} else
		for (size_t i = 0; i < p->people.n; i++)
			if (strcmp(p->people.v[i].slug, slug) == 0)
				return 1;
	return 0;
}

/* Reads the organization or person slug of p's program into p, when p lacks it and the store has it. */
static int
fetch_one(struct store *s, struct program *p, int t, const char *slug, struct strbuf *err)
{
	const struct store_table *tab = &store_tables[t];
	const struct field *links[LINKS_MAX];
	struct load ld;
	struct rec_head *rec;
	struct anyvec *list;
	struct db_stmt *st;
	char *org = NULL;
	int rc, col = 2, n = 0, ret = -1;

	if (holds(p, t, slug))
		return 0;
	memset(&ld, 0, sizeof(ld));
	ld.s = s;
	ld.p = p;
	ld.err = err;
	if ((st = store_stmt(s, t == T_ORG ? ST_ORG_BY_SLUG : ST_PERSON_BY_SLUG, err)) == NULL ||
	    check_shape(st, tab->k, 0, 2, err) == -1)
		goto out;
	db_bind_int64(st, 1, p->rowid);
	db_bind_text(st, 2, slug);
	if ((rc = db_step(st)) == DB_DONE) {
		ret = 0;
		goto out;
	}
	if (rc != DB_ROW) {
		store_sqlerr(s, err, "cannot read an organization or person");
		goto out;
	}
	list = t == T_ORG ? (struct anyvec *)&p->orgs : (struct anyvec *)&p->people;
	rec = anyvec_push(list, tab->k);
	rec->rowid = db_column_int64(st, 0);
	if (read_fields(&ld, st, &col, tab->k, rec) == -1)
		goto out;
	store_stmt_done(st);
	st = NULL;
	if (t == T_PERSON && ((struct person *)rec)->org.slug)
		org = xstrdup(((struct person *)rec)->org.slug);
	*VEC_PUSH(&ld.own[t]) = (struct owner){ rec->rowid, rec };
	link_fields(tab->k, links, &n);
	for (int i = 0; i < tab->nlinks && i < n; i++)
		if (load_links(&ld, t, tab->link_sel[i], BY_RANGE, links[i], ld.own[t].v, ld.own[t].n) == -1)
			goto out;
	ret = org ? fetch_one(s, p, T_ORG, org, err) : 0;
out:
	store_stmt_done(st);
	VEC_FREE(&ld.own[t]);
	for (int i = 0; i < T__MAX; i++)
		free(ld.map[i].at);
	free(org);
	return ret;
}

/* Fetches what one reference names (an organization or a person), unless it names none. */
static int
fetch_ref(struct store *s, struct program *p, enum reftype rt, const struct ref *r,
    struct strbuf *err)
{
	if (r->slug == NULL)
		return 0;
	if (rt == RT_DECIDER &&
	    (strcmp(r->slug, "committee") == 0 || strcmp(r->slug, "team") == 0))
		return 0;
	if (rt == RT_ORG || rt == RT_DECIDER)
		return fetch_one(s, p, T_ORG, r->slug, err);
	if (rt == RT_PERSON)
		return fetch_one(s, p, T_PERSON, r->slug, err);
	return 0;
}

/* The fields of rec (of kind k), nested objects included. */
static int
fetch_fields(struct store *s, struct program *p, const struct kind *k, const void *rec,
    struct strbuf *err)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const void *v = FIELD_PTR(rec, f);

		switch (f->type) {
		case FT_REF:
			if (fetch_ref(s, p, f->ref, v, err) == -1)
				return -1;
			break;
		case FT_REFS: {
			const struct refs *rs = v;

			for (size_t j = 0; j < rs->n; j++)
				if (fetch_ref(s, p, f->ref, &rs->v[j], err) == -1)
					return -1;
			break;
		}
		case FT_RACI: {
			const struct anyvec *list = v;
			const struct assignment *as = list->v;

			for (size_t j = 0; j < list->n; j++)
				if (fetch_ref(s, p, RT_ORG, &as[j].org, err) == -1)
					return -1;
			break;
		}
		case FT_OBJECT:
			if (f->has_off && *(const int *)((const char *)rec + f->has_off) == 0)
				break;
			if (fetch_fields(s, p, f->sub, rec, err) == -1)
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}

int
store_catalog_complete(struct store *s, struct program *p, const struct kind *k,
    const void *rec, struct strbuf *err)
{
	int ret;

	if (!p->partial)
		return 0;
	if (store_begin_read(s, err) == -1)
		return -1;
	ret = fetch_fields(s, p, k, rec, err);
	if (ret == 0)
		return store_commit(s, err);
	store_rollback(s);
	return -1;
}

int
store_catalog_org(struct store *s, struct program *p, const char *slug, struct strbuf *err)
{
	if (!p->partial)
		return 0;
	if (store_begin_read(s, err) == -1)
		return -1;
	if (fetch_one(s, p, T_ORG, slug, err) == 0)
		return store_commit(s, err);
	store_rollback(s);
	return -1;
}
