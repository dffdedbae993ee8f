"""Plain language on the compose form (issue 20): "Controleer de leesbaarheid"
brings the form back with the text, the level, the score in words and hints;
nothing is posted, and posting is never blocked by it."""
import html
import re

from conftest import uniq
from test_groups import group_id, make_group
from test_org_setup import make_org

HARD = ("Op grond van de Wet maatschappelijke ondersteuning heeft het college van burgemeester en wethouders, "
        "na zorgvuldige afweging van de door u verstrekte informatie, besloten uw aanvraag voor een "
        "maatwerkvoorziening en de bijbehorende indicatiestelling af te wijzen.")
EASY = "Wij zijn er voor u. U kunt ons elke dag bellen. Wilt u een afspraak maken? Dat kan ook op onze website."


def check(client, text, **extra):
    data = {"text": text, "visibility": "public", "check": "plain"}
    data.update(extra)
    return client.post("/posts", data)


def test_button_on_the_compose_form(server, alice):
    t = alice.get("/").text
    assert 'name="check" value="plain"' in t and "Controleer de leesbaarheid" in t


def test_hard_text_gets_level_and_hints_and_is_not_posted(server, alice):
    tag = uniq("r")
    text = HARD + " " + tag
    r = check(alice, text)
    assert r.status_code == 200, (r.status_code, r.text[:500])
    t = html.unescape(r.text)
    assert text in t  # the text is kept in the form
    assert "taalniveau C1" in t
    assert "Leesgemak: heel moeilijk" in t
    assert re.search(r"zin van \d\d woorden", t)
    assert "indicatiestelling</strong> → <strong>besluit over welke zorg u krijgt" in t
    assert "U kunt uw bericht altijd plaatsen" in t
    # Nothing was posted.
    assert tag not in alice.get("/@%s" % alice.name).text


def test_easy_text_is_b1(server, bob):
    t = html.unescape(check(bob, EASY).text)
    assert "taalniveau B1" in t and "goed te lezen" in t.lower()
    assert "Lange zin" not in t


def test_never_blocks_posting(server, alice):
    # A hard text is posted as usual with the ordinary button.
    alice.new_post(HARD + " " + uniq("p"))


def test_poll_and_visibility_come_back(server, alice):
    r = check(alice, HARD, visibility="followers", poll1="Ja", poll2="Nee", poll_duration="86400")
    assert r.status_code == 200
    assert 'value="Ja"' in r.text and 'value="Nee"' in r.text
    assert re.search(r'value="followers" selected', r.text)


def test_in_a_group(server, alice):
    g = make_group(alice, "closed")
    gid = group_id(alice, g)
    r = check(alice, HARD, group_id=gid)
    assert r.status_code == 200
    t = html.unescape(r.text)
    assert "taalniveau C1" in t and 'name="group_id" value="%s"' % gid in t


def test_organisation_staff_are_reminded(server, admin):
    org = make_org(admin)
    nurse = server.new_user(prefix="nurse")
    assert admin.post("/admin/orgs/%s/staff" % org, {"person": nurse.name}).status_code == 303
    t = html.unescape(nurse.get("/").text)
    assert "namens een organisatie" in t and "taalniveau B1" in t
    r = check(nurse, HARD, **{"as": org})
    assert r.status_code == 200
    assert re.search(r'value="%s" selected' % org, r.text)
    assert "taalniveau C1" in html.unescape(r.text)


def test_in_english(server):
    c = server.new_user(prefix="en")
    assert c.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    t = html.unescape(check(c, HARD).text)
    assert "Check readability" in t and "language level C1" in t and "sentence of" in t


def test_cli_text_json_and_files(tmp_path):
    import json
    import subprocess
    from conftest import KRING_BIN
    r = subprocess.run([KRING_BIN, "readability"], input=HARD.encode(), capture_output=True, timeout=60)
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "level C1" in out and "zin van" in out and '"indicatiestelling" -> "besluit over welke zorg u krijgt"' in out
    f1, f2 = tmp_path / "a.txt", tmp_path / "b.txt"
    f1.write_text(EASY)
    f2.write_text(HARD)
    r = subprocess.run([KRING_BIN, "readability", "--json", str(f1), str(f2)], capture_output=True, timeout=60)
    assert r.returncode == 0
    objs = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [o["level"] for o in objs] == ["B1", "C1"] and objs[0]["file"] == str(f1)
    assert any(h["kind"] == "jargon" and h["alt"] for h in objs[1]["hints"])
    assert any(h["kind"] == "long_sentence" and h["words"] > 20 for h in objs[1]["hints"])
    r = subprocess.run([KRING_BIN, "readability", str(tmp_path / "missing.txt")], capture_output=True, timeout=60)
    assert r.returncode == 1 and b"cannot open" in r.stderr
    r = subprocess.run([KRING_BIN, "readability", "--bogus"], capture_output=True, timeout=60)
    assert r.returncode == 2


def test_on_a_reply_the_thread_comes_back(server, alice, bob):
    pid = alice.new_post("Wie komt er donderdag koffie drinken? " + uniq("t"))
    r = check(bob, HARD, in_reply_to=str(pid))
    assert r.status_code == 200
    t = html.unescape(r.text)
    assert "taalniveau C1" in t and 'name="in_reply_to" value="%d"' % pid in t and "koffie drinken" in t
