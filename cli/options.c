/* One parser over getopt_long for every command's option table. */
#include "cli/options.h"

#include "graph/base/error.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest table (rank's) has 17 options; LONG_ONLY + index is the
 * getopt value of an option without a short form. */
enum { MAX_OPTIONS = 40, LONG_ONLY = 256 };

/* -h, --help: every command's, listed last. */
static const rg_option help = {RG_OPTION_END, 'h', "help", NULL, NULL, "show this help", NULL, NULL};

/* -q, --quiet: every command's, listed before --help, unless the table
 * has a --quiet of its own (eval's), which then also sets this. */
static bool quiet;
static const rg_option quiet_option = {RG_OPTION_SET, 'q', "quiet", NULL, &quiet,
                                       "no notes on stderr (which graph is read, files skipped,\n"
                                       "what is written); errors and warnings still show",
                                       NULL, NULL};

bool rg_options_quiet(void)
{
    return quiet;
}

/* Does the table have a --quiet of its own? */
static bool own_quiet(const rg_option *opts)
{
    for (const rg_option *o = opts; o->kind != RG_OPTION_END; o++)
        if (strcmp(o->name, "quiet") == 0)
            return true;
    return false;
}

static void print_option(const rg_options_usage *u, const rg_option *o, FILE *f)
{
    if (!o->help)
        return;
    char left[80];
    if (o->left)
        snprintf(left, sizeof left, "%s", o->left);
    else if (o->short_name)
        snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
    else
        snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    /* continuation lines line up under the first */
    const char *line = o->help;
    size_t len = strcspn(line, "\n");
    fprintf(f, "  %-*s %.*s\n", u->width, left, (int)len, line);
    while (line[len] == '\n') {
        line += len + 1;
        len = strcspn(line, "\n");
        fprintf(f, "%*s%.*s\n", u->width + 3, "", (int)len, line);
    }
}

/* The usage text and the generated options list. */
static void print_usage(const rg_options_usage *u, const rg_option *opts, FILE *f)
{
    fputs(u->text, f);
    for (const rg_option *o = opts; o->kind != RG_OPTION_END; o++)
        print_option(u, o, f);
    if (!own_quiet(opts))
        print_option(u, &quiet_option, f);
    print_option(u, &help, f);
}

static int add_to_list(rg_option_list *l, char *arg)
{
    char **p = realloc(l->items, (l->len + 1) * sizeof *p);
    if (!p) {
        fputs("relgraph: error: out of memory\n", stderr);
        return RG_ERR_IO;
    }
    l->items = p;
    l->items[l->len++] = arg;
    return 0;
}

/* Store arg as o says; 0 or the exit status. */
static int take(const rg_options_usage *u, const rg_option *o, char *arg)
{
    switch (o->kind) {
    case RG_OPTION_SET:
        *(bool *)o->value = true;
        return 0;
    case RG_OPTION_CLEAR:
        *(bool *)o->value = false;
        return 0;
    case RG_OPTION_STRING:
        *(const char **)o->value = arg;
        return 0;
    case RG_OPTION_COUNT:
        if (!rg_options_count(arg, o->value))
            return rg_options_fail(u->command, "--%s needs a positive whole number, not '%s'", o->name, arg);
        return 0;
    case RG_OPTION_LIST:
        return add_to_list(o->value, arg);
    case RG_OPTION_CALLBACK:
        return o->parse(u->command, arg, o->value);
    default:
        return 0;
    }
}

/* getopt_long's tables from opts: short options in short, the long ones
 * in longs, each long option's val its short name or LONG_ONLY + index.
 * Returns the number of options, or MAX_OPTIONS + 1 for a table too large. */
static size_t tables(const rg_options_usage *u, const rg_option *opts, char *shorts, struct option *longs)
{
    size_t n = 0, k = 0;
    if (u->in_order)
        shorts[k++] = '+';
    for (; opts[n].kind != RG_OPTION_END; n++) {
        if (n == MAX_OPTIONS)
            return n + 1; /* the table is larger than the parser's room */
        const rg_option *o = &opts[n];
        longs[n] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
                                   o->short_name ? o->short_name : LONG_ONLY + (int)n};
        if (o->short_name) {
            shorts[k++] = o->short_name;
            if (o->arg)
                shorts[k++] = ':';
        }
    }
    size_t end = n;
    if (!own_quiet(opts)) {
        shorts[k++] = 'q';
        longs[end++] = (struct option){"quiet", no_argument, NULL, 'q'};
    }
    shorts[k++] = 'h';
    shorts[k] = '\0';
    longs[end] = (struct option){"help", no_argument, NULL, 'h'};
    longs[end + 1] = (struct option){NULL, 0, NULL, 0};
    return n;
}

/* Parsing stops: the lists gathered so far are of no more use. */
static int stop(const rg_option *opts, int status)
{
    for (const rg_option *o = opts; o->kind != RG_OPTION_END; o++)
        if (o->kind == RG_OPTION_LIST) {
            rg_option_list *l = o->value;
            free(l->items);
            *l = (rg_option_list){NULL, 0};
        }
    return status;
}

int rg_options_parse(const rg_options_usage *u, const rg_option *opts, int argc, char **argv)
{
    char shorts[2 * MAX_OPTIONS + 4];
    struct option longs[MAX_OPTIONS + 3];
    size_t n = tables(u, opts, shorts, longs);
    if (n > MAX_OPTIONS)
        return stop(opts, rg_options_fail(u->command, "more than %d options in the command's table", MAX_OPTIONS));
    int c;
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (c == 'h') {
            print_usage(u, opts, stdout);
            return stop(opts, 0);
        }
        const rg_option *o = NULL;
        for (size_t i = 0; i < n && !o; i++)
            if (c == (opts[i].short_name ? opts[i].short_name : LONG_ONLY + (int)i))
                o = &opts[i];
        if (!o && c == 'q')
            o = &quiet_option;
        if (o && strcmp(o->name, "quiet") == 0)
            quiet = true;
        if (!o)
            return stop(opts, rg_options_fail(u->command, "unknown or incomplete option '%s'", argv[optind - 1]));
        int status = take(u, o, optarg);
        if (status != 0)
            return stop(opts, status);
    }
    return -1;
}

/* Where rg_options_fail writes while a buffer is set (rg_options_capture). */
static char *captured;
static size_t captured_size;

void rg_options_capture(char *buf, size_t size)
{
    captured = size ? buf : NULL;
    captured_size = size;
    if (captured)
        captured[0] = '\0';
}

int rg_options_fail(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (captured) {
        vsnprintf(captured, captured_size, fmt, ap);
        va_end(ap);
        return RG_ERR_USAGE;
    }
    fputs("relgraph: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (try 'relgraph %s%s--help')\n", command ? command : "", command ? " " : "");
    return RG_ERR_USAGE;
}

bool rg_options_count(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return false;
    *out = v;
    return true;
}
