//go:build cgo && !zego_token_shared

package zegotoken

// The prebuilt static library for darwin/amd64 (lib/, from the release archive of the same version;
// in a clone of the repository, copied there from target/release by tests/run-all), and the
// system libraries it needs. The program stays one self-contained binary.

/*
#cgo LDFLAGS: ${SRCDIR}/lib/libzego_token_darwin_amd64.a -liconv -lm
*/
import "C"
