"""Loading: ZEGO_TOKEN_LIB first, then the bundled library, then a clear error naming all three places."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import zego_token

ROOT = Path(__file__).resolve().parents[3]


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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the SONAME file name is Linux's")
def test_a_system_library_installed_under_its_soname_only_is_loaded(tmp_path):
    # A runtime install has libzego_token.so.1 and no libzego_token.so link: a copy of the package
    # without its bundled library must still find it through the system loader.
    package = tmp_path / "site" / "zego_token"
    shutil.copytree(Path(zego_token.__file__).parent, package, ignore=shutil.ignore_patterns("libzego_token*"))
    (tmp_path / "lib").mkdir()
    shutil.copy(ROOT / "target" / "release" / "libzego_token.so", tmp_path / "lib" / "libzego_token.so.1")
    result = subprocess.run(
        [sys.executable, "-c", "import zego_token; print(zego_token.library_version())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(
            {k: v for k, v in os.environ.items() if k != "ZEGO_TOKEN_LIB"},
            PYTHONPATH=str(tmp_path / "site"),
            LD_LIBRARY_PATH=str(tmp_path / "lib"),
        ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == zego_token.__version__
