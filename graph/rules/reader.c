/* The catalog compiled for reading: names, forms, countries, qualifiers,
 * stems. */
#include "graph/rules/reader.h"
#include "graph/rules/rules_internal.h"
#include "graph/base/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void rg_reader_free(rg_reader *r)
{
    if (!r)
        return;
    rg_matcher_free(r->names);
    rg_hmap_destroy(&r->forms);
    rg_hmap_destroy(&r->countries);
    rg_hmap_destroy(&r->qualifiers);
    rg_hmap_destroy(&r->stems);
    free(r);
}

const rg_catalog *rg_reader_catalog(const rg_reader *r)
{
    return r->cat;
}

const rg_entry *rg_reader_country(const rg_reader *r, const char *code)
{
    size_t at;
    return code && rg_hmap_get(&r->countries, code, &at) ? &r->cat->entries[at] : NULL;
}

/* An abbreviation: no lowercase letter ("U.S.", "ROK", "DPRK"). */
static bool abbreviation(const char *s)
{
    for (; *s; s++)
        if (islower((unsigned char)*s))
            return false;
    return true;
}

/* The forms that qualify a name with its country: abbreviations of the
 * country and its demonyms. */
static int index_qualifiers(rg_reader *r)
{
    for (size_t i = 0; i < r->cat->len; i++) {
        const rg_entry *e = &r->cat->entries[i];
        if (!rg_entry_is_country(e))
            continue;
        for (size_t k = 0; k < e->n_aliases; k++)
            if (abbreviation(e->aliases[k]) && strlen(e->aliases[k]) <= 6 &&
                !rg_hmap_get(&r->qualifiers, e->aliases[k], NULL) && rg_hmap_put(&r->qualifiers, e->aliases[k], i) < 0)
                return -1;
        for (size_t k = 0; k < e->n_demonyms; k++)
            if (!rg_hmap_get(&r->qualifiers, e->demonyms[k], NULL) && rg_hmap_put(&r->qualifiers, e->demonyms[k], i) < 0)
                return -1;
    }
    return 0;
}

const rg_entry *rg_reader_qualifier(const rg_reader *r, const char *name, size_t *len)
{
    /* two words first: "South Korean", "New Zealand" */
    size_t first = strcspn(name, " ");
    if (!name[first])
        return NULL;
    size_t second = first + 1 + strcspn(name + first + 1, " ");
    size_t at;
    if (name[second] && rg_hmap_getn(&r->qualifiers, name, second, &at)) {
        *len = second;
        return &r->cat->entries[at];
    }
    if (rg_hmap_getn(&r->qualifiers, name, first, &at)) {
        *len = first;
        return &r->cat->entries[at];
    }
    return NULL;
}

/* Names qualified by a country, by country and what follows the
 * qualifier: "ROK Indo-Pacific Strategy" under "KR|indo-pacific strategy",
 * so that an unqualified "Indo-Pacific Strategy" finds it in a report
 * about that country. */
static int index_stems(rg_reader *r)
{
    for (size_t i = 0; i < r->cat->len; i++) {
        const rg_entry *e = &r->cat->entries[i];
        if (rg_entry_is_country(e))
            continue;
        for (size_t k = 0; k <= e->n_aliases; k++) {
            const char *form = k == 0 ? e->name : e->aliases[k - 1];
            size_t qlen;
            const rg_entry *c = rg_reader_qualifier(r, form, &qlen);
            if (!c)
                continue;
            char *rest = rg_normalize_name(form + qlen + 1);
            if (!rest)
                return -1;
            rg_buf key;
            rg_buf_init(&key);
            rg_buf_adds(&key, c->country);
            rg_buf_addc(&key, '|');
            rg_buf_adds(&key, rest);
            free(rest);
            int rc = key.failed ? -1 : 0;
            if (rc == 0 && !rg_hmap_get(&r->stems, key.data, NULL))
                rc = rg_hmap_put(&r->stems, key.data, i);
            rg_buf_destroy(&key);
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}

rg_reader *rg_reader_new(const rg_catalog *cat, rg_error *err)
{
    rg_reader *r = calloc(1, sizeof *r);
    if (!r)
        goto nomem;
    rg_hmap_init(&r->forms);
    rg_hmap_init(&r->countries);
    rg_hmap_init(&r->qualifiers);
    rg_hmap_init(&r->stems);
    if (!(r->names = rg_matcher_new()))
        goto nomem;
    r->cat = cat;
    for (size_t i = 0; i < cat->len; i++) {
        const rg_entry *e = &cat->entries[i];
        if (rg_matcher_add(r->names, e->name, i) < 0 || rg_hmap_put_name(&r->forms, e->name, i) < 0)
            goto nomem;
        for (size_t k = 0; k < e->n_aliases; k++)
            if (rg_matcher_add(r->names, e->aliases[k], i) < 0 || rg_hmap_put_name(&r->forms, e->aliases[k], i) < 0)
                goto nomem;
        if (e->country && rg_entry_is_country(e) &&
            !rg_hmap_get(&r->countries, e->country, NULL) && rg_hmap_put(&r->countries, e->country, i) < 0)
            goto nomem;
    }
    if (index_qualifiers(r) < 0 || index_stems(r) < 0)
        goto nomem;
    return r;
nomem:
    rg_reader_free(r);
    rg_error_nomem(err);
    return NULL;
}
