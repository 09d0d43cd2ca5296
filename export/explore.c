#include "export/explore.h"

#include "export/output.h"
#include "graph/analyze/analyze.h"
#include "graph/base/hmap.h"
#include "graph/rules/catalog.h"

#include "explore_assets.h"

#include <gvc.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Above this many nodes neato (stress majorization, O(n^2) memory) gives
 * way to sfdp (multilevel force-directed), which lays out 13k nodes in
 * seconds. */
#define NEATO_MAX_NODES 1500

/* Whether the page carries node i: every node but the reports, whose
 * `contains` links would tie everything to them. */
static bool in_page(const rg_graph *g, size_t i)
{
    return g->nodes[i].type != RG_TYPE_REPORT;
}

static size_t page_nodes(const rg_graph *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        n += in_page(g, i);
    return n;
}

static bool link_in_page(const rg_graph *g, const rg_link *l)
{
    return l->relation != RG_REL_CONTAINS && in_page(g, l->source) && in_page(g, l->target);
}

/* Whether a link pulls its ends together in the layout: co-mentions are
 * too many and too loose (the page hides them at first, too). */
static bool link_in_layout(const rg_graph *g, const rg_link *l)
{
    return link_in_page(g, l) && l->relation != RG_REL_CO_MENTIONED;
}

/* Which page nodes have a link in the layout (the others are isolated
 * there), into linked[] (one per node). */
static void mark_linked(const rg_graph *g, bool *linked)
{
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (link_in_layout(g, l) && l->source != l->target)
            linked[l->source] = linked[l->target] = true;
    }
}

/* The cgraph graph to lay out: a node per node of the page (named by its
 * place in id order, so that the input, and so the layout, does not
 * depend on the model's order), an edge per linked pair. On big graphs
 * the nodes without a link in the layout are left out (see
 * place_unlinked): sfdp lays out and packs each component alone, and
 * packing a hundred thousand one-node components takes hours. */
static Agraph_t *layout_graph(const rg_graph *g, const size_t *order, Agnode_t **an, bool big)
{
    bool *linked = big ? calloc(g->n_nodes ? g->n_nodes : 1, sizeof *linked) : NULL;
    if (big && !linked)
        return NULL;
    if (big)
        mark_linked(g, linked);
    Agraph_t *ag = agopen("explore", Agstrictundirected, NULL);
    if (!ag) {
        free(linked);
        return NULL;
    }
    agattr(ag, AGRAPH, "start", "1"); /* a fixed seed: the same layout every run */
    /* overlap removal (prism) costs more than the layout on big graphs,
     * where the page's zoom separates nodes anyway */
    agattr(ag, AGRAPH, "overlap", big ? "true" : "false");
    agattr(ag, AGRAPH, "splines", "false");
    /* packing lays each component out alone: cheap for neato's small
     * graphs, minutes for sfdp's thousands of components */
    agattr(ag, AGRAPH, "pack", big ? "false" : "true");
    agattr(ag, AGNODE, "shape", "point");
    agattr(ag, AGNODE, "width", "0.3");
    char name[32];
    for (size_t k = 0; k < g->n_nodes; k++) {
        size_t i = order[k];
        if (!in_page(g, i) || (big && !linked[i]))
            continue;
        snprintf(name, sizeof name, "n%zu", k);
        if (!(an[i] = agnode(ag, name, 1))) {
            agclose(ag);
            free(linked);
            return NULL;
        }
    }
    free(linked);
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (link_in_layout(g, l) && l->source != l->target && !agedge(ag, an[l->source], an[l->target], NULL, 1)) {
            agclose(ag);
            return NULL;
        }
    }
    return ag;
}

/* The page nodes left out of the layout, in id order, on a grid of
 * squares below what Graphviz laid out: rows as wide as that drawing, or
 * wider to make the grid a square. */
static void place_unlinked(const rg_graph *g, const size_t *order, Agnode_t *const *an, double *x, double *y)
{
    const double step = 36; /* points: a node's width and a gap */
    double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY;
    size_t n_unlinked = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (an[i]) {
            min_x = fmin(min_x, x[i]);
            max_x = fmax(max_x, x[i]);
            min_y = fmin(min_y, y[i]);
        } else if (in_page(g, i)) {
            n_unlinked++;
        }
    }
    if (!n_unlinked)
        return;
    size_t columns = (size_t)ceil(sqrt((double)n_unlinked));
    if (isinf(min_x))
        min_x = min_y = 0;
    else if ((max_x - min_x) / step + 1 > (double)columns)
        columns = (size_t)((max_x - min_x) / step) + 1;
    size_t placed = 0;
    for (size_t k = 0; k < g->n_nodes; k++) {
        size_t i = order[k];
        if (an[i] || !in_page(g, i))
            continue;
        x[i] = min_x + (double)(placed % columns) * step;
        y[i] = min_y - (double)(placed / columns + 1) * step; /* Graphviz's y grows upwards */
        placed++;
    }
}

/* Positions of the page's nodes (x[i], y[i], in points; NaN for the
 * others), laid out by Graphviz. */
static int lay_out(const rg_graph *g, const size_t *order, double *x, double *y, rg_error *err)
{
    Agnode_t **an = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *an);
    if (!an)
        return rg_error_nomem(err);
    agseterr(AGMAX);
    bool big = page_nodes(g) > NEATO_MAX_NODES;
    Agraph_t *ag = layout_graph(g, order, an, big);
    GVC_t *gvc = ag ? gvContext() : NULL;
    int rc = 0;
    if (!gvc) {
        rc = rg_error_nomem(err);
    } else {
        const char *engine = big ? "sfdp" : "neato";
        if (gvLayout(gvc, ag, engine) != 0) {
            char *why = aglasterr();
            rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0, "layout with '%s' failed: %s", engine,
                              why ? why : "no reason given");
        } else {
            for (size_t i = 0; i < g->n_nodes; i++) {
                x[i] = an[i] ? ND_coord(an[i]).x : NAN;
                y[i] = an[i] ? ND_coord(an[i]).y : NAN;
            }
            gvFreeLayout(gvc, ag);
            place_unlinked(g, order, an, x, y);
        }
    }
    if (gvc)
        gvFreeContext(gvc);
    if (ag)
        agclose(ag);
    free(an);
    return rc;
}

/* A measure that sizes the nodes: the graph file's scores when it has
 * them, else computed on the whole graph (*full: built at the first
 * measure that needs it, shared by the others; a view of a 2M-link graph
 * takes a second to build). */
static int node_scores(const rg_graph *g, rg_view **full, rg_score which, double *out, rg_error *err)
{
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (!isnan(g->nodes[i].scores[which])) {
            for (size_t k = 0; k < g->n_nodes; k++)
                out[k] = g->nodes[k].scores[which];
            return 0;
        }
    }
    if (!*full && rg_view_new(g, NULL, full, err) < 0)
        return -1;
    return rg_view_measure(*full, which, NULL, out, err);
}

/* The n measures into scores (n rows of g->n_nodes). */
static int measures_scores(const rg_graph *g, const rg_score *measures, size_t n, double *scores, rg_error *err)
{
    rg_view *full = NULL;
    int rc = 0;
    for (size_t m = 0; m < n && rc == 0; m++)
        rc = node_scores(g, &full, measures[m], scores + m * g->n_nodes, err);
    rg_view_free(full);
    return rc;
}

/* The measures the page offers to size nodes by: the chosen one first,
 * then the others, those costing O(n m) (betweenness, harmonic) left out
 * of big graphs, where they would take longer than the layout. */
static size_t page_measures(rg_score first, bool big, rg_score *out)
{
    static const rg_score offered[] = {RG_SCORE_PAGERANK, RG_SCORE_DEGREE, RG_SCORE_STRENGTH,
                                       RG_SCORE_EIGENVECTOR, RG_SCORE_BETWEENNESS, RG_SCORE_HARMONIC};
    size_t n = 0;
    out[n++] = first;
    for (size_t k = 0; k < sizeof offered / sizeof *offered; k++)
        if (offered[k] != first && !(big && (offered[k] == RG_SCORE_BETWEENNESS || offered[k] == RG_SCORE_HARMONIC)))
            out[n++] = offered[k];
    return n;
}

size_t rg_explore_community_nodes(const rg_graph *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        n += rg_type_is_entity(g->nodes[i].type);
    return n;
}

/* Communities as `relgraph communities --view entities` finds them
 * (Leiden, seed 1, until it no longer improves, or its first passes on a
 * big view): -1 for the nodes outside the view (recommendations). */
static int node_communities(const rg_graph *g, long *membership, size_t *count, rg_error *err)
{
    rg_view *v = NULL;
    double modularity;
    int rc = rg_view_new(g, &(rg_view_options){RG_VIEW_ENTITIES, NULL, false}, &v, err);
    if (rc == 0)
        rc = rg_view_communities(v, RG_COMMUNITY_LEIDEN, 1, 0, membership, count, &modularity, err);
    rg_view_free(v);
    return rc;
}

/* A score with 4 significant digits: enough to size a node, and fewer
 * bytes for a big graph's page. */
static json_t *score_json(double v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.4g", isnan(v) ? 0.0 : v);
    return json_real(strtod(buf, NULL));
}

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Round a coordinate to a tenth of a point: enough for a drawing, and
 * the same digits on every machine. */
static json_t *coordinate(double v)
{
    return json_real(isnan(v) ? 0.0 : round(v * 10.0) / 10.0);
}

/* The names the catalog knows a node by that the graph does not carry
 * (acronyms, other spellings), so that the page's search finds them as
 * the CLI's names do. */
static json_t *catalog_names(const rg_node *n, const rg_catalog *cat)
{
    json_t *list = json_array();
    const rg_entry *e = cat ? rg_catalog_find_id(cat, n->id) : NULL;
    for (size_t i = 0; e && i < e->n_aliases; i++)
        if (strcmp(e->aliases[i], n->label) != 0 && !rg_strset_has(&n->aliases, e->aliases[i]))
            json_array_append_new(list, json_string(e->aliases[i]));
    return list;
}

/* A node's aliases, as a JSON array. */
static json_t *aliases_json(const rg_node *n)
{
    json_t *aliases = json_array();
    for (size_t i = 0; i < n->aliases.len; i++)
        json_array_append_new(aliases, json_string(n->aliases.items[i]));
    return aliases;
}

static json_t *node_json(const rg_node *n, const rg_catalog *cat, double x, double y)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(n->id));
    json_object_set_new(o, "label", json_string(n->label));
    json_object_set_new(o, "type", json_string(rg_type_name(n->type)));
    json_object_set_new(o, "kind", string_or_null(n->kind));
    json_object_set_new(o, "country", string_or_null(n->country));
    json_object_set_new(o, "aliases", aliases_json(n));
    json_object_set_new(o, "names", catalog_names(n, cat));
    json_t *by_doc = json_object();
    for (size_t i = 0; i < n->doc_mentions.len; i++)
        json_object_set_new(by_doc, n->doc_mentions.keys[i], json_integer(n->doc_mentions.counts[i]));
    json_object_set_new(o, "mentions", by_doc);
    if (n->text) {
        json_object_set_new(o, "text", json_string(n->text));
        json_object_set_new(o, "doc", string_or_null(n->doc));
        json_object_set_new(o, "line", json_integer(n->line));
        json_object_set_new(o, "section", string_or_null(n->section));
        json_object_set_new(o, "modality", string_or_null(n->modality));
    }
    json_object_set_new(o, "x", coordinate(x));
    /* Graphviz's y grows upwards, SVG's downwards */
    json_object_set_new(o, "y", coordinate(-y));
    return o;
}

/* Strings the page writes once and cites by number: the documents and the
 * sentences of the evidence. A sentence proves many links (every
 * co-mention of a sentence's names): on a big graph the evidence written
 * out in full is most of the page. */
typedef struct string_table {
    rg_hmap index;
    json_t *list;
} string_table;

/* The number of s in the table, added at its end when new; -1 when out of
 * memory. */
static json_int_t table_ref(string_table *t, const char *s)
{
    size_t at;
    if (rg_hmap_get(&t->index, s, &at))
        return (json_int_t)at;
    at = json_array_size(t->list);
    if (rg_hmap_put(&t->index, s, at) < 0 || json_array_append_new(t->list, json_string(s)) < 0)
        return -1;
    return (json_int_t)at;
}

/* A link's evidence as [document, line, sentence] (numbers into the
 * tables), with [..., page, page_line] for a PDF's: the page rebuilds
 * what rg_json_evidence gives. */
static json_t *evidence_json(const rg_link *l, string_table *docs, string_table *sentences)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < l->n_evidence; i++) {
        const rg_evidence *e = &l->evidence[i];
        json_int_t doc = table_ref(docs, e->doc), text = table_ref(sentences, e->text);
        if (doc < 0 || text < 0) {
            json_decref(list);
            return NULL;
        }
        json_t *row = e->page ? json_pack("[IIIii]", doc, (json_int_t)e->line, text, e->page, e->page_line)
                              : json_pack("[III]", doc, (json_int_t)e->line, text);
        json_array_append_new(list, row);
    }
    return list;
}

/* A link of the page; without its evidence when the tables are NULL
 * (the page then asks the server for it). */
static json_t *link_json(const rg_link *l, const size_t *place, string_table *docs, string_table *sentences)
{
    json_t *evidence = docs ? evidence_json(l, docs, sentences) : NULL;
    if (docs && !evidence)
        return NULL;
    json_t *o = json_object();
    json_object_set_new(o, "s", json_integer((json_int_t)place[l->source]));
    json_object_set_new(o, "t", json_integer((json_int_t)place[l->target]));
    json_object_set_new(o, "rel", json_string(rg_relation_name(l->relation)));
    json_object_set_new(o, "w", json_real(l->weight));
    if (l->inferred)
        json_object_set_new(o, "inferred", json_true());
    if (evidence)
        json_object_set_new(o, "evidence", evidence);
    return o;
}

/* The order links are written in: by their ends' places, then relation. */
static const size_t *sort_place;
static const rg_link *sort_links;
static int by_ends(const void *a, const void *b)
{
    const rg_link *x = &sort_links[*(const size_t *)a], *y = &sort_links[*(const size_t *)b];
    size_t xs = sort_place[x->source], ys = sort_place[y->source];
    size_t xt = sort_place[x->target], yt = sort_place[y->target];
    if (xs != ys)
        return xs < ys ? -1 : 1;
    if (xt != yt)
        return xt < yt ? -1 : 1;
    return (int)x->relation - (int)y->relation;
}

/* The page's links, in a deterministic order; place[i] is node i's index
 * in the page's node array. The strings their evidence cites go into the
 * tables, in the order the links first cite them. */
static json_t *links_json(const rg_graph *g, const size_t *place, string_table *docs, string_table *sentences)
{
    size_t *idx = malloc((g->n_links ? g->n_links : 1) * sizeof *idx), n = 0;
    json_t *list = json_array();
    if (!idx || !list) {
        free(idx);
        json_decref(list);
        return NULL;
    }
    for (size_t i = 0; i < g->n_links; i++)
        if (link_in_page(g, &g->links[i]))
            idx[n++] = i;
    sort_place = place;
    sort_links = g->links;
    qsort(idx, n, sizeof *idx, by_ends);
    for (size_t k = 0; k < n; k++) {
        json_t *link = link_json(&g->links[idx[k]], place, docs, sentences);
        if (!link) {
            json_decref(list);
            list = NULL;
            break;
        }
        json_array_append_new(list, link);
    }
    free(idx);
    return list;
}

typedef struct page_data {
    const rg_graph *g;
    const rg_explore_options *opts;
    size_t *order, *place;
    double *x, *y;
    rg_score measures[RG_SCORE__COUNT];
    size_t n_measures;
    double *scores; /* n_measures rows of g->n_nodes */
    long *community;
    size_t n_communities;
} page_data;

static json_t *documents_json(const rg_graph *g)
{
    json_t *docs = json_array();
    for (size_t i = 0; i < g->n_docs; i++) {
        json_t *d = json_object();
        json_object_set_new(d, "id", json_string(g->docs[i].id));
        json_object_set_new(d, "title", string_or_null(g->docs[i].title));
        json_array_append_new(docs, d);
    }
    return docs;
}

/* The report nodes (left out of the drawing), in id order: the page's
 * find lists them as the CLI's does. */
static json_t *reports_json(const rg_graph *g, const size_t *order)
{
    json_t *list = json_array();
    for (size_t k = 0; k < g->n_nodes; k++) {
        const rg_node *n = &g->nodes[order[k]];
        if (n->type != RG_TYPE_REPORT)
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(n->id));
        json_object_set_new(o, "label", json_string(n->label));
        json_object_set_new(o, "aliases", aliases_json(n));
        json_array_append_new(list, o);
    }
    return list;
}

/* The links of the page without their evidence, into o (freed on
 * failure), marked so that the page asks the server for it. */
static json_t *links_on_demand(const rg_graph *g, const size_t *place, json_t *o)
{
    json_t *links = links_json(g, place, NULL, NULL);
    if (!links) {
        json_decref(o);
        return NULL;
    }
    json_object_set_new(o, "links", links);
    json_object_set_new(o, "evidence_on_demand", json_true());
    return o;
}

/* Everything the page's script reads, as one JSON object. */
static json_t *page_json(const page_data *p)
{
    const rg_graph *g = p->g;
    json_t *o = json_object(), *nodes = json_array();
    size_t k = 0;
    for (size_t j = 0; j < g->n_nodes; j++) {
        size_t i = p->order[j];
        if (!in_page(g, i))
            continue;
        p->place[i] = k++;
        json_t *node = node_json(&g->nodes[i], p->opts->catalog, p->x[i], p->y[i]);
        json_t *scores = json_array();
        for (size_t m = 0; m < p->n_measures; m++)
            json_array_append_new(scores, score_json(p->scores[m * g->n_nodes + i]));
        json_object_set_new(node, "scores", scores);
        json_object_set_new(node, "community", json_integer(p->community[i]));
        json_array_append_new(nodes, node);
    }
    json_t *measures = json_array();
    for (size_t m = 0; m < p->n_measures; m++)
        json_array_append_new(measures, json_string(rg_score_name(p->measures[m])));
    json_object_set_new(o, "measures", measures);
    json_object_set_new(o, "communities", json_integer((json_int_t)p->n_communities));
    json_object_set_new(o, "documents", documents_json(g));
    json_object_set_new(o, "reports", reports_json(g, p->order));
    json_object_set_new(o, "nodes", nodes);
    if (p->opts->evidence_on_demand)
        return links_on_demand(g, p->place, o);
    string_table docs = {{0}, json_array()}, sentences = {{0}, json_array()};
    rg_hmap_init(&docs.index);
    rg_hmap_init(&sentences.index);
    json_t *links = docs.list && sentences.list ? links_json(g, p->place, &docs, &sentences) : NULL;
    rg_hmap_destroy(&docs.index);
    rg_hmap_destroy(&sentences.index);
    if (!links) {
        json_decref(docs.list);
        json_decref(sentences.list);
        json_decref(o);
        return NULL;
    }
    json_object_set_new(o, "links", links);
    json_object_set_new(o, "evidence_docs", docs.list);
    json_object_set_new(o, "sentences", sentences.list);
    return o;
}

void rg_explore_html_escape(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}

void rg_explore_script_json(FILE *out, const char *json)
{
    for (; *json; json++) {
        switch (*json) {
        case '<': fputs("\\u003c", out); break;
        case '>': fputs("\\u003e", out); break;
        case '&': fputs("\\u0026", out); break;
        default: fputc(*json, out);
        }
    }
}

typedef struct page_text {
    const char *title;
    const char *data;    /* the JSON text */
    const char *connect; /* what the page may fetch, in its Content-Security-Policy */
} page_text;

/* The file's page fetches nothing (its policy's default, 'none'); the
 * served one asks its own server for the evidence. */
static const char *page_connect(const rg_explore_options *opts)
{
    return opts->evidence_on_demand ? "; connect-src 'self'" : "";
}

/* rg_output_fn: the template with its @@NAME@@ markers filled in. */
static int write_page(void *ctx, FILE *out, const char *file, rg_error *err)
{
    const page_text *t = ctx;
    const char *s = rg_explore_html;
    for (const char *at; (at = strstr(s, "@@")); ) {
        const char *end = strstr(at + 2, "@@");
        if (!end)
            break;
        fwrite(s, 1, (size_t)(at - s), out);
        size_t len = (size_t)(end - at - 2);
        if (len == 5 && memcmp(at + 2, "TITLE", 5) == 0)
            rg_explore_html_escape(out, t->title);
        else if (len == 3 && memcmp(at + 2, "CSS", 3) == 0)
            fputs(rg_explore_css, out);
        else if (len == 2 && memcmp(at + 2, "JS", 2) == 0)
            fputs(rg_explore_js, out);
        else if (len == 3 && memcmp(at + 2, "LIB", 3) == 0)
            fputs(rg_explore_cytoscape_min_js, out);
        else if (len == 7 && memcmp(at + 2, "CONNECT", 7) == 0)
            fputs(t->connect, out);
        else if (len == 4 && memcmp(at + 2, "DATA", 4) == 0)
            rg_explore_script_json(out, t->data);
        else
            fwrite(at, 1, (size_t)(end + 2 - at), out);
        s = end + 2;
    }
    fputs(s, out);
    return ferror(out) ? rg_error_set(err, RG_ERR_IO, file, 0, "cannot write") : 0;
}

/* The page's data as JSON text (caller frees), laid out and sized. */
static int page_data_text(const rg_graph *g, const rg_explore_options *opts, char **out, rg_error *err)
{
    size_t n = g->n_nodes ? g->n_nodes : 1;
    page_data p = {g, opts, rg_graph_node_order(g), malloc(n * sizeof(size_t)), malloc(n * sizeof(double)),
                   malloc(n * sizeof(double)), {0}, 0, NULL, malloc(n * sizeof(long)), 0};
    p.n_measures = page_measures(opts->size_by, page_nodes(g) > NEATO_MAX_NODES, p.measures);
    p.scores = malloc(p.n_measures * n * sizeof(double));
    int rc = p.order && p.place && p.x && p.y && p.scores && p.community ? 0 : rg_error_nomem(err);
    if (rc == 0)
        rc = measures_scores(g, p.measures, p.n_measures, p.scores, err);
    if (rc == 0)
        rc = node_communities(g, p.community, &p.n_communities, err);
    if (rc == 0)
        rc = lay_out(g, p.order, p.x, p.y, err);
    json_t *data = rc == 0 ? page_json(&p) : NULL;
    *out = data ? json_dumps(data, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
    if (rc == 0 && !*out)
        rc = rg_error_nomem(err);
    json_decref(data);
    free(p.order);
    free(p.place);
    free(p.x);
    free(p.y);
    free(p.scores);
    free(p.community);
    return rc;
}

int rg_explore_write(const rg_graph *g, FILE *out, const rg_explore_options *opts, rg_error *err)
{
    char *text = NULL;
    int rc = page_data_text(g, opts, &text, err);
    if (rc == 0) {
        page_text t = {opts->title ? opts->title : "relgraph explorer", text, page_connect(opts)};
        rc = write_page(&t, out, NULL, err);
    }
    free(text);
    return rc;
}

int rg_explore_write_file(const rg_graph *g, const char *file, const rg_explore_options *opts, rg_error *err)
{
    char *text = NULL;
    int rc = page_data_text(g, opts, &text, err);
    if (rc == 0) {
        page_text t = {opts->title ? opts->title : "relgraph explorer", text, page_connect(opts)};
        rc = rg_output_write(file, write_page, &t, err);
    }
    free(text);
    return rc;
}
