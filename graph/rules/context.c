/* The reading of one document: a survey first (catalog names, acronyms,
 * the two countries), then each body sentence in order: its mentions, its
 * form, its roles, the lead-in and the recommendation it goes on with. */
#include "graph/rules/context.h"
#include "graph/rules/rules_internal.h"
#include "graph/base/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void rg_context_free(rg_context *c)
{
    if (!c)
        return;
    free(c->names.items);
    free(c->names_at);
    free(c->named);
    for (size_t i = 0; i < c->n_local; i++)
        rg_entry_free(c->local[i]);
    free(c->local);
    rg_hmap_destroy(&c->local_ids);
    rg_matcher_free(c->acronyms);
    free(c->defined);
    free(c->ms);
    free(c->leaders);
    free(c->rec_block);
    free(c->lead_ins);
    free(c->roles);
    free(c->actors);
    free(c);
}

const rg_entry *rg_context_pair(const rg_context *c, int k)
{
    return k == 0 || k == 1 ? c->pair[k] : NULL;
}

void rg_context_set_pair(rg_context *c, const rg_entry *a, const rg_entry *b)
{
    c->pair[0] = a;
    c->pair[1] = b;
}

/* The two countries a document names most: what "both countries" and
 * "the allies" refer to. Ties go to the smaller id. */
static void choose_pair(rg_context *c, const size_t *count_of, size_t n)
{
    const rg_catalog *cat = c->r->cat;
    size_t best[2] = {RG_NONE, RG_NONE};
    for (size_t i = 0; i < n; i++) {
        if (!count_of[i])
            continue;
        for (int slot = 0; slot < 2; slot++) {
            size_t b = best[slot];
            bool better = b == RG_NONE || count_of[i] > count_of[b] ||
                          (count_of[i] == count_of[b] && strcmp(cat->entries[i].id, cat->entries[b].id) < 0);
            if (better) {
                if (slot == 0)
                    best[1] = best[0];
                best[slot] = i;
                break;
            }
        }
    }
    /* only a report about two countries has "both countries" */
    if (best[1] != RG_NONE && count_of[best[1]] >= 3) {
        c->pair[0] = &cat->entries[best[0]];
        c->pair[1] = &cat->entries[best[1]];
    }
}

/* The mentions of sentence i, from the catalog names the survey found. */
static int sentence_mentions(rg_context *c, size_t i, rg_mention **ms, size_t *n)
{
    static const rg_name_hit none[1];
    const rg_name_hit *names = c->names.items ? c->names.items + c->names_at[i] : none;
    return rg_mentions_find(c, c->doc->sentences[i].text, names, c->names_at[i + 1] - c->names_at[i], ms, n);
}

/* Does the surface a[0..an) end with b[0..bn) as its last words, case
 * aside, qualified by the words before ("U.S.-Philippines Mutual Defense
 * Treaty"), not attached to them ("Committee on Foreign Affairs of the
 * House of Representatives")? */
static bool ends_in_words(const char *a, size_t an, const char *b, size_t bn)
{
    if (an < bn + 2 || (a[an - bn - 1] != ' ' && a[an - bn - 1] != '-'))
        return false;
    size_t before = an - bn - 1;
    if ((before >= 3 && strncmp(a + before - 3, " of", 3) == 0) ||
        (before >= 4 && strncmp(a + before - 4, " the", 4) == 0))
        return false;
    for (size_t k = 0; k < bn; k++)
        if (tolower((unsigned char)a[an - bn + k]) != tolower((unsigned char)b[k]))
            return false;
    return true;
}

/* The hash of the last word of s[0..n), case aside. */
static size_t last_word_hash(const char *s, size_t n)
{
    size_t b = n;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '-')
        b--;
    size_t h = 5381;
    for (size_t k = b; k < n; k++)
        h = h * 33 + (size_t)tolower((unsigned char)s[k]);
    return h;
}

typedef struct named_form {
    size_t entry, hit, sentence; /* an entry's longest surface: its hit and sentence */
    size_t tail;                 /* the hash of that surface's last word */
    bool varied;                 /* written in surfaces of more than one length */
} named_form;

static int by_tail(const void *a, const void *b)
{
    const named_form *x = a, *y = b;
    return (x->tail > y->tail) - (x->tail < y->tail);
}

/* A body or program the document names only by a short form that ends
 * the full name of another it also names ("the Mutual Defense Treaty"
 * after "the U.S.-Philippines Mutual Defense Treaty") is that other one:
 * the catalog knows the short form as another country's treaty, but the
 * document means its own. Its catalog names are given that entry. Keeps
 * the entries named (c->named), each once. */
static int short_forms(rg_context *c)
{
    const rg_catalog *cat = c->r->cat;
    const rg_doc *doc = c->doc;
    size_t *slot = calloc(cat->len ? cat->len : 1, sizeof *slot);
    named_form *forms = malloc((c->names.len ? c->names.len : 1) * sizeof *forms);
    c->named = malloc((c->names.len ? c->names.len : 1) * sizeof *c->named);
    if (!slot || !forms || !c->named) {
        free(slot), free(forms);
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < doc->n_sentences; i++)
        for (size_t k = c->names_at[i]; k < c->names_at[i + 1]; k++) {
            const rg_name_hit *h = &c->names.items[k];
            if (cat->entries[h->entry].type == RG_TYPE_ACTOR)
                continue;
            /* slot[e] is e's form only when that form says so */
            size_t at = slot[h->entry];
            if (at >= n || forms[at].entry != h->entry) {
                slot[h->entry] = n;
                forms[n++] = (named_form){.entry = h->entry, .hit = k, .sentence = i};
                continue;
            }
            size_t was = c->names.items[forms[at].hit].len;
            forms[at].varied |= h->len != was;
            if (h->len > was) {
                forms[at].hit = k;
                forms[at].sentence = i;
            }
        }
    for (size_t u = 0; u < n; u++) {
        const rg_name_hit *h = &c->names.items[forms[u].hit];
        forms[u].tail = last_word_hash(doc->sentences[forms[u].sentence].text + h->start, h->len);
        c->named[u] = forms[u].entry;
    }
    c->n_named = n;
    /* a short form and a full name end in the same word */
    qsort(forms, n, sizeof *forms, by_tail);
    for (size_t u = 0; u < n; u++) {
        if (forms[u].varied)
            continue;
        const rg_name_hit *h = &c->names.items[forms[u].hit];
        const char *s = doc->sentences[forms[u].sentence].text + h->start;
        size_t e = forms[u].entry, target = RG_NONE, found = 0;
        size_t v = u;
        while (v > 0 && forms[v - 1].tail == forms[u].tail)
            v--;
        for (; v < n && forms[v].tail == forms[u].tail; v++) {
            const rg_name_hit *g = &c->names.items[forms[v].hit];
            size_t f = forms[v].entry;
            if (f != e && cat->entries[f].type == cat->entries[e].type && cat->entries[f].kind &&
                cat->entries[e].kind && strcmp(cat->entries[f].kind, cat->entries[e].kind) == 0 &&
                ends_in_words(doc->sentences[forms[v].sentence].text + g->start, g->len, s, h->len)) {
                target = f;
                found++;
            }
        }
        if (found != 1)
            continue;
        for (size_t k = 0; k < c->names.len; k++)
            if (c->names.items[k].entry == e)
                c->names.items[k].entry = target;
    }
    free(slot), free(forms);
    return 0;
}

/* First pass: the catalog names of every body sentence (kept for the
 * second), the acronyms the document defines, and which countries it
 * names most. */
static int survey(rg_context *c)
{
    const rg_catalog *cat = c->r->cat;
    const rg_doc *doc = c->doc;
    size_t *count_of = calloc(cat->len ? cat->len : 1, sizeof *count_of);
    c->names_at = malloc((doc->n_sentences + 1) * sizeof *c->names_at);
    if (!count_of || !c->names_at) {
        free(count_of);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < doc->n_sentences && rc == 0; i++) {
        const rg_sentence *s = &doc->sentences[i];
        c->names_at[i] = c->names.len;
        if (doc->blocks[s->block].zone != RG_ZONE_BODY)
            continue;
        if ((rc = rg_mentions_scan_names(c, s->text, &c->names)) < 0)
            break;
        /* countries by the catalog's names, wherever they stand */
        for (size_t k = c->names_at[i]; k < c->names.len; k++)
            if (rg_entry_is_country(&cat->entries[c->names.items[k].entry]))
                count_of[c->names.items[k].entry]++;
        /* the full reading only where a parenthesis may define an acronym */
        if (!strchr(s->text, '('))
            continue;
        c->names_at[i + 1] = c->names.len;
        rg_mention *ms;
        size_t n;
        if ((rc = sentence_mentions(c, i, &ms, &n)) < 0)
            break;
        rc = rg_mentions_define(c, s->text, ms, n);
        free(ms);
    }
    c->names_at[doc->n_sentences] = c->names.len;
    if (rc == 0)
        rc = short_forms(c);
    if (rc == 0)
        choose_pair(c, count_of, cat->len);
    free(count_of);
    return rc;
}

/* Does the document speak for its parties, as a joint statement, a
 * declaration or a communiqué does? Its title says so, or "we" commits
 * again and again ("we will", "we commit"): in a report, "we" are the
 * authors, and what others "will" do is a forecast. */
static bool speaks_for_parties(const rg_doc *doc)
{
    /* in any case: the White House heads its fact sheets "FACT SHEET:" */
    static const char *const titles[] = {"statement", "declaration", "communiqu", "fact sheet", "readout"};
    for (const char *t = doc->title; t && *t; t++)
        for (size_t k = 0; k < sizeof titles / sizeof *titles; k++)
            if (rg_spells_ci(t, strlen(titles[k]), titles[k]))
                return true;
    static const char *const pledges[] = {"e will ",         "e commit", "e reaffirm",
                                          "e are committed", "e pledge", "e intend"};
    size_t count = 0;
    for (size_t i = 0; i < doc->n_sentences && count < 3; i++) {
        const char *t = doc->sentences[i].text;
        if (doc->blocks[doc->sentences[i].block].zone != RG_ZONE_BODY)
            continue;
        for (const char *p = t; (p = strstr(p, "e ")) != NULL && count < 3; p++) {
            bool we = (p - t == 1 && t[0] == 'W') || (p - t >= 2 && p[-1] == 'w' && p[-2] == ' ');
            for (size_t k = 0; we && k < sizeof pledges / sizeof *pledges; k++)
                if (strncmp(p, pledges[k], strlen(pledges[k])) == 0) {
                    count++;
                    break;
                }
        }
    }
    return count >= 3;
}

/* Whom "we" stands for in a document that speaks for its parties: the
 * countries its first sentence names ("President Biden of the United
 * States and President Yoon of the Republic of Korea met ..."; later ones
 * name others: "provocations by North Korea"), or else the two it names
 * most. */
static void choose_signatories(rg_context *c)
{
    const rg_doc *doc = c->doc;
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const rg_block *b = &doc->blocks[doc->sentences[i].block];
        if (b->zone != RG_ZONE_BODY || b->kind != RG_BLOCK_PARAGRAPH || !strchr(doc->sentences[i].text, ' '))
            continue;
        for (size_t k = c->names_at[i]; k < c->names_at[i + 1]; k++) {
            const rg_entry *e = &c->r->cat->entries[c->names.items[k].entry];
            bool seen = !rg_entry_is_country(e);
            for (size_t j = 0; j < c->n_signatories && !seen; j++)
                seen = c->signatories[j] == e;
            if (!seen && c->n_signatories < RG_PARTIES_MAX)
                c->signatories[c->n_signatories++] = e;
        }
        break;
    }
    if (c->n_signatories < 2) {
        c->n_signatories = 0;
        for (int k = 0; k < 2; k++)
            if (c->pair[k])
                c->signatories[c->n_signatories++] = c->pair[k];
    }
}

/* Does a heading name a section of the document's own proposals
 * ("Recommendations for Executive Action", "What GAO Recommends",
 * "Matter for Congressional Consideration")? With audit, only those an
 * audit report alone has. */
static bool proposal_heading(const char *t, bool audit)
{
    if (!audit)
        return strstr(t, "ecommend") || strstr(t, "Congressional Consideration");
    return strstr(t, "for Executive Action") || strstr(t, "to the Congress") ||
           strstr(t, "for Congressional Consideration") || strstr(t, "What GAO Recommends");
}

/* An audit report proposes through its sections of recommendations only:
 * what the body says an agency must do or needs to do elsewhere is a
 * finding, not a recommendation of its own. */
static bool proposes_in_sections(const rg_doc *doc)
{
    for (size_t i = 0; i < doc->n_blocks; i++)
        if (doc->blocks[i].kind == RG_BLOCK_HEADING && proposal_heading(doc->blocks[i].text, true))
            return true;
    return false;
}

rg_context *rg_context_new(const rg_reader *r, const rg_doc *doc, rg_error *err)
{
    rg_context *c = calloc(1, sizeof *c);
    if (!c) {
        rg_error_nomem(err);
        return NULL;
    }
    c->r = r;
    c->doc = doc;
    c->last_rec = RG_NONE;
    c->last_rec_block = RG_NONE;
    rg_hmap_init(&c->local_ids);
    c->rec_block = calloc(doc->n_blocks ? doc->n_blocks : 1, sizeof *c->rec_block);
    c->lead_ins = calloc(doc->n_blocks ? doc->n_blocks : 1, sizeof *c->lead_ins);
    if (!c->rec_block || !c->lead_ins || !(c->acronyms = rg_matcher_new()) || survey(c) < 0) {
        rg_context_free(c);
        rg_error_nomem(err);
        return NULL;
    }
    c->voice = speaks_for_parties(doc);
    c->audit = proposes_in_sections(doc);
    if (c->voice)
        choose_signatories(c);
    return c;
}

/* ---- one sentence ---- */

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Does a list's lead-in recommend what its items say: "the report
 * recommends that U.S. and ROK policymakers:", "The two governments should
 * also:", a provision that directs ("the Task Force shall ..., which
 * shall—")? */
static bool lead_in_recommends(const rg_context *c, long lead_in)
{
    const char *t = c->doc->blocks[lead_in].text;
    return c->rec_block[lead_in] || c->lead_ins[lead_in].modality || strstr(t, "recommend") || strstr(t, "should") || strstr(t, "urge") ||
           strstr(t, "call on") || strstr(t, "shall") || strstr(t, "must");
}

/* Room for n roles and n actors in the buffers kept from sentence to sentence. */
static int reserve(rg_context *c, size_t n)
{
    if (rg_grow_to((void **)&c->roles, &c->cap_roles, n, sizeof *c->roles) < 0 ||
        rg_grow_to((void **)&c->actors, &c->cap_actors, n, sizeof *c->actors) < 0)
        return -1;
    return 0;
}

/* The actor and agency mentions of a sentence as spans, in c->actors;
 * their count. */
static size_t actor_spans(rg_context *c, const rg_mention *ms, size_t n)
{
    size_t n_actors = 0;
    for (size_t i = 0; i < n; i++)
        if (ms[i].entity->type != RG_TYPE_PROGRAM && !ms[i].qualifier)
            c->actors[n_actors++] = (rg_span){ms[i].start, ms[i].len}; /* an echo still heads a subject */
    return n_actors;
}

/* Where a sentence of block b stands, as RG_DIRECTIVE_* flags. */
static unsigned directive_where(const rg_context *c, const rg_block *b)
{
    return (b->kind == RG_BLOCK_ITEM ? RG_DIRECTIVE_ITEM : 0) | (b->kind == RG_BLOCK_HEADING ? RG_DIRECTIVE_TITLE : 0) |
           (c->voice ? RG_DIRECTIVE_VOICE : 0);
}

/* The directive or commitment a sentence makes, if any. */
static size_t directive_of(rg_context *c, const char *text, const rg_mention *ms, size_t n, const rg_block *b,
                           rg_directive *d)
{
    size_t n_actors = actor_spans(c, ms, n);
    return rg_directive_read(text, c->actors, n_actors, directive_where(c, b), d);
}

/* Sentence i closes block b: when it is a lead-in its items complete
 * ("Washington and Tokyo should:"), note what it directs them to do. */
static void note_lead_in(rg_context *c, size_t i, const rg_mention *ms, size_t n, const rg_block *b)
{
    const char *t = c->doc->sentences[i].text;
    size_t len = strlen(t);
    if (len == 0 || (t[len - 1] != ':' && t[len - 1] != '-' && (unsigned char)t[len - 1] != 0x94))
        return;
    rg_directive d;
    size_t n_actors = actor_spans(c, ms, n);
    rg_modality m = rg_directive_lead_in(t, c->actors, n_actors, directive_where(c, b), &d);
    if (m)
        c->lead_ins[c->doc->sentences[i].block] = (rg_lead_in){m, i, d.subject, d.subject_end};
}

/* The lead-in's mentions that lead: who it names, programs left out. */
static int read_leaders(rg_context *c, const rg_block *lead_in, rg_reading *out)
{
    rg_mention *lm;
    size_t n_lm;
    if (rg_mentions_find(c, lead_in->text, NULL, 0, &lm, &n_lm) < 0)
        return -1;
    size_t w = 0;
    for (size_t i = 0; i < n_lm; i++)
        if (rg_mention_counts(&lm[i]) && lm[i].entity->type != RG_TYPE_PROGRAM)
            lm[w++] = lm[i];
    c->leaders = lm;
    out->leaders = lm;
    out->n_leaders = w;
    return 0;
}

/* Do the items after a lead-in complete what it directs, and with what
 * modality: a lead-in that ends where its directive leaves off ("the Task
 * Force shall--" before "(1) assess ...", "Washington and Tokyo should:",
 * "the leaders decided to:"), or an item that directs ("(5) include
 * coordination with allies--" before "(A) to leverage ...")? Not those of
 * a directive that ends on what it is about ("... sanctions on entities
 * that are supporting actions by the PRC--": "(1) to overthrow ..."). An
 * item that is an order by its own form ("- Deepen cooperation ...") needs
 * no lead-in: by_lead_in false, only a provision that directs ("shall--")
 * gives it a modality other than imperative. */
static rg_modality directs_items(const rg_context *c, long lead_in, bool by_lead_in)
{
    const rg_block *b = &c->doc->blocks[lead_in];
    if (by_lead_in && c->lead_ins[lead_in].modality)
        return c->lead_ins[lead_in].modality;
    if (b->kind == RG_BLOCK_ITEM)
        return c->rec_block[lead_in];
    static const char *const forms[] = {"shall", "should", "must", "will"};
    char word[8];
    size_t n = strlen(b->text);
    size_t end = n >= 2 && b->text[n - 1] == '-' ? n - 2 : n - 1;
    if (rg_word_before(b->text, end, word, sizeof word) == RG_NONE)
        return RG_MODALITY_NONE;
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
        if (strcmp(word, forms[k]) == 0)
            return c->rec_block[lead_in];
    return RG_MODALITY_NONE;
}

/* A bill's item that opens with its own modal, its subject where its
 * lead-in leaves off: "Under the Program, the Under Secretary--" before
 * "(A) shall award competitive grants ..." (an item without a modal,
 * "(1) assess ...", under "the Task Force shall--" is directs_items'). Its
 * modality, or none; "shall not" forbids rather than directs. */
static rg_modality modal_item(const rg_context *c, const rg_sentence *s, const rg_block *b, bool first_in_block)
{
    static const struct {
        const char *word;
        rg_modality modality;
    } modals[] = {{"shall", RG_MODALITY_SHALL}, {"should", RG_MODALITY_SHOULD}, {"must", RG_MODALITY_MUST}};
    if (b->kind != RG_BLOCK_ITEM || !first_in_block || b->lead_in < 0)
        return RG_MODALITY_NONE;
    const char *lead = c->doc->blocks[b->lead_in].text;
    size_t n = strlen(lead);
    if (n == 0 || (lead[n - 1] != '-' && lead[n - 1] != ':' && (unsigned char)lead[n - 1] != 0x94))
        return RG_MODALITY_NONE;
    for (size_t k = 0; k < sizeof modals / sizeof *modals; k++) {
        size_t w = strlen(modals[k].word);
        const char *next = s->text + w + 1;
        if (strncmp(s->text, modals[k].word, w) == 0 && s->text[w] == ' ' && islower((unsigned char)*next) &&
            !starts_with(next, "not "))
            return modals[k].modality;
    }
    return RG_MODALITY_NONE;
}

/* The form of a sentence that opens a block or follows another, given
 * its directive; and whether it goes on with the latest recommendation. */
static rg_form form_of(const rg_context *c, const rg_sentence *s, size_t at, bool first_in_block, bool *example)
{
    const rg_block *b = &c->doc->blocks[s->block];
    bool item = b->kind == RG_BLOCK_ITEM;
    /* "For example, ..." after a recommendation elaborates it */
    bool follows_rec = c->last_rec != RG_NONE && c->last_rec_block == s->block && !first_in_block;
    /* and so does "This should be predicated on ...", when it is no
     * recommendation of its own */
    *example = follows_rec && (starts_with(s->text, "For example") || starts_with(s->text, "For instance") ||
                               (at == RG_NONE && rg_directive_refers_back(s->text)));
    if (*example)
        return RG_FORM_NONE;
    if (at != RG_NONE)
        return RG_FORM_MODAL;
    /* an imperative opens a list item or an emphasized line:
     * "- Deepen cooperation ...", "*Establish new partnerships ...*"; a
     * bill's items under a directing provision open in lower case:
     * "(1) assess ...", "(A) to leverage ..." */
    if (!first_in_block || !(item || b->emphasized))
        return RG_FORM_NONE;
    if (rg_directive_imperative(s->text))
        return item ? RG_FORM_ITEM : RG_FORM_EMPHASIZED;
    if (item && b->lead_in >= 0 && directs_items(c, b->lead_in, true) && rg_directive_imperative_any_case(s->text))
        return RG_FORM_ITEM;
    return RG_FORM_NONE;
}

/* Is word w[0..n) one of the list? Case-insensitive. */
static bool word_among(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (rg_spells_ci(w, n, list[k]))
            return true;
    return false;
}

/* Who the subject text[from..to) stands for when it names no one: "we"
 * and "the two leaders" for the signatories of a joint statement, "it" and
 * "they" for the first name of the sentence (its mentions, ms, then lead:
 * their roles change) or else who led the recommendation before. The
 * parties it writes to c->parties and counts. */
static size_t resolve_parties(rg_context *c, const char *text, const rg_mention *ms, size_t n_ms, size_t from,
                              size_t to)
{
    bool pronoun = false;
    static const char *const first_person[] = {"we", "our", "us"};
    static const char *const collective[] = {"leaders", "presidents", "governments", "countries", "nations",
                                             "sides", "allies", "alliance", "partners"};
    static const char *const pronouns[] = {"he", "she", "it", "they"};
    const rg_entry *const *from_list = NULL;
    size_t n_from = 0;
    for (size_t i = from; i < to && !from_list;) {
        size_t n = 0;
        while (i + n < to && isalpha((unsigned char)text[i + n]))
            n++;
        if (n == 0) {
            i++;
            continue;
        }
        bool word_start = i == 0 || !isalpha((unsigned char)text[i - 1]);
        if (word_start && c->voice &&
            (word_among(text + i, n, first_person, 3) || word_among(text + i, n, collective, 9)))
            from_list = c->signatories, n_from = c->n_signatories;
        else if (word_start && word_among(text + i, n, pronouns, 4))
            from_list = c->subjects, n_from = c->n_subjects, pronoun = true;
        i += n;
    }
    /* "As both countries develop norms, they could ...", "to the extent
     * that the Biden administration reinitiates diplomacy with North
     * Korea, it should ...": the first name of the sentence leads, as
     * named (or as inferred as "both countries" is), rather than who led
     * the recommendation before */
    size_t first = RG_NONE;
    for (size_t k = 0; pronoun && k < n_ms; k++)
        if (rg_mention_counts(&ms[k]) && ms[k].entity->type != RG_TYPE_PROGRAM && ms[k].start < from &&
            (first == RG_NONE || ms[k].start < first))
            first = ms[k].start;
    if (first != RG_NONE) {
        for (size_t k = 0; k < n_ms; k++)
            if (ms[k].start == first && rg_mention_counts(&ms[k]))
                c->roles[k] = RG_ROLE_LEADS;
        return 0;
    }
    for (size_t k = 0; k < n_from; k++)
        c->parties[k] = from_list[k];
    return n_from;
}

/* Who leads the recommendation just read: kept for "it" and "they". */
static void remember_subjects(rg_context *c, const rg_reading *out)
{
    size_t n = 0;
    for (size_t k = 0; k < out->n_mentions && n < RG_PARTIES_MAX; k++)
        if (out->roles[k] == RG_ROLE_LEADS)
            c->subjects[n++] = out->mentions[k].entity;
    for (size_t k = 0; k < out->n_parties && n < RG_PARTIES_MAX; k++)
        c->subjects[n++] = out->parties[k];
    if (n)
        c->n_subjects = n;
}

/* The roles and leaders of a recommendation. */
static int read_recommendation(rg_context *c, const rg_sentence *s, const rg_directive *d, rg_reading *out)
{
    const rg_doc *doc = c->doc;
    size_t n = out->n_mentions;
    size_t subject = d->at != RG_NONE ? d->subject : 0, subject_end = d->at != RG_NONE ? d->subject_end : RG_NONE;
    rg_roles_assign(s->text, out->mentions, n, subject, subject_end, c->roles);
    /* "GAO recommends that OSTP ...", "It is the sense of Congress that
     * ...": who recommends is no party to it */
    for (size_t k = 0; d->at != RG_NONE && k < n; k++)
        if (out->mentions[k].start < d->author_end)
            c->roles[k] = RG_ROLE_NONE;
    c->last_rec = out->sentence;
    c->last_rec_block = s->block;
    if (!c->rec_block[s->block])
        c->rec_block[s->block] = out->modality;
    bool any_lead = false;
    for (size_t k = 0; k < n; k++)
        any_lead |= c->roles[k] == RG_ROLE_LEADS;
    if (!any_lead && d->at != RG_NONE) {
        size_t np = resolve_parties(c, s->text, out->mentions, n, subject, subject_end);
        out->parties = c->parties;
        out->n_parties = np;
        for (size_t k = 0; k < n; k++)
            any_lead |= c->roles[k] == RG_ROLE_LEADS;
        any_lead |= np > 0;
    }
    /* Items under "the report recommends that U.S. and ROK
     * policymakers:" are led by whoever the lead-in names; under "the
     * leaders decided to:", by whom its subject stands for. */
    if (!any_lead && out->lead_in >= 0) {
        if (read_leaders(c, &doc->blocks[out->lead_in], out) < 0)
            return -1;
        const rg_lead_in *li = &c->lead_ins[out->lead_in];
        if (!out->n_leaders && li->modality) {
            out->n_parties =
                resolve_parties(c, doc->sentences[li->sentence].text, NULL, 0, li->subject, li->subject_end);
            out->parties = c->parties;
        }
    }
    remember_subjects(c, out);
    return 0;
}

int rg_context_read(rg_context *c, size_t i, rg_reading *out)
{
    const rg_doc *doc = c->doc;
    const rg_sentence *s = &doc->sentences[i];
    const rg_block *b = &doc->blocks[s->block];
    free(c->ms);
    free(c->leaders);
    c->ms = c->leaders = NULL;
    *out = (rg_reading){.sentence = i, .subject = RG_NONE, .modal = RG_NONE, .elaborates = RG_NONE, .lead_in = -1};
    if (b->zone != RG_ZONE_BODY)
        return 0;
    rg_mention *ms;
    size_t n;
    if (sentence_mentions(c, i, &ms, &n) < 0)
        return -1;
    c->ms = ms;
    out->mentions = ms;
    out->n_mentions = n;
    if (reserve(c, n ? n : 1) < 0)
        return -1;
    out->roles = c->roles;
    bool item = b->kind == RG_BLOCK_ITEM;
    bool first_in_block = i == 0 || doc->sentences[i - 1].block != s->block;
    rg_directive d;
    size_t at = directive_of(c, s->text, ms, n, b, &d);
    if (i + 1 == doc->n_sentences || doc->sentences[i + 1].block != s->block)
        note_lead_in(c, i, ms, n, b);
    bool example;
    out->form = form_of(c, s, at, first_in_block, &example);
    rg_modality own_modal =
        out->form == RG_FORM_NONE && at == RG_NONE && !example ? modal_item(c, s, b, first_in_block) : RG_MODALITY_NONE;
    if (own_modal)
        out->form = RG_FORM_ITEM;
    /* in an audit report, a directive outside its proposals (and its
     * title) is a finding, unless it recommends ("GAO recommends that") */
    if (c->audit && out->form != RG_FORM_NONE && b->kind != RG_BLOCK_HEADING &&
        (at == RG_NONE || d.modality != RG_MODALITY_RECOMMEND) &&
        (b->heading < 0 || !proposal_heading(doc->blocks[b->heading].text, false)))
        out->form = RG_FORM_NONE;
    if (item && b->lead_in >= 0 && (own_modal || lead_in_recommends(c, b->lead_in)))
        out->lead_in = b->lead_in;
    if (out->form != RG_FORM_NONE) {
        if (at != RG_NONE)
            out->subject = d.subject, out->modal = at;
        /* an imperative item under "the Task Force shall--" is a "shall";
         * one in lower case under "Washington and Tokyo should:", a "should" */
        bool own_form = at == RG_NONE && rg_directive_imperative(s->text);
        rg_modality directed = item && b->lead_in >= 0 ? directs_items(c, b->lead_in, !own_form) : RG_MODALITY_NONE;
        out->modality = at != RG_NONE ? d.modality
                        : own_modal     ? own_modal
                        : directed      ? directed
                                        : RG_MODALITY_IMPERATIVE;
        return read_recommendation(c, s, &d, out);
    }
    if (example) {
        out->elaborates = c->last_rec;
        /* an example in a list item tells who else and what else the
         * recommendation involves */
        if (item)
            rg_roles_assign(s->text, ms, n, 0, RG_NONE, c->roles);
        else
            for (size_t k = 0; k < n; k++)
                c->roles[k] = RG_ROLE_NONE;
        return 0;
    }
    for (size_t k = 0; k < n; k++)
        c->roles[k] = RG_ROLE_NONE;
    return 0;
}
