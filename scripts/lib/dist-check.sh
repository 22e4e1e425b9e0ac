# Sourced by scripts/dist --check: tests the archives in dist/native as a user gets them, each
# unpacked afresh into target/dist-work/check/. Uses scripts/dist's variables ($version, $work,
# $dist) and functions (step, die, has, minimum_version, macos_minimum).
# shellcheck shell=bash

app_id=1234567890
export ZEGO_SERVER_SECRET=0123456789abcdef0123456789abcdef
export WINEDEBUG=-all

# The functions include/zego_token.h declares, one a line, sorted.
header_functions() {
  grep -E '^[A-Za-z].*\bzego_[a-z0-9_]+\(' include/zego_token.h | grep -v '^typedef' |
    sed -e 's/(.*//' -e 's/.*[ *]//' | LC_ALL=C sort
}

# What the library exports: the header's functions and the Java binding's JNI entry points
# (src/jni.rs), one a line, sorted.
library_functions() {
  { header_functions; grep -oE 'extern "system" fn Java_[A-Za-z0-9_]+' src/jni.rs | sed 's/.* fn //'; } | LC_ALL=C sort
}

# The functions a shared library exports, one a line, sorted.
exported_functions() { # TARGET FILE
  case "$1" in
    *-linux-*) llvm-nm -D --defined-only "$2" | awk '{print $3}' ;;
    # Mach-O names carry a leading underscore; ___dso_handle and __mh_dylib_header are made by
    # the linker in every dylib, not exported by the library's code.
    *-apple-darwin) llvm-nm -gU "$2" | awk '{print $3}' | sed 's/^_//' | grep -vxE '__dso_handle|_mh_dylib_header' ;;
    *-windows-*) llvm-readobj --coff-exports "$2" | awk '/Name:/ {print $2}' ;;
  esac | LC_ALL=C sort
}

expect_same() { # WHAT EXPECTED_FILE ACTUAL_FILE
  diff -u "$2" "$3" >/dev/null || { diff -u "$2" "$3" >&2 || true; die "$1"; }
}

newest_glibc() { llvm-objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1; }

# within_glibc_baseline TARGET FILE: prints the newest glibc symbol version FILE needs; dies when
# it is newer than TARGET's baseline.
within_glibc_baseline() {
  local newest baseline
  newest=$(newest_glibc "$2") baseline=$(minimum_version "$1")
  [[ "$(printf '%s\n' "$newest" "$baseline" | sort -V | tail -n 1)" == "$baseline" ]] ||
    die "$1: $(basename "$2") needs GLIBC_$newest, newer than the $baseline baseline"
  echo "$newest"
}

# stamped_for_macos TARGET FILE: dies unless FILE's load commands name TARGET's minimum macOS.
stamped_for_macos() {
  local minos
  minos=$(macos_minimum "$1")
  llvm-objdump --macho --private-headers "$2" | has -E "^ +(minos|version) $minos$" ||
    die "$1: $(basename "$2") is not stamped for macOS $minos"
}

has_debug_or_symtab() { # FILE: true when FILE still has a symbol table or debug sections
  llvm-objdump -h "$1" | has -E ' (\.symtab|\.debug_[a-z]+|__debug_[a-z]+)( |$)'
}

# Runs the CLI of TARGET: natively, under qemu-user or under wine.
run_cli() { # TARGET ARGS...
  local t=$1 prefix
  prefix=$(prefix_of "$1")
  shift
  case "$t" in
    x86_64-unknown-linux-*) "$prefix/bin/zego-token" "$@" ;;
    aarch64-unknown-linux-*) qemu-aarch64 -L /usr/aarch64-linux-gnu "$prefix/bin/zego-token" "$@" ;;
    x86_64-pc-windows-gnu) wine_run "$prefix/bin/zego-token.exe" "$@" ;;
    *) return 99 ;;
  esac
}
can_run() { [[ $1 != *-apple-darwin ]]; }
prefix_of() { echo "$work/check/$1/zego-token-$version-$1"; }

# --- wine ------------------------------------------------------------------------------------
wine_ready=0
wine_run() { # PROGRAM.exe ARGS...: the test-only ProcessPrng stand-in is placed beside PROGRAM
  local dir
  dir=$(dirname "$1")
  if [[ $wine_ready == 0 ]]; then
    # Debian's wine64 package keeps its loader out of PATH; the "wine" package adds a wrapper.
    wine=$(command -v wine64 || ls /usr/lib/wine/wine64 2>/dev/null || command -v wine) || die "wine is not installed"
    export WINEPREFIX="$work/check/wineprefix" WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml="
    zig cc -target x86_64-windows-gnu -shared -O2 tests/windows/process_prng.c -lbcrypt \
      -o "$work/check/bcryptprimitives.dll"
    "$wine" wineboot -i >/dev/null 2>&1 || true
    wine_ready=1
  fi
  cp "$work/check/bcryptprimitives.dll" "$dir/"
  # wine writes CRLF line ends; the tests compare text.
  "$wine" "$@" | tr -d '\r'
  local rc=${PIPESTATUS[0]}
  rm -f "$dir/bcryptprimitives.dll"
  return "$rc"
}

# --- per target ------------------------------------------------------------------------------
check_files() { # TARGET: names, exports, baselines, stripping, as files
  local t=$1 prefix lib cli
  prefix=$(prefix_of "$t")
  library_functions >"$work/check/functions.txt"
  case "$t" in
    *-linux-*)
      lib="$prefix/lib/libzego_token.so.1" cli="$prefix/bin/zego-token"
      [[ -f $lib && -L $prefix/lib/libzego_token.so && -f $prefix/lib/libzego_token.a ]] || die "$t: library files missing"
      [[ "$(llvm-readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')" == libzego_token.so.1 ]] ||
        die "$t: the SONAME is not libzego_token.so.1"
      local arch=x86-64
      [[ $t == aarch64-* ]] && arch=aarch64
      file -L "$lib" "$cli" | grep -c "$arch" | has -x 2 || die "$t: not $arch: $(file -L "$lib" "$cli")"
      if [[ $t == *-gnu ]]; then
        local f newest
        for f in "$lib" "$cli"; do newest=$(within_glibc_baseline "$t" "$f") || exit 1; done
        echo "$t: newest glibc symbol version needed: $newest (baseline $(minimum_version "$t"))"
      else
        ! llvm-readelf -l "$cli" | has INTERP || die "$t: the CLI is not statically linked"
        echo "$t: the CLI is statically linked"
      fi
      # The server: the static build of this CPU, on glibc and musl systems alike.
      [[ $dist_server == 1 ]] || { echo "$t: no server in this run (ZEGO_TOKEN_DIST_SERVER=0)"; return 0; }
      local server="$prefix/bin/zego-token-server" run=()
      [[ $t == aarch64-* ]] && run=(qemu-aarch64)
      file "$server" | has "$arch.*statically linked" || die "$t: the server is not a static $arch binary: $(file "$server")"
      "${run[@]}" "$server" --version | has "zego-token-server $version" || die "$t: the server does not run"
      [[ -f $prefix/share/zego-token-server/zego-token-server.service ]] || die "$t: no systemd unit"
      echo "$t: bin/zego-token-server is static and runs" ;;
    *-apple-darwin)
      lib="$prefix/lib/libzego_token.1.dylib" cli="$prefix/bin/zego-token"
      [[ -f $lib && -L $prefix/lib/libzego_token.dylib && -f $prefix/lib/libzego_token.a ]] || die "$t: library files missing"
      local arch=x86_64 minos
      [[ $t == aarch64-* ]] && arch=arm64
      minos=$(macos_minimum "$t")
      file -L "$lib" | has "Mach-O 64-bit $arch dynamically linked shared library" || die "$t: $(file -L "$lib")"
      file "$cli" | has "Mach-O 64-bit $arch executable" || die "$t: $(file "$cli")"
      [[ "$(llvm-objdump --macho --dylib-id "$lib" | tail -n 1)" == "@rpath/libzego_token.1.dylib" ]] ||
        die "$t: the install name is not @rpath/libzego_token.1.dylib"
      local f files=("$lib" "$cli")
      if [[ $dist_server == 1 ]]; then
        file "$prefix/bin/zego-token-server" | has "Mach-O 64-bit $arch executable" || die "$t: $(file "$prefix/bin/zego-token-server")"
        files+=("$prefix/bin/zego-token-server")
      fi
      for f in "${files[@]}"; do stamped_for_macos "$t" "$f"; done
      echo "$t: Mach-O $arch, install name @rpath/libzego_token.1.dylib, minimum macOS $minos" ;;
    *-windows-*)
      lib="$prefix/lib/zego_token.dll" cli="$prefix/bin/zego-token.exe"
      [[ -f $lib && -f $prefix/lib/zego_token.dll.a && -f $prefix/lib/zego_token.def ]] || die "$t: library files missing"
      file "$lib" | has "PE32+ executable (DLL).*x86-64" || die "$t: $(file "$lib")"
      file "$cli" | has "PE32+ executable (console) x86-64" || die "$t: $(file "$cli")"
      # The import library names exactly the exported functions (each also has its __imp_ pointer).
      llvm-nm "$prefix/lib/zego_token.dll.a" | awk '$2 == "T" && $3 !~ /^__imp_/ {print $3}' | LC_ALL=C sort >"$work/check/$t.implib.txt"
      expect_same "$t: the import library's functions differ from the header's and the JNI entry points" "$work/check/functions.txt" "$work/check/$t.implib.txt" ;;
  esac
  exported_functions "$t" "$lib" >"$work/check/$t.exports.txt"
  expect_same "$t: the exported symbols differ from the header's functions and the JNI entry points" "$work/check/functions.txt" "$work/check/$t.exports.txt"
  echo "$t: exports exactly the header's functions and the JNI entry points ($(wc -l <"$work/check/functions.txt"))"
  if [[ $t != *-apple-darwin ]]; then # zig's Mach-O output keeps a minimal symbol table
    local f
    for f in "$lib" "$cli"; do ! has_debug_or_symtab "$f" || die "$t: $(basename "$f") is not stripped"; done
  fi
  [[ -s $prefix/LICENSE-MIT && -s $prefix/LICENSE-APACHE && -s $prefix/README.md && -s $prefix/include/zego_token.h ]] ||
    die "$t: licence texts, README or header missing"
  cmp -s include/zego_token.h "$prefix/include/zego_token.h" || die "$t: the archive's header is not include/zego_token.h"
}

# The C suite against the unpacked archive (natively, or a cross build under qemu-user).
check_c_suite() { # TARGET
  local t=$1 prefix
  prefix=$(prefix_of "$t")
  step "$t: the C suite against the archive's library$([[ $t == aarch64-* ]] && echo ', under qemu-user')"
  case "$t" in
    x86_64-unknown-linux-gnu)
      ZEGO_TOKEN_PREFIX="$prefix" ZEGO_C_TESTS_OUT="$work/check/$t/c" tests/c/run.sh ;;
    x86_64-unknown-linux-musl)
      CC="zig cc -target x86_64-linux-musl" ZEGO_C_TESTS_TOOLS=0 \
        ZEGO_TOKEN_PREFIX="$prefix" ZEGO_C_TESTS_OUT="$work/check/$t/c" tests/c/run.sh ;;
    aarch64-unknown-linux-gnu)
      CC="zig cc -target aarch64-linux-gnu.$(minimum_version "$t")" RUN="qemu-aarch64 -L /usr/aarch64-linux-gnu" ZEGO_C_TESTS_TOOLS=0 \
        ZEGO_TOKEN_PREFIX="$prefix" ZEGO_C_TESTS_OUT="$work/check/$t/c" tests/c/run.sh ;;
  esac
}

# pkg-config and find_package(ZegoToken) from the unpacked archive, shared and static.
check_consumers() { # TARGET (x86_64-unknown-linux-gnu)
  local t=$1 prefix out
  prefix=$(prefix_of "$t")
  out="$work/check/$t/consumers"
  step "$t: building against the archive with pkg-config and CMake"
  mkdir -p "$out/cmake-src"
  export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
  # shellcheck disable=SC2046
  cc -std=c99 -Wall -Werror tests/c/smoke.c $(pkg-config --cflags --libs zego_token) -Wl,-rpath,"$prefix/lib" -o "$out/smoke-pkgconfig"
  # shellcheck disable=SC2046
  cc -std=c99 -Wall -Werror tests/c/smoke.c $(pkg-config --cflags zego_token) "$prefix/lib/libzego_token.a" \
    $(pkg-config --static --libs-only-l zego_token | sed 's/-lzego_token//') -o "$out/smoke-pkgconfig-static"
  unset PKG_CONFIG_PATH
  cat >"$out/cmake-src/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.14)
project(consumer C)
find_package(ZegoToken $version CONFIG REQUIRED)
add_executable(smoke_shared "$root/tests/c/smoke.c")
target_link_libraries(smoke_shared PRIVATE ZegoToken::zego_token)
add_executable(smoke_static "$root/tests/c/smoke.c")
target_link_libraries(smoke_static PRIVATE ZegoToken::zego_token_static)
EOF
  cmake -S "$out/cmake-src" -B "$out/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
  cmake --build "$out/cmake-build" >/dev/null
  local program token
  for program in "$out/smoke-pkgconfig" "$out/smoke-pkgconfig-static" "$out/cmake-build/smoke_shared" "$out/cmake-build/smoke_static"; do
    token=$("$program" generate "$app_id" consumer)
    "$program" decode "$token" | has '"user_id":"consumer"' || die "$t: $(basename "$program") cannot decode its token"
  done
  readelf -d "$out/cmake-build/smoke_shared" | has 'NEEDED.*\[libzego_token.so.1\]' ||
    die "$t: a program linked through CMake does not record libzego_token.so.1"
  ! readelf -d "$out/cmake-build/smoke_static" | has 'libzego_token' || die "$t: the static target links the shared library"
  echo "4 consumers (pkg-config shared and static, CMake shared and static) generate and decode"
  # Installed into /usr (staged with DESTDIR): the .pc finds that prefix from its own place.
  local staged="$out/staged"
  mkdir -p "$staged/usr"
  cp -a "$prefix"/{bin,include,lib} "$staged/usr/"
  local flags
  flags=$(PKG_CONFIG_PATH="$staged/usr/lib/pkgconfig" pkg-config --cflags --libs zego_token)
  [[ " $flags " == *" -I$staged/usr/lib/pkgconfig/../../include "* || " $flags " == *" -I$staged/usr/include "* ]] ||
    die "$t: the .pc copied into /usr/lib/pkgconfig gives '$flags'"
  # shellcheck disable=SC2086
  cc -std=c99 -Wall -Werror tests/c/smoke.c $flags -Wl,-rpath,"$staged/usr/lib" -o "$out/smoke-usr"
  "$out/smoke-usr" decode "$("$out/smoke-usr" generate "$app_id" usr-user)" | has '"user_id":"usr-user"' ||
    die "$t: a program built against the archive copied into /usr does not work"
  echo "copied into a staged /usr: pkg-config points there, and a program built with it works"
}

# The CLI generates, decodes and verifies; on Windows a C program linked to the DLL does too.
check_cli() { # TARGET
  local t=$1 token claims
  step "$t: the CLI$([[ $t == *-windows-* ]] && echo ' and a C program linked to the DLL, under wine')$([[ $t == aarch64-* ]] && echo ', under qemu-user')"
  [[ "$(run_cli "$t" --version)" == *"$version"* ]] || die "$t: the CLI does not report $version"
  token=$(run_cli "$t" generate --app-id "$app_id" --user-id "cli-$t")
  claims=$(run_cli "$t" decode "$token")
  grep -q "\"user_id\": *\"cli-$t\"" <<<"$claims" || die "$t: the CLI cannot decode its own token: $claims"
  run_cli "$t" verify "$token" --app-id "$app_id" >/dev/null || die "$t: the CLI does not verify its own token"
  echo "$t: the CLI generates, decodes and verifies"
  if [[ $t == *-windows-* ]]; then
    local prefix out
    prefix=$(prefix_of "$t")
    out="$work/check/$t/c"
    mkdir -p "$out"
    zig cc -target x86_64-windows-gnu -std=c99 -Wall -Werror -I"$prefix/include" tests/c/smoke.c \
      "$prefix/lib/zego_token.dll.a" -o "$out/smoke.exe"
    cp "$prefix/lib/zego_token.dll" "$out/"
    [[ "$(wine_run "$out/smoke.exe" version)" == "$version" ]] || die "$t: the DLL does not report $version"
    token=$(wine_run "$out/smoke.exe" generate "$app_id" dll-user)
    wine_run "$out/smoke.exe" decode "$token" | has '"user_id":"dll-user"' || die "$t: the DLL cannot decode its token"
    echo "$t: a C program linked to zego_token.dll generates and decodes"
  fi
}

# Tokens made on each platform decode with the x86_64 library, and the other way round.
check_cross_platform() { # TARGETS...
  local host=x86_64-unknown-linux-gnu smoke t token
  smoke="$work/check/$host/consumers/smoke-pkgconfig"
  [[ -x $smoke ]] || { echo "(cross-platform tokens: skipped, $host is not among the targets)"; return 0; }
  step "tokens across platforms, against the $host library"
  for t in "$@"; do
    can_run "$t" && [[ $t != "$host" ]] || continue
    token=$(run_cli "$t" generate --app-id "$app_id" --user-id "from-$t")
    "$smoke" decode "$token" | has "\"user_id\":\"from-$t\"" || die "a token made by the $t CLI does not decode with the $host library"
    token=$("$smoke" generate "$app_id" "to-$t")
    run_cli "$t" decode "$token" | has "\"user_id\": *\"to-$t\"" || die "the $t CLI cannot decode a token of the $host library"
    echo "$t <-> $host: both ways"
  done
}

check_all() { # TARGETS...
  local t archive
  step "check: unpacking the archives"
  rm -rf "$work/check"
  for t in "$@"; do
    mkdir -p "$work/check/$t"
    archive=$(ls "$dist/native/zego-token-$version-$t".*)
    case "$archive" in
      *.zip) (cd "$work/check/$t" && unzip -q "$archive") ;;
      *) tar -C "$work/check/$t" -xzf "$archive" ;;
    esac
    echo "$(basename "$archive"): $(cd "$work/check/$t" && find . -type f | wc -l) files"
  done
  sha256sum --quiet -c <(sed 's|  |  '"$dist"'/|' "$dist/SHA256SUMS") || die "SHA256SUMS does not match dist/"
  step "check: files, names, exported symbols"
  for t in "$@"; do check_files "$t"; done
  for t in "$@"; do
    if [[ $t == x86_64-unknown-linux-gnu ]]; then check_consumers "$t"; fi
    case "$t" in x86_64-unknown-linux-*|aarch64-unknown-linux-gnu) check_c_suite "$t" ;; esac
    if can_run "$t"; then check_cli "$t"; fi
  done
  check_cross_platform "$@"
  echo
  echo "dist --check: $# target(s) passed"
}
