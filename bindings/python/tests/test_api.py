"""The idiomatic API: generate, Generator, RtcRoomPayload, decode, verify."""

import time

import pytest

import zego_token
from conftest import APP_ID, SECRET


def test_generate_then_decode_round_trips_unicode():
    for user_id, payload in [("user_中文_ü", "载荷 ü é 😀 \u2028 end"), ("a\"b\\c", "<b>&</b>"), ("😀" * 16, "")]:
        token = zego_token.generate(APP_ID, user_id, SECRET, 600, payload)
        claims = zego_token.decode(token, SECRET)
        assert (claims.user_id, claims.payload, claims.app_id, claims.mode) == (user_id, payload, APP_ID, "gcm")
        assert claims.expire - claims.ctime == 600


def test_generator_reuses_its_key_and_closes():
    with zego_token.Generator(APP_ID, SECRET) as generator:
        token = generator.generate("u", 60)
        assert zego_token.decode(token, SECRET).user_id == "u"
    with pytest.raises(zego_token.ZegoTokenError):
        generator.generate("u", 60)
    generator.close()  # twice is fine


def test_generator_repr_hides_the_secret():
    assert SECRET not in repr(zego_token.Generator(APP_ID, SECRET))


def test_privilege_token_carries_the_payload():
    payload = zego_token.RtcRoomPayload("room1", can_login=True, can_publish=True, stream_ids=["s1", "s2"])
    token = zego_token.generate(APP_ID, "u", SECRET, 3600, str(payload))
    assert zego_token.decode(token, SECRET).payload == (
        '{"room_id":"room1","privilege":{"1":1,"2":1},"stream_id_list":["s1","s2"]}'
    )


def test_claims_are_frozen():
    claims = zego_token.decode(zego_token.generate(APP_ID, "u", SECRET), SECRET)
    with pytest.raises(AttributeError):
        claims.user_id = "other"


def test_verify_accepts_a_fresh_token_and_checks_time_and_app_id():
    token = zego_token.generate(APP_ID, "u", SECRET, 60)
    assert zego_token.verify(token, SECRET, APP_ID).user_id == "u"
    now = int(time.time())
    with pytest.raises(zego_token.ExpiredTokenError):
        zego_token.verify(token, SECRET, APP_ID, now=now + 120)
    assert zego_token.verify(token, SECRET, APP_ID, now=now + 65, leeway=30).user_id == "u"
    with pytest.raises(zego_token.NotYetValidError):
        zego_token.verify(token, SECRET, APP_ID, now=now - 3600)
    with pytest.raises(zego_token.AppIdMismatchError) as raised:
        zego_token.verify(token, SECRET, APP_ID + 1)
    assert raised.value.code == 32


def test_every_error_is_a_zego_token_error_with_code_and_message():
    with pytest.raises(zego_token.ZegoTokenError) as raised:
        zego_token.decode("04", SECRET)
    assert raised.value.code == 20
    assert raised.value.message == zego_token.message(20)


def _official_cbc():
    from conftest import read_vectors

    return next(r for r in read_vectors("official-tokens.jsonl") if r["format"] == "cbc")


def test_verify_reports_a_legacy_token_and_accepts_it_by_default():
    row = _official_cbc()
    claims = zego_token.verify(row["token"], row["secret"], row["claims"]["app_id"], now=row["claims"]["ctime"])
    assert claims.mode == "cbc"


def test_verify_require_gcm_refuses_a_legacy_token():
    row = _official_cbc()
    with pytest.raises(zego_token.UnsupportedModeError) as caught:
        zego_token.verify(
            row["token"], row["secret"], row["claims"]["app_id"], now=row["claims"]["ctime"], require_gcm=True
        )
    assert caught.value.code == 22


def test_verify_require_gcm_accepts_a_current_token_with_every_claim():
    token = zego_token.generate(APP_ID, "用户", SECRET, 600, '{"a":1}')
    claims = zego_token.verify(token, SECRET, APP_ID, leeway=5, require_gcm=True)
    assert (claims.app_id, claims.user_id, claims.payload, claims.mode) == (APP_ID, "用户", '{"a":1}', "gcm")
    assert claims.expire - claims.ctime == 600
    with pytest.raises(zego_token.AppIdMismatchError):
        zego_token.verify(token, SECRET, APP_ID + 1, require_gcm=True)
    with pytest.raises(zego_token.InvalidArgumentError):
        zego_token.verify(token, SECRET, APP_ID, leeway=-1, require_gcm=True)


def test_error_classes_take_their_names_from_the_c_ones_and_keep_their_first_names():
    assert zego_token.AuthFailedError.code == 23 and zego_token.AuthenticationError is zego_token.AuthFailedError
    assert zego_token.MalformedError.code == 20 and zego_token.MalformedTokenError is zego_token.MalformedError
    assert zego_token.ExpiredError.code == 30 and zego_token.ExpiredTokenError is zego_token.ExpiredError
    assert zego_token.PanicError.code == 41 and zego_token.InternalError is zego_token.PanicError
    with pytest.raises(zego_token.AuthFailedError) as caught:
        zego_token.decode(zego_token.generate(1, "u", "0123456789abcdef0123456789abcdef", 60), "fedcba9876543210fedcba9876543210")
    assert type(caught.value).__name__ == "AuthFailedError"
