/* rg_compare: what changed between two reports, A (earlier) and B (later).
 *
 * - Entities (actors, agencies, programs) named in both, only in A, only
 *   in B, with their mentions in each.
 * - Recommendations matched: each of B's against its closest of A's (one of
 *   A's may continue into several of B's), by a similarity of two halves:
 *     words    TF-IDF cosine over normalised words (lower case, stop words
 *              out, a plural's s dropped), IDF over the recommendations of
 *              both reports;
 *     parties  the Jaccard overlap of the entities both involve (leads,
 *              partners, targets, programs concerned).
 *   score = RG_COMPARE_WORDS_WEIGHT * words + (1 - it) * parties. The match
 *   is carried when its words are >= RG_COMPARE_CARRIED (the same
 *   commitment in largely the same words), reworded when its score is >=
 *   RG_COMPARE_REWORDED, else B's recommendation is new. A's
 *   recommendations that no carried or reworded one matches are dropped.
 *   The thresholds were chosen on two hand-made keys (README: compare
 *   says how and what they give).
 * - Centrality shifts: a measure on the same view of each report (its own
 *   nodes and links), for every actor and agency in either; ranks by
 *   rg_order; largest movers first.
 *
 * A and B may live in one graph or in two (two graph files): entities and
 * parties are matched by id.
 *
 * Ownership: rg_compare_new returns a result the caller frees with
 * rg_compare_free; it points into the graphs (node indexes), which must
 * outlive it. */
#ifndef RG_COMPARE_H
#define RG_COMPARE_H

#include "graph/analyze/analyze.h"
#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stdbool.h>
#include <stddef.h>

/* Chosen on two hand-made keys, the Quad statements of 2021
 * (../shared/compare) and the default corpus's 2020 and 2023 reports
 * (tests/compare), by a grid over W 0..1, C 0.30..0.95, R 0.05..0.55
 * (tests/compare/score_key.py --sweep) for the mean, over the keys, of
 * pair F1 and label accuracy: the best point of both together is the best
 * of the Quad key alone. Words alone (W 1) reach a pair F1 of 0.48 and
 * 0.22, parties alone 0.24 and 0.13 (README: compare). */
#define RG_COMPARE_WORDS_WEIGHT 0.8
#define RG_COMPARE_CARRIED 0.55
#define RG_COMPARE_REWORDED 0.15

typedef enum rg_compare_label {
    RG_COMPARE_LABEL_CARRIED,
    RG_COMPARE_LABEL_REWORDED,
    RG_COMPARE_LABEL_NEW,
} rg_compare_label;

/* "carried over", "reworded", "new" (word: "carried", "reworded", "new"). */
const char *rg_compare_label_name(rg_compare_label l);
const char *rg_compare_label_word(rg_compare_label l);

typedef struct rg_compare_side {
    const rg_graph *g;
    const char *doc; /* the report's id in g */
} rg_compare_side;

typedef struct rg_compare_entity {
    const char *id;
    const char *label;
    rg_node_type type;
    size_t a, b;          /* the node in A's and B's graph, RG_NONE when not named there */
    long mentions_a, mentions_b;
} rg_compare_entity;

typedef struct rg_compare_match {
    size_t b;       /* B's recommendation (node of B's graph) */
    size_t a;       /* its closest of A's, RG_NONE when A has none */
    double words, parties, score;
    rg_compare_label label;
} rg_compare_match;

typedef struct rg_compare_shift {
    const char *id;
    const char *label;
    rg_node_type type;
    double score_a, score_b; /* NaN when not in that report's view */
    size_t rank_a, rank_b;   /* 1-based, 0 when not ranked there */
} rg_compare_shift;

typedef struct rg_compare_options {
    rg_view_kind view;     /* default RG_VIEW_AGENCIES */
    rg_score measure;      /* default RG_SCORE_PAGERANK */
    double words_weight, carried, reworded; /* the RG_COMPARE_ defaults */
} rg_compare_options;

void rg_compare_defaults(rg_compare_options *o);

typedef struct rg_compare {
    rg_compare_side a, b;
    rg_compare_entity *entities; /* by type, then id */
    size_t n_entities;
    rg_compare_match *matches;   /* B's recommendations in line order */
    size_t n_matches;
    size_t *dropped;             /* A's recommendations no match continues, in line order */
    size_t n_dropped;
    size_t n_recs_a;
    rg_compare_shift *shifts;    /* largest movers first */
    size_t n_shifts;
} rg_compare;

int rg_compare_new(const rg_compare_side *a, const rg_compare_side *b, const rg_compare_options *o, rg_compare **out,
                   rg_error *err);
void rg_compare_free(rg_compare *c);

/* The similarity's parts, for tests and tools: the word vectors of texts. */
typedef struct rg_compare_words rg_compare_words;
/* TF-IDF vectors of n texts, IDF over the n. NULL when out of memory. */
rg_compare_words *rg_compare_words_new(const char *const *texts, size_t n);
/* Cosine of texts i and j, 0..1. */
double rg_compare_words_cosine(const rg_compare_words *w, size_t i, size_t j);
void rg_compare_words_free(rg_compare_words *w);

/* Jaccard overlap of two sets of ids (each sorted by strcmp, no repeats);
 * 0 when both are empty. */
double rg_compare_jaccard(const char *const *a, size_t na, const char *const *b, size_t nb);

#endif
