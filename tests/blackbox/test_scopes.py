"""OAuth scopes (issue 11, findings 3 and 4): every API route declares the scope
it asks, a token narrower than that gets 403 on every route of the table, and
a narrow token never reads direct, followers-only or group posts, neither
through the endpoints that also answer without a token nor on a stream
(server-sent events or WebSocket)."""
import base64
import json
import os
import re
import socket
import struct
import subprocess
import time

import pytest
import requests

from conftest import KRING_BIN, PASSWORD, ROOT, uniq

FOLLOW_SCOPES = {"read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes"}


def allows_one(granted, need):
    """core_scope_allows: a granted list allows one needed scope."""
    for w in granted.split():
        if w == need or need.startswith(w + ":") or (w == "follow" and need in FOLLOW_SCOPES):
            return True
    return False


def meets(granted, need):
    """api_scope_meets: "s1 s2|s3" means s1 and s2, or s3."""
    return any(all(allows_one(granted, n) for n in alt.split()) for alt in need.split("|"))


def routes():
    r = subprocess.run([KRING_BIN, "routes"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    out = []
    for line in r.stdout.splitlines():
        method, pattern, scope = line.split(" ", 2)
        out.append((method, pattern, scope))
    return out


def test_every_route_declares_its_scope():
    table = routes()
    # The CLI lists the whole table of src/api/api.c, each route with a scope.
    src = open(os.path.join(ROOT, "src", "api", "api.c")).read()
    body = src[src.index("const struct api_route api_table[] = {"):]
    body = body[:body.index("\n};")]
    declared = re.findall(r'\{(G|P|PU|D|PA), "([^"]+)", \w+, ([^}]+)\}', body)
    assert len(declared) >= 100
    assert len(table) == len(declared)
    listed = {(m, p) for m, p, _ in table}
    names = {"G": "GET", "P": "POST", "PU": "PUT", "D": "DELETE", "PA": "PATCH"}
    for m, p, _ in declared:
        assert (names[m], p) in listed
    for method, pattern, scope in table:
        assert scope not in ("-", "", "(null)"), (method, pattern)
        if scope in ("public", "token"):
            continue
        for alt in scope.replace("opt:", "", 1).split("|"):
            assert alt.strip(), (pattern, scope)


@pytest.fixture(scope="module")
def app(server):
    r = requests.post(server.base + "/api/v1/apps", data={
        "client_name": "scopetest", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
        "scopes": "read write follow push profile"}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def token(server, app, name, scope):
    r = requests.post(server.base + "/oauth/token", data={
        "grant_type": "password", "username": name, "password": PASSWORD, "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": scope}, timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()["scope"] == scope
    return r.json()["access_token"]


def hdr(tok):
    return {"Authorization": "Bearer " + tok} if tok else {}


NARROW = ["read:statuses", "read:accounts", "read:notifications", "read:lists", "read:search", "write:media",
          "write:statuses", "write:follows", "follow", "push", "profile"]


@pytest.fixture(scope="module")
def owner(server, app):
    name = server.add_user(uniq("scope"))
    toks = {s: token(server, app, name, s) for s in NARROW}
    full = token(server, app, name, "read write follow")
    pid = requests.post(server.base + "/api/v1/statuses", headers=hdr(full),
                        data={"status": "Openbaar bericht", "visibility": "public"}, timeout=10).json()["id"]
    return {"name": name, "toks": toks, "full": full, "post": pid}


@pytest.mark.parametrize("scope", NARROW)
def test_route_table_walk(server, owner, scope):
    """Each narrow token gets 403 on every route outside its scope; nothing it
    cannot do reaches a handler (no side effect, no data)."""
    tok = owner["toks"][scope]
    checked = 0
    for method, pattern, need in routes():
        if need in ("public", "token"):
            continue
        need = need.replace("opt:", "", 1)
        if meets(scope, need):
            continue
        path = re.sub(r":id\b", str(owner["post"]), pattern)
        path = path.replace(":tag", "proef").replace(":name", "proef").replace(":stream", "public")
        path = path.replace(":sub", "local")
        r = requests.request(method, server.base + path, headers=hdr(tok), timeout=10, stream=True,
                             data={"status": "mag niet", "id[]": str(owner["post"])} if method != "GET" else None)
        code = r.status_code
        r.close()
        assert code == 403, (scope, method, pattern, code)
        checked += 1
    assert checked > 10
    # The post is untouched by all those refused writes.
    st = requests.get(server.base + "/api/v1/statuses/%s" % owner["post"], headers=hdr(owner["full"]),
                      timeout=10).json()
    assert st["content"] == "<p>Openbaar bericht</p>" and not st["favourited"] and not st["bookmarked"]


@pytest.fixture(scope="module")
def secrets(server, app, owner):
    """The owner's direct message (with a poll, edited, favoured by the
    recipient), a followers-only post and a secret-group post, all with the
    same tag, in the thread of a public post."""
    from test_groups import add_member, group_id, group_post, make_group
    full, base = owner["full"], server.base
    bob = server.new_user(prefix="bob")
    bob_tok = token(server, app, bob.name, "read write follow")
    tag = uniq("geheim")
    root = owner["post"]
    dm = requests.post(base + "/api/v1/statuses", headers=hdr(full), timeout=10, data={
        "status": "@%s DMGEHEIM #%s" % (bob.name, tag), "visibility": "direct", "in_reply_to_id": root,
        "poll[options][]": ["ja", "nee"], "poll[expires_in]": "3600"}).json()
    r = requests.put(base + "/api/v1/statuses/%s" % dm["id"], headers=hdr(full), timeout=10,
                     data={"status": "@%s DMGEHEIM bewerkt #%s" % (bob.name, tag)})
    assert r.status_code == 200, r.text
    r = requests.post(base + "/api/v1/statuses/%s/favourite" % dm["id"], headers=hdr(bob_tok), timeout=10)
    assert r.status_code == 200, r.text
    fo = requests.post(base + "/api/v1/statuses", headers=hdr(full), timeout=10, data={
        "status": "VOLGERSGEHEIM #%s" % tag, "visibility": "private", "in_reply_to_id": root}).json()
    me = server.login(owner["name"])
    g = make_group(me, "secret")
    gid = group_id(me, g)
    gp = group_post(me, gid, "GROEPSGEHEIM #%s" % tag)
    acct = requests.get(base + "/api/v1/accounts/verify_credentials", headers=hdr(full), timeout=10).json()
    return {"dm": dm["id"], "poll": dm["id"], "fo": fo["id"], "group": str(gp), "tag": tag,
            "account": acct["id"], "root": root, "bob": bob_tok}


LEAKY = [
    "/api/v1/statuses/{dm}/history", "/api/v1/statuses/{fo}/history", "/api/v1/statuses/{group}/history",
    "/api/v1/statuses?id[]={dm}&id[]={fo}&id[]={group}", "/api/v1/statuses/{root}/context",
    "/api/v1/statuses/{dm}/context", "/api/v1/polls/{poll}", "/api/v1/statuses/{dm}/favourited_by",
    "/api/v1/statuses/{dm}/reblogged_by", "/api/v1/accounts/{account}/statuses",
    "/api/v1/timelines/tag/{tag}", "/api/v1/statuses/{dm}", "/api/v1/statuses/{group}",
    "/api/v1/timelines/public", "/api/v2/search?q={tag}", "/api/v1/tags/{tag}",
]


@pytest.mark.parametrize("scope", ["write:media", "read:accounts", "read:notifications", "profile", "push"])
@pytest.mark.parametrize("path", LEAKY)
def test_narrow_token_sees_no_more_than_anyone(server, owner, secrets, scope, path):
    url = server.base + path.format(**secrets)
    full = requests.get(url, headers=hdr(owner["full"]), timeout=10)
    anon = requests.get(url, timeout=10)
    r = requests.get(url, headers=hdr(owner["toks"][scope]), timeout=10)
    for word in ("DMGEHEIM", "VOLGERSGEHEIM", "GROEPSGEHEIM", '"ja"'):
        assert word not in r.text, (scope, path, r.status_code, r.text[:300])
    if r.status_code != 403:
        assert r.status_code == anon.status_code and r.json() == anon.json(), (scope, path, r.text[:300])
    # The owner's own full token does see them (the test sees what it tests).
    if "{dm}" in path or "{root}/context" in path or "{poll}" in path:
        assert full.status_code == 200, (path, full.text[:300])


# ---- streams: server-sent events and WebSocket share one rule ----

class WS:
    """A minimal RFC 6455 client: handshake, masked text frames out, frames in."""

    def __init__(self, server, path, token=None, subprotocol=None):
        self.sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = ["GET %s HTTP/1.1" % path, "Host: 127.0.0.1:%d" % server.port, "Upgrade: websocket",
                 "Connection: Upgrade", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13"]
        if token:
            lines.append("Authorization: Bearer " + token)
        if subprotocol:
            lines.append("Sec-WebSocket-Protocol: " + subprotocol)
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            head += chunk
        self.status = int(head.split(b" ", 2)[1]) if head else 0
        self.buf = head.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in head else b""

    def send(self, obj):
        data = json.dumps(obj).encode()
        mask = os.urandom(4)
        hdr_ = bytes([0x81])
        n = len(data)
        hdr_ += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack("!H", n)
        self.sock.sendall(hdr_ + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _need(self, n, deadline):
        while len(self.buf) < n:
            self.sock.settimeout(max(0.05, deadline - time.time()))
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buf += chunk

    def frames(self, timeout):
        """Text payloads that arrive within timeout seconds."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                self._need(2, deadline)
                op, n = self.buf[0] & 0x0F, self.buf[1] & 0x7F
                off = 2
                if n == 126:
                    self._need(4, deadline)
                    n, off = struct.unpack("!H", self.buf[2:4])[0], 4
                elif n == 127:
                    self._need(10, deadline)
                    n, off = struct.unpack("!Q", self.buf[2:10])[0], 10
                self._need(off + n, deadline)
                payload, self.buf = self.buf[off:off + n], self.buf[off + n:]
                if op == 1:
                    yield payload.decode()
                elif op == 8:
                    return
            except (socket.timeout, EOFError):
                return

    def close(self):
        self.sock.close()


def ws_collect(ws, seconds):
    return list(ws.frames(seconds))


def test_websocket_honours_scopes(server, owner, secrets):
    """A read:notifications token gets neither DMs nor followers-only posts on
    the user or direct streams; its notification stream still works."""
    tok = owner["toks"]["read:notifications"]
    ws = WS(server, "/api/v1/streaming", subprotocol=tok)
    assert ws.status == 101
    for stream in ("user", "direct", "public", "list"):
        ws.send({"type": "subscribe", "stream": stream, "list": "1"})
    ws.send({"type": "subscribe", "stream": "user:notification"})
    # Same through the URL and the Authorization header.
    ws2 = WS(server, "/api/v1/streaming?stream=user", token=tok)
    assert ws2.status == 101
    time.sleep(0.5)
    base, bob = server.base, secrets["bob"]
    owner_name = owner["name"]
    requests.post(base + "/api/v1/statuses", headers=hdr(bob), timeout=10,
                  data={"status": "@%s WSDMGEHEIM" % owner_name, "visibility": "direct"})
    got = ws_collect(ws, 4) + ws_collect(ws2, 1)
    text = "\n".join(got)
    updates = [g for g in got if '"event":"update"' in g or '"event":"conversation"' in g]
    assert not updates, text[:500]
    assert any('"event":"notification"' in g for g in got), text[:500]
    assert "required scopes" in text
    ws.close()
    ws2.close()
    # The full token does get the DM on the direct stream (the test sees what it tests).
    ws3 = WS(server, "/api/v1/streaming?stream=direct", subprotocol=owner["full"])
    assert ws3.status == 101
    time.sleep(0.3)
    requests.post(base + "/api/v1/statuses", headers=hdr(bob), timeout=10,
                  data={"status": "@%s WSDMTWEE" % owner_name, "visibility": "direct"})
    assert any("WSDMTWEE" in g for g in ws_collect(ws3, 4))
    ws3.close()


@pytest.mark.parametrize("stream", ["user", "direct", "public"])
def test_sse_refuses_a_narrow_token(server, owner, stream):
    r = requests.get(server.base + "/api/v1/streaming/" + stream,
                     headers=hdr(owner["toks"]["read:notifications"]), stream=True, timeout=10)
    code = r.status_code
    r.close()
    assert code == 403
    r = requests.get(server.base + "/api/v1/streaming/user/notification",
                     headers=hdr(owner["toks"]["read:notifications"]), stream=True, timeout=10)
    code = r.status_code
    r.close()
    assert code == 200
