internal import Foundation

/// Reads profile JSON (the format of `Spec/profiles.md`), checking every key and naming the wrong one.
enum ProfileJSON {
    static func decode(_ data: Data, source: String) throws(ShopDataError) -> Profile {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalidProfile(profile: source, key: "(file)", problem: "not valid JSON")
        }
        let object = try JSONObject(root, path: "", source: source)
        try object.allowOnly([
            "name", "description", "default_encoding", "time_zone", "timestamp_formats", "members",
            "orders",
        ])
        guard let name = try object.string("name"), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw object.problem("name", "is required and must be a non-empty string")
        }
        _ = try object.string("description")
        var profile = Profile(name: name)
        if let encoding = try object.string("default_encoding") {
            do {
                profile.defaultEncoding = try ShopEncoding(name: encoding)
            } catch {
                throw object.problem("default_encoding", "must be utf-8, cp932, big5 or big5-hkscs")
            }
        }
        if let zone = try object.string("time_zone") {
            guard let timeZone = TimeZone(identifier: zone) else {
                throw object.problem("time_zone", "is not an IANA time zone name (Asia/Taipei, Asia/Tokyo)")
            }
            profile.timeZone = timeZone
        }
        if let patterns = try object.strings("timestamp_formats") {
            profile.timestampFormats = []
            for (index, pattern) in patterns.enumerated() {
                guard let format = TimestampFormat(pattern) else {
                    throw object.problem(
                        "timestamp_formats[\(index)]", "is not a timestamp pattern (yyyy-MM-dd HH:mm:ss)")
                }
                profile.timestampFormats.append(format)
            }
        }
        profile.members = try object.object("members").map { layout throws(ShopDataError) in
            try decodeLayout(layout, kind: .members)
        }
        profile.orders = try object.object("orders").map { layout throws(ShopDataError) in
            try decodeLayout(layout, kind: .orders)
        }
        guard profile.members != nil || profile.orders != nil else {
            throw object.problem("members", "a profile needs a members or an orders layout")
        }
        return profile
    }

    static func decodeLayout(_ object: JSONObject, kind: RecordKind) throws(ShopDataError) -> ProfileLayout {
        var allowed: Set<String> = [
            "detect", "key", "columns", "join", "credential_columns", "duplicate_columns",
            "accepts",
        ]
        if kind == .orders { allowed.formUnion(["final_statuses", "order_level_fields_on_first_row_only"]) }
        try object.allowOnly(allowed)

        func field(_ name: String, at key: String) throws(ShopDataError) -> CanonicalField {
            guard let field = CanonicalField(rawValue: name), kind.fields.contains(field) else {
                throw object.problem(
                    key,
                    "\"\(name)\" is not a canonical \(kind.rawValue) field; known: "
                        + kind.fields.map(\.rawValue).joined(separator: ", "))
            }
            return field
        }

        guard let detect = try object.strings("detect")?.map(trim), !detect.isEmpty else {
            throw object.problem("detect", "is required: the header names that identify this layout")
        }
        let key =
            try object.string("key").map { name throws(ShopDataError) in try field(name, at: "key") }
            ?? kind.defaultKey
        guard let columnsObject = try object.object("columns") else {
            throw object.problem("columns", "is required: header name → canonical field")
        }
        var columns: [String: [CanonicalField]] = [:]
        var feeders: [CanonicalField: [String]] = [:]
        for header in columnsObject.values.keys.sorted() {
            guard let names = try columnsObject.stringOrStrings(header), !names.isEmpty else { continue }
            var fields: [CanonicalField] = []
            for name in names { fields.append(try field(name, at: "columns.\(header)")) }
            let trimmed = trim(header)
            guard columns[trimmed] == nil else {
                throw object.problem("columns.\(header)", "maps the same header twice")
            }
            columns[trimmed] = fields
            for mapped in fields { feeders[mapped, default: []].append(trimmed) }
        }

        var joins: [CanonicalField: ProfileLayout.Join] = [:]
        if let joinObject = try object.object("join") {
            for fieldName in joinObject.values.keys.sorted() {
                let joined = try field(fieldName, at: "join.\(fieldName)")
                guard let spec = try joinObject.object(fieldName) else { continue }
                try spec.allowOnly(["columns", "separator"])
                guard let parts = try spec.strings("columns")?.map(trim), !parts.isEmpty else {
                    throw spec.problem("columns", "is required: the headers joined, in order")
                }
                guard Set(parts) == Set(feeders[joined] ?? []), Set(parts).count == parts.count else {
                    throw spec.problem("columns", "must list exactly the headers that columns maps to \(fieldName)")
                }
                joins[joined] = ProfileLayout.Join(columns: parts, separator: try spec.string("separator") ?? " ")
            }
        }
        for (mapped, headers) in feeders.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where headers.count > 1 && joins[mapped] == nil {
            throw object.problem(
                "columns",
                "\(headers.count) headers map to \(mapped.rawValue) "
                    + "(\(headers.sorted().joined(separator: ", "))); add join.\(mapped.rawValue) to order them")
        }
        guard feeders[key]?.count == 1 else {
            throw object.problem("key", "exactly one header must map to the key field \(key.rawValue)")
        }

        let credentials = try object.strings("credential_columns")?.map(trim) ?? []
        if let mapped = credentials.first(where: { columns[$0] != nil }) {
            throw object.problem("credential_columns", "\"\(mapped)\" is also in columns; credentials are never mapped")
        }
        let duplicates = Set(try object.strings("duplicate_columns")?.map(trim) ?? [])

        var accepts: [CanonicalField: AcceptRule] = [:]
        if let acceptsObject = try object.object("accepts") {
            for fieldName in acceptsObject.values.keys.sorted() {
                let ruled = try field(fieldName, at: "accepts.\(fieldName)")
                guard let rule = try acceptsObject.object(fieldName) else { continue }
                try rule.allowOnly(["charset", "max_length"])
                var accept = AcceptRule(maxLength: try rule.positiveInt("max_length"))
                if let charset = try rule.string("charset") {
                    guard let parsed = AcceptRule.Charset(rawValue: charset) else {
                        throw rule.problem("charset", "must be digits, katakana or ascii")
                    }
                    accept.charset = parsed
                }
                accepts[ruled] = accept
            }
        }

        var finals = ProfileLayout.FinalStatuses()
        if let statuses = try object.object("final_statuses") {
            try statuses.allowOnly(["completed", "cancelled"])
            finals.completed = Set(try statuses.strings("completed")?.map(trim) ?? [])
            finals.cancelled = Set(try statuses.strings("cancelled")?.map(trim) ?? [])
            if let both = finals.completed.intersection(finals.cancelled).sorted().first {
                throw statuses.problem("cancelled", "\"\(both)\" is also listed as completed")
            }
        }
        return ProfileLayout(
            detect: detect, key: key, columns: columns, joins: joins, credentialColumns: credentials,
            duplicateColumns: duplicates, accepts: accepts, finalStatuses: finals,
            orderLevelFieldsOnFirstRowOnly: try object.bool("order_level_fields_on_first_row_only") ?? false)
    }

    static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
