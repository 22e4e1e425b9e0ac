// A real edge runtime: workerd (the npm package's binary) serves test/workerd/worker.mjs on
// 127.0.0.1; the test fetches tokens from it and decodes them here.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from '../pkg/index.mjs';
import { SECRET, APP_ID } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, '..', 'pkg');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A workerd config serving the Worker and the package's modules (copied beside it: capnp embeds
 * files by paths relative to the config), for this port. */
function config(port, dir) {
  fs.mkdirSync(path.join(dir, 'pkg'));
  fs.copyFileSync(path.join(here, 'workerd', 'worker.mjs'), path.join(dir, 'worker.mjs'));
  const scripts = ['workerd.mjs', 'api.mjs', 'errors.mjs', 'zego_token_wasm.js'];
  for (const f of [...scripts, 'zego_token_wasm_bg.wasm']) fs.copyFileSync(path.join(pkg, f), path.join(dir, 'pkg', f));
  const module = (name, kind) => `(name = "${name}", ${kind} = embed "${name}")`;
  const modules = [
    module('worker.mjs', 'esModule'),
    ...scripts.map((f) => module(`pkg/${f}`, 'esModule')),
    module('pkg/zego_token_wasm_bg.wasm', 'wasm'),
  ];
  const text = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [${modules.join(', ')}],
  compatibilityDate = "2024-09-23",
);
`;
  const file = path.join(dir, 'config.capnp');
  fs.writeFileSync(file, text);
  return file;
}

async function untilServing(port, child, log) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`workerd exited: ${log()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`workerd did not start: ${log()}`);
}

test('workerd serves tokens made by the WebAssembly build', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zego-token-workerd-'));
  const port = await freePort();
  const bin = path.join(here, '..', 'node_modules', '.bin', 'workerd');
  let output = '';
  const child = spawn(bin, ['serve', config(port, dir), '--verbose'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    await untilServing(port, child, () => output);
    const seen = new Set();
    for (const user of ['alice', 'bob', '用户']) {
      const response = await fetch(`http://127.0.0.1:${port}/?user=${encodeURIComponent(user)}`);
      assert.equal(response.status, 200, output);
      const { token, version } = await response.json();
      const claims = z.verify(token, SECRET, APP_ID);
      assert.deepEqual([claims.userId, claims.expire - claims.ctime, claims.mode], [user, 3600, 'gcm']);
      assert.equal(version, z.libraryVersion());
      seen.add(token);
    }
    assert.equal(seen.size, 3);
    const refused = await fetch(`http://127.0.0.1:${port}/?user=${'u'.repeat(65)}`);
    assert.equal(refused.status, 400);
    assert.deepEqual(await refused.json(), { error: 'InvalidUserIdError', code: 3 });
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
