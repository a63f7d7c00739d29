/* Names compared as people expect: folded, then exact (fold.h). */
#include <string.h>

#include "fold.h"
#include "strbuf.h"
#include "banned.h"

/*
 * U+00C0..U+017F (two UTF-8 bytes, C3 80 .. C5 BF): each letter's base in
 * lower case; "" keeps the character (× and ÷). Made once from Unicode's
 * decompositions (the letter's first code point), with the letters that
 * have none spelled out (ß ss, æ ae, ø o, ł l, œ oe, ð d, þ th).
 */
static const char *const latin[0x180 - 0xC0] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n",
	"o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a",
	"a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o",
	"o", "", "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c",
	"c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e",
	"e", "e", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i",
	"i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l",
	"l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o",
	"o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

void
text_fold(const char *s, struct strbuf *out)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		if (*p < 0x80) {
			strbuf_addch(out, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
			p++;
			continue;
		}
		if (p[1] >= 0x80 && p[1] < 0xC0) {
			unsigned cp = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);

			if ((p[0] & 0xE0) == 0xC0 && cp >= 0xC0 && cp < 0x180 && *latin[cp - 0xC0]) {
				strbuf_addstr(out, latin[cp - 0xC0]);
				p += 2;
				continue;
			}
			/* a combining accent of decomposed text goes */
			if ((p[0] & 0xE0) == 0xC0 && cp >= 0x300 && cp <= 0x36F) {
				p += 2;
				continue;
			}
		}
		strbuf_addch(out, (char)*p++);
	}
}

int
text_collate(const char *a, const char *b)
{
	struct strbuf fa = STRBUF_INIT, fb = STRBUF_INIT;
	int c;

	text_fold(a, &fa);
	text_fold(b, &fb);
	c = strcmp(fa.buf, fb.buf);
	if (c == 0)
		c = strcmp(a ? a : "", b ? b : "");
	strbuf_release(&fa);
	strbuf_release(&fb);
	return c;
}

int
text_contains(const char *hay, const char *needle)
{
	struct strbuf fh = STRBUF_INIT, fn = STRBUF_INIT;
	int in;

	text_fold(hay, &fh);
	text_fold(needle, &fn);
	in = strstr(fh.buf, fn.buf) != NULL;
	strbuf_release(&fh);
	strbuf_release(&fn);
	return in;
}
