'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const z = require('..');
const { SECRET, APP_ID } = require('./helpers');

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
    assert.throws(() => z.generate(a.appId, a.userId, a.secret, a.ttl, a.payload), (e) => e instanceof Cls && e.code === code && e instanceof z.ZegoTokenError);
  });
}

test('generator, room and stream ids are checked', () => {
  assert.throws(() => new z.Generator(0, SECRET), z.InvalidAppIdError);
  assert.throws(() => new z.Generator(APP_ID, 'short'), z.InvalidSecretError);
  assert.throws(() => z.rtcRoomPayload(''), z.InvalidRoomIdError);
  assert.throws(() => z.rtcRoomPayload('r'.repeat(129)), z.InvalidRoomIdError);
  assert.throws(() => z.rtcRoomPayload('r', { streamIds: ['s'.repeat(257)] }), z.InvalidStreamIdError);
});

test('bad tokens give their codes', () => {
  const token = z.generate(APP_ID, 'u', SECRET, 3600);
  const tampered = token.slice(0, 40) + (token[40] === 'A' ? 'B' : 'A') + token.slice(41);
  assert.throws(() => z.decode('', SECRET), z.MalformedTokenError);
  assert.throws(() => z.decode(token.slice(0, 30), SECRET), z.MalformedTokenError);
  assert.throws(() => z.decode('03' + token.slice(2), SECRET), z.UnsupportedVersionError);
  assert.throws(() => z.decode(tampered, SECRET), z.AuthenticationError);
  assert.throws(() => z.decode(token, 'fedcba9876543210fedcba9876543210'), z.AuthenticationError);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: 2 ** 52 }), z.ExpiredTokenError);
  assert.throws(() => z.verify(token, SECRET, 1), z.AppIdMismatchError);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { leeway: -1 }), z.InvalidArgumentError);
  assert.throws(() => z.decode(null, SECRET), z.NullPointerError);
});
