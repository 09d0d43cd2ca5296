#include "graph/rules/shape.h"

#include "graph/base/text.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct head {
    const char *word; /* capitalized singular; plural adds "s" or "ies" */
    rg_node_type type;
    const char *kind;
    bool of_form; /* "Ministry of ...": may take its name after it */
    rg_shape_form form;
} head;

/* Sorted by their bytes: head_named searches them by halves. A place's
 * type is none that counts: it names no entity. */
static const head heads[] = {
    {"Academy", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Accord", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Accords", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Act", RG_TYPE_PROGRAM, "act", true, RG_SHAPE_BODY},
    {"Administration", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Agency", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Agreement", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Alliance", RG_TYPE_ACTOR, "organization", true, RG_SHAPE_BODY},
    {"Archipelago", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Army", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Arrangement", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Assembly", RG_TYPE_AGENCY, "legislature", false, RG_SHAPE_BODY},
    {"Association", RG_TYPE_ACTOR, "organization", true, RG_SHAPE_BODY},
    {"Authority", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Bank", RG_TYPE_ACTOR, "organization", true, RG_SHAPE_BODY},
    {"Bay", RG_TYPE_AGENCY, "place", true, RG_SHAPE_PLACE},
    {"Board", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Brigade", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Bureau", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Center", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Centre", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Charter", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Coalition", RG_TYPE_ACTOR, "organization", true, RG_SHAPE_BODY},
    {"Command", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Commission", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Committee", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Communique", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_DOCUMENT},
    {"Communiqu\xc3\xa9", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_DOCUMENT},
    {"Compact", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Conference", RG_TYPE_PROGRAM, "event", true, RG_SHAPE_BODY},
    {"Consensus", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_BODY},
    {"Consultations", RG_TYPE_PROGRAM, "dialogue", true, RG_SHAPE_BODY},
    {"Convention", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Corp", RG_TYPE_ACTOR, "company", false, RG_SHAPE_BODY},
    {"Corporation", RG_TYPE_ACTOR, "company", false, RG_SHAPE_BODY},
    {"Corridor", RG_TYPE_PROGRAM, "program", false, RG_SHAPE_BODY},
    {"Council", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Court", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Declaration", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_DOCUMENT},
    {"Department", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Dialogue", RG_TYPE_PROGRAM, "dialogue", true, RG_SHAPE_BODY},
    {"Directorate", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Exercise", RG_TYPE_PROGRAM, "exercise", false, RG_SHAPE_BODY},
    {"Facility", RG_TYPE_PROGRAM, "fund", true, RG_SHAPE_BODY},
    {"Fellowship", RG_TYPE_PROGRAM, "program", false, RG_SHAPE_BODY},
    {"Fleet", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Force", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Forces", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Forum", RG_TYPE_PROGRAM, "dialogue", true, RG_SHAPE_BODY},
    {"Foundation", RG_TYPE_ACTOR, "organization", true, RG_SHAPE_BODY},
    {"Framework", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Fund", RG_TYPE_PROGRAM, "fund", true, RG_SHAPE_BODY},
    {"Group", RG_TYPE_ACTOR, "organization", false, RG_SHAPE_BODY},
    {"Guard", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Guidelines", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Gulf", RG_TYPE_AGENCY, "place", true, RG_SHAPE_PLACE},
    {"Headquarters", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Hub", RG_TYPE_PROGRAM, "program", false, RG_SHAPE_BODY},
    {"Inc", RG_TYPE_ACTOR, "company", false, RG_SHAPE_BODY},
    {"Initiative", RG_TYPE_PROGRAM, "program", true, RG_SHAPE_BODY},
    {"Institute", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Island", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Islands", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"LLC", RG_TYPE_ACTOR, "company", false, RG_SHAPE_BODY},
    {"LTD", RG_TYPE_ACTOR, "company", false, RG_SHAPE_BODY},
    {"Loan", RG_TYPE_PROGRAM, "program", false, RG_SHAPE_BODY},
    {"Ltd", RG_TYPE_ACTOR, "company", false, RG_SHAPE_BODY},
    {"Manual", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"Mechanism", RG_TYPE_PROGRAM, "program", true, RG_SHAPE_BODY},
    {"Meeting", RG_TYPE_PROGRAM, "dialogue", false, RG_SHAPE_BODY},
    {"Memorandum", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_DOCUMENT},
    {"Ministry", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Navy", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"Ocean", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Office", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Outlook", RG_TYPE_PROGRAM, "policy", true, RG_SHAPE_BODY},
    {"PLC", RG_TYPE_ACTOR, "company", false, RG_SHAPE_BODY},
    {"Partnership", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Peninsula", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Plan", RG_TYPE_PROGRAM, "strategy", true, RG_SHAPE_BODY},
    {"Pledge", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_BODY},
    {"Policy", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"Principles", RG_TYPE_PROGRAM, "policy", true, RG_SHAPE_BODY},
    {"Program", RG_TYPE_PROGRAM, "program", true, RG_SHAPE_BODY},
    {"Programme", RG_TYPE_PROGRAM, "program", true, RG_SHAPE_BODY},
    {"Project", RG_TYPE_PROGRAM, "program", true, RG_SHAPE_BODY},
    {"Protocol", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"Reef", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Regulation", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"Regulations", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"Resolution", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"River", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Roadmap", RG_TYPE_PROGRAM, "strategy", false, RG_SHAPE_BODY},
    {"Rule", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"Sea", RG_TYPE_AGENCY, "place", true, RG_SHAPE_PLACE},
    {"Seas", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Secretariat", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Service", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Shoal", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Statement", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_DOCUMENT},
    {"Strait", RG_TYPE_AGENCY, "place", true, RG_SHAPE_PLACE},
    {"Straits", RG_TYPE_AGENCY, "place", false, RG_SHAPE_PLACE},
    {"Strategy", RG_TYPE_PROGRAM, "strategy", true, RG_SHAPE_BODY},
    {"Subcommittee", RG_TYPE_AGENCY, "agency", true, RG_SHAPE_BODY},
    {"Summit", RG_TYPE_PROGRAM, "event", true, RG_SHAPE_BODY},
    {"Talks", RG_TYPE_PROGRAM, "dialogue", false, RG_SHAPE_BODY},
    {"Treaty", RG_TYPE_PROGRAM, "agreement", true, RG_SHAPE_BODY},
    {"UNSCR", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"Unit", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"University", RG_TYPE_ACTOR, "organization", true, RG_SHAPE_BODY},
};

/* Heads that stand in lowercase after a capitalized name: "the Industry
 * and Analysis unit", "the South Korean consulate in San Francisco". */
static const head lower_heads[] = {
    {"consulate", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"embassy", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
    {"unit", RG_TYPE_AGENCY, "agency", false, RG_SHAPE_BODY},
};

/* Lowercase nouns after a quoted name that make it a program's name: a
 * "Democracies Fight COVID-19" public dialogue, the "Look East" policy. */
static const head quoted_heads[] = {
    {"agreement", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_BODY},
    {"dialogue", RG_TYPE_PROGRAM, "dialogue", false, RG_SHAPE_BODY},
    {"exercise", RG_TYPE_PROGRAM, "exercise", false, RG_SHAPE_BODY},
    {"forum", RG_TYPE_PROGRAM, "dialogue", false, RG_SHAPE_BODY},
    {"fund", RG_TYPE_PROGRAM, "fund", false, RG_SHAPE_BODY},
    {"initiative", RG_TYPE_PROGRAM, "program", false, RG_SHAPE_BODY},
    {"partnership", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_BODY},
    {"policy", RG_TYPE_PROGRAM, "policy", false, RG_SHAPE_BODY},
    {"program", RG_TYPE_PROGRAM, "program", false, RG_SHAPE_BODY},
    {"strategy", RG_TYPE_PROGRAM, "strategy", false, RG_SHAPE_BODY},
    {"summit", RG_TYPE_PROGRAM, "event", false, RG_SHAPE_BODY},
};

/* The one head a quoted title after a document's head names: "Joint
 * Statement: "The Spirit of the Quad"". */
static const head quoted_title = {"Statement", RG_TYPE_PROGRAM, "agreement", false, RG_SHAPE_BODY};

/* Bodies that meet rather than govern: a commission, committee, council
 * or group named "Consultative", "Joint", "Experts" ... is a dialogue
 * between governments (program), not an agency of one nor an
 * organization ("Lazarus Group"). */
static const char *const meeting_heads[] = {"Commission", "Committee", "Council", "Group"};
static const char *const joint_words[] = {
    "Advisory",  "Bilateral",   "Consultation", "Consultations", "Consultative", "Contact",  "Coordinating",
    "Coordination", "Expert",   "Experts",      "Joint",         "Oversight",    "Planning", "Steering",
    "Trilateral", "Working",
};

/* Words that make a head of two words, a name only as the short form of
 * a longer one: "the Task Force", "the Working Group". */
static const char *const generic_modifiers[] = {"Advisory", "Expert", "Experts", "Joint", "Steering", "Task", "Working"};

/* Services named by their head alone: "the Army, Navy, and Air Force" are
 * the document's country's (graph/rules/mention.c resolves them). */
static const char *const service_heads[] = {"Army", "Navy"};

/* Plural nouns whose possessive stands inside a name: "Leaders' Summit",
 * "Trilateral Defence Ministers' Meeting". */
static const char *const group_nouns[] = {"Chiefs", "Heads", "Leaders", "Members", "Ministers"};

/* Designators that number the parts of a program: "AUKUS Pillar II",
 * "Pillar Two". */
static const char *const designator_words[] = {"One", "Two", "Three", "Four", "I", "II", "III", "IV"};

/* Australian defence projects are named by a domain and a number: "SEA
 * 3000", "LAND 400", "AIR 6000". */
static const char *const project_domains[] = {"AIR", "JOINT", "LAND", "SEA"};

/* Months and years open a name without being part of it: "the September
 * 2021 EU Strategy". */
static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

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

/* Titles before a person's name ("President Joseph R. Biden", "Prime
 * Minister Kishida Fumio", "Mr. Risch"), in byte order: title_at searches
 * their first words by halves. An abbreviation is written without the
 * period the text gives it. */
static const char *const person_titles[] = {
    "Adm", "Admiral", "Ambassador", "Assistant Secretary", "Chairman", "Chairwoman", "Chancellor",
    "Chief Justice", "Colonel", "Commissioner", "Congressman", "Congresswoman", "Crown Prince",
    "Defence Minister", "Defense Minister", "Deputy Prime Minister", "Deputy Secretary", "Director", "Dr",
    "Emperor", "Finance Minister", "Foreign Minister", "Gen", "General Secretary", "Gov", "Governor", "King",
    "Lt", "Mayor", "Minister", "Mr", "Mrs", "Ms", "Premier", "President", "President-elect", "Prime Minister",
    "Prince", "Princess", "Prof", "Professor", "Queen", "Rep", "Secretary",
    "Secretary General", "Secretary-General", "Sen", "Senator", "Speaker", "Sultan", "Trade Minister",
    "Under Secretary", "Undersecretary", "Vice Chairman", "Vice Premier", "Vice President",
};

static const char *const abbreviated_titles[] = {"Adm", "Dr", "Gen", "Gov", "Lt", "Mr", "Mrs", "Ms", "Prof", "Rep", "Sen"};

/* Words that go on a title rather than name a person: "Ambassador
 * Extraordinary and Plenipotentiary", "President Emeritus". */
static const char *const title_complements[] = {"Designate", "Elect", "Emeritus", "Extraordinary", "Plenipotentiary"};

/* Titles of offices that head a body or a portfolio, named with "of" or
 * "for": "the Secretary of State", "the Director of OSTP", "the Minister
 * for Foreign Affairs", "the Coordinator for Sanctions"; the last word of
 * a longer title: "the Comptroller General of the United States", "the
 * Chief Executive Officer of DFC". */
static const char *const office_titles[] = {
    "Administrator", "Chair",  "Chairman", "Chairperson",    "Chief",     "Commander",     "Commissioner",
    "Coordinator",   "Director", "Envoy",  "Minister",       "Representative", "Secretary", "Undersecretary",
    "Commandant",    "General", "Officer",
};

/* Ranks before an office's title that are part of it: "the Deputy Under
 * Secretary of the Air Force", "the Principal Deputy Director of ...". */
static const char *const office_ranks[] = {"Assistant", "Associate", "Deputy", "Principal"};

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

/* A byte that goes on a word anywhere: a letter, a digit, '&', or a byte
 * of a UTF-8 sequence. (tokenize asks of every byte of every sentence:
 * these read graph/base/text.h's table.) */
static inline bool word_byte(unsigned char c)
{
    return rg_byte_is(c, RG_BYTE_ALNUM | RG_BYTE_UTF8) || c == '&';
}

/* A byte that opens a capitalized word: a capital, a digit, or UTF-8. */
static inline bool capital_byte(unsigned char c)
{
    return rg_byte_is(c, RG_BYTE_UPPER | RG_BYTE_DIGIT | RG_BYTE_UTF8);
}

static inline bool ascii_capital(char c)
{
    return rg_byte_is((unsigned char)c, RG_BYTE_UPPER);
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
        if (word_byte(c)) {
            size_t b = i;
            for (; i < len; i++) {
                unsigned char d = (unsigned char)t[i];
                if (word_byte(d))
                    continue;
                /* a mark only inside a word */
                bool inner = (d == '.' || d == '-' || d == '+' || d == '/') && i + 1 < len &&
                             (rg_byte_is((unsigned char)t[i + 1], RG_BYTE_ALNUM) || (d == '.' && ascii_capital(t[i - 1])));
                if (!inner)
                    break;
            }
            /* "U.S." keeps its final period */
            if (i < len && t[i] == '.' && i - b >= 2 && t[i - 2] == '.')
                i++;
            token tk = {b, i - b, false, false, true, false};
            tk.cap = capital_byte(c);
            if (i + 1 < len && t[i] == '\'' && t[i + 1] == 's' && (i + 2 == len || !rg_byte_is((unsigned char)t[i + 2], RG_BYTE_ALNUM))) {
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

/* Per capital, the lengths of the heads it opens (bit n: n bytes, up to
 * 31), built once by whichever thread reads first: most capitalized words
 * have a length no head of their letter has, and skip the search, whose
 * branches the processor cannot guess. */
static uint32_t head_lengths[26];
static pthread_once_t heads_indexed = PTHREAD_ONCE_INIT;

static void index_heads(void)
{
    for (size_t k = 0; k < COUNT(heads); k++) {
        size_t n = strlen(heads[k].word);
        if (ascii_capital(heads[k].word[0]) && n < 32)
            head_lengths[heads[k].word[0] - 'A'] |= 1u << n;
    }
}

/* The head spelled s[0..n), by binary search (the table is sorted). */
static const head *head_named(const char *s, size_t n)
{
    pthread_once(&heads_indexed, index_heads);
    if (ascii_capital(s[0]) && (n >= 32 || !(head_lengths[s[0] - 'A'] & (1u << n))))
        return NULL;
    size_t lo = 0, hi = COUNT(heads);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w = heads[mid].word;
        /* a w shorter than n meets its NUL first and sorts before s; a
         * longer one, equal over n bytes, sorts after */
        /* the first byte decides most steps without a call */
        int c = (unsigned char)w[0] - (unsigned char)s[0];
        if (!c)
            c = strncmp(w, s, n);
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
    return h && h->type == RG_TYPE_PROGRAM && h->form == RG_SHAPE_BODY ? h : NULL;
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

static bool program_head(const char *t, const token *tk)
{
    const head *hd = find_head(t, tk);
    return hd && hd->type == RG_TYPE_PROGRAM && hd->form == RG_SHAPE_BODY;
}

static bool spells_any(const char *t, const token *tk, const char *const *list, size_t n)
{
    return tk->word && in_list(list, n, t + tk->start, tk->len);
}

/* Does toks[i] join the name's next words with "the" between: "of the
 * Sea", "in the Indo-Pacific"? */
static bool the_joins(const char *t, const token *toks, size_t n, size_t i)
{
    static const char *const joins[] = {"for", "in", "of", "on", "to"};
    return i + 2 < n && toks[i].word && in_list(joins, COUNT(joins), t + toks[i].start, toks[i].len) &&
           rg_spells(t + toks[i + 1].start, toks[i + 1].len, "the") && name_word(t, &toks[i + 2]);
}

/* Does the run of name words from token k hold a possessive that opens
 * another name ("and Japan's Ministry of Defense"), or, with_heads, a head
 * of its own ("..., and U.S. Indo-Pacific Command")? Either way a list of
 * names goes on there, not the name. (Without a comma a head may end the
 * name: "Office of Science and Technology Policy".) */
static bool another_name(const char *t, const token *toks, size_t n, size_t k, bool with_heads)
{
    if (k < n && rg_spells(t + toks[k].start, toks[k].len, "and"))
        k++;
    for (; k < n && name_word(t, &toks[k]); k++) {
        if (toks[k].possessive)
            return k + 1 < n && toks[k + 1].cap && toks[k + 1].word;
        const head *hd = with_heads ? find_head(t, &toks[k]) : NULL;
        if (hd && hd->form == RG_SHAPE_BODY)
            return true;
        if (toks[k].comma_after)
            break;
    }
    return false;
}

/* Extend right from the head over "of/on/for + capitalized words":
 * "Ministry of Trade, Industry and Energy" (office: the head is an
 * office's title). Returns the last token. */
static size_t extend_right(const char *t, const token *toks, size_t n, size_t h, bool office)
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
                for (size_t k = i + 1; k < n && k < i + 9 && !closes; k++)
                    closes = toks[k].len == 3 && strncmp(t + toks[k].start, "and", 3) == 0;
                /* but "the Department of Commerce, the United States Trade
                 * Representative, and ..." lists names */
                if (!closes || i + 2 >= n ||
                    !(name_word(t, &toks[i + 2]) || rg_spells(t + toks[i + 2].start, toks[i + 2].len, "and")) ||
                    another_name(t, toks, n, i + 2, true))
                    break;
                i += 2; /* past the comma token */
                continue;
            }
            i++;
            continue;
        }
        if (is_connector(t + toks[i].start, toks[i].len) && i + 1 < n && toks[i + 1].cap && toks[i + 1].word) {
            /* an office's portfolio has no possessive part: "the Under
             * Secretary ... for Acquisition and Sustainment and Japan's
             * Ministry"; a body's may ("Ministry of Interior and Safety's
             * Personal Information Protection Commission" is a chain) */
            if (office && rg_spells(t + toks[i].start, toks[i].len, "and") && another_name(t, toks, n, i, false))
                break;
            i++;
            continue;
        }
        /* "Convention on the Law of the Sea", "Strategy for Cooperation
         * in the Indo-Pacific" */
        if (the_joins(t, toks, n, i)) {
            i += 2;
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
        if (!p->word || p->comma_after || (p->possessive && !spells_any(t, p, group_nouns, COUNT(group_nouns))))
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
        /* "the National Defense Strategy and Defense Buildup Program":
         * after a program's head, "and" starts another name */
        if (p->len == 3 && strncmp(t + p->start, "and", 3) == 0 && i >= 2 && toks[i - 2].cap &&
            program_head(t, &toks[i - 2]))
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

/* Is the token a number ("2593", "26")? */
static bool number_token(const char *t, const token *tk)
{
    for (size_t k = 0; k < tk->len; k++)
        if (!isdigit((unsigned char)t[tk->start + k]))
            return false;
    return tk->word && tk->len > 0;
}

/* The first token of a name found to start at first, past the months
 * and years that date it: "the September 2021 EU Strategy", "the 2022
 * Indo-Pacific Strategies". */
static size_t past_dates(const char *t, const token *toks, size_t first, size_t h)
{
    while (first < h && ((toks[first].len == 4 && number_token(t, &toks[first])) ||
                         spells_any(t, &toks[first], months, COUNT(months))))
        first++;
    return first;
}

/* A date closes the name [h, last] rather than ending it: "the EU Action
 * Plan on Cable Security in February 2025", "the National Security Strategy
 * of 2023". The name's last token before the connector that opens a tail
 * of months, days and years (an act keeps its "of 2026": "Partnership Act
 * of 2026" is its name); else last. */
static size_t before_date(const char *t, const token *toks, size_t h, size_t last, const head *hd)
{
    size_t k = last;
    while (k > h + 1 && toks[k].word &&
           (number_token(t, &toks[k]) || spells_any(t, &toks[k], months, COUNT(months))))
        k--;
    if (k == last || k <= h || !toks[k].word || toks[k].cap || !is_connector(t + toks[k].start, toks[k].len))
        return last;
    bool of_year = rg_spells(t + toks[k].start, toks[k].len, "of") && last == k + 1;
    if (of_year && strcmp(hd->kind, "act") == 0)
        return last;
    return k - 1;
}

/* The type, kind and form a head gives the name [first, last]: a body
 * named for meeting ("Security Consultative Committee", "Nuclear
 * Consultative Group") is a dialogue; two words of a generic head ("Task
 * Force") are a short form. */
static void set_head(const char *t, const token *toks, size_t first, size_t last, const head *hd, rg_shape *s)
{
    s->type = hd->type;
    s->kind = hd->kind;
    s->form = hd->form;
    bool meeting = in_list(meeting_heads, COUNT(meeting_heads), hd->word, strlen(hd->word)), meets = false;
    for (size_t k = first; k <= last && meeting && !meets; k++)
        meets = spells_any(t, &toks[k], joint_words, COUNT(joint_words));
    if (meets) {
        s->type = RG_TYPE_PROGRAM;
        s->kind = "dialogue";
    }
    s->generic = last == first + 1 && spells_any(t, &toks[first], generic_modifiers, COUNT(generic_modifiers));
}

/* "Pillar" numbered after a program's name ("AUKUS Pillar II") names
 * that part of it. */
static const head pillar_head = {"Pillar", RG_TYPE_PROGRAM, "program", false, RG_SHAPE_BODY};

static bool designated(const char *t, const token *toks, size_t n, size_t h)
{
    return h > 0 && h + 1 < n && toks[h].len == 6 && rg_spells(t + toks[h].start, 6, "Pillar") && !toks[h].possessive &&
           !toks[h].comma_after && spells_any(t, &toks[h + 1], designator_words, COUNT(designator_words)) &&
           name_word(t, &toks[h - 1]) && !toks[h - 1].comma_after && !toks[h - 1].possessive;
}

/* "Exercise Talisman Sabre": an exercise's head may open its name, which
 * is the one to three capitalized words after it (a year after them
 * dates an iteration: "Exercise Balikatan 2026"). */
static bool leading_shape(const char *t, const token *toks, size_t n, size_t h, const head *hd, rg_shape *s,
                          size_t *last_out)
{
    if (hd->word[0] != 'E' || strcmp(hd->kind, "exercise") != 0 || toks[h].possessive || toks[h].comma_after)
        return false;
    size_t last = h;
    for (size_t k = h + 1; k < n && k <= h + 3 && name_word(t, &toks[k]) && !number_token(t, &toks[k]) &&
                           !find_head(t, &toks[k]);
         k++) {
        last = k;
        if (toks[k].possessive || toks[k].comma_after)
            break;
    }
    if (last == h)
        return false;
    *s = (rg_shape){0};
    s->start = toks[h].start;
    s->len = toks[last].start + toks[last].len - s->start;
    s->head_start = toks[h].start;
    s->head_len = toks[h].len;
    set_head(t, toks, h, last, hd, s);
    *last_out = last;
    return true;
}

/* A name defined by its acronym right after it ("Philippine Atmospheric,
 * Geophysical and Astronomical Services Administration (PAGASA)", "Huawei
 * and Semiconductor Manufacturing International Corporation (SMIC)")
 * starts at the word whose initial opens the acronym, the initials of its
 * capitalized words spelling it (over commas and lowercase connectors).
 * Returns that token, or RG_NONE when the acronym does not spell the words
 * before it. */
static size_t acronym_start(const char *t, const token *toks, size_t n, size_t last)
{
    if (last + 3 >= n || toks[last + 1].word || t[toks[last + 1].start] != '(' || !toks[last + 2].word ||
        toks[last + 3].word || t[toks[last + 3].start] != ')' || toks[last + 2].len < 3 || toks[last + 2].len > 10)
        return RG_NONE;
    const char *a = t + toks[last + 2].start;
    size_t j = toks[last + 2].len;
    for (size_t k = 0; k < j; k++)
        if (!ascii_capital(a[k]))
            return RG_NONE;
    size_t start = RG_NONE;
    for (size_t k = last + 1; k-- > 0 && j > 0 && last - k < 24;) {
        const token *w = &toks[k];
        if (!w->word) {
            if (t[w->start] != ',')
                break;
            continue;
        }
        if (!w->cap) {
            if (!is_connector(t + w->start, w->len))
                break;
            continue;
        }
        if (w->possessive && k != last)
            break;
        if (t[w->start] != a[j - 1])
            break;
        j--;
        start = k;
    }
    return j == 0 ? start : RG_NONE;
}

/* The name whose head may be token h, none of it before token next_free:
 * true with *s and its last token in *last_out, or false. */
static bool head_shape(const char *t, const token *toks, size_t n, size_t h, size_t next_free, const rg_shape *shapes,
                       size_t count, rg_shape *s, size_t *last_out)
{
    const token *tk = &toks[h];
    const head *hd = tk->cap ? find_head(t, tk) : find_lower_head(t, tk);
    if (!hd && tk->cap && designated(t, toks, n, h))
        hd = &pillar_head;
    if (!hd)
        return false;
    if (tk->cap && leading_shape(t, toks, n, h, hd, s, last_out))
        return true;
    size_t first = extend_left(t, toks, h, tk->cap && tk->len != strlen(hd->word));
    size_t skip_start = 0, skip_len = 0;
    skip_acronym(t, toks, h, &first, &skip_start, &skip_len);
    first = past_dates(t, toks, first, h);
    /* a name that the one before it cut opens with a word of its own:
     * "the PRC Sanctions Task Force and Task Force" */
    while (first < next_free || (first < h && toks[first].word && !name_word(t, &toks[first])))
        first++;
    /* a name cut inside the parentheses keeps to its head */
    if (skip_len && toks[first].start >= skip_start) {
        skip_len = 0;
        first = h;
    }
    size_t last = hd->of_form || !tk->cap ? extend_right(t, toks, n, h, false) : h;
    if (hd == &pillar_head)
        last = h + 1;
    else if (tk->cap && last == h) {
        last = later_head(t, toks, n, h, &hd, &tk);
        /* the later head keeps its year: "Partnership Act of 2026" (a
         * longer "of ..." after it is left to the catalog's names) */
        if (last != h && last + 2 < n && rg_spells(t + toks[last + 1].start, toks[last + 1].len, "of") &&
            toks[last + 2].len == 4 && number_token(t, &toks[last + 2]) && !toks[last].comma_after &&
            !toks[last].possessive)
            last += 2;
    }
    /* "Resolution 2593", "UNSCR 2593" */
    if (last == h && hd->type == RG_TYPE_PROGRAM && strcmp(hd->kind, "policy") == 0 && h + 1 < n &&
        number_token(t, &toks[h + 1]) && !tk->possessive && !tk->comma_after)
        last = h + 1;
    if (!tk->cap && (last = lowercase_extent(t, toks, n, first, h)) == RG_NONE)
        return false;
    if (tk->cap)
        last = before_date(t, toks, h, last, hd);
    size_t fit = tk->cap && !skip_len ? acronym_start(t, toks, n, last) : RG_NONE;
    if (fit != RG_NONE && fit >= next_free && fit <= h && name_word(t, &toks[fit]))
        first = fit;
    /* a head alone is no name: "the Agency", "a Strategy"; and an alliance
     * of states is named by its members ("the U.S.-ROK Alliance"), one of
     * its own by what it is for ("Alliance of Democracies") */
    if ((first == h && last == h && !spells_any(t, tk, service_heads, COUNT(service_heads))) ||
        (last == h && rg_spells(t + tk->start, tk->len, "Alliance")))
        return false;
    *s = (rg_shape){0};
    s->start = toks[first].start;
    s->len = toks[last].start + toks[last].len - s->start;
    s->head_start = tk->start;
    s->head_len = tk->len;
    set_head(t, toks, first, last, hd, s);
    s->plural = tk->len != strlen(hd->word) && hd->form == RG_SHAPE_BODY;
    s->skip_start = skip_start;
    s->skip_len = skip_len;
    set_owner(t, toks, first, shapes, count, s);
    *last_out = last;
    return true;
}

/* Compare the word s[0..n) with the first word of the title w, in the
 * byte order of the titles. */
static int first_word_cmp(const char *s, size_t n, const char *w)
{
    size_t k = 0;
    while (k < n && w[k] && w[k] != ' ' && s[k] == w[k])
        k++;
    unsigned char a = k < n ? (unsigned char)s[k] : 0;
    unsigned char b = w[k] && w[k] != ' ' ? (unsigned char)w[k] : 0;
    return (a > b) - (a < b);
}

/* Does the rest of the title w (past its first word) follow token i? *end
 * gets its last token. */
static bool title_goes_on(const char *t, const token *toks, size_t n, size_t i, const char *w, size_t *end)
{
    w += strcspn(w, " ");
    while (*w == ' ') {
        if (toks[i].possessive || toks[i].comma_after)
            return false;
        w++;
        size_t wl = strcspn(w, " ");
        if (++i >= n || !toks[i].word || toks[i].len != wl || strncmp(t + toks[i].start, w, wl) != 0)
            return false;
        w += wl;
    }
    *end = i;
    return true;
}

/* The last token of a person's title that opens at token h, or RG_NONE;
 * an abbreviation takes its period along ("Mr."). */
static size_t title_at(const char *t, const token *toks, size_t n, size_t h)
{
    size_t lo = 0, hi = COUNT(person_titles), at = RG_NONE;
    const char *w = t + toks[h].start;
    while (lo < hi && at == RG_NONE) {
        size_t mid = lo + (hi - lo) / 2;
        int c = first_word_cmp(w, toks[h].len, person_titles[mid]);
        if (!c)
            at = mid;
        else if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (at == RG_NONE)
        return RG_NONE;
    while (at > 0 && !first_word_cmp(w, toks[h].len, person_titles[at - 1]))
        at--;
    size_t best = RG_NONE, end;
    for (size_t k = at; k < COUNT(person_titles) && !first_word_cmp(w, toks[h].len, person_titles[k]); k++)
        if (title_goes_on(t, toks, n, h, person_titles[k], &end) && (best == RG_NONE || end > best))
            best = end;
    if (best != RG_NONE && spells_any(t, &toks[best], abbreviated_titles, COUNT(abbreviated_titles))) {
        const token *dot = best + 1 < n ? &toks[best + 1] : NULL;
        if (!dot || dot->word || t[dot->start] != '.' || dot->start != toks[best].start + toks[best].len)
            return RG_NONE;
        best++;
    }
    return best;
}

/* A word of a person's name: capitalized, with a lowercase letter or an
 * initial ("R."), and neither a head ("Assembly") nor a month. */
static bool person_word(const char *t, const token *tk)
{
    if (!name_word(t, tk) || find_head(t, tk) || spells_any(t, tk, months, COUNT(months)) ||
        spells_any(t, tk, office_titles, COUNT(office_titles)))
        return false;
    if (tk->len == 2 && t[tk->start + 1] == '.')
        return true;
    for (size_t k = 1; k < tk->len; k++)
        if (islower((unsigned char)t[tk->start + k]))
            return true;
    return false;
}

/* A person named with a title at token h: "President Joseph R. Biden",
 * "Prime Minister Kishida Fumio", "Mr. Risch". The name is one to four
 * words; the title is the shape's head. */
static bool person_shape(const char *t, const token *toks, size_t n, size_t h, rg_shape *s, size_t *last_out)
{
    /* a title goes on with a capitalized word, or an abbreviation with
     * its period: most capitalized words are no title, and go on with a
     * lowercase one */
    if (!toks[h].cap || h + 1 >= n || !(toks[h + 1].cap || t[toks[h + 1].start] == '.'))
        return false;
    size_t title = title_at(t, toks, n, h);
    if (title == RG_NONE || toks[title].possessive || toks[title].comma_after)
        return false;
    static const char *const suffixes[] = {"Jr", "Sr"}; /* "Ferdinand R. Marcos Jr." is Marcos */
    size_t first = title + 1, k = first;
    while (k < n && k - first < 4 && person_word(t, &toks[k]) && !spells_any(t, &toks[k], suffixes, COUNT(suffixes))) {
        bool ends = toks[k].possessive || toks[k].comma_after;
        k++;
        if (ends)
            break;
    }
    if (k == first || spells_any(t, &toks[first], title_complements, COUNT(title_complements)))
        return false;
    *s = (rg_shape){0};
    s->start = toks[first].start;
    s->len = toks[k - 1].start + toks[k - 1].len - s->start;
    s->head_start = toks[h].start;
    s->head_len = toks[title].start + toks[title].len - s->head_start;
    s->type = RG_TYPE_ACTOR;
    s->kind = "person";
    s->form = RG_SHAPE_PERSON;
    *last_out = k - 1;
    return true;
}

/* An office at token h: a title, "of" or "for" and the body or portfolio
 * it heads ("the Secretary of State", "the Director of the Office of
 * Foreign Assets Control", "the Coordinator for Sanctions"). */
static bool office_shape(const char *t, const token *toks, size_t n, size_t h, size_t next_free,
                         const rg_shape *shapes, size_t count, rg_shape *s, size_t *last_out)
{
    const token *tk = &toks[h];
    if (!tk->cap || tk->possessive || tk->comma_after || h + 2 >= n ||
        !(rg_spells(t + toks[h + 1].start, toks[h + 1].len, "of") ||
          rg_spells(t + toks[h + 1].start, toks[h + 1].len, "for")) ||
        !spells_any(t, tk, office_titles, COUNT(office_titles)))
        return false;
    size_t tail = h + 2;
    if (tail + 1 < n && rg_spells(t + toks[tail].start, toks[tail].len, "the"))
        tail++;
    size_t last = extend_right(t, toks, n, h, true);
    if (last < tail || !name_word(t, &toks[tail]))
        return false;
    size_t first = extend_left(t, toks, h, false);
    /* "Under" opens no name but "the Under Secretary of Defense for ..." */
    if (first == h && h > 0 && rg_spells(t + toks[h - 1].start, toks[h - 1].len, "Under"))
        first = h - 1;
    while (first > next_free && spells_any(t, &toks[first - 1], office_ranks, COUNT(office_ranks)) &&
           !toks[first - 1].comma_after && !toks[first - 1].possessive)
        first--;
    if (first < next_free)
        first = next_free;
    /* "the Acting Administrator of USAID", "the former Secretary of
     * State": the person who holds or held the post, not the post */
    static const char *const holders[] = {"Acting", "Former", "acting", "former"};
    if (spells_any(t, &toks[first], holders, COUNT(holders)) ||
        (first > 0 && spells_any(t, &toks[first - 1], holders, COUNT(holders))))
        return false;
    *s = (rg_shape){0};
    s->start = toks[first].start;
    s->len = toks[last].start + toks[last].len - s->start;
    s->head_start = tk->start;
    s->head_len = tk->len;
    s->tail_start = toks[tail].start;
    s->type = RG_TYPE_AGENCY;
    s->kind = "agency";
    s->form = RG_SHAPE_OFFICE;
    set_owner(t, toks, first, shapes, count, s);
    *last_out = last;
    return true;
}

/* "COP26", "COP 26": a session of the UN climate conference, an event of
 * its own. */
static bool series_shape(const char *t, const token *toks, size_t n, size_t h, rg_shape *s, size_t *last_out)
{
    const token *tk = &toks[h];
    if (t[tk->start] != 'C' || !tk->word || tk->len < 3 || tk->len > 5 || strncmp(t + tk->start, "COP", 3) != 0)
        return false;
    size_t last = h;
    for (size_t k = 3; k < tk->len; k++)
        if (!isdigit((unsigned char)t[tk->start + k]))
            return false;
    if (tk->len == 3) {
        if (h + 1 >= n || !number_token(t, &toks[h + 1]) || toks[h + 1].len > 2)
            return false;
        last = h + 1;
    }
    *s = (rg_shape){0};
    s->start = tk->start;
    s->len = toks[last].start + toks[last].len - s->start;
    s->head_start = tk->start;
    s->head_len = 3;
    s->type = RG_TYPE_PROGRAM;
    s->kind = "event";
    *last_out = last;
    return true;
}

/* "SEA 3000": an Australian defence project, by its domain and number. */
static bool project_shape(const char *t, const token *toks, size_t n, size_t h, rg_shape *s, size_t *last_out)
{
    const token *tk = &toks[h];
    if (tk->len < 3 || tk->len > 5 || !ascii_capital(t[tk->start + 1]) || h + 1 >= n || tk->comma_after ||
        toks[h + 1].len < 3 || toks[h + 1].len > 4 || !number_token(t, &toks[h + 1]) ||
        !spells_any(t, tk, project_domains, COUNT(project_domains)))
        return false;
    *s = (rg_shape){0};
    s->start = tk->start;
    s->len = toks[h + 1].start + toks[h + 1].len - s->start;
    s->head_start = tk->start;
    s->head_len = tk->len;
    s->type = RG_TYPE_PROGRAM;
    s->kind = "program";
    *last_out = h + 1;
    return true;
}

/* Lowercase nouns that make the capitalized words before them a program's
 * name, the noun left out: "the Power Africa initiative", "the Blue UAS
 * program", "the State Opioid Response grant program". */
static const char *const program_nouns[] = {"initiative", "program", "programme"};

/* Does the word read as a people's adjective ("South Korean", "Japanese",
 * "British")? "a South Korean rocket program" is a country's, unnamed. */
static bool demonym(const char *t, const token *tk)
{
    static const char *const endings[] = {"an", "ese", "ish"};
    for (size_t k = 0; k < COUNT(endings); k++) {
        size_t e = strlen(endings[k]);
        if (tk->len > e + 2 && strncmp(t + tk->start + tk->len - e, endings[k], e) == 0)
            return true;
    }
    return false;
}

/* The program named by two to six capitalized words before a lowercase
 * program noun (one lowercase word may come between: "grant program"),
 * opening at token h, the last not a people's adjective. Words that a
 * head makes a body's name ("the Korea Development Bank program") are
 * left to head_shape; a name the catalog knows stands
 * (graph/rules/mention.c): "the United States program" names no program. */
static bool named_program_shape(const char *t, const token *toks, size_t n, size_t h, rg_shape *s,
                                size_t *last_out)
{
    /* the run of capitalized words and the noun after it first: most runs
     * have none, and looking up heads costs more */
    size_t k = h;
    while (k < n && k - h < 6 && toks[k].word && toks[k].cap && !toks[k].possessive && !toks[k].comma_after)
        k++;
    if (k - h < 2 || k >= n || !toks[k].word || toks[k].cap)
        return false;
    size_t noun = k;
    if (!spells_any(t, &toks[noun], program_nouns, COUNT(program_nouns))) {
        noun++;
        if (toks[k].possessive || toks[k].comma_after || noun >= n || !toks[noun].word || toks[noun].cap ||
            !spells_any(t, &toks[noun], program_nouns, COUNT(program_nouns)))
            return false;
    }
    if (!name_word(t, &toks[h]) || (h > 0 && name_word(t, &toks[h - 1])) || demonym(t, &toks[k - 1]))
        return false;
    for (size_t i = h; i < k; i++)
        if (find_head(t, &toks[i]))
            return false;
    *s = (rg_shape){0};
    s->start = toks[h].start;
    s->len = toks[k - 1].start + toks[k - 1].len - s->start;
    s->head_start = toks[k - 1].start;
    s->head_len = toks[k - 1].len;
    s->type = RG_TYPE_PROGRAM;
    s->kind = "program";
    *last_out = noun;
    return true;
}

/* A quoted title after a document's head and a colon names the document:
 * Quad Leaders' Joint Statement: "The Spirit of the Quad". Token h is the
 * colon. */
static bool quoted_title_shape(const char *t, const token *toks, size_t n, size_t h, rg_shape *s, size_t *last_out)
{
    if (h == 0 || h + 3 >= n || toks[h].word || t[toks[h].start] != ':' || !toks[h - 1].word)
        return false;
    const head *hd = find_head(t, &toks[h - 1]);
    size_t q = h + 1, close = q + 1;
    if (!hd || hd->form != RG_SHAPE_DOCUMENT || toks[q].word || t[toks[q].start] != '"' || !toks[q + 1].cap)
        return false;
    while (close < n && close <= q + 9 && toks[close].word)
        close++;
    if (close == q + 1 || close > q + 9 || close >= n || t[toks[close].start] != '"')
        return false;
    *s = quoted_shape(toks, q, &quoted_title);
    *last_out = close;
    return true;
}

/* The shape at token h, none of it before token next_free: true with *s
 * and its last token in *last. In a title set in title case only a
 * quoted title is read. */
static bool shape_at(const char *t, const token *toks, size_t n, size_t h, size_t next_free, bool titled,
                     const rg_shape *shapes, size_t count, rg_shape *s, size_t *last)
{
    /* most tokens open no shape: sort them out by their first byte */
    if (!toks[h].word) {
        char c = t[toks[h].start];
        const head *quoted = c == '"' && !titled ? quoted_program(t, toks, n, h, last) : NULL;
        if (quoted)
            *s = quoted_shape(toks, h, quoted);
        return quoted || (c == ':' && quoted_title_shape(t, toks, n, h, s, last));
    }
    if (titled)
        return false;
    if (toks[h].cap && (series_shape(t, toks, n, h, s, last) || project_shape(t, toks, n, h, s, last) ||
                        person_shape(t, toks, n, h, s, last) ||
                        office_shape(t, toks, n, h, next_free, shapes, count, s, last) ||
                        named_program_shape(t, toks, n, h, s, last)))
        return true;
    return head_shape(t, toks, n, h, next_free, shapes, count, s, last);
}

/* Find the shapes of toks[0..n) into shapes; returns how many. (toks is
 * not const: GCC would take the tokens of an empty text for unwritten.) */
static size_t find_all(const char *t, token *toks, size_t n, bool titled, rg_shape *shapes)
{
    size_t count = 0;
    size_t next_free = 0; /* no overlap: the next name starts at or after this token */
    for (size_t h = 0; h < n; h++) {
        size_t last;
        if (h >= next_free && shape_at(t, toks, n, h, next_free, titled, shapes, count, &shapes[count], &last)) {
            count++;
            next_free = last + 1;
            h = last;
        }
    }
    return count;
}

/* Is every long word of a title inside one of its shapes? */
static bool covered(const char *t, const token *toks, size_t n, const rg_shape *shapes, size_t count)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!toks[i].word || toks[i].len < 4 || !isalpha((unsigned char)t[toks[i].start]))
            continue;
        while (k < count && shapes[k].start + shapes[k].len <= toks[i].start)
            k++;
        if (k == count || shapes[k].start > toks[i].start)
            return false;
    }
    return count > 0;
}

/* Does shape s fill a part of t between commas (or t's ends), whole, in
 * a t of several parts? (A name with commas of its own, "Committee on
 * Agriculture, Nutrition, and Forestry", or a figure's title, "Budget
 * Authority for Renewable, Fossil, and Nuclear R&D", is no such part.) */
static bool fills_a_part(const char *t, const rg_shape *s)
{
    size_t b = s->owner_len ? s->owner_start : s->start, e = s->start + s->len;
    if (memchr(t + b, ',', e - b) || !strchr(t, ','))
        return false;
    while (b > 0 && t[b - 1] == ' ')
        b--;
    while (t[e] == ' ')
        e++;
    return (b == 0 || t[b - 1] == ',') && (t[e] == ',' || t[e] == '\0' || (t[e] == '.' && t[e + 1] == '\0'));
}

/* The tokens of an ordinary sentence fit on the stack; a longer text
 * takes the heap. (Arrays sized by the text's bytes cost a fresh page or
 * two per sentence.) */
enum { STACK_TOKENS = 256 };

int rg_shape_find(const char *t, rg_shape **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    token stack_toks[STACK_TOKENS];
    token *toks = stack_toks;
    size_t n = tokenize(t, toks, STACK_TOKENS);
    if (n == STACK_TOKENS) {
        /* perhaps cut short: at most a token a byte */
        size_t max = strlen(t) + 1;
        if (!(toks = malloc(max * sizeof *toks)))
            return -1;
        n = tokenize(t, toks, max);
    }
    /* a shape spans one token or more, so n bounds them */
    rg_shape *shapes = n ? malloc(n * sizeof *shapes) : NULL;
    if (n && !shapes) {
        if (toks != stack_toks)
            free(toks);
        return -1;
    }
    size_t count = find_all(t, toks, n, false, shapes);
    /* a title in title case is read only where it is one name ("the
     * Committee on Foreign Relations of the Senate"), or where a name
     * fills a part between commas, as in a list of people and their
     * affiliations ("Hillard G. Huntington, Executive Director Energy
     * Modeling Forum, Stanford University") */
    if (title_case(t, toks, n) && !covered(t, toks, n, shapes, count)) {
        size_t kept = 0;
        for (size_t k = 0; k < count; k++)
            if (fills_a_part(t, &shapes[k]))
                shapes[kept++] = shapes[k];
        count = kept ? kept : find_all(t, toks, n, true, shapes);
    }
    if (toks != stack_toks)
        free(toks);
    *out = shapes;
    *n_out = count;
    return 0;
}
