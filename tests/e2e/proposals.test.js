// A proposal in the browser (docs/proposals.md): opened with the form,
// answered (a reason asked for beside the field when it is missing), the
// tally and every answer shown, closed, and the decision record it made
// opened from its link. Each page is looked at at 1280 and 390 px and
// checked with axe-core.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
const I = '/i/harlow-mills';

test('open → answer → close → the decision page', T, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	const page = await context.newPage();
	const title = 'Browser test: share one evaluator';

	// found from the Decisions tab
	await page.goto(lib.URL + `${I}/decisions`);
	await page.locator('nav.subtabs').getByRole('link', { name: 'Proposals' }).click();
	await page.waitForLoadState();
	assert.match(page.url(), /\/i\/harlow-mills\/proposals$/);
	await page.getByRole('link', { name: 'Open a proposal' }).click();
	await page.waitForLoadState();

	// open
	assert.match(page.url(), /\/i\/harlow-mills\/proposals\/new$/);
	await page.getByLabel(/^title/i).fill(title);
	await page.getByLabel(/^body/i).fill('We **should** share one evaluator across the team.');
	await page.getByLabel(/^category/i).selectOption('personnel');
	await page.getByLabel(/^closes/i).fill('2099-01-31');
	const asked = page.getByRole('group', { name: /asked/i });
	for (const name of [/Harlow Mills Public Schools/, /Merrow Valley Community Health Center/])
		await asked.getByLabel(name).first().check();
	await page.getByLabel(/^decider/i).selectOption('committee');
	await lib.screenshot(page, 'proposals-new.png');
	await lib.checkAxe(t, page, 'the open form');
	await lib.checkNarrow(t, page, `${I}/proposals/new`);
	await lib.submit(t, page, /open the proposal/i);
	assert.match(page.url(), /\/i\/harlow-mills\/proposals\/P-\d+\?saved=1$/);
	const url = page.url().replace(/\?.*/, '');
	assert.equal(await page.locator('h1').innerText(), title);
	assert.match(await page.locator('main').innerText(), /0 agree, 0 with concerns, 0 object, 2 not answered/);

	// an objection without a reason: refused beside the field, the choice kept
	await page.getByLabel(/^organization/i).selectOption('merrow-valley-health');
	await page.getByLabel(/^object$/i).check();
	const refused = await lib.submit(t, page, /save the answer/i);
	assert.equal(refused.status(), 422);
	const msg = await page.locator('[id="reason-error"]').innerText();
	assert.match(msg, /required for an objection/);
	assert.ok(await page.getByLabel(/^object$/i).isChecked(), 'the answer chosen stays');
	await lib.screenshot(page, 'proposals-answer-refused.png');
	await lib.checkAxe(t, page, 'the answer form with a problem');

	// with a reason; then the schools agree
	await page.getByLabel(/^reason/i).fill('Not before the audit in spring.');
	await lib.submit(t, page, /save the answer/i);
	await page.getByLabel(/^organization/i).selectOption('harlow-public-schools');
	await page.getByLabel(/^agree$/i).check();
	await lib.submit(t, page, /save the answer/i);
	const main = await page.locator('main').innerText();
	assert.match(main, /1 agree, 0 with concerns, 1 object, 0 not answered/);
	assert.match(main, /recorded by e2e-admin@example\.org on behalf of Merrow Valley Community Health Center/);
	await lib.screenshot(page, 'proposals-answered.png');
	await lib.checkAxe(t, page, 'the proposal with its answers');
	await lib.checkNarrow(t, page, url.replace(lib.URL, ''), '-answered');

	// close
	await page.getByLabel(/^outcome/i).fill('We share one evaluator from the autumn.');
	await lib.submit(t, page, /close the proposal/i);
	const closed = await page.locator('main').innerText();
	assert.match(closed, /Closed \d+ [A-Z][a-z]{2} \d{4}/);
	assert.match(closed, /We share one evaluator from the autumn\./);
	assert.equal(await page.getByRole('button', { name: /save the answer/i }).count(), 0,
	    'a closed proposal takes no answers');
	await lib.screenshot(page, 'proposals-closed.png');

	// the decision it made
	await page.getByRole('link', { name: /^Decision P-\d+$/ }).click();
	await page.waitForLoadState();
	assert.match(page.url(), /\/i\/harlow-mills\/decisions\/P-\d+$/);
	const decision = await page.locator('main').innerText();
	assert.match(decision, new RegExp(title));
	assert.match(decision, /Merrow Valley Community Health Center \(objects\): Not before the audit in spring\./);
	await lib.screenshot(page, 'proposals-decision.png');
	await lib.checkAxe(t, page, 'the decision the proposal made');
	await lib.checkNarrow(t, page, page.url().replace(lib.URL, ''), '-from-proposal');

	// the list
	await page.goto(lib.URL + `${I}/proposals`);
	assert.match(await page.locator('main').innerText(), new RegExp(title));
	await lib.screenshot(page, 'proposals-list.png');
	await lib.checkAxe(t, page, 'the list of proposals');
	await lib.checkNarrow(t, page, `${I}/proposals`);
});
