/* Opening an input file: regular files only (file.h). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "i18n.h"
#include "strbuf.h"
#include "banned.h"

int
file_open_regular(const char *path, struct stat *st, struct strbuf *why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	if (fd == -1) {
		strbuf_addf(why, _("%s: cannot read: %s"), path, strerror(errno));
		return -1;
	}
	if (fstat(fd, st) == -1) {
		strbuf_addf(why, _("%s: cannot read: %s"), path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st->st_mode)) {
		strbuf_addf(why, _("%s: cannot read: not a regular file (%s)"), path,
		    S_ISDIR(st->st_mode) ? _("a directory") : S_ISFIFO(st->st_mode) ? _("a FIFO") :
		    S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) ? _("a device") :
		    S_ISSOCK(st->st_mode) ? _("a socket") : _("not a file"));
		goto fail;
	}
	/* a regular file: back to blocking reads (O_NONBLOCK means nothing to it) */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
fail:
	close(fd);
	return -1;
}
