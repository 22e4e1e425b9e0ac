# Sourced by scripts/dist: what is inside each artifact, as CycloneDX 1.5 SBOMs in dist/sbom, one per
# artifact family as RELEASE.md names them: native, python, npm, maven, nuget, php, go, oci
# (<family>.cdx.json). cargo-cyclonedx writes one from Cargo.lock for each Rust build and target (the
# dependency tree differs by platform): the library (libzego_token, in every family), the CLI (native),
# the Python accelerator (python) and the WebAssembly module (npm: zego-token-wasm); merge-sbom.py
# joins a family's builds into its file. Dated from the last commit (SOURCE_DATE_EPOCH), with no serial
# number and the checkout's path written as /zego-token, so that they are reproducible like the rest.
# The same dependency lists are also inside the Linux and Windows binaries themselves
# (cargo-auditable's .dep-v0 section; not macOS, see scripts/dist's zigbuild). Uses scripts/dist's
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
  local t builds="$work/sbom" out="$dist/sbom" family
  step "sbom: CycloneDX for every artifact family (cargo-cyclonedx, per Rust build and target)"
  rm -rf "$builds" "$out" && mkdir -p "$builds" "$out"
  : >"$work/sbom.log"
  for t in "$@"; do
    sbom Cargo.toml zego-token-ffi "$t" "$builds/ffi-$t.cdx.json"
    sbom Cargo.toml zego-token-cli "$t" "$builds/cli-$t.cdx.json"
    sbom bindings/python/speedups/Cargo.toml zego-token-python-speedups "$t" "$builds/speedups-$t.cdx.json"
    # The server each archive carries: the static musl build of a Linux target's CPU, or its own.
    [[ $dist_server == 1 ]] || continue
    local server_target=$t
    case "$t" in
      *-linux-*) server_target=$(server_musl_twin "$t") ;;
      *-windows-*) continue ;;
    esac
    [[ -f "$builds/server-$server_target.cdx.json" ]] ||
      sbom Cargo.toml zego-token-server "$server_target" "$builds/server-$server_target.cdx.json"
  done
  sbom bindings/wasm/Cargo.toml zego-token-wasm wasm32-unknown-unknown "$builds/wasm.cdx.json"
  local merge=(python3 "$root/scripts/lib/merge-sbom.py")
  # The server's builds, where this run made any (none for Windows alone, or with ZEGO_TOKEN_DIST_SERVER=0).
  local servers=() file
  for file in "$builds"/server-*.cdx.json; do [[ -f $file ]] && servers+=("$file"); done
  "${merge[@]}" native "$version" "$out/native.cdx.json" "$builds"/ffi-*.cdx.json "$builds"/cli-*.cdx.json "${servers[@]}"
  "${merge[@]}" python "$version" "$out/python.cdx.json" "$builds"/ffi-*.cdx.json "$builds"/speedups-*.cdx.json
  "${merge[@]}" npm "$version" "$out/npm.cdx.json" "$builds"/ffi-*.cdx.json "$builds/wasm.cdx.json"
  if [[ -d "$dist/oci" ]]; then
    "${merge[@]}" oci "$version" "$out/oci.cdx.json" "$builds"/server-*-linux-musl.cdx.json
  fi
  for family in maven nuget php go; do
    "${merge[@]}" "$family" "$version" "$out/$family.cdx.json" "$builds"/ffi-*.cdx.json
  done
  echo "dist/sbom: $(cd "$out" && ls | paste -sd' ')"
}

# Each SBOM is CycloneDX JSON describing its crate, with the exact versions of Cargo.lock, and each
# release binary carries its dependency list (cargo-auditable): read back from the shared library
# and the CLI of every archive of this machine's format, it names the same aes-gcm as the lock file.
check_sbom() { # TARGETS...
  local t file aes_gcm
  step "check sbom: CycloneDX files and the dependency lists inside the binaries"
  aes_gcm=$(awk '/^name = "aes-gcm"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  local family
  local families=(native python npm maven nuget php go)
  [[ ! -f "$dist/sbom/oci.cdx.json" ]] || families+=(oci)
  for family in "${families[@]}"; do
    python3 - "$dist/sbom/$family.cdx.json" "$family" "$aes_gcm" <<'PY' || die "sbom: $family.cdx.json is not the SBOM it should be"
import json, sys
bom = json.load(open(sys.argv[1]))
family, aes_gcm = sys.argv[2], sys.argv[3]
assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.5", "not CycloneDX 1.5"
assert bom["metadata"]["component"]["name"] == "zego-token-" + family, "describes another family"
builds = {c["name"] for c in bom["metadata"]["component"]["components"]}
assert ("zego-token-server" if family == "oci" else "zego-token-ffi") in builds, "the main build is missing"
names = {c["name"]: c["version"] for c in bom.get("components", [])}
assert names.get("aes-gcm") == aes_gcm, f"aes-gcm {names.get('aes-gcm')}, Cargo.lock {aes_gcm}"
expected = {"native": "zego-token-cli", "python": "zego-token-python-speedups", "npm": "zego-token-wasm"}.get(family)
assert family != "native" or "zego-token-server" in builds or not any(b.startswith("zego-token-server") for b in builds)
assert expected is None or expected in builds, f"{expected} is missing"
assert family != "python" or "pyo3" in names, "no pyo3"
PY
  done
  for t in "$@"; do
    [[ $t == *-linux-* || $t == *-windows-* ]] || continue # Mach-O: the section is checked by name below
    local lib="$work/stage/zego-token-$version-$t/lib" binary
    for binary in "$lib"/libzego_token.so.1 "$lib"/zego_token.dll "$work/stage/zego-token-$version-$t"/bin/zego-token*; do
      [[ -f $binary ]] || continue
      python3 - "$binary" "$aes_gcm" <<'PY' || die "sbom: $t: ${binary##*/} has no dependency list (.dep-v0) of its own crate naming Cargo.lock's crates"
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
listed = json.loads(zlib.decompressobj().decompress(section))["packages"]
packages = {p["name"]: p["version"] for p in listed}
assert packages.get("aes-gcm") == aes_gcm, packages
# Each binary's list is its own crate's (the library and the CLI share a crate name, zego_token).
name = path.rsplit("/", 1)[-1]
base = name.split(".")[0]
expected = {"libzego_token": "zego-token-ffi", "zego_token": "zego-token-ffi", "zego-token": "zego-token-cli"}.get(base, base)
roots = [p["name"] for p in listed if p.get("root")]
assert roots == [expected], f"{name} carries the dependency list of {roots}, not {expected}"
PY
    done
  done
  echo "sbom: one CycloneDX file per artifact family; the dependency list is inside each Linux and Windows binary"
}
