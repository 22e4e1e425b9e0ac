#!/usr/bin/env bash
# Where a reusable generator's time goes, by instruction count (callgrind counts instructions, so
# the figures do not move with the load of a shared machine): benches/profile.sh [basic|privilege] [N]
#
# Prints the functions with the most instructions of their own (inlined code counts where it was
# inlined) and the total per token. Needs valgrind (apt-get install valgrind).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:-privilege}
n=${2:-20000}
out="$root/target/profile"
mkdir -p "$out"
cd "$root"
# Symbols and line tables for the report; the code is the release build's.
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build -q --release -p zego-token --example generate_many
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$kind.out" \
  target/release/examples/generate_many "$n" "$kind" >/dev/null 2>"$out/valgrind.$kind.log"
total=$(callgrind_annotate "$out/callgrind.$kind.out" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "$kind token: $((total / n)) instructions per token (whole program over $n tokens)"
# Self cost by where the code comes from (inlined code counts in its own crate), in areas.
callgrind_annotate --auto=no --threshold=100 "$out/callgrind.$kind.out" | awk -v total="$total" -v n="$n" '
  /^ *[0-9,]+ \(/ && !/PROGRAM TOTALS/ {
    c = $1; gsub(",", "", c)
    area = "other: the generator itself, std"
    if ($0 ~ /serde_json|json_string\.rs/) area = "JSON string escaping (serde_json)"
    else if ($0 ~ /aes-|\/aes\/|x86_aes|aes\.rs|ctr-|ctr_core/) area = "AES-256 in counter mode (aes, ctr)"
    else if ($0 ~ /polyval|ghash/) area = "GHASH (polyval)"
    else if ($0 ~ /base64/) area = "base64"
    else if ($0 ~ /itoa/) area = "numbers (itoa)"
    else if ($0 ~ /malloc|free|raw_vec/) area = "allocation"
    else if ($0 ~ /memmove|memcpy|memset/) area = "memcpy / memset"
    else if ($0 ~ /chacha|rand_|rand\/|nonce_source|getrandom/) area = "randomness (ChaCha, reseeding)"
    else if ($0 ~ /clock|vdso|clock_gettime|time\.rs/) area = "clock"
    sum[area] += c
  }
  END { for (a in sum) printf "%5.1f%%  %6d instructions  %s\n", 100 * sum[a] / total, sum[a] / n, a }' | sort -rn
