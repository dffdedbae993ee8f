#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "i18n.c"

static const char good_po[] =
	"# English translations for kring.\n"
	"msgid \"\"\n"
	"msgstr \"\"\n"
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	"\"Language: en\\n\"\n"
	"\n"
	"#: templates/home.html:3\n"
	"msgid \"Hallo %s\"\n"
	"msgstr \"Hello %s\"\n"
	"\n"
	"#. translator note\n"
	"#: src/web/x.c:10 src/web/y.c:20\n"
	"#, c-format\n"
	"msgid \"\"\n"
	"\"Een lange \"\n"
	"\"tekst\"\n"
	"msgstr \"\"\n"
	"\"A long \"\n"
	"\"text\"\n"
	"\n"
	"msgid \"Regel\\neen \\\"citaat\\\"\\t\\\\ tab\"\n"
	"msgstr \"Line\\na \\\"quote\\\"\\t\\\\ tab\"\n"
	"\n"
	"#, fuzzy, c-format\n"
	"msgid \"Vaag\"\n"
	"msgstr \"Fuzzy\"\n"
	"\n"
	"msgid \"Onvertaald\"\n"
	"msgstr \"\"\n"
	"\n"
	"msgctxt \"knop\"\n"
	"msgid \"Open\"\n"
	"msgstr \"Open (button)\"\n"
	"\n"
	"msgid \"Open\"\n"
	"msgstr \"Open (adjective)\"\n"
	"\n"
	"msgid \"%d bericht\"\n"
	"msgid_plural \"%d berichten\"\n"
	"msgstr[0] \"%d message\"\n"
	"msgstr[1] \"%d messages\"\n"
	"\n"
	"#~ msgid \"Oud\"\n"
	"#~ msgstr \"Old\"\n"
	"msgid \"Geen lege regel\"\r\n"
	"msgstr \"No blank line\"  \r\n"
	"msgid \"Één\"\n"
	"msgstr \"One \\x41\\101\"\n";

static void test_parse(void **state)
{
	struct i18n *t;
	char err[128];
	assert_int_equal(i18n_parse(good_po, strlen(good_po), &t, err, sizeof err), 0);
	assert_string_equal(i18n_get(t, "Hallo %s"), "Hello %s");
	assert_string_equal(i18n_get(t, "Een lange tekst"), "A long text");
	assert_string_equal(i18n_get(t, "Regel\neen \"citaat\"\t\\ tab"), "Line\na \"quote\"\t\\ tab");
	assert_string_equal(i18n_get(t, "Open"), "Open (adjective)");
	assert_string_equal(i18n_pget(t, "knop", "Open"), "Open (button)");
	assert_string_equal(i18n_pget(t, "menu", "Open"), "Open");
	assert_string_equal(i18n_get(t, "%d bericht"), "%d message");
	assert_string_equal(i18n_get(t, "Geen lege regel"), "No blank line");
	assert_string_equal(i18n_get(t, "Één"), "One AA");
	/* skipped: fuzzy, untranslated, obsolete, header */
	assert_string_equal(i18n_get(t, "Vaag"), "Vaag");
	assert_string_equal(i18n_get(t, "Onvertaald"), "Onvertaald");
	assert_string_equal(i18n_get(t, "Oud"), "Oud");
	assert_string_equal(i18n_get(t, ""), "");
	assert_string_equal(i18n_get(t, "Bestaat niet"), "Bestaat niet");
	assert_int_equal(i18n_count(t), 8);
	i18n_free(t);

	assert_string_equal(i18n_get(NULL, "Hallo"), "Hallo");
	i18n_free(NULL);
}

static void test_many(void **state)
{
	/* Enough entries to make the table grow several times. */
	struct buf po = BUF_INIT(BUF_NOLIMIT);
	for (int i = 0; i < 1000; i++)
		buf_nofail(buf_addf(&po, "msgid \"nl %d\"\nmsgstr \"en %d\"\n\n", i, i));
	struct i18n *t;
	assert_int_equal(i18n_parse(po.ptr, po.len, &t, NULL, 0), 0);
	assert_int_equal(i18n_count(t), 1000);
	for (int i = 0; i < 1000; i++) {
		char k[32], v[32];
		snprintf(k, sizeof k, "nl %d", i);
		snprintf(v, sizeof v, "en %d", i);
		assert_string_equal(i18n_get(t, k), v);
	}
	i18n_free(t);
	buf_release(&po);
}

static void expect_err(const char *src, const char *msg)
{
	struct i18n *t = (struct i18n *)1;
	char err[128];
	assert_int_equal(i18n_parse(src, strlen(src), &t, err, sizeof err), ERR_INVAL);
	assert_null(t);
	if (!strstr(err, msg))
		fail_msg("for %s: got \"%s\", want \"%s\"", src, err, msg);
}

static void test_malformed(void **state)
{
	expect_err("msgid \"a\"\nmsgstr \"b", "line 2: unterminated string");
	expect_err("msgid \"a\"\n\nmsgstr \"b\"", "line 1: msgid without msgstr");
	expect_err("msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"", "line 2: msgid without msgstr");
	expect_err("msgstr \"b\"", "line 1: msgstr without msgid");
	expect_err("\"x\"", "line 1: string without keyword");
	expect_err("msgid \"a\"\nmsgstr \"b\"\nbogus\n", "line 3: unexpected text");
	expect_err("msgid a\nmsgstr \"b\"", "line 1: expected '\"'");
	expect_err("msgid \"a\" x\nmsgstr \"b\"", "line 1: text after string");
	expect_err("msgid \"a\\q\"\nmsgstr \"b\"", "line 1: bad escape");
	expect_err("msgid \"a\\0\"\nmsgstr \"b\"", "line 1: escape out of range");
	expect_err("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"", "line 4: duplicate msgid");
	expect_err("msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"", "line 3: second msgstr");
	expect_err("msgid \"a\"\nmsgstr[0] \"b\"", "line 2: bad msgstr[n]");
	expect_err("msgctxt \"c\"\n\n", "line 1: msgctxt without msgid");
	expect_err("msgid \"\xff\"\nmsgstr \"b\"", "not valid UTF-8");

	struct i18n *t;
	assert_int_equal(i18n_parse("msgid \"a\"\nmsgstr \"b\"", I18N_MAX_PO + 1, &t, NULL, 0),
			 ERR_TOOBIG);
	assert_null(t);
	/* Empty input is a valid, empty catalogue. */
	assert_int_equal(i18n_parse("", 0, &t, NULL, 0), 0);
	assert_int_equal(i18n_count(t), 0);
	assert_string_equal(i18n_get(t, "x"), "x");
	i18n_free(t);
}

static void test_pick(void **state)
{
	assert_string_equal(i18n_pick(NULL), "nl");
	assert_string_equal(i18n_pick(""), "nl");
	assert_string_equal(i18n_pick("*"), "nl");
	assert_string_equal(i18n_pick("en"), "en");
	assert_string_equal(i18n_pick("en-US"), "en");
	assert_string_equal(i18n_pick("EN-gb"), "en");
	assert_string_equal(i18n_pick("de,en;q=0.5"), "en");
	assert_string_equal(i18n_pick("nl;q=0,en"), "en");
	assert_string_equal(i18n_pick("en-GB,en;q=0.9,nl;q=0.8"), "en");
	assert_string_equal(i18n_pick("nl-BE,en;q=0.9"), "nl");
	assert_string_equal(i18n_pick("en;q=0.5, nl ; q=0.8"), "nl");
	assert_string_equal(i18n_pick("en,nl"), "en");
	assert_string_equal(i18n_pick("nl,en"), "nl");
	assert_string_equal(i18n_pick("de,fr"), "nl");
	assert_string_equal(i18n_pick("en;q=0"), "nl");
	assert_string_equal(i18n_pick("de,*;q=0.5,nl;q=0.1"), "en"); /* * covers en */
	assert_string_equal(i18n_pick("english,nl;q=0.2"), "nl");
	assert_string_equal(i18n_pick("en;q=2,nl;q=0.1"), "nl"); /* bad q: item ignored */
	assert_string_equal(i18n_pick("en;q=0.001,nl;q=0"), "en");
	assert_string_equal(i18n_pick(",,;;,en"), "en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_pick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
