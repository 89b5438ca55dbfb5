internal import CFuzzerDriver

/// The `LLVMFuzzerTestOneInput` signature.
public typealias FuzzOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer's driver (its command-line options, corpus folders, merge mode) on `fuzzOneInput`.
///
/// Why not libFuzzer's own `main`: SwiftPM links every Swift executable with `main` renamed from
/// `<module>_main` (so that tests can link executables), so a `@main`-free target must define `<module>_main`
/// itself; each fuzzer's does so by calling this.
public func runLibFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ fuzzOneInput: FuzzOneInput
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}
