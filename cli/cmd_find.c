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
    "usage: relgraph find TEXT [-g graph.json] [--type TYPE] [--modality LIST] [--limit N] [--json]\n"
    "                   [FILE|DIR ...]\n\n"
    "Nodes whose label, alias, id or recommendation text contains TEXT (any case),\n"
    "by type, then id.\n\n"};

size_t rg_cli_find_keep(const rg_graph *g, size_t *nodes, size_t n, int type)
{
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (type < 0 || (int)g->nodes[nodes[i]].type == type)
            nodes[kept++] = nodes[i];
    return kept;
}

json_t *rg_cli_find_json(const rg_graph *g, const size_t *nodes, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[nodes[i]];
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

/* The nodes found, as text: one line each, a recommendation's sentence on
 * a second. */
static void print_found(const rg_graph *g, const size_t *nodes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[nodes[i]];
        if (node->type == RG_TYPE_RECOMMENDATION) {
            char where[64];
            printf("%-15s %s%s%s%s\n%17s%s [%s, %s]\n", "recommendation", node->id, node->modality ? "  (" : "",
                   node->modality ? node->modality : "", node->modality ? ")" : "", "", node->text ? node->text : "",
                   node->doc ? node->doc : "", rg_cli_node_where(g, nodes[i], where, sizeof where));
        } else {
            printf("%-15s %s  (%s)\n", rg_type_name(node->type), node->label, node->id);
        }
    }
}

int cmd_find(int argc, char **argv)
{
    rg_cli_query q = {0};
    int type = -1;
    unsigned modalities = 0;
    long limit = 0;
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
        RG_OPT_COUNT(0, "limit", &limit, "N",
                     "the first N nodes found (default: all; how many were\n"
                     "found is then said on stderr)"),
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
        n = rg_cli_find_keep(g, nodes, n, type);
        size_t shown = limit > 0 && (size_t)limit < n ? (size_t)limit : n;
        if (shown < n)
            rg_cli_note("%zu nodes match '%s': the first %zu are given (--limit)", n, argv[optind], shown);
        if (as_json)
            rg_cli_print_json(rg_cli_find_json(g, nodes, shown));
        else if (!n)
            printf("nothing matches '%s'\n", argv[optind]);
        else
            print_found(g, nodes, shown);
    }
    free(nodes);
    rg_cli_query_close(&q);
    return status;
}
