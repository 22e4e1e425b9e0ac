package zegotoken

/*
#cgo CFLAGS: -I${SRCDIR}/include
#include <stdlib.h>
#include "zego_token.h"
*/
import "C"

import (
	"encoding/json"
	"strconv"
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

// refuseNUL checks a string for the C ABI. Go strings may hold NUL bytes, which C strings cannot:
// such a string is refused rather than silently cut.
func refuseNUL(s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return &Error{Code: codeInvalidArgument, Message: "strings passed to zego-token must not contain NUL bytes"}
	}
	return nil
}

// refuseNULs refuses the first of values holding a NUL byte (see refuseNUL).
func refuseNULs(values ...string) error {
	for _, v := range values {
		if err := refuseNUL(v); err != nil {
			return err
		}
	}
	return nil
}

// cString copies a Go string into C memory that the caller frees.
func cString(s string) (*C.char, error) {
	if err := refuseNUL(s); err != nil {
		return nil, err
	}
	return C.CString(s), nil
}

// callStrings lays out strings as NUL-terminated C strings in one Go byte slice, for the duration
// of one call: cgo lets C read Go memory that holds no Go pointers while the call lasts, which
// saves a C.malloc and a C.free (each a cgo call) per string. The pointers keep the slice alive.
// C code may not keep them, and no zego-token function does.
func callStrings(values ...string) ([]*C.char, error) {
	size := 0
	for _, v := range values {
		if err := refuseNUL(v); err != nil {
			return nil, err
		}
		size += len(v) + 1
	}
	buf := make([]byte, size)
	out := make([]*C.char, len(values))
	at := 0
	for i, v := range values {
		copy(buf[at:], v)
		out[i] = (*C.char)(unsafe.Pointer(&buf[at]))
		at += len(v) + 1
	}
	return out, nil
}

// cStrings converts several strings into C memory that outlives the call (for arrays of strings,
// which Go memory may not hold), freeing the ones already made if one is refused.
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

// takeClaims copies the fields of a claims handle the library returned (all in one call) and frees
// the handle.
func takeClaims(claims *C.zego_token_claims) Claims {
	defer C.zego_token_claims_free(claims)
	var view C.zego_token_claims_view
	C.zego_token_claims_fields(claims, &view) // cannot fail: both pointers are valid
	mode := "gcm"
	if *view.mode == 'c' {
		mode = "cbc"
	}
	return Claims{
		AppID:    uint32(view.app_id),
		UserID:   C.GoStringN(view.user_id, C.int(view.user_id_len)),
		Ctime:    int64(view.ctime),
		Expire:   int64(view.expire),
		Nonce:    int64(view.nonce),
		Payload:  C.GoStringN(view.payload, C.int(view.payload_len)),
		Mode:     mode,
		Findings: Findings(C.zego_token_claims_findings(claims)),
	}
}

// Findings is the set of a token's findings (claim values outside the generation rules), as the
// library's ZEGO_FINDING_* bits. The zero value is the empty set.
type Findings uint32

// Names are the findings' names, in bit order; an empty (never nil) slice for the empty set.
func (f Findings) Names() []string {
	names := []string{}
	for bit := uint32(1); uint32(f) >= bit && bit != 0; bit <<= 1 {
		if uint32(f)&bit != 0 {
			names = append(names, C.GoString(C.zego_finding_name(C.uint32_t(bit))))
		}
	}
	return names
}

// Has reports whether the set holds the finding of this name.
func (f Findings) Has(name string) bool {
	for _, n := range f.Names() {
		if n == name {
			return true
		}
	}
	return false
}

// String is the names joined by commas ("" for the empty set).
func (f Findings) String() string { return strings.Join(f.Names(), ",") }

// MarshalJSON writes the names, as the library's claims JSON has them.
func (f Findings) MarshalJSON() ([]byte, error) { return json.Marshal(f.Names()) }

func itoa(n int64) string {
	return strconv.FormatInt(n, 10)
}
