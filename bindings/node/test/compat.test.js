'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const z = require('..');
const { SECRET, APP_ID } = require('./helpers');

test('generateToken04 returns the token, like the official module', () => {
  const token = z.generateToken04(APP_ID, 'demo', SECRET, 3600, '');
  assert.equal(z.decode(token, SECRET).userId, 'demo');
  assert.equal(typeof z.generateToken04(APP_ID, 'demo', SECRET, 3600), 'string');
});

const failures = [
  [[0, 'demo', SECRET, 3600], z.ErrorCode.appIDInvalid],
  [['1', 'demo', SECRET, 3600], z.ErrorCode.appIDInvalid],
  [[1.5, 'demo', SECRET, 3600], z.ErrorCode.appIDInvalid],
  [[APP_ID, '', SECRET, 3600], z.ErrorCode.userIDInvalid],
  [[APP_ID, 'u'.repeat(65), SECRET, 3600], z.ErrorCode.userIDInvalid],
  [[APP_ID, 'demo', 'short', 3600], z.ErrorCode.secretInvalid],
  [[APP_ID, 'demo', SECRET, 0], z.ErrorCode.effectiveTimeInSecondsInvalid],
  [[APP_ID, 'demo', SECRET, -5], z.ErrorCode.effectiveTimeInSecondsInvalid],
  [[APP_ID, 'demo', SECRET, '3600'], z.ErrorCode.effectiveTimeInSecondsInvalid],
  [[APP_ID, 'demo', SECRET, 3600, 'x'.repeat(70000)], 7],
];

// The official module's messages, word for word.
const OFFICIAL_MESSAGES = {
  1: 'appID invalid',
  3: 'userId invalid',
  5: 'secret must be a 32 byte string',
  6: 'effectiveTimeInSeconds invalid',
};

for (const [args, code] of failures) {
  test(`generateToken04 throws { errorCode: ${code}, errorMessage } for ${JSON.stringify(args).slice(0, 60)}`, () => {
    assert.throws(
      () => z.generateToken04(...args),
      (e) =>
        Object.keys(e).sort().join() === 'errorCode,errorMessage' &&
        e.errorCode === code &&
        e.errorMessage === (OFFICIAL_MESSAGES[code] ?? z.message(code))
    );
  });
}

test('generateToken04 never logs the plaintext', () => {
  const original = console.log;
  const lines = [];
  console.log = (...a) => lines.push(a);
  try {
    z.generateToken04(APP_ID, 'demo', SECRET, 3600, '');
  } finally {
    console.log = original;
  }
  assert.deepEqual(lines, []);
});
