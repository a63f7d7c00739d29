#ifndef TRELLIS_FOLD_H
#define TRELLIS_FOLD_H
/*
 * Names as people compare them (docs/i18n.md, "Accents"): "Álvarez" sorts
 * with the A's and a search for "jose" finds "José". The rule, simpler than
 * a full collation (ICU) and enough for the Latin names of the programs:
 * compare the names folded — lower case, the accents of Latin-1 and Latin
 * Extended-A taken off (á → a, ñ → n, ç → c, ß → ss, æ → ae, ł → l), a
 * combining accent (U+0300–U+036F) dropped — and only when the folded
 * names are equal, their exact bytes, so the order is total and stable.
 * Other characters compare by their bytes.
 */
struct strbuf;

/* Appends s folded to out. */
void text_fold(const char *s, struct strbuf *out);
/* <0, 0, >0 as a sorts before, with or after b (NULL as ""). */
int text_collate(const char *a, const char *b);
/* Whether needle, folded, is in hay, folded (an empty needle is in everything). */
int text_contains(const char *hay, const char *needle);

#endif
