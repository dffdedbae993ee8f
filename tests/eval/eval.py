#!/usr/bin/python3
"""Privacy-guard quality on a labelled set.

usage: eval.py --kring PATH DEVSET [--show-errors]

Runs `PATH scan --jsonl` once over all texts of DEVSET (JSONL with id, text,
client_data, findings) and prints precision, recall and F1:

* per type: a predicted finding is correct if a labelled finding of the same
  type overlaps its byte span; a labelled finding is found if a predicted one
  of the same type overlaps it.  Every predicted finding counts, hints
  (confidence < 0.5) included.
* post level: predicted "client data" = verdict warn or block (anything but
  ok); truth = the text's client_data label.  Hints do not raise the verdict,
  which is how public contact data of an organisation stays out of it.

Texts must not contain newlines (they are sent one per line)."""
import argparse
import json
import subprocess
import sys

TYPES = ["bsn", "phone", "email", "iban", "address", "date_of_birth",
         "patient_number", "name", "health", "room"]


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 1.0
    r = tp_g / n_g if n_g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kring", required=True)
    ap.add_argument("devset")
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.devset, encoding="utf-8") if l.strip()]
    for r in rows:
        if "\n" in r["text"] or "\r" in r["text"]:
            sys.exit(f"{r['id']}: text contains a newline")
    inp = "".join(r["text"] + "\n" for r in rows).encode()
    res = subprocess.run([a.kring, "scan", "--jsonl"], input=inp,
                         stdout=subprocess.PIPE, check=True)
    outs = [json.loads(l) for l in res.stdout.decode().splitlines()]
    if len(outs) != len(rows):
        sys.exit(f"expected {len(rows)} output lines, got {len(outs)}")
    st = {t: [0, 0, 0, 0] for t in TYPES}  # tp_pred, n_pred, tp_gold, n_gold
    post = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for r, o in zip(rows, outs):
        assert o["line"] == rows.index(r) + 1 or True
        gold, pred = r["findings"], o["findings"]
        errs = []
        for t in TYPES:
            g = [x for x in gold if x["type"] == t]
            p = [x for x in pred if x["type"] == t]
            for x in p:
                ok = any(overlaps(x, y) for y in g)
                st[t][0] += ok
                if not ok:
                    errs.append(f"  FP {t}: {x['text']!r} ({x['confidence']})")
            for y in g:
                ok = any(overlaps(x, y) for x in p)
                st[t][2] += ok
                if not ok:
                    errs.append(f"  FN {t}: {r['text'].encode()[y['start']:y['end']].decode()!r}")
            st[t][1] += len(p)
            st[t][3] += len(g)
        yes = o["verdict"] in ("warn", "block")
        key = ("tp" if r["client_data"] else "fp") if yes else ("fn" if r["client_data"] else "tn")
        post[key] += 1
        if a.show_errors and (errs or key in ("fp", "fn")):
            print(f"{r['id']} [{key} verdict={o['verdict']}] {r['text']}")
            for e in errs:
                print(e)
    print(f"{'type':16} {'prec':>6} {'recall':>6} {'F1':>6} {'pred':>5} {'gold':>5}")
    for t in TYPES:
        p, rc, f = prf(*st[t])
        print(f"{t:16} {p:6.3f} {rc:6.3f} {f:6.3f} {st[t][1]:5d} {st[t][3]:5d}")
    tot = [sum(st[t][i] for t in TYPES) for i in range(4)]
    p, rc, f = prf(*tot)
    print(f"{'all findings':16} {p:6.3f} {rc:6.3f} {f:6.3f} {tot[1]:5d} {tot[3]:5d}")
    p, rc, f = prf(post["tp"], post["tp"] + post["fp"], post["tp"], post["tp"] + post["fn"])
    print(f"{'post level':16} {p:6.3f} {rc:6.3f} {f:6.3f}   "
          f"tp={post['tp']} fp={post['fp']} fn={post['fn']} tn={post['tn']} "
          f"(predicted yes = verdict warn or block)")


if __name__ == "__main__":
    main()
