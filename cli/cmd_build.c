/* relgraph build: reports in, graph file out. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json_file.h"
#include "graph/base/fanout.h"
#include "graph/read/doc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const rg_options_usage usage = {"build", 19, true,
    "usage: relgraph build [-o graph.json] [--catalog FILE]... [-j N] [--date FILE=DATE]... [-v]\n"
    "                      [FILE|DIR ...]\n\n"
    "Read the reports (the default corpus when none is given, said on stderr),\n"
    "find the actors, agencies, programs and recommendations they name, and write\n"
    "the graph file (node-link JSON, every link with its evidence sentence).\n\n"
    "Reports are PDF, Markdown, HTML or plain text. A directory gives its PDFs\n"
    "and its .md, .markdown, .txt, .text, .html and .htm files in name order; its\n"
    "other files and subdirectories (not searched) are skipped and named on\n"
    "stderr, hidden files and READMEs silently. A Word, OpenDocument, RTF, EPUB,\n"
    "spreadsheet, slides, image, archive or JSON file given by name is an error\n"
    "(exit 1) naming its format, told by its first bytes as well as its name:\n"
    "convert it to text or Markdown first (pandoc). A PDF's evidence gives its\n"
    "page and the line on that page.\n\n"
    "Each report is dated from its text (a dateline such as \"March 15, 2023\"\n"
    "or \"2023-04-26\" near the top, else a heading near the top ending in a\n"
    "year), as precisely as it says, or by --date; a report with no date is\n"
    "named on stderr and its date left out of the graph file.\n\n"};

int cmd_build(int argc, char **argv)
{
    const char *output = "graph.json";
    rg_option_list catalogs = {0};
    rg_option_list dates = {0};
    long jobs = rg_fanout_cores();
    bool timings = false, verbose = false;
    const rg_option options[] = {
        RG_OPT_STRING('o', "output", &output, "FILE", "where to write the graph (default: graph.json)"),
        RG_OPT_LIST(0, "catalog", &catalogs, "FILE", "add the names of a catalog file to the built-in catalog"),
        RG_OPT_COUNT('j', "jobs", &jobs, "N",
                     "extract in N worker processes (default: the number of\n"
                     "cores); the graph is the same for every N"),
        RG_OPT_DATE(&dates),
        RG_OPT_SET(0, "timings", &timings, "the time of each phase on stderr"),
        RG_OPT_SET('v', "verbose", &verbose, RG_CLI_VERBOSE_HELP),
        RG_OPT_END,
    };
    int status = rg_options_parse(&usage, options, argc, argv);
    if (status >= 0)
        return status;
    rg_doc_set_verbose(verbose);
    rg_error err;
    rg_error_clear(&err);
    rg_inputs in = {0};
    rg_graph *g = NULL;
    rg_cli_timings_start("build", timings);
    int rc = rg_cli_inputs(argv + optind, argc - optind, &in, &err);
    if (rc == 0)
        rc = rg_cli_check_output(output, in.paths, in.len, "reports", NULL, &err);
    if (rc == 0)
        rc = rg_cli_check_output(output, catalogs.items, catalogs.len, "catalog files", NULL, &err);
    if (rc == 0)
        rc = rg_cli_build(&in, catalogs.items, catalogs.len, jobs, &g, &err);
    if (rc == 0)
        rc = rg_cli_dates(g, &dates, &err);
    if (rc == 0)
        rc = rg_json_write_file(output, g, NULL, &err);
    rg_cli_phase("write");
    if (rc == 0)
        rg_cli_wrote(output, g);
    else
        status = rg_cli_fail(&err);
    rg_cli_keep_until_exit(g);
    rg_pipeline_inputs_free(&in);
    free(catalogs.items);
    free(dates.items);
    rg_cli_phase("free");
    return rc == 0 ? 0 : status;
}
