/* libFuzzer target: the JSON scanner the graph reader walks files with
 * accepts exactly what jansson accepts (json_loadb, no flags). A file one
 * of them takes and the other refuses aborts the run. */
#include "export/jscan.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rg_jscan j;
    rg_jscan_init(&j, (const char *)data, size);
    rg_jtype top = rg_jscan_peek(&j);
    bool ours = (top == RG_J_OBJECT || top == RG_J_ARRAY) && rg_jscan_skip(&j) && rg_jscan_end(&j);
    json_error_t err;
    json_t *root = json_loadb((const char *)data, size, 0, &err);
    bool theirs = root != NULL;
    json_decref(root);
    if (ours != theirs)
        abort();
    return 0;
}
