import AirlockFormat
import Masking
import ShopData

// The three modules name the two kinds of record in their own words; these map between them.

extension ShopData.RecordKind {
    var recordKind: ShopRecord.Kind { self == .members ? .member : .order }
    var maskingKind: Masking.RecordKind { self == .members ? .members : .orders }
}

extension AcceptRule {
    /// The masking module's view of what the platform's importer accepts.
    var fieldAcceptance: FieldAcceptance {
        FieldAcceptance(
            digitsOnly: charset == .digits, katakanaOnly: charset == .katakana, asciiOnly: charset == .ascii,
            maxLength: maxLength)
    }
}
