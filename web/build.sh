#!/usr/bin/env bash
# Builds the Token Inspector: one self-contained HTML file, web/dist/zego-token-inspector.html,
# with the core as WebAssembly (bindings/wasm built for a classic script, wasm-bindgen
# --target no-modules) and every script and style inline, allowed by hash in its
# Content-Security-Policy. Open the file in a browser, or host it as a static file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
wasm="$root/bindings/wasm"
out="$here/dist"
"$wasm/build.sh" >/dev/null # the wasm32 target and the pinned wasm-bindgen CLI, and the npm package
# The same crate with inspect() (its feature "inspector"), in a target directory of its own.
(cd "$wasm" && cargo build -q --release --locked --target wasm32-unknown-unknown --features inspector \
  --target-dir "$root/target/inspector")
rm -rf "$out" && mkdir -p "$out/glue"
wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out/glue" --out-name zego_token_wasm "$root/target/inspector/wasm32-unknown-unknown/release/zego_token_wasm.wasm"
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1) python3 - "$here" "$out" <<'PY'
import base64, hashlib, os, sys
here, out = sys.argv[1], sys.argv[2]
read = lambda path: open(path, encoding="utf-8").read()
sha = lambda text: "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
glue = read(os.path.join(out, "glue", "zego_token_wasm.js"))
wasm = open(os.path.join(out, "glue", "zego_token_wasm_bg.wasm"), "rb").read()
wasm_bytes = 'var ZEGO_TOKEN_WASM_BASE64 = "' + base64.b64encode(wasm).decode() + '";'
inspector = read(os.path.join(here, "inspector.js"))
style = read(os.path.join(here, "inspector.css"))
for text in (glue, wasm_bytes, inspector):
    assert "</script" not in text.lower(), "a script would end its element early"
page = read(os.path.join(here, "inspector.html"))
page = page.replace("%SCRIPT_HASHES%", " ".join(sha(t) for t in (glue, wasm_bytes, inspector)))
page = page.replace("%STYLE_HASH%", sha(style)).replace("%VERSION%", os.environ["VERSION"])
page = page.replace("%STYLE%", style).replace("%WASM_GLUE%", glue).replace("%WASM_BYTES%", wasm_bytes)
page = page.replace("%INSPECTOR%", inspector)
open(os.path.join(out, "zego-token-inspector.html"), "w", encoding="utf-8").write(page)
PY
rm -rf "$out/glue"
echo "web/dist/zego-token-inspector.html: $(wc -c <"$out/zego-token-inspector.html") bytes"
