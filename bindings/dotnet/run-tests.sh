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

echo "== on CoreCLR: the dotnet host and Microsoft.NETCore.App 3.1 of PyPI's dotnetcore2"
# The .NET SDK cannot be installed here; dotnetcore2 carries a real host and runtime. The assemblies
# are the ones mcs built above (netstandard-compatible), run with the runtimeconfig.json (and, for
# a package reference, the deps.json) that the SDK would write (coreclr/app-config.sh).
dotnet=$("$here/coreclr/dotnet-host.sh")
clr="$out/coreclr"
rm -rf "$clr" && mkdir -p "$clr"
mcs -warnaserror+ -out:"$clr/TestRunner.exe" "$here/coreclr/TestRunner.cs"
cp "$out/ZegoToken.dll" "$out/ZegoToken.Tests.dll" "$nunit" "$clr/"
"$here/coreclr/app-config.sh" "$clr/TestRunner.exe"
echo "the NUnit tests (tests/*.cs) on CoreCLR, the library from runtimes/linux-x64/native/ beside the assembly:"
mkdir -p "$clr/runtimes/linux-x64/native" && cp "$root/target/release/libzego_token.so" "$clr/runtimes/linux-x64/native/"
(cd "$here" && env -u ZEGO_TOKEN_LIB "$dotnet" "$clr/TestRunner.exe" "$clr/ZegoToken.Tests.dll")

# smoke_app DIR: Smoke.exe, ZegoToken.dll and Smoke.runtimeconfig.json in DIR, and no library.
smoke_app() {
  mkdir -p "$1" && cp "$out/ZegoToken.dll" "$out/Smoke.exe" "$1/" && "$here/coreclr/app-config.sh" "$1/Smoke.exe"
}
smoke_app "$clr/by-env"
[[ $(ZEGO_TOKEN_LIB="$root/target/release/libzego_token.so" "$dotnet" "$clr/by-env/Smoke.exe") == "$version" ]]
echo "ZEGO_TOKEN_LIB, on CoreCLR: $version"
smoke_app "$clr/no-deps-json"
mkdir -p "$clr/no-deps-json/runtimes/linux-x64/native" && cp "$root/target/release/libzego_token.so" "$clr/no-deps-json/runtimes/linux-x64/native/"
[[ $(env -u ZEGO_TOKEN_LIB "$dotnet" "$clr/no-deps-json/Smoke.exe") == "$version" ]]
echo "runtimes/linux-x64/native/ beside the assembly, no deps.json, on CoreCLR: $version"
# A PackageReference as the SDK resolves it: the package in a NuGet folder (its own layout, the
# assembly under lib/netstandard2.0/), found through the deps.json and an additional probing path.
package="$clr/packages/zegotoken/$version"
mkdir -p "$package/lib/netstandard2.0" "$package/runtimes/linux-x64/native" "$clr/package-reference"
cp "$out/ZegoToken.dll" "$package/lib/netstandard2.0/"
cp "$root/target/release/libzego_token.so" "$package/runtimes/linux-x64/native/"
cp "$out/Smoke.exe" "$clr/package-reference/"
"$here/coreclr/app-config.sh" "$clr/package-reference/Smoke.exe" "$clr/packages" "zegotoken/$version" "$version" linux-x64
[[ $(env -u ZEGO_TOKEN_LIB "$dotnet" "$clr/package-reference/Smoke.exe") == "$version" ]]
echo "a PackageReference (deps.json, the package's runtimes/linux-x64/native/), on CoreCLR: $version"
# Away from every runtimes/ folder above (the loader also looks two folders up, the package's layout).
nowhere=$(mktemp -d)
smoke_app "$nowhere/a/b"
# (The runtime aborts on the unhandled exception; the braces keep bash's "Aborted" out of the log.)
if { env -u ZEGO_TOKEN_LIB "$dotnet" "$nowhere/a/b/Smoke.exe" >/dev/null 2>"$clr/nowhere-error.txt"; } 2>/dev/null; then
  rm -rf "$nowhere"
  exit 1
fi
rm -rf "$nowhere"
grep -q "ZEGO_TOKEN_LIB" "$clr/nowhere-error.txt" && grep -q "$nowhere/a/b/runtimes/linux-x64/native/libzego_token.so: not found" "$clr/nowhere-error.txt" &&
  grep -q "the system loader" "$clr/nowhere-error.txt" || { cat "$clr/nowhere-error.txt"; exit 1; }
echo "nowhere, on CoreCLR: one error naming every path tried and the system loader"
echo "4 passed, 0 failed (loading on CoreCLR)"
