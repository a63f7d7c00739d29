// Issue 11, points 3, 13 and the strengths of point 1, as a funder and a team
// meet them in the browser: the portfolio as a comparison page (a large
// quadrant whose labels never overlap, trails from a year earlier, marks by
// alerts, a table sorted by its headings without script, totals in a footer,
// fitting 390 px and A4), N and "provisional" beside scores and figures, and
// the records behind each strength as lines on the dashboard.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 120000 * lib.SLOW };
const PERIOD = 'as_of=2016-12-31&months=12';

async function signedIn(t)
{
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	return context;
}

// The SVG boxes (getBBox, in the chart's own units) of the quadrant's point labels.
async function labelBoxes(page)
{
	return page.locator('main svg.quadrant text.label').evaluateAll((es) => es.map((e) => {
		const b = e.getBBox();
		return { text: e.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
	}));
}

function assertNoOverlap(boxes, what)
{
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i], b = boxes[j];
			const meet = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
			assert.ok(!meet, `${what}: the labels "${a.text}" and "${b.text}" overlap`);
		}
}

test('the portfolio compares initiatives: large quadrant, labels apart, trails, marks (point 3)', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await lib.visit(t, page, `/?${PERIOD}`, { suffix: '-portfolio' });

	const q = await page.locator('main svg.quadrant').boundingBox();
	assert.ok(q.width >= 600, `the quadrant is ${q.width} px wide at 1280 px`);
	const labels = await labelBoxes(page);
	assert.equal(labels.length, 6, 'a label for each of the six initiatives');
	assertNoOverlap(labels, 'the demo at 1280 px');
	// a trail (the point a year earlier and a line to now) for every initiative
	assert.equal(await page.locator('main svg.quadrant g.trail').count(), 6);
	// points marked by their alerts, in more than one way, with a legend in words
	const marks = await page.locator('main svg.quadrant .pt').evaluateAll((es) =>
	    [...new Set(es.map((e) => e.getAttribute('class')))]);
	assert.ok(marks.length >= 2, `the points are all marked alike: ${marks}`);
	const legend = await page.locator('main ul.legend').innerText();
	assert.match(legend, /nothing raised/);
	assert.match(legend, /two or more alerts/);

	await page.setViewportSize(lib.PHONE);
	assertNoOverlap(await labelBoxes(page), 'the demo at 390 px');
	await lib.checkFits(page, 'the portfolio at 390 px');
});

test('the table sorts by its headings without script, and totals in its footer (point 3)', T, async (t) => {
	// the page carries no script: the headings are plain links
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.goto(`${lib.URL}/?${PERIOD}`);
	const heads = await page.locator('table.portfolio thead th a').allInnerTexts();
	assert.ok(heads.length >= 11, `${heads.length} sortable headings`);
	await Promise.all([page.waitForNavigation(),
	    page.locator('table.portfolio thead th a', { hasText: 'Stepping back' }).click()]);
	assert.match(page.url(), /sort=back&dir=desc/);
	const backs = await page.locator('table.portfolio tbody td[data-label="Stepping back"]')
	    .evaluateAll((es) => es.map((e) => parseInt(e.firstChild.textContent, 10)));
	assert.deepEqual(backs, [...backs].sort((a, b) => b - a), `not highest first: ${backs}`);
	// the same heading again: lowest first
	await Promise.all([page.waitForNavigation(),
	    page.locator('table.portfolio thead th a', { hasText: 'Stepping back' }).click()]);
	assert.match(page.url(), /sort=back&dir=asc/);
	const foot = await page.locator('table.portfolio tfoot').innerText();
	assert.match(foot, /Portfolio: 6 initiatives/);
	assert.match(foot, /mean of 6/);
	assert.match(foot, /\$[0-9,]+\.[0-9]{2}/);
	// alerts link to the initiative's "To discuss"
	const href = await page.locator('table.portfolio td.alerts-cell a').first().getAttribute('href');
	assert.match(href, /^\/i\/[a-z-]+#to-discuss$/);
	await lib.screenshot(page, 'portfolio-sorted.png');
});

test('N beside every score and figure, provisional under the minimum (point 13)', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	// one month: few records, so some figures are provisional
	await page.goto(`${lib.URL}/?as_of=2016-12-31&months=1`);
	const cells = await page.locator('table.portfolio tbody td[data-label="Stepping back"]').allInnerTexts();
	for (const c of cells)
		assert.ok(c.trim() === '—' || /N = \d+ parts/.test(c), `a score without N: "${c}"`);
	assert.ok(await page.locator('table.portfolio .prov').count() > 0, 'nothing provisional in a month');
	await page.goto(`${lib.URL}/i/harlow-mills?as_of=2016-12-31&months=1`);
	const score = await page.locator('main .score').first().innerText();
	assert.match(score, /N = \d+ parts/);
	assert.ok(await page.locator('main table.figures .prov').count() > 0,
	    'no figure of a one-month period is marked provisional');
	await lib.screenshot(page, 'dashboard-provisional.png');
});

test('the records behind each strength are lines on the dashboard (point 1)', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await page.goto(`${lib.URL}/i/harlow-mills?${PERIOD}`);
	const strengths = page.locator('main ul.strengths > li');
	const n = await strengths.count();
	assert.ok(n >= 3, `${n} strengths`);
	for (let i = 0; i < n; i++) {
		const li = strengths.nth(i);
		assert.ok(await li.locator('.evidence li').count() > 0,
		    `the strength "${(await li.innerText()).slice(0, 60)}" shows no records`);
	}
	// a line: the title linked to its record, the date, the fact
	const line = strengths.first().locator('.evidence li').first();
	const href = await line.locator('a').getAttribute('href');
	assert.match(href, /^\/i\/harlow-mills\/[a-z]+(\/|#)/);
	assert.match(await line.innerText(), /· \d{1,2} [A-Z][a-z]{2} \d{4} — /);
	await lib.screenshot(page, 'dashboard-strengths.png');
	await page.setViewportSize(lib.PHONE);
	await lib.checkFits(page, 'the dashboard with evidence at 390 px');
});
