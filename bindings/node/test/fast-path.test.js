'use strict';
// The fast path: one koffi call per token into the module's reusable Buffer.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Worker } = require('node:worker_threads');
const z = require('..');

const APP_ID = 1234567890;
const SECRET = '0123456789abcdef0123456789abcdef';

test('a token longer than the buffer grows it and round-trips', () => {
  const payload = '"x"'.repeat(1500); // 4,500 bytes once escaped: more than the first 1 KiB buffer
  const g = new z.Generator(APP_ID, SECRET);
  const token = g.generate('user', 60, payload);
  assert.ok(token.length > 6000);
  assert.equal(g.decode(token).payload, payload);
  assert.equal(z.decode(z.generate(APP_ID, 'user', SECRET, 60, payload), SECRET).payload, payload);
  assert.equal(g.decode(g.generate('user', 60)).userId, 'user'); // the grown buffer serves on
  g.close();
});

test('each token is a copy, not a view of the reused buffer', () => {
  const g = new z.Generator(APP_ID, SECRET);
  const first = g.generate('first-user', 60);
  const second = g.generate('second', 60);
  assert.equal(g.decode(first).userId, 'first-user');
  assert.equal(g.decode(second).userId, 'second');
  g.close();
});

test('unicode lengths are UTF-8 byte lengths', () => {
  const user = '用户-ユーザー-🙂';
  const payload = '{"room_id":"房间 ü"}';
  const c = z.decode(z.generate(APP_ID, user, SECRET, 60, payload), SECRET);
  assert.deepEqual([c.userId, c.payload], [user, payload]);
});

test('errors keep their codes on the fast path', () => {
  const g = new z.Generator(APP_ID, SECRET);
  assert.throws(() => g.generate('', 60), (e) => e instanceof z.InvalidUserIdError && e.code === 3);
  assert.throws(() => g.generate('u'.repeat(65), 60), (e) => e.code === 3);
  assert.throws(() => g.generate('u', 0), (e) => e.code === 6);
  assert.throws(() => z.generate(0, '', 'short', 0), (e) => e.code === 1);
  assert.throws(() => z.generate(APP_ID, 'u', 'short', 60), (e) => e.code === 5);
  g.close();
});

test('worker threads each have their own buffer', async () => {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const z = require(${JSON.stringify(require.resolve('..'))});
    const g = new z.Generator(${APP_ID}, '${SECRET}');
    let ok = true;
    for (let i = 0; i < 2000; i++) ok = ok && g.decode(g.generate('w' + workerData, 60, 'p'.repeat(workerData * 500))).userId === 'w' + workerData;
    parentPort.postMessage(ok);`;
  const results = await Promise.all(
    [1, 2, 3, 4].map(
      (i) =>
        new Promise((resolve, reject) => {
          const w = new Worker(code, { eval: true, workerData: i });
          w.once('message', resolve);
          w.once('error', reject);
        })
    )
  );
  assert.deepEqual(results, [true, true, true, true]);
});
