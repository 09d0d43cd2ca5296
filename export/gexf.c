/* GEXF 1.2draft, the format of Gephi: the namespace that Gephi and
 * NetworkX 2.8 (Debian 12) both read, where 1.3 is refused by the
 * NetworkX of Debian 12 ("No <graph> element in GEXF file"). */
#include "config.h"
#include "export/attrs.h"
#include "export/export.h"

#include <stdlib.h>
#include <string.h>

static const char *gexf_type(rg_attr_type t)
{
    return t == RG_ATTR_STRING ? "string" : t == RG_ATTR_INT ? "long" : t == RG_ATTR_BOOL ? "boolean" : "double";
}

/* An edge's "key" (its number among the links between the same two nodes)
 * is left out: the edge id already tells parallel edges apart, and
 * NetworkX's reader, which gives the id as the key and every attribute by
 * its title, fails on an attribute titled "key". */
static bool left_out(char scope, size_t k)
{
    return scope == 'e' && strcmp(rg_link_attr_def(k).name, "key") == 0;
}

static void attvalue(rg_buf *b, char scope, size_t k, rg_attr_type t, bool present, const rg_buf *s, double d)
{
    /* a boolean's false is the attribute's default */
    if (!present || (t == RG_ATTR_BOOL && !d) || left_out(scope, k))
        return;
    char head[48];
    snprintf(head, sizeof head, "<attvalue for=\"%zu\" value=\"", k);
    rg_buf_adds(b, head);
    if (t == RG_ATTR_STRING)
        rg_xml_escape(b, s->data ? s->data : "");
    else if (t == RG_ATTR_BOOL)
        rg_buf_adds(b, "true");
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
        if (left_out(cls[0], k))
            continue;
        rg_attr_def d = def(k);
        char line[240];
        snprintf(line, sizeof line, "      <attribute id=\"%zu\" title=\"%s\" type=\"%s\"%s\n", k, d.name,
                 gexf_type(d.type), d.type == RG_ATTR_BOOL ? "><default>false</default></attribute>" : "/>");
        rg_buf_adds(b, line);
    }
    rg_buf_adds(b, "    </attributes>\n");
}

int rg_gexf_write(const rg_graph *g, FILE *out, rg_error *err)
{
    rg_rows r;
    if (rg_rows_open(&r, g, out) < 0)
        return rg_error_nomem(err);
    rg_buf_adds(&r.b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                      "      xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\"\n"
                      "      version=\"1.2\">\n"
                      "  <meta><creator>relgraph " RG_VERSION "</creator></meta>\n"
                      "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    declare(&r.b, "node", r.node_attrs, rg_node_attr_def);
    declare(&r.b, "edge", r.link_attrs, rg_link_attr_def);
    rg_buf_adds(&r.b, "    <nodes>\n");
    bool ok = rg_rows_flush(&r);
    for (size_t i = 0; ok && i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[r.nodes[i]];
        rg_buf_adds(&r.b, "      <node id=\"");
        rg_xml_escape(&r.b, n->id);
        rg_buf_adds(&r.b, "\" label=\"");
        rg_xml_escape(&r.b, n->label);
        rg_buf_adds(&r.b, "\"><attvalues>");
        rg_rows_attrs(&r, false, i, attvalue);
        rg_buf_adds(&r.b, "</attvalues></node>\n");
        ok = rg_rows_flush(&r);
    }
    rg_buf_adds(&r.b, "    </nodes>\n    <edges>\n");
    ok = ok && rg_rows_flush(&r);
    for (size_t i = 0; ok && i < g->n_links; i++) {
        const rg_link *l = &g->links[r.links[i]];
        char head[64];
        snprintf(head, sizeof head, "      <edge id=\"%zu\" source=\"", i);
        rg_buf_adds(&r.b, head);
        rg_xml_escape(&r.b, g->nodes[l->source].id);
        rg_buf_adds(&r.b, "\" target=\"");
        rg_xml_escape(&r.b, g->nodes[l->target].id);
        rg_buf_adds(&r.b, "\" label=\"");
        rg_buf_adds(&r.b, rg_relation_name(l->relation));
        rg_buf_adds(&r.b, "\" weight=\"");
        rg_number(&r.b, l->weight);
        rg_buf_adds(&r.b, "\"><attvalues>");
        rg_rows_attrs(&r, true, i, attvalue);
        rg_buf_adds(&r.b, "</attvalues></edge>\n");
        ok = rg_rows_flush(&r);
    }
    rg_buf_adds(&r.b, "    </edges>\n  </graph>\n</gexf>\n");
    rg_rows_flush(&r);
    return rg_rows_close(&r, "GEXF", err);
}
