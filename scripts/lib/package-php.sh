# Sourced by scripts/dist: the PHP package in dist/php, a zip for a Composer "artifact" repository
# (and the tree a split repository would publish on Packagist), carrying every target's library
# under lib/<platform>/, where the package picks it by PHP_OS_FAMILY, machine and libc
# (bindings/php/src/Native.php). Uses scripts/dist's variables and functions.
# shellcheck shell=bash

package_php() { # TARGETS...
  local out="$work/php/package" t library name
  step "php: the Composer package with every platform's library"
  rm -rf "$work/php" "$dist/php"
  mkdir -p "$out/bin" "$out/lib" "$dist/php"
  cp -r bindings/php/src "$out/src"
  cp bindings/php/bin/zego-token-preload-header "$out/bin/"
  cp -L bindings/php/{preload.php,README.md,composer.json} LICENSE-MIT LICENSE-APACHE "$out/"
  for t in "$@"; do
    read -r library name <<<"$(native_library_of "$t")"
    mkdir -p "$out/lib/$(target_field "$t" php)"
    cp "$library" "$out/lib/$(target_field "$t" php)/$name"
  done
  # The published package has no development scripts (they build from a clone).
  VERSION="$version" python3 - "$out/composer.json" <<'EOF'
import json, os, sys
path = sys.argv[1]
package = json.load(open(path))
if package["version"] != os.environ["VERSION"]:
    sys.exit(f"composer.json says {package['version']}, the workspace {os.environ['VERSION']}")
package.pop("scripts", None)
open(path, "w").write(json.dumps(package, indent=4).replace("\\/", "/") + "\n")
EOF
  local zip="$dist/php/zego-token-zego-token-$version.zip"
  zip_tree "$out" "$zip"
  echo "dist/php/$(basename "$zip"): $(unzip -Z1 "$zip" | grep -cE 'lib/.*\.(so|dylib|dll)$') native libraries"
}

# A fresh project whose only repository is dist/php runs `composer require`, with no cargo on PATH,
# and generates and decodes; then the same through ffi.preload with the installed copy's header.
check_php() {
  local out="$work/check/php"
  step "php: composer require from an artifact repository"
  need_deb php-cli php-zip composer
  php -m | has -x FFI || die "php: this PHP lacks the FFI extension"
  rm -rf "$out"
  mkdir -p "$out/project"
  cat >"$out/project/composer.json" <<EOF
{
    "name": "example/consumer",
    "repositories": [{"type": "artifact", "url": "$dist/php"}, {"packagist.org": false}],
    "require": {}
}
EOF
  local probe
  probe='require "vendor/autoload.php";
$s = "0123456789abcdef0123456789abcdef";
$c = ZegoToken\Token04::decode(ZegoToken\Token04::generate(1234567890, "php-user", $s, 3600), $s);
if ($c->userId !== "php-user") { exit(1); }
echo ZegoToken\Token04::libraryVersion(), "\n";'
  (
    cd "$out/project"
    PATH=$(path_without_cargo) || exit 1
    export COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_HOME="$out/composer-home"
    unset ZEGO_TOKEN_LIB
    composer require -q --no-interaction "zego-token/zego-token:$version"
    echo "composer require, no cargo: $(php -r "$probe")"
    header=$(vendor/bin/zego-token-preload-header)
    grep -q "FFI_LIB \"$out/project/vendor/zego-token/zego-token/lib/" "$header" || exit 1
    echo "ffi.preload: $(php -d ffi.enable=preload -d ffi.preload="$header" -r 'FFI::scope("ZEGO_TOKEN");'"$probe")"
  ) || die "php: the package from dist/php does not install or run"
}
