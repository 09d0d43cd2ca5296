/* libFuzzer target: the report loader and the extractor, on any bytes.
 * The first byte picks the reader (Markdown, plain text, HTML). */
#include "graph/rules/catalog.h"
#include "graph/read/doc.h"
#include "graph/model/extract.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char catalog_json[] =
    "[{\"name\": \"United States\", \"type\": \"actor\", \"kind\": \"country\", \"country\": \"US\","
    "  \"aliases\": [\"U.S.\", \"Washington\"], \"demonyms\": [\"American\"]},"
    " {\"name\": \"Republic of Korea\", \"type\": \"actor\", \"kind\": \"country\", \"country\": \"KR\","
    "  \"aliases\": [\"ROK\", \"Seoul\"], \"demonyms\": [\"South Korean\"]},"
    " {\"name\": \"Department of State\", \"type\": \"agency\", \"country\": \"US\", \"aliases\": [\"State Department\"]},"
    " {\"name\": \"KORUS FTA\", \"type\": \"program\", \"kind\": \"agreement\"}]";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rg_catalog *cat;
    static rg_reader *x;
    if (!cat) {
        cat = rg_catalog_new();
        rg_catalog_load_text(cat, "fuzz.json", catalog_json, strlen(catalog_json), NULL);
        x = rg_reader_new(cat, NULL);
    }
    if (size == 0)
        return 0;
    static const char *const names[] = {"fuzz.md", "fuzz.txt", "fuzz.html"};
    const char *path = names[data[0] % 3];
    rg_doc *doc = NULL;
    if (rg_doc_parse(path, (const char *)data + 1, size - 1, &doc, NULL) == 0) {
        rg_graph *g = rg_graph_new();
        if (g && rg_extract_doc(x, doc, g, NULL) == 0)
            rg_extract_finish(x, g, NULL);
        rg_graph_free(g);
    }
    rg_doc_free(doc);
    return 0;
}
