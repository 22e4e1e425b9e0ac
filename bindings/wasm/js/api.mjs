// The JavaScript API of zego-token, the same as the Node.js binding's (bindings/node/index.js, its
// .d.ts), over the WebAssembly build of the Rust core instead of the C library. An entry module
// (index.mjs, workerd.mjs) instantiates the WebAssembly first, then re-exports this module.
import * as wasm from './zego_token_wasm.js';
import * as errors from './errors.mjs';

export {
  ZegoTokenError, InvalidAppIdError, InvalidUserIdError, InvalidSecretError, InvalidEffectiveTimeError,
  PayloadTooLargeError, InvalidRoomIdError, InvalidStreamIdError, InvalidArgumentError, NullPointerError,
  InvalidUtf8Error, MalformedTokenError, UnsupportedVersionError, UnsupportedModeError, AuthenticationError,
  BadPlaintextError, ExpiredTokenError, NotYetValidError, AppIdMismatchError, UserIdMismatchError,
  RandomUnavailableError, InternalError, MalformedError, AuthFailedError, ExpiredError, PanicError,
} from './errors.mjs';

/** The C ABI version the Node.js binding checks; the same core, for parity. */
export const ABI_VERSION = 1;

const U32_MAX = 0xffffffff;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s) => (typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE_SURROGATE.test(s));

function text(value, name, required = true) {
  if (value === null || value === undefined) {
    if (required) throw new errors.NullPointerError(`${name} must not be null or undefined`, 11);
    return '';
  }
  if (typeof value !== 'string') throw new errors.InvalidArgumentError(`${name} must be a string`, 10);
  // As the Node.js binding (whose C strings end at the first NUL): refuse rather than differ.
  if (value.includes('\0')) throw new errors.InvalidArgumentError(`${name} must not contain NUL characters`, 10);
  if (!wellFormed(value)) throw new errors.InvalidUtf8Error(`${name} is not valid UTF-16 text (lone surrogate)`, 12);
  return value;
}

// Text longer than the core accepts never crosses into WebAssembly memory, which would grow for
// good (or abort the instance) to hold it: a string of n UTF-16 code units is at least n bytes of
// UTF-8, so one over a limit is replaced, before crossing, by a short stand-in that fails the same
// check in the core, which so reports the same code in the same order as for any other bad input.
const MAX_USER_ID_BYTES = 64;
const SECRET_BYTES = 32;
const MAX_PAYLOAD_BYTES = 65535;
const MAX_TOKEN_BYTES = 174782;
let payloadStandIn = null;

/** A user id (code 3 when over 64 bytes). */
const userIdText = (value) => bounded(text(value, 'userId'), MAX_USER_ID_BYTES, () => 'x'.repeat(MAX_USER_ID_BYTES + 1));
/** A secret (code 5 unless 32 bytes). */
const secretText = (value) => bounded(text(value, 'secret'), SECRET_BYTES, () => '');
/** A payload (code 7 when over the 16-bit length field). */
const payloadText = (value) =>
  bounded(text(value, 'payload', false), MAX_PAYLOAD_BYTES, () => (payloadStandIn ??= 'x'.repeat(MAX_PAYLOAD_BYTES + 1)));
/** A token (code 20 when longer than any token). */
const tokenText = (value) => bounded(text(value, 'token'), MAX_TOKEN_BYTES, () => '');

function bounded(value, maxBytes, standIn) {
  return value.length > maxBytes ? standIn() : value;
}

function integer(value, name, min, max) {
  const ok = (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
  if (!ok) throw new errors.InvalidArgumentError(`${name} must be an integer`, 10);
  if (value < min || value > max) throw new errors.InvalidArgumentError(`${name} must be between ${min} and ${max}`, 10);
  return value;
}

/** Seconds as the BigInt the WebAssembly's int64 parameters take (exact, unlike a Number). */
const seconds = (value, name) => BigInt(integer(value, name, I64_MIN, I64_MAX));

/** Runs a WebAssembly call, turning a thrown `{ code, message }` into the library's error class. */
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    if (e !== null && typeof e === 'object' && typeof e.code === 'number' && !(e instanceof Error)) {
      throw errors.errorFor(e.code, e.message);
    }
    throw e;
  }
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

/** Generates a Token04 (AES-256-GCM). Throws a ZegoTokenError subclass for invalid input. */
export function generate(appId, userId, secret, effectiveTimeInSeconds = 3600, payload = '') {
  return call(
    wasm.generate,
    integer(appId, 'appId', 0, U32_MAX),
    userIdText(userId),
    secretText(secret),
    seconds(effectiveTimeInSeconds, 'effectiveTimeInSeconds'),
    payloadText(payload)
  );
}

const finalizer = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((inner) => inner.free()) : null;

/** Generates tokens for one app id and secret, keeping the expanded key. Call close() when done. */
export class Generator {
  #inner;

  constructor(appId, secret) {
    this.#inner = call((a, s) => new wasm.Generator(a, s), integer(appId, 'appId', 0, U32_MAX), secretText(secret));
    this.appId = appId;
    finalizer?.register(this, this.#inner, this);
    Object.freeze(this);
  }

  generate(userId, effectiveTimeInSeconds = 3600, payload = '') {
    const inner = this.#live();
    return call(
      (u, t, p) => inner.generate(u, t, p),
      userIdText(userId),
      seconds(effectiveTimeInSeconds, 'effectiveTimeInSeconds'),
      payloadText(payload)
    );
  }

  /** Decodes a token with this generator's secret and kept key (no time or app id check). */
  decode(token) {
    const inner = this.#live();
    return claims(call((t) => inner.decode(t), tokenText(token)));
  }

  /** Verifies a token against this generator's app id and secret, with verify's options. */
  verify(token, options = {}) {
    const inner = this.#live();
    const theToken = tokenText(token);
    const o = verifyOptions(options);
    return claims(call(() => inner.verify(theToken, o.now, o.leeway, o.userId, o.requireGcm)));
  }

  #live() {
    if (this.#inner === null) throw new errors.InvalidArgumentError('the generator is closed', 10);
    return this.#inner;
  }

  /** Frees the generator (and zeroizes its key). Safe to call twice. */
  close() {
    if (this.#inner !== null) {
      finalizer?.unregister(this);
      this.#inner.free();
      this.#inner = null;
    }
  }

  toString() {
    return `Generator(appId=${this.appId}, secret=<redacted>)`;
  }
}

if (typeof Symbol.dispose === 'symbol') Generator.prototype[Symbol.dispose] = Generator.prototype.close;

/** The JSON payload of an RTC room privilege token, exactly the official plug-in's. */
export function rtcRoomPayload(roomId, { canLogin = true, canPublish = false, streamIds = null } = {}) {
  const ids = streamIds === null || streamIds === undefined ? undefined : Array.from(streamIds, (s) => text(s, 'stream id'));
  return call(wasm.rtcRoomPayload, text(roomId, 'roomId'), Boolean(canLogin), Boolean(canPublish), ids);
}

/** Decodes a token (current GCM or legacy CBC) without checking time or app id. */
export function decode(token, secret) {
  return claims(call(wasm.decode, tokenText(token), secretText(secret)));
}

/** Unix seconds from a Date or a number/bigint of seconds. */
function unixSeconds(value, name) {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new errors.InvalidArgumentError(`${name} is an invalid Date`, 10);
    return BigInt(Math.floor(ms / 1000));
  }
  return seconds(value, name);
}

/** The options of verify, checked as the Node.js binding checks them. */
function verifyOptions({ now = null, leeway = 0, userId = null, requireGcm = false } = {}) {
  if (typeof requireGcm !== 'boolean') throw new TypeError('requireGcm must be a boolean');
  return {
    now: now === null || now === undefined ? undefined : unixSeconds(now, 'now'),
    leeway: seconds(leeway, 'leeway'),
    userId: userId === null || userId === undefined ? undefined : text(userId, 'userId'),
    requireGcm,
  };
}

/**
 * Decodes a token and checks it was made for appId (and options.userId) and is valid at
 * options.now (a Date or unix seconds; omitted: the host's clock), tolerating options.leeway
 * seconds of skew. With options.requireGcm, a legacy CBC token is refused with UnsupportedModeError.
 */
export function verify(token, secret, appId, options = {}) {
  return verifyWithAny(token, [secret], appId, options).claims;
}

/** verify with several secrets tried in order (key rotation): { claims, secretIndex } of the match
 * (`index`, the same number, is the deprecated name). */
export function verifyWithAny(token, secrets, appId, options = {}) {
  if (!Array.isArray(secrets)) throw new TypeError('secrets must be an array of strings');
  const texts = secrets.map(secretText);
  const theToken = tokenText(token);
  const app = integer(appId, 'appId', 0, U32_MAX);
  const o = verifyOptions(options);
  const [json, index] = call(() => wasm.verifyWithAny(theToken, texts, app, o.now, o.leeway, o.userId, o.requireGcm));
  return verified(claims(json), index);
}

/** The official plug-in's error codes. */
export const ErrorCode = Object.freeze({
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
export function generateToken04(appId, userId, secret, effectiveTimeInSeconds, payload) {
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

export const libraryVersion = () => wasm.libraryVersion();
export const message = (code) => wasm.message(code);
