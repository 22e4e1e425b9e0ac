/* The packaged library, end to end, on any platform (scripts/dist --check runs it natively, under
 * qemu-user and under wine). Only ISO C: it builds with any C compiler for any target.
 *
 *   smoke version                  prints the library version; fails if its ABI is not this header's
 *   smoke generate APP_ID USER_ID  prints a token made with $ZEGO_SERVER_SECRET
 *   smoke decode TOKEN             prints the claims of TOKEN (JSON), decrypted with $ZEGO_SERVER_SECRET
 *
 * On failure it prints the library's message on stderr and exits with the library's code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zego_token.h"

static int fail(int32_t code) {
    fprintf(stderr, "smoke: %s (code %d)\n", zego_error_message(code), (int)code);
    return code;
}

int main(int argc, char **argv) {
    const char *secret = getenv("ZEGO_SERVER_SECRET");
    char *out = NULL;
    int32_t rc;

    if (zego_token_abi_version() != ZEGO_TOKEN_ABI_VERSION) {
        fprintf(stderr, "smoke: library ABI %u, header ABI %u\n", zego_token_abi_version(), ZEGO_TOKEN_ABI_VERSION);
        return 2;
    }
    if (argc == 2 && strcmp(argv[1], "version") == 0) {
        printf("%s\n", zego_token_version());
        return 0;
    }
    if (secret == NULL) {
        fprintf(stderr, "smoke: set ZEGO_SERVER_SECRET\n");
        return 2;
    }
    if (argc == 4 && strcmp(argv[1], "generate") == 0) {
        rc = zego_generate_token04((uint32_t)strtoul(argv[2], NULL, 10), argv[3], secret, 3600, NULL, &out);
    } else if (argc == 3 && strcmp(argv[1], "decode") == 0) {
        rc = zego_decode_token04(argv[2], secret, &out);
    } else {
        fprintf(stderr, "usage: smoke version | generate APP_ID USER_ID | decode TOKEN\n");
        return 2;
    }
    if (rc != 0) {
        return fail(rc);
    }
    printf("%s\n", out);
    zego_string_free(out);
    return 0;
}
