/* The two reports a comparison reads (compare, render --compare): two
 * reports of one graph (-g, the reports given, ./graph.json or the
 * default corpus), named by report id (with or without "report:"), path,
 * file name or file name without extension; or two graph files of one
 * report each.
 *
 * Ownership: the graphs are the caller's (rg_graph_free both, NULL or
 * not); the sides point into them. */
#ifndef RG_CLI_COMPARE_SIDES_H
#define RG_CLI_COMPARE_SIDES_H

#include "graph/analyze/compare.h"

/* names[0] and names[1]: A and B. A name that is no report of the graph
 * is a usage error listing the graph's reports. */
int rg_cli_compare_sides(const char *graph_file, char **names, char **reports, int n_reports, rg_graph **ga,
                         rg_graph **gb, rg_compare_side *sa, rg_compare_side *sb, rg_error *err);

#endif
