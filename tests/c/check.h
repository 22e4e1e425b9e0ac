/* A minimal test harness for the C tests: CHECK records a pass or a failure, SUMMARY prints the
 * closing "N passed, N failed" line and returns the exit status. */
#ifndef ZEGO_TOKEN_TEST_CHECK_H
#define ZEGO_TOKEN_TEST_CHECK_H

#include <stdio.h>

static int checks_passed = 0;
static int checks_failed = 0;

#define CHECK(name, condition)                                                   \
  do {                                                                           \
    if (condition) {                                                             \
      checks_passed++;                                                           \
    } else {                                                                     \
      checks_failed++;                                                           \
      fprintf(stderr, "FAIL %s:%d: %s (%s)\n", __FILE__, __LINE__, name, #condition); \
    }                                                                            \
  } while (0)

#define SUMMARY()                                                      \
  (printf("%d passed, %d failed\n", checks_passed, checks_failed),     \
   checks_failed == 0 ? 0 : 1)

#endif
