/* Unit tests of graph/base/sha256.c: the test vectors of FIPS 180-4
 * (NIST's "SHA-256 examples"), fed whole and in odd pieces. */
#include "graph/base/sha256.h"
#include "helpers.h"

#include <string.h>
#include <unistd.h>

/* the portable rounds, or the processor's SHA instructions where it has them */
static bool portable;

static void digest_in_pieces(const char *data, size_t len, size_t piece, char out[RG_SHA256_HEX])
{
    rg_sha256 h;
    if (portable)
        rg_sha256_init_portable(&h);
    else
        rg_sha256_init(&h);
    for (size_t at = 0; at < len; at += piece)
        rg_sha256_add(&h, data + at, len - at < piece ? len - at : piece);
    rg_sha256_hex(&h, out);
}

static void check_vector(const char *data, const char *want)
{
    char out[RG_SHA256_HEX];
    size_t len = strlen(data);
    digest_in_pieces(data, len, len ? len : 1, out);
    ck_assert_str_eq(out, want);
    /* across block boundaries at every offset the pieces make */
    for (size_t piece = 1; piece <= 65; piece += 7) {
        digest_in_pieces(data, len, piece, out);
        ck_assert_str_eq(out, want);
    }
}

START_TEST(fips_180_4_vectors)
{
    check_vector("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_vector("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /* 448 bits: the padding takes a block of its own */
    check_vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    check_vector("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrs"
                 "tnopqrstu",
                 "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}
END_TEST

START_TEST(portable_rounds)
{
    portable = true;
    check_vector("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char out[RG_SHA256_HEX];
    static char a[1000000];
    memset(a, 'a', sizeof a);
    digest_in_pieces(a, sizeof a, 1000, out);
    ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    portable = false;
}
END_TEST

START_TEST(a_million_a)
{
    size_t len = 1000000;
    char *a = malloc(len);
    ck_assert_ptr_nonnull(a);
    memset(a, 'a', len);
    char out[RG_SHA256_HEX];
    digest_in_pieces(a, len, 4096 + 3, out);
    ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    /* and from a file, as reports are hashed */
    char path[] = "/tmp/rg-sha256-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, a, len), (ssize_t)len);
    close(fd);
    memset(out, 0, sizeof out);
    ck_assert_int_eq(rg_sha256_file(path, out, NULL), 0);
    ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    unlink(path);
    free(a);
}
END_TEST

START_TEST(missing_file)
{
    char out[RG_SHA256_HEX];
    rg_error err;
    rg_error_clear(&err);
    ck_assert_int_eq(rg_sha256_file("/nonexistent/report.md", out, &err), -1);
    ck_assert_int_eq(err.code, RG_ERR_IO);
    ck_assert_str_eq(err.file, "/nonexistent/report.md");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sha256");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fips_180_4_vectors);
    tcase_add_test(tc, portable_rounds);
    tcase_add_test(tc, a_million_a);
    tcase_add_test(tc, missing_file);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
