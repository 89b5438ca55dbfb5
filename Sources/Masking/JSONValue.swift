/// A parsed JSON value, so that the policy loader can name each bad key and type itself.
enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The JSON type's name, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object being read, which remembers its path and refuses keys nobody asked for.
struct JSONObjectReader {
    let path: String
    let members: [String: JSONValue]

    /// Wraps `value`, which must be an object.
    init(_ value: JSONValue, path: String) throws(MaskingError) {
        guard case .object(let members) = value else {
            throw .wrongType(path: path.isEmpty ? "top level" : path, expected: "an object")
        }
        self.path = path
        self.members = members
    }

    /// The dotted path of a key of this object.
    func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Throws for the first key (in sorted order) not in `allowed`.
    func rejectUnknownKeys(allowed: Set<String>) throws(MaskingError) {
        if let key = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .unknownKey(path: path(of: key))
        }
    }

    /// An integer member in `range`, or `fallback` when absent.
    func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws(MaskingError) -> Int {
        guard let value = members[key] else { return fallback }
        guard case .integer(let number) = value else { throw .wrongType(path: path(of: key), expected: "an integer") }
        guard range.contains(number) else {
            throw .invalidValue(
                path: path(of: key), reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    /// A string member, or nil when absent.
    func string(_ key: String) throws(MaskingError) -> String? {
        guard let value = members[key] else { return nil }
        guard case .string(let text) = value else { throw .wrongType(path: path(of: key), expected: "a string") }
        return text
    }

    /// The mask character member, or `*` when absent.
    func maskCharacter() throws(MaskingError) -> Character {
        guard let text = try string("maskCharacter") else { return "*" }
        guard text.count == 1, let character = text.first else {
            throw .invalidValue(path: path(of: "maskCharacter"), reason: "must be exactly one character")
        }
        if let problem = TextScan.maskCharacterProblem(character) {
            throw .invalidValue(path: path(of: "maskCharacter"), reason: problem)
        }
        return character
    }
}
