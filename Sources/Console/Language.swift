import Foundation

/// The console's languages. The choice comes from `?lang=` (then kept in a cookie), else the cookie, else the
/// browser's `Accept-Language`, else English.
public enum Language: String, CaseIterable, Sendable {
    case traditionalChinese = "zh-Hant"
    case japanese = "ja"
    case english = "en"

    /// The language's own name, for the switch.
    var nativeName: String {
        switch self {
        case .traditionalChinese: "繁體中文"
        case .japanese: "日本語"
        case .english: "English"
        }
    }

    /// The strings of this language.
    var strings: Strings {
        switch self {
        case .traditionalChinese: .traditionalChinese
        case .japanese: .japanese
        case .english: .english
        }
    }

    /// A `lang` parameter or cookie value: `zh-Hant`, `ja`, `en` (case-insensitive; `zh`, `zh-TW` are Chinese).
    init?(code: String) {
        let code = code.lowercased()
        if code.hasPrefix("zh") {
            self = .traditionalChinese
        } else if code == "ja" || code.hasPrefix("ja-") {
            self = .japanese
        } else if code == "en" || code.hasPrefix("en-") {
            self = .english
        } else {
            return nil
        }
    }

    /// The best language of an `Accept-Language` header (`ja,en-US;q=0.8`): the highest weight that names one of
    /// ours; any Chinese (`zh-TW`, `zh-HK`, `zh`) is Traditional Chinese.
    static func negotiate(_ header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, weight: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let language = Language(code: tag) else { continue }
            var weight = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }
}
