#include "graph/base/file.h"

#include "graph/base/text.h"

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

/* The extension of name (from its last dot, after its last slash), or "". */
static const char *extension(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash + 1 : name, '.');
    return dot ? dot : "";
}

bool rg_file_report_name(const char *name)
{
    static const char *const exts[] = {".md", ".markdown", ".txt", ".text", ".html", ".htm"};
    const char *ext = extension(name);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (rg_strcasecmp(ext, exts[i]) == 0)
            return true;
    return false;
}

typedef struct format_sign {
    const char *text; /* the extension, or the magic bytes */
    size_t len;       /* magic bytes only: how many */
    rg_format_kind kind;
    const char *name;
} format_sign;

#define BY_NAME(ext, kind, name) {ext, 0, kind, name}
#define MAGIC(bytes, kind, name) {bytes, sizeof bytes - 1, kind, name}

static const format_sign extensions[] = {
    BY_NAME(".pdf", RG_FORMAT_PDF, "PDF"),
    BY_NAME(".doc", RG_FORMAT_DOCUMENT, "Word"),
    BY_NAME(".docx", RG_FORMAT_DOCUMENT, "Word"),
    BY_NAME(".docm", RG_FORMAT_DOCUMENT, "Word"),
    BY_NAME(".dot", RG_FORMAT_DOCUMENT, "Word"),
    BY_NAME(".dotx", RG_FORMAT_DOCUMENT, "Word"),
    BY_NAME(".odt", RG_FORMAT_DOCUMENT, "OpenDocument text"),
    BY_NAME(".ods", RG_FORMAT_DOCUMENT, "OpenDocument spreadsheet"),
    BY_NAME(".odp", RG_FORMAT_DOCUMENT, "OpenDocument presentation"),
    BY_NAME(".rtf", RG_FORMAT_DOCUMENT, "RTF"),
    BY_NAME(".epub", RG_FORMAT_DOCUMENT, "EPUB"),
    BY_NAME(".pages", RG_FORMAT_DOCUMENT, "Pages"),
    BY_NAME(".xls", RG_FORMAT_DOCUMENT, "Excel"),
    BY_NAME(".xlsx", RG_FORMAT_DOCUMENT, "Excel"),
    BY_NAME(".ppt", RG_FORMAT_DOCUMENT, "PowerPoint"),
    BY_NAME(".pptx", RG_FORMAT_DOCUMENT, "PowerPoint"),
    BY_NAME(".png", RG_FORMAT_IMAGE, "PNG image"),
    BY_NAME(".jpg", RG_FORMAT_IMAGE, "JPEG image"),
    BY_NAME(".jpeg", RG_FORMAT_IMAGE, "JPEG image"),
    BY_NAME(".gif", RG_FORMAT_IMAGE, "GIF image"),
    BY_NAME(".tif", RG_FORMAT_IMAGE, "TIFF image"),
    BY_NAME(".tiff", RG_FORMAT_IMAGE, "TIFF image"),
    BY_NAME(".bmp", RG_FORMAT_IMAGE, "BMP image"),
    BY_NAME(".webp", RG_FORMAT_IMAGE, "WebP image"),
    BY_NAME(".heic", RG_FORMAT_IMAGE, "HEIC image"),
    BY_NAME(".svg", RG_FORMAT_IMAGE, "SVG image"),
    BY_NAME(".json", RG_FORMAT_JSON, "JSON"),
    BY_NAME(".zip", RG_FORMAT_OTHER, "ZIP archive"),
    BY_NAME(".gz", RG_FORMAT_OTHER, "gzip archive"),
    BY_NAME(".tgz", RG_FORMAT_OTHER, "gzip archive"),
    BY_NAME(".tar", RG_FORMAT_OTHER, "tar archive"),
    BY_NAME(".7z", RG_FORMAT_OTHER, "7-Zip archive"),
};

/* A ZIP archive and an OLE2 (Office 97-2003) file are told apart inside,
 * below; the rest by their first bytes alone. */
static const format_sign magics[] = {
    MAGIC("%PDF-", RG_FORMAT_PDF, "PDF"),
    MAGIC("{\\rtf", RG_FORMAT_DOCUMENT, "RTF"),
    MAGIC("\x89PNG\r\n\x1a\n", RG_FORMAT_IMAGE, "PNG image"),
    MAGIC("\xFF\xD8\xFF", RG_FORMAT_IMAGE, "JPEG image"),
    MAGIC("GIF87a", RG_FORMAT_IMAGE, "GIF image"),
    MAGIC("GIF89a", RG_FORMAT_IMAGE, "GIF image"),
    MAGIC("II*\0", RG_FORMAT_IMAGE, "TIFF image"),
    MAGIC("MM\0*", RG_FORMAT_IMAGE, "TIFF image"),
    MAGIC("%!PS", RG_FORMAT_DOCUMENT, "PostScript"),
    MAGIC("\x1f\x8b", RG_FORMAT_OTHER, "gzip archive"),
    MAGIC("7z\xBC\xAF\x27\x1C", RG_FORMAT_OTHER, "7-Zip archive"),
    MAGIC("Rar!\x1A\x07", RG_FORMAT_OTHER, "RAR archive"),
    MAGIC("\x7F" "ELF", RG_FORMAT_OTHER, "program"),
    MAGIC("SQLite format 3", RG_FORMAT_OTHER, "SQLite database"),
};

/* What a ZIP archive's first entries name: Office Open XML keeps its
 * parts under word/, xl/ or ppt/; OpenDocument and EPUB open with their
 * mimetype. */
static const format_sign zip_contents[] = {
    MAGIC("word/", RG_FORMAT_DOCUMENT, "Word"),
    MAGIC("xl/", RG_FORMAT_DOCUMENT, "Excel"),
    MAGIC("ppt/", RG_FORMAT_DOCUMENT, "PowerPoint"),
    MAGIC("mimetypeapplication/epub+zip", RG_FORMAT_DOCUMENT, "EPUB"),
    MAGIC("mimetypeapplication/vnd.oasis.opendocument.text", RG_FORMAT_DOCUMENT, "OpenDocument text"),
    MAGIC("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", RG_FORMAT_DOCUMENT, "OpenDocument spreadsheet"),
    MAGIC("mimetypeapplication/vnd.oasis.opendocument.presentation", RG_FORMAT_DOCUMENT,
          "OpenDocument presentation"),
};


static const format_sign *by_name(const char *name);

/* The format sign gives; by_content when the name says something else. */
static rg_file_format format(const format_sign *sign, const char *name, bool by_content)
{
    const format_sign *named = by_content ? by_name(name) : NULL;
    bool name_agrees = named && strcmp(named->name, sign->name) == 0;
    return (rg_file_format){sign->kind, sign->name, by_content && !name_agrees};
}

static bool holds(const unsigned char *head, size_t len, const char *bytes, size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(head + i, bytes, n) == 0)
            return true;
    return false;
}

static const format_sign *by_name(const char *name)
{
    const char *ext = extension(name);
    for (size_t i = 0; *ext && i < sizeof extensions / sizeof *extensions; i++)
        if (rg_strcasecmp(ext, extensions[i].text) == 0)
            return &extensions[i];
    return NULL;
}

static const format_sign zip_archive = {"PK\3\4", 4, RG_FORMAT_OTHER, "ZIP archive"};
static const format_sign zip_empty = {"PK\5\6", 4, RG_FORMAT_OTHER, "ZIP archive"};
static const format_sign webp = {"RIFF", 4, RG_FORMAT_IMAGE, "WebP image"}; /* and WEBP at byte 8 */
static const format_sign ole2 = {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, RG_FORMAT_DOCUMENT, "Office 97-2003"};

static bool opens_with(const unsigned char *head, size_t len, const format_sign *sign)
{
    return len >= sign->len && memcmp(head, sign->text, sign->len) == 0;
}

/* A container (ZIP, OLE2): what it holds, else its name's format when
 * that is a document, else the container's own. */
static rg_file_format container(const char *name, const unsigned char *head, size_t len, const format_sign *inside,
                                size_t n_inside, const format_sign *own)
{
    for (size_t i = 0; i < n_inside; i++)
        if (holds(head, len, inside[i].text, inside[i].len))
            return format(&inside[i], name, true);
    const format_sign *named = by_name(name);
    if (named && named->kind == RG_FORMAT_DOCUMENT)
        return format(named, name, false);
    return format(own, name, true);
}

rg_file_format rg_file_format_sniff(const char *name, const unsigned char *head, size_t len)
{
    if (opens_with(head, len, &zip_archive) || opens_with(head, len, &zip_empty))
        return container(name, head, len, zip_contents, sizeof zip_contents / sizeof *zip_contents, &zip_archive);
    if (opens_with(head, len, &ole2))
        return container(name, head, len, NULL, 0, &ole2);
    for (size_t i = 0; i < sizeof magics / sizeof *magics; i++)
        if (opens_with(head, len, &magics[i]))
            return format(&magics[i], name, true);
    if (len >= 12 && memcmp(head, "RIFF", 4) == 0 && memcmp(head + 8, "WEBP", 4) == 0)
        return format(&webp, name, true);
    const format_sign *named = by_name(name);
    return named ? format(named, name, false) : (rg_file_format){RG_FORMAT_NONE, NULL, false};
}

rg_file_format rg_file_format_of(const char *path)
{
    unsigned char head[RG_FILE_SNIFF_BYTES];
    size_t len = 0;
    FILE *f = fopen(path, "rb");
    if (f) {
        len = fread(head, 1, sizeof head, f);
        fclose(f);
    }
    return rg_file_format_sniff(path, head, len);
}

bool rg_file_format_readable(rg_file_format f)
{
    return f.kind == RG_FORMAT_NONE || f.kind == RG_FORMAT_PDF;
}
