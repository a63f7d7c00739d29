#ifndef TRELLIS_STYLE_H
#define TRELLIS_STYLE_H
/*
 * The one stylesheet (PAGES.md): served as a file by the web application,
 * and embedded in the self-contained HTML report.
 */
extern const char view_css[];

#endif
