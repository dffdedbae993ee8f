#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>

#include "tmpl.c"

struct fx {
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[256];
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	f->set = tmpl_set_new();
	arena_init(&f->a);
	buf_init(&f->out, 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tmpl_set_free(f->set);
	arena_release(&f->a);
	buf_release(&f->out);
	free(f);
	return 0;
}

static void add(struct fx *f, const char *name, const char *src)
{
	int rc = tmpl_add(f->set, name, src, strlen(src), f->err, sizeof f->err);
	if (rc)
		fail_msg("tmpl_add %s: %s", name, f->err);
}

/* Compile src as a fresh template and render it against data. */
static const char *run(struct fx *f, const char *src, const struct tval *data)
{
	static int n;
	char name[32];
	snprintf(name, sizeof name, "t%d", n++);
	add(f, name, src);
	buf_reset(&f->out);
	assert_int_equal(tmpl_render(f->set, name, data, NULL, NULL, &f->out), 0);
	return f->out.ptr;
}

static int compile_err(struct fx *f, const char *src)
{
	f->err[0] = '\0';
	return tmpl_add(f->set, "bad", src, strlen(src), f->err, sizeof f->err);
}

static void test_escaping(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	tv_set_str(&f->a, d, "x", "<script>\"'&");
	assert_string_equal(run(f, "<p>{{x}}</p>", d), "<p>&lt;script&gt;&quot;&#39;&amp;</p>");
	assert_string_equal(run(f, "{{{x}}}|{{& x}}", d), "<script>\"'&|<script>\"'&");
	assert_string_equal(run(f, "{{ x }}", d), "&lt;script&gt;&quot;&#39;&amp;");
}

static void test_scalars(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	tv_set_int(&f->a, d, "n", -42);
	tv_set_int(&f->a, d, "big", INT64_MAX);
	tv_set_bool(&f->a, d, "t", true);
	tv_set_str(&f->a, d, "nul", NULL);
	tv_set_strf(&f->a, d, "f", "%d<%s", 7, "x");
	assert_string_equal(run(f, "[{{n}}][{{big}}][{{t}}][{{nul}}][{{missing}}][{{f}}]", d),
			    "[-42][9223372036854775807][][][][7&lt;x]");
	assert_int_equal(tv_kind(tv_get(d, "nul")), TV_NULL);
	/* tv_set replaces */
	tv_set_int(&f->a, d, "n", 1);
	assert_int_equal(tv_len(d), 5);
	assert_string_equal(run(f, "{{n}}", d), "1");
}

static void test_html_value(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	tv_set_html(&f->a, d, "h", "<b>vet</b> &amp;");
	assert_string_equal(run(f, "{{h}}", d), "<b>vet</b> &amp;");
	assert_string_equal(run(f, "{{#h}}ja{{/h}}", d), "ja");
}

static void test_sections(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	tv_set_bool(&f->a, d, "t", true);
	tv_set_bool(&f->a, d, "no", false);
	tv_set_str(&f->a, d, "s", "x");
	tv_set_str(&f->a, d, "empty", "");
	tv_set_int(&f->a, d, "zero", 0);
	tv_set_int(&f->a, d, "one", 1);
	tv_set(d, "nothing", tv_list(&f->a));
	assert_string_equal(
		run(f, "{{#t}}T{{/t}}{{#no}}N{{/no}}{{#s}}S{{/s}}{{#empty}}E{{/empty}}"
		       "{{#zero}}Z{{/zero}}{{#one}}O{{/one}}{{#nothing}}L{{/nothing}}{{#absent}}A{{/absent}}",
		       d),
		"TSO");
	assert_string_equal(
		run(f, "{{^t}}T{{/t}}{{^no}}N{{/no}}{{^s}}S{{/s}}{{^empty}}E{{/empty}}"
		       "{{^zero}}Z{{/zero}}{{^one}}O{{/one}}{{^nothing}}L{{/nothing}}{{^absent}}A{{/absent}}",
		       d),
		"NEZLA");
}

static void test_nested_and_lists(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	struct tval *posts = tv_list(&f->a);
	for (int i = 1; i <= 2; i++) {
		struct tval *p = tv_obj(&f->a);
		tv_set_int(&f->a, p, "id", i);
		struct tval *tags = tv_list(&f->a);
		tv_push(tags, tv_str(&f->a, "a<"));
		if (i == 2)
			tv_push(tags, tv_str(&f->a, "b"));
		tv_set(p, "tags", tags);
		tv_push(posts, p);
	}
	tv_set(d, "posts", posts);
	tv_set_str(&f->a, d, "group", "Zorg");
	assert_string_equal(
		run(f, "{{#posts}}<{{id}}:{{#tags}}[{{.}}/{{group}}]{{/tags}}>{{/posts}}", d),
		"<1:[a&lt;/Zorg]><2:[a&lt;/Zorg][b/Zorg]>");
	assert_int_equal(tv_len(posts), 2);
}

static void test_context_stack(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	struct tval *user = tv_obj(&f->a);
	tv_set_str(&f->a, user, "name", "inner");
	tv_set(d, "user", user);
	tv_set_str(&f->a, d, "name", "outer");
	tv_set_str(&f->a, d, "site", "kring");
	/* Inner context shadows outer; outer names stay reachable. */
	assert_string_equal(run(f, "{{#user}}{{name}}@{{site}}{{/user}} {{name}}", d),
			    "inner@kring outer");
}

static void test_dotted(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	struct tval *a = tv_obj(&f->a), *b = tv_obj(&f->a);
	tv_set_str(&f->a, b, "c", "diep");
	tv_set(a, "b", b);
	tv_set(d, "a", a);
	tv_set_str(&f->a, d, "c", "top");
	assert_string_equal(run(f, "{{a.b.c}}|{{a.x.c}}|{{#a.b}}{{c}}{{/a.b}}", d), "diep||diep");
	/* Once "a" is found the rest must be under it: a.c does not fall back. */
	assert_string_equal(run(f, "[{{a.c}}]", d), "[]");
}

static void test_partials(void **state)
{
	struct fx *f = *state;
	add(f, "item", "<li>{{name}}</li>");
	add(f, "page", "<ul>{{#items}}{{> item}}{{/items}}</ul>");
	add(f, "loop", "x{{> loop}}");
	add(f, "dangling", "{{> nope}}");
	struct tval *d = tv_obj(&f->a);
	struct tval *items = tv_list(&f->a);
	for (int i = 0; i < 2; i++) {
		struct tval *it = tv_obj(&f->a);
		tv_set_strf(&f->a, it, "name", "n%d", i);
		tv_push(items, it);
	}
	tv_set(d, "items", items);
	assert_int_equal(tmpl_render(f->set, "page", d, NULL, NULL, &f->out), 0);
	assert_string_equal(f->out.ptr, "<ul><li>n0</li><li>n1</li></ul>");

	buf_reset(&f->out);
	assert_int_equal(tmpl_render(f->set, "loop", d, NULL, NULL, &f->out), ERR_INVAL);
	assert_int_equal(f->out.len, TMPL_MAX_DEPTH + 1);
	assert_int_equal(tmpl_render(f->set, "dangling", d, NULL, NULL, &f->out), ERR_NOTFOUND);
	assert_int_equal(tmpl_render(f->set, "unknown", d, NULL, NULL, &f->out), ERR_NOTFOUND);

	assert_int_equal(tmpl_set_check(f->set, f->err, sizeof f->err), ERR_NOTFOUND);
	assert_non_null(strstr(f->err, "'nope'"));
}

static void test_partial_linked(void **state)
{
	struct fx *f = *state;
	add(f, "b", "B{{x}}");
	add(f, "a", "A{{> b}}");
	assert_int_equal(tmpl_set_check(f->set, f->err, sizeof f->err), 0);
	struct tval *d = tv_obj(&f->a);
	tv_set_int(&f->a, d, "x", 5);
	assert_int_equal(tmpl_render(f->set, "a", d, NULL, NULL, &f->out), 0);
	assert_string_equal(f->out.ptr, "AB5");
	assert_int_equal(tmpl_add(f->set, "a", "", 0, f->err, sizeof f->err), ERR_EXISTS);
}

static const char *to_en(void *ctx, const char *msgid)
{
	(*(int *)ctx)++;
	if (strcmp(msgid, "Hallo %s") == 0)
		return "Hello %s";
	if (strcmp(msgid, "%s volgt %s") == 0)
		return "%s follows %s";
	if (strcmp(msgid, "Opslaan & \"sluiten\"") == 0)
		return "Save & <close>";
	if (strcmp(msgid, "Te veel") == 0)
		return "Too %s many %s";
	return msgid;
}

static void test_translate(void **state)
{
	struct fx *f = *state;
	struct tval *d = tv_obj(&f->a);
	tv_set_str(&f->a, d, "name", "<Anna>");
	tv_set_int(&f->a, d, "n", 3);
	add(f, "tr",
	    "{{_ \"Hallo %s\" name}}|{{ _ \"%s volgt %s\" name n }}|"
	    "{{_ \"Opslaan & \\\"sluiten\\\"\"}}|{{_ \"Onvertaald\"}}|{{_ \"Te veel\"}}");
	int calls = 0;
	assert_int_equal(tmpl_render(f->set, "tr", d, to_en, &calls, &f->out), 0);
	assert_string_equal(f->out.ptr, "Hello &lt;Anna&gt;|&lt;Anna&gt; follows 3|"
					"Save &amp; &lt;close&gt;|Onvertaald|Too  many ");
	assert_int_equal(calls, 5);

	buf_reset(&f->out);
	assert_int_equal(tmpl_render(f->set, "tr", d, NULL, NULL, &f->out), 0);
	assert_string_equal(f->out.ptr, "Hallo &lt;Anna&gt;|&lt;Anna&gt; volgt 3|"
					"Opslaan &amp; &quot;sluiten&quot;|Onvertaald|Te veel");
}

static void test_comments_and_text(void **state)
{
	struct fx *f = *state;
	assert_string_equal(run(f, "a{{! niets {hier} }}b\n{ }c", NULL), "ab\n{ }c");
	assert_string_equal(run(f, "", NULL), "");
	assert_string_equal(run(f, "{{.}}", NULL), "");
}

static void test_compile_errors(void **state)
{
	struct fx *f = *state;
	assert_int_equal(compile_err(f, "x\n\n{{#a}}\nbody"), ERR_INVAL);
	assert_string_equal(f->err, "line 3: unclosed section 'a'");
	assert_int_equal(compile_err(f, "{{#a}}\n{{/b}}"), ERR_INVAL);
	assert_string_equal(f->err, "line 2: '{{/b}}' closes 'a' opened on line 1");
	assert_int_equal(compile_err(f, "ok\nok {{name"), ERR_INVAL);
	assert_string_equal(f->err, "line 2: unterminated tag");
	assert_int_equal(compile_err(f, "\n{{/b}}"), ERR_INVAL);
	assert_string_equal(f->err, "line 2: '{{/b}}' without an open section");
	assert_int_equal(compile_err(f, "{{{a}}"), ERR_INVAL);
	assert_non_null(strstr(f->err, "line 1:"));
	assert_int_equal(compile_err(f, "{{ }}"), ERR_INVAL);
	assert_string_equal(f->err, "line 1: empty tag");
	assert_int_equal(compile_err(f, "{{a b}}"), ERR_INVAL);
	assert_int_equal(compile_err(f, "{{a..b}}"), ERR_INVAL);
	assert_int_equal(compile_err(f, "{{#}}{{/}}"), ERR_INVAL);
	assert_int_equal(compile_err(f, "{{_ \"Hallo %s\"}}"), ERR_INVAL);
	assert_non_null(strstr(f->err, "1 %s but 0 arguments"));
	assert_int_equal(compile_err(f, "{{_ \"a\" x y z}}"), ERR_INVAL);
	assert_int_equal(compile_err(f, "{{_ \"open}}"), ERR_INVAL);
	assert_int_equal(compile_err(f, "{{_ \"\\q\"}}"), ERR_INVAL);
	assert_int_equal(compile_err(f, "{{_ x}}"), ERR_INVAL);
	/* NULL err is allowed; a multi-line tag still counts its lines. */
	assert_int_equal(tmpl_add(f->set, "bad", "{{#a}}", 6, NULL, 0), ERR_INVAL);
	assert_int_equal(compile_err(f, "{{! a\nb }}\n{{#x}}"), ERR_INVAL);
	assert_string_equal(f->err, "line 3: unclosed section 'x'");
	/* Failed compiles register nothing. */
	assert_int_equal(tmpl_render(f->set, "bad", NULL, NULL, NULL, &f->out), ERR_NOTFOUND);
}

static void test_nesting_limit(void **state)
{
	struct fx *f = *state;
	struct buf src = BUF_INIT(BUF_NOLIMIT);
	for (int i = 0; i < MAX_NESTING + 1; i++)
		buf_nofail(buf_adds(&src, "{{#a}}"));
	for (int i = 0; i < MAX_NESTING + 1; i++)
		buf_nofail(buf_adds(&src, "{{/a}}"));
	assert_int_equal(compile_err(f, src.ptr), ERR_INVAL);
	assert_non_null(strstr(f->err, "nested deeper"));
	buf_release(&src);
}

static void test_too_big(void **state)
{
	struct fx *f = *state;
	add(f, "big", "{{#l}}<p>{{s}}</p>{{/l}}");
	struct tval *d = tv_obj(&f->a);
	struct tval *l = tv_list(&f->a);
	for (int i = 0; i < 100; i++)
		tv_push(l, tv_obj(&f->a));
	tv_set(d, "l", l);
	tv_set_str(&f->a, d, "s", "<&>");
	struct buf small = BUF_INIT(100);
	assert_int_equal(tmpl_render(f->set, "big", d, NULL, NULL, &small), ERR_TOOBIG);
	assert_true(small.len <= 100);
	buf_release(&small);
	struct buf ok = BUF_INIT(100000);
	assert_int_equal(tmpl_render(f->set, "big", d, NULL, NULL, &ok), 0);
	assert_int_equal(ok.len, 100 * strlen("<p>&lt;&amp;&gt;</p>"));
	buf_release(&ok);
}

struct job {
	const struct tmpl_set *set;
	const struct tval *data;
	int bad;
};

static void *render_many(void *arg)
{
	struct job *j = arg;
	struct buf out = BUF_INIT(BUF_NOLIMIT);
	for (int i = 0; i < 500; i++) {
		buf_reset(&out);
		if (tmpl_render(j->set, "page", j->data, NULL, NULL, &out) != 0 ||
		    strcmp(out.ptr, "<ul><li>a &amp; b</li><li>c</li></ul>") != 0)
			j->bad++;
	}
	buf_release(&out);
	return NULL;
}

/* One compiled set and one value tree, rendered from several threads at once. */
static void test_threads(void **state)
{
	struct fx *f = *state;
	add(f, "li", "<li>{{.}}</li>");
	add(f, "page", "<ul>{{#l}}{{> li}}{{/l}}</ul>");
	struct tval *d = tv_obj(&f->a), *l = tv_list(&f->a);
	tv_push(l, tv_str(&f->a, "a & b"));
	tv_push(l, tv_str(&f->a, "c"));
	tv_set(d, "l", l);
	pthread_t th[4];
	struct job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){ f->set, d, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, render_many, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].bad, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scalars, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sections, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested_and_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_context_stack, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dotted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_partials, setup, teardown),
		cmocka_unit_test_setup_teardown(test_partial_linked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_translate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comments_and_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compile_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nesting_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_big, setup, teardown),
		cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
