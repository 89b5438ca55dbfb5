internal import Foundation

/// A JSON object being validated, with the path used in error messages (`orders.columns.Name`).
struct JSONObject {
    let values: [String: Any]
    let path: String
    let source: String

    init(_ value: Any, path: String, source: String) throws(ShopDataError) {
        self.path = path
        self.source = source
        guard let values = value as? [String: Any] else {
            throw .invalidProfile(
                profile: source, key: path.isEmpty ? "(top level)" : path, problem: "must be an object")
        }
        self.values = values
    }

    /// The error for a key of this object.
    func problem(_ key: String, _ text: String) -> ShopDataError {
        .invalidProfile(profile: source, key: path.isEmpty ? key : "\(path).\(key)", problem: text)
    }

    /// Rejects keys not in `allowed`, so that typos do not pass silently.
    func allowOnly(_ allowed: Set<String>) throws(ShopDataError) {
        if let unknown = values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw problem(unknown, "unknown key; known keys: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func string(_ key: String) throws(ShopDataError) -> String? {
        guard let value = values[key] else { return nil }
        guard let text = value as? String else { throw problem(key, "must be a string") }
        return text
    }

    func strings(_ key: String) throws(ShopDataError) -> [String]? {
        guard let value = values[key] else { return nil }
        guard let list = value as? [Any] else { throw problem(key, "must be an array of strings") }
        var texts: [String] = []
        for (index, item) in list.enumerated() {
            guard let text = item as? String else { throw problem("\(key)[\(index)]", "must be a string") }
            texts.append(text)
        }
        return texts
    }

    /// A string or an array of strings.
    func stringOrStrings(_ key: String) throws(ShopDataError) -> [String]? {
        if let text = values[key] as? String { return [text] }
        return try strings(key)
    }

    func object(_ key: String) throws(ShopDataError) -> JSONObject? {
        guard let value = values[key] else { return nil }
        return try JSONObject(value, path: path.isEmpty ? key : "\(path).\(key)", source: source)
    }

    func bool(_ key: String) throws(ShopDataError) -> Bool? {
        guard let value = values[key] else { return nil }
        guard let flag = value as? Bool else { throw problem(key, "must be true or false") }
        return flag
    }

    func positiveInt(_ key: String) throws(ShopDataError) -> Int? {
        guard let value = values[key] else { return nil }
        guard let number = value as? Int, number > 0, !(value is Bool) else {
            throw problem(key, "must be a positive integer")
        }
        return number
    }
}
