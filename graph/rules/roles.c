/* Roles: what each mention of a recommendation is to it. Who is named in
 * the subject of "X should" leads it, one condemned, deterred, pressed or
 * assisted is its target, other actors and agencies partner in it,
 * programs are what it concerns; but a country named as a place or a
 * topic is none of these. */
#include "graph/rules/rules_internal.h"
#include "graph/base/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

const char *rg_role_name(rg_role role)
{
    static const char *const names[] = {"none", "leads", "partners", "targets", "concerns"};
    return (unsigned)role < sizeof names / sizeof *names ? names[role] : "?";
}

const char *rg_form_name(rg_form form)
{
    static const char *const names[] = {"none", "modal", "item", "emphasized"};
    return (unsigned)form < sizeof names / sizeof *names ? names[form] : "?";
}

/* Does the name stand alone, rather than qualify what follows it ("the U.S.
 * force posture", "Japan-South Korea relations", "South Korea's startups")? */
static bool ends_a_noun_phrase(const char *text, const rg_mention *m)
{
    const char *p = text + m->start + m->len;
    if (*p == '-' || *p == '\'' || strncmp(p, "\xe2\x80\x99", 3) == 0)
        return false;
    while (*p == ' ')
        p++;
    if (!isalpha((unsigned char)*p))
        return true; /* punctuation or the end */
    char word[16];
    size_t n = 0;
    while (isalpha((unsigned char)p[n]) && n + 1 < sizeof word) {
        word[n] = (char)tolower((unsigned char)p[n]);
        n++;
    }
    word[n] = '\0';
    static const char *const joins[] = {"and",  "as",   "at",   "but",     "by",    "for",   "from",  "in",
                                        "into", "of",   "on",   "or",      "over",  "than",  "that",  "through",
                                        "to",   "when", "where", "which",  "while", "who",   "with",  "without",
                                        /* "in Manila later this year": when, not what */
                                        "after", "before", "during", "earlier", "early", "each", "every", "last",
                                        "later", "next", "soon", "this", "until"};
    for (size_t k = 0; k < sizeof joins / sizeof *joins; k++)
        if (strcmp(word, joins[k]) == 0)
            return true;
    return false;
}

/* The word before a mention, past "the": "in" for "in the United States". */
static size_t word_before_name(const char *text, const rg_mention *m, char *word, size_t size)
{
    size_t at = rg_word_before(text, m->start, word, size);
    if (at != RG_NONE && strcmp(word, "the") == 0)
        at = rg_word_before(text, at, word, size);
    return at;
}

/* Do two countries stand as "from a to b", a route between two places
 * ("move operations from Beijing to Seoul")? */
static bool route(const char *text, const rg_mention *a, const rg_mention *b)
{
    if (!rg_entry_is_country(b->entity) || b->start < a->start + a->len)
        return false;
    char word[16];
    size_t at = word_before_name(text, b, word, sizeof word);
    if (at == RG_NONE || strcmp(word, "to") != 0 || at != a->start + a->len + 1)
        return false;
    return word_before_name(text, a, word, sizeof word) != RG_NONE && strcmp(word, "from") == 0;
}

/* A country named as the place where something happens ("companies in South
 * Korea and the United States", "to work in the United States") is the
 * setting of a recommendation, not a party to it; so are the two ends of a
 * route. */
static bool names_a_place(const char *text, const rg_mention *ms, size_t n, size_t i)
{
    if (!rg_entry_is_country(ms[i].entity) || !ends_a_noun_phrase(text, ms + i))
        return false;
    /* "in the U.S. and ROK strategies": both qualify what follows */
    if (i + 1 < n && ms[i + 1].start <= ms[i].start + ms[i].len + 5 && !ends_a_noun_phrase(text, ms + i + 1))
        return false;
    if ((i + 1 < n && route(text, &ms[i], &ms[i + 1])) || (i > 0 && route(text, &ms[i - 1], &ms[i])))
        return true;
    /* a later one of a list of places: "in Seoul, Tokyo, and Taipei" */
    if (i > 0 && ms[i - 1].start + ms[i - 1].len + 2 == ms[i].start &&
        strncmp(text + ms[i - 1].start + ms[i - 1].len, ", ", 2) == 0)
        return names_a_place(text, ms, n, i - 1);
    char word[16];
    size_t at = word_before_name(text, &ms[i], word, sizeof word);
    if (at == RG_NONE)
        return false;
    static const char *const places[] = {"in", "within", "inside", "throughout", "across"};
    for (size_t k = 0; k < sizeof places / sizeof *places; k++)
        if (strcmp(word, places[k]) == 0)
            return true;
    /* the second of two places joined by "and" or "or" */
    if ((strcmp(word, "and") == 0 || strcmp(word, "or") == 0) && i > 0 && ms[i - 1].start + ms[i - 1].len + 6 >= at)
        return names_a_place(text, ms, n, i - 1);
    return false;
}

/* A country that names the subject matter of what follows it ("the North
 * Korea challenge", "the Iran question") is what a recommendation is
 * about, not a party to it. */
static bool names_a_topic(const char *text, const rg_mention *m)
{
    if (!rg_entry_is_country(m->entity))
        return false;
    const char *p = text + m->start + m->len;
    if (*p != ' ')
        return false;
    p++;
    static const char *const topics[] = {"challenge", "challenges", "issue",    "issues",
                                         "problem",   "problems",   "question", "questions"};
    for (size_t k = 0; k < sizeof topics / sizeof *topics; k++) {
        size_t n = strlen(topics[k]);
        if (strncmp(p, topics[k], n) == 0 && !isalpha((unsigned char)p[n]))
            return true;
    }
    return false;
}

/* Is the actor or agency named at m acted upon: "condemn Russia", "impose
 * sanctions on Russia", "call on China to", "deter the DPRK", "support for
 * Ukraine"? The words before it (past "the" and a possessive "its",
 * "their") say so. */
static bool acted_upon(const char *text, const rg_mention *m)
{
    static const char *const verbs[] = {
        "assist",    "assisting", "coerce",     "condemn",  "condemned", "condemning", "condemns",   "confront",
        "confronting", "counter", "countering", "deter",    "deterring", "deters",     "isolate",    "pressure",
        "pressuring", "press",    "pressing",   "punish",   "sanction",  "sanctioning", "support",   "supporting",
        "urge",      "urged",     "urges",
    };
    /* the last word of a phrase: "sanctions on", "call on", "support for" */
    static const char *const phrases[][2] = {
        {"sanctions", "on"}, {"sanctions", "against"}, {"pressure", "on"}, {"call", "on"}, {"calls", "on"},
        {"called", "on"},    {"call", "upon"},         {"support", "for"}, {"support", "to"}, {"assistance", "to"},
        {"aid", "to"},       {"action", "against"},    {"measures", "against"},
    };
    char word[16], prev[16];
    size_t at = rg_word_before(text, m->start, word, sizeof word);
    while (at != RG_NONE && (strcmp(word, "the") == 0 || strcmp(word, "its") == 0 || strcmp(word, "their") == 0))
        at = rg_word_before(text, at, word, sizeof word);
    if (at == RG_NONE)
        return false;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (strcmp(word, verbs[k]) == 0)
            return true;
    if (rg_word_before(text, at, prev, sizeof prev) == RG_NONE)
        return false;
    for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++)
        if (strcmp(prev, phrases[k][0]) == 0 && strcmp(word, phrases[k][1]) == 0)
            return true;
    return false;
}

/* Does a clause mark stand between from and to: a comma, a semicolon,
 * a colon, a dash? */
static bool clause_between(const char *text, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (text[k] == ',' || text[k] == ';' || text[k] == ':' || (text[k] == '-' && text[k + 1] == '-'))
            return true;
    return false;
}

/* Does a word that joins another phrase or clause ("and periodically
 * advise Congress", "that ...") stand between from and to? */
static bool joined_between(const char *text, size_t from, size_t to)
{
    static const char *const joins[] = {" and ", " or ", " but ", " which ", " that ", " to "};
    for (size_t k = from; k < to; k++) {
        if (text[k] != ' ')
            continue;
        for (size_t j = 0; j < sizeof joins / sizeof *joins; j++) {
            size_t n = strlen(joins[j]);
            if (k + n <= to && strncmp(text + k, joins[j], n) == 0)
                return true;
        }
    }
    return false;
}

/* Phrases that open a background clause. */
static const char *const background_phrases[] = {"in the face of ", "amid ", "in light of "};
enum { BACKGROUND_MAX = 4 };

/* Where the background phrases of text start (at most BACKGROUND_MAX),
 * found once for all its mentions. */
static size_t find_background(const char *text, size_t *at)
{
    size_t n = 0;
    for (size_t k = 0; k < sizeof background_phrases / sizeof *background_phrases; k++) {
        const char *w = background_phrases[k];
        /* "In light of ..." opens the sentence */
        if (strncasecmp(text, w, strlen(w)) == 0 && n < BACKGROUND_MAX)
            at[n++] = 0;
        for (const char *p = text; (p = strstr(p + 1, w)) != NULL && n < BACKGROUND_MAX;)
            if (!isalpha((unsigned char)p[-1]))
                at[n++] = (size_t)(p - text);
    }
    return n;
}

/* Is the mention only the background of the recommendation: "support
 * Ukraine in the face of Russia's attacks", "amid China's coercion", "in
 * light of the incursions by the People's Republic of China" (up to the
 * clause's end: bg[0..n_bg) are where such phrases start), or a sentence's
 * opening as-clause ("As Quad partners with India and the United States,
 * Japan and Australia will ...")? */
static bool in_background(const char *text, const rg_mention *m, const size_t *bg, size_t n_bg)
{
    for (size_t k = 0; k < n_bg; k++)
        if (bg[k] < m->start && !clause_between(text, bg[k], m->start) && !joined_between(text, bg[k], m->start))
            return true;
    /* "As supporters of X, we will": the object of a preposition in the
     * clause before the first comma (but "As a Quad, we will" names who
     * acts) */
    if (strncmp(text, "As ", 3) != 0 || clause_between(text, 3, m->start) || !strchr(text + m->start, ','))
        return false;
    static const char *const objects[] = {"against", "by", "for", "from", "in", "of", "on", "to", "with"};
    char word[16];
    size_t at = m->start;
    /* back over the names joined to it: "with India and the United States" */
    for (int steps = 0; steps < 12; steps++) {
        at = rg_word_before(text, at, word, sizeof word);
        if (at == RG_NONE)
            return false;
        for (size_t k = 0; k < sizeof objects / sizeof *objects; k++)
            if (strcmp(word, objects[k]) == 0)
                return true;
        if (strcmp(word, "and") != 0 && strcmp(word, "or") != 0 && strcmp(word, "the") != 0 &&
            !isupper((unsigned char)text[at]))
            return false;
    }
    return false;
}

void rg_roles_assign(const char *text, const rg_mention *ms, size_t n, size_t subject, size_t modal, rg_role *roles)
{
    /* found when a mention first asks */
    size_t bg[BACKGROUND_MAX], n_bg = RG_NONE;
    for (size_t i = 0; i < n; i++) {
        roles[i] = RG_ROLE_NONE;
        if (!rg_mention_counts(&ms[i]))
            continue;
        bool program = ms[i].entity->type == RG_TYPE_PROGRAM;
        /* "The Defense Department's Defense Innovation Unit should": the
         * unit leads; its owner is involved, not a leader */
        bool owner = i + 1 < n && ms[i + 1].owner == ms[i].entity;
        bool leads = !program && !owner && modal != RG_NONE && ms[i].start >= subject && ms[i].start < modal;
        if ((!leads && (names_a_place(text, ms, n, i) || in_background(text, &ms[i], bg, n_bg == RG_NONE ? (n_bg = find_background(text, bg)) : n_bg))) ||
            names_a_topic(text, &ms[i]))
            continue;
        bool target = !program && !leads && modal != RG_NONE && ms[i].start > modal && acted_upon(text, &ms[i]);
        roles[i] = program ? RG_ROLE_CONCERNS : leads ? RG_ROLE_LEADS : target ? RG_ROLE_TARGETS : RG_ROLE_PARTNERS;
    }
}
