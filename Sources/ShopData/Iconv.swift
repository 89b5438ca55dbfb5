internal import Glibc

/// One direction of glibc's iconv (`iconv_open`/`iconv`/`iconv_close`).
///
/// Foundation's `String.Encoding.shiftJIS` is not used: on Linux it does not follow the Windows table (CP932),
/// so ①, ㈱ and 髙 fail and 〜/～ map differently. iconv keeps shift state, so a converter is owned by exactly
/// one reader or writer and never shared across threads (the type is deliberately not `Sendable`).
final class IconvConverter {
    private let handle: iconv_t
    /// Output scratch space reused across calls (grown on demand), so converting a field allocates nothing.
    private var scratch: UnsafeMutableRawBufferPointer

    /// Opens a converter; the names are glibc's (`iconv -l`).
    init(from source: String, to target: String) {
        let opened = iconv_open(target, source)
        // glibc ships CP932, CP950 and BIG5-HKSCS in every build; failing here is a broken installation.
        precondition(Int(bitPattern: opened) != -1, "iconv cannot convert \(source) to \(target)")
        handle = opened!
        scratch = .allocate(byteCount: 4096, alignment: 1)
    }

    deinit {
        iconv_close(handle)
        scratch.deallocate()
    }

    /// Converts `input` and hands the converted bytes to `body`.
    /// - Returns: `body`'s result, or `nil` when the input holds a sequence that is invalid in the source
    ///   encoding or cannot be represented in the target encoding (glibc: `EILSEQ`), or is cut short (`EINVAL`).
    func convert<Result>(
        _ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result? {
        // Every source byte becomes at most 3 UTF-8 bytes (half-width katakana: 1 → 3), and UTF-8 → CP932/CP950
        // never grows; the loop below still handles E2BIG in case a table surprises us.
        ensureScratch(input.count * 3 + 16)
        while true {
            _ = iconv(handle, nil, nil, nil, nil)  // reset any state left by an earlier failure
            var inPointer = UnsafeMutablePointer<CChar>(
                mutating: UnsafeRawPointer(input.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                    .assumingMemoryBound(to: CChar.self))
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = scratch.baseAddress!.assumingMemoryBound(to: CChar.self)
            var outLeft = scratch.count
            var result =
                input.isEmpty
                ? 0
                : withUnsafeMutablePointer(to: &inPointer) { inRef in
                    iconv(handle, UnsafeMutablePointer(OpaquePointer(inRef)), &inLeft, &outPointer, &outLeft)
                }
            let code = result == -1 ? errno : 0
            if result != -1 {
                result = iconv(handle, nil, nil, &outPointer, &outLeft)  // flush shift state (none for CP932/CP950)
            }
            if result != -1 {
                return body(UnsafeRawBufferPointer(rebasing: scratch[0..<(scratch.count - outLeft)]))
            }
            guard code == E2BIG || (code == 0 && errno == E2BIG) else { return nil }
            ensureScratch(scratch.count * 2)
        }
    }

    /// Decodes `input` to a String (the converter must target UTF-8); `nil` when it is invalid.
    func decode(_ input: UnsafeBufferPointer<UInt8>) -> String? {
        convert(input) { String(validating: $0, as: UTF8.self) } ?? nil
    }

    private func ensureScratch(_ count: Int) {
        guard scratch.count < count else { return }
        scratch.deallocate()
        scratch = .allocate(byteCount: count, alignment: 1)
    }
}
