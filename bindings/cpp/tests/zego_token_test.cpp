// GoogleTest suite of the C++ wrapper and the official drop-in, built with -Wall -Wextra -Werror,
// against the shared and the static library, and once under ASan + UBSan.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <stdexcept>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <type_traits>
#include <thread>
#include <typeinfo>
#include <vector>

#include "ZegoServerAssistant.h"
#include "zego_token.hpp"

namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef";
const uint32_t kAppId = 1234567890u;

std::vector<nlohmann::json> vectors(const std::string& name) {
  std::ifstream in(std::string(ZEGO_TOKEN_VECTORS_DIR) + "/" + name);
  std::vector<nlohmann::json> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

template <typename F>
int32_t code_of(F f) {
  try {
    f();
  } catch (const zego_token::Error& e) {
    return e.code();
  }
  return 0;
}

std::string gcm_nonce(const std::string& token) {
  // Bytes 10..21 of the base64 body: decode the first 32 characters after "04".
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string raw;
  for (std::size_t i = 2; i + 4 <= 34; i += 4) {
    unsigned v = 0;
    for (std::size_t j = 0; j < 4; ++j) v = (v << 6) | static_cast<unsigned>(alphabet.find(token[i + j]));
    raw += static_cast<char>(v >> 16);
    raw += static_cast<char>((v >> 8) & 0xFF);
    raw += static_cast<char>(v & 0xFF);
  }
  return raw.substr(10, 12);
}

}  // namespace

TEST(Vectors, EveryOfficialTokenDecodesToItsRecordedClaims) {
  std::vector<nlohmann::json> rows = vectors("official-tokens.jsonl");
  ASSERT_EQ(rows.size(), 576u);
  for (const nlohmann::json& row : rows) {
    zego_token::Claims c = zego_token::decode(row["token"].get<std::string>(), row["secret"].get<std::string>());
    const nlohmann::json& e = row["claims"];
    EXPECT_EQ(c.app_id, e["app_id"].get<uint32_t>());
    EXPECT_EQ(c.user_id, e["user_id"].get<std::string>());
    EXPECT_EQ(c.ctime, e["ctime"].get<int64_t>());
    EXPECT_EQ(c.expire, e["expire"].get<int64_t>());
    EXPECT_EQ(c.nonce, e["nonce"].get<int64_t>());
    EXPECT_EQ(c.payload, e["payload"].get<std::string>());
    EXPECT_EQ(c.mode, row["format"].get<std::string>());
  }
}

TEST(Vectors, EveryTokenBreakingAGenerationRuleDecodesWithItsFindings) {
  std::vector<nlohmann::json> rows = vectors("finding-tokens.jsonl");
  ASSERT_EQ(rows.size(), 6u);
  for (const nlohmann::json& row : rows) {
    const std::string token = row["token"].get<std::string>(), secret = row["secret"].get<std::string>();
    zego_token::Generator generator(row["app_id"].get<uint32_t>(), secret);
    for (const zego_token::Claims& c : {zego_token::decode(token, secret), generator.decode(token)}) {
      SCOPED_TRACE(row["name"].get<std::string>());
      EXPECT_EQ(c.user_id, row["claims"]["user_id"].get<std::string>());
      EXPECT_EQ(c.nonce, row["claims"]["nonce"].get<int64_t>());
      EXPECT_EQ(c.mode, row["format"].get<std::string>());
      EXPECT_EQ(c.findings, row["findings"].get<std::vector<std::string>>());
    }
  }
}

TEST(Vectors, ATokenBreakingAGenerationRuleVerifiesWhenCurrentAndIsBadPlaintextWhenLegacy) {
  for (const nlohmann::json& row : vectors("finding-tokens.jsonl")) {
    SCOPED_TRACE(row["name"].get<std::string>());
    int code = 0;
    try {
      zego_token::Claims c = zego_token::verify(row["token"].get<std::string>(), row["secret"].get<std::string>(),
                                                row["app_id"].get<uint32_t>(), row["now"].get<int64_t>());
      EXPECT_EQ(c.findings, row["findings"].get<std::vector<std::string>>());
    } catch (const zego_token::BadPlaintextError& e) {
      code = e.code();
    }
    EXPECT_EQ(code, row["verify_code"].get<int>());
  }
}

TEST(Vectors, ATokenWithinTheRulesHasNoFinding) {
  const nlohmann::json row = vectors("official-tokens.jsonl").front();
  EXPECT_TRUE(zego_token::decode(row["token"].get<std::string>(), row["secret"].get<std::string>()).findings.empty());
}

TEST(Vectors, EveryInvalidTokenGivesItsCategory) {
  const std::map<std::string, int32_t> category = {
      {"ok", 0}, {"malformed", 20}, {"unsupported_version", 21}, {"unsupported_mode", 22}, {"auth_failed", 23},
      {"bad_plaintext", 24}, {"expired", 30}, {"not_yet_valid", 31}, {"app_id_mismatch", 32}};
  for (const nlohmann::json& row : vectors("invalid-tokens.jsonl")) {
    int32_t code = 0;
    try {
      if (row["check"] == "decode") {
        zego_token::decode(row["token"].get<std::string>(), row["secret"].get<std::string>());
      } else {
        zego_token::verify(row["token"].get<std::string>(), row["secret"].get<std::string>(),
                           row["app_id"].get<uint32_t>(), row["now"].get<int64_t>(), row["leeway_seconds"].get<int64_t>());
      }
    } catch (const zego_token::Error& e) {
      code = e.code();
    }
    EXPECT_EQ(code, category.at(row["expect"].get<std::string>())) << row["name"];
  }
}

TEST(Vectors, PrivilegePayloadMatchesTheOfficialJsonByteForByte) {
  std::set<std::string> official;
  for (const nlohmann::json& row : vectors("official-tokens.jsonl")) official.insert(row["claims"]["payload"].get<std::string>());
  std::string null_list = zego_token::RtcRoomPayload("room1", true, false).to_json();
  EXPECT_EQ(null_list, R"({"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null})");
  EXPECT_TRUE(official.count(null_list));
  EXPECT_TRUE(official.count(zego_token::RtcRoomPayload("room1", true, false, {}).to_json()));
}

TEST(Api, GenerateThenDecodeRoundTripsUnicode) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"user_中文_ü", "载荷 ü é 😀 \u2028 end"}, {"a\"b\\c\n", "<b>&</b>\t\x01"}, {"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", ""}};
  for (const auto& c : cases) {
    zego_token::Claims claims = zego_token::decode(zego_token::generate(kAppId, c.first, kSecret, 600, c.second), kSecret);
    EXPECT_EQ(claims.user_id, c.first);
    EXPECT_EQ(claims.payload, c.second);
    EXPECT_EQ(claims.expire - claims.ctime, 600);
    EXPECT_EQ(claims.mode, "gcm");
  }
}

TEST(Api, GeneratorIsMoveOnlyAndReusable) {
  static_assert(!std::is_copy_constructible<zego_token::Generator>::value, "move-only");
  zego_token::Generator g(kAppId, kSecret);
  zego_token::Generator moved(std::move(g));
  EXPECT_EQ(zego_token::decode(moved.generate("u", 60), kSecret).user_id, "u");
  EXPECT_THROW(g.generate("u", 60), zego_token::Error);  // NOLINT: testing use after move
}

TEST(Api, VerifyChecksTimeAndAppId) {
  std::string token = zego_token::generate(kAppId, "u", kSecret, 60);
  zego_token::Claims c = zego_token::verify(token, kSecret, kAppId);
  EXPECT_EQ(c.user_id, "u");
  auto verify_code = [&](uint32_t app, int64_t now, int64_t leeway) {
    try {
      zego_token::verify(token, kSecret, app, now, leeway);
    } catch (const zego_token::Error& e) {
      return e.code();
    }
    return 0;
  };
  EXPECT_EQ(verify_code(kAppId, c.expire + 60, 0), ZEGO_RESULT_EXPIRED);
  EXPECT_EQ(verify_code(kAppId, c.expire + 5, 30), 0);
  EXPECT_EQ(verify_code(kAppId, c.ctime - 3600, 0), ZEGO_RESULT_NOT_YET_VALID);
  EXPECT_EQ(verify_code(kAppId + 1, 0, 0), ZEGO_RESULT_APP_ID_MISMATCH);
  EXPECT_EQ(verify_code(kAppId, 0, -1), ZEGO_RESULT_INVALID_ARGUMENT);
}

namespace {
nlohmann::json official_cbc() {
  for (const nlohmann::json& row : vectors("official-tokens.jsonl"))
    if (row["format"] == "cbc") return row;
  throw std::runtime_error("no cbc token in the vectors");
}
}  // namespace

TEST(Api, VerifyReportsALegacyTokenAndAcceptsItByDefault) {
  nlohmann::json row = official_cbc();
  zego_token::VerifyOptions options;
  options.now_unix = row["claims"]["ctime"].get<int64_t>();
  zego_token::Claims c = zego_token::verify(row["token"].get<std::string>(), row["secret"].get<std::string>(),
                                            row["claims"]["app_id"].get<uint32_t>(), options);
  EXPECT_EQ(c.mode, "cbc");
}

TEST(Api, VerifyWithRequireGcmRefusesALegacyToken) {
  nlohmann::json row = official_cbc();
  zego_token::VerifyOptions options;
  options.now_unix = row["claims"]["ctime"].get<int64_t>();
  options.require_gcm = true;
  EXPECT_EQ(code_of([&] {
              zego_token::verify(row["token"].get<std::string>(), row["secret"].get<std::string>(),
                                 row["claims"]["app_id"].get<uint32_t>(), options);
            }),
            ZEGO_RESULT_UNSUPPORTED_MODE);
}

TEST(Api, VerifyWithRequireGcmAcceptsACurrentTokenWithEveryClaim) {
  std::string token = zego_token::generate(kAppId, "用户", kSecret, 600, "{\"a\":1}");
  zego_token::VerifyOptions options;
  options.leeway_seconds = 5;
  options.require_gcm = true;
  zego_token::Claims c = zego_token::verify(token, kSecret, kAppId, options);
  zego_token::Claims d = zego_token::decode(token, kSecret);
  EXPECT_EQ(c.user_id, d.user_id);
  EXPECT_EQ(c.payload, "{\"a\":1}");
  EXPECT_EQ(c.mode, "gcm");
  EXPECT_EQ(c.expire - c.ctime, 600);
  EXPECT_EQ(code_of([&] { zego_token::verify(token, kSecret, kAppId + 1, options); }), ZEGO_RESULT_APP_ID_MISMATCH);
  options.leeway_seconds = -1;
  EXPECT_EQ(code_of([&] { zego_token::verify(token, kSecret, kAppId, options); }), ZEGO_RESULT_INVALID_ARGUMENT);
}

TEST(Errors, TakeTheirNamesFromTheCOnesAndKeepTheirFirstNames) {
  static_assert(std::is_same<zego_token::AuthenticationError, zego_token::AuthFailedError>::value, "the same type");
  static_assert(std::is_same<zego_token::MalformedTokenError, zego_token::MalformedError>::value, "the same type");
  static_assert(std::is_same<zego_token::ExpiredTokenError, zego_token::ExpiredError>::value, "the same type");
  static_assert(std::is_same<zego_token::InternalError, zego_token::PanicError>::value, "the same type");
  const std::string token = zego_token::generate(kAppId, "u", kSecret, 60);
  EXPECT_THROW(zego_token::decode(token, "fedcba9876543210fedcba9876543210"), zego_token::AuthFailedError);
}

TEST(Verify, AnExplicitTimeIsThatTimeTheEpochIncluded) {
  const std::string token = zego_token::generate(kAppId, "u", kSecret, 3600);
  // A token made now is not yet valid at the epoch: 0 is a time, not "use the clock".
  EXPECT_THROW(zego_token::verify(token, kSecret, kAppId, 0), zego_token::NotYetValidError);
  EXPECT_THROW(zego_token::verify(token, kSecret, kAppId, zego_token::VerifyOptions().at(std::chrono::system_clock::time_point())),
               zego_token::NotYetValidError);
  zego_token::VerifyOptions epoch;
  epoch.now_unix = 0;
  EXPECT_THROW(zego_token::verify(token, kSecret, kAppId, epoch), zego_token::NotYetValidError);
  // Left out, the time is the system clock.
  EXPECT_EQ(zego_token::verify(token, kSecret, kAppId).user_id, "u");
  EXPECT_EQ(zego_token::verify(token, kSecret, kAppId, zego_token::VerifyOptions()).user_id, "u");
}

TEST(Vectors, EveryVerifyCaseGivesItsCodeAndSecretIndex) {
  for (const nlohmann::json& row : vectors("verify-cases.jsonl")) {
    zego_token::VerifyOptions options;  // a case without "now" checks at the system clock
    if (row.contains("now")) options.now_unix = row["now"].get<int64_t>();
    options.leeway_seconds = row["leeway_seconds"].get<int64_t>();
    options.require_gcm = row["require_gcm"].get<bool>();
    if (row.contains("user_id")) options.user_id = row["user_id"].get<std::string>();
    int32_t code = 0;
    int64_t index = -1;
    try {
      index = static_cast<int64_t>(zego_token::verify_with_any(row["token"].get<std::string>(),
                                                               row["secrets"].get<std::vector<std::string>>(),
                                                               row["app_id"].get<uint32_t>(), options)
                                       .secret_index);
    } catch (const zego_token::Error& e) {
      code = e.code();
    }
    const std::string name = row["name"].get<std::string>();
    EXPECT_EQ(code, row["expect_code"].get<int32_t>()) << name;
    EXPECT_EQ(index, row.contains("secret_index") ? row["secret_index"].get<int64_t>() : -1) << name;
  }
}

TEST(Api, VerifyWithAnyReturnsTheIndexOfTheMatchingSecret) {
  const std::string other = "fedcba9876543210fedcba9876543210";
  std::string token = zego_token::generate(kAppId, "u", kSecret, 60);
  zego_token::Verified v = zego_token::verify_with_any(token, {other, kSecret}, kAppId);
  EXPECT_EQ(v.claims.user_id, "u");
  EXPECT_EQ(v.secret_index, 1u);
  EXPECT_EQ(code_of([&] { zego_token::verify_with_any(token, {other}, kAppId); }), ZEGO_RESULT_AUTH_FAILED);
  EXPECT_EQ(code_of([&] { zego_token::verify_with_any(token, {}, kAppId); }), ZEGO_RESULT_INVALID_ARGUMENT);
}

TEST(Api, VerifyChecksTheExpectedUserIdWithCode33) {
  std::string token = zego_token::generate(kAppId, "alice", kSecret, 60);
  zego_token::VerifyOptions options;
  options.user_id = "alice";
  EXPECT_EQ(zego_token::verify(token, kSecret, kAppId, options).user_id, "alice");
  options.user_id = "bob";
  EXPECT_EQ(code_of([&] { zego_token::verify(token, kSecret, kAppId, options); }), ZEGO_RESULT_USER_ID_MISMATCH);
}

TEST(Api, VerifyTakesChronoTimePointsAndDurations) {
  std::string token = zego_token::generate(kAppId, "u", kSecret, 60);
  zego_token::Claims c = zego_token::decode(token, kSecret);
  EXPECT_EQ(c.expires_at() - c.created_at(), std::chrono::seconds(60));
  zego_token::VerifyOptions options;
  options.at(c.expires_at() + std::chrono::seconds(5));
  EXPECT_EQ(code_of([&] { zego_token::verify(token, kSecret, kAppId, options); }), ZEGO_RESULT_EXPIRED);
  options.leeway(std::chrono::seconds(10));
  EXPECT_EQ(zego_token::verify(token, kSecret, kAppId, options).nonce, c.nonce);
}

TEST(Api, AGeneratorDecodesAndVerifiesWithItsKey) {
  zego_token::Generator generator(kAppId, kSecret);
  std::string token = generator.generate("u", 60);
  EXPECT_EQ(generator.decode(token).user_id, "u");
  zego_token::VerifyOptions options;
  options.user_id = "u";
  options.require_gcm = true;
  EXPECT_EQ(generator.verify(token, options).user_id, "u");
  options.user_id = "v";
  EXPECT_EQ(code_of([&] { generator.verify(token, options); }), ZEGO_RESULT_USER_ID_MISMATCH);
  zego_token::Generator other(kAppId + 1, kSecret);
  EXPECT_EQ(code_of([&] { other.verify(token); }), ZEGO_RESULT_APP_ID_MISMATCH);
}

TEST(BadInput, EachCaseThrowsItsCode) {
  EXPECT_EQ(code_of([] { zego_token::generate(0, "u", kSecret); }), 1);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "", kSecret); }), 3);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, std::string(65, 'u'), kSecret); }), 3);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "u", kSecret.substr(0, 31)); }), 5);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "u", kSecret + "0"); }), 5);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "u", "éééééééééééééééé"); }), 5);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "u", kSecret, 0); }), 6);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "u", kSecret, -1); }), 6);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "u", kSecret, INT64_MAX); }), 6);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "u", kSecret, 1, std::string(70000, 'x')); }), 7);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, std::string("a\0b", 3), kSecret); }), 10);
  EXPECT_EQ(code_of([] { zego_token::generate(kAppId, "\xff", kSecret); }), 12);
  EXPECT_EQ(code_of([] { zego_token::Generator(0, kSecret); }), 1);
  EXPECT_EQ(code_of([] { zego_token::RtcRoomPayload("", true, true).to_json(); }), 8);
  EXPECT_EQ(code_of([] { zego_token::RtcRoomPayload(std::string(129, 'r'), true, true).to_json(); }), 8);
  EXPECT_EQ(code_of([] { zego_token::RtcRoomPayload("r", true, true, {std::string(257, 's')}).to_json(); }), 9);
  EXPECT_EQ(code_of([] { zego_token::decode("", kSecret); }), 20);
  EXPECT_EQ(code_of([] { zego_token::decode("04!!", kSecret); }), 20);
  EXPECT_EQ(code_of([] { zego_token::decode("03AAAAAAAAAAAA", kSecret); }), 21);
  EXPECT_EQ(code_of([] { zego_token::decode(zego_token::generate(kAppId, "u", kSecret), "fedcba9876543210fedcba9876543210"); }), 23);
}

namespace {
// Whether f() throws exactly E (caught as E, and E is the object's class: code_of would accept any
// Error), with E's group G, and returns the code.
template <typename E, typename G, typename F>
int32_t code_thrown_as(F f) {
  try {
    f();
  } catch (const E& e) {
    const zego_token::Error& as_error = e;
    EXPECT_TRUE(dynamic_cast<const G*>(&as_error) != nullptr);
    EXPECT_EQ(typeid(e), typeid(E));
    return e.code();
  } catch (const std::exception& other) {
    ADD_FAILURE() << "threw " << typeid(other).name() << ": " << other.what();
  }
  return 0;
}
}  // namespace

TEST(Errors, AWrongUserIdThrowsUserIdMismatchErrorWithCode33) {
  std::string token = zego_token::generate(kAppId, "alice", kSecret, 60);
  zego_token::VerifyOptions options;
  options.user_id = "bob";
  EXPECT_EQ((code_thrown_as<zego_token::UserIdMismatchError, zego_token::TokenError>(
                [&] { zego_token::verify(token, kSecret, kAppId, options); })),
            33);
}

TEST(Errors, EachRefusedTokenThrowsItsReasonsClassUnderTokenError) {
  using namespace zego_token;
  std::string token = generate(kAppId, "u", kSecret, 60);
  VerifyOptions later;
  later.now_unix = decode(token, kSecret).expire + 1;
  EXPECT_EQ((code_thrown_as<MalformedError, TokenError>([] { decode("04!!", kSecret); })), 20);
  EXPECT_EQ((code_thrown_as<UnsupportedVersionError, TokenError>([] { decode("03AAAAAAAAAAAA", kSecret); })), 21);
  EXPECT_EQ((code_thrown_as<AuthFailedError, TokenError>(
                [&] { decode(token, "fedcba9876543210fedcba9876543210"); })),
            23);
  EXPECT_EQ((code_thrown_as<ExpiredError, TokenError>([&] { verify(token, kSecret, kAppId, later); })), 30);
  EXPECT_EQ((code_thrown_as<AppIdMismatchError, TokenError>([&] { verify(token, kSecret, kAppId + 1); })), 32);
}

TEST(Errors, EachRefusedInputThrowsItsReasonsClassUnderInvalidInputError) {
  using namespace zego_token;
  EXPECT_EQ((code_thrown_as<InvalidAppIdError, InvalidInputError>([] { generate(0, "u", kSecret); })), 1);
  EXPECT_EQ((code_thrown_as<InvalidUserIdError, InvalidInputError>([] { generate(kAppId, "", kSecret); })), 3);
  EXPECT_EQ((code_thrown_as<InvalidSecretError, InvalidInputError>([] { generate(kAppId, "u", "short"); })), 5);
  EXPECT_EQ((code_thrown_as<InvalidEffectiveTimeError, InvalidInputError>([] { generate(kAppId, "u", kSecret, 0); })),
            6);
  EXPECT_EQ((code_thrown_as<PayloadTooLargeError, InvalidInputError>(
                [] { generate(kAppId, "u", kSecret, 1, std::string(70000, 'x')); })),
            7);
  EXPECT_EQ((code_thrown_as<InvalidRoomIdError, InvalidInputError>([] { RtcRoomPayload("", true, true).to_json(); })),
            8);
  EXPECT_EQ((code_thrown_as<InvalidArgumentError, InvalidInputError>(
                [] { generate(kAppId, std::string("a\0b", 3), kSecret); })),
            10);
  EXPECT_EQ((code_thrown_as<InvalidUtf8Error, InvalidInputError>([] { generate(kAppId, "\xff", kSecret); })), 12);
}

TEST(Errors, AClassKeepsTheLibrarysMessageForItsCode) {
  try {
    zego_token::generate(kAppId, "", kSecret);
    FAIL() << "no exception";
  } catch (const zego_token::InvalidUserIdError& e) {
    EXPECT_STREQ(e.what(), zego_error_message(ZEGO_RESULT_INVALID_USER_ID));
  }
}

TEST(Concurrency, ThreadsSharingAGeneratorMakeValidTokensWithDistinctNonces) {
  zego_token::Generator g(kAppId, kSecret);
  std::vector<std::vector<std::string>> tokens(8);
  std::vector<std::thread> threads;
  std::atomic<int> failures(0);
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        try {
          tokens[t].push_back(i % 2 ? g.generate("u", 60) : zego_token::generate(kAppId, "u", kSecret, 60));
        } catch (...) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<std::string> nonces;
  for (const auto& list : tokens) {
    for (const std::string& token : list) {
      EXPECT_TRUE(nonces.insert(gcm_nonce(token)).second);
    }
  }
  EXPECT_EQ(nonces.size(), 40000u);
  EXPECT_EQ(zego_token::decode(tokens[3][17], kSecret).user_id, "u");
}

#if defined(__SANITIZE_ADDRESS__)
#define ZEGO_TOKEN_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ZEGO_TOKEN_UNDER_ASAN 1
#endif
#endif

TEST(Memory, AMillionCallsMixingSuccessAndFailureKeepRssFlat) {
#ifdef ZEGO_TOKEN_UNDER_ASAN
  GTEST_SKIP() << "ASan's quarantine keeps freed memory resident; LeakSanitizer checks leaks in this build";
#endif
  auto rss_kib = [] {
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key) {
      if (key == "VmRSS:") {
        status >> value;
        return value;
      }
    }
    return 0L;
  };
  zego_token::Generator g(kAppId, kSecret);
  std::string token = g.generate("u", 3600);
  auto round = [&](int n) {
    for (int i = 0; i < n; ++i) {
      try {
        switch (i % 4) {
          case 0: g.generate("u", 3600); break;
          case 1: zego_token::decode(token, kSecret); break;
          case 2: zego_token::decode(token, "fedcba9876543210fedcba9876543210"); break;
          default: g.generate("", 3600);
        }
      } catch (const zego_token::Error&) {
      }
    }
  };
  round(100000);
  long before = rss_kib();
  round(1000000);
  EXPECT_LT(rss_kib() - before, 4096) << "RSS grew";
}

TEST(DropIn, OfficialResultShapeForSuccessAndEachError) {
  using namespace ZEGO::SERVER_ASSISTANT;
  ZegoToken04Result ok = ZegoServerAssistant::GenerateToken04(kAppId, "demo", kSecret, 3600, "");
  EXPECT_EQ(ok.errorInfo.errorCode, success);
  EXPECT_EQ(zego_token::decode(ok.token, kSecret).user_id, "demo");
  struct Case {
    uint32_t app;
    std::string user, secret;
    int64_t ttl;
    int code;
    std::string official_message;  // empty: not an official code
  };
  const std::vector<Case> cases = {{0, "demo", kSecret, 3600, appIDInvalid, "appID invalid"},
                                   {kAppId, "", kSecret, 3600, userIDInvalid, "userID invalid"},
                                   {kAppId, "demo", "short", 3600, secretInvalid, "secret must be a 32 byte string"},
                                   {kAppId, "demo", kSecret, 0, effectiveTimeInSecondsInvalid, "effectiveTimeInSeconds invalid"},
                                   {kAppId, std::string("de\0mo", 5), kSecret, 3600, 10, ""}};
  for (const Case& c : cases) {
    ZegoToken04Result r = ZegoServerAssistant::GenerateToken04(c.app, c.user, c.secret, c.ttl, "");
    EXPECT_EQ(static_cast<int>(r.errorInfo.errorCode), c.code);
    EXPECT_TRUE(r.token.empty());
    EXPECT_FALSE(r.errorInfo.errorMessage.empty());
    if (!c.official_message.empty()) {
      EXPECT_EQ(r.errorInfo.errorMessage, c.official_message);
    }
  }
  EXPECT_EQ(ZegoServerAssistant::GenerateToken04(kAppId, "demo", kSecret, 3600).errorInfo.errorMessage, "success");
  EXPECT_EQ(kPrivilegeLogin, 1);
  EXPECT_EQ(kPrivilegePublish, 2);
}

// --- the fast path: tokens written into a caller's std::string -------------------------------

TEST(FastPath, GenerateIntoReusesTheStringAndRoundTrips) {
  zego_token::Generator g(kAppId, kSecret);
  std::string token;
  g.generate_into(token, "first-user", 60);
  std::string first = token;
  g.generate_into(token, "second", 60);
  EXPECT_EQ(zego_token::decode(first, kSecret).user_id, "first-user");
  EXPECT_EQ(zego_token::decode(token, kSecret).user_id, "second");
  zego_token::generate_into(token, kAppId, "one-shot", kSecret, 60);
  EXPECT_EQ(zego_token::decode(token, kSecret).user_id, "one-shot");
}

TEST(FastPath, ATokenLongerThanTheFirstBufferGrowsIt) {
  std::string payload;
  for (int i = 0; i < 1500; ++i) payload += "\"x\"";  // 4,500 bytes once escaped
  zego_token::Generator g(kAppId, kSecret);
  std::string token = g.generate("user", 60, payload);
  EXPECT_GT(token.size(), 6000u);
  EXPECT_EQ(zego_token::decode(token, kSecret).payload, payload);
  EXPECT_EQ(zego_token::decode(zego_token::generate(kAppId, "user", kSecret, 60, payload), kSecret).payload, payload);
}

TEST(FastPath, AnErrorClearsTheStringAndKeepsItsCode) {
  zego_token::Generator g(kAppId, kSecret);
  std::string token = "previous";
  try {
    g.generate_into(token, "", 60);
    FAIL() << "no exception";
  } catch (const zego_token::Error& e) {
    EXPECT_EQ(e.code(), ZEGO_RESULT_INVALID_USER_ID);
  }
  EXPECT_TRUE(token.empty());
  EXPECT_THROW(g.generate_into(token, std::string("a\0b", 3), 60), zego_token::Error);
}
