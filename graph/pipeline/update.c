/* build --update: a graph brought up to date with the reports as they are
 * now, reading only the new and the changed ones. */
#include "graph/pipeline/pipeline.h"

#include "export/json.h"
#include "graph/base/hmap.h"
#include "graph/base/sha256.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Why the graph at path cannot be updated but must be rebuilt, into why;
 * false when it can. */
static bool needs_rebuild(const rg_graph *old, const char *catalog_sha256, char *why, size_t size)
{
    if (!old->generator || strcmp(old->generator, RG_GENERATOR) != 0)
        snprintf(why, size, "it was written by %s, not %s", old->generator ? old->generator : "another program",
                 RG_GENERATOR);
    else if (!old->catalog_sha256 || strcmp(old->catalog_sha256, catalog_sha256) != 0)
        snprintf(why, size, "the catalog files are not the ones it was built with");
    else
        return false;
    return true;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The document of old that report i of in is, by its path, or else by
 * its contents and file name (a report moved to another directory or
 * given by another path: its id comes from its file name and is the
 * same); RG_NONE when none is. */
static size_t known_document(const rg_graph *old, const rg_hmap *by_path, const rg_hmap *by_hash, const bool *kept,
                             const rg_inputs *in, size_t i, const char *digest)
{
    size_t at;
    if (rg_hmap_get(by_path, in->names[i], &at))
        return kept[at] ? RG_NONE : at;
    if (rg_hmap_get(by_hash, digest, &at) && !kept[at] && strcmp(base_name(old->docs[at].path), base_name(in->names[i])) == 0)
        return at;
    return RG_NONE;
}

/* Sort the reports of in into those to read again (new or changed: into
 * read) and the documents of old that go (changed or removed: into gone);
 * a report kept under another path takes its new path. */
static int plan(rg_graph *old, const rg_inputs *in, rg_inputs *read, rg_strset *gone, rg_update_summary *sum,
                rg_error *err)
{
    rg_hmap by_path, by_hash;
    rg_hmap_init(&by_path);
    rg_hmap_init(&by_hash);
    bool *kept = calloc(old->n_docs ? old->n_docs : 1, sizeof *kept);
    read->paths = malloc((in->len ? in->len : 1) * sizeof *read->paths);
    read->names = malloc((in->len ? in->len : 1) * sizeof *read->names);
    int rc = kept && read->paths && read->names && rg_hmap_reserve(&by_path, old->n_docs) == 0 ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < old->n_docs; i++)
        if (rg_hmap_put(&by_path, old->docs[i].path, i) < 0 ||
            (old->docs[i].sha256 && rg_hmap_put(&by_hash, old->docs[i].sha256, i) < 0))
            rc = -1;
    if (rc < 0)
        rc = rg_error_nomem(err);
    for (size_t i = 0; rc == 0 && i < in->len; i++) {
        char digest[RG_SHA256_HEX];
        if ((rc = rg_sha256_file(in->paths[i], digest, err)) < 0)
            break;
        size_t at = known_document(old, &by_path, &by_hash, kept, in, i, digest);
        rg_document *d = at == RG_NONE ? NULL : &old->docs[at];
        if (d && d->sha256 && strcmp(d->sha256, digest) == 0) {
            kept[at] = true;
            sum->unchanged++;
            if (strcmp(d->path, in->names[i]) != 0) {
                sum->moved++;
                free(d->path);
                if (!(d->path = rg_strdup(in->names[i])))
                    rc = rg_error_nomem(err);
            }
            continue;
        }
        if (d)
            sum->changed++;
        else
            sum->added++;
        read->paths[read->len] = in->paths[i];
        read->names[read->len++] = in->names[i];
    }
    for (size_t i = 0; rc == 0 && i < old->n_docs; i++)
        if (!kept[i] && rg_strset_add(gone, old->docs[i].id) < 0)
            rc = rg_error_nomem(err);
    /* each changed report is one document of old read again; the others
     * that go are no longer given */
    sum->removed = gone->len - sum->changed;
    free(kept);
    rg_hmap_destroy(&by_path);
    rg_hmap_destroy(&by_hash);
    return rc;
}

int rg_pipeline_update(const rg_pipeline *p, const rg_inputs *in, const char *graph_path, rg_graph **out,
                       rg_update_summary *sum, rg_error *err)
{
    *out = NULL;
    memset(sum, 0, sizeof *sum);
    struct stat st;
    if (stat(graph_path, &st) != 0 && errno == ENOENT) {
        snprintf(sum->rebuild, sizeof sum->rebuild, "%s does not exist", graph_path);
        return rg_pipeline_build(p, in, out, err);
    }
    rg_graph *g = NULL;
    if (rg_pipeline_load(graph_path, &g, err) < 0)
        return -1;
    rg_pipeline_phase(p, "load");
    if (needs_rebuild(g, rg_pipeline_catalog_sha256(p), sum->rebuild, sizeof sum->rebuild)) {
        rg_graph_free(g);
        return rg_pipeline_build(p, in, out, err);
    }
    rg_inputs read = {0};
    rg_strset gone;
    rg_strset_init(&gone);
    rg_graph *part = NULL;
    int rc = plan(g, in, &read, &gone, sum, err);
    rg_pipeline_phase(p, "hash");
    if (rc == 0)
        rc = rg_graph_drop_documents(g, &gone, err);
    rg_pipeline_phase(p, "drop");
    if (rc == 0 && read.len)
        rc = rg_pipeline_extract(p, &read, &part, err);
    if (rc == 0 && part)
        rc = rg_graph_merge(g, part, err);
    if (rc == 0)
        rc = rg_pipeline_finish(p, g, err);
    rg_pipeline_phase(p, "finish");
    rg_graph_free(part);
    /* the names and paths are in's */
    free(read.paths);
    free(read.names);
    rg_strset_destroy(&gone);
    if (rc < 0) {
        rg_graph_free(g);
        return -1;
    }
    free(g->generator);
    g->generator = NULL;
    *out = g;
    return 0;
}
