// zego-token's Objective-C API against careful hand-written Objective-C making the same Token04 on
// OpenSSL 3 (what an Objective-C server has for AES-GCM off Apple platforms; the official
// Objective-C plug-in wraps OpenSSL too): cipher fetched once, one EVP_CIPHER_CTX reused with the key
// kept or set per call, one getrandom per token, the result as an NSString. Side by side in one
// process: each round runs every implementation for n tokens in turn, the figure is the median round.
//   bindings/objc/run-tests.sh --bench [rounds] [n]
#import <Foundation/Foundation.h>
#import <openssl/evp.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#import "ZegoToken.h"

static NSString *const Secret = @"0123456789abcdef0123456789abcdef";
static const uint32_t AppID = 1234567890u;

static EVP_CIPHER *Gcm;
static EVP_CIPHER_CTX *OneShotContext, *KeptContext;

static size_t JSONString(char *out, const char *s) {
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

/// The baseline; key NULL uses the key kept in the context.
static NSString *HandWritten(EVP_CIPHER_CTX *ctx, NSString *userID, const char *key, int64_t ttl, NSString *payload) {
    unsigned char random[16], body[8192];
    char plain[4096], token[12000];
    int32_t nonce;
    int outl;
    int64_t ctime = (int64_t)time(NULL), expire = ctime + ttl;
    if (getrandom(random, sizeof random, 0) != (ssize_t)sizeof random) return nil;
    memcpy(&nonce, random + 12, 4);
    size_t n = (size_t)sprintf(plain, "{\"app_id\":%u,\"user_id\":", AppID);
    n += JSONString(plain + n, [userID UTF8String]);
    n += (size_t)sprintf(plain + n, ",\"ctime\":%lld,\"expire\":%lld,\"nonce\":%d,\"payload\":", (long long)ctime, (long long)expire, nonce);
    n += JSONString(plain + n, [payload UTF8String]);
    plain[n++] = '}';
    for (int i = 0; i < 8; i++) body[i] = (unsigned char)((uint64_t)expire >> (56 - 8 * i));
    body[8] = 0;
    body[9] = 12;
    memcpy(body + 10, random, 12);
    body[22] = (unsigned char)((n + 16) >> 8);
    body[23] = (unsigned char)(n + 16);
    if (!EVP_EncryptInit_ex2(ctx, key ? Gcm : NULL, (const unsigned char *)key, random, NULL) ||
        !EVP_EncryptUpdate(ctx, body + 24, &outl, (const unsigned char *)plain, (int)n) ||
        !EVP_EncryptFinal_ex(ctx, body + 24 + outl, &outl) || !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, body + 24 + n))
        return nil;
    size_t len = 24 + n + 16;
    body[len++] = 1;
    token[0] = '0';
    token[1] = '4';
    int encoded = EVP_EncodeBlock((unsigned char *)token + 2, body, (int)len);
    return [[[NSString alloc] initWithBytes:token length:(NSUInteger)encoded + 2 encoding:NSASCIIStringEncoding] autorelease];
}

static double NowNs(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int CompareDoubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

enum { Impls = 5, MaxRounds = 101 };

int main(int argc, char **argv) {
    NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
    int rounds = argc > 1 ? atoi(argv[1]) : 21, n = argc > 2 ? atoi(argv[2]) : 50000;
    if (rounds > MaxRounds) rounds = MaxRounds;
    Gcm = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
    OneShotContext = EVP_CIPHER_CTX_new();
    KeptContext = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex2(KeptContext, Gcm, (const unsigned char *)[Secret UTF8String], NULL, NULL);
    ZTKGenerator *generator = [[ZTKGenerator alloc] initWithAppID:AppID secret:Secret error:NULL];
    NSString *room = [[[[ZTKRtcRoomPayload alloc] initWithRoomID:@"room-1" canLogin:YES canPublish:YES streamIDs:nil] autorelease]
        JSONStringWithError:NULL];
    const char *names[Impls] = {"hand-written OpenSSL, one-shot (key per call)", "ZTKToken04 generate (one-shot)",
                                "ZegoToken GenerateToken04 (official drop-in)", "hand-written OpenSSL, key kept",
                                "ZTKGenerator generate (reusable)"};
#define ZTK_STRING(x) #x
#define ZTK_VERSION(x) ZTK_STRING(x)
#ifdef GNUSTEP_BASE_VERSION
    const char *foundation = "GNUstep Base " ZTK_VERSION(GNUSTEP_BASE_VERSION);
#else
    const char *foundation = "Foundation";
#endif
    printf("Objective-C (%s), zego-token %s; median of %d interleaved rounds of %d tokens\n", foundation,
           [[ZTKToken04 libraryVersion] UTF8String], rounds, n);
    printf("%-9s %-46s %12s %9s %8s\n", "payload", "implementation", "tokens/s", "us/token", "speed-up");
    NSString *payloads[2] = {@"", room};
    const char *labels[2] = {"empty", "privilege"};
    for (int p = 0; p < 2; p++) {
        NSString *payload = payloads[p];
        if ([ZTKToken04 decodeToken:HandWritten(KeptContext, @"user_123456", NULL, 3600, payload) secret:Secret error:NULL] == nil) {
            fprintf(stderr, "the baseline's token does not decode\n");
            return 1;
        }
        static double samples[Impls][MaxRounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < Impls; k++) {
                double start = NowNs();
                for (int i = 0; i < n; i++) {
                    NSAutoreleasePool *inner = [[NSAutoreleasePool alloc] init];
                    id token = nil;
                    switch (k) {
                        case 0: token = HandWritten(OneShotContext, @"user_123456", [Secret UTF8String], 3600, payload); break;
                        case 1: token = [ZTKToken04 generateWithAppID:AppID userID:@"user_123456" secret:Secret effectiveTimeInSeconds:3600
                                                              payload:payload error:NULL]; break;
                        case 2: token = [[ZegoToken GenerateToken04:AppID userID:@"user_123456" secret:Secret effectiveTimeInSeconds:3600
                                                             payload:payload] token]; break;
                        case 3: token = HandWritten(KeptContext, @"user_123456", NULL, 3600, payload); break;
                        default: token = [generator generateForUserID:@"user_123456" effectiveTimeInSeconds:3600 payload:payload error:NULL];
                    }
                    if (token == nil) abort();
                    [inner drain];
                }
                samples[k][r] = (NowNs() - start) / n;
            }
        }
        double median[Impls];
        for (int k = 0; k < Impls; k++) {
            qsort(samples[k], (size_t)rounds, sizeof(double), CompareDoubles);
            median[k] = samples[k][rounds / 2];
        }
        for (int k = 0; k < Impls; k++) {
            double base = median[k < 3 ? 0 : 3]; // one-shot against one-shot, reusable against reusable
            printf("%-9s %-46s %12.0f %9.3f %7.2fx\n", labels[p], names[k], 1e9 / median[k], median[k] / 1000, base / median[k]);
        }
    }
    [generator release];
    EVP_CIPHER_CTX_free(OneShotContext);
    EVP_CIPHER_CTX_free(KeptContext);
    EVP_CIPHER_free(Gcm);
    [pool drain];
    return 0;
}
