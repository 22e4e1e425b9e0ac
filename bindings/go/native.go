package zegotoken

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#include <stdlib.h>
#include "zego_token.h"
*/
import "C"

import (
	"encoding/json"
	"strings"
	"unsafe"
)

// ABIVersion is the C ABI version this package was written for. The linked library must report
// the same version (checked at init; every call returns the mismatch error otherwise).
const ABIVersion = 1

var abiError = checkABI()

func checkABI() error {
	if found := uint32(C.zego_token_abi_version()); found != ABIVersion {
		return &Error{Code: -1, Message: "the linked libzego_token implements C ABI version " +
			itoa(int64(found)) + " but this Go package needs version " + itoa(ABIVersion) +
			": rebuild the library from the same zego-token release (cargo build --release)"}
	}
	return nil
}

// cString copies a Go string into C memory that the caller frees. Go strings may hold NUL bytes,
// which C strings cannot: such a string is refused rather than silently cut.
func cString(s string) (*C.char, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return nil, &Error{Code: codeInvalidArgument, Message: "strings passed to zego-token must not contain NUL bytes"}
	}
	return C.CString(s), nil
}

// cStrings converts several strings, freeing the ones already made if one is refused.
func cStrings(values ...string) ([]*C.char, error) {
	out := make([]*C.char, 0, len(values))
	for _, v := range values {
		c, err := cString(v)
		if err != nil {
			freeAll(out)
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func freeAll(values []*C.char) {
	for _, v := range values {
		C.free(unsafe.Pointer(v))
	}
}

// result turns a library code into nil or an *Error.
func result(code C.int32_t) error {
	if code == 0 {
		return nil
	}
	return errorFor(int(code), C.GoString(C.zego_error_message(code)))
}

// takeString copies a string the library returned and frees the library's copy.
func takeString(s *C.char) string {
	defer C.zego_string_free(s)
	return C.GoString(s)
}

func claimsFrom(s *C.char) (Claims, error) {
	var claims Claims
	if err := json.Unmarshal([]byte(takeString(s)), &claims); err != nil {
		return Claims{}, &Error{Code: codeInternal, Message: "unreadable claims from the library: " + err.Error()}
	}
	return claims, nil
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
