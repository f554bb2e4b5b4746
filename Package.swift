// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "Keysweep",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keysweep", targets: ["keysweep"]),
        .library(name: "KeysweepKit", targets: ["KeysweepKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .systemLibrary(
            name: "CLibdeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(name: "Inflate", dependencies: ["CLibdeflate"]),
        .systemLibrary(
            name: "CLibcrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "Digest", dependencies: ["CLibcrypto"]),
        // Headers only: libarchive is loaded when the first archive is read (see its shim.h).
        .systemLibrary(
            name: "CLibarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .target(name: "Archive", dependencies: ["CLibarchive"]),
        .target(
            name: "KeysweepKit",
            dependencies: ["PCRE2", "Inflate", "Digest", "Archive", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "keysweep",
            dependencies: ["KeysweepKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "generate-embedded-rules", dependencies: ["KeysweepKit"]),
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "KeysweepKitTests", dependencies: ["KeysweepKit", "PCRE2", "Digest", "Inflate", "TestScratch"]),
        .testTarget(name: "KeysweepCLITests", dependencies: ["KeysweepKit", "keysweep", "Digest", "TestScratch"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer), built only by scripts/fuzz: libFuzzer supplies `main`, so a plain
// `swift build` or `swift test` must not see this target.
if ProcessInfo.processInfo.environment["KEYSWEEP_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "KeysweepFuzz", dependencies: ["KeysweepKit", "PCRE2"]))
}
