// Issue 13, items 3–5, as the program team meets them in the browser: a
// check-in recorded with a follow-up, open on the program page until marked
// done there; the check-in calendar; a learning note linked to an alert,
// read on the agenda; technical assistance recorded and counted per
// initiative. Every page checked with axe, at 1280 and 390 px and on A4.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 120000 * lib.SLOW };

async function signedIn(t)
{
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	return context;
}

test('a check-in with a follow-up: open on the program page, then marked done there', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await page.goto(`${lib.URL}/i/harlow-mills/checkins/new`);
	await page.fill('input[name="id"]', 'c-e2e');
	await page.fill('input[name="date"]', '2016-12-06');
	await page.check('input[name="attendees"][value="diego-mensah"]');
	await page.check('input[name="organizations"][value="harlow-neighborhood-builders"]');
	await page.fill('textarea[name="progress"]', 'The budget is agreed with the committee.');
	await page.fill('input[name="follow_ups.0.text"]', 'Send the revised budget to partners');
	await page.selectOption('select[name="follow_ups.0.owner"]', 'diego-mensah');
	await page.fill('input[name="follow_ups.0.due"]', '2016-12-20');
	await lib.screenshot(page, 'funder-checkin-form.png');
	await lib.submit(t, page, /^(Add|Save)/);
	assert.match(page.url(), /\/i\/harlow-mills\/checkins/);

	await lib.visit(t, page, '/', { suffix: '-followups' });
	const list = page.locator('main section.followups');
	await list.scrollIntoViewIfNeeded();
	await lib.screenshot(page, 'funder-followups.png');
	const row = list.locator('tr', { hasText: 'Send the revised budget to partners' });
	assert.equal(await row.count(), 1, 'the follow-up is listed on the program page');
	assert.match(await row.innerText(), /20 Dec 2016 overdue/);
	assert.match(await row.innerText(), /Diego Mensah/);
	await Promise.all([page.waitForNavigation(),
	    row.getByRole('button', { name: /Mark .*Send the revised budget.* done/ }).click()]);
	assert.equal(new URL(page.url()).pathname, '/');
	assert.equal(await page.locator('main section.followups tr',
	    { hasText: 'Send the revised budget to partners' }).count(), 0, 'done: gone from the list');
});

test('the check-in calendar: months across, initiatives down, each cell a link', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await lib.visit(t, page, '/program/checkins?as_of=2016-12-31&months=12');
	assert.equal(await page.locator('table.calendar tbody tr').count(), 6);
	assert.equal(await page.locator('table.calendar thead th').count(), 13);
	const held = page.locator('table.calendar td.month-yes a').first();
	assert.match(await held.getAttribute('href'), /^\/i\/[a-z-]+\/checkins\/[A-Za-z0-9.-]+$/);
	assert.ok(await page.locator('table.calendar td.month-no a').count() > 0, 'a missing month');
	// the month columns all fit the page at 1280 px
	const box = await page.locator('table.calendar').boundingBox();
	assert.ok(box.width <= 1280, `the calendar is ${box.width} px wide`);
});

test('a learning note linked to an alert, read on the agenda', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await page.goto(`${lib.URL}/program/learning`);
	await page.fill('#add-h ~ form input[name="date"]', '2016-12-21');
	await page.fill('#add-h ~ form textarea[name="text"]',
	    'Harlow Mills settles most choices in-house; the dominance alert asks why.');
	await page.check('#add-h ~ form input[name="initiatives"][value="harlow-mills"]');
	await page.selectOption('select[name="evidence.0.kind"]', 'alert');
	await page.selectOption('select[name="evidence.0.initiative"]', 'harlow-mills');
	await page.fill('input[name="evidence.0.ref"]', 'dominance');
	await page.fill('input[name="evidence.0.as_of"]', '2016-12-31');
	await lib.submit(t, page, /Add the note/);
	assert.equal(new URL(page.url()).pathname, '/program/learning');
	await lib.visit(t, page, '/program/learning?initiative=harlow-mills');
	const note = page.locator('li.entry', { hasText: 'settles most choices in-house' });
	assert.equal(await note.count(), 1);
	const link = note.getByRole('link', { name: /Alert “backbone dominance” in Harlow Mills/ });
	assert.equal(await link.getAttribute('href'), '/i/harlow-mills?as_of=2016-12-31#to-discuss');
	await Promise.all([page.waitForNavigation(), link.click()]);
	assert.equal(await page.locator('#to-discuss').count(), 1, 'the alert link lands on "To discuss"');
});

test('technical assistance recorded, counted per initiative across the program', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await page.goto(`${lib.URL}/i/harlow-mills/assistance/new`);
	await page.fill('input[name="id"]', 'ta-e2e');
	await page.fill('input[name="date"]', '2016-11-15');
	await page.selectOption('select[name="provider"]', 'atlantic-reserve');
	await page.fill('input[name="topic"]', 'Designing a shared decision process');
	await page.fill('input[name="hours"]', '7.5');
	await page.check('input[name="answers"][value="dominance"]');
	await page.check('input[name="answers"][value="convener"]');
	await lib.screenshot(page, 'funder-assistance-form.png');
	await lib.submit(t, page, /^(Add|Save)/);
	await lib.visit(t, page, '/program/assistance');
	const total = page.locator('table.totals tr', { hasText: 'Harlow Mills' });
	assert.match(await total.innerText(), /7\.5 h/);
	const item = page.locator('table.assistance tr', { hasText: 'Designing a shared decision process' });
	assert.match(await item.innerText(), /Alert: backbone dominance/);
	assert.match(await item.innerText(), /Gap: credibility as a convener/);
	await lib.visit(t, page, '/i/harlow-mills/assistance');
});
