/* rg_catalog: the names relgraph knows before it reads a report.
 *
 * Loaded from JSON files (every .json file of data/catalog; schema in
 * data/catalog/README.md). Each entry is one entity: canonical name, type,
 * kind, country, aliases (every other surface form, acronyms included), an
 * optional parent body (part_of) and organizations it belongs to
 * (member_of). A file is either {"entities": [...]} or a bare array of
 * entries; the bare form is what ../bench/make-corpus writes. An object
 * may also list "do_not_merge": pairs of names that look alike but are
 * different bodies.
 *
 * Ownership: rg_catalog_new returns an empty catalog freed by
 * rg_catalog_free; entries and their strings belong to the catalog.
 */
#ifndef RG_CATALOG_H
#define RG_CATALOG_H

#include "graph/base/error.h"
#include "graph/base/hmap.h"
#include "graph/base/types.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_entry {
    char *id; /* node id: "<type>:<slug of name>", or the entry's "id" */
    char *name;
    rg_node_type type;
    char *kind;
    char *country; /* ISO 3166-1 alpha-2, or NULL */
    char *parent;  /* canonical name of the parent body, or NULL */
    char **aliases;
    size_t n_aliases;
    char **member_of;
    size_t n_member_of;
    char **demonyms; /* countries: "South Korean", "Korean": qualifiers of names */
    size_t n_demonyms;
    const char *source; /* the catalog file, for evidence */
} rg_entry;

typedef struct rg_catalog {
    rg_entry *entries;
    size_t len;
    size_t cap;
    rg_hmap by_id;   /* id → index */
    rg_hmap by_name; /* canonical name → index */
    char **files;    /* the files loaded, for evidence */
    size_t n_files;
    rg_hmap distinct; /* "a\x1fb" for names that look alike but are different bodies */
} rg_catalog;

rg_catalog *rg_catalog_new(void);
void rg_catalog_free(rg_catalog *cat);

/* Add the entries of one JSON file. A syntax error names the file, line and
 * column; an entry that breaks the schema names the file, the line of the
 * entry and what is wrong. A later entry with an id already present adds
 * its aliases to the earlier one. */
int rg_catalog_load_file(rg_catalog *cat, const char *path, rg_error *err);

/* Add every *.json file of dir, in name order. */
int rg_catalog_load_dir(rg_catalog *cat, const char *dir, rg_error *err);

/* Parse JSON text already in memory; path names it in errors and evidence. */
int rg_catalog_load_text(rg_catalog *cat, const char *path, const char *text, size_t len, rg_error *err);

/* A copy of an entry on the heap (its id made from type and name when
 * proto->id is NULL), freed with rg_entry_free; NULL when out of memory. */
rg_entry *rg_entry_dup(const rg_entry *proto);
void rg_entry_free(rg_entry *e);

/* Is e a country (an actor of kind "country")? NULL is not. */
bool rg_entry_is_country(const rg_entry *e);

const rg_entry *rg_catalog_find_id(const rg_catalog *cat, const char *id);

/* Are a and b listed in a "do_not_merge" pair (compared as normalized
 * names)? Resolution that is not an exact match of a name or alias must
 * not join them. */
bool rg_catalog_distinct(const rg_catalog *cat, const char *a, const char *b);
const rg_entry *rg_catalog_find_name(const rg_catalog *cat, const char *name);

/* The node id an entity of this type and name gets: "<type>:<slug>".
 * Caller frees; NULL when out of memory. */
char *rg_entity_id(rg_node_type type, const char *name);

#endif
