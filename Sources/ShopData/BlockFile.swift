internal import Glibc

/// A file read in fixed-size blocks with `read(2)`, so that no file is ever held in memory whole.
final class BlockFile {
    let name: String
    private let descriptor: Int32
    /// The current block; bytes `0..<count` are valid.
    private(set) var block: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    /// Whether `read` has returned 0: the block holds the last bytes of the file.
    private(set) var atEnd = false

    init(path: String, name: String, blockSize: Int) throws(ShopDataError) {
        self.name = name
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw .io(file: name, operation: "open", errno: errno) }
        descriptor = opened
        block = .allocate(capacity: blockSize)
    }

    deinit {
        close(descriptor)
        block.deallocate()
    }

    /// Replaces the block with the next bytes of the file, filling it as far as the file allows.
    func refill() throws(ShopDataError) {
        count = 0
        while count < block.count, !atEnd {
            let got = read(descriptor, block.baseAddress! + count, block.count - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(file: name, operation: "read", errno: errno)
            }
            if got == 0 { atEnd = true } else { count += got }
        }
    }
}
