"""ZegoTokenError and one subclass per reason, each with the library's stable numeric code."""

from __future__ import annotations

from typing import Dict, Type


class ZegoTokenError(Exception):
    """A zego-token failure. ``code`` is the library's stable numeric code (the same in every
    language); ``message`` its English description."""

    code: int = -1

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code}, message={self.message!r})"


class InvalidAppIdError(ZegoTokenError, ValueError):
    """The app id is 0 (official code 1)."""

    code = 1


class InvalidUserIdError(ZegoTokenError, ValueError):
    """The user id is empty or longer than 64 bytes (official code 3)."""

    code = 3


class InvalidSecretError(ZegoTokenError, ValueError):
    """The secret is not exactly 32 ASCII bytes (official code 5)."""

    code = 5


class InvalidEffectiveTimeError(ZegoTokenError, ValueError):
    """The effective time is <= 0 or the expiry overflows (official code 6)."""

    code = 6


class PayloadTooLargeError(ZegoTokenError, ValueError):
    """The plaintext would not fit the token's 16-bit length field."""

    code = 7


class InvalidRoomIdError(ZegoTokenError, ValueError):
    """The room id is empty or longer than 128 bytes."""

    code = 8


class InvalidStreamIdError(ZegoTokenError, ValueError):
    """A stream id is empty or longer than 256 bytes."""

    code = 9


class InvalidArgumentError(ZegoTokenError, ValueError):
    """An argument is out of range (a negative leeway, a NUL character in a string, a wrong type)."""

    code = 10


class InvalidArgumentTypeError(InvalidArgumentError, TypeError):
    """An argument has the wrong type (a str where an int is expected, say). It is a ``TypeError``,
    as Python code expects, and an ``InvalidArgumentError`` with its code 10."""


class NullPointerError(ZegoTokenError, TypeError):
    """A required argument was None."""

    code = 11


class InvalidUtf8Error(ZegoTokenError, ValueError):
    """A string cannot be encoded as UTF-8 (for example a lone surrogate)."""

    code = 12


class TokenError(ZegoTokenError):
    """Base class of every reason a token is refused by decode or verify."""


class MalformedError(TokenError):
    """Empty, too short, not base64, lengths past the end, or trailing bytes."""

    code = 20


class UnsupportedVersionError(TokenError):
    """The token does not start with "04"."""

    code = 21


class UnsupportedModeError(TokenError):
    """The token's mode byte is not 1 (AES-GCM)."""

    code = 22


class AuthFailedError(TokenError):
    """Wrong secret, or the token was altered."""

    code = 23


class BadPlaintextError(TokenError):
    """The token decrypts but is not the expected claims."""

    code = 24


class ExpiredError(TokenError):
    """now >= expire + leeway."""

    code = 30


class NotYetValidError(TokenError):
    """ctime > now + leeway."""

    code = 31


class AppIdMismatchError(TokenError):
    """The token was made for another app id."""

    code = 32


class UserIdMismatchError(TokenError):
    """The token was made for another user id."""

    code = 33


class RandomUnavailableError(ZegoTokenError):
    """The operating system's random number generator failed."""

    code = 40


class PanicError(ZegoTokenError):
    """A bug in the library, caught at its boundary. Please report it."""

    code = 41


_BY_CODE: Dict[int, Type[ZegoTokenError]] = {
    cls.code: cls
    for cls in list(globals().values())
    if isinstance(cls, type) and issubclass(cls, ZegoTokenError) and cls.code >= 0
}


def error_for(code: int, message: str) -> ZegoTokenError:
    """The exception for a library result code."""
    cls = _BY_CODE.get(code, ZegoTokenError)
    return cls(message, code)


# The first names of four classes, before every binding took its names from the C ones
# (ZEGO_RESULT_MALFORMED, _AUTH_FAILED, _EXPIRED, _PANIC). Deprecated: the same classes, so code that
# catches them keeps working.
MalformedTokenError = MalformedError
AuthenticationError = AuthFailedError
ExpiredTokenError = ExpiredError
InternalError = PanicError
