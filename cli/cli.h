/* What the relgraph subcommands share: error reporting, the default data
 * directory, the pipeline (graph/pipeline) with the data directory's
 * catalog, getting a graph either from a saved file (-g) or by building it
 * from reports, the start of a query, option callbacks and printing
 * helpers. The CLI is a client of librelgraph like any other; only it
 * prints and picks exit codes.
 *
 * Ownership: returned strings and graphs are the caller's (free them);
 * rg_cli_query_close frees what rg_cli_query_open got. */
#ifndef RG_CLI_H
#define RG_CLI_H

#include "cli/filters.h"
#include "cli/options.h"
#include "graph/analyze/analyze.h"
#include "graph/base/error.h"
#include "graph/model/model.h"
#include "graph/pipeline/pipeline.h"

#include <stdbool.h>

/* Print err as "relgraph: error: ..." on stderr; return its exit code. */
int rg_cli_fail(const rg_error *err);

/* "relgraph: ..." and a newline on stderr, unless -q: a note of what was
 * read, skipped or written (nothing misleads in silence). */
void rg_cli_note(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Say, when rg_communities_bounded holds, that Leiden on the view named
 * view (of view_nodes nodes) stops after its first passes rather than when
 * it settles. */
void rg_cli_note_leiden_bound(const char *view, size_t view_nodes, rg_community_method method, int passes);

/* Report files named by args (see rg_pipeline_inputs), or the default
 * corpus (the data directory's reports, recorded as data/reports/<file>,
 * the same on every machine) when there are none, noted on stderr; the
 * files that directories held besides reports are noted too. Free with
 * rg_pipeline_inputs_free. */
int rg_cli_inputs(char **args, int n, rg_inputs *in, rg_error *err);

/* The pipeline with the data directory's catalog plus catalog_files, its
 * phases timed by rg_cli_phase. */
int rg_cli_pipeline(char **catalog_files, size_t n_catalogs, long jobs, rg_pipeline **out, rg_error *err);
/* The same, with a progress callback and its context. */
int rg_cli_pipeline_progress(char **catalog_files, size_t n_catalogs, long jobs, rg_pipeline_progress_fn *progress,
                             void *ctx, rg_pipeline **out, rg_error *err);

/* Build a graph from report files (rg_pipeline_build with the data
 * directory's catalog plus catalog_files), in jobs processes. */
int rg_cli_build(const rg_inputs *in, char **catalog_files, size_t n_catalogs, long jobs, rg_graph **out,
                 rg_error *err);

/* The graph file a command given neither -g nor reports reads when the
 * current directory has one: what build writes by default. */
#define RG_CLI_GRAPH_FILE "graph.json"

/* RG_CLI_GRAPH_FILE when it exists in the current directory (parent
 * directories are not searched), else NULL. */
const char *rg_cli_implicit_graph(void);

/* The graph a command works on: the graph file if given; else built from
 * the report arguments; else ./graph.json when it exists (read as -g
 * reads it, snapshot and all); else built from the default corpus. The
 * last two are noted on stderr. -g and reports both given is a usage
 * error. */
int rg_cli_graph(const char *graph_file, char **args, int n, rg_graph **out, rg_error *err);

/* The data directory's catalog, or NULL when it cannot be read (names
 * are then the graph's own). The caller frees it. */
struct rg_catalog;
struct rg_catalog *rg_cli_catalog(void);

/* The graph a query works on and the index of its names (with the
 * catalog's aliases when the catalog can be read). */
struct rg_names;
int rg_cli_graph_names(const char *graph_file, char **args, int n, rg_graph **g, struct rg_names **names,
                       rg_error *err);

/* Print one piece of evidence as '"sentence" [doc, line N]' (a PDF's:
 * '[doc, page P, line N]', rg_cli_where) after indent
 * spaces; "(+k more)" when the link has more. */
void rg_cli_print_evidence(const rg_link *l, int indent);

/* Where a sentence is in its report, in buf: "line 231", or for a PDF
 * (page not 0) "page 14, line 6", the line on that page. */
const char *rg_cli_where(long line, int page, int page_line, char *buf, size_t size);

/* rg_cli_where for recommendation node i of g. */
const char *rg_cli_node_where(const rg_graph *g, size_t i, char *buf, size_t size);

/* The evidence of l in a list after prev (NULL at a group's start):
 * "(the same sentence)" when prev opens with the same one. */
void rg_cli_print_evidence_after(const rg_link *prev, const rg_link *l, int indent);

/* How rg_cli_print_links lays out the links of a node: the indent of a
 * relation's heading (after a blank line), whether it gives the group's
 * size, the indent of a link's line and of its evidence, whether a weight
 * other than 1 is shown, and what to print after each link (or NULL). */
typedef struct rg_cli_links_style {
    int heading_indent;
    bool counts;
    int indent, evidence_indent;
    bool weights;
    void (*after)(const rg_graph *g, size_t node, size_t other);
} rg_cli_links_style;

/* The links of node, grouped by relation as rg_query_neighbors returns
 * them: each as "-> label (type)" (or "<-"; "(inferred)" after an
 * inferred link), then its evidence. */
void rg_cli_print_links(const rg_graph *g, size_t node, const size_t *links, size_t n,
                        const rg_cli_links_style *style);

/* Labels in aligned tables: the columns a label takes (counting
 * characters, at most RG_CLI_LABEL_MAX), and the label printed in width
 * columns, cut with "..." when longer than RG_CLI_LABEL_MAX. */
enum { RG_CLI_LABEL_MAX = 60 };
int rg_cli_label_width(const char *label);
void rg_cli_print_label(const char *label, int width);

/* "label (type)" of a node, into buf. */
const char *rg_cli_node_name(const rg_node *n, char *buf, size_t size);

/* Print a jansson value to stdout, indented, and free it. 0 or -1. */
int rg_cli_print_json(void *json);

/* Refuse (RG_ERR_USAGE) an output that is one of the inputs: -o report.md
 * report.md would destroy what it reads. what names the inputs in the
 * message ("reports", "catalog files", "parts"); with no graph_file and no
 * inputs, the command reads ./graph.json if there is one: that is checked.
 * Returns 0 or -1. */
int rg_cli_check_output(const char *output, char *const *inputs, size_t n, const char *what, const char *graph_file,
                        rg_error *err);

/* What a query command works on: the graph file given with -g (its
 * options table points at graph_file), the graph, the index of its names
 * and the nodes the first arguments name. */
typedef struct rg_cli_query {
    rg_error err; /* for the command's own calls */
    const char *graph_file;
    rg_graph *g;
    struct rg_names *names;
    size_t nodes[2];
} rg_cli_query;

/* The start of a query command: parse argv by opts, check that the first
 * n_args arguments are there (else the usage error need, "show needs a
 * name"), and get the graph, from q->graph_file or from the reports after
 * those arguments. resolve: -1, no index of names; 0, the index; 1 or 2,
 * also the nodes the first arguments name, into q->nodes. Returns -1 to
 * go on (optind the first argument), else the exit status (all freed). */
int rg_cli_query_open(const rg_options_usage *u, const rg_option *opts, int argc, char **argv, int n_args,
                      const char *need, int resolve, rg_cli_query *q);
void rg_cli_query_close(rg_cli_query *q);

/* The options of extract and merge: -o (required), --catalog, -j, each
 * with the command's help line (jobs_help NULL: accepted, not listed).
 * Parses argv and checks that -o and the files to read are there;
 * returns as rg_options_parse: -1 to go on (optind the first file, the
 * caller frees catalogs.items). */
typedef struct rg_cli_map_reduce {
    const char *output;
    rg_option_list catalogs;
    long jobs;
    bool verbose;
    rg_option_list dates; /* --date FILE=DATE, when dates is true */
} rg_cli_map_reduce;

/* -v, --verbose of the commands that read reports */
#define RG_CLI_VERBOSE_HELP "let poppler's own warnings about a PDF (\"Syntax\nWarning: ...\") through to stderr"

/* verbose_help NULL: no -v, --verbose (merge reads no PDF); dates false:
 * no --date (merge reads the dates of its parts). */
int rg_cli_parse_map_reduce(const rg_options_usage *u, const char *output_help, const char *catalog_help,
                            const char *jobs_help, const char *verbose_help, bool dates, int argc, char **argv,
                            rg_cli_map_reduce *a);

/* --date FILE=DATE of build and extract: the date of a report whose text
 * gives none, or a correction of the one it gives. */
#define RG_OPT_DATE(value)                                                                                           \
    RG_OPT_LIST(0, "date", value, "FILE=DATE",                                                                        \
                "the date of report FILE (its path or file name), ISO\n"                                              \
                "8601: 2020-11-03, 2020-11 or 2020; what a dateline or a\n"                                            \
                "heading near the top gives is used otherwise")

/* Set the dates --date gives (usage error: no such report, no date), then
 * say on stderr which reports are still undated. */
int rg_cli_dates(rg_graph *g, const rg_option_list *dates, rg_error *err);

/* "relgraph: wrote FILE: N nodes, N links from N reports" on stderr. */
void rg_cli_wrote(const char *output, const rg_graph *g);

/* The options every query shares: the graph file, JSON output. */
#define RG_OPT_GRAPH(value)                                                                                          \
    RG_OPT_STRING('g', "graph", value, "FILE",                                                                        \
                  "the graph file written by relgraph build (default: build\n"                                        \
                  "from the reports given; with none, ./graph.json when it\n"                                         \
                  "exists, else the default corpus)")
#define RG_OPT_JSON(value) RG_OPT_SET(0, "json", value, "print JSON")

/* Option callbacks for the names the library parses; each value is an
 * int * (-1 until given): a type (rg_type_parse), a relation
 * (rg_relation_parse). */
int rg_cli_option_type(const char *command, char *arg, void *value);
int rg_cli_option_relation(const char *command, char *arg, void *value);
/* A view (value: rg_view_kind *), and a measure (value: int *, an
 * rg_score other than the community). */
int rg_cli_option_view(const char *command, char *arg, void *value);
int rg_cli_option_measure(const char *command, char *arg, void *value);


/* Phase timings on stderr for --timings: rg_cli_timings_start names the
 * command and starts the clock (printing only when on); each
 * rg_cli_phase prints the time since the previous one, "relgraph build:
 * extract 1.23s", so that like can be compared with like. */
void rg_cli_timings_start(const char *command, bool on);
void rg_cli_phase(const char *name);

/* The graph a command built, left to the end of the process instead of
 * freed: freeing a large graph block by block costs a twentieth of a
 * build, and the kernel takes its pages back at once. It stays reachable
 * (from here), so leak checkers do not count it. For a command that
 * returns to main right after. */
void rg_cli_keep_until_exit(rg_graph *g);

#endif
