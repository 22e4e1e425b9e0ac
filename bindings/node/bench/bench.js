'use strict';
// zego-token against careful hand-written Node.js making the same Token04 with node:crypto
// ('aes-256-gcm', the key made once as a KeyObject or given with each call, one randomFillSync per
// token into a kept buffer, no BigInt), side by side in one process: each round runs every
// implementation for n tokens in turn, and the figure is the median round.
//   npm run bench [-- rounds n]

const crypto = require('node:crypto');
const z = require('..');

const APP_ID = 1234567890;
const SECRET = '0123456789abcdef0123456789abcdef';
const USER_ID = 'user_123456';

const { handWrittenToken04 } = require('./hand-written');

function median(xs) {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}

const rounds = Number(process.argv[2] || 21);
const n = Number(process.argv[3] || 50000);
const keyObject = crypto.createSecretKey(Buffer.from(SECRET, 'ascii'));
const room = z.rtcRoomPayload('room-1', { canLogin: true, canPublish: true });
for (const payload of ['', room]) {
  // the baseline makes real tokens
  const claims = z.decode(handWrittenToken04(APP_ID, USER_ID, keyObject, 3600, payload), SECRET);
  if (claims.userId !== USER_ID || claims.payload !== payload) throw new Error('bad baseline');
}
const g = new z.Generator(APP_ID, SECRET);
console.log(`Node.js ${process.version}, zego-token ${z.libraryVersion()}; median of ${rounds} interleaved rounds of ${n.toLocaleString('en-US')} tokens`);
console.log(`${'payload'.padEnd(9)} ${'implementation'.padEnd(44)} ${'tokens/s'.padStart(12)} ${'us/token'.padStart(9)} ${'speed-up'.padStart(8)}`);
for (const [label, payload] of [['empty', ''], ['privilege', room]]) {
  const impls = [
    ['hand-written, one-shot (key string per call)', () => handWrittenToken04(APP_ID, USER_ID, SECRET, 3600, payload)],
    ['generate (one-shot)', () => z.generate(APP_ID, USER_ID, SECRET, 3600, payload)],
    ['hand-written, KeyObject kept', () => handWrittenToken04(APP_ID, USER_ID, keyObject, 3600, payload)],
    ['Generator.generate (reusable)', () => g.generate(USER_ID, 3600, payload)],
  ];
  const samples = impls.map(() => []);
  for (let r = 0; r < rounds; r++) {
    impls.forEach(([, make], i) => {
      const start = process.hrtime.bigint();
      for (let k = 0; k < n; k++) make();
      samples[i].push(Number(process.hrtime.bigint() - start) / n);
    });
  }
  impls.forEach(([name], i) => {
    const ns = median(samples[i]);
    const base = median(samples[i & ~1]); // one-shot against one-shot, reusable against reusable
    console.log(
      `${label.padEnd(9)} ${name.padEnd(44)} ${Math.round(1e9 / ns).toLocaleString('en-US').padStart(12)} ` +
        `${(ns / 1000).toFixed(3).padStart(9)} ${(base / ns).toFixed(2).padStart(7)}x`
    );
  });
}
g.close();
