// swift-tools-version: 6.2
// Airlock: sealed, signed, chained bundles that carry a shop's member and order records across an air gap.

import PackageDescription

/// Settings shared by every target of ours: Swift 6 strictness, and warnings treated as errors.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Airlock",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "airlock-pack", targets: ["airlock-pack"]),
        .executable(name: "airlock-unpack", targets: ["airlock-unpack"]),
        .library(name: "AirlockFormat", targets: ["AirlockFormat"]),
        // For the fuzzers in Fuzz/ (a separate package, never built by `make test`): every parser they drive.
        .library(name: "AirlockParsers", targets: ["SodiumKit", "AirlockFormat", "BundleOpening", "ShopData", "Masking"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // The back-office console's web layer (`airlock-unpack serve`); no traits: no swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
    ],
    targets: [
        // C libraries from the system, seen by exactly one Swift module each.
        .systemLibrary(
            name: "CSodium", pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]),
        .systemLibrary(
            name: "CZstd", pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),

        // The typed layer over libsodium: the only module that imports CSodium.
        .target(name: "SodiumKit", dependencies: ["CSodium"], swiftSettings: strictSettings),
        // The bundle format v1: header, stanzas, payload stream, trailer, key files, receipts.
        .target(name: "AirlockFormat", dependencies: ["SodiumKit", "CZstd"], swiftSettings: strictSettings),
        // Opening bundles: decryption, decompression, payload frames. Only the offline side links it.
        .target(
            name: "BundleOpening", dependencies: ["AirlockFormat", "SodiumKit", "CZstd"],
            swiftSettings: strictSettings),
        // Shared plumbing of the two executables: exit codes, error reporting, passphrases, key options.
        .target(
            name: "AirlockCLI",
            dependencies: ["AirlockFormat", "SodiumKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),
        // Two cores for one job: a bounded hand-off between a producing and a consuming thread.
        .target(name: "Pipeline", swiftSettings: strictSettings),
        // The shop's CSV exports: reading, writing, encodings and layouts (profiles).
        .target(name: "ShopData", swiftSettings: strictSettings),
        // Masking policy, masking rules and eligibility windows.
        .target(name: "Masking", swiftSettings: strictSettings),
        // The online side's pipeline: CSV → records → sealed bundle + masked re-export, and the receipt gate.
        .target(
            name: "PackKit", dependencies: ["AirlockFormat", "ShopData", "Masking", "Pipeline"],
            swiftSettings: strictSettings),
        // The offline archive: the only module that imports GRDB.
        .target(
            name: "ArchiveStore",
            dependencies: [
                "AirlockFormat", "BundleOpening", "SodiumKit", "ShopData", "Masking", "Pipeline",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the import's hot INSERTs only (`DirectInsert`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),

        // The offline back office in a browser: read-only pages over the archive, staff logins, sessions.
        .target(
            name: "Console",
            dependencies: [
                "ArchiveStore", "AirlockFormat", "ShopData", "Masking", "SodiumKit",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),

        .executableTarget(
            name: "airlock-pack",
            dependencies: ["PackKit", "AirlockFormat", "AirlockCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "airlock-unpack",
            dependencies: [
                "ArchiveStore", "AirlockFormat", "BundleOpening", "AirlockCLI", "Console", "SodiumKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        // Writes Spec/vectors from fixed keys and fixed randomness (see Spec/vectors/README.md).
        .executableTarget(
            name: "airlock-vectorgen", dependencies: ["AirlockFormat", "BundleOpening", "SodiumKit", "TestSupport"], path: "Tools/airlock-vectorgen",
            swiftSettings: strictSettings),

        // Times find on a real archive, in process (Benchmarks/run.sh).
        .executableTarget(
            name: "airlock-findbench", dependencies: ["ArchiveStore"], path: "Benchmarks/airlock-findbench",
            swiftSettings: strictSettings),

        .target(
            name: "TestSupport", dependencies: ["AirlockFormat", "BundleOpening", "SodiumKit"], path: "Tests/TestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "SodiumKitTests", dependencies: ["SodiumKit", "TestSupport"],
            resources: [.copy("Vectors")], swiftSettings: strictSettings),
        .testTarget(
            name: "AirlockFormatTests", dependencies: ["AirlockFormat", "BundleOpening", "SodiumKit", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PackKitTests",
            dependencies: ["PackKit", "AirlockFormat", "BundleOpening", "ShopData", "Masking", "SodiumKit", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ArchiveStoreTests",
            dependencies: [
                "ArchiveStore", "TestSupport", "AirlockFormat", "PackKit", "ShopData", "Masking",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport", "AirlockFormat", "SodiumKit"], swiftSettings: strictSettings),
        .testTarget(
            name: "ConsoleTests",
            dependencies: [
                "Console", "ArchiveStore", "AirlockFormat", "SodiumKit", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "MaskingTests", dependencies: ["Masking"], swiftSettings: strictSettings),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline"], swiftSettings: strictSettings),
        .testTarget(
            name: "ShopDataTests", dependencies: ["ShopData"], resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
    ]
)
