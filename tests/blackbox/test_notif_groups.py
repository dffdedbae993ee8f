"""Grouped notifications (issue 14, part 3): /api/v2/notifications as
Mastodon 4.3 documents it. Likes and shares of one post and follows fall in
one group each; mentions stay alone; paging, filters, one group, its
accounts, dismissing it, the unread count and the (accept-only) policy."""
import re

import requests

from conftest import uniq
from test_stream_audience import hdr, post, token


def api(server, tok, path, method="get", **kw):
    return getattr(requests, method)(server.base + path, headers=hdr(tok), timeout=10, **kw)


def me(server, tok):
    return api(server, tok, "/api/v1/accounts/verify_credentials").json()["id"]


def scene(server):
    """An owner with a post liked by 3, shared by 2, followed by 2 and mentioned by 1."""
    owner = server.add_user(uniq("own"))
    to = token(server, owner)
    oid = me(server, to)
    pid = post(server, to, "Spreekuur donderdag %s" % uniq("p"))
    fans = [token(server, server.add_user(uniq("fan"))) for _ in range(3)]
    for t in fans:
        assert api(server, t, "/api/v1/statuses/%s/favourite" % pid, "post").status_code == 200
    for t in fans[:2]:
        assert api(server, t, "/api/v1/statuses/%s/reblog" % pid, "post").status_code == 200
        assert api(server, t, "/api/v1/accounts/%s/follow" % oid, "post").status_code == 200
    post(server, fans[2], "@%s tot donderdag" % owner)
    return owner, to, pid, fans


def by_type(res):
    return {g["type"]: g for g in res["notification_groups"]}


def test_groups_likes_shares_follows_and_lists_their_accounts(server):
    owner, to, pid, fans = scene(server)
    r = api(server, to, "/api/v2/notifications")
    assert r.status_code == 200, r.text
    res = r.json()
    groups = res["notification_groups"]
    assert [g["type"] for g in groups] == ["mention", "follow", "reblog", "favourite"], groups
    t = by_type(res)
    assert t["favourite"]["notifications_count"] == 3
    assert len(t["favourite"]["sample_account_ids"]) == 3
    assert t["reblog"]["notifications_count"] == 2
    assert t["follow"]["notifications_count"] == 2
    assert t["mention"]["notifications_count"] == 1
    assert t["mention"]["group_key"].startswith("ungrouped-")
    assert t["favourite"]["status_id"] == pid and t["reblog"]["status_id"] == pid
    for g in groups:
        assert isinstance(g["group_key"], str) and isinstance(g["most_recent_notification_id"], str)
        assert int(g["page_min_id"]) <= int(g["page_max_id"])
        assert g["latest_page_notification_at"].endswith("Z")
    # Every sample account and every status is in the answer, once.
    ids = [a["id"] for a in res["accounts"]]
    assert len(ids) == len(set(ids))
    for g in groups:
        assert set(g["sample_account_ids"]) <= set(ids)
    assert pid in [s["id"] for s in res["statuses"]]
    # One group, and all who are in it.
    key = t["favourite"]["group_key"]
    one = api(server, to, "/api/v2/notifications/" + key).json()
    assert one["notification_groups"][0]["notifications_count"] == 3
    people = api(server, to, "/api/v2/notifications/%s/accounts" % key).json()
    assert len(people) == 3 and all("acct" in p for p in people)
    # Someone else does not see the owner's group.
    other = fans[0]
    assert api(server, other, "/api/v2/notifications/" + key).status_code == 404
    assert api(server, other, "/api/v2/notifications/%s/dismiss" % key, "post").status_code == 404
    # Dismissed: the whole group is gone, the others stay.
    assert api(server, to, "/api/v2/notifications/%s/dismiss" % key, "post").status_code == 200
    assert api(server, to, "/api/v2/notifications/" + key).status_code == 404
    left = [g["type"] for g in api(server, to, "/api/v2/notifications").json()["notification_groups"]]
    assert left == ["mention", "follow", "reblog"]
    # v1 still lists the notifications one by one.
    v1 = api(server, to, "/api/v1/notifications").json()
    assert len(v1) == 5


def test_grouped_types_types_and_exclude(server):
    owner, to, pid, fans = scene(server)
    res = api(server, to, "/api/v2/notifications", params={"grouped_types[]": ["favourite"]}).json()
    types = [g["type"] for g in res["notification_groups"]]
    # Shares and follows are no longer grouped: one group each.
    assert types.count("reblog") == 2 and types.count("follow") == 2 and types.count("favourite") == 1
    res = api(server, to, "/api/v2/notifications", params={"types[]": ["favourite"]}).json()
    assert [g["type"] for g in res["notification_groups"]] == ["favourite"]
    res = api(server, to, "/api/v2/notifications",
              params={"exclude_types[]": ["favourite", "reblog", "follow"]}).json()
    assert [g["type"] for g in res["notification_groups"]] == ["mention"]
    fid = me(server, fans[0])
    res = api(server, to, "/api/v2/notifications", params={"account_id": fid}).json()
    assert sorted(g["type"] for g in res["notification_groups"]) == ["favourite", "follow", "reblog"]
    assert all(g["sample_account_ids"] == [fid] for g in res["notification_groups"])


def test_paging_with_link_headers(server):
    owner, to, pid, fans = scene(server)
    r = api(server, to, "/api/v2/notifications", params={"limit": 2})
    first = [g["type"] for g in r.json()["notification_groups"]]
    assert first == ["mention", "follow"]
    m = re.search(r'<([^>]+)>; rel="next"', r.headers["Link"])
    assert m and "limit=2" in m.group(1)
    # A group whose members span pages shows again on the next page under
    # the same key (as Mastodon's): the client merges by group_key.
    seen, url, pages = {}, m.group(1), 0
    for g in r.json()["notification_groups"]:
        seen.setdefault(g["group_key"], g["type"])
    while url and pages < 10:
        rn = requests.get(url, headers=hdr(to), timeout=10)
        for g in rn.json()["notification_groups"]:
            seen.setdefault(g["group_key"], g["type"])
        nxt = re.search(r'<([^>]+)>; rel="next"', rn.headers.get("Link", ""))
        url, pages = nxt and nxt.group(1), pages + 1
    assert sorted(seen.values()) == ["favourite", "follow", "mention", "reblog"]
    assert 2 <= pages <= 4
    # Polling for newer: nothing above the newest.
    prev = re.search(r'<([^>]+)>; rel="prev"', r.headers["Link"]).group(1)
    assert requests.get(prev, headers=hdr(to), timeout=10).json()["notification_groups"] == []


def test_unread_count_counts_groups(server):
    owner, to, pid, fans = scene(server)
    r = api(server, to, "/api/v2/notifications/unread_count")
    assert r.status_code == 200 and r.json() == {"count": 4}, r.text
    assert api(server, to, "/api/v2/notifications/unread_count", params={"limit": 2}).json() == {"count": 2}
    assert api(server, to, "/api/v2/notifications/unread_count",
               params={"grouped_types[]": ["favourite"]}).json() == {"count": 6}


def test_bad_keys_and_scopes(server):
    owner, to, pid, fans = scene(server)
    for key in ["nope", "ungrouped-x", "ungrouped-99999999999999999999999", "favourite-1-" + "9" * 100,
                "UNGROUPED-1", "ungrouped-0"]:
        assert api(server, to, "/api/v2/notifications/" + key).status_code == 404, key
    ro = token(server, owner, "read:statuses")
    assert api(server, ro, "/api/v2/notifications").status_code == 403
    assert requests.get(server.base + "/api/v2/notifications", timeout=10).status_code == 401
    rd = token(server, owner, "read")
    key = api(server, rd, "/api/v2/notifications").json()["notification_groups"][0]["group_key"]
    assert api(server, rd, "/api/v2/notifications/%s/dismiss" % key, "post").status_code == 403


def test_policy_accepts_everything_and_says_so(server):
    owner = server.add_user(uniq("pol"))
    to = token(server, owner)
    p = api(server, to, "/api/v2/notifications/policy").json()
    assert p["for_not_following"] == "accept" and p["summary"]["pending_requests_count"] == 0
    r = api(server, to, "/api/v2/notifications/policy", "patch", json={"for_new_accounts": "accept"})
    assert r.status_code == 200, r.text
    r = api(server, to, "/api/v2/notifications/policy", "patch", json={"for_new_accounts": "filter"})
    assert r.status_code == 422 and "kring" in r.json()["error"]
    p1 = api(server, to, "/api/v1/notifications/policy").json()
    assert p1["filter_not_following"] is False
    assert api(server, to, "/api/v1/notifications/policy", "patch",
               json={"filter_not_following": True}).status_code == 422
