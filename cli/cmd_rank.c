/* relgraph rank: the most central nodes of a view. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/json_file.h"
#include "export/output.h"
#include "graph/analyze/analyze.h"
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

static const char usage_text[] =
    "usage: relgraph rank [-g graph.json] [--by MEASURE] [--view VIEW] [--type TYPE] [--country CC]\n"
    "                     [--doc REPORT] [--top N] [--pivots K --seed S] [--json|--csv] [--write]\n"
    "                     [FILE|DIR ...]\n\n"
    "Rank nodes by centrality, computed with igraph on a view of the graph.\n\n"
    "measures (--by):\n"
    "  degree       how many others it is linked to\n"
    "  strength     degree counting every sentence of evidence (weighted)\n"
    "  betweenness  how often it lies on the shortest paths between others: a\n"
    "               broker between groups (the default)\n"
    "  closeness    how near it is, on average, to the nodes it can reach\n"
    "  harmonic     closeness that also counts the nodes it cannot reach\n"
    "  eigenvector  linked to nodes that are themselves well linked\n"
    "  pagerank     importance passed on by important neighbours\n"
    "  hub          points to many authorities: a recommendation naming key actors\n"
    "  authority    pointed to by many hubs: an actor many recommendations name\n"
    "  coreness     the densest core (k-core) it belongs to\n\n"
    "views (--view):\n"
    "  full         every node but the reports, links undirected (the default)\n"
    "  agencies     actors and agencies, linked when they share recommendations\n"
    "  entities     actors, agencies and programs, linked by shared\n"
    "               recommendations and co-mentions\n\n"
    "  -g, --graph FILE    the graph file (default: build from reports)\n"
    "      --type TYPE     list only actor, agency, program or recommendation nodes\n"
    "      --country CC    list only nodes of this country (ISO code, e.g. KR)\n"
    "      --doc REPORT    keep the view to one report (its id or file name)\n"
    "      --top N         how many rows (default: 20)\n"
    "      --pivots K      estimate betweenness from K sampled sources\n"
    "      --seed S        the sample's seed (default: 1)\n"
    "      --pivot-file F  estimate betweenness from these sources: node ids, one\n"
    "                      a line (the pivots the ../shared/bench peers list)\n"
    "      --json, --csv   print JSON or CSV instead of a table\n"
    "      --all-json FILE every measure's top 100 and the Louvain and Leiden\n"
    "                      (2 iterations) communities in the JSON of the\n"
    "                      ../shared/bench peers (their scales: compare-ranks\n"
    "                      reads it); harmonic and betweenness from the pivots\n"
    "      --no-communities with --all-json: no Louvain or Leiden (the work of\n"
    "                      peer-rank-graphtool, which has neither)\n"
    "      --timings       with --all-json: the time of each phase on stderr\n"
    "  -j, --jobs N        estimate from pivots in N worker processes (default:\n"
    "                      the number of cores; the scores are the same for every N)\n"
    "      --write         store every measure (and the Leiden community) in the\n"
    "                      graph file given with -g\n"
    "  -h, --help          show this help\n";

/* An aligned table: labels cut to RG_CLI_LABEL_MAX characters, whole
 * numbers printed as such, other scores with the same number of decimals
 * in every row, enough for six significant digits of the largest. */
static void print_table(const rg_graph *g, const rg_cli_scored *rows, size_t n, rg_score by)
{
    int w_label = 5, w_type = 4;
    bool whole = true;
    double largest = 0;
    for (size_t i = 0; i < n; i++) {
        largest = fabs(rows[i].score) > largest ? fabs(rows[i].score) : largest;
        const rg_node *node = &g->nodes[rows[i].node];
        int wl = rg_cli_label_width(node->label);
        w_label = wl > w_label ? wl : w_label;
        int wt = (int)strlen(rg_type_name(node->type));
        w_type = wt > w_type ? wt : w_type;
        whole &= rows[i].score == floor(rows[i].score);
    }
    int magnitude = largest > 0 ? (int)floor(log10(largest)) + 1 : 1;
    int decimals = magnitude >= 5 ? 1 : magnitude <= -4 ? 10 : 6 - magnitude;
    printf("%4s  %-*s  %-*s  %12s\n", "rank", w_label, "label", w_type, "type", rg_score_name(by));
    for (size_t i = 0; i < n; i++) {
        const rg_node *node = &g->nodes[rows[i].node];
        printf("%4zu  ", i + 1);
        rg_cli_print_label(node->label, w_label);
        printf("  %-*s  ", w_type, rg_type_name(node->type));
        printf("%12.*f\n", whole ? 0 : decimals, rows[i].score);
    }
}

/* A CSV field, quoted when it must be. */
static void csv_field(const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

static const struct {
    const char *name;
    rg_score score;
} measures[] = {
    {"degree", RG_SCORE_DEGREE},           {"strength", RG_SCORE_STRENGTH},   {"betweenness", RG_SCORE_BETWEENNESS},
    {"closeness", RG_SCORE_CLOSENESS},     {"harmonic", RG_SCORE_HARMONIC},   {"eigenvector", RG_SCORE_EIGENVECTOR},
    {"pagerank", RG_SCORE_PAGERANK},       {"hub", RG_SCORE_HUB},             {"authority", RG_SCORE_AUTHORITY},
    {"coreness", RG_SCORE_CORENESS},
};

/* The report id a --doc argument names: an id, or a file name. */
static const char *doc_id(const rg_graph *g, const char *arg)
{
    for (size_t i = 0; i < g->n_docs; i++) {
        const rg_document *d = &g->docs[i];
        const char *base = strrchr(d->path, '/');
        base = base ? base + 1 : d->path;
        if (strcmp(d->id, arg) == 0 || strcmp(d->path, arg) == 0 || strcmp(base, arg) == 0 ||
            (strncmp(d->id, "report:", 7) == 0 && strcmp(d->id + 7, arg) == 0))
            return d->id;
    }
    return NULL;
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

/* Compute every measure and the communities into the nodes' scores, and
 * write the graph file back in place (atomically). */
static int write_scores(rg_graph *g, const rg_view *v, const rg_measure_options *mo, const char *path, rg_error *err)
{
    double *scores = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *scores);
    long *member = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *member);
    if (!scores || !member) {
        free(scores);
        free(member);
        return rg_error_nomem(err);
    }
    int rc = 0;
    for (size_t m = 0; m < sizeof measures / sizeof *measures && rc == 0; m++) {
        rc = rg_view_measure(v, measures[m].score, mo, scores, err);
        for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
            g->nodes[i].scores[measures[m].score] = scores[i];
    }
    size_t count;
    double modularity;
    if (rc == 0)
        rc = rg_view_communities(v, RG_COMMUNITY_LEIDEN, mo->seed, 0, member, &count, &modularity, err);
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
        g->nodes[i].scores[RG_SCORE_COMMUNITY] = member[i] >= 0 ? (double)member[i] : NAN;
    free(scores);
    free(member);
    return rc == 0 ? rg_json_write_file(path, g, NULL, err) : -1;
}

int cmd_rank(int argc, char **argv)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'}, {"by", required_argument, NULL, 'b'},
        {"view", required_argument, NULL, 'v'},  {"type", required_argument, NULL, 't'},
        {"country", required_argument, NULL, 'c'}, {"doc", required_argument, NULL, 'd'},
        {"top", required_argument, NULL, 'n'},   {"pivots", required_argument, NULL, 'p'},
        {"seed", required_argument, NULL, 's'},  {"json", no_argument, NULL, 'J'},
        {"csv", no_argument, NULL, 'C'},         {"write", no_argument, NULL, 'w'},
        {"pivot-file", required_argument, NULL, 'P'}, {"all-json", required_argument, NULL, 'A'},
        {"jobs", required_argument, NULL, 'j'},  {"no-communities", no_argument, NULL, 'N'},
        {"timings", no_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    const char *graph_file = NULL, *country = NULL, *doc = NULL, *pivot_file = NULL, *all_json = NULL;
    rg_score by = RG_SCORE_BETWEENNESS;
    rg_view_options vo = {RG_VIEW_FULL, NULL};
    rg_measure_options mo = {0, 1, NULL, 0, rg_fanout_cores()};
    int type = -1;
    long top = 20, number;
    bool as_json = false, as_csv = false, write = false, communities = true, timings = false;
    int c;
    while ((c = getopt_long(argc, argv, "g:j:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            graph_file = optarg;
            break;
        case 'b': {
            bool known = false;
            for (size_t m = 0; m < sizeof measures / sizeof *measures && !known; m++)
                if (strcmp(optarg, measures[m].name) == 0) {
                    by = measures[m].score;
                    known = true;
                }
            if (!known)
                return rg_cli_usage("rank", "unknown measure '%s'", optarg);
            break;
        }
        case 'v':
            if (!rg_view_parse(optarg, &vo.kind))
                return rg_cli_usage("rank", "unknown view '%s': use full, agencies or entities", optarg);
            break;
        case 't':
            type = rg_type_parse(optarg);
            if (type < 0 || type == RG_TYPE_REPORT)
                return rg_cli_usage("rank", "unknown type '%s': use actor, agency, program or recommendation", optarg);
            break;
        case 'c':
            country = optarg;
            break;
        case 'd':
            doc = optarg;
            break;
        case 'n':
            if (!rg_cli_parse_count(optarg, &top))
                return rg_cli_usage("rank", "--top needs a positive whole number, not '%s'", optarg);
            break;
        case 'p':
            if (!rg_cli_parse_count(optarg, &mo.pivots))
                return rg_cli_usage("rank", "--pivots needs a positive whole number, not '%s'", optarg);
            break;
        case 's':
            if (!rg_cli_parse_count(optarg, &number))
                return rg_cli_usage("rank", "--seed needs a positive whole number, not '%s'", optarg);
            mo.seed = (unsigned long)number;
            break;
        case 'J':
            as_json = true;
            break;
        case 'C':
            as_csv = true;
            break;
        case 'w':
            write = true;
            break;
        case 'P':
            pivot_file = optarg;
            break;
        case 'A':
            all_json = optarg;
            break;
        case 'j':
            if (!rg_cli_parse_count(optarg, &number) || number > 64)
                return rg_cli_usage("rank", "--jobs needs a whole number from 1 to 64, not '%s'", optarg);
            mo.workers = (int)number;
            break;
        case 'N':
            communities = false;
            break;
        case 'T':
            timings = true;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage("rank", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (write && !graph_file)
        return rg_cli_usage("rank", "--write stores the scores in the graph file given with -g");
    if (as_json && as_csv)
        return rg_cli_usage("rank", "--json and --csv exclude each other");
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    rg_cli_timings_start("rank", timings && all_json);
    if (rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err) < 0)
        return rg_cli_fail(&err);
    size_t *pivots = NULL;
    if (pivot_file && read_pivots(g, pivot_file, &pivots, &mo.n_pivot_nodes, &err) < 0) {
        rg_graph_free(g);
        return rg_cli_fail(&err);
    }
    mo.pivot_nodes = pivots;
    if (doc && !(vo.doc = doc_id(g, doc))) {
        free(pivots);
        rg_graph_free(g);
        rg_error_set(&err, RG_ERR_INPUT, NULL, 0, "no report '%s' in the graph", doc);
        return rg_cli_fail(&err);
    }
    rg_view *v = NULL;
    if (all_json) {
        rg_cli_phase("load");
        int rc = rg_view_new(g, &vo, &v, &err);
        rg_cli_phase("view");
        rc = rc < 0 || all_measures(g, v, &mo, communities, all_json, &err) < 0 ? -1 : 0;
        rg_view_free(v);
        free(pivots);
        rg_graph_free(g);
        return rc == 0 ? 0 : rg_cli_fail(&err);
    }
    double *scores = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *scores);
    rg_cli_scored *rows = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *rows);
    int status = 0;
    if (!scores || !rows) {
        rg_error_nomem(&err);
        status = rg_cli_fail(&err);
    } else if (rg_view_new(g, &vo, &v, &err) < 0 || rg_view_measure(v, by, &mo, scores, &err) < 0 ||
               (write && write_scores(g, v, &mo, graph_file, &err) < 0)) {
        status = rg_cli_fail(&err);
    } else {
        size_t n = 0;
        for (size_t i = 0; i < g->n_nodes; i++) {
            const rg_node *node = &g->nodes[i];
            if (isnan(scores[i]) || (type >= 0 && (int)node->type != type) ||
                (country && (!node->country || strcmp(node->country, country) != 0)))
                continue;
            rows[n++] = (rg_cli_scored){i, scores[i], node->id};
        }
        qsort(rows, n, sizeof *rows, rg_cli_by_score);
        if ((size_t)top < n)
            n = (size_t)top;
        if (as_json) {
            json_t *list = json_array();
            for (size_t i = 0; i < n; i++) {
                const rg_node *node = &g->nodes[rows[i].node];
                json_t *o = json_object();
                json_object_set_new(o, "rank", json_integer((json_int_t)i + 1));
                json_object_set_new(o, "id", json_string(node->id));
                json_object_set_new(o, "label", json_string(node->label));
                json_object_set_new(o, "type", json_string(rg_type_name(node->type)));
                json_object_set_new(o, "score", json_real(rows[i].score));
                json_array_append_new(list, o);
            }
            json_t *o = json_object();
            json_object_set_new(o, "measure", json_string(rg_score_name(by)));
            json_object_set_new(o, "view", json_string(vo.kind == RG_VIEW_FULL ? "full"
                                                       : vo.kind == RG_VIEW_AGENCIES ? "agencies"
                                                                                     : "entities"));
            json_object_set_new(o, "nodes", json_integer((json_int_t)rg_view_nodes(v)));
            json_object_set_new(o, "links", json_integer((json_int_t)rg_view_links(v)));
            json_object_set_new(o, "top", list);
            rg_cli_print_json(o);
        } else if (as_csv) {
            printf("rank,id,label,type,%s\n", rg_score_name(by));
            for (size_t i = 0; i < n; i++) {
                const rg_node *node = &g->nodes[rows[i].node];
                printf("%zu,", i + 1);
                csv_field(node->id);
                putchar(',');
                csv_field(node->label);
                printf(",%s,%.10g\n", rg_type_name(node->type), rows[i].score);
            }
        } else {
            print_table(g, rows, n, by);
        }
    }
    free(scores);
    free(rows);
    free(pivots);
    rg_view_free(v);
    rg_graph_free(g);
    return status;
}
