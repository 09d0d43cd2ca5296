/* The JSON answers of the queries, as `--json` prints them: shared by the
 * commands (cli/cmd_<name>.c, which define them) and by serve's API, so
 * that the server answers exactly what the CLI does.
 *
 * Ownership: each returns a new jansson value the caller frees (NULL when
 * out of memory); the graph and arrays are borrowed. */
#ifndef RG_CLI_ANSWERS_H
#define RG_CLI_ANSWERS_H

#include "graph/analyze/query.h"
#include "graph/model/model.h"

#include <jansson.h>

/* find: the nodes found (rg_query_find), those of type only when type >= 0. */
json_t *rg_cli_find_json(const rg_graph *g, const size_t *nodes, size_t n, int type);

/* show: everything about node, with its links (rg_query_neighbors). */
json_t *rg_cli_show_json(const rg_graph *g, size_t node, const size_t *links, size_t n);

/* neighbors: node's links (rg_query_neighbors). */
json_t *rg_cli_neighbors_json(const rg_graph *g, size_t node, const size_t *links, size_t n);

/* path: the paths from one node to another (rg_query_paths). */
json_t *rg_cli_paths_json(const rg_graph *g, size_t from, size_t to, const rg_path *paths, size_t n);

#endif
