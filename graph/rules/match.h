/* rg_matcher: find every known name in a text in one left-to-right pass.
 *
 * Patterns are words or phrases, each with a caller value (a catalog entry
 * index). Matching is leftmost-longest on word boundaries: at each word
 * start the longest pattern that ends on a word boundary wins, and the scan
 * goes on after it, so "North Korea" is one match, never "Korea" inside it.
 * A pattern of one word matches case-sensitively ("ROK", "Quad"); a phrase
 * of several words ignores case ("Defense innovation unit") but for a
 * capital that opens it ("a free and open Indo-Pacific" is no "Free and
 * Open Indo-Pacific"). Curly quotes in a pattern are read straight, as
 * the readers write text. Several patterns may share a form; a match
 * reports all of their values.
 *
 * The trie is one open-addressing table of (state, byte) → state, so a
 * catalog of tens of thousands of forms costs a few MB and matching is
 * linear in the text (times the length of the longest form). A Bloom
 * filter of the forms' first words lets the scan pass over a word no form
 * begins with without walking the trie.
 *
 * Ownership: rg_matcher_new / rg_matcher_free; patterns are copied.
 */
#ifndef RG_MATCH_H
#define RG_MATCH_H

#include <stddef.h>

typedef struct rg_matcher rg_matcher;

typedef struct rg_match {
    size_t start; /* byte offset in the text */
    size_t len;
    const size_t *values; /* the values of every pattern with this form */
    size_t n_values;
} rg_match;

rg_matcher *rg_matcher_new(void);
void rg_matcher_free(rg_matcher *m);

/* Add a pattern. Returns 0, or -1 when out of memory (or past 2^24 trie
 * states: some hundreds of MB of names). Empty patterns and exact
 * duplicates (same form, same value) are ignored. */
int rg_matcher_add(rg_matcher *m, const char *pattern, size_t value);

/* Find the matches in text[0..n). Calls fn for each, in text order; fn
 * returns non-zero to stop. Returns fn's non-zero value or 0. */
int rg_matcher_scan(const rg_matcher *m, const char *text, size_t n,
                    int (*fn)(const rg_match *match, void *ctx), void *ctx);

#endif
