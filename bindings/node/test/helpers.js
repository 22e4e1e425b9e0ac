'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SECRET = '0123456789abcdef0123456789abcdef';
const APP_ID = 1234567890;

function vectors(name) {
  const file = path.join(__dirname, '..', '..', '..', 'tests', 'vectors', name);
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

function gcmNonce(token) {
  return Buffer.from(token.slice(2), 'base64').subarray(10, 22).toString('hex');
}

module.exports = { SECRET, APP_ID, vectors, gcmNonce };
