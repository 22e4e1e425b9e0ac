//go:build !zego_token_shared

package zegotoken

// By default the module links the static library that `cargo build --release` leaves in the
// repository's target/release, so the program is one self-contained binary. Build with
// `-tags zego_token_shared` to link libzego_token.so instead (see link_shared.go).

/*
#cgo LDFLAGS: ${SRCDIR}/../../target/release/libzego_token.a -lutil -lrt -lpthread -lm -ldl
*/
import "C"
