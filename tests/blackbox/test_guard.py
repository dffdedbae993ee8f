"""Privacy guard in the product: review page, publish anyway (logged), organisation
policy (block, own contact details, override), think time, messages to care providers."""
import re
import time

from conftest import uniq

BSN_TEXT = "Mevrouw Jansen op kamer 12 heeft weer een delier. Haar BSN is 123456782."


def test_warning_needs_confirmation_and_nothing_is_saved_before(alice):
    before = alice.profile_count(alice.name)
    r = alice.post("/posts", {"text": BSN_TEXT, "visibility": "public"})
    assert r.status_code == 422
    assert "Controleer uw bericht" in r.text
    assert "<mark>123456782" in r.text
    assert "burgerservicenummer" in r.text          # plain-Dutch explanation
    assert 'name="confirm" value="1"' in r.text       # "publish anyway" is offered
    assert alice.profile_count(alice.name) == before  # nothing written yet
    pid = alice.new_post(BSN_TEXT, confirm="1")
    assert alice.get("/posts/%d" % pid).status_code == 200
    assert alice.profile_count(alice.name) == before + 1


def test_harmless_text_goes_straight_through(alice):
    pid = alice.new_post("Vandaag was het mooi weer voor een wandeling in het park.")
    assert pid > 0


def make_org(server, staff_client):
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", "Zorggroep Test")
    server.cli("org", "staff", org, staff_client.name)
    return org


def set_policy(admin, org, **fields):
    data = {"hold_seconds": "0"}
    data.update(fields)
    r = admin.post("/admin/orgs/%s/policy" % org, data)
    assert r.status_code == 303, r.text[:500]


def test_org_block_cannot_be_overridden_unless_allowed(server, admin, alice, bob):
    org = make_org(server, alice)
    set_policy(admin, org)
    r = alice.post("/posts", {"text": BSN_TEXT, "visibility": "public", "as": org})
    assert r.status_code == 422
    assert "niet laat plaatsen" in r.text
    assert 'name="confirm"' not in r.text
    r = alice.post("/posts", {"text": BSN_TEXT, "visibility": "public", "as": org, "confirm": "1"})
    assert r.status_code == 422, "a block must not be overridable by staff"
    # The organisation may allow it; then the override is logged with the writer's name.
    set_policy(admin, org, allow_override="1")
    pid = alice.new_post(BSN_TEXT, **{"as": org, "confirm": "1"})
    page = admin.get("/admin/orgs/%s/policy" % org).text
    assert "bsn" in page and "/posts/%d" % pid in page and alice.name in page


def test_org_own_contact_details_are_not_findings(server, admin, alice):
    org = make_org(server, alice)
    set_policy(admin, org, ignore="020-1234567\ninfo@zorggroep.nl")
    pid = alice.new_post("Bel ons gerust op 020-1234567 of mail info@zorggroep.nl.", **{"as": org})
    assert pid > 0
    # Someone else's number is still a finding.
    r = alice.post("/posts", {"text": "Bel meneer op 06-12345678.", "visibility": "public", "as": org})
    assert r.status_code == 422


def test_policy_off_switches_a_type_off(server, admin, alice):
    org = make_org(server, alice)
    set_policy(admin, org, phone="off")
    assert alice.new_post("Vragen? Bel 06-98765432.", **{"as": org}) > 0


def test_org_think_time_hides_post_until_released_and_can_be_withdrawn(server, admin, alice, bob):
    org = make_org(server, alice)
    set_policy(admin, org, hold_seconds="30")
    pid = alice.new_post("Nieuws: de open dag is op zaterdag.", **{"as": org})
    page = alice.get("/posts/%d" % pid)
    assert page.status_code == 200 and "Bedenktijd" in page.text
    assert bob.get("/posts/%d" % pid).status_code == 404
    assert "/posts/%d" % pid not in bob.get("/@" + org).text
    assert "/posts/%d" % pid not in bob.get("/local").text
    r = alice.post("/posts/%d/delete" % pid)
    assert r.status_code == 303
    assert alice.get("/posts/%d" % pid).status_code == 404


def test_person_think_time_releases_the_post(server, alice, bob):
    r = alice.post("/settings/profile", {"display_name": alice.name, "bio": "", "hold_seconds": "10"})
    assert r.status_code == 303, r.text[:500]
    pid = alice.new_post("Even nadenken voordat dit online staat.")
    assert bob.get("/posts/%d" % pid).status_code == 404
    assert "Bedenktijd" in alice.get("/posts/%d" % pid).text
    deadline = time.time() + 20
    status = 404
    while time.time() < deadline and status != 200:
        time.sleep(1)
        status = bob.get("/posts/%d" % pid).status_code
    assert status == 200
    alice.post("/settings/profile", {"display_name": alice.name, "bio": "", "hold_seconds": "0"})


def test_client_may_send_own_data_to_care_provider(server, alice, bob, carol):
    # bob is a professional: a direct message to him with the client's own BSN is fine.
    r = bob.post("/settings/profile", {"display_name": bob.name, "bio": "", "person_type": "professional",
                                       "profession": "Wijkverpleegkundige"})
    assert r.status_code == 303
    pid = alice.new_post("Mijn BSN is 123456782, kunt u mijn dossier bekijken?", visibility="direct",
                         to="@" + bob.name)
    assert bob.get("/posts/%d" % pid).status_code == 200
    # The same text to someone who is not a care provider is checked.
    r = alice.post("/posts", {"text": "Mijn BSN is 123456782.", "visibility": "direct", "to": "@" + carol.name})
    assert r.status_code == 422


def test_bio_is_checked(alice):
    bio = "Ik verzorg meneer De Vries op kamer 4, hij heeft dementie."
    r = alice.post("/settings/profile", {"display_name": alice.name, "bio": bio})
    assert r.status_code == 422
    assert "<mark>" in r.text
    assert bio not in alice.get("/@" + alice.name).text
    r = alice.post("/settings/profile", {"display_name": alice.name, "bio": bio, "confirm": "1"})
    assert r.status_code == 303
