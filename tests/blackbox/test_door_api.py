"""Core is the only door (issue 12): what the pages and the client API both
show comes from one core function with the rule inside, so the two doors
agree: followers and following lists (core_followers), follow requests,
account search (core_account_search) and who may pin (core_pin, the rule of
core_post_own)."""
import re

import requests

from conftest import uniq
from test_graph import profile_settings
from test_stream_audience import hdr, token


def api(server, tok, path, method="get", **kw):
    return requests.request(method, server.base + path, headers=hdr(tok) if tok else {}, timeout=10, **kw)


def account_id(server, tok, name):
    r = api(server, tok, "/api/v1/accounts/lookup", params={"acct": name})
    assert r.status_code == 200, r.text
    return r.json()["id"]


def page_names(html):
    """The @names listed in a page's main part."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return set(re.findall(r'href="/@([a-z0-9_]+)"', main))


def api_names(r):
    assert r.status_code == 200, r.text
    return {a["username"] for a in r.json()}


def test_suspended_accounts_lists_are_gone_through_both_doors(server, admin):
    owner = server.new_user(prefix="lijst")
    fan = server.new_user(prefix="fan")
    profile_settings(owner, collections="shown")
    profile_settings(fan, collections="shown")  # a client who hides is in no one's list (test_counts)
    assert fan.post("/@%s/follow" % owner.name, {}).status_code == 303
    tf = token(server, fan.name)
    oid = account_id(server, tf, owner.name)
    assert fan.name in page_names(fan.get("/@%s/followers" % owner.name).text)
    assert fan.name in api_names(api(server, tf, "/api/v1/accounts/%s/followers" % oid))
    server.cli("user", "suspend", owner.name)
    # Gone for a member on the page (it showed the list before) and in the API.
    assert fan.get("/@%s/followers" % owner.name).status_code == 404
    assert fan.get("/@%s/following" % owner.name).status_code == 404
    assert api(server, tf, "/api/v1/accounts/%s/followers" % oid).status_code == 404
    # An administrator still sees the account and its lists, on both doors.
    ta = token(server, admin.name)
    assert fan.name in page_names(admin.get("/@%s/followers" % owner.name).text)
    assert fan.name in api_names(api(server, ta, "/api/v1/accounts/%s/followers" % oid))


def test_suspended_follower_left_out_alike(server, admin):
    owner = server.new_user(prefix="gevolgd")
    fan = server.new_user(prefix="geschorst")
    other = server.new_user(prefix="kijker")
    profile_settings(owner, collections="shown")
    profile_settings(fan, collections="shown")  # a client who hides is in no one's list (test_counts)
    assert fan.post("/@%s/follow" % owner.name, {}).status_code == 303
    to = token(server, other.name)
    ta = token(server, admin.name)
    oid = account_id(server, to, owner.name)
    server.cli("user", "suspend", fan.name)
    path = "/api/v1/accounts/%s/followers" % oid
    # A member sees the suspended follower on neither door ...
    assert fan.name not in page_names(other.get("/@%s/followers" % owner.name).text)
    assert fan.name not in api_names(api(server, to, path))
    # ... an administrator on both (the API left them out for everyone).
    assert fan.name in page_names(admin.get("/@%s/followers" % owner.name).text)
    assert fan.name in api_names(api(server, ta, path))


def test_suspended_requester_gone_from_follow_requests_on_both_doors(server):
    owner = server.new_user(prefix="slot")
    asker = server.new_user(prefix="vraag")
    profile_settings(owner, locked="1")
    assert asker.post("/@%s/follow" % owner.name, {}).status_code == 303
    to = token(server, owner.name)
    assert asker.name in page_names(owner.get("/follow-requests").text)
    assert asker.name in api_names(api(server, to, "/api/v1/follow_requests"))
    server.cli("user", "suspend", asker.name)
    assert asker.name not in page_names(owner.get("/follow-requests").text)
    assert asker.name not in api_names(api(server, to, "/api/v1/follow_requests"))


def test_account_search_is_the_search_pages_rule(server):
    who = server.new_user(prefix="zoekmij")
    seeker = server.new_user(prefix="zoeker")
    ts = token(server, seeker.name)
    q = "  @%s  " % who.name.upper()
    # The search page finds the person ...
    assert who.name in page_names(seeker.get("/search", params={"q": q}).text)
    # ... and the API with the same words (it did not trim the spaces).
    assert who.name in api_names(api(server, ts, "/api/v1/accounts/search", params={"q": q}))
    # Neither finds a suspended person.
    server.cli("user", "suspend", who.name)
    assert who.name not in page_names(seeker.get("/search", params={"q": q}).text)
    assert who.name not in api_names(api(server, ts, "/api/v1/accounts/search", params={"q": q}))
    # Not text (invalid UTF-8): a clear 400.
    assert api(server, ts, "/api/v1/accounts/search", params={"q": b"a\xffb"}).status_code == 400


def test_pin_rule_is_core_post_own(server):
    author = server.new_user(prefix="pinner")
    other = server.new_user(prefix="anders")
    staff = server.new_user(prefix="staf")
    org = uniq("pinorg")
    server.cli("org", "add", org)
    server.cli("org", "staff", org, staff.name)
    ta, to, ts = token(server, author.name), token(server, other.name), token(server, staff.name)
    mine = api(server, ta, "/api/v1/statuses", "post", data={"status": "Vast bovenaan", "visibility": "public"})
    pid = mine.json()["id"]
    # Someone else's post: refused.
    r = api(server, to, "/api/v1/statuses/%s/pin" % pid, "post")
    assert r.status_code == 422 and "own" in r.json()["error"]
    # One's own: on one's profile.
    assert api(server, ta, "/api/v1/statuses/%s/pin" % pid, "post").status_code == 200
    aid = account_id(server, ta, author.name)
    pinned = api(server, to, "/api/v1/accounts/%s/statuses" % aid, params={"pinned": "true"}).json()
    assert [s["id"] for s in pinned] == [pid]
    # The entity says "pinned" to its author only, on one post and in a list
    # (src/store/api.c asks the pins of the viewer's own posts of a page).
    assert api(server, ta, "/api/v1/statuses/%s" % pid).json()["pinned"] is True
    own = api(server, ta, "/api/v1/accounts/%s/statuses" % aid).json()
    assert [s.get("pinned") for s in own if s["id"] == pid] == [True]
    assert "pinned" not in api(server, to, "/api/v1/statuses/%s" % pid).json()
    # A boost of it is no post of one's own to pin.
    boost = api(server, to, "/api/v1/statuses/%s/reblog" % pid, "post").json()["id"]
    assert api(server, to, "/api/v1/statuses/%s/pin" % boost, "post").status_code == 422
    # Staff may pin their organisation's post, as they may edit it
    # (core_post_own); it shows on the organisation's profile.
    opid = str(staff.new_post("Open dag zaterdag", "public", **{"as": org}))
    r = api(server, ts, "/api/v1/statuses/%s/pin" % opid, "post")
    assert r.status_code == 200, r.text
    oid = account_id(server, ts, org)
    # (The organisation's post is held for its think time: staff see it now.)
    pinned = api(server, ts, "/api/v1/accounts/%s/statuses" % oid, params={"pinned": "true"}).json()
    assert [s["id"] for s in pinned] == [opid]
    # A direct message is never pinned.
    dm = api(server, ta, "/api/v1/statuses", "post",
             data={"status": "@%s onder ons" % other.name, "visibility": "direct"}).json()["id"]
    r = api(server, ta, "/api/v1/statuses/%s/pin" % dm, "post")
    assert r.status_code == 422 and "direct" in r.json()["error"]


def test_poll_votes_follow_one_rule_on_both_doors(server):
    from test_api_cache import db_write
    author = server.new_user(prefix="peiler")
    voter = server.new_user(prefix="stemmer")
    ta, tv = token(server, author.name), token(server, voter.name)
    data = {"status": "Koffie of thee?", "visibility": "public", "poll[options][]": ["Koffie", "Thee"],
            "poll[expires_in]": "3600"}
    r = api(server, ta, "/api/v1/statuses", "post", data=data)
    assert r.status_code == 200, r.text
    pid = r.json()["id"]
    # A choice the poll does not have: refused by both doors.
    assert voter.post("/posts/%s/vote" % pid, {"choice": "5"}).status_code == 400
    assert api(server, tv, "/api/v1/polls/%s/votes" % pid, "post", data={"choices[]": "5"}).status_code == 422
    # Two choices in a single-choice poll: refused by both.
    assert voter.post("/posts/%s/vote" % pid, {"choice": ["0", "1"]}).status_code == 400
    assert api(server, tv, "/api/v1/polls/%s/votes" % pid, "post",
               data={"choices[]": ["0", "1"]}).status_code == 422
    # A vote on the page counts in the API, and a second one (either door) is refused.
    assert voter.post("/posts/%s/vote" % pid, {"choice": "1"}).status_code == 303
    poll = api(server, tv, "/api/v1/polls/%s" % pid).json()
    assert poll["voted"] and poll["own_votes"] == [1] and poll["votes_count"] == 1
    assert voter.post("/posts/%s/vote" % pid, {"choice": "0"}).status_code == 409
    assert api(server, tv, "/api/v1/polls/%s/votes" % pid, "post", data={"choices[]": "0"}).status_code == 422
    # A closed poll takes no votes through either door.
    other = server.new_user(prefix="laat")
    to = token(server, other.name)
    db_write(server, "UPDATE polls SET expires_at = 1 WHERE post_id = %s" % pid)
    assert other.post("/posts/%s/vote" % pid, {"choice": "0"}).status_code == 409
    r = api(server, to, "/api/v1/polls/%s/votes" % pid, "post", data={"choices[]": "0"})
    assert r.status_code == 422 and "ended" in r.json()["error"]
