// LD_PRELOAD shim: fsync/fdatasync succeed EIO_AFTER_SYNCS times, then fail with EIO for good (a dying disk).
// Built by test/outbox/io-error.test.ts; SQLite reports SQLITE_IOERR_FSYNC.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
static long budget = -2;
static int fail_now(void) {
  if (budget == -2) { const char *e = getenv("EIO_AFTER_SYNCS"); budget = e ? atol(e) : -1; }
  if (budget < 0) return 0;
  if (budget == 0) return 1;
  budget--;
  return 0;
}
int fsync(int fd) { if (fail_now()) { errno = EIO; return -1; } int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync"); return real(fd); }
int fdatasync(int fd) { if (fail_now()) { errno = EIO; return -1; } int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync"); return real(fd); }
