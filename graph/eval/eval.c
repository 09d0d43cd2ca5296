#include "graph/eval/eval.h"

#include "graph/base/hmap.h"

#include <ctype.h>
#include <errno.h>
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
    long matched; /* node index + 1, or 0 */
} gold_entity;

typedef struct gold_rec {
    long line;
    const char *text;
    json_t *names; /* agencies and programs: canonical names */
    long matched;  /* node index + 1, or 0 */
} gold_rec;

typedef struct gold {
    json_t *root;
    gold_entity *entities;
    size_t n_entities;
    gold_rec *recs;
    size_t n_recs;
    rg_hmap forms; /* normalized name or alias → entity */
} gold;

static void gold_destroy(gold *g)
{
    json_decref(g->root);
    free(g->entities);
    free(g->recs);
    rg_hmap_destroy(&g->forms);
}

static int gold_load(const char *path, gold *g, rg_error *err)
{
    memset(g, 0, sizeof *g);
    rg_hmap_init(&g->forms);
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
    g->entities = calloc(json_array_size(ents) + 1, sizeof *g->entities);
    g->recs = calloc(json_array_size(recs) + 1, sizeof *g->recs);
    if (!g->entities || !g->recs)
        return rg_error_nomem(err);
    size_t i;
    json_t *v;
    json_array_foreach(ents, i, v)
    {
        const char *name = json_string_value(json_object_get(v, "name"));
        const char *type = json_string_value(json_object_get(v, "type"));
        if (!name || !type)
            return rg_error_set(err, RG_ERR_INPUT, path, 0, "entity %zu needs \"name\" and \"type\"", i + 1);
        g->entities[g->n_entities] = (gold_entity){name, type, 0};
        if (rg_hmap_put_name(&g->forms, name, g->n_entities) < 0)
            return rg_error_nomem(err);
        size_t k;
        json_t *a;
        json_array_foreach(json_object_get(v, "aliases"), k, a)
        {
            if (json_is_string(a) && rg_hmap_put_name(&g->forms, json_string_value(a), g->n_entities) < 0)
                return rg_error_nomem(err);
        }
        g->n_entities++;
    }
    json_array_foreach(recs, i, v)
    {
        json_t *line = json_object_get(v, "line");
        const char *text = json_string_value(json_object_get(v, "text"));
        if (!json_is_integer(line) || !text)
            return rg_error_set(err, RG_ERR_INPUT, path, 0, "recommendation %zu needs \"line\" and \"text\"", i + 1);
        json_t *names = json_array();
        json_array_extend(names, json_object_get(v, "agencies"));
        json_array_extend(names, json_object_get(v, "programs"));
        json_object_set_new(v, "_names", names); /* owned by root from here */
        g->recs[g->n_recs++] = (gold_rec){(long)json_integer_value(line), text, names, 0};
    }
    return 0;
}

/* ---- matching ---- */

static bool in_doc(const rg_node *n, const char *doc_id)
{
    return rg_strset_has(&n->docs, doc_id);
}

/* The gold entity a form names, or -1. */
static long gold_of_form(const gold *g, const char *form)
{
    char *n = rg_normalize_name(form);
    size_t at;
    long r = n && rg_hmap_get(&g->forms, n, &at) ? (long)at : -1;
    free(n);
    return r;
}

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

/* Letters and digits of s, lowercase, at most max of them. */
static void squash(const char *s, char *out, size_t max)
{
    char *n = rg_normalize_name(s);
    size_t k = 0;
    for (const char *p = n ? n : ""; *p && k < max; p++)
        if (isalnum((unsigned char)*p))
            out[k++] = *p;
    out[k] = '\0';
    free(n);
}

/* The gold entity node i names, or -1, as the matching pass reads it: pass 0
 * by the node's canonical label alone, pass 1 by any of its surface forms.
 * *any tells whether some form of the node names a gold entity at all, even
 * one already matched (the node is then a second node for it). */
static long entity_of_node(const gold *gd, const rg_node *n, int pass, bool *any)
{
    long best = -1;
    if (pass == 0) {
        best = gold_of_form(gd, n->label);
        *any = best >= 0;
        if (best >= 0 && gd->entities[best].matched)
            best = -1;
        return best;
    }
    *any = gold_of_form(gd, n->label) >= 0;
    for (size_t k = 0; k < n->aliases.len && best < 0; k++) {
        long c = gold_of_form(gd, n->aliases.items[k]);
        *any |= c >= 0;
        if (c >= 0 && !gd->entities[c].matched)
            best = c;
    }
    return best;
}

/* Entities: canonical labels first, then surface forms. Fills node_gold
 * (node index → gold entity, or -1) and counts matches, types and spurious
 * nodes. */
static int match_entities(const rg_graph *g, const char *doc_id, gold *gd, long *node_gold, rg_eval *e)
{
    int rc = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        node_gold[i] = -1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < g->n_nodes; i++) {
            const rg_node *n = &g->nodes[i];
            if (!rg_type_is_entity(n->type) || !in_doc(n, doc_id) || node_gold[i] >= 0)
                continue;
            bool any = false;
            long best = entity_of_node(gd, n, pass, &any);
            if (pass == 0 && !any)
                continue;
            if (best >= 0) {
                node_gold[i] = best;
                gd->entities[best].matched = (long)i + 1;
                e->entities.tp++;
                e->types_compared++;
                if (strcmp(rg_type_name(n->type), gd->entities[best].type) == 0)
                    e->types_right++;
                else
                    rc |= note(&e->wrong_types, "%s: %s, gold says %s", n->label, rg_type_name(n->type),
                               gd->entities[best].type);
            } else if (pass == 1) {
                e->entities.fp++;
                rc |= note(&e->spurious_entities, "%s (%s)%s", n->label, rg_type_name(n->type),
                           any ? " [a second node for one entity]" : "");
            }
        }
    }
    return rc;
}

/* Recommendations: same line, and the gold's opening words within the
 * node's sentence (a sentence may begin with a fragment the annotator left
 * out, as where a hyphenated word is broken across lines). A matched
 * recommendation node's node_gold is its gold recommendation. */
static int match_recommendations(const rg_graph *g, const char *doc_id, gold *gd, long *node_gold)
{
    int rc = 0;
    for (size_t k = 0; k < gd->n_recs; k++) {
        char want[48];
        squash(gd->recs[k].text, want, 40);
        for (size_t i = 0; i < g->n_nodes && !gd->recs[k].matched; i++) {
            const rg_node *n = &g->nodes[i];
            /* a sentence may start a few lines above where the annotator
             * saw it begin, when a paragraph was broken in conversion */
            if (n->type != RG_TYPE_RECOMMENDATION || !n->doc || strcmp(n->doc, doc_id) != 0 ||
                n->line > gd->recs[k].line || n->line + 3 < gd->recs[k].line || node_gold[i] >= 0)
                continue;
            char *have = malloc(strlen(n->text ? n->text : "") + 1);
            if (!have) {
                rc = -1;
                break;
            }
            squash(n->text ? n->text : "", have, strlen(n->text ? n->text : ""));
            if (want[0] && strstr(have, want)) {
                gd->recs[k].matched = (long)i + 1;
                node_gold[i] = (long)k;
            }
            free(have);
        }
    }
    return rc;
}

/* The entities recommendation node i involves by its own sentence (leads,
 * partners, targets, concerns with evidence on its line), as gold names where they
 * match a gold entity and as labels otherwise. */
static int predicted_involvement(const rg_graph *g, size_t i, const char *doc_id, const gold *gd,
                                 const long *node_gold, rg_strset *predicted)
{
    const rg_node *n = &g->nodes[i];
    int rc = 0;
    for (size_t l = 0; l < g->n_links; l++) {
        const rg_link *lk = &g->links[l];
        if (lk->source != i || !(lk->relation == RG_REL_LEADS || lk->relation == RG_REL_PARTNERS ||
                                 lk->relation == RG_REL_TARGETS || lk->relation == RG_REL_CONCERNS))
            continue;
        bool own = false;
        for (size_t v = 0; v < lk->n_evidence; v++)
            own |= lk->evidence[v].line == n->line && strcmp(lk->evidence[v].doc, doc_id) == 0;
        if (!own)
            continue;
        long ge = node_gold[lk->target];
        rc |= rg_strset_add(predicted, ge >= 0 ? gd->entities[ge].name : g->nodes[lk->target].label);
    }
    return rc;
}

/* Involvement of one recommendation node, as sets of gold entities: counts
 * the recommendation as matched or spurious, then its involvement. */
static int score_recommendation(const rg_graph *g, size_t i, const char *doc_id, const gold *gd,
                                const long *node_gold, rg_eval *e)
{
    const rg_node *n = &g->nodes[i];
    int rc = 0;
    char where[80];
    snprintf(where, sizeof where, "line %ld", n->line);
    long k = node_gold[i];
    if (k >= 0) {
        e->recommendations.tp++;
    } else {
        e->recommendations.fp++;
        rc |= note(&e->spurious_recommendations, "%s: %.90s", where, n->text ? n->text : "");
    }
    rg_strset predicted;
    rg_strset_init(&predicted);
    rc |= predicted_involvement(g, i, doc_id, gd, node_gold, &predicted);
    rg_strset expected;
    rg_strset_init(&expected);
    size_t v;
    json_t *name;
    if (k >= 0)
        json_array_foreach(gd->recs[k].names, v, name)
        {
            if (json_is_string(name))
                rc |= rg_strset_add(&expected, json_string_value(name));
        }
    for (size_t p = 0; p < predicted.len; p++) {
        if (rg_strset_has(&expected, predicted.items[p])) {
            e->involvement.tp++;
        } else {
            e->involvement.fp++;
            rc |= note(&e->spurious_involvement, "%s: %s", where, predicted.items[p]);
        }
    }
    for (size_t p = 0; p < expected.len; p++) {
        if (!rg_strset_has(&predicted, expected.items[p])) {
            e->involvement.fn++;
            rc |= note(&e->missed_involvement, "%s: %s", where, expected.items[p]);
        }
    }
    rg_strset_destroy(&predicted);
    rg_strset_destroy(&expected);
    return rc;
}

/* What the gold has and the graph missed: entities, and recommendations
 * with all their involvement. */
static int list_misses(const gold *gd, rg_eval *e)
{
    int rc = 0;
    for (size_t k = 0; k < gd->n_entities; k++) {
        if (gd->entities[k].matched)
            continue;
        e->entities.fn++;
        rc |= note(&e->missed_entities, "%s (%s)", gd->entities[k].name, gd->entities[k].type);
    }
    for (size_t k = 0; k < gd->n_recs; k++) {
        if (gd->recs[k].matched)
            continue;
        char where[32];
        snprintf(where, sizeof where, "line %ld", gd->recs[k].line);
        e->recommendations.fn++;
        rc |= note(&e->missed_recommendations, "%s: %.90s", where, gd->recs[k].text);
        size_t v;
        json_t *name;
        json_array_foreach(gd->recs[k].names, v, name)
        {
            e->involvement.fn++;
            if (json_is_string(name))
                rc |= note(&e->missed_involvement, "%s: %s", where, json_string_value(name));
        }
    }
    return rc;
}

int rg_eval_doc(const rg_graph *g, const char *doc_id, const char *gold_path, rg_eval *e, rg_error *err)
{
    gold gd;
    if (gold_load(gold_path, &gd, err) < 0) {
        gold_destroy(&gd);
        return -1;
    }
    long *node_gold = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *node_gold);
    if (!node_gold) {
        gold_destroy(&gd);
        return rg_error_nomem(err);
    }
    int rc = match_entities(g, doc_id, &gd, node_gold, e);
    rc |= match_recommendations(g, doc_id, &gd, node_gold);
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        if (n->type == RG_TYPE_RECOMMENDATION && n->doc && strcmp(n->doc, doc_id) == 0)
            rc |= score_recommendation(g, i, doc_id, &gd, node_gold, e);
    }
    rc |= list_misses(&gd, e);
    free(node_gold);
    gold_destroy(&gd);
    return rc ? rg_error_nomem(err) : 0;
}
