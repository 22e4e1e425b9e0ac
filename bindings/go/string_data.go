//go:build go1.20

package zegotoken

import "unsafe"

// stringData is the address of a string's bytes (nil or anything for ""; never written to).
func stringData(s string) *byte { return unsafe.StringData(s) }
