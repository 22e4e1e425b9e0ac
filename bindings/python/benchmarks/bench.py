"""Tokens per second, single thread: zego_token (one-shot and reusable Generator) against a
straightforward pure-Python implementation of the same format with the `cryptography` package.

    pip install ./bindings/python cryptography && python bindings/python/benchmarks/bench.py
"""

import base64
import json
import os
import secrets
import struct
import sys
import time

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

import zego_token

APP_ID = 1234567890
SECRET = "0123456789abcdef0123456789abcdef"
USER_ID = "user_123456"


def pure_python_token04(app_id, user_id, secret, effective_time_in_seconds, payload=""):
    """The Token04 format in plain Python (written here for comparison, not part of the package)."""
    ctime = int(time.time())
    expire = ctime + effective_time_in_seconds
    nonce = secrets.randbits(32) - 2**31
    plaintext = json.dumps(
        {"app_id": app_id, "user_id": user_id, "ctime": ctime, "expire": expire, "nonce": nonce, "payload": payload},
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    iv = os.urandom(12)
    sealed = AESGCM(secret.encode()).encrypt(iv, plaintext, None)
    body = struct.pack(">qH", expire, len(iv)) + iv + struct.pack(">H", len(sealed)) + sealed + b"\x01"
    return "04" + base64.b64encode(body).decode("ascii")


def tokens_per_second(make, rounds=7, n=20000):
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(n):
            make()
        best = min(best, (time.perf_counter() - start) / n)
    return 1 / best


def main():
    assert zego_token.decode(pure_python_token04(APP_ID, USER_ID, SECRET, 3600), SECRET).user_id == USER_ID
    generator = zego_token.Generator(APP_ID, SECRET)
    rows = [
        ("pure Python + cryptography", lambda: pure_python_token04(APP_ID, USER_ID, SECRET, 3600)),
        ("zego_token.generate", lambda: zego_token.generate(APP_ID, USER_ID, SECRET, 3600)),
        ("zego_token.Generator.generate", lambda: generator.generate(USER_ID, 3600)),
    ]
    print(f"Python {sys.version.split()[0]}, zego-token {zego_token.library_version()}, single thread, best of 7 x 20,000")
    baseline = None
    for name, make in rows:
        rate = tokens_per_second(make)
        baseline = baseline or rate
        print(f"{name:32} {rate:12,.0f} tokens/s  {1e6 / rate:6.2f} us/token  {rate / baseline:5.2f}x")


if __name__ == "__main__":
    main()
