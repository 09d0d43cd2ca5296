/* The filters of the query commands (--type, --country, --doc, --section,
 * --modality, --relation), checked in one place: a filter that matches
 * nothing is an error (RG_ERR_INPUT, exit 1) that names the filter and the
 * nearest values the graph has, before anything is printed or written; so
 * is a combination of filters that each match something but together
 * nothing. A value outside a closed list (an unknown type, relation or
 * modality) is a usage error (exit 2) when the options are parsed.
 *
 * --country takes an ISO 3166-1 alpha-2 code in any case ("kr"), or a
 * country's name or alias as the graph's country nodes or the catalog's
 * countries spell them, hyphens for spaces ("South Korea", "South-Korea",
 * "Republic of Korea", "ROK"); it becomes the code.
 *
 * Ownership: the strings a check puts into a filter (the country code, the
 * report id) are the graph's; the graph must outlive the filter. */
#ifndef RG_CLI_FILTERS_H
#define RG_CLI_FILTERS_H

#include "cli/options.h"
#include "export/dot.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/query.h"
#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stddef.h>

/* What a diagram or an export keeps (render, export, find). Each filter
 * of f that is given is checked against g alone: types (bits), country
 * (resolved to its code, into f->country), doc (an id, a path, a file
 * name or the id without "report:", in any case; into f->doc as the
 * report's id), section, modalities; and draw's relations (render
 * --relation), that some link has one. Then *part is the copy of g that f
 * keeps (rg_query_filter): it must hold a node, else the error names the
 * filters that together keep nothing; and for a diagram (draw not NULL)
 * a link render draws (as export/dot.c chooses them). focus (or NULL)
 * names the node g is the part around, for the messages. 0, or -1 with
 * err set. */
int rg_cli_filter_graph(const rg_graph *g, rg_filter *f, const rg_dot_options *draw, const char *focus,
                        rg_graph **part, rg_error *err);

/* The same for a command that works on the part of a graph the filters
 * keep (export --modality, find --type --modality): *g replaced by it.
 * Nothing to do when no filter is given. */
int rg_cli_filter_narrow(rg_graph **g, rg_filter *f, rg_error *err);

/* The filters of rank: the view ranked (its doc set from doc), the rows
 * listed (type, or -1; country, as given, then its code), the part of the
 * graph measured (modalities). */
typedef struct rg_cli_rows {
    rg_view_options *view;
    int type;
    const char *country;
    const char *doc;
    unsigned modalities;
} rg_cli_rows;

/* Check rank's filters against g, each alone; some node of the view must
 * pass --type and --country. *part: NULL, or with --modality the part of
 * g to measure (the caller frees it; the strings put into rows are then
 * its own). */
int rg_cli_filter_rows(const rg_graph *g, rg_cli_rows *rows, rg_graph **part, rg_error *err);

/* neighbors, when no link of node passes type (-1: any) and relation
 * (-1: any): an error when the graph has no node of the type or no link
 * of the relation, or when the node has other links (it says what they
 * are); else (no filter, or a node without links) 0: "0 links" is the
 * answer. */
int rg_cli_filter_no_neighbors(const rg_graph *g, size_t node, int type, int relation, rg_error *err);

/* --modality LIST: comma-separated names of the graph format's closed list
 * (should, must, ..., recommend), each a bit (1 << rg_modality) of
 * *(unsigned *)value; an unknown name is a usage error that lists the
 * valid ones. */
int rg_cli_option_modality(const char *command, char *arg, void *value);
#define RG_OPT_MODALITY(value, help) RG_OPT_CALLBACK(0, "modality", value, "LIST", help, rg_cli_option_modality)

#endif
