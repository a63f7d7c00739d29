#ifndef TRELLIS_WEB_MHD_H
#define TRELLIS_WEB_MHD_H
/*
 * libmicrohttpd's functions, opened by `serve` when it starts (mhd_load)
 * rather than by every command at exec: util/dynlib.h says why. Call them
 * as mhd.start_daemon(...), only after mhd_load returned 0.
 */
#include <microhttpd.h>

#include "../util/strbuf.h"

struct mhd_api {
	__typeof__(MHD_add_response_header) *add_response_header;
	__typeof__(MHD_create_post_processor) *create_post_processor;
	__typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
	__typeof__(MHD_destroy_post_processor) *destroy_post_processor;
	__typeof__(MHD_destroy_response) *destroy_response;
	__typeof__(MHD_get_connection_info) *get_connection_info;
	__typeof__(MHD_get_connection_values) *get_connection_values;
	__typeof__(MHD_get_daemon_info) *get_daemon_info;
	__typeof__(MHD_lookup_connection_value) *lookup_connection_value;
	__typeof__(MHD_post_process) *post_process;
	__typeof__(MHD_queue_response) *queue_response;
	__typeof__(MHD_quiesce_daemon) *quiesce_daemon;
	__typeof__(MHD_start_daemon) *start_daemon;
	__typeof__(MHD_stop_daemon) *stop_daemon;
};

extern struct mhd_api mhd;

/* 0, or -1 with why in err. */
int mhd_load(struct strbuf *err);

#endif
