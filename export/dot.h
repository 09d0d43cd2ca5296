/* rg_dot: diagrams. The model becomes a cgraph graph (shape and colour by
 * node type, a legend), which is written as DOT or laid out and rendered
 * by gvc (SVG, PNG, PDF) without running the dot program.
 *
 * What is drawn: actors, agencies, programs and recommendations, linked by
 * leads, partners, concerns, part_of and member_of. Reports and their
 * `contains` links, and co_mentioned links, are left out: they would tie
 * every node to every other and hide the structure. Nodes left with no link
 * are not drawn.
 */
#ifndef RG_DOT_H
#define RG_DOT_H

#include "graph/error.h"
#include "graph/model.h"

typedef struct rg_render_options {
    const char *layout; /* gvc engine: dot, neato, fdp, sfdp, circo; NULL chooses by size */
} rg_render_options;

/* Write the diagram of g to path. The format comes from the extension:
 * .dot or .gv (DOT, not laid out), .svg, .png, .pdf. The file is written
 * to a temporary name and renamed into place. Errors: unknown extension
 * (RG_ERR_USAGE), layout or render failure, I/O. */
int rg_render_file(const rg_graph *g, const char *path, const rg_render_options *opts, rg_error *err);

/* The format rg_render_file would use for path, or NULL. */
const char *rg_render_format(const char *path);

#endif
