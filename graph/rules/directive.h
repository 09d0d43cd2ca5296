/* rg_directive: is a sentence a recommendation, and who is its subject?
 *
 * Light grammar over one sentence, no parser: a directive is either
 * - a modal statement, "X should / must / ought to / needs to ... ", "X
 *   would be well served by ...", or "X could ..." in a list item, whose
 *   subject is an actor; or a commitment, "the leaders committed to ...",
 *   "X pledged / agreed / vowed to ..."; or
 * - an imperative, a sentence that opens with a verb in its base form
 *   ("Deepen cooperation ...", "Jointly reexamine ..."), when it stands in
 *   a list item or an emphasized line.
 * It is not when the modal sits in an embedded clause ("priorities that
 * should guide"), is perfect ("must not have relinquished"), follows
 * "will" ("will need to"), or is a copula or passive whose subject is no
 * actor ("these efforts should be part of ...").
 *
 * Ownership: nothing is allocated; spans point into the caller's text.
 */
#ifndef RG_DIRECTIVE_H
#define RG_DIRECTIVE_H

#include "graph/base/text.h"

#include <stdbool.h>
#include <stddef.h>

/* An actor or agency the sentence names, as byte offsets. */
typedef struct rg_span {
    size_t start, len;
} rg_span;

/* Offset of the modal that makes text a directive, or RG_NONE.
 * actors are the actor and agency mentions of the sentence, in order;
 * list_item says whether the sentence stands in a list item. On success
 * *subject_start (if not NULL) gets the offset where its subject begins,
 * past any opening adverbial ("Finally,", "As Seoul adopts ...,"). */
size_t rg_directive_modal(const char *text, const rg_span *actors, size_t n_actors, bool list_item,
                          size_t *subject_start);

/* Does text open with a demonstrative and say what should be done ("This
 * should be predicated on ...", "Such efforts must ...")? After a
 * recommendation, such a sentence goes on with it. */
bool rg_directive_refers_back(const char *text);

/* Does text open with an imperative verb (after an optional adverb)? */
bool rg_directive_imperative(const char *text);

#endif
