/// Guesses the encoding of a file from its first block.
///
/// Order: a byte order mark means UTF-8 (handled by the reader); bytes that are valid UTF-8 are UTF-8 (CP932 and
/// Big5 text is almost never valid UTF-8); otherwise the sample is decoded as CP932 and as Big5 and the one that
/// decodes and scores higher wins. Japanese text is full of kana (CP932 0x82/0x83 lead bytes, which are not Big5
/// lead bytes), while Big5 read as CP932 turns into half-width katakana (Big5 lead bytes 0xA1–0xDF are single
/// half-width katakana in CP932), which modern exports do not contain.
enum EncodingDetector {
    /// Detects the encoding of `sample`.
    /// - Parameters:
    ///   - sample: The first bytes of the file, after any byte order mark.
    ///   - isWholeFile: Whether the sample is the whole file (otherwise it is cut at its last LF first, which
    ///     never splits a character in any supported encoding).
    ///   - fallback: The encoding to assume for non-UTF-8 files instead of guessing (a profile's default).
    /// - Returns: The encoding, or `nil` when the sample is none of UTF-8, CP932 and Big5.
    static func detect(_ sample: UnsafeBufferPointer<UInt8>, isWholeFile: Bool, fallback: ShopEncoding? = nil)
        -> ShopEncoding?
    {
        var usable = sample
        if !isWholeFile, let lastLF = sample.lastIndex(of: Byte.lf) {
            usable = UnsafeBufferPointer(rebasing: sample[..<(lastLF + 1)])
        }
        if isASCII(usable) || String(validating: usable, as: UTF8.self) != nil { return .utf8 }
        if let fallback { return fallback }
        let japanese = IconvConverter(from: ShopEncoding.cp932.iconvName, to: "UTF-8").decode(usable)
        let chinese = IconvConverter(from: ShopEncoding.big5.iconvName, to: "UTF-8").decode(usable)
        switch (japanese, chinese) {
        case (nil, nil): return nil
        case (.some, nil): return .cp932
        case (nil, .some): return .big5
        case (.some(let japanese), .some(let chinese)):
            return score(japanese) >= score(chinese) ? .cp932 : .big5
        }
    }

    /// How plausible a decoded text is as a shop export: kana and common CJK count for it, half-width katakana,
    /// private-use characters and rare symbols count against it.
    static func score(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3041...0x30FF: score += 3  // hiragana, katakana
            case 0x4E00...0x9FFF: score += 1  // CJK unified ideographs
            case 0x3000...0x303F, 0xFF01...0xFF5E: score += 1  // CJK punctuation, full-width forms
            case 0xFF61...0xFF9F: score -= 3  // half-width katakana
            case 0xE000...0xF8FF: score -= 5  // private use: user-defined codes
            case 0x0000...0x007F: break
            default: score -= 1
            }
        }
        return score
    }
}
