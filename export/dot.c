#include "export/dot.h"

#include "export/dot_internal.h"
#include "export/dot_label.h"
#include "export/output.h"
#include "graph/base/hmap.h"
#include "graph/base/text.h"

#include <gvc.h>
#include <math.h>
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

typedef struct relation_style {
    const char *style;
    const char *color;
} relation_style;

static const relation_style edge_styles[RG_REL__COUNT] = {
    [RG_REL_CONTAINS] = {"dotted", "#bbbbbb"},   [RG_REL_LEADS] = {"bold", "#b2182b"},
    [RG_REL_PARTNERS] = {"solid", "#2166ac"},    [RG_REL_CONCERNS] = {"dashed", "#1b7837"},
    [RG_REL_PART_OF] = {"dotted", "#555555"},    [RG_REL_MEMBER_OF] = {"dotted", "#8c510a"},
    [RG_REL_CO_MENTIONED] = {"dashed", "#cccccc"}, [RG_REL_TARGETS] = {"solid", "#e08214"},
};

/* How many bytes of a recommendation's action its label shows. */
#define RECOMMENDATION_ACTION 56

/* A role whose party the sentence does not name (inferred) is drawn
 * dashed, in its relation's colour made half transparent. */
#define INFERRED_ALPHA "80"

const char *rg_dot_format(const char *file)
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

static bool drawn_link(const rg_graph *g, const rg_link *l, unsigned relations)
{
    if (relations)
        return (relations >> l->relation) & 1u;
    return l->relation != RG_REL_CONTAINS && l->relation != RG_REL_CO_MENTIONED &&
           g->nodes[l->source].type != RG_TYPE_REPORT && g->nodes[l->target].type != RG_TYPE_REPORT;
}

/* Graphviz reads backslashes in labels as escapes ("\n", "\N"): double them
 * so that a name is drawn as written. Wrap at about width characters
 * (0: never); line ends become spaces. */
char *rg_dot_text(const char *s, size_t width)
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
        rg_buf_addc(&b, *p == '\n' || *p == '\r' ? ' ' : *p);
        if (((unsigned char)*p & 0xC0) != 0x80)
            col++;
    }
    return rg_buf_steal(&b);
}

int rg_dot_set(void *obj, const char *name, const char *value)
{
    return agsafeset(obj, (char *)name, (char *)value, "") == 0 ? 0 : -1;
}

static int set(void *obj, const char *name, const char *value)
{
    return rg_dot_set(obj, name, value);
}

int rg_dot_set_caption(Agraph_t *ag, const char *title, const rg_buf *text)
{
    rg_buf html;
    rg_buf_init(&html);
    if (title) {
        rg_buf_adds(&html, "<FONT POINT-SIZE=\"18\">");
        rg_dot_add_html(&html, title, 100);
        rg_buf_adds(&html, "</FONT><BR/>");
    }
    rg_buf_adds(&html, "<FONT POINT-SIZE=\"11\">");
    for (const char *line = text->data; !text->failed && line;) {
        const char *end = strchr(line, '\n');
        char *one = rg_strndup(line, end ? (size_t)(end - line) : strlen(line));
        if (one)
            rg_dot_add_html(&html, one, 110);
        rg_buf_adds(&html, end ? "<BR/>" : "");
        free(one);
        line = end ? end + 1 : NULL;
    }
    rg_buf_adds(&html, "</FONT>");
    char *label = text->failed || html.failed ? NULL : agstrdup_html(ag, html.data);
    Agsym_t *sym = agattr(ag, AGRAPH, "label", "");
    int rc = label && sym && agxset(ag, sym, label) == 0 && set(ag, "labelloc", "t") == 0 ? 0 : -1;
    if (label)
        agstrfree(ag, label);
    rg_buf_destroy(&html);
    return rc;
}

typedef struct builder {
    const rg_graph *g;
    const rg_dot_options *opts;
    Agraph_t *ag;
    Agnode_t **an;
    bool *used;
    size_t *lead_start, *leads; /* a recommendation's leads: leads[lead_start[r] .. lead_start[r + 1]) */
    double lo, hi; /* range of the size_by score over drawn nodes */
    rg_hmap members; /* cluster name -> how many drawn nodes it holds */
    bool failed;
} builder;

/* The name of the cluster node n belongs in ("cluster_US", "cluster_c3")
 * into name, and its label; false when it belongs in none. */
static bool cluster_name(const builder *b, const rg_node *n, char *name, size_t size, char *label, size_t lsize)
{
    if (b->opts->cluster == RG_CLUSTER_COUNTRY) {
        if (!n->country)
            return false;
        snprintf(name, size, "cluster_%s", n->country);
        if (!label)
            return true;
        snprintf(label, lsize, "%s", n->country);
        /* the country's own name when the graph has it */
        for (size_t i = 0; i < b->g->n_nodes; i++) {
            const rg_node *c = &b->g->nodes[i];
            if (c->kind && strcmp(c->kind, "country") == 0 && c->country && strcmp(c->country, n->country) == 0) {
                snprintf(label, lsize, "%s", c->label);
                break;
            }
        }
        return true;
    }
    if (b->opts->cluster == RG_CLUSTER_COMMUNITY) {
        double c = n->scores[RG_SCORE_COMMUNITY];
        if (isnan(c))
            return false;
        snprintf(name, size, "cluster_c%.0f", c);
        if (label)
            snprintf(label, lsize, "community %.0f", c + 1);
        return true;
    }
    return false;
}

/* How many drawn nodes each cluster would hold (b->members, by name). */
static void count_members(builder *b)
{
    for (size_t i = 0; b->opts->cluster != RG_CLUSTER_NONE && i < b->g->n_nodes; i++) {
        char name[64];
        size_t count = 0;
        if (!b->used[i] || !cluster_name(b, &b->g->nodes[i], name, sizeof name, NULL, 0))
            continue;
        rg_hmap_get(&b->members, name, &count);
        if (rg_hmap_put(&b->members, name, count + 1) < 0)
            b->failed = true;
    }
}

/* Whether n is drawn in a cluster. */
static bool clustered(const builder *b, const rg_node *n)
{
    char name[64];
    size_t count = 0;
    return cluster_name(b, n, name, sizeof name, NULL, 0) && rg_hmap_get(&b->members, name, &count) && count >= 2;
}

/* The subgraph a node is drawn in: its country's or community's cluster
 * when that holds two drawn nodes or more (a country drawn alone is its
 * own label). The cluster's name is a node of its own, plain text, not
 * the cluster's label: dot routes edges around nodes, and through labels. */
static Agraph_t *cluster_of(builder *b, const rg_node *n)
{
    char name[64], label[300];
    size_t count = 0;
    if (!cluster_name(b, n, name, sizeof name, label, sizeof label) || !rg_hmap_get(&b->members, name, &count) ||
        count < 2)
        return b->ag;
    Agraph_t *sub = agsubg(b->ag, name, 0);
    if (!sub) {
        sub = agsubg(b->ag, name, 1);
        char title[80];
        snprintf(title, sizeof title, "%s:title", name);
        char *text = rg_dot_text(label, 0);
        Agnode_t *t = sub ? agnode(sub, title, 1) : NULL;
        /* a label of its own, blank: in a DOT file a cluster would
         * otherwise take the title of the whole graph */
        if (!sub || !text || set(sub, "style", "rounded,dashed") < 0 || set(sub, "color", "#999999") < 0 ||
            set(sub, "label", " ") < 0 || set(sub, "fontsize", "6") < 0 || !t ||
            set(t, "label", text) < 0 || set(t, "shape", "plaintext") < 0 || set(t, "style", "solid") < 0 ||
            set(t, "fontcolor", "#666666") < 0 || set(t, "fontsize", "16") < 0)
            b->failed = true;
        free(text);
    }
    return sub ? sub : b->ag;
}

/* Where recommendation i is in its report, for a tooltip: ", line 231",
 * or for a PDF ", page 14, line 6" (the line on that page). In buf. */
static const char *where_text(const rg_graph *g, size_t i, char *buf, size_t size)
{
    const rg_node *n = &g->nodes[i];
    if (n->page)
        snprintf(buf, size, ", page %d, line %d", n->page, n->page_line);
    else
        snprintf(buf, size, ", line %ld", g->nodes[i].line);
    return buf;
}

static void add_node(builder *b, size_t i)
{
    const rg_node *n = &b->g->nodes[i];
    Agnode_t *an = agnode(cluster_of(b, n), n->id, 1);
    b->an[i] = an;
    bool rec = n->type == RG_TYPE_RECOMMENDATION;
    char *words = NULL;
    if (rec && b->lead_start) {
        size_t from = b->lead_start[i], to = b->lead_start[i + 1];
        words = rg_dot_recommendation_label(b->g, i, b->leads + from, to - from, RECOMMENDATION_ACTION);
    }
    char *label = rg_dot_text(rec ? (words ? words : "") : n->label, rec ? 26 : 20);
    rg_buf t;
    rg_buf_init(&t);
    rg_buf_adds(&t, rec && n->text ? n->text : n->label);
    if (rec && n->doc) {
        char where[96];
        rg_buf_adds(&t, " (");
        rg_buf_adds(&t, n->doc);
        rg_buf_adds(&t, where_text(b->g, i, where, sizeof where));
        if (n->modality) {
            rg_buf_adds(&t, "; ");
            rg_buf_adds(&t, n->modality);
        }
        rg_buf_adds(&t, ")");
    } else if (!rec) {
        rg_buf_adds(&t, " [");
        rg_buf_adds(&t, n->id);
        rg_buf_adds(&t, "]");
    }
    char *tip = t.failed ? NULL : rg_dot_text(t.data, 0);
    rg_buf_destroy(&t);
    if (!an || !label || !tip || (rec && !words) || set(an, "label", label) < 0 || set(an, "tooltip", tip) < 0 ||
        set(an, "shape", styles[n->type].shape) < 0 || set(an, "fillcolor", styles[n->type].fill) < 0 ||
        (n->modality && set(an, "modality", n->modality) < 0))
        b->failed = true;
    if (b->opts->size_by >= 0 && !isnan(n->scores[b->opts->size_by]) && b->hi > b->lo) {
        double x = (n->scores[b->opts->size_by] - b->lo) / (b->hi - b->lo);
        char size[16];
        snprintf(size, sizeof size, "%.1f", 9.0 + 15.0 * sqrt(x));
        if (set(an, "fontsize", size) < 0)
            b->failed = true;
    }
    free(words);
    free(label);
    free(tip);
}

/* The legend: one node holding an HTML table, which every engine draws
 * (neato and sfdp ignore clusters): the node types present, the relations
 * drawn, and the inferred style when an inferred link is drawn. */
static void add_legend(builder *b, const bool present[RG_TYPE__COUNT], const bool drawn[RG_REL__COUNT],
                       bool inferred)
{
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
    if (b->opts->view != RG_VIEW_FULL) {
        rg_buf_adds(&html, "<TR><TD>line</TD><TD ALIGN=\"LEFT\">shared recommendations (thicker: more)</TD></TR>");
    } else {
        static const rg_relation shown[] = {RG_REL_LEADS, RG_REL_PARTNERS, RG_REL_TARGETS, RG_REL_CONCERNS,
                                            RG_REL_PART_OF};
        for (size_t k = 0; k < sizeof shown / sizeof *shown; k++) {
            if (!drawn[shown[k]])
                continue;
            rg_buf_adds(&html, "<TR><TD><FONT COLOR=\"");
            rg_buf_adds(&html, edge_styles[shown[k]].color);
            rg_buf_adds(&html, "\">");
            rg_buf_adds(&html, edge_styles[shown[k]].style);
            rg_buf_adds(&html, "</FONT></TD><TD ALIGN=\"LEFT\">");
            rg_buf_adds(&html, rg_relation_name(shown[k]));
            rg_buf_adds(&html, "</TD></TR>");
        }
        if (inferred)
            rg_buf_adds(&html, "<TR><TD><FONT COLOR=\"#888888\">dashed, lighter</FONT></TD><TD ALIGN=\"LEFT\">"
                               "inferred: not named (&quot;we&quot;, a lead-in)</TD></TR>");
    }
    rg_buf_adds(&html, "</TABLE>");
    Agnode_t *legend = html.failed ? NULL : agnode(b->ag, "legend", 1);
    char *label = legend ? agstrdup_html(b->ag, html.data) : NULL;
    Agsym_t *sym = agattr(b->ag, AGNODE, "label", "\\N");
    if (!label || !sym || agxset(legend, sym, label) != 0 || set(legend, "shape", "plaintext") < 0 ||
        set(legend, "style", "solid") < 0)
        b->failed = true;
    if (label)
        agstrfree(b->ag, label);
    rg_buf_destroy(&html);
}

/* Two entities one recommendation names (a before b in id order). */
typedef struct shared {
    size_t a, b, rec;
    const char *ia, *ib, *ir; /* their ids */
} shared;

/* Pairs, then their recommendations, in id order, not the model's node
 * order: the edges (their SVG ids and tooltips) come out the same for a
 * graph built from the reports and the same graph read from its file. */
static int by_pair(const void *x, const void *y)
{
    const shared *p = x, *q = y;
    int c = strcmp(p->ia, q->ia);
    if (!c)
        c = strcmp(p->ib, q->ib);
    return c ? c : strcmp(p->ir, q->ir);
}

/* Whether a recommendation's link of relation rel makes its target share
 * it: a party to it (leads, partners, targets), or in the entities view
 * what it concerns (as the analysis's views count them). */
static bool shares(rg_relation rel, rg_view_kind view)
{
    return rel == RG_REL_LEADS || rel == RG_REL_PARTNERS || rel == RG_REL_TARGETS ||
           (view == RG_VIEW_ENTITIES && rel == RG_REL_CONCERNS);
}

static bool projected(const rg_node *n, rg_view_kind view)
{
    return view == RG_VIEW_ENTITIES ? rg_type_is_entity(n->type) : n->type == RG_TYPE_ACTOR || n->type == RG_TYPE_AGENCY;
}

/* Room for one more in *out (of *cap); false when out of memory. */
static bool room(shared **out, size_t *cap, size_t n)
{
    return n < *cap || rg_reserve((void **)out, cap, n, sizeof **out) == 0;
}

/* Every (entity, entity, recommendation) the recommendation names both
 * of, sorted by pair then recommendation, once each. The links that
 * share are chained per recommendation first (first/next), so that the
 * pairs cost their number, not links squared. */
static shared *shared_pairs(const rg_graph *g, rg_view_kind view, size_t *n_out)
{
    size_t cap = 64, n = 0;
    shared *out = malloc(cap * sizeof *out);
    size_t *first = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *first);
    size_t *next = malloc((g->n_links ? g->n_links : 1) * sizeof *next);
    bool ok = out && first && next;
    for (size_t i = 0; ok && i < g->n_nodes; i++)
        first[i] = RG_NONE;
    for (size_t i = 0; ok && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (g->nodes[l->source].type != RG_TYPE_RECOMMENDATION || !shares(l->relation, view) ||
            !projected(&g->nodes[l->target], view))
            continue;
        next[i] = first[l->source];
        first[l->source] = i;
    }
    for (size_t r = 0; ok && r < g->n_nodes; r++)
        for (size_t i = first[r]; ok && i != RG_NONE; i = next[i])
            for (size_t k = next[i]; ok && k != RG_NONE; k = next[k]) {
                size_t a = g->links[i].target, b = g->links[k].target;
                if (a == b)
                    continue;
                const char *ia = g->nodes[a].id, *ib = g->nodes[b].id, *ir = g->nodes[r].id;
                if ((ok = room(&out, &cap, n)))
                    out[n++] = strcmp(ia, ib) < 0 ? (shared){a, b, r, ia, ib, ir} : (shared){b, a, r, ib, ia, ir};
            }
    free(first);
    free(next);
    if (!ok) {
        free(out);
        return NULL;
    }
    qsort(out, n, sizeof *out, by_pair);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || by_pair(&out[m - 1], &out[i]) != 0)
            out[m++] = out[i];
    *n_out = m;
    return out;
}

/* ---- object ids in creation order ----
 *
 * cgraph's default discipline makes a named object's id the address of its
 * interned name, and orders subgraphs (clusters) by id: the order, and so
 * the bytes of the output, would change from run to run. This discipline
 * numbers named objects in the order they are made. */

typedef struct id_state {
    Agraph_t *root;
    rg_hmap ids;  /* name → number */
    char **names; /* number → name, strings of the graph's own dictionary */
    size_t len, cap;
    IDTYPE anonymous;
} id_state;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    id_state *s = calloc(1, sizeof *s);
    if (s) {
        s->root = g;
        rg_hmap_init(&s->ids);
        s->anonymous = 1;
    }
    return s;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int create)
{
    (void)objtype;
    id_state *s = state;
    if (!str) {
        if (!create)
            return 0;
        *id = s->anonymous; /* odd: never a named object's */
        s->anonymous += 2;
        return 1;
    }
    size_t at;
    if (rg_hmap_get(&s->ids, str, &at)) {
        *id = (IDTYPE)(2 * (at + 1));
        return 1;
    }
    if (!create)
        return 0;
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        char **p = realloc(s->names, cap * sizeof *p);
        if (!p)
            return 0;
        s->names = p;
        s->cap = cap;
    }
    /* cgraph reads flags stored before its own strings (aghtmlstr):
     * names must be strings of its dictionary */
    char *copy = agstrdup(s->root, str);
    if (!copy || rg_hmap_put(&s->ids, str, s->len) < 0)
        return 0;
    s->names[s->len] = copy;
    *id = (IDTYPE)(2 * (++s->len));
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 1;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    id_state *s = state;
    if (id % 2 == 1 || id == 0 || (size_t)(id / 2) > s->len)
        return NULL;
    return s->names[id / 2 - 1];
}

static void ids_close(void *state)
{
    id_state *s = state;
    if (!s)
        return;
    /* the names go with the graph's string dictionary */
    free(s->names);
    rg_hmap_destroy(&s->ids);
    free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t ordered_ids = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};

/* An empty diagram with the attributes every one has: fonts, overlap
 * removal, a fixed seed, and the title. */
Agraph_t *rg_dot_new_diagram(const rg_dot_options *opts)
{
    Agdisc_t disc = {&AgMemDisc, &ordered_ids, &AgIoDisc};
    Agraph_t *ag = agopen("relgraph", Agdirected, &disc);
    if (!ag)
        return NULL;
    agattr(ag, AGRAPH, "overlap", "prism");
    agattr(ag, AGRAPH, "splines", "true");
    agattr(ag, AGRAPH, "fontname", "Helvetica");
    agattr(ag, AGRAPH, "outputorder", "edgesfirst");
    agattr(ag, AGRAPH, "pad", "0.3");
    agattr(ag, AGRAPH, "sep", "+6");
    agattr(ag, AGRAPH, "start", "1"); /* a fixed seed: the same layout every run */
    agattr(ag, AGNODE, "style", "filled");
    agattr(ag, AGNODE, "fontname", "Helvetica");
    agattr(ag, AGNODE, "fontsize", "10");
    agattr(ag, AGEDGE, "color", "#666666");
    agattr(ag, AGEDGE, "arrowsize", "0.6");
    (void)opts; /* the title is the caption, made when the diagram is (add_caption) */
    return ag;
}

/* Which nodes are drawn (b->used): the ends of the drawn links, or of the
 * shared-recommendation pairs, or every node; and the range of the score
 * that sizes them. */
static void mark_used(builder *b, const shared *pairs, size_t n_pairs, bool all)
{
    const rg_graph *g = b->g;
    for (size_t i = 0; i < n_pairs; i++)
        b->used[pairs[i].a] = b->used[pairs[i].b] = true;
    for (size_t i = 0; b->opts->view == RG_VIEW_FULL && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (all || drawn_link(g, l, b->opts->relations))
            b->used[l->source] = b->used[l->target] = true;
    }
    for (size_t i = 0; all && i < g->n_nodes; i++)
        b->used[i] = true;
    bool first = true;
    for (size_t i = 0; b->opts->size_by >= 0 && i < g->n_nodes; i++) {
        double s = g->nodes[i].scores[b->opts->size_by];
        if (!b->used[i] || isnan(s))
            continue;
        b->lo = first || s < b->lo ? s : b->lo;
        b->hi = first || s > b->hi ? s : b->hi;
        first = false;
    }
}

/* How many shared recommendations a pair's tooltip quotes. */
#define TOOLTIP_QUOTES 3

/* A pair's tooltip: how many recommendations it shares, then the first
 * ones with their report and line (the evidence), Graphviz-escaped. */
static char *pair_tooltip(const builder *b, const shared *run, size_t count)
{
    rg_buf t;
    rg_buf_init(&t);
    char head[96];
    snprintf(head, sizeof head, "%zu shared recommendation%s", count, count == 1 ? "" : "s");
    rg_buf_adds(&t, head);
    for (size_t k = 0; k < count && k < TOOLTIP_QUOTES; k++) {
        const rg_node *r = &b->g->nodes[run[k].rec];
        char *text = rg_dot_text(r->text ? r->text : r->label, 0);
        char where[96];
        rg_buf_adds(&t, "\\n- ");
        rg_buf_adds(&t, text ? text : "");
        rg_buf_adds(&t, " (");
        rg_buf_adds(&t, r->doc ? r->doc : "?");
        rg_buf_adds(&t, where_text(b->g, run[k].rec, where, sizeof where));
        rg_buf_adds(&t, ")");
        free(text);
    }
    if (count > TOOLTIP_QUOTES) {
        snprintf(head, sizeof head, "\\nand %zu more", count - TOOLTIP_QUOTES);
        rg_buf_adds(&t, head);
    }
    if (t.failed) {
        rg_buf_destroy(&t);
        return NULL;
    }
    return rg_buf_steal(&t);
}

/* The projection's links: one per pair, as thick as the number of
 * recommendations it shares, which its tooltip gives and quotes. */
static void add_pairs(builder *b, const shared *pairs, size_t n_pairs)
{
    for (size_t i = 0, count; !b->failed && i < n_pairs; i += count) {
        for (count = 1; i + count < n_pairs && pairs[i + count].a == pairs[i].a && pairs[i + count].b == pairs[i].b;)
            count++;
        Agedge_t *e = agedge(b->ag, b->an[pairs[i].a], b->an[pairs[i].b], NULL, 1);
        char width[16];
        snprintf(width, sizeof width, "%.1f", 0.6 + 1.2 * log2((double)count + 1));
        char *tip = pair_tooltip(b, pairs + i, count);
        if (!e || !tip || set(e, "dir", "none") < 0 || set(e, "penwidth", width) < 0 || set(e, "tooltip", tip) < 0 ||
            set(e, "color", "#4d4d4d") < 0)
            b->failed = true;
        free(tip);
    }
}

/* Style e as a link of relation rel, inferred or not. */
static int style_link(Agedge_t *e, rg_relation rel, bool inferred)
{
    const relation_style *st = &edge_styles[rel];
    if (!inferred)
        return set(e, "style", st->style) < 0 || set(e, "color", st->color) < 0 ? -1 : 0;
    char color[16];
    snprintf(color, sizeof color, "%s%s", st->color, INFERRED_ALPHA);
    bool bold = strcmp(st->style, "bold") == 0;
    return set(e, "style", bold ? "bold,dashed" : "dashed") < 0 || set(e, "color", color) < 0 ? -1 : 0;
}

/* The model's links in order, styled by relation (inferred ones dashed and
 * lighter), the first evidence as the tooltip; drawn[] notes the relations
 * for the legend, *inferred whether an inferred link is drawn. The DOT
 * export labels each link with its relation and marks inferred ones. */
static void add_links(builder *b, const size_t *order, bool all, bool drawn[RG_REL__COUNT], bool *inferred)
{
    const rg_graph *g = b->g;
    for (size_t k = 0; !b->failed && k < g->n_links; k++) {
        const rg_link *l = &g->links[order[k]];
        if (!all && !drawn_link(g, l, b->opts->relations))
            continue;
        drawn[l->relation] = true;
        *inferred |= l->inferred;
        char key[32];
        snprintf(key, sizeof key, "%d", (int)l->relation);
        Agedge_t *e = agedge(b->ag, b->an[l->source], b->an[l->target], key, 1);
        char *tip = l->n_evidence ? rg_dot_text(l->evidence[0].text, 0) : NULL;
        if (!e || style_link(e, l->relation, l->inferred) < 0 ||
            set(e, "tooltip", tip ? tip : rg_relation_name(l->relation)) < 0 ||
            (all && set(e, "label", rg_relation_name(l->relation)) < 0) ||
            (all && l->inferred && set(e, "inferred", "true") < 0))
            b->failed = true;
        free(tip);
    }
}

/* Each recommendation's leads, in link order, for its label. */
static int index_leads(builder *b, const size_t *order_links)
{
    const rg_graph *g = b->g;
    b->lead_start = calloc(g->n_nodes + 1, sizeof *b->lead_start);
    size_t n = 0;
    for (size_t i = 0; b->lead_start && i < g->n_links; i++)
        if (g->links[i].relation == RG_REL_LEADS && g->nodes[g->links[i].source].type == RG_TYPE_RECOMMENDATION)
            b->lead_start[g->links[i].source + 1]++, n++;
    b->leads = malloc((n ? n : 1) * sizeof *b->leads);
    size_t *fill = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *fill);
    if (!b->lead_start || !b->leads || !fill) {
        free(fill);
        return -1;
    }
    for (size_t i = 0; i < g->n_nodes; i++)
        b->lead_start[i + 1] += b->lead_start[i];
    memcpy(fill, b->lead_start, g->n_nodes * sizeof *fill);
    for (size_t k = 0; k < g->n_links; k++) {
        const rg_link *l = &g->links[order_links[k]];
        if (l->relation == RG_REL_LEADS && g->nodes[l->source].type == RG_TYPE_RECOMMENDATION)
            b->leads[fill[l->source]++] = l->target;
    }
    free(fill);
    return 0;
}

/* How many names a caption lists of the nodes it leaves out. */
#define CAPTION_NAMES 6

/* s as HTML text (for an HTML-like label), broken into lines of about
 * width characters at spaces. */
void rg_dot_add_html(rg_buf *out, const char *s, size_t width)
{
    size_t col = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' && col >= width) {
            rg_buf_adds(out, "<BR/>");
            col = 0;
            continue;
        }
        switch (*p) {
        case '&': rg_buf_adds(out, "&amp;"); break;
        case '<': rg_buf_adds(out, "&lt;"); break;
        case '>': rg_buf_adds(out, "&gt;"); break;
        case '"': rg_buf_adds(out, "&quot;"); break;
        default: rg_buf_addc(out, *p == '\n' ? ' ' : *p);
        }
        col += ((unsigned char)*p & 0xC0) != 0x80;
    }
}

/* "12 entities", "1 entity". */
static void add_count(rg_buf *t, size_t n, const char *one, const char *many)
{
    char num[32];
    snprintf(num, sizeof num, "%zu ", n);
    rg_buf_adds(t, num);
    rg_buf_adds(t, n == 1 ? one : many);
}

/* Whether node i of the graph given could have been drawn and is not:
 * an entity (of the projection's types), or a recommendation of the full
 * view. */
static bool left_out(const builder *b, size_t i)
{
    const rg_node *n = &b->g->nodes[i];
    if (b->used[i])
        return false;
    if (b->opts->view != RG_VIEW_FULL)
        return projected(n, b->opts->view);
    return rg_type_is_entity(n->type) || n->type == RG_TYPE_RECOMMENDATION;
}

/* "Drawn: ..." and "Not drawn: ..." for the caption: what the diagram
 * holds, counted from what was drawn, and what of the graph it was given
 * has no drawn link, with the first names. */
static void add_drawn(const builder *b, const size_t *order, const shared *pairs, size_t n_pairs, rg_buf *t)
{
    const rg_graph *g = b->g;
    size_t entities = 0, recs = 0, left = 0, left_recs = 0, shared_recs = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        entities += b->used[i] && rg_type_is_entity(g->nodes[i].type);
        recs += b->used[i] && g->nodes[i].type == RG_TYPE_RECOMMENDATION;
        left += left_out(b, i) && rg_type_is_entity(g->nodes[i].type);
        left_recs += left_out(b, i) && g->nodes[i].type == RG_TYPE_RECOMMENDATION;
    }
    bool *seen = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *seen);
    for (size_t i = 0; seen && i < n_pairs; i++) {
        shared_recs += !seen[pairs[i].rec];
        seen[pairs[i].rec] = true;
    }
    free(seen);
    rg_buf_adds(t, "Drawn: ");
    add_count(t, entities, "entity", "entities");
    if (b->opts->view != RG_VIEW_FULL) {
        rg_buf_adds(t, "; ");
        add_count(t, (size_t)agnedges(b->ag), "line joins", "lines join");
        rg_buf_adds(t, " two that share recommendations, the thicker the more (");
        add_count(t, shared_recs, "recommendation", "recommendations");
        rg_buf_adds(t, " in all).");
    } else {
        rg_buf_adds(t, ", ");
        add_count(t, recs, "recommendation", "recommendations");
        rg_buf_adds(t, ", ");
        add_count(t, (size_t)agnedges(b->ag), "link", "links");
        rg_buf_adds(t, ".");
    }
    if (!left && !left_recs)
        return;
    rg_buf_adds(t, "\n");
    rg_buf_adds(t, "Not drawn: ");
    if (left)
        add_count(t, left, "entity", "entities");
    if (left && left_recs)
        rg_buf_adds(t, " and ");
    if (left_recs)
        add_count(t, left_recs, "recommendation", "recommendations");
    if (b->opts->view != RG_VIEW_FULL) {
        rg_buf_adds(t, " that share no recommendation with another");
    } else if (b->opts->relations) {
        rg_buf_adds(t, " with no link of the relations drawn (");
        for (int r = 0, k = 0; r < RG_REL__COUNT; r++)
            if ((b->opts->relations >> r) & 1u) {
                rg_buf_adds(t, k++ ? ", " : "");
                rg_buf_adds(t, rg_relation_name((rg_relation)r));
            }
        rg_buf_adds(t, ")");
    } else {
        rg_buf_adds(t, " with no drawn link");
    }
    size_t named = 0;
    for (size_t k = 0; k < g->n_nodes && named < CAPTION_NAMES; k++) {
        size_t i = order[k];
        if (!left_out(b, i) || !rg_type_is_entity(g->nodes[i].type))
            continue;
        rg_buf_adds(t, named++ ? ", " : ": ");
        rg_buf_adds(t, g->nodes[i].label);
    }
    rg_buf_adds(t, named < left ? ", ..." : ".");
}

/* The title above the diagram: the caller's title, what was selected
 * (opts->note) and what is drawn and left out, as an HTML-like label. */
static void add_caption(builder *b, const size_t *order, const shared *pairs, size_t n_pairs)
{
    rg_buf text;
    rg_buf_init(&text);
    if (b->opts->note) {
        rg_buf_adds(&text, "Selected: ");
        rg_buf_adds(&text, b->opts->note);
        rg_buf_adds(&text, ".\n");
    }
    add_drawn(b, order, pairs, n_pairs, &text);
    if (rg_dot_set_caption(b->ag, b->opts->title, &text) < 0)
        b->failed = true;
    rg_buf_destroy(&text);
}

/* The diagram of g: every node and link when all (the DOT export), else
 * what opts selects, with a legend. NULL when out of memory. */
static Agraph_t *build(const rg_graph *g, const rg_dot_options *opts, bool all)
{
    Agraph_t *ag = rg_dot_new_diagram(opts);
    if (!ag)
        return NULL;
    builder b = {g, opts, ag, calloc(g->n_nodes ? g->n_nodes : 1, sizeof(Agnode_t *)),
                 calloc(g->n_nodes ? g->n_nodes : 1, sizeof(bool)), NULL, NULL, 0, 0, {0}, false};
    rg_hmap_init(&b.members);
    size_t *order_nodes = NULL, *order_links = NULL;
    shared *pairs = NULL;
    size_t n_pairs = 0;
    if (!b.an || !b.used || rg_graph_order(g, &order_nodes, &order_links) < 0 || index_leads(&b, order_links) < 0)
        b.failed = true;
    if (!b.failed && opts->view != RG_VIEW_FULL) {
        pairs = shared_pairs(g, opts->view, &n_pairs);
        b.failed = !pairs;
    }
    if (!b.failed)
        mark_used(&b, pairs, n_pairs, all);
    if (!b.failed)
        count_members(&b);
    bool present[RG_TYPE__COUNT] = {false};
    bool drawn[RG_REL__COUNT] = {false}, inferred = false;
    /* the clusters' nodes first: dot then sets the clusters side by side
     * and the rest around them, with fewer links through a cluster */
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; !b.failed && k < g->n_nodes; k++) {
            size_t i = order_nodes[k];
            if (!b.used[i] || clustered(&b, &g->nodes[i]) != (pass == 0))
                continue;
            present[g->nodes[i].type] = true;
            add_node(&b, i);
        }
    if (opts->view != RG_VIEW_FULL)
        add_pairs(&b, pairs, n_pairs);
    else
        add_links(&b, order_links, all, drawn, &inferred);
    if (!b.failed && !all)
        add_legend(&b, present, drawn, inferred);
    if (!b.failed && !all)
        add_caption(&b, order_nodes, pairs, n_pairs);
    free(b.used);
    free(b.an);
    free(b.lead_start);
    free(b.leads);
    rg_hmap_destroy(&b.members);
    free(pairs);
    free(order_nodes);
    free(order_links);
    if (b.failed) {
        agclose(ag);
        return NULL;
    }
    return ag;
}

/* rg_output_fn: the cgraph graph ctx as DOT. */
static int write_dot(void *ctx, FILE *out, const char *file, rg_error *err)
{
    if (agwrite(ctx, out) != 0)
        return rg_error_set(err, RG_ERR_IO, file, 0, "cannot write DOT");
    return 0;
}

/* A diagram to lay out with engine and render as format. */
typedef struct drawing {
    Agraph_t *ag;
    const char *engine, *format;
} drawing;

/* rg_output_fn: lay the drawing ctx out and render it. */
static int lay_out_and_render(void *ctx, FILE *out, const char *file, rg_error *err)
{
    const drawing *d = ctx;
    GVC_t *gvc = gvContext();
    if (!gvc)
        return rg_error_nomem(err);
    int rc = 0;
    if (gvLayout(gvc, d->ag, d->engine) != 0) {
        char *why = aglasterr();
        rc = rg_error_set(err, RG_ERR_INPUT, file, 0, "layout with '%s' failed: %s", d->engine,
                          why ? why : "no reason given");
    } else {
        if (gvRender(gvc, d->ag, d->format, out) != 0)
            rc = rg_error_set(err, RG_ERR_IO, file, 0, "cannot render %s", d->format);
        gvFreeLayout(gvc, d->ag);
    }
    gvFreeContext(gvc);
    return rc;
}

int rg_dot_write_file(const rg_graph *g, const char *file, rg_error *err)
{
    agseterr(AGMAX);
    rg_dot_options opts = {.cluster = RG_CLUSTER_NONE, .size_by = -1, .view = RG_VIEW_FULL};
    Agraph_t *ag = build(g, &opts, true);
    if (!ag)
        return rg_error_set(err, RG_ERR_IO, file, 0, "cannot build the DOT graph: out of memory");
    int rc = rg_output_write(file, write_dot, ag, err);
    agclose(ag);
    return rc;
}

bool rg_dot_draws_a_link(const rg_graph *g, const rg_dot_options *opts)
{
    if (opts->view == RG_VIEW_FULL) {
        for (size_t i = 0; i < g->n_links; i++)
            if (drawn_link(g, &g->links[i], opts->relations))
                return true;
        return false;
    }
    size_t n_pairs = 0;
    shared *pairs = shared_pairs(g, opts->view, &n_pairs);
    free(pairs);
    return !pairs || n_pairs > 0; /* out of memory: the renderer will say so */
}

int rg_dot_render(const rg_graph *g, const char *file, const rg_dot_options *opts, rg_error *err)
{
    if (!rg_graph_finished(g)) /* a caller forgot rg_graph_finish: its evidence is in no order */
        return rg_error_set(err, RG_ERR_INPUT, file, 0, "the graph is not finished: its evidence is not in order");
    const char *format = rg_dot_format(file);
    if (!format)
        return rg_error_set(err, RG_ERR_USAGE, file, 0, "unknown diagram format: use .dot, .gv, .svg, .png or .pdf");
    rg_dot_options o = opts ? *opts : (rg_dot_options){.cluster = RG_CLUSTER_NONE, .size_by = -1, .view = RG_VIEW_FULL};
    /* Graphviz prints its complaints to stderr; the library does not
     * print, so they are kept and read back with aglasterr(). */
    agseterr(AGMAX);
    Agraph_t *ag = build(g, &o, false);
    if (!ag)
        return rg_error_set(err, RG_ERR_IO, file, 0, "cannot build the diagram: out of memory");
    if (strcmp(format, "dot") == 0) { /* not laid out: no engine's attributes */
        int rc = rg_dot_output(ag, file, NULL, err);
        agclose(ag);
        return rc;
    }
    /* neato and sfdp ignore clusters, and fdp's output changes from run to
     * run (it orders by address): clustered diagrams are laid out by dot */
    const char *engine = o.layout ? o.layout
                         : o.cluster != RG_CLUSTER_NONE ? "dot"
                         : agnnodes(ag) > 400           ? "sfdp"
                                                        : "neato";
    /* dot ranks recommendations on the left, whom they name on the right;
     * with clusters, its harder search for fewer crossings sends the long
     * links around the clusters rather than through them */
    if (strcmp(engine, "dot") == 0)
        agattr(ag, AGRAPH, "rankdir", "LR");
    if (strcmp(engine, "dot") == 0 && o.cluster != RG_CLUSTER_NONE) {
        agattr(ag, AGRAPH, "remincross", "true");
        agattr(ag, AGRAPH, "mclimit", "4");
    }
    int rc = rg_dot_output(ag, file, engine, err);
    agclose(ag);
    return rc;
}

int rg_dot_output(Agraph_t *ag, const char *file, const char *engine, rg_error *err)
{
    const char *format = rg_dot_format(file);
    if (!format)
        return rg_error_set(err, RG_ERR_USAGE, file, 0, "unknown diagram format: use .dot, .gv, .svg, .png or .pdf");
    if (strcmp(format, "dot") == 0)
        return rg_output_write(file, write_dot, ag, err);
    drawing d = {ag, engine, format};
    return rg_output_write(file, lay_out_and_render, &d, err);
}

const char *rg_dot_type_shape(rg_node_type t)
{
    return styles[t].shape;
}

const char *rg_dot_type_fill(rg_node_type t)
{
    return styles[t].fill;
}

const char *rg_dot_relation_color(rg_relation r)
{
    return edge_styles[r].color;
}

const char *rg_dot_relation_style(rg_relation r)
{
    return edge_styles[r].style;
}
