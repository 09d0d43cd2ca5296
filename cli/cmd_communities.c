/* relgraph communities: groups that work together, and who is central in each. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/order.h"
#include "graph/base/text.h"

#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"communities", 19, false,
    "usage: relgraph communities [-g graph.json] [--method leiden|louvain] [--view VIEW] [--seed S]\n"
    "                            [--members N] [--min-size N] [--all] [--json] [FILE|DIR ...]\n\n"
    "Communities of a view (weighted modularity, resolution 1, fixed seed) and\n"
    "the modularity of the whole division. A community is named by its three\n"
    "most central members, and says what its members share: the recommendations\n"
    "that name two of them, with their most frequent sections and programs. Its\n"
    "members are listed by strength in the view (the recommendations and, in\n"
    "the full and entities views, the sentences that tie them to others; see\n"
    "`rank --help`), equal strengths sharing a rank (3=). A node linked to no\n"
    "other is a community of its own: singletons are counted, and --all lists\n"
    "them.\n\n"};

/* What to compute and how to show it. */
typedef struct args {
    rg_cli_query q; /* -g, the graph */
    rg_cli_communities_ask ask;
    long members;
    bool as_json;
} args;

/* The division of a view: each node's community, its weighted degree in
 * the view, the nodes grouped by community (community k's from start[k]
 * to start[k + 1]), and the scratch list of one community's members. */
typedef struct division {
    long *membership;
    double *strength;
    rg_scored *list;
    size_t count;
    double modularity;
    size_t *grouped, *start;
} division;

int rg_cli_communities_option_method(const char *command, char *arg, void *value)
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

void rg_cli_communities_ask_defaults(rg_cli_communities_ask *ask)
{
    *ask = (rg_cli_communities_ask){RG_COMMUNITY_LEIDEN, {RG_VIEW_AGENCIES, NULL, false}, 1, 2, false, false};
}

/* Parse argv and get the graph. */
static int open_args(int argc, char **argv, args *a)
{
    *a = (args){{{0}, NULL, NULL, NULL, {0, 0}}, {0}, 8, false};
    rg_cli_communities_ask_defaults(&a->ask);
    a->ask.note_bound = true;
    const rg_option options[] = {
        RG_OPT_GRAPH(&a->q.graph_file),
        RG_OPT_CALLBACK(0, "method", &a->ask.method, "M", "leiden (the default) or louvain", rg_cli_communities_option_method),
        RG_OPT_CALLBACK(0, "view", &a->ask.view.kind, "VIEW", "agencies (the default), entities or full", rg_cli_option_view),
        RG_OPT_COUNT(0, "seed", &a->ask.seed, "S", "the seed (default: 1)"),
        RG_OPT_COUNT(0, "members", &a->members, "N", "members listed per community (default: 8)"),
        RG_OPT_COUNT(0, "min-size", &a->ask.min_size, "N", "leave out communities smaller than N (default: 2)"),
        RG_OPT_SET(0, "all", &a->ask.all, "every community and every member, singletons too"),
        RG_OPT_JSON(&a->as_json),
        RG_OPT_END,
    };
    int done = rg_cli_query_open(&usage, options, argc, argv, 0, NULL, -1, &a->q);
    if (a->ask.all) {
        a->members = LONG_MAX;
        a->ask.min_size = 2;
    }
    return done;
}

/* The nodes grouped by community, in node order within each: a counting
 * sort, O(n + count). */
static int group_members(const rg_graph *g, division *d, rg_error *err)
{
    d->start = calloc(d->count + 2, sizeof *d->start);
    if (!d->start)
        return rg_error_nomem(err);
    for (size_t i = 0; i < g->n_nodes; i++)
        if (d->membership[i] >= 0)
            d->start[d->membership[i] + 2]++;
    for (size_t k = 2; k < d->count + 2; k++)
        d->start[k] += d->start[k - 1];
    for (size_t i = 0; i < g->n_nodes; i++)
        if (d->membership[i] >= 0)
            d->grouped[d->start[d->membership[i] + 1]++] = i;
    return 0;
}

static int divide(const rg_graph *g, const rg_cli_communities_ask *ask, division *d, rg_error *err)
{
    size_t n = g->n_nodes ? g->n_nodes : 1;
    *d = (division){malloc(n * sizeof *d->membership), malloc(n * sizeof *d->strength), malloc(n * sizeof *d->list),
                    0, NAN, malloc(n * sizeof *d->grouped), NULL};
    if (!d->membership || !d->strength || !d->list || !d->grouped)
        return rg_error_nomem(err);
    rg_view *v = NULL;
    int rc = rg_view_new(g, &ask->view, &v, err);
    if (rc == 0 && ask->note_bound)
        rg_cli_note_leiden_bound(rg_view_name(ask->view.kind), rg_view_nodes(v), ask->method, 0);
    if (rc == 0)
        rc = rg_view_communities(v, ask->method, (unsigned long)ask->seed, 0, d->membership, &d->count, &d->modularity,
                                 err);
    if (rc == 0)
        rc = rg_view_measure(v, RG_SCORE_STRENGTH, NULL, d->strength, err);
    rg_view_free(v);
    return rc == 0 ? group_members(g, d, err) : -1;
}

static void division_destroy(division *d)
{
    free(d->membership);
    free(d->strength);
    free(d->list);
    free(d->grouped);
    free(d->start);
}

/* The members of community k into d->list, most central first; how many. */
static size_t members_of(const rg_graph *g, division *d, long k)
{
    size_t n = 0;
    for (size_t i = d->start[k]; i < d->start[k + 1]; i++)
        d->list[n++] = (rg_scored){.node = d->grouped[i], .score = d->strength[d->grouped[i]]};
    rg_order_scores(g, d->list, n);
    return n;
}

static size_t size_of(const division *d, long k)
{
    return d->start[k + 1] - d->start[k];
}

/* What the members of a community share: the recommendations that name
 * two of them (lead, partner, target), and the sections and programs of
 * those recommendations by how many. */
typedef struct shared {
    size_t recommendations;
    rg_tally sections, programs;
} shared;

static bool is_role(rg_relation r)
{
    return r == RG_REL_LEADS || r == RG_REL_PARTNERS || r == RG_REL_TARGETS;
}

static int shared_by(const rg_graph *g, const division *d, long k, shared *out)
{
    *out = (shared){0};
    rg_tally_init(&out->sections);
    rg_tally_init(&out->programs);
    size_t *named = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *named);
    if (!named)
        return -1;
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (is_role(l->relation) && d->membership[l->target] == k)
            named[l->source]++;
    }
    int rc = 0;
    for (size_t i = 0; i < g->n_nodes && rc == 0; i++)
        if (g->nodes[i].type == RG_TYPE_RECOMMENDATION && named[i] >= 2) {
            out->recommendations++;
            if (g->nodes[i].section)
                rc = rg_tally_add(&out->sections, g->nodes[i].section, 1);
        }
    for (size_t i = 0; i < g->n_links && rc == 0; i++) {
        const rg_link *l = &g->links[i];
        if (l->relation == RG_REL_CONCERNS && named[l->source] >= 2)
            rc = rg_tally_add(&out->programs, g->nodes[l->target].label, 1);
    }
    free(named);
    return rc;
}

static void shared_destroy(shared *s)
{
    rg_tally_destroy(&s->sections);
    rg_tally_destroy(&s->programs);
}

/* The index of the largest count of t but skip (ties in key order), or
 * t->len when there is none. */
static size_t largest_but(const rg_tally *t, size_t skip)
{
    size_t best = t->len;
    for (size_t i = 0; i < t->len; i++)
        if (i != skip && (best == t->len || t->counts[i] > t->counts[best]))
            best = i;
    return best;
}

/* "; sections: Pillar 1 (4), Pillar 2 (2)": the two most frequent. */
static void print_most(const char *what, const rg_tally *t)
{
    if (t->len == 0)
        return;
    size_t first = largest_but(t, t->len), second = largest_but(t, first);
    printf("; %s: %s (%ld)", what, t->keys[first], t->counts[first]);
    if (second < t->len)
        printf(", %s (%ld)", t->keys[second], t->counts[second]);
}

/* Community k's name: its three most central members. */
static void print_name(const rg_graph *g, const division *d, size_t n)
{
    for (size_t i = 0; i < n && i < 3; i++)
        printf("%s%s", i ? ", " : "", g->nodes[d->list[i].node].label);
}

/* Members from..to of the list in an aligned table with its header. */
static void print_members(const rg_graph *g, const division *d, size_t from, size_t to)
{
    int w_label = 6, w_type = 4, w_score = 8;
    for (size_t i = from; i < to; i++) {
        const rg_node *node = &g->nodes[d->list[i].node];
        int w = rg_cli_label_width(node->label), wt = (int)strlen(rg_type_name(node->type));
        int ws = snprintf(NULL, 0, "%.3f", d->list[i].score);
        w_label = w > w_label ? w : w_label;
        w_type = wt > w_type ? wt : w_type;
        w_score = ws > w_score ? ws : w_score;
    }
    printf("  %4s  %-*s  %-*s  %*s\n", "rank", w_label, "member", w_type, "type", w_score, "strength");
    for (size_t i = from; i < to; i++) {
        const rg_node *node = &g->nodes[d->list[i].node];
        printf("  %4zu%c ", d->list[i].rank, d->list[i].tied ? '=' : ' ');
        rg_cli_print_label(node->label, w_label);
        printf("  %-*s  %*.3f\n", w_type, rg_type_name(node->type), w_score, d->list[i].score);
    }
}

/* Community k: its name, what it shares, its first members. */
static int print_community(const rg_graph *g, const division *d, long k, size_t n, long members)
{
    shared s;
    if (shared_by(g, d, k, &s) < 0) {
        shared_destroy(&s);
        return -1;
    }
    printf("\ncommunity %ld: ", k + 1);
    print_name(g, d, n);
    printf(" (%zu members)\n  shares %zu recommendation%s", n, s.recommendations, s.recommendations == 1 ? "" : "s");
    print_most("sections", &s.sections);
    print_most("programs", &s.programs);
    printf("\n");
    size_t shown = (long)n > members ? (size_t)members : n;
    print_members(g, d, 0, shown);
    if (shown < n)
        printf("  ... and %zu more (--members %zu lists them)\n", n - shown, n);
    shared_destroy(&s);
    return 0;
}

/* The singletons: how many, and with --all who, in one table. */
static void print_singletons(const rg_graph *g, const args *a, division *d, size_t n)
{
    if (n == 0)
        return;
    if (!a->ask.all) {
        printf("\n%zu singleton%s: linked to no other in the view, or alone in their community (--all lists them)\n",
               n, n == 1 ? "" : "s");
        return;
    }
    printf("\n%zu singleton%s:\n", n, n == 1 ? "" : "s");
    /* members_of refills the list: gather the singletons at its end */
    size_t *nodes = malloc(n * sizeof *nodes), m = 0;
    for (long k = 0; nodes && k < (long)d->count; k++)
        if (size_of(d, k) == 1)
            nodes[m++] = d->grouped[d->start[k]];
    for (size_t i = 0; nodes && i < m; i++)
        d->list[i] = (rg_scored){.node = nodes[i], .score = d->strength[nodes[i]]};
    rg_order_scores(g, d->list, nodes ? m : 0);
    print_members(g, d, 0, nodes ? m : 0);
    free(nodes);
}

static json_t *community_json(const rg_graph *g, const division *d, long k, size_t n)
{
    json_t *ms = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *m = json_object();
        json_object_set_new(m, "rank", json_integer((json_int_t)d->list[i].rank));
        json_object_set_new(m, "id", json_string(g->nodes[d->list[i].node].id));
        json_object_set_new(m, "label", json_string(g->nodes[d->list[i].node].label));
        json_object_set_new(m, "strength", json_real(d->list[i].score));
        json_array_append_new(ms, m);
    }
    json_t *name = json_array();
    for (size_t i = 0; i < n && i < 3; i++)
        json_array_append_new(name, json_string(g->nodes[d->list[i].node].label));
    shared s;
    json_t *o = json_object();
    if (shared_by(g, d, k, &s) == 0) {
        json_t *sections = json_object(), *programs = json_object();
        for (size_t i = 0; i < s.sections.len; i++)
            json_object_set_new(sections, s.sections.keys[i], json_integer(s.sections.counts[i]));
        for (size_t i = 0; i < s.programs.len; i++)
            json_object_set_new(programs, s.programs.keys[i], json_integer(s.programs.counts[i]));
        json_object_set_new(o, "shared_recommendations", json_integer((json_int_t)s.recommendations));
        json_object_set_new(o, "sections", sections);
        json_object_set_new(o, "programs", programs);
    }
    shared_destroy(&s);
    json_object_set_new(o, "community", json_integer(k));
    json_object_set_new(o, "name", name);
    json_object_set_new(o, "size", json_integer((json_int_t)n));
    json_object_set_new(o, "members", ms);
    return o;
}

static json_t *division_json(const rg_graph *g, const rg_cli_communities_ask *ask, division *d)
{
    json_t *list = json_array();
    size_t singletons = 0;
    for (long k = 0; k < (long)d->count; k++) {
        size_t n = members_of(g, d, k);
        singletons += n == 1;
        if ((long)n >= ask->min_size || ask->all)
            json_array_append_new(list, community_json(g, d, k, n));
    }
    json_t *o = json_object();
    json_object_set_new(o, "method", json_string(ask->method == RG_COMMUNITY_LEIDEN ? "leiden" : "louvain"));
    json_object_set_new(o, "count", json_integer((json_int_t)d->count));
    json_object_set_new(o, "singletons", json_integer((json_int_t)singletons));
    json_object_set_new(o, "modularity", isnan(d->modularity) ? json_null() : json_real(d->modularity));
    json_object_set_new(o, "communities", list);
    return o;
}

int rg_cli_communities_answer(const rg_graph *g, const rg_cli_communities_ask *ask, json_t **out, rg_error *err)
{
    division d = {0};
    int rc = divide(g, ask, &d, err);
    if (rc == 0 && !(*out = division_json(g, ask, &d)))
        rc = rg_error_nomem(err);
    division_destroy(&d);
    return rc;
}

static int print_text(const rg_graph *g, const args *a, division *d)
{
    size_t singletons = 0;
    for (long k = 0; k < (long)d->count; k++)
        singletons += size_of(d, k) == 1;
    printf("%s on the %s view: %zu communities (%zu of two members or more, %zu singletons), ",
           a->ask.method == RG_COMMUNITY_LEIDEN ? "Leiden" : "Louvain", rg_view_name(a->ask.view.kind), d->count,
           d->count - singletons, singletons);
    /* a view without links has no modularity: say so rather than print nan */
    if (isnan(d->modularity))
        printf("no modularity (the view has no links)\n");
    else
        printf("modularity %.4f\n", d->modularity);
    size_t left_out = 0;
    for (long k = 0; k < (long)d->count; k++) {
        size_t n = members_of(g, d, k);
        if (n == 1)
            continue;
        if ((long)n < a->ask.min_size)
            left_out++;
        else if (print_community(g, d, k, n, a->members) < 0)
            return -1;
    }
    if (left_out)
        printf("\n(%zu smaller communities left out; --min-size 2 lists them)\n", left_out);
    print_singletons(g, a, d, singletons);
    return 0;
}

int cmd_communities(int argc, char **argv)
{
    args a;
    int status = open_args(argc, argv, &a);
    if (status >= 0)
        return status;
    if (a.as_json) {
        json_t *o = NULL;
        status = rg_cli_communities_answer(a.q.g, &a.ask, &o, &a.q.err) < 0 ? rg_cli_fail(&a.q.err) : 0;
        if (status == 0)
            rg_cli_print_json(o);
        rg_cli_query_close(&a.q);
        return status;
    }
    division d = {0};
    status = divide(a.q.g, &a.ask, &d, &a.q.err) < 0 ? rg_cli_fail(&a.q.err) : 0;
    if (status == 0 && print_text(a.q.g, &a, &d) < 0)
        status = rg_cli_fail((rg_error_nomem(&a.q.err), &a.q.err));
    division_destroy(&d);
    rg_cli_query_close(&a.q);
    return status;
}
