"""The official plug-in's entry point and result shape, for success and each error."""

import pytest

import zego_token
from conftest import APP_ID, SECRET
from zego_token import token04
from zego_token.compat import TokenInfo, generate_token04


def test_success_has_the_official_shape():
    info = generate_token04(APP_ID, "demo", SECRET, 3600, "")
    assert isinstance(info, TokenInfo)
    assert info.error_code == token04.ERROR_CODE_SUCCESS == 0
    assert info.error_message == "success"  # the official module's text
    assert zego_token.decode(info.token, SECRET).user_id == "demo"


def test_payload_is_optional_as_in_the_samples():
    assert generate_token04(APP_ID, "demo", SECRET, 3600).error_code == 0


@pytest.mark.parametrize(
    "args,code",
    [
        ((0, "demo", SECRET, 3600), token04.ERROR_CODE_APP_ID_INVALID),
        (("1", "demo", SECRET, 3600), token04.ERROR_CODE_APP_ID_INVALID),
        ((2**32, "demo", SECRET, 3600), token04.ERROR_CODE_APP_ID_INVALID),
        ((APP_ID, "", SECRET, 3600), token04.ERROR_CODE_USER_ID_INVALID),
        ((APP_ID, None, SECRET, 3600), token04.ERROR_CODE_USER_ID_INVALID),
        ((APP_ID, "demo", "short", 3600), token04.ERROR_CODE_SECRET_INVALID),
        ((APP_ID, "demo", None, 3600), token04.ERROR_CODE_SECRET_INVALID),
        ((APP_ID, "demo", SECRET, 0), token04.ERROR_CODE_EFFECTIVE_TIME_IN_SECONDS_INVALID),
        ((APP_ID, "demo", SECRET, "3600"), token04.ERROR_CODE_EFFECTIVE_TIME_IN_SECONDS_INVALID),
        ((APP_ID, "demo", SECRET, 3600, "x" * 70000), 7),
    ],
)
def test_each_error_is_reported_never_raised(args, code):
    info = generate_token04(*args)
    assert (info.token, info.error_code) == ("", code)
    assert info.error_message == OFFICIAL_MESSAGES.get(code, zego_token.message(code))


# The official Python module's error_message for each of its codes, word for word.
OFFICIAL_MESSAGES = {
    1: "appID invalid",
    3: "userID invalid",
    5: "secret must be a 32 byte string",
    6: "effective_time_in_seconds invalid",
}


def test_the_official_module_name_works_as_a_migration_path():
    assert token04.generate_token04 is generate_token04
    assert (token04.PRIVILEGE_KEY_LOGIN, token04.PRIVILEGE_KEY_PUBLISH) == (1, 2)
