// The standard library's `withUnsafeBytes` family rethrows untyped errors; these keep `FormatError` typed.

extension Array where Element == UInt8 {
    package func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws(FormatError) -> R) throws(FormatError) -> R {
        let result: Result<R, FormatError> = withUnsafeBytes { raw in Result { () throws(FormatError) in try body(raw) } }
        return try result.get()
    }

    package mutating func withMutableBytes<R>(
        _ body: (UnsafeMutableRawBufferPointer) throws(FormatError) -> R
    ) throws(FormatError) -> R {
        let result: Result<R, FormatError> = withUnsafeMutableBytes { raw in
            Result { () throws(FormatError) in try body(raw) }
        }
        return try result.get()
    }
}
