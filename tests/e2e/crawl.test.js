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
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const WORKERS = 3;

// Links inside main that stay under prefix: the records and forms of a tab.
async function linksUnder(page, prefix)
{
	const hrefs = await page.locator('main a[href]').evaluateAll(
	    (as) => as.map((a) => a.getAttribute('href')));
	const out = [];
	for (const h of hrefs) {
		if (!h || !h.startsWith(prefix + '/'))
			continue;
		const p = h.split(/[?#]/)[0];
		if (!out.includes(p))
			out.push(p);
	}
	return out;
}

async function hrefs(page, selector)
{
	return page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

// The pages beyond the initiatives that each role reaches from its top bar.
const EXTRA = {
	admin: ['/import', '/admin/users', '/admin/audit', '/program/instruments',
	    '/program/instruments/new', '/program/instruments/balance'],
	evaluator: ['/import', '/program/instruments', '/program/instruments/balance'],
	member: [],
	viewer: [],
};

// Crawls as role in subtests of t; returns the pages seen and those missing.
async function crawlAs(t, role)
{
	const context = await lib.launch();
	try {
		await lib.signIn(context, role);
		return await crawl(t, context, role);
	} finally {
		await context.close();
	}
}

async function crawl(t, context, role)
{
	const suffix = role === 'admin' ? '' : `-${role}`;
	// A pool of WORKERS pages: a subtest takes one, visits, gives it back.
	const free = [];
	for (let i = 0; i < WORKERS; i++)
		free.push(await context.newPage());
	const waiting = [];
	const take = () => free.length ? Promise.resolve(free.pop()) :
	    new Promise((resolve) => waiting.push(resolve));
	const give = (p) => waiting.length ? waiting.shift()(p) : free.push(p);

	const seen = new Set();
	const missing = [];
	const running = [];

	// visit(p, opts, then): once per path, as a subtest; then(page) runs
	// on the page still showing p. A 404 or 501 on a link the frame
	// already shows (a page still to come) is noted, not failed.
	function visit(p, opts, then) {
		if (seen.has(p))
			return;
		seen.add(p);
		opts = Object.assign({ suffix }, opts || {});
		running.push((async () => {
			if (opts.mayBeMissing) {
				const s = await lib.status(context, p);
				if (s === 404 || s === 501) {
					missing.push(`${p} (${s})`);
					return;
				}
			}
			await t.test(`page ${p}${role === 'admin' ? '' : ` (${role})`}`, async (tt) => {
				const page = await take();
				// then runs even when a check failed, so that one
				// page's fault does not hide the pages beyond
				let failure = null;
				try {
					try {
						await lib.visit(tt, page, p, opts);
					} catch (e) {
						failure = e;
					}
					if (then && new URL(page.url()).pathname === p)
						await then(page);
				} finally {
					give(page);
				}
				if (failure)
					throw failure;
			});
		})());
	}

	// A member or viewer is sent from / to their initiative.
	const home = await context.request.get(lib.URL + '/', { maxRedirects: 0 });
	const start = home.status() === 303 ? home.headers().location : '/';
	let slugs = [];
	visit(start, {}, async (page) => {
		slugs = await hrefs(page, 'header nav.places a[href^="/i/"]');
	});
	await Promise.all(running);
	if (role === 'admin' || role === 'evaluator')
		assert.ok(slugs.length >= 6, `the top bar lists ${slugs.length} initiatives, the demo has 6`);
	else
		assert.equal(slugs.length, 1, `a ${role} sees one initiative in the top bar`);

	for (const [i, dash] of slugs.entries()) {
		if (i !== 0 && role !== 'admin')
			break;
		visit(dash, {}, async (page) => {
			const tabs = await hrefs(page, 'header nav.tabs a[href]');
			assert.ok(tabs.length >= 10, `${dash} shows ${tabs.length} tabs`);
			for (const tab of tabs) {
				visit(tab, { mayBeMissing: true }, i !== 0 ? null : async (tp) => {
					// One level deeper on the first initiative:
					// the add form and the first record of each list.
					const under = await linksUnder(tp, tab);
					const pick = [under.find((h) => /\/new$/.test(h)),
					    under.find((h) => !/\/new$/.test(h))].filter(Boolean);
					for (const p of pick)
						visit(p, { mayBeMissing: true });
				});
			}
		});
	}
	for (const p of EXTRA[role])
		visit(p, { mayBeMissing: true });
	// running grows while the visits find more pages
	for (let n = 0; n !== running.length;) {
		n = running.length;
		await Promise.all(running);
	}
	return { seen, missing };
}

test('crawl: every page of every role passes axe-core, fits a phone and A4, and is photographed',
    { timeout: 900000, concurrency: WORKERS }, async (t) => {
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
