// Issue 15 in the browser: the program team's pages in Spanish, asked for by
// the browser (Accept-Language: es; the admin account keeps no language of
// its own, so the other test files are not affected) — the program page and
// portfolio, the portfolio over time, the check-in calendar, assistance,
// the learning agenda, candidates, settings, a new initiative, users and
// the audit log, the network page, import and export, survey rounds and
// results, an error page. Each: <html lang="es">, none of a list of English
// words of these pages in what the browser shows, axe-core clean at 1280
// and 390 px, nothing sideways at 390 px nor printed (lib.visit).
// Screenshots: *-es.png and *-es@390.png.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 600000 * lib.SLOW };
// words of these pages' own English (the words other parts write, such as the
// charts' labels and the figures' names, are checked with those parts)
const ENGLISH = /\b(Funded by|The balance of every initiative|Initiatives side by side|Portfolio:|To discuss|Going well|Open follow-ups|Hours per initiative|Assistance given|Learning agenda|Add a note|Candidate backbones|Add a candidate|Save the settings|Next steps|Create the initiative|Add a user|Audit log|Every change|What happened|Every organization on the map|Download the map|Download CSV|One table as CSV|Survey rounds|Open a round|By statement|By category|There is no page|Not found|Period ending|Show)\b/;

async function spanish(page, what)
{
	assert.equal(await page.locator('html').getAttribute('lang'), 'es', `${what}: <html lang>`);
	const text = (await page.locator('body').innerText())
	    .replace(/\S+@\S+/g, '').replace(/\bEnglish\b/g, '');
	const m = text.match(ENGLISH);
	assert.ok(!m, `${what}: English left on the page: "${m && m[0]}"`);
}

const PAGES = [
	['/', 'La cartera en el tiempo'],
	['/program/portfolio', 'Las iniciativas en el tiempo'],
	['/program/checkins', 'en blanco: la iniciativa no estaba en marcha ese mes'],
	['/program/assistance', 'Horas por iniciativa'],
	['/program/learning', 'La agenda de aprendizaje del programa'],
	['/program/candidates', 'Añadir una candidata'],
	['/program/settings', 'Guardar los ajustes'],
	['/program/initiatives/new', 'Crear la iniciativa'],
	['/admin/users', 'Añadir un usuario'],
	['/admin/audit', 'Qué pasó'],
	['/i/harlow-mills/network', 'Todas las organizaciones del mapa'],
	['/import', 'Una tabla como CSV'],
	['/i/harlow-mills/surveys/rounds', 'Abrir una ronda'],
	['/i/harlow-mills/surveys/s-1/results', 'Por afirmación'],
];

test('the program team\'s pages in Spanish: axe, 390 px, no English of their own', T, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context, 'admin');
	await context.setExtraHTTPHeaders({ 'Accept-Language': 'es' });
	const page = await context.newPage();
	for (const [p, words] of PAGES) {
		await lib.visit(t, page, p, { suffix: '-es' });
		await spanish(page, p);
		assert.ok((await page.locator('main').innerText()).includes(words),
		    `${p}: "${words}" on the page`);
	}
});

test('an error page in Spanish: its title and message', T, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context, 'admin');
	await context.setExtraHTTPHeaders({ 'Accept-Language': 'es' });
	const page = await context.newPage();
	const r = await page.goto(`${lib.URL}/no/such/page`);
	assert.equal(r.status(), 404);
	await spanish(page, 'the 404 page');
	assert.equal(await page.locator('h1').innerText(), 'No encontrada');
	assert.match(await page.locator('main').innerText(), /No hay ninguna página en esta dirección\./);
	await lib.screenshot(page, 'error-404-es.png');
	await lib.checkAxe(t, page, 'the 404 page in Spanish');
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, 'error-404-es@390.png');
	await lib.checkFits(page, 'the 404 page in Spanish at 390 px');
});
