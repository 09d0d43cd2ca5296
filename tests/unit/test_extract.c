/* Unit tests of extraction (graph/model/extract.c, over the readings of
 * graph/rules): entities, recommendations, roles, co-mentions and catalog
 * links, each with evidence. */
#include "graph/model/extract.h"
#include "helpers.h"

#include <string.h>

static const char catalog_json[] =
    "[{\"name\": \"United States\", \"type\": \"actor\", \"kind\": \"country\", \"country\": \"US\","
    "  \"aliases\": [\"U.S.\", \"Washington\"], \"demonyms\": [\"American\"]},"
    " {\"name\": \"Republic of Korea\", \"type\": \"actor\", \"kind\": \"country\", \"country\": \"KR\","
    "  \"aliases\": [\"South Korea\", \"ROK\", \"Seoul\"], \"demonyms\": [\"South Korean\", \"Korean\"]},"
    " {\"name\": \"People's Republic of China\", \"type\": \"actor\", \"kind\": \"country\", \"country\": \"CN\","
    "  \"aliases\": [\"China\", \"Beijing\"]},"
    " {\"name\": \"Joe Biden\", \"type\": \"actor\", \"kind\": \"person\", \"country\": \"US\", \"aliases\": [\"Biden\"]},"
    " {\"name\": \"Ministry of Health and Welfare\", \"type\": \"agency\", \"country\": \"KR\"},"
    " {\"name\": \"U.S. National Security Strategy\", \"type\": \"program\", \"kind\": \"strategy\", \"country\": \"US\"},"
    " {\"name\": \"U.S. Tax Commission\", \"type\": \"agency\", \"country\": \"US\"},"
    " {\"name\": \"Department of State\", \"type\": \"agency\", \"country\": \"US\", \"aliases\": [\"State Department\"]},"
    " {\"name\": \"Ministry of Science and ICT\", \"type\": \"agency\", \"country\": \"KR\", \"aliases\": [\"MSIT\"]},"
    " {\"name\": \"Securities and Exchange Commission\", \"type\": \"agency\", \"country\": \"US\","
    "  \"aliases\": [\"SEC\"]},"
    " {\"name\": \"KORUS FTA\", \"type\": \"program\", \"kind\": \"agreement\"}]";

typedef struct fixture {
    rg_catalog *cat;
    rg_reader *x;
    rg_graph *g;
} fixture;

static fixture extract(const char *path, const char *text)
{
    fixture f = {rg_catalog_new(), NULL, rg_graph_new()};
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_catalog_load_text(f.cat, "test-catalog.json", catalog_json, strlen(catalog_json), &err), 0);
    f.x = rg_reader_new(f.cat, &err);
    ck_assert_ptr_nonnull(f.x);
    rg_doc *doc = NULL;
    ck_assert_int_eq(rg_doc_parse(path, text, strlen(text), &doc, &err), 0);
    ck_assert_int_eq(rg_extract_doc(f.x, doc, f.g, &err), 0);
    ck_assert_int_eq(rg_extract_finish(f.x, f.g, &err), 0);
    rg_doc_free(doc);
    return f;
}

static void done(fixture *f)
{
    rg_graph_free(f->g);
    rg_reader_free(f->x);
    rg_catalog_free(f->cat);
}

static const rg_link *link_between(const rg_graph *g, const char *from, const char *to, rg_relation rel)
{
    size_t a, b, l;
    if (!rg_graph_find(g, from, &a) || !rg_graph_find(g, to, &b) || !rg_graph_find_link(g, a, b, rel, &l))
        return NULL;
    return &g->links[l];
}

START_TEST(recommendation_roles_and_evidence)
{
    fixture f = extract("data/alliance.md", "# Alliance\n\n## Pillar 1: Technology\n\nThe alliance is old.\n"
                                            "The State Department should work with the ROK Ministry of Science and ICT\n"
                                            "under the KORUS FTA. Seoul agreed.\n");
    const rg_graph *g = f.g;
    size_t rec;
    ck_assert(rg_graph_find(g, "rec:alliance:6", &rec));
    ck_assert_str_eq(g->nodes[rec].section, "Pillar 1: Technology");
    ck_assert_str_eq(g->nodes[rec].text,
                     "The State Department should work with the ROK Ministry of Science and ICT under the KORUS FTA.");
    const rg_link *l = link_between(g, "rec:alliance:6", "agency:department-of-state", RG_REL_LEADS);
    ck_assert_ptr_nonnull(l);
    ck_assert_uint_eq(l->n_evidence, 1);
    ck_assert_str_eq(l->evidence[0].doc, "report:alliance");
    ck_assert_int_eq(l->evidence[0].line, 6);
    ck_assert_ptr_nonnull(link_between(g, "rec:alliance:6", "agency:ministry-of-science-and-ict", RG_REL_PARTNERS));
    /* "ROK" in "the ROK Ministry of ..." qualifies the ministry: no mention */
    ck_assert_ptr_null(link_between(g, "rec:alliance:6", "actor:republic-of-korea", RG_REL_PARTNERS));
    ck_assert_ptr_nonnull(link_between(g, "rec:alliance:6", "program:korus-fta", RG_REL_CONCERNS));
    ck_assert_ptr_nonnull(link_between(g, "report:alliance", "rec:alliance:6", RG_REL_CONTAINS));
    ck_assert_ptr_nonnull(
        link_between(g, "agency:department-of-state", "agency:ministry-of-science-and-ict", RG_REL_CO_MENTIONED));
    /* "Seoul agreed." is no recommendation, but counts as a mention */
    size_t kr;
    ck_assert(rg_graph_find(g, "actor:republic-of-korea", &kr));
    ck_assert_int_eq(g->nodes[kr].mentions, 1);
    ck_assert(rg_strset_has(&g->nodes[kr].aliases, "Seoul"));
    ck_assert(!rg_strset_has(&g->nodes[kr].aliases, "ROK"));
    /* catalog links: the ministry belongs to the ROK, named in the text */
    l = link_between(g, "agency:ministry-of-science-and-ict", "actor:republic-of-korea", RG_REL_PART_OF);
    ck_assert_ptr_nonnull(l);
    ck_assert_str_eq(l->evidence[0].doc, "catalog");
    /* the State Department's country is never named: no part_of link */
    ck_assert_ptr_null(link_between(g, "agency:department-of-state", "actor:united-states", RG_REL_PART_OF));
    /* every link has evidence */
    for (size_t i = 0; i < g->n_links; i++)
        ck_assert_uint_gt(g->links[i].n_evidence, 0);
    done(&f);
}
END_TEST

START_TEST(a_country_named_as_a_place_is_no_party)
{
    fixture f = extract("data/p.md", "# Visas\n\n"
                                     "- Washington should fund exchanges between companies in South Korea and the United States.\n"
                                     "- The State Department should build on the U.S. and ROK strategies.\n"
                                     "- The State Department should open an office in Seoul.\n"
                                     "- The State Department should work in South Korea's startup ecosystem.\n");
    const rg_graph *g = f.g;
    ck_assert_ptr_nonnull(link_between(g, "rec:p:3", "actor:united-states", RG_REL_LEADS));
    ck_assert_ptr_null(link_between(g, "rec:p:3", "actor:republic-of-korea", RG_REL_PARTNERS));
    /* the names are still mentioned, and co-mentioned */
    ck_assert_ptr_nonnull(link_between(g, "actor:republic-of-korea", "actor:united-states", RG_REL_CO_MENTIONED));
    /* "the U.S. and ROK strategies": both qualify the strategies */
    ck_assert_ptr_nonnull(link_between(g, "rec:p:4", "actor:united-states", RG_REL_PARTNERS));
    ck_assert_ptr_nonnull(link_between(g, "rec:p:4", "actor:republic-of-korea", RG_REL_PARTNERS));
    ck_assert_ptr_null(link_between(g, "rec:p:5", "actor:republic-of-korea", RG_REL_PARTNERS));
    /* "in South Korea's ecosystem": the country owns what follows */
    ck_assert_ptr_nonnull(link_between(g, "rec:p:6", "actor:republic-of-korea", RG_REL_PARTNERS));
    done(&f);
}
END_TEST

START_TEST(a_topic_or_a_route_is_no_party)
{
    fixture f = extract("data/t.md", "# Topics\n\n"
                                     "- Washington should reframe the China challenge.\n"
                                     "- Washington should help firms move research from Beijing to Seoul.\n"
                                     "- Washington should buy less from Beijing.\n"
                                     "- Officials, while framing the China question, should talk.\n");
    const rg_graph *g = f.g;
    ck_assert_ptr_nonnull(link_between(g, "rec:t:3", "actor:united-states", RG_REL_LEADS));
    ck_assert_ptr_null(link_between(g, "rec:t:3", "actor:peoples-republic-of-china", RG_REL_PARTNERS));
    /* from one place to another: both are places */
    ck_assert_ptr_null(link_between(g, "rec:t:4", "actor:peoples-republic-of-china", RG_REL_PARTNERS));
    ck_assert_ptr_null(link_between(g, "rec:t:4", "actor:republic-of-korea", RG_REL_PARTNERS));
    /* "from" alone is no route */
    ck_assert_ptr_nonnull(link_between(g, "rec:t:5", "actor:peoples-republic-of-china", RG_REL_PARTNERS));
    /* a topic does not lead, even inside the subject */
    ck_assert_ptr_null(link_between(g, "rec:t:6", "actor:peoples-republic-of-china", RG_REL_LEADS));
    done(&f);
}
END_TEST

START_TEST(a_clause_subject_and_a_sentence_that_goes_on)
{
    fixture f = extract("data/c.md", "# Pair\n\n"
                                     "The United States and South Korea met. The United States and South Korea met "
                                     "again. The United States and South Korea agreed.\n\n"
                                     "- As both countries develop norms, they could use the KORUS FTA.\n"
                                     "- Washington should deepen cooperation. This should be paired with the "
                                     "Ministry of Science and ICT's work.\n"
                                     "- Washington should deepen cooperation. This administration should call Beijing.\n");
    const rg_graph *g = f.g;
    /* "both countries" opening a clause are the pair, and "they" after
     * it: the pair leads, inferred (the sentence names neither) */
    const rg_link *lead = link_between(g, "rec:c:5", "actor:united-states", RG_REL_LEADS);
    ck_assert_ptr_nonnull(lead);
    ck_assert(lead->inferred);
    ck_assert_ptr_nonnull(link_between(g, "rec:c:5", "actor:republic-of-korea", RG_REL_LEADS));
    ck_assert_ptr_null(link_between(g, "rec:c:5", "actor:united-states", RG_REL_PARTNERS));
    /* "This should be ..." goes on with the recommendation before it */
    size_t n;
    ck_assert(!rg_graph_find(g, "rec:c:6-2", &n));
    const rg_link *l = link_between(g, "rec:c:6", "agency:ministry-of-science-and-ict", RG_REL_PARTNERS);
    ck_assert_ptr_nonnull(l);
    ck_assert_str_eq(l->evidence[0].text, "This should be paired with the Ministry of Science and ICT's work.");
    /* but "This administration should ..." is a recommendation of its own */
    ck_assert(rg_graph_find(g, "rec:c:7-2", &n));
    ck_assert_ptr_null(link_between(g, "rec:c:7", "actor:peoples-republic-of-china", RG_REL_PARTNERS));
    done(&f);
}
END_TEST

START_TEST(a_party_named_after_an_inferred_one_is_linked_as_named)
{
    fixture f = extract("data/n.md", "# Pair\n\n"
                                     "The United States and South Korea met. The United States and South Korea met "
                                     "again. The United States and South Korea agreed.\n\n"
                                     "- Both countries should share data, and the United States should deliver radar "
                                     "systems.\n"
                                     "- Both countries should share data with each other.\n");
    const rg_graph *g = f.g;
    /* "both countries" lead, inferred; the United States, named in the
     * second clause, has a link the text names */
    const rg_link *l = link_between(g, "rec:n:5", "actor:united-states", RG_REL_PARTNERS);
    const rg_link *lead = link_between(g, "rec:n:5", "actor:united-states", RG_REL_LEADS);
    ck_assert((l && !l->inferred) || (lead && !lead->inferred));
    ck_assert_ptr_nonnull(link_between(g, "rec:n:5", "actor:republic-of-korea", RG_REL_LEADS));
    ck_assert(link_between(g, "rec:n:5", "actor:republic-of-korea", RG_REL_LEADS)->inferred);
    /* named by inference only: one link, inferred */
    lead = link_between(g, "rec:n:6", "actor:united-states", RG_REL_LEADS);
    ck_assert_ptr_nonnull(lead);
    ck_assert(lead->inferred);
    ck_assert_ptr_null(link_between(g, "rec:n:6", "actor:united-states", RG_REL_PARTNERS));
    done(&f);
}
END_TEST

START_TEST(a_bill_section_label_names_no_body)
{
    fixture f = extract("data/s.md", "# A Bill\n\n## SEC. 2. FINDINGS.\n\nCongress finds the following.\n\n"
                                     "## Sec. 3. Sense of Congress\n\nIt is the sense of Congress that the "
                                     "United States should act.\n");
    size_t n;
    ck_assert(!rg_graph_find(f.g, "agency:securities-and-exchange-commission", &n));
    done(&f);
    /* the commission named in a sentence is the commission */
    f = extract("data/s.md", "# A Bill\n\n## SEC. 2. FINDINGS.\n\nThe SEC should act.\n");
    ck_assert(rg_graph_find(f.g, "agency:securities-and-exchange-commission", &n));
    done(&f);
}
END_TEST

START_TEST(a_quoted_name_before_a_program_noun)
{
    fixture f = extract("data/q.md", "# Health\n\n"
                                     "- Washington should formalize a \"Democracies Fight COVID-19\" public dialogue.\n"
                                     "- Washington should drop its \"America First\" agenda and its \"no\" policy.\n");
    const rg_graph *g = f.g;
    const rg_link *l = link_between(g, "rec:q:3", "program:democracies-fight-covid-19", RG_REL_CONCERNS);
    ck_assert_ptr_nonnull(l);
    size_t p;
    ck_assert(rg_graph_find(g, "program:democracies-fight-covid-19", &p));
    ck_assert_str_eq(g->nodes[p].label, "Democracies Fight COVID-19");
    ck_assert_str_eq(g->nodes[p].kind, "dialogue");
    /* an agenda is no program noun; a quote must open with a capital */
    ck_assert(!rg_graph_find(g, "program:america-first", &p));
    ck_assert(!rg_graph_find(g, "program:no", &p));
    done(&f);
}
END_TEST

START_TEST(imperative_items_under_a_lead_in)
{
    fixture f = extract("p.txt", "Summary\nThe report recommends that U.S. and ROK policymakers:\n"
                                 "- Deepen cooperation in cyber;\n- Negotiate a new agreement; and\n"
                                 "- The alliance is strong.\n");
    const rg_graph *g = f.g;
    size_t rec;
    ck_assert(rg_graph_find(g, "rec:p:3", &rec));
    ck_assert(rg_graph_find(g, "rec:p:4", &rec));
    ck_assert(!rg_graph_find(g, "rec:p:5", &rec));
    const rg_link *l = link_between(g, "rec:p:3", "actor:united-states", RG_REL_LEADS);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->evidence[0].line, 2); /* the lead-in names who leads */
    ck_assert_ptr_nonnull(link_between(g, "rec:p:4", "actor:republic-of-korea", RG_REL_LEADS));
    done(&f);
}
END_TEST

START_TEST(notes_and_front_matter_make_nothing)
{
    fixture f = extract("n.md", "# R\n\n## About the Authors\n\nThe State Department should hire her.\n\n"
                                "## Introduction\n\nText.\n\n1. State Department, \"Report,\" https://state.gov.\n");
    size_t n;
    ck_assert(!rg_graph_find(f.g, "agency:department-of-state", &n));
    ck_assert_uint_eq(f.g->n_nodes, 1); /* the report node alone */
    done(&f);
}
END_TEST

START_TEST(names_beyond_the_catalog)
{
    fixture f = extract("n.md",
                        "# N\n\n## Summary\n\n"
                        "The United States and South Korea met. The United States and South Korea met again. The United "
                        "States and South Korea agreed.\n\n"
                        "The Korea Disease Agency (KDA) should work with the South Korean Ministry of Health and Welfare "
                        "and the Ministry of Finance's Budget Review Office.\n\n"
                        "Later the KDA and the ROK Tax Commission met under the National Security and National "
                        "Defense Strategies.\n\n"
                        "The two countries should meet. The Biden administration should\n\nconsult the KDA.\n");
    const rg_graph *g = f.g;
    size_t n;
    /* a body known by its shape, and its acronym defined in the text */
    ck_assert(rg_graph_find(g, "agency:korea-disease-agency", &n));
    ck_assert(rg_strset_has(&g->nodes[n].aliases, "KDA"));
    ck_assert_int_eq(g->nodes[n].mentions, 3);
    /* a demonym qualifies a catalog name: one node, not two */
    ck_assert(rg_graph_find(g, "agency:ministry-of-health-and-welfare", &n));
    ck_assert(!rg_graph_find(g, "agency:south-korean-ministry-of-health-and-welfare", &n));
    /* a possessive chain: both bodies, and part_of with the sentence */
    const rg_link *l = link_between(g, "agency:budget-review-office", "agency:ministry-of-finance", RG_REL_PART_OF);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->evidence[0].line, 7);
    /* an abbreviated country qualifies a body: the body's name goes without it */
    ck_assert(rg_graph_find(g, "agency:tax-commission", &n));
    ck_assert_str_eq(g->nodes[n].country, "KR");
    ck_assert_ptr_nonnull(link_between(g, "agency:tax-commission", "actor:republic-of-korea", RG_REL_PART_OF));
    /* two names share one plural head; the report's country completes them */
    ck_assert(rg_graph_find(g, "program:us-national-security-strategy", &n));
    ck_assert(rg_strset_has(&g->nodes[n].aliases, "National Security"));
    /* "the two countries" are the two the report names most */
    ck_assert_ptr_nonnull(link_between(g, "rec:n:11", "actor:united-states", RG_REL_LEADS));
    ck_assert_ptr_nonnull(link_between(g, "rec:n:11", "actor:republic-of-korea", RG_REL_LEADS));
    /* "the Biden administration" is the United States; a sentence broken by
     * a blank line is one sentence */
    ck_assert_ptr_nonnull(link_between(g, "rec:n:11-2", "actor:united-states", RG_REL_LEADS));
    ck_assert_ptr_nonnull(link_between(g, "rec:n:11-2", "agency:korea-disease-agency", RG_REL_PARTNERS));
    ck_assert(!rg_graph_find(g, "actor:joe-biden", &n));
    done(&f);
}
END_TEST

/* An acronym the catalog knows (MSIT, the Ministry of Science and ICT)
 * that a report spells out as something else, in an abbreviations row or
 * in its prose, means what the report says there, not what the catalog
 * says; one the report spells out as the catalog does keeps its entity. */
START_TEST(a_report_defines_its_own_acronyms)
{
    fixture f = extract("a.md", "# A\n\n## Abbreviations\n\n"
                                "- MSIT (Materials Safety Inspection Test)\n\n"
                                "## Findings\n\n"
                                "The MSIT results were reviewed by the State Department.\n\n"
                                "The State Department should publish the MSIT data.\n");
    size_t n;
    ck_assert(!rg_graph_find(f.g, "agency:ministry-of-science-and-ict", &n));
    ck_assert(rg_graph_find(f.g, "agency:department-of-state", &n));
    done(&f);
    f = extract("b.md", "# B\n\n## Findings\n\n"
                        "The Materials Safety Inspection Test (MSIT) was reviewed.\n\n"
                        "The State Department should publish the MSIT data.\n");
    ck_assert(!rg_graph_find(f.g, "agency:ministry-of-science-and-ict", &n));
    done(&f);
    f = extract("c.md", "# C\n\n## Findings\n\n"
                        "The Korean Ministry of Science and ICT (MSIT) met.\n\n"
                        "The State Department should work with MSIT.\n");
    ck_assert(rg_graph_find(f.g, "agency:ministry-of-science-and-ict", &n));
    ck_assert_int_eq(f.g->nodes[n].mentions, 2);
    done(&f);
}
END_TEST

/* An audit report proposes through its sections of recommendations (and
 * a title that directs): what its findings say an agency must do or needs
 * to do is no recommendation of its own. A report without such sections
 * keeps them. */
START_TEST(an_audit_report_proposes_in_its_recommendations_only)
{
    static const char audit[] = "# Korea: State Should Track Its Programs\n\n"
                                "## What GAO Recommends\n\n"
                                "We recommend that the State Department track its programs.\n\n"
                                "## Findings\n\n"
                                "The State Department needs to track its programs. Officials must report "
                                "twice a year.\n\n"
                                "- Add information on programs in the Republic of Korea.\n\n"
                                "## Recommendation for Executive Action\n\n"
                                "The Secretary of State should track every program.\n";
    fixture f = extract("audit.md", audit);
    size_t n, recs = 0;
    for (size_t i = 0; i < f.g->n_nodes; i++)
        recs += f.g->nodes[i].type == RG_TYPE_RECOMMENDATION;
    ck_assert(rg_graph_find(f.g, "rec:audit:1", &n));  /* the title */
    ck_assert(rg_graph_find(f.g, "rec:audit:5", &n));  /* we recommend that */
    ck_assert(rg_graph_find(f.g, "rec:audit:15", &n)); /* the numbered one */
    ck_assert_uint_eq(recs, 3);
    done(&f);
    /* the same findings in a report that proposes throughout */
    f = extract("brief.md", "# Brief\n\n## Findings\n\nThe State Department needs to track its programs.\n");
    ck_assert(rg_graph_find(f.g, "rec:brief:5", &n));
    done(&f);
}
END_TEST

/* Two reports extracted straight into one graph, in either order, give
 * the graph that merging their parts gives: a label seen two ways keeps
 * the smaller, mentions and evidence add up. */
static char *two_reports(const rg_reader *x, const rg_doc *first, const rg_doc *second, bool by_parts)
{
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = rg_graph_new();
    const rg_doc *docs[] = {first, second};
    for (int i = 0; i < 2; i++) {
        if (by_parts) {
            rg_graph *part = rg_graph_new();
            ck_assert_int_eq(rg_extract_doc(x, docs[i], part, &err), 0);
            ck_assert_int_eq(rg_graph_merge(g, part, &err), 0);
            rg_graph_free(part);
        } else {
            ck_assert_int_eq(rg_extract_doc(x, docs[i], g, &err), 0);
        }
    }
    ck_assert_int_eq(rg_extract_finish(x, g, &err), 0);
    /* the same report twice is refused */
    ck_assert_int_eq(rg_extract_doc(x, first, g, &err), -1);
    ck_assert_int_eq(err.code, RG_ERR_INPUT);
    char *text = graph_text(g);
    rg_graph_free(g);
    return text;
}

START_TEST(extracting_into_a_graph_is_merging_a_part)
{
    static const char a[] = "# A\n\nThe Korea Disease Agency should work with the Department of State. The "
                            "United States and South Korea met.\n";
    static const char b[] = "# B\n\nThe Korea DISEASE Agency should meet the State Department. The United "
                            "States and South Korea met again in Seoul.\n";
    fixture f = extract("a.md", a);
    rg_error err;
    rg_error_clear(&err);
    rg_doc *da = NULL, *db = NULL;
    ck_assert_int_eq(rg_doc_parse("a.md", a, strlen(a), &da, &err), 0);
    ck_assert_int_eq(rg_doc_parse("b.md", b, strlen(b), &db, &err), 0);
    char *direct = two_reports(f.x, da, db, false), *reversed = two_reports(f.x, db, da, false),
         *parts = two_reports(f.x, db, da, true);
    /* (graph files are too long for check's message) */
    ck_assert_msg(strcmp(direct, parts) == 0, "extracted straight into a graph: not the merged parts' graph");
    ck_assert_msg(strcmp(reversed, parts) == 0, "the other order: not the merged parts' graph");
    ck_assert_ptr_nonnull(strstr(direct, "\"label\": \"Korea DISEASE Agency\""));
    free(direct);
    free(reversed);
    free(parts);
    rg_doc_free(da);
    rg_doc_free(db);
    done(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("extract");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, recommendation_roles_and_evidence);
    tcase_add_test(tc, a_country_named_as_a_place_is_no_party);
    tcase_add_test(tc, a_topic_or_a_route_is_no_party);
    tcase_add_test(tc, a_clause_subject_and_a_sentence_that_goes_on);
    tcase_add_test(tc, a_party_named_after_an_inferred_one_is_linked_as_named);
    tcase_add_test(tc, a_bill_section_label_names_no_body);
    tcase_add_test(tc, a_quoted_name_before_a_program_noun);
    tcase_add_test(tc, imperative_items_under_a_lead_in);
    tcase_add_test(tc, notes_and_front_matter_make_nothing);
    tcase_add_test(tc, names_beyond_the_catalog);
    tcase_add_test(tc, a_report_defines_its_own_acronyms);
    tcase_add_test(tc, an_audit_report_proposes_in_its_recommendations_only);
    tcase_add_test(tc, extracting_into_a_graph_is_merging_a_part);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
