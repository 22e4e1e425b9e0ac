"""The fast path for generating tokens: the library's `_into` functions, one call a token.

On CPython 3.10 and later the call goes through `_speedups`, a small compiled module (one build
per platform, CPython's stable ABI) that converts the arguments and calls the function loaded here;
it returns the token, the library's code, or None for what it leaves to this module's ctypes path
(ZEGO_TOKEN_SPEEDUPS=0 turns it off). Elsewhere, or when the wheel has no `_speedups`, the ctypes
path below makes the same call:

ctypes converts each declared argument through a Python-level `from_param` that allocates an
object, about 70 ns an argument. These calls are made through function objects without `argtypes`
instead, and every argument is passed as an object ctypes hands over without converting it:
`bytes` (a pointer to its data), `None` (NULL) and ctypes instances of the exact C type
(`c_void_p`, `c_size_t`, `c_int64`, a `c_char` array). The token is written into this thread's
reusable buffer and copied out once, as a `str`.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from ctypes import c_int32, c_int64, c_size_t, c_void_p

from ._native import lib

#: ZEGO_RESULT_BUFFER_TOO_SMALL: handled here by growing the buffer, never raised.
_BUFFER_TOO_SMALL = 13

# Uncached function objects (lib[name], not lib.name), so that the declared ones keep argtypes.
generator_generate_into = lib["zego_token_generator_generate_into"]
generator_generate_into.restype = c_int32
generate_into = lib["zego_generate_token04_into"]
generate_into.restype = c_int32


def _load_speedups():
    """The `_speedups` module bound to this library's functions, or None where it cannot serve."""
    if os.environ.get("ZEGO_TOKEN_SPEEDUPS") == "0":
        return None
    if sys.implementation.name != "cpython" or sys.version_info < (3, 10):
        return None  # built for CPython's stable ABI of 3.10
    try:
        from . import _speedups  # type: ignore[attr-defined]
    except ImportError:
        return None  # a wheel without it (a platform it is not built for, or a source build that skipped it)
    _speedups._bind(_functions_capsule())
    return _speedups


# The two functions' addresses, and the name of the capsule that hands them to `_speedups`: module
# globals, since the capsule keeps pointers to both for the life of the process.
_FUNCTIONS = (c_void_p * 2)(
    ctypes.cast(generator_generate_into, c_void_p).value, ctypes.cast(generate_into, c_void_p).value
)
_CAPSULE_NAME = b"zego_token._speedups.functions"


def _functions_capsule() -> object:
    """A capsule around `_FUNCTIONS`, the only thing `_speedups._bind` accepts: made through
    ctypes (which audit hooks see), so no other code can bind the accelerator without it."""
    capsule_new = ctypes.pythonapi.PyCapsule_New
    capsule_new.restype = ctypes.py_object
    capsule_new.argtypes = (c_void_p, ctypes.c_char_p, c_void_p)
    return capsule_new(ctypes.addressof(_FUNCTIONS), _CAPSULE_NAME, None)


speedups = _load_speedups()

# Lengths as ready-made size_t objects (never modified, so shared by all threads).
SIZES = tuple(c_size_t(n) for n in range(512))


def size(n: int) -> c_size_t:
    """`n` as a size_t argument."""
    return SIZES[n] if n < 512 else c_size_t(n)


_TIMES: dict[int, c_int64] = {}


def int64(value: int) -> c_int64:
    """An effective time (an int, already range-checked) as an int64_t argument; the few values an
    application uses are kept."""
    arg = _TIMES.get(value)
    if arg is None:
        arg = c_int64(value)
        if len(_TIMES) < 64:
            _TIMES[value] = arg
    return arg


def cached_int64(value: object) -> "c_int64 | None":
    """The kept int64_t argument for `value` if it is an int seen before (never for a bool)."""
    return _TIMES.get(value) if type(value) is int else None  # type: ignore[arg-type]


class _Buffer(threading.local):
    """This thread's output buffer: `args` is (buffer, capacity, &length, length), the last three
    arguments of the `_into` functions and the size_t the library writes the token's length into."""

    def __init__(self) -> None:
        self.grow(1024)

    def grow(self, capacity: int) -> None:
        length = c_size_t()
        self.args = (ctypes.create_string_buffer(capacity), c_size_t(capacity), ctypes.byref(length), length)


buffer = _Buffer()


def token(code: int, function, *args) -> "str | int":
    """Finishes a call that returned `code`: grows the buffer once and calls `function(*args, ...)`
    again when the library asked for more room; returns the token, or the non-zero code to raise."""
    out = buffer.args
    if code == _BUFFER_TOO_SMALL:
        buffer.grow(out[3].value)
        out = buffer.args
        code = function(*args, *out[:3])
    if code:
        return code
    return out[0][: out[3].value].decode("ascii")
