/* rg_timeline: each entity across dated reports (timeline.h). */
#include "graph/analyze/timeline.h"

#include "graph/analyze/analyze.h"
#include "graph/analyze/order.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int by_date(const void *x, const void *y)
{
    const rg_timeline_report *a = x, *b = y;
    int c = strcmp(a->date, b->date);
    return c ? c : strcmp(a->id, b->id);
}

static long mentions_in(const rg_node *n, const char *doc)
{
    for (size_t k = 0; k < n->doc_mentions.len; k++)
        if (strcmp(n->doc_mentions.keys[k], doc) == 0)
            return n->doc_mentions.counts[k];
    return 0;
}

static int by_presence(const void *x, const void *y)
{
    const rg_timeline_entity *a = x, *b = y;
    if (a->n_reports != b->n_reports)
        return a->n_reports > b->n_reports ? -1 : 1;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* rank[node] of every entity in the entities view of report doc (0: not
 * in it), score[node] its PageRank there. */
static int rank_report(const rg_graph *g, const char *doc, size_t *rank, double *score, rg_scored *rows,
                       rg_error *err)
{
    rg_view_options vo = {RG_VIEW_ENTITIES, doc, false};
    rg_view *v = NULL;
    rg_measure_options mo = {0};
    int rc = rg_view_new(g, &vo, &v, err);
    if (rc == 0)
        rc = rg_view_measure(v, RG_SCORE_PAGERANK, &mo, score, err);
    rg_view_free(v);
    size_t n = 0;
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++) {
        rank[i] = 0;
        if (rg_type_is_entity(g->nodes[i].type) && isfinite(score[i]))
            rows[n++] = (rg_scored){.node = i, .score = score[i]};
    }
    if (rc == 0)
        rg_order_scores(g, rows, n);
    for (size_t k = 0; rc == 0 && k < n; k++)
        rank[rows[k].node] = rows[k].rank;
    return rc;
}

static int too_few(const rg_graph *g, size_t dated, rg_error *err)
{
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0,
                        "a timeline needs %d dated reports or more; the graph has %zu dated and %zu undated (%zu "
                        "in all): date them with build --date FILE=YYYY-MM-DD",
                        RG_TIMELINE_MIN_REPORTS, dated, g->n_docs - dated, g->n_docs);
}

/* The entities named in a dated report, with their cells. */
static int fill_entities(const rg_graph *g, rg_timeline *t, size_t *slot)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        slot[i] = RG_NONE;
        const rg_node *node = &g->nodes[i];
        bool named = false;
        for (size_t r = 0; rg_type_is_entity(node->type) && r < t->n_reports && !named; r++)
            named = mentions_in(node, t->reports[r].id) > 0 || rg_strset_has(&node->docs, t->reports[r].id);
        if (named)
            slot[i] = n++;
    }
    t->entities = calloc(n ? n : 1, sizeof *t->entities);
    if (!t->entities)
        return -1;
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (slot[i] == RG_NONE)
            continue;
        rg_timeline_entity *e = &t->entities[t->n_entities++];
        *e = (rg_timeline_entity){.id = g->nodes[i].id, .label = g->nodes[i].label, .type = g->nodes[i].type};
        if (!(e->cells = calloc(t->n_reports, sizeof *e->cells)))
            return -1;
        for (size_t r = 0; r < t->n_reports; r++) {
            e->cells[r] = (rg_timeline_cell){mentions_in(&g->nodes[i], t->reports[r].id), 0, NAN};
            e->n_reports += rg_strset_has(&g->nodes[i].docs, t->reports[r].id);
            e->mentions += e->cells[r].mentions;
        }
    }
    return 0;
}

/* Each report's ranks into the cells; then each entity's move. */
static int fill_ranks(const rg_graph *g, rg_timeline *t, const size_t *slot, rg_error *err)
{
    size_t *rank = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *rank);
    double *score = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *score);
    rg_scored *rows = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *rows);
    int rc = rank && score && rows ? 0 : rg_error_nomem(err);
    for (size_t r = 0; rc == 0 && r < t->n_reports; r++) {
        rc = rank_report(g, t->reports[r].id, rank, score, rows, err);
        for (size_t i = 0; rc == 0 && i < g->n_nodes; i++)
            if (slot[i] != RG_NONE && rank[i]) {
                t->entities[slot[i]].cells[r].rank = rank[i];
                t->entities[slot[i]].cells[r].score = score[i];
            }
    }
    for (size_t k = 0; rc == 0 && k < t->n_entities; k++) {
        rg_timeline_entity *e = &t->entities[k];
        size_t first = RG_NONE, last = RG_NONE;
        for (size_t r = 0; r < t->n_reports; r++)
            if (e->cells[r].rank) {
                first = first == RG_NONE ? r : first;
                last = r;
            }
        if (first != RG_NONE && last != first) {
            e->moved = true;
            e->move = (long)e->cells[first].rank - (long)e->cells[last].rank;
        }
    }
    free(rank);
    free(score);
    free(rows);
    return rc;
}

int rg_timeline_new(const rg_graph *g, rg_timeline **out, rg_error *err)
{
    *out = NULL;
    rg_timeline *t = calloc(1, sizeof *t);
    if (!t || !(t->reports = calloc(g->n_docs ? g->n_docs : 1, sizeof *t->reports))) {
        free(t);
        return rg_error_nomem(err);
    }
    for (size_t i = 0; i < g->n_docs; i++) {
        if (g->docs[i].date)
            t->reports[t->n_reports++] = (rg_timeline_report){g->docs[i].id, g->docs[i].date};
        else
            t->undated++;
    }
    if (t->n_reports < RG_TIMELINE_MIN_REPORTS) {
        size_t dated = t->n_reports;
        rg_timeline_free(t);
        return too_few(g, dated, err);
    }
    qsort(t->reports, t->n_reports, sizeof *t->reports, by_date);
    size_t *slot = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *slot);
    int rc = slot && fill_entities(g, t, slot) == 0 ? 0 : rg_error_nomem(err);
    if (rc == 0)
        rc = fill_ranks(g, t, slot, err);
    free(slot);
    if (rc < 0) {
        rg_timeline_free(t);
        return -1;
    }
    qsort(t->entities, t->n_entities, sizeof *t->entities, by_presence);
    *out = t;
    return 0;
}

void rg_timeline_free(rg_timeline *t)
{
    if (!t)
        return;
    for (size_t k = 0; k < t->n_entities; k++)
        free(t->entities[k].cells);
    free(t->entities);
    free(t->reports);
    free(t);
}

/* qsort has no context: each row carries what it is sorted by. */
typedef struct mover {
    long size, mentions;
    const char *id;
    size_t entity;
} mover;

static int by_size(const void *x, const void *y)
{
    const mover *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->id, b->id);
}

size_t rg_timeline_movers(const rg_timeline *t, size_t top, size_t *order)
{
    mover *m = malloc((t->n_entities ? t->n_entities : 1) * sizeof *m);
    if (!m)
        return 0;
    size_t n = 0;
    for (size_t k = 0; k < t->n_entities; k++)
        if (t->entities[k].moved)
            m[n++] = (mover){labs(t->entities[k].move), t->entities[k].mentions, t->entities[k].id, k};
    qsort(m, n, sizeof *m, by_size);
    if (top && n > top)
        n = top;
    for (size_t k = 0; k < n; k++)
        order[k] = m[k].entity;
    free(m);
    return n;
}
