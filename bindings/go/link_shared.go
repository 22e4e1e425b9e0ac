//go:build cgo && zego_token_shared

package zegotoken

// With `-tags zego_token_shared` the module links libzego_token.so: point the linker at it with
// CGO_LDFLAGS="-L/path/to/lib" and the loader with LD_LIBRARY_PATH or an rpath.

/*
#cgo LDFLAGS: -lzego_token
*/
import "C"
