//go:build !go1.20

package zegotoken

import (
	"reflect"
	"unsafe"
)

// stringData is the address of a string's bytes (Go 1.19 has no unsafe.StringData).
func stringData(s string) *byte {
	return (*byte)(unsafe.Pointer((*reflect.StringHeader)(unsafe.Pointer(&s)).Data))
}
