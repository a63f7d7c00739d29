// The record pages as people use them (issue 11, points 5, 6, 8 and 10):
// a form shows every problem at once, in words, beside its field, with the
// value as typed; pickers offer the initiative's own people first; delete
// asks first, and a save says so; lists are linked on titles, with the
// funder, the vendor and a total. Each page is looked at at 1280 and 390 px.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 120000 * lib.SLOW };
const I = '/i/harlow-mills';

async function signedIn(t)
{
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	return context;
}

test('point 5: every problem of a form at once, in words, with the value as typed', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.goto(lib.URL + `${I}/ledger/new`);
	await page.getByLabel(/^amount/i).fill('-12,5x');
	await page.getByLabel(/^date/i).fill('');
	await lib.submit(t, page, /add the ledger entry/i);

	const summary = page.locator('.error-summary');
	const items = await summary.locator('li').allInnerTexts();
	assert.ok(items.length >= 3, `every problem at once: ${items.join(' | ')}`);
	for (const it of items) {
		assert.match(it, /^[A-Z][a-z ]*(, row \d+, [a-z ]+)?: /, `named by its label: ${it}`);
		assert.doesNotMatch(it, /[a-z]_[a-z]|YYYY/, `no codes or formats: ${it}`);
	}
	assert.equal(await page.getByLabel(/^amount/i).inputValue(), '-12,5x', 'the amount as typed');
	const amountMsg = await page.locator('[id="amount-error"]').innerText();
	assert.match(amountMsg, /“-12,5x”/, `the message quotes what was typed: ${amountMsg}`);
	assert.equal(await page.locator('main').getByText(/\d{4}-\d{2}-\d{2}/).count(), 0,
	    'no ISO date printed where the person reads');
	await lib.screenshot(page, 'recui-form-errors.png');
	await lib.checkAxe(t, page, 'the ledger form with problems');
	await lib.checkNarrow(t, page, `${I}/ledger`, '-errors');
});

test('point 6: attendees of the team first, others behind "Someone else…"; budget lines to pick', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.goto(lib.URL + `${I}/checkins/new`);
	const group = page.getByRole('group', { name: /attendees/i });
	const others = group.locator('details', { hasText: 'Someone else…' });
	assert.equal(await others.count(), 1, 'the others sit in one "Someone else…" group');
	assert.equal(await others.getAttribute('open'), null, 'folded away');
	const visible = await group.locator('input[type=checkbox]:visible').count();
	const all = await group.locator('input[type=checkbox]').count();
	assert.ok(visible > 0 && visible < all / 2,
	    `the team's people shown (${visible}), the rest (${all - visible}) folded`);
	await others.locator('summary').click();
	assert.ok(await group.locator('input[type=checkbox]:visible').count() === all, 'opened: everyone');
	await lib.screenshot(page, 'recui-attendees.png');

	await page.goto(lib.URL + `${I}/ledger/new`);
	const line = page.getByLabel(/^line/i);
	assert.equal(await line.evaluate((e) => e.tagName), 'SELECT', 'the budget line is a select');
	const groups = await line.locator('optgroup').count();
	assert.ok(groups >= 1, 'grouped by grant');
	await lib.checkNarrow(t, page, `${I}/ledger/new`);
});

test('point 8: delete asks first; a save says so', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	const title = 'Browser test: a decision to delete';
	await page.goto(lib.URL + `${I}/decisions/new`);
	await page.getByLabel(/^title/i).fill(title);
	await page.getByLabel(/category/i).selectOption('strategy');
	await page.getByLabel(/proposed/i).fill('2016-07-01');
	await page.getByLabel(/^decided/i).fill('2016-07-02');
	await page.getByLabel(/decider/i).selectOption('committee');
	await lib.submit(t, page, /add the decision/i);
	const flash = page.locator('p.flash[role=status]');
	assert.equal(await flash.innerText(), `Decision ‘${title}’ saved.`);
	const recordUrl = page.url().replace(/\?.*/, '');
	await lib.screenshot(page, 'recui-saved.png');

	await lib.submit(t, page, /delete this decision/i);
	const question = page.locator('main .confirm');
	assert.match(await question.innerText(), new RegExp(`Delete the decision ‘${title}’\\? This cannot be undone`));
	await lib.screenshot(page, 'recui-delete-confirm.png');
	await lib.checkNarrow(t, page, `${I}/decisions/delete`);
	// Cancel keeps it
	await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Cancel' }).click()]);
	assert.equal(page.url(), recordUrl);
	assert.equal(await page.locator('h1').innerText(), title);
	// Delete deletes
	await lib.submit(t, page, /delete this decision/i);
	await lib.submit(t, page, /^delete the decision$/i);
	assert.equal(await page.locator('p.flash[role=status]').innerText(), 'The decision was deleted.');
	assert.equal(await lib.status(context, recordUrl.replace(lib.URL, '')), 404);
});

test('point 10: lists linked on titles, contrary views, progress, funder, vendor, totals', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.goto(lib.URL + `${I}/decisions`);
	const firstLink = page.locator('table.records tbody tr').first().locator('a');
	assert.doesNotMatch(await firstLink.innerText(), /^d-\d+$/, 'the link is the title, not the id');
	assert.ok(await page.locator('td[data-label="Contrary views"]', { hasText: '⚑ yes' }).count() > 0,
	    'decisions with contrary views are marked');
	await lib.screenshot(page, 'recui-decisions.png');
	await lib.checkNarrow(t, page, `${I}/decisions`);

	await page.goto(lib.URL + `${I}/checkins`);
	assert.ok(await page.locator('td[data-label="Progress"]').count() > 0, 'check-ins show progress');

	await page.goto(lib.URL + `${I}/ledger`);
	const grants = await page.locator('td[data-label="Grant"]').allInnerTexts();
	assert.ok(grants.length > 0 && grants.every((g) => !/^g-\d+$/.test(g)), 'the funder, not g-1');
	assert.ok(await page.locator('td[data-label="Recipient"]', { hasText: 'Outside vendor' }).count() > 0,
	    'money paid to a vendor says so');
	assert.match(await page.locator('p.total').innerText(), /^Total of the \d+ listed: \$[\d,]+\.\d\d$/);
	await lib.screenshot(page, 'recui-ledger.png');
	await lib.checkNarrow(t, page, `${I}/ledger`);

	await page.goto(lib.URL + '/program/organizations/atlantic-reserve');
	assert.doesNotMatch(await page.locator('h1').innerText(), /atlantic-reserve/, 'titled by the name');
});
