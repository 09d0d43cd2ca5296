/* relgraph build: reports in, graph file out. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/json_file.h"
#include "export/snapshot.h"
#include "graph/base/fanout.h"
#include "graph/read/doc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const rg_options_usage usage = {"build", 19, true,
    "usage: relgraph build [-o graph.json] [--catalog FILE]... [-j N] [--date FILE=DATE]... [-v]\n"
    "                      [--update graph.json] [FILE|DIR ...]\n\n"
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
    "named on stderr and its date left out of the graph file.\n\n"
    "--update GRAPH brings GRAPH up to date with the reports given, the complete\n"
    "current set: only new reports and reports whose contents changed (sha256)\n"
    "are read, and what removed ones gave is taken out; the file written is the\n"
    "one a full build writes. A graph of another relgraph version or other\n"
    "catalog files is built in full, said on stderr.\n\n"
    "On a terminal, a line on stderr tells the progress of a long build (reports\n"
    "read, MB/s, time left); it is cleared at the end, and never written to a\n"
    "file or a pipe.\n\n"};

/* The progress line: on a terminal only, from a second into the build,
 * five times a second at most, overwritten in place and cleared at the
 * end. */
typedef struct progress {
    struct timespec start;
    double last;
    int width; /* of the line shown, 0 when none */
} progress;

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void show_progress(void *ctx, size_t done, size_t total, unsigned long long bytes,
                          unsigned long long total_bytes)
{
    progress *pr = ctx;
    double t = since(&pr->start);
    if (t < 1.0 || t - pr->last < 0.2 || done >= total)
        return;
    pr->last = t;
    double rate = (double)bytes / t; /* bytes a second */
    char left[32] = "?";
    if (rate > 0 && total_bytes >= bytes) {
        long s = (long)((double)(total_bytes - bytes) / rate + 0.5);
        if (s >= 60)
            snprintf(left, sizeof left, "%ldm%02lds", s / 60, s % 60);
        else
            snprintf(left, sizeof left, "%lds", s);
    }
    char line[160];
    int n = snprintf(line, sizeof line, "relgraph: build: %zu of %zu reports read, %.1f MB/s, %s left", done, total,
                     rate / 1e6, left);
    fprintf(stderr, "\r%s%*s", line, pr->width > n ? pr->width - n : 0, "");
    if (n > pr->width)
        pr->width = n;
    fflush(stderr);
}

static void clear_progress(progress *pr)
{
    if (pr->width)
        fprintf(stderr, "\r%*s\r", pr->width, "");
    pr->width = 0;
}

int cmd_build(int argc, char **argv)
{
    const char *output = "graph.json";
    rg_option_list catalogs = {0};
    rg_option_list dates = {0};
    long jobs = rg_fanout_cores();
    bool timings = false, verbose = false;
    const char *update = NULL;
    const rg_option options[] = {
        RG_OPT_STRING('o', "output", &output, "FILE", "where to write the graph (default: graph.json)"),
        RG_OPT_LIST(0, "catalog", &catalogs, "FILE", "add the names of a catalog file to the built-in catalog"),
        RG_OPT_COUNT('j', "jobs", &jobs, "N",
                     "extract in N worker processes (default: the number of\n"
                     "cores); the graph is the same for every N"),
        RG_OPT_DATE(&dates),
        RG_OPT_SET(0, "timings", &timings, "the time of each phase on stderr"),
        RG_OPT_STRING(0, "update", &update, "GRAPH",
                      "read only the reports new or changed since GRAPH was\n"
                      "built, drop the removed ones' share; the same bytes as a full build"),
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
    progress pr = {{0, 0}, 0, 0};
    clock_gettime(CLOCK_MONOTONIC, &pr.start);
    bool on_terminal = isatty(STDERR_FILENO) && !rg_options_quiet();
    rg_pipeline *p = NULL;
    if (rc == 0)
        rc = rg_cli_pipeline_progress(catalogs.items, catalogs.len, jobs, on_terminal ? show_progress : NULL, &pr, &p,
                                      &err);
    if (rc == 0 && update) {
        rg_update_summary sum;
        rc = rg_pipeline_update(p, &in, update, &g, &sum, &err);
        clear_progress(&pr);
        if (rc == 0 && sum.rebuild[0])
            rg_cli_note("update: %s: built in full from %zu report%s", sum.rebuild, in.len, in.len == 1 ? "" : "s");
        else if (rc == 0 && sum.moved)
            rg_cli_note("update: %zu report%s new, %zu changed, %zu removed, %zu unchanged (%zu of them given by "
                        "another path, which the graph now records)",
                        sum.added, sum.added == 1 ? "" : "s", sum.changed, sum.removed, sum.unchanged, sum.moved);
        else if (rc == 0)
            rg_cli_note("update: %zu report%s new, %zu changed, %zu removed, %zu unchanged", sum.added,
                        sum.added == 1 ? "" : "s", sum.changed, sum.removed, sum.unchanged);
    } else if (rc == 0) {
        rc = rg_pipeline_build(p, &in, &g, &err);
    }
    clear_progress(&pr);
    rg_pipeline_free(p);
    if (rc == 0)
        rc = rg_cli_dates(g, &dates, &err);
    if (rc == 0)
        rc = rg_json_write_file(output, g, NULL, &err);
    rg_cli_phase("write");
    /* the next update reads the graph from its snapshot, not the JSON */
    if (rc == 0 && update) {
        rg_snapshot_save(g, output);
        rg_cli_phase("snapshot");
    }
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
