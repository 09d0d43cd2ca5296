/* rg_mention: an entity a sentence names, and where.
 *
 * A mention is a span of the sentence and the entry it names: a catalog
 * entry, or a body or program the document names by its shape (an entry
 * of the document's own, graph/rules/context.h). Three flags say when a
 * span names no party in its own right: a name qualifying the one it
 * stands in ("ROK" in "ROK Ministry of ...", "Senate" in "the Committee
 * on Finance of the Senate", "Lima" in "the Lima Joint Statement"); the
 * acronym echoing a definition ("(DIU)" right after "Defense Innovation
 * Unit"); and the body an office heads, named in the office's name
 * ("OSTP" in "the Director of OSTP"): an entity the text names, but no
 * party to what the sentence says.
 *
 * Ownership: a mention borrows its entries from the catalog or from the
 * document's context; the reading that holds it says how long it lives.
 */
#ifndef RG_MENTION_H
#define RG_MENTION_H

#include "graph/base/text.h"
#include "graph/rules/catalog.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_mention {
    size_t start, len; /* the surface in the sentence */
    const rg_entry *entity;
    const rg_entry *owner; /* "the Ministry of X's Y": Y part_of X */
    bool qualifier;        /* "ROK" in "ROK Ministry of ...": no mention of its own */
    bool echo;             /* "(DIU)" right after "Defense Innovation Unit": a surface form only */
    bool inferred;         /* "the two countries": a party the sentence stands for without naming it */
    bool stand_in;         /* "Biden" in "the Biden administration": the country, by another name */
    bool inner;            /* "OSTP" in "the Director of OSTP": an entity, inside another's name */
} rg_mention;

/* Does the mention name a party in its own right (not a qualifier, not
 * the echo of a definition, not inside another's name)? */
static inline bool rg_mention_counts(const rg_mention *m)
{
    return !m->qualifier && !m->echo && !m->inner;
}

#endif
