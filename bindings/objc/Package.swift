// swift-tools-version:5.6
// zego-token for Swift and Objective-C on macOS, through Swift Package Manager.
//
// This manifest is part of dist/objc/zego-token-objc-<version>.zip (scripts/dist), beside
// ZegoTokenNative.xcframework: a universal static libzego_token.a made from the two macOS release
// archives. Add that folder as a local package (`.package(path: "zego-token-objc-0.1.0")`) or host
// the unzipped tree as a git repository. Not built here (no Swift on the project's machines):
// scripts/dist checks its names and paths; the sources are tested with GNUstep.
import PackageDescription

let package = Package(
    name: "ZegoToken",
    platforms: [.macOS(.v10_13)],
    products: [
        .library(name: "ZegoToken", targets: ["ZegoToken"]),
    ],
    targets: [
        .binaryTarget(name: "ZegoTokenNative", path: "ZegoTokenNative.xcframework"),
        .target(
            name: "ZegoToken",
            dependencies: ["ZegoTokenNative"],
            path: "Sources/ZegoToken",
            publicHeadersPath: "include"
        ),
    ]
)
