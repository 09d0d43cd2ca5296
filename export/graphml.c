/* GraphML with typed attribute keys: NetworkX's read_graphml and igraph's
 * Graph.Read_GraphML load it with every attribute. */
#include "export/attrs.h"
#include "export/export.h"

#include <stdlib.h>

static const char *graphml_type(rg_attr_type t)
{
    return t == RG_ATTR_STRING ? "string" : t == RG_ATTR_INT ? "long" : t == RG_ATTR_BOOL ? "boolean" : "double";
}

static void data(rg_buf *b, char scope, size_t k, rg_attr_type t, bool present, const rg_buf *s, double d)
{
    /* a boolean's false is the key's default */
    if (!present || (t == RG_ATTR_BOOL && !d))
        return;
    char key[24];
    snprintf(key, sizeof key, "%c%zu", scope, k);
    rg_buf_adds(b, "<data key=\"");
    rg_buf_adds(b, key);
    rg_buf_adds(b, "\">");
    if (t == RG_ATTR_STRING)
        rg_xml_escape(b, s->data ? s->data : "");
    else if (t == RG_ATTR_BOOL)
        rg_buf_adds(b, "true");
    else
        rg_number(b, d);
    rg_buf_adds(b, "</data>");
}

/* The typed keys of one scope: 'n' for "node", 'e' for "edge". */
static void declare(rg_buf *b, char scope, const char *what, size_t count, rg_attr_def (*def)(size_t))
{
    for (size_t k = 0; k < count; k++) {
        rg_attr_def d = def(k);
        char line[240];
        snprintf(line, sizeof line, "  <key id=\"%c%zu\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"%s\n", scope, k,
                 what, d.name, graphml_type(d.type),
                 d.type == RG_ATTR_BOOL ? "><default>false</default></key>" : "/>");
        rg_buf_adds(b, line);
    }
}

int rg_graphml_write(const rg_graph *g, FILE *out, rg_error *err)
{
    rg_rows r;
    if (rg_rows_open(&r, g, out) < 0)
        return rg_error_nomem(err);
    rg_buf_adds(&r.b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    declare(&r.b, 'n', "node", r.node_attrs, rg_node_attr_def);
    declare(&r.b, 'e', "edge", r.link_attrs, rg_link_attr_def);
    rg_buf_adds(&r.b, "  <graph id=\"relgraph\" edgedefault=\"directed\">\n");
    bool ok = rg_rows_flush(&r);
    for (size_t i = 0; ok && i < g->n_nodes; i++) {
        rg_buf_adds(&r.b, "    <node id=\"");
        rg_xml_escape(&r.b, g->nodes[r.nodes[i]].id);
        rg_buf_adds(&r.b, "\">");
        rg_rows_attrs(&r, false, i, data);
        rg_buf_adds(&r.b, "</node>\n");
        ok = rg_rows_flush(&r);
    }
    for (size_t i = 0; ok && i < g->n_links; i++) {
        const rg_link *l = &g->links[r.links[i]];
        char id[32];
        snprintf(id, sizeof id, "e%zu", i);
        rg_buf_adds(&r.b, "    <edge id=\"");
        rg_buf_adds(&r.b, id);
        rg_buf_adds(&r.b, "\" source=\"");
        rg_xml_escape(&r.b, g->nodes[l->source].id);
        rg_buf_adds(&r.b, "\" target=\"");
        rg_xml_escape(&r.b, g->nodes[l->target].id);
        rg_buf_adds(&r.b, "\">");
        rg_rows_attrs(&r, true, i, data);
        rg_buf_adds(&r.b, "</edge>\n");
        ok = rg_rows_flush(&r);
    }
    rg_buf_adds(&r.b, "  </graph>\n</graphml>\n");
    rg_rows_flush(&r);
    return rg_rows_close(&r, "GraphML", err);
}
