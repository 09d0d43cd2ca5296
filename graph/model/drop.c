/* Removing documents from a graph (build --update): everything a report
 * gave, taken out so that what is left is what the other reports' parts
 * merge into. What the graph itself cannot tell (which report gave an
 * alias, a label, a kind, a country) comes from the documents' records. */
#include "graph/model/model.h"

#include "graph/base/hmap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int by_record_id(const void *a, const void *b)
{
    return strcmp(((const rg_doc_entity *)a)->id, ((const rg_doc_entity *)b)->id);
}

/* d's record for the node id among its first n records (in id order). */
static const rg_doc_entity *find_record(const rg_document *d, size_t n, const char *id)
{
    rg_doc_entity key = {.id = (char *)id};
    return n ? bsearch(&key, d->entities, n, sizeof key, by_record_id) : NULL;
}

/* id → position of each document of g, into docs (initialized). */
static int index_documents(const rg_graph *g, rg_hmap *docs)
{
    if (rg_hmap_reserve(docs, g->n_docs) < 0)
        return -1;
    for (size_t i = 0; i < g->n_docs; i++)
        if (rg_hmap_put(docs, g->docs[i].id, i) < 0)
            return -1;
    return 0;
}

int rg_graph_expand_records(rg_graph *g)
{
    rg_hmap docs;
    rg_hmap_init(&docs);
    size_t *had = malloc((g->n_docs ? g->n_docs : 1) * sizeof *had);
    int rc = had && index_documents(g, &docs) == 0 ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < g->n_docs; i++) {
        rg_document *d = &g->docs[i];
        if (d->n_entities)
            qsort(d->entities, d->n_entities, sizeof *d->entities, by_record_id);
        had[i] = d->n_entities;
    }
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        if (!rg_type_is_entity(n->type))
            continue;
        for (size_t k = 0; rc == 0 && k < n->docs.len; k++) {
            size_t at;
            /* a document the graph does not list (a file made by hand)
             * has no records to keep */
            if (!rg_hmap_get(&docs, n->docs.items[k], &at) || find_record(&g->docs[at], had[at], n->id))
                continue;
            rg_doc_entity e = {n->id, n->label, n->kind, n->country, n->aliases};
            rc = rg_document_add_entity(&g->docs[at], &e);
        }
    }
    for (size_t i = 0; rc == 0 && i < g->n_docs; i++)
        if (g->docs[i].n_entities > had[i])
            qsort(g->docs[i].entities, g->docs[i].n_entities, sizeof *g->docs[i].entities, by_record_id);
    free(had);
    rg_hmap_destroy(&docs);
    return rc;
}

/* Remove the strings of set that gone holds; true when one was. */
static bool strset_remove(rg_strset *set, const rg_strset *gone)
{
    size_t kept = 0;
    for (size_t k = 0; k < set->len; k++) {
        if (rg_strset_has(gone, set->items[k]))
            free(set->items[k]);
        else
            set->items[kept++] = set->items[k];
    }
    bool removed = kept < set->len;
    set->len = kept;
    return removed;
}

static void tally_remove(rg_node *n, const rg_strset *gone)
{
    size_t kept = 0;
    rg_tally *t = &n->doc_mentions;
    for (size_t k = 0; k < t->len; k++) {
        if (rg_strset_has(gone, t->keys[k])) {
            n->mentions = rg_count_add(n->mentions, -t->counts[k]);
            free(t->keys[k]);
            continue;
        }
        t->keys[kept] = t->keys[k];
        t->counts[kept++] = t->counts[k];
    }
    t->len = kept;
}

/* The smaller of *field and value (NULL counts as none), as merge keeps it. */
static int keep_smaller(char **field, const char *value)
{
    return rg_node_set(field, value);
}

/* An entity node's values again, from the records of the documents it
 * has left; unchanged when none of them has a record. */
static int recompute_entity(rg_graph *g, const rg_hmap *docs, rg_node *n)
{
    rg_node fresh = {0};
    rg_strset_init(&fresh.aliases);
    int rc = 0;
    bool any = false;
    for (size_t k = 0; rc == 0 && k < n->docs.len; k++) {
        size_t at;
        const rg_doc_entity *e = rg_hmap_get(docs, n->docs.items[k], &at)
                                     ? find_record(&g->docs[at], g->docs[at].n_entities, n->id)
                                     : NULL;
        if (!e)
            continue;
        any = true;
        if (keep_smaller(&fresh.label, e->label) < 0 || keep_smaller(&fresh.kind, e->kind) < 0 ||
            keep_smaller(&fresh.country, e->country) < 0 || rg_strset_union(&fresh.aliases, &e->aliases) < 0)
            rc = -1;
    }
    if (rc == 0 && any && fresh.label) {
        free(n->label), n->label = fresh.label, fresh.label = NULL;
        free(n->kind), n->kind = fresh.kind, fresh.kind = NULL;
        free(n->country), n->country = fresh.country, fresh.country = NULL;
        rg_strset_destroy(&n->aliases);
        n->aliases = fresh.aliases;
        rg_strset_init(&fresh.aliases);
    }
    free(fresh.label);
    free(fresh.kind);
    free(fresh.country);
    rg_strset_destroy(&fresh.aliases);
    return rc;
}

/* Take the gone documents out of node i; false when none is left. */
static int drop_from_node(rg_graph *g, const rg_hmap *docs, size_t i, const rg_strset *gone, bool *keep)
{
    rg_node *n = &g->nodes[i];
    for (int s = 0; s < RG_SCORE__COUNT; s++)
        n->scores[s] = NAN;
    *keep = true;
    if (!strset_remove(&n->docs, gone))
        return 0;
    tally_remove(n, gone);
    *keep = n->docs.len > 0;
    return *keep && rg_type_is_entity(n->type) ? recompute_entity(g, docs, n) : 0;
}

/* Take the gone documents' and the catalog's evidence out of link l, and
 * its weight with them; false when it had evidence and has none left. */
static bool drop_evidence(rg_link *l, const rg_strset *gone, const char **last_doc, bool *last_gone)
{
    size_t kept = 0, had = l->n_evidence;
    for (size_t k = 0; k < had; k++) {
        const rg_evidence *e = &l->evidence[k];
        /* document ids are interned: most evidence asks the last one again */
        if (e->doc != *last_doc) {
            *last_doc = e->doc;
            *last_gone = strcmp(e->doc, "catalog") == 0 || rg_strset_has(gone, e->doc);
        }
        if (!*last_gone)
            l->evidence[kept++] = *e;
    }
    l->n_evidence = kept;
    l->weight -= (double)(had - kept);
    if (l->weight < 0)
        l->weight = 0;
    return kept > 0 || had == 0;
}

int rg_graph_drop_documents(rg_graph *g, const rg_strset *gone, rg_error *err)
{
    rg_hmap docs;
    rg_hmap_init(&docs);
    bool *keep_node = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *keep_node);
    bool *keep_link = malloc((g->n_links ? g->n_links : 1) * sizeof *keep_link);
    int rc = keep_node && keep_link && rg_graph_expand_records(g) == 0 ? 0 : -1;
    if (rc == 0 && index_documents(g, &docs) < 0)
        rc = -1;
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
        rc = drop_from_node(g, &docs, i, gone, &keep_node[i]);
    const char *last_doc = NULL;
    bool last_gone = false;
    for (size_t i = 0; rc == 0 && i < g->n_links; i++)
        keep_link[i] = drop_evidence(&g->links[i], gone, &last_doc, &last_gone);
    if (rc == 0)
        rc = rg_graph_compact(g, keep_node, keep_link);
    if (rc == 0)
        rc = rg_graph_remove_documents(g, gone);
    rg_hmap_destroy(&docs);
    free(keep_node);
    free(keep_link);
    return rc < 0 ? rg_error_nomem(err) : 0;
}
