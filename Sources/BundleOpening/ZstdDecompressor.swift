internal import CZstd
import AirlockFormat

/// Streaming zstd decompression with a bounded window, refusing a second frame.
final class ZstdDecompressor {
    private let context: OpaquePointer
    private var output = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
    private(set) var frameComplete = false

    init() {
        context = ZSTD_createDCtx()
        _ = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Int32(Zstd.maxWindowLog))
    }

    deinit { ZSTD_freeDCtx(context) }

    /// Makes one step of progress on `input` from `position`: at most one output buffer (`ZSTD_DStreamOutSize`,
    /// 128 KiB) is produced and handed to `sink`, and `position` advances past the input consumed. Callers
    /// interleave steps with consuming the output, so memory never holds more than one buffer of a chunk's
    /// decompressed bytes: a small chunk that expands to gigabytes cannot fill memory before it is refused.
    ///
    /// - Returns: whether the decompressor may produce more output from what it was already given (its output
    ///   buffer was filled), even when `position` reached the end of `input`.
    func step(
        _ input: UnsafeRawBufferPointer, position: inout Int, sink: (UnsafeRawBufferPointer) throws(FormatError) -> Void
    ) throws(FormatError) -> Bool {
        if frameComplete {
            if position < input.count { throw .decompressionFailed("data after the end of the zstd frame") }
            return false
        }
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: position)
        let (result, produced) = output.withUnsafeMutableBytes { out in
            var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
            let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
            return (result, outBuffer.pos)
        }
        position = inBuffer.pos
        if ZSTD_isError(result) != 0 {
            throw .decompressionFailed(String(cString: ZSTD_getErrorName(result)))
        }
        if produced > 0 {
            try output.withBytes { (buffer) throws(FormatError) in
                try sink(UnsafeRawBufferPointer(rebasing: buffer[0..<produced]))
            }
        }
        if result == 0 { frameComplete = true }
        return !frameComplete && produced == output.count
    }
}

