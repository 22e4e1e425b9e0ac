"""Many threads at once (ctypes releases the GIL during calls), and a leak check over 1,000,000 calls."""

import base64
import os
import threading

import zego_token
from conftest import APP_ID, SECRET


def _gcm_nonce(token):
    return base64.b64decode(token[2:])[10:22]


def test_many_threads_generate_valid_tokens_with_distinct_nonces():
    generator = zego_token.Generator(APP_ID, SECRET)
    results = [[] for _ in range(8)]

    def work(out):
        for i in range(2500):
            if i % 2:
                out.append(generator.generate("u", 60))
            else:
                out.append(zego_token.generate(APP_ID, "u", SECRET, 60))

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    tokens = [t for out in results for t in out]
    assert len(tokens) == 20000
    assert len({_gcm_nonce(t) for t in tokens}) == len(tokens)
    for token in tokens[::50]:
        assert zego_token.decode(token, SECRET).user_id == "u"


def _rss_kib():
    with open(f"/proc/{os.getpid()}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def test_a_million_calls_mixing_success_and_failure_keep_memory_flat():
    generator = zego_token.Generator(APP_ID, SECRET)
    token = generator.generate("u", 3600)

    def round_of(n):
        for i in range(n):
            kind = i % 4
            if kind == 0:
                generator.generate("u", 3600)
            elif kind == 1:
                zego_token.decode(token, SECRET)
            elif kind == 2:
                try:
                    zego_token.decode(token, "fedcba9876543210fedcba9876543210")
                except zego_token.AuthenticationError:
                    pass
            else:
                try:
                    generator.generate("", 3600)
                except zego_token.InvalidUserIdError:
                    pass

    round_of(100_000)  # warm up allocator and caches
    before = _rss_kib()
    round_of(1_000_000)
    growth = _rss_kib() - before
    # A leaked token alone would be ~190 bytes a call, i.e. ~47 MiB over the 250,000 successes.
    assert growth < 4 * 1024, f"resident memory grew by {growth} KiB"
