"""Messaging a care provider, and staff hearing their organisation (issue 13 #4, #6).

- What is said to an organisation (a mention, a reply to its post, a
  message in its conversation, a like) reaches its staff: on
  /notifications, marked with the organisation, and through the API.
- "Berichten" shows how many conversations have new messages, the
  organisation's conversations included.
- "Aan" takes a display name: one fit is used, several give a choice,
  none gives the form back with the text kept and the problem beside "Aan".
- The conversation list names the partner, never the reader; staff answer
  as the organisation by default; a private message "stuurde u een bericht"."""
import html
import re

import requests

from conftest import PASSWORD, uniq


def token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "t", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"}, timeout=20).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=20)
    assert r.status_code == 200, r.text
    return {"Authorization": "Bearer " + r.json()["access_token"]}


def make_org(server, display):
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", display)
    # No think time: the answers are read at once.
    admin = server.login(server.add_user(uniq("admin"), role="admin"))
    r = admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0"})
    assert r.status_code == 303, r.text[:500]
    nurse = server.new_user(prefix="nurse")
    server.cli("org", "staff", org, nurse.name)
    return org, nurse


def messages_badge(c):
    m = re.search(r'class="badge messages">(\d+)', c.get("/local").text)
    return int(m.group(1)) if m else 0


def posted_id(r):
    assert r.status_code == 303, (r.status_code, r.text[:800])
    return int(re.search(r"/posts/(\d+)", r.headers["Location"]).group(1))


def test_staff_hear_what_is_said_to_their_organisation(server, alice):
    org, nurse = make_org(server, "Thuiszorg Hoorn " + uniq("x"))
    before = nurse.unread()
    # A public complaint naming the organisation.
    alice.new_post("@%s de zuster kwam weer niet" % org)
    # A reply to the organisation's post, and a like of it.
    pid = nurse.new_post("Wij zijn er ook in het weekend.", **{"as": org})
    alice.new_post("Fijn om te horen", in_reply_to=str(pid))
    assert alice.post("/posts/%d/fav" % pid, {}).status_code == 303
    assert nurse.unread() >= before + 3
    page = nurse.get("/notifications").text
    assert "de zuster kwam weer niet" in page
    assert "Fijn om te horen" in page
    # Marked with the organisation it is for.
    assert re.search(r'class="for-org">Voor uw organisatie <a href="/@%s">' % org, page), page[:3000]
    # And through the API, for the staff member's own token.
    h = token(server, nurse.name)
    v = requests.get(server.base + "/api/v1/notifications", headers=h, timeout=20).json()
    kinds = {n["type"] for n in v if n.get("kring_organisation", {}).get("username") == org}
    assert {"mention", "favourite"} <= kinds, v


def test_a_message_to_the_organisation_reaches_staff_and_berichten_counts_it(server, alice):
    display = "Thuiszorg Berichten " + uniq("x")
    org, nurse = make_org(server, display)
    assert messages_badge(nurse) == 0
    # The carer writes to the organisation by its display name.
    r = alice.post("/posts", {"text": "Mag mijn moeder morgen later gewassen worden?", "visibility": "direct",
                              "to": display})
    pid = posted_id(r)
    assert messages_badge(nurse) == 1
    assert messages_badge(alice) == 0  # her own message is not news to her
    page = nurse.get("/notifications").text
    assert "stuurde u een bericht" in page and "noemde u in een bericht" not in page
    # The nurse opens the conversation: read; "Plaatsen als" is the organisation.
    t = nurse.get("/posts/%d" % pid).text
    assert re.search(r'<option value="%s" selected>' % org, t), t
    # No handle is put in the answer's text.
    assert not re.search(r'<textarea id="text"[^>]*>@', t)
    assert messages_badge(nurse) == 0
    r = nurse.post("/posts", {"text": "Ja, dat kan om tien uur.", "visibility": "direct",
                              "in_reply_to": str(pid), "as": org})
    posted_id(r)
    # The carer sees one new conversation, named after the organisation.
    assert messages_badge(alice) == 1
    lst = alice.get("/messages").text
    li = re.search(r'<li class="unread">(.*?)</li>', lst, re.S).group(1)
    assert html.escape(display) in li and "<strong>%s</strong>" % html.escape(alice.name) not in li
    # The nurse's list names the carer, and says it is the organisation's.
    lst = nurse.get("/messages").text
    li = re.search(r'<ul class="conversations">\s*<li[^>]*>(.*?)</li>', lst, re.S).group(1)
    assert "<strong>%s</strong>" % alice.name in li and "(gesprek van " in li


def test_aan_by_display_name_choice_and_unknown(server, alice):
    tag = uniq("n").replace("_", "")
    server.cli("org", "add", uniq("orga"), "--display-name", "Wijkteam %s Noord" % tag)
    server.cli("org", "add", uniq("orgb"), "--display-name", "Wijkteam %s Zuid" % tag)
    text = "Wie helpt mij met de boodschappen?"
    # Several fit: a choice on the page, the text kept.
    r = alice.post("/posts", {"text": text, "visibility": "direct", "to": "Wijkteam %s" % tag})
    assert r.status_code == 422, r.status_code
    assert 'type="radio"' in r.text and "Noord" in r.text and "Zuid" in r.text and text in r.text
    choice = html.unescape(re.findall(r'name="to" value="([^"]*)"', r.text)[0])
    r = alice.post("/posts", {"text": text, "visibility": "direct", "to": choice})
    posted_id(r)
    # Nobody fits: the form again, the text kept, the problem beside "Aan".
    r = alice.post("/posts", {"text": text, "visibility": "direct", "to": "Niemand Bestaat " + tag})
    assert r.status_code == 422
    assert text in r.text and 'id="to-error"' in r.text and 'aria-invalid="true"' in r.text
    assert 'value="Niemand Bestaat %s"' % tag in r.text
    # A part of a name that fits one organisation is enough.
    r = alice.post("/posts", {"text": text, "visibility": "direct", "to": "%s Noord" % tag})
    posted_id(r)


def test_stuur_een_bericht_button(server, alice):
    org, nurse = make_org(server, "Thuiszorg Knop " + uniq("x"))
    page = alice.get("/@" + org).text
    m = re.search(r'<a class="btn" href="(/messages/new\?to=%s)">Stuur een bericht</a>' % org, page)
    assert m, page[:3000]
    form = alice.get(m.group(1))
    assert form.status_code == 200
    assert 'value="@%s"' % org in form.text and 'name="visibility" value="direct"' in form.text


def test_private_message_shows_recipients_apart_from_its_text(server, alice, bob):
    r = alice.post("/posts", {"text": "@%s Hoe gaat het met je moeder?" % bob.name, "visibility": "direct"})
    pid = posted_id(r)
    page = bob.get("/posts/%d" % pid).text
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    assert "Hoe gaat het met je moeder?" in body and "@" + bob.name not in body, body
    assert re.search(r'<p class="addressees">Aan: <a href="/@%s">' % bob.name, page), page
    # The conversation list shows the text without the handle too.
    lst = bob.get("/messages").text
    assert ": Hoe gaat het met je moeder?" in lst

