#ifndef TRELLIS_VIEW_RECORDS_H
#define TRELLIS_VIEW_RECORDS_H
/*
 * The record pages of any record kind (an initiative's decisions, ledger,
 * grants, check-ins ...; the program's organizations, people, instruments,
 * learning notes), from plain structs: the list, a record's page with its
 * edit form, the add form, the delete confirmation. The handler
 * (web/h_records.c) fetches the records, fills these structs and puts
 * what is written here inside the page frame.
 */
#include <stddef.h>

#include "form.h"
#include "html.h"
#include "../util/date.h"

struct strbuf;

/* What a record kind is called on its pages. */
struct records_kind {
	const char *name;	/* the trellis/1 array: "decisions" */
	const char *title;	/* the list's heading: "Decisions" */
	const char *one;	/* one record: "decision" */
	const char *empty;	/* what belongs in the list */
};

/*
 * What the pages say about one record of kind rk, in the page's language
 * (docs/i18n.md): "Add a decision" (the add page), "Delete a decision?"
 * (the confirmation's title), "Decision ‘NAME’ saved.", "The decision was
 * deleted.". The kind's words (title, one, empty) are English msgids.
 */
void records_add_title(const struct records_kind *rk, struct strbuf *out);
void records_delete_title(const struct records_kind *rk, struct strbuf *out);
void records_saved_text(const struct records_kind *rk, const char *name, struct strbuf *out);
void records_deleted_text(const struct records_kind *rk, struct strbuf *out);

/*
 * The name a person knows record rec by: its title or name ("Hire a
 * coordinator", "Ansgar Hill Outreach"), else its kind and its first field
 * ("Member: Harlow Works", "Check-in: 3 Mar 2016"): a page's title.
 */
void records_name(const struct form_ctx *c, const struct kind *k, const struct records_kind *rk,
    const void *rec, struct strbuf *out);
/* The same without the kind: "Hire a coordinator", "3 Mar 2016" (after "Check-in ‘…’ saved."). */
void records_label(const struct form_ctx *c, const struct kind *k, const void *rec, struct strbuf *out);

/* A link of a tab's sub-navigation (Money: Grants · Ledger · Applications). */
struct records_link {
	const char *href, *text;
	int current;
};

/* The list of one kind (GET /i/{slug}/{kind}, /program/{kind}). */
struct records_list_page {
	const struct records_link *tabs;	/* the kinds under the same tab, or NULL */
	size_t ntabs;
	const char *tabs_label;		/* the tab's name, for the nav's label */
	struct form_ctx c;		/* c.in NULL: a program-level kind */
	const struct kind *k;
	const struct records_kind *rk;
	const void *const *all;		/* every record of the kind: the filters offer their values */
	size_t nall;
	const void *const *recs;	/* the records that pass the filters, sorted */
	const char *const *hrefs;	/* each one's page, for recs[first..last) */
	size_t n, first, last;		/* recs[first..last) is this page of the list */
	size_t page_size;
	long pageno;
	const char *base;		/* "/i/harlow-mills/decisions" */
	const char *query;		/* the filters as "BASE?category=x&": sort and page links keep them */
	const char *const *filter;	/* per field of k: the value filtered on, or NULL */
	const char *sort;		/* the field sorted by, or NULL */
	int desc;
	int searchable;			/* a search box over the names (the program's own lists) */
	const char *search;		/* what was searched for (accents folded, util/fold.h), or NULL */
	int can_edit;			/* the add link */
	const char *export_base;	/* "/i/harlow-mills/export" or "/export" */
	const char *rounds_href;	/* surveys: the rounds page, else NULL */
	const char *approvals_href;	/* the ledger: the approvals page, else NULL */
	size_t npending;		/* the ledger: entries awaiting approval */
	const char *flash;		/* "The decision was deleted.", or NULL */
	tdate today;			/* the check-in grid ends here (or at the initiative's end) */
};
void records_list(struct html *h, const struct records_list_page *pg);

/* An initiative's survey that uses an instrument (the instrument's page). */
struct records_use {
	const char *initiative_name, *survey, *href;
	tdate opened;
	long long responses;
};

/* A record's page (GET /i/{slug}/{kind}/{id}), with its edit form for editors. */
struct records_record_page {
	struct form_ctx c;
	const struct kind *k;
	const struct records_kind *rk;
	const void *rec;
	const char *action;		/* the record's address: the forms post there */
	const char *back;		/* the list */
	const char *back_label;		/* "All Decisions" */
	const char *csrf;		/* the session's token for the forms, or NULL */
	int can_edit;			/* editors: the edit form and the delete button */
	int readonly;			/* a built-in instrument: no form for anyone */
	const struct form_input *typed;	/* a form that came back: what was typed, else NULL */
	const form_errors *errs;	/* and its problems, else NULL */
	const char *flash;		/* "Decision 'Hire a coordinator' saved.", or NULL */
	/* an instrument's page: the surveys that use it, the items answers use */
	const struct records_use *uses;
	size_t nuses;
	const char *const *answered;
	size_t nanswered;
	int uses_unknown;		/* they could not be read just now */
};
void records_record(struct html *h, const struct records_record_page *pg);

/* The add form (GET /i/{slug}/{kind}/new; a POST that came back with problems). */
struct records_form_page {
	struct form_ctx c;
	const struct kind *k;
	const struct records_kind *rk;
	const char *action;		/* the list's address */
	const char *csrf;
	const struct form_input *typed;	/* the suggested id, or what was typed */
	const form_errors *errs;
};
void records_new(struct html *h, const struct records_form_page *pg);

/* The delete confirmation (POST /i/{slug}/{kind}/{id} with action=delete). */
struct records_delete_page {
	const struct records_kind *rk;
	const char *name;		/* records_label of the record */
	const char *action;		/* the record's address */
	const char *csrf;
};
void records_confirm_delete(struct html *h, const struct records_delete_page *pg);
/* The form value that confirms a delete (action=delete&confirm=RECORDS_CONFIRM). */
#define RECORDS_CONFIRM	"yes"

#endif
