"""Issue 13 #5 and #7: what people typed is never lost, and a client's post
defaults to her followers.

On every refusal of the compose form (empty text, too long, private without
a recipient, an unknown recipient, a file too big or of the wrong type, a
stale form) the same page comes back (home, thread, group, edit) with the
text in the textarea and the problem beside the field; after accepting an
organisation's guidelines the post goes on.  A client's new post (page and
API) defaults to followers; posts in a group are labelled with the group."""
import html
import os
import re
import subprocess
import tempfile

import requests

from conftest import PASSWORD, uniq

TEXT = "Vandaag ben ik met mijn dochter naar het park geweest & het was fijn."
TMP = tempfile.mkdtemp(prefix="kring-drafts-")


def textarea(page, ident="text"):
    """The contents of the textarea with this id, unescaped, or None."""
    m = re.search(r'<textarea id="%s"[^>]*>(.*?)</textarea>' % ident, page, re.S)
    return html.unescape(m.group(1)) if m else None


def tag_of(page, ident):
    m = re.search(r'<(?:textarea|input|select) id="%s"[^>]*>' % ident, page)
    assert m, "no field %s" % ident
    return m.group(0)


def assert_form_back(r, field="text", text=TEXT, status=None):
    """The compose form came back: 4xx, the text kept, the field marked, an alert."""
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    if status:
        assert r.status_code == status, r.status_code
    page = r.text
    assert "Naar de startpagina" not in page, "the generic error page, not the form"
    if text is not None:
        assert textarea(page) == text, textarea(page)
    tag = tag_of(page, field)
    assert 'aria-invalid="true"' in tag, tag
    m = re.search(r'aria-describedby="([^"]*)"', tag)
    assert m, tag
    err_id = m.group(1).split()[0]
    assert re.search(r'id="%s"[^>]*>[^<]+' % err_id, page), "no message beside the field"
    assert 'role="alert"' in page
    return page


def test_empty_text_comes_back_on_home(alice):
    r = alice.post("/posts", {"text": "   \n ", "visibility": "followers"})
    page = assert_form_back(r, text=None, status=400)
    assert "Schrijf eerst" in page
    assert "Uw tijdlijn" in page


def test_private_without_recipient_keeps_text_and_choice(alice):
    r = alice.post("/posts", {"text": TEXT, "visibility": "direct", "to": ""})
    page = assert_form_back(r, field="to")
    assert re.search(r'<option value="direct" selected>', page)
    assert "Aan wie" in page


def test_unknown_recipient_keeps_text_and_name(alice):
    r = alice.post("/posts", {"text": TEXT, "visibility": "direct", "to": "@bestaat_echt_niet"})
    # From the start page: the message form, where "Aan" is chosen (422).
    page = assert_form_back(r, field="to", status=422)
    assert 'value="@bestaat_echt_niet"' in tag_of(page, "to")
    assert "bestaat_echt_niet" in page


def test_too_long_keeps_text(alice):
    long = "a" * 5001
    r = alice.post("/posts", {"text": long, "visibility": "public"})
    page = assert_form_back(r, text=long, status=413)
    assert "5000" in page


def _png():
    path = os.path.join(TMP, uniq("p") + ".png")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=60x40", "-frames:v", "1",
                    "-f", "image2", "-c:v", "png", path], check=True, capture_output=True, timeout=60)
    with open(path, "rb") as f:
        return f.read()


def test_wrong_file_type_keeps_text(alice):
    data = {"text": TEXT, "visibility": "followers", "csrf": alice.ensure_csrf()}
    r = alice.s.post(alice.url("/posts"), data=data, allow_redirects=False,
                     files=[("media", ("brief.pdf", b"%PDF-1.4 nothing here", "application/pdf"))])
    page = assert_form_back(r, field="media", status=400)
    assert "opnieuw" in page and "kies" in page.lower()
    assert re.search(r'<option value="followers" selected>', page)


def test_file_too_big_keeps_text_and_the_photo_already_added(alice):
    good = _png()
    big = good + b"\0" * (13 * 1024 * 1024)
    data = {"text": TEXT, "visibility": "public", "alt1": "Een testbeeld", "csrf": alice.ensure_csrf()}
    r = alice.s.post(alice.url("/posts"), data=data, allow_redirects=False,
                     files=[("media", ("goed.png", good, "image/png")), ("media", ("groot.png", big, "image/png"))])
    page = assert_form_back(r, field="media", status=413)
    assert "te groot" in page
    # The first photo is kept: it comes back as a media_id and posts with the text.
    kept = re.findall(r'name="media_id" value="(\d+)"', page)
    assert len(kept) == 1, kept
    r = alice.post("/posts", {"text": TEXT, "visibility": "public", "media_id": kept[0]})
    assert r.status_code == 303, (r.status_code, r.text[:300])
    post = alice.get(r.headers["Location"]).text
    assert 'class="media-item"' in post


def test_reply_error_comes_back_on_the_thread(alice, bob):
    pid = bob.new_post("Wie gaat er zaterdag mee wandelen?", visibility="public")
    r = alice.post("/posts", {"text": TEXT, "visibility": "direct", "in_reply_to": str(pid), "to": "@niemand_hier"})
    page = assert_form_back(r, field="to", status=404)
    assert 'name="in_reply_to" value="%d"' % pid in page
    assert "Wie gaat er zaterdag mee wandelen?" in page


def test_group_error_comes_back_on_the_group_page(alice):
    name = uniq("k")
    r = alice.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": "closed", "premod": "none"})
    assert r.status_code == 303, r.text[:300]
    gid = re.search(r'name="group_id" value="(\d+)"', alice.get("/g/" + name).text).group(1)
    long = "b" * 5001
    r = alice.post("/posts", {"text": long, "visibility": "public", "group_id": gid})
    page = assert_form_back(r, text=long, status=413)
    assert 'name="group_id" value="%s"' % gid in page
    assert "Kring " + name in page


def test_edit_error_comes_back_on_the_edit_page(alice):
    pid = alice.new_post("Eerste versie", visibility="public")
    long = "c" * 5001
    r = alice.post("/posts/%d/edit" % pid, {"text": long})
    assert_form_back(r, text=long, status=413)
    r = alice.post("/posts/%d/edit" % pid, {"text": "  "})
    assert_form_back(r, text=None, status=400)


def test_stale_form_comes_back_with_a_fresh_token(alice):
    fresh = alice.ensure_csrf()
    r = alice.post("/posts", {"text": TEXT, "visibility": "followers"}, csrf="0" * 64)
    assert r.status_code == 403, r.status_code
    page = r.text
    assert "Naar de startpagina" not in page
    assert textarea(page) == TEXT
    assert 'name="csrf" value="%s"' % fresh in page
    assert "nog een keer" in page.lower() or "nog eens" in page.lower()
    assert re.search(r'<option value="followers" selected>', page)
    # Pressing again posts it.
    r = alice.post("/posts", {"text": TEXT, "visibility": "followers"}, csrf=fresh)
    assert r.status_code == 303


def test_stale_edit_form_comes_back(alice):
    pid = alice.new_post("Eerste versie", visibility="public")
    r = alice.post("/posts/%d/edit" % pid, {"text": "Tweede versie"}, csrf="0" * 64)
    assert r.status_code == 403
    assert textarea(r.text) == "Tweede versie"
    assert 'action="/posts/%d/edit"' % pid in r.text


def test_expired_session_keeps_the_text(server, alice):
    anon = server.client()
    anon.ensure_csrf()
    r = anon.post("/posts", {"text": TEXT, "visibility": "public"})
    assert r.status_code in (401, 403), r.status_code
    assert TEXT in html.unescape(r.text)
    assert "/login" in r.text


def test_guidelines_then_the_post_goes_on(server, admin):
    staff = server.new_user(prefix="stf")
    org = uniq("zorg")
    server.cli("org", "add", org, "--display-name", "Thuiszorg Test")
    server.cli("org", "staff", org, staff.name)
    admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0", "guidelines": "Ik deel niets over cliënten."})
    r = staff.post("/posts", {"text": "Onze open dag is zaterdag.", "visibility": "public", "as": org})
    assert r.status_code == 422 and "richtlijnen" in r.text.lower()
    form = re.search(r'<form method="post" action="/guidelines/[^"]*/accept".*?</form>', r.text, re.S).group(0)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    fields = {k: html.unescape(v) for k, v in fields.items()}
    assert fields.get("text") == "Onze open dag is zaterdag.", fields
    assert fields.get("as") == org
    r = staff.post("/guidelines/%s/accept" % org, fields, csrf=False)
    assert r.status_code == 303, (r.status_code, r.text[:300])
    assert re.match(r"^/posts/\d+", r.headers["Location"]), r.headers["Location"]
    page = staff.get(r.headers["Location"]).text
    assert "Onze open dag is zaterdag." in page and "Thuiszorg Test" in page


def _token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "drafts", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=30)
    assert r.status_code == 200, r.text
    return {"Authorization": "Bearer " + r.json()["access_token"]}


def test_client_defaults_to_followers(server, alice):
    page = alice.get("/").text
    assert re.search(r'<option value="followers" selected>', page), tag_of(page, "visibility")
    assert not re.search(r'<option value="public" selected>', page)
    h = _token(server, alice.name)
    r = requests.post(server.base + "/api/v1/statuses", data={"status": "Hallo allemaal"}, headers=h, timeout=10)
    assert r.status_code == 200, r.text
    assert r.json()["visibility"] == "private"
    me = requests.get(server.base + "/api/v1/accounts/verify_credentials", headers=h, timeout=10).json()
    assert me["source"]["privacy"] == "private"
    prefs = requests.get(server.base + "/api/v1/preferences", headers=h, timeout=10).json()
    assert prefs["posting:default:visibility"] == "private"
    # Asked for, public stays public.
    r = requests.post(server.base + "/api/v1/statuses", data={"status": "Voor iedereen", "visibility": "public"},
                      headers=h, timeout=10)
    assert r.json()["visibility"] == "public"


def test_professional_and_organisation_default_to_public(server):
    pro = server.new_user(prefix="pro")
    r = pro.post("/settings/profile", {"display_name": "Pro", "bio": "", "person_type": "professional"})
    assert r.status_code == 303, r.text[:300]
    page = pro.get("/").text
    assert re.search(r'<option value="public" selected>', page), tag_of(page, "visibility")
    h = _token(server, pro.name)
    prefs = requests.get(server.base + "/api/v1/preferences", headers=h, timeout=10).json()
    assert prefs["posting:default:visibility"] == "public"


def test_group_posts_are_labelled_with_the_group(alice):
    name = uniq("k")
    r = alice.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": "closed", "premod": "none"})
    assert r.status_code == 303
    gid = re.search(r'name="group_id" value="(\d+)"', alice.get("/g/" + name).text).group(1)
    r = alice.post("/posts", {"text": "Hallo kring", "visibility": "public", "group_id": gid})
    assert r.status_code == 303, r.text[:300]
    for path in (r.headers["Location"].split("?")[0], "/g/" + name, "/@" + alice.name):
        page = alice.get(path).text
        meta = re.findall(r'<p class="meta">.*?</p>', page, re.S)
        assert meta, path
        assert not any("Openbaar" in m for m in meta), (path, meta)
        assert any("In kring" in m and "Kring " + name in m for m in meta), (path, meta)


def test_api_default_in_a_group_is_the_group(server, alice, bob):
    """Without a visibility, a client's post into her group is for the group
    (not only for her followers in it)."""
    name = uniq("k")
    r = alice.post("/groups", {"name": name, "display_name": "Kring " + name, "description": "Lotgenoten",
                               "rules": "Wees aardig", "kind": "closed", "premod": "none"})
    assert r.status_code == 303
    server.cli("group", "member", "add", name, bob.name)
    h = _token(server, bob.name)
    r = requests.post(server.base + "/api/v1/statuses", data={"status": "@%s hallo allemaal" % name}, headers=h,
                      timeout=10)
    assert r.status_code == 200, r.text
    sid = r.json()["id"]
    assert alice.get("/posts/%s" % sid).status_code == 200  # a member who does not follow bob
    assert server.client().get("/posts/%s" % sid).status_code == 404
