import json, collections, re, sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
assert lines[-1] == "", "file must end with a newline"
rows = [json.loads(l) for l in lines[:-1]]           # every line valid JSON
assert len(rows) == 60, len(rows)
assert all(set(r) == {"text", "level", "part"} for r in rows)
assert all(r["part"] == "unseen2" for r in rows)
c = collections.Counter(r["level"] for r in rows)
assert c == {"B1": 20, "B2": 20, "C1": 20}, c
texts = [r["text"] for r in rows]
assert len(set(texts)) == 60, "duplicate text"
dev = [json.loads(l)["text"] for l in open("tests/data/readability_dev.jsonl", encoding="utf-8")]
def sents(t): return {s.strip().lower() for s in re.split(r"[.!?]", t) if len(s.split()) >= 6}
devs = set().union(*map(sents, dev))
shared = [s for t in texts for s in sents(t) if s in devs]
assert not shared, shared
for lv in ("B1", "B2", "C1"):
    w = [len(r["text"].split()) for r in rows if r["level"] == lv]
    sl = [len(s.split()) for r in rows if r["level"] == lv for s in re.split(r"(?<=[.!?])\s+", r["text"])]
    assert all(50 <= x <= 200 for x in w), (lv, w)
    print(f"{lv}: {len(w)} texts, {min(w)}-{max(w)} words (mean {sum(w)/len(w):.0f}), mean sentence {sum(sl)/len(sl):.1f} words")
print("ok", c)
