/* A PDF's layout (the runs of text pdf.c gets from poppler) assembled into
 * the blocks the Markdown reader makes, so that extraction reads a PDF as
 * it reads any report:
 *
 *   - running headers and footers (a line in a page's top or bottom margin
 *     repeated on other pages, digits aside; a page number) are dropped;
 *   - the runs on one baseline make a line ("•" and its text);
 *   - a page's lines are read in order: columns (two, a "Highlights"
 *     page, or three) one after the other, band by band where a line spans
 *     them; a sidebar in a smaller type after the paragraph it stands
 *     beside, when that paragraph runs on below it; side headings in a
 *     left margin before the text beside them;
 *   - the cover, the table of contents, figures and tables (from their
 *     "Figure 3:" title to the text in the body's type) are set apart as
 *     front matter, footnotes (from a line that opens with a small raised
 *     number, at the foot of a page) as notes: neither breaks the paragraph
 *     it falls in;
 *   - lines join into headings (a size above the body's, or bold), list
 *     items (a bullet, "1.", "(a)") and paragraphs (by the space between
 *     lines, and across a page or column while the sentence goes on);
 *   - an abbreviations table ("CDC   Centers for Disease ...") becomes rows
 *     "CDC (Centers for Disease ...)", which define the acronyms as a
 *     sentence of the report would.
 *
 * Every line kept gets the next line number of the document, page after
 * page; the document records where each page starts (rg_doc_page).
 */
#include "graph/read/doc_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- The text, as pdf.c hands it over ---- */

static char *font_family(const char *font)
{
    const char *plus = strchr(font, '+');
    if (plus && plus - font == 6)
        font = plus + 1; /* a subset's tag: "ABCDEF+Century-Book" */
    size_t n = strcspn(font, "-,");
    return rg_strndup(font, n);
}

int rg_pdf_add_page(rg_pdf_text *t, float width, float height)
{
    if (rg_reserve((void **)&t->pages, &t->cap_pages, t->n_pages, sizeof *t->pages) < 0)
        return -1;
    t->pages[t->n_pages++] = (rg_pdf_page){width, height};
    return 0;
}

static int font_index(rg_pdf_text *t, const char *font)
{
    char *family = font_family(font);
    if (!family)
        return -1;
    for (size_t i = 0; i < t->n_fonts; i++)
        if (strcmp(t->fonts[i], family) == 0) {
            free(family);
            return (int)i;
        }
    if (rg_reserve((void **)&t->fonts, &t->cap_fonts, t->n_fonts, sizeof *t->fonts) < 0) {
        free(family);
        return -1;
    }
    t->fonts[t->n_fonts] = family;
    return (int)t->n_fonts++;
}

int rg_pdf_add_frag(rg_pdf_text *t, const rg_pdf_frag *f, const char *font, const char *text, size_t n)
{
    if (n == 0)
        return 0; /* a run with no text is none */
    if (t->n_pages == 0 && rg_pdf_add_page(t, 612, 792) < 0)
        return -1;
    int fi = font_index(t, font ? font : "");
    if (fi < 0 || rg_reserve((void **)&t->frags, &t->cap_frags, t->n_frags, sizeof *t->frags) < 0)
        return -1;
    rg_pdf_frag g = *f;
    g.page = (int)t->n_pages;
    g.font = fi;
    if (!(g.text = rg_strndup(text, n)))
        return -1;
    /* what a broken font maps its glyphs to: control characters become
     * spaces, bytes that are no UTF-8 a '?' */
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)g.text[i] < 0x20)
            g.text[i] = ' ';
    for (long bad; (bad = rg_utf8_invalid_at(g.text, n)) >= 0;)
        g.text[bad] = '?';
    t->frags[t->n_frags++] = g;
    t->bytes += n;
    return 0;
}

void rg_pdf_text_free(rg_pdf_text *t)
{
    for (size_t i = 0; i < t->n_frags; i++)
        free(t->frags[i].text);
    for (size_t i = 0; i < t->n_fonts; i++)
        free(t->fonts[i]);
    free(t->frags);
    free(t->fonts);
    free(t->pages);
    free(t->title);
    *t = (rg_pdf_text){0};
}

/* ---- Lines of a page ---- */

typedef enum role {
    ROLE_BODY,
    ROLE_FRONT, /* cover, contents, figures and tables */
    ROLE_NOTE,  /* a footnote */
    ROLE_ASIDE, /* a sidebar: body text read after the paragraph it stands beside */
    ROLE_ROW,   /* a row of an abbreviations table, its text rewritten */
    ROLE_GONE,  /* merged into another pline */
} role;

typedef struct pline {
    float x0, y0, x1, y1, size;
    unsigned flags;
    int font;
    role role;
    char *text;
    /* reading order */
    int band, side;
    float key;
    float right; /* the right edge of the text of its column */
} pline;

/* The type of the body text, what headings and notes stand out from. */
typedef struct style {
    float size;
    int font;
    bool bold;
} style;

static bool heading_like(const pline *l, const style *st)
{
    return l->size >= st->size * 1.12f || ((l->flags & RG_PDF_BOLD) && !st->bold);
}

static bool smaller(const pline *l, const style *st)
{
    return l->size < st->size * 0.95f;
}

/* The most common size and font of the runs from..to, weighed by their
 * length. */
static style body_style(const rg_pdf_text *t, size_t from, size_t to, const bool *gone)
{
    float sizes[64] = {0};
    size_t weight[64] = {0}, n_sizes = 0;
    size_t *font_weight = calloc(t->n_fonts ? t->n_fonts : 1, sizeof *font_weight);
    size_t bold = 0, all = 0;
    for (size_t i = from; i < to; i++) {
        const rg_pdf_frag *f = &t->frags[i];
        if (gone[i])
            continue;
        size_t w = strlen(f->text), k = 0;
        while (k < n_sizes && fabsf(sizes[k] - f->size) > 0.25f)
            k++;
        if (k == n_sizes && n_sizes < 64)
            sizes[n_sizes++] = f->size;
        if (k < n_sizes)
            weight[k] += w;
        if (font_weight && f->font >= 0 && (size_t)f->font < t->n_fonts)
            font_weight[f->font] += w;
        bold += f->flags & RG_PDF_BOLD ? w : 0;
        all += w;
    }
    style st = {.size = 10, .font = -1, .bold = bold * 2 > all};
    size_t best = 0;
    for (size_t k = 0; k < n_sizes; k++)
        if (weight[k] > best) {
            best = weight[k];
            st.size = sizes[k];
        }
    best = 0;
    for (size_t k = 0; font_weight && k < t->n_fonts; k++)
        if (font_weight[k] > best) {
            best = font_weight[k];
            st.font = (int)k;
        }
    free(font_weight);
    return st;
}

/* ---- Running headers and footers ---- */

/* A page number alone: "12", "iv", "Page 12", "Page ii", "- 3 -", "12 of 40". */
static bool page_number(const char *s)
{
    while (*s == ' ' || *s == '-')
        s++;
    if (rg_doc_starts_with_ci(s, strlen(s), "page "))
        s += 5;
    size_t d = strspn(s, "0123456789");
    size_t r = d ? 0 : strspn(s, "ivxlcIVXLC");
    if (!d && !r)
        return false;
    s += d + r;
    if (rg_doc_starts_with_ci(s, strlen(s), " of "))
        s += 4 + strspn(s + 4, "0123456789");
    while (*s == ' ' || *s == '-')
        s++;
    return *s == '\0';
}

typedef struct margin_key {
    char *key;
    int page;
    size_t frag;
} margin_key;

static int compare_keys(const void *a, const void *b)
{
    const margin_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->page > y->page) - (x->page < y->page);
}

/* The text of a run with its digits as '#' and in lowercase: "Page 12
 * GAO-07-283" and "Page 13 GAO-07-283" are one running footer. */
static char *margin_text(const char *s)
{
    char *k = rg_strdup(s);
    for (char *q = k; q && *q; q++)
        *q = isdigit((unsigned char)*q) ? '#' : (char)tolower((unsigned char)*q);
    return k;
}

static bool in_margin(const rg_pdf_text *t, const rg_pdf_frag *f)
{
    const rg_pdf_page *pg = &t->pages[f->page - 1];
    float h = pg->height > 0 ? pg->height : 792;
    return f->y1 < h * 0.09f || f->y0 > h * 0.91f;
}

/* Mark gone[i] for every run in a page's top or bottom margin that is a
 * page number or repeats on other pages (three, or two of a short PDF). */
static int drop_running_lines(const rg_pdf_text *t, bool *gone)
{
    margin_key *keys = malloc((t->n_frags ? t->n_frags : 1) * sizeof *keys);
    if (!keys)
        return -1;
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < t->n_frags && rc == 0; i++) {
        const rg_pdf_frag *f = &t->frags[i];
        if (!in_margin(t, f))
            continue;
        if (page_number(f->text)) {
            gone[i] = true;
            continue;
        }
        keys[n] = (margin_key){margin_text(f->text), f->page, i};
        rc = keys[n].key ? 0 : -1;
        n += rc == 0;
    }
    qsort(keys, n, sizeof *keys, compare_keys);
    size_t need = t->n_pages <= 4 ? 2 : 3;
    for (size_t i = 0; i < n;) {
        size_t j = i, pages = 0;
        for (; j < n && strcmp(keys[j].key, keys[i].key) == 0; j++)
            pages += j == i || keys[j].page != keys[j - 1].page;
        for (size_t k = i; k < j && pages >= need; k++)
            gone[keys[k].frag] = true;
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        free(keys[i].key);
    free(keys);
    return rc;
}

/* ---- Lines from runs ---- */

static int compare_left(const void *a, const void *b)
{
    const pline *x = a, *y = b;
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Does run b, right of a, go on a's line: the same baseline, a gap no
 * wider than a space or two (a bullet may stand further from its text),
 * a like size? */
static bool joins(const pline *a, const pline *b)
{
    float least = a->size < b->size ? a->size : b->size;
    float gap = b->x0 - a->x1;
    bool marker = strlen(a->text) <= 3;
    if (fabsf(a->y1 - b->y1) > least * 0.35f || gap < -1 || gap > least * (marker ? 2.0f : 1.2f))
        return false;
    return marker || (a->size <= b->size * 1.3f && b->size <= a->size * 1.3f);
}

/* Append b to a (b is gone); -1 when out of memory. */
static int join_runs(pline *a, pline *b)
{
    size_t na = strlen(a->text), nb = strlen(b->text);
    char *joined = malloc(na + nb + 2);
    if (!joined)
        return -1;
    memcpy(joined, a->text, na);
    joined[na] = ' ';
    memcpy(joined + na + 1, b->text, nb + 1);
    free(a->text);
    a->text = joined;
    if (b->size > a->size && nb > na) {
        a->size = b->size;
        a->flags = b->flags;
        a->font = b->font;
    }
    a->x1 = b->x1 > a->x1 ? b->x1 : a->x1;
    a->y0 = b->y0 < a->y0 ? b->y0 : a->y0;
    a->y1 = b->y1 > a->y1 ? b->y1 : a->y1;
    b->role = ROLE_GONE;
    return 0;
}

/* Join the runs of one page that share a baseline and touch ("•" and the
 * text after it) into lines; *n_out lines, or NULL when out of memory. */
static pline *page_lines(const rg_pdf_text *t, size_t from, size_t to, const bool *gone, size_t *n_out)
{
    pline *ls = calloc(to - from + 1, sizeof *ls);
    if (!ls)
        return NULL;
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        const rg_pdf_frag *f = &t->frags[i];
        if (gone[i])
            continue;
        ls[n] = (pline){f->x0, f->y0, f->x1, f->y1, f->size, f->flags, f->font, ROLE_BODY, rg_strdup(f->text), 0, 0, 0, 0};
        if (!ls[n].text)
            goto nomem;
        n++;
    }
    /* the run on the right joins the one on its left: left to right, so
     * that a line grows in one pass */
    qsort(ls, n, sizeof *ls, compare_left);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && ls[i].role != ROLE_GONE; j++)
            if (ls[j].role != ROLE_GONE && joins(&ls[i], &ls[j]) && join_runs(&ls[i], &ls[j]) < 0)
                goto nomem;
    *n_out = n;
    return ls;
nomem:
    for (size_t k = 0; k < n; k++)
        free(ls[k].text);
    free(ls);
    return NULL;
}

/* ---- Reading order ---- */

typedef struct channel {
    float x0, x1; /* a gap no narrow line crosses, or x0 >= x1 */
    size_t left, right; /* the lines wholly on either side */
} channel;

/* At most this many columns on a page. */
#define MAX_CHANNELS 3

/* The vertical gaps between columns of a page's lines, left to right, with
 * lines wholly on either side: lines narrower than most of the text's
 * width leave them empty, or, failing that, all but two (a title over the
 * columns). The widest comes first in the search; others join it when
 * each column they make holds three lines or more. Returns how many. */
static size_t find_channels(const pline *ls, size_t n, channel out[MAX_CHANNELS])
{
    float lo = 1e9f, hi = -1e9f;
    for (size_t i = 0; i < n; i++)
        if (ls[i].role != ROLE_GONE) {
            lo = ls[i].x0 < lo ? ls[i].x0 : lo;
            hi = ls[i].x1 > hi ? ls[i].x1 : hi;
        }
    if (hi - lo < 100 || hi > 5000 || lo < 0)
        return 0;
    size_t width = (size_t)hi + 2;
    unsigned char *cover = calloc(width, 1);
    if (!cover)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ls[i].role != ROLE_GONE && ls[i].x1 - ls[i].x0 < (hi - lo) * 0.8f)
            for (size_t x = (size_t)ls[i].x0; x <= (size_t)ls[i].x1 && x < width; x++)
                cover[x] += cover[x] < 255;
    size_t found = 0;
    channel gaps[16];
    /* clear gaps first; else ones a title or two cross, over the columns */
    for (unsigned crossing = 0; crossing <= 2 && found == 0; crossing += 2) {
        for (size_t x = (size_t)lo + 1; x < (size_t)hi;) {
            if (cover[x] > crossing) {
                x++;
                continue;
            }
            size_t e = x;
            while (e < (size_t)hi && cover[e] <= crossing)
                e++;
            channel c = {(float)x, (float)e, 0, 0};
            for (size_t i = 0; i < n; i++) {
                c.left += ls[i].role != ROLE_GONE && ls[i].x1 <= c.x0 + 0.5f;
                c.right += ls[i].role != ROLE_GONE && ls[i].x0 >= c.x1 - 0.5f;
            }
            if (e - x >= 4 && c.left && c.right && found < COUNT(gaps))
                gaps[found++] = c;
            x = e;
        }
    }
    free(cover);
    if (found == 0)
        return 0;
    size_t widest = 0;
    for (size_t k = 1; k < found; k++)
        if (gaps[k].x1 - gaps[k].x0 > gaps[widest].x1 - gaps[widest].x0)
            widest = k;
    /* the widest, and those beside it that leave three lines or more in
     * every column between them, nearest first */
    size_t first = widest, last = widest;
    for (bool grew = true; grew && last - first + 1 < MAX_CHANNELS;) {
        grew = false;
        for (int side = 0; side < 2 && !grew; side++) {
            if ((side == 0 && first == 0) || (side == 1 && last + 1 >= found))
                continue;
            size_t from = side == 0 ? first - 1 : first, to = side == 0 ? last : last + 1;
            bool full = true;
            for (size_t k = from; k <= to + 1 && full; k++) {
                float x0 = k == from ? -1e9f : gaps[k - 1].x1, x1 = k > to ? 1e9f : gaps[k].x0;
                size_t lines = 0;
                for (size_t i = 0; i < n; i++)
                    lines += ls[i].role != ROLE_GONE && ls[i].x0 >= x0 - 0.5f && ls[i].x1 <= x1 + 0.5f;
                full = lines >= 3;
            }
            if (full) {
                first = from, last = to;
                grew = true;
            }
        }
    }
    for (size_t k = first; k <= last; k++)
        out[k - first] = gaps[k];
    return last - first + 1;
}

static int compare_order(const void *a, const void *b)
{
    const pline *x = *(const pline *const *)a, *y = *(const pline *const *)b;
    if (x->band != y->band)
        return x->band < y->band ? -1 : 1;
    if (x->side != y->side)
        return x->side < y->side ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Where the body's lines start: the left edge most lines in the body's
 * size share. */
static float body_left(const pline *ls, size_t n, const style *st)
{
    float best = 0;
    size_t best_n = 0;
    for (size_t i = 0; i < n; i++) {
        if (ls[i].role == ROLE_GONE || fabsf(ls[i].size - st->size) > 0.5f)
            continue;
        size_t k = 0;
        for (size_t j = 0; j < n; j++)
            k += ls[j].role != ROLE_GONE && fabsf(ls[j].x0 - ls[i].x0) < 2;
        if (k > best_n) {
            best_n = k;
            best = ls[i].x0;
        }
    }
    return best;
}

/* A side heading: set as a heading, wholly left of where the body starts. */
static bool side_heading(const pline *l, float left, const style *st)
{
    return l->x1 < left - 2 && heading_like(l, st);
}

/* Side headings in the left margin: each group of them is read just
 * before the text it stands beside. ls is sorted top to bottom. */
static void order_margin(pline *ls, size_t n, float left, const style *st)
{
    float group_key = 0, last_y1 = -1e9f;
    for (size_t i = 0; i < n; i++) {
        pline *l = &ls[i];
        l->band = 0;
        l->side = 0;
        if (!side_heading(l, left, st)) {
            l->key = l->y0;
            continue;
        }
        if (l->y0 - last_y1 > l->size)
            group_key = l->y0 - l->size * 0.5f;
        l->key = group_key + (l->y0 - group_key) * 0.001f;
        last_y1 = l->y1;
    }
}

/* Does the line cross one of the channels? */
static bool spans(const pline *l, const channel *cs, size_t nc)
{
    for (size_t k = 0; k < nc; k++)
        if (l->x0 < cs[k].x0 - 0.5f && l->x1 > cs[k].x1 + 0.5f)
            return true;
    return false;
}

/* Columns: band by band (a line across a channel ends one), left to right;
 * a title above them first. */
static void order_columns(pline *ls, size_t n, const channel *cs, size_t nc, const style *st)
{
    /* a title over the columns, though in one of them: a heading's type,
     * more than two lines above the columns' first text */
    float text_top = 1e9f;
    for (size_t i = 0; i < n; i++)
        if (!heading_like(&ls[i], st) && ls[i].size >= st->size * 0.9f && ls[i].y0 < text_top)
            text_top = ls[i].y0;
    for (size_t i = 0; i < n; i++) {
        pline *l = &ls[i];
        if (heading_like(l, st) && l->y1 < text_top - 2 * st->size) {
            l->band = -1;
            l->side = 0;
            l->key = l->y0;
            continue;
        }
        bool across = spans(l, cs, nc);
        int before = 0;
        for (size_t k = 0; k < n; k++) {
            const pline *s = &ls[k];
            before += s->role != ROLE_GONE && k != i && spans(s, cs, nc) && (s->y0 < l->y0 || (s->y0 == l->y0 && k < i));
        }
        l->band = across ? 2 * before + 1 : 2 * before;
        l->side = 0;
        for (size_t k = 0; k < nc && !across; k++)
            l->side += l->x0 >= cs[k].x1 - 0.5f;
        l->key = l->y0;
    }
}

/* Does the text end where a sentence may end? */
static bool ends_sentence(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n == 0 || strchr(".!?:;\"", s[n - 1]);
}

/* A sidebar: a column of a band (order is in reading order) set in a
 * smaller type than the body, beside a column in the body's type whose
 * paragraph runs on past the band. Its lines are read after that
 * paragraph ends, rather than cut it in two. */
static void find_asides(pline **order, size_t n, const style *st)
{
    for (size_t i = 0; i < n;) {
        size_t j = i, small = 0, lines = 0;
        for (; j < n && order[j]->band == order[i]->band && order[j]->side == order[i]->side; j++) {
            lines += order[j]->role == ROLE_BODY;
            small += order[j]->role == ROLE_BODY && order[j]->size < st->size - 0.5f;
        }
        /* the last line of the body's type beside it, in the same band */
        const pline *beside = NULL;
        size_t body = 0;
        for (size_t k = 0; k < n; k++)
            if (order[k]->band == order[i]->band && order[k]->side != order[i]->side &&
                order[k]->role == ROLE_BODY && fabsf(order[k]->size - st->size) <= 0.5f) {
                body++;
                beside = order[k];
            }
        if (lines >= 2 && small * 5 >= lines * 4 && body >= 3 && !ends_sentence(beside->text))
            for (size_t k = i; k < j; k++)
                if (order[k]->role == ROLE_BODY)
                    order[k]->role = ROLE_ASIDE;
        i = j;
    }
}

/* Sort the page's lines into reading order: *out gets pointers. */
static int order_page(pline *ls, size_t n, const style *st, pline ***out, size_t *n_out)
{
    /* lines are sorted top to bottom first, which the margin groups need */
    pline **order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return -1;
    channel cs[MAX_CHANNELS];
    size_t nc = find_channels(ls, n, cs);
    float left = body_left(ls, n, st);
    /* two columns of three lines or more each, unless the left one holds
     * only side headings */
    bool headings = true;
    for (size_t i = 0; i < n && headings && nc; i++)
        if (ls[i].role != ROLE_GONE && ls[i].x1 <= cs[0].x0 + 0.5f)
            headings = side_heading(&ls[i], left, st) || ls[i].role != ROLE_BODY;
    bool columns = !headings && nc > 0 && cs[0].left >= 3 && cs[nc - 1].right >= 3;
    for (size_t i = 0; i < n; i++) {
        ls[i].band = ls[i].side = 0;
        ls[i].key = ls[i].y0;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ls[i].role != ROLE_GONE)
            order[k++] = &ls[i];
    qsort(order, k, sizeof *order, compare_order); /* top to bottom */
    {
        /* the margin's groups are found top to bottom */
        pline *sorted = malloc((k ? k : 1) * sizeof *sorted);
        if (!sorted) {
            free(order);
            return -1;
        }
        for (size_t i = 0; i < k; i++)
            sorted[i] = *order[i];
        if (columns)
            order_columns(sorted, k, cs, nc, st);
        else
            order_margin(sorted, k, left, st);
        for (size_t i = 0; i < k; i++)
            *order[i] = sorted[i];
        free(sorted);
        qsort(order, k, sizeof *order, compare_order);
    }
    *out = order;
    *n_out = k;
    return 0;
}

/* ---- What is set apart: contents, cover, figures, footnotes ---- */

static bool says(const char *s, const char *word)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n == strlen(word) && rg_doc_starts_with_ci(s, n, word);
}

/* Does the line end with a page number, as a line of contents does
 * ("Conclusions 38", or a "38" of its own)? */
static bool ends_with_number(const char *s)
{
    const char *space = strrchr(s, ' ');
    const char *w = space ? space + 1 : s;
    size_t n = strlen(w);
    return n > 0 && n <= 4 && (strspn(w, "0123456789") == n || strspn(w, "ivxl") == n);
}

/* A table of contents: a page headed "Contents", or a page after one
 * whose lines end with page numbers. */
static bool contents_page(const pline *ls, size_t n, const rg_pdf_page *pg, bool after_contents)
{
    size_t numbered = 0, all = 0;
    for (size_t i = 0; i < n; i++) {
        if (ls[i].role == ROLE_GONE)
            continue;
        if (ls[i].y0 < pg->height * 0.35f && (says(ls[i].text, "contents") || says(ls[i].text, "table of contents")))
            return true;
        all++;
        numbered += ends_with_number(ls[i].text);
    }
    return after_contents && all > 0 && numbered * 10 >= all * 3;
}

/* An acronym as a table lists it: "CDC", "EPAct", "R&D", "H.R.". */
static bool acronym_like(const char *s)
{
    size_t n = strlen(s), upper = 0;
    if (n < 2 || n > 12 || !(isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isalnum((unsigned char)s[i]) && !strchr("&/-.", s[i]))
            return false;
        upper += isupper((unsigned char)s[i]) != 0;
    }
    return upper >= 2;
}

/* The line at the right of sf on its baseline, or of the line above it
 * (prev) on the next baseline: a long form and its wrapped lines. */
static pline *right_of(pline *ls, size_t n, const pline *sf, const pline *prev)
{
    pline *best = NULL;
    for (size_t i = 0; i < n; i++) {
        pline *l = &ls[i];
        if (l->role != ROLE_BODY || l->x0 < sf->x1 + 4)
            continue;
        bool same = !prev && (fabsf(l->y1 - sf->y1) < 2 || fabsf(l->y0 - sf->y0) < 2);
        bool next = prev && l->y0 > prev->y0 + 1 && l->y0 < prev->y1 + prev->size * 0.8f &&
                    fabsf(l->x0 - prev->x0) < 30;
        if ((same || next) && (!best || l->x0 < best->x0))
            best = l;
    }
    return best;
}

/* An acronym of the table starting at y, under the heading h. */
static pline *next_acronym(pline *ls, size_t n, const pline *h, float y)
{
    pline *best = NULL;
    for (size_t i = 0; i < n; i++) {
        pline *l = &ls[i];
        if (l->role == ROLE_BODY && l->y0 > y && fabsf(l->x0 - h->x0) < 4 && acronym_like(l->text) &&
            (!best || l->y0 < best->y0))
            best = l;
    }
    return best;
}

/* "Abbreviations" over a table of acronyms and what they stand for: each
 * row becomes "CDC (Centers for Disease Control and Prevention)". */
static int abbreviation_table(pline *ls, size_t n)
{
    const pline *h = NULL;
    for (size_t i = 0; i < n && !h; i++)
        if (ls[i].role == ROLE_BODY && (says(ls[i].text, "abbreviations") || says(ls[i].text, "acronyms") ||
                                        says(ls[i].text, "abbreviations and acronyms")))
            h = &ls[i];
    if (!h)
        return 0;
    float y = h->y1 - 1;
    pline *sf;
    while ((sf = next_acronym(ls, n, h, y)) != NULL && sf->y0 - y < sf->size * 4) {
        pline *lf = right_of(ls, n, sf, NULL);
        y = sf->y1;
        if (!lf)
            continue;
        rg_buf row;
        rg_buf_init(&row);
        rg_buf_adds(&row, sf->text);
        rg_buf_adds(&row, " (");
        rg_buf_adds(&row, lf->text);
        lf->role = ROLE_GONE;
        for (pline *more; (more = right_of(ls, n, sf, lf)) != NULL; lf = more) {
            const pline *other = next_acronym(ls, n, h, lf->y1 - 0.5f);
            if (other && (fabsf(other->y1 - more->y1) < 2 || fabsf(other->y0 - more->y0) < 2))
                break; /* the next row's long form */
            rg_buf_addc(&row, ' ');
            rg_buf_adds(&row, more->text);
            more->role = ROLE_GONE;
        }
        rg_buf_addc(&row, ')');
        if (row.failed) {
            rg_buf_destroy(&row);
            return -1;
        }
        free(sf->text);
        sf->text = rg_buf_steal(&row);
        sf->role = ROLE_ROW;
        y = lf->y1 > sf->y1 ? lf->y1 : sf->y1;
    }
    return 0;
}

/* "Figure 3:", "Table 2.", "Figure II:": a figure's or table's title. */
static bool figure_title(const char *s)
{
    size_t n = strlen(s), k;
    if (rg_doc_starts_with_ci(s, n, "figure "))
        k = 7;
    else if (rg_doc_starts_with_ci(s, n, "table "))
        k = 6;
    else
        return false;
    size_t id = k;
    while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '.') && k - id < 6)
        k++;
    return k > id && k < n && (s[k] == ':' || s[k - 1] == '.');
}

/* Figures and tables (their title, and what follows it that is not in the
 * body's type) and footnotes (from a small line opening with a raised
 * number, in the page's lower half, down) in the page's reading order. */
static void set_apart(pline **order, size_t n, const style *st, const rg_pdf_page *pg)
{
    bool figure = false;
    for (size_t i = 0; i < n; i++) {
        pline *l = order[i];
        if (l->role != ROLE_BODY)
            continue;
        /* the body's face ends a figure: its text, or a heading in it */
        bool body_type = l->size > st->size - 0.3f && l->font == st->font && strlen(l->text) > 12;
        if (figure_title(l->text))
            figure = true;
        else if (figure && body_type)
            figure = false;
        if (figure || (smaller(l, st) && (rg_doc_starts_with_ci(l->text, strlen(l->text), "source:") ||
                                          rg_doc_starts_with_ci(l->text, strlen(l->text), "note:"))))
            l->role = ROLE_FRONT;
    }
    float notes_from = -1;
    for (size_t i = 0; i < n && notes_from < 0; i++)
        if ((order[i]->flags & RG_PDF_NOTE) && smaller(order[i], st) && order[i]->y0 > pg->height * 0.5f)
            notes_from = order[i]->y0 - 1;
    for (size_t i = 0; notes_from >= 0 && i < n; i++)
        if (order[i]->y0 >= notes_from && smaller(order[i], st) && order[i]->role != ROLE_GONE)
            order[i]->role = ROLE_NOTE;
}

/* ---- Blocks ---- */

/* A line set apart (a footnote, a figure's text) that waits for the
 * paragraph it fell into to end. */
typedef struct waiting {
    char *text;
    long line;
    rg_zone zone;
    bool starts; /* opens a footnote */
    int page;
    float y0, y1, size;
} waiting;

typedef struct builder {
    rg_doc_parser *p;
    rg_strset hyphenated; /* words printed with a hyphen inside a line, lowercase */
    style doc_st; /* the body's type in the whole document */
    style st;     /* on this page */
    int force_zone; /* the open block's zone, or -1: the reader's own */
    bool body;      /* the open block is the body's */
    /* the last line of the open block */
    int page;
    float x0, y0, x1, y1, size, right;
    unsigned flags;
    long line;
    /* the set-apart block being built */
    bool apart_open;
    waiting apart_last;
    waiting *waits;
    size_t n_waits, cap_waits;
} builder;

static int close_block(builder *b)
{
    rg_doc *d = b->p->doc;
    size_t before = d->n_blocks;
    if (rg_doc_close_block(b->p) < 0)
        return -1;
    if (d->n_blocks > before && b->force_zone >= 0)
        d->blocks[before].zone = (rg_zone)b->force_zone;
    b->force_zone = -1;
    b->body = false;
    b->apart_open = false;
    return 0;
}

static int open_block(builder *b, rg_block_kind kind, int level, long line, int zone)
{
    if (close_block(b) < 0 || rg_doc_open_block(b->p, kind, level, line) < 0)
        return -1;
    b->force_zone = zone;
    return 0;
}

/* The word w[0..n) in lowercase, into out (size bytes); false if too long. */
static bool lower_word(const char *w, size_t n, char *out, size_t size)
{
    if (n + 1 > size)
        return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)w[i]);
    out[n] = '\0';
    return true;
}

/* Collect the words the document prints with a hyphen inside a line
 * ("cost-effective", "Ultra-Deepwater"), so that one broken at the
 * hyphen across lines is joined as printed. */
static int collect_hyphenated(rg_strset *set, const rg_pdf_text *t)
{
    for (size_t i = 0; i < t->n_frags; i++) {
        const char *s = t->frags[i].text;
        for (size_t k = 1; s[0] && s[k]; k++) {
            if (s[k] != '-' || !isalpha((unsigned char)s[k - 1]) || !isalpha((unsigned char)s[k + 1]))
                continue;
            size_t a = k, e = k + 1;
            while (a > 0 && isalpha((unsigned char)s[a - 1]))
                a--;
            while (isalpha((unsigned char)s[e]))
                e++;
            char w[64];
            if (lower_word(s + a, e - a, w, sizeof w) && rg_strset_add(set, w) < 0)
                return -1;
            k = e - 1;
        }
    }
    return 0;
}

/* Does the open block end with "word-" that text goes on as printed: a
 * capital after the hyphen ("Open-" + "Ended"), or a word the document
 * prints hyphenated elsewhere ("cost-" + "effective")? Else a lowercase
 * word after the hyphen is a word split in two ("negoti-" + "ations"). */
static bool keeps_hyphen(const builder *b, const char *text)
{
    const rg_buf *t = &b->p->text;
    if (t->len < 2 || t->data[t->len - 1] != '-' || !isalpha((unsigned char)t->data[t->len - 2]) ||
        !isalpha((unsigned char)text[0]))
        return false;
    if (isupper((unsigned char)text[0]))
        return true;
    size_t a = t->len - 1;
    while (a > 0 && isalpha((unsigned char)t->data[a - 1]))
        a--;
    size_t e = 0;
    while (isalpha((unsigned char)text[e]))
        e++;
    char w[128];
    size_t n = t->len - a;
    if (n + e + 1 > sizeof w)
        return false;
    memcpy(w, t->data + a, n);
    memcpy(w + n, text, e);
    w[n + e] = '\0';
    for (char *q = w; *q; q++)
        *q = (char)tolower((unsigned char)*q);
    return rg_strset_has(&b->hyphenated, w);
}

/* Add a line of text to the open block and remember where it stands. */
static int add_line(builder *b, const char *text, long line, const pline *l, int page)
{
    b->p->glue = keeps_hyphen(b, text);
    b->page = page;
    b->x0 = l->x0;
    b->x1 = l->x1;
    b->right = l->right;
    b->y0 = l->y0;
    b->y1 = l->y1;
    b->size = l->size;
    b->flags = l->flags;
    b->line = line;
    return rg_doc_add_text(b->p, text, strlen(text), line);
}

/* One set-apart line into its block: a footnote opens one, so does a
 * change of zone or a gap. */
static int add_apart(builder *b, const waiting *w)
{
    const waiting *a = &b->apart_last;
    bool goes_on = b->apart_open && !w->starts && a->zone == w->zone && a->page == w->page &&
                   w->y0 - a->y1 < w->size * 0.8f && w->y0 > a->y0;
    if (!goes_on && open_block(b, RG_BLOCK_PARAGRAPH, 0, w->line, (int)w->zone) < 0)
        return -1;
    b->apart_open = true;
    b->apart_last = *w;
    return rg_doc_add_text(b->p, w->text, strlen(w->text), w->line);
}

/* The body's block is closed: the set-apart lines that waited go in. */
static int flush_waiting(builder *b)
{
    int rc = 0;
    for (size_t i = 0; i < b->n_waits; i++) {
        if (rc == 0)
            rc = add_apart(b, &b->waits[i]);
        free(b->waits[i].text);
    }
    b->n_waits = 0;
    return rc == 0 ? close_block(b) : -1;
}

static int end_body_block(builder *b)
{
    bool had = b->body;
    if (close_block(b) < 0)
        return -1;
    return had || b->n_waits ? flush_waiting(b) : 0;
}

static int set_apart_line(builder *b, const pline *l, long number, int page)
{
    waiting w = {l->text, number,
                 l->role == ROLE_NOTE ? RG_ZONE_NOTES : l->role == ROLE_ASIDE ? RG_ZONE_BODY : RG_ZONE_FRONT,
                 (l->flags & RG_PDF_NOTE) != 0, page, l->y0, l->y1, l->size};
    if (!b->body)
        return add_apart(b, &w); /* nothing to wait for */
    if (!(w.text = rg_strdup(l->text)) ||
        rg_reserve((void **)&b->waits, &b->cap_waits, b->n_waits, sizeof *b->waits) < 0) {
        free(w.text);
        return -1;
    }
    b->waits[b->n_waits++] = w;
    return 0;
}

/* The length of a list item's marker at s, its space included: a bullet,
 * "1.", "1)", "(1)", "(a)"; 0 when none. */
static size_t item_marker(const char *s, bool *bullet)
{
    static const char *const bullets[] = {"\xe2\x80\xa2", "\xef\x82\xb7", "\xe2\x96\xaa", "\xe2\x97\x8f",
                                          "\xe2\x97\xa6", "\xc2\xb7", "\xef\x82\xa7", "\xe2\x96\xa0", "o"};
    *bullet = true;
    for (size_t i = 0; i < COUNT(bullets); i++) {
        size_t k = strlen(bullets[i]);
        if (strncmp(s, bullets[i], k) == 0 && (s[k] == ' ' || (k > 1 && s[k] != '\0')))
            return k + (s[k] == ' ');
    }
    *bullet = false;
    size_t k = s[0] == '(' ? 1 : 0;
    size_t id = k;
    while (isdigit((unsigned char)s[k]) && k - id < 2)
        k++;
    if (k == id && islower((unsigned char)s[k]) && s[0] == '(')
        k++;
    if (k == id)
        return 0;
    bool closed = s[0] == '(' ? s[k] == ')' : (s[k] == '.' || s[k] == ')');
    return closed && s[k + 1] == ' ' ? k + 2 : 0;
}

/* Does the open block stop where a sentence may end? */
static bool block_ends_sentence(const rg_doc_parser *p)
{
    size_t n = p->text.len;
    while (n > 0 && p->text.data[n - 1] == ' ')
        n--;
    return n == 0 || strchr(".!?:;\"", p->text.data[n - 1]);
}

static int heading_level(const pline *l, const style *st)
{
    return l->size >= st->size * 1.8f ? 1 : l->size >= st->size * 1.3f ? 2 : 3;
}

/* A line the look of a heading, that reads as a title and not a sentence. */
static bool heading_line(const pline *l, const style *st)
{
    size_t n = strlen(l->text);
    if (!heading_like(l, st) || n > 160 || n < 2 || islower((unsigned char)l->text[0]))
        return false;
    return !(l->text[n - 1] == '.' && rg_doc_has_clause_verb(l->text, n));
}

/* Would the first word of l have fit at the end of the line above, with
 * an em to spare? Then that line ended where its writer ended it: the
 * lines of an address ("The Honorable Bart Gordon" over "Chairman"), a
 * contact block, a list set line by line. Widths are estimated from l's
 * average character. */
static bool room_above(const builder *b, const pline *l)
{
    size_t n = strlen(l->text), word = strcspn(l->text, " "), m = b->p->text.len;
    if (n == 0 || b->right <= b->x1 || (m > 0 && b->p->text.data[m - 1] == '-'))
        return false; /* a word hyphenated across the lines goes on */
    float per_char = (l->x1 - l->x0) / (float)n;
    return b->x1 + per_char * (float)(word + 1) + l->size < b->right;
}

/* Does the line go on with the open paragraph or item: the next line
 * below it (unless the line above stopped short of the column's edge
 * and this one opens as a new line does, not in lower case), or, past a
 * page or a column, while its sentence goes on? */
static bool goes_on(const builder *b, const pline *l, int page)
{
    if (!b->body || b->p->cur.kind == RG_BLOCK_HEADING)
        return false;
    bool below = page == b->page && l->y0 >= b->y1 - 1;
    if (below && l->y0 - b->y1 < l->size * 0.75f && fabsf(l->size - b->size) < 1.5f)
        return islower((unsigned char)l->text[0]) || !room_above(b, l);
    bool jumped = page != b->page || l->y0 < b->y0;
    return jumped && !block_ends_sentence(b->p);
}

static int body_line(builder *b, const pline *l, long number, int page)
{
    const style *st = &b->st;
    bool more = b->body && b->p->cur.kind == RG_BLOCK_HEADING && page == b->page && l->y0 > b->y0 &&
                l->y0 - b->y1 < l->size * 0.9f && fabsf(l->size - b->size) < 0.3f && l->flags == b->flags;
    if (heading_line(l, st) || (more && heading_like(l, st))) {
        if (!more) {
            if (end_body_block(b) < 0 || open_block(b, RG_BLOCK_HEADING, heading_level(l, st), number, -1) < 0)
                return -1;
            b->body = true;
        }
        return add_line(b, l->text, number, l, page);
    }
    if (l->role == ROLE_ROW) {
        if (end_body_block(b) < 0 || open_block(b, RG_BLOCK_ROW, 0, number, RG_ZONE_BODY) < 0)
            return -1;
        return add_line(b, l->text, number, l, page);
    }
    bool bullet;
    size_t marker = item_marker(l->text, &bullet);
    bool item = marker && (bullet || !goes_on(b, l, page) || block_ends_sentence(b->p));
    if (!item && goes_on(b, l, page))
        return add_line(b, l->text, number, l, page);
    if (end_body_block(b) < 0 || open_block(b, item ? RG_BLOCK_ITEM : RG_BLOCK_PARAGRAPH, 0, number, -1) < 0)
        return -1;
    b->body = true;
    return add_line(b, l->text + (item ? marker : 0), number, l, page);
}

/* Each body line's column edge: the rightmost end of the body lines that
 * share its band and side of the page. */
static void column_edges(pline **order, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        pline *l = order[i];
        l->right = l->x1;
        for (size_t j = 0; j < n; j++)
            if (order[j]->role == ROLE_BODY && order[j]->band == l->band && order[j]->side == l->side &&
                order[j]->x1 > l->right)
                l->right = order[j]->x1;
    }
}

/* ---- A page, and the document ---- */

/* The cover: the first page, with little text on it and a title in a
 * large type. */
static bool cover_page(const rg_pdf_text *t, size_t from, size_t to, int page, const style *st)
{
    if (page != 1 || t->n_pages < 3)
        return false;
    size_t bytes = 0;
    bool title = false;
    for (size_t i = from; i < to; i++) {
        bytes += strlen(t->frags[i].text);
        title |= t->frags[i].size >= st->size * 1.5f;
    }
    return bytes < 1500 && title;
}

typedef struct page_state {
    bool contents; /* the page before was a table of contents */
    long next_line;
} page_state;

static int assemble_page(builder *b, const rg_pdf_text *t, size_t from, size_t to, const bool *gone, int page,
                         page_state *ps)
{
    size_t n;
    pline *ls = page_lines(t, from, to, gone, &n);
    if (!ls)
        return -1;
    const rg_pdf_page *pg = &t->pages[page - 1];
    /* a page set in a larger type (the slides of a briefing) has it as
     * its body; a smaller one is a page of figures or notes */
    style own = body_style(t, from, to, gone);
    b->st = own.size > b->doc_st.size + 0.5f ? own : b->doc_st;
    bool front = cover_page(t, from, to, page, &b->doc_st) || contents_page(ls, n, pg, ps->contents);
    ps->contents = front && page > 1;
    int rc = abbreviation_table(ls, n);
    for (size_t i = 0; i < n && front; i++)
        if (ls[i].role == ROLE_BODY)
            ls[i].role = ROLE_FRONT;
    pline **order = NULL;
    size_t k = 0;
    if (rc == 0)
        rc = order_page(ls, n, &b->st, &order, &k);
    if (rc == 0)
        set_apart(order, k, &b->st, pg);
    find_asides(order, k, &b->st);
    column_edges(order, k);
    for (size_t i = 0; i < k && rc == 0; i++) {
        const pline *l = order[i];
        long number = ps->next_line++;
        rc = l->role == ROLE_FRONT || l->role == ROLE_NOTE || l->role == ROLE_ASIDE ? set_apart_line(b, l, number, page)
                                                            : body_line(b, l, number, page);
    }
    free(order);
    for (size_t i = 0; i < n; i++)
        free(ls[i].text);
    free(ls);
    return rc;
}

int rg_pdf_assemble(rg_doc_parser *p, const rg_pdf_text *t)
{
    rg_doc *d = p->doc;
    bool *gone = calloc(t->n_frags ? t->n_frags : 1, sizeof *gone);
    d->page_first_line = malloc((t->n_pages ? t->n_pages : 1) * sizeof *d->page_first_line);
    if (!gone || !d->page_first_line || drop_running_lines(t, gone) < 0) {
        free(gone);
        return -1;
    }
    d->n_pages = t->n_pages;
    builder b = {.p = p, .doc_st = body_style(t, 0, t->n_frags, gone), .force_zone = -1};
    rg_strset_init(&b.hyphenated);
    if (collect_hyphenated(&b.hyphenated, t) < 0) {
        rg_strset_destroy(&b.hyphenated);
        free(gone);
        return -1;
    }
    page_state ps = {.next_line = 1};
    int rc = 0;
    size_t from = 0;
    for (size_t pg = 1; pg <= t->n_pages && rc == 0; pg++) {
        size_t to = from;
        while (to < t->n_frags && t->frags[to].page == (int)pg)
            to++;
        d->page_first_line[pg - 1] = ps.next_line;
        rc = assemble_page(&b, t, from, to, gone, (int)pg, &ps);
        from = to;
    }
    if (rc == 0)
        rc = end_body_block(&b);
    for (size_t i = 0; i < b.n_waits; i++)
        free(b.waits[i].text);
    free(b.waits);
    rg_strset_destroy(&b.hyphenated);
    free(gone);
    if (rc == 0 && t->title && t->title[0] && !d->title)
        d->title = rg_strdup(t->title);
    return rc;
}
