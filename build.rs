//! Generates the C header from this crate (src/) with cbindgen, plus a flattened copy for PHP's FFI (which
//! cannot read #include or #define). Both go to OUT_DIR on every build; the checked-in copies are
//! rewritten only when ZEGO_TOKEN_WRITE_HEADERS=1, and tests/header_freshness.rs fails when they
//! differ from what this script generates.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=ZEGO_TOKEN_WRITE_HEADERS");
    // So that writing them again always works, even when src/ffi did not change.
    println!("cargo:rerun-if-changed=include/zego_token.h");
    println!("cargo:rerun-if-changed=bindings/php/src/zego_token_ffi.h");

    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml is valid");

    let header = generate(&crate_dir, config.clone());
    let flattened = flatten_for_php(&crate_dir, config);

    fs::write(out_dir.join("zego_token.h"), &header).expect("OUT_DIR is writable");
    link_shared_library(&out_dir, &header);
    fs::write(out_dir.join("zego_token_ffi.h"), &flattened).expect("OUT_DIR is writable");

    if env::var_os("ZEGO_TOKEN_WRITE_HEADERS").is_some_and(|v| v == "1") {
        fs::write(crate_dir.join("include/zego_token.h"), &header).expect("include/ is writable");
        fs::write(crate_dir.join("bindings/php/src/zego_token_ffi.h"), &flattened)
            .expect("bindings/php/src/ is writable");
    }
}

/// Names and exports of the shared library, the same on every platform's linker:
/// - Linux: SONAME `libzego_token.so.1`, carrying the ABI version (`ZEGO_TOKEN_ABI_VERSION`), so a
///   program linked against it records that name, not the unversioned development link nor the
///   path it was built at;
/// - macOS: install name `@rpath/libzego_token.1.dylib`, for the same reason;
/// - Windows (GNU): a module-definition file listing the header's functions and the Java
///   binding's JNI entry points (src/jni.rs), without which the DLL
///   exports every Rust symbol. It is written to OUT_DIR as zego_token.def; scripts/dist ships it
///   and makes the import library from it.
fn link_shared_library(out_dir: &Path, header: &str) {
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    match os.as_str() {
        "linux" => println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libzego_token.so.1"),
        "macos" => println!("cargo:rustc-cdylib-link-arg=-Wl,-install_name,@rpath/libzego_token.1.dylib"),
        "windows" if env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|e| e == "gnu") => {
            let mut def = String::from("LIBRARY zego_token.dll\nEXPORTS\n");
            let jni = fs::read_to_string("src/jni.rs").expect("src/jni.rs is readable");
            for name in exported_functions(header).into_iter().chain(jni_functions(&jni)) {
                def.push_str("    ");
                def.push_str(name);
                def.push('\n');
            }
            let path = out_dir.join("zego_token.def");
            fs::write(&path, def).expect("OUT_DIR is writable");
            println!("cargo:rustc-cdylib-link-arg={}", path.display());
        }
        _ => {}
    }
}

/// The functions the header declares: every declaration line (starting at the first column, as
/// cbindgen writes them) holding `zego_...(`.
fn exported_functions(header: &str) -> Vec<&str> {
    header
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()) && !line.starts_with("typedef"))
        .filter_map(|line| line.split_once('(')?.0.rsplit([' ', '*']).next())
        .filter(|name| name.starts_with("zego_"))
        .collect()
}

/// The JNI entry points of src/jni.rs (for the Java binding; not in the header).
fn jni_functions(source: &str) -> Vec<&str> {
    source
        .split("extern \"system\" fn ")
        .skip(1)
        .filter_map(|rest| rest.split_once('(').map(|(name, _)| name))
        .collect()
}

fn generate(crate_dir: &Path, config: cbindgen::Config) -> String {
    let mut out = Vec::new();
    cbindgen::Builder::new()
        // The sources alone (no `cargo metadata`): the build works offline and from the packaged crate.
        .with_src(crate_dir.join("src/lib.rs"))
        .with_config(config)
        .generate()
        .expect("cbindgen can read src/")
        .write(&mut out);
    String::from_utf8(out).expect("cbindgen writes UTF-8")
}

/// PHP's FFI::cdef reads declarations only: no preprocessor lines, no `extern "C"`, and it needs
/// no result enum (functions return int32_t; the PHP binding has the codes as constants). So the
/// same API is generated once more without those, and the constants' #define lines are dropped.
fn flatten_for_php(crate_dir: &Path, mut config: cbindgen::Config) -> String {
    config.header =
        Some("/* Flattened copy of include/zego_token.h for PHP FFI: no #include, #define or #ifdef. */".into());
    config.include_guard = None;
    config.cpp_compat = false;
    config.documentation = false;
    config.sys_includes.clear();
    config.export.include.clear();
    config.export.exclude.push("zego_result".into());
    let header = generate(crate_dir, config);
    let mut out = String::new();
    for line in header.lines().filter(|l| !l.trim_start().starts_with('#')) {
        if !(line.is_empty() && out.ends_with("\n\n")) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
