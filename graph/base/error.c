#include "graph/base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void rg_error_clear(rg_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
}

int rg_error_set(rg_error *err, rg_status code, const char *file, long line,
                 const char *fmt, ...)
{
    if (!err || err->msg[0])
        return -1;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    if (!err->msg[0])
        snprintf(err->msg, sizeof err->msg, "unknown error");
    return -1;
}

int rg_error_nomem(rg_error *err)
{
    return rg_error_set(err, RG_ERR_IO, NULL, 0, "out of memory");
}

const char *rg_error_format(const rg_error *err, char *buf, size_t size)
{
    if (!err->file[0])
        snprintf(buf, size, "error: %s", err->msg);
    else if (err->line > 0 && err->column > 0)
        snprintf(buf, size, "error: %s:%ld:%ld: %s", err->file, err->line, err->column, err->msg);
    else if (err->line > 0)
        snprintf(buf, size, "error: %s:%ld: %s", err->file, err->line, err->msg);
    else
        snprintf(buf, size, "error: %s: %s", err->file, err->msg);
    return buf;
}
