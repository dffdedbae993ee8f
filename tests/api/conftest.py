"""Fixtures for the client-API tests: the real server on a free loopback port,
users made with the CLI, and OAuth logins through the real pages."""
import atexit
import base64
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse

import pytest
import requests

import entities

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KRING_BIN_SRC = os.environ.get("KRING_BIN") or os.path.join(ROOT, "build", "release", "kring")
PASSWORD = "geheim-wachtwoord-1"
OOB = "urn:ietf:wg:oauth:2.0:oob"
SAN_MARKERS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer")


def _snapshot_binary(src):
    """Run a private copy: others may relink build/*/kring while the suite runs."""
    d = tempfile.mkdtemp(prefix="kring-api-bin-")
    atexit.register(shutil.rmtree, d, True)
    dst = os.path.join(d, "kring")
    shutil.copy2(src, dst)
    os.chmod(dst, 0o755)
    # kring runs the image helper that lies next to it.
    helper = os.path.join(os.path.dirname(src), "kring-image")
    if os.path.exists(helper):
        shutil.copy2(helper, os.path.join(d, "kring-image"))
    return dst


KRING_BIN = _snapshot_binary(KRING_BIN_SRC)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="kring-api-")
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
        self.env.pop("KRING_DATA", None)
        self.err = open(os.path.join(self.data, "stderr.log"), "w+")
        self.proc = None

    def cli(self, *args):
        return subprocess.run([KRING_BIN, *args, "--data", self.data], env=self.env, capture_output=True,
                              text=True, timeout=60)

    def start(self):
        self.proc = subprocess.Popen([KRING_BIN, "serve", "--listen", "127.0.0.1:%d" % self.port,
                                      "--data", self.data], env=self.env, stdout=subprocess.DEVNULL,
                                     stderr=self.err)
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                if requests.get(self.base + "/healthz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError("server did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.err.seek(0)
        log = self.err.read()
        self.err.close()
        shutil.rmtree(self.data, True)
        return log


@pytest.fixture(autouse=True)
def documented_entities():
    """Every JSON answer a test sees has the shape Mastodon documents for its
    endpoint (tests/api/entities.py); a test that saw one that does not fails."""
    entities.install()
    entities.take_problems()
    yield
    problems = entities.take_problems()
    assert not problems, "answers unlike Mastodon's documented entities:\n" + "\n".join(sorted(set(problems))[:40])


@pytest.fixture(scope="session")
def server():
    s = Server()
    for name in ("alice", "bob", "carol", "dave"):
        r = s.cli("user", "add", name, "--password", PASSWORD)
        assert r.returncode == 0, r.stderr
    s.start()
    yield s
    log = s.stop()
    for m in SAN_MARKERS:
        assert m not in log, log[-4000:]


def web_login(base, username, password=PASSWORD):
    """A requests session logged in through the real login form."""
    s = requests.Session()
    page = s.get(base + "/login", timeout=10)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    r = s.post(base + "/login", data={"csrf": csrf, "username": username, "password": password, "next": "/"},
               allow_redirects=False, timeout=10)
    assert r.status_code in (302, 303), r.text[:500]
    return s


def pkce_pair():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize(base, session, client_id, redirect_uri, scope, challenge=None, state="xyz"):
    """Open the consent page and approve; the code from the redirect or the oob page."""
    q = {"client_id": client_id, "redirect_uri": redirect_uri, "response_type": "code", "scope": scope,
         "state": state}
    if challenge:
        q.update(code_challenge=challenge, code_challenge_method="S256")
    page = session.get(base + "/oauth/authorize?" + urllib.parse.urlencode(q), timeout=10)
    assert page.status_code == 200, page.text[:500]
    form = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', page.text))
    form = {k: v.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"') for k, v in form.items()}
    form["decision"] = "approve"
    r = session.post(base + "/oauth/authorize", data=form, allow_redirects=False, timeout=10)
    if redirect_uri == OOB:
        assert r.status_code == 200, r.text[:500]
        return re.search(r'<code id="code">([0-9a-f]+)</code>', r.text).group(1)
    assert r.status_code in (302, 303), r.text[:500]
    loc = urllib.parse.urlparse(r.headers["Location"])
    params = urllib.parse.parse_qs(loc.query)
    assert params["state"] == [state]
    return params["code"][0]


def password_token(base, client_id, client_secret, username, scope="read write follow"):
    r = requests.post(base + "/oauth/token", data={"grant_type": "password", "client_id": client_id,
                                                   "client_secret": client_secret, "username": username,
                                                   "password": PASSWORD, "scope": scope}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


@pytest.fixture(scope="session")
def app(server):
    r = requests.post(server.base + "/api/v1/apps", data={"client_name": "kring-tests", "redirect_uris": OOB,
                                                         "scopes": "read write follow push"}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.fixture(scope="session")
def tokens(server, app):
    """A read/write/follow token per user (password grant, for speed)."""
    return {n: password_token(server.base, app["client_id"], app["client_secret"], n)
            for n in ("alice", "bob", "carol", "dave")}
