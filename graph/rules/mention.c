/* Mentions: which entities a sentence names, and where.
 *
 * Three sources, merged leftmost-longest: the catalog's names and aliases,
 * the acronyms the document itself defines, and names found by their shape
 * (graph/rules/shape.c). A shaped name that contains catalog names ("Partner with
 * Korea Act") replaces them; one that is a catalog name with a country in
 * front ("ROK National IT Industry Promotion Agency") resolves to the
 * catalog's entity. Then three rules of reading:
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
 * same span, the document's own definition wins. */
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
        if (!clash)
            push(base, *m);
    }
}

static int by_start(const void *a, const void *b)
{
    const rg_mention *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
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

/* A catalog entry named "<qualifier of country> name", or NULL. */
static const rg_entry *by_stem(const rg_reader *r, const rg_entry *country, const char *name, bool *failed)
{
    if (!country)
        return NULL;
    char *norm = rg_normalize_name(name);
    rg_buf key;
    rg_buf_init(&key);
    rg_buf_adds(&key, country->country);
    rg_buf_addc(&key, '|');
    rg_buf_adds(&key, norm ? norm : "");
    free(norm);
    size_t at;
    bool known = !key.failed && norm && rg_hmap_get(&r->stems, key.data, &at);
    *failed |= key.failed || !norm;
    rg_buf_destroy(&key);
    return known ? &r->cat->entries[at] : NULL;
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

/* The entity a shaped name stands for. In order: a catalog entry with
 * that name or alias; with its country qualifier set aside ("South Korean
 * Ministry of Health and Welfare"); the qualified catalog name of the
 * report's own countries ("Indo-Pacific Strategy" in a report about the
 * United States); else a body or program of this document's own, named
 * without an abbreviated qualifier ("ROK Nuclear Safety Commission" is
 * the Nuclear Safety Commission, of the ROK). */
static const rg_entry *resolve(rg_context *c, const char *name, rg_node_type type, const char *kind,
                               const rg_entry *owner, bool *failed)
{
    const rg_reader *r = c->r;
    const rg_entry *e = by_form(r, name, failed);
    if (e)
        return e;
    size_t qlen = 0;
    const rg_entry *country = rg_reader_qualifier(r, name, &qlen);
    const char *rest = country ? name + qlen + 1 : name;
    /* the paths below join names that are not written alike: the
     * catalog's do-not-merge pairs stop them */
    if (country) {
        e = by_form(r, rest, failed);
        if (e && (!e->country || strcmp(e->country, country->country) == 0) && !rg_catalog_distinct(r->cat, name, e->name))
            return e;
        if ((e = by_stem(r, country, rest, failed)) != NULL && !rg_catalog_distinct(r->cat, name, e->name))
            return e;
    } else {
        for (int k = 0; k < 2 && !e; k++) {
            e = by_stem(r, c->pair[k], name, failed);
            if (e && rg_catalog_distinct(r->cat, name, e->name))
                e = NULL;
        }
        if (e)
            return e;
    }
    if (*failed)
        return NULL;
    /* an abbreviation qualifies an agency's name without being part of it */
    bool strip = country && type == RG_TYPE_AGENCY;
    for (const char *p = name; strip && p < rest; p++)
        strip = !islower((unsigned char)*p);
    rg_entry proto = {.name = (char *)(strip ? rest : name), .type = type, .kind = (char *)kind,
                      .country = country ? country->country : NULL, .source = "text"};
    if (owner && owner->type == RG_TYPE_AGENCY)
        proto.parent = owner->name;
    if (owner && !proto.country)
        proto.country = owner->country;
    return local_entity(c, &proto, failed);
}

/* The name of a shape: its text, the head singular ("Indo-Pacific
 * Strategies" is two strategies of one name), "<owner> " in front when
 * the owner is a company. Caller frees. */
static char *shape_name(const char *text, const rg_shape *s, const char *owner_name)
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
    rg_buf_add(&b, text + head_end, s->start + s->len - head_end);
    return rg_buf_steal(&b);
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

static void add_shape(rg_context *c, const char *text, list *ms, const rg_shape *s)
{
    size_t s_end = s->start + s->len;
    /* where the catalog already reads this name, or reads across its edge,
     * the catalog's reading stands */
    for (size_t k = 0; k < ms->len; k++) {
        const rg_mention *m = &ms->items[k];
        size_t m_end = m->start + m->len;
        bool overlaps = m->start < s_end && m_end > s->start;
        if (overlaps && (m->start < s->start || m_end > s_end || (m->start == s->start && m_end == s_end)))
            return;
    }
    const rg_entry *owner = owner_of(ms, s);
    bool company = owner && owner->type == RG_TYPE_ACTOR && strcmp(owner->kind, "company") == 0;
    char *name = shape_name(text, s, company ? owner->name : NULL);
    if (!name) {
        ms->failed = true;
        return;
    }
    rg_node_type type = company ? RG_TYPE_ACTOR : s->type;
    const char *kind = company ? "organization" : s->kind;
    bool failed = false;
    const rg_entry *entities[2] = {NULL, NULL};
    /* "the U.S. and ROK Indo-Pacific Strategies": two names, one head */
    size_t q1, q2;
    const rg_entry *c1 = rg_reader_qualifier(c->r, name, &q1);
    const rg_entry *c2 = c1 && strncmp(name + q1, " and ", 5) == 0
                             ? rg_reader_qualifier(c->r, name + q1 + 5, &q2)
                             : NULL;
    if (c2 && !company) {
        const char *rest = name + q1 + 5 + q2 + 1;
        for (int k = 0; k < 2 && !failed; k++) {
            rg_buf one;
            rg_buf_init(&one);
            rg_buf_add(&one, k == 0 ? name : name + q1 + 5, k == 0 ? q1 : q2);
            rg_buf_addc(&one, ' ');
            rg_buf_adds(&one, rest);
            failed = one.failed;
            if (!failed)
                entities[k] = resolve(c, one.data, type, kind, owner, &failed);
            rg_buf_destroy(&one);
        }
    } else {
        entities[0] = resolve(c, name, type, kind, company ? NULL : owner, &failed);
    }
    free(name);
    if (failed) {
        ms->failed = true;
        return;
    }
    /* The shape replaces the catalog names inside it, but for countries
     * that open it: a qualifier of a body ("ROK Nuclear Safety and Security
     * Commission"), a country concerned by a program ("U.S. and ROK
     * Indo-Pacific Strategies"). A company owner becomes part of the name. */
    size_t start = s->start;
    size_t name_start = start, w = 0;
    for (size_t k = 0; k < ms->len; k++) {
        rg_mention *m = &ms->items[k];
        bool inside = m->start >= start && m->start + m->len <= s_end;
        bool opening = inside && rg_entry_is_country(m->entity) && m->start == name_start && !company;
        if (opening) {
            name_start = m->start + m->len;
            while (name_start < s_end && (text[name_start] == ' ' || text[name_start] == '\'' ||
                                          text[name_start] == 's' || strncmp(text + name_start, "and ", 4) == 0))
                name_start += text[name_start] == 'a' ? 4 : 1;
        }
        if (!inside || opening)
            ms->items[w++] = *m;
    }
    ms->len = w;
    if (name_start >= s_end)
        name_start = start;
    for (int k = 0; k < 2; k++)
        if (entities[k])
            push(ms, (rg_mention){.start = name_start, .len = s_end - name_start, .entity = entities[k], .owner = owner});
    if (s->skip_len > 2 && entities[0] && define(c, text + s->skip_start + 1, s->skip_len - 2, entities[0]) < 0)
        ms->failed = true;
    if (s->plural && !company)
        add_coordinated(c, text, ms, s);
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
            const rg_mention *next = &ms->items[i + 1];
            size_t gap = next->start - end;
            bool adjacent = gap == 1 || (gap == 3 && strncmp(text + end, "'s ", 3) == 0);
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

int rg_mentions_define(rg_context *c, const char *text, const rg_mention *ms, size_t n)
{
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
