#!/usr/bin/python3
"""Write po/en.po from po/kring.pot and a file of English lines, one per msgid in order.
Used once to seed the catalogue; translators then edit po/en.po directly."""
import re, sys
pot = open(sys.argv[1]).read()
en = [l.rstrip("\n") for l in open(sys.argv[2])]
ids = []
for m in re.finditer(r'\nmsgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr', pot):
    s = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
    if s:
        ids.append(s)
assert len(ids) == len(en), (len(ids), len(en))
def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
out = ['# English translation of kring.', 'msgid ""', 'msgstr ""',
       '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: en\\n"', '']
for i, e in zip(ids, en):
    i = i.encode().decode('unicode_escape').encode('latin-1').decode('utf-8')
    out += ['msgid ' + q(i), 'msgstr ' + q(e), '']
open(sys.argv[3], 'w').write('\n'.join(out))
