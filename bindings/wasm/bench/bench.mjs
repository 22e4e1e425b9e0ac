// Tokens per second in Node.js: the WebAssembly build against the native binding (bindings/node)
// and careful hand-written node:crypto code (bindings/node/bench/hand-written.js), side by side in
// one process: each round runs every implementation for n tokens in turn, the figure is the median.
//   npm run bench -- [rounds] [n]     (after build.sh, and npm ci in bindings/node)
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import * as wasm from '../pkg/index.mjs';

const require = createRequire(import.meta.url);
const native = require('../../node/index.js');
const { handWrittenToken04 } = require('../../node/bench/hand-written.js');

const APP_ID = 1234567890;
const SECRET = '0123456789abcdef0123456789abcdef';
const USER_ID = 'user_123456';
const rounds = Number(process.argv[2] || 21);
const n = Number(process.argv[3] || 50000);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const key = crypto.createSecretKey(Buffer.from(SECRET, 'ascii'));
const wasmGenerator = new wasm.Generator(APP_ID, SECRET);
const nativeGenerator = new native.Generator(APP_ID, SECRET);
const room = wasm.rtcRoomPayload('room-1', { canLogin: true, canPublish: true });
console.log(`Node.js ${process.version}, zego-token ${wasm.libraryVersion()}; median of ${rounds} interleaved rounds of ${n.toLocaleString('en-US')} tokens`);
console.log(`${'payload'.padEnd(9)} ${'implementation'.padEnd(40)} ${'tokens/s'.padStart(12)} ${'us/token'.padStart(9)} ${'vs hand'.padStart(8)}`);
for (const [label, payload] of [['empty', ''], ['privilege', room]]) {
  const impls = [
    ['hand-written node:crypto, KeyObject kept', () => handWrittenToken04(APP_ID, USER_ID, key, 3600, payload)],
    ['WebAssembly Generator.generate', () => wasmGenerator.generate(USER_ID, 3600, payload)],
    ['WebAssembly generate (one-shot)', () => wasm.generate(APP_ID, USER_ID, SECRET, 3600, payload)],
    ['native Generator.generate (koffi)', () => nativeGenerator.generate(USER_ID, 3600, payload)],
  ];
  const samples = impls.map(() => []);
  for (let r = 0; r < rounds; r++) {
    impls.forEach(([, make], i) => {
      const start = process.hrtime.bigint();
      for (let k = 0; k < n; k++) make();
      samples[i].push(Number(process.hrtime.bigint() - start) / n);
    });
  }
  const base = median(samples[0]);
  impls.forEach(([name], i) => {
    const ns = median(samples[i]);
    console.log(`${label.padEnd(9)} ${name.padEnd(40)} ${Math.round(1e9 / ns).toLocaleString('en-US').padStart(12)} ` +
      `${(ns / 1000).toFixed(3).padStart(9)} ${(base / ns).toFixed(2).padStart(7)}x`);
  });
}
wasmGenerator.close();
nativeGenerator.close();
