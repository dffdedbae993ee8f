"""Reminders by Web Push and by e-mail (issue 18, docs/appointments.md):
appointment reminders, answers to a consultation question and match
requests reach subscribed devices as Web Push under the alert the
subscription chose (kring_appointment and an answer to one's question:
"mention"; session news to followers: "status"; a match request:
"follow_request"); appointment reminders go by e-mail when the instance has
mail and the person chose it.  Both follow the booking: a push or mail that
would carry a time the booking no longer has is not sent, however late its
job runs (here: a push service and a mail server that refuse the first try,
so the retry comes after the move)."""
import datetime
import email
import email.policy
import os
import time
from zoneinfo import ZoneInfo

import pytest
import requests

import sqlite3

from conftest import TEST_DB, Server, free_port, pg_db_name, pg_psql, uniq
from push_receiver import Keys, Receiver
from test_stream_audience import hdr, token

os.environ["KRING_PUSH_LOOPBACK"] = "1"

SCOPE = "read write push read:match write:match"
EVERY_DAY = " ".join("%s=08:00-20:00" % d for d in ("ma", "di", "wo", "do", "vr", "za", "zo"))
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]


class Sink:
    """A local SMTP server (aiosmtpd): keeps what it accepts, and answers
    451 (try again later) to as many messages as `refuse` says."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.refused = []
        self.refuse = 0
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
                if sink.refuse > 0:
                    sink.refuse -= 1
                    sink.refused.append(msg)
                    return "451 4.3.0 try again later"
                sink.messages.append(msg)
                return "250 OK"

        self.port = free_port()
        self.ctl = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.ctl.start()

    def stop(self):
        self.ctl.stop()


def wait_for(cond, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = cond()
        if v:
            return v
        time.sleep(0.1)
    return cond()


@pytest.fixture(scope="module")
def sink():
    s = Sink()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def srv(sink):
    s = Server(env={"KRING_APP_RATE": "0", "KRING_SMTP_URL": "smtp://127.0.0.1:%d" % sink.port,
                    "KRING_SMTP_FROM": "kring@zorg.example", "KRING_PUSH_LOOPBACK": "1"}).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


@pytest.fixture
def rx():
    r = Receiver()
    yield r
    r.close()


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok) if tok else {}, timeout=30, **kw)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def when_nl(start):
    """The words kring uses: 'dinsdag 8 december 2026 om 10:30', Dutch time."""
    t = datetime.datetime.fromisoformat(start.replace("Z", "+00:00")).astimezone(ZoneInfo("Europe/Amsterdam"))
    return "%s %d %s %d om %02d:%02d" % (DAGEN[t.weekday()], t.day, MAANDEN[t.month - 1], t.year, t.hour, t.minute)


def provider(s):
    pro = s.new_user(prefix="pro")
    r = pro.post("/settings/profile", {"display_name": "Praktijk " + pro.name, "bio": "",
                                       "person_type": "professional"})
    assert r.status_code == 303
    s.cli("availability", "set", pro.name, EVERY_DAY + " slot=30")
    pro.tok = token(s, pro.name, SCOPE)
    pro.id = api(s, pro.tok, "/api/v1/accounts/verify_credentials").json()["id"]
    return pro


def slots(s, pro, days=3):
    now = datetime.datetime.now(datetime.timezone.utc)
    r = requests.get(s.base + "/api/v1/kring/providers/%s/slots" % pro.id,
                     params={"from": iso(now + datetime.timedelta(days=days)),
                             "to": iso(now + datetime.timedelta(days=days + 2))}, timeout=30)
    assert r.status_code == 200, r.text
    return [x["start"] for x in r.json()]


def book(s, tok, pro, start):
    r = api(s, tok, "/api/v1/kring/appointments", "post", data={"provider_id": pro.id, "start": start})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def subscribe(s, tok, endpoint, keys, alerts):
    body = {"subscription": {"endpoint": endpoint, "keys": {"p256dh": keys.p256dh, "auth": keys.auth64},
                             "standard": True},
            "data": {"alerts": {a: True for a in alerts}}}
    r = api(s, tok, "/api/v1/push/subscription", "post", json=body)
    assert r.status_code == 200, r.text


def pushes(rx, keys, quiet=4.0, timeout=20):
    """Every push received until none came for `quiet` seconds: (status, payload)."""
    out = []
    first = rx.next(timeout=timeout)
    while first:
        out.append((first[3], keys.decrypt(first[1], first[2])))
        first = rx.next(timeout=quiet)
    return out


# ---- Web Push -----------------------------------------------------------------

def test_appointment_push_follows_the_booking(srv, rx):
    pro = provider(srv)
    name = srv.add_user(uniq("cli"))
    tok = token(srv, name, SCOPE)
    keys = Keys()
    # The push service refuses the first push (503): it is retried 2 s later,
    # after the booking moved, and must not go out with the old time then.
    rx.status["/c"] = [503, 201]
    subscribe(srv, tok, rx.url("/c"), keys, ("mention",))
    free = slots(srv, pro)
    ap = book(srv, tok, pro, free[0])
    first = rx.next(timeout=20)
    assert first and first[3] == 503, first
    p = keys.decrypt(first[1], first[2])
    assert p["notification_type"] == "kring_appointment" and p["access_token"] == tok
    assert pro.name in p["title"] and "Staat vast: %s." % when_nl(free[0]) == p["body"], p
    r = api(srv, tok, "/api/v1/kring/appointments/%s" % ap, "put", data={"start": free[4]})
    assert r.status_code == 200, r.text
    got = pushes(rx, keys, quiet=5)
    delivered = [q for st, q in got if st < 300]
    assert delivered, got
    # Every push that reached the device carries the new time; none the old.
    assert all(when_nl(free[0]) not in q["body"] for q in delivered), delivered
    assert [q["body"] for q in delivered] == ["Verzet naar %s." % when_nl(free[4])], got
    notes = api(srv, tok, "/api/v1/notifications", params={"types[]": "kring_appointment"}).json()
    assert str(delivered[0]["notification_id"]) == notes[0]["id"]
    # A cancellation is pushed too.
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap, "delete").status_code == 200
    got = pushes(rx, keys, quiet=2)
    assert [q["body"] for st, q in got] == ["Afgezegd: %s." % when_nl(free[4])], got


def test_alert_keys_decide_what_is_pushed(srv, rx):
    """An appointment reminder and an answer to one's question are
    "mention"; a match request is "follow_request"; without the key, no push."""
    pro = provider(srv)
    # a subscriber without "mention" hears no appointment reminder ...
    name = srv.add_user(uniq("cli"))
    tok = token(srv, name, SCOPE)
    k1 = Keys()
    subscribe(srv, tok, rx.url("/no-mention"), k1, ("follow", "favourite", "status"))
    free = slots(srv, pro)
    book(srv, tok, pro, free[1])
    # ... while the professional, subscribed to follow_request only, hears
    # a match request (and not the appointment, which is not theirs).
    k2 = Keys()
    subscribe(srv, pro.tok, rx.url("/pro"), k2, ("follow_request",))
    r = api(srv, pro.tok, "/api/v1/kring/match/profile", "put",
            data={"introduction": "Ik ben %s." % pro.name, "approach": "Ik luister eerst.",
                  "taking_new_clients": "true"})
    assert r.status_code == 200, r.text
    assert api(srv, tok, "/api/v1/kring/match/%s/like" % pro.id, "post").status_code == 200
    assert api(srv, tok, "/api/v1/kring/match/%s/request" % pro.id, "post",
               data={"message": "Mag ik kennismaken?"}).status_code == 200
    got = rx.next(timeout=20)
    assert got and got[0] == "/pro", got
    p = k2.decrypt(got[1], got[2])
    assert p["notification_type"] == "kring_match_request" and name in p["title"], p
    assert "Mag ik" not in p["body"]  # the message is read on the requests page
    assert rx.next(timeout=4) is None  # nothing for "/no-mention"
    # A consultation answer to one's question is a "mention".
    k3 = Keys()
    asker = srv.add_user(uniq("vraag"))
    atok = token(srv, asker, SCOPE)
    subscribe(srv, atok, rx.url("/asker"), k3, ("mention",))
    now = datetime.datetime.now(datetime.timezone.utc)
    r = api(srv, pro.tok, "/api/v1/kring/consult/sessions", "post",
            data={"topic": "Slapen " + uniq("t"), "starts_at": iso(now - datetime.timedelta(minutes=5)),
                  "ends_at": iso(now + datetime.timedelta(hours=2))})
    assert r.status_code == 200, r.text
    sid = r.json()["id"]
    r = api(srv, atok, "/api/v1/kring/consult/sessions/%s/questions" % sid, "post",
            data={"text": "Hoe lang moet een kind slapen?", "visibility": "public"})
    assert r.status_code == 200, r.text
    r = api(srv, pro.tok, "/api/v1/kring/consult/questions/%s/answers" % r.json()["id"], "post",
            data={"text": "Dat verschilt per leeftijd."})
    assert r.status_code == 200, r.text
    got = rx.next(timeout=20)
    assert got and got[0] == "/asker", got
    p = k3.decrypt(got[1], got[2])
    assert p["notification_type"] == "kring_consult" and "beantwoord" in p["body"], p
    assert rx.next(timeout=3) is None


# ---- the day before ----------------------------------------------------------

def db_sql(server, sql):
    if TEST_DB == "pg":
        return pg_psql(sql, db=pg_db_name(server.data)).strip()
    con = sqlite3.connect(server.data + "/kring.db", timeout=10)
    rows = con.execute(sql).fetchall()
    con.commit()
    con.close()
    return "\n".join("|".join(str(v) for v in r) for r in rows)


def test_day_before_goes_with_the_new_time_only(srv, sink, rx):
    """The day-before reminder of a moved booking: its job is brought
    forward in the queue (the clock cannot be), and a job for the old
    sequence is put back in as if it had been claimed before the move:
    one push and one mail arrive, both with the new time."""
    pro = provider(srv)
    c = srv.new_user(prefix="morgen")
    tok = token(srv, c.name, SCOPE)
    addr = "%s@zorg.example" % c.name
    mail_on(c, addr)
    keys = Keys()
    subscribe(srv, tok, rx.url("/m"), keys, ("mention",))
    free = slots(srv, pro)
    ap = book(srv, tok, pro, free[3])
    assert wait_for(lambda: len(mails_to(sink, addr)) >= 1)
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap, "put", data={"start": free[7]}).status_code == 200
    assert wait_for(lambda: len(mails_to(sink, addr)) >= 2)
    got = pushes(rx, keys, quiet=2)
    assert got and all("Morgen" not in q["body"] for st, q in got), got
    now = int(time.time())
    waiting = db_sql(srv, "SELECT arg FROM jobs WHERE kind = 'appt_remind' AND state = 0 AND arg LIKE '%s:%%'" % ap)
    assert waiting.split() == ["%s:1:1" % ap], waiting  # the old day-before job was dropped by the move
    db_sql(srv, "UPDATE jobs SET run_at = %d WHERE kind = 'appt_remind' AND arg = '%s:1:1'" % (now, ap))
    db_sql(srv, "INSERT INTO jobs (id, kind, arg, state, run_at, created_at) VALUES (%d, 'appt_remind', '%s:0:1',"
                " 0, %d, %d)" % (4242000000 + now % 100000, ap, now, now))
    got = pushes(rx, keys, quiet=3)
    assert [q["body"] for st, q in got] == ["Morgen: %s." % when_nl(free[7])], got
    assert wait_for(lambda: len(mails_to(sink, addr)) >= 3)
    time.sleep(2)
    mails = mails_to(sink, addr)
    assert len(mails) == 3, [m["Subject"] for m in mails]
    assert mails[2]["Subject"].startswith("Herinnering: morgen uw afspraak bij")
    text, ics = parts(mails[2])
    assert when_nl(free[7]) in text and when_nl(free[3]) not in text and "SEQUENCE:1" in ics
    notes = api(srv, tok, "/api/v1/notifications", params={"types[]": "kring_appointment"}).json()
    days = [n for n in notes if n["kring_appointment"]["event"] == "day_before"]
    assert len(days) == 1 and days[0]["kring_appointment"]["start"][:16] == free[7][:16], days


# ---- e-mail -------------------------------------------------------------------

def mail_on(c, addr, on=True):
    page = c.get("/settings").text
    assert 'name="appt_mail"' in page
    form = {"email": addr}
    if on:
        form["appt_mail"] = "1"
    r = c.post("/settings/email", form)
    assert r.status_code == 303, r.text[:300]
    page = c.get("/settings").text
    assert ('name="appt_mail" value="1" aria-describedby="appt-mail-hint" checked' in page) == on


def mails_to(sink, addr):
    return [m for m in sink.messages if addr in str(m["To"])]


def parts(msg):
    text = msg.get_body(preferencelist=("plain",)).get_content()
    ics = [p.get_content() for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    return text, ics[0] if ics else None


def test_mail_reminders_follow_the_booking(srv, sink):
    pro = provider(srv)
    c = srv.new_user(prefix="mail")
    tok = token(srv, c.name, SCOPE)
    addr = "%s@zorg.example" % c.name
    mail_on(c, addr)
    free = slots(srv, pro)
    ap = book(srv, tok, pro, free[2])
    got = wait_for(lambda: mails_to(sink, addr))
    assert len(got) == 1, got
    msg = got[0]
    assert msg["Subject"] == "Bevestiging: uw afspraak bij Praktijk %s" % pro.name
    text, ics = parts(msg)
    assert when_nl(free[2]) in text and "(Nederlandse tijd)" in text
    assert srv.base + "/mijn-afspraken" in text
    assert "UID:afspraak-%s@" % ap in ics and "SEQUENCE:0" in ics and "STATUS:CONFIRMED" in ics
    start = datetime.datetime.fromisoformat(free[2].replace("Z", "+00:00"))
    assert "DTSTART:" + start.strftime("%Y%m%dT%H%M%SZ") in ics
    # The mail server refuses the next mail once; the booking moves before
    # the retry: what arrives carries the new time only.
    sink.refuse = 1
    r = api(srv, tok, "/api/v1/kring/appointments/%s" % ap, "put", data={"start": free[6]})
    assert r.status_code == 200, r.text
    got = wait_for(lambda: len(mails_to(sink, addr)) >= 2 and mails_to(sink, addr))
    moved = got[1]
    assert moved["Subject"].startswith("Verzet:")
    text, ics = parts(moved)
    assert when_nl(free[6]) in text and when_nl(free[2]) not in text and "SEQUENCE:1" in ics
    assert len(sink.refused) >= 1
    # A booking whose confirmation is refused and that is cancelled before
    # the retry: the confirmation is never sent, the cancellation is.
    sink.refuse = 1
    n_refused = len(sink.refused)
    ap2 = book(srv, tok, pro, free[8])
    assert wait_for(lambda: len(sink.refused) > n_refused)
    assert api(srv, tok, "/api/v1/kring/appointments/%s" % ap2, "delete").status_code == 200
    wait_for(lambda: len(mails_to(sink, addr)) >= 3)
    time.sleep(4)  # the refused confirmation's retry comes after 2 s
    later = mails_to(sink, addr)[2:]
    assert [m["Subject"].split(":")[0] for m in later] == ["Afgezegd"], [m["Subject"] for m in later]
    text, ics = parts(later[0])
    assert when_nl(free[8]) in text and "STATUS:CANCELLED" in ics
    # Turned off: no more mail.
    mail_on(c, addr, on=False)
    book(srv, tok, pro, free[10])
    time.sleep(3)
    assert len(mails_to(sink, addr)) == 3


def test_no_mail_unless_chosen(srv, sink):
    pro = provider(srv)
    c = srv.new_user(prefix="geen")
    addr = "%s@zorg.example" % c.name
    r = c.post("/settings/email", {"email": addr})  # an address, but no reminders chosen
    assert r.status_code == 303
    book(srv, token(srv, c.name, SCOPE), pro, slots(srv, pro)[3])
    time.sleep(3)
    assert mails_to(sink, addr) == []


def test_no_mail_without_smtp_url(sink):
    s = Server(env={"KRING_APP_RATE": "0"}).start()
    try:
        pro = provider(s)
        c = s.new_user(prefix="zonder")
        addr = "%s@zorg.example" % c.name
        assert 'name="appt_mail"' not in c.get("/settings").text
        r = c.post("/settings/email", {"email": addr, "appt_mail": "1"})
        assert r.status_code == 303
        book(s, token(s, c.name, SCOPE), pro, slots(s, pro)[0])
        time.sleep(3)
        assert mails_to(sink, addr) == []
        assert "appt_mail" not in s.stderr()
        s.assert_clean_stop()
    finally:
        s.cleanup()
