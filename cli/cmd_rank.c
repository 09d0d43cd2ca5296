/* relgraph rank: the most central nodes of a view. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/attrs.h"
#include "export/json_file.h"
#include "export/output.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/order.h"
#include "graph/analyze/scores.h"
#include "graph/base/fanout.h"
#include "graph/base/text.h"

#include <igraph_version.h>

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"rank", 19, false,
    "usage: relgraph rank [-g graph.json] [--by MEASURE] [--view VIEW] [--type TYPE] [--country CC]\n"
    "                     [--doc REPORT] [--modality LIST] [--structure] [--top N]\n"
    "                     [--pivots K --seed S] [--json|--csv] [--write] [FILE|DIR ...]\n\n"
    "Rank nodes by centrality, computed with igraph on a view of the graph.\n\n"
    "measures (--by):\n"
    "  degree       how many others it is linked to\n"
    "  strength     the sum of its links' weights: each sentence that ties it to\n"
    "               others, and each recommendation it shares, counts 1\n"
    "  betweenness  how often it lies on the shortest paths between others: a\n"
    "               broker between groups (the default)\n"
    "  closeness    how near it is, on average, to the nodes it can reach\n"
    "  harmonic     the mean of 1/distance to every other node: near to all the\n"
    "               reports discuss, in a graph in pieces too\n"
    "  eigenvector  linked to nodes that are themselves well linked\n"
    "  pagerank     importance passed on by important neighbours\n"
    "  hub          points to many authorities: a recommendation naming key actors\n"
    "  authority    pointed to by many hubs: an actor many recommendations name\n"
    "  coreness     the densest core (k-core) it belongs to\n"
    "Degree, betweenness, closeness, harmonic and coreness count links (a path's\n"
    "length is its number of links); the others weigh them. Degree and coreness\n"
    "are shown as whole numbers, strength and betweenness with 3 decimals, the\n"
    "rest with 6 (--csv and --json: 10 significant digits and more).\n\n"
    "views (--view):\n"
    "  full         every node but the reports, every link but `contains`,\n"
    "               undirected (the default)\n"
    "  agencies     actors and agencies, linked when they share recommendations\n"
    "  entities     actors, agencies and programs, linked by shared\n"
    "               recommendations and co-mentions\n\n"
    "links: centrality reflects what the reports say. A link weighs its sentences\n"
    "of evidence in the reports; a sentence or recommendation that names k\n"
    "entities gives each pair of them 1/(k-1), so that a list of nine agencies in\n"
    "one sentence counts once for each, not eight times. A link the catalog alone\n"
    "gives (part_of, member_of: structure, not activity) is left out, as no path\n"
    "should run through it; --structure counts it (weight 1, one step).\n\n"
    "ties: scores equal within a relative 1e-9 share a rank, shown as 3= (the\n"
    "position of the first of them), and are listed in id order; the same graph\n"
    "gives the same rows whether built from the reports or read with -g.\n\n"};

/* The decimals a measure is shown with, the same on every screen: counts
 * as whole numbers, sums of weights and path counts with 3, the scores
 * between 0 and 1 with 6. */
static int measure_decimals(rg_score by)
{
    switch (by) {
    case RG_SCORE_DEGREE:
    case RG_SCORE_CORENESS:
        return 0;
    case RG_SCORE_STRENGTH:
    case RG_SCORE_BETWEENNESS:
        return 3;
    default:
        return 6;
    }
}

/* An aligned table: rank (3= when tied), labels cut to RG_CLI_LABEL_MAX
 * characters, the measure's scores in its one format. */
static void print_table(const rg_graph *g, const rg_scored *rows, size_t n, rg_score by)
{
    int w_label = 5, w_type = 4, decimals = measure_decimals(by), w_score = (int)strlen(rg_score_name(by));
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[rows[i].node];
        int wl = rg_cli_label_width(node->label);
        w_label = wl > w_label ? wl : w_label;
        int wt = (int)strlen(rg_type_name(node->type));
        w_type = wt > w_type ? wt : w_type;
        int ws = snprintf(NULL, 0, "%.*f", decimals, rows[i].score);
        w_score = ws > w_score ? ws : w_score;
    }
    printf("%4s  %-*s  %-*s  %*s\n", "rank", w_label, "label", w_type, "type", w_score, rg_score_name(by));
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[rows[i].node];
        printf("%4zu%c ", rows[i].rank, rows[i].tied ? '=' : ' ');
        rg_cli_print_label(node->label, w_label);
        printf("  %-*s  ", w_type, rg_type_name(node->type));
        printf("%*.*f\n", w_score, decimals, rows[i].score);
    }
}

/* A score as the peers round it: 10 significant digits. */
static double rounded(double x)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.10g", x);
    return strtod(buf, NULL);
}

typedef struct ranked {
    double score;
    size_t node;
} ranked;

/* Highest first; ties in node order (the file's), as the peers break them. */
static int by_rounded(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->node > y->node) - (x->node < y->node);
}

/* Write the JSON value ctx to out as the peers' files are laid out. */
static int dump_json(void *ctx, FILE *out, const char *path, rg_error *err)
{
    if (json_dumpf(ctx, out, JSON_INDENT(1) | JSON_REAL_PRECISION(10)) != 0)
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    return 0;
}

/* The work of ../shared/bench's peer-rank scripts, in their JSON: degree,
 * strength, PageRank, harmonic (from the pivots), eigenvector and
 * betweenness (from the pivots, scaled n/K * sum / ((n-1)(n-2)) like
 * networkx), top 100 each, and Louvain and Leiden communities. */
static int all_measures(const rg_graph *g, const rg_view *v, const rg_measure_options *mo, bool with_communities,
                        const char *path, rg_error *err)
{
    static const rg_score order[] = {RG_SCORE_DEGREE,   RG_SCORE_STRENGTH,    RG_SCORE_PAGERANK,
                                     RG_SCORE_HARMONIC, RG_SCORE_EIGENVECTOR, RG_SCORE_BETWEENNESS};
    size_t n = g->n_nodes, viewed = rg_view_nodes(v);
    double *s = malloc((n ? n : 1) * sizeof *s);
    ranked *r = malloc((n ? n : 1) * sizeof *r);
    long *member = malloc((n ? n : 1) * sizeof *member);
    json_t *root = json_object(), *top = json_object(), *communities = json_object(), *pivots = json_array();
    int rc = s && r && member ? 0 : rg_error_nomem(err);
    for (size_t m = 0; rc == 0 && m < sizeof order / sizeof *order; m++) {
        rc = rg_view_measure(v, order[m], mo, s, err);
        rg_cli_phase(rg_score_name(order[m]));
        double scale = 1.0;
        if (order[m] == RG_SCORE_BETWEENNESS && mo->pivot_nodes)
            scale = viewed > 2 ? 2.0 / ((double)(viewed - 1) * (double)(viewed - 2)) : 0.0;
        size_t k = 0;
        for (size_t i = 0; rc == 0 && i < n; i++)
            if (!isnan(s[i]))
                r[k++] = (ranked){rounded(s[i] * scale), i};
        qsort(r, k, sizeof *r, by_rounded);
        json_t *list = json_array();
        for (size_t i = 0; i < k && i < 100; i++) {
            json_t *o = json_object();
            json_object_set_new(o, "id", json_string(g->nodes[r[i].node].id));
            json_object_set_new(o, "score", r[i].score == floor(r[i].score) && fabs(r[i].score) < 9e15
                                                ? json_integer((json_int_t)r[i].score)
                                                : json_real(r[i].score));
            json_array_append_new(list, o);
        }
        json_object_set_new(top, rg_score_name(order[m]), list);
    }
    for (int method = 0; rc == 0 && with_communities && method < 2; method++) {
        size_t count;
        double q;
        /* Leiden: the 2 iterations python-igraph runs by default, the work
         * the peers do (the communities command runs it until stable) */
        rc = rg_view_communities(v, method ? RG_COMMUNITY_LEIDEN : RG_COMMUNITY_LOUVAIN, mo->seed, 2, member,
                                 &count, &q, err);
        rg_cli_phase(method ? "leiden" : "louvain");
        json_t *c = json_object(), *largest = json_array();
        size_t *sizes = rc == 0 ? calloc(count ? count : 1, sizeof *sizes) : NULL;
        for (size_t i = 0; sizes && i < n; i++)
            if (member[i] >= 0)
                sizes[member[i]]++;
        for (size_t i = 0; sizes && i < count && i < 10; i++)
            json_array_append_new(largest, json_integer((json_int_t)sizes[i]));
        free(sizes);
        json_object_set_new(c, "count", json_integer((json_int_t)count));
        json_object_set_new(c, "modularity", json_real(rounded(q)));
        json_object_set_new(c, "largest", largest);
        json_object_set_new(communities, method ? "leiden" : "louvain", c);
    }
    for (size_t i = 0; mo->pivot_nodes && i < mo->n_pivot_nodes; i++)
        json_array_append_new(pivots, json_string(g->nodes[mo->pivot_nodes[i]].id));
    json_object_set_new(root, "tool", json_string("relgraph rank"));
    json_object_set_new(root, "library", json_string("igraph (C) " IGRAPH_VERSION));
    json_object_set_new(root, "nodes", json_integer((json_int_t)viewed));
    json_object_set_new(root, "links", json_integer((json_int_t)rg_view_links(v)));
    json_object_set_new(root, "top", top);
    json_object_set_new(root, "communities", communities);
    json_object_set_new(root, "pivots", pivots);
    free(s);
    free(r);
    free(member);
    if (rc == 0)
        rc = rg_output_write(path, dump_json, root, err);
    json_decref(root);
    rg_cli_phase("write");
    return rc;
}

/* The nodes a pivot file names, one id a line. */
static int read_pivots(const rg_graph *g, const char *path, size_t **out, size_t *n, rg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    size_t cap = 256, len = 0;
    size_t *nodes = malloc(cap * sizeof *nodes);
    char line[4096];
    long number = 0;
    int rc = nodes ? 0 : rg_error_nomem(err);
    while (rc == 0 && fgets(line, sizeof line, f)) {
        number++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0])
            continue;
        size_t node;
        if (!rg_graph_find(g, line, &node)) {
            rc = rg_error_set(err, RG_ERR_INPUT, path, number, "'%s' is not the id of a node", line);
            break;
        }
        if (len == cap) {
            size_t *p = realloc(nodes, (cap *= 2) * sizeof *p);
            if (!p) {
                rc = rg_error_nomem(err);
                break;
            }
            nodes = p;
        }
        nodes[len++] = node;
    }
    fclose(f);
    if (rc < 0) {
        free(nodes);
        return -1;
    }
    *out = nodes;
    *n = len;
    return 0;
}

/* Compute every measure and the communities into the nodes' scores, write
 * the graph file back in place (atomically), and say what it now holds. */
static int write_scores(rg_graph *g, const rg_view *v, const rg_view_options *vo, const rg_measure_options *mo,
                        const char *path, rg_error *err)
{
    rg_cli_note_leiden_bound(rg_view_name(vo->kind), rg_view_nodes(v), RG_COMMUNITY_LEIDEN, 0);
    if (rg_scores_store(g, v, mo, NULL, NULL, err) < 0 || rg_json_write_file(path, g, NULL, err) < 0)
        return -1;
    if (rg_options_quiet())
        return 0;
    rg_buf what;
    rg_buf_init(&what);
    rg_scores_describe(&what);
    fprintf(stderr, "relgraph: wrote %s: the scores %s of the %s view\n", path, what.data ? what.data : "",
            rg_view_name(vo->kind));
    rg_buf_destroy(&what);
    return 0;
}

/* What to rank, on which view, and how to show it. */
typedef struct args {
    const char *graph_file, *country, *doc, *pivot_file, *all_json;
    int by, type;
    unsigned modalities;
    rg_view_options vo;
    rg_measure_options mo;
    long top, seed;
    bool as_json, as_csv, write, communities, timings;
} args;

int rg_cli_rank_option_type(const char *command, char *arg, void *value)
{
    int *type = value;
    *type = rg_type_parse(arg);
    if (*type < 0 || *type == RG_TYPE_REPORT)
        return rg_options_fail(command, "unknown type '%s': use actor, agency, program or recommendation", arg);
    return 0;
}

static int jobs_option(const char *command, char *arg, void *value)
{
    long number;
    if (!rg_options_count(arg, &number) || number > 64)
        return rg_options_fail(command, "--jobs needs a whole number from 1 to 64, not '%s'", arg);
    *(int *)value = (int)number;
    return 0;
}

/* What rank does when no option says otherwise. */
static args defaults(void)
{
    return (args){.by = RG_SCORE_BETWEENNESS, .type = -1, .vo = {RG_VIEW_FULL, NULL, false},
                  .mo = {0, 1, NULL, 0, rg_fanout_cores()}, .top = 20, .seed = 1, .communities = true};
}

void rg_cli_rank_ask_defaults(rg_cli_rank_ask *ask)
{
    args a = defaults();
    *ask = (rg_cli_rank_ask){(rg_score)a.by, a.vo, a.type, NULL, NULL, 0, a.top};
}

static int parse(int argc, char **argv, args *a)
{
    *a = defaults();
    const rg_option options[] = {
        RG_OPT_GRAPH(&a->graph_file),
        RG_OPT_CALLBACK(0, "by", &a->by, "MEASURE", NULL, rg_cli_option_measure),
        RG_OPT_CALLBACK(0, "view", &a->vo.kind, "VIEW", NULL, rg_cli_option_view),
        RG_OPT_CALLBACK(0, "type", &a->type, "TYPE", "list only actor, agency, program or recommendation nodes",
                        rg_cli_rank_option_type),
        RG_OPT_STRING(0, "country", &a->country, "CC",
                      "list only nodes of this country: its ISO code in any\n"
                      "case (KR, kr) or its name or alias (\"South Korea\",\n"
                      "South-Korea, \"Republic of Korea\", ROK)"),
        RG_OPT_STRING(0, "doc", &a->doc, "REPORT",
                      "keep the view to one report (its id or file name);\n"
                      "a filter that matches nothing, alone or with the\n"
                      "others, is an error (exit 1) naming the nearest values"),
        RG_OPT_MODALITY(&a->modalities,
                        "keep the view to the recommendations of these\n"
                        "modalities (should, must, shall, need, could,\n"
                        "imperative, will, commit, agree, intend, urge, call,\n"
                        "recommend; comma-separated) and what they name"),
        RG_OPT_SET(0, "structure", &a->vo.structure,
                   "count the links the catalog alone gives (part_of,\n"
                   "member_of) in the full and entities views"),
        RG_OPT_COUNT(0, "top", &a->top, "N", "how many rows (default: 20)"),
        RG_OPT_COUNT(0, "pivots", &a->mo.pivots, "K", "estimate betweenness from K sampled sources"),
        RG_OPT_COUNT(0, "seed", &a->seed, "S", "the sample's seed (default: 1)"),
        RG_OPT_STRING(0, "pivot-file", &a->pivot_file, "F",
                      "estimate betweenness from these sources: node ids, one\n"
                      "a line (the pivots the ../shared/bench peers list)"),
        {RG_OPTION_SET, 0, "json", NULL, &a->as_json, "print JSON or CSV instead of a table", NULL,
         "    --json, --csv"},
        RG_OPT_SET(0, "csv", &a->as_csv, NULL),
        RG_OPT_STRING(0, "all-json", &a->all_json, "FILE",
                      "every measure's top 100 and the Louvain and Leiden\n"
                      "(2 iterations) communities in the JSON of the\n"
                      "../shared/bench peers (their scales: compare-ranks\n"
                      "reads it); harmonic and betweenness from the pivots"),
        RG_OPT_CLEAR(0, "no-communities", &a->communities,
                     "with --all-json: no Louvain or Leiden (the work of\n"
                     "peer-rank-graphtool, which has neither)"),
        RG_OPT_SET(0, "timings", &a->timings, "with --all-json: the time of each phase on stderr"),
        RG_OPT_CALLBACK('j', "jobs", &a->mo.workers, "N",
                        "estimate from pivots in N worker processes (default:\n"
                        "the number of cores; the scores are the same for every N)",
                        jobs_option),
        RG_OPT_SET(0, "write", &a->write,
                   "store every measure (and the Leiden community) in the\n"
                   "graph file given with -g; stderr says what it wrote"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    a->mo.seed = (unsigned long)a->seed;
    if (a->write && !a->graph_file)
        return rg_options_fail("rank", "--write stores the scores in the graph file given with -g");
    if (a->write && a->modalities)
        return rg_options_fail("rank", "--write and --modality exclude each other: the scores are the whole graph's");
    if (a->as_json && a->as_csv)
        return rg_options_fail("rank", "--json and --csv exclude each other");
    return -1;
}

/* The nodes of the view that pass --type and --country, best first (ranks
 * and ties by rg_order_scores). Returns how many. */
static size_t select_rows(const rg_graph *g, const args *a, const double *scores, rg_scored *rows)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *node = &g->nodes[i];
        if (isnan(scores[i]) || (a->type >= 0 && (int)node->type != a->type) ||
            (a->country && (!node->country || strcmp(node->country, a->country) != 0)))
            continue;
        rows[n++] = (rg_scored){.node = i, .score = scores[i]};
    }
    rg_order_scores(g, rows, n);
    return n;
}

/* Under a table that --top cuts inside a tie: the rows left out share the
 * last rank shown, and which of them made the cut is only id order. */
static void print_cut_tie(const rg_scored *rows, size_t shown, size_t n)
{
    if (shown == 0 || shown >= n || rows[shown].rank != rows[shown - 1].rank)
        return;
    size_t more = 0;
    while (shown + more < n && rows[shown + more].rank == rows[shown].rank)
        more++;
    printf("(%zu more share rank %zu; --top %zu lists them)\n", more, rows[shown].rank, shown + more);
}

json_t *rg_cli_rank_json(const rg_graph *g, rg_score by, rg_view_kind kind, const rg_view *v, const rg_scored *rows, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[rows[i].node];
        json_t *o = json_object();
        json_object_set_new(o, "rank", json_integer((json_int_t)rows[i].rank));
        json_object_set_new(o, "tied", json_boolean(rows[i].tied));
        json_object_set_new(o, "id", json_string(node->id));
        json_object_set_new(o, "label", json_string(node->label));
        json_object_set_new(o, "type", json_string(rg_type_name(node->type)));
        json_object_set_new(o, "score", json_real(rows[i].score));
        json_array_append_new(list, o);
    }
    json_t *o = json_object();
    json_object_set_new(o, "measure", json_string(rg_score_name(by)));
    json_object_set_new(o, "view", json_string(rg_view_name(kind)));
    json_object_set_new(o, "nodes", json_integer((json_int_t)rg_view_nodes(v)));
    json_object_set_new(o, "links", json_integer((json_int_t)rg_view_links(v)));
    json_object_set_new(o, "top", list);
    return o;
}

static void print_csv(const rg_graph *g, rg_score by, const rg_scored *rows, size_t n)
{
    printf("rank,id,label,type,%s\n", rg_score_name(by));
    rg_buf line;
    rg_buf_init(&line);
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[rows[i].node];
        rg_buf_reset(&line);
        rg_csv_field(&line, node->id);
        rg_buf_addc(&line, ',');
        rg_csv_field(&line, node->label);
        printf("%zu,%.*s,%s,%.10g\n", rows[i].rank, (int)line.len, line.data ? line.data : "", rg_type_name(node->type),
               rows[i].score);
    }
    rg_buf_destroy(&line);
}

/* --all-json: every measure into the peers' JSON file. */
static int rank_all(const rg_graph *g, const args *a, rg_error *err)
{
    rg_view *v = NULL;
    rg_cli_phase("load");
    int rc = rg_view_new(g, &a->vo, &v, err);
    rg_cli_phase("view");
    if (rc == 0)
        rc = all_measures(g, v, &a->mo, a->communities, a->all_json, err);
    rg_view_free(v);
    return rc;
}

/* One measure, listed as the table, JSON or CSV (or, with json not NULL,
 * its JSON answer into *json); with --write, every measure stored in the
 * graph file. */
static int rank_one(rg_graph *g, const args *a, json_t **json, rg_error *err)
{
    double *scores = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *scores);
    rg_scored *rows = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *rows);
    rg_view *v = NULL;
    int rc = scores && rows ? 0 : rg_error_nomem(err);
    if (rc == 0)
        rc = rg_view_new(g, &a->vo, &v, err);
    if (rc == 0)
        rc = rg_view_measure(v, (rg_score)a->by, &a->mo, scores, err);
    if (rc == 0 && a->write)
        rc = write_scores(g, v, &a->vo, &a->mo, a->graph_file, err);
    if (rc == 0) {
        size_t all = select_rows(g, a, scores, rows), n = (size_t)a->top < all ? (size_t)a->top : all;
        if (json) {
            if (!(*json = rg_cli_rank_json(g, (rg_score)a->by, a->vo.kind, v, rows, n)))
                rc = rg_error_nomem(err);
        } else if (a->as_json) {
            rg_cli_print_json(rg_cli_rank_json(g, (rg_score)a->by, a->vo.kind, v, rows, n));
        } else if (a->as_csv) {
            print_csv(g, (rg_score)a->by, rows, n);
        } else {
            print_table(g, rows, n, (rg_score)a->by);
            print_cut_tie(rows, n, all);
        }
    }
    free(scores);
    free(rows);
    rg_view_free(v);
    return rc;
}

int rg_cli_rank_answer(const rg_graph *g, const rg_cli_rank_ask *ask, json_t **out, rg_error *err)
{
    args a = defaults();
    a.by = (int)ask->by;
    a.vo = ask->view;
    a.type = ask->type;
    a.country = ask->country;
    a.doc = ask->doc;
    a.modalities = ask->modalities;
    a.top = ask->top;
    a.mo.workers = 1; /* no pivots: one process, as a server's thread must */
    rg_cli_rows rows = {&a.vo, a.type, a.country, a.doc, a.modalities};
    rg_graph *part = NULL;
    if (rg_cli_filter_rows(g, &rows, &part, err) < 0)
        return -1;
    a.country = rows.country;
    /* rank_one neither changes the graph nor writes it without --write */
    int rc = rank_one(part ? part : (rg_graph *)g, &a, out, err);
    rg_graph_free(part);
    return rc;
}

int cmd_rank(int argc, char **argv)
{
    args a;
    int done = parse(argc, argv, &a);
    if (done >= 0)
        return done;
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    rg_cli_timings_start("rank", a.timings && a.all_json);
    if (rg_cli_graph(a.graph_file, argv + optind, argc - optind, &g, &err) < 0)
        return rg_cli_fail(&err);
    size_t *pivots = NULL;
    rg_cli_rows rows = {&a.vo, a.type, a.country, a.doc, a.modalities};
    rg_graph *part = NULL;
    int rc = rg_cli_filter_rows(g, &rows, &part, &err);
    if (part) { /* --modality: the part measured; rows' strings are its own */
        rg_graph_free(g);
        g = part;
    }
    a.country = rows.country;
    if (rc == 0 && a.pivot_file)
        rc = read_pivots(g, a.pivot_file, &pivots, &a.mo.n_pivot_nodes, &err);
    a.mo.pivot_nodes = pivots;
    if (rc == 0)
        rc = a.all_json ? rank_all(g, &a, &err) : rank_one(g, &a, NULL, &err);
    free(pivots);
    rg_graph_free(g);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
