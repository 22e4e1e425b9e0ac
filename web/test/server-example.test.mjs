// docs/server/browser-example.html in headless Chromium against the real zego-token-server on
// 127.0.0.1: a test identity provider (a key made here, its JWKS and a login endpoint served by
// this test) gives the page a JWT; the page sends it to the server and shows the ZEGO token, which
// the command line tool decodes to the logged-in user and the room. A user the policy refuses gets
// the server's reason on the page.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const secret = '0123456789abcdef0123456789abcdef';
const appId = 1234567890;
const issuer = 'https://idp.test';
const audience = 'zego-app';
const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-1', alg: 'ES256', use: 'sig' };

const b64url = (data) => Buffer.from(data).toString('base64url');
function signJwt(claims) {
  const input = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'test-1' }))}.${b64url(JSON.stringify(claims))}`;
  const signature = crypto.sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}

/** An HTTP server on 127.0.0.1 for `handler`; resolves to its origin. */
function listen(handler) {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

let idp, site, tokenServer, browser, serverOrigin, dir;

test.before(async () => {
  // The page's own site: the example page and the app's login endpoint (a stand-in identity provider).
  site = await listen((req, res) => {
    if (req.method === 'POST' && req.url === '/login') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const { user } = JSON.parse(body);
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: issuer, aud: audience, sub: user, iat: now, exp: now + 300, rooms: ['room-1'] };
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id_token: signJwt(claims) }));
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(fs.readFileSync(path.join(root, 'docs', 'server', 'browser-example.html')));
  });
  idp = await listen((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zego-token-server-example-'));
  fs.writeFileSync(path.join(dir, 'secret'), `${secret}\n`);
  fs.writeFileSync(path.join(dir, 'config.toml'), [
    'listen = "127.0.0.1:0"',
    `app_id = ${appId}`,
    `secret_files = ["${path.join(dir, 'secret')}"]`,
    '[auth]', 'mode = "jwt"',
    '[auth.jwt]', `jwks_url = "${idp.origin}/jwks.json"`, `issuer = "${issuer}"`, `audience = ["${audience}"]`, 'algorithms = ["ES256"]',
    '[policy]', 'rooms = { claim = "rooms" }',
    '[cors]', `allowed_origins = ["${site.origin}"]`,
  ].join('\n'));
  tokenServer = spawn(path.join(root, 'target', 'release', 'zego-token-server'), ['--config', path.join(dir, 'config.toml')],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  serverOrigin = await new Promise((resolve, reject) => {
    let log = '';
    tokenServer.stderr.on('data', (chunk) => {
      log += chunk;
      const found = log.match(/"message":"listening","address":"([^"]+)"/);
      if (found) resolve(`http://${found[1]}`);
    });
    tokenServer.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
  });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
});

test.after(async () => {
  await browser?.close();
  tokenServer?.kill('SIGTERM');
  site?.server.close();
  idp?.server.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function logInAs(user, room = 'room-1') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.origin}/?server=${encodeURIComponent(serverOrigin)}&login=/login&room=${room}`);
  await page.fill('#user', user);
  await page.click('#login');
  await page.waitForFunction(() => !document.getElementById('status').textContent.endsWith('…'));
  const shown = {
    status: (await page.textContent('#status')).trim(),
    token: (await page.textContent('#result')).trim(),
    failed: (await page.getAttribute('#status', 'class')) === 'error',
    errors,
  };
  await page.close();
  return shown;
}

test('a logged-in user gets a ZEGO token for themselves and the room, across origins', async () => {
  const shown = await logInAs('alice');
  assert.equal(shown.failed, false, shown.status);
  assert.deepEqual(shown.errors, []);
  assert.match(shown.status, /^Token for alice in room-1, valid until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$/);
  const claims = JSON.parse(execFileSync(path.join(root, 'target', 'release', 'zego-token'), ['decode', shown.token],
    { env: { ...process.env, ZEGO_SERVER_SECRET: secret }, encoding: 'utf8' }));
  assert.equal(claims.user_id, 'alice');
  assert.equal(claims.app_id, appId);
  assert.equal(JSON.parse(claims.payload).room_id, 'room-1');
});

test('a room outside the user\'s JWT is refused, and the page shows the server\'s reason', async () => {
  const shown = await logInAs('bob', 'room-2');
  assert.equal(shown.failed, true);
  assert.match(shown.status, /^policy_refused: room "room-2" is not allowed/);
});
