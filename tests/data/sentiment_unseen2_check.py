# Checks tests/data/sentiment_unseen2.jsonl (issue 17): the shape of every line and the mix.
# Run from the repo root: /usr/bin/python3 tests/data/sentiment_unseen2_check.py
# It also counts (without printing the other sets' texts) sentences shared with the
# earlier sentiment sets, so the unseen set stays unseen.
import json, collections, re, sys
path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/sentiment_unseen2.jsonl"
raw = open(path, encoding="utf-8").read()
assert raw.endswith("\n"), "file must end with a newline"
rows = [json.loads(l) for l in raw[:-1].split("\n")]          # every line valid JSON
assert len(rows) == 340, len(rows)
keys = {"id", "text", "label", "urgent", "kind", "part"}
kinds = {"urgent", "complaint", "praise", "question", "notice", "headline",
         "informal", "mixed", "sarcasm", "negation"}
for r in rows:
    assert set(r) == keys, r
    assert re.fullmatch(r"v\d{4}", r["id"]), r["id"]
    assert r["label"] in ("neg", "neu", "pos"), r
    assert isinstance(r["urgent"], bool), r
    assert r["kind"] in kinds, r
    assert r["part"] == "unseen9", r
    assert 40 <= len(r["text"]) <= 280, (len(r["text"]), r["id"])
    # urgent items are negative and of kind urgent, and only they are
    assert r["urgent"] == (r["kind"] == "urgent"), r["id"]
    if r["urgent"]:
        assert r["label"] == "neg", r["id"]
ids = [r["id"] for r in rows]
assert len(set(ids)) == len(ids), "duplicate id"
texts = [r["text"] for r in rows]
assert len(set(texts)) == len(texts), "duplicate text"
norm = [re.sub(r"\W+", " ", t.lower()).strip() for t in texts]
assert len(set(norm)) == len(norm), "texts equal but for case/punctuation"
def sents(t):
    return {s.strip().lower() for s in re.split(r"[.!?\n]", t) if len(s.split()) >= 6}
own = collections.Counter(s for t in texts for s in sents(t))
dup = [s for s, n in own.items() if n > 1]
assert not dup, dup
earlier = set()
for f in ("tests/data/sentiment_dev.jsonl", "tests/data/sentiment_unseen.jsonl"):
    try:
        for l in open(f, encoding="utf-8"):
            if l.strip():
                t = json.loads(l)["text"]
                earlier.add(t.strip().lower())
                earlier |= sents(t)
    except FileNotFoundError:
        pass
same = sum(1 for t in texts if t.strip().lower() in earlier)
shared = sum(1 for t in texts for s in sents(t) if s in earlier)
assert same == 0 and shared == 0, (same, shared)
lab = collections.Counter(r["label"] for r in rows)
urg = collections.Counter(r["urgent"] for r in rows)
kin = collections.Counter(r["kind"] for r in rows)
lu = collections.Counter((r["label"], r["urgent"]) for r in rows)
lk = collections.Counter((r["kind"], r["label"]) for r in rows)
assert urg[True] == 130, urg
print("lines", len(rows), "unique ids", len(set(ids)), "unique texts", len(set(texts)))
print("label", dict(sorted(lab.items())))
print("urgent", dict(sorted(urg.items())))
print("label x urgent", {f"{a}/{'urgent' if b else 'not'}": n for (a, b), n in sorted(lu.items())})
print("kind", dict(sorted(kin.items(), key=lambda x: -x[1])))
print("kind x label", {f"{k}/{l}": n for (k, l), n in sorted(lk.items())})
L = [len(t) for t in texts]
print(f"length {min(L)}-{max(L)} chars, mean {sum(L)/len(L):.0f}")
print("shared with earlier sets: exact", same, "sentences", shared)
print("ok")
