import AirlockFormat

/// Reads the JSON text of a version's columns back: RFC 8259 JSON, parsed directly over its UTF-8 bytes.
///
/// Why not `JSONDecoder`: exports and look-ups read every version they show, and `JSONDecoder` was over four
/// fifths of an export's time. This reader accepts any valid JSON (whitespace, every escape, surrogate pairs,
/// numbers), so it reads what ``VersionJSON`` and earlier releases' `JSONEncoder` wrote alike; anything else is
/// ``Malformed``.
struct VersionJSONReader {
    /// The text is not the JSON shape the column must hold.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// A parsed JSON value.
    indirect enum Value {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([Value])
        case object([(key: String, value: Value)])
    }

    /// Parses one whole JSON text.
    static func parse(_ text: String) throws -> Value {
        var text = text
        return try text.withUTF8 { bytes in
            var reader = VersionJSONReader(bytes: bytes)
            let value = try reader.value()
            reader.skipSpace()
            guard reader.index == bytes.count else { throw Malformed(description: "text after the JSON value") }
            return value
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else {
            throw Malformed(description: "expected '\(Character(Unicode.Scalar(byte)))' at byte \(index)")
        }
        index += 1
    }

    private mutating func value() throws -> Value {
        skipSpace()
        guard index < bytes.count else { throw Malformed(description: "the JSON ends early") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            index += 1
            var elements: [Value] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            repeat { elements.append(try value()) } while try more(closing: UInt8(ascii: "]"))
            return .array(elements)
        case UInt8(ascii: "{"):
            index += 1
            var members: [(key: String, value: Value)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            repeat {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw Malformed(description: "expected a key at byte \(index)")
                }
                let key = try string()
                try expect(UInt8(ascii: ":"))
                members.append((key, try value()))
            } while try more(closing: UInt8(ascii: "}"))
            return .object(members)
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        default: return .number(try number())
        }
    }

    /// After an element: true for a comma, false for the closing bracket.
    private mutating func more(closing: UInt8) throws -> Bool {
        skipSpace()
        guard index < bytes.count else { throw Malformed(description: "the JSON ends early") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return true
        }
        try expect(closing)
        return false
    }

    private mutating func literal(_ word: StaticString, _ value: Value) throws -> Value {
        let word = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + word.count <= bytes.count, bytes[index..<index + word.count].elementsEqual(word) else {
            throw Malformed(description: "unexpected text at byte \(index)")
        }
        index += word.count
        return value
    }

    private mutating func number() throws -> String {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        guard index > start, let text = String(validating: bytes[start..<index], as: UTF8.self),
            Double(text) != nil
        else { throw Malformed(description: "unexpected text at byte \(start)") }
        return text
    }

    /// A string: runs without escapes are copied as they are; escapes are decoded.
    private mutating func string() throws -> String {
        index += 1  // the opening quote
        var runStart = index
        var decoded: [UInt8] = []
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if !escaped { return try text(run) }
                decoded.append(contentsOf: run)
                return try decoded.withUnsafeBufferPointer { try text($0) }
            }
            if byte < 0x20 { throw Malformed(description: "a control character in a string at byte \(index)") }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            escaped = true
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"): decoded.append(contentsOf: Array(String(try unicodeEscape()).utf8))
            default: throw Malformed(description: "an unknown escape at byte \(index - 1)")
            }
            runStart = index
        }
        throw Malformed(description: "a string is not closed")
    }

    /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw Malformed(description: "a lone surrogate at byte \(index)") }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { throw Malformed(description: "a bad surrogate pair at byte \(index)") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw Malformed(description: "a lone surrogate at byte \(index)")
        }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Malformed(description: "the JSON ends early") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
                throw Malformed(description: "a bad \\u escape at byte \(index)")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The bytes of a string. They are valid UTF-8 by construction: the whole text is a Swift `String`, and
    /// runs are cut only at ASCII quotes and backslashes, so the validating initialiser (a third of the reading
    /// time) is not needed.
    private func text(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension VersionJSONReader.Value {
    var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// The strings of an array of strings.
    func strings() throws -> [String] {
        guard case let .array(elements) = self else { throw VersionJSONReader.Malformed(description: "not an array") }
        return try elements.map { element in
            guard let text = element.string else { throw VersionJSONReader.Malformed(description: "not a string") }
            return text
        }
    }

    /// An object of strings as fields, sorted by name (the last of two equal names wins, as with `JSONDecoder`).
    func fields() throws -> [ShopRecord.Field] {
        guard case let .object(members) = self else { throw VersionJSONReader.Malformed(description: "not an object") }
        // What the archive writes: names in ascending order, each once. Anything else goes through a dictionary.
        var sorted: [ShopRecord.Field] = []
        sorted.reserveCapacity(members.count)
        for (key, value) in members {
            guard let text = value.string else { throw VersionJSONReader.Malformed(description: "not a string") }
            if let last = sorted.last, !(last.name < key) { break }
            sorted.append(ShopRecord.Field(name: key, value: text))
        }
        if sorted.count == members.count { return sorted }
        var byName: [String: String] = [:]
        for (key, value) in members {
            guard let text = value.string else { throw VersionJSONReader.Malformed(description: "not a string") }
            byName[key] = text
        }
        return byName.map { ShopRecord.Field(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
    }

    /// The member `key` of an object.
    subscript(key: String) -> Self? {
        guard case let .object(members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }
}
