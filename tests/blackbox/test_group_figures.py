"""A group's figures for its moderators (issue 20, docs/measure.md): per week
the posts (activity), the people who joined (growth) and the people its
posts reached, with fewer than 5 never shown as a number and no viewer named."""
import re

from conftest import uniq
from test_join import make_group

GID_RE = re.compile(r'name="group_id" value="(\d+)"')


def this_week(page):
    rows = re.findall(r"<tr><td>[0-9-]+</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", page)
    assert len(rows) == 12, page[:500]
    return rows[-1]


def test_figures_count_posts_members_and_reach(server):
    owner = server.new_user(prefix="own")
    g = make_group(owner, "open")
    assert owner.get("/g/%s/cijfers" % g).status_code == 200
    posts, joined, reach = this_week(owner.get("/g/%s/cijfers" % g).text)
    assert (posts, joined, reach) == ("0", "1", "minder dan 5")          # only the owner so far
    people = [server.new_user(prefix="lid") for _ in range(3)]
    for p in people:
        assert p.post("/g/%s/join" % g, {}).status_code in (200, 303)
    gid = GID_RE.search(owner.get("/g/" + g).text).group(1)
    for text in ("Welkom allemaal " + uniq("w"), "Wie komt er donderdag? " + uniq("w")):
        assert owner.post("/posts", {"text": text, "group_id": gid}).status_code in (200, 303)
    for p in people:
        assert p.get("/g/" + g).status_code == 200                        # shown the group's posts
    posts, joined, reach = this_week(owner.get("/g/%s/cijfers" % g).text)
    assert (posts, joined, reach) == ("2", "4", "minder dan 5")           # 3 people: not a number
    more = [server.new_user(prefix="lid") for _ in range(3)]
    for p in more:
        assert p.post("/g/%s/join" % g, {}).status_code in (200, 303)
        assert p.get("/g/" + g).status_code == 200
    page = owner.get("/g/%s/cijfers" % g).text
    assert this_week(page) == ("2", "7", "6")
    assert not any(p.name in page for p in people + more)                # nobody who saw is named
    assert "<svg" in page and 'href="/g/%s/cijfers"' % g in owner.get("/g/" + g).text


def test_figures_for_moderators_only(server):
    owner = server.new_user(prefix="own")
    g = make_group(owner, "open")
    member = server.new_user(prefix="lid")
    assert member.post("/g/%s/join" % g, {}).status_code in (200, 303)
    assert member.get("/g/%s/cijfers" % g).status_code in (403, 404)
    assert 'href="/g/%s/cijfers"' % g not in member.get("/g/" + g).text
    assert server.client().get("/g/%s/cijfers" % g, allow_redirects=False).status_code in (302, 303)
    assert owner.get("/g/%s/cijfers" % uniq("geen")).status_code == 404
