'use strict';
// Copies the native library built by `cargo build --release` (target/release at the repository
// root) into prebuilds/<platform>-<arch>/, where the package loads it from. Run by `npm run build`
// and before `npm pack`. Builds it first when it is missing and cargo is available.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const name = { darwin: 'libzego_token.dylib', win32: 'zego_token.dll' }[process.platform] || 'libzego_token.so';
const built = path.join(root, 'target', 'release', name);

if (!fs.existsSync(built)) {
  execFileSync('cargo', ['build', '--release', '--manifest-path', path.join(root, 'Cargo.toml'), '-p', 'zego-token-ffi'], {
    stdio: 'inherit',
  });
}
const dir = path.join(__dirname, '..', 'prebuilds', `${process.platform}-${process.arch}`);
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(built, path.join(dir, name));
console.log(`bundled ${built} -> ${path.relative(process.cwd(), path.join(dir, name))}`);
