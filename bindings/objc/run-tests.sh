#!/usr/bin/env bash
# The Objective-C suite: GCC's Objective-C against GNUstep Base (manual retain/release, GCC's
# runtime), the sources and the tests built with -Wall -Wextra -Werror and linked to the library
# built by tests/run-all; then the same tests against the static library. The headers are also
# checked as Objective-C++ (they are meant to be importable from .mm files).
#
#   bindings/objc/run-tests.sh                      the binding's sources
#   bindings/objc/run-tests.sh --sources DIR [--lib DIR]
#                         other copies of them (scripts/dist: the packaged ones), and the folder of
#                         another libzego_token.so / .a (scripts/dist: the release archive's)
#   bindings/objc/run-tests.sh --bench [ROUNDS N]   build and run the benchmark (Tests/Bench.m) instead
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/target/objc"
src="$here/Sources"
lib="$root/target/release"
bench=0
if [[ ${1:-} == --sources ]]; then src=$2; out="$out/packaged"; shift 2; fi
if [[ ${1:-} == --lib ]]; then lib=$2; shift 2; fi
if [[ ${1:-} == --bench ]]; then bench=1; shift; fi
mkdir -p "$out"
# GNUstep's headers as system headers: -Wextra is for our code, not theirs.
read -r -a objc_flags <<<"$(gnustep-config --objc-flags | sed -e 's/-MMD -MP//' -e 's/-I\//-isystem \//g')"
read -r -a base_libs <<<"$(gnustep-config --base-libs)"
# The library's sources are C89 inside (GCC's Objective-C defaults to gnu89); the tests use gnu11.
sources=("$src"/ZegoToken/*.m "$here"/Tests/ZegoTokenTests.m)
includes=(-I"$src/ZegoToken/include" -I"$src/ZegoToken" -I"$root/include")
warnings=(-std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter)
export ZEGO_TOKEN_VECTORS="$root/tests/vectors"

if [[ $bench == 1 ]]; then
  gcc "${objc_flags[@]}" "${warnings[@]}" "${includes[@]}" "$src"/ZegoToken/*.m "$here/Tests/Bench.m" \
    -o "$out/bench" "$lib/libzego_token.a" -lcrypto "${base_libs[@]}" -lpthread -ldl -lm
  exec "$out/bench" "$@"
fi

echo "== the headers as Objective-C++"
printf '#import "ZegoToken.h"\nint main() { return ZTKErrorExpired == 30 ? 0 : 1; }\n' >"$out/headers.mm"
g++ -x objective-c++ "${objc_flags[@]}" -Wall -Wextra -Werror "${includes[@]}" -fsyntax-only "$out/headers.mm"

echo "== shared library"
gcc "${objc_flags[@]}" "${warnings[@]}" "${includes[@]}" "${sources[@]}" -o "$out/tests-shared" \
  -L"$lib" -Wl,-rpath,"$lib" -lzego_token "${base_libs[@]}"
"$out/tests-shared"

echo "== static library"
gcc "${objc_flags[@]}" "${warnings[@]}" "${includes[@]}" "${sources[@]}" -o "$out/tests-static" \
  "$lib/libzego_token.a" "${base_libs[@]}" -lpthread -ldl -lm
"$out/tests-static"
