# Sourced by scripts/dist: the Node.js packages in dist/npm, the way esbuild and @swc/core ship: the
# main package zego-token, and one package per platform (@zego-token/<platform>) holding that
# platform's library, with os, cpu and libc fields so that npm installs only the one that matches.
# The main package lists them all as optionalDependencies and loads the one installed
# (bindings/node/lib/platform.js). Uses scripts/dist's variables and functions.
# shellcheck shell=bash

# The newest verdaccio that runs on Node.js 20 (6.9 and later need Node.js 22).
verdaccio_version=6.8.0

package_npm() { # TARGETS...
  local out="$work/npm" t keys=()
  step "npm: the main package and one package per platform"
  command -v npm >/dev/null || die "npm is needed to pack the Node.js packages"
  rm -rf "$out" "$dist/npm"
  mkdir -p "$out/main" "$dist/npm"
  for t in "$@"; do keys+=("$(target_field "$t" npm)"); done

  for t in "$@"; do
    local key library name dir
    key=$(target_field "$t" npm)
    read -r library name <<<"$(native_library_of "$t")"
    dir="$out/platform-$key"
    mkdir -p "$dir"
    cp "$library" "$dir/$name"
    cp LICENSE-MIT LICENSE-APACHE "$dir/"
    printf '# @zego-token/%s\n\nThe native library of [zego-token](https://www.npmjs.com/package/zego-token) for %s.\nInstall `zego-token`, not this package: npm picks this one on %s by itself.\n' \
      "$key" "$(target_field "$t" platform)" "$(target_field "$t" platform)" >"$dir/README.md"
    KEY="$key" FILE="$name" VERSION="$version" DIR="$dir" node -e '
      const fs = require("fs");
      const [os, cpu, libc] = process.env.KEY.split("-");
      const main = require(process.cwd() + "/bindings/node/package.json");
      const pkg = {
        name: `@zego-token/${process.env.KEY}`,
        version: process.env.VERSION,
        description: `The native library of zego-token for ${process.env.KEY}`,
        license: main.license, author: main.author, repository: main.repository, homepage: main.homepage,
        os: [os], cpu: [cpu], ...(libc ? { libc: [libc === "gnu" ? "glibc" : "musl"] } : {}),
        files: [process.env.FILE, "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
        preferUnplugged: true,
      };
      fs.writeFileSync(`${process.env.DIR}/package.json`, JSON.stringify(pkg, null, 2) + "\n");'
    (cd "$dir" && npm pack -q --ignore-scripts --pack-destination "$dist/npm" >/dev/null)
    echo "dist/npm/zego-token-$key-$version.tgz"
  done

  # The main package: the binding without the build scripts, depending on the platform packages.
  cp -L bindings/node/{index.js,index.mjs,index.d.ts,index.d.mts,README.md,LICENSE-MIT,LICENSE-APACHE,package.json} "$out/main/"
  cp -r bindings/node/lib "$out/main/lib"
  KEYS="${keys[*]}" VERSION="$version" DIR="$out/main" node -e '
    const fs = require("fs");
    const file = `${process.env.DIR}/package.json`;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    if (pkg.version !== process.env.VERSION) throw new Error(`package.json says ${pkg.version}, the workspace ${process.env.VERSION}`);
    delete pkg.scripts;
    delete pkg.devDependencies;
    pkg.files = pkg.files.filter((f) => f !== "prebuilds/");
    pkg.optionalDependencies = Object.fromEntries(process.env.KEYS.split(" ").map((k) => [`@zego-token/${k}`, pkg.version]));
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");'
  (cd "$out/main" && npm pack -q --ignore-scripts --pack-destination "$dist/npm" >/dev/null)
  echo "dist/npm/zego-token-$version.tgz"

  # The WebAssembly package, one for every platform (bindings/wasm/build.sh).
  bindings/wasm/build.sh >"$work/npm/wasm-build.log" 2>&1 || { cat "$work/npm/wasm-build.log"; die "npm: the WebAssembly build failed"; }
  (cd bindings/wasm/pkg && npm pack -q --ignore-scripts --pack-destination "$dist/npm" >/dev/null)
  echo "dist/npm/zego-token-wasm-$version.tgz: $(tail -n 1 "$work/npm/wasm-build.log" | sed 's/^bindings\/wasm\/pkg: //')"
}

# Publishes dist/npm to a verdaccio registry on 127.0.0.1 and installs zego-token from it into a
# fresh project with no cargo on PATH: require() and import work, with the linux-x64-gnu package;
# then zego-token-wasm, imported as an ES module.
check_npm() {
  local out="$work/check/npm" tools="$dist_tools/verdaccio" port=$((40000 + RANDOM % 20000))
  local registry="http://127.0.0.1:$port"
  step "npm: publishing to verdaccio on 127.0.0.1:$port and installing from it"
  rm -rf "$out"
  mkdir -p "$out/storage" "$out/project" "$tools"
  if [[ "$(node -p "require(\"$tools/node_modules/verdaccio/package.json\").version" 2>/dev/null)" != "$verdaccio_version" ]]; then
    # verdaccio's node-fetch dependency asks for a dist-tag this registry lacks: pin it.
    printf '{"private":true,"overrides":{"node-fetch":"2.7.0"}}\n' >"$tools/package.json"
    (cd "$tools" && npm install --loglevel=error --no-audit --no-fund "verdaccio@$verdaccio_version" >/dev/null)
  fi
  cat >"$out/config.yaml" <<EOF
storage: $out/storage
auth:
  htpasswd:
    file: $out/htpasswd
uplinks:
  npmjs:
    url: $(npm config get registry 2>/dev/null)
packages:
  'zego-token':
    access: \$all
    publish: \$authenticated
  '@zego-token/*':
    access: \$all
    publish: \$authenticated
  'zego-token-wasm':
    access: \$all
    publish: \$authenticated
  '**':
    access: \$all
    proxy: npmjs
log: { type: stdout, format: pretty, level: warn }
EOF
  "$tools/node_modules/.bin/verdaccio" --config "$out/config.yaml" --listen "127.0.0.1:$port" >"$out/verdaccio.log" 2>&1 &
  local verdaccio_pid=$!
  # shellcheck disable=SC2064
  trap "kill $verdaccio_pid 2>/dev/null" EXIT
  local i
  for i in $(seq 1 60); do curl -sf "$registry/-/ping" >/dev/null && break; sleep 0.5; done
  curl -sf "$registry/-/ping" >/dev/null || { cat "$out/verdaccio.log"; die "verdaccio did not start"; }
  # A user for publishing (the registry's own API, as npm adduser uses it).
  local token
  token=$(curl -sf -X PUT -H 'content-type: application/json' "$registry/-/user/org.couchdb.user:dist" \
    -d '{"name":"dist","password":"dist-check-only"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
  printf 'registry=%s\n//127.0.0.1:%s/:_authToken=%s\n' "$registry" "$port" "$token" >"$out/npmrc"
  local tgz
  for tgz in "$dist"/npm/*.tgz; do
    npm publish -q --userconfig "$out/npmrc" "$tgz" >/dev/null 2>"$out/publish.log" || { cat "$out/publish.log"; die "npm publish $tgz failed"; }
  done
  echo "published $(ls "$dist"/npm/*.tgz | wc -l) packages"

  # A fresh project, no cargo on PATH, no ZEGO_TOKEN_LIB.
  (
    cd "$out/project"
    PATH=$(path_without_cargo) || exit 1
    unset ZEGO_TOKEN_LIB
    printf '{"name":"consumer","version":"1.0.0","private":true}\n' >package.json
    npm install -q --no-audit --no-fund --userconfig "$out/npmrc" zego-token >/dev/null
    [[ -d node_modules/@zego-token/linux-x64-gnu ]] || die "npm did not install @zego-token/linux-x64-gnu"
    [[ ! -e node_modules/@zego-token/linux-x64-musl ]] || die "npm installed the musl package on glibc"
    node -e '
      const z = require("zego-token");
      const s = "0123456789abcdef0123456789abcdef";
      const c = z.decode(z.generate(1234567890, "npm-user", s, 3600), s);
      if (c.userId !== "npm-user") throw new Error(JSON.stringify(c));
      console.log(`require: ${z.libraryVersion()}`);'
    printf '%s\n' 'import { generate, decode, libraryVersion } from "zego-token";' \
      'const s = "0123456789abcdef0123456789abcdef";' \
      'if (decode(generate(1234567890, "esm-user", s, 3600), s).userId !== "esm-user") throw new Error("esm");' \
      'console.log(`import: ${libraryVersion()}`);' >esm.mjs
    node esm.mjs
    # The WebAssembly package, from the same registry, imported as an ES module.
    npm install -q --no-audit --no-fund --userconfig "$out/npmrc" zego-token-wasm >/dev/null
    printf '%s\n' 'import { generate, decode, libraryVersion } from "zego-token-wasm";' \
      'const s = "0123456789abcdef0123456789abcdef";' \
      'if (decode(generate(1234567890, "wasm-user", s, 3600), s).userId !== "wasm-user") throw new Error("wasm");' \
      'console.log(`zego-token-wasm: ${libraryVersion()}`);' >wasm.mjs
    node wasm.mjs
  ) || die "installing zego-token from the registry failed"
  echo "installed: $(cd "$out/project" && ls -d node_modules/@zego-token/* | sed 's|node_modules/||' | paste -sd' ')"
  kill "$verdaccio_pid" 2>/dev/null
  trap - EXIT
}
