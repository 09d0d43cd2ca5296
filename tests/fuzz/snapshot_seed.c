/* The seed of fuzz_snapshot: the snapshot body of a graph file.
 *   snapshot-seed GRAPH.json OUT.rgs */
#include "export/json.h"
#include "export/snapshot.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    rg_graph *g = NULL;
    rg_error err;
    rg_error_clear(&err);
    if (rg_json_read(argv[1], &g, &err) < 0)
        return 1;
    FILE *f = fopen(argv[2], "wb");
    int ok = f && rg_snapshot_write_stream(g, f);
    if (f && fclose(f) != 0)
        ok = 0;
    rg_graph_free(g);
    return ok ? 0 : 1;
}
