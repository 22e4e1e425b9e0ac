# zego-token for Objective-C and Swift on macOS, through CocoaPods. The source is the release's
# zego-token-objc-<version>.zip (scripts/dist writes it to dist/objc): the binding's sources and
# ZegoTokenNative.xcframework, a universal static libzego_token.a made from the macOS release
# archives. Not linted here (no Xcode on the project's machines): scripts/dist checks it with
# `ruby -c` and checks the files it names; the sources are tested with GNUstep.
Pod::Spec.new do |s|
  s.name         = 'ZegoToken'
  s.version      = '0.1.0'
  s.summary      = 'Generate, decode and verify ZEGO Token04 tokens: one audited Rust core, an Objective-C API.'
  s.description  = 'ZegoToken.h: the official zego_server_assistant Objective-C entry point ' \
                   '([ZegoToken GenerateToken04:...]) and an idiomatic API (ZTKToken04, ZTKGenerator, ' \
                   'ZTKClaims, ZTKVerifyOptions) over libzego_token, the C library of zego-token.'
  s.homepage     = 'https://github.com/zego-token/zego-token'
  s.license      = { :type => 'MIT OR Apache-2.0', :file => 'LICENSE-MIT' }
  s.authors      = { 'The zego-token developers' => 'https://github.com/zego-token/zego-token' }
  s.source       = { :http => "https://github.com/zego-token/zego-token/releases/download/v#{s.version}/zego-token-objc-#{s.version}.zip" }
  s.osx.deployment_target = '10.13'
  s.source_files        = 'Sources/ZegoToken/**/*.{h,m}'
  s.public_header_files = 'Sources/ZegoToken/include/*.h'
  s.module_map          = 'Sources/ZegoToken/include/module.modulemap'
  s.vendored_frameworks = 'ZegoTokenNative.xcframework'
  # The sources compile with and without ARC (ZTKMemory.h); CocoaPods' default, ARC, is fine.
  s.requires_arc = true
end
