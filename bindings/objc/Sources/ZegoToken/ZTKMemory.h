// Internal: retain/release that compile away under ARC, so that the sources build with Apple clang
// (ARC or not) and with GCC against GNUstep (manual retain/release only).
#ifndef ZTK_MEMORY_H
#define ZTK_MEMORY_H

#if defined(__has_feature)
#  if __has_feature(objc_arc)
#    define ZTK_ARC 1
#  endif
#endif

#ifdef ZTK_ARC
#  define ZTK_RETAIN(x) (x)
#  define ZTK_RELEASE(x) ((void)0)
#  define ZTK_AUTORELEASE(x) (x)
#  define ZTK_SUPER_DEALLOC() ((void)0)
#else
#  define ZTK_RETAIN(x) [(x) retain]
#  define ZTK_RELEASE(x) [(x) release]
#  define ZTK_AUTORELEASE(x) [(x) autorelease]
#  define ZTK_SUPER_DEALLOC() [super dealloc]
#endif

#endif
