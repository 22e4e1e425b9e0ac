// Shared by the tests: the package as built by build.sh (../pkg), and the repository's vectors.
import fs from 'node:fs';

export const SECRET = '0123456789abcdef0123456789abcdef';
export const APP_ID = 1234567890;

export function vectors(name) {
  const file = new URL(`../../../tests/vectors/${name}`, import.meta.url);
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

export function gcmNonce(token) {
  return Buffer.from(token.slice(2), 'base64').subarray(10, 22).toString('hex');
}
