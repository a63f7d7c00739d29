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

// E2E_SLOW: every time limit multiplied by it (make check-asan sets 3: the
// server runs under AddressSanitizer, several times slower).
const SLOW = Math.max(1, Number(process.env.E2E_SLOW) || 1);

// The flags of docs/testing.md: no sandbox (CI runs as root), and nothing
// that reaches outside the machine (updates, sync, field trials).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
	'--disable-background-networking', '--disable-component-update',
	'--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// A4 paper (210 mm) less the print stylesheet's 12 mm margins (@page), in CSS
// pixels at 96 per inch: 186 mm = 703 px. Letter (216 mm) is wider.
const PAPER = { width: 703, height: 1000 };

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
		timeout: 30000 * SLOW,
	});
	context.setDefaultTimeout(30000 * SLOW);
	context.setDefaultNavigationTimeout(45000 * SLOW);
	const close = context.close.bind(context);
	context.close = async () => {
		await close();
		fs.rmSync(dir, { recursive: true, force: true });
	};
	return context;
}

// The status of GET path for this context (with its cookies), without
// following redirects: 404 means the page is not built yet.
// A GET sent on a kept-alive connection the server closed at the same
// moment (its idle deadline, docs/web.md) is reset; a browser sends it again
// on a new connection (RFC 9112 §9.3.1), and so does this, once.
async function status(context, p)
{
	let r;
	try {
		r = await context.request.get(URL + p, { maxRedirects: 0 });
	} catch (e) {
		if (!/ECONNRESET|socket hang up/.test(String(e)))
			throw e;
		r = await context.request.get(URL + p, { maxRedirects: 0 });
	}
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

// The accounts run.sh makes, by role: the admin, and a member and a viewer
// of harlow-mills and an evaluator (E2E_ROLE_EMAILS "role=email ...", all
// with E2E_PASSWORD).
const ROLES = Object.fromEntries((process.env.E2E_ROLE_EMAILS || '').split(/\s+/)
    .filter(Boolean).map((kv) => kv.split('=')));
ROLES.admin = EMAIL;

// Signs context in as role (default the admin) when the server has accounts
// (AUTH "login"), by posting the sign-in form from the context's request
// client (the session cookie is then the pages'); with the development role
// aid every request is already the admin's. The "sign in" scenario is the
// one that fills the form in the browser.
async function signIn(context, role)
{
	if (AUTH !== 'login')
		return;
	const email = ROLES[role || 'admin'];
	assert.ok(email, `run.sh made no ${role} account (E2E_ROLE_EMAILS)`);
	// the form's pre-session token and its cookie first (login CSRF)
	const form = await (await context.request.get(URL + '/login')).text();
	const m = form.match(/name="login_token" value="([^"]+)"/);
	assert.ok(m, 'the sign-in form carries a login_token');
	const r = await context.request.post(URL + '/login', {
		form: { email, password: PASSWORD, login_token: m[1] }, maxRedirects: 0,
	});
	assert.equal(r.status(), 303, `POST /login as ${email} answered ${r.status()}`);
	assert.equal(await status(context, '/'), role === 'member' || role === 'viewer' ? 303 : 200,
	    'signed in, / is a page (a member or viewer is sent to their initiative)');
}

// What sticks out past the right edge of the page as laid out now: the
// document's scrollWidth against its clientWidth, and every visible element
// whose right edge passes the viewport's, unless a box around it that itself
// fits clips or scrolls it (overflow-x auto, scroll or hidden: a wide table
// in its .scroll box, a shape inside its svg). Elements moved off to the
// left on purpose (the skip link, visually hidden words) are not counted.
async function overflow(page)
{
	return page.evaluate(() => {
		const W = document.documentElement.clientWidth;
		const held = (e) => {
			for (let a = e.parentElement; a && a !== document.documentElement; a = a.parentElement) {
				const x = getComputedStyle(a).overflowX;
				if (x !== 'visible' && x !== 'clip' && a.getBoundingClientRect().right <= W + 1)
					return true;
			}
			return false;
		};
		const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		    (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
		const out = [];
		for (const e of document.body.querySelectorAll('*')) {
			const r = e.getBoundingClientRect();
			if (r.width === 0 || r.height === 0 || r.right <= W + 1 || r.right < 0)
				continue;
			if (held(e))
				continue;
			let path = name(e);
			for (let a = e.parentElement, i = 0; a && a !== document.body && i < 3; a = a.parentElement, i++)
				path = name(a) + ' > ' + path;
			out.push(`${path} (right edge ${Math.round(r.right)} px)`);
		}
		return { scrollWidth: document.documentElement.scrollWidth, clientWidth: W, out };
	});
}

// Fails when the page, as laid out now, is wider than its viewport (what).
async function checkFits(page, what)
{
	const o = await overflow(page);
	const lines = o.out.slice(0, 8).join('\n    ');
	assert.ok(o.scrollWidth <= o.clientWidth && o.out.length === 0,
	    `${what}: the page is ${o.scrollWidth} px wide in a ${o.clientWidth} px viewport; ` +
	    `${o.out.length} element(s) stick out:\n    ${lines}`);
}

// Checks page (showing p) on a phone, 390 px wide: nothing scrolls sideways
// (checkFits), axe-core finds nothing; then printed on A4 (print media,
// PAPER wide): nothing runs past the paper's edge. Restores the wide
// screen. The phone's screenshot is NAME[SUFFIX]@390.png.
async function checkNarrow(t, page, p, suffix)
{
	try {
		await page.setViewportSize(PHONE);
		await screenshot(page, shotName(p, (suffix || '') + '@390'));
		await checkFits(page, `${p} at ${PHONE.width} px`);
		await checkAxe(t, page, `${p} at ${PHONE.width} px`, p);
		await page.setViewportSize(PAPER);
		await page.emulateMedia({ media: 'print' });
		await checkFits(page, `${p} printed (A4, ${PAPER.width} px)`);
	} finally {
		await page.emulateMedia({ media: 'screen' });
		await page.setViewportSize(WIDE);
	}
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
// redirected elsewhere), runs axe on it and takes its screenshot (wide);
// then, unless opts.narrow is false, checkNarrow: the phone and paper.
// Returns the response.
async function visit(t, page, p, opts)
{
	opts = opts || {};
	const r = await page.goto(URL + p);
	assert.ok(r, `no response for ${p}`);
	assert.equal(r.status(), opts.status || 200, `GET ${p} answered ${r.status()}`);
	const at = new URL_(page.url());
	assert.equal(at.pathname, p.split('?')[0], `GET ${p} ended on ${page.url()}`);
	await screenshot(page, shotName(p, opts.suffix));
	await checkAxe(t, page, p);
	if (opts.narrow !== false)
		await checkNarrow(t, page, p, opts.suffix);
	return r;
}

const CRAWL_WORKERS = 3;

// Links inside main that stay under prefix: the records and forms of a tab.
async function linksUnder(page, prefix)
{
	const hrefs = await page.locator('main a[href]').evaluateAll(
	    (as) => as.map((a) => a.getAttribute('href')));
	const out = [];
	for (const h of hrefs) {
		if (!h || !h.startsWith(prefix + '/'))
			continue;
		const p = h.split(/[?#]/)[0];
		if (!out.includes(p))
			out.push(p);
	}
	return out;
}

async function hrefs(page, selector)
{
	return page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

// The pages beyond the initiatives that each role reaches from its top bar.
const EXTRA = {
	admin: ['/import', '/admin/users', '/admin/audit', '/program/instruments',
	    '/program/instruments/new', '/program/instruments/balance'],
	evaluator: ['/import', '/program/instruments', '/program/instruments/balance'],
	member: [],
	viewer: [],
};

// crawl(t, context, role, opts): visits, as subtests of t (CRAWL_WORKERS at
// a time), every page role reaches from the top bar (crawl.test.js says
// which) with context (signed in as role), checking each with visit; returns
// { seen, missing }. opts.suffix is added to the screenshots' names (after
// -ROLE); opts.check(t, page, p), when given, runs on each page after visit's
// checks passed.
async function crawl(t, context, role, opts)
{
	opts = opts || {};
	const suffix = (role === 'admin' ? '' : `-${role}`) + (opts.suffix || '');
	// A pool of CRAWL_WORKERS pages: a subtest takes one, visits, gives it back.
	const free = [];
	for (let i = 0; i < CRAWL_WORKERS; i++)
		free.push(await context.newPage());
	const waiting = [];
	const take = () => free.length ? Promise.resolve(free.pop()) :
	    new Promise((resolve) => waiting.push(resolve));
	const give = (p) => waiting.length ? waiting.shift()(p) : free.push(p);

	const seen = new Set();
	const missing = [];
	const running = [];

	// visitOnce(p, opts, then): once per path, as a subtest; then(page) runs
	// on the page still showing p. A 404 or 501 on a link the frame
	// already shows (a page still to come) is noted, not failed.
	const check = opts.check;
	function visitOnce(p, opts, then) {
		if (seen.has(p))
			return;
		seen.add(p);
		opts = Object.assign({ suffix }, opts || {});
		running.push((async () => {
			if (opts.mayBeMissing) {
				const s = await status(context, p);
				if (s === 404 || s === 501) {
					missing.push(`${p} (${s})`);
					return;
				}
			}
			await t.test(`page ${p}${role === 'admin' ? '' : ` (${role})`}`, async (tt) => {
				const page = await take();
				// then runs even when a check failed, so that one
				// page's fault does not hide the pages beyond
				let failure = null;
				try {
					try {
						await visit(tt, page, p, opts);
						if (check)
							await check(tt, page, p);
					} catch (e) {
						failure = e;
					}
					if (then && new URL_(page.url()).pathname === p)
						await then(page);
				} finally {
					give(page);
				}
				if (failure)
					throw failure;
			});
		})());
	}

	// A member or viewer is sent from / to their initiative.
	const home = await context.request.get(URL + '/', { maxRedirects: 0 });
	const start = home.status() === 303 ? home.headers().location : '/';
	// What a dashboard leads to: its tabs and, in the first initiative, one
	// level deeper (the add form and the first record of each list).
	const dashboard = (i, dash) => async (page) => {
		const tabs = await hrefs(page, 'header nav.tabs a[href]');
		assert.ok(tabs.length >= 10, `${dash} shows ${tabs.length} tabs`);
		for (const tab of tabs) {
			visitOnce(tab, { mayBeMissing: true }, i !== 0 ? null : async (tp) => {
				const under = await linksUnder(tp, tab);
				const pick = [under.find((h) => /\/new$/.test(h)),
				    under.find((h) => !/\/new$/.test(h))].filter(Boolean);
				for (const p of pick)
					visitOnce(p, { mayBeMissing: true });
			});
		}
	};
	let slugs = [];
	visitOnce(start, {}, async (page) => {
		slugs = await hrefs(page, 'header nav.places a[href^="/i/"]');
		// a member's or viewer's start page is their initiative's
		// dashboard, seen already: its tabs from here
		if (slugs[0] === start)
			await dashboard(0, start)(page);
	});
	await Promise.all(running);
	if (role === 'admin' || role === 'evaluator')
		assert.ok(slugs.length >= 6, `the top bar lists ${slugs.length} initiatives, the demo has 6`);
	else
		assert.equal(slugs.length, 1, `a ${role} sees one initiative in the top bar`);

	for (const [i, dash] of slugs.entries()) {
		if (i !== 0 && role !== 'admin')
			break;
		visitOnce(dash, {}, dashboard(i, dash));
	}
	for (const p of EXTRA[role])
		visitOnce(p, { mayBeMissing: true });
	// running grows while the visits find more pages
	for (let n = 0; n !== running.length;) {
		n = running.length;
		await Promise.all(running);
	}
	return { seen, missing };
}

// The N (last cell) of the key figure whose code is name on a dashboard:
// the figures table has rows <tr data-figure="name"> "label | value | N".
async function figureN(page, name)
{
	const row = page.locator(`tr[data-figure="${name}"]`);
	const cells = row.first().locator('td.num');
	return (await cells.last().innerText()).trim();
}

module.exports = {
	SLOW,
	URL, AUTH, EMAIL, PASSWORD, ARTIFACTS, WIDE, PHONE, PAPER, ROLES,
	launch, status, skipUnlessPage, signIn, submit, screenshot, shotName, checkAxe, axeCheck,
	visit, figureN, overflow, checkFits, checkNarrow, crawl, CRAWL_WORKERS,
};
