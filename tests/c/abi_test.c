/* Exercises every exported function of include/zego_token.h with good and bad input.
 * Built with -std=c99 -Wall -Wextra -Werror -pedantic; run plain, under ASan+UBSan and under
 * valgrind (no errors, no leaks). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zego_token.h"
#include "check.h"

static const char *SECRET = "0123456789abcdef0123456789abcdef";
static const uint32_t APP_ID = 1234567890u;
/* Made by the official Python plug-in in the legacy CBC format (tests/vectors). */
static const char *CBC_SECRET = "fa94dd0f974cf2e293728a526b028271";
static const char *CBC_TOKEN =
    "04AAAAAGsC3FEAEGFjMDE2MDgyNTgxZTM4M2MAcG/tvhHKUQCyQRmcmAFnuWN1btuZwrldoJCnnzG7vRlXfWyafnd4xJNRVbAk"
    "wEBfH16h1gt/xTU8KUJCR5ggplTesdRWCtWUufYn/t6xBXJuR64hbvGNmH/S4wki6sZ3Epu6sI7V93zyQVixD28X4yQ=";

/* A pointer value the library must leave alone when it fails. */
static char SENTINEL_BYTE;
#define SENTINEL (&SENTINEL_BYTE)

static char *generate_ok(const char *user_id, const char *payload) {
  char *token = NULL;
  int32_t rc = zego_generate_token04(APP_ID, user_id, SECRET, 3600, payload, &token);
  CHECK("generate succeeds", rc == ZEGO_RESULT_OK && token != NULL);
  return token;
}

static int32_t generate_rc(uint32_t app_id, const char *user_id, const char *secret, int64_t ttl,
                           const char *payload) {
  char *token = SENTINEL;
  int32_t rc = zego_generate_token04(app_id, user_id, secret, ttl, payload, &token);
  CHECK("token_out untouched on error", rc == ZEGO_RESULT_OK || token == SENTINEL);
  if (rc == ZEGO_RESULT_OK) zego_string_free(token);
  return rc;
}

static int32_t decode_rc(const char *token, const char *secret) {
  char *claims = SENTINEL;
  int32_t rc = zego_decode_token04(token, secret, &claims);
  CHECK("claims_out untouched on error", rc == ZEGO_RESULT_OK || claims == SENTINEL);
  if (rc == ZEGO_RESULT_OK) zego_string_free(claims);
  return rc;
}

static int32_t verify_rc(const char *token, uint32_t app_id, int64_t now, int64_t leeway) {
  char *claims = SENTINEL;
  int32_t rc = zego_verify_token04(token, SECRET, app_id, now, leeway, &claims);
  CHECK("claims_out untouched on error", rc == ZEGO_RESULT_OK || claims == SENTINEL);
  if (rc == ZEGO_RESULT_OK) zego_string_free(claims);
  return rc;
}

static int32_t payload_rc(const char *room_id, const char *const *ids, size_t count) {
  char *payload = SENTINEL;
  int32_t rc = zego_rtc_room_payload(room_id, 1, 0, ids, count, &payload);
  CHECK("payload_out untouched on error", rc == ZEGO_RESULT_OK || payload == SENTINEL);
  if (rc == ZEGO_RESULT_OK) zego_string_free(payload);
  return rc;
}

static char *repeat(char c, size_t n) {
  char *s = malloc(n + 1);
  memset(s, c, n);
  s[n] = '\0';
  return s;
}

static void test_info(void) {
  CHECK("version is a non-empty static string", zego_token_version() != NULL && zego_token_version()[0] != '\0');
  CHECK("abi version matches the header", zego_token_abi_version() == ZEGO_TOKEN_ABI_VERSION);
  CHECK("success has a message", strcmp(zego_error_message(ZEGO_RESULT_OK), "success") == 0);
  CHECK("unknown codes get a text", strcmp(zego_error_message(-12345), "unknown error code") == 0);
  CHECK("official code 5 names the secret", strstr(zego_error_message(ZEGO_RESULT_INVALID_SECRET), "secret") != NULL);
  CHECK("expired has its message", strstr(zego_error_message(ZEGO_RESULT_EXPIRED), "expired") != NULL);
  CHECK("INT32_MIN is unknown, not a crash", zego_error_message(INT32_MIN) != NULL);
}

static void test_generate_and_decode(void) {
  char *token = generate_ok("user_123456", NULL);
  char *claims = NULL;
  CHECK("token starts with 04", token && strncmp(token, "04", 2) == 0);
  CHECK("decode succeeds", zego_decode_token04(token, SECRET, &claims) == ZEGO_RESULT_OK);
  CHECK("claims carry the user id", claims && strstr(claims, "\"user_id\":\"user_123456\"") != NULL);
  CHECK("claims carry the app id", claims && strstr(claims, "\"app_id\":1234567890,") != NULL);
  CHECK("claims say gcm", claims && strstr(claims, "\"mode\":\"gcm\",\"findings\":[]}") != NULL);
  zego_string_free(claims);
  zego_string_free(token);

  token = generate_ok("用户_ü", "载荷 😀");
  claims = NULL;
  CHECK("unicode decodes", zego_decode_token04(token, SECRET, &claims) == ZEGO_RESULT_OK);
  CHECK("unicode user id is raw UTF-8", claims && strstr(claims, "\"user_id\":\"用户_ü\"") != NULL);
  CHECK("unicode payload is raw UTF-8", claims && strstr(claims, "\"payload\":\"载荷 😀\"") != NULL);
  zego_string_free(claims);
  zego_string_free(token);
}

static void test_generate_rejects_bad_input(void) {
  char *long_user = repeat('u', 65);
  char *max_user = repeat('u', 64);
  char *huge_payload = repeat('x', 70000);
  CHECK("app id 0 is code 1", generate_rc(0, "u", SECRET, 3600, NULL) == ZEGO_RESULT_INVALID_APP_ID);
  CHECK("empty user id is code 3", generate_rc(APP_ID, "", SECRET, 3600, NULL) == ZEGO_RESULT_INVALID_USER_ID);
  CHECK("65-byte user id is code 3", generate_rc(APP_ID, long_user, SECRET, 3600, NULL) == ZEGO_RESULT_INVALID_USER_ID);
  CHECK("64-byte user id is fine", generate_rc(APP_ID, max_user, SECRET, 3600, NULL) == ZEGO_RESULT_OK);
  CHECK("31-byte secret is code 5", generate_rc(APP_ID, "u", "0123456789abcdef0123456789abcde", 3600, NULL) == ZEGO_RESULT_INVALID_SECRET);
  CHECK("33-byte secret is code 5", generate_rc(APP_ID, "u", "0123456789abcdef0123456789abcdef0", 3600, NULL) == ZEGO_RESULT_INVALID_SECRET);
  CHECK("non-ASCII 32-byte secret is code 5",
        generate_rc(APP_ID, "u", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 3600, NULL) == ZEGO_RESULT_INVALID_SECRET);
  CHECK("effective time 0 is code 6", generate_rc(APP_ID, "u", SECRET, 0, NULL) == ZEGO_RESULT_INVALID_EFFECTIVE_TIME);
  CHECK("negative effective time is code 6", generate_rc(APP_ID, "u", SECRET, -1, NULL) == ZEGO_RESULT_INVALID_EFFECTIVE_TIME);
  CHECK("overflowing effective time is code 6", generate_rc(APP_ID, "u", SECRET, INT64_MAX, NULL) == ZEGO_RESULT_INVALID_EFFECTIVE_TIME);
  CHECK("oversized payload is refused, not truncated", generate_rc(APP_ID, "u", SECRET, 3600, huge_payload) == ZEGO_RESULT_PAYLOAD_TOO_LARGE);
  CHECK("NULL user id", generate_rc(APP_ID, NULL, SECRET, 3600, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL secret", generate_rc(APP_ID, "u", NULL, 3600, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL token_out", zego_generate_token04(APP_ID, "u", SECRET, 3600, NULL, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("invalid UTF-8 user id", generate_rc(APP_ID, "\xff\xfe", SECRET, 3600, NULL) == ZEGO_RESULT_INVALID_UTF8);
  CHECK("invalid UTF-8 payload", generate_rc(APP_ID, "u", SECRET, 3600, "\xc3") == ZEGO_RESULT_INVALID_UTF8);
  free(long_user);
  free(max_user);
  free(huge_payload);
}

static void test_rtc_room_payload(void) {
  const char *ids[] = {"stream1", "stream2"};
  const char *null_element[] = {"stream1", NULL};
  char *room_129 = repeat('r', 129);
  char *stream_257 = repeat('s', 257);
  const char *long_ids[] = {stream_257};
  char *payload = NULL;

  CHECK("basic payload", zego_rtc_room_payload("room1", 1, 0, NULL, 0, &payload) == ZEGO_RESULT_OK);
  CHECK("official JSON byte for byte",
        payload && strcmp(payload, "{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":0},\"stream_id_list\":null}") == 0);
  zego_string_free(payload);
  payload = NULL;
  CHECK("payload with streams", zego_rtc_room_payload("room1", 1, 1, ids, 2, &payload) == ZEGO_RESULT_OK);
  CHECK("stream list JSON",
        payload && strcmp(payload, "{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":1},\"stream_id_list\":[\"stream1\",\"stream2\"]}") == 0);
  zego_string_free(payload);
  payload = NULL;
  CHECK("empty list", zego_rtc_room_payload("r", 0, 0, ids, 0, &payload) == ZEGO_RESULT_OK);
  CHECK("empty list JSON", payload && strstr(payload, "\"stream_id_list\":[]") != NULL);
  zego_string_free(payload);

  CHECK("empty room id is code 8", payload_rc("", NULL, 0) == ZEGO_RESULT_INVALID_ROOM_ID);
  CHECK("129-byte room id is code 8", payload_rc(room_129, NULL, 0) == ZEGO_RESULT_INVALID_ROOM_ID);
  CHECK("257-byte stream id is code 9", payload_rc("r", long_ids, 1) == ZEGO_RESULT_INVALID_STREAM_ID);
  CHECK("NULL room id", payload_rc(NULL, NULL, 0) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL array with a count", payload_rc("r", NULL, 2) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL element", payload_rc("r", null_element, 2) == ZEGO_RESULT_NULL_POINTER);
  /* The count is checked before the array is read: under ASan, reading 16,384 elements of a
   * 2-element array would fail this test. */
  CHECK("more stream ids than fit a token is code 7, array unread",
        payload_rc("r", ids, ZEGO_MAX_STREAM_ID_COUNT + 1) == ZEGO_RESULT_PAYLOAD_TOO_LARGE);
  CHECK("SIZE_MAX stream ids is code 7", payload_rc("r", ids, (size_t)-1) == ZEGO_RESULT_PAYLOAD_TOO_LARGE);
  CHECK("NULL payload_out", zego_rtc_room_payload("r", 1, 1, NULL, 0, NULL) == ZEGO_RESULT_NULL_POINTER);
  free(room_129);
  free(stream_257);
}

static void test_decode_rejects_bad_tokens(void) {
  char *token = generate_ok("user_123456", NULL);
  char *tampered = malloc(strlen(token) + 1);
  char *claims = NULL;
  strcpy(tampered, token);
  tampered[40] = tampered[40] == 'A' ? 'B' : 'A';

  CHECK("wrong secret is code 23", decode_rc(token, "fedcba9876543210fedcba9876543210") == ZEGO_RESULT_AUTH_FAILED);
  CHECK("tampered token is code 23", decode_rc(tampered, SECRET) == ZEGO_RESULT_AUTH_FAILED);
  CHECK("empty token is code 20", decode_rc("", SECRET) == ZEGO_RESULT_MALFORMED);
  CHECK("not base64 is code 20", decode_rc("04!!!!", SECRET) == ZEGO_RESULT_MALFORMED);
  {
    /* One byte longer than any token: refused after reading ZEGO_MAX_TOKEN_LEN + 1 bytes. */
    char *too_long = repeat('A', ZEGO_MAX_TOKEN_LEN + 1);
    char *longest = repeat('A', ZEGO_MAX_TOKEN_LEN);
    too_long[0] = longest[0] = '0';
    too_long[1] = longest[1] = '4';
    CHECK("a token longer than ZEGO_MAX_TOKEN_LEN is code 20", decode_rc(too_long, SECRET) == ZEGO_RESULT_MALFORMED);
    CHECK("... and for verify", verify_rc(too_long, APP_ID, 0, 0) == ZEGO_RESULT_MALFORMED);
    CHECK("a token of ZEGO_MAX_TOKEN_LEN is decoded (and malformed as base64 lengths)",
          decode_rc(longest, SECRET) == ZEGO_RESULT_MALFORMED);
    free(too_long);
    free(longest);
  }
  CHECK("truncated token is code 20", (tampered[30] = '\0', decode_rc(tampered, SECRET) == ZEGO_RESULT_MALFORMED));
  CHECK("version 03 is code 21", decode_rc("03AAAAAAAAAAAA", SECRET) == ZEGO_RESULT_UNSUPPORTED_VERSION);
  CHECK("bad secret is code 5", decode_rc(token, "short") == ZEGO_RESULT_INVALID_SECRET);
  CHECK("NULL token", decode_rc(NULL, SECRET) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL secret", decode_rc(token, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL claims_out", zego_decode_token04(token, SECRET, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("invalid UTF-8 token", decode_rc("04\xff", SECRET) == ZEGO_RESULT_INVALID_UTF8);

  CHECK("legacy CBC token decodes", zego_decode_token04(CBC_TOKEN, CBC_SECRET, &claims) == ZEGO_RESULT_OK);
  CHECK("legacy claims say cbc", claims && strstr(claims, "\"mode\":\"cbc\"") != NULL);
  CHECK("legacy claims carry the nonce", claims && strstr(claims, "\"nonce\":1646750481") != NULL);
  zego_string_free(claims);
  free(tampered);
  zego_string_free(token);
}

static void test_verify(void) {
  char *token = generate_ok("user_123456", NULL);
  char *claims = NULL;
  CHECK("fresh token verifies on the system clock", zego_verify_token04(token, SECRET, APP_ID, 0, 0, &claims) == ZEGO_RESULT_OK);
  CHECK("verify returns claims", claims && strstr(claims, "\"user_id\":\"user_123456\"") != NULL);
  zego_string_free(claims);
  CHECK("far future is expired", verify_rc(token, APP_ID, INT64_MAX, 0) == ZEGO_RESULT_EXPIRED);
  CHECK("the distant past is not yet valid", verify_rc(token, APP_ID, 1, 0) == ZEGO_RESULT_NOT_YET_VALID);
  CHECK("other app id is code 32", verify_rc(token, APP_ID + 1, 0, 0) == ZEGO_RESULT_APP_ID_MISMATCH);
  CHECK("negative leeway is code 10", verify_rc(token, APP_ID, 0, -1) == ZEGO_RESULT_INVALID_ARGUMENT);
  CHECK("huge leeway does not overflow", verify_rc(token, APP_ID, INT64_MAX, INT64_MAX) == ZEGO_RESULT_OK);
  CHECK("malformed token is code 20", verify_rc("04", APP_ID, 0, 0) == ZEGO_RESULT_MALFORMED);
  CHECK("NULL claims_out", zego_verify_token04(token, SECRET, APP_ID, 0, 0, NULL) == ZEGO_RESULT_NULL_POINTER);
  zego_string_free(token);
}

static void test_generator(void) {
  zego_token_generator *generator = NULL;
  zego_token_generator *untouched = (zego_token_generator *)SENTINEL;
  char *token = SENTINEL;
  char *claims = NULL;

  CHECK("generator_new succeeds", zego_token_generator_new(APP_ID, SECRET, &generator) == ZEGO_RESULT_OK && generator);
  CHECK("app id 0 is code 1", zego_token_generator_new(0, SECRET, &untouched) == ZEGO_RESULT_INVALID_APP_ID);
  CHECK("bad secret is code 5", zego_token_generator_new(APP_ID, "short", &untouched) == ZEGO_RESULT_INVALID_SECRET);
  CHECK("NULL secret", zego_token_generator_new(APP_ID, NULL, &untouched) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL generator_out", zego_token_generator_new(APP_ID, SECRET, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("generator_out untouched on error", untouched == (zego_token_generator *)SENTINEL);

  CHECK("NULL generator", zego_token_generator_generate(NULL, "u", 3600, NULL, &token) == ZEGO_RESULT_NULL_POINTER);
  CHECK("empty user id is code 3", zego_token_generator_generate(generator, "", 3600, NULL, &token) == ZEGO_RESULT_INVALID_USER_ID);
  CHECK("effective time 0 is code 6", zego_token_generator_generate(generator, "u", 0, NULL, &token) == ZEGO_RESULT_INVALID_EFFECTIVE_TIME);
  CHECK("token_out untouched on error", token == SENTINEL);
  CHECK("generator generates", zego_token_generator_generate(generator, "u", 60, "p", &token) == ZEGO_RESULT_OK);
  CHECK("its token decodes", zego_decode_token04(token, SECRET, &claims) == ZEGO_RESULT_OK);
  CHECK("with its payload", claims && strstr(claims, "\"payload\":\"p\"") != NULL);
  zego_string_free(claims);
  {
    zego_token_claims *handle = NULL;
    zego_verify_options *options = NULL;
    zego_token_generator *other = NULL;
    CHECK("generator decodes its token", zego_token_generator_decode(generator, token, &handle) == ZEGO_RESULT_OK);
    CHECK("... to its user id", handle && strcmp(zego_token_claims_user_id(handle, NULL), "u") == 0);
    zego_token_claims_free(handle);
    handle = NULL;
    CHECK("generator verifies its token (NULL options)", zego_token_generator_verify(generator, token, NULL, &handle) == ZEGO_RESULT_OK);
    zego_token_claims_free(handle);
    handle = NULL;
    zego_verify_options_new(&options);
    zego_verify_options_set_user_id(options, "v");
    CHECK("generator verify applies the options", zego_token_generator_verify(generator, token, options, &handle) == ZEGO_RESULT_USER_ID_MISMATCH && handle == NULL);
    zego_verify_options_free(options);
    zego_token_generator_new(APP_ID + 1, SECRET, &other);
    CHECK("another app id's generator: code 32", zego_token_generator_verify(other, token, NULL, &handle) == ZEGO_RESULT_APP_ID_MISMATCH);
    zego_token_generator_free(other);
    zego_token_generator_new(APP_ID, "fedcba9876543210fedcba9876543210", &other);
    CHECK("another secret's generator: code 23", zego_token_generator_decode(other, token, &handle) == ZEGO_RESULT_AUTH_FAILED);
    zego_token_generator_free(other);
    CHECK("NULL generator decode", zego_token_generator_decode(NULL, token, &handle) == ZEGO_RESULT_NULL_POINTER);
    CHECK("NULL generator verify", zego_token_generator_verify(NULL, token, NULL, &handle) == ZEGO_RESULT_NULL_POINTER);
    CHECK("NULL token", zego_token_generator_decode(generator, NULL, &handle) == ZEGO_RESULT_NULL_POINTER);
    CHECK("NULL claims_out", zego_token_generator_decode(generator, token, NULL) == ZEGO_RESULT_NULL_POINTER);
  }
  zego_string_free(token);
  zego_token_generator_free(generator);
  zego_token_generator_free(NULL);
  zego_string_free(NULL);
}

static void test_claims_handle(void) {
  char *token = generate_ok("用户_ü", "{\"a\":1}");
  zego_token_claims *claims = NULL;
  zego_token_claims *untouched = (zego_token_claims *)SENTINEL;
  size_t len = 0;
  const char *text;

  CHECK("decode to a handle", zego_decode_token04_claims(token, SECRET, &claims) == ZEGO_RESULT_OK && claims);
  CHECK("app id accessor", zego_token_claims_app_id(claims) == APP_ID);
  CHECK("expire is ctime + 3600", zego_token_claims_expire(claims) - zego_token_claims_ctime(claims) == 3600);
  CHECK("nonce fits an int32", zego_token_claims_nonce(claims) >= INT32_MIN && zego_token_claims_nonce(claims) <= INT32_MAX);
  text = zego_token_claims_user_id(claims, &len);
  CHECK("user id accessor gives raw UTF-8 and its length", text && strcmp(text, "用户_ü") == 0 && len == strlen("用户_ü"));
  text = zego_token_claims_payload(claims, NULL);
  CHECK("payload accessor, length not wanted", text && strcmp(text, "{\"a\":1}") == 0);
  CHECK("mode accessor says gcm", strcmp(zego_token_claims_mode(claims), "gcm") == 0);
  zego_token_claims_free(claims);

  claims = NULL;
  CHECK("legacy token to a handle", zego_decode_token04_claims(CBC_TOKEN, CBC_SECRET, &claims) == ZEGO_RESULT_OK);
  CHECK("legacy mode is cbc", strcmp(zego_token_claims_mode(claims), "cbc") == 0);
  CHECK("legacy nonce", zego_token_claims_nonce(claims) == 1646750481);
  zego_token_claims_free(claims);

  claims = NULL;
  CHECK("verify to a handle", zego_verify_token04_claims(token, SECRET, APP_ID, 0, 0, &claims) == ZEGO_RESULT_OK);
  CHECK("verified app id", zego_token_claims_app_id(claims) == APP_ID);
  zego_token_claims_free(claims);

  CHECK("wrong secret is code 23", zego_decode_token04_claims(token, "fedcba9876543210fedcba9876543210", &untouched) == ZEGO_RESULT_AUTH_FAILED);
  CHECK("expired is code 30", zego_verify_token04_claims(token, SECRET, APP_ID, INT64_MAX, 0, &untouched) == ZEGO_RESULT_EXPIRED);
  CHECK("other app id is code 32", zego_verify_token04_claims(token, SECRET, APP_ID + 1, 0, 0, &untouched) == ZEGO_RESULT_APP_ID_MISMATCH);
  CHECK("NULL token", zego_decode_token04_claims(NULL, SECRET, &untouched) == ZEGO_RESULT_NULL_POINTER);
  CHECK("invalid UTF-8 secret", zego_verify_token04_claims(token, "\xff", APP_ID, 0, 0, &untouched) == ZEGO_RESULT_INVALID_UTF8);
  CHECK("claims_out untouched on error", untouched == (zego_token_claims *)SENTINEL);
  CHECK("NULL claims_out (decode)", zego_decode_token04_claims(token, SECRET, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL claims_out (verify)", zego_verify_token04_claims(token, SECRET, APP_ID, 0, 0, NULL) == ZEGO_RESULT_NULL_POINTER);

  len = 7;
  CHECK("NULL handle: app id 0", zego_token_claims_app_id(NULL) == 0);
  CHECK("NULL handle: times and nonce 0",
        zego_token_claims_ctime(NULL) == 0 && zego_token_claims_expire(NULL) == 0 && zego_token_claims_nonce(NULL) == 0);
  CHECK("NULL handle: NULL strings, len untouched",
        zego_token_claims_user_id(NULL, &len) == NULL && zego_token_claims_payload(NULL, &len) == NULL && len == 7);
  CHECK("NULL handle: NULL mode", zego_token_claims_mode(NULL) == NULL);
  zego_token_claims_free(NULL);
  zego_string_free(token);
}

static int verify_with_options_rc(const char *token, const char *const *secrets, size_t count,
                                  const zego_verify_options *options, size_t *index) {
  zego_token_claims *claims = NULL;
  int rc = zego_verify_token04_with_options(token, secrets, count, APP_ID, options, &claims, index);
  CHECK("claims handed out exactly on success", (rc == ZEGO_RESULT_OK) == (claims != NULL));
  zego_token_claims_free(claims);
  return rc;
}

static void test_verify_options(void) {
  const char *other = "fedcba9876543210fedcba9876543210";
  const char *rotation[2];
  const char *one[1];
  zego_verify_options *options = NULL;
  char *token = generate_ok("alice", NULL);
  size_t index = 99;
  rotation[0] = other;
  rotation[1] = SECRET;
  one[0] = SECRET;
  CHECK("options are made", zego_verify_options_new(&options) == ZEGO_RESULT_OK && options != NULL);
  CHECK("NULL options are the defaults", verify_with_options_rc(token, one, 1, NULL, NULL) == ZEGO_RESULT_OK);
  CHECK("second of two secrets matches", verify_with_options_rc(token, rotation, 2, options, &index) == ZEGO_RESULT_OK);
  CHECK("... and its index is 1", index == 1);
  CHECK("no matching secret is code 23", verify_with_options_rc(token, rotation, 1, options, NULL) == ZEGO_RESULT_AUTH_FAILED);
  CHECK("no secrets is code 10", verify_with_options_rc(token, rotation, 0, options, NULL) == ZEGO_RESULT_INVALID_ARGUMENT);
  CHECK("more than ZEGO_MAX_SECRETS is code 10, array unread",
        verify_with_options_rc(token, rotation, ZEGO_MAX_SECRETS + 1, options, NULL) == ZEGO_RESULT_INVALID_ARGUMENT);
  CHECK("NULL secrets is code 11", verify_with_options_rc(token, NULL, 1, options, NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("user id set", zego_verify_options_set_user_id(options, "bob") == ZEGO_RESULT_OK);
  CHECK("other user id is code 33", verify_with_options_rc(token, one, 1, options, NULL) == ZEGO_RESULT_USER_ID_MISMATCH);
  CHECK("user id set to the token's", zego_verify_options_set_user_id(options, "alice") == ZEGO_RESULT_OK);
  CHECK("same user id verifies", verify_with_options_rc(token, one, 1, options, NULL) == ZEGO_RESULT_OK);
  CHECK("user id NULL is any", zego_verify_options_set_user_id(options, NULL) == ZEGO_RESULT_OK);
  CHECK("negative leeway is code 10", zego_verify_options_set_leeway(options, -1) == ZEGO_RESULT_INVALID_ARGUMENT);
  CHECK("now far ahead", zego_verify_options_set_now(options, INT64_MAX) == ZEGO_RESULT_OK);
  CHECK("expired at that time is code 30", verify_with_options_rc(token, one, 1, options, NULL) == ZEGO_RESULT_EXPIRED);
  CHECK("system clock again", zego_verify_options_use_system_clock(options) == ZEGO_RESULT_OK);
  CHECK("valid now", verify_with_options_rc(token, one, 1, options, NULL) == ZEGO_RESULT_OK);
  {
    /* The legacy token's app id and time are its own: check it at its time. */
    zego_token_claims *claims = NULL;
    const char *cbc[1];
    cbc[0] = CBC_SECRET;
    CHECK("legacy decodes", zego_decode_token04_claims(CBC_TOKEN, CBC_SECRET, &claims) == ZEGO_RESULT_OK);
    CHECK("legacy time", zego_verify_options_set_now(options, zego_token_claims_ctime(claims)) == ZEGO_RESULT_OK);
    {
      zego_token_claims *out = NULL;
      CHECK("legacy verifies by default",
            zego_verify_token04_with_options(CBC_TOKEN, cbc, 1, zego_token_claims_app_id(claims), options, &out, NULL) ==
                ZEGO_RESULT_OK);
      CHECK("... and says cbc", out && strcmp(zego_token_claims_mode(out), "cbc") == 0);
      {
        char *json = NULL;
        CHECK("claims handle to JSON", zego_token_claims_to_json(out, &json) == ZEGO_RESULT_OK);
        CHECK("... with the mode", json && strstr(json, "\"mode\":\"cbc\"") != NULL);
        zego_string_free(json);
        CHECK("NULL claims to JSON is code 11", zego_token_claims_to_json(NULL, &json) == ZEGO_RESULT_NULL_POINTER);
        CHECK("NULL JSON out is code 11", zego_token_claims_to_json(out, NULL) == ZEGO_RESULT_NULL_POINTER);
      }
      zego_token_claims_free(out);
      out = NULL;
      CHECK("require GCM", zego_verify_options_set_require_gcm(options, 1) == ZEGO_RESULT_OK);
      CHECK("legacy is code 22 when GCM is required",
            zego_verify_token04_with_options(CBC_TOKEN, cbc, 1, zego_token_claims_app_id(claims), options, &out, NULL) ==
                ZEGO_RESULT_UNSUPPORTED_MODE && out == NULL);
    }
    zego_token_claims_free(claims);
  }
  CHECK("system clock for the GCM token", zego_verify_options_use_system_clock(options) == ZEGO_RESULT_OK);
  CHECK("a GCM token still verifies with GCM required", verify_with_options_rc(token, one, 1, options, NULL) == ZEGO_RESULT_OK);
  CHECK("NULL options_out is code 11", zego_verify_options_new(NULL) == ZEGO_RESULT_NULL_POINTER);
  CHECK("setter on NULL is code 11", zego_verify_options_set_require_gcm(NULL, 1) == ZEGO_RESULT_NULL_POINTER);
  zego_verify_options_free(options);
  zego_verify_options_free(NULL);
  zego_string_free(token);
}

/* The span functions: (pointer, length) input, the token in the caller's buffer. */
static void test_spans(void) {
  zego_token_generator *generator = NULL;
  char buf[1024];
  size_t len = 12345;
  const char *user = "user_123456";
  const char *payload = "{\"room_id\":\"r\"}";
  zego_token_claims *claims = NULL;
  CHECK("generator for spans", zego_token_generator_new(APP_ID, SECRET, &generator) == ZEGO_RESULT_OK);

  CHECK("generate_into succeeds",
        zego_token_generator_generate_into(generator, user, strlen(user), 3600, payload,
                                           strlen(payload), buf, sizeof buf, &len) == ZEGO_RESULT_OK);
  CHECK("... writes a token of the returned length", len > 100 && len < sizeof buf && buf[0] == '0' && buf[1] == '4');
  CHECK("decode_bytes reads it back without a NUL",
        zego_token_generator_decode_bytes(generator, buf, len, &claims) == ZEGO_RESULT_OK);
  CHECK("... with the user id", claims && strcmp(zego_token_claims_user_id(claims, NULL), user) == 0);
  {
    zego_token_claims_view view;
    memset(&view, 0, sizeof view);
    CHECK("claims_fields fills the view", zego_token_claims_fields(claims, &view) == ZEGO_RESULT_OK);
    CHECK("... app id and times", view.app_id == APP_ID && view.expire - view.ctime == 3600 &&
                                      view.ctime == zego_token_claims_ctime(claims) && view.nonce == zego_token_claims_nonce(claims));
    CHECK("... the user id, its length and its NUL", view.user_id_len == strlen(user) &&
                                                         memcmp(view.user_id, user, view.user_id_len) == 0 &&
                                                         view.user_id[view.user_id_len] == '\0');
    CHECK("... the payload, borrowed from the handle", view.payload_len == strlen(payload) &&
                                                           view.payload == zego_token_claims_payload(claims, NULL));
    CHECK("... the mode", strcmp(view.mode, "gcm") == 0);
    CHECK("claims_fields with NULL claims is code 11", zego_token_claims_fields(NULL, &view) == ZEGO_RESULT_NULL_POINTER);
    CHECK("claims_fields with NULL view is code 11", zego_token_claims_fields(claims, NULL) == ZEGO_RESULT_NULL_POINTER);
  }
  zego_token_claims_free(claims);
  claims = NULL;
  CHECK("one-shot decode_bytes reads it back",
        zego_decode_token04_bytes(buf, len, SECRET, 32, &claims) == ZEGO_RESULT_OK && claims != NULL);
  zego_token_claims_free(claims);
  claims = NULL;
  CHECK("a span one byte short is not the token",
        zego_decode_token04_bytes(buf, len - 1, SECRET, 32, &claims) != ZEGO_RESULT_OK && claims == NULL);

  {
    size_t need = 0;
    char small[8];
    memset(small, 7, sizeof small);
    CHECK("a NULL buffer of size 0 asks for the size",
          zego_token_generator_generate_into(generator, user, strlen(user), 3600, NULL, 0, NULL, 0, &need) ==
              ZEGO_RESULT_BUFFER_TOO_SMALL);
    CHECK("... the size is at least the token's and at most the bound from lengths",
          need >= 100 && need <= zego_token04_max_len(strlen(user), 0));
    CHECK("a small buffer is code 13 with the size",
          zego_token_generator_generate_into(generator, user, strlen(user), 3600, NULL, 0, small,
                                             sizeof small, &len) == ZEGO_RESULT_BUFFER_TOO_SMALL && len == need);
    CHECK("... and is left untouched", small[0] == 7 && small[7] == 7);
    CHECK("a buffer of exactly that size succeeds",
          zego_token_generator_generate_into(generator, user, strlen(user), 3600, NULL, 0, buf, need, &len) ==
                  ZEGO_RESULT_OK && len <= need);
  }
  CHECK("max_len: 64 and 0 give 750", zego_token04_max_len(64, 0) == 750);
  CHECK("max_len: 64 and 1024 give 8942", zego_token04_max_len(64, 1024) == 8942);
  CHECK("max_len is capped at the longest token there can be",
        zego_token04_max_len(SIZE_MAX, SIZE_MAX) == ZEGO_MAX_GENERATED_TOKEN_LEN);

  CHECK("an empty user id is code 3 (before the buffer)",
        zego_token_generator_generate_into(generator, NULL, 0, 3600, NULL, 0, NULL, 0, &len) == ZEGO_RESULT_INVALID_USER_ID &&
            len == 0);
  CHECK("NULL user id with a length is code 11",
        zego_token_generator_generate_into(generator, NULL, 3, 3600, NULL, 0, buf, sizeof buf, &len) == ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL buffer with a size is code 11",
        zego_token_generator_generate_into(generator, user, 4, 3600, NULL, 0, NULL, 10, &len) ==
            ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL length out is code 11",
        zego_token_generator_generate_into(generator, user, 4, 3600, NULL, 0, buf, sizeof buf, NULL) ==
            ZEGO_RESULT_NULL_POINTER);
  CHECK("NULL generator is code 11",
        zego_token_generator_generate_into(NULL, user, 4, 3600, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_NULL_POINTER);
  CHECK("invalid UTF-8 is code 12",
        zego_token_generator_generate_into(generator, "\xff", 1, 3600, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_INVALID_UTF8);
  CHECK("a NUL inside a span is just a byte: the user id \"a\\0b\" makes a token",
        zego_token_generator_generate_into(generator, "a\0b", 3, 3600, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_OK);
  CHECK("effective time 0 is code 6",
        zego_token_generator_generate_into(generator, user, 4, 0, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_INVALID_EFFECTIVE_TIME);

  CHECK("one-shot generate_into succeeds",
        zego_generate_token04_into(APP_ID, user, strlen(user), SECRET, 32, 60, NULL, 0, buf,
                                   sizeof buf, &len) == ZEGO_RESULT_OK);
  CHECK("... and decodes", zego_decode_token04_bytes(buf, len, SECRET, 32, &claims) == ZEGO_RESULT_OK);
  zego_token_claims_free(claims);
  claims = NULL;
  CHECK("one-shot: app id 0 is code 1 first",
        zego_generate_token04_into(0, NULL, 0, NULL, 0, 0, NULL, 0, NULL, 0, &len) == ZEGO_RESULT_INVALID_APP_ID);
  CHECK("one-shot: a 31-byte secret is code 5",
        zego_generate_token04_into(APP_ID, user, 4, SECRET, 31, 60, NULL, 0, buf, sizeof buf,
                                   &len) == ZEGO_RESULT_INVALID_SECRET);
  CHECK("decode_bytes: a span over ZEGO_MAX_TOKEN_LEN is code 20 unread",
        zego_decode_token04_bytes(SENTINEL, ZEGO_MAX_TOKEN_LEN + 1, SECRET, 32, &claims) ==
            ZEGO_RESULT_MALFORMED);
  CHECK("decode_bytes: NULL token with a length is code 11",
        zego_decode_token04_bytes(NULL, 5, SECRET, 32, &claims) == ZEGO_RESULT_NULL_POINTER);
  CHECK("decode_bytes: an empty token is code 20",
        zego_token_generator_decode_bytes(generator, NULL, 0, &claims) == ZEGO_RESULT_MALFORMED && claims == NULL);
  zego_token_generator_free(generator);
}

/* From tests/vectors/finding-tokens.jsonl (secret SECRET, app APP_ID, made at 1795349584 for 3600 s):
 * a current token with a 65-character user id and a legacy one with an empty user id. */
static const char *GCM_LONG_USER_TOKEN =
    "04AAAAAGsC6mAADK4Sc6ireX2oxQClpQC5z7YNbrm3Iv74b6PhJ18sU6Bqc0omG0QNN5AsnNljrIRtH6J/dtq/Pat8iMPwrQ"
    "JL9JvQwMggtljs/w3lw6cSmND++uW4U1/aymCaunfNTgApI96ZzJkM1cJjytR2vf5Vau7frDUwFmlJEeLYPUHlqV08bPYxdB"
    "78LdwNgxHvYeSbFRkjyhM422uM+t38reNkutm5AhWJxUvAp62IJfxpSQJtXSQ5eH64Ngvu/b3QHFtaqqcxqDC7FPIB";
static const char *CBC_EMPTY_USER_TOKEN =
    "04AAAAAGsC6mAAEG02MzdpMWttdXVoeGN0YzgAcMHAsB1B24WXWgciGVYhvXrh/QUPC0m2ibIFZ1+m2qjgbC8s9y6GPIlak4"
    "SSBbRbYMI8JqckqjCXGFDqO44HVeejpKX4cf+6MeYYlfgKAF+vaWPVfK8e8RiSntOiFn2UxTzLxiQltdNkUnR+o+XOxWg=";

static void test_findings(void) {
  zego_token_claims *claims = NULL;
  char *json = NULL;
  size_t len = 0;

  CHECK("a 65-character user id decodes", zego_decode_token04_claims(GCM_LONG_USER_TOKEN, SECRET, &claims) == ZEGO_RESULT_OK);
  CHECK("... all 65 characters", zego_token_claims_user_id(claims, &len) && len == 65);
  CHECK("... with the finding user_id_too_long", zego_token_claims_findings(claims) == ZEGO_FINDING_USER_ID_TOO_LONG);
  zego_token_claims_free(claims);
  claims = NULL;
  CHECK("... and verifies (a current token is authenticated)",
        zego_verify_token04_claims(GCM_LONG_USER_TOKEN, SECRET, APP_ID, 1795349644, 0, &claims) == ZEGO_RESULT_OK);
  zego_token_claims_free(claims);
  claims = NULL;
  CHECK("the claims JSON lists the findings", zego_decode_token04(GCM_LONG_USER_TOKEN, SECRET, &json) == ZEGO_RESULT_OK &&
        strstr(json, "\"mode\":\"gcm\",\"findings\":[\"user_id_too_long\"]}") != NULL);
  zego_string_free(json);

  CHECK("a legacy token with an empty user id decodes", zego_decode_token04_claims(CBC_EMPTY_USER_TOKEN, SECRET, &claims) == ZEGO_RESULT_OK);
  CHECK("... with the finding user_id_empty", zego_token_claims_findings(claims) == ZEGO_FINDING_USER_ID_EMPTY);
  zego_token_claims_free(claims);
  claims = NULL;
  CHECK("... but fails verification with code 24 (unauthenticated claims breaking a rule)",
        zego_verify_token04_claims(CBC_EMPTY_USER_TOKEN, SECRET, APP_ID, 1795349644, 0, &claims) == ZEGO_RESULT_BAD_PLAINTEXT &&
            claims == NULL);

  CHECK("a token within the rules has no finding", zego_decode_token04_claims(CBC_TOKEN, CBC_SECRET, &claims) == ZEGO_RESULT_OK &&
        zego_token_claims_findings(claims) == 0);
  zego_token_claims_free(claims);
  CHECK("NULL handle: no finding", zego_token_claims_findings(NULL) == 0);
  CHECK("each finding bit has its name", strcmp(zego_finding_name(ZEGO_FINDING_APP_ID_ZERO), "app_id_zero") == 0 &&
        strcmp(zego_finding_name(ZEGO_FINDING_USER_ID_EMPTY), "user_id_empty") == 0 &&
        strcmp(zego_finding_name(ZEGO_FINDING_USER_ID_TOO_LONG), "user_id_too_long") == 0 &&
        strcmp(zego_finding_name(ZEGO_FINDING_EXPIRE_NOT_AFTER_CTIME), "expire_not_after_ctime") == 0 &&
        strcmp(zego_finding_name(ZEGO_FINDING_CTIME_BEFORE_EPOCH), "ctime_before_epoch") == 0 &&
        strcmp(zego_finding_name(ZEGO_FINDING_NONCE_OUT_OF_RANGE), "nonce_out_of_range") == 0);
  CHECK("no name for 0, several bits or an unknown bit",
        zego_finding_name(0) == NULL && zego_finding_name(3) == NULL && zego_finding_name(1u << 31) == NULL);
}

/* Lengths are checked before their spans are read: each span below is one byte long, and a read
 * past it is caught by ASan and valgrind, which run this file. */
static void test_span_lengths_before_reading(void) {
  zego_token_generator *generator = NULL;
  char buf[1024];
  size_t len = 99;
  const char one = 'u';
  char *controls = repeat('\x01', 65535);

  zego_token_generator_new(APP_ID, SECRET, &generator);
  CHECK("a user id length of SIZE_MAX is code 3 unread",
        zego_token_generator_generate_into(generator, &one, SIZE_MAX, 60, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_INVALID_USER_ID && len == 0);
  CHECK("a payload length of SIZE_MAX is code 7 unread",
        zego_token_generator_generate_into(generator, "u", 1, 60, &one, SIZE_MAX, buf, sizeof buf, &len) ==
            ZEGO_RESULT_PAYLOAD_TOO_LARGE);
  CHECK("... but an invalid effective time comes first, as in the official order",
        zego_token_generator_generate_into(generator, "u", 1, 0, &one, SIZE_MAX, buf, sizeof buf, &len) ==
            ZEGO_RESULT_INVALID_EFFECTIVE_TIME);
  CHECK("one-shot: a user id length of SIZE_MAX is code 3 unread",
        zego_generate_token04_into(APP_ID, &one, SIZE_MAX, SECRET, 32, 60, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_INVALID_USER_ID);
  CHECK("one-shot: ... after app id 0",
        zego_generate_token04_into(0, &one, SIZE_MAX, SECRET, 32, 60, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_INVALID_APP_ID);
  CHECK("one-shot: a secret length of SIZE_MAX is code 5 unread",
        zego_generate_token04_into(APP_ID, "u", 1, &one, SIZE_MAX, 60, NULL, 0, buf, sizeof buf, &len) ==
            ZEGO_RESULT_INVALID_SECRET);
  CHECK("one-shot: a payload length of SIZE_MAX is code 7 unread",
        zego_generate_token04_into(APP_ID, "u", 1, SECRET, 32, 60, &one, SIZE_MAX, buf, sizeof buf, &len) ==
            ZEGO_RESULT_PAYLOAD_TOO_LARGE);
  {
    zego_token_claims *claims = NULL;
    CHECK("decode_bytes: a secret length of SIZE_MAX is code 5 unread",
          zego_decode_token04_bytes(CBC_TOKEN, strlen(CBC_TOKEN), &one, SIZE_MAX, &claims) == ZEGO_RESULT_INVALID_SECRET &&
              claims == NULL);
  }
  CHECK("65,535 control characters (393,210 bytes escaped) are code 7, not a buffer size",
        zego_token_generator_generate_into(generator, "u", 1, 60, controls, 65535, NULL, 0, &len) ==
            ZEGO_RESULT_PAYLOAD_TOO_LARGE && len == 0);
  free(controls);
  controls = repeat('\n', 30000); /* 60,000 bytes escaped: it fits, but its bound is counted wider */
  CHECK("no size asked for exceeds the longest token there can be",
        zego_token_generator_generate_into(generator, "u", 1, 60, controls, 30000, NULL, 0, &len) ==
            ZEGO_RESULT_BUFFER_TOO_SMALL && len == ZEGO_MAX_GENERATED_TOKEN_LEN);
  free(controls);
  zego_token_generator_free(generator);
}

int main(void) {
  test_info();
  test_generate_and_decode();
  test_generate_rejects_bad_input();
  test_rtc_room_payload();
  test_decode_rejects_bad_tokens();
  test_verify();
  test_generator();
  test_claims_handle();
  test_verify_options();
  test_spans();
  test_findings();
  test_span_lengths_before_reading();
  return SUMMARY();
}
