/* relgraph common: what two nodes share. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/json.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"common", 19, false,
    "usage: relgraph common A B [-g graph.json] [--json] [FILE|DIR ...]\n\n"
    "The recommendations, programs and partners two nodes are both linked to,\n"
    "with how each is linked and the evidence.\n\n"};

static json_t *side_json(const rg_graph *g, size_t link, size_t from)
{
    const rg_link *l = &g->links[link];
    json_t *o = json_object();
    json_object_set_new(o, "node", json_string(g->nodes[from].id));
    json_object_set_new(o, "relation", json_string(rg_relation_name(l->relation)));
    if (l->inferred)
        json_object_set_new(o, "inferred", json_true());
    json_object_set_new(o, "evidence", rg_json_evidence(l));
    return o;
}

json_t *rg_cli_common_json(const rg_graph *g, size_t a, size_t b, const size_t *shared, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        size_t s = shared[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(g->nodes[s].id));
        json_object_set_new(o, "label", json_string(g->nodes[s].label));
        json_object_set_new(o, "type", json_string(rg_type_name(g->nodes[s].type)));
        json_t *links = json_array();
        json_array_append_new(links, side_json(g, rg_query_link(g, a, s, false), a));
        json_array_append_new(links, side_json(g, rg_query_link(g, b, s, false), b));
        json_object_set_new(o, "links", links);
        json_array_append_new(list, o);
    }
    json_t *o = json_object();
    json_object_set_new(o, "a", json_string(g->nodes[a].id));
    json_object_set_new(o, "b", json_string(g->nodes[b].id));
    json_object_set_new(o, "common", list);
    return o;
}

int cmd_common(int argc, char **argv)
{
    rg_cli_query q = {0};
    bool as_json = false;
    const rg_option options[] = {RG_OPT_GRAPH(&q.graph_file), RG_OPT_JSON(&as_json), RG_OPT_END};
    int done = rg_cli_query_open(&usage, options, argc, argv, 2, "common needs two names", 2, &q);
    if (done >= 0)
        return done;
    const rg_graph *g = q.g;
    size_t a = q.nodes[0], b = q.nodes[1], *shared = NULL, n = 0;
    int status = 0;
    if (rg_query_common(g, a, b, &shared, &n, &q.err) < 0) {
        status = rg_cli_fail(&q.err);
    } else if (as_json) {
        rg_cli_print_json(rg_cli_common_json(g, a, b, shared, n));
    } else {
        char buf[600];
        printf("%s and %s share %zu node%s\n", g->nodes[a].label, g->nodes[b].label, n, n == 1 ? "" : "s");
        int last = -1;
        for (size_t i = 0; i < n; i++) {
            size_t s = shared[i];
            if ((int)g->nodes[s].type != last)
                printf("\n%ss\n", rg_type_name(g->nodes[s].type));
            last = (int)g->nodes[s].type;
            printf("  %s\n", rg_cli_node_name(&g->nodes[s], buf, sizeof buf));
            size_t la = rg_query_link(g, a, s, false), lb = rg_query_link(g, b, s, false);
            printf("    %s: %s%s; %s: %s%s\n", g->nodes[a].label, rg_relation_name(g->links[la].relation),
                   g->links[la].inferred ? " (inferred)" : "", g->nodes[b].label,
                   rg_relation_name(g->links[lb].relation), g->links[lb].inferred ? " (inferred)" : "");
            rg_cli_print_evidence(&g->links[la], 4);
            if (g->links[lb].n_evidence && g->links[la].n_evidence &&
                (g->links[lb].evidence[0].line != g->links[la].evidence[0].line ||
                 strcmp(g->links[lb].evidence[0].doc, g->links[la].evidence[0].doc) != 0))
                rg_cli_print_evidence(&g->links[lb], 4);
        }
    }
    free(shared);
    rg_cli_query_close(&q);
    return status;
}
