// Several programs on one server (docs/web.md): the list of programs an
// admin sees at /, and one program's portfolio under /p/{program}/ with
// every link inside it. Each page at 1280 and 390 px (screenshots
// programs-*.png), axe-core, nothing sideways. A server of its own: the
// demo program and a one-initiative bench/gen program in one database.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('./lib.js');

const T = { timeout: 180000 * lib.SLOW };
const TOP = path.join(__dirname, '..', '..');
const TRELLIS = process.env.E2E_TRELLIS || path.join(TOP, 'trellis');
// the generator of the build the binary comes from (build-asan under make check-asan)
const GEN = [path.join(path.dirname(TRELLIS), 'build-asan', 'bench', 'gen'),
    path.join(TOP, 'build', 'bench', 'gen')].find((f) => fs.existsSync(f));

async function twoPrograms(t)
{
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-programs-'));
	const db = path.join(dir, 'two.db');
	execFileSync(TRELLIS, ['--db', db, 'demo'], { stdio: 'ignore' });
	execFileSync(GEN, ['--scale', '0.001', '--format', 'json', '--out', path.join(dir, 'gen.json')]);
	execFileSync(TRELLIS, ['--db', db, 'import', path.join(dir, 'gen.json')], { stdio: 'ignore' });
	const srv = spawn(TRELLIS, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--dev-insecure-role'],
	    { env: { ...process.env, TRELLIS_DEV_ROLE: 'admin' }, stdio: ['ignore', 'pipe', 'ignore'] });
	t.after(() => {
		srv.kill('SIGTERM');
		fs.rmSync(dir, { recursive: true, force: true });
	});
	return await new Promise((resolve, reject) => {
		let out = '';
		srv.stdout.on('data', (b) => {
			out += b;
			const m = /listening on (http:\/\/\S+)\//.exec(out);
			if (m)
				resolve(m[1]);
		});
		srv.on('exit', () => reject(new Error('the server did not start')));
	});
}

async function visit(t, page, url, p, name)
{
	const r = await page.goto(url + p);
	assert.equal(r.status(), 200, `GET ${p} answered ${r.status()}`);
	await lib.checkAxe(t, page, p);
	await lib.checkNarrow(t, page, p, '');
	await lib.screenshot(page, `programs-${name}.png`);
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, `programs-${name}@390.png`);
	await page.setViewportSize(lib.WIDE);
}

test('an admin picks a program at /, and its pages keep to it', T, async (t) => {
	assert.ok(GEN, 'build/bench/gen is built (make)');
	const url = await twoPrograms(t);
	const context = await lib.launch();
	t.after(() => context.close());
	const page = await context.newPage();
	await visit(t, page, url, '/', 'list');
	const main = await page.locator('main').innerText();
	assert.match(main, /Atlantic Working Communities/);
	assert.match(main, /National Place-Based Collaboratives/);

	await Promise.all([page.waitForNavigation(),
	    page.getByRole('link', { name: /National Place-Based/ }).click()]);
	assert.equal(new URL(page.url()).pathname, '/p/national-bench/');
	await visit(t, page, url, '/p/national-bench/', 'portfolio');
	const hrefs = await page.locator('a[href^="/"], form[action^="/"]').evaluateAll((els) =>
	    els.map((e) => e.getAttribute('href') || e.getAttribute('action')));
	assert.ok(hrefs.length > 5);
	for (const h of hrefs)
		assert.ok(h.startsWith('/p/national-bench/') || h.startsWith('/static/'), `${h} leaves the program`);
});
