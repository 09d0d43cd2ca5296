/* What the diagrams of export/ share (rg_dot, rg_dot_diff): the styles of
 * node types and relations, Graphviz-escaped text, an empty diagram with
 * the common attributes, and writing a diagram to a file.
 *
 * Ownership: strings returned by rg_dot_text are the caller's to free; a
 * diagram from rg_dot_new_diagram is closed with agclose by the caller. */
#ifndef RG_DOT_INTERNAL_H
#define RG_DOT_INTERNAL_H

#include "export/dot.h"
#include "graph/base/text.h"

#include <cgraph.h>

/* A node type's shape and fill colour, a relation's line style and
 * colour, as every diagram draws them. */
const char *rg_dot_type_shape(rg_node_type t);
const char *rg_dot_type_fill(rg_node_type t);
const char *rg_dot_relation_style(rg_relation r);
const char *rg_dot_relation_color(rg_relation r);

/* s with its backslashes doubled (Graphviz reads them as escapes) and
 * line ends made spaces, wrapped at about width characters ("\n"; 0:
 * never). NULL when out of memory. */
char *rg_dot_text(const char *s, size_t width);

/* s as HTML text for an HTML-like label, broken into lines (<BR/>) of
 * about width characters at spaces. */
void rg_dot_add_html(rg_buf *out, const char *s, size_t width);

/* Set an attribute of a graph, node or edge of a diagram: 0, or -1. */
int rg_dot_set(void *obj, const char *name, const char *value);

/* The diagram's caption at its top: the title (NULL: none) in large type,
 * then the lines of text ("\n"-separated), each wrapped, in small type.
 * 0, or -1 when out of memory. */
int rg_dot_set_caption(Agraph_t *ag, const char *title, const rg_buf *text);

/* An empty diagram with the attributes every one has (fonts, overlap
 * removal, a fixed seed) and objects numbered in creation order, so that
 * the same input gives the same bytes. NULL when out of memory. */
Agraph_t *rg_dot_new_diagram(const rg_dot_options *opts);

/* Write ag to file, in the format of its extension: DOT as it stands, or
 * laid out with engine and rendered. Written to a temporary file and
 * renamed into place. */
int rg_dot_output(Agraph_t *ag, const char *file, const char *engine, rg_error *err);

#endif
