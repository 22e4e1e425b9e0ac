/* Nonce uniqueness through the C ABI: 8 threads x 10,000 tokens (one-shot and a shared
 * generator) all decode and share no GCM nonce; a parent and its children (and a grandchild)
 * share no nonce, for children made by fork(), by glibc's _Fork() and by a raw clone(SIGCHLD)
 * system call (the last two skip atfork handlers).
 *
 * ZEGO_TEST_FORK_KINDS=fork limits the test to fork(): emulators such as qemu-user ignore
 * MADV_WIPEONFORK, so only the atfork path can work under them. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "zego_token.h"
#include "check.h"

#define THREADS 8
#define TOKENS_PER_THREAD 10000
#define FORK_TOKENS 2000
#define NONCE_LEN 12

/* glibc 2.34+ and musl 1.2.3+; NULL where the C library has no _Fork. */
extern pid_t _Fork(void) __attribute__((weak));

typedef pid_t (*spawn_fn)(void);

static pid_t raw_clone(void) { return (pid_t)syscall(SYS_clone, (long)SIGCHLD, 0L, 0L, 0L, 0L); }

static const char *SECRET = "0123456789abcdef0123456789abcdef";
static const uint32_t APP_ID = 1234567890u;

typedef struct {
  unsigned char bytes[NONCE_LEN];
} nonce_t;

static int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/* The GCM nonce is bytes 10..21 of the base64 body after "04" (after expire and nonce_len). */
static int gcm_nonce_of(const char *token, nonce_t *out) {
  unsigned char raw[24];
  size_t i;
  if (strncmp(token, "04", 2) != 0 || strlen(token) < 2 + 32) return 0;
  for (i = 0; i < 8; i++) {
    const char *q = token + 2 + 4 * i;
    int a = b64_value(q[0]), b = b64_value(q[1]), c = b64_value(q[2]), d = b64_value(q[3]);
    if (a < 0 || b < 0 || c < 0 || d < 0) return 0;
    raw[3 * i] = (unsigned char)((a << 2) | (b >> 4));
    raw[3 * i + 1] = (unsigned char)(((b & 15) << 4) | (c >> 2));
    raw[3 * i + 2] = (unsigned char)(((c & 3) << 6) | d);
  }
  if (raw[8] != 0 || raw[9] != NONCE_LEN) return 0;
  memcpy(out->bytes, raw + 10, NONCE_LEN);
  return 1;
}

static int compare_nonces(const void *a, const void *b) { return memcmp(a, b, NONCE_LEN); }

static size_t count_duplicates(nonce_t *nonces, size_t n) {
  size_t i, dups = 0;
  qsort(nonces, n, sizeof(nonce_t), compare_nonces);
  for (i = 1; i < n; i++)
    if (memcmp(nonces[i - 1].bytes, nonces[i].bytes, NONCE_LEN) == 0) dups++;
  return dups;
}

typedef struct {
  const zego_token_generator *generator; /* NULL: one-shot zego_generate_token04 */
  nonce_t *nonces;
  int failures;
} worker_t;

static void *work(void *arg) {
  worker_t *w = arg;
  int i;
  for (i = 0; i < TOKENS_PER_THREAD; i++) {
    char *token = NULL;
    char *claims = NULL;
    int32_t rc = w->generator
                     ? zego_token_generator_generate(w->generator, "user_123456", 3600, NULL, &token)
                     : zego_generate_token04(APP_ID, "user_123456", SECRET, 3600, NULL, &token);
    if (rc != ZEGO_RESULT_OK || !gcm_nonce_of(token, &w->nonces[i]) ||
        zego_decode_token04(token, SECRET, &claims) != ZEGO_RESULT_OK) {
      w->failures++;
    }
    zego_string_free(claims);
    zego_string_free(token);
  }
  return NULL;
}

static void test_threads(const zego_token_generator *generator, const char *what) {
  pthread_t threads[THREADS];
  worker_t workers[THREADS];
  nonce_t *all = malloc(sizeof(nonce_t) * THREADS * TOKENS_PER_THREAD);
  int t, failures = 0;
  for (t = 0; t < THREADS; t++) {
    workers[t].generator = generator;
    workers[t].nonces = all + (size_t)t * TOKENS_PER_THREAD;
    workers[t].failures = 0;
    pthread_create(&threads[t], NULL, work, &workers[t]);
  }
  for (t = 0; t < THREADS; t++) {
    pthread_join(threads[t], NULL);
    failures += workers[t].failures;
  }
  fprintf(stderr, "%s: %d tokens, %d failures\n", what, THREADS * TOKENS_PER_THREAD, failures);
  CHECK("every token generated and decoded", failures == 0);
  CHECK("no two nonces equal across threads", count_duplicates(all, (size_t)THREADS * TOKENS_PER_THREAD) == 0);
  free(all);
}

/* Generates FORK_TOKENS tokens into `out`; returns how many failed. */
static int generate_nonces(const zego_token_generator *generator, nonce_t *out) {
  int i, failures = 0;
  for (i = 0; i < FORK_TOKENS; i++) {
    char *token = NULL;
    if (zego_token_generator_generate(generator, "u", 60, NULL, &token) != ZEGO_RESULT_OK ||
        !gcm_nonce_of(token, &out[i]))
      failures++;
    zego_string_free(token);
  }
  return failures;
}

/* Forks a child that generates FORK_TOKENS nonces (after forking a grandchild of its own when
 * `grandchild_too`) and sends them back through a pipe; returns how many nonces were read. */
static size_t nonces_from_child(const zego_token_generator *generator, nonce_t *out, int grandchild_too,
                                spawn_fn spawn) {
  int fds[2];
  pid_t pid;
  size_t got = 0;
  ssize_t n;
  if (pipe(fds) != 0) return 0;
  pid = spawn();
  if (pid == 0) {
    nonce_t *mine = malloc(sizeof(nonce_t) * FORK_TOKENS * 2);
    size_t count = FORK_TOKENS;
    close(fds[0]);
    if (grandchild_too) count += nonces_from_child(generator, mine + FORK_TOKENS, 0, spawn);
    if (generate_nonces(generator, mine) != 0) _exit(2);
    if (write(fds[1], mine, sizeof(nonce_t) * count) != (ssize_t)(sizeof(nonce_t) * count)) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  while ((n = read(fds[0], (char *)out + got, sizeof(nonce_t) * FORK_TOKENS * 2 - got)) > 0) got += (size_t)n;
  close(fds[0]);
  waitpid(pid, NULL, 0);
  return got / sizeof(nonce_t);
}

static void test_fork(const char *kind, spawn_fn spawn) {
  zego_token_generator *generator = NULL;
  nonce_t *all = malloc(sizeof(nonce_t) * FORK_TOKENS * 6);
  size_t n = 0, from_first, from_second;
  zego_token_generator_new(APP_ID, SECRET, &generator);
  /* The parent draws first, so its generator state exists before the forks copy it. */
  CHECK("parent generates before fork", generate_nonces(generator, all) == 0);
  n += FORK_TOKENS;
  from_first = nonces_from_child(generator, all + n, 1, spawn);
  n += from_first;
  from_second = nonces_from_child(generator, all + n, 0, spawn);
  n += from_second;
  CHECK("parent generates after fork", generate_nonces(generator, all + n) == 0);
  n += FORK_TOKENS;
  fprintf(stderr, "%s: %zu nonces from parent, 2 children and a grandchild\n", kind, n);
  CHECK("child and grandchild delivered all nonces", from_first == 2 * FORK_TOKENS);
  CHECK("second child delivered all nonces", from_second == FORK_TOKENS);
  CHECK("no nonce shared by parent, children and grandchild", count_duplicates(all, n) == 0);
  zego_token_generator_free(generator);
  free(all);
}

int main(void) {
  zego_token_generator *generator = NULL;
  const char *fork_kinds;
  CHECK("generator", zego_token_generator_new(APP_ID, SECRET, &generator) == ZEGO_RESULT_OK);
  test_threads(NULL, "one-shot");
  test_threads(generator, "shared generator");
  zego_token_generator_free(generator);
  test_fork("fork()", fork);
  fork_kinds = getenv("ZEGO_TEST_FORK_KINDS");
  if (fork_kinds != NULL && strcmp(fork_kinds, "fork") == 0) {
    fprintf(stderr, "_Fork() and clone(SIGCHLD): skipped (ZEGO_TEST_FORK_KINDS=fork)\n");
  } else {
    if (_Fork != NULL)
      test_fork("_Fork()", _Fork);
    else
      fprintf(stderr, "_Fork(): not in this C library, skipped\n");
    test_fork("clone(SIGCHLD)", raw_clone);
  }
  return SUMMARY();
}
