#ifndef TRELLIS_APP_SETTINGS_H
#define TRELLIS_APP_SETTINGS_H
/*
 * A program's report settings (DESIGN §3 and §5 thresholds, metrics.h) as
 * stored: the defaults, with each stored setting over them.
 */
struct metrics_settings;
struct store;
struct strbuf;

/*
 * Reads program's settings into set. Returns 0, or -1 with err set (a
 * stored value that is not valid names the setting and how to reset it).
 */
int app_settings_load(struct store *s, const char *program, struct metrics_settings *set,
    struct strbuf *err);

#endif
