"""Federation, outgoing Flag (issue 21, docs/federation.md): a report here
about another server's account, with forward=true, reaches that server's
moderators as a report, from this instance (the reporter is not named).
Two kring instances on 127.0.0.1 (KRING_FED_LOOPBACK=1)."""
import pytest

from conftest import uniq
from test_federation import host, pair, wait_for  # noqa: F401 (pair: the two instances, one per module)
from test_federation_remote import api, following, home, token


def test_forwarded_report_reaches_the_other_servers_moderators(pair):
    a, b = pair
    ann, carl = a.new_user(prefix="ann"), a.new_user(prefix="carl")
    bob = b.new_user(prefix="bob")
    admin = b.new_user(role="admin", prefix="adm")
    ha, hc, hb = token(a, ann.name), token(a, carl.name), token(b, bob.name)
    hadm = token(b, admin.name, "read write admin:read admin:write")
    acc = api(a, ha, "GET", "/api/v2/search", params={"q": "@%s@%s" % (bob.name, host(b)),
                                                     "resolve": "true"}).json()["accounts"][0]
    assert api(a, ha, "POST", "/api/v1/accounts/%s/follow" % acc["id"]).status_code == 200
    assert wait_for(lambda: following(a, ha, acc["id"]))
    ws = uniq("s")
    r = api(b, hb, "POST", "/api/v1/statuses", data={"status": "Koop nu " + ws, "visibility": "public"})
    assert r.status_code == 200, r.text
    pid = r.json()["id"]
    st = wait_for(lambda: [s for s in home(a, ha) if ws in s["content"]])
    assert st, "bob's post did not reach ann"
    sid = st[0]["id"]
    # Not forwarded: a report for a's moderators only.
    w0 = uniq("nf")
    r = api(a, hc, "POST", "/api/v1/reports", data={"account_id": acc["id"], "comment": "Hier " + w0})
    assert r.status_code == 200, r.text
    assert r.json()["forwarded"] is False
    # Forwarded: b's moderators get it, about bob's post, not by ann.
    w = uniq("fw")
    before = b.stderr().count("POST /inbox 202")
    r = api(a, ha, "POST", "/api/v1/reports", data={"account_id": acc["id"], "status_ids[]": [sid],
                                                    "comment": "Spam " + w, "forward": "true"})
    assert r.status_code == 200, r.text
    assert r.json()["forwarded"] is True

    def on_b():
        reps = api(b, hadm, "GET", "/api/v1/admin/reports").json()
        return [x for x in reps if w in (x.get("comment") or "")]

    mine = wait_for(on_b)
    assert mine, "the Flag did not become a report on b\n" + "".join(l + "\n" for l in b.stderr().splitlines() if "admin/reports" not in l)[-2500:]
    assert mine[0]["target_account"]["username"] == bob.name
    assert [str(s["id"]) for s in mine[0]["statuses"]] == [pid]
    assert ann.name not in str(mine[0]["account"])
    assert b.stderr().count("POST /inbox 202") > before  # bob's server's shared inbox
    # The one not forwarded never arrived there.
    reps = api(b, hadm, "GET", "/api/v1/admin/reports").json()
    assert not [x for x in reps if w0 in (x.get("comment") or "")]


def test_forward_about_a_local_account_sends_nothing(pair):
    a, _ = pair
    ann, carl = a.new_user(prefix="ann"), a.new_user(prefix="carl")
    ha = token(a, ann.name)
    cid = api(a, ha, "GET", "/api/v1/accounts/lookup", params={"acct": carl.name}).json()["id"]
    r = api(a, ha, "POST", "/api/v1/reports", data={"account_id": cid, "comment": "Lokaal", "forward": "true"})
    assert r.status_code == 200, r.text
    assert r.json()["forwarded"] is False


def test_a_moderator_forwards_a_report_from_the_page(pair):
    """The moderators' page offers to send a report about someone on another
    server on to that server; the report stays open here, the log says so,
    and the other server's moderators get it (not the reporter's name).
    A report about someone here has no such button, and a forged POST is
    refused."""
    import re
    a, b = pair
    carl = a.new_user(prefix="carl")
    mod = a.new_user(role="moderator", prefix="mod")
    bob, dave = b.new_user(prefix="bob"), a.new_user(prefix="dave")
    admin = b.new_user(role="admin", prefix="adm")
    hc = token(a, carl.name)
    hadm = token(b, admin.name, "read write admin:read admin:write")
    acc = api(a, hc, "GET", "/api/v2/search", params={"q": "@%s@%s" % (bob.name, host(b)),
                                                     "resolve": "true"}).json()["accounts"][0]
    w = uniq("pf")
    r = carl.post("/@%s/report" % acc["acct"], {"reason": "Oplichting " + w})
    assert r.status_code == 303, r.text[:300]
    local_w = uniq("lc")
    assert carl.post("/@%s/report" % dave.name, {"reason": "Hier " + local_w}).status_code == 303
    page = mod.get("/moderation").text
    items = page.split('<li class="card">')
    mine = [x for x in items if w in x][0]
    here = [x for x in items if local_w in x][0]
    assert "Doorsturen naar de moderatoren van %s" % host(b) in mine
    assert "/forward" not in here
    rid = re.search(r'/moderation/(\d+)/forward', mine).group(1)
    lid = re.search(r'/moderation/(\d+)/dismiss', here).group(1)
    # Not for a report about someone here, nor for a plain member.
    assert mod.post("/moderation/%s/forward" % lid, {"note": ""}).status_code == 400
    assert carl.post("/moderation/%s/forward" % rid, {"note": ""}).status_code in (403, 404)
    r = mod.post("/moderation/%s/forward" % rid, {"note": "Doorgestuurd " + w, "back": "/moderation"})
    assert r.status_code == 303, r.text[:300]
    page = mod.get(r.headers["Location"]).text
    assert "doorgestuurd naar de moderatoren van de andere server" in page
    assert w in page  # still open here
    assert "Klacht doorgestuurd naar de andere server" in page  # the log

    def on_b():
        reps = api(b, hadm, "GET", "/api/v1/admin/reports").json()
        return [x for x in reps if w in (x.get("comment") or "")]

    got = wait_for(on_b)
    assert got and got[0]["target_account"]["username"] == bob.name
    assert carl.name not in str(got[0]) and mod.name not in str(got[0])
