"""Drop-in for ZEGO's official Python plug-in (zego_server_assistant, token04.py).

Replace ``from src import token04`` (or ``import token04``) with
``from zego_token import token04``, or import ``generate_token04`` from here. The result is the
official ``TokenInfo`` shape, and invalid input never raises: it is reported in ``error_code`` and
``error_message``, with the official codes 1, 3, 5 and 6 and their official messages ("success" on
success), and zego-token's codes and messages for what the official module does not check.
"""

from __future__ import annotations

from ._core import generate
from .errors import ZegoTokenError

ERROR_CODE_SUCCESS = 0
ERROR_CODE_APP_ID_INVALID = 1
ERROR_CODE_USER_ID_INVALID = 3
ERROR_CODE_SECRET_INVALID = 5
ERROR_CODE_EFFECTIVE_TIME_IN_SECONDS_INVALID = 6

# Privilege keys and values of the RTC room payload, as in the official samples.
PRIVILEGE_KEY_LOGIN = 1
PRIVILEGE_KEY_PUBLISH = 2
PRIVILEGE_ENABLE = 1
PRIVILEGE_DISABLE = 0


class TokenInfo:
    """The official result: ``token`` ("" on error), ``error_code`` (0 on success), ``error_message``."""

    def __init__(self, token: str, error_code: int, error_message: str) -> None:
        self.token = token
        self.error_code = error_code
        self.error_message = error_message

    def __repr__(self) -> str:
        return f"TokenInfo(error_code={self.error_code}, error_message={self.error_message!r})"


# The official module's messages, word for word, for its four error codes (and "success").
_OFFICIAL_MESSAGES = {
    ERROR_CODE_SUCCESS: "success",
    ERROR_CODE_APP_ID_INVALID: "appID invalid",
    ERROR_CODE_USER_ID_INVALID: "userID invalid",
    ERROR_CODE_SECRET_INVALID: "secret must be a 32 byte string",
    ERROR_CODE_EFFECTIVE_TIME_IN_SECONDS_INVALID: "effective_time_in_seconds invalid",
}

# The official plug-in checks the types of its arguments and reports them with its codes.
_TYPE_CHECKS = (
    ("app_id", int, ERROR_CODE_APP_ID_INVALID),
    ("user_id", str, ERROR_CODE_USER_ID_INVALID),
    ("secret", str, ERROR_CODE_SECRET_INVALID),
    ("effective_time_in_seconds", int, ERROR_CODE_EFFECTIVE_TIME_IN_SECONDS_INVALID),
)


def generate_token04(
    app_id: int, user_id: str, secret: str, effective_time_in_seconds: int, payload: str = ""
) -> TokenInfo:
    """Same name, parameters and result as the official ``token04.generate_token04``."""
    values = {
        "app_id": app_id,
        "user_id": user_id,
        "secret": secret,
        "effective_time_in_seconds": effective_time_in_seconds,
    }
    for name, expected, code in _TYPE_CHECKS:
        value = values[name]
        if not isinstance(value, expected) or isinstance(value, bool):
            return TokenInfo("", code, _OFFICIAL_MESSAGES[code])
    if payload is None:
        payload = ""
    try:
        token = generate(app_id, user_id, secret, effective_time_in_seconds, payload)
        return TokenInfo(token, ERROR_CODE_SUCCESS, _OFFICIAL_MESSAGES[ERROR_CODE_SUCCESS])
    except ZegoTokenError as error:
        # app_id out of uint32 range is an invalid app id, as in the official plug-in.
        code = error.code
        if code == 10 and not 0 <= app_id < 2**32:
            code = ERROR_CODE_APP_ID_INVALID
        return TokenInfo("", code, _OFFICIAL_MESSAGES.get(code, error.message))
