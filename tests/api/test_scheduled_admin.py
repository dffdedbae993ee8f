"""Mastodon.py against the parts apps use that kring added for issue 14
(part 3): scheduled statuses (status_post(scheduled_at=...),
scheduled_statuses, scheduled_status_update/delete) and, below, the admin
API. This module runs a server of its own that lets a post be scheduled 2
seconds ahead (KRING_TEST_SCHEDULE_AHEAD, test build only) instead of 5
minutes, so the job queue publishes while the test waits briefly."""
import datetime
import time

import pytest
from mastodon import Mastodon, MastodonAPIError, MastodonNotFoundError

from conftest import PASSWORD, SAN_MARKERS, Server, password_token

AHEAD = 2


@pytest.fixture(scope="module")
def own():
    s = Server()
    s.env["KRING_TEST_SCHEDULE_AHEAD"] = str(AHEAD)
    for name, role in (("anna", None), ("bart", None), ("mona", "moderator"), ("ada", "admin")):
        args = ["user", "add", name, "--password", PASSWORD] + (["--role", role] if role else [])
        r = s.cli(*args)
        assert r.returncode == 0, r.stderr
    s.start()
    yield s
    log = s.stop()
    for m in SAN_MARKERS:
        assert m not in log, log[-4000:]


@pytest.fixture(scope="module")
def m(own):
    app = Mastodon.create_app("kring-sched-admin", api_base_url=own.base,
                              scopes=["read", "write", "follow", "admin:read", "admin:write"])
    out = {}
    for n in ("anna", "bart", "mona", "ada"):
        tok = password_token(own.base, app[0], app[1], n, scope="read write follow admin:read admin:write")
        out[n] = Mastodon(access_token=tok, api_base_url=own.base)
    return out


def test_schedule_list_move_delete_and_publish(m):
    a = m["anna"]
    when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=AHEAD + 2)
    sch = a.status_post("Inloopspreekuur om tien uur", visibility="public", scheduled_at=when)
    assert sch["params"]["text"] == "Inloopspreekuur om tien uur"
    assert abs((sch["scheduled_at"] - when).total_seconds()) < 1.5
    later = a.status_post("Campagne volgende week", scheduled_at=when + datetime.timedelta(days=7))
    listed = a.scheduled_statuses()
    assert sorted(str(x["id"]) for x in listed) == sorted([str(sch["id"]), str(later["id"])])
    assert a.scheduled_status(later["id"])["params"]["text"] == "Campagne volgende week"
    moved = a.scheduled_status_update(later["id"], when + datetime.timedelta(days=8))
    assert moved["scheduled_at"].date() == (when + datetime.timedelta(days=8)).date()
    a.scheduled_status_delete(later["id"])
    with pytest.raises(MastodonNotFoundError):
        a.scheduled_status(later["id"])
    # Someone else's is not found.
    with pytest.raises(MastodonNotFoundError):
        m["bart"].scheduled_status(sch["id"])
    # Published by the job queue at its time.
    me = a.me()
    deadline, found = time.time() + 20, None
    while time.time() < deadline and not found:
        found = [s for s in a.account_statuses(me["id"]) if "Inloopspreekuur" in s["content"]]
        time.sleep(0.3)
    assert found, "the scheduled status was not published"
    assert a.scheduled_statuses() == []
    with pytest.raises(MastodonAPIError):
        a.status_post("Te vroeg", scheduled_at=datetime.datetime.now(datetime.timezone.utc))


def test_admin_accounts_and_reports_with_mastodon_py(m):
    ada, mona, anna, bart = m["ada"], m["mona"], m["anna"], m["bart"]
    anna_id = anna.me()["id"]
    # Mastodon.py's admin_accounts asks v1 with active=true.
    listed = mona.admin_accounts(username="anna")
    assert [a["username"] for a in listed] == ["anna"]
    assert listed[0]["account"]["id"] == anna_id and listed[0]["suspended"] is False
    assert ada.admin_account(anna_id)["username"] == "anna"
    # A report by bart, handled by the moderator.
    post = anna.status_post("Iets wat niet mag", visibility="public")
    bart.report(anna_id, status_ids=[post["id"]], comment="Graag bekijken")
    reps = [r for r in mona.admin_reports() if r["target_account"]["id"] == anna_id]
    assert len(reps) == 1 and reps[0]["comment"] == "Graag bekijken"
    assigned = mona.admin_report_assign(reps[0]["id"])
    assert assigned["assigned_account"]["id"] == mona.me()["id"]
    done = mona.admin_report_resolve(reps[0]["id"])
    assert done["action_taken"] is True
    assert [r for r in mona.admin_reports(resolved=True) if r["id"] == reps[0]["id"]]
    assert ada.admin_report_reopen(reps[0]["id"])["action_taken"] is False
    # Suspend (moderator, on a member) and lift (administrator only).
    mona.admin_account_moderate(anna_id, action="suspend", report_id=reps[0]["id"], text="Na waarschuwing")
    assert ada.admin_account(anna_id)["suspended"] is True
    assert ada.admin_report(reps[0]["id"])["action_taken"] is True
    with pytest.raises(MastodonAPIError):
        mona.admin_account_unsuspend(anna_id)
    assert ada.admin_account_unsuspend(anna_id)["suspended"] is False
    # Not on someone above: a moderator does not suspend the administrator.
    with pytest.raises(MastodonAPIError):
        mona.admin_account_moderate(ada.me()["id"], action="suspend")
    # Without admin rights, and with a plain read token, nothing.
    with pytest.raises(MastodonAPIError):
        bart.admin_accounts()
