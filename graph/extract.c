#include "graph/extract.h"

#include "graph/directive.h"
#include "graph/match.h"
#include "graph/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rg_extractor {
    const rg_catalog *cat;
    rg_matcher *names;
    size_t *country_entry; /* per entry: the entry of its country, or SIZE_MAX */
};

void rg_extractor_free(rg_extractor *x)
{
    if (!x)
        return;
    rg_matcher_free(x->names);
    free(x->country_entry);
    free(x);
}

#define NONE ((size_t)-1)

rg_extractor *rg_extractor_new(const rg_catalog *cat, rg_error *err)
{
    rg_extractor *x = calloc(1, sizeof *x);
    if (!x || !(x->names = rg_matcher_new()) ||
        !(x->country_entry = malloc((cat->len ? cat->len : 1) * sizeof *x->country_entry)))
        goto nomem;
    x->cat = cat;
    for (size_t i = 0; i < cat->len; i++) {
        const rg_entry *e = &cat->entries[i];
        if (rg_matcher_add(x->names, e->name, i) < 0)
            goto nomem;
        for (size_t k = 0; k < e->n_aliases; k++)
            if (rg_matcher_add(x->names, e->aliases[k], i) < 0)
                goto nomem;
    }
    /* the country an entry belongs to, for part_of links */
    for (size_t i = 0; i < cat->len; i++) {
        x->country_entry[i] = NONE;
        const char *code = cat->entries[i].country;
        if (!code || strcmp(cat->entries[i].kind, "country") == 0)
            continue;
        for (size_t k = 0; k < cat->len; k++) {
            const rg_entry *c = &cat->entries[k];
            if (c->country && strcmp(c->kind, "country") == 0 && strcmp(c->country, code) == 0) {
                x->country_entry[i] = k;
                break;
            }
        }
    }
    return x;
nomem:
    rg_extractor_free(x);
    rg_error_nomem(err);
    return NULL;
}

/* ---- per sentence ---- */

typedef struct mention {
    size_t start, len;
    size_t entry;
    size_t node;
} mention;

typedef struct scan {
    mention *items;
    size_t len, cap;
    bool failed;
} scan;

static int collect(const rg_match *m, void *ctx)
{
    scan *s = ctx;
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        mention *p = realloc(s->items, cap * sizeof *p);
        if (!p) {
            s->failed = true;
            return 1;
        }
        s->items = p;
        s->cap = cap;
    }
    /* Several entries share a form ("Ministry of Foreign Affairs"): the
     * first one loaded stands for it until context rules choose better. */
    s->items[s->len++] = (mention){m->start, m->len, m->values[0], 0};
    return 0;
}

static bool lead_in_recommends(const char *t)
{
    return strstr(t, "recommend") || strstr(t, "should") || strstr(t, "urge") || strstr(t, "call on");
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

typedef struct doc_state {
    const rg_extractor *x;
    const rg_doc *doc;
    rg_graph *g;
    size_t report;
    long last_rec_line;
    int same_line_count;
} doc_state;

static int entity_node(doc_state *st, mention *m, const char *sentence)
{
    const rg_entry *e = &st->x->cat->entries[m->entry];
    if (rg_graph_node(st->g, e->id, e->type, e->name, &m->node) < 0)
        return -1;
    rg_node *n = &st->g->nodes[m->node];
    char *surface = rg_strndup(sentence + m->start, m->len);
    int rc = surface ? 0 : -1;
    if (rc == 0)
        rc = rg_strset_add(&n->aliases, surface);
    free(surface);
    if (rc < 0 || rg_node_set(&n->kind, e->kind) < 0 || rg_node_set(&n->country, e->country) < 0 ||
        rg_strset_add(&n->docs, st->doc->id) < 0)
        return -1;
    n->mentions++;
    return 0;
}

static int recommendation(doc_state *st, const rg_sentence *s, const mention *ms, size_t n_ms, size_t subject,
                          size_t modal, const rg_block *lead_in)
{
    const rg_doc *doc = st->doc;
    char id[600];
    const char *slug = doc->id + strlen("report:");
    if (s->line == st->last_rec_line)
        snprintf(id, sizeof id, "rec:%s:%ld-%d", slug, s->line, ++st->same_line_count);
    else
        snprintf(id, sizeof id, "rec:%s:%ld", slug, s->line), st->same_line_count = 1;
    st->last_rec_line = s->line;

    char *label = short_label(s->text);
    size_t rec;
    int rc = label ? rg_graph_node(st->g, id, RG_TYPE_RECOMMENDATION, label, &rec) : -1;
    free(label);
    if (rc < 0)
        return -1;
    rg_node *r = &st->g->nodes[rec];
    if (rg_node_set(&r->kind, "recommendation") < 0 || rg_node_set(&r->text, s->text) < 0 ||
        rg_node_set(&r->doc, doc->id) < 0 || rg_node_set(&r->section, rg_doc_section(doc, s->block)) < 0 ||
        rg_strset_add(&r->docs, doc->id) < 0)
        return -1;
    r->line = s->line;
    if (rg_graph_link(st->g, st->report, rec, RG_REL_CONTAINS, doc->id, s->line, s->text, NULL) < 0)
        return -1;

    /* Who leads comes before the modal; a node that leads is not also a
     * partner when the sentence names it twice ("The U.S. ... Washington"). */
    bool any_lead = false;
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n_ms; i++) {
            const rg_node *e = &st->g->nodes[ms[i].node];
            bool leads = e->type != RG_TYPE_PROGRAM && modal != NONE && ms[i].start >= subject && ms[i].start < modal;
            rg_relation rel = e->type == RG_TYPE_PROGRAM ? RG_REL_CONCERNS : leads ? RG_REL_LEADS : RG_REL_PARTNERS;
            if ((pass == 0) != leads)
                continue;
            if (rel == RG_REL_PARTNERS && rg_graph_find_link(st->g, rec, ms[i].node, RG_REL_LEADS, NULL))
                continue;
            if (rg_graph_find_link(st->g, rec, ms[i].node, rel, NULL))
                continue; /* named twice in the sentence: one piece of evidence */
            any_lead |= leads;
            if (rg_graph_link(st->g, rec, ms[i].node, rel, doc->id, s->line, s->text, NULL) < 0)
                return -1;
        }
    }
    /* Items under "the report recommends that U.S. and ROK policymakers:"
     * are led by whoever the lead-in names. */
    if (!any_lead && lead_in) {
        scan sc = {0};
        rg_matcher_scan(st->x->names, lead_in->text, strlen(lead_in->text), collect, &sc);
        rc = sc.failed ? -1 : 0;
        for (size_t i = 0; i < sc.len && rc == 0; i++) {
            const rg_entry *e = &st->x->cat->entries[sc.items[i].entry];
            size_t node;
            if (e->type == RG_TYPE_PROGRAM)
                continue;
            rc = rg_graph_node(st->g, e->id, e->type, e->name, &node);
            if (rc == 0)
                rc = rg_graph_link(st->g, rec, node, RG_REL_LEADS, doc->id, lead_in->line, lead_in->text, NULL);
        }
        free(sc.items);
        if (rc < 0)
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
    return rg_graph_link(st->g, a, c, RG_REL_CO_MENTIONED, st->doc->id, s->line, s->text, NULL);
}

static int sentence(doc_state *st, const rg_sentence *s, bool first_in_block)
{
    const rg_doc *doc = st->doc;
    const rg_block *b = &doc->blocks[s->block];
    scan sc = {0};
    rg_matcher_scan(st->x->names, s->text, strlen(s->text), collect, &sc);
    int rc = sc.failed ? -1 : 0;
    for (size_t i = 0; i < sc.len && rc == 0; i++)
        rc = entity_node(st, &sc.items[i], s->text);

    /* co_mentioned: each distinct pair once per sentence, smaller id first.
     * A sentence naming more than RG_COMENTION_MAX entities is a list, not
     * a statement of relation: its pairs are not linked. */
    if (sc.len <= RG_COMENTION_MAX)
        for (size_t i = 0; i < sc.len && rc == 0; i++)
            for (size_t k = i + 1; k < sc.len && rc == 0; k++)
                rc = co_mention(st, sc.items[i].node, sc.items[k].node, s);

    if (rc == 0) {
        /* the actors and agencies named, for the subject test */
        rg_span *actors = malloc((sc.len ? sc.len : 1) * sizeof *actors);
        size_t n_actors = 0;
        if (!actors)
            rc = -1;
        for (size_t i = 0; actors && i < sc.len; i++)
            if (st->g->nodes[sc.items[i].node].type != RG_TYPE_PROGRAM)
                actors[n_actors++] = (rg_span){sc.items[i].start, sc.items[i].len};
        bool item = b->kind == RG_BLOCK_ITEM;
        size_t subject = 0;
        size_t modal = actors ? rg_directive_modal(s->text, actors, n_actors, item, &subject) : NONE;
        free(actors);
        const rg_block *lead = NULL;
        if (item && b->lead_in >= 0 && lead_in_recommends(doc->blocks[b->lead_in].text))
            lead = &doc->blocks[b->lead_in];
        /* an imperative opens a list item or an emphasized line:
         * "- Deepen cooperation ...", "*Establish new partnerships ...*" */
        bool imperative = modal == NONE && first_in_block && (item || b->emphasized) &&
                          rg_directive_imperative(s->text);
        if (rc == 0 && (modal != NONE || imperative))
            rc = recommendation(st, s, sc.items, sc.len, subject, modal, lead);
    }
    free(sc.items);
    return rc;
}

int rg_extract_doc(const rg_extractor *x, const rg_doc *doc, rg_graph *part, rg_error *err)
{
    if (rg_graph_add_document(part, doc->id, doc->path, doc->title, (long)doc->bytes, err) < 0)
        return -1;
    doc_state st = {.x = x, .doc = doc, .g = part};
    if (rg_graph_node(part, doc->id, RG_TYPE_REPORT, doc->title, &st.report) < 0 ||
        rg_node_set(&part->nodes[st.report].kind, "report") < 0 ||
        rg_strset_add(&part->nodes[st.report].docs, doc->id) < 0)
        return rg_error_nomem(err);
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const rg_sentence *s = &doc->sentences[i];
        if (doc->blocks[s->block].zone != RG_ZONE_BODY)
            continue;
        bool first = i == 0 || doc->sentences[i - 1].block != s->block;
        if (sentence(&st, s, first) < 0)
            return rg_error_nomem(err);
    }
    return 0;
}

static int catalog_link(const rg_extractor *x, rg_graph *g, size_t from, const rg_entry *to, rg_relation rel)
{
    size_t target;
    if (!to || !rg_graph_find(g, to->id, &target) || target == from)
        return 0;
    const rg_entry *src = rg_catalog_find_id(x->cat, g->nodes[from].id);
    return rg_graph_link(g, from, target, rel, "catalog", 0, src ? src->source : "catalog", NULL);
}

int rg_extract_finish(const rg_extractor *x, rg_graph *g, rg_error *err)
{
    size_t n = g->n_nodes; /* links only: no node is added here */
    for (size_t i = 0; i < n; i++) {
        size_t at;
        if (!rg_hmap_get(&x->cat->by_id, g->nodes[i].id, &at))
            continue;
        const rg_entry *e = &x->cat->entries[at];
        int rc = 0;
        if (e->type == RG_TYPE_AGENCY) {
            const rg_entry *parent = e->parent ? rg_catalog_find_name(x->cat, e->parent) : NULL;
            if (!parent && x->country_entry[at] != NONE)
                parent = &x->cat->entries[x->country_entry[at]];
            rc = catalog_link(x, g, i, parent, RG_REL_PART_OF);
        }
        for (size_t k = 0; k < e->n_member_of && rc == 0; k++)
            rc = catalog_link(x, g, i, rg_catalog_find_name(x->cat, e->member_of[k]), RG_REL_MEMBER_OF);
        if (rc < 0)
            return rg_error_nomem(err);
    }
    return 0;
}
