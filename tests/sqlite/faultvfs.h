/*
 * An SQLite VFS that wraps the default one and fails the N-th call of a
 * chosen kind (write, sync, lock, truncate, file control, shm map) with the
 * error a real disk or filesystem would give. Open a database through it with
 * the URI "file:PATH?vfs=" FAULTVFS_NAME (SQLITE_OPEN_URI).
 */
#ifndef MTRK_FAULTVFS_H
#define MTRK_FAULTVFS_H

#define FAULTVFS_NAME "mtrkfault"

enum {
    FV_WRITE = 1 << 0,    /* xWrite -> SQLITE_IOERR_WRITE (SQLITE_FULL every third) */
    FV_SYNC = 1 << 1,     /* xSync -> SQLITE_IOERR_FSYNC */
    FV_LOCK = 1 << 2,     /* xLock, xShmLock (taking) -> SQLITE_BUSY; xCheckReservedLock -> SQLITE_IOERR_CHECKRESERVEDLOCK */
    FV_TRUNCATE = 1 << 3, /* xTruncate -> SQLITE_IOERR_TRUNCATE */
    FV_FCNTL = 1 << 4,    /* xFileControl -> SQLITE_IOERR */
    FV_SHMMAP = 1 << 5,   /* xShmMap -> SQLITE_IOERR_SHMMAP */
    FV_READ = 1 << 6      /* xRead -> SQLITE_IOERR_READ */
};

/* Registers the VFS (idempotent). Returns an SQLite result code. */
int faultvfs_register(void);
/* Counts calls of the kinds in `mask` from now on and fails the fail_at-th
 * (1-based; 0 = never), and every later one when sticky. */
void faultvfs_arm(unsigned mask, long fail_at, int sticky);
void faultvfs_disarm(void);
long faultvfs_calls(void);    /* counted calls since arm */
long faultvfs_injected(void); /* failures injected since arm */

#endif
