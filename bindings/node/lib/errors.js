'use strict';
// ZegoTokenError and one subclass per reason, each with the library's stable numeric code.

class ZegoTokenError extends Error {
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

const classes = { ZegoTokenError };
const byCode = new Map();
for (const [name, code] of reasons) {
  // A named class per reason, so that `instanceof` and stack traces say what happened.
  const cls = { [name]: class extends ZegoTokenError {} }[name];
  cls.code = code;
  classes[name] = cls;
  byCode.set(code, cls);
}

/** The error for a library result code. */
function errorFor(code, message) {
  const Cls = byCode.get(code) || ZegoTokenError;
  return new Cls(message, code);
}

// The first names of four classes, before every binding took its names from the C ones
// (ZEGO_RESULT_MALFORMED, _AUTH_FAILED, _EXPIRED, _PANIC): deprecated, the same classes.
const deprecated = {
  MalformedTokenError: classes.MalformedError,
  AuthenticationError: classes.AuthFailedError,
  ExpiredTokenError: classes.ExpiredError,
  InternalError: classes.PanicError,
};

module.exports = { ...classes, ...deprecated, errorFor };
