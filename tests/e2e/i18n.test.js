// Issue 15 in the browser: the pages translated so far, opened in Spanish
// (the switch's ?lang=es, remembered by its cookie) — the sign-in page, a
// signed-in member's settings and dashboard frame, a survey link made with
// `trellis survey invite --lang es` (its answer form, a missing answer
// answered beside the question, the thanks) — each with <html lang="es">,
// none of a list of English words in what the browser shows, axe-core
// clean at 1280 and 390 px, nothing sideways at 390 px (lib.visit).
// Screenshots: i18n-*.png and @390.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
const ENGLISH = /\b(Sign in|Sign out|Password|Email address|Skip to content|Your settings|Question|Strongly|agree|disagree|Send my answers|There is a problem|Thank you|Save|digest|Daily|Weekly|Language|The team trusts|anonymous|answers)\b/;

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

// A survey link of harlow-mills made in Spanish, by the CLI, on the test's database.
function spanishLink(id)
{
	const cli = (...a) => execFileSync(process.env.E2E_TRELLIS, ['--db', process.env.E2E_DB, ...a],
	    { encoding: 'utf8' });
	cli('survey', 'open', '--initiative', 'harlow-mills', '--instrument', 'director-support',
	    '--id', id, '--date', '2017-03-01');
	const out = cli('survey', 'invite', '--initiative', 'harlow-mills', '--survey', id,
	    '--lang', 'es', '--person', 'carmen-brennan', '--url', lib.URL);
	const m = out.match(/\/s\/[A-Za-z0-9_-]{43}/);
	assert.ok(m, `no link in: ${out}`);
	return m[0];
}

test('signed out: the sign-in page in Spanish, chosen with the switch', T, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	const page = await context.newPage();
	await page.goto(`${lib.URL}/login`);
	assert.equal(await page.locator('html').getAttribute('lang'), 'en');
	// the switch is a plain link: the choice is kept by its cookie from then on
	await Promise.all([page.waitForNavigation(), page.locator('nav.langs a[lang="es"]').click()]);
	await spanish(page, '/login?lang=es');
	await lib.visit(t, page, '/login', { suffix: '-es' });
	await spanish(page, '/login');
	assert.equal(await page.locator('h1').innerText(), 'Iniciar sesión');
});

test('signed in: settings and a dashboard frame in Spanish; the choice saved to the account', T, async (t) => {
	if (lib.AUTH !== 'login')
		return t.skip('needs accounts (E2E_AUTH=login)');
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context, 'member');
	const page = await context.newPage();
	await page.goto(`${lib.URL}/account?lang=es`);
	await lib.visit(t, page, '/account', { suffix: '-es' });
	await spanish(page, '/account');
	assert.ok(await page.locator('#lang-es').isChecked(), 'the account shows Spanish as its own');
	await page.goto(`${lib.URL}/i/harlow-mills`);
	assert.equal(await page.locator('html').getAttribute('lang'), 'es');
	const tabs = await page.locator('header nav.tabs a').allInnerTexts();
	assert.deepEqual(tabs.slice(0, 3), ['Resumen', 'Equipo y roles', 'Decisiones']);
	await lib.screenshot(page, 'i18n-dashboard-es.png');
	// the frame alone, to look at: the top bar with the switch, the tabs
	await page.locator('header.top').screenshot({ path: `${lib.ARTIFACTS}/i18n-header-es.png` });
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, 'i18n-dashboard-es@390.png');
	await page.locator('header.top').screenshot({ path: `${lib.ARTIFACTS}/i18n-header-es@390.png` });
	await lib.checkFits(page, 'the dashboard in Spanish at 390 px');
	// back to English for the other tests of this account
	await page.goto(`${lib.URL}/account?lang=en`);
});

test('a survey link made in Spanish: the form, a missing answer, the thanks', T, async (t) => {
	const link = spanishLink('e2e-es');
	const context = await lib.launch();
	t.after(() => context.close());
	const page = await context.newPage();
	await lib.visit(t, page, link, { suffix: '-es' });
	await spanish(page, 'the answer form');
	assert.match(await page.locator('legend').first().innerText(), /^1\. El equipo confía/);

	// one answer only, sent past the browser's own check: the server's message in Spanish
	await page.locator('input[name="trusted"][value="4"]').check();
	await page.locator('form.survey').evaluate((f) => { f.noValidate = true; });
	const r = await lib.submit(t, page, /Enviar mis respuestas/);
	assert.equal(r.status(), 422);
	await spanish(page, 'the form sent with answers missing');
	assert.match(await page.locator('.error-summary').innerText(), /Pregunta 2/);
	await lib.screenshot(page, 'i18n-answer-missing-es.png');
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, 'i18n-answer-missing-es@390.png');
	await lib.checkFits(page, 'the form with its errors at 390 px');
	await lib.checkAxe(t, page, 'the form with its errors at 390 px');
	await page.setViewportSize(lib.WIDE);

	for (const item of ['trusted', 'supported', 'works_for_initiative', 'shared_oversight'])
		await page.locator(`input[name="${item}"][value="5"]`).check();
	await lib.submit(t, page, /Enviar mis respuestas/);
	assert.equal(new URL(page.url()).pathname, '/s/thanks');
	await spanish(page, 'the thanks');
	assert.equal(await page.locator('h1').innerText(), 'Gracias');
	await lib.screenshot(page, 'i18n-thanks-es.png');
	await lib.checkAxe(t, page, 'the thanks in Spanish');
});
