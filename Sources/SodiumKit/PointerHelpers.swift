// Byte-pointer views for calling libsodium, whose functions take `unsigned char *`.

extension UnsafeRawBufferPointer {
    var typed: UnsafePointer<UInt8> { baseAddress!.assumingMemoryBound(to: UInt8.self) }
}

extension UnsafeMutableRawBufferPointer {
    var typed: UnsafeMutablePointer<UInt8> { baseAddress!.assumingMemoryBound(to: UInt8.self) }
}
