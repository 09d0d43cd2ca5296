/* GEXF 1.3, the format of Gephi. */
#include "config.h"
#include "export/attrs.h"
#include "export/export.h"

#include <stdlib.h>

static const char *gexf_type(rg_attr_type t)
{
    return t == RG_ATTR_STRING ? "string" : t == RG_ATTR_INT ? "long" : "double";
}

static void attvalue(rg_buf *b, size_t k, rg_attr_type t, const rg_buf *s, double d)
{
    char head[48];
    snprintf(head, sizeof head, "<attvalue for=\"%zu\" value=\"", k);
    rg_buf_adds(b, head);
    if (t == RG_ATTR_STRING)
        rg_xml_escape(b, s->data ? s->data : "");
    else
        rg_number(b, d);
    rg_buf_adds(b, "\"/>");
}

static void declare(rg_buf *b, const char *cls, size_t count, rg_attr_def (*def)(size_t))
{
    rg_buf_adds(b, "    <attributes class=\"");
    rg_buf_adds(b, cls);
    rg_buf_adds(b, "\">\n");
    for (size_t k = 0; k < count; k++) {
        rg_attr_def d = def(k);
        char line[200];
        snprintf(line, sizeof line, "      <attribute id=\"%zu\" title=\"%s\" type=\"%s\"/>\n", k, d.name,
                 gexf_type(d.type));
        rg_buf_adds(b, line);
    }
    rg_buf_adds(b, "    </attributes>\n");
}

int rg_gexf_write(const rg_graph *g, FILE *out, rg_error *err)
{
    size_t *nodes, *links;
    long *keys;
    if (rg_export_order(g, &nodes, &links, &keys) < 0)
        return rg_error_nomem(err);
    rg_buf b, s;
    rg_buf_init(&b);
    rg_buf_init(&s);
    rg_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                    "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
                    "  <meta><creator>relgraph " RG_VERSION "</creator></meta>\n"
                    "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    declare(&b, "node", rg_node_attr_count(), rg_node_attr_def);
    declare(&b, "edge", rg_link_attr_count(), rg_link_attr_def);
    rg_buf_adds(&b, "    <nodes>\n");
    int rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    for (size_t i = 0; i < g->n_nodes && rc == 0; i++) {
        const rg_node *n = &g->nodes[nodes[i]];
        rg_buf_reset(&b);
        rg_buf_adds(&b, "      <node id=\"");
        rg_xml_escape(&b, n->id);
        rg_buf_adds(&b, "\" label=\"");
        rg_xml_escape(&b, n->label);
        rg_buf_adds(&b, "\"><attvalues>");
        for (size_t k = 0; k < rg_node_attr_count(); k++) {
            double d = 0;
            rg_buf_reset(&s);
            if (rg_node_attr(n, k, &s, &d))
                attvalue(&b, k, rg_node_attr_def(k).type, &s, d);
        }
        rg_buf_adds(&b, "</attvalues></node>\n");
        rc = b.failed || s.failed || fwrite(b.data, 1, b.len, out) != b.len ? -1 : 0;
    }
    if (rc == 0 && fputs("    </nodes>\n    <edges>\n", out) < 0)
        rc = -1;
    for (size_t i = 0; i < g->n_links && rc == 0; i++) {
        const rg_link *l = &g->links[links[i]];
        char head[64];
        snprintf(head, sizeof head, "      <edge id=\"%zu\" source=\"", i);
        rg_buf_reset(&b);
        rg_buf_adds(&b, head);
        rg_xml_escape(&b, g->nodes[l->source].id);
        rg_buf_adds(&b, "\" target=\"");
        rg_xml_escape(&b, g->nodes[l->target].id);
        rg_buf_adds(&b, "\" label=\"");
        rg_buf_adds(&b, rg_relation_name(l->relation));
        rg_buf_adds(&b, "\" weight=\"");
        rg_number(&b, l->weight);
        rg_buf_adds(&b, "\"><attvalues>");
        for (size_t k = 0; k < rg_link_attr_count(); k++) {
            double d = 0;
            rg_buf_reset(&s);
            if (rg_link_attr(l, keys[i], k, &s, &d))
                attvalue(&b, k, rg_link_attr_def(k).type, &s, d);
        }
        rg_buf_adds(&b, "</attvalues></edge>\n");
        rc = b.failed || s.failed || fwrite(b.data, 1, b.len, out) != b.len ? -1 : 0;
    }
    if (rc == 0 && fputs("    </edges>\n  </graph>\n</gexf>\n", out) < 0)
        rc = -1;
    bool nomem = b.failed || s.failed;
    rg_buf_destroy(&b);
    rg_buf_destroy(&s);
    free(nodes);
    free(links);
    free(keys);
    if (rc < 0)
        return nomem ? rg_error_nomem(err) : rg_error_set(err, RG_ERR_IO, NULL, 0, "cannot write GEXF");
    return 0;
}
