'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');

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
