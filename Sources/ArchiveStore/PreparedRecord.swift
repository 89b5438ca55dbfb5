import AirlockFormat
import BundleOpening
import Pipeline

/// One record as the ingester stores it, with everything that needs no database computed in advance: the content
/// hash, the JSON columns and the lookup keys.
struct PreparedRecord: Sendable {
    var kind: ShopRecord.Kind
    var key: String
    var hash: String
    var columns: VersionContent.StoredColumns
    var lookups: [(LookupField, String)]

    /// - Parameter plans: The preparing thread's remembered field plans.
    init(_ record: ShopRecord, source: Manifest.Source, plans: FieldPlans) {
        let content = VersionContent(record: record, source: source)
        kind = record.kind
        key = record.key
        hash = content.hash(plans: plans)
        columns = content.columnBytes(plans: plans)
        lookups = LookupField.keys(
            kind: content.kind, recordKey: content.key, fields: content.fields, masked: content.maskedAtSource,
            routes: plans.plan(for: content.fields).lookupRoutes)
    }
}

extension BatchedProducer where Element == PreparedRecord {
    /// Decrypts, decodes and prepares a bundle's records on a second thread, in batches, while the database
    /// thread stores the previous ones: an import then uses both cores. At most 4 batches of 256 wait at any
    /// time. The reader is used by that thread only from here on; call ``stop()`` before leaving the transaction.
    convenience init(preparing reader: BundleContentsReader) {
        let sources = reader.manifest.sources
        let handed = Handed(reader)
        self.init(name: "airlock-import-prepare", batchSize: 256, batches: 4) { emit in
            let plans = FieldPlans()
            while let record = try handed.value.next() {
                try emit(PreparedRecord(record, source: sources[Int(record.source)], plans: plans))
            }
        }
    }
}
