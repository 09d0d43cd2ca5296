/* Mentions: which entities a sentence names, and where.
 *
 * Three sources, merged leftmost-longest: the catalog's names and aliases,
 * the acronyms and names the document itself defines, and names found by
 * their shape (graph/rules/shape.c). A shaped name that contains catalog
 * names ("Partner with Korea Act") replaces them; one that is a catalog
 * name with a country in front ("ROK National IT Industry Promotion
 * Agency") resolves to the catalog's entity. Shapes of other forms:
 * - a geographic feature ("South China Sea") names nothing, nor the
 *   country in it; a capital joined to a lowercase word ("Paris-aligned")
 *   is the city, not the government;
 * - a document's head names a program only with a word of its own ("Lima
 *   Joint Statement"), not as a title of parties ("Joint Statement of the
 *   United States and Japan");
 * - an office ("the Director of OSTP") is an agency of its own, part of
 *   the body it heads (named inside it: no party) or of its portfolio's
 *   department ("Secretary of State"); before a person's name it is the
 *   person's title;
 * - a person named with a title is one person across the document's
 *   forms ("President Marcos", "Marcos").
 * Then three rules of reading:
 * - a country right before a body names the body ("ROK Ministry of ...",
 *   "the ROK's Presidential Committee"): a qualifier, not a mention;
 * - "the Biden administration" is the government of the United States;
 * - "the two countries", "both allies" ... are the two countries the
 *   document names most.
 */
#include "graph/rules/rules_internal.h"
#include "graph/rules/shape.h"
#include "graph/base/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct list {
    rg_mention *items;
    size_t len, cap;
    bool failed;
} list;

static void push(list *l, rg_mention m)
{
    if (l->failed)
        return;
    if (rg_reserve((void **)&l->items, &l->cap, l->len, sizeof *l->items) < 0) {
        l->failed = true;
        return;
    }
    l->items[l->len++] = m;
}

/* ---- catalog names and defined acronyms ---- */

typedef struct scan_ctx {
    const rg_context *c;
    list *out;
    bool local; /* scanning the document's acronyms */
} scan_ctx;

static int collect(const rg_match *m, void *ctx)
{
    scan_ctx *sc = ctx;
    const rg_entry *e =
        sc->local ? sc->c->defined[m->values[0]] : &sc->c->r->cat->entries[m->values[0]];
    push(sc->out, (rg_mention){.start = m->start, .len = m->len, .entity = e, .owner = NULL});
    return sc->out->failed;
}

/* Put the document's acronyms over the catalog's: where both name the
 * same span, the document's own definition wins, also when it stands for
 * nothing the graph knows (a NULL entity: the catalog's meaning is dropped). */
static void overlay(list *base, const list *local)
{
    for (size_t i = 0; i < local->len; i++) {
        const rg_mention *m = &local->items[i];
        size_t w = 0;
        bool clash = false;
        for (size_t k = 0; k < base->len; k++) {
            const rg_mention *b = &base->items[k];
            bool overlaps = b->start < m->start + m->len && m->start < b->start + b->len;
            if (overlaps && b->len > m->len)
                clash = true; /* a longer catalog name around it */
            if (!overlaps || b->len > m->len)
                base->items[w++] = *b;
        }
        base->len = w;
        /* an acronym the document gives a meaning the catalog lacks names no one */
        if (!clash && m->entity)
            push(base, *m);
    }
}

/* In text order; of two at one place, the shorter first ("PRC" before
 * "PRC Sanctions Task Force"). */
static int by_start(const void *a, const void *b)
{
    const rg_mention *x = a, *y = b;
    if (x->start != y->start)
        return (x->start > y->start) - (x->start < y->start);
    return (x->len > y->len) - (x->len < y->len);
}

/* ---- shaped names ---- */

static int define(rg_context *c, const char *acronym, size_t n, const rg_entry *e);

/* A catalog entry by normalized name or alias, or NULL. */
static const rg_entry *by_form(const rg_reader *r, const char *name, bool *failed)
{
    char *norm = rg_normalize_name(name);
    if (!norm) {
        *failed = true;
        return NULL;
    }
    size_t at;
    bool known = rg_hmap_get(&r->forms, norm, &at);
    free(norm);
    return known ? &r->cat->entries[at] : NULL;
}

/* A catalog entry named "<qualifier of country> name", name normalized,
 * or NULL. */
static const rg_entry *by_stem_norm(const rg_reader *r, const rg_entry *country, const char *norm, bool *failed)
{
    if (!country || !country->country)
        return NULL;
    rg_buf key;
    rg_buf_init(&key);
    rg_buf_adds(&key, country->country);
    rg_buf_addc(&key, '|');
    rg_buf_adds(&key, norm);
    size_t at;
    bool known = !key.failed && rg_hmap_get(&r->stems, key.data, &at);
    *failed |= key.failed;
    rg_buf_destroy(&key);
    return known ? &r->cat->entries[at] : NULL;
}

/* A catalog entry named "<qualifier of country> name", or NULL. */
static const rg_entry *by_stem(const rg_reader *r, const rg_entry *country, const char *name, bool *failed)
{
    if (!country)
        return NULL;
    char *norm = rg_normalize_name(name);
    const rg_entry *e = norm ? by_stem_norm(r, country, norm, failed) : NULL;
    *failed |= !norm;
    free(norm);
    return e;
}

/* The document's own entity with proto's id, made if new. */
static const rg_entry *local_entity(rg_context *c, const rg_entry *proto, bool *failed)
{
    char *id = rg_entity_id(proto->type, proto->name);
    size_t at;
    bool known = id && rg_hmap_get(&c->local_ids, id, &at);
    free(id);
    if (known)
        return c->local[at];
    if (rg_reserve((void **)&c->local, &c->cap_local, c->n_local, sizeof *c->local) < 0) {
        *failed = true;
        return NULL;
    }
    rg_entry *e = rg_entry_dup(proto);
    if (!e || rg_hmap_put(&c->local_ids, e->id, c->n_local) < 0) {
        rg_entry_free(e);
        *failed = true;
        return NULL;
    }
    c->local[c->n_local++] = e;
    return e;
}

/* ---- the document's countries ---- */

/* The one country a document is about: named three times or more, and
 * more than twice as often as any other. What an unqualified "Ministry of
 * Defense" belongs to. A document about two has c->pair instead. The
 * names the survey finds are counted as they come. */
static const rg_entry *sole_country(rg_context *c)
{
    if (c->pair[0])
        return NULL;
    if (c->sole_seen == c->names.len && c->sole_seen)
        return c->sole;
    const rg_catalog *cat = c->r->cat;
    for (; c->sole_seen < c->names.len; c->sole_seen++) {
        const rg_entry *e = &cat->entries[c->names.items[c->sole_seen].entry];
        if (e->type == RG_TYPE_ACTOR && e->kind[0] == 'c' && rg_entry_is_country(e) && e->country &&
            (unsigned)(e->country[0] - 'A') < 26 && (unsigned)(e->country[1] - 'A') < 26)
            c->sole_counts[(e->country[0] - 'A') * 26 + (e->country[1] - 'A')]++;
    }
    size_t best = 0, best_n = 0, second_n = 0;
    for (size_t k = 0; k < 26 * 26; k++) {
        if (c->sole_counts[k] > best_n) {
            second_n = best_n;
            best_n = c->sole_counts[k];
            best = k;
        } else if (c->sole_counts[k] > second_n) {
            second_n = c->sole_counts[k];
        }
    }
    char code[3] = {(char)('A' + best / 26), (char)('A' + best % 26), '\0'};
    c->sole = best_n >= 3 && best_n > 2 * second_n ? rg_reader_country(c->r, code) : NULL;
    return c->sole;
}

/* The countries the document is about: its pair, or its one country.
 * Returns how many. */
static int doc_countries(rg_context *c, const rg_entry *out[2])
{
    out[0] = c->pair[0];
    out[1] = c->pair[1];
    if (out[0])
        return out[1] ? 2 : 1;
    out[0] = sole_country(c);
    return out[0] ? 1 : 0;
}

static bool has_lower(const char *s)
{
    for (; *s; s++)
        if (islower((unsigned char)*s))
            return true;
    return false;
}

/* Do a and b, names of words separated by spaces, share a word? */
static bool shares_word(const char *a, const char *b)
{
    for (const char *w = a; *w;) {
        size_t wl = strcspn(w, " ");
        for (const char *o = b; *o;) {
            size_t ol = strcspn(o, " ");
            if (ol == wl && strncmp(o, w, wl) == 0)
                return true;
            o += ol + (o[ol] == ' ');
        }
        w += wl + (w[wl] == ' ');
    }
    return false;
}

/* Does s[0..n) spell w, ASCII case aside? */
static bool spells_ci(const char *s, size_t n, const char *w)
{
    size_t k = 0;
    while (k < n && w[k] && tolower((unsigned char)s[k]) == tolower((unsigned char)w[k]))
        k++;
    return k == n && !w[k];
}

/* Is the surface s[0..n) of a country its capital, or another name that
 * shares no word with its own ("Washington", "Lima"; not "Korea", nor an
 * abbreviation)? A capital names the government when it stands alone, a
 * place inside a name. */
static bool is_capital(const rg_entry *country, const char *s, size_t n)
{
    const char *alias = NULL;
    for (size_t k = 0; k < country->n_aliases && !alias; k++)
        if (spells_ci(s, n, country->aliases[k]))
            alias = country->aliases[k];
    if (!alias || !has_lower(alias))
        return false;
    for (size_t k = 0; k <= country->n_aliases; k++) {
        const char *other = k == country->n_aliases ? country->name : country->aliases[k];
        if (other != alias && has_lower(other) && shares_word(alias, other))
            return false;
    }
    return true;
}

/* Does a mention name a party of the document (a country by a name of its
 * own, an organization) rather than a place ("Lima") or a program? */
static bool names_a_party(const char *text, const rg_mention *m)
{
    if (rg_entry_is_country(m->entity))
        return !is_capital(m->entity, text + m->start, m->len);
    return m->entity->type == RG_TYPE_ACTOR;
}

static bool ends_with_word(const char *name, const char *word)
{
    size_t n = strlen(name), w = strlen(word);
    return n > w && name[n - w - 1] == ' ' && strcmp(name + n - w, word) == 0;
}

/* Does name end with the words w, of k bytes? */
static bool ends_with_words(const char *name, const char *w, size_t k)
{
    size_t n = strlen(name);
    return n > k && name[n - 1] == w[k - 1] && name[n - k - 1] == ' ' && memcmp(name + n - k, w, k) == 0;
}

/* The one catalogued agency that the document names and whose name ends
 * in the short name w of one or two words: "the Army, Navy, and Air
 * Force" of a report that names the Department of the Army (the U.S.
 * Army), or NULL. */
static const rg_entry *named_here(const rg_context *c, const char *w, rg_node_type type)
{
    const char *space = strchr(w, ' ');
    if (type != RG_TYPE_AGENCY || (space && strchr(space + 1, ' ')))
        return NULL;
    const rg_entry *found = NULL;
    size_t wl = strlen(w);
    for (size_t k = 0; k < c->n_named && wl; k++) {
        const rg_entry *e = &c->r->cat->entries[c->named[k]];
        if (e == found || e->type != type || !ends_with_words(e->name, w, wl))
            continue;
        if (found)
            return NULL;
        found = e;
    }
    return found;
}

/* The entity a shaped name stands for. In order: a catalog entry with
 * that name or alias; with its country qualifier set aside ("South Korean
 * Ministry of Health and Welfare"); the qualified catalog name of the
 * report's own countries ("Indo-Pacific Strategy" in a report about the
 * United States); a short name of one or two words that ends the name of
 * the one catalogued entity the document names so ("Army" after the
 * Department of the Army); else a body or program of this document's own, named
 * without an abbreviated qualifier ("ROK Nuclear Safety Commission" is the
 * Nuclear Safety Commission, of the ROK) but for commands and forces,
 * named with their country ("ROK Strategic Command"). An unqualified body
 * of a document about one country is that country's. */
static const rg_entry *resolve(rg_context *c, const char *name, rg_node_type type, const char *kind,
                               const rg_entry *owner, bool *failed)
{
    const rg_reader *r = c->r;
    /* "Japan's Ministry of Defense" is Japan's, whatever other country
     * has a body of that name */
    const rg_entry *e = owner && rg_entry_is_country(owner) ? by_stem(r, owner, name, failed) : NULL;
    if (!e)
        e = by_form(r, name, failed);
    /* "Exercise Talisman Sabre" is the exercise the catalog names without
     * its head */
    if (!e && strncmp(name, "Exercise ", 9) == 0)
        e = by_form(r, name + 9, failed);
    if (e)
        return e;
    size_t qlen = 0;
    const rg_entry *country = rg_reader_qualifier(r, name, &qlen);
    const char *rest = country ? name + qlen + 1 : name;
    const rg_entry *doc[2];
    int n_doc = country ? 0 : doc_countries(c, doc);
    /* the paths below join names that are not written alike: the
     * catalog's do-not-merge pairs stop them */
    if (country) {
        e = by_form(r, rest, failed);
        if (e && (!e->country || strcmp(e->country, country->country) == 0) && !rg_catalog_distinct(r->cat, name, e->name))
            return e;
        if ((e = by_stem(r, country, rest, failed)) != NULL && !rg_catalog_distinct(r->cat, name, e->name))
            return e;
    } else if (n_doc) {
        char *norm = rg_normalize_name(name);
        *failed |= !norm;
        for (int k = 0; k < n_doc && !e && norm; k++) {
            e = by_stem_norm(r, doc[k], norm, failed);
            if (e && rg_catalog_distinct(r->cat, name, e->name))
                e = NULL;
        }
        free(norm);
        if (e)
            return e;
    }
    if (*failed)
        return NULL;
    if (!country && (e = named_here(c, name, type)) != NULL)
        return e;
    /* an abbreviation qualifies an agency's name without being part of
     * it; but commands, forces and task forces are named with their
     * country ("ROK Strategic Command", "PRC Sanctions Task Force") */
    bool strip = country && type == RG_TYPE_AGENCY && !ends_with_word(name, "Command") &&
                 !ends_with_word(name, "Force") && !ends_with_word(name, "Forces");
    for (const char *p = name; strip && p < rest; p++)
        strip = !islower((unsigned char)*p);
    rg_entry proto = {.name = (char *)(strip ? rest : name), .type = type, .kind = (char *)kind,
                      .country = country ? country->country : NULL, .source = "text"};
    if (owner && owner->type == RG_TYPE_AGENCY)
        proto.parent = owner->name;
    if (owner && !proto.country)
        proto.country = owner->country;
    if (!proto.country && type == RG_TYPE_AGENCY && n_doc == 1)
        proto.country = doc[0]->country;
    return local_entity(c, &proto, failed);
}

/* A name of a series as it is written most: "COP 26" for "COP26", "UN
 * Security Council Resolution 2593" for "UNSCR 2593" and "United Nations
 * Security Council Resolution 2593". Returns a new string, or NULL when
 * the name is none of these. */
static char *series_name(const char *name)
{
    const char *num = NULL, *prefix = NULL;
    const char *resolution = strstr(name, "Security Council Resolution ");
    if (strncmp(name, "COP", 3) == 0 && isdigit((unsigned char)name[3]))
        num = name + 3, prefix = "COP ";
    else if (strncmp(name, "UNSCR ", 6) == 0)
        num = name + 6, prefix = "UN Security Council Resolution ";
    else if (resolution)
        num = resolution + strlen("Security Council Resolution "), prefix = "UN Security Council Resolution ";
    for (const char *p = num; p && *p; p++)
        if (!isdigit((unsigned char)*p))
            return NULL;
    if (!num || !*num)
        return NULL;
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_adds(&b, prefix);
    rg_buf_adds(&b, num);
    return rg_buf_steal(&b);
}

/* The name of a shape, written up to name_end: its text, the head
 * singular ("Indo-Pacific Strategies" is two strategies of one name),
 * "<owner> " in front when the owner is a company or an organization
 * that names the program ("ASEAN's Outlook on the Indo-Pacific"). Caller
 * frees. */
static char *shape_name(const char *text, const rg_shape *s, size_t name_end, const char *owner_name)
{
    rg_buf b;
    rg_buf_init(&b);
    if (owner_name) {
        rg_buf_adds(&b, owner_name);
        rg_buf_addc(&b, ' ');
    }
    const char *h = text + s->head_start;
    size_t head_end = s->head_start + s->head_len;
    if (s->skip_len) {
        /* "Technology (RIGHT) Fund" is named "Technology Fund", and so is
         * "Technology" (RIGHT) Fund */
        for (size_t k = s->start; k < s->skip_start; k++)
            if (text[k] != '"')
                rg_buf_addc(&b, text[k]);
        rg_buf_add(&b, text + s->skip_start + s->skip_len + 1, s->head_start - (s->skip_start + s->skip_len + 1));
    } else {
        rg_buf_add(&b, text + s->start, s->head_start - s->start);
    }
    if (!s->plural)
        rg_buf_add(&b, h, s->head_len);
    else if (s->head_len > 3 && strncmp(h + s->head_len - 3, "ies", 3) == 0) {
        rg_buf_add(&b, h, s->head_len - 3);
        rg_buf_addc(&b, 'y');
    } else {
        rg_buf_add(&b, h, s->head_len - 1);
    }
    if (name_end > head_end)
        rg_buf_add(&b, text + head_end, name_end - head_end);
    char *name = rg_buf_steal(&b);
    char *series = name ? series_name(name) : NULL;
    if (series) {
        free(name);
        return series;
    }
    return name;
}

/* The catalog mention of the owner "X's" right before a shape. */
static const rg_entry *owner_of(const list *ms, const rg_shape *s)
{
    if (!s->owner_len)
        return NULL;
    size_t end = s->owner_start + s->owner_len;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        if (m->start >= s->owner_start && m->start + m->len <= end && m->start + m->len + 1 >= end)
            return m->entity;
    }
    return NULL;
}

/* Start of the run of capitalized words that ends at end, or end. */
static size_t capitalized_run(const char *text, size_t end)
{
    size_t b = end;
    for (;;) {
        size_t w = b;
        while (w > 0 && text[w - 1] == ' ')
            w--;
        size_t k = w;
        while (k > 0 && (isalnum((unsigned char)text[k - 1]) || text[k - 1] == '-' || text[k - 1] == '.'))
            k--;
        if (k == w || !isupper((unsigned char)text[k]))
            return b;
        b = k;
    }
}

/* "the National Security, National Defense, and Indo-Pacific
 * Strategies": the names listed before a plural head share it. */
static void add_coordinated(rg_context *c, const char *text, list *ms, const rg_shape *s)
{
    size_t q = s->start;
    if (q < 5 || strncmp(text + q - 4, "and ", 4) != 0)
        return;
    q -= 4;
    if (q >= 2 && text[q - 2] == ',' && text[q - 1] == ' ')
        q -= 2;
    else if (q >= 1 && text[q - 1] == ' ')
        q -= 1;
    const char *h = text + s->head_start;
    size_t hn = s->head_len;
    for (int items = 0; items < 8; items++) {
        size_t b = capitalized_run(text, q);
        if (b == q)
            return;
        rg_buf name;
        rg_buf_init(&name);
        rg_buf_add(&name, text + b, q - b);
        rg_buf_addc(&name, ' ');
        if (hn > 3 && strncmp(h + hn - 3, "ies", 3) == 0) {
            rg_buf_add(&name, h, hn - 3);
            rg_buf_addc(&name, 'y');
        } else {
            rg_buf_add(&name, h, hn - 1);
        }
        bool failed = name.failed;
        const rg_entry *e = failed ? NULL : resolve(c, name.data, s->type, s->kind, NULL, &failed);
        rg_buf_destroy(&name);
        if (failed) {
            ms->failed = true;
            return;
        }
        /* the item replaces what the catalog read inside it */
        size_t w = 0;
        for (size_t k = 0; k < ms->len; k++)
            if (!(ms->items[k].start >= b && ms->items[k].start + ms->items[k].len <= q))
                ms->items[w++] = ms->items[k];
        ms->len = w;
        push(ms, (rg_mention){.start = b, .len = q - b, .entity = e, .owner = NULL});
        if (b < 2 || text[b - 2] != ',' || text[b - 1] != ' ')
            return;
        q = b - 2;
    }
}

/* Does the catalog already read the span [start, end), or read across
 * its edge? Its reading stands then. */
static bool catalog_stands(const list *ms, size_t start, size_t end)
{
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        size_t m_end = m->start + m->len;
        bool overlaps = m->start < end && m_end > start;
        if (overlaps && (m->start < start || m_end > end || (m->start == start && m_end == end)))
            return true;
    }
    return false;
}

/* Take out the mentions inside [start, end) that are not kept (qualifier
 * or inner). */
static void drop_inside(list *ms, size_t start, size_t end)
{
    size_t w = 0;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        bool inside = m->start >= start && m->start + m->len <= end;
        if (!inside || m->qualifier || m->inner)
            ms->items[w++] = *m;
    }
    ms->len = w;
}

/* Words that make a document's title rather than its name: "Joint
 * Statement", "Leaders' Statement", "Memorandum of Understanding". */
static const char *const title_words[] = {
    "and",           "between",  "Bilateral", "by",          "Chair",        "Chairman", "Chairs",
    "Closing",       "Cooperation", "Final",  "for",         "from",         "Intent",   "Joint",
    "Leaders",       "Ministerial", "of",     "on",          "Opening",      "Presidential", "Quadrilateral",
    "Summit",        "the",      "Trilateral", "Understanding",
};

/* Are the words of text[from, to) all title words or parties the catalog
 * reads ("U.S.-Japan Joint", "of the United States and Japan")? */
static bool only_title_words(const char *text, const list *ms, size_t from, size_t to)
{
    size_t a = from;
    while (a < to) {
        while (a < to && (text[a] == ' ' || text[a] == '-' || text[a] == '\''))
            a++;
        size_t b = a;
        while (b < to && text[b] != ' ' && !(text[b] == '-' && b + 1 < to && isupper((unsigned char)text[b + 1])))
            b++;
        if (b == a)
            break;
        size_t wl = b - a;
        if (wl > 2 && strncmp(text + b - 2, "'s", 2) == 0)
            wl -= 2;
        else if (text[b - 1] == '\'')
            wl--;
        bool known = false;
        for (size_t k = 0; k < sizeof title_words / sizeof *title_words && !known; k++)
            known = rg_spells(text + a, wl, title_words[k]);
        for (size_t k = 0; k < ms->len && !known; k++) {
            const rg_mention *m = &ms->items[k];
            known = m->start <= a && a + wl <= m->start + m->len && names_a_party(text, m);
        }
        if (!known)
            return false;
        a = b;
    }
    return true;
}

/* A document's head names it when a word of its own stands before the
 * head or in its tail ("Washington Declaration", "Lima Joint Statement",
 * "Declaration on the Conduct of Parties"); a title made of the parties
 * and what the document is ("Joint Statement of the United States and
 * Japan", "U.S.-Japan Joint Statement") names none. */
static bool descriptive(const char *text, const list *ms, const rg_shape *s)
{
    size_t head_end = s->head_start + s->head_len;
    return only_title_words(text, ms, s->start, s->head_start) &&
           only_title_words(text, ms, head_end, s->start + s->len);
}

/* "the Committee on Finance of the Senate", "the Coordinator for
 * Sanctions of the Department of State": a body the catalog knows, named
 * last after "of" past the name's own words (after > that word's start),
 * owns the name before it. Returns its index in ms, or RG_NONE; *name_end
 * gets where the name ends. */
static size_t trailing_owner(const char *text, const list *ms, const rg_shape *s, size_t after, size_t *name_end)
{
    size_t s_end = s->start + s->len;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        if (m->start + m->len != s_end || m->entity->type != RG_TYPE_AGENCY)
            continue;
        size_t b = m->start;
        if (b >= 8 && strncmp(text + b - 8, " of the ", 8) == 0)
            b -= 8;
        else if (b >= 4 && strncmp(text + b - 4, " of ", 4) == 0)
            b -= 4;
        else
            continue;
        if (b <= after)
            continue;
        *name_end = b;
        return k;
    }
    return RG_NONE;
}

/* "the Committee on Armed Services and the Committee on Foreign Relations
 * of the Senate": the chamber named after the second committee is the
 * first's too. True with *chamber the chamber's words in the second name
 * ("Senate") and its entity. */
static bool shared_chamber(rg_context *c, const char *text, const list *ms, const rg_shape *s, rg_mention *chamber)
{
    static const char joined[] = " and the Committee ";
    size_t end = s->start + s->len;
    if (s->head_len != 9 || strncmp(text + s->head_start, "Committee", 9) != 0 ||
        strncmp(text + end, joined, sizeof joined - 1) != 0)
        return false;
    const rg_mention *next = NULL;
    for (size_t k = 0; k < ms->len && !next; k++)
        if (ms->items[k].start == end + 9)
            next = &ms->items[k];
    if (!next || next->entity->type != RG_TYPE_AGENCY || !next->entity->parent)
        return false;
    bool failed = false;
    const rg_entry *house = by_form(c->r, next->entity->parent, &failed);
    if (!house || !house->kind || strcmp(house->kind, "legislature") != 0)
        return false;
    /* the chamber's words: after the last " of the " of the second name */
    size_t at = RG_NONE;
    for (size_t i = next->start; i + 8 <= next->start + next->len; i++)
        if (strncmp(text + i, " of the ", 8) == 0)
            at = i + 8;
    if (at == RG_NONE)
        return false;
    *chamber = (rg_mention){.start = at, .len = next->start + next->len - at, .entity = house};
    return true;
}

/* The committee of a chamber by the names the catalog gives such bodies:
 * "Committee on Finance" of the Senate is the "Senate Committee on
 * Finance" or the "Senate Finance Committee". *local gets the first of
 * these, to name it when the catalog knows neither. */
static const rg_entry *chamber_body(rg_context *c, const char *text, const rg_mention *chamber, const char *name,
                                    char **local, bool *failed)
{
    size_t short_len = chamber->len;
    const char *of = strstr(text + chamber->start, " of ");
    if (of && (size_t)(of - (text + chamber->start)) < chamber->len)
        short_len = (size_t)(of - (text + chamber->start));
    rg_buf first, second;
    rg_buf_init(&first);
    rg_buf_init(&second);
    rg_buf_add(&first, text + chamber->start, short_len);
    rg_buf_addc(&first, ' ');
    rg_buf_adds(&first, name);
    const char *joint = strstr(name, " on ");
    if (!joint)
        joint = strstr(name, " of ");
    if (joint) {
        rg_buf_add(&second, text + chamber->start, short_len);
        rg_buf_addc(&second, ' ');
        rg_buf_adds(&second, joint + 4);
        rg_buf_addc(&second, ' ');
        rg_buf_add(&second, name, (size_t)(joint - name));
    }
    *failed |= first.failed || second.failed;
    const rg_entry *e = *failed ? NULL : by_form(c->r, first.data, failed);
    if (!e && joint && !*failed)
        e = by_form(c->r, second.data, failed);
    rg_buf_destroy(&second);
    *local = rg_buf_steal(&first);
    *failed |= !*local;
    return e;
}

/* A name of two words that only stands for a longer one ("the Task
 * Force"): the one body or program of the document whose name ends so
 * ("PRC Sanctions Task Force"), or NULL. */
static const rg_entry *longer_local(const rg_context *c, const char *name, rg_node_type type)
{
    size_t n = strlen(name);
    const rg_entry *found = NULL;
    for (size_t i = 0; i < c->n_local; i++) {
        const rg_entry *e = c->local[i];
        size_t en = strlen(e->name);
        if (e->type != type || en <= n + 1 || e->name[en - n - 1] != ' ' || rg_strcasecmp(e->name + en - n, name) != 0)
            continue;
        if (found)
            return NULL;
        found = e;
    }
    return found;
}

/* The entities of a shape's name: one, or two for "the U.S. and ROK
 * Indo-Pacific Strategies" (two names, one head). */
static void body_entities(rg_context *c, const char *name, rg_node_type type, const char *kind, const rg_entry *owner,
                          bool two, const rg_entry *entities[2], bool *failed)
{
    size_t q1, q2;
    const rg_entry *c1 = rg_reader_qualifier(c->r, name, &q1);
    const rg_entry *c2 =
        c1 && two && strncmp(name + q1, " and ", 5) == 0 ? rg_reader_qualifier(c->r, name + q1 + 5, &q2) : NULL;
    if (!c2) {
        entities[0] = resolve(c, name, type, kind, owner, failed);
        return;
    }
    const char *rest = name + q1 + 5 + q2 + 1;
    for (int k = 0; k < 2 && !*failed; k++) {
        rg_buf one;
        rg_buf_init(&one);
        rg_buf_add(&one, k == 0 ? name : name + q1 + 5, k == 0 ? q1 : q2);
        rg_buf_addc(&one, ' ');
        rg_buf_adds(&one, rest);
        *failed = one.failed;
        if (!*failed)
            entities[k] = resolve(c, one.data, type, kind, owner, failed);
        rg_buf_destroy(&one);
    }
}

/* The shape replaces the catalog names inside it, but for countries that
 * open it: a qualifier of a body ("ROK Nuclear Safety and Security
 * Commission"), a country concerned by a program ("U.S. and ROK
 * Indo-Pacific Strategies"). A capital, or a country joined to the name
 * by a hyphen, is part of the name ("Washington Declaration", "U.S.-ROK
 * Agreement for ..."): a qualifier too, but the name is written with it.
 * Returns where the name's mention starts. */
static size_t replace_inside(const char *text, list *ms, const rg_shape *s, bool keep_openings)
{
    size_t start = s->start, s_end = s->start + s->len;
    size_t name_start = start, w = 0;
    for (size_t k = 0; k < ms->len; k++) {
        rg_mention *m = &ms->items[k];
        size_t m_end = m->start + m->len;
        bool inside = m->start >= start && m_end <= s_end;
        bool opening = inside && keep_openings && rg_entry_is_country(m->entity) && m->start == name_start;
        if (opening && name_start == start && (text[m_end] == '-' || is_capital(m->entity, text + m->start, m->len))) {
            m->qualifier = true;
            opening = false;
        } else if (opening) {
            name_start = m_end;
            while (name_start < s_end && (text[name_start] == ' ' || text[name_start] == '\'' ||
                                          text[name_start] == 's' || strncmp(text + name_start, "and ", 4) == 0))
                name_start += text[name_start] == 'a' ? 4 : 1;
        }
        if (!inside || opening || m->qualifier || m->inner)
            ms->items[w++] = *m;
    }
    ms->len = w;
    return name_start >= s_end ? start : name_start;
}

/* "the ROK Strategic Command": a qualifier kept in the name (the
 * shape's entity is named with it) is a qualifier the mention spans. */
static size_t kept_qualifier(list *ms, size_t name_start, size_t start, const rg_entry *e, const char *text)
{
    if (name_start == start || !e || strcmp(e->source, "text") != 0)
        return name_start;
    size_t n = strlen(e->name);
    if (n < name_start - start || strncmp(e->name, text + start, name_start - start) != 0)
        return name_start;
    for (size_t k = 0; k < ms->len; k++)
        if (ms->items[k].start == start && rg_entry_is_country(ms->items[k].entity))
            ms->items[k].qualifier = true;
    return start;
}

/* Is the mention's text an acronym ("USAID", "DOE", "U.S.")? */
static bool acronym_text(const char *text, const rg_mention *m)
{
    size_t caps = 0;
    for (size_t i = 0; i < m->len; i++) {
        char ch = text[m->start + i];
        if (isupper((unsigned char)ch))
            caps++;
        else if (ch != '.')
            return false;
    }
    return caps >= 2;
}

/* "the Department of Homeland Security and Mexico", "the Department of
 * State and USAID": a name read on past its head over "and" to a country
 * or an acronym the catalog knows, ending there, is two parties, not one
 * body; its length up to the "and" (else its own). */
static size_t before_and_party(const char *text, const list *ms, const rg_shape *s)
{
    size_t end = s->start + s->len, after_head = s->head_start + s->head_len;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        if (!m->entity || m->start + m->len != end || m->start < after_head + 5 ||
            strncmp(text + m->start - 5, " and ", 5) != 0)
            continue;
        if (rg_entry_is_country(m->entity) || acronym_text(text, m))
            return m->start - 5 - s->start;
    }
    return s->len;
}

/* A body or program found by its head. */
static void add_body(rg_context *c, const char *text, list *ms, const rg_shape *shape)
{
    rg_shape cut = *shape;
    const rg_shape *s = &cut;
    cut.len = before_and_party(text, ms, s);
    /* "the Indo-Pacific Strategies of the Biden and Yoon administrations":
     * people after the head qualify what follows them, not the name */
    for (size_t k = 0; k < ms->len; k++)
        if (ms->items[k].start > s->head_start && ms->items[k].start < s->start + s->len &&
            strcmp(ms->items[k].entity->kind, "person") == 0)
            cut.len = s->head_start + s->head_len - s->start;
    size_t s_end = s->start + s->len, name_end = s_end;
    size_t chamber = trailing_owner(text, ms, s, s->head_start + s->head_len, &name_end);
    rg_mention shared;
    const rg_mention *chamber_m = chamber != RG_NONE ? &ms->items[chamber] : NULL;
    if (!chamber_m && shared_chamber(c, text, ms, s, &shared))
        chamber_m = &shared;
    const rg_entry *owner = chamber_m ? chamber_m->entity : owner_of(ms, s);
    bool company = owner && owner->type == RG_TYPE_ACTOR && strcmp(owner->kind, "company") == 0;
    /* "ASEAN's Outlook on the Indo-Pacific" is the ASEAN Outlook */
    bool named_by = owner && !chamber_m && s->type == RG_TYPE_PROGRAM && owner->type == RG_TYPE_ACTOR &&
                    !rg_entry_is_country(owner) && !company;
    char *owner_name = NULL;
    if (named_by && !(owner_name = rg_strndup(text + s->owner_start, s->owner_len))) {
        ms->failed = true;
        return;
    }
    char *name = shape_name(text, s, name_end, company ? owner->name : owner_name);
    free(owner_name);
    bool failed = !name;
    const rg_entry *entities[2] = {NULL, NULL};
    rg_node_type type = company ? RG_TYPE_ACTOR : s->type;
    const char *kind = company ? "organization" : s->kind;
    if (!failed && s->generic) {
        entities[0] = longer_local(c, name, type);
    } else if (!failed && chamber_m && strcmp(owner->kind, "legislature") == 0) {
        char *local = NULL;
        entities[0] = chamber_body(c, text, chamber_m, name, &local, &failed);
        if (!entities[0] && !failed)
            entities[0] = resolve(c, local, type, kind, owner, &failed);
        free(local);
    } else if (!failed) {
        body_entities(c, name, type, kind, company || named_by ? NULL : owner, !company, entities, &failed);
    }
    free(name);
    if (chamber != RG_NONE)
        ms->items[chamber].qualifier = true;
    if (failed || !entities[0]) {
        ms->failed |= failed;
        return;
    }
    size_t start = named_by ? s->owner_start : s->start;
    size_t name_start = replace_inside(text, ms, s, !company);
    name_start = kept_qualifier(ms, name_start, s->start, entities[0], text);
    if (named_by)
        name_start = start;
    for (int k = 0; k < 2; k++)
        if (entities[k])
            push(ms, (rg_mention){.start = name_start, .len = s_end - name_start, .entity = entities[k],
                                  .owner = named_by ? NULL : owner});
    if (s->skip_len > 2 && define(c, text + s->skip_start + 1, s->skip_len - 2, entities[0]) < 0)
        ms->failed = true;
    if (s->plural && !company)
        add_coordinated(c, text, ms, s);
}

/* ---- people and offices ---- */

/* The country of a person named with a title: "President Yoon Suk Yeol of
 * the Republic of Korea", "U.S. President Biden", "Japan's Prime
 * Minister", "the Japanese Prime Minister"; NULL when the text does not
 * say. */
static const rg_entry *person_country(const rg_context *c, const char *text, const list *ms, size_t title,
                                      size_t name_end)
{
    size_t after = name_end;
    if (strncmp(text + after, " of the ", 8) == 0)
        after += 8;
    else if (strncmp(text + after, " of ", 4) == 0)
        after += 4;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        size_t m_end = m->start + m->len;
        bool before = m_end + 1 == title || (m_end + 3 == title && strncmp(text + m_end, "'s ", 3) == 0);
        if (rg_entry_is_country(m->entity) && ((after > name_end && m->start == after) || before))
            return m->entity;
    }
    /* a demonym: "the Japanese Prime Minister", "South Korean President" */
    for (int words = 2; words >= 1; words--) {
        size_t b = title;
        for (int w = 0; w < words && b > 1 && text[b - 1] == ' '; w++) {
            b--;
            while (b > 0 && text[b - 1] != ' ')
                b--;
        }
        size_t at;
        if (b < title && rg_hmap_getn(&c->r->qualifiers, text + b, title - 1 - b, &at))
            return rg_reader_country(c->r, c->r->cat->entries[at].country);
    }
    return NULL;
}

/* The catalog's person of a name written with a title: by the name, by
 * its two words the other way round ("Kishida Fumio" is "Fumio
 * Kishida"), or by the title and a surname ("President Yoon"). */
static const rg_entry *known_person(const rg_context *c, const char *name, const char *title, size_t title_len,
                                    bool *failed)
{
    const rg_entry *e = by_form(c->r, name, failed);
    const char *space = strchr(name, ' ');
    rg_buf other;
    rg_buf_init(&other);
    if (space && !strchr(space + 1, ' ')) {
        rg_buf_adds(&other, space + 1);
        rg_buf_addc(&other, ' ');
        rg_buf_add(&other, name, (size_t)(space - name));
    } else if (!space) {
        rg_buf_add(&other, title, title_len);
        rg_buf_addc(&other, ' ');
        rg_buf_adds(&other, name);
    }
    *failed |= other.failed;
    if ((!e || strcmp(e->kind, "person") != 0) && other.len && !*failed)
        e = by_form(c->r, other.data, failed);
    rg_buf_destroy(&other);
    return e && strcmp(e->kind, "person") == 0 ? e : NULL;
}

/* A person of the document's own, named by one word ("President
 * Marcos"): the one it named before whose first or last word that is. */
static const rg_entry *named_before(const rg_context *c, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < c->n_local; i++) {
        const rg_entry *e = c->local[i];
        if (e->type != RG_TYPE_ACTOR || strcmp(e->kind, "person") != 0)
            continue;
        const char *last = strrchr(e->name, ' ');
        if ((strncmp(e->name, word, n) == 0 && e->name[n] == ' ') || (last && strcmp(last + 1, word) == 0))
            return e;
    }
    return NULL;
}

/* The person named text[start, end) after a title: the catalog's, one
 * the document named before, or a new one of the document's own, whose
 * full name and last name then name them in later sentences. */
static const rg_entry *titled_person(rg_context *c, const char *text, size_t start, size_t end, size_t title,
                                     size_t title_len, const rg_entry *country, bool *failed)
{
    char *name = rg_strndup(text + start, end - start);
    if (!name) {
        *failed = true;
        return NULL;
    }
    const rg_entry *e = known_person(c, name, text + title, title_len, failed);
    bool one_word = !strchr(name, ' ');
    if (!e && one_word)
        e = named_before(c, name);
    if (!e && !*failed) {
        rg_entry proto = {.name = name, .type = RG_TYPE_ACTOR, .kind = "person",
                          .country = country ? country->country : NULL, .source = "text"};
        e = local_entity(c, &proto, failed);
        const char *last = strrchr(name, ' ');
        if (e && !one_word && define(c, name, strlen(name), e) < 0)
            *failed = true;
        if (e && last && strlen(last + 1) >= 3 && has_lower(last + 1) && define(c, last + 1, strlen(last + 1), e) < 0)
            *failed = true;
    }
    free(name);
    return *failed ? NULL : e;
}

/* A person named with a title: the name's mention, the title set apart. */
static void add_person_at(rg_context *c, const char *text, list *ms, size_t start, size_t end, size_t title,
                          size_t title_len)
{
    if (catalog_stands(ms, start, end))
        return;
    const rg_entry *country = person_country(c, text, ms, title, end);
    bool failed = false;
    const rg_entry *e = titled_person(c, text, start, end, title, title_len, country, &failed);
    if (failed || !e) {
        ms->failed |= failed;
        return;
    }
    drop_inside(ms, start, end);
    push(ms, (rg_mention){.start = start, .len = end - start, .entity = e});
}

/* A catalog body by its name, the country of the office first ("Japan's
 * Minister of Defense"), then the document's: "Ministry of Foreign
 * Affairs" in a statement about Japan is Japan's. */
static const rg_entry *body_here(rg_context *c, const char *name, const rg_entry *country, bool *failed)
{
    const rg_entry *doc[3] = {country};
    int n_doc = doc_countries(c, doc + 1) + 1;
    for (int k = 0; k < n_doc; k++) {
        const rg_entry *e = by_stem(c->r, doc[k], name, failed);
        if (e)
            return e;
    }
    return by_form(c->r, name, failed);
}

/* The body an office heads by its portfolio ("the Secretary of State"
 * heads the Department of State, "the Minister for Foreign Affairs" a
 * Ministry of Foreign Affairs): the longest run of the tail's words that
 * names one; *end gets where that run ends. */
static const rg_entry *portfolio(rg_context *c, const char *text, const rg_shape *s, size_t name_end,
                                 const rg_entry *country, size_t *end, bool *failed)
{
    const char *body = rg_spells(text + s->head_start, s->head_len, "Secretary")  ? "Department of "
                       : rg_spells(text + s->head_start, s->head_len, "Minister") ? "Ministry of "
                                                                                  : NULL;
    for (size_t cut = name_end; body && cut > s->tail_start && !*failed;) {
        rg_buf b;
        rg_buf_init(&b);
        rg_buf_adds(&b, body);
        rg_buf_add(&b, text + s->tail_start, cut - s->tail_start);
        *failed |= b.failed;
        const rg_entry *e = *failed ? NULL : body_here(c, b.data, country, failed);
        rg_buf_destroy(&b);
        if (e && e->type == RG_TYPE_AGENCY) {
            *end = cut;
            return e;
        }
        while (cut > s->tail_start && text[cut - 1] != ' ')
            cut--;
        while (cut > s->tail_start && text[cut - 1] == ' ')
            cut--;
    }
    return NULL;
}

/* Are the words of text[from, to) a person's name: one or more, each
 * capitalized, with a lowercase letter or an initial ("Antony J.
 * Blinken")? */
static bool person_name(const char *text, size_t from, size_t to)
{
    size_t words = 0;
    for (size_t a = from; a < to;) {
        while (a < to && text[a] == ' ')
            a++;
        size_t b = a;
        while (b < to && text[b] != ' ')
            b++;
        if (b == a)
            break;
        bool initial = b - a == 2 && text[a + 1] == '.';
        bool lower = false;
        for (size_t k = a + 1; k < b && !lower; k++)
            lower = islower((unsigned char)text[k]);
        if (!isupper((unsigned char)text[a]) || !(initial || lower))
            return false;
        words++;
        a = b;
    }
    return words > 0;
}

/* The body an office heads, named right after "of" or "for" ("the
 * Director of OSTP"): its index in ms, or RG_NONE. */
static size_t headed_body(const list *ms, const rg_shape *s, size_t name_end)
{
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        if (m->start == s->tail_start && m->start + m->len <= name_end && !rg_entry_is_country(m->entity) &&
            m->entity->type != RG_TYPE_PROGRAM)
            return k;
    }
    return RG_NONE;
}

/* An office: a post of its own, part of the body it heads or of the one
 * named after it ("the Director of the Office of Foreign Assets Control
 * of the Department of the Treasury"). An office followed by a person's
 * name is that person's title ("Secretary of State Antony Blinken"). */
static void add_office(rg_context *c, const char *text, list *ms, const rg_shape *s)
{
    size_t s_end = s->start + s->len, name_end = s_end;
    if (catalog_stands(ms, s->start, s_end))
        return;
    size_t trailing = trailing_owner(text, ms, s, s->tail_start, &name_end);
    bool title_of_known = false;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        if (m->start > s->tail_start && m->start < name_end && strcmp(m->entity->kind, "person") == 0) {
            name_end = m->start; /* "the Special Envoy for Climate John Kerry" */
            title_of_known = true;
        }
    }
    while (name_end > s->tail_start && text[name_end - 1] == ' ')
        name_end--;
    bool failed = false;
    const rg_entry *possessor = owner_of(ms, s);
    const rg_entry *country = rg_entry_is_country(possessor) ? possessor : NULL;
    size_t body = headed_body(ms, s, name_end), body_end = name_end;
    const rg_entry *heads =
        body != RG_NONE ? ms->items[body].entity : portfolio(c, text, s, name_end, country, &body_end, &failed);
    if (body != RG_NONE) {
        body_end = ms->items[body].start + ms->items[body].len;
        ms->items[body].inner = true;
    }
    if (trailing != RG_NONE)
        ms->items[trailing].qualifier = true;
    if (heads && body_end < name_end && person_name(text, body_end, name_end)) {
        size_t p = body_end;
        while (text[p] == ' ')
            p++;
        add_person_at(c, text, ms, p, name_end, s->start, body_end - s->start);
        return;
    }
    if (title_of_known)
        return; /* a title before a name the catalog knows */
    const rg_entry *owner = heads                                              ? heads
                            : trailing != RG_NONE                              ? ms->items[trailing].entity
                            : possessor && possessor->type == RG_TYPE_AGENCY ? possessor
                                                                               : NULL;
    char *name = failed ? NULL : rg_strndup(text + s->start, name_end - s->start);
    const rg_entry *e = name ? resolve(c, name, RG_TYPE_AGENCY, "agency", owner ? owner : country, &failed) : NULL;
    free(name);
    if (!e || failed) {
        ms->failed = true;
        return;
    }
    size_t name_start = replace_inside(text, ms, s, true);
    push(ms, (rg_mention){.start = name_start, .len = s_end - name_start, .entity = e, .owner = owner});
}

/* Does the name end in the head word h[0..n), singular or plural? */
static bool named_with_head(const char *name, const char *h, size_t n)
{
    if (n > 1 && h[n - 1] == 's')
        n--;
    const char *w = strrchr(name, ' ');
    w = w ? w + 1 : name;
    size_t wn = strlen(w);
    if (wn > 1 && w[wn - 1] == 's')
        wn--;
    return wn == n && strncmp(w, h, n) == 0;
}

/* A meeting's name that holds a catalogued dialogue or event named with
 * the same head is that one, written with more words: "the U.S.-South
 * Korea 2+2 Ministerial Meetings" are the catalog's "U.S.-ROK 2+2
 * Ministerial Meetings" ("2+2 Ministerial"); but a "2+2 Ministerial
 * Dialogue" is not. */
static bool meets_as_catalogued(const char *text, const list *ms, const rg_shape *s)
{
    if (s->type != RG_TYPE_PROGRAM || (strcmp(s->kind, "dialogue") != 0 && strcmp(s->kind, "event") != 0))
        return false;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_entry *e = ms->items[k].entity;
        if (ms->items[k].start >= s->start && ms->items[k].start + ms->items[k].len <= s->start + s->len &&
            e->type == RG_TYPE_PROGRAM && e->kind && (strcmp(e->kind, "dialogue") == 0 || strcmp(e->kind, "event") == 0) &&
            named_with_head(e->name, text + s->head_start, s->head_len))
            return true;
    }
    return false;
}

static void add_shape(rg_context *c, const char *text, list *ms, const rg_shape *s)
{
    switch (s->form) {
    case RG_SHAPE_PLACE:
        /* "South China Sea", "Taiwan Strait": no entity, nor the country
         * in the name; but "Solomon Islands" is the country */
        if (!catalog_stands(ms, s->start, s->start + s->len))
            drop_inside(ms, s->start, s->start + s->len);
        return;
    case RG_SHAPE_PERSON:
        add_person_at(c, text, ms, s->start, s->start + s->len, s->head_start, s->head_len);
        return;
    case RG_SHAPE_OFFICE:
        add_office(c, text, ms, s);
        return;
    case RG_SHAPE_DOCUMENT:
        if (catalog_stands(ms, s->start, s->start + s->len) || descriptive(text, ms, s))
            return;
        break;
    case RG_SHAPE_BODY:
        if (catalog_stands(ms, s->start, s->start + s->len) || meets_as_catalogued(text, ms, s))
            return;
        break;
    }
    add_body(c, text, ms, s);
}

/* "Paris-aligned", "Seoul-based": a capital joined to a lowercase word
 * names the city, or what is named after it, not the government; but
 * "Beijing-backed" names what a government does. */
static void drop_city_compounds(const char *text, list *ms)
{
    static const char *const acts[] = {"backed", "brokered", "funded", "imposed", "led", "sponsored", "supported"};
    size_t w = 0;
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        const char *after = text + m->start + m->len;
        bool city = rg_entry_is_country(m->entity) && after[0] == '-' && islower((unsigned char)after[1]) &&
                    is_capital(m->entity, text + m->start, m->len);
        size_t n = 0;
        while (city && isalpha((unsigned char)after[1 + n]))
            n++;
        for (size_t a = 0; city && a < sizeof acts / sizeof *acts; a++)
            city = !rg_spells(after + 1, n, acts[a]);
        if (!city)
            ms->items[w++] = *m;
    }
    ms->len = w;
}

/* "SEC. 2. FINDINGS.": the label that opens a bill's section heading
 * (the reader may end a sentence after its abbreviation) names no body,
 * whatever a catalog lists as "SEC". */
static void drop_section_label(const char *text, list *ms)
{
    if (!spells_ci(text, 3, "sec") || text[3] != '.')
        return;
    const char *after = text + 4;
    while (*after == ' ')
        after++;
    if (*after && !isdigit((unsigned char)*after))
        return;
    size_t w = 0;
    for (size_t k = 0; k < ms->len; k++)
        if (ms->items[k].start != 0 || ms->items[k].len != 3)
            ms->items[w++] = ms->items[k];
    ms->len = w;
}

static void add_shapes(rg_context *c, const char *text, list *ms)
{
    rg_shape *shapes;
    size_t n;
    if (rg_shape_find(text, &shapes, &n) < 0) {
        ms->failed = true;
        return;
    }
    for (size_t i = 0; i < n && !ms->failed; i++)
        add_shape(c, text, ms, &shapes[i]);
    free(shapes);
}

/* ---- reading rules ---- */

static bool word_after(const char *text, size_t end, const char *word)
{
    while (text[end] == ' ')
        end++;
    size_t n = strlen(word);
    return strncmp(text + end, word, n) == 0 && !isalpha((unsigned char)text[end + n]);
}

/* Phrases for the pair of countries a bilateral report is about. */
static const char *const pair_phrases[] = {
    "both allies", "both countries", "both governments", "both nations", "both sides", "the allies",
    "the two allies", "the two countries", "the two governments", "the two nations", "the two sides",
};

/* Is the phrase ending at end a subject: followed by a verb, perhaps
 * after an adverb set off by commas ("The allies, ultimately, should")? */
static bool subject_position(const char *text, size_t end)
{
    static const char *const verbs[] = {"should", "must", "could", "can", "will", "would", "need", "needs",
                                        "have", "has", "are", "were", "may", "might", "ought", "share", "agree"};
    const char *p = text + end;
    for (;;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        if (n > 2 && strncmp(p + n - 2, "ly", 2) == 0) {
            p += n;
            continue;
        }
        for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
            if (rg_spells(p, n, verbs[k]))
                return true;
        return false;
    }
}

/* Does the phrase starting at `at` open a subordinate clause as its
 * subject: "As both countries develop norms, they could ..."? */
static bool clause_subject(const char *text, size_t at, size_t end)
{
    static const char *const openers[] = {"after", "although", "as", "because", "before", "if", "once", "since",
                                          "though", "unless", "until", "when", "whereas", "while"};
    if (text[end] == '\'')
        return false; /* "as the allies' priorities diverge" */
    char word[16];
    if (rg_word_before(text, at, word, sizeof word) == RG_NONE)
        return false;
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++)
        if (strcmp(word, openers[k]) == 0)
            return true;
    return false;
}

static void apply_rules(rg_context *c, const char *text, list *ms)
{
    /* "Defense Innovation Unit (DIU)": the acronym in its definition is the
     * same mention again, a surface form only */
    for (size_t i = 1; i < ms->len; i++) {
        rg_mention *m = &ms->items[i];
        const rg_mention *prev = &ms->items[i - 1];
        if (m->start >= 2 && text[m->start - 1] == '(' && text[m->start + m->len] == ')' &&
            prev->entity == m->entity && prev->start + prev->len + 2 == m->start)
            m->echo = true;
    }

    for (size_t i = 0; i < ms->len; i++) {
        rg_mention *m = &ms->items[i];
        size_t end = m->start + m->len;
        /* a country right before a body: "ROK Ministry", "the ROK's Presidential Committee" */
        if (rg_entry_is_country(m->entity) && i + 1 < ms->len) {
            rg_mention *next = &ms->items[i + 1];
            size_t gap = next->start - end;
            bool possessed = gap == 3 && strncmp(text + end, "'s ", 3) == 0;
            bool adjacent = gap == 1 || possessed;
            /* "Japan's National Security Strategy": the possessor's own
             * body or program of that name, not another country's */
            if (possessed && !rg_entry_is_country(next->entity) && next->entity->type != RG_TYPE_ACTOR) {
                if (next->entity->country && m->entity->country &&
                    strcmp(next->entity->country, m->entity->country) != 0) {
                    char *name = rg_strndup(text + next->start, next->len);
                    bool failed = !name;
                    const rg_entry *own = name ? by_stem(c->r, m->entity, name, &failed) : NULL;
                    free(name);
                    ms->failed |= failed;
                    if (own)
                        next->entity = own;
                }
            }
            if (adjacent && next->entity->type == RG_TYPE_AGENCY && !rg_entry_is_country(next->entity))
                m->qualifier = true;
        }
        /* "the Defense Department's Defense Innovation Unit": a possessive
         * chain between two bodies the catalog knows */
        if (i + 1 < ms->len && !rg_entry_is_country(m->entity) && m->entity->type != RG_TYPE_PROGRAM &&
            strncmp(text + end, "'s ", 3) == 0) {
            rg_mention *next = &ms->items[i + 1];
            if (next->start == end + 3 && !next->owner && next->entity->type != RG_TYPE_PROGRAM &&
                !rg_entry_is_country(next->entity) && next->entity != m->entity)
                next->owner = m->entity;
        }
        /* "the Biden administration", "the Moon government" */
        if (m->entity->type == RG_TYPE_ACTOR && strcmp(m->entity->kind, "person") == 0 &&
            (word_after(text, end, "administration") || word_after(text, end, "government"))) {
            const rg_entry *country = rg_reader_country(c->r, m->entity->country);
            if (country) {
                m->entity = country;
                m->stand_in = true;
            }
        }
    }
    /* "The two countries should ...": the pair, where the phrase is the
     * subject (it opens the sentence or a clause, or a verb follows it).
     * Elsewhere ("the allies' priorities", "between the two nations") it
     * stays unresolved. */
    if (!c->pair[0] || !c->pair[1])
        return;
    /* one pass over the words: every phrase opens with "both" or "the" */
    for (size_t at = 0; text[at]; at++) {
        char first = (char)tolower((unsigned char)text[at]);
        if ((first != 'b' && first != 't') || (at > 0 && isalpha((unsigned char)text[at - 1])))
            continue;
        for (size_t k = 0; k < sizeof pair_phrases / sizeof *pair_phrases; k++) {
            if (first != pair_phrases[k][0])
                continue;
            size_t n = strlen(pair_phrases[k]);
            if (strncmp(text + at + 1, pair_phrases[k] + 1, n - 1) != 0 ||
                isalpha((unsigned char)text[at + n]))
                continue;
            if (at > 0 && !isupper((unsigned char)text[at]) && !subject_position(text, at + n) &&
                !clause_subject(text, at, at + n))
                continue;
            for (int side = 0; side < 2; side++)
                push(ms, (rg_mention){.start = at, .len = n, .entity = c->pair[side], .inferred = true});
        }
    }
}

static int keep_hit(const rg_match *m, void *ctx)
{
    rg_name_hits *hits = ctx;
    if (rg_reserve((void **)&hits->items, &hits->cap, hits->len, sizeof *hits->items) < 0)
        return -1;
    hits->items[hits->len++] = (rg_name_hit){m->start, m->len, m->values[0]};
    return 0;
}

int rg_mentions_scan_names(const rg_context *c, const char *text, rg_name_hits *hits)
{
    return rg_matcher_scan(c->r->names, text, strlen(text), keep_hit, hits) ? -1 : 0;
}

int rg_mentions_find(rg_context *c, const char *text, const rg_name_hit *names, size_t n_names,
                     rg_mention **out, size_t *n)
{
    list ms = {0}, local = {0};
    size_t len = strlen(text);
    scan_ctx sc = {c, &ms, false};
    if (names) {
        for (size_t i = 0; i < n_names; i++)
            push(&ms, (rg_mention){.start = names[i].start, .len = names[i].len,
                                   .entity = &c->r->cat->entries[names[i].entry]});
    } else {
        rg_matcher_scan(c->r->names, text, len, collect, &sc);
    }
    if (c->acronyms && c->n_defined) {
        scan_ctx lc = {c, &local, true};
        rg_matcher_scan(c->acronyms, text, len, collect, &lc);
        overlay(&ms, &local);
        ms.failed |= local.failed;
        free(local.items);
        if (ms.len > 1)
            qsort(ms.items, ms.len, sizeof *ms.items, by_start);
    }
    drop_city_compounds(text, &ms);
    drop_section_label(text, &ms);
    if (!ms.failed)
        add_shapes(c, text, &ms);
    if (ms.len > 1)
        qsort(ms.items, ms.len, sizeof *ms.items, by_start);
    if (!ms.failed)
        apply_rules(c, text, &ms);
    if (ms.failed) {
        free(ms.items);
        return -1;
    }
    *out = ms.items;
    *n = ms.len;
    return 0;
}

/* ---- acronyms defined in the text ---- */

/* Schwartz & Hearst: can the letters of the short form be found, in order,
 * in the long form, its first letter opening a word of it? */
static bool abbreviates(const char *shortf, size_t sn, const char *longf, size_t ln)
{
    long s = (long)sn - 1, l = (long)ln - 1;
    for (; s >= 0; s--) {
        char c = (char)tolower((unsigned char)shortf[s]);
        if (!isalnum((unsigned char)c))
            continue;
        while (l >= 0 && (tolower((unsigned char)longf[l]) != c ||
                          (s == 0 && l > 0 && isalnum((unsigned char)longf[l - 1]))))
            l--;
        if (l < 0)
            return false;
        l--;
    }
    return true;
}

/* A short form: 2 to 10 characters, a letter first, two capitals at least. */
static bool short_form(const char *s, size_t n)
{
    if (n < 2 || n > 10 || !isalpha((unsigned char)s[0]))
        return false;
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '&')
            return false;
        caps += isupper((unsigned char)s[i]) != 0;
    }
    return caps >= 2;
}

static int define(rg_context *c, const char *acronym, size_t n, const rg_entry *e)
{
    if (rg_reserve((void **)&c->defined, &c->cap_defined, c->n_defined, sizeof *c->defined) < 0)
        return -1;
    char *copy = rg_strndup(acronym, n);
    if (!copy)
        return -1;
    int rc = rg_matcher_add(c->acronyms, copy, c->n_defined);
    free(copy);
    if (rc == 0)
        c->defined[c->n_defined++] = e;
    return rc;
}

/* The mention of ms that spans text[start, end) exactly, or NULL. */
static const rg_mention *mention_at(const rg_mention *ms, size_t n, size_t start, size_t end)
{
    for (size_t i = 0; i < n; i++)
        if (ms[i].start == start && ms[i].start + ms[i].len == end)
            return &ms[i];
    return NULL;
}

/* The last word of s[0, n): its start, its length in *wn. */
static const char *last_word(const char *s, size_t n, size_t *wn)
{
    size_t e = n;
    while (e > 0 && !isalnum((unsigned char)s[e - 1]))
        e--;
    size_t b = e;
    while (b > 0 && isalnum((unsigned char)s[b - 1]))
        b--;
    *wn = e - b;
    return s + b;
}

/* An acronym of the catalog (NIS, the National Intelligence Service) that
 * the document spells out as something else ("NIS (National Immunization
 * Survey)", a row of a PDF's abbreviations table, or "National
 * Immunization Survey (NIS)"): the long form opens with the acronym's
 * first letter, holds its letters in order, names no entity and ends in
 * another word than the catalog's name. Defined as standing for nothing,
 * so that the catalog's meaning does not come back in this document. */
static int define_unknown(rg_context *c, const char *acronym, const rg_mention *known, const char *longf,
                          size_t ln)
{
    const rg_catalog *cat = c->r->cat;
    if (!known || known->entity < cat->entries || known->entity >= cat->entries + cat->len || ln == 0 ||
        tolower((unsigned char)longf[0]) != tolower((unsigned char)acronym[0]) ||
        !abbreviates(acronym, known->len, longf, ln))
        return 0;
    size_t an, bn;
    const char *a = last_word(longf, ln, &an);
    const char *name = known->entity->name;
    const char *b = last_word(name, strlen(name), &bn);
    bool same = an == bn;
    for (size_t i = 0; same && i < an; i++)
        same = tolower((unsigned char)a[i]) == tolower((unsigned char)b[i]);
    if (same)
        return 0;
    return define(c, acronym, known->len, NULL);
}

/* The long form before "(SF)" at text[0, open): the fewest words, at most
 * sn + 5, that open with the acronym's first letter and hold its letters. */
static size_t long_form_before(const char *text, size_t open, const char *sf, size_t sn, size_t *start)
{
    size_t e = open;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    size_t b = e;
    for (size_t words = 0; words < sn + 5 && b > 0; words++) {
        while (b > 0 && text[b - 1] == ' ')
            b--;
        while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '(' && text[b - 1] != ')')
            b--;
        if (b < e && tolower((unsigned char)text[b]) == tolower((unsigned char)sf[0]) &&
            abbreviates(sf, sn, text + b, e - b)) {
            *start = b;
            return e - b;
        }
        if (b > 0 && text[b - 1] != ' ')
            break; /* a parenthesis or the start of the sentence ends the search */
    }
    return 0;
}

/* The acronyms of the catalog that text spells out as something else. */
static int define_unknowns(rg_context *c, const char *text, const rg_mention *ms, size_t n)
{
    for (const char *p = strchr(text, '('); p; p = strchr(p + 1, '(')) {
        size_t open = (size_t)(p - text), inner = strcspn(p + 1, ")");
        if (p[1 + inner] != ')' || inner == 0)
            continue;
        /* "Long Form (SF)": no mention ends before the parenthesis */
        size_t start;
        const rg_mention *sf = mention_at(ms, n, open + 1, open + 1 + inner);
        if (sf && short_form(p + 1, inner) && open >= 2 && text[open - 1] == ' ') {
            size_t ln = long_form_before(text, open, p + 1, inner, &start);
            bool named = false;
            for (size_t i = 0; i < n && ln; i++)
                named |= ms[i].start + ms[i].len == open - 1;
            if (ln && !named && define_unknown(c, p + 1, sf, text + start, ln) < 0)
                return -1;
        }
        /* "SF (Long Form)": no mention fills the parentheses */
        if (open >= 2 && text[open - 1] == ' ' && !mention_at(ms, n, open + 1, open + 1 + inner)) {
            size_t e = open - 1, b = e;
            while (b > 0 && (isalnum((unsigned char)text[b - 1]) || text[b - 1] == '-' || text[b - 1] == '&'))
                b--;
            const rg_mention *known = mention_at(ms, n, b, e);
            if (known && short_form(text + b, e - b) && define_unknown(c, text + b, known, p + 1, inner) < 0)
                return -1;
        }
    }
    return 0;
}

int rg_mentions_define(rg_context *c, const char *text, const rg_mention *ms, size_t n)
{
    if (define_unknowns(c, text, ms, n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const rg_mention *m = &ms[i];
        size_t end = m->start + m->len;
        /* "Long Form (SF)" */
        if (text[end] == ' ' && text[end + 1] == '(') {
            const char *sf = text + end + 2;
            size_t sn = strcspn(sf, ") ");
            if (sf[sn] == ')' && short_form(sf, sn) && abbreviates(sf, sn, text + m->start, m->len) &&
                define(c, sf, sn, m->entity) < 0)
                return -1;
        }
        /* "the "Maritime Domain Awareness Program" (in this section
         * referred to as the "Program")": a bill's defined term */
        size_t q = end + (text[end] == '"');
        if (text[q] == ' ' && text[q + 1] == '(') {
            const char *in = text + q + 2, *close = strchr(in, ')');
            const char *as = close && close - in < 80 ? strstr(in, "as the \"") : NULL;
            if (as && as < close && close[-1] == '"') {
                const char *term = as + 8;
                size_t tn = (size_t)(close - 1 - term);
                if (tn > 0 && tn < 40 && isupper((unsigned char)term[0]) && !memchr(term, '"', tn) &&
                    define(c, term, tn, m->entity) < 0)
                    return -1;
            }
        }
        /* "SF (Long Form)": the mention fills the parentheses */
        if (m->start >= 2 && text[m->start - 1] == '(' && text[end] == ')') {
            size_t e = m->start - 2;
            while (e > 0 && text[e] == ' ')
                e--;
            size_t b = e + 1;
            while (b > 0 && (isalnum((unsigned char)text[b - 1]) || text[b - 1] == '-' || text[b - 1] == '&'))
                b--;
            size_t sn = e + 1 - b;
            if (short_form(text + b, sn) && abbreviates(text + b, sn, text + m->start, m->len) &&
                define(c, text + b, sn, m->entity) < 0)
                return -1;
        }
    }
    return 0;
}
