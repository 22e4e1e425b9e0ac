//go:build cgo && !zego_token_shared

package zegotoken

// The prebuilt static library for windows/amd64 (lib/, from the release archive of the same version;
// in a clone of the repository, copied there from target/release by tests/run-all), and the
// system libraries it needs (on Windows also the unwinder, libgcc_eh: MinGW gcc has it, and zig
// cc maps it to its libunwind). The program stays one self-contained binary.

/*
#cgo LDFLAGS: ${SRCDIR}/lib/libzego_token_windows_amd64.a -lkernel32 -lntdll -luserenv -lws2_32 -ldbghelp -lgcc_eh
*/
import "C"
