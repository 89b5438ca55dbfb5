/// Turns the bytes of one field into a String in the file's encoding.
///
/// ASCII fields (the common case: IDs, dates, amounts, e-mail addresses) are taken as they are in every supported
/// encoding, because CP932 and Big5 are ASCII-compatible for single bytes below 0x80. Other fields go through
/// Swift's UTF-8 validation or glibc iconv.
final class FieldDecoder {
    enum Failure: Error { case invalid, byteOrderMark }

    let encoding: ShopEncoding
    private let converter: IconvConverter?
    /// Scratch space for undoing doubled quotes, reused across fields.
    private var unescaped: [UInt8] = []

    init(encoding: ShopEncoding) {
        self.encoding = encoding
        converter = encoding == .utf8 ? nil : IconvConverter(from: encoding.iconvName, to: "UTF-8")
    }

    /// Decodes a field's stored bytes: strips the surrounding quotes of a quoted field and undoes doubled quotes.
    func decodeField(_ stored: UnsafeBufferPointer<UInt8>, quoted: Bool, escapedQuotes: Bool) throws(Failure)
        -> String
    {
        guard quoted else { return try decode(stored) }
        let inner = UnsafeBufferPointer(rebasing: stored[(stored.startIndex + 1)..<(stored.endIndex - 1)])
        guard escapedQuotes else { return try decode(inner) }
        unescaped.removeAll(keepingCapacity: true)
        var index = inner.startIndex
        while index < inner.endIndex {
            let byte = inner[index]
            unescaped.append(byte)
            // Inside a quoted field every quote is doubled (the parser checked), so skip the second one.
            index += byte == Byte.quote ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer { buffer throws(Failure) in try decode(buffer) }
    }

    /// Decodes bytes that hold no CSV syntax.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        guard let converter else {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalid }
            if containsByteOrderMark(bytes) { throw .byteOrderMark }
            return text
        }
        guard let text = converter.decode(bytes) else { throw .invalid }
        return text
    }
}
