/*
 * libmicrohttpd opened on first use; see mhd.h.
 */
#include "mhd.h"
#include "../util/dynlib.h"
#include "../util/banned.h"

struct mhd_api mhd;

static const struct dynlib_sym syms[] = {
	DYNLIB_SYM(mhd, add_response_header, "MHD_add_response_header"),
	DYNLIB_SYM(mhd, create_post_processor, "MHD_create_post_processor"),
	DYNLIB_SYM(mhd, create_response_from_buffer, "MHD_create_response_from_buffer"),
	DYNLIB_SYM(mhd, destroy_post_processor, "MHD_destroy_post_processor"),
	DYNLIB_SYM(mhd, destroy_response, "MHD_destroy_response"),
	DYNLIB_SYM(mhd, get_connection_info, "MHD_get_connection_info"),
	DYNLIB_SYM(mhd, get_connection_values, "MHD_get_connection_values"),
	DYNLIB_SYM(mhd, get_daemon_info, "MHD_get_daemon_info"),
	DYNLIB_SYM(mhd, lookup_connection_value, "MHD_lookup_connection_value"),
	DYNLIB_SYM(mhd, post_process, "MHD_post_process"),
	DYNLIB_SYM(mhd, queue_response, "MHD_queue_response"),
	DYNLIB_SYM(mhd, quiesce_daemon, "MHD_quiesce_daemon"),
	DYNLIB_SYM(mhd, start_daemon, "MHD_start_daemon"),
	DYNLIB_SYM(mhd, stop_daemon, "MHD_stop_daemon"),
};

_Static_assert(sizeof(TRELLIS_SONAME_MHD) > 1, "the Makefile passes the SONAME");
static struct dynlib lib = { TRELLIS_SONAME_MHD, syms, sizeof(syms) / sizeof(syms[0]), 0, 0, "" };

int
mhd_load(struct strbuf *err)
{
	return dynlib_need(&lib, err);
}
