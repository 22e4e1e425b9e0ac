// The entry for browsers, Deno, Bun and Node.js: instantiates the WebAssembly (Node.js and Bun read
// the file next to this module; the others fetch it), then exports the API.
import init from './zego_token_wasm.js';
import * as api from './api.mjs';

const url = new URL('./zego_token_wasm_bg.wasm', import.meta.url);
const readsFiles = url.protocol === 'file:' && typeof Deno === 'undefined' && typeof process === 'object';
await init({ module_or_path: readsFiles ? await (await import('node:fs/promises')).readFile(url) : url });

export * from './api.mjs';
export default api;
