#!/usr/bin/python3
"""Turn tests/data/privacy_dev.src (texts with inline [[type:text]] marks)
into tests/data/privacy_dev.jsonl with byte offsets.  Also checks that every
marked bsn passes the elfproef and every iban passes mod-97, so the labels
cannot silently disagree with the definitions.

usage: build_dev.py [SRC [OUT]]"""
import json
import re
import sys

TYPES = {"bsn", "phone", "email", "iban", "address", "date_of_birth",
         "patient_number", "name", "health", "room"}
MARK = re.compile(r"\[\[([a-z_]+):(.*?)\]\]")


def elfproef(d):
    d = re.sub(r"\D", "", d)
    if len(d) == 8:
        d = "0" + d
    if len(d) != 9 or int(d) == 0:
        return False
    s = sum((9 - i) * int(d[i]) for i in range(8)) - int(d[8])
    return s % 11 == 0


def iban_ok(s):
    s = s.replace(" ", "").upper()
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def convert(line, where):
    out = bytearray()
    findings = []
    pos = 0
    for m in MARK.finditer(line):
        out += line[pos:m.start()].encode()
        typ, txt = m.group(1), m.group(2)
        if typ not in TYPES:
            sys.exit(f"{where}: unknown type {typ}")
        if typ == "bsn" and not elfproef(txt):
            sys.exit(f"{where}: bsn {txt} fails the elfproef")
        if typ == "iban" and not iban_ok(txt):
            sys.exit(f"{where}: iban {txt} fails mod-97")
        start = len(out)
        out += txt.encode()
        findings.append({"type": typ, "start": start, "end": len(out)})
        pos = m.end()
    out += line[pos:].encode()
    text = out.decode()
    if "[[" in text or "]]" in text:
        sys.exit(f"{where}: unbalanced mark")
    return text, findings


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "tests/data/privacy_dev.src"
    dst = sys.argv[2] if len(sys.argv) > 2 else "tests/data/privacy_dev.jsonl"
    rows = []
    for no, raw in enumerate(open(src, encoding="utf-8"), 1):
        raw = raw.rstrip("\n")
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw[:2] not in ("+ ", "- "):
            sys.exit(f"{src}:{no}: line must start with '+ ' or '- '")
        text, findings = convert(raw[2:].rstrip(), f"{src}:{no}")
        rows.append({"id": f"dev-{len(rows) + 1:04d}", "text": text,
                     "client_data": raw[0] == "+", "findings": findings})
    with open(dst, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = sum(r["client_data"] for r in rows)
    print(f"{dst}: {len(rows)} texts, {pos} with client data, "
          f"{sum(len(r['findings']) for r in rows)} findings", file=sys.stderr)


if __name__ == "__main__":
    main()
