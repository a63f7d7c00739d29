// Every page a signed-in admin can reach: the portfolio, each initiative's
// dashboard (also at phone width) and each of its tabs, a record and a form
// under each tab of the first initiative, the sign-in page, the program's
// import page, the admin pages, the program's instruments (the list, the
// add form with its item rows, a built-in one, read only). On each: the answer is 200 (and not a
// redirect), axe-core finds no WCAG 2 A/AA violation, and a full-page
// screenshot goes to test-artifacts/browser/. Pages are visited WORKERS at a
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

test('crawl: every page passes axe-core and is photographed',
    { timeout: 420000, concurrency: WORKERS }, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);

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
		opts = opts || {};
		running.push((async () => {
			if (opts.mayBeMissing) {
				const s = await lib.status(context, p);
				if (s === 404 || s === 501) {
					missing.push(`${p} (${s})`);
					return;
				}
			}
			await t.test(`page ${p}`, async (tt) => {
				const page = await take();
				// then runs even when axe failed, so that one
				// page's violation does not hide the pages beyond
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

	let slugs = [];
	visit('/', {}, async (page) => {
		slugs = await hrefs(page, 'header nav.places a[href^="/i/"]');
	});
	await Promise.all(running);
	assert.ok(slugs.length >= 6, `the top bar lists ${slugs.length} initiatives, the demo has 6`);

	for (const [i, dash] of slugs.entries()) {
		visit(dash, { phone: true }, async (page) => {
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
	for (const p of ['/import', '/admin/users', '/admin/audit', '/program/instruments',
	    '/program/instruments/new', '/program/instruments/balance'])
		visit(p, { mayBeMissing: true });
	// running grows while the visits find more pages
	for (let n = 0; n !== running.length;) {
		n = running.length;
		await Promise.all(running);
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
	t.diagnostic(`${seen.size} pages visited`);
});
