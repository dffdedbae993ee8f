"""Passwords (issue 13 #9): a reset page that names the account and talks about
the password only, a clear page for a used or expired link, "Wachtwoord
vergeten?" on the login page, self-service reset by e-mail when the instance
has mail (tested against a local SMTP sink), and reset links made by the staff
of a client's care organisation when it has none."""
import asyncio
import email
import email.policy
import html
import re
import threading
import time

import pytest

from conftest import PASSWORD, free_port, uniq


def path_of(link):
    return re.sub(r"^https?://[^/]+", "", link)


def error_text(page):
    m = re.search(r'class="error"[^>]*>(.*?)</', page, re.S)
    return html.unescape(m.group(1)) if m else ""


# ---- the reset page ---------------------------------------------------------

def test_reset_page_names_the_account(server):
    name = server.add_user(uniq("wie"))
    page = server.client().get(path_of(server.reset_link(name)))
    assert page.status_code == 200
    assert name in page.text
    # For password managers: the account's name next to the new password.
    assert re.search(r'<input[^>]*autocomplete="username"[^>]*value="%s"|<input[^>]*value="%s"[^>]*autocomplete="username"'
                     % (name, name), page.text), page.text


def test_short_password_on_reset_talks_about_the_password(server):
    name = server.add_user()
    c = server.client()
    p = path_of(server.reset_link(name))
    c.get(p)
    r = c.post(p, {"password": "kort", "password2": "kort"})
    assert r.status_code == 400
    msg = error_text(r.text).lower()
    assert "wachtwoord" in msg and "naam" not in msg, msg
    assert name in r.text


def test_used_link_says_so_and_what_to_do(server):
    name = server.add_user()
    p = path_of(server.reset_link(name))
    c = server.client()
    c.get(p)
    assert c.post(p, {"password": "na-reset-wachtw1", "password2": "na-reset-wachtw1"}).status_code == 303
    for r in (server.client().get(p), c.post(p, {"password": "nog-een-wachtw2", "password2": "nog-een-wachtw2"})):
        assert r.status_code == 404
        assert "Deze pagina bestaat niet" not in r.text
        assert "al gebruikt of verlopen" in r.text
        assert 'href="/forgot"' in r.text


def test_login_page_links_to_forgot(server):
    page = server.client().get("/login").text
    assert 'href="/forgot"' in page
    assert "Vraag de beheerder" not in page


def test_forgot_without_mail_says_whom_to_ask(server):
    r = server.client().get("/forgot")
    assert r.status_code == 200
    assert "zorgorganisatie" in r.text or "beheerder" in r.text
    assert 'name="email"' not in r.text


# ---- staff of a client's care organisation ---------------------------------

def make_org(server, staff):
    org = uniq("org")
    server.cli("org", "add", org, "--display-name", "Thuiszorg Test")
    server.cli("org", "staff", org, staff.name)
    return org


def follow(c, who):
    r = c.post("/@%s/follow" % who, {})
    assert r.status_code == 303, r.text[:300]


def test_staff_make_a_reset_link_for_their_client(server):
    nurse, client = server.new_user(prefix="zus"), server.new_user(prefix="cli")
    org = make_org(server, nurse)
    follow(client, org)
    page = nurse.get("/@" + client.name).text
    assert 'action="/@%s/reset"' % client.name in page
    r = nurse.post("/@%s/reset" % client.name, {})
    assert r.status_code == 200, r.text[:500]
    m = re.search(r"(/reset/[0-9a-f]{64})", r.text)
    assert m, r.text
    c = server.client()
    page = c.get(m.group(1))
    assert page.status_code == 200 and client.name in page.text
    assert c.post(m.group(1), {"password": "nieuw-wachtw-12", "password2": "nieuw-wachtw-12"}).status_code == 303
    server.login(client.name, "nieuw-wachtw-12")


def test_staff_cannot_reset_someone_who_is_not_their_client(server):
    nurse, other = server.new_user(prefix="zus"), server.new_user(prefix="ander")
    make_org(server, nurse)
    assert 'action="/@%s/reset"' % other.name not in nurse.get("/@" + other.name).text
    r = nurse.post("/@%s/reset" % other.name, {})
    assert r.status_code in (403, 404)
    assert not re.search(r"/reset/[0-9a-f]{64}", r.text)


def test_staff_cannot_reset_a_professional_or_staff_member(server):
    nurse, colleague = server.new_user(prefix="zus"), server.new_user(prefix="coll")
    org = make_org(server, nurse)
    server.cli("org", "staff", org, colleague.name)
    follow(colleague, org)
    r = nurse.post("/@%s/reset" % colleague.name, {})
    assert r.status_code in (403, 404)
    assert not re.search(r"/reset/[0-9a-f]{64}", r.text)


def test_a_plain_member_cannot_make_reset_links(server):
    a, b = server.new_user(prefix="a"), server.new_user(prefix="b")
    follow(b, a.name)
    r = a.post("/@%s/reset" % b.name, {})
    assert r.status_code in (403, 404)


# ---- self-service reset by e-mail --------------------------------------------

class Sink:
    """A local SMTP server (aiosmtpd) that keeps every message."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                sink.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                                      email.message_from_bytes(envelope.content, policy=email.policy.default)))
                return "250 OK"

        self.port = free_port()
        self.ctl = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.ctl.start()

    def wait(self, n=1, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline and len(self.messages) < n:
            time.sleep(0.05)
        return self.messages

    def stop(self):
        self.ctl.stop()


@pytest.fixture
def mail_server(start_server, monkeypatch):
    sink = Sink()
    monkeypatch.setenv("KRING_SMTP_URL", "smtp://127.0.0.1:%d" % sink.port)
    monkeypatch.setenv("KRING_SMTP_FROM", "kring@zorg.example")
    srv = start_server()
    srv.sink = sink
    yield srv
    sink.stop()


def set_email(c, addr):
    page = c.get("/settings").text
    assert 'name="email"' in page
    r = c.post("/settings/email", {"email": addr})
    assert r.status_code == 303, r.text[:500]


def ask(srv, addr):
    c = srv.client()
    page = c.get("/forgot")
    assert page.status_code == 200 and 'name="email"' in page.text
    r = c.post("/forgot", {"email": addr})
    assert r.status_code == 200, r.text[:500]
    return r.text


def body_of(msg):
    return msg.get_body(preferencelist=("plain",)).get_content()


def test_forgot_by_mail_sends_a_working_link(mail_server):
    srv = mail_server
    name = srv.add_user(uniq("mail"))
    c = srv.login(name)
    set_email(c, "Anna.de.Vries@Example.nl")
    answer_known = ask(srv, "anna.de.vries@example.nl")
    assert "Als dit adres bij ons bekend is" in answer_known
    msgs = srv.sink.wait(1)
    assert len(msgs) == 1
    frm, to, msg = msgs[0]
    assert to == ["Anna.de.Vries@Example.nl"]
    assert frm == "kring@zorg.example"
    assert msg["Subject"]
    body = body_of(msg)
    assert name in body
    m = re.search(r"(https?://\S+/reset/[0-9a-f]{64})", body)
    assert m, body
    p = path_of(m.group(1))
    anon = srv.client()
    assert anon.get(p).status_code == 200
    assert anon.post(p, {"password": "uit-de-mail-12", "password2": "uit-de-mail-12"}).status_code == 303
    srv.login(name, "uit-de-mail-12")
    assert anon.get(p).status_code == 404
    # Sending mail left no sanitizer report, and the server stops cleanly.
    srv.assert_clean_stop()


def strip_varying(page):
    return re.sub(r'name="csrf" value="[^"]*"|<meta name="csrf"[^>]*>', "", page)


def test_forgot_answers_the_same_for_unknown_addresses(mail_server):
    srv = mail_server
    name = srv.add_user(uniq("mail"))
    set_email(srv.login(name), "bekend@example.nl")
    known = ask(srv, "bekend@example.nl")
    unknown = ask(srv, "onbekend@example.nl")
    assert strip_varying(known) == strip_varying(unknown)
    time.sleep(1)
    assert len(srv.sink.wait(1)) == 1


def test_forgot_is_rate_limited_per_address_and_account(mail_server):
    srv = mail_server
    name = srv.add_user(uniq("mail"))
    set_email(srv.login(name), "veel@example.nl")
    for _ in range(5):
        assert "Als dit adres bij ons bekend is" in ask(srv, "veel@example.nl")
    time.sleep(2)
    assert 1 <= len(srv.sink.wait(1)) <= 2


def test_email_setting_is_checked(mail_server):
    srv = mail_server
    c = srv.login(srv.add_user(uniq("mail")))
    c.get("/settings")
    r = c.post("/settings/email", {"email": "geen adres"})
    assert r.status_code == 400
    assert 'value="geen adres"' in r.text
    r = c.post("/settings/email", {"email": "goed@example.nl"})
    assert r.status_code == 303
    assert 'value="goed@example.nl"' in c.get("/settings").text
    # Empty clears it.
    assert c.post("/settings/email", {"email": ""}).status_code == 303
    assert 'value="goed@example.nl"' not in c.get("/settings").text


def test_forgot_does_not_wait_for_a_mail_server_that_is_down(start_server, monkeypatch):
    monkeypatch.setenv("KRING_SMTP_URL", "smtp://127.0.0.1:%d" % free_port())
    monkeypatch.setenv("KRING_SMTP_FROM", "kring@zorg.example")
    srv = start_server()
    name = srv.add_user(uniq("mail"))
    set_email(srv.login(name), "traag@example.nl")
    t = time.time()
    assert "Als dit adres bij ons bekend is" in ask(srv, "traag@example.nl")
    assert time.time() - t < 5
    time.sleep(1)
    srv.assert_clean_stop()


def test_bad_mail_settings_stop_the_server_from_starting(start_server, monkeypatch):
    monkeypatch.setenv("KRING_SMTP_URL", "http://127.0.0.1:25")
    monkeypatch.setenv("KRING_SMTP_FROM", "kring@zorg.example")
    with pytest.raises(RuntimeError):
        start_server()
