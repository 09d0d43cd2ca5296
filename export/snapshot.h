/* rg_snapshot: a binary copy of a large graph file, for loading it fast.
 *
 * Parsing JSON is the whole cost of a query on a big saved graph (a graph
 * file of 2M links is 150 MB of text). After a command reads a graph file of
 * RG_SNAPSHOT_MIN bytes or more (-g), it keeps a snapshot of the graph in
 * the cache directory ($RELGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/relgraph,
 * else ~/.cache/relgraph), named after the graph file's absolute path. A
 * snapshot is used only while the graph file has the size, modification and
 * status-change times, inode and device the snapshot recorded; anything
 * else (a stale, truncated or foreign snapshot) is ignored and the JSON is
 * read. The graph a snapshot gives is the one the JSON gives, down to the
 * order of every list, so outputs are byte-identical either way.
 * RELGRAPH_CACHE=off turns the cache off.
 *
 * Ownership: rg_snapshot_load returns a new graph the caller frees.
 */
#ifndef RG_SNAPSHOT_H
#define RG_SNAPSHOT_H

#include "graph/model/model.h"

#include <stdbool.h>
#include <stdio.h>

#define RG_SNAPSHOT_MIN (4L * 1024 * 1024)

/* The graph of json_path from its snapshot, or NULL when there is no fresh
 * snapshot (or the cache is off). Never fails otherwise. */
rg_graph *rg_snapshot_load(const char *json_path);

/* Keep a snapshot of g, the graph json_path now holds, if the file is big
 * enough and the cache is on. Best effort: failures leave no snapshot. */
void rg_snapshot_save(const rg_graph *g, const char *json_path);

/* The body of a snapshot (no freshness check), written to a stream, and
 * read from a file's current position or from memory: NULL when it is not
 * a whole, well-formed body. */
bool rg_snapshot_write_stream(const rg_graph *g, FILE *out);
rg_graph *rg_snapshot_read_stream(FILE *in);
rg_graph *rg_snapshot_read_mem(const char *data, size_t len);

#endif
