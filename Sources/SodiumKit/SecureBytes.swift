internal import CSodium

/// Secret bytes held in libsodium's guarded memory (`sodium_malloc`): page-guarded, excluded from core dumps
/// where the system allows it, and wiped with `sodium_memzero` before `sodium_free` when released.
///
/// The bytes are written only while the value is being made, so sharing a reference across threads is safe.
public final class SecureBytes: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    /// The number of secret bytes.
    public let count: Int

    /// Allocates `count` guarded bytes and lets `initialize` fill them.
    ///
    /// - Throws: ``SodiumError/outOfMemory``, or what `initialize` throws (the memory is wiped first).
    public init<E: Error>(
        count: Int, initializingWith initialize: (UnsafeMutableRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        precondition(count > 0, "SecureBytes needs at least one byte")
        guard (try? Sodium.ensureInitialized()) != nil, let raw = sodium_malloc(count) else {
            // Allocation failure is not an error the caller can recover from inside a typed-throws initialiser.
            fatalError("sodium_malloc failed for \(count) bytes")
        }
        do {
            try initialize(UnsafeMutableRawBufferPointer(start: raw, count: count))
        } catch {
            sodium_memzero(raw, count)
            sodium_free(raw)
            throw error
        }
        // Stored only now: a class initialiser that throws after every property is set runs `deinit`,
        // which would wipe and free `raw` a second time.
        pointer = raw
        self.count = count
    }

    /// Copies `bytes` into guarded memory. The caller remains responsible for wiping its own copy.
    public convenience init(copying bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        self.init(count: array.count) { buffer in buffer.copyBytes(from: array) }
    }

    /// Fresh random bytes from `randombytes_buf`.
    public static func random(count: Int) -> SecureBytes {
        SecureBytes(count: count) { buffer in randombytes_buf(buffer.baseAddress!, buffer.count) }
    }

    deinit {
        sodium_memzero(pointer, count)
        sodium_free(pointer)
    }

    /// Lends the secret bytes for the duration of `body`; do not let the pointer escape.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Compares in constant time (`sodium_memcmp`).
    public func constantTimeEquals(_ other: SecureBytes) -> Bool {
        count == other.count && sodium_memcmp(pointer, other.pointer, count) == 0
    }
}

extension SecureBytes: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never prints the secret.
    public var description: String { "SecureBytes(\(count) bytes, redacted)" }
    public var debugDescription: String { description }
}

/// Wipes a Swift array that held secret material (`sodium_memzero`).
public func wipe(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { buffer in
        if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
    }
}

/// Compares two byte sequences in constant time for equal lengths (`sodium_memcmp`).
public func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    if lhs.isEmpty { return true }
    return lhs.withUnsafeBytes { a in rhs.withUnsafeBytes { b in sodium_memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
}
