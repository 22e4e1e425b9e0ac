// Package token04 is a drop-in replacement for the official zego_server_assistant Go package
// token04: the same GenerateToken04 function and privilege constants. Change the import path and
// nothing else. Errors are *zegotoken.Error values carrying the official codes (1 app id, 3 user
// id, 5 secret, 6 effective time) and zego-token's codes for the rest.
package token04

import "github.com/zego-token/zegotoken"

// Privilege keys and values of the RTC room payload, as in the official package.
const (
	PrivilegeKeyLogin   = 1 // may log in to the room
	PrivilegeKeyPublish = 2 // may publish streams
	PrivilegeEnable     = 1 // allowed
	PrivilegeDisable    = 0 // denied
)

// GenerateToken04 has the official signature: a token, or an error for invalid input.
func GenerateToken04(appId uint32, userId string, secret string, effectiveTimeInSeconds int64, payload string) (string, error) {
	return zegotoken.Generate(appId, userId, secret, effectiveTimeInSeconds, payload)
}
