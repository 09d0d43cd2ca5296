#include "export/dot.h"

#include "export/output.h"
#include "graph/text.h"

#include <gvc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct type_style {
    const char *shape;
    const char *fill;
    const char *legend;
} type_style;

static const type_style styles[RG_TYPE__COUNT] = {
    [RG_TYPE_ACTOR] = {"ellipse", "#a6cee3", "actor: country, organization, person"},
    [RG_TYPE_AGENCY] = {"box", "#fdbf6f", "agency: government body"},
    [RG_TYPE_PROGRAM] = {"hexagon", "#b2df8a", "program: initiative, agreement, dialogue"},
    [RG_TYPE_RECOMMENDATION] = {"note", "#f0f0f0", "recommendation"},
    [RG_TYPE_REPORT] = {"folder", "#cab2d6", "report"},
};

static const char *const edge_styles[RG_REL__COUNT] = {
    [RG_REL_CONTAINS] = "dotted",  [RG_REL_LEADS] = "bold",       [RG_REL_PARTNERS] = "solid",
    [RG_REL_CONCERNS] = "dashed",  [RG_REL_PART_OF] = "dotted",   [RG_REL_MEMBER_OF] = "dotted",
    [RG_REL_CO_MENTIONED] = "dashed",
};

const char *rg_render_format(const char *file)
{
    const char *dot = strrchr(file, '.');
    if (!dot)
        return NULL;
    static const char *const formats[][2] = {
        {".dot", "dot"}, {".gv", "dot"}, {".svg", "svg"}, {".png", "png"}, {".pdf", "pdf"},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (rg_strcasecmp(dot, formats[i][0]) == 0)
            return formats[i][1];
    return NULL;
}

static bool drawn_link(const rg_graph *g, const rg_link *l)
{
    return l->relation != RG_REL_CONTAINS && l->relation != RG_REL_CO_MENTIONED &&
           g->nodes[l->source].type != RG_TYPE_REPORT && g->nodes[l->target].type != RG_TYPE_REPORT;
}

/* Graphviz reads backslashes in labels as escapes ("\n", "\N"): double them
 * so that a name is drawn as written. Wrap at about width characters. */
static char *label_text(const char *s, size_t width)
{
    rg_buf b;
    rg_buf_init(&b);
    size_t col = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' && width && col >= width) {
            rg_buf_adds(&b, "\\n");
            col = 0;
            continue;
        }
        if (*p == '\\')
            rg_buf_addc(&b, '\\');
        if (*p == '\n' || *p == '\r') {
            rg_buf_addc(&b, ' ');
        } else {
            rg_buf_addc(&b, *p);
        }
        if (((unsigned char)*p & 0xC0) != 0x80)
            col++;
    }
    return rg_buf_steal(&b);
}

static int set(void *obj, const char *name, const char *value)
{
    return agsafeset(obj, (char *)name, (char *)value, "") == 0 ? 0 : -1;
}

static Agraph_t *build(const rg_graph *g)
{
    Agraph_t *ag = agopen("relgraph", Agdirected, NULL);
    if (!ag)
        return NULL;
    agattr(ag, AGRAPH, "overlap", "false");
    agattr(ag, AGRAPH, "splines", "true");
    agattr(ag, AGRAPH, "fontname", "Helvetica");
    agattr(ag, AGRAPH, "outputorder", "edgesfirst");
    agattr(ag, AGNODE, "style", "filled");
    agattr(ag, AGNODE, "fontname", "Helvetica");
    agattr(ag, AGNODE, "fontsize", "10");
    agattr(ag, AGEDGE, "color", "#666666");
    agattr(ag, AGEDGE, "arrowsize", "0.6");

    size_t *order_nodes, *order_links;
    if (rg_graph_sorted((rg_graph *)g, &order_nodes, &order_links) < 0) {
        agclose(ag);
        return NULL;
    }
    bool *used = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *used);
    Agnode_t **an = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *an);
    int rc = used && an ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (drawn_link(g, l))
            used[l->source] = used[l->target] = true;
    }
    bool present[RG_TYPE__COUNT] = {false};
    for (size_t k = 0; rc == 0 && k < g->n_nodes; k++) {
        size_t i = order_nodes[k];
        const rg_node *n = &g->nodes[i];
        if (!used[i])
            continue;
        present[n->type] = true;
        an[i] = agnode(ag, n->id, 1);
        bool rec = n->type == RG_TYPE_RECOMMENDATION;
        char *label = label_text(n->label, rec ? 28 : 22);
        char *tooltip = NULL;
        if (rec && n->text) {
            rg_buf t;
            rg_buf_init(&t);
            rg_buf_adds(&t, n->text);
            if (n->doc) {
                char where[64];
                snprintf(where, sizeof where, " (line %ld)", n->line);
                rg_buf_adds(&t, " -- ");
                rg_buf_adds(&t, n->doc);
                rg_buf_adds(&t, where);
            }
            tooltip = rg_buf_steal(&t);
        }
        char *tip = label_text(tooltip ? tooltip : n->label, 0);
        if (!an[i] || !label || !tip || set(an[i], "label", label) < 0 || set(an[i], "tooltip", tip) < 0 ||
            set(an[i], "shape", styles[n->type].shape) < 0 || set(an[i], "fillcolor", styles[n->type].fill) < 0)
            rc = -1;
        free(label);
        free(tooltip);
        free(tip);
    }
    for (size_t k = 0; rc == 0 && k < g->n_links; k++) {
        const rg_link *l = &g->links[order_links[k]];
        if (!drawn_link(g, l))
            continue;
        Agedge_t *e = agedge(ag, an[l->source], an[l->target], NULL, 1);
        if (!e || set(e, "style", edge_styles[l->relation]) < 0 ||
            set(e, "tooltip", rg_relation_name(l->relation)) < 0)
            rc = -1;
    }
    /* The legend is one node with an HTML table: clusters are ignored by
     * neato and sfdp, a single node is drawn by every engine. */
    if (rc == 0) {
        rg_buf html;
        rg_buf_init(&html);
        rg_buf_adds(&html, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"4\">"
                           "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
        for (int t = 0; t < RG_TYPE__COUNT; t++) {
            if (!present[t])
                continue;
            rg_buf_adds(&html, "<TR><TD BGCOLOR=\"");
            rg_buf_adds(&html, styles[t].fill);
            rg_buf_adds(&html, "\">");
            rg_buf_adds(&html, styles[t].shape);
            rg_buf_adds(&html, "</TD><TD ALIGN=\"LEFT\">");
            rg_buf_adds(&html, styles[t].legend);
            rg_buf_adds(&html, "</TD></TR>");
        }
        rg_buf_adds(&html, "</TABLE>");
        Agnode_t *legend = html.failed ? NULL : agnode(ag, "legend", 1);
        char *label = legend ? agstrdup_html(ag, html.data) : NULL;
        Agsym_t *sym = agattr(ag, AGNODE, "label", "\\N");
        if (!label || !sym || agxset(legend, sym, label) != 0 || set(legend, "shape", "plaintext") < 0 ||
            set(legend, "style", "solid") < 0)
            rc = -1;
        if (label)
            agstrfree(ag, label);
        rg_buf_destroy(&html);
    }
    free(used);
    free(an);
    free(order_nodes);
    free(order_links);
    if (rc < 0) {
        agclose(ag);
        return NULL;
    }
    return ag;
}

int rg_render_file(const rg_graph *g, const char *file, const rg_render_options *opts, rg_error *err)
{
    const char *format = rg_render_format(file);
    if (!format)
        return rg_error_set(err, RG_ERR_USAGE, file, 0, "unknown diagram format: use .dot, .gv, .svg, .png or .pdf");
    /* Graphviz prints its complaints to stderr; the library does not
     * print, so they are kept and read back with aglasterr(). */
    agseterr(AGMAX);
    Agraph_t *ag = build(g);
    if (!ag)
        return rg_error_set(err, RG_ERR_IO, file, 0, "cannot build the diagram: out of memory");
    rg_output out;
    if (rg_output_open(&out, file, err) < 0) {
        agclose(ag);
        return -1;
    }
    int rc = 0;
    if (strcmp(format, "dot") == 0) {
        if (agwrite(ag, out.file) != 0)
            rc = rg_error_set(err, RG_ERR_IO, file, 0, "cannot write DOT");
    } else {
        GVC_t *gvc = gvContext();
        const char *engine = opts && opts->layout ? opts->layout : (agnnodes(ag) > 400 ? "sfdp" : "neato");
        if (!gvc)
            rc = rg_error_nomem(err);
        else if (gvLayout(gvc, ag, engine) != 0)
            rc = rg_error_set(err, RG_ERR_INPUT, file, 0, "layout with '%s' failed: %s", engine,
                              aglasterr() ? aglasterr() : "no reason given");
        else {
            if (gvRender(gvc, ag, format, out.file) != 0)
                rc = rg_error_set(err, RG_ERR_IO, file, 0, "cannot render %s", format);
            gvFreeLayout(gvc, ag);
        }
        if (gvc)
            gvFreeContext(gvc);
    }
    agclose(ag);
    if (rc < 0) {
        rg_output_abort(&out);
        return -1;
    }
    return rg_output_commit(&out, err);
}
