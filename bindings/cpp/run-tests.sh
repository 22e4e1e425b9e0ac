#!/usr/bin/env bash
# The C++ suite: GoogleTest under ctest (shared and static library, -Wall -Wextra -Werror), once more
# under AddressSanitizer + UndefinedBehaviorSanitizer, then `cmake --install` and a consumer project
# outside the tree built with find_package(ZegoToken CONFIG) and with pkg-config, from a plain prefix
# and from /usr on this multiarch system (staged with DESTDIR).
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

echo "== installed into /usr (staged with DESTDIR, multiarch libdir): pkg-config and CMake"
rm -rf "$out/usr-build" "$out/staging" "$out/consumer-usr"
cmake -S "$here" -B "$out/usr-build" -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=Release >/dev/null
DESTDIR="$out/staging" cmake --install "$out/usr-build" >/dev/null
libdir=$(cd "$out/staging/usr" && dirname "$(find . -name zego_token.pc)" | sed 's|^\./||; s|/pkgconfig$||')
echo "libdir: /usr/$libdir"
# The .pc, read in place, must point at the staged prefix: <staging>/usr/include and <staging>/usr/<libdir>.
read -r cflags < <(PKG_CONFIG_PATH="$out/staging/usr/$libdir/pkgconfig" pkg-config --cflags zego_token)
read -r libs < <(PKG_CONFIG_PATH="$out/staging/usr/$libdir/pkgconfig" pkg-config --libs zego_token)
[[ $(realpath -m "${cflags#-I}") == "$out/staging/usr/include" ]] || { echo "wrong Cflags: $cflags" >&2; exit 1; }
[[ $(realpath -m "$(sed 's/^-L\([^ ]*\).*/\1/' <<<"$libs")") == "$out/staging/usr/$libdir" ]] || { echo "wrong Libs: $libs" >&2; exit 1; }
[[ -L "$out/staging/usr/$libdir/libzego_token.so" && -f "$out/staging/usr/$libdir/libzego_token.so.1" ]] ||
  { echo "libzego_token.so.1 and its link are not both installed" >&2; exit 1; }
# shellcheck disable=SC2086
c++ -std=c++11 -Wall -Wextra -Werror "$here/tests/consumer/main.cpp" $cflags $libs -o "$out/consumer-usr-pkgconfig"
LD_LIBRARY_PATH="$out/staging/usr/$libdir" "$out/consumer-usr-pkgconfig" >/dev/null
cmake -S "$here/tests/consumer" -B "$out/consumer-usr" -DCMAKE_PREFIX_PATH="$out/staging/usr" >/dev/null
cmake --build "$out/consumer-usr" >/dev/null
LD_LIBRARY_PATH="$out/staging/usr/$libdir" "$out/consumer-usr/consumer_shared" >/dev/null
"$out/consumer-usr/consumer_static" >/dev/null
echo "6 passed, 0 failed (consumer: CMake shared, CMake static, pkg-config; from a prefix and from a staged /usr)"
