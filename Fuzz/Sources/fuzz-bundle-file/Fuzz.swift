import FuzzSupport

/// A whole bundle file: the offline reader's full acceptance order (header, signer, sizes, signature, stanza,
/// commitment, chunks, decompression, frames, manifest, records, counts) with the fixture keys.
///
/// Random bytes almost never pass the signature; `fuzz-bundle-payload` covers what comes after it.
let scratch = ScratchFile("bundle-file")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    scratch.store(fuzzInput(start, count))
    BundleSeal.read(path: scratch.path)
    return 0
}

/// The program's entry (see `runLibFuzzer`).
@_cdecl("fuzz_bundle_file_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
