// Drop-in for the official zego_server_assistant C++ plug-in: the same header name, namespace,
// class and static GenerateToken04, so an existing server changes only its include path and link
// line (ZegoToken::zego_token, or pkg-config zego_token). Header-only over zego_token.h.
#ifndef __ZegoServerAssistant__
#define __ZegoServerAssistant__

#include <stdint.h>

#include <map>
#include <string>

#include "ZegoServerAssistantDefines.h"
#include "zego_token.hpp"

namespace ZEGO {
namespace SERVER_ASSISTANT {

class ZegoServerAssistant {
 public:
  /// Same parameters and result as the official one; never throws for invalid input: the code
  /// and message are in result.errorInfo (errorCode 0 on success). Unlike the official one it
  /// never reseeds rand() from the clock and never cuts a string at an embedded NUL.
  static ZegoToken04Result GenerateToken04(uint32_t appID, const std::string& userID, const std::string& secret,
                                           int64_t effectiveTimeInSeconds, const std::string& payload = "") {
    ZegoToken04Result result;
    result.errorInfo.errorCode = success;
    result.errorInfo.errorMessage = "success";
    try {
      result.token = zego_token::generate(appID, userID, secret, effectiveTimeInSeconds, payload);
    } catch (const zego_token::Error& e) {
      result.errorInfo.errorCode = static_cast<ErrorCode>(e.code());
      result.errorInfo.errorMessage = OfficialMessage(e.code(), e.what());
    } catch (const std::exception& e) {
      result.errorInfo.errorCode = static_cast<ErrorCode>(ZEGO_RESULT_PANIC);
      result.errorInfo.errorMessage = e.what();
    }
    return result;
  }

 private:
  /// The official plug-in's message for each of its codes, word for word; `other` for the rest.
  static const char* OfficialMessage(int code, const char* other) {
    switch (code) {
      case appIDInvalid: return "appID invalid";
      case userIDInvalid: return "userID invalid";
      case secretInvalid: return "secret must be a 32 byte string";
      case effectiveTimeInSecondsInvalid: return "effectiveTimeInSeconds invalid";
      default: return other;
    }
  }
};

}  // namespace SERVER_ASSISTANT
}  // namespace ZEGO

#endif  // __ZegoServerAssistant__
