/* libFuzzer target: the snapshot reader takes any bytes (a damaged or
 * foreign cache file) and gives a graph or NULL, never a crash; a graph it
 * gives writes out as a graph file. */
#include "export/json.h"
#include "export/snapshot.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rg_graph *g = rg_snapshot_read_mem((const char *)data, size);
    if (!g)
        return 0;
    FILE *sink = fopen("/dev/null", "w");
    rg_error err;
    rg_error_clear(&err);
    if (sink) {
        rg_json_write(g, sink, "sink", NULL, &err);
        fclose(sink);
    }
    rg_graph_free(g);
    return 0;
}
