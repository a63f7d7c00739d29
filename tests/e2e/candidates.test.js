// Issue 13, items 2 and 6, as the funder's team meets them in the browser:
// the portfolio over time (a small chart of the two scores per initiative,
// each initiative's trail through its quarters on the quadrant, a table
// sorted by its headings without script, the CSV) and backbone selection
// (candidates added through the form, ticked and compared side by side),
// each page checked by axe at 1280 and 390 px and on A4 (lib.visit).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
const PERIOD = 'as_of=2016-12-31&months=12';

async function signedIn(t, role)
{
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context, role);
	return context;
}

test('the portfolio over time: a chart per initiative, trails, sorting, the CSV (item 2)', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await lib.visit(t, page, `/program/portfolio?${PERIOD}`, { suffix: '-time' });

	assert.equal(await page.locator('main svg.score-trend').count(), 6, 'a chart per initiative');
	assert.equal(await page.locator('main svg.quadrant g.trail.quarters').count(), 6,
	    'a trail through its quarters for each initiative');
	// each chart is small and its words say the scores quarter by quarter
	const box = await page.locator('main svg.score-trend').first().boundingBox();
	assert.ok(box.width >= 150 && box.width <= 200, `the chart is ${box.width} px wide`);
	const desc = await page.locator('main svg.score-trend desc').first().textContent();
	assert.match(desc, /31 Mar 2014 back \d+, up \d+;/);

	// sorting by a heading's link: highest stepping back first, then lowest
	await Promise.all([page.waitForNavigation(),
	    page.locator('main table.over-time thead a[data-sort="back"]').click()]);
	const backs = await page.locator('main table.over-time tbody td[data-label="Stepping back"]')
	    .evaluateAll((es) => es.map((e) => parseInt(e.textContent, 10)));
	assert.deepEqual(backs, [...backs].sort((a, b) => b - a), `sorted highest first: ${backs}`);
	await lib.screenshot(page, 'program_portfolio-time-sorted.png');

	// the same table as CSV, one line per initiative and quarter
	const r = await context.request.get(lib.URL + `/program/portfolio.csv?${PERIOD}`);
	assert.equal(r.status(), 200);
	assert.match(r.headers()['content-type'], /^text\/csv/);
	const lines = (await r.text()).trim().split('\n');
	assert.equal(lines[0].split(',')[0], 'initiative');
	assert.ok(lines.length > 60, `${lines.length} lines`);

	// the portfolio links it for the program's readers
	await page.goto(lib.URL + '/');
	assert.equal(await page.locator('main a[href="/program/portfolio"]').count(), 1);
});

test('backbone selection: add candidates, tick two, compare side by side (item 6)', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await lib.visit(t, page, '/program/candidates', { suffix: '-empty', narrow: false });

	const add = async (org, round, field, evidence) => {
		await page.goto(lib.URL + '/program/candidates/new');
		await page.locator('main select#org').selectOption(org);
		await page.locator('main input#round').fill(round);
		await page.locator(`main [id="${field}"]`).fill(evidence);
		const res = await lib.submit(t, page, /save|add/i);
		assert.equal(res.status(), 200);
		assert.match(new URL(page.url()).pathname, new RegExp(`/program/candidates/${org}$`));
	};
	await add('millrace-savings', 'Round 2', 'flexible_grants_evidence',
	    'Ran a pooled loan fund from 2012 to 2015');
	await add('harlow-neighborhood-builders', 'Round 2', 'convener_evidence',
	    'Chairs the Harlow Mills committee');

	await lib.visit(t, page, '/program/candidates');
	assert.equal(await page.locator('main table.candidates tbody tr').count(), 2);
	await page.locator('main input[name="c"][value="millrace-savings"]').check();
	await page.locator('main input[name="c"][value="harlow-neighborhood-builders"]').check();
	await lib.submit(t, page, /compare side by side/i);
	const at = new URL(page.url());
	assert.equal(at.pathname, '/program/candidates/compare');
	assert.deepEqual(at.searchParams.getAll('c'), ['millrace-savings', 'harlow-neighborhood-builders']);

	const p = at.pathname + at.search;
	await lib.visit(t, page, p, { suffix: '-two' });
	const heads = await page.locator('main table.compare thead th').allInnerTexts();
	assert.deepEqual(heads, ['Millrace Savings Bank', 'Harlow Neighborhood Builders']);
	const flexible = await page.locator('main table.compare tr', { hasText: 'Flexible grants' })
	    .first().innerText();
	assert.match(flexible, /Ran a pooled loan fund from 2012 to 2015/);
	const supply = await page.locator('main table.compare tr', { hasText: 'What partners would need' })
	    .innerText();
	assert.match(supply, /Revenue: not known/);
	assert.match(supply, /Nothing: it meets every threshold/);
});

test('an evaluator reads the candidates and the portfolio over time, with no form', T, async (t) => {
	if (lib.AUTH !== 'login') {
		t.skip('roles need accounts (E2E_AUTH=login)');
		return;
	}
	const context = await signedIn(t, 'evaluator');
	assert.equal(await lib.status(context, '/program/portfolio'), 200);
	assert.equal(await lib.status(context, '/program/candidates'), 200);
	assert.equal(await lib.status(context, '/program/candidates/new'), 403);
	const page = await context.newPage();
	await page.goto(lib.URL + '/program/candidates');
	assert.equal(await page.locator('main a[href="/program/candidates/new"]').count(), 0);
	await lib.screenshot(page, 'program_candidates-evaluator.png');
});
