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

/* One setting to store: value NULL sets it back to its default. */
struct app_setting {
	const char *name;
	const char *value;
};

/*
 * Stores the n settings of program in one transaction, each checked by the
 * rules of `trellis settings` (metrics_settings_set) and written as its
 * canonical text ("0.60" is "0.6"), each with its audit entry (kind
 * "settings", record its name, before and after {"NAME": "VALUE"}) by
 * actor. A setting already at the value given is left alone. Returns 0
 * with *changed the number stored; 1 when set[*bad] names no setting or
 * its value is not valid (err says what it accepts; nothing written); -1
 * with err set (nothing written); -2 when the database reported a
 * conflict every time it was run (app_txn_run; err says so).
 */
int app_settings_save(struct store *s, const char *program, const struct app_setting *set,
    size_t n, const char *actor, size_t *bad, size_t *changed, struct strbuf *err);

#endif
