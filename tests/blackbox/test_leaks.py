"""Harder visibility cases: mentions, boosts, deletes, edits, blocks across pages."""
from conftest import PASSWORD, post_ids, uniq


def w(prefix="lek"):
    return prefix + uniq("q")


def notes(c):
    t = c.get("/notifications").text
    return t.split('<ul class="notifications">', 1)[1].split("</ul>", 1)[0]


def test_mention_in_followers_only_post_not_leaked(server, alice, bob):
    """bob does not follow alice; he is mentioned in her followers-only post."""
    secret = w()
    pid = alice.new_post("@%s %s" % (bob.name, secret), "followers")
    thread = bob.get("/posts/%d" % pid).status_code
    n = notes(bob)
    if thread == 404:
        assert secret not in n, "notification shows a post its reader may not open"
    else:
        assert thread == 200


def test_mention_of_unknown_user_in_direct(alice):
    n = alice.profile_count(alice.name)
    r = alice.post("/posts", {"text": "geheim", "visibility": "direct", "to": "@bestaatniet" + uniq("x")})
    assert r.status_code == 303 or 400 <= r.status_code < 500
    if r.status_code != 303:
        assert alice.profile_count(alice.name) == n


def test_direct_post_actions_by_outsider(server, alice, bob, carol):
    pid = alice.new_post("@%s privé %s" % (bob.name, w()), "direct")
    for action in ("fav", "boost", "unfav", "delete"):
        assert carol.post("/posts/%d/%s" % (pid, action), {}).status_code == 404, action
    r = carol.post("/posts", {"text": "ik reageer", "visibility": "public", "in_reply_to": str(pid)})
    assert r.status_code == 404 or 400 <= r.status_code < 500
    assert carol.get("/posts/%d/history" % pid).status_code == 404
    assert carol.get("/posts/%d/edit" % pid).status_code == 404
    # Recipient cannot boost a direct post.
    assert 400 <= bob.post("/posts/%d/boost" % pid, {}).status_code < 500


def test_public_reply_to_followers_post_hides_parent(server, alice, bob, carol):
    assert bob.post("/@%s/follow" % alice.name, {}).status_code == 303
    secret = w()
    root = alice.new_post("alleen volgers " + secret, "followers")
    rep = bob.new_post("openbare reactie " + w(), "public", in_reply_to=str(root))
    r = carol.get("/posts/%d" % rep)
    if r.status_code == 200:
        assert secret not in r.text
        assert root not in post_ids(r.text)
    assert secret not in carol.get("/local").text


def test_deleted_boosted_post_leaves_home(server, alice, bob, carol):
    assert carol.post("/@%s/follow" % bob.name, {}).status_code == 303
    secret = w()
    pid = alice.new_post("wordt gedeeld " + secret)
    assert bob.post("/posts/%d/boost" % pid, {}).status_code == 303
    assert secret in carol.get("/").text
    assert alice.post("/posts/%d/delete" % pid, {}).status_code == 303
    t = carol.get("/")
    assert t.status_code == 200
    assert secret not in t.text
    assert secret not in bob.get("/@" + bob.name).text


def test_deleted_post_not_in_notifications(server, alice, bob):
    secret = w()
    pid = bob.new_post("@%s %s" % (alice.name, secret))
    assert secret in notes(alice)
    assert bob.post("/posts/%d/delete" % pid, {}).status_code == 303
    assert secret not in alice.get("/notifications").text


def test_edit_updates_search(server, alice, anon):
    old, new = w("oudwoord"), w("nieuwwoord")
    pid = alice.new_post("tekst met " + old)
    assert pid in post_ids(anon.get("/search", params={"q": old}).text)
    assert alice.post("/posts/%d/edit" % pid, {"text": "tekst met " + new}).status_code == 303
    assert pid in post_ids(anon.get("/search", params={"q": new}).text)
    assert pid not in post_ids(anon.get("/search", params={"q": old}).text)


def test_edit_hashtags_update(server, alice, anon):
    t1, t2 = "eerstetag" + uniq("t"), "tweedetag" + uniq("t")
    pid = alice.new_post("#" + t1)
    assert alice.post("/posts/%d/edit" % pid, {"text": "#" + t2}).status_code == 303
    assert pid in post_ids(anon.get("/tags/" + t2).text)
    assert pid not in post_ids(anon.get("/tags/" + t1).text)


def test_block_hides_everywhere(server, alice, bob):
    tag = "bloktag" + uniq("t")
    secret = w("blokwoord")
    pb = bob.new_post("%s #%s" % (secret, tag))
    pa = alice.new_post("%s #%s" % (secret, tag))
    assert alice.post("/@%s/block" % bob.name, {}).status_code == 303
    for who, pid in ((alice, pb), (bob, pa)):
        assert pid not in post_ids(who.get("/tags/" + tag).text)
        assert pid not in post_ids(who.get("/search", params={"q": secret}).text)
    assert pb not in post_ids(alice.get("/@" + bob.name).text)
    # Blocked user cannot send a direct message to the blocker.
    dm = bob.post("/posts", {"text": "@%s hoi" % alice.name, "visibility": "direct"})
    if dm.status_code == 303:
        pid = int(dm.headers["Location"].split("/posts/")[1].split("?")[0])
        assert alice.get("/posts/%d" % pid).status_code == 404
        assert "/posts/%d" % pid not in alice.get("/notifications").text


def test_block_removes_follow_request(server, alice, bob):
    r = alice.post("/settings/profile", {"display_name": "A", "bio": "", "profession": "", "expertise": "",
                                         "languages": "", "region": "", "person_type": "client",
                                         "locked": "1"})
    assert r.status_code == 303
    bob.post("/@%s/follow" % alice.name, {})
    assert "/follow-requests/%s/accept" % bob.name in alice.get("/follow-requests").text
    assert alice.post("/@%s/block" % bob.name, {}).status_code == 303
    assert "/follow-requests/%s/accept" % bob.name not in alice.get("/follow-requests").text
    alice.post("/follow-requests/%s/accept" % bob.name, {})
    t = alice.get("/@%s/followers" % alice.name).text
    assert 'href="/@%s"' % bob.name not in t


def test_withdraw_follow_request(server, alice, bob):
    alice.post("/settings/profile", {"display_name": "A", "bio": "", "profession": "", "expertise": "",
                                     "languages": "", "region": "", "person_type": "client", "locked": "1"})
    bob.post("/@%s/follow" % alice.name, {})
    assert "Verzoek intrekken" in bob.get("/@" + alice.name).text
    assert bob.post("/@%s/unfollow" % alice.name, {}).status_code == 303
    assert "/follow-requests/%s/accept" % bob.name not in alice.get("/follow-requests").text


def test_register_duplicate_and_case(server):
    name = server.add_user(uniq("dup"))
    _, token = server.invite_link()
    c = server.client()
    c.get("/register?invite=" + token)
    r = c.post("/register", {"invite": token, "username": name, "password": PASSWORD, "password2": PASSWORD})
    assert r.status_code != 303
    r = c.post("/register", {"invite": token, "username": name.upper(), "password": PASSWORD,
                             "password2": PASSWORD})
    assert r.status_code != 303, "usernames differing only in case must not both exist"
    assert server.cli("user", "list").stdout.lower().count(name + " ") <= 1


def test_profile_post_count_no_leak(server, alice, bob, anon):
    before = anon.profile_count(alice.name)
    alice.new_post("verborgen " + w(), "followers")
    alice.new_post("@%s privé" % bob.name, "direct")
    assert anon.profile_count(alice.name) == before, "post count reveals hidden posts"


def test_people_search_hides_orgs_no(server, anon):
    r = anon.get("/search", params={"q": "@"})
    assert r.status_code in (200, 400)


def test_history_of_unedited_post(alice, anon):
    pid = alice.new_post("nooit aangepast")
    r = anon.get("/posts/%d/history" % pid)
    assert r.status_code in (200, 404)


def test_every_notification_link_is_viewable(server, alice, bob, carol):
    """A notification must never point at (or quote) a post its reader may not see."""
    pub = alice.new_post("openbare vraag " + w())
    # bob is not followed by alice; bob replies followers-only and mentions alice/carol.
    s1, s2, s3 = w("geheimA"), w("geheimB"), w("geheimC")
    bob.new_post("%s alleen mijn volgers" % s1, "followers", in_reply_to=str(pub))
    bob.new_post("@%s %s" % (alice.name, s2), "followers")
    bob.new_post("@%s %s" % (carol.name, s3), "followers")
    import re
    for reader, secrets in ((alice, (s1, s2)), (carol, (s3,))):
        n = notes(reader)
        for pid in set(re.findall(r'href="/posts/(\d+)"', n)):
            assert reader.get("/posts/%s" % pid).status_code == 200, \
                "%s is notified about /posts/%s but gets 404" % (reader.name, pid)
        for s in secrets:
            if s in n:
                pid_links = re.findall(r'href="/posts/(\d+)"[^<]*%s' % s, n)
                for pid in pid_links:
                    assert reader.get("/posts/%s" % pid).status_code == 200


def test_login_next_variants(server):
    import re
    name = server.add_user()
    for nxt in ("//evil.example/", "/\\evil.example", "https:evil.example", "javascript:alert(1)",
                "/\t/evil.example", "http://127.0.0.1.evil.example/"):
        c = server.client()
        c.ensure_csrf()
        r = c.post("/login", {"username": name, "password": PASSWORD, "next": nxt})
        assert r.status_code == 303
        loc = r.headers["Location"]
        assert loc.startswith("/") and not loc.startswith("//") and not loc.startswith("/\\"), (nxt, loc)
        # Browsers drop tab/newline inside URLs: "/\t/evil" becomes "//evil" (open redirect).
        assert not re.search(r"[\x00-\x1f\x7f]", loc), (nxt, loc)


def test_boost_of_blocked_author_hidden(server, alice, bob, carol):
    assert carol.post("/@%s/follow" % bob.name, {}).status_code == 303
    assert carol.post("/@%s/block" % alice.name, {}).status_code == 303
    secret = w("geblokt")
    pid = alice.new_post("van de geblokkeerde " + secret)
    assert bob.post("/posts/%d/boost" % pid, {}).status_code == 303
    assert secret not in carol.get("/").text, "a followed user's boost shows a blocked author's post"
    assert secret not in carol.get("/@" + bob.name).text


def test_boost_of_muted_author_hidden_from_home(server, alice, bob, carol):
    assert carol.post("/@%s/follow" % bob.name, {}).status_code == 303
    assert carol.post("/@%s/mute" % alice.name, {}).status_code == 303
    secret = w("gedempt")
    pid = alice.new_post("van de gedempte " + secret)
    assert bob.post("/posts/%d/boost" % pid, {}).status_code == 303
    assert secret not in carol.get("/").text, "a followed user's boost shows a muted author's post"


def test_thread_hides_blocked_replies(server, alice, bob, carol):
    root = alice.new_post("draad " + w())
    secret = w("blokreactie")
    rep = bob.new_post("reactie " + secret, in_reply_to=str(root))
    assert carol.post("/@%s/block" % bob.name, {}).status_code == 303
    t = carol.get("/posts/%d" % root).text
    assert rep not in post_ids(t) and secret not in t


def test_blocked_cannot_see_blockers_followers_posts_via_notifications(server, alice, bob):
    assert bob.post("/@%s/follow" % alice.name, {}).status_code == 303
    assert alice.post("/@%s/block" % bob.name, {}).status_code == 303
    secret = w("naBlok")
    pid = alice.new_post("@%s %s" % (bob.name, secret))
    assert bob.get("/posts/%d" % pid).status_code == 404
    assert secret not in bob.get("/notifications").text
    assert secret not in bob.get("/").text


def test_boost_by_muted_user_hidden_from_home(server, alice, bob, carol):
    assert carol.post("/@%s/follow" % bob.name, {}).status_code == 303
    assert carol.post("/@%s/mute" % bob.name, {}).status_code == 303
    secret = w("doorgedempte")
    pid = alice.new_post("gedeeld door gedempte " + secret)
    assert bob.post("/posts/%d/boost" % pid, {}).status_code == 303
    assert secret not in carol.get("/").text, "boosts by a muted user still reach home"
