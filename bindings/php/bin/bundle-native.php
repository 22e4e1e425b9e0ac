<?php
// In a clone of the repository: copies the native library built by `cargo build --release`
// (target/release at the repository root) into lib/<platform>/, where the package loads it from
// (building it first when it is missing), then writes the ffi.preload header for it.
require_once dirname(__DIR__) . '/src/Native.php';

$root = dirname(__DIR__, 3);
[, $file] = \ZegoToken\Native::platform();
$built = "$root/target/release/$file";
if (!is_file($built)) {
    passthru('cargo build --release -p zego-token-ffi --manifest-path ' . escapeshellarg("$root/Cargo.toml"), $status);
    if ($status !== 0) {
        fwrite(STDERR, "cargo build failed\n");
        exit(1);
    }
}
$bundled = \ZegoToken\Native::bundledLibrary();
@mkdir(dirname($bundled), 0777, true);
copy($built, $bundled) || exit(1);
echo "bundled $built -> $bundled\n";
passthru(PHP_BINARY . ' ' . escapeshellarg(__DIR__ . '/zego-token-preload-header'), $status);
exit($status);
