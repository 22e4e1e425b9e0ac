// The wrapper's C++17 additions (std::optional, std::string_view) compile and work.
#include <cstdio>

#include "ZegoServerAssistant.h"
#include "zego_token.hpp"

int main() {
  const std::string secret = "0123456789abcdef0123456789abcdef";
  std::string token = zego_token::generate(1, "u", secret, 60);
  std::optional<zego_token::Claims> good = zego_token::try_decode(token, secret);
  std::optional<zego_token::Claims> bad = zego_token::try_decode("04", secret);
  bool ok = good && good->user_id == "u" && !bad;
  std::printf("%s\n", ok ? "1 passed, 0 failed" : "0 passed, 1 failed");
  return ok ? 0 : 1;
}
