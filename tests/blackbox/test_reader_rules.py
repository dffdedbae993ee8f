"""What a reader keeps for themselves, with its rules in core (issue 12,
item 2): lists hold only people one follows and nobody suspended, lists,
filters, keywords and followed tags stay within what is read back, a tag's
name follows the rule of tags in posts on the page and in the API alike,
favourites show only posts one may still read, markers and dismissing
notifications are one's own."""
import requests

from conftest import PASSWORD, post_ids, uniq


def token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "readertest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write follow"},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write follow"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def call(server, tok, method, path, expect=200, **kw):
    r = requests.request(method, server.base + path, headers={"Authorization": "Bearer " + tok}, timeout=20, **kw)
    assert r.status_code == expect, (method, path, r.status_code, r.text[:300])
    return r.json()


def account_id(server, tok, name):
    return call(server, tok, "GET", "/api/v1/accounts/lookup?acct=" + name)["id"]


def test_list_takes_only_people_one_follows(server):
    """Seen failing first: the API added anyone who exists (200)."""
    a, b, c = server.add_user(uniq("la")), server.add_user(uniq("lb")), server.add_user(uniq("lc"))
    ta = token(server, a)
    bid, cid = account_id(server, ta, b), account_id(server, ta, c)
    lst = call(server, ta, "POST", "/api/v1/lists", data={"title": "Buren"})
    path = "/api/v1/lists/%s/accounts" % lst["id"]
    call(server, ta, "POST", path, 404, data={"account_ids[]": [bid]})
    call(server, ta, "POST", "/api/v1/accounts/%s/follow" % bid)
    # All or none: one not followed refuses the lot.
    call(server, ta, "POST", path, 404, data={"account_ids[]": [bid, cid]})
    assert call(server, ta, "GET", path) == []
    call(server, ta, "POST", path, data={"account_ids[]": [bid]})
    assert [x["id"] for x in call(server, ta, "GET", path)] == [bid]
    call(server, ta, "DELETE", path, data={"account_ids[]": [bid]})
    assert call(server, ta, "GET", path) == []
    # Someone else's list is not found.
    tb = token(server, b)
    call(server, tb, "GET", "/api/v1/lists/%s" % lst["id"], 404)
    call(server, tb, "POST", path, 404, data={"account_ids[]": [bid]})
    call(server, tb, "PUT", "/api/v1/lists/%s" % lst["id"], 404, data={"title": "Van mij"})
    assert call(server, ta, "GET", "/api/v1/lists/%s" % lst["id"])["title"] == "Buren"


def test_unfollow_and_block_take_people_off_lists(server):
    """A list holds only people one follows (Mastodon's rule), whichever door
    the unfollow or block came through.  Seen failing first: they stayed on."""
    a, b, c = server.new_user(prefix="lu"), server.new_user(prefix="lv"), server.new_user(prefix="lw")
    ta, tb = token(server, a.name), token(server, b.name)
    bid, cid = account_id(server, ta, b.name), account_id(server, ta, c.name)
    aid = account_id(server, tb, a.name)
    lst = call(server, ta, "POST", "/api/v1/lists", data={"title": "Familie"})
    path = "/api/v1/lists/%s/accounts" % lst["id"]
    for who in (bid, cid):
        call(server, ta, "POST", "/api/v1/accounts/%s/follow" % who)
    call(server, ta, "POST", path, data={"account_ids[]": [bid, cid]})
    # Unfollowed on the page: off the list the API shows.
    assert a.post("/@%s/unfollow" % c.name).status_code == 303
    assert [x["id"] for x in call(server, ta, "GET", path)] == [bid]
    # Bob's own list holds Alice; Bob blocking her takes each off the other's.
    blst = call(server, tb, "POST", "/api/v1/lists", data={"title": "Buren"})
    call(server, tb, "POST", "/api/v1/accounts/%s/follow" % aid)
    call(server, tb, "POST", "/api/v1/lists/%s/accounts" % blst["id"], data={"account_ids[]": [aid]})
    call(server, tb, "POST", "/api/v1/accounts/%s/block" % aid)
    assert call(server, ta, "GET", path) == []
    assert call(server, tb, "GET", "/api/v1/lists/%s/accounts" % blst["id"]) == []
    # Following again does not put anyone back.
    call(server, tb, "POST", "/api/v1/accounts/%s/unblock" % aid)
    call(server, ta, "POST", "/api/v1/accounts/%s/follow" % bid)
    assert call(server, ta, "GET", path) == []


def test_list_hides_a_suspended_member(server, admin):
    """Seen failing first: the members list showed a suspended account, and one could add it."""
    a, b = server.add_user(uniq("ls")), server.new_user(prefix="lt")
    ta = token(server, a)
    bid = account_id(server, ta, b.name)
    pid = b.new_post("Voor de lijst %s" % uniq("w"))
    call(server, ta, "POST", "/api/v1/accounts/%s/follow" % bid)
    lst = call(server, ta, "POST", "/api/v1/lists", data={"title": "Zorg"})
    path = "/api/v1/lists/%s/accounts" % lst["id"]
    call(server, ta, "POST", path, data={"account_ids[]": [bid]})
    tl = "/api/v1/timelines/list/%s" % lst["id"]
    assert [x["id"] for x in call(server, ta, "GET", tl)] == [str(pid)]
    # Suspended on the administrators' page: gone from the list the API shows.
    assert admin.post("/admin/users/%s/suspend" % b.name).status_code == 303
    try:
        assert call(server, ta, "GET", path) == []
        assert call(server, ta, "GET", tl) == []
        call(server, ta, "DELETE", path, data={"account_ids[]": [bid]})
        call(server, ta, "POST", path, 404, data={"account_ids[]": [bid]})
    finally:
        assert admin.post("/admin/users/%s/unsuspend" % b.name).status_code == 303


def test_list_limits(server):
    """Seen failing first: a blank title and a 51st list were taken."""
    ta = token(server, server.add_user(uniq("lm")))
    call(server, ta, "POST", "/api/v1/lists", 422, data={"title": "   "})
    call(server, ta, "POST", "/api/v1/lists", 422, data={"title": "x" * 201})
    call(server, ta, "POST", "/api/v1/lists", 422, data={"title": "Goed", "replies_policy": "iedereen"})
    first = call(server, ta, "POST", "/api/v1/lists", data={"title": "x" * 200})
    assert first["replies_policy"] == "list"
    call(server, ta, "PUT", "/api/v1/lists/%s" % first["id"], 422, data={"title": " "})
    for i in range(49):
        call(server, ta, "POST", "/api/v1/lists", data={"title": "Lijst %d" % i})
    call(server, ta, "POST", "/api/v1/lists", 422, data={"title": "Een te veel"})
    assert len(call(server, ta, "GET", "/api/v1/lists")) == 50
    # Deleting one makes room again.
    call(server, ta, "DELETE", "/api/v1/lists/%s" % first["id"])
    call(server, ta, "POST", "/api/v1/lists", data={"title": "Weer plaats"})


def test_filter_keywords_stay_within_what_is_shown(server):
    """Seen failing first: a 51st keyword was saved (200) and never shown."""
    ta = token(server, server.add_user(uniq("fk")))
    kws = ["woord%d" % i for i in range(20)]
    f = call(server, ta, "POST", "/api/v2/filters", data={
        "title": "Niet zien", "context[]": ["home", "thread"], "keywords_attributes[][keyword]": kws})
    assert len(f["keywords"]) == 20 and f["context"] == ["home", "thread"]
    for i in range(20, 50):
        call(server, ta, "POST", "/api/v2/filters/%s/keywords" % f["id"], data={"keyword": "woord%d" % i})
    call(server, ta, "POST", "/api/v2/filters/%s/keywords" % f["id"], 422, data={"keyword": "woord50"})
    call(server, ta, "PUT", "/api/v2/filters/%s" % f["id"], 422,
         data={"keywords_attributes[][keyword]": ["nog een"]})
    got = call(server, ta, "GET", "/api/v2/filters/%s" % f["id"])
    assert sorted(k["keyword"] for k in got["keywords"]) == sorted("woord%d" % i for i in range(50))
    # What a filter holds is checked in core: contexts, action, title, keywords.
    for bad in ({"title": "A", "context[]": ["overal"]}, {"title": "A", "context[]": ["home"], "filter_action": "wis"},
                {"title": " ", "context[]": ["home"]}, {"context[]": ["home"]}, {"title": "A"},
                {"title": "A", "context[]": ["home"], "keywords_attributes[][keyword]": ["  "]}):
        call(server, ta, "POST", "/api/v2/filters", 422, data=bad)
    call(server, ta, "POST", "/api/v2/filters/%s/keywords" % f["id"], 422, data={"keyword": " "})
    # Someone else's filter and keywords are not found.
    tb = token(server, server.add_user(uniq("fl")))
    call(server, tb, "GET", "/api/v2/filters/%s" % f["id"], 404)
    call(server, tb, "PUT", "/api/v2/filters/%s" % f["id"], 404, data={"title": "Van mij"})
    call(server, tb, "POST", "/api/v2/filters/%s/keywords" % f["id"], 404, data={"keyword": "x"})
    call(server, tb, "DELETE", "/api/v2/filters/keywords/%s" % got["keywords"][0]["id"], 404)
    call(server, tb, "DELETE", "/api/v2/filters/%s" % f["id"], 404)
    assert call(server, ta, "GET", "/api/v2/filters/%s" % f["id"])["title"] == "Niet zien"


def test_tag_names_agree_on_page_and_api(server, anon):
    """Seen failing first: a name no post can carry was followed (200) and had a page (200)."""
    w = server.new_user(prefix="tg")
    tw = token(server, w.name)
    tag = "buurt" + uniq("t")
    pid = w.new_post("Koffie in de #%s" % tag.capitalize())
    # A valid name, any case, with or without #: one tag for both doors.
    assert pid in post_ids(anon.get("/tags/" + tag.upper()).text)
    assert [x["id"] for x in call(server, tw, "GET", "/api/v1/timelines/tag/" + tag.upper())] == [str(pid)]
    assert call(server, tw, "POST", "/api/v1/tags/%%23%s/follow" % tag.upper())["name"] == tag
    assert [t["name"] for t in call(server, tw, "GET", "/api/v1/followed_tags")] == [tag]
    # What text_tags would never find after a #: no page, no follow.
    for bad in ("zorg-buurt", "zorg.buurt", "x" * 65):
        assert anon.get("/tags/" + bad).status_code == 404, bad
        call(server, tw, "GET", "/api/v1/timelines/tag/" + bad, 404)
        call(server, tw, "POST", "/api/v1/tags/%s/follow" % bad, 404)
    assert [t["name"] for t in call(server, tw, "GET", "/api/v1/followed_tags")] == [tag]


def test_followed_tags_limit(server):
    """Seen failing first: a 101st tag was followed and never listed."""
    tt = token(server, server.add_user(uniq("tf")))
    for i in range(100):
        call(server, tt, "POST", "/api/v1/tags/tag%03d/follow" % i)
    call(server, tt, "POST", "/api/v1/tags/tag000/follow")  # again: no new one
    call(server, tt, "POST", "/api/v1/tags/tag100/follow", 422)
    assert len(call(server, tt, "GET", "/api/v1/followed_tags")) == 100
    call(server, tt, "POST", "/api/v1/tags/tag000/unfollow")
    call(server, tt, "POST", "/api/v1/tags/tag100/follow")


def test_favourites_show_only_what_one_may_read(server):
    """A like given on the page shows in the API's favourites while the post is
    readable, and is gone from it once it is not (core_post_visible)."""
    author, fan = server.new_user(prefix="fa"), server.new_user(prefix="fb")
    assert fan.post("/@%s/follow" % author.name).status_code == 303
    pid = author.new_post("Alleen voor volgers %s" % uniq("w"), visibility="followers")
    assert fan.post("/posts/%d/fav" % pid).status_code == 303
    tf = token(server, fan.name)
    favs = call(server, tf, "GET", "/api/v1/favourites")
    assert [x["id"] for x in favs] == [str(pid)] and favs[0]["favourited"] is True
    assert fan.post("/@%s/unfollow" % author.name).status_code == 303
    assert call(server, tf, "GET", "/api/v1/favourites") == []
    assert fan.get("/posts/%d" % pid).status_code == 404


def test_markers_and_dismissal_are_ones_own(server):
    a, b = server.new_user(prefix="ma"), server.new_user(prefix="mb")
    ta, tb = token(server, a.name), token(server, b.name)
    assert a.post("/@%s/follow" % b.name).status_code == 303
    notes = call(server, tb, "GET", "/api/v1/notifications")
    assert notes and notes[0]["type"] == "follow"
    # Someone else's notification is not found, and stays.
    call(server, ta, "POST", "/api/v1/notifications/%s/dismiss" % notes[0]["id"], 404)
    assert call(server, tb, "GET", "/api/v1/notifications")[0]["id"] == notes[0]["id"]
    call(server, tb, "POST", "/api/v1/notifications/%s/dismiss" % notes[0]["id"])
    assert call(server, tb, "GET", "/api/v1/notifications") == []
    call(server, ta, "POST", "/api/v1/notifications/clear")
    # Markers: both at once, each version counting up.
    call(server, ta, "POST", "/api/v1/markers", data={"home[last_read_id]": "5", "notifications[last_read_id]": "7"})
    m = call(server, ta, "POST", "/api/v1/markers", data={"home[last_read_id]": "6"})
    assert m["home"]["last_read_id"] == "6" and m["home"]["version"] == 2 and "notifications" not in m
    m = call(server, ta, "GET", "/api/v1/markers?timeline[]=home&timeline[]=notifications")
    assert m["notifications"]["last_read_id"] == "7" and m["notifications"]["version"] == 1
    assert call(server, tb, "GET", "/api/v1/markers") == {}
