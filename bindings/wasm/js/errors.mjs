// ZegoTokenError and one subclass per reason, each with the library's stable numeric code: the same
// classes, names and codes as the Node.js binding's lib/errors.js (a test compares them).

export class ZegoTokenError extends Error {
  constructor(message, code) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

const reasons = [
  ['InvalidAppIdError', 1], ['InvalidUserIdError', 3], ['InvalidSecretError', 5],
  ['InvalidEffectiveTimeError', 6], ['PayloadTooLargeError', 7], ['InvalidRoomIdError', 8],
  ['InvalidStreamIdError', 9], ['InvalidArgumentError', 10], ['NullPointerError', 11],
  ['InvalidUtf8Error', 12], ['MalformedError', 20], ['UnsupportedVersionError', 21],
  ['UnsupportedModeError', 22], ['AuthFailedError', 23], ['BadPlaintextError', 24],
  ['ExpiredError', 30], ['NotYetValidError', 31], ['AppIdMismatchError', 32],
  ['UserIdMismatchError', 33], ['RandomUnavailableError', 40], ['PanicError', 41],
];

const byCode = new Map();
const classes = {};
for (const [name, code] of reasons) {
  // A named class per reason, so that `instanceof` and stack traces say what happened.
  const cls = { [name]: class extends ZegoTokenError {} }[name];
  cls.code = code;
  classes[name] = cls;
  byCode.set(code, cls);
}

export const {
  InvalidAppIdError, InvalidUserIdError, InvalidSecretError, InvalidEffectiveTimeError, PayloadTooLargeError,
  InvalidRoomIdError, InvalidStreamIdError, InvalidArgumentError, NullPointerError, InvalidUtf8Error,
  MalformedError, UnsupportedVersionError, UnsupportedModeError, AuthFailedError, BadPlaintextError,
  ExpiredError, NotYetValidError, AppIdMismatchError, UserIdMismatchError, RandomUnavailableError, PanicError,
} = classes;

// The first names of four classes, before every binding took its names from the C ones
// (ZEGO_RESULT_MALFORMED, _AUTH_FAILED, _EXPIRED, _PANIC): deprecated, the same classes.
export const MalformedTokenError = MalformedError;
export const AuthenticationError = AuthFailedError;
export const ExpiredTokenError = ExpiredError;
export const InternalError = PanicError;

/** The error for a library result code. */
export function errorFor(code, message) {
  const Cls = byCode.get(code) || ZegoTokenError;
  return new Cls(message, code);
}
