/* rg_output: write a file so that a failed run never leaves half of it.
 *
 * rg_output_open creates a temporary file next to the destination; the
 * caller writes to its FILE *; rg_output_commit flushes, syncs and renames
 * it into place, and rg_output_abort removes it. The destination is never
 * touched until the new content is complete.
 *
 * Ownership: the rg_output is caller-owned; commit or abort releases it.
 */
#ifndef RG_OUTPUT_H
#define RG_OUTPUT_H

#include "graph/base/error.h"

#include <stdio.h>

typedef struct rg_output {
    FILE *file;
    char *path;
    char *tmp;
    int created; /* tmp exists on disk */
} rg_output;

int rg_output_open(rg_output *o, const char *path, rg_error *err);
int rg_output_commit(rg_output *o, rg_error *err);
void rg_output_abort(rg_output *o);

/* Write path in one call: open, let write fill the file (it returns 0, or
 * -1 with err set), then commit, or abort when write failed. The one way
 * a command writes a whole file safely. */
typedef int rg_output_fn(void *ctx, FILE *out, const char *path, rg_error *err);
int rg_output_write(const char *path, rg_output_fn *write, void *ctx, rg_error *err);

/* Start writing what f holds so far to disk, without waiting for it: a
 * writer of a large file calls it as it goes, so that the disk works while
 * the rest is encoded and the fsync of the commit has little left to do.
 * A hint: does nothing where the system has no way to say it. */
void rg_output_writeback(FILE *f);

#endif
