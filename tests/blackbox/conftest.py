"""Black-box test fixtures for kring: start the real server, provision with the CLI,
and drive it over HTTP with requests."""
import atexit
import hashlib
import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest
import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _load_entities():
    import importlib.util

    spec = importlib.util.spec_from_file_location("kring_entities", os.path.join(ROOT, "tests", "api", "entities.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


entities = _load_entities()


@pytest.fixture(autouse=True)
def documented_entities():
    """Every JSON answer of the client API a test sees has the shape Mastodon
    documents for its endpoint (tests/api/entities.py)."""
    entities.install()
    entities.take_problems()
    yield
    problems = entities.take_problems()
    assert not problems, "answers unlike Mastodon's documented entities:\n" + "\n".join(sorted(set(problems))[:40])
KRING_BIN_SRC = os.environ.get("KRING_BIN") or os.path.join(ROOT, "build", "release", "kring")


def _snapshot_binary(src):
    """Run a private copy: others may relink build/*/kring while the suite runs."""
    d = tempfile.mkdtemp(prefix="kring-bin-")
    atexit.register(shutil.rmtree, d, True)
    dst = os.path.join(d, "kring")
    for _ in range(50):
        try:
            shutil.copy2(src, dst)
            os.chmod(dst, 0o755)
            # kring runs the image helper that lies next to it.
            helper = os.path.join(os.path.dirname(src), "kring-image")
            if os.path.exists(helper):
                shutil.copy2(helper, os.path.join(d, "kring-image"))
            if subprocess.run([dst, "--version"], capture_output=True, timeout=10).returncode == 0:
                return dst
        except (OSError, subprocess.SubprocessError):
            pass
        time.sleep(0.2)
    return src


KRING_BIN = _snapshot_binary(KRING_BIN_SRC)
PASSWORD = "geheim-wachtwoord-1"

_counter = itertools.count(1)


def uniq(prefix="u"):
    """A fresh valid username (2-30 chars of [a-z0-9_])."""
    return "%s%dn%d" % (prefix, os.getpid() % 1000, next(_counter))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


SAN_MARKERS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer")

# ---- PostgreSQL backend (KRING_TEST_DB=pg, set up by `make blackbox-pg`) ----
# Each data directory gets its own fresh database on the private server that
# tests/pg/start.sh started; the server and the CLI find it through KRING_DB.
TEST_DB = os.environ.get("KRING_TEST_DB", "sqlite")
PG_PORT = os.environ.get("KRING_TEST_PG_PORT", "")
PG_DIR = os.environ.get("KRING_TEST_PG_DIR", "")
pg_only = pytest.mark.skipif(TEST_DB != "pg", reason="needs KRING_TEST_DB=pg (make blackbox-pg)")
sqlite_only = pytest.mark.skipif(TEST_DB == "pg", reason="looks at the SQLite file in the data directory")


def pg_psql(sql, db="postgres", check=True):
    r = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                        "-p", PG_PORT, "-U", "kring", "-d", db, "-c", sql],
                       capture_output=True, text=True, timeout=60)
    if check:
        assert r.returncode == 0, (sql, r.stderr)
    return r.stdout


def pg_db_name(data):
    return "kring_" + hashlib.sha256(os.path.abspath(data).encode()).hexdigest()[:16]


def pg_url(name):
    return "postgresql://kring@127.0.0.1:%s/%s" % (PG_PORT, name)


def pg_create_db(name):
    if pg_psql("SELECT 1 FROM pg_database WHERE datname = '%s'" % name).strip() != "1":
        pg_psql("CREATE DATABASE %s" % name)
    return pg_url(name)


def pg_drop_db(name):
    pg_psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name, check=False)


def pg_server(action):
    """Stop or start the private PostgreSQL server (same port) under a running kring."""
    root = os.path.join(ROOT, "tests", "pg")
    if action == "stop":
        r = subprocess.run([os.path.join(root, "stop.sh"), PG_DIR], env=dict(os.environ, KEEP="1"),
                           capture_output=True, text=True, timeout=60)
    else:
        r = subprocess.run([os.path.join(root, "start.sh"), PG_DIR], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


class Server:
    def __init__(self, data=None, env=None):
        self.extra_env = env or {}
        self.own_data = data is None
        self.data = data or tempfile.mkdtemp(prefix="kring-bb-")
        self.proc = None
        self.port = None
        self.stdout_path = None
        self.stderr_path = None
        self.db_url = pg_create_db(pg_db_name(self.data)) if TEST_DB == "pg" else None

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port

    @property
    def listen(self):
        return "127.0.0.1:%d" % self.port

    def env(self):
        e = dict(os.environ)
        e["ASAN_OPTIONS"] = "detect_leaks=0"
        e.pop("KRING_DATA", None)
        e.pop("KRING_DB", None)
        if self.db_url:
            e["KRING_DB"] = self.db_url
        e.update(self.extra_env)
        return e

    def start(self, port=None):
        self.port = port or free_port()
        n = next(_counter)
        self.stdout_path = os.path.join(self.data, "..", "kring-bb-%d-%d.out" % (os.getpid(), n))
        self.stderr_path = os.path.join(self.data, "..", "kring-bb-%d-%d.err" % (os.getpid(), n))
        self.stdout_path = os.path.abspath(self.stdout_path)
        self.stderr_path = os.path.abspath(self.stderr_path)
        self._out = open(self.stdout_path, "wb")
        self._err = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(
            [KRING_BIN, "serve", "--listen", self.listen, "--data", self.data],
            stdout=self._out, stderr=self._err, stdin=subprocess.DEVNULL, env=self.env())
        # Generous: under a full CI run beside other builds an ASan build
        # migrating a new database has taken more than 10 s.
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("kring exited early (%s): %s" % (self.proc.returncode, self.stderr()))
            try:
                if requests.get(self.base + "/healthz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.proc.kill()
        raise RuntimeError("kring did not become healthy in 60 s: " + self.stderr())

    def stdout(self):
        if not self._out.closed:
            self._out.flush()
        with open(self.stdout_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stderr(self):
        if not self._err.closed:
            self._err.flush()
        with open(self.stderr_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def setup_link(self):
        deadline = time.time() + 5
        while time.time() < deadline:
            m = re.search(r"(https?://\S+/setup/[0-9A-Za-z_-]+)", self.stdout())
            if m:
                return m.group(1)
            time.sleep(0.05)
        return None

    def stop(self, sig=signal.SIGTERM, timeout=15):
        """Stop the server; return its exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
                raise AssertionError("kring did not stop within %s s after %s" % (timeout, sig))
        self._out.close()
        self._err.close()
        return self.proc.returncode

    def assert_clean_stop(self):
        rc = self.stop()
        err = self.stderr()
        for m in SAN_MARKERS:
            assert m not in err, "sanitizer report in server stderr:\n" + err[-4000:]
        assert rc == 0, "server exit code %s; stderr:\n%s" % (rc, err[-4000:])

    def cleanup(self):
        if self.own_data:
            shutil.rmtree(self.data, ignore_errors=True)
            if self.db_url:
                pg_drop_db(pg_db_name(self.data))
        for p in (self.stdout_path, self.stderr_path):
            if p:
                try:
                    os.unlink(p)
                except OSError:
                    pass

    # ---- CLI -------------------------------------------------------------
    def cli(self, *args, check=True):
        cmd = [KRING_BIN] + list(args) + ["--data", self.data]
        if self.port and (args[0] == "invite" or tuple(args[:2]) == ("user", "reset-link")):
            cmd += ["--listen", self.listen]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30, env=self.env())
        if check:
            assert r.returncode == 0, "%s failed (%d): %s %s" % (cmd, r.returncode, r.stdout, r.stderr)
        for m in SAN_MARKERS:
            assert m not in r.stderr, r.stderr
        return r

    def add_user(self, name=None, role=None, password=PASSWORD):
        name = name or uniq()
        args = ["user", "add", name, "--password", password]
        if role:
            args += ["--role", role]
        self.cli(*args)
        return name

    def invite_link(self, role=None):
        args = ["invite"] + (["--role", role] if role else [])
        out = self.cli(*args).stdout
        m = re.search(r"(https?://\S+/register\?invite=([0-9A-Za-z_-]+))", out)
        assert m, out
        return m.group(1), m.group(2)

    def reset_link(self, name):
        out = self.cli("user", "reset-link", name).stdout
        m = re.search(r"(https?://\S+/reset/([0-9A-Za-z_-]+))", out)
        assert m, out
        return m.group(1)

    # ---- clients -----------------------------------------------------------
    def client(self, **kw):
        return Client(self.base, **kw)

    def login(self, name, password=PASSWORD):
        c = self.client()
        c.login(name, password)
        return c

    def new_user(self, role=None, prefix="u"):
        """Create a user with the CLI and return a logged-in client (c.name)."""
        name = self.add_user(uniq(prefix), role=role)
        return self.login(name)


CSRF_RE = re.compile(r'name="csrf" value="([^"]*)"')
POST_ID_RE = re.compile(r'<article class="post[^"]*" aria-labelledby="p(\d+)-by"')


def csrf_of(html):
    m = CSRF_RE.search(html)
    return m.group(1) if m else None


def post_ids(html):
    return [int(x) for x in POST_ID_RE.findall(html)]


class Client:
    def __init__(self, base, lang=None):
        self.base = base
        self.s = requests.Session()
        if lang:
            self.s.headers["Accept-Language"] = lang
        self.csrf = None
        self.name = None

    def url(self, path):
        return path if path.startswith("http") else self.base + path

    def get(self, path, **kw):
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 20)
        r = self.s.get(self.url(path), **kw)
        if r.status_code == 200 and r.headers.get("Content-Type", "").startswith("text/html"):
            t = csrf_of(r.text)
            if t:
                self.csrf = t
        return r

    def ensure_csrf(self):
        if not self.csrf:
            self.get("/")
        if not self.csrf:
            self.get("/login")
        return self.csrf

    def post(self, path, data=None, csrf=True, **kw):
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 20)
        data = dict(data or {})
        if csrf is True:
            data["csrf"] = self.ensure_csrf()
        elif csrf:
            data["csrf"] = csrf
        return self.s.post(self.url(path), data=data, **kw)

    def login(self, name, password=PASSWORD, expect=303):
        self.ensure_csrf()
        r = self.post("/login", {"username": name, "password": password, "next": "/"})
        assert r.status_code == expect, (r.status_code, r.text[:500])
        if r.status_code == 303:
            self.name = name
            self.csrf = None
            self.ensure_csrf()
        return r

    def new_post(self, text, visibility="public", **extra):
        data = {"text": text, "visibility": visibility}
        data.update(extra)
        r = self.post("/posts", data)
        assert r.status_code == 303, (r.status_code, r.text[:800])
        m = re.match(r"^(?:https?://[^/]+)?/posts/(\d+)(?:[?#].*)?$", r.headers["Location"])
        assert m, r.headers["Location"]
        return int(m.group(1))

    def profile_count(self, name):
        r = self.get("/@" + name)
        assert r.status_code == 200
        m = re.search(r"(\d+) (?:berichten|posts)", r.text)
        assert m, r.text
        return int(m.group(1))

    def unread(self):
        r = self.get("/local")
        m = re.search(r'class="badge">(\d+)', r.text)
        return int(m.group(1)) if m else 0


# No limit on app registrations and posts from one address: a module whose
# tests register many apps or post fast runs a server of its own with these.
UNLIMITED = {"KRING_APP_RATE": "0", "KRING_POST_RATE": "0"}


def own_server(**env):
    """A module's own server, for a module-scoped fixture to `yield from`:
    started with env, checked for a clean stop, its files removed."""
    s = Server(env=env).start()
    yield s
    try:
        s.assert_clean_stop()
    finally:
        s.cleanup()


@pytest.fixture(scope="session")
def server():
    # Every test's client comes from 127.0.0.1: the session's server takes
    # any number of app registrations (the limit is tested on a server of
    # its own, test_auth_security.py).
    srv = Server(env={"KRING_APP_RATE": "0"}).start()
    link = srv.setup_link()
    if link:
        srv.setup_link_url = link
    yield srv
    try:
        srv.assert_clean_stop()
    finally:
        srv.cleanup()


@pytest.fixture
def start_server():
    """Factory for extra servers (own data dir); each is stopped at teardown."""
    started = []

    def start(data=None, port=None):
        s = Server(data)
        started.append(s)
        return s.start(port)

    yield start
    for s in started:
        if s.proc and s.proc.poll() is None:
            s.proc.kill()
            s.proc.wait(timeout=5)
        for f in ("_out", "_err"):
            if hasattr(s, f):
                getattr(s, f).close()
        s.cleanup()


@pytest.fixture
def alice(server):
    return server.new_user(prefix="alice")


@pytest.fixture
def bob(server):
    return server.new_user(prefix="bob")


@pytest.fixture
def carol(server):
    return server.new_user(prefix="carol")


@pytest.fixture(scope="session")
def admin(server):
    name = server.add_user(uniq("admin"), role="admin")
    return server.login(name)


@pytest.fixture
def anon(server):
    return server.client()


def assert_error_page(r, status=None):
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    if status is not None:
        assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers.get("Content-Type", "").startswith("text/html"), r.headers
    assert '<html lang="nl">' in r.text
    assert 'class="error"' in r.text
