// Every page each role can reach: as the admin, the portfolio, each
// initiative's dashboard and each of its tabs, a record and a form under each
// tab of the first initiative, the sign-in page, the program's import page,
// the admin pages, the program's instruments (the list, the add form with its
// item rows, a built-in one, read only); as a member and a viewer (of
// harlow-mills) and an evaluator, what their top bar and tabs lead to in the
// first initiative they see, one level deeper, and an evaluator's program
// pages. On each page: the answer is 200 (and not a redirect), axe-core finds
// no WCAG 2 A/AA violation at 1280 px and at 390 px, nothing scrolls sideways
// at 390 px (no element wider than the phone outside a box that scrolls
// itself), and printed on A4 nothing runs past the paper (lib.checkNarrow);
// full-page screenshots go to test-artifacts/browser/ (NAME.png,
// NAME@390.png; another role's with -ROLE). Pages are visited WORKERS at a
// time, each a subtest of its own.
'use strict';

const test = require('node:test');
const lib = require('./lib.js');

const WORKERS = lib.CRAWL_WORKERS;

// Crawls as role in subtests of t; returns the pages seen and those missing.
async function crawlAs(t, role)
{
	const context = await lib.launch();
	try {
		await lib.signIn(context, role);
		return await lib.crawl(t, context, role);
	} finally {
		await context.close();
	}
}

test('crawl: every page of every role passes axe-core, fits a phone and A4, and is photographed',
    { timeout: 900000 * lib.SLOW, concurrency: WORKERS }, async (t) => {
	const roles = lib.AUTH === 'login' ? ['admin', 'member', 'viewer', 'evaluator'] : ['admin'];
	const missing = [];
	let pages = 0;
	for (const role of roles) {
		const r = await crawlAs(t, role);
		pages += r.seen.size;
		for (const m of r.missing)
			missing.push(role === 'admin' ? m : `${m} as ${role}`);
	}

	// The sign-in page, seen by someone not signed in (with the development
	// role aid everyone is signed in, and /login sends them on).
	if (lib.AUTH === 'login') {
		const anon = await lib.launch();
		t.after(() => anon.close());
		const p = await anon.newPage();
		await t.test('page /login (not signed in)', async (tt) => { await lib.visit(tt, p, '/login'); });
	} else {
		missing.push('/login (no accounts: the development role aid is on)');
	}

	if (missing.length)
		t.diagnostic(`not built yet: ${missing.sort().join(' ')}`);
	t.diagnostic(`${pages} pages visited as ${roles.join(', ')}`);
});
