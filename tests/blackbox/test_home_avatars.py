"""The people's pictures on a page of posts are read for the whole page at once
(core_posts_avatars): every post still shows its author's own picture, the
same file the profile shows, and the generated one for people without."""
import re
import time

from conftest import uniq
from test_media import MEDIA_RE, jpeg, png, read

ARTICLE_RE = re.compile(r'<article class="post[^"]*" aria-labelledby="p(\d+)-by">(.*?)</article>', re.S)
AVATAR_RE = re.compile(r'<img class="avatar[^"]*" src="([^"]*)"')
HANDLE_RE = re.compile(r'<span class="handle">@([a-z0-9_]+)</span>')


def with_picture(server, c, path):
    r = c.post("/settings/avatar", {}, files=[("avatar", ("ik.jpg", read(path), "image/jpeg"))])
    assert r.status_code == 303, (r.status_code, r.text[:300])
    deadline = time.time() + 20
    while time.time() < deadline:
        m = AVATAR_RE.search(c.get("/@" + c.name).text)
        if m and MEDIA_RE.fullmatch(m.group(1)):
            return m.group(1)
        time.sleep(0.2)
    raise AssertionError("avatar of %s not shown" % c.name)


def pictures(html):
    """(author, picture) of each post on a page, in order."""
    out = []
    for _, body in ARTICLE_RE.findall(html):
        out.append((HANDLE_RE.search(body).group(1), AVATAR_RE.search(body).group(1)))
    return out


def test_page_of_posts_shows_each_authors_picture(server):
    ann, ben, cas, viewer = (server.new_user(prefix=p) for p in ("ava", "avb", "avc", "avv"))
    want = {ann.name: with_picture(server, ann, jpeg(size="800x600")),
            ben.name: with_picture(server, ben, png(size="300x300")),
            cas.name: "/avatar/%s.svg" % cas.name}
    assert want[ann.name] != want[ben.name]
    for c in (ann, ben, cas):
        assert viewer.post("/@%s/follow" % c.name, {}).status_code == 303
    tag = uniq("av")
    first = ann.new_post("eerste " + tag)
    ben.new_post("tweede " + tag)
    cas.new_post("derde " + tag)
    ann.new_post("nog een " + tag)
    assert ben.post("/posts/%d/boost" % first, {}).status_code == 303
    cas.new_post("antwoord " + tag, in_reply_to=str(first))

    home = pictures(viewer.get("/").text)
    assert len(home) >= 6, home
    for name, src in home:
        assert src == want[name], (name, src)
    assert {n for n, _ in home} == set(want)
    # The thread page reads them the same way.
    thread = pictures(viewer.get("/posts/%d" % first).text)
    assert [n for n, _ in thread] == [ann.name, cas.name]
    for name, src in thread:
        assert src == want[name], (name, src)
    # Back to the generated picture: the next page shows it.
    assert ann.post("/settings/avatar", {"remove": "1"}).status_code == 303
    for name, src in pictures(viewer.get("/").text):
        assert src == ("/avatar/%s.svg" % ann.name if name == ann.name else want[name]), (name, src)
