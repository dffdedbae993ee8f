"""Words at B1 (issue 13, item 15): one member is "1 lid", a ban is
"Uitsluiten", the page of all posts is not called "Iedereen", the group's
address field says what it is, each action has its own confirmation, a
withdrawn post is "ingetrokken", and "Meldingen" are notifications while
reports are "Klachten"."""
import re

from conftest import uniq
from test_groups import add_member, group_post, make_group


def notice(r):
    m = re.search(r'<p class="notice" role="status">(.*?)</p>', r.text, flags=re.S)
    return m.group(1) if m else None


def follow(client, r):
    assert r.status_code == 303, r.status_code
    return client.get(r.headers["Location"])


def test_one_member_is_lid(server):
    owner = server.new_user(prefix="own")
    name = make_group(owner, "open")
    for path in ("/g/" + name, "/groups"):
        t = owner.get(path).text
        assert "1 leden" not in t, path
        assert "1 lid" in t, path
    other = server.new_user(prefix="oth")
    add_member(server, name, other)
    assert "2 leden" in owner.get("/g/" + name).text
    en = server.client(lang="en")
    assert "1 members" not in en.get("/groups").text


def test_ban_is_uitsluiten_and_reports_are_klachten(server):
    owner = server.new_user(prefix="own")
    member = server.new_user(prefix="mem")
    other = server.new_user(prefix="oth")
    name = make_group(owner, "closed")
    add_member(server, name, member)
    add_member(server, name, other)
    t = owner.get("/g/%s/members" % name).text
    assert ">Weren<" not in t and "geweerd" not in t
    assert "Uitsluiten" in t
    pid = group_post(other, re.search(r'name="group_id" value="(\d+)"', other.get("/g/" + name).text).group(1),
                     "Iets " + uniq("w"))
    t = member.get("/posts/%d" % pid).text
    assert "Klacht versturen" in t and "Melding versturen" not in t
    assert member.post("/posts/%d/report" % pid, {"reason": "Vervelend"}).status_code == 303
    q = owner.get("/g/%s/queue" % name).text
    assert "Klachten van leden" in q and "Meldingen van leden" not in q
    assert "Weren uit de kring" not in q and "Uitsluiten uit de kring" in q


def test_all_posts_page_is_not_called_iedereen(server):
    c = server.new_user(prefix="a")
    for path in ("/", "/local"):
        t = c.get(path).text
        nav = re.search(r"<nav.*?</nav>", t, flags=re.S).group(0)
        assert ">Iedereen<" not in nav and "Alle berichten" in nav, path
    t = c.get("/local").text
    assert "<title>Iedereen" not in t and "<h1>Alle berichten</h1>" in t
    assert ">Iedereen<" not in server.client().get("/local").text


def test_group_address_field_in_plain_words(server):
    c = server.new_user(prefix="a")
    t = c.get("/groups").text
    assert "Korte naam (voor het adres)" not in t
    assert "Naam in het webadres" in t


def test_each_action_its_own_confirmation(server):
    owner = server.new_user(prefix="own")
    r = owner.post("/groups", {"name": uniq("k"), "display_name": "Kring x", "description": "d", "rules": "r",
                               "kind": "open", "premod": "none"})
    assert notice(follow(owner, r)) == "De kring is gemaakt."

    target = server.new_user(prefix="tgt")
    assert notice(follow(owner, owner.post("/@%s/follow" % target.name))) == "U volgt nu %s." % target.name

    pid = owner.new_post("Even iets " + uniq("p"))
    n = notice(follow(owner, owner.post("/posts/%d/delete" % pid)))
    assert n and "ingetrokken" in n and "verwijderd" not in n


def test_notifications_are_meldingen_reports_are_klachten(server):
    # An administrator of its own: the session's admin may read English by now.
    admin = server.login(server.add_user(uniq("beheer"), role="admin"))
    t = admin.get("/moderation").text
    assert "meldingen" not in t.split("<main", 1)[1].split("</main>", 1)[0].lower()
    assert "klachten" in t.lower()
    t = admin.get("/notifications").text
    assert "<h1>Meldingen</h1>" in t
