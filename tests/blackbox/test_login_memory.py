"""Password checks (Argon2id, 19 MiB each) run one at a time in the server:
a burst of logins on every request thread at once must not add 19 MiB per
thread to its memory (a login flood, right or wrong passwords, was a memory
flood)."""
import threading

import pytest

from conftest import own_server, uniq


@pytest.fixture(scope="module")
def srv():
    # ASan's quarantine would keep freed memory; the peak is what is asked.
    yield from own_server(ASAN_OPTIONS="detect_leaks=0:quarantine_size_mb=0")


def peak_mib(srv):
    with open("/proc/%d/status" % srv.proc.pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_concurrent_logins_hash_one_at_a_time(srv):
    names = [srv.add_user(uniq("mem")) for _ in range(12)]
    srv.login(names[0])                      # one check done: the peak holds one
    before = peak_mib(srv)
    errors = []

    def login(name):
        try:
            srv.login(name)
        except Exception as e:               # noqa: BLE001 - reported below
            errors.append(repr(e))

    for _ in range(2):
        ts = [threading.Thread(target=login, args=(n,)) for n in names]
        for t in ts:
            t.start()
        for t in ts:
            t.join(timeout=120)
    assert not errors, errors
    grew = peak_mib(srv) - before
    print("logins: 24 at once, peak %.1f -> %.1f MiB (+%.1f)" % (before, before + grew, grew))
    # Four request threads hashing at once would add about 57 MiB.
    assert grew < 30, grew
