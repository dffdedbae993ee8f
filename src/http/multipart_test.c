/* Unit tests for http/multipart.c: fields and files, limits, malformed and
 * truncated bodies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/err.h"
#include "http/http.h"

#define CT "multipart/form-data; boundary=XyZ"

struct res {
	struct arena a;
	struct http_field f[HTTP_MAX_FIELDS];
	struct http_file files[HTTP_MAX_FILES];
	int nf, nfiles;
};

static int parse(struct res *r, const char *ct, const char *body, size_t len)
{
	arena_init(&r->a);
	return http_parse_multipart(&r->a, ct, body, len, r->f, HTTP_MAX_FIELDS, &r->nf, r->files, HTTP_MAX_FILES,
	                            &r->nfiles);
}

#define PARSE(r, ct, lit) parse((r), (ct), (lit), sizeof(lit) - 1)

static void test_fields_and_files(void **state)
{
	struct res r;
	static const char body[] = "preamble\r\n--XyZ\r\n"
	                           "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	                           "abc\r\n--XyZ\r\n"
	                           "Content-Disposition: form-data; name=\"text\"\r\n"
	                           "Content-Type: text/plain; charset=utf-8\r\n\r\n"
	                           "Hallo\r\nwereld \xc3\xa9\r\n--XyZ\r\n"
	                           "Content-Disposition: form-data; name=\"media\"; filename=\"C:\\\\fotos\\\\a.jpg\"\r\n"
	                           "Content-Type: image/jpeg\r\n\r\n"
	                           "\xff\xd8\x00\r\n--Xy\r\n\r\n--XyZ\r\n"
	                           "Content-Disposition: form-data; name=\"media\"; filename=\"\"\r\n\r\n"
	                           "\r\n--XyZ--\r\nepilogue";
	assert_int_equal(PARSE(&r, CT, body), 0);
	assert_int_equal(r.nf, 2);
	assert_string_equal(r.f[0].name, "csrf");
	assert_string_equal(r.f[0].value, "abc");
	assert_string_equal(r.f[1].value, "Hallo\r\nwereld \xc3\xa9");
	/* The empty file input is no file; binary content with a near-boundary stays. */
	assert_int_equal(r.nfiles, 1);
	assert_string_equal(r.files[0].name, "media");
	assert_string_equal(r.files[0].filename, "a.jpg");
	assert_int_equal(r.files[0].len, 11);
	assert_memory_equal(r.files[0].data, "\xff\xd8\x00\r\n--Xy\r\n", 11);
	arena_release(&r.a);
	/* A quoted boundary. */
	assert_int_equal(PARSE(&r, "multipart/form-data; charset=x; boundary=\"a b\"",
	                       "--a b\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--a b--"),
	                 0);
	assert_int_equal(r.nf, 1);
	assert_string_equal(r.f[0].value, "1");
	arena_release(&r.a);
}

static void test_malformed(void **state)
{
	struct res r;
	static const char *const bad[] = {
		"",                                                          /* nothing */
		"--XyZ\r\n\r\nno headers\r\n--XyZ--",                        /* no name */
		"--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--", /* no name */
		"--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\ntruncated",  /* no closing delimiter */
		"--XyZ\r\nContent-Disposition: form-data; name=a\r\n",              /* headers cut */
		"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\xc3\x28\r\n--XyZ--", /* bad UTF-8 */
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--", /* open quote */
		"--XyZjunk",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(parse(&r, CT, bad[i], strlen(bad[i])), ERR_INVAL);
		arena_release(&r.a);
	}
	/* A NUL inside a text field. */
	assert_int_equal(PARSE(&r, CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\0y\r\n--XyZ--"), ERR_INVAL);
	arena_release(&r.a);
	/* Bad or missing boundaries, wrong type. */
	static const char ok[] = "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--";
	assert_int_equal(PARSE(&r, "multipart/form-data", ok), ERR_INVAL);
	arena_release(&r.a);
	assert_int_equal(PARSE(&r, "multipart/form-data; boundary=", ok), ERR_INVAL);
	arena_release(&r.a);
	assert_int_equal(PARSE(&r, "multipart/mixed; boundary=XyZ", ok), ERR_INVAL);
	arena_release(&r.a);
	assert_int_equal(PARSE(&r, "multipart/form-data; boundary=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	                       ok),
	                 ERR_INVAL);
	arena_release(&r.a);
	assert_int_equal(PARSE(&r, CT, ok), 0);
	arena_release(&r.a);
}

static void test_limits(void **state)
{
	struct res r;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	/* Too many files. */
	for (int i = 0; i < HTTP_MAX_FILES + 1; i++)
		buf_nofail(buf_addf(&b, "--XyZ\r\nContent-Disposition: form-data; name=media; filename=f%d\r\n\r\nx\r\n", i));
	buf_nofail(buf_adds(&b, "--XyZ--"));
	assert_int_equal(parse(&r, CT, b.ptr, b.len), ERR_TOOBIG);
	arena_release(&r.a);
	/* Too many fields. */
	buf_reset(&b);
	for (int i = 0; i < HTTP_MAX_FIELDS + 1; i++)
		buf_nofail(buf_addf(&b, "--XyZ\r\nContent-Disposition: form-data; name=f%d\r\n\r\nx\r\n", i));
	buf_nofail(buf_adds(&b, "--XyZ--"));
	assert_int_equal(parse(&r, CT, b.ptr, b.len), ERR_TOOBIG);
	arena_release(&r.a);
	/* One field over HTTP_MAX_FIELD; a file of that size is fine. */
	buf_reset(&b);
	buf_nofail(buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; name=t\r\n\r\n"));
	for (int i = 0; i <= HTTP_MAX_FIELD; i++)
		buf_nofail(buf_addc(&b, 'a'));
	buf_nofail(buf_adds(&b, "\r\n--XyZ--"));
	assert_int_equal(parse(&r, CT, b.ptr, b.len), ERR_TOOBIG);
	arena_release(&r.a);
	/* Header block too long. */
	buf_reset(&b);
	buf_nofail(buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; name=t\r\nX-Pad: "));
	for (int i = 0; i <= HTTP_MAX_PART_HDR; i++)
		buf_nofail(buf_addc(&b, 'a'));
	buf_nofail(buf_adds(&b, "\r\n\r\nx\r\n--XyZ--"));
	assert_int_equal(parse(&r, CT, b.ptr, b.len), ERR_TOOBIG);
	arena_release(&r.a);
	buf_release(&b);
}

static void test_is_multipart(void **state)
{
	assert_true(http_is_multipart("multipart/form-data; boundary=a"));
	assert_true(http_is_multipart("Multipart/Form-Data;boundary=a"));
	assert_false(http_is_multipart("multipart/form-dataX"));
	assert_false(http_is_multipart("application/x-www-form-urlencoded"));
	assert_false(http_is_multipart(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_and_files),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_is_multipart),
	};
	return cmocka_run_group_tests_name("multipart", tests, NULL, NULL);
}
