<?php
// Copies the native library built by `cargo build --release` (target/release at the repository
// root) into lib/, where the package loads it from; builds it first when it is missing.
$root = dirname(__DIR__, 3);
$built = "$root/target/release/libzego_token.so";
if (!is_file($built)) {
    passthru('cargo build --release -p zego-token-ffi --manifest-path ' . escapeshellarg("$root/Cargo.toml"), $status);
    if ($status !== 0) {
        fwrite(STDERR, "cargo build failed\n");
        exit(1);
    }
}
@mkdir(dirname(__DIR__) . '/lib');
copy($built, dirname(__DIR__) . '/lib/libzego_token.so') || exit(1);
echo "bundled $built -> lib/libzego_token.so\n";

// The header for `ffi.preload` (PHP-FPM production): the FFI scope, the library's absolute path and
// the declarations, loaded once at server start; the package then finds it with FFI::scope().
$lib = dirname(__DIR__) . '/lib/libzego_token.so';
$preload = "#define FFI_SCOPE \"ZEGO_TOKEN\"\n#define FFI_LIB \"$lib\"\n"
    . file_get_contents(dirname(__DIR__) . '/src/zego_token_ffi.h');
file_put_contents(dirname(__DIR__) . '/lib/zego_token_preload.h', $preload) || exit(1);
echo "wrote lib/zego_token_preload.h (ffi.preload)\n";
