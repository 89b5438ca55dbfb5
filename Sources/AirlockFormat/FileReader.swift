#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a regular file by position, for the bundle reader's passes. Knows the file's size at open time.
package final class FileReader {
    package let path: String
    package let size: UInt64
    private let descriptor: Int32

    package init(path: String) throws(FormatError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot open: \(AtomicFileWriter.errnoText())") }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .io(path: path, reason: "not a regular file")
        }
        descriptor = fd
        size = UInt64(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads exactly `count` bytes at `offset` into `buffer` (which must be at least that large).
    package func read(at offset: UInt64, count: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FormatError) {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: "cannot read: \(AtomicFileWriter.errnoText())")
            }
            if got == 0 { throw .changedDuringRead }
            done += got
        }
    }

    /// Reads exactly `count` bytes at `offset`.
    package func read(at offset: UInt64, count: Int) throws(FormatError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try bytes.withMutableBytes { (raw) throws(FormatError) in try read(at: offset, count: count, into: raw) }
        return bytes
    }
}
