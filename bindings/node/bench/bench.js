'use strict';
// Tokens per second, single thread: zego-token (one-shot and reusable Generator) against a plain
// Node implementation of the same format with crypto.createCipheriv('aes-256-gcm').
//   npm run bench

const crypto = require('node:crypto');
const z = require('..');

const APP_ID = 1234567890;
const SECRET = '0123456789abcdef0123456789abcdef';
const USER_ID = 'user_123456';

// The Token04 format in plain Node (written here for comparison, not part of the package).
function plainNodeToken04(appId, userId, secret, effectiveTimeInSeconds, payload = '') {
  const ctime = Math.floor(Date.now() / 1000);
  const expire = ctime + effectiveTimeInSeconds;
  const nonce = crypto.randomBytes(4).readInt32BE(0);
  const plaintext = Buffer.from(JSON.stringify({ app_id: appId, user_id: userId, ctime, expire, nonce, payload }));
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  const head = Buffer.alloc(10);
  head.writeBigInt64BE(BigInt(expire), 0);
  head.writeUInt16BE(iv.length, 8);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(sealed.length, 0);
  return '04' + Buffer.concat([head, iv, len, sealed, Buffer.from([1])]).toString('base64');
}

function tokensPerSecond(make, rounds = 7, n = 20000) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) make();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n);
  }
  return 1e9 / best;
}

if (z.decode(plainNodeToken04(APP_ID, USER_ID, SECRET, 3600), SECRET).userId !== USER_ID) throw new Error('bad baseline');
const g = new z.Generator(APP_ID, SECRET);
const rows = [
  ['plain Node crypto (aes-256-gcm)', () => plainNodeToken04(APP_ID, USER_ID, SECRET, 3600)],
  ['zego-token generate', () => z.generate(APP_ID, USER_ID, SECRET, 3600)],
  ['zego-token Generator.generate', () => g.generate(USER_ID, 3600)],
];
console.log(`Node ${process.version}, zego-token ${z.libraryVersion()}, single thread, best of 7 x 20,000`);
let base = null;
for (const [name, make] of rows) {
  const rate = tokensPerSecond(make);
  base = base || rate;
  console.log(`${name.padEnd(34)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} tokens/s ${(1e6 / rate).toFixed(2).padStart(6)} us/token ${(rate / base).toFixed(2)}x`);
}
g.close();
