/* Unit tests for the feed reader: realistic RSS and Atom, hostile input, HTML made plain, dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "feed.c"

static struct arena A;

static int parse(const char *s, struct feed *f, const char **why)
{
	return feed_parse(&A, s, strlen(s), f, why);
}

static const char rss2[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
	"     xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
	"<channel>\n"
	"  <title>Dagblad van het Oosten &#8211; Regio</title>\n"
	"  <link>https://www.dvho.example/regio</link>\n"
	"  <atom:link href=\"https://www.dvho.example/regio/feed\" rel=\"self\" type=\"application/rss+xml\"/>\n"
	"  <item>\n"
	"    <title>Wachtlijst wijkverpleging Zorggroep De Linde loopt op</title>\n"
	"    <link>https://www.dvho.example/regio/wachtlijst-de-linde</link>\n"
	"    <guid isPermaLink=\"false\">dvho-48213</guid>\n"
	"    <dc:creator><![CDATA[Marieke Smit]]></dc:creator>\n"
	"    <pubDate>Tue, 01 Dec 2026 09:15:00 +0100</pubDate>\n"
	"    <description><![CDATA[<p>Cli&euml;nten wachten <strong>weken</strong> op zorg.</p>"
	"<script>track()</script><p>Een woordvoerder:&nbsp;&ldquo;We werken eraan.&rdquo;</p>]]></description>\n"
	"    <content:encoded><![CDATA[<p>Cli&euml;nten van Zorggroep De Linde wachten weken.</p>"
	"<p>Lees <a href=\"https://x.example\">meer</a> &amp; reageer.</p>]]></content:encoded>\n"
	"  </item>\n"
	"  <item>\n"
	"    <title>Open dag in verpleeghuis</title>\n"
	"    <link> https://www.dvho.example/regio/open-dag </link>\n"
	"    <description>Zaterdag &lt;b&gt;open dag&lt;/b&gt; van 10 tot 16 uur.</description>\n"
	"    <pubDate>Mon, 30 Nov 2026 18:00:00 GMT</pubDate>\n"
	"  </item>\n"
	"  <item>\n"
	"    <title>Zonder link</title>\n"
	"    <link>javascript:alert(1)</link>\n"
	"    <description>Alleen tekst.</description>\n"
	"  </item>\n"
	"</channel>\n"
	"</rss>\n";

static void test_rss2(void **state)
{
	struct feed f;
	const char *why;
	assert_int_equal(parse(rss2, &f, &why), 0);
	assert_int_equal(f.kind, FEED_RSS);
	assert_string_equal(f.title, "Dagblad van het Oosten \xe2\x80\x93 Regio");
	assert_string_equal(f.link, "https://www.dvho.example/regio");
	assert_int_equal(f.nitems, 3);
	struct feed_item *it = &f.items[0];
	assert_string_equal(it->guid, "dvho-48213");
	assert_string_equal(it->link, "https://www.dvho.example/regio/wachtlijst-de-linde");
	assert_string_equal(it->author, "Marieke Smit");
	/* content:encoded wins over description; HTML made plain */
	assert_string_equal(it->text, "Cli\xc3\xabnten van Zorggroep De Linde wachten weken.\n\nLees meer & reageer.");
	assert_int_equal(it->published, 1796112900); /* 2026-12-01T08:15:00Z */
	/* no guid: the link is the key; the link is trimmed */
	assert_string_equal(f.items[1].guid, "https://www.dvho.example/regio/open-dag");
	assert_string_equal(f.items[1].text, "Zaterdag open dag van 10 tot 16 uur.");
	assert_int_equal(f.items[1].published, 1796061600);
	/* a javascript: link is no link; the key is a hash of the text */
	assert_string_equal(f.items[2].link, "");
	assert_true(!strncmp(f.items[2].guid, "hash:", 5));
}

static const char atom[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
	"  <title type=\"text\">Blog van een mantelzorger</title>\n"
	"  <link rel=\"self\" href=\"https://blog.example/atom.xml\"/>\n"
	"  <link href=\"https://blog.example/\"/>\n"
	"  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>\n"
	"  <updated>2026-11-30T12:00:00Z</updated>\n"
	"  <entry>\n"
	"    <title type=\"html\">Mijn moeder &amp;lt;3 de thuiszorg</title>\n"
	"    <link rel=\"alternate\" type=\"text/html\" href=\"https://blog.example/2026/11/thuiszorg\"/>\n"
	"    <link rel=\"edit\" href=\"https://blog.example/edit/1\"/>\n"
	"    <id>tag:blog.example,2026:1</id>\n"
	"    <published>2026-11-29T21:30:00+01:00</published>\n"
	"    <author><name>Joke</name></author>\n"
	"    <content type=\"html\">&lt;p&gt;Zo blij met de zorg.&lt;/p&gt;</content>\n"
	"  </entry>\n"
	"  <entry>\n"
	"    <title>Tweede</title>\n"
	"    <id>tag:blog.example,2026:2</id>\n"
	"    <updated>2026-11-30T08:00:00.123Z</updated>\n"
	"    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Een <em>echte</em> zin.</p></div></content>\n"
	"  </entry>\n"
	"</feed>\n";

static void test_atom(void **state)
{
	struct feed f;
	const char *why;
	assert_int_equal(parse(atom, &f, &why), 0);
	assert_int_equal(f.kind, FEED_ATOM);
	assert_string_equal(f.title, "Blog van een mantelzorger");
	assert_string_equal(f.link, "https://blog.example/");
	assert_int_equal(f.nitems, 2);
	assert_string_equal(f.items[0].title, "Mijn moeder <3 de thuiszorg");
	assert_string_equal(f.items[0].link, "https://blog.example/2026/11/thuiszorg");
	assert_string_equal(f.items[0].guid, "tag:blog.example,2026:1");
	assert_string_equal(f.items[0].author, "Joke");
	assert_string_equal(f.items[0].text, "Zo blij met de zorg.");
	assert_int_equal(f.items[0].published, 1795984200); /* 20:30 UTC */
	assert_string_equal(f.items[1].text, "Een echte zin.");
	assert_int_equal(f.items[1].published, 1796025600);
	assert_string_equal(f.items[1].link, "");
}

static void test_rss1(void **state)
{
	const char *s = "<?xml version=\"1.0\"?>"
			"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
			"<channel rdf:about=\"https://a.example/\"><title>A</title><link>https://a.example/</link></channel>"
			"<item rdf:about=\"https://a.example/1\"><title>Een</title><link>https://a.example/1</link>"
			"<description>x</description></item></rdf:RDF>";
	struct feed f;
	const char *why;
	assert_int_equal(parse(s, &f, &why), 0);
	assert_int_equal(f.kind, FEED_RSS);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].guid, "https://a.example/1");
}

/* Hostile and broken feeds are refused with a reason, never expanded or fetched. */
static void test_hostile(void **state)
{
	struct feed f;
	const char *why;
	const char *laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
			     " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
			     " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
			     "]>\n<rss><channel><item><title>&lol3;</title></item></channel></rss>";
	assert_int_equal(parse(laughs, &f, &why), ERR_INVAL);
	assert_string_equal(why, "declares entities of its own");
	const char *xxe = "<?xml version=\"1.0\"?><!-- c --><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
			  "<rss><channel><item><title>&x;</title></item></channel></rss>";
	assert_int_equal(parse(xxe, &f, &why), ERR_INVAL);
	/* An external DTD is never loaded; its entities stay unexpanded. */
	const char *ext = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/x.dtd\">"
			  "<rss><channel><item><title>a &x; b</title><guid>g</guid></item></channel></rss>";
	assert_int_equal(parse(ext, &f, &why), 0);
	assert_int_equal(f.nitems, 1);
	assert_string_equal(f.items[0].title, "a b");
	/* Not XML, HTML, unknown encodings, invalid UTF-8, UTF-16 */
	assert_int_equal(parse("{\"items\": []}", &f, &why), ERR_INVAL);
	assert_int_equal(parse("<html><body>Hallo</body></html>", &f, &why), ERR_INVAL);
	assert_string_equal(why, "neither RSS nor Atom");
	assert_int_equal(parse("<?xml version=\"1.0\" encoding=\"x-kring-bogus\"?><rss/>", &f, &why), ERR_INVAL);
	assert_int_equal(parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>\xff\xfe</title></channel></rss>",
			       &f, &why), ERR_INVAL);
	const char utf16[] = "\xff\xfe<\0r\0s\0s\0/\0>\0";
	assert_int_equal(feed_parse(&A, utf16, sizeof utf16 - 1, &f, &why), ERR_INVAL);
	assert_int_equal(feed_parse(&A, "", 0, &f, &why), ERR_INVAL);
	/* Latin-1 declared: converted to UTF-8 */
	assert_int_equal(parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Cli\xebnt</title>"
			       "<guid>1</guid></item></channel></rss>", &f, &why), 0);
	assert_string_equal(f.items[0].title, "Cli\xc3\xabnt");
	/* Too deep nesting is refused by libxml2's own limit */
	size_t n = 300;
	char *deep = malloc(n * 7 + 64);
	char *p = deep;
	p += snprintf(p, 16, "<rss>");
	for (size_t i = 0; i < n; i++)
		p += snprintf(p, 8, "<a>");
	*p = 0;
	assert_int_equal(parse(deep, &f, &why), ERR_INVAL);
	free(deep);
}

static void test_limits(void **state)
{
	struct feed f;
	const char *why;
	/* Over the size limit: refused before parsing */
	size_t big = FEED_MAX_BYTES + 1;
	char *s = malloc(big + 1);
	memset(s, ' ', big);
	s[big] = 0;
	memcpy(s, "<rss>", 5);
	assert_int_equal(feed_parse(&A, s, big, &f, &why), ERR_TOOBIG);
	free(s);
	/* At most FEED_MAX_ITEMS items; the rest counted */
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "<rss><channel><title>t</title>"));
	for (int i = 0; i < FEED_MAX_ITEMS + 50; i++)
		buf_nofail(buf_addf(&b, "<item><guid>g%d</guid><title>Bericht %d</title></item>", i, i));
	buf_nofail(buf_adds(&b, "</channel></rss>"));
	assert_int_equal(feed_parse(&A, b.ptr, b.len, &f, &why), 0);
	assert_int_equal(f.nitems, FEED_MAX_ITEMS);
	assert_int_equal(f.skipped, 50);
	assert_string_equal(f.items[0].guid, "g0");
	buf_release(&b);
	/* A long description is cut on a character boundary */
	buf_init(&b, BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "<rss><channel><item><guid>x</guid><description>"));
	for (int i = 0; i < FEED_MAX_TEXT; i++)
		buf_nofail(buf_adds(&b, "\xc3\xab"));
	buf_nofail(buf_adds(&b, "</description></item></channel></rss>"));
	assert_int_equal(feed_parse(&A, b.ptr, b.len, &f, &why), 0);
	assert_true(strlen(f.items[0].text) <= FEED_MAX_TEXT);
	assert_true(utf8_valid(f.items[0].text, strlen(f.items[0].text)));
	buf_release(&b);
}

static void test_html_text(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{"<p>Een</p><p>Twee</p>", "Een\n\nTwee"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<style>p{}</style>tekst<SCRIPT type=x>alert('x')</SCRIPT> meer", "tekst meer"},
		{"a &amp;amp; b", "a &amp; b"},
		{"&#233;&#xE9;&eacute;", "\xc3\xa9\xc3\xa9\xc3\xa9"},
		{"&#0;x&#xD800;y&#1114112;", "x y&#1114112;"},
		{"5 < 6 en 7 > 3", "5 < 6 en 7 > 3"},
		{"<!-- verborgen -->zichtbaar", "zichtbaar"},
		{"  veel     ruimte \n\n\n\n hier ", "veel ruimte\n\nhier"},
		{"&onbekend; &", "&onbekend; &"},
		{"<a href=\"x\">link</a>tekst <b>vet</b>.", "linktekst vet."},
		{"<td>a</td><td>b</td>", "a b"},
		{"open <b", "open"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = feed_html_text(&A, cases[i].in, strlen(cases[i].in), 1000);
		if (strcmp(t, cases[i].out))
			fail_msg("case %zu: \"%s\" -> \"%s\", want \"%s\"", i, cases[i].in, t, cases[i].out);
	}
}

static void test_dates(void **state)
{
	assert_int_equal(feed_date("Tue, 01 Dec 2026 09:15:00 +0100"), 1796112900);
	assert_int_equal(feed_date("01 Dec 2026 08:15:00 GMT"), 1796112900);
	assert_int_equal(feed_date("Tue, 1 Dec 26 08:15 UT"), 1796112900 - 0);
	assert_int_equal(feed_date("Tue, 01 Dec 2026 09:15:00 CET"), 1796112900);
	assert_int_equal(feed_date("Tue, 01 Dec 2026 03:15:00 EST"), 1796112900);
	assert_int_equal(feed_date("2026-12-01T08:15:00Z"), 1796112900);
	assert_int_equal(feed_date("2026-12-01T09:15:00+01:00"), 1796112900);
	assert_int_equal(feed_date("2026-12-01T09:15:00.5+0100"), 1796112900);
	assert_int_equal(feed_date("2026-12-01"), 1796083200);
	assert_int_equal(feed_date("gisteren"), 0);
	assert_int_equal(feed_date("Tue, 41 Dec 2026 09:15:00"), 0);
	assert_int_equal(feed_date("2026-13-01T00:00:00Z"), 0);
	assert_int_equal(feed_date(""), 0);
	assert_int_equal(feed_date(NULL), 0);
}

static int setup(void **state)
{
	arena_init(&A);
	return 0;
}

static int teardown(void **state)
{
	arena_release(&A);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss2),  cmocka_unit_test(test_atom),   cmocka_unit_test(test_rss1),
		cmocka_unit_test(test_hostile), cmocka_unit_test(test_limits), cmocka_unit_test(test_html_text),
		cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
