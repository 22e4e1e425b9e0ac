#!/usr/bin/env bash
# The C suite: builds the C tests against include/zego_token.h with -Wall -Wextra -Werror -pedantic,
# runs the ABI test plain, under AddressSanitizer + UndefinedBehaviorSanitizer and under valgrind
# (no errors, no leaks), then the threads and fork nonce test.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lib="$root/target/release"
out="$root/target/c-tests"
mkdir -p "$out"
cflags=(-std=c99 -O1 -g -Wall -Wextra -Werror -pedantic -I"$root/include" -L"$lib" -Wl,-rpath,"$lib")

cc "${cflags[@]}" "$root/tests/c/abi_test.c" -lzego_token -o "$out/abi_test"
cc "${cflags[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
  "$root/tests/c/abi_test.c" -lzego_token -o "$out/abi_test_sanitized"
cc "${cflags[@]}" -pthread "$root/tests/c/concurrency_test.c" -lzego_token -lpthread -o "$out/concurrency_test"

echo "== abi_test"
"$out/abi_test"
echo "== abi_test under ASan + UBSan"
"$out/abi_test_sanitized"
echo "== abi_test under valgrind"
valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
  --show-leak-kinds=definite,indirect,possible "$out/abi_test"
echo "== concurrency_test (8 threads x 10,000 tokens; fork)"
"$out/concurrency_test"
