"""`kring sentiment`: one JSON object per input line, keys in a fixed order,
bad lines reported and skipped, files and standard input alike."""
import json
import subprocess

from conftest import KRING_BIN


def run(args, data=b""):
    return subprocess.run([KRING_BIN, "sentiment"] + args, input=data,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)


def test_jsonl_per_line():
    text = "Top geholpen, dank jullie wel!\nMijn vader is vermist, niemand komt!\n\nWanneer is het bezoekuur?"
    r = run(["--jsonl"], text.encode())
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 4
    objs = [json.loads(l) for l in lines]
    assert [list(o) for o in objs] == [["line", "label", "score", "urgent"]] * 4
    assert [o["line"] for o in objs] == [1, 2, 3, 4]
    assert objs[0]["label"] == "pos" and objs[0]["urgent"] is False
    assert objs[1]["label"] == "neg" and objs[1]["urgent"] is True
    assert objs[2]["label"] == "neu" and objs[2]["score"] == 0
    assert objs[3]["label"] in ("neu", "unsure")
    assert all(-1 <= o["score"] <= 1 for o in objs)


def test_files_bytes_and_long_lines(tmp_path):
    f = tmp_path / "in.txt"
    # invalid UTF-8, a CRLF line, and a line over the 64 KiB limit between good ones
    f.write_bytes(b"slecht \xff\xfe en onvriendelijk\r\n" + b"a" * 70000 + b"\nheel fijn\n")
    r = run(["--jsonl", str(f)])
    assert r.returncode == 0
    objs = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [o["line"] for o in objs] == [1, 2, 3]
    assert objs[0]["label"] == "neg"
    assert objs[1]["label"] == "error"
    assert b"line too long" in r.stderr
    assert objs[2]["label"] == "pos"


def test_plain_explain_and_errors(tmp_path):
    r = run(["--explain"], "Niet goed geholpen\n".encode())
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "neg" in out and "negated" in out
    assert run(["--help"]).returncode == 0
    assert run(["--bogus"]).returncode == 2
    r = run([str(tmp_path / "missing.txt")])
    assert r.returncode == 1 and b"cannot open" in r.stderr
