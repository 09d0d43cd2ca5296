/* rg_timeline: each entity across three or more dated reports.
 *
 * The reports of a graph that carry a date, in date order (an ISO date
 * sorts as text; equal dates by id); for each entity (actor, agency,
 * program) named in one of them, the reports that name it, with its
 * mentions there and its centrality: PageRank on the entities view of
 * that report alone (its own nodes and links), ranked by rg_order (ties
 * share a rank). Its move is its rank in the first report that ranks it
 * less its rank in the last (positive: it rose), defined when two reports
 * rank it.
 *
 * Ownership: rg_timeline_new returns a result the caller frees with
 * rg_timeline_free; its strings point into the graph, which must outlive
 * it. */
#ifndef RG_TIMELINE_H
#define RG_TIMELINE_H

#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stdbool.h>
#include <stddef.h>

/* Fewer dated reports than this is an error: two are a comparison. */
#define RG_TIMELINE_MIN_REPORTS 3

typedef struct rg_timeline_report {
    const char *id, *date;
} rg_timeline_report;

typedef struct rg_timeline_cell {
    long mentions; /* 0: the report does not name it */
    size_t rank;   /* 1-based; 0: not in that report's view */
    double score;  /* NaN when not ranked */
} rg_timeline_cell;

typedef struct rg_timeline_entity {
    const char *id, *label;
    rg_node_type type;
    size_t n_reports;        /* how many of the dated reports name it */
    long mentions;           /* in all of them */
    rg_timeline_cell *cells; /* one per report, in date order */
    bool moved;              /* two reports rank it: move is defined */
    long move;
} rg_timeline_entity;

typedef struct rg_timeline {
    rg_timeline_report *reports; /* in date order */
    size_t n_reports;
    size_t undated; /* the graph's reports left out: no date */
    rg_timeline_entity *entities; /* most reports first, then most mentions, then id */
    size_t n_entities;
} rg_timeline;

/* The timeline of g. Errors: fewer than RG_TIMELINE_MIN_REPORTS dated
 * reports (RG_ERR_INPUT: the message counts the dated and undated ones),
 * igraph failures, out of memory. O(R (n + m)) for R reports, n nodes, m
 * links, and the PageRank of each report's view. */
int rg_timeline_new(const rg_graph *g, rg_timeline **out, rg_error *err);
void rg_timeline_free(rg_timeline *t);

/* The entities ranked in two reports or more, largest |move| first (then
 * most mentions, then id), at most top (0: all) of them, into order
 * (indexes into t->entities, room for t->n_entities); how many. */
size_t rg_timeline_movers(const rg_timeline *t, size_t top, size_t *order);

#endif
