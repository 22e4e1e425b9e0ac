# Sourced by scripts/dist: what is inside each artifact, as CycloneDX 1.5 SBOMs in dist/sbom written
# by cargo-cyclonedx from Cargo.lock, one per Rust build that goes into a release artifact and per
# target (the dependency tree differs by platform):
#   zego-token-ffi-<v>-<triple>.cdx.json              libzego_token: in the native archive of that
#                                                     triple and in every language package's copy
#   zego-token-cli-<v>-<triple>.cdx.json              the zego-token tool of the native archive
#   zego-token-python-speedups-<v>-<triple>.cdx.json  the Python wheel's accelerator
#   zego-token-wasm-<v>.cdx.json                      the WebAssembly of zego-token-wasm
# Dated from the last commit (SOURCE_DATE_EPOCH), with no serial number and the checkout's path
# written as /zego-token, so that they are reproducible like the rest. The same dependency lists
# are also inside the Linux and Windows binaries themselves (cargo-auditable's .dep-v0 section; not
# macOS, see scripts/dist's zigbuild). Uses scripts/dist's
# variables and functions.
# shellcheck shell=bash

# sbom MANIFEST PACKAGE TARGET OUTPUT: cargo cyclonedx for one package of MANIFEST's workspace.
sbom() {
  local manifest=$1 package=$2 target=$3 output=$4 dir
  dir=$(cd "$(dirname "$manifest")" && pwd)
  cargo cyclonedx -q --manifest-path "$manifest" -f json --spec-version 1.5 --no-build-deps \
    --target "$target" >>"$work/sbom.log" 2>&1 || { tail -n 20 "$work/sbom.log"; die "sbom: cargo cyclonedx failed for $package"; }
  local written
  written=$(cdx_files "$dir" | grep "/$package.cdx.json$" | head -1)
  [[ -n $written ]] || die "sbom: cargo cyclonedx wrote no $package.cdx.json"
  sed "s|file://$root|file:///zego-token|g" "$written" >"$output"
  # It writes one file beside every member's Cargo.toml: leave the checkout as it was.
  cdx_files "$dir" | xargs -r rm -f
}

# cdx_files DIR: the .cdx.json files cargo cyclonedx wrote under DIR (beside its Cargo.toml files).
cdx_files() {
  find "$1" \( -path "$dist" -o -name target -o -name node_modules -o -name .git \) -prune -o -name '*.cdx.json' -print
}

package_sbom() { # TARGETS...
  local t out="$dist/sbom"
  step "sbom: CycloneDX for every Rust build in the artifacts (cargo-cyclonedx)"
  rm -rf "$out" && mkdir -p "$out"
  : >"$work/sbom.log"
  for t in "$@"; do
    sbom Cargo.toml zego-token-ffi "$t" "$out/zego-token-ffi-$version-$t.cdx.json"
    sbom Cargo.toml zego-token-cli "$t" "$out/zego-token-cli-$version-$t.cdx.json"
    sbom bindings/python/speedups/Cargo.toml zego-token-python-speedups "$t" \
      "$out/zego-token-python-speedups-$version-$t.cdx.json"
  done
  sbom bindings/wasm/Cargo.toml zego-token-wasm wasm32-unknown-unknown "$out/zego-token-wasm-$version.cdx.json"
  echo "dist/sbom: $(find "$out" -type f | wc -l) CycloneDX files"
}

# Each SBOM is CycloneDX JSON describing its crate, with the exact versions of Cargo.lock, and each
# release binary carries its dependency list (cargo-auditable): read back from the shared library
# and the CLI of every archive of this machine's format, it names the same aes-gcm as the lock file.
check_sbom() { # TARGETS...
  local t file aes_gcm
  step "check sbom: CycloneDX files and the dependency lists inside the binaries"
  aes_gcm=$(awk '/^name = "aes-gcm"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  for file in "$dist"/sbom/*.cdx.json; do
    python3 - "$file" "$aes_gcm" <<'PY' || die "sbom: $(basename "$file") is not the SBOM it should be"
import json, sys
bom = json.load(open(sys.argv[1]))
assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.5", "not CycloneDX 1.5"
assert bom["metadata"]["component"]["name"] in sys.argv[1], "describes another crate"
names = {c["name"]: c["version"] for c in bom.get("components", [])}
if "speedups" not in sys.argv[1]:
    assert names.get("aes-gcm") == sys.argv[2], f"aes-gcm {names.get('aes-gcm')}, Cargo.lock {sys.argv[2]}"
else:
    assert "pyo3" in names, "no pyo3"
PY
  done
  for t in "$@"; do
    [[ $t == *-linux-* || $t == *-windows-* ]] || continue # Mach-O: the section is checked by name below
    local lib="$work/stage/zego-token-$version-$t/lib" binary
    for binary in "$lib"/libzego_token.so.1 "$lib"/zego_token.dll "$work/stage/zego-token-$version-$t"/bin/zego-token*; do
      [[ -f $binary ]] || continue
      python3 - "$binary" "$aes_gcm" <<'PY' || die "sbom: $t: ${binary##*/} has no dependency list (.dep-v0) naming Cargo.lock's crates"
import json, struct, subprocess, sys, zlib, tempfile
path, aes_gcm = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if data[:2] == b"MZ":  # PE: the section table after the COFF header (llvm-objcopy cannot dump from images)
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    count, optional = struct.unpack_from("<H", data, pe + 6)[0], struct.unpack_from("<H", data, pe + 20)[0]
    table = pe + 24 + optional
    section = None
    for i in range(count):
        entry = table + 40 * i
        if data[entry:entry + 8].rstrip(b"\0") == b".dep-v0":
            size, raw = struct.unpack_from("<I", data, entry + 8)[0], struct.unpack_from("<I", data, entry + 20)[0]
            section = data[raw:raw + size]
    assert section is not None, "no .dep-v0 section"
else:
    with tempfile.NamedTemporaryFile() as out:
        subprocess.run(["llvm-objcopy", "--dump-section", ".dep-v0=" + out.name, path], check=True, capture_output=True)
        section = open(out.name, "rb").read()
packages = {p["name"]: p["version"] for p in json.loads(zlib.decompressobj().decompress(section))["packages"]}
assert packages.get("aes-gcm") == aes_gcm, packages
PY
    done
  done
  echo "sbom: $(find "$dist/sbom" -type f | wc -l) CycloneDX files; the dependency list is inside each Linux and Windows binary"
}
