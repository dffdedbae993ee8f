"""Media: uploads are sniffed, stripped of every piece of metadata, served only
to those who may see the post, and deleted with it."""
import json
import os
import re
import struct
import subprocess
import tempfile
import time
import zlib

import pytest

from conftest import uniq

MEDIA_RE = re.compile(r'/media/[0-9a-f]{64}\.[a-z0-9]+')
TMP = tempfile.mkdtemp(prefix="kring-media-")


def run(*cmd):
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)


def jpeg(name="photo.jpg", size="640x480", gps=True, orientation=None):
    path = os.path.join(TMP, "%s-%s" % (uniq("f"), name))
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=%s" % size, "-frames:v", "1", path)
    if gps:
        args = ["exiftool", "-q", "-overwrite_original", "-GPSLatitude=52.37", "-GPSLatitudeRef=N",
                "-GPSLongitude=4.89", "-GPSLongitudeRef=E", "-Make=TestCam", "-Model=Geheim",
                "-Artist=Jan Client", "-XMP:Description=Kamer 12", "-IPTC:Keywords=client"]
        if orientation:
            args += ["-Orientation=%d" % orientation, "-n"]
        run(*(args + [path]))
    return path


_sizes = iter(range(150, 1000))


def png(name="pic.png", size=None):
    """A PNG test picture; each call's bytes differ unless size is given."""
    size = size or "%dx100" % next(_sizes)
    path = os.path.join(TMP, "%s-%s" % (uniq("f"), name))
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=%s" % size, "-frames:v", "1",
        "-f", "image2", "-c:v", "png", path)
    return path


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def bomb_png(w=100000, h=100000):
    """A small, well-formed PNG whose header claims w x h pixels."""
    raw = zlib.compress(b"\0" * 4096, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def upload(client, files, text="Een mooie dag", visibility="public", **extra):
    """Post with files: a list of (filename, bytes)."""
    data = {"text": text, "visibility": visibility}
    data.update(extra)
    parts = [("media", (name, body, "application/octet-stream")) for name, body in files]
    return client.post("/posts", data, files=parts)


def post_id(r):
    assert r.status_code == 303, (r.status_code, r.text[:600])
    m = re.match(r"^/posts/(\d+)", r.headers["Location"])
    assert m, r.headers["Location"]
    return int(m.group(1))


def wait_ready(client, pid, timeout=30):
    """The media URLs on the post page once processing is done."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        r = client.get("/posts/%d" % pid)
        assert r.status_code == 200, r.status_code
        if 'class="media"' in r.text and "Bestand wordt verwerkt" not in r.text:
            assert "kon niet worden verwerkt" not in r.text, "processing failed"
            return r.text, sorted(set(MEDIA_RE.findall(r.text)))
        time.sleep(0.2)
    raise AssertionError("media not processed in %d s" % timeout)


def exif(data):
    path = os.path.join(TMP, uniq("out"))
    with open(path, "wb") as f:
        f.write(data)
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", path], capture_output=True, text=True, timeout=30)
    return json.loads(out.stdout)[0]


def follow(a, b):
    r = a.post("/@%s/follow" % b.name, {})
    assert r.status_code == 303, r.status_code


# ---- images ---------------------------------------------------------------

def test_jpeg_metadata_is_gone(alice, anon):
    src = jpeg(gps=True)
    before = exif(read(src))
    assert "GPS:GPSLatitude" in before and before.get("IFD0:Make") == "TestCam"  # the test can fail
    pid = post_id(upload(alice, [("kamer12.jpg", read(src))], alt1="Testbeeld met kleuren"))
    html, urls = wait_ready(alice, pid)
    assert len(urls) >= 2, urls  # the stripped original and a thumbnail
    assert 'alt="Testbeeld met kleuren"' in html
    assert 'srcset="' in html
    for u in urls:
        r = anon.get(u)
        assert r.status_code == 200, (u, r.status_code)
        assert r.headers["Content-Type"] == "image/webp"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Content-Disposition"].startswith("inline; filename=")
        assert "public" in r.headers["Cache-Control"]
        meta = exif(r.content)
        leaked = [k for k in meta if k.split(":")[0] in ("GPS", "IFD0", "IFD1", "ExifIFD", "XMP-dc", "XMP-x",
                                                           "IPTC", "MakerNotes", "Composite")
                  and not k.startswith("Composite:Image") and k != "Composite:Megapixels"]
        assert not leaked, (u, leaked)
        text = json.dumps(meta)
        for secret in ("TestCam", "Geheim", "Jan Client", "Kamer 12", "52 deg"):
            assert secret not in text, (u, secret)
        assert b"Exif" not in r.content[:4096] and b"TestCam" not in r.content


def test_orientation_applied_before_stripping(alice):
    src = jpeg(size="640x480", orientation=6)  # rotate 90 CW
    pid = post_id(upload(alice, [("p.jpg", read(src))], alt1="gedraaid"))
    html, urls = wait_ready(alice, pid)
    sizes = []
    for u in urls:
        meta = exif(alice.get(u).content)
        sizes.append((meta["RIFF:ImageWidth"] if "RIFF:ImageWidth" in meta else meta.get("File:ImageWidth"),
                      meta.get("RIFF:ImageHeight", meta.get("File:ImageHeight"))))
    assert (480, 640) in sizes, sizes  # portrait now


def test_png_named_jpg_is_fine(alice):
    pid = post_id(upload(alice, [("echt.jpg", read(png()))], alt1="een png"))
    _, urls = wait_ready(alice, pid)
    assert urls


@pytest.mark.parametrize("body", [
    b"<!doctype html><html><script>alert(1)</script></html>",
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    b"#!/bin/sh\nrm -rf /\n",
    b"PK\x03\x04zipfile",
    b"",
])
def test_other_content_refused_whatever_its_name(alice, body):
    r = upload(alice, [("foto.jpg", body)])
    if body == b"":
        # An empty file part is what a browser sends when no file is chosen.
        assert r.status_code in (303, 400), r.status_code
        return
    assert r.status_code == 400, (r.status_code, r.text[:300])
    assert "kunnen we niet gebruiken" in r.text
    assert '<html lang="nl">' in r.text


def test_truncated_images_refused(alice):
    data = read(png(size="300x300"))
    r = upload(alice, [("half.png", data[:len(data) // 2])])
    assert r.status_code == 400, r.status_code
    assert "beschadigd" in r.text
    # A truncated JPEG: refused at once or marked failed by the job, never shown.
    data = read(jpeg(size="800x600", gps=False))
    r = upload(alice, [("half.jpg", data[:len(data) // 2])])
    if r.status_code == 303:
        pid = post_id(r)
        deadline = time.time() + 20
        while time.time() < deadline:
            page = alice.get("/posts/%d" % pid).text
            if "Bestand wordt verwerkt" not in page:
                break
            time.sleep(0.2)
        assert "kon niet worden verwerkt" in page
        assert not MEDIA_RE.search(page)
    else:
        assert r.status_code == 400


def test_decompression_bomb_refused(server, alice):
    r = upload(alice, [("bomb.png", bomb_png())])
    assert r.status_code == 413, r.status_code
    assert "beeldpunten" in r.text
    r = upload(alice, [("bomb2.png", bomb_png(9000, 9000))])  # 81 MP, under the side limit
    assert r.status_code == 413, r.status_code
    assert server.client().get("/healthz").status_code == 200


def test_oversized_refused(alice):
    big = read(jpeg(gps=False)) + b"\0" * (13 * 1024 * 1024)
    r = upload(alice, [("groot.jpg", big)])
    assert r.status_code == 413, r.status_code
    assert "te groot" in r.text
    # Past the upload limit the body is refused before it is read.
    r = upload(alice, [("heel-groot.jpg", b"\xff\xd8\xff" + b"\0" * (17 * 1024 * 1024))])
    assert r.status_code == 413, r.status_code


def test_at_most_four_files(alice):
    img = read(png(size="40x40"))
    r = upload(alice, [("a%d.png" % i, img) for i in range(5)])
    assert r.status_code == 400, r.status_code
    assert "hoogstens vier" in r.text
    pid = post_id(upload(alice, [("a%d.png" % i, img) for i in range(4)]))
    html, _ = wait_ready(alice, pid)
    assert html.count('class="media-item"') == 4


def test_multipart_without_csrf_refused(alice):
    data = {"text": "zonder token", "visibility": "public"}
    r = alice.s.post(alice.url("/posts"), data=data, files=[("media", ("a.png", read(png()), "image/png"))],
                     allow_redirects=False)
    assert r.status_code == 403, r.status_code


# ---- access control ---------------------------------------------------------

@pytest.fixture
def cast(server):
    author = server.new_user(prefix="auth")
    follower = server.new_user(prefix="fol")
    recipient = server.new_user(prefix="rcp")
    stranger = server.new_user(prefix="str")
    follow(follower, author)
    return {"author": author, "follower": follower, "recipient": recipient, "stranger": stranger,
            "anonymous": server.client()}


EXPECT = {
    "public": {"author", "follower", "recipient", "stranger", "anonymous"},
    "followers": {"author", "follower"},
    "direct": {"author", "recipient"},
}


@pytest.mark.parametrize("visibility", ["public", "followers", "direct"])
def test_media_access_follows_post_visibility(cast, visibility):
    author = cast["author"]
    extra = {"to": "@" + cast["recipient"].name} if visibility == "direct" else {}
    pid = post_id(upload(author, [("p.png", read(png()))], text="Voor wie mag", visibility=visibility,
                         alt1="beeld", **extra))
    _, urls = wait_ready(author, pid)
    assert urls
    for who, client in cast.items():
        for u in urls:
            r = client.get(u)
            if who in EXPECT[visibility]:
                assert r.status_code == 200, (visibility, who, u, r.status_code)
                cc = r.headers["Cache-Control"]
                assert ("public" in cc) == (visibility == "public"), (visibility, who, cc)
                if visibility != "public":
                    assert cc.startswith("private"), cc
            else:
                assert r.status_code == 404, (visibility, who, u, r.status_code)


def test_unknown_and_malformed_media_urls(anon):
    for u in ["/media/" + "0" * 64 + ".webp", "/media/../kring.db", "/media/" + "a" * 64 + ".html",
              "/media/xyz.webp"]:
        assert anon.get(u).status_code == 404, u


# ---- deletion ---------------------------------------------------------------

def test_delete_post_deletes_media(server, alice, anon):
    pid = post_id(upload(alice, [("weg.png", read(png(size="123x77")))], alt1="weg"))
    _, urls = wait_ready(alice, pid)
    paths = [os.path.join(server.data, "media", u[7:9], u[9:]) for u in urls]
    assert all(os.path.exists(p) for p in paths), paths
    assert alice.post("/posts/%d/delete" % pid, {}).status_code == 303
    for u in urls:
        assert anon.get(u).status_code == 404
        assert alice.get(u).status_code == 404
    assert not any(os.path.exists(p) for p in paths)
    # No raw upload is left behind either.
    assert os.listdir(os.path.join(server.data, "media", "tmp")) == [] or \
        all(not f.endswith(".upload") or "wacht" in f for f in os.listdir(os.path.join(server.data, "media", "tmp")))


def test_same_bytes_in_two_posts_survive_one_delete(alice, anon):
    body = read(png(size="99x55"))
    p1 = post_id(upload(alice, [("a.png", body)], alt1="een"))
    p2 = post_id(upload(alice, [("b.png", body)], alt1="twee"))
    _, u1 = wait_ready(alice, p1)
    _, u2 = wait_ready(alice, p2)
    assert u1 == u2  # content-addressed
    assert alice.post("/posts/%d/delete" % p1, {}).status_code == 303
    for u in u2:
        assert anon.get(u).status_code == 200


# ---- audio and video ----------------------------------------------------------

def av(name, *args):
    path = os.path.join(TMP, "%s-%s" % (uniq("f"), name))
    run("ffmpeg", "-v", "error", "-y", *args, path)
    return path


def tags_of(data, fmt):
    path = os.path.join(TMP, uniq("probe") + "." + fmt)
    with open(path, "wb") as f:
        f.write(data)
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json", path],
                         capture_output=True, text=True, timeout=30)
    return out.stdout


SECRET_TAGS = ["-metadata", "title=Gesprek met Jan", "-metadata", "location=+52.3700+004.8900/",
               "-metadata", "artist=Jan Client", "-metadata", "comment=kamer 12"]


@pytest.mark.parametrize("name,args,mime", [
    ("geluid.ogg", ["-f", "lavfi", "-i", "sine=d=1", "-c:a", "libopus"], "audio/ogg"),
    ("geluid.mp3", ["-f", "lavfi", "-i", "sine=d=1", "-c:a", "libmp3lame"], "audio/mpeg"),
    ("geluid.m4a", ["-f", "lavfi", "-i", "sine=d=1", "-c:a", "aac"], "audio/mp4"),
    ("film.mp4", ["-f", "lavfi", "-i", "testsrc=size=160x120:d=1", "-f", "lavfi", "-i", "sine=d=1",
                  "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"], "video/mp4"),
    ("film.webm", ["-f", "lavfi", "-i", "testsrc=size=160x120:d=1", "-c:v", "libvpx", "-b:v", "200k"],
     "video/webm"),
])
def test_audio_video_metadata_stripped(alice, anon, name, args, mime):
    try:
        src = av(name, *(args + SECRET_TAGS))
    except subprocess.CalledProcessError as e:
        pytest.skip("ffmpeg cannot make %s here: %s" % (name, e.stderr[-200:]))
    ext = name.rsplit(".", 1)[1]
    assert "Gesprek met Jan" in tags_of(read(src), ext)  # the test can fail
    pid = post_id(upload(alice, [("opname.bin", read(src))], text="Luister"))
    html, urls = wait_ready(alice, pid)
    assert len(urls) == 1, urls
    assert ("<video controls" if mime.startswith("video") else "<audio controls") in html
    r = anon.get(urls[0])
    assert r.status_code == 200
    assert r.headers["Content-Type"] == mime
    for secret in ("Gesprek met Jan", "52.37", "Jan Client", "kamer 12"):
        assert secret.encode() not in r.content, secret
        assert secret not in tags_of(r.content, ext), secret
    # Range requests, for players that seek.
    r = anon.get(urls[0], headers={"Range": "bytes=0-9"})
    assert r.status_code == 206 and len(r.content) == 10


def test_other_containers_refused(alice):
    try:
        src = av("film.avi", "-f", "lavfi", "-i", "testsrc=size=64x48:d=1", "-c:v", "mpeg4")
    except subprocess.CalledProcessError:
        pytest.skip("no avi muxer")
    r = upload(alice, [("film.mp4", read(src))])
    assert r.status_code == 400


# ---- avatars -----------------------------------------------------------------

def test_avatar_upload_and_fallback(server, alice, anon):
    r = anon.get("/@" + alice.name)
    assert "/avatar/%s.svg" % alice.name in r.text
    r = alice.post("/settings/avatar", {}, files=[("avatar", ("ik.jpg", read(jpeg()), "image/jpeg"))])
    assert r.status_code == 303, (r.status_code, r.text[:300])
    deadline = time.time() + 20
    while time.time() < deadline:
        page = anon.get("/@" + alice.name).text
        urls = MEDIA_RE.findall(page)
        if urls:
            break
        time.sleep(0.2)
    assert urls, "avatar not shown"
    r = anon.get(urls[0])
    assert r.status_code == 200 and "public" in r.headers["Cache-Control"]
    assert b"TestCam" not in r.content and "GPS:GPSLatitude" not in exif(r.content)
    # A script is no avatar.
    r = alice.post("/settings/avatar", {}, files=[("avatar", ("ik.jpg", b"<svg onload=alert(1)>", "image/jpeg"))])
    assert r.status_code == 400
    # Back to the generated one.
    assert alice.post("/settings/avatar", {"remove": "1"}).status_code == 303
    assert "/avatar/%s.svg" % alice.name in anon.get("/@" + alice.name).text


# ---- the job queue -------------------------------------------------------------

def test_jobs_survive_a_restart(start_server):
    import sqlite3
    srv = start_server()
    name = srv.add_user(uniq("rs"))
    c = srv.login(name)
    pids = [post_id(upload(c, [("a%d.jpg" % i, read(jpeg(size="%dx1200" % (1600 + i))))], alt1="x"))
            for i in range(3)]
    srv.stop(signal_kill())  # some jobs queued, maybe one mid-run

    def sql(q):  # on the server's database, SQLite or PostgreSQL (KRING_TEST_DB=pg)
        if srv.db_url:
            from conftest import pg_db_name, pg_psql
            return [(int(x),) for x in pg_psql(q, db=pg_db_name(srv.data)).split()]
        db = sqlite3.connect(os.path.join(srv.data, "kring.db"))
        rows = list(db.execute(q))
        db.commit()
        db.close()
        return rows
    states = [s for (s,) in sql("SELECT state FROM jobs WHERE kind = 'media' ORDER BY id")]
    assert len(states) == 3, states
    # A job cut off by the crash is leased; pretend its lease ran out.
    sql("UPDATE jobs SET locked_until = 0 WHERE state = 1")
    srv2 = start_server(data=srv.data)
    c2 = srv2.login(name)
    for pid in pids:
        wait_ready(c2, pid)
    assert [s for (s,) in sql("SELECT state FROM jobs WHERE kind = 'media' ORDER BY id")] == [2, 2, 2]


def signal_kill():
    import signal
    return signal.SIGKILL


# ---- alt text required by the organisation ------------------------------------------

def test_organisation_can_require_alt_text(server, admin):
    org = uniq("org")
    server.cli("org", "add", org)
    staff = server.new_user(prefix="stf")
    server.cli("org", "staff", org, staff.name)
    r = admin.get("/admin/orgs/%s/policy" % org)
    assert r.status_code == 200 and 'name="alt_required"' in r.text and " checked>" not in r.text
    assert admin.post("/admin/orgs/%s/media" % org, {"alt_required": "1"}).status_code == 303
    assert 'name="alt_required" value="1" checked' in admin.get("/admin/orgs/%s/policy" % org).text
    # A member cannot change it.
    assert staff.post("/admin/orgs/%s/media" % org, {}).status_code == 403
    body = lambda: read(png())
    for as_ in (org, staff.name):
        r = upload(staff, [("a.png", body())], **{"as": as_})
        assert r.status_code == 400, (as_, r.status_code)
        assert "Beschrijf elke foto" in r.text
        post_id(upload(staff, [("a.png", body())], alt1="Een tafel met koffie", **{"as": as_}))
    # Audio needs no description; other people are not bound by it.
    assert upload(server.new_user(), [("a.png", body())]).status_code == 303


# ---- Mastodon API ---------------------------------------------------------------------

def test_api_media_upload(server):
    import requests
    name = server.add_user(uniq("api"))
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "test", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"}).json()
    tok = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": "geheim-wachtwoord-1",
        "client_id": app["client_id"], "client_secret": app["client_secret"], "scope": "read write"})
    if tok.status_code != 200:
        pytest.skip("password grant not available: %s" % tok.text[:200])
    h = {"Authorization": "Bearer " + tok.json()["access_token"]}
    r = requests.post(server.base + "/api/v2/media", headers=h, data={"description": "Een kopje koffie"},
                      files=[("file", ("koffie.jpg", read(jpeg()), "image/jpeg"))])
    assert r.status_code in (200, 202), (r.status_code, r.text)
    m = r.json()
    assert m["type"] == "image" and m["description"] == "Een kopje koffie"
    deadline = time.time() + 20
    while time.time() < deadline:
        r = requests.get(server.base + "/api/v1/media/" + m["id"], headers=h)
        if r.status_code == 200:
            break
        assert r.status_code == 206, r.status_code
        time.sleep(0.2)
    m = r.json()
    assert MEDIA_RE.search(m["url"]) and m["meta"]["original"]["width"] == 640
    r = requests.put(server.base + "/api/v1/media/" + m["id"], headers=h, data={"description": "Koffie"})
    assert r.status_code == 200 and r.json()["description"] == "Koffie"
    r = requests.post(server.base + "/api/v2/media", headers=h, files=[("file", ("x.jpg", b"<html>", "image/jpeg"))])
    assert r.status_code == 422
    # Without a token: no upload.
    r = requests.post(server.base + "/api/v2/media", files=[("file", ("x.jpg", read(png()), "image/png"))])
    assert r.status_code == 401


def test_group_media_only_for_members(server, alice, bob, anon):
    """A photo in a closed group's post: members see it, the URL alone opens nothing."""
    g = uniq("fotokring")
    server.cli("group", "add", g, "--kind", "closed", "--owner", alice.name)
    page = alice.get("/g/" + g).text
    gid = re.search(r'name="group_id" value="(\d+)"', page).group(1)
    assert 'enctype="multipart/form-data"' in page
    pid = post_id(upload(alice, [("kring.png", read(png()))], text="Onze wandeling", group_id=gid))
    _, urls = wait_ready(alice, pid)
    assert urls
    for u in urls:
        assert alice.get(u).status_code == 200
        assert bob.get(u).status_code == 404
        assert anon.get(u).status_code == 404
    server.cli("group", "member", "add", g, bob.name)
    assert all(bob.get(u).status_code == 200 for u in urls)


def test_files_survive_the_privacy_review(alice, bob):
    """A photo chosen with a text the guard questions is kept through the review page."""
    r = upload(alice, [("kamer.png", read(png()))], text="Mevrouw Jansen op kamer 12 vandaag")
    assert r.status_code == 422, r.status_code
    kept = re.findall(r'name="media_id" value="(\d+)"', r.text)
    assert len(kept) >= 1
    data = {"text": "Mevrouw Jansen op kamer 12 vandaag", "visibility": "public", "confirm": "1",
            "media_id": kept[0]}
    pid = post_id(alice.post("/posts", data))
    _, urls = wait_ready(alice, pid)
    assert urls
    # Someone else cannot take that upload into their own post.
    r = bob.post("/posts", {"text": "Mooi", "visibility": "public", "media_id": kept[0]})
    assert r.status_code in (400, 403, 404, 422)


def _group_picture(client, g, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        m = re.search(r'<img class="avatar big" src="(/media/[^"]+)"', client.get("/g/" + g).text)
        if m:
            return m.group(1)
        time.sleep(0.2)
    raise AssertionError("group picture not processed")


@pytest.mark.parametrize("kind", ["closed", "secret"])
def test_group_picture(server, alice, bob, anon, kind):
    g = uniq("fotog")
    server.cli("group", "add", g, "--kind", kind, "--owner", alice.name)
    page = alice.get("/g/%s/members" % g).text
    assert 'name="picture"' in page
    r = alice.post("/g/%s/settings" % g, {"display_name": "Kring met foto", "description": "", "rules": "",
                                          "kind": kind, "premod": "none"},
                   files=[("picture", ("kring.png", read(png()), "image/png"))])
    assert r.status_code == 303, r.text[:300]
    url = _group_picture(alice, g)
    assert alice.get(url).status_code == 200
    if kind == "closed":
        # A closed group is in the directory: its picture is for everyone.
        assert bob.get(url).status_code == 200 and anon.get(url).status_code == 200
    else:
        # A secret group does not exist for outsiders, nor does its picture.
        assert bob.get(url).status_code == 404 and anon.get(url).status_code == 404
        server.cli("group", "member", "add", g, bob.name)
        assert bob.get(url).status_code == 200
    # A plain member cannot change the picture.
    server.cli("group", "member", "add", g, bob.name)
    r = bob.post("/g/%s/settings" % g, {"display_name": "x", "description": "", "rules": "", "kind": kind,
                                        "premod": "none"},
                 files=[("picture", ("k.png", read(png()), "image/png"))])
    assert r.status_code in (403, 404)
