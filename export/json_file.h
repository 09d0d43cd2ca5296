/* rg_json_write_file: a graph file written safely (temporary file in the
 * same directory, fsync, rename: rg_output), so that a failed run never
 * leaves half a graph file or clobbers the last good one. Every command
 * that writes a graph file writes it through this.
 *
 * Ownership: g and opts are borrowed for the call.
 */
#ifndef RG_JSON_FILE_H
#define RG_JSON_FILE_H

#include "export/json.h"
#include "graph/base/error.h"
#include "graph/model/model.h"

/* Write g as the graph file path (rg_json_write's bytes). 0 or -1. */
int rg_json_write_file(const char *path, const rg_graph *g, const rg_json_options *opts, rg_error *err);

#endif
