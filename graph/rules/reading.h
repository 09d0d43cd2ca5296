/* rg_reading: what one sentence names and says, as a plain value.
 *
 * The reading of a sentence (graph/rules/context.h) lists its mentions in
 * text order and, when the sentence is a recommendation, what each
 * mention is to it: who leads (named in the subject of "X should"), who
 * partners, what program it concerns; a country named as a place ("in
 * South Korea", "from Beijing to Seoul") or a topic ("the North Korea
 * challenge") is none of these. A sentence that elaborates the previous
 * recommendation ("For example, ...", "This should be ...") says which
 * sentence it goes on with; in a list item its mentions partner in that
 * recommendation too. An item under a lead-in ("The report recommends that
 * U.S. and ROK policymakers:") names the lead-in and, when the item names
 * no leader of its own, the lead-in's mentions that lead; a party the
 * sentence does not name ("we", "it") is resolved and said apart.
 *
 * Ownership: a reading borrows its arrays from the context that read it,
 * valid until the next sentence is read or the context is freed.
 */
#ifndef RG_READING_H
#define RG_READING_H

#include "graph/rules/mention.h"

#include <stddef.h>

/* What a mention is to the recommendation its sentence makes or goes on with. */
typedef enum rg_role {
    RG_ROLE_NONE,     /* a qualifier, an echo, a place, a topic, or no recommendation */
    RG_ROLE_LEADS,    /* an actor or agency in the subject */
    RG_ROLE_PARTNERS, /* any other actor or agency */
    RG_ROLE_TARGETS,  /* an actor or agency acted upon: condemned, deterred, pressed, assisted */
    RG_ROLE_CONCERNS, /* a program */
} rg_role;

/* Why a sentence is a recommendation. */
typedef enum rg_form {
    RG_FORM_NONE,       /* it is none */
    RG_FORM_MODAL,      /* "X should / must / ought to ...", "USAID could ..." */
    RG_FORM_ITEM,       /* an imperative opening a list item: "- Deepen cooperation ..." */
    RG_FORM_EMPHASIZED, /* an imperative opening an emphasized line: "*Establish ...*" */
} rg_form;

typedef struct rg_reading {
    size_t sentence; /* index into the document's sentences */
    const rg_mention *mentions;
    size_t n_mentions;
    const rg_role *roles; /* one per mention */
    rg_form form;
    rg_modality modality;  /* should, will, commit, ... (RG_MODALITY_NONE when no recommendation) */
    size_t subject, modal; /* byte offsets of a modal recommendation's subject and modal, or RG_NONE */
    size_t elaborates;     /* the sentence of the recommendation this one goes on with, or RG_NONE */
    long lead_in;          /* the block of the recommending lead-in of its list item, or -1 */
    /* the lead-in's mentions that lead the recommendation: only when it
     * names no leader of its own */
    const rg_mention *leaders;
    size_t n_leaders;
    /* who leads when the sentence names no one in its subject: "we" (the
     * signatories of a joint statement), "it", "they" (who led the
     * recommendation before); linked as inferred, the sentence its evidence */
    const rg_entry *const *parties;
    size_t n_parties;
} rg_reading;

/* The names of a role and a form, as the rule tests write them: "leads",
 * "modal", ... */
const char *rg_role_name(rg_role role);
const char *rg_form_name(rg_form form);

#endif
