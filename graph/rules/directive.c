#include "graph/rules/directive.h"

#include "graph/base/text.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
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
    "administration", "administrations", "administrator", "agencies", "agency", "alliance", "allies", "ally",
    "ambassador", "ambassadors", "authorities", "board", "branch", "bureau", "businesses", "capitals", "chair",
    "chairman", "command", "commanders", "commission", "commissioner", "committee", "companies", "congress",
    "coordinator", "council", "countries", "country", "department", "departments", "diplomats", "director",
    "directors", "firms", "force", "forces", "government", "governments", "group", "groups", "he", "head", "heads", "i",
    "industry", "lawmakers", "leaders", "leadership", "legislators", "legislatures", "militaries", "military",
    "minister", "ministers", "ministries", "ministry", "nations", "negotiators", "office", "officials",
    "parliament", "partners", "planners", "policymakers", "president", "presidents", "representative",
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
    return rg_spells_ci(s, n, w);
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

/* "are committed to", "have also agreed to": a verb that carries the form */
static bool auxiliary(const char *s, size_t n)
{
    static const char *const aux[] = {"are",     "is",   "am",  "was", "were", "remain",
                                      "remains", "have", "has", "had", "also", "newly"};
    return word_in(s, n, aux, COUNT(aux));
}

/* Is w[0..n) a verb of the lexicon, or one with a prefix that joins
 * another to it: "co-fund", "co-develop", "re-establish"? */
static bool verb_word(const char *w, size_t n)
{
    if (listed(verbs, COUNT(verbs), w, n))
        return true;
    static const char *const prefixes[] = {"co", "re"};
    for (size_t k = 0; k < COUNT(prefixes); k++)
        if (n > 3 && w[2] == '-' && word_is(w, 2, prefixes[k]))
            return listed(verbs, COUNT(verbs), w + 3, n - 3);
    return false;
}

/* An imperative opening text: "Deepen ...", "Jointly reexamine ...";
 * with any_case also "assess ..." and "to leverage ...", as a bill's
 * items under a provision that directs ("the Task Force shall—") read. */
static bool imperative(const char *text, bool any_case)
{
    const char *w = skip_spaces(text);
    size_t n = word_len(w);
    if (any_case && word_is(w, n, "to")) {
        w = skip_spaces(w + n);
        n = word_len(w);
    }
    if (n == 0 || !(any_case || isupper((unsigned char)w[0])))
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
    if (!verb_word(w, n))
        return false;
    /* "Support for the alliance remains strong": the verb read as a noun */
    static const char *const noun_followers[] = {"of", "for", "is", "are", "was", "were", "has", "have"};
    const char *next = skip_spaces(w + n);
    return w[n] == ' ' && !word_in(next, word_len(next), noun_followers, COUNT(noun_followers));
}

/* Does a segment before the subject at t[end] set a condition ("If
 * deterrence fails, China could ...", "Without such steps, Japan could
 * ..."), so that a "could" after it foresees rather than proposes? */
static bool conditioned(const char *t, size_t end)
{
    static const char *const conditions[] = {"if", "unless", "without", "absent", "should", "were"};
    for (size_t b = 0; b < end;) {
        const char *w = skip_spaces(t + b);
        if (word_in(w, word_len(w), conditions, COUNT(conditions)))
            return true;
        size_t e = b + strcspn(t + b, ",");
        if (e >= end)
            break;
        b = e + 1;
    }
    return false;
}

/* Does what follows a "could" propose a deed ("also assign a liaison
 * cell", "launch such a mechanism") rather than a benefit or a
 * possibility ("help", "be", "not")? */
static bool proposes_a_deed(const char *after)
{
    const char *w = skip_spaces(after);
    size_t n = word_len(w);
    while (n && is_adverb(w, n)) {
        w = skip_spaces(w + n);
        n = word_len(w);
    }
    return !word_is(w, n, "help") && verb_word(w, n);
}

bool rg_directive_imperative(const char *text)
{
    return imperative(text, false);
}

bool rg_directive_imperative_any_case(const char *text)
{
    return imperative(text, true);
}

/* ---- modal directives and commitments ---- */

enum {
    ANY_SUBJECT = 0,
    ACTOR_SUBJECT = 1, /* the subject is an actor, named or not */
    NAMED_OUTSIDE_LIST = 2, /* outside a list item, only with a subject that names an actor:
                             * "USAID could work with ...", not "This could entail ..." */
    TO_LATER = 4,      /* "instructed their ministers to ...": a "to" follows */
    THAT_CLAUSE = 8,   /* "recommends that X do": X leads */
    VERB_NEXT = 16,    /* "look forward to advancing", not "to the summit" */
    COMMITMENT = 32,   /* "reaffirm our commitment to": needs "commitment" after it */
    VOICE = 64,        /* only where the document speaks for its parties: in a
                        * report, "the two countries will" is a forecast */
    PASSIVE = 128,     /* "the Ministry is encouraged to act", "it is
                        * recommended that": after "is" or "are" only
                        * ("was encouraged to" reports), and a verb next */
};

#define FORM(words, needs, modality) {words, sizeof words - 1, needs, RG_MODALITY_##modality}

/* Every form that makes a sentence a recommendation, with the modality it
 * gives; sorted, for form_at. Past forms count: a joint statement reports its leaders'
 * commitments ("the leaders committed to", "instructed their ministers
 * to"). */
static const struct form {
    const char *words;
    size_t len;
    int needs;
    rg_modality modality;
} forms[] = {
    FORM("affirm", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("affirmed", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("affirms", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("agree to", ACTOR_SUBJECT, AGREE),
    FORM("agreed to", ACTOR_SUBJECT, AGREE),
    FORM("agrees to", ACTOR_SUBJECT, AGREE),
    FORM("call for", ACTOR_SUBJECT, CALL),
    FORM("call on", ACTOR_SUBJECT, CALL),
    FORM("call upon", ACTOR_SUBJECT, CALL),
    FORM("called for", ACTOR_SUBJECT | VOICE, CALL),
    FORM("called on", ACTOR_SUBJECT | VOICE, CALL),
    FORM("called upon", ACTOR_SUBJECT | VOICE, CALL),
    FORM("calls for", ACTOR_SUBJECT, CALL),
    FORM("calls on", ACTOR_SUBJECT, CALL),
    FORM("calls upon", ACTOR_SUBJECT, CALL),
    FORM("commit to", ACTOR_SUBJECT, COMMIT),
    FORM("commits to", ACTOR_SUBJECT, COMMIT),
    FORM("committed to", ACTOR_SUBJECT, COMMIT),
    FORM("could", ACTOR_SUBJECT | NAMED_OUTSIDE_LIST, COULD),
    FORM("decide to", ACTOR_SUBJECT | VOICE, AGREE),
    FORM("decided to", ACTOR_SUBJECT | VOICE, AGREE),
    FORM("decides to", ACTOR_SUBJECT | VOICE, AGREE),
    FORM("demands that", ANY_SUBJECT, NEED),
    FORM("determined to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("directed to", ACTOR_SUBJECT | PASSIVE, URGE),
    FORM("emphasize the need to", ACTOR_SUBJECT, NEED),
    FORM("emphasized the need to", ACTOR_SUBJECT, NEED),
    FORM("encouraged to", ACTOR_SUBJECT | PASSIVE, URGE),
    FORM("highlight", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("highlighted", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("highlights", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("instruct", ACTOR_SUBJECT | TO_LATER, URGE),
    FORM("instructed", ACTOR_SUBJECT | TO_LATER, URGE),
    FORM("instructs", ACTOR_SUBJECT | TO_LATER, URGE),
    FORM("intend to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("intends to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("look forward to", ACTOR_SUBJECT | VOICE | VERB_NEXT, INTEND),
    FORM("looked forward to", ACTOR_SUBJECT | VOICE | VERB_NEXT, INTEND),
    FORM("looks forward to", ACTOR_SUBJECT | VOICE | VERB_NEXT, INTEND),
    FORM("must", ANY_SUBJECT, MUST),
    FORM("need to", ANY_SUBJECT, NEED),
    FORM("needs to", ANY_SUBJECT, NEED),
    FORM("ought to", ANY_SUBJECT, SHOULD),
    FORM("plan to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("pledge to", ACTOR_SUBJECT, COMMIT),
    FORM("pledged to", ACTOR_SUBJECT, COMMIT),
    FORM("pledges to", ACTOR_SUBJECT, COMMIT),
    FORM("ready to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("reaffirm", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("reaffirmed", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("reaffirms", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("recommend that", ACTOR_SUBJECT | THAT_CLAUSE, RECOMMEND),
    FORM("recommended that", ACTOR_SUBJECT | THAT_CLAUSE | PASSIVE, RECOMMEND),
    FORM("recommends that", ACTOR_SUBJECT | THAT_CLAUSE, RECOMMEND),
    FORM("recommit to", ACTOR_SUBJECT, COMMIT),
    FORM("redouble", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("reiterate", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("reiterated", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("reiterates", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("renew", ACTOR_SUBJECT | COMMITMENT, COMMIT),
    FORM("requested to", ACTOR_SUBJECT | PASSIVE, URGE),
    FORM("require us to", ANY_SUBJECT, NEED),
    FORM("resolve to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("resolved to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("seek to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("shall", ACTOR_SUBJECT, SHALL),
    FORM("should", ANY_SUBJECT, SHOULD),
    FORM("steadfast in", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("stress the need to", ACTOR_SUBJECT, NEED),
    FORM("underscore the need to", ACTOR_SUBJECT, NEED),
    FORM("urge", ACTOR_SUBJECT, URGE),
    FORM("urged", ACTOR_SUBJECT, URGE),
    FORM("urges", ACTOR_SUBJECT, URGE),
    FORM("vow to", ACTOR_SUBJECT, COMMIT),
    FORM("vowed to", ACTOR_SUBJECT, COMMIT),
    FORM("will", ACTOR_SUBJECT | VOICE, WILL),
    FORM("willing to", ACTOR_SUBJECT | VOICE, INTEND),
    FORM("would be well served", ACTOR_SUBJECT, SHOULD),
    FORM("would do well to", ACTOR_SUBJECT, SHOULD),
};

#define LETTER(c) (1u << ((c) - 'a'))
/* The letters a form begins with: a word that opens with another letter
 * ("the", "to", "that", "this") is passed over at once. */
static const unsigned form_letters = LETTER('a') | LETTER('c') | LETTER('d') | LETTER('e') | LETTER('h') |
                                     LETTER('i') | LETTER('l') | LETTER('m') | LETTER('n') | LETTER('o') |
                                     LETTER('p') | LETTER('r') | LETTER('s') | LETTER('u') | LETTER('v') |
                                     LETTER('w');

/* Where the forms of each first letter begin in forms[], built once (by
 * whichever thread reads first): every word of every sentence looks there. */
static size_t form_from[26];
/* and, per first letter, the lengths their first words have (bit n: n
 * letters, up to 31): a word of another length is no form's first, and
 * is passed over before the loop, whose branches the processor cannot
 * guess */
static uint32_t first_word_lengths[26];
static pthread_once_t forms_indexed = PTHREAD_ONCE_INIT;

static void index_forms(void)
{
    for (int c = 0; c < 26; c++) {
        size_t k = 0;
        while (k < COUNT(forms) && forms[k].words[0] < 'a' + c)
            k++;
        form_from[c] = k;
    }
    for (size_t k = 0; k < COUNT(forms); k++) {
        /* its letters up to a space or the end, as form_at counts them */
        const char *f = forms[k].words;
        size_t w = 0;
        while (isalpha((unsigned char)f[w]))
            w++;
        if (w < 32 && (f[w] == ' ' || f[w] == '\0'))
            first_word_lengths[f[0] - 'a'] |= 1u << w;
    }
}

/* Length of the form at s (a word start), or 0, and its index. Every word
 * of every sentence comes here: the forms are sorted, an index by first
 * letter finds the few that may match, and the length of the word rules
 * out most of them before any comparison. In a title ("State Should
 * Require Plans"), a capital opens the form too. */
static size_t form_at(const char *s, bool title, size_t *which)
{
    char first = title ? (char)tolower((unsigned char)s[0]) : s[0];
    if (first < 'a' || first > 'z' || !(form_letters & LETTER(first)) || !isalpha((unsigned char)s[1]) ||
        !isalpha((unsigned char)s[2]))
        return 0; /* no form opens with a word of one or two letters */
    pthread_once(&forms_indexed, index_forms);
    size_t lo = form_from[first - 'a'];
    size_t w = 1;
    while (isalpha((unsigned char)s[w]))
        w++;
    if (w >= 32 || !(first_word_lengths[first - 'a'] & (1u << w)))
        return 0;
    for (size_t k = lo; k < COUNT(forms) && forms[k].words[0] == first; k++) {
        size_t n = forms[k].len;
        if (n < w || (forms[k].words[w] != ' ' && forms[k].words[w] != '\0'))
            continue;
        if (s[1] == forms[k].words[1] && strncmp(s + 1, forms[k].words + 1, n - 1) == 0 &&
            !isalpha((unsigned char)s[n])) {
            *which = k;
            return n;
        }
    }
    return 0;
}

bool rg_directive_forms_sorted(void)
{
    for (size_t k = 0; k < COUNT(forms); k++)
        if ((k > 0 && strcmp(forms[k - 1].words, forms[k].words) >= 0) || !(form_letters & LETTER(forms[k].words[0])) ||
            word_len(forms[k].words) < 3)
            return false;
    return true;
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

/* Does s[0..n) open with a subordinating conjunction: "while", "if" ...? */
static bool subordinate_clause(const char *s, size_t n)
{
    static const char *const conjunctions[] = {"after",  "although", "as",     "because", "before", "if",
                                               "once",   "since",    "though", "unless",  "until",  "when",
                                               "whereas", "while"};
    const char *w = skip_spaces(s);
    return (size_t)(w - s) < n && word_in(w, word_len(w), conjunctions, COUNT(conjunctions));
}

/* The offset of the first word of s[0..n) in the list, or RG_NONE. */
static size_t find_word(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < n;) {
        size_t len = word_len(s + i);
        if (len && (i == 0 || !isalpha((unsigned char)s[i - 1]))) {
            if (i + len <= n && word_in(s + i, len, list, count))
                return i;
            i += len;
        } else {
            i++;
        }
    }
    return RG_NONE;
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
 * word before the first preposition, adverbs set aside. With named, only
 * a name counts ("U.S. Forces Japan could"), not a noun for people who act
 * ("officials could"). */
static bool actor_subject(const char *t, size_t start, size_t end, const rg_span *actors, size_t n_actors,
                          bool named)
{
    size_t cut = find_word(t + start + 1, end > start + 1 ? end - start - 1 : 0, prepositions, COUNT(prepositions));
    cut = cut == RG_NONE ? end : start + 1 + cut;
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
        /* an adverb or an auxiliary between subject and form: "we have
         * also committed to", "the leaders are committed to" */
        if (b > start && (is_adverb(t + b, e - b) || auxiliary(t + b, e - b))) {
            e = b;
            continue;
        }
        for (size_t k = 0; k < n_actors; k++)
            if (actors[k].start < e && actors[k].start + actors[k].len >= e)
                return true;
        size_t n = e - b;
        if (n > 2 && t[e - 2] == '\'' && t[e - 1] == 's')
            n -= 2;
        return !named && actor_noun(t + b, n);
    }
}

/* Does the form at i share the subject of the sentence's main clause: "We
 * support X, and look forward to ...", "The two leaders discussed X and
 * will continue ...", "We begin 2023 together, newly committed to ..."?
 * Only a conjunction and adverbs stand between it and the clause before. */
static bool shares_the_subject(const char *t, size_t i)
{
    static const char *const joins[] = {"and", "or", "but", "then"};
    size_t e = i;
    for (;;) {
        while (e > 0 && t[e - 1] == ' ')
            e--;
        if (e == 0)
            return false;
        if (t[e - 1] == ',')
            return true;
        size_t b = e;
        while (b > 0 && isalpha((unsigned char)t[b - 1]))
            b--;
        if (b == e)
            return false;
        if (word_in(t + b, e - b, joins, COUNT(joins)))
            return true;
        if (!is_adverb(t + b, e - b))
            return false;
        e = b;
    }
}

/* Is the subject of the sentence's main clause an actor: its first
 * segment that is no adverbial opens with "we", "the two leaders" or a
 * name? */
static bool opening_actor(const char *t, const rg_span *actors, size_t n_actors)
{
    size_t b = 0;
    while (t[b]) {
        size_t e = b + strcspn(t + b, ",");
        if (!adverbial_segment(t + b, e - b)) {
            const char *w = skip_spaces(t + b);
            for (int k = 0; k < 3 && *w; k++) {
                size_t n = word_len(w);
                for (size_t a = 0; a < n_actors; a++)
                    if (actors[a].start == (size_t)(w - t))
                        return true;
                if (actor_noun(w, n))
                    return true;
                w = skip_spaces(w + n);
            }
            return false;
        }
        b = t[e] ? e + 1 : e;
    }
    return false;
}

/* Where the leaders named before the modal begin: the subject segment and
 * the segments joined to it ("The United States, together with Japan,
 * South Korea, and other like-minded countries, should ..."). */
static size_t leads_start(const char *t, size_t start)
{
    static const char *const joiners[] = {"together", "along", "alongside", "with", "and", "or"};
    static const char *const finite[] = {"have", "has", "had", "is", "are", "was", "were", "will", "would",
                                         "can", "should", "must", "do", "does", "did"};
    static const char *const pronouns[] = {"we", "they", "it", "he", "she", "i", "you"};
    /* "..., and we will ...": a clause of its own, its subject a pronoun */
    const char *w = skip_spaces(t + start);
    size_t len = word_len(w);
    if (word_in(w, len, joiners, COUNT(joiners))) {
        const char *next = skip_spaces(w + len);
        if (word_in(next, word_len(next), pronouns, COUNT(pronouns)))
            return start;
    }
    /* only across commas: "that the United States must" starts at "the" */
    while (start > 0 && strchr(",;:(", t[start - 1])) {
        size_t e = start - 1, b = e;
        while (b > 0 && !strchr(",;:(", t[b - 1]))
            b--;
        w = skip_spaces(t + b);
        len = word_len(w);
        /* "Together with Australia and India, we will ...": an opening
         * phrase names partners; and a segment with a verb of its own
         * ("we have stood together against X, and we will ...") is
         * another clause */
        if (find_word(t + b, e - b, finite, COUNT(finite)) != RG_NONE || (b == 0 && word_in(w, len, joiners, COUNT(joiners))))
            break;
        if (word_in(w, len, joiners, COUNT(joiners)) || !adverbial_segment(t + b, e - b))
            start = b;
        else
            break;
    }
    return start;
}

/* Does an embedded clause before offset at only frame the directive, so
 * that its modal is the sentence's own? "It is the sense of Congress that
 * the United States must ...", "President Yoon affirmed that the ROK
 * will ...": the words before its "that". */
static bool framing_clause(const char *t, size_t start, size_t end, bool *authors)
{
    static const char *const that[] = {"that"};
    size_t at = find_word(t + start, end - start, that, 1);
    *authors = false;
    if (at == RG_NONE || find_word(t + start + at + 4, end - start - at - 4, embedders, COUNT(embedders)) != RG_NONE)
        return false;
    static const char *const frames[] = {"congress", "senate", "house", "affirmed", "affirms", "reaffirmed",
                                         "reaffirm", "confirmed", "confirms", "declared", "declare"};
    char before[16];
    if (rg_word_before(t, start + at, before, sizeof before) == RG_NONE)
        return false;
    if (word_in(before, strlen(before), frames, COUNT(frames)))
        return true;
    /* the authors' thesis: "This brief argues that Washington should ...",
     * "We conclude that ...", "This report, ..., makes the case that ...";
     * not what others argue ("Some observers argue that ...") */
    static const char *const theses[] = {"argue",    "argues",   "argued",  "contend",  "contends", "conclude",
                                         "concludes", "believe", "believes", "propose", "proposes", "case"};
    static const char *const authors_words[] = {"this", "we", "i", "our"};
    if (!word_in(before, strlen(before), theses, COUNT(theses)))
        return false;
    for (size_t b = 0;;) {
        size_t e = b + strcspn(t + b, ",");
        if (!adverbial_segment(t + b, e - b)) {
            const char *w = skip_spaces(t + b);
            *authors = word_in(w, word_len(w), authors_words, COUNT(authors_words));
            return *authors;
        }
        if (!t[e])
            return false;
        b = e + 1;
    }
}

/* What follows the form at t[i..i+len) that unmakes it: "must not have
 * relinquished" (perfect), "will be part of" after a subject that is no
 * actor, "look forward to the summit" (an event, not a deed), "reaffirm
 * that" (an opinion, not a commitment). */
static bool unmade_by_what_follows(const char *t, size_t i, size_t len, int needs, bool actor)
{
    const char *after = skip_spaces(t + i + len);
    size_t w = word_len(after);
    /* "will likely", "will need to": a forecast, not a commitment */
    static const char *const forecasts[] = {"likely", "probably", "need", "certainly", "almost", "surely"};
    if (t[i] == 'w' && word_in(after, w, forecasts, COUNT(forecasts)))
        return true;
    while (w && (word_is(after, w, "not") || is_adverb(after, w))) {
        after = skip_spaces(after + w);
        w = word_len(after);
    }
    if (word_is(after, w, "have") || (word_is(after, w, "be") && !actor))
        return true;
    if ((needs & VERB_NEXT) && !(w > 4 && word_is(after + w - 3, 3, "ing")))
        return true;
    if (needs & COMMITMENT) {
        /* "reaffirm our commitment to", "reiterated the unwavering
         * commitment of the United States to": the object is a commitment */
        size_t n = strcspn(after, ",;");
        const char *c = strstr(after, "commitment");
        return !c || (size_t)(c - after) >= n || (size_t)(c - after) > 60;
    }
    if (needs & TO_LATER) {
        static const char *const to[] = {"to"};
        return find_word(after, strcspn(after, ".;"), to, 1) == RG_NONE;
    }
    return false;
}

/* A passive form at t[i..i+len) that directs: after "is" or "are" ("the
 * Ministry is encouraged to", "it is recommended that"; "was encouraged
 * to" reports what happened), and, unless a that-clause follows, with a
 * verb next ("is directed to expand", not "is directed to the Congress"). */
static bool present_passive(const char *t, size_t i, size_t len, int needs)
{
    static const char *const present[] = {"is", "are"};
    char before[8];
    if (rg_word_before(t, i, before, sizeof before) == RG_NONE || !word_in(before, strlen(before), present, COUNT(present)))
        return false;
    if (needs & THAT_CLAUSE)
        return true;
    const char *after = skip_spaces(t + i + len);
    return verb_word(after, word_len(after));
}

/* Where the subject of "recommends that X do" ends: past its names and
 * the small words between them ("OSTP, in coordination with ...": at the
 * comma). */
static size_t that_subject_end(const char *t, size_t from, const rg_span *actors, size_t n_actors)
{
    static const char *const small[] = {"the", "and", "of", "for", "on", "its", "their"};
    size_t i = from;
    for (;;) {
        while (t[i] == ' ')
            i++;
        bool inside = false;
        for (size_t k = 0; k < n_actors && !inside; k++)
            if (actors[k].start == i) {
                i += actors[k].len;
                inside = true;
            }
        if (inside)
            continue;
        size_t n = word_len(t + i);
        if (n == 0 || (islower((unsigned char)t[i]) && !word_in(t + i, n, small, COUNT(small))))
            return i;
        i += n;
    }
}

/* A lead-in to a list ("Officials should:") makes no recommendation of
 * its own; but a provision that ends in a dash ("the Task Force shall
 * provide a briefing ..., which shall—") does, when what is to be done
 * follows its form. */
static bool only_a_lead_in(const char *t, size_t n, size_t i, size_t len)
{
    if (t[n - 1] == ':')
        return true;
    if (n < 3 || strcmp(t + n - 3, "\xe2\x80\x94") != 0)
        return false;
    const char *after = skip_spaces(t + i + len);
    size_t words = 0;
    for (const char *p = after; *p && words < 3; p++)
        words += isalpha((unsigned char)*p) && (p == after || p[-1] == ' ');
    return words < 3;
}

size_t rg_directive_read(const char *t, const rg_span *actors, size_t n_actors, unsigned where, rg_directive *out)
{
    *out = (rg_directive){.at = RG_NONE};
    size_t n = strlen(t);
    if (n == 0 || t[n - 1] == '?')
        return RG_NONE; /* a question */
    bool title = where & RG_DIRECTIVE_TITLE;
    for (size_t i = 1; i < n; i++) {
        if (isalpha((unsigned char)t[i - 1]) || !isalpha((unsigned char)t[i]))
            continue;
        size_t which, len = form_at(t + i, title, &which);
        if (!len) {
            /* past the word at once: its letters start no form */
            while (i + 1 < n && isalpha((unsigned char)t[i + 1]))
                i++;
            continue;
        }
        const struct form *f = &forms[which];
        /* the cheap tests first: most words of a report are read here */
        bool named_only = (f->needs & NAMED_OUTSIDE_LIST) && !(where & RG_DIRECTIVE_ITEM);
        if (((f->needs & VOICE) && !(where & RG_DIRECTIVE_VOICE)) || (named_only && !proposes_a_deed(t + i + len)))
            continue;
        /* "need to" after "will", "to", "and": no order of its own; nor
         * is a form denied ("did not plan to") */
        static const char *const not_before_need[] = {"will",  "would", "may", "might", "can",
                                                      "could", "to",    "and", "or"};
        static const char *const denials[] = {"not", "never", "did", "does", "do"};
        char before[8];
        if (rg_word_before(t, i, before, sizeof before) != RG_NONE &&
            (f->words[0] == 'n' ? word_in(before, strlen(before), not_before_need, COUNT(not_before_need))
                                : word_in(before, strlen(before), denials, COUNT(denials))))
            continue;
        if (!(where & RG_DIRECTIVE_LEAD_IN) && only_a_lead_in(t, n, i, len))
            continue;
        size_t s_start, s_end;
        subject_segment(t, i, &s_start, &s_end);
        size_t author_end = 0, embedded = find_word(t + s_start, s_end - s_start, embedders, COUNT(embedders));
        if (embedded != RG_NONE) {
            bool authors;
            if (!framing_clause(t, s_start, s_end, &authors))
                continue;
            /* the subject is the framed clause's: "that the United States" */
            s_start += embedded + 4;
            if (authors || (strstr(t, "sense of") && strstr(t, "sense of") < t + s_start))
                author_end = s_start; /* "It is the sense of Congress that", "This brief argues that" */
        }
        /* "This report recommends that the Department ...": who recommends
         * may be the document; who is to act is an actor */
        bool actor = actor_subject(t, s_start, s_end, actors, n_actors, false) ||
                     (shares_the_subject(t, i) && opening_actor(t, actors, n_actors)) ||
                     ((f->needs & THAT_CLAUSE) &&
                      actor_subject(t, i + len, that_subject_end(t, i + len, actors, n_actors), actors, n_actors, false));
        if (unmade_by_what_follows(t, i, len, f->needs, actor))
            continue;
        if ((f->needs & ACTOR_SUBJECT) && !actor)
            continue;
        /* outside a list, "could" proposes only what a named actor might do
         * ("U.S. Forces Japan could also assign ..."), and only a deed (not
         * "could help", "could be", "could not": passed over above) */
        if (named_only && (!actor_subject(t, s_start, s_end, actors, n_actors, true) || conditioned(t, s_start)))
            continue;
        if ((f->needs & PASSIVE) && !present_passive(t, i, len, f->needs))
            continue;
        /* "Washington and Seoul have committed to ...": in a report, what
         * was done; in a joint statement, what its parties bind themselves to */
        static const char *const perfect[] = {"have", "has", "had"};
        if (!(where & RG_DIRECTIVE_VOICE) && rg_word_before(t, i, before, sizeof before) != RG_NONE &&
            word_in(before, strlen(before), perfect, COUNT(perfect)))
            continue;
        /* "While Washington and Seoul both seek to ...": a subordinate
         * clause's verb */
        if (subordinate_clause(t + s_start, s_end - s_start))
            continue;
        out->at = i;
        out->modality = f->modality;
        out->subject = leads_start(t, s_start);
        out->subject_end = i;
        out->author_end = author_end;
        if (f->needs & THAT_CLAUSE) {
            out->author_end = i;
            out->subject = i + len;
            out->subject_end = that_subject_end(t, i + len, actors, n_actors);
        }
        return i;
    }
    return RG_NONE;
}

rg_modality rg_directive_lead_in(const char *t, const rg_span *actors, size_t n_actors, unsigned where,
                                 rg_directive *out)
{
    /* the end of the words, past the colon or dash and any adverb ("The two
     * governments should also:") */
    size_t e = strlen(t);
    while (e > 0 && (t[e - 1] == ':' || t[e - 1] == '-' || t[e - 1] == ' '))
        e--;
    if (e >= 3 && strncmp(t + e - 3, "\xe2\x80\x94", 3) == 0)
        e -= 3;
    if (e == strlen(t))
        return RG_MODALITY_NONE; /* no lead-in */
    for (;;) {
        size_t b = e;
        while (b > 0 && isalpha((unsigned char)t[b - 1]))
            b--;
        if (b == e || b == 0 || !is_adverb(t + b, e - b))
            break;
        e = b;
        while (e > 0 && t[e - 1] == ' ')
            e--;
    }
    /* a form ends there ("should", "decided to"), or a purpose
     * ("in order to") follows the directive */
    bool ends = false;
    size_t words = 0;
    for (size_t b = e; b > 0 && words < 3 && !ends; b--) {
        if (isalpha((unsigned char)t[b - 1]) || (b < e && !isalpha((unsigned char)t[b])))
            continue;
        words++;
        size_t which, len = form_at(t + b, false, &which);
        ends = (len && b + len == e) || (e - b == strlen("in order to") && strncmp(t + b, "in order to", e - b) == 0);
    }
    size_t at = rg_directive_read(t, actors, n_actors, where | RG_DIRECTIVE_LEAD_IN, out);
    if (at == RG_NONE)
        return RG_MODALITY_NONE;
    /* "recommends that U.S. and ROK policymakers:": the items say what they
     * are to do, when no verb of the lexicon follows the subject */
    if (!ends && out->modality == RG_MODALITY_RECOMMEND) {
        ends = true;
        for (size_t b = out->subject_end; b < e && ends; b++)
            if (isalpha((unsigned char)t[b]) && !isalpha((unsigned char)t[b - 1]))
                ends = !verb_word(t + b, word_len(t + b));
    }
    if (ends)
        return out->modality;
    *out = (rg_directive){.at = RG_NONE};
    return RG_MODALITY_NONE;
}

size_t rg_directive_modal(const char *t, const rg_span *actors, size_t n_actors, bool list_item,
                          size_t *subject_start)
{
    rg_directive d;
    size_t at = rg_directive_read(t, actors, n_actors, list_item ? RG_DIRECTIVE_ITEM : 0, &d);
    if (at != RG_NONE && subject_start)
        *subject_start = d.subject;
    return at;
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
        if (!isalpha((unsigned char)p[-1]) && form_at(p, false, &which) && !(forms[which].needs & ACTOR_SUBJECT))
            return true;
    }
    return false;
}
