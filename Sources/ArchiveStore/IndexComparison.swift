/// The queries `check` runs to compare the index with a replay of the bundles: each gives, for schemas `a` and
/// `b`, a label (kinds, keys, hash prefixes, sequence numbers: never a value) for every row of `a` that `b`
/// lacks. Every stored column takes part in the comparison, so an edited value shows as a difference.
enum IndexComparison {
    static let queries: [@Sendable (String, String) -> String] = [bundles, records, versions, revisions, lookups, names]

    static func bundles(_ a: String, _ b: String) -> String {
        let select = { (s: String) in
            """
            SELECT 'bundle ' || sequence || ' of chain ' || chain_id AS label, chain_id, sequence, bundle_hash,
                   previous_hash, created_at, file_name, byte_count, members, orders, new_records, changed_records,
                   unchanged_records
            FROM \(s).bundles
            """
        }
        return "SELECT label FROM (\(select(a)) EXCEPT \(select(b)))"
    }

    static func records(_ a: String, _ b: String) -> String {
        let select = { (s: String) in
            """
            SELECT r.kind || ' ' || r.key AS label, r.kind, r.key, f.bundle_hash
            FROM \(s).records r JOIN \(s).bundles f ON f.id = r.first_bundle_id
            """
        }
        return "SELECT label FROM (\(select(a)) EXCEPT \(select(b)))"
    }

    static func versions(_ a: String, _ b: String) -> String {
        let select = { (s: String) in
            """
            SELECT 'version ' || substr(v.content_hash, 1, 12) || ' of ' || r.kind || ' ' || r.key AS label,
                   r.kind, r.key, v.content_hash, v.fields, v.masked_at_source, v.items, v.source, f.bundle_hash
            FROM \(s).versions v JOIN \(s).records r ON r.id = v.record_id JOIN \(s).bundles f ON f.id = v.bundle_id
            """
        }
        return "SELECT label FROM (\(select(a)) EXCEPT \(select(b)))"
    }

    static func revisions(_ a: String, _ b: String) -> String {
        let select = { (s: String) in
            """
            SELECT 'revision ' || row_number() OVER (PARTITION BY rv.record_id ORDER BY rv.id) || ' of ' || r.kind
                   || ' ' || r.key AS label, r.kind, r.key, v.content_hash, f.bundle_hash
            FROM \(s).revisions rv JOIN \(s).records r ON r.id = rv.record_id
            JOIN \(s).versions v ON v.id = rv.version_id JOIN \(s).bundles f ON f.id = rv.bundle_id
            """
        }
        return "SELECT label FROM (\(select(a)) EXCEPT \(select(b)))"
    }

    static func lookups(_ a: String, _ b: String) -> String {
        let select = { (s: String) in
            """
            SELECT 'a ' || l.field || ' lookup key of ' || r.kind || ' ' || r.key AS label, r.kind, r.key, l.field, l.value
            FROM \(s).lookups l JOIN \(s).records r ON r.id = l.record_id
            """
        }
        return "SELECT label FROM (\(select(a)) EXCEPT \(select(b)))"
    }

    static func names(_ a: String, _ b: String) -> String {
        let select = { (s: String) in
            """
            SELECT 'a name key of ' || r.kind || ' ' || r.key AS label, r.kind, r.key, n.name
            FROM \(s).names n JOIN \(s).records r ON r.id = n.record_id
            """
        }
        return "SELECT label FROM (\(select(a)) EXCEPT \(select(b)))"
    }
}
