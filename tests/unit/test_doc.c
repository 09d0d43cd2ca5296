/* Unit tests of the report loader (graph/read/doc.c). */
#include "graph/base/text.h"
#include "graph/read/doc.h"

#include "helpers.h"

#include <check.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static rg_doc *parse(const char *path, const char *text)
{
    rg_error err;
    rg_error_clear(&err);
    rg_doc *d = NULL;
    ck_assert_int_eq(rg_doc_parse(path, text, strlen(text), &d, &err), 0);
    ck_assert_ptr_nonnull(d);
    return d;
}

/* The sentence that contains needle, or NULL. */
static const rg_sentence *find(const rg_doc *d, const char *needle)
{
    for (size_t i = 0; i < d->n_sentences; i++)
        if (strstr(d->sentences[i].text, needle))
            return &d->sentences[i];
    return NULL;
}

/* The byte table the scanners read says what <ctype.h> says in the C
 * locale, and marks every byte from 0x80 as UTF-8. */
START_TEST(byte_classes_are_ctype_s)
{
    for (int c = 0; c < 256; c++) {
        bool ascii = c < 0x80;
        ck_assert_int_eq(rg_byte_is((unsigned char)c, RG_BYTE_DIGIT), ascii && isdigit(c));
        ck_assert_int_eq(rg_byte_is((unsigned char)c, RG_BYTE_UPPER), ascii && isupper(c));
        ck_assert_int_eq(rg_byte_is((unsigned char)c, RG_BYTE_LOWER), ascii && islower(c));
        ck_assert_int_eq(rg_byte_is((unsigned char)c, RG_BYTE_ALNUM), ascii && isalnum(c));
        ck_assert_int_eq(rg_byte_is((unsigned char)c, RG_BYTE_UTF8), !ascii);
    }
}
END_TEST

START_TEST(markdown_structure_and_lines)
{
    rg_doc *d = parse("r/Report One.md", "# Title\n\n## Pillar 1: Advance *cooperation*\n\n"
                                         "The U.S. Department of State should act.\nIt must also\nwait. Dr. Kim agreed.\n\n"
                                         "- First item;\n- Second **item**\n");
    ck_assert_str_eq(d->id, "report:report-one");
    ck_assert_str_eq(d->title, "Title");
    const rg_sentence *s = find(d, "Department of State");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s->text, "The U.S. Department of State should act.");
    ck_assert_int_eq(s->line, 5);
    ck_assert_str_eq(rg_doc_section(d, s->block), "Pillar 1: Advance cooperation");
    s = find(d, "It must");
    ck_assert_str_eq(s->text, "It must also wait.");
    ck_assert_int_eq(s->line, 6);
    s = find(d, "Dr. Kim");
    ck_assert_str_eq(s->text, "Dr. Kim agreed.");
    ck_assert_int_eq(s->line, 7);
    s = find(d, "Second");
    ck_assert_str_eq(s->text, "Second item");
    ck_assert_int_eq(d->blocks[s->block].kind, RG_BLOCK_ITEM);
    ck_assert_int_eq(s->line, 10);
    rg_doc_free(d);
}
END_TEST

START_TEST(photo_credits_are_removed)
{
    /* a short closing parenthesis that credits a picture goes; a long one,
     * or one that credits nothing, is text */
    rg_doc *d = parse("c.md", "Leaders met in Seoul in May. (Getty Images)\n\n"
                              "Officials met again. (Photo by Kim/Pool)\n\n"
                              "The alliance endured (since 1953).\n\n"
                              "The report cites many sources (including wire services such as AFP and Reuters, "
                              "and a long list of interviews).\n");
    ck_assert_str_eq(d->sentences[0].text, "Leaders met in Seoul in May.");
    ck_assert_str_eq(d->sentences[1].text, "Officials met again.");
    ck_assert_str_eq(d->sentences[2].text, "The alliance endured (since 1953).");
    ck_assert_ptr_nonnull(strstr(d->sentences[3].text, "(including wire services"));
    rg_doc_free(d);
}
END_TEST

START_TEST(markdown_comments_are_skipped)
{
    /* a source line on top, a comment over lines, one that ends where text
     * goes on, and one that breaks a paragraph: none of it is read */
    rg_doc *d = parse("s.md", "<!-- source: White House, https://example.org -->\n"
                              "# Joint Statement\n\n"
                              "The leaders met in Washington.\n"
                              "<!-- an editor's note\n"
                              "over two lines -->\n"
                              "They agreed to meet again.\n\n"
                              "<!-- x --> Japan will host the next meeting.\n");
    ck_assert_str_eq(d->title, "Joint Statement");
    for (size_t i = 0; i < d->n_sentences; i++) {
        ck_assert_ptr_null(strstr(d->sentences[i].text, "White House"));
        ck_assert_ptr_null(strstr(d->sentences[i].text, "editor"));
        ck_assert_ptr_null(strstr(d->sentences[i].text, "-->"));
    }
    const rg_sentence *s = find(d, "They agreed");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s->text, "They agreed to meet again.");
    ck_assert_int_eq(s->line, 7);
    ck_assert_str_eq(find(d, "The leaders")->text, "The leaders met in Washington.");
    s = find(d, "Japan will");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s->text, "Japan will host the next meeting.");
    ck_assert_int_eq(s->line, 9);
    rg_doc_free(d);
    /* plain text opens no line with "<!--" but a file converted from
     * markup: the comment is skipped there too */
    d = parse("s.txt", "<!-- source: White House -->\nThe leaders met.\n<!-- a note\nover two lines -->\n"
                       "They agreed.\n");
    ck_assert_uint_eq(d->n_sentences, 2);
    ck_assert_str_eq(d->sentences[0].text, "The leaders met.");
    ck_assert_int_eq(d->sentences[1].line, 5);
    rg_doc_free(d);
}
END_TEST

START_TEST(html_comments_are_skipped)
{
    /* a comment may hold '>' and whole tags; one left open runs to the end */
    rg_doc *d = parse("c.html", "<p>Seoul <!-- a > b --> agreed.</p>\n<!--[if IE]><p>Old browsers.</p>\n"
                                "<![endif]-->\n<p>Tokyo agreed.</p><!-- <p>Hidden.</p>");
    ck_assert_uint_eq(d->n_sentences, 2);
    ck_assert_str_eq(d->sentences[0].text, "Seoul agreed.");
    ck_assert_str_eq(d->sentences[1].text, "Tokyo agreed.");
    ck_assert_int_eq(d->sentences[1].line, 4);
    rg_doc_free(d);
}
END_TEST

START_TEST(format_from_content)
{
    /* a .txt file with Markdown's headings and lists is read as Markdown,
     * and says so */
    const char *md = "# Report\n\n## Pillar 1: Trade\n\nThe allies should\nact now.\n\n- First item\n"
                     "- Second item\n\nClosing\n-------\n\nLast words.\n";
    rg_doc *d = parse("r.txt", md);
    ck_assert_ptr_nonnull(d->notice);
    ck_assert_str_eq(d->notice, "read as Markdown (3 headings, 2 list items)");
    const rg_sentence *s = find(d, "The allies");
    ck_assert_str_eq(s->text, "The allies should act now.");
    ck_assert_str_eq(rg_doc_section(d, s->block), "Pillar 1: Trade");
    ck_assert_int_eq(d->blocks[find(d, "Second")->block].kind, RG_BLOCK_ITEM);
    ck_assert_str_eq(rg_doc_section(d, find(d, "Last words")->block), "Closing");
    rg_doc_free(d);
    /* so is a file of no known extension; a .md file needs no notice */
    d = parse("reports/r", md);
    ck_assert_ptr_nonnull(d->notice);
    rg_doc_free(d);
    d = parse("r.md", md);
    ck_assert_ptr_null(d->notice);
    rg_doc_free(d);
    /* plain text with list items, one paragraph a line and no blank line
     * stays plain: its lines are not joined */
    d = parse("p.txt", "Executive Summary\nThe alliance grew.\nIt held.\n- Deepen ties;\n- Build trust.\n"
                       "# of troops: 28,500\nIntroduction\nTalks resumed.\n");
    ck_assert_ptr_null(d->notice);
    ck_assert_int_eq(d->blocks[0].kind, RG_BLOCK_HEADING);
    ck_assert_str_eq(find(d, "grew")->text, "The alliance grew.");
    ck_assert_uint_ne(find(d, "grew")->block, find(d, "It held")->block);
    ck_assert_int_eq(d->blocks[find(d, "Build")->block].kind, RG_BLOCK_ITEM);
    rg_doc_free(d);
    /* one heading is not enough, blank lines or not */
    d = parse("p.txt", "# Notes\n\nThe alliance grew.\n\n- Deepen ties;\n- Build trust.\n\nIt held.\n");
    ck_assert_ptr_null(d->notice);
    rg_doc_free(d);
    /* a web page saved as .txt is read as HTML */
    d = parse("w.txt", "\n<!DOCTYPE html>\n<html><body><h1>Statement</h1><p>Seoul <b>agreed</b>.</p></body></html>\n");
    ck_assert_str_eq(d->notice, "read as HTML (it opens as a web page)");
    ck_assert_str_eq(d->title, "Statement");
    ck_assert_str_eq(find(d, "Seoul")->text, "Seoul agreed.");
    rg_doc_free(d);
}
END_TEST

START_TEST(setext_headings)
{
    /* "====" and "----" under one line of text make it a heading; "---"
     * after a blank line is a break; a sentence with a rule under it, or a
     * paragraph of several lines, stays text */
    rg_doc *d = parse("s.md", "Renew the Alliance\n==================\n\nIntro text.\n\nPillar Two\n----------\n\n"
                              "Seoul should act.\n\n---\n\nThe U.S. should act.\n---\n\nTwo lines\nof text\n---\n\nEnd.\n");
    ck_assert_str_eq(d->title, "Renew the Alliance");
    ck_assert_int_eq(d->blocks[0].kind, RG_BLOCK_HEADING);
    ck_assert_int_eq(d->blocks[0].level, 1);
    const rg_sentence *s = find(d, "Pillar Two");
    ck_assert_int_eq(d->blocks[s->block].kind, RG_BLOCK_HEADING);
    ck_assert_int_eq(d->blocks[s->block].level, 2);
    ck_assert_str_eq(rg_doc_section(d, find(d, "Seoul")->block), "Pillar Two");
    s = find(d, "The U.S.");
    ck_assert_int_eq(d->blocks[s->block].kind, RG_BLOCK_PARAGRAPH);
    ck_assert_str_eq(rg_doc_section(d, s->block), "Pillar Two");
    ck_assert_str_eq(find(d, "Two lines")->text, "Two lines of text");
    ck_assert_int_eq(d->blocks[find(d, "Two lines")->block].kind, RG_BLOCK_PARAGRAPH);
    for (size_t i = 0; i < d->n_sentences; i++)
        ck_assert_ptr_null(strchr(d->sentences[i].text, '='));
    rg_doc_free(d);
    /* in plain text a line of '=' is a rule, not text */
    d = parse("s.txt", "Title\n=====\nText here.\n");
    ck_assert_uint_eq(d->n_sentences, 2);
    rg_doc_free(d);
}
END_TEST

START_TEST(headings_by_their_words)
{
    /* a numbered title, a line in capitals and a label standing alone are
     * sections; a sentence is never one, nor a recommendation that opens
     * with its label */
    rg_doc *d = parse("g.md", "# Report\n\n1.2 Scope and Methodology\n\nWe read files.\n\n"
                              "II. Background\n\nTalks began.\n\nRECOMMENDATIONS FOR EXECUTIVE ACTION\n\n"
                              "Recommendation 1\n\nThe Secretary of State should ensure plans.\n\n"
                              "Recommendation 2: The Secretary of State should review plans\n\n"
                              "Pillar 5: Prioritize managing Japan-South Korea tensions\n\nTokyo should act.\n\n"
                              "SEC. 3. DEFINITIONS.\n\nIn this Act the terms apply.\n\n"
                              "1.5 million people remain displaced\n\nMARCH 15, 2023\n\n"
                              "2023 Annual Report\n\nII. The allies should act now\n\nNATO\n\nBy the way.\n");
    struct {
        const char *text;
        const char *section;
    } cases[] = {
        {"We read files.", "1.2 Scope and Methodology"},
        {"Talks began.", "II. Background"},
        {"The Secretary of State should ensure plans.", "Recommendation 1"},
        {"Recommendation 2: The Secretary of State should review plans", "Recommendation 1"},
        {"Tokyo should act.", "Pillar 5: Prioritize managing Japan-South Korea tensions"},
        {"In this Act the terms apply.", "SEC. 3. DEFINITIONS."},
        {"1.5 million people remain displaced", "SEC. 3. DEFINITIONS."},
        {"MARCH 15, 2023", "SEC. 3. DEFINITIONS."},
        {"2023 Annual Report", "SEC. 3. DEFINITIONS."},
        {"II. The allies should act now", "SEC. 3. DEFINITIONS."},
        {"By the way.", "NATO"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const rg_sentence *s = find(d, cases[i].text);
        ck_assert_msg(s != NULL, "no sentence '%s'", cases[i].text);
        ck_assert_str_eq(s->text, cases[i].text);
        ck_assert_int_eq(d->blocks[s->block].kind, RG_BLOCK_PARAGRAPH);
        ck_assert_str_eq(rg_doc_section(d, s->block), cases[i].section);
    }
    const rg_sentence *s = find(d, "RECOMMENDATIONS FOR");
    ck_assert_int_eq(d->blocks[s->block].kind, RG_BLOCK_HEADING);
    ck_assert_int_eq(d->blocks[find(d, "1.2 Scope")->block].level, 4);
    rg_doc_free(d);
    /* plain text: a line with a clause's verb and no period is no heading */
    d = parse("p.txt", "Recommendation 1: The Secretary of State should act\nBackground\n");
    ck_assert_int_eq(d->blocks[0].kind, RG_BLOCK_PARAGRAPH);
    ck_assert_int_eq(d->blocks[1].kind, RG_BLOCK_HEADING);
    rg_doc_free(d);
}
END_TEST

START_TEST(bold_headings_are_sections)
{
    /* a heading in bold is a section title; one in italics states
     * something within its section */
    rg_doc *d = parse("h.md", "# Report\n\n## Pillar 4: Security\n\n### *Prepare for changes.*\n\n"
                              "The U.S. should act.\n\n## **Pillar 5: Japan**\n\nSeoul should act.\n");
    const rg_sentence *s = find(d, "The U.S.");
    ck_assert_str_eq(rg_doc_section(d, s->block), "Pillar 4: Security");
    s = find(d, "Prepare");
    ck_assert(d->blocks[s->block].emphasized && !d->blocks[s->block].strong);
    ck_assert(!rg_doc_is_section(&d->blocks[s->block]));
    s = find(d, "Seoul");
    ck_assert_str_eq(rg_doc_section(d, s->block), "Pillar 5: Japan");
    rg_doc_free(d);
}
END_TEST

START_TEST(statute_list_markers_and_copyright)
{
    /* a bill's markers open list items; "(C)" before a word is an item,
     * not a copyright line; "(c) 2020" is, and ends the report proper */
    rg_doc *d = parse("b.md", "# A bill\n\nThe Secretary shall:\n\n(1) assess the sanctions;\n\n"
                              "(A) conducting a blockade;\n\n(C) perpetrating an attack on Taiwan.\n\n"
                              "(iv) reporting to Congress.\n\nii. a second clause.\n\n"
                              "The Defense Innovation Unit\n(DIU) should act.\n\n(c) 2020 Some Center\n\nLast words.\n");
    const char *items[] = {"assess the sanctions", "conducting a blockade", "perpetrating an attack", "reporting to",
                           "a second clause"};
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        const rg_sentence *s = find(d, items[i]);
        ck_assert_msg(s != NULL, "no sentence with '%s'", items[i]);
        ck_assert_int_eq(d->blocks[s->block].kind, RG_BLOCK_ITEM);
        ck_assert_int_eq(d->blocks[s->block].zone, RG_ZONE_BODY);
        ck_assert(s->text[0] != '(');
    }
    /* "a) ", "1) ", "iv) ", "B) " open items too */
    rg_doc *e = parse("l.md", "The Secretary shall:\n\na) assess the risk;\n1) report to Congress;\n"
                              "iv) consult allies;\nB) brief the committees.\n");
    const char *more[] = {"assess the risk;", "report to Congress;", "consult allies;", "brief the committees."};
    for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
        const rg_sentence *s = find(e, more[i]);
        ck_assert_msg(s != NULL, "no sentence '%s'", more[i]);
        ck_assert_str_eq(s->text, more[i]);
        ck_assert_int_eq(e->blocks[s->block].kind, RG_BLOCK_ITEM);
        ck_assert_int_eq(e->blocks[s->block].lead_in, 0);
    }
    rg_doc_free(e);
    const rg_sentence *s = find(d, "(DIU) should act");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(d->blocks[s->block].kind, RG_BLOCK_PARAGRAPH);
    ck_assert_int_eq(d->blocks[find(d, "Last words")->block].zone, RG_ZONE_TAIL);
    rg_doc_free(d);
}
END_TEST

START_TEST(unicode_punctuation_and_markup)
{
    rg_doc *d = parse("a.md", "Seoul\xe2\x80\x99s \xe2\x80\x9cnew\xe2\x80\x9d U.S.\xe2\x80\x93ROK role\xc2\xa0now"
                              "\xe2\x80\x94really.<sup>12</sup> See [the site](http://x.org) and ![pic](p.png) \\*here\\*.\n");
    ck_assert_str_eq(d->sentences[0].text, "Seoul's \"new\" U.S.-ROK role now--really.");
    ck_assert_str_eq(d->sentences[1].text, "See the site and *here*.");
    rg_doc_free(d);
}
END_TEST

START_TEST(abbreviations_do_not_split)
{
    rg_doc *d = parse("a.txt", "Joseph R. Biden met the U.N. envoy, e.g. on Jan. 5 in No. 10. The U.S. Forces Korea "
                               "stayed with the U.S. The alliance held.\n");
    ck_assert_uint_eq(d->n_sentences, 3);
    ck_assert_str_eq(d->sentences[0].text, "Joseph R. Biden met the U.N. envoy, e.g. on Jan. 5 in No. 10.");
    ck_assert_str_eq(d->sentences[1].text, "The U.S. Forces Korea stayed with the U.S.");
    rg_doc_free(d);
}
END_TEST

START_TEST(semicolons_and_labels_do_not_split)
{
    /* a sentence joined by semicolons is one sentence; abbreviations do not
     * end one; a short parenthesis after a sentence is its label */
    rg_doc *d = parse("s.md", "Seoul will host; Tokyo will attend; Mr. Kim will speak. Sec. 3 of Pub. L. 117-81, "
                              "135 Stat. 1541 applies, i.e. now. The Secretary of State should ensure that plans are "
                              "made. (Recommendation 1) The Secretary of State should review them. (Recommendation 2)\n\n"
                              "Talks end Jan. 5. (The date may move.) Seoul agreed.\n");
    const char *want[] = {"Seoul will host; Tokyo will attend; Mr. Kim will speak.",
                          "Sec. 3 of Pub. L. 117-81, 135 Stat. 1541 applies, i.e. now.",
                          "The Secretary of State should ensure that plans are made. (Recommendation 1)",
                          "The Secretary of State should review them. (Recommendation 2)",
                          "Talks end Jan. 5.", "(The date may move.)", "Seoul agreed."};
    ck_assert_uint_eq(d->n_sentences, sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_str_eq(d->sentences[i].text, want[i]);
    rg_doc_free(d);
}
END_TEST

START_TEST(plain_text_headings_footnotes_and_tail)
{
    rg_doc *d = parse("p.txt", "Executive Summary\nThe alliance grew in 2023.1 This year it held.\n"
                               "Download the Full Report\n- Note one, https://example.org\n");
    ck_assert_int_eq(d->blocks[0].kind, RG_BLOCK_HEADING);
    ck_assert_int_eq(d->blocks[0].zone, RG_ZONE_BODY);
    const rg_sentence *s = find(d, "grew");
    ck_assert_str_eq(s->text, "The alliance grew in 2023.");
    ck_assert_ptr_nonnull(find(d, "This year it held."));
    ck_assert_int_eq(d->blocks[d->n_blocks - 1].zone, RG_ZONE_TAIL);
    rg_doc_free(d);
}
END_TEST

START_TEST(front_matter_and_endnotes_set_apart)
{
    rg_doc *d = parse("f.md", "# Report\n\n## About the Authors\n\nKim is a fellow.\n\n## Executive Summary\n\n"
                              "Body text.\n\n1. Reduce the irritants;\n\n1. A. Author, \"Title,\" <https://x.org>.\n"
                              "2. Ibid.\n");
    ck_assert_int_eq(d->blocks[find(d, "Kim is")->block].zone, RG_ZONE_FRONT);
    ck_assert_int_eq(d->blocks[find(d, "Body text")->block].zone, RG_ZONE_BODY);
    ck_assert_int_eq(d->blocks[find(d, "Reduce")->block].zone, RG_ZONE_BODY);
    ck_assert_int_eq(d->blocks[find(d, "A. Author")->block].zone, RG_ZONE_NOTES);
    ck_assert_int_eq(d->blocks[find(d, "Ibid")->block].zone, RG_ZONE_NOTES);
    rg_doc_free(d);
}
END_TEST

START_TEST(crlf_bom_and_lone_cr)
{
    rg_doc *d = parse("c.txt", "\xEF\xBB\xBF" "First line.\r\nSecond line.\rThird line.\n");
    ck_assert_str_eq(find(d, "First")->text, "First line.");
    ck_assert_int_eq(find(d, "Second")->line, 2);
    ck_assert_int_eq(find(d, "Third")->line, 3);
    rg_doc_free(d);
}
END_TEST

START_TEST(bad_input_errors)
{
    rg_error err;
    rg_doc *d;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_parse("e.txt", "", 0, &d, &err), -1);
    ck_assert_str_eq(err.msg, "empty report");
    ck_assert_int_eq(err.code, RG_ERR_INPUT);

    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_parse("u.txt", "ok\nbad \xC3\x28 here\n", 14, &d, &err), -1);
    ck_assert_str_eq(err.msg, "not valid UTF-8 at byte 7");
    ck_assert_int_eq(err.line, 2);

    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_parse("b.bin", "ab\0cd", 5, &d, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "NUL byte at byte 2"));

    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_load("/nonexistent/x.txt", &d, &err), -1);
    ck_assert_int_eq(err.code, RG_ERR_IO);
    ck_assert_str_eq(err.file, "/nonexistent/x.txt");
}
END_TEST

START_TEST(html_reads_no_byte_past_the_end)
{
    /* a script that never closes, in a buffer with no NUL after it: the
     * search for "</script" must stop at the end (found by fuzzing) */
    static const char text[] = "<p>Seoul agreed.</p><script>var x = 1; <";
    size_t n = sizeof text - 1;
    char *exact = malloc(n);
    memcpy(exact, text, n);
    rg_doc *d = NULL;
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_doc_parse("page.html", exact, n, &d, &err), 0);
    ck_assert_uint_eq(d->n_sentences, 1);
    ck_assert_str_eq(d->sentences[0].text, "Seoul agreed.");
    rg_doc_free(d);
    free(exact);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("doc");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, byte_classes_are_ctype_s);
    tcase_add_test(tc, markdown_structure_and_lines);
    tcase_add_test(tc, photo_credits_are_removed);
    tcase_add_test(tc, html_comments_are_skipped);
    tcase_add_test(tc, format_from_content);
    tcase_add_test(tc, setext_headings);
    tcase_add_test(tc, headings_by_their_words);
    tcase_add_test(tc, semicolons_and_labels_do_not_split);
    tcase_add_test(tc, markdown_comments_are_skipped);
    tcase_add_test(tc, bold_headings_are_sections);
    tcase_add_test(tc, statute_list_markers_and_copyright);
    tcase_add_test(tc, unicode_punctuation_and_markup);
    tcase_add_test(tc, abbreviations_do_not_split);
    tcase_add_test(tc, plain_text_headings_footnotes_and_tail);
    tcase_add_test(tc, front_matter_and_endnotes_set_apart);
    tcase_add_test(tc, crlf_bom_and_lone_cr);
    tcase_add_test(tc, bad_input_errors);
    tcase_add_test(tc, html_reads_no_byte_past_the_end);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
