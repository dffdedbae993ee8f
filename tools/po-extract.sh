#!/bin/sh
# Collect every translatable string into po/kring.pot, then bring po/en.po up
# to date with it.  Sources: {{_ "..."}} in templates/*.html, _("...") and
# N_("...") in src/**/*.c.  Run from anywhere; not part of the build.
#
#   tools/po-extract.sh
#
# Needs GNU gettext (xgettext, msguniq, msgcat, msgmerge).
set -eu

cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir -p po

header='msgid ""
msgstr ""
"Project-Id-Version: kring\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
'

# C sources.  --force-po writes a catalogue even when nothing is found, so
# the merge below always has its input.
find src -name '*.c' ! -name '*_test.c' | LC_ALL=C sort >"$tmp/cfiles"
xgettext --language=C --keyword=_ --keyword=N_ --keyword=_r:2 --from-code=UTF-8 \
	--add-comments=TRANSLATORS: --package-name=kring --force-po \
	--files-from="$tmp/cfiles" --output="$tmp/c.pot"

# Templates.  The tag's string is already written with C escapes (\" \\),
# exactly as a .po file wants it, so it is copied unchanged.  Strings with %s
# are marked c-format so msgfmt --check catches a translation that drops one.
printf '%s\n' "$header" >"$tmp/tmpl.raw"
for f in templates/*.html; do
	[ -e "$f" ] || continue
	grep -n -o '{{[[:space:]]*_[[:space:]]*"\([^"\\]\|\\.\)*"' "$f" |
	sed -n 's/^\([0-9]*\):{{[[:space:]]*_[[:space:]]*\(".*"\)$/\1 \2/p' |
	while read -r line msgid; do
		printf '#: %s:%s\n' "$f" "$line"
		case $msgid in
		*%s*) printf '#, c-format\n' ;;
		esac
		printf 'msgid %s\nmsgstr ""\n\n' "$msgid"
	done
done >>"$tmp/tmpl.raw"
# A template may use the same text twice; msguniq folds those into one entry.
msguniq --output-file="$tmp/tmpl.pot" "$tmp/tmpl.raw"

msgcat --sort-by-file --output-file=po/kring.pot \
	"$tmp/c.pot" "$tmp/tmpl.pot"
echo "po/kring.pot: $(grep -c '^msgid ' po/kring.pot) entries (header included)"

if [ -f po/en.po ]; then
	msgmerge --quiet --update --backup=none po/en.po po/kring.pot
	echo "po/en.po updated"
fi
