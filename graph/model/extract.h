/* rg_extract: from one loaded report to a partial graph.
 *
 * The model stage of extraction: graph/rules reads every sentence of the
 * report's body (graph/rules/context.h: its mentions, whether it is a
 * recommendation, the role of each mention); this turns each reading into
 * nodes and links. It adds the entities named, recommendation nodes for
 * directive sentences ("X should ...", imperative items under a
 * "recommends that ...:" lead-in), links each recommendation to who
 * leads it, who partners in it and what programs it concerns, and links
 * entities named in one sentence (co_mentioned). Every link carries the
 * sentence as evidence.
 *
 * Extraction is a pure function of one document and the catalog: documents
 * can be extracted in any order, in other processes, and merged
 * (rg_graph_merge). Links that come from the catalog rather than the text
 * (part_of, member_of) are added once at the end by rg_extract_finish.
 *
 * Ownership: the reader (graph/rules/reader.h: the catalog compiled for
 * reading) is borrowed for the call; every string g keeps is copied in.
 */
#ifndef RG_EXTRACT_H
#define RG_EXTRACT_H

#include "graph/model/model.h"
#include "graph/read/doc.h"
#include "graph/rules/reader.h"

/* Add what doc says to g: a new, empty graph (a part), or one that holds
 * other documents already, with the same result as merging doc's part
 * into it (labels, kinds and countries keep the smallest value, counts,
 * aliases, evidence and weights add up). A document g holds already is
 * refused (RG_ERR_INPUT). */
int rg_extract_doc(const rg_reader *r, const rg_doc *doc, rg_graph *g, rg_error *err);

/* Add the catalog's links (agency part_of its country or parent body,
 * member_of) between nodes the graph already holds. Run once, after the
 * last merge. */
int rg_extract_finish(const rg_reader *r, rg_graph *g, rg_error *err);

#endif
