// Issue 15 in the browser: the initiative's own pages in Spanish (the
// browser asks for it with Accept-Language) — record lists, a record's page
// with its edit form, the add forms and their problems, the team page, the
// shared result, the proposals, an alert's answer page and the program's
// open actions — each with <html lang="es">, none of a list of English
// words in what the browser shows (the demo's names and titles are data,
// and none of these words is in them), axe-core clean at 1280 and 390 px,
// nothing sideways at 390 px (lib.visit). Screenshots: *-es.png, *-es@390.png.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 300000 * lib.SLOW };
const I = '/i/harlow-mills';
const ENGLISH = /\b(Save|Delete|Change|Filter|Download|Budget|Actual|Ledger|Grants|Decisions|Members|Responsibilities|Measurements|Progress toward|Months|Proposals|Reason|Organization|overdue|Owner|optional|choose|required|Attended|Expected|Category|Decider|Consulted|Informed|Recipient|Outcome|Previous|Next|Page \d|Sort by)\b/;

// Fails when the page is not in Spanish: its lang, and the words it shows
// (innerText) less the data (email addresses, the switch's "English").
async function spanish(page, what)
{
	assert.equal(await page.locator('html').getAttribute('lang'), 'es', `${what}: <html lang>`);
	const text = (await page.locator('body').innerText())
	    .replace(/\S+@\S+/g, '').replace(/\bEnglish\b/g, '');
	const m = text.match(ENGLISH);
	assert.ok(!m, `${what}: English left on the page: "${m && m[0]}"`);
}

async function spanishContext(t)
{
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context, 'admin');
	await context.setExtraHTTPHeaders({ 'Accept-Language': 'es-US,es;q=0.9' });
	return context;
}

test('the record lists and the team page in Spanish', T, async (t) => {
	const context = await spanishContext(t);
	const page = await context.newPage();
	for (const p of [`${I}/decisions`, `${I}/ledger`, `${I}/checkins`, `${I}/events`,
	    `${I}/members`, `${I}/responsibilities`]) {
		await lib.visit(t, page, p, { suffix: '-es' });
		await spanish(page, p);
	}
	await page.goto(`${lib.URL}${I}/ledger`);
	assert.equal(await page.locator('h1').innerText(), 'Dinero: Libro de pagos');
	assert.match(await page.locator('main .actions a.button').first().innerText(), /^Añadir pago$/);
});

test('a record, the add forms and their problems in Spanish', T, async (t) => {
	const context = await spanishContext(t);
	const page = await context.newPage();
	await page.goto(`${lib.URL}${I}/decisions`);
	const href = await page.locator('table.records tbody a').first().getAttribute('href');
	for (const p of [href, `${I}/grants/g-1`, `${I}/decisions/new`, `${I}/grants/new`]) {
		await lib.visit(t, page, p, { suffix: '-es' });
		await spanish(page, p);
	}
	// the add form sent empty: every problem beside its field, in Spanish
	await page.goto(`${lib.URL}${I}/decisions/new`);
	await page.locator('#title').fill('');
	await page.locator('#proposed').fill('');
	const r = await lib.submit(t, page, /^Añadir decisión$/);
	assert.equal(r.status(), 422);
	await spanish(page, 'the add form with its problems');
	assert.match(await page.locator('.error-summary h2').innerText(), /^Hay \d+ problemas?$/);
	assert.match(await page.locator('#title-error').innerText(), /Complete este dato: es obligatorio\./);
	await lib.screenshot(page, 'es-team-form-errors-es.png');
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, 'es-team-form-errors-es@390.png');
	await lib.checkFits(page, 'the form with its problems at 390 px');
	await lib.checkAxe(t, page, 'the form with its problems at 390 px');
	await page.setViewportSize(lib.WIDE);
});

test('the shared result, the proposals, an alert answer and the open actions in Spanish', T, async (t) => {
	const context = await spanishContext(t);
	const page = await context.newPage();
	for (const p of [`${I}/observations`, `${I}/proposals`, `${I}/proposals/new`,
	    `${I}/alerts/shared_leadership?as_of=2016-12-31&months=12`, '/program/actions']) {
		await lib.visit(t, page, p, { suffix: '-es' });
		await spanish(page, p);
	}
	await page.goto(`${lib.URL}${I}/observations`);
	assert.equal(await page.locator('#progress-h').innerText(), 'Avance hacia la meta');
});

// The dashboard's layout is not in these files (report_html.c): only what is
// here is checked — its balance chart in Spanish, laid out without overflow.
test('the dashboard: its balance chart in Spanish, nothing sideways at 390 px', T, async (t) => {
	const context = await spanishContext(t);
	const page = await context.newPage();
	await lib.visit(t, page, I, { suffix: '-es' });
	assert.equal(await page.locator('html').getAttribute('lang'), 'es');
	const titles = await page.locator('svg.chart.quadrant title').allTextContents();
	assert.ok(titles.includes('El equilibrio: hacerse a un lado frente a dar un paso al frente'),
	    `the quadrant's title: ${titles}`);
});
