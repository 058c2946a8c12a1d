// swift-tools-version:6.0
import PackageDescription

/// The folder holding this manifest, for the release link's symbol order (`Context.packageDirectory` would do,
/// but with it SwiftPM 6.3 also links GRDB's dynamic library product, which fails with a static Swift runtime).
let packageDirectory = String(#filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))

let package = Package(
    name: "sitrep",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        .library(name: "SitrepKit", targets: ["SitrepKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // HMAC-SHA256 signatures of webhook notifications (README: Notifications explains why this package).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Pinned to 2.1: PageShapes/ShapeRecording mirror this minor version's rendering rules (indentation of
        // standalone partials, for one); HTMLRendererEquivalenceTests must pass before the pin moves.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", .upToNextMinor(from: "2.1.1")),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CFileSwap"),
        .target(
            name: "SitrepKit",
            dependencies: [
                "CCurl",
                "CCmarkGFM",
                "CFileSwap",
                .product(name: "Logging", package: "swift-log"),
                // For the libyaml it bundles (module CYaml, imported by YAML/LibYAMLParser.swift alone); sitrep
                // composes its own nodes (docs/ARCHITECTURE.md, "Config").
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "sitrep",
            dependencies: [
                "SitrepKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Release links (docs/PERFORMANCE.md, "Linking"): lld packs the 97,000 relative relocations of a
            // position-independent binary (DT_RELR, glibc 2.36+); the executable exports no symbols, so the
            // dynamic loader does not search them first for every symbol of libcurl and the other libraries;
            // and the functions a probe, a build and a check run come first, in linker/sitrep.order
            // (scripts/make-symbol-order), so a run touches a few megabytes of the binary, not most of it.
            // lld comes with the Swift toolchain; a function the list does not name is placed after it.
            linkerSettings: [
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                              "-Xlinker", "--no-export-dynamic",
                              "-Xlinker", "--symbol-ordering-file=\(packageDirectory)/linker/sitrep.order",
                              "-Xlinker", "--no-warn-symbol-ordering"], .when(configuration: .release)),
            ]
        ),
        .executableTarget(
            name: "sitrep-bench",
            dependencies: ["SitrepKit"],
            path: "Benchmarks/sitrep-bench"
        ),
        .executableTarget(
            name: "sitrep-testsupport",
            dependencies: ["SitrepKit"],
            path: "Sources/sitrep-testsupport"
        ),
        .testTarget(
            name: "SitrepKitTests",
            dependencies: ["SitrepKit"],
            // Test servers, Python validators, JSON Schemas, golden pages and browser scripts used by the tests (found via #filePath).
            exclude: ["Probe/Support/probe_test_server.py", "Notify/Support/notify_receiver.py", "Probe/Support/protocol_test_servers.py", "Notify/Support/notify_test_servers.py", "Outputs/Validators", "Outputs/Schemas", "Render/Golden", "Render/Browser",
                      "Store/Fixtures"]
        ),
    ]
)
