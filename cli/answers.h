/* The JSON answers of the queries, as `--json` prints them: shared by the
 * commands (cli/cmd_<name>.c, which define them) and by serve's API, so
 * that the server answers exactly what the CLI does.
 *
 * Ownership: each returns a new jansson value the caller frees (NULL when
 * out of memory); the graph and arrays are borrowed. */
#ifndef RG_CLI_ANSWERS_H
#define RG_CLI_ANSWERS_H

#include "graph/analyze/analyze.h"
#include "graph/analyze/order.h"
#include "graph/analyze/query.h"
#include "graph/model/model.h"

#include <jansson.h>
#include <stdio.h>

/* find: keep, in place, the nodes found (rg_query_find) of type (when
 * type >= 0); how many are kept. */
size_t rg_cli_find_keep(const rg_graph *g, size_t *nodes, size_t n, int type);

/* find: the nodes found, as kept. */
json_t *rg_cli_find_json(const rg_graph *g, const size_t *nodes, size_t n);

/* show: everything about node, with its links (rg_query_neighbors). */
json_t *rg_cli_show_json(const rg_graph *g, size_t node, const size_t *links, size_t n);

/* neighbors: node's links (rg_query_neighbors). */
json_t *rg_cli_neighbors_json(const rg_graph *g, size_t node, const size_t *links, size_t n);

/* path: the paths from one node to another (rg_query_paths). */
json_t *rg_cli_paths_json(const rg_graph *g, size_t from, size_t to, const rg_path *paths, size_t n);

/* common: the nodes a and b share (rg_query_common), with how each is
 * linked to them. */
json_t *rg_cli_common_json(const rg_graph *g, size_t a, size_t b, const size_t *shared, size_t n);

/* ego --json: the subgraph as its graph file (rg_json_write's bytes), on
 * out. */
int rg_cli_ego_write(const rg_graph *ego, FILE *out, rg_error *err);

/* evidence: the links between a and b (either way; of one relation when
 * relation >= 0), each with every piece of its evidence. An error
 * (RG_ERR_INPUT) when there is none, saying which relations they have. */
int rg_cli_evidence_answer(const rg_graph *g, size_t a, size_t b, int relation, json_t **out, rg_error *err);

/* rank: one measure of a view, the top rows of those that pass type and
 * country; the filters checked as rank checks them (cli/filters.h). */
typedef struct rg_cli_rank_ask {
    rg_score by;
    rg_view_options view;
    int type;            /* -1: any */
    const char *country; /* as given, or NULL */
    const char *doc;     /* as given, or NULL */
    unsigned modalities; /* 0: all */
    long top;
} rg_cli_rank_ask;

/* What rank asks when no option says otherwise. */
void rg_cli_rank_ask_defaults(rg_cli_rank_ask *ask);
json_t *rg_cli_rank_json(const rg_graph *g, rg_score by, rg_view_kind kind, const rg_view *v, const rg_scored *rows,
                         size_t n);
int rg_cli_rank_answer(const rg_graph *g, const rg_cli_rank_ask *ask, json_t **out, rg_error *err);

/* communities: the division of a view, its communities of min_size
 * members or more (every one with all), each with all its members. */
typedef struct rg_cli_communities_ask {
    rg_community_method method;
    rg_view_options view;
    long seed, min_size;
    bool all;
    bool note_bound; /* say on stderr when Leiden stops early on a big view
                      * (the command; the server's answers are silent) */
} rg_cli_communities_ask;

void rg_cli_communities_ask_defaults(rg_cli_communities_ask *ask);
int rg_cli_communities_answer(const rg_graph *g, const rg_cli_communities_ask *ask, json_t **out, rg_error *err);

/* The parsers of the options that are one command's own (rg_option_fn),
 * for the server to read its parameters as the command reads them: rank
 * --type (not report), communities --method, path --via. */
int rg_cli_rank_option_type(const char *command, char *arg, void *value);
int rg_cli_communities_option_method(const char *command, char *arg, void *value);
int rg_cli_path_option_via(const char *command, char *arg, void *value);

#endif
