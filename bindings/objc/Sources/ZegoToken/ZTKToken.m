// The idiomatic Objective-C API over the C ABI of include/zego_token.h. Nothing here decides what a
// token is: every rule is the library's; this file converts NSStrings to UTF-8, library codes to
// NSErrors, and frees what the library returned.
#import "ZTKToken.h"
#import "ZTKMemory.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "zego_token.h"

NSString *const ZegoTokenErrorDomain = @"ZegoTokenErrorDomain";

// --- conversions ---------------------------------------------------------------------------------

/// Fills *error (if asked for) with the library's code and message; returns NO for `return` chains.
static BOOL ZTKFail(NSError **error, NSInteger code, NSString *detail) {
    if (error != NULL) {
        NSString *message = detail != nil ? detail : [ZTKToken04 messageForCode:code];
        NSDictionary *info = [NSDictionary dictionaryWithObject:message forKey:NSLocalizedDescriptionKey];
        *error = [NSError errorWithDomain:ZegoTokenErrorDomain code:code userInfo:info];
    }
    return NO;
}

/// The linked library must implement the C ABI this binding was written for.
static BOOL ZTKCheckABI(NSError **error) {
    uint32_t found = zego_token_abi_version();
    if (found == ZEGO_TOKEN_ABI_VERSION) return YES;
    return ZTKFail(error, ZEGO_RESULT_INVALID_ARGUMENT,
                   [NSString stringWithFormat:@"the linked libzego_token implements C ABI version %u but this binding needs "
                                              @"version %u: rebuild the library from the same zego-token release",
                                              found, (unsigned)ZEGO_TOKEN_ABI_VERSION]);
}

/// A string as NUL-terminated UTF-8 for one call (the string's own buffer, which lives as long as the
/// string and the current autorelease pool), its length in bytes in *length. NULL and an error for a
/// nil string when it is required (code 11; an optional nil is ""), a string that is not
/// encodable (code 12) or one with a NUL inside (code 10, as in every binding: C strings end at NUL,
/// so the binding refuses rather than cut).
static const char *ZTKText(NSString *value, NSString *name, BOOL required, size_t *length, NSError **error) {
    if (value == nil) {
        *length = 0;
        if (!required) return "";
        ZTKFail(error, ZEGO_RESULT_NULL_POINTER, [NSString stringWithFormat:@"%@ must not be nil", name]);
        return NULL;
    }
    const char *text = [value UTF8String];
    if (text == NULL) {
        ZTKFail(error, ZEGO_RESULT_INVALID_UTF8, [NSString stringWithFormat:@"%@ is not encodable as UTF-8", name]);
        return NULL;
    }
    *length = strlen(text);
    // As many bytes as UTF-16 units: ASCII, no NUL (the common case, no second pass). Otherwise a NUL
    // would make the C string shorter than the string's UTF-8.
    if (*length != [value length] && *length != [value lengthOfBytesUsingEncoding:NSUTF8StringEncoding]) {
        ZTKFail(error, ZEGO_RESULT_INVALID_ARGUMENT, [NSString stringWithFormat:@"%@ must not contain NUL characters", name]);
        return NULL;
    }
    return text;
}

/// Copies a string the library returned and frees the library's copy.
static NSString *ZTKTake(char *text) {
    NSString *copy = [NSString stringWithUTF8String:text];
    zego_string_free(text);
    return copy;
}

/// The arguments of one of the library's _into calls: the generator's, or the one-shot's when
/// `generator` is NULL. (A struct, not a block: GCC's Objective-C has no blocks.)
/// (C pointers only: ARC allows no object pointers in a C struct. They point into the caller's strings.)
typedef struct {
    const zego_token_generator *generator;
    uint32_t app_id;
    const char *user;
    size_t user_len;
    const char *secret;
    size_t secret_len;
    int64_t effective_time_in_seconds;
    const char *payload;
    size_t payload_len;
} ZTKRequest;

static int32_t ZTKCallInto(const ZTKRequest *r, char *buffer, size_t capacity, size_t *length) {
    if (r->generator != NULL) {
        return zego_token_generator_generate_into(r->generator, r->user, r->user_len, r->effective_time_in_seconds,
                                                  r->payload, r->payload_len, buffer, capacity, length);
    }
    return zego_generate_token04_into(r->app_id, r->user, r->user_len, r->secret, r->secret_len,
                                      r->effective_time_in_seconds, r->payload, r->payload_len, buffer, capacity, length);
}

/// Runs the call into a stack buffer, then into a heap one of the size the library asks for.
static NSString *ZTKTokenInto(const ZTKRequest *request, NSError **error) {
    char stack[1024];
    size_t length = 0;
    int32_t code = ZTKCallInto(request, stack, sizeof stack, &length);
    if (code == ZEGO_RESULT_OK) {
        return ZTK_AUTORELEASE([[NSString alloc] initWithBytes:stack length:length encoding:NSASCIIStringEncoding]);
    }
    if (code != ZEGO_RESULT_BUFFER_TOO_SMALL) {
        ZTKFail(error, code, nil);
        return nil;
    }
    char *heap = malloc(length);
    if (heap == NULL) {
        ZTKFail(error, ZEGO_RESULT_PANIC, @"out of memory");
        return nil;
    }
    code = ZTKCallInto(request, heap, length, &length);
    NSString *token = code == ZEGO_RESULT_OK
                          ? ZTK_AUTORELEASE([[NSString alloc] initWithBytes:heap length:length encoding:NSASCIIStringEncoding])
                          : nil;
    free(heap);
    if (token == nil) ZTKFail(error, code, nil);
    return token;
}

// --- ZTKClaims -----------------------------------------------------------------------------------

@interface ZTKClaims ()
- (instancetype)initWithView:(const zego_token_claims_view *)view findings:(uint32_t)findings;
@end

@implementation ZTKClaims
@synthesize appID = _appID;
@synthesize userID = _userID;
@synthesize ctime = _ctime;
@synthesize expire = _expire;
@synthesize nonce = _nonce;
@synthesize payload = _payload;
@synthesize mode = _mode;
@synthesize findings = _findings;

- (instancetype)initWithView:(const zego_token_claims_view *)view findings:(uint32_t)findings {
    if ((self = [super init])) {
        _appID = view->app_id;
        _userID = [[NSString alloc] initWithBytes:view->user_id length:view->user_id_len encoding:NSUTF8StringEncoding];
        _ctime = view->ctime;
        _expire = view->expire;
        _nonce = view->nonce;
        _payload = [[NSString alloc] initWithBytes:view->payload length:view->payload_len encoding:NSUTF8StringEncoding];
        _mode = [[NSString alloc] initWithUTF8String:view->mode];
        NSMutableArray *names = [NSMutableArray array];
        for (uint32_t bit = 1; bit != 0 && bit <= findings; bit <<= 1) {
            if ((findings & bit) != 0) [names addObject:[NSString stringWithUTF8String:zego_finding_name(bit)]];
        }
        _findings = [names copy];
    }
    return self;
}

/// Claims of a handle the library returned; the handle is freed.
+ (ZTKClaims *)claimsTakingHandle:(zego_token_claims *)handle {
    zego_token_claims_view view;
    ZTKClaims *claims = nil;
    if (zego_token_claims_fields(handle, &view) == ZEGO_RESULT_OK) {
        claims = ZTK_AUTORELEASE([[ZTKClaims alloc] initWithView:&view findings:zego_token_claims_findings(handle)]);
    }
    zego_token_claims_free(handle);
    return claims;
}

- (NSDate *)createdAt { return [NSDate dateWithTimeIntervalSince1970:(NSTimeInterval)_ctime]; }
- (NSDate *)expiresAt { return [NSDate dateWithTimeIntervalSince1970:(NSTimeInterval)_expire]; }

- (NSString *)description {
    return [NSString stringWithFormat:@"<ZTKClaims appID=%u userID=%@ ctime=%lld expire=%lld nonce=%lld payload=%@ mode=%@ findings=%@>",
                                      _appID, _userID, (long long)_ctime, (long long)_expire, (long long)_nonce, _payload, _mode,
                                      [_findings componentsJoinedByString:@","]];
}

- (void)dealloc {
    ZTK_RELEASE(_userID);
    ZTK_RELEASE(_payload);
    ZTK_RELEASE(_mode);
    ZTK_RELEASE(_findings);
    ZTK_SUPER_DEALLOC();
}
@end

// --- ZTKVerifyOptions ----------------------------------------------------------------------------

@implementation ZTKVerifyOptions
@synthesize now = _now;
@synthesize leeway = _leeway;
@synthesize userID = _userID;
@synthesize requireGCM = _requireGCM;

/// The native options these settings make, or NULL and an error; freed by the caller.
- (zego_verify_options *)nativeOptionsWithError:(NSError **)error {
    zego_verify_options *options = NULL;
    int32_t code = zego_verify_options_new(&options);
    if (code == ZEGO_RESULT_OK && _now != nil) {
        code = zego_verify_options_set_now(options, (int64_t)floor([_now timeIntervalSince1970]));
    }
    if (code == ZEGO_RESULT_OK) code = zego_verify_options_set_leeway(options, (int64_t)floor(_leeway));
    if (code == ZEGO_RESULT_OK) code = zego_verify_options_set_require_gcm(options, _requireGCM ? 1 : 0);
    if (code == ZEGO_RESULT_OK && _userID != nil) {
        size_t length;
        const char *user = ZTKText(_userID, @"userID", YES, &length, error);
        if (user == NULL) {
            zego_verify_options_free(options);
            return NULL;
        }
        code = zego_verify_options_set_user_id(options, user);
    }
    if (code != ZEGO_RESULT_OK) {
        zego_verify_options_free(options);
        ZTKFail(error, code, nil);
        return NULL;
    }
    return options;
}

- (void)dealloc {
    ZTK_RELEASE(_now);
    ZTK_RELEASE(_userID);
    ZTK_SUPER_DEALLOC();
}
@end

/// The options' native form, NULL (the library's defaults) for nil options.
static BOOL ZTKNativeOptions(ZTKVerifyOptions *options, zego_verify_options **out, NSError **error) {
    *out = NULL;
    if (options == nil) return YES;
    *out = [options nativeOptionsWithError:error];
    return *out != NULL;
}

// --- ZTKRtcRoomPayload ---------------------------------------------------------------------------

@implementation ZTKRtcRoomPayload
@synthesize roomID = _roomID;
@synthesize canLogin = _canLogin;
@synthesize canPublish = _canPublish;
@synthesize streamIDs = _streamIDs;

- (instancetype)initWithRoomID:(NSString *)roomID canLogin:(BOOL)canLogin canPublish:(BOOL)canPublish streamIDs:(NSArray *)streamIDs {
    if ((self = [super init])) {
        _roomID = [roomID copy];
        _canLogin = canLogin;
        _canPublish = canPublish;
        _streamIDs = [streamIDs copy];
    }
    return self;
}

- (NSString *)JSONStringWithError:(NSError **)error {
    if (!ZTKCheckABI(error)) return nil;
    size_t length;
    const char *room = ZTKText(_roomID, @"roomID", YES, &length, error);
    if (room == NULL) return nil;
    NSUInteger count = [_streamIDs count];
    const char **ids = count > 0 ? malloc(count * sizeof(const char *)) : NULL;
    if (count > 0 && ids == NULL) {
        ZTKFail(error, ZEGO_RESULT_PANIC, @"out of memory");
        return nil;
    }
    NSUInteger i;
    for (i = 0; i < count; i++) {
        id item = [_streamIDs objectAtIndex:i];
        ids[i] = [item isKindOfClass:[NSString class]] ? ZTKText(item, @"streamID", YES, &length, error) : NULL;
        if (ids[i] == NULL) {
            if (![item isKindOfClass:[NSString class]]) ZTKFail(error, ZEGO_RESULT_INVALID_ARGUMENT, @"stream ids must be NSStrings");
            free(ids);
            return nil;
        }
    }
    char *json = NULL;
    int32_t code = zego_rtc_room_payload(room, _canLogin ? 1 : 0, _canPublish ? 1 : 0,
                                         _streamIDs == nil ? NULL : ids, _streamIDs == nil ? 0 : count, &json);
    free(ids);
    if (code != ZEGO_RESULT_OK) {
        ZTKFail(error, code, nil);
        return nil;
    }
    return ZTKTake(json);
}

- (void)dealloc {
    ZTK_RELEASE(_roomID);
    ZTK_RELEASE(_streamIDs);
    ZTK_SUPER_DEALLOC();
}
@end

// --- ZTKToken04 ----------------------------------------------------------------------------------

@implementation ZTKToken04

+ (NSString *)generateWithAppID:(uint32_t)appID
                         userID:(NSString *)userID
                         secret:(NSString *)secret
         effectiveTimeInSeconds:(int64_t)effectiveTimeInSeconds
                        payload:(NSString *)payload
                          error:(NSError **)error {
    if (!ZTKCheckABI(error)) return nil;
    ZTKRequest request;
    request.generator = NULL;
    request.app_id = appID;
    request.effective_time_in_seconds = effectiveTimeInSeconds;
    if ((request.user = ZTKText(userID, @"userID", YES, &request.user_len, error)) == NULL ||
        (request.secret = ZTKText(secret, @"secret", YES, &request.secret_len, error)) == NULL ||
        (request.payload = ZTKText(payload, @"payload", NO, &request.payload_len, error)) == NULL)
        return nil;
    return ZTKTokenInto(&request, error);
}

+ (ZTKClaims *)decodeToken:(NSString *)token secret:(NSString *)secret error:(NSError **)error {
    if (!ZTKCheckABI(error)) return nil;
    size_t text_len, key_len;
    const char *text = ZTKText(token, @"token", YES, &text_len, error);
    const char *key = text != NULL ? ZTKText(secret, @"secret", YES, &key_len, error) : NULL;
    if (key == NULL) return nil;
    zego_token_claims *claims = NULL;
    int32_t code = zego_decode_token04_bytes(text, text_len, key, key_len, &claims);
    if (code != ZEGO_RESULT_OK) {
        ZTKFail(error, code, nil);
        return nil;
    }
    return [ZTKClaims claimsTakingHandle:claims];
}

+ (ZTKClaims *)verifyToken:(NSString *)token
                    secret:(NSString *)secret
                     appID:(uint32_t)appID
                   options:(ZTKVerifyOptions *)options
                     error:(NSError **)error {
    if (secret == nil) {
        ZTKFail(error, ZEGO_RESULT_NULL_POINTER, @"secret must not be nil");
        return nil;
    }
    return [self verifyToken:token secrets:[NSArray arrayWithObject:secret] appID:appID options:options secretIndex:NULL error:error];
}

+ (ZTKClaims *)verifyToken:(NSString *)token
                   secrets:(NSArray *)secrets
                     appID:(uint32_t)appID
                   options:(ZTKVerifyOptions *)options
              matchedIndex:(NSUInteger *)matchedIndex
                     error:(NSError **)error {
    return [self verifyToken:token secrets:secrets appID:appID options:options secretIndex:matchedIndex error:error];
}

+ (ZTKClaims *)verifyToken:(NSString *)token
                   secrets:(NSArray *)secrets
                     appID:(uint32_t)appID
                   options:(ZTKVerifyOptions *)options
               secretIndex:(NSUInteger *)secretIndex
                     error:(NSError **)error {
    if (!ZTKCheckABI(error)) return nil;
    size_t length;
    const char *text = ZTKText(token, @"token", YES, &length, error);
    if (text == NULL) return nil;
    if (secrets == nil) {
        ZTKFail(error, ZEGO_RESULT_NULL_POINTER, @"secrets must not be nil");
        return nil;
    }
    NSUInteger count = [secrets count];
    const char **keys = malloc((count > 0 ? count : 1) * sizeof(const char *));
    if (keys == NULL) {
        ZTKFail(error, ZEGO_RESULT_PANIC, @"out of memory");
        return nil;
    }
    NSUInteger i;
    for (i = 0; i < count; i++) {
        id item = [secrets objectAtIndex:i];
        keys[i] = [item isKindOfClass:[NSString class]] ? ZTKText(item, @"secret", YES, &length, error) : NULL;
        if (keys[i] == NULL) {
            if (![item isKindOfClass:[NSString class]]) ZTKFail(error, ZEGO_RESULT_INVALID_ARGUMENT, @"secrets must be NSStrings");
            free(keys);
            return nil;
        }
    }
    zego_verify_options *native = NULL;
    if (!ZTKNativeOptions(options, &native, error)) {
        free(keys);
        return nil;
    }
    zego_token_claims *claims = NULL;
    size_t index = 0;
    int32_t code = zego_verify_token04_with_options(text, keys, count, appID, native, &claims, &index);
    zego_verify_options_free(native);
    free(keys);
    if (code != ZEGO_RESULT_OK) {
        ZTKFail(error, code, nil);
        return nil;
    }
    if (secretIndex != NULL) *secretIndex = (NSUInteger)index;
    return [ZTKClaims claimsTakingHandle:claims];
}

+ (NSString *)messageForCode:(NSInteger)code {
    return [NSString stringWithUTF8String:zego_error_message((int32_t)code)];
}

+ (NSString *)libraryVersion {
    return [NSString stringWithUTF8String:zego_token_version()];
}
@end

// --- ZTKGenerator --------------------------------------------------------------------------------

@implementation ZTKGenerator
@synthesize appID = _appID;

- (instancetype)initWithAppID:(uint32_t)appID secret:(NSString *)secret error:(NSError **)error {
    if ((self = [super init])) {
        size_t length;
        const char *key = ZTKCheckABI(error) ? ZTKText(secret, @"secret", YES, &length, error) : NULL;
        zego_token_generator *handle = NULL;
        int32_t code = key != NULL ? zego_token_generator_new(appID, key, &handle) : ZEGO_RESULT_OK;
        if (key == NULL || code != ZEGO_RESULT_OK) {
            if (key != NULL) ZTKFail(error, code, nil);
            ZTK_RELEASE(self);
            return nil;
        }
        _handle = handle;
        _appID = appID;
    }
    return self;
}

- (NSString *)generateForUserID:(NSString *)userID
         effectiveTimeInSeconds:(int64_t)effectiveTimeInSeconds
                        payload:(NSString *)payload
                          error:(NSError **)error {
    ZTKRequest request;
    request.generator = (const zego_token_generator *)_handle;
    request.app_id = _appID;
    request.secret = NULL;
    request.secret_len = 0;
    request.effective_time_in_seconds = effectiveTimeInSeconds;
    if ((request.user = ZTKText(userID, @"userID", YES, &request.user_len, error)) == NULL ||
        (request.payload = ZTKText(payload, @"payload", NO, &request.payload_len, error)) == NULL)
        return nil;
    return ZTKTokenInto(&request, error);
}

- (ZTKClaims *)decodeToken:(NSString *)token error:(NSError **)error {
    size_t length;
    const char *text = ZTKText(token, @"token", YES, &length, error);
    if (text == NULL) return nil;
    zego_token_claims *claims = NULL;
    int32_t code = zego_token_generator_decode_bytes(_handle, text, length, &claims);
    if (code != ZEGO_RESULT_OK) {
        ZTKFail(error, code, nil);
        return nil;
    }
    return [ZTKClaims claimsTakingHandle:claims];
}

- (ZTKClaims *)verifyToken:(NSString *)token options:(ZTKVerifyOptions *)options error:(NSError **)error {
    size_t length;
    const char *text = ZTKText(token, @"token", YES, &length, error);
    if (text == NULL) return nil;
    zego_verify_options *native = NULL;
    if (!ZTKNativeOptions(options, &native, error)) return nil;
    zego_token_claims *claims = NULL;
    int32_t code = zego_token_generator_verify(_handle, text, native, &claims);
    zego_verify_options_free(native);
    if (code != ZEGO_RESULT_OK) {
        ZTKFail(error, code, nil);
        return nil;
    }
    return [ZTKClaims claimsTakingHandle:claims];
}

- (NSString *)description {
    return [NSString stringWithFormat:@"<ZTKGenerator appID=%u secret=<redacted>>", _appID];
}

- (void)dealloc {
    zego_token_generator_free(_handle); // zeroizes the key
    ZTK_SUPER_DEALLOC();
}
@end
