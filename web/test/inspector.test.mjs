// The Token Inspector in a real browser: headless Chromium (Debian's), driven by playwright-core,
// opens web/dist/zego-token-inspector.html from disk and reads tokens from tests/vectors, a wrong
// secret, an expired token, and one it generates; no request may leave the page, and the verdicts
// are the command line tool's. It saves a screenshot in target/web/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const page_ = pathToFileURL(path.join(root, 'web', 'dist', 'zego-token-inspector.html')).href;
const vectors = (name) => fs.readFileSync(path.join(root, 'tests', 'vectors', name), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const official = vectors('official-tokens.jsonl');
const gcm = official.find((r) => r.format === 'gcm');
const cbc = official.find((r) => r.format === 'cbc');

/** The command line tool's sentence for the same check (it prints it on stderr when refusing). */
function cliSentence(token, secret, appId, now) {
  try {
    return execFileSync(path.join(root, 'target', 'release', 'zego-token'),
      ['verify', '--app-id', String(appId), '--now', String(now), token],
      { env: { ...process.env, ZEGO_SERVER_SECRET: secret }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    return e.stderr.trim().replace(/^zego-token: /, '');
  }
}

let browser, page;
const requests = [];
const problems = [];

test.before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(page_);
});

test.after(async () => {
  await browser?.close();
});

async function inspect({ token, secrets, appId = '', now = '', userId = '' }) {
  await page.click('#tab-inspect');
  await page.fill('#token', token);
  await page.fill('#secrets', secrets.join('\n'));
  await page.fill('#app-id', String(appId));
  await page.fill('#user-id', userId);
  await page.fill('#now', String(now));
  await page.click('#inspect');
  return {
    verdict: (await page.textContent('#verdict')).trim(),
    ok: (await page.getAttribute('#verdict', 'class')) === 'ok',
    facts: await page.textContent('#facts'),
    payload: await page.textContent('#payload'),
  };
}

test('a current (GCM) token from the vectors decodes, with the CLI\'s verdict', async () => {
  const r = await inspect({ token: gcm.token, secrets: [gcm.secret], now: gcm.claims.ctime });
  assert.ok(r.ok, r.verdict);
  assert.equal(r.verdict, cliSentence(gcm.token, gcm.secret, gcm.claims.app_id, gcm.claims.ctime));
  assert.match(r.facts, /AES-256-GCM \(current, authenticated\)/);
  assert.match(r.facts, new RegExp(`"${gcm.claims.user_id}"`));
});

test('a legacy CBC token is read and flagged as not authenticated', async () => {
  const r = await inspect({ token: cbc.token, secrets: [cbc.secret], now: cbc.claims.ctime });
  assert.ok(r.ok, r.verdict);
  assert.match(r.verdict, /legacy CBC format: not authenticated/);
  assert.match(r.facts, /not authenticated: its claims may have been altered/);
});

test('a wrong secret is refused; the second secret of a list can match', async () => {
  const wrong = await inspect({ token: gcm.token, secrets: ['fedcba9876543210fedcba9876543210'], now: gcm.claims.ctime });
  assert.ok(!wrong.ok);
  assert.equal(wrong.verdict, 'wrong secret or the token was altered');
  const rotated = await inspect({ token: gcm.token, secrets: ['fedcba9876543210fedcba9876543210', gcm.secret], now: gcm.claims.ctime });
  assert.ok(rotated.ok);
  assert.match(rotated.facts, /#2 of the list matched/);
});

test('an expired token says when it expired, as the CLI does', async () => {
  const now = gcm.claims.expire + 125;
  const r = await inspect({ token: gcm.token, secrets: [gcm.secret], now });
  assert.ok(!r.ok);
  assert.equal(r.verdict, cliSentence(gcm.token, gcm.secret, gcm.claims.app_id, now));
  assert.match(r.verdict, /^expired 2 minutes ago at /);
});

test('a generated privilege token inspects as valid, its payload pretty-printed', async () => {
  await page.click('#tab-generate');
  await page.fill('#g-app-id', '1234567890');
  await page.fill('#g-user-id', 'inspector-user');
  await page.fill('#g-secret', '0123456789abcdef0123456789abcdef');
  await page.check('#g-privilege');
  await page.fill('#g-room-id', 'room-7');
  await page.check('#g-can-publish');
  await page.click('#generate');
  const token = await page.inputValue('#g-token');
  assert.match(token, /^04/);
  await page.click('#g-inspect');
  assert.equal(await page.getAttribute('#verdict', 'class'), 'ok');
  assert.match(await page.textContent('#verdict'), /^valid: made for user "inspector-user" of app id 1234567890/);
  assert.match(await page.textContent('#payload'), /"room_id": "room-7"/);
  fs.mkdirSync(path.join(root, 'target', 'web'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'target', 'web', 'inspector.png'), fullPage: true });
});

test('bad input to generate shows the library\'s error', async () => {
  await page.click('#tab-generate');
  await page.fill('#g-secret', 'short');
  await page.click('#generate');
  assert.match(await page.textContent('#g-error'), /secret is invalid.*\(code 5\)/);
});

const findingTokens = vectors('finding-tokens.jsonl');

test('a token breaking a generation rule is read and its findings shown; a legacy one is refused naming the rule', async () => {
  const long = findingTokens.find((r) => r.format === 'gcm' && r.findings[0] === 'user_id_too_long');
  const r = await inspect({ token: long.token, secrets: [long.secret], now: long.now });
  assert.ok(r.ok, r.verdict);
  assert.equal(r.verdict, cliSentence(long.token, long.secret, long.app_id, long.now));
  assert.match(r.facts, /findings\s*user_id_too_long/);
  const empty = findingTokens.find((row) => row.format === 'cbc' && row.findings[0] === 'user_id_empty');
  const refused = await inspect({ token: empty.token, secrets: [empty.secret], now: empty.now });
  assert.ok(!refused.ok);
  assert.equal(refused.verdict, cliSentence(empty.token, empty.secret, empty.app_id, empty.now));
  assert.match(refused.verdict, /generation rule \(the user id is empty\)/);
  assert.match(refused.facts, /code\s*24/);
  const clean = await inspect({ token: gcm.token, secrets: [gcm.secret], now: gcm.claims.ctime });
  assert.match(clean.facts, /findings\s*none/);
});

test('times outside the dates JavaScript can hold are shown as numbers, with every fact and the payload', async () => {
  const before = problems.length;
  const far = await inspect({ token: gcm.token, secrets: [gcm.secret], now: '10000000000000' });
  assert.match(far.verdict, /^expired /);
  assert.match(far.facts, /checked at\s*10000000000000 \(unix seconds, outside the calendar dates/);
  assert.match(far.facts, /nonce/);
  assert.equal(far.payload, '(none: a basic token)');
  await page.click('#tab-generate');
  await page.fill('#g-app-id', '1234567890');
  await page.fill('#g-user-id', 'far-future');
  await page.fill('#g-secret', '0123456789abcdef0123456789abcdef');
  await page.uncheck('#g-privilege');
  await page.fill('#g-ttl', '1000000000000000');
  await page.click('#generate');
  await page.click('#g-inspect');
  assert.equal(await page.getAttribute('#verdict', 'class'), 'ok');
  const facts = await page.textContent('#facts');
  assert.match(facts, /expires\s*\d+ \(unix seconds, outside the calendar dates/);
  assert.match(facts, /nonce/);
  assert.equal(await page.textContent('#payload'), '(none: a basic token)');
  assert.equal(problems.length, before, problems.join('\n'));
});

test('number fields never wrap: out-of-range and non-numbers are said, not reinterpreted', async () => {
  for (const [appId, message] of [['4294967297', /expected app id must be between 0 and 4294967295/], ['abc', /expected app id must be an integer/]]) {
    const r = await inspect({ token: gcm.token, secrets: [gcm.secret], appId, now: gcm.claims.ctime });
    assert.ok(!r.ok, appId);
    assert.match(r.verdict, message);
  }
  await page.click('#tab-generate');
  await page.fill('#g-app-id', '4294967297');
  await page.fill('#g-user-id', 'u');
  await page.fill('#g-secret', '0123456789abcdef0123456789abcdef');
  await page.fill('#g-ttl', '3600');
  await page.click('#generate');
  assert.match(await page.textContent('#g-error'), /app id must be between 0 and 4294967295/);
  assert.equal(await page.isHidden('#g-result'), true);
  await page.fill('#g-app-id', '1');
  await page.fill('#g-ttl', '18446744073709555216');
  await page.click('#generate');
  assert.match(await page.textContent('#g-error'), /effective time must be between -9223372036854775808 and 9223372036854775807/);
  assert.equal(await page.isHidden('#g-result'), true);
});

test('the secret fields are not offered to the browser\'s autocomplete', async () => {
  assert.equal(await page.getAttribute('#secrets', 'autocomplete'), 'off');
  assert.equal(await page.getAttribute('#g-secret', 'autocomplete'), 'off');
});

test('the page made no request but its own file, and nothing broke its CSP', () => {
  assert.deepEqual([...new Set(requests)], [page_]);
  assert.deepEqual(problems, []);
});
