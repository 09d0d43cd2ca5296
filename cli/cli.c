#include "cli/cli.h"

#include "config.h"

#include "graph/rules/catalog.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/query.h"
#include "graph/base/fanout.h"
#include "graph/base/file.h"
#include "graph/base/text.h"
#include "graph/read/doc.h"

#include <jansson.h>

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int rg_cli_fail(const rg_error *err)
{
    char line[1200];
    fprintf(stderr, "relgraph: %s\n", rg_error_format(err, line, sizeof line));
    return err->code ? (int)err->code : RG_ERR_INPUT;
}

/* dir/middle/sub if it is a directory, else NULL. */
static char *existing(const char *dir, const char *middle, const char *sub)
{
    char *base = rg_file_join(dir[0] ? dir : "/", middle);
    char *candidate = base ? rg_file_join(base, sub) : NULL;
    free(base);
    if (candidate && rg_file_is_dir(candidate))
        return candidate;
    free(candidate);
    return NULL;
}

/* The data directory (reports/ and catalog/): $RELGRAPH_DATA, else data/
 * next to the binary or up to three levels above it, else the installed
 * one. Caller frees. */
static char *data_dir(const char *sub)
{
    const char *env = getenv("RELGRAPH_DATA");
    if (env && *env)
        return rg_file_join(env, sub);
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
    return rg_file_join(RG_DATADIR, sub);
}

void rg_cli_note(const char *fmt, ...)
{
    if (rg_options_quiet())
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("relgraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void rg_cli_note_leiden_bound(const char *view, size_t view_nodes, rg_community_method method, int passes)
{
    if (rg_communities_bounded(view_nodes, method, passes))
        rg_cli_note("communities: Leiden on the %s view of %zu nodes (more than %d) stops after %d passes, not when "
                    "it settles (a pass costs a scan of every link)",
                    view, view_nodes, RG_LEIDEN_SETTLE_NODES, RG_LEIDEN_BIG_PASSES);
}

/* path relative to the current directory when it lies below it (the
 * default corpus of a checkout, from its top), else path itself. */
static const char *below_cwd(const char *path)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return path;
    size_t n = strlen(cwd);
    if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/' && path[n + 1])
        return path + n + 1;
    return path;
}

/* The reports of args, or the default corpus (said on stderr, with why
 * it is read); what directories held besides reports is said too. */
static int gather(char **args, int n, const char *why, rg_inputs *in, rg_error *err)
{
    memset(in, 0, sizeof *in);
    char *dir = n == 0 ? data_dir("reports") : NULL;
    if (n == 0 && !dir)
        return rg_error_nomem(err);
    int rc = rg_pipeline_inputs(args, (size_t)n, dir, "data/reports", in, err);
    if (rc == 0 && dir)
        rg_cli_note("reading the default corpus: %zu report%s in %s (%s)", in->len, in->len == 1 ? "" : "s",
                    below_cwd(dir), why);
    for (size_t i = 0; rc == 0 && i < in->n_skipped; i++)
        rg_cli_note("%s", in->skipped[i]);
    free(dir);
    return rc;
}

int rg_cli_inputs(char **args, int n, rg_inputs *in, rg_error *err)
{
    return gather(args, n, "no reports given", in, err);
}

static void phase(void *ctx, const char *name)
{
    (void)ctx;
    rg_cli_phase(name);
}

/* A report read other than its name says, told: nothing misleads in
 * silence. */
static void notice(void *ctx, const char *name, const char *text)
{
    (void)ctx;
    rg_cli_note("%s: %s", name, text);
}

/* The options of the commands' pipelines; the caller frees
 * opts->catalog_dir. */
static int pipeline_options(char **catalog_files, size_t n_catalogs, long jobs, rg_pipeline_options *opts,
                            rg_error *err)
{
    char *dir = data_dir("catalog");
    *opts = (rg_pipeline_options){dir, catalog_files, n_catalogs, jobs, phase, NULL, notice, NULL};
    return dir ? 0 : rg_error_nomem(err);
}

int rg_cli_pipeline_progress(char **catalog_files, size_t n_catalogs, long jobs, rg_pipeline_progress_fn *progress,
                             void *ctx, rg_pipeline **out, rg_error *err)
{
    rg_pipeline_options opts;
    *out = NULL;
    int rc = pipeline_options(catalog_files, n_catalogs, jobs, &opts, err);
    opts.progress = progress;
    opts.phase_ctx = ctx;
    if (rc == 0)
        rc = rg_pipeline_new(&opts, out, err);
    free((char *)opts.catalog_dir);
    return rc;
}

int rg_cli_pipeline(char **catalog_files, size_t n_catalogs, long jobs, rg_pipeline **out, rg_error *err)
{
    return rg_cli_pipeline_progress(catalog_files, n_catalogs, jobs, NULL, NULL, out, err);
}

int rg_cli_build(const rg_inputs *in, char **catalog_files, size_t n_catalogs, long jobs, rg_graph **out, rg_error *err)
{
    rg_pipeline *p;
    *out = NULL;
    int rc = rg_cli_pipeline(catalog_files, n_catalogs, jobs, &p, err);
    if (rc == 0)
        rc = rg_pipeline_build(p, in, out, err);
    rg_pipeline_free(p);
    return rc;
}

const char *rg_cli_implicit_graph(void)
{
    struct stat st;
    return stat(RG_CLI_GRAPH_FILE, &st) == 0 && !S_ISDIR(st.st_mode) ? RG_CLI_GRAPH_FILE : NULL;
}

int rg_cli_graph(const char *graph_file, char **args, int n, rg_graph **out, rg_error *err)
{
    *out = NULL;
    if (graph_file && n > 0)
        return rg_error_set(err, RG_ERR_USAGE, NULL, 0,
                            "both -g %s and reports given: -g reads a graph file, reports are built into a graph; "
                            "give one or the other",
                            graph_file);
    if (graph_file)
        return rg_pipeline_load(graph_file, out, err);
    if (n == 0 && rg_cli_implicit_graph()) {
        rg_cli_note("reading ./%s (no -g or reports given)", RG_CLI_GRAPH_FILE);
        return rg_pipeline_load(RG_CLI_GRAPH_FILE, out, err);
    }
    rg_inputs in;
    if (gather(args, n, "no -g, reports or ./" RG_CLI_GRAPH_FILE " given", &in, err) < 0)
        return -1;
    int rc = rg_cli_build(&in, NULL, 0, 1, out, err);
    rg_pipeline_inputs_free(&in);
    return rc;
}

static struct {
    const char *command;
    bool on;
    struct timespec t0;
} timing;

void rg_cli_keep_until_exit(rg_graph *g)
{
    static rg_graph *kept;
    rg_graph_free(kept); /* a second one: no command builds two */
    kept = g;
}

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

rg_catalog *rg_cli_catalog(void)
{
    rg_catalog *cat = rg_catalog_new();
    char *dir = data_dir("catalog");
    rg_error ignored;
    rg_error_clear(&ignored);
    if (cat && (!dir || rg_catalog_load_dir(cat, dir, &ignored) < 0)) {
        rg_catalog_free(cat);
        cat = NULL;
    }
    free(dir);
    return cat;
}

int rg_cli_graph_names(const char *graph_file, char **args, int n, rg_graph **g, rg_names **names, rg_error *err)
{
    *g = NULL;
    *names = NULL;
    if (rg_cli_graph(graph_file, args, n, g, err) < 0)
        return -1;
    /* The catalog adds the aliases it knows ("DIU", "Pentagon") to those
     * the reports used; without it, the graph's own names still work. */
    int rc = rg_names_new(*g, rg_cli_catalog(), names, err);
    if (rc < 0) {
        rg_graph_free(*g);
        *g = NULL;
    }
    return rc;
}

const char *rg_cli_where(long line, int page, int page_line, char *buf, size_t size)
{
    if (page)
        snprintf(buf, size, "page %d, line %d", page, page_line);
    else
        snprintf(buf, size, "line %ld", line);
    return buf;
}

const char *rg_cli_node_where(const rg_graph *g, size_t i, char *buf, size_t size)
{
    const rg_node *n = &g->nodes[i];
    return rg_cli_where(n->line, n->page, n->page_line, buf, size);
}

void rg_cli_print_evidence(const rg_link *l, int indent)
{
    if (!l->n_evidence)
        return;
    const rg_evidence *e = &l->evidence[0];
    char where[64];
    if (strcmp(e->doc, "catalog") == 0)
        printf("%*s[from the catalog: %s]", indent, "", e->text);
    else
        printf("%*s\"%s\" [%s, %s]", indent, "", e->text, e->doc,
               rg_cli_where(e->line, e->page, e->page_line, where, sizeof where));
    if (l->n_evidence > 1)
        printf(" (+%zu more)", l->n_evidence - 1);
    putchar('\n');
}

/* Do two links (a may be NULL) open with the same piece of evidence? */
static bool same_evidence(const rg_link *a, const rg_link *b)
{
    return a && a->n_evidence && b->n_evidence && a->evidence[0].line == b->evidence[0].line &&
           strcmp(a->evidence[0].doc, b->evidence[0].doc) == 0 && strcmp(a->evidence[0].text, b->evidence[0].text) == 0;
}

void rg_cli_print_evidence_after(const rg_link *prev, const rg_link *l, int indent)
{
    if (same_evidence(prev, l))
        printf("%*s(the same sentence)\n", indent, "");
    else
        rg_cli_print_evidence(l, indent);
}

/* How many of links[i...] share the relation of links[i]. */
static size_t group_size(const rg_graph *g, const size_t *links, size_t n, size_t i)
{
    size_t count = 0;
    for (size_t k = i; k < n && g->links[links[k]].relation == g->links[links[i]].relation; k++)
        count++;
    return count;
}

void rg_cli_print_links(const rg_graph *g, size_t node, const size_t *links, size_t n,
                        const rg_cli_links_style *style)
{
    char buf[600];
    int last = -1;
    const rg_link *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const rg_link *l = &g->links[links[i]];
        size_t other = rg_other_end(g, links[i], node);
        if ((int)l->relation != last) {
            prev = NULL;
            printf("\n%*s%s", style->heading_indent, "", rg_relation_name(l->relation));
            if (style->counts)
                printf(" (%zu)", group_size(g, links, n, i));
            putchar('\n');
        }
        last = (int)l->relation;
        printf("%*s%s %s", style->indent, "", l->source == node ? "->" : "<-",
               rg_cli_node_name(&g->nodes[other], buf, sizeof buf));
        if (l->inferred)
            fputs(" (inferred)", stdout);
        if (style->weights && l->weight != 1)
            printf("  weight %g", l->weight);
        putchar('\n');
        rg_cli_print_evidence_after(prev, l, style->evidence_indent);
        prev = l;
        if (style->after)
            style->after(g, node, other);
    }
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

int rg_cli_check_output(const char *output, char *const *inputs, size_t n, const char *what, const char *graph_file,
                        rg_error *err)
{
    if (!graph_file && n == 0)
        graph_file = rg_cli_implicit_graph();
    for (size_t i = 0; i < n; i++)
        if (same_file(output, inputs[i]))
            return rg_error_set(err, RG_ERR_USAGE, output, 0, "the output is one of the %s read: choose another -o", what);
    if (graph_file && same_file(output, graph_file))
        return rg_error_set(err, RG_ERR_USAGE, output, 0, "the output is the graph file read: choose another -o");
    return 0;
}

int rg_cli_query_open(const rg_options_usage *u, const rg_option *opts, int argc, char **argv, int n_args,
                      const char *need, int resolve, rg_cli_query *q)
{
    int done = rg_options_parse(u, opts, argc, argv);
    if (done >= 0)
        return done;
    if (argc - optind < n_args)
        return rg_options_fail(u->command, "%s", need);
    rg_error_clear(&q->err);
    char **reports = argv + optind + n_args;
    int n = argc - optind - n_args;
    int rc = resolve >= 0 ? rg_cli_graph_names(q->graph_file, reports, n, &q->g, &q->names, &q->err)
                          : rg_cli_graph(q->graph_file, reports, n, &q->g, &q->err);
    if (rc < 0)
        return rg_cli_fail(&q->err);
    for (int i = 0; i < resolve && rc == 0; i++)
        rc = rg_names_resolve(q->names, argv[optind + i], &q->nodes[i], &q->err);
    if (rc == 0)
        return -1;
    rg_cli_query_close(q);
    return rg_cli_fail(&q->err);
}

void rg_cli_query_close(rg_cli_query *q)
{
    rg_names_free(q->names);
    rg_graph_free(q->g);
    q->names = NULL;
    q->g = NULL;
}

int rg_cli_parse_map_reduce(const rg_options_usage *u, const char *output_help, const char *catalog_help,
                            const char *jobs_help, const char *verbose_help, bool dates, int argc, char **argv,
                            rg_cli_map_reduce *a)
{
    *a = (rg_cli_map_reduce){NULL, {NULL, 0}, rg_fanout_cores(), false, {NULL, 0}};
    rg_option options[] = {
        RG_OPT_STRING('o', "output", &a->output, "FILE", output_help),
        RG_OPT_LIST(0, "catalog", &a->catalogs, "FILE", catalog_help),
        RG_OPT_COUNT('j', "jobs", &a->jobs, "N", jobs_help),
        RG_OPT_END,
        RG_OPT_END,
        RG_OPT_END,
    };
    size_t n = 3;
    if (dates) /* merge reads dates from its parts */
        options[n++] = (rg_option)RG_OPT_DATE(&a->dates);
    if (verbose_help)
        options[n++] = (rg_option)RG_OPT_SET('v', "verbose", &a->verbose, verbose_help);
    int status = rg_options_parse(u, options, argc, argv);
    if (status < 0 && !a->output)
        status = rg_options_fail(u->command, "%s needs -o FILE", u->command);
    else if (status < 0 && optind >= argc)
        status = rg_options_fail(u->command, "%s needs files to read", u->command);
    if (status >= 0) {
        free(a->catalogs.items);
        free(a->dates.items);
        a->catalogs = (rg_option_list){NULL, 0};
        a->dates = (rg_option_list){NULL, 0};
    }
    return status;
}

/* The document --date FILE=DATE names: by the name it was recorded under,
 * or by its file name alone. */
static const rg_document *dated_document(const rg_graph *g, const char *file, size_t len)
{
    for (size_t i = 0; i < g->n_docs; i++) {
        const char *path = g->docs[i].path;
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        if ((strlen(path) == len && strncmp(path, file, len) == 0) ||
            (strlen(base) == len && strncmp(base, file, len) == 0))
            return &g->docs[i];
    }
    return NULL;
}

static int apply_date(rg_graph *g, const char *arg, rg_error *err)
{
    const char *eq = strrchr(arg, '=');
    char date[16] = "";
    /* a bare year is a date here, where nothing else can be meant */
    bool year = eq && strlen(eq + 1) == 4 && strspn(eq + 1, "0123456789") == 4 && eq[1] >= '1';
    if (year)
        snprintf(date, sizeof date, "%s", eq + 1);
    if (!eq || (!year && !rg_doc_date_parse(eq + 1, date, sizeof date)) || strcmp(date, eq + 1) != 0)
        return rg_error_set(err, RG_ERR_USAGE, NULL, 0,
                            "--date %s: give FILE=YYYY-MM-DD (or FILE=YYYY-MM, FILE=YYYY)", arg);
    const rg_document *d = dated_document(g, arg, (size_t)(eq - arg));
    if (!d)
        return rg_error_set(err, RG_ERR_USAGE, NULL, 0, "--date %s: no report '%.*s' was read", arg,
                            (int)(eq - arg), arg);
    if (d->date && strcmp(d->date, date) != 0)
        rg_cli_note("%s: dated %s as --date says (the document says %s)", d->path, date, d->date);
    return rg_graph_set_document_date(g, d->id, date) < 0 ? rg_error_nomem(err) : 0;
}

/* One line for the undated reports, however many: the first three named. */
static void note_undated(const rg_graph *g)
{
    size_t n = 0;
    rg_buf names;
    rg_buf_init(&names);
    for (size_t i = 0; i < g->n_docs; i++) {
        if (g->docs[i].date)
            continue;
        if (n < 3) {
            rg_buf_adds(&names, n ? ", " : "");
            rg_buf_adds(&names, g->docs[i].path);
        }
        n++;
    }
    if (n)
        rg_cli_note("no date found in %s%s%s (no dateline or dated heading near the top): %s left unknown; "
                    "give --date FILE=YYYY-MM-DD",
                    n == 1 ? "" : "reports ", names.data ? names.data : "", n > 3 ? " and others" : "",
                    n == 1 ? "its date is" : "their dates are");
    rg_buf_destroy(&names);
}

int rg_cli_dates(rg_graph *g, const rg_option_list *dates, rg_error *err)
{
    for (size_t i = 0; i < dates->len; i++)
        if (apply_date(g, dates->items[i], err) < 0)
            return -1;
    note_undated(g);
    return 0;
}

void rg_cli_wrote(const char *output, const rg_graph *g)
{
    rg_cli_note("wrote %s: %zu nodes, %zu links from %zu report%s", output, g->n_nodes, g->n_links, g->n_docs,
                g->n_docs == 1 ? "" : "s");
}

int rg_cli_option_type(const char *command, char *arg, void *value)
{
    int *type = value;
    if ((*type = rg_type_parse(arg)) < 0)
        return rg_options_fail(command, "unknown type '%s'", arg);
    return 0;
}

int rg_cli_option_relation(const char *command, char *arg, void *value)
{
    int *relation = value;
    if ((*relation = rg_relation_parse(arg)) < 0)
        return rg_options_fail(command, "unknown relation '%s'", arg);
    return 0;
}

int rg_cli_option_view(const char *command, char *arg, void *value)
{
    if (!rg_view_parse(arg, value))
        return rg_options_fail(command, "unknown view '%s': use full, agencies or entities", arg);
    return 0;
}

int rg_cli_option_measure(const char *command, char *arg, void *value)
{
    int *score = value;
    int s = rg_score_parse(arg);
    if (s < 0 || s == RG_SCORE_COMMUNITY)
        return rg_options_fail(command, "unknown measure '%s'", arg);
    *score = s;
    return 0;
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
