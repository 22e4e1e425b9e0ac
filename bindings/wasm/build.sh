#!/usr/bin/env bash
# Builds the npm package zego-token-wasm into bindings/wasm/pkg: the core compiled to
# wasm32-unknown-unknown, wasm-bindgen's glue (--target web), the JavaScript API (js/) and the
# Node.js binding's type declarations. Installs what is missing: the wasm32 target (rustup) and the
# wasm-bindgen CLI of exactly the version Cargo.toml pins (cargo install).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' "$here/Cargo.toml")
out="$here/pkg"

rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null || rustup target add wasm32-unknown-unknown
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]]; then
  echo "installing wasm-bindgen-cli $version (the version of the wasm-bindgen crate)"
  # A debug build of the tool compiles in half the time and post-processes one file in a blink.
  cargo install -q --debug wasm-bindgen-cli --version "=$version"
fi

# The same module from the same commit, whichever folder the checkout is in:
# - no path of this machine in it (panic locations): the same prefixes as scripts/dist's;
# - cargo hashes the absolute path of a path dependency outside the workspace (the core, ../../core)
#   into its symbol names, which order the module's functions: so the build goes through a fixed
#   path, a link to this checkout (one build at a time holds it).
fixed=/tmp/zego-token-source
exec 9>"$fixed.lock"
flock 9
ln -sfn "$root" "$fixed"
remap="--remap-path-prefix=$fixed=/zego-token --remap-path-prefix=$root=/zego-token"
remap+=" --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=${RUSTUP_HOME:-$HOME/.rustup}=/rustup"
RUSTFLAGS="${RUSTFLAGS:-} $remap" cargo build -q --release --locked --target wasm32-unknown-unknown \
  --manifest-path "$fixed/bindings/wasm/Cargo.toml" --target-dir "$here/target"
rm -f "$fixed"
exec 9>&-
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out" --out-name zego_token_wasm \
  "$here/target/wasm32-unknown-unknown/release/zego_token_wasm.wasm"
cp "$here"/js/*.mjs "$out/"
cp "$root/bindings/node/index.d.ts" "$out/types.d.ts" # the same API, the same declarations
cat >"$out/index.d.ts" <<'TS'
// The same API as the Node.js package zego-token (types.d.ts is its index.d.ts), plus the whole
// module as the default export.
import * as zegoToken from './types.js';

export * from './types.js';
export default zegoToken;
TS
cp "$here/README.md" "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$out/"
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1) python3 - "$here/package.json" "$out/package.json" <<'PY'
import json, os, sys
package = json.load(open(sys.argv[1]))
if package["version"] != os.environ["VERSION"]:
    sys.exit(f"bindings/wasm/package.json says {package['version']}, the workspace {os.environ['VERSION']}")
package.pop("scripts", None)
package.pop("devDependencies", None)
open(sys.argv[2], "w").write(json.dumps(package, indent=2) + "\n")
PY
wasm="$out/zego_token_wasm_bg.wasm"
echo "bindings/wasm/pkg: $(wc -c <"$wasm") bytes of WebAssembly, $(gzip -9 -c "$wasm" | wc -c) gzipped"
