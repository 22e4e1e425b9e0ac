'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE = path.join(__dirname, '..');
const ROOT = path.join(PACKAGE, '..', '..');

function load(env) {
  return spawnSync(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('..'))})`], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

test('an explicit ZEGO_TOKEN_LIB that does not load is a clear error naming it', () => {
  const r = load({ ZEGO_TOKEN_LIB: '/nonexistent/libzego_token.so' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /ZEGO_TOKEN_LIB \(\/nonexistent\/libzego_token\.so\)/);
});

test('a library of another ABI is refused with what to rebuild', () => {
  const r = load({ ZEGO_TOKEN_LIB: 'libc.so.6' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /C ABI version null.*rebuild/);
});

test('a system library installed under its SONAME only is loaded', { skip: process.platform !== 'linux' }, () => {
  // A runtime install has libzego_token.so.1 and no libzego_token.so link: a copy of the package
  // without its prebuilds must still find it through the system loader.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zego-token-soname-'));
  try {
    const copy = path.join(tmp, 'zego-token');
    for (const entry of ['package.json', 'index.js', 'lib']) {
      fs.cpSync(path.join(PACKAGE, entry), path.join(copy, entry), { recursive: true });
    }
    fs.mkdirSync(path.join(tmp, 'lib'));
    fs.copyFileSync(path.join(ROOT, 'target', 'release', 'libzego_token.so'), path.join(tmp, 'lib', 'libzego_token.so.1'));
    const env = { ...process.env, NODE_PATH: path.join(PACKAGE, 'node_modules'), LD_LIBRARY_PATH: path.join(tmp, 'lib') };
    delete env.ZEGO_TOKEN_LIB;
    const r = spawnSync(process.execPath, ['-e', `console.log(require(${JSON.stringify(copy)}).libraryVersion())`], {
      env,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), require('../package.json').version);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('this machine is linux-x64 with glibc, whose platform package exists', { skip: process.platform !== 'linux' || process.arch !== 'x64' }, () => {
  const { PLATFORM_PACKAGES, platformKey } = require('../lib/platform');
  assert.equal(platformKey(), 'linux-x64-gnu');
  assert.equal(PLATFORM_PACKAGES[platformKey()], '@zego-token/linux-x64-gnu');
});

test('an unsupported platform gets one clear error naming it and the packages that exist', () => {
  const env = { ...process.env };
  delete env.ZEGO_TOKEN_LIB;
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      // koffi picks its own native module by process.arch: load it first, then pretend.
      `require(${JSON.stringify(require.resolve('koffi'))}); Object.defineProperty(process, 'arch', { value: 'riscv64' }); ` +
        `require(${JSON.stringify(require.resolve('..'))})`,
    ],
    { env, encoding: 'utf8' }
  );
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no native library for this platform \([a-z0-9]+-riscv64[a-z-]*\); packages exist for linux-x64-gnu, linux-arm64-gnu, linux-x64-musl, linux-arm64-musl, darwin-x64, darwin-arm64, win32-x64/);
  assert.match(r.stderr, /ZEGO_TOKEN_LIB/);
});
