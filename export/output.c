/* sync_file_range(2), where Linux has it */
#define _GNU_SOURCE

#include "export/output.h"

#include "graph/base/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A file being written under a temporary name. */
typedef struct output {
    FILE *file;
    char *path;
    char *tmp;
    int created; /* tmp exists on disk */
} output;

static void output_abort(output *o);

static int output_open(output *o, const char *path, rg_error *err)
{
    memset(o, 0, sizeof *o);
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_adds(&b, path);
    rg_buf_adds(&b, ".tmp-XXXXXX");
    if (b.failed || !(o->path = rg_strdup(path))) {
        rg_buf_destroy(&b);
        return rg_error_nomem(err);
    }
    o->tmp = rg_buf_steal(&b);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        output_abort(o);
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot write: %s", strerror(e));
    }
    o->created = 1;
    /* mkstemp makes the file 0600; an output should have the usual mode */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (!(o->file = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        output_abort(o);
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot write: %s", strerror(e));
    }
    return 0;
}

static int output_commit(output *o, rg_error *err)
{
    int failed = ferror(o->file) || fflush(o->file) != 0 || fsync(fileno(o->file)) != 0;
    int e = errno;
    if (fclose(o->file) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    o->file = NULL;
    if (!failed && rename(o->tmp, o->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        rg_error_set(err, RG_ERR_IO, o->path, 0, "cannot write: %s", strerror(e ? e : EIO));
        output_abort(o);
        return -1;
    }
    o->created = 0;
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return 0;
}

static void output_abort(output *o)
{
    if (o->file)
        fclose(o->file);
    if (o->created)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}

int rg_output_write(const char *path, rg_output_fn *write, void *ctx, rg_error *err)
{
    output o;
    if (output_open(&o, path, err) < 0)
        return -1;
    if (write(ctx, o.file, path, err) < 0) {
        output_abort(&o);
        return -1;
    }
    return output_commit(&o, err);
}

void rg_output_writeback(FILE *f)
{
#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
    /* a hint: errors (a pipe, a file system without it) are for the final
     * fsync to report, if they matter */
    if (fflush(f) == 0)
        (void)sync_file_range(fileno(f), 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)f;
#endif
}
