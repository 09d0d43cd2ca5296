/* rg_output: write a file so that a failed run never leaves half of it.
 *
 * rg_output_write creates a temporary file next to the destination, lets
 * the caller's function write to it, then flushes, syncs and renames it
 * into place, or removes it when the function failed. The destination is
 * never touched until the new content is complete. Every file relgraph
 * writes goes through it (the graph file through rg_json_write_file).
 *
 * Ownership: nothing outlives a call; the temporary file is gone when it
 * returns, renamed or removed.
 */
#ifndef RG_OUTPUT_H
#define RG_OUTPUT_H

#include "graph/base/error.h"

#include <stdio.h>

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
