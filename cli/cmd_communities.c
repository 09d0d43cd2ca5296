/* relgraph communities: groups that work together, and who is central in each. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "graph/analyze/analyze.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"communities", 19, false,
    "usage: relgraph communities [-g graph.json] [--method leiden|louvain] [--view VIEW] [--seed S]\n"
    "                            [--members N] [--min-size N] [--json] [FILE|DIR ...]\n\n"
    "Communities of a view (weighted modularity, resolution 1, fixed seed), each\n"
    "with its most central members (by weighted degree within the view) and the\n"
    "modularity of the whole division.\n\n"};

/* What to compute and how to show it. */
typedef struct args {
    rg_cli_query q; /* -g, the graph */
    rg_community_method method;
    rg_view_options vo;
    long seed, members, min_size;
    bool as_json;
} args;

/* The division of a view: each node's community, its weighted degree in
 * the view, and the scratch list of one community's members. */
typedef struct division {
    long *membership;
    double *strength;
    rg_cli_scored *list;
    size_t count;
    double modularity;
} division;

static int method_option(const char *command, char *arg, void *value)
{
    rg_community_method *method = value;
    if (strcmp(arg, "leiden") == 0)
        *method = RG_COMMUNITY_LEIDEN;
    else if (strcmp(arg, "louvain") == 0)
        *method = RG_COMMUNITY_LOUVAIN;
    else
        return rg_options_fail(command, "unknown method '%s': use leiden or louvain", arg);
    return 0;
}

/* Parse argv and get the graph. */
static int open_args(int argc, char **argv, args *a)
{
    *a = (args){{{0}, NULL, NULL, NULL, {0, 0}}, RG_COMMUNITY_LEIDEN, {RG_VIEW_AGENCIES, NULL}, 1, 8, 2, false};
    const rg_option options[] = {
        RG_OPT_GRAPH(&a->q.graph_file),
        RG_OPT_CALLBACK(0, "method", &a->method, "M", "leiden (the default) or louvain", method_option),
        RG_OPT_CALLBACK(0, "view", &a->vo.kind, "VIEW", "agencies (the default), entities or full", rg_cli_option_view),
        RG_OPT_COUNT(0, "seed", &a->seed, "S", "the seed (default: 1)"),
        RG_OPT_COUNT(0, "members", &a->members, "N", "members listed per community (default: 8)"),
        RG_OPT_COUNT(0, "min-size", &a->min_size, "N", "leave out communities smaller than N (default: 2)"),
        RG_OPT_JSON(&a->as_json),
        RG_OPT_END,
    };
    return rg_cli_query_open(&usage, options, argc, argv, 0, NULL, -1, &a->q);
}

static int divide(const rg_graph *g, const args *a, division *d, rg_error *err)
{
    size_t n = g->n_nodes ? g->n_nodes : 1;
    *d = (division){malloc(n * sizeof *d->membership), malloc(n * sizeof *d->strength), malloc(n * sizeof *d->list),
                    0, NAN};
    if (!d->membership || !d->strength || !d->list)
        return rg_error_nomem(err);
    rg_view *v = NULL;
    int rc = rg_view_new(g, &a->vo, &v, err);
    if (rc == 0)
        rc = rg_view_communities(v, a->method, (unsigned long)a->seed, 0, d->membership, &d->count, &d->modularity,
                                 err);
    if (rc == 0)
        rc = rg_view_measure(v, RG_SCORE_STRENGTH, NULL, d->strength, err);
    rg_view_free(v);
    return rc;
}

static void division_destroy(division *d)
{
    free(d->membership);
    free(d->strength);
    free(d->list);
}

/* The members of community k into d->list, most central first; how many. */
static size_t members_of(const rg_graph *g, division *d, long k)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        if (d->membership[i] == k)
            d->list[n++] = (rg_cli_scored){i, d->strength[i], g->nodes[i].id};
    qsort(d->list, n, sizeof *d->list, rg_cli_by_score);
    return n;
}

static json_t *community_json(const rg_graph *g, const division *d, long k, size_t n)
{
    json_t *ms = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *m = json_object();
        json_object_set_new(m, "id", json_string(g->nodes[d->list[i].node].id));
        json_object_set_new(m, "label", json_string(g->nodes[d->list[i].node].label));
        json_object_set_new(m, "strength", json_real(d->list[i].score));
        json_array_append_new(ms, m);
    }
    json_t *o = json_object();
    json_object_set_new(o, "community", json_integer(k));
    json_object_set_new(o, "size", json_integer((json_int_t)n));
    json_object_set_new(o, "members", ms);
    return o;
}

static void print_json(const rg_graph *g, const args *a, division *d)
{
    json_t *list = json_array();
    for (long k = 0; k < (long)d->count; k++) {
        size_t n = members_of(g, d, k);
        if ((long)n >= a->min_size)
            json_array_append_new(list, community_json(g, d, k, n));
    }
    json_t *o = json_object();
    json_object_set_new(o, "method", json_string(a->method == RG_COMMUNITY_LEIDEN ? "leiden" : "louvain"));
    json_object_set_new(o, "count", json_integer((json_int_t)d->count));
    json_object_set_new(o, "modularity", isnan(d->modularity) ? json_null() : json_real(d->modularity));
    json_object_set_new(o, "communities", list);
    rg_cli_print_json(o);
}

/* Community k's first members in an aligned table. */
static void print_community(const rg_graph *g, const division *d, long k, size_t n, long members)
{
    printf("\ncommunity %ld: %zu members\n", k + 1, n);
    int w_label = 0, w_type = 0;
    for (size_t i = 0; i < n && (long)i < members; i++) {
        const rg_node *node = &g->nodes[d->list[i].node];
        int w = rg_cli_label_width(node->label), wt = (int)strlen(rg_type_name(node->type));
        w_label = w > w_label ? w : w_label;
        w_type = wt > w_type ? wt : w_type;
    }
    for (size_t i = 0; i < n && (long)i < members; i++) {
        const rg_node *node = &g->nodes[d->list[i].node];
        printf("  ");
        rg_cli_print_label(node->label, w_label);
        printf("  %-*s  %8g\n", w_type, rg_type_name(node->type), d->list[i].score);
    }
    if ((long)n > members)
        printf("  ... and %zu more\n", n - (size_t)members);
}

static void print_text(const rg_graph *g, const args *a, division *d)
{
    printf("%s on the %s view: %zu communities, ", a->method == RG_COMMUNITY_LEIDEN ? "Leiden" : "Louvain",
           rg_view_name(a->vo.kind), d->count);
    /* a view without links has no modularity: say so rather than print nan */
    if (isnan(d->modularity))
        printf("no modularity (the view has no links)\n");
    else
        printf("modularity %.4f\n", d->modularity);
    size_t shown = 0;
    for (long k = 0; k < (long)d->count; k++) {
        size_t n = members_of(g, d, k);
        if ((long)n < a->min_size)
            continue;
        shown++;
        print_community(g, d, k, n, a->members);
    }
    if (shown < d->count)
        printf("\n(%zu smaller communities left out; --min-size 1 lists them)\n", d->count - shown);
}

int cmd_communities(int argc, char **argv)
{
    args a;
    division d = {0};
    int status = open_args(argc, argv, &a);
    if (status >= 0)
        return status;
    status = divide(a.q.g, &a, &d, &a.q.err) < 0 ? rg_cli_fail(&a.q.err) : 0;
    if (status == 0 && a.as_json)
        print_json(a.q.g, &a, &d);
    else if (status == 0)
        print_text(a.q.g, &a, &d);
    division_destroy(&d);
    rg_cli_query_close(&a.q);
    return status;
}
