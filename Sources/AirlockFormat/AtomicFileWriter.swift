#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file through a temporary sibling (`.NAME.tmp-XXXXXX`), then `fsync` and `rename`: readers see
/// either no file or the whole file, never a part. ``discard()`` (or deinit without ``commit()``) removes the
/// temporary file.
public final class AtomicFileWriter {
    /// Where the file will appear on ``commit()``.
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 20
    private let mode: mode_t
    /// Bytes written so far.
    public private(set) var byteCount: UInt64 = 0

    /// Creates the temporary file next to `path`.
    /// - Parameters:
    ///   - mode: permission bits of the final file (0600 for secrets and archive files).
    ///   - overwrite: whether an existing file at `path` may be replaced.
    public init(path: String, mode: UInt32 = 0o644, overwrite: Bool = false) throws(FormatError) {
        if !overwrite, access(path, F_OK) == 0 { throw .io(path: path, reason: "already exists; choose another name or remove it") }
        self.path = path
        self.mode = mode_t(mode)
        let directory = Self.directory(of: path)
        let name = String(path.split(separator: "/").last ?? "out")
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .io(path: path, reason: "cannot create a temporary file: \(Self.errnoText())") }
        descriptor = fd
        temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(fd, mode_t(mode))
    }

    deinit { if descriptor >= 0 { discard() } }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FormatError) {
        byteCount += UInt64(bytes.count)
        if buffer.count + bytes.count > bufferLimit { try flush() }
        if bytes.count >= bufferLimit {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws(FormatError) {
        try bytes.withBytes { (raw) throws(FormatError) in try write(raw) }
    }

    /// Flushes, syncs and renames the file into place, then syncs the folder.
    public func commit() throws(FormatError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw .io(path: path, reason: "cannot sync to disk: \(Self.errnoText())") }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let reason = Self.errnoText()
            unlink(temporaryPath)
            throw .io(path: path, reason: "cannot move into place: \(reason)")
        }
        let directoryDescriptor = open(Self.directory(of: path), O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes the temporary file; nothing appears at `path`.
    public func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }

    private func flush() throws(FormatError) {
        guard !buffer.isEmpty else { return }
        try buffer.withBytes { (raw) throws(FormatError) in try writeAll(raw) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(FormatError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: "cannot write: \(Self.errnoText())")
            }
            offset += written
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    package static func errnoText() -> String { String(cString: strerror(errno)) }
}
