/* Gathering the report files a build reads. */
#include "graph/pipeline/pipeline.h"

#include "graph/base/file.h"
#include "graph/base/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
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

static bool report_name(const char *name)
{
    if (name[0] == '.' || strncmp(name, "README", 6) == 0)
        return false;
    const char *dot = strrchr(name, '.');
    if (!dot)
        return false;
    static const char *const exts[] = {".md", ".markdown", ".txt", ".text", ".html", ".htm"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (rg_strcasecmp(dot, exts[i]) == 0)
            return true;
    return false;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int scan_dir(const char *dir, list *out, rg_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return rg_error_set(err, RG_ERR_IO, dir, 0, "cannot open directory: %s", strerror(errno));
    list found = {0};
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        if (!report_name(de->d_name))
            continue;
        char *path = rg_file_join(dir, de->d_name);
        if (path && rg_file_is_dir(path)) {
            free(path);
            continue;
        }
        if (push(&found, path) < 0)
            rc = rg_error_nomem(err);
    }
    closedir(d);
    if (found.len > 1)
        qsort(found.items, found.len, sizeof *found.items, compare_strings);
    for (size_t i = 0; i < found.len; i++) {
        if (rc == 0 && push(out, found.items[i]) < 0)
            rc = rg_error_nomem(err);
        else if (rc != 0)
            free(found.items[i]);
    }
    free(found.items);
    if (rc == 0 && found.len == 0)
        rc = rg_error_set(err, RG_ERR_INPUT, dir, 0, "no reports (.md, .txt, .html) in directory");
    return rc;
}

/* The default corpus: every report of dir, recorded as name/<file>. */
static int default_corpus(const char *dir, const char *name, list *paths, list *names, rg_error *err)
{
    int rc = scan_dir(dir, paths, err);
    for (size_t i = 0; rc == 0 && i < paths->len; i++) {
        const char *base = strrchr(paths->items[i], '/');
        if (push(names, rg_file_join(name, base ? base + 1 : paths->items[i])) < 0)
            rc = rg_error_nomem(err);
    }
    return rc;
}

int rg_pipeline_inputs(char *const *args, size_t n, const char *default_dir, const char *default_name,
                       rg_inputs *in, rg_error *err)
{
    memset(in, 0, sizeof *in);
    list paths = {0}, names = {0};
    int rc = 0;
    if (n == 0 && !default_dir)
        rc = rg_error_set(err, RG_ERR_USAGE, NULL, 0, "no reports to read");
    else if (n == 0)
        rc = default_corpus(default_dir, default_name, &paths, &names, err);
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (stat(args[i], &st) != 0)
            rc = rg_error_set(err, RG_ERR_IO, args[i], 0, "cannot open: %s", strerror(errno));
        else if (S_ISDIR(st.st_mode))
            rc = scan_dir(args[i], &paths, err);
        else if (push(&paths, rg_strdup(args[i])) < 0)
            rc = rg_error_nomem(err);
        while (rc == 0 && names.len < paths.len)
            if (push(&names, rg_strdup(paths.items[names.len])) < 0)
                rc = rg_error_nomem(err);
    }
    if (rc < 0) {
        free_list(names.items, names.len);
        free_list(paths.items, paths.len);
        return -1;
    }
    in->paths = paths.items;
    in->names = names.items;
    in->len = paths.len;
    return 0;
}

void rg_pipeline_inputs_free(rg_inputs *in)
{
    free_list(in->paths, in->len);
    free_list(in->names, in->len);
    memset(in, 0, sizeof *in);
}
