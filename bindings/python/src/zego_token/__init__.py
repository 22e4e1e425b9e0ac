"""zego-token: generate, decode and verify ZEGO Token04 tokens.

    >>> import zego_token
    >>> token = zego_token.generate(1234567890, "user_123456", "0123456789abcdef0123456789abcdef", 3600)
    >>> zego_token.decode(token, "0123456789abcdef0123456789abcdef").user_id
    'user_123456'

Drop-in for the official plug-in: ``from zego_token.compat import generate_token04``.
"""

from ._core import (
    ABI_VERSION,
    Claims,
    Generator,
    RtcRoomPayload,
    Verified,
    decode,
    generate,
    library_version,
    message,
    verify,
    verify_with_any,
)
from ._native import LibraryNotFoundError
from .errors import (
    AppIdMismatchError,
    AuthenticationError,
    AuthFailedError,
    BadPlaintextError,
    ExpiredTokenError,
    ExpiredError,
    InternalError,
    PanicError,
    InvalidAppIdError,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    InvalidEffectiveTimeError,
    InvalidRoomIdError,
    InvalidSecretError,
    InvalidStreamIdError,
    InvalidUserIdError,
    InvalidUtf8Error,
    MalformedTokenError,
    MalformedError,
    NotYetValidError,
    NullPointerError,
    PayloadTooLargeError,
    RandomUnavailableError,
    TokenError,
    UnsupportedModeError,
    UnsupportedVersionError,
    UserIdMismatchError,
    ZegoTokenError,
)

__version__ = "0.1.0"

__all__ = [
    "ABI_VERSION",
    "AppIdMismatchError",
    "AuthenticationError",
    "AuthFailedError",
    "BadPlaintextError",
    "Claims",
    "ExpiredTokenError",
    "ExpiredError",
    "Generator",
    "InternalError",
    "PanicError",
    "InvalidAppIdError",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "InvalidEffectiveTimeError",
    "InvalidRoomIdError",
    "InvalidSecretError",
    "InvalidStreamIdError",
    "InvalidUserIdError",
    "InvalidUtf8Error",
    "LibraryNotFoundError",
    "MalformedTokenError",
    "MalformedError",
    "NotYetValidError",
    "NullPointerError",
    "PayloadTooLargeError",
    "RandomUnavailableError",
    "RtcRoomPayload",
    "TokenError",
    "UnsupportedModeError",
    "UnsupportedVersionError",
    "UserIdMismatchError",
    "ZegoTokenError",
    "decode",
    "generate",
    "library_version",
    "message",
    "verify",
    "verify_with_any",
    "Verified",
]
