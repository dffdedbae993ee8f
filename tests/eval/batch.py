#!/usr/bin/python3
"""Score one part of a labelled source file (privacy_dev.src format).

usage: batch.py --kring PATH SRC FROM [TO] [--show-errors]

Takes the lines of SRC from the first `# ==` header containing FROM up to
(not including) the first later `# ==` header containing TO (or the end),
turns them into JSONL with tests/eval/build_dev.py and runs eval.py on them.
Used to score a new batch before it is tuned on, e.g.
  batch.py --kring build/release/kring tests/data/privacy_dev.src "batch 12"
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kring", required=True)
    ap.add_argument("src")
    ap.add_argument("start")
    ap.add_argument("end", nargs="?")
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    out, on = [], False
    for line in open(a.src, encoding="utf-8"):
        if line.startswith("# =="):
            if not on and a.start in line:
                on = True
            elif on and a.end and a.end in line:
                break
        if on:
            out.append(line)
    if not out:
        sys.exit(f"no section matching {a.start!r}")
    with tempfile.TemporaryDirectory() as d:
        src, js = os.path.join(d, "b.src"), os.path.join(d, "b.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            f.writelines(out)
        subprocess.run([sys.executable, os.path.join(HERE, "build_dev.py"), src, js], check=True)
        cmd = [sys.executable, os.path.join(HERE, "eval.py"), "--kring", a.kring, js]
        if a.show_errors:
            cmd.append("--show-errors")
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
