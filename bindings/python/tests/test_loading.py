"""Loading: ZEGO_TOKEN_LIB first, then the bundled library, then a clear error naming all three places."""

import os
import subprocess
import sys

import zego_token


def _python(code, **env):
    full_env = dict(os.environ, **env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full_env)


def test_the_bundled_library_is_loaded_and_its_abi_matches():
    assert zego_token.library_version() == zego_token.__version__
    assert zego_token.ABI_VERSION == 1


def test_an_explicit_path_that_does_not_load_is_a_clear_error():
    result = _python("import zego_token", ZEGO_TOKEN_LIB="/nonexistent/libzego_token.so")
    assert result.returncode != 0
    assert "LibraryNotFoundError" in result.stderr
    assert "ZEGO_TOKEN_LIB" in result.stderr
    assert "/nonexistent/libzego_token.so" in result.stderr


def test_a_library_without_the_abi_is_refused_with_what_to_rebuild():
    result = _python("import zego_token", ZEGO_TOKEN_LIB="libc.so.6")
    assert result.returncode != 0
    assert "C ABI version None" in result.stderr
    assert "rebuild" in result.stderr
