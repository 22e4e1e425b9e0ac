//! How the extension module is linked on each platform (besides PyO3's defaults):
//! - macOS: `-undefined dynamic_lookup`, since Python's symbols come from the interpreter that
//!   loads the module, and the install name an extension conventionally has rather than the build
//!   folder's path;
//! - Windows (MinGW): a module-definition file exporting `PyInit__speedups` alone; without one the
//!   GNU linker exports every Rust symbol.

use std::{env, fs, path::PathBuf};

fn main() {
    pyo3_build_config::add_extension_module_link_args();
    match env::var("CARGO_CFG_TARGET_OS").as_deref() {
        Ok("macos") => println!("cargo:rustc-cdylib-link-arg=-Wl,-install_name,@rpath/_speedups.abi3.so"),
        Ok("windows") if env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|e| e == "gnu") => {
            let path = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("_speedups.def");
            fs::write(&path, "LIBRARY _speedups.pyd\nEXPORTS\n    PyInit__speedups\n").expect("OUT_DIR is writable");
            println!("cargo:rustc-cdylib-link-arg={}", path.display());
        }
        _ => {}
    }
}
