// The entry for workerd (Cloudflare Workers) and other edge runtimes whose bundlers import a .wasm
// file as a compiled WebAssembly.Module: instantiates it synchronously, then exports the API.
import { initSync } from './zego_token_wasm.js';
import wasmModule from './zego_token_wasm_bg.wasm';
import * as api from './api.mjs';

initSync({ module: wasmModule });

export * from './api.mjs';
export default api;
