// Disbursement approval in the browser (docs/approvals.md): with a
// threshold of $5,000, a ledger entry of $8,000 added with the ledger's
// form is pending; the approvals page lists it with its form; Harlow Mills
// Public Schools (A for "approve budget") approves, a rejection without a
// reason is refused beside the entry, Merrow Valley approves second; the
// entry leaves the page and the ledger lists it approved. Each page is
// looked at at 1280 and 390 px and checked with axe-core.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
const I = '/i/harlow-mills';

// The trellis CLI on the server's database (run.sh's E2E_TRELLIS, E2E_DB).
function cli(...args)
{
	return execFileSync(process.env.E2E_TRELLIS, ['--db', process.env.E2E_DB, ...args],
	    { encoding: 'utf8' });
}

test('a ledger entry above the threshold → two approvals → counted', T, async (t) => {
	cli('settings', 'approval_threshold', '5000');
	t.after(() => cli('settings', '--reset', 'approval_threshold'));
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	const page = await context.newPage();

	// the entry, with the ledger's own form
	await page.goto(lib.URL + `${I}/ledger/new`);
	await page.getByLabel(/^id/i).fill('E2E-1');
	await page.getByLabel(/^date/i).fill('2016-12-01');
	await page.getByLabel(/^grant/i).selectOption('g-1');
	await page.getByLabel(/^amount/i).fill('8000');
	await page.getByLabel(/^kind/i).selectOption('disbursement');
	await page.getByLabel(/^recipient/i).selectOption('merrow-valley-health');
	await page.getByLabel(/^purpose/i).fill('Browser test: outreach in spring');
	await lib.submit(t, page, /save|add/i);
	assert.match(await page.locator('main').innerText(), /Pending/i);

	// the approvals page: the entry, who entered it, the form
	await page.goto(lib.URL + '/program/approvals');
	const entry = page.locator('article#entry-harlow-mills-E2E-1');
	const text = await entry.innerText();
	assert.match(text, /E2E-1 · \$8,000\.00/);
	assert.match(text, /Entered by\s+e2e-admin@example\.org/);
	assert.match(text, /None yet: the first comes from an organization holding A/);
	await lib.screenshot(page, 'approvals-pending.png');
	await lib.checkAxe(t, page, 'the approvals page');
	await lib.checkNarrow(t, page, '/program/approvals', '-pending');

	// a rejection without a reason: refused beside the entry
	const refused = await lib.submit(t, page, /^reject$/i, 'article#entry-harlow-mills-E2E-1');
	assert.equal(refused.status(), 422);
	assert.match(await entry.locator('.error').innerText(), /Reason: is required to reject/);
	await lib.screenshot(page, 'approvals-refused.png');
	await lib.checkAxe(t, page, 'the approvals page with a problem');

	// the first approval: the A-holder of "approve budget", the only one who may (said, no choice)
	assert.equal(await entry.getByLabel(/^for$/i).innerText(), 'Harlow Mills Public Schools');
	await lib.submit(t, page, /^approve$/i, 'article#entry-harlow-mills-E2E-1');
	assert.match(await entry.innerText(),
	    /Approved by Harlow Mills Public Schools \(e2e-admin@example\.org on its behalf\)/);
	await lib.screenshot(page, 'approvals-one.png');
	await lib.checkNarrow(t, page, '/program/approvals', '-one');

	// the second: another member organization, chosen
	const org = entry.getByLabel(/^for$/i);
	assert.ok((await org.locator('option').allInnerTexts()).includes('Merrow Valley Community Health Center'));
	assert.ok(!(await org.locator('option').allInnerTexts()).includes('Harlow Mills Public Schools'));
	await org.selectOption('merrow-valley-health');
	await lib.submit(t, page, /^approve$/i, 'article#entry-harlow-mills-E2E-1');
	assert.equal(await page.locator('article#entry-harlow-mills-E2E-1').count(), 0);
	assert.match(await page.locator('main').innerText(), /No ledger entry awaits approval\./);
	await lib.screenshot(page, 'approvals-done.png');

	// the ledger lists it approved, with its two approvals
	await page.goto(lib.URL + `${I}/ledger?sort=id&dir=asc`);
	const row = page.locator('tr', { hasText: 'E2E-1' });
	assert.match(await row.locator('[data-label="Status"]').innerText(), /approved/i);
	assert.equal(await row.locator('[data-label="Approvals"]').innerText(), '2');
});

// Issue 13's loose end: the candidates compared against an existing team name
// which of its partners offer each trait a candidate lacks (the team chosen on
// the compare page). Looked at at 1280 and 390 px, axe, printed (lib.visit).
test('candidates side by side, against the team of Harlow Mills', T, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context);
	const page = await context.newPage();
	for (const org of ['millrace-savings', 'ashby-latino-business-alliance']) {
		await page.goto(lib.URL + '/program/candidates/new');
		await page.locator('main select#org').selectOption(org);
		await lib.submit(t, page, /save|add/i);
	}
	await page.goto(lib.URL + '/program/candidates/compare?c=millrace-savings&c=ashby-latino-business-alliance');
	await page.locator('main select#team').selectOption('harlow-mills');
	await lib.submit(t, page, /^show$/i);
	const at = new URL(page.url());
	assert.equal(at.searchParams.get('initiative'), 'harlow-mills');
	assert.deepEqual(at.searchParams.getAll('c'), ['millrace-savings', 'ashby-latino-business-alliance']);
	const row = await page.locator('main table.compare tr', { hasText: 'Offered by the team of' }).innerText();
	assert.match(row, /In-kind staffing: Harlow Neighborhood Builders/);
	await lib.visit(t, page, at.pathname + at.search, { suffix: '-team' });
	// the browser files share one server: leave the program's candidates as found
	for (const org of ['millrace-savings', 'ashby-latino-business-alliance']) {
		await page.goto(lib.URL + `/program/candidates/${org}`);
		await lib.submit(t, page, /delete this candidate/i);
		await lib.submit(t, page, /^delete the candidate$/i);
	}
	await page.goto(lib.URL + '/program/candidates');
	assert.equal(await page.locator('main table.candidates').count(), 0);
});
