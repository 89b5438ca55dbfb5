internal import Foundation

/// The policy file format, version 1 (see `Spec/masking.md`): reading with precise errors, and writing.
enum PolicyJSON {
    /// The rule names, as written in `"rule"`.
    static let ruleNames = ["keep", "blank", "constant", "partial", "phone", "address", "email", "postal"]

    /// Reads a policy from JSON bytes.
    static func decode(_ data: Data) throws(MaskingError) -> MaskingPolicy {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .malformedJSON
        }
        let top = try JSONObjectReader(root, path: "")
        try top.rejectUnknownKeys(allowed: ["version", "members", "orders"])
        guard let version = top.members["version"] else { throw .missingKey(path: "version") }
        guard case .integer(let number) = version else { throw .wrongType(path: "version", expected: "an integer") }
        guard number == 1 else { throw .unsupportedVersion(number) }
        var policy = MaskingPolicy()
        for kind in RecordKind.allCases {
            guard let table = top.members[kind.rawValue] else { continue }
            let reader = try JSONObjectReader(table, path: kind.rawValue)
            var rules: [String: MaskRule] = [:]
            for (field, value) in reader.members {
                guard !field.isEmpty else { throw .invalidValue(path: kind.rawValue, reason: "a field name is empty") }
                rules[field] = try rule(from: JSONObjectReader(value, path: reader.path(of: field)))
            }
            switch kind {
            case .members: policy.members = rules
            case .orders: policy.orders = rules
            }
        }
        return policy
    }

    /// Reads one rule object.
    static func rule(from object: JSONObjectReader) throws(MaskingError) -> MaskRule {
        guard let name = try object.string("rule") else { throw .missingKey(path: object.path(of: "rule")) }
        let keep = MaskLimits.keepCount
        let length = MaskLimits.maskLength
        switch name {
        case "keep", "blank":
            try object.rejectUnknownKeys(allowed: ["rule"])
            return name == "keep" ? .keep : .blank
        case "constant":
            try object.rejectUnknownKeys(allowed: ["rule", "value"])
            guard let value = try object.string("value") else { throw .missingKey(path: object.path(of: "value")) }
            return .constant(value)
        case "partial":
            try object.rejectUnknownKeys(allowed: ["rule", "keepFirst", "keepLast", "maskCharacter", "maskLength"])
            return .partial(
                PartialMask(
                    keepFirst: try object.integer("keepFirst", default: 1, in: keep),
                    keepLast: try object.integer("keepLast", default: 0, in: keep),
                    maskCharacter: try object.maskCharacter(),
                    maskLength: try object.integer("maskLength", default: 3, in: length)))
        case "phone":
            try object.rejectUnknownKeys(allowed: [
                "rule", "keepFirst", "keepLast", "maskCharacter", "maskLength", "minimumDigits",
            ])
            return .phone(
                PhoneMask(
                    keepFirst: try object.integer("keepFirst", default: 4, in: keep),
                    keepLast: try object.integer("keepLast", default: 3, in: keep),
                    maskCharacter: try object.maskCharacter(),
                    maskLength: try object.integer("maskLength", default: 3, in: length),
                    minimumDigits: try object.integer("minimumDigits", default: 7, in: keep)))
        case "address":
            try object.rejectUnknownKeys(allowed: ["rule", "fallbackKeepFirst", "maskCharacter", "maskLength"])
            return .address(
                AddressMask(
                    fallbackKeepFirst: try object.integer("fallbackKeepFirst", default: 3, in: keep),
                    maskCharacter: try object.maskCharacter(),
                    maskLength: try object.integer("maskLength", default: 3, in: length)))
        case "email":
            try object.rejectUnknownKeys(allowed: ["rule", "keepFirst", "maskCharacter", "maskLength"])
            return .email(
                EmailMask(
                    keepFirst: try object.integer("keepFirst", default: 1, in: keep),
                    maskCharacter: try object.maskCharacter(),
                    maskLength: try object.integer("maskLength", default: 3, in: length)))
        case "postal":
            try object.rejectUnknownKeys(allowed: ["rule", "keepFirst", "maskCharacter", "maskLength"])
            return .postal(
                PostalMask(
                    keepFirst: try object.integer("keepFirst", default: 3, in: keep),
                    maskCharacter: try object.maskCharacter(),
                    maskLength: try object.integer("maskLength", default: 4, in: length)))
        default:
            throw .unknownRule(path: object.path(of: "rule"), name: name)
        }
    }

    /// Writes a policy as pretty-printed JSON with sorted keys, every option spelled out.
    static func encode(_ policy: MaskingPolicy) -> Data {
        var top: [String: JSONValue] = ["version": .integer(1)]
        for kind in RecordKind.allCases {
            top[kind.rawValue] = .object(policy.rules(for: kind).mapValues(json(for:)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of strings, integers and objects cannot fail.
        return try! encoder.encode(JSONValue.object(top)) + Data("\n".utf8)
    }

    /// One rule as a JSON object.
    static func json(for rule: MaskRule) -> JSONValue {
        func object(_ name: String, _ options: [String: JSONValue]) -> JSONValue {
            .object(options.merging(["rule": .string(name)]) { $1 })
        }
        func mask(_ character: Character, _ length: Int) -> [String: JSONValue] {
            ["maskCharacter": .string(String(character)), "maskLength": .integer(length)]
        }
        switch rule {
        case .keep: return object("keep", [:])
        case .blank: return object("blank", [:])
        case .constant(let value): return object("constant", ["value": .string(value)])
        case .partial(let r):
            return object(
                "partial",
                mask(r.maskCharacter, r.maskLength).merging([
                    "keepFirst": .integer(r.keepFirst), "keepLast": .integer(r.keepLast),
                ]) { $1 })
        case .phone(let r):
            return object(
                "phone",
                mask(r.maskCharacter, r.maskLength).merging([
                    "keepFirst": .integer(r.keepFirst), "keepLast": .integer(r.keepLast),
                    "minimumDigits": .integer(r.minimumDigits),
                ]) { $1 })
        case .address(let r):
            return object(
                "address",
                mask(r.maskCharacter, r.maskLength).merging(["fallbackKeepFirst": .integer(r.fallbackKeepFirst)]) {
                    $1
                })
        case .email(let r):
            return object(
                "email", mask(r.maskCharacter, r.maskLength).merging(["keepFirst": .integer(r.keepFirst)]) { $1 })
        case .postal(let r):
            return object(
                "postal", mask(r.maskCharacter, r.maskLength).merging(["keepFirst": .integer(r.keepFirst)]) { $1 })
        }
    }
}
