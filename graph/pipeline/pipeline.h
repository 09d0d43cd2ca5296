/* rg_pipeline: the build pipeline as library functions. Gather the report
 * files, load the catalog, extract every report into a graph (the map
 * step, in worker processes), merge parts (the reduce step) and finish.
 * merge(extract(any grouping of the reports)) == build. The command line
 * and any other client call these; none of them prints or exits: progress
 * goes through the caller's phase callback, errors into an rg_error.
 *
 * Ownership: rg_pipeline_inputs fills a caller-owned rg_inputs that
 * rg_pipeline_inputs_free releases; rg_pipeline_new returns a pipeline
 * the caller frees with rg_pipeline_free; every rg_graph ** out is a new
 * graph the caller frees. Options, file names and catalog files are
 * borrowed for the call; the pipeline keeps the number of jobs and the
 * phase callback, with the catalog it loaded.
 */
#ifndef RG_PIPELINE_H
#define RG_PIPELINE_H

#include "graph/base/error.h"
#include "graph/model/model.h"

#include <stddef.h>

/* Report files to read, in order. */
typedef struct rg_inputs {
    char **paths; /* to open */
    char **names; /* to record in the graph: as given, or default_name/<file>
                     for the default corpus, the same on every machine */
    size_t len;
    char **skipped; /* what the directories held besides reports, one note
                       per kind and directory: "skipped 2 files in DIR that
                       are not reports: a.pdf (PDF), b.docx (Word)" */
    size_t n_skipped;
} rg_inputs;

/* Report files named by args (files as given, directories scanned for
 * .md, .markdown, .txt, .text, .html and .htm files in name order), or,
 * when n is 0, the reports in default_dir, recorded as
 * default_name/<file> (with no default_dir: RG_ERR_USAGE).
 *
 * A file of a format relgraph cannot read (rg_file_format_of: PDF, Word,
 * images, JSON, ...) given by name is an error (RG_ERR_INPUT) that names
 * its format and what relgraph reads. In a directory, such files, files
 * of other names and subdirectories (not searched) are skipped and named
 * in in->skipped; hidden files and READMEs are left out without a note. */
int rg_pipeline_inputs(char *const *args, size_t n, const char *default_dir, const char *default_name,
                       rg_inputs *in, rg_error *err);
void rg_pipeline_inputs_free(rg_inputs *in);

/* Called as each phase ends ("catalog", "extract", "merge", "finish"),
 * so that a caller can time them. */
typedef void rg_pipeline_phase_fn(void *ctx, const char *phase);

/* Called for a report read other than its file name says (rg_doc's
 * notice: "read as Markdown ..."), with the name it is recorded under; in
 * the worker process that reads it, so notices come in no fixed order. */
typedef void rg_pipeline_notice_fn(void *ctx, const char *name, const char *notice);

/* Called as the extraction goes (after each report the calling process
 * reads, and every tenth of a second while it waits for the workers):
 * reports and bytes read so far by all processes, and in all. */
typedef void rg_pipeline_progress_fn(void *ctx, size_t done, size_t total, unsigned long long bytes,
                                     unsigned long long total_bytes);

typedef struct rg_pipeline_options {
    const char *catalog_dir;     /* the built-in catalog */
    char *const *catalog_files;  /* added to it, in order */
    size_t n_catalog_files;
    long jobs;                   /* worker processes for extract (<= 1: this one) */
    rg_pipeline_phase_fn *phase; /* may be NULL */
    void *phase_ctx;             /* for phase and notice */
    rg_pipeline_notice_fn *notice; /* may be NULL */
    rg_pipeline_progress_fn *progress; /* may be NULL */
} rg_pipeline_options;

typedef struct rg_pipeline rg_pipeline;

/* Load the catalog (catalog_dir, then catalog_files) and compile it for
 * reading (graph/rules/reader.h). Reports the "catalog" phase. */
int rg_pipeline_new(const rg_pipeline_options *opts, rg_pipeline **out, rg_error *err);
void rg_pipeline_free(rg_pipeline *p);

/* The map step: extract every report of in into one partial graph, one
 * document at a time, in opts->jobs worker processes; the parts travel as
 * snapshots and merge in worker order. Not finished: the catalog's links
 * and the order of the evidence come with rg_pipeline_finish (a part
 * written as it is wants rg_graph_finish). On error, the error of the
 * first report that failed, as one process would report it. */
int rg_pipeline_extract(const rg_pipeline *p, const rg_inputs *in, rg_graph **out, rg_error *err);

/* Add the catalog's links and finish g (rg_graph_finish: evidence sorted
 * once, before any writer or query reads it). */
int rg_pipeline_finish(const rg_pipeline *p, rg_graph *g, rg_error *err);

/* The reduce step: read the part files (graph files made by extract),
 * merge them in order and finish the graph. */
int rg_pipeline_merge(const rg_pipeline *p, char *const *parts, size_t n, rg_graph **out, rg_error *err);

/* Called with each problem merge finds, one line each. */
typedef void rg_pipeline_problem_fn(void *ctx, const char *line);

/* rg_pipeline_merge that cannot lose a report in silence: a report (by
 * id) that two parts read is a problem naming it and both parts; with
 * expect, a report of it that no part read (by path, else by content
 * hash) is one too. Each goes to report; when there is any, the result
 * is an error (RG_ERR_INPUT) counting them, and no graph. A part may be
 * a merged graph: a tree of merges gives the bytes of one merge. */
int rg_pipeline_merge_checked(const rg_pipeline *p, char *const *parts, size_t n, const rg_inputs *expect,
                              rg_pipeline_problem_fn *report, void *ctx, rg_graph **out, rg_error *err);

/* Read a graph file: from its snapshot while that is fresh, else the JSON
 * (keeping a snapshot of a big one for the next time). A file that is no
 * JSON at all (a report, a PDF, ...) is an error (RG_ERR_INPUT) that says
 * it is not a graph file and that reports are given as arguments. */
int rg_pipeline_load(const char *path, rg_graph **out, rg_error *err);

/* Build a graph from report files: extract, finish. */
int rg_pipeline_build(const rg_pipeline *p, const rg_inputs *in, rg_graph **out, rg_error *err);

/* Tell p's phase callback that the phase name has ended (update.c's). */
void rg_pipeline_phase(const rg_pipeline *p, const char *name);

/* The hash of the catalog files p was made with (64 hex digits). */
const char *rg_pipeline_catalog_sha256(const rg_pipeline *p);

/* What an update did (graph/pipeline/update.c). */
typedef struct rg_update_summary {
    size_t added, changed, removed, unchanged;
    size_t moved; /* of the unchanged, given by another path (same file
                     name and contents): their path is updated */
    char rebuild[300]; /* why the graph was built in full instead, or "" */
} rg_update_summary;

/* Bring the graph file at graph_path up to date with the reports of in,
 * the complete current set: a report whose path and content hash
 * (sha256) the graph has is kept as it is (one of the same file name
 * and contents under another path too, with its new path); the
 * documents of the graph
 * that in no longer has, or has with other contents, are removed
 * (rg_graph_drop_documents); the new and changed reports are extracted
 * and merged; the graph is finished. The result is byte for byte the
 * graph rg_pipeline_build makes of in. A graph written by another
 * version of relgraph or with other catalog files, or none at
 * graph_path, is built in full instead, and sum->rebuild says why.
 * O(reports' bytes to hash + graph + new reports). */
int rg_pipeline_update(const rg_pipeline *p, const rg_inputs *in, const char *graph_path, rg_graph **out,
                       rg_update_summary *sum, rg_error *err);

#endif
