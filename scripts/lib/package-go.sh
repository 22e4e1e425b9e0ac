# Sourced by scripts/dist: the Go module in dist/go, a GOPROXY file tree. The module carries each
# platform's prebuilt static library (lib/libzego_token_<GOOS>_<GOARCH>.a, chosen by the link_*.go
# build constraints) and the header, as wasmer-go and CosmWasm's wasmvm do, so `go get` needs no
# Rust. Uses scripts/dist's variables and functions.
# shellcheck shell=bash

go_module=github.com/zego-token/zegotoken

package_go() { # TARGETS...
  local out="$work/go" module="$work/go/module" t platform
  step "go: the module, with each platform's static library, as a GOPROXY tree"
  command -v go >/dev/null || die "go is needed to check the Go module"
  [[ "$(sed -n 's/^module //p' bindings/go/go.mod)" == "$go_module" ]] || die "bindings/go/go.mod is not module $go_module"
  rm -rf "$out" "$dist/go"
  mkdir -p "$module/lib" "$module/include" "$module/token04" "$module/errors"
  (cd bindings/go && cp go.mod README.md ./*.go "$module/" && cp token04/*.go "$module/token04/" &&
    cp errors/*.go "$module/errors/")
  rm -f "$module"/*_test.go "$module"/token04/*_test.go "$module"/errors/*_test.go # the tests read the repository's vectors
  cp -L LICENSE-MIT LICENSE-APACHE "$module/"
  cp include/zego_token.h "$module/include/"
  for t in "$@"; do
    platform=$(target_field "$t" go)
    [[ -n $platform ]] || continue
    cp "$work/stage/zego-token-$version-$t/lib/libzego_token.a" "$module/lib/libzego_token_$platform.a"
  done
  local v="v$version" proxy="$dist/go/$go_module/@v"
  mkdir -p "$proxy"
  echo "$v" >"$proxy/list"
  cp "$module/go.mod" "$proxy/$v.mod"
  printf '{"Version":"%s","Time":"%s"}\n' "$v" "$(date -u -d "@$source_date_epoch" +%Y-%m-%dT%H:%M:%SZ)" >"$proxy/$v.info"
  # A module zip: every path under "<module>@<version>/".
  zip_tree "$module" "$proxy/$v.zip" "$go_module@$v"
  echo "dist/go/$go_module/@v/$v.zip: $(unzip -Z1 "$proxy/$v.zip" | grep -c '^.*\.a$') static libraries"
}

# A fresh module with GOPROXY=file://dist/go and no cargo on PATH gets and builds zegotoken, and the
# program generates and decodes; the Windows and macOS builds use zig as the C cross compiler.
check_go() { # TARGETS...
  local out="$work/check/go"
  step "go: a fresh module getting $go_module from dist/go"
  [[ -d $out ]] && chmod -R u+w "$out"
  rm -rf "$out"
  mkdir -p "$out/consumer"
  cat >"$out/consumer/main.go" <<'EOF'
package main

import (
	"fmt"

	"github.com/zego-token/zegotoken"
	"github.com/zego-token/zegotoken/errors"
	"github.com/zego-token/zegotoken/token04"
)

func main() {
	secret := "0123456789abcdef0123456789abcdef"
	token, err := zegotoken.Generate(1234567890, "go-user", secret, 3600, "")
	if err != nil {
		panic(err)
	}
	claims, err := zegotoken.Decode(token, secret)
	if err != nil || claims.UserID != "go-user" {
		panic(fmt.Sprint(claims, err))
	}
	// The drop-in, used as code written for the official package uses it.
	if _, err := token04.GenerateToken04(1234567890, "", secret, 3600, ""); err != nil {
		if sdkErr, ok := err.(*errors.ZegoSDKError); !ok || sdkErr.Code != errors.InvalidParamErrorCode {
			panic(fmt.Sprint("drop-in error: ", err))
		}
	} else {
		panic("the drop-in accepted an empty user id")
	}
	fmt.Println("consumer:", zegotoken.LibraryVersion())
}
EOF
  printf 'module consumer\n\ngo 1.19\n' >"$out/consumer/go.mod"
  (
    cd "$out/consumer"
    PATH=$(path_without_cargo) || exit 1
    export GOPROXY="file://$dist/go" GOFLAGS=-mod=mod GONOSUMDB="$go_module" \
      GOMODCACHE="$out/modcache" GOCACHE="$out/gocache"
    unset GOPRIVATE GONOPROXY
    go get "$go_module@v$version" >/dev/null 2>&1 || go get "$go_module@v$version"
    go build -o consumer . && ./consumer | has -x "consumer: $version" || exit 1
    echo "go get + go build, no cargo: $(./consumer)"
    if CGO_ENABLED=0 go build -o /dev/null . 2>"$out/nocgo.txt"; then exit 1; fi
    grep -q "zegotoken_needs_cgo" "$out/nocgo.txt" || { cat "$out/nocgo.txt"; exit 1; }
    echo "CGO_ENABLED=0: $(grep -o 'undefined: .*' "$out/nocgo.txt")"
    if [[ -f "$GOMODCACHE/$go_module@v$version/lib/libzego_token_windows_amd64.a" ]]; then
      CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="zig cc -target x86_64-windows-gnu" go build -o consumer.exe .
      echo "GOOS=windows: $(wine_run "$PWD/consumer.exe")"
    fi
    local arch
    for arch in amd64 arm64; do
      [[ -f "$GOMODCACHE/$go_module@v$version/lib/libzego_token_darwin_$arch.a" ]] || continue
      local zig_arch=x86_64
      [[ $arch == arm64 ]] && zig_arch=aarch64
      # zig cannot link macOS programs without Apple's SDK: the package itself is compiled (cgo
      # included) and its link flags name the darwin library.
      CGO_ENABLED=1 GOOS=darwin GOARCH=$arch CC="zig cc -target $zig_arch-macos" go build "$go_module"
      CGO_ENABLED=1 GOOS=darwin GOARCH=$arch go list -f '{{join .CgoLDFLAGS " "}}' "$go_module" |
        grep -q "lib/libzego_token_darwin_$arch.a" || exit 1
      echo "GOOS=darwin GOARCH=$arch: the package compiles and links lib/libzego_token_darwin_$arch.a"
    done
  ) || die "go: the module from dist/go does not build or run"
}
