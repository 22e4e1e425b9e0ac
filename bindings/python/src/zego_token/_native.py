"""Loading libzego_token and declaring its C functions (include/zego_token.h) for ctypes.

Load order: (1) the path in ZEGO_TOKEN_LIB; (2) the library bundled inside this package; (3) the
system loader, by the unversioned name and then by the name of the ABI version (libzego_token.so.1,
libzego_token.1.dylib), which is all a runtime install may have. The library's ABI version must
equal ABI_VERSION.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import POINTER, c_char_p, c_int32, c_int64, c_size_t, c_uint32, c_void_p
from pathlib import Path
from typing import Tuple

#: The C ABI version this binding was written for (ZEGO_TOKEN_ABI_VERSION in the header).
ABI_VERSION = 1

if sys.platform == "darwin":
    _FILE_NAME = "libzego_token.dylib"
    _VERSIONED_FILE_NAME = f"libzego_token.{ABI_VERSION}.dylib"
elif sys.platform == "win32":
    _FILE_NAME = "zego_token.dll"
    _VERSIONED_FILE_NAME = None
else:
    _FILE_NAME = "libzego_token.so"
    _VERSIONED_FILE_NAME = f"libzego_token.so.{ABI_VERSION}"


class LibraryNotFoundError(ImportError):
    """The native library could not be loaded, or its ABI version does not match."""


def _candidates() -> list[tuple[str, str]]:
    """(description, path) in the documented order."""
    places = []
    explicit = os.environ.get("ZEGO_TOKEN_LIB")
    if explicit:
        places.append(("ZEGO_TOKEN_LIB", explicit))
    # pip install (setuptools-rust) bundles the library as libzego_token.<python suffix>.so.
    here = Path(__file__).parent
    bundled = sorted(here.glob(_FILE_NAME.split(".")[0] + ".*"))
    places.append(("bundled in the package", str(bundled[0] if bundled else here / _FILE_NAME)))
    places.append(("system loader", ctypes.util.find_library("zego_token") or _FILE_NAME))
    if _VERSIONED_FILE_NAME:
        places.append(("system loader", _VERSIONED_FILE_NAME))
    return places


def _load() -> ctypes.CDLL:
    tried = []
    explicit = os.environ.get("ZEGO_TOKEN_LIB")
    for where, path in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as error:
            tried.append(f"{where} ({path}): {error}")
            if where == "ZEGO_TOKEN_LIB" and explicit:
                break  # an explicit path that fails is an error, not a reason to load another copy
            continue
        _check_abi(lib, path)
        return lib
    raise LibraryNotFoundError(
        "cannot load the zego-token native library; tried: "
        + "; ".join(tried)
        + ". Set ZEGO_TOKEN_LIB to libzego_token's path, or reinstall the package "
        "(pip install builds and bundles it with cargo)."
    )


def _check_abi(lib: ctypes.CDLL, path: str) -> None:
    try:
        lib.zego_token_abi_version.restype = c_uint32
        lib.zego_token_abi_version.argtypes = []
        found = lib.zego_token_abi_version()
    except AttributeError:
        found = None
    if found != ABI_VERSION:
        raise LibraryNotFoundError(
            f"{path} implements zego-token C ABI version {found}, but this Python package needs version "
            f"{ABI_VERSION}: rebuild the library from the same zego-token release (cargo build --release) "
            "or reinstall the package"
        )


lib = _load()

_OUT_STR = POINTER(c_void_p)


def _declare(name: str, restype, argtypes) -> None:
    function = getattr(lib, name)
    function.restype = restype
    function.argtypes = argtypes


_declare("zego_generate_token04", c_int32, [c_uint32, c_char_p, c_char_p, c_int64, c_char_p, _OUT_STR])
_declare(
    "zego_rtc_room_payload", c_int32, [c_char_p, c_int32, c_int32, POINTER(c_char_p), c_size_t, _OUT_STR]
)
_declare("zego_decode_token04", c_int32, [c_char_p, c_char_p, _OUT_STR])
_declare("zego_string_free", None, [c_void_p])
_declare("zego_error_message", c_char_p, [c_int32])
_declare("zego_token_version", c_char_p, [])
_declare("zego_token_generator_new", c_int32, [c_uint32, c_char_p, POINTER(c_void_p)])
_declare("zego_token_generator_generate", c_int32, [c_void_p, c_char_p, c_int64, c_char_p, _OUT_STR])
_declare("zego_token_generator_free", None, [c_void_p])
_declare("zego_verify_options_new", c_int32, [POINTER(c_void_p)])
_declare("zego_verify_options_free", None, [c_void_p])
_declare("zego_verify_options_set_now", c_int32, [c_void_p, c_int64])
_declare("zego_verify_options_set_leeway", c_int32, [c_void_p, c_int64])
_declare("zego_verify_options_set_require_gcm", c_int32, [c_void_p, c_int32])
_declare("zego_verify_options_set_user_id", c_int32, [c_void_p, c_char_p])
_declare("zego_token_generator_decode", c_int32, [c_void_p, c_char_p, POINTER(c_void_p)])
_declare("zego_token_generator_verify", c_int32, [c_void_p, c_char_p, c_void_p, POINTER(c_void_p)])
_declare(
    "zego_verify_token04_with_options",
    c_int32,
    [c_char_p, POINTER(c_char_p), c_size_t, c_uint32, c_void_p, POINTER(c_void_p), POINTER(c_size_t)],
)
_declare("zego_token_claims_free", None, [c_void_p])
_declare("zego_token_claims_app_id", c_uint32, [c_void_p])
_declare("zego_token_claims_ctime", c_int64, [c_void_p])
_declare("zego_token_claims_expire", c_int64, [c_void_p])
_declare("zego_token_claims_nonce", c_int64, [c_void_p])
_declare("zego_token_claims_user_id", c_void_p, [c_void_p, POINTER(c_size_t)])
_declare("zego_token_claims_payload", c_void_p, [c_void_p, POINTER(c_size_t)])
_declare("zego_token_claims_mode", c_char_p, [c_void_p])
_declare("zego_token_claims_findings", c_uint32, [c_void_p])
_declare("zego_finding_name", c_char_p, [c_uint32])


class ClaimsView(ctypes.Structure):
    """struct zego_token_claims_view: every field of a claims handle, filled in one call."""

    _fields_ = [
        ("app_id", c_uint32),
        ("ctime", c_int64),
        ("expire", c_int64),
        ("nonce", c_int64),
        ("user_id", c_void_p),
        ("user_id_len", c_size_t),
        ("payload", c_void_p),
        ("payload_len", c_size_t),
        ("mode", c_char_p),
    ]


_declare("zego_token_claims_fields", c_int32, [c_void_p, POINTER(ClaimsView)])


# The name of each finding bit, read once from the library (names are stable; bits unknown to it
# have none).
FINDING_NAMES = {bit: name.decode("ascii") for bit, name in ((1 << i, lib.zego_finding_name(1 << i)) for i in range(32)) if name}


def finding_names(bits: int) -> Tuple[str, ...]:
    """The names of the findings in a set of bits, in bit order."""
    return tuple(name for bit, name in FINDING_NAMES.items() if bits & bit)


def take_string(pointer: c_void_p) -> str:
    """Copies a string the library returned and frees the library's copy."""
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        lib.zego_string_free(pointer)
