/* A PDF's text and layout, read by poppler (GLib API) in a child process.
 *
 * poppler is large and reads what anyone may have written: a PDF that
 * crashes it or makes it loop must cost one file, not the build. So the
 * report is read in a child process (fork) under memory and CPU limits
 * (setrlimit), which sends back, through a pipe, each page's size and the
 * runs of text on it with their boxes and fonts; the parent waits with a
 * deadline and tells a crash, a timeout or poppler's own error in one line
 * that names the file. poppler's warnings go to /dev/null unless
 * rg_pdf_verbose.
 *
 * poppler is loaded in the child alone (dlopen, see below).
 *
 * The runs (rg_pdf_frag) are built here from poppler's characters: a new
 * run where the text jumps to another line or across a wide gap (a column,
 * a page number in a table of contents); footnote numbers set small and
 * raised are dropped inside a run and flagged at its start (a footnote).
 */
/* sigaltstack and SA_ONSTACK (XSI), wait4 (the child's own CPU time) */
#define _DEFAULT_SOURCE
#include "graph/read/doc_internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <poppler.h>
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

bool rg_pdf_verbose = false;

/* ---- poppler, loaded in the child ----
 *
 * relgraph does not link poppler: the child process loads it (dlopen) when
 * a PDF is read. A build of Markdown and HTML reports maps none of its
 * forty libraries (start-up time, address space: a build under a tight
 * memory limit still runs), and relgraph runs where poppler is missing,
 * saying so when it meets a PDF. */

typedef struct poppler_api {
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
    char *(*document_get_title)(PopplerDocument *);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    void (*page_get_size)(PopplerPage *, double *, double *);
    char *(*page_get_text)(PopplerPage *);
    gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
    GList *(*page_get_text_attributes)(PopplerPage *);
    void (*page_free_text_attributes)(GList *);
    GQuark (*error_quark)(void);
    void (*free)(gpointer);
    void (*object_unref)(gpointer);
    GBytes *(*bytes_new_static)(gconstpointer, gsize);
} poppler_api;

static poppler_api api;

/* The library's names, newest first. */
static const char *const poppler_libraries[] = {"libpoppler-glib.so.8", "libpoppler-glib.so"};

static bool load_symbol(void *lib, const char *name, void *out)
{
    void *sym = dlsym(lib, name);
    memcpy(out, &sym, sizeof sym); /* a function pointer from a void pointer */
    return sym != NULL;
}

/* Load poppler's GLib API; false when it is not installed. */
static bool load_poppler(void)
{
    void *lib = NULL;
    for (size_t i = 0; i < COUNT(poppler_libraries) && !lib; i++)
        lib = dlopen(poppler_libraries[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return false;
    return load_symbol(lib, "poppler_document_new_from_bytes", &api.document_new_from_bytes) &&
           load_symbol(lib, "poppler_document_get_title", &api.document_get_title) &&
           load_symbol(lib, "poppler_document_get_n_pages", &api.document_get_n_pages) &&
           load_symbol(lib, "poppler_document_get_page", &api.document_get_page) &&
           load_symbol(lib, "poppler_page_get_size", &api.page_get_size) &&
           load_symbol(lib, "poppler_page_get_text", &api.page_get_text) &&
           load_symbol(lib, "poppler_page_get_text_layout", &api.page_get_text_layout) &&
           load_symbol(lib, "poppler_page_get_text_attributes", &api.page_get_text_attributes) &&
           load_symbol(lib, "poppler_page_free_text_attributes", &api.page_free_text_attributes) &&
           load_symbol(lib, "poppler_error_quark", &api.error_quark) && load_symbol(lib, "g_free", &api.free) &&
           load_symbol(lib, "g_object_unref", &api.object_unref) &&
           load_symbol(lib, "g_bytes_new_static", &api.bytes_new_static);
}

/* The length of the UTF-8 character at s (poppler's text is valid UTF-8). */
static size_t char_length(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t k = 1; k < n; k++)
        if (!s[k])
            return k;
    return n;
}

/* ---- The child: poppler's characters into runs, written to the pipe ---- */

typedef struct out_stream {
    int fd;
    rg_buf buf;
} out_stream;

static void out_flush(out_stream *o)
{
    size_t at = 0;
    while (at < o->buf.len) {
        ssize_t k = write(o->fd, o->buf.data + at, o->buf.len - at);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            _exit(3); /* the parent is gone */
        at += (size_t)k;
    }
    rg_buf_reset(&o->buf);
}

static void out_bytes(out_stream *o, const void *p, size_t n)
{
    rg_buf_add(&o->buf, p, n);
    if (o->buf.failed)
        _exit(4);
    if (o->buf.len >= 1 << 16)
        out_flush(o);
}

static void out_u32(out_stream *o, uint32_t v)
{
    out_bytes(o, &v, sizeof v);
}

static void out_f32(out_stream *o, float v)
{
    out_bytes(o, &v, sizeof v);
}

/* An error record: a message the parent puts after the file's name. */
static _Noreturn void out_error(out_stream *o, const char *msg)
{
    out_bytes(o, "E", 1);
    out_u32(o, (uint32_t)strlen(msg));
    out_bytes(o, msg, strlen(msg));
    out_flush(o);
    _exit(0);
}

/* One character of a run being built. */
typedef struct run_char {
    uint32_t off, len; /* its bytes in the run's text */
    float x0, y0, x1, y1, size;
    bool digit;
    const char *font;
} run_char;

typedef struct run {
    rg_buf text;
    run_char *chars;
    size_t n, cap;
    bool space;       /* a space is due before the next character */
} run;

static unsigned font_flags(const char *font)
{
    unsigned f = 0;
    if (!font)
        return 0;
    if (strstr(font, "Bold") || strstr(font, "Black") || strstr(font, "Heavy") || strstr(font, "Semibold") ||
        strstr(font, "Demi") || strstr(font, "bold"))
        f |= RG_PDF_BOLD;
    if (strstr(font, "Italic") || strstr(font, "Oblique") || strstr(font, "italic"))
        f |= RG_PDF_ITALIC;
    return f;
}

/* The size most of the run's characters have (of the first sixteen sizes
 * it has: a line holds a few). */
static float run_size(const run *r)
{
    float sizes[16];
    size_t counts[16], n = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t k = 0;
        while (k < n && sizes[k] != r->chars[i].size)
            k++;
        if (k == n && n < 16) {
            sizes[n] = r->chars[i].size;
            counts[n++] = 0;
        }
        if (k < n)
            counts[k]++;
    }
    float best = 0;
    size_t best_n = 0;
    for (size_t k = 0; k < n; k++)
        if (counts[k] > best_n || (counts[k] == best_n && sizes[k] > best)) {
            best_n = counts[k];
            best = sizes[k];
        }
    return best;
}

/* A character set small and raised above the run's line: a note's number. */
static bool raised(const run_char *c, float size, float bottom)
{
    return c->size < size * 0.8f && c->y1 < bottom - size * 0.15f;
}

/* Send the run: its text without footnote numbers (kept at its start, and
 * flagged: a footnote's own number), its box, size and font. */
static void run_flush(out_stream *o, run *r)
{
    if (r->n == 0) {
        rg_buf_reset(&r->text);
        r->space = false;
        return;
    }
    float size = run_size(r), bottom = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->chars[i].size == size && r->chars[i].y1 > bottom)
            bottom = r->chars[i].y1;
    rg_buf text;
    rg_buf_init(&text);
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    /* the run's face is its characters' face: a bold word or two does
     * not make a line a heading */
    size_t bold = 0, italic = 0;
    for (size_t k = 0; k < r->n; k++) {
        unsigned f = font_flags(r->chars[k].font);
        bold += (f & RG_PDF_BOLD) != 0;
        italic += (f & RG_PDF_ITALIC) != 0;
    }
    unsigned flags = (bold * 5 >= r->n * 4 ? RG_PDF_BOLD : 0) | (italic * 5 >= r->n * 4 ? RG_PDF_ITALIC : 0);
    const char *font = r->chars[r->n / 2].font;
    size_t i = 0;
    if (raised(&r->chars[0], size, bottom) && r->chars[0].digit) {
        flags |= RG_PDF_NOTE;
    } else {
        for (; i < r->n; i++) {
            const run_char *c = &r->chars[i];
            if (c->digit && raised(c, size, bottom))
                continue; /* "hardship.3": a note's marker */
            break;
        }
    }
    for (size_t k = i; k < r->n; k++) {
        const run_char *c = &r->chars[k];
        bool marker = c->digit && raised(c, size, bottom) && !(flags & RG_PDF_NOTE && k < 4);
        if (marker)
            continue;
        size_t end = k + 1 < r->n ? r->chars[k + 1].off : r->text.len;
        rg_buf_add(&text, r->text.data + c->off, end - c->off); /* the character and a space after it */
        x0 = c->x0 < x0 ? c->x0 : x0;
        y0 = c->y0 < y0 ? c->y0 : y0;
        x1 = c->x1 > x1 ? c->x1 : x1;
        y1 = c->y1 > y1 ? c->y1 : y1;
    }
    while (text.len > 0 && text.data[text.len - 1] == ' ')
        text.len--;
    if (text.failed)
        _exit(4);
    if (text.len > 0) {
        out_bytes(o, "F", 1);
        out_f32(o, x0), out_f32(o, y0), out_f32(o, x1), out_f32(o, y1), out_f32(o, size);
        out_u32(o, flags);
        font = font ? font : "";
        out_u32(o, (uint32_t)strlen(font));
        out_bytes(o, font, strlen(font));
        out_u32(o, (uint32_t)text.len);
        out_bytes(o, text.data, text.len);
    }
    rg_buf_destroy(&text);
    rg_buf_reset(&r->text);
    r->n = 0;
    r->space = false;
}

/* Does c start a new run after the run's last character: another line
 * (its middle is elsewhere: superscripts aside), a step back, or a gap
 * wider than a space? */
static bool breaks_run(const run *r, const run_char *c)
{
    if (r->n == 0)
        return false;
    const run_char *a = &r->chars[r->n - 1];
    float big = a->size > c->size ? a->size : c->size;
    bool small = a->size < c->size * 0.8f || c->size < a->size * 0.8f;
    float ha = a->y1 - a->y0, hc = c->y1 - c->y0;
    float h = ha > hc ? ha : hc;
    float mid_a = (a->y0 + a->y1) / 2, mid_c = (c->y0 + c->y1) / 2;
    if (!small && (mid_a - mid_c > h * 0.5f || mid_c - mid_a > h * 0.5f))
        return true;
    if (small && (c->y0 > a->y1 || c->y1 < a->y0))
        return true;
    if (c->x0 < a->x0 - 1)
        return true;
    return c->x0 - a->x1 > big * 1.2f;
}

static void run_add(out_stream *o, run *r, const char *s, size_t n, const PopplerRectangle *box, float size,
                    const char *font)
{
    run_char c = {.x0 = (float)box->x1, .y0 = (float)box->y1, .x1 = (float)box->x2, .y1 = (float)box->y2,
                  .size = size, .digit = n == 1 && s[0] >= '0' && s[0] <= '9', .font = font};
    if (breaks_run(r, &c))
        run_flush(o, r);
    /* poppler leaves out some spaces it sees: a gap makes one */
    if (r->n > 0 && !r->space && c.x0 - r->chars[r->n - 1].x1 > size * 0.2f)
        r->space = true;
    if (r->n > 0 && r->space)
        rg_buf_addc(&r->text, ' ');
    r->space = false;
    if (rg_reserve((void **)&r->chars, &r->cap, r->n, sizeof *r->chars) < 0)
        _exit(4);
    c.off = (uint32_t)r->text.len;
    c.len = (uint32_t)n;
    rg_buf_add(&r->text, s, n);
    r->chars[r->n++] = c;
}

static bool space_char(const char *s, size_t n)
{
    return (n == 1 && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t' || s[0] == '\r')) ||
           (n == 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0);
}

/* One page: its characters, their boxes and fonts, into runs. */
static void send_page(out_stream *o, PopplerPage *page, run *r)
{
    double w, h;
    api.page_get_size(page, &w, &h);
    out_bytes(o, "P", 1);
    out_f32(o, (float)w);
    out_f32(o, (float)h);
    out_flush(o); /* so that a crash on this page is said to be on it */
    char *text = api.page_get_text(page);
    PopplerRectangle *boxes = NULL;
    guint n_boxes = 0;
    if (!text || !api.page_get_text_layout(page, &boxes, &n_boxes)) {
        api.free(text);
        return;
    }
    GList *attrs = api.page_get_text_attributes(page);
    GList *at = attrs;
    const char *s = text;
    for (guint i = 0; *s && i < n_boxes; i++) {
        size_t n = char_length(s);
        while (at && ((PopplerTextAttributes *)at->data)->end_index < (gint)i)
            at = at->next;
        const PopplerTextAttributes *a = at ? at->data : NULL;
        if (space_char(s, n))
            r->space = r->n > 0;
        else
            run_add(o, r, s, n, &boxes[i], a ? (float)a->font_size : 0, a ? a->font_name : NULL);
        s += n;
    }
    run_flush(o, r);
    api.page_free_text_attributes(attrs);
    api.free(boxes);
    api.free(text);
}

/* The limits a child runs under: relgraph's, or lower ones the process
 * was given (ulimit -t, ulimit -v), which it never raises. */
typedef struct pdf_limits {
    rlim_t seconds; /* of CPU: SIGXCPU past it, SIGKILL a second later */
    rlim_t bytes;   /* of address space, or RLIM_INFINITY when unlimited */
} pdf_limits;

/* The address space limit is left off in a build with AddressSanitizer,
 * which reserves terabytes of it. */
#if defined(__SANITIZE_ADDRESS__)
#define LIMIT_MEMORY 0
#else
#define LIMIT_MEMORY 1
#endif

static pdf_limits current_limits(void)
{
    pdf_limits l = {RG_PDF_SECONDS, LIMIT_MEMORY ? (rlim_t)RG_PDF_MEMORY_MB << 20 : RLIM_INFINITY};
    struct rlimit now;
    if (getrlimit(RLIMIT_CPU, &now) == 0) {
        /* a soft limit under the hard one, so that SIGXCPU comes first */
        rlim_t below_hard = now.rlim_max == RLIM_INFINITY ? now.rlim_max : now.rlim_max > 1 ? now.rlim_max - 1 : 1;
        l.seconds = l.seconds < now.rlim_cur ? l.seconds : now.rlim_cur;
        l.seconds = l.seconds < below_hard ? l.seconds : below_hard;
    }
    if (getrlimit(RLIMIT_AS, &now) == 0 && now.rlim_cur != RLIM_INFINITY &&
        (l.bytes == RLIM_INFINITY || now.rlim_cur < l.bytes))
        l.bytes = now.rlim_cur;
    return l;
}

static rlim_t memory_limit; /* the child's address space limit, for crashed() */

/* A fatal signal in the child: poppler aborts when an allocation fails
 * (its gmalloc, an uncaught std::bad_alloc) and may fault on a null
 * pointer after one. Near the memory limit, that is running out of
 * memory: exit 5 tells the parent so. Async-signal-safe (open, read). */
static void crashed(int sig)
{
    char buf[64];
    int fd = open("/proc/self/statm", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    unsigned long long pages = 0;
    for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
        pages = pages * 10 + (unsigned long long)(buf[i] - '0');
    unsigned long long size = pages * (unsigned long long)sysconf(_SC_PAGESIZE);
    if (memory_limit != RLIM_INFINITY && size + memory_limit / 8 >= memory_limit)
        _exit(5);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void limit_child(pdf_limits l)
{
    if (l.bytes != RLIM_INFINITY) {
        struct rlimit mem = {l.bytes, l.bytes};
        setrlimit(RLIMIT_AS, &mem);
        memory_limit = l.bytes;
        /* a stack of its own for the handler: a fault may come from a
         * stack that has no room left */
        static char alt[1 << 16];
        stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt};
        sigaltstack(&ss, NULL);
        struct sigaction sa = {.sa_handler = crashed, .sa_flags = SA_ONSTACK};
        sigemptyset(&sa.sa_mask);
        sigaction(SIGABRT, &sa, NULL);
        sigaction(SIGSEGV, &sa, NULL);
        sigaction(SIGBUS, &sa, NULL);
    }
    struct rlimit cpu = {l.seconds, l.seconds + 1};
    setrlimit(RLIMIT_CPU, &cpu);
}

static _Noreturn void child_main(int fd, const char *data, size_t len, pdf_limits limits)
{
    limit_child(limits);
    /* poppler's warnings are glib INFO messages of the domain "Poppler",
     * shown only when G_MESSAGES_DEBUG names it, and on stdout: the child's
     * stdout is never relgraph's (a graph written to stdout stays clean),
     * and its warnings go to stderr only when verbose */
    if (rg_pdf_verbose) {
        setenv("G_MESSAGES_DEBUG", "Poppler", 1);
        dup2(STDERR_FILENO, STDOUT_FILENO);
    } else {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDERR_FILENO);
            dup2(null, STDOUT_FILENO);
        }
    }
    out_stream o = {.fd = fd};
    rg_buf_init(&o.buf);
    if (!load_poppler()) {
        char msg[400];
        const char *why = dlerror();
        snprintf(msg, sizeof msg, "cannot read PDF: cannot load poppler (%s; on Debian: apt-get install libpoppler-glib8)",
                 why ? why : "libpoppler-glib.so.8 lacks a function relgraph needs");
        out_error(&o, msg);
    }
    GError *error = NULL;
    GBytes *bytes = api.bytes_new_static(data, len);
    PopplerDocument *doc = api.document_new_from_bytes(bytes, NULL, &error);
    if (!doc) {
        char msg[300];
        if (error && error->domain == api.error_quark() && error->code == POPPLER_ERROR_ENCRYPTED)
            snprintf(msg, sizeof msg, "encrypted PDF: relgraph reads no password-protected report");
        else
            snprintf(msg, sizeof msg, "damaged PDF: %s", error ? error->message : "poppler cannot open it");
        out_error(&o, msg);
    }
    char *title = api.document_get_title(doc);
    if (title && title[0]) {
        out_bytes(&o, "T", 1);
        out_u32(&o, (uint32_t)strlen(title));
        out_bytes(&o, title, strlen(title));
    }
    api.free(title);
    int n = api.document_get_n_pages(doc);
    if (n > RG_PDF_MAX_PAGES) {
        char msg[120];
        snprintf(msg, sizeof msg, "PDF of %d pages, more than %d (the limit)", n, RG_PDF_MAX_PAGES);
        out_error(&o, msg);
    }
    run r = {0};
    rg_buf_init(&r.text);
    for (int i = 0; i < n; i++) {
        PopplerPage *page = api.document_get_page(doc, i);
        if (!page) {
            out_bytes(&o, "P", 1);
            out_f32(&o, 0), out_f32(&o, 0);
            continue;
        }
        send_page(&o, page, &r);
        api.object_unref(page);
    }
    out_bytes(&o, "Z", 1);
    out_flush(&o);
    _exit(0);
}

/* ---- The parent: the child's records read back ---- */

/* Read everything the child writes, to its end or the deadline. 0, 1 on
 * the deadline, -1 when out of memory or past the size limit. */
static int read_all(int fd, rg_buf *out, time_t deadline)
{
    char chunk[65536];
    for (;;) {
        long left = (long)(deadline - time(NULL));
        if (left <= 0)
            return 1;
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int k = poll(&pfd, 1, (int)(left > 1000 ? 1000000 : left * 1000));
        if (k < 0 && errno == EINTR)
            continue;
        if (k == 0)
            return 1;
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return 0;
        if ((long)(out->len + (size_t)got) > RG_DOC_MAX_BYTES)
            return -1;
        rg_buf_add(out, chunk, (size_t)got);
        if (out->failed)
            return -1;
    }
}

typedef struct reader {
    const char *s;
    size_t n, at;
} reader;

static bool take(reader *r, void *p, size_t k)
{
    if (r->n - r->at < k)
        return false;
    memcpy(p, r->s + r->at, k);
    r->at += k;
    return true;
}

/* One run record into t. 1, 0 when the record is cut short, -1 when out
 * of memory. */
static int decode_frag(reader *r, rg_pdf_text *t)
{
    float v[5];
    uint32_t flags, font_len, text_len;
    if (!take(r, v, sizeof v) || !take(r, &flags, 4) || !take(r, &font_len, 4) || r->n - r->at < font_len)
        return 0;
    char font[128];
    size_t fn = font_len < sizeof font - 1 ? font_len : sizeof font - 1;
    memcpy(font, r->s + r->at, fn);
    font[fn] = '\0';
    r->at += font_len;
    if (!take(r, &text_len, 4) || r->n - r->at < text_len || t->n_pages == 0)
        return 0;
    r->at += text_len;
    for (size_t k = 0; k < 5; k++)
        if (!isfinite(v[k]) || v[k] < -1e6f || v[k] > 1e6f)
            return 1; /* a run off any page is none */
    rg_pdf_frag f = {.page = (int)t->n_pages, .x0 = v[0], .y0 = v[1], .x1 = v[2], .y1 = v[3], .size = v[4],
                     .flags = flags};
    return rg_pdf_add_frag(t, &f, font, r->s + r->at - text_len, text_len) < 0 ? -1 : 1;
}

/* The child's records into t. 0; -1 with the error set. */
static int decode(rg_doc_parser *p, const rg_buf *b, rg_pdf_text *t)
{
    reader r = {b->data ? b->data : "", b->len, 0};
    char tag;
    while (take(&r, &tag, 1)) {
        if (tag == 'Z')
            return 0;
        int rc = 1;
        if (tag == 'P') {
            float wh[2];
            rc = take(&r, wh, sizeof wh) ? 1 : 0;
            if (rc && !(isfinite(wh[0]) && isfinite(wh[1]) && wh[0] > 0 && wh[1] > 0 && wh[0] < 1e6f && wh[1] < 1e6f))
                wh[0] = 612, wh[1] = 792; /* a page of no size read as a Letter page */
            if (rc && rg_pdf_add_page(t, wh[0], wh[1]) < 0)
                rc = -1;
        } else if (tag == 'F') {
            rc = decode_frag(&r, t);
        } else if (tag == 'T') {
            uint32_t n;
            rc = take(&r, &n, 4) && r.n - r.at >= n ? 1 : 0;
            if (rc && !t->title && rg_utf8_invalid_at(r.s + r.at, n) < 0)
                rc = (t->title = rg_strndup(r.s + r.at, n)) ? 1 : -1;
            r.at += rc ? n : 0;
        } else if (tag == 'E') {
            uint32_t n;
            if (take(&r, &n, 4) && r.n - r.at >= n)
                return rg_error_set(p->err, RG_ERR_INPUT, p->path, 0, "%.*s", (int)n, r.s + r.at);
            rc = 0;
        } else {
            rc = 0;
        }
        if (rc < 0)
            return rg_error_nomem(p->err);
        if (rc == 0)
            break;
    }
    return rg_error_set(p->err, RG_ERR_INPUT, p->path, 0, "poppler stopped reading the PDF after page %zu",
                        t->n_pages);
}

/* How the child ended, said when it sent no complete answer: in time,
 * CPU time used (usage) or a signal past the limit, out of memory (exit 5
 * from crashed(), 4 from its own buffers), or a crash. */
static int child_failed(rg_doc_parser *p, int status, int timed_out, const struct rusage *usage, pdf_limits l,
                        size_t pages)
{
    long seconds = (long)l.seconds, mib = l.bytes == RLIM_INFINITY ? 0 : (long)(l.bytes >> 20);
    char what[48] = "the PDF"; /* the page poppler was reading, when it had begun one */
    if (pages > 0)
        snprintf(what, sizeof what, "page %zu", pages);
    long cpu = (long)(usage->ru_utime.tv_sec + usage->ru_stime.tv_sec);
    if (timed_out || (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || cpu >= seconds)))
        return rg_error_set(p->err, RG_ERR_INPUT, p->path, 0, "reading %s took more than %ld s (the limit)", what,
                            seconds);
    if (WIFEXITED(status) && (WEXITSTATUS(status) == 5 || WEXITSTATUS(status) == 4))
        return rg_error_set(p->err, RG_ERR_INPUT, p->path, 0,
                            "reading %s needed more than %ld MiB of memory (the limit)", what, mib);
    if (WIFSIGNALED(status))
        return rg_error_set(p->err, RG_ERR_INPUT, p->path, 0, "poppler crashed reading %s (signal %d, %s)", what,
                            WTERMSIG(status), strsignal(WTERMSIG(status)));
    return rg_error_set(p->err, RG_ERR_INPUT, p->path, 0, "poppler failed reading %s (exit %d)", what,
                        WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int rg_pdf_read(rg_doc_parser *p, const char *data, size_t len, rg_pdf_text *t)
{
    int fds[2];
    if (pipe(fds) < 0)
        return rg_error_set(p->err, RG_ERR_IO, p->path, 0, "cannot make a pipe for the PDF reader: %s",
                            strerror(errno));
    pdf_limits limits = current_limits();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return rg_error_set(p->err, RG_ERR_IO, p->path, 0, "cannot start the PDF reader: %s", strerror(errno));
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(fds[1], data, len, limits);
    }
    close(fds[1]);
    rg_buf b;
    rg_buf_init(&b);
    int rc = read_all(fds[0], &b, time(NULL) + (time_t)limits.seconds + 5);
    close(fds[0]);
    if (rc != 0)
        kill(pid, SIGKILL);
    int status = 0;
    struct rusage usage = {0};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR)
        ;
    if (rc < 0) {
        rg_buf_destroy(&b);
        return b.failed ? rg_error_nomem(p->err)
                        : rg_error_set(p->err, RG_ERR_INPUT, p->path, 0, "PDF text larger than %ld MiB (the limit)",
                                       RG_DOC_MAX_BYTES >> 20);
    }
    /* the child's own answer first, then how it ended */
    rg_error answer;
    rg_error_clear(&answer);
    rg_error *caller = p->err;
    p->err = &answer;
    int decoded = decode(p, &b, t);
    p->err = caller;
    rg_buf_destroy(&b);
    if (rc == 1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return child_failed(p, status, rc == 1, &usage, limits, t->n_pages);
    if (decoded < 0 && caller)
        *caller = answer;
    return decoded;
}
