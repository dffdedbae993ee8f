"""Webcare (issue 17): the inside sources that are not posts.  A question in
an organisation's consultation hour and a published review of it enter the
organisation's inbox in the same transaction as the question or review.  An
anonymous asker stays anonymous in the inbox ("een cliënt", no account); a
review's writer is never shown to the organisation (as on its public page);
a private question is there only for the organisation's staff, who are the
people who answer its consultation hour.  Items of this kind are answered on
their own page, never as a post from the inbox."""
import datetime
import html
import time

import pytest
import requests

from conftest import Server, uniq
from test_stream_audience import hdr, token

SCOPES = "read write follow read:reviews write:reviews read:webcare write:webcare"


@pytest.fixture(scope="module")
def srv():
    s = Server(env={"KRING_APP_RATE": "0", "KRING_POST_RATE": "0", "KRING_TEST_REVIEW_MEMBER_SECONDS": "2"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok) if tok else {}, timeout=30, **kw)


def iso(minutes):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def org_with_staff(s):
    org = uniq("org")
    s.cli("org", "add", org, "--display-name", "Zorg " + org)
    staff = s.new_user(prefix="staf")
    s.cli("org", "staff", org, staff.name)
    staff.tok = token(s, staff.name, SCOPES)
    org_id = api(s, staff.tok, "/api/v1/accounts/lookup", params={"acct": org}).json()["id"]
    return org, org_id, staff


def items(s, tok, org, expect=200):
    r = api(s, tok, "/api/v1/kring/webcare/%s/items" % org, params={"status": "all"})
    assert r.status_code == expect, r.text[:300]
    return r.json() if expect == 200 else None


def person(s, prefix, display):
    c = s.new_user(prefix=prefix)
    r = c.post("/settings/profile", {"display_name": display, "bio": ""})
    assert r.status_code == 303, r.text[:300]
    c.tok = token(s, c.name, SCOPES)
    return c


def test_consultation_hour_questions_reach_the_inbox(srv):
    org, org_id, staff = org_with_staff(srv)
    other_org, _, other_staff = org_with_staff(srv)
    outsider = person(srv, "buiten", "Bert Buiten")
    r = api(srv, staff.tok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Slapen " + uniq("t"), "starts_at": iso(-5), "ends_at": iso(120), "account_id": org_id})
    assert r.status_code == 200, r.text
    sid = r.json()["id"]
    open_asker = person(srv, "open", "Olga Openbaar")
    priv_asker = person(srv, "priv", "Piet Privé")
    anon_asker = person(srv, "anon", "Annelies Anoniem")
    texts = {}
    for who, vis in ((open_asker, "public"), (priv_asker, "private"), (anon_asker, "anonymous")):
        texts[vis] = "Hoe kom ik beter in slaap als ik nachtdienst heb gehad? " + uniq(vis)
        r = api(srv, who.tok, "/api/v1/kring/consult/sessions/%s/questions" % sid, "post",
                data={"text": texts[vis], "visibility": vis})
        assert r.status_code == 200, r.text
    # There at once: the question and the item are one transaction.
    got = {i["text"]: i for i in items(srv, staff.tok, org) if i["kind"] == "consult"}
    assert set(got) == set(texts.values())
    pub, priv, anon = got[texts["public"]], got[texts["private"]], got[texts["anonymous"]]
    assert pub["author_name"] == "Olga Openbaar" and pub["account_id"]
    assert priv["author_name"] == "Piet Privé"
    assert anon["author_name"] == "een cliënt" and anon["account_id"] is None
    assert anon["url"].startswith("/consult/q/")
    # The anonymous asker is in no answer the organisation's staff get: API list, item, pages.
    secrets = ("Annelies", anon_asker.name)
    for body in (api(srv, staff.tok, "/api/v1/kring/webcare/%s/items" % org).text,
                 api(srv, staff.tok, "/api/v1/kring/webcare/%s/items/%s" % (org, anon["id"])).text,
                 staff.get("/webcare/%s?status=all" % org).text,
                 staff.get("/webcare/%s/items/%s" % (org, anon["id"])).text):
        for sec in secrets:
            assert sec not in html.unescape(body)
    # The private question: the organisation's staff only.
    items(srv, outsider.tok, org, expect=404)
    items(srv, priv_asker.tok, org, expect=404)
    items(srv, other_staff.tok, org, expect=404)
    assert texts["private"] not in api(srv, other_staff.tok, "/api/v1/kring/webcare/%s/items" % other_org).text
    assert api(srv, outsider.tok, "/api/v1/kring/webcare/%s/items/%s" % (org, priv["id"])).status_code == 404
    # Answered on the question's own page, never as a (public) post from the inbox.
    r = api(srv, staff.tok, "/api/v1/kring/webcare/%s/items/%s/answer" % (org, priv["id"]), "post",
            data={"text": "Wij bellen u hierover.", "as": "org"})
    assert r.status_code == 422 and "own page" in r.json()["error"], r.text
    item_page = staff.get("/webcare/%s/items/%s" % (org, anon["id"])).text
    assert "/answer" not in item_page and 'href="%s"' % anon["url"] in item_page   # a link, no answer form
    page = staff.post("/webcare/%s/items/%s/answer" % (org, anon["id"]), {"text": "Wij bellen u.", "as": "org"})
    assert page.status_code == 400 and "eigen pagina" in html.unescape(page.text)
    assert texts["private"] not in api(srv, None, "/api/v1/timelines/public").text
    # A professional's own consultation hour has no inbox: nothing lands anywhere.
    pro = person(srv, "arts", "Dokter Els")
    r = pro.post("/settings/profile", {"display_name": "Dokter Els", "bio": "", "person_type": "professional"})
    assert r.status_code == 303
    r = api(srv, pro.tok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Eigen uur " + uniq("t"), "starts_at": iso(-5), "ends_at": iso(60)})
    assert r.status_code == 200, r.text
    t = "Mag ik iets vragen over mijn knie? " + uniq("k")
    assert api(srv, open_asker.tok, "/api/v1/kring/consult/sessions/%s/questions" % r.json()["id"], "post",
               data={"text": t, "visibility": "public"}).status_code == 200
    assert t not in api(srv, staff.tok, "/api/v1/kring/webcare/%s/items" % org).text


def test_reviews_reach_the_inbox_without_their_writer(srv):
    org, org_id, staff = org_with_staff(srv)
    g = uniq("k")
    r = staff.post("/groups", {"name": g, "display_name": "Kring " + g, "description": "", "rules": "",
                               "kind": "open", "premod": "none"})
    assert r.status_code == 303
    writer = person(srv, "cli", "Wendy Schrijver")
    assert writer.post("/g/%s/join" % g).status_code == 303
    time.sleep(2.2)  # the test build's membership weeks
    text = "Duidelijke uitleg en goed geluisterd bij de thuiszorg. " + uniq("t")
    d = datetime.date.today()
    data = {"provider_id": org_id, "informatie": 8, "luisteren": 9, "wachttijd": 6, "resultaat": 8, "text": text,
            "experience": "%04d-%02d" % (d.year, d.month), "service": "Thuiszorg"}
    r = api(srv, writer.tok, "/api/v1/kring/reviews", "post", data=data)
    assert r.status_code == 200 and r.json()["state"] == "published", r.text
    rid = r.json()["id"]
    got = [i for i in items(srv, staff.tok, org) if i["kind"] == "review"]
    assert len(got) == 1 and got[0]["text"] == text, got
    it = got[0]
    assert it["author_name"] == "een cliënt" and it["account_id"] is None and it["title"] == "Thuiszorg"
    assert it["url"] == "/@%s/reviews" % org
    for body in (api(srv, staff.tok, "/api/v1/kring/webcare/%s/items/%s" % (org, it["id"])).text,
                 staff.get("/webcare/%s/items/%s" % (org, it["id"])).text):
        assert "Wendy" not in body and writer.name not in body
    # An edit changes the item's text; withdrawing the review takes the item away.
    text2 = "Duidelijke uitleg, maar lang gewacht op de thuiszorg. " + uniq("t")
    data["text"] = text2
    r = api(srv, writer.tok, "/api/v1/kring/reviews/%s" % rid, "put", data=data)
    assert r.status_code == 200, r.text
    got = [i for i in items(srv, staff.tok, org) if i["kind"] == "review"]
    assert [i["text"] for i in got] == [text2]
    r = api(srv, writer.tok, "/api/v1/kring/reviews/%s" % rid, "delete")
    assert r.status_code == 200, r.text
    assert [i for i in items(srv, staff.tok, org) if i["kind"] == "review"] == []


def announcements(s, tok, **params):
    r = api(s, tok, "/api/v1/announcements", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_crisis_banner_in_apps_for_followers_and_group_members(srv):
    """Crisis mode in /api/v1/announcements (Mastodon's Announcement): for
    people who follow the organisation or are members of a group it
    moderates; gone when crisis mode ends; dismissed, it stays dismissed
    until a new crisis starts."""
    org, org_id, staff = org_with_staff(srv)
    follower = person(srv, "volg", "Vera Volger")
    member = person(srv, "lid", "Lars Lid")
    stranger = person(srv, "vreemd", "Vincent Vreemd")
    r = api(srv, follower.tok, "/api/v1/accounts/%s/follow" % org_id, "post")
    assert r.status_code == 200, r.text
    # a group the organisation moderates (its staff create it as the organisation's moderator)
    g = uniq("k")
    r = staff.post("/groups", {"name": g, "display_name": "Kring " + g, "description": "", "rules": "",
                               "kind": "open", "premod": "none"})
    assert r.status_code == 303
    srv.cli("group", "member", "add", g, org, "--role", "moderator")
    assert member.post("/g/%s/join" % g).status_code == 303
    before = {who.name: announcements(srv, who.tok) for who in (follower, member, stranger)}
    assert all(str(org_id) not in [a["id"] for a in v] for v in before.values())
    assert staff.post("/webcare/%s/crisis/on" % org, {"topic": "Brand in De Linde"}).status_code == 303
    update = "Alle bewoners zijn veilig opgevangen in het buurthuis. " + uniq("u")
    assert staff.post("/webcare/%s/crisis/update" % org, {"text": update}).status_code == 303
    for who in (follower, member):
        got = [a for a in announcements(srv, who.tok) if a["id"] == str(org_id)]
        assert len(got) == 1, (who.name, got)
        a = got[0]
        assert "Brand in De Linde" in a["content"] and html.escape(update) in a["content"]
        assert "/@%s/crisis" % org in a["content"] and a["read"] is False
    assert str(org_id) not in [a["id"] for a in announcements(srv, stranger.tok)]
    # Dismissed: gone from the list for that person only, and a reaction works as on any announcement.
    r = api(srv, follower.tok, "/api/v1/announcements/%s/dismiss" % org_id, "post")
    assert r.status_code == 200, r.text
    assert str(org_id) not in [a["id"] for a in announcements(srv, follower.tok)]
    assert [a["read"] for a in announcements(srv, follower.tok, with_dismissed="true") if a["id"] == str(org_id)] == [True]
    assert api(srv, stranger.tok, "/api/v1/announcements/%s/dismiss" % org_id, "post").status_code == 404
    r = api(srv, member.tok, "/api/v1/announcements/%s/reactions/%s" % (org_id, "👍"), "put")
    assert r.status_code == 200, r.text
    # Crisis over: gone for everyone.
    assert staff.post("/webcare/%s/crisis/off" % org, {}).status_code == 303
    for who in (follower, member):
        assert str(org_id) not in [a["id"] for a in announcements(srv, who.tok, with_dismissed="true")]
    assert api(srv, member.tok, "/api/v1/announcements/%s/dismiss" % org_id, "post").status_code == 404
    # A new crisis is news again, also for who dismissed the last one.
    assert staff.post("/webcare/%s/crisis/on" % org, {"topic": "Storing alarmering"}).status_code == 303
    got = [a for a in announcements(srv, follower.tok) if a["id"] == str(org_id)]
    assert len(got) == 1 and "Storing alarmering" in got[0]["content"] and got[0]["reactions"] == []


def test_declined_or_merged_question_closes_in_the_inbox(srv):
    """A question the consultation hour declines or merges is dealt with: its
    inbox item is closed in the same transaction (history says why), and a
    question that stays open stays open."""
    org, org_id, staff = org_with_staff(srv)
    r = api(srv, staff.tok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Eten " + uniq("t"), "starts_at": iso(-5), "ends_at": iso(120), "account_id": org_id})
    assert r.status_code == 200, r.text
    sid = r.json()["id"]
    asker = person(srv, "vrg", "Vera Vrager")
    qids, texts = {}, {}
    for k in ("declined", "merged", "into", "open"):
        texts[k] = "Mag mijn vader zelf zijn eten meenemen naar de dagbesteding? " + uniq(k)
        r = api(srv, asker.tok, "/api/v1/kring/consult/sessions/%s/questions" % sid, "post",
                data={"text": texts[k], "visibility": "public"})
        assert r.status_code == 200, r.text
        qids[k] = r.json()["id"]
    got = {i["text"]: i for i in items(srv, staff.tok, org) if i["kind"] == "consult"}
    assert all(got[t]["status"] == "new" for t in texts.values())
    r = api(srv, staff.tok, "/api/v1/kring/consult/questions/%s/decline" % qids["declined"], "post",
            data={"reason": "Dit hoort niet bij dit spreekuur."})
    assert r.status_code == 200, r.text
    r = api(srv, staff.tok, "/api/v1/kring/consult/questions/%s/merge" % qids["merged"], "post",
            data={"into_id": qids["into"]})
    assert r.status_code == 200, r.text
    got = {i["text"]: i for i in items(srv, staff.tok, org) if i["kind"] == "consult"}
    assert got[texts["declined"]]["status"] == "closed"
    assert got[texts["merged"]]["status"] == "closed"
    assert got[texts["into"]]["status"] == "new" and got[texts["open"]]["status"] == "new"
    # Not among the open items any more, and the history says why.
    open_ids = {i["id"] for i in api(srv, staff.tok, "/api/v1/kring/webcare/%s/items" % org).json()}
    assert got[texts["declined"]]["id"] not in open_ids and got[texts["merged"]]["id"] not in open_ids
    assert got[texts["open"]]["id"] in open_ids
    for k, why in (("declined", "declined"), ("merged", "merged")):
        it = api(srv, staff.tok, "/api/v1/kring/webcare/%s/items/%s" % (org, got[texts[k]]["id"])).json()
        notes = [(h["action"], h.get("note") or "") for h in it["history"]]
        assert ("status", "closed") in notes and any(why in n for a, n in notes), notes
