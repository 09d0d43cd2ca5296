/* rg_attrs: the flat attributes every export format writes for a node or a
 * link, with their types, so that GraphML, GEXF, CSV, JSON Graph Format and
 * Cytoscape.js carry the same facts under the same names.
 *
 * Lists (aliases, documents) are joined with "; "; a link's evidence is
 * given as its count and its first sentence, "doc:line: text" (a PDF's
 * adds its page: rg_evidence_line; the JSON
 * formats carry every piece of evidence as an array besides). The last
 * attribute of each list is optional (a recommendation's modality, a
 * link's inferred flag): a format declares it only for a graph that has
 * it, so that a graph without it is written as it was before it existed.
 *
 * Ownership: strings are appended to a caller's rg_buf; an rg_rows is the
 * caller's struct, rg_rows_open / rg_rows_close.
 */
#ifndef RG_ATTRS_H
#define RG_ATTRS_H

#include "graph/model/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum rg_attr_type {
    RG_ATTR_STRING,
    RG_ATTR_INT,
    RG_ATTR_DOUBLE,
    RG_ATTR_BOOL, /* default false: a format may leave false out */
} rg_attr_type;

typedef struct rg_attr_def {
    const char *name;
    rg_attr_type type;
} rg_attr_def;

/* The node attributes, in order: label, type, kind, country, aliases,
 * mentions, docs, text, doc, line, section, one per score (a number, the
 * community a whole one), then modality (optional). */
size_t rg_node_attr_count(void);
/* How many of them g needs: all, or all but modality when no node of g
 * has one. O(nodes). */
size_t rg_node_attrs_used(const rg_graph *g);
rg_attr_def rg_node_attr_def(size_t k);
/* Attribute k of n: false when n has none. A string is appended to s, a
 * number stored in *d. */
bool rg_node_attr(const rg_node *n, size_t k, rg_buf *s, double *d);

/* The link attributes: relation, key, weight, evidence_count, evidence,
 * then inferred (optional; a number 1 or 0, always present). */
size_t rg_link_attr_count(void);
/* How many of them g needs: all, or all but inferred when no link of g is
 * inferred. O(links). */
size_t rg_link_attrs_used(const rg_graph *g);
rg_attr_def rg_link_attr_def(size_t k);

/* Evidence e as one line appended to s: "doc:line: text", and for a PDF
 * "doc:line (page 14, line 6): text" (the line on that page). */
void rg_evidence_line(rg_buf *s, const rg_evidence *e);

/* Node and link order for writing: nodes by id, links by source, target and
 * relation, and each link's key (its number among the links between the
 * same two nodes). Caller frees the three arrays. */
int rg_export_order(const rg_graph *g, size_t **nodes, size_t **links, long **keys);

/* A writer of a flat format (CSV, GraphML, GEXF): the graph in writing
 * order, a line built in b and written to out by rg_rows_flush, s for one
 * value. */
typedef struct rg_rows {
    const rg_graph *g;
    size_t *nodes, *links; /* rg_export_order */
    long *keys;
    size_t node_attrs, link_attrs; /* rg_node_attrs_used, rg_link_attrs_used */
    FILE *out;
    rg_buf b, s;
    bool failed; /* a write failed */
} rg_rows;

/* 0, or -1 when out of memory (nothing to close then). */
int rg_rows_open(rg_rows *r, const rg_graph *g, FILE *out);
/* Write the line in b and empty it: false once anything has failed. */
bool rg_rows_flush(rg_rows *r);
/* Free r: 0, or the error (out of memory, or "cannot write <format>"). */
int rg_rows_close(rg_rows *r, const char *format, rg_error *err);

/* How a format writes attribute k of a node (scope 'n') or a link ('e'):
 * present says whether it has one; a string value is in s, a number in d. */
typedef void (*rg_attr_writer)(rg_buf *b, char scope, size_t k, rg_attr_type type, bool present, const rg_buf *s,
                               double d);
/* Every attribute the graph uses (r->node_attrs or r->link_attrs) of the
 * i-th node (or, when links, the i-th link) in writing order, appended to
 * r->b through put. */
void rg_rows_attrs(rg_rows *r, bool links, size_t i, rg_attr_writer put);

/* Append s to b escaped for XML text and attribute values: & < > " ' and
 * line ends as character references, other control characters dropped. */
void rg_xml_escape(rg_buf *b, const char *s);

/* Append s to b as one CSV field (RFC 4180): quoted when it holds a comma,
 * a quote or a line end, quotes doubled. */
void rg_csv_field(rg_buf *b, const char *s);

/* A number as these formats write it: integers without a point, others with
 * up to 10 significant digits. */
void rg_number(rg_buf *b, double d);

#endif
