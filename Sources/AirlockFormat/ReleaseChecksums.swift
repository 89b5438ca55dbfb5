import SodiumKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A release's `SHA256SUMS` (`Spec/release.md`): one `HEX  PATH` line per file, exactly as GNU `sha256sum`
/// writes them in text mode, so `sha256sum -c SHA256SUMS` checks the same list.
public struct ReleaseChecksums: Equatable, Sendable {
    /// The list's file name in a release folder.
    public static let fileName = "SHA256SUMS"
    /// The longest list read (a release has a few dozen files).
    static let maxLength = 1 << 20

    /// Path (relative, `/`-separated) → SHA-256 digest.
    public private(set) var entries: [String: [UInt8]]

    /// Wraps entries.
    public init(entries: [String: [UInt8]]) { self.entries = entries }

    /// The list's text: lines sorted by path (byte order), each `hex  path` and LF.
    public var text: String {
        entries.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { "\(Hex.encode(entries[$0]!))  \($0)\n" }.joined()
    }

    /// Parses a list strictly: every line `64 lower-case hex digits, two spaces (or space and '*'), a path`,
    /// LF-terminated; paths relative, without `.` or `..` components, backslashes or duplicates.
    public static func parse(_ bytes: [UInt8], source: String = fileName) throws(ReleaseError) -> ReleaseChecksums {
        guard bytes.count <= maxLength else { throw .malformed(path: source, reason: "longer than \(maxLength) bytes") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed(path: source, reason: "not UTF-8 text")
        }
        guard text.isEmpty || text.hasSuffix("\n"), !text.contains("\r") else {
            throw .malformed(path: source, reason: "lines must end in a single LF")
        }
        var entries: [String: [UInt8]] = [:]
        for (number, row) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let line = "line \(number + 1)"
            let utf8 = Array(row.utf8)
            guard utf8.count > 66, utf8[64] == UInt8(ascii: " "),
                utf8[65] == UInt8(ascii: " ") || utf8[65] == UInt8(ascii: "*"),
                let digest = Hex.decode(String(decoding: utf8[0..<64], as: UTF8.self)),
                String(decoding: utf8[0..<64], as: UTF8.self) == Hex.encode(digest)
            else { throw .malformed(path: source, reason: "\(line) is not 'SHA-256 in lower-case hex, two spaces, path'") }
            let path = String(decoding: utf8[66...], as: UTF8.self)
            guard isSafeRelativePath(path) else { throw .malformed(path: source, reason: "\(line) has an unsafe path") }
            guard path != fileName, path != ReleaseSignature.fileName else {
                throw .malformed(path: source, reason: "\(line) lists the checksum list or its signature")
            }
            guard entries.updateValue(digest, forKey: path) == nil else {
                throw .malformed(path: source, reason: "\(line) lists a path twice")
            }
        }
        guard !entries.isEmpty else { throw .malformed(path: source, reason: "no files listed") }
        return ReleaseChecksums(entries: entries)
    }

    /// Lists and hashes every regular file under `directory`, except the list and its signature.
    ///
    /// - Throws: ``ReleaseError/notRegularFile(path:)`` for a symbolic link or any other non-regular entry.
    public static func computed(directory: String) throws(ReleaseError) -> ReleaseChecksums {
        var entries: [String: [UInt8]] = [:]
        for path in try files(in: directory) where path != fileName && path != ReleaseSignature.fileName {
            entries[path] = try digest(ofFile: directory + "/" + path, relative: path)
        }
        return ReleaseChecksums(entries: entries)
    }

    /// Checks `directory` against this list: every listed file present with its digest, nothing unlisted.
    /// Files are reported in path order, missing and unlisted files before altered ones.
    public func check(directory: String) throws(ReleaseError) {
        let present = try Self.files(in: directory).filter { $0 != Self.fileName && $0 != ReleaseSignature.fileName }
        if let missing = entries.keys.sorted().first(where: { !present.contains($0) }) { throw .missingFile(path: missing) }
        if let extra = present.first(where: { entries[$0] == nil }) { throw .unlistedFile(path: extra) }
        for path in present.sorted() {
            let digest = try Self.digest(ofFile: directory + "/" + path, relative: path)
            guard digest == entries[path] else { throw .checksumMismatch(path: path) }
        }
    }

    // MARK: - Files

    /// True for `a/b/c`: not empty, not absolute, no empty, `.` or `..` component, no backslash or control
    /// character (which `sha256sum` would escape).
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        guard !path.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) else {
            return false
        }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Every regular file under `directory`, relative, sorted; refuses links and other non-regular entries.
    static func files(in directory: String) throws(ReleaseError) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? directory : directory + "/" + relative
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: absolute) } catch {
                throw .unreadable(path: relative.isEmpty ? directory : relative, reason: "cannot list the folder")
            }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(directory + "/" + child, &info) == 0 else {
                    throw .unreadable(path: child, reason: String(cString: strerror(errno)))
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(child)
                case S_IFREG: result.append(child)
                default: throw .notRegularFile(path: child)
                }
            }
        }
        return result.sorted()
    }

    /// SHA-256 of a file, read in 1 MiB pieces.
    static func digest(ofFile path: String, relative: String) throws(ReleaseError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { throw .unreadable(path: relative, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: relative, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
        }
        return hasher.finalize()
    }
}
