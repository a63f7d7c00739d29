/*
 * The demo program (DESIGN §10; the story of each initiative is in
 * docs/demo.md).
 *
 * The data is built in two layers. The structure — who is on each team,
 * who decides, who is consulted and informed, how money and credit flow,
 * who the director answers to — comes from the fixed profiles below, so
 * every seed shows the same pitfalls and strengths, each figure clearly on
 * its side of the threshold. The seed only varies the surface: people's
 * names, days within their month, amounts within a line's budget, titles
 * and texts. That keeps the demo reproducible (same seed, same data) and
 * keeps tests/data/demo-expected.txt true for any seed.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/rng.h"
#include "../util/strbuf.h"
#include "demo.h"
#include "model.h"
#include "../util/banned.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) rng_pick(r, a, NELEM(a))

/* ---------------------------------------------------------------- organizations */

#define XCE (1 << EXPERTISE_COMMUNITY_ENGAGEMENT)
#define XFR (1 << EXPERTISE_FUNDRAISING)
#define XLE (1 << EXPERTISE_LEARNING_EVALUATION)
#define XPA (1 << EXPERTISE_POLICY_ADVOCACY)

struct demo_org {
	const char *slug, *name;
	int sector;
	const char *city;
	int64_t staff;		/* -1: unknown */
	int64_t revenue;	/* dollars a year; -1: unknown */
	int flexible_grants, expertise, in_kind_staffing, experiment, convener;
};

#define FUNDER_NAME "Atlantic Regional Reserve Bank"

static const struct demo_org demo_orgs[] = {
	/* the funder and organizations outside any team */
	{ "atlantic-reserve", FUNDER_NAME " — Community Development", SECTOR_PUBLIC, NULL, 12, -1, 1, XLE | XPA, 0, 1, 1 },
	{ "valley-data-cooperative", "Valley Data Cooperative", SECTOR_OTHER, NULL, 6, 650000, 0, XLE, 0, 1, 0 },
	{ "tri-county-workforce-board", "Tri-County Workforce Board", SECTOR_PUBLIC, NULL, 40, 5200000, 0, XPA, 0, 0, 1 },
	{ "eastern-housing-finance", "Eastern Counties Housing Finance Agency", SECTOR_PUBLIC, NULL, -1, -1, 0, 0, 0, 0, 0 },

	/* Harlow Mills */
	{ "harlow-neighborhood-builders", "Harlow Neighborhood Builders", SECTOR_NONPROFIT, "Harlow Mills", 30, 6000000, 1, XCE | XFR | XLE, 1, 1, 1 },
	{ "harlow-public-schools", "Harlow Mills Public Schools", SECTOR_EDUCATION, "Harlow Mills", 1100, 92000000, 0, XLE, 1, 0, 1 },
	{ "harlow-city-planning", "City of Harlow Mills, Office of Planning", SECTOR_PUBLIC, "Harlow Mills", 14, -1, 0, XPA, 0, 0, 1 },
	{ "merrow-valley-health", "Merrow Valley Community Health Center", SECTOR_HEALTH, "Harlow Mills", 210, 24000000, 1, XCE, 1, 0, 0 },
	{ "harlow-parents-council", "Harlow Parents Council", SECTOR_RESIDENT, "Harlow Mills", 0, 15000, 0, XCE, 0, 1, 0 },
	{ "millrace-savings", "Millrace Savings Bank", SECTOR_PRIVATE, "Harlow Mills", 85, -1, 0, XFR, 0, 0, 0 },
	{ "grace-street-fellowship", "Grace Street Fellowship", SECTOR_FAITH, "Harlow Mills", 3, 240000, 0, XCE, 0, 0, 1 },
	{ "canalside-workforce", "Canalside Workforce Partners", SECTOR_NONPROFIT, "Harlow Mills", 11, 1300000, 1, XFR, 0, 1, 0 },
	{ "harlow-adult-learning", "Harlow Adult Learning Center", SECTOR_EDUCATION, "Harlow Mills", 18, 1700000, 0, XLE, 0, 0, 0 },
	{ "harlow-youth-arts", "Harlow Youth Arts Collective", SECTOR_NONPROFIT, "Harlow Mills", 4, 310000, 0, 0, 0, 1, 0 },

	/* Port Ashby */
	{ "ashby-neighborhood-developers", "Ashby Harbor Neighborhood Developers", SECTOR_NONPROFIT, "Port Ashby", 25, 3900000, 1, XCE | XFR | XPA, 1, 0, 1 },
	{ "ashby-latino-business-alliance", "Port Ashby Latino Business Alliance", SECTOR_PRIVATE, "Port Ashby", 3, 280000, 0, XCE, 0, 1, 1 },
	{ "port-ashby-economic-development", "Port Ashby Department of Economic Development", SECTOR_PUBLIC, "Port Ashby", 9, -1, 0, XPA, 0, 0, 1 },
	{ "ashby-bay-community-college", "Ashby Bay Community College", SECTOR_EDUCATION, "Port Ashby", 340, 41000000, 1, XLE, 1, 0, 0 },
	{ "harborside-credit-union", "Harborside Community Credit Union", SECTOR_PRIVATE, "Port Ashby", 60, -1, 0, XFR, 0, 0, 0 },
	{ "ashby-business-resource-center", "Ashby Small Business Resource Center", SECTOR_NONPROFIT, "Port Ashby", 7, 640000, 0, XFR, 0, 1, 0 },
	{ "nueva-esperanza-ashby", "Iglesia Nueva Esperanza de Port Ashby", SECTOR_FAITH, "Port Ashby", 2, 120000, 0, XCE, 0, 0, 1 },
	{ "water-street-residents", "Lower Water Street Residents and Merchants", SECTOR_RESIDENT, "Port Ashby", 0, -1, 0, XCE, 0, 1, 0 },
	{ "ashby-arts-council", "Port Ashby Arts Council", SECTOR_NONPROFIT, "Port Ashby", 2, 95000, 0, 0, 0, 1, 0 },

	/* Quarry Bend */
	{ "quarry-bend-renewal", "Quarry Bend Community Renewal Corporation", SECTOR_NONPROFIT, "Quarry Bend", 7, 850000, 0, XCE, 0, 1, 0 },
	{ "quarry-bend-police", "Quarry Bend Police Department", SECTOR_PUBLIC, "Quarry Bend", 96, -1, 0, XLE, 1, 0, 0 },
	{ "quarry-bend-housing-authority", "Quarry Bend Housing Authority", SECTOR_PUBLIC, "Quarry Bend", 38, 9100000, 0, 0, 0, 0, 0 },
	{ "flats-neighborhood-association", "Flats Neighborhood Association", SECTOR_RESIDENT, "Quarry Bend", 0, 8000, 0, XCE, 0, 1, 1 },
	{ "ansgar-hill-outreach", "Ansgar Hill Outreach Ministry", SECTOR_FAITH, "Quarry Bend", 3, 190000, 0, XCE, 0, 0, 1 },
	{ "quarry-bend-youth-league", "Quarry Bend Youth League", SECTOR_NONPROFIT, "Quarry Bend", 5, 420000, 0, 0, 0, 1, 0 },
	{ "bend-family-services", "Bend Family Services", SECTOR_HEALTH, "Quarry Bend", 26, 2600000, 1, XLE, 1, 0, 0 },
	{ "granite-reentry-coalition", "Granite County Reentry Coalition", SECTOR_NONPROFIT, "Quarry Bend", 4, 380000, 0, XPA, 0, 1, 0 },
	{ "flats-business-group", "Flats Business Group", SECTOR_PRIVATE, "Quarry Bend", 0, -1, 0, 0, 0, 0, 0 },

	/* Wexford Junction */
	{ "wexford-opportunity-network", "Wexford Opportunity Network", SECTOR_NONPROFIT, "Wexford Junction", 9, 1100000, 0, XCE | XPA, 0, 1, 1 },
	{ "wexford-community-foundation", "Greater Wexford Community Foundation", SECTOR_PHILANTHROPY, "Wexford Junction", 8, 2100000, 1, XFR | XLE, 0, 0, 1 },
	{ "wexford-human-services", "Wexford Junction Department of Human Services", SECTOR_PUBLIC, "Wexford Junction", 55, -1, 0, XLE, 1, 0, 0 },
	{ "junction-family-health", "Junction Family Health Partners", SECTOR_HEALTH, "Wexford Junction", 120, 14500000, 1, XCE, 1, 0, 0 },
	{ "wexford-technical-school", "Wexford Regional Technical School", SECTOR_EDUCATION, "Wexford Junction", 140, 19000000, 0, XLE, 1, 0, 0 },
	{ "wexford-tenants-together", "Wexford Tenants Together", SECTOR_RESIDENT, "Wexford Junction", 1, 45000, 0, XCE | XPA, 0, 1, 0 },
	{ "junction-interfaith-pantry", "Junction Interfaith Food Pantry", SECTOR_FAITH, "Wexford Junction", 2, 160000, 0, XCE, 0, 0, 0 },
	{ "wexford-valley-manufacturers", "Wexford Valley Manufacturers Group", SECTOR_PRIVATE, "Wexford Junction", 3, -1, 0, XFR, 0, 0, 0 },
	{ "friends-of-wexford-library", "Friends of the Wexford Junction Library", SECTOR_NONPROFIT, "Wexford Junction", 0, 30000, 0, 0, 0, 0, 0 },

	/* Riverton Locks */
	{ "riverton-works", "Riverton Works", SECTOR_NONPROFIT, "Riverton Locks", 14, 2300000, 1, XCE | XLE, 1, 0, 1 },
	{ "riverton-career-center", "Riverton Locks Career Center", SECTOR_PUBLIC, "Riverton Locks", 22, 3100000, 1, XFR, 1, 0, 0 },
	{ "canal-district-residents", "Canal District Residents Council", SECTOR_RESIDENT, "Riverton Locks", 0, 12000, 0, XCE, 0, 1, 0 },
	{ "riverton-adult-education", "Riverton Adult Education Collaborative", SECTOR_EDUCATION, "Riverton Locks", 16, 1200000, 0, XLE, 0, 0, 0 },
	{ "locks-precision-manufacturing", "Locks Precision Manufacturing", SECTOR_PRIVATE, "Riverton Locks", 180, -1, 0, 0, 0, 0, 0 },
	{ "riverton-community-health", "Riverton Community Health", SECTOR_HEALTH, "Riverton Locks", 75, 8800000, 0, XCE, 0, 0, 0 },
	{ "canal-street-church", "Canal Street Church", SECTOR_FAITH, "Riverton Locks", 2, 150000, 0, XCE, 0, 0, 1 },
	{ "riverton-housing-coalition", "Riverton Housing Coalition", SECTOR_NONPROFIT, "Riverton Locks", 5, 520000, 0, XPA, 0, 1, 0 },
	{ "little-locks-child-care", "Little Locks Child Care Network", SECTOR_NONPROFIT, "Riverton Locks", 19, 1400000, 0, 0, 0, 1, 0 },

	/* Calder Springs */
	{ "calder-springs-alliance", "Calder Springs Neighborhood Alliance", SECTOR_NONPROFIT, "Calder Springs", 4, 450000, 0, 0, 0, 1, 0 },
	{ "town-of-calder-springs", "Town of Calder Springs", SECTOR_PUBLIC, "Calder Springs", 48, -1, 0, XPA, 1, 0, 1 },
	{ "calder-housing-trust", "Calder Springs Housing Trust", SECTOR_NONPROFIT, "Calder Springs", 3, 600000, 0, XFR, 0, 0, 0 },
	{ "springs-family-clinic", "Springs Family Clinic", SECTOR_HEALTH, "Calder Springs", 30, 3400000, 0, XLE, 0, 0, 0 },
	{ "calder-parents-teachers", "Calder Parents and Teachers", SECTOR_RESIDENT, "Calder Springs", 0, 9000, 0, XCE, 0, 1, 0 },
	{ "calder-mutual-savings", "Calder Mutual Savings", SECTOR_PRIVATE, "Calder Springs", 40, -1, 0, XFR, 0, 0, 0 },
	{ "calder-hill-church", "Calder Hill Congregational Church", SECTOR_FAITH, "Calder Springs", 2, 130000, 0, XCE, 0, 0, 1 },
	{ "calder-arts-collective", "Calder Arts Collective", SECTOR_NONPROFIT, "Calder Springs", 1, 40000, 0, 0, 0, 1, 0 },
};

/* ---------------------------------------------------------------- initiative profiles */

struct demo_member_spec {
	const char *org;
	int role;		/* enum role */
	const char *joined;	/* NULL: the initiative's start */
	const char *left;	/* NULL: still in */
};

enum line_use {
	USE_DIRECTOR,		/* quarterly to the director's employer */
	USE_STIPENDS,		/* to the partners the initiative pays */
	USE_ADMIN,		/* the fiscal agent's administration fee */
	USE_VENDOR		/* outside vendors paid by the fiscal agent */
};

struct demo_line_spec {
	const char *name;
	int permille;		/* of the grant */
	int use;		/* enum line_use */
	int own_pct;		/* percent of the line spent on the backbone's own work */
};

struct demo_grant_spec {
	const char *funder;
	int64_t dollars;
	const char *start, *end;
	int catalytic;
	struct demo_line_spec lines[6];
};

struct demo_result_spec {
	const char *statement, *indicator, *unit;
	int direction;
	double baseline, target;
	int quarterly;		/* observations each quarter, else each year */
	double pace;		/* progress as a multiple of the straight line */
	int decimals;
};

#define MAXMEM 12
#define MAXLIST 8

struct demo_profile {
	const char *slug, *name, *city;
	const char *backbone, *fiscal_agent;
	const char *committee[MAXLIST];
	struct demo_member_spec members[MAXMEM];
	const char *dir_employer;
	const char *dir_reports_to[MAXLIST], *dir_evaluated_by[MAXLIST];
	struct demo_result_spec result;
	int decisions_per_year;
	const char *deciders;	/* cycled: B backbone, C committee, T team, L co-lead, P a partner */
	const char *lags;	/* cycled: S decided within 1–5 days, L within 10–40 */
	int consult_lo, consult_hi;	/* percent of the other active members consulted */
	const char *contrary;	/* cycled over strategy/financial/personnel decisions: Y dissent recorded */
	const char *loop;	/* cycled over personnel/financial decisions: Y the whole team informed */
	int inform_rest;	/* other decisions: the rest of the team is informed */
	const char *paid[MAXLIST];	/* partners paid stipends */
	struct demo_grant_spec grants[3];
	const char *credits;	/* cycled: '0'–'4' that many partners; 'a'–'e' the backbone and 0–4 partners */
	int credits_per_year;
	const char *helped[MAXLIST];	/* partners the backbone lends its staff and skills to */
	const char *apps[3];	/* per year 2014–2016: J backbone leads with partners, P partner leads with others, A backbone alone, X partner alone */
	const char *missing;	/* months without a check-in */
	int attendance;		/* percent of expected organizations that attend */
	int director_support;	/* 1: the team answers 4–5 on director support */
	int hub;		/* network: partners tie to the backbone, rarely to each other */
	int density;		/* otherwise: percent of pairs tied */
	const char *raci_a;	/* 12 letters, one per default responsibility: who is A */
	const char *raci_r;	/* same: who is R */
	const char *weak;	/* balance items this team is weak on (survey answers) */
};

/*
 * RACI codes: 'b' the backbone, 'l' the co-lead, 'f' the fiscal agent, '1'–'9' members[n],
 * '-' nobody, '2' two organizations (the backbone and members[1]).
 */

#define B ROLE_BACKBONE
#define L ROLE_COLEAD
#define P ROLE_PARTNER

static const struct demo_profile demo_profiles[] = {
	/*
	 * Harlow Mills: the high-capacity backbone that steps back. A co-lead
	 * and a four-organization committee share the decisions; partners are
	 * paid, credited and helped; the director answers to the team.
	 */
	{ "harlow-mills", "Harlow Mills Family Prosperity Initiative", "Harlow Mills",
	  "harlow-neighborhood-builders", "harlow-neighborhood-builders",
	  { "harlow-neighborhood-builders", "harlow-public-schools", "harlow-city-planning", "merrow-valley-health" },
	  { { "harlow-neighborhood-builders", B, NULL, NULL },
	    { "harlow-public-schools", L, NULL, NULL },
	    { "harlow-city-planning", P, NULL, NULL },
	    { "merrow-valley-health", P, NULL, NULL },
	    { "harlow-parents-council", P, NULL, NULL },
	    { "millrace-savings", P, NULL, NULL },
	    { "grace-street-fellowship", P, NULL, NULL },
	    { "canalside-workforce", P, NULL, NULL },
	    { "harlow-adult-learning", P, "2015-03-01", NULL },
	    { "harlow-youth-arts", P, NULL, "2015-08-31" } },
	  "harlow-neighborhood-builders",
	  { "harlow-neighborhood-builders", "harlow-public-schools" },
	  { "harlow-neighborhood-builders", "harlow-public-schools", "merrow-valley-health" },
	  { "Raise the income of Harlow Mills parents 15% by 2024",
	    "Median household income of families with children under 18", "USD",
	    DIR_UP, 38400, 44160, 0, 1.4, 0 },
	  20, "CCTLBCLTCP", "LLLLLLLLSL", 50, 90, "YYN", "Y", 1,
	  { "harlow-public-schools", "merrow-valley-health", "harlow-parents-council",
	    "grace-street-fellowship", "canalside-workforce", "harlow-adult-learning", "harlow-youth-arts" },
	  { { FUNDER_NAME, 700000, "2014-01-01", "2016-12-31", 1,
	      { { "initiative director", 300, USE_DIRECTOR, 0 },
		{ "partner stipends", 400, USE_STIPENDS, 0 },
		{ "community engagement", 150, USE_VENDOR, 5 },
		{ "data and evaluation", 100, USE_VENDOR, 0 },
		{ "backbone administration", 50, USE_ADMIN, 0 } } },
	    { "Merrow Valley Community Foundation", 180000, "2015-01-01", "2016-12-31", 0,
	      { { "parent coaching stipends", 700, USE_STIPENDS, 0 },
		{ "child care during sessions", 300, USE_VENDOR, 0 } } },
	    { "State Office of Early Education", 120000, "2014-07-01", "2016-06-30", 0,
	      { { "early learning navigators", 800, USE_STIPENDS, 0 },
		{ "materials", 200, USE_VENDOR, 0 } } } },
	  "2c3d", 6,
	  { "harlow-parents-council", "grace-street-fellowship", "canalside-workforce",
	    "harlow-adult-learning", "harlow-city-planning", "millrace-savings" },
	  { "JP", "JJA", "JPJ" },
	  "", 90, 1, 0, 40,
	  "lblbbb3lb43l", "3b1bbbbbb4bb",
	  "" },

	/*
	 * Port Ashby: the second high-capacity backbone. It shares decisions
	 * with its co-lead and committee, but charges its own programs and
	 * overhead to the initiative's lines, and takes the credit itself.
	 */
	{ "port-ashby", "Port Ashby Main Streets Together", "Port Ashby",
	  "ashby-neighborhood-developers", "ashby-neighborhood-developers",
	  { "ashby-neighborhood-developers", "ashby-latino-business-alliance", "port-ashby-economic-development" },
	  { { "ashby-neighborhood-developers", B, NULL, NULL },
	    { "ashby-latino-business-alliance", L, NULL, NULL },
	    { "port-ashby-economic-development", P, NULL, NULL },
	    { "ashby-bay-community-college", P, NULL, NULL },
	    { "harborside-credit-union", P, NULL, NULL },
	    { "ashby-business-resource-center", P, NULL, NULL },
	    { "nueva-esperanza-ashby", P, NULL, NULL },
	    { "water-street-residents", P, "2015-05-01", NULL },
	    { "ashby-arts-council", P, NULL, "2015-10-31" } },
	  "ashby-neighborhood-developers",
	  { "ashby-neighborhood-developers" },
	  { "ashby-neighborhood-developers", "ashby-latino-business-alliance" },
	  { "Latino business ownership to 20% of Port Ashby businesses by 2024",
	    "Share of local businesses owned by Latino residents", "%",
	    DIR_UP, 11.0, 20.0, 0, 1.1, 1 },
	  16, "CLCBTLCBCP", "LLLLSLLLLL", 45, 80, "YN", "Y", 1,
	  { "ashby-latino-business-alliance", "ashby-bay-community-college", "ashby-business-resource-center",
	    "nueva-esperanza-ashby", "water-street-residents", "ashby-arts-council" },
	  { { FUNDER_NAME, 600000, "2014-01-01", "2016-12-31", 1,
	      { { "initiative director", 250, USE_DIRECTOR, 0 },
		{ "partner stipends", 300, USE_STIPENDS, 0 },
		{ "community engagement", 250, USE_VENDOR, 70 },
		{ "data and evaluation", 100, USE_VENDOR, 0 },
		{ "backbone administration", 100, USE_ADMIN, 40 } } },
	    { "Harborside Bank Charitable Foundation", 150000, "2015-01-01", "2016-12-31", 0,
	      { { "small business coaching", 700, USE_STIPENDS, 0 },
		{ "outreach", 300, USE_VENDOR, 20 } } } },
	  "aaba", 5,
	  { "ashby-latino-business-alliance", "ashby-business-resource-center", "nueva-esperanza-ashby",
	    "water-street-residents", "ashby-bay-community-college" },
	  { "JA", "PJ", "JAP" },
	  "2015-08", 85, 1, 0, 35,
	  "bblbbbblbllb", "bbbb1bbbbb1b",
	  "credit_given blurred_boundaries" },

	/*
	 * Quarry Bend: a small backbone that decides alone and fast, keeps
	 * money and personnel matters to itself, hears little dissent and
	 * treats the director as its own employee. It does pay its partners.
	 */
	{ "quarry-bend", "Safe Flats Quarry Bend", "Quarry Bend",
	  "quarry-bend-renewal", "quarry-bend-renewal",
	  { NULL },
	  { { "quarry-bend-renewal", B, NULL, NULL },
	    { "quarry-bend-police", P, NULL, NULL },
	    { "quarry-bend-housing-authority", P, NULL, NULL },
	    { "flats-neighborhood-association", P, NULL, NULL },
	    { "ansgar-hill-outreach", P, NULL, NULL },
	    { "quarry-bend-youth-league", P, NULL, NULL },
	    { "bend-family-services", P, NULL, NULL },
	    { "granite-reentry-coalition", P, "2015-02-01", NULL },
	    { "flats-business-group", P, NULL, "2015-06-30" } },
	  "quarry-bend-renewal",
	  { "quarry-bend-renewal" },
	  { "quarry-bend-renewal" },
	  { "Cut crime 30% in the Flats neighborhood by 2024",
	    "Part I crimes per 1,000 residents of the Flats", "crimes per 1,000 residents",
	    DIR_DOWN, 84.0, 58.8, 1, 0.3, 1 },
	  18, "BBBBTBBBPB", "SSLSSLSSLS", 0, 14, "NNNNNNNNNY", "NNNY", 0,
	  { "flats-neighborhood-association", "ansgar-hill-outreach", "quarry-bend-youth-league",
	    "bend-family-services", "granite-reentry-coalition", "flats-business-group" },
	  { { FUNDER_NAME, 400000, "2014-01-01", "2016-12-31", 1,
	      { { "initiative director", 350, USE_DIRECTOR, 0 },
		{ "partner stipends", 300, USE_STIPENDS, 0 },
		{ "community engagement", 200, USE_VENDOR, 10 },
		{ "backbone administration", 150, USE_ADMIN, 10 } } },
	    { "Quarry County Public Safety Fund", 90000, "2015-01-01", "2016-12-31", 0,
	      { { "youth outreach", 600, USE_STIPENDS, 0 },
		{ "lighting and cleanups", 400, USE_VENDOR, 0 } } } },
	  "aaba", 4,
	  { "flats-neighborhood-association" },
	  { "AJ", "AA", "AXA" },
	  "2014-07 2014-08 2015-01 2015-07 2016-03 2016-07 2016-08 2016-12", 55, 0, 1, 0,
	  "bb-bbb-bbbbb", "bbbbbb1bbbbb",
	  "shared_leadership credit_given capacity_shared director_supported joint_grant_seeking "
	  "dominance director_as_employee out_of_the_loop no_contrary_views" },

	/*
	 * Wexford Junction: a small backbone with a separate fiscal agent, the
	 * community foundation. Committee and team share decisions, but money
	 * and personnel matters are settled between backbone and foundation
	 * without the rest of the team hearing.
	 */
	{ "wexford-junction", "Wexford Junction Pathways Out of Poverty", "Wexford Junction",
	  "wexford-opportunity-network", "wexford-community-foundation",
	  { "wexford-opportunity-network", "wexford-community-foundation", "wexford-human-services" },
	  { { "wexford-opportunity-network", B, NULL, NULL },
	    { "wexford-community-foundation", P, NULL, NULL },
	    { "wexford-human-services", P, NULL, NULL },
	    { "junction-family-health", P, NULL, NULL },
	    { "wexford-technical-school", P, NULL, NULL },
	    { "wexford-tenants-together", P, NULL, NULL },
	    { "junction-interfaith-pantry", P, NULL, NULL },
	    { "wexford-valley-manufacturers", P, "2015-01-15", NULL },
	    { "friends-of-wexford-library", P, NULL, "2014-12-31" } },
	  "wexford-opportunity-network",
	  { "wexford-opportunity-network", "wexford-community-foundation" },
	  { "wexford-opportunity-network", "wexford-community-foundation", "wexford-human-services" },
	  { "Cut poverty 20% in Wexford Junction by 2024",
	    "Residents living below the federal poverty line", "%",
	    DIR_DOWN, 27.5, 22.0, 0, 0.9, 1 },
	  14, "TCBCPCTBCC", "LLLLLLLLLS", 45, 70, "YNN", "NNY", 0,
	  { "junction-family-health", "wexford-technical-school", "wexford-tenants-together",
	    "junction-interfaith-pantry", "friends-of-wexford-library" },
	  { { FUNDER_NAME, 300000, "2014-01-01", "2016-12-31", 1,
	      { { "initiative director", 350, USE_DIRECTOR, 0 },
		{ "partner stipends", 350, USE_STIPENDS, 0 },
		{ "community engagement", 150, USE_VENDOR, 5 },
		{ "data and evaluation", 100, USE_VENDOR, 0 },
		{ "fiscal agent fee", 50, USE_ADMIN, 0 } } },
	    { "State Office of Workforce Programs", 200000, "2014-07-01", "2016-06-30", 0,
	      { { "training stipends", 800, USE_STIPENDS, 0 },
		{ "program administration", 200, USE_ADMIN, 0 } } } },
	  "aab", 4,
	  { "wexford-tenants-together" },
	  { "JP", "PJ", "JPJA" },
	  "2016-08", 75, 1, 0, 30,
	  "2fbbfbbbb3bb", "bbbbbb2bbbbb",
	  "credit_given capacity_shared out_of_the_loop" },

	/*
	 * Riverton Locks: a mid-sized backbone with a co-lead that employs the
	 * director. Decisions are shared and partners paid, helped and
	 * credited, but nobody records a dissenting view, and the team does
	 * not feel the director is supported.
	 */
	{ "riverton-locks", "Riverton Locks Canal District Jobs Compact", "Riverton Locks",
	  "riverton-works", "riverton-works",
	  { "riverton-works", "riverton-career-center", "canal-district-residents", "riverton-adult-education" },
	  { { "riverton-works", B, NULL, NULL },
	    { "riverton-career-center", L, NULL, NULL },
	    { "canal-district-residents", P, NULL, NULL },
	    { "riverton-adult-education", P, NULL, NULL },
	    { "locks-precision-manufacturing", P, NULL, NULL },
	    { "riverton-community-health", P, NULL, NULL },
	    { "canal-street-church", P, NULL, NULL },
	    { "riverton-housing-coalition", P, NULL, NULL },
	    { "little-locks-child-care", P, "2015-09-01", NULL } },
	  "riverton-career-center",
	  { "riverton-career-center", "riverton-works" },
	  { "riverton-career-center", "riverton-works", "canal-district-residents" },
	  { "Raise employment in the Canal District from 58% to 68% by 2024",
	    "Employment rate of Canal District residents aged 18 to 64", "%",
	    DIR_UP, 58.0, 68.0, 1, 1.2, 1 },
	  16, "CTCLCBCTLC", "LLLLLLLLLL", 50, 80, "N", "Y", 1,
	  { "canal-district-residents", "riverton-adult-education", "canal-street-church",
	    "riverton-housing-coalition", "little-locks-child-care" },
	  { { FUNDER_NAME, 450000, "2014-01-01", "2016-12-31", 1,
	      { { "initiative director", 300, USE_DIRECTOR, 0 },
		{ "partner stipends", 350, USE_STIPENDS, 0 },
		{ "community engagement", 150, USE_VENDOR, 8 },
		{ "data and evaluation", 100, USE_VENDOR, 0 },
		{ "backbone administration", 100, USE_ADMIN, 0 } } },
	    { "Riverton Community Foundation", 120000, "2015-01-01", "2016-12-31", 0,
	      { { "child care slots", 700, USE_STIPENDS, 0 },
		{ "job fair costs", 300, USE_VENDOR, 0 } } } },
	  "c2d", 5,
	  { "canal-district-residents", "riverton-adult-education", "canal-street-church",
	    "riverton-housing-coalition", "little-locks-child-care" },
	  { "AJ", "JA", "AJA" },
	  "2014-12 2015-12", 80, 0, 0, 35,
	  "bbllbbbbl2bb", "1b11bbbbbbbb",
	  "director_supported joint_grant_seeking no_contrary_views" },

	/*
	 * Calder Springs: a very small backbone that moves fast. A two-member
	 * steering group settles most matters within days, consulting almost
	 * nobody (it does tell everyone afterwards), and the backbone pays its
	 * own after-school program and rent from the initiative's lines. The
	 * director is well supported and the team seeks grants together.
	 */
	{ "calder-springs", "Calder Springs Home Base", "Calder Springs",
	  "calder-springs-alliance", "calder-springs-alliance",
	  { "calder-springs-alliance", "town-of-calder-springs" },
	  { { "calder-springs-alliance", B, NULL, NULL },
	    { "town-of-calder-springs", P, NULL, NULL },
	    { "calder-housing-trust", P, NULL, NULL },
	    { "springs-family-clinic", P, NULL, NULL },
	    { "calder-parents-teachers", P, NULL, NULL },
	    { "calder-mutual-savings", P, NULL, NULL },
	    { "calder-hill-church", P, NULL, NULL },
	    { "calder-arts-collective", P, NULL, "2015-03-31" } },
	  "calder-springs-alliance",
	  { "calder-springs-alliance", "town-of-calder-springs" },
	  { "calder-springs-alliance", "town-of-calder-springs", "calder-housing-trust" },
	  { "Cut the share of Calder Springs renters paying over half their income for housing by 25%",
	    "Renter households spending more than 50% of income on housing", "%",
	    DIR_DOWN, 31.0, 23.3, 1, 0.6, 1 },
	  15, "BCPCBCTCBC", "SSLSSSLSSL", 0, 17, "YN", "Y", 1,
	  { "calder-housing-trust" },
	  { { FUNDER_NAME, 150000, "2014-01-01", "2016-12-31", 1,
	      { { "initiative director", 400, USE_DIRECTOR, 0 },
		{ "partner stipends", 100, USE_STIPENDS, 0 },
		{ "community engagement", 300, USE_VENDOR, 60 },
		{ "backbone administration", 200, USE_ADMIN, 40 } } },
	    { "Calder Mutual Savings Charitable Fund", 30000, "2016-01-01", "2016-12-31", 0,
	      { { "housing counseling", 1000, USE_VENDOR, 30 } } } },
	  "a", 3,
	  { "calder-parents-teachers" },
	  { "A", "JA", "JPA" },
	  "2015-02 2016-05", 70, 1, 1, 0,
	  "bbbbbbb-bbbb", "bbbbbb3bbbbb",
	  "shared_leadership credit_given capacity_shared partners_compensated dominance blurred_boundaries" },
};

#undef B
#undef L
#undef P

/* ---------------------------------------------------------------- text pools */

static const char *const first_names[] = {
	"Ana", "Marisol", "Darnell", "Keisha", "Tomas", "Priya", "Colm", "Lucia",
	"Nadia", "Samuel", "Yolanda", "Hector", "Grace", "Ibrahim", "Mei", "Rosa",
	"Patrick", "Fatima", "Diego", "Elaine", "Jamal", "Thanh", "Olivia", "Ramon",
	"Carmen", "Victor", "Aisha", "Brendan", "Lorena", "Kwame", "Sofia", "Walter",
	"Imani", "Joaquin", "Helen", "Rafael", "Nia", "Oscar", "Leticia", "Dmitri",
};

static const char *const last_names[] = {
	"Alvarez", "Okafor", "Brennan", "Nguyen", "Pereira", "Whitfield", "Castillo",
	"Mbeki", "Sullivan", "Haddad", "Robles", "Kowalski", "Osei", "Lindqvist",
	"Duarte", "Chen", "Fitzgerald", "Santiago", "Abara", "Marchetti", "Delgado",
	"Tran", "Obi", "Ferreira", "Gallagher", "Moreno", "Adeyemi", "Rossi",
	"Vasquez", "Kim", "Mensah", "Rivera", "Doyle", "Soto", "Barros", "Hughes",
	"Acosta", "Lam", "Nwosu", "Quintero",
};

static const char *const titles_by_category[CAT__MAX][6] = {
	[CAT_STRATEGY] = {
		"Adopt the %d work plan", "Narrow the focus to two neighborhoods in %d",
		"Set %d interim targets for the shared result", "Add a resident seat to the steering table (%d)",
		"Revise the theory of change for %d", "Agree the %d sustainability plan",
	},
	[CAT_FINANCIAL] = {
		"Approve the %d budget", "Reallocate unspent engagement funds (%d)",
		"Set %d partner stipend rates", "Approve the %d budget amendment",
		"Commit matching funds for %d applications", "Set the %d reserve for emergencies",
	},
	[CAT_PERSONNEL] = {
		"Hire a community organizer (%d)", "Renew the initiative director's contract for %d",
		"Set the director's %d performance goals", "Create a part-time data analyst position (%d)",
		"Agree how the director is evaluated in %d", "Fill the outreach coordinator vacancy (%d)",
	},
	[CAT_PROGRAM] = {
		"Launch the %d resident leadership cohort", "Pilot the family coaching model (%d)",
		"Open a second program site in %d", "Move %d sessions to evenings",
		"Start the %d small-business mentoring circle", "Add ESOL classes for %d",
	},
	[CAT_COMMUNICATIONS] = {
		"Publish the %d progress report", "Adopt a shared name and logo (%d)",
		"Agree who speaks to the press in %d", "Launch the %d newsletter",
		"Translate %d materials into Spanish and Portuguese", "Plan the %d community celebration",
	},
	[CAT_EVALUATION] = {
		"Choose indicators for the %d data dashboard", "Sign the %d data-sharing agreement",
		"Respond to the evaluator's %d findings", "Schedule the %d partner survey",
		"Adopt a quarterly learning review (%d)", "Agree the %d baseline data sources",
	},
	[CAT_OTHER] = {
		"Move %d team meetings to the public library", "Adopt a meeting rotation for %d",
		"Set ground rules for team meetings (%d)", "Join the statewide peer network in %d",
		"Adopt a %d calendar of holidays and closures", "Agree the %d meeting interpreter budget",
	},
};

/* The category of a team's n-th decision: half of them key, three in ten personnel or financial. */
static const int category_cycle[10] = {
	CAT_STRATEGY, CAT_FINANCIAL, CAT_PROGRAM, CAT_PERSONNEL, CAT_COMMUNICATIONS,
	CAT_PROGRAM, CAT_FINANCIAL, CAT_EVALUATION, CAT_STRATEGY, CAT_OTHER,
};

static const char *const contrary_texts[] = {
	"%s asked for a slower rollout; the team compared both timelines before deciding.",
	"%s disagreed with the split and proposed more for resident stipends; the alternative was weighed and partly adopted.",
	"%s raised the workload this puts on small partners; two options were discussed.",
	"%s objected that residents had not been heard yet; a listening session was added before the vote.",
	"%s preferred a different candidate; the group weighed both before choosing.",
	"%s argued for piloting in one neighborhood first; the team kept the wider plan and agreed to review it in six months.",
};

static const char *const progress_texts[] = {
	"- Held **%d** resident listening sessions this month\n",
	"- Enrolled **%d** new families in coaching\n",
	"- %d partners shared data for the dashboard\n",
	"- Team meeting drew **%d** organizations\n",
	"- Placed %d residents in jobs or training\n",
	"- Published the newsletter; %d new subscribers\n",
	"- %d small businesses started mentoring\n",
	"- Trained %d resident leaders in facilitation\n",
};

static const char *const challenge_texts[] = {
	"- Turnover at a partner left a seat empty\n",
	"- Data from the city arrive *three months* late\n",
	"- Evening sessions compete with second-shift work\n",
	"- The budget amendment is still waiting for sign-off\n",
	"- Translation costs are higher than planned\n",
	"- Two partners asked for clearer roles in the work plan\n",
	"- Attendance dropped during the holidays\n",
	"- Hard to reach landlords for the housing survey\n",
};

static const char *const vendor_purposes[] = {
	"Interpreters for community meetings", "Printing of flyers and surveys",
	"Meeting space and food", "Child care during sessions", "Data platform subscription",
	"Translation of materials", "Bus passes for participants", "Survey incentives",
};

static const char *const own_purposes[] = {
	"Backbone's own after-school program staff", "Share of backbone's building rent",
	"Backbone's annual gala costs", "Backbone's own housing counseling staff",
	"Backbone's general operating overhead",
};

/* A credit's title, and the channel it goes out on (they must agree). */
static const struct {
	const char *title;
	int channel;
} credit_titles[] = {
	{ "News story on the %d resident leadership cohort", CHANNEL_PRESS },
	{ "Annual report %d: a year of shared work", CHANNEL_REPORT },
	{ "Presentation at the %d regional community development conference", CHANNEL_PRESENTATION },
	{ "Community partnership award %d", CHANNEL_AWARD },
	{ "Social media feature on the %d job fair", CHANNEL_SOCIAL },
	{ "Op-ed on progress toward the shared result (%d)", CHANNEL_PRESS },
};

static const char *const app_funders[] = {
	"Northfield Family Foundation", "State Executive Office of Housing",
	"Eastern Seaboard Health Fund", "Merrimack Corner Foundation",
	"State Small Business Office", "Cabot Street Trust", "Regional Arts and Culture Fund",
};

/* ---------------------------------------------------------------- helpers */

static tdate
spec_date(const char *s)
{
	tdate d;

	if (date_parse(s, &d) != 0)
		abort();	/* the tables above are wrong */
	return d;
}

static void
refs_add(struct refs *rs, const char *slug)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i].slug, slug) == 0)
			return;
	ref_set(VEC_PUSH(rs), slug);
}

static int
refs_has(const struct refs *rs, const char *slug)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i].slug, slug) == 0)
			return 1;
	return 0;
}

static char *
fmt_id(const char *prefix, size_t n, int width)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s-%0*zu", prefix, width, n);
	return strbuf_detach(&sb, NULL);
}

static const struct demo_org *
demo_org(const char *slug)
{
	for (size_t i = 0; i < NELEM(demo_orgs); i++)
		if (strcmp(demo_orgs[i].slug, slug) == 0)
			return &demo_orgs[i];
	abort();	/* the tables above are wrong */
}

/* The person who speaks for org (the first one created for it). */
static const char *
contact_of(const struct program *p, const char *org)
{
	for (size_t i = 0; i < p->people.n; i++)
		if (p->people.v[i].org.slug && strcmp(p->people.v[i].org.slug, org) == 0)
			return p->people.v[i].slug;
	abort();
}

/* Adds a person with an invented name at org; returns the slug. */
static const char *
add_person(struct program *p, struct rng *r, const char *org)
{
	struct strbuf name = STRBUF_INIT, slug = STRBUF_INIT, email = STRBUF_INIT;
	const char *first = PICK(r, first_names), *last = PICK(r, last_names);
	struct person *pe;
	size_t base;

	strbuf_addf(&name, "%s %s", first, last);
	for (const char *s = name.buf; *s; s++)
		strbuf_addch(&slug, *s == ' ' ? '-' :
		    (*s >= 'A' && *s <= 'Z') ? *s - 'A' + 'a' : *s);
	base = slug.len;
	for (int k = 2; program_person(p, slug.buf); k++) {
		strbuf_setlen(&slug, base);
		strbuf_addf(&slug, "-%d", k);
	}
	for (const char *s = slug.buf; *s; s++)
		strbuf_addch(&email, *s == '-' ? '.' : *s);
	strbuf_addstr(&email, "@example.org");

	pe = VEC_PUSH(&p->people);
	pe->slug = strbuf_detach(&slug, NULL);
	pe->name = strbuf_detach(&name, NULL);
	pe->email = strbuf_detach(&email, NULL);
	ref_set(&pe->org, org);
	strbuf_release(&email);
	return pe->slug;
}

/* ---------------------------------------------------------------- one initiative */

/* What building one initiative needs to know as it goes. */
struct build {
	struct program *p;
	struct initiative *in;
	const struct demo_profile *pf;
	struct rng *r;
	tdate start, end;
	const char *colead;		/* NULL when the team has none */
	const char *director;		/* person slug */
	const char *officer;		/* the funder's program officer */
	size_t ncommittee;
};

static size_t
spec_count(const char *const *v, size_t max)
{
	size_t n = 0;

	while (n < max && v[n])
		n++;
	return n;
}

static size_t
member_count(const struct demo_profile *pf)
{
	size_t n = 0;

	while (n < MAXMEM && pf->members[n].org)
		n++;
	return n;
}

static int
member_active(const struct build *b, const struct demo_member_spec *m, tdate d)
{
	tdate joined = m->joined ? spec_date(m->joined) : b->start;

	return joined <= d && (m->left == NULL || spec_date(m->left) >= d);
}

/*
 * Fills out with the members active on d, the backbone first unless
 * others_only; returns the count.
 */
static size_t
active_at(const struct build *b, tdate d, int others_only, const char **out)
{
	size_t n = 0, nm = member_count(b->pf);

	for (size_t i = 0; i < nm; i++) {
		if (others_only && strcmp(b->pf->members[i].org, b->pf->backbone) == 0)
			continue;
		if (member_active(b, &b->pf->members[i], d))
			out[n++] = b->pf->members[i].org;
	}
	return n;
}

static int
is_active_org(const struct build *b, const char *org, tdate d)
{
	size_t nm = member_count(b->pf);

	for (size_t i = 0; i < nm; i++)
		if (strcmp(b->pf->members[i].org, org) == 0)
			return member_active(b, &b->pf->members[i], d);
	return 0;
}

/* Shuffles v[0..n) in place (Fisher–Yates). */
static void
shuffle(struct rng *r, const char **v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)rng_int(r, 0, (int)i - 1);
		const char *t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* A day in year y's month m, between lo and hi (clamped to the month). */
static tdate
day_in_month(struct rng *r, int y, int m, int lo, int hi)
{
	int dim = date_days_in_month(y, m);

	return date_from_ymd(y, m, rng_int(r, lo, hi > dim ? dim : hi));
}

static void
build_basics(struct build *b)
{
	const struct demo_profile *pf = b->pf;
	struct initiative *in = b->in;
	size_t nm = member_count(pf);

	in->slug = xstrdup(pf->slug);
	in->name = xstrdup(pf->name);
	in->city = xstrdup(pf->city);
	in->start = b->start;
	in->end = b->end;
	ref_set(&in->backbone, pf->backbone);
	ref_set(&in->fiscal_agent, pf->fiscal_agent);
	for (size_t i = 0; i < MAXLIST && pf->committee[i]; i++)
		refs_add(&in->committee, pf->committee[i]);
	b->ncommittee = in->committee.n;

	for (size_t i = 0; i < nm; i++) {
		const struct demo_member_spec *ms = &pf->members[i];
		struct member *m = VEC_PUSH(&in->members);

		ref_set(&m->org, ms->org);
		m->role = ms->role;
		m->joined = ms->joined ? spec_date(ms->joined) : b->start;
		m->left = ms->left ? spec_date(ms->left) : DATE_NONE;
		if (ms->role == ROLE_COLEAD)
			b->colead = ms->org;
	}

	in->has_director = 1;
	ref_set(&in->director.person, b->director);
	ref_set(&in->director.employer, pf->dir_employer);
	for (size_t i = 0; i < MAXLIST && pf->dir_reports_to[i]; i++)
		refs_add(&in->director.reports_to, pf->dir_reports_to[i]);
	for (size_t i = 0; i < MAXLIST && pf->dir_evaluated_by[i]; i++)
		refs_add(&in->director.evaluated_by, pf->dir_evaluated_by[i]);
}

static double
round_to(double v, int decimals)
{
	double f = 1;

	for (int i = 0; i < decimals; i++)
		f *= 10;
	return (double)(int64_t)(v * f + (v >= 0 ? 0.5 : -0.5)) / f;
}

static void
build_result(struct build *b)
{
	const struct demo_result_spec *rs = &b->pf->result;
	struct shared_result *res = &b->in->result;
	tdate base = date_from_ymd(2013, 12, 31), target = date_from_ymd(2023, 12, 31);
	double span = rs->target - rs->baseline;

	b->in->has_result = 1;
	res->statement = xstrdup(rs->statement);
	res->indicator = xstrdup(rs->indicator);
	res->unit = xstrdup(rs->unit);
	res->direction = rs->direction;
	res->baseline_date = base;
	res->baseline_value = rs->baseline;
	res->target_date = target;
	res->target_value = rs->target;

	for (int y = 2014; y <= 2016; y++) {
		for (int q = rs->quarterly ? 1 : 4; q <= 4; q++) {
			tdate d = date_add_months(date_from_ymd(y, 1, 1), q * 3) - 1;
			double t = (double)(d - base) / (double)(target - base);
			/* a little noise, never enough to cross the straight line */
			double noise = (rng_unit(b->r) - 0.5) * 0.04 * span;
			struct observation *o = VEC_PUSH(&b->in->observations);

			o->date = d;
			o->value = round_to(rs->baseline + span * t * rs->pace + noise, rs->decimals);
		}
	}
}

static const char *
raci_org(const struct build *b, char c)
{
	if (c == 'b')
		return b->pf->backbone;
	if (c == 'f')
		return b->pf->fiscal_agent;
	if (c == 'l')
		return b->colead;
	if (c >= '1' && c <= '9')
		return b->pf->members[c - '0'].org;
	return NULL;
}

static void
assign(struct responsibility *re, const char *org, int letter)
{
	struct assignment *a;

	for (size_t i = 0; i < re->assignments.n; i++)
		if (strcmp(re->assignments.v[i].org.slug, org) == 0)
			return;
	a = VEC_PUSH(&re->assignments);
	ref_set(&a->org, org);
	a->letter = letter;
}

static void
build_raci(struct build *b)
{
	const char *team[MAXMEM];
	size_t n = active_at(b, b->end, 0, team);

	initiative_default_responsibilities(b->in);
	for (size_t i = 0; i < b->in->responsibilities.n; i++) {
		struct responsibility *re = &b->in->responsibilities.v[i];
		char ca = b->pf->raci_a[i], cr = b->pf->raci_r[i];
		const char *r = raci_org(b, cr);

		if (ca == '2') {
			assign(re, b->pf->backbone, RACI_A);
			assign(re, b->pf->members[1].org, RACI_A);
		} else if (raci_org(b, ca)) {
			assign(re, raci_org(b, ca), RACI_A);
		}
		if (r)
			assign(re, r, RACI_R);
		/* the committee is consulted, everyone else kept informed */
		for (size_t k = 0; k < b->in->committee.n; k++)
			assign(re, b->in->committee.v[k].slug, RACI_C);
		for (size_t k = 0; k < n; k++)
			if (rng_int(b->r, 0, 3) > 0)
				assign(re, team[k], RACI_I);
	}
}

/* The deciding organizations of a decider code, active on d. */
static size_t
deciders_of(const struct build *b, char code, tdate d, const char *partner,
    const char **out)
{
	size_t n = 0;

	switch (code) {
	case 'B':
		out[n++] = b->pf->backbone;
		break;
	case 'L':
		out[n++] = b->colead;
		break;
	case 'P':
		out[n++] = partner;
		break;
	case 'C':
		for (size_t i = 0; i < b->in->committee.n; i++)
			out[n++] = b->in->committee.v[i].slug;
		break;
	default:	/* 'T' */
		n = active_at(b, d, 0, out);
		break;
	}
	return n;
}

static int
in_list(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static void
build_decisions(struct build *b)
{
	const struct demo_profile *pf = b->pf;
	size_t seq = 0, nkey = 0, npf = 0;
	size_t ndec = strlen(pf->deciders), nlag = strlen(pf->lags);
	size_t ncon = strlen(pf->contrary), nloop = strlen(pf->loop);
	/* titles rotate within each category, so a year never repeats one */
	int title_next[CAT__MAX], title_start = rng_int(b->r, 0, 5);

	for (int c = 0; c < CAT__MAX; c++)
		title_next[c] = title_start;

	for (int y = 2014; y <= 2016; y++) {
		int k = pf->decisions_per_year;

		for (int j = 0; j < k; j++, seq++) {
			struct decision *de = VEC_PUSH(&b->in->decisions);
			const char *others[MAXMEM], *deciders[MAXMEM], *rest[MAXMEM];
			size_t nothers, ndeciders, nrest = 0, nconsult;
			char code = pf->deciders[seq % ndec];
			int cat = category_cycle[seq % 10], lag, pct;
			int key = cat == CAT_STRATEGY || cat == CAT_FINANCIAL || cat == CAT_PERSONNEL;
			int pfcat = cat == CAT_FINANCIAL || cat == CAT_PERSONNEL;
			tdate decided = date_from_ymd(y, 1, 8) + (tdate)((j + 0.5) * 350 / k) +
			    rng_int(b->r, -4, 4);
			const char *partner;
			struct strbuf sb = STRBUF_INIT;

			if (code == 'C' && b->ncommittee == 0)
				code = 'B';
			if (code == 'L' && b->colead == NULL)
				code = 'C';
			lag = pf->lags[seq % nlag] == 'S' ? rng_int(b->r, 1, 5) : rng_int(b->r, 10, 40);

			/* a partner for 'P': any active member outside the committee */
			nothers = active_at(b, decided, 1, others);
			shuffle(b->r, others, nothers);
			partner = others[0];
			for (size_t i = 0; i < nothers; i++)
				if (!refs_has(&b->in->committee, others[i]) &&
				    (b->colead == NULL || strcmp(others[i], b->colead) != 0)) {
					partner = others[i];
					break;
				}
			ndeciders = deciders_of(b, code, decided, partner, deciders);

			de->id = fmt_id("d", seq + 1, 3);
			strbuf_addf(&sb, titles_by_category[cat][title_next[cat]++ % 6], y);
			de->title = strbuf_detach(&sb, NULL);
			de->category = cat;
			de->decided = decided;
			de->proposed = decided - lag;
			if (code == 'C')
				ref_set(&de->decider, "committee");
			else if (code == 'T')
				ref_set(&de->decider, "team");
			else
				ref_set(&de->decider, deciders[0]);

			/* who else is consulted: a share of the active members outside the deciders */
			for (size_t i = 0; i < nothers; i++)
				if (!in_list(deciders, ndeciders, others[i]))
					rest[nrest++] = others[i];
			if (!in_list(deciders, ndeciders, pf->backbone))
				rest[nrest++] = pf->backbone;
			pct = rng_int(b->r, pf->consult_lo, pf->consult_hi);
			nconsult = code == 'T' ? 0 : (size_t)((nrest * (size_t)pct + 50) / 100);
			shuffle(b->r, rest, nrest);
			for (size_t i = 0; i < nconsult && i < nrest; i++)
				refs_add(&de->consulted, rest[i]);
			if (code != 'T' && rng_int(b->r, 0, 9) == 0)
				refs_add(&de->consulted, "valley-data-cooperative");

			/* who hears about it */
			if (pfcat ? pf->loop[npf++ % nloop] == 'Y' : pf->inform_rest) {
				for (size_t i = nconsult; i < nrest; i++)
					refs_add(&de->informed, rest[i]);
			} else if (nrest > nconsult && rng_int(b->r, 0, 2) == 0) {
				refs_add(&de->informed, rest[nconsult]);
			}

			/* dissent voiced, or alternatives weighed */
			if ((key && pf->contrary[nkey++ % ncon] == 'Y') ||
			    (!key && pf->contrary[0] == 'Y' && seq % 4 == 2)) {
				strbuf_addf(&sb, PICK(b->r, contrary_texts),
				    demo_org(nothers ? others[rng_int(b->r, 0, (int)nothers - 1)] :
				    pf->backbone)->name);
				de->contrary_views = strbuf_detach(&sb, NULL);
			}
			strbuf_release(&sb);
		}
	}
}

/* ---------------------------------------------------------------- money */

/*
 * Records are generated grouped by purpose and then sorted by date. The
 * store's rowid is 0 for every record not yet stored, so it holds the
 * generation order meanwhile: qsort is not stable, and a tie on the date
 * must still come out the same on every run.
 */
#define BY_DATE_THEN_ROWID(name, type) \
static int \
name(const void *a, const void *b) \
{ \
	const type *x = a, *y = b; \
	if (x->date != y->date) \
		return x->date < y->date ? -1 : 1; \
	return (x->rowid > y->rowid) - (x->rowid < y->rowid); \
}
BY_DATE_THEN_ROWID(ledger_cmp, struct ledger_entry)
BY_DATE_THEN_ROWID(application_cmp, struct application)
BY_DATE_THEN_ROWID(contribution_cmp, struct contribution)

/* Splits total (whole dollars) into k positive parts of random weight. */
static void
split_amount(struct rng *r, int64_t total, size_t k, int64_t *out)
{
	double w[64], sum = 0;
	int64_t left = total;

	for (size_t i = 0; i < k; i++)
		sum += (w[i] = 0.7 + 0.6 * rng_unit(r));
	for (size_t i = 0; i + 1 < k; i++) {
		out[i] = (int64_t)((double)total * w[i] / sum);
		left -= out[i];
	}
	out[k - 1] = left;
}

/* The i-th of k dates spread over s..e, jittered a few days. */
static tdate
spread(struct rng *r, tdate s, tdate e, size_t i, size_t k)
{
	tdate d = s + (tdate)((double)(e - s) * (2.0 * (double)i + 1) / (2.0 * (double)k)) +
	    rng_int(r, -5, 5);

	return d < s ? s : d > e ? e : d;
}

static void
ledger_add(struct build *b, tdate date, size_t grant, int64_t dollars,
    const char *recipient, const char *line, const char *purpose, int own)
{
	struct ledger_entry *le = VEC_PUSH(&b->in->ledger);

	le->rowid = (int64_t)b->in->ledger.n;
	le->date = date;
	le->grant.slug = fmt_id("g", grant + 1, 1);	/* the grant ids of build_money */
	le->grant.idx = REF_UNRESOLVED;
	le->amount = dollars * 100;
	le->kind = recipient == NULL || strcmp(recipient, b->pf->fiscal_agent) == 0 ?
	    LEDGER_EXPENSE : LEDGER_DISBURSEMENT;
	if (recipient)
		ref_set(&le->recipient, recipient);
	else
		le->recipient.idx = REF_UNRESOLVED;
	le->line = xstrdup(line);
	le->purpose = xstrdup(purpose);
	le->backbone_own = own;
}

/* The entries of one budget line for the part s..e of its grant. */
static void
line_entries(struct build *b, size_t gi, const struct demo_line_spec *ls,
    int64_t total, tdate s, tdate e)
{
	const struct demo_profile *pf = b->pf;
	int64_t own = total * ls->own_pct / 100, main = total - own, parts[64];
	const char *who[64];
	tdate when[64];
	size_t k = 0;

	switch (ls->use) {
	case USE_DIRECTOR:
		k = (size_t)((e - s) / 91 + 1);
		for (size_t i = 0; i < k; i++) {
			who[i] = pf->dir_employer;
			when[i] = spread(b->r, s, e, i, k);
		}
		break;
	case USE_STIPENDS:
		for (size_t i = 0; i < MAXLIST && pf->paid[i]; i++) {
			size_t times = pf->grants[gi].catalytic ? 2 : 1;

			for (size_t t = 0; t < times; t++) {
				tdate d = spread(b->r, s, e, t, times);

				if (!is_active_org(b, pf->paid[i], d))
					continue;
				who[k] = pf->paid[i];
				when[k++] = d;
			}
		}
		break;
	case USE_ADMIN:
		k = 4;
		for (size_t i = 0; i < k; i++) {
			who[i] = pf->fiscal_agent;
			when[i] = spread(b->r, s, e, i, k);
		}
		break;
	default:
		k = 4;
		for (size_t i = 0; i < k; i++) {
			who[i] = NULL;
			when[i] = spread(b->r, s, e, i, k);
		}
		break;
	}
	if (k > 0) {
		split_amount(b->r, main, k, parts);
		for (size_t i = 0; i < k; i++) {
			const char *purpose;

			switch (ls->use) {
			case USE_DIRECTOR:
				purpose = "Initiative director salary and benefits";
				break;
			case USE_STIPENDS:
				purpose = "Partner stipend for the initiative's work";
				break;
			case USE_ADMIN:
				purpose = "Fiscal agent administration";
				break;
			default:
				purpose = PICK(b->r, vendor_purposes);
				break;
			}
			ledger_add(b, when[i], gi, parts[i], who[i], ls->name, purpose, 0);
		}
	}
	if (own > 0) {
		split_amount(b->r, own, 2, parts);
		for (size_t i = 0; i < 2; i++)
			ledger_add(b, spread(b->r, s, e, i, 2), gi, parts[i], pf->backbone,
			    ls->name, PICK(b->r, own_purposes), 1);
	}
}

static void
build_money(struct build *b)
{
	const struct demo_profile *pf = b->pf;

	for (size_t gi = 0; gi < NELEM(pf->grants) && pf->grants[gi].funder; gi++) {
		const struct demo_grant_spec *gs = &pf->grants[gi];
		struct grant *g = VEC_PUSH(&b->in->grants);
		tdate gstart = spec_date(gs->start), gend = spec_date(gs->end);

		g->id = fmt_id("g", gi + 1, 1);
		g->funder = xstrdup(gs->funder);
		g->amount = gs->dollars * 100;
		g->start = gstart;
		g->end = gend;
		g->catalytic = gs->catalytic;
		for (size_t li = 0; li < NELEM(gs->lines) && gs->lines[li].name; li++) {
			const struct demo_line_spec *ls = &gs->lines[li];
			struct budget_line *bl = VEC_PUSH(&g->lines);
			int64_t amount = gs->dollars * ls->permille / 1000;

			bl->name = xstrdup(ls->name);
			bl->amount = amount * 100;
			/* 97% of each line is spent, evenly over the grant's years */
			for (int y = 2014; y <= 2016; y++) {
				tdate s = date_from_ymd(y, 1, 1), e = date_from_ymd(y, 12, 31);

				if (s < gstart)
					s = gstart;
				if (e > gend)
					e = gend;
				if (s > e)
					continue;
				line_entries(b, gi, ls,
				    amount * 97 / 100 * (e - s + 1) / (gend - gstart + 1), s, e);
			}
		}
	}
	qsort(b->in->ledger.v, b->in->ledger.n, sizeof(*b->in->ledger.v), ledger_cmp);
	for (size_t i = 0; i < b->in->ledger.n; i++) {
		b->in->ledger.v[i].rowid = 0;
		b->in->ledger.v[i].id = fmt_id("l", i + 1, 4);
	}
}

/* ---------------------------------------------------------------- grant-seeking, credit, help */

static void
application_add(struct build *b, tdate date, const char *funder, int64_t dollars,
    const char *lead, int status)
{
	struct application *a = VEC_PUSH(&b->in->applications);

	a->rowid = (int64_t)b->in->applications.n;
	a->date = date;
	a->funder = xstrdup(funder);
	a->amount = dollars * 100;
	ref_set(&a->lead, lead);
	a->status = status;
}

static void
build_applications(struct build *b)
{
	const struct demo_profile *pf = b->pf;
	static const int status_2016[] = { APP_SUBMITTED, APP_AWARDED, APP_DRAFT, APP_DECLINED };

	/* the non-catalytic grants were won by applications the backbone led */
	for (size_t gi = 1; gi < NELEM(pf->grants) && pf->grants[gi].funder; gi++) {
		const char *others[MAXMEM];
		tdate d = date_add_months(spec_date(pf->grants[gi].start), -4);
		size_t n = active_at(b, d, 1, others);
		struct application *a;

		application_add(b, d, pf->grants[gi].funder, pf->grants[gi].dollars, pf->backbone, APP_AWARDED);
		a = &b->in->applications.v[b->in->applications.n - 1];
		shuffle(b->r, others, n);
		for (size_t i = 0; i < 2 && i < n; i++)
			refs_add(&a->co_applicants, others[i]);
	}
	for (int y = 2014; y <= 2016; y++) {
		const char *kinds = pf->apps[y - 2014];
		size_t k = strlen(kinds);

		for (size_t i = 0; i < k; i++) {
			tdate d = spread(b->r, date_from_ymd(y, 1, 15), date_from_ymd(y, 12, 15), i, k);
			const char *others[MAXMEM];
			size_t n = active_at(b, d, 1, others);
			int status = y < 2016 ? (i % 2 ? APP_DECLINED : APP_AWARDED) : status_2016[i % 4];
			int64_t dollars = rng_int(b->r, 25, 400) * 1000;
			const char *funder = PICK(b->r, app_funders);
			struct application *a;

			shuffle(b->r, others, n);
			switch (kinds[i]) {
			case 'J':	/* the backbone leads, with partners */
				application_add(b, d, funder, dollars, pf->backbone, status);
				a = &b->in->applications.v[b->in->applications.n - 1];
				for (size_t j = 0; j < (size_t)rng_int(b->r, 2, 3) && j < n; j++)
					refs_add(&a->co_applicants, others[j]);
				break;
			case 'P':	/* a partner leads, the backbone co-applies */
				application_add(b, d, funder, dollars, others[0], status);
				a = &b->in->applications.v[b->in->applications.n - 1];
				refs_add(&a->co_applicants, pf->backbone);
				if (n > 1)
					refs_add(&a->co_applicants, others[1]);
				break;
			case 'X':	/* a partner alone */
				application_add(b, d, funder, dollars, others[0], status);
				break;
			default:	/* 'A': the backbone alone, or with an outside agency */
				application_add(b, d, funder, dollars, pf->backbone, status);
				a = &b->in->applications.v[b->in->applications.n - 1];
				if (rng_int(b->r, 0, 1))
					refs_add(&a->co_applicants, "tri-county-workforce-board");
				break;
			}
		}
	}
	qsort(b->in->applications.v, b->in->applications.n,
	    sizeof(*b->in->applications.v), application_cmp);
	for (size_t i = 0; i < b->in->applications.n; i++) {
		b->in->applications.v[i].rowid = 0;
		b->in->applications.v[i].id = fmt_id("a", i + 1, 2);
	}
}

static void
build_credits(struct build *b)
{
	const struct demo_profile *pf = b->pf;
	size_t seq = 0, np = strlen(pf->credits);

	for (int y = 2014; y <= 2016; y++) {
		size_t k = (size_t)pf->credits_per_year;

		for (size_t i = 0; i < k; i++, seq++) {
			struct credit *c = VEC_PUSH(&b->in->credits);
			tdate d = spread(b->r, date_from_ymd(y, 1, 20), date_from_ymd(y, 12, 10), i, k);
			const char *others[MAXMEM];
			size_t n = active_at(b, d, 1, others), partners;
			char code = pf->credits[seq % np];
			struct strbuf sb = STRBUF_INIT;
			size_t t;

			c->id = fmt_id("cr", seq + 1, 2);
			c->date = d;
			t = (size_t)rng_int(b->r, 0, (int)NELEM(credit_titles) - 1);
			c->channel = credit_titles[t].channel;
			strbuf_addf(&sb, credit_titles[t].title, y);
			c->title = strbuf_detach(&sb, NULL);
			if (code >= 'a') {
				refs_add(&c->credited, pf->backbone);
				partners = (size_t)(code - 'a');
			} else {
				partners = (size_t)(code - '0');
			}
			shuffle(b->r, others, n);
			for (size_t j = 0; j < partners && j < n; j++)
				refs_add(&c->credited, others[j]);
		}
	}
}

static void
contribution_add(struct build *b, tdate d, const char *from, const char *to, int type, double hours)
{
	struct contribution *c = VEC_PUSH(&b->in->contributions);

	c->rowid = (int64_t)b->in->contributions.n;
	c->date = d;
	ref_set(&c->from, from);
	ref_set(&c->to, to);
	c->type = type;
	c->hours = hours;
}

static void
build_contributions(struct build *b)
{
	const struct demo_profile *pf = b->pf;
	size_t seq = 0;

	for (int y = 2014; y <= 2016; y++) {
		tdate s = date_from_ymd(y, 1, 10), e = date_from_ymd(y, 12, 10);
		size_t nh = spec_count(pf->helped, MAXLIST);
		const char *others[MAXMEM];
		size_t n;

		/* the backbone lends its staff and skills to the partners it helps */
		for (size_t i = 0; i < nh; i++) {
			tdate d = spread(b->r, s, e, i, nh);

			if (!is_active_org(b, pf->helped[i], d))
				continue;
			contribution_add(b, d, pf->backbone, pf->helped[i],
			    (int)(seq++ % CONTRIB_OTHER), rng_int(b->r, 12, 120) / 2.0);
		}
		/* partners supply what the backbone lacks, and help each other */
		for (size_t i = 0; i < 3; i++) {
			tdate d = spread(b->r, s, e, i, 3);

			n = active_at(b, d, 1, others);
			shuffle(b->r, others, n);
			contribution_add(b, d, others[0], i < 2 ? pf->backbone : others[1],
			    i == 0 ? CONTRIB_DATA : i == 1 ? CONTRIB_FUNDRAISING : CONTRIB_FACILITATION,
			    rng_int(b->r, 8, 80) / 2.0);
		}
	}
	qsort(b->in->contributions.v, b->in->contributions.n,
	    sizeof(*b->in->contributions.v), contribution_cmp);
	for (size_t i = 0; i < b->in->contributions.n; i++) {
		b->in->contributions.v[i].rowid = 0;
		b->in->contributions.v[i].id = fmt_id("k", i + 1, 3);
	}
}

/* ---------------------------------------------------------------- oversight and learning */

static void
build_checkins(struct build *b)
{
	size_t seq = 0;

	for (int y = 2014; y <= 2016; y++) {
		for (int m = 1; m <= 12; m++) {
			char month[8] = { (char)('0' + y / 1000), (char)('0' + y / 100 % 10),
			    (char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
			    (char)('0' + m / 10), (char)('0' + m % 10), '\0' };
			struct checkin *c;
			struct strbuf sb = STRBUF_INIT;
			int lines, first;

			if (strstr(b->pf->missing, month))
				continue;
			c = VEC_PUSH(&b->in->checkins);
			c->id = fmt_id("c", ++seq, 3);
			c->date = day_in_month(b->r, y, m, 8, 22);
			refs_add(&c->attendees, b->director);
			refs_add(&c->attendees, contact_of(b->p, b->pf->backbone));
			refs_add(&c->attendees, b->officer);
			if (b->colead && rng_int(b->r, 0, 1))
				refs_add(&c->attendees, contact_of(b->p, b->colead));

			/* consecutive lines of the pools, so a check-in never repeats one */
			lines = rng_int(b->r, 2, 3);
			first = rng_int(b->r, 0, (int)NELEM(progress_texts) - 1);
			for (int i = 0; i < lines; i++)
				strbuf_addf(&sb, progress_texts[(size_t)(first + i) % NELEM(progress_texts)],
				    rng_int(b->r, 2, 8));
			strbuf_setlen(&sb, sb.len - 1);	/* no trailing newline */
			c->progress = strbuf_detach(&sb, NULL);
			if (rng_int(b->r, 0, 5) > 0) {
				lines = rng_int(b->r, 1, 2);
				first = rng_int(b->r, 0, (int)NELEM(challenge_texts) - 1);
				for (int i = 0; i < lines; i++)
					strbuf_addstr(&sb,
					    challenge_texts[(size_t)(first + i) % NELEM(challenge_texts)]);
				strbuf_setlen(&sb, sb.len - 1);
				c->challenges = strbuf_detach(&sb, NULL);
			}
			strbuf_release(&sb);
		}
	}
}

static void
build_events(struct build *b)
{
	static const struct {
		int month, kind;
		const char *title;
	} plan[] = {
		{ 2, EVENT_TRAINING, "Training: facilitating resident-led meetings" },
		{ 3, EVENT_TEAM_MEETING, "Quarterly team meeting" },
		{ 5, EVENT_CONVENING, "Program-wide convening of the six cities" },
		{ 6, EVENT_TEAM_MEETING, "Quarterly team meeting" },
		{ 9, EVENT_TEAM_MEETING, "Quarterly team meeting" },
		{ 10, EVENT_PEER_EXCHANGE, "Peer exchange with another city's team" },
		{ 11, EVENT_EVALUATION, "Evaluator's site visit and partner interviews" },
		{ 12, EVENT_TEAM_MEETING, "Year-end team meeting and reflection" },
	};
	size_t seq = 0;

	for (int y = 2014; y <= 2016; y++) {
		for (size_t i = 0; i < NELEM(plan); i++) {
			struct event *ev = VEC_PUSH(&b->in->events);
			tdate d = day_in_month(b->r, y, plan[i].month, 5, 25);
			const char *team[MAXMEM];
			size_t n = active_at(b, d, 0, team);

			ev->id = fmt_id("e", ++seq, 2);
			ev->date = d;
			ev->kind = plan[i].kind;
			ev->title = xstrdup(plan[i].title);
			for (size_t k = 0; k < n; k++) {
				refs_add(&ev->expected, team[k]);
				if (k == 0 || rng_int(b->r, 0, 99) < b->pf->attendance)
					refs_add(&ev->attended, team[k]);
			}
		}
	}
}

static int
weak_on(const struct demo_profile *pf, const char *item)
{
	size_t n = strlen(item);

	for (const char *s = pf->weak; (s = strstr(s, item)) != NULL; s += n)
		if ((s == pf->weak || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
			return 1;
	return 0;
}

static void
response_add(struct build *b, struct survey *sv, const struct instrument *ins, int group)
{
	struct response *re = VEC_PUSH(&sv->responses);

	re->group = group;
	for (size_t i = 0; i < ins->items.n; i++) {
		const char *code = ins->items.v[i].code;
		struct answer *a = VEC_PUSH(&re->answers);
		int v;

		if (strcmp(ins->code, "director-support") == 0) {
			/* a supported director: 4s and 5s; otherwise 2s and 3s (the backbone a little kinder) */
			if (b->pf->director_support)
				v = rng_int(b->r, 0, 2) ? 5 : 4;
			else
				v = group == GROUP_BACKBONE ? rng_int(b->r, 3, 4) : rng_int(b->r, 2, 3);
		} else if (weak_on(b->pf, code)) {
			/* where the team is weak the backbone sees it less than the partners */
			v = group == GROUP_PARTNER ? rng_int(b->r, 2, 3) :
			    group == GROUP_DIRECTOR ? 3 : rng_int(b->r, 3, 4);
		} else {
			v = rng_int(b->r, 4, 5);
		}
		a->item = xstrdup(code);
		a->value = v;
	}
}

static void
build_surveys(struct build *b)
{
	static const char *const waves[][2] = {
		{ "2015-05-04", "2015-05-29" },
		{ "2016-10-03", "2016-10-28" },
	};
	static const char *const instruments[] = { "balance", "director-support" };
	size_t seq = 0;

	for (size_t w = 0; w < NELEM(waves); w++) {
		for (size_t k = 0; k < NELEM(instruments); k++) {
			const struct instrument *ins = program_instrument(b->p, instruments[k]);
			struct survey *sv = VEC_PUSH(&b->in->surveys);
			const char *others[MAXMEM];
			size_t n;

			sv->id = fmt_id("s", ++seq, 1);
			ref_set(&sv->instrument, instruments[k]);
			sv->opened = spec_date(waves[w][0]);
			sv->closed = spec_date(waves[w][1]);
			n = active_at(b, sv->opened, 1, others);
			for (int i = 0; i < 3; i++)
				response_add(b, sv, ins, GROUP_BACKBONE);
			response_add(b, sv, ins, GROUP_DIRECTOR);
			/* one partner in a wave does not answer */
			for (size_t i = 1; i < n; i++)
				response_add(b, sv, ins, GROUP_PARTNER);
		}
	}
}

static void
build_ties(struct build *b)
{
	static const char *const dates[] = { "2014-11-14", "2016-09-16" };

	for (size_t w = 0; w < NELEM(dates); w++) {
		const char *team[MAXMEM];
		tdate d = spec_date(dates[w]);
		size_t n = active_at(b, d, 0, team);

		for (size_t i = 0; i < n; i++) {
			for (size_t j = 0; j < n; j++) {
				int isb_from = i == 0, isb_to = j == 0, u = rng_int(b->r, 0, 99);
				int freq, hi;
				struct tie *t;

				if (i == j)
					continue;
				if (b->pf->hub) {
					if (isb_from)
						freq = rng_int(b->r, 2, 3);
					else if (isb_to)
						freq = rng_int(b->r, 3, 4);
					else
						freq = u < 12 ? 1 : u < 17 ? 2 : -1;
				} else {
					freq = u < b->pf->density ? rng_int(b->r, 2, 4) :
					    u < b->pf->density + 15 ? 1 : -1;
				}
				if (freq < 0)
					continue;	/* not named */
				t = VEC_PUSH(&b->in->ties);
				t->date = d;
				ref_set(&t->from, team[i]);
				ref_set(&t->to, team[j]);
				t->frequency = freq;
				hi = b->pf->hub && !isb_to ? 3 : 4;
				t->reliability = rng_int(b->r, hi - 1, hi);
				t->mission = rng_int(b->r, 2, hi);
				if (freq >= 2) {
					t->openness = b->pf->hub && isb_to ? 2 : rng_int(b->r, hi - 1, hi);
					t->influence = isb_to ? 4 : rng_int(b->r, 2, hi);
					t->involvement = rng_int(b->r, 2, hi);
					t->resources = rng_int(b->r, 1, hi);
				}
			}
		}
	}
}

static void
build_initiative(struct program *p, struct rng *r, const struct demo_profile *pf,
    const char *officer)
{
	struct build b = { 0 };

	b.p = p;
	b.pf = pf;
	b.r = r;
	b.start = p->start;
	b.end = p->end;
	b.officer = officer;
	b.director = add_person(p, r, pf->dir_employer);
	b.in = VEC_PUSH(&p->initiatives);

	build_basics(&b);
	build_result(&b);
	build_raci(&b);
	build_decisions(&b);
	build_money(&b);
	build_applications(&b);
	build_credits(&b);
	build_contributions(&b);
	build_checkins(&b);
	build_events(&b);
	build_surveys(&b);
	build_ties(&b);
}

/* ---------------------------------------------------------------- the program */

static void
build_learning(struct program *p)
{
	static const struct {
		const char *date, *text, *initiatives;
	} notes[] = {
		{ "2014-10-20", "Early check-ins show two patterns: some backbones bring every choice to "
		  "their committee, others settle matters in-house and report afterwards.",
		  "harlow-mills quarry-bend" },
		{ "2015-06-15", "Where the fiscal agent is not the backbone, money questions are settled "
		  "between the two of them; partners learn about them late.", "wexford-junction" },
		{ "2016-03-14", "High-capacity backbones share leadership most easily, but capacity also "
		  "makes it easy to fold the initiative into the backbone's own programs.",
		  "harlow-mills port-ashby" },
		{ "2016-09-19", "Fast decisions are not the problem in themselves; decisions made in days "
		  "by two organizations leave the rest of the team behind.",
		  "calder-springs quarry-bend" },
		{ "2016-12-12", "Teams that agree easily may still need someone to voice the alternative: "
		  "no recorded dissent in a year is a question worth asking.", "riverton-locks" },
	};
	struct learning *l = VEC_PUSH(&p->learning);

	l->question = xstrdup("What would it take to help backbone organizations more effectively "
	    "distribute leadership and promote the sustainability of their initiatives?");
	for (size_t i = 0; i < NELEM(notes); i++) {
		struct learning_note *n = VEC_PUSH(&l->notes);
		const char *s = notes[i].initiatives;

		n->date = spec_date(notes[i].date);
		n->text = xstrdup(notes[i].text);
		while (*s) {
			size_t len = strcspn(s, " ");
			char *slug = xstrndup(s, len);

			refs_add(&n->initiatives, slug);
			free(slug);
			s += len + (s[len] == ' ');
		}
	}
}

void
demo_build(struct program *p, uint64_t seed)
{
	struct rng r = { seed };
	const char *officers[3];

	p->slug = xstrdup(DEMO_PROGRAM_SLUG);
	p->name = xstrdup("Atlantic Working Communities Challenge — Round 1");
	p->funder = xstrdup(FUNDER_NAME);
	p->start = date_from_ymd(2014, 1, 1);
	p->end = date_from_ymd(2016, 12, 31);
	program_add_builtin_instruments(p);

	for (size_t i = 0; i < NELEM(demo_orgs); i++) {
		const struct demo_org *d = &demo_orgs[i];
		struct organization *o = VEC_PUSH(&p->orgs);

		o->slug = xstrdup(d->slug);
		o->name = xstrdup(d->name);
		o->sector = d->sector;
		o->city = xstrdup(d->city);
		o->staff = d->staff < 0 ? INT_NONE : d->staff;
		o->revenue = d->revenue < 0 ? INT_NONE : d->revenue * 100;
		o->flexible_grants = d->flexible_grants;
		for (int x = 0; x < EXPERTISE__MAX; x++)
			if (d->expertise & (1 << x))
				*VEC_PUSH(&o->expertise) = x;
		o->in_kind_staffing = d->in_kind_staffing;
		o->experiment = d->experiment;
		o->convener = d->convener;
	}
	/* one contact per organization, and the funder's program officers */
	for (size_t i = 0; i < NELEM(demo_orgs); i++)
		add_person(p, &r, demo_orgs[i].slug);
	officers[0] = contact_of(p, "atlantic-reserve");
	officers[1] = add_person(p, &r, "atlantic-reserve");
	officers[2] = add_person(p, &r, "atlantic-reserve");

	build_learning(p);
	for (size_t i = 0; i < NELEM(demo_profiles); i++)
		build_initiative(p, &r, &demo_profiles[i], officers[i % 3]);
}
