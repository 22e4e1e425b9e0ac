/* Token04 generation through the zego-token C ABI against a careful C implementation of the same
 * format on OpenSSL 3 (cipher fetched once, EVP_CIPHER_CTX reused, one getrandom per token; the key
 * set with each call for the one-shot form, kept in the context for the reusable form), measured
 * side by side in one process as the median of interleaved rounds. Run with benches/c/run.sh. */
#define _GNU_SOURCE
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "zego_token.h"

static const char *SECRET = "0123456789abcdef0123456789abcdef";
static const uint32_t APP_ID = 1234567890u;
static const char *USER_ID = "user_123456";
static const char *ROOM_PAYLOAD = "{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":0},\"stream_id_list\":null}";

static EVP_CIPHER *gcm;
static EVP_CIPHER_CTX *ctx;      /* the one-shot form: the key is set with each token */
static EVP_CIPHER_CTX *ctx_kept; /* the reusable form: keyed once, only the nonce set per token */

/* Appends s as a JSON string (quotes, backslashes and control characters escaped). */
static size_t json_string(char *out, const char *s) {
  size_t n = 0;
  out[n++] = '"';
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') { out[n++] = '\\'; out[n++] = (char)c; }
    else if (c < 0x20) n += (size_t)sprintf(out + n, "\\u%04x", c);
    else out[n++] = (char)c;
  }
  out[n++] = '"';
  return n;
}

/* The format of include/zego_token.h's zego_generate_token04, on OpenSSL, with context c; secret
 * NULL uses the key already in c. Returns a malloc'd token or NULL. */
static char *openssl_token04_with(EVP_CIPHER_CTX *c, uint32_t app_id, const char *user_id, const char *secret, int64_t ttl,
                                  const char *payload) {
  unsigned char random[16], body[70000];
  char plain[66000];
  int32_t nonce;
  int64_t ctime = (int64_t)time(NULL), expire = ctime + ttl;
  size_t n, len, i;
  int outl;
  char *token;
  if (getrandom(random, sizeof random, 0) != (ssize_t)sizeof random) return NULL;
  memcpy(&nonce, random + 12, 4);
  n = (size_t)sprintf(plain, "{\"app_id\":%u,\"user_id\":", app_id);
  n += json_string(plain + n, user_id);
  n += (size_t)sprintf(plain + n, ",\"ctime\":%lld,\"expire\":%lld,\"nonce\":%d,\"payload\":", (long long)ctime, (long long)expire, nonce);
  n += json_string(plain + n, payload);
  plain[n++] = '}';
  if (n + 16 > 65535) return NULL;
  for (i = 0; i < 8; i++) body[i] = (unsigned char)((uint64_t)expire >> (56 - 8 * i));
  body[8] = 0; body[9] = 12;
  memcpy(body + 10, random, 12);
  body[22] = (unsigned char)((n + 16) >> 8); body[23] = (unsigned char)(n + 16);
  if (!EVP_EncryptInit_ex2(c, secret ? gcm : NULL, (const unsigned char *)secret, random, NULL)) return NULL;
  if (!EVP_EncryptUpdate(c, body + 24, &outl, (const unsigned char *)plain, (int)n)) return NULL;
  if (!EVP_EncryptFinal_ex(c, body + 24 + outl, &outl)) return NULL;
  if (!EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, body + 24 + n)) return NULL;
  len = 24 + n + 16;
  body[len++] = 1;
  token = malloc(2 + 4 * ((len + 2) / 3) + 1);
  token[0] = '0'; token[1] = '4';
  EVP_EncodeBlock((unsigned char *)token + 2, body, (int)len);
  return token;
}

static char *openssl_token04(uint32_t app_id, const char *user_id, const char *secret, int64_t ttl, const char *payload) {
  return openssl_token04_with(ctx, app_id, user_id, secret, ttl, payload);
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

typedef int (*one_token_fn)(const char *payload);

static zego_token_generator *generator;

static int via_openssl(const char *payload) {
  char *t = openssl_token04(APP_ID, USER_ID, SECRET, 3600, payload);
  free(t);
  return t != NULL;
}
static int via_openssl_kept(const char *payload) {
  char *t = openssl_token04_with(ctx_kept, APP_ID, USER_ID, NULL, 3600, payload);
  free(t);
  return t != NULL;
}
static int via_abi_one_shot(const char *payload) {
  char *t = NULL;
  int ok = zego_generate_token04(APP_ID, USER_ID, SECRET, 3600, payload, &t) == 0;
  zego_string_free(t);
  return ok;
}
static int via_abi_generator(const char *payload) {
  char *t = NULL;
  int ok = zego_token_generator_generate(generator, USER_ID, 3600, payload, &t) == 0;
  zego_string_free(t);
  return ok;
}

static char into_buf[4096];
static int via_abi_generator_into(const char *payload) {
  size_t len = 0;
  return zego_token_generator_generate_into(generator, USER_ID, strlen(USER_ID), 3600,
                                            payload, strlen(payload), into_buf, sizeof into_buf,
                                            &len) == 0;
}
static int via_abi_one_shot_into(const char *payload) {
  size_t len = 0;
  return zego_generate_token04_into(APP_ID, USER_ID, strlen(USER_ID), SECRET, 32, 3600,
                                    payload, strlen(payload), into_buf, sizeof into_buf, &len) == 0;
}

#define IMPLS 6
#define MAX_ROUNDS 101
static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Median over `rounds` interleaved rounds (each round runs every implementation for `n` tokens,
 * in turn) of ns per token, so that a slow second of this shared machine hits them all alike. */
static void measure(one_token_fn *fs, const char *payload, int n, int rounds, double *median) {
  static double samples[IMPLS][MAX_ROUNDS];
  int r, i, k;
  for (r = 0; r < rounds; r++)
    for (k = 0; k < IMPLS; k++) {
      double start = now_ns();
      for (i = 0; i < n; i++)
        if (!fs[k](payload)) { fprintf(stderr, "token failed\n"); exit(1); }
      samples[k][r] = (now_ns() - start) / n;
    }
  for (k = 0; k < IMPLS; k++) {
    qsort(samples[k], (size_t)rounds, sizeof(double), compare_double);
    median[k] = samples[k][rounds / 2];
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 50000;
  const char *payloads[2] = {"", ROOM_PAYLOAD};
  const char *names[2] = {"empty payload", "privilege payload"};
  int p;
  char *check = NULL, *claims = NULL;
  gcm = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
  ctx = EVP_CIPHER_CTX_new();
  ctx_kept = EVP_CIPHER_CTX_new();
  if (!EVP_EncryptInit_ex2(ctx_kept, gcm, (const unsigned char *)SECRET, NULL, NULL)) return 1;
  zego_token_generator_new(APP_ID, SECRET, &generator);

  /* The OpenSSL tokens are real Token04s: the library must decode them. */
  for (p = 0; p < 2; p++) {
    check = p == 0 ? openssl_token04(APP_ID, USER_ID, SECRET, 3600, ROOM_PAYLOAD)
                   : openssl_token04_with(ctx_kept, APP_ID, USER_ID, NULL, 3600, ROOM_PAYLOAD);
    if (zego_decode_token04(check, SECRET, &claims) != 0) { fprintf(stderr, "OpenSSL token does not decode\n"); return 1; }
    zego_string_free(claims);
    free(check);
  }

  printf("%-18s %-38s %10s %14s\n", "payload", "implementation", "ns/token", "tokens/s");
  for (p = 0; p < 2; p++) {
    one_token_fn fs[IMPLS] = {via_openssl,      via_abi_one_shot,  via_abi_one_shot_into,
                              via_openssl_kept, via_abi_generator, via_abi_generator_into};
    const char *labels[IMPLS] = {"OpenSSL 3, key per call (careful C)", "zego_generate_token04", "zego_generate_token04_into",
                                 "OpenSSL 3, key kept (careful C)", "zego_token_generator_generate",
                                 "zego_token_generator_generate_into"};
    double median[IMPLS];
    int k;
    measure(fs, payloads[p], n, 25, median);
    for (k = 0; k < IMPLS; k++)
      printf("%-18s %-38s %10.0f %14.0f  %.2fx\n", names[p], labels[k], median[k], 1e9 / median[k],
             median[k < 3 ? 0 : 3] / median[k]); /* one-shot vs one-shot, reusable vs reusable */
  }
  zego_token_generator_free(generator);
  EVP_CIPHER_CTX_free(ctx);
  EVP_CIPHER_CTX_free(ctx_kept);
  EVP_CIPHER_free(gcm);
  return 0;
}
