import AirlockFormat
import Foundation

/// What `find` can search by, and which canonical fields feed each index (`Spec/archive.md`, "Lookups").
public enum LookupField: String, CaseIterable, Sendable, Codable {
    case email
    case account
    case memberID = "member_id"
    case orderNo = "order_no"
    case phone
    case name

    /// Whether a canonical field's values go into this index.
    ///
    /// - email: `email` and every `*_email` field (`purchaser_email`, …)
    /// - account: `account`
    /// - member_id / order_no: that field, and the record's own key
    /// - phone: `phone`, `mobile`, `tel`, and every `*_phone`, `*_mobile`, `*_tel` field
    /// - name: `name`, `name_kana`, and every `*_name` / `*_name_kana` field
    public func indexes(field name: String) -> Bool {
        switch self {
        case .email: name == "email" || name.hasSuffix("_email")
        case .account: name == "account"
        case .memberID: name == "member_id"
        case .orderNo: name == "order_no"
        case .phone:
            ["phone", "mobile", "tel"].contains(name) || name.hasSuffix("_phone") || name.hasSuffix("_mobile")
                || name.hasSuffix("_tel")
        case .name: name == "name" || name == "name_kana" || name.hasSuffix("_name") || name.hasSuffix("_name_kana")
        }
    }

    /// The index key of a value: what is stored at import and looked up at query time, or nil when the value
    /// cannot be searched (empty, or a phone number with fewer than 6 digits).
    public func key(for value: String) -> String? {
        let key: String
        switch self {
        case .email, .account: key = LookupNormalizer.folded(value)
        case .memberID, .orderNo: key = LookupNormalizer.trimmed(value)
        case .phone: return LookupNormalizer.phoneKey(value)
        case .name: key = LookupNormalizer.nameKey(value)
        }
        return key.isEmpty ? nil : key
    }

    /// The indexes that take a field's values, in ``allCases`` order.
    static func routes(forField name: String) -> [LookupField] { allCases.filter { $0.indexes(field: name) } }

    /// Every (index, key) pair a version's fields contribute; masked-at-source fields contribute nothing.
    /// - Parameter routes: For each field, the indexes that take it, if known (``FieldPlans``).
    static func keys(
        kind: ShopRecord.Kind, recordKey: String, fields: [ShopRecord.Field], masked: [String],
        routes: [[LookupField]]? = nil
    ) -> [(LookupField, String)] {
        var pairs: [(LookupField, String)] = [(kind == .member ? .memberID : .orderNo, recordKey)]
        for (index, field) in fields.enumerated() {
            let lookups = routes?[index] ?? Self.routes(forField: field.name)
            guard !lookups.isEmpty, !masked.contains(field.name) else { continue }
            for lookup in lookups {
                if let key = lookup.key(for: field.value) { pairs.append((lookup, key)) }
            }
        }
        return pairs
    }
}
