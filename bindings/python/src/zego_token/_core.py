"""The idiomatic API: generate, Generator, RtcRoomPayload, decode, verify, Claims."""

from __future__ import annotations

import ctypes
import json
import threading
from ctypes import c_char_p, c_size_t, c_void_p
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import NamedTuple, Optional, Sequence, Tuple, Union

from . import _fast, _native
from ._fast import speedups as _speedups
from ._native import lib, take_string
from .errors import InvalidArgumentError, InvalidArgumentTypeError, InvalidUtf8Error, NullPointerError, error_for


def _c(value: Optional[str], name: str, required: bool = True) -> Optional[bytes]:
    """A Python str as the library's NUL-terminated UTF-8."""
    if value is None:
        if required:
            raise NullPointerError(f"{name} must not be None")
        return None
    if not isinstance(value, str):
        raise InvalidArgumentTypeError(f"{name} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise InvalidArgumentError(f"{name} must not contain NUL characters")
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidUtf8Error(f"{name} is not encodable as UTF-8") from None


def _span(value: Optional[str], name: str, required: bool = True) -> bytes:
    """A Python str as UTF-8 bytes for the fast path; the checks and errors of :func:`_c`."""
    if type(value) is str and "\0" not in value:
        try:
            return value.encode("utf-8")
        except UnicodeEncodeError:
            pass  # _c raises the error
    return _c(value, name, required) or b""


def _ttl(value: int) -> ctypes.c_int64:
    """An effective time as the fast path's int64_t argument; the checks and errors of :func:`_int`."""
    if type(value) is not int or not -(2**63) <= value < 2**63:
        _int(value, "effective_time_in_seconds", *_I64)
    return _fast.int64(value)


def _token(result: Union[str, int]) -> str:
    if type(result) is int:
        _check(result)
    return result  # type: ignore[return-value]


def _int(value: int, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentTypeError(f"{name} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise InvalidArgumentError(f"{name} must be between {low} and {high}")
    return value


_U32 = (0, 2**32 - 1)
_I64 = (-(2**63), 2**63 - 1)


def _check(code: int) -> None:
    if code != 0:
        raise error_for(code, lib.zego_error_message(code).decode("utf-8"))


def _call_for_string(function, *args) -> str:
    out = c_void_p()
    _check(function(*args, ctypes.byref(out)))
    return take_string(out)


def message(code: int) -> str:
    """The library's English sentence for a result code."""
    return lib.zego_error_message(code).decode("utf-8")


def library_version() -> str:
    """The version of the loaded native library."""
    return lib.zego_token_version().decode("ascii")


def generate(
    app_id: int, user_id: str, secret: str, effective_time_in_seconds: int = 3600, payload: str = ""
) -> str:
    """Generates a Token04 (AES-256-GCM). Raises a ZegoTokenError subclass for invalid input."""
    if _speedups is not None:
        token = _speedups.generate(app_id, user_id, secret, effective_time_in_seconds, payload)
        if type(token) is str:
            return token
        if token is not None:
            _check(token)
    app = ctypes.c_uint32(_int(app_id, "app_id", *_U32))
    user = _span(user_id, "user_id")
    key = _span(secret, "secret")
    ttl = _ttl(effective_time_in_seconds)
    data = _span(payload, "payload", required=False) if payload != "" else b""
    size = _fast.size
    args = (app, user, size(len(user)), key, size(len(key)), ttl, data, size(len(data)))
    out = _fast.buffer.args
    return _token(_fast.token(_fast.generate_into(*args, *out[:3]), _fast.generate_into, *args))


class Generator:
    """Generates tokens for one app id and secret, keeping the expanded key. Thread-safe: share one
    instance between threads. Use it as a context manager, or call close(); the garbage collector
    frees it otherwise. Call close() only once no other thread is still generating with it (a lock
    around every call would cost a large part of the call, and serialize the calls that ctypes
    lets run in parallel)."""

    def __init__(self, app_id: int, secret: str) -> None:
        handle = c_void_p()
        _check(lib.zego_token_generator_new(_int(app_id, "app_id", *_U32), _c(secret, "secret"), ctypes.byref(handle)))
        self._handle: Optional[c_void_p] = handle
        self._address: int = handle.value or 0  # for _speedups; 0 once closed
        self._lock = threading.Lock()
        self.app_id = app_id

    def generate(self, user_id: str, effective_time_in_seconds: int = 3600, payload: str = "") -> str:
        """Generates a token for `user_id`."""
        if _speedups is not None:
            token = _speedups.generator_generate(self._address, user_id, effective_time_in_seconds, payload)
            if type(token) is str:
                return token
            if token is not None:
                _check(token)
        # The ctypes path, written out: a Python-level call here costs a tenth of the token's time.
        user = _span(user_id, "user_id")
        data = _span(payload, "payload", required=False) if payload != "" else b""
        ttl = _fast.cached_int64(effective_time_in_seconds) or _ttl(effective_time_in_seconds)
        handle = self._handle
        if handle is None:
            raise InvalidArgumentError("the generator is closed")
        sizes = _fast.SIZES
        n, m = len(user), len(data)
        args = (handle, user, sizes[n] if n < 512 else c_size_t(n), ttl, data, sizes[m] if m < 512 else c_size_t(m))
        out = _fast.buffer.args
        code = _fast.generator_generate_into(*args, out[0], out[1], out[2])
        if code:
            return _token(_fast.token(code, _fast.generator_generate_into, *args))
        return out[0][: out[3].value].decode("ascii")

    def _live(self) -> c_void_p:
        handle = self._handle
        if handle is None:
            raise InvalidArgumentError("the generator is closed")
        return handle

    def decode(self, token: str) -> Claims:
        """Decodes a token with this generator's secret and kept key (no time or app id check)."""
        claims = c_void_p()
        _check(lib.zego_token_generator_decode(self._live(), _c(token, "token"), ctypes.byref(claims)))
        return _take_claims(claims)

    def verify(
        self,
        token: str,
        *,
        now: Optional[Time] = None,
        leeway: Duration = 0,
        user_id: Optional[str] = None,
        require_gcm: bool = False,
    ) -> Claims:
        """Verifies a token against this generator's app id and secret, with the options of
        :func:`verify`."""
        token_c = _c(token, "token")
        with _VerifyOptions(now, leeway, user_id, require_gcm) as options:
            claims = c_void_p()
            _check(lib.zego_token_generator_verify(self._live(), token_c, options, ctypes.byref(claims)))
            return _take_claims(claims)

    def close(self) -> None:
        """Frees the native generator (and zeroizes its key). Safe to call twice."""
        with self._lock:
            handle, self._handle, self._address = self._handle, None, 0
        if handle is not None:
            lib.zego_token_generator_free(handle)

    def __enter__(self) -> "Generator":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        if getattr(self, "_handle", None) is not None:
            self.close()

    def __repr__(self) -> str:
        return f"Generator(app_id={self.app_id}, secret=<redacted>)"


@dataclass(frozen=True)
class RtcRoomPayload:
    """The privilege payload of an RTC room token. ``str(payload)`` or ``payload.to_json()`` is the
    official JSON, e.g. ``{"room_id":"r","privilege":{"1":1,"2":0},"stream_id_list":null}``."""

    room_id: str
    can_login: bool = True
    can_publish: bool = False
    stream_ids: Optional[Sequence[str]] = None

    def to_json(self) -> str:
        """The payload JSON, validated by the library (raises InvalidRoomIdError, InvalidStreamIdError)."""
        if self.stream_ids is None:
            array, count = None, 0
        else:
            ids = [_c(s, "stream id") for s in self.stream_ids]
            array, count = (c_char_p * len(ids))(*ids), len(ids)
        return _call_for_string(
            lib.zego_rtc_room_payload,
            _c(self.room_id, "room_id"),
            1 if self.can_login else 0,
            1 if self.can_publish else 0,
            array,
            count,
        )

    def __str__(self) -> str:
        return self.to_json()


@dataclass(frozen=True)
class Claims:
    """What a token says. ``mode`` is "gcm" (current format) or "cbc" (legacy).

    ``findings`` names the values that break a generation rule ("app_id_zero", "user_id_empty",
    "user_id_too_long", "expire_not_after_ctime", "ctime_before_epoch", "nonce_out_of_range"):
    decoding never refuses a token for them; verifying refuses them (BadPlaintextError) only in a
    legacy CBC token, which is not authenticated. Empty for a token made within the rules.
    """

    app_id: int
    user_id: str
    ctime: int
    expire: int
    nonce: int
    payload: str
    mode: str
    findings: Tuple[str, ...] = ()

    @property
    def created_at(self) -> datetime:
        """ctime as an aware UTC datetime (OverflowError past the year 9999)."""
        return datetime.fromtimestamp(self.ctime, tz=timezone.utc)

    @property
    def expires_at(self) -> datetime:
        """expire as an aware UTC datetime (OverflowError past the year 9999)."""
        return datetime.fromtimestamp(self.expire, tz=timezone.utc)

    @classmethod
    def _from_json(cls, text: str) -> "Claims":
        fields = json.loads(text)
        fields["findings"] = tuple(fields.get("findings", ()))
        return cls(**fields)

    @classmethod
    def _from_handle(cls, handle: c_void_p) -> "Claims":
        view = _native.ClaimsView()
        _check(lib.zego_token_claims_fields(handle, ctypes.byref(view)))  # every field in one call
        return cls(
            app_id=view.app_id,
            user_id=ctypes.string_at(view.user_id, view.user_id_len).decode("utf-8"),
            ctime=view.ctime,
            expire=view.expire,
            nonce=view.nonce,
            payload=ctypes.string_at(view.payload, view.payload_len).decode("utf-8"),
            mode=view.mode.decode("ascii"),
            findings=_native.finding_names(lib.zego_token_claims_findings(handle)),
        )


def decode(token: str, secret: str) -> Claims:
    """Decodes a token (current GCM or legacy CBC) without checking time or app id."""
    return Claims._from_json(_call_for_string(lib.zego_decode_token04, _c(token, "token"), _c(secret, "secret")))


Time = Union[int, datetime]
Duration = Union[int, timedelta]


def _unix(value: Time, name: str) -> int:
    """Unix seconds from an int or a datetime (a naive datetime is taken as UTC, as in PyJWT)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return _int(int(value.timestamp() // 1), name, *_I64)
    return _int(value, name, *_I64)


def _seconds(value: Duration, name: str) -> int:
    """Whole seconds from an int or a timedelta (fractions of a second are dropped)."""
    if isinstance(value, timedelta):
        return _int(int(value.total_seconds()), name, *_I64)
    return _int(value, name, *_I64)


def verify(
    token: str,
    secret: str,
    app_id: int,
    *,
    now: Optional[Time] = None,
    leeway: Duration = 0,
    user_id: Optional[str] = None,
    require_gcm: bool = False,
) -> Claims:
    """Decodes a token and checks it was made for `app_id` (and `user_id`, when given) and is
    valid at `now` (unix seconds or a datetime; None is the system clock), tolerating `leeway`
    (seconds or a timedelta) of skew. With `require_gcm`, a legacy CBC token (``mode == "cbc"``,
    not authenticated) is refused with UnsupportedModeError. Raises ExpiredError,
    NotYetValidError, AppIdMismatchError, UserIdMismatchError, AuthFailedError,
    MalformedError, ..."""
    return verify_with_any(
        token, [secret], app_id, now=now, leeway=leeway, user_id=user_id, require_gcm=require_gcm
    )[0]


def verify_with_any(
    token: str,
    secrets: Sequence[str],
    app_id: int,
    *,
    now: Optional[Time] = None,
    leeway: Duration = 0,
    user_id: Optional[str] = None,
    require_gcm: bool = False,
) -> "Verified":
    """verify with several secrets tried in order (key rotation): returns a Verified, the claims and
    the index of the secret that opened the token (secret_index). AuthFailedError when none
    does. A Verified is a named tuple: ``claims, secret_index = verify_with_any(...)`` works."""
    if isinstance(secrets, (str, bytes)) or not isinstance(secrets, Sequence):
        raise InvalidArgumentTypeError("secrets must be a sequence of str")
    texts = [_c(s, "secret") for s in secrets]
    array = (c_char_p * max(len(texts), 1))(*texts)
    token_c, app_id = _c(token, "token"), _int(app_id, "app_id", *_U32)
    with _VerifyOptions(now, leeway, user_id, require_gcm) as options:
        claims, index = c_void_p(), ctypes.c_size_t()
        _check(
            lib.zego_verify_token04_with_options(
                token_c, array, len(texts), app_id, options, ctypes.byref(claims), ctypes.byref(index)
            )
        )
        return Verified(_take_claims(claims), index.value)


class Verified(NamedTuple):
    """What verify_with_any returns: the claims, and which secret of the list opened the token."""

    claims: Claims
    secret_index: int


class _VerifyOptions:
    """The library's verify options handle for one call, freed on exit."""

    def __init__(self, now: Optional[Time], leeway: Duration, user_id: Optional[str], require_gcm: bool) -> None:
        if not isinstance(require_gcm, bool):
            raise InvalidArgumentTypeError(f"require_gcm must be a bool, not {type(require_gcm).__name__}")
        self._now = None if now is None else _unix(now, "now")
        self._leeway = _seconds(leeway, "leeway")
        self._user_id = _c(user_id, "user_id", required=False)
        self._require_gcm = require_gcm
        self._handle = c_void_p()

    def __enter__(self) -> c_void_p:
        _check(lib.zego_verify_options_new(ctypes.byref(self._handle)))
        try:
            if self._now is not None:
                _check(lib.zego_verify_options_set_now(self._handle, self._now))
            _check(lib.zego_verify_options_set_leeway(self._handle, self._leeway))
            if self._user_id is not None:
                _check(lib.zego_verify_options_set_user_id(self._handle, self._user_id))
            _check(lib.zego_verify_options_set_require_gcm(self._handle, 1 if self._require_gcm else 0))
        except BaseException:
            lib.zego_verify_options_free(self._handle)
            raise
        return self._handle

    def __exit__(self, *exc_info: object) -> None:
        lib.zego_verify_options_free(self._handle)


def _take_claims(handle: c_void_p) -> Claims:
    """Copies a claims handle the library returned and frees it."""
    try:
        return Claims._from_handle(handle)
    finally:
        lib.zego_token_claims_free(handle)


ABI_VERSION = _native.ABI_VERSION
