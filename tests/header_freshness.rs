//! The checked-in headers must be exactly what build.rs generates from src/ today.
//! Regenerate them with `ZEGO_TOKEN_WRITE_HEADERS=1 cargo build`.

const GENERATED_HEADER: &str = include_str!(concat!(env!("OUT_DIR"), "/zego_token.h"));
const GENERATED_PHP_HEADER: &str = include_str!(concat!(env!("OUT_DIR"), "/zego_token_ffi.h"));

fn checked_in(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
}

#[test]
fn include_zego_token_h_is_not_stale() {
    assert!(
        checked_in("include/zego_token.h") == GENERATED_HEADER,
        "include/zego_token.h is stale: run `ZEGO_TOKEN_WRITE_HEADERS=1 cargo build` and commit it"
    );
}

#[test]
fn php_flattened_header_is_not_stale() {
    assert!(
        checked_in("bindings/php/src/zego_token_ffi.h") == GENERATED_PHP_HEADER,
        "bindings/php/src/zego_token_ffi.h is stale: run `ZEGO_TOKEN_WRITE_HEADERS=1 cargo build` and commit it"
    );
}

#[test]
fn php_flattened_header_has_no_preprocessor_lines() {
    assert!(GENERATED_PHP_HEADER.lines().all(|l| !l.trim_start().starts_with('#')));
}
