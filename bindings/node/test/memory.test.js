'use strict';
// Run with --expose-gc (npm test does): heap and RSS stay flat over 1,000,000 calls.
const test = require('node:test');
const assert = require('node:assert/strict');
const z = require('..');
const { SECRET, APP_ID } = require('./helpers');

test('a million calls mixing success and failure keep heap and RSS flat', { skip: typeof global.gc !== 'function' && 'needs --expose-gc' }, () => {
  const g = new z.Generator(APP_ID, SECRET);
  const token = g.generate('u', 3600);
  const round = (n) => {
    for (let i = 0; i < n; i++) {
      try {
        switch (i % 5) {
          case 0: g.generate('u', 3600); break;
          case 1: z.decode(token, SECRET); break;
          case 2: z.decode(token, 'fedcba9876543210fedcba9876543210'); break;
          case 3: g.verify(token, { leeway: 5, userId: 'u' }); break;
          default: g.generate('', 3600);
        }
      } catch (e) {
        if (!(e instanceof z.ZegoTokenError)) throw e;
      }
    }
  };
  round(100000);
  global.gc();
  const before = process.memoryUsage();
  round(1000000);
  global.gc();
  const after = process.memoryUsage();
  g.close();
  const mib = (n) => n / 1024 / 1024;
  assert.ok(mib(after.heapUsed - before.heapUsed) < 8, `heap grew by ${mib(after.heapUsed - before.heapUsed)} MiB`);
  assert.ok(mib(after.rss - before.rss) < 16, `RSS grew by ${mib(after.rss - before.rss)} MiB`);
});
