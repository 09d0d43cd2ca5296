/* rg_shape: names that look like agencies, programs and organizations.
 *
 * Reports name many bodies and programs no catalog lists. Their shape
 * gives them away: a run of capitalized words ending in a head noun
 * ("Korea Aerospace Research Institute", "Partner with Korea Act"), a head
 * noun followed by "of", "on" or "for" and capitalized words ("Ministry of
 * Trade, Industry and Energy", "Presidential Committee on New Southern
 * Policy"), a possessive chain ("the Ministry of Interior and Safety's
 * Personal Information Protection Commission": the owner is kept apart),
 * or a mission abroad ("South Korean consulate in San Francisco"). The head
 * decides the type: Ministry, Agency, Commission, Command ... make an
 * agency; Act, Fund, Dialogue, Initiative, Program, Strategy, Agreement ...
 * a program; Foundation, University, Association ... an organization.
 *
 * Ownership: rg_shape_find returns an array the caller frees; spans point
 * into the caller's text.
 */
#ifndef RG_SHAPE_H
#define RG_SHAPE_H

#include "graph/base/types.h"

#include <stddef.h>

typedef struct rg_shape {
    size_t start, len;             /* the name, leading "the" left out */
    size_t owner_start, owner_len; /* "X's" right before it, or len 0 */
    size_t head_start, head_len;   /* the head noun */
    size_t skip_start, skip_len;   /* "(RIGHT)" inside "... Technology (RIGHT) Fund", or len 0 */
    rg_node_type type;
    const char *kind; /* static: "agency", "program", "act", "organization", ... */
    int plural;       /* head in the plural ("Strategies"): the name is singular */
} rg_shape;

/* Find the shaped names of one sentence, in text order, not overlapping.
 * Returns 0, or -1 when out of memory. */
int rg_shape_find(const char *text, rg_shape **out, size_t *n);

#endif
