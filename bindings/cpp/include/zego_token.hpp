// zego-token for C++: a header-only C++11 wrapper over the C ABI in zego_token.h.
//
//   zego_token::Generator generator(1234567890, secret);          // move-only, thread-safe
//   std::string token = generator.generate("user_123456", 3600);
//   zego_token::Claims claims = zego_token::verify(token, secret, 1234567890);
//
// Failures throw zego_token::Error, whose code() is the library's stable numeric code. Every string
// the library returns is freed by RAII, also when an exception is on its way.
#ifndef ZEGO_TOKEN_HPP
#define ZEGO_TOKEN_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#if __cplusplus >= 201703L
#include <optional>
#include <string_view>
#endif

#include "zego_token.h"

namespace zego_token {

/// The C ABI version this wrapper was written for (ZEGO_TOKEN_ABI_VERSION of the header).
constexpr uint32_t kAbiVersion = 1;

/// Every failure: the library's stable numeric code (the same in every language) and its message.
class Error : public std::runtime_error {
 public:
  explicit Error(int32_t code) : std::runtime_error(zego_error_message(code)), code_(code) {}
  Error(int32_t code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int32_t code() const noexcept { return code_; }

 private:
  int32_t code_;
};

/// What a token says. mode is "gcm" (current format) or "cbc" (legacy).
struct Claims {
  uint32_t app_id = 0;
  std::string user_id;
  int64_t ctime = 0;
  int64_t expire = 0;
  int64_t nonce = 0;
  std::string payload;
  std::string mode;
};

namespace detail {

struct StringFree {
  void operator()(char* s) const noexcept { zego_string_free(s); }
};
using OwnedString = std::unique_ptr<char, StringFree>;

inline void check_abi() {
  // A C++11 magic static: computed once, thread-safe.
  static const uint32_t found = zego_token_abi_version();
  if (found != kAbiVersion) {
    throw Error(ZEGO_RESULT_INVALID_ARGUMENT,
                "the linked libzego_token implements C ABI version " + std::to_string(found) +
                    " but this header needs version " + std::to_string(kAbiVersion) +
                    ": rebuild the library from the same zego-token release (cargo build --release)");
  }
}

inline void check(int32_t code) {
  if (code != ZEGO_RESULT_OK) throw Error(code);
}

/// A std::string as a C string; C strings end at NUL, so a string holding one is refused, not cut.
inline const char* c_str(const std::string& s) {
  if (s.find('\0') != std::string::npos) {
    throw Error(ZEGO_RESULT_INVALID_ARGUMENT, "strings passed to zego-token must not contain NUL characters");
  }
  return s.c_str();
}

/// Takes ownership of a string the library returned and copies it.
inline std::string take(char* s) {
  OwnedString owned(s);
  return std::string(owned.get());
}

struct ClaimsFree {
  void operator()(zego_token_claims* c) const noexcept { zego_token_claims_free(c); }
};
using OwnedClaims = std::unique_ptr<zego_token_claims, ClaimsFree>;

/// Takes ownership of a claims handle the library returned and copies its fields.
inline Claims take_claims(zego_token_claims* handle) {
  OwnedClaims owned(handle);
  Claims c;
  std::size_t len = 0;
  const char* text = zego_token_claims_user_id(owned.get(), &len);
  c.user_id.assign(text, len);
  text = zego_token_claims_payload(owned.get(), &len);
  c.payload.assign(text, len);
  c.app_id = zego_token_claims_app_id(owned.get());
  c.ctime = zego_token_claims_ctime(owned.get());
  c.expire = zego_token_claims_expire(owned.get());
  c.nonce = zego_token_claims_nonce(owned.get());
  c.mode = zego_token_claims_mode(owned.get());
  return c;
}

}  // namespace detail

/// Generates a Token04 (AES-256-GCM). payload "" is a basic token; see RtcRoomPayload.
inline std::string generate(uint32_t app_id, const std::string& user_id, const std::string& secret,
                            int64_t effective_time_in_seconds = 3600, const std::string& payload = std::string()) {
  detail::check_abi();
  char* token = nullptr;
  detail::check(zego_generate_token04(app_id, detail::c_str(user_id), detail::c_str(secret),
                                      effective_time_in_seconds, detail::c_str(payload), &token));
  return detail::take(token);
}

/// Generates tokens for one app id and secret, keeping the expanded key. Move-only; one instance
/// may be shared by many threads (generate is const and the native generator is thread-safe).
class Generator {
 public:
  Generator(uint32_t app_id, const std::string& secret) : app_id_(app_id) {
    detail::check_abi();
    zego_token_generator* handle = nullptr;
    detail::check(zego_token_generator_new(app_id, detail::c_str(secret), &handle));
    handle_.reset(handle);
  }

  std::string generate(const std::string& user_id, int64_t effective_time_in_seconds = 3600,
                       const std::string& payload = std::string()) const {
    if (!handle_) throw Error(ZEGO_RESULT_INVALID_ARGUMENT, "the generator was moved from");
    char* token = nullptr;
    detail::check(zego_token_generator_generate(handle_.get(), detail::c_str(user_id), effective_time_in_seconds,
                                                detail::c_str(payload), &token));
    return detail::take(token);
  }

  uint32_t app_id() const noexcept { return app_id_; }

 private:
  struct Free {
    void operator()(zego_token_generator* g) const noexcept { zego_token_generator_free(g); }
  };
  uint32_t app_id_;
  std::unique_ptr<zego_token_generator, Free> handle_;
};

/// The privilege payload of an RTC room token. has_stream_ids false writes "stream_id_list":null.
struct RtcRoomPayload {
  std::string room_id;
  bool can_login = true;
  bool can_publish = false;
  bool has_stream_ids = false;
  std::vector<std::string> stream_ids;

  RtcRoomPayload(std::string room, bool login, bool publish)
      : room_id(std::move(room)), can_login(login), can_publish(publish) {}
  RtcRoomPayload(std::string room, bool login, bool publish, std::vector<std::string> streams)
      : room_id(std::move(room)), can_login(login), can_publish(publish), has_stream_ids(true),
        stream_ids(std::move(streams)) {}

  /// The payload JSON, exactly the official plug-in's; validated by the library.
  std::string to_json() const {
    detail::check_abi();
    std::vector<const char*> ids;
    ids.reserve(stream_ids.size());
    for (const std::string& id : stream_ids) ids.push_back(detail::c_str(id));
    char* out = nullptr;
    detail::check(zego_rtc_room_payload(detail::c_str(room_id), can_login ? 1 : 0, can_publish ? 1 : 0,
                                        has_stream_ids ? ids.data() : nullptr, has_stream_ids ? ids.size() : 0,
                                        &out));
    return detail::take(out);
  }
};

/// Decodes a token (current GCM or legacy CBC) without checking time or app id.
inline Claims decode(const std::string& token, const std::string& secret) {
  detail::check_abi();
  zego_token_claims* claims = nullptr;
  detail::check(zego_decode_token04_claims(detail::c_str(token), detail::c_str(secret), &claims));
  return detail::take_claims(claims);
}

/// Decodes a token and checks it was made for app_id and is valid at now_unix (0: the system
/// clock), tolerating leeway_seconds of clock skew.
inline Claims verify(const std::string& token, const std::string& secret, uint32_t app_id, int64_t now_unix = 0,
                     int64_t leeway_seconds = 0) {
  detail::check_abi();
  zego_token_claims* claims = nullptr;
  detail::check(zego_verify_token04_claims(detail::c_str(token), detail::c_str(secret), app_id, now_unix,
                                           leeway_seconds, &claims));
  return detail::take_claims(claims);
}

/// What verify(token, secret, app_id, options) checks beyond integrity and app id. The defaults
/// are the system clock, no leeway and both formats.
struct VerifyOptions {
  /// The time to check at, in unix seconds; 0 is the system clock.
  int64_t now_unix = 0;
  /// Tolerated clock skew in seconds, not negative (refused with InvalidArgument).
  int64_t leeway_seconds = 0;
  /// Refuse legacy CBC tokens, which are not authenticated, with UnsupportedMode (code 22).
  bool require_gcm = false;
};

/// Decodes a token and checks it was made for app_id and passes options (see VerifyOptions).
inline Claims verify(const std::string& token, const std::string& secret, uint32_t app_id,
                     const VerifyOptions& options) {
  detail::check_abi();
  struct FreeOptions {
    void operator()(zego_verify_options* o) const { zego_verify_options_free(o); }
  };
  zego_verify_options* made = nullptr;
  detail::check(zego_verify_options_new(&made));
  std::unique_ptr<zego_verify_options, FreeOptions> handle(made);
  if (options.now_unix != 0) detail::check(zego_verify_options_set_now(handle.get(), options.now_unix));
  detail::check(zego_verify_options_set_leeway(handle.get(), options.leeway_seconds));
  detail::check(zego_verify_options_set_require_gcm(handle.get(), options.require_gcm ? 1 : 0));
  const char* secrets[1] = {detail::c_str(secret)};
  zego_token_claims* claims = nullptr;
  detail::check(zego_verify_token04_with_options(detail::c_str(token), secrets, 1, app_id, handle.get(), &claims,
                                                 nullptr));
  return detail::take_claims(claims);
}

/// The version of the linked library.
inline std::string library_version() { return zego_token_version(); }

#if __cplusplus >= 201703L
/// C++17: decode returning nullopt instead of throwing for a token that is refused.
inline std::optional<Claims> try_decode(std::string_view token, std::string_view secret) {
  try {
    return decode(std::string(token), std::string(secret));
  } catch (const Error&) {
    return std::nullopt;
  }
}
#endif

}  // namespace zego_token

#endif  // ZEGO_TOKEN_HPP
