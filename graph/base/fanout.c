#include "graph/base/fanout.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int rg_fanout_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n < 64 ? n : 64) : 1;
}

static bool write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w, len -= (size_t)w;
    }
    return true;
}

static bool read_all(int fd, void *data, size_t len)
{
    char *p = data;
    while (len > 0) {
        ssize_t r = read(fd, p, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r, len -= (size_t)r;
    }
    return true;
}

static int sum_in_process(size_t n_parts, rg_fanout_fn fn, void *ctx, double *sum, size_t n, double *part,
                          rg_error *err)
{
    memset(sum, 0, n * sizeof *sum);
    for (size_t p = 0; p < n_parts; p++) {
        if (fn(ctx, p, n_parts, part, n) < 0)
            return rg_error_set(err, RG_ERR_INPUT, NULL, 0, "cannot compute part %zu of %zu", p + 1, n_parts);
        for (size_t i = 0; i < n; i++)
            sum[i] += part[i];
    }
    return 0;
}

/* Worker w computes parts w, w + workers, ... and writes their vectors to
 * its pipe in that order; the parent reads them into place and adds them up
 * in part order. */
int rg_fanout_sum(int workers, size_t n_parts, rg_fanout_fn fn, void *ctx, double *sum, size_t n, rg_error *err)
{
    if (workers > (int)n_parts)
        workers = (int)n_parts;
    double *parts = malloc((n_parts ? n_parts : 1) * (n ? n : 1) * sizeof *parts);
    if (!parts)
        return rg_error_nomem(err);
    if (workers <= 1) {
        int rc = sum_in_process(n_parts, fn, ctx, sum, n, parts, err);
        free(parts);
        return rc;
    }
    pid_t *pids = calloc((size_t)workers, sizeof *pids);
    int *fds = malloc((size_t)workers * sizeof *fds);
    if (!pids || !fds) {
        free(pids), free(fds), free(parts);
        return rg_error_nomem(err);
    }
    int started = 0;
    for (int w = 0; w < workers; w++) {
        int pipefd[2];
        if (pipe(pipefd) < 0)
            break;
        pid_t pid = fork();
        if (pid < 0) {
            close(pipefd[0]), close(pipefd[1]);
            break;
        }
        if (pid == 0) {
            close(pipefd[0]);
            for (int k = 0; k < started; k++)
                close(fds[k]);
            /* every part first, then the writes: a worker blocked on a
             * full pipe while the parent reads another would wait idle */
            bool ok = true;
            for (size_t p = (size_t)w; ok && p < n_parts; p += (size_t)workers)
                ok = fn(ctx, p, n_parts, parts + p * n, n) == 0;
            for (size_t p = (size_t)w; ok && p < n_parts; p += (size_t)workers)
                ok = write_all(pipefd[1], parts + p * n, n * sizeof *parts);
            close(pipefd[1]);
            free(pids), free(fds), free(parts);
            _exit(ok ? 0 : 1);
        }
        close(pipefd[1]);
        pids[w] = pid;
        fds[w] = pipefd[0];
        started++;
    }
    bool ok = started == workers;
    for (int w = 0; w < started; w++) {
        for (size_t p = (size_t)w; ok && p < n_parts; p += (size_t)workers)
            ok = read_all(fds[w], parts + p * n, n * sizeof *parts);
        close(fds[w]);
    }
    for (int w = 0; w < started; w++) {
        int status = 0;
        if (waitpid(pids[w], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            ok = false;
    }
    free(pids);
    free(fds);
    int rc = 0;
    if (ok) {
        memset(sum, 0, n * sizeof *sum);
        for (size_t p = 0; p < n_parts; p++)
            for (size_t i = 0; i < n; i++)
                sum[i] += parts[p * n + i];
    } else {
        /* no worker could start, or one failed: do it all here */
        rc = sum_in_process(n_parts, fn, ctx, sum, n, parts, err);
    }
    free(parts);
    return rc;
}
