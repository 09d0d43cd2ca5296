#include "graph/rules/shape.h"

#include "graph/base/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct head {
    const char *word; /* capitalized singular; plural adds "s" or "ies" */
    rg_node_type type;
    const char *kind;
    bool of_form; /* "Ministry of ...": may take its name after it */
} head;

static const head heads[] = {
    {"Academy", RG_TYPE_AGENCY, "agency", true},
    {"Accord", RG_TYPE_PROGRAM, "agreement", false},
    {"Accords", RG_TYPE_PROGRAM, "agreement", false},
    {"Act", RG_TYPE_PROGRAM, "act", false},
    {"Administration", RG_TYPE_AGENCY, "agency", true},
    {"Agency", RG_TYPE_AGENCY, "agency", true},
    {"Agreement", RG_TYPE_PROGRAM, "agreement", false},
    {"Assembly", RG_TYPE_AGENCY, "legislature", false},
    {"Association", RG_TYPE_ACTOR, "organization", true},
    {"Authority", RG_TYPE_AGENCY, "agency", true},
    {"Bank", RG_TYPE_ACTOR, "organization", true},
    {"Board", RG_TYPE_AGENCY, "agency", true},
    {"Bureau", RG_TYPE_AGENCY, "agency", true},
    {"Center", RG_TYPE_AGENCY, "agency", true},
    {"Centre", RG_TYPE_AGENCY, "agency", true},
    {"Charter", RG_TYPE_PROGRAM, "agreement", false},
    {"Command", RG_TYPE_AGENCY, "agency", false},
    {"Commission", RG_TYPE_AGENCY, "agency", true},
    {"Committee", RG_TYPE_AGENCY, "agency", true},
    {"Consultations", RG_TYPE_PROGRAM, "dialogue", false},
    {"Corporation", RG_TYPE_ACTOR, "company", false},
    {"Council", RG_TYPE_AGENCY, "agency", true},
    {"Court", RG_TYPE_AGENCY, "agency", true},
    {"Department", RG_TYPE_AGENCY, "agency", true},
    {"Dialogue", RG_TYPE_PROGRAM, "dialogue", false},
    {"Directorate", RG_TYPE_AGENCY, "agency", true},
    {"Exercise", RG_TYPE_PROGRAM, "exercise", false},
    {"Forum", RG_TYPE_PROGRAM, "dialogue", false},
    {"Foundation", RG_TYPE_ACTOR, "organization", true},
    {"Framework", RG_TYPE_PROGRAM, "agreement", false},
    {"Fund", RG_TYPE_PROGRAM, "fund", false},
    {"Guidelines", RG_TYPE_PROGRAM, "agreement", false},
    {"Hub", RG_TYPE_PROGRAM, "program", false},
    {"Initiative", RG_TYPE_PROGRAM, "program", false},
    {"Institute", RG_TYPE_AGENCY, "agency", true},
    {"Mechanism", RG_TYPE_PROGRAM, "program", false},
    {"Ministry", RG_TYPE_AGENCY, "agency", true},
    {"Office", RG_TYPE_AGENCY, "agency", true},
    {"Partnership", RG_TYPE_PROGRAM, "agreement", false},
    {"Plan", RG_TYPE_PROGRAM, "strategy", false},
    {"Policy", RG_TYPE_PROGRAM, "policy", false},
    {"Program", RG_TYPE_PROGRAM, "program", false},
    {"Programme", RG_TYPE_PROGRAM, "program", false},
    {"Project", RG_TYPE_PROGRAM, "program", false},
    {"Secretariat", RG_TYPE_AGENCY, "agency", true},
    {"Service", RG_TYPE_AGENCY, "agency", true},
    {"Strategy", RG_TYPE_PROGRAM, "strategy", false},
    {"Summit", RG_TYPE_PROGRAM, "event", false},
    {"Talks", RG_TYPE_PROGRAM, "dialogue", false},
    {"Treaty", RG_TYPE_PROGRAM, "agreement", false},
    {"Unit", RG_TYPE_AGENCY, "agency", false},
    {"University", RG_TYPE_ACTOR, "organization", true},
};

/* Heads that stand in lowercase after a capitalized name: "the Industry
 * and Analysis unit", "the South Korean consulate in San Francisco". */
static const head lower_heads[] = {
    {"consulate", RG_TYPE_AGENCY, "agency", false},
    {"embassy", RG_TYPE_AGENCY, "agency", false},
    {"unit", RG_TYPE_AGENCY, "agency", false},
};

/* Lowercase nouns after a quoted name that make it a program's name: a
 * "Democracies Fight COVID-19" public dialogue, the "Look East" policy. */
static const head quoted_heads[] = {
    {"agreement", RG_TYPE_PROGRAM, "agreement", false}, {"dialogue", RG_TYPE_PROGRAM, "dialogue", false},
    {"exercise", RG_TYPE_PROGRAM, "exercise", false},   {"forum", RG_TYPE_PROGRAM, "dialogue", false},
    {"fund", RG_TYPE_PROGRAM, "fund", false},           {"initiative", RG_TYPE_PROGRAM, "program", false},
    {"partnership", RG_TYPE_PROGRAM, "agreement", false}, {"policy", RG_TYPE_PROGRAM, "policy", false},
    {"program", RG_TYPE_PROGRAM, "program", false},     {"strategy", RG_TYPE_PROGRAM, "strategy", false},
    {"summit", RG_TYPE_PROGRAM, "event", false},
};

/* Words that join the parts of a name: "Partner with Korea Act". */
static const char *const connectors[] = {"and", "for", "of", "on", "the", "with", "to", "&", "in", "de"};

/* Capitalized words that open a sentence or a noun phrase without being
 * part of a name. */
static const char *const determiners[] = {
    "A", "All", "An", "And", "Any", "As", "At", "Both", "But", "By", "Each", "Every", "For", "From", "If",
    "In", "Its", "Many", "More", "Most", "New", "No", "Of", "On", "Other", "Our", "Several", "Since", "So",
    "Some", "Such", "That", "The", "Their", "These", "This", "Those", "Through", "To", "Under", "Under",
    "When", "While", "With", "Within", "Without",
};

typedef struct token {
    size_t start, len; /* the word, a trailing "'s" left out */
    bool cap;          /* capitalized, an acronym or a number */
    bool possessive;   /* followed by "'s" or "s'" */
    bool word;         /* letters, digits, and inner . - & + */
    bool comma_after;
} token;

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (rg_spells(s, len, list[i]))
            return true;
    return false;
}

static bool is_connector(const char *s, size_t len)
{
    return in_list(connectors, COUNT(connectors), s, len);
}

/* Split text into words; everything else (punctuation, quotes) ends a
 * name. Returns the number of tokens. */
static size_t tokenize(const char *t, token *toks, size_t max)
{
    size_t n = 0, i = 0, len = strlen(t);
    while (i < len && n < max) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ') {
            i++;
            continue;
        }
        if (isalnum(c) || c == '&' || c >= 0x80) {
            size_t b = i;
            while (i < len) {
                unsigned char d = (unsigned char)t[i];
                bool inner = (d == '.' || d == '-' || d == '+' || d == '/') && i + 1 < len &&
                             (isalnum((unsigned char)t[i + 1]) || (d == '.' && isupper((unsigned char)t[i - 1])));
                if (isalnum(d) || d >= 0x80 || d == '&' || inner)
                    i++;
                else
                    break;
            }
            /* "U.S." keeps its final period */
            if (i < len && t[i] == '.' && i - b >= 2 && t[i - 2] == '.')
                i++;
            token tk = {b, i - b, false, false, true, false};
            tk.cap = isupper((unsigned char)t[b]) || isdigit((unsigned char)t[b]) || c >= 0x80;
            if (i + 1 < len && t[i] == '\'' && t[i + 1] == 's' && (i + 2 == len || !isalnum((unsigned char)t[i + 2]))) {
                tk.possessive = true;
                i += 2;
            } else if (i < len && t[i] == '\'' && t[i - 1] == 's') {
                tk.possessive = true;
                i++;
            }
            toks[n++] = tk;
            continue;
        }
        /* punctuation: a separate, non-word token */
        if (c == ',' && n > 0)
            toks[n - 1].comma_after = true;
        token tk = {i, 1, false, false, false, false};
        toks[n++] = tk;
        i++;
    }
    return n;
}

/* The head spelled s[0..n), by binary search (the table is sorted). */
static const head *head_named(const char *s, size_t n)
{
    size_t lo = 0, hi = COUNT(heads);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w = heads[mid].word;
        /* a w shorter than n meets its NUL first and sorts before s; a
         * longer one, equal over n bytes, sorts after */
        int c = strncmp(w, s, n);
        if (!c)
            c = w[n] != '\0';
        if (!c)
            return &heads[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const head *find_head(const char *t, const token *tk)
{
    const char *w = t + tk->start;
    size_t n = tk->len;
    if (n < 3 || n > 16 || !isupper((unsigned char)w[0]))
        return NULL;
    const head *h = head_named(w, n);
    if (h)
        return h;
    /* plurals of program heads: Strategies, Programs, Dialogues */
    char singular[20];
    if (n > 4 && strncmp(w + n - 3, "ies", 3) == 0) {
        memcpy(singular, w, n - 3);
        singular[n - 3] = 'y';
        h = head_named(singular, n - 2);
    } else if (w[n - 1] == 's') {
        h = head_named(w, n - 1);
    }
    return h && h->type == RG_TYPE_PROGRAM ? h : NULL;
}

static const head *find_lower_head(const char *t, const token *tk)
{
    for (size_t k = 0; k < COUNT(lower_heads); k++)
        if (rg_spells(t + tk->start, tk->len, lower_heads[k].word))
            return &lower_heads[k];
    return NULL;
}

static bool name_word(const char *t, const token *tk)
{
    return tk->word && tk->cap && !in_list(determiners, COUNT(determiners), t + tk->start, tk->len);
}

/* Extend right from the head over "of/on/for + capitalized words":
 * "Ministry of Trade, Industry and Energy". Returns the last token. */
static size_t extend_right(const char *t, const token *toks, size_t n, size_t h)
{
    size_t last = h;
    size_t i = h + 1;
    if (i + 1 >= n || !toks[i].word || toks[h].comma_after || toks[h].possessive)
        return last;
    const char *w = t + toks[i].start;
    if (!((toks[i].len == 2 && (strncmp(w, "of", 2) == 0 || strncmp(w, "on", 2) == 0)) ||
          (toks[i].len == 3 && strncmp(w, "for", 3) == 0)))
        return last;
    i++;
    if (i < n && toks[i].len == 3 && strncmp(t + toks[i].start, "the", 3) == 0)
        i++;
    while (i < n && toks[i].word) {
        if (toks[i].cap) {
            last = i;
            if (toks[i].possessive)
                break;
            if (toks[i].comma_after) {
                /* "Trade, Industry and Energy": a comma inside a list of
                 * the name's parts that closes with "and" */
                bool closes = false;
                for (size_t k = i + 1; k < n && k < i + 6 && !closes; k++)
                    closes = toks[k].len == 3 && strncmp(t + toks[k].start, "and", 3) == 0;
                if (!closes)
                    break;
                i += 2; /* past the comma token */
                continue;
            }
            i++;
            continue;
        }
        if (is_connector(t + toks[i].start, toks[i].len) && i + 1 < n && toks[i + 1].cap && toks[i + 1].word) {
            i++;
            continue;
        }
        break;
    }
    return last;
}

/* Extend left from the head over capitalized words and inner connectors.
 * Returns the first token. */
static size_t extend_left(const char *t, const token *toks, size_t h, bool plural)
{
    size_t first = h;
    size_t i = h;
    while (i > 0) {
        const token *p = &toks[i - 1];
        if (!p->word || p->comma_after || p->possessive)
            break;
        if (name_word(t, p)) {
            first = --i;
            continue;
        }
        /* "the National Security and National Defense Strategies" are two
         * names: a plural head is shared across "and" between names of two
         * words or more (but "Research and Development Programs" is one) */
        if (plural && p->len == 3 && strncmp(t + p->start, "and", 3) == 0 && h - i >= 1 && i >= 3 &&
            name_word(t, &toks[i - 2]) && name_word(t, &toks[i - 3]) && h - i + 1 >= 2)
            break;
        /* a connector inside the name needs a capitalized word before it */
        if (is_connector(t + p->start, p->len) && i >= 2 && name_word(t, &toks[i - 2]) &&
            !toks[i - 2].comma_after && !toks[i - 2].possessive && strncmp(t + p->start, "the", 3) != 0) {
            i -= 2;
            first = i;
            continue;
        }
        break;
    }
    return first;
}

/* A quoted name of one to eight words, opening with a capital, then at most
 * one lowercase word and a lowercase program noun: the quotes hold the
 * program's whole name ("Democracies Fight COVID-19"), the noun says what
 * it is. q is the opening quote; *end gets the noun's token. */
static const head *quoted_program(const char *t, const token *toks, size_t n, size_t q, size_t *end)
{
    if (toks[q].word || t[toks[q].start] != '"')
        return NULL;
    size_t close = q + 1;
    while (close < n && close <= q + 9 && toks[close].word)
        close++;
    if (close == q + 1 || close > q + 8 || close >= n || t[toks[close].start] != '"' || !toks[q + 1].cap)
        return NULL;
    for (size_t k = close + 1; k < n && k <= close + 2 && toks[k].word && !toks[k].cap; k++) {
        for (size_t h = 0; h < COUNT(quoted_heads); h++)
            if (rg_spells(t + toks[k].start, toks[k].len, quoted_heads[h].word)) {
                *end = k;
                return &quoted_heads[h];
            }
        if (toks[k].possessive || toks[k].comma_after)
            break;
    }
    return NULL;
}

/* Is toks[close] the closing quote of a quoted name of one to eight words
 * opening with a capital? Returns its opening quote, or RG_NONE. */
static size_t quoted_before(const char *t, const token *toks, size_t close)
{
    if (toks[close].word || t[toks[close].start] != '"')
        return RG_NONE;
    size_t q = close;
    while (q > 0 && close - q <= 8 && toks[q - 1].word)
        q--;
    if (q == 0 || q == close || close - q > 8 || toks[q - 1].word || t[toks[q - 1].start] != '"' || !toks[q].cap)
        return RG_NONE;
    return q - 1;
}

/* A title in title case ("The Six Pillars of a Renewed Alliance")
 * capitalizes every word: its shapes would be noise. */
static bool title_case(const char *t, const token *toks, size_t n)
{
    size_t long_words = 0, lowercase = 0;
    for (size_t i = 0; i < n; i++) {
        if (toks[i].word && toks[i].len >= 4 && isalpha((unsigned char)t[toks[i].start])) {
            long_words++;
            lowercase += !toks[i].cap;
        }
    }
    return long_words >= 3 && lowercase == 0;
}

/* The shape of a quoted program name before its noun, opening at token h
 * (the quote): the name is the quoted words; its last word stands as the
 * head. */
static rg_shape quoted_shape(const token *toks, size_t h, const head *quoted)
{
    size_t first = h + 1, last = first;
    while (toks[last + 1].word)
        last++;
    rg_shape s = {0};
    s.start = toks[first].start;
    s.len = toks[last].start + toks[last].len - s.start;
    s.head_start = toks[last].start;
    s.head_len = toks[last].len;
    s.type = quoted->type;
    s.kind = quoted->kind;
    return s;
}

/* "Research Investment for Global Health Technology (RIGHT) Fund": an
 * acronym in parentheses, a space either side, before the head h. Sets
 * *first, *skip_start and *skip_len when the name goes on before it. */
static void skip_acronym(const char *t, const token *toks, size_t h, size_t *first, size_t *skip_start,
                         size_t *skip_len)
{
    if (!(*first == h && h >= 4 && !toks[h - 1].word && t[toks[h - 1].start] == ')' &&
          toks[h].start == toks[h - 1].start + 2 && t[toks[h - 1].start + 1] == ' ' && toks[h - 3].start > 0 &&
          t[toks[h - 3].start - 1] == ' ' && toks[h - 2].word && !toks[h - 3].word && t[toks[h - 3].start] == '('))
        return;
    size_t q = quoted_before(t, toks, h - 4);
    if (toks[h - 4].word && name_word(t, &toks[h - 4])) {
        *skip_start = toks[h - 3].start;
        *first = extend_left(t, toks, h - 3, false);
    } else if (q != RG_NONE) {
        /* the "Research Investment for Global Health Technology"
         * (RIGHT) Fund: the quotes hold the name before its head */
        *skip_start = toks[h - 3].start;
        *first = q;
    }
    if (*skip_start)
        *skip_len = toks[h - 1].start + 1 - *skip_start;
}

/* A longer name may end in a later head: "Silicon Valley-Pangyo AI
 * Partnership Program". Returns the last token of the name, *hd and *tk
 * moved to its head. */
static size_t later_head(const char *t, const token *toks, size_t n, size_t h, const head **hd, const token **tk)
{
    size_t last = h;
    for (size_t k = h + 1; k < n && toks[k - 1].word && !toks[k - 1].comma_after && !toks[k - 1].possessive; k++) {
        /* past a head, "and" and "the" start another name */
        bool joins = is_connector(t + toks[k].start, toks[k].len) &&
                     !(toks[k].len == 3 &&
                       (strncmp(t + toks[k].start, "and", 3) == 0 || strncmp(t + toks[k].start, "the", 3) == 0)) &&
                     k + 1 < n && name_word(t, &toks[k + 1]);
        if (!toks[k].word || !(name_word(t, &toks[k]) || joins))
            break;
        const head *later = toks[k].cap ? find_head(t, &toks[k]) : NULL;
        if (later) {
            *hd = later;
            *tk = &toks[k];
            last = k;
        }
    }
    return last;
}

/* A lowercase head needs two capitalized words before it, or a place
 * after it: "Industry and Analysis unit", "consulate in San Francisco".
 * Returns the last token of the name, or RG_NONE when it is none. */
static size_t lowercase_extent(const char *t, const token *toks, size_t n, size_t first, size_t h)
{
    size_t place = h;
    if (h + 2 < n && toks[h + 1].len == 2 && strncmp(t + toks[h + 1].start, "in", 2) == 0 && toks[h + 2].cap) {
        place = h + 2;
        while (place + 1 < n && name_word(t, &toks[place + 1]) && !toks[place].comma_after)
            place++;
    }
    size_t caps = 0;
    for (size_t k = first; k < h; k++)
        caps += toks[k].cap;
    return caps < (place > h ? 1u : 2u) ? RG_NONE : place;
}

/* A possessive right before the name: "the Ministry of Interior and
 * Safety's Personal Information Protection Commission". The owner is the
 * shape found just before, or the name words that end in "'s". */
static void set_owner(const char *t, const token *toks, size_t first, const rg_shape *shapes, size_t count,
                      rg_shape *s)
{
    if (!(first > 0 && toks[first - 1].possessive && toks[first - 1].cap))
        return;
    size_t end = toks[first - 1].start + toks[first - 1].len;
    if (count > 0 && shapes[count - 1].start + shapes[count - 1].len == end) {
        s->owner_start = shapes[count - 1].start;
    } else {
        size_t ob = first - 1;
        while (ob > 0 && name_word(t, &toks[ob - 1]) && !toks[ob - 1].comma_after && !toks[ob - 1].possessive)
            ob--;
        s->owner_start = toks[ob].start;
    }
    s->owner_len = end - s->owner_start;
}

/* The name whose head may be token h, none of it before token next_free:
 * true with *s and its last token in *last_out, or false. */
static bool head_shape(const char *t, const token *toks, size_t n, size_t h, size_t next_free, const rg_shape *shapes,
                       size_t count, rg_shape *s, size_t *last_out)
{
    const token *tk = &toks[h];
    const head *hd = tk->cap ? find_head(t, tk) : find_lower_head(t, tk);
    if (!hd)
        return false;
    size_t first = extend_left(t, toks, h, tk->cap && tk->len != strlen(hd->word));
    size_t skip_start = 0, skip_len = 0;
    skip_acronym(t, toks, h, &first, &skip_start, &skip_len);
    /* a year is no part of a name: "the 2022 Indo-Pacific Strategies" */
    while (first < h && toks[first].len == 4 && isdigit((unsigned char)t[toks[first].start]) &&
           isdigit((unsigned char)t[toks[first].start + 3]))
        first++;
    if (first < next_free)
        first = next_free;
    /* a name cut inside the parentheses keeps to its head */
    if (skip_len && toks[first].start >= skip_start) {
        skip_len = 0;
        first = h;
    }
    size_t last = hd->of_form || !tk->cap ? extend_right(t, toks, n, h) : h;
    if (tk->cap && last == h)
        last = later_head(t, toks, n, h, &hd, &tk);
    if (!tk->cap && (last = lowercase_extent(t, toks, n, first, h)) == RG_NONE)
        return false;
    /* a head alone is no name: "the Agency", "a Strategy" */
    if (first == h && last == h)
        return false;
    *s = (rg_shape){0};
    s->start = toks[first].start;
    s->len = toks[last].start + toks[last].len - s->start;
    s->head_start = tk->start;
    s->head_len = tk->len;
    s->type = hd->type;
    s->kind = hd->kind;
    s->plural = tk->len != strlen(hd->word);
    s->skip_start = skip_start;
    s->skip_len = skip_len;
    set_owner(t, toks, first, shapes, count, s);
    *last_out = last;
    return true;
}

int rg_shape_find(const char *t, rg_shape **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    size_t max = strlen(t) + 1;
    token *toks = malloc(max * sizeof *toks);
    rg_shape *shapes = malloc(max * sizeof *shapes);
    if (!toks || !shapes) {
        free(toks);
        free(shapes);
        return -1;
    }
    size_t n = tokenize(t, toks, max), count = 0;
    if (title_case(t, toks, n))
        n = 0;
    size_t next_free = 0; /* no overlap: the next name starts at or after this token */
    for (size_t h = 0; h < n; h++) {
        size_t noun, last;
        const head *quoted = h >= next_free ? quoted_program(t, toks, n, h, &noun) : NULL;
        if (quoted) {
            shapes[count++] = quoted_shape(toks, h, quoted);
            next_free = noun + 1;
            h = noun;
        } else if (toks[h].word && h >= next_free &&
                   head_shape(t, toks, n, h, next_free, shapes, count, &shapes[count], &last)) {
            count++;
            next_free = last + 1;
            h = last;
        }
    }
    free(toks);
    *out = shapes;
    *n_out = count;
    return 0;
}
