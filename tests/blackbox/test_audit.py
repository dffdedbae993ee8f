"""Security and privacy review of the features merged for issues 18 and 19
(docs/security.md, "Review of consultation hours, appointments, webcare,
reviews and matching").  Each test here was written for a finding and seen
failing before its fix in core."""
import re

import requests

from conftest import uniq
from test_consult import answer, api, ask, iso, professional
from test_stream_audience import token


def _group_session(server, kind):
    """A professional's session for the members of a closed or secret group,
    one public question by a member, answered; returns what the test needs."""
    pc, ptok = professional(server, prefix="kringarts")
    name = uniq("kring")
    server.cli("group", "add", name, "--kind", kind, "--owner", pc.name)
    member = server.new_user(prefix="lid")
    server.cli("group", "member", "add", name, member.name)
    gid = re.search(r'name="group_id"><option value="(\d+)"', pc.get("/consult/new").text).group(1)
    r = api(server, ptok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Samen " + uniq("t"), "starts_at": iso(-5), "ends_at": iso(120),
                  "audience": "group", "group_id": gid})
    assert r.status_code == 200, r.text
    sid = r.json()["id"]
    word = "kringvraag" + uniq("w").replace("n", "")
    mtok = token(server, member.name)
    # (the writer's own sleep is health to the privacy guard: the member
    # confirms, as a member asking in a closed group would)
    q = ask(server, mtok, sid, "Ik slaap slecht sinds de diagnose, %s?" % word, privacy_confirm="true")
    answer(server, ptok, q["id"], "Een vast ritme helpt, %s." % word)
    return pc, member, mtok, sid, gid, q, word


def test_closed_group_session_questions_stay_in_the_group(server):
    for kind in ("closed", "secret"):
        pc, member, mtok, sid, gid, q, word = _group_session(server, kind)
        # The member and the professional read it.
        assert any(x["id"] == q["id"] for x in
                   api(server, mtok, "/api/v1/kring/consult/sessions/%s/questions" % sid).json())
        assert word in member.get("/consult/" + sid).text
        stranger = server.new_user(prefix="vreemd")
        stok = token(server, stranger.name)
        for tok, who in ((None, server.client()), (stok, stranger)):
            r = api(server, tok, "/api/v1/kring/consult/sessions/%s/questions" % sid)
            assert r.status_code in (200, 404) and word not in r.text, (kind, r.text[:300])
            r = api(server, tok, "/api/v1/kring/consult/questions/%s" % q["id"])
            assert r.status_code == 404, (kind, r.text[:300])
            r = api(server, tok, "/api/v1/kring/consult/search?q=" + word)
            assert word not in r.text, (kind, r.text[:300])
            assert word not in who.get("/consult/" + sid).text, kind
            assert who.get("/consult/q/%s" % q["id"]).status_code == 404, kind
            assert "/consult/q/%s" % q["id"] not in who.get("/consult?q=" + word).text, kind
            # The asker is not shown as a member of the group.
            assert member.name not in who.get("/consult/" + sid).text, kind
        # The answer is not posted publicly as a reply to the announcement.
        r = api(server, None, "/api/v1/accounts/lookup?acct=" + pc.name)
        pid = r.json()["id"]
        statuses = api(server, None, "/api/v1/accounts/%s/statuses" % pid).text
        assert word not in statuses, (kind, statuses[:300])
        if kind == "secret":
            # A secret group's id is not handed to outsiders.
            r = api(server, stok, "/api/v1/kring/consult/sessions/%s" % sid)
            assert r.status_code == 200 and r.json().get("group_id") in (None, ""), r.text[:300]


# ---- webcare's outside sources: no request ever reaches a private address ----

class _Recorder:
    def __init__(self):
        self.paths = []


def _serve(host, rec, redirect_to=None):
    import http.server
    import threading

    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            rec.paths.append(self.path)
            if redirect_to:
                self.send_response(302)
                self.send_header("Location", redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = b'<rss version="2.0"><channel><title>t</title><item><title>geheim</title>' \
                   b'<guid>g1</guid></item></channel></rss>'
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    srv = http.server.ThreadingHTTPServer((host, 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def test_webcare_source_redirect_to_a_private_address_is_not_followed():
    from conftest import Server
    from test_webcare_sources import add, poll
    inner = _Recorder()
    hidden = _serve("127.0.0.2", inner)  # loopback, but not the test build's 127.0.0.1
    outer = _Recorder()
    hop = _serve("127.0.0.1", outer, "http://127.0.0.2:%d/feed.xml" % hidden.server_address[1])
    srv = Server()
    try:
        srv.cli("init")
        org = uniq("org")
        srv.cli("org", "add", org)
        port = hidden.server_address[1]
        for url in ("http://127.0.0.1:%d/hop" % hop.server_address[1],
                    "http://127.0.0.2:%d/feed.xml" % port,
                    "http://[::ffff:127.0.0.2]:%d/feed.xml" % port,
                    "http://[::ffff:7f00:2]:%d/feed.xml" % port,
                    "http://2130706434:%d/feed.xml" % port,   # 127.0.0.2 as one number
                    "http://0x7f.0.0.2:%d/feed.xml" % port):
            r = add(srv, org, url, check=False)
            if r.returncode != 0:
                continue  # refused when added: fine too
            sid = re.search(r"added source (\d+)", r.stdout).group(1)
            n, out = poll(srv, sid)
            assert n == 0 and "error:" in out, (url, out)
        assert outer.paths == ["/hop"], outer.paths
        assert inner.paths == [], inner.paths
    finally:
        srv.cleanup()
        for s in (hidden, hop):
            s.shutdown()
            s.server_close()


def test_release_build_never_fetches_loopback():
    """The release binary allows no loopback at all: not by address, not by a
    name that resolves to it, not as an IPv6 form."""
    import os
    import subprocess
    import tempfile
    rel = os.path.join(os.path.dirname(__file__), "..", "..", "build", "release", "kring")
    if not os.path.exists(rel):
        import pytest
        pytest.skip("no release build")
    rec = _Recorder()
    s4 = _serve("127.0.0.1", rec)
    env = {k: v for k, v in os.environ.items() if k != "KRING_PUSH_LOOPBACK"}
    with tempfile.TemporaryDirectory() as d:
        def cli(*a):
            return subprocess.run([rel] + list(a) + ["--data", d], capture_output=True, text=True, timeout=60,
                                  env=env)
        assert cli("init").returncode == 0
        org = uniq("org")
        assert cli("org", "add", org).returncode == 0
        port = s4.server_address[1]
        for url in ("http://127.0.0.1:%d/feed.xml" % port, "http://localhost:%d/feed.xml" % port,
                    "http://[::1]:%d/feed.xml" % port, "http://[::ffff:127.0.0.1]:%d/feed.xml" % port,
                    "http://2130706433:%d/feed.xml" % port, "http://0.0.0.0:%d/feed.xml" % port):
            r = cli("webcare", "source", "add", org, url)
            if r.returncode != 0:
                continue
            sid = re.search(r"added source (\d+)", r.stdout).group(1)
            r = cli("webcare", "source", "poll", sid)
            assert "error:" in r.stdout and ": 0 new items" in r.stdout, (url, r.stdout, r.stderr)
    s4.shutdown()
    s4.server_close()
    assert rec.paths == [], rec.paths


# ---- the calendar link is a key to a client's appointments ----

def test_password_change_ends_the_calendar_link(server):
    """A calendar link (/agenda/SECRET.ics) shows who a client sees for care
    and when.  Like every session and token, it must stop working when the
    password changes or is reset (an ex-partner subscribed to it keeps
    reading otherwise)."""
    from conftest import PASSWORD
    name = server.add_user(uniq("agenda"))
    c = server.login(name)
    r = c.post("/mijn-afspraken/agenda", {})
    assert r.status_code == 200, r.text[:300]
    url = re.search(r"<code>(http://[^<]+\.ics)</code>", r.text).group(1)
    assert requests.get(url, timeout=10).status_code == 200
    c.get("/settings/password")
    r = c.post("/settings/password", {"old_password": PASSWORD, "password": "nieuw-wachtwoord-9",
                                      "password2": "nieuw-wachtwoord-9"})
    assert r.status_code == 303, r.text[:300]
    assert requests.get(url, timeout=10).status_code == 404, "the calendar link must end with the password"
    # A reset link ends it too.
    r = c.post("/mijn-afspraken/agenda", {})
    url = re.search(r"<code>(http://[^<]+\.ics)</code>", r.text).group(1)
    assert requests.get(url, timeout=10).status_code == 200
    link = re.sub(r"^https?://[^/]+", "", server.reset_link(name))
    anon = server.client()
    assert anon.get(link).status_code == 200
    r = anon.post(link, {"password": "vierde-wachtwoord-7", "password2": "vierde-wachtwoord-7"})
    assert r.status_code == 303, r.text[:300]
    assert requests.get(url, timeout=10).status_code == 404, "a reset ends the calendar link too"


# ---- booking: one account cannot take a care provider's whole calendar ----

def test_one_client_cannot_book_a_providers_whole_calendar(server):
    """Without a limit one account booked every free slot (a care provider's
    week gone, nobody else can come).  A client holds at most
    CORE_APPT_PER_PROVIDER = 20 upcoming appointments they booked themselves
    with one provider; then 429 with a sentence (page: 429 too).  Staff
    booking for a client are not limited."""
    import datetime
    from test_appointments import EVERY_DAY, SCOPE, client, professional, slots
    from test_appointments import api as aapi
    _, ptok, prov = professional(server, EVERY_DAY + " slot=15 vooraf=0")
    free = [f["start"] for f in slots(server, prov, days=3)]
    assert len(free) > 30
    name, tok, cid = client(server)
    codes = [aapi(server, tok, "/api/v1/kring/appointments", "post",
                  data={"provider_id": prov, "start": st}).status_code for st in free[:25]]
    assert codes[:20] == [201] * 20, codes
    assert set(codes[20:]) == {429}, codes
    r = aapi(server, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": free[26]})
    assert r.status_code == 429 and "afspraken" in r.json()["error"], r.text
    # The booking page says so too.
    page = server.login(name)
    pro_name = aapi(server, None, "/api/v1/accounts/%s" % prov).json()["username"]
    page.get("/afspraken/%s" % pro_name)
    epoch = int(datetime.datetime.strptime(free[29], "%Y-%m-%dT%H:%M:%S.%fZ" if "." in free[29] else
                                           "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp())
    r = page.post("/afspraken/%s" % pro_name, {"start": str(epoch)})
    assert r.status_code == 429 and "Zeg er eerst een af" in r.text, r.text[:300]
    # After cancelling one, a new one can be made.
    mine = aapi(server, tok, "/api/v1/kring/appointments").json()
    assert aapi(server, tok, "/api/v1/kring/appointments/%s" % mine[0]["id"], "delete").status_code == 200
    r = aapi(server, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": free[27]})
    assert r.status_code == 201, r.text
    # The provider books for the client past the limit.
    r = aapi(server, ptok, "/api/v1/kring/appointments", "post",
             data={"provider_id": prov, "start": free[28], "client_id": cid})
    assert r.status_code == 201, r.text
    # Another provider is another calendar.
    _, _, prov2 = professional(server, EVERY_DAY + " slot=15 vooraf=0")
    st = slots(server, prov2, days=3)[0]["start"]
    assert aapi(server, tok, "/api/v1/kring/appointments", "post",
                data={"provider_id": prov2, "start": st}).status_code == 201


# ---- webcare reads only what the organisation may read ----

def test_webcare_inbox_holds_no_followers_only_post_the_org_may_not_read(server, admin, bob, carol):
    """A followers-only reply to an organisation's post (the organisation
    not following, not named) and a followers-only post in an open group it
    moderates are for the writer's followers: not for the organisation's
    inbox either.  A followers-only post that names it is (it may read
    that)."""
    from test_webcare import make_org, staff_of, inbox
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    w = uniq("w")
    pid = nurse.new_post("Nieuws van ons %sorgpost" % w, **{"as": org})
    bob.new_post("Alleen voor mijn volgers %sstilreply" % w, visibility="followers", in_reply_to=str(pid))
    g = uniq("kring")
    server.cli("group", "add", g, "--kind", "open", "--owner", carol.name)
    server.cli("group", "member", "add", g, org, "--role", "moderator")
    server.cli("group", "member", "add", g, bob.name)
    gid = re.search(r'name="group_id" value="(\d+)"', bob.get("/g/" + g).text).group(1)
    bob.new_post("Volgers in de kring %sstilgroup" % w, visibility="followers", group_id=gid)
    bob.new_post("@%s voor volgers en u %sgenoemd" % (org, w), visibility="followers")
    page = inbox(nurse, org, "?status=all")
    assert w + "genoemd" in page
    assert w + "stilreply" not in page and w + "stilgroup" not in page, page
    # The nurse cannot read those posts as the organisation elsewhere either.
    tl = nurse.get("/@" + bob.name).text
    assert w + "stilreply" not in tl


def test_webcare_inbox_holds_nothing_across_a_block(server, admin, bob, carol):
    """A block either way hides posts (core_post_visible): the inbox too."""
    from test_webcare import make_org, staff_of, inbox
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    w = uniq("w")
    btok = token(server, bob.name, "read write follow")
    oid = api(server, None, "/api/v1/accounts/lookup?acct=" + org).json()["id"]
    r = api(server, btok, "/api/v1/accounts/%s/block" % oid, "post")
    assert r.status_code == 200, r.text
    bob.new_post("@%s ik heb u geblokkeerd %sblok" % (org, w))
    # (a reply to its post is refused already: 404)
    carol.new_post("@%s niet geblokkeerd %sopen" % (org, w))
    page = inbox(nurse, org, "?status=all")
    assert w + "open" in page
    assert w + "blok" not in page, page


def _epoch(iso_text):
    import datetime
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ" if "." in iso_text else "%Y-%m-%dT%H:%M:%SZ"
    return int(datetime.datetime.strptime(iso_text, fmt).replace(tzinfo=datetime.timezone.utc).timestamp())


def test_a_blocked_client_cannot_book(server):
    """A care provider who blocked someone is not booked by them (API and
    page); the provider's staff still can, for that client."""
    from test_appointments import EVERY_DAY, client, professional, slots
    from test_appointments import api as aapi
    pro, ptok, prov = professional(server, EVERY_DAY + " slot=15 vooraf=0")
    name, tok, cid = client(server)
    r = aapi(server, ptok, "/api/v1/accounts/%s/block" % cid, "post")
    assert r.status_code == 200, r.text
    free = [f["start"] for f in slots(server, prov, days=3)]
    r = aapi(server, tok, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": free[0]})
    assert r.status_code == 404, r.text
    page = server.login(name)
    page.get("/afspraken/%s" % pro.name)
    r = page.post("/afspraken/%s" % pro.name, {"start": str(_epoch(free[3]))})
    assert r.status_code == 404, r.status_code
    # Blocking the provider works the same way.
    name2, tok2, cid2 = client(server)
    btok = token(server, name2, "read write follow")
    assert aapi(server, btok, "/api/v1/accounts/%s/block" % prov, "post").status_code == 200
    r = aapi(server, tok2, "/api/v1/kring/appointments", "post", data={"provider_id": prov, "start": free[1]})
    assert r.status_code == 404, r.text
    # The provider books for the blocked client (a decision the provider makes).
    r = aapi(server, ptok, "/api/v1/kring/appointments", "post",
             data={"provider_id": prov, "start": free[2], "client_id": cid})
    assert r.status_code == 201, r.text


def test_no_match_request_across_a_block(server):
    """A professional who blocked someone gets no like-request (with its
    message) from them; neither does one they blocked."""
    from test_match import SCOPES, pro
    from test_match import api as mapi
    p = pro(server, "angst", "Nederlands", uniq("regio"))
    name = server.add_user(uniq("cli"))
    tok = token(server, name, SCOPES + " follow")
    cid = mapi(server, tok, "/api/v1/accounts/verify_credentials").json()["id"]
    assert mapi(server, tok, "/api/v1/kring/match/%s/like" % p.id, "post").status_code == 200
    btok = token(server, p.name, "read write follow")
    assert mapi(server, btok, "/api/v1/accounts/%s/block" % cid, "post").status_code == 200
    r = mapi(server, tok, "/api/v1/kring/match/%s/request" % p.id, "post", data={"message": "Toch even dit"})
    assert r.status_code == 404, r.text
    assert mapi(server, p.tok, "/api/v1/kring/match/requests").json() == []
    # A like-request made before a block is not shown to the professional afterwards.
    p2 = pro(server, "angst", "Nederlands", uniq("regio"))
    assert mapi(server, tok, "/api/v1/kring/match/%s/like" % p2.id, "post").status_code == 200
    assert mapi(server, tok, "/api/v1/kring/match/%s/request" % p2.id, "post").status_code == 200
    assert len(mapi(server, p2.tok, "/api/v1/kring/match/requests").json()) == 1
    assert mapi(server, tok, "/api/v1/accounts/%s/block" % p2.id, "post").status_code == 200
    assert mapi(server, p2.tok, "/api/v1/kring/match/requests").json() == []


def test_outsider_following_a_closed_group_session_hears_nothing(server):
    pc, member, mtok, sid, gid, q, word = _group_session(server, "closed")
    outsider = server.new_user(prefix="buiten")
    otok = token(server, outsider.name)
    assert api(server, otok, "/api/v1/kring/consult/sessions/%s/follow" % sid, "post").status_code == 200
    _, ptok = pc, token(server, pc.name)
    q2 = ask(server, mtok, sid, "Nog een vraag, %s?" % word)
    answer(server, ptok, q2["id"], "Nog een antwoord.")
    notes = api(server, otok, "/api/v1/notifications").json()
    assert not [n for n in notes if n["type"] == "kring_consult"], notes
