# Sourced by scripts/dist: the Objective-C package in dist/objc, for CocoaPods and SwiftPM on macOS:
# zego-token-objc-<version>.zip holds the binding's sources, its podspec and Package.swift, and
# ZegoTokenNative.xcframework, a universal (arm64 + x86_64) static libzego_token.a made from the two
# macOS release archives. Made only when both macOS targets are built. Uses scripts/dist's variables
# and functions.
# shellcheck shell=bash

objc_zip() { echo "$dist/objc/zego-token-objc-$version.zip"; }
# The two macOS static libraries, as fat-archive.py's ARCH=PATH arguments.
objc_slices() {
  echo "arm64=$work/stage/zego-token-$version-aarch64-apple-darwin/lib/libzego_token.a" \
    "x86_64=$work/stage/zego-token-$version-x86_64-apple-darwin/lib/libzego_token.a"
}

package_objc() { # TARGETS...
  local t have=0
  for t in "$@"; do [[ $t == *-apple-darwin ]] && have=$((have + 1)); done
  rm -rf "$dist/objc" "$work/objc"
  if [[ $have -lt 2 ]]; then
    objc_skipped=1
    return 0
  fi
  objc_skipped=0
  step "objc: the CocoaPods / SwiftPM package with a macOS xcframework"
  local out="$work/objc/zego-token-objc-$version" xcf
  xcf="$out/ZegoTokenNative.xcframework"
  mkdir -p "$xcf/macos-arm64_x86_64/Headers" "$dist/objc"
  cp -r bindings/objc/Sources "$out/"
  cp bindings/objc/{Package.swift,ZegoToken.podspec,README.md} LICENSE-MIT LICENSE-APACHE "$out/"
  # shellcheck disable=SC2046 # one ARCH=PATH argument per word
  python3 scripts/lib/fat-archive.py create "$xcf/macos-arm64_x86_64/libzego_token.a" $(objc_slices)
  cp include/zego_token.h "$xcf/macos-arm64_x86_64/Headers/"
  python3 - "$xcf/Info.plist" <<'PY'
import plistlib, sys
plistlib.dump({
    "AvailableLibraries": [{
        "HeadersPath": "Headers",
        "LibraryIdentifier": "macos-arm64_x86_64",
        "LibraryPath": "libzego_token.a",
        "SupportedArchitectures": ["arm64", "x86_64"],
        "SupportedPlatform": "macos",
    }],
    "CFBundlePackageType": "XFWK",
    "XCFrameworkFormatVersion": "1.0",
}, open(sys.argv[1], "wb"))
PY
  zip_tree "$out" "$(objc_zip)" "zego-token-objc-$version"
  cp bindings/objc/ZegoToken.podspec "$dist/objc/" # for `pod ... :podspec => <its URL on the release>`
  echo "dist/objc/$(basename "$(objc_zip)"): $(unzip -Z1 "$(objc_zip)" | wc -l) files"
}

# What can be checked without a Mac: the package's files, the xcframework's plist and its universal
# library (exactly the two macOS release libraries, with the header's functions), the manifests'
# names, paths and version
# (the podspec with ruby -c), and the packaged sources built and tested with GNUstep against this
# machine's library.
check_objc() {
  [[ ${objc_skipped:-1} == 1 ]] && { echo "objc: skipped (needs both macOS targets)"; return 0; }
  local out="$work/check/objc" pkg
  step "objc: the package's files, xcframework and manifests; its sources under GNUstep"
  need_deb ruby gobjc gobjc++ gnustep-make libgnustep-base-dev || die "objc: cannot install ruby, gobjc, gobjc++ and GNUstep"
  rm -rf "$out" && mkdir -p "$out"
  unzip -q "$(objc_zip)" -d "$out"
  pkg="$out/zego-token-objc-$version"
  local f
  for f in Package.swift ZegoToken.podspec LICENSE-MIT LICENSE-APACHE Sources/ZegoToken/include/ZegoToken.h \
    Sources/ZegoToken/include/module.modulemap ZegoTokenNative.xcframework/Info.plist \
    ZegoTokenNative.xcframework/macos-arm64_x86_64/libzego_token.a ZegoTokenNative.xcframework/macos-arm64_x86_64/Headers/zego_token.h; do
    [[ -f $pkg/$f ]] || die "objc: the package lacks $f"
  done
  python3 - "$pkg/ZegoTokenNative.xcframework" <<'PY' || die "objc: the xcframework's Info.plist does not describe its files"
import os, plistlib, sys
root = sys.argv[1]
plist = plistlib.load(open(os.path.join(root, "Info.plist"), "rb"))
assert plist["CFBundlePackageType"] == "XFWK", plist
for lib in plist["AvailableLibraries"]:
    base = os.path.join(root, lib["LibraryIdentifier"])
    assert os.path.isfile(os.path.join(base, lib["LibraryPath"])), lib
    assert os.path.isdir(os.path.join(base, lib["HeadersPath"])), lib
    assert lib["SupportedPlatform"] == "macos" and sorted(lib["SupportedArchitectures"]) == ["arm64", "x86_64"], lib
PY
  local lib="$pkg/ZegoTokenNative.xcframework/macos-arm64_x86_64/libzego_token.a" slice archs
  file "$lib" | has "Mach-O universal binary with 2 architectures" || die "objc: $(file "$lib")"
  # shellcheck disable=SC2046 # one ARCH=PATH argument per word
  archs=$(python3 scripts/lib/fat-archive.py verify "$lib" $(objc_slices)) || die "objc: the xcframework's library is not the two macOS libraries"
  for slice in $(objc_slices); do
    # llvm-nm lists the machine-code members and fails on the bitcode ones its LLVM is too old for.
    { llvm-nm --defined-only "${slice#*=}" 2>/dev/null || true; } | awk '$2 == "T" {print $3}' | sed 's/^_//' |
      { grep '^zego_' || true; } | LC_ALL=C sort -u >"$out/functions.txt"
    header_functions | comm -23 - "$out/functions.txt" >"$out/missing.txt"
    [[ ! -s $out/missing.txt ]] || die "objc: the ${slice%%=*} library lacks $(paste -sd' ' "$out/missing.txt")"
  done
  echo "objc: ZegoTokenNative.xcframework: a universal ($archs) libzego_token.a, the release's two macOS libraries with the header's functions"
  ruby -c "$pkg/ZegoToken.podspec" >/dev/null || die "objc: the podspec is not valid Ruby"
  VERSION="$version" python3 - "$pkg" <<'PY' || die "objc: the manifests disagree with the package"
import os, re, sys
pkg = sys.argv[1]
version = os.environ["VERSION"]
pod = open(os.path.join(pkg, "ZegoToken.podspec")).read()
assert re.search(r"s\.version\s*=\s*'%s'" % re.escape(version), pod), "podspec version"
assert "zego-token-objc-#{s.version}.zip" in pod, "podspec source"
for glob in re.findall(r"'(Sources/[^']*|ZegoTokenNative\.xcframework)'", pod):
    assert os.path.exists(os.path.join(pkg, glob.split("*")[0].rstrip("/"))), glob
swift = open(os.path.join(pkg, "Package.swift")).read()
assert swift.startswith("// swift-tools-version:"), "Package.swift: tools version line"
swift = "\n".join(line for line in swift.splitlines() if not line.lstrip().startswith("//"))
assert swift.count("(") == swift.count(")") and swift.count("[") == swift.count("]"), "Package.swift: brackets"
for path in re.findall(r'path: "([^"]+)"', swift):
    assert os.path.exists(os.path.join(pkg, path)), path
assert 'publicHeadersPath: "include"' in swift and ".binaryTarget(" in swift, "Package.swift: targets"
PY
  echo "objc: ZegoToken.podspec is valid Ruby; the podspec and Package.swift name the package's files and version"
  # Linked to this release's Linux x86_64 library (scripts/dist alone builds nothing in target/release).
  local linux="$work/stage/zego-token-$version-x86_64-unknown-linux-gnu/lib"
  if [[ ! -f $linux/libzego_token.a ]]; then
    echo "objc: (the packaged sources' tests need the x86_64-unknown-linux-gnu target in this run: skipped)"
    return
  fi
  bindings/objc/run-tests.sh --sources "$pkg/Sources" --lib "$linux" >"$out/tests.log" 2>&1 || { cat "$out/tests.log"; die "objc: the packaged sources fail their tests"; }
  echo "objc: the packaged sources pass the binding's tests under GNUstep, against the release's Linux library: $(grep -c 'passed, 0 failed' "$out/tests.log") runs"
}
