/* relgraph show: everything about one node. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/json.h"
#include "graph/analyze/query.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {"show", 19, false,
    "usage: relgraph show A [-g graph.json] [--json] [FILE|DIR ...]\n\n"
    "Everything about one node: type, kind, country, aliases, mentions per report,\n"
    "scores (when the graph file has them), a recommendation's modality, and its\n"
    "links grouped by relation, each with its evidence (\"(inferred)\": a party\n"
    "the sentence does not name, resolved from \"we\" or a lead-in); for a\n"
    "recommendation it leads, who else it involves.\n\n"};

/* Who else a recommendation involves: "partners: A, B (inferred)",
 * a line per role. */
static void print_involved(const rg_graph *g, size_t rec, size_t except)
{
    static const rg_relation roles[] = {RG_REL_LEADS, RG_REL_PARTNERS, RG_REL_TARGETS, RG_REL_CONCERNS};
    for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
        int shown = 0;
        for (size_t i = 0; i < g->n_links; i++) {
            const rg_link *l = &g->links[i];
            if (l->source != rec || l->relation != roles[r] || l->target == except)
                continue;
            printf(shown ? ", %s" : "        %s: %s", shown ? g->nodes[l->target].label : rg_relation_name(l->relation),
                   g->nodes[l->target].label);
            if (l->inferred)
                fputs(" (inferred)", stdout);
            shown++;
        }
        if (shown)
            putchar('\n');
    }
}

json_t *rg_cli_show_json(const rg_graph *g, size_t node, const size_t *links, size_t n)
{
    const rg_node *x = &g->nodes[node];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(x->id));
    json_object_set_new(o, "label", json_string(x->label));
    json_object_set_new(o, "type", json_string(rg_type_name(x->type)));
    json_object_set_new(o, "kind", x->kind ? json_string(x->kind) : json_null());
    json_object_set_new(o, "country", x->country ? json_string(x->country) : json_null());
    json_t *aliases = json_array();
    for (size_t i = 0; i < x->aliases.len; i++)
        json_array_append_new(aliases, json_string(x->aliases.items[i]));
    json_object_set_new(o, "aliases", aliases);
    json_t *by_doc = json_object();
    for (size_t i = 0; i < x->doc_mentions.len; i++)
        json_object_set_new(by_doc, x->doc_mentions.keys[i], json_integer(x->doc_mentions.counts[i]));
    json_object_set_new(o, "mentions", json_integer(x->mentions));
    json_object_set_new(o, "mentions_by_doc", by_doc);
    if (x->text)
        json_object_set_new(o, "text", json_string(x->text));
    if (x->modality)
        json_object_set_new(o, "modality", json_string(x->modality));
    json_t *scores = json_object();
    for (int s = 0; s < RG_SCORE__COUNT; s++)
        if (!isnan(x->scores[s]))
            json_object_set_new(scores, rg_score_name((rg_score)s), json_real(x->scores[s]));
    json_object_set_new(o, "scores", scores);
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        const rg_link *l = &g->links[links[i]];
        size_t other = rg_other_end(g, links[i], node);
        json_t *e = json_object();
        json_object_set_new(e, "relation", json_string(rg_relation_name(l->relation)));
        json_object_set_new(e, "direction", json_string(l->source == node ? "out" : "in"));
        json_object_set_new(e, "node", json_string(g->nodes[other].id));
        json_object_set_new(e, "label", json_string(g->nodes[other].label));
        json_object_set_new(e, "weight", json_real(l->weight));
        if (l->inferred)
            json_object_set_new(e, "inferred", json_true());
        json_object_set_new(e, "evidence", rg_json_evidence(l));
        json_array_append_new(list, e);
    }
    json_object_set_new(o, "links", list);
    return o;
}

/* After a link in the list: who else a recommendation at its other end
 * involves. */
static void involved(const rg_graph *g, size_t node, size_t other)
{
    if (g->nodes[other].type == RG_TYPE_RECOMMENDATION)
        print_involved(g, other, node);
}

static void print_node(const rg_graph *g, size_t node, const size_t *links, size_t n)
{
    const rg_node *x = &g->nodes[node];
    printf("%s\n", x->type == RG_TYPE_RECOMMENDATION ? x->id : x->label);
    printf("  %-10s %s\n", "id", x->id);
    printf("  %-10s %s (%s)\n", "type", rg_type_name(x->type), x->kind ? x->kind : rg_type_name(x->type));
    if (x->country)
        printf("  %-10s %s\n", "country", x->country);
    char where[64];
    if (x->text)
        printf("  %-10s %s\n  %-10s %s, %s, section \"%s\"\n", "text", x->text, "from", x->doc ? x->doc : "?",
               rg_cli_node_where(g, node, where, sizeof where), x->section ? x->section : "");
    if (x->modality)
        printf("  %-10s %s\n", "modality", x->modality);
    if (x->aliases.len) {
        printf("  %-10s", "aliases");
        for (size_t i = 0; i < x->aliases.len; i++)
            printf("%s%s", i ? ", " : " ", x->aliases.items[i]);
        putchar('\n');
    }
    if (rg_type_is_entity(x->type)) {
        printf("  %-10s %ld", "mentions", x->mentions);
        for (size_t i = 0; i < x->doc_mentions.len; i++)
            printf("%s%s: %ld", i ? ", " : " (", x->doc_mentions.keys[i], x->doc_mentions.counts[i]);
        printf("%s\n", x->doc_mentions.len ? ")" : "");
    }
    bool any = false;
    for (int s = 0; s < RG_SCORE__COUNT; s++) {
        if (isnan(x->scores[s]))
            continue;
        if (!any)
            printf("  %-10s", "scores");
        printf("%s%s %.6g", any ? ", " : " ", rg_score_name((rg_score)s), x->scores[s]);
        any = true;
    }
    if (any)
        putchar('\n');
    static const rg_cli_links_style style = {2, true, 4, 8, false, involved};
    rg_cli_print_links(g, node, links, n, &style);
}

int cmd_show(int argc, char **argv)
{
    rg_cli_query q = {0};
    bool as_json = false;
    const rg_option options[] = {RG_OPT_GRAPH(&q.graph_file), RG_OPT_JSON(&as_json), RG_OPT_END};
    int done = rg_cli_query_open(&usage, options, argc, argv, 1, "show needs a name", 1, &q);
    if (done >= 0)
        return done;
    /* every link of the node, whatever its relation or the other end's type */
    size_t *links = NULL, n = 0;
    int status = 0;
    if (rg_query_neighbors(q.g, q.nodes[0], -1, -1, &links, &n, &q.err) < 0)
        status = rg_cli_fail(&q.err);
    else if (as_json)
        rg_cli_print_json(rg_cli_show_json(q.g, q.nodes[0], links, n));
    else
        print_node(q.g, q.nodes[0], links, n);
    free(links);
    rg_cli_query_close(&q);
    return status;
}
