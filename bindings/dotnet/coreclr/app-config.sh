#!/usr/bin/env bash
# Writes the files the .NET SDK would write beside a program for CoreCLR (Microsoft.NETCore.App 3.1):
#   coreclr/app-config.sh APP.exe                         APP.runtimeconfig.json
#   coreclr/app-config.sh APP.exe PACKAGES PATH VERSION RID
#       also, for a PackageReference to ZegoToken VERSION that NuGet put in PACKAGES/PATH: APP.deps.json
#       naming it (its assembly and runtimes/RID/native/libzego_token.so), APP.runtimeconfig.dev.json
#       with PACKAGES as a probing path, and the package's hash file the host looks for.
# Globalization-invariant: this runtime looks for ICU, which the library does not need.
set -euo pipefail
exe=$1
app=${exe%.exe}
printf '%s\n' '{"runtimeOptions":{"tfm":"netcoreapp3.1","framework":{"name":"Microsoft.NETCore.App","version":"3.1.0"},"configProperties":{"System.Globalization.Invariant":true}}}' \
  >"$app.runtimeconfig.json"
[[ $# -eq 5 ]] || exit 0
packages=$2
path=$3
version=$4
rid=$5
name=$(basename "$app")
: >"$packages/$path/zegotoken.$version.nupkg.sha512"
printf '{"runtimeOptions":{"additionalProbingPaths":["%s"]}}\n' "$packages" >"$app.runtimeconfig.dev.json"
cat >"$app.deps.json" <<JSON
{
  "runtimeTarget": { "name": ".NETCoreApp,Version=v3.1", "signature": "" },
  "targets": {
    ".NETCoreApp,Version=v3.1": {
      "$name/1.0.0": { "dependencies": { "ZegoToken": "$version" }, "runtime": { "$name.exe": {} } },
      "ZegoToken/$version": {
        "runtime": { "lib/netstandard2.0/ZegoToken.dll": {} },
        "runtimeTargets": { "runtimes/$rid/native/libzego_token.so": { "rid": "$rid", "assetType": "native" } }
      }
    }
  },
  "libraries": {
    "$name/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
    "ZegoToken/$version": { "type": "package", "serviceable": true, "sha512": "", "path": "$path",
      "hashPath": "zegotoken.$version.nupkg.sha512" }
  }
}
JSON
