// Issue 15, the reports in the browser: a dashboard's overview — the balance
// report's sections (the balance chart and scores, To discuss with its
// observations, questions and records, Going well, the shared result's
// chart, the network map, the key figures) — asked for in Spanish with
// Accept-Language (so no account's choice changes), its sections' headings
// and sentences in Spanish, axe-core clean at 1280 and 390 px, nothing
// sideways at 390 px. Screenshots: es-reports-*.png and @390.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
// the English of the report's own words (record titles and names are data)
const ENGLISH = /\b(The balance|To discuss|Going well|Key figures|The shared result|Stepping back|Stepping up|Nothing raised|records? behind this|decided by|Is that how|Backbone capacity|Who works with whom|Figure|Value)\b/;

test('a dashboard overview in Spanish: the report sections', T, async (t) => {
	const context = await lib.launch();
	t.after(() => context.close());
	await lib.signIn(context, 'admin');
	const page = await context.newPage();
	await page.setExtraHTTPHeaders({ 'Accept-Language': 'es' });
	await lib.visit(t, page, '/i/quarry-bend?as_of=2016-12-31', { suffix: '-es' });
	assert.equal(await page.locator('html').getAttribute('lang'), 'es');

	const headings = await page.locator('main h2').allInnerTexts();
	for (const h of ['El equilibrio', 'Para conversar', 'Lo que va bien', 'Cifras clave'])
		assert.ok(headings.includes(h), `no heading "${h}" in ${JSON.stringify(headings)}`);
	const alerts = await page.locator('ul.alerts > li').allInnerTexts();
	assert.ok(alerts.length >= 3, `alerts: ${alerts.length}`);
	assert.match(alerts[0], /^Para conversar: 15 de las 18 decisiones tomadas en los 12 meses hasta el 31 dic 2016/);
	assert.match(alerts[0], /¿Es así como el equipo quiere decidir\?/);
	assert.match(alerts[0], /la decidió la organización central por sí sola/);

	// the report's own words: the headings, tags, notes, chart titles, table heads
	const own = (await page.locator('main h2, main h3, .tag, .note, .fig-n, svg title, th, ' +
	    '.evidence > p, .answer-head, .answer-link').allInnerTexts()).join('\n');
	const m = own.match(ENGLISH);
	assert.ok(!m, `English left in the report's sections: "${m && m[0]}"`);

	await lib.screenshot(page, 'es-reports-overview-es.png');
	await page.locator('div.balance').screenshot({ path: `${lib.ARTIFACTS}/es-reports-balance-es.png` });
	await page.locator('ul.alerts').screenshot({ path: `${lib.ARTIFACTS}/es-reports-alerts-es.png` });
	await page.locator('table.survey').first().screenshot({ path: `${lib.ARTIFACTS}/es-reports-survey-es.png` });
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, 'es-reports-overview-es@390.png');
	await page.locator('div.balance').screenshot({ path: `${lib.ARTIFACTS}/es-reports-balance-es@390.png` });
	await lib.checkFits(page, 'the overview in Spanish at 390 px');
	await lib.checkAxe(t, page, 'the overview in Spanish at 390 px');
});
