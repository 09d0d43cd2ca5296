/* relgraph render: the graph as a diagram a person can read. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/compare_sides.h"
#include "cli/ego_walk.h"
#include "cli/options.h"
#include "export/dot.h"
#include "export/dot_diff.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"render", 20, false,
    "usage: relgraph render [-g graph.json] -o FILE.dot|.svg|.png|.pdf [OPTIONS] [FILE|DIR ...]\n"
    "       relgraph render --compare [-g graph.json] -o FILE.svg [--top N] [--section TEXT] A B\n\n"
    "Draw the graph: shape and colour by node type (with a legend), links by\n"
    "relation (leads bold red, partners blue, targets orange, concerns dashed\n"
    "green, part_of dotted; a party the sentence does not name, inferred,\n"
    "dashed and lighter). A recommendation is labelled by who does what: its\n"
    "leads' short names, then its action from the modal on (\"USAID: work with\n"
    "the ROK's ...\"); in SVG its tooltip holds the whole sentence, report, line\n"
    "and modality. Under the title, a caption says what was selected, what is\n"
    "drawn (counted) and what was left out and why. Laid out and rendered with\n"
    "Graphviz; with --cluster, a country or community drawn alone gets no\n"
    "cluster.\n\n"
    "With --compare, what changed from report A to report B (as relgraph compare\n"
    "matches them): A's recommendations, the entities, B's, left to right;\n"
    "entities only in A and A's dropped recommendations greyed, entities only in\n"
    "B and B's new recommendations outlined in red, each of B's recommendations\n"
    "joined to the one of A's it continues (carried or reworded, with the score).\n"
    "--top N: the N most mentioned entities of each group (default 8); --section\n"
    "TEXT: the recommendations of those sections, A's dropped ones included.\n\n"};

/* Put a measure, or the Leiden community, into the nodes' scores, unless
 * the graph file brought them. */
static int ensure_score(rg_graph *g, rg_score which, rg_view_kind view, rg_error *err)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        if (!isnan(g->nodes[i].scores[which]))
            return 0;
    rg_view_options vo = {.kind = view};
    rg_view *v;
    if (rg_view_new(g, &vo, &v, err) < 0)
        return -1;
    double *s = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *s);
    long *member = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *member);
    int rc = s && member ? 0 : rg_error_nomem(err);
    if (rc == 0 && which == RG_SCORE_COMMUNITY) {
        size_t count;
        double q;
        rg_cli_note_leiden_bound(rg_view_name(view), rg_view_nodes(v), RG_COMMUNITY_LEIDEN, 0);
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

/* What to draw and how. */
typedef struct args {
    const char *graph_file, *output, *focus;
    rg_dot_options opts;
    rg_filter filter;
    rg_cli_ego ego; /* --depth, --exclude, --max-degree of --focus */
    char *focus_note; /* what the walk covered, for the caption */
    bool compare;     /* the diagram of what changed between two reports */
} args;

static int layout_option(const char *command, char *arg, void *value)
{
    static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    for (size_t i = 0; i < sizeof engines / sizeof *engines; i++)
        if (strcmp(arg, engines[i]) == 0) {
            *(const char **)value = arg;
            return 0;
        }
    return rg_options_fail(command, "unknown layout '%s': use dot, neato, fdp, sfdp, circo or twopi", arg);
}

static int view_option(const char *command, char *arg, void *value)
{
    if (!rg_view_parse(arg, value))
        return rg_options_fail(command, "unknown view '%s': use full, agencies or entities", arg);
    return 0;
}

static int cluster_option(const char *command, char *arg, void *value)
{
    rg_cluster *cluster = value;
    if (strcmp(arg, "country") == 0)
        *cluster = RG_CLUSTER_COUNTRY;
    else if (strcmp(arg, "community") == 0)
        *cluster = RG_CLUSTER_COMMUNITY;
    else if (strcmp(arg, "none") == 0)
        *cluster = RG_CLUSTER_NONE;
    else
        return rg_options_fail(command, "unknown clustering '%s': use country, community or none", arg);
    return 0;
}

/* Comma-separated names, each parsed by parse into a bit of *bits; the
 * usage error names what was unknown. */
static int bits(const char *command, char *arg, unsigned *bits, int (*parse)(const char *), const char *what)
{
    for (char *tok = strtok(arg, ","); tok; tok = strtok(NULL, ",")) {
        int bit = parse(tok);
        if (bit < 0)
            return rg_options_fail(command, "unknown %s '%s'", what, tok);
        *bits |= 1u << bit;
    }
    return 0;
}

static int types_option(const char *command, char *arg, void *value)
{
    return bits(command, arg, value, rg_type_parse, "type");
}

static int relations_option(const char *command, char *arg, void *value)
{
    return bits(command, arg, value, rg_relation_parse, "relation");
}

static int parse(int argc, char **argv, args *a)
{
    *a = (args){.opts = {.cluster = RG_CLUSTER_NONE, .size_by = -1, .view = RG_VIEW_FULL}, .ego = {.depth = 2}};
    const rg_option options[] = {
        RG_OPT_GRAPH(&a->graph_file),
        RG_OPT_STRING('o', "output", &a->output, "FILE", "the diagram; the format comes from the extension"),
        RG_OPT_CALLBACK(0, "layout", &a->opts.layout, "NAME",
                        "dot, neato, fdp, sfdp, circo or twopi (default: neato,\n"
                        "dot with clusters, sfdp past 400 nodes; fdp's\n"
                        "layout may differ from run to run)",
                        layout_option),
        RG_OPT_CALLBACK(0, "view", &a->opts.view, "VIEW",
                        "full (the default): recommendations and whom they\n"
                        "name; agencies: actors and agencies alone, linked by\n"
                        "the recommendations they share (lead, partner with,\n"
                        "target), the line as thick as their number; entities:\n"
                        "the same with programs (and what recommendations\n"
                        "concern)",
                        view_option),
        RG_OPT_CALLBACK(0, "cluster", &a->opts.cluster, "BY", "country, community or none (the default)",
                        cluster_option),
        RG_OPT_CALLBACK(0, "size-by", &a->opts.size_by, "SCORE", "label size by a measure (pagerank, betweenness, ...)",
                        rg_cli_option_measure),
        RG_OPT_CALLBACK(0, "type", &a->filter.types, "TYPES", "only these node types, comma-separated", types_option),
        RG_OPT_STRING(0, "country", &a->filter.country, "CC",
                      "only the entities of this country: its ISO code in any\n"
                      "case, or its name or alias (\"South Korea\", ROK)"),
        RG_OPT_STRING(0, "doc", &a->filter.doc, "REPORT", "only the nodes of this report (its id or file name)"),
        RG_OPT_STRING(0, "section", &a->filter.section, "TEXT",
                      "only the recommendations of sections whose title\n"
                      "contains TEXT, and what they name"),
        RG_OPT_MODALITY(&a->filter.modalities,
                        "only the recommendations of these modalities (should,\n"
                        "must, shall, need, could, imperative, will, commit,\n"
                        "agree, intend, urge, call, recommend; comma-separated)\n"
                        "and what they name"),
        RG_OPT_COUNT(0, "top", &a->filter.top, "N", "only the N entities of highest PageRank (or --size-by)"),
        RG_OPT_STRING(0, "focus", &a->focus, "NAME", "only the nodes within --depth links of NAME"),
        RG_OPT_COUNT(0, "depth", &a->ego.depth, "N", "with --focus (default: 2)"),
        RG_OPT_EGO_HUBS(&a->ego),
        RG_OPT_CALLBACK(0, "relation", &a->opts.relations, "RELS",
                        "draw only these relations, comma-separated; a filter\n"
                        "that matches nothing, or filters that leave no link\n"
                        "to draw, are an error (exit 1) naming the nearest\n"
                        "values, and nothing is written",
                        relations_option),
        RG_OPT_STRING(0, "title", &a->opts.title, "TEXT", "a title above the diagram (the caption follows)"),
        RG_OPT_SET(0, "compare", &a->compare, "draw what changed from report A to report B"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    if (!a->output)
        return rg_options_fail("render", "render needs -o FILE.svg (or .dot, .png, .pdf)");
    if (!rg_dot_format(a->output))
        return rg_options_fail("render", "unknown diagram format '%s': use .dot, .gv, .svg, .png or .pdf", a->output);
    if (a->compare && (a->focus || a->opts.layout || a->opts.view != RG_VIEW_FULL || a->opts.cluster ||
                       a->opts.size_by >= 0 || a->opts.relations || a->filter.types || a->filter.country ||
                       a->filter.doc || a->filter.modalities || a->ego.exclude.len || a->ego.max_degree)) {
        free(a->ego.exclude.items);
        return rg_options_fail("render", "--compare takes -g, -o, --top, --section and --title alone");
    }
    if (a->compare && argc - optind < 2) {
        free(a->ego.exclude.items);
        return rg_options_fail("render", "render --compare needs two reports, A and B");
    }
    if (!a->focus && (a->ego.exclude.len || a->ego.max_degree)) {
        free(a->ego.exclude.items);
        return rg_options_fail("render", "--exclude and --max-degree go with --focus NAME");
    }
    return -1;
}

/* The graph to draw: the whole graph, or the ego network of --focus. */
static int load(args *a, int argc, char **argv, rg_graph **out, rg_error *err)
{
    rg_graph *g = NULL, *ego = NULL;
    rg_names *names = NULL;
    int rc = a->focus ? rg_cli_graph_names(a->graph_file, argv + optind, argc - optind, &g, &names, err)
                      : rg_cli_graph(a->graph_file, argv + optind, argc - optind, &g, err);
    size_t center;
    if (rc == 0 && a->focus && (rc = rg_names_resolve(names, a->focus, &center, err)) == 0) {
        rc = rg_cli_ego_walk(g, names, center, &a->ego, "render", &ego, &a->focus_note, err);
        if (rc == 0) {
            rg_graph_free(g);
            g = ego;
        }
    }
    rg_names_free(names);
    *out = g;
    return rc;
}

/* Sizes, communities and --top need their scores; *by gets the scores
 * --top ranks by (caller frees). */
static int scores(rg_graph *g, args *a, double **by, rg_error *err)
{
    const rg_dot_options *o = &a->opts;
    int rc = 0;
    if (o->size_by >= 0)
        rc = ensure_score(g, (rg_score)o->size_by, o->view, err);
    if (rc == 0 && o->cluster == RG_CLUSTER_COMMUNITY)
        rc = ensure_score(g, RG_SCORE_COMMUNITY, o->view, err);
    rg_score top_by = o->size_by >= 0 ? (rg_score)o->size_by : RG_SCORE_PAGERANK;
    if (rc == 0 && a->filter.top)
        rc = ensure_score(g, top_by, o->view, err);
    if (rc == 0 && a->filter.top) {
        *by = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof **by);
        for (size_t i = 0; *by && i < g->n_nodes; i++)
            (*by)[i] = g->nodes[i].scores[top_by];
        a->filter.by = *by;
        rc = *by ? 0 : rg_error_nomem(err);
    }
    return rc;
}

/* Append "; " (unless first) and s to b. */
static void add_part(rg_buf *b, const char *s)
{
    if (b->len)
        rg_buf_adds(b, "; ");
    rg_buf_adds(b, s);
}

/* What the options selected, in words, for the caption: the walk of
 * --focus, the --top entities kept (counted in part, the graph drawn) and
 * the filters; NULL when nothing was selected (or out of memory). */
static char *selection_note(const args *a, const rg_graph *part)
{
    rg_buf b;
    rg_buf_init(&b);
    char line[512];
    if (a->focus_note)
        add_part(&b, a->focus_note);
    if (a->filter.top) {
        size_t kept = 0;
        for (size_t i = 0; i < part->n_nodes; i++)
            kept += rg_type_is_entity(part->nodes[i].type);
        const char *measure = rg_score_name(a->opts.size_by >= 0 ? (rg_score)a->opts.size_by : RG_SCORE_PAGERANK);
        snprintf(line, sizeof line, "the %zu entities ranked highest by %s%s", kept, measure,
                 a->opts.view == RG_VIEW_FULL ? " and the recommendations that name two of them" : "");
        add_part(&b, line);
    }
    if (a->filter.section) {
        snprintf(line, sizeof line, "the recommendations of sections whose title contains \"%s\" and what they name",
                 a->filter.section);
        add_part(&b, line);
    }
    if (a->filter.doc) {
        snprintf(line, sizeof line, "what %s names", a->filter.doc);
        add_part(&b, line);
    }
    if (a->filter.country) {
        snprintf(line, sizeof line, "the entities of %s", a->filter.country);
        add_part(&b, line);
    }
    if (a->filter.modalities)
        add_part(&b, "the recommendations of the modalities asked for and what they name");
    if (b.failed || !b.len) {
        rg_buf_destroy(&b);
        return NULL;
    }
    return rg_buf_steal(&b);
}

/* render --compare A B: the diagram of what changed. */
static int render_compare(const args *a, int argc, char **argv)
{
    rg_error err;
    rg_error_clear(&err);
    rg_graph *ga = NULL, *gb = NULL;
    rg_compare_side sa, sb;
    rg_compare *c = NULL;
    rg_compare_options co;
    rg_compare_defaults(&co);
    rg_dot_diff_options o = {.top = a->filter.top, .section = a->filter.section, .title = a->opts.title};
    int rc = rg_cli_check_output(a->output, argv + optind, (size_t)(argc - optind), "reports", a->graph_file, &err);
    if (rc == 0)
        rc = rg_cli_compare_sides(a->graph_file, argv + optind, argv + optind + 2, argc - optind - 2, &ga, &gb, &sa,
                                  &sb, &err);
    if (rc == 0)
        rc = rg_compare_new(&sa, &sb, &co, &c, &err);
    if (rc == 0)
        rc = rg_dot_diff_render(c, a->output, &o, &err);
    rg_compare_free(c);
    rg_graph_free(ga);
    rg_graph_free(gb);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}

int cmd_render(int argc, char **argv)
{
    args a;
    int done = parse(argc, argv, &a);
    if (done >= 0)
        return done;
    if (a.compare)
        return render_compare(&a, argc, argv);
    rg_graph *g = NULL, *part = NULL;
    double *by = NULL;
    rg_error err;
    rg_error_clear(&err);
    int rc = rg_cli_check_output(a.output, argv + optind, (size_t)(argc - optind), "reports", a.graph_file, &err);
    if (rc == 0)
        rc = load(&a, argc, argv, &g, &err);
    if (rc == 0)
        rc = scores(g, &a, &by, &err);
    if (rc == 0)
        rc = rg_cli_filter_graph(g, &a.filter, &a.opts, a.focus, &part, &err);
    char *note = rc == 0 ? selection_note(&a, part) : NULL;
    a.opts.note = note;
    if (rc == 0)
        rc = rg_dot_render(part, a.output, &a.opts, &err);
    free(note);
    free(a.focus_note);
    free(a.ego.exclude.items);
    free(by);
    rg_graph_free(part);
    rg_graph_free(g);
    return rc == 0 ? 0 : rg_cli_fail(&err);
}
