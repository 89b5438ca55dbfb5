#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on the store's `lock` file, held by imports and rebuilds so that two
/// processes never stage the same bundle copy or replace the database under each other. Released on deinit.
final class StoreLock {
    private let descriptor: Int32

    /// Waits for the lock.
    init(_ layout: StoreLayout) throws(ArchiveError) {
        let path = layout.root + "/lock"
        descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot open the lock file: \(FileSystem.errnoText())") }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = FileSystem.errnoText()
                close(descriptor)
                throw .io(path: path, reason: "cannot lock the store: \(reason)")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
