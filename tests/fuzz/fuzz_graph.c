/* libFuzzer target: the graph-file reader, then what every command does
 * with a graph it read: write it again, build the views, ask by name. */
#include "export/json.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/query.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rg_graph *g = NULL;
    rg_error err;
    rg_error_clear(&err);
    if (rg_json_read_text("fuzz.json", (const char *)data, size, &g, &err) < 0)
        return 0;
    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
        rg_json_write(g, sink, "sink", NULL, &err);
        fclose(sink);
    }
    rg_view *v = NULL;
    if (g->n_nodes < 2000 && rg_view_new(g, NULL, &v, &err) == 0) {
        double *s = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *s);
        if (s)
            rg_view_measure(v, RG_SCORE_PAGERANK, NULL, s, &err);
        free(s);
    }
    rg_view_free(v);
    rg_names *names = NULL;
    size_t node;
    if (g->n_nodes && rg_names_new(g, NULL, &names, &err) == 0 &&
        rg_names_resolve(names, g->nodes[0].label, &node, &err) == 0) {
        rg_path *paths = NULL;
        size_t n = 0;
        rg_query_paths(g, node, g->n_nodes - 1, NULL, &paths, &n, &err);
        rg_paths_free(paths, n);
    }
    rg_names_free(names);
    rg_graph_free(g);
    return 0;
}
