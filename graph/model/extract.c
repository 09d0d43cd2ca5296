/* The model stage of extraction: the reading of each sentence
 * (graph/rules/context.h) turned into nodes and links. */
#include "graph/model/extract.h"

#include "graph/rules/context.h"
#include "graph/rules/reader.h"
#include "graph/base/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- one document ---- */

typedef struct doc_state {
    rg_context *ctx;
    const rg_doc *doc;
    rg_graph *g;
    size_t report;
    long last_rec_line;
    int same_line_count;
    size_t last_rec;   /* the latest recommendation node, or RG_NONE */
    size_t *nodes;     /* the node of each mention of the sentence, RG_NONE for a qualifier */
    size_t cap_nodes;
    rg_buf id; /* a recommendation's id, made here */
} doc_state;

/* The evidence of the sentence (or lead-in) text at line of this document:
 * for a PDF, with its page and its line on that page. */
static rg_evidence evidence_at(const doc_state *st, long line, const char *text)
{
    long page_line = 0;
    long page = rg_doc_page(st->doc, line, &page_line);
    return (rg_evidence){.doc = st->doc->id, .line = line, .text = text, .page = (int)page,
                         .page_line = (int)page_line};
}

/* A short label for a recommendation: the sentence cut at a word boundary. */
static char *short_label(const char *text)
{
    enum { MAX = 90 };
    size_t n = strlen(text);
    if (n <= MAX)
        return rg_strdup(text);
    size_t cut = MAX;
    while (cut > MAX / 2 && text[cut] != ' ')
        cut--;
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_add(&b, text, cut);
    rg_buf_adds(&b, " ...");
    return rg_buf_steal(&b);
}

/* The node of catalog entry e, in this document. It may come from another
 * document: its values are kept as merge keeps them. */
static int known_node(doc_state *st, const rg_entry *e, size_t *node)
{
    if (rg_graph_node(st->g, e->id, e->type, e->name, node) < 0)
        return -1;
    rg_node *n = &st->g->nodes[*node];
    if (rg_node_set(&n->label, e->name) < 0 || rg_node_set(&n->kind, e->kind) < 0 ||
        rg_node_set(&n->country, e->country) < 0 || rg_strset_add(&n->docs, st->doc->id) < 0)
        return -1;
    return 0;
}

static int entity_node(doc_state *st, const rg_mention *m, const char *sentence, long count, size_t *node)
{
    if (known_node(st, m->entity, node) < 0)
        return -1;
    rg_node *n = &st->g->nodes[*node];
    /* "the two countries" and the "Biden" of "the Biden administration"
     * are no names of the country */
    bool named = !m->inferred && !m->stand_in;
    if ((named && rg_strset_addn(&n->aliases, sentence + m->start, m->len) < 0) ||
        (count && rg_tally_add(&n->doc_mentions, st->doc->id, count) < 0))
        return -1;
    n->mentions = rg_count_add(n->mentions, count);
    return 0;
}

static rg_relation relation_of(rg_role role)
{
    switch (role) {
    case RG_ROLE_LEADS:
        return RG_REL_LEADS;
    case RG_ROLE_TARGETS:
        return RG_REL_TARGETS;
    case RG_ROLE_CONCERNS:
        return RG_REL_CONCERNS;
    default:
        return RG_REL_PARTNERS;
    }
}

/* Is there a link rec → node of rel that the mention m may stand on:
 * any, for a mention that is itself inferred; one the text names, for a
 * mention the text names ("the two sides will ..., and the United States
 * will ...": the United States is named, not only inferred)? */
static bool linked(const rg_graph *g, size_t rec, size_t node, rg_relation rel, const rg_mention *m)
{
    size_t at;
    return rg_graph_find_link(g, rec, node, rel, &at) && (m->inferred || !g->links[at].inferred);
}

/* Link rec to what a sentence names, by the role the reading gives each
 * mention: leads first, then targets, then partners and concerns. A node
 * named twice gets one link, and one that leads or is a target is no
 * partner as well, unless it leads only by inference and is named too. */
static int link_roles(doc_state *st, size_t rec, const rg_sentence *s, const rg_reading *r)
{
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < r->n_mentions; i++) {
            rg_role role = r->roles[i];
            int want = role == RG_ROLE_LEADS ? 0 : role == RG_ROLE_TARGETS ? 1 : 2;
            if (role == RG_ROLE_NONE || pass != want)
                continue;
            rg_relation rel = relation_of(role);
            size_t node = st->nodes[i];
            const rg_mention *m = &r->mentions[i];
            size_t same;
            bool twice = rg_graph_find_link(st->g, rec, node, rel, &same);
            if (twice && !m->inferred && st->g->links[same].inferred) {
                st->g->links[same].inferred = false; /* inferred, and named too */
                continue;
            }
            if (twice || (rel != RG_REL_LEADS && rel != RG_REL_CONCERNS && linked(st->g, rec, node, RG_REL_LEADS, m)) ||
                (rel == RG_REL_PARTNERS && linked(st->g, rec, node, RG_REL_TARGETS, m)))
                continue; /* named twice: one link */
            rg_evidence e = evidence_at(st, s->line, s->text);
            if (rg_graph_link_evidence(st->g, rec, node, rel, &e, &r->mentions[i].inferred, NULL) < 0)
                return -1;
        }
    }
    return 0;
}

/* The node of a recommendation, "rec:<slug>:<line>" ("-2", "-3" ... for the
 * next ones of a line), contained in the report. */
static int recommendation_node(doc_state *st, const rg_sentence *s, size_t *rec)
{
    const rg_doc *doc = st->doc;
    /* "rec:SLUG:LINE", by hand (printf's code is large, and the rules that
     * run sentence by sentence want the instruction cache) */
    rg_buf_reset(&st->id);
    rg_buf_adds(&st->id, "rec:");
    rg_buf_adds(&st->id, doc->id + strlen("report:"));
    rg_buf_addc(&st->id, ':');
    rg_buf_add_int(&st->id, s->line);
    if (s->line == st->last_rec_line) {
        rg_buf_addc(&st->id, '-');
        rg_buf_add_int(&st->id, ++st->same_line_count);
    } else {
        st->same_line_count = 1;
    }
    st->last_rec_line = s->line;
    if (st->id.failed)
        return -1;
    const char *id = st->id.data;

    char *label = short_label(s->text);
    int rc = label ? rg_graph_node(st->g, id, RG_TYPE_RECOMMENDATION, label, rec) : -1;
    free(label);
    if (rc < 0)
        return -1;
    st->last_rec = *rec;
    rg_node *r = &st->g->nodes[*rec];
    if (rg_node_set(&r->kind, "recommendation") < 0 || rg_node_set(&r->text, s->text) < 0 ||
        rg_node_set(&r->doc, doc->id) < 0 || rg_node_set(&r->section, rg_doc_section(doc, s->block)) < 0 ||
        rg_strset_add(&r->docs, doc->id) < 0)
        return -1;
    r->line = s->line;
    rg_evidence e = evidence_at(st, s->line, s->text);
    r->page = e.page;
    r->page_line = e.page_line;
    return rg_graph_link_evidence(st->g, st->report, *rec, RG_REL_CONTAINS, &e, NULL, NULL);
}

static int recommendation(doc_state *st, const rg_sentence *s, const rg_reading *r)
{
    size_t rec;
    if (recommendation_node(st, s, &rec) < 0 ||
        rg_node_set(&st->g->nodes[rec].modality, rg_modality_name(r->modality)) < 0 || link_roles(st, rec, s, r) < 0)
        return -1;
    /* "We will ...": the signatories lead, the sentence the evidence */
    const bool inferred = true;
    rg_evidence e = evidence_at(st, s->line, s->text);
    for (size_t i = 0; i < r->n_parties; i++) {
        size_t node;
        if (known_node(st, r->parties[i], &node) < 0 ||
            rg_graph_link_evidence(st->g, rec, node, RG_REL_LEADS, &e, &inferred, NULL) < 0)
            return -1;
    }
    /* Items under "the report recommends that U.S. and ROK policymakers:"
     * are led by whoever the lead-in names (its line is the evidence). */
    const rg_block *lead_in = r->lead_in >= 0 ? &st->doc->blocks[r->lead_in] : NULL;
    if (lead_in)
        e = evidence_at(st, lead_in->line, lead_in->text);
    for (size_t i = 0; i < r->n_leaders; i++) {
        size_t node;
        if (known_node(st, r->leaders[i].entity, &node) < 0 ||
            rg_graph_link_evidence(st->g, rec, node, RG_REL_LEADS, &e, &inferred, NULL) < 0)
            return -1;
    }
    return 0;
}

enum { RG_COMENTION_MAX = 64 };

static int co_mention(doc_state *st, size_t a, size_t c, const rg_sentence *s)
{
    if (a == c)
        return 0;
    if (strcmp(st->g->nodes[a].id, st->g->nodes[c].id) > 0) {
        size_t t = a;
        a = c;
        c = t;
    }
    size_t at;
    if (rg_graph_find_link(st->g, a, c, RG_REL_CO_MENTIONED, &at)) {
        /* the pair named twice in one sentence counts once */
        const rg_link *l = &st->g->links[at];
        const rg_evidence *last = &l->evidence[l->n_evidence - 1];
        if (last->line == s->line && strcmp(last->doc, st->doc->id) == 0 && strcmp(last->text, s->text) == 0)
            return 0;
    }
    rg_evidence e = evidence_at(st, s->line, s->text);
    return rg_graph_link_evidence(st->g, a, c, RG_REL_CO_MENTIONED, &e, NULL, NULL);
}

/* The nodes and links of one sentence's reading. */
static int sentence(doc_state *st, const rg_reading *r)
{
    const rg_doc *doc = st->doc;
    const rg_sentence *s = &doc->sentences[r->sentence];
    const rg_mention *ms = r->mentions;
    size_t n = r->n_mentions;
    /* room for the nodes of n mentions, kept from sentence to sentence */
    if (rg_grow_to((void **)&st->nodes, &st->cap_nodes, n ? n : 1, sizeof *st->nodes) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        st->nodes[i] = RG_NONE;
        if (!ms[i].qualifier)
            rc = entity_node(st, &ms[i], s->text, ms[i].echo || ms[i].inferred ? 0 : 1, &st->nodes[i]);
    }
    /* "the Ministry of Interior and Safety's Personal Information
     * Protection Commission": the commission is part of the ministry;
     * "Microsoft's Korea Cybersecurity Center" is Microsoft's */
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (!ms[i].owner || !rg_mention_counts(&ms[i]) || ms[i].owner->type == RG_TYPE_PROGRAM)
            continue;
        for (size_t k = 0; k < n && rc == 0; k++)
            if (ms[k].entity == ms[i].owner && st->nodes[k] != RG_NONE) {
                rg_evidence e = evidence_at(st, s->line, s->text);
                rc = rg_graph_link_evidence(st->g, st->nodes[i], st->nodes[k], RG_REL_PART_OF, &e, NULL, NULL);
            }
    }
    /* co_mentioned: each pair once per sentence. A sentence naming more
     * than RG_COMENTION_MAX entities is a list, not a statement of
     * relation: its pairs are not linked. */
    if (n <= RG_COMENTION_MAX)
        for (size_t i = 0; i < n && rc == 0; i++)
            for (size_t k = i + 1; k < n && rc == 0; k++)
                if (rg_mention_counts(&ms[i]) && rg_mention_counts(&ms[k]) && !ms[i].inferred && !ms[k].inferred)
                    rc = co_mention(st, st->nodes[i], st->nodes[k], s);
    if (rc < 0)
        return -1;
    if (r->form != RG_FORM_NONE)
        return recommendation(st, s, r);
    if (r->elaborates != RG_NONE)
        return link_roles(st, st->last_rec, s, r);
    return 0;
}

int rg_extract_doc(const rg_reader *r, const rg_doc *doc, rg_graph *g, rg_error *err)
{
    if (rg_graph_add_document(g, doc->id, doc->path, doc->title, (long)doc->bytes, err) < 0 ||
        (doc->date && rg_graph_set_document_date(g, doc->id, doc->date) < 0 && rg_error_nomem(err)))
        return -1;
    doc_state st = {.doc = doc, .g = g, .last_rec = RG_NONE};
    int rc = -1;
    if (rg_graph_node(g, doc->id, RG_TYPE_REPORT, doc->title, &st.report) < 0 ||
        rg_node_set(&g->nodes[st.report].kind, "report") < 0 || rg_strset_add(&g->nodes[st.report].docs, doc->id) < 0)
        goto done;
    if (!(st.ctx = rg_context_new(r, doc, NULL)))
        goto done;
    rc = 0;
    for (size_t i = 0; i < doc->n_sentences && rc == 0; i++) {
        if (doc->blocks[doc->sentences[i].block].zone != RG_ZONE_BODY)
            continue;
        rg_reading reading;
        rc = rg_context_read(st.ctx, i, &reading);
        if (rc == 0)
            rc = sentence(&st, &reading);
    }
done:
    rg_context_free(st.ctx);
    free(st.nodes);
    rg_buf_destroy(&st.id);
    return rc < 0 ? rg_error_nomem(err) : 0;
}

/* ---- links from the catalog ---- */

static int catalog_link(rg_graph *g, size_t from, const rg_entry *to, rg_relation rel, const char *source)
{
    size_t target;
    if (!to || !rg_graph_find(g, to->id, &target) || target == from)
        return 0;
    return rg_graph_link(g, from, target, rel, "catalog", 0, source, NULL);
}

int rg_extract_finish(const rg_reader *r, rg_graph *g, rg_error *err)
{
    const rg_catalog *cat = rg_reader_catalog(r);
    size_t n = g->n_nodes; /* links only: no node is added here */
    char *linked = calloc(n ? n : 1, 1);
    if (!linked)
        return rg_error_nomem(err);
    for (size_t i = 0; i < g->n_links; i++)
        if (g->links[i].relation == RG_REL_PART_OF)
            linked[g->links[i].source] = 1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const rg_node *node = &g->nodes[i];
        if (!rg_type_is_entity(node->type)) /* recommendations, reports: most nodes, none in the catalog */
            continue;
        const rg_entry *e = rg_catalog_find_id(cat, node->id);
        if (node->type == RG_TYPE_AGENCY) {
            const rg_entry *parent = e && e->parent ? rg_catalog_find_name(cat, e->parent) : NULL;
            const rg_entry *country = rg_reader_country(r, e ? e->country : node->country);
            if (parent && rg_graph_find(g, parent->id, NULL))
                rc = catalog_link(g, i, parent, RG_REL_PART_OF, e->source);
            else if (!linked[i] && country)
                /* a body of the text's own belongs to the country that
                 * qualified it; the catalog says which */
                rc = catalog_link(g, i, country, RG_REL_PART_OF, e ? e->source : country->source);
        }
        for (size_t k = 0; e && k < e->n_member_of && rc == 0; k++)
            rc = catalog_link(g, i, rg_catalog_find_name(cat, e->member_of[k]), RG_REL_MEMBER_OF, e->source);
    }
    free(linked);
    return rc < 0 ? rg_error_nomem(err) : 0;
}
