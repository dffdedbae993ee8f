#!/usr/bin/python3
"""Prepare every SQL statement of src/store/*.c on PostgreSQL.

Usage: check-sql-pg.py URL   (a database migrated by `kring migrate --db URL`)

Finds the SQL literals (adjacent string literals and the string macros they
use), renumbers ?N to $N as the driver does, and PREPAREs each one through
psql, so what PostgreSQL rejects (syntax, types, functions) shows up without
running the code path.  It also reports parameters PostgreSQL infers as a
32-bit integer, which would overflow with a 64-bit id or time."""
import glob, re, subprocess, sys

TOK = re.compile(r'"((?:[^"\\\n]|\\.)*)"|([A-Za-z_]\w*)|(/\*.*?\*/|//[^\n]*)|(\s+)|(.)', re.S)
SQL_START = re.compile(r'^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b', re.I)


def unescape(s):
    return s.encode().decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")


def string_macros(files, fmacros):
    macros = {}
    for path in files:
        src = open(path).read()
        for m in re.finditer(r'#define (\w+)[ \t]((?:[^\n]*\\\n)*[^\n]*)', src):
            # a string macro may be made of function macros' calls:
            # POST_COLS is POST_COLS_V("?1"), which is POST_SEL_V("?1") ...
            body = expand_calls(m.group(2).replace("\\\n", " "), fmacros)
            if '"' in body and re.fullmatch(r'\s*(?:"(?:[^"\\]|\\.)*"\s*|[A-Z_][A-Z0-9_]*\s*)+', body):
                macros[m.group(1)] = body
    return macros


def expand(name, macros, depth=0):
    out = []
    for t in TOK.finditer(macros[name]):
        if t.group(1) is not None:
            out.append(unescape(t.group(1)))
        elif t.group(2) and t.group(2) in macros and depth < 5:
            out.append(expand(t.group(2), macros, depth + 1))
    return "".join(out)


def function_macros(files):
    """#define NAME(a, b) "..." a "..." b: string macros with parameters."""
    out = {}
    for path in files:
        for m in re.finditer(r'#define (\w+)\(([^)]*)\)[ \t]((?:[^\n]*\\\n)*[^\n]*)', open(path).read()):
            body = m.group(3).replace("\\\n", " ")
            if '"' in body:
                out[m.group(1)] = ([x.strip() for x in m.group(2).split(",")], body)
    return out


def expand_calls(src, fmacros, depth=0):
    """Replace NAME("x", "y") by its body with the arguments put in, and
    the calls that body makes in turn."""
    before = src
    for name, (params, body) in fmacros.items():
        def sub(m):
            args = [x.strip() for x in re.findall(r'"(?:[^"\\]|\\.)*"', m.group(1))]
            if len(args) != len(params):
                return m.group(0)
            text = body
            for p, a in zip(params, args):
                text = re.sub(r'\b%s\b' % re.escape(p), lambda _m, a=a: a, text)
            return text
        src = re.sub(r'\b%s\(((?:\s*"(?:[^"\\]|\\.)*"\s*,?)*)\)' % name, sub, src)
    return expand_calls(src, fmacros, depth + 1) if src != before and depth < 5 else src


def statements(files, macros):
    fmacros = function_macros(files)
    for path in files:
        src = open(path).read()
        src = re.sub(r'#define (\w+)(?:\([^)]*\))?[ \t]((?:[^\n]*\\\n)*[^\n]*)', lambda m: "\n" * m.group(0).count("\n"), src)
        src = expand_calls(src, fmacros)
        run, start = [], 0
        for t in TOK.finditer(src):
            if t.group(1) is not None:
                if not run:
                    start = t.start()
                run.append(unescape(t.group(1)))
            elif t.group(2) and t.group(2) in macros:
                if not run:
                    start = t.start()
                run.append(expand(t.group(2), macros))
            elif t.group(3) or t.group(4):
                continue
            else:
                if run:
                    sql = "".join(run)
                    # The FTS5 forms are SQLite's; PostgreSQL has its own (post.c
                    # for posts, the pg_trgm index of migration 46 for names).
                    if SQL_START.match(sql) and "post_fts MATCH" not in sql and "account_names MATCH" not in sql:
                        yield path, src[:start].count("\n") + 1, sql
                    run = []


def pg_sql(sql):
    out, i, seq = [], 0, 0
    while i < len(sql):
        c = sql[i]
        if c in "'\"":
            j = i + 1
            while j < len(sql):
                if sql[j] == c:
                    if j + 1 < len(sql) and sql[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i:j + 1])
            i = j + 1
            continue
        if c == "?":
            m = re.match(r"\?(\d*)", sql[i:])
            if m.group(1):
                out.append("$" + m.group(1))
            else:
                seq += 1
                out.append("$%d" % seq)
            i += len(m.group(0))
            continue
        out.append(c)
        i += 1
    return "".join(out)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    files = sorted(glob.glob("src/store/*.c"))
    skip = ("migrate.c", "migrate_pg.c", "sqlite.c", "pg.c", "export.c")
    files = [f for f in files if not f.endswith("_test.c") and not f.endswith(skip)]
    macros = string_macros(files + ["src/store/db.h"], function_macros(files))  # db.h: DB_IDS_IN
    stmts = list(statements(files, macros))
    script = ["\\set ON_ERROR_STOP off", "SET client_min_messages = warning;"]
    for i, (path, line, sql) in enumerate(stmts):
        script.append("\\echo @@%d" % i)
        script.append("PREPARE s%d AS %s;" % (i, pg_sql(sql)))
    script.append("\\echo @@types")
    script.append("SELECT name || ' ' || parameter_types::text FROM pg_prepared_statements;")
    r = subprocess.run(["psql", "-X", "-q", "-t", "-A", sys.argv[1]], input="\n".join(script),
                       capture_output=True, text=True, timeout=120)
    # psql writes errors to stderr; run again merged to place them.
    r = subprocess.run(["psql", "-X", "-q", "-t", "-A", sys.argv[1]], input="\n".join(script),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    bad, cur, types = 0, None, False
    for ln in r.stdout.splitlines():
        m = re.match(r"@@(\d+|types)$", ln)
        if m:
            types = m.group(1) == "types"
            cur = None if types else int(m.group(1))
            continue
        if types:
            m = re.match(r"s(\d+) \{(.*)\}$", ln)
            if m and "integer" in m.group(2).split(","):
                path, line, sql = stmts[int(m.group(1))]
                print("%s:%d: a parameter is inferred as 32-bit integer (%s): %.150s" % (path, line, m.group(2), sql))
                bad += 1
        elif cur is not None and ("ERROR" in ln):
            path, line, sql = stmts[cur]
            print("%s:%d: %s\n    %.300s" % (path, line, ln.strip(), sql))
            bad += 1
    print("check-sql-pg: %d statements, %d problems" % (len(stmts), bad))
    return 1 if bad else 0


sys.exit(main())
