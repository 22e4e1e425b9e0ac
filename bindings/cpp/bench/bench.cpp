// zego-token's C++ wrapper against careful hand-written C++ making the same Token04 on OpenSSL 3
// (cipher fetched once, one EVP_CIPHER_CTX reused, the key set once for the reusable form or with
// each call for the one-shot form, one getrandom per token), side by side in one process: each
// round runs every implementation for n tokens in turn, and the figure is the median round.
// Build: bindings/cpp/run-tests.sh (target zego_token_cpp_bench); run: zego_token_cpp_bench [rounds] [n]
#include <openssl/evp.h>
#include <sys/random.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "zego_token.hpp"

namespace {

const uint32_t kAppId = 1234567890;
const std::string kSecret = "0123456789abcdef0123456789abcdef";
const std::string kUserId = "user_123456";

// The baseline: what a careful C++ developer writes on OpenSSL (not part of the package).
class HandGenerator {
 public:
  HandGenerator(uint32_t app_id, const std::string& secret)
      : app_id_(app_id), secret_(secret), gcm_(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr)), ctx_(EVP_CIPHER_CTX_new()) {
    if (!gcm_ || !ctx_ || !EVP_EncryptInit_ex2(ctx_, gcm_, reinterpret_cast<const unsigned char*>(secret.data()), nullptr, nullptr))
      throw std::runtime_error("OpenSSL setup failed");
  }
  ~HandGenerator() {
    EVP_CIPHER_CTX_free(ctx_);
    EVP_CIPHER_free(gcm_);
  }
  HandGenerator(const HandGenerator&) = delete;
  HandGenerator& operator=(const HandGenerator&) = delete;

  // Reusable: the key schedule is kept in the context; only the nonce is set per token.
  std::string generate(const std::string& user_id, int64_t ttl, const std::string& payload) {
    return make(user_id, ttl, payload, nullptr);
  }
  // One-shot: the key given with the call is set again.
  std::string generate_with_key(const std::string& user_id, const std::string& secret, int64_t ttl, const std::string& payload) {
    return make(user_id, ttl, payload, &secret);
  }

 private:
  static void append_json_string(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", c);
        out += esc;
      } else {
        out += static_cast<char>(c);
      }
    }
    out += '"';
  }

  std::string make(const std::string& user_id, int64_t ttl, const std::string& payload, const std::string* key) {
    unsigned char random[16];  // the GCM nonce (12) and the claims' nonce (4)
    if (getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random)) throw std::runtime_error("getrandom");
    int32_t nonce;
    std::memcpy(&nonce, random + 12, 4);
    int64_t ctime = static_cast<int64_t>(std::time(nullptr)), expire = ctime + ttl;
    std::string plain;
    plain.reserve(96 + user_id.size() + 2 * payload.size());
    plain += "{\"app_id\":" + std::to_string(app_id_) + ",\"user_id\":";
    append_json_string(plain, user_id);
    plain += ",\"ctime\":" + std::to_string(ctime) + ",\"expire\":" + std::to_string(expire) + ",\"nonce\":" + std::to_string(nonce) +
             ",\"payload\":";
    append_json_string(plain, payload);
    plain += '}';
    std::vector<unsigned char> body(24 + plain.size() + 17);
    for (int i = 0; i < 8; ++i) body[i] = static_cast<unsigned char>(static_cast<uint64_t>(expire) >> (56 - 8 * i));
    body[9] = 12;
    std::memcpy(&body[10], random, 12);
    body[22] = static_cast<unsigned char>((plain.size() + 16) >> 8);
    body[23] = static_cast<unsigned char>(plain.size() + 16);
    const unsigned char* k = key ? reinterpret_cast<const unsigned char*>(key->data()) : nullptr;
    int outl = 0;
    if (!EVP_EncryptInit_ex2(ctx_, nullptr, k, random, nullptr) ||
        !EVP_EncryptUpdate(ctx_, &body[24], &outl, reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(plain.size())) ||
        !EVP_EncryptFinal_ex(ctx_, &body[24] + outl, &outl) ||
        !EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_GCM_GET_TAG, 16, &body[24 + plain.size()]))
      throw std::runtime_error("OpenSSL encryption failed");
    body.back() = 1;
    std::string token(2 + 4 * ((body.size() + 2) / 3), '\0');
    token[0] = '0';
    token[1] = '4';
    EVP_EncodeBlock(reinterpret_cast<unsigned char*>(&token[2]), body.data(), static_cast<int>(body.size()));
    return token;
  }

  uint32_t app_id_;
  std::string secret_;
  EVP_CIPHER* gcm_;
  EVP_CIPHER_CTX* ctx_;
};

double run(const std::function<std::size_t()>& make, int n) {
  std::size_t sink = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) sink += make();
  double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() / n;
  if (sink == 0) std::abort();
  return ns;
}

double median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  return xs[xs.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 21;
  int n = argc > 2 ? std::atoi(argv[2]) : 100000;
  std::string room = zego_token::RtcRoomPayload("room-1", true, true).to_json();
  HandGenerator hand(kAppId, kSecret);
  for (const std::string& payload : {std::string(), room}) {  // the baseline makes real tokens
    zego_token::Claims c = zego_token::decode(hand.generate(kUserId, 3600, payload), kSecret);
    if (c.user_id != kUserId || c.payload != payload) throw std::runtime_error("bad baseline");
  }
  zego_token::Generator generator(kAppId, kSecret);
  std::string kept;
  std::printf("C++ (%s), zego-token %s; median of %d interleaved rounds of %d tokens\n", OpenSSL_version(OPENSSL_VERSION),
              zego_token::library_version().c_str(), rounds, n);
  std::printf("%-9s %-44s %12s %9s %8s\n", "payload", "implementation", "tokens/s", "us/token", "speed-up");
  const char* labels[] = {"empty", "privilege"};
  const std::string payloads[] = {std::string(), room};
  for (int p = 0; p < 2; ++p) {
    const std::string& payload = payloads[p];
    std::vector<std::pair<const char*, std::function<std::size_t()>>> impls = {
        {"hand-written OpenSSL, one-shot (key per call)", [&] { return hand.generate_with_key(kUserId, kSecret, 3600, payload).size(); }},
        {"zego_token::generate (one-shot)", [&] { return zego_token::generate(kAppId, kUserId, kSecret, 3600, payload).size(); }},
        {"hand-written OpenSSL, key kept", [&] { return hand.generate(kUserId, 3600, payload).size(); }},
        {"Generator::generate (reusable)", [&] { return generator.generate(kUserId, 3600, payload).size(); }},
        {"Generator::generate_into (reused string)", [&] {
           generator.generate_into(kept, kUserId, 3600, payload);
           return kept.size();
         }},
    };
    std::vector<std::vector<double>> samples(impls.size());
    for (int r = 0; r < rounds; ++r)
      for (std::size_t i = 0; i < impls.size(); ++i) samples[i].push_back(run(impls[i].second, n));
    for (std::size_t i = 0; i < impls.size(); ++i) {
      double ns = median(samples[i]), base = median(samples[i < 2 ? 0 : 2]);  // one-shot vs one-shot, reusable vs reusable
      std::printf("%-9s %-44s %12.0f %9.3f %7.2fx\n", labels[p], impls[i].first, 1e9 / ns, ns / 1000, base / ns);
    }
  }
  return 0;
}
