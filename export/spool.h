/* rg_spool: write buffers to a stream from a second thread, in order.
 *
 * A writer of a large file encodes on one core while the spool's thread
 * hands the finished buffers to the kernel (the copy into the page cache
 * is as long as the encoding) and starts their writeback. The thread
 * calls nothing but the C library's stream functions and
 * rg_output_writeback, which are thread-safe; the encoder and the stream
 * are never touched by both threads at once (the stream belongs to the
 * spool until rg_spool_finish).
 *
 * Ownership: rg_spool_new / rg_spool_finish, which also frees it. The
 * buffers handed over are the spool's until it gives an empty one back.
 */
#ifndef RG_SPOOL_H
#define RG_SPOOL_H

#include "graph/base/text.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct rg_spool rg_spool;

/* A spool writing to out, or NULL when no thread can be started (write
 * synchronously then). */
rg_spool *rg_spool_new(FILE *out);

/* Queue the contents of b for writing and give b an empty buffer in
 * exchange; waits while the queue is full. false once a write has failed
 * (later buffers are dropped). */
bool rg_spool_write(rg_spool *s, rg_buf *b);

/* Wait until everything queued is written, stop the thread and free the
 * spool. false when a write failed; errno is the failure's then. */
bool rg_spool_finish(rg_spool *s);

#endif
