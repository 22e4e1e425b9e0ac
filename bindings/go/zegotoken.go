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
	if err := refuseNULs(userID, secret, payload); err != nil {
		return "", err
	}
	user, userLen := span(userID)
	key, keyLen := span(secret)
	data, dataLen := span(payload)
	return generateInto(func(buf *C.char, size C.size_t, length *C.size_t) C.int32_t {
		return C.zego_generate_token04_into(C.uint32_t(appID), user, userLen, key, keyLen,
			C.int64_t(effectiveTimeInSeconds), data, dataLen, buf, size, length)
	})
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
	if err := refuseNULs(userID, payload); err != nil {
		return "", err
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.handle == nil {
		return "", &Error{Code: codeInvalidArgument, Message: "the generator is closed"}
	}
	user, userLen := span(userID)
	data, dataLen := span(payload)
	return generateInto(func(buf *C.char, size C.size_t, length *C.size_t) C.int32_t {
		return C.zego_token_generator_generate_into(g.handle, user, userLen,
			C.int64_t(effectiveTimeInSeconds), data, dataLen, buf, size, length)
	})
}

// Decode reads a token with the generator's secret and kept key (no time or app id check).
func (g *Generator) Decode(token string) (Claims, error) {
	if err := refuseNUL(token); err != nil {
		return Claims{}, err
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.handle == nil {
		return Claims{}, &Error{Code: codeInvalidArgument, Message: "the generator is closed"}
	}
	text, length := span(token)
	var out *C.zego_token_claims
	if err := result(C.zego_token_generator_decode_bytes(g.handle, text, length, &out)); err != nil {
		return Claims{}, err
	}
	return takeClaims(out), nil
}

// Verify checks a token against the generator's app id and secret and opts (see Verify): at most
// one VerifyOptions; none means the defaults (the system clock, no leeway).
func (g *Generator) Verify(token string, opts ...VerifyOptions) (Claims, error) {
	o, err := oneOptions(opts)
	if err != nil {
		return Claims{}, err
	}
	return g.claimsOf(token, func(handle *C.zego_token_generator, token *C.char, out **C.zego_token_claims) error {
		return withVerifyOptions(o, func(options *C.zego_verify_options) error {
			return result(C.zego_token_generator_verify(handle, token, options, out))
		})
	})
}

// claimsOf runs call with the live handle and the token as a C string, under the read lock, and
// takes the claims it hands out.
func (g *Generator) claimsOf(token string, call func(*C.zego_token_generator, *C.char, **C.zego_token_claims) error) (Claims, error) {
	args, err := callStrings(token)
	if err != nil {
		return Claims{}, err
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.handle == nil {
		return Claims{}, &Error{Code: codeInvalidArgument, Message: "the generator is closed"}
	}
	var out *C.zego_token_claims
	if err := call(g.handle, args[0], &out); err != nil {
		return Claims{}, err
	}
	return takeClaims(out), nil
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
//
// Findings holds the values that break a generation rule (Findings.Names: "app_id_zero",
// "user_id_empty", "user_id_too_long", "expire_not_after_ctime", "ctime_before_epoch",
// "nonce_out_of_range"); empty for a token made within the rules. Decode never refuses a token for
// them; Verify refuses them (ErrBadPlaintext) only in a legacy CBC token, which is not
// authenticated. Claims stays comparable with ==.
type Claims struct {
	AppID    uint32   `json:"app_id"`
	UserID   string   `json:"user_id"`
	Ctime    int64    `json:"ctime"`
	Expire   int64    `json:"expire"`
	Nonce    int64    `json:"nonce"`
	Payload  string   `json:"payload"`
	Mode     string   `json:"mode"`
	Findings Findings `json:"findings"`
}

// Decode reads a token (current GCM or legacy CBC) without checking time or app id.
func Decode(token, secret string) (Claims, error) {
	if abiError != nil {
		return Claims{}, abiError
	}
	if err := refuseNULs(token, secret); err != nil {
		return Claims{}, err
	}
	text, textLen := span(token)
	key, keyLen := span(secret)
	var out *C.zego_token_claims
	if err := result(C.zego_decode_token04_bytes(text, textLen, key, keyLen, &out)); err != nil {
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
	// UserID, when not empty, is the user the token must be for (ErrUserIDMismatch otherwise).
	UserID string
}

// Verify decodes a token and checks that it was made for appID (and opts.UserID) and is valid at
// opts.Now: expired when now >= expire + leeway, not yet valid when ctime > now + leeway. At most
// one VerifyOptions; none means the defaults (the system clock, no leeway, any user id).
func Verify(token, secret string, appID uint32, opts ...VerifyOptions) (Claims, error) {
	claims, _, err := VerifyWithAny(token, []string{secret}, appID, opts...)
	return claims, err
}

// VerifyWithAny is Verify with several secrets tried in order (key rotation): it also returns the
// index of the secret that opened the token. ErrAuthFailed when none does.
func VerifyWithAny(token string, secrets []string, appID uint32, opts ...VerifyOptions) (claims Claims, secretIndex int, err error) {
	if abiError != nil {
		return Claims{}, 0, abiError
	}
	o, err := oneOptions(opts)
	if err != nil {
		return Claims{}, 0, err
	}
	// In C memory, so that the array of secrets (Go memory) holds no Go pointer.
	strs, err := cStrings(append([]string{token}, secrets...)...)
	if err != nil {
		return Claims{}, 0, err
	}
	defer freeAll(strs)
	var index C.size_t
	var out *C.zego_token_claims
	err = withVerifyOptions(o, func(options *C.zego_verify_options) error {
		var first **C.char
		if len(secrets) > 0 {
			first = &strs[1]
		}
		return result(C.zego_verify_token04_with_options(strs[0], first, C.size_t(len(secrets)), C.uint32_t(appID),
			options, &out, &index))
	})
	if err != nil {
		return Claims{}, 0, err
	}
	return takeClaims(out), int(index), nil
}

// oneOptions is the options a variadic argument gives: the zero value (the defaults) for none, the
// one given, and ErrInvalidArgument for more than one.
func oneOptions(opts []VerifyOptions) (VerifyOptions, error) {
	switch len(opts) {
	case 0:
		return VerifyOptions{}, nil
	case 1:
		return opts[0], nil
	default:
		return VerifyOptions{}, &Error{Code: codeInvalidArgument, Message: "at most one VerifyOptions"}
	}
}

// withVerifyOptions runs use with a native options handle made from opts, then frees it.
func withVerifyOptions(opts VerifyOptions, use func(*C.zego_verify_options) error) error {
	userID, err := cStrings(opts.UserID)
	if err != nil {
		return err
	}
	defer freeAll(userID)
	var options *C.zego_verify_options
	if err := result(C.zego_verify_options_new(&options)); err != nil {
		return err
	}
	defer C.zego_verify_options_free(options)
	if !opts.Now.IsZero() {
		if err := result(C.zego_verify_options_set_now(options, C.int64_t(opts.Now.Unix()))); err != nil {
			return err
		}
	}
	if err := result(C.zego_verify_options_set_leeway(options, C.int64_t(opts.Leeway/time.Second))); err != nil {
		return err
	}
	if opts.UserID != "" {
		if err := result(C.zego_verify_options_set_user_id(options, userID[0])); err != nil {
			return err
		}
	}
	if err := result(C.zego_verify_options_set_require_gcm(options, boolInt(opts.RequireGCM))); err != nil {
		return err
	}
	return use(options)
}

// CreatedAt is Ctime as a time.Time in UTC, as every binding gives it.
func (c Claims) CreatedAt() time.Time { return time.Unix(c.Ctime, 0).UTC() }

// ExpiresAt is Expire as a time.Time in UTC, as every binding gives it.
func (c Claims) ExpiresAt() time.Time { return time.Unix(c.Expire, 0).UTC() }

// LibraryVersion is the version of the linked zego-token library.
func LibraryVersion() string { return C.GoString(C.zego_token_version()) }
