"""The accelerator (_speedups): used where it can be, and indistinguishable from the ctypes path."""

import ctypes
import os
import sys

import pytest

import zego_token
from conftest import APP_ID, SECRET
from test_bad_input import GENERATE_CASES
from zego_token import _core, _fast

TURNED_OFF = os.environ.get("ZEGO_TOKEN_SPEEDUPS") == "0"
needs_speedups = pytest.mark.skipif(_fast.speedups is None, reason="runs where _speedups is loaded")


class StrSubclass(str):
    pass


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="a CPython extension")
def test_the_accelerator_is_loaded_on_cpython_3_10_and_later_unless_turned_off():
    if TURNED_OFF or sys.version_info < (3, 10):
        assert _fast.speedups is None
    else:
        assert _fast.speedups is not None, "the package was installed without zego_token._speedups"


def _both_paths(monkeypatch, call):
    """`call()` through _speedups, then through ctypes alone: (result or error, result or error)."""

    def outcome():
        try:
            return call()
        except zego_token.ZegoTokenError as error:
            return (type(error), error.code, str(error))

    fast = outcome()
    monkeypatch.setattr(_core, "_speedups", None)
    slow = outcome()
    monkeypatch.undo()
    return fast, slow


def _claims_of(token):
    claims = zego_token.decode(token, SECRET)
    return (claims.app_id, claims.user_id, claims.expire - claims.ctime, claims.payload)


@needs_speedups
@pytest.mark.parametrize(
    "user_id, payload",
    [("user", ""), ("中文 user", '{"room_id":"r"}'), (StrSubclass("sub"), StrSubclass("p")), ("u", "x" * 5000)],
    ids=["basic", "unicode and payload", "str subclasses", "token beyond the first buffer"],
)
def test_both_paths_make_tokens_with_the_same_claims(monkeypatch, user_id, payload):
    with zego_token.Generator(APP_ID, SECRET) as generator:
        for call in (
            lambda: generator.generate(user_id, 600, payload),
            lambda: zego_token.generate(APP_ID, user_id, SECRET, 600, payload),
        ):
            fast, slow = _both_paths(monkeypatch, call)
            assert _claims_of(fast) == _claims_of(slow) == (APP_ID, user_id, 600, payload)


@needs_speedups
@pytest.mark.parametrize("name, override, error, code", GENERATE_CASES, ids=[c[0] for c in GENERATE_CASES])
def test_both_paths_raise_the_same_error_for_each_bad_input(monkeypatch, name, override, error, code):
    args = dict(app_id=APP_ID, user_id="u", secret=SECRET, effective_time_in_seconds=3600, payload="")
    args.update(override)
    fast, slow = _both_paths(monkeypatch, lambda: zego_token.generate(**args))
    assert fast == slow
    assert fast[:2] == (error, code)
    if "app_id" not in override and "secret" not in override:
        del args["app_id"], args["secret"]
        with zego_token.Generator(APP_ID, SECRET) as generator:
            fast, slow = _both_paths(monkeypatch, lambda: generator.generate(**args))
        assert fast == slow
        assert fast[:2] == (error, code)


@needs_speedups
def test_a_closed_generator_is_refused_through_the_ctypes_path():
    generator = zego_token.Generator(APP_ID, SECRET)
    generator.close()
    assert _fast.speedups.generator_generate(0, "u", 60, "") is None
    with pytest.raises(zego_token.InvalidArgumentError, match="closed"):
        generator.generate("u", 60)


def _capsule(addresses, name=b"zego_token._speedups.functions"):
    """A capsule as the package makes it, around other addresses (kept alive by the caller)."""
    new = ctypes.pythonapi.PyCapsule_New
    new.restype, new.argtypes = ctypes.py_object, (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)
    return new(ctypes.addressof(addresses), name, None)


@needs_speedups
def test_binding_again_to_the_same_functions_is_allowed_and_to_others_refused():
    _fast.speedups._bind(_fast._functions_capsule())
    swapped = (ctypes.c_void_p * 2)(_fast._FUNCTIONS[1], _fast._FUNCTIONS[0])
    with pytest.raises(RuntimeError, match="another library"):
        _fast.speedups._bind(_capsule(swapped))
    null = (ctypes.c_void_p * 2)(0, _fast._FUNCTIONS[1])
    with pytest.raises(RuntimeError, match="NULL"):
        _fast.speedups._bind(_capsule(null))
    assert zego_token.decode(zego_token.generate(APP_ID, "u", SECRET, 60), SECRET).user_id == "u"


@needs_speedups
def test_the_accelerator_binds_only_from_the_packages_capsule():
    assert not hasattr(_fast.speedups, "bind"), "no public bind"
    with pytest.raises(ValueError):
        _fast.speedups._bind(12345)  # addresses as numbers: refused
    with pytest.raises(ValueError):
        _fast.speedups._bind(_capsule(_fast._FUNCTIONS, b"another.capsule"))


@pytest.mark.skipif(sys.implementation.name != "cpython" or sys.version_info < (3, 10), reason="the accelerator")
def test_binding_raises_an_audit_event_that_a_hook_can_refuse():
    import subprocess

    script = (
        "import sys\n"
        "def hook(event, args):\n"
        "    if event == 'zego_token._speedups.bind': raise RuntimeError('refused by the audit hook')\n"
        "sys.addaudithook(hook)\n"
        "try:\n"
        "    import zego_token\n"
        "except RuntimeError as error:\n"
        "    print(error)\n"
    )
    import importlib.util

    if importlib.util.find_spec("zego_token._speedups") is None:
        pytest.skip("this installation has no _speedups")  # a wheel without the accelerator
    env = {k: v for k, v in os.environ.items() if k != "ZEGO_TOKEN_SPEEDUPS"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert "refused by the audit hook" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0
