#include "graph/eval/eval.h"

#include "graph/eval/normalize.h"
#include "graph/base/text.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rg_eval_init(rg_eval *e)
{
    memset(e, 0, sizeof *e);
}

void rg_eval_destroy(rg_eval *e)
{
    rg_strset_destroy(&e->missed_entities);
    rg_strset_destroy(&e->spurious_entities);
    rg_strset_destroy(&e->wrong_types);
    rg_strset_destroy(&e->missed_recommendations);
    rg_strset_destroy(&e->spurious_recommendations);
    rg_strset_destroy(&e->missed_involvement);
    rg_strset_destroy(&e->spurious_involvement);
    rg_eval_init(e);
}

double rg_eval_precision(rg_eval_count c)
{
    return c.tp + c.fp ? (double)c.tp / (double)(c.tp + c.fp) : 1.0;
}

double rg_eval_recall(rg_eval_count c)
{
    return c.tp + c.fn ? (double)c.tp / (double)(c.tp + c.fn) : 1.0;
}

double rg_eval_f1(rg_eval_count c)
{
    double p = rg_eval_precision(c), r = rg_eval_recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/* ---- the gold file ---- */

typedef struct gold_entity {
    const char *name;
    const char *type;
    char *key; /* the name normalized */
    long node; /* the node matched to it: index + 1, or 0 */
} gold_entity;

/* A normalized name or alias and the entity it names (one form may name
 * several entities). */
typedef struct gold_form {
    char *key;
    size_t entity;
} gold_form;

typedef struct gold_rec {
    long line;
    bool has_line; /* a gold without a line is not held to one */
    const char *text;
    char *key; /* the text normalized */
    json_t *agencies, *programs;
    long node; /* the node matched to it: index + 1, or 0 */
} gold_rec;

typedef struct gold {
    json_t *root;
    gold_entity *entities;
    size_t n_entities;
    gold_form *forms; /* sorted by key, then entity */
    size_t n_forms, cap_forms;
    gold_rec *recs;
    size_t n_recs;
} gold;

static void gold_destroy(gold *g)
{
    for (size_t i = 0; i < g->n_entities; i++)
        free(g->entities[i].key);
    for (size_t i = 0; i < g->n_forms; i++)
        free(g->forms[i].key);
    for (size_t i = 0; i < g->n_recs; i++)
        free(g->recs[i].key);
    json_decref(g->root);
    free(g->entities);
    free(g->forms);
    free(g->recs);
}

static int add_form(gold *g, const char *form, size_t entity)
{
    if (rg_reserve((void **)&g->forms, &g->cap_forms, g->n_forms, sizeof *g->forms) < 0)
        return -1;
    char *key = rg_eval_normalize(form);
    if (!key)
        return -1;
    g->forms[g->n_forms++] = (gold_form){key, entity};
    return 0;
}

static int form_compare(const void *a, const void *b)
{
    const gold_form *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->entity > y->entity) - (x->entity < y->entity);
}

static int load_entities(gold *g, json_t *ents, const char *path, rg_error *err)
{
    g->entities = calloc(json_array_size(ents) + 1, sizeof *g->entities);
    if (!g->entities)
        return rg_error_nomem(err);
    size_t i;
    json_t *v;
    json_array_foreach(ents, i, v)
    {
        const char *name = json_string_value(json_object_get(v, "name"));
        const char *type = json_string_value(json_object_get(v, "type"));
        if (!name || !type)
            return rg_error_set(err, RG_ERR_INPUT, path, 0, "entity %zu needs \"name\" and \"type\"", i + 1);
        gold_entity *e = &g->entities[g->n_entities];
        *e = (gold_entity){name, type, rg_eval_normalize(name), 0};
        if (!e->key || add_form(g, name, g->n_entities) < 0)
            return rg_error_nomem(err);
        g->n_entities++;
        size_t k;
        json_t *a;
        json_array_foreach(json_object_get(v, "aliases"), k, a)
        {
            if (json_is_string(a) && add_form(g, json_string_value(a), i) < 0)
                return rg_error_nomem(err);
        }
    }
    qsort(g->forms, g->n_forms, sizeof *g->forms, form_compare);
    return 0;
}

static int load_recommendations(gold *g, json_t *recs, const char *path, rg_error *err)
{
    g->recs = calloc(json_array_size(recs) + 1, sizeof *g->recs);
    if (!g->recs)
        return rg_error_nomem(err);
    size_t i;
    json_t *v;
    json_array_foreach(recs, i, v)
    {
        json_t *line = json_object_get(v, "line");
        const char *text = json_string_value(json_object_get(v, "text"));
        if (!text)
            return rg_error_set(err, RG_ERR_INPUT, path, 0, "recommendation %zu needs \"text\"", i + 1);
        gold_rec *r = &g->recs[g->n_recs];
        *r = (gold_rec){(long)json_integer_value(line), json_is_integer(line), text, rg_eval_normalize(text),
                        json_object_get(v, "agencies"), json_object_get(v, "programs"), 0};
        if (!r->key)
            return rg_error_nomem(err);
        g->n_recs++;
    }
    return 0;
}

static int gold_load(const char *path, gold *g, rg_error *err)
{
    memset(g, 0, sizeof *g);
    json_error_t jerr;
    g->root = json_load_file(path, 0, &jerr);
    if (!g->root) {
        int rc = rg_error_set(err, strstr(jerr.text, "unable to open") ? RG_ERR_IO : RG_ERR_INPUT, path,
                              jerr.line > 0 ? jerr.line : 0, "%s", jerr.text);
        if (err && jerr.line > 0)
            err->column = jerr.column;
        return rc;
    }
    json_t *ents = json_object_get(g->root, "entities");
    json_t *recs = json_object_get(g->root, "recommendations");
    if (!json_is_array(ents) || !json_is_array(recs))
        return rg_error_set(err, RG_ERR_INPUT, path, 1, "a gold file has \"entities\" and \"recommendations\" arrays");
    if (load_entities(g, ents, path, err) < 0 || load_recommendations(g, recs, path, err) < 0)
        return -1;
    return 0;
}

/* The first of the forms whose key is key, or n_forms. */
static size_t first_form(const gold *g, const char *key)
{
    size_t lo = 0, hi = g->n_forms;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(g->forms[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The smallest gold entity key names (a name or an alias), or -1. */
static long entity_of_key(const gold *g, const char *key)
{
    size_t at = first_form(g, key);
    return at < g->n_forms && strcmp(g->forms[at].key, key) == 0 ? (long)g->forms[at].entity : -1;
}

/* The entity a recommendation's "agencies" or "programs" name stands for:
 * the last whose canonical name it is, else the first it is a form of
 * (score.py's gname2idx, then key2gold), else -1. */
static long entity_of_listed_name(const gold *g, const char *key)
{
    for (size_t i = g->n_entities; i-- > 0;)
        if (strcmp(g->entities[i].key, key) == 0)
            return (long)i;
    return entity_of_key(g, key);
}

/* ---- entities ---- */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int note(rg_strset *list, const char *fmt, ...)
{
    char line[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    return rg_strset_add(list, line);
}

/* Among the gold entities form names, the smallest still free (*free_one)
 * and the smallest at all (*any_one); each left as it is when smaller. */
static int entities_of_form(const gold *g, const char *form, long *free_one, long *any_one)
{
    char *key = rg_eval_normalize(form);
    if (!key)
        return -1;
    for (size_t at = first_form(g, key); at < g->n_forms && strcmp(g->forms[at].key, key) == 0; at++) {
        long e = (long)g->forms[at].entity;
        if (*any_one < 0 || e < *any_one)
            *any_one = e;
        if (!g->entities[e].node && (*free_one < 0 || e < *free_one))
            *free_one = e;
    }
    free(key);
    return 0;
}

/* One entity node: matched to the first free gold entity it names, a
 * second node for one already matched, or spurious. */
static int match_entity(const rg_graph *g, size_t i, gold *gd, long *node_gold, rg_eval *e)
{
    const rg_node *n = &g->nodes[i];
    long free_one = -1, any_one = -1;
    int rc = entities_of_form(gd, n->label && *n->label ? n->label : n->id, &free_one, &any_one);
    for (size_t k = 0; k < n->aliases.len; k++)
        rc |= entities_of_form(gd, n->aliases.items[k], &free_one, &any_one);
    const char *type = rg_type_name(n->type);
    if (free_one >= 0) {
        gold_entity *ge = &gd->entities[free_one];
        node_gold[i] = free_one;
        ge->node = (long)i + 1;
        e->entities.tp++;
        e->types_compared++;
        if (strcmp(type, ge->type) == 0)
            e->types_right++;
        else
            rc |= note(&e->wrong_types, "%s: %s, gold says %s", n->label, type, ge->type);
    } else if (any_one >= 0) {
        node_gold[i] = any_one; /* its links count for that entity */
        e->entities.fp++;
        rc |= note(&e->spurious_entities, "%s (%s) [a second node for %s]", n->label, type,
                   gd->entities[any_one].name);
    } else {
        e->entities.fp++;
        rc |= note(&e->spurious_entities, "%s (%s)", n->label, type);
    }
    return rc;
}

/* The document's entity nodes in id order, the graph file's order, which
 * decides which of two nodes for one entity is the second. */
static int match_entities(const rg_graph *g, const size_t *order, const char *doc_id, gold *gd, long *node_gold,
                          rg_eval *e)
{
    int rc = 0;
    for (size_t k = 0; k < g->n_nodes; k++) {
        const rg_node *n = &g->nodes[order[k]];
        if (rg_type_is_entity(n->type) && rg_strset_has(&n->docs, doc_id))
            rc |= match_entity(g, order[k], gd, node_gold, e);
    }
    for (size_t k = 0; k < gd->n_entities; k++) {
        if (gd->entities[k].node)
            continue;
        e->entities.fn++;
        rc |= note(&e->missed_entities, "%s (%s)", gd->entities[k].name, gd->entities[k].type);
    }
    return rc;
}

/* ---- recommendations ---- */

/* How far the annotator's line may be from the sentence's (score.py's
 * LINE_WINDOW): a paragraph broken in conversion starts a few lines off. */
enum { LINE_WINDOW = 3, OPENING = 40 };

/* A recommendation node that may be a gold one: its distance in lines,
 * where the one text's opening stands in the other (in characters), and
 * which gold and which of the document's recommendation nodes. */
typedef struct candidate {
    long distance, pos;
    size_t gold, rec;
} candidate;

/* The document's recommendation nodes in id order, with their sentences
 * normalized. */
typedef struct recs {
    size_t *node;
    char **key;
    size_t n;
} recs;

static void recs_destroy(recs *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->key[i]);
    free(r->node);
    free(r->key);
}

static int recs_of_doc(const rg_graph *g, const size_t *order, const char *doc_id, recs *r)
{
    r->node = malloc((g->n_nodes + 1) * sizeof *r->node);
    r->key = malloc((g->n_nodes + 1) * sizeof *r->key);
    r->n = 0;
    if (!r->node || !r->key)
        return -1;
    for (size_t k = 0; k < g->n_nodes; k++) {
        const rg_node *n = &g->nodes[order[k]];
        if (n->type != RG_TYPE_RECOMMENDATION || !n->doc || strcmp(n->doc, doc_id) != 0)
            continue;
        r->node[r->n] = order[k];
        r->key[r->n] = rg_eval_normalize(n->text && *n->text ? n->text : n->label);
        if (!r->key[r->n++])
            return -1;
    }
    return 0;
}

/* Where the gold's opening stands in the sentence, or the sentence's in
 * the gold text, in characters; -1 when neither. */
static long opening_at(const char *gold_key, const char *sentence)
{
    size_t glen = rg_eval_prefix(gold_key, OPENING);
    char *hit = NULL;
    char *opening = rg_strndup(gold_key, glen);
    if (opening && (hit = strstr(sentence, opening)) != NULL) {
        free(opening);
        return (long)rg_eval_code_points(sentence, (size_t)(hit - sentence));
    }
    free(opening);
    size_t slen = rg_eval_prefix(sentence, OPENING);
    opening = slen ? rg_strndup(sentence, slen) : NULL;
    if (opening && (hit = strstr(gold_key, opening)) != NULL) {
        free(opening);
        return (long)rg_eval_code_points(gold_key, (size_t)(hit - gold_key));
    }
    free(opening);
    return -1;
}

static int by_gold_then_rank(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->gold != y->gold)
        return x->gold < y->gold ? -1 : 1;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return (x->rec > y->rec) - (x->rec < y->rec);
}

static int by_rank(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    if (x->gold != y->gold)
        return x->gold < y->gold ? -1 : 1;
    return (x->rec > y->rec) - (x->rec < y->rec);
}

/* Every candidate pair, grouped by gold, best first (the gold's opening
 * empty: none). NULL when out of memory. */
static candidate *find_candidates(const rg_graph *g, const gold *gd, const recs *r, size_t *n)
{
    candidate *c = malloc((gd->n_recs * r->n + 1) * sizeof *c);
    *n = 0;
    for (size_t k = 0; c && k < gd->n_recs; k++) {
        const gold_rec *gr = &gd->recs[k];
        for (size_t i = 0; *gr->key && i < r->n; i++) {
            long pos = opening_at(gr->key, r->key[i]);
            long d = gr->has_line ? labs(g->nodes[r->node[i]].line - gr->line) : 0;
            if (pos >= 0 && d <= LINE_WINDOW)
                c[(*n)++] = (candidate){d, pos, k, i};
        }
    }
    if (c)
        qsort(c, *n, sizeof *c, by_gold_then_rank);
    return c;
}

/* The one-to-one matching, as gold → rec and rec → gold (-1: none). */
typedef struct matching {
    const candidate *cands;
    const size_t *first; /* gold k's candidates: cands[first[k] .. first[k + 1]) */
    long *gold_to_rec, *rec_to_gold;
    bool *seen;
} matching;

/* Kuhn's step: gold k takes a candidate that is free, or whose gold can
 * move on to another. */
static bool augment(matching *m, size_t k)
{
    for (size_t c = m->first[k]; c < m->first[k + 1]; c++) {
        size_t i = m->cands[c].rec;
        if (m->seen[i])
            continue;
        m->seen[i] = true;
        if (m->rec_to_gold[i] < 0 || augment(m, (size_t)m->rec_to_gold[i])) {
            m->gold_to_rec[k] = (long)i;
            m->rec_to_gold[i] = (long)k;
            return true;
        }
    }
    return false;
}

/* The nearest pairs first, then augmenting paths for the golds left. */
static int match_pairs(matching *m, size_t n_cands, size_t n_gold, size_t n_recs)
{
    candidate *ranked = malloc((n_cands + 1) * sizeof *ranked);
    if (!ranked)
        return -1;
    memcpy(ranked, m->cands, n_cands * sizeof *ranked);
    qsort(ranked, n_cands, sizeof *ranked, by_rank);
    for (size_t c = 0; c < n_cands; c++) {
        if (m->gold_to_rec[ranked[c].gold] < 0 && m->rec_to_gold[ranked[c].rec] < 0) {
            m->gold_to_rec[ranked[c].gold] = (long)ranked[c].rec;
            m->rec_to_gold[ranked[c].rec] = (long)ranked[c].gold;
        }
    }
    free(ranked);
    for (size_t k = 0; k < n_gold; k++) {
        if (m->gold_to_rec[k] >= 0 || m->first[k] == m->first[k + 1])
            continue;
        memset(m->seen, 0, (n_recs + 1) * sizeof *m->seen);
        augment(m, k);
    }
    return 0;
}

/* Matches the document's recommendations to the gold's: sets each gold's
 * node and rec_gold (node index → gold recommendation). */
static int match_recommendations(const rg_graph *g, gold *gd, const recs *r, long *rec_gold)
{
    size_t n_cands;
    candidate *cands = find_candidates(g, gd, r, &n_cands);
    size_t *first = calloc(gd->n_recs + 2, sizeof *first);
    long *gold_to_rec = malloc((gd->n_recs + 1) * sizeof *gold_to_rec);
    long *rec_to_gold = malloc((r->n + 1) * sizeof *rec_to_gold);
    bool *seen = malloc((r->n + 1) * sizeof *seen);
    int rc = cands && first && gold_to_rec && rec_to_gold && seen ? 0 : -1;
    if (rc == 0) {
        for (size_t c = 0; c < n_cands; c++)
            first[cands[c].gold + 1]++;
        for (size_t k = 0; k < gd->n_recs; k++)
            first[k + 1] += first[k];
        for (size_t k = 0; k < gd->n_recs; k++)
            gold_to_rec[k] = -1;
        for (size_t i = 0; i < r->n; i++)
            rec_to_gold[i] = -1;
        matching m = {cands, first, gold_to_rec, rec_to_gold, seen};
        rc = match_pairs(&m, n_cands, gd->n_recs, r->n);
    }
    for (size_t k = 0; rc == 0 && k < gd->n_recs; k++) {
        gd->recs[k].node = gold_to_rec[k] >= 0 ? (long)r->node[gold_to_rec[k]] + 1 : 0;
        if (gd->recs[k].node)
            rec_gold[gd->recs[k].node - 1] = (long)k;
    }
    free(cands);
    free(first);
    free(gold_to_rec);
    free(rec_to_gold);
    free(seen);
    return rc;
}

/* Counts and lists the recommendations: unmatched nodes are spurious,
 * unmatched gold ones missed. */
static int count_recommendations(const rg_graph *g, const gold *gd, const recs *r, const long *rec_gold,
                                 rg_eval *e)
{
    int rc = 0;
    for (size_t i = 0; i < r->n; i++) {
        const rg_node *n = &g->nodes[r->node[i]];
        if (rec_gold[r->node[i]] >= 0) {
            e->recommendations.tp++;
            continue;
        }
        e->recommendations.fp++;
        rc |= note(&e->spurious_recommendations, "line %ld: %.90s", n->line, n->text ? n->text : n->label);
    }
    for (size_t k = 0; k < gd->n_recs; k++) {
        if (gd->recs[k].node)
            continue;
        e->recommendations.fn++;
        if (gd->recs[k].has_line)
            rc |= note(&e->missed_recommendations, "line %ld: %.90s", gd->recs[k].line, gd->recs[k].text);
        else
            rc |= note(&e->missed_recommendations, "no line: %.90s", gd->recs[k].text);
    }
    return rc;
}

/* ---- involvement ---- */

/* want[k * n_entities + x]: gold recommendation k lists entity x. */
static int wanted_entities(const gold *gd, bool *want)
{
    for (size_t k = 0; k < gd->n_recs; k++) {
        if (!gd->recs[k].node)
            continue;
        json_t *lists[2] = {gd->recs[k].agencies, gd->recs[k].programs};
        for (int l = 0; l < 2; l++) {
            size_t v;
            json_t *name;
            json_array_foreach(lists[l], v, name)
            {
                char *key = json_is_string(name) ? rg_eval_normalize(json_string_value(name)) : NULL;
                if (json_is_string(name) && !key)
                    return -1;
                long x = key ? entity_of_listed_name(gd, key) : -1;
                if (x >= 0)
                    want[k * gd->n_entities + (size_t)x] = true;
                free(key);
            }
        }
    }
    return 0;
}

/* got[k * n_entities + x]: a link the sentence names (not inferred) joins
 * the node matched to gold recommendation k and a node of entity x. */
static void linked_entities(const rg_graph *g, const gold *gd, const long *rec_gold, const long *node_gold,
                            bool *got)
{
    for (size_t l = 0; l < g->n_links; l++) {
        const rg_link *lk = &g->links[l];
        if (lk->inferred)
            continue;
        size_t ends[2][2] = {{lk->source, lk->target}, {lk->target, lk->source}};
        for (int d = 0; d < 2; d++) {
            long k = rec_gold[ends[d][0]], x = node_gold[ends[d][1]];
            if (k >= 0 && x >= 0)
                got[(size_t)k * gd->n_entities + (size_t)x] = true;
        }
    }
}

static int count_involvement(const rg_graph *g, const gold *gd, const long *rec_gold, const long *node_gold,
                             rg_eval *e)
{
    size_t cells = gd->n_recs * gd->n_entities + 1;
    bool *want = calloc(cells, sizeof *want);
    bool *got = calloc(cells, sizeof *got);
    int rc = want && got ? wanted_entities(gd, want) : -1;
    if (rc == 0)
        linked_entities(g, gd, rec_gold, node_gold, got);
    for (size_t k = 0; rc == 0 && k < gd->n_recs; k++) {
        if (!gd->recs[k].node)
            continue;
        long line = g->nodes[gd->recs[k].node - 1].line;
        for (size_t x = 0; x < gd->n_entities; x++) {
            bool w = want[k * gd->n_entities + x], h = got[k * gd->n_entities + x];
            if (w && h) {
                e->involvement.tp++;
            } else if (h) {
                e->involvement.fp++;
                rc |= note(&e->spurious_involvement, "line %ld: %s", line, gd->entities[x].name);
            } else if (w) {
                e->involvement.fn++;
                rc |= note(&e->missed_involvement, "line %ld: %s", line, gd->entities[x].name);
            }
        }
    }
    free(want);
    free(got);
    return rc;
}

/* node_gold: an entity node's gold entity (matched or a second node for
 * it); rec_gold: a recommendation node's gold recommendation; -1 when none. */
static int eval_graph(const rg_graph *g, const char *doc_id, gold *gd, long *node_gold, long *rec_gold, rg_eval *e)
{
    size_t *order = rg_graph_node_order(g);
    recs r = {NULL, NULL, 0};
    if (!order)
        return -1;
    int rc = match_entities(g, order, doc_id, gd, node_gold, e);
    if (rc == 0)
        rc = recs_of_doc(g, order, doc_id, &r);
    if (rc == 0)
        rc = match_recommendations(g, gd, &r, rec_gold);
    if (rc == 0)
        rc = count_recommendations(g, gd, &r, rec_gold, e);
    if (rc == 0)
        rc = count_involvement(g, gd, rec_gold, node_gold, e);
    recs_destroy(&r);
    free(order);
    return rc;
}

int rg_eval_doc(const rg_graph *g, const char *doc_id, const char *gold_path, rg_eval *e, rg_error *err)
{
    gold gd;
    if (gold_load(gold_path, &gd, err) < 0) {
        gold_destroy(&gd);
        return -1;
    }
    long *node_gold = malloc((g->n_nodes + 1) * sizeof *node_gold);
    long *rec_gold = malloc((g->n_nodes + 1) * sizeof *rec_gold);
    int rc = node_gold && rec_gold ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
        node_gold[i] = rec_gold[i] = -1;
    if (rc == 0)
        rc = eval_graph(g, doc_id, &gd, node_gold, rec_gold, e);
    free(node_gold);
    free(rec_gold);
    gold_destroy(&gd);
    return rc ? rg_error_nomem(err) : 0;
}
