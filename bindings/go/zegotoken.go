// Package zegotoken generates, decodes and verifies ZEGO Token04 tokens through the one audited
// Rust core of zego-token (linked with cgo; static by default).
//
//	token, err := zegotoken.Generate(1234567890, "user_123456", secret, 3600, "")
//	claims, err := zegotoken.Verify(token, secret, 1234567890, zegotoken.VerifyOptions{Leeway: 30 * time.Second})
//	if errors.Is(err, zegotoken.ErrExpired) { ... }
//
// For a drop-in replacement of the official plug-in, see the token04 sub-package.
package zegotoken

/*
#include <stdlib.h>
#include "zego_token.h"
*/
import "C"

import (
	"runtime"
	"sync"
	"time"
	"unsafe"
)

// Generate makes a Token04 (AES-256-GCM) valid for effectiveTimeInSeconds. payload is "" for a
// basic token, or the JSON of a privilege payload (see RtcRoomPayload).
func Generate(appID uint32, userID, secret string, effectiveTimeInSeconds int64, payload string) (string, error) {
	if abiError != nil {
		return "", abiError
	}
	args, err := callStrings(userID, secret, payload)
	if err != nil {
		return "", err
	}
	var token *C.char
	if err := result(C.zego_generate_token04(C.uint32_t(appID), args[0], args[1],
		C.int64_t(effectiveTimeInSeconds), args[2], &token)); err != nil {
		return "", err
	}
	return takeString(token), nil
}

// Generator makes tokens for one app id and secret, keeping the expanded key. It is safe for
// concurrent use. Call Close when done; a finalizer frees it otherwise.
type Generator struct {
	mu     sync.RWMutex
	handle *C.zego_token_generator
	appID  uint32
}

// NewGenerator validates the app id and secret and builds a Generator.
func NewGenerator(appID uint32, secret string) (*Generator, error) {
	if abiError != nil {
		return nil, abiError
	}
	args, err := callStrings(secret)
	if err != nil {
		return nil, err
	}
	g := &Generator{appID: appID}
	if err := result(C.zego_token_generator_new(C.uint32_t(appID), args[0], &g.handle)); err != nil {
		return nil, err
	}
	runtime.SetFinalizer(g, (*Generator).Close)
	return g, nil
}

// AppID is the app id the generator makes tokens for.
func (g *Generator) AppID() uint32 { return g.appID }

// Generate makes a token for userID; see the package-level Generate.
func (g *Generator) Generate(userID string, effectiveTimeInSeconds int64, payload string) (string, error) {
	args, err := callStrings(userID, payload)
	if err != nil {
		return "", err
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.handle == nil {
		return "", &Error{Code: codeInvalidArgument, Message: "the generator is closed"}
	}
	var token *C.char
	if err := result(C.zego_token_generator_generate(g.handle, args[0], C.int64_t(effectiveTimeInSeconds), args[1], &token)); err != nil {
		return "", err
	}
	return takeString(token), nil
}

// Close frees the native generator and zeroizes its key. It is safe to call more than once.
func (g *Generator) Close() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.handle != nil {
		C.zego_token_generator_free(g.handle)
		g.handle = nil
		runtime.SetFinalizer(g, nil)
	}
	return nil
}

// RtcRoomPayload is the privilege payload of an RTC room token. StreamIDs nil is written as
// null, an empty non-nil slice as [].
type RtcRoomPayload struct {
	RoomID     string
	CanLogin   bool
	CanPublish bool
	StreamIDs  []string
}

// JSON is the payload text to pass to Generate, exactly the official plug-in's JSON.
func (p RtcRoomPayload) JSON() (string, error) {
	if abiError != nil {
		return "", abiError
	}
	args, err := cStrings(append([]string{p.RoomID}, p.StreamIDs...)...)
	if err != nil {
		return "", err
	}
	defer freeAll(args)
	var ids **C.char
	if p.StreamIDs != nil {
		// The array is passed in C memory: cgo forbids Go memory holding pointers to C.
		size := C.size_t(len(p.StreamIDs)+1) * C.size_t(unsafe.Sizeof((*C.char)(nil)))
		array := unsafe.Slice((**C.char)(C.malloc(size)), len(p.StreamIDs)+1)
		defer C.free(unsafe.Pointer(&array[0]))
		copy(array, args[1:])
		ids = &array[0]
	}
	var out *C.char
	if err := result(C.zego_rtc_room_payload(args[0], boolInt(p.CanLogin), boolInt(p.CanPublish),
		ids, C.size_t(len(p.StreamIDs)), &out)); err != nil {
		return "", err
	}
	return takeString(out), nil
}

func boolInt(b bool) C.int32_t {
	if b {
		return 1
	}
	return 0
}

// Claims is what a token says. Mode is "gcm" (current format) or "cbc" (legacy).
type Claims struct {
	AppID   uint32 `json:"app_id"`
	UserID  string `json:"user_id"`
	Ctime   int64  `json:"ctime"`
	Expire  int64  `json:"expire"`
	Nonce   int64  `json:"nonce"`
	Payload string `json:"payload"`
	Mode    string `json:"mode"`
}

// Decode reads a token (current GCM or legacy CBC) without checking time or app id.
func Decode(token, secret string) (Claims, error) {
	if abiError != nil {
		return Claims{}, abiError
	}
	args, err := callStrings(token, secret)
	if err != nil {
		return Claims{}, err
	}
	var out *C.zego_token_claims
	if err := result(C.zego_decode_token04_claims(args[0], args[1], &out)); err != nil {
		return Claims{}, err
	}
	return takeClaims(out), nil
}

// VerifyOptions are the clock, skew and format rule for Verify. The zero value means "now, no
// leeway, both formats".
type VerifyOptions struct {
	Now    time.Time     // zero: the system clock
	Leeway time.Duration // tolerated clock skew, whole seconds, not negative
	// RequireGCM refuses legacy CBC tokens (Mode "cbc"), which are not authenticated, with
	// ErrUnsupportedMode.
	RequireGCM bool
}

// Verify decodes a token and checks that it was made for appID and is valid at opts.Now:
// expired when now >= expire + leeway, not yet valid when ctime > now + leeway.
func Verify(token, secret string, appID uint32, opts VerifyOptions) (Claims, error) {
	if abiError != nil {
		return Claims{}, abiError
	}
	args, err := callStrings(token, secret)
	if err != nil {
		return Claims{}, err
	}
	var now int64
	if !opts.Now.IsZero() {
		now = opts.Now.Unix()
		if now == 0 {
			return Claims{}, &Error{Code: codeInvalidArgument, Message: "Now must not be the unix epoch itself"}
		}
	}
	if opts.RequireGCM {
		return verifyWithOptions(token, secret, appID, now, int64(opts.Leeway/time.Second), opts.RequireGCM)
	}
	var out *C.zego_token_claims
	if err := result(C.zego_verify_token04_claims(args[0], args[1], C.uint32_t(appID), C.int64_t(now),
		C.int64_t(opts.Leeway/time.Second), &out)); err != nil {
		return Claims{}, err
	}
	return takeClaims(out), nil
}

// verifyWithOptions verifies through the library's options handle, for the options the short call
// lacks. now 0 is the system clock, as in Verify.
func verifyWithOptions(token, secret string, appID uint32, now, leeway int64, requireGCM bool) (Claims, error) {
	// In C memory, so that the array of secrets (Go memory) holds no Go pointer.
	strs, err := cStrings(token, secret)
	if err != nil {
		return Claims{}, err
	}
	defer freeAll(strs)
	var options *C.zego_verify_options
	if err := result(C.zego_verify_options_new(&options)); err != nil {
		return Claims{}, err
	}
	defer C.zego_verify_options_free(options)
	if now != 0 {
		if err := result(C.zego_verify_options_set_now(options, C.int64_t(now))); err != nil {
			return Claims{}, err
		}
	}
	if err := result(C.zego_verify_options_set_leeway(options, C.int64_t(leeway))); err != nil {
		return Claims{}, err
	}
	if err := result(C.zego_verify_options_set_require_gcm(options, boolInt(requireGCM))); err != nil {
		return Claims{}, err
	}
	secrets := [1]*C.char{strs[1]}
	var out *C.zego_token_claims
	if err := result(C.zego_verify_token04_with_options(strs[0], &secrets[0], 1, C.uint32_t(appID), options, &out, nil)); err != nil {
		return Claims{}, err
	}
	return takeClaims(out), nil
}

// LibraryVersion is the version of the linked zego-token library.
func LibraryVersion() string { return C.GoString(C.zego_token_version()) }
