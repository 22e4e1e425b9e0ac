// Drop-in for the official zego_server_assistant C++ plug-in's ZegoServerAssistantDefines.h: the
// same namespace, enums and result structs. Backed by zego-token (zego_token.h).
#ifndef __ZegoServerAssistantDefines__
#define __ZegoServerAssistantDefines__

#include <stdint.h>

#include <string>

namespace ZEGO {
namespace SERVER_ASSISTANT {

/// The "key" values of the privilege map of an RTC room payload; values: 0 denied, 1 allowed.
enum kPrivilege {
  kPrivilegeLogin = 1,    // may log in to the room
  kPrivilegePublish = 2   // may publish streams
};

/// The official error codes. zego-token reports its other codes (7 payload too large, 10 invalid
/// argument, ...) in the same field. The underlying type is fixed (the official enum's is not) so
/// that those codes are valid values: without it, storing 10 in an enum whose largest value is 6 is
/// undefined behaviour.
enum ErrorCode : int32_t {
  success = 0,
  appIDInvalid = 1,
  userIDInvalid = 3,
  secretInvalid = 5,
  effectiveTimeInSecondsInvalid = 6
};

struct ErrorInfo {
  ErrorCode errorCode;
  std::string errorMessage;
};

struct ZegoToken04Result {
  std::string token;
  ErrorInfo errorInfo;
};

}  // namespace SERVER_ASSISTANT
}  // namespace ZEGO

#endif  // __ZegoServerAssistantDefines__
