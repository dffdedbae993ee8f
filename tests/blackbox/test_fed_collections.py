"""An actor's collections (issue 21, docs/federation.md "Collections"):
the outbox pages Creates of public Notes only (never followers-only, direct,
group, local-only or held ones, whoever asks), followers and following page
actor URIs (local and remote) unless the account hides its lists, featured
holds the public pins; authorized fetch still wants signatures."""
import json
import os
import random
import re

import pytest
import requests

from conftest import uniq
from test_federation import AP, fed_server, follow, host, make_group, pair, wait_for  # noqa: F401 (pair: the two instances, one per module)
from test_fed_fedify import peer  # noqa: F401 (the Fedify peer, skipped without node)
from test_fed_group import open_group
from test_federation_remote import api, following, token

AS = "https://www.w3.org/ns/activitystreams"


def get(url, **kw):
    r = requests.get(url, headers={"Accept": AP}, timeout=20, **kw)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["Content-Type"].startswith(AP)
    return r.json()


def walk(url, fetch=get, max_pages=40):
    """The collection at url and every item of its pages, first to last;
    checks each is a valid (Ordered)Collection(Page) as it goes."""
    coll = fetch(url)
    assert coll["type"] == "OrderedCollection" and coll["id"] == url and isinstance(coll["totalItems"], int)
    assert AS in json.dumps(coll["@context"])
    items, pages, nxt = [], [], coll.get("first")
    while nxt:
        assert len(pages) < max_pages, "paging does not end"
        p = fetch(nxt)
        assert p["type"] == "OrderedCollectionPage" and p["id"] == nxt and p["partOf"] == url, p
        assert isinstance(p["orderedItems"], list)
        assert p.get("next") != nxt
        items += p["orderedItems"]
        pages.append(p)
        nxt = p.get("next")
    return coll, items, pages


def words(items):
    """The markers (wXXX) in the Notes of a list of Creates."""
    return {m for it in items for m in re.findall(r"w[a-z]+_[0-9a-z]+", it["object"]["content"])}


def test_outbox_public_only_paged(pair):
    """A small property loop over visibilities, groups, the local-only mark
    and think time: the outbox has exactly the public posts, newest first,
    paged by 20 with a cursor that ends; a signed fetch by a follower's
    server sees no more."""
    a, b = pair
    seed = int(os.environ.get("KRING_FED_SEED", random.randrange(1 << 30)))
    rnd = random.Random(seed)
    ann = a.new_user(prefix="ann")
    ha = token(a, ann.name)
    carol = a.new_user(prefix="car")
    bob = b.new_user(prefix="bob")
    follow(b, bob.name, a, ann.name)  # b is a follower's server of ann
    groups = {k: make_group(ann, k) for k in ("open", "closed", "secret")}
    public, other = [], []
    for i in range(34):
        kind = rnd.choice(["public", "public", "private", "direct", "local", "open", "closed", "secret"])
        w = "w%s_%s" % (kind, uniq("p"))
        if kind in groups:
            ann.new_post("Groep " + w, "public", group_id=groups[kind])
        else:
            data = {"status": "Bericht " + w, "visibility": "public" if kind == "local" else kind,
                    "local_only": "true" if kind == "local" else "false"}
            if kind == "direct":
                data["status"] += " @" + carol.name
            r = api(a, ha, "POST", "/api/v1/statuses", data=data)
            assert r.status_code == 200, r.text
        (public if kind == "public" else other).append(w)
    # Enough public posts for two pages at least.
    while len(public) < 25:
        w = "wpublic_%s" % uniq("p")
        assert api(a, ha, "POST", "/api/v1/statuses", data={"status": "Meer " + w, "visibility": "public"}).status_code == 200
        public.append(w)
    url = "%s/users/%s/outbox" % (a.base, ann.name)
    coll, items, pages = walk(url)
    assert coll["totalItems"] >= len(public) and "orderedItems" not in coll
    assert len(pages) >= 2 and all(len(p["orderedItems"]) <= 20 for p in pages), seed
    assert "next" not in pages[-1]
    got = words(items)
    assert got == set(public), (seed, got ^ set(public))
    ids = [int(it["object"]["id"].rsplit("/", 1)[1]) for it in items]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids), seed  # newest first, each once
    me = "%s/users/%s" % (a.base, ann.name)
    for it in items:
        assert it["type"] == "Create" and it["actor"] == me and it["id"] == it["object"]["id"] + "/activity"
        o = it["object"]
        assert o["type"] == "Note" and o["attributedTo"] == me and "https://www.w3.org/ns/activitystreams#Public" in o["to"]
    # Each Note in it is what a fetch of it gives.
    assert get(items[0]["object"]["id"])["content"] == items[0]["object"]["content"]
    # The follower's server, signed: no followers-only post either.
    def signed(u):
        r = b.cli("fed", "get", u)
        assert r.stdout.startswith("HTTP 200"), r.stdout[:300]
        return json.loads(r.stdout.split("\n", 1)[1])
    _, sitems, _ = walk(url, fetch=signed)
    assert words(sitems) == set(public), seed
    # A bad cursor is 400, an unknown account 404.
    assert requests.get(url + "?page=true&max_id=x", headers={"Accept": AP}, timeout=20).status_code == 400
    assert requests.get("%s/users/nobody%s/outbox" % (a.base, uniq("n")), headers={"Accept": AP},
                        timeout=20).status_code == 404


def test_held_post_not_in_outbox(pair):
    """An organisation's post waits for its think time: not in its outbox."""
    a, _ = pair
    org, staff = uniq("org"), a.new_user(prefix="stf")
    a.cli("org", "add", org)
    a.cli("org", "staff", org, staff.name)
    w = "wheld_%s" % uniq("h")
    staff.new_post("Open dag " + w, "public", **{"as": org})
    _, items, _ = walk("%s/users/%s/outbox" % (a.base, org))
    assert w not in json.dumps(items)


def test_followers_following_pages_and_hidden(pair):
    a, b = pair
    ann = a.new_user(prefix="ann")
    ha = token(a, ann.name)
    fans = [a.new_user(prefix="fan") for _ in range(21)]
    for i, f in enumerate(fans):
        tf = token(a, f.name)
        aid = api(a, tf, "GET", "/api/v1/accounts/lookup", params={"acct": ann.name}).json()["id"]
        assert api(a, tf, "POST", "/api/v1/accounts/%s/follow" % aid).status_code == 200
        # All but the first show their own lists; the first keeps a
        # client's default and so is in nobody's list (core_listed).
        if i:
            assert api(a, tf, "PATCH", "/api/v1/accounts/update_credentials",
                       data={"hide_collections": "false"}).status_code == 200
    bob = b.new_user(prefix="bob")
    follow(b, bob.name, a, ann.name)          # a remote follower
    # And a remote account ann follows (through the API: an account here).
    acc = api(a, ha, "GET", "/api/v2/search", params={"q": "%s@%s" % (bob.name, host(b)),
                                                       "resolve": "true"}).json()["accounts"][0]
    assert api(a, ha, "POST", "/api/v1/accounts/%s/follow" % acc["id"]).status_code == 200
    assert wait_for(lambda: following(a, ha, acc["id"]))
    furl, gurl = "%s/users/%s/followers" % (a.base, ann.name), "%s/users/%s/following" % (a.base, ann.name)
    # A person (not a professional) hides the lists by default: no items, no sizes.
    for u in (furl, gurl):
        c = get(u)
        assert c["type"] == "OrderedCollection" and c["id"] == u
        assert "totalItems" not in c and "first" not in c and "orderedItems" not in c
        assert "orderedItems" not in get(u + "?page=true")
    assert api(a, ha, "PATCH", "/api/v1/accounts/update_credentials",
               data={"hide_collections": "false"}).status_code == 200
    coll, items, pages = walk(furl)
    want = {"%s/users/%s" % (a.base, f.name) for f in fans[1:]} | {"%s/users/%s" % (b.base, bob.name)}
    # The count counts everyone; the items name no one who hides whom they follow.
    assert set(items) == want and len(items) == len(want) and coll["totalItems"] == len(want) + 1
    assert len(pages) >= 2 and "next" not in pages[-1]
    coll, items, pages = walk(gurl)
    assert items == ["%s/users/%s" % (b.base, bob.name)] and coll["totalItems"] == 1
    # The remote cursor is the followers' only: it lists no followers as followed.
    assert get(gurl + "?page=true&remote=1")["orderedItems"] == []
    # Hidden again: no items.
    assert api(a, ha, "PATCH", "/api/v1/accounts/update_credentials",
               data={"hide_collections": "true"}).status_code == 200
    assert "orderedItems" not in get(furl + "?page=true") and "first" not in get(furl)


def test_featured_pins(pair):
    a, _ = pair
    ann = a.new_user(prefix="ann")
    ha = token(a, ann.name)
    pub = api(a, ha, "POST", "/api/v1/statuses", data={"status": "Vast " + uniq("pin"), "visibility": "public"}).json()
    fol = api(a, ha, "POST", "/api/v1/statuses", data={"status": "Alleen volgers " + uniq("pin"),
                                                        "visibility": "private"}).json()
    for s in (pub, fol):
        assert api(a, ha, "POST", "/api/v1/statuses/%s/pin" % s["id"]).status_code == 200
    actor = get("%s/users/%s" % (a.base, ann.name))
    assert actor["featured"] == "%s/users/%s/featured" % (a.base, ann.name)
    f = get(actor["featured"])
    assert f["type"] == "OrderedCollection" and f["id"] == actor["featured"] and f["totalItems"] == 1
    assert [o["id"] for o in f["orderedItems"]] == ["%s/users/%s/statuses/%s" % (a.base, ann.name, pub["id"])]
    assert f["orderedItems"][0]["type"] == "Note" and fol["content"] not in json.dumps(f)


def test_group_featured(pair):
    """An open group's pinned posts (as Lemmy's communities have them);
    a closed group has no featured collection at all."""
    a, _ = pair
    ann = a.new_user(prefix="ann")
    name, gid = open_group(ann)
    pinned, loose = uniq("gp"), uniq("gl")
    pid = ann.new_post("Vast in de groep " + pinned, "public", group_id=gid)
    ann.new_post("Los in de groep " + loose, "public", group_id=gid)
    assert ann.post("/posts/%d/pin" % pid).status_code == 303
    g = get("%s/groups/%s" % (a.base, name))
    assert g["featured"] == "%s/groups/%s/featured" % (a.base, name)
    f = get(g["featured"])
    assert f["type"] == "OrderedCollection" and f["totalItems"] == 1 and f["id"] == g["featured"]
    o = f["orderedItems"][0]
    assert o["type"] == "Note" and pinned in o["content"] and o["audience"] == g["id"] and loose not in json.dumps(f)
    cname, cid = open_group(ann, "closed")
    cp = ann.new_post("Besloten " + uniq("gc"), "public", group_id=cid)
    assert ann.post("/posts/%d/pin" % cp).status_code == 303
    r = requests.get("%s/groups/%s/featured" % (a.base, cname), headers={"Accept": AP}, timeout=20)
    assert r.status_code == 404


def test_authorized_fetch_collections(pair):
    """KRING_FED_AUTHORIZED_FETCH=1: collections want a signature (401
    without); a signed fetch gets them."""
    a, _ = pair
    strict = fed_server(KRING_FED_AUTHORIZED_FETCH="1")
    base = strict.base
    try:
        ann = strict.new_user(prefix="ann")
        gname, _ = open_group(ann)
        for what in ("outbox", "followers", "following", "featured", "outbox?page=true", "followers?page=true",
                     "/groups/%s/featured" % gname, "/groups/%s/followers" % gname):
            u = base + what if what.startswith("/") else "%s/users/%s/%s" % (base, ann.name, what)
            assert requests.get(u, headers={"Accept": AP}, timeout=20).status_code == 401, what
            r = a.cli("fed", "get", u)
            assert r.stdout.startswith("HTTP 200"), (what, r.stdout[:300])
        for actor in ("/users/" + ann.name, "/groups/" + gname):  # actors stay open: their keys
            assert requests.get(base + actor, headers={"Accept": AP}, timeout=20).status_code == 200
    finally:
        strict.assert_clean_stop()
        strict.cleanup()


def test_fedify_reads_outbox_and_featured(peer):
    """A reader we did not write: the Fedify peer reads the outbox (two
    pages, following `next`) and featured of an account on a kring with
    authorized fetch on, with its own signed GETs (the pages' query is in
    what it signs), as Mastodon does when someone opens a remote profile."""
    strict = fed_server(KRING_FED_AUTHORIZED_FETCH="1")
    base = strict.base
    try:
        ann = strict.new_user(prefix="ann")
        ha = token(strict, ann.name)
        ids = []
        for i in range(22):
            r = api(strict, ha, "POST", "/api/v1/statuses", data={"status": "Fedify leest %d" % i,
                                                                  "visibility": "public"})
            ids.append(r.json()["id"])
        hidden = uniq("fv")
        assert api(strict, ha, "POST", "/api/v1/statuses", data={"status": "Alleen volgers " + hidden,
                                                                 "visibility": "private"}).status_code == 200
        assert api(strict, ha, "POST", "/api/v1/statuses/%s/pin" % ids[3]).status_code == 200
        got = peer.call("collections", actor="%s/users/%s" % (base, ann.name))
        me = "%s/users/%s/statuses/" % (base, ann.name)
        assert [o["object"]["id"] for o in got["outbox"]] == [me + i for i in reversed(ids)], got
        assert all(o["type"] == "Create" and o["object"]["type"] == "Note" for o in got["outbox"])
        # 22 items: the second page (its `next`, a query Fedify leaves out of
        # what it signs) was read too, signed, under authorized fetch.
        assert got["totalItems"] == 22 and hidden not in json.dumps(got)
        assert [(f["type"], f["id"]) for f in got["featured"]] == [("Note", me + ids[3])]
    finally:
        strict.assert_clean_stop()
        strict.cleanup()
