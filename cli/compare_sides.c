/* The two reports a comparison reads (compare_sides.h). */
#include "cli/compare_sides.h"

#include "cli/cli.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Does name name document d: its id, its id without "report:", its path,
 * its file name, or its file name without the extension? */
static bool names_doc(const rg_document *d, const char *name)
{
    const char *base = strrchr(d->path, '/');
    base = base ? base + 1 : d->path;
    const char *dot = strrchr(base, '.');
    size_t stem = dot ? (size_t)(dot - base) : strlen(base);
    return strcmp(d->id, name) == 0 || (strncmp(d->id, "report:", 7) == 0 && strcmp(d->id + 7, name) == 0) ||
           strcmp(d->path, name) == 0 || strcmp(base, name) == 0 ||
           (strlen(name) == stem && strncmp(base, name, stem) == 0);
}

static int unknown_doc(const rg_graph *g, const char *name, rg_error *err)
{
    rg_buf b;
    rg_buf_init(&b);
    for (size_t i = 0; i < g->n_docs && i < 12; i++) {
        rg_buf_adds(&b, i ? ", " : "");
        rg_buf_adds(&b, g->docs[i].id + (strncmp(g->docs[i].id, "report:", 7) == 0 ? 7 : 0));
    }
    if (g->n_docs > 12)
        rg_buf_adds(&b, ", ...");
    rg_error_set(err, RG_ERR_USAGE, NULL, 0, "no report '%s' in the graph; its reports: %s", name,
                 b.data ? b.data : "(none)");
    rg_buf_destroy(&b);
    return -1;
}

static int find_doc(const rg_graph *g, const char *name, const char **id, rg_error *err)
{
    for (size_t i = 0; i < g->n_docs; i++)
        if (names_doc(&g->docs[i], name)) {
            *id = g->docs[i].id;
            return 0;
        }
    return unknown_doc(g, name, err);
}

static bool is_graph_file(const char *name)
{
    size_t n = strlen(name);
    FILE *f = n > 5 && strcmp(name + n - 5, ".json") == 0 ? fopen(name, "r") : NULL;
    if (f)
        fclose(f);
    return f != NULL;
}

/* The one report of graph file path. */
static int load_single(const char *path, rg_graph **g, const char **doc, rg_error *err)
{
    if (rg_pipeline_load(path, g, err) < 0)
        return -1;
    if ((*g)->n_docs == 1) {
        *doc = (*g)->docs[0].id;
        return 0;
    }
    return rg_error_set(err, RG_ERR_USAGE, path, 0,
                        "holds %zu reports, not one: name two of them with -g %s A B", (*g)->n_docs, path);
}

int rg_cli_compare_sides(const char *graph_file, char **names, char **reports, int n_reports, rg_graph **ga,
                         rg_graph **gb, rg_compare_side *sa, rg_compare_side *sb, rg_error *err)
{
    if (!graph_file && n_reports == 0 && is_graph_file(names[0]) && is_graph_file(names[1])) {
        sa->doc = sb->doc = NULL;
        if (load_single(names[0], ga, &sa->doc, err) < 0 || load_single(names[1], gb, &sb->doc, err) < 0)
            return -1;
        sa->g = *ga, sb->g = *gb;
        return 0;
    }
    if (rg_cli_graph(graph_file, reports, n_reports, ga, err) < 0)
        return -1;
    sa->g = sb->g = *ga;
    if (find_doc(*ga, names[0], &sa->doc, err) < 0 || find_doc(*ga, names[1], &sb->doc, err) < 0)
        return -1;
    return 0;
}

