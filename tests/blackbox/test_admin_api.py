"""The admin API apps use (issue 14, part 3): /api/v1/admin/accounts and
/api/v1/admin/reports behind the admin:* scopes (never part of read/write)
and kring's roles: moderators act on members only, administrators on
everyone, nobody on themselves, only administrators lift a suspension."""
import requests

from conftest import uniq
from test_stream_audience import hdr, token

ADMIN_SCOPES = "read write admin:read admin:write"


def api(s, tok, path, method="get", **kw):
    return getattr(requests, method)(s.base + path, headers=hdr(tok), timeout=10, **kw)


def acct_id(s, tok):
    return api(s, tok, "/api/v1/accounts/verify_credentials").json()["id"]


def people(server):
    adm = server.add_user(uniq("adm"), role="admin")
    mod = server.add_user(uniq("mod"), role="moderator")
    mod2 = server.add_user(uniq("mod"), role="moderator")
    mem = server.add_user(uniq("lid"))
    rep = server.add_user(uniq("mel"))
    t = {n: token(server, u, ADMIN_SCOPES) for n, u in
         (("adm", adm), ("mod", mod), ("mod2", mod2), ("mem", mem), ("rep", rep))}
    ids = {n: acct_id(server, tok) for n, tok in t.items()}
    return t, ids, {"adm": adm, "mod": mod, "mem": mem}


def test_accounts_list_get_and_scopes(server):
    t, ids, names = people(server)
    r = api(server, t["mod"], "/api/v1/admin/accounts", params={"username": names["mem"]})
    assert r.status_code == 200, r.text
    got = r.json()
    assert [a["id"] for a in got] == [ids["mem"]]
    a = got[0]
    assert a["username"] == names["mem"] and a["suspended"] is False and a["account"]["id"] == ids["mem"]
    assert a["role"]["name"] == "" and a["email"] == "" and a["ips"] == []
    staff = api(server, t["adm"], "/api/v1/admin/accounts", params={"staff": "true", "limit": 200}).json()
    assert {ids["adm"], ids["mod"]} <= {x["id"] for x in staff} and ids["mem"] not in {x["id"] for x in staff}
    assert api(server, t["adm"], "/api/v2/admin/accounts", params={"origin": "remote"}).json() == []
    one = api(server, t["adm"], "/api/v1/admin/accounts/" + ids["mod"]).json()
    assert one["role"]["name"] == "Moderator"
    # Paging: newest first, with Link.
    r = api(server, t["adm"], "/api/v1/admin/accounts", params={"limit": 2})
    assert len(r.json()) == 2 and 'rel="next"' in r.headers["Link"]
    # A member is not staff; "read" is not "admin:read".
    assert api(server, t["mem"], "/api/v1/admin/accounts").status_code == 403
    plain = token(server, names["adm"], "read write")
    assert api(server, plain, "/api/v1/admin/accounts").status_code == 403
    assert api(server, plain, "/api/v1/admin/reports").status_code == 403


def test_suspend_hierarchy_and_unsuspend(server):
    t, ids, names = people(server)
    act = "/api/v1/admin/accounts/%s/action"
    # Moderators act on members only, nobody on themselves.
    assert api(server, t["mod"], act % ids["mod2"], "post", data={"type": "suspend"}).status_code == 403
    assert api(server, t["mod"], act % ids["mod"], "post", data={"type": "suspend"}).status_code == 403
    assert api(server, t["mem"], act % ids["rep"], "post", data={"type": "suspend"}).status_code == 403
    assert api(server, t["mod"], act % ids["mem"], "post", data={"type": "silence"}).status_code == 422
    r = api(server, t["mod"], act % ids["mem"], "post", data={"type": "suspend", "text": "Herhaaldelijk"})
    assert r.status_code == 200, r.text
    assert api(server, t["adm"], "/api/v1/admin/accounts/" + ids["mem"]).json()["suspended"] is True
    susp = api(server, t["adm"], "/api/v1/admin/accounts", params={"suspended": "true", "limit": 200}).json()
    assert ids["mem"] in [x["id"] for x in susp]
    # Its token stopped working.
    assert api(server, t["mem"], "/api/v1/accounts/verify_credentials").status_code == 401
    # Only administrators lift it.
    assert api(server, t["mod"], "/api/v1/admin/accounts/%s/unsuspend" % ids["mem"], "post").status_code == 403
    r = api(server, t["adm"], "/api/v1/admin/accounts/%s/unsuspend" % ids["mem"], "post")
    assert r.status_code == 200 and r.json()["suspended"] is False
    # A warning (type none) reaches the person as a notification.
    r = api(server, t["mod"], act % ids["rep"], "post", data={"type": "none", "text": "Let op uw toon"})
    assert r.status_code == 200, r.text


def test_reports_list_assign_resolve_reopen(server):
    t, ids, names = people(server)
    pid = api(server, t["mem"], "/api/v1/statuses", "post", data={"status": "Iets lelijks", "visibility": "public"}).json()["id"]
    r = api(server, t["rep"], "/api/v1/reports", "post", data={"account_id": ids["mem"], "status_ids[]": pid,
                                                               "comment": "Dit klopt niet"})
    assert r.status_code == 200, r.text
    reps = api(server, t["mod"], "/api/v1/admin/reports").json()
    mine = [x for x in reps if x["target_account"]["id"] == ids["mem"]]
    assert len(mine) == 1, reps
    rid = mine[0]["id"]
    assert mine[0]["account"]["id"] == ids["rep"] and mine[0]["comment"] == "Dit klopt niet"
    assert [s["id"] for s in mine[0]["statuses"]] == [pid] and mine[0]["action_taken"] is False
    assert mine[0]["assigned_account"] is None
    # The reported member sees nothing of it.
    assert api(server, t["mem"], "/api/v1/admin/reports/" + rid).status_code == 404
    assert api(server, t["mem"], "/api/v1/admin/reports").status_code == 403
    r = api(server, t["mod"], "/api/v1/admin/reports/%s/assign_to_self" % rid, "post")
    assert r.status_code == 200 and r.json()["assigned_account"]["id"] == ids["mod"], r.text
    r = api(server, t["mod"], "/api/v1/admin/reports/%s/resolve" % rid, "post")
    assert r.status_code == 200 and r.json()["action_taken"] is True
    assert rid not in [x["id"] for x in api(server, t["mod"], "/api/v1/admin/reports").json()]
    assert rid in [x["id"] for x in api(server, t["mod"], "/api/v1/admin/reports", params={"resolved": "true"}).json()]
    r = api(server, t["adm"], "/api/v1/admin/reports/%s/reopen" % rid, "post")
    assert r.status_code == 200 and r.json()["action_taken"] is False
    # Acting with the report: suspend closes it.
    r = api(server, t["mod"], "/api/v1/admin/accounts/%s/action" % ids["mem"], "post",
            data={"type": "suspend", "report_id": rid})
    assert r.status_code == 200, r.text
    assert api(server, t["adm"], "/api/v1/admin/reports/" + rid).json()["action_taken"] is True
    assert api(server, t["adm"], "/api/v1/admin/accounts/" + ids["mem"]).json()["suspended"] is True
    # A report about a moderator is not a moderator's to see.
    r = api(server, t["rep"], "/api/v1/reports", "post", data={"account_id": ids["mod2"], "comment": "Onaardig"})
    assert r.status_code == 200
    about_mod = [x for x in api(server, t["mod"], "/api/v1/admin/reports").json()
                 if x["target_account"]["id"] == ids["mod2"]]
    assert about_mod == []
    assert [x for x in api(server, t["adm"], "/api/v1/admin/reports").json() if x["target_account"]["id"] == ids["mod2"]]
    for bad in ["0", "x", "99999999999999999999999"]:
        assert api(server, t["adm"], "/api/v1/admin/reports/" + bad).status_code == 404
        assert api(server, t["adm"], "/api/v1/admin/accounts/" + bad).status_code == 404
