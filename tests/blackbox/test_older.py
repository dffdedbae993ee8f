"""What older clients need (issue 13, item 14): a directory of organisations,
professionals and groups ("Wie is er?"), polls on the pages, photos that appear
without a manual reload once processed, and a larger-text setting."""
import os
import re
import sqlite3
import subprocess
import tempfile

import pytest

from conftest import uniq

TMP = tempfile.mkdtemp(prefix="kring-older-")


def sql(srv, q):
    """Run q on the server's database (SQLite or PostgreSQL)."""
    if srv.db_url:
        from conftest import pg_db_name, pg_psql
        return pg_psql(q, db=pg_db_name(srv.data))
    db = sqlite3.connect(os.path.join(srv.data, "kring.db"), timeout=10)
    try:
        rows = list(db.execute(q))
        db.commit()
        return rows
    finally:
        db.close()


def professional(server, profession, expertise="", display=None):
    c = server.new_user(prefix="pro")
    r = c.post("/settings/profile", {
        "display_name": display or ("Zorgverlener " + c.name), "bio": "", "person_type": "professional",
        "profession": profession, "expertise": expertise, "languages": "Nederlands", "region": "Utrecht",
        "collections": "shown", "hold_seconds": "0", "dm_policy": "everyone"})
    assert r.status_code == 303, (r.status_code, r.text[:500])
    return c


def directory(c, q="", soort=""):
    r = c.get("/wie", params={"q": q, "soort": soort})
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return r.text


# ---- the directory ---------------------------------------------------------

def test_directory_finds_professionals_by_profession_and_expertise(server, alice):
    word = uniq("fysio")
    pro = professional(server, "Fysiotherapeut " + word, "knie en heup " + word + "x")
    # A client with the same word in her name is nobody's listing.
    client = server.new_user(prefix="cl")
    client.post("/settings/profile", {"display_name": "Mevrouw " + word, "bio": "", "person_type": "client",
                                      "collections": "hidden", "hold_seconds": "0", "dm_policy": "everyone"})
    t = directory(alice, word)
    assert "/@" + pro.name in t
    assert "Fysiotherapeut " + word in t
    assert "/@" + client.name not in t
    # By expertise, by name, in any case, and for visitors too.
    assert "/@" + pro.name in directory(alice, word.upper() + "X")
    assert "/@" + pro.name in directory(alice, pro.name)
    assert "/@" + pro.name in directory(server.client(), word)
    # Only organisations: the professional is not one.
    assert "/@" + pro.name not in directory(alice, word, "organisaties")
    assert "/@" + pro.name in directory(alice, word, "zorgverleners")


def test_directory_lists_organisations_and_links_their_page(server, alice):
    org = uniq("thuiszorg")
    server.cli("org", "add", org, "--display-name", "Thuiszorg " + org)
    t = directory(alice, org)
    assert 'href="/@%s"' % org in t and "Zorgorganisatie" in t
    assert alice.get("/@" + org).status_code == 200


def test_directory_never_shows_suspended_accounts(server, admin):
    word = uniq("ergo")
    pro = professional(server, "Ergotherapeut " + word)
    assert "/@" + pro.name in directory(admin, word)
    server.cli("user", "suspend", pro.name)
    # Not to visitors, not to members, not even to administrators.
    for c in (admin, server.client()):
        assert "/@" + pro.name not in directory(c, word)


def test_directory_groups_secret_never_closed_name_and_description(server, alice):
    word = uniq("lotgenoot")
    for kind in ("open", "closed", "secret"):
        r = alice.post("/groups", {"display_name": "Kring %s %s" % (kind, word), "name": uniq("g")[:20],
                                   "description": "Over %s en meer" % word, "rules": "Wees aardig",
                                   "kind": kind, "premod": "none"})
        assert r.status_code == 303, (r.status_code, r.text[:500])
    # Even the owner (a member) does not see the secret group listed.
    for c in (alice, server.new_user(), server.client()):
        t = directory(c, word)
        assert "Kring open " + word in t
        assert "Kring closed " + word in t
        assert "Kring secret " + word not in t
        assert "Wees aardig" not in t  # the rules stay on the group's page
    t = directory(alice, word, "kringen")
    assert "Kring closed " + word in t and "Over %s en meer" % word in t


def test_directory_is_linked_from_the_menu_and_bad_query_is_400(server, alice):
    assert 'href="/wie"' in alice.get("/").text
    assert 'href="/wie"' in server.client().get("/").text
    r = alice.get("/wie", params={"q": "x" * 500})
    assert r.status_code == 400 and "te lang" in r.text
    r = alice.get("/wie?q=%01%ff")
    assert r.status_code == 400 and "niet kunnen lezen" in r.text


# ---- polls on the pages ----------------------------------------------------

def poll_post(c, options=("Koffie", "Thee"), **extra):
    data = {"text": "Wat drinken we morgen? " + uniq("p"), "visibility": "public", "poll_duration": "86400"}
    for i, o in enumerate(options, 1):
        data["poll%d" % i] = o
    data.update(extra)
    return c.new_post(data.pop("text"), data.pop("visibility"), **data)


def test_compose_adds_a_poll_and_the_post_page_shows_a_form(server, alice, bob):
    pid = poll_post(alice, ("Koffie", "Thee", "Water"))
    t = bob.get("/posts/%d" % pid).text
    assert 'action="/posts/%d/vote"' % pid in t
    # One tap on an answer is the vote (no separate submit): each answer is
    # a button of the form, so it works without JavaScript and by keyboard.
    assert t.count('<button class="choice-btn" name="choice" value="') == 3
    assert 'type="radio"' not in t and ">Stemmen</button>" not in t
    assert "Koffie" in t and "Water" in t


def test_vote_via_page_then_results_and_double_vote_refused(server, alice, bob):
    pid = poll_post(alice)
    r = bob.post("/posts/%d/vote" % pid, {"choice": "1"})
    assert r.status_code == 303, (r.status_code, r.text[:500])
    t = bob.get("/posts/%d" % pid).text
    assert 'action="/posts/%d/vote"' % pid not in t  # results now, no form
    assert re.search(r"Thee</strong>: 100%", t), t
    assert "uw keuze" in t
    r = bob.post("/posts/%d/vote" % pid, {"choice": "0"})
    assert r.status_code == 409 and "al gestemd" in r.text
    assert re.search(r"Koffie</strong>: 0%", bob.get("/posts/%d" % pid).text)


def test_vote_invalid_choice_is_4xx(server, alice, bob):
    pid = poll_post(alice)
    for data in ({}, {"choice": "7"}, {"choice": "x"}, {"choice": ["0", "1"]}):
        r = bob.post("/posts/%d/vote" % pid, data)
        assert r.status_code == 400, (data, r.status_code)
        assert "Kies een van de antwoorden" in r.text
    # Nothing was counted: the form is still there.
    assert 'action="/posts/%d/vote"' % pid in bob.get("/posts/%d" % pid).text


def test_vote_on_closed_poll_refused_and_results_shown(server, alice, bob):
    pid = poll_post(alice)
    sql(server, "UPDATE polls SET expires_at = 1000 WHERE post_id = %d" % pid)
    t = bob.get("/posts/%d" % pid).text
    assert 'action="/posts/%d/vote"' % pid not in t and "gesloten" in t
    r = bob.post("/posts/%d/vote" % pid, {"choice": "0"})
    assert r.status_code == 409 and "gesloten" in r.text


def test_compose_poll_bad_input_keeps_what_was_typed(server, alice):
    r = alice.post("/posts", {"text": "Mijn vraag aan u", "visibility": "public", "poll1": "Alleen ik",
                              "poll_duration": "86400"})
    assert r.status_code == 400
    assert "minstens twee antwoorden" in r.text
    assert "Mijn vraag aan u" in r.text and 'value="Alleen ik"' in r.text
    r = alice.post("/posts", {"text": "x", "visibility": "public", "poll1": "a", "poll2": "b",
                              "poll_duration": "10"})
    assert r.status_code == 400


def test_multiple_choice_poll_uses_checkboxes(server, alice, bob):
    pid = poll_post(alice, ("Maandag", "Dinsdag"), poll_multiple="1")
    t = bob.get("/posts/%d" % pid).text
    assert t.count('type="checkbox" name="choice"') == 2
    r = bob.post("/posts/%d/vote" % pid, {"choice": ["0", "1"]})
    assert r.status_code == 303


# ---- photos that appear without a manual reload ----------------------------

def png():
    path = os.path.join(TMP, uniq("f") + ".png")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x100", "-frames:v", "1",
                    "-f", "image2", "-c:v", "png", path], check=True, timeout=60)
    with open(path, "rb") as f:
        return f.read()


def test_post_page_refreshes_while_photo_is_processed(server, alice):
    r = alice.post("/posts", {"text": "Een foto van de tuin", "visibility": "public", "alt0": "De tuin"},
                   files=[("media", ("tuin.png", png(), "image/png"))])
    assert r.status_code == 303, (r.status_code, r.text[:500])
    pid = int(re.match(r"^/posts/(\d+)", r.headers["Location"]).group(1))
    # Hold it in processing, as a slow photo would be.
    sql(server, "UPDATE media SET state = 0 WHERE id IN (SELECT media_id FROM post_media WHERE post_id = %d)" % pid)
    t = alice.get("/posts/%d" % pid).text
    assert re.search(r'<meta http-equiv="refresh" content="5; url=/posts/%d\?ververs=1">' % pid, t), t[:800]
    assert "Foto wordt verwerkt" in t and "Nu verversen" in t and "Niet vanzelf verversen" in t
    # It stops: when asked, and after a while.
    assert 'http-equiv="refresh"' not in alice.get("/posts/%d?ververs=uit" % pid).text
    assert 'http-equiv="refresh"' not in alice.get("/posts/%d?ververs=24" % pid).text
    sql(server, "UPDATE media SET state = 1 WHERE id IN (SELECT media_id FROM post_media WHERE post_id = %d)" % pid)
    t = alice.get("/posts/%d" % pid).text
    assert 'http-equiv="refresh"' not in t and "Foto wordt verwerkt" not in t


def test_post_page_without_media_does_not_refresh(server, alice):
    pid = alice.new_post("Zonder foto")
    assert 'http-equiv="refresh"' not in alice.get("/posts/%d" % pid).text


# ---- larger text -----------------------------------------------------------

def test_text_size_setting_on_the_account(server):
    c = server.new_user()
    assert 'class="tekst-' not in c.get("/").text
    r = c.post("/settings/text", {"text_size": "groot"})
    assert r.status_code == 303
    assert '<html lang="nl" class="tekst-groot">' in c.get("/").text
    assert 'value="groot" checked' in c.get("/settings").text
    # Stored on the account: another session has it too.
    other = server.login(c.name)
    assert 'class="tekst-groot"' in other.get("/local").text
    c.post("/settings/text", {"text_size": "extra-groot"})
    assert 'class="tekst-extra-groot"' in other.get("/local").text
    c.post("/settings/text", {"text_size": "normaal"})
    assert 'class="tekst-' not in other.get("/local").text
    r = c.post("/settings/text", {"text_size": "reuze"})
    assert r.status_code == 400


def test_text_size_for_visitors_in_a_cookie(server):
    v = server.client()
    t = v.get("/settings")
    assert t.status_code == 200 and 'action="/settings/text"' in t.text
    r = v.post("/settings/text", {"text_size": "extra-groot"})
    assert r.status_code == 303
    assert 'class="tekst-extra-groot"' in v.get("/").text
    assert 'class="tekst-extra-groot"' in v.get("/local").text
