/*
 * The fault-injecting VFS of vfs_fault.h: every file it opens is the
 * wrapped VFS's file behind a thin layer that counts xWrite and xSync and
 * fails the armed one with SQLITE_IOERR_WRITE / SQLITE_IOERR_FSYNC, as a
 * full disk or a dying device would. Everything else is passed through.
 * For tests only; single-threaded use (the counters are plain globals).
 */
#include <string.h>

#include <sqlite3.h>

#include "vfs_fault.h"
#include "../util/banned.h"

struct fault_file {
	sqlite3_file base;
	sqlite3_file *real;	/* follows this struct in the same allocation */
};

static sqlite3_vfs *orig;	/* the wrapped VFS; NULL until installed */
static sqlite3_vfs fault_vfs;
static long calls[VFS_FAULT__MAX];
static long fired;
static enum vfs_fault_op armed_op;
static long armed_k;
static int armed_forever;

/* Counts a call of op; returns 1 when it must fail. */
static int
fault_hit(enum vfs_fault_op op)
{
	long n = ++calls[op];

	if (armed_k == 0 || op != armed_op)
		return 0;
	if (n == armed_k || (armed_forever && n > armed_k)) {
		fired++;
		return 1;
	}
	return 0;
}

#define REAL(f) (((struct fault_file *)(f))->real)

static int
ff_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;

	f->pMethods = NULL;
	return rc;
}

static int
ff_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int
ff_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fault_hit(VFS_FAULT_WRITE))
		return SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int
ff_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
ff_sync(sqlite3_file *f, int flags)
{
	if (fault_hit(VFS_FAULT_SYNC))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
ff_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
ff_lock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int
ff_unlock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int
ff_check_reserved_lock(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
ff_file_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
ff_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
ff_device_characteristics(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
ff_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
	if (REAL(f)->pMethods->iVersion < 2)
		return SQLITE_IOERR_SHMMAP;
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, pp);
}

static int
ff_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	if (REAL(f)->pMethods->iVersion < 2)
		return SQLITE_IOERR_SHMLOCK;
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
ff_shm_barrier(sqlite3_file *f)
{
	if (REAL(f)->pMethods->iVersion >= 2)
		REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
ff_shm_unmap(sqlite3_file *f, int del)
{
	if (REAL(f)->pMethods->iVersion < 2)
		return SQLITE_OK;
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int
ff_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	/* No memory-mapped reads: every page comes through xRead. */
	(void)f;
	(void)off;
	(void)n;
	*pp = NULL;
	return SQLITE_OK;
}

static int
ff_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f;
	(void)off;
	(void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods fault_methods = {
	3, ff_close, ff_read, ff_write, ff_truncate, ff_sync, ff_file_size,
	ff_lock, ff_unlock, ff_check_reserved_lock, ff_file_control,
	ff_sector_size, ff_device_characteristics, ff_shm_map, ff_shm_lock,
	ff_shm_barrier, ff_shm_unmap, ff_fetch, ff_unfetch,
};

static int
fv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	struct fault_file *ff = (struct fault_file *)f;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	memset(ff->real, 0, (size_t)orig->szOsFile);
	rc = orig->xOpen(orig, name, ff->real, flags, out_flags);
	/* SQLite calls xClose only when pMethods is set: mirror the real file. */
	ff->base.pMethods = ff->real->pMethods ? &fault_methods : NULL;
	return rc;
}

static int
fv_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return orig->xDelete(orig, name, sync_dir);
}

static int
fv_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return orig->xAccess(orig, name, flags, out);
}

static int
fv_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return orig->xFullPathname(orig, name, n, out);
}

static int
fv_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return orig->xRandomness(orig, n, out);
}

static int
fv_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return orig->xSleep(orig, us);
}

static int
fv_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return orig->xCurrentTime(orig, out);
}

static int
fv_get_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return orig->xGetLastError ? orig->xGetLastError(orig, n, out) : 0;
}

static int
fv_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	double d;
	int rc;

	(void)vfs;
	if (orig->iVersion >= 2 && orig->xCurrentTimeInt64)
		return orig->xCurrentTimeInt64(orig, out);
	rc = orig->xCurrentTime(orig, &d);
	*out = (sqlite3_int64)(d * 86400000.0);
	return rc;
}

int
vfs_fault_install(void)
{
	if (orig == NULL) {
		if (sqlite3_initialize() != SQLITE_OK ||
		    (orig = sqlite3_vfs_find(NULL)) == NULL)
			return -1;
		memset(&fault_vfs, 0, sizeof(fault_vfs));
		fault_vfs.iVersion = 2;
		fault_vfs.szOsFile = (int)sizeof(struct fault_file) + orig->szOsFile;
		fault_vfs.mxPathname = orig->mxPathname;
		fault_vfs.zName = "trellis-fault";
		fault_vfs.xOpen = fv_open;
		fault_vfs.xDelete = fv_delete;
		fault_vfs.xAccess = fv_access;
		fault_vfs.xFullPathname = fv_full_pathname;
		/* extensions are never loaded (store_open turns loading off) */
		fault_vfs.xRandomness = fv_randomness;
		fault_vfs.xSleep = fv_sleep;
		fault_vfs.xCurrentTime = fv_current_time;
		fault_vfs.xGetLastError = fv_get_last_error;
		fault_vfs.xCurrentTimeInt64 = fv_current_time_int64;
	}
	return sqlite3_vfs_register(&fault_vfs, 1) == SQLITE_OK ? 0 : -1;
}

void
vfs_fault_uninstall(void)
{
	if (orig == NULL)
		return;
	sqlite3_vfs_unregister(&fault_vfs);
	sqlite3_vfs_register(orig, 1);
}

void
vfs_fault_arm(enum vfs_fault_op op, long k, int forever)
{
	memset(calls, 0, sizeof(calls));
	fired = 0;
	armed_op = op;
	armed_k = k;
	armed_forever = forever;
}

long
vfs_fault_count(enum vfs_fault_op op)
{
	return calls[op];
}

long
vfs_fault_fired(void)
{
	return fired;
}
