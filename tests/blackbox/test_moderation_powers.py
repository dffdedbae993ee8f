"""Who may act on whom (issue 11, findings 1, 2 and 17; issue 13, the log).

On the instance: moderators act only on members, administrators also on
moderators and administrators, nobody on themselves, nobody suspends the last
administrator, and an administrator can lift a suspension (page and command
line).  In a group: moderators act only on members, the owner also on
moderators, nobody on the owner.  A suspended account's posts are gone from
every read path, pages and API alike.  Every action is in the moderation log,
in Dutch words, and an action without its log entry does not happen.
Runs on SQLite and PostgreSQL."""
import re
import sqlite3

import pytest
import requests

from conftest import PASSWORD, TEST_DB, pg_db_name, pg_psql, uniq
from test_groups import add_member, group_id, group_post, make_group


def report_id(page, reason):
    """The id of the open report with this reason on a moderation page."""
    for card in re.findall(r'<li class="card">.*?</li>', page, flags=re.S):
        if reason in card:
            return re.search(r"/moderation/(\d+)/dismiss", card).group(1)
    raise AssertionError("report %r not on the page" % reason)


def report_account(server, target):
    """A fresh reporter reports target's account; returns the reason."""
    reason = uniq("melding")
    reporter = server.new_user(prefix="rep")
    assert reporter.post("/@%s/report" % target, {"reason": reason}).status_code == 303
    return reason


def can_log_in(server, name):
    c = server.client()
    c.ensure_csrf()
    r = c.post("/login", {"username": name, "password": PASSWORD, "next": "/"})
    return r.status_code == 303


def token(server, name):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "modtest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"},
        timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read write"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def db_write(server, sql):
    if TEST_DB == "pg":
        pg_psql(sql, db=pg_db_name(server.data))
    else:
        con = sqlite3.connect(server.data + "/kring.db", timeout=10)
        con.executescript(sql)
        con.commit()
        con.close()


def log_table(page):
    """The moderation log's rows (the table after 'Wie deed wat')."""
    part = page.split("Wie deed wat", 1)[1]
    return part.split("</table>", 1)[0]


# ---- finding 1: the instance's hierarchy ----

def test_moderator_cannot_suspend_or_warn_an_administrator(server, admin):
    boss = server.new_user(role="admin", prefix="boss")
    mod = server.new_user(role="moderator", prefix="imod")
    mod2 = server.new_user(role="moderator", prefix="imod")
    member = server.new_user(prefix="imem")
    for target in (boss, mod2):
        reason = report_account(server, target.name)
        # Reports about those above them are not shown to moderators...
        assert reason not in mod.get("/moderation").text
        rid = report_id(admin.get("/moderation").text, reason)
        # ...nor can they act on them, or close them.
        for action in ("suspend", "warn", "dismiss"):
            r = mod.post("/moderation/%s/%s" % (rid, action))
            assert r.status_code == 403, (target.name, action, r.status_code)
        assert can_log_in(server, target.name)
        assert "Uitloggen" in target.get("/").text      # the session lives on
        # The report stays open for an administrator (not the one reported).
        assert reason in admin.get("/moderation").text
        assert reason not in target.get("/moderation").text
    # A moderator acts on a member.
    reason = report_account(server, member.name)
    rid = report_id(mod.get("/moderation").text, reason)
    assert mod.post("/moderation/%s/suspend" % rid).status_code == 303
    assert not can_log_in(server, member.name)


def test_nobody_acts_on_themselves_and_admins_act_on_moderators(server):
    a1 = server.new_user(role="admin", prefix="adm")
    mod = server.new_user(role="moderator", prefix="imod")
    # Someone reports a1: another administrator sees it, a1 does not (nor who
    # reported them) and cannot close it or act on it.
    a2 = server.new_user(role="admin", prefix="adm")
    reason = report_account(server, a1.name)
    assert reason not in a1.get("/moderation").text
    rid = report_id(a2.get("/moderation").text, reason)
    for action in ("suspend", "dismiss"):
        assert a1.post("/moderation/%s/%s" % (rid, action)).status_code == 403
    assert a1.post("/admin/users/%s/suspend" % a1.name).status_code == 403
    assert can_log_in(server, a1.name)
    # Nor changes their own role; a role change is in the log.
    assert a1.post("/admin/users/%s/role" % a1.name, {"role": "member"}).status_code == 403
    assert re.search(r"^%s\s+admin" % a1.name, server.cli("user", "list").stdout, flags=re.M)
    newmod = server.new_user(prefix="nmod")
    assert a1.post("/admin/users/%s/role" % newmod.name, {"role": "moderator"}).status_code == 303
    rows = re.findall(r"<tr>.*?</tr>", log_table(a1.get("/moderation").text), flags=re.S)
    assert any(newmod.name in r and "Rol: moderator" in r for r in rows)
    # An administrator suspends a moderator, and lifts it again.
    assert a1.post("/admin/users/%s/suspend" % mod.name).status_code == 303
    assert not can_log_in(server, mod.name)
    assert a1.post("/admin/users/%s/unsuspend" % mod.name).status_code == 303
    assert can_log_in(server, mod.name)


def test_administrator_lifts_a_suspension_on_the_page(server):
    admin = server.new_user(role="admin", prefix="adm")
    mod = server.new_user(role="moderator", prefix="imod")
    member = server.new_user(prefix="imem")
    reason = report_account(server, member.name)
    rid = report_id(admin.get("/moderation").text, reason)
    assert admin.post("/moderation/%s/suspend" % rid).status_code == 303
    assert not can_log_in(server, member.name)
    # The accounts page says who is suspended and offers to lift it.
    page = admin.get("/admin/users?after=" + member.name[:-1]).text
    row = [r for r in re.findall(r"<tr>.*?</tr>", page, flags=re.S) if "@" + member.name in r][0]
    assert "Schorsing opheffen" in row and "/admin/users/%s/unsuspend" % member.name in row
    # Moderators and a missing CSRF token are refused.
    assert mod.post("/admin/users/%s/unsuspend" % member.name).status_code == 403
    assert admin.post("/admin/users/%s/unsuspend" % member.name, csrf="x").status_code in (400, 403)
    assert not can_log_in(server, member.name)
    assert admin.post("/admin/users/%s/unsuspend" % member.name).status_code == 303
    assert can_log_in(server, member.name)
    # Unknown names and accounts that are not suspended are a clear 4xx.
    assert admin.post("/admin/users/%s/unsuspend" % uniq("niemand")).status_code == 404
    assert 400 <= admin.post("/admin/users/%s/unsuspend" % member.name).status_code < 500
    # The log names both, in words.
    log = log_table(admin.get("/moderation").text)
    assert "Account geschorst" in log and "Schorsing opgeheven" in log


def test_command_line_suspends_and_lifts_but_keeps_the_last_administrator(start_server):
    srv = start_server()
    only = srv.add_user(uniq("enige"), role="admin")
    member = srv.add_user(uniq("lid"))
    r = srv.cli("user", "suspend", only, check=False)
    assert r.returncode != 0 and "administrator" in r.stderr
    assert can_log_in(srv, only)
    srv.cli("user", "suspend", member)
    assert not can_log_in(srv, member)
    assert re.search(r"^%s\s.*\[suspended\]" % member, srv.cli("user", "list").stdout, flags=re.M)
    srv.cli("user", "unsuspend", member)
    assert can_log_in(srv, member)
    assert srv.cli("user", "unsuspend", uniq("niemand"), check=False).returncode != 0
    # With a second administrator, one may be suspended, then not the other.
    second = srv.add_user(uniq("tweede"), role="admin")
    srv.cli("user", "suspend", second)
    assert srv.cli("user", "suspend", only, check=False).returncode != 0
    # A suspended administrator does not count: the working one cannot be demoted.
    assert srv.cli("user", "role", only, "member", check=False).returncode != 0
    srv.cli("user", "unsuspend", second)
    assert can_log_in(srv, second)


# ---- finding 2: the group's hierarchy ----

def test_group_moderator_cannot_ban_the_owner_or_another_moderator(server):
    owner = server.new_user(prefix="gown")
    mod = server.new_user(prefix="gmod")
    mod2 = server.new_user(prefix="gmod")
    member = server.new_user(prefix="gmem")
    reporter = server.new_user(prefix="grep")
    g = make_group(owner, "closed")
    for who, role in ((mod, "moderator"), (mod2, "moderator"), (member, "member"), (reporter, "member")):
        add_member(server, g, who, role)
    gid = group_id(owner, g)
    pids = {}
    admin = server.new_user(role="admin", prefix="gadm")
    for target in (owner, mod2):
        pid = pids[target.name] = group_post(target, gid, "Bericht van " + target.name)
        reason = uniq("kringmelding")
        assert reporter.post("/posts/%d/report" % pid, {"reason": reason}).status_code == 303
        # A report about a moderator is for the owner; about the owner, for the instance.
        assert reason not in mod.get("/g/%s/queue" % g).text
        assert reason not in target.get("/g/%s/queue" % g).text
        handler = owner.get("/g/%s/queue" % g).text if target is mod2 else admin.get("/moderation").text
        rid = report_id(handler, reason)
        for action in ("ban", "warn", "remove", "dismiss"):
            r = mod.post("/moderation/%s/%s" % (rid, action))
            assert r.status_code == 403, (target.name, action, r.status_code)
        assert target.get("/posts/%d" % pid).status_code == 200
        assert ("/posts/%d" % pid) in target.get("/g/" + g).text
        # Through the members page too.
        for action in ("ban", "remove"):
            assert mod.post("/g/%s/members/%s/%s" % (g, target.name, action)).status_code == 403
    # The owner acts on a moderator; a moderator on a member.
    pid = group_post(mod2, gid, "Nog een bericht")
    reason = uniq("kringmelding")
    assert reporter.post("/posts/%d/report" % pid, {"reason": reason}).status_code == 303
    rid = report_id(owner.get("/g/%s/queue" % g).text, reason)
    assert owner.post("/moderation/%s/ban" % rid).status_code == 303
    assert mod2.get("/posts/%d" % pids[owner.name]).status_code == 404
    assert mod.post("/g/%s/members/%s/ban" % (g, member.name)).status_code == 303
    # Nobody demotes or bans the owner, not even through a role change.
    assert owner.post("/g/%s/members/%s/member" % (g, owner.name)).status_code in (400, 403)
    assert mod.post("/g/%s/members/%s/member" % (g, owner.name)).status_code == 403


# ---- finding 17: a suspended account's posts are gone everywhere ----

def test_suspended_accounts_posts_are_gone_from_pages_and_api(server):
    author = server.new_user(prefix="susp")
    reader = server.new_user(prefix="lezer")
    word, tag = uniq("woord"), uniq("tag")
    pid = author.new_post("Iets over %s #%s" % (word, tag))
    reply_root = reader.new_post("Een vraag aan iedereen")
    rid = author.new_post("Mijn antwoord %s" % word, in_reply_to=str(reply_root))
    tok = token(server, reader.name)
    h = {"Authorization": "Bearer " + tok}
    me = requests.get(server.base + "/api/v1/accounts/lookup?acct=" + author.name, headers=h, timeout=10).json()
    acct = me["id"]

    def seen():
        out = {}
        for who, c in (("anon", server.client()), ("reader", reader)):
            out[who + " thread"] = c.get("/posts/%d" % pid).status_code == 200
            out[who + " reply"] = ("/posts/%d" % rid) in c.get("/posts/%d" % reply_root).text
            for path in ("/local", "/tags/" + tag, "/search?q=" + word, "/@" + author.name):
                r = c.get(path)
                out[who + " " + path] = r.status_code == 200 and ("/posts/%d" % pid) in r.text
        api = {
            "status": "/api/v1/statuses/%d" % pid,
            "public": "/api/v1/timelines/public?limit=40",
            "tag": "/api/v1/timelines/tag/" + tag,
            "account": "/api/v1/accounts/%s/statuses" % acct,
            "search": "/api/v2/search?type=statuses&q=" + word,
            "context": "/api/v1/statuses/%d/context" % reply_root,
            "many": "/api/v1/statuses?id[]=%d" % pid,
        }
        for k, path in api.items():
            r = requests.get(server.base + path, headers=h, timeout=10)
            out["api " + k] = r.status_code == 200 and ('"%d"' % pid in r.text or '"%d"' % rid in r.text)
        return out

    # The account itself: gone from the people it follows and the groups it is in.
    assert author.post("/@%s/follow" % reader.name).status_code == 303
    owner = server.new_user(prefix="sown")
    g = make_group(owner, "open")
    add_member(server, g, author)

    def listed():
        return {"followers": ("@" + author.name) in reader.get("/@%s/followers" % reader.name).text,
                "members": ("@" + author.name) in owner.get("/g/%s/members" % g).text}

    before = seen()
    assert all(before.values()), before
    assert all(listed().values()), listed()
    db_write(server, "UPDATE accounts SET suspended = 1 WHERE username = '%s'" % author.name)
    after = seen()
    assert not any(after.values()), after
    assert not any(listed().values()), listed()
    db_write(server, "UPDATE accounts SET suspended = 0 WHERE username = '%s'" % author.name)
    assert all(seen().values())


# ---- issue 13: the log shows group actions, in words ----

def test_group_actions_are_in_the_log_in_words(server):
    owner = server.new_user(prefix="lown")
    mod = server.new_user(prefix="lmod")
    member = server.new_user(prefix="lmem")
    other = server.new_user(prefix="loth")
    g = make_group(owner, "closed")
    add_member(server, g, mod, "moderator")
    add_member(server, g, member)
    add_member(server, g, other)
    gid = group_id(owner, g)
    member.post("/settings/profile", {"display_name": "Lid Van Kring", "bio": ""})
    pid = group_post(other, gid, "Iets wat weg moet")
    reason = uniq("kringmelding")
    assert member.post("/posts/%d/report" % pid, {"reason": reason}).status_code == 303
    rid = report_id(mod.get("/g/%s/queue" % g).text, reason)
    assert mod.post("/moderation/%s/remove" % rid).status_code == 303
    keep = group_post(member, gid, "Welkom allemaal")
    assert mod.post("/posts/%d/pin" % keep).status_code == 303
    assert mod.post("/g/%s/members/%s/ban" % (g, member.name)).status_code == 303
    assert owner.post("/g/%s/members/%s/member" % (g, mod.name)).status_code == 303
    log = log_table(owner.get("/g/%s/queue" % g).text)
    assert "Bericht verwijderd" in log and "Uitgesloten uit de kring" in log and "Geen moderator meer" in log
    assert "Bericht vastgezet" in log
    assert "Lid Van Kring" in log
    for raw in (">ban<", ">remove<", ">make-member<", "ban:", "remove:"):
        assert raw not in log, raw
    # Outsiders and members do not see a group's log.
    assert "Uitgesloten uit de kring" not in other.get("/g/%s/queue" % g).text


def test_instance_log_in_words(server):
    admin = server.new_user(role="admin", prefix="adm")
    member = server.new_user(prefix="wmem")
    reason = report_account(server, member.name)
    rid = report_id(admin.get("/moderation").text, reason)
    assert admin.post("/moderation/%s/warn" % rid, {"note": "Let op je woorden"}).status_code == 303
    log = log_table(admin.get("/moderation").text)
    assert "Gewaarschuwd" in log and "Let op je woorden" in log
    assert ">warn" not in log and "warn:" not in log


# ---- an action and its log entry: both or neither ----

def test_an_action_without_its_log_entry_does_not_happen(server):
    admin = server.new_user(role="admin", prefix="adm")
    victim = server.new_user(prefix="atom")
    reason = report_account(server, victim.name)
    rid = report_id(admin.get("/moderation").text, reason)
    if TEST_DB == "pg":
        db_write(server, "CREATE FUNCTION mod_log_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'test';"
                         " END $$ LANGUAGE plpgsql;"
                         " CREATE TRIGGER mod_log_fail BEFORE INSERT ON mod_log FOR EACH ROW"
                         " EXECUTE FUNCTION mod_log_fail();")
    else:
        db_write(server, "CREATE TRIGGER mod_log_fail BEFORE INSERT ON mod_log BEGIN"
                         " SELECT RAISE(ABORT, 'test'); END;")
    try:
        r = admin.post("/moderation/%s/suspend" % rid)
        assert r.status_code >= 400
        r = admin.post("/admin/users/%s/suspend" % victim.name)
        assert r.status_code >= 400
    finally:
        if TEST_DB == "pg":
            db_write(server, "DROP TRIGGER mod_log_fail ON mod_log; DROP FUNCTION mod_log_fail();")
        else:
            db_write(server, "DROP TRIGGER mod_log_fail;")
    # Nothing happened: the account works, the report is still open.
    assert can_log_in(server, victim.name)
    assert "Uitloggen" in victim.get("/").text
    assert reason in admin.get("/moderation").text
    # And with the log working, the action and its entry are both there.
    assert admin.post("/moderation/%s/suspend" % rid).status_code == 303
    assert not can_log_in(server, victim.name)
    rows = re.findall(r"<tr>.*?</tr>", log_table(admin.get("/moderation").text), flags=re.S)
    assert any(victim.name in r and "Account geschorst" in r for r in rows)


# ---- the same fault through another door: deleting a post as a moderator ----

def test_moderators_delete_posts_by_the_hierarchy_and_in_the_log(server):
    admin = server.new_user(role="admin", prefix="adm")
    imod = server.new_user(role="moderator", prefix="imod")
    member = server.new_user(prefix="dmem")
    owner = server.new_user(prefix="down")
    gmod = server.new_user(prefix="dmod")
    # An instance moderator removes a member's post, not an administrator's.
    boss_pid = admin.new_post("Bericht van de beheerder")
    assert imod.post("/posts/%d/delete" % boss_pid).status_code == 403
    assert server.client().get("/posts/%d" % boss_pid).status_code == 200
    pid = member.new_post("Iets wat niet mag")
    assert imod.post("/posts/%d/delete" % pid).status_code == 303
    assert server.client().get("/posts/%d" % pid).status_code == 404
    rows = re.findall(r"<tr>.*?</tr>", log_table(admin.get("/moderation").text), flags=re.S)
    assert any(member.name in r and "Bericht verwijderd" in r for r in rows)
    # A group moderator removes a member's group post, not the owner's.
    g = make_group(owner, "closed")
    add_member(server, g, gmod, "moderator")
    add_member(server, g, member)
    gid = group_id(owner, g)
    own_pid = group_post(owner, gid, "Welkom in de kring")
    assert gmod.post("/posts/%d/delete" % own_pid).status_code == 403
    assert member.get("/posts/%d" % own_pid).status_code == 200
    tok = token(server, gmod.name)
    r = requests.delete(server.base + "/api/v1/statuses/%d" % own_pid,
                        headers={"Authorization": "Bearer " + tok}, timeout=10)
    assert r.status_code == 403, r.status_code
    assert member.get("/posts/%d" % own_pid).status_code == 200
    mem_pid = group_post(member, gid, "Iets ongepasts")
    assert gmod.post("/posts/%d/delete" % mem_pid).status_code == 303
    rows = re.findall(r"<tr>.*?</tr>", log_table(owner.get("/g/%s/queue" % g).text), flags=re.S)
    assert any(member.name in r and "Bericht verwijderd" in r for r in rows)
