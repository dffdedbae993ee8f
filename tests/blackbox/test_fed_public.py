"""Public timelines know where a post was written (issue 21): Mastodon's
`local`, `remote` and `only_media` arguments of /api/v1/timelines/public and
/api/v1/timelines/tag/:tag, the public:local / public:remote /
hashtag:local streams, and the "Alle berichten" page, which shows only this
server's posts.  Two kring instances on 127.0.0.1 (KRING_FED_LOOPBACK=1)."""
import pytest
import requests

from conftest import Server, free_port, uniq
from test_federation import fed_server, host, wait_for
from test_federation_remote import api, token
from test_media import jpeg, read
from test_stream_audience import Stream


def slow_poll_server():
    """b polls for posts made elsewhere every 4 s, so an API post made just
    after a received one reaches the streams before the poll does."""
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    s = Server(env={"KRING_FED_LOOPBACK": "1", "KRING_BASE_URL": base, "KRING_TEST_STREAM_POLL": "4"})
    s.start(port=port)
    return s


@pytest.fixture(scope="module")
def pair():
    a, b = fed_server(), slow_poll_server()
    yield a, b
    for s in (a, b):
        s.assert_clean_stop()
        s.cleanup()


def texts(server, h, path, **params):
    r = api(server, h, "GET", path, params=dict(params, limit=40))
    assert r.status_code == 200, r.text
    return " ".join(s["content"] for s in r.json())


def with_photo(server, h, text):
    r = requests.post(server.base + "/api/v2/media", headers=h, files=[("file", ("p.jpg", read(jpeg()), "image/jpeg"))],
                      timeout=30)
    assert r.status_code in (200, 202), r.text
    mid = r.json()["id"]
    assert wait_for(lambda: api(server, h, "GET", "/api/v1/media/" + mid).status_code == 200)
    r = api(server, h, "POST", "/api/v1/statuses", data={"status": text, "visibility": "public", "media_ids[]": mid})
    assert r.status_code == 200, r.text


def test_local_remote_and_media_apart(pair):
    a, b = pair
    ann = a.new_user(prefix="ann")
    bob = b.new_user(prefix="bob")
    ha, hb = token(a, ann.name), token(b, bob.name)
    tag = uniq("kringtag")
    # bob follows ann on a, so ann's public posts come to b.
    acct = "%s@%s" % (ann.name, host(a))
    r = api(b, hb, "GET", "/api/v2/search", params={"q": "@" + acct, "resolve": "true"})
    aid = r.json()["accounts"][0]["id"]
    assert api(b, hb, "POST", "/api/v1/accounts/%s/follow" % aid).status_code == 200

    def following():
        r = api(b, hb, "GET", "/api/v1/accounts/relationships", params={"id[]": aid})
        return r.json()[0]["following"]
    assert wait_for(following)

    far, near, photo = uniq("ver"), uniq("dichtbij"), uniq("foto")
    live_local = Stream(b.base + "/api/v1/streaming/public/local")
    live_remote = Stream(b.base + "/api/v1/streaming/public/remote")
    live_all = Stream(b.base + "/api/v1/streaming/public")
    try:
        r = api(a, ha, "POST", "/api/v1/statuses", data={"status": "Open dag %s #%s" % (far, tag),
                                                     "visibility": "public"})
        assert r.status_code == 200, r.text
        assert wait_for(lambda: far in texts(b, hb, "/api/v1/timelines/home"))
        r = api(b, hb, "POST", "/api/v1/statuses", data={"status": "Koffie %s #%s" % (near, tag),
                                                     "visibility": "public"})
        assert r.status_code == 200, r.text
        with_photo(b, hb, "Foto " + photo)

        # The whole public timeline holds both; local only b's; remote only ann's.
        every = texts(b, hb, "/api/v1/timelines/public")
        assert far in every and near in every and photo in every
        local = texts(b, hb, "/api/v1/timelines/public", local="true")
        assert near in local and photo in local and far not in local
        remote = texts(b, hb, "/api/v1/timelines/public", remote="true")
        assert far in remote and near not in remote and photo not in remote
        # only_media: the post with a photo and nothing else.
        media = texts(b, hb, "/api/v1/timelines/public", only_media="true")
        assert photo in media and near not in media and far not in media
        assert texts(b, hb, "/api/v1/timelines/public", only_media="true", remote="true") == ""
        # The tag timeline likewise (a received Note's hashtags are kept
        # only once Notes carry their tags: then ann's post is in it too).
        t = "/api/v1/timelines/tag/" + tag
        assert near in texts(b, hb, t) and near in texts(b, hb, t, local="true")
        assert near not in texts(b, hb, t, remote="true")
        assert far not in texts(b, hb, t, local="true")
        if far in texts(b, hb, t):
            assert far in texts(b, hb, t, remote="true")
        # Without a token too (the public timeline is public).
        assert far not in texts(b, {}, "/api/v1/timelines/public", local="true")

        # The page "Alle berichten" is this server's posts only.
        page = requests.get(b.base + "/local", timeout=20).text
        assert near in page and far not in page

        # Streams: public:local never carries ann's post, public:remote never bob's.
        # ann's post came in through the federation inbox (found by the poll),
        # bob's were sent as they were made, with newer ids: the poll must
        # still find ann's.
        def seen(stream):
            return " ".join(data for _, data in stream.events(12 if stream is live_all else 4))
        got_all = seen(live_all)
        got_local, got_remote = seen(live_local), seen(live_remote)
        assert near in got_all and far in got_all, "the public stream missed a post"
        assert near in got_local and far not in got_local
        assert far in got_remote and near not in got_remote
    finally:
        for s in (live_local, live_remote, live_all):
            s.close()


def test_stream_names_and_bad_arguments(pair):
    _, b = pair
    # hashtag:local needs its tag, like hashtag.
    r = requests.get(b.base + "/api/v1/streaming/hashtag/local", timeout=10)
    assert r.status_code == 400
    # An unknown stream is 404, not a stream of everything.
    assert requests.get(b.base + "/api/v1/streaming/public/elsewhere", timeout=10).status_code == 404
