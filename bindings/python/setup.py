"""Builds the native library with cargo (setuptools-rust, Binding.NoBinding) and bundles it inside
the package, so that a wheel is self-contained; and the optional accelerator `_speedups`
(speedups/, PyO3 on CPython's stable ABI), which calls that library with less overhead than ctypes.

The Rust sources are the C ABI crate: in an sdist, the packaged crates under rust/ (scripts/dist puts
them there); in a clone of the repository, the top level (../..). scripts/dist makes the per-platform wheels from
release libraries instead, with ZEGO_TOKEN_PYTHON_NO_NATIVE=1 (a pure wheel it then tags per platform).
"""

import os
import tempfile
from pathlib import Path

from setuptools import setup
from setuptools_rust import Binding, RustExtension

here = Path(__file__).resolve().parent
crate = here / "rust" / "zego-token-ffi" / "Cargo.toml"
if not crate.exists():
    crate = here.parent.parent / "Cargo.toml"

# Intermediate files go to a fresh temporary directory, never into the source tree: two builds from
# one checkout at once (two pip installs, a wheel and an sdist) would otherwise share build/ and
# src/*.egg-info and overwrite each other's files.
scratch = tempfile.TemporaryDirectory(prefix="zego-token-python-build-")
out_of_tree = {
    "build": {"build_base": os.path.join(scratch.name, "build")},
    "egg_info": {"egg_base": scratch.name},
}

if os.environ.get("ZEGO_TOKEN_PYTHON_NO_NATIVE") == "1":
    setup(options=out_of_tree)
else:
    setup(
        rust_extensions=[
            RustExtension(
                "zego_token.libzego_token",
                path=os.path.relpath(crate, here),
                binding=Binding.NoBinding,
                py_limited_api=True,
            ),
            # The accelerator (speedups/): a CPython extension on the stable ABI of 3.10. Optional:
            # where it cannot be built, the package works through ctypes alone.
            RustExtension(
                "zego_token._speedups",
                path="speedups/Cargo.toml",
                binding=Binding.PyO3,
                py_limited_api=True,
                optional=True,
            ),
        ],
        # Neither needs more than the stable ABI: one wheel serves every CPython of this platform
        # (3.9 takes the ctypes path; _speedups is used from 3.10).
        options={**out_of_tree, "bdist_wheel": {"py_limited_api": "cp39"}},
        zip_safe=False,
    )
