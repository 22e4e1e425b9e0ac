"""The bad-input matrix: each case raises its error with the library's code, never crashes."""

import pytest

import zego_token
from conftest import APP_ID, SECRET

GENERATE_CASES = [
    ("app id 0", dict(app_id=0), zego_token.InvalidAppIdError, 1),
    ("app id above uint32", dict(app_id=2**32), zego_token.InvalidArgumentError, 10),
    ("empty user id", dict(user_id=""), zego_token.InvalidUserIdError, 3),
    ("65-byte user id", dict(user_id="u" * 65), zego_token.InvalidUserIdError, 3),
    ("22 three-byte characters", dict(user_id="中" * 22), zego_token.InvalidUserIdError, 3),
    ("None user id", dict(user_id=None), zego_token.NullPointerError, 11),
    ("31-byte secret", dict(secret=SECRET[:31]), zego_token.InvalidSecretError, 5),
    ("33-byte secret", dict(secret=SECRET + "0"), zego_token.InvalidSecretError, 5),
    ("non-ASCII secret of 32 bytes", dict(secret="é" * 16), zego_token.InvalidSecretError, 5),
    ("None secret", dict(secret=None), zego_token.NullPointerError, 11),
    ("effective time 0", dict(effective_time_in_seconds=0), zego_token.InvalidEffectiveTimeError, 6),
    ("negative effective time", dict(effective_time_in_seconds=-1), zego_token.InvalidEffectiveTimeError, 6),
    ("overflowing effective time", dict(effective_time_in_seconds=2**63 - 1), zego_token.InvalidEffectiveTimeError, 6),
    ("effective time beyond int64", dict(effective_time_in_seconds=2**64), zego_token.InvalidArgumentError, 10),
    ("oversized payload", dict(payload="x" * 70000), zego_token.PayloadTooLargeError, 7),
    ("NUL in user id", dict(user_id="a\0b"), zego_token.InvalidArgumentError, 10),
    ("lone surrogate", dict(user_id="\ud800"), zego_token.InvalidUtf8Error, 12),
    ("user id not a str", dict(user_id=5), zego_token.InvalidArgumentTypeError, 10),
    ("app id not an int", dict(app_id="1234567890"), zego_token.InvalidArgumentTypeError, 10),
    ("effective time a float", dict(effective_time_in_seconds=3600.0), zego_token.InvalidArgumentTypeError, 10),
]


@pytest.mark.parametrize("override", [dict(user_id=5), dict(app_id="1"), dict(secret=b"0" * 32), dict(payload=1)])
def test_an_argument_of_the_wrong_type_is_a_type_error_with_the_invalid_argument_code(override):
    args = dict(app_id=APP_ID, user_id="u", secret=SECRET, effective_time_in_seconds=3600, payload="")
    args.update(override)
    with pytest.raises(TypeError) as raised:
        zego_token.generate(**args)
    assert isinstance(raised.value, zego_token.InvalidArgumentError)
    assert raised.value.code == 10


@pytest.mark.parametrize("name,override,error,code", GENERATE_CASES, ids=[c[0] for c in GENERATE_CASES])
def test_generate_rejects(name, override, error, code):
    args = dict(app_id=APP_ID, user_id="u", secret=SECRET, effective_time_in_seconds=3600, payload="")
    args.update(override)
    with pytest.raises(error) as raised:
        zego_token.generate(**args)
    assert raised.value.code == code


def test_generator_rejects_app_id_0_and_a_bad_secret():
    with pytest.raises(zego_token.InvalidAppIdError):
        zego_token.Generator(0, SECRET)
    with pytest.raises(zego_token.InvalidSecretError):
        zego_token.Generator(APP_ID, "short")


def test_room_and_stream_ids_are_checked():
    with pytest.raises(zego_token.InvalidRoomIdError):
        zego_token.RtcRoomPayload("").to_json()
    with pytest.raises(zego_token.InvalidRoomIdError):
        zego_token.RtcRoomPayload("r" * 129).to_json()
    with pytest.raises(zego_token.InvalidStreamIdError):
        zego_token.RtcRoomPayload("r", stream_ids=["s" * 257]).to_json()


def test_bad_tokens_give_their_codes():
    token = zego_token.generate(APP_ID, "u", SECRET, 3600)
    tampered = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
    cases = [
        ("", zego_token.MalformedTokenError),
        (token[:30], zego_token.MalformedTokenError),
        ("03" + token[2:], zego_token.UnsupportedVersionError),
        (tampered, zego_token.AuthenticationError),
    ]
    for bad, error in cases:
        with pytest.raises(error):
            zego_token.decode(bad, SECRET)
    with pytest.raises(zego_token.AuthenticationError):
        zego_token.decode(token, "fedcba9876543210fedcba9876543210")
    with pytest.raises(zego_token.ExpiredTokenError):
        zego_token.verify(token, SECRET, APP_ID, now=2**62)
    with pytest.raises(zego_token.AppIdMismatchError):
        zego_token.verify(token, SECRET, 1)
    with pytest.raises(zego_token.InvalidArgumentError):
        zego_token.verify(token, SECRET, APP_ID, leeway=-1)
    with pytest.raises(zego_token.NullPointerError):
        zego_token.decode(None, SECRET)
