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

    /// Decompresses `input`, handing plaintext to `sink`; `sink` may throw to stop early (size cap).
    func decompress(
        _ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws(FormatError) -> Void
    ) throws(FormatError) {
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        while inBuffer.pos < inBuffer.size || !frameComplete {
            if frameComplete { throw .decompressionFailed("data after the end of the zstd frame") }
            let (result, produced) = output.withUnsafeMutableBytes { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                return (result, outBuffer.pos)
            }
            if ZSTD_isError(result) != 0 {
                throw .decompressionFailed(String(cString: ZSTD_getErrorName(result)))
            }
            if produced > 0 {
                try output.withBytes { (buffer) throws(FormatError) in
                    try sink(UnsafeRawBufferPointer(rebasing: buffer[0..<produced]))
                }
            }
            if result == 0 { frameComplete = true }
            // No progress possible without more input and the output buffer was not filled: wait for more.
            if inBuffer.pos == inBuffer.size && produced < output.count && !frameComplete { return }
        }
    }
}

