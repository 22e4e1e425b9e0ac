"""The fast path (_fast.py): one ctypes call a token into this thread's buffer."""

import threading

import pytest

import zego_token
from zego_token import _fast

APP_ID = 1234567890
SECRET = "0123456789abcdef0123456789abcdef"


def test_a_token_longer_than_the_threads_buffer_grows_it_and_round_trips():
    payload = '"x"' * 1500  # 4,500 bytes once escaped: more than the first 1 KiB buffer
    with zego_token.Generator(APP_ID, SECRET) as generator:
        token = generator.generate("user", 60, payload)
        assert len(token) > 6000
        assert generator.decode(token).payload == payload
        one_shot = zego_token.generate(APP_ID, "user", SECRET, 60, payload)
        assert zego_token.decode(one_shot, SECRET).payload == payload
        assert generator.decode(generator.generate("user", 60)).user_id == "user"  # the grown buffer serves on


def test_each_thread_writes_into_its_own_buffer():
    with zego_token.Generator(APP_ID, SECRET) as generator:
        seen = {}

        def work(i):
            seen[i] = [generator.decode(generator.generate(f"user-{i}", 60, "p" * (i * 300))).user_id for _ in range(200)]

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(ids == [f"user-{i}"] * 200 for i, ids in seen.items())


def test_a_bool_is_not_taken_for_a_kept_effective_time():
    with zego_token.Generator(APP_ID, SECRET) as generator:
        generator.generate("user", 1)  # keeps the int64 argument for 1
        with pytest.raises(zego_token.InvalidArgumentTypeError):
            generator.generate("user", True)


def test_the_fast_path_sizes_are_the_lengths_they_claim():
    assert [s.value for s in _fast.SIZES[:3]] == [0, 1, 2]
    assert _fast.size(100_000).value == 100_000


def test_a_payload_too_large_once_escaped_is_refused_before_the_buffer_grows():
    # 65,535 control characters are 393,210 bytes once escaped: code 7, and no 512 KB buffer kept.
    with pytest.raises(zego_token.PayloadTooLargeError):
        zego_token.Generator(APP_ID, SECRET).generate("u", 60, "\x01" * 65535)
    with pytest.raises(zego_token.PayloadTooLargeError):
        zego_token.generate(APP_ID, "u", SECRET, 60, "\x01" * 65535)
    assert _fast.buffer.args[1].value <= 87418


def test_the_thread_buffer_never_grows_past_the_longest_token_there_can_be():
    # 30,000 newlines fit (60,000 bytes escaped) but are counted wider by the size bound.
    token = zego_token.Generator(APP_ID, SECRET).generate("u", 60, "\n" * 30000)
    assert zego_token.decode(token, SECRET).payload == "\n" * 30000
    assert _fast.buffer.args[1].value <= 87418
