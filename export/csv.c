/* CSV: nodes.csv (id and the node attributes) and edges.csv (source,
 * target and the link attributes), RFC 4180 quoting. */
#include "export/attrs.h"
#include "export/export.h"

#include <stdlib.h>

/* Every column has its comma; an absent value leaves the field empty. */
static void field(rg_buf *b, char scope, size_t k, rg_attr_type type, bool present, const rg_buf *s, double d)
{
    (void)scope;
    (void)k;
    rg_buf_addc(b, ',');
    if (!present)
        return;
    if (type == RG_ATTR_STRING)
        rg_csv_field(b, s->data ? s->data : "");
    else if (type == RG_ATTR_BOOL)
        rg_buf_adds(b, d ? "true" : "false");
    else
        rg_number(b, d);
}

static int write_nodes_or_edges(const rg_graph *g, FILE *out, bool edges, rg_error *err)
{
    rg_rows r;
    if (rg_rows_open(&r, g, out) < 0)
        return rg_error_nomem(err);
    size_t count = edges ? r.link_attrs : r.node_attrs;
    rg_buf_adds(&r.b, edges ? "source,target" : "id");
    for (size_t k = 0; k < count; k++) {
        rg_buf_addc(&r.b, ',');
        rg_buf_adds(&r.b, edges ? rg_link_attr_def(k).name : rg_node_attr_def(k).name);
    }
    rg_buf_adds(&r.b, "\r\n");
    size_t rows = edges ? g->n_links : g->n_nodes;
    bool ok = rg_rows_flush(&r);
    for (size_t i = 0; ok && i < rows; i++) {
        if (edges) {
            const rg_link *l = &g->links[r.links[i]];
            rg_csv_field(&r.b, g->nodes[l->source].id);
            rg_buf_addc(&r.b, ',');
            rg_csv_field(&r.b, g->nodes[l->target].id);
        } else {
            rg_csv_field(&r.b, g->nodes[r.nodes[i]].id);
        }
        rg_rows_attrs(&r, edges, i, field);
        rg_buf_adds(&r.b, "\r\n");
        ok = rg_rows_flush(&r);
    }
    return rg_rows_close(&r, "CSV", err);
}

int rg_csv_write_nodes(const rg_graph *g, FILE *out, rg_error *err)
{
    return write_nodes_or_edges(g, out, false, err);
}

int rg_csv_write_edges(const rg_graph *g, FILE *out, rg_error *err)
{
    return write_nodes_or_edges(g, out, true, err);
}
