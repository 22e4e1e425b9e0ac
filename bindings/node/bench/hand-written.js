'use strict';
// The baseline of the benchmarks (bench.js here, and bindings/wasm/bench): Token04 written by hand
// with node:crypto, as a careful Node.js developer writes it (not part of the package).
const crypto = require('node:crypto');

// The baseline: what a careful Node.js developer writes for Token04 (not part of the package).
const random = Buffer.alloc(16); // the GCM nonce (12) and the claims' nonce (4)
function handWrittenToken04(appId, userId, key, effectiveTimeInSeconds, payload = '') {
  crypto.randomFillSync(random);
  const iv = random.subarray(0, 12);
  const ctime = Math.floor(Date.now() / 1000);
  const expire = ctime + effectiveTimeInSeconds;
  const plaintext =
    `{"app_id":${appId},"user_id":${JSON.stringify(userId)},"ctime":${ctime},"expire":${expire},` +
    `"nonce":${random.readInt32BE(12)},"payload":${JSON.stringify(payload)}}`;
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const envelope = Buffer.allocUnsafe(24 + sealed.length + 1);
  envelope.writeUInt32BE(Math.floor(expire / 2 ** 32), 0); // expire as a big-endian int64, without BigInt
  envelope.writeUInt32BE(expire >>> 0, 4);
  envelope.writeUInt16BE(12, 8);
  iv.copy(envelope, 10);
  envelope.writeUInt16BE(sealed.length, 22);
  sealed.copy(envelope, 24);
  envelope[24 + sealed.length] = 1;
  return '04' + envelope.toString('base64');
}

module.exports = { handWrittenToken04 };
