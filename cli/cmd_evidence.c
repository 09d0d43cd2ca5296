/* relgraph evidence: the sentences behind the links between two nodes. */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json.h"
#include "graph/analyze/query.h"
#include "graph/base/text.h"

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"evidence", 19, false,
    "usage: relgraph evidence A B [-g graph.json] [--relation R] [--json] [FILE|DIR ...]\n\n"
    "The links between two nodes (either way), each with every sentence of its\n"
    "evidence, report and line (a PDF's: page and line on the page). A and B\n"
    "joined by no link, or by none of the relation asked, is an error (exit 1)\n"
    "that says which relations join them.\n\n"};

/* A node as the messages name it: a recommendation by its id (its label
 * is its whole text), anything else by its label. */
static const char *called(const rg_graph *g, size_t node)
{
    return g->nodes[node].type == RG_TYPE_RECOMMENDATION ? g->nodes[node].id : g->nodes[node].label;
}

/* The links between a and b, of relation (or any), in rg_query_neighbors'
 * order; an error when there is none. */
static int links_between(const rg_graph *g, size_t a, size_t b, int relation, size_t **out, size_t *n,
                         rg_error *err)
{
    size_t *links = NULL, all = 0, kept = 0;
    if (rg_query_neighbors(g, a, -1, -1, &links, &all, err) < 0)
        return -1;
    rg_buf others;
    rg_buf_init(&others);
    for (size_t i = 0; i < all; i++) {
        if (rg_other_end(g, links[i], a) != b)
            continue;
        rg_relation r = g->links[links[i]].relation;
        if (relation < 0 || (int)r == relation) {
            links[kept++] = links[i];
        } else {
            rg_buf_adds(&others, others.len ? ", " : "");
            rg_buf_adds(&others, rg_relation_name(r));
        }
    }
    int rc = 0;
    if (others.failed)
        rc = rg_error_nomem(err);
    else if (kept == 0 && others.len)
        rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0, "%s and %s have no %s link; their links: %s", called(g, a),
                          called(g, b), rg_relation_name((rg_relation)relation), others.data);
    else if (kept == 0)
        rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0, "no link joins %s and %s (`relgraph path` says how they connect)",
                          called(g, a), called(g, b));
    rg_buf_destroy(&others);
    if (rc < 0) {
        free(links);
        return -1;
    }
    *out = links;
    *n = kept;
    return 0;
}

static json_t *link_json(const rg_graph *g, size_t link)
{
    const rg_link *l = &g->links[link];
    json_t *o = json_object();
    json_object_set_new(o, "source", json_string(g->nodes[l->source].id));
    json_object_set_new(o, "target", json_string(g->nodes[l->target].id));
    json_object_set_new(o, "relation", json_string(rg_relation_name(l->relation)));
    json_object_set_new(o, "weight", json_real(l->weight));
    if (l->inferred)
        json_object_set_new(o, "inferred", json_true());
    json_object_set_new(o, "evidence", rg_json_evidence(l));
    return o;
}

int rg_cli_evidence_answer(const rg_graph *g, size_t a, size_t b, int relation, json_t **out, rg_error *err)
{
    size_t *links = NULL, n = 0;
    if (links_between(g, a, b, relation, &links, &n, err) < 0)
        return -1;
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list, link_json(g, links[i]));
    free(links);
    json_t *o = json_object();
    json_object_set_new(o, "a", json_string(g->nodes[a].id));
    json_object_set_new(o, "b", json_string(g->nodes[b].id));
    json_object_set_new(o, "links", list);
    *out = o;
    return 0;
}

/* Each link as "source -relation-> target: N sentences", then each
 * sentence with its report and place. */
static void print_links(const rg_graph *g, const size_t *links, size_t n)
{
    char from[600], to[600], where[64];
    for (size_t i = 0; i < n; i++) {
        const rg_link *l = &g->links[links[i]];
        printf("%s%s -%s-> %s%s: %zu sentence%s\n", i ? "\n" : "", rg_cli_node_name(&g->nodes[l->source], from, sizeof from),
               rg_relation_name(l->relation), rg_cli_node_name(&g->nodes[l->target], to, sizeof to),
               l->inferred ? " (inferred)" : "", l->n_evidence, l->n_evidence == 1 ? "" : "s");
        for (size_t k = 0; k < l->n_evidence; k++) {
            const rg_evidence *e = &l->evidence[k];
            if (strcmp(e->doc, "catalog") == 0)
                printf("  [from the catalog: %s]\n", e->text);
            else
                printf("  \"%s\" [%s, %s]\n", e->text, e->doc, rg_cli_where(e->line, e->page, e->page_line, where, sizeof where));
        }
    }
}

int cmd_evidence(int argc, char **argv)
{
    rg_cli_query q = {0};
    int relation = -1;
    bool as_json = false;
    const rg_option options[] = {
        RG_OPT_GRAPH(&q.graph_file),
        RG_OPT_CALLBACK(0, "relation", &relation, "R",
                        "only the link of this relation (leads, partners,\n"
                        "targets, concerns, part_of, member_of, co_mentioned)",
                        rg_cli_option_relation),
        RG_OPT_JSON(&as_json),
        RG_OPT_END,
    };
    int done = rg_cli_query_open(&usage, options, argc, argv, 2, "evidence needs two names", 2, &q);
    if (done >= 0)
        return done;
    size_t *links = NULL, n = 0;
    json_t *o = NULL;
    int status = 0;
    if (as_json) {
        if (rg_cli_evidence_answer(q.g, q.nodes[0], q.nodes[1], relation, &o, &q.err) < 0)
            status = rg_cli_fail(&q.err);
        else
            rg_cli_print_json(o);
    } else if (links_between(q.g, q.nodes[0], q.nodes[1], relation, &links, &n, &q.err) < 0) {
        status = rg_cli_fail(&q.err);
    } else {
        print_links(q.g, links, n);
    }
    free(links);
    rg_cli_query_close(&q);
    return status;
}
