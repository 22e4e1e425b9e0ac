// zego-token for C++: a header-only C++11 wrapper over the C ABI in zego_token.h.
//
//   zego_token::Generator generator(1234567890, secret);          // move-only, thread-safe
//   std::string token = generator.generate("user_123456", 3600);
//   zego_token::Claims claims = zego_token::verify(token, secret, 1234567890);
//
// Failures throw a zego_token::Error: one class per failure reason (UserIdMismatchError,
// ExpiredError, ...) under InvalidInputError or TokenError, each with code(), the library's
// stable numeric code. Every string the library returns is freed by RAII, also when an exception
// is on its way.
#ifndef ZEGO_TOKEN_HPP
#define ZEGO_TOKEN_HPP

#include <chrono>
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

/// The input was refused (codes 1 to 12): what generate, a generator, verify's options or the RTC
/// payload builder was given.
class InvalidInputError : public Error {
 public:
  using Error::Error;
};

/// The token was refused (codes 20 to 33) by decode or verify.
class TokenError : public Error {
 public:
  using Error::Error;
};

/// The class of one failure reason: the library code `Code`, under `Base`. Catch it by the names
/// below (`catch (const zego_token::UserIdMismatchError&)`), or any of them as Error.
template <int32_t Code, typename Base>
class CodedError : public Base {
 public:
  CodedError() : Base(Code) {}
  explicit CodedError(const std::string& message) : Base(Code, message) {}
};

using InvalidAppIdError = CodedError<ZEGO_RESULT_INVALID_APP_ID, InvalidInputError>;                  // 1
using InvalidUserIdError = CodedError<ZEGO_RESULT_INVALID_USER_ID, InvalidInputError>;                // 3
using InvalidSecretError = CodedError<ZEGO_RESULT_INVALID_SECRET, InvalidInputError>;                 // 5
using InvalidEffectiveTimeError = CodedError<ZEGO_RESULT_INVALID_EFFECTIVE_TIME, InvalidInputError>;  // 6
using PayloadTooLargeError = CodedError<ZEGO_RESULT_PAYLOAD_TOO_LARGE, InvalidInputError>;            // 7
using InvalidRoomIdError = CodedError<ZEGO_RESULT_INVALID_ROOM_ID, InvalidInputError>;                // 8
using InvalidStreamIdError = CodedError<ZEGO_RESULT_INVALID_STREAM_ID, InvalidInputError>;            // 9
using InvalidArgumentError = CodedError<ZEGO_RESULT_INVALID_ARGUMENT, InvalidInputError>;             // 10
using NullPointerError = CodedError<ZEGO_RESULT_NULL_POINTER, InvalidInputError>;                     // 11
using InvalidUtf8Error = CodedError<ZEGO_RESULT_INVALID_UTF8, InvalidInputError>;                     // 12
using MalformedError = CodedError<ZEGO_RESULT_MALFORMED, TokenError>;                            // 20
using UnsupportedVersionError = CodedError<ZEGO_RESULT_UNSUPPORTED_VERSION, TokenError>;              // 21
using UnsupportedModeError = CodedError<ZEGO_RESULT_UNSUPPORTED_MODE, TokenError>;                    // 22
using AuthFailedError = CodedError<ZEGO_RESULT_AUTH_FAILED, TokenError>;                          // 23
using BadPlaintextError = CodedError<ZEGO_RESULT_BAD_PLAINTEXT, TokenError>;                          // 24
using ExpiredError = CodedError<ZEGO_RESULT_EXPIRED, TokenError>;                                // 30
using NotYetValidError = CodedError<ZEGO_RESULT_NOT_YET_VALID, TokenError>;                           // 31
using AppIdMismatchError = CodedError<ZEGO_RESULT_APP_ID_MISMATCH, TokenError>;                       // 32
using UserIdMismatchError = CodedError<ZEGO_RESULT_USER_ID_MISMATCH, TokenError>;                     // 33
using RandomUnavailableError = CodedError<ZEGO_RESULT_RANDOM_UNAVAILABLE, Error>;                     // 40
using PanicError = CodedError<ZEGO_RESULT_PANIC, Error>;                                           // 41
// The first names of four of them, before every binding took its names from the C ones
// (ZEGO_RESULT_MALFORMED, _AUTH_FAILED, _EXPIRED, _PANIC): deprecated, the same types.
using MalformedTokenError = MalformedError;
using AuthenticationError = AuthFailedError;
using ExpiredTokenError = ExpiredError;
using InternalError = PanicError;

/// What a token says. mode is "gcm" (current format) or "cbc" (legacy).
struct Claims {
  uint32_t app_id = 0;
  std::string user_id;
  int64_t ctime = 0;
  int64_t expire = 0;
  int64_t nonce = 0;
  std::string payload;
  std::string mode;
  /// The values that break a generation rule, by name, in a fixed order ("app_id_zero",
  /// "user_id_empty", "user_id_too_long", "expire_not_after_ctime", "ctime_before_epoch",
  /// "nonce_out_of_range"); empty for a token made within the rules. Decoding never refuses a
  /// token for them; verifying refuses them (BadPlaintextError, code 24) only in a legacy CBC
  /// token, which is not authenticated.
  std::vector<std::string> findings;

  /// ctime as a std::chrono time point.
  std::chrono::system_clock::time_point created_at() const {
    return std::chrono::system_clock::time_point(std::chrono::seconds(ctime));
  }
  /// expire as a std::chrono time point.
  std::chrono::system_clock::time_point expires_at() const {
    return std::chrono::system_clock::time_point(std::chrono::seconds(expire));
  }
};

/// What a verification checks beyond integrity and app id. The defaults are the system clock, no
/// leeway, any user id and both formats.
struct VerifyOptions {
  /// The value of now_unix that means "read the system clock" (the default).
  enum : int64_t { system_clock = INT64_MIN };
  /// The time to check at, in unix seconds; any time given is that time (0 is the epoch), and
  /// system_clock, the default, reads the system clock.
  int64_t now_unix = system_clock;
  /// Tolerated clock skew in seconds, not negative (refused with InvalidArgument).
  int64_t leeway_seconds = 0;
  /// The user id the token must be for (code 33 otherwise); empty for any.
  std::string user_id;
  /// Refuse legacy CBC tokens, which are not authenticated, with UnsupportedMode (code 22).
  bool require_gcm = false;

  /// Checks at this time point (whole seconds).
  VerifyOptions& at(std::chrono::system_clock::time_point now) {
    now_unix = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return *this;
  }
  /// Tolerates this much skew (whole seconds).
  VerifyOptions& leeway(std::chrono::seconds skew) {
    leeway_seconds = skew.count();
    return *this;
  }
};

/// The result of verify_with_any: the claims and the index of the secret that opened the token.
struct Verified {
  Claims claims;
  std::size_t secret_index = 0;
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
    throw InvalidArgumentError(
                "the linked libzego_token implements C ABI version " + std::to_string(found) +
                    " but this header needs version " + std::to_string(kAbiVersion) +
                    ": rebuild the library from the same zego-token release (cargo build --release)");
  }
}

/// Throws the class of `code`, with the library's message for it.
[[noreturn]] inline void raise(int32_t code) {
  switch (code) {
    case ZEGO_RESULT_INVALID_APP_ID: throw InvalidAppIdError();
    case ZEGO_RESULT_INVALID_USER_ID: throw InvalidUserIdError();
    case ZEGO_RESULT_INVALID_SECRET: throw InvalidSecretError();
    case ZEGO_RESULT_INVALID_EFFECTIVE_TIME: throw InvalidEffectiveTimeError();
    case ZEGO_RESULT_PAYLOAD_TOO_LARGE: throw PayloadTooLargeError();
    case ZEGO_RESULT_INVALID_ROOM_ID: throw InvalidRoomIdError();
    case ZEGO_RESULT_INVALID_STREAM_ID: throw InvalidStreamIdError();
    case ZEGO_RESULT_INVALID_ARGUMENT: throw InvalidArgumentError();
    case ZEGO_RESULT_NULL_POINTER: throw NullPointerError();
    case ZEGO_RESULT_INVALID_UTF8: throw InvalidUtf8Error();
    case ZEGO_RESULT_MALFORMED: throw MalformedError();
    case ZEGO_RESULT_UNSUPPORTED_VERSION: throw UnsupportedVersionError();
    case ZEGO_RESULT_UNSUPPORTED_MODE: throw UnsupportedModeError();
    case ZEGO_RESULT_AUTH_FAILED: throw AuthFailedError();
    case ZEGO_RESULT_BAD_PLAINTEXT: throw BadPlaintextError();
    case ZEGO_RESULT_EXPIRED: throw ExpiredError();
    case ZEGO_RESULT_NOT_YET_VALID: throw NotYetValidError();
    case ZEGO_RESULT_APP_ID_MISMATCH: throw AppIdMismatchError();
    case ZEGO_RESULT_USER_ID_MISMATCH: throw UserIdMismatchError();
    case ZEGO_RESULT_RANDOM_UNAVAILABLE: throw RandomUnavailableError();
    case ZEGO_RESULT_PANIC: throw PanicError();
    default: throw Error(code);  // a code of a newer library
  }
}

inline void check(int32_t code) {
  if (code != ZEGO_RESULT_OK) raise(code);
}

/// A std::string as a C string; C strings end at NUL, so a string holding one is refused, not cut.
inline const char* c_str(const std::string& s) {
  if (s.find('\0') != std::string::npos) {
    throw InvalidArgumentError("strings passed to zego-token must not contain NUL characters");
  }
  return s.c_str();
}

/// Takes ownership of a string the library returned and copies it.
inline std::string take(char* s) {
  OwnedString owned(s);
  return std::string(owned.get());
}

/// Runs `call(buffer, capacity, &length)`, one of the library's _into functions, writing the token
/// straight into `out` (its capacity reused, grown once when the library asks for more).
template <typename IntoCall>
inline void token_into(std::string& out, IntoCall call) {
  if (out.size() < 512) out.resize(512);
  std::size_t length = 0;
  int32_t code = call(&out[0], out.size(), &length);
  if (code == ZEGO_RESULT_BUFFER_TOO_SMALL) {
    out.resize(length);
    code = call(&out[0], out.size(), &length);
  }
  if (code != ZEGO_RESULT_OK) {
    out.clear();
    raise(code);
  }
  out.resize(length);
}

/// A std::string's bytes for the C ABI's (pointer, length) spans, refusing a NUL as c_str does.
inline const char* span(const std::string& s) {
  if (s.find('\0') != std::string::npos) {
    throw InvalidArgumentError("strings passed to zego-token must not contain NUL characters");
  }
  return s.data();
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
  const uint32_t bits = zego_token_claims_findings(owned.get());
  for (uint32_t bit = 1; bit != 0 && bit <= bits; bit <<= 1) {
    if ((bits & bit) != 0) c.findings.emplace_back(zego_finding_name(bit));
  }
  return c;
}

struct OptionsFree {
  void operator()(zego_verify_options* o) const noexcept { zego_verify_options_free(o); }
};
using OwnedOptions = std::unique_ptr<zego_verify_options, OptionsFree>;

/// A native options handle with these settings, freed when the result goes out of scope.
inline OwnedOptions make_options(const VerifyOptions& options) {
  zego_verify_options* made = nullptr;
  check(zego_verify_options_new(&made));
  OwnedOptions handle(made);
  if (options.now_unix != VerifyOptions::system_clock) check(zego_verify_options_set_now(handle.get(), options.now_unix));
  check(zego_verify_options_set_leeway(handle.get(), options.leeway_seconds));
  if (!options.user_id.empty()) check(zego_verify_options_set_user_id(handle.get(), c_str(options.user_id)));
  check(zego_verify_options_set_require_gcm(handle.get(), options.require_gcm ? 1 : 0));
  return handle;
}

}  // namespace detail

/// Generates a Token04 (AES-256-GCM) into `token`, reusing its capacity (no allocation once it
/// has grown to a token's size); the other arguments as for generate. `token` is cleared on error.
inline void generate_into(std::string& token, uint32_t app_id, const std::string& user_id, const std::string& secret,
                          int64_t effective_time_in_seconds = 3600, const std::string& payload = std::string()) {
  detail::check_abi();
  const char* user = detail::span(user_id);
  const char* key = detail::span(secret);
  const char* data = detail::span(payload);
  detail::token_into(token, [&](char* buffer, std::size_t capacity, std::size_t* length) {
    return zego_generate_token04_into(app_id, user, user_id.size(), key, secret.size(), effective_time_in_seconds, data,
                                      payload.size(), buffer, capacity, length);
  });
}

/// Generates a Token04 (AES-256-GCM). payload "" is a basic token; see RtcRoomPayload.
inline std::string generate(uint32_t app_id, const std::string& user_id, const std::string& secret,
                            int64_t effective_time_in_seconds = 3600, const std::string& payload = std::string()) {
  std::string token;
  generate_into(token, app_id, user_id, secret, effective_time_in_seconds, payload);
  return token;
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
    std::string token;
    generate_into(token, user_id, effective_time_in_seconds, payload);
    return token;
  }

  /// Generates a token into `token`, reusing its capacity: a server that keeps one std::string per
  /// thread makes tokens without allocating. `token` is cleared on error.
  void generate_into(std::string& token, const std::string& user_id, int64_t effective_time_in_seconds = 3600,
                     const std::string& payload = std::string()) const {
    if (!handle_) throw InvalidArgumentError("the generator was moved from");
    const zego_token_generator* handle = handle_.get();
    const char* user = detail::span(user_id);
    const char* data = detail::span(payload);
    detail::token_into(token, [&](char* buffer, std::size_t capacity, std::size_t* length) {
      return zego_token_generator_generate_into(handle, user, user_id.size(), effective_time_in_seconds, data,
                                                payload.size(), buffer, capacity, length);
    });
  }

  /// Decodes a token with this generator's secret and kept key (no time or app id check).
  Claims decode(const std::string& token) const {
    if (!handle_) throw InvalidArgumentError("the generator was moved from");
    zego_token_claims* claims = nullptr;
    detail::check(zego_token_generator_decode(handle_.get(), detail::c_str(token), &claims));
    return detail::take_claims(claims);
  }

  /// Verifies a token against this generator's app id and secret, with options.
  Claims verify(const std::string& token, const VerifyOptions& options = VerifyOptions()) const {
    if (!handle_) throw InvalidArgumentError("the generator was moved from");
    detail::OwnedOptions native = detail::make_options(options);
    zego_token_claims* claims = nullptr;
    detail::check(zego_token_generator_verify(handle_.get(), detail::c_str(token), native.get(), &claims));
    return detail::take_claims(claims);
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

/// Decodes a token and checks it was made for app_id and is valid at now_unix (any time given is
/// that time, 0 the epoch; left out, the system clock), tolerating leeway_seconds of clock skew.
inline Claims verify(const std::string& token, const std::string& secret, uint32_t app_id,
                     int64_t now_unix = VerifyOptions::system_clock, int64_t leeway_seconds = 0);

/// verify with several secrets tried in order (key rotation); the result also says which one
/// opened the token. AuthFailed (23) when none does.
inline Verified verify_with_any(const std::string& token, const std::vector<std::string>& secrets, uint32_t app_id,
                                const VerifyOptions& options = VerifyOptions()) {
  detail::check_abi();
  std::vector<const char*> texts;
  texts.reserve(secrets.size());
  for (const std::string& secret : secrets) texts.push_back(detail::c_str(secret));
  detail::OwnedOptions native = detail::make_options(options);
  zego_token_claims* claims = nullptr;
  Verified verified;
  detail::check(zego_verify_token04_with_options(detail::c_str(token), texts.empty() ? nullptr : texts.data(),
                                                 texts.size(), app_id, native.get(), &claims,
                                                 &verified.secret_index));
  verified.claims = detail::take_claims(claims);
  return verified;
}

/// Decodes a token and checks it was made for app_id and passes options (see VerifyOptions).
inline Claims verify(const std::string& token, const std::string& secret, uint32_t app_id,
                     const VerifyOptions& options) {
  return verify_with_any(token, std::vector<std::string>(1, secret), app_id, options).claims;
}

inline Claims verify(const std::string& token, const std::string& secret, uint32_t app_id, int64_t now_unix,
                     int64_t leeway_seconds) {
  VerifyOptions options;
  options.now_unix = now_unix;
  options.leeway_seconds = leeway_seconds;
  return verify(token, secret, app_id, options);
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
