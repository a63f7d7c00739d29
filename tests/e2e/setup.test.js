// Issue 13, items 1 and 8, as an admin meets them in the browser: create an
// initiative from scratch on the web and see its dashboard, then change a
// threshold on the program's settings page and see an alert go. Each page
// at 1280 and 390 px (screenshots setup-*.png), axe-core, nothing sideways.
//
// These write to the program, so they run on a server of their own (a
// fresh demo database, the development role aid as an admin): the other
// browser tests share run.sh's server and count its initiatives.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
const TRELLIS = process.env.E2E_TRELLIS || path.join(__dirname, '..', '..', 'trellis');

// A demo database and `trellis serve` on a free loopback port, as an admin.
async function ownServer(t, role)
{
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-setup-'));
	const db = path.join(dir, 'demo.db');
	execFileSync(TRELLIS, ['--db', db, 'demo'], { stdio: 'ignore' });
	const srv = spawn(TRELLIS, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--dev-insecure-role'],
	    { env: { ...process.env, TRELLIS_DEV_ROLE: role || 'admin' }, stdio: ['ignore', 'pipe', 'ignore'] });
	t.after(() => {
		srv.kill('SIGTERM');
		fs.rmSync(dir, { recursive: true, force: true });
	});
	const url = await new Promise((resolve, reject) => {
		let out = '';
		srv.stdout.on('data', (b) => {
			out += b;
			const m = /listening on (http:\/\/\S+)\//.exec(out);
			if (m)
				resolve(m[1]);
		});
		srv.on('exit', () => reject(new Error('the server did not start')));
	});
	return { url, db };
}

// Opens p on url, checks 200 there, screenshot setup-NAME.png (and @390), axe, fits.
async function visit(t, page, url, p, name)
{
	const r = await page.goto(url + p);
	assert.equal(r.status(), 200, `GET ${p} answered ${r.status()}`);
	await lib.screenshot(page, `setup-${name}.png`);
	await lib.checkAxe(t, page, p);
	await lib.checkNarrow(t, page, p, '');
	await lib.screenshot(page, `setup-${name}.png`);
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, `setup-${name}@390.png`);
	await page.setViewportSize(lib.WIDE);
}

test('create an initiative from scratch on the web, then see its dashboard', T, async (t) => {
	const { url } = await ownServer(t);
	const context = await lib.launch();
	t.after(() => context.close());
	const page = await context.newPage();
	await visit(t, page, url, '/program/initiatives/new', 'new');

	// a mistake first: the end before the start, answered beside the field
	await page.locator('#slug').fill('new-town');
	await page.locator('#name').fill('New Town Jobs Initiative');
	await page.locator('#city').fill('New Town');
	await page.locator('#start').fill('2016-01-01');
	await page.locator('#end').fill('2015-12-31');
	await page.locator('#backbone').selectOption('harlow-neighborhood-builders');
	await page.locator('#fiscal_agent').selectOption('harlow-neighborhood-builders');
	let r = await lib.submit(t, page, /create the initiative/i);
	assert.equal(r.status(), 422);
	assert.match(await page.locator('#end-error').innerText(), /before start/);
	await lib.screenshot(page, 'setup-new-error.png');
	await page.locator('#end').fill('2018-12-31');
	r = await lib.submit(t, page, /create the initiative/i);
	assert.equal(r.status(), 200);
	assert.equal(new URL(page.url()).pathname, '/program/initiatives/new-town');
	assert.match(await page.locator('main [role=status]').first().innerText(), /backbone as its first member/);
	await visit(t, page, url, '/program/initiatives/new-town?saved=new', 'created');

	// its dashboard, from the next steps' link
	await Promise.all([page.waitForNavigation(),
	    page.getByRole('link', { name: /dashboard/i }).first().click()]);
	assert.equal(new URL(page.url()).pathname, '/i/new-town');
	assert.match(await page.locator('h1').innerText(), /New Town Jobs Initiative/);
	await visit(t, page, url, '/i/new-town?as_of=2016-12-31', 'dashboard');
	// the backbone is its team
	await visit(t, page, url, '/i/new-town/members', 'members');
	assert.match(await page.locator('main').innerText(), /Harlow Neighborhood Builders/);
});

test('change a threshold on the settings page: the alert it raised goes', T, async (t) => {
	const { url } = await ownServer(t);
	const context = await lib.launch();
	t.after(() => context.close());
	const page = await context.newPage();
	const dash = '/i/port-ashby?as_of=2016-12-31';
	const alert = /went to the backbone's own programs or overhead/;

	await page.goto(url + dash);
	assert.match(await page.locator('main').innerText(), alert);
	await visit(t, page, url, '/program/settings', 'settings');
	const field = page.locator('input[name="blurred_boundaries.backbone_own_share"]');
	await field.fill('half');
	let r = await lib.submit(t, page, /save the settings/i);
	assert.equal(r.status(), 422);
	assert.match(await page.locator('.error-summary').innerText(), /not a valid value/);
	await lib.screenshot(page, 'setup-settings-error.png');
	await field.fill('0.5');
	r = await lib.submit(t, page, /save the settings/i);
	assert.equal(r.status(), 200);
	assert.match(await page.locator('main [role=status]').first().innerText(), /saved/i);
	await lib.screenshot(page, 'setup-settings-saved.png');

	await page.goto(url + dash);
	assert.doesNotMatch(await page.locator('main').innerText(), alert);
	await visit(t, page, url, '/admin/audit', 'audit');
	assert.match(await page.locator('main').innerText(),
	    /changed the blurred-boundaries threshold \(the backbone's own spending\) from 0\.1 \(the default\) to 0\.5/);
});

test('an evaluator reads the settings: the values, no form', T, async (t) => {
	const { url } = await ownServer(t, 'evaluator');
	const context = await lib.launch();
	t.after(() => context.close());
	const page = await context.newPage();
	await visit(t, page, url, '/program/settings', 'settings-evaluator');
	assert.equal(await page.locator('main input').count(), 0);
	assert.match(await page.locator('main').innerText(), /The dominance threshold \(decisions by the backbone alone\)\s+Dominance alert/);
	const r = await page.goto(url + '/program/initiatives/new');
	assert.equal(r.status(), 403);
});
