// Package errors mirrors the official zego_server_assistant Go package errors, so that code which
// type-asserts the official error keeps compiling and working after its import paths change from
// the official token04 and errors packages to github.com/zego-token/zegotoken/token04 and
// github.com/zego-token/zegotoken/errors.
//
// A *ZegoSDKError made by this module also unwraps to the *zegotoken.Error it came from, so
// errors.Is(err, zegotoken.ErrInvalidUserID) and errors.As with *zegotoken.Error keep working.
package errors

import "fmt"

// The official error codes.
const (
	DefaultClientErrorCode = "SDK.ClientError"
	MissingParamErrorCode  = "SDK.MissingParam"
	InvalidParamErrorCode  = "SDK.InvalidParam"
	TimeoutErrorCode       = "SDK.TimeoutError"
	EncryptErrorCode       = "SDK.EncryptError"
	EncodeErrorCode        = "SDK.EncodetError" // sic: the official spelling
	JsonUnmarshalErrorCode = "SDK.JsonUnmarshalError"
	JsonMarshalErrorCode   = "SDK.JsonMarshalError"
)

// ZegoSDKError is the official error type: a string code and a message.
type ZegoSDKError struct {
	Code    string
	Message string

	cause error // the *zegotoken.Error behind it, when this module made it
}

// Error formats as the official type does.
func (e *ZegoSDKError) Error() string {
	return fmt.Sprintf("[ZegoSDKError] Code=%s, Message=%s", e.Code, e.Message)
}

// GetCode returns Code, as the official type does.
func (e *ZegoSDKError) GetCode() string { return e.Code }

// GetMessage returns Message, as the official type does.
func (e *ZegoSDKError) GetMessage() string { return e.Message }

// Unwrap returns the zego-token error behind this one (nil for one made by NewZegoSDKError).
func (e *ZegoSDKError) Unwrap() error { return e.cause }

// NewZegoSDKError makes an error as the official function does.
func NewZegoSDKError(code, message string) error {
	return &ZegoSDKError{Code: code, Message: message}
}

// Wrap makes the official error for a zego-token error: code and message as the official
// function would give them, unwrapping to cause.
func Wrap(code, message string, cause error) error {
	return &ZegoSDKError{Code: code, Message: message, cause: cause}
}
