// The official plug-in's Objective-C entry point (token/oc of zego_server_assistant), over the
// idiomatic API: the same classes, selectors, fields, codes and messages.
#import "ZegoToken.h"
#import "ZTKMemory.h"

@implementation ZegoErrorInfo
@synthesize errorCode = _errorCode;
@synthesize errorMessage = _errorMessage;

- (void)dealloc {
    ZTK_RELEASE(_errorMessage);
    ZTK_SUPER_DEALLOC();
}
@end

@implementation ZegoToken04Result
@synthesize token = _token;
@synthesize errorInfo = _errorInfo;

- (void)dealloc {
    ZTK_RELEASE(_token);
    ZTK_RELEASE(_errorInfo);
    ZTK_SUPER_DEALLOC();
}
@end

/// The official plug-in's message for each of its codes, word for word; nil for the others.
static NSString *ZTKOfficialMessage(NSInteger code) {
    switch (code) {
        case appIDInvalid: return @"appID invalid";
        case userIDInvalid: return @"userID invalid";
        case secretInvalid: return @"secret must be a 32 byte string";
        case effectiveTimeInSecondsInvalid: return @"effectiveTimeInSeconds invalid";
        default: return nil;
    }
}

@implementation ZegoToken

+ (ZegoToken04Result *)GenerateToken04:(unsigned int)appid
                                userID:(NSString *)userID
                                secret:(NSString *)secret
                effectiveTimeInSeconds:(long long)effectiveTimeInSeconds
                               payload:(NSString *)payload {
    ZegoToken04Result *result = ZTK_AUTORELEASE([[ZegoToken04Result alloc] init]);
    ZegoErrorInfo *info = ZTK_AUTORELEASE([[ZegoErrorInfo alloc] init]);
    result.errorInfo = info;
    // As the official plug-in: these three are refused before anything else, with a code, no
    // message and no token.
    if (appid == 0) {
        info.errorCode = appIDInvalid;
        return result;
    }
    if ([userID length] == 0) {
        info.errorCode = userIDInvalid;
        return result;
    }
    if ([secret length] == 0) {
        info.errorCode = secretInvalid;
        return result;
    }
    NSError *error = nil;
    NSString *token = [ZTKToken04 generateWithAppID:appid
                                             userID:userID
                                             secret:secret
                             effectiveTimeInSeconds:effectiveTimeInSeconds
                                            payload:([payload length] > 0 ? payload : @"")
                                              error:&error];
    if (token != nil) {
        info.errorCode = success;
        info.errorMessage = @"success";
        result.token = token;
    } else {
        NSString *official = ZTKOfficialMessage([error code]);
        info.errorCode = (ZegoErrorCode)[error code];
        info.errorMessage = official != nil ? official : [error localizedDescription];
        result.token = @""; // the official plug-in copies its empty C++ token
    }
    return result;
}
@end
