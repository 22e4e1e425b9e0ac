#!/usr/bin/env bash
# The C++ suite: GoogleTest under ctest (shared and static library, -Wall -Wextra -Werror), once more
# under AddressSanitizer + UndefinedBehaviorSanitizer, then `cmake --install` and a consumer project
# outside the tree built with find_package(ZegoToken CONFIG) and with pkg-config.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/target/cpp"
rm -rf "$out/prefix" "$out/consumer"

cmake -S "$here" -B "$out/build" -DZEGO_TOKEN_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$out/build" -j 2 >/dev/null
(cd "$out/build" && ctest --output-on-failure)

echo "== under ASan + UBSan"
cmake -S "$here" -B "$out/sanitized" -DZEGO_TOKEN_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" >/dev/null
cmake --build "$out/sanitized" -j 2 >/dev/null
(cd "$out/sanitized" && ctest --output-on-failure)

echo "== installed package: find_package(ZegoToken CONFIG) and pkg-config"
cmake --install "$out/build" --prefix "$out/prefix" >/dev/null
cmake -S "$here/tests/consumer" -B "$out/consumer" -DCMAKE_PREFIX_PATH="$out/prefix" >/dev/null
cmake --build "$out/consumer" >/dev/null
LD_LIBRARY_PATH="$out/prefix/lib" "$out/consumer/consumer_shared" >/dev/null
"$out/consumer/consumer_static" >/dev/null
export PKG_CONFIG_PATH="$out/prefix/lib/pkgconfig"
# shellcheck disable=SC2046
c++ -std=c++11 -Wall -Wextra -Werror "$here/tests/consumer/main.cpp" $(pkg-config --cflags --libs zego_token) \
  -o "$out/consumer/consumer_pkgconfig"
LD_LIBRARY_PATH="$out/prefix/lib" "$out/consumer/consumer_pkgconfig" >/dev/null
echo "3 passed, 0 failed (consumer: CMake shared, CMake static, pkg-config)"
