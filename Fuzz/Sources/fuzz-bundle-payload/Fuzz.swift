import AirlockFormat
import BundleOpening
import Foundation
import FuzzSupport

/// Everything after the signature check: the input becomes the payload of a correctly sealed and signed bundle
/// (fixture keys), which the offline reader then reads to the end.
///
/// The first input byte picks the layout: even, the rest is the plaintext payload (frames: type, length,
/// body) stored without compression; odd, the rest is the stored zstd stream, so the decompressor sees it too.
/// For zstd, a first pass learns the decompressed size (the reader reports it), and a second pass declares it,
/// so that frames are parsed rather than refused for a size mismatch.
let scratch = ScratchFile("bundle-payload")
/// Declared-size cap of the first zstd pass: bounds decompression bombs.
let firstPassCap: UInt64 = 8 << 20

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzInput(start, count)
    guard let mode = input.first else { return 0 }
    let stored = Array(input.dropFirst())
    if mode & 1 == 0 {
        scratch.store(BundleSeal.bundle(stored: stored, compression: .none, payloadSize: UInt64(stored.count)))
        BundleSeal.read(path: scratch.path)
    } else {
        scratch.store(BundleSeal.bundle(stored: stored, compression: .zstd, payloadSize: firstPassCap))
        if case let .payloadSizeMismatch(_, actual) = BundleSeal.read(path: scratch.path) {
            scratch.store(BundleSeal.bundle(stored: stored, compression: .zstd, payloadSize: actual))
            BundleSeal.read(path: scratch.path)
        }
    }
    return 0
}

/// Seeds: the payload plaintexts of the valid spec vectors, as mode 0 (the zstd seeds of mode 1 are these
/// compressed with the `zstd` tool by `run.sh seeds`). `AIRLOCK_FUZZ_SEED_SOURCES` lists the bundle files.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    writeSeedsIfAsked { folder in
        let sources = (ProcessInfo.processInfo.environment["AIRLOCK_FUZZ_SEED_SOURCES"] ?? "")
            .split(separator: ":").map(String.init)
        for source in sources {
            let plaintext = try payloadPlaintext(path: source)
            let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
            try writeSeed([0] + plaintext, named: "plain-\(name)", in: folder)
        }
    }
    return 0
}

/// The decrypted, decompressed payload of a valid bundle, frame by frame.
func payloadPlaintext(path: String) throws -> [UInt8] {
    let verified = try BundleVerifier.verify(path: path, trustedSigners: [FuzzKeys.packer.publicKey])
    let reader = try PayloadReader(verified: verified, recipient: FuzzKeys.offline.recipient)
    var plaintext: [UInt8] = []
    while let frame = try reader.nextFrame() { plaintext += frame.encoded }
    return plaintext
}

/// The program's entry (see `runLibFuzzer`).
@_cdecl("fuzz_bundle_payload_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
