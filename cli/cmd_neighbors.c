/* relgraph neighbors: what a node is linked to, with evidence. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

static const rg_options_usage usage = {"neighbors", 19, false,
    "usage: relgraph neighbors A [-g graph.json] [--type TYPE] [--relation R] [--json] [FILE|DIR ...]\n\n"
    "Every link of a node, by relation, with the other end and the evidence.\n\n"};

json_t *rg_cli_neighbors_json(const rg_graph *g, size_t node, const size_t *links, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        const rg_link *l = &g->links[links[i]];
        size_t other = rg_other_end(g, links[i], node);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(g->nodes[other].id));
        json_object_set_new(o, "label", json_string(g->nodes[other].label));
        json_object_set_new(o, "type", json_string(rg_type_name(g->nodes[other].type)));
        json_object_set_new(o, "relation", json_string(rg_relation_name(l->relation)));
        json_object_set_new(o, "direction", json_string(l->source == node ? "out" : "in"));
        json_object_set_new(o, "weight", json_real(l->weight));
        if (l->inferred)
            json_object_set_new(o, "inferred", json_true());
        json_object_set_new(o, "evidence", rg_json_evidence(l));
        json_array_append_new(list, o);
    }
    json_t *o = json_object();
    json_object_set_new(o, "node", json_string(g->nodes[node].id));
    json_object_set_new(o, "neighbors", list);
    return o;
}

int cmd_neighbors(int argc, char **argv)
{
    rg_cli_query q = {0};
    int type = -1, relation = -1;
    bool as_json = false;
    const rg_option options[] = {
        RG_OPT_GRAPH(&q.graph_file),
        RG_OPT_CALLBACK(0, "type", &type, "TYPE", "only neighbours of this type", rg_cli_option_type),
        RG_OPT_CALLBACK(0, "relation", &relation, "R",
                        "only this relation (leads, partners, targets, concerns,\n"
                        "part_of, member_of, co_mentioned, contains); when no\n"
                        "link of the node passes --type and --relation but it\n"
                        "has others, an error (exit 1) says what they are",
                        rg_cli_option_relation),
        RG_OPT_JSON(&as_json),
        RG_OPT_END,
    };
    int done = rg_cli_query_open(&usage, options, argc, argv, 1, "neighbors needs a name", 1, &q);
    if (done >= 0)
        return done;
    const rg_graph *g = q.g;
    size_t node = q.nodes[0], *links = NULL, n = 0;
    int status = 0;
    if (rg_query_neighbors(g, node, relation, type, &links, &n, &q.err) < 0 ||
        (n == 0 && rg_cli_filter_no_neighbors(g, node, type, relation, &q.err) < 0)) {
        status = rg_cli_fail(&q.err);
    } else if (as_json) {
        rg_cli_print_json(rg_cli_neighbors_json(g, node, links, n));
    } else {
        char buf[600];
        printf("%s: %zu link%s\n", rg_cli_node_name(&g->nodes[node], buf, sizeof buf), n, n == 1 ? "" : "s");
        static const rg_cli_links_style style = {0, false, 2, 6, true, NULL};
        rg_cli_print_links(g, node, links, n, &style);
    }
    free(links);
    rg_cli_query_close(&q);
    return status;
}
