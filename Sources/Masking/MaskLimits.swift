/// The ranges every rule option must fall in; checked by the rule initialisers and by the policy loader.
enum MaskLimits {
    /// Counts of characters or digits to keep.
    static let keepCount = 0...64
    /// Length of the fixed mask run: at least one character, so that masked output is recognisable.
    static let maskLength = 1...64

    /// Stops the program when an option is out of range: only a programmer can pass one (the loader checks first).
    static func check(keep counts: Int..., maskLength: Int, maskCharacter: Character) {
        for count in counts {
            precondition(keepCount.contains(count), "keep counts must be in \(keepCount)")
        }
        precondition(Self.maskLength.contains(maskLength), "maskLength must be in \(Self.maskLength)")
        precondition(TextScan.maskCharacterProblem(maskCharacter) == nil, "unusable mask character")
    }
}
