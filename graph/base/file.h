/* rg_file: whole files in, and the paths that name them.
 *
 * Every reader of a file (reports, the catalog, graph files) takes its
 * bytes in one piece; this is the one place that opens, reads and says why
 * it could not.
 *
 * Ownership: rg_file_read fills a caller-owned rg_buf (rg_buf_destroy it,
 * on failure too); rg_file_join returns a string the caller frees.
 */
#ifndef RG_FILE_H
#define RG_FILE_H

#include "graph/base/error.h"
#include "graph/base/text.h"

#include <stdbool.h>
#include <stddef.h>

/* Read the file at path into out (initialized by the caller). Reading
 * stops once more than max bytes are in (0: no limit), so that a caller
 * can refuse a file too large without holding all of it. Returns 0, or -1
 * with err set: RG_ERR_IO "cannot open: REASON" or "cannot read: REASON",
 * or out of memory. O(size of the file). */
int rg_file_read(const char *path, size_t max, rg_buf *out, rg_error *err);

/* "a/b"; NULL when out of memory. */
char *rg_file_join(const char *a, const char *b);

/* Is path a directory (following links)? */
bool rg_file_is_dir(const char *path);

#endif
