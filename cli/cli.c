#include "cli/cli.h"

#include "config.h"

#include "export/json.h"
#include "export/snapshot.h"
#include "graph/rules/catalog.h"
#include "graph/read/doc.h"
#include "graph/model/extract.h"
#include "graph/analyze/query.h"
#include "graph/base/text.h"

#include <jansson.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int rg_cli_fail(const rg_error *err)
{
    char line[1200];
    fprintf(stderr, "relgraph: %s\n", rg_error_format(err, line, sizeof line));
    return err->code ? (int)err->code : RG_ERR_INPUT;
}

int rg_cli_usage(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("relgraph: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (try 'relgraph %s%s--help')\n", command ? command : "", command ? " " : "");
    return RG_ERR_USAGE;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *a, const char *b)
{
    rg_buf buf;
    rg_buf_init(&buf);
    rg_buf_adds(&buf, a);
    rg_buf_addc(&buf, '/');
    rg_buf_adds(&buf, b);
    return rg_buf_steal(&buf);
}

/* dir/middle/sub if it is a directory, else NULL. */
static char *existing(const char *dir, const char *middle, const char *sub)
{
    char *base = join(dir[0] ? dir : "/", middle);
    char *candidate = base ? join(base, sub) : NULL;
    free(base);
    if (candidate && is_dir(candidate))
        return candidate;
    free(candidate);
    return NULL;
}

char *rg_cli_data_dir(const char *sub)
{
    const char *env = getenv("RELGRAPH_DATA");
    if (env && *env)
        return join(env, sub);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        /* a checkout (data/ beside or above the binary), or an installed
         * tree moved elsewhere (bin/../share/relgraph) */
        for (int up = 0; up < 4; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
            char *found = existing(exe, "data", sub);
            if (!found && up == 1)
                found = existing(exe, "share/relgraph", sub);
            if (found)
                return found;
        }
    }
    return join(RG_DATADIR, sub);
}

void rg_cli_free_list(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

typedef struct list {
    char **items;
    size_t len, cap;
} list;

static int push(list *l, char *s)
{
    if (!s)
        return -1;
    if (l->len == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->items, cap * sizeof *p);
        if (!p) {
            free(s);
            return -1;
        }
        l->items = p;
        l->cap = cap;
    }
    l->items[l->len++] = s;
    return 0;
}

static bool report_name(const char *name)
{
    if (name[0] == '.' || strncmp(name, "README", 6) == 0)
        return false;
    const char *dot = strrchr(name, '.');
    if (!dot)
        return false;
    static const char *const exts[] = {".md", ".markdown", ".txt", ".text", ".html", ".htm"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (rg_strcasecmp(dot, exts[i]) == 0)
            return true;
    return false;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int scan_dir(const char *dir, list *out, rg_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return rg_error_set(err, RG_ERR_IO, dir, 0, "cannot open directory: %s", strerror(errno));
    list found = {0};
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        if (!report_name(de->d_name))
            continue;
        char *path = join(dir, de->d_name);
        if (path && is_dir(path)) {
            free(path);
            continue;
        }
        if (push(&found, path) < 0)
            rc = rg_error_nomem(err);
    }
    closedir(d);
    if (found.len > 1)
        qsort(found.items, found.len, sizeof *found.items, compare_strings);
    for (size_t i = 0; i < found.len; i++) {
        if (rc == 0 && push(out, found.items[i]) < 0)
            rc = rg_error_nomem(err);
        else if (rc != 0)
            free(found.items[i]);
    }
    free(found.items);
    if (rc == 0 && found.len == 0)
        rc = rg_error_set(err, RG_ERR_INPUT, dir, 0, "no reports (.md, .txt, .html) in directory");
    return rc;
}

int rg_cli_inputs(char **args, int n, rg_inputs *in, rg_error *err)
{
    memset(in, 0, sizeof *in);
    list paths = {0}, names = {0};
    int rc = 0;
    if (n == 0) {
        char *dir = rg_cli_data_dir("reports");
        rc = dir ? scan_dir(dir, &paths, err) : rg_error_nomem(err);
        for (size_t i = 0; rc == 0 && i < paths.len; i++) {
            const char *base = strrchr(paths.items[i], '/');
            if (push(&names, join("data/reports", base ? base + 1 : paths.items[i])) < 0)
                rc = rg_error_nomem(err);
        }
        free(dir);
    }
    for (int i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (stat(args[i], &st) != 0)
            rc = rg_error_set(err, RG_ERR_IO, args[i], 0, "cannot open: %s", strerror(errno));
        else if (S_ISDIR(st.st_mode))
            rc = scan_dir(args[i], &paths, err);
        else if (push(&paths, rg_strdup(args[i])) < 0)
            rc = rg_error_nomem(err);
        while (rc == 0 && names.len < paths.len)
            if (push(&names, rg_strdup(paths.items[names.len])) < 0)
                rc = rg_error_nomem(err);
    }
    in->paths = paths.items;
    in->names = names.items;
    in->len = paths.len;
    if (rc < 0 || names.len != paths.len) {
        rg_cli_free_list(names.items, names.len);
        rg_cli_free_list(paths.items, paths.len);
        memset(in, 0, sizeof *in);
        return -1;
    }
    return 0;
}

void rg_cli_inputs_free(rg_inputs *in)
{
    rg_cli_free_list(in->paths, in->len);
    rg_cli_free_list(in->names, in->len);
    memset(in, 0, sizeof *in);
}

int rg_cli_catalog(char **catalog_files, size_t n_catalogs, rg_catalog **cat_out, rg_extractor **x_out,
                   rg_error *err)
{
    *cat_out = NULL;
    *x_out = NULL;
    rg_catalog *cat = rg_catalog_new();
    char *cat_dir = rg_cli_data_dir("catalog");
    if (!cat || !cat_dir) {
        rg_catalog_free(cat);
        free(cat_dir);
        return rg_error_nomem(err);
    }
    int rc = rg_catalog_load_dir(cat, cat_dir, err);
    free(cat_dir);
    for (size_t i = 0; i < n_catalogs && rc == 0; i++)
        rc = rg_catalog_load_file(cat, catalog_files[i], err);
    rg_extractor *x = rc == 0 ? rg_extractor_new(cat, err) : NULL;
    if (!x) {
        rg_catalog_free(cat);
        return -1;
    }
    *cat_out = cat;
    *x_out = x;
    return 0;
}

/* Extract the documents first, first + step, ... of in into g, one at a
 * time: the corpus is never held whole. Each goes straight into g, which
 * gives the graph merging its own part would (rg_extract_doc), without
 * building the part. *failed gets the index of the document that failed. */
static int extract_some(const rg_extractor *x, const rg_inputs *in, size_t first, size_t step, rg_graph *g,
                        size_t *failed, rg_error *err)
{
    int rc = 0;
    for (size_t i = first; i < in->len && rc == 0; i += step) {
        rg_doc *doc = NULL;
        *failed = i;
        rc = rg_doc_load(in->paths[i], &doc, err);
        if (rc == 0 && strcmp(doc->path, in->names[i]) != 0) {
            free(doc->path);
            if (!(doc->path = rg_strdup(in->names[i])))
                rc = rg_error_nomem(err);
        }
        if (rc == 0)
            rc = rg_extract_doc(x, doc, g, err);
        rg_doc_free(doc);
    }
    return rc;
}

/* The map step in worker processes: worker k (1 <= k < jobs) extracts
 * documents k, k + jobs, ... into a part file, while the parent extracts
 * its own share (0, jobs, ...) straight into g; then it merges the parts.
 * Processes, not threads: Debian's igraph and the catalog's matcher are
 * shared read-only after fork, and no library's thread safety is assumed. */
static int extract_parallel(const rg_extractor *x, const rg_inputs *in, long jobs, rg_graph *g, rg_error *err)
{
    const char *tmp = getenv("TMPDIR");
    rg_buf dir;
    rg_buf_init(&dir);
    rg_buf_adds(&dir, tmp && *tmp ? tmp : "/tmp");
    rg_buf_adds(&dir, "/relgraph-XXXXXX");
    if (dir.failed)
        return rg_error_nomem(err);
    if (!mkdtemp(dir.data)) {
        int e = errno;
        rg_buf_destroy(&dir);
        return rg_error_set(err, RG_ERR_IO, NULL, 0, "cannot make a temporary directory: %s", strerror(e));
    }
    pid_t *pids = calloc((size_t)jobs, sizeof *pids);
    if (!pids) {
        rmdir(dir.data);
        rg_buf_destroy(&dir);
        return rg_error_nomem(err);
    }
    fflush(NULL);
    for (long k = 1; k < jobs; k++) {
        pid_t pid = fork();
        if (pid == 0) {
            /* the worker: its part, or the error of the document it failed on */
            char path[600];
            rg_error werr;
            rg_error_clear(&werr);
            rg_graph *part = rg_graph_new();
            size_t failed = 0;
            int rc = part ? extract_some(x, in, (size_t)k, (size_t)jobs, part, &failed, &werr) : rg_error_nomem(&werr);
            /* the part as a snapshot body: no JSON to write and parse again */
            snprintf(path, sizeof path, "%s/part-%ld.rgs", dir.data, k);
            FILE *f = rc == 0 ? fopen(path, "wb") : NULL;
            if (rc == 0 && (!f || !rg_snapshot_write_stream(part, f)))
                rc = rg_error_set(&werr, RG_ERR_IO, path, 0, "cannot write: %s", errno ? strerror(errno) : "write failed");
            if (f && fclose(f) != 0)
                rc = -1;
            if (rc < 0) {
                snprintf(path, sizeof path, "%s/error-%ld", dir.data, k);
                FILE *e = fopen(path, "wb");
                if (e) {
                    fprintf(e, "%zu\t%d\t%ld\t%ld\t%s\t%s\n", failed, (int)werr.code, werr.line, werr.column,
                            werr.file, werr.msg);
                    fclose(e);
                }
            }
            /* what the worker allocated, freed so that leak checkers see a
             * clean exit */
            rg_graph_free(part);
            free(pids);
            rg_buf_destroy(&dir);
            _exit(rc == 0 ? 0 : 1);
        }
        pids[k] = pid;
    }
    /* the parent's share, while the workers do theirs */
    size_t first_failed = (size_t)-1, failed = 0;
    int rc = extract_some(x, in, 0, (size_t)jobs, g, &failed, err);
    if (rc < 0)
        first_failed = failed;
    for (long k = 1; k < jobs; k++) {
        int status = 0;
        if (pids[k] <= 0 || waitpid(pids[k], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            rc = -1;
    }
    rg_cli_phase("extract");
    /* the error of the first document that failed, as one process would */
    for (long k = 1; k < jobs; k++) {
        char path[600], line[1600];
        snprintf(path, sizeof path, "%s/error-%ld", dir.data, k);
        FILE *e = fopen(path, "rb");
        if (!e)
            continue;
        if (fgets(line, sizeof line, e)) {
            size_t idx;
            int code;
            long l, col;
            char file[512] = "", msg[512] = "";
            if (sscanf(line, "%zu\t%d\t%ld\t%ld\t%511[^\t]\t%511[^\n]", &idx, &code, &l, &col, file, msg) >= 5 &&
                idx < first_failed) {
                first_failed = idx;
                rg_error_clear(err);
                rg_error_set(err, (rg_status)code, file, l, "%s", msg);
                if (err)
                    err->column = col;
            }
        }
        fclose(e);
        unlink(path);
    }
    if (rc < 0 && first_failed == (size_t)-1)
        rg_error_set(err, RG_ERR_IO, NULL, 0, "a worker process failed");
    for (long k = 1; k < jobs; k++) {
        char path[600];
        snprintf(path, sizeof path, "%s/part-%ld.rgs", dir.data, k);
        if (rc == 0) {
            FILE *f = fopen(path, "rb");
            rg_graph *part = f ? rg_snapshot_read_stream(f) : NULL;
            if (f)
                fclose(f);
            rc = part ? rg_graph_merge(g, part, err) : rg_error_set(err, RG_ERR_IO, path, 0, "cannot read a worker's part");
            rg_graph_free(part);
        }
        unlink(path);
    }
    rmdir(dir.data);
    rg_buf_destroy(&dir);
    free(pids);
    rg_cli_phase("merge");
    return rc;
}

int rg_cli_extract(const rg_extractor *x, const rg_inputs *in, long jobs, rg_graph **out, rg_error *err)
{
    *out = rg_graph_new();
    if (!*out)
        return rg_error_nomem(err);
    if (jobs > (long)in->len)
        jobs = (long)in->len;
    size_t failed;
    int rc = jobs > 1 ? extract_parallel(x, in, jobs, *out, err) : extract_some(x, in, 0, 1, *out, &failed, err);
    if (jobs <= 1)
        rg_cli_phase("extract");
    if (rc < 0) {
        rg_graph_free(*out);
        *out = NULL;
    }
    return rc;
}

int rg_cli_build(const rg_inputs *in, char **catalog_files, size_t n_catalogs, long jobs, rg_graph **out, rg_error *err)
{
    *out = NULL;
    rg_catalog *cat;
    rg_extractor *x;
    if (rg_cli_catalog(catalog_files, n_catalogs, &cat, &x, err) < 0)
        return -1;
    rg_cli_phase("catalog");
    rg_graph *g = NULL;
    int rc = rg_cli_extract(x, in, jobs, &g, err);
    if (rc == 0)
        rc = rg_extract_finish(x, g, err);
    rg_cli_phase("finish");
    rg_extractor_free(x);
    rg_catalog_free(cat);
    if (rc < 0) {
        rg_graph_free(g);
        return -1;
    }
    *out = g;
    return 0;
}

int rg_cli_graph(const char *graph_file, char **args, int n, rg_graph **out, rg_error *err)
{
    if (graph_file) {
        /* a big graph file loads from its snapshot while that is fresh */
        if ((*out = rg_snapshot_load(graph_file)))
            return 0;
        if (rg_json_read(graph_file, out, err) < 0)
            return -1;
        rg_snapshot_save(*out, graph_file);
        return 0;
    }
    rg_inputs in;
    if (rg_cli_inputs(args, n, &in, err) < 0)
        return -1;
    int rc = rg_cli_build(&in, NULL, 0, 1, out, err);
    rg_cli_inputs_free(&in);
    return rc;
}

static struct {
    const char *command;
    bool on;
    struct timespec t0;
} timing;

void rg_cli_timings_start(const char *command, bool on)
{
    timing.command = command;
    timing.on = on;
    clock_gettime(CLOCK_MONOTONIC, &timing.t0);
}

void rg_cli_phase(const char *name)
{
    if (!timing.on)
        return;
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - timing.t0.tv_sec) + (double)(t1.tv_nsec - timing.t0.tv_nsec) / 1e9;
    timing.t0 = t1;
    fprintf(stderr, "relgraph %s: %-12s %.2fs\n", timing.command, name, s);
}

bool rg_cli_parse_count(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return false;
    *out = v;
    return true;
}

int rg_cli_graph_names(const char *graph_file, char **args, int n, rg_graph **g, rg_names **names, rg_error *err)
{
    *g = NULL;
    *names = NULL;
    if (rg_cli_graph(graph_file, args, n, g, err) < 0)
        return -1;
    /* The catalog adds the aliases it knows ("DIU", "Pentagon") to those
     * the reports used; without it, the graph's own names still work. */
    rg_catalog *cat = rg_catalog_new();
    char *dir = rg_cli_data_dir("catalog");
    rg_error ignored;
    rg_error_clear(&ignored);
    if (cat && dir && rg_catalog_load_dir(cat, dir, &ignored) < 0) {
        rg_catalog_free(cat);
        cat = NULL;
    }
    free(dir);
    int rc = rg_names_new(*g, cat, names, err);
    if (rc < 0) {
        rg_graph_free(*g);
        *g = NULL;
    }
    return rc;
}

void rg_cli_print_evidence(const rg_link *l, int indent)
{
    if (!l->n_evidence)
        return;
    const rg_evidence *e = &l->evidence[0];
    if (strcmp(e->doc, "catalog") == 0)
        printf("%*s[from the catalog: %s]", indent, "", e->text);
    else
        printf("%*s\"%s\" [%s, line %ld]", indent, "", e->text, e->doc, e->line);
    if (l->n_evidence > 1)
        printf(" (+%zu more)", l->n_evidence - 1);
    putchar('\n');
}

bool rg_cli_same_evidence(const rg_link *a, const rg_link *b)
{
    return a && a->n_evidence && b->n_evidence && a->evidence[0].line == b->evidence[0].line &&
           strcmp(a->evidence[0].doc, b->evidence[0].doc) == 0 && strcmp(a->evidence[0].text, b->evidence[0].text) == 0;
}

const char *rg_cli_node_name(const rg_node *n, char *buf, size_t size)
{
    if (n->type == RG_TYPE_RECOMMENDATION)
        snprintf(buf, size, "%s (recommendation)", n->id);
    else
        snprintf(buf, size, "%s (%s)", n->label, rg_type_name(n->type));
    return buf;
}

int rg_cli_print_json(void *json)
{
    json_t *j = json;
    if (!j)
        return -1;
    int rc = json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) == 0 ? 0 : -1;
    putchar('\n');
    json_decref(j);
    return rc;
}

/* Are a and b the same file (both existing)? */
static bool same_file(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

int rg_cli_check_output(const char *output, char *const *inputs, size_t n, const char *graph_file, rg_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (same_file(output, inputs[i]))
            return rg_error_set(err, RG_ERR_USAGE, output, 0, "the output is one of the reports read: choose another -o");
    if (graph_file && same_file(output, graph_file))
        return rg_error_set(err, RG_ERR_USAGE, output, 0, "the output is the graph file read: choose another -o");
    return 0;
}

int rg_cli_query_options(int argc, char **argv, const char *command, const char *usage_text,
                         const char **graph_file, bool *as_json)
{
    static const struct option options[] = {
        {"graph", required_argument, NULL, 'g'},
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *graph_file = NULL;
    *as_json = false;
    int c;
    while ((c = getopt_long(argc, argv, "g:h", options, NULL)) != -1) {
        switch (c) {
        case 'g':
            *graph_file = optarg;
            break;
        case 'j':
            *as_json = true;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            return rg_cli_usage(command, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return -1;
}

static int utf8_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The first bytes of s that make at most max characters. */
static int prefix_bytes(const char *s, int max)
{
    int chars = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > max)
            break;
    }
    return i;
}

int rg_cli_label_width(const char *label)
{
    int n = utf8_chars(label);
    return n > RG_CLI_LABEL_MAX ? RG_CLI_LABEL_MAX : n;
}

void rg_cli_print_label(const char *label, int width)
{
    int chars = utf8_chars(label);
    if (chars > RG_CLI_LABEL_MAX) {
        printf("%.*s...", prefix_bytes(label, RG_CLI_LABEL_MAX - 3), label);
        chars = RG_CLI_LABEL_MAX;
    } else {
        fputs(label, stdout);
    }
    printf("%*s", width > chars ? width - chars : 0, "");
}

int rg_cli_by_score(const void *a, const void *b)
{
    const rg_cli_scored *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return strcmp(x->id, y->id);
}
