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
cp "$root/target/release/libzego_token.so" "$out/libzego_token.so"
cd "$here" # the tests read ../../tests/vectors
nunit-console -nologo -labels "$out/ZegoToken.Tests.dll" -xml="$out/TestResult.xml"
