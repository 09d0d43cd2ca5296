/* relgraph serve: the explorer and a read-only JSON API over HTTP (GNU
 * libmicrohttpd), answering as the CLI's --json does (cli/answers.h). */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/serve.h"
#include "export/explore.h"
#include "graph/analyze/query.h"
#include "graph/base/text.h"
#include "graph/rules/catalog.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const rg_options_usage usage = {"serve", 22, false,
    "usage: relgraph serve [-g graph.json] [--port N] [--bind ADDRESS] [--time-limit S]\n"
    "                      [--answer-limit MB] [FILE|DIR ...]\n\n"
    "Serve the explorer (the page `relgraph explore` writes, kept in memory,\n"
    "without the links' evidence, which it asks the API for when a node, a link\n"
    "or a path is opened) at http://ADDRESS:PORT/ and a read-only JSON API whose\n"
    "answers are, byte for byte, what the same query prints with --json:\n"
    "  /api/find?q=TEXT               find TEXT --limit 100 --json\n"
    "  /api/node?name=NAME            show NAME --json\n"
    "  /api/neighbors?name=NAME       neighbors NAME --json\n"
    "  /api/path?from=A&to=B          path A B --json\n"
    "  /api/common?a=A&b=B            common A B --json\n"
    "  /api/evidence?a=A&b=B          evidence A B --json\n"
    "  /api/ego?name=NAME             ego NAME --json\n"
    "  /api/rank                      rank --json\n"
    "  /api/communities               communities --json\n"
    "Any other parameter is the command's long option of that name, with its\n"
    "value (/api/rank?view=agencies&by=pagerank&top=5) or, for a switch, none\n"
    "(/api/path?from=A&to=B&all); exclude may repeat. find gives 100 nodes\n"
    "unless limit=N asks for up to 10000; when more match, the header\n"
    "X-Relgraph-Note says how many. The address to open is printed on stdout;\n"
    "Ctrl-C (SIGINT) or SIGTERM stops the server. Only GET and HEAD are\n"
    "answered (else 405); a request whose Host is not localhost, 127.0.0.1,\n"
    "[::1] or the bound address is refused (403: no DNS rebinding); an unknown\n"
    "path is 404, an unknown name 404 with the CLI's message; an unknown,\n"
    "missing, repeated, overlong or non-UTF-8 parameter, a bad value or a filter\n"
    "that matches nothing 400 with the CLI's message; an overlong URL 414; a\n"
    "query that runs past --time-limit, or an answer that would hold more than\n"
    "--answer-limit, 422; every error is a JSON object {\"error\": ...}. Nothing\n"
    "is read from disk after the start: the page is compiled into relgraph.\n\n"};

#define SERVE_CONNECTIONS_MAX 64
#define SERVE_TIMEOUT_SECONDS 10
/* what one connection may hold while its request is read: room for the
 * 10,000 parameters of a hostile request to be parsed and refused with a
 * JSON error rather than libmicrohttpd's own page */
#define SERVE_REQUEST_MEMORY (1024 * 1024)

/* One request's parameters as libmicrohttpd decoded them, up to one past
 * the bound (the answer refuses the request then; 10,000 are not copied). */
typedef struct gathered {
    rg_serve_param params[RG_SERVE_PARAMS_MAX + 1];
    size_t n, given;
} gathered;

static enum MHD_Result gather_param(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                    const char *value, size_t value_size)
{
    (void)kind;
    gathered *g = cls;
    if (g->n < sizeof g->params / sizeof *g->params)
        g->params[g->n++] = (rg_serve_param){key, key_size, value, value_size};
    g->given++;
    return MHD_YES;
}

/* The URL's length as sent, near enough: its path, each parameter and
 * the '?', '&' and '=' between them. */
static size_t url_length(const char *path, const gathered *g)
{
    size_t len = strlen(path);
    for (size_t i = 0; i < g->n; i++)
        len += 2 + g->params[i].key_len + g->params[i].value_len;
    return len;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)version, (void)upload, (void)state;
    rg_serve *s = cls;
    *upload_size = 0; /* a body is not read */
    gathered given = {.n = 0};
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, gather_param, &given);
    rg_serve_request r = {
        .method = method,
        .host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
        .path = url,
        .url_len = url_length(url, &given),
        .params = given.params,
        .n_params = given.n,
        .params_given = given.given,
    };
    rg_serve_response out;
    rg_serve_answer(s, &r, &out);
    /* the answer's own text is handed over (freed by libmicrohttpd); the
     * page stays the server's */
    struct MHD_Response *resp =
        out.owned ? MHD_create_response_from_buffer(out.len, out.owned, MHD_RESPMEM_MUST_FREE)
                  : MHD_create_response_from_buffer(out.len, (void *)out.body, MHD_RESPMEM_PERSISTENT);
    if (!resp) {
        rg_serve_response_destroy(&out);
        return MHD_NO;
    }
    out.owned = NULL;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, out.type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (out.status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    if (out.note[0])
        MHD_add_response_header(resp, "X-Relgraph-Note", out.note);
    enum MHD_Result ok = MHD_queue_response(c, out.status, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* The explorer page, written once into memory. */
static int make_page(rg_serve *s, rg_error *err)
{
    FILE *f = open_memstream(&s->page, &s->page_len);
    if (!f)
        return rg_error_nomem(err);
    rg_catalog *cat = rg_cli_catalog();
    rg_explore_options opts = {.size_by = RG_SCORE_PAGERANK, .catalog = cat, .evidence_on_demand = true};
    rg_cli_note_leiden_bound("entities", rg_explore_community_nodes(s->g), RG_COMMUNITY_LEIDEN, 0);
    int rc = rg_explore_write(s->g, f, &opts, err);
    if (fclose(f) != 0 && rc == 0)
        rc = rg_error_nomem(err);
    rg_catalog_free(cat);
    return rc;
}

static int parse_port(const char *arg, unsigned short *port)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (!*arg || *end || v < 0 || v > 65535)
        return rg_options_fail("serve", "--port takes a number from 0 to 65535 (0: a free one), not '%s'", arg);
    *port = (unsigned short)v;
    return 0;
}

static int parse_seconds(const char *arg, double *seconds)
{
    char *end;
    double v = strtod(arg, &end);
    if (!*arg || *end || !isfinite(v) || v < 0 || v > 86400)
        return rg_options_fail("serve", "--time-limit takes seconds from 0 to 86400 (0: no limit), not '%s'", arg);
    *seconds = v;
    return 0;
}

/* The socket address of --bind and --port: IPv4 or IPv6. */
typedef struct bind_address {
    union {
        struct sockaddr any;
        struct sockaddr_in v4;
        struct sockaddr_in6 v6;
    } sa;
    bool v6;
    unsigned short port;
} bind_address;

static int parse_bind(const char *bind, unsigned short port, bind_address *b)
{
    memset(b, 0, sizeof *b);
    b->port = port;
    if (inet_pton(AF_INET, bind, &b->sa.v4.sin_addr) == 1) {
        b->sa.v4.sin_family = AF_INET;
        b->sa.v4.sin_port = htons(port);
        return 0;
    }
    if (inet_pton(AF_INET6, bind, &b->sa.v6.sin6_addr) == 1) {
        b->sa.v6.sin6_family = AF_INET6;
        b->sa.v6.sin6_port = htons(port);
        b->v6 = true;
        return 0;
    }
    return rg_options_fail("serve", "--bind takes an IPv4 or IPv6 address (127.0.0.1, ::1, 0.0.0.0), not '%s'",
                           bind);
}

/* SIGINT and SIGTERM, caught by whichever thread they reach (igraph's
 * OpenMP workers exist by then, with signals unblocked, so blocking them in
 * this thread alone would not do), are written into a pipe that the main
 * thread waits on: all a signal handler may safely do. */
static int stop_pipe[2] = {-1, -1};
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig;
    char c = 0;
    ssize_t w = write(stop_pipe[1], &c, 1);
    (void)w; /* a full pipe already says stop */
}

/* Catch SIGINT and SIGTERM into the pipe; false when it cannot be made. */
static bool catch_stop(void)
{
    if (pipe(stop_pipe) != 0)
        return false;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGINT, &sa, NULL) == 0 && sigaction(SIGTERM, &sa, NULL) == 0;
}

static void wait_for_stop(void)
{
    char c;
    while (read(stop_pipe[0], &c, 1) < 0 && errno == EINTR)
        continue;
}

/* Serve until SIGINT or SIGTERM. */
static int run(rg_serve *s, bind_address *b)
{
    if (!catch_stop()) {
        fprintf(stderr, "relgraph: error: cannot catch SIGINT and SIGTERM: %s\n", strerror(errno));
        return RG_ERR_IO;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | (b->v6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, b->port, NULL, NULL, answer, s, MHD_OPTION_SOCK_ADDR, &b->sa.any, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)SERVE_CONNECTIONS_MAX, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT_SECONDS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_REQUEST_MEMORY, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "relgraph: error: cannot serve on %s port %u (in use, or not an address of this machine)\n",
                s->bind, b->port);
        return RG_ERR_IO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    /* an IPv6 address in a URL is in brackets */
    printf("http://%s%s%s:%u/\n", b->v6 ? "[" : "", s->bind, b->v6 ? "]" : "", info ? info->port : b->port);
    fflush(stdout);
    rg_cli_note("serving the explorer and /api/{find,node,neighbors,path,common,evidence,ego,rank,communities} "
                "(Ctrl-C stops)");
    wait_for_stop();
    MHD_stop_daemon(d);
    rg_cli_note("stopped (%s)", stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    const char *graph_file = NULL, *port_arg = "8080", *seconds_arg = NULL;
    long answer_mb = RG_SERVE_ANSWER_MB_DEFAULT;
    rg_serve s = {.bind = "127.0.0.1", .seconds_max = RG_SERVE_SECONDS_DEFAULT};
    const rg_option options[] = {
        RG_OPT_GRAPH(&graph_file),
        RG_OPT_STRING(0, "port", &port_arg, "N", "the port (default: 8080; 0: a free one, printed)"),
        RG_OPT_STRING(0, "bind", &s.bind, "ADDRESS",
                      "the IPv4 or IPv6 address to listen on (default:\n"
                      "127.0.0.1, this machine only; ::1 for IPv6 loopback)"),
        RG_OPT_STRING(0, "time-limit", &seconds_arg, "S",
                      "the time one answer may take (default: 5; over it:\n"
                      "422); 0: no limit"),
        RG_OPT_COUNT(0, "answer-limit", &answer_mb, "MB",
                     "the most one answer may hold (default: 16; over it:\n"
                     "422)"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    bind_address addr;
    unsigned short port = 0;
    if (parse_port(port_arg, &port) != 0 || parse_bind(s.bind, port, &addr) != 0 ||
        (seconds_arg && parse_seconds(seconds_arg, &s.seconds_max) != 0))
        return RG_ERR_USAGE;
    if (answer_mb > 1 << 20)
        return rg_options_fail("serve", "--answer-limit is at most %d MB, not %ld", 1 << 20, answer_mb);
    s.answer_max = (size_t)answer_mb << 20;
    rg_error err;
    rg_error_clear(&err);
    int rc = rg_cli_graph_names(graph_file, argv + optind, argc - optind, &s.g, &s.names, &err);
    if (rc == 0)
        rc = make_page(&s, &err);
    int status = rc == 0 ? 0 : rg_cli_fail(&err);
    if (status == 0)
        status = run(&s, &addr);
    free(s.page);
    rg_path_index_free(s.path_index[0]);
    rg_path_index_free(s.path_index[1]);
    rg_find_index_free(s.find_index);
    rg_names_free(s.names);
    rg_graph_free(s.g);
    return status;
}
