import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bundle copied into `bundles/` under its partial name (`.NAME.partial`) and synced to disk before the import
/// transaction commits, then renamed to its final name after the commit. A crash leaves either no final file
/// (the partial is an orphan that ``Archive`` removes or completes on its next write) or a committed bundle.
final class StagedBundleFile {
    /// The final path.
    let path: String
    /// The partial path: what the import verifies and decrypts.
    let partialPath: String
    private var published = false

    /// Copies `source` to the partial name next to `path`, mode 0600, and syncs it.
    init(copying source: String, to path: String) throws(ArchiveError) {
        self.path = path
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        partialPath = folder + "/" + StoreLayout.partialName(of: name)
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw .io(path: source, reason: "cannot open: \(FileSystem.errnoText())") }
        defer { close(input) }
        let output = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard output >= 0 else { throw .io(path: partialPath, reason: "cannot create: \(FileSystem.errnoText())") }
        fchmod(output, 0o600)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var failure: String?
        copying: while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                failure = "cannot read \(source): \(FileSystem.errnoText())"
                break
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write: \(FileSystem.errnoText())"
                    break copying
                }
                offset += written
            }
        }
        if failure == nil, fsync(output) != 0 { failure = "cannot sync: \(FileSystem.errnoText())" }
        close(output)
        if let failure {
            unlink(partialPath)
            throw .io(path: partialPath, reason: failure)
        }
    }

    deinit { if !published { unlink(partialPath) } }

    /// Renames the partial file to its final name: call only after the import committed.
    func publish() throws(ArchiveError) {
        published = true
        try FileSystem.rename(partialPath, to: path)
    }
}
