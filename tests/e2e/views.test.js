// No codes where people read (issue 11, point 9), across the crawl: for every
// page each role reaches (the start page, each tab of their first initiative
// and one level deeper, the admin and program pages, a survey round's
// results, a survey link's answer form and its problems), the words the
// browser shows (document.body.innerText: no attribute, no input's value,
// nothing inside a closed <details>) hold no ISO date ("2016-12-31": a date
// reads "31 Dec 2016"; an <input> or <time datetime> keeps it in its
// attribute) and none of CODES. The survey, admin, team and sign-in pages
// and the frame are photographed at 1280 and 390 px (NAME.png,
// NAME@390.png in test-artifacts/browser/, "views-" first).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const lib = require('./lib.js');

// trellis/1 codes that must never be what a person reads.
const CODES = ['flexible_grants', 'in_kind_staffing', 'works_for_initiative', 'shared_oversight',
	'survey-invitations', 'cli:', 'backbone_alone_share', 'partner_share'];
const ISO = /\b(1[89]|20)\d\d-[01]\d-[0-3]\d\b/g;

// What a person reads on the page now showing: the problems found, as lines.
async function codesIn(page)
{
	const text = await page.evaluate(() => document.body.innerText);
	const bad = [];
	for (const m of text.match(ISO) || [])
		bad.push(`ISO date ${m}`);
	for (const c of CODES)
		if (text.includes(c))
			bad.push(`code ${c}`);
	return [...new Set(bad)];
}

// The trellis CLI on the server's database (run.sh's E2E_TRELLIS, E2E_DB).
function trellis(...args)
{
	return execFileSync(process.env.E2E_TRELLIS, ['--db', process.env.E2E_DB, ...args],
	    { encoding: 'utf8' });
}

async function hrefs(page, selector)
{
	return page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

// Links inside main that stay under prefix: the records and forms of a tab.
async function linksUnder(page, prefix)
{
	const out = [];
	for (const h of await hrefs(page, 'main a[href]')) {
		const p = h && h.split(/[?#]/)[0];
		if (p && p.startsWith(prefix + '/') && !out.includes(p))
			out.push(p);
	}
	return out;
}

const EXTRA = {
	admin: ['/admin/users', '/admin/audit', '/import', '/program/instruments',
	    '/i/harlow-mills/surveys/rounds', '/i/harlow-mills/surveys/s-1/results',
	    '/i/harlow-mills/members'],
	evaluator: ['/import', '/program/instruments', '/i/harlow-mills/surveys/s-1/results'],
	member: ['/i/harlow-mills/surveys/rounds', '/i/harlow-mills/surveys/s-1/results'],
	viewer: ['/i/harlow-mills/surveys/rounds', '/i/harlow-mills/surveys/s-1/results'],
};

// The pages moved to src/view by this change, photographed wide and narrow.
const SHOOT = /^\/(admin\/|i\/harlow-mills\/(members$|surveys\/(rounds|s-1\/)))/;

// Visits every page role reaches; returns { checked, bad: ["path: problem"] }.
async function crawl(role)
{
	const context = await lib.launch();
	const page = await context.newPage();
	const seen = new Set();
	const bad = [];
	const suffix = role === 'admin' ? '' : `-${role}`;

	async function visit(p) {
		if (seen.has(p))
			return false;
		seen.add(p);
		const r = await page.goto(lib.URL + p);
		if (!r || r.status() === 404 || r.status() === 501)
			return false;
		if (SHOOT.test(p)) {
			await lib.screenshot(page, lib.shotName('views-' + p, suffix));
			await page.setViewportSize(lib.PHONE);
			await lib.screenshot(page, lib.shotName('views-' + p, suffix + '@390'));
			await page.setViewportSize(lib.WIDE);
		}
		for (const b of await codesIn(page))
			bad.push(`${p}${role === 'admin' ? '' : ` (${role})`}: ${b}`);
		return true;
	}

	try {
		await lib.signIn(context, role);
		const home = await context.request.get(lib.URL + '/', { maxRedirects: 0 });
		const start = home.status() === 303 ? home.headers().location : '/';
		await visit(start);
		const slugs = await hrefs(page, 'header nav.places a[href^="/i/"]');
		assert.ok(slugs.length >= 1, `${role} sees an initiative`);
		await visit(slugs[0]);
		const tabs = await hrefs(page, 'header nav.tabs a[href]');
		assert.ok(tabs.length >= 10, `${slugs[0]} shows ${tabs.length} tabs`);
		for (const tab of tabs) {
			if (!await visit(tab))
				continue;
			const under = await linksUnder(page, tab);
			for (const p of [under.find((h) => /\/new$/.test(h)),
			    under.find((h) => !/\/new$/.test(h))].filter(Boolean))
				await visit(p);
		}
		for (const p of EXTRA[role])
			await visit(p);
	} finally {
		await context.close();
	}
	return { checked: seen.size, bad };
}

test('no codes and no ISO dates where people read, on every page of every role',
    { timeout: 600000 * lib.SLOW }, async (t) => {
	const roles = lib.AUTH === 'login' ? ['admin', 'member', 'viewer', 'evaluator'] : ['admin'];
	const bad = [];
	let checked = 0;

	// a round opened and closed from the command line, so the audit log
	// holds CLI entries, a survey link, and the closing date
	trellis('survey', 'open', '--initiative', 'harlow-mills', '--instrument', 'director-support',
	    '--id', 's-views', '--date', '2016-11-01');
	for (const role of roles) {
		const r = await crawl(role);
		checked += r.checked;
		bad.push(...r.bad);
	}

	// a survey link's answer form, and the same form sent with an answer missing
	const out = trellis('survey', 'invite', '--initiative', 'harlow-mills', '--survey', 's-views',
	    '--person', 'carmen-brennan', '--url', lib.URL);
	const link = out.trim().split('\n')[0].split('\t')[2];
	assert.ok(link && link.startsWith(lib.URL + '/s/'), `a survey link: ${out}`);
	const anon = await lib.launch();
	try {
		const page = await anon.newPage();
		const p = new URL(link).pathname;
		await page.goto(link);
		await page.locator('input[name="trusted"][value="4"]').check();
		// as a browser that does not check required fields sends it
		await page.evaluate(() => document.querySelectorAll('[required]')
		    .forEach((e) => e.removeAttribute('required')));
		await Promise.all([page.waitForNavigation(),
		    page.getByRole('button', { name: /Send my answers/ }).click()]);
		const summary = await page.locator('.error-summary').innerText();
		if (!/Question 2: /.test(summary))
			bad.push(`${p} (sent with answers missing): the problem is not named by its ` +
			    `question: ${summary.replace(/\s+/g, ' ')}`);
		await lib.screenshot(page, 'views-s_answer-errors.png');
		await page.setViewportSize(lib.PHONE);
		await lib.screenshot(page, 'views-s_answer-errors@390.png');
		for (const b of await codesIn(page))
			bad.push(`${p} (sent with answers missing): ${b}`);
		checked++;
		if (lib.AUTH === 'login') {
			await page.setViewportSize(lib.WIDE);
			await page.goto(lib.URL + '/login');
			await lib.screenshot(page, 'views-login.png');
			await page.setViewportSize(lib.PHONE);
			await lib.screenshot(page, 'views-login@390.png');
			for (const b of await codesIn(page))
				bad.push(`/login: ${b}`);
			checked++;
		}
	} finally {
		await anon.close();
	}
	t.diagnostic(`${checked} pages checked as ${roles.join(', ')}`);
	assert.deepEqual(bad, [], `codes or ISO dates where people read:\n  ${bad.join('\n  ')}`);
});
