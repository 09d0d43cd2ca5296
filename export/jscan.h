/* rg_jscan: a pull scanner over JSON text already in memory.
 *
 * The graph reader walks a file with it value by value and builds the graph
 * as it goes, instead of building a jansson tree of the whole file first: a
 * saved graph of millions of links loads in a fraction of the time and the
 * memory. The scanner accepts exactly what jansson's json_loadb accepts with
 * no flags (an object or array at the top, strict numbers, valid UTF-8, no
 * \u0000, integers within long long, no real overflow, nesting up to 2048),
 * so a file is either good for both or bad for both; a caller reports a bad
 * file's error through jansson, whose messages users know.
 *
 * Usage: for (size_t i = 0; rg_jscan_member(j, i, &key); i++) { ... } walks
 * the members of an object after rg_jscan_open(j, '{'); rg_jscan_item does
 * the same for an array. Every call that meets bad input sets j->error and
 * from then on fails at once, so a caller checks j->error once at the end.
 *
 * Ownership: the scanner points into the caller's text and allocates
 * nothing but what it decodes into the caller's rg_buf.
 */
#ifndef RG_JSCAN_H
#define RG_JSCAN_H

#include "graph/base/text.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum rg_jtype {
    RG_J_BAD,
    RG_J_OBJECT,
    RG_J_ARRAY,
    RG_J_STRING,
    RG_J_NUMBER,
    RG_J_TRUE,
    RG_J_FALSE,
    RG_J_NULL
} rg_jtype;

typedef struct rg_jscan {
    const char *text, *end;
    const char *p;     /* the cursor */
    const char *error; /* where the text first went wrong, or NULL */
    int depth;
} rg_jscan;

void rg_jscan_init(rg_jscan *j, const char *text, size_t len);

/* The same text, with the cursor at p (a place an earlier scan found). */
rg_jscan rg_jscan_at(const rg_jscan *j, const char *p);

/* The type of the next value, whitespace skipped; the cursor stays on it. */
rg_jtype rg_jscan_peek(rg_jscan *j);

/* Enter the object ('{') or array ('[') at the cursor. */
bool rg_jscan_open(rg_jscan *j, char bracket);

/* Step to member i of the open object: true with its key decoded into key
 * (may be NULL) and the cursor on its value; false after the closing '}'. */
bool rg_jscan_member(rg_jscan *j, size_t i, rg_buf *key);

/* Step to item i of the open array; false after the closing ']'. */
bool rg_jscan_item(rg_jscan *j, size_t i);

/* Read the string at the cursor, decoded into out (reset first; may be NULL
 * to only check it). */
bool rg_jscan_string(rg_jscan *j, rg_buf *out);

/* Read the number at the cursor. *integer says whether it has neither
 * fraction nor exponent; then *i holds it, and *d holds it either way. */
bool rg_jscan_number(rg_jscan *j, bool *integer, long long *i, double *d);

/* Skip the value at the cursor, checking it all. */
bool rg_jscan_skip(rg_jscan *j);

/* Check that only whitespace is left. */
bool rg_jscan_end(rg_jscan *j);

#endif
