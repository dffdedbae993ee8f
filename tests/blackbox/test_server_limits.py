"""The HTTP layer's rules from the security review (findings 12 and 20):
only an authenticated upload may send a large body, and only once its token
or session is known; https sites send HSTS and Secure cookies; an encoded
NUL never cuts a path short; WebSocket control frames stay within 125 bytes."""
import base64
import os
import re
import socket
import struct
import time

import requests

from conftest import PASSWORD, uniq

BIG = 200 * 1024  # more than the small body limit (64 KiB), far under the upload limit


def multipart(field, size, extra=None):
    boundary = "kringgrens"
    parts = []
    for k, v in (extra or {}).items():
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k, v)).encode())
    parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"a.jpg\"\r\n"
                  "Content-Type: image/jpeg\r\n\r\n" % (boundary, field)).encode() + b"\xff\xd8\xff" + b"\0" * size
                 + b"\r\n")
    parts.append(("--%s--\r\n" % boundary).encode())
    return b"".join(parts), "multipart/form-data; boundary=" + boundary


def api_token(server, name, scope):
    app = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "limits", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": scope}, timeout=10).json()
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": scope}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def test_large_bodies_only_for_authenticated_uploads(server, alice):
    body, ct = multipart("file", BIG)
    url = server.base + "/api/v2/media"
    # No token, a bad token, a token without write:media: refused before the body is read.
    for h in ({}, {"Authorization": "Bearer nietgeldig"},
              {"Authorization": "Bearer " + api_token(server, alice.name, "read")}):
        r = requests.post(url, data=body, headers=dict(h, **{"Content-Type": ct}), timeout=20)
        assert r.status_code == 413, (h, r.status_code, r.text[:200])
        assert "error" in r.json()
    # The same body with a token that may upload is read (and judged as an image).
    tok = api_token(server, alice.name, "write:media")
    r = requests.post(url, data=body, headers={"Content-Type": ct, "Authorization": "Bearer " + tok}, timeout=30)
    assert r.status_code != 413 and r.status_code < 500, (r.status_code, r.text[:200])
    # Pages: an anonymous multipart post to /login is refused with a page that says why.
    r = requests.post(server.base + "/login", data=body, headers={"Content-Type": ct}, timeout=20)
    assert r.status_code == 413
    assert "Te groot" in r.text
    # A logged-in person may send a photo to an upload form, not to any form.
    body2, ct2 = multipart("avatar", BIG, {"csrf": alice.ensure_csrf()})
    r = alice.s.post(alice.url("/settings/avatar"), data=body2, headers={"Content-Type": ct2}, timeout=30,
                     allow_redirects=False)
    assert r.status_code != 413 and r.status_code < 500, r.status_code
    r = alice.s.post(alice.url("/settings/profile"), data=body2, headers={"Content-Type": ct2}, timeout=30,
                     allow_redirects=False)
    assert r.status_code == 413, r.status_code
    assert server.client().get("/healthz").status_code == 200


def test_hsts_and_secure_cookies_when_base_url_is_https(start_server, monkeypatch, server):
    # The plain-http test server sends neither.
    r = requests.get(server.base + "/login", timeout=10)
    assert "Strict-Transport-Security" not in r.headers
    monkeypatch.setenv("KRING_BASE_URL", "https://kring.example")
    srv = start_server()
    name = srv.add_user(uniq("hsts"))
    r = requests.get(srv.base + "/login", timeout=10)
    assert r.status_code == 200
    assert "max-age=" in r.headers.get("Strict-Transport-Security", ""), r.headers
    cookie = r.headers["Set-Cookie"]
    assert "kring_csrf=" in cookie and "; Secure" in cookie, cookie
    csrf = re.search(r'name="csrf" value="([^"]*)"', r.text).group(1)
    # A visitor's language choice is a cookie too.
    r = requests.post(srv.base + "/settings/language", data={"lang": "en", "csrf": csrf, "back": "/"},
                      headers={"Cookie": "kring_csrf=" + csrf}, allow_redirects=False, timeout=20)
    assert r.status_code == 303, r.text[:300]
    assert "kring_lang=en" in r.headers["Set-Cookie"] and "; Secure" in r.headers["Set-Cookie"], r.headers
    # The browser would send the Secure cookie over https; here by hand.
    r = requests.post(srv.base + "/login", data={"username": name, "password": PASSWORD, "csrf": csrf, "next": "/"},
                      headers={"Cookie": "kring_csrf=" + csrf}, allow_redirects=False, timeout=20)
    assert r.status_code == 303, r.text[:300]
    cookies = [v for k, v in r.raw.headers.items() if k.lower() == "set-cookie"]
    session = [c for c in cookies if c.startswith("kring_session=")]
    assert session and all("; Secure" in c for c in cookies), cookies
    assert "Strict-Transport-Security" in r.headers


def test_encoded_nul_does_not_cut_a_path_short(server):
    assert requests.get(server.base + "/static/style.css", timeout=10).status_code == 200
    for path in ("/static/style.css%00.x", "/static/style.css%00", "/healthz%00/x", "/search?q=a%00b"):
        r = requests.get(server.base + path, timeout=10)
        assert r.status_code in (400, 404), (path, r.status_code)
        assert "body{" not in r.text and r.text != "ok\n"


def ws_connect(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall(("GET /api/v1/streaming?stream=public HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % key).encode())
    head = b""
    while b"\r\n\r\n" not in head:
        d = s.recv(4096)
        assert d, head
        head += d
    assert head.startswith(b"HTTP/1.1 101"), head
    return s, head.split(b"\r\n\r\n", 1)[1]


def ws_frame(op, payload):
    mask = os.urandom(4)
    n = len(payload)
    h = bytes([0x80 | op])
    h += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
    return h + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def ws_read(s, buf):
    """One frame (opcode, payload) or None at the end of the connection."""
    while True:
        n, k = (buf[1] & 0x7f, 2) if len(buf) >= 2 else (None, 0)
        if n == 126:
            n, k = (struct.unpack(">H", buf[2:4])[0], 4) if len(buf) >= 4 else (None, 0)
        if n is not None and len(buf) >= k + n:
            return (buf[0] & 0x0f, bytes(buf[k:k + n])), buf[k + n:]
        try:
            d = s.recv(65536)
        except OSError:
            d = b""
        if not d:
            return None, buf
        buf += d


def test_websocket_control_frames_at_most_125_bytes(server):
    s, buf = ws_connect(server)
    try:
        s.sendall(ws_frame(0x9, b"p" * 125))
        while True:
            f, buf = ws_read(s, buf)
            assert f, "connection ended on a valid ping"
            if f[0] == 0xA:
                assert f[1] == b"p" * 125
                break
        # RFC 6455 5.5: a control frame's payload is at most 125 bytes.
        s.sendall(ws_frame(0x9, b"q" * 126))
        while True:
            f, buf = ws_read(s, buf)
            if f is None or f[0] == 0x8:
                break
            assert f[0] != 0xA, "answered an oversized ping with a %d-byte pong" % len(f[1])
    finally:
        s.close()
    assert requests.get(server.base + "/healthz", timeout=10).status_code == 200


def test_streams_outlive_the_head_deadline(server):
    """The request deadlines (10 s for a head) are for requests on their way
    in: a WebSocket and a server-sent-events stream stay open past them."""
    s, buf = ws_connect(server)
    sse = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        sse.sendall(b"GET /api/v1/streaming/public HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        got = b""
        while b"\r\n\r\n" not in got:
            d = sse.recv(4096)
            assert d, got
            got += d
        assert got.startswith(b"HTTP/1.1 200"), got[:200]
        time.sleep(12)
        s.sendall(ws_frame(0x9, b"nog daar"))
        while True:
            f, buf = ws_read(s, buf)
            assert f, "the WebSocket was closed"
            if f[0] == 0xA:
                assert f[1] == b"nog daar"
                break
        sse.setblocking(False)
        try:
            assert sse.recv(4096, socket.MSG_PEEK) != b"", "the event stream was closed"
        except BlockingIOError:
            pass
    finally:
        s.close()
        sse.close()


def test_websocket_client_messages_are_small(server):
    """A client only sends (un)subscribe messages: a frame over 4 KiB ends the
    connection instead of being buffered (an anonymous socket held 128 KiB)."""
    s, buf = ws_connect(server)
    try:
        s.sendall(ws_frame(0x1, b'{"type":"subscribe","stream":"public"}'))
        s.sendall(ws_frame(0x1, b'{"type":"subscribe","stream":"hashtag","tag":"' + b"a" * 5000 + b'"}'))
        while True:
            f, buf = ws_read(s, buf)
            if f is None or f[0] == 0x8:
                break
            assert f[0] != 0x1 or b"error" not in f[1], "answered a 5 KB message: %r" % f[1][:100]
    finally:
        s.close()
