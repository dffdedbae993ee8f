#!/usr/bin/python3
"""Check every db_query/db_exec/db_scalar call in src/store:

1. it binds as many values as its SQL has ?N placeholders, and
2. each value's C type fits its format letter: the binder reads the varargs
   as the letter says (i: int64_t, u: uint64_t, s: const char *, S: const
   char * and size_t, n: nothing), so a string bound with 'i' stores a heap
   address and an int bound with 'i' reads garbage.  The type of each
   argument comes from a cast, a literal, the struct field it names
   (declarations in src/**/*.h and src/store/*.c) or the local variable or
   parameter it names; an argument whose type cannot be told is reported
   too, so the check cannot quietly go blind (cast it)."""
import glob
import re
import sys

bad = 0


def report(path, src, pos, msg):
    global bad
    line = src[:pos].count("\n") + 1
    print(f"{path}:{line}: {msg}")
    bad += 1


def strip_comments(src):
    # Keep offsets: replace comments by spaces of the same length.
    return re.sub(r"/\*.*?\*/|//[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)), src, flags=re.S)


# ---- types -------------------------------------------------------------

INT64 = {"int64_t", "time_t", "off_t", "ssize_t", "long long", "long"}
UINT64 = {"uint64_t", "unsigned long long", "unsigned long", "size_t"}
NARROW = {"int", "bool", "unsigned", "unsigned int", "short", "char", "uint32_t", "int32_t", "uint16_t",
          "int16_t", "uint8_t", "int8_t"}


def norm(decl_type):
    t = re.sub(r"\b(const|volatile|static|register|extern|inline)\b", "", decl_type)
    return re.sub(r"\s+", " ", t).strip()


def kind_of(t):
    """(type, stars) -> 'str', 'ptr', 'i64', 'u64', 'narrow' (narrower than 64 bits, or an enum), or None."""
    if t is None:
        return None
    base, stars = t
    if stars:
        return "str" if stars == 1 and base in ("char", "unsigned char") else "ptr"
    if base.startswith("enum "):
        return "narrow"
    if base in INT64:
        return "i64"
    if base in UINT64:
        return "u64"
    if base in NARROW or base.startswith("unsigned"):
        return "narrow"
    return None


TYPE = r"((?:(?:const|unsigned|signed|enum|struct|static|inline)\s+)*[A-Za-z_]\w*(?:\s+long)?(?:\s+long)?)"
DECL_RE = re.compile(r"^\s*" + TYPE + r"\s+([^;(){}=]+?)\s*;", re.M)


FIELDS_IN = {}


def field_types():
    """Field name -> set of (type, stars), over every struct the store can see
    (and FIELDS_IN: (struct, field) -> (type, stars))."""
    fields = {}
    files = glob.glob("src/**/*.h", recursive=True) + glob.glob("src/store/*.c")
    for path in files:
        src = strip_comments(open(path).read())
        for sname, body in re.findall(r"struct\s+(\w*)\s*\{(.*?)\};", src, re.S):
            for m in DECL_RE.finditer(body):
                base = norm(m.group(1))
                for part in m.group(2).split(","):
                    nm = re.match(r"(\**)\s*(?:const\s+)?(\w+)\s*(\[[^\]]*\])?$", part.strip())
                    if nm:
                        t = (base, len(nm.group(1)) + bool(nm.group(3)))
                        fields.setdefault(nm.group(2), set()).add(t)
                        FIELDS_IN[(sname, nm.group(2))] = t
    return fields


def function_types():
    """Function name -> (return type, stars), from definitions and prototypes."""
    funcs = {}
    for path in glob.glob("src/**/*.[ch]", recursive=True):
        src = strip_comments(open(path).read())
        for m in re.finditer(r"^" + TYPE + r"\s*(\**)\s*(\w+)\(", src, re.M):
            funcs.setdefault(m.group(3), set()).add((norm(m.group(1)), len(m.group(2))))
    return funcs


FIELDS = field_types()
CONSTS = {"UINT64_MAX": ("uint64_t", 0), "INT64_MAX": ("int64_t", 0), "INT64_MIN": ("int64_t", 0),
          "true": ("int", 0), "false": ("int", 0)}
FUNCS = function_types()
FUNCS.setdefault("strlen", {("size_t", 0)})


def one(kinds):
    return next(iter(kinds)) if kinds and len(kinds) == 1 else None


KEYWORDS = {"return", "if", "while", "for", "sizeof", "case", "else", "goto", "do", "switch", "struct", "enum"}


def blank_strings(src):
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', lambda m: '"' + " " * (len(m.group(0)) - 2) + '"', src)


def local_type(src, call_pos, name):
    """Type of a local variable or parameter `name` declared before call_pos in its function."""
    start = src.rfind("\n}", 0, call_pos)
    region = blank_strings(src[max(start, 0):call_pos])
    found = None
    decl = re.compile(r"^" + TYPE + r"((?:\s*\*\s*(?:const\s+)?)+|\s+)(\w+)\s*(\[[^\]]*\])?\s*(?:=.*)?$", re.S)
    more = re.compile(r"^((?:\*\s*(?:const\s+)?)*)(\w+)\s*(\[[^\]]*\])?\s*(?:=.*)?$", re.S)
    # Declarations with initialisers (calls inside), then parameter lists.
    for chunk in re.split(r"[;{}]", region) + re.split(r"[;{}()]", region):
        base = None
        for part in split_args(chunk):
            m = decl.match(part)
            if m and norm(m.group(1)).split(" ")[-1] not in KEYWORDS and norm(m.group(1)) not in KEYWORDS:
                base = norm(m.group(1))
                stars, nm, arr = m.group(2), m.group(3), m.group(4)
            else:
                m = more.match(part) if base else None
                if not m:
                    base = None
                    continue
                stars, nm, arr = m.group(1), m.group(2), m.group(3)
            if nm == name and found is None:
                found = (base, stars.count("*") + bool(arr))
    return found


def field_type(src, pos, obj, field):
    """Type of obj->field: by obj's struct when it can be told, else the field's one type."""
    t = arg_type(src, pos, obj)
    if t and t[0].startswith("struct "):
        k = FIELDS_IN.get((t[0][7:], field))
        if k:
            return k
    return one(FIELDS.get(field))


CAST_RE = re.compile(r"^\(\s*" + TYPE + r"\s*(\**)\s*\)\s*(.+)$", re.S)


def top_split(e, ops):
    """Split e at the last top-level occurrence of one of ops (outside brackets and strings)."""
    d, q, last = 0, False, None
    i = 0
    while i < len(e):
        ch = e[i]
        if q:
            if ch == "\\":
                i += 1
            elif ch == '"':
                q = False
        elif ch == '"':
            q = True
        elif ch in "([":
            d += 1
        elif ch in ")]":
            d -= 1
        elif d == 0:
            for op in ops:
                if e.startswith(op, i) and i > 0 and not (op == "-" and e.startswith("->", i)) and \
                        not (op in "*&" and not e[:i].strip()) and not (op == ">" and e[i - 1] == "-"):
                    last = (i, op)
                    break
        i += 1
    return last


def arg_type(src, pos, e):
    """(type, stars) of a C expression, or None if it cannot be told."""
    e = e.strip()
    while e.startswith("(") and e.endswith(")") and balanced(e[1:-1]):
        e = e[1:-1].strip()
    q = top_split(e, ["?"])
    if q:
        colon = top_split(e[q[0] + 1:], [":"])
        if not colon:
            return None
        b = arg_type(src, pos, e[q[0] + 1:q[0] + 1 + colon[0]])
        c = arg_type(src, pos, e[q[0] + 2 + colon[0]:])
        if b == c or kind_of(b) == kind_of(c):
            return b
        kb, kc = kind_of(b), kind_of(c)
        if kb in ("i64", "u64", "narrow") and kc in ("i64", "u64", "narrow"):
            return b if kb != "narrow" else c  # the usual arithmetic conversions
        if e[q[0] + 2 + colon[0]:].strip() == "NULL" or e[q[0] + 1:q[0] + 1 + colon[0]].strip() == "NULL":
            return b if kind_of(b) == "str" else c
        return None
    op = top_split(e, [">>", "<<"])
    if op:
        return arg_type(src, pos, e[:op[0]])
    op = top_split(e, ["+", "-", "*", "/", "%"])
    if op:
        l = arg_type(src, pos, e[:op[0]])
        r = arg_type(src, pos, e[op[0] + 1:])
        kl, kr = kind_of(l), kind_of(r)
        if kl in ("str", "ptr") or kr in ("str", "ptr"):
            return ("char", 1) if kl == "str" else None  # pointer arithmetic
        for k in ("u64", "i64"):
            if k in (kl, kr):
                return l if kl == k else r
        return l if kl and kr else None
    m = CAST_RE.match(e)
    if m and norm(m.group(1)) not in ("void", "return", "sizeof"):
        return (norm(m.group(1)), len(m.group(2)))
    if e.startswith('"'):
        return ("char", 1)
    if e in CONSTS:
        return CONSTS[e]
    if e == "NULL":
        return ("void", 1)
    if re.fullmatch(r"-?\d+", e) or re.fullmatch(r"'.'", e):
        return ("int", 0)  # 32 bits in varargs
    if re.fullmatch(r"-?\d+(LL|ll)", e):
        return ("int64_t", 0)
    if re.fullmatch(r"\d+(ULL|ull)", e):
        return ("uint64_t", 0)
    if e.startswith("!"):
        return ("int", 0)
    if e.startswith("&"):
        return ("void", 1)
    if e.endswith("]"):
        d, i = 0, len(e) - 1
        while i >= 0:
            d += e[i] == "]"
            d -= e[i] == "["
            if d == 0:
                break
            i -= 1
        t = arg_type(src, pos, e[:i]) if i > 0 else None
        return (t[0], t[1] - 1) if t and t[1] else None
    m = re.fullmatch(r"(\w+)\((.*)\)", e, re.S)
    if m and balanced(m.group(2)):
        return one(FUNCS.get(m.group(1)))
    m = re.fullmatch(r"(.+)(?:->|\.)(\w+)", e, re.S)
    if m:
        return field_type(src, pos, m.group(1), m.group(2))
    if re.fullmatch(r"\w+", e):
        return local_type(src, pos, e)
    return None


def balanced(s):
    d = 0
    for ch in s:
        d += ch == "("
        d -= ch == ")"
        if d < 0:
            return False
    return d == 0


def split_args(s):
    out, d, cur, q = [], 0, "", False
    i = 0
    while i < len(s):
        ch = s[i]
        if q:
            cur += ch
            if ch == "\\":
                cur += s[i + 1]
                i += 1
            elif ch == '"':
                q = False
        elif ch == '"':
            q = True
            cur += ch
        elif ch in "([{":
            d += 1
            cur += ch
        elif ch in ")]}":
            d -= 1
            cur += ch
        elif ch == "," and d == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        out.append(cur)
    return [x.strip() for x in out]


def calls(src):
    """(position, text between the parentheses) of each db_query/db_exec/db_scalar call."""
    for m in re.finditer(r"\bdb_(query|exec|scalar)\(", src):
        d, q, i = 1, False, m.end()
        while i < len(src) and d:
            ch = src[i]
            if q:
                if ch == "\\":
                    i += 1
                elif ch == '"':
                    q = False
            elif ch == '"':
                q = True
            elif ch == "(":
                d += 1
            elif ch == ")":
                d -= 1
            i += 1
        yield m.start(), src[m.end():i - 1]


FITS = {"i": {"i64", "u64"}, "u": {"u64", "i64"}, "s": {"str"}}
NAMES = {"i": "int64_t", "u": "uint64_t", "s": "const char *"}

macros = {}
for path in glob.glob("src/store/*.c"):
    src = open(path).read()
    for m in re.finditer(r'#define (\w+)((?:[^\n]*\\\n)*[^\n]*)', src):
        macros[m.group(1)] = m.group(2)
for path in sorted(glob.glob("src/store/*.c")):
    src = strip_comments(open(path).read())
    for start, call in calls(src):
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
            fmt_end = lits[i][0] + len(fmt) + 2
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
            report(path, src, start, f"format '{fmt}' has {len(fmt)} values, SQL wants {need}")
            continue
        # The values after the format, one (or two for S) per letter.
        rest = call[fmt_end:].lstrip()
        if not rest.startswith(","):
            continue
        args = split_args(rest[1:])
        want = sum(2 if c == "S" else 0 if c == "n" else 1 for c in fmt)
        if len(args) != want:
            report(path, src, start, f"format '{fmt}' takes {want} arguments, the call passes {len(args)}")
            continue
        k = 0
        for c in fmt:
            if c == "n":
                continue
            e = args[k]
            k += 2 if c == "S" else 1
            letter = "s" if c == "S" else c
            got = kind_of(arg_type(src, start, e))
            if got is None:
                report(path, src, start, f"cannot tell the type of '{e}' bound as '{c}' (cast it)")
            elif got not in FITS[letter]:
                report(path, src, start,
                       f"'{e}' ({got}) bound as '{c}', which reads a {NAMES[letter]}")

# Every statement kring runs is prepared once per connection and kept in a
# cache of STMT_CACHE entries (store/sqlite.c, store/pg.c): a thread that has
# run them all must still find room, so the SQL texts in the store stay
# under half of it.  (Past 256 the server's threads began to answer 500.)
texts = 0
for path in sorted(glob.glob("src/store/*.c")):
    if path.endswith(("migrate.c", "migrate_pg.c", "_test.c")):
        continue
    code = strip_comments(open(path, encoding="utf-8").read())
    texts += len(re.findall(r'\b(?:db_query|db_exec|db_scalar|db_each_ids)\s*\(', code))
for cache_file in ("src/store/sqlite.c", "src/store/pg.c"):
    m = re.search(r"#define STMT_CACHE (\d+)", open(cache_file, encoding="utf-8").read())
    if not m or texts * 2 > int(m.group(1)):
        print(f"{cache_file}: STMT_CACHE {m.group(1) if m else '?'} is less than twice the {texts} SQL statements")
        bad += 1
sys.exit(1 if bad else 0)
