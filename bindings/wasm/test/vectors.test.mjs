// The shared vectors, through the WebAssembly build.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as z from '../pkg/index.mjs';
import { vectors } from './helpers.mjs';

const CATEGORY = {
  ok: null,
  malformed: z.MalformedTokenError,
  unsupported_version: z.UnsupportedVersionError,
  unsupported_mode: z.UnsupportedModeError,
  auth_failed: z.AuthenticationError,
  bad_plaintext: z.BadPlaintextError,
  expired: z.ExpiredTokenError,
  not_yet_valid: z.NotYetValidError,
  app_id_mismatch: z.AppIdMismatchError,
};

test('every official token decodes to its recorded claims', () => {
  const rows = vectors('official-tokens.jsonl');
  assert.equal(rows.length, 576);
  for (const row of rows) {
    const c = z.decode(row.token, row.secret);
    const e = row.claims;
    assert.deepEqual([c.appId, c.userId, c.ctime, c.expire, c.nonce, c.payload, c.mode],
      [e.app_id, e.user_id, e.ctime, e.expire, e.nonce, e.payload, row.format], row.generator);
  }
});

test('every invalid token gives its category', () => {
  const rows = vectors('invalid-tokens.jsonl');
  assert.equal(rows.length, 30);
  for (const row of rows) {
    const check = () => (row.check === 'decode'
      ? z.decode(row.token, row.secret)
      : z.verify(row.token, row.secret, row.app_id, { now: row.now, leeway: row.leeway_seconds }));
    const expected = CATEGORY[row.expect];
    if (expected === null) check();
    else assert.throws(check, (e) => e instanceof expected && e.code === expected.code, row.name);
  }
});

test('every shared verify case gives its code and secret index', () => {
  for (const row of vectors('verify-cases.jsonl')) {
    let outcome;
    try {
      const { secretIndex: index } = z.verifyWithAny(row.token, row.secrets, row.app_id, {
        now: row.now, leeway: row.leeway_seconds, userId: row.user_id ?? null, requireGcm: row.require_gcm,
      });
      outcome = [0, index];
    } catch (e) {
      outcome = [e.code, undefined];
    }
    assert.deepEqual(outcome, [row.expect_code, row.secret_index], row.name);
  }
});

test('privilege payloads match the official JSON byte for byte', () => {
  const official = new Set(vectors('official-tokens.jsonl').map((r) => r.claims.payload));
  const nullList = z.rtcRoomPayload('room1', { canLogin: true, canPublish: false });
  assert.equal(nullList, '{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}');
  assert.ok(official.has(nullList));
  assert.ok(official.has(z.rtcRoomPayload('room1', { canLogin: true, canPublish: false, streamIds: [] })));
});

test('every token breaking a generation rule decodes with its findings', () => {
  for (const row of vectors('finding-tokens.jsonl')) {
    for (const c of [z.decode(row.token, row.secret), new z.Generator(row.app_id, row.secret).decode(row.token)]) {
      assert.deepEqual([c.userId, c.nonce, c.mode], [row.claims.user_id, row.claims.nonce, row.format], row.name);
      assert.deepEqual(c.findings, row.findings, row.name);
    }
  }
});

test('a token breaking a generation rule verifies when current and is BadPlaintextError when legacy', () => {
  for (const row of vectors('finding-tokens.jsonl')) {
    let code = 0;
    try {
      assert.deepEqual(z.verify(row.token, row.secret, row.app_id, { now: row.now }).findings, row.findings);
    } catch (error) {
      code = error.code;
    }
    assert.equal(code, row.verify_code, row.name);
  }
});
