#!/usr/bin/python3
"""Agreement of `kring readability --json` with the labelled development set
(tests/data/readability_dev.jsonl: {"text", "level": B1|B2|C1, "part": dev|heldout}).

Prints accuracy, the confusion table and precision/recall of "B1" against
"harder than B1", per part and overall; then the time for a 1,000-word post
(--bench).  Labels are the writer's intent (docs/measure.md says how the set
was made)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

LEVELS = ["B1", "B2", "C1"]


def judge(kring, text):
    out = subprocess.run([kring, "readability", "--json"], input=text.encode(), capture_output=True, check=True)
    return json.loads(out.stdout)


def report(name, rows):
    n = len(rows)
    if not n:
        return
    ok = sum(1 for g, p in rows if g == p)
    print(f"== {name}: {n} texts, accuracy {ok / n:.2f} ({ok}/{n})")
    print("   gold\\got " + " ".join(f"{l:>4}" for l in LEVELS))
    for g in LEVELS:
        print(f"   {g:>8} " + " ".join(f"{sum(1 for a, b in rows if a == g and b == p):>4}" for p in LEVELS))
    tp = sum(1 for g, p in rows if g == "B1" and p == "B1")
    fp = sum(1 for g, p in rows if g != "B1" and p == "B1")
    fn = sum(1 for g, p in rows if g == "B1" and p != "B1")
    tn = n - tp - fp - fn
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    hprec = tn / (tn + fn) if tn + fn else 0.0
    hrec = tn / (tn + fp) if tn + fp else 0.0
    print(f"   B1: precision {prec:.2f}, recall {rec:.2f};  harder than B1: precision {hprec:.2f}, recall {hrec:.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kring", required=True)
    ap.add_argument("--show", action="store_true", help="list the texts judged wrongly")
    ap.add_argument("data")
    args = ap.parse_args()
    parts = {}
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            r = judge(args.kring, d["text"])
            parts.setdefault(d.get("part", "dev"), []).append((d["level"], r["level"]))
            if args.show and r["level"] != d["level"]:
                print(f"  {d['level']} got {r['level']} fd {r['flesch_douma']} wps {r['words_per_sentence']} "
                      f"hard {r['hard_share']} abs {r['abstract_nouns']}/{r['words']} jar {r['jargon']}: {d['text'][:70]}")
    for name in sorted(parts):
        report(name, parts[name])
    report("all", [x for rows in parts.values() for x in rows])
    # A 1,000-word post: the development texts joined until 1,000 words.
    words = []
    with open(args.data, encoding="utf-8") as f:
        texts = [json.loads(l)["text"] for l in f if l.strip()]
    i = 0
    while len(words) < 1000:
        words.extend(texts[i % len(texts)].split())
        i += 1
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as t:
        t.write(" ".join(words[:1000]))
    try:
        out = subprocess.run([args.kring, "readability", "--json", "--bench", "2000", t.name], capture_output=True,
                             check=True, text=True)
        print(f"== time for a 1,000-word post: {out.stderr.strip()}")
    finally:
        os.unlink(t.name)


if __name__ == "__main__":
    sys.exit(main())
