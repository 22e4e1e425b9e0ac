"""Builds the native library with cargo (setuptools-rust, Binding.NoBinding) and bundles it inside
the package, so that a wheel is self-contained. The Rust sources are the repository's: the C ABI crate in ../../ffi."""

from setuptools import setup
from setuptools_rust import Binding, RustExtension

setup(
    rust_extensions=[
        RustExtension(
            "zego_token.libzego_token",
            path="../../ffi/Cargo.toml",
            binding=Binding.NoBinding,
            py_limited_api=True,
        )
    ],
    # The library does not use Python's C API: one wheel serves every CPython >= 3.8.
    options={"bdist_wheel": {"py_limited_api": "cp38"}},
    zip_safe=False,
)
