/* relgraph communities: groups that work together, and who is central in each. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "graph/analyze/analyze.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: relgraph communities [-g graph.json] [--method leiden|louvain] [--view VIEW] [--seed S]\n"
    "                            [--members N] [--min-size N] [--json] [FILE|DIR ...]\n\n"
    "Communities of a view (weighted modularity, resolution 1, fixed seed), each\n"
    "with its most central members (by weighted degree within the view) and the\n"
    "modularity of the whole division.\n\n"
    "  -g, --graph FILE    the graph file (default: build from reports)\n"
    "      --method M      leiden (the default) or louvain\n"
    "      --view VIEW     agencies (the default), entities or full\n"
    "      --seed S        the seed (default: 1)\n"
    "      --members N     members listed per community (default: 8)\n"
    "      --min-size N    leave out communities smaller than N (default: 2)\n"
    "      --json          print JSON\n"
    "  -h, --help          show this help\n";

int cmd_communities(int argc, char **argv)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'}, {"method", required_argument, NULL, 'm'},
        {"view", required_argument, NULL, 'v'},  {"seed", required_argument, NULL, 's'},
        {"members", required_argument, NULL, 'n'}, {"min-size", required_argument, NULL, 'z'},
        {"json", no_argument, NULL, 'j'},        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *graph_file = NULL;
    rg_community_method method = RG_COMMUNITY_LEIDEN;
    rg_view_options vo = {RG_VIEW_AGENCIES, NULL};
    long seed = 1, members = 8, min_size = 2;
    bool as_json = false;
    int c;
    while ((c = getopt_long(argc, argv, "g:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            graph_file = optarg;
            break;
        case 'm':
            if (strcmp(optarg, "leiden") == 0)
                method = RG_COMMUNITY_LEIDEN;
            else if (strcmp(optarg, "louvain") == 0)
                method = RG_COMMUNITY_LOUVAIN;
            else
                return rg_cli_usage("communities", "unknown method '%s': use leiden or louvain", optarg);
            break;
        case 'v':
            if (!rg_view_parse(optarg, &vo.kind))
                return rg_cli_usage("communities", "unknown view '%s': use full, agencies or entities", optarg);
            break;
        case 's':
            if (!rg_cli_parse_count(optarg, &seed))
                return rg_cli_usage("communities", "--seed needs a positive whole number, not '%s'", optarg);
            break;
        case 'n':
            if (!rg_cli_parse_count(optarg, &members))
                return rg_cli_usage("communities", "--members needs a positive whole number, not '%s'", optarg);
            break;
        case 'z':
            if (!rg_cli_parse_count(optarg, &min_size))
                return rg_cli_usage("communities", "--min-size needs a positive whole number, not '%s'", optarg);
            break;
        case 'j':
            as_json = true;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage("communities", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    if (rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err) < 0)
        return rg_cli_fail(&err);
    rg_view *v = NULL;
    long *membership = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *membership);
    double *strength = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *strength);
    rg_cli_scored *list = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *list);
    size_t count = 0;
    double modularity = NAN;
    int status = 0;
    if (!membership || !strength || !list) {
        rg_error_nomem(&err);
        status = rg_cli_fail(&err);
    } else if (rg_view_new(g, &vo, &v, &err) < 0 ||
               rg_view_communities(v, method, (unsigned long)seed, 0, membership, &count, &modularity, &err) < 0 ||
               rg_view_measure(v, RG_SCORE_STRENGTH, NULL, strength, &err) < 0) {
        status = rg_cli_fail(&err);
    } else {
        json_t *out = as_json ? json_array() : NULL;
        size_t shown = 0;
        if (!as_json) {
            printf("%s on the %s view: %zu communities, ", method == RG_COMMUNITY_LEIDEN ? "Leiden" : "Louvain",
                   rg_view_name(vo.kind), count);
            /* a view without links has no modularity: say so rather than print nan */
            if (isnan(modularity))
                printf("no modularity (the view has no links)\n");
            else
                printf("modularity %.4f\n", modularity);
        }
        for (long k = 0; k < (long)count; k++) {
            size_t n = 0;
            for (size_t i = 0; i < g->n_nodes; i++)
                if (membership[i] == k)
                    list[n++] = (rg_cli_scored){i, strength[i], g->nodes[i].id};
            if ((long)n < min_size)
                continue;
            shown++;
            qsort(list, n, sizeof *list, rg_cli_by_score);
            if (out) {
                json_t *ms = json_array();
                for (size_t i = 0; i < n; i++) {
                    json_t *m = json_object();
                    json_object_set_new(m, "id", json_string(g->nodes[list[i].node].id));
                    json_object_set_new(m, "label", json_string(g->nodes[list[i].node].label));
                    json_object_set_new(m, "strength", json_real(list[i].score));
                    json_array_append_new(ms, m);
                }
                json_t *o = json_object();
                json_object_set_new(o, "community", json_integer(k));
                json_object_set_new(o, "size", json_integer((json_int_t)n));
                json_object_set_new(o, "members", ms);
                json_array_append_new(out, o);
                continue;
            }
            printf("\ncommunity %ld: %zu members\n", k + 1, n);
            int w_label = 0, w_type = 0;
            for (size_t i = 0; i < n && (long)i < members; i++) {
                const rg_node *node = &g->nodes[list[i].node];
                int w = rg_cli_label_width(node->label), wt = (int)strlen(rg_type_name(node->type));
                w_label = w > w_label ? w : w_label;
                w_type = wt > w_type ? wt : w_type;
            }
            for (size_t i = 0; i < n && (long)i < members; i++) {
                const rg_node *node = &g->nodes[list[i].node];
                printf("  ");
                rg_cli_print_label(node->label, w_label);
                printf("  %-*s  %8g\n", w_type, rg_type_name(node->type), list[i].score);
            }
            if ((long)n > members)
                printf("  ... and %zu more\n", n - (size_t)members);
        }
        if (out) {
            json_t *o = json_object();
            json_object_set_new(o, "method", json_string(method == RG_COMMUNITY_LEIDEN ? "leiden" : "louvain"));
            json_object_set_new(o, "count", json_integer((json_int_t)count));
            json_object_set_new(o, "modularity", isnan(modularity) ? json_null() : json_real(modularity));
            json_object_set_new(o, "communities", out);
            rg_cli_print_json(o);
        } else if (shown < count) {
            printf("\n(%zu smaller communities left out; --min-size 1 lists them)\n", count - shown);
        }
    }
    free(membership);
    free(strength);
    free(list);
    rg_view_free(v);
    rg_graph_free(g);
    return status;
}
