// swift-tools-version: 6.2
// libFuzzer targets for Airlock's parsers of hostile input. A package of its own, so that `make test` never
// builds it; see README.md. Build (the only supported way):
//     swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between checkouts (main, worktrees, CI).
let airlock = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "airlock"

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

/// One executable per fuzzer; each defines `LLVMFuzzerTestOneInput` and no `main` (libFuzzer brings it).
let fuzzers = [
    "fuzz-bundle-file", "fuzz-bundle-payload", "fuzz-bundle-header", "fuzz-csv", "fuzz-profile", "fuzz-masking",
    "fuzz-receipt",
]

let package = Package(
    name: "AirlockFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "AirlockParsers", package: airlock)],
            swiftSettings: settings),
    ]
        + fuzzers.map { name in
            .executableTarget(
                name: name, dependencies: ["FuzzSupport", .product(name: "AirlockParsers", package: airlock)],
                swiftSettings: settings)
        }
)
