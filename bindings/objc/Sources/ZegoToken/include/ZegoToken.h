// ZegoToken.h: zego-token for Objective-C. Importing it gives both APIs:
//
// - the official plug-in's (token/oc of zego_server_assistant), same names, selectors and fields,
//   so that its sample code compiles unchanged once the include path points here:
//       ZegoToken04Result *r = [ZegoToken GenerateToken04:appID userID:userID secret:secret
//                                   effectiveTimeInSeconds:3600 payload:nil];
//       if (r.errorInfo.errorCode == 0) use(r.token);
// - the idiomatic one (ZTKToken.h): ZTKToken04, ZTKGenerator, ZTKClaims, ZTKVerifyOptions,
//   ZTKRtcRoomPayload, with NSError.
#ifndef ZEGO_TOKEN_OBJC_H
#define ZEGO_TOKEN_OBJC_H

#import "ZTKToken.h"

NS_ASSUME_NONNULL_BEGIN

/// The official plug-in's codes (and names). Other failures carry the library's code (7, 10, 12...).
typedef NS_ENUM(NSUInteger, ZegoErrorCode) {
    success = 0,                       // the token was made
    appIDInvalid = 1,                  // appID is 0
    userIDInvalid = 3,                 // userID is empty (or over 64 bytes)
    secretInvalid = 5,                 // secret is not 32 bytes
    effectiveTimeInSecondsInvalid = 6  // effectiveTimeInSeconds is not positive
};

/// errorCode and errorMessage, as the official ErrorInfo (that name works too, see below).
@interface ZegoErrorInfo : NSObject {
  @private
    ZegoErrorCode _errorCode;
    NSString *_errorMessage;
}
@property (nonatomic, assign) ZegoErrorCode errorCode;
@property (nonatomic, copy) NSString * ZTK_NULLABLE errorMessage;
@end

/// The official header calls the class ErrorInfo; code written for it keeps working.
@compatibility_alias ErrorInfo ZegoErrorInfo;

/// The token (nil or @"" on failure, as the official plug-in leaves it) and the error information.
@interface ZegoToken04Result : NSObject {
  @private
    NSString *_token;
    ZegoErrorInfo *_errorInfo;
}
@property (nonatomic, copy) NSString * ZTK_NULLABLE token;
@property (nonatomic, retain) ZegoErrorInfo *errorInfo;
@end

@interface ZegoToken : NSObject
/// The official entry point. payload nil or @"" makes a basic token. Never throws: the outcome is
/// in the result's errorInfo (errorCode 0, errorMessage @"success" when the token was made).
+ (ZegoToken04Result *)GenerateToken04:(unsigned int)appid
                                userID:(NSString * ZTK_NULLABLE)userID
                                secret:(NSString * ZTK_NULLABLE)secret
                effectiveTimeInSeconds:(long long)effectiveTimeInSeconds
                               payload:(NSString * ZTK_NULLABLE)payload;
@end

NS_ASSUME_NONNULL_END

#endif
