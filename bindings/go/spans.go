package zegotoken

/*
#include "zego_token.h"
*/
import "C"

import (
	"sync"
	"unsafe"
)

// The fast path: strings go to the library as (pointer, length) spans of the Go string's own
// bytes, and the token comes back in a pooled buffer, so a token costs one cgo call and one Go
// allocation (the returned string). C reads the Go memory only while the call lasts, which cgo
// allows for memory that holds no Go pointers.

// tokenBuffer is a reusable output buffer; len receives the token's length (a field of its own,
// so that the pointer passed to C points at memory without Go pointers).
type tokenBuffer struct {
	len   C.size_t
	bytes []byte
}

// 1 KiB holds any token with a 64-byte user id and a typical privilege payload; a bigger one
// grows the buffer to the size the library asks for.
var tokenBuffers = sync.Pool{New: func() any { return &tokenBuffer{bytes: make([]byte, 1024)} }}

// generateInto runs call (one of the library's _into functions) with a pooled buffer, growing it
// once if the library says it is too small, and returns the token.
func generateInto(call func(buf *C.char, size C.size_t, length *C.size_t) C.int32_t) (string, error) {
	tb := tokenBuffers.Get().(*tokenBuffer)
	defer tokenBuffers.Put(tb)
	code := call((*C.char)(unsafe.Pointer(&tb.bytes[0])), C.size_t(len(tb.bytes)), &tb.len)
	if code == C.ZEGO_RESULT_BUFFER_TOO_SMALL {
		tb.bytes = make([]byte, int(tb.len))
		code = call((*C.char)(unsafe.Pointer(&tb.bytes[0])), C.size_t(len(tb.bytes)), &tb.len)
	}
	if err := result(code); err != nil {
		return "", err
	}
	return string(tb.bytes[:tb.len]), nil
}

// span is a string's bytes for one call, as the library's (pointer, length) arguments.
func span(s string) (*C.char, C.size_t) {
	return (*C.char)(unsafe.Pointer(stringData(s))), C.size_t(len(s))
}
