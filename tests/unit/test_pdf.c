/* Unit tests of the PDF layout assembly (graph/read/layout.c) on runs of
 * text made up here, as pdf.c would get them from poppler, and of the PDF
 * reader on the repository's own small PDF (tests/pdf/make_pdfs.py). */
#include "graph/read/doc_internal.h"

#include "helpers.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#define BODY 11.0f

/* A run of text at x, its top `top` points from the page's top. */
static void run(rg_pdf_text *t, float x, float top, float size, unsigned flags, const char *text)
{
    float width = (float)strlen(text) * size * 0.5f;
    rg_pdf_frag f = {.x0 = x, .y0 = top, .x1 = x + width, .y1 = top + size * 0.9f, .size = size, .flags = flags};
    ck_assert_int_eq(rg_pdf_add_frag(t, &f, flags & RG_PDF_BOLD ? "Century-Bold" : "Century-Book", text, strlen(text)), 0);
}

static void page(rg_pdf_text *t)
{
    ck_assert_int_eq(rg_pdf_add_page(t, 612, 792), 0);
}

/* A running footer on each page: "Page N" and the report's number. */
static void footer(rg_pdf_text *t, int n)
{
    char text[32];
    snprintf(text, sizeof text, "Page %d", n);
    run(t, 216, 752, 8, RG_PDF_BOLD, text);
    run(t, 440, 752, 8, RG_PDF_BOLD, "GAO-07-283 Crude Oil");
}

static rg_doc *assemble(rg_pdf_text *t)
{
    rg_doc *d = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_parse_layout("t.pdf", t, &d, &err), 0);
    rg_pdf_text_free(t);
    return d;
}

/* The index of the first block whose text starts with prefix, or -1. */
static long block_starting(const rg_doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->n_blocks; i++)
        if (strncmp(d->blocks[i].text, prefix, strlen(prefix)) == 0)
            return (long)i;
    return -1;
}

START_TEST(running_headers_and_footers_are_dropped)
{
    rg_pdf_text t = {0};
    for (int p = 1; p <= 4; p++) {
        page(&t);
        run(&t, 216, 100, BODY, 0, p % 2 ? "The Department of Energy leads the work." : "The Congress funds it.");
        footer(&t, p);
    }
    rg_doc *d = assemble(&t);
    for (size_t i = 0; i < d->n_blocks; i++) {
        ck_assert_ptr_null(strstr(d->blocks[i].text, "Page"));
        ck_assert_ptr_null(strstr(d->blocks[i].text, "GAO-07-283"));
    }
    ck_assert_uint_eq(d->n_blocks, 4);
    rg_doc_free(d);
}
END_TEST

START_TEST(hyphens_across_lines)
{
    rg_pdf_text t = {0};
    page(&t);
    run(&t, 216, 100, BODY, 0, "The talks were slow and the negoti-");
    run(&t, 216, 113, BODY, 0, "ations went on. A cost-effective plan and a cost-");
    run(&t, 216, 126, BODY, 0, "effective fuel exist, as does the Open-");
    run(&t, 216, 139, BODY, 0, "Ended Survey.");
    rg_doc *d = assemble(&t);
    ck_assert_uint_eq(d->n_blocks, 1);
    ck_assert_str_eq(d->blocks[0].text, "The talks were slow and the negotiations went on. A cost-effective plan and a "
                                        "cost-effective fuel exist, as does the Open-Ended Survey.");
    rg_doc_free(d);
}
END_TEST

/* Lines that stop short of the column's edge, where the next line's first
 * word would have fit, end where their writer ended them (an address, a
 * contact block); the lines of a paragraph that wraps run on. */
START_TEST(short_lines_are_lines_of_their_own)
{
    rg_pdf_text t = {0};
    page(&t);
    run(&t, 72, 100, BODY, 0, "The Honorable Bart Gordon");
    run(&t, 72, 113, BODY, 0, "Chairman");
    run(&t, 72, 126, BODY, 0, "Committee on Science and Technology");
    run(&t, 72, 139, BODY, 0, "House of Representatives");
    run(&t, 72, 165, BODY, 0, "Dear Mr. Chairman: the Department of Energy and the Department");
    run(&t, 72, 178, BODY, 0, "of the Interior share the work of estimating how much oil remains");
    run(&t, 72, 191, BODY, 0, "in the world. They told us so.");
    rg_doc *d = assemble(&t);
    ck_assert_uint_eq(d->n_blocks, 5);
    ck_assert_str_eq(d->blocks[1].text, "Chairman");
    ck_assert_str_eq(d->blocks[2].text, "Committee on Science and Technology");
    ck_assert_str_eq(d->blocks[4].text, "Dear Mr. Chairman: the Department of Energy and the Department of the Interior "
                                        "share the work of estimating how much oil remains in the world. They told us so.");
    rg_doc_free(d);
}
END_TEST

START_TEST(two_columns_read_one_after_the_other)
{
    rg_pdf_text t = {0};
    page(&t);
    static const char *const left[] = {"Left one starts", "and goes on", "down the page", "to its end."};
    static const char *const right[] = {"Right one starts", "beside the left", "and also goes", "to its end."};
    for (int i = 0; i < 4; i++) {
        run(&t, 45, 200 + 11 * (float)i, 10, 0, left[i]);
        run(&t, 330, 200 + 12 * (float)i, 10, 0, right[i]);
    }
    rg_doc *d = assemble(&t);
    ck_assert_uint_eq(d->n_blocks, 2);
    ck_assert_str_eq(d->blocks[0].text, "Left one starts and goes on down the page to its end.");
    ck_assert_str_eq(d->blocks[1].text, "Right one starts beside the left and also goes to its end.");
    rg_doc_free(d);
}
END_TEST

/* Three columns, left to right, each a paragraph of its own. */
START_TEST(three_columns_read_left_to_right)
{
    rg_pdf_text t = {0};
    page(&t);
    static const char *const cols[3][4] = {
        {"The first column", "runs down the page", "in three lines", "and ends here."},
        {"The second column", "stands in the middle", "of the page and", "ends here too."},
        {"The third column", "stands at the right", "of the page and", "ends the page."}};
    for (int i = 0; i < 4; i++)
        for (int c = 0; c < 3; c++)
            run(&t, 40 + 190 * (float)c, 200 + 12 * (float)i, 10, 0, cols[c][i]);
    rg_doc *d = assemble(&t);
    ck_assert_uint_eq(d->n_blocks, 3);
    ck_assert_str_eq(d->blocks[0].text, "The first column runs down the page in three lines and ends here.");
    ck_assert_str_eq(d->blocks[1].text, "The second column stands in the middle of the page and ends here too.");
    ck_assert_str_eq(d->blocks[2].text, "The third column stands at the right of the page and ends the page.");
    rg_doc_free(d);
}
END_TEST

/* A sidebar in a smaller type beside a paragraph that runs on below it,
 * across the page: the paragraph is read whole, the sidebar after it, as
 * text of the body. */
START_TEST(a_sidebar_waits_for_the_paragraph_beside_it)
{
    rg_pdf_text t = {0};
    page(&t);
    static const char *const beside[] = {"The Department of Energy has studied", "the supply of oil in the world for",
                                         "many years and has found that the", "estimates of the reserves that remain"};
    static const char *const box[] = {"Oil sands are deposits of", "bitumen mixed with sand",
                                      "and clay, which are mined", "in Canada and Venezuela."};
    for (int i = 0; i < 4; i++) {
        run(&t, 72, 200 + 13 * (float)i, BODY, 0, beside[i]);
        run(&t, 420, 200 + 13 * (float)i, 8, 0, box[i]);
    }
    run(&t, 72, 252, BODY, 0, "differ widely between the agencies that make their estimates, which is why");
    run(&t, 72, 265, BODY, 0, "the Department should share its data with all of them.");
    rg_doc *d = assemble(&t);
    ck_assert_uint_eq(d->n_blocks, 2);
    ck_assert_str_eq(d->blocks[0].text,
                     "The Department of Energy has studied the supply of oil in the world for many years and has "
                     "found that the estimates of the reserves that remain differ widely between the agencies that "
                     "make their estimates, which is why the Department should share its data with all of them.");
    ck_assert_str_eq(d->blocks[1].text,
                     "Oil sands are deposits of bitumen mixed with sand and clay, which are mined in Canada and "
                     "Venezuela.");
    ck_assert_int_eq(d->blocks[1].zone, RG_ZONE_BODY);
    rg_doc_free(d);
}
END_TEST

START_TEST(side_headings_and_sizes_make_sections)
{
    rg_pdf_text t = {0};
    page(&t);
    run(&t, 36, 100, 20, 0, "Crude Oil");
    run(&t, 216, 140, BODY, 0, "Oil is traded in a world market and its price moves with");
    run(&t, 216, 153, BODY, 0, "supply and demand, as the agencies know well.");
    /* a heading of two lines in the margin, beside a paragraph */
    run(&t, 36, 182, 17, 0, "Recommendation for");
    run(&t, 36, 202, 17, 0, "Executive Action");
    run(&t, 216, 180, BODY, 0, "We recommend that the Secretary of Energy take two actions:");
    run(&t, 200, 206, 9, 0, "\xe2\x80\xa2");
    run(&t, 216, 205, BODY, 0, "Monitor the supply of oil.");
    run(&t, 216, 230, BODY, RG_PDF_BOLD, "Agency Comments");
    run(&t, 216, 250, BODY, 0, "DOE agreed.");
    rg_doc *d = assemble(&t);
    long h1 = block_starting(d, "Crude Oil"), h2 = block_starting(d, "Recommendation for Executive Action");
    long lead = block_starting(d, "We recommend"), item = block_starting(d, "Monitor");
    long h3 = block_starting(d, "Agency Comments");
    ck_assert_int_ge(h1, 0);
    ck_assert_int_eq(d->blocks[h1].kind, RG_BLOCK_HEADING);
    ck_assert_int_eq(d->blocks[h1].level, 1);
    ck_assert_int_eq(h2, h1 + 2);
    ck_assert_int_eq(d->blocks[h2].kind, RG_BLOCK_HEADING);
    ck_assert_int_eq(d->blocks[h2].level, 2);
    ck_assert_int_eq(lead, h2 + 1);
    ck_assert_int_eq(item, lead + 1);
    ck_assert_int_eq(d->blocks[item].kind, RG_BLOCK_ITEM);
    ck_assert_int_eq(d->blocks[item].lead_in, lead);
    ck_assert_str_eq(rg_doc_section(d, (size_t)item), "Recommendation for Executive Action");
    ck_assert_int_eq(d->blocks[h3].kind, RG_BLOCK_HEADING);
    ck_assert_int_eq(d->blocks[h3].level, 3);
    rg_doc_free(d);
}
END_TEST

START_TEST(footnotes_are_set_apart_and_pages_counted)
{
    rg_pdf_text t = {0};
    page(&t);
    run(&t, 216, 100, BODY, 0, "The Department of Energy said that the");
    run(&t, 216, 113, BODY, 0, "estimates of the reserves, which agencies use for");
    run(&t, 216, 690, 9, RG_PDF_NOTE, "1 Officials told us so in 2006.");
    run(&t, 216, 700, 9, 0, "They repeated it in 2007.");
    footer(&t, 1);
    page(&t);
    run(&t, 216, 100, BODY, 0, "their projections, could be more precise.");
    footer(&t, 2);
    page(&t); /* a page without text */
    page(&t);
    run(&t, 216, 100, BODY, 0, "Last page.");
    footer(&t, 3);
    rg_doc *d = assemble(&t);
    ck_assert_uint_eq(d->n_blocks, 3);
    ck_assert_str_eq(d->blocks[0].text, "The Department of Energy said that the estimates of the reserves, which "
                                        "agencies use for their projections, could be more precise.");
    ck_assert_int_eq(d->blocks[0].zone, RG_ZONE_BODY);
    ck_assert_str_eq(d->blocks[1].text, "1 Officials told us so in 2006. They repeated it in 2007.");
    ck_assert_int_eq(d->blocks[1].zone, RG_ZONE_NOTES);
    /* lines 1-4 on page 1, 5 on page 2, none on page 3, 6 on page 4 */
    ck_assert_uint_eq(d->n_pages, 4);
    long page_line;
    ck_assert_int_eq(rg_doc_page(d, 4, &page_line), 1);
    ck_assert_int_eq(page_line, 4);
    ck_assert_int_eq(rg_doc_page(d, 5, &page_line), 2);
    ck_assert_int_eq(page_line, 1);
    ck_assert_int_eq(rg_doc_page(d, 6, &page_line), 4);
    ck_assert_int_eq(page_line, 1);
    ck_assert_int_eq(d->sentences[0].line, 1);
    ck_assert_int_eq(rg_doc_page(d, 0, &page_line), 0);
    rg_doc_free(d);
}
END_TEST

START_TEST(abbreviations_become_definitions)
{
    rg_pdf_text t = {0};
    page(&t);
    run(&t, 216, 100, BODY, RG_PDF_BOLD, "Abbreviations");
    run(&t, 216, 125, BODY, 0, "CDC");
    run(&t, 216, 138, BODY, 0, "WIC");
    run(&t, 288, 125, BODY, 0, "Centers for Disease Control and Prevention");
    run(&t, 288, 138, BODY, 0, "Special Supplemental Nutrition Program for Women,");
    run(&t, 293, 150, BODY, 0, "Infants, and Children");
    rg_doc *d = assemble(&t);
    ck_assert_uint_eq(d->n_blocks, 3);
    ck_assert_int_eq(d->blocks[1].kind, RG_BLOCK_ROW);
    ck_assert_str_eq(d->blocks[1].text, "CDC (Centers for Disease Control and Prevention)");
    ck_assert_str_eq(d->blocks[2].text, "WIC (Special Supplemental Nutrition Program for Women, Infants, and Children)");
    ck_assert_int_eq(d->blocks[2].zone, RG_ZONE_BODY);
    rg_doc_free(d);
}
END_TEST

START_TEST(contents_cover_and_figures_set_apart)
{
    rg_pdf_text t = {0};
    page(&t);
    run(&t, 216, 240, 30, 0, "ENERGY SECURITY");
    page(&t);
    run(&t, 32, 50, 27, 0, "Contents");
    run(&t, 216, 100, BODY, 0, "Results in Brief");
    run(&t, 560, 100, BODY, 0, "4");
    run(&t, 216, 113, BODY, 0, "Conclusions");
    run(&t, 560, 113, BODY, 0, "38");
    page(&t);
    run(&t, 216, 100, BODY, 0, "Oil production in the United States peaked around 1970.");
    run(&t, 216, 130, 10, RG_PDF_BOLD, "Figure 1: U.S. Oil Production, 1900-2005");
    t.frags[t.n_frags - 1].font = 1;
    run(&t, 230, 150, 7, 0, "Million barrels per day");
    run(&t, 216, 300, BODY, 0, "Since then it has declined, and imports have grown to fill the gap.");
    rg_doc *d = assemble(&t);
    for (size_t i = 0; i < d->n_blocks; i++) {
        bool body = strncmp(d->blocks[i].text, "Oil production", 14) == 0 || strncmp(d->blocks[i].text, "Since", 5) == 0;
        ck_assert_msg((d->blocks[i].zone == RG_ZONE_BODY) == body, "block %zu: %s", i, d->blocks[i].text);
    }
    rg_doc_free(d);
}
END_TEST

START_TEST(no_text_is_an_error)
{
    rg_pdf_text t = {0};
    page(&t);
    run(&t, 216, 100, BODY, 0, ""); /* a run with no text is none */
    ck_assert_uint_eq(t.n_frags, 0);
    run(&t, 216, 100, BODY, 0, "a\x01" "b\xff\xc3"); /* a broken font's bytes */
    ck_assert_str_eq(t.frags[0].text, "a b??");
    t.frags[0].text[0] = '\0';
    t.bytes = 0;
    page(&t);
    rg_doc *d = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_parse_layout("scan.pdf", &t, &d, &err), -1);
    ck_assert_ptr_null(d);
    ck_assert_str_eq(err.msg, "no text on any page: run OCR first, for example ocrmypdf");
    rg_pdf_text_free(&t);
}
END_TEST

/* The repository's own PDF, read by poppler in its child process. */
START_TEST(reads_the_fixture_pdf)
{
    rg_doc *d = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_load("tests/cli/fixtures/report.pdf", &d, &err), 0);
    ck_assert_str_eq(d->title, "GAO-00-000 Energy Security: A Strategy Is Needed");
    ck_assert_uint_eq(d->n_pages, 4);
    long item = block_starting(d, "The Secretary of Energy should establish");
    ck_assert_int_ge(item, 0);
    ck_assert_int_eq(d->blocks[item].kind, RG_BLOCK_ITEM);
    ck_assert_str_eq(rg_doc_section(d, (size_t)item), "Recommendations for Executive Action");
    long page_line;
    ck_assert_int_eq(rg_doc_page(d, d->blocks[item].line, &page_line), 4);
    ck_assert_int_eq(page_line, 5);
    ck_assert_int_ge(block_starting(d, "DOE (Department of Energy)"), 0);
    rg_doc_free(d);

    ck_assert_int_eq(rg_doc_parse("fake.pdf", "<html>", 6, &d, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "not a PDF"));
    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_parse("cut.pdf", "%PDF-1.4\n1 0 obj", 16, &d, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "damaged PDF"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pdf");
    TCase *tc = tcase_create("layout");
    tcase_add_test(tc, running_headers_and_footers_are_dropped);
    tcase_add_test(tc, hyphens_across_lines);
    tcase_add_test(tc, short_lines_are_lines_of_their_own);
    tcase_add_test(tc, two_columns_read_one_after_the_other);
    tcase_add_test(tc, three_columns_read_left_to_right);
    tcase_add_test(tc, a_sidebar_waits_for_the_paragraph_beside_it);
    tcase_add_test(tc, side_headings_and_sizes_make_sections);
    tcase_add_test(tc, footnotes_are_set_apart_and_pages_counted);
    tcase_add_test(tc, abbreviations_become_definitions);
    tcase_add_test(tc, contents_cover_and_figures_set_apart);
    tcase_add_test(tc, no_text_is_an_error);
    tcase_add_test(tc, reads_the_fixture_pdf);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
