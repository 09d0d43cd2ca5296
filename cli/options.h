/* rg_options: one option table per command, in the manner of git's
 * parse-options. Each option is declared once (long name, short form,
 * argument name, help line, where its value goes); the options list of
 * --help is generated from the table, after the command's hand-written
 * usage line and description; one parser over getopt_long reads argv.
 * Every command takes -h, --help (listed last) and -q, --quiet (before
 * it): the table leaves them out. A table may have a --quiet of its own,
 * which then replaces the common one and sets rg_options_quiet too.
 *
 * Ownership: the tables, texts and values are the caller's; a list option
 * collects pointers into argv in an array the caller frees (items) once
 * rg_options_parse has returned -1 (on any other return it is freed).
 */
#ifndef RG_OPTIONS_H
#define RG_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum rg_option_kind {
    RG_OPTION_END,
    RG_OPTION_SET,      /* bool *: true */
    RG_OPTION_CLEAR,    /* bool *: false */
    RG_OPTION_STRING,   /* const char **: the argument */
    RG_OPTION_COUNT,    /* long *: a positive whole number */
    RG_OPTION_LIST,     /* rg_option_list *: every argument, in order */
    RG_OPTION_CALLBACK, /* parse(command, arg, value) */
} rg_option_kind;

/* Parse arg into value; 0, or the exit status after printing the usage
 * error (rg_options_fail). */
typedef int rg_option_fn(const char *command, char *arg, void *value);

typedef struct rg_option {
    rg_option_kind kind;
    char short_name;    /* 0: none */
    const char *name;   /* the long name */
    const char *arg;    /* the argument's name in the help; NULL: takes none */
    void *value;
    const char *help;   /* its lines, '\n' between them; NULL: not listed */
    rg_option_fn *parse; /* RG_OPTION_CALLBACK */
    const char *left;   /* the left column, when not "-s, --name ARG" */
} rg_option;

typedef struct rg_option_list {
    char **items;
    size_t len;
} rg_option_list;

#define RG_OPT_SET(s, name, value, help) {RG_OPTION_SET, s, name, NULL, value, help, NULL, NULL}
#define RG_OPT_CLEAR(s, name, value, help) {RG_OPTION_CLEAR, s, name, NULL, value, help, NULL, NULL}
#define RG_OPT_STRING(s, name, value, arg, help) {RG_OPTION_STRING, s, name, arg, value, help, NULL, NULL}
#define RG_OPT_COUNT(s, name, value, arg, help) {RG_OPTION_COUNT, s, name, arg, value, help, NULL, NULL}
#define RG_OPT_LIST(s, name, value, arg, help) {RG_OPTION_LIST, s, name, arg, value, help, NULL, NULL}
#define RG_OPT_CALLBACK(s, name, value, arg, help, fn) {RG_OPTION_CALLBACK, s, name, arg, value, help, fn, NULL}
#define RG_OPT_END {RG_OPTION_END, 0, NULL, NULL, NULL, NULL, NULL, NULL}

/* A command's options: its name, the width of the options list's left
 * column, whether options end at the first file (getopt's "+"), and its
 * usage line(s) and description, up to the options list. */
typedef struct rg_options_usage {
    const char *command;
    int width;
    bool in_order;
    const char *text;
} rg_options_usage;

/* Parse argv by opts (ended by RG_OPT_END). Returns -1 to go on, optind
 * the first argument; else the exit status: 0 after --help, 2 after a bad
 * option or argument (the message printed), 3 out of memory; then the
 * lists are freed and empty. */
int rg_options_parse(const rg_options_usage *u, const rg_option *opts, int argc, char **argv);

/* Was -q, --quiet given: no notes on stderr, only errors and warnings? */
bool rg_options_quiet(void);

/* Print a usage error and the hint to run COMMAND --help; returns 2. */
int rg_options_fail(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* While buf is set (size not 0), rg_options_fail writes its message there
 * (cut to size, without the hint to run --help) instead of on stderr: for
 * the server, which answers a bad parameter with the message the option's
 * own parser gives. rg_options_capture(NULL, 0) ends it. One thread only. */
void rg_options_capture(char *buf, size_t size);

/* Parse a positive integer option; false when s is not one. */
bool rg_options_count(const char *s, long *out);

#endif
