"""toot (the command-line client) against the real server."""
import json
import os
import shutil
import subprocess
import tempfile

import pytest

from conftest import PASSWORD

TOOT = shutil.which("toot")


@pytest.fixture
def toot_env():
    d = tempfile.mkdtemp(prefix="kring-toot-")
    env = dict(os.environ, HOME=d, XDG_CONFIG_HOME=os.path.join(d, "config"), COLUMNS="120")
    yield env
    shutil.rmtree(d, True)


def run(env, *args, stdin=None):
    return subprocess.run([TOOT, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(TOOT is None, reason="toot is not installed (scripts/install-deps.sh)")
def test_toot_login_post_timeline(server, toot_env):
    host = server.base.split("://")[1]
    r = run(toot_env, "login_cli", "--instance", host, "--email", "carol", "--disable-https",
            stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Successfully logged in" in r.stdout
    cfg = json.load(open(os.path.join(toot_env["XDG_CONFIG_HOME"], "toot", "config.json")))
    assert cfg["active_user"].startswith("carol@")
    r = run(toot_env, "whoami")
    assert r.returncode == 0 and "@carol" in r.stdout, r.stdout + r.stderr
    r = run(toot_env, "post", "Gepost met toot #cli")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Toot posted" in r.stdout
    r = run(toot_env, "timeline", "--once")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Gepost met toot" in r.stdout
    r = run(toot_env, "timeline", "--once", "--public")
    assert r.returncode == 0 and "Gepost met toot" in r.stdout, r.stdout + r.stderr
    r = run(toot_env, "timeline", "--once", "--tag", "cli")
    assert r.returncode == 0 and "Gepost met toot" in r.stdout, r.stdout + r.stderr
    r = run(toot_env, "search", "toot")
    assert r.returncode == 0, r.stdout + r.stderr
    r = run(toot_env, "follow", "dave")
    assert r.returncode == 0 and "now following" in r.stdout.lower(), r.stdout + r.stderr
