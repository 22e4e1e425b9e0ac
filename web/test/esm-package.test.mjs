// The npm package zego-token-wasm in a browser: headless Chromium loads its index.mjs as an ES
// module from a static server on 127.0.0.1 (module scripts cannot load from file://), which fetches
// the .wasm next to it; the page makes, reads and verifies tokens with the package's API.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, '..', '..', 'bindings', 'wasm', 'pkg');
const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const PAGE = `<!DOCTYPE html><meta charset="utf-8"><script type="module">
import * as z from './index.mjs';
const secret = '0123456789abcdef0123456789abcdef';
const g = new z.Generator(1234567890, secret);
const token = g.generate('browser-user', 3600, z.rtcRoomPayload('room-1', { canPublish: true }));
let refused = null;
try { z.generate(0, 'u', secret, 60); } catch (e) { refused = [e.name, e.code, e instanceof z.ZegoTokenError]; }
window.result = { claims: z.verify(token, secret, 1234567890), refused, version: z.libraryVersion() };
</script>`;

test('the ES module package runs in Chromium', async () => {
  const server = http.createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1) || 'index.html';
    if (name === 'index.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    const file = path.join(pkg, path.basename(name));
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.result || null, null, { timeout: 20000 }).catch(() => {});
    const result = await page.evaluate(() => window.result);
    assert.deepEqual(errors, []);
    assert.equal(result.claims.userId, 'browser-user');
    assert.match(result.claims.payload, /"room_id":"room-1"/);
    assert.deepEqual(result.refused, ['InvalidAppIdError', 1, true]);
    assert.match(result.version, /^\d+\.\d+\.\d+$/);
  } finally {
    await browser.close();
    server.close();
  }
});
