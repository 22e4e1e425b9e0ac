'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Worker } = require('node:worker_threads');
const z = require('..');
const { SECRET, APP_ID, gcmNonce } = require('./helpers');

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const z = require(workerData.pkg);
const g = new z.Generator(workerData.appId, workerData.secret);
const tokens = [];
for (let i = 0; i < 2500; i++) {
  tokens.push(i % 2 ? g.generate('u', 60) : z.generate(workerData.appId, 'u', workerData.secret, 60));
}
g.close();
parentPort.postMessage(tokens);
`;

test('worker threads generating at once: all tokens valid, no two nonces equal', async () => {
  const pkg = require.resolve('..');
  const runs = Array.from({ length: 4 }, () =>
    new Promise((resolve, reject) => {
      const w = new Worker(WORKER, { eval: true, workerData: { pkg, appId: APP_ID, secret: SECRET } });
      w.once('message', resolve);
      w.once('error', reject);
    })
  );
  const tokens = (await Promise.all(runs)).flat();
  assert.equal(tokens.length, 10000);
  assert.equal(new Set(tokens.map(gcmNonce)).size, tokens.length);
  for (const token of tokens.filter((_, i) => i % 50 === 0)) assert.equal(z.decode(token, SECRET).userId, 'u');
});
