/* GraphML with typed attribute keys: NetworkX's read_graphml and igraph's
 * Graph.Read_GraphML load it with every attribute. */
#include "export/attrs.h"
#include "export/export.h"

#include <stdlib.h>

static const char *graphml_type(rg_attr_type t)
{
    return t == RG_ATTR_STRING ? "string" : t == RG_ATTR_INT ? "long" : "double";
}

static void data(rg_buf *b, char scope, size_t k, rg_attr_type t, const rg_buf *s, double d)
{
    char key[24];
    snprintf(key, sizeof key, "%c%zu", scope, k);
    rg_buf_adds(b, "<data key=\"");
    rg_buf_adds(b, key);
    rg_buf_adds(b, "\">");
    if (t == RG_ATTR_STRING)
        rg_xml_escape(b, s->data ? s->data : "");
    else
        rg_number(b, d);
    rg_buf_adds(b, "</data>");
}

int rg_graphml_write(const rg_graph *g, FILE *out, rg_error *err)
{
    size_t *nodes, *links;
    long *keys;
    if (rg_export_order(g, &nodes, &links, &keys) < 0)
        return rg_error_nomem(err);
    rg_buf b, s;
    rg_buf_init(&b);
    rg_buf_init(&s);
    rg_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                    "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                    "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t k = 0; k < rg_node_attr_count(); k++) {
        rg_attr_def d = rg_node_attr_def(k);
        char line[200];
        snprintf(line, sizeof line, "  <key id=\"n%zu\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k, d.name,
                 graphml_type(d.type));
        rg_buf_adds(&b, line);
    }
    for (size_t k = 0; k < rg_link_attr_count(); k++) {
        rg_attr_def d = rg_link_attr_def(k);
        char line[200];
        snprintf(line, sizeof line, "  <key id=\"e%zu\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k, d.name,
                 graphml_type(d.type));
        rg_buf_adds(&b, line);
    }
    rg_buf_adds(&b, "  <graph id=\"relgraph\" edgedefault=\"directed\">\n");
    int rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    for (size_t i = 0; i < g->n_nodes && rc == 0; i++) {
        const rg_node *n = &g->nodes[nodes[i]];
        rg_buf_reset(&b);
        rg_buf_adds(&b, "    <node id=\"");
        rg_xml_escape(&b, n->id);
        rg_buf_adds(&b, "\">");
        for (size_t k = 0; k < rg_node_attr_count(); k++) {
            double d = 0;
            rg_buf_reset(&s);
            if (rg_node_attr(n, k, &s, &d))
                data(&b, 'n', k, rg_node_attr_def(k).type, &s, d);
        }
        rg_buf_adds(&b, "</node>\n");
        rc = b.failed || s.failed || fwrite(b.data, 1, b.len, out) != b.len ? -1 : 0;
    }
    for (size_t i = 0; i < g->n_links && rc == 0; i++) {
        const rg_link *l = &g->links[links[i]];
        char id[32];
        snprintf(id, sizeof id, "e%zu", i);
        rg_buf_reset(&b);
        rg_buf_adds(&b, "    <edge id=\"");
        rg_buf_adds(&b, id);
        rg_buf_adds(&b, "\" source=\"");
        rg_xml_escape(&b, g->nodes[l->source].id);
        rg_buf_adds(&b, "\" target=\"");
        rg_xml_escape(&b, g->nodes[l->target].id);
        rg_buf_adds(&b, "\">");
        for (size_t k = 0; k < rg_link_attr_count(); k++) {
            double d = 0;
            rg_buf_reset(&s);
            if (rg_link_attr(l, keys[i], k, &s, &d))
                data(&b, 'e', k, rg_link_attr_def(k).type, &s, d);
        }
        rg_buf_adds(&b, "</edge>\n");
        rc = b.failed || s.failed || fwrite(b.data, 1, b.len, out) != b.len ? -1 : 0;
    }
    if (rc == 0 && fputs("  </graph>\n</graphml>\n", out) < 0)
        rc = -1;
    bool nomem = b.failed || s.failed;
    rg_buf_destroy(&b);
    rg_buf_destroy(&s);
    free(nodes);
    free(links);
    free(keys);
    if (rc < 0)
        return nomem ? rg_error_nomem(err) : rg_error_set(err, RG_ERR_IO, NULL, 0, "cannot write GraphML");
    return 0;
}
