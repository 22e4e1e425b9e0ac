# Sourced by scripts/dist: the Python package in dist/python, one wheel per target and an sdist.
#
# The package is Python over ctypes, with an optional accelerator (_speedups, a CPython extension on
# the stable ABI of 3.10, used only where it loads), so each wheel is tagged py3-none-<platform>:
# every Python 3 installs it and works. A pure wheel is built once, then unpacked, given the
# target's release library, accelerator and platform tag, and packed again. The sdist carries the
# packaged Rust crates (rust/), so that a wheel builds from it anywhere cargo runs. Uses
# scripts/dist's variables ($version, $work, $dist, $root) and functions.
# shellcheck shell=bash

python_tools_pins=(wheel==0.45.1 build==1.2.2.post1 auditwheel==6.8.2)
python_arm64_test_pins=(pytest==9.2.0)

# The file name the accelerator has inside the package on TARGET's platform.
python_speedups_name() { case "$1" in *-windows-*) echo _speedups.pyd ;; *) echo _speedups.abi3.so ;; esac; }

# Called by scripts/dist's build: the accelerator (bindings/python/speedups) for TARGET, into
# $work/TARGET/out, with the same toolchains and baselines as the library.
build_python_speedups() { # TARGET
  local t=$1 b="$work/$1" out="$work/$1/out" built
  zigbuild_cdylib "$t" "$b/speedups" "" --manifest-path bindings/python/speedups/Cargo.toml
  case "$t" in
    *-linux-*) built=lib_speedups.so ;;
    *-apple-darwin) built=lib_speedups.dylib ;;
    *-windows-*) built=_speedups.dll ;;
  esac
  cp "$b/speedups/$t/release/$built" "$out/$(python_speedups_name "$t")"
  # Windows: the link time in the PE header from the last commit, as for the library (scripts/dist).
  [[ $t != *-windows-* ]] || python3 "$root/scripts/lib/pe-timestamp.py" "$out/$(python_speedups_name "$t")"
}

package_python() { # TARGETS...
  local py="$dist_tools/bin/python" out="$work/python" t
  step "python: wheels and sdist"
  "$py" -m pip install -q "${python_tools_pins[@]}"
  rm -rf "$out" "$dist/python"
  mkdir -p "$out" "$dist/python"
  # A copy of the package alone, so that nothing built in the source folder leaks in.
  cp -rL bindings/python "$out/src"
  rm -rf "$out/src/build" "$out/src/dist" "$out/src"/src/*.egg-info "$out/src/speedups/target"
  find "$out/src" \( -name __pycache__ -o -name 'libzego_token*' \) -prune -exec rm -rf {} +

  ZEGO_TOKEN_PYTHON_NO_NATIVE=1 "$py" -m pip wheel -q --no-deps -w "$out/pure" "$out/src"
  local pure
  pure=$(ls "$out"/pure/zego_token-"$version"-py3-none-any.whl) || die "python: no pure wheel was built"
  for t in "$@"; do
    local tag library name unpacked
    tag=$(target_field "$t" python)
    read -r library name <<<"$(native_library_of "$t")"
    rm -rf "$out/unpacked"
    "$py" -m wheel unpack -d "$out/unpacked" "$pure" >/dev/null
    unpacked=$(ls -d "$out"/unpacked/zego_token-*)
    cp "$library" "$unpacked/zego_token/$name"
    cp "$work/$t/out/$(python_speedups_name "$t")" "$unpacked/zego_token/"
    sed -i -e 's/^Root-Is-Purelib: true$/Root-Is-Purelib: false/' -e "s/^Tag: py3-none-any$/Tag: py3-none-$tag/" \
      "$unpacked"/zego_token-*.dist-info/WHEEL
    "$py" -m wheel pack -d "$dist/python" "$unpacked" >/dev/null
    echo "dist/python/zego_token-$version-py3-none-$tag.whl"
  done

  # The sdist: the package plus the crates it builds from, as cargo package makes them.
  cargo package -q -p zego-token -p zego-token-ffi --no-verify --allow-dirty --locked --target-dir "$out/cargo"
  mkdir -p "$out/src/rust"
  tar -C "$out/src/rust" -xzf "$out/cargo/package/zego-token-$version.crate"
  tar -C "$out/src/rust" -xzf "$out/cargo/package/zego-token-ffi-$version.crate"
  mv "$out/src/rust/zego-token-$version" "$out/src/rust/zego-token"
  mv "$out/src/rust/zego-token-ffi-$version" "$out/src/rust/zego-token-ffi"
  cp Cargo.lock "$out/src/rust/Cargo.lock"
  cat >"$out/src/rust/Cargo.toml" <<EOF
# The crates this sdist builds its library from, exactly as published to crates.io.
[workspace]
members = ["zego-token-ffi"]
resolver = "2"

[patch.crates-io]
zego-token = { path = "zego-token" }

[profile.release]
lto = "thin"
codegen-units = 1
EOF
  "$py" -m build --sdist -o "$dist/python" "$out/src" >"$out/build.log" 2>&1 || { tail -n 30 "$out/build.log"; die "python: the sdist did not build"; }
  # Dated from the last commit and sorted, as every other archive (build dates it from the clock).
  python3 "$root/scripts/lib/normalize-tar.py" "$dist/python/zego_token-$version.tar.gz"
  echo "dist/python/zego_token-$version.tar.gz"
}

# Python 3.9, the lowest supported version, if this machine has one (pyenv's, or on PATH).
lowest_python() {
  local candidate
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.9*/bin/python3.9 python3.9; do
    if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 9)' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
}

# Each wheel's accelerator, as a file: the target's format and architecture, one export
# (PyInit__speedups), no libpython linked (the interpreter provides it; Windows: python3.dll, the
# stable ABI's), the target's glibc baseline or macOS minimum.
check_python_speedups() { # WHEEL TARGET
  local wheel=$1 t=$2 dir="$work/check/python/speedups-$2" name file exports
  name=$(python_speedups_name "$t")
  rm -rf "$dir"
  mkdir -p "$dir"
  unzip -q -o "$wheel" "zego_token/$name" -d "$dir" || die "python: $(basename "$wheel") has no zego_token/$name"
  file="$dir/zego_token/$name"
  case "$t" in
    *-linux-*)
      local arch=x86-64
      [[ $t == aarch64-* ]] && arch=aarch64
      file "$file" | has "ELF 64-bit LSB shared object, .*$arch" || die "python: $t: $(file "$file")"
      ! llvm-readelf -d "$file" | has -i 'NEEDED.*libpython' || die "python: $t: $name links libpython"
      if [[ $t == *-gnu ]]; then within_glibc_baseline "$t" "$file" >/dev/null; fi ;;
    *-apple-darwin)
      local arch=x86_64
      [[ $t == aarch64-* ]] && arch=arm64
      file "$file" | has "Mach-O 64-bit $arch dynamically linked shared library" || die "python: $t: $(file "$file")"
      [[ "$(llvm-objdump --macho --dylib-id "$file" | tail -n 1)" == @rpath/_speedups.abi3.so ]] ||
        die "python: $t: the install name of $name is not @rpath/_speedups.abi3.so"
      # The libraries it loads (after the file name and its own id): the system's only.
      ! llvm-objdump --macho --dylibs-used "$file" | tail -n +3 | has -v -E '^\s+/usr/lib/|^\s+/System/' ||
        die "python: $t: $name links more than system libraries: $(llvm-objdump --macho --dylibs-used "$file" | tail -n +3)"
      stamped_for_macos "$t" "$file" ;;
    *-windows-*)
      file "$file" | has "PE32+ executable (DLL).*x86-64" || die "python: $t: $(file "$file")"
      llvm-readobj --coff-imports "$file" | grep -i 'Name: python' | has -x '  Name: python3.dll' ||
        die "python: $t: $name does not import python3.dll alone" ;;
  esac
  exports=$(exported_functions "$t" "$file")
  [[ $exports == PyInit__speedups ]] || die "python: $t: $name exports $(echo $exports) instead of PyInit__speedups alone"
  echo "python: $(basename "$wheel"): zego_token/$name exports PyInit__speedups alone, links no libpython"
}

# The manylinux2014_aarch64 wheel's code run on arm64: the binding's tests, through the accelerator
# and through ctypes, by Debian's arm64 CPython under qemu-user (its packages unpacked, not
# installed, into target/dist-tools). Left out: the tests that build the package or start
# interpreters in subprocesses (qemu-user runs one program), and the million-call memory test
# (a minute under emulation; it runs natively in the python suite).
check_python_arm64() {
  local wheel="$dist/python/zego_token-$version-py3-none-manylinux2014_aarch64.whl"
  local minor sysroot="$dist_tools/python-arm64" out="$work/check/python/arm64"
  # The minor version of Debian's own python3 on this machine: its arm64 twin is in the same release.
  minor=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  if [[ ! -x $sysroot/usr/bin/python$minor ]]; then
    unpack_debs arm64 "$sysroot" "python$minor-minimal" "libpython$minor-minimal" "libpython$minor-stdlib" \
      libffi8 zlib1g libexpat1 || die "python: cannot get Debian's arm64 python$minor packages"
  fi
  rm -rf "$out"
  mkdir -p "$out"
  unzip -q "$wheel" -d "$out/wheel"
  # pytest and its dependencies are pure Python: the host's pip fetches them for the same minor version.
  "$dist_tools/bin/python" -m pip install -q --target "$out/pytest" "${python_arm64_test_pins[@]}"
  local speedups
  for speedups in 1 0; do
    (cd bindings/python/tests && qemu-aarch64 -L /usr/aarch64-linux-gnu \
      -E "LD_LIBRARY_PATH=$sysroot/usr/lib/aarch64-linux-gnu:$sysroot/lib/aarch64-linux-gnu" \
      -E "PYTHONHOME=$sysroot/usr" -E "PYTHONPATH=$out/wheel:$out/pytest" -E PYTHONDONTWRITEBYTECODE=1 \
      -E "ZEGO_TOKEN_SPEEDUPS=$speedups" "$sysroot/usr/bin/python$minor" -m pytest -q -p no:cacheprovider \
      --ignore=test_build.py --ignore=test_loading.py -k "not test_a_million_calls and not test_binding_raises_an_audit_event") \
      >"$out/pytest-$speedups.log" 2>&1 || { tail -n 30 "$out/pytest-$speedups.log"; die "python: the aarch64 wheel fails its tests under qemu (ZEGO_TOKEN_SPEEDUPS=$speedups)"; }
    echo "manylinux2014_aarch64 wheel under qemu, python$minor, $([[ $speedups == 1 ]] && echo "through _speedups" || echo "through ctypes"): $(tail -n 1 "$out/pytest-$speedups.log")"
  done
}

# A fresh virtual environment with no cargo on PATH installs the right wheel and works, through the
# accelerator on 3.10 and later; the lowest supported Python does too, through ctypes; a machine
# with cargo builds a working wheel from the sdist.
check_python() {
  local out="$work/check/python" probe
  step "python: installing the packages as users do"
  rm -rf "$out"
  mkdir -p "$out"
  probe='import sys, zego_token
s = "0123456789abcdef0123456789abcdef"
t = zego_token.generate(1234567890, "py-user", s, 3600)
c = zego_token.decode(t, s)
assert c.user_id == "py-user" and c.app_id == 1234567890, c
from zego_token import _fast
assert (_fast.speedups is not None) == (sys.version_info >= (3, 10)), _fast.speedups
print(zego_token.library_version(), sys.version.split()[0], "through", "_speedups" if _fast.speedups else "ctypes")'
  local wheel t
  for t in "${targets[@]}"; do
    wheel="$dist/python/zego_token-$version-py3-none-$(target_field "$t" python).whl"
    [[ -f $wheel ]] || die "python: no wheel for $t"
    check_python_speedups "$wheel" "$t"
  done
  for wheel in "$dist"/python/*manylinux*.whl; do
    "$dist_tools/bin/auditwheel" show "$wheel" >"$out/auditwheel.txt" 2>&1 || { cat "$out/auditwheel.txt"; die "auditwheel refuses $wheel"; }
    local arch=${wheel##*manylinux2014_}
    grep -q "manylinux_2_17_${arch%.whl}" "$out/auditwheel.txt" || { cat "$out/auditwheel.txt"; die "auditwheel: $wheel is not manylinux2014"; }
    echo "auditwheel: $(basename "$wheel") is consistent with manylinux_2_17_${arch%.whl}"
  done
  if [[ -f "$dist/python/zego_token-$version-py3-none-manylinux2014_x86_64.whl" ]]; then
    local interpreter
    for interpreter in python3 "$(lowest_python)"; do
      [[ -n $interpreter ]] || { echo "(python 3.9, the lowest supported, is not installed here: skipped)"; continue; }
      local venv
      venv="$out/venv-$("$interpreter" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
      "$interpreter" -m venv "$venv"
      # No cargo on PATH, no index: only dist/python.
      env -i HOME="$HOME" PATH="$venv/bin:/usr/bin:/bin" sh -c '! command -v cargo' >/dev/null || die "cargo is still on PATH"
      env -i HOME="$HOME" PATH="$venv/bin:/usr/bin:/bin" "$venv/bin/pip" install -q --no-index --find-links "$dist/python" zego-token
      grep -qx "Tag: py3-none-manylinux2014_x86_64" "$venv"/lib/python*/site-packages/zego_token-"$version".dist-info/WHEEL ||
        die "pip did not pick the manylinux2014_x86_64 wheel"
      echo "wheel, no cargo: $(env -i HOME="$HOME" PATH="$venv/bin:/usr/bin:/bin" "$venv/bin/python" -c "$probe") (manylinux2014_x86_64)"
    done
  fi
  if [[ " ${targets[*]} " == *" aarch64-unknown-linux-gnu "* ]]; then check_python_arm64; fi
  local venv="$out/venv-sdist"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --no-binary zego-token "$dist/python/zego_token-$version.tar.gz"
  echo "sdist, built with cargo: $("$venv/bin/python" -c "$probe")"
}
