#!/usr/bin/python3
"""Check that every db_query/db_exec/db_scalar call binds as many values as its
SQL has ?N placeholders (the format letters are easy to get wrong)."""
import re, sys, glob
bad = 0
macros = {}
for path in glob.glob("src/store/*.c"):
    src = open(path).read()
    for m in re.finditer(r'#define (\w+)((?:[^\n]*\\\n)*[^\n]*)', src):
        macros[m.group(1)] = m.group(2)
for path in glob.glob("src/store/*.c"):
    src = open(path).read()
    for m in re.finditer(r'db_(query|exec|scalar)\((.*?)\);', src, re.S):
        call = m.group(2)
        # The SQL is the first run of adjacent literals (and macros); the
        # format is the next literal after a comma.
        lits = [(x.start(), x.group(1)) for x in re.finditer(r'"((?:[^"\\]|\\.)*)"', call)]
        if not lits:
            continue
        sql, fmt, i = lits[0][1], None, 1
        while i < len(lits) and "," not in call[lits[i-1][0] + len(lits[i-1][1]) + 2:lits[i][0]]:
            sql += " " + lits[i][1]
            i += 1
        if i < len(lits):
            fmt = lits[i][1]
        if fmt is None:
            continue
        for name, body in macros.items():
            if re.search(r'\b%s\b' % name, call):
                sql += " " + " ".join(re.findall(r'"((?:[^"\\]|\\.)*)"', body))
        if "?" not in sql and fmt == "":
            continue
        nums = [int(x) for x in re.findall(r'\?(\d+)', sql)]
        need = max(nums) if nums else 0
        if not re.fullmatch(r'[iusSn]*', fmt):
            continue
        if len(fmt) != need and need:
            line = src[:m.start()].count("\n") + 1
            print(f"{path}:{line}: format '{fmt}' has {len(fmt)} values, SQL wants {need}")
            bad += 1
sys.exit(1 if bad else 0)
