/* The fault-injecting SQLite VFS (see faultvfs.h). Single-threaded tests only. */
#include "faultvfs.h"

#include <sqlite3.h>
#include <string.h>

typedef struct fault_file {
    sqlite3_file base; /* pMethods = our methods */
    sqlite3_file *real; /* points just after this struct */
} fault_file;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods fault_methods;

static unsigned armed_mask;
static long fail_at, calls, injected;
static int sticky;

void faultvfs_arm(unsigned mask, long at, int st)
{
    armed_mask = mask;
    fail_at = at;
    sticky = st;
    calls = injected = 0;
}
void faultvfs_disarm(void) { armed_mask = 0; }
long faultvfs_calls(void) { return calls; }
long faultvfs_injected(void) { return injected; }

/* Counts a call of `kind`; nonzero when it must fail. */
static int hit(unsigned kind)
{
    if (!(armed_mask & kind))
        return 0;
    calls++;
    if (fail_at > 0 && (calls == fail_at || (sticky && calls > fail_at))) {
        injected++;
        return 1;
    }
    return 0;
}

#define REAL(f) (((fault_file *)(f))->real)

static int f_close(sqlite3_file *f)
{
    int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
    f->pMethods = NULL;
    return rc;
}
static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    if (hit(FV_READ))
        return SQLITE_IOERR_READ;
    return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}
static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (hit(FV_WRITE))
        return injected % 3 == 0 ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (hit(FV_TRUNCATE))
        return SQLITE_IOERR_TRUNCATE;
    return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int f_sync(sqlite3_file *f, int flags)
{
    if (hit(FV_SYNC))
        return SQLITE_IOERR_FSYNC;
    return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *size) { return REAL(f)->pMethods->xFileSize(REAL(f), size); }
static int f_lock(sqlite3_file *f, int level)
{
    if (hit(FV_LOCK))
        return SQLITE_BUSY;
    return REAL(f)->pMethods->xLock(REAL(f), level);
}
static int f_unlock(sqlite3_file *f, int level) { return REAL(f)->pMethods->xUnlock(REAL(f), level); }
static int f_reserved(sqlite3_file *f, int *out)
{
    if (hit(FV_LOCK))
        return SQLITE_IOERR_CHECKRESERVEDLOCK;
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int f_fcntl(sqlite3_file *f, int op, void *arg)
{
    /* Only the operations a real filesystem can fail; the others are queries
     * or notices (COMMIT_PHASETWO comes after the commit is durable). */
    if ((op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_SYNC) && hit(FV_FCNTL))
        return SQLITE_IOERR;
    int rc = REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
    if (op == SQLITE_FCNTL_VFSNAME && rc == SQLITE_OK && arg != NULL) {
        char **name = arg;
        char *wrapped = sqlite3_mprintf("%s/%z", FAULTVFS_NAME, *name);
        *name = wrapped;
    }
    return rc;
}
static int f_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int f_devchar(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int f_shmmap(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
    if (hit(FV_SHMMAP))
        return SQLITE_IOERR_SHMMAP;
    return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, pp);
}
static int f_shmlock(sqlite3_file *f, int off, int n, int flags)
{
    if ((flags & SQLITE_SHM_LOCK) && hit(FV_LOCK))
        return SQLITE_BUSY;
    return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void f_shmbarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int f_shmunmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
    (void)vfs;
    fault_file *ff = (fault_file *)file;
    ff->real = (sqlite3_file *)(ff + 1);
    memset(ff->real, 0, (size_t)real_vfs->szOsFile);
    int rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out_flags);
    /* SQLite calls xClose even after a failed xOpen when pMethods is set. */
    file->pMethods = ff->real->pMethods ? &fault_methods : NULL;
    return rc;
}
static int v_delete(sqlite3_vfs *v, const char *name, int sync)
{
    (void)v;
    return real_vfs->xDelete(real_vfs, name, sync);
}
static int v_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    (void)v;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int v_fullpath(sqlite3_vfs *v, const char *name, int n, char *out)
{
    (void)v;
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}
static void *v_dlopen(sqlite3_vfs *v, const char *name)
{
    (void)v;
    return real_vfs->xDlOpen(real_vfs, name);
}
static void v_dlerror(sqlite3_vfs *v, int n, char *msg)
{
    (void)v;
    real_vfs->xDlError(real_vfs, n, msg);
}
static void (*v_dlsym(sqlite3_vfs *v, void *h, const char *sym))(void)
{
    (void)v;
    return real_vfs->xDlSym(real_vfs, h, sym);
}
static void v_dlclose(sqlite3_vfs *v, void *h)
{
    (void)v;
    real_vfs->xDlClose(real_vfs, h);
}
static int v_random(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xRandomness(real_vfs, n, out);
}
static int v_sleep(sqlite3_vfs *v, int us)
{
    (void)v;
    return real_vfs->xSleep(real_vfs, us);
}
static int v_time(sqlite3_vfs *v, double *out)
{
    (void)v;
    return real_vfs->xCurrentTime(real_vfs, out);
}
static int v_lasterr(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xGetLastError ? real_vfs->xGetLastError(real_vfs, n, out) : 0;
}
static int v_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
    (void)v;
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

int faultvfs_register(void)
{
    if (real_vfs != NULL)
        return SQLITE_OK;
    int rc = sqlite3_initialize();
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_vfs *r = sqlite3_vfs_find(NULL);
    if (r == NULL || r->iVersion < 2)
        return SQLITE_ERROR;
    real_vfs = r;
    /* Version 2 methods: shared memory (WAL), no memory-mapped I/O (xFetch),
     * so every page write goes through xWrite. */
    fault_methods = (sqlite3_io_methods){ 2, f_close, f_read, f_write, f_truncate, f_sync, f_size,
                                          f_lock, f_unlock, f_reserved, f_fcntl, f_sector, f_devchar,
                                          f_shmmap, f_shmlock, f_shmbarrier, f_shmunmap, NULL, NULL };
    fault_vfs = (sqlite3_vfs){ 2, (int)sizeof(fault_file) + r->szOsFile, r->mxPathname, NULL, FAULTVFS_NAME, NULL,
                               v_open, v_delete, v_access, v_fullpath, v_dlopen, v_dlerror, v_dlsym,
                               v_dlclose, v_random, v_sleep, v_time, v_lasterr, v_time64,
                               NULL, NULL, NULL };
    return sqlite3_vfs_register(&fault_vfs, 0);
}
