#include "export/export.h"

#include "export/dot.h"
#include "export/json.h"
#include "export/json_file.h"
#include "export/output.h"
#include "graph/base/text.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static const char *const names[RG_FORMAT__COUNT] = {"json", "jgf", "cytoscape", "graphml", "gexf", "csv", "dot"};

int rg_format_parse(const char *s)
{
    for (int i = 0; i < RG_FORMAT__COUNT; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

typedef int (*writer)(const rg_graph *g, FILE *out, rg_error *err);

/* A graph to write with a format's writer. */
typedef struct job {
    const rg_graph *g;
    writer w;
} job;

/* rg_output_fn: the job's graph in its format; the error names the file. */
static int write_job(void *ctx, FILE *out, const char *path, rg_error *err)
{
    const job *j = ctx;
    if (j->w(j->g, out, err) == 0)
        return 0;
    if (err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", path);
    return -1;
}

/* One file through a temporary name. */
static int write_one(const rg_graph *g, const char *path, writer w, rg_error *err)
{
    job j = {g, w};
    return rg_output_write(path, write_job, &j, err);
}

static int write_csv(const rg_graph *g, const char *dir, rg_error *err)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return rg_error_set(err, RG_ERR_IO, dir, 0, "cannot make the directory: %s", strerror(errno));
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return rg_error_set(err, RG_ERR_IO, dir, 0, "CSV is written to a directory (nodes.csv, edges.csv)");
    rg_buf nodes, edges;
    rg_buf_init(&nodes);
    rg_buf_init(&edges);
    rg_buf_adds(&nodes, dir);
    rg_buf_adds(&nodes, "/nodes.csv");
    rg_buf_adds(&edges, dir);
    rg_buf_adds(&edges, "/edges.csv");
    int rc = nodes.failed || edges.failed ? rg_error_nomem(err) : 0;
    if (rc == 0)
        rc = write_one(g, nodes.data, rg_csv_write_nodes, err);
    if (rc == 0)
        rc = write_one(g, edges.data, rg_csv_write_edges, err);
    rg_buf_destroy(&nodes);
    rg_buf_destroy(&edges);
    return rc;
}

int rg_export_file(const rg_graph *g, rg_format f, const char *path, const rg_export_options *opts, rg_error *err)
{
    if (!rg_graph_finished(g)) /* a caller forgot rg_graph_finish: its evidence is in no order */
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "the graph is not finished: its evidence is not in order");
    switch (f) {
    case RG_FORMAT_JSON: {
        rg_json_options jo = {opts ? opts->links_key : NULL};
        return rg_json_write_file(path, g, &jo, err);
    }
    case RG_FORMAT_JGF:
        return write_one(g, path, rg_jgf_write, err);
    case RG_FORMAT_CYTOSCAPE:
        return write_one(g, path, rg_cytoscape_write, err);
    case RG_FORMAT_GRAPHML:
        return write_one(g, path, rg_graphml_write, err);
    case RG_FORMAT_GEXF:
        return write_one(g, path, rg_gexf_write, err);
    case RG_FORMAT_CSV:
        return write_csv(g, path, err);
    case RG_FORMAT_DOT:
        return rg_dot_write_file(g, path, err);
    default:
        return rg_error_set(err, RG_ERR_USAGE, path, 0, "unknown format");
    }
}
