/* rg_dot: diagrams. The model becomes a cgraph graph (shape and colour by
 * node type, edge style by relation, a legend), written as DOT or laid out
 * and rendered by gvc (SVG, PNG, PDF) without running the dot program.
 *
 * What a diagram draws: actors, agencies, programs and recommendations,
 * linked by leads, partners, targets, concerns, part_of and member_of (a
 * role whose party the sentence does not name, inferred, dashed and
 * lighter; the legend says so); reports and their `contains` links, and
 * co-mentions, are left out so that the structure shows; nodes left with
 * no link are not drawn. The agencies projection draws actors and
 * agencies alone, linked when they share recommendations (as leads,
 * partners or targets), the link as thick as their number. A DOT export
 * (rg_dot_write_file) carries every node and link.
 *
 * Labels are wrapped; a recommendation shows its first words, its tooltip
 * (SVG) the whole sentence, report, line and modality. DOT output carries
 * a recommendation's modality and (the export) a link's inferred flag as
 * attributes besides. Names are escaped for DOT and for Graphviz's label
 * escapes.
 *
 * Ownership: the graph and the options are borrowed for the call; nothing
 * of Graphviz outlives it.
 */
#ifndef RG_DOT_H
#define RG_DOT_H

#include "graph/base/error.h"
#include "graph/analyze/analyze.h"
#include "graph/model/model.h"

#include <stdbool.h>

typedef enum rg_cluster {
    RG_CLUSTER_NONE,
    RG_CLUSTER_COUNTRY,
    RG_CLUSTER_COMMUNITY, /* by scores[RG_SCORE_COMMUNITY] */
} rg_cluster;

typedef struct rg_dot_options {
    const char *layout; /* dot, neato, fdp, sfdp, circo; NULL chooses by size and clusters */
    rg_cluster cluster;
    int size_by;        /* an rg_score that sizes nodes, or -1 */
    rg_view_kind view;  /* RG_VIEW_FULL: the model's links; agencies or entities:
                         * the projection, entities linked by shared recommendations */
    const char *title;  /* drawn above the diagram, or NULL */
    const char *note;   /* what was selected and why, said under the title, or NULL;
                         * the caption adds what is drawn and what is not */
    unsigned relations; /* bit (1 << relation) per relation drawn; 0: the default ones */
} rg_dot_options;

/* Write the diagram of g (finished: a link's tooltip is its first
 * evidence) to path. The format comes from the extension:
 * .dot or .gv (DOT, not laid out), .svg, .png, .pdf. Errors: unknown
 * extension (RG_ERR_USAGE), layout or render failure, I/O. */
int rg_dot_render(const rg_graph *g, const char *path, const rg_dot_options *opts, rg_error *err);

/* Whether rg_dot_render would draw a link of g with opts: the links of the
 * relations asked (or its default ones), or in a view the pairs of
 * entities that share a recommendation. */
bool rg_dot_draws_a_link(const rg_graph *g, const rg_dot_options *opts);

/* The format rg_dot_render would use for path, or NULL. */
const char *rg_dot_format(const char *path);

/* Every node and link of g as DOT (the export format). */
int rg_dot_write_file(const rg_graph *g, const char *path, rg_error *err);

#endif
