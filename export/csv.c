/* CSV: nodes.csv (id and the node attributes) and edges.csv (source,
 * target and the link attributes), RFC 4180 quoting. */
#include "export/attrs.h"
#include "export/export.h"

#include <stdlib.h>

static int write_nodes_or_edges(const rg_graph *g, FILE *out, bool edges, rg_error *err)
{
    size_t *nodes, *links;
    long *keys;
    if (rg_export_order(g, &nodes, &links, &keys) < 0)
        return rg_error_nomem(err);
    rg_buf b, s;
    rg_buf_init(&b);
    rg_buf_init(&s);
    size_t count = edges ? rg_link_attr_count() : rg_node_attr_count();
    rg_buf_adds(&b, edges ? "source,target" : "id");
    for (size_t k = 0; k < count; k++) {
        rg_buf_addc(&b, ',');
        rg_buf_adds(&b, edges ? rg_link_attr_def(k).name : rg_node_attr_def(k).name);
    }
    rg_buf_adds(&b, "\r\n");
    int rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    size_t rows = edges ? g->n_links : g->n_nodes;
    for (size_t i = 0; i < rows && rc == 0; i++) {
        rg_buf_reset(&b);
        const rg_link *l = edges ? &g->links[links[i]] : NULL;
        const rg_node *n = edges ? NULL : &g->nodes[nodes[i]];
        if (edges) {
            rg_csv_field(&b, g->nodes[l->source].id);
            rg_buf_addc(&b, ',');
            rg_csv_field(&b, g->nodes[l->target].id);
        } else {
            rg_csv_field(&b, n->id);
        }
        for (size_t k = 0; k < count; k++) {
            double d = 0;
            rg_buf_reset(&s);
            rg_buf_addc(&b, ',');
            bool has = edges ? rg_link_attr(l, keys[i], k, &s, &d) : rg_node_attr(n, k, &s, &d);
            rg_attr_type t = edges ? rg_link_attr_def(k).type : rg_node_attr_def(k).type;
            if (!has)
                continue;
            if (t == RG_ATTR_STRING)
                rg_csv_field(&b, s.data ? s.data : "");
            else
                rg_number(&b, d);
        }
        rg_buf_adds(&b, "\r\n");
        rc = b.failed || s.failed || fwrite(b.data, 1, b.len, out) != b.len ? -1 : 0;
    }
    bool nomem = b.failed || s.failed;
    rg_buf_destroy(&b);
    rg_buf_destroy(&s);
    free(nodes);
    free(links);
    free(keys);
    if (rc < 0)
        return nomem ? rg_error_nomem(err) : rg_error_set(err, RG_ERR_IO, NULL, 0, "cannot write CSV");
    return 0;
}

int rg_csv_write_nodes(const rg_graph *g, FILE *out, rg_error *err)
{
    return write_nodes_or_edges(g, out, false, err);
}

int rg_csv_write_edges(const rg_graph *g, FILE *out, rg_error *err)
{
    return write_nodes_or_edges(g, out, true, err);
}
