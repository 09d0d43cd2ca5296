#include "graph/base/file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int rg_file_read(const char *path, size_t max, rg_buf *out, rg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        rg_buf_add(out, chunk, n);
        if (max && out->len > max)
            break;
    }
    int read_error = ferror(f);
    int saved = errno;
    fclose(f);
    if (read_error)
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot read: %s", strerror(saved));
    return out->failed ? rg_error_nomem(err) : 0;
}

char *rg_file_join(const char *a, const char *b)
{
    rg_buf buf;
    rg_buf_init(&buf);
    rg_buf_adds(&buf, a);
    rg_buf_addc(&buf, '/');
    rg_buf_adds(&buf, b);
    return rg_buf_steal(&buf);
}

bool rg_file_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
