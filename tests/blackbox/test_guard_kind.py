"""The privacy guard is kind without being weaker (issue 13 #8): a person's own
name, the addressee of a private message and the writer's sign-off are not
findings; a third person's name still is.  Clients read calm words on the
review page, staff their organisation's; "Niet plaatsen" posts nothing and
gives the text back; screen readers hear Dutch type names in the marked text."""
import re

from conftest import uniq


def named(c, display_name, person_type="client"):
    r = c.post("/settings/profile", {"display_name": display_name, "bio": "", "person_type": person_type})
    assert r.status_code == 303, r.text[:500]


def make_org(server, staff_client):
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", "Thuiszorg De Linde")
    server.cli("org", "staff", org, staff_client.name)
    admin = server.login(server.add_user(uniq("admin"), role="admin"))
    r = admin.post("/admin/orgs/%s/policy" % org, {"hold_seconds": "0"})
    assert r.status_code == 303, r.text[:500]
    return org


def test_own_name_in_a_post_is_not_a_finding(alice):
    named(alice, "Truus Bakker")
    alice.new_post("Hallo allemaal! Ik ben Truus Bakker en ik woon sinds kort in de wijk.")
    alice.new_post("Ik ben mevrouw Bakker van nummer 3. Tot ziens, Truus")


def test_third_persons_name_still_is(alice):
    named(alice, "Truus Bakker")
    r = alice.post("/posts", {"text": "Ik ben Truus Bakker. Mijn buurman Piet de Vries ligt in het ziekenhuis.",
                              "visibility": "public"})
    assert r.status_code == 422, r.text[:300]
    assert "<mark>Piet de Vries" in r.text
    # Her own name is not marked beside his.
    assert "<mark>Truus Bakker" not in r.text


def test_greeting_the_dm_recipient_is_not_a_finding(alice, bob):
    named(alice, "Truus Bakker")
    named(bob, "Jan de Vries")
    alice.new_post("Beste Jan, dank je wel voor de soep van gisteren! Groet, Truus", visibility="direct",
                   to="@" + bob.name)
    bob.new_post("Beste mevrouw Bakker, graag gedaan. Groet, Jan", visibility="direct", to="@" + alice.name)


def test_recipients_name_counts_outside_a_private_message(alice, bob):
    named(alice, "Truus Bakker")
    named(bob, "Jan de Vries")
    # The same greeting in a public post names a third person for everyone.
    r = alice.post("/posts", {"text": "Beste Jan de Vries, dank je wel voor de soep van gisteren!",
                              "visibility": "public"})
    assert r.status_code == 422, r.text[:300]


def test_third_person_in_a_dm_still_is(alice, bob):
    named(alice, "Truus Bakker")
    named(bob, "Jan de Vries")
    r = alice.post("/posts", {"text": "Beste Jan, weet jij hoe het met mevrouw Jansen gaat?",
                              "visibility": "direct", "to": "@" + bob.name})
    assert r.status_code == 422, r.text[:300]
    assert "<mark>mevrouw Jansen" in r.text
    assert "<mark>Jan<" not in r.text


def test_staff_sign_off_and_addressee_in_an_org_dm(server, alice, bob):
    named(alice, "Anna Visser", "professional")
    named(bob, "Truus Bakker")
    org = make_org(server, alice)
    alice.new_post("Beste mevrouw Bakker, uw afspraak is verzet naar dinsdag 10 uur. Met vriendelijke groet, Anna",
                   visibility="direct", to="@" + bob.name, **{"as": org})
    # A third person in the same message is still found.
    r = alice.post("/posts", {"text": "Beste mevrouw Bakker, meneer Jansen komt dinsdag. Groet, Anna",
                              "visibility": "direct", "to": "@" + bob.name, "as": org})
    assert r.status_code == 422, r.text[:300]
    assert "<mark>meneer Jansen" in r.text


CLIENT_CALM = "Dat is niet erg"
STAFF_POLICY = "Dat wordt vastgelegd"


def test_client_wording_is_calm(alice):
    named(alice, "Truus Bakker")
    r = alice.post("/posts", {"text": "Mijn buurvrouw Mien Jansen is gisteren gevallen.", "visibility": "public"})
    assert r.status_code == 422
    assert CLIENT_CALM in r.text
    assert STAFF_POLICY not in r.text
    assert "Twijfelt u" not in r.text
    assert "Toch plaatsen" in r.text


def test_staff_wording_is_the_organisation_policy(server, alice):
    named(alice, "Anna Visser", "professional")
    org = make_org(server, alice)
    text = "Mevrouw Jansen op kamer 12 is gisteren gevallen."
    for extra in ({}, {"as": org}):
        data = {"text": text, "visibility": "public"}
        data.update(extra)
        r = alice.post("/posts", data)
        assert r.status_code == 422, r.text[:300]
        assert CLIENT_CALM not in r.text
        assert "organisatie" in r.text


def test_niet_plaatsen_posts_nothing_and_returns_the_text(alice):
    named(alice, "Truus Bakker")
    before = alice.profile_count(alice.name)
    text = "Mijn buurvrouw Mien Jansen is gisteren gevallen."
    r = alice.post("/posts", {"text": text, "visibility": "followers"})
    assert r.status_code == 422
    assert 'name="draft"' in r.text and "Niet plaatsen" in r.text
    # What the review form sends with "Niet plaatsen" (the text as changed there).
    changed = text + " Ze is weer thuis."
    r = alice.post("/posts", {"text": changed, "visibility": "followers", "audience": "0.1", "draft": "1"})
    assert r.status_code == 200, r.text[:300]
    assert "niet geplaatst" in r.text
    assert ">%s</textarea>" % changed in r.text
    # The compose fields go with it, so "Plaatsen" from here is the same post.
    assert re.search(r'name="visibility" value="followers"', r.text)
    assert alice.profile_count(alice.name) == before
    assert "Mien Jansen" not in alice.get("/@" + alice.name).text


def test_niet_plaatsen_on_an_edit_keeps_the_old_text(alice):
    named(alice, "Truus Bakker")
    pid = alice.new_post("Vandaag is de koffieochtend in het buurthuis.")
    r = alice.post("/posts/%d/edit" % pid, {"text": "Mien Jansen is gevallen."})
    assert r.status_code == 422
    assert "Niet plaatsen" in r.text
    r = alice.post("/posts/%d/edit" % pid, {"text": "Mien Jansen is gevallen.", "draft": "1"})
    assert r.status_code == 200
    assert ">Mien Jansen is gevallen.</textarea>" in r.text
    page = alice.get("/posts/%d" % pid).text
    assert "koffieochtend" in page and "Mien Jansen" not in page


def test_dutch_type_names_in_the_marked_text(alice):
    text = ("Mevrouw Jansen op kamer 12 heeft een delier. Haar BSN is 123456782, geboren op 3 maart 1945. "
            "Ze woont in de Dorpsstraat 5, bel 06-12345678 of mail mien@example.nl. "
            "Rekening NL91ABNA0417164300, dossiernummer 4455667.")
    r = alice.post("/posts", {"text": text, "visibility": "public"})
    assert r.status_code == 422
    marks = re.findall(r'<span class="sr"[^>]*> \(([^)]*)\)</span>', r.text)
    assert marks, r.text[:2000]
    # Every type the scanner knows, each with its Dutch label.
    assert marks == ["naam", "kamernummer", "gezondheid", "BSN", "geboortedatum", "adres", "telefoonnummer",
                     "e-mailadres", "rekeningnummer", "patiëntnummer"], marks
    # English pages use English type names.
    assert alice.post("/settings/language", {"lang": "en", "back": "/"}).status_code == 303
    r = alice.post("/posts", {"text": text, "visibility": "public"})
    marks = re.findall(r'<span class="sr"[^>]*> \(([^)]*)\)</span>', r.text)
    assert "name" in marks and "room number" in marks and "date of birth" in marks, marks


def test_the_api_answers_the_same(server, alice, bob):
    from test_guard_everywhere import Api
    named(alice, "Truus Bakker")
    named(bob, "Jan de Vries")
    api = Api(server, alice.name)
    r = api.req("POST", "/api/v1/statuses", data={"status": "Ik ben Truus Bakker, nieuw in de wijk."})
    assert r.status_code == 200, r.text[:300]
    r = api.req("POST", "/api/v1/statuses", data={"status": "@%s Beste Jan, dank voor de soep! Truus" % bob.name,
                                                  "visibility": "direct"})
    assert r.status_code == 200, r.text[:300]
    r = api.req("POST", "/api/v1/statuses", data={"status": "Ik ben Truus. Mien Jansen is gevallen."})
    assert r.status_code == 422 and "name" in r.json()["error"], r.text[:300]


def test_group_form_speaks_calmly_to_a_client(alice):
    named(alice, "Truus Bakker")
    name = uniq("buurt")
    data = {"name": name, "display_name": "Buurt " + name, "kind": "open", "rules": "",
            "description": "Opgezet door Truus Bakker, samen met buurvrouw Mien Jansen."}
    r = alice.post("/groups", data)
    assert r.status_code == 422, r.text[:300]
    assert "<mark>Mien Jansen" in r.text and "<mark>Truus" not in r.text
    assert CLIENT_CALM in r.text and STAFF_POLICY not in r.text and "Twijfelt u" not in r.text
