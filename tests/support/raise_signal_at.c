/* An LD_PRELOAD shim for the interruption tests: it raises SIGINT inside the Nth call of one
 * function blogconv makes while writing output, so a test interrupts the run at a known point
 * instead of after a sleep (which lands before, during or after the work, by luck).
 *
 *   BLOGCONV_RAISE_IN  mkdirat, or rename (renameat and renameat2 counted together)
 *   BLOGCONV_RAISE_AT  which call, counting from 1 (default 1)
 *
 * The signal is raised before the real call is made; blogconv's own handler then decides what
 * happens, exactly as for a Ctrl-C at that moment. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static atomic_int calls;

static void maybe_raise(const char* function) {
    const char* in = getenv("BLOGCONV_RAISE_IN");
    if (!in || strcmp(in, function) != 0) return;
    const char* at = getenv("BLOGCONV_RAISE_AT");
    int n = at ? atoi(at) : 1;
    if (atomic_fetch_add(&calls, 1) + 1 == n) raise(SIGINT);
}

int mkdirat(int dirfd, const char* path, mode_t mode) {
    maybe_raise("mkdirat");
    int (*real)(int, const char*, mode_t) = (int (*)(int, const char*, mode_t))dlsym(RTLD_NEXT, "mkdirat");
    return real(dirfd, path, mode);
}

int renameat2(int olddirfd, const char* oldpath, int newdirfd, const char* newpath, unsigned int flags) {
    maybe_raise("rename");
    int (*real)(int, const char*, int, const char*, unsigned int) =
        (int (*)(int, const char*, int, const char*, unsigned int))dlsym(RTLD_NEXT, "renameat2");
    return real(olddirfd, oldpath, newdirfd, newpath, flags);
}

int renameat(int olddirfd, const char* oldpath, int newdirfd, const char* newpath) {
    maybe_raise("rename");
    int (*real)(int, const char*, int, const char*) =
        (int (*)(int, const char*, int, const char*))dlsym(RTLD_NEXT, "renameat");
    return real(olddirfd, oldpath, newdirfd, newpath);
}
