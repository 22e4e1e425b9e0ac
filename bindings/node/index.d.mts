// Types of the ES module entry (index.mjs): the same names as the CommonJS entry, plus the whole
// module as the default export.
import * as zegoToken from './index.js';

export * from './index.js';
export default zegoToken;
