"""tools/check-sql.py checks each bound value's C type against its format
letter (issue 13 #3: a group's rules text was bound with 'i' and stored as a
heap address).  It passes on the tree and fails on the original fault."""
import os
import shutil
import subprocess

from conftest import ROOT

TOOL = os.path.join(ROOT, "tools", "check-sql.py")


def run(cwd):
    return subprocess.run(["/usr/bin/python3", TOOL], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_tree_passes():
    r = run(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


def test_type_faults_are_found(tmp_path):
    shutil.copytree(os.path.join(ROOT, "src"), tmp_path / "src")
    group = tmp_path / "src" / "store" / "group.c"
    text = group.read_text()
    assert '"ussssiiui", g->id' in text
    # The original fault: the rules text bound as an integer.
    group.write_text(text.replace('"ussssiiui", g->id', '"usssiiiui", g->id'))
    r = run(tmp_path)
    assert r.returncode == 1 and "'g->rules' (str) bound as 'i'" in r.stdout, r.stdout + r.stderr
    # A 32-bit int read as int64_t is as wrong (undefined in varargs).
    group.write_text(text.replace("g->rules, (int64_t)g->kind", "g->rules, g->kind"))
    r = run(tmp_path)
    assert r.returncode == 1 and "'g->kind' (narrow) bound as 'i'" in r.stdout, r.stdout + r.stderr
