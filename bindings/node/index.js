'use strict';
// zego-token for Node.js: generate, decode and verify ZEGO Token04 tokens through the one audited
// Rust core (C ABI, called with koffi). See README.md.

const native = require('./lib/native');
const errors = require('./lib/errors');

const U32_MAX = 2 ** 32 - 1;

function text(value, name, required = true) {
  if (value === null || value === undefined) {
    if (required) throw new errors.NullPointerError(`${name} must not be null or undefined`, 11);
    return null;
  }
  if (typeof value !== 'string') throw new errors.InvalidArgumentError(`${name} must be a string`, 10);
  // C strings end at the first NUL: refuse rather than silently cut the value.
  if (value.includes('\0')) throw new errors.InvalidArgumentError(`${name} must not contain NUL characters`, 10);
  if (!wellFormed(value)) throw new errors.InvalidUtf8Error(`${name} is not valid UTF-16 text (lone surrogate)`, 12);
  return value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s) => (typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE_SURROGATE.test(s));

function integer(value, name, min, max) {
  const ok = (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
  if (!ok) throw new errors.InvalidArgumentError(`${name} must be an integer`, 10);
  if (value < min || value > max) throw new errors.InvalidArgumentError(`${name} must be between ${min} and ${max}`, 10);
  return value;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

function check(code) {
  if (code !== 0) throw errors.errorFor(code, native.errorMessage(code));
}

/** Calls a function that hands out a string (copied, and freed by koffi: see lib/native.js). */
function callForString(fn, ...args) {
  const out = [null];
  check(fn(...args, out));
  return out[0];
}

// The fast path for tokens: the library's _into functions write the token into this Buffer (one per
// module instance, so one per worker thread) and its length into tokenLength, in one call; the
// string is copied out once. The strings go in as koffi's UTF-8 copies with their byte lengths.
const BUFFER_TOO_SMALL = 13; // grown here, never thrown
let tokenBuffer = Buffer.alloc(1024);
const tokenLength = native.koffi.sizeof('size_t') === 8 ? new BigUint64Array(1) : new Uint32Array(1);

/** The token a fast-path call that returned code wrote; `again` redoes the call into a bigger buffer. */
function tokenAfter(code, again) {
  if (code === BUFFER_TOO_SMALL) {
    tokenBuffer = Buffer.alloc(Number(tokenLength[0]));
    code = again(tokenBuffer);
  }
  check(code);
  return tokenBuffer.toString('latin1', 0, Number(tokenLength[0]));
}

/** Generates a Token04 (AES-256-GCM). Throws a ZegoTokenError subclass for invalid input. */
function generate(appId, userId, secret, effectiveTimeInSeconds = 3600, payload = '') {
  const app = integer(appId, 'appId', 0, U32_MAX);
  const user = text(userId, 'userId');
  const key = text(secret, 'secret');
  const ttl = integer(effectiveTimeInSeconds, 'effectiveTimeInSeconds', I64_MIN, I64_MAX);
  const data = text(payload, 'payload', false) ?? '';
  const call = (buffer) =>
    native.generateInto(app, user, Buffer.byteLength(user), key, Buffer.byteLength(key), ttl, data,
      Buffer.byteLength(data), buffer, buffer.length, tokenLength);
  return tokenAfter(call(tokenBuffer), call);
}

const finalizer = new FinalizationRegistry((handle) => native.generatorFree(handle));

/** Generates tokens for one app id and secret, keeping the expanded key. Call close() when done. */
class Generator {
  #handle;

  constructor(appId, secret) {
    const out = [null];
    check(native.generatorNew(integer(appId, 'appId', 0, U32_MAX), text(secret, 'secret'), out));
    this.#handle = out[0];
    this.appId = appId;
    finalizer.register(this, this.#handle, this);
    Object.freeze(this);
  }

  generate(userId, effectiveTimeInSeconds = 3600, payload = '') {
    const generator = this.#live();
    const user = text(userId, 'userId');
    const ttl = integer(effectiveTimeInSeconds, 'effectiveTimeInSeconds', I64_MIN, I64_MAX);
    const data = text(payload, 'payload', false) ?? '';
    const code = native.generatorGenerateInto(generator, user, Buffer.byteLength(user), ttl, data,
      Buffer.byteLength(data), tokenBuffer, tokenBuffer.length, tokenLength);
    if (code === 0) return tokenBuffer.toString('latin1', 0, Number(tokenLength[0]));
    return tokenAfter(code, (buffer) =>
      native.generatorGenerateInto(generator, user, Buffer.byteLength(user), ttl, data, Buffer.byteLength(data),
        buffer, buffer.length, tokenLength));
  }

  /** Decodes a token with this generator's secret and kept key (no time or app id check). */
  decode(token) {
    const generator = this.#live();
    const out = [null];
    check(native.generatorDecode(generator, text(token, 'token'), out));
    return takeClaims(out[0]);
  }

  /** Verifies a token against this generator's app id and secret, with verify's options. */
  verify(token, options = {}) {
    const generator = this.#live();
    const tokenText = text(token, 'token');
    return withVerifyOptions(options, (nativeOptions) => {
      const handle = [null];
      check(native.generatorVerify(generator, tokenText, nativeOptions, handle));
      return takeClaims(handle[0]);
    });
  }

  /** The native handle, or an InvalidArgumentError once the generator is closed. */
  #live() {
    if (this.#handle === null) throw new errors.InvalidArgumentError('the generator is closed', 10);
    return this.#handle;
  }

  /** Frees the native generator (and zeroizes its key). Safe to call twice. */
  close() {
    if (this.#handle !== null) {
      finalizer.unregister(this);
      native.generatorFree(this.#handle);
      this.#handle = null;
    }
  }

  toString() {
    return `Generator(appId=${this.appId}, secret=<redacted>)`;
  }
}

if (typeof Symbol.dispose === 'symbol') Generator.prototype[Symbol.dispose] = Generator.prototype.close;

/** The JSON payload of an RTC room privilege token, exactly the official plug-in's. */
function rtcRoomPayload(roomId, { canLogin = true, canPublish = false, streamIds = null } = {}) {
  const ids = streamIds === null || streamIds === undefined ? null : Array.from(streamIds, (s) => text(s, 'stream id'));
  return callForString(
    native.roomPayload,
    text(roomId, 'roomId'),
    canLogin ? 1 : 0,
    canPublish ? 1 : 0,
    ids,
    ids === null ? 0 : ids.length
  );
}

/** What verifyWithAny returns: the claims and which secret opened the token, as `secretIndex`
 * (the name every binding uses) and, deprecated, `index` (its first name here; not enumerated). */
function verified(claims, secretIndex) {
  const result = { claims, secretIndex };
  Object.defineProperty(result, 'index', { value: secretIndex, enumerable: false });
  return Object.freeze(result);
}

/** The claims of the library's JSON, with ctime and expire also as Dates (createdAt, expiresAt). */
function claims(json) {
  const c = JSON.parse(json);
  return Object.freeze({
    appId: c.app_id,
    userId: c.user_id,
    ctime: c.ctime,
    expire: c.expire,
    nonce: c.nonce,
    payload: c.payload,
    mode: c.mode,
    findings: Object.freeze(c.findings.slice()),
    createdAt: new Date(c.ctime * 1000),
    expiresAt: new Date(c.expire * 1000),
  });
}

/** Decodes a token (current GCM or legacy CBC) without checking time or app id. */
function decode(token, secret) {
  return claims(callForString(native.decode, text(token, 'token'), text(secret, 'secret')));
}

/** Unix seconds from a Date or a number/bigint of seconds. */
function unixSeconds(value, name) {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new errors.InvalidArgumentError(`${name} is an invalid Date`, 10);
    return Math.floor(ms / 1000);
  }
  return integer(value, name, I64_MIN, I64_MAX);
}

/** Runs `use` with a native verify options handle made from `options`, then frees it. */
function withVerifyOptions({ now = null, leeway = 0, userId = null, requireGcm = false } = {}, use) {
  if (typeof requireGcm !== 'boolean') throw new TypeError('requireGcm must be a boolean');
  const nowSeconds = now === null || now === undefined ? null : unixSeconds(now, 'now');
  const leewaySeconds = integer(leeway, 'leeway', I64_MIN, I64_MAX);
  const user = userId === null || userId === undefined ? null : text(userId, 'userId');
  const out = [null];
  check(native.verifyOptionsNew(out));
  const options = out[0];
  try {
    if (nowSeconds !== null) check(native.verifyOptionsSetNow(options, nowSeconds));
    check(native.verifyOptionsSetLeeway(options, leewaySeconds));
    if (user !== null) check(native.verifyOptionsSetUserId(options, user));
    check(native.verifyOptionsSetRequireGcm(options, requireGcm ? 1 : 0));
    return use(options);
  } finally {
    native.verifyOptionsFree(options);
  }
}

/** Copies a claims handle the library returned, then frees it. */
function takeClaims(handle) {
  try {
    return claimsOfHandle(handle);
  } finally {
    native.claimsFree(handle);
  }
}

/**
 * Decodes a token and checks it was made for appId (and options.userId) and is valid at
 * options.now (a Date or unix seconds; omitted: the system clock), tolerating options.leeway
 * seconds of skew. With options.requireGcm, a legacy CBC token (mode "cbc", not authenticated) is
 * refused with UnsupportedModeError.
 */
function verify(token, secret, appId, options = {}) {
  return verifyWithAny(token, [secret], appId, options).claims;
}

/** verify with several secrets tried in order (key rotation): { claims, secretIndex } of the match
 * (`index`, the same number, is the deprecated name). */
function verifyWithAny(token, secrets, appId, options = {}) {
  if (!Array.isArray(secrets)) throw new TypeError('secrets must be an array of strings');
  const texts = secrets.map((s) => text(s, 'secret'));
  const tokenText = text(token, 'token');
  const app = integer(appId, 'appId', 0, U32_MAX);
  return withVerifyOptions(options, (nativeOptions) => {
    const handle = [null];
    const index = [0];
    check(native.verifyWithOptions(tokenText, texts, texts.length, app, nativeOptions, handle, index));
    return verified(takeClaims(handle[0]), Number(index[0]));
  });
}

function claimsOfHandle(handle) {
  return claims(callForString(native.claimsToJson, handle));
}

/** The official plug-in's error codes. */
const ErrorCode = Object.freeze({
  success: 0,
  appIDInvalid: 1,
  userIDInvalid: 3,
  secretInvalid: 5,
  effectiveTimeInSecondsInvalid: 6,
});

/** The official module's errorMessage for each of its codes, word for word. */
const OFFICIAL_MESSAGES = Object.freeze({
  [ErrorCode.appIDInvalid]: 'appID invalid',
  [ErrorCode.userIDInvalid]: 'userId invalid',
  [ErrorCode.secretInvalid]: 'secret must be a 32 byte string',
  [ErrorCode.effectiveTimeInSecondsInvalid]: 'effectiveTimeInSeconds invalid',
});

/**
 * Drop-in for the official `generateToken04`: returns the token, and throws a plain
 * `{ errorCode, errorMessage }` object for invalid input, like the official module. Prints nothing.
 */
function generateToken04(appId, userId, secret, effectiveTimeInSeconds, payload) {
  if (!appId || typeof appId !== 'number') throw { errorCode: ErrorCode.appIDInvalid, errorMessage: 'appID invalid' };
  if (!userId || typeof userId !== 'string') throw { errorCode: ErrorCode.userIDInvalid, errorMessage: 'userId invalid' };
  if (!secret || typeof secret !== 'string') throw { errorCode: ErrorCode.secretInvalid, errorMessage: 'secret must be a 32 byte string' };
  if (typeof effectiveTimeInSeconds !== 'number') {
    throw { errorCode: ErrorCode.effectiveTimeInSecondsInvalid, errorMessage: 'effectiveTimeInSeconds invalid' };
  }
  try {
    return generate(appId, userId, secret, effectiveTimeInSeconds, payload || '');
  } catch (error) {
    if (!(error instanceof errors.ZegoTokenError)) throw error;
    const code = error.code === 10 && !Number.isInteger(appId) ? ErrorCode.appIDInvalid : error.code;
    throw { errorCode: code, errorMessage: OFFICIAL_MESSAGES[code] ?? error.message };
  }
}

module.exports = {
  ...errors,
  ABI_VERSION: native.ABI_VERSION,
  ErrorCode,
  Generator,
  decode,
  generate,
  generateToken04,
  libraryVersion: () => native.version(),
  message: (code) => native.errorMessage(code),
  rtcRoomPayload,
  verify,
  verifyWithAny,
};
delete module.exports.errorFor;
