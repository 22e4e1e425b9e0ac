// zego-token for Objective-C: generate, decode and verify ZEGO Token04 tokens through the one
// audited Rust core (libzego_token). Every failure is an NSError in ZegoTokenErrorDomain whose code
// is the library's code (the same number in every language; 1, 3, 5 and 6 as in ZEGO's plug-in).
//
// Memory: the methods follow Cocoa's rules (objects they return are autoreleased; init returns a
// retained object), so the headers serve manual retain/release and ARC alike. Every class is
// immutable once made, except ZTKVerifyOptions, and safe to use from several threads.
#ifndef ZTK_TOKEN_H
#define ZTK_TOKEN_H

#import "ZTKDefines.h"

NS_ASSUME_NONNULL_BEGIN

/// The error domain of every NSError zego-token makes; the code is the library's code.
ZTK_EXTERN NSString *const ZegoTokenErrorDomain;

/// The library's codes (include/zego_token.h, the README's table).
typedef NS_ENUM(NSInteger, ZTKErrorCode) {
    ZTKErrorInvalidAppID = 1,
    ZTKErrorInvalidUserID = 3,
    ZTKErrorInvalidSecret = 5,
    ZTKErrorInvalidEffectiveTime = 6,
    ZTKErrorPayloadTooLarge = 7,
    ZTKErrorInvalidRoomID = 8,
    ZTKErrorInvalidStreamID = 9,
    ZTKErrorInvalidArgument = 10,
    ZTKErrorNullPointer = 11,
    ZTKErrorInvalidUTF8 = 12,
    ZTKErrorMalformed = 20,
    ZTKErrorUnsupportedVersion = 21,
    ZTKErrorUnsupportedMode = 22,
    ZTKErrorAuthFailed = 23,
    /// ZTKErrorAuthFailed under its first name (the codes' names follow the C ones).
    ZTKErrorAuthenticationFailed __attribute__((deprecated("use ZTKErrorAuthFailed"))) = 23,
    ZTKErrorBadPlaintext = 24,
    ZTKErrorExpired = 30,
    ZTKErrorNotYetValid = 31,
    ZTKErrorAppIDMismatch = 32,
    ZTKErrorUserIDMismatch = 33,
    ZTKErrorRandomUnavailable = 40,
    ZTKErrorPanic = 41,
};

/// What a token says. The times are also NSDates (createdAt, expiresAt).
@interface ZTKClaims : NSObject {
  @private
    uint32_t _appID;
    NSString *_userID;
    int64_t _ctime;
    int64_t _expire;
    int64_t _nonce;
    NSString *_payload;
    NSString *_mode;
    NSArray *_findings;
}
@property (nonatomic, readonly) uint32_t appID;
@property (nonatomic, readonly, copy) NSString *userID;
/// When the token was made, Unix seconds.
@property (nonatomic, readonly) int64_t ctime;
/// When the token expires, Unix seconds.
@property (nonatomic, readonly) int64_t expire;
@property (nonatomic, readonly) int64_t nonce;
/// "" for a basic token, the privilege JSON otherwise.
@property (nonatomic, readonly, copy) NSString *payload;
/// "gcm" (current format) or "cbc" (legacy, not authenticated).
@property (nonatomic, readonly, copy) NSString *mode;
/// The values that break a generation rule, as NSStrings in a fixed order ("app_id_zero",
/// "user_id_empty", "user_id_too_long", "expire_not_after_ctime", "ctime_before_epoch",
/// "nonce_out_of_range"); empty for a token made within the rules. Decoding never refuses a token
/// for them; verifying refuses them (ZTKErrorBadPlaintext) only in a legacy CBC token.
@property (nonatomic, readonly, copy) NSArray *findings;
@property (nonatomic, readonly) NSDate *createdAt;
@property (nonatomic, readonly) NSDate *expiresAt;
@end

/// How to verify: the clock, a leeway, the expected user id, and whether legacy tokens are refused.
@interface ZTKVerifyOptions : NSObject {
  @private
    NSDate *_now;
    NSTimeInterval _leeway;
    NSString *_userID;
    BOOL _requireGCM;
}
/// The time to verify at; nil (the default) is the system clock.
@property (nonatomic, copy) NSDate * ZTK_NULLABLE now;
/// Seconds of clock skew allowed both ways (whole seconds; negative is code 10).
@property (nonatomic) NSTimeInterval leeway;
/// The user id the token must be for; nil accepts any.
@property (nonatomic, copy) NSString * ZTK_NULLABLE userID;
/// Refuse legacy CBC tokens (code 22).
@property (nonatomic) BOOL requireGCM;
@end

/// The privilege payload of an RTC room token, exactly the official plug-in's JSON.
@interface ZTKRtcRoomPayload : NSObject {
  @private
    NSString *_roomID;
    BOOL _canLogin;
    BOOL _canPublish;
    NSArray *_streamIDs;
}
- (instancetype)initWithRoomID:(NSString *)roomID
                      canLogin:(BOOL)canLogin
                    canPublish:(BOOL)canPublish
                     streamIDs:(NSArray * ZTK_NULLABLE)streamIDs;
@property (nonatomic, readonly, copy) NSString *roomID;
@property (nonatomic, readonly) BOOL canLogin;
@property (nonatomic, readonly) BOOL canPublish;
/// NSStrings; nil is written as null, an empty array as [].
@property (nonatomic, readonly, copy) NSArray * ZTK_NULLABLE streamIDs;
/// The JSON to pass as a token's payload; nil and an error for a bad room or stream id.
- (NSString * ZTK_NULLABLE)JSONStringWithError:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
@end

/// One-shot calls.
@interface ZTKToken04 : NSObject
/// Makes a Token04 (AES-256-GCM) valid for effectiveTimeInSeconds; payload nil or @"" for a basic
/// token. Errors: 1, 3, 5, 6, 7, 10, 12, 40.
+ (NSString * ZTK_NULLABLE)generateWithAppID:(uint32_t)appID
                                      userID:(NSString *)userID
                                      secret:(NSString *)secret
                      effectiveTimeInSeconds:(int64_t)effectiveTimeInSeconds
                                     payload:(NSString * ZTK_NULLABLE)payload
                                       error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
/// Reads a token (current or legacy format) with its secret, without checking time or app id.
+ (ZTKClaims * ZTK_NULLABLE)decodeToken:(NSString *)token
                                 secret:(NSString *)secret
                                  error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
/// Decodes and checks the app id and the time (and the options' user id and format rule);
/// options nil means the system clock, no leeway.
+ (ZTKClaims * ZTK_NULLABLE)verifyToken:(NSString *)token
                                 secret:(NSString *)secret
                                  appID:(uint32_t)appID
                                options:(ZTKVerifyOptions * ZTK_NULLABLE)options
                                  error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
/// As verifyToken:secret:..., trying each secret in order (key rotation); *secretIndex (may be
/// NULL) receives the index of the secret that worked.
+ (ZTKClaims * ZTK_NULLABLE)verifyToken:(NSString *)token
                                secrets:(NSArray *)secrets
                                  appID:(uint32_t)appID
                                options:(ZTKVerifyOptions * ZTK_NULLABLE)options
                            secretIndex:(NSUInteger * ZTK_NULLABLE)secretIndex
                                  error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
/// The same, under its first name: use verifyToken:secrets:appID:options:secretIndex:error:.
+ (ZTKClaims * ZTK_NULLABLE)verifyToken:(NSString *)token
                                secrets:(NSArray *)secrets
                                  appID:(uint32_t)appID
                                options:(ZTKVerifyOptions * ZTK_NULLABLE)options
                           matchedIndex:(NSUInteger * ZTK_NULLABLE)matchedIndex
                                  error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error
    __attribute__((deprecated("use verifyToken:secrets:appID:options:secretIndex:error:")));
/// The library's English sentence for a code.
+ (NSString *)messageForCode:(NSInteger)code;
/// The version of the linked native library.
+ (NSString *)libraryVersion;
@end

/// Makes tokens for one app id and secret, keeping the expanded key; decodes and verifies with it.
/// Share one between threads. Its key is zeroized when it is deallocated.
@interface ZTKGenerator : NSObject {
  @private
    void *_handle;
    uint32_t _appID;
}
- (instancetype ZTK_NULLABLE)initWithAppID:(uint32_t)appID
                                    secret:(NSString *)secret
                                     error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
@property (nonatomic, readonly) uint32_t appID;
- (NSString * ZTK_NULLABLE)generateForUserID:(NSString *)userID
                      effectiveTimeInSeconds:(int64_t)effectiveTimeInSeconds
                                     payload:(NSString * ZTK_NULLABLE)payload
                                       error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
- (ZTKClaims * ZTK_NULLABLE)decodeToken:(NSString *)token error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
- (ZTKClaims * ZTK_NULLABLE)verifyToken:(NSString *)token
                                options:(ZTKVerifyOptions * ZTK_NULLABLE)options
                                  error:(NSError * ZTK_NULLABLE * ZTK_NULLABLE)error;
@end

NS_ASSUME_NONNULL_END

#endif
