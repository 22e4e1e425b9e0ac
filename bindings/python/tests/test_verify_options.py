"""verify's options: key rotation, expected user id, native time types, the generator's decode/verify."""

from datetime import datetime, timedelta, timezone

import pytest

import zego_token
from conftest import APP_ID, SECRET

OTHER = "fedcba9876543210fedcba9876543210"


def test_verify_with_any_returns_the_index_of_the_matching_secret():
    token = zego_token.generate(APP_ID, "u", SECRET, 60)
    claims, index = zego_token.verify_with_any(token, [OTHER, SECRET], APP_ID)
    assert (claims.user_id, index) == ("u", 1)


def test_verify_with_any_without_a_matching_secret_is_an_authentication_error():
    token = zego_token.generate(APP_ID, "u", SECRET, 60)
    with pytest.raises(zego_token.AuthenticationError):
        zego_token.verify_with_any(token, [OTHER], APP_ID)


def test_verify_with_any_needs_at_least_one_secret_and_a_sequence():
    token = zego_token.generate(APP_ID, "u", SECRET, 60)
    with pytest.raises(zego_token.InvalidArgumentError):
        zego_token.verify_with_any(token, [], APP_ID)
    with pytest.raises(TypeError):
        zego_token.verify_with_any(token, SECRET, APP_ID)


def test_verify_checks_the_expected_user_id_with_code_33():
    token = zego_token.generate(APP_ID, "alice", SECRET, 60)
    assert zego_token.verify(token, SECRET, APP_ID, user_id="alice").user_id == "alice"
    with pytest.raises(zego_token.UserIdMismatchError) as caught:
        zego_token.verify(token, SECRET, APP_ID, user_id="bob")
    assert caught.value.code == 33


def test_verify_takes_datetimes_and_timedeltas():
    token = zego_token.generate(APP_ID, "u", SECRET, 60)
    claims = zego_token.decode(token, SECRET)
    after = datetime.fromtimestamp(claims.expire + 5, tz=timezone.utc)
    with pytest.raises(zego_token.ExpiredTokenError):
        zego_token.verify(token, SECRET, APP_ID, now=after)
    assert zego_token.verify(token, SECRET, APP_ID, now=after, leeway=timedelta(seconds=10)) == claims
    naive_utc = after.replace(tzinfo=None)
    with pytest.raises(zego_token.ExpiredTokenError):
        zego_token.verify(token, SECRET, APP_ID, now=naive_utc)


def test_the_unix_epoch_is_a_time_like_any_other():
    token = zego_token.generate(APP_ID, "u", SECRET, 60)
    with pytest.raises(zego_token.NotYetValidError):
        zego_token.verify(token, SECRET, APP_ID, now=0)


def test_claims_expose_ctime_and_expire_as_utc_datetimes():
    claims = zego_token.decode(zego_token.generate(APP_ID, "u", SECRET, 600), SECRET)
    assert claims.created_at == datetime.fromtimestamp(claims.ctime, tz=timezone.utc)
    assert claims.expires_at - claims.created_at == timedelta(seconds=600)
    assert claims.expires_at.tzinfo is timezone.utc


def test_generator_decodes_and_verifies_with_its_key():
    with zego_token.Generator(APP_ID, SECRET) as generator:
        token = generator.generate("u", 60)
        assert generator.decode(token).user_id == "u"
        assert generator.verify(token, leeway=timedelta(seconds=5), user_id="u", require_gcm=True).user_id == "u"
        with pytest.raises(zego_token.UserIdMismatchError):
            generator.verify(token, user_id="v")
    with zego_token.Generator(APP_ID + 1, SECRET) as other_app:
        with pytest.raises(zego_token.AppIdMismatchError):
            other_app.verify(token)
    with pytest.raises(zego_token.InvalidArgumentError):
        generator.decode(token)  # closed


def test_verify_with_any_returns_a_named_tuple_with_the_secret_index():
    token = zego_token.generate(APP_ID, "u", SECRET, 60)
    result = zego_token.verify_with_any(token, [OTHER, SECRET], APP_ID)
    assert isinstance(result, zego_token.Verified)
    assert (result.claims.user_id, result.secret_index) == ("u", 1)
    claims, secret_index = result  # still a tuple
    assert secret_index == 1
