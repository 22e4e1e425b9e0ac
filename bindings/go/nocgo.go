//go:build !cgo

package zegotoken

// zegotoken calls the zego-token C library, so it needs cgo: CGO_ENABLED=1 and a C compiler for the
// target (gcc, clang, or `zig cc -target ...` to cross-compile). Without cgo the build stops here,
// with this name in the error:
var _ = zegotoken_needs_cgo__build_with_CGO_ENABLED_1_and_a_C_compiler
