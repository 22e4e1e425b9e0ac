#!/usr/bin/env bash
# The .NET suite on Mono (the .NET SDK cannot be installed on these machines): compiles the library
# (with XML docs, warnings as errors) and its NUnit tests with mcs, bundles the native library next to
# the assembly, and runs the tests with nunit-console. `dotnet build` users build ZegoToken.csproj.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/target/dotnet"
nunit=$(ls /usr/lib/cli/nunit.framework-2.6*/nunit.framework.dll | head -1)
mkdir -p "$out"
mcs -target:library -warnaserror+ -doc:"$out/ZegoToken.xml" -out:"$out/ZegoToken.dll" "$here"/src/*.cs
mcs -target:library -warnaserror+ -nowarn:1591 -r:"$out/ZegoToken.dll" -r:"$nunit" -out:"$out/ZegoToken.Tests.dll" "$here"/tests/*.cs
mcs -target:exe -r:"$out/ZegoToken.dll" -out:"$out/ZegoToken.Bench.exe" "$here"/bench/*.cs
mcs -target:exe -warnaserror+ -r:"$out/ZegoToken.dll" -out:"$out/Smoke.exe" "$here"/smoke/*.cs
cp "$here/ZegoToken.dll.config" "$out/"
# The library where the package puts it for this runtime, not beside the assembly: Mono must find it
# there (it used to resolve the P/Invokes before the loader ran).
rm -f "$out/libzego_token.so"
mkdir -p "$out/runtimes/linux-x64/native"
cp "$root/target/release/libzego_token.so" "$out/runtimes/linux-x64/native/libzego_token.so"
(cd "$here" && nunit-console -nologo -labels "$out/ZegoToken.Tests.dll" -xml="$out/TestResult.xml") # the tests read ../../tests/vectors

echo "== where the library is found, under mono"
alone="$out/alone" # the assembly and its config, with no library beside them
rm -rf "$alone" && mkdir -p "$alone" && cp "$out"/{ZegoToken.dll,ZegoToken.dll.config,Smoke.exe} "$alone/"
version=$(env -u ZEGO_TOKEN_LIB mono "$out/Smoke.exe")
echo "runtimes/linux-x64/native/ beside the assembly: $version"
[[ $(ZEGO_TOKEN_LIB="$root/target/release/libzego_token.so" mono "$alone/Smoke.exe") == "$version" ]]
echo "ZEGO_TOKEN_LIB: $version"
[[ $(env -u ZEGO_TOKEN_LIB LD_LIBRARY_PATH="$root/target/release" mono "$alone/Smoke.exe") == "$version" ]]
echo "the system loader, by the SONAME libzego_token.so.1: $version"
if env -u ZEGO_TOKEN_LIB mono "$alone/Smoke.exe" >/dev/null 2>"$alone/error.txt"; then exit 1; fi
grep -q "ZEGO_TOKEN_LIB" "$alone/error.txt" && grep -q "runtimes/linux-x64/native" "$alone/error.txt" &&
  grep -q "the system loader" "$alone/error.txt" || { cat "$alone/error.txt"; exit 1; }
echo "nowhere: one error naming ZEGO_TOKEN_LIB, the runtimes folders and the system loader"
echo "4 passed, 0 failed (loading under mono)"
