// Uses the official drop-in header exactly as an existing server does.
#include <cstdio>

#include "ZegoServerAssistant.h"

using namespace ZEGO::SERVER_ASSISTANT;

int main() {
  ZegoToken04Result result =
      ZegoServerAssistant::GenerateToken04(1234567890, "demo", "0123456789abcdef0123456789abcdef", 3600, "");
  if (result.errorInfo.errorCode != success || result.token.compare(0, 2, "04") != 0) {
    std::printf("error %d: %s\n", result.errorInfo.errorCode, result.errorInfo.errorMessage.c_str());
    return 1;
  }
  std::printf("%s\n", result.token.c_str());
  return 0;
}
