internal import Glibc

/// Byte constants of the CSV grammar. In CP932 and Big5 the second byte of a double-byte character is
/// 0x40–0x7E or 0x80–0xFC (CP932) / 0xA1–0xFE (Big5): it can be `\` (0x5C) or `|` (0x7C) but never `,` (0x2C),
/// `"` (0x22), CR (0x0D) or LF (0x0A), which are all below 0x40. So the parser can find delimiters on the raw
/// bytes of all supported encodings, and decode each field afterwards.
enum Byte {
    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let nul: UInt8 = 0x00
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
}

/// The UTF-8 byte order mark, EF BB BF.
let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

/// Whether every byte is below 0x80, checked eight bytes at a time.
func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    let raw = UnsafeRawPointer(base)
    while index + 8 <= count {
        if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
        index += 8
    }
    while index < count {
        if base[index] >= 0x80 { return false }
        index += 1
    }
    return true
}

/// Whether `bytes` holds the UTF-8 byte order mark anywhere (memchr for 0xEF, then the two bytes after).
func containsByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var start = 0
    while start < bytes.count {
        guard let hit = memchr(base + start, 0xEF, bytes.count - start) else { return false }
        let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if index + 2 < bytes.count, base[index + 1] == 0xBB, base[index + 2] == 0xBF { return true }
        start = index + 1
    }
    return false
}
