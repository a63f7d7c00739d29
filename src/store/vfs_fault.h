#ifndef TRELLIS_VFS_FAULT_H
#define TRELLIS_VFS_FAULT_H
/*
 * A fault-injecting SQLite VFS, for the reliability tests only (R2 of
 * RELIABILITY.md): it wraps the default VFS and makes the k-th write or
 * sync after vfs_fault_arm fail with an I/O error, once or from then on.
 * Nothing in trellis itself calls these functions; a test installs the
 * shim, and every store_open after that goes through it until
 * vfs_fault_uninstall. This header keeps sqlite3.h inside src/store.
 */

enum vfs_fault_op {
	VFS_FAULT_WRITE,	/* xWrite on any file (database, WAL) */
	VFS_FAULT_SYNC,		/* xSync on any file */
	VFS_FAULT__MAX
};

/*
 * Registers the shim as SQLite's default VFS (idempotent). Connections
 * opened before keep their VFS. Returns 0, or -1 when there is no default
 * VFS to wrap.
 */
int vfs_fault_install(void);
/* Makes the wrapped VFS the default again; close the shim's connections first. */
void vfs_fault_uninstall(void);

/*
 * Resets the counters and arms a fault: the k-th call (1-based) of op from
 * now fails, and with forever every later one too. k = 0 disarms (calls
 * are still counted).
 */
void vfs_fault_arm(enum vfs_fault_op op, long k, int forever);
/* Counts calls of op since the last arm, faults included. */
long vfs_fault_count(enum vfs_fault_op op);
/* How many calls failed since the last arm. */
long vfs_fault_fired(void);

#endif
