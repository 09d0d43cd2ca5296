/* Gathering the report files a build reads. */
#include "graph/pipeline/pipeline.h"

#include "graph/base/file.h"
#include "graph/base/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void free_list(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

typedef struct list {
    char **items;
    size_t len, cap;
} list;

/* Append s (taken; freed on failure). */
static int push(list *l, char *s)
{
    if (!s)
        return -1;
    if (rg_reserve((void **)&l->items, &l->cap, l->len, sizeof *l->items) < 0) {
        free(s);
        return -1;
    }
    l->items[l->len++] = s;
    return 0;
}

/* Files a directory holds that are left out without a word: hidden ones
 * and READMEs (what a folder says of itself). */
static bool unremarkable(const char *name)
{
    return name[0] == '.' || strncmp(name, "README", 6) == 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort(list *l)
{
    if (l->len > 1)
        qsort(l->items, l->len, sizeof *l->items, compare_strings);
}

/* Sort an entry of dir into reports, files that are not reports ("a.pdf
 * (PDF)") or subdirectories. */
static int sort_entry(const char *dir, const char *name, list *reports, list *others, list *subdirs)
{
    char *path = rg_file_join(dir, name);
    if (!path)
        return -1;
    if (rg_file_is_dir(path)) {
        free(path);
        return push(subdirs, rg_strdup(name));
    }
    rg_file_format f = rg_file_format_of(path);
    if ((f.kind == RG_FORMAT_NONE && rg_file_report_name(name)) || f.kind == RG_FORMAT_PDF)
        return push(reports, path);
    free(path);
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_adds(&b, name);
    if (f.kind != RG_FORMAT_NONE) {
        rg_buf_adds(&b, " (");
        rg_buf_adds(&b, f.name);
        rg_buf_addc(&b, ')');
    }
    return push(others, rg_buf_steal(&b));
}

enum { NAMED_MAX = 10 }; /* names in a note; the rest counted */

/* ": a, b, c and K more" of items, to b. */
static void add_names(rg_buf *b, const list *items)
{
    for (size_t i = 0; i < items->len && i < NAMED_MAX; i++) {
        rg_buf_adds(b, i ? ", " : ": ");
        rg_buf_adds(b, items->items[i]);
    }
    if (items->len > NAMED_MAX) {
        char more[64];
        snprintf(more, sizeof more, " and %zu more", items->len - NAMED_MAX);
        rg_buf_adds(b, more);
    }
}

/* How a note names what was skipped, one or many. */
typedef struct skip_words {
    const char *one, *many, *why_one, *why_many;
} skip_words;

static const skip_words files_words = {"file", "files", "that is not a report", "that are not reports"};
static const skip_words subdirs_words = {"subdirectory", "subdirectories", "(subdirectories are not searched)",
                                         "(subdirectories are not searched)"};

/* "N files that are not reports: a, b" (w) of items, to b. */
static void add_skipped(rg_buf *b, const list *items, const skip_words *w)
{
    char head[96];
    bool one = items->len == 1;
    snprintf(head, sizeof head, "%zu %s %s", items->len, one ? w->one : w->many, one ? w->why_one : w->why_many);
    rg_buf_adds(b, head);
    add_names(b, items);
}

/* "DIR: skipped N files that are not reports: a, b" into notes. */
static int note_skipped(const char *dir, const list *items, const skip_words *w, list *notes)
{
    if (items->len == 0)
        return 0;
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_adds(&b, dir);
    rg_buf_adds(&b, ": skipped ");
    add_skipped(&b, items, w);
    return push(notes, rg_buf_steal(&b));
}

/* A directory without reports: what it holds instead, if anything. */
static int no_reports(const char *dir, const list *others, rg_error *err)
{
    rg_buf b;
    rg_buf_init(&b);
    if (others->len) {
        rg_buf_adds(&b, ", only ");
        add_skipped(&b, others, &files_words);
    }
    char *what = rg_buf_steal(&b);
    rg_error_set(err, RG_ERR_INPUT, dir, 0, "no reports (.md, .txt, .html, .pdf) in directory%s", what ? what : "");
    free(what);
    return -1;
}

static int scan_dir(const char *dir, list *out, list *notes, rg_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return rg_error_set(err, RG_ERR_IO, dir, 0, "cannot open directory: %s", strerror(errno));
    list found = {0}, others = {0}, subdirs = {0};
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(d)) != NULL)
        if (!unremarkable(de->d_name) && sort_entry(dir, de->d_name, &found, &others, &subdirs) < 0)
            rc = rg_error_nomem(err);
    closedir(d);
    sort(&found);
    sort(&others);
    sort(&subdirs);
    if (rc == 0 && found.len == 0)
        rc = no_reports(dir, &others, err);
    if (rc == 0 && (note_skipped(dir, &others, &files_words, notes) < 0 ||
                    note_skipped(dir, &subdirs, &subdirs_words, notes) < 0))
        rc = rg_error_nomem(err);
    for (size_t i = 0; i < found.len; i++) {
        if (rc == 0 && push(out, found.items[i]) < 0)
            rc = rg_error_nomem(err);
        else if (rc != 0)
            free(found.items[i]);
    }
    free(found.items);
    free_list(others.items, others.len);
    free_list(subdirs.items, subdirs.len);
    return rc;
}

/* The default corpus: every report of dir, recorded as name/<file>. */
static int default_corpus(const char *dir, const char *name, list *paths, list *names, list *notes, rg_error *err)
{
    int rc = scan_dir(dir, paths, notes, err);
    for (size_t i = 0; rc == 0 && i < paths->len; i++) {
        const char *base = strrchr(paths->items[i], '/');
        if (push(names, rg_file_join(name, base ? base + 1 : paths->items[i])) < 0)
            rc = rg_error_nomem(err);
    }
    return rc;
}

/* A file named as a report that is none: its format, what relgraph reads
 * and how to get there. */
static int not_a_report(const char *path, rg_file_format f, rg_error *err)
{
    const char *hint = f.kind == RG_FORMAT_DOCUMENT ? "; convert it to Markdown first (pandoc, for example)"
                       : f.kind == RG_FORMAT_JSON     ? "; a graph file written by relgraph build is read with -g"
                                                      : "";
    return rg_error_set(err, RG_ERR_INPUT, path, 0,
                        "%s%s, not a report: relgraph reads reports in Markdown, HTML, plain text or PDF (.md, "
                        ".html, .txt, .pdf)%s",
                        f.name, f.by_content ? " (by its first bytes)" : "", hint);
}

/* One argument: a report file, or a directory's reports. */
static int add_arg(const char *arg, list *paths, list *notes, rg_error *err)
{
    struct stat st;
    if (stat(arg, &st) != 0)
        return rg_error_set(err, RG_ERR_IO, arg, 0, "cannot open: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return scan_dir(arg, paths, notes, err);
    rg_file_format f = rg_file_format_of(arg);
    if (!rg_file_format_readable(f))
        return not_a_report(arg, f, err);
    return push(paths, rg_strdup(arg)) < 0 ? rg_error_nomem(err) : 0;
}

int rg_pipeline_inputs(char *const *args, size_t n, const char *default_dir, const char *default_name,
                       rg_inputs *in, rg_error *err)
{
    memset(in, 0, sizeof *in);
    list paths = {0}, names = {0}, notes = {0};
    int rc = 0;
    if (n == 0 && !default_dir)
        rc = rg_error_set(err, RG_ERR_USAGE, NULL, 0, "no reports to read");
    else if (n == 0)
        rc = default_corpus(default_dir, default_name, &paths, &names, &notes, err);
    for (size_t i = 0; i < n && rc == 0; i++) {
        rc = add_arg(args[i], &paths, &notes, err);
        while (rc == 0 && names.len < paths.len)
            if (push(&names, rg_strdup(paths.items[names.len])) < 0)
                rc = rg_error_nomem(err);
    }
    if (rc < 0) {
        free_list(names.items, names.len);
        free_list(paths.items, paths.len);
        free_list(notes.items, notes.len);
        return -1;
    }
    in->paths = paths.items;
    in->names = names.items;
    in->len = paths.len;
    in->skipped = notes.items;
    in->n_skipped = notes.len;
    return 0;
}

void rg_pipeline_inputs_free(rg_inputs *in)
{
    free_list(in->paths, in->len);
    free_list(in->names, in->len);
    free_list(in->skipped, in->n_skipped);
    memset(in, 0, sizeof *in);
}
