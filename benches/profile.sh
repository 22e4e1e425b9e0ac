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
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build -q --release --example generate_many
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$kind.out" \
  target/release/examples/generate_many "$n" "$kind" >/dev/null 2>"$out/valgrind.$kind.log"
total=$(callgrind_annotate "$out/callgrind.$kind.out" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "$kind token: $((total / n)) instructions per token (whole program over $n tokens)"
callgrind_annotate --threshold=95 "$out/callgrind.$kind.out" |
  awk -v total="$total" '/^ *[0-9,]+ \(/ && !/PROGRAM TOTALS/ {c=$1; gsub(",", "", c); $1=""; $2="";
    printf "%5.1f%%  %s\n", 100 * c / total, substr($0, 3)}' | head -25
