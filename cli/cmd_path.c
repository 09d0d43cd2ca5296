/* relgraph path: how two nodes are connected, and through what. */
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
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"path", 19, false,
    "usage: relgraph path A B [-g graph.json] [--via TYPE] [--all] [--max-len N] [--co-mentions] [--json]\n"
    "                   [FILE|DIR ...]\n\n"
    "The shortest connections between two nodes (any name, alias, acronym or id),\n"
    "each step with its relation and the sentence, report and line behind it.\n"
    "Steps go through recommendations, programs and bodies; reports are left out,\n"
    "and co-mentions unless --co-mentions is given.\n\n"};

static json_t *path_json(const rg_graph *g, const rg_path *p)
{
    json_t *steps = json_array();
    for (size_t k = 0; k < p->len; k++) {
        const rg_link *l = &g->links[p->links[k]];
        json_t *s = json_object();
        json_object_set_new(s, "from", json_string(g->nodes[p->nodes[k]].id));
        json_object_set_new(s, "to", json_string(g->nodes[p->nodes[k + 1]].id));
        json_object_set_new(s, "relation", json_string(rg_relation_name(l->relation)));
        json_object_set_new(s, "direction", json_string(l->source == p->nodes[k] ? "forward" : "backward"));
        if (l->inferred)
            json_object_set_new(s, "inferred", json_true());
        json_object_set_new(s, "evidence", rg_json_evidence(l));
        json_array_append_new(steps, s);
    }
    json_t *o = json_object();
    json_object_set_new(o, "length", json_integer((json_int_t)p->len));
    json_object_set_new(o, "steps", steps);
    return o;
}

json_t *rg_cli_paths_json(const rg_graph *g, size_t from, size_t to, const rg_path *paths, size_t n)
{
    json_t *o = json_object();
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list, path_json(g, &paths[i]));
    json_object_set_new(o, "from", json_string(g->nodes[from].id));
    json_object_set_new(o, "to", json_string(g->nodes[to].id));
    json_object_set_new(o, "paths", list);
    return o;
}

static void print_path(const rg_graph *g, const rg_path *p)
{
    char buf[600];
    printf("  %s\n", rg_cli_node_name(&g->nodes[p->nodes[0]], buf, sizeof buf));
    const rg_link *prev = NULL;
    for (size_t k = 0; k < p->len; k++) {
        const rg_link *l = &g->links[p->links[k]];
        bool forward = l->source == p->nodes[k];
        printf("    %s%s%s  %s%s\n", forward ? "-" : "<-", rg_relation_name(l->relation), forward ? "->" : "-",
               rg_cli_node_name(&g->nodes[p->nodes[k + 1]], buf, sizeof buf), l->inferred ? " (inferred)" : "");
        rg_cli_print_evidence_after(prev, l, 8);
        prev = l;
    }
}

/* --via: a type other than report. */
int rg_cli_path_option_via(const char *command, char *arg, void *value)
{
    int *via = value;
    *via = rg_type_parse(arg);
    if (*via < 0 || *via == RG_TYPE_REPORT)
        return rg_options_fail(command, "unknown type '%s'", arg);
    return 0;
}

int cmd_path(int argc, char **argv)
{
    rg_cli_query q = {0};
    rg_path_options opts = {.via = -1};
    bool as_json = false;
    const rg_option options[] = {
        RG_OPT_GRAPH(&q.graph_file),
        RG_OPT_CALLBACK(0, "via", &opts.via, "TYPE",
                        "every step in between is of this type (recommendation,\n"
                        "program, agency, actor)",
                        rg_cli_path_option_via),
        RG_OPT_SET(0, "all", &opts.all, "every shortest path (at most 100), not the first"),
        RG_OPT_COUNT(0, "max-len", &opts.max_len, "N", "no path longer than N links"),
        RG_OPT_SET(0, "co-mentions", &opts.co_mentions, "also step along co_mentioned links"),
        RG_OPT_JSON(&as_json),
        RG_OPT_END,
    };
    int done = rg_cli_query_open(&usage, options, argc, argv, 2, "path needs two names", 2, &q);
    if (done >= 0)
        return done;
    const rg_graph *g = q.g;
    size_t from = q.nodes[0], to = q.nodes[1];
    rg_path *paths = NULL;
    size_t n = 0;
    int status = 0;
    if (rg_query_paths(g, from, to, &opts, &paths, &n, &q.err) < 0) {
        status = rg_cli_fail(&q.err);
    } else if (as_json) {
        rg_cli_print_json(rg_cli_paths_json(g, from, to, paths, n));
    } else if (n == 0) {
        printf("no path from %s to %s%s\n", g->nodes[from].label, g->nodes[to].label,
               opts.max_len ? " within the length asked" : "");
    } else {
        printf("%s -> %s: %zu path%s of %zu link%s\n\n", g->nodes[from].label, g->nodes[to].label, n, n == 1 ? "" : "s",
               paths[0].len, paths[0].len == 1 ? "" : "s");
        for (size_t i = 0; i < n; i++) {
            if (n > 1)
                printf("path %zu\n", i + 1);
            print_path(g, &paths[i]);
        }
    }
    rg_paths_free(paths, n);
    rg_cli_query_close(&q);
    return status;
}
