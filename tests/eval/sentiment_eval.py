#!/usr/bin/python3
"""Webcare sentiment quality on a labelled set (docs/webcare.md).

usage: sentiment_eval.py --kring PATH DEVSET [--part dev|holdout] [--show-errors]

Runs `PATH sentiment --jsonl` once over all texts of DEVSET (JSONL with id,
text, label neg|neu|pos, urgent, kind, part) and prints, per part and for all:

* accuracy: share of texts whose predicted label is the gold one; "unsure"
  counts as wrong.
* macro-F1 over neg, neu and pos; an "unsure" prediction is a miss for the
  gold class (it lowers recall, never precision).
* precision of neg: of the texts called neg, the share that are neg.
* urgent recall and precision.
* the unsure share, and the accuracy on the texts that were not unsure.

Texts must not contain newlines (they are sent one per line)."""
import argparse
import json
import subprocess
import sys

LABELS = ["neg", "neu", "pos"]


def scores(pairs):
    n = len(pairs)
    acc = sum(g["label"] == o["label"] for g, o in pairs) / n if n else 0
    f1s, prec = [], {}
    for c in LABELS:
        tp = sum(g["label"] == c and o["label"] == c for g, o in pairs)
        npred = sum(o["label"] == c for _, o in pairs)
        ngold = sum(g["label"] == c for g, _ in pairs)
        p = tp / npred if npred else 1.0
        r = tp / ngold if ngold else 1.0
        prec[c] = (p, npred)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    ug = [o["urgent"] for g, o in pairs if g["urgent"]]
    up = [g["urgent"] for g, o in pairs if o["urgent"]]
    sure = [(g, o) for g, o in pairs if o["label"] != "unsure"]
    return {
        "n": n, "accuracy": acc, "macro_f1": sum(f1s) / 3, "f1": dict(zip(LABELS, f1s)),
        "neg_precision": prec["neg"][0], "neg_called": prec["neg"][1],
        "urgent_recall": sum(ug) / len(ug) if ug else 1.0, "urgent_n": len(ug),
        "urgent_precision": sum(up) / len(up) if up else 1.0, "urgent_called": len(up),
        "unsure": (n - len(sure)) / n if n else 0,
        "sure_accuracy": sum(g["label"] == o["label"] for g, o in sure) / len(sure) if sure else 0,
    }


def show(name, s):
    print(f"{name:8s} n={s['n']:4d}  accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f} "
          f"(neg {s['f1']['neg']:.2f}, neu {s['f1']['neu']:.2f}, pos {s['f1']['pos']:.2f})  "
          f"neg precision {s['neg_precision']:.3f} ({s['neg_called']} called)  "
          f"urgent recall {s['urgent_recall']:.3f} of {s['urgent_n']}, precision {s['urgent_precision']:.3f}  "
          f"unsure {s['unsure']:.1%}, accuracy when sure {s['sure_accuracy']:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kring", required=True)
    ap.add_argument("devset")
    ap.add_argument("--part")
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.devset, encoding="utf-8") if l.strip()]
    for r in rows:
        if "\n" in r["text"] or "\r" in r["text"]:
            sys.exit(f"{r['id']}: text contains a newline")
        if r["label"] not in LABELS:
            sys.exit(f"{r['id']}: label {r['label']!r}")
    inp = "".join(r["text"] + "\n" for r in rows).encode()
    res = subprocess.run([a.kring, "sentiment", "--jsonl"], input=inp, stdout=subprocess.PIPE, check=True)
    outs = [json.loads(l) for l in res.stdout.decode().splitlines()]
    if len(outs) != len(rows):
        sys.exit(f"expected {len(rows)} output lines, got {len(outs)}")
    pairs = list(zip(rows, outs))
    if a.part:
        pairs = [(g, o) for g, o in pairs if g["part"] == a.part]
    if a.show_errors:
        for g, o in pairs:
            if g["label"] != o["label"] or g["urgent"] != o["urgent"]:
                print(f"{g['id']} gold {g['label']}{'/urgent' if g['urgent'] else ''} "
                      f"got {o['label']}{'/urgent' if o['urgent'] else ''} {o['score']:+.2f}  {g['text']}")
    print("sentiment (unsure counts as wrong):")
    for part in sorted({g["part"] for g, _ in pairs}):
        show(part, scores([(g, o) for g, o in pairs if g["part"] == part]))
    if len({g["part"] for g, _ in pairs}) > 1:
        show("all", scores(pairs))


if __name__ == "__main__":
    main()
