/* rg_eval_normalize: names and texts as the reference scorer compares them.
 *
 * ../shared/gold/score.py compares an entity's forms, and a
 * recommendation's sentence with the gold text, after its norm(): NFKC,
 * curly quotes and en and em dashes made ASCII, lowercase, the dots of a
 * single-letter abbreviation dropped ("u.s." -> "us."), "'s" at a word's end
 * dropped, every character but a letter, a digit, '_', whitespace, '&', '+'
 * and '-' made a space, a leading "the " dropped, runs of whitespace made
 * one space. This is that function, so that relgraph eval counts what the
 * reference scorer counts. It is not rg_normalize_name, which keeps
 * punctuation and serves the catalog.
 *
 * The Unicode it needs, which word characters are (Python's \w) and what
 * NFKC and lowercase make of one code point, is in norm_tables.h, written
 * by tests/eval/make_norm_tables.py from Python's unicodedata. Where it can
 * still differ from score.py (none of it occurs in the development set):
 * - NFKC and lowercase are followed in Latin, Greek, Cyrillic, Armenian,
 *   Hebrew and Arabic, punctuation and symbols U+2000-24FF and U+2E00-2E7F,
 *   CJK punctuation, the ligatures, small forms and full-width ASCII; in
 *   other scripts a code point stands for itself (a capital of Georgian or
 *   Cherokee stays one; half-width katakana and Hangul stay half-width);
 * - one code point at a time: what NFKC composes from two (a letter and a
 *   combining mark after it, as in decomposed text; Hangul jamo) is not
 *   composed, and the mark is then a word boundary;
 * - a capital sigma at the end of a word becomes σ, where str.lower()
 *   gives the final ς;
 * - the tables are those of the Python that wrote them (Unicode 14.0): a
 *   scorer run by another Python may know newer characters.
 *
 * Ownership: the result is the caller's to free; NULL when out of memory.
 */
#ifndef RG_EVAL_NORMALIZE_H
#define RG_EVAL_NORMALIZE_H

#include <stddef.h>

/* s as score.py's norm() gives it; s is valid UTF-8 (an invalid byte is
 * read as U+FFFD). Linear in the length of s. */
char *rg_eval_normalize(const char *s);

/* The byte length of the first n code points of the UTF-8 string s (all
 * of s when it is shorter): Python's s[:n]. */
size_t rg_eval_prefix(const char *s, size_t n);

/* The number of code points in s[0..bytes): a byte offset as Python's
 * str.find gives it. */
size_t rg_eval_code_points(const char *s, size_t bytes);

#endif
