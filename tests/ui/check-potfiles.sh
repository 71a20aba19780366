#!/bin/bash
# check-potfiles.sh: every file with translatable strings is in po/POTFILES
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/ui/check-potfiles.sh SOURCE_DIR
#
# Looks at the files git knows of (so that work in progress does not count)
# in app/, parser/, ui/ and data/: C files that call _(), N_(), C_(), NC_() or
# ngettext(), .ui files with translatable="yes", and the desktop, metainfo and
# schema templates. Also fails when POTFILES names a file that is not there.
# Prints TAP; exits 77 outside a git checkout.

set -u

cd "$1" || exit 1
if ! git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  echo "1..0 # SKIP not a git checkout"
  exit 77
fi

listed=$(grep -v '^#' po/POTFILES | sed '/^[[:space:]]*$/d' | sort -u)
# Every file of parser/dialects/ is handed to xgettext by po/meson.build itself.
listed=$(printf '%s\n' "$listed" $(git ls-files -- 'parser/dialects/*.c') | sort -u)
mapfile -t candidates < <(git ls-files -- 'app/*.c' 'app/*.h' 'parser/*.c' 'parser/*.h' \
                            'ui/*.c' 'ui/*.ui' 'ui/gtk/*.ui' 'data/*.in.in' 'data/*.gschema.xml')

needed=()
for f in "${candidates[@]}"; do
  case $f in
    *.c|*.h)
      grep -qE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(' "$f" || continue ;;
    *.ui)
      grep -q 'translatable="yes"' "$f" || continue ;;
  esac
  needed+=("$f")
done

failed=0
echo "1..2"

missing=$(comm -23 <(printf '%s\n' "${needed[@]}" | sort -u) <(printf '%s\n' "$listed"))
if [ -z "$missing" ]; then
  echo "ok 1 - po/POTFILES lists all ${#needed[@]} files with translatable strings"
else
  echo "not ok 1 - files with translatable strings missing from po/POTFILES:"
  printf '#   %s\n' $missing
  failed=1
fi

gone=()
while read -r f; do
  [ -n "$f" ] && [ ! -f "$f" ] && gone+=("$f")
done <<< "$listed"
if [ ${#gone[@]} -eq 0 ]; then
  echo "ok 2 - every file po/POTFILES names exists"
else
  echo "not ok 2 - po/POTFILES names files that do not exist:"
  printf '#   %s\n' "${gone[@]}"
  failed=1
fi
exit $failed
