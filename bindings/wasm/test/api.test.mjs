// The API, the bad-input matrix and the drop-in, through the WebAssembly build; and its parity with
// the Node.js package (the same names, error classes and codes).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import * as z from '../pkg/index.mjs';
import zDefault from '../pkg/index.mjs';
import { SECRET, APP_ID, gcmNonce } from './helpers.mjs';

const require = createRequire(import.meta.url);

test('generate then decode round-trips unicode', () => {
  for (const [user, payload] of [['user_中文_ü', '载荷 ü é 😀 \u2028 end'], ['a"b\\c', '<b>&</b>'], ['😀'.repeat(16), '']]) {
    const c = z.decode(z.generate(APP_ID, user, SECRET, 600, payload), SECRET);
    assert.deepEqual([c.userId, c.payload, c.appId, c.mode, c.expire - c.ctime], [user, payload, APP_ID, 'gcm', 600]);
    assert.equal(c.createdAt.getTime(), c.ctime * 1000);
  }
});

test('a generator generates, decodes and verifies with its key, and can be closed', () => {
  const g = new z.Generator(APP_ID, SECRET);
  const token = g.generate('alice', 3600, z.rtcRoomPayload('room1', { canPublish: true }));
  assert.equal(g.decode(token).userId, 'alice');
  assert.equal(g.verify(token, { userId: 'alice', leeway: 5 }).appId, APP_ID);
  assert.throws(() => g.verify(token, { userId: 'bob' }), (e) => e instanceof z.UserIdMismatchError && e.code === 33);
  assert.equal(String(g), `Generator(appId=${APP_ID}, secret=<redacted>)`);
  g.close();
  g.close();
  assert.throws(() => g.generate('alice', 60), z.InvalidArgumentError);
});

test('verify takes a Date or seconds, leeway and requireGcm', () => {
  const token = z.generate(APP_ID, 'u', SECRET, 60);
  const { ctime } = z.decode(token, SECRET);
  assert.equal(z.verify(token, SECRET, APP_ID, { now: new Date((ctime + 30) * 1000) }).userId, 'u');
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: ctime + 60 }), z.ExpiredTokenError);
  assert.equal(z.verify(token, SECRET, APP_ID, { now: ctime + 60, leeway: 1 }).userId, 'u');
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: ctime - 10 }), z.NotYetValidError);
  assert.equal(z.verify(token, SECRET, APP_ID, { requireGcm: true }).mode, 'gcm');
});

const cases = [
  ['app id 0', { appId: 0 }, z.InvalidAppIdError, 1],
  ['app id above uint32', { appId: 2 ** 32 }, z.InvalidArgumentError, 10],
  ['empty user id', { userId: '' }, z.InvalidUserIdError, 3],
  ['65-byte user id', { userId: 'u'.repeat(65) }, z.InvalidUserIdError, 3],
  ['null user id', { userId: null }, z.NullPointerError, 11],
  ['31-byte secret', { secret: SECRET.slice(0, 31) }, z.InvalidSecretError, 5],
  ['33-byte secret', { secret: SECRET + '0' }, z.InvalidSecretError, 5],
  ['non-ASCII secret of 32 bytes', { secret: 'é'.repeat(16) }, z.InvalidSecretError, 5],
  ['undefined secret', { secret: undefined }, z.NullPointerError, 11],
  ['effective time 0', { ttl: 0 }, z.InvalidEffectiveTimeError, 6],
  ['negative effective time', { ttl: -1 }, z.InvalidEffectiveTimeError, 6],
  ['overflowing effective time', { ttl: 2n ** 63n - 1n }, z.InvalidEffectiveTimeError, 6],
  ['effective time beyond int64', { ttl: 2n ** 64n }, z.InvalidArgumentError, 10],
  ['fractional effective time', { ttl: 1.5 }, z.InvalidArgumentError, 10],
  ['oversized payload', { payload: 'x'.repeat(70000) }, z.PayloadTooLargeError, 7],
  ['NUL in the user id', { userId: 'a\0b' }, z.InvalidArgumentError, 10],
  ['lone surrogate', { userId: '\ud800' }, z.InvalidUtf8Error, 12],
  ['user id not a string', { userId: 5 }, z.InvalidArgumentError, 10],
];

for (const [name, override, Cls, code] of cases) {
  test(`generate rejects: ${name}`, () => {
    const a = { appId: APP_ID, userId: 'u', secret: SECRET, ttl: 3600, payload: '', ...override };
    assert.throws(() => z.generate(a.appId, a.userId, a.secret, a.ttl, a.payload),
      (e) => e instanceof Cls && e.code === code && e instanceof z.ZegoTokenError);
  });
}

test('bad tokens, generators and room ids give their codes', () => {
  const token = z.generate(APP_ID, 'u', SECRET, 3600);
  const tampered = token.slice(0, 40) + (token[40] === 'A' ? 'B' : 'A') + token.slice(41);
  assert.throws(() => z.decode('', SECRET), z.MalformedTokenError);
  assert.throws(() => z.decode(token.slice(0, 30), SECRET), z.MalformedTokenError);
  assert.throws(() => z.decode('03' + token.slice(2), SECRET), z.UnsupportedVersionError);
  assert.throws(() => z.decode(tampered, SECRET), z.AuthenticationError);
  assert.throws(() => z.verify(token, SECRET, 1), z.AppIdMismatchError);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { leeway: -1 }), z.InvalidArgumentError);
  assert.throws(() => z.decode(null, SECRET), z.NullPointerError);
  assert.throws(() => new z.Generator(0, SECRET), z.InvalidAppIdError);
  assert.throws(() => new z.Generator(APP_ID, 'short'), z.InvalidSecretError);
  assert.throws(() => z.rtcRoomPayload(''), z.InvalidRoomIdError);
  assert.throws(() => z.rtcRoomPayload('r', { streamIds: ['s'.repeat(257)] }), z.InvalidStreamIdError);
  assert.throws(() => z.verifyWithAny(token, [], APP_ID), z.InvalidArgumentError);
});

test('the drop-in returns the token, or throws the official { errorCode, errorMessage }', () => {
  assert.ok(z.generateToken04(APP_ID, 'demo', SECRET, 3600).startsWith('04'));
  const thrown = (...args) => { try { z.generateToken04(...args); } catch (e) { return e; } return null; };
  assert.deepEqual(thrown(0, 'demo', SECRET, 3600), { errorCode: 1, errorMessage: 'appID invalid' });
  assert.deepEqual(thrown(APP_ID, '', SECRET, 3600), { errorCode: 3, errorMessage: 'userId invalid' });
  assert.deepEqual(thrown(APP_ID, 'demo', 'short', 3600), { errorCode: 5, errorMessage: 'secret must be a 32 byte string' });
  assert.deepEqual(thrown(APP_ID, 'demo', SECRET, 0), { errorCode: 6, errorMessage: 'effectiveTimeInSeconds invalid' });
  assert.equal(z.ErrorCode.secretInvalid, 5);
});

test('nonces never repeat across 20,000 tokens (crypto.getRandomValues)', () => {
  const g = new z.Generator(APP_ID, SECRET);
  const seen = new Set();
  for (let i = 0; i < 20000; i++) seen.add(gcmNonce(g.generate('u', 60)));
  assert.equal(seen.size, 20000);
  g.close();
});

test('the same API as the Node.js package: names, error classes and codes, declarations', () => {
  const node = require('../../node/index.js');
  assert.deepEqual(Object.keys(z).filter((k) => k !== 'default').sort(), Object.keys(node).sort());
  for (const [name, value] of Object.entries(node)) {
    if (typeof value === 'function' && value.prototype instanceof node.ZegoTokenError) {
      assert.equal(z[name].code, value.code, name);
      assert.equal(z[name], z[value.name], `${name} is ${value.name} in both`); // deprecated aliases are the same class
      assert.equal(new z[name]('m', value.code).name, value.name);
    }
  }
  assert.deepEqual(z.ErrorCode, node.ErrorCode);
  assert.equal(zDefault.generate, z.generate);
  assert.equal(z.libraryVersion(), node.libraryVersion());
  for (let code = 0; code <= 41; code++) assert.equal(z.message(code), node.message(code), `message ${code}`);
  const types = fs.readFileSync(new URL('../pkg/types.d.ts', import.meta.url), 'utf8');
  assert.equal(types, fs.readFileSync(new URL('../../node/index.d.ts', import.meta.url), 'utf8'));
});

test('tokens made by the WebAssembly build and by the native library read each other', () => {
  const node = require('../../node/index.js');
  assert.equal(node.decode(z.generate(APP_ID, 'w', SECRET, 60), SECRET).userId, 'w');
  assert.equal(z.decode(node.generate(APP_ID, 'n', SECRET, 60), SECRET).userId, 'n');
});

test('text longer than the core accepts is refused before it crosses into WebAssembly memory', async () => {
  const { default: init } = await import('../pkg/zego_token_wasm.js');
  const memory = (await init()).memory; // already instantiated: the same instance's exports
  const before = memory.buffer.byteLength;
  const huge = 'a'.repeat(2 ** 28); // 256 MiB of text: copying it would grow the memory for good
  const expectCode = (fn, cls, code) => assert.throws(fn, (e) => e instanceof cls && e.code === code);
  expectCode(() => z.generate(APP_ID, huge, SECRET), z.InvalidUserIdError, 3);
  expectCode(() => z.generate(0, huge, SECRET), z.InvalidAppIdError, 1); // the core's order still holds
  expectCode(() => z.generate(APP_ID, 'u', huge), z.InvalidSecretError, 5);
  expectCode(() => z.generate(APP_ID, 'u', SECRET, 0, huge), z.InvalidEffectiveTimeError, 6);
  expectCode(() => z.generate(APP_ID, 'u', SECRET, 60, huge), z.PayloadTooLargeError, 7);
  expectCode(() => z.decode(huge, SECRET), z.MalformedTokenError, 20);
  expectCode(() => z.decode('04AAAA', huge), z.InvalidSecretError, 5);
  expectCode(() => z.verifyWithAny(huge, [SECRET], APP_ID), z.MalformedTokenError, 20);
  const g = new z.Generator(APP_ID, SECRET);
  expectCode(() => g.generate(huge), z.InvalidUserIdError, 3);
  expectCode(() => g.generate('u', 60, huge), z.PayloadTooLargeError, 7);
  expectCode(() => g.decode(huge), z.MalformedTokenError, 20);
  expectCode(() => g.verify(huge), z.MalformedTokenError, 20);
  expectCode(() => new z.Generator(APP_ID, huge), z.InvalidSecretError, 5);
  g.close();
  assert.ok(memory.buffer.byteLength - before < 2 ** 20, `memory grew by ${memory.buffer.byteLength - before} bytes`);
});
