/* relgraph find: search names, aliases and recommendation text. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {"find", 19, false,
    "usage: relgraph find TEXT [-g graph.json] [--type TYPE] [--modality LIST] [--json] [FILE|DIR ...]\n\n"
    "Nodes whose label, alias, id or recommendation text contains TEXT (any case).\n\n"};

json_t *rg_cli_find_json(const rg_graph *g, const size_t *nodes, size_t n, int type)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[nodes[i]];
        if (type >= 0 && (int)node->type != type)
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(node->id));
        json_object_set_new(o, "label", json_string(node->label));
        json_object_set_new(o, "type", json_string(rg_type_name(node->type)));
        if (node->text)
            json_object_set_new(o, "text", json_string(node->text));
        if (node->modality)
            json_object_set_new(o, "modality", json_string(node->modality));
        json_array_append_new(list, o);
    }
    return list;
}

int cmd_find(int argc, char **argv)
{
    rg_cli_query q = {0};
    int type = -1;
    unsigned modalities = 0;
    bool as_json = false;
    const rg_option options[] = {
        RG_OPT_GRAPH(&q.graph_file),
        RG_OPT_CALLBACK(0, "type", &type, "TYPE",
                        "only nodes of this type (one the graph has none of:\n"
                        "an error, exit 1)",
                        rg_cli_option_type),
        RG_OPT_MODALITY(&modalities,
                        "only the recommendations of these modalities (should,\n"
                        "must, shall, need, could, imperative, will, commit,\n"
                        "agree, intend, urge, call, recommend; comma-separated)\n"
                        "and the nodes they name"),
        RG_OPT_JSON(&as_json),
        RG_OPT_END,
    };
    int done = rg_cli_query_open(&usage, options, argc, argv, 1, "find needs a text to look for", -1, &q);
    if (done >= 0)
        return done;
    size_t *nodes = NULL, n = 0;
    int status = 0;
    /* the query has no index of names: its graph may be swapped */
    if (rg_cli_filter_narrow(&q.g, &(rg_filter){.types = type >= 0 ? 1u << type : 0, .modalities = modalities}, &q.err) <
        0) {
        rg_cli_query_close(&q);
        return rg_cli_fail(&q.err);
    }
    const rg_graph *g = q.g;
    if (rg_query_find(g, argv[optind], &nodes, &n, &q.err) < 0) {
        status = rg_cli_fail(&q.err);
    } else {
        bool list = as_json; /* printed whole after the loop */
        size_t shown = 0;
        for (size_t i = 0; i < n; i++) {
            const rg_node *node = &g->nodes[nodes[i]];
            if (type >= 0 && (int)node->type != type)
                continue;
            shown++;
            if (list) {
                continue;
            } else if (node->type == RG_TYPE_RECOMMENDATION) {
                char where[64];
                printf("%-15s %s%s%s%s\n%17s%s [%s, %s]\n", "recommendation", node->id,
                       node->modality ? "  (" : "", node->modality ? node->modality : "", node->modality ? ")" : "", "",
                       node->text ? node->text : "", node->doc ? node->doc : "",
                       rg_cli_node_where(g, nodes[i], where, sizeof where));
            } else {
                printf("%-15s %s  (%s)\n", rg_type_name(node->type), node->label, node->id);
            }
        }
        if (list)
            rg_cli_print_json(rg_cli_find_json(g, nodes, n, type));
        else if (!shown)
            printf("nothing matches '%s'\n", argv[optind]);
    }
    free(nodes);
    rg_cli_query_close(&q);
    return status;
}
