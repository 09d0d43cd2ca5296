#include "graph/rules/directive.h"

#include "graph/base/text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Verbs that open imperative recommendations, in their base form; sorted
 * for bsearch. A lexicon rather than a guess from capitalization, so that a
 * list of nouns ("- Semiconductors", "- Japan") is never taken for orders. */
static const char *const verbs[] = {
    "abandon", "accelerate", "accept", "accommodate", "accompany", "account", "achieve", "acknowledge",
    "acquire", "act", "adapt", "add", "address", "adjust", "adopt", "advance", "advise", "advocate", "affirm",
    "align", "allocate", "allow", "amend", "amplify", "analyze", "anchor", "announce", "anticipate", "apply",
    "appoint", "approach", "approve", "articulate", "ask", "assess", "assign", "assist", "assure", "attract",
    "audit", "augment", "authorize", "avoid", "balance", "ban", "bar", "begin", "bolster", "boost", "bring",
    "broaden", "build", "bypass", "calibrate", "call", "capitalize", "capture", "carry", "catalyze", "cement",
    "challenge", "champion", "change", "channel", "chart", "clarify", "close", "codify", "collaborate",
    "collect", "combat", "combine", "commission", "commit", "communicate", "compel", "compete", "complete",
    "comply", "conclude", "condemn", "conduct", "confirm", "confront", "connect", "consider", "consolidate",
    "construct", "consult", "contain", "continue", "contribute", "convene", "convert", "convey", "cooperate",
    "coordinate", "correct", "counter", "create", "cultivate", "curb", "cut", "debate", "decide", "declare",
    "decouple", "dedicate", "deepen", "defend", "define", "delegate", "deliver", "demand", "demonstrate",
    "deny", "deploy", "design", "designate", "detect", "deter", "develop", "devise", "devote", "direct", "diversify",
    "document", "double", "draft", "draw", "drive", "ease", "educate", "elevate", "eliminate", "embed",
    "embrace", "emphasize", "employ", "empower", "enable", "enact", "encourage", "end", "endorse", "energize",
    "enforce", "engage", "enhance", "enlarge", "enlist", "ensure", "enter", "establish", "evaluate",
    "examine", "exchange", "exclude", "expand", "expedite", "explain", "exploit", "explore", "expose",
    "extend", "facilitate", "finalize", "finance", "find", "focus", "follow", "forge", "formalize",
    "formulate", "foster", "frame", "fund", "galvanize", "gather", "generate", "give", "grant", "guarantee",
    "guide", "halt", "harden", "harmonize", "help", "highlight", "hire", "hold", "host", "identify",
    "implement", "impose", "improve", "incentivize", "include", "incorporate", "increase", "inform",
    "initiate", "innovate", "insist", "institute", "institutionalize", "integrate", "intensify", "introduce",
    "invest", "investigate", "invite", "involve", "issue", "join", "keep", "launch", "lay", "lead", "learn",
    "leverage", "lift", "limit", "link", "listen", "lobby", "locate", "lower", "maintain", "make", "manage",
    "mandate", "map", "match", "maximize", "measure", "meet", "minimize", "mitigate", "mobilize", "model",
    "modernize", "monitor", "motivate", "move", "name", "negotiate", "normalize", "nurture", "observe",
    "obtain", "offer", "open", "operationalize", "oppose", "optimize", "organize", "outline", "oversee",
    "participate", "partner", "pass", "pay", "persuade", "phase", "pilot", "place", "plan", "pledge",
    "position", "post", "pour", "practice", "prepare", "present", "preserve", "press", "pressure", "prevent",
    "prioritize", "proceed", "produce", "professionalize", "promote", "propose", "prosecute", "protect",
    "provide", "publicize", "publish", "purchase", "pursue", "push", "raise", "ratify", "rationalize",
    "reach", "reaffirm", "realign", "reassess", "reassure", "rebalance", "rebuild", "recalibrate", "receive",
    "recognize", "recommend", "reconsider", "reconvene", "recruit", "redouble", "reduce", "reengage",
    "reestablish", "reexamine", "refine", "reform", "refrain", "reinforce", "reinstate", "reinvest",
    "reinvigorate", "reject", "relaunch", "relax", "release", "remain", "remove", "renew", "reorganize",
    "repeal", "replace", "report", "request", "require", "reserve", "reset", "resist", "resolve", "respect",
    "respond", "restart", "restore", "restrict", "restructure", "resume", "retain", "rethink", "revamp",
    "review", "revise", "revisit", "revitalize", "reward", "rightsize", "safeguard", "scale", "schedule",
    "scrutinize", "secure", "seek", "seize", "select", "send", "separate", "serve", "set", "shape", "share",
    "shift", "shine", "show", "sign", "simplify", "solicit", "speak", "spearhead", "specify", "speed",
    "sponsor", "stand", "standardize", "start", "station", "stay", "steer", "stem", "step", "stimulate",
    "stop", "streamline", "strengthen", "stress", "structure", "study", "submit", "supply", "support",
    "sustain", "synchronize", "tackle", "tailor", "take", "target", "task", "tell", "test", "tie", "tighten",
    "track", "train", "transfer", "transform", "translate", "treat", "underscore", "undertake", "unify",
    "update", "upgrade", "urge", "use", "utilize", "validate", "vet", "voice", "wage", "weigh", "welcome",
    "widen", "withdraw", "work",
};

/* People and bodies who can act: the head of an actor subject. Sorted. */
static const char *const actor_nouns[] = {
    "administration", "administrations", "agencies", "agency", "allies", "ally", "ambassador", "ambassadors",
    "authorities", "branch", "businesses", "capitals", "command", "commanders", "companies", "congress",
    "countries", "country", "department", "departments", "diplomats", "firms", "forces", "government",
    "governments", "he", "i", "industry", "lawmakers", "leaders", "leadership", "legislators", "legislatures",
    "military", "militaries", "minister", "ministers", "ministries", "ministry", "nations", "negotiators",
    "office", "officials", "parliament", "partners", "planners", "policymakers", "president", "presidents",
    "representatives", "researchers", "secretary", "she", "sides", "staff", "states", "team", "teams", "they",
    "unit", "universities", "we", "you",
};

static int compare_word(const void *key, const void *item)
{
    return strcmp((const char *)key, *(const char *const *)item);
}

/* Is the lowercase copy of word[0..n) in the sorted list? */
static bool listed(const char *const *list, size_t count, const char *word, size_t n)
{
    char w[40];
    if (n == 0 || n >= sizeof w)
        return false;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)word[i]);
    w[n] = '\0';
    return bsearch(w, list, count, sizeof *list, compare_word) != NULL;
}

/* Is word[0..n) a noun for people who act: officials, government, allies,
 * countries, ...? Case-insensitive. */
static bool actor_noun(const char *word, size_t n)
{
    return listed(actor_nouns, COUNT(actor_nouns), word, n);
}

static size_t word_len(const char *s)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]) || (n > 0 && s[n] == '-' && isalpha((unsigned char)s[n + 1])))
        n++;
    return n;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* Does s[0..n) spell w, ignoring ASCII case? */
static bool word_is(const char *s, size_t n, const char *w)
{
    if (strlen(w) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != w[i])
            return false;
    return true;
}

static bool word_in(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (word_is(s, n, list[i]))
            return true;
    return false;
}

static bool is_adverb(const char *s, size_t n)
{
    static const char *const plain[] = {"also", "then", "still", "therefore", "now", "instead", "together",
                                        "both", "too", "thus", "further", "first", "accordingly", "again"};
    return (n > 3 && word_is(s + n - 2, 2, "ly")) || word_in(s, n, plain, COUNT(plain));
}

bool rg_directive_imperative(const char *text)
{
    const char *w = skip_spaces(text);
    size_t n = word_len(w);
    if (n == 0 || !isupper((unsigned char)w[0]))
        return false;
    /* "Jointly reexamine ...", "Aggressively engage ..." */
    if (is_adverb(w, n) && n > 3 && word_is(w + n - 2, 2, "ly")) {
        w = skip_spaces(w + n);
        n = word_len(w);
        if (n == 0)
            return false;
    }
    for (size_t i = 1; i < n; i++)
        if (isupper((unsigned char)w[i]))
            return false; /* an acronym or a name, not a verb */
    if (!listed(verbs, COUNT(verbs), w, n))
        return false;
    /* "Support for the alliance remains strong": the verb read as a noun */
    static const char *const noun_followers[] = {"of", "for", "is", "are", "was", "were", "has", "have"};
    const char *next = skip_spaces(w + n);
    return w[n] == ' ' && !word_in(next, word_len(next), noun_followers, COUNT(noun_followers));
}

/* ---- modal directives ---- */

enum { ANY_SUBJECT = 0, ACTOR_SUBJECT = 1, LIST_ONLY = 2 };

#define MODAL(words, needs) {words, sizeof words - 1, needs}

static const struct {
    const char *words;
    size_t len;
    int needs;
} modals[] = {
    MODAL("should", ANY_SUBJECT),
    MODAL("must", ANY_SUBJECT),
    MODAL("ought to", ANY_SUBJECT),
    MODAL("needs to", ANY_SUBJECT),
    MODAL("need to", ANY_SUBJECT),
    MODAL("would be well served", ACTOR_SUBJECT),
    MODAL("would do well to", ACTOR_SUBJECT),
    MODAL("could", ACTOR_SUBJECT | LIST_ONLY),
    /* commitments: "the leaders committed to ...", "Seoul pledged to ..." */
    MODAL("committed to", ACTOR_SUBJECT),
    MODAL("commit to", ACTOR_SUBJECT),
    MODAL("pledged to", ACTOR_SUBJECT),
    MODAL("pledge to", ACTOR_SUBJECT),
    MODAL("vowed to", ACTOR_SUBJECT),
    MODAL("agreed to", ACTOR_SUBJECT),
};

/* Length of the modal form at s (a word start), or 0, and its index. Every
 * word of every sentence comes here: the first letter decides before any
 * comparison. */
static size_t modal_at(const char *s, size_t *which)
{
    for (size_t k = 0; k < COUNT(modals); k++) {
        size_t n = modals[k].len;
        if (s[0] == modals[k].words[0] && strncmp(s + 1, modals[k].words + 1, n - 1) == 0 &&
            !isalpha((unsigned char)s[n])) {
            *which = k;
            return n;
        }
    }
    return 0;
}

/* Words that open an adverbial or subordinate segment before the subject:
 * "As Seoul adopts ..., Washington should", "Finally, the United States". */
static const char *const subordinators[] = {
    "after", "against", "alongside", "although", "amid", "as", "at", "because", "before", "beyond", "by",
    "collectively", "despite", "during", "even", "finally", "first", "for", "from", "further", "given",
    "however", "if", "in", "instead", "meanwhile", "moreover", "of", "on", "once", "second", "similarly",
    "since", "so", "still", "then", "third", "though", "through", "thus", "to", "together", "under", "unless",
    "until", "when", "where", "whereas", "while", "with", "within", "without", "yet",
};

/* Words that make a segment an embedded clause: its modal is not the
 * sentence's own. */
static const char *const embedders[] = {"that", "which", "who", "whom", "whose", "whether", "if"};

static const char *const prepositions[] = {
    "about", "across", "against", "among", "around", "at", "between", "by", "for", "from", "in", "into", "of",
    "on", "over", "regarding", "through", "to", "toward", "towards", "under", "with", "within",
};

static bool adverbial_segment(const char *s, size_t n)
{
    const char *w = skip_spaces(s);
    size_t len = word_len(w);
    if (len == 0 || (size_t)(w - s) >= n)
        return false;
    if (word_in(w, len, subordinators, COUNT(subordinators)))
        return true;
    /* "Ultimately", "Building off ...", "Looking toward ..." */
    return (len > 3 && word_is(w + len - 2, 2, "ly")) || (len > 4 && word_is(w + len - 3, 3, "ing"));
}

static bool contains_word(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < n;) {
        size_t len = word_len(s + i);
        if (len && (i == 0 || !isalpha((unsigned char)s[i - 1]))) {
            if (i + len <= n && word_in(s + i, len, list, count))
                return true;
            i += len;
        } else {
            i++;
        }
    }
    return false;
}

/* The subject segment before the modal at m: the last comma-separated
 * segment that is not adverbial. *start and *end get its bounds. */
static void subject_segment(const char *t, size_t m, size_t *start, size_t *end)
{
    size_t e = m;
    for (;;) {
        size_t b = e;
        while (b > 0 && !strchr(",;:", t[b - 1]) && !(b > 1 && t[b - 1] == '-' && t[b - 2] == '-')) {
            if (t[b - 1] == ')') {
                /* a parenthesis belongs to the segment it stands in */
                size_t depth = 0;
                do {
                    depth += t[b - 1] == ')';
                    depth -= t[b - 1] == '(';
                    b--;
                } while (b > 0 && depth > 0);
                continue;
            }
            if (t[b - 1] == '(')
                break;
            b--;
        }
        const char *seg = t + b;
        size_t len = e - b;
        bool blank = strspn(seg, " ") >= len;
        if (!blank && (!adverbial_segment(seg, len) || b == 0)) {
            *start = b;
            *end = e;
            return;
        }
        if (b == 0) {
            *start = 0;
            *end = m;
            return;
        }
        e = b - 1;
    }
}

/* Is the subject t[start..end) headed by an actor? Its head is the last
 * word before the first preposition, adverbs set aside. */
static bool actor_subject(const char *t, size_t start, size_t end, const rg_span *actors, size_t n_actors)
{
    size_t cut = end;
    for (size_t i = start; i < end;) {
        size_t len = word_len(t + i);
        if (len && (i == start || !isalpha((unsigned char)t[i - 1]))) {
            if (i > start && word_in(t + i, len, prepositions, COUNT(prepositions))) {
                cut = i;
                break;
            }
            i += len;
        } else {
            i++;
        }
    }
    /* the last word of t[start..cut) that is not an adverb, a closing
     * parenthesis set aside: "the United States Agency for International
     * Development (USAID)" */
    size_t e = cut;
    while (e > start && t[e - 1] == ' ')
        e--;
    if (e > start && t[e - 1] == ')')
        while (e > start && t[e - 1] != '(')
            e--;
    if (e > start && t[e - 1] == '(')
        e--;
    for (;;) {
        while (e > start && !isalpha((unsigned char)t[e - 1]))
            e--;
        size_t b = e;
        while (b > start && (isalpha((unsigned char)t[b - 1]) || t[b - 1] == '-' || t[b - 1] == '\''))
            b--;
        if (b == e)
            return false;
        if (is_adverb(t + b, e - b) && b > start) {
            e = b;
            continue;
        }
        for (size_t k = 0; k < n_actors; k++)
            if (actors[k].start < e && actors[k].start + actors[k].len >= e)
                return true;
        size_t n = e - b;
        if (n > 2 && t[e - 2] == '\'' && t[e - 1] == 's')
            n -= 2;
        return actor_noun(t + b, n);
    }
}

/* Where the leaders named before the modal begin: the subject segment and
 * the segments joined to it ("The United States, together with Japan,
 * South Korea, and other like-minded countries, should ..."). */
static size_t leads_start(const char *t, size_t start)
{
    static const char *const joiners[] = {"together", "along", "alongside", "with", "and", "or"};
    while (start > 0) {
        size_t e = start - 1, b = e;
        while (b > 0 && !strchr(",;:(", t[b - 1]))
            b--;
        const char *w = skip_spaces(t + b);
        size_t len = word_len(w);
        if (word_in(w, len, joiners, COUNT(joiners)) || !adverbial_segment(t + b, e - b))
            start = b;
        else
            break;
    }
    return start;
}

size_t rg_directive_modal(const char *t, const rg_span *actors, size_t n_actors, bool list_item,
                          size_t *subject_start)
{
    size_t n = strlen(t);
    if (n == 0 || t[n - 1] == '?' || t[n - 1] == ':')
        return RG_NONE; /* a question, or a lead-in to a list */
    for (size_t i = 1; i < n; i++) {
        if (isalpha((unsigned char)t[i - 1]) || !isalpha((unsigned char)t[i]))
            continue;
        size_t which, len = modal_at(t + i, &which);
        if (!len)
            continue;
        /* "need to" after "will", "to", "and": no order of its own */
        static const char *const not_before[] = {"will", "would", "may", "might", "can", "could", "to", "and", "or"};
        char before[8];
        if (modals[which].words[0] == 'n' && rg_word_before(t, i, before, sizeof before) != RG_NONE &&
            word_in(before, strlen(before), not_before, COUNT(not_before)))
            continue;
        size_t s_start, s_end;
        subject_segment(t, i, &s_start, &s_end);
        if (contains_word(t + s_start, s_end - s_start, embedders, COUNT(embedders)))
            continue;
        /* what follows: "must not have relinquished" is no order */
        const char *after = skip_spaces(t + i + len);
        size_t w = word_len(after);
        while (w && (word_is(after, w, "not") || is_adverb(after, w))) {
            after = skip_spaces(after + w);
            w = word_len(after);
        }
        if (word_is(after, w, "have"))
            continue;
        bool actor = actor_subject(t, s_start, s_end, actors, n_actors);
        if (word_is(after, w, "be") && !actor)
            continue;
        if ((modals[which].needs & ACTOR_SUBJECT) && !actor)
            continue;
        if ((modals[which].needs & LIST_ONLY) && !list_item)
            continue;
        if (subject_start)
            *subject_start = leads_start(t, s_start);
        return i;
    }
    return RG_NONE;
}

bool rg_directive_refers_back(const char *text)
{
    static const char *const demonstratives[] = {"this", "these", "such"};
    const char *w = skip_spaces(text);
    size_t n = word_len(w);
    if (!isupper((unsigned char)w[0]) || !word_in(w, n, demonstratives, COUNT(demonstratives)))
        return false;
    for (const char *p = w + n; *p; p++) {
        size_t which;
        if (!isalpha((unsigned char)p[-1]) && modal_at(p, &which) && !(modals[which].needs & ACTOR_SUBJECT))
            return true;
    }
    return false;
}
