// Every page a signed-in admin can reach: the portfolio, each initiative's
// dashboard (also at phone width) and each of its tabs, a record and a form
// under each tab of one initiative, the sign-in page, the admin pages.
// On each: the answer is 200, axe-core finds no WCAG 2 A/AA violation, and
// a full-page screenshot goes to test-artifacts/browser/.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

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

test('crawl: every page passes axe-core and is photographed', { timeout: 100000 }, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	const page = await context.newPage();
	const seen = new Set();
	const missing = [];

	// visit once, as a subtest of its own; a 404 on a link the frame already
	// shows (a tab whose page is still to come) is noted, not failed.
	async function visitOnce(p, opts) {
		if (seen.has(p))
			return false;
		seen.add(p);
		opts = opts || {};
		if (opts.mayBeMissing && [404, 501].includes(await lib.status(context, p))) {
			missing.push(p);
			return false;
		}
		await t.test(`page ${p}`, async (tt) => { await lib.visit(tt, page, p, opts); });
		return true;
	}

	await visitOnce('/');
	const slugs = await page.locator('header nav.places a[href^="/i/"]').evaluateAll(
	    (as) => as.map((a) => a.getAttribute('href')));
	assert.ok(slugs.length >= 6, `the top bar lists ${slugs.length} initiatives, the demo has 6`);

	for (const [i, dash] of slugs.entries()) {
		if (!await visitOnce(dash, { phone: true }))
			continue;
		const tabs = await page.locator('header nav.tabs a[href]').evaluateAll(
		    (as) => as.map((a) => a.getAttribute('href')));
		assert.ok(tabs.length >= 10, `${dash} shows ${tabs.length} tabs`);
		for (const tab of tabs) {
			if (!await visitOnce(tab, { mayBeMissing: true }) || i !== 0)
				continue;
			// One level deeper on the first initiative: the first
			// record and the add form of each list.
			const under = await linksUnder(page, tab);
			const pick = [under.find((h) => /\/new$/.test(h)),
			    under.find((h) => !/\/new$/.test(h))].filter(Boolean);
			for (const p of pick)
				await visitOnce(p, { mayBeMissing: true });
		}
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

	for (const p of ['/import', '/admin/users', '/admin/audit'])
		await visitOnce(p, { mayBeMissing: true });

	if (missing.length)
		t.diagnostic(`not built yet (404 or 501): ${missing.join(' ')}`);
});
