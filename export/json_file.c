#include "export/json_file.h"

#include "export/output.h"

typedef struct job {
    const rg_graph *g;
    const rg_json_options *opts;
} job;

static int write_json(void *ctx, FILE *out, const char *path, rg_error *err)
{
    const job *j = ctx;
    return rg_json_write(j->g, out, path, j->opts, err);
}

int rg_json_write_file(const char *path, const rg_graph *g, const rg_json_options *opts, rg_error *err)
{
    job j = {g, opts};
    return rg_output_write(path, write_json, &j, err);
}
