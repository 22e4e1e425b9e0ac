"""The official plug-in's module name: ``from zego_token import token04`` then
``token04.generate_token04(...)``, exactly as with ``from src import token04``."""

from .compat import (  # noqa: F401
    ERROR_CODE_APP_ID_INVALID,
    ERROR_CODE_EFFECTIVE_TIME_IN_SECONDS_INVALID,
    ERROR_CODE_SECRET_INVALID,
    ERROR_CODE_SUCCESS,
    ERROR_CODE_USER_ID_INVALID,
    PRIVILEGE_DISABLE,
    PRIVILEGE_ENABLE,
    PRIVILEGE_KEY_LOGIN,
    PRIVILEGE_KEY_PUBLISH,
    TokenInfo,
    generate_token04,
)
