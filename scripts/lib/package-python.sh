# Sourced by scripts/dist: the Python package in dist/python, one wheel per target and an sdist.
#
# The package is pure Python over ctypes, so each wheel is tagged py3-none-<platform>: a pure wheel
# is built once, then unpacked, given the target's release library and the platform tag, and packed
# again. The sdist carries the packaged Rust crates (rust/), so that a wheel builds from it anywhere
# cargo runs. Uses scripts/dist's variables ($version, $work, $dist, $root) and functions.
# shellcheck shell=bash

python_tools_pins=(wheel==0.45.1 build==1.2.2.post1 auditwheel==6.8.2)

package_python() { # TARGETS...
  local py="$root/target/dist-tools/bin/python" out="$work/python" t
  step "python: wheels and sdist"
  "$py" -m pip install -q "${python_tools_pins[@]}"
  rm -rf "$out" "$dist/python"
  mkdir -p "$out" "$dist/python"
  # A copy of the package alone, so that nothing built in the source folder leaks in.
  cp -rL bindings/python "$out/src"
  rm -rf "$out/src/build" "$out/src/dist" "$out/src"/src/*.egg-info
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

# A fresh virtual environment with no cargo on PATH installs the right wheel and works; the
# lowest supported Python does too; a machine with cargo builds a working wheel from the sdist.
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
print(zego_token.library_version(), sys.version.split()[0])'
  local wheel
  for wheel in "$dist"/python/*manylinux*.whl; do
    "$root/target/dist-tools/bin/auditwheel" show "$wheel" >"$out/auditwheel.txt" 2>&1 || { cat "$out/auditwheel.txt"; die "auditwheel refuses $wheel"; }
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
  local venv="$out/venv-sdist"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --no-binary zego-token "$dist/python/zego_token-$version.tar.gz"
  echo "sdist, built with cargo: $("$venv/bin/python" -c "$probe")"
}
