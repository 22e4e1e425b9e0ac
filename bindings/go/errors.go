//go:build cgo

package zegotoken

import "fmt"

// Error is every failure of this package: the library's stable numeric code (the same in every
// language) and its English message. Compare with errors.Is against the sentinel values below.
type Error struct {
	Code    int
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("zego-token: %s (code %d)", e.Message, e.Code) }

// Is reports whether target is an *Error with the same code, so errors.Is(err, ErrExpired) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

const (
	codeInvalidArgument = 10
	codeInternal        = 41
)

// Sentinel errors, one per code. Match with errors.Is(err, zegotoken.ErrExpired).
var (
	ErrInvalidAppID         = &Error{Code: 1, Message: "app id is invalid"}
	ErrInvalidUserID        = &Error{Code: 3, Message: "user id is invalid"}
	ErrInvalidSecret        = &Error{Code: 5, Message: "secret is invalid"}
	ErrInvalidEffectiveTime = &Error{Code: 6, Message: "effective time is invalid"}
	ErrPayloadTooLarge      = &Error{Code: 7, Message: "payload is too large"}
	ErrInvalidRoomID        = &Error{Code: 8, Message: "room id is invalid"}
	ErrInvalidStreamID      = &Error{Code: 9, Message: "stream id is invalid"}
	ErrInvalidArgument      = &Error{Code: 10, Message: "an argument is out of its allowed range"}
	ErrNullPointer          = &Error{Code: 11, Message: "a required pointer is NULL"}
	ErrInvalidUTF8          = &Error{Code: 12, Message: "a string is not valid UTF-8"}
	ErrMalformed            = &Error{Code: 20, Message: "token is malformed"}
	ErrUnsupportedVersion   = &Error{Code: 21, Message: "token version is not supported"}
	ErrUnsupportedMode      = &Error{Code: 22, Message: "token encryption mode is not supported"}
	ErrAuthFailed           = &Error{Code: 23, Message: "wrong secret or the token was altered"}
	ErrBadPlaintext         = &Error{Code: 24, Message: "token content is not the expected claims"}
	ErrExpired              = &Error{Code: 30, Message: "token has expired"}
	ErrNotYetValid          = &Error{Code: 31, Message: "token is not yet valid"}
	ErrAppIDMismatch        = &Error{Code: 32, Message: "token was made for another app id"}
	ErrUserIDMismatch       = &Error{Code: 33, Message: "token was made for another user id"}
	ErrRandomUnavailable    = &Error{Code: 40, Message: "the operating system's random number generator failed"}
	ErrPanic                = &Error{Code: 41, Message: "internal error"}

	// ErrInternal is ErrPanic under its first name (errors.Is matches either).
	//
	// Deprecated: use ErrPanic; the names follow the C ones (ZEGO_RESULT_PANIC).
	ErrInternal = ErrPanic
)

func errorFor(code int, message string) error {
	return &Error{Code: code, Message: message}
}
