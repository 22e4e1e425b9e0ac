'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const z = require('..');
const { SECRET, APP_ID } = require('./helpers');

test('generate then decode round-trips unicode user ids and payloads', () => {
  for (const [userId, payload] of [['user_中文_ü', '载荷 ü é 😀 \u2028 end'], ['a"b\\c', '<b>&</b>'], ['😀'.repeat(16), '']]) {
    const c = z.decode(z.generate(APP_ID, userId, SECRET, 600, payload), SECRET);
    assert.deepEqual([c.userId, c.payload, c.appId, c.mode, c.expire - c.ctime], [userId, payload, APP_ID, 'gcm', 600]);
  }
});

test('claims are frozen', () => {
  const c = z.decode(z.generate(APP_ID, 'u', SECRET), SECRET);
  assert.ok(Object.isFrozen(c));
});

test('a generator is reusable, hides its secret and closes twice', () => {
  const g = new z.Generator(APP_ID, SECRET);
  assert.equal(z.decode(g.generate('u', 60), SECRET).userId, 'u');
  assert.ok(!String(g).includes(SECRET));
  g.close();
  g.close();
  assert.throws(() => g.generate('u', 60), z.InvalidArgumentError);
});

test('a privilege token carries its payload', () => {
  const payload = z.rtcRoomPayload('room1', { canLogin: true, canPublish: true, streamIds: ['s1', 's2'] });
  const token = z.generate(APP_ID, 'u', SECRET, 3600, payload);
  assert.equal(z.decode(token, SECRET).payload, '{"room_id":"room1","privilege":{"1":1,"2":1},"stream_id_list":["s1","s2"]}');
});

test('verify checks time and app id', () => {
  const token = z.generate(APP_ID, 'u', SECRET, 60);
  assert.equal(z.verify(token, SECRET, APP_ID).userId, 'u');
  const now = Math.floor(Date.now() / 1000);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: now + 120 }), z.ExpiredTokenError);
  assert.equal(z.verify(token, SECRET, APP_ID, { now: now + 65, leeway: 30 }).userId, 'u');
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: now - 3600 }), z.NotYetValidError);
  assert.throws(() => z.verify(token, SECRET, APP_ID + 1), (e) => e instanceof z.AppIdMismatchError && e.code === 32);
});

test('the library and its ABI are reported', () => {
  assert.equal(z.libraryVersion(), require('../package.json').version);
  assert.equal(z.ABI_VERSION, 1);
  assert.equal(z.message(30), 'token has expired');
});

test('the type declarations name exactly what the module exports', async () => {
  const fs = require('node:fs');
  const path = require('node:path');
  const declared = (file) =>
    [...fs.readFileSync(path.join(__dirname, '..', file), 'utf8').matchAll(/^export (?:declare )?(?:const|function|class) (\w+)/gm)]
      .map((m) => m[1])
      .sort();
  const cjs = require('..');
  assert.deepEqual(declared('index.d.ts'), [...new Set(declared('index.d.ts'))], 'each name once');
  assert.deepEqual(declared('index.d.ts'), Object.keys(cjs).sort());
  const esm = await import('../index.mjs');
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), Object.keys(cjs).sort());
  assert.match(fs.readFileSync(path.join(__dirname, '..', 'index.d.mts'), 'utf8'), /^export default zegoToken;$/m);
  assert.equal(esm.default, cjs);
  if (typeof Symbol.dispose === 'symbol') {
    assert.equal(typeof cjs.Generator.prototype[Symbol.dispose], 'function');
    // Declared through Symbol.dispose's type where the lib has it (see test/types.test.js).
    assert.match(fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8'),
      /^export interface Generator extends Record<DisposeSymbol, \(\) => void> \{\}$/m);
  }
});

const officialCbc = () => require('./helpers').vectors('official-tokens.jsonl').find((r) => r.format === 'cbc');

test('verify reports a legacy token and accepts it by default', () => {
  const row = officialCbc();
  const c = z.verify(row.token, row.secret, row.claims.app_id, { now: row.claims.ctime });
  assert.equal(c.mode, 'cbc');
});

test('verify with requireGcm refuses a legacy token with code 22', () => {
  const row = officialCbc();
  assert.throws(
    () => z.verify(row.token, row.secret, row.claims.app_id, { now: row.claims.ctime, requireGcm: true }),
    (e) => e instanceof z.UnsupportedModeError && e.code === 22
  );
});

test('verify with requireGcm accepts a current token and returns every claim', () => {
  const token = z.generate(APP_ID, '用户x', SECRET, 600, '{"a":1}');
  const c = z.verify(token, SECRET, APP_ID, { leeway: 5, requireGcm: true });
  assert.deepEqual([c.appId, c.userId, c.payload, c.mode, c.expire - c.ctime], [APP_ID, '用户x', '{"a":1}', 'gcm', 600]);
  assert.deepEqual(c, z.decode(token, SECRET), 'the same claims as decode');
  assert.throws(() => z.verify(token, SECRET, APP_ID + 1, { requireGcm: true }), z.AppIdMismatchError);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { leeway: -1, requireGcm: true }), z.InvalidArgumentError);
});

test('error classes take their names from the C ones and keep their first names as aliases', () => {
  for (const [name, alias, code] of [['MalformedError', 'MalformedTokenError', 20], ['AuthFailedError', 'AuthenticationError', 23],
    ['ExpiredError', 'ExpiredTokenError', 30], ['PanicError', 'InternalError', 41]]) {
    assert.equal(z[name].code, code);
    assert.equal(z[alias], z[name], `${alias} is ${name}`);
  }
  assert.throws(() => z.decode(z.generate(1, 'u', '0123456789abcdef0123456789abcdef'), 'fedcba9876543210fedcba9876543210'),
    (e) => e instanceof z.AuthFailedError && e.name === 'AuthFailedError' && e instanceof z.AuthenticationError);
});
