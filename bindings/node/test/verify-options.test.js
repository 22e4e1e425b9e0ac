'use strict';
// verify's options: key rotation, expected user id, Dates, the generator's decode/verify.
const test = require('node:test');
const assert = require('node:assert/strict');
const z = require('..');
const { SECRET, APP_ID } = require('./helpers');

const OTHER = 'fedcba9876543210fedcba9876543210';

test('verifyWithAny returns the index of the matching secret', () => {
  const token = z.generate(APP_ID, 'u', SECRET, 60);
  const { claims, secretIndex: index } = z.verifyWithAny(token, [OTHER, SECRET], APP_ID);
  assert.deepEqual([claims.userId, index], ['u', 1]);
  assert.throws(() => z.verifyWithAny(token, [OTHER], APP_ID), z.AuthenticationError);
  assert.throws(() => z.verifyWithAny(token, [], APP_ID), z.InvalidArgumentError);
  assert.throws(() => z.verifyWithAny(token, SECRET, APP_ID), TypeError);
});

test('verify checks the expected user id with code 33', () => {
  const token = z.generate(APP_ID, 'alice', SECRET, 60);
  assert.equal(z.verify(token, SECRET, APP_ID, { userId: 'alice' }).userId, 'alice');
  assert.throws(() => z.verify(token, SECRET, APP_ID, { userId: 'bob' }), (e) => e instanceof z.UserIdMismatchError && e.code === 33);
});

test('verify takes a Date for now; claims carry Dates', () => {
  const token = z.generate(APP_ID, 'u', SECRET, 60);
  const c = z.decode(token, SECRET);
  assert.equal(c.expiresAt.getTime(), c.expire * 1000);
  assert.equal(c.expiresAt - c.createdAt, 60_000);
  const after = new Date((c.expire + 5) * 1000);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: after }), z.ExpiredTokenError);
  assert.deepEqual(z.verify(token, SECRET, APP_ID, { now: after, leeway: 10 }), c);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: new Date(NaN) }), z.InvalidArgumentError);
  assert.throws(() => z.verify(token, SECRET, APP_ID, { now: 0 }), z.NotYetValidError, 'the epoch is a time like any other');
});

test('a generator decodes and verifies with its key', () => {
  const g = new z.Generator(APP_ID, SECRET);
  const token = g.generate('u', 60);
  assert.equal(g.decode(token).userId, 'u');
  assert.equal(g.verify(token, { leeway: 5, userId: 'u', requireGcm: true }).userId, 'u');
  assert.throws(() => g.verify(token, { userId: 'v' }), z.UserIdMismatchError);
  const other = new z.Generator(APP_ID + 1, SECRET);
  assert.throws(() => other.verify(token), z.AppIdMismatchError);
  other.close();
  g.close();
  assert.throws(() => g.decode(token), z.InvalidArgumentError);
});

test('verifyWithAny names the matched secret secretIndex, with index as its deprecated alias', () => {
  const token = z.generate(APP_ID, 'u', SECRET, 60);
  const result = z.verifyWithAny(token, [OTHER, SECRET], APP_ID);
  assert.equal(result.secretIndex, 1);
  assert.equal(result.index, 1);
  assert.deepEqual(Object.keys(result), ['claims', 'secretIndex']);
});
