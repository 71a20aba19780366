#!/bin/bash
# check-install.sh: what `meson install` puts on a system works for a program of
# its own, and the parsing library needs no Cairo or Pango
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-install.sh BUILD_DIR
#
# Installs BUILD_DIR into a temporary folder, builds a small program against the
# installed headers with pkg-config (hoplock-1, and hoplock-pdf-1 for PDF),
# runs it, and reads the libraries' NEEDED entries. TAP output.

set -u
build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

echo "1..5"
if ! meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest/install.log" 2>&1; then
  not_ok "meson install"
  sed 's/^/# /' "$dest/install.log"
  exit 1
fi
ok "meson install"

pc=$(dirname "$(find "$dest" -name hoplock-1.pc | head -n 1)")
libdir=$(dirname "$(find "$dest" -name 'libhoplock-1.so' | head -n 1)")
# The .pc files name the prefix they were built for; point copies at the folder
mkdir -p "$dest/pc"
for f in "$pc"/*.pc; do
  sed "s|^prefix=|prefix=$dest|" "$f" > "$dest/pc/$(basename "$f")"
done
export PKG_CONFIG_PATH=$dest/pc

cat > "$dest/program.c" <<'C'
#include <hoplock.h>
#include <hoplock-pdf.h>
#include <stdio.h>
#include <string.h>

int
main (void)
{
  const char *value = "from a.example (a.example [192.0.2.1]) by b.example (Postfix) with ESMTPS"
                      " id 4X; Mon, 1 Jan 2024 00:00:00 +0000";
  g_autoptr(HlReceived) hop = hl_received_parse (value, strlen (value));

  hl_report_pdf_register ();
  printf ("%s %s %d\n", hl_tls_state_to_string (hl_received_get_tls_state (hop)),
          hl_received_get_by_host (hop), hl_report_format_is_available (HL_REPORT_FORMAT_PDF));
  return 0;
}
C
if cc -o "$dest/program" "$dest/program.c" $(pkg-config --cflags --libs hoplock-1 hoplock-pdf-1) \
      >"$dest/cc.log" 2>&1; then
  ok "a program builds against the installed headers with pkg-config"
else
  not_ok "a program builds against the installed headers with pkg-config"
  sed 's/^/# /' "$dest/cc.log"
fi

# A sanitizer build's library needs its runtime loaded first
preload=
if objdump -p "$libdir/libhoplock-1.so" | grep -q 'NEEDED.*libasan'; then
  preload=$(${CC:-cc} -print-file-name=libasan.so)
fi
out=$(LD_PRELOAD=$preload ASAN_OPTIONS=detect_leaks=0 LD_LIBRARY_PATH=$libdir "$dest/program" 2>&1)
if [ "$out" = "encrypted b.example 1" ]; then
  ok "it runs on the installed libraries: $out"
else
  not_ok "it runs on the installed libraries (got: $out)"
fi

needed=$(objdump -p "$libdir/libhoplock-1.so" | awk '/NEEDED/ {print $2}' | tr '\n' ' ')
echo "# libhoplock-1 needs: $needed"
case " $needed " in
  *cairo*|*pango*|*gtk*|*secret*) not_ok "libhoplock-1 needs no Cairo, Pango, GTK or libsecret" ;;
  *) ok "libhoplock-1 needs no Cairo, Pango, GTK or libsecret" ;;
esac

soname=$(objdump -p "$libdir/libhoplock-1.so" | awk '/SONAME/ {print $2}')
if [ "$soname" = "libhoplock-1.so.0" ]; then
  ok "libhoplock-1's soname is $soname"
else
  not_ok "libhoplock-1's soname is libhoplock-1.so.0 (got: $soname)"
fi
exit $failed
