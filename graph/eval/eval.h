/* rg_eval: how well a built graph matches a hand annotation of a report.
 *
 * The gold file is the schema of ../shared/gold/README.md: the entities a
 * report names (name, type, aliases) and its recommendations (line, the
 * first words of the text, and the actors, agencies and programs each one
 * involves). rg_eval_doc compares one document of a graph with it and
 * counts exactly what the reference scorer ../shared/gold/score.py counts
 * on the graph file of that document alone (names and texts compared as
 * its norm() does: rg_eval_normalize, graph/eval/normalize.h):
 *
 * - entities: the actor, agency and program nodes of the document, in id
 *   order (the graph file's order). A node matches the first gold entity
 *   still free that its label or one of its aliases names (the gold name or
 *   an alias); a node that names only entities already matched is a second
 *   node for one entity, a false positive; a node that names none is a
 *   false positive; a gold entity no node matched is a false negative.
 * - type accuracy: over matched entities, the share whose type agrees.
 * - recommendations: a recommendation node of the document is a candidate
 *   for a gold one when the gold's first 40 characters (normalized) stand
 *   in its sentence, or the sentence's first 40 in the gold text, and its
 *   line is within 3 lines of the gold line. Matching is one to one: the
 *   nearest line first, then the gold opening nearest the sentence's start,
 *   then gold and node order; a gold left over then takes a candidate from
 *   another gold that can move to a third (augmenting paths: the largest
 *   matching).
 * - involvement: on matched recommendations only, the gold entities linked
 *   to the recommendation node by any relation in either direction (through
 *   the nodes matched to them, second nodes included) against the gold's
 *   agencies and programs. Links marked inferred (a party the sentence does
 *   not name) are left out.
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
