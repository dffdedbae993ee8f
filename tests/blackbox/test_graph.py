"""Follow/unfollow, locked accounts, block, mute, favourites and boosts."""
import re

from conftest import post_ids, uniq


def profile_settings(c, **kw):
    data = {"display_name": c.name, "bio": "", "profession": "", "expertise": "", "languages": "",
            "region": "", "person_type": "client"}
    data.update(kw)
    r = c.post("/settings/profile", data)
    assert r.status_code == 303, r.text[:300]


def counts(c, name):
    t = c.get("/@" + name).text
    fol = int(re.search(r"(\d+) volgers", t).group(1))
    fing = int(re.search(r"volgt (\d+)", t).group(1))
    return fol, fing


def test_follow_unfollow(alice, bob, anon):
    # Clients' follower lists are hidden unless they show them (issue 11).
    profile_settings(alice, collections="shown")
    profile_settings(bob, collections="shown")
    assert counts(anon, alice.name) == (0, 0)
    assert bob.post("/@%s/follow" % alice.name, {}).status_code == 303
    assert counts(anon, alice.name) == (1, 0)
    assert counts(anon, bob.name) == (0, 1)
    assert bob.name in anon.get("/@%s/followers" % alice.name).text
    assert alice.name in anon.get("/@%s/following" % bob.name).text
    # Following twice does not double count.
    bob.post("/@%s/follow" % alice.name, {})
    assert counts(anon, alice.name) == (1, 0)
    pid = alice.new_post("voor mijn volgers op de tijdlijn")
    assert pid in post_ids(bob.get("/").text)
    assert bob.post("/@%s/unfollow" % alice.name, {}).status_code == 303
    assert counts(anon, alice.name) == (0, 0)
    assert pid not in post_ids(bob.get("/").text)


def test_cannot_follow_self_or_missing(alice):
    r = alice.post("/@%s/follow" % alice.name, {})
    assert 400 <= r.status_code < 500
    assert alice.post("/@bestaatniet%s/follow" % uniq("x"), {}).status_code == 404
    assert alice.post("/@%s/dance" % alice.name, {}).status_code == 404


def test_locked_account_accept(alice, bob, carol):
    profile_settings(alice, locked="1")
    r = bob.post("/@%s/follow" % alice.name, {})
    assert r.status_code == 303
    assert counts(alice, alice.name)[0] == 0
    pid = alice.new_post("alleen voor goedgekeurde volgers", "followers")
    assert bob.get("/posts/%d" % pid).status_code == 404
    r = alice.get("/follow-requests")
    assert r.status_code == 200 and bob.name in r.text
    assert "/follow-requests" in alice.get("/notifications").text
    assert alice.post("/follow-requests/%s/accept" % bob.name, {}).status_code == 303
    assert counts(alice, alice.name)[0] == 1
    assert bob.get("/posts/%d" % pid).status_code == 200
    assert bob.name not in alice.get("/follow-requests").text.split("<main", 1)[1].split("</main>")[0] \
        or "/follow-requests/%s/accept" % bob.name not in alice.get("/follow-requests").text
    # Reject.
    assert carol.post("/@%s/follow" % alice.name, {}).status_code == 303
    assert alice.post("/follow-requests/%s/reject" % carol.name, {}).status_code == 303
    assert counts(alice, alice.name)[0] == 1
    assert carol.get("/posts/%d" % pid).status_code == 404
    assert "/follow-requests/%s/accept" % carol.name not in alice.get("/follow-requests").text
    # Accepting a request that does not exist.
    r = alice.post("/follow-requests/%s/accept" % carol.name, {})
    assert r.status_code in (303, 404)
    assert counts(alice, alice.name)[0] == 1


def test_block_hides_both_directions(alice, bob):
    pa = alice.new_post("bericht van alice " + uniq("b"))
    pb = bob.new_post("bericht van bob " + uniq("b"))
    assert bob.post("/@%s/follow" % alice.name, {}).status_code == 303
    assert alice.post("/@%s/block" % bob.name, {}).status_code == 303
    # Blocking removes the follow.
    assert counts(alice, alice.name)[0] == 0
    for who, pid in ((bob, pa), (alice, pb)):
        assert who.get("/posts/%d" % pid).status_code == 404
        assert pid not in post_ids(who.get("/local").text)
        assert pid not in post_ids(who.get("/").text)
    assert pa not in post_ids(bob.get("/@" + alice.name).text)
    # Bob cannot follow again, nor reply, fav or mention-notify.
    bob.post("/@%s/follow" % alice.name, {})
    assert counts(alice, alice.name)[0] == 0
    assert bob.post("/posts/%d/fav" % pa, {}).status_code == 404
    before = alice.get("/notifications").text.count("<li")
    mp = bob.new_post("hoi @%s" % alice.name)
    t = alice.get("/notifications").text
    assert t.count("<li") == before and "/posts/%d" % mp not in t
    # Unblock restores.
    assert alice.post("/@%s/unblock" % bob.name, {}).status_code == 303
    assert bob.get("/posts/%d" % pa).status_code == 200


def test_mute_hides_from_home_and_local(alice, bob):
    assert alice.post("/@%s/follow" % bob.name, {}).status_code == 303
    pid = bob.new_post("luid bericht " + uniq("m"))
    assert pid in post_ids(alice.get("/").text)
    assert alice.post("/@%s/mute" % bob.name, {}).status_code == 303
    assert pid not in post_ids(alice.get("/").text)
    assert pid not in post_ids(alice.get("/local").text)
    # The post itself is still reachable and bob notices nothing.
    assert alice.get("/posts/%d" % pid).status_code == 200
    assert pid in post_ids(bob.get("/local").text)
    assert alice.post("/@%s/unmute" % bob.name, {}).status_code == 303
    assert pid in post_ids(alice.get("/").text)


def fav_count(c, pid):
    m = re.search(r"Fijn\)? ?\(?:? ?\(?(\d+)\)?", c.get("/posts/%d" % pid).text)
    return m


def counts_of(c, pid):
    t = c.get("/posts/%d" % pid).text
    art = t[t.index('aria-labelledby="p%d-by"' % pid):]
    art = art[:art.index("</article>")]
    fav = re.search(r"Fijn(?: \(|: )(\d+)", art)
    boost = re.search(r"(?:Delen \(|Gedeeld: )(\d+)", art)
    return int(fav.group(1)), int(boost.group(1)) if boost else None


def test_favourites_and_boosts(server, alice, bob, carol, anon):
    pid = alice.new_post("deel dit alsjeblieft " + uniq("f"))
    assert counts_of(anon, pid) == (0, 0)
    assert bob.post("/posts/%d/fav" % pid, {}).status_code == 303
    assert bob.post("/posts/%d/fav" % pid, {}).status_code in (303, 409)
    assert carol.post("/posts/%d/fav" % pid, {}).status_code == 303
    assert counts_of(anon, pid) == (2, 0)
    assert 'aria-pressed="true"' in bob.get("/posts/%d" % pid).text
    assert bob.post("/posts/%d/unfav" % pid, {}).status_code == 303
    assert counts_of(anon, pid) == (1, 0)

    # Boost: carol follows bob, bob boosts alice's post -> carol's home shows it.
    assert carol.post("/@%s/follow" % bob.name, {}).status_code == 303
    r = bob.post("/posts/%d/boost" % pid, {"back": "/local"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/local")
    bob.post("/posts/%d/boost" % pid, {})
    assert counts_of(anon, pid)[1] == 1
    home = carol.get("/").text
    assert 'href="/posts/%d"' % pid in home or pid in post_ids(home)
    assert "deelde dit" in home
    assert bob.post("/posts/%d/unboost" % pid, {}).status_code == 303
    assert counts_of(anon, pid)[1] == 0
    assert "deelde dit" not in carol.get("/").text


def test_back_parameter_is_local_only(alice, bob):
    pid = alice.new_post("terug " + uniq("k"))
    for back in ("https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example"):
        r = bob.post("/posts/%d/fav" % pid, {"back": back})
        assert r.status_code in (303, 400)
        loc = r.headers.get("Location", "")
        assert "evil.example" not in loc, (back, loc)
        bob.post("/posts/%d/unfav" % pid, {})
