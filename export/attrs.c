#include "export/attrs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    A_LABEL,
    A_TYPE,
    A_KIND,
    A_COUNTRY,
    A_ALIASES,
    A_MENTIONS,
    A_DOCS,
    A_TEXT,
    A_DOC,
    A_LINE,
    A_SECTION,
    A__FIXED
};

/* After the scores: the optional attributes (attrs.h). */
enum { A_MODALITY = A__FIXED + RG_SCORE__COUNT, A__COUNT };
enum { L_RELATION, L_KEY, L_WEIGHT, L_EVIDENCE_COUNT, L_EVIDENCE, L_INFERRED, L__COUNT };

static const rg_attr_def node_attrs[A__FIXED] = {
    {"label", RG_ATTR_STRING},  {"type", RG_ATTR_STRING},  {"kind", RG_ATTR_STRING}, {"country", RG_ATTR_STRING},
    {"aliases", RG_ATTR_STRING}, {"mentions", RG_ATTR_INT}, {"docs", RG_ATTR_STRING}, {"text", RG_ATTR_STRING},
    {"doc", RG_ATTR_STRING},    {"line", RG_ATTR_INT},     {"section", RG_ATTR_STRING},
};

size_t rg_node_attr_count(void)
{
    return A__COUNT;
}

size_t rg_node_attrs_used(const rg_graph *g)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        if (g->nodes[i].modality)
            return A__COUNT;
    return A_MODALITY;
}

rg_attr_def rg_node_attr_def(size_t k)
{
    if (k < A__FIXED)
        return node_attrs[k];
    if (k == A_MODALITY)
        return (rg_attr_def){"modality", RG_ATTR_STRING};
    /* the community a number that names a group, so that Gephi and Cytoscape
     * colour by it as a partition, not a scale */
    rg_score score = (rg_score)(k - A__FIXED);
    return (rg_attr_def){rg_score_name(score), score == RG_SCORE_COMMUNITY ? RG_ATTR_INT : RG_ATTR_DOUBLE};
}

static void join(rg_buf *s, const rg_strset *set)
{
    for (size_t i = 0; i < set->len; i++) {
        if (i)
            rg_buf_adds(s, "; ");
        rg_buf_adds(s, set->items[i]);
    }
}

static bool string(rg_buf *s, const char *v)
{
    if (!v)
        return false;
    rg_buf_adds(s, v);
    return true;
}

bool rg_node_attr(const rg_node *n, size_t k, rg_buf *s, double *d)
{
    bool entity = rg_type_is_entity(n->type);
    switch (k) {
    case A_LABEL:
        return string(s, n->label);
    case A_TYPE:
        return string(s, rg_type_name(n->type));
    case A_KIND:
        return string(s, n->kind ? n->kind : rg_type_name(n->type));
    case A_COUNTRY:
        return entity && string(s, n->country);
    case A_ALIASES:
        if (!entity)
            return false;
        join(s, &n->aliases);
        return true;
    case A_MENTIONS:
        *d = (double)n->mentions;
        return entity;
    case A_DOCS:
        join(s, &n->docs);
        return true;
    case A_TEXT:
        return string(s, n->text);
    case A_DOC:
        return string(s, n->doc);
    case A_LINE:
        *d = (double)n->line;
        return n->type == RG_TYPE_RECOMMENDATION;
    case A_SECTION:
        return string(s, n->section);
    case A_MODALITY:
        return string(s, n->modality);
    default:
        if (k - A__FIXED >= RG_SCORE__COUNT || isnan(n->scores[k - A__FIXED]))
            return false;
        *d = n->scores[k - A__FIXED];
        return true;
    }
}

static const rg_attr_def link_attrs[L__COUNT] = {
    {"relation", RG_ATTR_STRING},    {"key", RG_ATTR_INT},         {"weight", RG_ATTR_DOUBLE},
    {"evidence_count", RG_ATTR_INT}, {"evidence", RG_ATTR_STRING}, {"inferred", RG_ATTR_BOOL},
};

size_t rg_link_attr_count(void)
{
    return L__COUNT;
}

size_t rg_link_attrs_used(const rg_graph *g)
{
    for (size_t i = 0; i < g->n_links; i++)
        if (g->links[i].inferred)
            return L__COUNT;
    return L_INFERRED;
}

rg_attr_def rg_link_attr_def(size_t k)
{
    return link_attrs[k];
}

void rg_evidence_line(rg_buf *s, const rg_evidence *e)
{
    char where[96];
    if (e->page)
        snprintf(where, sizeof where, ":%ld (page %d, line %d): ", e->line, e->page, e->page_line);
    else
        snprintf(where, sizeof where, ":%ld: ", e->line);
    rg_buf_adds(s, e->doc);
    rg_buf_adds(s, where);
    rg_buf_adds(s, e->text);
}

/* Attribute k of link l, whose key (its number among the links between the
 * same two nodes) is key: false when l has none. A string is appended to s,
 * a number stored in *d. */
static bool link_attr(const rg_link *l, long key, size_t k, rg_buf *s, double *d)
{
    switch (k) {
    case L_RELATION:
        return string(s, rg_relation_name(l->relation));
    case L_KEY:
        *d = (double)key;
        return true;
    case L_WEIGHT:
        *d = l->weight;
        return true;
    case L_EVIDENCE_COUNT:
        *d = (double)l->n_evidence;
        return true;
    case L_INFERRED:
        *d = l->inferred;
        return true;
    case L_EVIDENCE:
        if (!l->n_evidence)
            return false;
        rg_evidence_line(s, &l->evidence[0]);
        return true;
    default:
        return false;
    }
}

int rg_export_order(const rg_graph *g, size_t **nodes, size_t **links, long **keys)
{
    if (rg_graph_order(g, nodes, links) < 0)
        return -1;
    *keys = malloc((g->n_links ? g->n_links : 1) * sizeof **keys);
    if (!*keys) {
        free(*nodes);
        free(*links);
        return -1;
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[(*links)[i]];
        const rg_link *prev = i ? &g->links[(*links)[i - 1]] : NULL;
        (*keys)[i] = prev && prev->source == l->source && prev->target == l->target ? (*keys)[i - 1] + 1 : 0;
    }
    return 0;
}

int rg_rows_open(rg_rows *r, const rg_graph *g, FILE *out)
{
    *r = (rg_rows){.g = g, .out = out};
    if (rg_export_order(g, &r->nodes, &r->links, &r->keys) < 0)
        return -1;
    r->node_attrs = rg_node_attrs_used(g);
    r->link_attrs = rg_link_attrs_used(g);
    rg_buf_init(&r->b);
    rg_buf_init(&r->s);
    return 0;
}

bool rg_rows_flush(rg_rows *r)
{
    if (!r->failed && !r->b.failed && !r->s.failed && r->b.len && fwrite(r->b.data, 1, r->b.len, r->out) != r->b.len)
        r->failed = true;
    rg_buf_reset(&r->b);
    return !r->failed && !r->b.failed && !r->s.failed;
}

int rg_rows_close(rg_rows *r, const char *format, rg_error *err)
{
    bool nomem = r->b.failed || r->s.failed, failed = r->failed;
    rg_buf_destroy(&r->b);
    rg_buf_destroy(&r->s);
    free(r->nodes);
    free(r->links);
    free(r->keys);
    if (nomem)
        return rg_error_nomem(err);
    return failed ? rg_error_set(err, RG_ERR_IO, NULL, 0, "cannot write %s", format) : 0;
}

void rg_rows_attrs(rg_rows *r, bool links, size_t i, rg_attr_writer put)
{
    size_t count = links ? r->link_attrs : r->node_attrs;
    for (size_t k = 0; k < count; k++) {
        double d = 0;
        rg_buf_reset(&r->s);
        bool present = links ? link_attr(&r->g->links[r->links[i]], r->keys[i], k, &r->s, &d)
                             : rg_node_attr(&r->g->nodes[r->nodes[i]], k, &r->s, &d);
        rg_attr_type type = links ? rg_link_attr_def(k).type : rg_node_attr_def(k).type;
        put(&r->b, links ? 'e' : 'n', k, type, present, &r->s, d);
    }
}

void rg_xml_escape(rg_buf *b, const char *s)
{
    static const char *const entities[128] = {
        ['&'] = "&amp;",   ['<'] = "&lt;",   ['>'] = "&gt;",  ['"'] = "&quot;",
        ['\''] = "&apos;", ['\n'] = "&#10;", ['\r'] = "&#13;", ['\t'] = "&#9;",
    };
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 128 && entities[c])
            rg_buf_adds(b, entities[c]);
        else if (c >= 0x20 && c != 0x7F) /* XML 1.0 has no other control characters */
            rg_buf_addc(b, (char)c);
    }
}

void rg_csv_field(rg_buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        rg_buf_adds(b, s);
        return;
    }
    rg_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            rg_buf_addc(b, '"');
        rg_buf_addc(b, *s);
    }
    rg_buf_addc(b, '"');
}

void rg_number(rg_buf *b, double d)
{
    char num[40];
    if (d == floor(d) && fabs(d) < 1e15)
        snprintf(num, sizeof num, "%.0f", d);
    else
        snprintf(num, sizeof num, "%.10g", d);
    rg_buf_adds(b, num);
}
