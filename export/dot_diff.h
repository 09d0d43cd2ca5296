/* rg_dot_diff: the diagram of what changed between two reports (a
 * comparison, graph/analyze/compare.h) in one picture.
 *
 * Three columns, left to right: A's recommendations, the entities, B's
 * recommendations; a recommendation is linked to the drawn entities it
 * involves (leads, partners, targets, concerns, styled as in every
 * diagram), and each of B's that continues one of A's to it, the line
 * labelled carried or reworded with its score. Entities named in both
 * reports are drawn as usual, those only in A greyed and dashed, those
 * only in B outlined in red; A's dropped recommendations are greyed, B's
 * new ones highlighted. A legend says so; a caption says which reports,
 * what changed (counted) and what of it is drawn and left out.
 *
 * What is drawn, for the diagram to stay readable: the top most mentioned
 * entities of each group (both, only in A, only in B); every one of B's
 * recommendations with the one of A's it continues, and no dropped one;
 * or, with a section, the recommendations of the sections whose title
 * contains it (on either side, with their matches) and A's dropped ones
 * there.
 *
 * Ownership: everything is borrowed for the call.
 */
#ifndef RG_DOT_DIFF_H
#define RG_DOT_DIFF_H

#include "graph/analyze/compare.h"
#include "graph/base/error.h"

#include <stddef.h>

typedef struct rg_dot_diff_options {
    size_t top;          /* entities of each group drawn, by mentions; 0: RG_DOT_DIFF_TOP */
    const char *section; /* recommendations of the sections whose title contains it, or NULL: B's */
    const char *title;   /* above the caption, or NULL */
} rg_dot_diff_options;

#define RG_DOT_DIFF_TOP 8

/* Draw c into path (.dot, .gv, .svg, .png, .pdf), laid out with dot.
 * Errors: a section no recommendation of A or B is in (RG_ERR_INPUT,
 * naming the sections there are), an unknown format (RG_ERR_USAGE),
 * layout or I/O failure. */
int rg_dot_diff_render(const rg_compare *c, const char *path, const rg_dot_diff_options *o, rg_error *err);

#endif
