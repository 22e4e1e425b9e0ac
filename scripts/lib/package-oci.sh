# Sourced by scripts/dist: zego-token-server, the token endpoint (server/), in the release.
#  - One static binary per CPU (musl, fully static, no C runtime needed): bin/zego-token-server in
#    every Linux archive of that CPU (glibc and musl alike) and in the OCI image; the macOS archives
#    carry a macOS build. Windows has none (RELEASE.md).
#  - dist/oci/zego-token-server-<version>.oci.tar: an OCI image layout, FROM scratch, non-root, with
#    an index of linux/amd64 and linux/arm64 (scripts/lib/oci-image.py), when this run builds both
#    CPUs' servers (any x86_64 and any aarch64 Linux target).
# Uses scripts/dist's variables and functions.
# shellcheck shell=bash

# server_musl_twin TRIPLE: the musl triple whose static server a Linux TRIPLE ships.
server_musl_twin() { echo "${1/-linux-gnu/-linux-musl}"; }

# ZEGO_TOKEN_DIST_SERVER=0 leaves the server out of this run (archives without it, no image): the
# test command's two-folder reproducibility check uses it to stay within its time (each folder would
# build the server again); --check of every target checks the server's reproducibility too.
dist_server=${ZEGO_TOKEN_DIST_SERVER:-1}

# server_binary TRIPLE: the path of the server binary that TRIPLE's archive carries ("" for none).
server_binary() {
  [[ $dist_server == 1 ]] || { echo ""; return 0; }
  case "$1" in
    *-linux-*) echo "$work/server-$(server_musl_twin "$1")/zego-token-server" ;;
    *-apple-darwin) echo "$work/$1/out/zego-token-server" ;;
    *) echo "" ;;
  esac
}

# build_static_server TRIPLE: the static musl server for a Linux TRIPLE's CPU, built once per run
# (cargo rebuilds it when the sources changed since an earlier run).
servers_built=" "
build_static_server() {
  [[ $dist_server == 1 ]] || return 0
  local musl out dir
  musl=$(server_musl_twin "$1")
  out=$(server_binary "$1")
  [[ $servers_built == *" $musl "* ]] && return 0
  servers_built+="$musl "
  dir=$(dirname "$out")
  step "build zego-token-server for $musl (static; shipped by every Linux archive of its CPU and the OCI image)"
  mkdir -p "$dir"
  zigbuild "$dir/cargo" "$musl" -p zego-token-server
  cp "$dir/cargo/$musl/release/zego-token-server" "$out"
}

package_oci() { # TARGETS...
  local t amd64="" arm64=""
  for t in "$@"; do
    case "$t" in
      x86_64-unknown-linux-*) amd64=$(server_binary "$t") ;;
      aarch64-unknown-linux-*) arm64=$(server_binary "$t") ;;
    esac
  done
  rm -rf "$dist/oci"
  if [[ -z $amd64 || -z $arm64 ]]; then
    echo "dist/oci: skipped (the image needs an x86_64 and an aarch64 Linux target in this run)"
    return 0
  fi
  step "oci: zego-token-server $version, linux/amd64 + linux/arm64"
  mkdir -p "$dist/oci"
  python3 "$root/scripts/lib/oci-image.py" "$dist/oci/zego-token-server-$version.oci.tar" "$version" \
    "https://github.com/zego-token/zego-token" "$root" amd64="$amd64" arm64="$arm64"
  echo "dist/oci/zego-token-server-$version.oci.tar: $(du -h "$dist/oci/zego-token-server-$version.oci.tar" | cut -f1)"
}

# The image as its users' tools see it: skopeo reads the index and both architectures' configs;
# umoci unpacks each; the amd64 root filesystem's server starts (as the image's user would run it,
# on 127.0.0.1 in mode none) and answers /healthz, and the arm64 one prints its version under qemu.
check_oci() {
  local image="$dist/oci/zego-token-server-$version.oci.tar"
  [[ -f $image ]] || { echo "check oci: no image in this run"; return 0; }
  step "check oci: skopeo and umoci read the image; its server runs"
  need_deb skopeo umoci qemu-user
  local dir="$work/oci-check" arch raw config
  rm -rf "$dir" && mkdir -p "$dir/layout"
  tar -C "$dir/layout" -xf "$image"
  raw=$(skopeo inspect --raw "oci-archive:$image:$version")
  python3 -c 'import json, sys
index = json.loads(sys.argv[1])
platforms = sorted(m["platform"]["os"] + "/" + m["platform"]["architecture"] for m in index["manifests"])
assert platforms == ["linux/amd64", "linux/arm64"], platforms' "$raw" || die "the image index is not linux/amd64 + linux/arm64"
  for arch in amd64 arm64; do
    config=$(skopeo inspect --config "oci-archive:$image:$version-linux-$arch")
    python3 -c 'import json, sys
c = json.loads(sys.argv[1]); arch = sys.argv[2]
assert c["architecture"] == arch and c["os"] == "linux", c
assert c["config"]["User"] == "65532:65532", c["config"]
assert c["config"]["Entrypoint"] == ["/usr/local/bin/zego-token-server"], c["config"]' "$config" "$arch" ||
      die "the $arch image's config is not the expected one"
    umoci unpack --rootless --image "$dir/layout:$version-linux-$arch" "$dir/$arch" >/dev/null ||
      die "umoci cannot unpack the $arch image"
    [[ -x "$dir/$arch/rootfs/usr/local/bin/zego-token-server" ]] || die "$arch: no server in the image"
    file "$dir/$arch/rootfs/usr/local/bin/zego-token-server" | has 'statically linked' || die "$arch: the server is not static"
  done
  qemu-aarch64 "$dir/arm64/rootfs/usr/local/bin/zego-token-server" --version | has "zego-token-server $version" ||
    die "the arm64 server does not run under qemu"
  printf '0123456789abcdef0123456789abcdef\n' >"$dir/secret"
  printf 'listen = "127.0.0.1:0"\napp_id = 1\nsecret_files = ["%s"]\n[auth]\nmode = "none"\n' "$dir/secret" >"$dir/config.toml"
  local server="$dir/amd64/rootfs/usr/local/bin/zego-token-server" pid address=""
  ZEGO_TOKEN_SERVER_LISTEN=127.0.0.1:0 "$server" --config "$dir/config.toml" 2>"$dir/server.log" &
  pid=$!
  for _ in $(seq 100); do
    address=$(grep -o '"address":"[^"]*"' "$dir/server.log" | head -1 | cut -d'"' -f4 || true)
    [[ -n $address ]] && break
    sleep 0.1
  done
  [[ -n $address ]] || { kill "$pid"; cat "$dir/server.log"; die "the image's server did not start"; }
  curl -sf "http://$address/healthz" | has '"ok"' || { kill "$pid"; die "the image's server does not answer /healthz"; }
  kill -TERM "$pid" && wait "$pid" || die "the image's server did not stop cleanly on SIGTERM"
  echo "oci: skopeo and umoci read linux/amd64 and linux/arm64; the amd64 server answered on $address"
}
