internal import CZstd

/// Streaming zstd compression of the payload (RFC 8878, one frame, window at most 8 MiB).
package final class ZstdCompressor {
    private let context: OpaquePointer
    private var output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())

    /// - Parameter level: zstd level; 3 is zstd's own default.
    package init(level: Int32) {
        context = ZSTD_createCCtx()
        _ = ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
        _ = ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, min(Int32(Zstd.maxWindowLog), 21))
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Compresses `input`, handing compressed bytes to `sink` as they are produced.
    package func compress(_ input: UnsafeRawBufferPointer, end: Bool, sink: (UnsafeRawBufferPointer) -> Void) throws(FormatError) {
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        while true {
            let (remaining, produced) = output.withUnsafeMutableBytes { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                let remaining = ZSTD_compressStream2(context, &outBuffer, &inBuffer, end ? ZSTD_e_end : ZSTD_e_continue)
                return (remaining, outBuffer.pos)
            }
            if ZSTD_isError(remaining) != 0 {
                throw .decompressionFailed("compression: " + String(cString: ZSTD_getErrorName(remaining)))
            }
            if produced > 0 { output.withUnsafeBytes { sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) } }
            let inputDone = inBuffer.pos == inBuffer.size
            if end ? remaining == 0 : inputDone { return }
        }
    }
}

package enum Zstd {
    /// Readers refuse frames whose window exceeds 2^23 bytes (8 MiB), bounding decompression memory.
    package static let maxWindowLog = 23
}
