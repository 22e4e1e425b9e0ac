#!/usr/bin/env bash
# The C suite: builds the C tests against include/zego_token.h with -Wall -Wextra -Werror -pedantic,
# runs the ABI test plain, under AddressSanitizer + UndefinedBehaviorSanitizer and under valgrind
# (no errors, no leaks), then the threads and fork nonce test.
#
# By default it tests target/release. scripts/dist --check runs it against a release archive, for
# other targets too, through these variables:
#   ZEGO_TOKEN_PREFIX  an unpacked archive (include/, lib/) instead of include/ + target/release
#   CC                 the compiler, e.g. "zig cc -target aarch64-linux-gnu.2.17" (default: cc)
#   RUN                a command prefix that runs the programs, e.g. "qemu-aarch64 -L /usr/aarch64-linux-gnu"
#   ZEGO_C_TESTS_OUT   where the programs are built (default: target/c-tests)
#   ZEGO_C_TESTS_TOOLS 0 to skip the sanitizer and valgrind runs (they need the host's gcc and valgrind)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ -n "${ZEGO_TOKEN_PREFIX:-}" ]]; then
  include="$ZEGO_TOKEN_PREFIX/include" lib="$ZEGO_TOKEN_PREFIX/lib"
else
  include="$root/include" lib="$root/target/release"
fi
out="${ZEGO_C_TESTS_OUT:-$root/target/c-tests}"
read -ra cc <<<"${CC:-cc}"
read -ra run <<<"${RUN:-}"
mkdir -p "$out"
cflags=(-std=c99 -O1 -g -Wall -Wextra -Werror -pedantic -I"$include" -L"$lib" -Wl,-rpath,"$lib")

"${cc[@]}" "${cflags[@]}" "$root/tests/c/abi_test.c" -lzego_token -o "$out/abi_test"
"${cc[@]}" "${cflags[@]}" -pthread "$root/tests/c/concurrency_test.c" -lzego_token -lpthread -o "$out/concurrency_test"

echo "== abi_test"
"${run[@]}" "$out/abi_test"
if [[ "${ZEGO_C_TESTS_TOOLS:-1}" != 0 ]]; then
  "${cc[@]}" "${cflags[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
    "$root/tests/c/abi_test.c" -lzego_token -o "$out/abi_test_sanitized"
  echo "== abi_test under ASan + UBSan"
  "$out/abi_test_sanitized"
  echo "== abi_test under valgrind"
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
    --show-leak-kinds=definite,indirect,possible "$out/abi_test"
fi
echo "== concurrency_test (8 threads x 10,000 tokens; fork(), _Fork(), clone())"
if [[ "${run[0]:-}" == qemu-* ]]; then
  # qemu-user accepts MADV_WIPEONFORK and ignores it, so only fork()'s atfork path can be tested.
  ZEGO_TEST_FORK_KINDS=fork "${run[@]}" "$out/concurrency_test"
else
  "${run[@]}" "$out/concurrency_test"
fi
