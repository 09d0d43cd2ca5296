/* rg_json: the graph file (node-link JSON, ../spec graph-json.md).
 *
 * The writer streams: a header, then one node or link object per line,
 * encoded straight from the graph in jansson's layout, through a 64 KiB
 * buffer, so memory stays flat whatever the graph's size and a diff of two
 * graph files reads line by line. Output is sorted and byte-for-byte
 * deterministic.
 *
 * The reader accepts "links" or "edges", checks the schema (ids unique,
 * link ends present, known types and relations) and names the file, line
 * and column of what is wrong.
 *
 * Ownership: rg_json_read returns a new graph the caller frees.
 */
#ifndef RG_JSON_H
#define RG_JSON_H

#include "config.h"

#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stdio.h>

/* The "generator" a graph file names: a file of another version is rebuilt
 * in full by an update. */
#define RG_GENERATOR "relgraph " RG_VERSION

typedef struct rg_json_options {
    const char *links_key; /* "links" (default) or "edges" */
} rg_json_options;

/* Write g, finished (rg_graph_finish), to out. path names the output in
 * errors. */
int rg_json_write(const rg_graph *g, FILE *out, const char *path, const rg_json_options *opts, rg_error *err);

/* Read a graph file. */
int rg_json_read(const char *path, rg_graph **out, rg_error *err);
int rg_json_read_text(const char *path, const char *text, size_t len, rg_graph **out, rg_error *err);

/* The evidence of a link as a jansson array of {doc, line, text}, as the
 * queries and the JGF export show it; NULL when out of memory. */
struct json_t *rg_json_evidence(const rg_link *l);

#endif
