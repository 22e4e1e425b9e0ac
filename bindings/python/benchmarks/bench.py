"""zego_token against careful hand-written Python making the same Token04 with the `cryptography`
package (AESGCM object kept or made per call, one os.urandom per token, the JSON and the
envelope built directly), side by side in one process: each round runs every implementation for
n tokens in turn, and the figure is the median round.

    pip install ./bindings/python cryptography && python bindings/python/benchmarks/bench.py [rounds] [n]
"""

import binascii
import json
import os
import statistics
import struct
import sys
import time

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

import zego_token

APP_ID = 1234567890
SECRET = "0123456789abcdef0123456789abcdef"
USER_ID = "user_123456"
_HEADER = struct.Struct(">qH12sH")
_json_string = json.JSONEncoder(ensure_ascii=False).encode  # made once: json.dumps(..., ensure_ascii=False) builds one per call


class HandGenerator:
    """The baseline: what a careful Python developer writes for Token04 (not part of the package)."""

    def __init__(self, app_id, secret):
        self.app_id = app_id
        self.aead = AESGCM(secret.encode("ascii"))

    def generate(self, user_id, effective_time_in_seconds, payload=""):
        random = os.urandom(16)  # the GCM nonce (12) and the claims' nonce (4)
        ctime = int(time.time())
        expire = ctime + effective_time_in_seconds
        nonce = int.from_bytes(random[12:], "big", signed=True)
        plaintext = (
            f'{{"app_id":{self.app_id},"user_id":{_json_string(user_id)},'
            f'"ctime":{ctime},"expire":{expire},"nonce":{nonce},'
            f'"payload":{_json_string(payload)}}}'
        ).encode("utf-8")
        sealed = self.aead.encrypt(random[:12], plaintext, None)
        body = _HEADER.pack(expire, 12, random[:12], len(sealed)) + sealed + b"\x01"
        return "04" + binascii.b2a_base64(body, newline=False).decode("ascii")


def hand_one_shot(app_id, user_id, secret, effective_time_in_seconds, payload=""):
    return HandGenerator(app_id, secret).generate(user_id, effective_time_in_seconds, payload)


def run(make, n):
    start = time.perf_counter()
    for _ in range(n):
        make()
    return (time.perf_counter() - start) / n


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    room = zego_token.RtcRoomPayload("room-1", can_login=True, can_publish=True).to_json()
    hand = HandGenerator(APP_ID, SECRET)
    for payload in ("", room):  # the baseline makes real tokens
        claims = zego_token.decode(hand.generate(USER_ID, 3600, payload), SECRET)
        assert (claims.user_id, claims.payload) == (USER_ID, payload)
    generator = zego_token.Generator(APP_ID, SECRET)
    print(
        f"Python {sys.version.split()[0]}, zego-token {zego_token.library_version()}; "
        f"median of {rounds} interleaved rounds of {n:,} tokens"
    )
    print(f"{'payload':9} {'implementation':44} {'tokens/s':>12} {'us/token':>9} {'speed-up':>8}")
    for label, payload in (("empty", ""), ("privilege", room)):
        impls = [
            ("hand-written, one-shot (AESGCM per call)", lambda: hand_one_shot(APP_ID, USER_ID, SECRET, 3600, payload)),
            ("zego_token.generate (one-shot)", lambda: zego_token.generate(APP_ID, USER_ID, SECRET, 3600, payload)),
            ("hand-written, AESGCM kept", lambda: hand.generate(USER_ID, 3600, payload)),
            ("Generator.generate (reusable)", lambda: generator.generate(USER_ID, 3600, payload)),
        ]
        samples = [[] for _ in impls]
        for _ in range(rounds):
            for i, (_, make) in enumerate(impls):
                samples[i].append(run(make, n))
        medians = [statistics.median(s) for s in samples]
        for i, (name, _) in enumerate(impls):
            base = medians[i & ~1]  # one-shot against one-shot, reusable against reusable
            print(f"{label:9} {name:44} {1 / medians[i]:12,.0f} {medians[i] * 1e6:9.3f} {base / medians[i]:7.2f}x")
    generator.close()


if __name__ == "__main__":
    main()
