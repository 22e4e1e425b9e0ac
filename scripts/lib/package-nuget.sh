# Sourced by scripts/dist: the .NET package in dist/nuget. The .NET SDK cannot be installed where
# this runs, so the assembly is compiled with Mono's mcs and the .nupkg (an OPC zip: the nuspec,
# [Content_Types].xml, _rels/.rels and the files) is written directly by zip_tree, with the layout `dotnet pack`
# makes from bindings/dotnet/ZegoToken.csproj: lib/netstandard2.0/ (the assembly, its XML docs and
# the Mono dllmap), runtimes/<rid>/native/ for every target, build/ and buildTransitive/ targets
# that copy them beside .NET Framework and Mono applications. Uses scripts/dist's variables.
# shellcheck shell=bash

package_nuget() { # TARGETS...
  local out="$work/nuget/package" t library name
  step "nuget: the .NET package with every platform's library"
  need_deb mono-mcs mono-runtime
  rm -rf "$work/nuget" "$dist/nuget"
  mkdir -p "$out/lib/netstandard2.0" "$out/build" "$out/buildTransitive" "$dist/nuget"
  printf '[assembly: System.Reflection.AssemblyVersion("%s.0")]\n[assembly: System.Reflection.AssemblyInformationalVersion("%s")]\n' \
    "${version%%[-+]*}" "$version" >"$work/nuget/AssemblyVersion.cs"
  mcs -target:library -warnaserror+ -optimize+ -doc:"$out/lib/netstandard2.0/ZegoToken.xml" \
    -out:"$out/lib/netstandard2.0/ZegoToken.dll" bindings/dotnet/src/*.cs "$work/nuget/AssemblyVersion.cs"
  cp bindings/dotnet/ZegoToken.dll.config "$out/lib/netstandard2.0/"
  cp bindings/dotnet/build/ZegoToken.targets "$out/build/"
  cp bindings/dotnet/build/ZegoToken.targets "$out/buildTransitive/"
  cp bindings/dotnet/README.md "$out/README.md"
  cp LICENSE-MIT "$out/LICENSE-MIT.txt"
  cp LICENSE-APACHE "$out/LICENSE-APACHE.txt"
  for t in "$@"; do
    read -r library name <<<"$(native_library_of "$t")"
    mkdir -p "$out/runtimes/$(target_field "$t" nuget)/native"
    cp "$library" "$out/runtimes/$(target_field "$t" nuget)/native/$name"
  done
  local description
  description=$(sed -n 's|.*<Description>\(.*\)</Description>.*|\1|p' bindings/dotnet/ZegoToken.csproj)
  cat >"$out/ZegoToken.nuspec" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>ZegoToken</id>
    <version>$version</version>
    <authors>The zego-token developers</authors>
    <description>$description</description>
    <license type="expression">MIT OR Apache-2.0</license>
    <projectUrl>https://github.com/zego-token/zego-token</projectUrl>
    <repository type="git" url="https://github.com/zego-token/zego-token.git" />
    <readme>README.md</readme>
    <tags>zego token04 zegocloud rtc zim</tags>
    <dependencies>
      <group targetFramework=".NETStandard2.0" />
    </dependencies>
  </metadata>
</package>
EOF
  # The two parts that make the zip an OPC package: a content type for every extension, and the
  # relationship that names the nuspec.
  mkdir -p "$out/_rels"
  {
    printf '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    find "$out" -type f -name '*.*' | sed 's/.*\.//' | LC_ALL=C sort -u | grep -vx xml |
      sed 's|.*|<Default Extension="&" ContentType="application/octet" />|' | tr -d '\n'
    printf '<Default Extension="xml" ContentType="application/octet" /><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />'
    printf '</Types>'
  } >"$out/[Content_Types].xml"
  printf '%s' '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/ZegoToken.nuspec" Id="R0" /></Relationships>' \
    >"$out/_rels/.rels"
  local nupkg="$dist/nuget/ZegoToken.$version.nupkg"
  zip_tree "$out" "$nupkg"
  echo "dist/nuget/$(basename "$nupkg"): $(unzip -Z1 "$nupkg" | grep -c '^runtimes/.*/native/') native libraries"
}

# The package's layout, then `nuget install` from dist/nuget as the only source into a fresh folder,
# and a consumer compiled with mcs against the installed assembly runs under mono and finds the
# library from the package alone (no ZEGO_TOKEN_LIB, no LD_LIBRARY_PATH).
check_nuget() { # TARGETS...
  local out="$work/check/nuget" nupkg="$dist/nuget/ZegoToken.$version.nupkg" t
  step "nuget: installing ZegoToken from a folder feed"
  need_deb nuget mono-mcs mono-runtime
  rm -rf "$out"
  mkdir -p "$out"
  local expected=("ZegoToken.nuspec" "lib/netstandard2.0/ZegoToken.dll" "lib/netstandard2.0/ZegoToken.xml"
    "lib/netstandard2.0/ZegoToken.dll.config" "build/ZegoToken.targets" "buildTransitive/ZegoToken.targets" "README.md")
  for t in "$@"; do
    local name
    read -r _ name <<<"$(native_library_of "$t")"
    expected+=("runtimes/$(target_field "$t" nuget)/native/$name")
  done
  unzip -Z1 "$nupkg" >"$out/entries.txt"
  for t in "${expected[@]}"; do grep -qxF "$t" "$out/entries.txt" || die "nuget: the package lacks $t"; done
  echo "the package holds the assembly, its docs and dllmap, the build targets and ${#@} runtimes/<rid>/native/ libraries"
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="dist" value="%s" /></packageSources></configuration>\n' \
    "$dist/nuget" >"$out/NuGet.Config"
  nuget install ZegoToken -Version "$version" -Source "$dist/nuget" -ConfigFile "$out/NuGet.Config" \
    -OutputDirectory "$out/packages" -NonInteractive >"$out/install.log" 2>&1 || { cat "$out/install.log"; die "nuget install failed"; }
  local lib="$out/packages/ZegoToken.$version/lib/netstandard2.0"
  mcs -target:exe -r:"$lib/ZegoToken.dll" -out:"$out/Smoke.exe" bindings/dotnet/smoke/Smoke.cs
  local printed
  printed=$(cd "$out" && env -u ZEGO_TOKEN_LIB -u LD_LIBRARY_PATH MONO_PATH="$lib" mono "$out/Smoke.exe") ||
    die "nuget: the consumer did not find the library in the installed package"
  [[ $printed == "$version" ]] || die "nuget: the consumer printed '$printed'"
  echo "nuget install from dist/nuget, a consumer built with mcs, under mono: $printed"
  # The same consumer on CoreCLR, resolved as a PackageReference is: its deps.json names the package,
  # found in the install folder through an additional probing path, with its runtimes/<rid>/native/.
  local dotnet app="$out/coreclr" rid
  dotnet=$(bindings/dotnet/coreclr/dotnet-host.sh) || die "nuget: no dotnet host (dotnetcore2)"
  rid=$(target_field x86_64-unknown-linux-gnu nuget)
  mkdir -p "$app"
  cp "$out/Smoke.exe" "$app/"
  bindings/dotnet/coreclr/app-config.sh "$app/Smoke.exe" "$out/packages" "ZegoToken.$version" "$version" "$rid"
  printed=$(cd "$app" && env -u ZEGO_TOKEN_LIB -u LD_LIBRARY_PATH "$dotnet" "$app/Smoke.exe") ||
    die "nuget: on CoreCLR, the consumer did not find the library in the installed package"
  [[ $printed == "$version" ]] || die "nuget: on CoreCLR, the consumer printed '$printed'"
  echo "the same consumer on CoreCLR (dotnet host 3.1), as a PackageReference (deps.json): $printed"
}
