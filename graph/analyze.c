#include "graph/analyze.h"

#include "graph/hmap.h"

#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The whole-graph view: vertex v of the igraph graph is node vertex_node[v]
 * of the model. */
typedef struct view {
    igraph_t graph;
    igraph_vector_t weights;
    size_t *vertex_node;
    igraph_integer_t n;
} view;

static int igraph_failed(rg_error *err, igraph_error_t code)
{
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "graph analysis failed: %s", igraph_strerror(code));
}

/* igraph's default handlers abort and print; the library does neither. */
static void quiet_igraph(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}

static bool in_view(const rg_node *n)
{
    return n->type != RG_TYPE_REPORT;
}

static void view_destroy(view *v)
{
    igraph_destroy(&v->graph);
    igraph_vector_destroy(&v->weights);
    free(v->vertex_node);
}

static int view_build(const rg_graph *g, view *v, rg_error *err)
{
    quiet_igraph();
    size_t *node_vertex = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *node_vertex);
    v->vertex_node = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *v->vertex_node);
    igraph_vector_int_t edges;
    rg_hmap pairs;
    rg_hmap_init(&pairs);
    if (!node_vertex || !v->vertex_node || igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS) {
        free(node_vertex);
        free(v->vertex_node);
        return rg_error_nomem(err);
    }
    if (igraph_vector_init(&v->weights, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&edges);
        free(node_vertex);
        free(v->vertex_node);
        return rg_error_nomem(err);
    }
    v->n = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        node_vertex[i] = (size_t)-1;
        if (in_view(&g->nodes[i])) {
            node_vertex[i] = (size_t)v->n;
            v->vertex_node[v->n++] = i;
        }
    }
    int rc = 0;
    for (size_t i = 0; i < g->n_links && rc == 0; i++) {
        const rg_link *l = &g->links[i];
        size_t a = node_vertex[l->source], b = node_vertex[l->target];
        if (l->relation == RG_REL_CONTAINS || a == (size_t)-1 || b == (size_t)-1 || a == b)
            continue;
        if (a > b) {
            size_t t = a;
            a = b;
            b = t;
        }
        char key[48];
        snprintf(key, sizeof key, "%zu,%zu", a, b);
        size_t at;
        double w = l->weight > 0 ? l->weight : 1.0;
        if (rg_hmap_get(&pairs, key, &at)) {
            VECTOR(v->weights)[at] += w;
            continue;
        }
        at = (size_t)igraph_vector_size(&v->weights);
        if (rg_hmap_put(&pairs, key, at) < 0 || igraph_vector_int_push_back(&edges, (igraph_integer_t)a) ||
            igraph_vector_int_push_back(&edges, (igraph_integer_t)b) || igraph_vector_push_back(&v->weights, w))
            rc = rg_error_nomem(err);
    }
    igraph_error_t code = IGRAPH_SUCCESS;
    if (rc == 0 && (code = igraph_create(&v->graph, &edges, v->n, IGRAPH_UNDIRECTED)) != IGRAPH_SUCCESS)
        rc = igraph_failed(err, code);
    igraph_vector_int_destroy(&edges);
    rg_hmap_destroy(&pairs);
    free(node_vertex);
    if (rc < 0) {
        igraph_vector_destroy(&v->weights);
        free(v->vertex_node);
    }
    return rc;
}

int rg_analyze_score(const rg_graph *g, rg_score which, double *out, rg_error *err)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        out[i] = NAN;
    view v;
    if (view_build(g, &v, err) < 0)
        return -1;
    igraph_vector_t res;
    if (igraph_vector_init(&res, v.n) != IGRAPH_SUCCESS) {
        view_destroy(&v);
        return rg_error_nomem(err);
    }
    igraph_error_t code = IGRAPH_SUCCESS;
    igraph_real_t value;
    int rc = 0;
    switch (which) {
    case RG_SCORE_DEGREE:
        code = igraph_strength(&v.graph, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, NULL);
        break;
    case RG_SCORE_STRENGTH:
        code = igraph_strength(&v.graph, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &v.weights);
        break;
    case RG_SCORE_PAGERANK:
        code = igraph_pagerank(&v.graph, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), IGRAPH_UNDIRECTED,
                               0.85, &v.weights, NULL);
        break;
    case RG_SCORE_BETWEENNESS:
        code = igraph_betweenness(&v.graph, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL);
        break;
    default:
        rc = rg_error_set(err, RG_ERR_USAGE, NULL, 0, "measure '%s' is not available", rg_score_name(which));
    }
    if (rc == 0 && code != IGRAPH_SUCCESS)
        rc = igraph_failed(err, code);
    for (igraph_integer_t k = 0; rc == 0 && k < v.n; k++)
        out[v.vertex_node[k]] = VECTOR(res)[k];
    igraph_vector_destroy(&res);
    view_destroy(&v);
    return rc;
}
