/*
 * The field tables of every record kind (see fields.h). The order of each
 * table is the order of the fields in trellis/1, in JSON and CSV alike.
 */
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "model.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

#define NF(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define STR(S, name, m, fl)	{ name, FT_STR, offsetof(S, m), fl, NULL, 0, 0, 0, 0, NULL, 0 }
#define SLUG(S, name, m, fl)	{ name, FT_SLUG, offsetof(S, m), fl, NULL, 0, 0, 0, 0, NULL, 0 }
#define ID(S, name, m, fl)	{ name, FT_ID, offsetof(S, m), fl, NULL, 0, 0, 0, 0, NULL, 0 }
#define DATE(S, name, m, fl)	{ name, FT_DATE, offsetof(S, m), fl, NULL, 0, 0, 0, 0, NULL, 0 }
#define MONEY(S, name, m, fl)	{ name, FT_MONEY, offsetof(S, m), fl, NULL, 0, 0, 0, 0, NULL, 0 }
#define INT(S, name, m, fl, lo, hi) { name, FT_INT, offsetof(S, m), fl, NULL, 0, lo, hi, 0, NULL, 0 }
#define SMALL(S, name, m, fl, lo, hi) { name, FT_SMALL, offsetof(S, m), fl, NULL, 0, lo, hi, 0, NULL, 0 }
#define REAL(S, name, m, fl)	{ name, FT_REAL, offsetof(S, m), fl, NULL, 0, 0, 0, 0, NULL, 0 }
#define BOOL(S, name, m, fl)	{ name, FT_BOOL, offsetof(S, m), fl, NULL, 0, 0, 0, 0, NULL, 0 }
#define ENUM(S, name, m, fl, t)	{ name, FT_ENUM, offsetof(S, m), fl, t, NF(t), 0, 0, 0, NULL, 0 }
#define ENUMS(S, name, m, fl, t) { name, FT_ENUMS, offsetof(S, m), fl, t, NF(t), 0, 0, 0, NULL, 0 }
#define REF(S, name, m, fl, rt)	{ name, FT_REF, offsetof(S, m), fl, NULL, 0, 0, 0, rt, NULL, 0 }
#define REFS(S, name, m, fl, rt) { name, FT_REFS, offsetof(S, m), fl, NULL, 0, 0, 0, rt, NULL, 0 }
#define OBJ(S, name, fl, k, has) { name, FT_OBJECT, 0, fl, NULL, 0, 0, 0, 0, &k, has }
#define LIST(S, name, m, fl, k)	{ name, FT_LIST, offsetof(S, m), fl, NULL, 0, 0, 0, 0, &k, 0 }
/* A list whose reading sets the int at `given` (an import that gave it, even empty). */
#define LISTG(S, name, m, fl, k, given) \
	{ name, FT_LIST, offsetof(S, m), fl, NULL, 0, 0, 0, 0, &k, offsetof(S, given) }
#define RACI(S, name, m, fl)	{ name, FT_RACI, offsetof(S, m), fl, NULL, 0, 0, 0, RT_ORG, NULL, 0 }
#define ANSWERS(S, name, m, fl)	{ name, FT_ANSWERS, offsetof(S, m), fl, NULL, 0, 1, 5, 0, NULL, 0 }

#define KIND(var, name, S, tab) const struct kind var = { name, sizeof(S), tab, NF(tab) }

#define O FL_OPTIONAL
#define SPARSE (FL_OPTIONAL | FL_SPARSE)

/* ---------------------------------------------------------------- program level */

static const struct field program_fields[] = {
	SLUG(struct program, "slug", slug, FL_KEY),
	STR(struct program, "name", name, 0),
	STR(struct program, "funder", funder, 0),
	DATE(struct program, "start", start, 0),
	DATE(struct program, "end", end, 0),
};
KIND(kind_program, "program", struct program, program_fields);

/* traits are a nested object whose fields live in struct organization */
static const struct field traits_fields[] = {
	BOOL(struct organization, "flexible_grants", flexible_grants, O),
	ENUMS(struct organization, "expertise", expertise, O, expertise_names),
	BOOL(struct organization, "in_kind_staffing", in_kind_staffing, O),
	BOOL(struct organization, "experiment", experiment, O),
	BOOL(struct organization, "convener", convener, O),
};
static KIND(kind_traits, "traits", struct organization, traits_fields);

static const struct field organization_fields[] = {
	SLUG(struct organization, "slug", slug, FL_KEY),
	STR(struct organization, "name", name, 0),
	ENUM(struct organization, "sector", sector, 0, sector_names),
	STR(struct organization, "city", city, O),
	INT(struct organization, "staff", staff, O, 0, 10000000),
	MONEY(struct organization, "revenue", revenue, O),
	OBJ(struct organization, "traits", O, kind_traits, 0),
};
KIND(kind_organization, "organizations", struct organization, organization_fields);

static const struct field person_fields[] = {
	SLUG(struct person, "slug", slug, FL_KEY),
	STR(struct person, "name", name, 0),
	STR(struct person, "email", email, O),
	REF(struct person, "org", org, O, RT_ORG),
};
KIND(kind_person, "people", struct person, person_fields);

static const struct field instrument_item_fields[] = {
	SLUG(struct instrument_item, "code", code, FL_KEY),
	STR(struct instrument_item, "text", text, 0),
	STR(struct instrument_item, "category", category, 0),
	STR(struct instrument_item, "text_es", text_es, O | FL_SPARSE),
};
KIND(kind_instrument_item, "items", struct instrument_item, instrument_item_fields);

static const struct field instrument_fields[] = {
	SLUG(struct instrument, "code", code, FL_KEY),
	STR(struct instrument, "title", title, 0),
	STR(struct instrument, "title_es", title_es, O | FL_SPARSE),
	LIST(struct instrument, "items", items, 0, kind_instrument_item),
};
KIND(kind_instrument, "instruments", struct instrument, instrument_fields);

static const struct field evidence_fields[] = {
	ENUM(struct evidence, "kind", kind, 0, evidence_kind_names),
	REF(struct evidence, "initiative", initiative, 0, RT_INITIATIVE),
	ID(struct evidence, "ref", ref, 0),
	DATE(struct evidence, "as_of", as_of, O),
};
KIND(kind_evidence, "evidence", struct evidence, evidence_fields);

static const struct field learning_note_fields[] = {
	DATE(struct learning_note, "date", date, 0),
	STR(struct learning_note, "text", text, FL_LONG),
	REFS(struct learning_note, "initiatives", initiatives, 0, RT_INITIATIVE),
	LIST(struct learning_note, "evidence", evidence, SPARSE, kind_evidence),
};
KIND(kind_learning_note, "notes", struct learning_note, learning_note_fields);

static const struct field learning_fields[] = {
	STR(struct learning, "question", question, FL_KEY),
	LIST(struct learning, "notes", notes, 0, kind_learning_note),
};
KIND(kind_learning, "learning", struct learning, learning_fields);

static const struct field candidate_fields[] = {
	REF(struct candidate, "org", org, FL_KEY, RT_ORG),
	STR(struct candidate, "round", round, O),
	STR(struct candidate, "flexible_grants_evidence", evidence[0], O),
	STR(struct candidate, "expertise_evidence", evidence[1], O),
	STR(struct candidate, "in_kind_staffing_evidence", evidence[2], O),
	STR(struct candidate, "experiment_evidence", evidence[3], O),
	STR(struct candidate, "convener_evidence", evidence[4], O),
	STR(struct candidate, "note", note, O | FL_LONG),
};
KIND(kind_candidate, "candidates", struct candidate, candidate_fields);

/* ---------------------------------------------------------------- initiative level */

static const struct field observation_fields[] = {
	DATE(struct observation, "date", date, 0),
	REAL(struct observation, "value", value, 0),
};
KIND(kind_observation, "observations", struct observation, observation_fields);

static const struct field member_fields[] = {
	REF(struct member, "org", org, FL_KEY, RT_ORG),
	ENUM(struct member, "role", role, 0, role_names),
	DATE(struct member, "joined", joined, 0),
	DATE(struct member, "left", left, O),
};
KIND(kind_member, "members", struct member, member_fields);

static const struct field responsibility_fields[] = {
	STR(struct responsibility, "name", name, FL_KEY),
	RACI(struct responsibility, "assignments", assignments, 0),
};
KIND(kind_responsibility, "responsibilities", struct responsibility, responsibility_fields);

static const struct field decision_fields[] = {
	ID(struct decision, "id", id, FL_KEY),
	STR(struct decision, "title", title, 0),
	ENUM(struct decision, "category", category, 0, category_names),
	DATE(struct decision, "proposed", proposed, 0),
	DATE(struct decision, "decided", decided, 0),
	REF(struct decision, "decider", decider, 0, RT_DECIDER),
	REFS(struct decision, "consulted", consulted, 0, RT_ORG),
	REFS(struct decision, "informed", informed, 0, RT_ORG),
	STR(struct decision, "contrary_views", contrary_views, O | FL_LONG),
};
KIND(kind_decision, "decisions", struct decision, decision_fields);

static const struct field budget_line_fields[] = {
	STR(struct budget_line, "name", name, FL_KEY),
	MONEY(struct budget_line, "amount", amount, FL_POSITIVE),
};
KIND(kind_budget_line, "lines", struct budget_line, budget_line_fields);

static const struct field grant_fields[] = {
	ID(struct grant, "id", id, FL_KEY),
	STR(struct grant, "funder", funder, 0),
	MONEY(struct grant, "amount", amount, FL_POSITIVE),
	DATE(struct grant, "start", start, 0),
	DATE(struct grant, "end", end, 0),
	BOOL(struct grant, "catalytic", catalytic, 0),
	LIST(struct grant, "lines", lines, 0, kind_budget_line),
};
KIND(kind_grant, "grants", struct grant, grant_fields);

static const struct field approval_fields[] = {
	REF(struct approval, "org", org, 0, RT_ORG),
	STR(struct approval, "by", by, 0),
	BOOL(struct approval, "on_behalf", on_behalf, 0),
	DATE(struct approval, "date", date, 0),
	ENUM(struct approval, "verdict", verdict, 0, verdict_names),
	STR(struct approval, "reason", reason, O),
};
KIND(kind_approval, "approvals", struct approval, approval_fields);

static const struct field ledger_fields[] = {
	ID(struct ledger_entry, "id", id, FL_KEY),
	DATE(struct ledger_entry, "date", date, 0),
	REF(struct ledger_entry, "grant", grant, 0, RT_GRANT),
	MONEY(struct ledger_entry, "amount", amount, FL_POSITIVE),
	ENUM(struct ledger_entry, "kind", kind, 0, ledger_kind_names),
	REF(struct ledger_entry, "recipient", recipient, O, RT_ORG),
	STR(struct ledger_entry, "line", line, O),
	STR(struct ledger_entry, "purpose", purpose, O),
	BOOL(struct ledger_entry, "backbone_own", backbone_own, 0),
	/* issue 13, item 7: written only when not approved, and when any */
	ENUM(struct ledger_entry, "status", status, SPARSE | FL_WORKFLOW, ledger_status_names),
	LIST(struct ledger_entry, "approvals", approvals, SPARSE | FL_WORKFLOW, kind_approval),
};
KIND(kind_ledger_entry, "ledger", struct ledger_entry, ledger_fields);

static const struct field application_fields[] = {
	ID(struct application, "id", id, FL_KEY),
	DATE(struct application, "date", date, 0),
	STR(struct application, "funder", funder, 0),
	MONEY(struct application, "amount", amount, FL_POSITIVE),
	REF(struct application, "lead", lead, 0, RT_ORG),
	REFS(struct application, "co_applicants", co_applicants, 0, RT_ORG),
	ENUM(struct application, "status", status, 0, app_status_names),
};
KIND(kind_application, "applications", struct application, application_fields);

static const struct field credit_fields[] = {
	ID(struct credit, "id", id, FL_KEY),
	DATE(struct credit, "date", date, 0),
	ENUM(struct credit, "channel", channel, 0, channel_names),
	STR(struct credit, "title", title, 0),
	REFS(struct credit, "credited", credited, 0, RT_ORG),
};
KIND(kind_credit, "credits", struct credit, credit_fields);

static const struct field contribution_fields[] = {
	ID(struct contribution, "id", id, FL_KEY),
	DATE(struct contribution, "date", date, 0),
	REF(struct contribution, "from", from, 0, RT_ORG),
	REF(struct contribution, "to", to, 0, RT_ORG),
	ENUM(struct contribution, "type", type, 0, contrib_type_names),
	REAL(struct contribution, "hours", hours, FL_POSITIVE),
};
KIND(kind_contribution, "contributions", struct contribution, contribution_fields);

static const struct field followup_fields[] = {
	STR(struct followup, "text", text, 0),
	REF(struct followup, "owner", owner, 0, RT_PERSON),
	DATE(struct followup, "due", due, 0),
	BOOL(struct followup, "done", done, 0),
};
KIND(kind_followup, "follow_ups", struct followup, followup_fields);

static const struct field checkin_fields[] = {
	ID(struct checkin, "id", id, FL_KEY),
	DATE(struct checkin, "date", date, 0),
	REFS(struct checkin, "attendees", attendees, 0, RT_PERSON),
	STR(struct checkin, "progress", progress, O | FL_LONG | FL_MARKDOWN),
	STR(struct checkin, "challenges", challenges, O | FL_LONG | FL_MARKDOWN),
	REFS(struct checkin, "organizations", organizations, SPARSE, RT_ORG),
	LIST(struct checkin, "follow_ups", follow_ups, SPARSE, kind_followup),
};
KIND(kind_checkin, "checkins", struct checkin, checkin_fields);

static const struct field event_fields[] = {
	ID(struct event, "id", id, FL_KEY),
	DATE(struct event, "date", date, 0),
	ENUM(struct event, "kind", kind, 0, event_kind_names),
	STR(struct event, "title", title, 0),
	REFS(struct event, "expected", expected, 0, RT_ORG),
	REFS(struct event, "attended", attended, 0, RT_ORG),
};
KIND(kind_event, "events", struct event, event_fields);

static const struct field response_fields[] = {
	ENUM(struct response, "group", group, 0, group_names),
	ANSWERS(struct response, "answers", answers, 0),
};
KIND(kind_response, "responses", struct response, response_fields);

static const struct field survey_fields[] = {
	ID(struct survey, "id", id, FL_KEY),
	REF(struct survey, "instrument", instrument, 0, RT_INSTRUMENT),
	DATE(struct survey, "opened", opened, 0),
	DATE(struct survey, "closed", closed, O),
	LIST(struct survey, "responses", responses, 0, kind_response),
};
KIND(kind_survey, "surveys", struct survey, survey_fields);

static const struct field tie_fields[] = {
	DATE(struct tie, "date", date, 0),
	REF(struct tie, "from", from, 0, RT_ORG),
	REF(struct tie, "to", to, 0, RT_ORG),
	SMALL(struct tie, "frequency", frequency, 0, 0, 4),
	SMALL(struct tie, "reliability", reliability, O, 1, 4),
	SMALL(struct tie, "mission", mission, O, 1, 4),
	SMALL(struct tie, "openness", openness, O, 1, 4),
	SMALL(struct tie, "influence", influence, O, 1, 4),
	SMALL(struct tie, "involvement", involvement, O, 1, 4),
	SMALL(struct tie, "resources", resources, O, 1, 4),
};
KIND(kind_tie, "ties", struct tie, tie_fields);

static const struct field proposal_answer_fields[] = {
	REF(struct proposal_answer, "org", org, 0, RT_ORG),
	ENUM(struct proposal_answer, "answer", answer, 0, stance_names),
	STR(struct proposal_answer, "reason", reason, O | FL_LONG),
	DATE(struct proposal_answer, "date", date, 0),
	STR(struct proposal_answer, "recorded_by", recorded_by, O),
};
KIND(kind_proposal_answer, "answers", struct proposal_answer, proposal_answer_fields);

static const struct field proposal_fields[] = {
	ID(struct proposal, "id", id, FL_KEY),
	STR(struct proposal, "title", title, 0),
	STR(struct proposal, "body", body, O | FL_LONG | FL_MARKDOWN),
	ENUM(struct proposal, "category", category, 0, category_names),
	DATE(struct proposal, "opened", opened, 0),
	DATE(struct proposal, "closes", closes, 0),
	REFS(struct proposal, "asked", asked, 0, RT_ORG),
	REF(struct proposal, "decider", decider, 0, RT_DECIDER),
	STR(struct proposal, "outcome", outcome, O | FL_LONG),
	DATE(struct proposal, "decided", decided, O),
	ID(struct proposal, "decision", decision, O),
	LIST(struct proposal, "answers", answers, 0, kind_proposal_answer),
};
KIND(kind_proposal, "proposals", struct proposal, proposal_fields);
static const struct field alert_response_fields[] = {
	ID(struct alert_response, "id", id, FL_KEY),
	ENUM(struct alert_response, "alert", signal, 0, signal_names),
	DATE(struct alert_response, "period", period, 0),
	STR(struct alert_response, "answer", text, FL_LONG | FL_MARKDOWN),
};
KIND(kind_alert_response, "responses", struct alert_response, alert_response_fields);

static const struct field action_fields[] = {
	ID(struct action, "id", id, FL_KEY),
	ENUM(struct action, "alert", signal, 0, signal_names),
	DATE(struct action, "period", period, 0),
	STR(struct action, "title", title, 0),
	REF(struct action, "owner_org", owner_org, O, RT_ORG),
	REF(struct action, "owner_person", owner_person, O, RT_PERSON),
	DATE(struct action, "due", due, 0),
	ENUM(struct action, "status", status, 0, action_status_names),
};
KIND(kind_action, "actions", struct action, action_fields);
static const struct field assistance_fields[] = {
	ID(struct assistance, "id", id, FL_KEY),
	DATE(struct assistance, "date", date, 0),
	REF(struct assistance, "provider", provider, 0, RT_ORG),
	STR(struct assistance, "topic", topic, 0),
	REAL(struct assistance, "hours", hours, FL_POSITIVE),
	ENUMS(struct assistance, "answers", answers, O, assist_answer_names),
};
KIND(kind_assistance, "assistance", struct assistance, assistance_fields);

static const struct field director_fields[] = {
	REF(struct initiative, "person", director.person, 0, RT_PERSON),
	REF(struct initiative, "employer", director.employer, 0, RT_ORG),
	REFS(struct initiative, "reports_to", director.reports_to, 0, RT_ORG),
	REFS(struct initiative, "evaluated_by", director.evaluated_by, 0, RT_ORG),
};
static KIND(kind_director, "director", struct initiative, director_fields);

static const struct field point_baseline_fields[] = {
	DATE(struct initiative, "date", result.baseline_date, 0),
	REAL(struct initiative, "value", result.baseline_value, 0),
};
static KIND(kind_baseline, "baseline", struct initiative, point_baseline_fields);

static const struct field point_target_fields[] = {
	DATE(struct initiative, "date", result.target_date, 0),
	REAL(struct initiative, "value", result.target_value, 0),
};
static KIND(kind_target, "target", struct initiative, point_target_fields);

static const struct field shared_result_fields[] = {
	STR(struct initiative, "statement", result.statement, 0),
	STR(struct initiative, "indicator", result.indicator, 0),
	STR(struct initiative, "unit", result.unit, 0),
	ENUM(struct initiative, "direction", result.direction, 0, direction_names),
	OBJ(struct initiative, "baseline", 0, kind_baseline, 0),
	OBJ(struct initiative, "target", 0, kind_target, 0),
};
static KIND(kind_shared_result, "shared_result", struct initiative, shared_result_fields);

static const struct field initiative_fields[] = {
	SLUG(struct initiative, "slug", slug, FL_KEY),
	STR(struct initiative, "name", name, 0),
	STR(struct initiative, "city", city, 0),
	DATE(struct initiative, "start", start, 0),
	DATE(struct initiative, "end", end, 0),
	REF(struct initiative, "backbone", backbone, 0, RT_ORG),
	REF(struct initiative, "fiscal_agent", fiscal_agent, 0, RT_ORG),
	REFS(struct initiative, "committee", committee, 0, RT_ORG),
	OBJ(struct initiative, "director", O, kind_director, offsetof(struct initiative, has_director)),
	OBJ(struct initiative, "shared_result", O, kind_shared_result, offsetof(struct initiative, has_result)),
	LIST(struct initiative, "observations", observations, FL_LINES, kind_observation),
	LIST(struct initiative, "members", members, FL_LINES, kind_member),
	LISTG(struct initiative, "responsibilities", responsibilities, FL_LINES, kind_responsibility,
	    responsibilities_given),
	LIST(struct initiative, "decisions", decisions, FL_LINES, kind_decision),
	LIST(struct initiative, "grants", grants, FL_LINES, kind_grant),
	LIST(struct initiative, "ledger", ledger, FL_LINES, kind_ledger_entry),
	LIST(struct initiative, "applications", applications, FL_LINES, kind_application),
	LIST(struct initiative, "credits", credits, FL_LINES, kind_credit),
	LIST(struct initiative, "contributions", contributions, FL_LINES, kind_contribution),
	LIST(struct initiative, "checkins", checkins, FL_LINES, kind_checkin),
	LIST(struct initiative, "events", events, FL_LINES, kind_event),
	LIST(struct initiative, "surveys", surveys, FL_LINES, kind_survey),
	LIST(struct initiative, "ties", ties, FL_LINES, kind_tie),
	/* optional: written only when the initiative has proposals (trellis/1 stays as it was) */
	LIST(struct initiative, "proposals", proposals, FL_LINES | FL_SPARSE, kind_proposal),
	LIST(struct initiative, "responses", responses, FL_LINES | FL_SPARSE, kind_alert_response),
	LIST(struct initiative, "actions", actions, FL_LINES | FL_SPARSE, kind_action),
	LIST(struct initiative, "assistance", assistance, FL_LINES | SPARSE, kind_assistance),
};
KIND(kind_initiative, "initiatives", struct initiative, initiative_fields);

static const struct field document_fields[] = {
	OBJ(struct program, "program", 0, kind_program, 0),
	LIST(struct program, "organizations", orgs, FL_LINES, kind_organization),
	LIST(struct program, "people", people, FL_LINES, kind_person),
	LIST(struct program, "instruments", instruments, FL_LINES, kind_instrument),
	LIST(struct program, "learning", learning, FL_LINES, kind_learning),
	LIST(struct program, "candidates", candidates, FL_LINES | FL_SPARSE, kind_candidate),
	LIST(struct program, "initiatives", initiatives, FL_LINES, kind_initiative),
};
KIND(kind_document, "document", struct program, document_fields);

/* ---------------------------------------------------------------- generic helpers */

const struct field *
kind_field(const struct kind *k, const char *name)
{
	for (int i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return &k->fields[i];
	return NULL;
}

void *
anyvec_push(struct anyvec *v, const struct kind *k)
{
	xgrow(&v->v, &v->alloc, v->n + 1, k->size);
	return (char *)v->v + k->size * v->n++;
}

int
field_empty(const struct field *f, const void *rec)
{
	const void *p = (const char *)rec + f->off;

	switch (f->type) {
	case FT_STR:
	case FT_SLUG:
	case FT_ID:
		return *(char *const *)p == NULL;
	case FT_DATE:
		return *(const tdate *)p == DATE_NONE;
	case FT_REF:
		return ((const struct ref *)p)->slug == NULL;
	case FT_ENUM:
		/* a sparse enum's first name is its default, left out */
		return (f->flags & FL_SPARSE) && *(const int *)p == 0;
	case FT_REFS:
	case FT_ENUMS:
	case FT_LIST:
	case FT_RACI:
	case FT_ANSWERS:
		return ((const struct anyvec *)p)->n == 0;
	default:
		return 0;
	}
}

/* Gives the references of refs r their own copies of the slugs. */
static void
refs_own(struct refs *r)
{
	struct ref *v = r->n ? xmalloc(r->n * sizeof(*v)) : NULL;

	for (size_t j = 0; j < r->n; j++) {
		v[j].slug = r->v[j].slug ? xstrdup(r->v[j].slug) : NULL;
		v[j].idx = r->v[j].idx;
	}
	r->v = v;
	r->alloc = r->n;
}

/* Gives an array of n elements of sz bytes its own copy; returns it. */
static void *
array_own(const void *v, size_t n, size_t sz)
{
	void *c;

	if (n == 0)
		return NULL;
	c = xmalloc(n * sz);
	memcpy(c, v, n * sz);
	return c;
}

/* rec, a byte copy of a record of kind k, takes its own copy of all it points at. */
static void
kind_own(const struct kind *k, void *rec)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		void *p = FIELD_PTR(rec, f);

		switch (f->type) {
		case FT_STR:
		case FT_SLUG:
		case FT_ID:
			if (*(char **)p)
				*(char **)p = xstrdup(*(char **)p);
			break;
		case FT_ENUMS: {
			VEC(int) *v = p;

			v->v = array_own(v->v, v->n, sizeof(*v->v));
			v->alloc = v->n;
			break;
		}
		case FT_REF:
			if (((struct ref *)p)->slug)
				((struct ref *)p)->slug = xstrdup(((struct ref *)p)->slug);
			break;
		case FT_REFS:
			refs_own(p);
			break;
		case FT_OBJECT:
			kind_own(f->sub, rec);
			break;
		case FT_LIST: {
			struct anyvec *v = p;

			v->v = array_own(v->v, v->n, f->sub->size);
			v->alloc = v->n;
			for (size_t j = 0; j < v->n; j++) {
				struct rec_head *h = (void *)((char *)v->v + j * f->sub->size);

				h->loc.file = NULL;
				h->loc.line = 0;
				kind_own(f->sub, h);
			}
			break;
		}
		case FT_RACI: {
			VEC(struct assignment) *v = p;

			v->v = array_own(v->v, v->n, sizeof(*v->v));
			v->alloc = v->n;
			for (size_t j = 0; j < v->n; j++)
				v->v[j].org.slug = xstrdup(v->v[j].org.slug);
			break;
		}
		case FT_ANSWERS: {
			VEC(struct answer) *v = p;

			v->v = array_own(v->v, v->n, sizeof(*v->v));
			v->alloc = v->n;
			for (size_t j = 0; j < v->n; j++)
				v->v[j].item = xstrdup(v->v[j].item);
			break;
		}
		default:
			break;
		}
	}
}

size_t
field_size(const struct field *f)
{
	switch (f->type) {
	case FT_STR: case FT_SLUG: case FT_ID:
		return sizeof(char *);
	case FT_DATE:
		return sizeof(tdate);
	case FT_MONEY: case FT_INT:
		return sizeof(int64_t);
	case FT_SMALL: case FT_BOOL: case FT_ENUM:
		return sizeof(int);
	case FT_REAL:
		return sizeof(double);
	case FT_REF:
		return sizeof(struct ref);
	case FT_REFS:
		return sizeof(struct refs);
	case FT_ENUMS: case FT_LIST: case FT_RACI: case FT_ANSWERS:
		return sizeof(struct anyvec);
	default:
		return 0;
	}
}

/* Swaps n bytes of a and b. */
static void
swap_bytes(void *a, void *b, size_t n)
{
	unsigned char *x = a, *y = b, t;

	for (size_t i = 0; i < n; i++) {
		t = x[i];
		x[i] = y[i];
		y[i] = t;
	}
}

void
field_swap(const struct field *f, void *a, void *b)
{
	if (f->type == FT_OBJECT) {
		for (int i = 0; i < f->sub->nfields; i++)
			field_swap(&f->sub->fields[i], a, b);
		if (f->has_off)
			swap_bytes((char *)a + f->has_off, (char *)b + f->has_off, sizeof(int));
		return;
	}
	swap_bytes(FIELD_PTR(a, f), FIELD_PTR(b, f), field_size(f));
}

void
kind_copy(const struct kind *k, void *dst, const void *src)
{
	struct rec_head *h = dst;

	memcpy(dst, src, k->size);
	h->loc.file = NULL;
	h->loc.line = 0;
	kind_own(k, dst);
}

void
kind_release(const struct kind *k, void *rec)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		void *p = FIELD_PTR(rec, f);

		switch (f->type) {
		case FT_STR:
		case FT_SLUG:
		case FT_ID:
			free(*(char **)p);
			*(char **)p = NULL;
			break;
		case FT_ENUMS:
			VEC_FREE((struct anyvec *)p);
			break;
		case FT_REF:
			free(((struct ref *)p)->slug);
			((struct ref *)p)->slug = NULL;
			break;
		case FT_REFS: {
			struct refs *r = p;

			for (size_t j = 0; j < r->n; j++)
				free(r->v[j].slug);
			VEC_FREE(r);
			break;
		}
		case FT_OBJECT:
			kind_release(f->sub, rec);
			break;
		case FT_LIST: {
			struct anyvec *v = p;

			for (size_t j = 0; j < v->n; j++)
				kind_release(f->sub, (char *)v->v + j * f->sub->size);
			VEC_FREE(v);
			break;
		}
		case FT_RACI: {
			VEC(struct assignment) *v = p;

			for (size_t j = 0; j < v->n; j++)
				free(v->v[j].org.slug);
			VEC_FREE(v);
			break;
		}
		case FT_ANSWERS: {
			VEC(struct answer) *v = p;

			for (size_t j = 0; j < v->n; j++)
				free(v->v[j].item);
			VEC_FREE(v);
			break;
		}
		default:
			break;
		}
	}
}

/* Whether records of kind k hold lists of records (FT_LIST), themselves or in an object. */
static int
holds_lists(const struct kind *k)
{
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].type == FT_LIST ||
		    (k->fields[i].type == FT_OBJECT && holds_lists(k->fields[i].sub)))
			return 1;
	return 0;
}

void
kind_release_lists(const struct kind *k, void *rec)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type == FT_OBJECT)
			kind_release_lists(f->sub, rec);
		else if (f->type == FT_LIST) {
			struct anyvec *v = FIELD_PTR(rec, f);

			/* a list of records that hold none is freed without a look at each */
			if (holds_lists(f->sub))
				for (size_t j = 0; j < v->n; j++)
					kind_release_lists(f->sub, (char *)v->v + j * f->sub->size);
			VEC_FREE(v);
		}
	}
}
