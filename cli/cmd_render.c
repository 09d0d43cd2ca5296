/* relgraph render: the graph as a diagram a person can read. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/dot.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: relgraph render [-g graph.json] -o FILE.dot|.svg|.png|.pdf [OPTIONS] [FILE|DIR ...]\n\n"
    "Draw the graph: shape and colour by node type (with a legend), links by\n"
    "relation (leads bold red, partners blue, concerns dashed green, part_of\n"
    "dotted). A recommendation shows its first words; in SVG its tooltip holds\n"
    "the whole sentence, report and line. Laid out and rendered with Graphviz.\n\n"
    "  -g, --graph FILE     the graph file (default: build from reports)\n"
    "  -o, --output FILE    the diagram; the format comes from the extension\n"
    "      --layout NAME    dot, neato, fdp, sfdp, circo or twopi (default: neato,\n"
    "                       dot with clusters, sfdp past 400 nodes; fdp's\n"
    "                       layout may differ from run to run)\n"
    "      --view VIEW      full (the default), or agencies: actors and agencies\n"
    "                       alone, linked by the recommendations they share\n"
    "      --cluster BY     country, community or none (the default)\n"
    "      --size-by SCORE  label size by a measure (pagerank, betweenness, ...)\n"
    "      --type TYPES     only these node types, comma-separated\n"
    "      --country CC     only the entities of this country\n"
    "      --doc REPORT     only the nodes of this report (its id)\n"
    "      --section TEXT   only the recommendations of sections whose title\n"
    "                       contains TEXT, and what they name\n"
    "      --top N          only the N entities of highest PageRank (or --size-by)\n"
    "      --focus NAME     only the nodes within --depth links of NAME\n"
    "      --depth N        with --focus (default: 2)\n"
    "      --relation RELS  draw only these relations, comma-separated\n"
    "      --title TEXT     a title above the diagram\n"
    "  -h, --help           show this help\n";

static const char *const score_names[] = {"degree", "strength", "betweenness", "closeness", "harmonic",
                                          "eigenvector", "pagerank", "hub", "authority", "coreness"};

/* Put a measure, or the Leiden community, into the nodes' scores, unless
 * the graph file brought them. */
static int ensure_score(rg_graph *g, rg_score which, bool projection, rg_error *err)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        if (!isnan(g->nodes[i].scores[which]))
            return 0;
    rg_view_options vo = {projection ? RG_VIEW_AGENCIES : RG_VIEW_FULL, NULL};
    rg_view *v;
    if (rg_view_new(g, &vo, &v, err) < 0)
        return -1;
    double *s = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *s);
    long *member = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *member);
    int rc = s && member ? 0 : rg_error_nomem(err);
    if (rc == 0 && which == RG_SCORE_COMMUNITY) {
        size_t count;
        double q;
        rc = rg_view_communities(v, RG_COMMUNITY_LEIDEN, 1, 0, member, &count, &q, err);
        for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
            s[i] = member[i] >= 0 ? (double)member[i] : NAN;
    } else if (rc == 0) {
        rc = rg_view_measure(v, which, NULL, s, err);
    }
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
        g->nodes[i].scores[which] = s[i];
    free(s);
    free(member);
    rg_view_free(v);
    return rc;
}

int cmd_render(int argc, char **argv)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'},   {"output", required_argument, NULL, 'o'},
        {"layout", required_argument, NULL, 'l'},  {"view", required_argument, NULL, 'v'},
        {"cluster", required_argument, NULL, 'c'}, {"size-by", required_argument, NULL, 's'},
        {"type", required_argument, NULL, 't'},    {"country", required_argument, NULL, 'C'},
        {"doc", required_argument, NULL, 'd'},     {"section", required_argument, NULL, 'S'},
        {"top", required_argument, NULL, 'n'},     {"focus", required_argument, NULL, 'f'},
        {"depth", required_argument, NULL, 'D'},   {"title", required_argument, NULL, 'T'},
        {"relation", required_argument, NULL, 'R'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    const char *graph_file = NULL, *output = NULL, *focus = NULL;
    rg_dot_options opts = {NULL, RG_CLUSTER_NONE, -1, false, NULL, 0};
    rg_filter filter = {0};
    long depth = 2;
    int c;
    while ((c = getopt_long(argc, argv, "g:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            graph_file = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case 'l': {
            static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
            bool known = false;
            for (size_t i = 0; i < sizeof engines / sizeof *engines && !known; i++)
                known = strcmp(optarg, engines[i]) == 0;
            if (!known)
                return rg_cli_usage("render", "unknown layout '%s': use dot, neato, fdp, sfdp, circo or twopi", optarg);
            opts.layout = optarg;
            break;
        }
        case 'v':
            if (strcmp(optarg, "agencies") == 0)
                opts.projection = true;
            else if (strcmp(optarg, "full") != 0)
                return rg_cli_usage("render", "unknown view '%s': use full or agencies", optarg);
            break;
        case 'c':
            if (strcmp(optarg, "country") == 0)
                opts.cluster = RG_CLUSTER_COUNTRY;
            else if (strcmp(optarg, "community") == 0)
                opts.cluster = RG_CLUSTER_COMMUNITY;
            else if (strcmp(optarg, "none") == 0)
                opts.cluster = RG_CLUSTER_NONE;
            else
                return rg_cli_usage("render", "unknown clustering '%s': use country, community or none", optarg);
            break;
        case 's': {
            opts.size_by = -1;
            for (size_t i = 0; i < sizeof score_names / sizeof *score_names; i++)
                for (int k = 0; k < RG_SCORE__COUNT; k++)
                    if (strcmp(optarg, score_names[i]) == 0 && strcmp(rg_score_name((rg_score)k), optarg) == 0)
                        opts.size_by = k;
            if (opts.size_by < 0)
                return rg_cli_usage("render", "unknown measure '%s'", optarg);
            break;
        }
        case 't': {
            char *list = optarg;
            for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
                int t = rg_type_parse(tok);
                if (t < 0)
                    return rg_cli_usage("render", "unknown type '%s'", tok);
                filter.types |= 1u << t;
            }
            break;
        }
        case 'C':
            filter.country = optarg;
            break;
        case 'd':
            filter.doc = optarg;
            break;
        case 'S':
            filter.section = optarg;
            break;
        case 'n':
            if (!rg_cli_parse_count(optarg, &filter.top))
                return rg_cli_usage("render", "--top needs a positive whole number, not '%s'", optarg);
            break;
        case 'f':
            focus = optarg;
            break;
        case 'D':
            if (!rg_cli_parse_count(optarg, &depth))
                return rg_cli_usage("render", "--depth needs a positive whole number, not '%s'", optarg);
            break;
        case 'T':
            opts.title = optarg;
            break;
        case 'R':
            for (char *tok = strtok(optarg, ","); tok; tok = strtok(NULL, ",")) {
                int r = rg_relation_parse(tok);
                if (r < 0)
                    return rg_cli_usage("render", "unknown relation '%s'", tok);
                opts.relations |= 1u << r;
            }
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage("render", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (!output)
        return rg_cli_usage("render", "render needs -o FILE.svg (or .dot, .png, .pdf)");
    if (!rg_dot_format(output))
        return rg_cli_usage("render", "unknown diagram format '%s': use .dot, .gv, .svg, .png or .pdf", output);
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL, *part = NULL, *ego = NULL;
    rg_names *names = NULL;
    int rc = rg_cli_check_output(output, argv + optind, (size_t)(argc - optind), graph_file, &err);
    if (rc == 0)
        rc = focus ? rg_cli_graph_names(graph_file, argv + optind, argc - optind, &g, &names, &err)
                   : rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err);
    size_t center;
    if (rc == 0 && focus && (rc = rg_names_resolve(names, focus, &center, &err)) == 0) {
        rc = rg_query_ego(g, center, depth, false, &ego, &err);
        if (rc == 0) {
            rg_graph_free(g);
            g = ego;
        }
    }
    /* sizes, communities and --top need their scores */
    if (rc == 0 && opts.size_by >= 0)
        rc = ensure_score(g, (rg_score)opts.size_by, opts.projection, &err);
    if (rc == 0 && opts.cluster == RG_CLUSTER_COMMUNITY)
        rc = ensure_score(g, RG_SCORE_COMMUNITY, opts.projection, &err);
    rg_score top_by = opts.size_by >= 0 ? (rg_score)opts.size_by : RG_SCORE_PAGERANK;
    if (rc == 0 && filter.top)
        rc = ensure_score(g, top_by, opts.projection, &err);
    double *by = NULL;
    if (rc == 0 && filter.top) {
        by = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *by);
        for (size_t i = 0; by && i < g->n_nodes; i++)
            by[i] = g->nodes[i].scores[top_by];
        filter.by = by;
        rc = by ? 0 : rg_error_nomem(&err);
    }
    if (rc == 0)
        rc = rg_query_filter(g, &filter, &part, &err);
    if (rc == 0)
        rc = rg_dot_render(part, output, &opts, &err);
    free(by);
    rg_graph_free(part);
    rg_graph_free(g);
    rg_names_free(names);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
