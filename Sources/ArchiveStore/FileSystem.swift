import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations the store needs, with POSIX modes: folders 0700, files 0600.
enum FileSystem {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates a folder with mode 0700 (parents as needed, with the default mode).
    static func makeDirectory(_ path: String) throws(ArchiveError) {
        if isDirectory(path) {
            chmod(path, 0o700)
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io(path: path, reason: "cannot create the folder: \(errnoText())")
        }
        chmod(path, 0o700)
    }

    /// Writes a small file atomically (temporary sibling, fsync, rename), mode 0600.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ArchiveError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot create: \(errnoText())") }
        fchmod(fd, 0o600)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errnoText()
                close(fd)
                unlink(temporary)
                throw .io(path: path, reason: "cannot write: \(reason)")
            }
            offset += written
        }
        guard fsync(fd) == 0 else {
            let reason = errnoText()
            close(fd)
            unlink(temporary)
            throw .io(path: path, reason: "cannot sync: \(reason)")
        }
        close(fd)
        try rename(temporary, to: path)
    }

    /// Renames `from` onto `to` (atomic on one file system) and syncs the folder.
    static func rename(_ from: String, to: String) throws(ArchiveError) {
        guard Glibc.rename(from, to) == 0 else {
            let reason = errnoText()
            unlink(from)
            throw .io(path: to, reason: "cannot move into place: \(reason)")
        }
        syncDirectory(of: to)
    }

    static func syncDirectory(of path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func read(_ path: String) throws(ArchiveError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, reason: "cannot read (missing or not readable)")
        }
        return Array(data)
    }

    static func remove(_ path: String) { unlink(path) }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
