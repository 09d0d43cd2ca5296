/* The date of a document, from its own text: a line that is only a date
 * near the top (a dateline, "March 15, 2023", "15 March 2023",
 * "2023-04-26", "November 2020", "Date: ..."), else a heading near the top
 * that ends with a year ("America Competes 2020"). As precise as the text
 * is: "2023-03-15", "2020-11", "2020". No date is guessed from the body's
 * prose (a year mentioned in passing is not the report's date). */
#include "graph/read/doc_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* How far down a dateline may be: a cover page's worth of blocks. */
enum { DATE_BLOCKS = 16 };

static const char *const months[12] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};

/* The month (1-12) whose name (or its three-letter form, "Sept.") starts
 * s, with *len its length; 0 when none. */
static int month_at(const char *s, size_t *len)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(months[m]);
        if ((n == full || (n >= 3 && n < full)) && strncasecmp(s, months[m], n) == 0) {
            *len = n + (s[n] == '.');
            return m + 1;
        }
    }
    return 0;
}

/* Digits at s: their value, *len their count (0: none). */
static int number_at(const char *s, size_t *len)
{
    int v = 0;
    size_t n = 0;
    while (isdigit((unsigned char)s[n]) && n < 5)
        v = v * 10 + (s[n++] - '0');
    *len = n;
    return v;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == ',' || *s == '\t')
        s++;
    return s;
}

static bool plausible(int y, int m, int d)
{
    return y >= 1900 && y <= 2199 && m >= 0 && m <= 12 && d >= 0 && d <= 31 && (m || !d);
}

/* Format y[-m[-d]] into out; false when the parts are no date. */
static bool put_date(char *out, size_t size, int y, int m, int d)
{
    if (!plausible(y, m, d))
        return false;
    if (d)
        snprintf(out, size, "%04d-%02d-%02d", y, m, d);
    else if (m)
        snprintf(out, size, "%04d-%02d", y, m);
    else
        snprintf(out, size, "%04d", y);
    return true;
}

/* s after an optional label: "Date:", "Published", "Updated". */
static const char *after_label(const char *s)
{
    static const char *const labels[] = {"date:", "dated", "published:", "published", "updated:", "released:"};
    s = skip_spaces(s);
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
        size_t n = strlen(labels[k]);
        if (strncasecmp(s, labels[k], n) == 0)
            return skip_spaces(s + n);
    }
    return s;
}

/* "2023-04-26", "2023-04": ISO, at s. */
static bool iso_at(const char *s, int *y, int *m, int *d, const char **end)
{
    size_t n;
    *y = number_at(s, &n);
    if (n != 4)
        return false;
    s += 4;
    *m = *d = 0;
    if (*s == '-' && (*m = number_at(s + 1, &n), n == 2)) {
        s += 3;
        if (*s == '-' && (*d = number_at(s + 1, &n), n == 2))
            s += 3;
    }
    *end = s;
    return *m > 0;
}

/* "March 15, 2023", "March 2023", "15 March 2023" at s. */
static bool words_at(const char *s, int *y, int *m, int *d, const char **end)
{
    size_t n;
    *d = number_at(s, &n);
    if (n > 2)
        return false;
    if (n)
        s = skip_spaces(s + n);
    if (!(*m = month_at(s, &n)))
        return false;
    s = skip_spaces(s + n);
    if (!*d) {
        int day = number_at(s, &n);
        if (n && n <= 2) {
            *d = day;
            s = skip_spaces(s + n);
        }
    }
    *y = number_at(s, &n);
    *end = s + n;
    return n == 4;
}

bool rg_doc_date_parse(const char *s, char *out, size_t size)
{
    int y, m, d;
    const char *end;
    s = after_label(s);
    if (!iso_at(s, &y, &m, &d, &end) && !words_at(s, &y, &m, &d, &end))
        return false;
    end = skip_spaces(end);
    if (*end == '.')
        end++;
    return *skip_spaces(end) == '\0' && put_date(out, size, y, m, d);
}

/* A short heading that ends with a year ("America Competes 2020"). */
static bool heading_year(const rg_block *b, char *out, size_t size)
{
    size_t n = strlen(b->text);
    if (b->kind != RG_BLOCK_HEADING || n < 6 || n > 80)
        return false;
    const char *y = b->text + n - 4;
    size_t digits;
    int year = number_at(y, &digits);
    return digits == 4 && y[-1] == ' ' && put_date(out, size, year, 0, 0);
}

int rg_doc_find_date(rg_doc *d)
{
    char date[16];
    size_t top = d->n_blocks < DATE_BLOCKS ? d->n_blocks : DATE_BLOCKS;
    for (size_t i = 0; i < top; i++)
        if (strlen(d->blocks[i].text) < 48 && rg_doc_date_parse(d->blocks[i].text, date, sizeof date)) {
            d->date_from = "a dateline";
            d->date_line = d->blocks[i].line;
            return (d->date = rg_strdup(date)) ? 0 : -1;
        }
    for (size_t i = 0; i < top; i++)
        if (heading_year(&d->blocks[i], date, sizeof date)) {
            d->date_from = "a heading";
            d->date_line = d->blocks[i].line;
            return (d->date = rg_strdup(date)) ? 0 : -1;
        }
    return 0;
}
