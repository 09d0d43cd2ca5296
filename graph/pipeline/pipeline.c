/* The build pipeline: catalog, extract in worker processes, merge, finish. */
/* MAP_ANONYMOUS: the progress counters the workers share */
#define _DEFAULT_SOURCE
#include "graph/pipeline/pipeline.h"

#include "export/json.h"
#include "export/snapshot.h"
#include "graph/base/file.h"
#include "graph/base/hmap.h"
#include "graph/base/sha256.h"
#include "graph/base/text.h"
#include "graph/model/extract.h"
#include "graph/read/doc.h"
#include "graph/rules/catalog.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct rg_pipeline {
    long jobs;
    rg_pipeline_phase_fn *phase;
    void *phase_ctx;
    rg_pipeline_notice_fn *notice;
    rg_pipeline_progress_fn *progress;
    rg_catalog *cat;
    rg_reader *reader; /* the catalog compiled for reading */
    char catalog_sha256[RG_SHA256_HEX]; /* of the catalog files, in order */
};

static void phase(const rg_pipeline *p, const char *name)
{
    if (p->phase)
        p->phase(p->phase_ctx, name);
}

void rg_pipeline_phase(const rg_pipeline *p, const char *name)
{
    phase(p, name);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add a catalog file's name and bytes to h. */
static int hash_catalog_file(rg_sha256 *h, const char *path, rg_error *err)
{
    char digest[RG_SHA256_HEX];
    if (rg_sha256_file(path, digest, err) < 0)
        return -1;
    rg_sha256_add(h, digest, sizeof digest);
    return 0;
}

/* The hash of the catalog files (the directory's *.json in name order, as
 * the catalog reads them, then the extra files): a graph built with
 * another catalog is rebuilt in full by an update. */
static int hash_catalog(rg_pipeline *p, const rg_pipeline_options *opts, rg_error *err)
{
    rg_sha256 h;
    rg_sha256_init(&h);
    DIR *d = opendir(opts->catalog_dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = d ? 0 : rg_error_set(err, RG_ERR_IO, opts->catalog_dir, 0, "cannot open catalog directory: %s",
                                  strerror(errno));
    for (struct dirent *de; rc == 0 && (de = readdir(d)) != NULL;) {
        size_t len = strlen(de->d_name);
        if (len < 6 || strcmp(de->d_name + len - 5, ".json") != 0 || de->d_name[0] == '.')
            continue;
        if (rg_reserve((void **)&names, &cap, n, sizeof *names) < 0 || !(names[n] = rg_strdup(de->d_name)))
            rc = rg_error_nomem(err);
        else
            n++;
    }
    if (d)
        closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n && rc == 0; i++) {
        rg_buf path;
        rg_buf_init(&path);
        rg_buf_adds(&path, opts->catalog_dir);
        rg_buf_addc(&path, '/');
        rg_buf_adds(&path, names[i]);
        rc = path.failed ? rg_error_nomem(err) : hash_catalog_file(&h, path.data, err);
        rg_buf_destroy(&path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    for (size_t i = 0; i < opts->n_catalog_files && rc == 0; i++)
        rc = hash_catalog_file(&h, opts->catalog_files[i], err);
    if (rc == 0)
        rg_sha256_hex(&h, p->catalog_sha256);
    return rc;
}

int rg_pipeline_new(const rg_pipeline_options *opts, rg_pipeline **out, rg_error *err)
{
    *out = NULL;
    rg_pipeline *p = calloc(1, sizeof *p);
    if (!p || !(p->cat = rg_catalog_new())) {
        free(p);
        return rg_error_nomem(err);
    }
    p->jobs = opts->jobs;
    p->phase = opts->phase;
    p->phase_ctx = opts->phase_ctx;
    p->notice = opts->notice;
    p->progress = opts->progress;
    int rc = rg_catalog_load_dir(p->cat, opts->catalog_dir, err);
    for (size_t i = 0; i < opts->n_catalog_files && rc == 0; i++)
        rc = rg_catalog_load_file(p->cat, opts->catalog_files[i], err);
    if (rc == 0)
        rc = hash_catalog(p, opts, err);
    if (rc < 0 || !(p->reader = rg_reader_new(p->cat, err))) {
        rg_pipeline_free(p);
        return -1;
    }
    phase(p, "catalog");
    *out = p;
    return 0;
}

const char *rg_pipeline_catalog_sha256(const rg_pipeline *p)
{
    return p->catalog_sha256;
}

void rg_pipeline_free(rg_pipeline *p)
{
    if (!p)
        return;
    rg_reader_free(p->reader);
    rg_catalog_free(p->cat);
    free(p);
}

/* Document i of in, extracted into part (made with rg_graph_new_part(g),
 * empty) with its hash and its records (what a later update needs to
 * remove it), then moved into g; part is left empty for the next. */
static int extract_one(const rg_pipeline *p, const rg_inputs *in, size_t i, rg_graph *part, rg_graph *g,
                       rg_error *err)
{
    rg_doc *doc = NULL;
    char digest[RG_SHA256_HEX];
    int rc = rg_doc_load(in->paths[i], &doc, err);
    if (rc == 0 && strcmp(doc->path, in->names[i]) != 0) {
        free(doc->path);
        if (!(doc->path = rg_strdup(in->names[i])))
            rc = rg_error_nomem(err);
    }
    if (rc == 0 && doc->notice && p->notice)
        p->notice(p->phase_ctx, in->names[i], doc->notice);
    if (rc == 0)
        rc = rg_sha256_file(in->paths[i], digest, err);
    if (rc == 0)
        rc = rg_extract_doc(p->reader, doc, part, err);
    if (rc == 0 && (!(part->docs[0].sha256 = rg_strdup(digest)) || rg_graph_expand_records(part) < 0))
        rc = rg_error_nomem(err);
    if (rc == 0)
        rc = rg_graph_absorb(g, part, err);
    rg_graph_clear(part);
    rg_doc_free(doc);
    return rc;
}

/* What the processes of one extraction have read so far, for the
 * caller's progress line: documents and bytes per process, in memory the
 * workers share with the parent (a worker writes its own slot only). */
typedef struct tracker {
    volatile unsigned long long *counts; /* [2 * jobs], or NULL: no progress */
    long jobs;
    size_t total;
    unsigned long long total_bytes;
} tracker;

static void tracker_start(const rg_pipeline *p, const rg_inputs *in, long jobs, tracker *t)
{
    *t = (tracker){NULL, jobs, in->len, 0};
    if (!p->progress)
        return;
    void *m = mmap(NULL, 2 * (size_t)jobs * sizeof *t->counts, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return; /* no progress line: nothing else changes */
    t->counts = m;
    for (size_t i = 0; i < in->len; i++) {
        struct stat st;
        if (stat(in->paths[i], &st) == 0 && st.st_size > 0)
            t->total_bytes += (unsigned long long)st.st_size;
    }
}

static void tracker_report(const rg_pipeline *p, const tracker *t)
{
    if (!t->counts)
        return;
    unsigned long long docs = 0, bytes = 0;
    for (long k = 0; k < t->jobs; k++)
        docs += t->counts[2 * k], bytes += t->counts[2 * k + 1];
    p->progress(p->phase_ctx, (size_t)docs, t->total, bytes, t->total_bytes);
}

static void tracker_stop(tracker *t)
{
    if (t->counts)
        munmap((void *)t->counts, 2 * (size_t)t->jobs * sizeof *t->counts);
    t->counts = NULL;
}

/* Extract the documents first, first + step, ... of in into g, one at a
 * time: the corpus is never held whole. A document's notice goes to the
 * caller; done[0] and done[1] count the documents and bytes read (for the
 * progress line). *failed gets the index of the document that failed. */
static int extract_some(const rg_pipeline *p, const rg_inputs *in, size_t first, size_t step, rg_graph *g,
                        size_t *failed, const tracker *t, rg_error *err)
{
    rg_graph *part = rg_graph_new_part(g);
    int rc = part ? 0 : rg_error_nomem(err);
    volatile unsigned long long *done = t->counts ? t->counts + 2 * first : NULL;
    for (size_t i = first; i < in->len && rc == 0; i += step) {
        *failed = i;
        rc = extract_one(p, in, i, part, g, err);
        if (rc == 0 && done) {
            done[0]++;
            done[1] += g->docs[g->n_docs - 1].bytes > 0 ? (unsigned long long)g->docs[g->n_docs - 1].bytes : 0;
            if (first == 0) /* the parent speaks for all */
                tracker_report(p, t);
        }
    }
    rg_graph_free(part);
    return rc;
}

/* The map step in worker processes: worker k (1 <= k < jobs) extracts
 * documents k, k + jobs, ... into a part file in a private directory,
 * while the parent extracts its own share (0, jobs, ...) straight into
 * the graph; then it merges the parts. Processes, not threads: Debian's
 * igraph and the catalog's matcher are shared read-only after fork, and
 * no library's thread safety is assumed. */
typedef struct workers {
    const rg_pipeline *pipeline;
    const rg_inputs *in;
    long jobs;
    rg_buf dir;  /* the parts and the workers' errors */
    pid_t *pids; /* [1, jobs) */
    const tracker *tracker;
} workers;

static void release(workers *w)
{
    rg_buf_destroy(&w->dir);
    free(w->pids);
}

/* The private directory under $TMPDIR and the table of workers. */
static int workers_init(workers *w, rg_error *err)
{
    const char *tmp = getenv("TMPDIR");
    rg_buf_init(&w->dir);
    rg_buf_adds(&w->dir, tmp && *tmp ? tmp : "/tmp");
    rg_buf_adds(&w->dir, "/relgraph-XXXXXX");
    w->pids = NULL;
    if (w->dir.failed)
        return rg_error_nomem(err);
    if (!mkdtemp(w->dir.data)) {
        int e = errno;
        rg_buf_destroy(&w->dir);
        return rg_error_set(err, RG_ERR_IO, NULL, 0, "cannot make a temporary directory: %s", strerror(e));
    }
    if (!(w->pids = calloc((size_t)w->jobs, sizeof *w->pids))) {
        rmdir(w->dir.data);
        rg_buf_destroy(&w->dir);
        return rg_error_nomem(err);
    }
    return 0;
}

/* A worker's job, in the child: its part as a snapshot body (no JSON to
 * write and parse again), or the error of the document it failed on. */
static int worker_job(const workers *w, long k)
{
    char path[600];
    rg_error werr;
    rg_error_clear(&werr);
    rg_graph *part = rg_graph_new();
    size_t failed = 0;
    int rc = part ? extract_some(w->pipeline, w->in, (size_t)k, (size_t)w->jobs, part, &failed, w->tracker, &werr) : rg_error_nomem(&werr);
    snprintf(path, sizeof path, "%s/part-%ld.rgs", w->dir.data, k);
    FILE *f = rc == 0 ? fopen(path, "wb") : NULL;
    if (rc == 0 && (!f || !rg_snapshot_write_stream(part, f)))
        rc = rg_error_set(&werr, RG_ERR_IO, path, 0, "cannot write: %s", errno ? strerror(errno) : "write failed");
    if (f && fclose(f) != 0 && rc == 0)
        rc = rg_error_set(&werr, RG_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    if (rc < 0) {
        snprintf(path, sizeof path, "%s/error-%ld", w->dir.data, k);
        FILE *e = fopen(path, "wb");
        if (e) {
            /* the parent is the same program: the error goes over as it is */
            fwrite(&failed, sizeof failed, 1, e);
            fwrite(&werr, sizeof werr, 1, e);
            fclose(e);
        }
    }
    rg_graph_free(part);
    return rc;
}

static void spawn(workers *w)
{
    fflush(NULL);
    for (long k = 1; k < w->jobs; k++) {
        pid_t pid = fork();
        if (pid == 0) {
            int rc = worker_job(w, k);
            /* what the worker allocated, freed so that leak checkers see
             * a clean exit */
            release(w);
            _exit(rc == 0 ? 0 : 1);
        }
        w->pids[k] = pid;
    }
}

/* Wait for every worker, telling the progress every tenth of a second;
 * -1 when one failed. */
static int wait_all(const workers *w)
{
    int rc = 0;
    for (long k = 1; k < w->jobs; k++) {
        int status = 0;
        pid_t got = -1;
        while (w->tracker->counts && w->pids[k] > 0 && (got = waitpid(w->pids[k], &status, WNOHANG)) == 0) {
            tracker_report(w->pipeline, w->tracker);
            nanosleep(&(struct timespec){0, 100000000}, NULL);
        }
        if (!w->tracker->counts && w->pids[k] > 0)
            got = waitpid(w->pids[k], &status, 0);
        if (w->pids[k] <= 0 || got < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            rc = -1;
    }
    return rc;
}

/* The error of the first document that failed in a worker, as one process
 * would report it, when it comes before *first_failed. */
static void collect_errors(const workers *w, size_t *first_failed, rg_error *err)
{
    for (long k = 1; k < w->jobs; k++) {
        char path[600];
        snprintf(path, sizeof path, "%s/error-%ld", w->dir.data, k);
        FILE *e = fopen(path, "rb");
        if (!e)
            continue;
        size_t idx;
        rg_error werr;
        if (fread(&idx, sizeof idx, 1, e) == 1 && fread(&werr, sizeof werr, 1, e) == 1 && idx < *first_failed) {
            *first_failed = idx;
            /* the earlier report's error replaces a later one: what one
             * process reading them in order would have said */
            if (err)
                *err = werr;
        }
        fclose(e);
        unlink(path);
    }
}

/* Merge the workers' parts into g in worker order (while rc is 0), and
 * remove them and the directory. */
static int merge_parts(workers *w, int rc, rg_graph *g, rg_error *err)
{
    for (long k = 1; k < w->jobs; k++) {
        char path[600];
        snprintf(path, sizeof path, "%s/part-%ld.rgs", w->dir.data, k);
        if (rc == 0) {
            FILE *f = fopen(path, "rb");
            rg_graph *part = f ? rg_snapshot_read_stream(f) : NULL;
            if (f)
                fclose(f);
            rc = part ? rg_graph_merge(g, part, err)
                      : rg_error_set(err, RG_ERR_IO, path, 0, "cannot read a worker's part");
            rg_graph_free(part);
        }
        unlink(path);
    }
    rmdir(w->dir.data);
    return rc;
}

static int extract_parallel(const rg_pipeline *p, const rg_inputs *in, long jobs, const tracker *t, rg_graph *g,
                            rg_error *err)
{
    workers w = {p, in, jobs, {0}, NULL, t};
    if (workers_init(&w, err) < 0)
        return -1;
    spawn(&w);
    /* the parent's share, while the workers do theirs */
    size_t first_failed = RG_NONE, failed = 0;
    int rc = extract_some(p, in, 0, (size_t)jobs, g, &failed, t, err);
    if (rc < 0)
        first_failed = failed;
    if (wait_all(&w) < 0)
        rc = -1;
    phase(p, "extract");
    collect_errors(&w, &first_failed, err);
    if (rc < 0 && first_failed == RG_NONE)
        rg_error_set(err, RG_ERR_IO, NULL, 0, "a worker process failed");
    rc = merge_parts(&w, rc, g, err);
    release(&w);
    phase(p, "merge");
    return rc;
}

int rg_pipeline_extract(const rg_pipeline *p, const rg_inputs *in, rg_graph **out, rg_error *err)
{
    *out = rg_graph_new();
    if (!*out)
        return rg_error_nomem(err);
    long jobs = p->jobs;
    if (jobs > (long)in->len)
        jobs = (long)in->len;
    size_t failed;
    tracker t;
    tracker_start(p, in, jobs > 1 ? jobs : 1, &t);
    int rc = jobs > 1 ? extract_parallel(p, in, jobs, &t, *out, err) : extract_some(p, in, 0, 1, *out, &failed, &t, err);
    tracker_stop(&t);
    if (jobs <= 1)
        phase(p, "extract");
    if (rc == 0 && !((*out)->catalog_sha256 = rg_strdup(p->catalog_sha256)))
        rc = rg_error_nomem(err);
    if (rc < 0) {
        rg_graph_free(*out);
        *out = NULL;
    }
    return rc;
}

int rg_pipeline_finish(const rg_pipeline *p, rg_graph *g, rg_error *err)
{
    if (rg_extract_finish(p->reader, g, err) < 0)
        return -1;
    free(g->catalog_sha256);
    if (!(g->catalog_sha256 = rg_strdup(p->catalog_sha256)))
        return rg_error_nomem(err);
    rg_graph_finish(g);
    return 0;
}

/* What merge checks as it reads the parts: which part read each report,
 * and the paths and hashes of all of them (for --expect). */
typedef struct coverage {
    rg_hmap by_id; /* document id → part */
    rg_strset paths, hashes;
    size_t problems;
    rg_pipeline_problem_fn *problem;
    void *ctx;
} coverage;

static void problem(coverage *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void problem(coverage *c, const char *fmt, ...)
{
    char line[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    c->problems++;
    if (c->problem)
        c->problem(c->ctx, line);
}

/* Note the reports part i read; a report another part read too is a
 * problem, named with both parts. */
static int cover(coverage *c, char *const *parts, size_t i, const rg_graph *part, rg_error *err)
{
    for (size_t k = 0; k < part->n_docs; k++) {
        const rg_document *d = &part->docs[k];
        size_t other;
        if (rg_hmap_get(&c->by_id, d->id, &other)) {
            problem(c, "%s: %s (%s) read twice: by %s and by %s", parts[i], d->id, d->path, parts[other], parts[i]);
            continue;
        }
        if (rg_hmap_put(&c->by_id, d->id, i) < 0 || rg_strset_add(&c->paths, d->path) < 0 ||
            (d->sha256 && rg_strset_add(&c->hashes, d->sha256) < 0))
            return rg_error_nomem(err);
    }
    return 0;
}

/* Every report of expect read by some part: its path, or else its
 * contents (a part made where the path was written otherwise). */
static int check_expected(coverage *c, const rg_inputs *expect, rg_error *err)
{
    for (size_t i = 0; expect && i < expect->len; i++) {
        char digest[RG_SHA256_HEX];
        if (rg_strset_has(&c->paths, expect->names[i]))
            continue;
        if (rg_sha256_file(expect->paths[i], digest, err) < 0)
            return -1;
        if (!rg_strset_has(&c->hashes, digest))
            problem(c, "%s: read by no part", expect->names[i]);
    }
    return 0;
}

static void coverage_destroy(coverage *c)
{
    rg_hmap_destroy(&c->by_id);
    rg_strset_destroy(&c->paths);
    rg_strset_destroy(&c->hashes);
}

int rg_pipeline_merge_checked(const rg_pipeline *p, char *const *parts, size_t n, const rg_inputs *expect,
                              rg_pipeline_problem_fn *report, void *ctx, rg_graph **out, rg_error *err)
{
    coverage c = {.problem = report, .ctx = ctx};
    rg_hmap_init(&c.by_id);
    rg_strset_init(&c.paths);
    rg_strset_init(&c.hashes);
    rg_strset none;
    rg_strset_init(&none);
    rg_graph *g = rg_graph_new();
    int rc = g ? 0 : rg_error_nomem(err);
    for (size_t i = 0; i < n && rc == 0; i++) {
        rg_graph *part = NULL;
        rc = rg_json_read(parts[i], &part, err);
        /* a merged graph merges as its parts do: its catalog links come
         * again from the whole (an agency's link to its country may go
         * where another part names its parent) */
        if (rc == 0)
            rc = rg_graph_drop_documents(part, &none, err);
        size_t before = c.problems;
        if (rc == 0)
            rc = cover(&c, parts, i, part, err);
        if (rc == 0 && c.problems == before && before == 0)
            rc = rg_graph_merge(g, part, err);
        rg_graph_free(part);
    }
    if (rc == 0)
        rc = check_expected(&c, expect, err);
    if (rc == 0 && c.problems)
        rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0, "%zu report%s read twice or by no part: nothing written",
                          c.problems, c.problems == 1 ? "" : "s");
    phase(p, "merge");
    if (rc == 0)
        rc = rg_pipeline_finish(p, g, err);
    phase(p, "finish");
    coverage_destroy(&c);
    if (rc < 0) {
        rg_graph_free(g);
        g = NULL;
    }
    *out = g;
    return rc;
}

int rg_pipeline_merge(const rg_pipeline *p, char *const *parts, size_t n, rg_graph **out, rg_error *err)
{
    return rg_pipeline_merge_checked(p, parts, n, NULL, NULL, NULL, out, err);
}

/* Does the file at path open as JSON does, with { or [ (after a byte
 * order mark and blanks)? */
static bool opens_as_json(const char *path)
{
    char head[512];
    size_t len = 0;
    FILE *f = fopen(path, "rb");
    if (f) {
        len = fread(head, 1, sizeof head, f);
        fclose(f);
    }
    size_t i = len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && strchr(" \t\r\n", head[i]))
        i++;
    return i < len && (head[i] == '{' || head[i] == '[');
}

/* A graph file that is no JSON at all is most likely a report given with
 * -g: say so, in place of the JSON parser's complaint about its first
 * byte. Returns -1. */
static int not_a_graph(const char *path, rg_error *err)
{
    rg_file_format f = rg_file_format_of(path);
    const char *what = f.kind == RG_FORMAT_JSON                          ? NULL
                       : f.kind != RG_FORMAT_NONE                        ? f.name
                       : opens_as_json(path)                             ? NULL
                       : rg_file_report_name(path)                       ? "a report"
                                                                         : "text (a report?)";
    if (!what || !err || err->code != RG_ERR_INPUT)
        return -1;
    rg_error_clear(err);
    return rg_error_set(err, RG_ERR_INPUT, path, 0,
                        "not a graph file but %s: -g takes a graph file written by relgraph build; reports are "
                        "given as arguments, without -g",
                        what);
}

int rg_pipeline_load(const char *path, rg_graph **out, rg_error *err)
{
    /* a big graph file loads from its snapshot while that is fresh */
    if ((*out = rg_snapshot_load(path)))
        return 0;
    if (rg_json_read(path, out, err) < 0)
        return not_a_graph(path, err);
    rg_snapshot_save(*out, path);
    return 0;
}

int rg_pipeline_build(const rg_pipeline *p, const rg_inputs *in, rg_graph **out, rg_error *err)
{
    *out = NULL;
    rg_graph *g = NULL;
    int rc = rg_pipeline_extract(p, in, &g, err);
    if (rc == 0)
        rc = rg_pipeline_finish(p, g, err);
    phase(p, "finish");
    if (rc < 0) {
        rg_graph_free(g);
        return -1;
    }
    *out = g;
    return 0;
}
