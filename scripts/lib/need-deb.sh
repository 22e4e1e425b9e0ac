# Sourced by tests/run-all and scripts/dist: installs the Debian packages a fresh machine lacks.
#
#   need_deb PACKAGE...   installs those of the packages that are not installed yet
# shellcheck shell=bash

_need_deb_updated=0
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to install: $*" >&2; return 1
  fi
}
# (grep without -q: under pipefail, grep -q closing the pipe early can fail the command feeding it.)
need_deb() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "ok installed" >/dev/null || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "installing Debian packages: ${missing[*]}"
  if [[ $_need_deb_updated -eq 0 ]]; then as_root apt-get update -qq >/dev/null || return 1; _need_deb_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# unpack_debs ARCH ROOT PACKAGE...: unpacks (does not install) Debian packages of another
# architecture into ROOT, to run them under qemu-user; adds ARCH to dpkg's foreign architectures
# (and reads its package lists) the first time.
unpack_debs() {
  local arch=$1 into=$2 debs
  shift 2
  if ! dpkg --print-foreign-architectures | grep -x "$arch" >/dev/null; then
    as_root dpkg --add-architecture "$arch" && as_root apt-get update -qq >/dev/null || return 1
    _need_deb_updated=1
  fi
  debs=$(mktemp -d)
  (cd "$debs" && apt-get download -qq "${@/%/:$arch}" 2>/dev/null) || { rm -rf "$debs"; return 1; }
  rm -rf "$into"
  mkdir -p "$into"
  local deb
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$into"; done
  rm -rf "$debs"
}
