/* The query commands' filters, checked in one place (cli/filters.h). */
#include "cli/filters.h"

#include "cli/cli.h"
#include "export/dot.h"
#include "graph/base/text.h"
#include "graph/rules/catalog.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many near values an error names, how many characters of each, and
 * the longest value compared (a section title, a report id). */
enum { NEAREST = 3, SHOWN = 60, KEY = 256 };

/* ---- values typed by hand, and the nearest ones the graph has ---- */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* s as compared with what a person types: lowercase ASCII, hyphens and
 * underscores as spaces ("South-Korea"), dots, brackets, commas and
 * apostrophes dropped ("U.S.", "(ROK)"), single spaces; cut to KEY - 1
 * bytes. */
static void fold(const char *s, char out[KEY])
{
    size_t n = 0;
    bool space = true;
    for (; *s && n < KEY - 1; s++) {
        char c = *s == '-' || *s == '_' || *s == '\t' ? ' ' : lower(*s);
        if (strchr(".(),'", c))
            continue;
        if (c == ' ' && space)
            continue;
        space = c == ' ';
        out[n++] = c;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* Does hay contain needle, ignoring ASCII case? (--section's test.) */
static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && lower(hay[i]) == lower(needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

/* The edits that make needle into hay (Levenshtein), or with within into
 * some part of hay (Sellers), both folded: how far a value typed is from
 * one the graph has. */
static size_t edits(const char *needle, const char *hay, bool within)
{
    size_t ln = strlen(needle), lh = strlen(hay), row[KEY];
    for (size_t j = 0; j <= lh; j++)
        row[j] = within ? 0 : j;
    for (size_t i = 1; i <= ln; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lh; j++) {
            size_t above = row[j], best = diagonal + (needle[i - 1] != hay[j - 1]);
            best = above + 1 < best ? above + 1 : best;
            best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
            row[j] = best;
            diagonal = above;
        }
    }
    size_t best = row[lh];
    for (size_t j = 0; within && j < lh; j++)
        best = row[j] < best ? row[j] : best;
    return best;
}

/* Append "'s'" to out, s cut after SHOWN characters with "...". */
static void add_quoted(char *out, size_t size, const char *s)
{
    size_t at = strlen(out), len = 0, chars = 0;
    while (s[len] && chars < SHOWN) {
        len++;
        while ((s[len] & 0xC0) == 0x80) /* the rest of a UTF-8 character */
            len++;
        chars++;
    }
    snprintf(out + at, size - at, "'%.*s%s'", (int)len, s, s[len] ? "..." : "");
}

/* Append the separator before item i of n: ", ", or " and " before the last. */
static void add_separator(char *out, size_t size, size_t i, size_t n)
{
    size_t at = strlen(out);
    if (i > 0)
        snprintf(out + at, size - at, "%s", i + 1 == n ? " and " : ", ");
}

typedef struct near {
    size_t distance, order;
} near;

static int by_distance(const void *a, const void *b)
{
    const near *x = a, *y = b;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

/* Has one of the first n of order the note of order[i]? */
static bool noted(const near *order, size_t n, size_t i, char *const *notes)
{
    for (size_t k = 0; notes && k < n; k++)
        if (strcmp(notes[order[k].order], notes[order[i].order]) == 0)
            return true;
    return false;
}

/* The NEAREST values of values[0..n) to arg (within: to a part of them),
 * quoted, into out. With notes (NULL: none), each value's note follows it
 * in brackets and one value is shown per note ("'South Korea' (KR)");
 * without, "(N in all)" follows when there are more. */
static void nearest(const char *arg, char *const *values, char *const *notes, size_t n, bool within, char *out,
                    size_t size)
{
    out[0] = '\0';
    near *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return;
    char key[KEY], value[KEY];
    fold(arg, key);
    for (size_t i = 0; i < n; i++) {
        fold(values[i], value);
        order[i] = (near){edits(key, value, within), i};
    }
    qsort(order, n, sizeof *order, by_distance);
    size_t shown = 0;
    for (size_t i = 0; i < n && shown < NEAREST; i++) {
        if (noted(order, i, i, notes))
            continue;
        order[shown++] = order[i];
    }
    for (size_t i = 0; i < shown; i++) {
        add_separator(out, size, i, shown);
        add_quoted(out, size, values[order[i].order]);
        size_t at = strlen(out);
        if (notes)
            snprintf(out + at, size - at, " (%s)", notes[order[i].order]);
    }
    size_t at = strlen(out);
    if (!notes && n > shown)
        snprintf(out + at, size - at, " (%zu in all)", n);
    free(order);
}

/* "a, b and c" of the names of the bits set in bits, into out. */
static void bit_names(unsigned bits, int count, const char *(*name)(int), char *out, size_t size)
{
    size_t n = 0, i = 0;
    for (int b = 0; b < count; b++)
        n += (bits >> b) & 1u;
    out[0] = '\0';
    for (int b = 0; b < count; b++)
        if ((bits >> b) & 1u) {
            add_separator(out, size, i++, n);
            size_t at = strlen(out);
            snprintf(out + at, size - at, "%s", name(b));
        }
}

static const char *type_name(int t)
{
    return rg_type_name((rg_node_type)t);
}

static const char *relation_name(int r)
{
    return rg_relation_name((rg_relation)r);
}

static const char *modality_name(int m)
{
    return m > 0 ? rg_modality_name((rg_modality)m) : "";
}

/* ---- --country ---- */

static bool is_country_node(const rg_node *n)
{
    return n->type == RG_TYPE_ACTOR && n->country && n->kind && strcmp(n->kind, "country") == 0;
}

/* The code of the country whose name or alias, folded, is key: the
 * graph's country nodes first, then the catalog's countries; or NULL. */
static const char *country_named(const rg_graph *g, const rg_catalog *cat, const char *key)
{
    char form[KEY];
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        if (!is_country_node(n))
            continue;
        fold(n->label, form);
        for (size_t k = 0; strcmp(form, key) != 0 && k < n->aliases.len; k++)
            fold(n->aliases.items[k], form);
        if (strcmp(form, key) == 0)
            return n->country;
    }
    for (size_t i = 0; cat && i < cat->len; i++) {
        const rg_entry *e = &cat->entries[i];
        if (!rg_entry_is_country(e) || !e->country)
            continue;
        fold(e->name, form);
        for (size_t k = 0; strcmp(form, key) != 0 && k < e->n_aliases; k++)
            fold(e->aliases[k], form);
        if (strcmp(form, key) == 0)
            return e->country;
    }
    return NULL;
}

/* The graph's own spelling of code (a node's country), or NULL: no entity
 * of the graph is of this country. */
static const char *country_in(const rg_graph *g, const char *code)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        if (rg_type_is_entity(g->nodes[i].type) && g->nodes[i].country && strcmp(g->nodes[i].country, code) == 0)
            return g->nodes[i].country;
    return NULL;
}

/* The name of the country of this code: the graph's, else the catalog's. */
static const char *country_name(const rg_graph *g, const rg_catalog *cat, const char *code)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        if (is_country_node(&g->nodes[i]) && strcmp(g->nodes[i].country, code) == 0)
            return g->nodes[i].label;
    for (size_t i = 0; cat && i < cat->len; i++)
        if (rg_entry_is_country(&cat->entries[i]) && cat->entries[i].country &&
            strcmp(cat->entries[i].country, code) == 0)
            return cat->entries[i].name;
    return NULL;
}

/* The code arg stands for: two letters that are a code of the graph or of
 * the catalog (any case), else a name or alias of a country; NULL when
 * none. code holds the upper-case letters. */
static const char *country_code(const rg_graph *g, const rg_catalog *cat, const char *arg, char code[3])
{
    char key[KEY];
    fold(arg, key);
    if (strlen(arg) == 2) {
        code[0] = (char)(lower(arg[0]) - 'a' + 'A');
        code[1] = (char)(lower(arg[1]) - 'a' + 'A');
        code[2] = '\0';
        if (country_in(g, code) || country_name(g, cat, code))
            return code;
    }
    return country_named(g, cat, key);
}

typedef struct tally {
    const char *code;
    size_t count;
} tally;

static int by_count(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->code, y->code);
}

/* "US (United States), KR (Republic of Korea) ... (N in all)": the
 * countries of the graph's entities, most entities first, into out. */
static void graph_countries(const rg_graph *g, const rg_catalog *cat, char *out, size_t size)
{
    tally *t = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *t);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; t && i < g->n_nodes; i++) {
        const rg_node *node = &g->nodes[i];
        if (!rg_type_is_entity(node->type) || !node->country)
            continue;
        size_t k = 0;
        while (k < n && strcmp(t[k].code, node->country) != 0)
            k++;
        if (k == n)
            t[n++] = (tally){node->country, 0};
        t[k].count++;
    }
    if (t)
        qsort(t, n, sizeof *t, by_count);
    size_t shown = n < NEAREST + 2 ? n : NEAREST + 2;
    for (size_t i = 0; i < shown; i++) {
        add_separator(out, size, i, shown);
        const char *name = country_name(g, cat, t[i].code);
        size_t at = strlen(out);
        snprintf(out + at, size - at, name ? "%s (%s)" : "%s", t[i].code, name);
    }
    size_t at = strlen(out);
    if (n > shown)
        snprintf(out + at, size - at, " (%zu in all)", n);
    else if (n == 0)
        snprintf(out, size, "none (no entity of the graph has a country)");
    free(t);
}

/* "; the nearest names: ...; the graph's countries: ...": the names and
 * aliases of the catalog's countries nearest to arg, each with its code,
 * and the countries of g, into out. */
static void near_countries(const rg_graph *g, const rg_catalog *cat, const char *arg, char *out, size_t size)
{
    size_t cap = 0, n = 0;
    for (size_t i = 0; cat && i < cat->len; i++)
        cap += rg_entry_is_country(&cat->entries[i]) && cat->entries[i].country ? 1 + cat->entries[i].n_aliases : 0;
    char **forms = malloc((cap ? cap : 1) * sizeof *forms), **codes = malloc((cap ? cap : 1) * sizeof *codes);
    for (size_t i = 0; forms && codes && cat && i < cat->len; i++) {
        const rg_entry *e = &cat->entries[i];
        for (size_t k = 0; rg_entry_is_country(e) && e->country && k <= e->n_aliases; k++) {
            codes[n] = e->country;
            forms[n++] = k == 0 ? e->name : e->aliases[k - 1];
        }
    }
    out[0] = '\0';
    if (n) {
        snprintf(out, size, "; the nearest names: ");
        nearest(arg, forms, codes, n, false, out + strlen(out), size - strlen(out));
    }
    free(forms);
    free(codes);
    size_t at = strlen(out);
    snprintf(out + at, size - at, "; the graph's countries: ");
    at = strlen(out);
    graph_countries(g, cat, out + at, size - at);
}

/* --country: f->country becomes the graph's spelling of its code. */
static int check_country(const rg_graph *g, rg_filter *f, const char *where, rg_error *err)
{
    char code[3], known[400];
    rg_catalog *cat = rg_cli_catalog();
    const char *c = country_code(g, cat, f->country, code);
    const char *in_graph = c ? country_in(g, c) : NULL;
    int rc = 0;
    if (!c) {
        near_countries(g, cat, f->country, known, sizeof known);
        rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0, "--country '%s' is no country code, name or alias relgraph knows%s",
                          f->country, known);
    } else if (!in_graph) {
        const char *name = country_name(g, cat, c);
        graph_countries(g, cat, known, sizeof known);
        rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0, "--country '%s' (%s%s%s) matches no entity of %s; its countries: %s",
                          f->country, c, name ? ", " : "", name ? name : "", where, known);
    } else {
        f->country = in_graph;
    }
    rg_catalog_free(cat);
    return rc;
}

/* ---- --doc, --section ---- */

/* Does arg name report d: its id (with or without "report:"), its path or
 * its file name, in any case? */
static bool names_doc(const rg_document *d, const char *arg)
{
    const char *base = strrchr(d->path, '/');
    base = base ? base + 1 : d->path;
    return rg_strcasecmp(d->id, arg) == 0 || strcmp(d->path, arg) == 0 || rg_strcasecmp(base, arg) == 0 ||
           (strncmp(d->id, "report:", 7) == 0 && rg_strcasecmp(d->id + 7, arg) == 0);
}

/* --doc: f->doc becomes the report's id. */
static int check_doc(const rg_graph *g, rg_filter *f, const char *where, rg_error *err)
{
    for (size_t i = 0; i < g->n_docs; i++)
        if (names_doc(&g->docs[i], f->doc)) {
            f->doc = g->docs[i].id;
            return 0;
        }
    char **ids = malloc((g->n_docs ? g->n_docs : 1) * sizeof *ids), list[400] = "none";
    for (size_t i = 0; ids && i < g->n_docs; i++)
        ids[i] = g->docs[i].id;
    if (ids && g->n_docs)
        nearest(f->doc, ids, NULL, g->n_docs, false, list, sizeof list);
    free(ids);
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "--doc '%s' matches no report of %s; its reports: %s", f->doc,
                        where, list);
}

/* --section: some recommendation's section contains it. */
static int check_section(const rg_graph *g, const rg_filter *f, const char *where, rg_error *err)
{
    rg_strset sections;
    rg_strset_init(&sections);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        if (n->type != RG_TYPE_RECOMMENDATION || !n->section)
            continue;
        if (contains_ci(n->section, f->section)) {
            rg_strset_destroy(&sections);
            return 0;
        }
        rc = rg_strset_add(&sections, n->section);
    }
    char list[400];
    nearest(f->section, sections.items, NULL, sections.len, true, list, sizeof list);
    if (rc < 0)
        rc = rg_error_nomem(err);
    else if (sections.len == 0)
        rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0,
                          "--section '%s' matches no section of %s: its recommendations have no section",
                          f->section, where);
    else
        rc = rg_error_set(err, RG_ERR_INPUT, NULL, 0, "--section '%s' matches no section of %s; the nearest: %s",
                          f->section, where, list);
    rg_strset_destroy(&sections);
    return rc;
}

/* ---- the closed lists: --type, --modality, --relation ---- */

/* The modalities of g's recommendations, as bits. */
static unsigned graph_modalities(const rg_graph *g)
{
    unsigned bits = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        int m = n->type == RG_TYPE_RECOMMENDATION && n->modality ? rg_modality_parse(n->modality) : -1;
        if (m > 0)
            bits |= 1u << m;
    }
    return bits;
}

/* "should,will": the names of the bits set in bits, as the options take
 * them, into out. */
static void bit_list(unsigned bits, int count, const char *(*name)(int), char *out, size_t size)
{
    out[0] = '\0';
    for (int b = 0; b < count; b++)
        if ((bits >> b) & 1u) {
            size_t at = strlen(out);
            snprintf(out + at, size - at, "%s%s", at ? "," : "", name(b));
        }
}

static int check_modalities(const rg_graph *g, unsigned modalities, const char *where, rg_error *err)
{
    unsigned present = graph_modalities(g);
    if (present & modalities)
        return 0;
    char asked[200], has[200];
    bit_list(modalities, RG_MODALITY__COUNT, modality_name, asked, sizeof asked);
    bit_names(present, RG_MODALITY__COUNT, modality_name, has, sizeof has);
    if (!present)
        return rg_error_set(err, RG_ERR_INPUT, NULL, 0,
                            "--modality %s matches nothing: no recommendation of this graph has a modality (a graph "
                            "file from before relgraph recorded them: build it again)",
                            asked);
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0,
                        "--modality %s matches no recommendation of %s; its modalities: %s", asked, where, has);
}

static int check_types(const rg_graph *g, unsigned types, const char *where, rg_error *err)
{
    unsigned present = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        present |= 1u << g->nodes[i].type;
    if (present & types)
        return 0;
    char asked[200], has[200];
    bit_list(types, RG_TYPE__COUNT, type_name, asked, sizeof asked);
    bit_names(present, RG_TYPE__COUNT, type_name, has, sizeof has);
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "--type %s matches no node of %s; its types: %s", asked, where,
                        present ? has : "none (it is empty)");
}

/* The relations of g's links, as bits. */
static unsigned link_relations(const rg_graph *g)
{
    unsigned present = 0;
    for (size_t i = 0; i < g->n_links; i++)
        present |= 1u << g->links[i].relation;
    return present;
}

static int check_relations(const rg_graph *g, unsigned relations, const char *where, rg_error *err)
{
    unsigned present = link_relations(g);
    if (present & relations)
        return 0;
    char asked[200], has[200];
    bit_list(relations, RG_REL__COUNT, relation_name, asked, sizeof asked);
    bit_names(present, RG_REL__COUNT, relation_name, has, sizeof has);
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "--relation %s matches no link of %s; its relations: %s",
                        asked, where, present ? has : "none (it has no links)");
}

/* Check each filter of f that is given against g (where names it in
 * messages: "the graph"), alone: types (bits), country (resolved to its
 * code, into f->country), doc (into f->doc as the report's id), section,
 * modalities; and relations (bits; 0: none asked), that some link has
 * one. 0, or -1 with err set. */
static int check_each(const rg_graph *g, rg_filter *f, unsigned relations, const char *where, rg_error *err)
{
    if (f->types && check_types(g, f->types, where, err) < 0)
        return -1;
    if (f->country && check_country(g, f, where, err) < 0)
        return -1;
    if (f->doc && check_doc(g, f, where, err) < 0)
        return -1;
    if (f->section && check_section(g, f, where, err) < 0)
        return -1;
    if (f->modalities && check_modalities(g, f->modalities, where, err) < 0)
        return -1;
    if (relations && check_relations(g, relations, where, err) < 0)
        return -1;
    return 0;
}

/* ---- filters together ---- */

/* "--type agency, --doc 'x' and --section 'y'": the filters given (type
 * -1, else rank's one type), into out; how many. */
static size_t given(const rg_filter *f, int type, unsigned relations, char *out, size_t size)
{
    char items[6][300], list[200];
    size_t n = 0;
    if (f->types || type >= 0) {
        bit_list(type >= 0 ? 1u << type : f->types, RG_TYPE__COUNT, type_name, list, sizeof list);
        snprintf(items[n++], sizeof *items, "--type %s", list);
    }
    if (f->country)
        snprintf(items[n++], sizeof *items, "--country %s", f->country);
    if (f->doc)
        snprintf(items[n++], sizeof *items, "--doc '%s'", f->doc);
    if (f->section)
        snprintf(items[n++], sizeof *items, "--section '%.200s'", f->section);
    if (f->modalities) {
        bit_list(f->modalities, RG_MODALITY__COUNT, modality_name, list, sizeof list);
        snprintf(items[n++], sizeof *items, "--modality %s", list);
    }
    if (relations) {
        bit_list(relations, RG_REL__COUNT, relation_name, list, sizeof list);
        snprintf(items[n++], sizeof *items, "--relation %s", list);
    }
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        add_separator(out, size, i, n);
        size_t at = strlen(out);
        snprintf(out + at, size - at, "%s", items[i]);
    }
    return n;
}

/* The error of filters that each match something in where ("the
 * graph"), but together nothing: none matches them ("no node of the
 * agencies view"). */
static int nothing_together(const rg_filter *f, int type, unsigned relations, const char *where, const char *none,
                            rg_error *err)
{
    char list[500];
    size_t n = given(f, type, relations, list, sizeof list);
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "%s %s part of %s, but %s matches %s", list,
                        n > 1 ? "each match" : "matches", where, none, n > 1 ? "them together" : "it");
}

/* The error of filters that keep nodes of which render draws no link. */
static int nothing_drawn(const rg_filter *f, const rg_graph *part, const rg_dot_options *draw, const char *where,
                         rg_error *err)
{
    char list[500];
    size_t n = given(f, -1, draw->relations, list, sizeof list);
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0,
                        "%s keep%s %zu node%s of %s, but render draws no link %s%s", list, n > 1 ? "" : "s",
                        part->n_nodes, part->n_nodes == 1 ? "" : "s", where, part->n_nodes == 1 ? "of it" : "among them",
                        draw->view != RG_VIEW_FULL ? " (the view links two of them in one recommendation)" : "");
}

int rg_cli_filter_graph(const rg_graph *g, rg_filter *f, const rg_dot_options *draw, const char *focus,
                        rg_graph **part, rg_error *err)
{
    *part = NULL;
    char where[300] = "the graph";
    if (focus)
        snprintf(where, sizeof where, "the graph around '%.200s' (--focus)", focus);
    unsigned relations = draw ? draw->relations : 0;
    if (check_each(g, f, relations, where, err) < 0 || rg_query_filter(g, f, part, err) < 0)
        return -1;
    char list[500];
    int rc = 0;
    if (given(f, -1, relations, list, sizeof list) == 0)
        return 0; /* the whole graph: nothing was asked that could match nothing */
    if ((*part)->n_nodes == 0)
        rc = nothing_together(f, -1, relations, where, "nothing", err);
    else if (draw && !rg_dot_draws_a_link(*part, draw))
        rc = nothing_drawn(f, *part, draw, where, err);
    if (rc < 0) {
        rg_graph_free(*part);
        *part = NULL;
    }
    return rc;
}

/* After *g was narrowed: f's country and doc as the new graph spells
 * them; false when it has neither. */
static bool respell(const rg_graph *g, rg_filter *f)
{
    if (f->country && !(f->country = country_in(g, f->country)))
        return false;
    const char *doc = f->doc;
    f->doc = NULL;
    for (size_t i = 0; doc && i < g->n_docs && !f->doc; i++)
        if (strcmp(g->docs[i].id, doc) == 0)
            f->doc = g->docs[i].id;
    return !doc || f->doc;
}

int rg_cli_filter_narrow(rg_graph **g, rg_filter *f, rg_error *err)
{
    if (!f->types && !f->country && !f->doc && !f->section && !f->modalities)
        return 0;
    rg_graph *part;
    if (rg_cli_filter_graph(*g, f, 0, NULL, &part, err) < 0)
        return -1;
    rg_graph_free(*g);
    *g = part;
    return 0;
}

/* Is some node of the view of this type and country? */
static int rows_left(const rg_graph *g, const rg_cli_rows *r, bool *any, rg_error *err)
{
    rg_view *v = NULL;
    double *degree = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *degree);
    int rc = degree ? rg_view_new(g, r->view, &v, err) : rg_error_nomem(err);
    if (rc == 0)
        rc = rg_view_measure(v, RG_SCORE_DEGREE, NULL, degree, err);
    *any = false;
    for (size_t i = 0; rc == 0 && i < g->n_nodes && !*any; i++) {
        const rg_node *n = &g->nodes[i];
        *any = !isnan(degree[i]) && (r->type < 0 || (int)n->type == r->type) &&
               (!r->country || (n->country && strcmp(n->country, r->country) == 0));
    }
    free(degree);
    rg_view_free(v);
    return rc;
}

int rg_cli_filter_rows(const rg_graph *g, rg_cli_rows *r, rg_graph **part, rg_error *err)
{
    *part = NULL;
    if (r->type < 0 && !r->country && !r->doc && !r->modalities)
        return 0;
    rg_filter f = {.country = r->country, .doc = r->doc, .modalities = r->modalities};
    if (check_each(g, &f, 0, "the graph", err) < 0 || (r->type >= 0 && check_types(g, 1u << r->type, "the graph", err) < 0))
        return -1;
    /* the part measured; g (which f's strings are of) kept until the end */
    rg_filter narrow = {.modalities = r->modalities};
    if (r->modalities && rg_query_filter(g, &narrow, part, err) < 0)
        return -1;
    rg_filter kept = f;
    bool any = false;
    int rc = 0;
    if (respell(*part ? *part : g, &kept)) {
        r->country = kept.country;
        r->view->doc = kept.doc;
        rc = rows_left(*part ? *part : g, r, &any, err);
    }
    if (rc == 0 && !any) {
        char where[100];
        snprintf(where, sizeof where, "no node of the %s view", rg_view_name(r->view->kind));
        rc = nothing_together(&f, r->type, 0, "the graph", where, err);
    }
    if (rc != 0) {
        rg_graph_free(*part);
        *part = NULL;
    }
    return rc;
}

int rg_cli_filter_no_neighbors(const rg_graph *g, size_t node, int type, int relation, rg_error *err)
{
    if (type < 0 && relation < 0)
        return 0;
    rg_filter f = {.types = type >= 0 ? 1u << type : 0};
    unsigned asked = relation >= 0 ? 1u << relation : 0, types = 0, relations = 0;
    if (check_each(g, &f, asked, "the graph", err) < 0)
        return -1;
    for (size_t i = 0; i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (l->source != node && l->target != node)
            continue;
        types |= 1u << g->nodes[rg_other_end(g, i, node)].type;
        relations |= 1u << l->relation;
    }
    if (!relations)
        return 0;
    char list[300], t[200], r[200];
    given(&f, -1, asked, list, sizeof list);
    bit_names(types, RG_TYPE__COUNT, type_name, t, sizeof t);
    bit_names(relations, RG_REL__COUNT, relation_name, r, sizeof r);
    return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "%s matches none of the links of '%s': it has %s links, to %s nodes",
                        list, g->nodes[node].label, r, t);
}

/* ---- --modality LIST ---- */

/* "a, b or c" of every modality: the valid names. */
static void valid_modalities(char *out, size_t size)
{
    out[0] = '\0';
    for (int m = 1; m < RG_MODALITY__COUNT; m++) {
        size_t at = strlen(out);
        snprintf(out + at, size - at, "%s%s", m == 1 ? "" : m + 1 == RG_MODALITY__COUNT ? " or " : ", ",
                 rg_modality_name((rg_modality)m));
    }
}

int rg_cli_option_modality(const char *command, char *arg, void *value)
{
    unsigned *bits = value;
    for (char *tok = strtok(arg, ","); tok; tok = strtok(NULL, ",")) {
        int m = rg_modality_parse(tok);
        if (m <= 0) {
            char valid[200];
            valid_modalities(valid, sizeof valid);
            return rg_options_fail(command, "unknown modality '%s': use %s", tok, valid);
        }
        *bits |= 1u << m;
    }
    if (!*bits)
        return rg_options_fail(command, "--modality needs a modality: one or more, comma-separated");
    return 0;
}
