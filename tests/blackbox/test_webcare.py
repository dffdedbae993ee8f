"""Webcare (issue 17, the inbox): items from inside kring (mentions, replies,
posts in the organisation's groups, direct messages) and from outside (the
CLI's `kring webcare ingest`), idempotent; privacy (another organisation's
staff and outsiders get 404); rules; statuses; notes; answering with
templates; assignment within a team."""
import html
import re

import requests

from conftest import PASSWORD, uniq


def make_org(server, admin, display="Thuiszorg De Linde"):
    org = uniq("org")
    r = admin.post("/admin/orgs", {"username": org, "display_name": display})
    assert r.status_code == 303, r.text[:400]
    r = admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "ignore": ""})
    assert r.status_code == 303, r.text[:300]
    return org


def staff_of(server, org):
    c = server.new_user(prefix="mw")
    server.cli("org", "staff", org, c.name)
    return c


def item_ids(page, org):
    return [int(x) for x in re.findall(r'href="/webcare/%s/items/(\d+)"' % org, page)]


def inbox(client, org, query=""):
    r = client.get("/webcare/%s%s" % (org, query))
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return r.text


def wait_item(client, org, needle, tries=20):
    """The item whose excerpt holds needle (it is there at once: bounded retry for slow builds)."""
    import time
    for _ in range(tries):
        page = inbox(client, org, "?status=all")
        for m in re.finditer(r'<li class="card">(.*?)</li>', page, re.S):
            if needle in html.unescape(m.group(1)):
                return int(re.search(r'/items/(\d+)"', m.group(1)).group(1))
        time.sleep(0.05)
    return None


def ingest(server, org, key, text, *extra, author="Jan Jansen"):
    r = server.cli("webcare", "ingest", org, "rss", key, text, *extra, "--display-name", author)
    m = re.search(r"(new|known) item (\d+)", r.stdout)
    assert m, r.stdout
    return m.group(1), int(m.group(2))


def test_inside_sources_reach_only_their_inbox(server, admin, bob, carol):
    org = make_org(server, admin)
    org2 = make_org(server, admin, "Zorggroep Anders")
    nurse = staff_of(server, org)
    nurse2 = staff_of(server, org2)
    w = uniq("w")
    # A mention.
    bob.new_post("@%s waarom duurt het zo lang %smention" % (org, w))
    # A reply to the organisation's post.
    pid = nurse.new_post("Nieuws van ons %sorgpost" % w, **{"as": org})
    bob.new_post("Goed bericht %sreply" % w, in_reply_to=str(pid))
    # A direct message to the organisation.
    bob.new_post("@%s privé vraag %sdm" % (org, w), visibility="direct")
    # A post in an open group the organisation moderates.
    g = uniq("kring")
    server.cli("group", "add", g, "--kind", "open", "--owner", carol.name)
    server.cli("group", "member", "add", g, org, "--role", "moderator")
    server.cli("group", "member", "add", g, bob.name)
    gid = re.search(r'name="group_id" value="(\d+)"', bob.get("/g/" + g).text).group(1)
    bob.new_post("In de kring %sgroup" % w, group_id=gid)
    # A closed group of the other organisation: a mention of org there stays there.
    g2 = uniq("dicht")
    server.cli("group", "add", g2, "--kind", "closed", "--owner", carol.name)
    server.cli("group", "member", "add", g2, org2, "--role", "moderator")
    server.cli("group", "member", "add", g2, bob.name)
    gid2 = re.search(r'name="group_id" value="(\d+)"', bob.get("/g/" + g2).text).group(1)
    bob.new_post("@%s binnen de dichte kring %sclosed" % (org, w), group_id=gid2)

    for suffix, kind in (("mention", "Noemt de organisatie"), ("reply", "Reactie op een bericht"),
                         ("dm", "Privébericht"), ("group", "Bericht in een kring")):
        iid = wait_item(nurse, org, w + suffix)
        assert iid, suffix
        page = nurse.get("/webcare/%s/items/%d" % (org, iid)).text
        assert kind in html.unescape(page), suffix
        # Not in the other organisation's inbox.
        assert wait_item(nurse2, org2, w + suffix, tries=1) is None, suffix
        # The other organisation's staff, an outsider: 404, as if nothing were there.
        assert nurse2.get("/webcare/%s/items/%d" % (org, iid)).status_code == 404
        assert bob.get("/webcare/%s/items/%d" % (org, iid)).status_code == 404
        assert nurse2.get("/webcare/%s/items/%d" % (org2, iid)).status_code == 404
    assert wait_item(nurse, org, w + "closed", tries=1) is None
    assert wait_item(nurse2, org2, w + "closed")
    # The organisation's own post is not an item.
    assert wait_item(nurse, org, w + "orgpost", tries=1) is None
    for who in (nurse2, bob, carol):
        assert who.get("/webcare/" + org).status_code == 404
        assert who.get("/webcare/%s/settings" % org).status_code == 404
    r = server.client().get("/webcare/" + org, allow_redirects=False)
    assert r.status_code in (302, 303, 401)
    # A deleted post leaves the inbox.
    iid = wait_item(nurse, org, w + "mention")
    mid = [p for p in re.findall(r'/posts/(\d+)', nurse.get("/webcare/%s/items/%d" % (org, iid)).text)][0]
    assert bob.post("/posts/%s/delete" % mid).status_code == 303
    assert nurse.get("/webcare/%s/items/%d" % (org, iid)).status_code == 404


def test_staff_named_in_public_reach_their_organisation(server, admin, bob, carol):
    """A post naming one of the organisation's staff is its business too, but
    only where it is said in public: not a private message, not a closed
    group, not colleagues among themselves, not a followers-only post the
    organisation cannot read; one post is one item."""
    org = make_org(server, admin)
    org2 = make_org(server, admin, "Zorggroep Anders")
    nurse = staff_of(server, org)
    colleague = staff_of(server, org)
    other = staff_of(server, org2)
    w = uniq("w")
    bob.new_post("@%s bedankt voor gisteren, echt fijn geholpen %spublic" % (nurse.name, w))
    bob.new_post("@%s mag ik je iets vragen %sdirect" % (nurse.name, w), visibility="direct")
    bob.new_post("@%s alleen voor volgers %sfollowers" % (nurse.name, w), visibility="followers")
    colleague.new_post("@%s neem jij de late dienst? %scolleague" % (nurse.name, w))
    bob.new_post("@%s @%s allebei genoemd %sboth" % (org, nurse.name, w))
    g = uniq("dicht")
    server.cli("group", "add", g, "--kind", "closed", "--owner", carol.name)
    server.cli("group", "member", "add", g, bob.name)
    gid = re.search(r'name="group_id" value="(\d+)"', bob.get("/g/" + g).text).group(1)
    bob.new_post("@%s in de dichte kring %sclosed" % (nurse.name, w), group_id=gid)

    iid = wait_item(nurse, org, w + "public")
    assert iid
    page = html.unescape(nurse.get("/webcare/%s/items/%d" % (org, iid)).text)
    assert "Noemt een medewerker" in page and nurse.name in page
    # the other organisation's inbox and people: nothing, 404
    assert wait_item(other, org2, w + "public", tries=1) is None
    assert other.get("/webcare/%s/items/%d" % (org, iid)).status_code == 404
    for suffix in ("direct", "followers", "colleague", "closed"):
        assert wait_item(nurse, org, w + suffix, tries=1) is None, suffix
    # named together with the organisation: one item, a mention of the organisation
    both = inbox(nurse, org, "?status=all")
    cards = [m.group(1) for m in re.finditer(r'<li class="card">(.*?)</li>', both, re.S)
             if w + "both" in html.unescape(m.group(1))]
    assert len(cards) == 1 and "Noemt de organisatie" in html.unescape(cards[0])
    # a post in an open group (not the organisation's) is public: it comes in
    g2 = uniq("open")
    server.cli("group", "add", g2, "--kind", "open", "--owner", carol.name)
    server.cli("group", "member", "add", g2, bob.name)
    gid2 = re.search(r'name="group_id" value="(\d+)"', bob.get("/g/" + g2).text).group(1)
    bob.new_post("@%s in de open kring %sopengroup" % (nurse.name, w), group_id=gid2)
    assert wait_item(nurse, org, w + "opengroup")
    # nothing across a block: bob blocks the organisation, then names its nurse
    from test_stream_audience import token
    btok = token(server, bob.name, "read write follow")
    oid = requests.get(server.base + "/api/v1/accounts/lookup?acct=" + org, timeout=10).json()["id"]
    r = requests.post(server.base + "/api/v1/accounts/%s/block" % oid,
                      headers={"Authorization": "Bearer " + btok}, timeout=10)
    assert r.status_code == 200, r.text
    bob.new_post("@%s na de blokkade %sblocked" % (nurse.name, w))
    assert wait_item(nurse, org, w + "blocked", tries=1) is None
    # a deleted post leaves the inbox
    mid = re.findall(r"/posts/(\d+)", nurse.get("/webcare/%s/items/%d" % (org, iid)).text)[0]
    assert bob.post("/posts/%s/delete" % mid).status_code == 303
    assert nurse.get("/webcare/%s/items/%d" % (org, iid)).status_code == 404


def test_outside_ingest_idempotent(server, admin):
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    key = uniq("guid")
    a, id1 = ingest(server, org, key, "Nieuwsbericht over de thuiszorg", "https://nieuws.example/1", "Kop")
    b, id2 = ingest(server, org, key, "Nieuwsbericht over de thuiszorg", "https://nieuws.example/1", "Kop")
    assert (a, b) == ("new", "known") and id1 == id2
    page = inbox(nurse, org)
    assert item_ids(page, org).count(id1) == 1
    # Bad input is refused by the command line, not stored.
    r = server.cli("webcare", "ingest", org, "kring", uniq("k"), "tekst", check=False)
    assert r.returncode != 0
    r = server.cli("webcare", "ingest", org, "rss", uniq("k"), "tekst", "javascript:alert(1)", check=False)
    assert r.returncode != 0


def test_rules_set_topic_and_priority(server, admin):
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    r = nurse.post("/webcare/%s/settings/rule" % org, {
        "name": "Klachten", "expr": "(klacht OF \"lange wachttijd\") EN NIET #test", "topic": "klachten",
        "priority": "2", "team": "0"})
    assert r.status_code == 303, r.text[:500]
    r = nurse.post("/webcare/%s/settings/rule" % org, {"name": "Fout", "expr": "(klacht", "topic": "x",
                                                        "priority": "0", "team": "0"})
    assert r.status_code == 400 and 'class="error"' in r.text
    _, hit = ingest(server, org, uniq("g"), "Ik heb twee klachten over de avonddienst")
    _, hit2 = ingest(server, org, uniq("g"), "Weer een lange wachttijd vandaag")
    _, miss = ingest(server, org, uniq("g"), "Een klacht #test")
    page = inbox(nurse, org, "?topic=klachten")
    ids = item_ids(page, org)
    assert hit in ids and hit2 in ids and miss not in ids
    assert "Hoog" in page
    # Priority sorts: the rule's items come before a plain one (oldest first otherwise).
    ids = item_ids(inbox(nurse, org), org)
    assert ids.index(hit) < ids.index(miss)


def test_statuses_notes_history(server, admin):
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    _, iid = ingest(server, org, uniq("g"), "Hoe laat komt de wijkverpleging?")
    base = "/webcare/%s/items/%d" % (org, iid)
    assert nurse.post(base + "/note", {"note": "Eerst de planning bellen"}).status_code == 303
    assert nurse.post(base + "/status", {"status": "pending"}).status_code == 400  # no date
    assert nurse.post(base + "/status", {"status": "pending", "until": "2099-01-01"}).status_code == 400  # too far
    assert nurse.post(base + "/status", {"status": "bogus"}).status_code == 400
    import datetime
    d = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    assert nurse.post(base + "/status", {"status": "pending", "until": d}).status_code == 303
    assert iid in item_ids(inbox(nurse, org, "?status=pending"), org)
    assert nurse.post(base + "/status", {"status": "closed"}).status_code == 303
    assert iid not in item_ids(inbox(nurse, org), org)  # open items only by default
    assert iid in item_ids(inbox(nurse, org, "?status=closed"), org)
    page = html.unescape(nurse.get(base).text)
    assert "Eerst de planning bellen" in page
    assert "Wacht tot later" in page and "Afgesloten" in page
    # Another organisation's staff cannot change it.
    org2 = make_org(server, admin)
    other = staff_of(server, org2)
    assert other.post(base + "/note", {"note": "x"}).status_code == 404
    assert other.post("/webcare/%s/items/%d/status" % (org2, iid), {"status": "closed"}).status_code == 404


def test_answering_templates_and_same_text_warning(server, admin, bob, carol):
    org = make_org(server, admin, "Thuiszorg Zon")
    nurse = staff_of(server, org)
    w = uniq("w")
    bob.new_post("@%s mijn moeder wacht al een uur %sa" % (org, w), visibility="direct")
    carol.new_post("@%s de zorg was goed %sb" % (org, w))
    i1 = wait_item(nurse, org, w + "a")
    i2 = wait_item(nurse, org, w + "b")
    r = nurse.post("/webcare/%s/settings/template" % org, {
        "name": "Dank", "body": "Beste {naam}, dank voor uw bericht. Groet, {medewerker} ({afdeling})"})
    assert r.status_code == 303
    tid = re.search(r'<option value="(\d+)"[^>]*>Dank<', nurse.get("/webcare/%s/items/%d" % (org, i1)).text).group(1)
    # Unfilled fields are refused.
    r = nurse.post("/webcare/%s/items/%d/answer" % (org, i1), {"text": "Beste {naam}, dank!", "as": "org"})
    assert r.status_code == 400 and "{naam}" in html.unescape(r.text)
    # The template, filled in for this person; {afdeling} has no team: filled by hand.
    page = html.unescape(nurse.get("/webcare/%s/items/%d?template=%s" % (org, i1, tid)).text)
    filled = re.search(r'<textarea id="wc-answer"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "{naam}" not in filled and "{afdeling}" in filled
    text = filled.replace("{afdeling}", "wijkteam")
    r = nurse.post("/webcare/%s/items/%d/answer" % (org, i1), {"text": text, "as": "org"})
    assert r.status_code == 303, r.text[:600]
    page = html.unescape(nurse.get("/webcare/%s/items/%d" % (org, i1)).text)
    assert "Beantwoord namens de organisatie" in page and "Status: Beantwoord" in page
    # The answer is a direct reply: bob sees it in his conversation, carol does not.
    assert bob.unread() >= 1
    # The same text to someone else warns; confirming sends it.
    r = nurse.post("/webcare/%s/items/%d/answer" % (org, i2), {"text": text, "as": "org"})
    assert r.status_code == 409 and 'name="confirm_same"' in r.text
    r = nurse.post("/webcare/%s/items/%d/answer" % (org, i2), {"text": text, "as": "self", "confirm_same": "1"})
    assert r.status_code == 303
    assert "Beantwoord als zichzelf" in html.unescape(nurse.get("/webcare/%s/items/%d" % (org, i2)).text)
    # The privacy guard reads every answer.
    bob.new_post("@%s vraag %sc" % (org, w), visibility="direct")
    i3 = wait_item(nurse, org, w + "c")
    r = nurse.post("/webcare/%s/items/%d/answer" % (org, i3),
                   {"text": "Mevrouw Jansen (BSN 123456782) krijgt morgen bezoek.", "as": "org"})
    assert r.status_code == 422, r.status_code
    # An outside item is answered with a public post that links it.
    _, i4 = ingest(server, org, uniq("g"), "Artikel over de zorg", "https://nieuws.example/a")
    r = nurse.post("/webcare/%s/items/%d/answer" % (org, i4), {"text": "Wij reageren graag %sd" % w, "as": "org"})
    assert r.status_code == 303
    # (the page shows an organisation's links through its first-party
    # click counter, /l/..., so look for the address as written)
    page = nurse.get("/@" + org).text
    assert "nieuws.example/a" in page and "Wij reageren graag" in page


def test_assignment_cap_queue_and_reassign(server, admin):
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    n1 = staff_of(server, org)
    n2 = staff_of(server, org)
    r = nurse.post("/webcare/%s/settings/team" % org, {"name": "Wijkteam", "topics": "zorg"})
    assert r.status_code == 303
    page = nurse.get("/webcare/%s/settings" % org).text
    team = re.search(r'name="team" value="(\d+)"', page).group(1)
    ids = {}
    for c in (n1, n2):
        ids[c.name] = re.search(r'<option value="(\d+)">[^<]*%s' % c.name, page) or None
    # member ids: from the staff select
    staff = dict((html.unescape(name), v) for v, name in re.findall(r'<option value="(\d+)">([^<]*)</option>', page))
    p1 = [v for k, v in staff.items() if n1.name in k][0]
    p2 = [v for k, v in staff.items() if n2.name in k][0]
    for p in (p1, p2):
        r = nurse.post("/webcare/%s/settings/member" % org, {"team": team, "person": p, "available": "1", "cap": "1"})
        assert r.status_code == 303, r.text[:400]
    # One team: every item is the team's.  Two fit, the third waits.
    items = [ingest(server, org, uniq("g"), "Vraag nummer %d" % i)[1] for i in range(4)]
    pages = [html.unescape(nurse.get("/webcare/%s/items/%d" % (org, i)).text) for i in items]
    holders = [re.search(r"Bij: ([^<·]+)", p) for p in pages]
    assert holders[0] and holders[1] and not holders[2] and not holders[3]
    assert {holders[0].group(1).strip(), holders[1].group(1).strip()} == {n1.name, n2.name}
    # First come, first served: when one is done, the waiting item goes to them.
    done = 0 if n1.name in holders[0].group(1) else 1
    r = nurse.post("/webcare/%s/items/%d/status" % (org, items[done]), {"status": "closed"})
    assert r.status_code == 303
    page = html.unescape(nurse.get("/webcare/%s/items/%d" % (org, items[2])).text)
    assert "Bij: " + (n1.name if done == 0 else n2.name) in page
    assert "Bij: " not in html.unescape(nurse.get("/webcare/%s/items/%d" % (org, items[3])).text)
    # Manual re-assignment, and back to the queue.
    r = nurse.post("/webcare/%s/items/%d/assign" % (org, items[2]), {"person": p2})
    assert r.status_code == 303
    assert "Bij: " + n2.name in html.unescape(nurse.get("/webcare/%s/items/%d" % (org, items[2])).text)
    # Not to someone outside the organisation.
    assert nurse.post("/webcare/%s/items/%d/assign" % (org, items[2]), {"person": "12345"}).status_code == 400
    # Someone unavailable gets nothing; available again, the queue moves.
    r = nurse.post("/webcare/%s/settings/member" % org, {"team": team, "person": p1, "cap": "1"})
    assert r.status_code == 303
    extra = ingest(server, org, uniq("g"), "Nog een vraag")[1]
    assert "Bij: " not in html.unescape(nurse.get("/webcare/%s/items/%d" % (org, extra)).text)
    r = nurse.post("/webcare/%s/settings/member" % org, {"team": team, "person": p1, "available": "1", "cap": "2"})
    assert r.status_code == 303
    assert "Bij: " + n1.name in html.unescape(nurse.get("/webcare/%s/items/%d" % (org, extra)).text)
    # Opening hours with split shifts and a holiday are kept.
    r = nurse.post("/webcare/%s/settings/hours" % org, {
        "team": team, "hours": "maandag 09:00-12:30\nmaandag 13:30-17:00\nvrijdag 09:00-12:00",
        "holidays": "2026-12-25\n"})
    assert r.status_code == 303, r.text[:300]
    page = nurse.get("/webcare/%s/settings" % org).text
    assert "maandag 13:30-17:00" in page and "2026-12-25" in page
    r = nurse.post("/webcare/%s/settings/hours" % org, {"team": team, "hours": "maandag 12:00-11:00"})
    assert r.status_code == 400


def api_token(server, name, scopes="read:webcare write:webcare"):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "webcare", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": scopes},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": scopes}, timeout=30)
    assert r.status_code == 200, r.text
    return {"Authorization": "Bearer " + r.json()["access_token"]}


def test_api_inbox_item_status_notes_assign_answer(server, admin, bob):
    org = make_org(server, admin)
    org2 = make_org(server, admin)
    nurse = staff_of(server, org)
    other = staff_of(server, org2)
    w = uniq("w")
    bob.new_post("@%s graag een terugbelverzoek %sapi" % (org, w), visibility="direct")
    h = api_token(server, nurse.name)
    base = server.base + "/api/v1/kring/webcare/" + org
    items = requests.get(base + "/items", headers=h, timeout=10).json()
    mine = [i for i in items if w + "api" in i["text"]]
    assert len(mine) == 1 and mine[0]["kind"] == "dm" and mine[0]["status"] == "new"
    iid = mine[0]["id"]
    # Privacy: another organisation's staff, an outsider, no token, a token without the scope.
    assert requests.get(base + "/items", headers=api_token(server, other.name), timeout=10).status_code == 404
    assert requests.get(base + "/items/" + iid, headers=api_token(server, other.name), timeout=10).status_code == 404
    assert requests.get(base + "/items/" + iid, headers=api_token(server, bob.name), timeout=10).status_code == 404
    assert requests.get(base + "/items", timeout=10).status_code == 401
    assert requests.get(base + "/items", headers=api_token(server, nurse.name, "read:statuses"),
                        timeout=10).status_code == 403
    assert requests.post(base + "/items/%s/notes" % iid, data={"text": "x"},
                         headers=api_token(server, nurse.name, "read:webcare"), timeout=10).status_code == 403
    r = requests.post(base + "/items/%s/notes" % iid, data={"text": "Terugbellen na de lunch"}, headers=h, timeout=10)
    assert r.status_code == 200 and r.json()["history"][-1]["note"] == "Terugbellen na de lunch"
    r = requests.post(base + "/items/%s/status" % iid, data={"status": "pending"}, headers=h, timeout=10)
    assert r.status_code == 422
    r = requests.post(base + "/items/%s/status" % iid, data={"status": "nonsense"}, headers=h, timeout=10)
    assert r.status_code == 422
    me = requests.get(server.base + "/api/v1/accounts/verify_credentials",
                      headers=api_token(server, nurse.name, "read"), timeout=10).json()
    r = requests.post(base + "/items/%s/assign" % iid, data={"account_id": me["id"]}, headers=h, timeout=10)
    assert r.status_code == 200 and r.json()["assignee_id"] == me["id"] and r.json()["status"] == "assigned"
    r = requests.post(base + "/items/%s/answer" % iid, data={"text": "Beste {naam}, wij bellen u."}, headers=h,
                      timeout=10)
    assert r.status_code == 422
    r = requests.post(base + "/items/%s/answer" % iid, data={"text": "Wij bellen u vanmiddag terug.", "as": "org"},
                      headers=h, timeout=10)
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["status"] == "answered" and got["first_answer_at"] and got["follow_up_at"]
    assert got["history"][-1]["action"] == "answer"
    r = requests.post(base + "/items/%s/status" % iid, data={"status": "closed"}, headers=h, timeout=10)
    assert r.status_code == 200 and r.json()["status"] == "closed"
    assert iid not in [i["id"] for i in requests.get(base + "/items", headers=h, timeout=10).json()]
    assert iid in [i["id"] for i in requests.get(base + "/items?status=closed", headers=h, timeout=10).json()]


def test_follow_up_reminder_reaches_the_assignee():
    """After an answer, the team's follow-up delay later, whoever holds the
    item is reminded to tell the person what was done (a notification).
    The test build counts a day as KRING_TEST_DAY_SECONDS seconds."""
    import os
    import time

    import pytest

    from conftest import KRING_BIN_SRC, Server
    if "build/test" not in KRING_BIN_SRC:
        pytest.skip("needs the test build (KRING_TEST_DAY_SECONDS)")
    srv = Server(env={"KRING_TEST_DAY_SECONDS": "1"}).start()
    try:
        admin = srv.login(srv.add_user(uniq("admin"), role="admin"))
        org = make_org(srv, admin)
        nurse = staff_of(srv, org)
        assert nurse.post("/webcare/%s/settings/team" % org, {"name": "Team", "followup_days": "1"}).status_code == 303
        # the nurse's phone hears it too (Web Push)
        from push_receiver import Keys, Receiver
        from test_push import subscribe, token as push_token
        rx = Receiver()
        keys = Keys()
        assert subscribe(srv, push_token(srv, nurse.name), rx.url("/nurse"), keys).status_code == 200
        _, iid = ingest(srv, org, uniq("g"), "Wanneer komt de hulp?")
        r = nurse.post("/webcare/%s/items/%d/answer" % (org, iid), {"text": "Morgen om tien uur.", "as": "org"})
        assert r.status_code == 303
        seen = False
        for _ in range(60):
            page = html.unescape(nurse.get("/notifications").text)
            if "laat de persoon weten wat er met het bericht gedaan is" in page:
                seen = True
                break
            time.sleep(0.25)
        assert seen
        assert "/webcare/%s?status=answered" % org in page
        assert "Herinnering" in html.unescape(nurse.get("/webcare/%s/items/%d" % (org, iid)).text)
        # apps: kring's own type, about no status (a Mastodon "mention" needs one)
        notes = requests.get(srv.base + "/api/v1/notifications",
                             headers={"Authorization": "Bearer " + push_token(srv, nurse.name)}, timeout=20).json()
        assert [n["type"] for n in notes] == ["kring_webcare_followup"], notes
        got = rx.next()
        assert got, "no push"
        p = keys.decrypt(got[1], got[2])
        assert p["notification_type"] == "kring_webcare_followup", p
        assert p["title"] == "Tijd om terug te koppelen voor Thuiszorg De Linde", p
        rx.close()
    finally:
        srv.stop()
        srv.cleanup()


def test_staff_who_leave_hand_their_items_back(server, admin):
    """Removing someone from the organisation's staff hands their open items
    back to the team's queue, which gives them to whoever has room: never
    lost with someone who can no longer see them."""
    org = make_org(server, admin)
    nurse = staff_of(server, org)
    n1 = staff_of(server, org)
    n2 = staff_of(server, org)
    assert nurse.post("/webcare/%s/settings/team" % org, {"name": "Team"}).status_code == 303
    page = nurse.get("/webcare/%s/settings" % org).text
    team = re.search(r'name="team" value="(\d+)"', page).group(1)
    staff = dict((html.unescape(name), v) for v, name in re.findall(r'<option value="(\d+)">([^<]*)</option>', page))
    p1 = [v for k, v in staff.items() if n1.name in k][0]
    p2 = [v for k, v in staff.items() if n2.name in k][0]
    assert nurse.post("/webcare/%s/settings/member" % org,
                      {"team": team, "person": p1, "available": "1", "cap": "5"}).status_code == 303
    items = [ingest(server, org, uniq("g"), "Vraag %d" % i)[1] for i in range(2)]
    for i in items:
        assert "Bij: " + n1.name in html.unescape(nurse.get("/webcare/%s/items/%d" % (org, i)).text)
    # n2 joins the team (with room), then n1 leaves the organisation.
    assert nurse.post("/webcare/%s/settings/member" % org,
                      {"team": team, "person": p2, "available": "1", "cap": "5"}).status_code == 303
    assert admin.post("/admin/orgs/%s/staff/%s/remove" % (org, n1.name)).status_code == 303
    for i in items:
        page = html.unescape(nurse.get("/webcare/%s/items/%d" % (org, i)).text)
        assert "Bij: " + n2.name in page, page[:2000]
    assert n1.get("/webcare/" + org).status_code == 404
