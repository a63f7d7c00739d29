// Issue 11 points 7 and 11 in a browser: the Shared result tab reads as a
// result (statement, baseline, target, progress, a chart whose y axis says
// "$44,000", a table of measurements in words and "31 Dec 2016"), and the
// Network tab's map follows the page's width, shows a node's full name on
// keyboard focus, lists every organization in a table with a key beside it,
// and fits a phone. Each page is checked with axe-core at 1280 and 390 px
// and photographed into test-artifacts/browser/.
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

test('the shared result tab: statement, baseline, target, progress, a chart in dollars', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	await page.setViewportSize(lib.WIDE);
	await lib.visit(t, page, `${I}/observations`);
	const main = page.locator('main');
	await assert.doesNotReject(main.getByText('Raise the income of Harlow Mills parents').first().waitFor(),
	    'the statement is on the tab');
	const terms = await main.locator('dl.result-terms').innerText();
	assert.match(terms, /Baseline\s+\$38,400 on 31 Dec 2013/);
	assert.match(terms, /Target\s+\$44,160 by 31 Dec 2023/);
	assert.match(terms, /Unit\s+US dollars/);
	const progress = await main.locator('section.result-progress').innerText();
	assert.match(progress, /Latest measurement: \$40,755 on 31 Dec 2016/);
	assert.match(progress, /\d+% of the way from baseline to target: up \$2,355 since the baseline/);
	assert.equal(await main.locator('progress').count(), 1, 'a progress bar');
	// the chart's y axis in dollars; the unit is not written under the x axis
	const ticks = await main.locator('svg.result text').allTextContents();
	assert.ok(ticks.includes('$40,000'), `a y tick "$40,000" among ${ticks.join(' | ')}`);
	assert.ok(!ticks.includes('USD'), 'no bare "USD" on the chart');
	assert.ok(ticks.some((s) => /\(US dollars\)$/.test(s)), 'the y axis says what it measures, in words');
	// the measurements: dates in words, values with their unit, no "40755"
	const table = await main.locator('table.measurements').innerText();
	assert.match(table, /31 Dec 2016\s+\$40,755/);
	assert.doesNotMatch(await main.innerText(), /\b40755\b/);
});

test('the network map: scales to the page, full names on focus, a table and a key', T, async (t) => {
	const context = await signedIn(t);
	const page = await context.newPage();
	const p = `${I}/network?as_of=2016-12-31&months=12`;
	await page.setViewportSize(lib.WIDE);
	await lib.visit(t, page, p, { narrow: false });
	const map = page.locator('main svg.network');
	const wide = (await map.boundingBox()).width;
	assert.ok(wide >= 600, `the map is ${wide} px wide at 1280 px (it was ~490)`);

	// names readable at 1280: at least 12 px on screen
	const nameSize = await page.evaluate(() => {
		const t = document.querySelector('svg.network .n-name');
		const svg = t.ownerSVGElement;
		const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		return parseFloat(getComputedStyle(t).fontSize) * scale;
	});
	assert.ok(nameSize >= 12, `node names are ${nameSize.toFixed(1)} px at 1280 px`);

	// every organization of the map in the table, with the key beside it
	const nodes = await map.locator('.node').count();
	assert.ok(nodes >= 5, `${nodes} nodes`);
	assert.equal(await page.locator('table.net-orgs tbody tr').count(), nodes);
	assert.match(await page.locator('table.net-orgs').innerText(), /Still tied to others without the backbone/);
	assert.ok(await page.locator('ul.network-legend li').count() >= 5, 'a key to the map');

	// a node takes the keyboard focus and shows its full name
	const node = map.locator('.node').first();
	const full = node.locator('.n-full');
	assert.equal(await full.isVisible(), false, 'the full name waits for hover or focus');
	await node.focus();
	assert.equal(await full.isVisible(), true, 'the full name shows on focus');
	const label = await node.getAttribute('aria-label');
	assert.ok(label.includes(await full.textContent()), `the node's name "${label}" is its full name`);
	await lib.screenshot(page, 'netres-network-focus.png');

	// on a phone: no sideways scroll, the map as wide as the screen, axe clean
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, lib.shotName(p, '@390'));
	await lib.checkFits(page, `${p} at 390 px`);
	const narrow = (await map.boundingBox()).width;
	assert.ok(narrow < wide && narrow >= 300, `the map follows the viewport: ${narrow} px at 390 (${wide} at 1280)`);
	const numSize = await page.evaluate(() => {
		const t = [...document.querySelectorAll('svg.network .n-num')].find((e) => e.getBoundingClientRect().width > 0);
		const svg = t.ownerSVGElement;
		return parseFloat(getComputedStyle(t).fontSize) *
		    svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
	});
	assert.ok(numSize >= 12, `the map's numbers are ${numSize.toFixed(1)} px on a phone`);
	await lib.checkAxe(t, page, `${p} at 390 px`, p);
	await node.focus();
	assert.equal(await full.isVisible(), true, 'the full name shows on focus on a phone too');
	await lib.screenshot(page, 'netres-network-focus@390.png');
});
