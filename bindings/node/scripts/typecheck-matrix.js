'use strict';
// Compiles a small consumer of a package's type declarations with `tsc --strict`, the way users
// compile: at target es2020 and es2022 and with lib esnext, each with and without @types/node, as
// CommonJS (.ts, index.d.ts) and as an ES module (.mts, index.d.mts where the package has one).
// With lib esnext, `using generator = new Generator(...)` must compile; at es2020 without
// @types/node it must not (the declarations stay precise instead of claiming Symbol.dispose
// everywhere). Used by this package's tests and by zego-token-wasm's. Returns the failures.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const here = path.join(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc', { paths: [here] });

const CONSUMER = `import { generate, decode, verify, verifyWithAny, Generator, rtcRoomPayload, ZegoTokenError,
  InvalidUserIdError, Claims, Finding } from 'PACKAGE';
const secret: string = '0123456789abcdef0123456789abcdef';
const generator: Generator = new Generator(1, secret);
const token: string = generator.generate('u', 3600, rtcRoomPayload('room', { canPublish: true }));
const claims: Claims = decode(generate(1, 'u', secret), secret);
const findings: readonly Finding[] = claims.findings;
const when: Date = verify(token, secret, 1, { now: new Date(), leeway: 5, requireGcm: true }).expiresAt;
const { index } = verifyWithAny(token, [secret], 1);
try { generator.generate(''); } catch (e) { if (e instanceof InvalidUserIdError) { const code: number = e.code; } }
generator.close();
export { findings, when, index, ZegoTokenError };
`;
const USING = `import { Generator } from 'PACKAGE';
export function scoped(): string {
  using generator = new Generator(1, '0123456789abcdef0123456789abcdef');
  return generator.generate('u');
}
`;

const CONFIGS = [
  { name: 'es2020', target: 'es2020' },
  { name: 'es2022', target: 'es2022' },
  { name: 'lib esnext', target: 'es2022', lib: ['esnext'] },
];

function compile(dir, files, { target, lib }, withNode) {
  const options = { strict: true, noEmit: true, target, module: 'node16', moduleResolution: 'node16', types: withNode ? ['node'] : [] };
  if (lib) options.lib = lib;
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files }));
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return null;
  } catch (e) {
    return (e.stdout || '') + (e.stderr || '');
  }
}

/** Compiles the consumers against the package in `packageDir` (imported as `name`); `esmOnly`
 * for a package that has no CommonJS entry (the .mts consumer alone). */
function typecheck(packageDir, name, { esmOnly = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zego-token-types-'));
  const failures = [];
  try {
    fs.mkdirSync(path.join(dir, 'node_modules', '@types'), { recursive: true });
    fs.symlinkSync(path.resolve(packageDir), path.join(dir, 'node_modules', name), 'dir');
    fs.symlinkSync(path.join(here, 'node_modules', '@types', 'node'), path.join(dir, 'node_modules', '@types', 'node'), 'dir');
    fs.writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER.replace('PACKAGE', name));
    fs.writeFileSync(path.join(dir, 'consumer.mts'), CONSUMER.replace('PACKAGE', name));
    const using = esmOnly ? 'using.mts' : 'using.ts';
    fs.writeFileSync(path.join(dir, using), USING.replace('PACKAGE', name));
    const consumers = esmOnly ? ['consumer.mts'] : ['consumer.ts', 'consumer.mts'];
    for (const config of CONFIGS) {
      for (const withNode of [false, true]) {
        const label = `${config.name}, ${withNode ? 'with' : 'without'} @types/node`;
        const error = compile(dir, consumers, config, withNode);
        if (error) failures.push(`${label}: ${error.trim()}`);
      }
    }
    if (compile(dir, [using], CONFIGS[2], false)) failures.push('lib esnext: `using` a Generator does not compile');
    if (!compile(dir, [using], CONFIGS[0], false)) failures.push('es2020: `using` compiles where Symbol.dispose does not exist');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}

module.exports = { typecheck };
