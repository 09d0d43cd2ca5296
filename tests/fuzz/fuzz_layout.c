/* libFuzzer target: the PDF layout assembly (graph/read/layout.c) on the
 * runs of text poppler could report for any PDF: pages of any size, runs
 * anywhere on them, overlapping, of any size and face, footnote flags,
 * any text. poppler itself is not run: its output is what is mutated.
 *
 * The bytes are records: 'P' w h (a page), or any other byte then x y
 * width size flags font length and that many bytes of text. */
#include "graph/read/doc_internal.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Valid UTF-8 text, as poppler gives: bytes above ASCII become a "é". */
static size_t text_of(const uint8_t *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 0x80) {
            out[k++] = '\xc3';
            out[k++] = '\xa9';
        } else {
            out[k++] = s[i] >= 0x20 ? (char)s[i] : ' ';
        }
    }
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const fonts[] = {"Century-Book", "Century-Bold", "Helvetica", "ABCDEF+Times-Italic", ""};
    rg_pdf_text t = {0};
    size_t i = 0;
    while (i < size) {
        if (data[i] == 'P' && i + 3 <= size) {
            if (rg_pdf_add_page(&t, (float)data[i + 1] * 4, (float)data[i + 2] * 4) < 0)
                break;
            i += 3;
            continue;
        }
        if (i + 8 > size)
            break;
        const uint8_t *r = data + i + 1;
        float x = (float)r[0] * 2.5f, y = (float)r[1] * 3.2f, size_pt = 1 + (float)(r[3] % 40);
        rg_pdf_frag f = {.x0 = x, .y0 = y, .x1 = x + (float)r[2] * 2, .y1 = y + size_pt, .size = size_pt,
                         .flags = r[4] & 7u};
        size_t len = r[6] % 64;
        i += 8;
        if (i + len > size)
            len = size - i;
        char text[128];
        size_t n = text_of(data + i, len, text);
        i += len;
        if (rg_pdf_add_frag(&t, &f, fonts[r[5] % 5], text, n) < 0)
            break;
    }
    rg_doc *doc = NULL;
    if (rg_doc_parse_layout("fuzz.pdf", &t, &doc, NULL) == 0)
        rg_doc_free(doc);
    rg_pdf_text_free(&t);
    return 0;
}
