// The Objective-C binding's tests, one behaviour each, run by run-tests.sh (GCC + GNUstep Base, manual
// retain/release). The harness is a CHECK macro: GNUstep has no XCTest.
#import <Foundation/Foundation.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#import "ZegoToken.h"

static int passed = 0, failed = 0;
#define CHECK(what, cond)                                                   \
    do {                                                                    \
        if (cond) {                                                         \
            passed++;                                                       \
        } else {                                                            \
            failed++;                                                       \
            fprintf(stderr, "FAILED %s:%d: %s\n", __FILE__, __LINE__, what); \
        }                                                                   \
    } while (0)

static NSString *const Secret = @"0123456789abcdef0123456789abcdef";
static const uint32_t AppID = 1234567890u;

/// The lines of tests/vectors/<name> as dictionaries.
static NSArray *Vectors(NSString *name) {
    NSString *dir = [[[NSProcessInfo processInfo] environment] objectForKey:@"ZEGO_TOKEN_VECTORS"];
    NSString *text = [NSString stringWithContentsOfFile:[dir stringByAppendingPathComponent:name]
                                               encoding:NSUTF8StringEncoding
                                                  error:NULL];
    NSMutableArray *rows = [NSMutableArray array];
    for (NSString *line in [text componentsSeparatedByString:@"\n"]) {
        if ([line length] == 0) continue;
        id row = [NSJSONSerialization JSONObjectWithData:[line dataUsingEncoding:NSUTF8StringEncoding] options:0 error:NULL];
        if (row != nil) [rows addObject:row];
    }
    return rows;
}

static NSInteger CodeOf(NSError *error) { return error == nil ? 0 : [error code]; }

// --- vectors -------------------------------------------------------------------------------------

static void EveryOfficialTokenDecodesToItsRecordedClaims(void) {
    NSArray *rows = Vectors(@"official-tokens.jsonl");
    CHECK("576 official tokens", [rows count] == 576);
    NSUInteger ok = 0;
    for (NSDictionary *row in rows) {
        NSError *error = nil;
        ZTKClaims *c = [ZTKToken04 decodeToken:[row objectForKey:@"token"] secret:[row objectForKey:@"secret"] error:&error];
        NSDictionary *e = [row objectForKey:@"claims"];
        if (c != nil && c.appID == [[e objectForKey:@"app_id"] unsignedIntValue] &&
            [c.userID isEqualToString:[e objectForKey:@"user_id"]] && c.ctime == [[e objectForKey:@"ctime"] longLongValue] &&
            c.expire == [[e objectForKey:@"expire"] longLongValue] && c.nonce == [[e objectForKey:@"nonce"] longLongValue] &&
            [c.payload isEqualToString:[e objectForKey:@"payload"]] && [c.mode isEqualToString:[row objectForKey:@"format"]]) {
            ok++;
        } else {
            fprintf(stderr, "  %s: %s\n", [[row objectForKey:@"generator"] UTF8String], [[error description] UTF8String]);
        }
    }
    CHECK("every official token decodes to its claims", ok == [rows count]);
}

static void TokensBreakingAGenerationRuleDecodeWithTheirFindings(void) {
    NSArray *rows = Vectors(@"finding-tokens.jsonl");
    CHECK("6 finding tokens", [rows count] == 6);
    NSUInteger decoded = 0, verified = 0;
    for (NSDictionary *row in rows) {
        NSError *error = nil;
        NSString *token = [row objectForKey:@"token"], *secret = [row objectForKey:@"secret"];
        uint32_t appID = [[row objectForKey:@"app_id"] unsignedIntValue];
        ZTKGenerator *g = [[[ZTKGenerator alloc] initWithAppID:appID secret:secret error:&error] autorelease];
        ZTKClaims *a = [ZTKToken04 decodeToken:token secret:secret error:&error];
        ZTKClaims *b = [g decodeToken:token error:&error];
        NSDictionary *e = [row objectForKey:@"claims"];
        if (a != nil && b != nil && [a.userID isEqualToString:[e objectForKey:@"user_id"]] &&
            [a.findings isEqualToArray:[row objectForKey:@"findings"]] && [b.findings isEqualToArray:[row objectForKey:@"findings"]] &&
            [a.mode isEqualToString:[row objectForKey:@"format"]]) {
            decoded++;
        } else {
            fprintf(stderr, "  %s: %s\n", [[row objectForKey:@"name"] UTF8String], [[error description] UTF8String]);
        }
        ZTKVerifyOptions *options = [[[ZTKVerifyOptions alloc] init] autorelease];
        options.now = [NSDate dateWithTimeIntervalSince1970:[[row objectForKey:@"now"] doubleValue]];
        error = nil;
        ZTKClaims *v = [ZTKToken04 verifyToken:token secret:secret appID:appID options:options error:&error];
        NSInteger code = v != nil ? 0 : [error code];
        if (code == [[row objectForKey:@"verify_code"] integerValue]) verified++;
    }
    CHECK("every token breaking a generation rule decodes with its findings", decoded == [rows count]);
    CHECK("... and verifies when current, fails with code 24 when legacy", verified == [rows count]);
    NSDictionary *clean = [Vectors(@"official-tokens.jsonl") objectAtIndex:0];
    ZTKClaims *c = [ZTKToken04 decodeToken:[clean objectForKey:@"token"] secret:[clean objectForKey:@"secret"] error:NULL];
    CHECK("a token within the rules has no finding", c != nil && [c.findings count] == 0);
}

static void TheDeprecatedMatchedIndexSelectorStillAnswers(void) {
    NSError *error = nil;
    NSString *token = [ZTKToken04 generateWithAppID:AppID userID:@"u" secret:Secret effectiveTimeInSeconds:60 payload:nil error:&error];
    NSArray *secrets = [NSArray arrayWithObjects:@"fedcba9876543210fedcba9876543210", Secret, nil];
    NSUInteger secretIndex = 9, matched = 9;
    [ZTKToken04 verifyToken:token secrets:secrets appID:AppID options:nil secretIndex:&secretIndex error:&error];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    [ZTKToken04 verifyToken:token secrets:secrets appID:AppID options:nil matchedIndex:&matched error:&error];
#pragma GCC diagnostic pop
    CHECK("secretIndex: and the deprecated matchedIndex: give the matched secret", secretIndex == 1 && matched == 1);
    [ZTKToken04 decodeToken:token secret:@"fedcba9876543210fedcba9876543210" error:&error];
    CHECK("code 23 is ZTKErrorAuthFailed, the C name", [error code] == ZTKErrorAuthFailed);
}

static NSInteger CategoryCode(NSString *category) {
    NSDictionary *codes = [NSDictionary dictionaryWithObjectsAndKeys:
        [NSNumber numberWithInt:0], @"ok", [NSNumber numberWithInt:20], @"malformed",
        [NSNumber numberWithInt:21], @"unsupported_version", [NSNumber numberWithInt:22], @"unsupported_mode",
        [NSNumber numberWithInt:23], @"auth_failed", [NSNumber numberWithInt:24], @"bad_plaintext",
        [NSNumber numberWithInt:30], @"expired", [NSNumber numberWithInt:31], @"not_yet_valid",
        [NSNumber numberWithInt:32], @"app_id_mismatch", nil];
    return [[codes objectForKey:category] integerValue];
}

static void EveryInvalidTokenGivesItsCategory(void) {
    NSArray *rows = Vectors(@"invalid-tokens.jsonl");
    NSUInteger ok = 0;
    for (NSDictionary *row in rows) {
        NSError *error = nil;
        if ([[row objectForKey:@"check"] isEqualToString:@"decode"]) {
            [ZTKToken04 decodeToken:[row objectForKey:@"token"] secret:[row objectForKey:@"secret"] error:&error];
        } else {
            ZTKVerifyOptions *options = [[[ZTKVerifyOptions alloc] init] autorelease];
            options.now = [NSDate dateWithTimeIntervalSince1970:[[row objectForKey:@"now"] doubleValue]];
            options.leeway = [[row objectForKey:@"leeway_seconds"] doubleValue];
            [ZTKToken04 verifyToken:[row objectForKey:@"token"]
                             secret:[row objectForKey:@"secret"]
                              appID:[[row objectForKey:@"app_id"] unsignedIntValue]
                            options:options
                              error:&error];
        }
        if (CodeOf(error) == CategoryCode([row objectForKey:@"expect"])) {
            ok++;
        } else {
            fprintf(stderr, "  %s: got %ld\n", [[row objectForKey:@"name"] UTF8String], (long)CodeOf(error));
        }
    }
    CHECK("every invalid token gives its category's code", ok == [rows count] && [rows count] == 30);
}

static void EveryVerifyCaseGivesItsCodeAndSecretIndex(void) {
    NSArray *rows = Vectors(@"verify-cases.jsonl");
    NSUInteger ok = 0;
    for (NSDictionary *row in rows) {
        ZTKVerifyOptions *options = [[[ZTKVerifyOptions alloc] init] autorelease];
        if ([row objectForKey:@"now"] != nil) { // a case without "now" checks at the system clock
            options.now = [NSDate dateWithTimeIntervalSince1970:[[row objectForKey:@"now"] doubleValue]];
        }
        options.leeway = [[row objectForKey:@"leeway_seconds"] doubleValue];
        id user = [row objectForKey:@"user_id"];
        if (user != nil && user != [NSNull null]) options.userID = user;
        options.requireGCM = [[row objectForKey:@"require_gcm"] boolValue];
        NSError *error = nil;
        NSUInteger index = 999;
        ZTKClaims *c = [ZTKToken04 verifyToken:[row objectForKey:@"token"]
                                       secrets:[row objectForKey:@"secrets"]
                                         appID:[[row objectForKey:@"app_id"] unsignedIntValue]
                                       options:options
                                   secretIndex:&index
                                         error:&error];
        NSInteger expected = [[row objectForKey:@"expect_code"] integerValue];
        BOOL good = expected == 0 ? (c != nil && index == [[row objectForKey:@"secret_index"] unsignedIntegerValue])
                                  : (c == nil && CodeOf(error) == expected);
        if (good) ok++; else fprintf(stderr, "  %s: got %ld\n", [[row objectForKey:@"name"] UTF8String], (long)CodeOf(error));
    }
    CHECK("every shared verify case gives its code and secret index", ok == [rows count] && [rows count] == 18);
}

static void PrivilegePayloadMatchesTheOfficialJSONByteForByte(void) {
    NSMutableSet *official = [NSMutableSet set];
    for (NSDictionary *row in Vectors(@"official-tokens.jsonl")) [official addObject:[[row objectForKey:@"claims"] objectForKey:@"payload"]];
    NSString *nullList = [[[[ZTKRtcRoomPayload alloc] initWithRoomID:@"room1" canLogin:YES canPublish:NO streamIDs:nil] autorelease]
        JSONStringWithError:NULL];
    NSString *emptyList = [[[[ZTKRtcRoomPayload alloc] initWithRoomID:@"room1" canLogin:YES canPublish:NO streamIDs:[NSArray array]]
        autorelease] JSONStringWithError:NULL];
    CHECK("null stream list", [nullList isEqualToString:@"{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":0},\"stream_id_list\":null}"]);
    CHECK("as an official generator writes it", [official containsObject:nullList]);
    CHECK("empty stream list as an official generator writes it", [official containsObject:emptyList]);
}

// --- the idiomatic API ---------------------------------------------------------------------------

static void GenerateThenDecodeRoundTripsUnicode(void) {
    NSArray *cases = [NSArray arrayWithObjects:
        [NSArray arrayWithObjects:@"user_中文_ü", @"载荷 ü é 😀 \u2028 end", nil],
        [NSArray arrayWithObjects:@"a\"b\\c", @"<b>&</b>", nil],
        [NSArray arrayWithObjects:@"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", @"", nil], nil];
    for (NSArray *pair in cases) {
        NSError *error = nil;
        NSString *token = [ZTKToken04 generateWithAppID:AppID userID:[pair objectAtIndex:0] secret:Secret
                                 effectiveTimeInSeconds:600 payload:[pair objectAtIndex:1] error:&error];
        ZTKClaims *c = [ZTKToken04 decodeToken:token secret:Secret error:&error];
        CHECK("unicode round trip", c != nil && [c.userID isEqualToString:[pair objectAtIndex:0]] &&
                                        [c.payload isEqualToString:[pair objectAtIndex:1]] && c.appID == AppID &&
                                        [c.mode isEqualToString:@"gcm"] && c.expire - c.ctime == 600);
    }
}

static void ClaimsCarryTheirTimesAsDates(void) {
    ZTKClaims *c = [ZTKToken04 decodeToken:[ZTKToken04 generateWithAppID:AppID userID:@"u" secret:Secret
                                                 effectiveTimeInSeconds:60 payload:nil error:NULL]
                                    secret:Secret
                                     error:NULL];
    CHECK("createdAt is ctime", (int64_t)[c.createdAt timeIntervalSince1970] == c.ctime);
    CHECK("expiresAt is expire", (int64_t)[c.expiresAt timeIntervalSince1970] == c.expire);
    CHECK("within a minute of now", fabs([c.createdAt timeIntervalSinceNow]) < 60);
}

static void AGeneratorGeneratesDecodesAndVerifiesWithItsKey(void) {
    NSError *error = nil;
    ZTKGenerator *g = [[[ZTKGenerator alloc] initWithAppID:AppID secret:Secret error:&error] autorelease];
    CHECK("generator made", g != nil && g.appID == AppID);
    NSString *token = [g generateForUserID:@"alice" effectiveTimeInSeconds:3600 payload:nil error:&error];
    CHECK("generates", token != nil && [token hasPrefix:@"04"]);
    CHECK("decodes with its key", [[[g decodeToken:token error:&error] userID] isEqualToString:@"alice"]);
    ZTKVerifyOptions *options = [[[ZTKVerifyOptions alloc] init] autorelease];
    options.userID = @"alice";
    CHECK("verifies with the expected user", [g verifyToken:token options:options error:&error] != nil);
    options.userID = @"bob";
    error = nil;
    CHECK("another user is code 33", [g verifyToken:token options:options error:&error] == nil && CodeOf(error) == 33);
    CHECK("description hides the secret", [[g description] rangeOfString:Secret].location == NSNotFound);
}

static void VerifyChecksTimeAppIDAndFormat(void) {
    NSString *token = [ZTKToken04 generateWithAppID:AppID userID:@"u" secret:Secret effectiveTimeInSeconds:60 payload:nil error:NULL];
    NSError *error = nil;
    CHECK("valid now", [ZTKToken04 verifyToken:token secret:Secret appID:AppID options:nil error:&error] != nil);
    CHECK("another app id is code 32", [ZTKToken04 verifyToken:token secret:Secret appID:7 options:nil error:&error] == nil &&
                                           CodeOf(error) == 32);
    ZTKVerifyOptions *later = [[[ZTKVerifyOptions alloc] init] autorelease];
    later.now = [NSDate dateWithTimeIntervalSinceNow:3600];
    CHECK("an hour later it has expired (30)", [ZTKToken04 verifyToken:token secret:Secret appID:AppID options:later error:&error] == nil &&
                                                   CodeOf(error) == 30);
    later.leeway = 7200;
    CHECK("leeway covers it", [ZTKToken04 verifyToken:token secret:Secret appID:AppID options:later error:&error] != nil);
    later.leeway = -1;
    CHECK("a negative leeway is code 10", [ZTKToken04 verifyToken:token secret:Secret appID:AppID options:later error:&error] == nil &&
                                              CodeOf(error) == 10);
    CHECK("a wrong secret is code 23",
          [ZTKToken04 verifyToken:token secret:@"fedcba9876543210fedcba9876543210" appID:AppID options:nil error:&error] == nil &&
              CodeOf(error) == 23);
    CHECK("errors carry the library's message", [[error localizedDescription] rangeOfString:@"secret"].location != NSNotFound &&
                                                    [[error domain] isEqualToString:ZegoTokenErrorDomain]);
}

static void ATokenLongerThanTheStackBufferIsMadeOnTheHeap(void) {
    NSMutableString *payload = [NSMutableString string];
    for (int i = 0; i < 1500; i++) [payload appendString:@"\"x\""];
    NSString *token = [ZTKToken04 generateWithAppID:AppID userID:@"u" secret:Secret effectiveTimeInSeconds:60 payload:payload error:NULL];
    CHECK("a 6 KB token", [token length] > 6000);
    CHECK("... decodes", [[[ZTKToken04 decodeToken:token secret:Secret error:NULL] payload] isEqualToString:payload]);
}

// --- the bad-input matrix ------------------------------------------------------------------------

static NSInteger GenerateCode(uint32_t app, NSString *user, NSString *secret, int64_t ttl, NSString *payload) {
    NSError *error = nil;
    NSString *token = [ZTKToken04 generateWithAppID:app userID:user secret:secret effectiveTimeInSeconds:ttl payload:payload error:&error];
    return token != nil ? 0 : CodeOf(error);
}

static void BadInputGivesItsCodeNeverACrash(void) {
    NSString *long65 = [@"" stringByPaddingToLength:65 withString:@"u" startingAtIndex:0];
    NSString *long64 = [@"" stringByPaddingToLength:64 withString:@"u" startingAtIndex:0];
    unichar lone = 0xD800;
    NSString *surrogate = [NSString stringWithCharacters:&lone length:1];
    CHECK("app id 0 is code 1", GenerateCode(0, @"u", Secret, 60, nil) == 1);
    CHECK("an empty user id is code 3", GenerateCode(AppID, @"", Secret, 60, nil) == 3);
    CHECK("a 65-byte user id is code 3", GenerateCode(AppID, long65, Secret, 60, nil) == 3);
    CHECK("a 64-byte user id is fine", GenerateCode(AppID, long64, Secret, 60, nil) == 0);
    CHECK("a nil user id is code 11", GenerateCode(AppID, nil, Secret, 60, nil) == 11);
    CHECK("a 31-byte secret is code 5", GenerateCode(AppID, @"u", [Secret substringToIndex:31], 60, nil) == 5);
    CHECK("a 33-byte secret is code 5", GenerateCode(AppID, @"u", [Secret stringByAppendingString:@"x"], 60, nil) == 5);
    CHECK("a non-ASCII secret is code 5", GenerateCode(AppID, @"u", @"0123456789abcdef0123456789abcdé", 60, nil) == 5);
    CHECK("a nil secret is code 11", GenerateCode(AppID, @"u", nil, 60, nil) == 11);
    CHECK("effective time 0 is code 6", GenerateCode(AppID, @"u", Secret, 0, nil) == 6);
    CHECK("a negative effective time is code 6", GenerateCode(AppID, @"u", Secret, -5, nil) == 6);
    CHECK("an overflowing expiry is code 6", GenerateCode(AppID, @"u", Secret, INT64_MAX, nil) == 6);
    unichar nul[3] = {'a', 0, 'b'};
    CHECK("a NUL in a string is code 10", GenerateCode(AppID, [NSString stringWithCharacters:nul length:3], Secret, 60, nil) == 10);
    // Apple's Foundation makes a string of a lone surrogate; GNUstep refuses to (nil, code 11).
    CHECK("a lone surrogate is code 12", surrogate == nil ? GenerateCode(AppID, surrogate, Secret, 60, nil) == 11
                                                          : GenerateCode(AppID, surrogate, Secret, 60, nil) == 12);
    NSString *good = [ZTKToken04 generateWithAppID:AppID userID:@"u" secret:Secret effectiveTimeInSeconds:60 payload:nil error:NULL];
    NSError *error = nil;
    CHECK("a truncated token is malformed (20)",
          [ZTKToken04 decodeToken:[good substringToIndex:[good length] - 8] secret:Secret error:&error] == nil && CodeOf(error) == 20);
    NSString *tampered = [[good substringToIndex:40] stringByAppendingString:
                             [[good substringWithRange:NSMakeRange(40, 1)] isEqualToString:@"A"] ? @"B" : @"A"];
    tampered = [tampered stringByAppendingString:[good substringFromIndex:41]];
    CHECK("an altered token is code 23", [ZTKToken04 decodeToken:tampered secret:Secret error:&error] == nil && CodeOf(error) == 23);
    CHECK("a nil token is code 11", [ZTKToken04 decodeToken:nil secret:Secret error:&error] == nil && CodeOf(error) == 11);
    CHECK("NULL error pointers are fine", [ZTKToken04 decodeToken:@"junk" secret:Secret error:NULL] == nil);
    CHECK("a generator with a bad secret is nil and code 5",
          [[ZTKGenerator alloc] initWithAppID:AppID secret:@"short" error:&error] == nil && CodeOf(error) == 5);
    CHECK("a bad room id is code 8", [[[[ZTKRtcRoomPayload alloc] initWithRoomID:@"" canLogin:YES canPublish:YES streamIDs:nil] autorelease]
                                         JSONStringWithError:&error] == nil && CodeOf(error) == 8);
}

// --- the official drop-in ------------------------------------------------------------------------

static void TheDropInHasTheOfficialShapeForSuccessAndEachError(void) {
    ZegoToken04Result *r = [ZegoToken GenerateToken04:AppID userID:@"demo" secret:Secret effectiveTimeInSeconds:3600 payload:nil];
    CHECK("success: code 0, \"success\", a token", r.errorInfo.errorCode == success && [r.errorInfo.errorMessage isEqualToString:@"success"] &&
                                                     [r.token hasPrefix:@"04"]);
    CHECK("the token decodes", [[[ZTKToken04 decodeToken:r.token secret:Secret error:NULL] userID] isEqualToString:@"demo"]);
    ErrorInfo *info = r.errorInfo; // the official class name
    CHECK("ErrorInfo is ZegoErrorInfo", [info isKindOfClass:[ZegoErrorInfo class]]);

    r = [ZegoToken GenerateToken04:0 userID:@"demo" secret:Secret effectiveTimeInSeconds:3600 payload:nil];
    CHECK("app id 0: code 1, no message, no token (as the official)", r.errorInfo.errorCode == appIDInvalid &&
                                                                        r.errorInfo.errorMessage == nil && r.token == nil);
    r = [ZegoToken GenerateToken04:AppID userID:@"" secret:Secret effectiveTimeInSeconds:3600 payload:nil];
    CHECK("empty user id: code 3, no message", r.errorInfo.errorCode == userIDInvalid && r.errorInfo.errorMessage == nil);
    r = [ZegoToken GenerateToken04:AppID userID:nil secret:Secret effectiveTimeInSeconds:3600 payload:nil];
    CHECK("nil user id: code 3", r.errorInfo.errorCode == userIDInvalid);
    r = [ZegoToken GenerateToken04:AppID userID:@"demo" secret:@"" effectiveTimeInSeconds:3600 payload:nil];
    CHECK("empty secret: code 5, no message", r.errorInfo.errorCode == secretInvalid && r.errorInfo.errorMessage == nil);
    r = [ZegoToken GenerateToken04:AppID userID:@"demo" secret:@"short" effectiveTimeInSeconds:3600 payload:nil];
    CHECK("short secret: code 5 and the official message, empty token",
          r.errorInfo.errorCode == secretInvalid && [r.errorInfo.errorMessage isEqualToString:@"secret must be a 32 byte string"] &&
              [r.token isEqualToString:@""]);
    r = [ZegoToken GenerateToken04:AppID userID:@"demo" secret:Secret effectiveTimeInSeconds:0 payload:nil];
    CHECK("effective time 0: code 6 and the official message",
          r.errorInfo.errorCode == effectiveTimeInSecondsInvalid &&
              [r.errorInfo.errorMessage isEqualToString:@"effectiveTimeInSeconds invalid"]);
    r = [ZegoToken GenerateToken04:AppID userID:[@"" stringByPaddingToLength:65 withString:@"u" startingAtIndex:0] secret:Secret
            effectiveTimeInSeconds:60 payload:nil];
    CHECK("a 65-byte user id: code 3 and the official message", r.errorInfo.errorCode == userIDInvalid &&
                                                                  [r.errorInfo.errorMessage isEqualToString:@"userID invalid"]);
    NSString *room = [[[[ZTKRtcRoomPayload alloc] initWithRoomID:@"room1" canLogin:YES canPublish:YES streamIDs:nil] autorelease]
        JSONStringWithError:NULL];
    r = [ZegoToken GenerateToken04:AppID userID:@"demo" secret:Secret effectiveTimeInSeconds:60 payload:room];
    CHECK("a privilege payload is carried", [[[ZTKToken04 decodeToken:r.token secret:Secret error:NULL] payload] isEqualToString:room]);
}

// --- threads and memory --------------------------------------------------------------------------

enum { Threads = 8, PerThread = 2000 };
static ZTKGenerator *SharedGenerator;
static NSData *Nonces[Threads][PerThread];

static void *GenerateMany(void *arg) {
    long t = (long)arg;
    NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
    for (int i = 0; i < PerThread; i++) {
        NSAutoreleasePool *inner = [[NSAutoreleasePool alloc] init];
        NSString *token = i % 2 ? [SharedGenerator generateForUserID:@"t" effectiveTimeInSeconds:60 payload:nil error:NULL]
                                : [ZTKToken04 generateWithAppID:AppID userID:@"t" secret:Secret effectiveTimeInSeconds:60 payload:nil error:NULL];
        ZTKClaims *c = [ZTKToken04 decodeToken:token secret:Secret error:NULL];
        // The GCM nonce: bytes 10 to 21 of the envelope (the token after "04", in base64).
        NSData *envelope = [[[NSData alloc] initWithBase64EncodedString:[token substringFromIndex:2] options:0] autorelease];
        Nonces[t][i] = c != nil && [envelope length] > 22 ? [[envelope subdataWithRange:NSMakeRange(10, 12)] retain] : nil;
        [inner drain];
    }
    [pool drain];
    return NULL;
}

static void ManyThreadsGenerateValidTokensWithDistinctNonces(void) {
    SharedGenerator = [[ZTKGenerator alloc] initWithAppID:AppID secret:Secret error:NULL];
    [NSThread detachNewThreadSelector:@selector(class) toTarget:[NSObject class] withObject:nil]; // GNUstep: enter multi-threaded mode
    pthread_t threads[Threads];
    for (long t = 0; t < Threads; t++) pthread_create(&threads[t], NULL, GenerateMany, (void *)t);
    for (long t = 0; t < Threads; t++) pthread_join(threads[t], NULL);
    NSMutableSet *seen = [NSMutableSet set];
    BOOL allValid = YES;
    for (int t = 0; t < Threads; t++) {
        for (int i = 0; i < PerThread; i++) {
            if (Nonces[t][i] == nil) allValid = NO; else [seen addObject:Nonces[t][i]];
            [Nonces[t][i] release];
        }
    }
    CHECK("every token from 8 threads is valid", allValid);
    CHECK("no two share a nonce", [seen count] == Threads * PerThread);
    [SharedGenerator release];
}

static long ResidentKiB(void) {
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f == NULL) return 0;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    fclose(f);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void AMillionCallsMixingSuccessAndFailureKeepResidentMemoryFlat(void) {
    ZTKGenerator *g = [[ZTKGenerator alloc] initWithAppID:AppID secret:Secret error:NULL];
    long before = 0;
    for (int i = 0; i < 1000000; i++) {
        NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
        NSError *error = nil;
        switch (i % 4) {
            case 0: [g generateForUserID:@"user_123456" effectiveTimeInSeconds:60 payload:nil error:&error]; break;
            case 1: [g generateForUserID:@"" effectiveTimeInSeconds:60 payload:nil error:&error]; break;
            case 2: [ZegoToken GenerateToken04:AppID userID:@"u" secret:@"short" effectiveTimeInSeconds:60 payload:nil]; break;
            default: [ZTKToken04 decodeToken:@"04AAAA" secret:Secret error:&error]; break;
        }
        [pool drain];
        if (i == 100000) before = ResidentKiB();
    }
    long after = ResidentKiB();
    [g release];
    fprintf(stderr, "  resident memory after 100,000 calls: %ld KiB, after 1,000,000: %ld KiB\n", before, after);
    CHECK("resident memory grows less than 2 MiB over 900,000 calls", after - before < 2048);
}

int main(void) {
    NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
    EveryOfficialTokenDecodesToItsRecordedClaims();
    TokensBreakingAGenerationRuleDecodeWithTheirFindings();
    EveryInvalidTokenGivesItsCategory();
    EveryVerifyCaseGivesItsCodeAndSecretIndex();
    TheDeprecatedMatchedIndexSelectorStillAnswers();
    PrivilegePayloadMatchesTheOfficialJSONByteForByte();
    GenerateThenDecodeRoundTripsUnicode();
    ClaimsCarryTheirTimesAsDates();
    AGeneratorGeneratesDecodesAndVerifiesWithItsKey();
    VerifyChecksTimeAppIDAndFormat();
    ATokenLongerThanTheStackBufferIsMadeOnTheHeap();
    BadInputGivesItsCodeNeverACrash();
    TheDropInHasTheOfficialShapeForSuccessAndEachError();
    ManyThreadsGenerateValidTokensWithDistinctNonces();
    AMillionCallsMixingSuccessAndFailureKeepResidentMemoryFlat();
    [pool drain];
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
