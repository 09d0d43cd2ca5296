/* relgraph rank: the most central nodes, as an aligned table. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "graph/analyze.h"
#include "graph/text.h"

#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: relgraph rank [-g graph.json] [--by MEASURE] [--type TYPE] [--top N] [FILE|DIR ...]\n\n"
    "Rank nodes by centrality on the whole graph (reports left out, links\n"
    "undirected, parallel links merged with their weights summed).\n\n"
    "  -g, --graph FILE    the graph file (default: build from reports)\n"
    "      --by MEASURE    degree       how many distinct nodes it is linked to\n"
    "                      strength     degree counting every sentence of evidence\n"
    "                      pagerank     importance passed on by important neighbours\n"
    "                      betweenness  how often it lies on shortest paths between\n"
    "                                   others: a broker between groups (default)\n"
    "      --type TYPE     only actor, agency, program or recommendation nodes\n"
    "      --top N         how many rows (default: 20)\n"
    "  -h, --help          show this help\n";

typedef struct row {
    size_t node;
    double score;
    const char *id;
} row;

/* Highest score first; ties in id order, so the table is deterministic. */
static int by_score(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return strcmp(x->id, y->id);
}

static int utf8_width(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

enum { LABEL_MAX = 60 };

/* The first bytes of s that make at most max characters. */
static int prefix_bytes(const char *s, int max)
{
    int chars = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > max)
            break;
    }
    return i;
}

/* An aligned table: labels cut to LABEL_MAX characters, whole numbers
 * printed as such, other scores with six significant digits. */
static void print_table(const rg_graph *g, const row *rows, size_t n, rg_score by)
{
    int w_label = 5, w_type = 4;
    bool whole = true;
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[rows[i].node];
        int wl = utf8_width(node->label);
        wl = wl > LABEL_MAX ? LABEL_MAX : wl;
        w_label = wl > w_label ? wl : w_label;
        int wt = (int)strlen(rg_type_name(node->type));
        w_type = wt > w_type ? wt : w_type;
        whole &= rows[i].score == floor(rows[i].score);
    }
    printf("%4s  %-*s  %-*s  %12s\n", "rank", w_label, "label", w_type, "type", rg_score_name(by));
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[rows[i].node];
        int width = utf8_width(node->label);
        if (width > LABEL_MAX) {
            printf("%4zu  %.*s...", i + 1, prefix_bytes(node->label, LABEL_MAX - 3), node->label);
            width = LABEL_MAX;
        } else {
            printf("%4zu  %s", i + 1, node->label);
        }
        printf("%*s  %-*s  ", w_label - width, "", w_type, rg_type_name(node->type));
        if (whole)
            printf("%12.0f\n", rows[i].score);
        else
            printf("%12.6g\n", rows[i].score);
    }
}

int cmd_rank(int argc, char **argv)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'}, {"by", required_argument, NULL, 'b'},
        {"type", required_argument, NULL, 't'},  {"top", required_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    const char *graph_file = NULL;
    rg_score by = RG_SCORE_BETWEENNESS;
    int type = -1;
    long top = 20;
    int c;
    while ((c = getopt_long(argc, argv, "+g:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            graph_file = optarg;
            break;
        case 'b':
            if (strcmp(optarg, "degree") == 0)
                by = RG_SCORE_DEGREE;
            else if (strcmp(optarg, "strength") == 0)
                by = RG_SCORE_STRENGTH;
            else if (strcmp(optarg, "pagerank") == 0)
                by = RG_SCORE_PAGERANK;
            else if (strcmp(optarg, "betweenness") == 0)
                by = RG_SCORE_BETWEENNESS;
            else
                return rg_cli_usage("rank", "unknown measure '%s'", optarg);
            break;
        case 't':
            type = rg_type_parse(optarg);
            if (type < 0 || type == RG_TYPE_REPORT)
                return rg_cli_usage("rank", "unknown type '%s': use actor, agency, program or recommendation", optarg);
            break;
        case 'n':
            if (!rg_cli_parse_count(optarg, &top))
                return rg_cli_usage("rank", "--top needs a positive whole number, not '%s'", optarg);
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage("rank", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    if (rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err) < 0)
        return rg_cli_fail(&err);
    double *scores = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *scores);
    row *rows = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *rows);
    int status = 0;
    if (!scores || !rows) {
        rg_error_nomem(&err);
        status = rg_cli_fail(&err);
    } else if (rg_analyze_score(g, by, scores, &err) < 0) {
        status = rg_cli_fail(&err);
    } else {
        size_t n = 0;
        for (size_t i = 0; i < g->n_nodes; i++)
            if (!isnan(scores[i]) && (type < 0 || (int)g->nodes[i].type == type))
                rows[n++] = (row){i, scores[i], g->nodes[i].id};
        qsort(rows, n, sizeof *rows, by_score);
        if ((size_t)top < n)
            n = (size_t)top;
        print_table(g, rows, n, by);
    }
    free(scores);
    free(rows);
    rg_graph_free(g);
    return status;
}
