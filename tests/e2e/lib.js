// Helpers for the browser tests (tests/e2e/*.test.js), run by tests/e2e/run.sh
// with node's test runner against a `trellis serve` it started. See
// docs/testing.md.
//
// Environment (set by run.sh):
//	E2E_URL		the server, "http://127.0.0.1:PORT" (no trailing slash)
//	E2E_AUTH	"login" when /login exists (sign in with E2E_EMAIL and
//			E2E_PASSWORD, an admin), "dev" when the server runs with
//			the development role aid (TRELLIS_DEV_ROLE=admin)
//	E2E_ARTIFACTS	the folder for the screenshots (test-artifacts/browser)
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const URL = process.env.E2E_URL;
const AUTH = process.env.E2E_AUTH || 'dev';
const EMAIL = process.env.E2E_EMAIL || '';
const PASSWORD = process.env.E2E_PASSWORD || '';
const ARTIFACTS = process.env.E2E_ARTIFACTS ||
	path.join(__dirname, '..', '..', 'test-artifacts', 'browser');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

if (!URL)
	throw new Error('E2E_URL is not set: run the browser tests with tests/e2e/run.sh');

// The flags of docs/testing.md: no sandbox (CI runs as root), and nothing
// that reaches outside the machine (updates, sync, field trials).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
	'--disable-background-networking', '--disable-component-update',
	'--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

// Starts chromium with a fresh profile; close it with browser.close().
// launchPersistentContext is what takes a --user-data-dir, so the
// "browser" handed out is that one context, with a close that removes the
// profile too.
async function launch()
{
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ARGS,
		viewport: WIDE,
		acceptDownloads: true,
		timeout: 30000,
	});
	context.setDefaultTimeout(30000);
	context.setDefaultNavigationTimeout(45000);
	const close = context.close.bind(context);
	context.close = async () => {
		await close();
		fs.rmSync(dir, { recursive: true, force: true });
	};
	return context;
}

// The status of GET path for this context (with its cookies), without
// following redirects: 404 means the page is not built yet.
async function status(context, p)
{
	const r = await context.request.get(URL + p, { maxRedirects: 0 });
	return r.status();
}

// Skips test t with a reason when GET path answers 404 or 501 (a page still
// to be built, or a route whose handler is a stub): the scenario then turns
// on by itself once the page lands. Returns true when it skipped.
async function skipUnlessPage(t, context, p)
{
	const s = await status(context, p);
	if (s !== 404 && s !== 501)
		return false;
	t.skip(`${p} does not exist yet (${s})`);
	return true;
}

// Signs context in as the admin when the server has accounts (AUTH
// "login"), by posting the sign-in form from the context's request client
// (the session cookie is then the pages'); with the development role aid
// every request is already the admin's. The "sign in" scenario is the one
// that fills the form in the browser.
async function signIn(context)
{
	if (AUTH !== 'login')
		return;
	// the form's pre-session token and its cookie first (login CSRF)
	const form = await (await context.request.get(URL + '/login')).text();
	const m = form.match(/name="login_token" value="([^"]+)"/);
	assert.ok(m, 'the sign-in form carries a login_token');
	const r = await context.request.post(URL + '/login', {
		form: { email: EMAIL, password: PASSWORD, login_token: m[1] }, maxRedirects: 0,
	});
	assert.equal(r.status(), 303, `POST /login as ${EMAIL} answered ${r.status()}`);
	assert.equal(r.headers().location, '/', 'signed in, /login sends to /');
	assert.equal(await status(context, '/'), 200, 'signed in, / is a page');
}

// Clicks the button named nameRe inside main (or header, with where) and
// waits for the page it leads to; fails, with the page's words, when the
// form was refused (403: the origin and CSRF check of src/web/auth.c).
async function submit(t, page, nameRe, where)
{
	const [response] = await Promise.all([
		page.waitForNavigation(),
		page.locator(where || 'main').getByRole('button', { name: nameRe }).first().click(),
	]);
	if (response && response.status() === 403) {
		const text = await page.locator('body').innerText();
		assert.fail(`${response.request().method()} ${response.url()} answered 403: ${text.slice(0, 300)}`);
	}
	return response;
}
const URL_ = globalThis.URL;

// A file name for path: "/i/harlow-mills/decisions" → "i_harlow-mills_decisions".
function shotName(p, suffix)
{
	let n = p.replace(/^\/+/, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'portfolio';
	return n + (suffix || '') + '.png';
}

// A full-page screenshot of page into the artifacts folder.
async function screenshot(page, name)
{
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const file = path.join(ARTIFACTS, name);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

// Violations already reported to their owners, each with the pages it is on
// and why it is not fixed yet: a page with only these is marked TODO (shown,
// not counted as failed); any other violation fails. Remove an entry when the
// fix lands (the TODO then passes, and node's runner says so).
const KNOWN = [];

// Runs axe-core (WCAG 2 A and AA) on the page; returns its violations as
// lines "id (impact): help" followed by each target, and whether all of them
// are KNOWN ones. The page's CSP (script-src 'self') forbids inline script,
// so page.addScriptTag cannot add axe; evaluating its source goes through
// the devtools protocol, which the CSP does not govern. The check that axe
// is there makes sure it really ran.
async function axeCheck(page, what, p)
{
	await page.evaluate(AXE);
	assert.equal(await page.evaluate('typeof axe'), 'object',
	    `axe-core did not load on ${what}`);
	const r = await page.evaluate(() => axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
		resultTypes: ['violations'],
	}));
	const lines = [];
	const why = new Set();
	let unknown = 0;
	for (const v of r.violations) {
		lines.push(`${v.id} (${v.impact}): ${v.help}`);
		for (const n of v.nodes) {
			const target = n.target.join(' ');
			const k = KNOWN.find((e) => e.id === v.id && e.path.test(p) &&
			    e.target.test(target));
			if (k)
				why.add(k.why);
			else
				unknown++;
			if (lines.length < 40)
				lines.push(`    ${target}: ${n.failureSummary.replace(/\s+/g, ' ')}` +
				    (k ? ' [known]' : ''));
		}
	}
	return { count: r.violations.length, unknown, lines, why: [...why] };
}

// Fails when axe found a violation on the page; marks test t TODO when every
// violation found is a KNOWN one.
async function checkAxe(t, page, what, p)
{
	const a = await axeCheck(page, what, p === undefined ? what : p);
	if (a.count === 0)
		return;
	if (a.unknown === 0 && t)
		t.todo(`known axe-core violation: ${a.why.join('; ')}`);
	assert.fail(`axe-core: ${a.count} violation(s) on ${what}:\n` + a.lines.join('\n'));
}

// Opens path in test t's page, checks the answer is that page (200, not
// redirected elsewhere), runs axe on it and takes its screenshot (wide, and
// at phone width too when opts.phone is set). Returns the response.
async function visit(t, page, p, opts)
{
	opts = opts || {};
	const r = await page.goto(URL + p);
	assert.ok(r, `no response for ${p}`);
	assert.equal(r.status(), opts.status || 200, `GET ${p} answered ${r.status()}`);
	const at = new URL_(page.url());
	assert.equal(at.pathname, p.split('?')[0], `GET ${p} ended on ${page.url()}`);
	await screenshot(page, shotName(p));
	if (opts.phone) {
		await page.setViewportSize(PHONE);
		await screenshot(page, shotName(p, '@390'));
		await page.setViewportSize(WIDE);
	}
	await checkAxe(t, page, p);
	return r;
}

// The N (last cell) of the key figure whose code is name on a dashboard:
// the figures table has rows "label <code>name</code> | value | N".
async function figureN(page, name)
{
	const row = page.locator('tr', { has: page.locator(`code:text-is("${name}")`) });
	const cells = row.first().locator('td.num');
	return (await cells.last().innerText()).trim();
}

module.exports = {
	URL, AUTH, EMAIL, PASSWORD, ARTIFACTS, WIDE, PHONE,
	launch, status, skipUnlessPage, signIn, submit, screenshot, shotName, checkAxe, axeCheck,
	visit, figureN,
};
