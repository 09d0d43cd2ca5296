/* rg_explore: the explorer, one self-contained HTML page.
 *
 * The page (export/explore/explore.html, .css, .js and the graph library,
 * export/explore/vendor/cytoscape.min.js, compiled into the binary by the
 * Makefile as build/.../explore_assets.h, so that nothing is read at run
 * time) draws the graph with Cytoscape.js at positions computed here, with
 * Graphviz (neato, or sfdp on big graphs, a fixed seed: the same graph
 * gives the same picture). With the nodes come the measures the page
 * sizes them by and their communities (Leiden on the entities view, as
 * `relgraph communities --view entities` finds them). Reports and their
 * `contains` links are left out; every other node and link is in the page
 * with its evidence (each sentence and document written once, cited by
 * number), so that it works from file:// with no network; the page
 * relgraph serve serves leaves the evidence out and fetches it from the
 * server's API when a link, a node or a path is opened.
 *
 * Everything from a document enters the page as JSON inside a
 * <script type="application/json"> element, with '<', '>' and '&' written
 * as \u escapes, so that no text can close the element or open a comment;
 * the title is HTML-escaped. The page's script inserts text with
 * textContent only.
 *
 * Ownership: the graph and the options are borrowed for the call.
 */
#ifndef RG_EXPLORE_H
#define RG_EXPLORE_H

#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct rg_explore_options {
    rg_score size_by;  /* the measure that sizes nodes (not the community) */
    const char *title; /* the page's title, or NULL for a default one */
    const struct rg_catalog *catalog; /* its aliases of the nodes (acronyms) are
                                       * searched too; may be NULL */
    bool evidence_on_demand;          /* the links without their evidence, which
                                       * the page asks /api/evidence and /api/node
                                       * for (relgraph serve's page) */
} rg_explore_options;

/* Write the explorer page of g (finished) to file (rg_output_write: the
 * file is whole or untouched). The measure is taken from the nodes'
 * scores when the graph file has it, else computed on the whole graph.
 * Errors: layout failure (RG_ERR_INPUT), out of memory, I/O. */
int rg_explore_write_file(const rg_graph *g, const char *file, const rg_explore_options *opts, rg_error *err);

/* The nodes of the view the page's communities are found on (the entities
 * view): Leiden stops after its first passes when there are more than
 * RG_LEIDEN_SETTLE_NODES (rg_communities_bounded), as `relgraph
 * communities --view entities` does. O(n). */
size_t rg_explore_community_nodes(const rg_graph *g);

/* The same page written to out (serve keeps it in memory). */
int rg_explore_write(const rg_graph *g, FILE *out, const rg_explore_options *opts, rg_error *err);

/* Write s to out as the text of an HTML element or attribute: &, <, >, "
 * and ' escaped. */
void rg_explore_html_escape(FILE *out, const char *s);

/* Write the JSON text json to out so that it can sit inside a <script>
 * element: '<', '>' and '&' (which JSON only has inside strings) as
 * \u003c, \u003e, \u0026. */
void rg_explore_script_json(FILE *out, const char *json);

#endif
