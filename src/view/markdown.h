#ifndef TRELLIS_MARKDOWN_H
#define TRELLIS_MARKDOWN_H
/*
 * Markdown (check-in progress and challenges, DESIGN §2) rendered with
 * cmark in its safe default: raw HTML is left out and javascript:, vbscript:,
 * file: and data: links are emptied. Never CMARK_OPT_UNSAFE (STYLE.md).
 */
#include "html.h"

/* Writes text as HTML inside a <div class="md">. */
void html_markdown(struct html *h, const char *text);

#endif
