// Package token04 is a drop-in replacement for the official zego_server_assistant Go package
// token04: the same GenerateToken04 function and privilege constants. Change the import paths
// (this package and github.com/zego-token/zegotoken/errors) and nothing else.
//
// Errors are *errors.ZegoSDKError values, as the official package returns: Code
// "SDK.InvalidParam" and the official message ("appId Invalid", "userId Invalid", "secret
// Invalid", "effectiveTimeInSeconds Invalid") for what the official package checks, the library's
// message for what it does not (an oversized payload). Each unwraps to its *zegotoken.Error, so
// errors.Is(err, zegotoken.ErrInvalidUserID) works too.
package token04

import (
	stderrors "errors"

	"github.com/zego-token/zegotoken"
	"github.com/zego-token/zegotoken/errors"
)

// Privilege keys and values of the RTC room payload, as in the official package.
const (
	PrivilegeKeyLogin   = 1 // may log in to the room
	PrivilegeKeyPublish = 2 // may publish streams
	PrivilegeEnable     = 1 // allowed
	PrivilegeDisable    = 0 // denied
)

// officialMessages are the official package's messages for the codes it checks.
var officialMessages = map[int]string{
	1: "appId Invalid",
	3: "userId Invalid",
	5: "secret Invalid",
	6: "effectiveTimeInSeconds Invalid",
}

// GenerateToken04 has the official signature: a token, or an *errors.ZegoSDKError.
func GenerateToken04(appId uint32, userId string, secret string, effectiveTimeInSeconds int64, payload string) (token string, err error) {
	token, err = zegotoken.Generate(appId, userId, secret, effectiveTimeInSeconds, payload)
	if err == nil {
		return token, nil
	}
	var failure *zegotoken.Error
	if !stderrors.As(err, &failure) {
		return "", errors.Wrap(errors.DefaultClientErrorCode, err.Error(), err)
	}
	code, message := errors.InvalidParamErrorCode, failure.Message
	if official, ok := officialMessages[failure.Code]; ok {
		message = official
	}
	if failure.Code == zegotoken.ErrRandomUnavailable.Code {
		code = errors.EncryptErrorCode
	}
	return "", errors.Wrap(code, message, err)
}
