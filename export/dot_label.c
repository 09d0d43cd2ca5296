#include "export/dot_label.h"

#include "graph/base/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "USAID", "U.S.", "DPRK": one word of two to eight characters, at least
 * two capitals and no small letter. */
static bool acronym(const char *s)
{
    size_t n = strlen(s), caps = 0;
    if (n < 2 || n > 8)
        return false;
    for (const char *p = s; *p; p++) {
        if (islower((unsigned char)*p) || isspace((unsigned char)*p))
            return false;
        caps += isupper((unsigned char)*p) != 0;
    }
    return caps >= 2;
}

const char *rg_dot_short_name(const rg_node *n, char *buf, size_t size)
{
    const char *best = acronym(n->label) ? n->label : NULL;
    for (size_t i = 0; i < n->aliases.len; i++) {
        const char *a = n->aliases.items[i];
        if (acronym(a) && (!best || strlen(a) < strlen(best)))
            best = a;
    }
    if (best)
        return best;
    /* U.S. departments go by their subject: "State", "Commerce" */
    static const char department[] = "Department of ";
    if (strncmp(n->label, department, sizeof department - 1) == 0 && strlen(n->label) < sizeof department + 24) {
        snprintf(buf, size, "%s", n->label + sizeof department - 1);
        return buf;
    }
    return n->label;
}

/* The words that make a sentence of a modality a recommendation; to_after:
 * the action follows the next "to" ("urge Congress to fund"). */
typedef struct modal_cue {
    const char *modality;
    const char *words[4];
    bool to_after;
} modal_cue;

static const modal_cue cues[] = {
    {"should", {"should"}, false},
    {"must", {"must"}, false},
    {"shall", {"shall"}, false},
    {"could", {"could"}, false},
    {"will", {"will"}, false},
    {"need", {"need to", "needs to", "needed to"}, false},
    {"commit", {"commit to", "commits to", "committed to", "commit"}, false},
    {"agree", {"agree to", "agrees to", "agreed to", "agree"}, false},
    {"intend", {"intend to", "intends to", "intended to"}, false},
    {"urge", {"urge", "urges", "urged"}, true},
    {"call", {"call on", "calls on", "call upon", "called on"}, true},
    {"recommend", {"recommend that", "recommends that", "recommended that"}, false},
};

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '\'';
}

/* The first place text holds word as a whole word, any case, or NULL. */
static const char *find_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; *p; p++) {
        if ((p == text || !word_char(p[-1])) && rg_spells_ci(p, n, word) && !word_char(p[n]))
            return p;
    }
    return NULL;
}

/* Past the spaces and the word at p, when it is one of the sentence
 * adverbs that stand between a modal and its verb ("should also expand"). */
static const char *past_adverb(const char *p)
{
    static const char *const adverbs[] = {"also", "further", "therefore", "then", "instead", "immediately"};
    while (*p == ' ')
        p++;
    size_t n = 0;
    while (word_char(p[n]))
        n++;
    for (size_t i = 0; i < sizeof adverbs / sizeof *adverbs; i++)
        if (rg_spells_ci(p, n, adverbs[i]))
            return p + n;
    return p;
}

/* Where the action starts in text: past the cue of modality (and an
 * adverb), at the cue itself before a "not", or the start of text. */
static const char *action_start(const char *text, const char *modality)
{
    const modal_cue *cue = NULL;
    for (size_t i = 0; modality && i < sizeof cues / sizeof *cues; i++)
        if (strcmp(cues[i].modality, modality) == 0)
            cue = &cues[i];
    const char *at = NULL, *word = NULL;
    for (size_t k = 0; cue && k < 4 && cue->words[k] && !at; k++)
        if ((at = find_word(text, cue->words[k])) != NULL)
            word = cue->words[k];
    if (!at)
        return text;
    const char *p = at + strlen(word);
    if (cue->to_after) {
        const char *to = find_word(p, "to");
        p = to && to - p < 80 ? to + 2 : p;
    }
    p = past_adverb(p);
    while (*p == ' ')
        p++;
    size_t n = 0;
    while (word_char(p[n]))
        n++;
    if (rg_spells_ci(p, n, "not")) /* "must not neglect": the negation stays with its modal */
        return at;
    return *p ? p : text;
}

/* p[0..n) without trailing punctuation and the small words that leave a
 * cut phrase hanging ("talks with the ROK Ministry of"). */
static size_t without_dangling_words(const char *p, size_t n)
{
    static const char *const small[] = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of",
                                        "on", "or", "the", "to", "which", "with", "that", "its", "their"};
    for (;;) {
        while (n && (p[n - 1] == ' ' || p[n - 1] == ',' || p[n - 1] == ';' || p[n - 1] == ':'))
            n--;
        size_t start = n;
        while (start && p[start - 1] != ' ')
            start--;
        bool dangling = false;
        for (size_t i = 0; start > 0 && i < sizeof small / sizeof *small; i++)
            dangling |= rg_spells_ci(p + start, n - start, small[i]);
        if (!dangling)
            return n;
        n = start;
    }
}

char *rg_dot_action(const char *text, const char *modality, size_t max, bool lower)
{
    const char *p = action_start(text, modality);
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '.' || p[n - 1] == ';' || p[n - 1] == ':' || p[n - 1] == ','))
        n--;
    bool cut = n > max;
    if (cut) {
        size_t at = max;
        while (at > max / 2 && p[at] != ' ')
            at--;
        n = at > max / 2 ? at : max;
        /* no cut inside a UTF-8 sequence */
        while (n && ((unsigned char)p[n] & 0xC0) == 0x80)
            n--;
        n = without_dangling_words(p, n);
    }
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_add(&b, p, n);
    if (cut)
        rg_buf_adds(&b, "\xe2\x80\xa6"); /* no space before: a wrapped label never ends on it alone */
    if (b.failed) {
        rg_buf_destroy(&b);
        return NULL;
    }
    /* an imperative's "Expand ..." after a lead's name reads "USAID: expand
     * ..."; "ROK ..." stays, and so does a sentence with no cue found
     * (its first word may be a name: "Washington would ...") */
    bool imperative = p == text && modality && strcmp(modality, "imperative") == 0;
    if (lower && imperative && b.len >= 2 && isupper((unsigned char)b.data[0]) && islower((unsigned char)b.data[1]))
        b.data[0] = (char)tolower((unsigned char)b.data[0]);
    return rg_buf_steal(&b);
}

char *rg_dot_recommendation_label(const rg_graph *g, size_t rec, const size_t *leads, size_t n, size_t max)
{
    const rg_node *r = &g->nodes[rec];
    char *action = rg_dot_action(r->text ? r->text : r->label, r->modality, max, n > 0);
    if (action && n == 0 && islower((unsigned char)action[0])) /* "Bring ...": the label starts a sentence */
        action[0] = (char)toupper((unsigned char)action[0]);
    if (!action || n == 0)
        return action;
    rg_buf b;
    rg_buf_init(&b);
    for (size_t i = 0; i < n && i < 2; i++) {
        char buf[64];
        if (i)
            rg_buf_adds(&b, ", ");
        rg_buf_adds(&b, rg_dot_short_name(&g->nodes[leads[i]], buf, sizeof buf));
    }
    if (n > 2) {
        char more[32];
        snprintf(more, sizeof more, " and %zu more", n - 2);
        rg_buf_adds(&b, more);
    }
    rg_buf_adds(&b, ": ");
    rg_buf_adds(&b, action);
    free(action);
    if (b.failed) {
        rg_buf_destroy(&b);
        return NULL;
    }
    return rg_buf_steal(&b);
}
