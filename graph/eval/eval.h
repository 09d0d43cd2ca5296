/* rg_eval: how well a built graph matches a hand annotation of a report.
 *
 * The gold file is the schema of ../shared/gold/README.md: the entities a
 * report names (name, type, aliases) and its recommendations (line, the
 * first words of the text, and the actors, agencies and programs each one
 * involves). rg_eval_doc compares one document of a graph with it:
 *
 * - entities: a node matches a gold entity when its label or one of its
 *   surface forms is the gold name or one of the gold aliases (compared
 *   without case, with punctuation normalized). Canonical names are paired
 *   first, then surface forms. A second node for an entity already matched
 *   is a false positive: one body, one node.
 * - type accuracy: over matched entities, the share whose type agrees.
 * - recommendations: same line, and the node's text begins with the gold
 *   text (normalized).
 * - involvement: over all recommendations, the entities a recommendation's
 *   own sentence names as leading, partnering or concerned (links whose
 *   evidence is that sentence); a lead inferred from a list's lead-in is
 *   extra and not counted. Entities are compared through the entity match.
 *
 * Ownership: rg_eval_doc fills a caller-owned rg_eval, released with
 * rg_eval_destroy.
 */
#ifndef RG_EVAL_H
#define RG_EVAL_H

#include "graph/base/error.h"
#include "graph/model/model.h"
#include "graph/base/text.h"

typedef struct rg_eval_count {
    long tp, fp, fn;
} rg_eval_count;

typedef struct rg_eval {
    rg_eval_count entities, recommendations, involvement;
    long types_right, types_compared;
    /* readable lists for the analyst: what was missed, what was spurious */
    rg_strset missed_entities, spurious_entities, wrong_types;
    rg_strset missed_recommendations, spurious_recommendations;
    rg_strset missed_involvement, spurious_involvement;
} rg_eval;

void rg_eval_init(rg_eval *e);
void rg_eval_destroy(rg_eval *e);

/* Compare the document doc_id of g with the gold file; adds to e, so that
 * several documents can be totalled. */
int rg_eval_doc(const rg_graph *g, const char *doc_id, const char *gold_path, rg_eval *e, rg_error *err);

/* Precision, recall and F1 of a count (1 when there is nothing to find and
 * nothing was found). */
double rg_eval_precision(rg_eval_count c);
double rg_eval_recall(rg_eval_count c);
double rg_eval_f1(rg_eval_count c);

#endif
