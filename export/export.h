/* rg_export: the graph in the formats other tools read.
 *
 *   json       node-link JSON, the graph file (export/json.h)
 *   jgf        JSON Graph Format v2 (jsongraphformat.info)
 *   cytoscape  Cytoscape JSON (.cyjs: Cytoscape desktop, Cytoscape.js, NetworkX)
 *   graphml    GraphML with typed attribute keys (NetworkX, igraph, Gephi, yEd)
 *   gexf       GEXF 1.2draft (Gephi)
 *   csv        nodes.csv and edges.csv in a directory
 *   dot        Graphviz DOT, built with cgraph
 * JSON is written with jansson, DOT with cgraph; the XML formats escape
 * every value. Every file is written to a temporary name and renamed. All
 * orders are sorted: the same graph gives the same bytes.
 *
 * Ownership: the graph and the options are borrowed for the call.
 */
#ifndef RG_EXPORT_H
#define RG_EXPORT_H

#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stdio.h>

typedef enum rg_format {
    RG_FORMAT_JSON,
    RG_FORMAT_JGF,
    RG_FORMAT_CYTOSCAPE,
    RG_FORMAT_GRAPHML,
    RG_FORMAT_GEXF,
    RG_FORMAT_CSV,
    RG_FORMAT_DOT,
    RG_FORMAT__COUNT
} rg_format;

/* The format named s, or -1. */
int rg_format_parse(const char *s);

typedef struct rg_export_options {
    const char *links_key; /* json: "links" (default) or "edges" */
} rg_export_options;

/* Write g in format f to path (for csv: a directory, made if missing,
 * holding nodes.csv and edges.csv). */
int rg_export_file(const rg_graph *g, rg_format f, const char *path, const rg_export_options *opts, rg_error *err);

/* The writers, to an open stream. Like rg_export_file they only read g,
 * which is finished (rg_graph_finish): evidence is written in the order
 * the graph holds it. */
int rg_jgf_write(const rg_graph *g, FILE *out, rg_error *err);
int rg_cytoscape_write(const rg_graph *g, FILE *out, rg_error *err);
int rg_graphml_write(const rg_graph *g, FILE *out, rg_error *err);
int rg_gexf_write(const rg_graph *g, FILE *out, rg_error *err);
int rg_csv_write_nodes(const rg_graph *g, FILE *out, rg_error *err);
int rg_csv_write_edges(const rg_graph *g, FILE *out, rg_error *err);

#endif
