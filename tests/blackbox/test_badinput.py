"""Malformed requests: CSRF, bad UTF-8, control characters, big bodies, routes, methods."""
import socket

import pytest
import requests

from conftest import assert_error_page, uniq


@pytest.fixture
def poster(server):
    return server.new_user(prefix="bad")


def raw_post(c, path, body, headers=None):
    h = {"Content-Type": "application/x-www-form-urlencoded"}
    h.update(headers or {})
    return c.s.post(c.url(path), data=body, headers=h, allow_redirects=False, timeout=20)


def unchanged(c, fn):
    n = c.profile_count(c.name)
    r = fn()
    assert_error_page(r)
    assert c.get("/healthz").status_code == 200
    assert c.profile_count(c.name) == n, "nothing may be written"
    return r


def test_missing_csrf(poster):
    r = unchanged(poster, lambda: poster.post("/posts", {"text": "zonder csrf", "visibility": "public"},
                                              csrf=False))
    assert r.status_code == 403


def test_wrong_csrf(poster):
    r = unchanged(poster, lambda: poster.post("/posts", {"text": "fout", "visibility": "public"},
                                              csrf="0" * 64))
    assert r.status_code == 403
    r = unchanged(poster, lambda: poster.post("/posts", {"text": "fout", "visibility": "public"},
                                              csrf=poster.csrf[:-1]))
    assert r.status_code == 403


def test_foreign_origin(poster):
    def go():
        return poster.post("/posts", {"text": "cross site", "visibility": "public"},
                           headers={"Origin": "https://evil.example"})
    assert unchanged(poster, go).status_code == 403
    # The same origin is fine.
    r = poster.post("/posts", {"text": "zelfde herkomst", "visibility": "public"},
                    headers={"Origin": poster.base})
    assert r.status_code == 303


def test_csrf_of_other_user_refused(server, poster):
    other = server.new_user(prefix="oth")
    r = unchanged(poster, lambda: poster.post("/posts", {"text": "geleend", "visibility": "public"},
                                              csrf=other.csrf))
    assert r.status_code == 403


def test_anonymous_login_without_cookie(server):
    name = server.add_user()
    c = server.client()
    r = c.post("/login", {"username": name, "password": "geheim-wachtwoord-1", "next": "/"},
               csrf="a" * 64)
    assert r.status_code == 403
    assert "kring_session" not in c.s.cookies


def test_logout_requires_csrf(server):
    c = server.new_user(prefix="lo")
    r = c.post("/logout", {}, csrf=False)
    assert r.status_code == 403
    assert 'action="/logout"' in c.get("/").text


def test_invalid_utf8(poster):
    def go():
        return raw_post(poster, "/posts", "csrf=%s&visibility=public&text=abc%%C3%%28def" % poster.csrf)
    assert unchanged(poster, go).status_code == 400
    def go2():
        return raw_post(poster, "/posts", "csrf=%s&visibility=public&text=%%ED%%A0%%80x" % poster.csrf)
    assert unchanged(poster, go2).status_code == 400
    def go3():
        return raw_post(poster, "/posts", "csrf=%s&visibility=public&text=%%C0%%AF" % poster.csrf)
    assert unchanged(poster, go3).status_code == 400


def test_control_characters(poster):
    for cc in ("%01", "%00", "%1B", "%7F"):
        def go(cc=cc):
            return raw_post(poster, "/posts", "csrf=%s&visibility=public&text=a%sb" % (poster.csrf, cc))
        assert unchanged(poster, go).status_code == 400, cc
    # Newlines and tabs are fine.
    r = raw_post(poster, "/posts", "csrf=%s&visibility=public&text=regel%%0D%%0Aregel%%09twee" % poster.csrf)
    assert r.status_code == 303


def test_invalid_utf8_in_profile_and_search(poster, anon):
    r = raw_post(poster, "/settings/profile",
                 "csrf=%s&display_name=%%FF%%FE&bio=&person_type=client" % poster.csrf)
    assert_error_page(r, 400)
    r = anon.s.get(anon.url("/search?q=%FF%FE"), timeout=10)
    assert r.status_code in (200, 400)
    assert anon.get("/healthz").status_code == 200


def test_oversized_body(poster):
    def go():
        return raw_post(poster, "/posts", "csrf=%s&visibility=public&text=%s" % (poster.csrf, "a" * 70000))
    assert unchanged(poster, go).status_code == 413


def test_oversized_chunked_body(poster):
    def gen():
        yield ("csrf=%s&visibility=public&text=" % poster.csrf).encode()
        for _ in range(70):
            yield b"b" * 1024
    n = poster.profile_count(poster.name)
    try:
        r = poster.s.post(poster.url("/posts"), data=gen(), allow_redirects=False, timeout=20,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status_code == 413
    except requests.exceptions.ConnectionError:
        pass  # closing the connection is acceptable too
    assert poster.get("/healthz").status_code == 200
    assert poster.profile_count(poster.name) == n


def test_unknown_routes(anon):
    for path in ("/nope", "/posts/abc", "/@", "/@geenmens%s" % uniq("z"),
                 "/tags/", "/static/../src/main.c", "/static/nope.css", "/avatar/../../etc/passwd",
                 "/%2e%2e/etc/passwd", "/settings/../../etc"):
        r = anon.get(path)
        assert_error_page(r, 404)
        assert "Pagina" in r.text or "niet" in r.text


def test_post_action_unknown(poster):
    pid = poster.new_post("actie " + uniq("a"))
    assert_error_page(poster.post("/posts/%d/explode" % pid, {}), 404)
    assert_error_page(poster.post("/posts/abc/fav", {}), 404)


def test_wrong_methods(anon):
    for method, path in (("DELETE", "/"), ("GET", "/logout"), ("PUT", "/posts"), ("PATCH", "/login"),
                         ("DELETE", "/posts/1")):
        r = anon.s.request(method, anon.url(path), allow_redirects=False, timeout=10)
        assert_error_page(r, 405 if not (method == "DELETE" and path == "/posts/1") else None)
    assert anon.get("/healthz").status_code == 200


def test_malformed_http(server):
    """Garbage on the socket must not take the server down."""
    for payload in (b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                    b"POST /posts HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab",
                    b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
                    b"GET / HTTP/1.1\r\n" + b"X-Big: " + b"y" * 70000 + b"\r\n\r\n"):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        try:
            try:
                s.sendall(payload)
                s.shutdown(socket.SHUT_WR)
                s.recv(4096)
            except OSError:
                pass  # the server may close early
        finally:
            s.close()
    assert requests.get(server.base + "/healthz", timeout=5).status_code == 200


def test_bad_form_encoding(poster):
    for body in ("csrf=%s&text=%%ZZ&visibility=public", "csrf=%s&text=%%&visibility=public",
                 "csrf=%s&&&===&text&visibility=public"):
        r = raw_post(poster, "/posts", body % poster.csrf)
        assert r.status_code in (303, 400), (body, r.status_code)
    assert poster.get("/healthz").status_code == 200


def test_error_page_language_switch(server, anon):
    """Error pages show a language form; its csrf must be usable."""
    r = anon.get("/bestaat-niet")
    assert r.status_code == 404
    import re
    m = re.search(r'name="csrf" value="([^"]+)"', r.text)
    if not m:
        return
    r2 = anon.post("/settings/language", {"lang": "en", "back": "/"}, csrf=m.group(1))
    assert r2.status_code == 303, "language form on a 404 page (first visit) gives %d" % r2.status_code


def test_body_limit_boundary(poster):
    """64 KiB is the limit: exactly 65536 bytes is read, 65537 is 413."""
    base = "csrf=%s&visibility=public&text=grens&a=%s&b=%s&c=" % (poster.csrf, "p" * 20000, "q" * 20000)
    r = raw_post(poster, "/posts", base + "r" * (65536 - len(base)))
    assert r.status_code == 303, r.status_code
    r = raw_post(poster, "/posts", base + "r" * (65537 - len(base)))
    assert r.status_code == 413
