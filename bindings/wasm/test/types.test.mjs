// The package's type declarations (the Node.js package's, shared) compile under tsc --strict at
// es2020, es2022 and lib esnext, with and without @types/node, as an ES module consumer.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { typecheck } = createRequire(import.meta.url)('../../node/scripts/typecheck-matrix.js');

test('the type declarations compile under tsc --strict at es2020, es2022 and lib esnext, with and without @types/node', () => {
  assert.deepEqual(typecheck(path.join(here, '..', 'pkg'), 'zego-token-wasm', { esmOnly: true }), []);
});
