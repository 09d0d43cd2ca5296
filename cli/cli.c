#include "cli/cli.h"

#include "config.h"

#include "graph/rules/catalog.h"
#include "graph/analyze/analyze.h"
#include "graph/analyze/query.h"
#include "graph/base/fanout.h"
#include "graph/base/file.h"
#include "graph/base/text.h"

#include <jansson.h>

#include <getopt.h>
#include <limits.h>
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

int rg_cli_inputs(char **args, int n, rg_inputs *in, rg_error *err)
{
    memset(in, 0, sizeof *in);
    char *dir = n == 0 ? data_dir("reports") : NULL;
    if (n == 0 && !dir)
        return rg_error_nomem(err);
    int rc = rg_pipeline_inputs(args, (size_t)n, dir, "data/reports", in, err);
    free(dir);
    return rc;
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
    fprintf(stderr, "relgraph: %s: %s\n", name, text);
}

/* The options of the commands' pipelines; the caller frees
 * opts->catalog_dir. */
static int pipeline_options(char **catalog_files, size_t n_catalogs, long jobs, rg_pipeline_options *opts,
                            rg_error *err)
{
    char *dir = data_dir("catalog");
    *opts = (rg_pipeline_options){dir, catalog_files, n_catalogs, jobs, phase, NULL, notice};
    return dir ? 0 : rg_error_nomem(err);
}

int rg_cli_pipeline(char **catalog_files, size_t n_catalogs, long jobs, rg_pipeline **out, rg_error *err)
{
    rg_pipeline_options opts;
    *out = NULL;
    int rc = pipeline_options(catalog_files, n_catalogs, jobs, &opts, err);
    if (rc == 0)
        rc = rg_pipeline_new(&opts, out, err);
    free((char *)opts.catalog_dir);
    return rc;
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

int rg_cli_graph(const char *graph_file, char **args, int n, rg_graph **out, rg_error *err)
{
    if (graph_file)
        return rg_pipeline_load(graph_file, out, err);
    rg_inputs in;
    if (rg_cli_inputs(args, n, &in, err) < 0)
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

int rg_cli_graph_names(const char *graph_file, char **args, int n, rg_graph **g, rg_names **names, rg_error *err)
{
    *g = NULL;
    *names = NULL;
    if (rg_cli_graph(graph_file, args, n, g, err) < 0)
        return -1;
    /* The catalog adds the aliases it knows ("DIU", "Pentagon") to those
     * the reports used; without it, the graph's own names still work. */
    rg_catalog *cat = rg_catalog_new();
    char *dir = data_dir("catalog");
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
                            const char *jobs_help, int argc, char **argv, rg_cli_map_reduce *a)
{
    *a = (rg_cli_map_reduce){NULL, {NULL, 0}, rg_fanout_cores()};
    const rg_option options[] = {
        RG_OPT_STRING('o', "output", &a->output, "FILE", output_help),
        RG_OPT_LIST(0, "catalog", &a->catalogs, "FILE", catalog_help),
        RG_OPT_COUNT('j', "jobs", &a->jobs, "N", jobs_help),
        RG_OPT_END,
    };
    int status = rg_options_parse(u, options, argc, argv);
    if (status < 0 && !a->output)
        status = rg_options_fail(u->command, "%s needs -o FILE", u->command);
    else if (status < 0 && optind >= argc)
        status = rg_options_fail(u->command, "%s needs files to read", u->command);
    if (status >= 0) {
        free(a->catalogs.items);
        a->catalogs = (rg_option_list){NULL, 0};
    }
    return status;
}

void rg_cli_wrote(const char *output, const rg_graph *g)
{
    fprintf(stderr, "relgraph: wrote %s: %zu nodes, %zu links from %zu report%s\n", output, g->n_nodes, g->n_links,
            g->n_docs, g->n_docs == 1 ? "" : "s");
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

/* "a, b or c" of the modalities in bits (all when bits is ~0u), into buf. */
static const char *modality_names(unsigned bits, char *buf, size_t size)
{
    int last = 0, count = 0;
    for (int m = 1; m < RG_MODALITY__COUNT; m++)
        if ((bits >> m) & 1u)
            last = m;
    size_t at = 0;
    buf[0] = '\0';
    for (int m = 1; m < RG_MODALITY__COUNT && at < size; m++)
        if ((bits >> m) & 1u)
            at += (size_t)snprintf(buf + at, size - at, "%s%s", !count++ ? "" : m == last ? " or " : ", ",
                                   rg_modality_name((rg_modality)m));
    return buf;
}

int rg_cli_option_modality(const char *command, char *arg, void *value)
{
    unsigned *bits = value;
    for (char *tok = strtok(arg, ","); tok; tok = strtok(NULL, ",")) {
        int m = rg_modality_parse(tok);
        if (m <= 0) {
            char valid[200];
            return rg_options_fail(command, "unknown modality '%s': use %s", tok,
                                   modality_names(~0u, valid, sizeof valid));
        }
        *bits |= 1u << m;
    }
    if (!*bits)
        return rg_options_fail(command, "--modality needs a modality: one or more, comma-separated");
    return 0;
}

void rg_cli_modality_check(const char *command, const rg_graph *g, unsigned modalities)
{
    if (!modalities)
        return;
    bool any = false;
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        int m = n->type == RG_TYPE_RECOMMENDATION && n->modality ? rg_modality_parse(n->modality) : -1;
        if (m > 0 && ((modalities >> m) & 1u))
            return;
        any |= m > 0;
    }
    char names[200];
    if (any)
        fprintf(stderr, "relgraph: %s: no recommendation has the modality %s: --modality keeps nothing\n", command,
                modality_names(modalities, names, sizeof names));
    else
        fprintf(stderr,
                "relgraph: %s: no recommendation of this graph has a modality (a graph file from before relgraph "
                "recorded them: build it again): --modality keeps nothing\n",
                command);
}

int rg_cli_keep_modalities(const char *command, rg_graph **g, unsigned modalities, rg_error *err)
{
    if (!modalities)
        return 0;
    rg_cli_modality_check(command, *g, modalities);
    rg_filter f = {.modalities = modalities};
    rg_graph *part;
    if (rg_query_filter(*g, &f, &part, err) < 0)
        return -1;
    rg_graph_free(*g);
    *g = part;
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
