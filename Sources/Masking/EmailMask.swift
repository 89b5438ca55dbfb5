/// Masks an email address: keeps the first character of the local part and the whole domain
/// (`taro.yamada@example.jp` → `t***@example.jp`).
///
/// Valid here means: no whitespace, exactly one `@`, a non-empty local part and a non-empty domain.
/// A local part of `keepFirst` characters or fewer keeps `count - 1` of them, so at least one is hidden.
/// An invalid address is masked like ``PartialMask`` with the same `keepFirst`, no kept end, and the same mask.
public struct EmailMask: Sendable, Hashable {
    /// Characters kept from the start of the local part.
    public let keepFirst: Int
    /// The character repeated to form the mask.
    public let maskCharacter: Character
    /// How many mask characters replace the hidden part of the local part.
    public let maskLength: Int

    /// Creates an email mask.
    /// - Parameters:
    ///   - keepFirst: characters kept from the start of the local part (0…64).
    ///   - maskCharacter: the mask character (not whitespace, a letter, a digit, `@` or `+`).
    ///   - maskLength: the fixed number of mask characters (1…64).
    public init(keepFirst: Int = 1, maskCharacter: Character = "*", maskLength: Int = 3) {
        MaskLimits.check(keep: keepFirst, maskLength: maskLength, maskCharacter: maskCharacter)
        self.keepFirst = keepFirst
        self.maskCharacter = maskCharacter
        self.maskLength = maskLength
    }

    /// The rule used for values that are not email addresses.
    var fallback: PartialMask {
        PartialMask(keepFirst: keepFirst, keepLast: 0, maskCharacter: maskCharacter, maskLength: maskLength)
    }

    /// The masked address; a value this rule could have produced is returned unchanged (idempotence).
    public func apply(_ value: String) -> String {
        let text = TextScan.trimmed(value)
        if text.isEmpty || recognizes(text) { return String(text) }
        guard let (local, domain) = Self.split(text) else { return fallback.apply(String(text)) }
        let kept = local.prefix(min(keepFirst, local.count - 1))
        return String(kept) + TextScan.mask(maskCharacter, maskLength) + "@" + domain
    }

    /// True when `text` is `kept + mask + "@" + domain` with at most `keepFirst` kept characters,
    /// or (for a value without a valid address shape) the fallback's output.
    public func recognizes(_ text: some StringProtocol) -> Bool {
        guard TextScan.contains(text, maskCharacter) else { return false }  // every output has one
        guard let (local, _) = Self.split(Substring(text)) else { return fallback.recognizes(text) }
        let kept = local.count - maskLength
        return (0...keepFirst).contains(kept) && TextScan.isAll(local.dropFirst(kept), maskCharacter)
    }

    /// The local part and domain of a valid address, else nil.
    static func split(_ text: Substring) -> (local: Substring, domain: Substring)? {
        guard !text.contains(where: TextScan.isSpace) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (parts[0], parts[1])
    }
}
