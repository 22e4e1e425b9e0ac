// Portability for zego-token's Objective-C headers: the same code builds with Apple clang (with or
// without ARC) and with GCC's Objective-C against GNUstep Base, which knows neither nullability
// annotations nor ARC.
#ifndef ZTK_DEFINES_H
#define ZTK_DEFINES_H

#import <Foundation/Foundation.h>

#if defined(__clang__)
#  define ZTK_NULLABLE _Nullable
#else
#  define ZTK_NULLABLE
#endif

#if defined(__clang__)
#  define ZTK_SWIFT_NAME(name) __attribute__((swift_name(#name)))
#else
#  define ZTK_SWIFT_NAME(name)
#endif

#if defined(__cplusplus)
#  define ZTK_EXTERN extern "C"
#else
#  define ZTK_EXTERN extern
#endif

#endif
