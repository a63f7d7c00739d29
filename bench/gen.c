/*
 * gen: the national-scale workload of PERFORMANCE.md — a synthetic program
 * at the scale of every place-based collaborative a large funder network
 * could host, as trellis/1 JSON or as the CSV set `trellis export --format
 * csv` writes.
 *
 *	gen [--scale national|N] [--seed S] [--format csv|json] [--check] --out PATH
 *
 * At scale 1 ("national"): 1,000 initiatives, and per initiative 20
 * organizations, 100 people, 1,000 decisions, 2,000 ledger entries, 200
 * credits, 500 survey answers, 300 network ties and 36 monthly check-ins
 * (plus members, responsibilities, grants, applications, contributions,
 * events and observations), over 2023-2025. --scale N multiplies the number
 * of initiatives (rounded, at least one); the per-initiative counts stay,
 * so every total scales linearly.
 *
 * Output is streamed: each initiative is built in memory on its own (its
 * organizations and people with it), written with the library's own
 * writers (csv_write, json_write_record), and released before the next,
 * so memory does not grow with the scale. JSON needs the organizations,
 * then the people, then the initiatives: it makes three passes, and every
 * part of an initiative comes from its own PRNG stream seeded by (seed,
 * initiative, part), so each pass regenerates exactly the same records.
 * The same seed and scale give the same bytes.
 *
 * --check runs model_validate on every initiative as it is built (with
 * its organizations and people): a generator bug then stops the run with
 * the record and field at fault instead of surfacing at import.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/csv.h"
#include "io/json.h"
#include "model/fields.h"
#include "model/model.h"
#include "model/validate.h"
#include "util/date.h"
#include "util/rng.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/banned.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Per initiative: the national totals divided by 1,000 initiatives. */
#define NATIONAL	1000
#define ORGS		20
#define PEOPLE		100
#define DECISIONS	1000
#define LEDGER		2000
#define CREDITS		200
#define ANSWERS		500
#define TIES		300
#define CHECKINS	36	/* monthly over the three years */
#define APPLICATIONS	12
#define CONTRIBUTIONS	40
#define EVENTS		24

#define PROGRAM_SLUG	"national-bench"
#define FUNDER		"National Community Investment Network"

/* ---------------------------------------------------------------- PRNG */

/* The parts of an initiative, each with its own stream. */
enum stream {
	ST_ORGS, ST_PEOPLE, ST_BASICS, ST_RESULT, ST_RACI, ST_DECISIONS,
	ST_MONEY, ST_APPS, ST_CREDITS, ST_CONTRIB, ST_CHECKINS, ST_EVENTS,
	ST_SURVEYS, ST_TIES, ST_LEARNING
};

/* Each part of each initiative has its own splitmix64 stream (util/rng.h). */
static void
rng_seed(struct rng *r, uint64_t seed, size_t initiative, enum stream st)
{
	r->s = seed * 0xd1b54a32d192ed69ULL ^
	    ((uint64_t)initiative + 1) * 0x9e3779b97f4a7c15ULL ^
	    ((uint64_t)st + 1) * 0xa0761d6478bd642fULL;
}

/* ---------------------------------------------------------------- names */

static const char *const city_first[40] = {
	"Ash", "Bel", "Birch", "Brook", "Cal", "Cedar", "Clay", "Dun", "East", "Elm",
	"Fair", "Fox", "Glen", "Green", "Hale", "Har", "Hazel", "Holly", "Iron", "King",
	"Lake", "Lin", "Maple", "Mar", "Mill", "North", "Oak", "Pine", "Red", "River",
	"Rock", "Rose", "Salt", "South", "Stone", "Sun", "West", "Wil", "Win", "York",
};
static const char *const city_second[25] = {
	"bury", "field", "ford", "port", "ton", "ville", "dale", "wood", "bridge",
	"haven", "mont", "view", "burg", "brook", "crest", "gate", "land", "mouth",
	"ridge", "side", "stead", "well", "wick", "worth", "by",
};

/* Every initiative's team: one organization of each kind, in its city. */
static const struct orgkind {
	const char *slug, *name;
	int sector;
	int staff_lo, staff_hi;		/* staff range */
	int rev_lo, rev_hi;		/* revenue range, thousands of dollars */
} orgkinds[ORGS] = {
	{ "neighborhood-builders", "Neighborhood Builders", SECTOR_NONPROFIT, 8, 40, 900, 7000 },
	{ "community-development", "Community Development Corporation", SECTOR_NONPROFIT, 10, 45, 1500, 9000 },
	{ "public-schools", "Public Schools", SECTOR_EDUCATION, 300, 2500, 30000, 250000 },
	{ "city-planning", "Office of Planning", SECTOR_PUBLIC, 6, 30, 0, 0 },
	{ "health-center", "Community Health Center", SECTOR_HEALTH, 60, 400, 8000, 40000 },
	{ "parents-council", "Parents Council", SECTOR_RESIDENT, 0, 2, 5, 40 },
	{ "savings-bank", "Savings Bank", SECTOR_PRIVATE, 40, 200, 10000, 60000 },
	{ "community-foundation", "Community Foundation", SECTOR_PHILANTHROPY, 5, 25, 2000, 20000 },
	{ "faith-coalition", "Interfaith Coalition", SECTOR_FAITH, 1, 6, 50, 600 },
	{ "workforce-board", "Workforce Board", SECTOR_PUBLIC, 15, 60, 2000, 9000 },
	{ "youth-arts", "Youth Arts Collective", SECTOR_NONPROFIT, 2, 12, 150, 1200 },
	{ "housing-partnership", "Housing Partnership", SECTOR_NONPROFIT, 12, 50, 2000, 12000 },
	{ "community-college", "Community College", SECTOR_EDUCATION, 150, 900, 20000, 90000 },
	{ "chamber-of-commerce", "Chamber of Commerce", SECTOR_PRIVATE, 3, 12, 300, 2000 },
	{ "food-bank", "Food Bank", SECTOR_NONPROFIT, 10, 70, 1500, 15000 },
	{ "tenants-union", "Tenants Union", SECTOR_RESIDENT, 0, 3, 10, 90 },
	{ "legal-aid", "Legal Aid Society", SECTOR_NONPROFIT, 8, 40, 900, 5000 },
	{ "public-library", "Public Library", SECTOR_PUBLIC, 20, 120, 0, 0 },
	{ "family-health-network", "Family Health Network", SECTOR_HEALTH, 30, 200, 4000, 25000 },
	{ "data-collaborative", "Data Collaborative", SECTOR_OTHER, 2, 10, 200, 1500 },
};

/* Organization kinds that can be the backbone, and that can co-lead. */
static const int backbone_kinds[] = { 0, 1, 11, 14 };
static const int colead_kinds[] = { 2, 3, 4, 7, 9, 12, 16 };
#define ORG_FOUNDATION	7
#define ORG_DATA	19

static const char *const first_names[] = {
	"Ana", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal",
	"Kara", "Luis", "Maya", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq",
	"Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Chen", "Dana",
	"Emeka", "Fatima", "Gabe", "Hana", "Ivan", "Joy", "Kofi", "Lena", "Marco", "Noor",
};
static const char *const last_names[] = {
	"Acosta", "Bauer", "Chowdhury", "Diallo", "Evans", "Fischer", "Garcia", "Hughes",
	"Ito", "Jensen", "Kowalski", "Lopez", "Mensah", "Nguyen", "Okafor", "Patel",
	"Quintero", "Rossi", "Silva", "Tanaka", "Usman", "Vargas", "Walsh", "Xu", "Yilmaz",
	"Zhang", "Abebe", "Brennan", "Castillo", "Dubois", "Eze", "Flores", "Gupta", "Haddad",
	"Ibrahim", "Jones", "Kim", "Larsen", "Moreau", "Novak",
};

static const struct theme {
	const char *initiative, *statement, *indicator, *unit;
	int direction;
	double base_lo, base_hi;
	double change;			/* target = baseline × (1 + change) */
} themes[] = {
	{ "Family Prosperity Initiative", "Raise the median income of families with children by 15%",
	  "median household income, families with children", "dollars", DIR_UP, 32000, 52000, 0.15 },
	{ "Safe Streets Partnership", "Cut violent crime in the eastern neighborhoods by 30%",
	  "violent crimes reported per 1,000 residents", "per 1,000", DIR_DOWN, 8, 22, -0.30 },
	{ "Main Streets Together", "Latino business ownership to 20% of the city's businesses",
	  "share of businesses owned by Latino residents", "percent", DIR_UP, 6, 12, 0.6 },
	{ "Pathways Out of Poverty", "Cut the poverty rate by 20%",
	  "residents below the poverty line", "percent", DIR_DOWN, 18, 32, -0.20 },
	{ "Ready to Learn Collaborative", "Kindergarten readiness to 75%",
	  "children assessed ready for kindergarten", "percent", DIR_UP, 45, 60, 0.25 },
	{ "Healthy Homes Alliance", "Halve childhood asthma emergency visits",
	  "asthma emergency visits per 1,000 children", "per 1,000", DIR_DOWN, 10, 25, -0.5 },
};

static const char *const line_names[] = {
	"initiative director", "partner stipends", "community engagement",
	"data and evaluation", "backbone administration", "resident leadership",
	"small business grants", "outreach materials",
};

static const char *const other_funders[] = {
	"State Department of Housing", "Regional Health Foundation", "United Way of the Region",
	"State Office of Workforce Development", "Family Opportunity Fund",
	"National Endowment for Neighborhoods", "Community Reinvestment Trust",
};

static const char *const decision_topics[CAT__MAX][6] = {
	{ "Set interim targets for the shared result", "Adopt the annual workplan",
	  "Choose the focus neighborhoods", "Revise the theory of change",
	  "Agree the resident engagement strategy", "Set the policy agenda" },
	{ "Approve the quarterly budget", "Set partner stipend rates",
	  "Reallocate unspent community engagement funds", "Approve the audit response",
	  "Approve the matching grant budget", "Move funds between budget lines" },
	{ "Hire a community organizer", "Renew the initiative director's contract",
	  "Set the director's review process", "Create a data analyst position",
	  "Assign a staff lead for outreach", "Agree the volunteer policy" },
	{ "Launch the parent leadership cohort", "Open a second job-training site",
	  "Start the small business mentoring program", "Pilot the home visiting program",
	  "Expand the summer program", "Partner with the transit authority" },
	{ "Approve the annual report", "Choose the newsletter schedule",
	  "Adopt the press policy", "Name the spokespeople for the launch",
	  "Approve the website redesign", "Plan the community celebration" },
	{ "Select the evaluation partner", "Approve the data sharing agreement",
	  "Adopt the survey schedule", "Agree the dashboard indicators",
	  "Review the mid-point evaluation", "Publish the learning brief" },
	{ "Change the meeting schedule", "Update the team charter",
	  "Agree the conflict of interest policy", "Move the office",
	  "Adopt the meeting norms", "Set the holiday schedule" },
};

static const char *const contrary_texts[] = {
	"%s asked for a slower rollout; the team compared both timelines before deciding.",
	"%s objected that residents had not been heard yet; a listening session was added.",
	"%s proposed a smaller pilot first; the alternative was weighed and recorded.",
	"%s disagreed with the cost estimate; the budget was checked again before the vote.",
	"%s preferred a different partner; the choice was put to the whole committee.",
};

static const char *const progress_texts[] = {
	"- Held the monthly partner meeting\n- %d residents joined the leadership cohort",
	"- Published the newsletter; %d new subscribers\n- Data sharing agreement signed",
	"- %d families enrolled in coaching\n- Evaluation partner visited the sites",
	"- Opened the second training site\n- %d job placements this month",
	"- Presented the dashboard to the city council\n- %d businesses started mentoring",
};
static const char *const challenge_texts[] = {
	"Turnover at one partner slowed outreach.",
	"Data from the schools arrive late; the **dashboard** lags by a month.",
	"Two partners asked for clearer stipend rules.",
	"",
	"The committee missed quorum once; decisions waited two weeks.",
	"",
};

static const char *const credit_titles[] = {
	"News story on the resident leadership cohort", "Annual report of the initiative",
	"Presentation at the regional community development conference",
	"Award for cross-sector collaboration", "Op-ed on the shared result",
	"Radio interview on the job-training program", "Social media campaign on enrollment",
	"Case study in the state's best-practice guide",
};

static const char *const event_titles[EVENT__MAX] = {
	"Community convening", "Training: facilitating resident-led meetings",
	"Peer exchange with another city", "Evaluation workshop", "Quarterly team meeting",
};

/* ---------------------------------------------------------------- initiatives */

struct gen {
	uint64_t seed;
	size_t n;			/* initiatives */
	int check;
	tdate start, end;		/* the program's years */
};

/* One initiative's names and structure, computed before its records. */
struct ctx {
	const struct gen *g;
	size_t i;
	char city[48], cslug[48];
	char org[ORGS][LIMIT_SLUG + 1];
	char person[PEOPLE][LIMIT_SLUG + 1];
	int backbone, colead[2], fiscal;
	int committee[ORGS];		/* 1 when on the committee */
	/* the initiative's style: how often the backbone acts alone, ... */
	double p_alone, p_rushed, p_contrary, p_loop, p_own, breadth;
	int theme;
};

static void
slugify(char *dst, size_t sz, const char *src)
{
	size_t j = 0;

	for (size_t i = 0; src[i] && j + 1 < sz; i++) {
		char c = src[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == ' ')
			c = '-';
		dst[j++] = c;
	}
	dst[j] = '\0';
}

static void
city_of(size_t i, char *city, size_t sz)
{
	size_t k = NELEM(city_first) * NELEM(city_second);

	if (i < k)
		snprintf(city, sz, "%s%s", city_first[i % NELEM(city_first)],
		    city_second[(i / NELEM(city_first)) % NELEM(city_second)]);
	else
		snprintf(city, sz, "%s%s %zu", city_first[i % NELEM(city_first)],
		    city_second[(i / NELEM(city_first)) % NELEM(city_second)], i / k + 1);
}

static void
ctx_init(struct ctx *c, const struct gen *g, size_t i)
{
	struct rng r;

	memset(c, 0, sizeof(*c));
	c->g = g;
	c->i = i;
	city_of(i, c->city, sizeof(c->city));
	slugify(c->cslug, sizeof(c->cslug), c->city);
	for (int j = 0; j < ORGS; j++)
		snprintf(c->org[j], sizeof(c->org[j]), "%s-%s", c->cslug, orgkinds[j].slug);
	rng_seed(&r, g->seed, i, ST_PEOPLE);
	for (int k = 0; k < PEOPLE; k++)
		snprintf(c->person[k], sizeof(c->person[k]), "p%zu-%d-%s-%s", i + 1, k + 1,
		    rng_pick(&r, first_names, NELEM(first_names)),
		    rng_pick(&r, last_names, NELEM(last_names)));
	for (int k = 0; k < PEOPLE; k++)
		slugify(c->person[k], sizeof(c->person[k]), c->person[k]);

	rng_seed(&r, g->seed, i, ST_BASICS);
	c->backbone = backbone_kinds[rng_int(&r, 0, (int)NELEM(backbone_kinds) - 1)];
	c->colead[0] = colead_kinds[rng_int(&r, 0, (int)NELEM(colead_kinds) - 1)];
	do
		c->colead[1] = colead_kinds[rng_int(&r, 0, (int)NELEM(colead_kinds) - 1)];
	while (c->colead[1] == c->colead[0]);
	c->fiscal = rng_chance(&r, 0.75) ? c->backbone : ORG_FOUNDATION;
	c->committee[c->backbone] = c->committee[c->colead[0]] = c->committee[c->colead[1]] = 1;
	for (int k = rng_int(&r, 0, 3); k > 0; k--)
		c->committee[rng_int(&r, 0, ORGS - 1)] = 1;
	/* a spread of styles, so that some initiatives trip each alert and some do not */
	c->p_alone = 0.1 + 0.6 * rng_unit(&r);
	c->p_rushed = 0.05 + 0.3 * rng_unit(&r);
	c->p_contrary = 0.05 + 0.4 * rng_unit(&r);
	c->p_loop = 0.5 + 0.5 * rng_unit(&r);
	c->p_own = 0.02 + 0.2 * rng_unit(&r);
	c->breadth = 0.2 + 0.6 * rng_unit(&r);
	c->theme = rng_int(&r, 0, (int)NELEM(themes) - 1);
}

static void
refs_add(struct refs *rs, const char *slug)
{
	ref_set(VEC_PUSH(rs), slug);
}

/* Adds the organizations whose bit is set in mask to rs, in team order. */
static void
refs_mask(struct refs *rs, const struct ctx *c, uint32_t mask)
{
	for (int j = 0; j < ORGS; j++)
		if (mask & (1u << j))
			refs_add(rs, c->org[j]);
}

/* A random set of k organizations of the team (k ≤ ORGS), as a bit mask. */
static uint32_t
rng_orgs(struct rng *r, int k, uint32_t exclude)
{
	uint32_t m = 0;
	int avail = 0;

	for (int j = 0; j < ORGS; j++)
		avail += !(exclude & (1u << j));
	if (k > avail)
		k = avail;
	while (k > 0) {
		int j = rng_int(r, 0, ORGS - 1);

		if ((m | exclude) & (1u << j))
			continue;
		m |= 1u << j;
		k--;
	}
	return m;
}

static tdate
clamp_date(tdate d, tdate lo, tdate hi)
{
	return d < lo ? lo : d > hi ? hi : d;
}

/* The k-th of n dates spread evenly over [s, e], with some jitter. */
static tdate
spread(struct rng *r, tdate s, tdate e, size_t k, size_t n)
{
	double step = (double)(e - s + 1) / (double)n;
	tdate d = s + (tdate)((double)k * step + rng_unit(r) * step);

	return clamp_date(d, s, e);
}

static void
gen_orgs(const struct ctx *c, struct program *p)
{
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_ORGS);
	for (int j = 0; j < ORGS; j++) {
		const struct orgkind *k = &orgkinds[j];
		struct organization *o = VEC_PUSH(&p->orgs);
		char name[128];
		int high = j == c->backbone && rng_chance(&r, 0.35);

		snprintf(name, sizeof(name), "%s %s", c->city, k->name);
		o->slug = xstrdup(c->org[j]);
		o->name = xstrdup(name);
		o->sector = k->sector;
		o->city = xstrdup(c->city);
		o->staff = rng_chance(&r, 0.9) ? rng_int(&r, k->staff_lo, k->staff_hi) : INT_NONE;
		if (high && o->staff != INT_NONE && o->staff < 20)
			o->staff = rng_int(&r, 20, 40);
		o->revenue = k->rev_hi > 0 && rng_chance(&r, 0.85) ?
		    (int64_t)rng_int(&r, k->rev_lo, k->rev_hi) * 100000 : INT_NONE;
		if (high && o->revenue != INT_NONE && o->revenue < 300000000)
			o->revenue = (int64_t)rng_int(&r, 3000, 8000) * 100000;
		o->flexible_grants = high || rng_chance(&r, 0.4);
		for (int e = 0; e < EXPERTISE__MAX; e++)
			if (rng_chance(&r, high ? 0.8 : 0.35))
				*VEC_PUSH(&o->expertise) = e;
		o->in_kind_staffing = high || rng_chance(&r, 0.4);
		o->experiment = rng_chance(&r, high ? 0.8 : 0.4);
		o->convener = rng_chance(&r, high ? 0.9 : 0.4);
	}
}

static void
gen_people(const struct ctx *c, struct program *p)
{
	for (int k = 0; k < PEOPLE; k++) {
		struct person *pe = VEC_PUSH(&p->people);
		char name[96], email[160];
		/* "p12-3-ana-mensah": the name is after the second '-' */
		const char *s = strchr(strchr(c->person[k], '-') + 1, '-') + 1;
		const char *dash = strchr(s, '-');

		snprintf(name, sizeof(name), "%c%.*s %c%s", s[0] - 'a' + 'A', (int)(dash - s - 1),
		    s + 1, dash[1] - 'a' + 'A', dash + 2);
		snprintf(email, sizeof(email), "%.*s.%s.%zu.%d@example.org", (int)(dash - s), s,
		    dash + 1, c->i + 1, k + 1);
		pe->slug = xstrdup(c->person[k]);
		pe->name = xstrdup(name);
		pe->email = xstrdup(email);
		ref_set(&pe->org, c->org[k % ORGS]);
	}
}

static char *
fmt_id(const char *prefix, size_t n)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%s-%04zu", prefix, n);
	return xstrdup(buf);
}

static void
gen_basics(const struct ctx *c, struct initiative *in)
{
	const struct theme *t = &themes[c->theme];
	struct rng r;
	char name[128];

	rng_seed(&r, c->g->seed, c->i, ST_RESULT);
	snprintf(name, sizeof(name), "%s %s", c->city, t->initiative);
	in->slug = xstrdup(c->cslug);
	in->name = xstrdup(name);
	in->city = xstrdup(c->city);
	in->start = c->g->start;
	in->end = c->g->end;
	ref_set(&in->backbone, c->org[c->backbone]);
	ref_set(&in->fiscal_agent, c->org[c->fiscal]);
	for (int j = 0; j < ORGS; j++)
		if (c->committee[j])
			refs_add(&in->committee, c->org[j]);

	/* the director works for the backbone; some teams share the oversight */
	in->has_director = 1;
	ref_set(&in->director.person, c->person[c->backbone]);
	ref_set(&in->director.employer, c->org[c->backbone]);
	refs_add(&in->director.reports_to, c->org[c->backbone]);
	if (rng_chance(&r, 0.6))
		refs_add(&in->director.reports_to, c->org[c->colead[0]]);
	refs_add(&in->director.evaluated_by, c->org[c->backbone]);
	if (rng_chance(&r, 0.5))
		refs_add(&in->director.evaluated_by, c->org[c->colead[1]]);

	in->has_result = 1;
	in->result.statement = xstrdup(t->statement);
	in->result.indicator = xstrdup(t->indicator);
	in->result.unit = xstrdup(t->unit);
	in->result.direction = t->direction;
	in->result.baseline_date = date_from_ymd(2022, 12, 31);
	in->result.baseline_value = round(t->base_lo + (t->base_hi - t->base_lo) * rng_unit(&r));
	in->result.target_date = date_from_ymd(2032, 12, 31);
	in->result.target_value = round(in->result.baseline_value * (1 + t->change));

	/* quarterly observations, drifting toward the target at a varying pace */
	{
		double v = in->result.baseline_value, pace = 0.3 + 1.2 * rng_unit(&r);
		double step = (in->result.target_value - in->result.baseline_value) / 40 * pace;

		for (int q = 0; q < 12; q++) {
			struct observation *o = VEC_PUSH(&in->observations);

			v += step * (0.5 + rng_unit(&r));
			o->date = date_add_months(date_from_ymd(2023, 3, 31), 3 * q);
			o->value = round(v * 10) / 10;
		}
	}

	/* members: the whole team; a few join late, a few leave */
	for (int j = 0; j < ORGS; j++) {
		struct member *m = VEC_PUSH(&in->members);

		ref_set(&m->org, c->org[j]);
		m->role = j == c->backbone ? ROLE_BACKBONE :
		    (j == c->colead[0] || j == c->colead[1]) ? ROLE_COLEAD : ROLE_PARTNER;
		m->joined = in->start;
		m->left = DATE_NONE;
		if (m->role == ROLE_PARTNER && !c->committee[j] && rng_chance(&r, 0.2))
			m->joined = in->start + rng_int(&r, 30, 360);
		else if (m->role == ROLE_PARTNER && !c->committee[j] && rng_chance(&r, 0.08))
			m->left = in->start + rng_int(&r, 400, 1000);
	}
}

static void
gen_raci(const struct ctx *c, struct initiative *in)
{
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_RACI);
	for (size_t k = 0; k < default_responsibilities_count; k++) {
		struct responsibility *re = VEC_PUSH(&in->responsibilities);
		uint32_t used = 0;
		int a = rng_chance(&r, c->p_alone + 0.2) ? c->backbone : c->colead[k % 2];

		re->name = xstrdup(default_responsibilities[k]);
		if (!rng_chance(&r, 0.06)) {
			struct assignment *as = VEC_PUSH(&re->assignments);

			ref_set(&as->org, c->org[a]);
			as->letter = RACI_A;
			used |= 1u << a;
		}
		for (int letter = RACI_R; letter <= RACI_I; letter++) {
			uint32_t m;

			if (letter == RACI_A)
				continue;
			m = rng_orgs(&r, rng_int(&r, 1, letter == RACI_R ? 2 : 3), used);
			used |= m;
			for (int j = 0; j < ORGS; j++)
				if (m & (1u << j)) {
					struct assignment *as = VEC_PUSH(&re->assignments);

					ref_set(&as->org, c->org[j]);
					as->letter = letter;
				}
		}
	}
}

static const double category_weights[CAT__MAX] = { 0.2, 0.2, 0.1, 0.3, 0.1, 0.07, 0.03 };

static int
pick_category(struct rng *r)
{
	double u = rng_unit(r);

	for (int k = 0; k < CAT__MAX - 1; k++) {
		if (u < category_weights[k])
			return k;
		u -= category_weights[k];
	}
	return CAT__MAX - 1;
}

static void
gen_decisions(const struct ctx *c, struct initiative *in)
{
	struct rng r;
	tdate last = in->end - 45;
	uint32_t all = (1u << ORGS) - 1;

	rng_seed(&r, c->g->seed, c->i, ST_DECISIONS);
	for (size_t k = 0; k < DECISIONS; k++) {
		struct decision *d = VEC_PUSH(&in->decisions);
		uint32_t deciders = 0, consulted, informed;
		double u = rng_unit(&r);
		int who;

		d->id = fmt_id("d", k + 1);
		d->category = pick_category(&r);
		d->title = xstrdup(decision_topics[d->category][rng_int(&r, 0, 5)]);
		d->proposed = spread(&r, in->start, last, k, DECISIONS);
		d->decided = d->proposed + (rng_chance(&r, c->p_rushed) ?
		    rng_int(&r, 0, 6) : rng_int(&r, 7, 45));
		if (u < c->p_alone) {
			who = c->backbone;
			deciders = 1u << who;
		} else if (u < c->p_alone + (1 - c->p_alone) * 0.4) {
			who = -2;
			for (int j = 0; j < ORGS; j++)
				if (c->committee[j])
					deciders |= 1u << j;
		} else if (u < c->p_alone + (1 - c->p_alone) * 0.55) {
			who = -3;
			deciders = all;
		} else if (u < c->p_alone + (1 - c->p_alone) * 0.8) {
			who = c->colead[rng_int(&r, 0, 1)];
			deciders = 1u << who;
		} else {
			who = rng_int(&r, 0, ORGS - 1);
			deciders = 1u << who;
		}
		ref_set(&d->decider, who == -2 ? "committee" : who == -3 ? "team" : c->org[who]);
		consulted = rng_orgs(&r, (int)(c->breadth * ORGS * rng_unit(&r) * 1.5), deciders);
		if ((d->category == CAT_FINANCIAL || d->category == CAT_PERSONNEL) &&
		    rng_chance(&r, c->p_loop))
			informed = all & ~(consulted | deciders);
		else
			informed = rng_orgs(&r, rng_int(&r, 0, 4), consulted | deciders);
		refs_mask(&d->consulted, c, consulted);
		refs_mask(&d->informed, c, informed);
		if (rng_chance(&r, c->p_contrary)) {
			char buf[256];
			const char *fmt = contrary_texts[rng_int(&r, 0, (int)NELEM(contrary_texts) - 1)];
			int o = rng_int(&r, 0, ORGS - 1);
			char name[128];

			snprintf(name, sizeof(name), "%s %s", c->city, orgkinds[o].name);
			snprintf(buf, sizeof(buf), fmt, name);
			d->contrary_views = xstrdup(buf);
		}
	}
}

/* The budget of one grant line, and how many ledger entries it gets. */
struct linespec {
	size_t grant;
	int line;			/* index in line_names */
	int64_t amount;			/* cents */
	size_t entries;
};

static int
cmp_ledger(const void *a, const void *b)
{
	const struct ledger_entry *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	/* ids are the generation order (set before sorting): stable */
	return strcmp(x->id, y->id);
}

static void
gen_money(const struct ctx *c, struct initiative *in)
{
	struct rng r;
	struct linespec ls[24];
	size_t nls = 0, given = 0, k = 0;
	int64_t total = 0;
	double ratio;
	struct { int y0, m0, y1, m1; int lo, hi; } gs[4] = {
		{ 2023, 1, 2025, 12, 500, 900 },
		{ 2023, 7, 2025, 6, 150, 400 },
		{ 2024, 1, 2025, 12, 100, 250 },
		{ 2025, 1, 2025, 12, 40, 120 },
	};

	rng_seed(&r, c->g->seed, c->i, ST_MONEY);
	for (size_t gi = 0; gi < NELEM(gs); gi++) {
		struct grant *g = VEC_PUSH(&in->grants);
		int nlines = gi == 0 ? 5 : rng_int(&r, 1, 3);
		int64_t left;
		char id[8];

		snprintf(id, sizeof(id), "g-%zu", gi + 1);
		g->id = xstrdup(id);
		g->catalytic = gi == 0;
		if (gi == 0)
			g->funder = xstrdup(FUNDER);
		else if (gi == 3) {
			char f[96];

			snprintf(f, sizeof(f), "%s Community Foundation", c->city);
			g->funder = xstrdup(f);
		} else
			g->funder = xstrdup(rng_pick(&r, other_funders, NELEM(other_funders)));
		g->amount = (int64_t)rng_int(&r, gs[gi].lo, gs[gi].hi) * 100000;
		g->start = date_from_ymd(gs[gi].y0, gs[gi].m0, 1);
		g->end = date_from_ymd(gs[gi].y1, gs[gi].m1, date_days_in_month(gs[gi].y1, gs[gi].m1));
		left = g->amount;
		for (int l = 0; l < nlines; l++) {
			struct budget_line *bl = VEC_PUSH(&g->lines);
			int name = gi == 0 ? l : 5 + (l + (int)gi) % 3;
			int64_t a = l == nlines - 1 ? left :
			    g->amount / 100 * (gi == 0 ? (int[]){ 30, 30, 15, 15 }[l] :
			    rng_int(&r, 25, 50)) / 100 * 100;

			if (a <= 0 || a > left)
				a = left;
			bl->name = xstrdup(line_names[name]);
			bl->amount = a;
			left -= a;
			ls[nls].grant = gi;
			ls[nls].line = name;
			ls[nls].amount = a;
			nls++;
			total += a;
			if (left == 0)
				break;
		}
	}
	for (size_t l = 0; l < nls; l++) {
		ls[l].entries = (size_t)((double)LEDGER * (double)ls[l].amount / (double)total);
		if (ls[l].entries == 0)
			ls[l].entries = 1;
		given += ls[l].entries;
	}
	/* the rounding remainder (either way) to the first, largest line */
	ls[0].entries = ls[0].entries + LEDGER - given;

	/* most teams spend 80-98% of a line; a few overspend one */
	ratio = 0.8 + 0.18 * rng_unit(&r);
	for (size_t l = 0; l < nls; l++) {
		const struct grant *g = &in->grants.v[ls[l].grant];
		double lr = rng_chance(&r, 0.05) ? 1.08 : ratio;
		int64_t each = (int64_t)((double)ls[l].amount * lr / (double)ls[l].entries);

		for (size_t e = 0; e < ls[l].entries; e++) {
			struct ledger_entry *le = VEC_PUSH(&in->ledger);
			const char *purpose;
			int to = -1;

			le->id = fmt_id("l", ++k);
			le->date = spread(&r, g->start, g->end, e, ls[l].entries);
			ref_set(&le->grant, g->id);
			le->amount = each / 2 + (int64_t)(rng_unit(&r) * (double)each);
			if (le->amount < 100)
				le->amount = 100;
			le->line = xstrdup(line_names[ls[l].line]);
			le->kind = LEDGER_EXPENSE;
			switch (ls[l].line) {
			case 0:
				to = c->backbone;
				purpose = "Initiative director salary and benefits";
				break;
			case 1:
			case 6:
				do
					to = rng_int(&r, 0, ORGS - 1);
				while (to == c->backbone);
				le->kind = LEDGER_DISBURSEMENT;
				purpose = ls[l].line == 1 ? "Partner stipend" : "Small business grant";
				break;
			case 3:
				to = rng_chance(&r, 0.6) ? ORG_DATA : -1;
				purpose = "Data collection and analysis";
				break;
			case 4:
				to = c->backbone;
				purpose = "Backbone staff time and overhead";
				le->backbone_own = 1;
				break;
			default:
				if (rng_chance(&r, 0.4)) {
					to = rng_int(&r, 0, ORGS - 1);
					le->kind = to == c->backbone ? LEDGER_EXPENSE : LEDGER_DISBURSEMENT;
				}
				purpose = "Outreach, meetings and materials";
				break;
			}
			if (to >= 0)
				ref_set(&le->recipient, c->org[to]);
			if (!le->backbone_own && to == c->backbone && rng_chance(&r, c->p_own))
				le->backbone_own = 1;
			le->purpose = xstrdup(purpose);
		}
	}
	qsort(in->ledger.v, in->ledger.n, sizeof(in->ledger.v[0]), cmp_ledger);
	for (size_t e = 0; e < in->ledger.n; e++) {
		free(in->ledger.v[e].id);
		in->ledger.v[e].id = fmt_id("l", e + 1);
	}
}

static void
gen_applications(const struct ctx *c, struct initiative *in)
{
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_APPS);
	for (size_t k = 0; k < APPLICATIONS; k++) {
		struct application *a = VEC_PUSH(&in->applications);
		int lead = rng_chance(&r, 0.5) ? c->backbone : rng_int(&r, 0, ORGS - 1);

		a->id = fmt_id("a", k + 1);
		a->date = spread(&r, in->start, in->end, k, APPLICATIONS);
		a->funder = xstrdup(rng_pick(&r, other_funders, NELEM(other_funders)));
		a->amount = (int64_t)rng_int(&r, 20, 500) * 100000;
		ref_set(&a->lead, c->org[lead]);
		refs_mask(&a->co_applicants, c, rng_orgs(&r, rng_int(&r, 0, 3), 1u << lead));
		a->status = a->date > in->end - 120 ? rng_int(&r, APP_DRAFT, APP_SUBMITTED) :
		    rng_int(&r, APP_AWARDED, APP_DECLINED);
	}
}

static void
gen_credits(const struct ctx *c, struct initiative *in)
{
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_CREDITS);
	for (size_t k = 0; k < CREDITS; k++) {
		struct credit *cr = VEC_PUSH(&in->credits);
		uint32_t m = rng_orgs(&r, rng_int(&r, 1, 4), 0);

		if (rng_chance(&r, c->p_alone))
			m |= 1u << c->backbone;
		cr->id = fmt_id("cr", k + 1);
		cr->date = spread(&r, in->start, in->end, k, CREDITS);
		cr->channel = rng_int(&r, 0, CHANNEL__MAX - 1);
		cr->title = xstrdup(rng_pick(&r, credit_titles, NELEM(credit_titles)));
		refs_mask(&cr->credited, c, m);
	}
}

static void
gen_contributions(const struct ctx *c, struct initiative *in)
{
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_CONTRIB);
	for (size_t k = 0; k < CONTRIBUTIONS; k++) {
		struct contribution *co = VEC_PUSH(&in->contributions);
		int from = rng_chance(&r, 0.7) ? c->backbone : rng_int(&r, 0, ORGS - 1), to;

		do
			to = rng_int(&r, 0, ORGS - 1);
		while (to == from);
		co->id = fmt_id("k", k + 1);
		co->date = spread(&r, in->start, in->end, k, CONTRIBUTIONS);
		ref_set(&co->from, c->org[from]);
		ref_set(&co->to, c->org[to]);
		co->type = rng_int(&r, 0, CONTRIB__MAX - 1);
		co->hours = rng_int(&r, 4, 120) / 2.0;
	}
}

static void
gen_checkins(const struct ctx *c, struct initiative *in)
{
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_CHECKINS);
	for (int k = 0; k < CHECKINS; k++) {
		struct checkin *ch = VEC_PUSH(&in->checkins);
		tdate month = date_add_months(in->start, k);
		char buf[256];
		const char *fmt = progress_texts[rng_int(&r, 0, (int)NELEM(progress_texts) - 1)];
		const char *chal = rng_pick(&r, challenge_texts, NELEM(challenge_texts));
		int seen[PEOPLE] = { 0 };

		ch->id = fmt_id("c", (size_t)k + 1);
		ch->date = month + rng_int(&r, 4, 24);
		refs_add(&ch->attendees, c->person[c->backbone]);
		seen[c->backbone] = 1;
		for (int a = rng_int(&r, 2, 5); a > 0; a--) {
			int p = rng_int(&r, 0, PEOPLE - 1);

			if (seen[p])
				continue;
			seen[p] = 1;
			refs_add(&ch->attendees, c->person[p]);
		}
		snprintf(buf, sizeof(buf), fmt, rng_int(&r, 2, 40));
		ch->progress = xstrdup(buf);
		ch->challenges = chal[0] ? xstrdup(chal) : NULL;
	}
}

static void
gen_events(const struct ctx *c, struct initiative *in)
{
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_EVENTS);
	for (size_t k = 0; k < EVENTS; k++) {
		struct event *ev = VEC_PUSH(&in->events);
		uint32_t expected = 0, attended = 0;
		double rate = 0.5 + 0.45 * rng_unit(&r);

		ev->id = fmt_id("e", k + 1);
		ev->date = spread(&r, in->start, in->end, k, EVENTS);
		ev->kind = k % 2 == 0 ? EVENT_TEAM_MEETING : rng_int(&r, 0, EVENT__MAX - 2);
		ev->title = xstrdup(event_titles[ev->kind]);
		expected = ev->kind == EVENT_TEAM_MEETING ? (1u << ORGS) - 1 :
		    rng_orgs(&r, rng_int(&r, 4, 12), 0);
		for (int j = 0; j < ORGS; j++)
			if ((expected & (1u << j)) && (j == c->backbone || rng_chance(&r, rate)))
				attended |= 1u << j;
		refs_mask(&ev->expected, c, expected);
		refs_mask(&ev->attended, c, attended);
	}
}

/*
 * Surveys: the two built-in instruments in spring 2024 and spring 2025, a
 * quarter of ANSWERS each; every response answers every item but the
 * survey's last, which takes what is left.
 */
static void
gen_surveys(const struct ctx *c, struct initiative *in, const struct program *p)
{
	static const char *const codes[] = { "balance", "director-support" };
	struct rng r;
	size_t n = 0;

	rng_seed(&r, c->g->seed, c->i, ST_SURVEYS);
	for (int wave = 0; wave < 2; wave++)
		for (size_t k = 0; k < NELEM(codes); k++) {
			const struct instrument *ins = program_instrument(p, codes[k]);
			struct survey *sv = VEC_PUSH(&in->surveys);
			size_t budget = ANSWERS / 4, resp = 0;
			int lean = rng_int(&r, -1, 1);
			char id[8];

			snprintf(id, sizeof(id), "s-%zu", ++n);
			sv->id = xstrdup(id);
			ref_set(&sv->instrument, codes[k]);
			sv->opened = date_from_ymd(2024 + wave, 4, 1) + rng_int(&r, 0, 20);
			sv->closed = sv->opened + rng_int(&r, 14, 35);
			while (budget > 0) {
				struct response *re = VEC_PUSH(&sv->responses);

				re->group = resp < 3 ? GROUP_BACKBONE : resp == 3 ? GROUP_DIRECTOR :
				    GROUP_PARTNER;
				for (size_t it = 0; it < ins->items.n && budget > 0; it++, budget--) {
					struct answer *a = VEC_PUSH(&re->answers);
					int v = rng_int(&r, 2, 5) + (re->group == GROUP_BACKBONE) + lean -
					    rng_int(&r, 0, 1);

					a->item = xstrdup(ins->items.v[it].code);
					a->value = v < 1 ? 1 : v > 5 ? 5 : v;
				}
				resp++;
			}
		}
}

/* Network survey: two waves (autumn 2024, 2025), each TIES/2 distinct ordered pairs. */
static void
gen_ties(const struct ctx *c, struct initiative *in)
{
	int pairs[ORGS * (ORGS - 1)];
	size_t np = 0;
	struct rng r;

	rng_seed(&r, c->g->seed, c->i, ST_TIES);
	for (int a = 0; a < ORGS; a++)
		for (int b = 0; b < ORGS; b++)
			if (a != b)
				pairs[np++] = a * ORGS + b;
	for (int wave = 0; wave < 2; wave++) {
		tdate d = date_from_ymd(2024 + wave, 10, 1) + rng_int(&r, 0, 25);

		/* the first TIES/2 of a Fisher-Yates shuffle */
		for (size_t k = 0; k < TIES / 2; k++) {
			size_t j = k + (size_t)rng_int(&r, 0, (int)(np - k - 1));
			int t = pairs[k], from, to;
			struct tie *ti = VEC_PUSH(&in->ties);

			pairs[k] = pairs[j];
			pairs[j] = t;
			from = pairs[k] / ORGS;
			to = pairs[k] % ORGS;
			ti->date = d;
			ref_set(&ti->from, c->org[from]);
			ref_set(&ti->to, c->org[to]);
			ti->frequency = from == c->backbone || to == c->backbone ?
			    rng_int(&r, 2, 4) : rng_int(&r, 0, 4);
			if (ti->frequency > 0) {
				ti->reliability = rng_int(&r, 1, 4);
				ti->mission = rng_int(&r, 2, 4);
				ti->openness = rng_int(&r, 1, 4);
				ti->influence = rng_int(&r, 1, 4);
				ti->involvement = rng_int(&r, 1, 4);
				ti->resources = rng_chance(&r, 0.8) ? rng_int(&r, 1, 4) : 0;
			}
		}
	}
}

/*
 * Builds initiative i into p: its organizations and people, and, with
 * records, the initiative itself with all its records.
 */
static void
gen_initiative(const struct gen *g, size_t i, struct program *p, int records)
{
	struct ctx c;
	struct initiative *in;

	ctx_init(&c, g, i);
	gen_orgs(&c, p);
	gen_people(&c, p);
	if (!records)
		return;
	program_add_builtin_instruments(p);
	in = VEC_PUSH(&p->initiatives);
	gen_basics(&c, in);
	gen_raci(&c, in);
	gen_decisions(&c, in);
	gen_money(&c, in);
	gen_applications(&c, in);
	gen_credits(&c, in);
	gen_contributions(&c, in);
	gen_checkins(&c, in);
	gen_events(&c, in);
	gen_surveys(&c, in, p);
	gen_ties(&c, in);
}

/* The program record and its learning questions (notes on the first initiatives). */
static void
gen_head(const struct gen *g, struct program *p)
{
	static const char *const questions[] = {
		"What would it take for backbone organizations to share leadership as the work grows?",
		"Which partners supply the capacity a backbone lacks, and how is that recognized?",
	};
	struct rng r;

	p->slug = xstrdup(PROGRAM_SLUG);
	p->name = xstrdup("National Place-Based Collaboratives (synthetic benchmark)");
	p->funder = xstrdup(FUNDER);
	p->start = g->start;
	p->end = g->end;
	rng_seed(&r, g->seed, 0, ST_LEARNING);
	for (size_t q = 0; q < NELEM(questions); q++) {
		struct learning *l = VEC_PUSH(&p->learning);

		l->question = xstrdup(questions[q]);
		for (int k = 0; k < 3; k++) {
			struct learning_note *n = VEC_PUSH(&l->notes);
			char city[48], slug[48];

			n->date = date_from_ymd(2023 + k, 6, 1) + rng_int(&r, 0, 150);
			n->text = xstrdup(k == 0 ? "Early check-ins show different patterns across teams." :
			    k == 1 ? "Teams that share the budget decisions keep more partners at the table." :
			    "Capacity is often supplied by the partners the backbone pays least.");
			city_of((size_t)rng_int(&r, 0, (int)(g->n > 50 ? 49 : g->n - 1)), city, sizeof(city));
			slugify(slug, sizeof(slug), city);
			refs_add(&n->initiatives, slug);
		}
	}
}

/* Validates the chunk p (one initiative with its organizations and people). */
static int
check_chunk(struct program *p, size_t i)
{
	struct model_error e;
	struct strbuf sb = STRBUF_INIT;

	if (p->slug == NULL)
		p->slug = xstrdup(PROGRAM_SLUG);
	if (model_validate(p, &e) == 0)
		return 0;
	model_error_format(&e, &sb);
	fprintf(stderr, "gen: initiative %zu: %s\n", i + 1, sb.buf);
	strbuf_release(&sb);
	return -1;
}

/* ---------------------------------------------------------------- output */

static int
put(FILE *f, const char *path, const char *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, f) != n) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static FILE *
open_out(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
	else
		setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static int
close_out(FILE *f, const char *path)
{
	if (f != NULL && fclose(f) != 0) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Writes csv file which of p to f, its header line only when header is set. */
static int
csv_put(FILE *f, const char *path, enum csv_file which, const struct program *p,
    int header, struct strbuf *sb)
{
	const char *s;

	strbuf_reset(sb);
	csv_write(which, p, sb);
	s = sb->buf;
	if (!header) {
		/* a header never holds a line break */
		const char *nl = strchr(s, '\n');

		s = nl ? nl + 1 : sb->buf + sb->len;
	}
	return put(f, path, s, sb->len - (size_t)(s - sb->buf));
}

static int
write_csv(const struct gen *g, const char *dir)
{
	FILE *f[CSV__MAX] = { NULL };
	char path[CSV__MAX][4096];
	struct strbuf sb = STRBUF_INIT;
	struct program p;
	int ret = -1;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	for (int k = 0; k < CSV__MAX; k++) {
		/* the kinds added after trellis/1's first release: the generator makes none */
		if (csv_file_sparse((enum csv_file)k))
			continue;
		snprintf(path[k], sizeof(path[k]), "%s/%s", dir, csv_file_names[k]);
		if ((f[k] = open_out(path[k])) == NULL)
			goto out;
	}
	program_init(&p);
	gen_head(g, &p);
	program_add_builtin_instruments(&p);
	if (csv_put(f[CSV_PROGRAM], path[CSV_PROGRAM], CSV_PROGRAM, &p, 1, &sb) ||
	    csv_put(f[CSV_INSTRUMENTS], path[CSV_INSTRUMENTS], CSV_INSTRUMENTS, &p, 1, &sb) ||
	    csv_put(f[CSV_LEARNING], path[CSV_LEARNING], CSV_LEARNING, &p, 1, &sb)) {
		program_release(&p);
		goto out;
	}
	program_release(&p);
	for (size_t i = 0; i < g->n; i++) {
		program_init(&p);
		gen_initiative(g, i, &p, 1);
		if (g->check && check_chunk(&p, i)) {
			program_release(&p);
			goto out;
		}
		for (int k = 0; k < CSV__MAX; k++) {
			if (k == CSV_PROGRAM || k == CSV_INSTRUMENTS || k == CSV_LEARNING ||
			    csv_file_sparse((enum csv_file)k))
				continue;
			if (csv_put(f[k], path[k], (enum csv_file)k, &p, i == 0, &sb)) {
				program_release(&p);
				goto out;
			}
		}
		program_release(&p);
	}
	ret = 0;
out:
	for (int k = 0; k < CSV__MAX; k++)
		if (f[k] && close_out(f[k], path[k]))
			ret = -1;
	strbuf_release(&sb);
	return ret;
}

/* One element of a record array: on its own line, after a comma but for the first. */
static int
json_elem(FILE *f, const char *path, const struct kind *k, const void *rec, int first,
    struct strbuf *sb)
{
	strbuf_reset(sb);
	strbuf_addstr(sb, first ? "\n  " : ",\n  ");
	json_write_record(sb, k, rec);
	return put(f, path, sb->buf, sb->len);
}

/*
 * The document in the order trellis/1 has it: the program, every
 * organization, every person, the (built-in only) instruments, learning,
 * then every initiative — three passes over the initiatives.
 */
static int
write_json(const struct gen *g, const char *path)
{
	static const char *const lists[] = { "organizations", "people" };
	struct strbuf sb = STRBUF_INIT;
	struct program p;
	FILE *f;
	int ret = -1;

	if ((f = open_out(path)) == NULL)
		return -1;
	program_init(&p);
	gen_head(g, &p);
	strbuf_addstr(&sb, "{\"format\": \"trellis/1\",\n \"program\": ");
	json_write_record(&sb, &kind_program, &p);
	if (put(f, path, sb.buf, sb.len))
		goto bad;
	for (size_t l = 0; l < NELEM(lists); l++) {
		fprintf(f, ",\n \"%s\": [", lists[l]);
		for (size_t i = 0; i < g->n; i++) {
			struct program c;
			int err = 0;

			program_init(&c);
			gen_initiative(g, i, &c, 0);
			if (l == 0)
				for (size_t j = 0; j < c.orgs.n && !err; j++)
					err = json_elem(f, path, &kind_organization, &c.orgs.v[j],
					    i == 0 && j == 0, &sb);
			else
				for (size_t j = 0; j < c.people.n && !err; j++)
					err = json_elem(f, path, &kind_person, &c.people.v[j],
					    i == 0 && j == 0, &sb);
			program_release(&c);
			if (err)
				goto bad;
		}
		fputs("]", f);
	}
	fputs(",\n \"instruments\": [],\n \"learning\": [", f);
	for (size_t j = 0; j < p.learning.n; j++)
		if (json_elem(f, path, &kind_learning, &p.learning.v[j], j == 0, &sb))
			goto bad;
	fputs("],\n \"initiatives\": [", f);
	for (size_t i = 0; i < g->n; i++) {
		struct program c;
		int err;

		program_init(&c);
		gen_initiative(g, i, &c, 1);
		err = (g->check && check_chunk(&c, i)) ||
		    json_elem(f, path, &kind_initiative, &c.initiatives.v[0], i == 0, &sb);
		program_release(&c);
		if (err)
			goto bad;
	}
	fputs("]}\n", f);
	ret = 0;
bad:
	program_release(&p);
	strbuf_release(&sb);
	if (close_out(f, path))
		ret = -1;
	return ret;
}

/* ---------------------------------------------------------------- main */

static void
usage(void)
{
	fputs("usage: gen [--scale national|N] [--seed S] [--format csv|json] [--check] --out PATH\n"
	    "  --scale   national (1,000 initiatives) or a multiple of it (0.001 = 1 initiative)\n"
	    "  --seed    the PRNG seed (default 1): the same seed and scale give the same bytes\n"
	    "  --format  csv (default): PATH is a directory, one file per record kind;\n"
	    "            json: PATH is the trellis/1 document ('-' for standard output)\n"
	    "  --check   validate every initiative as it is generated\n", stderr);
}

int
main(int argc, char *argv[])
{
	struct gen g = { 1, NATIONAL, 0, 0, 0 };
	const char *out = NULL, *format = "csv";
	double scale = 1;

	for (int a = 1; a < argc; a++) {
		const char *v = a + 1 < argc ? argv[a + 1] : NULL;
		char *end;

		if (strcmp(argv[a], "--check") == 0) {
			g.check = 1;
			continue;
		}
		if (strcmp(argv[a], "--help") == 0) {
			usage();
			return 0;
		}
		if (v == NULL) {
			usage();
			return 2;
		}
		a++;
		if (strcmp(argv[a - 1], "--scale") == 0) {
			if (strcmp(v, "national") == 0)
				scale = 1;
			else {
				errno = 0;
				scale = strtod(v, &end);
				if (errno || *end || !(scale > 0) || scale > 1000) {
					fprintf(stderr, "gen: --scale: '%s' is not national or a number in (0, 1000]\n", v);
					return 2;
				}
			}
		} else if (strcmp(argv[a - 1], "--seed") == 0) {
			errno = 0;
			g.seed = strtoull(v, &end, 10);
			if (errno || *end || *v == '\0' || *v == '-') {
				fprintf(stderr, "gen: --seed: '%s' is not a number\n", v);
				return 2;
			}
		} else if (strcmp(argv[a - 1], "--format") == 0) {
			format = v;
			if (strcmp(v, "csv") && strcmp(v, "json")) {
				fprintf(stderr, "gen: --format: csv or json\n");
				return 2;
			}
		} else if (strcmp(argv[a - 1], "--out") == 0)
			out = v;
		else {
			usage();
			return 2;
		}
	}
	if (out == NULL) {
		usage();
		return 2;
	}
	g.n = (size_t)llround(scale * NATIONAL);
	if (g.n < 1)
		g.n = 1;
	g.start = date_from_ymd(2023, 1, 1);
	g.end = date_from_ymd(2025, 12, 31);
	if (strcmp(format, "json") == 0)
		return write_json(&g, strcmp(out, "-") == 0 ? "/dev/stdout" : out) ? 1 : 0;
	return write_csv(&g, out) ? 1 : 0;
}
