/* rg_context: the reading of one document, sentence by sentence.
 *
 * A sentence is read in the context of its document: the acronyms it
 * defines ("Defense Innovation Unit (DIU)"), the bodies and programs it
 * names by their shape (entries of the document's own), the two countries
 * it names most (what "both countries" and "the allies" refer to), the
 * lead-in of a list, and the recommendation a sentence may go on with.
 * rg_context_new surveys the document (catalog names, acronyms, the two
 * countries); rg_context_read then reads its body sentences, in order.
 * No graph is involved: graph/model turns readings into nodes and links.
 *
 * Ownership: the context borrows the reader and the document, which must
 * outlive it, and owns the document's own entries, which mentions point
 * at; rg_context_free(NULL) is a no-op.
 */
#ifndef RG_CONTEXT_H
#define RG_CONTEXT_H

#include "graph/base/error.h"
#include "graph/read/doc.h"
#include "graph/rules/reader.h"
#include "graph/rules/reading.h"

typedef struct rg_context rg_context;

/* Survey doc: its catalog names, the acronyms it defines and the two
 * countries it names most. NULL (err filled) when out of memory.
 * Complexity: one scan of the document's text. */
rg_context *rg_context_new(const rg_reader *r, const rg_doc *doc, rg_error *err);
void rg_context_free(rg_context *c);

/* Read sentence i into *out. Body sentences must be read in document
 * order, each once: a sentence may go on with the recommendation read
 * before it. A sentence outside the body reads as nothing. Returns 0, or
 * -1 when out of memory. */
int rg_context_read(rg_context *c, size_t i, rg_reading *out);

/* The two countries "both countries" refers to (NULL when the document is
 * not about two), and a way to set them (for tests of one sentence). */
const rg_entry *rg_context_pair(const rg_context *c, int k);
void rg_context_set_pair(rg_context *c, const rg_entry *a, const rg_entry *b);

#endif
