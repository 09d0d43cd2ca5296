/* rg_error: how the relgraph library reports failure.
 *
 * Fallible functions return 0 on success and -1 on failure, and fill an
 * optional caller-owned rg_error. The first error wins: later calls to
 * rg_error_set on an error that already holds a message change nothing, so
 * the innermost, most precise cause is what the user sees. The library never
 * prints and never exits; the CLI turns an rg_error into one line of text and
 * an exit code.
 *
 * Ownership: an rg_error is a caller-owned value with no pointers in it;
 * the library only fills it.
 */
#ifndef RG_ERROR_H
#define RG_ERROR_H

#include <stddef.h>

/* Exit codes of the relgraph program, also the error classes. */
typedef enum rg_status {
    RG_OK = 0,
    RG_ERR_INPUT = 1, /* bad input: unreadable report, invalid JSON, unknown name */
    RG_ERR_USAGE = 2, /* bad command line */
    RG_ERR_IO = 3,    /* cannot open, read or write a file; out of memory */
} rg_status;

typedef struct rg_error {
    rg_status code;
    char file[512]; /* the file the error is about, or "" */
    long line;      /* 1-based line in file, or 0 when not known */
    long column;    /* 1-based column, or 0 */
    char msg[512];
} rg_error;

/* Reset err to "no error". */
void rg_error_clear(rg_error *err);

/* Record an error unless err is NULL or already holds one; always returns -1
 * so that callers can write `return rg_error_set(...)`. file may be NULL. */
int rg_error_set(rg_error *err, rg_status code, const char *file, long line,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Record "out of memory" (class RG_ERR_IO); returns -1. */
int rg_error_nomem(rg_error *err);

/* Format err as one line without the trailing newline, e.g.
 * "error: a.txt:12: invalid UTF-8 at byte 301". Returns buf. */
const char *rg_error_format(const rg_error *err, char *buf, size_t size);

#endif
