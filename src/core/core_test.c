/* Unit tests for core/: the visibility rule, text handling, posting rules,
 * the social graph and authentication, on a temporary database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/reach.h"

struct fx {
	char path[64];
	struct core *c;
	struct arena a;
	uint64_t ann, bob, eve, org;
};

static int setup(void **state)
{
	log_min = LOG_WARN;
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/kring-core-%d-%llu.db", (int)getpid(), (unsigned long long)id_new());
	if (core_open(f->path, &f->c))
		return -1;
	arena_init(&f->a);
	if (core_account_create(f->c, "Ann", "wachtwoord-ann", ACCOUNT_PERSON, ROLE_MEMBER, &f->ann) ||
	    core_account_create(f->c, "bob", "wachtwoord-bob", ACCOUNT_PERSON, ROLE_MEMBER, &f->bob) ||
	    core_account_create(f->c, "eve", "wachtwoord-eve", ACCOUNT_PERSON, ROLE_MEMBER, &f->eve) ||
	    core_org_create(f->c, "zorghuis", "Zorghuis De Linde", &f->org))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	core_close(f->c);
	arena_release(&f->a);
	char p[80];
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* The rule as a table: visibility × relation of the viewer. */
static void test_visibility_rule(void **state)
{
	struct post p = {.author_id = 10, .writer_id = 10};
	for (int vis = VIS_PUBLIC; vis <= VIS_DIRECT; vis++) {
		p.visibility = vis;
		memset(&p.v_follows_author, 0, sizeof(bool) * 5);
		assert_true(core_post_visible(10, &p));                   /* author */
		assert_int_equal(core_post_visible(0, &p), vis == VIS_PUBLIC);  /* anonymous */
		assert_int_equal(core_post_visible(20, &p), vis == VIS_PUBLIC); /* stranger */
		p.v_follows_author = true;
		assert_int_equal(core_post_visible(20, &p), vis != VIS_DIRECT); /* follower */
		p.v_follows_author = false;
		p.v_recipient = true;
		assert_true(core_post_visible(20, &p));                    /* named recipient */
		p.v_recipient = false;
		p.v_blocked = true;
		assert_false(core_post_visible(20, &p));                   /* blocked either way */
		p.v_blocked = false;
		p.v_staff = true;
		assert_true(core_post_visible(20, &p));                    /* staff of the org */
		p.v_staff = false;
	}
}

static void test_text(void **state)
{
	struct fx *f = *state;
	const char *v[8];
	size_t n = text_tags(&f->a, "#Zorg en #zorg, #Wél_dit maar niet C#, a#b of #", v, 8);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "zorg");
	assert_string_equal(v[1], "wél_dit");
	n = text_mentions(&f->a, "hoi @Ann en @bob! mail@adres.nl @x", v, 8);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "ann");
	/* A remote account is named with its host (not as a local "ann"). */
	n = text_mentions(&f->a, "hoi @Ann@Zorg.example:8081. en @bob@x.nl", v, 8);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "ann@zorg.example:8081");
	assert_string_equal(v[1], "bob@x.nl");
	char *html = core_render_text(f->c, &f->a, "<b>hi</b> & \"x\"\n\nhttps://a.nl/p?q=1&r=<2>. #tag @ann");
	assert_non_null(strstr(html, "&lt;b&gt;hi&lt;/b&gt; &amp; &quot;x&quot;</p><p>"));
	assert_non_null(strstr(html, "<a href=\"https://a.nl/p?q=1&amp;r=\" rel=\"nofollow ugc noopener\""));
	assert_null(strstr(html, "<2>"));
	assert_non_null(strstr(html, "<a href=\"/tags/tag\" class=\"tag\">#tag</a>"));
	assert_non_null(strstr(html, "<a href=\"/@ann\" class=\"mention\">@ann</a>"));
	/* javascript: is not a link */
	html = core_render_text(f->c, &f->a, "javascript:alert(1)");
	assert_null(strstr(html, "<a "));
	char *w = core_search_words(&f->a, "De Wandelingen waren mooi!");
	assert_string_equal(w, "de wandel war mooi");
	assert_string_equal(core_search_words(&f->a, "wandeling"), "wandel");
	/* Regression (found by fuzzing): a word starting with _ looped forever. */
	assert_string_equal(core_search_words(&f->a, "l_m __x_"), "l m x");
}

static void test_post_rules(void **state)
{
	struct fx *f = *state;
	uint64_t id;
	struct post_input in = {.author_id = f->ann, .text = "Hallo", .visibility = VIS_PUBLIC};
	assert_int_equal(core_post_create(f->c, &f->a, 0, &in, &id), ERR_AUTH);
	in.text = "   \n ";
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), ERR_INVAL);
	in.text = "a\x01";
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), ERR_INVAL);
	char *big = arena_alloc(&f->a, CORE_POST_MAX_CHARS + 2);
	memset(big, 'x', CORE_POST_MAX_CHARS + 1);
	in.text = big;
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), ERR_TOOBIG);
	big[CORE_POST_MAX_CHARS] = '\0';
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), 0);
	/* Direct without recipients is refused; an unknown named recipient too. */
	in.text = "alleen voor jou";
	in.visibility = VIS_DIRECT;
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), ERR_INVAL);
	in.to = "@niemand";
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), ERR_NOTFOUND);
	in.to = "@bob";
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), 0);
	struct post *p;
	assert_int_equal(core_post_get(f->c, &f->a, f->bob, id, &p), 0);
	assert_int_equal(core_post_get(f->c, &f->a, f->eve, id, &p), ERR_NOTFOUND);
	assert_int_equal(core_post_get(f->c, &f->a, 0, id, &p), ERR_NOTFOUND);
	/* A reply to a direct post stays direct and reaches the author. */
	struct post_input rep = {.author_id = f->bob, .text = "dank je", .visibility = VIS_PUBLIC, .in_reply_to = id};
	uint64_t rid;
	assert_int_equal(core_post_create(f->c, &f->a, f->bob, &rep, &rid), 0);
	assert_int_equal(core_post_get(f->c, &f->a, f->ann, rid, &p), 0);
	assert_int_equal(p->visibility, VIS_DIRECT);
	assert_int_equal(core_post_get(f->c, &f->a, f->eve, rid, &p), ERR_NOTFOUND);
	/* Eve cannot reply to what she cannot see. */
	rep.author_id = f->eve;
	assert_int_equal(core_post_create(f->c, &f->a, f->eve, &rep, &rid), ERR_NOTFOUND);
	/* Only the author edits; others get forbidden or not found. */
	assert_int_equal(core_post_edit(f->c, &f->a, f->bob, id, "nee"), ERR_FORBIDDEN);
	assert_int_equal(core_post_edit(f->c, &f->a, f->eve, id, "nee"), ERR_NOTFOUND);
	assert_int_equal(core_post_delete(f->c, f->bob, id), ERR_FORBIDDEN);
	assert_int_equal(core_post_delete(f->c, f->ann, id), 0);
	assert_int_equal(core_post_get(f->c, &f->a, f->bob, id, &p), ERR_NOTFOUND);
}

static void test_org_posting(void **state)
{
	struct fx *f = *state;
	uint64_t id;
	struct post_input in = {.author_id = f->org, .text = "Nieuws van de Linde", .visibility = VIS_PUBLIC};
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), ERR_FORBIDDEN);
	assert_int_equal(core_staff_add(f->c, f->org, f->ann), 0);
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), 0);
	struct post *p;
	/* Think time: an organisation's post is held (30 s by default); the
	 * writer sees it, nobody else does yet. */
	assert_int_equal(core_post_get(f->c, &f->a, f->eve, id, &p), ERR_NOTFOUND);
	assert_int_equal(core_post_get(f->c, &f->a, f->ann, id, &p), 0);
	assert_true(p->publish_at > time_now());
	struct guard_policy gp;
	assert_int_equal(core_guard_policy_get(f->c, f->org, &gp), 0);
	assert_int_equal(gp.hold_seconds, CORE_ORG_HOLD_DEFAULT);
	gp.hold_seconds = 0;
	assert_int_equal(core_guard_policy_set(f->c, f->org, &gp), 0);
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), 0);
	assert_int_equal(core_post_get(f->c, &f->a, f->eve, id, &p), 0);
	assert_true(p->author_id == f->org && p->writer_id == f->ann);
	assert_string_equal(p->writer->username, "ann");
	/* An organisation cannot be staff, a person cannot be an organisation. */
	assert_int_equal(core_staff_add(f->c, f->ann, f->bob), ERR_INVAL);
}

/* Issue 16: faces in a photo are asked about like a finding; an
 * organisation's policy (faces=off|warn|block) is stored with its actions. */
static void test_faces_policy(void **state)
{
	struct fx *f = *state;
	struct guard_part part = {.what = "text in image", .text = "", .faces = 2};
	struct guard_result g;
	/* A person: asked (warn), and publishable once confirmed. */
	assert_int_equal(guard_gate(f->c, &f->a, f->ann, f->ann, VIS_PUBLIC, NULL, 0, &part, 1, false, &g), ERR_GUARD);
	assert_int_equal(g.faces, 2);
	assert_int_equal(g.verdict, SCAN_WARN);
	assert_int_equal(guard_gate(f->c, &f->a, f->ann, f->ann, VIS_PUBLIC, NULL, 0, &part, 1, true, &g), 0);
	/* No faces (or blurred ones, which post_parts does not count): not asked. */
	part.faces = 0;
	assert_int_equal(guard_gate(f->c, &f->a, f->ann, f->ann, VIS_PUBLIC, NULL, 0, &part, 1, false, &g), 0);
	assert_int_equal(g.faces, 0);
	/* The organisation blocks them: stored beside a type's action, read back. */
	assert_int_equal(core_staff_add(f->c, f->org, f->ann), 0);
	struct guard_policy gp;
	assert_int_equal(core_guard_policy_get(f->c, f->org, &gp), 0);
	assert_int_equal(gp.faces, SCAN_ACT_DEFAULT);
	gp.faces = SCAN_ACT_BLOCK;
	gp.action[SCAN_PHONE] = SCAN_ACT_OFF;
	assert_int_equal(core_guard_policy_set(f->c, f->org, &gp), 0);
	memset(&gp, 0, sizeof gp);
	assert_int_equal(core_guard_policy_get(f->c, f->org, &gp), 0);
	assert_int_equal(gp.faces, SCAN_ACT_BLOCK);
	assert_int_equal(gp.action[SCAN_PHONE], SCAN_ACT_OFF);
	part.faces = 1;
	assert_int_equal(guard_gate(f->c, &f->a, f->org, f->ann, VIS_PUBLIC, NULL, 0, &part, 1, true, &g), ERR_BLOCKED);
	gp.faces = SCAN_ACT_OFF;
	assert_int_equal(core_guard_policy_set(f->c, f->org, &gp), 0);
	assert_int_equal(guard_gate(f->c, &f->a, f->org, f->ann, VIS_PUBLIC, NULL, 0, &part, 1, false, &g), 0);
}

static void test_follow_and_timelines(void **state)
{
	struct fx *f = *state;
	struct account *bob;
	assert_int_equal(core_account_get(f->c, &f->a, f->bob, &bob), 0);
	bob->locked = true;
	assert_int_equal(core_profile_update(f->c, bob), 0);
	int st;
	assert_int_equal(core_follow(f->c, f->ann, f->bob, true, &st), 0);
	assert_int_equal(st, FOLLOW_REQUESTED);
	uint64_t id;
	struct post_input in = {.author_id = f->bob, .text = "voor volgers", .visibility = VIS_FOLLOWERS};
	assert_int_equal(core_post_create(f->c, &f->a, f->bob, &in, &id), 0);
	struct post *p;
	assert_int_equal(core_post_get(f->c, &f->a, f->ann, id, &p), ERR_NOTFOUND);
	assert_int_equal(core_follow_answer(f->c, f->bob, f->ann, true), 0);
	assert_int_equal(core_post_get(f->c, &f->a, f->ann, id, &p), 0);
	struct tl_query q = {.kind = TL_HOME};
	struct post **v;
	size_t n;
	uint64_t older, newer;
	assert_int_equal(core_timeline(f->c, &f->a, f->ann, &q, &v, &n, &older, &newer), 0);
	assert_int_equal(n, 1);
	/* The local timeline never has followers-only posts. */
	q.kind = TL_LOCAL;
	assert_int_equal(core_timeline(f->c, &f->a, f->ann, &q, &v, &n, &older, &newer), 0);
	assert_int_equal(n, 0);
	/* Profile: visible to the follower, not to eve. */
	q.kind = TL_PROFILE;
	q.author = f->bob;
	assert_int_equal(core_timeline(f->c, &f->a, f->eve, &q, &v, &n, &older, &newer), 0);
	assert_int_equal(n, 0);
	/* Search honours visibility too. */
	struct search_result sr;
	struct page pg = {.limit = 20};
	assert_int_equal(core_search(f->c, &f->a, f->eve, "volgers", &pg, &sr), 0);
	assert_int_equal(sr.nposts, 0);
	assert_int_equal(core_search(f->c, &f->a, f->ann, "volger", &pg, &sr), 0);
	assert_int_equal(sr.nposts, 1);
	/* Notifications: ann got "follow accepted"? bob got a request and a follow. */
	struct notification *nv;
	assert_int_equal(core_notifications(f->c, &f->a, f->bob, &pg, &nv, &n), 0);
	assert_int_equal(n, 2);
}

static void test_login_rate_limit(void **state)
{
	struct fx *f = *state;
	char *tok;
	uint64_t id;
	int wait = 0;
	assert_int_equal(core_login(f->c, &f->a, "ANN", "wachtwoord-ann", "1.2.3.4", &tok, &id, NULL), 0);
	struct session s;
	assert_int_equal(core_session(f->c, tok, &s), 0);
	assert_true(s.account_id == f->ann);
	assert_int_equal(strlen(s.csrf), 64);
	for (int i = 0; i < CORE_LOGIN_FREE_TRIES; i++)
		assert_int_equal(core_login(f->c, &f->a, "ann", "fout-wachtwoord", "1.2.3.4", &tok, &id, NULL), ERR_AUTH);
	/* More failures (as if from elsewhere) make the wait long enough that
	 * a second ticking over cannot end it during the test. */
	int64_t n;
	for (int i = 0; i < 5; i++)
		assert_int_equal(store_rate_hit(f->c->store, "login:acct:ann", time_now(), 0, &n), 0);
	/* Now this address waits, even with the right password... */
	assert_int_equal(core_login(f->c, &f->a, "ann", "wachtwoord-ann", "1.2.3.4", &tok, &id, &wait), ERR_RATE);
	assert_true(wait >= 1 && wait <= CORE_LOGIN_WAIT_MAX);
	/* IPv6 addresses count by /64: a neighbour address is the same client. */
	assert_string_equal(core_addr_bucket(&f->a, "2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
	assert_string_equal(core_addr_bucket(&f->a, "::ffff:1.2.3.4"), "::ffff:1.2.3.4");
	assert_string_equal(core_addr_bucket(&f->a, "1.2.3.4"), "1.2.3.4");
	/* ...but not the owner elsewhere, nor another account. */
	assert_int_equal(core_login(f->c, &f->a, "ann", "wachtwoord-ann", "5.6.7.8", &tok, &id, &wait), 0);
	assert_int_equal(core_login(f->c, &f->a, "bob", "wachtwoord-bob", "1.2.3.4", &tok, &id, NULL), 0);
	assert_int_equal(core_session(f->c, "not-a-token", &s), ERR_AUTH);
	assert_int_equal(core_logout(f->c, tok), 0);
	assert_int_equal(core_session(f->c, tok, &s), ERR_AUTH);
}

static void test_invites(void **state)
{
	struct fx *f = *state;
	uint64_t id;
	assert_int_equal(core_register(f->c, &f->a, NULL, "nieuw", "een-lang-wachtwoord", &id), ERR_FORBIDDEN);
	char *tok;
	assert_int_equal(core_invite_create(f->c, &f->a, f->ann, ROLE_MEMBER, &tok), 0);
	assert_int_equal(core_register(f->c, &f->a, tok, "nieuw", "kort", &id), ERR_INVAL);
	assert_int_equal(core_register(f->c, &f->a, tok, "nieuw", "een-lang-wachtwoord", &id), 0);
	assert_int_equal(core_register(f->c, &f->a, tok, "nieuw2", "een-lang-wachtwoord", &id), ERR_FORBIDDEN);
	char *setup;
	assert_int_equal(core_setup_token(f->c, &f->a, &setup), 0);
	assert_non_null(setup);
	assert_int_equal(core_setup_use(f->c, setup, "baas", "een-lang-wachtwoord", &id), 0);
	assert_int_equal(core_setup_use(f->c, setup, "baas2", "een-lang-wachtwoord", &id), ERR_NOTFOUND);
	assert_int_equal(core_setup_token(f->c, &f->a, &setup), 0);
	assert_null(setup); /* an administrator exists now */
	/* ...and stays: the last administrator cannot be demoted. */
	assert_int_equal(core_role_set(f->c, 0, id, ROLE_MEMBER), ERR_FORBIDDEN);
}

/* A page that counts reach flushes first, so every view noted before it is
 * in its number, even while the background thread is writing a batch of
 * its own (it runs every millisecond here): the flush that finds the batch
 * already taken waits for that write instead of counting before it lands. */
static void test_reach_flush_waits_for_the_thread(void **state)
{
	struct fx *f = *state;
	uint64_t id;
	struct post_input in = {.author_id = f->ann, .text = "open dag", .visibility = VIS_PUBLIC};
	assert_int_equal(core_post_create(f->c, &f->a, f->ann, &in, &id), 0);
	struct post *p;
	assert_int_equal(core_post_get(f->c, &f->a, f->ann, id, &p), 0);
	assert_int_equal(core_reach_start(f->c, 1), 0);
	int wrong = 0;
	for (int i = 1; i <= 400; i++) {
		reach_note(f->c, 1000000 + (uint64_t)i, &p, 1);
		struct post_reach r;
		assert_int_equal(core_post_reach(f->c, &f->a, f->ann, id, &r), 0);
		if (i >= 5 && r.reach != i)
			wrong++;
	}
	core_reach_stop(f->c);
	assert_int_equal(wrong, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visibility_rule),
		cmocka_unit_test_setup_teardown(test_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_posting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_faces_policy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_follow_and_timelines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_rate_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invites, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reach_flush_waits_for_the_thread, setup, teardown),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
