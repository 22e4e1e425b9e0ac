// ESM entry point: the same API as the CommonJS one.
import zegoToken from './index.js';

export const {
  ABI_VERSION, ErrorCode, Generator, decode, generate, generateToken04, libraryVersion, message,
  rtcRoomPayload, verify, verifyWithAny, ZegoTokenError, InvalidAppIdError, InvalidUserIdError, InvalidSecretError,
  InvalidEffectiveTimeError, PayloadTooLargeError, InvalidRoomIdError, InvalidStreamIdError,
  InvalidArgumentError, NullPointerError, InvalidUtf8Error, MalformedTokenError, UnsupportedVersionError,
  UnsupportedModeError, AuthenticationError, BadPlaintextError, ExpiredTokenError, NotYetValidError,
  AppIdMismatchError, UserIdMismatchError, RandomUnavailableError, InternalError, MalformedError, AuthFailedError, ExpiredError, PanicError,
} = zegoToken;
export default zegoToken;
