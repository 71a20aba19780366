#!/bin/sh
# install-deps.sh: install the Debian packages Hoplock needs, if any are missing
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/install-deps.sh [GROUP...]
#
# GROUP names a list tools/deps-GROUP.txt (build, tables, test); without one,
# "build" is used. Packages already installed are left alone: on a machine
# that has everything, apt is not run at all. Otherwise the missing packages
# are installed with apt-get, as root or through sudo, without the packages
# they only recommend (those would bring services such as systemd or avahi
# that Hoplock does not need).
#
# Environment: HL_SKIP_DEPS=1 skips this step entirely (for systems that are
# not Debian, where the packages are installed some other way).

set -eu

here=$(cd "$(dirname "$0")" && pwd)

if [ "${HL_SKIP_DEPS:-0}" = 1 ]; then
  echo "install-deps: HL_SKIP_DEPS=1, not checking packages"
  exit 0
fi

if [ $# -eq 0 ]; then
  set -- build
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: this is not a Debian system; install the packages listed in" >&2
  for group in "$@"; do
    echo "  $here/deps-$group.txt" >&2
  done
  echo "by other means, then run again with HL_SKIP_DEPS=1." >&2
  exit 1
fi

# Every package of the requested lists, comments and blank lines left out.
wanted=""
for group in "$@"; do
  list="$here/deps-$group.txt"
  if [ ! -r "$list" ]; then
    echo "install-deps: no package list $list" >&2
    exit 1
  fi
  wanted="$wanted $(sed -e 's/#.*//' "$list" )"
done

missing=""
for pkg in $wanted; do
  case " $missing " in *" $pkg "*) continue ;; esac
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [ "$status" != "install ok installed" ]; then
    missing="$missing $pkg"
  fi
done

if [ -z "$missing" ]; then
  echo "install-deps: all packages for '$*' are installed"
  exit 0
fi

echo "install-deps: installing:$missing"

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "install-deps: missing packages and neither root nor sudo; as root, run:" >&2
  echo "  apt-get install$missing" >&2
  exit 1
fi

# sudo does not pass the environment on; env inside it sets it for apt-get.
apt_env="env DEBIAN_FRONTEND=noninteractive"
apt_opts="-y -q -o DPkg::Lock::Timeout=600"
install_opts="--no-install-recommends"

# shellcheck disable=SC2086  # word splitting of the lists is intended
$as_root $apt_env apt-get $apt_opts update
# shellcheck disable=SC2086
$as_root $apt_env apt-get $apt_opts install $install_opts$missing
