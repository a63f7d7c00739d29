// Issue 15: the crawl of crawl.test.js (lib.crawl: every page the admin and a
// member of harlow-mills reach from the top bar, one level deeper in the
// first initiative) with the language set to Spanish — the admin's browser
// asks for it (Accept-Language: es), the member chose it with the switch
// (the lang cookie). On each page, beside lib.visit's checks (200, axe-core
// at 1280 and 390 px, nothing sideways at 390 px nor on A4): <html lang="es">
// and none of tests/http/i18n.sh's English words in what a person reads —
// the text, document.title, and the aria-label, title, alt and placeholder
// attributes — leaving out the data: e-mail addresses, the program's own
// texts as the export holds them (a decision's title "Share the data" is
// shown as typed; cut short with "…" in a list) and the audit log's JSON. Screenshots: NAME[-ROLE]-es.png and @390.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const lib = require('./lib.js');

// The word list of tests/http/i18n.sh (ENGLISH='a|b|...'), read from there.
const SH = fs.readFileSync(path.join(__dirname, '..', 'http', 'i18n.sh'), 'utf8');
const LIST = SH.match(/^ENGLISH='([^']+)'/m);
assert.ok(LIST, 'tests/http/i18n.sh sets ENGLISH=\'...\'');
// whole words as grep -ow reads them (a letter, digit or _ on neither side)
const WORDS = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${LIST[1]})(?![\\p{L}\\p{N}_])`, 'gu');

// The program's own texts holding a word of the list: every string of the
// JSON export with a space in it (names, titles, notes; codes have none), as
// typed and as its Markdown shows.
function dataTexts()
{
	const json = execFileSync(process.env.E2E_TRELLIS, ['--db', process.env.E2E_DB,
	    'export', '--format', 'json'], { maxBuffer: 256 << 20 }).toString();
	const out = new Set();
	const add = (v) => {
		v = v.replace(/\s+/g, ' ').trim();
		WORDS.lastIndex = 0;
		if (v.includes(' ') && WORDS.test(v))
			out.add(v);
	};
	const walk = (v) => {
		if (typeof v === 'string') {
			// as typed, and as Markdown shows it: without emphasis,
			// each line of a list on its own
			add(v);
			const plain = v.replace(/\*\*|__|\*/g, '');
			add(plain);
			for (const line of plain.split('\n'))
				add(line.replace(/^\s*(?:[-+]|\d+[.)])\s+/, ''));
		} else if (v && typeof v === 'object') {
			for (const x of Object.values(v))
				walk(x);
		}
	};
	walk(JSON.parse(json));
	// the longest first, so that a title is taken out before a part of it
	return [...out].sort((a, b) => b.length - a.length);
}

// What a person reads on the page: its text nodes (not script or style), the
// window's title, and the words of aria-label, title, alt and placeholder;
// one string per piece. The language switch names its languages in their own;
// a <pre> holds JSON (the audit log's records: codes).
async function readable(page)
{
	return page.evaluate(() => {
		const out = [document.title];
		const skip = (e) => e.closest('script, style, template, nav.langs, pre');
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (n.nodeValue.trim() && !skip(n.parentElement))
				out.push(n.nodeValue);
		}
		for (const e of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
			if (skip(e))
				continue;
			for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
				const v = e.getAttribute(a);
				if (v)
					out.push(v);
			}
		}
		return out;
	});
}

// The English words of the list left in pieces, less e-mail addresses and data.
function englishLeft(pieces, data)
{
	const found = new Map();
	for (let s of pieces) {
		s = s.replace(/\s+/g, ' ').replace(/\S+@\S+/g, ' ').trim();
		// a long text cut short in a list cell: "Calder Parents and Te…"
		if (s.endsWith('…') && data.some((d) => d.startsWith(s.slice(0, -1).trim())))
			continue;
		// a piece of a text that markup cut: "… **separate** the overhead …"
		if (s.length >= 20 && data.some((d) => d.includes(s)))
			continue;
		for (const d of data) {
			if (s.includes(d))
				s = s.split(d).join(' ');
		}
		for (const m of s.matchAll(WORDS)) {
			if (!found.has(m[0]))
				found.set(m[0], s.trim().slice(0, 120));
		}
	}
	return [...found].map(([w, where]) => `"${w}" in "${where}"`);
}

async function crawlSpanish(t, role, setLanguage, data)
{
	const context = await lib.launch();
	try {
		await lib.signIn(context, role);
		await setLanguage(context);
		return await lib.crawl(t, context, role, {
			suffix: '-es',
			check: async (tt, page, p) => {
				assert.equal(await page.locator('html').getAttribute('lang'), 'es',
				    `${p}: <html lang>`);
				const left = englishLeft(await readable(page), data);
				assert.deepEqual(left, [], `${p}: English left on the Spanish page`);
			},
		});
	} finally {
		await context.close();
	}
}

test('the crawl in Spanish: every page of the admin and a member is in Spanish, passes axe-core and fits',
    { timeout: 900000 * lib.SLOW, concurrency: lib.CRAWL_WORKERS }, async (t) => {
	const data = dataTexts();
	// the check can fail: the list finds English in the English words
	assert.ok(englishLeft(['Sign in with your email address'], data).length >= 3,
	    'the word list finds English');
	assert.deepEqual(englishLeft(['Iniciar sesión'], data), []);

	const admin = await crawlSpanish(t, 'admin', (c) =>
	    c.setExtraHTTPHeaders({ 'Accept-Language': 'es' }), data);
	let pages = admin.seen.size;
	if (lib.AUTH === 'login') {
		const member = await crawlSpanish(t, 'member', (c) =>
		    c.addCookies([{ name: 'lang', value: 'es', url: lib.URL }]), data);
		pages += member.seen.size;
	}
	t.diagnostic(`${pages} pages visited in Spanish`);
});
