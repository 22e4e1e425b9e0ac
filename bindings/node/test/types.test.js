'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { typecheck } = require('../scripts/typecheck-matrix');

test('the type declarations compile under tsc --strict at es2020, es2022 and lib esnext, with and without @types/node', () => {
  assert.deepEqual(typecheck(path.join(__dirname, '..'), 'zego-token'), []);
});
