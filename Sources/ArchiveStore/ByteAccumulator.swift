/// A growable run of bytes that only appends: the stored JSON and the content-hash input of each record are
/// built in one.
///
/// Why not `[UInt8]`: the import writes some 200 short pieces per order record (names, cells, quotes, length
/// prefixes), and each `Array.append(contentsOf:)` paid a uniqueness check, a capacity check through the generic
/// sequence path and retain/release traffic: a tenth of the preparing thread, more than the bytes cost to copy.
/// Here an append is a bounds test and a `memcpy`. Noncopyable, so the storage has exactly one owner and is freed
/// in `deinit`.
struct ByteAccumulator: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes appended so far.
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > capacity - count { grow(toHold: bytes.count) }
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `text`'s UTF-8 bytes.
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `value` in decimal ASCII digits.
    mutating func append(decimal value: UInt64) {
        withDecimalDigits(value) { append($0) }
    }

    /// The bytes appended so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// A copy of the bytes appended so far.
    var array: [UInt8] { withBytes { Array($0) } }

    private mutating func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.update(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}

/// Calls `body` with the decimal ASCII digits of `value` (what `String(value).utf8` holds), without building a
/// string.
func withDecimalDigits<Result>(_ value: UInt64, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
    -> Result
{
    // UInt64.max has 20 digits.
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
        var remaining = value
        var first = 20
        repeat {
            first -= 1
            digits[first] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        } while remaining > 0
        return try body(UnsafeBufferPointer(rebasing: digits[first...]))
    }
}
