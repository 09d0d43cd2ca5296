/* Unit tests of graph/base/file.c: telling a report from the formats
 * relgraph cannot read, by first bytes and by name. */
#include "graph/base/file.h"
#include "helpers.h"

#include <string.h>

static rg_file_format sniff(const char *name, const char *head, size_t len)
{
    return rg_file_format_sniff(name, (const unsigned char *)head, len);
}

#define SNIFF(name, bytes) sniff(name, bytes, sizeof bytes - 1)

START_TEST(report_names)
{
    ck_assert(rg_file_report_name("a.md"));
    ck_assert(rg_file_report_name("dir.x/a.HTML"));
    ck_assert(rg_file_report_name("notes.Markdown"));
    ck_assert(!rg_file_report_name("a.pdf"));
    ck_assert(!rg_file_report_name("md"));
    ck_assert(!rg_file_report_name("dir.md/notes"));
}
END_TEST

START_TEST(formats_by_first_bytes)
{
    rg_file_format f = SNIFF("paper.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    ck_assert_int_eq(f.kind, RG_FORMAT_PDF);
    ck_assert_str_eq(f.name, "PDF");
    ck_assert(!f.by_content); /* the name says so too */
    f = SNIFF("paper.md", "%PDF-1.4\n");
    ck_assert_int_eq(f.kind, RG_FORMAT_PDF);
    ck_assert(f.by_content);
    /* Office Open XML: a ZIP holding word/, xl/ or ppt/ */
    f = SNIFF("x.md", "PK\3\4\24\0\6\0[Content_Types].xml...PK\3\4word/document.xml");
    ck_assert_int_eq(f.kind, RG_FORMAT_DOCUMENT);
    ck_assert_str_eq(f.name, "Word");
    f = SNIFF("x", "PK\3\4\24\0\0\0mimetypeapplication/vnd.oasis.opendocument.text");
    ck_assert_str_eq(f.name, "OpenDocument text");
    f = SNIFF("book", "PK\3\4\24\0\0\0mimetypeapplication/epub+zip");
    ck_assert_str_eq(f.name, "EPUB");
    /* a ZIP the first bytes do not tell: its name, else an archive */
    f = SNIFF("late.docx", "PK\3\4\24\0\0\0[Content_Types].xml");
    ck_assert_str_eq(f.name, "Word");
    f = SNIFF("blob.md", "PK\3\4\0\1binary");
    ck_assert_int_eq(f.kind, RG_FORMAT_OTHER);
    ck_assert_str_eq(f.name, "ZIP archive");
    f = SNIFF("old.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0");
    ck_assert_str_eq(f.name, "Word");
    f = SNIFF("old.bin", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0");
    ck_assert_str_eq(f.name, "Office 97-2003");
    ck_assert_str_eq(SNIFF("a.txt", "{\\rtf1\\ansi").name, "RTF");
    ck_assert_int_eq(SNIFF("scan.md", "\x89PNG\r\n\x1a\n\0\0").kind, RG_FORMAT_IMAGE);
    ck_assert_str_eq(SNIFF("x", "RIFF\0\0\0\0WEBPVP8 ").name, "WebP image");
}
END_TEST

START_TEST(formats_by_name)
{
    ck_assert_int_eq(SNIFF("a.PDF", "").kind, RG_FORMAT_PDF);
    ck_assert_str_eq(SNIFF("a.pptx", "").name, "PowerPoint");
    ck_assert_int_eq(SNIFF("graph.json", "{\"nodes\": []}").kind, RG_FORMAT_JSON);
    ck_assert_int_eq(SNIFF("photo.jpeg", "").kind, RG_FORMAT_IMAGE);
}
END_TEST

START_TEST(text_is_no_format)
{
    /* text that opens like a magic number's first letters is still text */
    ck_assert_int_eq(SNIFF("a.md", "# PK and %PDF\n").kind, RG_FORMAT_NONE);
    ck_assert_int_eq(SNIFF("a.txt", "PK is a name.\n").kind, RG_FORMAT_NONE);
    ck_assert_int_eq(SNIFF("a.html", "<html>").kind, RG_FORMAT_NONE);
    ck_assert_int_eq(SNIFF("notes", "").kind, RG_FORMAT_NONE);
    ck_assert_ptr_null(SNIFF("a.md", "text").name);
    /* a file that cannot be read goes by its name */
    ck_assert_int_eq(rg_file_format_of("/nonexistent/a.md").kind, RG_FORMAT_NONE);
    ck_assert_int_eq(rg_file_format_of("/nonexistent/a.pdf").kind, RG_FORMAT_PDF);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("file");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, report_names);
    tcase_add_test(tc, formats_by_first_bytes);
    tcase_add_test(tc, formats_by_name);
    tcase_add_test(tc, text_is_no_format);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
