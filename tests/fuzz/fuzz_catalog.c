/* libFuzzer target: the catalog reader, on any bytes. */
#include "graph/rules/catalog.h"
#include "graph/model/extract.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rg_catalog *cat = rg_catalog_new();
    rg_error err;
    rg_error_clear(&err);
    if (cat && rg_catalog_load_text(cat, "fuzz.json", (const char *)data, size, &err) == 0) {
        rg_reader *x = rg_reader_new(cat, &err);
        rg_reader_free(x);
    }
    rg_catalog_free(cat);
    return 0;
}
