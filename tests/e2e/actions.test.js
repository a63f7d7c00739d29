// The team's answer to an alert and its actions (issue 12), as a person
// does it in a browser: from the dashboard's alert to its answer page,
// write the answer (Markdown), agree two actions, mark one done; see the
// answer and the actions under the alert on the dashboard, the period
// after show what became of them, and the funder's open actions across
// the portfolio list the one still open, overdue. Every page is checked
// with axe-core and photographed at 1280 and 390 px.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
const SLUG = 'port-ashby';
const PERIOD = 'as_of=2016-12-31&months=12';

test('answer an alert, agree actions, mark one done, see them in the report and the portfolio', T, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	if (await lib.skipUnlessPage(t, context, `/i/${SLUG}/alerts/blurred_boundaries?${PERIOD}`))
		return;
	const page = await context.newPage();

	// the dashboard: under the alert, no answer yet and the way to write it
	await lib.visit(t, page, `/i/${SLUG}?${PERIOD}`, { suffix: '-before-answer' });
	const alert = page.locator('ul.alerts > li').filter({ hasText: /own programs or overhead/ });
	await alert.getByText('Not answered yet.').waitFor();
	await Promise.all([page.waitForNavigation(),
	    alert.getByRole('link', { name: /write the team.s answer/i }).click()]);
	assert.equal(new URL(page.url()).pathname, `/i/${SLUG}/alerts/blurred_boundaries`);
	await lib.visit(t, page, `/i/${SLUG}/alerts/blurred_boundaries?${PERIOD}`, { suffix: '-empty' });

	// the answer, in Markdown
	await page.getByLabel(/^answer/i).fill('We will **separate** the backbone overhead from the initiative\'s budget.\n\n- a line of its own\n- reviewed by the committee');
	await lib.submit(t, page, /write the answer/i);
	await page.getByText('The answer is saved.').waitFor();
	assert.equal(await page.locator('main .md strong').first().innerText(), 'separate');

	// two actions, one owner each
	const actions = [
		{ title: 'Move overhead to a budget line of its own', org: /Ashby Harbor Neighborhood/, due: '2017-01-31' },
		{ title: 'Report the overhead at each committee meeting', org: /Latino Business Alliance/, due: '2017-02-28' },
	];
	for (const a of actions) {
		await page.getByLabel(/^title/i).fill(a.title);
		const sel = page.getByLabel(/owner org/i);
		const opts = await sel.locator('option').evaluateAll((os) => os.map((o) => ({ v: o.value, l: o.textContent })));
		await sel.selectOption(opts.find((o) => a.org.test(o.l)).v);
		await page.getByLabel(/^due/i).fill(a.due);
		await lib.submit(t, page, /add the action/i);
		await page.getByText('The action is added.').waitFor();
		await page.getByText(a.title).first().waitFor();
	}

	// the first one done
	const first = page.locator('ul.action-list.editable > li').filter({ hasText: actions[0].title });
	await first.getByLabel(/status/i).selectOption('done');
	await Promise.all([page.waitForNavigation(),
	    first.getByRole('button', { name: /change the status/i }).click()]);
	await page.getByText('The action\'s status is changed.').waitFor();
	const done = page.locator('ul.action-list.editable > li').filter({ hasText: actions[0].title });
	assert.match(await done.locator('span.status').first().textContent(), /^done$/);
	await lib.visit(t, page, `/i/${SLUG}/alerts/blurred_boundaries?${PERIOD}`, { suffix: '-answered' });

	// the dashboard (the web report) shows the answer and both actions under the alert
	await lib.visit(t, page, `/i/${SLUG}?${PERIOD}`, { suffix: '-answered' });
	const answered = page.locator('ul.alerts > li').filter({ hasText: /own programs or overhead/ });
	await answered.locator('.answer .md strong', { hasText: 'separate' }).waitFor();
	assert.match(await answered.locator('.answer').innerText(), /Move overhead to a budget line of its own/);
	assert.match(await answered.locator('.answer').innerText(), /Report the overhead at each committee meeting/);

	// the next period: what became of them
	await lib.visit(t, page, `/i/${SLUG}?as_of=2017-01-31&months=12`, { suffix: '-next-period' });
	const earlier = page.locator('#earlier-actions + ul.action-list');
	assert.match(await earlier.innerText(), /done\s+Blurred boundaries, December 2016: Move overhead/i);
	assert.match(await earlier.innerText(), /open\s+Blurred boundaries, December 2016: Report the overhead/i);

	// the funder's open actions: the open one, overdue (its due date is past), not the done one
	await lib.visit(t, page, '/program/actions');
	const row = page.locator('table.open-actions tbody tr').filter({ hasText: actions[1].title });
	await row.waitFor();
	assert.match(await row.innerText(), /28 Feb 2017\s+overdue/i);
	assert.match(await row.innerText(), /Port Ashby/);
	assert.equal(await page.locator('table.open-actions').getByText(actions[0].title).count(), 0);
});
