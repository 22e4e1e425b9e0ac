// Tokens per second through the C++ wrapper, single thread, best of 7 rounds of 100,000.
#include <chrono>
#include <cstdio>
#include <functional>

#include "zego_token.hpp"

static double best_ns(const std::function<void()>& make) {
  const int n = 100000;
  double best = 1e30;
  for (int r = 0; r < 7; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) make();
    double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() / n;
    if (ns < best) best = ns;
  }
  return best;
}

int main() {
  const std::string secret = "0123456789abcdef0123456789abcdef";
  zego_token::Generator generator(1234567890, secret);
  std::string token = generator.generate("user_123456", 3600);
  double one_shot = best_ns([&] { zego_token::generate(1234567890, "user_123456", secret, 3600); });
  double reusable = best_ns([&] { generator.generate("user_123456", 3600); });
  double decode = best_ns([&] { zego_token::decode(token, secret); });
  std::printf("zego_token::generate            %8.0f ns/token %10.0f tokens/s\n", one_shot, 1e9 / one_shot);
  std::printf("zego_token::Generator::generate %8.0f ns/token %10.0f tokens/s\n", reusable, 1e9 / reusable);
  std::printf("zego_token::decode              %8.0f ns/token %10.0f tokens/s\n", decode, 1e9 / decode);
  return 0;
}
