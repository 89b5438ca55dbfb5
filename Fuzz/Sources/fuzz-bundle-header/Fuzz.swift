import AirlockFormat
import FuzzSupport

/// `BundleHeader.parse` on arbitrary bytes; a header it accepts must be the canonical encoding of what it parsed
/// (the bytes that were hashed and signed are the bytes that were understood).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let header = try? BundleHeader.parse(bytes) else { return 0 }
    let encoded = header.encoded
    require(encoded.count == BundleHeader.encodedLength(recipients: header.stanzas.count), "encoded length")
    require(Array(bytes.prefix(encoded.count)) == encoded, "a parsed header does not re-encode to its bytes")
    require((try? BundleHeader.parse(encoded)) == header, "a re-encoded header parses differently")
    return 0
}

/// The program's entry (see `runLibFuzzer`).
@_cdecl("fuzz_bundle_header_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOneInput($0, $1) }
}
