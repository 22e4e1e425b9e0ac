"""Builds the native library with cargo (setuptools-rust, Binding.NoBinding) and bundles it inside
the package, so that a wheel is self-contained.

The Rust sources are the C ABI crate: in an sdist, the packaged crates under rust/ (scripts/dist puts
them there); in a clone of the repository, ../../ffi. scripts/dist makes the per-platform wheels from
release libraries instead, with ZEGO_TOKEN_PYTHON_NO_NATIVE=1 (a pure wheel it then tags per platform).
"""

import os
from pathlib import Path

from setuptools import setup
from setuptools_rust import Binding, RustExtension

here = Path(__file__).resolve().parent
crate = here / "rust" / "zego-token-ffi" / "Cargo.toml"
if not crate.exists():
    crate = here.parent.parent / "ffi" / "Cargo.toml"

if os.environ.get("ZEGO_TOKEN_PYTHON_NO_NATIVE") == "1":
    setup()
else:
    setup(
        rust_extensions=[
            RustExtension(
                "zego_token.libzego_token",
                path=os.path.relpath(crate, here),
                binding=Binding.NoBinding,
                py_limited_api=True,
            )
        ],
        # The library does not use Python's C API: one wheel serves every CPython of this platform.
        options={"bdist_wheel": {"py_limited_api": "cp39"}},
        zip_safe=False,
    )
