#!/usr/bin/env bash
# Builds and runs the C ABI vs OpenSSL 3 benchmark (needs libssl-dev): benches/c/run.sh [TOKENS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
(cd "$root" && cargo build --release -q)
out="$root/target/c-bench"
mkdir -p "$out"
cc -std=c11 -O2 -Wall -Wextra -Werror -I"$root/include" "$root/benches/c/abi_vs_openssl.c" \
  -L"$root/target/release" -Wl,-rpath,"$root/target/release" -lzego_token -lcrypto -o "$out/abi_vs_openssl"
"$out/abi_vs_openssl" "$@"
