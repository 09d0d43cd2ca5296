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
#include <getopt.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"serve", 22, false,
    "usage: relgraph serve [-g graph.json] [--port N] [--bind ADDRESS] [FILE|DIR ...]\n\n"
    "Serve the explorer (the page `relgraph explore` writes, kept in memory) at\n"
    "http://ADDRESS:PORT/ and a read-only JSON API whose answers are, byte for\n"
    "byte, what the same query prints with --json:\n"
    "  /api/find?q=TEXT               find TEXT --json\n"
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
    "(/api/path?from=A&to=B&all); exclude may repeat. The address to open is\n"
    "printed on stdout; Ctrl-C (SIGINT) or SIGTERM stops the server. Only GET\n"
    "and HEAD are answered (else 405); a request whose Host is not localhost,\n"
    "127.0.0.1, [::1] or the bound address is refused (403: no DNS rebinding);\n"
    "an unknown path is 404, an unknown name 404 with the CLI's message; an\n"
    "unknown, missing, repeated, overlong or non-UTF-8 parameter, a bad value\n"
    "or a filter that matches nothing 400 with the CLI's message; an overlong\n"
    "URL 414; every error is a JSON object {\"error\": ...}. Nothing is read\n"
    "from disk after the start: the page is compiled into relgraph.\n\n"};

#define SERVE_CONNECTIONS_MAX 64
#define SERVE_TIMEOUT_SECONDS 10

typedef struct param_count {
    size_t n;
} param_count;

static enum MHD_Result count_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind, (void)key, (void)value;
    ((param_count *)cls)->n++;
    return MHD_YES;
}

/* The address of an IPv4 or IPv6 literal, into a (16 bytes); its family,
 * or 0 when name is neither. */
static int address_of(const char *name, unsigned char *a)
{
    if (inet_pton(AF_INET, name, a) == 1)
        return AF_INET;
    if (inet_pton(AF_INET6, name, a) == 1)
        return AF_INET6;
    return 0;
}

/* Whether the Host header names this server: localhost, 127.0.0.1, [::1]
 * or the bound address (an IPv6 one in brackets, in any spelling), with
 * any port; a page of another site that a DNS name now resolving to
 * loopback would let in is refused. */
static bool host_allowed(const rg_serve *s, const char *host)
{
    char name[256];
    size_t len;
    if (!host)
        return false;
    bool bracketed = host[0] == '[';
    if (bracketed) { /* [v6]:port */
        const char *close = strchr(host, ']');
        if (!close || (close[1] && close[1] != ':'))
            return false;
        host++;
        len = (size_t)(close - host);
    } else {
        len = strcspn(host, ":");
    }
    if (len >= sizeof name)
        return false;
    memcpy(name, host, len);
    name[len] = '\0';
    if (rg_strcasecmp(name, "localhost") == 0)
        return true;
    unsigned char a[16] = {0}, b[16] = {0};
    int family = address_of(name, a);
    if ((family == AF_INET6) != bracketed) /* an IPv6 literal in brackets, nothing else */
        return false;
    static const unsigned char loop4[4] = {127, 0, 0, 1}, loop6[16] = {[15] = 1};
    if ((family == AF_INET && memcmp(a, loop4, 4) == 0) || (family == AF_INET6 && memcmp(a, loop6, 16) == 0))
        return true;
    return family != 0 && address_of(s->bind, b) == family && memcmp(a, b, family == AF_INET ? 4 : 16) == 0;
}

/* Whether the request passes the checks every request must. */
static bool request_refused(rg_serve *s, struct MHD_Connection *c, const char *url, const char *method,
                            enum MHD_Result *sent)
{
    param_count count = {0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, count_param, &count);
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        *sent = rg_serve_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are answered");
    else if (!host_allowed(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)))
        *sent = rg_serve_error(c, MHD_HTTP_FORBIDDEN, "this server answers requests for localhost only");
    else if (strlen(url) > RG_SERVE_URL_MAX)
        *sent = rg_serve_error(c, MHD_HTTP_URI_TOO_LONG, "the URL is too long");
    else if (count.n > RG_SERVE_PARAMS_MAX)
        *sent = rg_serve_error(c, MHD_HTTP_BAD_REQUEST, "too many parameters");
    else
        return false;
    return true;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)version, (void)upload, (void)state;
    rg_serve *s = cls;
    enum MHD_Result sent;
    *upload_size = 0; /* a body is not read */
    if (request_refused(s, c, url, method, &sent))
        return sent;
    if (strcmp(url, "/") == 0 || strcmp(url, "/explore.html") == 0)
        return rg_serve_body(c, MHD_HTTP_OK, "text/html; charset=utf-8", s->page, s->page_len);
    return rg_serve_api(s, c, url);
}

/* The explorer page, written once into memory. */
static int make_page(rg_serve *s, rg_error *err)
{
    FILE *f = open_memstream(&s->page, &s->page_len);
    if (!f)
        return rg_error_nomem(err);
    rg_catalog *cat = rg_cli_catalog();
    rg_explore_options opts = {.size_by = RG_SCORE_PAGERANK, .catalog = cat, .evidence_on_demand = true};
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

/* Serve until SIGINT or SIGTERM, which the caller has blocked. */
static int run(rg_serve *s, bind_address *b)
{
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | (b->v6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, b->port, NULL, NULL, answer, s, MHD_OPTION_SOCK_ADDR, &b->sa.any, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)SERVE_CONNECTIONS_MAX, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT_SECONDS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(16 * 1024), MHD_OPTION_END);
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
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    int sig = 0;
    sigwait(&stop, &sig);
    MHD_stop_daemon(d);
    rg_cli_note("stopped (%s)", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    const char *graph_file = NULL, *port_arg = "8080";
    rg_serve s = {.bind = "127.0.0.1"};
    const rg_option options[] = {
        RG_OPT_GRAPH(&graph_file),
        RG_OPT_STRING(0, "port", &port_arg, "N", "the port (default: 8080; 0: a free one, printed)"),
        RG_OPT_STRING(0, "bind", &s.bind, "ADDRESS",
                      "the IPv4 or IPv6 address to listen on (default:\n"
                      "127.0.0.1, this machine only; ::1 for IPv6 loopback)"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    bind_address addr;
    unsigned short port = 0;
    if (parse_port(port_arg, &port) != 0 || parse_bind(s.bind, port, &addr) != 0)
        return RG_ERR_USAGE;
    rg_error err;
    rg_error_clear(&err);
    int rc = rg_cli_graph_names(graph_file, argv + optind, argc - optind, &s.g, &s.names, &err);
    if (rc == 0)
        rc = make_page(&s, &err);
    int status = rc == 0 ? 0 : rg_cli_fail(&err);
    if (status == 0) {
        /* blocked here, before the server's thread starts, so that it
         * inherits the mask and sigwait alone takes them */
        sigset_t stop;
        sigemptyset(&stop);
        sigaddset(&stop, SIGINT);
        sigaddset(&stop, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop, NULL);
        status = run(&s, &addr);
    }
    free(s.page);
    rg_path_index_free(s.path_index[0]);
    rg_path_index_free(s.path_index[1]);
    rg_names_free(s.names);
    rg_graph_free(s.g);
    return status;
}
