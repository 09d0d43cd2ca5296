/* rg_shape: names that look like agencies, programs and organizations.
 *
 * Reports name many bodies and programs no catalog lists. Their shape
 * gives them away: a run of capitalized words ending in a head noun
 * ("Korea Aerospace Research Institute", "Partner with Korea Act"), a head
 * noun followed by "of", "on" or "for" and capitalized words ("Ministry of
 * Trade, Industry and Energy", "Convention on the Law of the Sea"), a
 * possessive chain ("the Ministry of Interior and Safety's Personal
 * Information Protection Commission": the owner is kept apart), or a
 * mission abroad ("South Korean consulate in San Francisco"). The head
 * decides the type: Ministry, Agency, Commission, Command ... make an
 * agency; Act, Fund, Dialogue, Initiative, Program, Strategy, Agreement ...
 * a program; Foundation, University, Association ... an organization.
 *
 * Four more shapes are told apart by their form (rg_shape_form): the head
 * of a document ("Washington Declaration"; "Joint Statement of the United
 * States and Japan" is a title, not a name, which graph/rules/mention.c
 * tells by the words before the head), a geographic feature ("South China
 * Sea", "Taiwan Strait": no entity, nor the country inside it), an office
 * ("the Secretary of State", "the Director of OSTP": a post of its own)
 * and a person named with a title ("President Joseph R. Biden", "Mr.
 * Risch").
 *
 * Ownership: rg_shape_find returns an array the caller frees; spans point
 * into the caller's text.
 */
#ifndef RG_SHAPE_H
#define RG_SHAPE_H

#include "graph/base/types.h"

#include <stddef.h>

typedef enum rg_shape_form {
    RG_SHAPE_BODY,     /* a body or program named by its head */
    RG_SHAPE_DOCUMENT, /* a document's head: a name only with a word of its own before the head */
    RG_SHAPE_PLACE,    /* a geographic feature: names no entity */
    RG_SHAPE_OFFICE,   /* "Director of OSTP": the head is the title, tail_start what it heads */
    RG_SHAPE_PERSON,   /* "President Joseph R. Biden": the name, the head is the title */
} rg_shape_form;

typedef struct rg_shape {
    size_t start, len;             /* the name, leading "the" left out */
    size_t owner_start, owner_len; /* "X's" right before it, or len 0 */
    size_t head_start, head_len;   /* the head noun (an office's or a person's title) */
    size_t skip_start, skip_len;   /* "(RIGHT)" inside "... Technology (RIGHT) Fund", or len 0 */
    size_t tail_start;             /* an office: where what it heads starts ("OSTP"), else 0 */
    rg_node_type type;
    const char *kind;  /* static: "agency", "program", "act", "organization", ... */
    rg_shape_form form;
    int plural;        /* head in the plural ("Strategies"): the name is singular */
    int generic;       /* the head alone, of two words ("Task Force"): a name only as a short form */
} rg_shape;

/* Find the shaped names of one sentence, in text order, not overlapping.
 * Returns 0, or -1 when out of memory. */
int rg_shape_find(const char *text, rg_shape **out, size_t *n);

#endif
