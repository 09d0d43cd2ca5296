/* rg_reader: the catalog compiled for reading.
 *
 * Every name and alias of the catalog in one matcher, and the indexes the
 * reading rules look up: normalized forms, countries by ISO code, country
 * qualifiers ("U.S.", "ROK", "South Korean") and qualified names by their
 * stem ("KR|indo-pacific strategy"). Built once, shared read-only by the
 * reading of every document (graph/rules/context.h).
 *
 * Ownership: rg_reader_new borrows the catalog, which must outlive the
 * reader; rg_reader_free(NULL) is a no-op. Returned entries are borrowed
 * from the catalog.
 */
#ifndef RG_READER_H
#define RG_READER_H

#include "graph/base/error.h"
#include "graph/rules/catalog.h"

#include <stddef.h>

typedef struct rg_reader rg_reader;

/* Compile cat. NULL (err filled) when out of memory. */
rg_reader *rg_reader_new(const rg_catalog *cat, rg_error *err);
void rg_reader_free(rg_reader *r);

/* The catalog the reader was built from. */
const rg_catalog *rg_reader_catalog(const rg_reader *r);

/* A country qualifier opening name: "ROK", "U.S.", "South Korean". Its
 * country and length in bytes (the space after it left out), or NULL. */
const rg_entry *rg_reader_qualifier(const rg_reader *r, const char *name, size_t *len);

/* The entry of the country with this ISO code, or NULL. */
const rg_entry *rg_reader_country(const rg_reader *r, const char *code);

#endif
