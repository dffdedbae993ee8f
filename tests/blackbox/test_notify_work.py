"""Notifications that lead to the work (issue 13, item 11).

A held post tells the group's moderators and links to the queue; a join
request and a report name the group and link to the members page or the
queue; opening /notifications marks what it shows read (the badge drops);
/moderation says where group reports are, with a link to each group's queue;
the author of a post a moderator removed is told so, with the reason."""
import re

from conftest import uniq
from test_groups import add_member, group_post, make_group


def notif_items(client):
    r = client.get("/notifications")
    assert r.status_code == 200, r.status_code
    return r.text, re.findall(r"<li class=\"[^\"]*\">(.*?)</li>", r.text, flags=re.S)


def item_with(items, words):
    for it in items:
        if words in it:
            return it
    raise AssertionError("no notification with %r in %r" % (words, items))


def gid_of(client, name):
    r = client.get("/g/" + name)
    return re.search(r'name="group_id" value="(\d+)"', r.text).group(1)


def test_held_post_notifies_moderators_with_link_to_queue(server):
    owner = server.new_user(prefix="own")
    mod = server.new_user(prefix="mod")
    member = server.new_user(prefix="mem")
    name = make_group(owner, "closed", premod="all")
    add_member(server, name, mod, role="moderator")
    add_member(server, name, member)
    pid = group_post(member, gid_of(member, name), "Wacht even op goedkeuring " + uniq("w"))
    for m in (owner, mod):
        _, items = notif_items(m)
        it = item_with(items, "wacht op uw goedkeuring")
        assert 'href="/g/%s/queue"' % name in it, it
        assert "Kring " + name in it, "the notification names the group"
        assert "/posts/%d" % pid in it
    # The author is not told of their own held post.
    text, _ = notif_items(member)
    assert "wacht op uw goedkeuring" not in text


def test_join_request_and_report_name_the_group_and_link_to_the_work(server):
    owner = server.new_user(prefix="own")
    asker = server.new_user(prefix="ask")
    member = server.new_user(prefix="mem")
    name = make_group(owner, "closed")
    assert asker.post("/g/%s/join" % name, {"message": "Mag ik erbij?"}).status_code == 303
    _, items = notif_items(owner)
    it = item_with(items, "wil lid worden van de kring")
    assert "Kring " + name in it and 'href="/g/%s/members"' % name in it, it

    add_member(server, name, member)
    other = server.new_user(prefix="oth")
    add_member(server, name, other)
    pid = group_post(other, gid_of(other, name), "Iets onaardigs " + uniq("x"))
    assert member.post("/posts/%d/report" % pid, {"reason": "Niet aardig"}).status_code == 303
    _, items = notif_items(owner)
    it = item_with(items, "klacht")
    assert "Kring " + name in it and 'href="/g/%s/queue"' % name in it, it


def test_viewing_notifications_marks_them_read(server):
    a = server.new_user(prefix="a")
    b = server.new_user(prefix="b")
    assert b.post("/@%s/follow" % a.name).status_code == 303
    assert a.unread() >= 1
    r = a.get("/notifications")
    assert 'class="unread"' in r.text, "what is new is marked new on the page that shows it"
    # The page itself already shows the badge gone, and so does the next one.
    assert not re.search(r'<a href="/notifications">[^<]*<span class="badge">', r.text)
    assert a.unread() == 0


def test_moderation_page_says_where_group_reports_are(server, admin):
    owner = server.new_user(prefix="own")
    member = server.new_user(prefix="mem")
    other = server.new_user(prefix="oth")
    name = make_group(owner, "closed")
    add_member(server, name, member)
    add_member(server, name, other)
    pid = group_post(other, gid_of(other, name), "Gemeld " + uniq("g"))
    assert member.post("/posts/%d/report" % pid, {"reason": "Vervelend"}).status_code == 303
    # A group's moderator who is no instance moderator finds the queue here.
    r = owner.get("/moderation")
    assert r.status_code == 200, r.status_code
    assert 'href="/g/%s/queue"' % name in r.text and "1 open klacht" in r.text
    # The instance's moderators read where group reports are handled.
    r = admin.get("/moderation")
    assert r.status_code == 200
    assert "Klachten in kringen" in r.text
    # Someone who moderates nothing still may not open it.
    assert server.new_user(prefix="no").get("/moderation").status_code == 403


def test_author_hears_why_a_moderator_removed_the_post(server):
    owner = server.new_user(prefix="own")
    member = server.new_user(prefix="mem")
    author = server.new_user(prefix="aut")
    name = make_group(owner, "closed")
    add_member(server, name, member)
    add_member(server, name, author)
    pid = group_post(author, gid_of(author, name), "Iets kwetsends " + uniq("k"))
    assert member.post("/posts/%d/report" % pid, {"reason": "Kwetsend"}).status_code == 303
    q = owner.get("/g/%s/queue" % name).text
    rid = re.search(r"/moderation/(\d+)/remove", q).group(1)
    why = "Dit gaat tegen huisregel 2 in " + uniq("r")
    r = owner.post("/moderation/%s/remove" % rid, {"note": why, "back": "/g/%s/queue" % name})
    assert r.status_code == 303
    assert owner.get("/posts/%d" % pid).status_code == 404
    _, items = notif_items(author)
    it = item_with(items, "heeft uw bericht verwijderd")
    assert why in it and "Kring " + name in it, it
    assert author.unread() == 0

    # Removed directly (not from a report): told too.
    pid2 = group_post(author, gid_of(author, name), "Nog iets " + uniq("k"))
    assert owner.post("/posts/%d/delete" % pid2).status_code == 303
    _, items = notif_items(author)
    assert len([i for i in items if "heeft uw bericht verwijderd" in i]) == 2
