"""The post a boost carries shows the reader's own relations to it.

A home timeline reads the boosted posts apart, a few ids at a time; on
PostgreSQL those few are read with a look-up per row, a full page with
hashes of the reader's follows, favourites and boosts (store_posts_get).
Either way the reblog's favourited and reblogged, and the post's own, must
be the reader's.  SQLite and PostgreSQL."""
import requests

from test_stream_audience import hdr, post, token


def act(server, tok, pid, what):
    r = requests.post(server.base + "/api/v1/statuses/%s/%s" % (pid, what), headers=hdr(tok), timeout=10)
    assert r.status_code == 200, r.text


def follow(server, tok, who):
    acc = requests.get(server.base + "/api/v1/accounts/lookup", params={"acct": who}, headers=hdr(tok),
                       timeout=10).json()
    r = requests.post(server.base + "/api/v1/accounts/%s/follow" % acc["id"], headers=hdr(tok), timeout=10)
    assert r.status_code == 200, r.text


def test_boosted_posts_carry_the_readers_relations(server):
    reader, author, booster = (server.new_user(prefix=p) for p in ("lzr", "aut", "dlr"))
    tr, ta, tb = (token(server, u.name) for u in (reader, author, booster))
    follow(server, tr, booster.name)
    liked = post(server, ta, "Mooi verhaal over de buurtzorg")
    other = post(server, ta, "Nog een bericht van de wijk")
    act(server, tr, liked, "favourite")
    act(server, tr, liked, "reblog")
    act(server, tb, liked, "reblog")
    act(server, tb, other, "reblog")
    home = requests.get(server.base + "/api/v1/timelines/home", params={"limit": 40}, headers=hdr(tr),
                        timeout=10).json()
    seen = {}
    for s in home:
        if s["reblog"] and s["account"]["username"] == booster.name:
            seen[s["reblog"]["id"]] = (s["reblog"]["favourited"], s["reblog"]["reblogged"])
    assert seen == {liked: (True, True), other: (False, False)}, seen
    # The reader's own boost carries it too, and the post read alone.
    own = [s for s in home if s["reblog"] and s["account"]["username"] == reader.name]
    assert [(s["reblog"]["favourited"], s["reblog"]["reblogged"]) for s in own] == [(True, True)]
    for pid, want in ((liked, True), (other, False)):
        s = requests.get(server.base + "/api/v1/statuses/" + pid, headers=hdr(tr), timeout=10).json()
        assert (s["favourited"], s["reblogged"]) == (want, want)
