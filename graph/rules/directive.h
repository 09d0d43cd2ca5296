/* rg_directive: is a sentence a recommendation, what form makes it one,
 * and who is its subject?
 *
 * Light grammar over one sentence, no parser: a recommendation is either
 * - a directive, "X should / must / shall / ought to / needs to ...", "X
 *   would be well served by ...", "X could ..." in a list item or, with a
 *   named actor as X, anywhere ("USAID could work with ..."); or a
 *   commitment or a call, "X commits / pledges / agrees to ...", "we
 *   reaffirm our commitment to ...", "X urges / calls on Y to ...", "GAO
 *   recommends that Y ...", "This brief argues that Y should ...", and,
 *   where the document speaks for its parties (a joint statement), "we
 *   will ...", "we intend / seek to ...", "the leaders called for ...";
 *   each with its modality (graph/base/types.h);
 * - an imperative, a sentence that opens with a verb in its base form
 *   ("Deepen cooperation ...", "Jointly reexamine ..."), when it stands in
 *   a list item or an emphasized line.
 * It is not when the form sits in an embedded or subordinate clause
 * ("priorities that should guide", "While X seeks to"), is perfect ("must
 * not have relinquished"), a forecast ("will need to", "will likely") or
 * denied ("did not plan to"), an opinion ("reaffirm that"), or a copula or
 * passive whose subject is no actor ("these efforts should be part of").
 *
 * Ownership: nothing is allocated; spans point into the caller's text.
 */
#ifndef RG_DIRECTIVE_H
#define RG_DIRECTIVE_H

#include "graph/base/text.h"
#include "graph/base/types.h"

#include <stdbool.h>
#include <stddef.h>

/* An actor or agency the sentence names, as byte offsets. */
typedef struct rg_span {
    size_t start, len;
} rg_span;

/* Where a sentence stands, for rg_directive_read. */
enum {
    RG_DIRECTIVE_ITEM = 1,  /* a list item: "could" directs */
    RG_DIRECTIVE_TITLE = 2, /* a heading in title case: "State Should Require Plans" */
    RG_DIRECTIVE_VOICE = 4, /* the document speaks for its parties (a joint statement):
                             * "will", "intend to", "seek to" commit them */
    RG_DIRECTIVE_LEAD_IN = 8, /* read a list's lead-in ("X should:") for what its items complete */
};

/* What makes a sentence a recommendation. */
typedef struct rg_directive {
    size_t at;            /* offset of the form ("should", "will", "recommends that"), or RG_NONE */
    size_t subject;       /* where its subject begins, past any opening adverbial */
    size_t subject_end;   /* where the leaders it names end: at, or past X in "recommends that X do" */
    rg_modality modality; /* should, will, commit, ... */
    size_t author_end;    /* the end of who recommends ("GAO recommends that", "It is the sense of
                           * Congress that"): no party to it; 0 when none */
} rg_directive;

/* Read text as a directive or a commitment: the offset of its form, or
 * RG_NONE; *out says more. actors are the actor and agency mentions of
 * the sentence, in order; where holds RG_DIRECTIVE_* flags. */
size_t rg_directive_read(const char *text, const rg_span *actors, size_t n_actors, unsigned where,
                         rg_directive *out);

/* The modality a list's lead-in gives the items after it, when it ends
 * where its directive leaves off, so that each item completes it: "Washington
 * and Tokyo should:", "the leaders decided to:", "..., which shall—", "shall
 * provide ... in order to—", "recommends that U.S. policymakers:". Else
 * RG_MODALITY_NONE. *out says more, as rg_directive_read's. */
rg_modality rg_directive_lead_in(const char *text, const rg_span *actors, size_t n_actors, unsigned where,
                                 rg_directive *out);

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

/* Are the forms in order, each opening with a word of three letters or
 * more and a letter form_at looks for (for a test)? */
bool rg_directive_forms_sorted(void);

/* Does text open with an imperative verb (after an optional adverb)? */
bool rg_directive_imperative(const char *text);

/* The same in lower case too, or after "to": the items of a provision
 * that directs ("(1) assess ...", "(A) to leverage ..."). */
bool rg_directive_imperative_any_case(const char *text);

#endif
