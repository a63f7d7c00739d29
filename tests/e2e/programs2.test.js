// Accounts per program (docs/web.md, "Accounts per program"): the users
// page of an admin of one program alone — its accounts with their role
// there, no form — at 1280 and 390 px (screenshots programs2-*.png),
// axe-core, nothing sideways; the other program's is 404. A server of its
// own: the demo program and a one-initiative bench/gen program in one
// database, padmin@x.org the admin of the demo program alone.
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
const PASSWORD = 'a long password 1';

async function serve(t)
{
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-programs2-'));
	const db = path.join(dir, 'two.db');
	const pw = path.join(dir, 'pw');
	fs.writeFileSync(pw, PASSWORD + '\n');
	execFileSync(TRELLIS, ['--db', db, 'demo'], { stdio: 'ignore' });
	execFileSync(GEN, ['--scale', '0.001', '--format', 'json', '--out', path.join(dir, 'gen.json')]);
	execFileSync(TRELLIS, ['--db', db, 'import', path.join(dir, 'gen.json')], { stdio: 'ignore' });
	execFileSync(TRELLIS, ['--db', db, '--program', 'wcc-demo', 'user', 'add', 'padmin@x.org',
	    '--role', 'admin', '--password-file', pw], { stdio: 'ignore' });
	execFileSync(TRELLIS, ['--db', db, '--program', 'wcc-demo', 'user', 'add', 'm@x.org',
	    '--role', 'member', '--initiative', 'harlow-mills', '--password-file', pw], { stdio: 'ignore' });
	const srv = spawn(TRELLIS, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--dev-cookie'],
	    { stdio: ['ignore', 'pipe', 'ignore'] });
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

test('the admin of one program alone reads its accounts, and nothing of the other', T, async (t) => {
	assert.ok(GEN, 'build/bench/gen is built (make)');
	const url = await serve(t);
	const context = await lib.launch();
	t.after(() => context.close());
	// sign in by the form's POST, its pre-session token first (login CSRF)
	const form = await (await context.request.get(url + '/login')).text();
	const m = form.match(/name="login_token" value="([^"]+)"/);
	assert.ok(m, 'the sign-in form carries a login_token');
	const r = await context.request.post(url + '/login', {
		form: { email: 'padmin@x.org', password: PASSWORD, login_token: m[1] }, maxRedirects: 0,
	});
	assert.equal(r.status(), 303);

	const page = await context.newPage();
	const p = '/p/wcc-demo/admin/users';
	const res = await page.goto(url + p);
	assert.equal(res.status(), 200, `GET ${p} answered ${res.status()}`);
	const main = await page.locator('main').innerText();
	assert.match(main, /accounts with a role in this program/);
	assert.match(main, /m@x\.org/);
	assert.equal(await page.locator('main form').count(), 0, 'no form on the page');
	await lib.checkAxe(t, page, p);
	await lib.checkNarrow(t, page, p, '');
	await lib.screenshot(page, 'programs2-users.png');
	await page.setViewportSize(lib.PHONE);
	await lib.screenshot(page, 'programs2-users@390.png');
	await page.setViewportSize(lib.WIDE);
	assert.equal((await page.goto(url + '/p/national-bench/admin/users')).status(), 404);
});
