"""Every token in the shared vectors decodes to its recorded claims; privilege payloads match byte for byte."""

import pytest

import zego_token
from conftest import read_vectors

OFFICIAL = read_vectors("official-tokens.jsonl")
INVALID = read_vectors("invalid-tokens.jsonl")

CATEGORY = {
    "ok": None,
    "malformed": zego_token.MalformedTokenError,
    "unsupported_version": zego_token.UnsupportedVersionError,
    "unsupported_mode": zego_token.UnsupportedModeError,
    "auth_failed": zego_token.AuthenticationError,
    "bad_plaintext": zego_token.BadPlaintextError,
    "expired": zego_token.ExpiredTokenError,
    "not_yet_valid": zego_token.NotYetValidError,
    "app_id_mismatch": zego_token.AppIdMismatchError,
}


def test_every_official_token_decodes_to_its_recorded_claims():
    assert len(OFFICIAL) == 576
    for row in OFFICIAL:
        claims = zego_token.decode(row["token"], row["secret"])
        expected = row["claims"]
        assert (claims.app_id, claims.user_id, claims.ctime, claims.expire, claims.nonce, claims.payload) == (
            expected["app_id"], expected["user_id"], expected["ctime"], expected["expire"], expected["nonce"], expected["payload"]
        ), row["generator"]
        assert claims.mode == row["format"]


@pytest.mark.parametrize("row", INVALID, ids=[r["name"] for r in INVALID])
def test_every_invalid_token_gives_its_category(row):
    expected = CATEGORY[row["expect"]]

    def check():
        if row["check"] == "decode":
            return zego_token.decode(row["token"], row["secret"])
        return zego_token.verify(row["token"], row["secret"], row["app_id"], now=row["now"], leeway=row["leeway_seconds"])

    if expected is None:
        check()
    else:
        with pytest.raises(expected) as raised:
            check()
        assert raised.value.code == expected.code


def test_privilege_payload_matches_the_official_json_byte_for_byte():
    official = {row["claims"]["payload"] for row in OFFICIAL}
    null_list = zego_token.RtcRoomPayload("room1", can_login=True, can_publish=False).to_json()
    empty_list = zego_token.RtcRoomPayload("room1", can_login=True, can_publish=False, stream_ids=[]).to_json()
    assert null_list == '{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}'
    assert null_list in official
    assert empty_list in official


def test_every_verify_case_gives_its_code_and_secret_index():
    from conftest import read_vectors

    for row in read_vectors("verify-cases.jsonl"):
        try:
            claims, index = zego_token.verify_with_any(
                row["token"],
                row["secrets"],
                row["app_id"],
                now=row.get("now"),  # a case without "now" checks at the system clock
                leeway=row["leeway_seconds"],
                user_id=row.get("user_id"),
                require_gcm=row["require_gcm"],
            )
            outcome = (0, index)
        except zego_token.ZegoTokenError as error:
            outcome = (error.code, None)
        assert outcome == (row["expect_code"], row.get("secret_index")), row["name"]


FINDING_TOKENS = read_vectors("finding-tokens.jsonl")


@pytest.mark.parametrize("row", FINDING_TOKENS, ids=[r["name"] for r in FINDING_TOKENS])
def test_a_token_breaking_a_generation_rule_decodes_with_its_findings(row):
    for claims in (
        zego_token.decode(row["token"], row["secret"]),
        zego_token.Generator(row["app_id"], row["secret"]).decode(row["token"]),
    ):
        expected = row["claims"]
        assert (claims.user_id, claims.nonce, claims.mode) == (expected["user_id"], expected["nonce"], row["format"])
        assert claims.findings == tuple(row["findings"])


@pytest.mark.parametrize("row", FINDING_TOKENS, ids=[r["name"] for r in FINDING_TOKENS])
def test_a_token_breaking_a_generation_rule_verifies_only_when_current(row):
    try:
        claims = zego_token.verify(row["token"], row["secret"], row["app_id"], now=row["now"])
        outcome = 0
        assert claims.findings == tuple(row["findings"])
    except zego_token.ZegoTokenError as error:
        outcome = error.code
    assert outcome == row["verify_code"]


def test_a_token_within_the_rules_has_no_finding():
    row = OFFICIAL[0]
    assert zego_token.decode(row["token"], row["secret"]).findings == ()
