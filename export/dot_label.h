/* rg_dot labels: who does what, in a few words.
 *
 * A recommendation drawn in a diagram is labelled by its leads' short
 * names and its action ("USAID: expand ...", "U.S., ROK: deepen cooperation
 * ..."): the first words of a sentence are mostly its lead-in ("To this end,
 * the United States Agency of ...") and hide what is to be done.
 *
 * Ownership: strings returned are the caller's to free; NULL when out of
 * memory.
 */
#ifndef RG_DOT_LABEL_H
#define RG_DOT_LABEL_H

#include "graph/model/model.h"

#include <stdbool.h>
#include <stddef.h>

/* The name a diagram gives an entity in few letters: its shortest acronym
 * among its name and aliases ("USAID", "U.S.", "ROK"), else what follows
 * "Department of " ("State", "Commerce"), else its label. Borrowed from n
 * or from a static buffer of the caller (buf, at least 64 bytes). */
const char *rg_dot_short_name(const rg_node *n, char *buf, size_t size);

/* The action of a recommendation's sentence: the words from its modality's
 * cue on ("should expand X" -> "expand X", "must not neglect" kept whole,
 * "urge X to fund Y" -> "fund Y"), or the whole sentence when no cue is
 * found (an imperative). Cut at a word boundary to about max bytes with an
 * ellipsis; a trailing full stop or semicolon dropped; the first letter
 * lowered when lower (the label leads with a name), the sentence is an
 * imperative and its first word is not an acronym. */
char *rg_dot_action(const char *text, const char *modality, size_t max, bool lower);

/* "LEAD, LEAD: action" for recommendation rec of g with its n leads (at
 * most two named, then "and N more"), or the action alone with no lead,
 * its first letter a capital. */
char *rg_dot_recommendation_label(const rg_graph *g, size_t rec, const size_t *leads, size_t n, size_t max);

#endif
